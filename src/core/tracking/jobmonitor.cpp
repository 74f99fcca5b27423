#include "tracking/jobmonitor.h"

#include "common/logging.h"
#include "domain/jobkey.h"
#include "store/jobstore.h"
#include "store/storeworker.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace bw {

namespace {

// A new progress sample with unchanged counts is still worth one every five minutes, so that
// a stall shows as a flat line rather than as a gap.
constexpr qint64 kSameCountsSampleGapMs = 5LL * 60 * 1000;

bool sameStatus(const Status &a, const Status &b)
{
    if (a.code() != b.code())
        return false;
    if (a.code() != JobStatus::Unknown)
        return true;
    return a.raw().compare(b.raw(), Qt::CaseInsensitive) == 0;
}

// JobIdentifier::shortId() without classifying the text: the tail of an ARN's resource
// ("model-invocation-job/k3x9p2m7q1ab" or "batch:batch_67d3"), else the text itself.
QString shortIdOf(const QString &text)
{
    if (!text.startsWith(u"arn:"))
        return text;
    const qsizetype cut = std::max(text.lastIndexOf(u'/'), text.lastIndexOf(u':'));
    const QString tail = cut >= 0 ? text.mid(cut + 1) : QString();
    return tail.isEmpty() ? text : tail;
}

bool carriesCounts(const Job &job)
{
    return job.totalRecordCount || job.processedRecordCount || job.successRecordCount
           || job.errorRecordCount;
}

constexpr JobField kCountFields[] = {JobField::TotalRecordCount, JobField::ProcessedRecordCount,
                                     JobField::SuccessRecordCount, JobField::ErrorRecordCount};

void resetField(Job &job, JobField field)
{
    switch (field) {
    case JobField::TotalRecordCount:
        job.totalRecordCount.reset();
        break;
    case JobField::ProcessedRecordCount:
        job.processedRecordCount.reset();
        break;
    case JobField::SuccessRecordCount:
        job.successRecordCount.reset();
        break;
    case JobField::ErrorRecordCount:
        job.errorRecordCount.reset();
        break;
    default:
        break;
    }
}

// Takes back counts filled from results (see JobMonitor::fillCountsFromResults).
bool dropCountsFromResults(WatchedJob &w)
{
    if (w.fromResults.isEmpty())
        return false;
    for (JobField f : kCountFields) {
        if (w.fromResults.has(f))
            resetField(w.job, f);
    }
    w.fromResults = {};
    return true;
}

bool sameCounts(const ProgressSample &a, const ProgressSample &b)
{
    return a.total == b.total && a.processed == b.processed && a.succeeded == b.succeeded
           && a.failed == b.failed;
}

bool sameError(const std::optional<GatewayError> &a, const std::optional<GatewayError> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return a->kind == b->kind && a->httpStatus == b->httpStatus && a->gatewayType == b->gatewayType
           && a->message == b->message && a->retryAfterSeconds == b->retryAfterSeconds;
}

// Worth telling the views: anything but the countdown target moving by less than a second
// (which it does by a millisecond whenever the next due time is recomputed).
bool significantlyDifferent(const ConnectionState &a, const ConnectionState &b)
{
    if (a.kind != b.kind || a.lastSuccessAt != b.lastSuccessAt
        || a.storeUnreachable != b.storeUnreachable || !sameError(a.lastError, b.lastError))
        return true;
    if (a.nextRetryAt.isValid() != b.nextRetryAt.isValid())
        return true;
    return a.nextRetryAt.isValid() && std::abs(a.nextRetryAt.msecsTo(b.nextRetryAt)) >= 1000;
}

QString normalisedProvider(const QString &provider)
{
    const QString p = provider.trimmed().toLower();
    return p.isEmpty() ? QStringLiteral("bedrock") : p;
}

bool isBedrock(const WatchedJob &w)
{
    return normalisedProvider(w.job.providerOrBedrock()) == u"bedrock";
}

// All-zero counts from the native API mean "not reported" (WIRE.md): Bedrock's request_counts
// are always zeros. Only a job that is still validating may truly have none yet.
bool allZeroCounts(const Job &job)
{
    return carriesCounts(job) && job.totalRecordCount.value_or(0) == 0
           && job.processedRecordCount.value_or(0) == 0 && job.successRecordCount.value_or(0) == 0
           && job.errorRecordCount.value_or(0) == 0;
}

Job withoutCounts(Job job)
{
    job.totalRecordCount.reset();
    job.processedRecordCount.reset();
    job.successRecordCount.reset();
    job.errorRecordCount.reset();
    return job;
}

// The part of a native body a Bedrock job may take: fields the Bedrock route left unreported
// (or that came from the native route before), never its status or its identifier.
Job nativeFill(const Job &native, const WatchedJob &w, JobFields *taken)
{
    const Job source = allZeroCounts(native) ? withoutCounts(native) : native;
    QJsonObject fill = JobCodec::toJson(source);
    const QJsonObject all = fill;
    for (auto it = all.begin(); it != all.end(); ++it) {
        const std::optional<JobField> f = jobFieldFromName(it.key());
        const bool eligible = f && *f != JobField::Status && *f != JobField::JobArn
                              && (!w.job.has(*f) || w.fromNative.has(*f));
        if (eligible)
            taken->set(*f);
        else
            fill.remove(it.key());
    }
    return JobCodec::fromJson(fill);
}

JobFields without(const JobFields &fields, const JobFields &remove)
{
    JobFields out;
    for (JobField f : fields.toList()) {
        if (!remove.has(f))
            out.set(f);
    }
    return out;
}

// The gateway has no native batch route at all (rather than no such batch).
bool saysNoNativeRoute(const GatewayError &error)
{
    if (error.kind == GatewayError::Kind::BadBody)
        return true;
    if (error.kind != GatewayError::Kind::Http)
        return false;
    return error.httpStatus == 405 || error.httpStatus == 501
           || (error.httpStatus == 404 && error.gatewayType.isEmpty() && error.message.isEmpty());
}

template<typename T, typename Key>
QList<T> mergeByKey(QList<T> stored, const QList<T> &session, Key key)
{
    QSet<QString> seen;
    for (const T &item : std::as_const(stored))
        seen.insert(key(item));
    for (const T &item : session) {
        if (!seen.contains(key(item)))
            stored.append(item);
    }
    return stored;
}

} // namespace

QString ConnectionState::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        break;
    case Kind::Online:
        return QStringLiteral("online");
    case Kind::Degraded:
        return QStringLiteral("degraded");
    case Kind::Offline:
        return QStringLiteral("offline");
    case Kind::AuthFailed:
        return QStringLiteral("auth-failed");
    }
    return QStringLiteral("unknown");
}

bool operator==(const ConnectionState &a, const ConnectionState &b)
{
    return a.kind == b.kind && a.storeUnreachable == b.storeUnreachable
           && a.lastSuccessAt == b.lastSuccessAt && a.nextRetryAt == b.nextRetryAt
           && sameError(a.lastError, b.lastError);
}

JobMonitor::JobMonitor(GatewayClient *client, StoreWorker *store, const PollSettings &settings,
                       Clock *clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_clock(clock ? clock : Clock::systemClock())
    , m_scheduler(new PollScheduler(settings, m_clock, this))
{
    Q_ASSERT(m_client);
    m_routeSource = std::make_unique<BedrockRouteSource>(m_client, settings.listMaxResults);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &JobMonitor::flush);
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &JobMonitor::announceSlice);

    connect(m_scheduler, &PollScheduler::retrieveRequested, this, &JobMonitor::onRetrieveRequested);
    connect(m_scheduler, &PollScheduler::listRefreshRequested, this, &JobMonitor::onListRequested);
    connect(m_scheduler, &PollScheduler::inFlightChanged, this, &JobMonitor::announceInFlight);
    connect(m_scheduler, &PollScheduler::nextPollAtChanged, this, [this] {
        if (m_connection.kind != ConnectionState::Kind::Online
            && m_connection.kind != ConnectionState::Kind::Unknown)
            scheduleFlush();
    });
    connect(m_client, &GatewayClient::routeDetected, this, [this](RouteStyle style) {
        if (m_store)
            m_store->setProfileDetectedRoute(profileId(), style);
    });
}

JobMonitor::~JobMonitor()
{
    // What was applied is written even if nobody got to hear about it.
    persistPending();
}

QString JobMonitor::profileId() const
{
    return m_client->profile().id;
}

void JobMonitor::setPollSettings(const PollSettings &settings)
{
    m_scheduler->setSettings(settings);
    m_routeSource->setListMaxResults(settings.listMaxResults);
}

// --- the watch list ----------------------------------------------------------------------

void JobMonitor::loadFromStore()
{
    if (m_loading || m_loadRequested)
        return;
    m_loading = true;
    m_loadRequested = true;
    if (!m_store) {
        QTimer::singleShot(0, this, [this] { onStoreLoaded({}); });
        return;
    }
    if (m_loadSliceRows <= 0) {
        m_store->loadWatched(profileId(), this, [this](QList<WatchedJob> stored) {
            onStoreLoaded(std::move(stored));
        });
        return;
    }
    m_store->loadWatched(
            profileId(), m_loadSliceRows, this,
            [this](QList<WatchedJob> slice, qsizetype all) { stageLoaded(std::move(slice), all); },
            [this](QList<WatchedJob> stored) { onStoreLoaded(std::move(stored)); });
}

void JobMonitor::stageLoaded(QList<WatchedJob> slice, qsizetype all)
{
    if (m_stageBroken || !m_loading)
        return;
    const QString pid = profileId();
    // As onStoreLoaded does to the rows it keeps; told as they are to those making work ahead.
    for (WatchedJob &w : slice) {
        if (w.profileId.isEmpty())
            w.profileId = pid;
        fillCountsFromResults(w);
    }
    Q_EMIT loadStaged(slice, all);
    m_staged.reserve(std::max(all, m_staged.size() + slice.size())); // sized once
    for (WatchedJob &w : slice) {
        ++m_stagedRows;
        const qsizetype known = m_staged.size();
        Tracked *t = w.identifier.isEmpty() ? nullptr : &m_staged[w.identifier];
        if (!t || m_staged.size() == known) {
            // No identifier, or a second row of one: onStoreLoaded goes row by row.
            m_stageBroken = true;
            m_staged = {};
            return;
        }
        t->shortId = shortIdOf(w.identifier);
        t->w = std::move(w);
    }
}

void JobMonitor::onStoreLoaded(QList<WatchedJob> stored)
{
    m_loading = false;
    const QString pid = profileId();
    // The rows told ahead have their Tracked made (stageLoaded): taken as the job table when
    // they are all the table will hold of them (the first rows of `stored`).
    TrackedTable staged = std::exchange(m_staged, {});
    qsizetype stagedRows = std::exchange(m_stagedRows, 0);
    const bool useStaged = !std::exchange(m_stageBroken, false) && m_jobs.size() == 0
                           && m_unwatchedWhileLoading.isEmpty() && stagedRows <= stored.size()
                           && staged.size() == stagedRows;
    if (!useStaged)
        stagedRows = 0;
    QList<WatchedJob> replaced;
    QStringList order;
    QList<PollScheduler::Seed> seeds;
    // Sized once (100,000 stored jobs would grow every table by doubling; issue 13).
    order.reserve(stored.size() + m_order.size());
    seeds.reserve(stored.size() + m_deferredSeeds.size());
    if (!useStaged)
        m_jobs.reserve(m_jobs.size() + stored.size());
    // The jobs watched while loading (usually none): a stored row of one replaces it once.
    // Any other identifier already in m_jobs was loaded by an earlier row: a second row of the
    // same identifier, skipped. m_jobs itself tells a new identifier (one lookup per row, no
    // set of every identifier loaded: issue 13).
    QSet<QString> watchedWhileLoading;
    watchedWhileLoading.reserve(m_jobs.size());
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it)
        watchedWhileLoading.insert(it.key());
    // What jobsAdded carries is `stored` itself, the jobs added kept at its front in their
    // order: each Tracked gets a copy, and no third array of 100,000 jobs is made and freed on
    // this thread (the store thread made this one; issue 13).
    WatchedJob *const rows = stored.data();
    qsizetype kept = 0;
    if (useStaged)
        m_jobs = std::move(staged);
    for (qsizetype i = 0; i < stored.size(); ++i) {
        WatchedJob &w = rows[i];
        if (i < stagedRows) {
            // Its Tracked is made: kept as the loop below keeps a new identifier.
            if (w.profileId.isEmpty())
                w.profileId = pid;
            fillCountsFromResults(w);
            order.append(w.identifier);
            seeds.append(seedFor(w));
            if (kept != i)
                rows[kept] = std::move(w);
            ++kept;
            continue;
        }
        if (w.identifier.isEmpty() || m_unwatchedWhileLoading.contains(w.identifier))
            continue;
        const qsizetype known = m_jobs.size();
        Tracked &t = m_jobs[w.identifier];
        const bool isNew = m_jobs.size() != known;
        if (!isNew && !watchedWhileLoading.remove(w.identifier))
            continue; // a second row of the same identifier
        if (w.profileId.isEmpty())
            w.profileId = pid;
        fillCountsFromResults(w);
        order.append(w.identifier);
        seeds.append(seedFor(w));
        if (!isNew) {
            // Watched again while loading: nothing was fetched yet, the stored state is richer.
            t.w = w;
            replaced.append(std::move(w));
            continue;
        }
        t.shortId = shortIdOf(w.identifier);
        t.w = w;
        if (kept != i)
            rows[kept] = std::move(w);
        ++kept;
    }
    stored.resize(kept);
    const QList<WatchedJob> &added = stored;
    for (const QString &id : std::as_const(m_order)) {
        if (watchedWhileLoading.contains(id))
            order.append(id); // watched while loading, not stored
    }
    m_order = std::move(order);
    for (const PollScheduler::Seed &seed : std::as_const(m_deferredSeeds)) {
        if (m_jobs.contains(seed.id))
            seeds.append(seed); // already-stored ones are skipped by the scheduler
    }
    m_deferredSeeds.clear();
    m_unwatchedWhileLoading.clear();

    if (!added.isEmpty())
        Q_EMIT jobsAdded(added);
    if (!replaced.isEmpty())
        Q_EMIT jobsUpdated(replaced);
    m_scheduler->addJobs(seeds);
    Q_EMIT loaded(int(added.size() + replaced.size()));
}

QStringList JobMonitor::watch(const QList<JobIdentifier> &identifiers, const QString &provider)
{
    const QString jobProvider = normalisedProvider(provider);
    const QDateTime now = m_clock->now();
    const QString pid = profileId();
    QStringList added;
    QList<WatchedJob> addedJobs;
    QList<PollScheduler::Seed> seeds;
    m_jobs.reserve(m_jobs.size() + identifiers.size());
    added.reserve(identifiers.size());
    addedJobs.reserve(identifiers.size());
    seeds.reserve(identifiers.size());
    // One job is one row: a job already watched in another form (its id, its ARN, the jobArn
    // the gateway answered with) is not added again.
    JobKeySet known;
    for (const Tracked &t : std::as_const(m_jobs)) {
        known.insert(t.w.identifier);
        if (t.w.job.jobArn)
            known.insert(*t.w.job.jobArn);
    }
    for (const JobIdentifier &id : identifiers) {
        if (!id.isValid() || !known.insert(id.text()))
            continue;
        Tracked t;
        t.w.identifier = id.text();
        t.w.profileId = pid;
        t.w.addedAt = now;
        t.w.job.provider = jobProvider;
        t.shortId = id.shortId();
        m_jobs.insert(id.text(), t);
        m_order.append(id.text());
        m_unwatchedWhileLoading.remove(id.text());
        m_removedAt.remove(jobKeyOf(id.text()));
        added.append(id.text());
        addedJobs.append(t.w);
        seeds.append(PollScheduler::Seed{id.text(), {}, false, false});
    }
    if (added.isEmpty())
        return added;
    if (m_store)
        m_store->addWatched(pid, added, now);
    Q_EMIT jobsAdded(addedJobs);
    if (m_loading)
        m_deferredSeeds += seeds;
    else
        m_scheduler->addJobs(seeds);
    return added;
}

QStringList JobMonitor::watchListed(const QList<ParsedJob> &listed)
{
    QStringList added;
    for (const ParsedJob &parsed : listed) {
        const QString id = parsed.job.jobArn.value_or(QString()).trimmed();
        if (id.isEmpty())
            continue;
        const QString provider = normalisedProvider(parsed.job.providerOrBedrock());
        const QStringList one = watch({JobIdentifier::parse(id).addAnyway()}, provider);
        if (one.isEmpty())
            continue;
        added += one;
        auto it = m_jobs.find(one.constFirst());
        // While the store loads, its rows would be announced over the summary: the first
        // poll fills the row then.
        if (it == m_jobs.end() || m_loading)
            continue;
        ParsedJob summary = parsed;
        summary.job.provider = provider;
        applyBody(*it, summary, provider == u"bedrock" ? BodySource::List : BodySource::Native,
                  m_clock->now());
    }
    return added;
}

void JobMonitor::unwatch(const QStringList &identifiers)
{
    QStringList removed;
    QSet<QString> gone;
    const QDateTime now = m_clock->now();
    for (const QString &id : identifiers) {
        if (gone.contains(id))
            continue;
        gone.insert(id);
        m_removedAt.insert(jobKeyOf(id), now);
        if (m_jobs.remove(id) > 0)
            removed.append(id);
        m_history.remove(id);
        if (m_loading)
            m_unwatchedWhileLoading.insert(id);
    }
    if (gone.isEmpty())
        return;
    // Updates not yet written would watch the jobs again in the store.
    m_pendingUpdates.removeIf(
            [&gone](const JobUpdate &u) { return gone.contains(u.job.identifier); });
    m_order.removeIf([&gone](const QString &id) { return gone.contains(id); });
    m_deferredSeeds.removeIf([&gone](const PollScheduler::Seed &s) { return gone.contains(s.id); });
    m_scheduler->removeJobs(QStringList(gone.cbegin(), gone.cend()));
    if (m_store)
        m_store->removeWatched(profileId(), QStringList(gone.cbegin(), gone.cend()));
    if (!removed.isEmpty())
        Q_EMIT jobsRemoved(removed);
}

void JobMonitor::applyStoredJobs(const QList<WatchedJob> &stored, bool wholeList,
                                 const QDateTime &readAt)
{
    const QString pid = profileId();
    // One job is one row whatever form it is named in: match by job key.
    QHash<QString, QString> localByKey;
    localByKey.reserve(m_jobs.size());
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it)
        localByKey.insert(jobKeyOf(it.key()), it.key());
    QList<WatchedJob> added;
    QList<WatchedJob> updated;
    QList<PollScheduler::Seed> seeds;
    QStringList reseeded;
    QStringList historyStale;
    QList<std::pair<QString, StatusTransition>> transitions;
    QList<std::pair<QString, ProgressSample>> samples;
    QSet<QString> seen;
    for (WatchedJob w : stored) {
        if (w.identifier.isEmpty() || (!w.profileId.isEmpty() && w.profileId != pid))
            continue;
        w.profileId = pid;
        const QString key = jobKeyOf(w.identifier);
        if (const auto removedAt = m_removedAt.constFind(key); removedAt != m_removedAt.cend()) {
            // Unwatched here after this read was asked for: the row is from before the removal.
            if (!readAt.isValid() || readAt <= *removedAt)
                continue;
            m_removedAt.erase(removedAt); // read after it: watched again (addWatched)
        }
        fillCountsFromResults(w);
        const QString local = localByKey.value(key);
        if (local.isEmpty()) {
            Tracked t;
            t.w = w;
            t.shortId = shortIdOf(w.identifier);
            m_jobs.insert(w.identifier, t);
            m_order.append(w.identifier);
            localByKey.insert(key, w.identifier);
            seen.insert(w.identifier);
            seeds.append(seedFor(w));
            added.append(w);
            continue;
        }
        seen.insert(local);
        Tracked &t = m_jobs[local];
        w.identifier = local; // the form this client knows it by
        if (!w.addedAt.isValid())
            w.addedAt = t.w.addedAt;
        if (w.job == t.w.job && w.fetchedAt == t.w.fetchedAt && w.lastErrorAt == t.w.lastErrorAt)
            continue;
        // A read asked for before this client's own newer answer was applied brings an older
        // row: keep what is newer, or the job would step back (Completed → InProgress), be
        // polled again and record its end twice.
        if (w.fetchedAt.isValid() && t.w.fetchedAt.isValid() && w.fetchedAt < t.w.fetchedAt)
            continue;
        if (w.job.status && t.w.job.status != w.job.status) {
            // The poller recorded this change with its fetch's time (applyBody stamps both
            // with one `now`): announce it as observed then, as the poller did.
            StatusTransition st;
            st.from = t.w.job.status;
            st.to = *w.job.status;
            st.observedAt = w.fetchedAt;
            st.lastModifiedTime = w.job.lastModifiedTime;
            transitions.append({local, st});
        }
        if (w.job.totalRecordCount && w.fetchedAt.isValid()
            && (w.job.processedRecordCount != t.w.job.processedRecordCount
                || w.job.successRecordCount != t.w.job.successRecordCount
                || w.job.errorRecordCount != t.w.job.errorRecordCount
                || w.job.totalRecordCount != t.w.job.totalRecordCount)) {
            // The poller recorded a progress sample of these counts at its fetch: the same one
            // here, so that rate and ETA follow too.
            ProgressSample sample;
            sample.at = w.fetchedAt;
            sample.total = w.job.totalRecordCount.value_or(0);
            sample.processed = w.job.processedRecordCount.value_or(0);
            sample.succeeded = w.job.successRecordCount.value_or(0);
            sample.failed = w.job.errorRecordCount.value_or(0);
            t.lastSample = sample;
            samples.append({local, sample});
        }
        t.w = w;
        updated.append(w);
        if (!m_scheduler->isInFlight(local)) {
            reseeded.append(local);
            seeds.append(seedFor(w));
        }
        if (auto h = m_history.find(local); h != m_history.end() && h->loaded)
            historyStale.append(local);
    }
    // A read asked for after a removal sees the store without the job: that tombstone has done
    // its work.
    if (readAt.isValid())
        m_removedAt.removeIf(
                [&readAt](QHash<QString, QDateTime>::iterator it) { return it.value() < readAt; });
    QStringList removed;
    if (wholeList) {
        for (const QString &id : std::as_const(m_order)) {
            if (seen.contains(id))
                continue;
            const QDateTime addedAt = m_jobs.value(id).w.addedAt;
            if (readAt.isValid() && addedAt.isValid() && addedAt >= readAt)
                continue; // watched here after the read was asked for
            removed.append(id);
        }
        const QSet<QString> gone(removed.cbegin(), removed.cend());
        for (const QString &id : std::as_const(removed)) {
            m_jobs.remove(id);
            m_history.remove(id);
        }
        m_order.removeIf([&gone](const QString &id) { return gone.contains(id); });
        m_pendingUpdates.removeIf(
                [&gone](const JobUpdate &u) { return gone.contains(u.job.identifier); });
        m_scheduler->removeJobs(removed);
    }
    m_scheduler->removeJobs(reseeded);
    m_scheduler->addJobs(seeds);
    if (!added.isEmpty())
        Q_EMIT jobsAdded(added);
    if (!updated.isEmpty())
        Q_EMIT jobsUpdated(updated);
    if (!removed.isEmpty())
        Q_EMIT jobsRemoved(removed);
    QPointer<JobMonitor> self(this);
    for (const auto &[id, st] : std::as_const(transitions)) {
        if (!self)
            return;
        auto it = m_jobs.constFind(id);
        if (it != m_jobs.cend())
            Q_EMIT transitionObserved(id, st, it->w);
    }
    for (const auto &[id, sample] : std::as_const(samples)) {
        if (!self)
            return;
        if (m_jobs.contains(id))
            Q_EMIT sampleRecorded(id, sample);
    }
    // The other client appended transitions and samples: read them (merged with what is here).
    for (const QString &id : std::as_const(historyStale)) {
        m_history[id].loaded = false;
        ensureHistory(id);
    }
}

ConnectionState JobMonitor::connectionState() const
{
    if (!m_storeUnreachable)
        return m_connection;
    ConnectionState offline;
    offline.kind = ConnectionState::Kind::Offline;
    offline.lastSuccessAt = m_connection.lastSuccessAt;
    offline.storeUnreachable = true;
    return offline;
}

void JobMonitor::setStoreReachable(bool reachable)
{
    if (m_storeUnreachable == !reachable)
        return;
    m_storeUnreachable = !reachable;
    Q_EMIT connectionStateChanged(connectionState());
}

QList<WatchedJob> JobMonitor::jobs() const
{
    QList<WatchedJob> out;
    out.reserve(m_order.size());
    for (const QString &id : m_order) {
        auto it = m_jobs.constFind(id);
        if (it != m_jobs.cend())
            out.append(it->w);
    }
    return out;
}

std::optional<WatchedJob> JobMonitor::job(const QString &identifier) const
{
    auto it = m_jobs.constFind(identifier);
    if (it == m_jobs.cend())
        return std::nullopt;
    return it->w;
}

PollScheduler::Seed JobMonitor::seedFor(const WatchedJob &w) const
{
    return PollScheduler::Seed{w.identifier, w.job.status, w.fetchedAt.isValid(),
                               w.lastError.has_value()};
}

// --- history -----------------------------------------------------------------------------

QList<StatusTransition> JobMonitor::history(const QString &identifier)
{
    ensureHistory(identifier);
    auto it = m_history.constFind(identifier);
    return it != m_history.cend() ? it->transitions : QList<StatusTransition>();
}

QList<ProgressSample> JobMonitor::samples(const QString &identifier)
{
    ensureHistory(identifier);
    auto it = m_history.constFind(identifier);
    return it != m_history.cend() ? it->samples : QList<ProgressSample>();
}

bool JobMonitor::isHistoryLoaded(const QString &identifier) const
{
    if (!m_store)
        return m_jobs.contains(identifier);
    auto it = m_history.constFind(identifier);
    return it != m_history.cend() && it->loaded;
}

void JobMonitor::ensureHistory(const QString &identifier)
{
    if (!m_jobs.contains(identifier))
        return;
    History &h = m_history[identifier];
    if (!m_store) {
        h.loaded = true;
        return;
    }
    if (h.loaded || h.loading)
        return;
    h.loading = true;
    // Whatever was applied so far must be in the store before the store is read.
    persistPending();
    m_store->loadHistory(
            profileId(), identifier, this,
            [this, identifier](QList<StatusTransition> transitions, QList<ProgressSample> samples) {
                auto it = m_history.find(identifier);
                if (it == m_history.end() || !m_jobs.contains(identifier))
                    return;
                it->transitions = mergeByKey(
                        transitions, it->transitions, [](const StatusTransition &t) -> QString {
                            return QString::number(t.observedAt.toMSecsSinceEpoch()) + u'|'
                                   + t.to.raw();
                        });
                it->samples
                        = mergeByKey(samples, it->samples, [](const ProgressSample &s) -> QString {
                              return QString::number(s.at.toMSecsSinceEpoch());
                          });
                std::stable_sort(it->transitions.begin(), it->transitions.end(),
                                 [](const StatusTransition &a, const StatusTransition &b) {
                                     return a.observedAt < b.observedAt;
                                 });
                std::stable_sort(it->samples.begin(), it->samples.end(),
                                 [](const ProgressSample &a, const ProgressSample &b) {
                                     return a.at < b.at;
                                 });
                it->loaded = true;
                it->loading = false;
                Q_EMIT historyLoaded(identifier);
            });
}

void JobMonitor::recordHistory(const QString &identifier, const StatusTransition *transition,
                               const ProgressSample *sample)
{
    // Transitions are few: kept for every job. Samples are many: kept in memory only for jobs
    // whose history was asked for (or when there is no store to ask later).
    if (!transition && !sample)
        return;
    History &h = m_history[identifier];
    if (transition)
        h.transitions.append(*transition);
    if (sample && (!m_store || h.loaded || h.loading)) {
        h.samples.append(*sample);
        if (h.samples.size() > JobStore::MaxSamplesPerJob)
            h.samples.removeAt(1); // keep the first: it anchors rate and charts
    }
}

// --- polling -----------------------------------------------------------------------------

void JobMonitor::refreshNow(const QStringList &identifiers)
{
    m_scheduler->refreshNow(identifiers);
}

void JobMonitor::pause()
{
    m_scheduler->pause();
}

void JobMonitor::resume()
{
    m_scheduler->resume();
}

bool JobMonitor::isPaused() const
{
    return m_scheduler->isPaused();
}

QDateTime JobMonitor::nextPollAt() const
{
    return m_scheduler->nextPollAt();
}

int JobMonitor::requestsInFlight() const
{
    return m_scheduler->inFlight() + m_stopsInFlight;
}

void JobMonitor::announceInFlight()
{
    const int n = requestsInFlight();
    if (n == m_announcedInFlight)
        return;
    m_announcedInFlight = n;
    Q_EMIT requestsInFlightChanged(n);
}

void JobMonitor::onRetrieveRequested(const QString &identifier)
{
    auto it = m_jobs.constFind(identifier);
    const QString provider = it != m_jobs.cend() ? normalisedProvider(it->w.job.providerOrBedrock())
                                                 : QStringLiteral("bedrock");
    JobSource *source = sourceFor(provider);
    if (!source) {
        const GatewayError error = unsupportedBySource(
                QStringLiteral("no source reads %1 batches on this profile").arg(provider));
        QTimer::singleShot(0, this, [this, identifier, error] {
            onRetrieved(identifier, error, BodySource::Native);
        });
        return;
    }
    const BodySource bodySource = source->retrieveBodySource();
    source->retrieve(identifier, this, [this, identifier, bodySource](Expected<ParsedJob> result) {
        onRetrieved(identifier, result, bodySource);
    });
}

void JobMonitor::onRetrieved(const QString &identifier, const Expected<ParsedJob> &result,
                             BodySource source)
{
    auto it = m_jobs.find(identifier);
    if (result) {
        std::optional<Status> status = result->job.status;
        if (it != m_jobs.end()) {
            applyBody(*it, *result, source, m_clock->now());
            status = it->w.job.status;
            if (source == BodySource::Retrieve)
                maybeEnrich(*it);
        }
        noteOutcome(nullptr);
        m_scheduler->reportSuccess(identifier, status);
        return;
    }
    const GatewayError &error = result.error();
    if (it != m_jobs.end())
        applyFailure(*it, error);
    noteOutcome(&error);
    m_scheduler->reportFailure(identifier, error);
}

void JobMonitor::onListRequested(const QStringList &identifiers)
{
    const PollSettings &s = m_scheduler->settings();
    m_routeSource->list(std::max(1, s.listMaxPages), this,
                        [this, identifiers](Expected<QList<ParsedJob>> result) {
                            onListed(identifiers, result);
                        });
}

void JobMonitor::onListed(const QStringList &allIdentifiers,
                          const Expected<QList<ParsedJob>> &result)
{
    // The Bedrock-format list knows Bedrock jobs only: the others count as not returned by the
    // walk, so the scheduler retrieves them through their own source.
    QStringList identifiers;
    identifiers.reserve(allIdentifiers.size());
    for (const QString &id : allIdentifiers) {
        auto it = m_jobs.constFind(id);
        if (it != m_jobs.cend() && isBedrock(it->w))
            identifiers.append(id);
    }
    QElapsedTimer timer;
    timer.start();
    if (!result) {
        const GatewayError &error = result.error();
        if (error.kind != GatewayError::Kind::Cancelled
            && !PollPolicy::listErrorDisablesRoute(error)) {
            // A transient failure that a retrieve would have met too: the rows go stale.
            for (const QString &id : identifiers) {
                auto it = m_jobs.find(id);
                if (it != m_jobs.end())
                    applyFailure(*it, error);
            }
            noteOutcome(&error);
        }
        // Otherwise the list route itself is of no use here; that says nothing about the
        // gateway's health, and the jobs are retrieved one by one instead.
        m_scheduler->reportListFailure(error);
        return;
    }

    // Index the jobs of this walk by every key a summary may match. Almost every key names one
    // job; the rare second job under a key (the same job watched by id and by ARN) goes to
    // `more`, so the common case costs no list per key.
    QHash<QString, QString> byExact;
    QHash<QString, QString> byShort;
    QHash<QString, QStringList> more;
    QSet<QString> ambiguousShort;
    byExact.reserve(identifiers.size() * 2);
    byShort.reserve(identifiers.size());
    auto addExact = [&](const QString &key, const QString &id) {
        auto it = byExact.constFind(key);
        if (it == byExact.cend())
            byExact.insert(key, id);
        else if (it.value() != id && !more[key].contains(id))
            more[key].append(id);
    };
    auto addShort = [&](const QString &key, const QString &id) {
        if (key.isEmpty())
            return;
        auto it = byShort.find(key);
        if (it == byShort.end())
            byShort.insert(key, id);
        else if (it.value() != id)
            ambiguousShort.insert(key);
    };
    for (const QString &id : identifiers) {
        auto it = m_jobs.constFind(id);
        if (it == m_jobs.cend())
            continue;
        addExact(id, id);
        addShort(it->shortId, id);
        if (it->w.job.jobArn && !it->w.job.jobArn->isEmpty() && *it->w.job.jobArn != id) {
            addExact(*it->w.job.jobArn, id);
            addShort(shortIdOf(*it->w.job.jobArn), id);
        }
    }

    const QDateTime now = m_clock->now();
    QSet<QString> matched;
    matched.reserve(identifiers.size());
    QHash<QString, std::optional<Status>> refreshed;
    refreshed.reserve(identifiers.size());
    m_pendingUpdates.reserve(m_pendingUpdates.size() + result->size());
    QStringList ids;
    for (const ParsedJob &summary : *result) {
        if (!summary.job.jobArn || summary.job.jobArn->isEmpty())
            continue;
        const QString &arn = *summary.job.jobArn;
        ids.clear();
        if (auto e = byExact.constFind(arn); e != byExact.cend()) {
            ids.append(e.value());
            ids += more.value(arn);
        } else {
            // By short id only when it names one job: two regions may share a 12-char id.
            const QString shortId = shortIdOf(arn);
            auto sh = byShort.constFind(shortId);
            if (sh != byShort.cend() && !ambiguousShort.contains(shortId))
                ids.append(sh.value());
        }
        for (const QString &id : std::as_const(ids)) {
            if (matched.contains(id))
                continue;
            auto it = m_jobs.find(id);
            if (it == m_jobs.end())
                continue;
            matched.insert(id);
            const bool statusChanged = applyBody(*it, summary, BodySource::List, now);
            // A summary lacks what a retrieve carries: fetch those that never had one, and
            // those whose status moved (its message, end time and counts move with it).
            if (!statusChanged && !it->w.rawRetrieve.isEmpty())
                refreshed.insert(id, it->w.job.status);
        }
    }
    qCDebug(lcPoller) << "list walk:" << result->size() << "summaries," << matched.size() << "of"
                      << identifiers.size() << "jobs matched," << refreshed.size()
                      << "refreshed, applied in" << timer.elapsed() << "ms";
    noteOutcome(nullptr);
    m_scheduler->reportListResult(
            refreshed,
            m_scheduler->policy().listWasUseful(int(matched.size()), int(allIdentifiers.size())));
}

bool JobMonitor::applyBody(Tracked &t, const ParsedJob &parsed, BodySource source,
                           const QDateTime &now)
{
    WatchedJob &w = t.w;
    const std::optional<Status> before = w.job.status;
    Job incoming = parsed.job;
    if (source == BodySource::Native) {
        // A batch polled through the native API: all-zero counts on a job that is past
        // validating are not reported, never "0 of 0".
        const bool isNew
                = incoming.status
                  && incoming.status->raw().compare(u"validating", Qt::CaseInsensitive) == 0;
        if (allZeroCounts(incoming) && !isNew)
            incoming = withoutCounts(incoming);
        if (!incoming.provider && w.job.provider)
            incoming.provider = w.job.provider;
    }
    const bool wasEnded = before && before->isTerminal();
    if (carriesCounts(incoming))
        dropCountsFromResults(w); // the gateway's own counts win
    w.job.mergeFrom(incoming);
    w.everReported |= incoming.presentFields();
    if (source == BodySource::Native) {
        w.fromNative |= incoming.presentFields();
        w.rawNative = parsed.raw;
    } else {
        // What the Bedrock route says now is its own, not the native route's.
        w.fromNative = without(w.fromNative, incoming.presentFields());
        if (source == BodySource::Retrieve)
            w.rawRetrieve = parsed.raw;
        else
            w.rawList = parsed.raw;
    }
    w.fetchedAt = now;
    w.lastError.reset();
    w.lastErrorAt = QDateTime();
    w.notFound = false;

    JobUpdate update;
    bool statusChanged = false;
    if (incoming.status && (!before || !sameStatus(*before, *incoming.status))) {
        StatusTransition transition;
        transition.from = before;
        transition.to = *incoming.status;
        transition.observedAt = now;
        transition.lastModifiedTime = incoming.lastModifiedTime;
        update.newTransitions.append(transition);
        statusChanged = true;
    }
    if (carriesCounts(incoming)) {
        ProgressSample sample;
        sample.at = now;
        sample.total = w.job.totalRecordCount.value_or(0);
        sample.processed = w.job.processedRecordCount.value_or(0);
        sample.succeeded = w.job.successRecordCount.value_or(0);
        sample.failed = w.job.errorRecordCount.value_or(0);
        if (!t.lastSample || !sameCounts(*t.lastSample, sample)
            || t.lastSample->at.msecsTo(now) >= kSameCountsSampleGapMs) {
            update.sample = sample;
            t.lastSample = sample;
        }
    }

    const StatusTransition *transition
            = update.newTransitions.isEmpty() ? nullptr : &update.newTransitions.constFirst();
    recordHistory(w.identifier, transition, update.sample ? &*update.sample : nullptr);
    if (transition || update.sample) {
        Observed o;
        o.identifier = w.identifier;
        if (transition)
            o.transition = *transition;
        o.sample = update.sample;
        m_observed.append(o);
    }
    // A job seen ending (or already over when first seen) has results worth reading once; its
    // later reads are on demand. These automatic reads go one at a time (pumpAutoResults): a
    // list of old jobs must not make the gateway read every output file at once.
    // Results read before it ended (on demand, while it ran) are not its final ones.
    const bool endedNow = statusChanged && !wasEnded && w.job.status && w.job.status->isTerminal();
    if (endedNow && w.results)
        t.resultsStale = true;
    if (!t.resultsStale)
        fillCountsFromResults(w);
    update.job = w;
    if (source == BodySource::Retrieve)
        update.rawRetrieveText = parsed.rawText; // the store writes the body as received
    queue(std::move(update));
    if (endedNow && t.resultsHandle < 0 && resultsSourceFor(w)) {
        if (!m_autoResultsQueue.contains(w.identifier))
            m_autoResultsQueue.append(w.identifier);
        QTimer::singleShot(0, this, [this] { pumpAutoResults(); });
    }
    return statusChanged;
}

void JobMonitor::applyFailure(Tracked &t, const GatewayError &error)
{
    if (error.kind == GatewayError::Kind::Cancelled)
        return; // we hung up, the gateway did nothing wrong: the row is as good as before
    WatchedJob &w = t.w;
    w.lastError = error;
    w.lastErrorAt = m_clock->now();
    if (error.isNotFound())
        w.notFound = true;
    JobUpdate update;
    update.job = w;
    queue(std::move(update));
}

void JobMonitor::noteOutcome(const GatewayError *error)
{
    using Kind = ConnectionState::Kind;
    if (!error) {
        m_connection.kind = Kind::Online;
        m_connection.lastSuccessAt = m_clock->now();
        m_connection.lastError.reset();
    } else if (error->kind == GatewayError::Kind::Cancelled) {
        return;
    } else if (error->isUnreachable()) {
        m_connection.kind = Kind::Offline;
        m_connection.lastError = *error;
    } else if (error->isAuthFailure()) {
        m_connection.kind = Kind::AuthFailed;
        m_connection.lastError = *error;
    } else if (error->kind == GatewayError::Kind::Http && !error->isRetryable()) {
        // About this job (400/404/409): the gateway itself is fine.
        m_connection.kind = Kind::Online;
        m_connection.lastError.reset();
    } else {
        m_connection.kind = Kind::Degraded;
        m_connection.lastError = *error;
    }
    scheduleFlush();
}

// --- stop --------------------------------------------------------------------------------

void JobMonitor::stopJobs(const QStringList &identifiers, StopCallback perJob)
{
    QStringList ids = identifiers;
    ids.removeDuplicates();
    for (const QString &id : std::as_const(ids)) {
        if (id.isEmpty())
            continue;
        ++m_stopsInFlight;
        announceInFlight();
        auto it = m_jobs.constFind(id);
        const QString provider = it != m_jobs.cend()
                                         ? normalisedProvider(it->w.job.providerOrBedrock())
                                         : QStringLiteral("bedrock");
        JobSource *source = sourceFor(provider);
        auto done = [this, id, perJob](Expected<StopAck> result) {
            --m_stopsInFlight;
            announceInFlight();
            if (perJob)
                perJob(id, result);
            if (m_jobs.contains(id))
                m_scheduler->refreshNow({id});
        };
        if (source) {
            source->stop(id, this, done);
        } else {
            const GatewayError error = unsupportedBySource(
                    QStringLiteral("no source cancels %1 batches on this profile").arg(provider));
            QTimer::singleShot(0, this, [done, error] { done(error); });
        }
    }
}

// --- sources ------------------------------------------------------------------------------

void JobMonitor::setNativeSource(const QString &provider, std::unique_ptr<JobSource> source)
{
    const QString key = normalisedProvider(provider);
    if (std::shared_ptr<JobSource> old = m_nativeSources.take(key))
        retireSource(std::move(old));
    if (source)
        m_nativeSources.insert(key, std::shared_ptr<JobSource>(std::move(source)));
}

bool JobMonitor::useNativeSources(const QStringList &providers)
{
    const QStringList wanted = GatewayProfile::normalisedProviders(providers);
    QStringList added;
    QStringList dropped;
    for (auto it = m_nativeSources.cbegin(); it != m_nativeSources.cend(); ++it) {
        if (!wanted.contains(it.key()))
            dropped.append(it.key());
    }
    for (const QString &p : dropped)
        setNativeSource(p, nullptr);
    for (const QString &p : wanted) {
        if (m_nativeSources.contains(p))
            continue;
        setNativeSource(p, std::make_unique<NativeBatchSource>(m_client, p));
        added.append(p);
    }
    if (added.isEmpty() && dropped.isEmpty())
        return false;
    qCInfo(lcPoller) << "native sources now" << nativeProviders() << "added" << added << "dropped"
                     << dropped;

    if (added.contains(QStringLiteral("bedrock")))
        m_nativeUnavailable = false;
    QStringList refresh;
    for (const QString &id : std::as_const(m_order)) {
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        const QString provider = normalisedProvider(it->w.job.providerOrBedrock());
        if (provider == u"bedrock") {
            if (added.contains(provider)) {
                it->enriched = false; // read on the native route again at its next answer
                it->enrichedAt.reset();
                refresh.append(id);
            }
        } else if (added.contains(provider)) {
            refresh.append(id);
        }
    }
    // Paused (by the user, or for want of a key): they are fetched when polling resumes.
    if (!refresh.isEmpty() && !m_loading && !m_scheduler->isPaused())
        m_scheduler->refreshNow(refresh);
    return true;
}

void JobMonitor::retireSource(std::shared_ptr<JobSource> source)
{
    bool reading = false;
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        if (it->resultsSource == source.get() && it->resultsHandle >= 0) {
            reading = true;
            source->cancelResults(it->resultsHandle);
        }
    }
    // The cancelled read still answers through the source: it must outlive that answer. Rare
    // (a provider dropped during a results read) and small, so kept for the monitor's life.
    if (reading)
        m_retiredSources.append(std::move(source));
}

QStringList JobMonitor::nativeProviders() const
{
    QStringList out = m_nativeSources.keys();
    out.sort();
    return out;
}

JobSource *JobMonitor::sourceFor(const QString &provider) const
{
    const QString key = normalisedProvider(provider);
    if (key == u"bedrock")
        return m_routeSource.get();
    return m_nativeSources.value(key).get();
}

bool JobMonitor::nativeEnrichmentAvailable() const
{
    return !m_nativeUnavailable && m_nativeSources.contains(QStringLiteral("bedrock"));
}

void JobMonitor::listBatches(
        const QStringList &providers, int maxPages, QObject *context,
        std::function<void(const QString &, const Expected<QList<ParsedJob>> &)> perProvider)
{
    QStringList seen;
    for (const QString &p : providers) {
        const QString key = normalisedProvider(p);
        if (seen.contains(key))
            continue;
        seen.append(key);
        JobSource *source = sourceFor(key);
        auto done = [key, perProvider](const Expected<QList<ParsedJob>> &result) {
            if (!perProvider)
                return;
            if (!result) {
                perProvider(key, result);
                return;
            }
            QList<ParsedJob> batches = *result;
            for (ParsedJob &parsed : batches)
                parsed.job.provider = key;
            perProvider(key, batches);
        };
        if (source) {
            source->list(maxPages, context ? context : this, done);
        } else {
            const GatewayError error = unsupportedBySource(
                    QStringLiteral("no source lists %1 batches on this profile").arg(key));
            QTimer::singleShot(0, context ? context : this, [done, error] { done(error); });
        }
    }
}

void JobMonitor::maybeEnrich(Tracked &t)
{
    WatchedJob &w = t.w;
    if (!isBedrock(w) || !nativeEnrichmentAvailable() || !w.job.status)
        return;
    if (t.enriched && t.enrichedAt && sameStatus(*t.enrichedAt, *w.job.status))
        return;
    t.enriched = true;
    t.enrichedAt = w.job.status;
    const QString id = w.identifier;
    const QString target = w.job.jobArn && !w.job.jobArn->isEmpty() ? *w.job.jobArn : id;
    m_nativeSources.value(QStringLiteral("bedrock"))
            ->retrieve(target, this,
                       [this, id](Expected<ParsedJob> result) { onEnriched(id, result); });
}

void JobMonitor::onEnriched(const QString &identifier, const Expected<ParsedJob> &result)
{
    if (!result) {
        // A failed extra read changes nothing the user sees; a gateway without the route is
        // not asked again.
        if (saysNoNativeRoute(result.error())) {
            qCInfo(lcPoller) << "the gateway has no native batch route; Bedrock jobs are read "
                                "through the Bedrock-format route only";
            m_nativeUnavailable = true;
        }
        return;
    }
    auto it = m_jobs.find(identifier);
    if (it == m_jobs.end())
        return;
    WatchedJob &w = it->w;
    JobFields taken;
    const Job fill = nativeFill(result->job, w, &taken);
    w.job.mergeFrom(fill);
    w.everReported |= taken;
    w.fromNative |= taken;
    w.rawNative = result->raw;
    JobUpdate update;
    update.job = w;
    queue(std::move(update));
}

JobSource *JobMonitor::resultsSourceFor(const WatchedJob &w) const
{
    if (m_nativeUnavailable && isBedrock(w))
        return nullptr;
    return m_nativeSources.value(normalisedProvider(w.job.providerOrBedrock())).get();
}

bool JobMonitor::fillCountsFromResults(WatchedJob &w)
{
    for (JobField f : kCountFields) {
        if (w.job.has(f) && !w.fromResults.has(f))
            return false; // the gateway reports counts: they stand
    }
    const std::optional<ResultsSummary> &r = w.results;
    const bool ended = w.job.status && w.job.status->isTerminal();
    const bool readAfterEnd
            = !w.job.endTime || !r || !r->fetchedAt.isValid() || r->fetchedAt >= *w.job.endTime;
    if (!ended || !r || !r->complete || r->capped || r->total() == 0 || !readAfterEnd)
        return dropCountsFromResults(w);
    const Job before = w.job;
    w.job.totalRecordCount = r->total();
    w.job.processedRecordCount = r->total();
    w.job.successRecordCount = r->succeeded;
    w.job.errorRecordCount = r->notSucceeded();
    const bool changed = w.fromResults.isEmpty()
                         || w.job.totalRecordCount != before.totalRecordCount
                         || w.job.successRecordCount != before.successRecordCount
                         || w.job.errorRecordCount != before.errorRecordCount;
    for (JobField f : kCountFields)
        w.fromResults.set(f);
    return changed;
}

std::optional<JobMonitor::ResultsTarget> JobMonitor::resultsTarget(const QString &identifier) const
{
    auto it = m_jobs.constFind(identifier);
    if (it == m_jobs.cend())
        return std::nullopt;
    const JobSource *source = resultsSourceFor(it->w);
    if (!source)
        return std::nullopt;
    const std::optional<QString> &arn = it->w.job.jobArn;
    return ResultsTarget{source->provider(), arn && !arn->isEmpty() ? *arn : identifier};
}

bool JobMonitor::fetchResults(const QString &identifier)
{
    auto it = m_jobs.find(identifier);
    if (it == m_jobs.end() || it->resultsHandle >= 0)
        return false;
    JobSource *source = resultsSourceFor(it->w);
    const std::optional<ResultsTarget> results = resultsTarget(identifier);
    if (!source || !results)
        return false;
    const QString target = results->batchId;
    it->resultsSource = source;
    it->resultsHandle = 0; // taken before the call: a source may not answer synchronously
    const int handle = source->fetchResults(
            target, m_resultsCapBytes, this,
            [this, identifier](qint64 bytes) {
                if (m_jobs.contains(identifier))
                    Q_EMIT resultsProgress(identifier, bytes);
            },
            [this, identifier](Expected<ResultsSummary> result) { onResults(identifier, result); });
    auto again = m_jobs.find(identifier);
    if (again != m_jobs.end() && again->resultsHandle == 0)
        again->resultsHandle = handle;
    return true;
}

void JobMonitor::pumpAutoResults()
{
    if (!m_autoResultsInFlight.isEmpty() && isFetchingResults(m_autoResultsInFlight))
        return;
    m_autoResultsInFlight.clear();
    while (!m_autoResultsQueue.isEmpty()) {
        const QString id = m_autoResultsQueue.takeFirst();
        auto it = m_jobs.constFind(id);
        if (it == m_jobs.cend() || it->resultsHandle >= 0
            || (it->w.results && it->w.results->complete && !it->resultsStale))
            continue;
        if (fetchResults(id)) {
            m_autoResultsInFlight = id;
            return;
        }
    }
}

void JobMonitor::cancelResults(const QString &identifier)
{
    auto it = m_jobs.find(identifier);
    if (it == m_jobs.end() || it->resultsHandle < 0 || !it->resultsSource)
        return;
    it->resultsSource->cancelResults(it->resultsHandle);
}

bool JobMonitor::isFetchingResults(const QString &identifier) const
{
    auto it = m_jobs.constFind(identifier);
    return it != m_jobs.cend() && it->resultsHandle >= 0;
}

void JobMonitor::onResults(const QString &identifier, const Expected<ResultsSummary> &result)
{
    auto it = m_jobs.find(identifier);
    if (it == m_jobs.end())
        return;
    it->resultsHandle = -1;
    it->resultsSource = nullptr;
    if (!result && isBedrock(it->w) && saysNoNativeRoute(result.error()))
        m_nativeUnavailable = true; // no native route: no more extra reads for Bedrock jobs
    if (identifier == m_autoResultsInFlight) {
        m_autoResultsInFlight.clear();
        QTimer::singleShot(0, this, [this] { pumpAutoResults(); });
    }
    if (!result) {
        Q_EMIT resultsFailed(identifier, result.error());
        return;
    }
    it->w.results = *result;
    it->resultsStale = false;
    fillCountsFromResults(it->w);
    JobUpdate update;
    update.job = it->w;
    update.resultsChanged = true;
    queue(std::move(update));
    Q_EMIT resultsChanged(identifier, *result);
}

// --- batching ----------------------------------------------------------------------------

void JobMonitor::queue(JobUpdate update)
{
    const QString id = update.job.identifier;
    m_pendingUpdates.append(std::move(update));
    if (!m_dirtySet.contains(id)) {
        m_dirtySet.insert(id);
        m_dirty.append(id);
    }
    scheduleFlush();
}

void JobMonitor::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void JobMonitor::persistPending()
{
    if (m_pendingUpdates.isEmpty())
        return;
    // The store keeps what the gateway said; counts from results are derived again on load.
    for (JobUpdate &u : m_pendingUpdates)
        dropCountsFromResults(u.job);
    if (m_store)
        m_store->applyUpdates(m_pendingUpdates);
    m_pendingUpdates.clear();
}

void JobMonitor::flush()
{
    QElapsedTimer timer;
    timer.start();
    persistPending();

    const QStringList dirty = std::exchange(m_dirty, {});
    m_dirtySet.clear();
    const QList<Observed> observed = std::exchange(m_observed, {});

    using Kind = ConnectionState::Kind;
    m_connection.nextRetryAt
            = (m_connection.kind == Kind::Online || m_connection.kind == Kind::Unknown)
                      ? QDateTime()
                      : m_scheduler->nextPollAt();
    const bool connectionChanged = significantlyDifferent(m_connection, m_announcedConnection);
    if (connectionChanged)
        m_announcedConnection = m_connection;

    if ((m_sliceSize > 0 && dirty.size() > m_sliceSize) || !m_announcing.isEmpty()
        || m_sliceTimer.isActive()) {
        // In slices (setAnnounceSliceSize); a batch that comes meanwhile joins the slices.
        for (const QString &id : dirty) {
            if (!m_announcingSet.contains(id)) {
                m_announcingSet.insert(id);
                m_announcing.append(id);
            }
        }
        m_announcingObserved.append(observed);
        m_announcingConnection = m_announcingConnection || connectionChanged;
        if (!m_sliceTimer.isActive())
            announceSlice();
        qCDebug(lcPoller) << "announcing" << dirty.size() << "jobs in slices of" << m_sliceSize;
        return;
    }

    QList<WatchedJob> updated;
    updated.reserve(dirty.size());
    for (const QString &id : dirty) {
        auto it = m_jobs.constFind(id);
        if (it != m_jobs.cend())
            updated.append(it->w);
    }
    // Handlers may call back into the monitor: everything emitted below is a copy.
    QPointer<JobMonitor> self(this);
    if (!updated.isEmpty())
        Q_EMIT jobsUpdated(updated);
    if (!self)
        return;
    announceObserved(observed, connectionChanged);
    if (updated.size() > 100)
        qCDebug(lcPoller) << "announced" << updated.size() << "jobs in" << timer.elapsed() << "ms";
}

void JobMonitor::setAnnounceSliceSize(int jobs)
{
    m_sliceSize = std::max(0, jobs);
}

void JobMonitor::announceSlice()
{
    // The next slice, each job in its state now (a job removed meanwhile is skipped).
    const qsizetype count = m_sliceSize > 0 ? std::min<qsizetype>(m_sliceSize, m_announcing.size())
                                            : m_announcing.size();
    QList<WatchedJob> updated;
    updated.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const QString &id = m_announcing.at(i);
        m_announcingSet.remove(id);
        auto it = m_jobs.constFind(id);
        if (it != m_jobs.cend())
            updated.append(it->w);
    }
    m_announcing.remove(0, count);
    QPointer<JobMonitor> self(this);
    if (!updated.isEmpty())
        Q_EMIT jobsUpdated(updated);
    if (!self)
        return;
    if (count > 0) {
        // The next pass of the event loop: the next slice, or, once none is left, what follows
        // the batch (a batch that comes in this pass joins the slices rather than being
        // announced beside this one).
        m_sliceTimer.start();
        return;
    }
    const QList<Observed> observed = std::exchange(m_announcingObserved, {});
    announceObserved(observed, std::exchange(m_announcingConnection, false));
}

void JobMonitor::announceObserved(const QList<Observed> &observed, bool connectionChanged)
{
    // Handlers may call back into the monitor: everything emitted below is a copy.
    QPointer<JobMonitor> self(this);
    for (const Observed &o : observed) {
        if (!self)
            return;
        auto it = m_jobs.constFind(o.identifier);
        if (it == m_jobs.cend())
            continue;
        const WatchedJob current = it->w;
        if (o.transition)
            Q_EMIT transitionObserved(o.identifier, *o.transition, current);
        if (self && o.sample)
            Q_EMIT sampleRecorded(o.identifier, *o.sample);
    }
    if (self && connectionChanged)
        Q_EMIT connectionStateChanged(connectionState());
}

} // namespace bw
