// End to end: `batchwatch-cli test-connection` against the simulated gateway — the Profiles
// dialog's connection test (ConnectionTest) in the same words, with the CLI's exit codes.

#include "clitestsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

class TstCliTestConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsAWorkingGatewayInWords();
    void reportsAWorkingGatewayAsJson();
    void exitsOneWhenTheKeyIsRejected();
    void exitsThreeWhenGatewayIsUnreachable();
    void isListedInHelp();
};

void TstCliTestConnection::reportsAWorkingGatewayInWords()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const CliRun run = runCli({u"test-connection"_s, u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.errText()));
    const QStringList lines = run.outText().split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 4, qPrintable(run.outText()));
    QVERIFY2(lines.constFirst().startsWith(u"ok      Reachable"_s), qPrintable(run.outText()));
    QVERIFY(run.outText().contains(u"Access granted without a key."_s));
    QVERIFY(run.outText().contains(u"jobs visible"_s));
    QVERIFY(run.outText().contains(u"Route style detected: singular"_s));
    QCOMPARE(lines.constLast(), u"ok      The connection works."_s);
}

void TstCliTestConnection::reportsAWorkingGatewayAsJson()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const CliRun run = runCli({u"test-connection"_s, u"--gateway"_s, gatewayUrl(*simulator),
                               u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonObject doc = run.json();
    QCOMPARE(doc.value(u"ok"_s).toBool(), true);
    QCOMPARE(doc.value(u"reachable"_s).toBool(), true);
    QCOMPARE(doc.value(u"keyAccepted"_s).toBool(), true);
    QVERIFY(doc.value(u"jobsVisible"_s).toInt() > 0);
    QCOMPARE(doc.value(u"routeDetected"_s).toString(), u"singular"_s);
    const QJsonArray steps = doc.value(u"steps"_s).toArray();
    QVERIFY(!steps.isEmpty());
    QCOMPARE(steps.at(0).toObject().value(u"check"_s).toString(), u"reachable"_s);
    QCOMPARE(steps.at(0).toObject().value(u"outcome"_s).toString(), u"ok"_s);
}

void TstCliTestConnection::exitsOneWhenTheKeyIsRejected()
{
    const QString right = u"sk-bf-right-1b2c3d"_s;
    const QString wrong = u"sk-bf-wrong-9f8e7d"_s;
    auto simulator = startSimulator(sim::Flavour::Bifrost, 0, 36, right);
    QProcessEnvironment env;
    env.insert(u"BW_TEST_KEY"_s, wrong);
    const CliRun run = runCli({u"test-connection"_s, u"--gateway"_s, gatewayUrl(*simulator),
                               u"--token-env"_s, u"BW_TEST_KEY"_s},
                              {}, env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.outText().contains(u"The gateway rejected this key"_s), qPrintable(run.outText()));
    QVERIFY(run.outText().contains(u"failed  The connection does not work yet."_s));
    QVERIFY(!run.outText().contains(wrong));
    QVERIFY(!run.errText().contains(wrong));

    env.insert(u"BW_TEST_KEY"_s, right);
    const CliRun good = runCli({u"test-connection"_s, u"--gateway"_s, gatewayUrl(*simulator),
                                u"--token-env"_s, u"BW_TEST_KEY"_s},
                               {}, env);
    QVERIFY2(good.exitCode == 0, qPrintable(good.outText()));
    QVERIFY(good.outText().contains(u"Key accepted."_s));
}

void TstCliTestConnection::exitsThreeWhenGatewayIsUnreachable()
{
    const CliRun run = runCli(
            {u"test-connection"_s, u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(closedPort())});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.outText().startsWith(u"failed  Not reachable: "_s));
    QCOMPARE(run.errLines().size(), 1);
}

void TstCliTestConnection::isListedInHelp()
{
    const CliRun help = runCli({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.outText().contains(u"test-connection"_s));
    const CliRun own = runCli({u"test-connection"_s, u"--help"_s});
    QCOMPARE(own.exitCode, 0);
    QVERIFY(own.outText().contains(u"3 gateway unreachable"_s));
}

QTEST_GUILESS_MAIN(TstCliTestConnection)
#include "tst_clitestconnection.moc"
