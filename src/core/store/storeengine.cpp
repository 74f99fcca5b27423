#include "store/storeengine.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace bw::storeengine {

Engine engineOf(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1StringView("QPSQL") ? Engine::Postgres : Engine::Sqlite;
}

QString beginWrite(Engine engine)
{
    return engine == Engine::Postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
}

void configure(QSqlDatabase &db, const PostgresTarget &target)
{
    db.setHostName(target.host);
    db.setPort(target.port);
    db.setUserName(target.user);
    db.setDatabaseName(target.database);
    db.setConnectOptions(target.connectOptions);
}

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1StringView("postgresql://"), Qt::CaseInsensitive)
           || location.startsWith(QLatin1StringView("postgres://"), Qt::CaseInsensitive);
}

std::optional<PostgresTarget> parsePostgresUrl(const QString &location, QString *error)
{
    const QUrl url(location.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()
        || (scheme != QLatin1StringView("postgresql") && scheme != QLatin1StringView("postgres"))) {
        *error = QStringLiteral("not a PostgreSQL URL (postgresql://user@host:port/database)");
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        *error = QStringLiteral("the URL holds a password; put it in ~/.pgpass instead "
                                "(host:port:database:user:password, mode 0600)");
        return std::nullopt;
    }
    PostgresTarget t;
    t.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    t.port = url.port(5432);
    t.user = url.userName();
    t.database = url.path().mid(1);
    if (t.database.isEmpty() || t.database.contains(u'/')) {
        *error = QStringLiteral("the URL names no database (postgresql://user@host:port/database)");
        return std::nullopt;
    }
    // Bounded connects; a dead peer is noticed within about 20 s even when idle.
    QStringList options{QStringLiteral("connect_timeout=10"), QStringLiteral("keepalives=1"),
                        QStringLiteral("keepalives_idle=10"),
                        QStringLiteral("keepalives_interval=3"),
                        QStringLiteral("keepalives_count=3")};
    static const QStringList passed{QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
                                    QStringLiteral("connect_timeout"),
                                    QStringLiteral("application_name")};
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!passed.contains(key)) {
            *error = QStringLiteral("the URL has an option batchwatch does not pass on: \"%1\" "
                                    "(known: %2)")
                             .arg(key, passed.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (value.contains(u';') || value.contains(u' ') || value.contains(u'\'')) {
            *error = QStringLiteral("the URL option \"%1\" has an unusable value").arg(key);
            return std::nullopt;
        }
        options.removeIf([&key](const QString &o) { return o.startsWith(key + u'='); });
        options.append(key + u'=' + value);
    }
    t.connectOptions = options.join(u';');
    t.display = url.toString(QUrl::RemovePassword);
    return t;
}

} // namespace bw::storeengine
