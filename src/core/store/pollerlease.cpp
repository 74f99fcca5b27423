#include "store/pollerlease.h"

#include "common/logging.h"
#include "store/storeengine.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <algorithm>

namespace bw {

namespace {
QAtomicInteger<quint64> g_leaseSerial;
}

PollerLease::PollerLease(const QString &storeUrl, const QUrl &gatewayUrl, const QString &profileId,
                         QObject *parent)
    : QObject(parent)
    , m_storeUrl(storeUrl)
    , m_key(keyFor(gatewayUrl, profileId))
    , m_timer(this) // a child: moveToThread() takes it along
{
    setRetryInterval(defaultRetryInterval());
    connect(&m_timer, &QTimer::timeout, this, &PollerLease::tick);
}

PollerLease::~PollerLease()
{
    m_timer.stop();
    dropSession({});
}

qint64 PollerLease::keyFor(const QUrl &gatewayUrl, const QString &profileId)
{
    QUrl u = gatewayUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                 | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    u.setScheme(u.scheme().toLower());
    u.setHost(u.host().toLower());
    if ((u.scheme() == QLatin1StringView("https") && u.port() == 443)
        || (u.scheme() == QLatin1StringView("http") && u.port() == 80))
        u.setPort(-1);
    const QByteArray text = QByteArray("batchwatch poller\n") + u.toEncoded(QUrl::FullyEncoded)
                            + '\n' + profileId.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(text, QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

void PollerLease::setRetryInterval(int ms)
{
    m_retryMs = std::clamp(ms, 50, MaxRetryMs);
    m_timer.setInterval(m_retryMs);
}

int PollerLease::defaultRetryInterval()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("BATCHWATCH_LEASE_RETRY_MS", &ok);
    return ok ? std::clamp(ms, 50, MaxRetryMs) : DefaultRetryMs;
}

void PollerLease::start()
{
    if (!m_timer.isActive())
        m_timer.start();
    tick();
}

void PollerLease::setWilling(bool willing)
{
    if (willing == m_willing)
        return;
    m_willing = willing;
    if (!willing && m_held) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(m_key))) {
            const QString why = q.lastError().text();
            q = QSqlQuery();
            dropSession(why); // the session, and the lock with it, is gone anyway
            return;
        }
        setHeld(false);
        if (m_timer.isActive())
            tick(); // is anybody else polling?
        return;
    }
    if (willing && m_timer.isActive())
        tick();
}

bool PollerLease::connectSession()
{
    QString why;
    const auto target = storeengine::parsePostgresUrl(m_storeUrl, &why);
    if (!target) {
        m_lastError = why;
        return false;
    }
    m_connectionName = QStringLiteral("batchwatch.lease.%1").arg(++g_leaseSerial);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    storeengine::configure(m_db, *target);
    QSqlQuery q(m_db);
    if (!m_db.open() || !q.exec(QStringLiteral("SELECT pg_backend_pid()")) || !q.next()) {
        why = m_db.lastError().isValid() ? m_db.lastError().text() : q.lastError().text();
        q = QSqlQuery();
        dropSession(why);
        // Back off: the retry interval doubled per failed connect, at most MaxRetryMs.
        ++m_failedConnects;
        m_timer.setInterval(int(std::min<qint64>(qint64(m_retryMs) << std::min(m_failedConnects, 8),
                                                 qint64(MaxRetryMs))));
        setReachable(false);
        return false;
    }
    m_backendPid = q.value(0).toLongLong();
    m_failedConnects = 0;
    m_timer.setInterval(m_retryMs);
    setReachable(true);
    return true;
}

void PollerLease::dropSession(const QString &why)
{
    if (!why.isEmpty()) {
        m_lastError = why;
        qCWarning(lcStore).noquote() << "poller lease:" << why;
    }
    m_backendPid = 0;
    if (!m_connectionName.isEmpty()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
    }
    setHeld(false);
}

void PollerLease::tick()
{
    if (m_connectionName.isEmpty() && !connectSession())
        return;
    QSqlQuery q(m_db);
    // The holder only checks that its session (and with it the lock) is still there.
    // An unwilling client takes nothing; it only looks whether anybody holds the lease (a
    // bigint advisory key is classid = its high half, objid = its low half, objsubid = 1), in
    // this database only: pg_locks lists every database of the server.
    const quint64 key = quint64(m_key);
    const QString sql
            = m_held      ? QStringLiteral("SELECT true")
              : m_willing ? QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(m_key)
                          : QStringLiteral("SELECT false, EXISTS (SELECT 1 FROM pg_locks WHERE"
                                           " locktype = 'advisory' AND granted AND objsubid = 1"
                                           " AND database = (SELECT oid FROM pg_database WHERE"
                                           " datname = current_database())"
                                           " AND classid::bigint = %1 AND objid::bigint = %2)")
                                    .arg(key >> 32)
                                    .arg(key & 0xffffffffULL);
    if (!q.exec(sql) || !q.next()) {
        const QString why = q.lastError().text();
        q = QSqlQuery();
        dropSession(why.isEmpty() ? QStringLiteral("the lease's session ended") : why);
        // Try to connect again at once: a terminated session is a reconnect away, an
        // unreachable server reports so now rather than one interval later.
        connectSession();
        return;
    }
    m_lastError.clear();
    setHeld(q.value(0).toBool());
    // Willing and refused: another client holds it.
    const bool polled = m_held || m_willing || q.value(1).toBool();
    Q_EMIT checked(m_held, polled);
}

void PollerLease::setReachable(bool reachable)
{
    if (reachable == m_reachable)
        return;
    m_reachable = reachable;
    Q_EMIT reachableChanged(reachable, reachable ? QString() : m_lastError);
}

void PollerLease::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    qCInfo(lcStore) << (held ? "this client now polls the gateway (lease taken)"
                             : "this client no longer polls the gateway (lease gone)");
    Q_EMIT heldChanged(held);
}

} // namespace bw
