#include "store/jobstore.h"
#include "store/resultsjson.h"
#include "store/storeschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;

namespace {

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

ResultsSummary sampleSummary()
{
    ResultsSummary s;
    s.fetchedAt = utc(1741939200000);
    s.succeeded = 41000;
    s.errored = 230;
    s.expired = 3;
    s.canceled = 1;
    s.errorGroups.append({QStringLiteral("400"),
                          QStringLiteral("Malformed input request: #"),
                          200,
                          {QStringLiteral("rec-1"), QStringLiteral("rec-9")},
                          QStringLiteral("Malformed input request: 17")});
    s.errorGroups.append({QStringLiteral("429"),
                          QStringLiteral("Too many requests — äö"),
                          30,
                          {QStringLiteral("rec-3")},
                          QStringLiteral("Too many requests — äö")});
    s.bytesRead = 123456;
    s.pages = 2;
    s.capped = true;
    s.complete = false;
    return s;
}

GatewayProfile profile(const QString &id)
{
    GatewayProfile p;
    p.id = id;
    p.name = id;
    return p;
}

// A raw connection to the store's file, for writing what an older version wrote.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        return q.exec(sql);
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    QString m_name;
};

} // namespace

// Schema 4: native bodies, the fields they filled, the providers of a profile and the results
// summaries of jobs.
class tst_ResultsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summaryJsonRoundTrips();
    void summaryJsonReadsWhatItCan();
    void migratesAVersion2Store();
    void keepsNativeBodiesAndResultsAcrossARestart();
    void anUpdateWithoutNewResultsKeepsTheStoredOnes();
    void removingAJobDeletesItsResults();
};

void tst_ResultsStore::summaryJsonRoundTrips()
{
    const ResultsSummary s = sampleSummary();
    QCOMPARE(resultsjson::fromJson(resultsjson::toJson(s)).value_or(ResultsSummary()), s);
    const ResultsSummary empty;
    QCOMPARE(resultsjson::fromJson(resultsjson::toJson(empty)).value_or(sampleSummary()), empty);
}

void tst_ResultsStore::summaryJsonReadsWhatItCan()
{
    QVERIFY(!resultsjson::fromJson({}));
    QVERIFY(!resultsjson::fromJson(QJsonObject{{QStringLiteral("x"), 1}}));
    const auto s = resultsjson::fromJson(QJsonObject{
            {QStringLiteral("succeeded"), 5},
            {QStringLiteral("errored"), QStringLiteral("many")}, // wrong type: 0
            {QStringLiteral("errorGroups"),
             QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("500")},
                                    {QStringLiteral("count"), 2},
                                    {QStringLiteral("sampleIds"),
                                     QJsonArray{1, QStringLiteral("a"), QStringLiteral("b"),
                                                QStringLiteral("c"), QStringLiteral("d"),
                                                QStringLiteral("e"), QStringLiteral("f")}}}}}});
    QVERIFY(s);
    QCOMPARE(s->succeeded, 5);
    QCOMPARE(s->errored, 0);
    QCOMPARE(s->errorGroups.size(), 1);
    QCOMPARE(s->errorGroups.constFirst().count, 2);
    QCOMPARE(s->errorGroups.constFirst().sampleIds.size(), ResultsSummary::kMaxSampleIds);
}

void tst_ResultsStore::migratesAVersion2Store()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("batchwatch.sqlite"));
    {
        RawDb raw(path);
        QSqlDatabase db = raw.db();
        QString error;
        QVERIFY2(storeschema::migrate(db, storeschema::migrations().mid(0, 2), &error),
                 qPrintable(error));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO profiles (id, name) VALUES ('p', 'P')")));
        QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO watched_jobs (profile_id, identifier, canonical_id, status, job_json,"
                " added_at) VALUES ('p', 'k3x9p2m7q1ab', 'k3x9p2m7q1ab', 'InProgress',"
                " '{\"status\":\"InProgress\"}', 1000)")));
    }
    JobStore store;
    QVERIFY2(store.open(dir.path()), qPrintable(store.lastError()));
    {
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
                 JobStore::SchemaVersion);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM job_results")).toInt(), 0);
    }
    const QList<GatewayProfile> profiles = store.profiles();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.constFirst().providers, QStringList{QStringLiteral("bedrock")});
    const QList<WatchedJob> jobs = store.loadWatched(QStringLiteral("p"));
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.constFirst().job.statusText(), QStringLiteral("InProgress"));
    QVERIFY(jobs.constFirst().rawNative.isEmpty());
    QVERIFY(jobs.constFirst().fromNative.isEmpty());
    QVERIFY(!jobs.constFirst().results);
}

void tst_ResultsStore::keepsNativeBodiesAndResultsAcrossARestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    GatewayProfile p = profile(QStringLiteral("p"));
    p.providers = {QStringLiteral("bedrock"), QStringLiteral("openai"), QStringLiteral("gemini")};
    WatchedJob w;
    w.profileId = p.id;
    w.identifier = QStringLiteral("batches/abc-123");
    w.addedAt = utc(1000);
    w.job.provider = QStringLiteral("gemini");
    w.job.status = Status::fromString(QStringLiteral("failed"));
    w.job.progressPercent = 42.5;
    w.rawNative
            = QJsonObject{{QStringLiteral("id"), w.identifier}, {QStringLiteral("progress"), 42.5}};
    w.fromNative.set(JobField::Status);
    w.fromNative.set(JobField::ProgressPercent);
    w.results = sampleSummary();
    {
        JobStore store;
        QVERIFY(store.open(dir.path()));
        QVERIFY(store.saveProfile(p));
        JobUpdate u;
        u.job = w;
        u.resultsChanged = true;
        QVERIFY2(store.applyUpdates({u}), qPrintable(store.lastError()));
    }
    JobStore store;
    QVERIFY(store.open(dir.path()));
    QCOMPARE(store.profiles().constFirst().providers, p.providers);
    const QList<WatchedJob> jobs = store.loadWatched(p.id);
    QCOMPARE(jobs.size(), 1);
    const WatchedJob &back = jobs.constFirst();
    QCOMPARE(back.job.provider.value_or(QString()), QStringLiteral("gemini"));
    QCOMPARE(back.rawNative.object(), w.rawNative.object());
    QCOMPARE(back.fromNative, w.fromNative);
    QCOMPARE(back.results.value_or(ResultsSummary()), *w.results);
}

void tst_ResultsStore::anUpdateWithoutNewResultsKeepsTheStoredOnes()
{
    JobStore store;
    QVERIFY(store.openInMemory());
    QVERIFY(store.saveProfile(profile(QStringLiteral("p"))));
    WatchedJob w;
    w.profileId = QStringLiteral("p");
    w.identifier = QStringLiteral("batch_1");
    w.addedAt = utc(1000);
    w.results = sampleSummary();
    JobUpdate first;
    first.job = w;
    first.resultsChanged = true;
    QVERIFY(store.applyUpdates({first}));

    ResultsSummary newer = sampleSummary();
    newer.succeeded = 1;
    JobUpdate poll; // a poll carries the job as known, results included, but not new ones
    poll.job = w;
    poll.job.results = newer;
    poll.job.job.status = Status::fromString(QStringLiteral("completed"));
    QVERIFY(store.applyUpdates({poll}));
    QCOMPARE(store.loadWatched(QStringLiteral("p")).constFirst().results->succeeded, 41000);

    JobUpdate again = poll;
    again.resultsChanged = true;
    QVERIFY(store.applyUpdates({again}));
    QCOMPARE(store.loadWatched(QStringLiteral("p")).constFirst().results->succeeded, 1);
}

void tst_ResultsStore::removingAJobDeletesItsResults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    JobStore store;
    QVERIFY(store.open(dir.path()));
    QVERIFY(store.saveProfile(profile(QStringLiteral("p"))));
    WatchedJob w;
    w.profileId = QStringLiteral("p");
    w.identifier = QStringLiteral("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d");
    w.addedAt = utc(1000);
    w.results = sampleSummary();
    QVERIFY(store.saveJobs({w}));
    RawDb raw(store.databasePath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM job_results")).toInt(), 1);
    QVERIFY(store.removeWatched(QStringLiteral("p"), {w.identifier}));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM job_results")).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_ResultsStore)
#include "tst_resultsstore.moc"
