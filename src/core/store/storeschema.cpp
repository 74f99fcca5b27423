#include "store/storeschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace bw::storeschema {

namespace {

// Times are INTEGER milliseconds since the epoch (UTC); NULL means "none". Text that a gateway
// sent is stored verbatim. No column ever holds a credential: profiles carry none, and the
// schema test asserts that no column name even suggests one.
QList<Migration> buildMigrations()
{
    QList<Migration> steps;

    steps.append({1,
                  QStringLiteral("profiles, watched jobs, status transitions, progress samples"),
                  {
                          QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId),
                          QStringLiteral(R"(CREATE TABLE profiles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    base_url TEXT NOT NULL DEFAULT '',
    auth_mode TEXT NOT NULL DEFAULT 'none',
    custom_header_name TEXT NOT NULL DEFAULT '',
    provider TEXT NOT NULL DEFAULT '',
    route_style TEXT NOT NULL DEFAULT 'auto',
    detected_route TEXT NOT NULL DEFAULT 'auto',
    timeout_ms INTEGER NOT NULL DEFAULT 30000,
    ca_bundle_path TEXT NOT NULL DEFAULT ''
))"),
                          // job_json: JobCodec::toJson of the merged job, compact UTF-8 JSON
                          // in a BLOB (X'7B7D' is "{}"); raw_*: the last body of each source,
                          // NULL when none. status and job_arn mirror job_json (NULL = not
                          // reported) for queries.
                          QStringLiteral(R"(CREATE TABLE watched_jobs (
    id INTEGER PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    identifier TEXT NOT NULL,
    status TEXT,
    job_arn TEXT,
    job_json BLOB NOT NULL DEFAULT X'7B7D',
    raw_retrieve BLOB,
    raw_list BLOB,
    added_at INTEGER NOT NULL,
    fetched_at INTEGER,
    error_kind TEXT,
    error_http_status INTEGER NOT NULL DEFAULT 0,
    error_gateway_type TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT '',
    error_retry_after INTEGER,
    last_error_at INTEGER,
    not_found INTEGER NOT NULL DEFAULT 0,
    ever_reported TEXT NOT NULL DEFAULT '',
    UNIQUE (profile_id, identifier)
))"),
                          // Rows of a profile in insertion order, without sorting.
                          QStringLiteral("CREATE INDEX watched_jobs_profile "
                                         "ON watched_jobs(profile_id)"),
                          QStringLiteral(R"(CREATE TABLE status_transitions (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES watched_jobs(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status TEXT NOT NULL,
    observed_at INTEGER NOT NULL,
    last_modified_time INTEGER
))"),
                          QStringLiteral("CREATE INDEX status_transitions_job "
                                         "ON status_transitions(job_id, observed_at)"),
                          QStringLiteral(R"(CREATE TABLE progress_samples (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES watched_jobs(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    total INTEGER NOT NULL,
    processed INTEGER NOT NULL,
    succeeded INTEGER NOT NULL,
    failed INTEGER NOT NULL
))"),
                          QStringLiteral("CREATE INDEX progress_samples_job "
                                         "ON progress_samples(job_id, at)"),
                  }});

    return steps;
}

bool execOne(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps = buildMigrations();
    return steps;
}

int currentVersion()
{
    return migrations().constLast().toVersion;
}

int readUserVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

bool migrate(QSqlDatabase &db, const QList<Migration> &steps, QString *error)
{
    const int known = steps.isEmpty() ? 0 : steps.constLast().toVersion;
    const int current = readUserVersion(db, error);
    if (current < 0)
        return false;
    if (current > known) {
        *error = QStringLiteral("the database was written by a newer version of batchwatch "
                                "(schema version %1; this version knows up to %2); it was left "
                                "untouched")
                         .arg(current)
                         .arg(known);
        return false;
    }

    for (const Migration &step : steps) {
        if (step.toVersion <= current)
            continue;
        QString why;
        if (!execOne(db, QStringLiteral("BEGIN IMMEDIATE"), &why)) {
            *error = QStringLiteral("could not start schema migration to version %1: %2")
                             .arg(step.toVersion)
                             .arg(why);
            return false;
        }
        bool ok = true;
        for (const QString &sql : step.statements) {
            if (!execOne(db, sql, &why)) {
                ok = false;
                break;
            }
        }
        // PRAGMA user_version is written to the file header inside the same transaction.
        if (ok)
            ok = execOne(db, QStringLiteral("PRAGMA user_version = %1").arg(step.toVersion), &why);
        if (ok)
            ok = execOne(db, QStringLiteral("COMMIT"), &why);
        if (!ok) {
            QString ignored;
            execOne(db, QStringLiteral("ROLLBACK"), &ignored);
            *error = QStringLiteral("schema migration to version %1 (%2) failed: %3")
                             .arg(step.toVersion)
                             .arg(step.description, why);
            return false;
        }
    }
    return true;
}

} // namespace bw::storeschema
