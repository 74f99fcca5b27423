// A team's shared PostgreSQL store (issue 15): one poller per gateway through PollerLease, and
// live updates through LISTEN/NOTIFY. PostgreSQL only: skipped without BATCHWATCH_TEST_PG.
#include "domain/jobkey.h"
#include "fakenetworkaccessmanager.h"
#include "models/jobtablemodel.h"
#include "store/jobstore.h"
#include "store/pollerlease.h"
#include "store/storeworker.h"
#include "storebackend.h"
#include "tracking/profilesession.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

#include <memory>
#include <optional>

using namespace bw;
using namespace bw::test;

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

const QString kJobId = QStringLiteral("k3x9p2m7q1ab");

// The one gateway a team watches: one job whose status and progress the test sets. Every
// client reaches it through its own access manager, so each client's requests are counted
// apart.
struct TeamGateway
{
    FakeResponse answer() const
    {
        const QJsonObject body{{QStringLiteral("jobArn"),
                                QString(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:"
                                                       "model-invocation-job/")
                                        + kJobId)},
                               {QStringLiteral("status"), status},
                               {QStringLiteral("totalRecordCount"), 1000},
                               {QStringLiteral("processedRecordCount"), processed},
                               {QStringLiteral("successRecordCount"), processed},
                               {QStringLiteral("errorRecordCount"), 0}};
        return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QString status = QStringLiteral("InProgress");
    qint64 processed = 100;
};

GatewayProfile teamProfile(AuthMode auth = AuthMode::None)
{
    GatewayProfile p = profile(QStringLiteral("team"));
    p.authMode = auth;
    p.baseUrl = QUrl(QStringLiteral("http://gateway.test"));
    p.routeStyle = RouteStyle::Singular;
    return p;
}

// One desktop of the team: its own store connection, access manager, session and table model
// (wired as the main window wires them).
struct TeamClient
{
    TeamClient(const QString &url, TeamGateway &gateway, AuthMode auth = AuthMode::None)
    {
        QString error;
        opened = store.openBlocking(url, &error);
        nam.setHandler([&gateway](const FakeRequest &) { return gateway.answer(); });
        ProfileSession::Options options;
        options.store = &store;
        options.sharedStore = url;
        options.nativeSources = false;
        options.pollSettings.bulkRefresh = false;
        options.pollSettings.minimumJobInterval = PollSettings::kHardMinimumJobInterval;
        options.pollSettings.fixedInterval = std::chrono::milliseconds(200);
        session = std::make_unique<ProfileSession>(teamProfile(auth), &nam, options);
        JobMonitor *monitor = session->monitor();
        QObject::connect(monitor, &JobMonitor::jobsAdded, &model, &JobTableModel::upsertJobs);
        QObject::connect(monitor, &JobMonitor::jobsUpdated, &model, &JobTableModel::upsertJobs);
        QObject::connect(monitor, &JobMonitor::jobsRemoved, &model, &JobTableModel::removeJobs);
    }
    // Stores the team's profile and its one job through this client.
    void storeTheTeamJob()
    {
        store.post([](JobStore &s) {
            s.saveProfile(teamProfile());
            s.addWatched(teamProfile().id, {kJobId}, QDateTime::currentDateTimeUtc());
        });
    }
    // Stores the job, starts, and waits until this client polls and shows the job running.
    bool startsPolling()
    {
        storeTheTeamJob();
        session->start();
        return QTest::qWaitFor([this] {
            return session->sharing() == ProfileSession::Sharing::Polling
                   && shownStatus() == u"InProgress";
        });
    }
    // The status the table shows for the job ("" while it has no row).
    QString shownStatus() const
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row, JobTableModel::StatusColumn);
            if (i.data(JobTableModel::IdentifierRole).toString() == kJobId)
                return i.data(JobTableModel::StatusTextRole).toString();
        }
        return {};
    }

    StoreWorker store;
    bool opened = false;
    FakeNetworkAccessManager nam;
    JobTableModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    std::unique_ptr<ProfileSession> session;
};

} // namespace

class tst_SharedStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void sameGatewayIsOneKeyHoweverSpelled();
    void onlyOneClientPollsAGateway();
    void anotherClientTakesOverWhenThePollerCloses();
    void anotherClientTakesOverWhenThePollerSessionDies();
    void readersHearOfCommittedChangesOnly();
    void loadJobsReadsOnlyTheChangedJobs();
    void storeWorkerReportsChangesOnItsOwnerThread();
    void reconnectsAfterLosingTheDatabase();
    void aBatchThatFindsTheConnectionGoneIsWrittenOnceReconnected();
    void aKeptBatchNeverOverwritesWhatTheNextPollerRecorded();
    void keptBatchesAreHeldPerJobWhileTheDatabaseIsDown();
    void aRefusedProfileKeepsTheOtherProfilesKeptUpdates();
    void refusesAPasswordInTheUrl();
    void aListenerReconnectsByItselfAndReadsEverythingAgain();
    // ProfileSession on a shared store (the desktop and `watch` as viewers).
    void viewerFollowsThePollerRowByRowAndSendsNothing();
    void viewerTakesOverWhenThePollerGoes();
    void aRemovedJobStaysRemovedForTheWholeTeam();
    void onlyAClientWithTheKeyTakesThePolling();
    void unreachableStoreShowsOfflineAndPollsNothing();

private:
    // Ends a client's session from outside, as a crash or a lost network does.
    void terminateBackend(qint64 pid);
    std::unique_ptr<PollerLease> lease(const QUrl &gateway = kGateway);

    QString m_url;
};

void tst_SharedStore::initTestCase()
{
    // Sessions take their lease's retry interval from here: a takeover in a tenth of a second
    // (the product's bound is 15 s; the mechanism is the same).
    qputenv("BATCHWATCH_LEASE_RETRY_MS", "100");
}

void tst_SharedStore::init()
{
    if (QByteArray(QTest::currentTestFunction()) == "unreachableStoreShowsOfflineAndPollsNothing")
        return; // needs no PostgreSQL at all
    QString skip;
    m_url = storebackend::freshPostgres(&skip);
    if (m_url.isEmpty())
        QSKIP(qPrintable(skip));
}

std::unique_ptr<PollerLease> tst_SharedStore::lease(const QUrl &gateway)
{
    auto l = std::make_unique<PollerLease>(m_url, gateway, QStringLiteral("team"));
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
    // The holder polls its own profile's jobs: another profile on the same gateway has a lease
    // of its own, or its jobs would wait for a poller that never asks for them.
    const qint64 profileKey = PollerLease::keyFor(kGateway, QStringLiteral("team-bedrock"));
    QCOMPARE(PollerLease::keyFor(QUrl(QStringLiteral("https://BIFROST.example.com/v1/")),
                                 QStringLiteral("team-bedrock")),
             profileKey);
    QVERIFY(PollerLease::keyFor(kGateway, QStringLiteral("team-openai")) != profileKey);
    QVERIFY(profileKey != key);
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

void tst_SharedStore::aBatchThatFindsTheConnectionGoneIsWrittenOnceReconnected()
{
    // The poller's write finds its connection ended (the database restarted): the batch — with
    // a status change in it — is kept and written once the store is back, before the batches
    // that came meanwhile, and a change written twice is stored once.
    const QString p = QStringLiteral("team");
    const QString id = QStringLiteral("j");
    StoreWorker poller;
    QString error;
    QVERIFY2(poller.openBlocking(m_url, &error), qPrintable(error));
    poller.post([p, id](JobStore &s) {
        s.saveProfile(profile(p));
        s.addWatched(p, {id}, QDateTime::currentDateTimeUtc());
    });
    poller.waitForIdle();
    QSignalSpy failed(&poller, &StoreWorker::writeFailed);
    QSignalSpy unwritten(&poller, &StoreWorker::unwrittenBatchesChanged);
    auto update = [&](const QString &from, const QString &to, qint64 at) {
        JobUpdate u;
        u.job = job(p, id, to);
        u.job.fetchedAt = QDateTime::fromMSecsSinceEpoch(1'750'000'000'000 + at, Qt::UTC);
        u.newTransitions.append(
                {Status::fromString(from), Status::fromString(to), u.job.fetchedAt, {}});
        return u;
    };
    // The server ends every session but this one (a restart, a lost network).
    QCOMPARE(storebackend::execOn(m_url, {QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                                         "pg_stat_activity WHERE datname = "
                                                         "current_database() AND pid <> "
                                                         "pg_backend_pid()")}),
             QString());
    poller.applyUpdates({update(QStringLiteral("Submitted"), QStringLiteral("InProgress"), 0)});
    QTRY_COMPARE(failed.size(), 1); // it did find the connection gone
    // Kept (the owner thread hears of one unwritten batch), then written on the worker's own
    // retry (no later call needed). The count reaches this thread queued, in order: wait for
    // both reports, not for the count alone, which reads 0 before the first report arrives.
    QTRY_VERIFY(unwritten.size() >= 2 && unwritten.constLast().at(0).toInt() == 0);
    QCOMPARE(unwritten.constFirst().at(0).toInt(), 1);
    QCOMPARE(poller.unwrittenBatches(), 0);
    const qsizetype reportsBefore = unwritten.size();

    // Lost again; this time more batches arrive while the first one waits.
    QCOMPARE(storebackend::execOn(m_url, {QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                                         "pg_stat_activity WHERE datname = "
                                                         "current_database() AND pid <> "
                                                         "pg_backend_pid()")}),
             QString());
    poller.applyUpdates({update(QStringLiteral("InProgress"), QStringLiteral("Stopping"), 1000)});
    poller.applyUpdates({update(QStringLiteral("Stopping"), QStringLiteral("Stopped"), 2000)});
    // The last again (a poller that recorded it twice): the unique key keeps one.
    poller.applyUpdates({update(QStringLiteral("Stopping"), QStringLiteral("Stopped"), 2000)});
    QTRY_COMPARE(failed.size(), 2);
    // Kept again (some unwritten batches reported), then all written.
    QTRY_VERIFY(unwritten.size() >= reportsBefore + 2 && unwritten.constLast().at(0).toInt() == 0);
    QVERIFY(unwritten.at(reportsBefore).at(0).toInt() > 0);
    QCOMPARE(poller.unwrittenBatches(), 0);

    JobStore reader;
    QVERIFY(reader.open(m_url));
    QStringList seen;
    for (const StatusTransition &t : reader.transitions(p, id))
        seen << QStringLiteral("%1>%2").arg(t.from ? t.from->raw() : QString(), t.to.raw());
    QCOMPARE(seen, QStringList({QStringLiteral("Submitted>InProgress"),
                                QStringLiteral("InProgress>Stopping"),
                                QStringLiteral("Stopping>Stopped")}));
    const QList<WatchedJob> rows = reader.loadWatched(p);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).job.status->raw(), QStringLiteral("Stopped"));
}

namespace {

// Opens `poller` on `url` with each of `profiles` watching job `id`; the error, or empty.
QString openWatching(StoreWorker &poller, const QString &url, const QStringList &profiles,
                     const QString &id)
{
    QString error;
    if (!poller.openBlocking(url, &error))
        return error.isEmpty() ? QStringLiteral("could not open") : error;
    poller.post([profiles, id](JobStore &s) {
        for (const QString &p : profiles) {
            s.saveProfile(profile(p));
            s.addWatched(p, {id}, QDateTime::currentDateTimeUtc());
        }
    });
    poller.waitForIdle();
    return QString();
}

// Lets connections to the database of `url` in again (`allow`), or keeps new ones out and ends
// every session there but the one whose backend pid is `spared`; the error, or empty.
QString setDatabaseOpen(const QString &url, bool allow, int spared = 0)
{
    const QString admin = qEnvironmentVariable(storebackend::kUrlVariable);
    const QString database = QUrl(url).path().mid(1);
    QStringList sql{
            QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS %2")
                    .arg(database, allow ? QStringLiteral("true") : QStringLiteral("false"))};
    if (!allow)
        sql << QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                              "datname = '%1' AND pid <> %2")
                        .arg(database)
                        .arg(spared);
    return storebackend::execOn(admin, sql);
}

// An update of job `id` as a poller makes it: the new state, fetched at `at` (ms after a fixed
// instant), with its transition and a progress sample.
JobUpdate polled(const QString &p, const QString &id, const QString &from, const QString &to,
                 qint64 at, qint64 processed = 0)
{
    JobUpdate u;
    u.job = job(p, id, to);
    u.job.fetchedAt = QDateTime::fromMSecsSinceEpoch(1'750'000'000'000 + at, Qt::UTC);
    if (from != to)
        u.newTransitions.append(
                {Status::fromString(from), Status::fromString(to), u.job.fetchedAt, {}});
    u.sample = ProgressSample{u.job.fetchedAt, 1000, processed, processed, 0};
    return u;
}

QStringList transitionsOf(JobStore &store, const QString &p, const QString &id)
{
    QStringList seen;
    for (const StatusTransition &t : store.transitions(p, id))
        seen << QStringLiteral("%1>%2").arg(t.from ? t.from->raw() : QString(), t.to.raw());
    return seen;
}

std::optional<WatchedJob> storedJob(JobStore &store, const QString &p, const QString &id)
{
    for (const WatchedJob &w : store.loadWatched(p)) {
        if (w.identifier == id)
            return w;
    }
    return std::nullopt;
}

} // namespace

void tst_SharedStore::aKeptBatchNeverOverwritesWhatTheNextPollerRecorded()
{
    // The poller's write finds the database gone and is kept. Meanwhile another client takes
    // the lease and records a later state of one of its jobs. When the kept batch is written at
    // last, that job must not go back to what the first poller saw; the job nobody recorded
    // since gets its kept state.
    const QString p = QStringLiteral("team");
    const QString taken = QStringLiteral("j");
    const QString untouched = QStringLiteral("k");
    StoreWorker first;
    QString error;
    QVERIFY2(first.openBlocking(m_url, &error), qPrintable(error));
    first.post([p, taken, untouched](JobStore &s) {
        s.saveProfile(profile(p));
        s.addWatched(p, {taken, untouched}, QDateTime::currentDateTimeUtc());
    });
    first.waitForIdle();
    QSignalSpy failed(&first, &StoreWorker::writeFailed);
    QSignalSpy unwritten(&first, &StoreWorker::unwrittenBatchesChanged);
    QCOMPARE(storebackend::execOn(m_url, {QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                                         "pg_stat_activity WHERE datname = "
                                                         "current_database() AND pid <> "
                                                         "pg_backend_pid()")}),
             QString());
    // The next poller (connected since) sees the job finish.
    JobStore next;
    QVERIFY2(next.open(m_url), qPrintable(next.lastError()));
    QVERIFY(next.applyUpdates({polled(p, taken, QStringLiteral("InProgress"),
                                      QStringLiteral("Completed"), 5000, 1000)}));
    // The first poller's batch, from before: kept, then written on its retry.
    first.applyUpdates(
            {polled(p, taken, QStringLiteral("InProgress"), QStringLiteral("Stopping"), 1000, 400),
             polled(p, untouched, QStringLiteral("Submitted"), QStringLiteral("InProgress"), 1000,
                    300)});
    QTRY_COMPARE(failed.size(), 1);
    QTRY_VERIFY(!unwritten.isEmpty() && unwritten.constLast().at(0).toInt() == 0);
    QCOMPARE(unwritten.constFirst().at(0).toInt(), 1);
    QCOMPARE(first.keptJobs(), 0);

    const auto finished = storedJob(next, p, taken);
    QVERIFY(finished);
    QCOMPARE(finished->job.status->raw(), QStringLiteral("Completed"));
    QCOMPARE(transitionsOf(next, p, taken), QStringList{QStringLiteral("InProgress>Completed")});
    QCOMPARE(next.progressSamples(p, taken).size(), 1);
    const auto kept = storedJob(next, p, untouched);
    QVERIFY(kept);
    QCOMPARE(kept->job.status->raw(), QStringLiteral("InProgress"));
    QCOMPARE(transitionsOf(next, p, untouched),
             QStringList{QStringLiteral("Submitted>InProgress")});
}

void tst_SharedStore::keptBatchesAreHeldPerJobWhileTheDatabaseIsDown()
{
    // The database stays down while the poller goes on polling: what it keeps grows with the
    // jobs, not with the polls, and once the database is back the job's newest state, every
    // transition and the progress (thinned as the store thins it) are written.
    const QString p = QStringLiteral("team");
    const QString id = QStringLiteral("j");
    StoreWorker poller;
    QCOMPARE(openWatching(poller, m_url, {p}, id), QString());
    // Down: no new session is let in, and the poller's is ended.
    auto up = qScopeGuard([&] { setDatabaseOpen(m_url, true); });
    QCOMPARE(setDatabaseOpen(m_url, false), QString());
    // Five hours of polls a minute apart, the job running, then finishing.
    constexpr int kPolls = 300;
    constexpr qint64 kMinute = 60'000;
    QString status = QStringLiteral("Submitted");
    for (int i = 0; i < kPolls; ++i) {
        const QString now
                = i + 1 < kPolls ? QStringLiteral("InProgress") : QStringLiteral("Completed");
        poller.applyUpdates({polled(p, id, status, now, i * kMinute, i)});
        status = now;
    }
    poller.waitForIdle();
    QTRY_COMPARE(poller.unwrittenBatches(), kPolls);
    QCOMPARE(poller.keptJobs(), 1);

    up.dismiss();
    QCOMPARE(setDatabaseOpen(m_url, true), QString());
    QTRY_COMPARE_WITH_TIMEOUT(poller.unwrittenBatches(), 0, 10000);
    QCOMPARE(poller.keptJobs(), 0);

    JobStore reader;
    QVERIFY(reader.open(m_url));
    const auto stored = storedJob(reader, p, id);
    QVERIFY(stored);
    QCOMPARE(stored->job.status->raw(), QStringLiteral("Completed"));
    QCOMPARE(transitionsOf(reader, p, id), QStringList({QStringLiteral("Submitted>InProgress"),
                                                        QStringLiteral("InProgress>Completed")}));
    const QList<ProgressSample> samples = reader.progressSamples(p, id);
    // The last hour whole, the four before it one per 5 minutes, and the first.
    QVERIFY2(samples.size() <= 61 + 4 * 12 + 1 && samples.size() > 61,
             qPrintable(QString::number(samples.size())));
    QCOMPARE(samples.constFirst().processed, 0);
    QCOMPARE(samples.constLast().processed, kPolls - 1);
}

void tst_SharedStore::aRefusedProfileKeepsTheOtherProfilesKeptUpdates()
{
    // While the database is down the poller keeps the updates of two profiles; meanwhile another
    // client (whose session outlived the outage) removes one of them. Once back, that profile's
    // updates are refused and dropped; the other profile's are written all the same.
    const QString gone = QStringLiteral("gone");
    const QString kept = QStringLiteral("kept");
    const QString id = QStringLiteral("j");
    StoreWorker poller;
    QCOMPARE(openWatching(poller, m_url, {gone, kept}, id), QString());
    const QString otherName = QStringLiteral("another-client");
    auto removeOther = qScopeGuard([&] { QSqlDatabase::removeDatabase(otherName); });
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), otherName);
        storebackend::configure(other, m_url);
        QVERIFY2(other.open(), qPrintable(other.lastError().text()));
        QSqlQuery pidQuery(other);
        QVERIFY(pidQuery.exec(QStringLiteral("SELECT pg_backend_pid()")) && pidQuery.next());
        const int otherPid = pidQuery.value(0).toInt();
        auto up = qScopeGuard([&] { setDatabaseOpen(m_url, true); });
        QCOMPARE(setDatabaseOpen(m_url, false, otherPid), QString());
        poller.applyUpdates({polled(gone, id, QStringLiteral("Submitted"),
                                    QStringLiteral("InProgress"), 1000, 10),
                             polled(kept, id, QStringLiteral("Submitted"),
                                    QStringLiteral("InProgress"), 1000, 10)});
        poller.waitForIdle();
        QTRY_COMPARE(poller.keptJobs(), 2);
        QSqlQuery remove(other);
        QVERIFY2(remove.exec(QStringLiteral("DELETE FROM profiles WHERE id = '%1'").arg(gone)),
                 qPrintable(remove.lastError().text()));
        other.close();
        up.dismiss(); // opened again below
    }
    QCOMPARE(setDatabaseOpen(m_url, true), QString());
    QTRY_COMPARE_WITH_TIMEOUT(poller.keptJobs(), 0, 10000);

    JobStore reader;
    QVERIFY(reader.open(m_url));
    const auto stored = storedJob(reader, kept, id);
    QVERIFY(stored && stored->job.status); // not written: no status at all
    QCOMPARE(stored->job.status->raw(), QStringLiteral("InProgress"));
    QCOMPARE(transitionsOf(reader, kept, id),
             QStringList({QStringLiteral("Submitted>InProgress")}));
    QVERIFY(reader.loadWatched(gone).isEmpty());
}

void tst_SharedStore::aListenerReconnectsByItselfAndReadsEverythingAgain()
{
    // A viewer makes no call of its own once a read has found the connection dead (the database
    // restarted): it reconnects by itself, listens again and says every profile changed, since
    // what was announced meanwhile reached nobody.
    const QString p = QStringLiteral("team");
    JobStore viewer;
    QVERIFY2(viewer.open(m_url), qPrintable(viewer.lastError()));
    QVERIFY(viewer.saveProfile(profile(p)));
    QVERIFY(viewer.listenForChanges());
    QCOMPARE(storebackend::execOn(m_url, {QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                                         "pg_stat_activity WHERE datname = "
                                                         "current_database() AND pid <> "
                                                         "pg_backend_pid()")}),
             QString());
    QSignalSpy heard(&viewer, &JobStore::jobsChanged);
    // QPSQL hears the server end the session on the listening socket and closes the
    // connection itself; the next read finds it closed.
    QTRY_VERIFY(!viewer.isOpen());
    viewer.loadWatched(p);
    QTRY_VERIFY(!heard.isEmpty());
    QCOMPARE(heard.constFirst().at(0).toString(), p);
    QVERIFY(heard.constFirst().at(1).toStringList().isEmpty()); // the whole profile

    JobStore poller;
    QVERIFY(poller.open(m_url));
    QVERIFY(poller.saveJobs({job(p, QStringLiteral("j"), QStringLiteral("InProgress"))}));
    QTRY_COMPARE(heard.constLast().at(1).toStringList(), QStringList{QStringLiteral("j")});
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

void tst_SharedStore::viewerFollowsThePollerRowByRowAndSendsNothing()
{
    TeamGateway gateway;
    TeamClient poller(m_url, gateway);
    QVERIFY(poller.opened);
    QVERIFY(poller.startsPolling());

    TeamClient viewer(m_url, gateway);
    QVERIFY(viewer.opened);
    QSignalSpy transitions(viewer.session->monitor(), &JobMonitor::transitionObserved);
    viewer.session->start();
    QTRY_COMPARE(viewer.session->sharing(), ProfileSession::Sharing::Viewing);
    QVERIFY(viewer.session->isPausedBy(ProfileSession::PauseReason::Viewer));
    QCOMPARE(ProfileSession::sharingText(viewer.session->sharing()),
             QStringLiteral("Viewing: another batchwatch polls this gateway"));
    QCOMPARE(ProfileSession::sharingText(poller.session->sharing()),
             QStringLiteral("Polling for the team"));
    QTRY_COMPARE(viewer.shownStatus(), QStringLiteral("InProgress"));
    QTRY_VERIFY(viewer.session->isInitialRefreshDone());

    // The gateway moves on: the poller sees it, the viewer's table follows the store, row by
    // row (no reset), and the viewer never asked the gateway anything.
    QSignalSpy resets(&viewer.model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&viewer.model, &QAbstractItemModel::dataChanged);
    gateway.processed = 1000;
    gateway.status = QStringLiteral("Completed");
    QTRY_COMPARE(poller.shownStatus(), QStringLiteral("Completed"));
    QTRY_COMPARE(viewer.shownStatus(), QStringLiteral("Completed"));
    QCOMPARE(resets.size(), 0);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(viewer.model.rowCount(), 1);
    QTRY_VERIFY(!transitions.isEmpty());
    QCOMPARE(transitions.constLast().at(1).value<StatusTransition>().to.raw(),
             QStringLiteral("Completed"));
    QCOMPARE(viewer.nam.requestCount(), 0);
    QVERIFY(poller.nam.requestCount() > 0);
}

void tst_SharedStore::viewerTakesOverWhenThePollerGoes()
{
    TeamGateway gateway;
    auto poller = std::make_unique<TeamClient>(m_url, gateway);
    QVERIFY(poller->opened);
    poller->storeTheTeamJob();
    poller->session->start();
    QTRY_COMPARE(poller->session->sharing(), ProfileSession::Sharing::Polling);
    TeamClient viewer(m_url, gateway);
    QVERIFY(viewer.opened);
    viewer.session->start();
    QTRY_COMPARE(viewer.session->sharing(), ProfileSession::Sharing::Viewing);
    QTRY_COMPARE(viewer.shownStatus(), QStringLiteral("InProgress"));
    QCOMPARE(viewer.nam.requestCount(), 0);

    // The poller goes (the window closes; a crash ends its session the same way).
    poller.reset();
    QTRY_COMPARE_WITH_TIMEOUT(viewer.session->sharing(), ProfileSession::Sharing::Polling,
                              PollerLease::MaxRetryMs);
    QTRY_VERIFY(!viewer.session->isPaused()); // once the previous poller's commits are read
    QTRY_VERIFY(viewer.nam.requestCount() > 0);
    gateway.status = QStringLiteral("Completed");
    QTRY_COMPARE(viewer.shownStatus(), QStringLiteral("Completed"));
    viewer.store.waitForIdle();
    QTRY_VERIFY(!viewer.session->monitor()->requestsInFlight());
    viewer.store.waitForIdle();

    // One history: the change the first poller recorded was not recorded again by the second.
    JobStore reader;
    QVERIFY(reader.open(m_url));
    auto recorded = [&reader] {
        QStringList to;
        for (const StatusTransition &t : reader.transitions(teamProfile().id, kJobId))
            to << t.to.raw();
        return to;
    };
    QTRY_COMPARE(recorded(),
                 (QStringList{QStringLiteral("InProgress"), QStringLiteral("Completed")}));
}

void tst_SharedStore::aRemovedJobStaysRemovedForTheWholeTeam()
{
    TeamGateway gateway;
    TeamClient poller(m_url, gateway);
    QVERIFY(poller.opened);
    QVERIFY(poller.startsPolling());
    TeamClient viewer(m_url, gateway);
    QVERIFY(viewer.opened);
    viewer.session->start();
    QTRY_COMPARE(viewer.session->sharing(), ProfileSession::Sharing::Viewing);
    QTRY_COMPARE(viewer.shownStatus(), QStringLiteral("InProgress"));

    // A change is announced to the poller and its read of the job is on its way when the job
    // is removed there: the read runs before the removal and still holds the job.
    Q_EMIT poller.store.jobsChanged(teamProfile().id, {jobKeyOf(kJobId)});
    poller.session->monitor()->unwatch({kJobId});
    bool read = false;
    QObject context;
    poller.store.call<int>([](JobStore &) { return 0; }, &context, [&read](int) { read = true; });
    QTRY_VERIFY(read); // every reply queued before it has been applied
    QVERIFY(!poller.session->monitor()->contains(kJobId));
    QCOMPARE(poller.model.rowCount(), 0);

    // The other desktop hears of the removal, and polling goes on without bringing it back.
    QTRY_COMPARE(viewer.model.rowCount(), 0);
    QVERIFY(!viewer.session->monitor()->contains(kJobId));
    const int requests = poller.nam.requestCount();
    gateway.status = QStringLiteral("Completed");
    poller.session->refreshNow();
    poller.store.waitForIdle();
    JobStore reader;
    QVERIFY(reader.open(m_url));
    QVERIFY(reader.loadWatched(teamProfile().id).isEmpty());
    QCOMPARE(poller.nam.requestCount(), requests);
}

void tst_SharedStore::onlyAClientWithTheKeyTakesThePolling()
{
    // A desktop without the gateway key would hold the lease and send nothing: nobody would
    // poll. It views, even when nobody else polls, until it has the key.
    TeamGateway gateway;
    TeamClient keyless(m_url, gateway, AuthMode::VirtualKey);
    QVERIFY(keyless.opened);
    keyless.storeTheTeamJob();
    keyless.session->start();
    // Nobody polls: it says so rather than that another client does.
    QTRY_COMPARE(keyless.session->sharing(), ProfileSession::Sharing::Unpolled);
    QCOMPARE(ProfileSession::sharingText(keyless.session->sharing()),
             QStringLiteral("Viewing: nobody polls this gateway (a client with its key would)"));
    QTRY_COMPARE(keyless.shownStatus(), QStringLiteral(" ").trimmed()); // loaded, never polled

    TeamClient keyed(m_url, gateway, AuthMode::VirtualKey);
    QVERIFY(keyed.opened);
    keyed.session->setSecret(QStringLiteral("team-key"));
    keyed.session->start();
    QTRY_COMPARE(keyed.session->sharing(), ProfileSession::Sharing::Polling);
    QTRY_COMPARE(keyless.shownStatus(), QStringLiteral("InProgress"));
    QTRY_COMPARE(keyless.session->sharing(), ProfileSession::Sharing::Viewing);
    QVERIFY(keyless.session->isPausedBy(ProfileSession::PauseReason::Viewer));

    // The key moves: the one that lost it gives the lease up, the one that got it polls.
    keyless.session->setSecret(QStringLiteral("team-key"));
    keyed.session->setSecret(QString());
    QTRY_COMPARE_WITH_TIMEOUT(keyless.session->sharing(), ProfileSession::Sharing::Polling,
                              PollerLease::MaxRetryMs);
    QTRY_COMPARE(keyed.session->sharing(), ProfileSession::Sharing::Viewing);
    QTRY_VERIFY(keyless.nam.requestCount() > 0);
}

void tst_SharedStore::unreachableStoreShowsOfflineAndPollsNothing()
{
    // The lease's database cannot be reached (a closed port): the session says so, shows the
    // offline state the gateway's loss shows, and sends nothing.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const QString url = QStringLiteral("postgresql://nobody@127.0.0.1:%1/none").arg(port);

    StoreWorker store;
    store.openInMemory();
    store.post([](JobStore &s) {
        s.saveProfile(teamProfile());
        s.addWatched(teamProfile().id, {kJobId}, QDateTime::currentDateTimeUtc());
    });
    FakeNetworkAccessManager nam;
    TeamGateway gateway;
    nam.setHandler([&gateway](const FakeRequest &) { return gateway.answer(); });
    ProfileSession::Options options;
    options.store = &store;
    options.sharedStore = url;
    options.nativeSources = false;
    ProfileSession session(teamProfile(), &nam, options);
    QSignalSpy states(session.monitor(), &JobMonitor::connectionStateChanged);
    session.start();
    QTRY_COMPARE(session.sharing(), ProfileSession::Sharing::StoreUnreachable);
    QCOMPARE(session.monitor()->connectionState().kind, ConnectionState::Kind::Offline);
    QVERIFY(session.monitor()->connectionState().storeUnreachable); // the store, not the gateway
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.constLast().at(0).value<ConnectionState>().kind,
             ConnectionState::Kind::Offline);
    QTRY_VERIFY(session.isLoaded());
    QCOMPARE(session.monitor()->jobCount(), 1); // the stored rows still show
    QVERIFY(session.isPausedBy(ProfileSession::PauseReason::Viewer));
    QCOMPARE(ProfileSession::sharingText(session.sharing()),
             QStringLiteral("Shared store unreachable: reconnecting"));
    QCOMPARE(nam.requestCount(), 0);
}

QTEST_GUILESS_MAIN(tst_SharedStore)
#include "tst_sharedstore.moc"
