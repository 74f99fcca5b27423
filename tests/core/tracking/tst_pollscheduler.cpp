#include "gatewayerrors.h"
#include "tracking/clock.h"
#include "tracking/pollscheduler.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::test;
using namespace std::chrono_literals;

namespace {

GatewayError networkError()
{
    return kindError(GatewayError::Kind::Network, QStringLiteral("Connection refused"));
}

Status st(JobStatus code)
{
    return Status::fromCode(code);
}

QStringList ids(int n, const QString &prefix = QStringLiteral("job"))
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out.append(prefix + QString::number(i).rightJustified(4, u'0'));
    return out;
}

// A scheduler on a manual clock, with no jitter, recording what it asks for. Nothing answers
// by itself: each test answers requests explicitly with report*().
struct Rig
{
    explicit Rig(PollSettings settings = {})
    {
        scheduler = std::make_unique<PollScheduler>(settings, &clock);
        scheduler->setJitterSource([] { return 0.0; });
        QObject::connect(scheduler.get(), &PollScheduler::retrieveRequested, scheduler.get(),
                         [this](const QString &id) {
                             retrieves.append(id);
                             QVERIFY2(!outstanding.contains(id), "two requests for one job");
                             outstanding.insert(id);
                             maxSeenInFlight = std::max(maxSeenInFlight, scheduler->inFlight());
                         });
        QObject::connect(scheduler.get(), &PollScheduler::listRefreshRequested, scheduler.get(),
                         [this](const QStringList &list) {
                             lists.append(list);
                             for (const QString &id : list) {
                                 QVERIFY2(!outstanding.contains(id), "two requests for one job");
                                 outstanding.insert(id);
                             }
                             maxSeenInFlight = std::max(maxSeenInFlight, scheduler->inFlight());
                         });
    }

    // Lets the scheduler's zero-length timer run (it re-examines its queue there).
    void spin()
    {
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
    }
    void advance(Millis ms)
    {
        clock.advance(ms.count());
        spin();
    }
    void succeed(QString id,
                 std::optional<Status> status) // by value: may name an outstanding entry
    {
        outstanding.remove(id);
        scheduler->reportSuccess(id, status);
        spin();
    }
    void fail(QString id, const GatewayError &error)
    {
        outstanding.remove(id);
        scheduler->reportFailure(id, error);
        spin();
    }
    void listDone(const QHash<QString, std::optional<Status>> &refreshed, bool useful)
    {
        for (const QString &id : lists.constLast())
            outstanding.remove(id);
        scheduler->reportListResult(refreshed, useful);
        spin();
    }
    void listFailed(const GatewayError &error)
    {
        for (const QString &id : lists.constLast())
            outstanding.remove(id);
        scheduler->reportListFailure(error);
        spin();
    }
    // Milliseconds from now until the job is due (-1: not scheduled).
    qint64 dueIn(const QString &id) const
    {
        const QDateTime due = scheduler->dueAt(id);
        return due.isValid() ? clock.now().msecsTo(due) : -1;
    }
    int count(const QString &id) const { return int(retrieves.count(id)); }

    ManualClock clock;
    std::unique_ptr<PollScheduler> scheduler;
    QStringList retrieves;
    QList<QStringList> lists;
    QSet<QString> outstanding;
    int maxSeenInFlight = 0;
};

PollSettings noBulk()
{
    PollSettings s;
    s.bulkRefresh = false;
    return s;
}

} // namespace

class tst_PollScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fetchesANewJobAtOnce();
    void pollsEachStatusAtItsInterval_data();
    void pollsEachStatusAtItsInterval();
    void stopsPollingATerminalJobAfterOneConfirmingFetch();
    void keepsPollingWhenTheConfirmingFetchSaysOtherwise();
    void doesNotPollTerminalJobsSettledInAnEarlierSession();
    void backsOffAfterHttp503AndCapsAtFiveMinutes();
    void successEndsTheBackoff();
    void honoursRetryAfterForTheWholeProfile();
    void slowsNonRetryableErrorsToTheCap();
    void neverSendsTwoRequestsForOneJob();
    void neverHasMoreThanFourRequestsInFlight();
    void refreshNowBypassesTimersButNotTheCap();
    void refreshNowFetchesASettledJobOnce();
    void pauseStopsTimerDrivenPollingAndResumeCatchesUp();
    void refreshNowWorksWhilePaused();
    void fixedIntervalOverrideReplacesStatusIntervals();
    void unreachableGatewayHoldsTheProfileWithOneCountdown();
    void refreshesManyDueJobsWithOneListWalk();
    void listWalkTakesAlongJobsDueSoon();
    void jobsComingDueOneByOneShareFewListWalks();
    void givesUpTheListRouteWhenItIsUseless();
    void fallsBackToRetrievesWhenTheListRouteFails();
    void transientListFailureBacksOffItsJobs();
    void tricklingListPageKeepsTheRouteAndWalksAgainLater();
    void jitterSpreadsDueTimesWithinTenPercent();
    void newSettingsRescheduleWaitingJobs();
    void removingAJobInFlightFreesItsSlot();
    void armsOneTimerToTheEarliestDueTime();
};

void tst_PollScheduler::fetchesANewJobAtOnce()
{
    Rig rig(noBulk());
    QSignalSpy inFlight(rig.scheduler.get(), &PollScheduler::inFlightChanged);
    rig.scheduler->addJob(QStringLiteral("a"));
    QTRY_COMPARE(rig.retrieves, QStringList{QStringLiteral("a")});
    QCOMPARE(rig.scheduler->inFlight(), 1);
    QCOMPARE(inFlight.constLast().at(0).toInt(), 1);
}

void tst_PollScheduler::pollsEachStatusAtItsInterval_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("intervalMs");
    QTest::newRow("InProgress") << QStringLiteral("InProgress") << qint64(15'000);
    QTest::newRow("Stopping") << QStringLiteral("Stopping") << qint64(15'000);
    QTest::newRow("Submitted") << QStringLiteral("Submitted") << qint64(30'000);
    QTest::newRow("Validating") << QStringLiteral("Validating") << qint64(30'000);
    QTest::newRow("Scheduled") << QStringLiteral("Scheduled") << qint64(60'000);
    QTest::newRow("unknown") << QStringLiteral("archived") << qint64(30'000);
}

void tst_PollScheduler::pollsEachStatusAtItsInterval()
{
    QFETCH(QString, status);
    QFETCH(qint64, intervalMs);
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    QCOMPARE(rig.count(a), 1);
    rig.succeed(a, Status::fromString(status));
    QCOMPARE(rig.dueIn(a), intervalMs);

    rig.advance(Millis(intervalMs - 1));
    QCOMPARE(rig.count(a), 1); // not a millisecond early
    rig.advance(1ms);
    QCOMPARE(rig.count(a), 2);
}

void tst_PollScheduler::stopsPollingATerminalJobAfterOneConfirmingFetch()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.succeed(a, st(JobStatus::InProgress));
    rig.advance(15s);
    QCOMPARE(rig.count(a), 2);
    rig.succeed(a, st(JobStatus::Completed));
    QVERIFY(!rig.scheduler->isSettled(a));
    rig.advance(15s);
    QCOMPARE(rig.count(a), 3); // the confirming fetch
    rig.succeed(a, st(JobStatus::Completed));
    QVERIFY(rig.scheduler->isSettled(a));
    QVERIFY(!rig.scheduler->nextPollAt().isValid());
    QCOMPARE(rig.scheduler->activeJobCount(), 0);

    for (int i = 0; i < 24; ++i)
        rig.advance(1h);
    QCOMPARE(rig.count(a), 3);
}

void tst_PollScheduler::keepsPollingWhenTheConfirmingFetchSaysOtherwise()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.succeed(a, st(JobStatus::Failed));
    rig.advance(15s);
    // A lossy gateway said Failed, the confirming fetch says it is still running.
    rig.succeed(a, st(JobStatus::InProgress));
    QVERIFY(!rig.scheduler->isSettled(a));
    rig.advance(15s);
    QCOMPARE(rig.count(a), 3);
    rig.succeed(a, st(JobStatus::Completed));
    rig.advance(15s);
    QCOMPARE(rig.count(a), 4);
    rig.succeed(a, st(JobStatus::Completed));
    QVERIFY(rig.scheduler->isSettled(a));
}

void tst_PollScheduler::doesNotPollTerminalJobsSettledInAnEarlierSession()
{
    Rig rig(noBulk());
    rig.scheduler->addJobs({
            {QStringLiteral("done"), st(JobStatus::Completed), true, false},
            {QStringLiteral("running"), st(JobStatus::InProgress), true, false},
            {QStringLiteral("broken"), st(JobStatus::Failed), true, true},
    });
    rig.spin();
    QCOMPARE(rig.count(QStringLiteral("done")), 0);
    QCOMPARE(rig.count(QStringLiteral("running")), 1); // start-up refresh
    QCOMPARE(rig.count(QStringLiteral("broken")), 1);  // its last fetch failed: try again
    QVERIFY(rig.scheduler->isSettled(QStringLiteral("done")));
    rig.advance(1h);
    QCOMPARE(rig.count(QStringLiteral("done")), 0);
}

void tst_PollScheduler::backsOffAfterHttp503AndCapsAtFiveMinutes()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    const qint64 expected[] = {5'000, 10'000, 20'000, 40'000, 80'000, 160'000, 300'000, 300'000};
    int requests = 1;
    for (qint64 delay : expected) {
        rig.fail(a, httpError(503));
        QCOMPARE(rig.dueIn(a), delay);
        rig.advance(Millis(delay - 1));
        QCOMPARE(rig.count(a), requests);
        rig.advance(1ms);
        QCOMPARE(rig.count(a), ++requests);
    }
    QCOMPARE(rig.scheduler->consecutiveFailures(a), 8);
}

void tst_PollScheduler::successEndsTheBackoff()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.fail(a, httpError(500));
    rig.advance(5s);
    rig.fail(a, httpError(502));
    rig.advance(10s);
    rig.succeed(a, st(JobStatus::InProgress));
    QCOMPARE(rig.scheduler->consecutiveFailures(a), 0);
    QCOMPARE(rig.dueIn(a), qint64(15'000));
    rig.advance(15s);
    rig.fail(a, httpError(504));
    QCOMPARE(rig.dueIn(a), qint64(5'000)); // starts over
}

void tst_PollScheduler::honoursRetryAfterForTheWholeProfile()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    const QString b = QStringLiteral("b");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.fail(a, httpError(429, 120));
    QCOMPARE(rig.dueIn(a), qint64(120'000));
    QVERIFY(rig.scheduler->holdUntil().isValid());

    // A job added while the gateway asked us to wait waits too.
    rig.scheduler->addJob(b);
    rig.advance(119s);
    QCOMPARE(rig.count(a), 1);
    QCOMPARE(rig.count(b), 0);
    QCOMPARE(rig.clock.now().msecsTo(rig.scheduler->nextPollAt()), qint64(1'000));
    rig.advance(1s);
    QCOMPARE(rig.count(a), 2);
    QCOMPARE(rig.count(b), 1);
}

void tst_PollScheduler::slowsNonRetryableErrorsToTheCap()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    const QString b = QStringLiteral("b");
    rig.scheduler->addJobs({{a, {}, false, false}, {b, {}, false, false}});
    rig.spin();
    rig.fail(a, httpError(404));
    rig.succeed(b, st(JobStatus::InProgress));
    QCOMPARE(rig.dueIn(a), qint64(300'000));
    // Not a gateway-wide problem: b goes on as usual.
    QVERIFY(!rig.scheduler->holdUntil().isValid());
    rig.advance(15s);
    QCOMPARE(rig.count(b), 2);
    QCOMPARE(rig.count(a), 1);
}

void tst_PollScheduler::neverSendsTwoRequestsForOneJob()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    QCOMPARE(rig.count(a), 1);
    rig.scheduler->refreshNow({a});
    rig.scheduler->refreshNow();
    rig.advance(10min);
    QCOMPARE(rig.count(a), 1);
    QVERIFY(rig.scheduler->isInFlight(a));
    // The refresh asked for while in flight happens once the answer is in, exactly once.
    rig.succeed(a, st(JobStatus::InProgress));
    QCOMPARE(rig.count(a), 2);
    rig.succeed(a, st(JobStatus::InProgress));
    QCOMPARE(rig.count(a), 2);
    QCOMPARE(rig.dueIn(a), qint64(15'000));
}

void tst_PollScheduler::neverHasMoreThanFourRequestsInFlight()
{
    Rig rig(noBulk());
    const QStringList all = ids(10);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.retrieves.size(), 4);
    QCOMPARE(rig.scheduler->inFlight(), 4);
    int answered = 0;
    while (answered < 30) {
        const QString next = *rig.outstanding.cbegin();
        rig.succeed(next, st(JobStatus::InProgress));
        ++answered;
        QVERIFY(rig.scheduler->inFlight() <= 4);
        if (rig.outstanding.isEmpty())
            rig.advance(15s);
    }
    QCOMPARE(rig.maxSeenInFlight, 4);
    for (const QString &id : all)
        QVERIFY(rig.count(id) >= 1);
}

void tst_PollScheduler::refreshNowBypassesTimersButNotTheCap()
{
    Rig rig(noBulk());
    const QStringList all = ids(6);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    while (!rig.outstanding.isEmpty())
        rig.succeed(*rig.outstanding.cbegin(), st(JobStatus::Scheduled));
    QCOMPARE(rig.retrieves.size(), 6);
    rig.retrieves.clear();

    rig.advance(1s); // everything due in 59 s
    rig.scheduler->refreshNow();
    rig.spin();
    QCOMPARE(rig.retrieves.size(), 4);
    QCOMPARE(rig.scheduler->inFlight(), 4);
    rig.succeed(rig.retrieves.at(0), st(JobStatus::Scheduled));
    rig.succeed(rig.retrieves.at(1), st(JobStatus::Scheduled));
    QCOMPARE(rig.retrieves.size(), 6);
    QCOMPARE(QSet<QString>(rig.retrieves.cbegin(), rig.retrieves.cend()),
             QSet<QString>(all.cbegin(), all.cend()));
    QCOMPARE(rig.maxSeenInFlight, 4);
}

void tst_PollScheduler::refreshNowFetchesASettledJobOnce()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJobs({{a, st(JobStatus::Completed), true, false}});
    rig.scheduler->refreshNow(); // all *polled* jobs: a settled job is not among them
    rig.spin();
    QCOMPARE(rig.count(a), 0);
    rig.scheduler->refreshNow({a});
    rig.spin();
    QCOMPARE(rig.count(a), 1);
    rig.succeed(a, st(JobStatus::Completed));
    QVERIFY(rig.scheduler->isSettled(a));
    rig.advance(1h);
    QCOMPARE(rig.count(a), 1);
}

void tst_PollScheduler::pauseStopsTimerDrivenPollingAndResumeCatchesUp()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.succeed(a, st(JobStatus::InProgress));
    QSignalSpy next(rig.scheduler.get(), &PollScheduler::nextPollAtChanged);
    rig.scheduler->pause();
    rig.spin();
    QVERIFY(rig.scheduler->isPaused());
    QVERIFY(!rig.scheduler->nextPollAt().isValid());
    QVERIFY(!next.isEmpty());
    QVERIFY(!next.constLast().at(0).toDateTime().isValid());
    rig.advance(10min);
    QCOMPARE(rig.count(a), 1);
    rig.scheduler->resume();
    rig.spin();
    QCOMPARE(rig.count(a), 2);
}

void tst_PollScheduler::refreshNowWorksWhilePaused()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.succeed(a, st(JobStatus::InProgress));
    rig.scheduler->pause();
    rig.scheduler->refreshNow({a});
    rig.spin();
    QCOMPARE(rig.count(a), 2);
    rig.succeed(a, st(JobStatus::InProgress));
    rig.advance(1h);
    QCOMPARE(rig.count(a), 2); // still paused
}

void tst_PollScheduler::fixedIntervalOverrideReplacesStatusIntervals()
{
    PollSettings settings = noBulk();
    settings.fixedInterval = 500ms;
    settings.minimumJobInterval = 100ms;
    Rig rig(settings);
    rig.scheduler->setJitterSource([] { return 1.0; }); // would add 10 % to a status interval
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.succeed(a, st(JobStatus::Scheduled));
    QCOMPARE(rig.dueIn(a), qint64(500));
    rig.advance(500ms);
    QCOMPARE(rig.count(a), 2);
    // Backoff still applies (with its jitter).
    rig.fail(a, httpError(503));
    QCOMPARE(rig.dueIn(a), qint64(5'500));
    rig.advance(5500ms);
    rig.succeed(a, st(JobStatus::Completed));
    QCOMPARE(rig.dueIn(a), qint64(500)); // the confirming fetch
    rig.advance(500ms);
    rig.succeed(a, st(JobStatus::Completed));
    QVERIFY(rig.scheduler->isSettled(a));
}

void tst_PollScheduler::unreachableGatewayHoldsTheProfileWithOneCountdown()
{
    Rig rig(noBulk());
    const QStringList all = ids(40);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.retrieves.size(), 4);
    // All four fail: one hold of 5 s, not four escalating ones.
    const QStringList first = rig.outstanding.values();
    for (const QString &id : first)
        rig.fail(id, networkError());
    QCOMPARE(rig.clock.now().msecsTo(rig.scheduler->holdUntil()), qint64(5'000));
    QCOMPARE(rig.clock.now().msecsTo(rig.scheduler->nextPollAt()), qint64(5'000));
    rig.advance(4999ms);
    QCOMPARE(rig.retrieves.size(), 4);
    rig.advance(1ms);
    QCOMPARE(rig.retrieves.size(), 8); // four probes
    const QStringList probes = rig.outstanding.values();
    for (const QString &id : probes)
        rig.fail(id, networkError());
    QCOMPARE(rig.clock.now().msecsTo(rig.scheduler->holdUntil()), qint64(10'000));
    rig.advance(10s);
    QCOMPARE(rig.retrieves.size(), 12);

    // The gateway is back: the hold ends with the first answer and the rest follow.
    rig.succeed(*rig.outstanding.cbegin(), st(JobStatus::InProgress));
    QVERIFY(!rig.scheduler->holdUntil().isValid());
    QCOMPARE(rig.scheduler->inFlight(), 4);
    QCOMPARE(rig.retrieves.size(), 13);
}

void tst_PollScheduler::refreshesManyDueJobsWithOneListWalk()
{
    Rig rig; // bulk refresh on, threshold 20
    const QStringList all = ids(25);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.lists.size(), 1);
    QCOMPARE(rig.lists.at(0).size(), 25);
    QCOMPARE(rig.scheduler->inFlight(), 1); // a whole walk is one request slot
    QVERIFY(rig.retrieves.isEmpty());

    // The walk brought 20 up to date; the other 5 need a retrieve.
    QHash<QString, std::optional<Status>> refreshed;
    for (int i = 0; i < 20; ++i)
        refreshed.insert(all.at(i), st(JobStatus::InProgress));
    rig.listDone(refreshed, true);
    QCOMPARE(rig.scheduler->listRoute(), PollScheduler::ListRoute::Useful);
    QCOMPARE(rig.retrieves.size(), 4);
    for (const QString &id : rig.retrieves)
        QVERIFY(all.indexOf(id) >= 20);
    while (!rig.outstanding.isEmpty())
        rig.succeed(*rig.outstanding.cbegin(), st(JobStatus::InProgress));
    QCOMPARE(rig.retrieves.size(), 5);

    // 15 s later all 25 are due again: one more walk, no retrieves.
    rig.advance(15s);
    QCOMPARE(rig.lists.size(), 2);
    QCOMPARE(rig.lists.at(1).size(), 25);
    QCOMPARE(rig.retrieves.size(), 5);
}

void tst_PollScheduler::listWalkTakesAlongJobsDueSoon()
{
    int k = 0;
    Rig rig;
    const QStringList all = ids(20);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.lists.size(), 1);
    QHash<QString, std::optional<Status>> refreshed;
    for (const QString &id : all)
        refreshed.insert(id, st(JobStatus::InProgress));
    // Spread the due times over a second, as jitter would.
    rig.scheduler->setJitterSource([&k] { return -1.0 + 0.04 * (k++ % 20); });
    rig.listDone(refreshed, true);
    rig.advance(13500ms); // the first one is due; the others within the bulk window
    QCOMPARE(rig.lists.size(), 2);
    QCOMPARE(rig.lists.at(1).size(), 20);
    QVERIFY(rig.retrieves.isEmpty());
}

void tst_PollScheduler::jobsComingDueOneByOneShareFewListWalks()
{
    // 200 jobs on a list of 20 per page: every walk reads 10 pages. The first walk refreshed
    // none of them (summaries lack what a retrieve carries), so they are retrieved one by one,
    // ten a second, and every one has ended: their confirming fetches come due 15 s after
    // their retrieve, ten a second, from 15 s to 35 s.
    PollSettings settings;
    settings.listMaxResults = 20;
    Rig rig(settings);
    const QStringList all = ids(200);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.lists.size(), 1);
    rig.listDone({}, true);

    qsizetype walksAnswered = 1;
    for (int step = 0; step < 600; ++step) { // 60 s
        if (rig.lists.size() > walksAnswered) {
            QHash<QString, std::optional<Status>> refreshed;
            for (const QString &id : rig.lists.constLast())
                refreshed.insert(id, st(JobStatus::Completed));
            walksAnswered = rig.lists.size();
            rig.listDone(refreshed, true);
        }
        for (const QString &id : std::as_const(rig.retrieves)) {
            if (rig.outstanding.contains(id)) {
                rig.succeed(id, st(JobStatus::Completed));
                break;
            }
        }
        rig.advance(100ms);
    }

    for (const QString &id : all)
        QVERIFY2(rig.scheduler->isSettled(id), qPrintable(id));
    QCOMPARE(rig.retrieves.size(), 200); // each confirmed by a walk, not by a retrieve
    // Each walk waited for enough jobs to be due (up to the bulk window): two walks confirm the
    // 200, not one walk every few seconds for the twenty due next.
    QCOMPARE(rig.lists.size(), 3);
}

void tst_PollScheduler::givesUpTheListRouteWhenItIsUseless()
{
    Rig rig;
    const QStringList all = ids(30);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.lists.size(), 1);
    QSignalSpy route(rig.scheduler.get(), &PollScheduler::listRouteChanged);
    rig.listDone({}, false); // matched nothing
    QCOMPARE(rig.scheduler->listRoute(), PollScheduler::ListRoute::Useless);
    QCOMPARE(route.size(), 1);
    QCOMPARE(rig.retrieves.size(), 4);
    while (rig.retrieves.size() < 30 || !rig.outstanding.isEmpty())
        rig.succeed(*rig.outstanding.cbegin(), st(JobStatus::InProgress));
    rig.advance(15s);
    QCOMPARE(rig.lists.size(), 1); // not tried again
    QCOMPARE(rig.retrieves.size(), 34);
}

void tst_PollScheduler::fallsBackToRetrievesWhenTheListRouteFails()
{
    Rig rig;
    const QStringList all = ids(25);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    GatewayError html;
    html.kind = GatewayError::Kind::BadBody;
    rig.listFailed(html);
    QCOMPARE(rig.scheduler->listRoute(), PollScheduler::ListRoute::Useless);
    QCOMPARE(rig.retrieves.size(), 4); // at once, no backoff
    QCOMPARE(rig.scheduler->consecutiveFailures(all.at(0)), 0);
    QVERIFY(!rig.scheduler->holdUntil().isValid());
}

void tst_PollScheduler::transientListFailureBacksOffItsJobs()
{
    Rig rig;
    const QStringList all = ids(25);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    rig.listFailed(networkError());
    QCOMPARE(rig.scheduler->listRoute(), PollScheduler::ListRoute::Untried);
    QVERIFY(rig.retrieves.isEmpty());
    for (const QString &id : all)
        QCOMPARE(rig.scheduler->consecutiveFailures(id), 1);
    QCOMPARE(rig.clock.now().msecsTo(rig.scheduler->holdUntil()), qint64(5'000));
}

// A list page that began to arrive (HTTP 200) and trickled past the deadline is not
// "unreachable" any more, but it is no reason to give up the list route for the session
// either: the jobs back off as after a failed retrieve, and the walk is tried again.
void tst_PollScheduler::tricklingListPageKeepsTheRouteAndWalksAgainLater()
{
    Rig rig;
    const QStringList all = ids(25);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.lists.size(), 1);
    QSignalSpy route(rig.scheduler.get(), &PollScheduler::listRouteChanged);
    rig.listFailed(trickled());
    QCOMPARE(rig.scheduler->listRoute(), PollScheduler::ListRoute::Untried);
    QCOMPARE(route.size(), 0);
    QVERIFY(rig.retrieves.isEmpty()); // no burst of 25 retrieves at the slow gateway
    for (const QString &id : all)
        QCOMPARE(rig.scheduler->consecutiveFailures(id), 1);
    QCOMPARE(rig.clock.now().msecsTo(rig.scheduler->holdUntil()), qint64(5'000));

    // After the backoff the jobs are probed by retrieves (small answers that may well get
    // through), at most maxInFlight at once; the route is still there for the next walk.
    rig.advance(5s);
    QCOMPARE(rig.retrieves.size(), 4);
    QCOMPARE(rig.lists.size(), 1);
    while (rig.retrieves.size() < 25 || !rig.outstanding.isEmpty())
        rig.succeed(*rig.outstanding.cbegin(), st(JobStatus::InProgress));
    QCOMPARE(rig.lists.size(), 1);
    QCOMPARE(rig.scheduler->listRoute(), PollScheduler::ListRoute::Untried);
    rig.advance(15s);
    QCOMPARE(rig.lists.size(), 2); // due together again: one walk for all 25
    QCOMPARE(rig.lists.at(1).size(), 25);
    QCOMPARE(rig.retrieves.size(), 25);
}

void tst_PollScheduler::jitterSpreadsDueTimesWithinTenPercent()
{
    PollSettings settings = noBulk();
    settings.maxInFlight = 100;
    ManualClock clock;
    PollScheduler scheduler(settings, &clock); // the real random jitter
    QStringList requested;
    connect(&scheduler, &PollScheduler::retrieveRequested, this,
            [&requested](const QString &id) { requested.append(id); });
    const QStringList all = ids(60);
    for (const QString &id : all)
        scheduler.addJob(id);
    QTRY_COMPARE(requested.size(), all.size());
    QSet<qint64> distinct;
    for (const QString &id : all) {
        scheduler.reportSuccess(id, st(JobStatus::InProgress));
        const qint64 due = clock.now().msecsTo(scheduler.dueAt(id));
        QVERIFY2(due >= 13'500 && due <= 16'500, qPrintable(QString::number(due)));
        distinct.insert(due);
    }
    // Sixty jobs fetched together do not come due together.
    QVERIFY(distinct.size() > 30);
}

void tst_PollScheduler::newSettingsRescheduleWaitingJobs()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("a");
    rig.scheduler->addJob(a);
    rig.spin();
    rig.succeed(a, st(JobStatus::Scheduled));
    rig.advance(10s);
    QCOMPARE(rig.dueIn(a), qint64(50'000));
    PollSettings faster = noBulk();
    faster.scheduledInterval = 20s;
    rig.scheduler->setSettings(faster);
    QCOMPARE(rig.dueIn(a), qint64(10'000)); // counted from the last fetch
    rig.advance(10s);
    QCOMPARE(rig.count(a), 2);
}

void tst_PollScheduler::removingAJobInFlightFreesItsSlot()
{
    Rig rig(noBulk());
    const QStringList all = ids(5);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.retrieves.size(), 4);
    const QString gone = rig.retrieves.at(0);
    rig.scheduler->removeJobs({gone});
    QCOMPARE(rig.scheduler->inFlight(), 4); // its request is still out
    rig.succeed(gone, st(JobStatus::InProgress));
    QCOMPARE(rig.scheduler->inFlight(), 4); // the fifth took the slot
    QCOMPARE(rig.retrieves.size(), 5);
    QVERIFY(!rig.scheduler->contains(gone));
    rig.advance(1h);
    QCOMPARE(rig.count(gone), 1);
}

void tst_PollScheduler::armsOneTimerToTheEarliestDueTime()
{
    PollSettings settings = noBulk();
    settings.maxInFlight = 1000;
    Rig rig(settings);
    const QStringList all = ids(1000);
    for (const QString &id : all)
        rig.scheduler->addJob(id);
    rig.spin();
    QCOMPARE(rig.retrieves.size(), 1000);
    for (int i = 0; i < all.size(); ++i) {
        const JobStatus code = i == 500 ? JobStatus::InProgress : JobStatus::Scheduled;
        rig.outstanding.remove(all.at(i));
        rig.scheduler->reportSuccess(all.at(i), st(code));
    }
    rig.spin();
    // A thousand jobs waiting cost one timer, armed for the job that is due first.
    QCOMPARE(rig.scheduler->findChildren<QTimer *>().size(), 1);
    QVERIFY(rig.scheduler->findChild<QTimer *>()->isActive());
    QCOMPARE(rig.clock.now().msecsTo(rig.scheduler->nextPollAt()), qint64(15'000));
    rig.retrieves.clear();
    rig.advance(15s);
    QCOMPARE(rig.retrieves, QStringList{all.at(500)});
}

QTEST_GUILESS_MAIN(tst_PollScheduler)
#include "tst_pollscheduler.moc"
