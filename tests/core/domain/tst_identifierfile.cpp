// IdentifierFile: the one reader of identifier files (Add jobs dialog and --from-file).

#include "domain/identifierfile.h"

#include <QBuffer>
#include <QFile>
#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(bw::IdentifierFile::Format)

class tst_IdentifierFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data();
    void reads();
    void choosesTheFormatByName_data();
    void choosesTheFormatByName();
    void readsADevice();
    void refusesUnboundedInput_data();
    void refusesUnboundedInput();
    void endsAnEndlessDeviceAtTheCap();
    void stopsWhenCancelled();
    void refusesAFileOfMostlyNonIdentifiers();
};

void tst_IdentifierFile::reads_data()
{
    using F = IdentifierFile::Format;
    QTest::addColumn<QString>("text");
    QTest::addColumn<F>("format");
    QTest::addColumn<QStringList>("tokens");

    const QString arn = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    QTest::newRow("txt lines") << "k3x9p2m7q1ab\r\nbatch_1\n\n"
                               << F::Text << QStringList{u"k3x9p2m7q1ab"_s, u"batch_1"_s};
    QTest::newRow("txt separators")
            << "a1b2c3d4e5f6, k3x9p2m7q1ab;batch_1" << F::Text
            << QStringList{u"a1b2c3d4e5f6"_s, u"k3x9p2m7q1ab"_s, u"batch_1"_s};
    QTest::newRow("txt with BOM") << QString(QChar(0xFEFF)) + u"k3x9p2m7q1ab"_s << F::Text
                                  << QStringList{u"k3x9p2m7q1ab"_s};
    // batchwatch's own CSV export: only the identifier column, never names or statuses.
    QTest::newRow("csv export")
            << u"identifier,jobArn,jobName,modelId,status,message\r\n"
               "k3x9p2m7q1ab,"_s
                       + arn
                       + u",\"nightly, eval\",anthropic.claude,Completed,\"line one\nline two\"\r\n"
                         "batch_zz,,other,,Failed,\r\n"_s
            << F::Csv << QStringList{u"k3x9p2m7q1ab"_s, u"batch_zz"_s};
    QTest::newRow("csv jobArn column")
            << u"status,jobArn\nCompleted,"_s + arn + u"\n"_s << F::Csv << QStringList{arn};
    QTest::newRow("csv id column, any case") << "ID,Name\nk3x9p2m7q1ab,x\n"
                                             << F::Csv << QStringList{u"k3x9p2m7q1ab"_s};
    QTest::newRow("csv without header")
            << "k3x9p2m7q1ab,a1b2c3d4e5f6\nbatch_1\n"
            << F::Csv << QStringList{u"k3x9p2m7q1ab"_s, u"a1b2c3d4e5f6"_s, u"batch_1"_s};
    QTest::newRow("json array") << R"(["k3x9p2m7q1ab", "batch_1"])" << F::Json
                                << QStringList{u"k3x9p2m7q1ab"_s, u"batch_1"_s};
    QTest::newRow("json objects")
            << R"([{"jobArn":"a1b2c3d4e5f6"},{"jobIdentifier":"k3x9p2m7q1ab"},{"id":"batch_1"}])"
            << F::Json << QStringList{u"a1b2c3d4e5f6"_s, u"k3x9p2m7q1ab"_s, u"batch_1"_s};
    QTest::newRow("json export")
            << R"({"jobs":[{"identifier":"k3x9p2m7q1ab","job":{"jobArn":"x","jobName":"n"}}]})"
            << F::Json << QStringList{u"k3x9p2m7q1ab"_s};
    QTest::newRow("json list response")
            << uR"({"invocationJobSummaries":[{"jobArn":")"_s + arn + uR"(","status":"Failed"}]})"_s
            << F::Json << QStringList{arn};
    QTest::newRow("json native list") << R"({"data":[{"id":"batch_1","status":"completed"}]})"
                                      << F::Json << QStringList{u"batch_1"_s};
    QTest::newRow("broken json read as text")
            << "k3x9p2m7q1ab" << F::Json << QStringList{u"k3x9p2m7q1ab"_s};
    QTest::newRow("auto: json") << R"(["k3x9p2m7q1ab"])" << F::Auto
                                << QStringList{u"k3x9p2m7q1ab"_s};
    QTest::newRow("auto: csv export") << "identifier,status\nk3x9p2m7q1ab,Completed\n"
                                      << F::Auto << QStringList{u"k3x9p2m7q1ab"_s};
    QTest::newRow("auto: text") << "k3x9p2m7q1ab a1b2c3d4e5f6" << F::Auto
                                << QStringList{u"k3x9p2m7q1ab"_s, u"a1b2c3d4e5f6"_s};
}

void tst_IdentifierFile::reads()
{
    QFETCH(QString, text);
    QFETCH(IdentifierFile::Format, format);
    QFETCH(QStringList, tokens);
    QCOMPARE(IdentifierFile::tokens(text, format), tokens);
    QCOMPARE(IdentifierFile::parse(text + u'\n' + text, IdentifierFile::Format::Text).isEmpty(),
             tokens.isEmpty());
}

void tst_IdentifierFile::choosesTheFormatByName_data()
{
    using F = IdentifierFile::Format;
    QTest::addColumn<QString>("path");
    QTest::addColumn<F>("format");
    QTest::newRow("csv") << "/tmp/Export.CSV" << F::Csv;
    QTest::newRow("json") << "ids.json" << F::Json;
    QTest::newRow("txt") << "ids.txt" << F::Text;
    QTest::newRow("no suffix") << "ids" << F::Text;
    QTest::newRow("stdin") << "-" << F::Auto;
}

void tst_IdentifierFile::choosesTheFormatByName()
{
    QFETCH(QString, path);
    QFETCH(IdentifierFile::Format, format);
    QCOMPARE(IdentifierFile::formatForPath(path), format);
}

void tst_IdentifierFile::readsADevice()
{
    QByteArray bytes("\xEF\xBB\xBFidentifier,jobName\nk3x9p2m7q1ab,\"a, b\"\n");
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QCOMPARE(IdentifierFile::read(buffer, IdentifierFile::Format::Csv),
             std::optional(QStringList{QStringLiteral("k3x9p2m7q1ab")}));
    const QList<JobIdentifier> ids = IdentifierFile::parse(
            QStringLiteral("k3x9p2m7q1ab\nk3x9p2m7q1ab\nthis"), IdentifierFile::Format::Text);
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.at(0).isValid());
    QVERIFY(!ids.at(1).isValid());
}

void tst_IdentifierFile::refusesUnboundedInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<IdentifierFile::Format>("format");
    QTest::addColumn<QString>("error");
    const QByteArray ids = QByteArray("k3x9p2m7q1ab\n").repeated(1000);
    QTest::newRow("over the size cap")
            << ids.repeated(int(IdentifierFile::kMaxBytes / ids.size()) + 1)
            << IdentifierFile::Format::Text << u"larger than 16 MiB"_s;
    QTest::newRow("a long line") << ids + QByteArray(IdentifierFile::kMaxLineBytes + 1, 'a')
                                 << IdentifierFile::Format::Auto << u"line 1001 is longer"_s;
    QTest::newRow("a long csv line") << QByteArray(IdentifierFile::kMaxLineBytes + 1, 'a')
                                     << IdentifierFile::Format::Csv << u"line 1 is longer"_s;
    QTest::newRow("zeros") << QByteArray(100'000, '\0') << IdentifierFile::Format::Auto
                           << u"binary data"_s;
}

void tst_IdentifierFile::refusesUnboundedInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(IdentifierFile::Format, format);
    QFETCH(QString, error);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QString message;
    QCOMPARE(IdentifierFile::read(buffer, format, &message), std::nullopt);
    QVERIFY2(message.contains(error), qPrintable(message));
    // Stopped at the cap, not after reading everything.
    QVERIFY(buffer.pos() <= IdentifierFile::kMaxBytes + 1);
}

void tst_IdentifierFile::endsAnEndlessDeviceAtTheCap()
{
    // /dev/zero never ends: the reader stops at its first chunk with a clear error.
    QFile zero(u"/dev/zero"_s);
    if (!zero.open(QIODevice::ReadOnly))
        QSKIP("no /dev/zero here");
    QString message;
    QCOMPARE(IdentifierFile::read(zero, IdentifierFile::Format::Auto, &message), std::nullopt);
    QVERIFY2(message.contains(u"binary data"_s), qPrintable(message));
    // A JSON file of any length is bounded by the size cap alone.
    QByteArray json = "[\"" + QByteArray(IdentifierFile::kMaxBytes, 'a') + "\"]";
    QBuffer buffer(&json);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QCOMPARE(IdentifierFile::read(buffer, IdentifierFile::Format::Json, &message), std::nullopt);
    QVERIFY2(message.contains(u"larger than"_s), qPrintable(message));
    // A JSON list on one long line is fine.
    QByteArray oneLine
            = "[\"k3x9p2m7q1ab\"" + QByteArray(",\"a1b2c3d4e5f6\"").repeated(10'000) + "]";
    QBuffer ok(&oneLine);
    QVERIFY(ok.open(QIODevice::ReadOnly));
    const auto tokens = IdentifierFile::read(ok, IdentifierFile::Format::Json, &message);
    QVERIFY2(tokens, qPrintable(message));
    QCOMPARE(tokens->size(), 10'001);
}

void tst_IdentifierFile::stopsWhenCancelled()
{
    QByteArray bytes = QByteArray("k3x9p2m7q1ab\n").repeated(100'000);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    int checks = 0;
    QString message;
    QCOMPARE(IdentifierFile::read(buffer, IdentifierFile::Format::Text, &message,
                                  [&checks] { return ++checks > 2; }),
             std::nullopt);
    QVERIFY2(message.contains(u"interrupted"_s), qPrintable(message));
    QVERIFY(buffer.pos() < bytes.size());
}

void tst_IdentifierFile::refusesAFileOfMostlyNonIdentifiers()
{
    const auto mostlyWords = IdentifierFile::parse(u"k3x9p2m7q1ab the quick brown fox"_s,
                                                   IdentifierFile::Format::Text);
    const std::optional<QString> refusal = IdentifierFile::mostlyInvalid(mostlyWords);
    QVERIFY(refusal);
    QVERIFY2(refusal->startsWith(u"4 of 5 entries are not job identifiers"_s),
             qPrintable(*refusal));
    QVERIFY2(refusal->contains(u"\"the\""_s), qPrintable(*refusal));
    // Half or more valid: accepted (the bad ones are reported one by one).
    QCOMPARE(IdentifierFile::mostlyInvalid(IdentifierFile::parse(
                     u"k3x9p2m7q1ab a1b2c3d4e5f6 nightly"_s, IdentifierFile::Format::Text)),
             std::nullopt);
    QCOMPARE(IdentifierFile::mostlyInvalid({}), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_IdentifierFile)
#include "tst_identifierfile.moc"
