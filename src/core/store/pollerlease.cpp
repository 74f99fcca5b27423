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

PollerLease::PollerLease(const QString &storeUrl, const QUrl &gatewayUrl, QObject *parent)
    : QObject(parent)
    , m_storeUrl(storeUrl)
    , m_key(keyFor(gatewayUrl))
{
    m_timer.setInterval(DefaultRetryMs);
    connect(&m_timer, &QTimer::timeout, this, &PollerLease::tick);
}

PollerLease::~PollerLease()
{
    m_timer.stop();
    dropSession({});
}

qint64 PollerLease::keyFor(const QUrl &gatewayUrl)
{
    QUrl u = gatewayUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                 | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    u.setScheme(u.scheme().toLower());
    u.setHost(u.host().toLower());
    if ((u.scheme() == QLatin1StringView("https") && u.port() == 443)
        || (u.scheme() == QLatin1StringView("http") && u.port() == 80))
        u.setPort(-1);
    const QByteArray text = QByteArray("batchwatch poller\n") + u.toEncoded(QUrl::FullyEncoded);
    const QByteArray digest = QCryptographicHash::hash(text, QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

void PollerLease::setRetryInterval(int ms)
{
    m_timer.setInterval(std::clamp(ms, 50, MaxRetryMs));
}

void PollerLease::start()
{
    if (!m_timer.isActive())
        m_timer.start();
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
        return false;
    }
    m_backendPid = q.value(0).toLongLong();
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
    const QString sql = m_held ? QStringLiteral("SELECT true")
                               : QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(m_key);
    if (!q.exec(sql) || !q.next()) {
        const QString why = q.lastError().text();
        q = QSqlQuery();
        dropSession(why.isEmpty() ? QStringLiteral("the lease's session ended") : why);
        return;
    }
    m_lastError.clear();
    setHeld(q.value(0).toBool());
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
