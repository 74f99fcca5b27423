#include "window/launchoptions.h"

#include <QtTest>

using namespace bw;

class TestLaunchOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryOption()
    {
        QString error;
        int exitCode = -1;
        const auto options = LaunchOptions::parse(
                {QStringLiteral("batchwatch"), QStringLiteral("--demo"),
                 QStringLiteral("--data-dir"), QStringLiteral("/tmp/bw"),
                 QStringLiteral("--screenshot"), QStringLiteral("/tmp/shot.png"),
                 QStringLiteral("--select"), QStringLiteral("k3x9p2m7q1ab"),
                 QStringLiteral("--tab"), QStringLiteral("Timeline"), QStringLiteral("--size"),
                 QStringLiteral("1280x800")},
                &error, &exitCode);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(exitCode, 0);
        QVERIFY(options->demo);
        QVERIFY(!options->demoIfUnconfigured);
        QCOMPARE(options->dataDirectory, QStringLiteral("/tmp/bw"));
        QCOMPARE(options->screenshotFile, QStringLiteral("/tmp/shot.png"));
        QCOMPARE(options->selectIdentifier, QStringLiteral("k3x9p2m7q1ab"));
        QCOMPARE(options->tab, QStringLiteral("timeline"));
        QCOMPARE(options->size, std::optional<QSize>(QSize(1280, 800)));
    }

    void defaultsWithoutOptions()
    {
        int exitCode = -1;
        const auto options
                = LaunchOptions::parse({QStringLiteral("batchwatch")}, nullptr, &exitCode);
        QVERIFY(options);
        QVERIFY(!options->demo);
        QVERIFY(options->dataDirectory.isEmpty());
        QVERIFY(options->screenshotFile.isEmpty());
        QVERIFY(!options->size);
    }

    void rejectsUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad size") << QStringList{QStringLiteral("--size"), QStringLiteral("big")}
                                  << QStringLiteral("Invalid --size");
        QTest::newRow("tiny size") << QStringList{QStringLiteral("--size"), QStringLiteral("10x10")}
                                   << QStringLiteral("Invalid --size");
        QTest::newRow("unknown tab") << QStringList{QStringLiteral("--tab"), QStringLiteral("nope")}
                                     << QStringLiteral("Unknown tab");
        QTest::newRow("unknown option")
                << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("stray argument")
                << QStringList{QStringLiteral("extra")} << QStringLiteral("Unexpected argument");
        QTest::newRow("missing value")
                << QStringList{QStringLiteral("--data-dir")} << QStringLiteral("data-dir");
    }

    void rejectsUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        arguments.prepend(QStringLiteral("batchwatch"));
        QString error;
        int exitCode = -1;
        QVERIFY(!LaunchOptions::parse(arguments, &error, &exitCode));
        QCOMPARE(exitCode, 2);
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void parsesSizes()
    {
        QCOMPARE(LaunchOptions::parseSize(QStringLiteral("1920X1080")), QSize(1920, 1080));
        QCOMPARE(LaunchOptions::parseSize(QStringLiteral(" 800 x 600 ")), QSize(800, 600));
        QVERIFY(!LaunchOptions::parseSize(QStringLiteral("800x")));
        QVERIFY(!LaunchOptions::parseSize(QStringLiteral("-800x600")));
        QVERIFY(!LaunchOptions::parseSize(QStringLiteral("99999x600")));
    }
};

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
