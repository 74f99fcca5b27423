#pragma once

#include "domain/jobstatus.h"
#include "tracking/clock.h"
#include "tracking/pollpolicy.h"
#include "wire/gatewayerror.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

namespace bw {

// Decides WHEN each job of one profile is fetched; it never talks to the network itself.
//
// It asks for fetches through two signals — retrieveRequested(id) for one job, and
// listRefreshRequested(ids) for a list walk covering many — and the owner (JobMonitor) must
// answer every request exactly once with one of the report*() calls. Between a request and its
// report the job is "in flight": it is never requested again, and the request holds one of the
// profile's maxInFlight slots (a whole list walk holds one slot).
//
// Rules (PollPolicy holds the numbers):
// - a job never fetched is due at once; afterwards it is due one status interval (+-jitter)
//   after the last fetch; a terminal status is confirmed by one more fetch, then the job
//   "settles" and is not polled again (refreshNow(ids) still fetches it);
// - failures back off exponentially up to the cap, Retry-After wins; a non-retryable error
//   slows the job to the cap; unreachable / 401 / Retry-After failures also hold back the whole
//   profile (one countdown, see holdUntil()) — refresh-now bypasses the hold;
// - due jobs are kept in one priority queue ordered by due time and ONE single-shot QTimer is
//   armed to the earliest due time, so 10,000 jobs cost one timer;
// - when a job of the bulk queue is due, at least bulkThreshold jobs are due within bulkWindow
//   and the list route has not proved useless, they are refreshed by one list walk; jobs the
//   walk did not refresh are retrieved one by one right after. A walk reads the whole list
//   (pagesPerWalk()): while fewer than ten jobs per page are due, they wait up to bulkWindow
//   past their due time for more to join them, then go by one walk if it reads fewer pages than
//   they are jobs, else by retrieves;
// - pause() stops new timer-driven requests (in-flight ones complete); refreshNow() works
//   while paused and ignores due times and holds, but never the in-flight cap.
//
// Threading: lives in and is used from one thread (the GUI thread). Signals are emitted from
// inside the event loop (a zero-length timer), never synchronously from a public call, so a
// handler may call any method, report*() included.
class PollScheduler : public QObject
{
    Q_OBJECT

public:
    enum class ListRoute {
        Untried, // not used yet: will be tried when enough jobs are due
        Useful,  // the last walk refreshed enough jobs
        Useless, // it failed or refreshed too little: retrieves only, for this session
    };
    Q_ENUM(ListRoute)

    // How a job enters the scheduler: what is known about it from an earlier session.
    struct Seed
    {
        QString id;
        std::optional<Status> lastKnownStatus;
        bool fetchedBefore = false;
        bool lastFetchFailed = false;
    };

    // `clock` defaults to Clock::systemClock(); it is not owned and must outlive the scheduler.
    explicit PollScheduler(const PollSettings &settings = {}, Clock *clock = nullptr,
                           QObject *parent = nullptr);
    ~PollScheduler() override;

    // New settings apply at once: jobs waiting for a status interval are rescheduled from their
    // last fetch; a larger in-flight cap dispatches more right away.
    void setSettings(const PollSettings &settings);
    const PollSettings &settings() const { return m_policy.settings(); }
    const PollPolicy &policy() const { return m_policy; }
    Clock *clock() const { return m_clock; }

    // Jitter draws in [-1, 1]; the default uses QRandomGenerator::global(). For tests.
    void setJitterSource(std::function<double()> draw);

    // Adds jobs (ids already tracked are left alone). See PollPolicy::initialDelay.
    void addJobs(const QList<Seed> &seeds);
    void addJob(const QString &id) { addJobs({Seed{id, {}, false, false}}); }
    // Forgets jobs. A request already in flight still gets its report (ignored).
    void removeJobs(const QStringList &ids);
    void clear();
    bool contains(const QString &id) const { return m_entries.contains(id); }
    int jobCount() const { return int(m_entries.size()); }
    // Jobs that are polled (tracked and not settled).
    int activeJobCount() const;

    void pause();
    void resume();
    bool isPaused() const { return m_paused; }

    // Fetches the given jobs (all tracked, non-settled jobs when empty) as soon as a slot is
    // free, regardless of due times, pause and holds. A job in flight is fetched again once its
    // current request completes (the answer may predate what the caller wants to see).
    void refreshNow(const QStringList &ids = {});

    // --- answers to requests -------------------------------------------------------------
    // A retrieve answered; `status` is the job's status after merging (nullopt if never known).
    void reportSuccess(const QString &id, const std::optional<Status> &status);
    void reportFailure(const QString &id, const GatewayError &error);
    // A list walk answered. `refreshed` holds the jobs it brought fully up to date (with their
    // status after merging); every other job of the walk is retrieved next. `useful` tells
    // whether the walk was worth doing (PollPolicy::listWasUseful).
    void reportListResult(const QHash<QString, std::optional<Status>> &refreshed, bool useful);
    // A list walk failed. Depending on PollPolicy::listErrorDisablesRoute the route is given up
    // and its jobs are retrieved at once, or the failure counts for each of its jobs.
    void reportListFailure(const GatewayError &error);

    // --- state ---------------------------------------------------------------------------
    int inFlight() const { return int(m_retrieving.size()) + (m_listInFlight ? 1 : 0); }
    bool isInFlight(const QString &id) const
    {
        return m_retrieving.contains(id) || m_listing.contains(id);
    }
    bool isSettled(const QString &id) const;
    // The tracked jobs that are not settled (isSettled() false), in no particular order.
    QStringList unsettledJobs() const;
    int consecutiveFailures(const QString &id) const;
    // When the job is due next (UTC wall time); invalid when settled, in flight or unknown.
    QDateTime dueAt(const QString &id) const;
    // When the next timer-driven request goes out (UTC); invalid when paused or nothing is due.
    QDateTime nextPollAt() const;
    // End of the profile-wide hold (UTC); invalid when there is none.
    QDateTime holdUntil() const;
    ListRoute listRoute() const { return m_listRoute; }
    // Forget that the list route was useless (e.g. the profile's gateway changed).
    void resetListRoute();

Q_SIGNALS:
    void retrieveRequested(const QString &id);
    void listRefreshRequested(const QStringList &ids);
    void inFlightChanged(int count);
    void nextPollAtChanged(const QDateTime &at);
    void listRouteChanged(bw::PollScheduler::ListRoute route);

private:
    using Queue = std::multimap<qint64, QString>;

    struct Entry
    {
        std::optional<Status> status;
        bool fetched = false;
        int failures = 0;
        int terminalStreak = 0;
        bool settled = false;
        bool backingOff = false;    // the current due time is a failure delay
        bool needsRetrieve = false; // never take it along in a list walk next time
        bool forced = false;        // waiting in m_forced
        bool again = false;         // refresh once more after the current request
        Queue *queue = nullptr;     // m_bulkQueue, m_soloQueue, or none (settled / in flight)
        Queue::iterator pos;
        qint64 lastDoneMs = -1;
    };

    double draw();
    qint64 nowMs() const { return m_clock->monotonicMs(); }
    void enqueue(Entry &e, const QString &id, qint64 dueMs);
    void dequeue(Entry &e);
    void settle(Entry &e);
    void applySuccess(const QString &id, const std::optional<Status> &status, qint64 now);
    void applyFailure(const QString &id, const GatewayError &error, qint64 now);
    void noteProfileFailure(const GatewayError &error, qint64 seq, qint64 now);
    void noteReachable(qint64 seq);
    void finishFlight(const QString &id);
    void setListRoute(ListRoute route);
    bool slotFree() const { return inFlight() < std::max(1, settings().maxInFlight); }
    bool holdActive(qint64 now) const { return m_holdUntilMs > now; }
    bool bulkRouteOpen() const; // the list route may be used (a walk may be in flight)
    bool bulkAllowed() const;   // ... and no walk is in flight
    // The pages one list walk reads at least (every tracked job is on the list).
    int pagesPerWalk() const;
    void startList(const QStringList &ids);
    void dispatchRetrieve(QString id); // by value: callers pass queue entries it erases
    void schedulePump();
    void pump();
    // The job due first across both queues (nullptr when none).
    const Queue::value_type *head() const;
    qint64 nextDueMs() const;
    void rearm();
    void announceInFlight();

    PollPolicy m_policy;
    Clock *m_clock = nullptr;
    std::function<double()> m_draw;
    QTimer m_timer{this}; // the one timer, armed to the earliest due time
    bool m_pumpPending = false;
    bool m_paused = false;

    QHash<QString, Entry> m_entries;
    // Jobs waiting for their due time, in two queues so that finding the jobs a list walk can
    // take never scans the ones it cannot (needing a retrieve, or backing off).
    Queue m_bulkQueue;
    Queue m_soloQueue;
    QList<QString> m_forced;        // refresh-now FIFO (entries flagged `forced`)
    bool m_forcedBulkCheck = false; // refreshNow() asked: see whether a list walk serves it

    // Every request gets a sequence number, so an answer can tell whether it was sent before
    // or after the current profile-wide hold began.
    qint64 m_seq = 0;
    QHash<QString, qint64> m_retrieving; // id -> sequence number of its request
    QSet<QString> m_listing;             // ids covered by the list walk in flight
    bool m_listInFlight = false;
    qint64 m_listSeq = 0;
    ListRoute m_listRoute = ListRoute::Untried;

    qint64 m_holdUntilMs = 0; // monotonic; no hold when <= now
    // Due bulk jobs wait for companions for a list walk until then (monotonic; -1: they do
    // not wait). Set by pump().
    qint64 m_bulkHeldUntilMs = -1;
    qint64 m_holdSeq = 0; // requests with a sequence number <= this predate the hold
    int m_profileFailures = 0;

    int m_announcedInFlight = 0;
    qint64 m_announcedDueMs = -1;
};

} // namespace bw
