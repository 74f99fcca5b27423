#include "fixtures.h"
#include "loopbackhttpserver.h"
#include "store/jobstore.h"
#include "store/storeschema.h"
#include "storebackend.h"
#include "wire/gatewayclient.h"
#include "wire/jobcodec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>

#include <QThread>
#include <QtTest>
#include <memory>
#include <vector>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace bw;

namespace {

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// 2025-03-01T07:58:20Z: deliberately not on a bucket boundary.
const qint64 kT0 = QDateTime(QDate(2025, 3, 1), QTime(7, 58, 20), Qt::UTC).toMSecsSinceEpoch();

GatewayProfile makeProfile(const QString &id)
{
    GatewayProfile p;
    p.id = id;
    p.name = QStringLiteral("Profile %1").arg(id);
    return p;
}

WatchedJob makeJob(const QString &profileId, const QString &identifier)
{
    WatchedJob w;
    w.profileId = profileId;
    w.identifier = identifier;
    w.addedAt = utc(kT0);
    return w;
}

// A job with every field of WatchedJob (and of Job) set to something distinctive.
// Sets one member of a kept raw body.
void insertInto(RawBody &body, const QString &key, const QJsonValue &value)
{
    QJsonObject object = body.object();
    object.insert(key, value);
    body = object;
}

WatchedJob fullJob(const QString &profileId, const QString &identifier)
{
    WatchedJob w = makeJob(profileId, identifier);
    Job &j = w.job;
    j.jobArn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                              "k3x9p2m7q1ab");
    j.status = Status::fromString(QStringLiteral("InProgress"));
    j.jobName = QStringLiteral("nightly-eval");
    j.modelId = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");
    j.roleArn = QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatch");
    j.clientRequestToken = QStringLiteral("req-42");
    j.message = QStringLiteral("line one\nline two");
    j.submitTime = utc(kT0 - 2 * kHour + 123);
    j.lastModifiedTime = utc(kT0 - kHour + 456);
    j.endTime = utc(kT0 + 789);
    j.jobExpirationTime = utc(kT0 + 72 * kHour);
    j.inputDataConfig = InputDataConfig{QStringLiteral("s3://in/batch.jsonl"),
                                        QStringLiteral("JSONL"), QStringLiteral("111111111111")};
    j.outputDataConfig = OutputDataConfig{QStringLiteral("s3://out/"), QStringLiteral("kms-1"),
                                          QStringLiteral("222222222222")};
    j.vpcConfig = VpcConfig{{QStringLiteral("sg-1"), QStringLiteral("sg-2")},
                            {QStringLiteral("subnet-a")}};
    j.timeoutDurationInHours = 24;
    j.modelInvocationType = QStringLiteral("InvokeModel");
    j.totalRecordCount = 9007199254740991LL; // 2^53 - 1: the largest exact JSON integer
    j.processedRecordCount = 500;
    j.successRecordCount = 480;
    j.errorRecordCount = 20;
    j.provider = QStringLiteral("bedrock");
    j.inProgressAt = utc(kT0 - 2 * kHour + 600);
    j.finalizingAt = utc(kT0 - 3000);
    j.completedAt = utc(kT0 + 700);
    j.failedAt = utc(kT0 + 701);
    j.expiredAt = utc(kT0 + 702);
    j.cancellingAt = utc(kT0 + 703);
    j.cancelledAt = utc(kT0 + 704);
    j.progressPercent = 37.5;
    w.rawRetrieve = JobCodec::toJson(j);
    insertInto(w.rawRetrieve, QStringLiteral("someUnknownField"),
               QJsonArray{1, 2.5, true, QJsonValue()});
    w.rawList = QJsonObject{{QStringLiteral("jobArn"), *j.jobArn},
                            {QStringLiteral("status"), QStringLiteral("Scheduled")}};
    w.fetchedAt = utc(kT0 + 5000);
    GatewayError e;
    e.kind = GatewayError::Kind::Http;
    e.httpStatus = 429;
    e.gatewayType = QStringLiteral("ThrottlingException");
    e.message = QStringLiteral("Rate exceeded");
    e.retryAfterSeconds = 30;
    w.lastError = e;
    w.lastErrorAt = utc(kT0 + 6000);
    w.notFound = true;
    w.everReported = j.presentFields();
    w.rawNative = QJsonObject{{QStringLiteral("id"), *j.jobArn},
                              {QStringLiteral("expires_at"), 1764288000}};
    w.fromNative.set(JobField::CompletedAt);
    w.fromNative.set(JobField::JobExpirationTime);
    return w;
}

void compareJobs(const WatchedJob &actual, const WatchedJob &expected)
{
    QCOMPARE(actual.profileId, expected.profileId);
    QCOMPARE(actual.identifier, expected.identifier);
    QCOMPARE(JobCodec::toJson(actual.job), JobCodec::toJson(expected.job));
    QVERIFY(actual.job.presentFields() == expected.job.presentFields());
    QVERIFY(actual.job == expected.job);
    QCOMPARE(actual.rawRetrieve.object(), expected.rawRetrieve.object());
    QCOMPARE(actual.rawList.object(), expected.rawList.object());
    QCOMPARE(actual.addedAt, expected.addedAt);
    QCOMPARE(actual.fetchedAt, expected.fetchedAt);
    QCOMPARE(actual.fetchedAt.isValid(), expected.fetchedAt.isValid());
    QCOMPARE(actual.lastError.has_value(), expected.lastError.has_value());
    if (expected.lastError) {
        QCOMPARE(actual.lastError->kind, expected.lastError->kind);
        QCOMPARE(actual.lastError->httpStatus, expected.lastError->httpStatus);
        QCOMPARE(actual.lastError->gatewayType, expected.lastError->gatewayType);
        QCOMPARE(actual.lastError->message, expected.lastError->message);
        QCOMPARE(actual.lastError->retryAfterSeconds, expected.lastError->retryAfterSeconds);
    }
    QCOMPARE(actual.lastErrorAt, expected.lastErrorAt);
    QCOMPARE(actual.notFound, expected.notFound);
    QVERIFY(actual.everReported == expected.everReported);
    QCOMPARE(actual.rawNative.object(), expected.rawNative.object());
    QVERIFY(actual.fromNative == expected.fromNative);
}

#define COMPARE_JOBS(actual, expected)                                                             \
    do {                                                                                           \
        compareJobs(actual, expected);                                                             \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

StatusTransition transition(const QString &from, const QString &to, qint64 at,
                            std::optional<qint64> lastModified = std::nullopt)
{
    StatusTransition t;
    if (!from.isNull())
        t.from = Status::fromString(from);
    t.to = Status::fromString(to);
    t.observedAt = utc(at);
    if (lastModified)
        t.lastModifiedTime = utc(*lastModified);
    return t;
}

ProgressSample sample(qint64 at, qint64 processed, qint64 total = 1000)
{
    ProgressSample s;
    s.at = utc(at);
    s.total = total;
    s.processed = processed;
    s.succeeded = processed - processed / 10;
    s.failed = processed / 10;
    return s;
}

// A plain connection to a store file, for looking behind the JobStore's back.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_serial))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(storebackend::driverFor(path), m_name);
        storebackend::configure(db, path);
        db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        const bool ok = q.exec(sql);
        if (!ok)
            qWarning() << sql << q.lastError().text();
        return ok;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    QStringList column(const QString &sql, int index = 0)
    {
        QStringList out;
        QSqlQuery q(db());
        if (q.exec(sql)) {
            while (q.next())
                out << q.value(index).toString();
        }
        return out;
    }

private:
    static inline int s_serial = 0;
    QString m_name;
};

// A store as schema version `version` wrote it (the first `version` migrations), holding `rows`.
void writeOldStore(const QString &path, int version, const QStringList &rows)
{
    RawDb raw(path);
    QSqlDatabase db = raw.db();
    QString error;
    QVERIFY2(storeschema::migrate(db, storeschema::migrations().mid(0, version), &error),
             qPrintable(error));
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), version);
    for (const QString &sql : rows)
        QVERIFY(raw.exec(sql));
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// --- sample thinning reference -----------------------------------------------------------------

// The documented policy applied in one pass to every sample ever fed (distinct counts, so no
// sample is skipped as identical): a sample older than an hour stays only when no earlier sample
// lies in its bucket. Returns the times that must remain.
QList<qint64> referenceThinning(QList<qint64> fed)
{
    std::stable_sort(fed.begin(), fed.end());
    if (fed.isEmpty())
        return fed;
    const qint64 newest = fed.constLast();
    auto floorDiv = [](qint64 a, qint64 b) {
        return a >= 0 ? a / b : -((-a + b - 1) / b);
    };
    QList<qint64> kept;
    for (qsizetype i = 0; i < fed.size(); ++i) {
        const qint64 at = fed.at(i);
        const qint64 age = newest - at;
        if (i == 0 || age <= JobStore::KeepAllSamplesMs) {
            kept.append(at);
            continue;
        }
        const qint64 width = age <= JobStore::FineBucketAgeMs ? JobStore::FineBucketMs
                                                              : JobStore::CoarseBucketMs;
        if (floorDiv(fed.at(i - 1), width) != floorDiv(at, width))
            kept.append(at);
    }
    if (kept.size() > JobStore::MaxSamplesPerJob)
        kept.remove(1, kept.size() - JobStore::MaxSamplesPerJob);
    return kept;
}

QList<qint64> scenarioTimes(const QString &scenario)
{
    QList<qint64> times;
    auto run = [&times](qint64 from, qint64 duration, qint64 step) {
        for (qint64 t = from; t <= from + duration; t += step)
            times.append(t);
    };
    if (scenario == QLatin1StringView("steady")) {
        run(kT0, 26 * kHour, 45 * 1000);
    } else if (scenario == QLatin1StringView("gap")) {
        run(kT0, 90 * kMinute, 15 * 1000);
        run(kT0 + 3 * 24 * kHour, 90 * kMinute, 15 * 1000);
    } else if (scenario == QLatin1StringView("outOfOrder")) {
        run(kT0, 3 * kHour, 20 * 1000);
        times.append(kT0 + kHour + 7 * 1000); // a late arrival between existing samples
        run(kT0 + 3 * kHour + 20 * 1000, 10 * kMinute, 20 * 1000);
    } else if (scenario == QLatin1StringView("slowAndLong")) {
        run(kT0, 9 * 24 * kHour, 13 * kMinute);
    }
    return times;
}

// --- the kill -9 writer --------------------------------------------------------------------------

constexpr int kKillFixedJobs = 20;
constexpr int kKillNewJobsPerBatch = 5;

QString stepStatus(int batch)
{
    return QStringLiteral("Step%1").arg(batch);
}

// Batch `batch` of the writer: every fixed job advances one step (job row, a transition and a
// sample), and a few new jobs appear.
QList<JobUpdate> killBatch(const QString &profileId, int batch)
{
    QList<JobUpdate> updates;
    const qint64 at = kT0 + batch * 1000LL;
    for (int k = 0; k < kKillFixedJobs; ++k) {
        JobUpdate u;
        u.job = makeJob(profileId, QStringLiteral("fixed-%1").arg(k));
        u.job.job.status = Status::fromString(stepStatus(batch));
        u.job.job.totalRecordCount = 1000000;
        u.job.job.processedRecordCount = batch;
        u.job.fetchedAt = utc(at);
        u.job.rawRetrieve = JobCodec::toJson(u.job.job);
        u.newTransitions.append(
                transition(batch == 0 ? QString() : stepStatus(batch - 1), stepStatus(batch), at));
        u.sample = sample(at, batch, 1000000);
        updates.append(u);
    }
    for (int m = 0; m < kKillNewJobsPerBatch; ++m) {
        JobUpdate u;
        u.job = makeJob(profileId, QStringLiteral("b%1-n%2").arg(batch).arg(m));
        u.job.job.status = Status::fromCode(JobStatus::Submitted);
        u.job.fetchedAt = utc(at);
        updates.append(u);
    }
    return updates;
}

int runWriter(const QString &directory, const QString &profileId)
{
    JobStore store;
    if (!store.open(directory)) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(store.lastError()));
        return 2;
    }
    if (!store.saveProfile(makeProfile(profileId))) {
        std::fprintf(stderr, "saveProfile failed: %s\n", qPrintable(store.lastError()));
        return 3;
    }
    QElapsedTimer timer;
    timer.start();
    // Runs until killed; the time limit only guards against an orphan if the test dies.
    for (int batch = 0; timer.elapsed() < 120 * 1000; ++batch) {
        if (!store.applyUpdates(killBatch(profileId, batch))) {
            std::fprintf(stderr, "applyUpdates failed: %s\n", qPrintable(store.lastError()));
            return 4;
        }
        std::printf("committed %d\n", batch);
        std::fflush(stdout);
    }
    return 0;
}

// A few of batchwatch's words in German, as the app's translation gives them (a core test has
// no .qm: the GUI embeds it).
class GermanWords : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        static const QHash<QByteArray, QString> words{
                {"bw::GatewayError|Could not reach the gateway",
                 QStringLiteral("Das Gateway ist nicht erreichbar")},
                {"bw::GatewayError|The gateway sent a response that is not a usable JSON body",
                 QStringLiteral("Das Gateway sandte eine Antwort ohne brauchbaren JSON-Inhalt")},
                {"bw::GatewayClient|%1 refused the connection",
                 QStringLiteral("%1 hat die Verbindung abgelehnt")},
                {"bw::GatewayClient|the %1 body has no readable %2 (%3) nor status (%4)",
                 QStringLiteral("die %1-Antwort hat weder ein lesbares %2 (%3) noch einen "
                                "lesbaren Status (%4)")},
                {"bw::GatewayClient|job", QStringLiteral("Job")},
                {"bw::GatewayClient|a number", QStringLiteral("eine Zahl")},
                {"bw::GatewayClient|an array", QStringLiteral("eine Liste")},
                {"bw::GatewayClient|; also of the wrong type: %1",
                 QStringLiteral("; außerdem vom falschen Typ: %1")},
                {"bw::GatewayClient|the body is empty", QStringLiteral("die Antwort ist leer")},
        };
        return words.value(QByteArray(context) + '|' + source);
    }
};

} // namespace

class tst_JobStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { storebackend::addRows(); }
    void init();
    void cleanup();
    void twoWritersStoreATransitionOnce();
    void migrationFromVersion2KeepsTheEarliestOfDuplicates();

    // opening and schema
    void createsDirectoryAndCurrentSchema();
    void usesAppDataLocationWhenNoDirectoryGiven();
    void opensAnEmptyExistingFile();
    void refusesDatabaseFromNewerVersion();
    void refusesFilesThatAreNotBatchwatchDatabases_data();
    void refusesFilesThatAreNotBatchwatchDatabases();
    void failedMigrationStepRollsBackThatStepOnly();
    void refusesToMigrateANewerDatabase();
    void schemaHasNoColumnForSecrets();

    // profiles
    void profilesRoundTripEveryField();
    void savingAProfileAgainUpdatesItInPlace();
    void neverStoresAPasswordFromTheBaseUrl();
    void remembersTheDetectedRoute();
    void profilesStoredBeforeTheRequestCeilingKeepTheDefault();

    // watched jobs
    void watchedJobRoundTripsEveryField();
    void fixtureJobsRoundTripExactly_data();
    void fixtureJobsRoundTripExactly();
    void keepsNotReportedApartFromEmpty();
    void readsStoredJobsWrittenInAnotherShape();
    void unicodeTextRoundTrips();
    void aPollsErrorReadsAfterARestartAsBefore();
    void theGatewaysOwnWordsAreKeptByteForByte();
    void addWatchedIgnoresDuplicatesAndKeepsOrder();
    void oneJobIsOneRowInWhateverFormItIsNamed();
    void mergesJobsWatchedTwiceWhenOpeningAnOldStore();
    void refusesJobsOfUnknownProfiles();
    void savingAJobKeepsItsHistory();
    void invalidAddedAtKeepsTheStoredOne();
    void loadsTenThousandJobsAtStartup();

    // history and batches
    void applyUpdatesWritesJobsTransitionsAndSamples();
    void failedBatchLeavesPreviousStateUntouched();
    void appendTransitionsNeedsAWatchedJob();
    void removingJobsDeletesTheirHistory();
    void removingAProfileDeletesItsJobsAndHistory();
    void pruneHistoryDropsOldHistoryButKeepsJobs();

    // progress samples
    void identicalSampleIsSkippedWithinItsBucket();
    void thinsSamplesByAge_data();
    void thinsSamplesByAge();
    void boundsSamplesPerJobKeepingFirstAndNewest();

    // robustness
    void failsCleanlyWhenNotOpen();
    void survivesABrokenDatabase();
    void refusesCallsFromAnotherThread();
    void twoStoresShareOneFile();
    void committedBatchesSurviveKill9();
    void aNewStoreOpenedByManyProcessesAtOnceOpensInEach();

    // the write path
    void rewritesOnlyChangedRawBodies();
    void writesTheRetrieveBodyAsReceived();
    void restoresRawBodiesOfARowRemovedElsewhere();
    void migrationToVersion7KeepsEveryRawBody();
    void rewritesOnlyTheRawBodiesThatChanged();
    void checkpointsTheWalWhenIdleNotInTheCommit();
    void aSaveNeverWatchesARemovedJobAgain();
    void aLargeRefreshReadsBackAsEachJobAlone();
    void aSampleIsDecidedOnWhatIsStoredAfterOtherWrites();
    void aFetchedTimeAloneIsWrittenLaterButNeverLost();
    void aStoreWithSmallPagesIsRebuiltOnceClosedAlone();

private:
    bool openStore(JobStore &store) { return store.open(location()); }
    // `jobs` (of profile "p") saved by one store and read by a new one, as after a restart.
    QList<WatchedJob> savedAndReloaded(const QList<WatchedJob> &jobs)
    {
        {
            JobStore store;
            if (!openStore(store) || !store.saveProfile(makeProfile(QStringLiteral("p")))
                || !store.saveJobs(jobs)) {
                QTest::qFail(qPrintable(QStringLiteral("not saved: ") + store.lastError()),
                             __FILE__, __LINE__);
                return {};
            }
        }
        JobStore store;
        if (!openStore(store)) {
            QTest::qFail(qPrintable(store.lastError()), __FILE__, __LINE__);
            return {};
        }
        return store.loadWatched(QStringLiteral("p"));
    }
    // What JobStore::open takes: the folder, or the PostgreSQL URL.
    QString location() const { return m_pg.isEmpty() ? m_dir->path() : m_pg; }
    // What RawDb takes: the SQLite file, or the PostgreSQL URL.
    QString dbPath() const
    {
        return m_pg.isEmpty() ? QDir(m_dir->path()).filePath(JobStore::fileName()) : m_pg;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pg; // the "postgresql" row: a fresh database's URL
};

void tst_JobStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    STOREBACKEND_PREPARE(m_pg);
}

void tst_JobStore::cleanup()
{
    m_dir.reset();
}

// --- opening and schema ------------------------------------------------------------------------

void tst_JobStore::createsDirectoryAndCurrentSchema()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "a folder and PRAGMAs");
    const QString nested = QDir(m_dir->path()).filePath(QStringLiteral("a/b/c"));
    JobStore store;
    QVERIFY2(store.open(nested), qPrintable(store.lastError()));
    QVERIFY(store.isOpen());
    QCOMPARE(store.lastError(), QString());
    const QString path = QDir(nested).filePath(QStringLiteral("batchwatch.sqlite"));
    QCOMPARE(store.databasePath(), path);
    QVERIFY(QFile::exists(path));
    store.close();
    QVERIFY(!store.isOpen());
    QCOMPARE(store.databasePath(), QString());

    RawDb raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), JobStore::SchemaVersion);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id")).toInt(),
             storeschema::ApplicationId);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    const QStringList tables
            = raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    QCOMPARE(tables,
             (QStringList{QStringLiteral("job_bodies"), QStringLiteral("job_results"),
                          QStringLiteral("profiles"), QStringLiteral("progress_samples"),
                          QStringLiteral("removed_jobs"), QStringLiteral("status_transitions"),
                          QStringLiteral("watched_jobs")}));
    QCOMPARE(JobStore::SchemaVersion, storeschema::currentVersion());
}

void tst_JobStore::usesAppDataLocationWhenNoDirectoryGiven()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "the default folder");
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    const bool hadValue = qEnvironmentVariableIsSet("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", m_dir->path().toLocal8Bit());
    const QString expectedDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    JobStore store;
    const bool ok = store.open();
    const QString path = store.databasePath();
    store.close();
    if (hadValue)
        qputenv("XDG_DATA_HOME", saved);
    else
        qunsetenv("XDG_DATA_HOME");

    QVERIFY2(ok, qPrintable(store.lastError()));
    QVERIFY(expectedDir.startsWith(m_dir->path()));
    QCOMPARE(path, QDir(expectedDir).filePath(JobStore::fileName()));
    QVERIFY(QFile::exists(path));
}

void tst_JobStore::opensAnEmptyExistingFile()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "an empty file");
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    JobStore store;
    QVERIFY2(openStore(store), qPrintable(store.lastError()));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    QCOMPARE(store.profiles().size(), 1);
}

void tst_JobStore::refusesDatabaseFromNewerVersion()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "the file left byte for byte");
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(
                QStringLiteral("PRAGMA application_id = %1").arg(storeschema::ApplicationId)));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE from_the_future (x)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO from_the_future VALUES (42)")));
        QVERIFY(raw.exec(
                QStringLiteral("PRAGMA user_version = %1").arg(JobStore::SchemaVersion + 1)));
    }
    const QByteArray before = fileHash(dbPath());
    QVERIFY(!before.isEmpty());

    JobStore store;
    QVERIFY(!openStore(store));
    QVERIFY(!store.isOpen());
    QVERIFY2(store.lastError().contains(QLatin1StringView("newer version")),
             qPrintable(store.lastError()));
    QVERIFY(store.lastError().contains(QString::number(JobStore::SchemaVersion + 1)));
    QCOMPARE(fileHash(dbPath()), before);

    // Nothing else works on a store that did not open, and nothing crashes.
    QVERIFY(store.profiles().isEmpty());
    QVERIFY(!store.saveProfile(makeProfile(QStringLiteral("p"))));
    QCOMPARE(fileHash(dbPath()), before);
}

void tst_JobStore::refusesFilesThatAreNotBatchwatchDatabases_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage bytes") << QStringLiteral("garbage");
    QTest::newRow("another program's SQLite file") << QStringLiteral("foreign");
    QTest::newRow("a directory in its place") << QStringLiteral("directory");
}

void tst_JobStore::refusesFilesThatAreNotBatchwatchDatabases()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "files of other programs");
    QFETCH(QString, kind);
    if (kind == QLatin1StringView("garbage")) {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray junk;
        for (int i = 0; i < 8192; ++i)
            junk.append(char((i * 7919) % 251));
        f.write(junk);
    } else if (kind == QLatin1StringView("foreign")) {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")));
    } else {
        QVERIFY(QDir(m_dir->path()).mkdir(JobStore::fileName()));
    }
    const QByteArray before = fileHash(dbPath());

    JobStore store;
    QVERIFY(!openStore(store));
    QVERIFY(!store.lastError().isEmpty());
    QVERIFY(!store.isOpen());
    QCOMPARE(fileHash(dbPath()), before);
}

void tst_JobStore::failedMigrationStepRollsBackThatStepOnly()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "SQLite migration steps");
    RawDb raw(dbPath());
    QSqlDatabase db = raw.db();
    QList<storeschema::Migration> steps{
            {1, QStringLiteral("one"), {QStringLiteral("CREATE TABLE one (x)")}},
            {2,
             QStringLiteral("two"),
             {QStringLiteral("CREATE TABLE two (x)"), QStringLiteral("THIS IS NOT SQL")}},
            {3, QStringLiteral("three"), {QStringLiteral("CREATE TABLE three (x)")}},
    };
    QString error;
    QVERIFY(!storeschema::migrate(db, steps, &error));
    QVERIFY2(error.contains(QLatin1StringView("version 2")), qPrintable(error));
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    const QString tablesSql
            = QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    QCOMPARE(raw.column(tablesSql), QStringList{QStringLiteral("one")});

    // Fixing the step lets the next run continue from where it stopped.
    steps[1].statements.removeLast();
    error.clear();
    QVERIFY2(storeschema::migrate(db, steps, &error), qPrintable(error));
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 3);
    QCOMPARE(raw.column(tablesSql),
             (QStringList{QStringLiteral("one"), QStringLiteral("three"), QStringLiteral("two")}));
}

void tst_JobStore::refusesToMigrateANewerDatabase()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "PRAGMA user_version");
    RawDb raw(dbPath());
    QSqlDatabase db = raw.db();
    QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 5")));
    const QList<storeschema::Migration> steps{
            {1, QStringLiteral("one"), {QStringLiteral("CREATE TABLE one (x)")}}};
    QString error;
    QVERIFY(!storeschema::migrate(db, steps, &error));
    QVERIFY(error.contains(QLatin1StringView("newer")));
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 5);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")).toInt(), 0);
}

void tst_JobStore::schemaHasNoColumnForSecrets()
{
    {
        JobStore store;
        QVERIFY(openStore(store));
    }
    RawDb raw(dbPath());
    const QStringList tables = raw.column(
            m_pg.isEmpty() ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")
                           : QStringLiteral("SELECT table_name FROM information_schema.tables"
                                            " WHERE table_schema = current_schema()"));
    QVERIFY(tables.size() >= 4);
    int columns = 0;
    for (const QString &table : tables) {
        for (const QString &column :
             raw.column((m_pg.isEmpty() ? QStringLiteral("PRAGMA table_info(%1)")
                                        : QStringLiteral("SELECT 0, column_name FROM"
                                                         " information_schema.columns WHERE"
                                                         " table_name = '%1'"))
                                .arg(table),
                        1)) {
            ++columns;
            for (const char *word : {"secret", "token", "key", "password", "credential"})
                QVERIFY2(!column.contains(QLatin1StringView(word), Qt::CaseInsensitive),
                         qPrintable(table + u'.' + column));
        }
    }
    QVERIFY(columns > 30);
}

// --- profiles ----------------------------------------------------------------------------------

void tst_JobStore::profilesRoundTripEveryField()
{
    GatewayProfile full;
    full.id = QStringLiteral("7f1c-prod");
    full.name = QStringLiteral("Production (eu) ✓");
    full.baseUrl = QUrl(QStringLiteral("https://gw.example.com:8443/ai/prefix"));
    full.authMode = AuthMode::CustomHeader;
    full.customHeaderName = QStringLiteral("x-api-key");
    full.provider = QStringLiteral("openai");
    full.routeStyle = RouteStyle::Singular;
    full.detectedRoute = RouteStyle::Plural;
    full.timeoutMs = 12345;
    full.caBundlePath = QStringLiteral("/etc/ssl/corp ca.pem");
    full.maxRequestsPerSecond = 7;

    GatewayProfile defaults;
    defaults.id = QStringLiteral("defaults");

    GatewayProfile bearer = makeProfile(QStringLiteral("bearer"));
    bearer.authMode = AuthMode::Bearer;
    bearer.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    bearer.maxRequestsPerSecond = 0; // no ceiling
    GatewayProfile vk = makeProfile(QStringLiteral("vk"));
    vk.authMode = AuthMode::VirtualKey;
    vk.routeStyle = RouteStyle::Plural;
    vk.baseUrl = QUrl(QStringLiteral("https://bücher.example/gw%2Fx?q=1"));

    {
        JobStore store;
        QVERIFY(openStore(store));
        for (const GatewayProfile &p : {full, defaults, bearer, vk})
            QVERIFY2(store.saveProfile(p), qPrintable(store.lastError()));
    }
    JobStore store;
    QVERIFY(openStore(store));
    const QList<GatewayProfile> loaded = store.profiles();
    QCOMPARE(store.lastError(), QString());
    QCOMPARE(loaded.size(), 4);
    const QList<GatewayProfile> expected{full, defaults, bearer, vk};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(loaded[i].id, expected[i].id);
        QCOMPARE(loaded[i].baseUrl, expected[i].baseUrl);
        QVERIFY2(loaded[i] == expected[i], qPrintable(expected[i].id));
    }
}

void tst_JobStore::savingAProfileAgainUpdatesItInPlace()
{
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("a"))));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("b"))));
    QVERIFY(store.addWatched(QStringLiteral("a"), {QStringLiteral("job1")}, utc(kT0)));

    GatewayProfile a = makeProfile(QStringLiteral("a"));
    a.name = QStringLiteral("renamed");
    a.timeoutMs = 1000;
    QVERIFY(store.saveProfile(a));

    const QList<GatewayProfile> loaded = store.profiles();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded[0].id, QStringLiteral("a"));
    QCOMPARE(loaded[0].name, QStringLiteral("renamed"));
    QCOMPARE(loaded[0].timeoutMs, 1000);
    QCOMPARE(loaded[1].id, QStringLiteral("b"));
    // Updating a profile does not touch its jobs.
    QCOMPARE(store.loadWatched(QStringLiteral("a")).size(), 1);

    QSignalSpy failed(&store, &JobStore::writeFailed);
    QVERIFY(!store.saveProfile(GatewayProfile{}));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(store.profiles().size(), 2);
}

void tst_JobStore::neverStoresAPasswordFromTheBaseUrl()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "the bytes of the files");
    GatewayProfile p = makeProfile(QStringLiteral("p"));
    p.baseUrl = QUrl(QStringLiteral("https://alice:hunter2-pw@gw.example.com/ai"));
    {
        JobStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.saveProfile(p));
        const QList<GatewayProfile> loaded = store.profiles();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded[0].baseUrl, QUrl(QStringLiteral("https://alice@gw.example.com/ai")));
        QVERIFY(loaded[0].baseUrl.password().isEmpty());
        // Look at the files while the store is open too (data may sit in the WAL).
        for (const QString &name : QDir(m_dir->path()).entryList(QDir::Files)) {
            QFile f(QDir(m_dir->path()).filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("hunter2"), qPrintable(name));
        }
    }
    for (const QString &name : QDir(m_dir->path()).entryList(QDir::Files)) {
        QFile f(QDir(m_dir->path()).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("hunter2"), qPrintable(name));
    }
}

void tst_JobStore::remembersTheDetectedRoute()
{
    {
        JobStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
        QVERIFY(store.setProfileDetectedRoute(QStringLiteral("p"), RouteStyle::Singular));
        QSignalSpy failed(&store, &JobStore::writeFailed);
        QVERIFY(!store.setProfileDetectedRoute(QStringLiteral("nope"), RouteStyle::Plural));
        QVERIFY(store.lastError().contains(QLatin1StringView("nope")));
        QCOMPARE(failed.size(), 1);
    }
    JobStore store;
    QVERIFY(openStore(store));
    const QList<GatewayProfile> loaded = store.profiles();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded[0].detectedRoute, RouteStyle::Singular);
    QCOMPARE(loaded[0].routeStyle, RouteStyle::Auto);
}

// --- watched jobs ------------------------------------------------------------------------------

void tst_JobStore::profilesStoredBeforeTheRequestCeilingKeepTheDefault()
{
    const storeengine::Engine engine
            = m_pg.isEmpty() ? storeengine::Engine::Sqlite : storeengine::Engine::Postgres;
    {
        // The store as version 4 left it (the last one without the column), with a profile.
        QList<storeschema::Migration> before = storeschema::migrations(engine);
        before.removeIf([](const storeschema::Migration &m) { return m.toVersion > 4; });
        RawDb raw(dbPath());
        QSqlDatabase db = raw.db();
        QString error;
        QVERIFY2(storeschema::migrate(db, before, &error), qPrintable(error));
        QCOMPARE(storeschema::readUserVersion(db, &error), 4);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO profiles (id, name, base_url) VALUES"
                                        " ('old', 'Old gateway', 'http://localhost:8080')")));
    }
    GatewayProfile expected;
    expected.id = QStringLiteral("old");
    expected.name = QStringLiteral("Old gateway");
    {
        JobStore store;
        QVERIFY2(openStore(store), qPrintable(store.lastError()));
        const QList<GatewayProfile> loaded = store.profiles();
        QCOMPARE(loaded.size(), 1);
        // The ceiling every client had before it could be set.
        QCOMPARE(loaded.constFirst().maxRequestsPerSecond, 20);
        QVERIFY(loaded.constFirst() == expected);
        GatewayProfile changed = loaded.constFirst();
        changed.maxRequestsPerSecond = 0;
        QVERIFY2(store.saveProfile(changed), qPrintable(store.lastError()));
    }
    JobStore store;
    QVERIFY(openStore(store));
    QCOMPARE(store.profiles().value(0).maxRequestsPerSecond, 0);
    RawDb raw(dbPath());
    QSqlDatabase db = raw.db();
    QString error;
    QCOMPARE(storeschema::readUserVersion(db, &error), JobStore::SchemaVersion);
}

void tst_JobStore::watchedJobRoundTripsEveryField()
{
    const WatchedJob expected = fullJob(QStringLiteral("p"), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(expected.job.presentFields().count(), JobFieldCount);
    {
        JobStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
        QVERIFY2(store.saveJobs({expected}), qPrintable(store.lastError()));
    }
    JobStore store;
    QVERIFY(openStore(store));
    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(store.lastError(), QString());
    QCOMPARE(loaded.size(), 1);
    COMPARE_JOBS(loaded[0], expected);
    QCOMPARE(loaded[0].job.totalRecordCount, 9007199254740991LL);
    QCOMPARE(loaded[0].addedAt.timeSpec(), Qt::UTC);
    QVERIFY(store.loadWatched(QStringLiteral("other profile")).isEmpty());
    QCOMPARE(store.lastError(), QString());
}

void tst_JobStore::fixtureJobsRoundTripExactly_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = test::fixtureNames();
    // Too few: one row that fails naming the directory (a failing _data function would leave
    // no rows, which aborts the binary).
    if (names.size() < 10)
        QTest::newRow("fixtures directory not found or incomplete")
                << QStringLiteral("retrieve-fixtures-incomplete.json");
    for (const QString &n : names) {
        if (n.startsWith(QLatin1StringView("retrieve-"))
            || n.startsWith(QLatin1StringView("list-")))
            QTest::newRow(qPrintable(n)) << n;
    }
}

void tst_JobStore::fixtureJobsRoundTripExactly()
{
    QFETCH(QString, name);
    const QByteArray body = test::fixture(name);
    QList<WatchedJob> jobs;
    auto add = [&jobs](const ParsedJob &parsed, bool fromList) {
        WatchedJob w
                = makeJob(QStringLiteral("p"), parsed.job.jobArn.value_or(QStringLiteral("no-arn"))
                                                       + QString::number(jobs.size()));
        w.job = parsed.job;
        (fromList ? w.rawList : w.rawRetrieve) = parsed.raw;
        w.everReported = parsed.job.presentFields();
        w.fetchedAt = utc(kT0 + 1);
        jobs.append(w);
    };
    if (name.startsWith(QLatin1StringView("list-"))) {
        const auto page = JobCodec::parseListBody(body);
        QVERIFY(page.hasValue());
        for (const ParsedJob &p : page->jobs)
            add(p, true);
    } else {
        const auto parsed = JobCodec::parseRetrieveBody(body);
        QVERIFY(parsed.hasValue());
        add(*parsed, false);
    }
    QVERIFY(!jobs.isEmpty());

    const QList<WatchedJob> loaded = savedAndReloaded(jobs);
    BW_RETURN_IF_FAILED();
    QCOMPARE(loaded.size(), jobs.size());
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        COMPARE_JOBS(loaded[i], jobs[i]);
        // The raw body is exactly what the gateway sent, byte for byte once re-serialised.
        QCOMPARE(QJsonDocument(loaded[i].rawBody()).toJson(),
                 QJsonDocument(jobs[i].rawBody()).toJson());
    }
}

void tst_JobStore::keepsNotReportedApartFromEmpty()
{
    WatchedJob empty = makeJob(QStringLiteral("p"), QStringLiteral("empty"));
    empty.job.status = Status::fromString(QStringLiteral(""));
    empty.job.jobName = QStringLiteral("");
    empty.job.message = QStringLiteral("");
    empty.job.jobArn = QStringLiteral("");
    empty.job.vpcConfig = VpcConfig{};
    empty.job.inputDataConfig = InputDataConfig{};
    empty.job.outputDataConfig = OutputDataConfig{std::nullopt, QStringLiteral(""), std::nullopt};
    empty.job.timeoutDurationInHours = 0;
    empty.job.totalRecordCount = 0;
    empty.job.processedRecordCount = 0;
    empty.rawRetrieve = QJsonObject{{QStringLiteral("message"), QJsonValue()}};
    GatewayError e;
    e.kind = GatewayError::Kind::Timeout;
    e.retryAfterSeconds = 0;
    empty.lastError = e;
    empty.lastErrorAt = utc(kT0);
    empty.everReported.set(JobField::Message);

    WatchedJob absent = makeJob(QStringLiteral("p"), QStringLiteral("absent"));
    GatewayError bare;
    bare.kind = GatewayError::Kind::Cancelled;
    absent.lastError = bare; // error without a retry hint and without a time

    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    QVERIFY2(store.saveJobs({empty, absent}), qPrintable(store.lastError()));
    QVERIFY(store.appendTransitions(
            QStringLiteral("p"), QStringLiteral("empty"),
            {transition(QString(), QStringLiteral(""), kT0),
             transition(QStringLiteral(""), QStringLiteral("x"), kT0 + 1)}));
    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(loaded.size(), 2);
    COMPARE_JOBS(loaded[0], empty);
    COMPARE_JOBS(loaded[1], absent);

    const Job &j = loaded[0].job;
    QVERIFY(j.status.has_value());
    QCOMPARE(j.status->raw(), QString());
    QVERIFY(j.jobName.has_value() && j.jobName->isEmpty());
    QVERIFY(j.vpcConfig.has_value() && j.vpcConfig->subnetIds.isEmpty());
    QVERIFY(j.inputDataConfig.has_value() && !j.inputDataConfig->s3Uri.has_value());
    QCOMPARE(j.outputDataConfig->s3EncryptionKeyId, std::optional<QString>(QString()));
    QCOMPARE(j.timeoutDurationInHours, std::optional<qint64>(0));
    QVERIFY(!j.modelId.has_value());
    QVERIFY(!j.errorRecordCount.has_value());
    QCOMPARE(loaded[0].lastError->retryAfterSeconds, std::optional<int>(0));
    QVERIFY(loaded[0].rawRetrieve.object().value(QStringLiteral("message")).isNull());

    const Job &a = loaded[1].job;
    QVERIFY(a.presentFields().isEmpty());
    QVERIFY(!loaded[1].fetchedAt.isValid());
    QVERIFY(loaded[1].isStale());
    QVERIFY(!loaded[1].lastError->retryAfterSeconds.has_value());
    QVERIFY(!loaded[1].lastErrorAt.isValid());
    QVERIFY(loaded[1].rawBody().isEmpty());
    QVERIFY(loaded[1].everReported.isEmpty());

    const QList<StatusTransition> history
            = store.transitions(QStringLiteral("p"), QStringLiteral("empty"));
    QCOMPARE(history.size(), 2);
    QVERIFY(!history[0].from.has_value());
    QVERIFY(!history[0].lastModifiedTime.has_value());
    QVERIFY(history[1].from.has_value());
    QCOMPARE(history[1].from->raw(), QString());
}

void tst_JobStore::readsStoredJobsWrittenInAnotherShape()
{
    // Rows written by hand, or by a version whose Job had more fields, are read the codec's way.
    const QList<QByteArray> shapes{
            R"({"status":"InProgress","submitTime":"2025-03-01T09:58:20+02:00"})",
            R"({"status":"Failed","processedRecordCount":"42","futureField":{"a":1}})",
            R"({"vpcConfig":{"subnetIds":"subnet-1"},"endTime":"2025-02-30T00:00:00.000Z"})",
            R"({"inputDataConfig":{"s3InputDataConfig":{"s3Uri":"s3://a","extra":true}}})",
            R"({"submitTime":"2025-03-01 07:58:20Z","totalRecordCount":1.5})",
    };
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    QStringList ids;
    for (qsizetype i = 0; i < shapes.size(); ++i)
        ids << QStringLiteral("shape-%1").arg(i);
    QVERIFY(store.addWatched(QStringLiteral("p"), ids, utc(kT0)));
    {
        RawDb raw(dbPath());
        for (qsizetype i = 0; i < shapes.size(); ++i) {
            QSqlQuery q(raw.db());
            QVERIFY(q.prepare(
                    QStringLiteral("UPDATE watched_jobs SET job_json = ? WHERE identifier = ?")));
            q.addBindValue(QString::fromUtf8(shapes[i])); // as TEXT, not as the usual BLOB
            q.addBindValue(ids[i]);
            QVERIFY(q.exec());
        }
    }
    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(loaded.size(), shapes.size());
    for (qsizetype i = 0; i < shapes.size(); ++i) {
        const Job expected = JobCodec::parseJob(QJsonDocument::fromJson(shapes[i]).object()).job;
        QVERIFY(!expected.presentFields().isEmpty());
        QVERIFY2(loaded[i].job == expected, shapes[i].constData());
    }
    QCOMPARE(loaded[0].job.submitTime, std::optional<QDateTime>(utc(kT0)));
    QCOMPARE(loaded[1].job.processedRecordCount, std::optional<qint64>(42));
}

void tst_JobStore::unicodeTextRoundTrips()
{
    const QString text = QStringLiteral("Überprüfung fehlgeschlagen — 失败 — فشل — ")
                         + QString::fromUtf8(
                                 "\xF0\x9F\x9A\x80 e\xCC\x81 \"quoted\" back\\slash\ttab\nnew line")
                         + QChar(u'\0') + QStringLiteral("after NUL");
    const QString profileId = QStringLiteral("профиль");
    const QString identifier = QStringLiteral("batch_日本語/ü");

    WatchedJob w = makeJob(profileId, identifier);
    w.job.message = text;
    w.job.jobName = QStringLiteral("名前 🚀");
    w.job.status = Status::fromString(QStringLiteral("Ünknöwn"));
    w.rawRetrieve = JobCodec::toJson(w.job);
    GatewayError e;
    e.kind = GatewayError::Kind::Http;
    e.httpStatus = 500;
    e.gatewayType = QStringLiteral("Ошибка");
    e.message = text;
    w.lastError = e;

    GatewayProfile p = makeProfile(profileId);
    p.name = QStringLiteral("Профиль 🚀");
    {
        JobStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.saveProfile(p));
        QVERIFY(store.saveJobs({w}));
        QVERIFY(store.appendTransitions(
                profileId, identifier,
                {transition(QStringLiteral("Ünknöwn"), QStringLiteral("完了"), kT0)}));
    }
    // PostgreSQL text holds no U+0000: a text column keeps U+FFFD in its place (the JSON of the
    // job keeps it exactly).
    const QString storedText
            = m_pg.isEmpty() ? text : QString(text).replace(QChar(u'\0'), QChar(0xFFFD));
    w.lastError->message = storedText;
    JobStore store;
    QVERIFY(openStore(store));
    QCOMPARE(store.profiles().value(0).name, p.name);
    const QList<WatchedJob> loaded = store.loadWatched(profileId);
    QCOMPARE(loaded.size(), 1);
    COMPARE_JOBS(loaded[0], w);
    QCOMPARE(*loaded[0].job.message, text);
    QCOMPARE(loaded[0].lastError->message, storedText);
    const QList<StatusTransition> history = store.transitions(profileId, identifier);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history[0].from->raw(), QStringLiteral("Ünknöwn"));
    QCOMPARE(history[0].to.raw(), QStringLiteral("完了"));
}

void tst_JobStore::aPollsErrorReadsAfterARestartAsBefore()
{
    // The German desktop shows a failed poll in German; the store keeps its English (shared
    // with the CLI and a team). Opened again (the next start), the row reads as it did.
    GermanWords german;
    QCoreApplication::installTranslator(&german);
    const auto uninstall = qScopeGuard([&german] { QCoreApplication::removeTranslator(&german); });

    // A poll of a gateway that is not there…
    const quint16 port = test::closedPort();
    QNetworkAccessManager nam;
    GatewayClient client(&nam);
    GatewayProfile profile = makeProfile(QStringLiteral("p"));
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    profile.maxRequestsPerSecond = 0;
    client.setProfile(profile);
    std::optional<GatewayError> refused;
    client.retrieve(QStringLiteral("job-1"), &client, [&](Expected<RetrieveResult> r) {
        QVERIFY(!r);
        refused = r.error();
    });
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 15000);
    // …and one whose answer names a number for jobArn and a list for status.
    const GatewayError unreadable
            = JobCodec::parseRetrieveBody(R"({"jobArn":5,"status":["InProgress"],"modelId":7})")
                      .error();
    const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(port);
    const QString refusedGerman
            = QStringLiteral("Das Gateway ist nicht erreichbar: %1 hat die Verbindung abgelehnt.")
                      .arg(origin);
    const QString unreadableGerman
            = QStringLiteral("Das Gateway sandte eine Antwort ohne brauchbaren JSON-Inhalt: die "
                             "Job-Antwort hat weder ein lesbares jobArn (eine Zahl) noch einen "
                             "lesbaren Status (eine Liste); außerdem vom falschen Typ: modelId.");
    QCOMPARE(refused->describe(), refusedGerman);
    QCOMPARE(unreadable.describe(), unreadableGerman);

    // A row of an older version: an English sentence batchwatch no longer words stays as is.
    GatewayError old;
    old.kind = GatewayError::Kind::BadBody;
    old.message = QStringLiteral("the job body is not what was expected");

    QList<WatchedJob> jobs;
    for (const GatewayError &e : {*refused, unreadable, old}) {
        WatchedJob w = makeJob(QStringLiteral("p"), QStringLiteral("job-%1").arg(jobs.size()));
        w.lastError = e;
        w.lastErrorAt = utc(kT0);
        jobs << w;
    }
    const QList<WatchedJob> loaded = savedAndReloaded(jobs);
    BW_RETURN_IF_FAILED();
    QCOMPARE(loaded.size(), 3);
    // Stored in English…
    QCOMPARE(loaded[0].lastError->message, QStringLiteral("%1 refused the connection").arg(origin));
    QCOMPARE(loaded[1].lastError->message, unreadable.message);
    QVERIFY(loaded[0].lastError->shownMessage.isEmpty());
    // …shown in the language of this run, word for word as before the restart.
    QCOMPARE(loaded[0].lastError->describe(), refusedGerman);
    QCOMPARE(loaded[1].lastError->describe(), unreadableGerman);
    QCOMPARE(loaded[2].lastError->describe(),
             QStringLiteral("Das Gateway sandte eine Antwort ohne brauchbaren JSON-Inhalt: the job "
                            "body is not what was expected."));
    // Without the translation (the CLI installs none): the English, as stored.
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(loaded[0].lastError->describe(),
             QStringLiteral("Could not reach the gateway: %1 refused the connection.").arg(origin));
}

void tst_JobStore::theGatewaysOwnWordsAreKeptByteForByte()
{
    // What the gateway said is data: stored, read back and shown exactly, never translated,
    // even when its words happen to be one of batchwatch's English sentences.
    GermanWords german;
    QCoreApplication::installTranslator(&german);
    const auto uninstall = qScopeGuard([&german] { QCoreApplication::removeTranslator(&german); });
    const QStringList said{
            QStringLiteral("the body is empty"),
            QStringLiteral("  Überprüfung fehlgeschlagen — %1 %2 \\"),
    };
    QList<WatchedJob> jobs;
    for (const QString &text : said) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("message"), text}})
                                        .toJson(QJsonDocument::Compact);
        GatewayError e = JobCodec::parseErrorResponse(400, body, "application/json",
                                                      "ValidationException");
        QCOMPARE(e.message, text);
        WatchedJob w = makeJob(QStringLiteral("p"), QStringLiteral("job-%1").arg(jobs.size()));
        w.lastError = e;
        jobs << w;
    }
    const QList<WatchedJob> loaded = savedAndReloaded(jobs);
    BW_RETURN_IF_FAILED();
    QCOMPARE(loaded.size(), said.size());
    for (qsizetype i = 0; i < said.size(); ++i) {
        QCOMPARE(loaded[i].lastError->message.toUtf8(), said[i].toUtf8());
        QCOMPARE(loaded[i].lastError->describe(),
                 QStringLiteral("HTTP 400 ValidationException: %1.").arg(said[i].trimmed()));
    }
}

void tst_JobStore::addWatchedIgnoresDuplicatesAndKeepsOrder()
{
    // A job just added has no fields yet, and reads as such (PostgreSQL's schema 4 stored "{7d").
    QTest::failOnWarning(QRegularExpression(QStringLiteral("could not be read")));
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("q"))));
    QVERIFY(store.addWatched(QStringLiteral("p"), {QStringLiteral("zeta"), QStringLiteral("alpha")},
                             utc(kT0)));
    QVERIFY(store.addWatched(
            QStringLiteral("p"),
            {QStringLiteral("alpha"), QStringLiteral("mid"), QStringLiteral("mid")},
            utc(kT0 + kHour)));
    // Same identifier on another profile is another job.
    QVERIFY(store.addWatched(QStringLiteral("q"), {QStringLiteral("alpha")}, QDateTime()));

    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QStringList ids;
    for (const WatchedJob &w : loaded)
        ids << w.identifier;
    QCOMPARE(ids,
             (QStringList{QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("mid")}));
    QCOMPARE(loaded[1].addedAt, utc(kT0)); // the first add wins
    QCOMPARE(loaded[2].addedAt, utc(kT0 + kHour));
    QVERIFY(!loaded[0].fetchedAt.isValid());
    QVERIFY(loaded[0].job.presentFields().isEmpty());
    QVERIFY(loaded[0].isStale());

    const QList<WatchedJob> other = store.loadWatched(QStringLiteral("q"));
    QCOMPARE(other.size(), 1);
    QVERIFY(other[0].addedAt.isValid()); // an invalid addedAt means "now"
}

void tst_JobStore::oneJobIsOneRowInWhateverFormItIsNamed()
{
    const QString p = QStringLiteral("p");
    const QString id = QStringLiteral("k3x9p2m7q1ab");
    const QString arn = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    QVERIFY(store.addWatched(p, {id}, utc(kT0)));
    QVERIFY(store.addWatched(p, {arn}, utc(kT0 + kHour)));

    // Saving or updating it under the ARN updates the row of the id.
    WatchedJob byArn = makeJob(p, arn);
    byArn.job.status = Status::fromCode(JobStatus::Stopping);
    QVERIFY2(store.applyUpdates({{byArn,
                                  {transition(QStringLiteral("InProgress"),
                                              QStringLiteral("Stopping"), kT0 + kMinute)},
                                  sample(kT0 + kMinute, 10)}}),
             qPrintable(store.lastError()));

    const QList<WatchedJob> loaded = store.loadWatched(p);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded[0].identifier, id);
    QCOMPARE(loaded[0].job.statusCode(), JobStatus::Stopping);
    QCOMPARE(store.transitions(p, id).size(), 1);
    QCOMPARE(store.transitions(p, arn).size(), 1);
    QCOMPARE(store.progressSamples(p, arn).size(), 1);

    QVERIFY(store.removeWatched(p, {arn}));
    QVERIFY(store.loadWatched(p).isEmpty());
}

void tst_JobStore::mergesJobsWatchedTwiceWhenOpeningAnOldStore()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "PostgreSQL stores start at version 4");
    const QString arn = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    // A store as version 1 wrote it: the same job watched by id and by ARN, each with
    // history of its own; the ARN row was fetched last (after a stop).
    writeOldStore(
            dbPath(), 1,
            {
                    QStringLiteral("INSERT INTO profiles (id) VALUES ('p'), ('q')"),
                    QStringLiteral("INSERT INTO watched_jobs (id, profile_id, identifier, status,"
                                   " job_json, raw_retrieve, added_at, fetched_at) VALUES"
                                   " (1, 'p', 'k3x9p2m7q1ab', 'InProgress',"
                                   " '{\"status\":\"InProgress\"}', '{\"status\":\"InProgress\"}',"
                                   " %1, %2)")
                            .arg(kT0 + kHour)
                            .arg(kT0 + 2 * kHour),
                    QStringLiteral("INSERT INTO watched_jobs (id, profile_id, identifier, added_at)"
                                   " VALUES (2, 'p', 'other-job', %1)")
                            .arg(kT0),
                    QStringLiteral("INSERT INTO watched_jobs (id, profile_id, identifier, status,"
                                   " job_json, raw_list, added_at, fetched_at) VALUES"
                                   " (3, 'p', '%1', 'Stopping', '{\"status\":\"Stopping\"}',"
                                   " '{\"status\":\"Stopping\"}', %2, %3)")
                            .arg(arn)
                            .arg(kT0)
                            .arg(kT0 + 3 * kHour),
                    QStringLiteral("INSERT INTO watched_jobs (id, profile_id, identifier, added_at)"
                                   " VALUES (4, 'q', 'k3x9p2m7q1ab', %1)")
                            .arg(kT0),
                    QStringLiteral("INSERT INTO status_transitions (job_id, from_status, to_status,"
                                   " observed_at) VALUES (1, NULL, 'InProgress', %1),"
                                   " (3, NULL, 'InProgress', %2),"
                                   " (3, 'InProgress', 'Stopping', %3)")
                            .arg(kT0 + kHour)
                            .arg(kT0 + kMinute)
                            .arg(kT0 + 3 * kHour),
                    QStringLiteral("INSERT INTO progress_samples (job_id, at, total, processed,"
                                   " succeeded, failed) VALUES (1, %1, 100, 10, 10, 0),"
                                   " (3, %2, 100, 20, 20, 0)")
                            .arg(kT0 + kHour)
                            .arg(kT0 + 2 * kHour),
            });
    BW_RETURN_IF_FAILED();

    JobStore store;
    QVERIFY2(openStore(store), qPrintable(store.lastError()));
    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QStringList ids;
    for (const WatchedJob &w : loaded)
        ids << w.identifier;
    // The first row the job had keeps its place and identifier; the newest state wins.
    QCOMPARE(ids, (QStringList{QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("other-job")}));
    QCOMPARE(loaded[0].job.statusCode(), JobStatus::Stopping);
    QCOMPARE(loaded[0].fetchedAt, utc(kT0 + 3 * kHour));
    QCOMPARE(loaded[0].addedAt, utc(kT0)); // the earliest add
    QVERIFY(!loaded[0].rawRetrieve.isEmpty());
    QVERIFY(!loaded[0].rawList.isEmpty());

    // Both histories, in time order; the change both rows saw (none -> InProgress) once, as
    // first observed (schema 3).
    const QList<StatusTransition> history = store.transitions(QStringLiteral("p"), arn);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].observedAt, utc(kT0 + kMinute));
    QCOMPARE(history[1].to.code(), JobStatus::Stopping);
    const QList<ProgressSample> samples
            = store.progressSamples(QStringLiteral("p"), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples[1].processed, 20);

    // The same id on another profile is another job.
    QCOMPARE(store.loadWatched(QStringLiteral("q")).size(), 1);
    store.close();
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), JobStore::SchemaVersion);
}

void tst_JobStore::twoWritersStoreATransitionOnce()
{
    // Issue 12: the app and `batchwatch-cli watch` on one data folder wrote 24 of 353 history
    // rows twice. Two stores on one file, each observing the same change.
    JobStore first;
    JobStore second;
    QVERIFY2(openStore(first), qPrintable(first.lastError()));
    QVERIFY2(openStore(second), qPrintable(second.lastError()));
    const QString p = QStringLiteral("p");
    QVERIFY(first.saveProfile(makeProfile(p)));
    QVERIFY(first.addWatched(p, {QStringLiteral("k3x9p2m7q1ab")}, utc(kT0)));
    const StatusTransition seenByFirst = transition(
            QStringLiteral("Submitted"), QStringLiteral("InProgress"), kT0 + 10, kT0 + 5);
    const StatusTransition seenBySecond = transition(
            QStringLiteral("Submitted"), QStringLiteral("InProgress"), kT0 + 20, kT0 + 5);
    QVERIFY(first.appendTransitions(p, QStringLiteral("k3x9p2m7q1ab"), {seenByFirst}));
    // Named by ARN in the other process: the same job.
    QVERIFY2(second.appendTransitions(
                     p,
                     QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                                    "k3x9p2m7q1ab"),
                     {seenBySecond}),
             qPrintable(second.lastError()));
    const QList<StatusTransition> history = first.transitions(p, QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history[0].observedAt, utc(kT0 + 10));
    // A later change of the same job is a new row.
    QVERIFY(second.appendTransitions(
            p, QStringLiteral("k3x9p2m7q1ab"),
            {transition(QStringLiteral("InProgress"), QStringLiteral("Completed"), kT0 + 30,
                        kT0 + 25)}));
    QCOMPARE(first.transitions(p, QStringLiteral("k3x9p2m7q1ab")).size(), 2);
}

void tst_JobStore::migrationFromVersion2KeepsTheEarliestOfDuplicates()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "PostgreSQL stores start at version 4");
    // A version-2 store that two writers filled: each transition twice or three times.
    writeOldStore(
            dbPath(), 2,
            {QStringLiteral("INSERT INTO profiles (id) VALUES ('p')"),
             QStringLiteral("INSERT INTO watched_jobs (id, profile_id, identifier, canonical_id,"
                            " added_at) VALUES (1, 'p', 'k3x9p2m7q1ab', 'k3x9p2m7q1ab', %1),"
                            " (2, 'p', 'a1b2c3d4e5f6', 'a1b2c3d4e5f6', %1)")
                     .arg(kT0),
             QStringLiteral("INSERT INTO status_transitions (id, job_id, from_status, to_status,"
                            " observed_at, last_modified_time) VALUES"
                            " (10, 1, NULL, 'Submitted', %1, NULL),"
                            " (11, 1, NULL, 'Submitted', %2, NULL),"
                            " (12, 1, 'Submitted', 'InProgress', %3, %4),"
                            " (13, 1, 'Submitted', 'InProgress', %2, %4),"
                            " (14, 1, 'Submitted', 'InProgress', %5, %4),"
                            " (15, 2, NULL, 'Submitted', %2, NULL),"
                            " (16, 1, 'InProgress', 'Submitted', %5, %6)")
                     .arg(kT0 + 100)
                     .arg(kT0 + 50)
                     .arg(kT0 + 300)
                     .arg(kT0 + 200)
                     .arg(kT0 + 400)
                     .arg(kT0 + 350)});
    BW_RETURN_IF_FAILED();
    JobStore store;
    QVERIFY2(openStore(store), qPrintable(store.lastError()));
    const QList<StatusTransition> history
            = store.transitions(QStringLiteral("p"), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(history.size(), 3);
    QCOMPARE(history[0].observedAt, utc(kT0 + 50)); // the earlier of 10 and 11
    QCOMPARE(history[1].observedAt, utc(kT0 + 50)); // the earliest of 12, 13, 14
    QCOMPARE(history[1].to.code(), JobStatus::InProgress);
    QCOMPARE(history[2].to.code(), JobStatus::Submitted);
    QCOMPARE(store.transitions(QStringLiteral("p"), QStringLiteral("a1b2c3d4e5f6")).size(), 1);
    store.close();
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), JobStore::SchemaVersion);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QVERIFY(!raw.exec(QStringLiteral("INSERT INTO status_transitions (job_id, from_status,"
                                     " to_status, observed_at) VALUES (1, NULL, 'Submitted', 1)")));
}

void tst_JobStore::refusesJobsOfUnknownProfiles()
{
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    QSignalSpy failed(&store, &JobStore::writeFailed);

    QVERIFY(!store.addWatched(QStringLiteral("ghost"), {QStringLiteral("a")}, utc(kT0)));
    QVERIFY2(store.lastError().contains(QLatin1StringView("ghost")), qPrintable(store.lastError()));
    // Counts read as English: "1 job", "2 jobs".
    QVERIFY2(store.lastError().startsWith(
                     QLatin1StringView("Could not add 1 job to profile \"ghost\": ")),
             qPrintable(store.lastError()));
    QVERIFY(!store.saveJobs({makeJob(QStringLiteral("ghost"), QStringLiteral("a"))}));
    QVERIFY2(store.lastError().startsWith(QLatin1StringView("Could not save 1 job: ")),
             qPrintable(store.lastError()));
    QVERIFY(!store.addWatched(QStringLiteral("p"), {QStringLiteral("ok"), QString()}, utc(kT0)));
    QVERIFY2(store.lastError().startsWith(
                     QLatin1StringView("Could not add 2 jobs to profile \"p\": ")),
             qPrintable(store.lastError()));
    QVERIFY(!store.saveJobs({makeJob(QStringLiteral("p"), QString())}));
    QCOMPARE(failed.size(), 4);
    QCOMPARE(failed.last().at(0).toString(), store.lastError());

    // The failed add of "ok" + "" was one transaction: "ok" is not there either.
    QVERIFY(store.loadWatched(QStringLiteral("p")).isEmpty());
    QVERIFY(store.loadWatched(QStringLiteral("ghost")).isEmpty());
    QVERIFY(store.addWatched(QStringLiteral("p"), {QStringLiteral("ok")}, utc(kT0)));
    QCOMPARE(store.lastError(), QString());
}

void tst_JobStore::savingAJobKeepsItsHistory()
{
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    WatchedJob w = fullJob(QStringLiteral("p"), QStringLiteral("j"));
    JobUpdate u{w, {transition(QString(), QStringLiteral("Submitted"), kT0)}, sample(kT0, 1)};
    QVERIFY(store.applyUpdates({u}));

    w.job.status = Status::fromCode(JobStatus::Completed);
    w.lastError.reset();
    w.notFound = false;
    QVERIFY(store.saveJobs({w}));

    QCOMPARE(store.transitions(QStringLiteral("p"), QStringLiteral("j")).size(), 1);
    QCOMPARE(store.progressSamples(QStringLiteral("p"), QStringLiteral("j")).size(), 1);
    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(loaded.size(), 1);
    COMPARE_JOBS(loaded[0], w);
}

void tst_JobStore::invalidAddedAtKeepsTheStoredOne()
{
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    QVERIFY(store.addWatched(QStringLiteral("p"), {QStringLiteral("j")}, utc(kT0 - kHour)));
    WatchedJob w = makeJob(QStringLiteral("p"), QStringLiteral("j"));
    w.addedAt = QDateTime();
    w.fetchedAt = utc(kT0);
    QVERIFY(store.saveJobs({w}));
    QCOMPARE(store.loadWatched(QStringLiteral("p")).value(0).addedAt, utc(kT0 - kHour));

    w.addedAt = utc(kT0 - 2 * kHour);
    QVERIFY(store.saveJobs({w}));
    QCOMPARE(store.loadWatched(QStringLiteral("p")).value(0).addedAt, utc(kT0 - 2 * kHour));
}

void tst_JobStore::loadsTenThousandJobsAtStartup()
{
    STOREBACKEND_SQLITE_ONLY(m_pg, "a start-up budget (PostgreSQL: bench/store-throughput.sh)");
    const auto parsed = JobCodec::parseRetrieveBody(
            test::fixture(QStringLiteral("retrieve-inprogress-aws-native.json")));
    QVERIFY(parsed.hasValue());
    constexpr int count = 10000;
    QList<WatchedJob> jobs;
    jobs.reserve(count);
    for (int i = 0; i < count; ++i) {
        WatchedJob w = makeJob(QStringLiteral("p"), QStringLiteral("job-%1").arg(count - i));
        w.job = parsed->job;
        w.job.jobName = QStringLiteral("name-%1").arg(i);
        w.job.processedRecordCount = i;
        w.rawRetrieve = parsed->raw;
        w.fetchedAt = utc(kT0 + i);
        w.everReported = w.job.presentFields();
        if (i % 7 == 0) {
            GatewayError e;
            e.kind = GatewayError::Kind::Network;
            e.message = QStringLiteral("connection refused %1").arg(i);
            w.lastError = e;
            w.lastErrorAt = utc(kT0 + i + 1);
        }
        jobs.append(w);
    }
    {
        JobStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
        QVERIFY2(store.saveJobs(jobs), qPrintable(store.lastError()));
    }
    JobStore store;
    QVERIFY(openStore(store));
    QElapsedTimer timer;
    timer.start();
    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    qInfo("loaded %d jobs in %lld ms", int(loaded.size()), timer.elapsed());
    QCOMPARE(store.lastError(), QString());
    QCOMPARE(loaded.size(), count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(loaded[i].identifier, jobs[i].identifier); // insertion order, not by name
        QCOMPARE(loaded[i].job.jobName, jobs[i].job.jobName);
        QCOMPARE(loaded[i].job.processedRecordCount, jobs[i].job.processedRecordCount);
        QCOMPARE(loaded[i].lastError.has_value(), jobs[i].lastError.has_value());
    }
    for (int i : {0, 1, count / 2, count - 1})
        COMPARE_JOBS(loaded[i], jobs[i]);
}

// --- history and batches -----------------------------------------------------------------------

void tst_JobStore::applyUpdatesWritesJobsTransitionsAndSamples()
{
    const QString p = QStringLiteral("p");
    {
        JobStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.saveProfile(makeProfile(p)));
        QVERIFY(store.addWatched(p, {QStringLiteral("a"), QStringLiteral("b")}, utc(kT0)));

        WatchedJob a = makeJob(p, QStringLiteral("a"));
        a.job.status = Status::fromCode(JobStatus::InProgress);
        WatchedJob b = makeJob(p, QStringLiteral("b"));
        b.job.status = Status::fromCode(JobStatus::Failed);
        b.job.message = QStringLiteral("bad input");
        WatchedJob c = makeJob(p, QStringLiteral("c")); // not added before: watched now
        QVERIFY2(store.applyUpdates(
                         {{a,
                           {transition(QString(), QStringLiteral("Submitted"), kT0, kT0 - 5),
                            transition(QStringLiteral("Submitted"), QStringLiteral("InProgress"),
                                       kT0 + kMinute, kT0 + 30)},
                           sample(kT0 + kMinute, 10)},
                          {b, {transition(QString(), QStringLiteral("Failed"), kT0)}, {}},
                          {c, {}, {}},
                          // the same job again later in the batch
                          {a, {}, sample(kT0 + 2 * kMinute, 20)}}),
                 qPrintable(store.lastError()));
        QCOMPARE(store.lastError(), QString());
    }
    JobStore store;
    QVERIFY(openStore(store));
    const QList<WatchedJob> loaded = store.loadWatched(p);
    QCOMPARE(loaded.size(), 3);
    QCOMPARE(loaded[0].job.statusCode(), JobStatus::InProgress);
    QCOMPARE(loaded[1].job.message, std::optional<QString>(QStringLiteral("bad input")));
    QCOMPARE(loaded[2].identifier, QStringLiteral("c"));

    const QList<StatusTransition> history = store.transitions(p, QStringLiteral("a"));
    QCOMPARE(history.size(), 2);
    QVERIFY(!history[0].from.has_value());
    QCOMPARE(history[0].to.code(), JobStatus::Submitted);
    QCOMPARE(history[0].observedAt, utc(kT0));
    QCOMPARE(history[0].lastModifiedTime, std::optional<QDateTime>(utc(kT0 - 5)));
    QCOMPARE(history[1].from->code(), JobStatus::Submitted);
    QCOMPARE(history[1].to.code(), JobStatus::InProgress);
    QCOMPARE(history[1].observedAt, utc(kT0 + kMinute));

    const QList<ProgressSample> samples = store.progressSamples(p, QStringLiteral("a"));
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples[0].at, utc(kT0 + kMinute));
    QCOMPARE(samples[0].processed, 10);
    QCOMPARE(samples[0].succeeded, 9);
    QCOMPARE(samples[0].failed, 1);
    QCOMPARE(samples[0].total, 1000);
    QCOMPARE(samples[1].processed, 20);

    const auto allHistory = store.transitionsForProfile(p);
    QCOMPARE(allHistory.size(), 2);
    QCOMPARE(allHistory.value(QStringLiteral("a")).size(), 2);
    QCOMPARE(allHistory.value(QStringLiteral("b")).value(0).to.code(), JobStatus::Failed);
    const auto allSamples = store.progressSamplesForProfile(p);
    QCOMPARE(allSamples.size(), 1);
    QCOMPARE(allSamples.value(QStringLiteral("a")).size(), 2);
    QVERIFY(store.transitions(p, QStringLiteral("c")).isEmpty());
    QVERIFY(store.transitions(p, QStringLiteral("unknown")).isEmpty());
    QCOMPARE(store.lastError(), QString());
}

void tst_JobStore::failedBatchLeavesPreviousStateUntouched()
{
    const QString p = QStringLiteral("p");
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    const WatchedJob before = fullJob(p, QStringLiteral("a"));
    QVERIFY(store.applyUpdates({{before,
                                 {transition(QString(), QStringLiteral("InProgress"), kT0)},
                                 sample(kT0, 5)}}));

    WatchedJob changed = before;
    changed.job.status = Status::fromCode(JobStatus::Completed);
    changed.job.processedRecordCount = 1000;
    changed.lastError.reset();
    WatchedJob added = makeJob(p, QStringLiteral("new"));

    QSignalSpy failed(&store, &JobStore::writeFailed);
    QString message; // lastError() of the failed batch (the checks below clear it)
    auto check = [&](const QList<JobUpdate> &batch) {
        QVERIFY(!store.applyUpdates(batch));
        message = store.lastError();
        QVERIFY(!message.isEmpty());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), message);
        failed.clear();
        const QList<WatchedJob> loaded = store.loadWatched(p);
        QCOMPARE(loaded.size(), 1);
        COMPARE_JOBS(loaded[0], before);
        QCOMPARE(store.transitions(p, QStringLiteral("a")).size(), 1);
        const QList<ProgressSample> samples = store.progressSamples(p, QStringLiteral("a"));
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples[0].processed, 5);
    };

    // A job of an unknown profile at the end of an otherwise good batch.
    check({{changed,
            {transition(QStringLiteral("InProgress"), QStringLiteral("Completed"), kT0 + kHour)},
            sample(kT0 + kHour, 1000)},
           {added, {}, {}},
           {makeJob(QStringLiteral("ghost"), QStringLiteral("x")), {}, {}}});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(message.contains(QLatin1StringView("ghost")), qPrintable(message));

    // A transition without a time in the middle.
    check({{changed,
            {transition(QStringLiteral("InProgress"), QStringLiteral("Completed"), kT0)},
            sample(kT0 + kHour, 1000)},
           {added, {StatusTransition{}}, {}}});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(message.contains(QLatin1StringView("\"new\"")), qPrintable(message));

    // A sample without a time.
    check({{changed, {}, ProgressSample{}}});
    if (QTest::currentTestFailed())
        return;

    // The store is still usable afterwards.
    QVERIFY(store.applyUpdates({{changed, {}, sample(kT0 + kHour, 1000)}}));
    QCOMPARE(store.loadWatched(p).value(0).job.statusCode(), JobStatus::Completed);
}

void tst_JobStore::appendTransitionsNeedsAWatchedJob()
{
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    QVERIFY(store.addWatched(QStringLiteral("p"), {QStringLiteral("a")}, utc(kT0)));
    QVERIFY(!store.appendTransitions(QStringLiteral("p"), QStringLiteral("b"),
                                     {transition(QString(), QStringLiteral("Submitted"), kT0)}));
    QVERIFY2(store.lastError().contains(QLatin1StringView("not watched")),
             qPrintable(store.lastError()));
    QVERIFY(!store.appendTransitions(
            QStringLiteral("p"), QStringLiteral("a"),
            {transition(QString(), QStringLiteral("Submitted"), kT0), StatusTransition{}}));
    QVERIFY(store.transitions(QStringLiteral("p"), QStringLiteral("a")).isEmpty());
    QVERIFY(store.appendTransitions(
            QStringLiteral("p"), QStringLiteral("a"),
            {transition(QString(), QStringLiteral("Submitted"), kT0 + 2),
             transition(QStringLiteral("Submitted"), QStringLiteral("Scheduled"), kT0 + 1)}));
    // Oldest first, by observation time.
    const QList<StatusTransition> history
            = store.transitions(QStringLiteral("p"), QStringLiteral("a"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].to.code(), JobStatus::Scheduled);
    QCOMPARE(history[1].to.code(), JobStatus::Submitted);
}

void tst_JobStore::removingJobsDeletesTheirHistory()
{
    const QString p = QStringLiteral("p");
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    QList<JobUpdate> batch;
    for (const QString &id : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
        batch.append({fullJob(p, id),
                      {transition(QString(), QStringLiteral("InProgress"), kT0)},
                      sample(kT0, 1)});
    QVERIFY(store.applyUpdates(batch));

    QVERIFY(store.removeWatched(
            p, {QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("never-watched")}));
    const QList<WatchedJob> left = store.loadWatched(p);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].identifier, QStringLiteral("b"));
    QCOMPARE(store.transitions(p, QStringLiteral("b")).size(), 1);
    QCOMPARE(store.progressSamples(p, QStringLiteral("b")).size(), 1);

    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM status_transitions")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM progress_samples")).toInt(), 1);

    // Watching "a" again starts from a clean slate.
    QVERIFY(store.addWatched(p, {QStringLiteral("a")}, utc(kT0 + kHour)));
    QVERIFY(store.transitions(p, QStringLiteral("a")).isEmpty());
    QVERIFY(store.progressSamples(p, QStringLiteral("a")).isEmpty());
    QVERIFY(store.loadWatched(p).value(1).job.presentFields().isEmpty());
}

void tst_JobStore::removingAProfileDeletesItsJobsAndHistory()
{
    JobStore store;
    QVERIFY(openStore(store));
    for (const QString &p : {QStringLiteral("gone"), QStringLiteral("kept")}) {
        QVERIFY(store.saveProfile(makeProfile(p)));
        QVERIFY(store.applyUpdates({{fullJob(p, QStringLiteral("shared-id")),
                                     {transition(QString(), QStringLiteral("InProgress"), kT0)},
                                     sample(kT0, 1)}}));
    }
    QVERIFY(store.removeProfile(QStringLiteral("gone")));
    QVERIFY(store.removeProfile(QStringLiteral("never existed")));
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().value(0).id, QStringLiteral("kept"));
    QVERIFY(store.loadWatched(QStringLiteral("gone")).isEmpty());
    QCOMPARE(store.loadWatched(QStringLiteral("kept")).size(), 1);
    QCOMPARE(store.transitions(QStringLiteral("kept"), QStringLiteral("shared-id")).size(), 1);

    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM watched_jobs")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM status_transitions")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM progress_samples")).toInt(), 1);
}

void tst_JobStore::pruneHistoryDropsOldHistoryButKeepsJobs()
{
    const QString p = QStringLiteral("p");
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    const qint64 day = 24 * kHour;
    QVERIFY(store.applyUpdates(
            {{fullJob(p, QStringLiteral("old")),
              {transition(QString(), QStringLiteral("Submitted"), kT0 - 40 * day),
               transition(QStringLiteral("Submitted"), QStringLiteral("Completed"),
                          kT0 - 31 * day)},
              sample(kT0 - 40 * day, 1)},
             {fullJob(p, QStringLiteral("old")), {}, sample(kT0 - 31 * day, 2)},
             {fullJob(p, QStringLiteral("new")),
              {transition(QString(), QStringLiteral("Submitted"), kT0 - 40 * day),
               transition(QStringLiteral("Submitted"), QStringLiteral("InProgress"), kT0)},
              sample(kT0 - 31 * day, 1)},
             {fullJob(p, QStringLiteral("new")), {}, sample(kT0, 2)}}));

    QVERIFY(!store.pruneHistory(QDateTime()));
    QCOMPARE(store.transitionsForProfile(p).value(QStringLiteral("old")).size(), 2);

    QVERIFY(store.pruneHistory(utc(kT0 - 30 * day)));
    QCOMPARE(store.loadWatched(p).size(), 2);
    QVERIFY(store.transitions(p, QStringLiteral("old")).isEmpty());
    QVERIFY(store.progressSamples(p, QStringLiteral("old")).isEmpty());
    const QList<StatusTransition> kept = store.transitions(p, QStringLiteral("new"));
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept[0].to.code(), JobStatus::InProgress);
    const QList<ProgressSample> samples = store.progressSamples(p, QStringLiteral("new"));
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples[0].at, utc(kT0));
}

// --- progress samples --------------------------------------------------------------------------

void tst_JobStore::identicalSampleIsSkippedWithinItsBucket()
{
    const QString p = QStringLiteral("p");
    const WatchedJob w = makeJob(p, QStringLiteral("j"));
    const qint64 bucket = (kT0 / JobStore::FineBucketMs + 1) * JobStore::FineBucketMs;
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    QVERIFY(store.applyUpdates({{w, {}, sample(bucket + 10 * 1000, 7)},
                                {w, {}, sample(bucket + 40 * 1000, 7)},  // same counts: skipped
                                {w, {}, sample(bucket + 70 * 1000, 7)},  // skipped
                                {w, {}, sample(bucket + 100 * 1000, 8)}, // progress: kept
                                {w, {}, sample(bucket + 130 * 1000, 8)}, // skipped
                                // same counts, but the first of the next 5-minute bucket
                                {w, {}, sample(bucket + JobStore::FineBucketMs, 8)},
                                {w, {}, sample(bucket + JobStore::FineBucketMs + 1, 8)}}));
    QList<qint64> times;
    for (const ProgressSample &s : store.progressSamples(p, QStringLiteral("j")))
        times << s.at.toMSecsSinceEpoch() - bucket;
    QCOMPARE(times, (QList<qint64>{10 * 1000, 100 * 1000, JobStore::FineBucketMs}));

    // Any counter counts, not only "processed".
    ProgressSample s = sample(bucket + JobStore::FineBucketMs + 2, 8);
    s.failed += 1;
    QVERIFY(store.applyUpdates({{w, {}, s}}));
    QCOMPARE(store.progressSamples(p, QStringLiteral("j")).size(), 4);
}

void tst_JobStore::thinsSamplesByAge_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("batchSize"); // updates per applyUpdates call
    for (const char *scenario : {"steady", "gap", "outOfOrder", "slowAndLong"}) {
        for (int batchSize : {1, 97, 1000000})
            QTest::addRow("%s, %d per batch", scenario, batchSize)
                    << QString::fromLatin1(scenario) << batchSize;
    }
}

void tst_JobStore::thinsSamplesByAge()
{
    QFETCH(QString, scenario);
    QFETCH(int, batchSize);
    if (!m_pg.isEmpty() && (batchSize != 1000000 || scenario != QLatin1StringView("outOfOrder")))
        QSKIP("PostgreSQL: one scenario in one batch (the policy itself is SQL-free and "
              "covered on SQLite)");
    const QString p = QStringLiteral("p");
    const QList<qint64> fed = scenarioTimes(scenario);
    QVERIFY(fed.size() > 100);

    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    const WatchedJob w = makeJob(p, QStringLiteral("j"));
    QList<JobUpdate> batch;
    for (qsizetype i = 0; i < fed.size(); ++i) {
        batch.append({w, {}, sample(fed[i], i + 1, 1000000)});
        if (batch.size() == batchSize || i == fed.size() - 1) {
            QVERIFY2(store.applyUpdates(batch), qPrintable(store.lastError()));
            batch.clear();
        }
    }
    QList<qint64> stored;
    for (const ProgressSample &s : store.progressSamples(p, QStringLiteral("j")))
        stored << s.at.toMSecsSinceEpoch();
    const QList<qint64> expected = referenceThinning(fed);
    QCOMPARE(stored.size(), expected.size());
    QCOMPARE(stored, expected);

    // The policy in plain words, on what is stored.
    QList<qint64> sortedFed = fed;
    std::sort(sortedFed.begin(), sortedFed.end());
    const qint64 newest = sortedFed.constLast();
    QCOMPARE(stored.constFirst(), sortedFed.constFirst());
    QCOMPARE(stored.constLast(), newest);
    QVERIFY(stored.size() <= JobStore::MaxSamplesPerJob);
    const auto lastHour = std::count_if(sortedFed.cbegin(), sortedFed.cend(), [newest](qint64 t) {
        return newest - t <= JobStore::KeepAllSamplesMs;
    });
    QCOMPARE(std::count_if(stored.cbegin(), stored.cend(),
                           [newest](qint64 t) { return newest - t <= JobStore::KeepAllSamplesMs; }),
             lastHour);
    std::map<qint64, int> fine, coarse;
    for (qsizetype i = 1; i < stored.size(); ++i) {
        const qint64 age = newest - stored[i];
        if (age > JobStore::FineBucketAgeMs)
            QVERIFY(++coarse[stored[i] / JobStore::CoarseBucketMs] == 1);
        else if (age > JobStore::KeepAllSamplesMs)
            QVERIFY(++fine[stored[i] / JobStore::FineBucketMs] == 1);
    }
    if (scenario == QLatin1StringView("slowAndLong"))
        QVERIFY(!coarse.empty());
    if (scenario == QLatin1StringView("steady")) {
        QVERIFY(fine.size() > 250); // every 5-minute bucket between 1 h and 24 h ago
        QVERIFY(stored.size() < fed.size() / 4);
    }
}

void tst_JobStore::boundsSamplesPerJobKeepingFirstAndNewest()
{
    const QString p = QStringLiteral("p");
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    const WatchedJob w = makeJob(p, QStringLiteral("j"));
    // Hourly samples survive thinning, so only the bound limits them.
    const int fedCount = JobStore::MaxSamplesPerJob + 150;
    QList<JobUpdate> batch;
    for (int i = 0; i < fedCount; ++i) {
        batch.append({w, {}, sample(kT0 + i * kHour, i)});
        if (batch.size() == 500) {
            QVERIFY(store.applyUpdates(batch));
            batch.clear();
        }
    }
    QVERIFY(store.applyUpdates(batch));
    const QList<ProgressSample> samples = store.progressSamples(p, QStringLiteral("j"));
    QCOMPARE(samples.size(), JobStore::MaxSamplesPerJob);
    QCOMPARE(samples.first().processed, 0);                                       // the first
    QCOMPARE(samples.at(1).processed, fedCount - JobStore::MaxSamplesPerJob + 1); // oldest go
    QCOMPARE(samples.last().processed, fedCount - 1);                             // the newest
}

// --- robustness --------------------------------------------------------------------------------

void tst_JobStore::failsCleanlyWhenNotOpen()
{
    JobStore store;
    QSignalSpy failed(&store, &JobStore::writeFailed);
    QVERIFY(!store.isOpen());
    QVERIFY(store.profiles().isEmpty());
    QVERIFY(store.lastError().contains(QLatin1StringView("not open")));
    QVERIFY(!store.saveProfile(makeProfile(QStringLiteral("p"))));
    QVERIFY(!store.removeProfile(QStringLiteral("p")));
    QVERIFY(!store.setProfileDetectedRoute(QStringLiteral("p"), RouteStyle::Plural));
    QVERIFY(!store.addWatched(QStringLiteral("p"), {QStringLiteral("a")}, utc(kT0)));
    QVERIFY(!store.removeWatched(QStringLiteral("p"), {QStringLiteral("a")}));
    QVERIFY(store.loadWatched(QStringLiteral("p")).isEmpty());
    QVERIFY(!store.saveJobs({makeJob(QStringLiteral("p"), QStringLiteral("a"))}));
    QVERIFY(!store.appendTransitions(QStringLiteral("p"), QStringLiteral("a"), {}));
    QVERIFY(store.transitions(QStringLiteral("p"), QStringLiteral("a")).isEmpty());
    QVERIFY(store.transitionsForProfile(QStringLiteral("p")).isEmpty());
    QVERIFY(!store.applyUpdates({}));
    QVERIFY(store.progressSamples(QStringLiteral("p"), QStringLiteral("a")).isEmpty());
    QVERIFY(store.progressSamplesForProfile(QStringLiteral("p")).isEmpty());
    QVERIFY(!store.pruneHistory(utc(kT0)));
    QCOMPARE(failed.size(), 9);
    QVERIFY(store.lastError().contains(QLatin1StringView("not open")));

    // Closed after use: the same.
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    store.close();
    store.close();
    QVERIFY(!store.saveProfile(makeProfile(QStringLiteral("q"))));
    QVERIFY(store.profiles().isEmpty());
    QVERIFY(openStore(store));
    QCOMPARE(store.profiles().size(), 1);
}

void tst_JobStore::survivesABrokenDatabase()
{
    const QString p = QStringLiteral("p");
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    const WatchedJob good = fullJob(p, QStringLiteral("good"));
    QVERIFY(store.saveJobs({good, fullJob(p, QStringLiteral("mangled"))}));

    {
        RawDb raw(dbPath());
        // A stored job and a raw body that are not JSON any more.
        QVERIFY(raw.exec(QStringLiteral("UPDATE watched_jobs SET job_json = '{\"status\": tru'"
                                        " WHERE identifier = 'mangled'")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE job_bodies SET raw_list = 'not json' WHERE job_id"
                                        " = (SELECT id FROM watched_jobs"
                                        " WHERE identifier = 'mangled')")));
    }
    QList<WatchedJob> loaded = store.loadWatched(p);
    QCOMPARE(loaded.size(), 2);
    COMPARE_JOBS(loaded[0], good);
    QCOMPARE(loaded[1].identifier, QStringLiteral("mangled"));
    QVERIFY(loaded[1].job.presentFields().isEmpty()); // shown without fields, not dropped
    QVERIFY(loaded[1].rawList.isEmpty());
    QCOMPARE(loaded[1].rawRetrieve.object(), good.rawRetrieve.object());
    QCOMPARE(loaded[1].fetchedAt, good.fetchedAt);

    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE progress_samples")));
    }
    QSignalSpy failed(&store, &JobStore::writeFailed);
    QVERIFY(!store.applyUpdates({{good, {}, sample(kT0, 1)}}));
    QVERIFY(!store.lastError().isEmpty());
    QCOMPARE(failed.size(), 1);
    QVERIFY(store.progressSamples(p, QStringLiteral("good")).isEmpty());
    QVERIFY(!store.lastError().isEmpty());
    // What does not need the missing table still works.
    QCOMPARE(store.loadWatched(p).size(), 2);
    QCOMPARE(store.lastError(), QString());
    QVERIFY(store.appendTransitions(p, QStringLiteral("good"),
                                    {transition(QString(), QStringLiteral("Completed"), kT0)}));
    QVERIFY(store.removeWatched(p, {QStringLiteral("mangled")}));
    QCOMPARE(store.loadWatched(p).size(), 1);
}

void tst_JobStore::refusesCallsFromAnotherThread()
{
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    bool saved = true;
    int profiles = -1;
    QString error;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        saved = store.saveProfile(makeProfile(QStringLiteral("q")));
        profiles = int(store.profiles().size());
        error = store.lastError();
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY(!saved);
    QCOMPARE(profiles, 0);
    QVERIFY2(error.contains(QLatin1StringView("thread")), qPrintable(error));
    QCOMPARE(store.profiles().size(), 1);
}

void tst_JobStore::twoStoresShareOneFile()
{
    JobStore gui;
    JobStore cli;
    QVERIFY(openStore(gui));
    QVERIFY(openStore(cli));
    QVERIFY(gui.saveProfile(makeProfile(QStringLiteral("p"))));
    QVERIFY(cli.addWatched(QStringLiteral("p"), {QStringLiteral("from-cli")}, utc(kT0)));
    QVERIFY(gui.addWatched(QStringLiteral("p"), {QStringLiteral("from-gui")}, utc(kT0)));
    QCOMPARE(gui.loadWatched(QStringLiteral("p")).size(), 2);
    QCOMPARE(cli.loadWatched(QStringLiteral("p")).size(), 2);
    cli.close();
    QCOMPARE(gui.loadWatched(QStringLiteral("p")).size(), 2);

    JobStore memory;
    QVERIFY(memory.openInMemory());
    QCOMPARE(memory.databasePath(), QStringLiteral(":memory:"));
    QVERIFY(memory.profiles().isEmpty());
    QVERIFY(memory.saveProfile(makeProfile(QStringLiteral("demo"))));
    QVERIFY(memory.addWatched(QStringLiteral("demo"), {QStringLiteral("x")}, utc(kT0)));
    QCOMPARE(memory.loadWatched(QStringLiteral("demo")).size(), 1);
    QCOMPARE(gui.profiles().size(), 1); // separate databases
}

void tst_JobStore::aNewStoreOpenedByManyProcessesAtOnceOpensInEach()
{
    // Two `batchwatch-cli` started at once on a new, empty data folder: one failed with "schema
    // migration to version 1 … table profiles already exists". Each process must open the store.
    if (!m_pg.isEmpty())
        QSKIP("a new store each round: the SQLite half (the PostgreSQL test database exists)");
    for (int round = 0; round < 4; ++round) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < 4; ++i) {
            auto child = std::make_unique<QProcess>();
            child->setProcessChannelMode(QProcess::MergedChannels);
            child->start(QCoreApplication::applicationFilePath(),
                         {QStringLiteral("--open"), dir.path()});
            children.push_back(std::move(child));
        }
        for (const auto &child : children) {
            QVERIFY2(child->waitForFinished(30000), qPrintable(child->errorString()));
            QVERIFY2(child->exitStatus() == QProcess::NormalExit && child->exitCode() == 0,
                     child->readAll().constData());
        }
    }
}

void tst_JobStore::committedBatchesSurviveKill9()
{
    // Each round kills a writer at a different point and checks what it had reported.
    for (int round = 0; round < 3; ++round) {
        const QString profileId = QStringLiteral("kill-%1").arg(round);
        const int target = 3 + round * 9;

        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--writer"), location(), profileId});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));

        QByteArray out;
        int lastReported = -1;
        auto readCommitted = [&] {
            out += child.readAllStandardOutput();
            qsizetype end = out.lastIndexOf('\n');
            if (end < 0)
                return lastReported;
            for (const QByteArray &line : out.left(end).split('\n')) {
                if (line.startsWith("committed "))
                    lastReported = std::max(lastReported, line.mid(10).toInt());
            }
            out.remove(0, end + 1);
            return lastReported;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(readCommitted() >= target
                                          || child.state() == QProcess::NotRunning,
                                  "the writer reported nothing", 30000);
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());

        child.kill(); // SIGKILL, mid-stream: the writer never stops writing on its own
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        readCommitted(); // lines already in the pipe count as reported too
        QVERIFY(lastReported >= target);

        JobStore store;
        QVERIFY2(openStore(store), qPrintable(store.lastError()));
        const QList<WatchedJob> jobs = store.loadWatched(profileId);
        QCOMPARE(store.lastError(), QString());
        QVERIFY(!jobs.isEmpty());
        const WatchedJob &first = jobs.constFirst();
        QCOMPARE(first.identifier, QStringLiteral("fixed-0"));
        // The batch that was being written when the kill came is there whole or not at all.
        const int stored = int(first.job.processedRecordCount.value_or(-1));
        QVERIFY2(
                stored >= lastReported,
                qPrintable(QStringLiteral("reported %1, stored %2").arg(lastReported).arg(stored)));

        QSet<QString> expectedIds;
        for (int k = 0; k < kKillFixedJobs; ++k)
            expectedIds.insert(QStringLiteral("fixed-%1").arg(k));
        for (int b = 0; b <= stored; ++b) {
            for (int m = 0; m < kKillNewJobsPerBatch; ++m)
                expectedIds.insert(QStringLiteral("b%1-n%2").arg(b).arg(m));
        }
        QSet<QString> ids;
        for (const WatchedJob &w : jobs) {
            ids.insert(w.identifier);
            if (!w.identifier.startsWith(QLatin1StringView("fixed-")))
                continue;
            QCOMPARE(w.job.processedRecordCount, std::optional<qint64>(stored));
            QCOMPARE(w.job.statusText(), stepStatus(stored));
            QCOMPARE(w.fetchedAt, utc(kT0 + stored * 1000LL));
            const QList<StatusTransition> history = store.transitions(profileId, w.identifier);
            QCOMPARE(history.size(), stored + 1);
            for (int b = 0; b <= stored; ++b)
                QCOMPARE(history[b].to.raw(), stepStatus(b));
            const QList<ProgressSample> samples = store.progressSamples(profileId, w.identifier);
            QVERIFY(!samples.isEmpty());
            QCOMPARE(samples.constLast().processed, stored);
        }
        QCOMPARE(ids, expectedIds);
    }
}

void tst_JobStore::rewritesOnlyChangedRawBodies()
{
    // A refresh whose bodies did not change does not serialise them again; whatever was written
    // last is what comes back.
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    WatchedJob w = fullJob(QStringLiteral("p"), QStringLiteral("k3x9p2m7q1ab"));
    const QJsonObject first{{QStringLiteral("status"), QStringLiteral("InProgress")},
                            {QStringLiteral("processedRecordCount"), 10}};
    w.rawRetrieve = first;
    QVERIFY(store.saveJobs({w}));

    // Equal but not the same object, with another field changed beside it.
    w.rawRetrieve.object() = QJsonDocument::fromJson(QJsonDocument(first).toJson()).object();
    w.fetchedAt = utc(kT0 + 60'000);
    JobUpdate update;
    update.job = w;
    QVERIFY(store.applyUpdates({update}));
    QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.constFirst().rawRetrieve.object(), first);
    QCOMPARE(loaded.constFirst().fetchedAt, utc(kT0 + 60'000));

    // A changed body, and one that goes away, are written.
    const QJsonObject second{{QStringLiteral("status"), QStringLiteral("Completed")}};
    update.job.rawRetrieve = second;
    update.job.rawList = QJsonObject();
    QVERIFY(store.applyUpdates({update}));
    loaded = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(loaded.constFirst().rawRetrieve.object(), second);
    QCOMPARE(loaded.constFirst().rawList.object(), QJsonObject());

    // A failed batch leaves nothing behind, not even in what the store remembers writing.
    const QJsonObject third{{QStringLiteral("status"), QStringLiteral("Failed")}};
    JobUpdate broken = update;
    broken.job.rawRetrieve = third;
    JobUpdate orphan;
    orphan.job = makeJob(QStringLiteral("no-such-profile"), QStringLiteral("x"));
    QVERIFY(!store.applyUpdates({broken, orphan}));
    QCOMPARE(store.loadWatched(QStringLiteral("p")).constFirst().rawRetrieve.object(), second);
    QVERIFY(store.applyUpdates({broken}));
    QCOMPARE(store.loadWatched(QStringLiteral("p")).constFirst().rawRetrieve.object(), third);
}

void tst_JobStore::writesTheRetrieveBodyAsReceived()
{
    // The monitor hands over the body as the gateway sent it: that text is stored (not the
    // object serialised again) and reads back as the same object.
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(QStringLiteral("p"))));
    WatchedJob w = fullJob(QStringLiteral("p"), QStringLiteral("k3x9p2m7q1ab"));
    const QByteArray received
            = "{\n  \"status\" : \"InProgress\",\n  \"processedRecordCount\": 10,\n"
              "  \"note\": \"caf\u00e9 \\u00e9\"\n}\n";
    JobUpdate update;
    update.job = w;
    update.job.rawRetrieve = QJsonDocument::fromJson(received).object();
    QVERIFY(!update.job.rawRetrieve.isEmpty());
    update.rawRetrieveText = received;
    QVERIFY2(store.applyUpdates({update}), qPrintable(store.lastError()));

    const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.constFirst().rawRetrieve.object(), update.job.rawRetrieve.object());
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT raw_retrieve FROM job_bodies")).toByteArray(),
                 received);
    }

    // Without the text (any other writer), the object is serialised as before.
    const QJsonObject next{{QStringLiteral("status"), QStringLiteral("Completed")}};
    update.job.rawRetrieve = next;
    update.rawRetrieveText.clear();
    QVERIFY(store.applyUpdates({update}));
    QCOMPARE(store.loadWatched(QStringLiteral("p")).constFirst().rawRetrieve.object(), next);
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT raw_retrieve FROM job_bodies")).toByteArray(),
             QJsonDocument(next).toJson(QJsonDocument::Compact));
}

void tst_JobStore::migrationToVersion7KeepsEveryRawBody()
{
    // Version 7 moves the raw bodies out of watched_jobs into job_bodies: every body, byte for
    // byte (whitespace, escapes, non-ASCII; on SQLite even text a hand edit left), on both
    // engines; a job without bodies has no row there and still loads.
    const storeengine::Engine engine
            = m_pg.isEmpty() ? storeengine::Engine::Sqlite : storeengine::Engine::Postgres;
    const QByteArray retrieve
            = "{\n  \"status\" : \"InProgress\", \"note\": \"caf\xc3\xa9 \\u00e9\"}";
    const QByteArray list = "{\"status\":\"Completed\",\"jobArn\":\"arn:x\"}";
    const QByteArray native = "{\"id\":\"batch_1\", \"expires_at\": 1764288000 }";
    {
        QList<storeschema::Migration> before = storeschema::migrations(engine);
        before.removeIf([](const storeschema::Migration &m) { return m.toVersion > 6; });
        RawDb raw(dbPath());
        QSqlDatabase db = raw.db();
        QString error;
        QVERIFY2(storeschema::migrate(db, before, &error), qPrintable(error));
        QCOMPARE(storeschema::readUserVersion(db, &error), 6);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO profiles (id) VALUES ('p')")));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral(
                "INSERT INTO watched_jobs (profile_id, identifier, canonical_id, job_json,"
                " raw_retrieve, raw_list, raw_native, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")));
        const QVariant none(QMetaType::fromType<QByteArray>());
        const QList<QVariantList> rows{
                {QStringLiteral("all-three"), retrieve, list, native},
                {QStringLiteral("no-bodies"), none, none, none},
                {QStringLiteral("native-only"), none, none, native},
                {QStringLiteral("list-only"), none, list, none},
        };
        for (const QVariantList &row : rows) {
            q.bindValue(0, QStringLiteral("p"));
            q.bindValue(1, row.at(0));
            q.bindValue(2, row.at(0));
            q.bindValue(3, QByteArray("{\"status\":\"InProgress\"}"));
            q.bindValue(4, row.at(1));
            q.bindValue(5, row.at(2));
            q.bindValue(6, row.at(3));
            q.bindValue(7, kT0);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        if (engine == storeengine::Engine::Sqlite) // a body a hand edit left as TEXT
            QVERIFY(raw.exec(QStringLiteral("UPDATE watched_jobs SET raw_list = '{\"t\": 1}'"
                                            " WHERE identifier = 'all-three'")));
    }
    const QByteArray allThreeList
            = engine == storeengine::Engine::Sqlite ? QByteArray("{\"t\": 1}") : list;
    {
        JobStore store;
        QVERIFY2(openStore(store), qPrintable(store.lastError()));
        const QList<WatchedJob> loaded = store.loadWatched(QStringLiteral("p"));
        QCOMPARE(loaded.size(), 4);
        QCOMPARE(loaded[0].identifier, QStringLiteral("all-three"));
        QCOMPARE(loaded[0].rawRetrieve, QJsonDocument::fromJson(retrieve).object());
        QCOMPARE(loaded[0].rawList, QJsonDocument::fromJson(allThreeList).object());
        QCOMPARE(loaded[0].rawNative, QJsonDocument::fromJson(native).object());
        QVERIFY(loaded[1].rawRetrieve.isEmpty() && loaded[1].rawList.isEmpty()
                && loaded[1].rawNative.isEmpty());
        QCOMPARE(loaded[1].job.status->raw(), QStringLiteral("InProgress"));
        QCOMPARE(loaded[2].rawNative, QJsonDocument::fromJson(native).object());
        QVERIFY(loaded[2].rawRetrieve.isEmpty());
        QCOMPARE(loaded[3].rawList, QJsonDocument::fromJson(list).object());
    }
    RawDb raw(dbPath());
    QSqlDatabase db = raw.db();
    QString error;
    QCOMPARE(storeschema::readUserVersion(db, &error), JobStore::SchemaVersion);
    const auto body = [&](const char *column, const char *identifier) {
        return raw.scalar(QStringLiteral("SELECT b.%1 FROM job_bodies b JOIN watched_jobs w"
                                         " ON w.id = b.job_id WHERE w.identifier = '%2'")
                                  .arg(QLatin1StringView(column), QLatin1StringView(identifier)));
    };
    QCOMPARE(body("raw_retrieve", "all-three").toByteArray(), retrieve);
    QCOMPARE(body("raw_list", "all-three").toByteArray(), allThreeList);
    QCOMPARE(body("raw_native", "all-three").toByteArray(), native);
    QVERIFY(body("raw_retrieve", "native-only").isNull());
    QCOMPARE(body("raw_native", "native-only").toByteArray(), native);
    QCOMPARE(body("raw_list", "list-only").toByteArray(), list);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM job_bodies")).toInt(), 3);
    // The bodies are gone from watched_jobs (its rows are narrow now), but not its columns: a
    // client of version 6 still running on a shared store writes them without an error.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM watched_jobs WHERE raw_retrieve IS"
                                       " NOT NULL OR raw_list IS NOT NULL OR raw_native IS NOT"
                                       " NULL"))
                     .toInt(),
             0);
    QVERIFY(raw.exec(QStringLiteral("UPDATE watched_jobs SET raw_retrieve = job_json,"
                                    " raw_list = NULL, raw_native = NULL")));
    if (engine == storeengine::Engine::Sqlite) {
        QCOMPARE(raw.scalar(QStringLiteral("SELECT typeof(raw_list) FROM job_bodies"
                                           " WHERE raw_list = '{\"t\": 1}'"))
                         .toString(),
                 QStringLiteral("text"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }
}

void tst_JobStore::checkpointsTheWalWhenIdleNotInTheCommit()
{
    // A refresh's COMMIT leaves its pages in the WAL; they are copied into the file once the
    // thread's event loop is idle. Meanwhile the refresh is committed: another connection
    // reads it, and the files as a crash would leave them (file and WAL) hold it.
    STOREBACKEND_SQLITE_ONLY(m_pg, "the WAL");
    JobStore store;
    QVERIFY(openStore(store));
    const QString p = QStringLiteral("p");
    QVERIFY(store.saveProfile(makeProfile(p)));
    QList<JobUpdate> updates;
    for (int i = 0; i < 300; ++i) {
        JobUpdate u;
        u.job = fullJob(p, QStringLiteral("job%1").arg(i, 9, 10, QLatin1Char('0')));
        updates.append(u);
    }
    QVERIFY(store.checkpoint()); // the profile and schema in the file
    const qint64 fileBefore = QFileInfo(dbPath()).size();
    QVERIFY2(store.applyUpdates(updates), qPrintable(store.lastError()));
    // Committed, not yet checkpointed: the file is as it was, the WAL holds the jobs.
    QCOMPARE(QFileInfo(dbPath()).size(), fileBefore);
    QVERIFY(QFileInfo(dbPath() + QStringLiteral("-wal")).size() > 300 * 1024);
    {
        JobStore reader;
        QVERIFY(reader.open(m_dir->path()));
        QCOMPARE(reader.loadWatched(p).size(), 300);
    }
    const QString crashed = QDir(m_dir->path()).filePath(QStringLiteral("crashed"));
    QVERIFY(QDir().mkpath(crashed));
    for (const QString &suffix : {QString(), QStringLiteral("-wal")})
        QVERIFY(QFile::copy(dbPath() + suffix,
                            QDir(crashed).filePath(JobStore::fileName() + suffix)));
    {
        JobStore afterCrash;
        QVERIFY2(afterCrash.open(crashed), qPrintable(afterCrash.lastError()));
        const QList<WatchedJob> loaded = afterCrash.loadWatched(p);
        QCOMPARE(loaded.size(), 300);
        COMPARE_JOBS(loaded.constLast(), updates.constLast().job);
    }
    // Idle: the WAL goes into the file.
    QTRY_VERIFY(QFileInfo(dbPath()).size() > fileBefore + 300 * 1024);
    COMPARE_JOBS(store.loadWatched(p).constLast(), updates.constLast().job);
}

void tst_JobStore::rewritesOnlyTheRawBodiesThatChanged()
{
    // A refresh rewrites a job's raw bodies only when one changed; one that did not is left as
    // stored and reads back identical. Seen through a trigger that logs every write of
    // job_bodies.
    const bool pg = !m_pg.isEmpty();
    JobStore store;
    QVERIFY(openStore(store));
    const QString p = QStringLiteral("p");
    QVERIFY(store.saveProfile(makeProfile(p)));
    const WatchedJob a = fullJob(p, QStringLiteral("aaaaaaaaaaaa"));
    const WatchedJob b = fullJob(p, QStringLiteral("bbbbbbbbbbbb"));
    QVERIFY2(store.applyUpdates({{a, {}, {}}, {b, {}, {}}}), qPrintable(store.lastError()));
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE body_writes (job_id BIGINT, what TEXT)")));
        if (pg) {
            QVERIFY(raw.exec(QStringLiteral(
                    "CREATE FUNCTION log_body_write() RETURNS trigger AS $$ BEGIN"
                    " INSERT INTO body_writes VALUES (NEW.job_id, TG_OP); RETURN NEW; END $$"
                    " LANGUAGE plpgsql")));
            QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER body_written AFTER INSERT OR UPDATE"
                                            " ON job_bodies FOR EACH ROW"
                                            " EXECUTE FUNCTION log_body_write()")));
        } else {
            for (const char *op : {"INSERT", "UPDATE"}) {
                QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER body_%1 AFTER %1 ON job_bodies"
                                                " BEGIN INSERT INTO body_writes"
                                                " VALUES (NEW.job_id, '%1'); END")
                                         .arg(QLatin1StringView(op))));
            }
        }
    }
    // Both jobs move on; only a's retrieve body is new, b's bodies are what was written.
    JobUpdate ua;
    ua.job = a;
    ua.job.fetchedAt = utc(kT0 + 60000);
    ua.job.job.processedRecordCount = 600;
    insertInto(ua.job.rawRetrieve, QStringLiteral("processedRecordCount"), 600);
    JobUpdate ub;
    ub.job = b;
    ub.job.fetchedAt = utc(kT0 + 60000);
    ub.job.job.processedRecordCount = 700;
    QVERIFY2(store.applyUpdates({ua, ub}), qPrintable(store.lastError()));

    RawDb raw(dbPath());
    const QStringList written = raw.column(QStringLiteral(
            "SELECT w.identifier FROM body_writes l JOIN watched_jobs w ON w.id = l.job_id"));
    QCOMPARE(written, QStringList{QStringLiteral("aaaaaaaaaaaa")});
    const QList<WatchedJob> loaded = store.loadWatched(p);
    QCOMPARE(loaded.size(), 2);
    COMPARE_JOBS(loaded[0], ua.job);
    COMPARE_JOBS(loaded[1], ub.job);
    QCOMPARE(loaded[1].rawRetrieve.object(), b.rawRetrieve.object());

    // Another store (a restart) knows nothing it wrote: it writes the bodies again, and they
    // still read back the same.
    store.close();
    JobStore again;
    QVERIFY(openStore(again));
    QVERIFY(raw.exec(QStringLiteral("DELETE FROM body_writes")));
    ub.job.fetchedAt = utc(kT0 + 120000);
    QVERIFY2(again.applyUpdates({ub}), qPrintable(again.lastError()));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM body_writes")).toInt(), 1);
    COMPARE_JOBS(again.loadWatched(p).value(1), ub.job);
}

void tst_JobStore::restoresRawBodiesOfARowRemovedElsewhere()
{
    // Another process removes the job; saving it again (which watches it again) must bring its
    // bodies back, though this store already wrote the same ones before.
    JobStore mine;
    JobStore other;
    QVERIFY(openStore(mine));
    QVERIFY(openStore(other));
    QVERIFY(mine.saveProfile(makeProfile(QStringLiteral("p"))));
    WatchedJob w = fullJob(QStringLiteral("p"), QStringLiteral("k3x9p2m7q1ab"));
    const QJsonObject body{{QStringLiteral("status"), QStringLiteral("InProgress")}};
    w.rawRetrieve = body;
    w.rawNative = QJsonObject{{QStringLiteral("id"), QStringLiteral("batch_1")}};
    QVERIFY(mine.saveJobs({w}));
    QVERIFY(other.removeWatched(QStringLiteral("p"), {w.identifier}));
    QVERIFY(other.addWatched(QStringLiteral("p"), {w.identifier}, utc(kT0)));
    QVERIFY(mine.saveJobs({w}));
    const QList<WatchedJob> loaded = other.loadWatched(QStringLiteral("p"));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.constFirst().rawRetrieve.object(), body);
    QCOMPARE(loaded.constFirst().rawNative.object(), w.rawNative.object());
}

void tst_JobStore::aSaveNeverWatchesARemovedJobAgain()
{
    // A poller's refresh was in flight when another client removed the job: its save must not
    // bring the job back for everyone. Only adding it again does.
    const QString p = QStringLiteral("p");
    const QString arn = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    JobStore poller;
    JobStore desktop;
    QVERIFY(openStore(poller));
    QVERIFY(openStore(desktop));
    QVERIFY(poller.saveProfile(makeProfile(p)));
    QVERIFY(poller.applyUpdates({{fullJob(p, QStringLiteral("k3x9p2m7q1ab")),
                                  {transition(QString(), QStringLiteral("InProgress"), kT0)},
                                  sample(kT0, 1)},
                                 {fullJob(p, QStringLiteral("kept")), {}, std::nullopt}}));
    QVERIFY(desktop.removeWatched(p, {arn})); // removed in another form of its name

    WatchedJob late = fullJob(p, QStringLiteral("k3x9p2m7q1ab"));
    late.job.status = Status::fromCode(JobStatus::Completed);
    QVERIFY2(poller.applyUpdates({{late,
                                   {transition(QStringLiteral("InProgress"),
                                               QStringLiteral("Completed"), kT0 + kMinute)},
                                   sample(kT0 + kMinute, 10)},
                                  {fullJob(p, QStringLiteral("kept")), {}, std::nullopt}}),
             qPrintable(poller.lastError()));
    QVERIFY(poller.saveJobs({late}));
    QList<WatchedJob> left = desktop.loadWatched(p);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.constFirst().identifier, QStringLiteral("kept"));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM status_transitions")).toInt(), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM progress_samples")).toInt(), 0);

    // Adding it again (any client) watches it again, and saves reach it as before.
    QVERIFY(desktop.addWatched(p, {QStringLiteral("k3x9p2m7q1ab")}, utc(kT0 + kHour)));
    QVERIFY(poller.applyUpdates({{late, {}, sample(kT0 + kHour, 20)}}));
    left = desktop.loadWatched(p);
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.constLast().job.statusCode(), JobStatus::Completed);
    QCOMPARE(desktop.progressSamples(p, arn).size(), 1);

    // Tombstones outlive one client's history retention (here: keep nothing): on a shared
    // store that is another user's setting, and the removal is the team's.
    QVERIFY(desktop.removeWatched(p, {QStringLiteral("kept")}));
    QVERIFY(desktop.pruneHistory(QDateTime::currentDateTimeUtc().addSecs(1)));
    QVERIFY(poller.saveJobs({fullJob(p, QStringLiteral("kept"))}));
    QCOMPARE(desktop.loadWatched(p).size(), 1);
    // They last the fixed team-wide lifetime, however long a client's retention: past it, a
    // prune (any retention) drops them, and a late save is an ordinary save again.
    const qint64 outlived = QDateTime::currentDateTimeUtc()
                                    .addDays(-JobStore::TombstoneLifetimeDays)
                                    .addSecs(-3600)
                                    .toMSecsSinceEpoch();
    QVERIFY(raw.exec(QStringLiteral("UPDATE removed_jobs SET removed_at = %1").arg(outlived)));
    QVERIFY(desktop.pruneHistory(
            QDateTime::currentDateTimeUtc().addDays(-10 * JobStore::TombstoneLifetimeDays)));
    QVERIFY(poller.saveJobs({fullJob(p, QStringLiteral("kept"))}));
    QCOMPARE(desktop.loadWatched(p).size(), 2);
}

void tst_JobStore::aLargeRefreshReadsBackAsEachJobAlone()
{
    // More jobs than one multi-row statement holds, bodies kept and changed in turn, a job not
    // watched before in the middle and one job updated twice: each reads back as written, in
    // the order watched, with its own history.
    const QString p = QStringLiteral("p");
    JobStore store;
    QVERIFY(openStore(store));
    QVERIFY(store.saveProfile(makeProfile(p)));
    constexpr int kJobs = 100;
    QList<WatchedJob> jobs;
    QStringList ids;
    for (int i = 0; i < kJobs; ++i) {
        WatchedJob w = fullJob(p, QStringLiteral("job%1").arg(i, 4, 10, QLatin1Char('0')));
        insertInto(w.rawRetrieve, QStringLiteral("n"), i);
        insertInto(w.rawNative, QStringLiteral("n"), i);
        jobs << w;
        if (i != 77)
            ids << w.identifier;
    }
    QVERIFY(store.addWatched(p, ids, utc(kT0)));
    QList<JobUpdate> first;
    for (int i = 0; i < kJobs; ++i) {
        if (i != 77)
            first << JobUpdate{jobs[i], {}, sample(kT0 + i, i)};
    }
    QVERIFY2(store.applyUpdates(first), qPrintable(store.lastError()));

    QList<JobUpdate> refresh;
    for (int i = 0; i < kJobs; ++i) {
        WatchedJob &w = jobs[i];
        w.fetchedAt = utc(kT0 + 60'000 + i);
        if (i % 3 == 0)
            insertInto(w.rawRetrieve, QStringLiteral("n"), i + 1000); // changed; the others kept
        if (i % 5 == 0)
            w.rawList = QJsonObject(); // a body gone
        if (i % 2 == 0)
            w.lastError.reset();
        w.job.processedRecordCount = 600 + i;
        refresh << JobUpdate{w,
                             {transition(QStringLiteral("InProgress"), QStringLiteral("Stopping"),
                                         kT0 + 60'000 + i)},
                             sample(kT0 + 60'000 + i, 600 + i)};
        if (i == 50) {
            // The same job again, later in the same refresh: the later one is what stays.
            insertInto(w.rawRetrieve, QStringLiteral("again"), true);
            w.job.message = QStringLiteral("updated twice");
            refresh << JobUpdate{w, {}, std::nullopt};
        }
    }
    QVERIFY2(store.applyUpdates(refresh), qPrintable(store.lastError()));

    const QList<WatchedJob> loaded = store.loadWatched(p);
    QCOMPARE(loaded.size(), kJobs);
    QList<WatchedJob> expected = jobs;
    expected.move(77, kJobs - 1);                    // watched last: saved first by the refresh
    expected.last().addedAt = loaded.last().addedAt; // the store's time: it had none
    for (int i = 0; i < kJobs; ++i) {
        if (expected[i].identifier != jobs[77].identifier)
            expected[i].addedAt = utc(kT0);
        COMPARE_JOBS(loaded[i], expected[i]);
    }
    for (int i = 0; i < kJobs; ++i) {
        const QList<StatusTransition> history = store.transitions(p, jobs[i].identifier);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].observedAt, utc(kT0 + 60'000 + i));
        const QList<ProgressSample> samples = store.progressSamples(p, jobs[i].identifier);
        QCOMPARE(samples.size(), i == 77 ? 1 : 2);
        QCOMPARE(samples.last().processed, 600 + i);
    }
}

void tst_JobStore::aSampleIsDecidedOnWhatIsStoredAfterOtherWrites()
{
    // Whether a sample is new is decided on the samples stored, also when another connection
    // recorded one meanwhile or this one pruned them.
    const QString p = QStringLiteral("p");
    const QString id = QStringLiteral("j");
    const WatchedJob w = makeJob(p, id);
    const qint64 bucket = (kT0 / JobStore::FineBucketMs + 1) * JobStore::FineBucketMs;
    JobStore mine;
    JobStore other;
    QVERIFY(openStore(mine));
    QVERIFY(openStore(other));
    QVERIFY(mine.saveProfile(makeProfile(p)));
    QVERIFY(mine.applyUpdates({{w, {}, sample(bucket + 10'000, 7)}}));
    QVERIFY(other.applyUpdates({{w, {}, sample(bucket + 20'000, 8)}}));
    // The same counts as the newest stored sample, in its bucket: nothing new.
    QVERIFY(mine.applyUpdates({{w, {}, sample(bucket + 30'000, 8)}}));
    QCOMPARE(mine.progressSamples(p, id).size(), 2);

    QVERIFY(mine.pruneHistory(utc(bucket + JobStore::FineBucketMs)));
    QCOMPARE(mine.progressSamples(p, id).size(), 0);
    // No sample is stored any more: this one is the first.
    QVERIFY(mine.applyUpdates({{w, {}, sample(bucket + 40'000, 8)}}));
    const QList<ProgressSample> samples = mine.progressSamples(p, id);
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples[0].at, utc(bucket + 40'000));

    // Removed and added again by another client: the samples went with the removal.
    QVERIFY(other.removeWatched(p, {id}));
    QVERIFY(other.addWatched(p, {id}, utc(bucket)));
    QVERIFY(mine.applyUpdates({{w, {}, sample(bucket + 50'000, 8)}}));
    QCOMPARE(mine.progressSamples(p, id).size(), 1);
}

void tst_JobStore::aFetchedTimeAloneIsWrittenLaterButNeverLost()
{
    // A refresh that changes nothing of a job but when it was fetched (the gateway said the
    // same again) may leave that time unwritten for a while on SQLite (issue 13); the store
    // itself reads it back at once, a clean close writes it, and any other change writes the
    // whole row with it. PostgreSQL writes it at once.
    const QString p = QStringLiteral("p");
    JobUpdate first;
    first.job = fullJob(p, QStringLiteral("k3x9p2m7q1ab"));
    first.job.fetchedAt = utc(kT0);
    const auto storedFetchedAt = [this] {
        RawDb raw(dbPath());
        return raw.scalar(QStringLiteral("SELECT fetched_at FROM watched_jobs")).toLongLong();
    };
    {
        JobStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.saveProfile(makeProfile(p)));
        QVERIFY(store.applyUpdates({first}));
        JobUpdate again = first;
        again.job.fetchedAt = utc(kT0 + 30'000);
        QVERIFY(store.applyUpdates({again}));
        QCOMPARE(store.loadWatched(p).value(0).fetchedAt, utc(kT0 + 30'000));
        QCOMPARE(store.loadJobs(p, {QStringLiteral("k3x9p2m7q1ab")}).value(0).fetchedAt,
                 utc(kT0 + 30'000));
        if (!m_pg.isEmpty()) {
            QCOMPARE(store.unwrittenFetchedTimes(), 0);
            QCOMPARE(storedFetchedAt(), kT0 + 30'000);
        } else {
            QCOMPARE(store.unwrittenFetchedTimes(), 1);
            QCOMPARE(storedFetchedAt(), kT0); // other connections read the time written
            QVERIFY(store.flushFetchedTimes());
            QCOMPARE(store.unwrittenFetchedTimes(), 0);
            QCOMPARE(storedFetchedAt(), kT0 + 30'000);
        }

        // Unchanged again, then a new status: the row is written whole, its time with it.
        again.job.fetchedAt = utc(kT0 + 60'000);
        QVERIFY(store.applyUpdates({again}));
        again.job.fetchedAt = utc(kT0 + 90'000);
        again.job.job.processedRecordCount = 99;
        QVERIFY(store.applyUpdates({again}));
        QCOMPARE(store.unwrittenFetchedTimes(), 0);
        QCOMPARE(storedFetchedAt(), kT0 + 90'000);

        // The last time left unwritten when the store closes.
        again.job.fetchedAt = utc(kT0 + 120'000);
        QVERIFY(store.applyUpdates({again}));
        QCOMPARE(store.unwrittenFetchedTimes(), m_pg.isEmpty() ? 1 : 0);
    }
    QCOMPARE(storedFetchedAt(), kT0 + 120'000);
    JobStore reopened;
    QVERIFY(openStore(reopened));
    const QList<WatchedJob> loaded = reopened.loadWatched(p);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.constFirst().fetchedAt, utc(kT0 + 120'000));
    QCOMPARE(loaded.constFirst().job.processedRecordCount, std::optional<qint64>(99));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--open") == 0) {
        JobStore store;
        if (store.open(QString::fromLocal8Bit(argv[2])))
            return 0;
        std::fprintf(stderr, "open failed: %s\n", qPrintable(store.lastError()));
        return 2;
    }
    if (argc == 4 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    tst_JobStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

void tst_JobStore::aStoreWithSmallPagesIsRebuiltOnceClosedAlone()
{
    // A new store has 16 KiB pages (a large refresh writes a quarter of the WAL frames). A store
    // made with SQLite's 4 KiB pages by an older batchwatch is rebuilt with them when it is
    // closed as the file's last connection (not at open: the app opens its store before its
    // window shows); while another connection has it open it is left as it is. Either way
    // nothing of it is lost, and it stays in WAL mode.
    STOREBACKEND_SQLITE_ONLY(m_pg, "SQLite's page size");
    const QString p = QStringLiteral("p");
    QList<JobUpdate> updates;
    for (int i = 0; i < 200; ++i) {
        JobUpdate u;
        u.job = fullJob(p, QStringLiteral("job%1").arg(i, 9, 10, QLatin1Char('0')));
        u.newTransitions = {transition(QString(), QStringLiteral("InProgress"), kT0 + i)};
        u.sample = sample(kT0 + i, i);
        updates.append(u);
    }
    const auto pageSize = [this] {
        return RawDb(dbPath()).scalar(QStringLiteral("PRAGMA page_size")).toInt();
    };
    {
        JobStore store;
        QVERIFY(openStore(store));
        QCOMPARE(pageSize(), 16384);
        QVERIFY(store.saveProfile(makeProfile(p)));
        QVERIFY2(store.applyUpdates(updates), qPrintable(store.lastError()));
    }
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA page_size = 4096")));
        QVERIFY(raw.exec(QStringLiteral("VACUUM")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
    }
    QCOMPARE(pageSize(), 4096);

    const auto expectEverything = [&](JobStore &store) {
        const QList<WatchedJob> loaded = store.loadWatched(p);
        QCOMPARE(loaded.size(), updates.size());
        for (qsizetype i = 0; i < loaded.size(); ++i)
            COMPARE_JOBS(loaded.at(i), updates.at(i).job);
        const QString last = updates.constLast().job.identifier;
        QCOMPARE(store.transitions(p, last).size(), 1);
        QCOMPARE(store.progressSamples(p, last).size(), 1);
    };
    {
        // Another process has the file open (a CLI watching the same folder).
        RawDb other(dbPath());
        QCOMPARE(other.scalar(QStringLiteral("SELECT count(*) FROM watched_jobs")).toLongLong(),
                 updates.size());
        {
            JobStore store;
            QVERIFY2(openStore(store), qPrintable(store.lastError()));
            expectEverything(store);
        }
        QCOMPARE(other.scalar(QStringLiteral("PRAGMA page_size")).toInt(), 4096);
        QCOMPARE(other.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
    }
    {
        JobStore store;
        QVERIFY2(openStore(store), qPrintable(store.lastError()));
        QCOMPARE(pageSize(), 4096); // open leaves it
        expectEverything(store);
    } // closed alone
    QCOMPARE(pageSize(), 16384);
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }
    JobStore store;
    QVERIFY2(openStore(store), qPrintable(store.lastError()));
    expectEverything(store);
    // And it is written as before.
    updates.first().job.job.message = QStringLiteral("after the rebuild");
    QVERIFY2(store.applyUpdates({updates.first()}), qPrintable(store.lastError()));
    COMPARE_JOBS(store.loadWatched(p).constFirst(), updates.first().job);
}

#include "tst_jobstore.moc"
