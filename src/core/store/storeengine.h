#pragma once

#include <QString>

#include <optional>

class QSqlDatabase;

// The two database engines a JobStore runs on, and what differs between them that is not SQL
// text of the schema (storeschema.cpp has that): how a write transaction starts, and how a
// store location names a PostgreSQL database.
namespace bw::storeengine {

enum class Engine { Sqlite, Postgres };

// By the connection's Qt driver (QPSQL: Postgres; anything else: SQLite).
Engine engineOf(const QSqlDatabase &db);

// The statement that starts a write transaction. SQLite: BEGIN IMMEDIATE (take the file's write
// lock now rather than failing half-way). PostgreSQL: BEGIN (rows lock as they are written).
QString beginWrite(Engine engine);

// A PostgreSQL store named by a URL `postgresql://user@host:port/database` (or `postgres://`).
// Query items passed on to libpq: sslmode, sslrootcert, connect_timeout, application_name.
// A password never goes in the URL (it would end up in settings, shell history and logs): the
// client library reads it from ~/.pgpass (or PGPASSFILE), or the caller gives it separately.
struct PostgresTarget
{
    QString host;
    int port = 5432;
    QString user;           // empty: libpq's default (the login name)
    QString database;       // required
    QString connectOptions; // for QSqlDatabase::setConnectOptions
    QString display;        // the URL as logs and messages show it: never a password
};

// Points a QPSQL connection at the target (host, port, user, database, options).
void configure(QSqlDatabase &db, const PostgresTarget &target);

// True when `location` is a PostgreSQL URL rather than a folder.
bool isPostgresUrl(const QString &location);
// nullopt with *error set when the URL is not usable (no database, a password, an unknown
// query item).
std::optional<PostgresTarget> parsePostgresUrl(const QString &location, QString *error);

} // namespace bw::storeengine
