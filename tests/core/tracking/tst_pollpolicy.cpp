#include "gatewayerrors.h"
#include "tracking/pollpolicy.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace bw;
using namespace bw::test;

Q_DECLARE_METATYPE(bw::PollSettings)
using namespace std::chrono_literals;

class tst_PollPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollsEachStatusGroupAtItsInterval_data();
    void pollsEachStatusGroupAtItsInterval();
    void fixedIntervalReplacesEveryStatusInterval();
    void noSettingPollsAJobFasterThanTheFloor_data();
    void noSettingPollsAJobFasterThanTheFloor();
    void jitterScalesByAtMostTenPercent_data();
    void jitterScalesByAtMostTenPercent();
    void randomJitterStaysWithinBounds();
    void fixedIntervalIsNotJittered();
    void backsOffExponentiallyFromFiveSecondsToFiveMinutes_data();
    void backsOffExponentiallyFromFiveSecondsToFiveMinutes();
    void backoffJitterNeverExceedsTheCap();
    void retryAfterWinsOverBackoff_data();
    void retryAfterWinsOverBackoff();
    void nonRetryableErrorsSlowTheJobToTheCap_data();
    void nonRetryableErrorsSlowTheJobToTheCap();
    void terminalStatusIsConfirmedOnceThenSilent_data();
    void terminalStatusIsConfirmedOnceThenSilent();
    void startsNewJobsAtOnceAndLeavesSettledOnesAlone_data();
    void startsNewJobsAtOnceAndLeavesSettledOnesAlone();
    void holdsTheWholeProfileOnlyForGatewayWideFailures_data();
    void holdsTheWholeProfileOnlyForGatewayWideFailures();
    void givesUpTheListRouteOnlyForRouteFailures_data();
    void givesUpTheListRouteOnlyForRouteFailures();
    void judgesWhetherAListWalkWasWorthIt_data();
    void judgesWhetherAListWalkWasWorthIt();
    void unreachableMeansNoAnswerBegan_data();
    void unreachableMeansNoAnswerBegan();
};

void tst_PollPolicy::pollsEachStatusGroupAtItsInterval_data()
{
    QTest::addColumn<QString>("status"); // empty: no status reported
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("InProgress") << QStringLiteral("InProgress") << qint64(15'000);
    QTest::newRow("Stopping") << QStringLiteral("Stopping") << qint64(15'000);
    QTest::newRow("Submitted") << QStringLiteral("Submitted") << qint64(30'000);
    QTest::newRow("Validating") << QStringLiteral("Validating") << qint64(30'000);
    QTest::newRow("Scheduled") << QStringLiteral("Scheduled") << qint64(60'000);
    QTest::newRow("unknown string") << QStringLiteral("archived") << qint64(30'000);
    QTest::newRow("case-insensitive") << QStringLiteral("inprogress") << qint64(15'000);
    QTest::newRow("no status") << QString() << qint64(30'000);
}

void tst_PollPolicy::pollsEachStatusGroupAtItsInterval()
{
    QFETCH(QString, status);
    QFETCH(qint64, expectedMs);
    const PollPolicy policy;
    const std::optional<Status> s
            = status.isEmpty() ? std::nullopt : std::optional(Status::fromString(status));
    QCOMPARE(policy.statusInterval(s).count(), expectedMs);
    QCOMPARE(policy.afterSuccess(s, 0).value().count(), expectedMs);
}

void tst_PollPolicy::fixedIntervalReplacesEveryStatusInterval()
{
    PollSettings settings;
    settings.fixedInterval = 500ms;
    settings.minimumJobInterval = 100ms;
    const PollPolicy policy(settings);
    for (JobStatus code :
         {JobStatus::InProgress, JobStatus::Validating, JobStatus::Scheduled, JobStatus::Unknown}) {
        QCOMPARE(policy.afterSuccess(Status::fromCode(code), 0), std::optional<Millis>(500ms));
    }
    // The confirming fetch of a terminal job comes after the fixed interval too.
    QCOMPARE(policy.afterSuccess(Status::fromCode(JobStatus::Completed), 1),
             std::optional<Millis>(500ms));
    QCOMPARE(policy.afterSuccess(Status::fromCode(JobStatus::Completed), 2), std::nullopt);
    // Backoff still applies.
    QCOMPARE(policy.afterFailure(httpError(503), 1, 0.0), Millis(5s));
}

void tst_PollPolicy::jitterScalesByAtMostTenPercent_data()
{
    QTest::addColumn<double>("draw");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("-1") << -1.0 << qint64(13'500);
    QTest::newRow("-0.5") << -0.5 << qint64(14'250);
    QTest::newRow("0") << 0.0 << qint64(15'000);
    QTest::newRow("+0.5") << 0.5 << qint64(15'750);
    QTest::newRow("+1") << 1.0 << qint64(16'500);
    QTest::newRow("clamped above") << 7.0 << qint64(16'500);
    QTest::newRow("clamped below") << -7.0 << qint64(13'500);
}

void tst_PollPolicy::jitterScalesByAtMostTenPercent()
{
    QFETCH(double, draw);
    QFETCH(qint64, expectedMs);
    QCOMPARE(PollPolicy().jittered(15s, draw).count(), expectedMs);
}

void tst_PollPolicy::randomJitterStaysWithinBounds()
{
    const PollPolicy policy;
    QRandomGenerator rng(1234);
    qint64 lowest = std::numeric_limits<qint64>::max();
    qint64 highest = 0;
    for (int i = 0; i < 10'000; ++i) {
        const qint64 ms = policy.jittered(60s, rng.generateDouble() * 2.0 - 1.0).count();
        QVERIFY2(ms >= 54'000 && ms <= 66'000, qPrintable(QString::number(ms)));
        lowest = std::min(lowest, ms);
        highest = std::max(highest, ms);
    }
    // The spread is used, not just one side of it.
    QVERIFY(lowest < 55'000);
    QVERIFY(highest > 65'000);
}

void tst_PollPolicy::noSettingPollsAJobFasterThanTheFloor_data()
{
    QTest::addColumn<PollSettings>("settings");
    QTest::addColumn<qint64>("floorMs");
    PollSettings fast; // issue 12: `watch --interval 0.01`
    fast.fixedInterval = 10ms;
    QTest::newRow("--interval 0.01") << fast << qint64(5'000);
    PollSettings zero;
    zero.runningInterval = zero.queuedInterval = zero.scheduledInterval = zero.unknownInterval
            = zero.terminalConfirmDelay = zero.backoffInitial = zero.backoffCap = 0ms;
    QTest::newRow("every interval 0") << zero << qint64(5'000);
    PollSettings negative = fast;
    negative.fixedInterval = Millis(-1000);
    negative.minimumJobInterval = Millis(-1);
    QTest::newRow("floor set below the hard floor") << negative << qint64(100);
    PollSettings slower = fast;
    slower.minimumJobInterval = 30s;
    QTest::newRow("floor 30 s") << slower << qint64(30'000);
}

void tst_PollPolicy::noSettingPollsAJobFasterThanTheFloor()
{
    QFETCH(PollSettings, settings);
    QFETCH(qint64, floorMs);
    const PollPolicy policy(settings);
    QCOMPARE(policy.floor().count(), floorMs);
    for (JobStatus code : {JobStatus::InProgress, JobStatus::Submitted, JobStatus::Scheduled,
                           JobStatus::Unknown, JobStatus::Completed}) {
        const auto delay = policy.afterSuccess(Status::fromCode(code), 1);
        QVERIFY(delay);
        for (double draw : {-1.0, 0.0, 1.0})
            QVERIFY(policy.jitteredInterval(*delay, draw).count() >= floorMs);
    }
    for (int failures : {1, 2, 10}) {
        for (const GatewayError &e : {httpError(503), httpError(429, 0), httpError(404)})
            QVERIFY(policy.afterFailure(e, failures, -1.0).count() >= floorMs);
    }
}

void tst_PollPolicy::fixedIntervalIsNotJittered()
{
    PollSettings settings;
    settings.fixedInterval = 500ms;
    settings.minimumJobInterval = 100ms;
    const PollPolicy policy(settings);
    QCOMPARE(policy.jitteredInterval(500ms, 1.0), Millis(500ms));
    PollSettings jitteredSettings;
    jitteredSettings.minimumJobInterval = 100ms;
    QCOMPARE(PollPolicy(jitteredSettings).jitteredInterval(500ms, 1.0), Millis(550ms));
}

void tst_PollPolicy::backsOffExponentiallyFromFiveSecondsToFiveMinutes_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("1") << 1 << qint64(5'000);
    QTest::newRow("2") << 2 << qint64(10'000);
    QTest::newRow("3") << 3 << qint64(20'000);
    QTest::newRow("4") << 4 << qint64(40'000);
    QTest::newRow("5") << 5 << qint64(80'000);
    QTest::newRow("6") << 6 << qint64(160'000);
    QTest::newRow("7 capped") << 7 << qint64(300'000);
    QTest::newRow("8 capped") << 8 << qint64(300'000);
    QTest::newRow("1000 capped, no overflow") << 1000 << qint64(300'000);
}

void tst_PollPolicy::backsOffExponentiallyFromFiveSecondsToFiveMinutes()
{
    QFETCH(int, failures);
    QFETCH(qint64, expectedMs);
    const PollPolicy policy;
    QCOMPARE(policy.backoff(failures).count(), expectedMs);
    // The same for every retryable failure, with no jitter drawn.
    QCOMPARE(policy.afterFailure(httpError(503), failures, 0.0).count(), expectedMs);
    QCOMPARE(policy.afterFailure(kindError(GatewayError::Kind::Network), failures, 0.0).count(),
             expectedMs);
    QCOMPARE(policy.afterFailure(kindError(GatewayError::Kind::Timeout), failures, 0.0).count(),
             expectedMs);
}

void tst_PollPolicy::backoffJitterNeverExceedsTheCap()
{
    const PollPolicy policy;
    QCOMPARE(policy.afterFailure(httpError(500), 20, 1.0), Millis(300s));
    QCOMPARE(policy.afterFailure(httpError(500), 20, -1.0), Millis(270s));
    QCOMPARE(policy.afterFailure(httpError(500), 1, 1.0), Millis(5500ms));
}

void tst_PollPolicy::retryAfterWinsOverBackoff_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<int>("failures");
    QTest::addColumn<double>("draw");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("429 longer than backoff") << 429 << 120 << 1 << 0.0 << qint64(120'000);
    QTest::newRow("503 shorter than backoff") << 503 << 2 << 6 << 0.0 << qint64(2'000);
    QTest::newRow("above the cap") << 503 << 900 << 1 << 0.0 << qint64(900'000);
    QTest::newRow("never earlier than asked") << 429 << 120 << 1 << -1.0 << qint64(132'000);
    QTest::newRow("spread after it") << 429 << 120 << 1 << 0.5 << qint64(126'000);
    QTest::newRow("absurd value limited to an hour")
            << 429 << 86'400 << 1 << 0.0 << qint64(3'600'000);
    QTest::newRow("zero means the floor") << 503 << 0 << 3 << 1.0 << qint64(100);
}

void tst_PollPolicy::retryAfterWinsOverBackoff()
{
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    QFETCH(int, failures);
    QFETCH(double, draw);
    QFETCH(qint64, expectedMs);
    PollSettings settings;
    settings.minimumJobInterval = 100ms;
    QCOMPARE(PollPolicy(settings)
                     .afterFailure(httpError(status, retryAfter), failures, draw)
                     .count(),
             expectedMs);
}

void tst_PollPolicy::nonRetryableErrorsSlowTheJobToTheCap_data()
{
    QTest::addColumn<int>("status");
    for (int status : {400, 401, 403, 404, 409})
        QTest::newRow(qPrintable(QString::number(status))) << status;
}

void tst_PollPolicy::nonRetryableErrorsSlowTheJobToTheCap()
{
    QFETCH(int, status);
    const PollPolicy policy;
    QVERIFY(!httpError(status).isRetryable());
    QCOMPARE(policy.afterFailure(httpError(status), 1, 0.0), Millis(300s));
    QCOMPARE(policy.afterFailure(httpError(status), 1, 1.0), Millis(300s));
    QCOMPARE(policy.afterFailure(httpError(status), 1, -1.0), Millis(270s));
}

void tst_PollPolicy::terminalStatusIsConfirmedOnceThenSilent_data()
{
    QTest::addColumn<QString>("status");
    for (const char *s : {"Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

void tst_PollPolicy::terminalStatusIsConfirmedOnceThenSilent()
{
    QFETCH(QString, status);
    const PollPolicy policy;
    const Status s = Status::fromString(status);
    QVERIFY(s.isTerminal());
    QCOMPARE(policy.afterSuccess(s, 1), std::optional<Millis>(15s)); // the confirming fetch
    QCOMPARE(policy.afterSuccess(s, 2), std::nullopt);               // then silence
    QCOMPARE(policy.afterSuccess(s, 5), std::nullopt);
}

void tst_PollPolicy::startsNewJobsAtOnceAndLeavesSettledOnesAlone_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("fetched");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<bool>("polled");
    QTest::newRow("never fetched") << QString() << false << false << true;
    QTest::newRow("active from store") << QStringLiteral("InProgress") << true << false << true;
    QTest::newRow("terminal from store") << QStringLiteral("Completed") << true << false << false;
    QTest::newRow("terminal, last fetch failed")
            << QStringLiteral("Failed") << true << true << true;
    QTest::newRow("terminal, never fetched") << QStringLiteral("Expired") << false << false << true;
}

void tst_PollPolicy::startsNewJobsAtOnceAndLeavesSettledOnesAlone()
{
    QFETCH(QString, status);
    QFETCH(bool, fetched);
    QFETCH(bool, failed);
    QFETCH(bool, polled);
    const std::optional<Status> s
            = status.isEmpty() ? std::nullopt : std::optional(Status::fromString(status));
    const std::optional<Millis> delay = PollPolicy().initialDelay(s, fetched, failed);
    QCOMPARE(delay.has_value(), polled);
    if (polled)
        QCOMPARE(*delay, Millis(0));
}

void tst_PollPolicy::holdsTheWholeProfileOnlyForGatewayWideFailures_data()
{
    QTest::addColumn<GatewayError>("error");
    QTest::addColumn<bool>("holds");
    QTest::newRow("network") << kindError(GatewayError::Kind::Network) << true;
    QTest::newRow("timeout") << kindError(GatewayError::Kind::Timeout) << true;
    QTest::newRow("trickled past the deadline") << trickled() << true;
    QTest::newRow("broke off midway") << brokeOff() << true;
    QTest::newRow("tls") << kindError(GatewayError::Kind::Tls) << true;
    QTest::newRow("401") << httpError(401) << true;
    QTest::newRow("429 Retry-After") << httpError(429, 30) << true;
    QTest::newRow("503 Retry-After") << httpError(503, 30) << true;
    QTest::newRow("429 bare") << httpError(429) << false;
    QTest::newRow("500") << httpError(500) << false;
    QTest::newRow("404") << httpError(404) << false;
    QTest::newRow("403") << httpError(403) << false;
    QTest::newRow("bad body") << kindError(GatewayError::Kind::BadBody) << false;
}

void tst_PollPolicy::holdsTheWholeProfileOnlyForGatewayWideFailures()
{
    QFETCH(GatewayError, error);
    QFETCH(bool, holds);
    QCOMPARE(PollPolicy::holdsProfile(error), holds);
}

void tst_PollPolicy::givesUpTheListRouteOnlyForRouteFailures_data()
{
    QTest::addColumn<GatewayError>("error");
    QTest::addColumn<bool>("disables");
    QTest::newRow("404") << httpError(404) << true;
    QTest::newRow("405") << httpError(405) << true;
    QTest::newRow("500") << httpError(500) << true;
    QTest::newRow("HTML body") << kindError(GatewayError::Kind::BadBody) << true;
    QTest::newRow("network") << kindError(GatewayError::Kind::Network) << false;
    QTest::newRow("timeout") << kindError(GatewayError::Kind::Timeout) << false;
    QTest::newRow("page trickled past the deadline") << trickled() << false;
    QTest::newRow("page broke off midway") << brokeOff() << false;
    QTest::newRow("401") << httpError(401) << false;
    QTest::newRow("429") << httpError(429) << false;
    QTest::newRow("503 Retry-After") << httpError(503, 10) << false;
    QTest::newRow("cancelled") << kindError(GatewayError::Kind::Cancelled) << false;
}

void tst_PollPolicy::givesUpTheListRouteOnlyForRouteFailures()
{
    QFETCH(GatewayError, error);
    QFETCH(bool, disables);
    QCOMPARE(PollPolicy::listErrorDisablesRoute(error), disables);
}

void tst_PollPolicy::judgesWhetherAListWalkWasWorthIt_data()
{
    QTest::addColumn<int>("matched");
    QTest::addColumn<int>("asked");
    QTest::addColumn<bool>("useful");
    QTest::newRow("nothing") << 0 << 25 << false;
    QTest::newRow("all") << 25 << 25 << true;
    QTest::newRow("half") << 13 << 26 << true;
    QTest::newRow("few of many") << 5 << 500 << false;
    QTest::newRow("threshold of many") << 20 << 5000 << true;
}

void tst_PollPolicy::judgesWhetherAListWalkWasWorthIt()
{
    QFETCH(int, matched);
    QFETCH(int, asked);
    QFETCH(bool, useful);
    QCOMPARE(PollPolicy().listWasUseful(matched, asked), useful);
}

QTEST_GUILESS_MAIN(tst_PollPolicy)
void tst_PollPolicy::unreachableMeansNoAnswerBegan_data()
{
    QTest::addColumn<GatewayError>("error");
    QTest::addColumn<bool>("unreachable");
    QTest::addColumn<bool>("incomplete");
    QTest::newRow("refused") << kindError(GatewayError::Kind::Network) << true << false;
    QTest::newRow("no status in time") << kindError(GatewayError::Kind::Timeout) << true << false;
    QTest::newRow("tls") << kindError(GatewayError::Kind::Tls) << true << false;
    QTest::newRow("HTTP 200, body trickled") << trickled() << false << true;
    QTest::newRow("HTTP 200, broke off") << brokeOff() << false << true;
    QTest::newRow("HTTP 502") << httpError(502) << false << false;
    QTest::newRow("bad body") << kindError(GatewayError::Kind::BadBody) << false << false;
}

// The CLI's exit 3 and the app's Offline state ask isUnreachable(): a gateway that sent a
// status was reached, however the rest of its answer went.
void tst_PollPolicy::unreachableMeansNoAnswerBegan()
{
    QFETCH(GatewayError, error);
    QFETCH(bool, unreachable);
    QFETCH(bool, incomplete);
    QCOMPARE(error.isUnreachable(), unreachable);
    QCOMPARE(error.isAnswerIncomplete(), incomplete);
}

#include "tst_pollpolicy.moc"
