#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QTimer>
#include <QUrl>

namespace bw {

// One poller per gateway on a shared PostgreSQL store (issue 15): whoever holds the gateway's
// PostgreSQL advisory lock polls it; every other client only reads the store.
//
// The lock is a session lock (pg_try_advisory_lock) on a connection of the lease's own, keyed by
// the gateway URL and the profile (keyFor()), so that every client watching one profile's
// gateway competes for the same lock. The server releases it the moment that session ends: the
// holder closes or crashes (its socket closes), or its connection is terminated or lost (TCP
// keepalives, about 20 s on the client side, the server's settings on its side).
//
// Bound: a client that does not hold the lease tries again every retryInterval() (default 5 s,
// at most 15 s; the environment variable BATCHWATCH_LEASE_RETRY_MS sets another default, for
// tests and impatient teams), so a released lease is taken within one interval (plus a connect
// when the database itself was unreachable). The holder checks its session on the same timer and
// reports a lost lease (heldChanged(false)) when the session is gone, then competes again.
//
// An unreachable database: reachableChanged(false, why) and connect attempts back off, doubling
// from the retry interval up to MaxRetryMs; reachableChanged(true) once a session is up again.
//
// Threading: lives in, and is used from, one thread with an event loop. Connecting blocks that
// thread up to the URL's connect_timeout (10 s by default), so a GUI creates it on the store
// thread; the CLI may use its main thread.
class PollerLease : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultRetryMs = 5000;
    static constexpr int MaxRetryMs = 15000;

    PollerLease(const QString &storeUrl, const QUrl &gatewayUrl, const QString &profileId,
                QObject *parent = nullptr);
    ~PollerLease() override; // releases the lease (closes its session)

    // The lock key of a gateway and profile: the same for every spelling of one URL (case of
    // scheme and host, default port, trailing slash, user info, query and fragment do not
    // count). The profile is part of it because the holder polls its own profile's jobs: two
    // profiles on one gateway (other providers, other keys) have a poller each, or the second
    // profile's jobs would wait for changes nobody makes.
    static qint64 keyFor(const QUrl &gatewayUrl, const QString &profileId = {});

    // Clamped to [50 ms, MaxRetryMs].
    void setRetryInterval(int ms);
    int retryInterval() const { return m_retryMs; }
    // BATCHWATCH_LEASE_RETRY_MS when set to a number (clamped as above), else DefaultRetryMs.
    static int defaultRetryInterval();

    // Tries now, then on the timer. Calling it again is harmless.
    void start();
    // Whether this client may take the lease (default true). A client that cannot poll — its
    // gateway key is missing — must not: it would hold the lease and send nothing, and nobody
    // would poll. Unwilling, it keeps its session (reachability, checked(false)) and gives the
    // lease up at once if it holds it; willing again, it tries at once.
    void setWilling(bool willing);
    bool isWilling() const { return m_willing; }
    bool isHeld() const { return m_held; }
    // False while the database cannot be reached (no session); true before the first attempt.
    bool isReachable() const { return m_reachable; }
    // The server process of the lease's session (for diagnostics and tests), 0 when none.
    qint64 backendPid() const { return m_backendPid; }
    // Why the last attempt failed (the database is unreachable…), empty after a good one.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void heldChanged(bool held);
    // After every attempt the server answered (held or not): the first one tells a viewer that
    // someone else polls. `polled`: some client holds the lease (this one or another); false
    // only when this client is unwilling and nobody holds it — nobody polls.
    void checked(bool held, bool polled = true);
    void reachableChanged(bool reachable, const QString &error);

private:
    void tick();
    bool connectSession();
    void dropSession(const QString &why);
    void setHeld(bool held);
    void setReachable(bool reachable);

    QString m_storeUrl;
    qint64 m_key = 0;
    QString m_connectionName;
    QSqlDatabase m_db;
    QTimer m_timer;
    int m_retryMs = DefaultRetryMs;
    int m_failedConnects = 0; // in a row: the backoff
    bool m_held = false;
    bool m_willing = true;
    bool m_reachable = true;
    qint64 m_backendPid = 0;
    QString m_lastError;
};

} // namespace bw
