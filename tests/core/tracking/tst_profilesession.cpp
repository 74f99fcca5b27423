#include "fakenetworkaccessmanager.h"
#include "fixtures.h"
#include "monitortesting.h"
#include "store/jobstore.h"
#include "store/secretstore.h"
#include "store/storeworker.h"
#include "tracking/clock.h"
#include "tracking/profilesession.h"
#include "wire/gatewayclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::test;
using namespace std::chrono_literals;

namespace {

const QString kJob = QStringLiteral("aaaa00000001");

GatewayProfile profile(AuthMode auth = AuthMode::None)
{
    GatewayProfile p;
    p.id = QStringLiteral("p1");
    p.name = QStringLiteral("Test gateway");
    p.baseUrl = QUrl(QStringLiteral("http://gateway.test"));
    p.routeStyle = RouteStyle::Singular;
    p.authMode = auth;
    return p;
}

// A gateway that knows one job, InProgress with `processed` of 1000 records; with `key` set it
// refuses every request that does not carry it in x-bf-vk.
struct Gateway
{
    explicit Gateway(FakeNetworkAccessManager &nam)
    {
        nam.setHandler([this](const FakeRequest &r) {
            if (!key.isEmpty() && r.header("x-bf-vk") != key)
                return FakeResponse::json(401, R"({"message":"unauthorized"})");
            const QJsonObject body{
                    {QStringLiteral("jobArn"),
                     QString(QStringLiteral(
                                     "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                             + kJob)},
                    {QStringLiteral("status"), QStringLiteral("InProgress")},
                    {QStringLiteral("totalRecordCount"), 1000},
                    {QStringLiteral("processedRecordCount"), processed},
                    {QStringLiteral("successRecordCount"), processed},
                    {QStringLiteral("errorRecordCount"), 0}};
            return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
        });
    }
    QByteArray key;
    qint64 processed = 100;
};

PollSettings noBulk()
{
    PollSettings s;
    s.bulkRefresh = false;
    return s;
}

struct Rig
{
    explicit Rig(AuthMode auth = AuthMode::None, StoreWorker *store = nullptr)
    {
        ProfileSession::Options options;
        options.store = store;
        options.secrets = &secrets;
        options.pollSettings = noBulk();
        options.clock = &clock;
        session = std::make_unique<ProfileSession>(profile(auth), &nam, options);
        session->monitor()->scheduler()->setJitterSource([] { return 0.0; });
    }
    bool quiet() { return waitUntilMonitorIsQuiet(*session->monitor(), clock); }

    FakeNetworkAccessManager nam;
    Gateway gateway{nam};
    MemorySecretStore secrets;
    ManualClock clock;
    std::unique_ptr<ProfileSession> session;
};

bool storeSecret(SecretStore &secrets, const QString &secret)
{
    bool written = false;
    secrets.writeSecret(QStringLiteral("p1"), secret, nullptr,
                        [&written](const SecretResult &r) { written = r.ok(); });
    return QTest::qWaitFor([&] { return written; });
}

// Opens `store` in `dir` with the profile, and lets one session watch kJob until it is quiet:
// what the next session finds on start-up.
void storeOneWatchedJob(StoreWorker &store, const QString &dir)
{
    QString error;
    QVERIFY2(store.openBlocking(dir, &error), qPrintable(error));
    store.post([](JobStore &s) { s.saveProfile(profile()); });
    {
        Rig first(AuthMode::None, &store);
        first.session->start();
        QTRY_VERIFY(first.session->isLoaded());
        first.session->monitor()->watch({JobIdentifier::parse(kJob)});
        QVERIFY(first.quiet());
    }
    store.waitForIdle();
}

} // namespace

class tst_ProfileSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pauseReasonsAreArbitrated();
    void missingKeySendsNothingAndSaysSo();
    void storedKeyIsReadBeforeTheFirstRequest();
    void firstRefreshWaitsForEveryStoredJob();
    void storedAndLiveSamplesAreMergedOnce();
    void findsJobsByEveryNameTheyGo();
    void savedProvidersTakeEffectWithoutARestart();
    void anotherClientsCommitsApplyRowByRowWithoutRequests();
    void aReadFromBeforeARemovalDoesNotBringTheJobBack();
};

void tst_ProfileSession::pauseReasonsAreArbitrated()
{
    Rig rig;
    QSignalSpy paused(rig.session.get(), &ProfileSession::pausedChanged);
    rig.session->start();
    QTRY_VERIFY(rig.session->isLoaded());
    QVERIFY(!rig.session->monitor()->isPaused());

    rig.session->setPaused(ProfileSession::PauseReason::User, true);
    rig.session->setPaused(ProfileSession::PauseReason::Minimised, true);
    QVERIFY(rig.session->monitor()->isPaused());
    rig.session->setPaused(ProfileSession::PauseReason::User, false);
    QVERIFY2(rig.session->monitor()->isPaused(), "still minimised");
    QVERIFY(rig.session->isPausedBy(ProfileSession::PauseReason::Minimised));
    rig.session->setPaused(ProfileSession::PauseReason::Minimised, false);
    QVERIFY(!rig.session->monitor()->isPaused());
    QCOMPARE(paused.size(), 2); // paused once, resumed once

    // While paused, nothing goes out.
    rig.session->setPaused(ProfileSession::PauseReason::User, true);
    rig.session->monitor()->watch({JobIdentifier::parse(kJob)});
    QVERIFY(rig.quiet());
    QCOMPARE(rig.nam.requestCount(), 0);
    rig.session->setPaused(ProfileSession::PauseReason::User, false);
    QVERIFY(rig.quiet());
    QVERIFY(rig.nam.requestCount() > 0);
}

void tst_ProfileSession::missingKeySendsNothingAndSaysSo()
{
    Rig rig(AuthMode::VirtualKey); // nothing in the secret store: a restart without a keychain
    rig.gateway.key = "vk-1";
    QSignalSpy keyState(rig.session.get(), &ProfileSession::keyStateChanged);
    QSignalSpy firstRefresh(rig.session.get(), &ProfileSession::initialRefreshFinished);
    rig.session->start();
    QTRY_COMPARE(rig.session->keyState(), ProfileSession::KeyState::Missing);
    QTRY_COMPARE(firstRefresh.size(), 1); // nothing will be sent: nothing to wait for
    rig.session->monitor()->watch({JobIdentifier::parse(kJob)});
    QVERIFY(rig.quiet());
    rig.clock.advance(60'000);
    QVERIFY(!rig.session->refreshNow()); // a refresh would only be refused: not sent
    QVERIFY(rig.quiet());
    QCOMPARE(rig.nam.requestCount(), 0);
    QCOMPARE(rig.session->monitor()->connectionState().kind, ConnectionState::Kind::Unknown);
    QVERIFY(!rig.session->isPaused()); // the user did not pause: the key is missing
    QCOMPARE(ProfileSession::keyStateText(rig.session->keyState()),
             QStringLiteral("No key stored for this profile"));

    rig.session->setSecret(QStringLiteral("vk-1"));
    QCOMPARE(keyState.constLast().at(0).value<ProfileSession::KeyState>(),
             ProfileSession::KeyState::Present);
    QVERIFY(rig.quiet());
    QVERIFY(rig.nam.requestCount() > 0);
    QCOMPARE(rig.nam.lastRequest().header("x-bf-vk"), QByteArray("vk-1"));
    QCOMPARE(rig.session->monitor()->connectionState().kind, ConnectionState::Kind::Online);
}

void tst_ProfileSession::storedKeyIsReadBeforeTheFirstRequest()
{
    Rig rig(AuthMode::VirtualKey);
    rig.gateway.key = "vk-2";
    QVERIFY(storeSecret(rig.secrets, QStringLiteral("vk-2")));
    rig.session->start();
    rig.session->monitor()->watch({JobIdentifier::parse(kJob)});
    QTRY_COMPARE(rig.session->keyState(), ProfileSession::KeyState::Present);
    QVERIFY(rig.quiet());
    QVERIFY(rig.nam.requestCount() > 0);
    for (const FakeRequest &r : rig.nam.requests())
        QCOMPARE(r.header("x-bf-vk"), QByteArray("vk-2")); // none went out without it
}

void tst_ProfileSession::firstRefreshWaitsForEveryStoredJob()
{
    QTemporaryDir dir;
    StoreWorker store;
    storeOneWatchedJob(store, dir.path());
    if (QTest::currentTestFailed())
        return;
    Rig rig(AuthMode::None, &store);
    rig.gateway.processed = 500;
    QSignalSpy loaded(rig.session.get(), &ProfileSession::loaded);
    QSignalSpy firstRefresh(rig.session.get(), &ProfileSession::initialRefreshFinished);
    rig.session->setPaused(ProfileSession::PauseReason::User, true);
    rig.session->start();
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(rig.session->monitor()->jobCount(), 1);
    QVERIFY(rig.quiet());
    QCOMPARE(firstRefresh.size(), 0); // the stored job has not been answered yet
    QVERIFY(!rig.session->isInitialRefreshDone());
    rig.session->setPaused(ProfileSession::PauseReason::User, false);
    QTRY_COMPARE(firstRefresh.size(), 1);
    QVERIFY(rig.session->isInitialRefreshDone());
    QCOMPARE(rig.session->monitor()->job(kJob)->job.processedRecordCount, qint64(500));
}

void tst_ProfileSession::storedAndLiveSamplesAreMergedOnce()
{
    QTemporaryDir dir;
    StoreWorker store;
    storeOneWatchedJob(store, dir.path());
    if (QTest::currentTestFailed())
        return;
    qsizetype storedSamples = 0;
    store.post([&storedSamples](JobStore &s) {
        storedSamples = s.progressSamplesForProfile(QStringLiteral("p1")).value(kJob).size();
    });
    store.waitForIdle();
    QCOMPARE(storedSamples, 1);
    Rig rig(AuthMode::None, &store);
    rig.clock.advance(60'000);
    rig.gateway.processed = 400;
    QSignalSpy samplesLoaded(rig.session.get(), &ProfileSession::samplesLoaded);
    QSignalSpy added(rig.session.get(), &ProfileSession::sampleAdded);
    rig.session->start();
    QVERIFY(rig.quiet());
    QTRY_COMPARE(samplesLoaded.size(), 1);
    QVERIFY(rig.session->areSamplesLoaded());

    // The stored sample (100) and this run's (400), each once, oldest first.
    auto processed = [&] {
        QList<qint64> values;
        for (const ProgressSample &s : rig.session->samples().value(kJob))
            values << s.processed;
        return values;
    };
    QCOMPARE(processed(), (QList<qint64>{100, 400}));

    // 400 came either inside samplesLoaded or, when the store answered first, on its own:
    // both are right. 700 comes after the load, so it is announced on its own, once.
    const qsizetype addedBefore = added.size();
    QVERIFY(addedBefore <= 1);
    rig.gateway.processed = 700;
    rig.clock.advance(60'000);
    QVERIFY(rig.quiet());
    QCOMPARE(processed(), (QList<qint64>{100, 400, 700}));
    QCOMPARE(added.size(), addedBefore + 1);
    QCOMPARE(samplesLoaded.size(), 1);
}

void tst_ProfileSession::findsJobsByEveryNameTheyGo()
{
    Rig rig;
    rig.session->start();
    QTRY_VERIFY(rig.session->isLoaded());
    const QString arn
            = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/") + kJob;
    rig.session->monitor()->watch({JobIdentifier::parse(kJob)});
    QVERIFY(rig.quiet());
    QCOMPARE(rig.session->findIdentifier(kJob), kJob);
    QCOMPARE(rig.session->findIdentifier(u' ' + arn + u' '), kJob); // the jobArn it reported
    QCOMPARE(rig.session->findIdentifier(QStringLiteral("bbbb00000001")), QString());
    QCOMPARE(rig.session->findIdentifier(QString()), QString());
}

void tst_ProfileSession::savedProvidersTakeEffectWithoutARestart()
{
    // An OpenAI batch watched on a profile that watches Bedrock only: nothing reads it. The
    // user adds openai in the Profiles dialog and saves while the session runs: the batch is
    // read at once; removing openai again leaves the row as it was known.
    Rig rig;
    const QByteArray body
            = fixture(QStringLiteral("../bifrost-native/retrieve-openai-inprogress.json"));
    BW_RETURN_IF_FAILED();
    const QString batch = QStringLiteral("batch_6746c4a1f0e88190a2b1c3d4e5f60718");
    int nativeReads = 0;
    rig.nam.setHandler([&](const FakeRequest &r) {
        if (r.encodedPath().startsWith("/v1/batches/") && r.encodedQuery() == "provider=openai") {
            ++nativeReads;
            return FakeResponse::json(200, body);
        }
        return FakeResponse::json(404, R"({"message":"not found"})");
    });
    rig.session->start();
    QTRY_VERIFY(rig.session->isLoaded());
    JobMonitor *monitor = rig.session->monitor();
    QCOMPARE(monitor->nativeProviders(), QStringList{QStringLiteral("bedrock")});
    monitor->watch({JobIdentifier::parse(batch)}, QStringLiteral("openai"));
    QVERIFY(rig.quiet());
    QVERIFY(monitor->job(batch)->lastError);
    QCOMPARE(monitor->job(batch)->lastError->httpStatus, 501);
    QVERIFY(!monitor->job(batch)->job.status);
    QCOMPARE(nativeReads, 0);

    GatewayProfile edited = rig.session->profile();
    edited.providers = {QStringLiteral("bedrock"), QStringLiteral("openai")};
    rig.session->setProfile(edited);
    QCOMPARE(monitor->nativeProviders(),
             (QStringList{QStringLiteral("bedrock"), QStringLiteral("openai")}));
    QTRY_COMPARE(nativeReads, 1);
    QVERIFY(rig.quiet());
    std::optional<WatchedJob> w = monitor->job(batch);
    QVERIFY(!w->lastError);
    QCOMPARE(w->job.statusText(), QStringLiteral("in_progress"));
    QCOMPARE(w->job.processedRecordCount.value_or(-1), 3132);

    // Saved again with the same providers: the source stays (no second read is forced).
    rig.session->setProfile(edited);
    QVERIFY(rig.quiet());
    QCOMPARE(nativeReads, 1);

    edited.providers = {QStringLiteral("bedrock")};
    rig.session->setProfile(edited);
    QCOMPARE(monitor->nativeProviders(), QStringList{QStringLiteral("bedrock")});
    QVERIFY(!monitor->sourceFor(QStringLiteral("openai")));
    rig.session->refreshNow({batch});
    QVERIFY(rig.quiet());
    QCOMPARE(nativeReads, 1);
    w = monitor->job(batch);
    QVERIFY(w->lastError);
    QCOMPARE(w->job.statusText(), QStringLiteral("in_progress")); // what was known stays
}

void tst_ProfileSession::anotherClientsCommitsApplyRowByRowWithoutRequests()
{
    // What a viewer of a shared store does with the poller's commits (JobMonitor::
    // applyStoredJobs), without PostgreSQL: rows as the store would hand them over.
    Rig rig;
    rig.session->setPaused(ProfileSession::PauseReason::Viewer, true);
    rig.session->start();
    QTRY_VERIFY(rig.session->isLoaded());
    JobMonitor *monitor = rig.session->monitor();
    QSignalSpy added(monitor, &JobMonitor::jobsAdded);
    QSignalSpy updated(monitor, &JobMonitor::jobsUpdated);
    QSignalSpy removed(monitor, &JobMonitor::jobsRemoved);
    QSignalSpy transitions(monitor, &JobMonitor::transitionObserved);
    auto row = [&rig](int i, const QString &status) {
        WatchedJob w;
        w.profileId = QStringLiteral("p1");
        w.identifier = jobId(i);
        w.addedAt = rig.clock.now();
        w.fetchedAt = rig.clock.now();
        w.job.status = Status::fromString(status);
        return w;
    };
    WatchedJob a = row(1, QStringLiteral("InProgress"));
    WatchedJob b = row(2, QStringLiteral("Submitted"));
    monitor->applyStoredJobs({a, b}, true, rig.clock.now());
    QCOMPARE(added.size(), 1);
    QCOMPARE(monitor->jobCount(), 2);
    // The same rows again change nothing.
    monitor->applyStoredJobs({a, b}, true, rig.clock.now());
    QCOMPARE(updated.size(), 0);

    // The poller read new counts of a: the same progress sample reaches the sample feed.
    QSignalSpy samples(rig.session.get(), &ProfileSession::sampleAdded);
    rig.clock.advance(1000);
    a.job.totalRecordCount = 1000;
    a.job.processedRecordCount = 400;
    a.job.successRecordCount = 390;
    a.job.errorRecordCount = 10;
    a.fetchedAt = rig.clock.now();
    monitor->applyStoredJobs({a}, false, rig.clock.now());
    QTRY_COMPARE(samples.size(), 1);
    const auto sample = samples.at(0).at(1).value<ProgressSample>();
    QCOMPARE(sample.at, a.fetchedAt);
    QCOMPARE(sample.processed, 400);
    QCOMPARE(sample.failed, 10);
    updated.clear();

    // The poller saw b end: one row updated, its change announced, no longer polled here.
    rig.clock.advance(1000);
    b.job.status = Status::fromString(QStringLiteral("Completed"));
    b.fetchedAt = rig.clock.now();
    monitor->applyStoredJobs({b}, false, rig.clock.now());
    QCOMPARE(updated.size(), 1);
    QCOMPARE(monitor->job(jobId(2))->job.status->raw(), QStringLiteral("Completed"));
    QCOMPARE(transitions.size(), 1);
    const auto change = transitions.at(0).at(1).value<StatusTransition>();
    QCOMPARE(change.from->raw(), QStringLiteral("Submitted"));
    QCOMPARE(change.to.raw(), QStringLiteral("Completed"));
    QCOMPARE(change.observedAt, b.fetchedAt);
    QVERIFY(monitor->scheduler()->isSettled(jobId(2)));

    // The whole list without a: another client stopped watching it. A job watched here after
    // that list was read stays (its own write may have come after the read).
    const QDateTime readAt = rig.clock.now();
    rig.clock.advance(1000);
    monitor->watch({JobIdentifier::parse(jobId(3))});
    monitor->applyStoredJobs({b}, true, readAt);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toStringList(), QStringList{jobId(1)});
    QVERIFY(monitor->contains(jobId(3)));
    QVERIFY(!monitor->contains(jobId(1)));
    QCOMPARE(rig.nam.requestCount(), 0); // a viewer asks the gateway nothing
    // A refresh asked of a viewer reads the store, not the gateway.
    QVERIFY(!rig.session->refreshNow());
    QTest::qWait(50);
    QCOMPARE(rig.nam.requestCount(), 0);
}

void tst_ProfileSession::aReadFromBeforeARemovalDoesNotBringTheJobBack()
{
    // A store read was asked for, then the job was removed here before the rows came back:
    // they hold it still, but it stays removed. A read asked for after the removal that still
    // holds the job means someone added it again: then it is back.
    Rig rig;
    rig.session->setPaused(ProfileSession::PauseReason::Viewer, true);
    rig.session->start();
    QTRY_VERIFY(rig.session->isLoaded());
    JobMonitor *monitor = rig.session->monitor();
    WatchedJob a;
    a.profileId = QStringLiteral("p1");
    a.identifier = jobId(1);
    a.addedAt = rig.clock.now();
    a.fetchedAt = rig.clock.now();
    a.job.status = Status::fromString(QStringLiteral("InProgress"));
    monitor->applyStoredJobs({a}, true, rig.clock.now());
    QVERIFY(monitor->contains(jobId(1)));

    QSignalSpy added(monitor, &JobMonitor::jobsAdded);
    QSignalSpy updated(monitor, &JobMonitor::jobsUpdated);
    const QDateTime readAt = rig.clock.now();
    rig.clock.advance(1000);
    monitor->unwatch({jobId(1)});
    monitor->applyStoredJobs({a}, false, readAt);      // the changed rows only
    monitor->applyStoredJobs({a}, true, readAt);       // the whole list
    monitor->applyStoredJobs({a}, false, QDateTime()); // a read of unknown age
    QVERIFY(!monitor->contains(jobId(1)));
    QCOMPARE(added.size(), 0);
    QCOMPARE(updated.size(), 0);

    rig.clock.advance(1000);
    monitor->applyStoredJobs({a}, false, rig.clock.now());
    QVERIFY(monitor->contains(jobId(1)));
    QCOMPARE(added.size(), 1);
    QCOMPARE(rig.nam.requestCount(), 0);
}

QTEST_GUILESS_MAIN(tst_ProfileSession)
#include "tst_profilesession.moc"
