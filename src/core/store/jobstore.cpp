#include "store/jobstore.h"

#include "common/logging.h"
#include "domain/jobkey.h"
#include "store/resultsjson.h"
#include "store/samplethinning.h"
#include "store/sqlitestatement.h"
#include "store/storeengine.h"
#include "store/storeschema.h"
#include "wire/jobcodec.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace bw {

namespace {

QAtomicInteger<quint64> g_connectionSerial;

const QString kMemoryDatabase = QStringLiteral(":memory:");

// --- value <-> column conversions ------------------------------------------------------------

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant nullInteger()
{
    return QVariant(QMetaType::fromType<qint64>());
}

// Qt's SQLite driver binds a null QString as SQL NULL; where NULL means "absent", an empty but
// present value must stay ''.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : nullInteger();
}

QDateTime timeFrom(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// JSON is kept as UTF-8 in BLOB columns, so that it is written and read without converting to
// and from UTF-16 (it matters when 10,000 jobs load at start-up).
QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// An empty body means "no body yet" (WatchedJob) and is stored as NULL. A body read from the
// store is written back as the text it was read from.
QVariant rawBodyValue(const RawBody &body)
{
    return body.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                          : QVariant(body.toJsonText());
}

// A raw body column (BLOB or TEXT, NULL: none). Unreadable text is no body: the merged job is
// what the views show. Read lazily (RawBody): most bodies are never looked at.
RawBody rawBodyFrom(const QVariant &v)
{
    if (v.isNull())
        return {};
    return RawBody::fromJsonText(v.toByteArray());
}

// Accepts BLOB and TEXT alike (a row edited by hand may hold text).
std::optional<QJsonObject> objectFrom(const QVariant &v)
{
    if (v.isNull())
        return QJsonObject();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(v.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString fieldsText(const JobFields &fields)
{
    QStringList names;
    for (JobField f : fields.toList())
        names.append(jobFieldName(f));
    return names.join(u',');
}

JobFields fieldsFrom(const QString &text)
{
    JobFields fields;
    for (const QStringView name : QStringView(text).split(u',', Qt::SkipEmptyParts)) {
        if (const auto f = jobFieldFromName(name))
            fields.set(*f);
    }
    return fields;
}

GatewayError::Kind errorKindFrom(const QString &name)
{
    using Kind = GatewayError::Kind;
    constexpr std::array kinds{Kind::Network, Kind::Timeout,  Kind::Tls,      Kind::Http,
                               Kind::BadBody, Kind::TooLarge, Kind::Redirect, Kind::Cancelled};
    for (Kind k : kinds) {
        if (GatewayError::kindName(k) == name)
            return k;
    }
    return Kind::Network;
}

QVariant statusValue(const std::optional<Status> &status)
{
    return status ? QVariant(nonNull(status->raw())) : nullText();
}

std::optional<Status> statusFrom(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return Status::fromString(v.toString());
}

QUrl urlFrom(const QString &text)
{
    return text.isEmpty() ? QUrl() : QUrl::fromEncoded(text.toUtf8());
}

QString sqlError(const QSqlQuery &q)
{
    const QString text = q.lastError().text().trimmed();
    return text.isEmpty() ? QStringLiteral("unknown database error") : text;
}

// Executes a prepared query. PostgreSQL text cannot hold U+0000 (QPSQL would even cut the
// statement there): on PostgreSQL a bound text's NUL characters are stored as U+FFFD. JSON
// columns are unaffected (JSON escapes them).
bool run(QSqlQuery &q)
{
    if (!q.driver() || q.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return q.exec();
    const QVariantList values = q.boundValues();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        if (v.typeId() == QMetaType::QString && !v.isNull() && v.toString().contains(QChar(u'\0')))
            q.bindValue(int(i), v.toString().replace(QChar(u'\0'), QChar(0xFFFD)));
    }
    return q.exec();
}

// The name of bound value `i` of a statement written with named placeholders (":v0", ":v1", …;
// see placeholders()). Qt 6.4's positional QSqlQuery::bindValue makes this name with
// QString::arg on every call (QSqlResultPrivate::fieldSerial); bound by a name made once, a
// value costs a hash lookup.
const QString &placeholder(int i)
{
    static const QStringList names = [] {
        QStringList out;
        for (int n = 0; n < 1000; ++n)
            out.append(QStringLiteral(":v%1").arg(n));
        return out;
    }();
    return names.at(i);
}

// "(:vF, :vF+1, …)" for `count` values from `first` on.
QString placeholders(int first, int count)
{
    QString out = QStringLiteral("(");
    for (int i = first; i < first + count; ++i) {
        if (i > first)
            out += QStringLiteral(", ");
        out += placeholder(i);
    }
    return out + u')';
}

QString jobLabel(const QString &profileId, const QString &identifier)
{
    return QStringLiteral("\"%1\" (profile \"%2\")").arg(identifier, profileId);
}

// "1 job", "3 jobs": a count of jobs as a message shows it.
QString jobCount(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 job") : QStringLiteral("%1 jobs").arg(count);
}

// A 64-bit hash of `n` bytes, seeded, for digestOf(): four 64-bit lanes of multiply-rotate
// rounds over 32-byte stripes, then the rest by 8 bytes and by byte, and a final avalanche (the
// construction of xxHash64). Several times faster than qHashBits (SipHash in Qt 6.4), which cost
// a refresh of 10,000 jobs ~25 ms in digests; not meant to resist an adversary who knows the
// seed (this process's random QHashSeed).
quint64 hash64(const char *p, size_t n, quint64 seed)
{
    constexpr quint64 k1 = 0x9E3779B185EBCA87ULL;
    constexpr quint64 k2 = 0xC2B2AE3D27D4EB4FULL;
    constexpr quint64 k3 = 0x165667B19E3779F9ULL;
    constexpr quint64 k4 = 0x85EBCA77C2B2AE63ULL;
    constexpr quint64 k5 = 0x27D4EB2F165667C5ULL;
    const auto rotl = [](quint64 x, int r) {
        return (x << r) | (x >> (64 - r));
    };
    const auto load = [](const char *at) {
        quint64 v;
        std::memcpy(&v, at, sizeof v);
        return v;
    };
    const auto round = [&](quint64 acc, quint64 input) {
        return rotl(acc + input * k2, 31) * k1;
    };
    const auto merge = [&](quint64 acc, quint64 lane) {
        return (acc ^ round(0, lane)) * k1 + k4;
    };
    const char *const end = p + n;
    quint64 h = 0;
    if (n >= 32) {
        quint64 a = seed + k1 + k2;
        quint64 b = seed + k2;
        quint64 c = seed;
        quint64 d = seed - k1;
        for (; end - p >= 32; p += 32) {
            a = round(a, load(p));
            b = round(b, load(p + 8));
            c = round(c, load(p + 16));
            d = round(d, load(p + 24));
        }
        h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18);
        h = merge(merge(merge(merge(h, a), b), c), d);
    } else {
        h = seed + k5;
    }
    h += quint64(n);
    for (; end - p >= 8; p += 8)
        h = rotl(h ^ round(0, load(p)), 27) * k1 + k4;
    for (; p != end; ++p)
        h = rotl(h ^ (quint64(static_cast<unsigned char>(*p)) * k5), 11) * k1;
    h ^= h >> 33;
    h *= k2;
    h ^= h >> 29;
    h *= k3;
    h ^= h >> 32;
    return h;
}

// A digest of `bytes`: hash64 with this process's random seed, and the length. Never zero.
storedetail::Digest digestOf(QByteArrayView bytes)
{
    storedetail::Digest d{hash64(bytes.data(), size_t(bytes.size()), QHashSeed::globalSeed()),
                          quint64(bytes.size())};
    if (!d.isKnown())
        d.a = 1;
    return d;
}

// --- the write side ------------------------------------------------------------------------------

// The first key of the advisory lock a PostgreSQL write takes on a profile's watch list ("bw"
// and 1; the poller lease uses single 64-bit keys, another key space).
constexpr int kWatchListLockClass = 0x62770001;
// How long a SQLite statement waits for another process's lock before "database is locked".
constexpr int kBusyTimeoutMs = 5000;
// SQLite's page size for a new file (its default is 4,096). A refresh rewrites every row of
// its changed jobs and SQLite writes each page it changed to the WAL as one frame (two
// writes: a 24-byte header, the page); with 16 KiB pages a 10,000-job refresh writes a quarter
// of the frames: 164 -> 143 ms on the store thread and its checkpoint 36 -> 21 ms
// (bench_refresh, all changed; 10 % changed, one row in ten, costs 91 -> 115 ms with its
// checkpoint: each changed row dirties a page four times the size). Files made before keep
// their pages until closed alone (JobStore::adoptPageSize).
constexpr int kPageSize = 16384;

// One write transaction with its prepared statements. Rolls back unless committed.
class Writer
{
public:
    using Written = QHash<QString, storedetail::WrittenJob>;
    // A job's fetched_at left unwritten (JobStore::m_unwrittenFetched), or written (nullopt).
    struct FetchedTime
    {
        QString key; // memo key
        std::optional<qint64> at;
    };

    // `written`: what earlier transactions wrote (see JobStore::m_written); null: write all.
    // This transaction's saves update it in place; a rollback forgets all of it.
    // `samples`: SQLite only, what earlier transactions know of each job's samples (see
    // JobStore::m_samples); begin() checks it is still true, commit() updates it.
    // `unwritten`: SQLite, fetched_at times JobStore holds unwritten (JobStore::
    // m_unwrittenFetched); given, a job whose row changed in nothing but fetched_at is not
    // written (fetchedTimes() says which, for the JobStore to hold them).
    explicit Writer(const QSqlDatabase &db, Written *written = nullptr,
                    storedetail::SampleCache *samples = nullptr,
                    const QHash<QString, qint64> *unwritten = nullptr)
        : m_db(db)
        , m_sqlite(SqliteStatement::handleOf(db))
        , m_unwritten(m_sqlite && samples ? unwritten : nullptr)
        , m_written(written)
        , m_samples(samples)
    {}
    ~Writer()
    {
        if (m_inTransaction)
            rollback();
    }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    const QString &error() const { return m_error; }
    bool isPostgres() const { return storeengine::engineOf(m_db) == storeengine::Engine::Postgres; }
    // The fetched_at times this transaction left unwritten (at) or wrote (no at), in
    // order; for JobStore::m_unwrittenFetched once committed.
    const QList<FetchedTime> &fetchedTimes() const { return m_fetchedTimes; }

    bool begin()
    {
        QSqlQuery q(m_db);
        // SQLite: IMMEDIATE takes the write lock now (waiting up to busy_timeout) rather than
        // failing half-way when another connection writes.
        if (!q.exec(storeengine::beginWrite(storeengine::engineOf(m_db))))
            return setError(QStringLiteral("could not start a transaction"), q);
        m_inTransaction = true;
        if (m_samples) {
            // The known samples hold while no other connection committed (data_version) and
            // this one wrote nothing else since (total_changes: removed jobs, pruned history).
            const std::optional<std::pair<qint64, qint64>> now = fileVersion();
            if (!now || now->first != m_samples->dataVersion || now->second != m_samples->changes) {
                m_samples->jobs.clear();
                ++m_samples->epoch; // and what the memo knows of rows
            }
        }
        return true;
    }

    bool commit()
    {
        m_statements.fill(std::nullopt); // finish every statement before COMMIT
        dropSqliteStatements();
        m_batchStatements.clear();
        m_bodyStatements.clear();
        m_transitionStatements.clear();
        m_sampleStatements.clear();
        QSqlQuery q(m_db);
        if (m_samples) {
            const std::optional<std::pair<qint64, qint64>> now = fileVersion();
            if (now) {
                for (auto it = m_pendingSamples.cbegin(); it != m_pendingSamples.cend(); ++it) {
                    if (it.value())
                        m_samples->jobs.insert(it.key(), *it.value());
                    else
                        m_samples->jobs.remove(it.key());
                }
                m_samples->dataVersion = now->first;
                m_samples->changes = now->second;
            } else {
                m_samples->jobs.clear();
                m_samples->dataVersion = m_samples->changes = -1;
                ++m_samples->epoch;
            }
        }
        if (!q.exec(QStringLiteral("COMMIT"))) {
            if (m_samples) {
                m_samples->jobs.clear();
                ++m_samples->epoch;
            }
            return setError(QStringLiteral("could not commit"), q);
        }
        m_inTransaction = false;
        m_rememberedAny = false; // what it remembered holds
        return true;
    }

    // SQLite: PRAGMA data_version (changes when another connection commits) and
    // total_changes() (rows this connection changed); nullopt when unreadable.
    std::optional<std::pair<qint64, qint64>> fileVersion()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
            return std::nullopt;
        const qint64 version = q.value(0).toLongLong();
        q.finish();
        if (!q.exec(QStringLiteral("SELECT total_changes()")) || !q.next())
            return std::nullopt;
        return std::pair{version, q.value(0).toLongLong()};
    }

    void rollback()
    {
        m_statements.fill(std::nullopt);
        dropSqliteStatements();
        m_batchStatements.clear();
        m_bodyStatements.clear();
        m_transitionStatements.clear();
        m_sampleStatements.clear();
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcStore) << "rollback failed:" << sqlError(q);
        m_inTransaction = false;
        forgetWritten();
    }

    bool requireProfile(const QString &profileId)
    {
        if (m_knownProfiles.contains(profileId))
            return true;
        QSqlQuery *q = statement(Stmt::ProfileExists);
        if (!q)
            return false;
        q->bindValue(0, profileId);
        if (!run(*q))
            return setError(QStringLiteral("could not look up profile \"%1\"").arg(profileId), *q);
        const bool found = q->next();
        q->finish();
        if (!found)
            return setError(QStringLiteral("there is no profile \"%1\"").arg(profileId));
        m_knownProfiles.insert(profileId);
        return true;
    }

    // Serialises this transaction with every other one that changes the profile's watch list
    // (addWatched, removeWatched, a save that might create a row) and reads the profile's
    // tombstones (schema 6 removed_jobs), once per transaction. SQLite's write transaction
    // already holds the file's lock; PostgreSQL takes a transaction-scoped advisory lock on
    // the profile, so a removal committed while a save runs is seen by that save.
    bool guardWatchList(const QString &profileId)
    {
        if (m_removed.contains(profileId))
            return true;
        if (isPostgres()
            && !exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1, hashtext(?))")
                             .arg(kWatchListLockClass),
                     {profileId}, QStringLiteral("could not lock the watch list")))
            return false;
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(
                    QStringLiteral("SELECT canonical_id FROM removed_jobs WHERE profile_id = ?")))
            return setError(QStringLiteral("could not read removed jobs"), q);
        q.bindValue(0, profileId);
        if (!run(q))
            return setError(QStringLiteral("could not read removed jobs"), q);
        QSet<QString> removed;
        while (q.next())
            removed.insert(q.value(0).toString());
        m_removed.insert(profileId, std::move(removed));
        m_lastRemoved = nullptr; // the insert may have moved the sets (removedOf)
        return true;
    }

    // requireProfile() and guardWatchList() of the profile: its tombstoned job keys, or null
    // (error() set). Looked up once for a run of jobs of one profile (a refresh's).
    const QSet<QString> *removedOf(const QString &profileId)
    {
        if (m_lastRemoved && profileId == m_lastProfile)
            return m_lastRemoved;
        if (!requireProfile(profileId) || !guardWatchList(profileId))
            return nullptr;
        m_lastProfile = profileId;
        m_lastRemoved = &*m_removed.constFind(profileId); // until the next insert
        return m_lastRemoved;
    }

    // WrittenJob::fetchedAt of a NULL fetched_at.
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    // What saveJob() returns for a job removed from the watch list (a tombstone): nothing was
    // written, and nothing of its history may be.
    static constexpr qint64 NotWatched = 0;

    // `retrieveText`: w.rawRetrieve as received (JobUpdate::rawRetrieveText), or empty.
    // NotWatched when the job was removed (only addWatched watches it again).
    std::optional<qint64> saveJob(const WatchedJob &w, const QByteArray &retrieveText = {})
    {
        if (w.profileId.isEmpty() || w.identifier.isEmpty()) {
            setError(QStringLiteral("a watched job needs a profile id and an identifier"));
            return std::nullopt;
        }
        const QSet<QString> *removed = removedOf(w.profileId);
        if (!removed)
            return std::nullopt;
        const QString canonical = jobKeyOf(w.identifier);
        if (removed->contains(canonical))
            return NotWatched;
        QString memoKey = w.profileId + u'\n' + canonical;
        storedetail::WrittenJob *before = writtenBefore(memoKey);
        storedetail::WrittenJob after = writtenBodiesOf(w);
        if (!retrieveText.isEmpty() && !w.rawRetrieve.isEmpty())
            after.retrieveText = digestOf(retrieveText);
        const int keep = keepFlags(w, before, after.retrieveText);
        if (after.retrieveText.isKnown())
            after.retrieve = RawBody(); // known by its digest: the object is not kept alive
        const QByteArray &json
                = m_sqlite ? jobJson(w.job) : (m_json = JobCodec::toJsonBytes(w.job));
        std::optional<BodyWrite> body;
        if (m_sqlite) {
            after.row = rowDigest(w, canonical, json, keep);
            after.fetchedAt = w.fetchedAt.isValid() ? w.fetchedAt.toMSecsSinceEpoch() : kNoTime;
            // The row as this store last wrote it, while no one else wrote since: written by
            // its id, without the key lookup of the upsert or its RETURNING row.
            if (before && m_samples && before->epoch == m_samples->epoch && before->id > 0
                && before->stored >= 0) {
                after.id = before->id;
                after.epoch = m_samples->epoch;
                const BodyWrite known{before->id, &w, &retrieveText, keep, before->stored};
                const BodyPlan plan = bodyPlan(known);
                if (!plan.writes && before->row == after.row) {
                    after.stored = plan.storedAfter;
                    if (!saveFetchedTimeOnly(memoKey, before->fetchedAt, &after))
                        return std::nullopt;
                    const qint64 id = before->id;
                    remember(std::move(memoKey), std::move(after), before);
                    return id;
                }
                std::optional<bool> updated = updateKnownRow(w, json, keep, before->id);
                if (!updated)
                    return std::nullopt;
                if (*updated)
                    body = known;
            }
            if (!body) {
                SqliteStatement *q = sqliteJobStatement(keep);
                if (!q)
                    return std::nullopt;
                SqliteBinder sink{*q};
                jobValues(sink, w, canonical, json, keep);
                const SqliteStatement::Step step = q->step();
                if (step == SqliteStatement::Step::Row)
                    body = BodyWrite{q->int64(0), &w, &retrieveText, keep,
                                     q->isNull(3) ? 0 : int(q->int64(3))};
                if (step == SqliteStatement::Step::Error || !q->finish()) {
                    setError(QStringLiteral("could not save job %1: %2")
                                     .arg(jobLabel(w.profileId, w.identifier), q->error()));
                    return std::nullopt;
                }
                q->clearBindings(); // m_json is the next job's
                if (body && m_samples) {
                    after.id = body->id;
                    after.epoch = m_samples->epoch;
                }
            }
        } else {
            QSqlQuery *q = jobStatement(keep, 1);
            if (!q)
                return std::nullopt;
            int i = 0;
            bindJob(*q, i, w, canonical, json, keep);
            if (!run(*q)) {
                setError(QStringLiteral("could not save job %1")
                                 .arg(jobLabel(w.profileId, w.identifier)),
                         *q);
                return std::nullopt;
            }
            if (q->next())
                body = BodyWrite{q->value(0).toLongLong(), &w, &retrieveText, keep,
                                 q->value(3).isNull() ? 0 : q->value(3).toInt()};
            q->finish();
        }
        if (!body) {
            setError(QStringLiteral("saving job %1 returned no row")
                             .arg(jobLabel(w.profileId, w.identifier)));
            return std::nullopt;
        }
        if (!writeBodies({*body}))
            return std::nullopt;
        after.stored = bodyPlan(*body).storedAfter;
        wroteFetchedTime(memoKey);
        remember(std::move(memoKey), std::move(after), before);
        return body->id;
    }

    // A job whose row is as written but for fetched_at (`storedAt`, ms; kNoTime: NULL): leaves the
    // time unwritten when the JobStore holds such times (m_unwritten), else writes it alone.
    bool saveFetchedTimeOnly(const QString &memoKey, qint64 storedAt,
                             storedetail::WrittenJob *after)
    {
        if (after->fetchedAt == storedAt) {
            wroteFetchedTime(memoKey); // the stored time is the job's: nothing waits
            return true;
        }
        if (m_unwritten && after->fetchedAt != kNoTime && storedAt != kNoTime) {
            m_fetchedTimes.append({memoKey, after->fetchedAt});
            m_deferredHere = true;
            after->fetchedAt = storedAt; // what the row holds
            return true;
        }
        SqliteStatement *q = sqliteStatement(m_sqliteFetchedById, [] {
            return QStringLiteral("UPDATE watched_jobs SET fetched_at = ? WHERE id = ?");
        });
        if (!q)
            return false;
        if (after->fetchedAt != kNoTime)
            q->bindInt(0, after->fetchedAt);
        else
            q->bindNull(0);
        q->bindInt(1, after->id);
        if (!q->finish())
            return setError(QStringLiteral("could not save a job: %1").arg(q->error()));
        wroteFetchedTime(memoKey);
        return true;
    }

    // The job's fetched_at was written: a time held unwritten for it is not the newest any more.
    void wroteFetchedTime(const QString &memoKey)
    {
        if (m_unwritten && (m_deferredHere || m_unwritten->contains(memoKey)))
            m_fetchedTimes.append({memoKey, std::nullopt});
    }

    // Writes the row `id` as jobValues() says, but for its key (profile, identifier, canonical
    // id: as stored). True when it was there; false when not (written by the upsert then).
    std::optional<bool> updateKnownRow(const WatchedJob &w, const QByteArray &json, int keep,
                                       qint64 id)
    {
        const bool keepAddedAt = keep & KeepAddedAt;
        SqliteStatement *q = sqliteStatement(m_sqliteUpdate[keepAddedAt ? 1 : 0], [keepAddedAt] {
            return QStringLiteral(
                           "UPDATE watched_jobs SET status = ?, job_arn = ?, job_json = ?,%1"
                           " fetched_at = ?, error_kind = ?, error_http_status = ?,"
                           " error_gateway_type = ?, error_message = ?, error_retry_after = ?,"
                           " last_error_at = ?, not_found = ?, ever_reported = ?,"
                           " from_native = ? WHERE id = ?")
                    .arg(keepAddedAt ? QString() : QStringLiteral(" added_at = ?,"));
        });
        if (!q)
            return std::nullopt;
        UpdateBinder sink{*q, keepAddedAt};
        jobValues(sink, w, QString(), json, keep);
        q->bindInt(sink.i, id);
        if (!q->finish()) {
            setError(QStringLiteral("could not save job %1: %2")
                             .arg(jobLabel(w.profileId, w.identifier), q->error()));
            return std::nullopt;
        }
        q->clearBindings(); // m_json is the next job's
        return q->changes() == 1;
    }

    // JobCodec::toJsonBytes(job) in m_json, a buffer reused from job to job (still in the
    // cache: a new one per job cost more than writing it). Valid until the next call.
    const QByteArray &jobJson(const Job &job)
    {
        m_json.resize(0);
        if (!JobCodec::appendJsonBytes(m_json, job))
            m_json = JobCodec::toJsonBytes(job);
        return m_json;
    }

    // A digest of the values jobValues() gives but fetched_at (and a kept added_at, which is
    // not written): equal digests, equal rows but for fetched_at.
    storedetail::Digest rowDigest(const WatchedJob &w, const QString &canonical,
                                  const QByteArray &json, int keep)
    {
        DigestSink sink{m_rowBytes, bool(keep & KeepAddedAt)};
        jobValues(sink, w, canonical, json, keep);
        return digestOf(QByteArrayView(m_rowBytes.constData(), sink.used));
    }

    // One job of a batch for saveJobBatch(): the job and its retrieve body as received (or null).
    struct JobRef
    {
        const WatchedJob *job = nullptr;
        const QByteArray *retrieveText = nullptr;
    };

    // Saves every job of `jobs` (no job twice) with one multi-row upsert per group of jobs
    // whose added_at is kept alike, up to kBatchRows rows a statement, rather than one
    // statement per job, then the bodies that changed (writeBodies); *ids gets each job's row
    // id, in the order of `jobs`. What is written is what saveJob() writes for each job alone.
    bool saveJobBatch(const QList<JobRef> &jobs, QList<qint64> *ids)
    {
        struct Row
        {
            QString canonical;
            QString memoKey;
            QByteArray json;
            int keep = 0;         // KeepRetrieve | KeepList | KeepAddedAt | KeepNative
            bool removed = false; // tombstoned: nothing is written (NotWatched, as saveJob)
            bool known = false;   // this store wrote the job before
        };
        ids->fill(-1, jobs.size());
        QList<Row> rows(jobs.size());
        std::array<QList<qsizetype>, 2> byKeep; // row indices by whether added_at is kept
        bool anyUnknown = false;                // a job this store has not written: maybe a new row
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            const WatchedJob &w = *jobs.at(i).job;
            if (w.profileId.isEmpty() || w.identifier.isEmpty()) {
                setError(QStringLiteral("a watched job needs a profile id and an identifier"));
                attributeError(jobLabel(w.profileId, w.identifier));
                return false;
            }
            if (!requireProfile(w.profileId) || !guardWatchList(w.profileId)) {
                attributeError(jobLabel(w.profileId, w.identifier));
                return false;
            }
            Row &r = rows[i];
            r.canonical = jobKeyOf(w.identifier);
            if (m_removed.value(w.profileId).contains(r.canonical)) {
                r.removed = true;
                (*ids)[i] = NotWatched;
                continue;
            }
            r.memoKey = w.profileId + u'\n' + r.canonical;
            const storedetail::WrittenJob *before = writtenBefore(r.memoKey);
            r.json = JobCodec::toJsonBytes(w.job);
            r.keep = keepFlags(w, before, {});
            byKeep[(r.keep & KeepAddedAt) ? 1 : 0].append(i);
            anyUnknown = anyUnknown || !before;
        }
        // Each group is one statement per kBatchRows rows. Grouped by what they keep, rows are
        // written out of order; a new row's id must follow the order of `jobs` (jobs load in
        // the order of their ids), so a slice with jobs this store has not written yet is
        // grouped in runs of consecutive rows instead.
        QList<QList<qsizetype>> groups;
        if (anyUnknown) {
            for (qsizetype i = 0; i < jobs.size(); ++i) {
                if (rows.at(i).removed)
                    continue;
                if (groups.isEmpty()
                    || (rows.at(groups.constLast().constFirst()).keep & KeepAddedAt)
                               != (rows.at(i).keep & KeepAddedAt))
                    groups.append(QList<qsizetype>());
                groups.last().append(i);
            }
        } else {
            for (QList<qsizetype> &group : byKeep) {
                if (!group.isEmpty())
                    groups.append(std::move(group));
            }
        }

        QHash<QString, qsizetype> rowOfKey;
        rowOfKey.reserve(jobs.size());
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            if (!rows.at(i).removed)
                rowOfKey.insert(rows.at(i).memoKey, i);
        }
        QList<BodyWrite> bodies;
        bodies.reserve(jobs.size());
        for (const QList<qsizetype> &group : std::as_const(groups)) {
            const int keep = rows.at(group.constFirst()).keep & KeepAddedAt;
            for (qsizetype from = 0; from < group.size(); from += kBatchRows) {
                const qsizetype n = std::min<qsizetype>(kBatchRows, group.size() - from);
                QSqlQuery *q = jobStatement(keep, int(n));
                if (!q)
                    return false;
                int b = 0;
                for (qsizetype k = from; k < from + n; ++k) {
                    const qsizetype i = group.at(k);
                    bindJob(*q, b, *jobs.at(i).job, rows.at(i).canonical, rows.at(i).json, keep);
                }
                if (!run(*q))
                    return setError(QStringLiteral("could not save %1").arg(jobCount(n)), *q);
                qsizetype returned = 0;
                while (q->next()) {
                    const auto it = rowOfKey.constFind(q->value(1).toString() + u'\n'
                                                       + q->value(2).toString());
                    if (it == rowOfKey.constEnd())
                        continue;
                    const qsizetype i = *it;
                    ++returned;
                    (*ids)[i] = q->value(0).toLongLong();
                    bodies.append({(*ids)[i], jobs.at(i).job, jobs.at(i).retrieveText,
                                   rows.at(i).keep,
                                   q->value(3).isNull() ? 0 : q->value(3).toInt()});
                }
                q->finish();
                if (returned != n)
                    return setError(QStringLiteral("saving %1 returned %2 rows")
                                            .arg(jobCount(n))
                                            .arg(returned));
            }
        }
        if (!writeBodies(bodies))
            return false;
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            if (rows.at(i).removed)
                continue;
            const WatchedJob &w = *jobs.at(i).job;
            QString key = rows.at(i).memoKey;
            remember(std::move(key), writtenBodiesOf(w), writtenBefore(key));
        }
        return true;
    }

    // What of a stored job an upsert keeps rather than writes: a raw body (job_bodies) equal to
    // the one this store last wrote, or added_at.
    enum Keep { KeepRetrieve = 1, KeepList = 2, KeepAddedAt = 4, KeepNative = 8 };
    // Which bodies job_bodies holds (not NULL), as the job's upsert returns them.
    enum Stored { StoredRetrieve = 1, StoredList = 2, StoredNative = 4 };

    // A job's row was written (id); its bodies are to be written unless kept.
    struct BodyWrite
    {
        qint64 id = 0;
        const WatchedJob *job = nullptr;
        const QByteArray *retrieveText = nullptr; // as received, or null / empty
        int keep = 0;                             // Keep flags the job was saved with
        int stored = 0;                           // Stored flags: which bodies the row held before
    };

    // The memo of a job written now: its bodies (the rest is filled in by saveJob).
    static storedetail::WrittenJob writtenBodiesOf(const WatchedJob &w)
    {
        storedetail::WrittenJob written;
        written.retrieve = w.rawRetrieve;
        written.list = w.rawList;
        written.native = w.rawNative;
        return written;
    }

    // What this store last wrote of the job's bodies (this transaction first), or null.
    // Valid until remember() adds a job.
    storedetail::WrittenJob *writtenBefore(const QString &memoKey)
    {
        if (m_written) {
            if (const auto known = m_written->find(memoKey); known != m_written->end())
                return &*known;
        }
        return nullptr;
    }

    // Records what this transaction wrote of the job (`slot`: its writtenBefore(), or null), in
    // JobStore::m_written at once. A rollback forgets all of m_written (forgetWritten()): what
    // it would say is not what the file holds, and a failed write is rare.
    void remember(QString &&memoKey, storedetail::WrittenJob &&after, storedetail::WrittenJob *slot)
    {
        if (!m_written)
            return;
        m_rememberedAny = true;
        if (slot)
            *slot = std::move(after);
        else
            m_written->emplace(std::move(memoKey), std::move(after));
    }

    void forgetWritten()
    {
        if (m_rememberedAny)
            m_written->clear();
        m_rememberedAny = false;
    }

    // A body is kept when it is what this store last wrote; added_at when the job has none.
    // `retrieveText`: the digest of the retrieve text as received, when there is one: the same
    // text as written is the same body without comparing objects.
    static int keepFlags(const WatchedJob &w, const storedetail::WrittenJob *before,
                         const storedetail::Digest &retrieveText)
    {
        int keep = 0;
        // Written from its text, the body is known by the text's digest alone (saveJob).
        if (before
            && (before->retrieveText.isKnown() ? retrieveText == before->retrieveText
                                               : before->retrieve.isSameAs(w.rawRetrieve)))
            keep |= KeepRetrieve;
        if (before && before->list.isSameAs(w.rawList))
            keep |= KeepList;
        if (!w.addedAt.isValid())
            keep |= KeepAddedAt;
        if (before && before->native.isSameAs(w.rawNative))
            keep |= KeepNative;
        return keep;
    }

    // Writes the bodies of each job that are not kept, in one upsert of job_bodies per job on
    // SQLite (a statement costs no round trip there) and one per kBodyRows jobs on PostgreSQL.
    // A job whose bodies are all kept, or that has none and had none, writes nothing. A kept
    // body that is not stored (the row was made anew: the job was removed and added again by
    // another process meanwhile) is written after all.
    // What writeBodies() does for one job: which bodies it keeps, whether it writes a row, and
    // which bodies job_bodies holds afterwards (Stored flags).
    struct BodyPlan
    {
        int keep = 0;
        bool writes = false;
        int storedAfter = 0;
    };
    static BodyPlan bodyPlan(const BodyWrite &b)
    {
        const WatchedJob &w = *b.job;
        BodyPlan plan;
        int keep = b.keep & (KeepRetrieve | KeepList | KeepNative);
        if (((keep & KeepRetrieve) && !w.rawRetrieve.isEmpty() && !(b.stored & StoredRetrieve))
            || ((keep & KeepList) && !w.rawList.isEmpty() && !(b.stored & StoredList))
            || ((keep & KeepNative) && !w.rawNative.isEmpty() && !(b.stored & StoredNative)))
            keep = 0; // lost: write all
        plan.keep = keep;
        plan.writes = (!(keep & KeepRetrieve)
                       && (!w.rawRetrieve.isEmpty() || (b.stored & StoredRetrieve)))
                      || (!(keep & KeepList) && (!w.rawList.isEmpty() || (b.stored & StoredList)))
                      || (!(keep & KeepNative)
                          && (!w.rawNative.isEmpty() || (b.stored & StoredNative)));
        const auto after = [&](int kept, int stored, const RawBody &body) {
            return (keep & kept) ? (b.stored & stored) : (body.isEmpty() ? 0 : stored);
        };
        plan.storedAfter = after(KeepRetrieve, StoredRetrieve, w.rawRetrieve)
                           | after(KeepList, StoredList, w.rawList)
                           | after(KeepNative, StoredNative, w.rawNative);
        return plan;
    }

    bool writeBodies(const QList<BodyWrite> &writes)
    {
        std::array<QList<const BodyWrite *>, 8> byKeep; // by which bodies are kept (bodyGroup)
        for (const BodyWrite &b : writes) {
            const BodyPlan plan = bodyPlan(b);
            if (!plan.writes)
                continue;
            byKeep[bodyGroup(plan.keep)].append(&b);
        }
        const int rowsPerStatement = isPostgres() ? kBodyRows : 1;
        for (size_t g = 0; g < byKeep.size(); ++g) {
            const QList<const BodyWrite *> &group = byKeep[g];
            const int keep = keepOfBodyGroup(int(g));
            if (m_sqlite) {
                for (const BodyWrite *b : group) {
                    if (!writeBodySqlite(*b, keep))
                        return false;
                }
                continue;
            }
            for (qsizetype from = 0; from < group.size(); from += rowsPerStatement) {
                const qsizetype n = std::min<qsizetype>(rowsPerStatement, group.size() - from);
                QSqlQuery *q = bodyStatement(keep, int(n));
                if (!q)
                    return false;
                const QVariant kept(QMetaType::fromType<QByteArray>());
                int i = 0;
                for (qsizetype k = from; k < from + n; ++k) {
                    const BodyWrite &b = *group.at(k);
                    const WatchedJob &w = *b.job;
                    const QByteArray *text = b.retrieveText;
                    q->bindValue(placeholder(i++), b.id);
                    q->bindValue(placeholder(i++),
                                 (keep & KeepRetrieve) ? kept
                                 : text && !text->isEmpty() && !w.rawRetrieve.isEmpty()
                                         ? QVariant(*text)
                                         : rawBodyValue(w.rawRetrieve));
                    q->bindValue(placeholder(i++),
                                 (keep & KeepList) ? kept : rawBodyValue(w.rawList));
                    q->bindValue(placeholder(i++),
                                 (keep & KeepNative) ? kept : rawBodyValue(w.rawNative));
                }
                if (!run(*q))
                    return setError(
                            QStringLiteral("could not save the raw bodies of %1").arg(jobCount(n)),
                            *q);
            }
        }
        return true;
    }

    // writeBodies() of one job on SQLite: the same values, as bytes (a null QByteArray: NULL).
    bool writeBodySqlite(const BodyWrite &b, int keep)
    {
        // A row that is there (it holds a body) is updated: no insert tried first.
        const bool there = b.stored != 0;
        SqliteStatement *q = there ? sqliteBodyUpdateStatement(keep) : sqliteBodyStatement(keep);
        if (!q)
            return false;
        const WatchedJob &w = *b.job;
        const QByteArray *text = b.retrieveText;
        const auto bytesOf = [](const RawBody &body) {
            return body.isEmpty() ? QByteArray() : body.toJsonText();
        };
        int i = 0;
        if (!there)
            q->bindInt(i++, b.id);
        if (!(keep & KeepRetrieve) || !there)
            q->bindBlob(i++, (keep & KeepRetrieve) ? QByteArray()
                             : text && !text->isEmpty() && !w.rawRetrieve.isEmpty()
                                     ? *text
                                     : bytesOf(w.rawRetrieve));
        if (!(keep & KeepList) || !there)
            q->bindBlob(i++, (keep & KeepList) ? QByteArray() : bytesOf(w.rawList));
        if (!(keep & KeepNative) || !there)
            q->bindBlob(i++, (keep & KeepNative) ? QByteArray() : bytesOf(w.rawNative));
        if (there)
            q->bindInt(i, b.id);
        if (!q->finish())
            return setError(
                    QStringLiteral("could not save the raw bodies of 1 job: %1").arg(q->error()));
        return true;
    }

    // Index of a combination of kept bodies (0-7) and back.
    static size_t bodyGroup(int keep)
    {
        return ((keep & KeepRetrieve) ? 1 : 0) | ((keep & KeepList) ? 2 : 0)
               | ((keep & KeepNative) ? 4 : 0);
    }
    static int keepOfBodyGroup(int group)
    {
        return ((group & 1) ? KeepRetrieve : 0) | ((group & 2) ? KeepList : 0)
               | ((group & 4) ? KeepNative : 0);
    }

    // The 17 columns of one job's watched_jobs row, in order, handed to `sink` (text, nullText,
    // integer, nullInteger, blob): one list of values for QSqlQuery and SqliteStatement alike.
    template<typename Sink>
    void jobValues(Sink &sink, const WatchedJob &w, const QString &canonical,
                   const QByteArray &json, int keep)
    {
        const QDateTime addedAt
                = (keep & KeepAddedAt) ? QDateTime::currentDateTimeUtc() : w.addedAt;
        const std::optional<GatewayError> &e = w.lastError;
        const auto time = [&sink](const QDateTime &t) {
            if (t.isValid())
                sink.integer(t.toMSecsSinceEpoch());
            else
                sink.nullInteger();
        };
        sink.text(w.profileId);
        sink.text(w.identifier);
        sink.text(canonical);
        if (w.job.status)
            sink.text(w.job.status->raw());
        else
            sink.nullText();
        if (w.job.jobArn)
            sink.text(*w.job.jobArn);
        else
            sink.nullText();
        sink.blob(json);
        sink.integer(addedAt.toMSecsSinceEpoch());
        time(w.fetchedAt);
        if (e)
            sink.text(GatewayError::kindName(e->kind));
        else
            sink.nullText();
        sink.integer(e ? e->httpStatus : 0);
        sink.text(e ? e->gatewayType : QString());
        sink.text(e ? e->message : QString());
        if (e && e->retryAfterSeconds)
            sink.integer(*e->retryAfterSeconds);
        else
            sink.nullInteger();
        time(w.lastErrorAt);
        sink.integer(w.notFound ? 1 : 0);
        sink.text(fieldsTextOf(w.everReported));
        sink.text(fieldsTextOf(w.fromNative));
    }

    // Binds a statement's values from position *i on (named placeholders: placeholder()). Text
    // is never NULL here: an absent value is nullText().
    struct QueryBinder
    {
        QSqlQuery &q;
        int &i;
        void text(const QString &t) { q.bindValue(placeholder(i++), nonNull(t)); }
        void nullText() { q.bindValue(placeholder(i++), bw::nullText()); }
        void integer(qint64 v) { q.bindValue(placeholder(i++), v); }
        void nullInteger() { q.bindValue(placeholder(i++), bw::nullInteger()); }
        void blob(const QByteArray &b) { q.bindValue(placeholder(i++), b); }
    };
    struct SqliteBinder
    {
        SqliteStatement &q;
        int i = 0;
        void text(const QString &t) { q.bindText(i++, t); }
        void nullText() { q.bindNull(i++); }
        void integer(qint64 v) { q.bindInt(i++, v); }
        void nullInteger() { q.bindNull(i++); }
        void blob(const QByteArray &b) { q.bindBlob(i++, b); }
    };
    // updateKnownRow(): the values of jobValues() but the key (the first three) and a kept
    // added_at (the seventh), in order; then i is the place of the row id.
    struct UpdateBinder
    {
        SqliteStatement &q;
        bool keepAddedAt = false;
        int column = 0; // of jobValues()
        int i = 0;
        bool take() { return column++ >= 3 && !(keepAddedAt && column == 7); }
        void text(const QString &t)
        {
            if (take())
                q.bindText(i++, t);
        }
        void nullText()
        {
            if (take())
                q.bindNull(i++);
        }
        void integer(qint64 v)
        {
            if (take())
                q.bindInt(i++, v);
        }
        void nullInteger()
        {
            if (take())
                q.bindNull(i++);
        }
        void blob(const QByteArray &b)
        {
            if (take())
                q.bindBlob(i++, b);
        }
    };
    // rowDigest(): the values of jobValues() as bytes, but fetched_at (the eighth) and a kept
    // added_at; each tagged, texts and BLOBs with their length (a BLOB by its digest). Written
    // straight into `out`, grown ahead (QByteArray::append per value cost more than the rest).
    struct DigestSink
    {
        QByteArray &out;
        bool keepAddedAt = false;
        int column = 0;
        qsizetype used = 0;
        char *room(qsizetype n)
        {
            if (out.size() - used < n)
                out.resize(std::max<qsizetype>(2 * out.size(), used + n + 256));
            char *at = out.data() + used;
            used += n;
            return at;
        }
        bool take()
        {
            ++column;
            if (column == 8 || (keepAddedAt && column == 7)) {
                *room(1) = '-';
                return false;
            }
            return true;
        }
        template<typename T>
        void raw(char tag, const T &value)
        {
            char *at = room(1 + qsizetype(sizeof value));
            *at = tag;
            std::memcpy(at + 1, &value, sizeof value);
        }
        void text(const QString &t)
        {
            if (!take())
                return;
            const qsizetype bytes = t.size() * qsizetype(sizeof(QChar));
            raw('t', t.size());
            if (bytes > 0)
                std::memcpy(room(bytes), t.constData(), size_t(bytes));
        }
        void nullText()
        {
            if (take())
                *room(1) = 'n';
        }
        void integer(qint64 v)
        {
            if (take())
                raw('i', v);
        }
        void nullInteger()
        {
            if (take())
                *room(1) = 'n';
        }
        void blob(const QByteArray &b)
        {
            if (!take())
                return;
            if (b.isNull()) {
                *room(1) = 'n';
                return;
            }
            const storedetail::Digest d = digestOf(b);
            raw('b', d.a);
            raw('d', d.b); // the length
        }
    };

    // Binds the 17 columns of one job's watched_jobs row from position *i on.
    void bindJob(QSqlQuery &q, int &i, const WatchedJob &w, const QString &canonical,
                 const QByteArray &json, int keep)
    {
        QueryBinder sink{q, i};
        jobValues(sink, w, canonical, json, keep);
    }

    // fieldsText(), remembered: a refresh's jobs share a few distinct sets.
    const QString &fieldsTextOf(const JobFields &fields)
    {
        for (const auto &[known, text] : std::as_const(m_fieldTexts)) {
            if (known == fields)
                return text;
        }
        if (m_fieldTexts.size() >= 64)
            m_fieldTexts.clear();
        m_fieldTexts.append({fields, nonNull(fieldsText(fields))});
        return m_fieldTexts.constLast().second;
    }

    // Rows per multi-row upsert of watched_jobs: 17 values a row stays below SQLite's oldest
    // bound of 999 (PostgreSQL only; see applyUpdates).
    static constexpr int kBatchRows = 48;
    static constexpr int kJobValues = 17; // bindJob()
    // Rows per multi-row upsert of job_bodies on PostgreSQL: 4 values a row.
    static constexpr int kBodyRows = 120;
    static_assert(kBatchRows * kJobValues <= 1000 && kBodyRows * 4 <= 1000, "placeholder()");

    // The upsert of `rows` jobs' watched_jobs rows that keep added_at or not (`keep`), prepared
    // once per transaction. It returns each row's id, profile, job key and which bodies
    // job_bodies holds for it (Stored flags; NULL when it has no row there).
    QSqlQuery *jobStatement(int keep, int rows)
    {
        const bool keepAddedAt = keep & KeepAddedAt;
        return cachedStatement(m_batchStatements, (keepAddedAt ? 1 : 0) * (kBatchRows + 1) + rows,
                               [&] { return jobUpsertSql(keepAddedAt, rows); });
    }

    // The statement `cache` holds under `key`, prepared from sql() the first time.
    template<typename Sql>
    QSqlQuery *cachedStatement(QHash<int, QSqlQuery> &cache, int key, Sql sql)
    {
        if (auto it = cache.find(key); it != cache.end())
            return &*it;
        QSqlQuery q(m_db);
        if (!q.prepare(sql())) {
            setError(QStringLiteral("could not prepare a statement"), q);
            return nullptr;
        }
        return &*cache.insert(key, std::move(q));
    }

    // The text of jobStatement(): `rows` rows of kJobValues values (bindJob()).
    static QString jobUpsertSql(bool keepAddedAt, int rows)
    {
        QString sql = QStringLiteral(
                "INSERT INTO watched_jobs (profile_id, identifier, canonical_id, status, job_arn,"
                " job_json, added_at, fetched_at, error_kind, error_http_status,"
                " error_gateway_type, error_message, error_retry_after, last_error_at, not_found,"
                " ever_reported, from_native) VALUES ");
        for (int r = 0; r < rows; ++r) {
            if (r > 0)
                sql += u',';
            sql += placeholders(r * kJobValues, kJobValues);
        }
        sql += QStringLiteral(
                       " ON CONFLICT (profile_id, canonical_id) DO UPDATE SET"
                       " status = excluded.status, job_arn = excluded.job_arn,"
                       " job_json = excluded.job_json, %1,"
                       " fetched_at = excluded.fetched_at, error_kind = excluded.error_kind,"
                       " error_http_status = excluded.error_http_status,"
                       " error_gateway_type = excluded.error_gateway_type,"
                       " error_message = excluded.error_message,"
                       " error_retry_after = excluded.error_retry_after,"
                       " last_error_at = excluded.last_error_at, not_found = excluded.not_found,"
                       " ever_reported = excluded.ever_reported,"
                       " from_native = excluded.from_native"
                       " RETURNING id, profile_id, canonical_id,"
                       " (SELECT CASE WHEN b.raw_retrieve IS NULL THEN 0 ELSE %2 END"
                       " + CASE WHEN b.raw_list IS NULL THEN 0 ELSE %3 END"
                       " + CASE WHEN b.raw_native IS NULL THEN 0 ELSE %4 END"
                       " FROM job_bodies b WHERE b.job_id = watched_jobs.id)")
                       .arg(keepAddedAt ? QStringLiteral("added_at = watched_jobs.added_at")
                                        : QStringLiteral("added_at = excluded.added_at"))
                       .arg(int(StoredRetrieve))
                       .arg(int(StoredList))
                       .arg(int(StoredNative));
        return sql;
    }

    // The upsert of `rows` jobs' job_bodies rows that keep the bodies `keep` says (as stored;
    // bound as NULL), prepared once per transaction.
    QSqlQuery *bodyStatement(int keep, int rows)
    {
        return cachedStatement(m_bodyStatements, int(bodyGroup(keep)) * (kBodyRows + 1) + rows,
                               [&] { return bodyUpsertSql(keep, rows); });
    }

    // The text of bodyStatement().
    static QString bodyUpsertSql(int keep, int rows)
    {
        QString sql = QStringLiteral(
                "INSERT INTO job_bodies (job_id, raw_retrieve, raw_list, raw_native) VALUES ");
        for (int r = 0; r < rows; ++r)
            sql += (r == 0 ? QString() : QStringLiteral(",")) + placeholders(r * 4, 4);
        QStringList set;
        for (const auto &[flag, name] :
             {std::pair{KeepRetrieve, "raw_retrieve"}, std::pair{KeepList, "raw_list"},
              std::pair{KeepNative, "raw_native"}}) {
            if (!(keep & flag))
                set.append(QStringLiteral("%1 = excluded.%1").arg(QLatin1StringView(name)));
        }
        sql += QStringLiteral(" ON CONFLICT (job_id) DO UPDATE SET ") + set.join(u", ");
        return sql;
    }
    // SQLite: the single-row statements of jobStatement(), bodyStatement(), the transition and
    // the sample insert on m_sqlite, prepared once per transaction.
    template<typename Sql>
    SqliteStatement *sqliteStatement(SqliteStatement &slot, Sql sql)
    {
        if (!slot.isPrepared() && !slot.prepare(m_sqlite, sql())) {
            setError(QStringLiteral("could not prepare a statement: %1").arg(slot.error()));
            return nullptr;
        }
        return &slot;
    }
    SqliteStatement *sqliteJobStatement(int keep)
    {
        const bool keepAddedAt = keep & KeepAddedAt;
        return sqliteStatement(m_sqliteJob[keepAddedAt ? 1 : 0],
                               [keepAddedAt] { return jobUpsertSql(keepAddedAt, 1); });
    }
    SqliteStatement *sqliteBodyStatement(int keep)
    {
        return sqliteStatement(m_sqliteBody[bodyGroup(keep)],
                               [keep] { return bodyUpsertSql(keep, 1); });
    }
    // writeBodySqlite() of a job whose job_bodies row is there: the same values, by job_id.
    SqliteStatement *sqliteBodyUpdateStatement(int keep)
    {
        return sqliteStatement(m_sqliteBodyUpdate[bodyGroup(keep)], [keep] {
            QStringList set;
            for (const auto &[flag, name] :
                 {std::pair{KeepRetrieve, "raw_retrieve"}, std::pair{KeepList, "raw_list"},
                  std::pair{KeepNative, "raw_native"}}) {
                if (!(keep & flag))
                    set.append(QStringLiteral("%1 = ?").arg(QLatin1StringView(name)));
            }
            return QStringLiteral("UPDATE job_bodies SET %1 WHERE job_id = ?")
                    .arg(set.join(QStringLiteral(", ")));
        });
    }
    void dropSqliteStatements()
    {
        for (SqliteStatement &s : m_sqliteBodyUpdate)
            s = SqliteStatement();
        for (SqliteStatement &s : m_sqliteJob)
            s = SqliteStatement();
        for (SqliteStatement &s : m_sqliteUpdate)
            s = SqliteStatement();
        m_sqliteFetchedById = SqliteStatement();
        m_sqliteFetchedByKey = SqliteStatement();
        for (SqliteStatement &s : m_sqliteBody)
            s = SqliteStatement();
        m_sqliteTransition = SqliteStatement();
        m_sqliteSample = SqliteStatement();
        m_sqliteNewestSample = SqliteStatement();
    }

    // Writes fetched_at times held unwritten (JobStore::flushFetchedTimes): by the row id this
    // store wrote while no one else wrote since (begin()), else by the job's key, unless its
    // row holds a later time (another process fetched it since).
    bool writeFetchedTimes(const QHash<QString, qint64> &times)
    {
        if (!m_sqlite)
            return setError(QStringLiteral("fetched times are held on SQLite only"));
        SqliteStatement *byId = sqliteStatement(m_sqliteFetchedById, [] {
            return QStringLiteral("UPDATE watched_jobs SET fetched_at = ? WHERE id = ?");
        });
        SqliteStatement *byKey = sqliteStatement(m_sqliteFetchedByKey, [] {
            return QStringLiteral("UPDATE watched_jobs SET fetched_at = ?"
                                  " WHERE profile_id = ? AND canonical_id = ?"
                                  " AND (fetched_at IS NULL OR fetched_at < ?)");
        });
        if (!byId || !byKey)
            return false;
        for (auto it = times.cbegin(); it != times.cend(); ++it) {
            const storedetail::WrittenJob *known = writtenBefore(it.key());
            SqliteStatement *q = byId;
            if (known && m_samples && known->epoch == m_samples->epoch && known->id > 0) {
                byId->bindInt(0, it.value());
                byId->bindInt(1, known->id);
            } else {
                const qsizetype split = it.key().indexOf(u'\n');
                q = byKey;
                byKey->bindInt(0, it.value());
                byKey->bindText(1, it.key().left(split));
                byKey->bindText(2, it.key().mid(split + 1));
                byKey->bindInt(3, it.value());
            }
            if (!q->finish())
                return setError(QStringLiteral("could not save fetched times: %1").arg(q->error()));
        }
        return true;
    }

    // The row id of a watched job; nullopt with error() set when it is not watched.
    std::optional<qint64> findJob(const QString &profileId, const QString &identifier)
    {
        QSqlQuery *q = statement(Stmt::FindJob);
        if (!q)
            return std::nullopt;
        q->bindValue(0, profileId);
        q->bindValue(1, jobKeyOf(identifier));
        if (!run(*q)) {
            setError(
                    QStringLiteral("could not look up job %1").arg(jobLabel(profileId, identifier)),
                    *q);
            return std::nullopt;
        }
        std::optional<qint64> id;
        if (q->next())
            id = q->value(0).toLongLong();
        q->finish();
        if (!id)
            setError(QStringLiteral("job %1 is not watched").arg(jobLabel(profileId, identifier)));
        return id;
    }

    bool saveResults(qint64 jobId, const ResultsSummary &results)
    {
        QSqlQuery *q = statement(Stmt::UpsertResults);
        if (!q)
            return false;
        q->bindValue(0, jobId);
        q->bindValue(1, timeValue(results.fetchedAt));
        q->bindValue(2, jsonBytes(resultsjson::toJson(results)));
        if (!run(*q))
            return setError(QStringLiteral("could not save the results summary"), *q);
        return true;
    }

    bool appendTransition(qint64 jobId, const StatusTransition &t)
    {
        if (!t.observedAt.isValid())
            return setError(QStringLiteral("a status transition has no observation time"));
        if (m_sqlite) {
            SqliteStatement *q = sqliteStatement(m_sqliteTransition,
                                                 [] { return sqlOf(Stmt::InsertTransition); });
            if (!q)
                return false;
            q->bindInt(0, jobId);
            if (t.from)
                q->bindText(1, t.from->raw());
            else
                q->bindNull(1);
            q->bindText(2, t.to.raw());
            q->bindInt(3, t.observedAt.toMSecsSinceEpoch());
            if (t.lastModifiedTime && t.lastModifiedTime->isValid())
                q->bindInt(4, t.lastModifiedTime->toMSecsSinceEpoch());
            else
                q->bindNull(4);
            if (!q->finish())
                return setError(
                        QStringLiteral("could not append a status transition: %1").arg(q->error()));
            return true;
        }
        QSqlQuery *q = statement(Stmt::InsertTransition);
        if (!q)
            return false;
        q->bindValue(placeholder(0), jobId);
        q->bindValue(placeholder(1), statusValue(t.from));
        q->bindValue(placeholder(2), nonNull(t.to.raw()));
        q->bindValue(placeholder(3), t.observedAt.toMSecsSinceEpoch());
        q->bindValue(placeholder(4),
                     t.lastModifiedTime ? timeValue(*t.lastModifiedTime) : nullInteger());
        if (!run(*q))
            return setError(QStringLiteral("could not append a status transition"), *q);
        return true;
    }

    // Appends each transition to its job (one multi-row statement per 100), in order.
    bool appendTransitions(const QList<std::pair<qint64, StatusTransition>> &transitions)
    {
        constexpr qsizetype kRows = 100;
        for (qsizetype from = 0; from < transitions.size(); from += kRows) {
            const qsizetype n = std::min(kRows, transitions.size() - from);
            if (n == 1) {
                if (!appendTransition(transitions.at(from).first, transitions.at(from).second))
                    return false;
                continue;
            }
            QSqlQuery *prepared = cachedStatement(m_transitionStatements, int(n), [n]() -> QString {
                QString sql = QStringLiteral("INSERT INTO status_transitions (job_id,"
                                             " from_status, to_status, observed_at,"
                                             " last_modified_time) VALUES ");
                for (qsizetype r = 0; r < n; ++r)
                    sql += r == 0 ? QStringLiteral("(?, ?, ?, ?, ?)")
                                  : QStringLiteral(",(?, ?, ?, ?, ?)");
                return sql + QStringLiteral(" ON CONFLICT DO NOTHING");
            });
            if (!prepared)
                return false;
            QSqlQuery &q = *prepared;
            int i = 0;
            for (qsizetype k = from; k < from + n; ++k) {
                const StatusTransition &t = transitions.at(k).second;
                q.bindValue(i++, transitions.at(k).first);
                q.bindValue(i++, statusValue(t.from));
                q.bindValue(i++, nonNull(t.to.raw()));
                q.bindValue(i++, t.observedAt.toMSecsSinceEpoch());
                q.bindValue(i++,
                            t.lastModifiedTime ? timeValue(*t.lastModifiedTime) : nullInteger());
            }
            if (!run(q))
                return setError(QStringLiteral("could not append %1 status transitions").arg(n), q);
        }
        return true;
    }

    // Reads what recordSample() needs of each job's samples, for every job of `jobIds` (no job
    // twice) in one query, for the next recordSample() of each job.
    bool preloadSamples(const QList<qint64> &jobIds)
    {
        if (jobIds.isEmpty())
            return true;
        QString marks;
        for (qsizetype i = 0; i < jobIds.size(); ++i)
            marks += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
        QSqlQuery q(m_db);
        if (!q.prepare(
                    QStringLiteral("SELECT job_id, at, total, processed, succeeded, failed, "
                                   "first_id, first_at, n"
                                   " FROM (SELECT job_id, at, total, processed, succeeded, failed,"
                                   " FIRST_VALUE(id) OVER (PARTITION BY job_id ORDER BY at, id) AS "
                                   "first_id,"
                                   " FIRST_VALUE(at) OVER (PARTITION BY job_id ORDER BY at, id) AS "
                                   "first_at,"
                                   " COUNT(*) OVER (PARTITION BY job_id) AS n,"
                                   " ROW_NUMBER() OVER (PARTITION BY job_id ORDER BY at DESC, id "
                                   "DESC) AS rn"
                                   " FROM progress_samples WHERE job_id IN (%1)) s WHERE rn = 1")
                            .arg(marks)))
            return setError(QStringLiteral("could not read progress samples"), q);
        for (qsizetype i = 0; i < jobIds.size(); ++i) {
            q.bindValue(int(i), jobIds.at(i));
            m_preloaded.insert(jobIds.at(i), std::nullopt); // no sample unless read below
        }
        if (!run(q))
            return setError(QStringLiteral("could not read progress samples"), q);
        while (q.next()) {
            storedetail::SampleState st;
            st.newestAt = q.value(1).toLongLong();
            st.total = q.value(2).toLongLong();
            st.processed = q.value(3).toLongLong();
            st.succeeded = q.value(4).toLongLong();
            st.failed = q.value(5).toLongLong();
            st.firstId = q.value(6).toLongLong();
            st.firstAt = q.value(7).toLongLong();
            st.count = q.value(8).toLongLong();
            m_preloaded.insert(q.value(0).toLongLong(), st);
        }
        return true;
    }

    // A sample to insert: its job, the sample, and what was stored of the job's samples before.
    struct NewSample
    {
        qint64 jobId = 0;
        const ProgressSample *sample = nullptr;
        std::optional<storedetail::SampleState> before;
    };

    bool recordSample(qint64 jobId, const ProgressSample &s)
    {
        std::optional<NewSample> fresh;
        if (!decideSample(jobId, s, &fresh))
            return false;
        if (!fresh)
            return true; // nothing new to chart
        if (m_sqlite) {
            SqliteStatement *q
                    = sqliteStatement(m_sqliteSample, [] { return sqlOf(Stmt::InsertSample); });
            if (!q)
                return false;
            q->bindInt(0, jobId);
            q->bindInt(1, s.at.toMSecsSinceEpoch());
            q->bindInt(2, s.total);
            q->bindInt(3, s.processed);
            q->bindInt(4, s.succeeded);
            q->bindInt(5, s.failed);
            if (!q->finish())
                return setError(
                        QStringLiteral("could not record a progress sample: %1").arg(q->error()));
            return afterSampleInserted(*fresh, q->lastInsertRowId());
        }
        QSqlQuery *insert = statement(Stmt::InsertSample);
        if (!insert)
            return false;
        insert->bindValue(placeholder(0), jobId);
        insert->bindValue(placeholder(1), s.at.toMSecsSinceEpoch());
        insert->bindValue(placeholder(2), s.total);
        insert->bindValue(placeholder(3), s.processed);
        insert->bindValue(placeholder(4), s.succeeded);
        insert->bindValue(placeholder(5), s.failed);
        if (!run(*insert))
            return setError(QStringLiteral("could not record a progress sample"), *insert);
        return afterSampleInserted(*fresh, insert->lastInsertId().toLongLong());
    }

    // Inserts the samples (one multi-row statement per 80), then thins each job after its own.
    bool recordSamples(const QList<NewSample> &samples)
    {
        constexpr qsizetype kRows = 80;
        for (qsizetype from = 0; from < samples.size(); from += kRows) {
            const qsizetype n = std::min(kRows, samples.size() - from);
            QSqlQuery *prepared = cachedStatement(m_sampleStatements, int(n), [n]() -> QString {
                QString sql = QStringLiteral("INSERT INTO progress_samples (job_id, at, total,"
                                             " processed, succeeded, failed) VALUES ");
                for (qsizetype r = 0; r < n; ++r)
                    sql += r == 0 ? QStringLiteral("(?, ?, ?, ?, ?, ?)")
                                  : QStringLiteral(",(?, ?, ?, ?, ?, ?)");
                return sql;
            });
            if (!prepared)
                return false;
            int i = 0;
            for (qsizetype k = from; k < from + n; ++k) {
                const ProgressSample &s = *samples.at(k).sample;
                prepared->bindValue(i++, samples.at(k).jobId);
                prepared->bindValue(i++, s.at.toMSecsSinceEpoch());
                prepared->bindValue(i++, s.total);
                prepared->bindValue(i++, s.processed);
                prepared->bindValue(i++, s.succeeded);
                prepared->bindValue(i++, s.failed);
            }
            if (!run(*prepared))
                return setError(QStringLiteral("could not record %1 progress samples").arg(n),
                                *prepared);
        }
        for (const NewSample &fresh : samples) {
            if (!afterSampleInserted(fresh, -1))
                return false;
        }
        return true;
    }

    // Whether the job's sample `s` is new to chart: *fresh set when it is (nothing when not).
    bool decideSample(qint64 jobId, const ProgressSample &s, std::optional<NewSample> *fresh)
    {
        if (!s.at.isValid())
            return setError(QStringLiteral("a progress sample has no time"));
        const qint64 at = s.at.toMSecsSinceEpoch();
        // What deciding, thinning and bounding need: the newest sample, the first one and how
        // many there are. SQLite: as an earlier transaction of this store left them, when it
        // knows them; else one query, so that a young job's sample costs two statements (this
        // and the insert) rather than five — or, known, one.
        std::optional<storedetail::SampleState> before;
        bool known = false;
        if (const auto it = m_preloaded.constFind(jobId); it != m_preloaded.constEnd()) {
            before = *it; // read by preloadSamples(); true until this sample is recorded
            known = true;
            m_preloaded.erase(it);
        } else {
            before = knownSamples(jobId);
            known = before.has_value();
        }
        if (!known && m_sqlite) {
            SqliteStatement *newest = sqliteStatement(m_sqliteNewestSample,
                                                      [] { return sqlOf(Stmt::NewestSample); });
            if (!newest)
                return false;
            newest->bindInt(0, jobId);
            newest->bindInt(1, jobId);
            newest->bindInt(2, jobId);
            const SqliteStatement::Step step = newest->step();
            if (step == SqliteStatement::Step::Row) {
                storedetail::SampleState st;
                st.newestAt = newest->int64(0);
                st.total = newest->int64(1);
                st.processed = newest->int64(2);
                st.succeeded = newest->int64(3);
                st.failed = newest->int64(4);
                st.firstId = newest->int64(5);
                st.firstAt = newest->int64(6);
                st.count = newest->int64(7);
                before = st;
            }
            if (step == SqliteStatement::Step::Error || !newest->finish())
                return setError(
                        QStringLiteral("could not read progress samples: %1").arg(newest->error()));
        } else if (!known) {
            QSqlQuery *newest = statement(Stmt::NewestSample);
            if (!newest)
                return false;
            newest->bindValue(0, jobId);
            newest->bindValue(1, jobId);
            newest->bindValue(2, jobId);
            if (!run(*newest))
                return setError(QStringLiteral("could not read progress samples"), *newest);
            if (newest->next()) {
                storedetail::SampleState st;
                st.newestAt = newest->value(0).toLongLong();
                st.total = newest->value(1).toLongLong();
                st.processed = newest->value(2).toLongLong();
                st.succeeded = newest->value(3).toLongLong();
                st.failed = newest->value(4).toLongLong();
                st.firstId = newest->value(5).toLongLong();
                st.firstAt = newest->value(6).toLongLong();
                st.count = newest->value(7).toLongLong();
                before = st;
            }
            newest->finish();
        }
        if (before) {
            const bool sameCounts = before->total == s.total && before->processed == s.processed
                                    && before->succeeded == s.succeeded
                                    && before->failed == s.failed;
            if (samplethinning::isRedundant(at, before->newestAt, sameCounts))
                return true; // nothing new to chart
        }
        *fresh = NewSample{jobId, &s, before};
        return true;
    }

    // After the sample of `fresh` was inserted (`insertedId`: its id, or -1 when unknown): thins
    // and bounds the job's samples, and remembers what is now stored (SQLite).
    bool afterSampleInserted(const NewSample &fresh, qint64 insertedId)
    {
        const qint64 jobId = fresh.jobId;
        const ProgressSample &s = *fresh.sample;
        const qint64 at = s.at.toMSecsSinceEpoch();
        std::optional<qint64> prevAt;
        qint64 firstId = -1;
        qint64 firstAt = 0;
        qint64 count = 0;
        if (fresh.before) {
            prevAt = fresh.before->newestAt;
            firstId = fresh.before->firstId;
            firstAt = fresh.before->firstAt;
            count = fresh.before->count;
        }

        storedetail::SampleState after;
        after.newestAt = at;
        after.total = s.total;
        after.processed = s.processed;
        after.succeeded = s.succeeded;
        after.failed = s.failed;
        if (!prevAt) {
            // The first sample: nothing to thin.
            if (m_samples) {
                after.firstId = insertedId;
                after.firstAt = at;
                after.count = 1;
                m_pendingSamples.insert(jobId,
                                        after.firstId > 0 ? std::optional(after) : std::nullopt);
            }
            return true;
        }

        const qint64 newestAt = std::max(at, *prevAt);
        // A sample older than the newest (a clock change) may be the new first one: look it up.
        const bool firstKnown = at >= *prevAt;
        qint64 dropped = 0;
        bool ok = true;
        for (const samplethinning::Window &w : samplethinning::windowsToRethin(at, *prevAt)) {
            // No sample lies before the first: a window ending earlier holds none.
            if (firstKnown && w.to < firstAt)
                continue;
            ok = ok && thin(jobId, w, newestAt, firstKnown ? firstId : UnknownFirst, &dropped);
        }
        bool trimmed = false;
        ok = ok && enforceSampleBound(jobId, count + 1 - dropped, &trimmed);
        if (ok && m_samples) {
            // The first and the newest sample are never thinned away; a sample older than the
            // newest, or trimmed ones, are read again next time.
            if (firstKnown && !trimmed) {
                after.firstId = firstId;
                after.firstAt = firstAt;
                after.count = count + 1 - dropped;
                m_pendingSamples.insert(jobId, after);
            } else {
                m_pendingSamples.insert(jobId, std::nullopt);
            }
        }
        return ok;
    }

    bool exec(const QString &sql, const QString &context)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql))
            return setError(context, q);
        return true;
    }

    // Runs a prepared one-off statement with positional values.
    bool exec(const QString &sql, const QVariantList &values, const QString &context,
              int *rowsAffected = nullptr)
    {
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            return setError(context, q);
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!run(q))
            return setError(context, q);
        if (rowsAffected)
            *rowsAffected = q.numRowsAffected();
        return true;
    }

    bool setError(const QString &context, const QSqlQuery &q)
    {
        return setError(context + QStringLiteral(": ") + sqlError(q));
    }

    // Names the job an error is about, unless the error already does.
    void attributeError(const QString &jobLabel)
    {
        if (!m_error.contains(jobLabel))
            m_error = QStringLiteral("job %1: %2").arg(jobLabel, m_error);
    }

    bool setError(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

private:
    enum class Stmt {
        ProfileExists,
        UpsertResults,
        FindJob,
        InsertTransition,
        NewestSample,
        InsertSample,
        FirstSample,
        SamplesInRange,
        DeleteSample,
        CountSamples,
        DeleteOldestSamples,
        Count_
    };

    static QString sqlOf(Stmt s)
    {
        switch (s) {
        case Stmt::ProfileExists:
            return QStringLiteral("SELECT 1 FROM profiles WHERE id = ?");
        case Stmt::UpsertResults:
            return QStringLiteral(
                    "INSERT INTO job_results (job_id, fetched_at, summary_json) VALUES (?, ?, ?)"
                    " ON CONFLICT (job_id) DO UPDATE SET fetched_at = excluded.fetched_at,"
                    " summary_json = excluded.summary_json");
        case Stmt::FindJob:
            return QStringLiteral(
                    "SELECT id FROM watched_jobs WHERE profile_id = ? AND canonical_id = ?");
        case Stmt::InsertTransition:
            // DO NOTHING: another process may have stored the same transition (schema 3).
            return QStringLiteral("INSERT INTO status_transitions (job_id, from_status,"
                                  " to_status, observed_at, last_modified_time)"
                                  " VALUES %1 ON CONFLICT DO NOTHING")
                    .arg(placeholders(0, 5));
        case Stmt::NewestSample:
            // No row when the job has no sample.
            return QStringLiteral(
                    "SELECT n.at, n.total, n.processed, n.succeeded, n.failed, f.id, f.at,"
                    " (SELECT COUNT(*) FROM progress_samples WHERE job_id = ?)"
                    " FROM (SELECT at, total, processed, succeeded, failed FROM progress_samples"
                    " WHERE job_id = ? ORDER BY at DESC, id DESC LIMIT 1) n,"
                    " (SELECT id, at FROM progress_samples WHERE job_id = ?"
                    " ORDER BY at, id LIMIT 1) f");
        case Stmt::InsertSample:
            return QStringLiteral("INSERT INTO progress_samples (job_id, at, total, processed,"
                                  " succeeded, failed) VALUES %1")
                    .arg(placeholders(0, 6));
        case Stmt::FirstSample:
            return QStringLiteral("SELECT id FROM progress_samples WHERE job_id = ?"
                                  " ORDER BY at, id LIMIT 1");
        case Stmt::SamplesInRange:
            return QStringLiteral("SELECT id, at FROM progress_samples"
                                  " WHERE job_id = ? AND at >= ? AND at <= ? ORDER BY at, id");
        case Stmt::DeleteSample:
            return QStringLiteral("DELETE FROM progress_samples WHERE id = ?");
        case Stmt::CountSamples:
            return QStringLiteral("SELECT COUNT(*) FROM progress_samples WHERE job_id = ?");
        case Stmt::DeleteOldestSamples:
            return QStringLiteral("DELETE FROM progress_samples WHERE id IN ("
                                  "SELECT id FROM progress_samples WHERE job_id = ?"
                                  " ORDER BY at, id LIMIT ? OFFSET 1)");
        case Stmt::Count_:
            break;
        }
        return {};
    }

    QSqlQuery *statement(Stmt s)
    {
        auto &slot = m_statements[static_cast<size_t>(s)];
        if (!slot) {
            QSqlQuery q(m_db);
            if (!q.prepare(sqlOf(s))) {
                setError(QStringLiteral("could not prepare a statement"), q);
                return nullptr;
            }
            slot = std::move(q);
        }
        return &*slot;
    }

    // What this store knows of the job's samples without reading them, or nullopt.
    std::optional<storedetail::SampleState> knownSamples(qint64 jobId) const
    {
        if (!m_samples)
            return std::nullopt;
        if (const auto it = m_pendingSamples.constFind(jobId); it != m_pendingSamples.constEnd())
            return *it;
        if (const auto it = m_samples->jobs.constFind(jobId); it != m_samples->jobs.constEnd())
            return *it;
        return std::nullopt;
    }

    // Applies the thinning policy to the job's samples taken in the window. `firstId`: the
    // job's first sample when the caller knows it, UnknownFirst to look it up; adds the number
    // of samples deleted to `dropped`.
    static constexpr qint64 UnknownFirst = std::numeric_limits<qint64>::min();
    bool thin(qint64 jobId, const samplethinning::Window &window, qint64 newestAt, qint64 firstId,
              qint64 *dropped)
    {
        QSqlQuery *range = statement(Stmt::SamplesInRange);
        QSqlQuery *remove = statement(Stmt::DeleteSample);
        if (!range || !remove)
            return false;

        if (firstId == UnknownFirst) {
            QSqlQuery *first = statement(Stmt::FirstSample);
            if (!first)
                return false;
            first->bindValue(0, jobId);
            if (!run(*first))
                return setError(QStringLiteral("could not read progress samples"), *first);
            firstId = first->next() ? first->value(0).toLongLong() : -1;
            first->finish();
        }

        range->bindValue(0, jobId);
        range->bindValue(1, window.from);
        range->bindValue(2, window.to);
        if (!run(*range))
            return setError(QStringLiteral("could not read progress samples"), *range);
        QList<samplethinning::Sample> samples;
        while (range->next())
            samples.append({range->value(0).toLongLong(), range->value(1).toLongLong()});
        range->finish();

        for (qint64 id : samplethinning::samplesToDrop(samples, firstId, newestAt)) {
            remove->bindValue(0, id);
            if (!run(*remove))
                return setError(QStringLiteral("could not thin progress samples"), *remove);
            *dropped += remove->numRowsAffected();
        }
        return true;
    }

    // `expectedCount`: the job's samples as this transaction counted them; only when that is
    // over the bound are they counted again (another writer may have removed some meanwhile).
    bool enforceSampleBound(qint64 jobId, qint64 expectedCount, bool *trimmed)
    {
        if (samplethinning::excess(expectedCount) == 0)
            return true;
        QSqlQuery *count = statement(Stmt::CountSamples);
        if (!count)
            return false;
        count->bindValue(0, jobId);
        if (!run(*count) || !count->next())
            return setError(QStringLiteral("could not count progress samples"), *count);
        const qint64 n = count->value(0).toLongLong();
        count->finish();
        const qint64 excess = samplethinning::excess(n);
        if (excess == 0)
            return true;
        QSqlQuery *trim = statement(Stmt::DeleteOldestSamples);
        if (!trim)
            return false;
        trim->bindValue(0, jobId);
        trim->bindValue(1, excess);
        if (!run(*trim))
            return setError(QStringLiteral("could not bound progress samples"), *trim);
        *trimmed = true;
        return true;
    }

    QSqlDatabase m_db;
    // SQLite: the connection under m_db, for the per-job statements of a refresh (job, bodies,
    // transition, sample) through SqliteStatement; null on PostgreSQL (QSqlQuery throughout).
    sqlite3 *m_sqlite = nullptr;
    std::array<SqliteStatement, 2> m_sqliteJob;    // by whether added_at is kept
    std::array<SqliteStatement, 2> m_sqliteUpdate; // updateKnownRow(), the same
    SqliteStatement m_sqliteFetchedById;           // saveFetchedTimeOnly()
    SqliteStatement m_sqliteFetchedByKey;          // writeFetchedTimes()
    QByteArray m_rowBytes;                         // rowDigest()'s buffer
    QByteArray m_json;                             // jobJson()'s buffer
    const QHash<QString, qint64> *m_unwritten = nullptr;
    QList<FetchedTime> m_fetchedTimes;           // fetchedTimes()
    bool m_deferredHere = false;                 // this transaction left a fetched_at unwritten
    std::array<SqliteStatement, 8> m_sqliteBody; // by bodyGroup()
    std::array<SqliteStatement, 8> m_sqliteBodyUpdate; // the same, by job_id
    SqliteStatement m_sqliteTransition;
    SqliteStatement m_sqliteSample;
    SqliteStatement m_sqliteNewestSample;
    Written *m_written = nullptr;
    bool m_rememberedAny = false; // remember() changed m_written in this transaction
    bool m_inTransaction = false;
    QString m_error;
    QSet<QString> m_knownProfiles;
    QHash<QString, QSet<QString>> m_removed; // tombstoned job keys by profile (guardWatchList)
    QString m_lastProfile;                   // removedOf()
    const QSet<QString> *m_lastRemoved = nullptr;
    std::array<std::optional<QSqlQuery>, static_cast<size_t>(Stmt::Count_)> m_statements;
    QHash<int, QSqlQuery> m_batchStatements;      // jobStatement(): by what is kept and rows
    QHash<int, QSqlQuery> m_bodyStatements;       // bodyStatement(): by what is kept and rows
    QHash<int, QSqlQuery> m_transitionStatements; // appendTransitions(): by rows
    QHash<int, QSqlQuery> m_sampleStatements;     // recordSamples(): by rows
    // preloadSamples(): each job's samples as read (nullopt: none), until its next sample.
    QHash<qint64, std::optional<storedetail::SampleState>> m_preloaded;
    storedetail::SampleCache *m_samples = nullptr;
    QList<std::pair<JobFields, QString>> m_fieldTexts; // fieldsTextOf()
    // What this transaction changed of m_samples (nullopt: forget the job); merged on commit.
    QHash<qint64, std::optional<storedetail::SampleState>> m_pendingSamples;
};

// The channel a PostgreSQL store announces committed changes on (JobStore::jobsChanged).
const QString kChangesChannel = QStringLiteral("batchwatch_jobs");
// NOTIFY payloads must stay below 8000 bytes; a longer list is sent as "the whole profile".
constexpr qsizetype kMaxPayload = 7000;

// The job keys each write touched, by profile, each once in the order first written. Only
// PostgreSQL announces them (empty on SQLite: nothing to make).
template<typename List, typename JobOf>
QHash<QString, QStringList> changedKeys(const Writer &w, const List &items, JobOf jobOf)
{
    QHash<QString, QStringList> out;
    if (!w.isPostgres())
        return out;
    QSet<QString> seen;
    for (const auto &item : items) {
        const WatchedJob *job = jobOf(item);
        QString key = jobKeyOf(job->identifier);
        if (!seen.contains(job->profileId + u'\n' + key)) {
            seen.insert(job->profileId + u'\n' + key);
            out[job->profileId].append(std::move(key));
        }
    }
    return out;
}

// On PostgreSQL, announces the changes inside the transaction: listeners hear of them when, and
// only if, it commits. Payload: {"profile": id, "jobs": [job keys]}; no "jobs": the whole
// profile (its watch list changed, or the list was too long). Nothing on SQLite.
bool notifyChanged(Writer &w, const QHash<QString, QStringList> &byProfile)
{
    if (!w.isPostgres())
        return true;
    for (auto it = byProfile.cbegin(); it != byProfile.cend(); ++it) {
        QJsonObject payload{{QStringLiteral("profile"), it.key()}};
        if (!it.value().isEmpty())
            payload.insert(QStringLiteral("jobs"), QJsonArray::fromStringList(it.value()));
        QByteArray text = jsonBytes(payload);
        if (text.size() > kMaxPayload)
            text = jsonBytes(QJsonObject{{QStringLiteral("profile"), it.key()}});
        if (!w.exec(QStringLiteral("SELECT pg_notify(?, ?)"),
                    {kChangesChannel, QString::fromUtf8(text)},
                    QStringLiteral("could not announce the change")))
            return false;
    }
    return true;
}

} // namespace

// --- JobStore --------------------------------------------------------------------------------

JobStore::JobStore(QObject *parent)
    : QObject(parent)
{}

JobStore::~JobStore()
{
    close();
}

QString JobStore::fileName()
{
    return QStringLiteral("batchwatch.sqlite");
}

bool JobStore::open(const QString &directory)
{
    close();
    clearError();
    if (storeengine::isPostgresUrl(directory))
        return openPostgres(directory);
    QString dir = directory;
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (dir.isEmpty())
            return failOpen(QStringLiteral("there is no writable application data location"));
    }
    if (!QDir().mkpath(dir))
        return failOpen(QStringLiteral("could not create the directory %1")
                                .arg(QDir::toNativeSeparators(dir)));
    return openConnection(QDir(dir).absoluteFilePath(fileName()));
}

bool JobStore::openInMemory()
{
    close();
    clearError();
    return openConnection(kMemoryDatabase);
}

bool JobStore::addConnection(const QString &driver)
{
    m_connectionName = QStringLiteral("batchwatch.store.%1").arg(++g_connectionSerial);
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_connectionName);
    if (!db.isValid()) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
        return false;
    }
    m_db = db;
    m_thread = QThread::currentThread();
    return true;
}

namespace {

// The first value of `sql`'s first row into *result (when given); the error text, or empty.
QString execScalar(const QSqlDatabase &db, const QString &sql, QVariant *result)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return sqlError(q);
    if (result)
        *result = q.next() ? q.value(0) : QVariant();
    return QString();
}

// Switches a SQLite file to the WAL journal, the mode every batchwatch store uses. SQLite
// changes the journal mode under an exclusive lock and, unlike other statements, answers
// "database is locked" at once rather than waiting out busy_timeout while another process holds
// the file (two `batchwatch-cli` starting together on a new folder). Tried again for as long as
// busy_timeout would have waited. The mode now in force goes into *mode.
QString switchToWal(const QSqlDatabase &db, QVariant *mode)
{
    constexpr int kSqliteBusy = 5; // SQLITE_BUSY, also in the low byte of its extended codes
    const QDeadlineTimer deadline(kBusyTimeoutMs);
    for (unsigned long pause = 2;; pause = std::min(pause * 2, 50UL)) {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            *mode = q.next() ? q.value(0) : QVariant();
            return QString();
        }
        bool numeric = false;
        const int code = q.lastError().nativeErrorCode().toInt(&numeric);
        if (!numeric || (code & 0xff) != kSqliteBusy || deadline.hasExpired())
            return sqlError(q);
        QThread::msleep(pause);
    }
}

} // namespace

bool JobStore::openPostgres(const QString &url)
{
    QString why;
    const auto target = storeengine::parsePostgresUrl(url, &why);
    if (!target)
        return failOpen(QStringLiteral("Could not open the store %1: %2")
                                .arg(QUrl(url).toString(QUrl::RemovePassword), why));
    if (!addConnection(QStringLiteral("QPSQL")))
        return failOpen(QStringLiteral("Could not open the store %1: the Qt PostgreSQL driver "
                                       "(QPSQL, Debian package libqt6sql6-psql) is not available")
                                .arg(target->display));
    storeengine::configure(m_db, *target);
    m_path = target->display;
    if (!m_db.open())
        return abandonOpen(m_db.lastError().text());
    // Several clients may open a new database at once: one migrates, the others wait and find
    // it done. A session lock, released below (and by the server if this client dies).
    const QString lock = QString::number(storeschema::ApplicationId);
    if (why = execScalar(m_db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(lock), nullptr);
        !why.isEmpty())
        return abandonOpen(why);
    const bool ok = checkOwnership() && migrateSchema();
    execScalar(m_db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lock), nullptr);
    return ok;
}

bool JobStore::abandonOpen(const QString &why)
{
    const QString where
            = m_path == kMemoryDatabase ? QStringLiteral("the in-memory database")
              : storeengine::isPostgresUrl(m_path)
                      ? QStringLiteral("the store %1").arg(m_path)
                      : QStringLiteral("the database %1").arg(QDir::toNativeSeparators(m_path));
    const QString message = QStringLiteral("Could not open %1: %2").arg(where, why);
    close();
    return failOpen(message);
}

bool JobStore::checkOwnership()
{
    // Look before touching anything: a database that is not ours, or is newer than this build,
    // must be left exactly as it is.
    QString why;
    const auto seen = storeschema::inspect(m_db, &why);
    if (!seen)
        return abandonOpen(why);
    const bool pristine = seen->tables == 0 && seen->version == 0;
    if (!pristine && seen->applicationId != storeschema::ApplicationId)
        return abandonOpen(
                QStringLiteral("it is not a batchwatch database; it was left untouched"));
    if (seen->version > storeschema::currentVersion())
        return abandonOpen(QStringLiteral("it was written by a newer version of batchwatch "
                                          "(schema version %1; this version knows up to %2); it "
                                          "was left untouched")
                                   .arg(seen->version)
                                   .arg(storeschema::currentVersion()));
    return true;
}

bool JobStore::migrateSchema()
{
    QString why;
    const storeengine::Engine engine = storeengine::engineOf(m_db);
    if (!storeschema::migrate(m_db, storeschema::migrations(engine), &why))
        return abandonOpen(why);
    m_ready = true;
    qCDebug(lcStore) << "opened" << m_path << "schema version" << SchemaVersion;
    return true;
}

bool JobStore::openConnection(const QString &databaseName)
{
    if (!addConnection(QStringLiteral("QSQLITE")))
        return failOpen(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    m_db.setDatabaseName(databaseName);
    m_path = databaseName;
    if (!m_db.open())
        return abandonOpen(m_db.lastError().text());

    QVariant value;
    QString why = execScalar(m_db, QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
                             nullptr);
    if (!why.isEmpty())
        return abandonOpen(why);
    if (!checkOwnership())
        return false;
    // Before the file's first write, the only time a page size takes (see kPageSize).
    if (why = execScalar(m_db, QStringLiteral("PRAGMA page_size = %1").arg(kPageSize), nullptr);
        !why.isEmpty())
        return abandonOpen(why);
    if (why = switchToWal(m_db, &value); !why.isEmpty())
        return abandonOpen(why);
    const QString journal = value.toString().toLower();
    if (journal != QLatin1StringView("wal") && databaseName != kMemoryDatabase)
        qCWarning(lcStore) << "WAL journal not available; journal mode is" << journal;
    if (why = execScalar(m_db, QStringLiteral("PRAGMA synchronous = NORMAL"), nullptr);
        !why.isEmpty())
        return abandonOpen(why);
    // The WAL is checkpointed when the thread is idle (afterWrite), not inside a refresh's
    // COMMIT: a 10,000-job refresh writes far more than the default 1,000 pages.
    if (why = execScalar(m_db, QStringLiteral("PRAGMA wal_autocheckpoint = 0"), nullptr);
        !why.isEmpty())
        return abandonOpen(why);
    if (why = execScalar(m_db, QStringLiteral("PRAGMA foreign_keys = ON"), nullptr); !why.isEmpty())
        return abandonOpen(why);
    if (why = execScalar(m_db, QStringLiteral("PRAGMA foreign_keys"), &value); !why.isEmpty())
        return abandonOpen(why);
    if (value.toInt() != 1)
        return abandonOpen(QStringLiteral("this SQLite does not enforce foreign keys"));
    return migrateSchema();
}

void JobStore::adoptPageSize()
{
    QVariant value;
    if (!execScalar(m_db, QStringLiteral("PRAGMA page_size"), &value).isEmpty()
        || value.toInt() >= kPageSize)
        return;
    const int before = value.toInt();
    // Leaving WAL takes the file's exclusive lock: SQLite refuses (keeping WAL) while another
    // connection has the file open, and the rebuild waits for a later close. Out of WAL the
    // journal is synced at each commit only with synchronous = FULL: the rebuild rewrites the
    // whole file.
    QString why = execScalar(m_db, QStringLiteral("PRAGMA synchronous = FULL"), nullptr);
    if (why.isEmpty())
        why = execScalar(m_db, QStringLiteral("PRAGMA journal_mode = DELETE"), &value);
    if (!why.isEmpty() || value.toString().toLower() != QLatin1StringView("delete")) {
        // Busy (another connection has the file open: "database is locked"), or read-only.
        qCDebug(lcStore).noquote()
                << "pages of" << before
                << "bytes kept for now:" << (why.isEmpty() ? value.toString() : why);
        if (why.isEmpty() && value.toString().toLower() != QLatin1StringView("wal"))
            switchToWal(m_db, &value);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    why = execScalar(m_db, QStringLiteral("PRAGMA page_size = %1").arg(kPageSize), nullptr);
    if (why.isEmpty())
        why = execScalar(m_db, QStringLiteral("VACUUM"), nullptr);
    const QString file = QDir::toNativeSeparators(m_path);
    if (why.isEmpty()) {
        const QString done = QStringLiteral("rebuilt %1 with pages of %2 bytes (were %3) in %4 ms")
                                     .arg(file)
                                     .arg(kPageSize)
                                     .arg(before)
                                     .arg(timer.elapsed());
        qCInfo(lcStore).noquote() << done;
    } else {
        // Nothing is lost (VACUUM is one transaction); a full disk, say. Tried again next close.
        qCWarning(lcStore).noquote() << "could not rebuild" << file << "with larger pages:" << why;
    }
    if (why = switchToWal(m_db, &value);
        !why.isEmpty() || value.toString().toLower() != QLatin1StringView("wal"))
        qCWarning(lcStore).noquote() << "WAL journal not restored after the rebuild:"
                                     << (why.isEmpty() ? value.toString() : why);
}

void JobStore::close()
{
    if (m_ready && !m_unwrittenFetched.isEmpty() && m_db.isOpen()
        && QThread::currentThread() == m_thread)
        flushFetchedTimes();
    m_unwrittenFetched.clear();
    m_fetchedFlushScheduled = false;
    if (m_ready && m_uncheckpointedJobs > 0 && m_db.isOpen()
        && QThread::currentThread() == m_thread)
        checkpoint();
    m_checkpointScheduled = false;
    m_uncheckpointedJobs = 0;
    m_written.clear();
    m_samples = {};
    m_reviveUrl.clear();
    m_reviveThread = nullptr;
    m_listening = false;
    if (m_connectionName.isEmpty())
        return;
    if (m_db.isOpen() && QThread::currentThread() == m_thread) {
        // Only on a database this build opened fully: a refused one is left untouched.
        if (m_ready && storeengine::engineOf(m_db) == storeengine::Engine::Sqlite) {
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA optimize"));
            // At the last close, not at open: the app opens its store before its window shows,
            // and leaving is when a user waits least for a one-off rebuild.
            if (m_path != kMemoryDatabase)
                adoptPageSize();
        }
        m_db.close();
    }
    m_ready = false;
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_path.clear();
    m_thread = nullptr;
}

bool JobStore::checkpoint()
{
    m_checkpointScheduled = false;
    if (!m_ready || !m_db.isOpen() || QThread::currentThread() != m_thread
        || storeengine::engineOf(m_db) != storeengine::Engine::Sqlite || m_path == kMemoryDatabase)
        return true;
    m_uncheckpointedJobs = 0;
    QSqlQuery q(m_db);
    // PASSIVE: copies what no reader still needs and waits for nothing; busy is normal.
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"))) {
        qCWarning(lcStore) << "WAL checkpoint failed:" << sqlError(q);
        return false;
    }
    return true;
}

bool JobStore::defersFetchedTimes() const
{
    return storeengine::engineOf(m_db) == storeengine::Engine::Sqlite && thread() == m_thread;
}

void JobStore::scheduleFetchedFlush()
{
    if (m_fetchedFlushScheduled)
        return;
    m_fetchedFlushScheduled = true;
    QTimer::singleShot(FetchedAtFlushMs, this, [this] {
        if (m_fetchedFlushScheduled)
            flushFetchedTimes();
    });
}

bool JobStore::flushFetchedTimes()
{
    m_fetchedFlushScheduled = false;
    if (m_unwrittenFetched.isEmpty())
        return true;
    if (!m_ready || !m_db.isOpen() || QThread::currentThread() != m_thread)
        return false;
    Writer w(m_db, &m_written, &m_samples);
    if (!w.begin() || !w.writeFetchedTimes(m_unwrittenFetched) || !w.commit()) {
        qCWarning(lcStore) << "could not write the fetched times of"
                           << jobCount(m_unwrittenFetched.size())
                           << "(tried again later):" << w.error();
        scheduleFetchedFlush();
        return false;
    }
    // The rows hold these times now.
    for (auto it = m_unwrittenFetched.cbegin(); it != m_unwrittenFetched.cend(); ++it) {
        if (const auto known = m_written.find(it.key()); known != m_written.end())
            known->fetchedAt = it.value();
    }
    const qsizetype written = m_unwrittenFetched.size();
    m_unwrittenFetched.clear();
    afterWrite(written);
    return true;
}

void JobStore::afterWrite(qsizetype jobs)
{
    if (storeengine::engineOf(m_db) != storeengine::Engine::Sqlite || m_path == kMemoryDatabase)
        return;
    m_uncheckpointedJobs += jobs;
    if (m_uncheckpointedJobs > UncheckpointedJobLimit) {
        checkpoint();
        return;
    }
    if (m_checkpointScheduled)
        return;
    if (thread() != m_thread) {
        // This object's events go to another thread than the one using the store: no idle
        // moment of the store's thread to wait for.
        checkpoint();
        return;
    }
    m_checkpointScheduled = true;
    // Queued: runs once the events already posted to this thread (the next refresh, say) are
    // handled, then the WAL is copied while nothing else waits.
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_checkpointScheduled)
                    checkpoint();
            },
            Qt::QueuedConnection);
}

bool JobStore::listenForChanges()
{
    clearError();
    if (!checkUsable())
        return false;
    if (storeengine::engineOf(m_db) != storeengine::Engine::Postgres) {
        m_lastError = QStringLiteral("only a PostgreSQL store announces changes");
        return false;
    }
    QSqlDriver *driver = m_db.driver();
    if (driver->subscribedToNotifications().contains(kChangesChannel))
        return true;
    if (!driver->subscribeToNotification(kChangesChannel)) {
        failRead(
                QStringLiteral("Could not listen for changes: %1").arg(driver->lastError().text()));
        return false;
    }
    m_listening = true;
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source,
                   const QVariant &payload) {
                // This store's own writes are already known to whoever made them.
                if (name != kChangesChannel || source == QSqlDriver::SelfSource)
                    return;
                const QJsonObject o = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
                const QString profileId = o.value(QStringLiteral("profile")).toString();
                if (profileId.isEmpty())
                    return; // not ours: ignored
                QStringList keys;
                for (const QJsonValue &v : o.value(QStringLiteral("jobs")).toArray())
                    keys.append(v.toString());
                Q_EMIT jobsChanged(profileId, keys);
            });
    return true;
}

bool JobStore::isOpen() const
{
    return m_db.isOpen();
}

QString JobStore::databasePath() const
{
    return m_path;
}

bool JobStore::checkUsable() const
{
    if (!m_reviveUrl.isEmpty() && QThread::currentThread() == m_reviveThread) {
        // Reconnecting replaces the connection: not a change any caller can observe other
        // than the call succeeding again, hence from a const call too.
        return const_cast<JobStore *>(this)->reconnect();
    }
    if (!m_db.isOpen() && m_ready && QThread::currentThread() == m_thread
        && storeengine::engineOf(m_db) == storeengine::Engine::Postgres) {
        // QPSQL closes a connection the server ended (a restart) by itself, with no call of
        // ours failing: that is a lost connection too.
        noticeLostConnection();
        if (!m_reviveUrl.isEmpty())
            return const_cast<JobStore *>(this)->reconnect();
    }
    if (!m_db.isOpen()) {
        m_lastError = QStringLiteral("the job store is not open");
        return false;
    }
    if (QThread::currentThread() != m_thread) {
        m_lastError = QStringLiteral("the job store was used from a thread other than the one "
                                     "that opened it");
        qCWarning(lcStore) << m_lastError;
        return false;
    }
    return true;
}

bool JobStore::failOpen(const QString &message)
{
    m_lastError = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

void JobStore::noticeLostConnection() const
{
    if (!m_ready || !m_reviveUrl.isEmpty()
        || storeengine::engineOf(m_db) != storeengine::Engine::Postgres)
        return;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT 1")))
        return; // the statement failed, not the connection
    m_reviveUrl = m_path;
    m_reviveThread = m_thread;
    m_reconnectDelayMs = 0;
    m_nextReconnect = QDeadlineTimer(0);
    qCWarning(lcStore).noquote() << "lost the connection to" << m_path << "; reconnecting";
    scheduleRevive();
}

void JobStore::scheduleRevive() const
{
    // A listener (a viewer) may make no call of its own for a long time: nothing would reconnect
    // it, and it would hear of nothing again. It reconnects on its own, with the same backoff.
    if (!m_listening || m_reviveScheduled || m_reviveUrl.isEmpty()
        || QThread::currentThread() != m_reviveThread)
        return;
    m_reviveScheduled = true;
    const qint64 wait = std::clamp<qint64>(m_nextReconnect.remainingTime(), 250, 30000);
    auto *self = const_cast<JobStore *>(this);
    QTimer::singleShot(std::chrono::milliseconds(wait), self, [self] {
        self->m_reviveScheduled = false;
        if (self->m_reviveUrl.isEmpty())
            return; // a call reconnected meanwhile
        self->clearError();
        if (!self->checkUsable())
            self->scheduleRevive();
    });
}

void JobStore::announceEverythingChanged()
{
    // What other clients committed while the connection was down was announced to nobody here:
    // every profile is to be read again.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id FROM profiles ORDER BY seq")))
        return;
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    for (const QString &id : std::as_const(ids))
        Q_EMIT jobsChanged(id, {});
}

bool JobStore::reconnect()
{
    const QString url = m_reviveUrl;
    QThread *const thread = m_reviveThread;
    if (!m_nextReconnect.hasExpired()) {
        m_lastError = QStringLiteral("the connection to %1 was lost; next attempt in %2 s")
                              .arg(url)
                              .arg((m_nextReconnect.remainingTime() + 999) / 1000);
        return false;
    }
    const bool listening = m_listening;
    const bool ok = open(url); // closes the dead connection first
    if (ok) {
        m_reviveUrl.clear();
        m_reviveThread = nullptr;
        qCInfo(lcStore).noquote() << "reconnected to" << url;
        if (listening && listenForChanges())
            announceEverythingChanged();
        clearError();
        return true;
    }
    const QString why = m_lastError;
    m_reviveUrl = url;
    m_reviveThread = thread;
    m_reconnectDelayMs = std::clamp(m_reconnectDelayMs * 2, 1000, 30000);
    m_nextReconnect = QDeadlineTimer(m_reconnectDelayMs);
    m_lastError = QStringLiteral("the connection to %1 was lost; next attempt in %2 s: %3")
                          .arg(url)
                          .arg(m_reconnectDelayMs / 1000)
                          .arg(why);
    m_listening = listening; // open() failed: still a listener to revive
    scheduleRevive();
    return false;
}

bool JobStore::failWrite(const QString &message)
{
    noticeLostConnection();
    m_lastError = message;
    qCWarning(lcStore).noquote() << message;
    Q_EMIT writeFailed(message);
    return false;
}

void JobStore::failRead(const QString &message) const
{
    noticeLostConnection();
    m_lastError = message;
    qCWarning(lcStore).noquote() << message;
}

// --- profiles ----------------------------------------------------------------------------------

QList<GatewayProfile> JobStore::profiles() const
{
    clearError();
    if (!checkUsable())
        return {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
                "SELECT id, name, base_url, auth_mode, custom_header_name, provider,"
                " route_style, detected_route, timeout_ms, ca_bundle_path, providers,"
                " max_requests_per_second FROM profiles ORDER BY seq"))) {
        failRead(QStringLiteral("Could not read profiles: %1").arg(sqlError(q)));
        return {};
    }
    QList<GatewayProfile> out;
    while (q.next()) {
        GatewayProfile p;
        p.id = q.value(0).toString();
        p.name = q.value(1).toString();
        p.baseUrl = urlFrom(q.value(2).toString());
        p.authMode = authModeFromKey(q.value(3).toString());
        p.customHeaderName = q.value(4).toString();
        p.provider = q.value(5).toString();
        p.routeStyle = routeStyleFromKey(q.value(6).toString()).value_or(RouteStyle::Auto);
        p.detectedRoute = routeStyleFromKey(q.value(7).toString()).value_or(RouteStyle::Auto);
        p.timeoutMs = q.value(8).toInt();
        p.caBundlePath = q.value(9).toString();
        p.providers = GatewayProfile::providersFromText(q.value(10).toString());
        p.maxRequestsPerSecond = q.value(11).toInt();
        out.append(std::move(p));
    }
    return out;
}

bool JobStore::saveProfile(const GatewayProfile &profile)
{
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    if (profile.id.isEmpty())
        return failWrite(QStringLiteral("Could not save the profile \"%1\": it has no id")
                                 .arg(profile.name));
    Writer w(m_db);
    const QString url = QString::fromUtf8(profile.baseUrl.toEncoded(QUrl::RemovePassword));
    const bool ok
            = w.begin()
              && w.exec(QStringLiteral(
                                "INSERT INTO profiles (id, name, base_url, auth_mode,"
                                " custom_header_name, provider, route_style, detected_route,"
                                " timeout_ms, ca_bundle_path, providers, max_requests_per_second)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                                " base_url = excluded.base_url, auth_mode = excluded.auth_mode,"
                                " custom_header_name = excluded.custom_header_name,"
                                " provider = excluded.provider, route_style = excluded.route_style,"
                                " detected_route = excluded.detected_route,"
                                " timeout_ms = excluded.timeout_ms,"
                                " ca_bundle_path = excluded.ca_bundle_path,"
                                " providers = excluded.providers,"
                                " max_requests_per_second = excluded.max_requests_per_second"),
                        {profile.id, nonNull(profile.name), nonNull(url),
                         authModeKey(profile.authMode), nonNull(profile.customHeaderName),
                         nonNull(profile.provider), routeStyleKey(profile.routeStyle),
                         routeStyleKey(profile.detectedRoute), profile.timeoutMs,
                         nonNull(profile.caBundlePath),
                         GatewayProfile::providersText(profile.providers),
                         profile.maxRequestsPerSecond},
                        QStringLiteral("could not write it"))
              && w.commit();
    if (!ok)
        return failWrite(
                QStringLiteral("Could not save the profile \"%1\": %2").arg(profile.id, w.error()));
    return true;
}

bool JobStore::removeProfile(const QString &id)
{
    m_written.clear();
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    Writer w(m_db);
    const bool ok = w.begin()
                    && w.exec(QStringLiteral("DELETE FROM profiles WHERE id = ?"), {id},
                              QStringLiteral("could not delete it"))
                    && notifyChanged(w, {{id, {}}}) && w.commit();
    if (!ok)
        return failWrite(
                QStringLiteral("Could not remove the profile \"%1\": %2").arg(id, w.error()));
    // Its jobs are gone, and their fetched times with them (kept while the removal could fail).
    const QString prefix = id + u'\n';
    m_unwrittenFetched.removeIf([&prefix](const auto &it) { return it.key().startsWith(prefix); });
    return true;
}

bool JobStore::setProfileDetectedRoute(const QString &profileId, RouteStyle route)
{
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    Writer w(m_db);
    int rows = 0;
    bool ok = w.begin()
              && w.exec(QStringLiteral("UPDATE profiles SET detected_route = ? WHERE id = ?"),
                        {routeStyleKey(route), profileId}, QStringLiteral("could not write it"),
                        &rows);
    if (ok && rows == 0)
        ok = w.setError(QStringLiteral("there is no such profile"));
    ok = ok && w.commit();
    if (!ok)
        return failWrite(QStringLiteral("Could not save the detected route of profile \"%1\": %2")
                                 .arg(profileId, w.error()));
    return true;
}

// --- watched jobs --------------------------------------------------------------------------------

bool JobStore::addWatched(const QString &profileId, const QStringList &identifiers,
                          const QDateTime &addedAt)
{
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    const qint64 added
            = (addedAt.isValid() ? addedAt : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    Writer w(m_db);
    bool ok = w.begin() && w.requireProfile(profileId) && w.guardWatchList(profileId);
    if (ok) {
        QSqlQuery q(m_db);
        QSqlQuery revive(m_db);
        // A job already watched in another form (id vs ARN) is left as it is too.
        ok = q.prepare(QStringLiteral(
                     "INSERT INTO watched_jobs (profile_id, identifier, canonical_id,"
                     " added_at) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT DO NOTHING"))
             || w.setError(QStringLiteral("could not prepare the insert"), q);
        // Adding a removed job again is what lifts its tombstone.
        ok = ok
             && (revive.prepare(QStringLiteral(
                         "DELETE FROM removed_jobs WHERE profile_id = ? AND canonical_id = ?"))
                 || w.setError(QStringLiteral("could not prepare the insert"), revive));
        for (const QString &identifier : identifiers) {
            if (!ok)
                break;
            if (identifier.isEmpty()) {
                ok = w.setError(QStringLiteral("an identifier is empty"));
                break;
            }
            q.bindValue(0, profileId);
            q.bindValue(1, identifier);
            q.bindValue(2, jobKeyOf(identifier));
            q.bindValue(3, added);
            revive.bindValue(0, profileId);
            revive.bindValue(1, jobKeyOf(identifier));
            const QString what = QStringLiteral("could not add \"%1\"").arg(identifier);
            ok = (run(revive) || w.setError(what, revive)) && (run(q) || w.setError(what, q));
        }
    }
    ok = ok && notifyChanged(w, {{profileId, {}}}) && w.commit();
    if (!ok)
        return failWrite(QStringLiteral("Could not add %1 to profile \"%2\": %3")
                                 .arg(jobCount(identifiers.size()), profileId, w.error()));
    return true;
}

bool JobStore::removeWatched(const QString &profileId, const QStringList &identifiers)
{
    m_written.clear();
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    const qint64 removedAt = QDateTime::currentMSecsSinceEpoch();
    Writer w(m_db);
    bool ok = w.begin() && w.guardWatchList(profileId);
    if (ok) {
        QSqlQuery q(m_db);
        QSqlQuery tombstone(m_db);
        ok = q.prepare(QStringLiteral(
                     "DELETE FROM watched_jobs WHERE profile_id = ? AND canonical_id = ?"))
             || w.setError(QStringLiteral("could not prepare the delete"), q);
        // The tombstone: a save of this job by a client that has not heard of the removal yet
        // writes nothing (Writer::saveJob). Only for a profile that exists (its key).
        ok = ok
             && (tombstone.prepare(QStringLiteral(
                         "INSERT INTO removed_jobs (profile_id, canonical_id, removed_at)"
                         " SELECT id, CAST(? AS TEXT), CAST(? AS BIGINT) FROM profiles WHERE id = ?"
                         " ON CONFLICT (profile_id, canonical_id)"
                         " DO UPDATE SET removed_at = excluded.removed_at"))
                 || w.setError(QStringLiteral("could not prepare the delete"), tombstone));
        for (const QString &identifier : identifiers) {
            if (!ok)
                break;
            q.bindValue(0, profileId);
            q.bindValue(1, jobKeyOf(identifier));
            tombstone.bindValue(0, jobKeyOf(identifier));
            tombstone.bindValue(1, removedAt);
            tombstone.bindValue(2, profileId);
            const QString what = QStringLiteral("could not remove \"%1\"").arg(identifier);
            ok = (run(q) || w.setError(what, q)) && (run(tombstone) || w.setError(what, tombstone));
        }
    }
    ok = ok && notifyChanged(w, {{profileId, {}}}) && w.commit();
    if (!ok)
        return failWrite(QStringLiteral("Could not remove %1 from profile \"%2\": %3")
                                 .arg(jobCount(identifiers.size()), profileId, w.error()));
    // Once gone (not before: a failed removal keeps the job, and its fetched time must be
    // written), a job added again later starts without one.
    for (const QString &identifier : identifiers)
        m_unwrittenFetched.remove(profileId + u'\n' + jobKeyOf(identifier));
    return true;
}

QList<WatchedJob> JobStore::loadWatched(const QString &profileId) const
{
    return loadRows(profileId, nullptr);
}

QList<WatchedJob> JobStore::loadWatched(const QString &profileId, qsizetype sliceRows,
                                        const ReadRows &read) const
{
    return loadRows(profileId, nullptr, sliceRows, read);
}

QList<WatchedJob> JobStore::loadJobs(const QString &profileId, const QStringList &jobKeys) const
{
    QList<WatchedJob> out;
    // In slices, to stay below any engine's limit of bound values.
    constexpr qsizetype kSlice = 500;
    for (qsizetype from = 0; from < jobKeys.size(); from += kSlice) {
        const QStringList slice = jobKeys.mid(from, kSlice);
        out.append(loadRows(profileId, &slice));
        if (!m_lastError.isEmpty())
            return {};
    }
    return out;
}

namespace {

// One row of loadRows()'s query read through QSqlQuery (PostgreSQL, or a SQLite that is not the
// one linked here): each value a QVariant, as before.
class QueryRow
{
public:
    explicit QueryRow(QSqlQuery &q)
        : m_q(q)
    {}
    bool next() { return m_q.next(); }
    bool isNull(int i) const { return m_q.value(i).isNull(); }
    QString text(int i) const { return m_q.value(i).toString(); }
    QByteArray bytes(int i) const { return m_q.value(i).toByteArray(); }
    qint64 int64(int i) const { return m_q.value(i).toLongLong(); }
    QDateTime time(int i) const { return timeFrom(m_q.value(i)); }
    RawBody rawBody(int i) const { return rawBodyFrom(m_q.value(i)); }
    std::optional<QJsonObject> object(int i) const { return objectFrom(m_q.value(i)); }
    // A field set column; most rows share a few distinct sets.
    JobFields fields(int i)
    {
        const QString text = m_q.value(i).toString();
        auto known = m_fieldSets.constFind(text);
        if (known == m_fieldSets.constEnd())
            known = m_fieldSets.insert(text, fieldsFrom(text));
        return *known;
    }

private:
    QSqlQuery &m_q;
    QHash<QString, JobFields> m_fieldSets;
};

// The same row read through SQLite's own API (SqliteStatement): bytes as SQLite holds them, no
// QVariant per column and no UTF-16 copy of the JSON and field-set texts (what QSqlQuery::next
// cost was half of the store thread's start-up load, issue 13).
class StatementRow
{
public:
    explicit StatementRow(SqliteStatement &q)
        : m_q(q)
    {}
    bool next()
    {
        const SqliteStatement::Step step = m_q.step();
        m_failed = step == SqliteStatement::Step::Error;
        return step == SqliteStatement::Step::Row;
    }
    bool failed() const { return m_failed; }
    bool isNull(int i) const { return m_q.isNull(i); }
    QString text(int i) const { return m_q.text(i); }
    QByteArray bytes(int i) const { return m_q.bytes(i); }
    qint64 int64(int i) const { return m_q.int64(i); }
    QDateTime time(int i) const
    {
        return m_q.isNull(i) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(m_q.int64(i), Qt::UTC);
    }
    RawBody rawBody(int i) const
    {
        return m_q.isNull(i) ? RawBody() : RawBody::fromJsonText(m_q.bytes(i));
    }
    std::optional<QJsonObject> object(int i) const
    {
        if (m_q.isNull(i))
            return QJsonObject();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(m_q.bytes(i), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return std::nullopt;
        return doc.object();
    }
    JobFields fields(int i)
    {
        const QByteArray text = m_q.bytes(i);
        auto known = m_fieldSets.constFind(text);
        if (known == m_fieldSets.constEnd())
            known = m_fieldSets.insert(text, fieldsFrom(QString::fromUtf8(text)));
        return *known;
    }

private:
    SqliteStatement &m_q;
    bool m_failed = false;
    QHash<QByteArray, JobFields> m_fieldSets;
};

// Reads loadRows()'s rows from `row` into `out`, telling `read` of every `sliceRows`; the count
// of rows whose job could not be read. A job's time in `unwrittenFetched` (fetched since, not
// written yet) replaces the stored fetched_at.
template<class Row>
int readRows(Row &row, const QString &profileId, QList<WatchedJob> &out, qsizetype sliceRows,
             const JobStore::ReadRows &read, const QHash<QString, qint64> *unwrittenFetched)
{
    int unreadable = 0;
    qsizetype told = 0; // rows told to `read`
    while (row.next()) {
        WatchedJob w;
        w.profileId = profileId;
        w.identifier = row.text(0);
        // What toJsonBytes wrote is read directly; any other text as before.
        std::optional<Job> direct;
        if (!row.isNull(1))
            direct = JobCodec::fromJsonBytes(row.bytes(1));
        if (direct)
            w.job = std::move(*direct);
        else if (const auto job = row.object(1))
            w.job = JobCodec::fromJson(*job);
        else
            ++unreadable;
        w.rawRetrieve = row.rawBody(2);
        w.rawList = row.rawBody(3);
        w.addedAt = row.time(4);
        w.fetchedAt = row.time(5);
        if (unwrittenFetched && !unwrittenFetched->isEmpty()) {
            // Fetched again since, with nothing else new: the time is not written yet.
            const auto later = unwrittenFetched->constFind(profileId + u'\n' + row.text(17));
            if (later != unwrittenFetched->constEnd())
                w.fetchedAt = QDateTime::fromMSecsSinceEpoch(*later, Qt::UTC);
        }
        if (!row.isNull(6)) {
            GatewayError e;
            e.kind = errorKindFrom(row.text(6));
            e.httpStatus = int(row.int64(7));
            e.gatewayType = row.text(8);
            e.message = row.text(9);
            if (!row.isNull(10))
                e.retryAfterSeconds = int(row.int64(10));
            w.lastError = std::move(e);
        }
        w.lastErrorAt = row.time(11);
        w.notFound = row.int64(12) != 0;
        w.everReported = row.fields(13);
        w.rawNative = row.rawBody(14);
        w.fromNative = row.fields(15);
        if (const auto results = row.object(16))
            w.results = resultsjson::fromJson(*results);
        out.append(std::move(w));
        if (read && sliceRows > 0 && out.size() - told == sliceRows) {
            read(out.constData() + told, sliceRows, out.capacity());
            told = out.size();
        }
    }
    return unreadable;
}

} // namespace

QList<WatchedJob> JobStore::loadRows(const QString &profileId, const QStringList *keys,
                                     qsizetype sliceRows, const ReadRows &read) const
{
    clearError();
    if (!checkUsable())
        return {};
    QList<WatchedJob> out;
    {
        // Before the main query: a forward-only query must be the connection's only one
        // (QPSQL reads it row by row).
        QSqlQuery count(m_db);
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM watched_jobs WHERE profile_id = ?"));
        count.bindValue(0, profileId);
        if (!keys && run(count) && count.next())
            out.reserve(count.value(0).toLongLong());
    }
    QString only; // one job key per placeholder
    if (keys) {
        QStringList marks(keys->size(), QStringLiteral("?"));
        only = QStringLiteral(" AND w.canonical_id IN (%1)").arg(marks.join(u','));
    }
    const QString sql
            = QStringLiteral(
                      "SELECT w.identifier, w.job_json, b.raw_retrieve, b.raw_list, w.added_at,"
                      " w.fetched_at, w.error_kind, w.error_http_status, w.error_gateway_type,"
                      " w.error_message, w.error_retry_after, w.last_error_at, w.not_found,"
                      " w.ever_reported, b.raw_native, w.from_native,"
                      " (SELECT r.summary_json FROM job_results r WHERE r.job_id = w.id),"
                      " w.canonical_id"
                      " FROM watched_jobs w LEFT JOIN job_bodies b ON b.job_id = w.id"
                      " WHERE w.profile_id = ?%1 ORDER BY w.id")
                      .arg(only);
    int unreadable = 0;
    if (sqlite3 *handle = SqliteStatement::handleOf(m_db)) {
        SqliteStatement q;
        if (!q.prepare(handle, sql)) {
            failRead(QStringLiteral("Could not read watched jobs: %1").arg(q.error()));
            return {};
        }
        q.bindText(0, profileId);
        for (qsizetype i = 0; keys && i < keys->size(); ++i)
            q.bindText(int(i + 1), keys->at(i));
        StatementRow row(q);
        unreadable = readRows(row, profileId, out, sliceRows, read, &m_unwrittenFetched);
        if (row.failed()) {
            failRead(QStringLiteral("Could not read watched jobs: %1").arg(q.error()));
            return {};
        }
    } else {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            failRead(QStringLiteral("Could not read watched jobs: %1").arg(sqlError(q)));
            return {};
        }
        q.bindValue(0, profileId);
        for (qsizetype i = 0; keys && i < keys->size(); ++i)
            q.bindValue(int(i + 1), keys->at(i));
        if (!run(q)) {
            failRead(QStringLiteral("Could not read watched jobs: %1").arg(sqlError(q)));
            return {};
        }
        QueryRow row(q);
        unreadable = readRows(row, profileId, out, sliceRows, read, &m_unwrittenFetched);
        if (q.lastError().isValid()) {
            failRead(QStringLiteral("Could not read watched jobs: %1").arg(sqlError(q)));
            return {};
        }
    }
    if (unreadable > 0)
        qCWarning(lcStore) << unreadable << "stored job(s) of profile" << profileId
                           << "could not be read; they are shown without fields";
    return out;
}

bool JobStore::saveJobs(const QList<WatchedJob> &jobs)
{
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    Writer w(m_db, &m_written);
    bool ok = w.begin();
    for (const WatchedJob &job : jobs) {
        if (!ok)
            break;
        const std::optional<qint64> jobId = w.saveJob(job);
        ok = jobId.has_value();
        if (ok && job.results && *jobId != Writer::NotWatched)
            ok = w.saveResults(*jobId, *job.results);
    }
    ok = ok && notifyChanged(w, changedKeys(w, jobs, [](const WatchedJob &j) { return &j; }))
         && w.commit();
    if (!ok)
        return failWrite(
                QStringLiteral("Could not save %1: %2").arg(jobCount(jobs.size()), w.error()));
    afterWrite(jobs.size());
    return true;
}

// --- history -----------------------------------------------------------------------------------

bool JobStore::appendTransitions(const QString &profileId, const QString &identifier,
                                 const QList<StatusTransition> &transitions)
{
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    Writer w(m_db);
    bool ok = w.begin();
    const std::optional<qint64> jobId = ok ? w.findJob(profileId, identifier) : std::nullopt;
    ok = ok && jobId.has_value();
    for (const StatusTransition &t : transitions) {
        if (!ok)
            break;
        ok = w.appendTransition(*jobId, t);
    }
    ok = ok && w.commit();
    if (!ok)
        return failWrite(QStringLiteral("Could not record the status history of %1: %2")
                                 .arg(jobLabel(profileId, identifier), w.error()));
    return true;
}

namespace {

StatusTransition transitionFrom(const QSqlQuery &q, int column)
{
    StatusTransition t;
    t.from = statusFrom(q.value(column));
    t.to = Status::fromString(q.value(column + 1).toString());
    t.observedAt = timeFrom(q.value(column + 2));
    if (const QVariant lm = q.value(column + 3); !lm.isNull())
        t.lastModifiedTime = timeFrom(lm);
    return t;
}

ProgressSample sampleFrom(const QSqlQuery &q, int column)
{
    ProgressSample s;
    s.at = timeFrom(q.value(column));
    s.total = q.value(column + 1).toLongLong();
    s.processed = q.value(column + 2).toLongLong();
    s.succeeded = q.value(column + 3).toLongLong();
    s.failed = q.value(column + 4).toLongLong();
    return s;
}

// The two kinds of history, read for one job or for every job of a profile: columns from
// `select` on, in time order.
struct HistoryTable
{
    QLatin1StringView select;
    QLatin1StringView from; // aliased, joined to watched_jobs j on job_id
    QLatin1StringView order;
};

constexpr HistoryTable kTransitions{
        QLatin1StringView("t.from_status, t.to_status, t.observed_at, t.last_modified_time"),
        QLatin1StringView("status_transitions t"), QLatin1StringView("t.observed_at, t.id")};
constexpr HistoryTable kSamples{
        QLatin1StringView("s.at, s.total, s.processed, s.succeeded, s.failed"),
        QLatin1StringView("progress_samples s"), QLatin1StringView("s.at, s.id")};

// For one job (bind profile id, job key): the columns of `table` from 0. For a profile (bind
// profile id): the job's identifier, then the columns from 1, job by job in the order added.
QString historySql(const HistoryTable &table, bool oneJob)
{
    const QString alias = table.from.sliced(table.from.size() - 1);
    if (oneJob)
        return QStringLiteral("SELECT %1 FROM %2 JOIN watched_jobs j ON j.id = %3.job_id"
                              " WHERE j.profile_id = ? AND j.canonical_id = ? ORDER BY %4")
                .arg(table.select, table.from, alias, table.order);
    return QStringLiteral("SELECT j.identifier, %1 FROM %2 JOIN watched_jobs j"
                          " ON j.id = %3.job_id WHERE j.profile_id = ? ORDER BY j.id, %4")
            .arg(table.select, table.from, alias, table.order);
}

template<typename T>
QList<T> rowsOf(QSqlQuery &q, T (*from)(const QSqlQuery &, int))
{
    QList<T> out;
    while (q.next())
        out.append(from(q, 0));
    return out;
}

template<typename T>
QHash<QString, QList<T>> rowsByJob(QSqlQuery &q, T (*from)(const QSqlQuery &, int))
{
    QHash<QString, QList<T>> out;
    while (q.next())
        out[q.value(0).toString()].append(from(q, 1));
    return out;
}

} // namespace

std::optional<QSqlQuery> JobStore::read(const QString &sql, const QVariantList &values,
                                        const QString &what) const
{
    clearError();
    if (!checkUsable())
        return std::nullopt;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const bool prepared = q.prepare(sql);
    for (int i = 0; prepared && i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!prepared || !run(q)) {
        failRead(QStringLiteral("Could not read %1: %2").arg(what, sqlError(q)));
        return std::nullopt;
    }
    return q;
}

QList<StatusTransition> JobStore::transitions(const QString &profileId,
                                              const QString &identifier) const
{
    auto q = read(historySql(kTransitions, true), {profileId, jobKeyOf(identifier)},
                  QStringLiteral("the status history of %1").arg(jobLabel(profileId, identifier)));
    return q ? rowsOf(*q, transitionFrom) : QList<StatusTransition>();
}

QHash<QString, QList<StatusTransition>>
JobStore::transitionsForProfile(const QString &profileId) const
{
    auto q = read(historySql(kTransitions, false), {profileId},
                  QStringLiteral("the status history of profile \"%1\"").arg(profileId));
    return q ? rowsByJob(*q, transitionFrom) : QHash<QString, QList<StatusTransition>>();
}

bool JobStore::applyUpdates(const QList<JobUpdate> &updates)
{
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    Writer w(m_db, &m_written,
             storeengine::engineOf(m_db) == storeengine::Engine::Sqlite ? &m_samples : nullptr,
             defersFetchedTimes() ? &m_unwrittenFetched : nullptr);
    bool ok = w.begin();
    // On PostgreSQL the jobs are saved a slice at a time with multi-row upserts
    // (Writer::saveJobBatch: one round trip per 48 jobs rather than one per job), then the
    // slice's history in the order of the updates. A slice ends before a job it already holds,
    // so that a job updated twice is saved twice, in order. On SQLite a statement costs no round
    // trip, and Qt's binding of a statement of 960 values cost more than it saved (measured:
    // 10,000 jobs 653 -> 729 ms CPU): there a slice is one job.
    const qsizetype kSlice = w.isPostgres() ? 480 : 1;
    QList<Writer::JobRef> slice;
    QList<qint64> ids;
    QSet<QString> inSlice;
    QList<std::pair<qint64, StatusTransition>> transitions;
    QList<Writer::NewSample> samples;
    for (qsizetype from = 0; ok && from < updates.size();) {
        slice.clear();
        inSlice.clear();
        qsizetype to = from;
        for (; to < updates.size() && slice.size() < kSlice; ++to) {
            const WatchedJob &job = updates.at(to).job;
            if (kSlice > 1) {
                QString key = job.profileId + u'\n' + jobKeyOf(job.identifier);
                if (inSlice.contains(key))
                    break;
                inSlice.insert(std::move(key));
            }
            slice.append({&job, &updates.at(to).rawRetrieveText});
        }
        if (slice.size() == 1) {
            const std::optional<qint64> id
                    = w.saveJob(*slice.constFirst().job, *slice.constFirst().retrieveText);
            ok = id.has_value();
            ids = {id.value_or(-1)};
            if (!ok)
                w.attributeError(jobLabel(slice.constFirst().job->profileId,
                                          slice.constFirst().job->identifier));
        } else {
            ok = w.saveJobBatch(slice, &ids);
        }
        // PostgreSQL: what is stored of the samples of the slice's jobs is read in one query;
        // the slice's new samples and its transitions go in multi-row statements after the
        // loop (each job thinned after its own sample is in).
        transitions.clear();
        samples.clear();
        if (ok && kSlice > 1) {
            QList<qint64> sampled;
            for (qsizetype i = from; i < to; ++i) {
                if (updates.at(i).sample && ids.at(i - from) != Writer::NotWatched)
                    sampled.append(ids.at(i - from));
            }
            ok = w.preloadSamples(sampled);
        }
        for (qsizetype i = from; ok && i < to; ++i) {
            const JobUpdate &u = updates.at(i);
            const qint64 jobId = ids.at(i - from);
            if (jobId == Writer::NotWatched)
                continue; // removed meanwhile: its history goes with it
            for (const StatusTransition &t : u.newTransitions) {
                if (!ok)
                    break;
                if (kSlice == 1) {
                    ok = w.appendTransition(jobId, t);
                } else if (!t.observedAt.isValid()) {
                    ok = w.setError(QStringLiteral("a status transition has no observation time"));
                } else {
                    transitions.append({jobId, t});
                }
            }
            if (ok && u.sample) {
                if (kSlice == 1) {
                    ok = w.recordSample(jobId, *u.sample);
                } else {
                    std::optional<Writer::NewSample> fresh;
                    ok = w.decideSample(jobId, *u.sample, &fresh);
                    if (ok && fresh)
                        samples.append(std::move(*fresh));
                }
            }
            if (ok && u.resultsChanged && u.job.results)
                ok = w.saveResults(jobId, *u.job.results);
            if (!ok)
                w.attributeError(jobLabel(u.job.profileId, u.job.identifier));
        }
        ok = ok && w.recordSamples(samples) && w.appendTransitions(transitions);
        from = to;
    }
    ok = ok && notifyChanged(w, changedKeys(w, updates, [](const JobUpdate &u) { return &u.job; }))
         && w.commit();
    if (ok) {
        for (const Writer::FetchedTime &t : w.fetchedTimes()) {
            if (t.at)
                m_unwrittenFetched.insert(t.key, *t.at);
            else
                m_unwrittenFetched.remove(t.key);
        }
        if (!m_unwrittenFetched.isEmpty())
            scheduleFetchedFlush();
    }
    if (!ok)
        // "written", not "kept": a StoreWorker keeps a batch that found the connection gone and
        // writes it again once the store is back.
        return failWrite(QStringLiteral("Could not save the refresh of %1; nothing of it "
                                        "was written: %2")
                                 .arg(jobCount(updates.size()), w.error()));
    afterWrite(updates.size());
    return true;
}

QList<ProgressSample> JobStore::progressSamples(const QString &profileId,
                                                const QString &identifier) const
{
    auto q = read(historySql(kSamples, true), {profileId, jobKeyOf(identifier)},
                  QStringLiteral("the progress of %1").arg(jobLabel(profileId, identifier)));
    return q ? rowsOf(*q, sampleFrom) : QList<ProgressSample>();
}

QHash<QString, QList<ProgressSample>>
JobStore::progressSamplesForProfile(const QString &profileId) const
{
    auto q = read(historySql(kSamples, false), {profileId},
                  QStringLiteral("the progress of profile \"%1\"").arg(profileId));
    return q ? rowsByJob(*q, sampleFrom) : QHash<QString, QList<ProgressSample>>();
}

bool JobStore::pruneHistory(const QDateTime &olderThan)
{
    clearError();
    if (!checkUsable())
        return failWrite(m_lastError);
    if (!olderThan.isValid())
        return failWrite(QStringLiteral("Could not prune the history: no cut-off time given"));
    const qint64 cutoff = olderThan.toMSecsSinceEpoch();
    // A fixed, team-wide lifetime: not the caller's retention (see the header).
    const qint64 tombstoneCutoff
            = QDateTime::currentDateTimeUtc().addDays(-TombstoneLifetimeDays).toMSecsSinceEpoch();
    Writer w(m_db);
    const bool ok
            = w.begin()
              && w.exec(QStringLiteral("DELETE FROM status_transitions WHERE observed_at < ?"),
                        {cutoff}, QStringLiteral("could not delete old transitions"))
              && w.exec(QStringLiteral("DELETE FROM progress_samples WHERE at < ?"), {cutoff},
                        QStringLiteral("could not delete old progress samples"))
              && w.exec(QStringLiteral("DELETE FROM removed_jobs WHERE removed_at < ?"),
                        {tombstoneCutoff}, QStringLiteral("could not delete old tombstones"))
              && w.commit();
    if (!ok)
        return failWrite(QStringLiteral("Could not prune the history: %1").arg(w.error()));
    return true;
}

} // namespace bw
