#pragma once

#include "tracking/jobmonitor.h"
#include "wire/gatewayprofile.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace bw {

class Clock;
class GatewayClient;
class PollerLease;
class SecretStore;
class StoreWorker;

// Following ONE gateway profile's jobs: what the main window and `batchwatch-cli watch` both
// use, so that they follow jobs the same way.
//
// Ownership: the session owns its JobMonitor and — when built from a QNetworkAccessManager —
// its GatewayClient (built from a client, the client is the caller's and must outlive the
// session). The store, secret store and clock are not owned and must outlive it; any may be
// null (no store: history in memory only; no secret store: the client's key is used as is).
//
// The key (keyState()): a profile whose auth mode needs one is held — no request goes out —
// until the SecretStore answered. Found: the client gets it and polling starts (Present). Not
// found (a keychain-less system after a restart keeps keys for one session only): the session
// stays held and reports Missing — no request bound to fail is sent, and the connection state
// stays Unknown, so nothing blames the gateway — until setSecret() or reloadSecret() brings
// one. A read that failed otherwise reports Unreadable (keyError() says why) and polling
// starts without a key. Built from a client, the key is Present when the client has one and
// Missing when the profile needs one and it has none.
//
// Pausing: the user and a minimised window each pause by their own reason (setPaused); the
// monitor is paused while any reason holds or the key is not there (see above).
// pausedChanged() fires when isPaused() — the user-visible "polling paused" — changes.
//
// Start: start() loads the stored rows (JobMonitor::loadFromStore) and reads the key. loaded()
// fires once the stored rows are in the monitor; initialRefreshFinished() fires once every job
// still polled at that moment has been answered once (successfully or not) since start(), at
// once when there is none, and also at once when the key is Missing (nothing will be sent).
//
// Progress samples — the ONE feed: after loaded(), the profile's stored samples are read once
// and merged with those the monitor recorded meanwhile (a live sample is kept when it is newer
// than the newest stored one of its job); samplesLoaded() then announces the merged set, and
// every later sample is announced by sampleAdded(). samples() is the merged set at any time.
//
// A shared store (Options::sharedStore, a postgresql:// URL; issue 15): one poller per gateway
// and profile.
// start() pauses the session as a Viewer, listens for the store's changes and competes for the
// gateway's PollerLease (run on the store's thread, so that a slow connect never blocks this
// one). Holding it, the session polls (sharing() Polling); otherwise it stays paused and follows
// what the poller commits (Viewing). A session that cannot poll — its key is missing, unreadable
// or still being read — does not compete (PollerLease::setWilling) and gives the lease up if it
// held it, so that a client with the key polls. Each jobsChanged() of the profile reloads just
// those jobs into the monitor (JobMonitor::applyStoredJobs: jobsAdded/jobsUpdated/jobsRemoved,
// so views update row by row). When the lease's database session cannot be had (StoreUnreachable)
// the monitor's connection state reads Offline until it is back (the lease reconnects with
// backoff); then the whole list is read again, as it is when this session takes the lease over.
//
// Lives in, and is used from, the thread of the client (the GUI's or the CLI's main thread).
class ProfileSession : public QObject
{
    Q_OBJECT

public:
    enum class KeyState {
        NotNeeded,  // the profile's auth mode takes no key
        Reading,    // asked the SecretStore, no answer yet
        Present,    // the client has the key
        Missing,    // needed, none stored: nothing is sent until one is given
        Unreadable, // the SecretStore failed (keyError()); polling runs without a key
    };
    // Viewer: on a shared store another client holds the gateway's poller lease (PollerLease).
    enum class PauseReason { User = 0x1, Minimised = 0x2, Viewer = 0x4 };
    // Who polls the gateway (see above). Local: not a shared store, this session polls.
    // Unpolled: a viewer that cannot poll (no key) while nobody holds the lease.
    enum class Sharing { Local, Connecting, Polling, Viewing, Unpolled, StoreUnreachable };

    struct Options
    {
        StoreWorker *store = nullptr;
        SecretStore *secrets = nullptr;
        PollSettings pollSettings;
        Clock *clock = nullptr;
        // Remember the route the gateway turned out to use in the store (a stored profile).
        bool rememberDetectedRoute = false;
        // Read the profile's providers through Bifrost's native batch API (JobMonitor::
        // useNativeSources): other providers' batches, fuller Bedrock jobs, results.
        bool nativeSources = true;
        // A PostgreSQL store URL (the one `store` opened): poll only while holding the
        // gateway's lease, view otherwise (see above). Empty: this session polls.
        QString sharedStore;
    };
    using Samples = QHash<QString, QList<ProgressSample>>;

    ProfileSession(const GatewayProfile &profile, QNetworkAccessManager *nam,
                   const Options &options, QObject *parent = nullptr);
    ProfileSession(GatewayClient *client, const Options &options, QObject *parent = nullptr);
    ~ProfileSession() override;

    // Loads the stored rows and reads the key (see above). Call once.
    void start();

    GatewayProfile profile() const;
    // The profile was edited: the client takes it from now on; a profile that no longer needs
    // a key drops it. Changed providers take effect at once (Options::nativeSources): the
    // monitor's native sources become the new profile's (JobMonitor::useNativeSources) — jobs
    // of an added provider are fetched, those of a dropped one stay watched, unread.
    void setProfile(const GatewayProfile &profile);
    GatewayClient *client() const { return m_client; }
    JobMonitor *monitor() const { return m_monitor; }
    StoreWorker *store() const;

    KeyState keyState() const { return m_keyState; }
    QString keyError() const { return m_keyError; }
    // True while no request goes out for want of the key (Reading or Missing).
    bool isWaitingForKey() const;
    // Reads the key again (it was changed in the Profiles dialog), holding polling meanwhile,
    // then refreshes every job.
    void reloadSecret();
    // JobMonitor::refreshNow — except while the key is Reading (the refresh follows once it is
    // read) or Missing (nothing is sent: it would only be refused), and for a viewer of a
    // shared store, which reads the jobs from the store instead. False when not sent now.
    bool refreshNow(const QStringList &identifiers = {});
    // Gives the client this key (empty: none) and resumes if it was Missing.
    void setSecret(const QString &secret);

    void setPaused(PauseReason reason, bool paused);
    bool isPausedBy(PauseReason reason) const;
    bool isPaused() const { return m_pauseReasons != 0; }

    bool isLoaded() const { return m_loaded; }
    bool isInitialRefreshDone() const { return m_initialRefreshDone; }
    // The last successful answer for any job (UTC); invalid: none yet.
    QDateTime lastSuccessAt() const { return m_lastSuccessAt; }
    // True once the gateway answered anything since start() (a job, or an error reply).
    bool hasGatewayAnswered() const;

    // The watched job `text` names: its identifier or jobArn, else its short id, else its job
    // name (names are unique per account, not per gateway: the first match, in the order the
    // jobs were added, wins). Empty when none matches.
    QString findIdentifier(const QString &text) const;

    const Samples &samples() const { return m_samples; }
    bool areSamplesLoaded() const { return m_samplesLoaded; }

    Sharing sharing() const { return m_sharing; }
    // Words for the status bar ("Viewing: another batchwatch polls this gateway"…); empty for
    // Local.
    static QString sharingText(Sharing sharing);

    static QString keyStateText(KeyState state);

Q_SIGNALS:
    void loaded();
    void initialRefreshFinished();
    void keyStateChanged(bw::ProfileSession::KeyState state);
    void pausedChanged(bool paused);
    void samplesLoaded(const bw::ProfileSession::Samples &samples);
    void sampleAdded(const QString &identifier, const bw::ProgressSample &sample);
    void sharingChanged(bw::ProfileSession::Sharing sharing);

private:
    void init(const Options &options);
    void readSecret();
    void setKeyState(KeyState state);
    // The key is there (or none is needed): this client may take the poller lease.
    bool canPoll() const;
    void updateLeaseWillingness();
    void applyPause();
    void onMonitorLoaded();
    void onJobsUpdated(const QList<WatchedJob> &jobs);
    void onSample(const QString &identifier, const ProgressSample &sample);
    void loadStoredSamples();
    void checkInitialRefresh(const QList<WatchedJob> &jobs);
    void finishInitialRefresh();
    void startLease();
    void setSharing(Sharing sharing);
    void onLeaseHeld(bool held);
    void onLeaseReachable(bool reachable);
    void onStoreChanged(const QString &profileId, const QStringList &jobKeys);
    // Empty keys: the whole watch list. `then` runs once the rows are in the monitor.
    void reloadFromStore(const QStringList &jobKeys, std::function<void()> then = {});

    GatewayClient *m_client = nullptr;
    bool m_ownsClient = false;
    JobMonitor *m_monitor = nullptr;
    QPointer<StoreWorker> m_store;
    SecretStore *m_secrets = nullptr;
    KeyState m_keyState = KeyState::NotNeeded;
    QString m_keyError;
    int m_pauseReasons = 0;
    bool m_started = false;
    QDateTime m_startedAt;
    bool m_loaded = false;
    bool m_initialRefreshDone = false;
    QSet<QString> m_awaitingFirstAnswer;
    QDateTime m_lastSuccessAt;
    Samples m_samples;
    Samples m_liveSamples; // recorded while the stored ones were read
    bool m_samplesLoaded = false;
    bool m_nativeSources = true;     // Options::nativeSources
    QObject *m_secretRead = nullptr; // context of the secret read in flight
    bool m_refreshAfterKey = false;
    QString m_sharedStore;         // Options::sharedStore
    QPointer<PollerLease> m_lease; // lives on the store's thread (StoreWorker::adopt)
    Sharing m_sharing = Sharing::Local;
    bool m_leaseHeld = false; // as last reported (the lease itself lives on another thread)
    QSet<QString> m_changedWhileLoading; // job keys; "" for the whole list
    QList<std::function<void()>> m_afterLoad;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::ProfileSession::KeyState)
Q_DECLARE_METATYPE(bw::ProfileSession::Sharing)
