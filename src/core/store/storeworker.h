#pragma once

#include "domain/watchedjob.h"
#include "store/jobstore.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace bw {

// A JobStore on its own thread, so that SQLite never blocks the thread that owns the
// StoreWorker (the GUI thread): the 10,000-job batch of a bulk refresh is written while the
// event loop keeps running.
//
// Threading contract:
// - the StoreWorker itself lives in, and is called from, the thread that created it (its
//   "owner thread"); the JobStore lives on an internal worker QThread and is touched only there;
// - every call returns at once; work is queued and runs on the worker thread in call order
//   (so a write queued before a read is visible to that read);
// - a callback (`done`) runs on the owner thread, inside its event loop, never synchronously;
//   it is dropped when its `context` has been destroyed by then. Contexts must live in the
//   owner thread;
// - the destructor runs every task already queued (nothing written is lost), closes the store
//   on the worker thread and joins it. Callbacks still pending at that point are dropped.
//
// Failures: a failed open is reported by opened(false, error); a failed write by writeFailed()
// (the JobStore's message); reads that fail give empty results, as JobStore does.
// A batch of applyUpdates() that fails because a PostgreSQL connection was lost
// (JobStore::isReconnecting) is kept, not dropped: it is written again once the store has
// reconnected (tried every RetryMs, the store's own backoff deciding when it really connects),
// before anything queued after it, and every batch that arrives meanwhile waits with it, so
// the batches reach the store whole and in order (a status change written twice is stored once:
// the store's unique key on transitions). unwrittenBatches() counts them. Any other failed write
// is reported and dropped, as before.
//
// Kept batches are held per job, not per batch, so that a long outage costs memory by the jobs
// watched rather than by the polls made: each job keeps its newest state (the last one given),
// every status transition in order, and its progress samples thinned as the store would thin
// them (samplethinning.h: a sample with the newest's counts in its 5-minute bucket is not kept,
// older ones go per bucket, at most MaxSamplesPerJob). keptJobs() counts them.
//
// Written late, a kept job may be older than what the store holds: while the database was down
// this client may have lost the poller lease (PollerLease), and the new poller has recorded
// later observations of the same jobs. So the replay first reads the stored rows of the kept
// jobs and writes only the jobs whose kept state is at least as new as the stored one
// (fetchedAt); a job the store holds newer is dropped whole — its state, transitions and samples
// — because the store's history of it from then on is the other poller's, which has seen what
// this one saw or what followed it. This does not depend on the lease, whose own session
// reconnects on its own schedule (up to 15 s after the store's): a client that still is (or is
// again) the poller loses nothing, one that was replaced overwrites nothing newer. (The read and
// the write are two transactions: a write of the other poller landing between them can still be
// overwritten; a condition in JobStore::applyUpdates' upsert would close that.)
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    explicit StoreWorker(QObject *parent = nullptr);
    ~StoreWorker() override;

    // Opens `directory`/batchwatch.sqlite (empty: AppDataLocation) on the worker thread;
    // opened() follows. Work queued before the open completes runs after it.
    void open(const QString &directory = {});
    // A private in-memory database (demo, tests).
    void openInMemory();
    // Blocks the caller until the open has been tried; returns JobStore::open's result.
    // For the CLI and tests; never call it on a GUI thread with a big migration pending.
    bool openBlocking(const QString &directory = {}, QString *error = nullptr);

    // Writes (fire and forget; writeFailed() on failure).
    void addWatched(const QString &profileId, const QStringList &identifiers,
                    const QDateTime &addedAt);
    void removeWatched(const QString &profileId, const QStringList &identifiers);
    void applyUpdates(const QList<JobUpdate> &updates);
    void setProfileDetectedRoute(const QString &profileId, RouteStyle route);

    // Reads.
    void loadWatched(const QString &profileId, QObject *context,
                     std::function<void(QList<WatchedJob>)> done);
    // The same, with `ahead` told copies of the rows while they are read, `sliceRows` at a time,
    // in order, and how many are expected in all (a hint), before `done` gets them all
    // (JobStore::loadWatched with `read`): the owner thread can work on them while the store
    // reads on. Both run on the owner thread.
    void loadWatched(const QString &profileId, qsizetype sliceRows, QObject *context,
                     std::function<void(QList<WatchedJob>, qsizetype all)> ahead,
                     std::function<void(QList<WatchedJob>)> done);
    void loadHistory(const QString &profileId, const QString &identifier, QObject *context,
                     std::function<void(QList<StatusTransition>, QList<ProgressSample>)> done);

    // A PostgreSQL store: from now on, other clients' committed changes are reported by
    // jobsChanged() (JobStore::listenForChanges). Nothing happens on SQLite.
    void listenForChanges();

    // Moves `object` (living in the owner thread, without a parent) to the worker thread, where
    // its slots and timers then run, and takes ownership: it is deleted on the worker thread at
    // the latest when the StoreWorker is destroyed (before the store closes). Delete it earlier
    // with deleteLater(). For what must not block the owner thread, like a PollerLease's
    // connect. Its signals reach receivers in the owner thread queued.
    void adopt(QObject *object);

    // Runs `task` with the store on the worker thread (the store may be closed if opening
    // failed). For anything the typed calls above do not cover.
    void post(std::function<void(JobStore &)> task);
    // Runs `task` on the worker thread and hands its result to `done` on the owner thread.
    template<typename R>
    void call(std::function<R(JobStore &)> task, QObject *context, std::function<void(R)> done)
    {
        QPointer<QObject> guard(context);
        post([this, task = std::move(task), guard, done = std::move(done)](JobStore &store) {
            R result = task(store);
            deliver([guard, done, result = std::move(result)]() mutable {
                if (guard)
                    done(std::move(result));
            });
        });
    }

    // How often kept batches (see above) are tried again while the store reconnects.
    static constexpr int RetryMs = 500;
    // Batches of applyUpdates() kept for a lost connection, not written yet (owner thread's
    // view, updated when the number changes).
    int unwrittenBatches() const { return m_unwrittenCount; }
    // The jobs those batches are held as (one entry per job, see above); owner thread's view.
    int keptJobs() const { return m_keptJobsCount; }

    // Blocks until every task queued so far has run. Not from the worker thread.
    void waitForIdle();
    // True between a successful open and destruction.
    bool isOpen() const { return m_open; }

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void writeFailed(const QString &message);
    // JobStore::jobsChanged, on the owner thread: reload these jobs (loadJobs), or the whole
    // profile when the list is empty.
    void jobsChanged(const QString &profileId, const QStringList &jobKeys);
    // unwrittenBatches() changed: 0 once everything kept has been written.
    void unwrittenBatchesChanged(int batches);

private:
    void deliver(std::function<void()> fn);
    // What is kept of one job (see above).
    struct KeptJob
    {
        JobUpdate newest; // its state; newTransitions and sample unused
        QList<StatusTransition> transitions;
        QList<ProgressSample> samples; // oldest first, thinned
        qsizetype thinnedAt = 0;       // samples.size() after the last thinning
    };

    // On the worker thread: adds a batch to what is kept.
    void keep(const QList<JobUpdate> &updates);
    // On the worker thread: writes what is kept; false while some remains.
    bool writeUnwritten(JobStore &store);
    // On the worker thread: the kept jobs as updates; with `check`, without those the store
    // holds newer (counted in *superseded), and nullopt when the store could not be read.
    std::optional<QList<JobUpdate>> keptUpdatesToWrite(JobStore &store, bool check,
                                                       int *superseded) const;
    void clearKept();
    // After the kept updates of several profiles were refused together: each profile's written
    // on its own; those refused are dropped (logged), the rest are written.
    void writeEachProfile(JobStore &store, const QList<JobUpdate> &updates);
    void forgetProfile(const QString &profileId);
    void reportUnwritten();

    QThread m_thread;
    QObject *m_worker = nullptr;       // lives on m_thread: the queue's receiver
    std::unique_ptr<JobStore> m_store; // created, used and destroyed on m_thread only
    bool m_open = false;               // owner-thread view, updated by opened()
    int m_unwrittenCount = 0;          // owner-thread view of m_keptBatches
    int m_keptJobsCount = 0;           // owner-thread view of m_kept.size()
    // Worker thread only: what is kept for a lost connection — the jobs in the order first
    // kept, how many batches they hold — and what tries them again.
    QStringList m_keptOrder;
    QHash<QString, KeptJob> m_kept;
    int m_keptBatches = 0;
    int m_unwrittenReported = 0;
    int m_keptJobsReported = 0;
    QTimer *m_retryTimer = nullptr;
};

} // namespace bw
