#include "store/storeworker.h"

#include "common/logging.h"

#include <QMetaObject>

namespace bw {

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("batchwatch-store"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    connect(this, &StoreWorker::opened, this, [this](bool ok) { m_open = ok; });
    connect(this, &StoreWorker::unwrittenBatchesChanged, this,
            [this](int batches) { m_unwrittenCount = batches; });
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
                if (!m_unwritten.isEmpty() && !writeUnwritten(*m_store))
                    qCWarning(lcStore) << "closing with" << m_unwritten.size()
                                       << "batch(es) of updates unwritten (the store is lost)";
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
        m_unwritten.append(updates);
        writeUnwritten(store);
    });
}

bool StoreWorker::writeUnwritten(JobStore &store)
{
    while (!m_unwritten.isEmpty()) {
        // Still reconnecting (its backoff not over, or the server still down): wait, quietly.
        if (store.isReconnecting() && !store.ensureUsable())
            break;
        if (store.applyUpdates(m_unwritten.constFirst())) {
            m_unwritten.removeFirst();
            continue;
        }
        if (!store.isReconnecting()) {
            // Refused for another reason: it would be refused again (reported, as before).
            m_unwritten.removeFirst();
            continue;
        }
        qCWarning(lcStore) << "keeping" << m_unwritten.size()
                           << "batch(es) of updates to write once the store has reconnected";
        break;
    }
    reportUnwritten();
    if (m_unwritten.isEmpty()) {
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
    const int count = int(m_unwritten.size());
    if (count == m_unwrittenReported)
        return;
    m_unwrittenReported = count;
    deliver([this, count] { Q_EMIT unwrittenBatchesChanged(count); });
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
                if (!m_unwritten.isEmpty())
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
