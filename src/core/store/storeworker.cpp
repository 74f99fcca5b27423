#include "store/storeworker.h"

#include "common/logging.h"
#include "domain/jobkey.h"
#include "store/samplethinning.h"

#include <QMetaObject>
#include <QSet>

#include <algorithm>

namespace bw {

namespace {

// Thins kept samples (oldest first) as the store thins a job's samples: by their age relative to
// the newest, then at most MaxSamplesPerJob, the first always kept.
void thin(QList<ProgressSample> &samples)
{
    namespace st = samplethinning;
    if (samples.size() < 3)
        return;
    QList<st::Sample> inTimeOrder;
    inTimeOrder.reserve(samples.size());
    for (qsizetype i = 0; i < samples.size(); ++i)
        inTimeOrder.append({i, samples.at(i).at.toMSecsSinceEpoch()});
    std::stable_sort(inTimeOrder.begin(), inTimeOrder.end(),
                     [](const st::Sample &a, const st::Sample &b) { return a.at < b.at; });
    const QList<qint64> drop = st::samplesToDrop(inTimeOrder, 0, inTimeOrder.constLast().at);
    const QSet<qint64> dropped(drop.cbegin(), drop.cend());
    QList<ProgressSample> left;
    left.reserve(samples.size() - dropped.size());
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (!dropped.contains(i))
            left.append(samples.at(i));
    }
    // The bound: the oldest after the first go.
    if (const qint64 over = st::excess(left.size()); over > 0)
        left.remove(1, over);
    samples = std::move(left);
}

} // namespace

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("batchwatch-store"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    connect(this, &StoreWorker::opened, this, [this](bool ok) { m_open = ok; });
    QMetaObject::invokeMethod(
            m_worker,
            [this] {
                m_store = std::make_unique<JobStore>();
                // Queued to the owner thread (the receiver lives there).
                connect(m_store.get(), &JobStore::writeFailed, this, &StoreWorker::writeFailed);
                m_retryTimer = new QTimer(m_worker);
                m_retryTimer->setSingleShot(true);
                m_retryTimer->setInterval(RetryMs);
                connect(m_retryTimer, &QTimer::timeout, m_worker,
                        [this] { writeUnwritten(*m_store); });
            },
            Qt::QueuedConnection);
}

StoreWorker::~StoreWorker()
{
    // Queued after everything already asked for: the writes happen, then the store closes on
    // its own thread and the thread ends.
    QMetaObject::invokeMethod(
            m_worker,
            [this] {
                // Kept batches get a last chance (the connection may be back by now).
                if (!m_kept.isEmpty() && !writeUnwritten(*m_store))
                    qCWarning(lcStore)
                            << "closing with" << m_keptBatches << "batch(es) (" << m_kept.size()
                            << "jobs) of updates unwritten (the store is lost)";
                m_retryTimer = nullptr; // a child of m_worker: deleted below
                // Adopted objects first (adopt()): they may use the store's thread's timers.
                const QObjectList adopted = m_worker->children(); // each delete edits the list
                qDeleteAll(adopted);
                m_store.reset();
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
}

void StoreWorker::open(const QString &directory)
{
    post([this, directory](JobStore &store) {
        const bool ok = store.open(directory);
        const QString error = store.lastError();
        if (!ok)
            qCWarning(lcStore) << "cannot open the store:" << error;
        deliver([this, ok, error] { Q_EMIT opened(ok, error); });
    });
}

void StoreWorker::openInMemory()
{
    post([this](JobStore &store) {
        const bool ok = store.openInMemory();
        const QString error = store.lastError();
        deliver([this, ok, error] { Q_EMIT opened(ok, error); });
    });
}

bool StoreWorker::openBlocking(const QString &directory, QString *error)
{
    bool ok = false;
    QString message;
    post([&ok, &message, directory](JobStore &store) {
        ok = store.open(directory);
        message = store.lastError();
    });
    waitForIdle();
    m_open = ok;
    if (error)
        *error = message;
    Q_EMIT opened(ok, message);
    return ok;
}

void StoreWorker::addWatched(const QString &profileId, const QStringList &identifiers,
                             const QDateTime &addedAt)
{
    post([profileId, identifiers, addedAt](JobStore &store) {
        store.addWatched(profileId, identifiers, addedAt);
    });
}

void StoreWorker::removeWatched(const QString &profileId, const QStringList &identifiers)
{
    post([profileId, identifiers](JobStore &store) {
        store.removeWatched(profileId, identifiers);
    });
}

void StoreWorker::applyUpdates(const QList<JobUpdate> &updates)
{
    if (updates.isEmpty())
        return;
    post([this, updates](JobStore &store) {
        // post() has tried what was kept first: still some means still reconnecting, and this
        // batch waits with it (in order).
        if (!m_kept.isEmpty()) {
            keep(updates);
            writeUnwritten(store);
            return;
        }
        if (store.applyUpdates(updates))
            return;
        if (!store.isReconnecting())
            return; // refused for another reason: reported (writeFailed), as before
        keep(updates);
        qCWarning(lcStore) << "keeping the updates of" << m_kept.size()
                           << "job(s) to write once the store has reconnected";
        reportUnwritten();
        if (m_retryTimer && !m_retryTimer->isActive())
            m_retryTimer->start();
    });
}

void StoreWorker::keep(const QList<JobUpdate> &updates)
{
    ++m_keptBatches;
    for (const JobUpdate &u : updates) {
        const QString key = u.job.profileId + u'\n' + jobKeyOf(u.job.identifier);
        auto it = m_kept.find(key);
        if (it == m_kept.end()) {
            it = m_kept.insert(key, KeptJob());
            m_keptOrder.append(key);
        }
        KeptJob &kept = *it;
        // The last state given is the newest (the monitor's order); results given earlier are
        // in it too, so "results changed" carries over.
        const bool resultsChanged = kept.newest.resultsChanged || u.resultsChanged;
        kept.newest = u;
        kept.newest.newTransitions.clear();
        kept.newest.sample.reset();
        kept.newest.resultsChanged = resultsChanged;
        kept.transitions.append(u.newTransitions);
        if (!u.sample || !u.sample->at.isValid())
            continue;
        const ProgressSample &s = *u.sample;
        if (!kept.samples.isEmpty()) {
            const ProgressSample &last = kept.samples.constLast();
            const bool sameCounts = last.total == s.total && last.processed == s.processed
                                    && last.succeeded == s.succeeded && last.failed == s.failed;
            if (samplethinning::isRedundant(s.at.toMSecsSinceEpoch(), last.at.toMSecsSinceEpoch(),
                                            sameCounts))
                continue;
        }
        kept.samples.append(s);
        // Thinned as the store would (by age relative to the newest), whenever the list has
        // doubled since the last time: amortised constant work per sample.
        if (kept.samples.size() < 64 || kept.samples.size() < 2 * kept.thinnedAt)
            continue;
        thin(kept.samples);
        kept.thinnedAt = kept.samples.size();
    }
}

std::optional<QList<JobUpdate>> StoreWorker::keptUpdatesToWrite(JobStore &store, bool check,
                                                                int *superseded) const
{
    // What the store holds of the kept jobs now (one read per profile).
    QHash<QString, QStringList> keysByProfile;
    for (const QString &key : check ? m_keptOrder : QStringList()) {
        const qsizetype cut = key.indexOf(u'\n');
        keysByProfile[key.left(cut)].append(key.mid(cut + 1));
    }
    QHash<QString, qint64> storedAt; // by kept key: the stored row's fetched_at
    for (auto it = keysByProfile.cbegin(); it != keysByProfile.cend(); ++it) {
        const QList<WatchedJob> rows = store.loadJobs(it.key(), it.value());
        if (!store.lastError().isEmpty())
            return std::nullopt;
        for (const WatchedJob &row : rows) {
            if (row.fetchedAt.isValid())
                storedAt.insert(it.key() + u'\n' + jobKeyOf(row.identifier),
                                row.fetchedAt.toMSecsSinceEpoch());
        }
    }
    QList<JobUpdate> out;
    *superseded = 0;
    for (const QString &key : m_keptOrder) {
        const auto keptIt = m_kept.constFind(key);
        if (keptIt == m_kept.cend())
            continue; // m_keptOrder and m_kept hold the same keys
        const KeptJob &kept = *keptIt;
        const QDateTime &mine = kept.newest.job.fetchedAt;
        const auto stored = storedAt.constFind(key);
        // A kept state never fetched (only errors while the database was down) is older than
        // any state the store holds.
        if (stored != storedAt.cend() && (!mine.isValid() || *stored > mine.toMSecsSinceEpoch())) {
            ++*superseded;
            continue;
        }
        // One update per kept sample (a JobUpdate carries one), each with the newest state; the
        // transitions and the results go with the last.
        QList<ProgressSample> samples = kept.samples;
        thin(samples);
        for (qsizetype i = 0; i + 1 < samples.size(); ++i) {
            JobUpdate u = kept.newest;
            u.resultsChanged = false;
            u.sample = samples.at(i);
            out.append(std::move(u));
        }
        JobUpdate last = kept.newest;
        last.newTransitions = kept.transitions;
        if (!samples.isEmpty())
            last.sample = samples.constLast();
        out.append(std::move(last));
    }
    return out;
}

void StoreWorker::writeEachProfile(JobStore &store, const QList<JobUpdate> &updates)
{
    QStringList order;
    QHash<QString, QList<JobUpdate>> byProfile;
    for (const JobUpdate &u : updates) {
        auto it = byProfile.find(u.job.profileId);
        if (it == byProfile.end()) {
            order.append(u.job.profileId);
            it = byProfile.insert(u.job.profileId, {});
        }
        it->append(u);
    }
    for (const QString &profileId : std::as_const(order)) {
        if (order.size() > 1 && store.applyUpdates(byProfile.value(profileId))) {
            forgetProfile(profileId);
            continue;
        }
        if (store.isReconnecting())
            return; // lost meanwhile: what is left stays kept, in order
        qCWarning(lcStore).noquote()
                << "dropping the kept updates of" << byProfile.value(profileId).size()
                << "job state(s) of profile" << profileId
                << "that the store refused:" << store.lastError();
        forgetProfile(profileId);
    }
}

void StoreWorker::forgetProfile(const QString &profileId)
{
    const QString prefix = profileId + u'\n';
    for (auto it = m_keptOrder.begin(); it != m_keptOrder.end();) {
        if (it->startsWith(prefix)) {
            m_kept.remove(*it);
            it = m_keptOrder.erase(it);
        } else {
            ++it;
        }
    }
    if (m_kept.isEmpty())
        m_keptBatches = 0;
}

void StoreWorker::clearKept()
{
    m_kept.clear();
    m_keptOrder.clear();
    m_keptBatches = 0;
}

bool StoreWorker::writeUnwritten(JobStore &store)
{
    // Still reconnecting (its backoff not over, or the server still down): wait, quietly.
    if (!m_kept.isEmpty() && (!store.isReconnecting() || store.ensureUsable())) {
        int superseded = 0;
        std::optional<QList<JobUpdate>> updates = keptUpdatesToWrite(store, true, &superseded);
        if (!updates && !store.isReconnecting()) {
            // The check could not be read for another reason: written as kept, rather than lost.
            qCWarning(lcStore).noquote()
                    << "could not read the store's rows of the kept updates:" << store.lastError();
            updates = keptUpdatesToWrite(store, false, &superseded);
        }
        if (superseded > 0)
            qCInfo(lcStore) << "dropping the kept updates of" << superseded
                            << "job(s): the store holds newer ones (another poller's)";
        if (!updates) {
            // Lost again while reading: later.
        } else if (updates->isEmpty() || store.applyUpdates(*updates)) {
            clearKept();
        } else if (!store.isReconnecting()) {
            // Refused for another reason: it would be refused again (reported, as before). The
            // kept jobs of several profiles went in one transaction: one refused profile (removed
            // by another client meanwhile, say) must not take the others' updates with it, so
            // each profile is written on its own and only the refused ones are dropped.
            writeEachProfile(store, *updates);
        } else {
            qCWarning(lcStore) << "keeping" << m_keptBatches << "batch(es) of updates ("
                               << m_kept.size() << "jobs) to write once the store has reconnected";
        }
    }
    reportUnwritten();
    if (m_kept.isEmpty()) {
        if (m_retryTimer)
            m_retryTimer->stop();
        return true;
    }
    if (m_retryTimer && !m_retryTimer->isActive())
        m_retryTimer->start();
    return false;
}

void StoreWorker::reportUnwritten()
{
    const int batches = m_keptBatches;
    const int jobs = int(m_kept.size());
    if (batches == m_unwrittenReported && jobs == m_keptJobsReported)
        return;
    const bool batchesChanged = batches != m_unwrittenReported;
    m_unwrittenReported = batches;
    m_keptJobsReported = jobs;
    deliver([this, batches, jobs, batchesChanged] {
        m_unwrittenCount = batches;
        m_keptJobsCount = jobs;
        if (batchesChanged)
            Q_EMIT unwrittenBatchesChanged(batches);
    });
}

void StoreWorker::setProfileDetectedRoute(const QString &profileId, RouteStyle route)
{
    post([profileId, route](JobStore &store) { store.setProfileDetectedRoute(profileId, route); });
}

void StoreWorker::loadWatched(const QString &profileId, QObject *context,
                              std::function<void(QList<WatchedJob>)> done)
{
    call<QList<WatchedJob>>([profileId](JobStore &store) { return store.loadWatched(profileId); },
                            context, std::move(done));
}

void StoreWorker::loadWatched(const QString &profileId, qsizetype sliceRows, QObject *context,
                              std::function<void(QList<WatchedJob>, qsizetype)> ahead,
                              std::function<void(QList<WatchedJob>)> done)
{
    QPointer<QObject> guard(context);
    post([this, profileId, sliceRows, guard, ahead = std::move(ahead),
          done = std::move(done)](JobStore &store) {
        const auto tell = [&](const WatchedJob *rows, qsizetype count, qsizetype all) {
            deliver([guard, ahead, all, slice = QList<WatchedJob>(rows, rows + count)]() mutable {
                if (guard)
                    ahead(std::move(slice), all);
            });
        };
        QList<WatchedJob> all = store.loadWatched(profileId, sliceRows, tell);
        deliver([guard, done, all = std::move(all)]() mutable {
            if (guard)
                done(std::move(all));
        });
    });
}

void StoreWorker::loadHistory(
        const QString &profileId, const QString &identifier, QObject *context,
        std::function<void(QList<StatusTransition>, QList<ProgressSample>)> done)
{
    using History = std::pair<QList<StatusTransition>, QList<ProgressSample>>;
    call<History>(
            [profileId, identifier](JobStore &store) {
                return History(store.transitions(profileId, identifier),
                               store.progressSamples(profileId, identifier));
            },
            context,
            [done = std::move(done)](History h) { done(std::move(h.first), std::move(h.second)); });
}

void StoreWorker::listenForChanges()
{
    post([this](JobStore &store) {
        // Queued to the owner thread (the receiver lives there).
        if (store.listenForChanges())
            connect(&store, &JobStore::jobsChanged, this, &StoreWorker::jobsChanged,
                    Qt::UniqueConnection);
    });
}

void StoreWorker::adopt(QObject *object)
{
    if (!object)
        return;
    object->moveToThread(&m_thread);
    // setParent must run in the thread both now live in.
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, object] { object->setParent(worker); },
            Qt::QueuedConnection);
}

void StoreWorker::post(std::function<void(JobStore &)> task)
{
    QMetaObject::invokeMethod(
            m_worker,
            [this, task = std::move(task)] {
                // Kept batches first, so that whatever was asked for after them — a read, a
                // removal — finds them written.
                if (!m_kept.isEmpty())
                    writeUnwritten(*m_store);
                task(*m_store);
            },
            Qt::QueuedConnection);
}

void StoreWorker::waitForIdle()
{
    if (QThread::currentThread() == &m_thread) {
        qCWarning(lcStore) << "waitForIdle() called on the store thread";
        return;
    }
    // Tasks run in order: once this empty one has run, every earlier one has.
    QMetaObject::invokeMethod(
            m_worker, [] {}, Qt::BlockingQueuedConnection);
}

void StoreWorker::deliver(std::function<void()> fn)
{
    QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
}

} // namespace bw
