// A team's shared PostgreSQL store (issue 15): one poller per gateway through PollerLease, and
// live updates through LISTEN/NOTIFY. PostgreSQL only: skipped without BATCHWATCH_TEST_PG.
#include "domain/jobkey.h"
#include "store/jobstore.h"
#include "store/pollerlease.h"
#include "store/storeworker.h"
#include "storebackend.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {

const QUrl kGateway(QStringLiteral("https://bifrost.example.com/v1"));

WatchedJob job(const QString &profileId, const QString &identifier, const QString &status)
{
    WatchedJob w;
    w.profileId = profileId;
    w.identifier = identifier;
    w.addedAt = QDateTime::fromMSecsSinceEpoch(1'740'000'000'000, Qt::UTC);
    w.job.status = Status::fromString(status);
    return w;
}

GatewayProfile profile(const QString &id)
{
    GatewayProfile p;
    p.id = id;
    p.name = id;
    p.baseUrl = kGateway;
    return p;
}

} // namespace

class tst_SharedStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void sameGatewayIsOneKeyHoweverSpelled();
    void onlyOneClientPollsAGateway();
    void anotherClientTakesOverWhenThePollerCloses();
    void anotherClientTakesOverWhenThePollerSessionDies();
    void readersHearOfCommittedChangesOnly();
    void loadJobsReadsOnlyTheChangedJobs();
    void storeWorkerReportsChangesOnItsOwnerThread();
    void reconnectsAfterLosingTheDatabase();
    void refusesAPasswordInTheUrl();

private:
    // Ends a client's session from outside, as a crash or a lost network does.
    void terminateBackend(qint64 pid);
    std::unique_ptr<PollerLease> lease(const QUrl &gateway = kGateway);

    QString m_url;
};

void tst_SharedStore::init()
{
    QString skip;
    m_url = storebackend::freshPostgres(&skip);
    if (m_url.isEmpty())
        QSKIP(qPrintable(skip));
}

std::unique_ptr<PollerLease> tst_SharedStore::lease(const QUrl &gateway)
{
    auto l = std::make_unique<PollerLease>(m_url, gateway);
    l->setRetryInterval(100); // the product's bound is 15 s; the mechanism is the same
    return l;
}

void tst_SharedStore::terminateBackend(qint64 pid)
{
    QVERIFY(pid > 0);
    QCOMPARE(storebackend::execOn(m_url,
                                  {QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)}),
             QString());
}

void tst_SharedStore::sameGatewayIsOneKeyHoweverSpelled()
{
    const qint64 key = PollerLease::keyFor(kGateway);
    QCOMPARE(PollerLease::keyFor(QUrl(QStringLiteral("HTTPS://Bifrost.Example.com:443/v1/"))), key);
    QCOMPARE(PollerLease::keyFor(QUrl(QStringLiteral("https://me@bifrost.example.com/v1?x=1"))),
             key);
    QVERIFY(PollerLease::keyFor(QUrl(QStringLiteral("https://bifrost.example.com/v2"))) != key);
    QVERIFY(PollerLease::keyFor(QUrl(QStringLiteral("https://other.example.com/v1"))) != key);
}

void tst_SharedStore::onlyOneClientPollsAGateway()
{
    auto first = lease();
    auto second = lease();
    auto elsewhere = lease(QUrl(QStringLiteral("https://other.example.com")));
    QSignalSpy firstHeld(first.get(), &PollerLease::heldChanged);
    first->start();
    QVERIFY(first->isHeld());
    QCOMPARE(firstHeld.size(), 1);
    second->start();
    elsewhere->start();
    QVERIFY2(!second->isHeld(), qPrintable(second->lastError()));
    QVERIFY(elsewhere->isHeld()); // another gateway has its own poller
    // Retrying changes nothing while the poller is there.
    QTest::qWait(350);
    QVERIFY(first->isHeld());
    QVERIFY(!second->isHeld());
    QCOMPARE(firstHeld.size(), 1);
}

void tst_SharedStore::anotherClientTakesOverWhenThePollerCloses()
{
    auto first = lease();
    auto second = lease();
    first->start();
    second->start();
    QVERIFY(first->isHeld());
    QVERIFY(!second->isHeld());
    QSignalSpy taken(second.get(), &PollerLease::heldChanged);
    first.reset();
    QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, PollerLease::MaxRetryMs);
    QVERIFY(second->isHeld());
}

void tst_SharedStore::anotherClientTakesOverWhenThePollerSessionDies()
{
    auto first = lease();
    auto second = lease();
    first->start();
    second->start();
    QVERIFY(first->isHeld());
    QSignalSpy lost(first.get(), &PollerLease::heldChanged);
    QSignalSpy taken(second.get(), &PollerLease::heldChanged);
    terminateBackend(first->backendPid());
    QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, PollerLease::MaxRetryMs);
    QVERIFY(second->isHeld());
    // The old poller notices that it lost its session, and does not take the lease back.
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, PollerLease::MaxRetryMs);
    QCOMPARE(lost.constFirst().constFirst().toBool(), false);
    QTest::qWait(350);
    QVERIFY(!first->isHeld());
    QVERIFY(second->isHeld());
}

void tst_SharedStore::readersHearOfCommittedChangesOnly()
{
    const QString p = QStringLiteral("team");
    JobStore poller;
    JobStore viewer;
    QVERIFY2(poller.open(m_url), qPrintable(poller.lastError()));
    QVERIFY2(viewer.open(m_url), qPrintable(viewer.lastError()));
    QVERIFY(poller.saveProfile(profile(p)));
    QVERIFY(poller.listenForChanges());
    QVERIFY2(viewer.listenForChanges(), qPrintable(viewer.lastError()));
    QSignalSpy heard(&viewer, &JobStore::jobsChanged);
    QSignalSpy echoed(&poller, &JobStore::jobsChanged);

    QVERIFY(poller.addWatched(p, {QStringLiteral("a"), QStringLiteral("b")}, QDateTime()));
    QTRY_COMPARE(heard.size(), 1);
    QCOMPARE(heard.at(0).at(0).toString(), p);
    QVERIFY(heard.at(0).at(1).toStringList().isEmpty()); // the watch list: reload it all

    QVERIFY(poller.applyUpdates(
            {{job(p, QStringLiteral("b"), QStringLiteral("InProgress")), {}, std::nullopt}}));
    QTRY_COMPARE(heard.size(), 2);
    QCOMPARE(heard.at(1).at(1).toStringList(), QStringList{QStringLiteral("b")});

    // A batch that fails is rolled back, and nobody hears of it.
    QVERIFY(!poller.applyUpdates(
            {{job(p, QStringLiteral("a"), QStringLiteral("Completed")), {}, std::nullopt},
             {job(QStringLiteral("ghost"), QStringLiteral("x"), QStringLiteral("Completed")),
              {},
              std::nullopt}}));
    QTest::qWait(300);
    QCOMPARE(heard.size(), 2);
    QCOMPARE(echoed.size(), 0); // a store does not hear its own writes

    // On SQLite there is nothing to listen to.
    JobStore local;
    QVERIFY(local.openInMemory());
    QVERIFY(!local.listenForChanges());
}

void tst_SharedStore::loadJobsReadsOnlyTheChangedJobs()
{
    const QString p = QStringLiteral("team");
    JobStore store;
    QVERIFY2(store.open(m_url), qPrintable(store.lastError()));
    QVERIFY(store.saveProfile(profile(p)));
    const QString arn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:"
                                       "model-invocation-job/k3x9p2m7q1ab");
    QVERIFY(store.saveJobs({job(p, QStringLiteral("one"), QStringLiteral("Submitted")),
                            job(p, arn, QStringLiteral("InProgress")),
                            job(p, QStringLiteral("three"), QStringLiteral("Completed"))}));
    const QList<WatchedJob> some = store.loadJobs(
            p, {jobKeyOf(QStringLiteral("three")), jobKeyOf(arn), QStringLiteral("not-watched")});
    QCOMPARE(some.size(), 2);
    QCOMPARE(some.at(0).identifier, arn); // in the order added
    QCOMPARE(some.at(0).job.status->raw(), QStringLiteral("InProgress"));
    QCOMPARE(some.at(1).identifier, QStringLiteral("three"));
    QVERIFY(store.loadJobs(p, {}).isEmpty());
}

void tst_SharedStore::storeWorkerReportsChangesOnItsOwnerThread()
{
    const QString p = QStringLiteral("team");
    StoreWorker viewer;
    QString error;
    QVERIFY2(viewer.openBlocking(m_url, &error), qPrintable(error));
    viewer.listenForChanges();
    viewer.waitForIdle();
    QSignalSpy heard(&viewer, &StoreWorker::jobsChanged);

    JobStore poller;
    QVERIFY(poller.open(m_url));
    QVERIFY(poller.saveProfile(profile(p)));
    QVERIFY(poller.saveJobs({job(p, QStringLiteral("j"), QStringLiteral("Submitted"))}));
    QTRY_COMPARE(heard.size(), 1);
    QCOMPARE(heard.at(0).at(1).toStringList(), QStringList{QStringLiteral("j")});

    std::optional<QList<WatchedJob>> loaded;
    viewer.call<QList<WatchedJob>>(
            [p](JobStore &s) { return s.loadJobs(p, {QStringLiteral("j")}); }, this,
            [&loaded](QList<WatchedJob> jobs) { loaded = std::move(jobs); });
    QTRY_VERIFY(loaded.has_value());
    QCOMPARE(loaded->size(), 1);
    QCOMPARE(loaded->at(0).job.status->raw(), QStringLiteral("Submitted"));
}

void tst_SharedStore::reconnectsAfterLosingTheDatabase()
{
    const QString p = QStringLiteral("team");
    JobStore store;
    QVERIFY2(store.open(m_url), qPrintable(store.lastError()));
    QVERIFY(store.saveProfile(profile(p)));
    QVERIFY(store.listenForChanges());
    QSignalSpy failed(&store, &JobStore::writeFailed);
    // The server ends every session but this one (a restart, a lost network).
    QCOMPARE(storebackend::execOn(m_url, {QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                                         "pg_stat_activity WHERE datname = "
                                                         "current_database() AND pid <> "
                                                         "pg_backend_pid()")}),
             QString());
    // The write that finds the connection dead fails whole; the next one reconnects.
    const WatchedJob a = job(p, QStringLiteral("a"), QStringLiteral("InProgress"));
    QVERIFY(!store.saveJobs({a}));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(store.saveJobs({a}), qPrintable(store.lastError()));
    QCOMPARE(store.loadWatched(p).size(), 1);
    QCOMPARE(store.profiles().size(), 1); // nothing committed before was lost

    // It listens again, too.
    QSignalSpy heard(&store, &JobStore::jobsChanged);
    JobStore other;
    QVERIFY(other.open(m_url));
    QVERIFY(other.saveJobs({job(p, QStringLiteral("b"), QStringLiteral("Submitted"))}));
    QTRY_COMPARE(heard.size(), 1);
}

void tst_SharedStore::refusesAPasswordInTheUrl()
{
    QUrl withPassword(m_url);
    withPassword.setPassword(QStringLiteral("hunter2"));
    JobStore store;
    QVERIFY(!store.open(withPassword.toString()));
    QVERIFY2(store.lastError().contains(QLatin1StringView(".pgpass")),
             qPrintable(store.lastError()));
    QVERIFY(!store.lastError().contains(QLatin1StringView("hunter2")));
}

QTEST_GUILESS_MAIN(tst_SharedStore)
#include "tst_sharedstore.moc"
