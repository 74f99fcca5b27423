// End to end: `batchwatch-cli stop` against the simulated gateway.

#include "clitestsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

class TstCliStop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stopsJobAndReportsBifrostAck();
    void stopsJobAndReportsAwsEmptyAck();
    void explainsConflictForEndedJob();
    void printsAcceptedAndFailedLinesInTableMode();
    void refusesWithoutConfirmationWhenStdinIsNotTerminal();
    void exitsThreeWhenGatewayIsUnreachable();
};

void TstCliStop::stopsJobAndReportsBifrostAck()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString id = jobIn(*simulator, JobStatus::InProgress);
    QSignalSpy stopped(simulator.get(), &sim::GatewaySimulator::jobStopped);
    const CliRun run = runCli({u"stop"_s, id, u"--yes"_s, u"--gateway"_s, gatewayUrl(*simulator),
                               u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QCOMPARE(stopped.count(), 1);
    const QJsonArray entries = run.json().value(u"stopped"_s).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.at(0).toObject();
    QCOMPARE(entry.value(u"identifier"_s).toString(), id);
    QVERIFY(entry.value(u"jobArn"_s).toString().endsWith(id));
    QCOMPARE(entry.value(u"status"_s).toString(), u"Stopping"_s);
    QCOMPARE(run.json().value(u"errors"_s).toArray().size(), 0);
}

void TstCliStop::stopsJobAndReportsAwsEmptyAck()
{
    auto simulator = startSimulator(sim::Flavour::Aws);
    const QString id = jobIn(*simulator, JobStatus::InProgress);
    const CliRun run = runCli({u"stop"_s, id, u"--yes"_s, u"--gateway"_s, gatewayUrl(*simulator),
                               u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonArray entries = run.json().value(u"stopped"_s).toArray();
    QCOMPARE(entries.size(), 1);
    // AWS answers {}: nothing but the identifier to report.
    QCOMPARE(entries.at(0).toObject().keys(), QStringList{u"identifier"_s});
    QCOMPARE(simulator->jobStatus(id), JobStatus::Stopping);
}

void TstCliStop::explainsConflictForEndedJob()
{
    auto simulator = startSimulator(sim::Flavour::Aws);
    const QString ended = jobIn(*simulator, JobStatus::Completed);
    const QString running = jobIn(*simulator, JobStatus::InProgress);
    const CliRun run = runCli({u"stop"_s, ended, running, u"--yes"_s, u"--gateway"_s,
                               gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    QCOMPARE(run.exitCode, 1);
    const QJsonArray errors = run.json().value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 1);
    const QJsonObject error = errors.at(0).toObject();
    QCOMPARE(error.value(u"identifier"_s).toString(), ended);
    QCOMPARE(error.value(u"httpStatus"_s).toInt(), 409);
    QCOMPARE(error.value(u"type"_s).toString(), u"ConflictException"_s);
    QVERIFY(error.value(u"message"_s).toString().startsWith(u"job is no longer stoppable"_s));
    QCOMPARE(run.json().value(u"stopped"_s).toArray().size(), 1);
    QVERIFY(run.errText().contains(u"job is no longer stoppable"_s));
}

void TstCliStop::printsAcceptedAndFailedLinesInTableMode()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString running = jobIn(*simulator, JobStatus::InProgress);
    const CliRun run = runCli({u"stop"_s, running, u"zz9zz9zz9zz9"_s, u"--yes"_s, u"--gateway"_s,
                               gatewayUrl(*simulator)});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.outText(), running + u"  stop accepted, status Stopping\n"_s);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.errLines().at(0).startsWith(u"batchwatch-cli: zz9zz9zz9zz9: HTTP 404"_s),
             qPrintable(run.errText()));
}

void TstCliStop::refusesWithoutConfirmationWhenStdinIsNotTerminal()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString id = jobIn(*simulator, JobStatus::InProgress);
    const int before = simulator->requestCount();
    const CliRun run = runCli({u"stop"_s, id, u"--gateway"_s, gatewayUrl(*simulator)}, "y\n");
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(run.errText().contains(u"--yes"_s));
    QCOMPARE(simulator->requestCount(), before); // nothing was sent
    QCOMPARE(simulator->jobStatus(id), JobStatus::InProgress);
}

void TstCliStop::exitsThreeWhenGatewayIsUnreachable()
{
    const CliRun run = runCli({u"stop"_s, u"k3x9p2m7q1ab"_s, u"--yes"_s, u"--gateway"_s,
                               u"http://127.0.0.1:%1"_s.arg(closedPort())});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
}

QTEST_GUILESS_MAIN(TstCliStop)
#include "tst_clistop.moc"
