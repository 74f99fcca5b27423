#include "store/storeschema.h"

#include "domain/jobkey.h"
#include "wire/gatewayprofile.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace bw::storeschema {

namespace {

bool execOne(QSqlDatabase &db, const QString &sql, QString *error);
bool mergeJobsNamedTwice(QSqlDatabase &db, QString *error);

// The columns of schema 1's profiles table after its key, on both engines.
const QString kProfileColumns = QStringLiteral(R"(
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
)");

// Version 5, the same on both engines: profiles.max_requests_per_second, the request ceiling
// (GatewayProfile::maxRequestsPerSecond; 0 = none). Profiles stored before it keep the ceiling
// every client had until then (RateLimiter's default, 20 a second).
Migration requestCeilingStep()
{
    return {5,
            QStringLiteral("a request ceiling per profile"),
            {QStringLiteral("ALTER TABLE profiles ADD COLUMN max_requests_per_second INTEGER NOT "
                            "NULL DEFAULT %1")
                     .arg(GatewayProfile::kDefaultMaxRequestsPerSecond)}};
}

// Version 6, the same on both engines: removed_jobs, one tombstone per job a client stopped
// watching (profile, job key, when, UTC ms). A plain save of a job with a tombstone writes
// nothing, so a client that has not yet heard of the removal (a poller's refresh in flight)
// cannot watch it again for the whole team; only adding the job again (addWatched) clears it.
// On PostgreSQL it also repairs the default of watched_jobs.job_json: version 4 declared the
// three bytes "{7d" (not "{}"), so every job just added read as unreadable until its first poll.
Migration removalTombstoneStep(storeengine::Engine engine)
{
    Migration step{6,
                   QStringLiteral("tombstones of removed jobs"),
                   {QStringLiteral(R"(CREATE TABLE removed_jobs (
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL,
    removed_at BIGINT NOT NULL,
    PRIMARY KEY (profile_id, canonical_id)
))")}};
    if (engine == storeengine::Engine::Postgres) {
        step.statements << QStringLiteral("ALTER TABLE watched_jobs ALTER COLUMN job_json"
                                          " SET DEFAULT decode('7b7d', 'hex')")
                        << QStringLiteral("UPDATE watched_jobs SET job_json = decode('7b7d', 'hex')"
                                          " WHERE job_json = decode('7b3764', 'hex')");
    }
    return step;
}

// Version 7, the same on both engines: the raw bodies (raw_retrieve, raw_list, raw_native) move
// out of watched_jobs into job_bodies, one row per job that has any (NULL: no body of that
// source), every byte as it was. A refresh then rewrites a narrow row for each job and a body
// row only for a body that changed, rather than every job's whole row with its bodies (on
// SQLite a ~2.5 KB record: a page of the file, and of the WAL, per job).
Migration separateBodiesStep(storeengine::Engine engine)
{
    const bool postgres = engine == storeengine::Engine::Postgres;
    return {7,
            QStringLiteral("raw bodies in a table of their own"),
            {QStringLiteral(R"(CREATE TABLE job_bodies (
    job_id %1 PRIMARY KEY REFERENCES watched_jobs(id) ON DELETE CASCADE,
    raw_retrieve %2,
    raw_list %2,
    raw_native %2
))")
                     .arg(postgres ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER"),
                          postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB")),
             QStringLiteral("INSERT INTO job_bodies (job_id, raw_retrieve, raw_list, raw_native)"
                            " SELECT id, raw_retrieve, raw_list, raw_native FROM watched_jobs"
                            " WHERE raw_retrieve IS NOT NULL OR raw_list IS NOT NULL"
                            " OR raw_native IS NOT NULL ORDER BY id"),
             QStringLiteral("ALTER TABLE watched_jobs DROP COLUMN raw_retrieve"),
             QStringLiteral("ALTER TABLE watched_jobs DROP COLUMN raw_list"),
             QStringLiteral("ALTER TABLE watched_jobs DROP COLUMN raw_native")}};
}

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
                          QStringLiteral("CREATE TABLE profiles (seq INTEGER PRIMARY KEY, %1)")
                                  .arg(kProfileColumns),
                          // job_json: JobCodec::toJson of the merged job, compact UTF-8 JSON
                          // in a BLOB (X'7B7D' is "{}"); raw_*: the last body of each source,
                          // NULL when none (in job_bodies since version 7). status and job_arn
                          // mirror job_json (NULL = not reported) for queries.
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

    // canonical_id: jobKeyOf(identifier), so that one job is one row whatever form (id, ARN) it was
    // named in. The identifier stays what the user first gave.
    steps.append({2,
                  QStringLiteral("one row per job: job keys, duplicates merged"),
                  {QStringLiteral("ALTER TABLE watched_jobs ADD COLUMN canonical_id TEXT NOT NULL "
                                  "DEFAULT ''")},
                  mergeJobsNamedTwice});

    // Several processes on one data folder (the app and `batchwatch-cli watch`) each observe
    // the same change: one transition is one row. Its key: the job row (profile + canonical
    // job id), from status, to status and the gateway's lastModifiedTime of the observation
    // (what a second observer of the same change sees too; -1 when not reported). Writers
    // insert with OR IGNORE; existing duplicates go, the earliest observation stays.
    steps.append({3,
                  QStringLiteral("one row per status transition, whoever observed it"),
                  {QStringLiteral(R"(DELETE FROM status_transitions WHERE EXISTS (
    SELECT 1 FROM status_transitions o
    WHERE o.job_id = status_transitions.job_id
      AND COALESCE(o.from_status, '') = COALESCE(status_transitions.from_status, '')
      AND o.to_status = status_transitions.to_status
      AND COALESCE(o.last_modified_time, -1)
          = COALESCE(status_transitions.last_modified_time, -1)
      AND (o.observed_at < status_transitions.observed_at
           OR (o.observed_at = status_transitions.observed_at
               AND o.id < status_transitions.id))))"),
                   QStringLiteral("CREATE UNIQUE INDEX status_transitions_once ON "
                                  "status_transitions(job_id, COALESCE(from_status, ''), "
                                  "to_status, COALESCE(last_modified_time, -1))")}});
    // Bifrost's native batch API.
    // raw_native: the last body of the native retrieve (NULL when none); from_native: the
    // JobFields whose value came from it (ever_reported's format); profiles.providers: the
    // providers a profile watches, comma-separated lower-case tokens; job_results: the
    // ResultsSummary of a job (resultsjson, compact UTF-8 JSON), one row per job at most.
    steps.append({4,
                  QStringLiteral("native batch bodies, providers per profile, results summaries"),
                  {QStringLiteral("ALTER TABLE watched_jobs ADD COLUMN raw_native BLOB"),
                   QStringLiteral("ALTER TABLE watched_jobs ADD COLUMN from_native TEXT NOT NULL "
                                  "DEFAULT ''"),
                   QStringLiteral("ALTER TABLE profiles ADD COLUMN providers TEXT NOT NULL "
                                  "DEFAULT 'bedrock'"),
                   QStringLiteral(R"(CREATE TABLE job_results (
    job_id INTEGER PRIMARY KEY REFERENCES watched_jobs(id) ON DELETE CASCADE,
    fetched_at INTEGER,
    summary_json BLOB NOT NULL
))")}});
    steps.append(requestCeilingStep());
    steps.append(removalTombstoneStep(storeengine::Engine::Sqlite));
    steps.append(separateBodiesStep(storeengine::Engine::Sqlite));

    return steps;
}

// PostgreSQL's schema of version 4: what SQLite's steps 1-4 create, in PostgreSQL's types
// (identity columns, BIGINT milliseconds, BYTEA JSON). Column meanings: see buildMigrations().
QList<Migration> buildPostgresMigrations()
{
    const QString identity = QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    return {{4,
             QStringLiteral("the shared store: profiles, watched jobs, history, results"),
             {QStringLiteral("CREATE TABLE batchwatch_schema (application_id INTEGER NOT NULL,"
                             " version INTEGER NOT NULL)"),
              QStringLiteral("INSERT INTO batchwatch_schema VALUES (%1, 0)").arg(ApplicationId),
              QStringLiteral("CREATE TABLE profiles (seq %1, %2,"
                             " providers TEXT NOT NULL DEFAULT 'bedrock')")
                      .arg(identity, kProfileColumns),
              QStringLiteral(R"(CREATE TABLE watched_jobs (
    id %1,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    identifier TEXT NOT NULL,
    canonical_id TEXT NOT NULL DEFAULT '',
    status TEXT,
    job_arn TEXT,
    job_json BYTEA NOT NULL DEFAULT '{7d',
    raw_retrieve BYTEA,
    raw_list BYTEA,
    raw_native BYTEA,
    added_at BIGINT NOT NULL,
    fetched_at BIGINT,
    error_kind TEXT,
    error_http_status INTEGER NOT NULL DEFAULT 0,
    error_gateway_type TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT '',
    error_retry_after BIGINT,
    last_error_at BIGINT,
    not_found INTEGER NOT NULL DEFAULT 0,
    ever_reported TEXT NOT NULL DEFAULT '',
    from_native TEXT NOT NULL DEFAULT '',
    UNIQUE (profile_id, identifier)
))")
                      .arg(identity),
              QStringLiteral("CREATE INDEX watched_jobs_profile ON watched_jobs(profile_id)"),
              QStringLiteral("CREATE UNIQUE INDEX watched_jobs_canonical "
                             "ON watched_jobs(profile_id, canonical_id)"),
              QStringLiteral(R"(CREATE TABLE status_transitions (
    id %1,
    job_id BIGINT NOT NULL REFERENCES watched_jobs(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status TEXT NOT NULL,
    observed_at BIGINT NOT NULL,
    last_modified_time BIGINT
))")
                      .arg(identity),
              QStringLiteral("CREATE INDEX status_transitions_job "
                             "ON status_transitions(job_id, observed_at)"),
              QStringLiteral("CREATE UNIQUE INDEX status_transitions_once ON "
                             "status_transitions(job_id, COALESCE(from_status, ''), "
                             "to_status, COALESCE(last_modified_time, -1))"),
              QStringLiteral(R"(CREATE TABLE progress_samples (
    id %1,
    job_id BIGINT NOT NULL REFERENCES watched_jobs(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    total BIGINT NOT NULL,
    processed BIGINT NOT NULL,
    succeeded BIGINT NOT NULL,
    failed BIGINT NOT NULL
))")
                      .arg(identity),
              QStringLiteral("CREATE INDEX progress_samples_job ON progress_samples(job_id, at)"),
              QStringLiteral(R"(CREATE TABLE job_results (
    job_id BIGINT PRIMARY KEY REFERENCES watched_jobs(id) ON DELETE CASCADE,
    fetched_at BIGINT,
    summary_json BYTEA NOT NULL
))")}},
            requestCeilingStep(),
            removalTombstoneStep(storeengine::Engine::Postgres),
            separateBodiesStep(storeengine::Engine::Postgres)};
}

bool failWith(const QSqlQuery &q, QString *error)
{
    *error = q.lastError().text();
    return false;
}

// Version 1 keyed jobs on the identifier only, so one job could be watched twice (by id and by
// ARN). Each such group becomes its first row (its identifier, position and earliest addedAt);
// it takes the last-known state of the row fetched most recently, and every transition and
// sample of the group.
bool mergeJobsNamedTwice(QSqlDatabase &db, QString *error)
{
    struct Row
    {
        qint64 id = 0;
        qint64 fetchedAt = -1;
    };
    QHash<QPair<QString, QString>, QList<Row>> groups;
    QList<QPair<QString, QString>> order;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, profile_id, identifier, fetched_at FROM "
                                   "watched_jobs ORDER BY id")))
            return failWith(q, error);
        while (q.next()) {
            const QPair<QString, QString> group{q.value(1).toString(),
                                                jobKeyOf(q.value(2).toString())};
            auto it = groups.find(group);
            if (it == groups.end()) {
                it = groups.insert(group, {});
                order.append(group);
            }
            it->append(
                    {q.value(0).toLongLong(), q.value(3).isNull() ? -1 : q.value(3).toLongLong()});
        }
    }

    QSqlQuery setKey(db);
    if (!setKey.prepare(QStringLiteral("UPDATE watched_jobs SET canonical_id = ? WHERE id = ?")))
        return failWith(setKey, error);
    for (const auto &group : std::as_const(order)) {
        const QList<Row> &rows = groups[group];
        const qint64 keeper = rows.constFirst().id;
        setKey.bindValue(0, group.second);
        setKey.bindValue(1, keeper);
        if (!setKey.exec())
            return failWith(setKey, error);
        if (rows.size() == 1)
            continue;
        const auto newest
                = std::max_element(rows.cbegin(), rows.cend(), [](const Row &a, const Row &b) {
                      return a.fetchedAt < b.fetchedAt;
                  });
        const QString others = [&] {
            QStringList ids;
            for (const Row &r : rows.mid(1))
                ids.append(QString::number(r.id));
            return ids.join(u',');
        }();
        QStringList statements;
        if (newest->id != keeper) {
            statements.append(
                    QStringLiteral(
                            "UPDATE watched_jobs SET (status, job_arn, job_json, raw_retrieve, "
                            "raw_list,"
                            " fetched_at, error_kind, error_http_status, error_gateway_type,"
                            " error_message, error_retry_after, last_error_at, not_found, "
                            "ever_reported)"
                            " = (SELECT n.status, n.job_arn, n.job_json,"
                            " COALESCE(n.raw_retrieve, watched_jobs.raw_retrieve),"
                            " COALESCE(n.raw_list, watched_jobs.raw_list), n.fetched_at, "
                            "n.error_kind,"
                            " n.error_http_status, n.error_gateway_type, n.error_message,"
                            " n.error_retry_after, n.last_error_at, n.not_found, n.ever_reported"
                            " FROM watched_jobs n WHERE n.id = %1) WHERE id = %2")
                            .arg(newest->id)
                            .arg(keeper));
        }
        // Raw bodies only one of them had, and the earliest time any was added.
        statements.append(
                QStringLiteral(
                        "UPDATE watched_jobs SET"
                        " raw_retrieve = COALESCE(raw_retrieve, (SELECT raw_retrieve FROM "
                        "watched_jobs o"
                        " WHERE o.id IN (%1) AND o.raw_retrieve IS NOT NULL ORDER BY o.fetched_at "
                        "DESC"
                        " LIMIT 1)),"
                        " raw_list = COALESCE(raw_list, (SELECT raw_list FROM watched_jobs o"
                        " WHERE o.id IN (%1) AND o.raw_list IS NOT NULL ORDER BY o.fetched_at DESC"
                        " LIMIT 1)),"
                        " added_at = MIN(added_at, (SELECT MIN(added_at) FROM watched_jobs o"
                        " WHERE o.id IN (%1)))"
                        " WHERE id = %2")
                        .arg(others)
                        .arg(keeper));
        statements.append(
                QStringLiteral("UPDATE status_transitions SET job_id = %2 WHERE job_id IN (%1)")
                        .arg(others)
                        .arg(keeper));
        statements.append(
                QStringLiteral("UPDATE progress_samples SET job_id = %2 WHERE job_id IN (%1)")
                        .arg(others)
                        .arg(keeper));
        statements.append(QStringLiteral("DELETE FROM watched_jobs WHERE id IN (%1)").arg(others));
        for (const QString &sql : std::as_const(statements)) {
            if (!execOne(db, sql, error))
                return false;
        }
    }
    return execOne(db,
                   QStringLiteral("CREATE UNIQUE INDEX watched_jobs_canonical "
                                  "ON watched_jobs(profile_id, canonical_id)"),
                   error);
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

const QList<Migration> &migrations(storeengine::Engine engine)
{
    static const QList<Migration> sqlite = buildMigrations();
    static const QList<Migration> postgres = buildPostgresMigrations();
    return engine == storeengine::Engine::Postgres ? postgres : sqlite;
}

int currentVersion()
{
    return migrations().constLast().toVersion;
}

namespace {

// The first column of the first row of `sql`, or nullopt with *error set.
std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        *error = q.lastError().text();
        if (error->isEmpty())
            *error = QStringLiteral("no result");
        return std::nullopt;
    }
    return q.value(0);
}

bool hasSchemaTable(QSqlDatabase &db, QString *error, bool *has)
{
    const auto v = scalar(db, QStringLiteral("SELECT to_regclass('batchwatch_schema') IS NOT NULL"),
                          error);
    if (v)
        *has = v->toBool();
    return v.has_value();
}

// The version again, inside the migration's transaction: on PostgreSQL the schema row is locked
// (FOR UPDATE) until the transaction ends; SQLite's BEGIN IMMEDIATE already holds the write lock.
int versionInTransaction(QSqlDatabase &db, QString *error)
{
    if (storeengine::engineOf(db) != storeengine::Engine::Postgres)
        return readUserVersion(db, error);
    bool has = false;
    if (!hasSchemaTable(db, error, &has))
        return -1;
    if (!has)
        return 0;
    const auto v
            = scalar(db, QStringLiteral("SELECT version FROM batchwatch_schema FOR UPDATE"), error);
    return v ? v->toInt() : -1;
}

} // namespace

int readUserVersion(QSqlDatabase &db, QString *error)
{
    if (storeengine::engineOf(db) == storeengine::Engine::Postgres) {
        bool has = false;
        if (!hasSchemaTable(db, error, &has))
            return -1;
        if (!has)
            return 0;
        const auto v = scalar(db, QStringLiteral("SELECT version FROM batchwatch_schema"), error);
        return v ? v->toInt() : -1;
    }
    const auto v = scalar(db, QStringLiteral("PRAGMA user_version"), error);
    return v ? v->toInt() : -1;
}

std::optional<Inspection> inspect(QSqlDatabase &db, QString *error)
{
    Inspection out;
    const bool postgres = storeengine::engineOf(db) == storeengine::Engine::Postgres;
    if (!postgres) {
        // One statement, one snapshot: another process creating the store at this moment is
        // seen before or after its migration, never half-way (three reads could see its
        // tables but not yet its application id, and call the store someone else's).
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT (SELECT user_version FROM pragma_user_version),"
                                   " (SELECT application_id FROM pragma_application_id),"
                                   " (SELECT COUNT(*) FROM sqlite_master)"))
            || !q.next()) {
            *error = q.lastError().text();
            if (error->isEmpty())
                *error = QStringLiteral("no result");
            return std::nullopt;
        }
        out.version = q.value(0).toInt();
        out.applicationId = q.value(1).toInt();
        out.tables = q.value(2).toInt();
        return out;
    }
    out.version = readUserVersion(db, error);
    if (out.version < 0)
        return std::nullopt;
    std::optional<QVariant> v;
    bool hasTable = false;
    if (!postgres)
        v = scalar(db, QStringLiteral("PRAGMA application_id"), error);
    else if (!hasSchemaTable(db, error, &hasTable))
        return std::nullopt;
    else
        v = hasTable ? scalar(db, QStringLiteral("SELECT application_id FROM batchwatch_schema"),
                              error)
                     : QVariant(0);
    if (!v)
        return std::nullopt;
    out.applicationId = v->toInt();
    v = scalar(db,
               postgres ? QStringLiteral("SELECT COUNT(*) FROM information_schema.tables"
                                         " WHERE table_schema = current_schema()")
                        : QStringLiteral("SELECT COUNT(*) FROM sqlite_master"),
               error);
    if (!v)
        return std::nullopt;
    out.tables = v->toInt();
    return out;
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
        const storeengine::Engine engine = storeengine::engineOf(db);
        if (!execOne(db, storeengine::beginWrite(engine), &why)) {
            *error = QStringLiteral("could not start schema migration to version %1: %2")
                             .arg(step.toVersion)
                             .arg(why);
            return false;
        }
        // A team upgrading one shared store at once, or two processes opening a new store at
        // once: another may have made this step since `current` was read. Read the version
        // again under the lock and skip what is made. Before the first step there is no schema
        // row to lock on PostgreSQL: a transaction-scoped advisory lock stands in for it.
        if (step.toVersion == 1 && engine == storeengine::Engine::Postgres
            && !execOne(
                    db,
                    QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('batchwatch schema'))"),
                    &why)) {
            QString ignored;
            execOne(db, QStringLiteral("ROLLBACK"), &ignored);
            *error = QStringLiteral("could not lock the schema before migrating to version 1: %1")
                             .arg(why);
            return false;
        }
        {
            const int now = versionInTransaction(db, &why);
            if (now < 0 || now >= step.toVersion) {
                QString ignored;
                execOne(db, QStringLiteral("ROLLBACK"), &ignored);
                if (now >= step.toVersion)
                    continue;
                *error = QStringLiteral("could not read the schema version before migrating to "
                                        "version %1: %2")
                                 .arg(step.toVersion)
                                 .arg(why);
                return false;
            }
        }
        bool ok = true;
        for (const QString &sql : step.statements) {
            if (!execOne(db, sql, &why)) {
                ok = false;
                break;
            }
        }
        // PRAGMA user_version is written to the file header inside the same transaction.
        if (ok && step.transform)
            ok = step.transform(db, &why);
        if (ok)
            ok = execOne(db,
                         (engine == storeengine::Engine::Postgres
                                  ? QStringLiteral("UPDATE batchwatch_schema SET version = %1")
                                  : QStringLiteral("PRAGMA user_version = %1"))
                                 .arg(step.toVersion),
                         &why);
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
