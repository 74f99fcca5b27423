#include "gatewaysimulator.h"
#include "tracking/clock.h"
#include "tracking/jobmonitor.h"
#include "wire/gatewayclient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::sim;

namespace {

// What a gateway of this flavour says for a job whose true (AWS) status is `code`: Bifrost's
// status is lossy (WIRE.md).
JobStatus reported(Flavour flavour, JobStatus code)
{
    if (flavour != Flavour::Bifrost)
        return code;
    switch (code) {
    case JobStatus::Submitted:
    case JobStatus::Scheduled:
        return JobStatus::Validating;
    case JobStatus::PartiallyCompleted:
        return JobStatus::Failed;
    default:
        return code;
    }
}

} // namespace

// The JobMonitor, the real GatewayClient and HTTP stack, and the simulated gateway on
// 127.0.0.1: every job is followed through its lifecycle, through injected faults.
class tst_MonitorLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsEveryJobThroughItsLifecycle_data();
    void followsEveryJobThroughItsLifecycle();
    void stopIsSentOnceAndTheJobShowsStopping();
};

void tst_MonitorLoopback::followsEveryJobThroughItsLifecycle_data()
{
    QTest::addColumn<QString>("flavourName");
    QTest::addColumn<double>("faultRate");
    QTest::newRow("bifrost") << QStringLiteral("bifrost") << 0.0;
    QTest::newRow("aws") << QStringLiteral("aws") << 0.0;
    QTest::newRow("published") << QStringLiteral("published") << 0.0;
    QTest::newRow("bifrost, 30 % faults") << QStringLiteral("bifrost") << 0.3;
    QTest::newRow("aws, 30 % faults") << QStringLiteral("aws") << 0.3;
}

void tst_MonitorLoopback::followsEveryJobThroughItsLifecycle()
{
    QFETCH(QString, flavourName);
    QFETCH(double, faultRate);
    const std::optional<Flavour> parsed = flavourFromName(flavourName);
    QVERIFY(parsed);
    const Flavour flavour = *parsed;

    SimulatorOptions options;
    options.flavour = flavour;
    options.seed = 20250314;
    options.speed = 0; // simulated time moves only with advance()
    options.jobCount = 36;
    options.epoch = QDateTime(QDate(2025, 3, 14), QTime(8, 0), Qt::UTC);
    options.faults.rate = faultRate;
    options.faults.latencyMs = 20;
    options.faults.retryAfterSeconds = 1;
    GatewaySimulator sim(options);
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QSignalSpy faults(&sim, &GatewaySimulator::faultInjected);

    QNetworkAccessManager nam;
    GatewayClient client(&nam);
    GatewayProfile profile;
    profile.id = QStringLiteral("loopback");
    profile.baseUrl = sim.baseUrl();
    profile.routeStyle = RouteStyle::Auto;
    profile.timeoutMs = 5000;
    client.setProfile(profile);
    ManualClock clock;
    JobMonitor monitor(&client, nullptr, PollSettings(), &clock);

    // Half by id, half by ARN, as users paste them.
    const QStringList ids = sim.jobIds();
    const QStringList arns = sim.jobArns();
    QList<JobIdentifier> watched;
    QStringList keys;
    for (int i = 0; i < ids.size(); ++i) {
        keys.append(i % 2 ? arns.at(i) : ids.at(i));
        watched.append(JobIdentifier::parse(keys.constLast()));
    }
    QCOMPARE(monitor.watch(watched).size(), ids.size());

    int blanked = 0;
    QHash<QString, WatchedJob> seen;
    connect(&monitor, &JobMonitor::jobsUpdated, this, [&](const QList<WatchedJob> &jobs) {
        for (const WatchedJob &w : jobs) {
            const WatchedJob &prev = seen[w.identifier];
            if ((prev.job.status && !w.job.status) || (prev.job.jobName && !w.job.jobName))
                ++blanked;
            seen[w.identifier] = w;
        }
    });
    auto quiet = [&] {
        for (int round = 0; round < 1000; ++round) {
            if (!QTest::qWaitFor([&] { return monitor.requestsInFlight() == 0; }, 30'000))
                return false;
            for (int i = 0; i < 5; ++i)
                QCoreApplication::processEvents();
            const QDateTime next = monitor.nextPollAt();
            if (monitor.requestsInFlight() == 0 && (!next.isValid() || next > clock.now()))
                return true;
        }
        return false;
    };

    // Half an hour of gateway time per step, polled as often as the policy allows.
    for (int step = 0; step < 480 && monitor.scheduler()->activeJobCount() > 0; ++step) {
        QVERIFY(quiet());
        sim.advance(1800);
        clock.advance(60'000);
    }
    QVERIFY(quiet());

    QVERIFY2(faultRate == 0 || faults.size() > 20, "the fault injection did not bite");

    // A last look without faults, so that what we show can be compared with the truth.
    sim.setFaults(FaultOptions{});
    monitor.refreshNow(keys);
    QVERIFY(quiet());
    QCOMPARE(blanked, 0);
    QCOMPARE(monitor.jobs().size(), ids.size());
    int terminal = 0;
    for (int i = 0; i < ids.size(); ++i) {
        const WatchedJob w = monitor.job(keys.at(i)).value_or(WatchedJob());
        const JobStatus truth = sim.jobStatus(ids.at(i)).value_or(JobStatus::Unknown);
        QCOMPARE(w.job.statusCode(), reported(flavour, truth));
        QVERIFY(!w.lastError);
        QVERIFY(w.job.jobArn.has_value());
        terminal += w.job.status && w.job.status->isTerminal() ? 1 : 0;
        const QList<StatusTransition> history = monitor.history(keys.at(i));
        QVERIFY(!history.isEmpty());
        QVERIFY(!history.at(0).from);
        for (int t = 1; t < history.size(); ++t)
            QCOMPARE(history.at(t).from->raw(), history.at(t - 1).to.raw());
        QCOMPARE(history.constLast().to.code(), w.job.statusCode());
    }
    QCOMPARE(terminal, ids.size());
    QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Online);
}

void tst_MonitorLoopback::stopIsSentOnceAndTheJobShowsStopping()
{
    SimulatorOptions options;
    options.flavour = Flavour::Bifrost;
    options.seed = 7;
    options.speed = 0;
    options.epoch = QDateTime(QDate(2025, 3, 14), QTime(8, 0), Qt::UTC);
    GatewaySimulator sim(options);
    QVERIFY(sim.start());
    QString running;
    for (const QString &id : sim.jobIds()) {
        if (sim.jobStatus(id) == JobStatus::InProgress) {
            running = id;
            break;
        }
    }
    QVERIFY(!running.isEmpty());

    QNetworkAccessManager nam;
    GatewayClient client(&nam);
    GatewayProfile profile;
    profile.id = QStringLiteral("loopback");
    profile.baseUrl = sim.baseUrl();
    profile.routeStyle = RouteStyle::Singular;
    client.setProfile(profile);
    ManualClock clock;
    JobMonitor monitor(&client, nullptr, PollSettings(), &clock);
    QSignalSpy transitions(&monitor, &JobMonitor::transitionObserved);
    monitor.watch({JobIdentifier::parse(running)});
    QTRY_COMPARE(transitions.size(), 1);

    QSignalSpy stopped(&sim, &GatewaySimulator::jobStopped);
    bool answered = false;
    monitor.stopJobs({running}, [&](const QString &, const Expected<StopAck> &r) {
        answered = true;
        QVERIFY2(r.hasValue(), qPrintable(r ? QString() : r.error().describe()));
    });
    QTRY_VERIFY(answered);
    QTRY_COMPARE(transitions.size(), 2); // the refresh after the stop saw Stopping
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(transitions.at(1).at(1).value<StatusTransition>().to.code(), JobStatus::Stopping);
}

QTEST_GUILESS_MAIN(tst_MonitorLoopback)
#include "tst_monitorloopback.moc"
