#pragma once

#include "domain/jobidentifier.h"
#include "domain/watchedjob.h"
#include "store/jobstore.h"
#include "tracking/clock.h"
#include "tracking/jobsource.h"
#include "tracking/pollpolicy.h"
#include "tracking/pollscheduler.h"
#include "wire/gatewayclient.h"
#include "wire/gatewayerror.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace bw {

class StoreWorker;

// How the profile's gateway is doing, for the connection dot, the status bar and the offline
// banner. Derived from the most recent completed request.
struct ConnectionState
{
    enum class Kind {
        Unknown,    // nothing has completed yet
        Online,     // the last request was answered (a job-specific 400/404/409 counts)
        Degraded,   // the gateway answered with a server-side failure (429, 5xx, a bad body)
        Offline,    // no answer at all: refused, reset, timed out, TLS failure
        AuthFailed, // 401 or 403
    };

    Kind kind = Kind::Unknown;
    QDateTime lastSuccessAt; // last successful fetch of any job (UTC); invalid: none yet
    // When the next request goes out (UTC), for the banner's countdown. Set only when the kind
    // is Degraded, Offline or AuthFailed; invalid otherwise or when nothing is scheduled.
    QDateTime nextRetryAt;
    std::optional<GatewayError> lastError; // what made it Degraded, Offline or AuthFailed
    // Offline because a shared store's database cannot be reached, whatever the gateway does
    // (JobMonitor::setStoreReachable): the views name the store, not the gateway.
    bool storeUnreachable = false;

    static QString kindKey(Kind kind); // "unknown", "online", "degraded", "offline", "auth-failed"
    friend bool operator==(const ConnectionState &a, const ConnectionState &b);
};

// Live tracking of the watched jobs of ONE profile — the model-independent heart of the GUI and
// of the CLI's `watch`.
//
// It owns the in-memory WatchedJob set (keyed on the identifier as the user gave it), drives a
// PollScheduler, fetches through the GatewayClient, merges every answer into the jobs,
// observes status transitions and progress samples, persists each batch through the
// StoreWorker (one transaction per batch, off this thread) and tells views what changed.
//
// Merging: a response updates only the fields it carries (Job::mergeFrom); the raw body is
// kept per source (rawRetrieve / rawList); a success sets fetchedAt, clears lastError and
// notFound and widens everReported. A failure sets lastError / lastErrorAt and keeps every
// field: rows are never blanked. A 404 marks the job notFound; it is never removed.
//
// Transitions: a status whose code differs from the last known one (for unknown statuses: a
// different string, ignoring case) appends StatusTransition{from, to, observedAt, the
// response's lastModifiedTime}; the first status ever seen is a transition without `from`.
// Samples: whenever a response carries record counts, a ProgressSample of the merged counts
// is recorded if they changed or 5 minutes passed since the last one.
//
// Bulk refresh: when the scheduler asks for a list walk, GatewayClient::listAll runs once and
// each summary is matched to a watched job by jobArn or identifier, else by the short id
// (12-character id / provider id) when that is unambiguous. A matched job is merged from its
// summary; it is retrieved as well when it has never been retrieved or its status changed,
// and every job the walk did not return is retrieved.
//
// Signals are batched: everything applied within one event-loop turn is announced once, at the
// end of the turn, in this order: jobsUpdated (each job once, latest state), then
// transitionObserved and sampleRecorded in the order they were observed, then
// connectionStateChanged if it changed — unless the owner asked for slices
// (setAnnounceSliceSize): then a batch of many jobs is announced over a few passes of the event
// loop, in the same order. jobsAdded and jobsRemoved are emitted synchronously
// from watch() / unwatch() (and from the store load). No signal is emitted from a destructor.
//
// Sources: each job is polled, stopped and read for results through the JobSource of its
// provider (WatchedJob.job.provider, "bedrock" when none): Bedrock jobs through the client's
// Bedrock-format route, every other provider through the native source registered for it
// (setNativeSource); a job whose provider has no source fails its fetches with a 501 and is
// never dropped. List walks cover Bedrock jobs only; the others are retrieved one by one.
//
// Fuller Bedrock jobs: when a native source for "bedrock" is registered, a Bedrock job is also
// read through it when its status is first seen and whenever the Bedrock route's status differs
// from the one of its last native read — never on every poll. Only fields the Bedrock route
// left unreported are taken (or refreshed, when they came from the native route before); the
// status is always the Bedrock route's; all-zero counts are "not reported" and never taken.
// Those fields are marked in WatchedJob.fromNative, the body kept in rawNative. A gateway that
// answers the native route with 404-for-the-route, 405, 501 or a non-JSON body is taken not
// to have it: no more native reads this session.
//
// Results: when a job is first seen ended, or is seen ending (results read while it ran are
// read again), or on fetchResults, its per-record results are read through the native source
// of its provider, kept in WatchedJob.results, stored, and announced by resultsChanged;
// resultsProgress reports bytes read, resultsFailed a failed read (what was known before is
// kept).
//
// Counts from results: a job whose gateway reports no record counts (Bedrock through the
// Bedrock-format route, all-zero native counts) takes them from its results once it has ended
// and every page was read (fillCountsFromResults; marked in WatchedJob.fromResults). Counts the
// gateway reports always win and end the fill. The store keeps only what the gateway said: the
// filled counts are derived again from the stored results when the jobs are loaded.
//
// Threading: lives in, and is used from, the thread of its GatewayClient (the GUI thread).
// The client, store and clock are not owned and must outlive the monitor; the store may be
// null (nothing persists, history lives in memory only). The profile must be saved in the
// store for its jobs to persist (JobStore refuses jobs of unknown profiles).
class JobMonitor : public QObject
{
    Q_OBJECT

public:
    using StopCallback
            = std::function<void(const QString &identifier, const Expected<StopAck> &result)>;

    JobMonitor(GatewayClient *client, StoreWorker *store, const PollSettings &settings = {},
               Clock *clock = nullptr, QObject *parent = nullptr);
    ~JobMonitor() override;

    QString profileId() const;
    GatewayClient *client() const { return m_client; }
    PollScheduler *scheduler() const { return m_scheduler; }
    // The clock every fetch, transition and sample is stamped with (never null): views that
    // show "now" or relative times read it too.
    Clock *clock() const { return m_clock; }
    void setPollSettings(const PollSettings &settings);

    // Reads the profile's watched jobs from the store (on the store's thread) and announces
    // them with one jobsAdded (last-known state, stale until refreshed), then loaded(count of
    // jobs read). No request is made before that: jobs watched meanwhile wait too, and those
    // the store already knew are re-announced with their stored state by jobsUpdated.
    // Without a store, loaded(0) follows on the next turn. Call it once, first thing.
    void loadFromStore();
    bool isLoading() const { return m_loading; }
    // The store hands the rows over while it reads them, this many at a time, and the monitor
    // makes its tables of each slice while the store reads the next (issue 13: 100,000 stored
    // jobs at start-up). Nothing is announced before the whole list is read (loadStaged is for
    // making work ahead of it). Set it before loadFromStore(); 0: no slices.
    static constexpr int kDefaultLoadSliceRows = 4096;
    void setLoadSliceRows(int rows) { m_loadSliceRows = rows; }

    // Starts watching; invalid identifiers and jobs already watched (in any form: id, ARN or
    // the jobArn the gateway reported, see jobKeyOf) are skipped. Returns the identifiers
    // actually added (emitted in one jobsAdded). They are fetched at once.
    // `provider` (lower case; empty: "bedrock") names the source the jobs are read through;
    // it is kept in WatchedJob.job.provider and stored.
    QStringList watch(const QList<JobIdentifier> &identifiers, const QString &provider = {});
    // Starts watching jobs a list returned (Discover: listBatches), each by its jobArn (the id
    // the list gave) and through the source of its job.provider, and keeps what its summary
    // said — name, model, status, counts — as an answer of that list (Bedrock: the
    // Bedrock-format list; any other provider: the native list), so the new row is not blank
    // until its first poll; later answers merge over it field by field. Summaries without an
    // id, and jobs already watched in any form, are skipped. Returns the identifiers added.
    QStringList watchListed(const QList<ParsedJob> &listed);
    // Stops watching and forgets them here and in the store (history included); emits
    // jobsRemoved with those that were watched.
    void unwatch(const QStringList &identifiers);

    // A shared store (issue 15): another client — the poller of the gateway — committed these
    // jobs (JobStore::loadJobs / loadWatched rows). Takes their stored state as this monitor's
    // without writing anything back: jobs not watched here are added (jobsAdded), changed ones
    // replaced (jobsUpdated; the scheduler re-seeded from their status, a loaded history read
    // again; a new status announced by transitionObserved and new counts by sampleRecorded,
    // both stamped with the poller's fetch), and — when `wholeList` is the profile's entire
    // watch list — those no longer in it
    // dropped (jobsRemoved) — except jobs watched here at or after `readAt` (when the rows were
    // asked for): the read may have run before their own write. A job unwatched here at or
    // after `readAt` (or with no `readAt`) is not brought back by the rows of that read; a read
    // asked for after the removal that still holds it means it was added again: it is.
    // Nothing is emitted for a job that did not change.
    void applyStoredJobs(const QList<WatchedJob> &stored, bool wholeList,
                         const QDateTime &readAt = {});

    QList<WatchedJob> jobs() const; // in the order they were added
    // Calls `visit` with every watched job, in no particular order, copying none (jobs() made
    // 100,000 copies for each of NotificationCenter's summaries; issue 13).
    template<typename Visit>
    void forEachJob(Visit &&visit) const
    {
        for (const Tracked &t : m_jobs)
            visit(t.w);
    }
    // The identifiers of jobs(), in the same order, without copying a job.
    QStringList identifiers() const { return m_order; }
    std::optional<WatchedJob> job(const QString &identifier) const;
    bool contains(const QString &identifier) const { return m_jobs.contains(identifier); }
    int jobCount() const { return int(m_jobs.size()); }

    // Status history and progress samples of one job, oldest first. What is known in memory is
    // returned at once; the first call for a job also loads its stored history, announced by
    // historyLoaded(identifier) — call again then. Without a store, memory is all there is.
    QList<StatusTransition> history(const QString &identifier);
    QList<ProgressSample> samples(const QString &identifier);
    bool isHistoryLoaded(const QString &identifier) const;

    // See PollScheduler::refreshNow.
    void refreshNow(const QStringList &identifiers = {});
    void pause();
    void resume();
    bool isPaused() const;
    QDateTime nextPollAt() const;
    // The gateway's state — or Offline (lastSuccessAt kept, no lastError) while a shared
    // store's database cannot be reached (setStoreReachable): what the rows show is stale.
    ConnectionState connectionState() const;
    // A shared store's session says whether its database is reachable (ProfileSession).
    void setStoreReachable(bool reachable);
    bool isStoreReachable() const { return !m_storeUnreachable; }
    // Scheduler requests plus stop requests in flight.
    int requestsInFlight() const;

    // Announcing a batch of many jobs in slices (issue 13: no event-loop stall over 50 ms for
    // a 10,000-job refresh; a view re-reads what jobsUpdated names in the same pass). 0, the
    // default: every batch in one jobsUpdated, as the class comment says. N > 0: a batch of
    // more than N jobs is announced N jobs per jobsUpdated, one jobsUpdated per event-loop
    // pass, each job in its state at that pass; the batch's transitionObserved and
    // sampleRecorded (in the order observed) and connectionStateChanged follow its last slice.
    // A batch that comes while slices are still to come joins them (a job still waiting is
    // announced once, in its latest state; its transitions follow the last slice in order).
    void setAnnounceSliceSize(int jobs);
    int announceSliceSize() const { return m_sliceSize; }
    bool isAnnouncing() const { return !m_announcing.isEmpty(); } // slices still to come

    // Sends one stop request per job (never retried, not part of polling), reports each result
    // through `perJob` (on this thread; may be null), then fetches the job at once whatever the
    // answer, to show what the gateway now says. Identifiers need not be watched.
    // A job of a non-Bedrock provider is cancelled through its provider's source.
    void stopJobs(const QStringList &identifiers, StopCallback perJob);

    // --- sources ---
    // Registers Bifrost's native source of one provider (owned; replaces an earlier one).
    void setNativeSource(const QString &provider, std::unique_ptr<JobSource> source);
    // Makes the native sources exactly a NativeBatchSource over the client for each of
    // `providers` (the profile's; may be called again whenever they change, no restart needed):
    // a provider still listed keeps its source (reads in flight go on), a provider no longer
    // listed loses it (a results read through it is cancelled; its jobs stay watched and their
    // fetches fail with a 501 until it is listed again), a provider newly listed gets one and
    // its watched jobs are fetched at once (when polling resumes, if paused). Adding "bedrock" also
    // gives the native route another chance (nativeEnrichmentAvailable()) and reads every Bedrock
    // job there once more. Returns true when the set changed.
    bool useNativeSources(const QStringList &providers);
    QStringList nativeProviders() const; // sorted
    // The source a job of `provider` is polled through; null when there is none.
    JobSource *sourceFor(const QString &provider) const;
    // False once the gateway showed it has no native route (see the class comment).
    bool nativeEnrichmentAvailable() const;
    // Lists the batches of each provider (walking at most maxPages of its own pagination), for
    // the Discover dialog: Bedrock through its Bedrock-format list, which names the job and its
    // model (Bifrost's native list of Bedrock jobs carries only id, status and created time),
    // every other provider through its native source. Each summary's job.provider is set.
    // `perProvider` runs once per provider (lower case, repeats dropped); a provider without a
    // source answers a 501.
    void listBatches(
            const QStringList &providers, int maxPages, QObject *context,
            std::function<void(const QString &provider, const Expected<QList<ParsedJob>> &batches)>
                    perProvider);

    // --- results ---
    static constexpr qint64 kDefaultResultsCapBytes = 256LL * 1024 * 1024;
    void setResultsCapBytes(qint64 bytes) { m_resultsCapBytes = bytes; }
    qint64 resultsCapBytes() const { return m_resultsCapBytes; }
    // Reads the job's per-record results now (again). False when the job is not watched,
    // already being read, or its provider has no source that serves results.
    bool fetchResults(const QString &identifier);
    void cancelResults(const QString &identifier);
    bool isFetchingResults(const QString &identifier) const;
    // Where the job's per-record results are read (for an export of its failed records): the
    // provider of the source that serves them and the batch id that source knows the job by
    // (the jobArn the gateway reported, else the identifier). nullopt when the job is not
    // watched or no source of its provider serves results.
    struct ResultsTarget
    {
        QString provider;
        QString batchId;
    };
    std::optional<ResultsTarget> resultsTarget(const QString &identifier) const;
    // Fills the record counts of `job` from its results when the gateway reported none of them
    // (or they were filled before): total = processed = the records read, succeeded, and failed
    // = the rest, marked in fromResults. Only for a job that has ended whose results were read
    // in full after it ended (when its end time is known); otherwise an earlier fill is taken
    // back. Returns true when the job changed.
    static bool fillCountsFromResults(WatchedJob &job);

Q_SIGNALS:
    void loaded(int count);
    void jobsAdded(const QList<bw::WatchedJob> &jobs);
    // The stored rows read so far while loading (slices, setLoadSliceRows), each as jobsAdded
    // will carry it: for making work ahead (JobTableModel::stageJobs). Not an announcement: the
    // jobs are not watched yet, and the whole list's jobsAdded still carries them (or leaves
    // out a row repeating an identifier, or one watched or unwatched meanwhile).
    // `all`: the rows the whole list has at most.
    void loadStaged(const QList<bw::WatchedJob> &jobs, qsizetype all);
    void jobsUpdated(const QList<bw::WatchedJob> &jobs);
    void jobsRemoved(const QStringList &identifiers);
    void transitionObserved(const QString &identifier, const bw::StatusTransition &transition,
                            const bw::WatchedJob &job);
    void sampleRecorded(const QString &identifier, const bw::ProgressSample &sample);
    void historyLoaded(const QString &identifier);
    void connectionStateChanged(const bw::ConnectionState &state);
    void requestsInFlightChanged(int count);
    void resultsProgress(const QString &identifier, qint64 bytesRead);
    void resultsChanged(const QString &identifier, const bw::ResultsSummary &results);
    void resultsFailed(const QString &identifier, const bw::GatewayError &error);

private:
    struct History
    {
        QList<StatusTransition> transitions;
        QList<ProgressSample> samples;
        bool loaded = false;
        bool loading = false;
    };
    struct Tracked
    {
        WatchedJob w;
        QString shortId; // of the identifier, for list matching
        std::optional<ProgressSample> lastSample;
        // The Bedrock route's status at the last native read (set when one was asked for).
        std::optional<Status> enrichedAt;
        bool enriched = false;
        int resultsHandle = -1;    // a results read in flight
        bool resultsStale = false; // the results were read before the job ended
        JobSource *resultsSource = nullptr;
    };
    // The tracked jobs by identifier: a QHash with each Tracked in an allocation of its own.
    // A QHash keeps its values in arrays that grow by copying them (48, then 80 per span of
    // 128 buckets): 100,000 Tracked of 1.4 KB each were moved and their pages touched about
    // twice at start-up (issue 13). Iterators give the Tracked itself.
    class TrackedTable
    {
        using Map = QHash<QString, std::shared_ptr<Tracked>>;
        template<typename It, typename T>
        struct Iter
        {
            It i;
            T &operator*() const { return **i; }
            T *operator->() const { return i->get(); }
            const QString &key() const { return i.key(); }
            Iter &operator++()
            {
                ++i;
                return *this;
            }
            bool operator==(const Iter &other) const { return i == other.i; }
            bool operator!=(const Iter &other) const { return i != other.i; }
        };

    public:
        using iterator = Iter<Map::iterator, Tracked>;
        using const_iterator = Iter<Map::const_iterator, const Tracked>;

        iterator begin() { return {m_map.begin()}; }
        iterator end() { return {m_map.end()}; }
        const_iterator begin() const { return {m_map.cbegin()}; }
        const_iterator end() const { return {m_map.cend()}; }
        const_iterator cbegin() const { return {m_map.cbegin()}; }
        const_iterator cend() const { return {m_map.cend()}; }
        iterator find(const QString &key) { return {m_map.find(key)}; }
        const_iterator constFind(const QString &key) const { return {m_map.constFind(key)}; }
        bool contains(const QString &key) const { return m_map.contains(key); }
        qsizetype size() const { return m_map.size(); }
        void reserve(qsizetype size) { m_map.reserve(size); }
        bool remove(const QString &key) { return m_map.remove(key); }
        // The Tracked of `key`, made (default) when there is none.
        Tracked &operator[](const QString &key)
        {
            std::shared_ptr<Tracked> &t = m_map[key];
            if (!t)
                t = std::make_shared<Tracked>();
            return *t;
        }
        void insert(const QString &key, const Tracked &t)
        {
            m_map.insert(key, std::make_shared<Tracked>(t));
        }
        Tracked value(const QString &key) const
        {
            const auto it = m_map.constFind(key);
            return it != m_map.cend() ? **it : Tracked();
        }

    private:
        Map m_map;
    };
    struct Observed
    {
        QString identifier;
        std::optional<StatusTransition> transition;
        std::optional<ProgressSample> sample;
    };

    void onRetrieveRequested(const QString &identifier);
    void onListRequested(const QStringList &identifiers);
    void onRetrieved(const QString &identifier, const Expected<ParsedJob> &result,
                     BodySource source);
    void maybeEnrich(Tracked &t);
    void onEnriched(const QString &identifier, const Expected<ParsedJob> &result);
    void onResults(const QString &identifier, const Expected<ResultsSummary> &result);
    void pumpAutoResults();
    JobSource *resultsSourceFor(const WatchedJob &w) const;
    void retireSource(std::shared_ptr<JobSource> source);
    void onListed(const QStringList &identifiers, const Expected<QList<ParsedJob>> &result);
    void onStoreLoaded(QList<WatchedJob> stored);
    void stageLoaded(QList<WatchedJob> slice, qsizetype all);

    // Merges one successful body; returns true when the status changed (or was seen first).
    bool applyBody(Tracked &t, const ParsedJob &parsed, BodySource source, const QDateTime &now);
    void applyFailure(Tracked &t, const GatewayError &error);
    void ensureHistory(const QString &identifier);
    void recordHistory(const QString &identifier, const StatusTransition *transition,
                       const ProgressSample *sample);
    void noteOutcome(const GatewayError *error);
    void queue(JobUpdate update);
    void scheduleFlush();
    void persistPending();
    void flush();
    void announceSlice();
    void announceObserved(const QList<Observed> &observed, bool connectionChanged);
    void announceInFlight();
    PollScheduler::Seed seedFor(const WatchedJob &w) const;

    GatewayClient *m_client = nullptr;
    std::unique_ptr<BedrockRouteSource> m_routeSource;
    QHash<QString, std::shared_ptr<JobSource>> m_nativeSources;
    // Sources replaced or dropped while a results read through them was in flight: its answer
    // still runs through the source, so they are kept for the monitor's life.
    QList<std::shared_ptr<JobSource>> m_retiredSources;
    bool m_nativeUnavailable = false;
    qint64 m_resultsCapBytes = kDefaultResultsCapBytes;
    QStringList m_autoResultsQueue; // jobs seen ending whose results are read next, in order
    QString m_autoResultsInFlight;  // the automatic read in flight (one at a time)
    QPointer<StoreWorker> m_store;
    Clock *m_clock = nullptr;
    PollScheduler *m_scheduler = nullptr;

    TrackedTable m_jobs;
    QStringList m_order;
    QHash<QString, History> m_history;

    bool m_loading = false;
    bool m_loadRequested = false;
    int m_loadSliceRows = kDefaultLoadSliceRows;
    // The Tracked of the rows told ahead of the whole list (stageLoaded), in the order read;
    // taken as the job table when the list comes, if nothing was watched or unwatched
    // meanwhile and no row was without an identifier or repeated one (m_stageBroken).
    TrackedTable m_staged;
    qsizetype m_stagedRows = 0;
    bool m_stageBroken = false;
    QList<PollScheduler::Seed> m_deferredSeeds; // watched while loading
    QSet<QString> m_unwatchedWhileLoading;
    // Jobs unwatched here, by job key, with the clock's time of the removal: a store read asked
    // for before then still holds them and must not bring them back (applyStoredJobs). Dropped
    // once a read asked for after the removal has been applied, or when watched again here.
    QHash<QString, QDateTime> m_removedAt;

    QList<JobUpdate> m_pendingUpdates;
    QStringList m_dirty;
    QSet<QString> m_dirtySet;
    QList<Observed> m_observed;
    QTimer m_flushTimer;
    // Sliced announcement (setAnnounceSliceSize): jobs still to announce, in order, and what
    // follows the last slice.
    int m_sliceSize = 0;
    QStringList m_announcing;
    QSet<QString> m_announcingSet;
    QList<Observed> m_announcingObserved;
    bool m_announcingConnection = false;
    QTimer m_sliceTimer;

    ConnectionState m_connection;
    ConnectionState m_announcedConnection;
    bool m_storeUnreachable = false;
    int m_stopsInFlight = 0;
    int m_announcedInFlight = 0;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::ConnectionState)
