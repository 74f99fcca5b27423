#pragma once

#include "domain/watchedjob.h"
#include "store/samplethinning.h"
#include "wire/gatewayprofile.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <optional>

class QThread;

namespace bw {

namespace storedetail {
// A digest of bytes (a keyed 64-bit hash and the length): equal bytes, equal digest; zero:
// unknown.
struct Digest
{
    quint64 a = 0;
    quint64 b = 0;
    bool isKnown() const { return a != 0 || b != 0; }
    friend bool operator==(const Digest &x, const Digest &y) { return x.a == y.a && x.b == y.b; }
};
// What JobStore last wrote of one job (implementation detail): its raw bodies and, for a refresh
// on SQLite that needs neither a key lookup nor a RETURNING row, the row it wrote.
struct WrittenJob
{
    RawBody retrieve;
    RawBody list;
    RawBody native;
    Digest retrieveText;  // of the retrieve text as written; unknown when written from the object
    Digest row;           // of the watched_jobs values written, fetched_at aside
    qint64 id = 0;        // watched_jobs.id
    qint64 fetchedAt = 0; // fetched_at as written (ms); valid only with `row`
    int stored = -1;      // which bodies job_bodies holds (Writer's Stored flags); -1: unknown
    quint32 epoch = 0;    // id, stored, row and fetchedAt hold while SampleCache::epoch is this
};
// What recording a progress sample needs to know of a job's samples (implementation detail).
struct SampleState
{
    qint64 newestAt = 0;
    qint64 total = 0;
    qint64 processed = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 firstId = -1;
    qint64 firstAt = 0;
    qint64 count = 0;
};
// SQLite: SampleState of each job by row id as applyUpdates left it, valid while the file is
// what this connection last committed (implementation detail).
struct SampleCache
{
    QHash<qint64, SampleState> jobs;
    qint64 dataVersion = -1; // PRAGMA data_version after the last applyUpdates
    qint64 changes = -1;     // total_changes() after it
    // Moves on whenever the file was found changed by another write: WrittenJob entries of an
    // older epoch are not trusted for their row (id, stored bodies, values).
    quint32 epoch = 1;
};
} // namespace storedetail

// Everything one refresh learned about one job: its new state, the status changes it observed
// and, when the gateway reported counts, one progress sample.
struct JobUpdate
{
    WatchedJob job;
    QList<StatusTransition> newTransitions; // appended in order
    std::optional<ProgressSample> sample;
    bool resultsChanged = false; // job.results is new: store it (schema 4 job_results)
    // job.rawRetrieve as the gateway sent it (ParsedJob::rawText), when this update took it from
    // a whole retrieve body: the store writes these bytes rather than serialising the object
    // again. Empty: job.rawRetrieve is serialised. Must be the text job.rawRetrieve was read from.
    QByteArray rawRetrieveText = {};
};

// The local store (PRODUCT.md §4 "Persistence"): profiles, watched jobs with their last-known
// state and raw bodies, status transitions and progress samples, in one SQLite file
// (`batchwatch.sqlite`) through Qt SQL — or, for a team, in a shared PostgreSQL database
// (QPSQL) named by a `postgresql://user@host:port/database` URL: same schema, same versions,
// same behaviour of every call below (storeengine.h says what differs underneath).
//
// Threading: each JobStore owns one named database connection, created by open() on the calling
// thread. Every call must come from that thread; a call from another thread fails (returns
// false / an empty result) with lastError() set. Several JobStore instances — in one process or
// in several (GUI and CLI) — may open the same file; writers wait for each other up to 5 s.
//
// Errors: no call ever crashes on a broken or missing database. Every call clears lastError()
// first; a failing write returns false, sets lastError() and emits writeFailed(); a failing read
// returns an empty result and sets lastError().
//
// Durability: the file is in WAL mode with synchronous=NORMAL. Every write below is ONE
// transaction: it happens completely or not at all, and once it has returned true it survives
// the process being killed at any moment afterwards (not necessarily an OS crash or power loss).
// The WAL is copied back into the file (checkpointed) when the thread's event loop is next idle
// after a saveJobs() or applyUpdates(), not inside their COMMIT (wal_autocheckpoint is off on
// this connection): a checkpoint() after a large refresh, or when more than
// UncheckpointedJobLimit jobs were written without one (no event loop), and on close(). It
// changes nothing of the above: a committed transaction is in the WAL whether or not it has
// been checkpointed. One exception, on SQLite: a refresh that changed nothing of a job but its
// fetched_at leaves that time unwritten for up to FetchedAtFlushMs (flushFetchedTimes), so a
// kill may lose that long of "last fetched" times, never anything else.
//
// Keys: one job is one row, whatever form it is named in (jobKeyOf: its id, its ARN, a gateway's
// form of it). A row keeps the identifier exactly as the user first gave it — never the jobArn a
// gateway returns — and every call taking an identifier accepts any form of it. A job belongs to a
// saved profile: adding or saving a job for a profile id that was never saved fails.
//
// Times are stored as UTC milliseconds: QDateTimes come back in UTC, equal (operator==) to what
// was written. An invalid QDateTime is stored as "none" and comes back invalid.
class JobStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int SchemaVersion = 7; // see storeschema.cpp

    // Progress samples are thinned on every write by the policy of samplethinning.h, so what is
    // stored never depends on how the samples were batched: it is always that policy applied to
    // every sample recorded (until the bound or pruneHistory() drops some).
    static constexpr int MaxSamplesPerJob = samplethinning::MaxSamplesPerJob;
    static constexpr qint64 KeepAllSamplesMs = samplethinning::KeepAllMs;
    static constexpr qint64 FineBucketMs = samplethinning::FineBucketMs;
    static constexpr qint64 FineBucketAgeMs = samplethinning::FineBucketAgeMs;
    static constexpr qint64 CoarseBucketMs = samplethinning::CoarseBucketMs;

    explicit JobStore(QObject *parent = nullptr);
    ~JobStore() override;

    // Opens (creating if needed) `directory`/batchwatch.sqlite; an empty `directory` means
    // QStandardPaths::AppDataLocation. Creates the directory, migrates the schema to
    // SchemaVersion. Fails — leaving the file untouched — when it is not a batchwatch database or
    // was written by a newer version (lastError() says which). Closes any database open before.
    // A PostgreSQL URL instead of a directory opens that database (its current schema, creating
    // the tables when it has none); the password comes from ~/.pgpass, never from the URL.
    bool open(const QString &directory = {});
    // A private in-memory database (demo profile, tests): same behaviour, nothing persists.
    bool openInMemory();
    void close();
    bool isOpen() const;
    // The database file, or empty when not open (":memory:" for openInMemory(); the URL,
    // without any password, for PostgreSQL).
    QString databasePath() const;
    QString lastError() const { return m_lastError; }
    // A PostgreSQL connection was found lost and is being re-established (with backoff): a write
    // that failed meanwhile failed for that alone and may be written again (StoreWorker does).
    bool isReconnecting() const { return !m_reviveUrl.isEmpty(); }
    // Reconnects a lost connection when its backoff allows (nothing else); true when the store
    // is usable now. Emits nothing; lastError() says why not.
    bool ensureUsable() const
    {
        clearError();
        return checkUsable();
    }

    static QString fileName(); // "batchwatch.sqlite"

    // --- profiles --------------------------------------------------------------------------
    // In the order they were first saved.
    QList<GatewayProfile> profiles() const;
    // Inserts or updates by id (keeping its position). A password in baseUrl is never stored:
    // the stored URL has it removed. Fails on an empty id.
    bool saveProfile(const GatewayProfile &profile);
    // Removes the profile with all its watched jobs, their transitions and samples. Removing an
    // unknown id succeeds (nothing to do).
    bool removeProfile(const QString &id);
    // Remembers the route style that auto-detection found. Fails for an unknown profile.
    bool setProfileDetectedRoute(const QString &profileId, RouteStyle route);

    // --- watched jobs ----------------------------------------------------------------------
    // Starts watching `identifiers` (in order) on the profile; jobs already watched, in any
    // form, are left as they are (their identifier and addedAt too). Adding a removed job again
    // lifts its tombstone (removeWatched). Fails on an empty identifier or an unknown profile.
    bool addWatched(const QString &profileId, const QStringList &identifiers,
                    const QDateTime &addedAt);
    // Stops watching, deleting each job with its transitions and samples, and leaves a tombstone
    // (schema 6 removed_jobs: job key and time): from then on a save of the job (saveJobs,
    // applyUpdates) — say by a poller whose refresh was in flight, in any process — writes
    // nothing, until addWatched() adds it again. Unknown identifiers are ignored.
    bool removeWatched(const QString &profileId, const QStringList &identifiers);
    // The profile's watched jobs with their last-known state, in the order they were added.
    // Meant for start-up: one indexed query and no network; 10,000 jobs take a few hundred ms.
    // A row whose stored job cannot be read comes back with an empty Job (and a warning logged)
    // rather than being dropped.
    QList<WatchedJob> loadWatched(const QString &profileId) const;
    // loadWatched(), telling `read` of the rows while they are read: each time `sliceRows` more
    // were read, those rows (of the list it returns, in its order) and how many it expects in
    // all (a hint for sizing), so that a caller can start on them before the read ends
    // (issue 13: the app's start-up). What it returns is what loadWatched() returns: empty
    // when the read failed, whatever was told before.
    using ReadRows = std::function<void(const WatchedJob *rows, qsizetype count, qsizetype all)>;
    QList<WatchedJob> loadWatched(const QString &profileId, qsizetype sliceRows,
                                  const ReadRows &read) const;
    // The profile's jobs with these job keys (jobKeyOf) — what jobsChanged() names — in the order
    // they were added; keys not watched are left out.
    QList<WatchedJob> loadJobs(const QString &profileId, const QStringList &jobKeys) const;
    // Inserts or updates every job (all fields of WatchedJob). A raw body equal to the one this
    // store last wrote for the job is left as stored (not serialised again). An update never
    // touches the job's transitions or samples. An invalid addedAt keeps the stored one (or is
    // "now" for a new row). A job that was removed (removeWatched) is skipped:
    // a save never watches it again, only addWatched() does.
    bool saveJobs(const QList<WatchedJob> &jobs);

    // --- history ---------------------------------------------------------------------------
    // Appends transitions to a watched job. Fails for a job that is not watched, or for a
    // transition without a valid observedAt.
    bool appendTransitions(const QString &profileId, const QString &identifier,
                           const QList<StatusTransition> &transitions);
    // Oldest first (by observedAt, then by the order they were appended).
    QList<StatusTransition> transitions(const QString &profileId, const QString &identifier) const;
    // Every transition of every job of the profile, by identifier (for exports and charts).
    QHash<QString, QList<StatusTransition>> transitionsForProfile(const QString &profileId) const;

    // The main write path: the result of a whole refresh. For each update, in order: the job is
    // saved as by saveJobs(), its new transitions appended, its sample recorded (thinned as
    // described above) — or, for a removed job, nothing of it written. All in ONE transaction: on
    // any failure nothing of the batch is kept. A job may appear more than once in a batch (its
    // updates apply in order).
    bool applyUpdates(const QList<JobUpdate> &updates);

    // Oldest first. A sample without a valid time is rejected (the batch fails).
    QList<ProgressSample> progressSamples(const QString &profileId,
                                          const QString &identifier) const;
    QHash<QString, QList<ProgressSample>> progressSamplesForProfile(const QString &profileId) const;

    // History retention: deletes transitions observed and samples taken before `olderThan`.
    // Watched jobs themselves are kept. Tombstones (removeWatched) do not follow `olderThan`,
    // which is one client's setting: on a shared store one user's 1-day retention would drop
    // the team's tombstones and let a late save bring a removed job back. They go after the
    // fixed TombstoneLifetimeDays, the same for every client. Scans the history; meant to run
    // now and then (start-up).
    bool pruneHistory(const QDateTime &olderThan);
    // How long a tombstone lasts, whatever any client's retention: far longer than any refresh
    // stays in flight or any kept batch (StoreWorker) waits for a lost connection.
    static constexpr int TombstoneLifetimeDays = 90;

    // --- live updates (PostgreSQL) ---------------------------------------------------------
    // Every write of a PostgreSQL store announces, in the same transaction (so only once it has
    // committed), which jobs it changed. After this call, jobsChanged() reports the writes of
    // every other connection (other clients, the headless poller) while this thread's event
    // loop runs. False (lastError set) on SQLite or when the server refuses.
    bool listenForChanges();

    // --- the WAL (SQLite) ------------------------------------------------------------------
    // Copies what the WAL holds into the database file as far as no reader prevents it
    // (PRAGMA wal_checkpoint(PASSIVE)); what it could not copy waits for the next one. Called
    // on its own after writes (see Durability); public for benchmarks and tests. True on
    // PostgreSQL and for an in-memory store (nothing to do).
    bool checkpoint();
    // Jobs written since the last checkpoint after which the next write checkpoints at once,
    // whatever the event loop does (bounds the WAL of a thread without an event loop).
    static constexpr qint64 UncheckpointedJobLimit = 50000;

    // --- fetched_at (SQLite) ---------------------------------------------------------------
    // A job whose refresh changed nothing of its row but fetched_at (the gateway said the same
    // again) is not written by applyUpdates on SQLite: its fetched_at is kept here and written,
    // for every such job in one transaction, at most FetchedAtFlushMs later (when this thread's
    // event loop runs), on close(), and by this call. Until then loadWatched()/loadJobs() of this
    // store return it; other connections read the time last written. A crash may lose up to
    // FetchedAtFlushMs of "last fetched" times, never a status, progress, body, transition or
    // sample (a product decision, issue 13). PostgreSQL writes every refresh as it comes: other
    // clients show its fetched_at as the team's last-known state. True when nothing was waiting.
    bool flushFetchedTimes();
    static constexpr int FetchedAtFlushMs = 60000;
    // How many jobs' fetched_at wait to be written (tests, benchmarks).
    qsizetype unwrittenFetchedTimes() const { return m_unwrittenFetched.size(); }

Q_SIGNALS:
    // Another client committed changes to these jobs of the profile (job keys: loadJobs()); an
    // empty list means the profile's watch list itself changed: reload it all.
    void jobsChanged(const QString &profileId, const QStringList &jobKeys);
    // A write failed; `message` is what lastError() returns. For a banner, not for a dialog.
    void writeFailed(const QString &message);

private:
    bool openConnection(const QString &databaseName);
    bool openPostgres(const QString &url);
    // A new named connection with `driver` (m_db, m_thread); false when there is no such driver.
    bool addConnection(const QString &driver);
    // Refuses (closing, lastError set) a database of another program or of a newer version.
    bool checkOwnership();
    bool migrateSchema();
    // SQLite, on close(): a file made with pages smaller than the store's page size (by a
    // batchwatch before it) rebuilt once with them (VACUUM) when this connection is the file's
    // last one; else left as it is until a later close.
    void adoptPageSize();
    // Closes and fails the open with "Could not open <where>: why".
    bool abandonOpen(const QString &why);
    // False (with lastError set) when not open or called from another thread.
    bool checkUsable() const;
    void clearError() const { m_lastError.clear(); }
    bool failOpen(const QString &message);
    bool failWrite(const QString &message);
    // PostgreSQL: after a failure, checks the connection; a dead one is reopened by the next
    // call (checkUsable), then retried after 1 s, doubling up to 30 s, until it opens. What was
    // committed is in the database; the call that found the connection dead failed whole.
    void noticeLostConnection() const;
    bool reconnect();
    // A listener whose connection was lost tries to reconnect on its own (on its thread's event
    // loop, with the backoff above); once reconnected it listens again and reports every
    // profile changed (jobsChanged with no keys): what was announced meanwhile was not heard.
    void scheduleRevive() const;
    void announceEverythingChanged();
    void failRead(const QString &message) const;
    // The one way every history read runs: prepares `sql`, binds `values` in order and executes
    // it; nullopt (lastError "Could not read <what>: …") when not usable or when it fails.
    // loadWatched() (keys null) or loadJobs() for one slice of keys.
    QList<WatchedJob> loadRows(const QString &profileId, const QStringList *keys,
                               qsizetype sliceRows = 0, const ReadRows &read = {}) const;
    std::optional<QSqlQuery> read(const QString &sql, const QVariantList &values,
                                  const QString &what) const;

    // The raw bodies this store last wrote for each job ("profile\ncanonical id"): a body equal
    // to the one written is not serialised and written again. Only what a committed transaction
    // wrote; forgotten when jobs are removed or the file changes.
    QHash<QString, storedetail::WrittenJob> m_written;
    // SQLite: each job's samples as applyUpdates knows them, so that a sample is recorded
    // without reading the job's samples first. Dropped when any other write happened since.
    storedetail::SampleCache m_samples;
    // SQLite: fetched_at of jobs ("profile\ncanonical id") newer than the stored one, whose row
    // is otherwise as written (flushFetchedTimes), in ms since the epoch.
    QHash<QString, qint64> m_unwrittenFetched;
    bool m_fetchedFlushScheduled = false;
    // After a write that left fetched_at times unwritten: schedules flushFetchedTimes().
    void scheduleFetchedFlush();
    // Whether applyUpdates may leave fetched_at unwritten: SQLite, used on this object's thread.
    bool defersFetchedTimes() const;

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QThread *m_thread = nullptr;
    bool m_ready = false; // opened and migrated
    bool m_listening = false;
    bool m_checkpointScheduled = false; // checkpoint() is posted to this thread's event loop
    qint64 m_uncheckpointedJobs = 0;    // jobs written since the last checkpoint
    // After a committed write of `jobs` jobs: posts checkpoint() or, past the limit, runs it.
    void afterWrite(qsizetype jobs);
    mutable QString m_reviveUrl; // set while the PostgreSQL connection is lost
    mutable QThread *m_reviveThread = nullptr;
    mutable QDeadlineTimer m_nextReconnect;
    mutable int m_reconnectDelayMs = 0;
    mutable bool m_reviveScheduled = false;
    mutable QString m_lastError;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::JobUpdate)
