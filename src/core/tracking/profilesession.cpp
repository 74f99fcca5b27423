#include "tracking/profilesession.h"

#include "domain/jobkey.h"
#include "store/jobstore.h"
#include "store/pollerlease.h"
#include "store/secretstore.h"
#include "store/storeworker.h"
#include "wire/gatewayclient.h"

#include <utility>

namespace bw {

ProfileSession::ProfileSession(const GatewayProfile &profile, QNetworkAccessManager *nam,
                               const Options &options, QObject *parent)
    : QObject(parent)
    , m_client(new GatewayClient(nam, this))
    , m_ownsClient(true)
{
    m_client->setProfile(profile);
    init(options);
}

ProfileSession::ProfileSession(GatewayClient *client, const Options &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    init(options);
}

ProfileSession::~ProfileSession()
{
    // The lease lives on the store's thread: ended there (its session, and with it the lock,
    // closes; another client takes over within its retry interval).
    if (m_lease)
        m_lease->deleteLater();
    // The monitor goes first (it uses the client); neither announces anything on the way out.
    m_monitor->disconnect(this);
    delete m_monitor;
    m_monitor = nullptr;
    if (m_ownsClient) {
        m_client->abortAll();
        delete m_client;
    }
}

void ProfileSession::init(const Options &options)
{
    qRegisterMetaType<bw::ProfileSession::KeyState>();
    qRegisterMetaType<bw::ProfileSession::Sharing>();
    m_store = options.store;
    m_sharedStore = options.store ? options.sharedStore : QString();
    m_secrets = options.secrets;
    m_monitor = new JobMonitor(m_client, options.store, options.pollSettings, options.clock, this);
    m_nativeSources = options.nativeSources;
    if (m_nativeSources)
        m_monitor->useNativeSources(m_client->profile().providers);
    if (options.rememberDetectedRoute && options.store) {
        connect(m_client, &GatewayClient::routeDetected, this, [this](RouteStyle style) {
            if (m_store)
                m_store->setProfileDetectedRoute(m_client->profile().id, style);
        });
    }
    connect(m_monitor, &JobMonitor::loaded, this, &ProfileSession::onMonitorLoaded);
    connect(m_monitor, &JobMonitor::jobsUpdated, this, &ProfileSession::onJobsUpdated);
    connect(m_monitor, &JobMonitor::sampleRecorded, this, &ProfileSession::onSample);
    connect(m_monitor, &JobMonitor::connectionStateChanged, this,
            [this](const ConnectionState &state) {
                if (state.lastSuccessAt.isValid() && state.lastSuccessAt > m_lastSuccessAt)
                    m_lastSuccessAt = state.lastSuccessAt;
            });
}

StoreWorker *ProfileSession::store() const
{
    return m_store;
}

GatewayProfile ProfileSession::profile() const
{
    return m_client->profile();
}

void ProfileSession::setProfile(const GatewayProfile &profile)
{
    const bool neededKey = m_client->profile().authMode != AuthMode::None;
    const bool otherGateway
            = PollerLease::keyFor(m_client->profile().baseUrl, m_client->profile().id)
              != PollerLease::keyFor(profile.baseUrl, profile.id);
    m_client->setProfile(profile);
    if (otherGateway && m_lease) {
        // Another gateway is another lease: give this one up, compete for the new one.
        m_lease->disconnect(this);
        m_lease->deleteLater();
        m_lease = nullptr;
        onLeaseHeld(false);
        startLease();
    }
    if (m_nativeSources)
        m_monitor->useNativeSources(profile.providers);
    if (profile.authMode == AuthMode::None) {
        if (neededKey)
            m_client->setSecret({});
        setKeyState(KeyState::NotNeeded);
        applyPause();
    } else if (!neededKey && m_started) {
        reloadSecret();
    }
}

void ProfileSession::start()
{
    if (m_started)
        return;
    m_started = true;
    m_startedAt = m_monitor->clock()->now();
    const bool needsKey = m_client->profile().authMode != AuthMode::None;
    if (!needsKey)
        m_keyState = KeyState::NotNeeded;
    else if (m_client->hasSecret())
        m_keyState = KeyState::Present;
    else if (m_secrets)
        m_keyState = KeyState::Reading;
    else
        m_keyState = KeyState::Missing;
    if (!m_sharedStore.isEmpty()) {
        // A shared store: nothing goes out before this session holds the gateway's lease.
        m_pauseReasons |= int(PauseReason::Viewer);
        setSharing(Sharing::Connecting);
        m_store->listenForChanges();
        connect(m_store, &StoreWorker::jobsChanged, this, &ProfileSession::onStoreChanged);
        startLease();
    }
    // Nothing goes out before the key is known; the stored rows show meanwhile.
    applyPause();
    m_monitor->loadFromStore();
    if (m_keyState == KeyState::Reading)
        readSecret();
    else if (m_keyState != KeyState::NotNeeded)
        Q_EMIT keyStateChanged(m_keyState);
}

bool ProfileSession::isWaitingForKey() const
{
    return m_keyState == KeyState::Reading || m_keyState == KeyState::Missing;
}

void ProfileSession::reloadSecret()
{
    if (!m_secrets || m_client->profile().authMode == AuthMode::None)
        return;
    setKeyState(KeyState::Reading);
    m_refreshAfterKey = true;
    applyPause();
    readSecret();
}

bool ProfileSession::refreshNow(const QStringList &identifiers)
{
    if (isPausedBy(PauseReason::Viewer)) {
        // A viewer asks the store, not the gateway: the poller's newest commits.
        QStringList keys;
        for (const QString &id : identifiers)
            keys << jobKeyOf(id);
        reloadFromStore(keys);
        return false;
    }
    if (m_keyState == KeyState::Reading)
        m_refreshAfterKey = true;
    if (isWaitingForKey())
        return false;
    m_monitor->refreshNow(identifiers);
    return true;
}

void ProfileSession::setSecret(const QString &secret)
{
    m_client->setSecret(secret);
    if (m_client->profile().authMode == AuthMode::None)
        setKeyState(KeyState::NotNeeded);
    else
        setKeyState(m_client->hasSecret() ? KeyState::Present : KeyState::Missing);
    applyPause();
    if (m_keyState == KeyState::Present && !isPausedBy(PauseReason::Viewer))
        m_monitor->refreshNow();
}

void ProfileSession::readSecret()
{
    // A newer read replaces one still in flight (its answer is dropped with its context).
    delete m_secretRead;
    m_secretRead = new QObject(this);
    QObject *context = m_secretRead;
    m_secrets->readSecret(m_client->profile().id, context, [this, context](const SecretResult &r) {
        if (context != m_secretRead)
            return;
        m_secretRead = nullptr;
        context->deleteLater();
        if (r.ok() && !r.secret.trimmed().isEmpty()) {
            m_client->setSecret(r.secret);
            m_keyError.clear();
            setKeyState(KeyState::Present);
        } else if (r.ok() || r.status == SecretResult::Status::NotFound) {
            m_keyError.clear();
            setKeyState(KeyState::Missing);
        } else {
            m_keyError = r.errorText;
            setKeyState(KeyState::Unreadable);
        }
        applyPause();
        if (m_keyState == KeyState::Missing)
            finishInitialRefresh();
        else if (std::exchange(m_refreshAfterKey, false) && !isPausedBy(PauseReason::Viewer))
            m_monitor->refreshNow();
    });
}

void ProfileSession::setKeyState(KeyState state)
{
    if (state == m_keyState)
        return;
    m_keyState = state;
    updateLeaseWillingness();
    Q_EMIT keyStateChanged(state);
}

bool ProfileSession::canPoll() const
{
    return m_keyState == KeyState::NotNeeded || m_keyState == KeyState::Present;
}

void ProfileSession::updateLeaseWillingness()
{
    if (!m_lease)
        return;
    // Without its key this client would hold the lease and send nothing: leave it to a client
    // that has the key (the lease lives on the store's thread).
    QMetaObject::invokeMethod(
            m_lease, [lease = m_lease, willing = canPoll()] { lease->setWilling(willing); },
            Qt::QueuedConnection);
}

void ProfileSession::setPaused(PauseReason reason, bool paused)
{
    const bool wasPaused = isPaused();
    if (paused)
        m_pauseReasons |= int(reason);
    else
        m_pauseReasons &= ~int(reason);
    applyPause();
    if (wasPaused != isPaused())
        Q_EMIT pausedChanged(isPaused());
}

bool ProfileSession::isPausedBy(PauseReason reason) const
{
    return (m_pauseReasons & int(reason)) != 0;
}

void ProfileSession::applyPause()
{
    const bool hold = isPaused() || (m_started && isWaitingForKey());
    if (hold == m_monitor->isPaused())
        return;
    if (hold)
        m_monitor->pause();
    else
        m_monitor->resume();
}

bool ProfileSession::hasGatewayAnswered() const
{
    return m_monitor->connectionState().kind != ConnectionState::Kind::Unknown;
}

void ProfileSession::startLease()
{
    if (m_sharedStore.isEmpty() || !m_store)
        return;
    auto *lease
            = new PollerLease(m_sharedStore, m_client->profile().baseUrl, m_client->profile().id);
    // Queued (the lease lives on the store's thread); a lease given up may still have a report
    // on its way: only the current one counts.
    connect(lease, &PollerLease::heldChanged, this, [this, lease](bool held) {
        if (lease == m_lease)
            onLeaseHeld(held);
    });
    connect(lease, &PollerLease::checked, this, [this, lease](bool held, bool polled) {
        if (lease != m_lease || held)
            return;
        if (m_sharing == Sharing::Connecting || m_sharing == Sharing::Viewing
            || m_sharing == Sharing::Unpolled)
            setSharing(polled ? Sharing::Viewing : Sharing::Unpolled);
    });
    connect(lease, &PollerLease::reachableChanged, this, [this, lease](bool reachable) {
        if (lease == m_lease)
            onLeaseReachable(reachable);
    });
    lease->setWilling(canPoll()); // still on this thread, before it starts
    m_store->adopt(lease);        // its connect and checks run on the store's thread from now on
    QMetaObject::invokeMethod(lease, &PollerLease::start, Qt::QueuedConnection);
    m_lease = lease;
}

void ProfileSession::setSharing(Sharing sharing)
{
    if (sharing == m_sharing)
        return;
    m_sharing = sharing;
    // A viewer sends nothing: its first refresh is what the store holds.
    if (sharing == Sharing::Viewing || sharing == Sharing::Unpolled
        || sharing == Sharing::StoreUnreachable)
        finishInitialRefresh();
    Q_EMIT sharingChanged(sharing);
}

void ProfileSession::onLeaseHeld(bool held)
{
    m_leaseHeld = held;
    if (!held) {
        setSharing(m_sharing == Sharing::StoreUnreachable ? Sharing::StoreUnreachable
                                                          : Sharing::Viewing);
        setPaused(PauseReason::Viewer, true);
        return;
    }
    setSharing(Sharing::Polling);
    // Taking over: the previous poller's last commits first — so that nothing it recorded is
    // observed (and recorded) again — then the scheduler decides what is due.
    reloadFromStore({}, [this] {
        if (m_lease && m_sharing == Sharing::Polling)
            setPaused(PauseReason::Viewer, false);
    });
}

void ProfileSession::onLeaseReachable(bool reachable)
{
    if (!reachable) {
        setSharing(Sharing::StoreUnreachable);
        m_monitor->setStoreReachable(false);
        return;
    }
    m_monitor->setStoreReachable(true);
    if (m_sharing == Sharing::StoreUnreachable)
        setSharing(m_leaseHeld ? Sharing::Polling : Sharing::Viewing);
    // Changes announced while the connection was down were not heard: read everything.
    reloadFromStore({});
}

void ProfileSession::onStoreChanged(const QString &profileId, const QStringList &jobKeys)
{
    if (profileId != m_client->profile().id)
        return;
    reloadFromStore(jobKeys);
}

void ProfileSession::reloadFromStore(const QStringList &jobKeys, std::function<void()> then)
{
    if (!m_store)
        return;
    if (!m_loaded) {
        // A takeover (`then`): the load in flight reads the newest rows anyway.
        if (then) {
            m_afterLoad.append(std::move(then));
            return;
        }
        // A notice: the load in flight may have read before that commit: read again after it.
        if (jobKeys.isEmpty())
            m_changedWhileLoading.insert(QString());
        for (const QString &k : jobKeys)
            m_changedWhileLoading.insert(k);
        return;
    }
    const QString profileId = m_client->profile().id;
    const bool whole = jobKeys.isEmpty();
    const QDateTime readAt = m_monitor->clock()->now();
    using Read = std::pair<bool, QList<WatchedJob>>; // ok, rows
    m_store->call<Read>(
            [profileId, jobKeys, whole](JobStore &store) {
                QList<WatchedJob> rows
                        = whole ? store.loadWatched(profileId) : store.loadJobs(profileId, jobKeys);
                return Read(store.lastError().isEmpty(), std::move(rows));
            },
            this,
            [this, whole, readAt, then = std::move(then)](Read read) {
                // A failed read is empty: never take it for "nothing is watched".
                if (read.first)
                    m_monitor->applyStoredJobs(read.second, whole, readAt);
                if (then)
                    then();
            });
}

void ProfileSession::onMonitorLoaded()
{
    m_loaded = true;
    if (!m_changedWhileLoading.isEmpty()) {
        const QSet<QString> changed = std::exchange(m_changedWhileLoading, {});
        reloadFromStore(changed.contains(QString())
                                ? QStringList()
                                : QStringList(changed.cbegin(), changed.cend()));
    }
    // Jobs whose first answer the initial refresh waits for: everything still polled (the
    // monitor hands every job it tracks to its scheduler). Asked of the scheduler, not job by
    // job: copying every job (jobs()) cost 11 % of a 100,000-job start-up, looking each
    // identifier up in the scheduler 2 % more (issue 13).
    const QStringList unsettled = m_monitor->scheduler()->unsettledJobs();
    m_awaitingFirstAnswer.reserve(m_awaitingFirstAnswer.size() + unsettled.size());
    for (const QString &id : unsettled)
        m_awaitingFirstAnswer.insert(id);
    loadStoredSamples();
    QPointer<ProfileSession> self(this);
    Q_EMIT loaded();
    if (!self)
        return;
    if (m_keyState == KeyState::Missing || m_sharing == Sharing::Viewing
        || m_sharing == Sharing::Unpolled || m_sharing == Sharing::StoreUnreachable)
        finishInitialRefresh();
    else
        checkInitialRefresh({});
    for (const auto &then : std::exchange(m_afterLoad, {}))
        then();
}

void ProfileSession::onJobsUpdated(const QList<WatchedJob> &jobs)
{
    for (const WatchedJob &w : jobs) {
        if (w.fetchedAt.isValid() && (!m_lastSuccessAt.isValid() || w.fetchedAt > m_lastSuccessAt))
            m_lastSuccessAt = w.fetchedAt;
    }
    checkInitialRefresh(jobs);
}

void ProfileSession::checkInitialRefresh(const QList<WatchedJob> &jobs)
{
    if (!m_loaded || m_initialRefreshDone)
        return;
    for (const WatchedJob &w : jobs) {
        const bool answered = (w.fetchedAt.isValid() && w.fetchedAt >= m_startedAt)
                              || (w.lastErrorAt.isValid() && w.lastErrorAt >= m_startedAt);
        if (answered)
            m_awaitingFirstAnswer.remove(w.identifier);
    }
    if (m_awaitingFirstAnswer.isEmpty())
        finishInitialRefresh();
}

void ProfileSession::finishInitialRefresh()
{
    if (!m_loaded || m_initialRefreshDone)
        return;
    m_initialRefreshDone = true;
    m_awaitingFirstAnswer.clear();
    Q_EMIT initialRefreshFinished();
}

void ProfileSession::onSample(const QString &identifier, const ProgressSample &sample)
{
    if (!m_samplesLoaded) {
        m_liveSamples[identifier].append(sample);
        return;
    }
    m_samples[identifier].append(sample);
    Q_EMIT sampleAdded(identifier, sample);
}

void ProfileSession::loadStoredSamples()
{
    auto merge = [this](Samples stored) {
        for (auto it = m_liveSamples.cbegin(); it != m_liveSamples.cend(); ++it) {
            QList<ProgressSample> &list = stored[it.key()];
            const QDateTime newest = list.isEmpty() ? QDateTime() : list.constLast().at;
            for (const ProgressSample &s : it.value()) {
                if (!newest.isValid() || s.at > newest)
                    list.append(s);
            }
        }
        m_liveSamples.clear();
        m_samples = std::move(stored);
        m_samplesLoaded = true;
        Q_EMIT samplesLoaded(m_samples);
    };
    if (!m_store) {
        merge({});
        return;
    }
    const QString profileId = m_client->profile().id;
    m_store->call<Samples>(
            [profileId](JobStore &store) { return store.progressSamplesForProfile(profileId); },
            this, merge);
}

QString ProfileSession::findIdentifier(const QString &text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return {};
    const QList<WatchedJob> jobs = m_monitor->jobs();
    for (const WatchedJob &w : jobs) {
        if (w.identifier == wanted || w.job.jobArn.value_or(QString()) == wanted)
            return w.identifier;
    }
    for (const WatchedJob &w : jobs) {
        if (JobIdentifier::parse(w.job.jobArn.value_or(w.identifier)).shortId() == wanted)
            return w.identifier;
    }
    for (const WatchedJob &w : jobs) {
        if (w.job.jobName.value_or(QString()) == wanted)
            return w.identifier;
    }
    return {};
}

QString ProfileSession::sharingText(Sharing sharing)
{
    switch (sharing) {
    case Sharing::Local:
        return {};
    case Sharing::Connecting:
        return tr("Shared store: waiting for the poller lease");
    case Sharing::Polling:
        return tr("Polling for the team");
    case Sharing::Viewing:
        return tr("Viewing: another batchwatch polls this gateway");
    case Sharing::Unpolled:
        return tr("Viewing: nobody polls this gateway (a client with its key would)");
    case Sharing::StoreUnreachable:
        return tr("Shared store unreachable: reconnecting");
    }
    return {};
}

QString ProfileSession::keyStateText(KeyState state)
{
    switch (state) {
    case KeyState::NotNeeded:
        return tr("This profile needs no key");
    case KeyState::Reading:
        return tr("Waiting for the key");
    case KeyState::Present:
        return tr("Key stored");
    case KeyState::Missing:
        return tr("No key stored for this profile");
    case KeyState::Unreadable:
        return tr("The key could not be read");
    }
    return {};
}

} // namespace bw
