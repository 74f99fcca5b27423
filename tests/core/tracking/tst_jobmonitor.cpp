#include "fakenetworkaccessmanager.h"
#include "fixtures.h"
#include "models/jobtablemodel.h"
#include "monitortesting.h"
#include "store/jobstore.h"
#include "store/storeworker.h"
#include "tracking/clock.h"
#include "tracking/jobmonitor.h"
#include "wire/gatewayclient.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::test;
using namespace std::chrono_literals;

namespace {

const QString kArnPrefix
        = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/");
const QByteArray kJobPath = "/bedrock/model-invocation-job/";
const QByteArray kListPath = "/bedrock/model-invocation-jobs";

QJsonObject jobBody(const QString &id, const QString &status, const QJsonObject &extra = {})
{
    QJsonObject o{{QStringLiteral("jobArn"), QString(kArnPrefix + id)},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("jobName"), QString(u"name-" + id)},
                  {QStringLiteral("submitTime"), QStringLiteral("2025-03-14T08:00:00Z")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

FakeResponse ok(const QJsonObject &body)
{
    return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeResponse notFound()
{
    return FakeResponse::json(404, fixture(QStringLiteral("error-404-resource-not-found.json")));
}

// A scripted gateway with Bifrost's routes behind the fake access manager. Retrieves answer
// the next scripted response for the identifier if there is one, else the job's current body
// (404 for an unknown job); the list route answers Bifrost-style summaries of every job.
class FakeGateway
{
public:
    enum class ListMode { Summaries, Html };

    explicit FakeGateway(FakeNetworkAccessManager &nam)
    {
        nam.setHandler([this](const FakeRequest &r) { return answer(r); });
    }

    QHash<QString, QJsonObject> jobs;                      // by 12-char id
    std::function<QJsonObject(const QString &id)> bodyFor; // overrides `jobs` when set
    QHash<QString, QList<FakeResponse>> scripted;          // by identifier as requested
    std::function<std::optional<FakeResponse>(const FakeRequest &)> fault;
    ListMode listMode = ListMode::Summaries;
    QSet<QString> hiddenFromList;
    FakeResponse stopAnswer = FakeResponse::json(200, R"({"status":"Stopping"})");
    std::function<void(const QString &identifier)> onStop;

    QStringList allIds; // the jobs that exist, when bodyFor is used

    QStringList retrieved; // identifiers, in order
    QStringList stopped;
    int lists = 0;

private:
    QJsonObject current(const QString &id) const { return bodyFor ? bodyFor(id) : jobs.value(id); }
    bool knows(const QString &id) const { return bodyFor ? true : jobs.contains(id); }

    FakeResponse answer(const FakeRequest &r)
    {
        const QByteArray path = r.encodedPath();
        if (path == kListPath && r.verb == "GET") {
            ++lists;
            if (fault) {
                if (auto f = fault(r))
                    return *f;
            }
            if (listMode == ListMode::Html)
                return FakeResponse::text(200, "text/html", "<!doctype html><title>UI</title>");
            QJsonArray summaries;
            QStringList ids = bodyFor ? allIds : jobs.keys();
            ids.sort();
            for (const QString &id : std::as_const(ids)) {
                if (hiddenFromList.contains(id))
                    continue;
                const QJsonObject full = current(id);
                QJsonObject s;
                for (const char *key : {"jobArn", "jobName", "modelId", "status", "submitTime"}) {
                    const QString k = QString::fromLatin1(key);
                    if (full.contains(k))
                        s.insert(k, full.value(k));
                }
                summaries.append(s);
            }
            return ok(QJsonObject{{QStringLiteral("invocationJobSummaries"), summaries}});
        }
        if (!path.startsWith(kJobPath))
            return FakeResponse::text(404, "text/plain", "Not Found");
        QByteArray rest = path.mid(kJobPath.size());
        const bool isStop = rest.endsWith("/stop");
        if (isStop)
            rest.chop(5);
        const QString identifier = QUrl::fromPercentEncoding(rest);
        const QString id = JobIdentifier::parse(identifier).shortId();
        if (isStop && r.verb == "POST") {
            stopped.append(identifier);
            if (onStop)
                onStop(id);
            return stopAnswer;
        }
        retrieved.append(identifier);
        QList<FakeResponse> &queue = scripted[identifier];
        if (!queue.isEmpty())
            return queue.takeFirst();
        if (fault) {
            if (auto f = fault(r))
                return *f;
        }
        if (!knows(id))
            return notFound();
        return ok(current(id));
    }
};

// A monitor for profile p1 over the real GatewayClient and a fake access manager, on a manual
// clock with no jitter: polling moves only when a test advances the clock.
struct Rig
{
    explicit Rig(const PollSettings &settings = {}, StoreWorker *store = nullptr)
    {
        client.setProfile(testProfile());
        monitor = std::make_unique<JobMonitor>(&client, store, settings, &clock);
        monitor->scheduler()->setJitterSource([] { return 0.0; });
    }

    // Runs the event loop until no request is in flight and nothing is due before the clock
    // moves again (every answer applied and announced).
    bool quiet() { return test::waitUntilMonitorIsQuiet(*monitor, clock); }
    void advance(Millis ms) { clock.advance(ms.count()); }
    WatchedJob job(const QString &id) const { return monitor->job(id).value_or(WatchedJob()); }
    QStringList watch(const QStringList &ids)
    {
        QList<JobIdentifier> list;
        for (const QString &id : ids)
            list.append(JobIdentifier::parse(id));
        return monitor->watch(list);
    }

    FakeNetworkAccessManager nam;
    FakeGateway gateway{nam};
    GatewayClient client{&nam};
    ManualClock clock;
    std::unique_ptr<JobMonitor> monitor;
};

PollSettings noBulk()
{
    PollSettings s;
    s.bulkRefresh = false;
    return s;
}

bool openWithProfile(StoreWorker &store, const QString &dir)
{
    QString error;
    if (!store.openBlocking(dir, &error)) {
        qWarning() << error;
        return false;
    }
    bool saved = false;
    store.post([&saved](JobStore &s) { saved = s.saveProfile(testProfile()); });
    store.waitForIdle();
    return saved;
}

} // namespace

class tst_JobMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsStoredStateBeforeAnyRequest();
    void loadsInSlicesWhatItLoadsWhole();
    void mergesSparseBodiesKeepingLastKnownFields();
    void recordsTransitionsIncludingTheFirst();
    void recordsProgressSamplesWhenCountsChange();
    void marksNotFoundOn404AndKeepsTheJob();
    void keepsRowsOnNetworkFailureAndShowsOffline();
    void reportsAuthFailure();
    void persistsAndReloadsThroughAJobStore();
    void refreshesManyJobsWithOneListWalkAndRetrievesTheRest();
    void aSlicedRefreshAnnouncesEveryStatusChangeOnceInOrder();
    void fallsBackToRetrievesWhenTheListRouteAnswersHtml();
    void stopsOnceAndRefreshesAtOnce();
    void unwatchedJobsAreNoLongerPolled();
    void watchingAJobInAnotherFormAddsNothing();
    void survivesThirtyPercentInjectedFaults();
};

void tst_JobMonitor::showsStoredStateBeforeAnyRequest()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString a = jobId(1);
    const QString b = jobId(2);
    const QString c = jobId(4);
    const QDateTime earlier(QDate(2025, 3, 14), QTime(9, 0), Qt::UTC);
    {
        JobStore seed;
        QVERIFY(seed.open(dir.path()));
        QVERIFY(seed.saveProfile(testProfile()));
        QVERIFY(seed.addWatched(QStringLiteral("p1"), {a, b, c}, earlier));
        WatchedJob wa;
        wa.identifier = a;
        wa.profileId = QStringLiteral("p1");
        wa.job.status = Status::fromCode(JobStatus::InProgress);
        wa.job.jobName = QStringLiteral("stored-a");
        wa.fetchedAt = earlier;
        WatchedJob wb = wa;
        wb.identifier = b;
        wb.job.status = Status::fromCode(JobStatus::Completed);
        wb.job.jobName = QStringLiteral("stored-b");
        WatchedJob wc = wa;
        wc.identifier = c;
        wc.job.jobName = QStringLiteral("stored-c");
        QVERIFY(seed.saveJobs({wa, wb, wc}));
    }
    StoreWorker store;
    QVERIFY(store.openBlocking(dir.path()));
    Rig rig(noBulk(), &store);
    rig.monitor->setLoadSliceRows(1); // rows told ahead, then not used: watched meanwhile
    rig.gateway.jobs[a] = jobBody(a, QStringLiteral("InProgress"));
    rig.gateway.jobs[jobId(3)] = jobBody(jobId(3), QStringLiteral("Submitted"));

    QList<qsizetype> requestsWhenShown;
    QStringList shown;
    QStringList updatedWhenLoaded;
    QSignalSpy loaded(rig.monitor.get(), &JobMonitor::loaded);
    connect(rig.monitor.get(), &JobMonitor::jobsAdded, this, [&](const QList<WatchedJob> &jobs) {
        requestsWhenShown.append(rig.nam.requestCount());
        for (const WatchedJob &w : jobs)
            shown.append(w.identifier + u'=' + w.job.jobName.value_or(QString()));
    });
    connect(rig.monitor.get(), &JobMonitor::jobsUpdated, this, [&](const QList<WatchedJob> &jobs) {
        if (loaded.isEmpty()) { // announced with the stored rows, before any answer
            for (const WatchedJob &w : jobs)
                updatedWhenLoaded.append(w.identifier + u'=' + w.job.jobName.value_or(QString()));
        }
    });
    rig.monitor->loadFromStore();
    QVERIFY(rig.monitor->isLoading());
    // While the store is being read: a new job and a stored one are watched (both wait for
    // it), another stored one is unwatched (the rows read do not bring it back).
    rig.watch({jobId(3), b});
    rig.monitor->unwatch({c});
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toInt(), 2);
    QCOMPARE(requestsWhenShown, (QList<qsizetype>{0, 0}));
    QCOMPARE(shown, (QStringList{jobId(3) + u'=', b + u'=', a + QStringLiteral("=stored-a")}));
    // The stored job watched again shows its stored state, in one row.
    QCOMPARE(updatedWhenLoaded, QStringList{b + QStringLiteral("=stored-b")});
    QCOMPARE(rig.monitor->identifiers(), (QStringList{a, b, jobId(3)})); // stored order first
    QCOMPARE(rig.monitor->jobs().size(), 3);
    QCOMPARE(rig.monitor->jobs().at(1).job.jobName, QStringLiteral("stored-b"));
    QVERIFY(!rig.monitor->contains(c));

    QVERIFY(rig.quiet());
    // The running job and the new one are refreshed; the completed one had settled.
    QCOMPARE(QSet<QString>(rig.gateway.retrieved.cbegin(), rig.gateway.retrieved.cend()),
             (QSet<QString>{a, jobId(3)}));
    QCOMPARE(rig.job(a).fetchedAt, rig.clock.now());
    QCOMPARE(rig.job(b).job.jobName, QStringLiteral("stored-b"));
}

void tst_JobMonitor::loadsInSlicesWhatItLoadsWhole()
{
    // The store hands its rows over in slices while it reads (issue 13, start-up): what the
    // monitor then shows and polls is what it shows and polls after one whole list.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDateTime earlier(QDate(2025, 3, 14), QTime(9, 0), Qt::UTC);
    const JobStatus statuses[]
            = {JobStatus::InProgress, JobStatus::Completed, JobStatus::Scheduled, JobStatus::Failed,
               JobStatus::Completed,  JobStatus::Stopped,   JobStatus::Submitted};
    QStringList ids;
    {
        JobStore seed;
        QVERIFY(seed.open(dir.path()));
        QVERIFY(seed.saveProfile(testProfile()));
        QList<WatchedJob> jobs;
        for (int i = 0; i < int(std::size(statuses)); ++i) {
            WatchedJob w;
            w.identifier = i == 4 ? kArnPrefix + jobId(i + 1) : jobId(i + 1);
            w.profileId = QStringLiteral("p1");
            w.job.status = Status::fromCode(statuses[i]);
            w.job.jobName = QStringLiteral("stored-%1").arg(i);
            if (i != 1) // the first Completed one was never fetched: polled once more
                w.fetchedAt = earlier;
            ids.append(w.identifier);
            jobs.append(w);
        }
        QVERIFY(seed.addWatched(QStringLiteral("p1"), ids, earlier));
        QVERIFY(seed.saveJobs(jobs));
    }
    struct Seen
    {
        QStringList added; // per jobsAdded: "identifier=name" joined by ' '
        int loaded = -1;
        QStringList jobs; // jobs() when loaded: identifier, name, status
        QStringList polled;
        QStringList staged; // each loadStaged row, "identifier=name profile", before loaded
    };
    const auto load = [&](int sliceRows) {
        Seen seen;
        StoreWorker store;
        if (!store.openBlocking(dir.path()))
            return seen;
        Rig rig(noBulk(), &store);
        rig.monitor->setLoadSliceRows(sliceRows);
        connect(rig.monitor.get(), &JobMonitor::jobsAdded, this,
                [&](const QList<WatchedJob> &jobs) {
                    QStringList one;
                    for (const WatchedJob &w : jobs)
                        one.append(w.identifier + u'=' + w.job.jobName.value_or(QString()));
                    seen.added.append(one.join(u' '));
                });
        connect(rig.monitor.get(), &JobMonitor::loadStaged, this,
                [&](const QList<WatchedJob> &jobs, qsizetype all) {
                    if (seen.loaded >= 0 || all < ids.size())
                        seen.staged.append(QStringLiteral("late or unsized"));
                    for (const WatchedJob &w : jobs)
                        seen.staged.append(w.identifier + u'=' + w.job.jobName.value_or(QString())
                                           + u' ' + w.profileId);
                });
        connect(rig.monitor.get(), &JobMonitor::loaded, this, [&](int count) {
            seen.loaded = count;
            for (const WatchedJob &w : rig.monitor->jobs()) {
                seen.jobs.append(QStringLiteral("%1 %2 %3 %4")
                                         .arg(w.identifier, w.job.jobName.value_or(QString()),
                                              w.job.status->raw(), w.profileId));
            }
            seen.polled = rig.monitor->scheduler()->unsettledJobs();
            seen.polled.sort();
        });
        rig.monitor->loadFromStore();
        if (!QTest::qWaitFor([&] { return seen.loaded >= 0; }, 5000))
            qWarning("the store was not loaded");
        return seen;
    };
    const Seen whole = load(0);
    const Seen sliced = load(3);
    QCOMPARE(whole.loaded, int(ids.size()));
    QCOMPARE(whole.added.size(), 1); // one announcement of every stored job, in stored order
    QCOMPARE(whole.added.constFirst().count(u'='), int(ids.size()));
    QVERIFY(whole.added.constFirst().startsWith(ids.constFirst() + QStringLiteral("=stored-0 ")));
    QCOMPARE(whole.jobs.size(), ids.size());
    QCOMPARE(whole.polled, (QStringList{ids.at(0), ids.at(1), ids.at(2), ids.at(6)}));
    QCOMPARE(sliced.loaded, whole.loaded);
    QCOMPARE(sliced.added, whole.added);
    QCOMPARE(sliced.jobs, whole.jobs);
    QCOMPARE(sliced.polled, whole.polled);
    // The rows told ahead (JobTableModel::stageJobs) are the ones then added, as added.
    QVERIFY(whole.staged.isEmpty());
    QStringList added = sliced.added.constFirst().split(u' ');
    const qsizetype staged = sliced.staged.size();
    QVERIFY2(staged >= 3 && staged <= ids.size(), qPrintable(sliced.staged.join(u'|')));
    for (qsizetype i = 0; i < staged; ++i)
        QCOMPARE(sliced.staged.at(i), added.at(i) + QStringLiteral(" p1"));
}

void tst_JobMonitor::mergesSparseBodiesKeepingLastKnownFields()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("m4n8b2v6c0xz");
    const QByteArray full = fixture(QStringLiteral("retrieve-inprogress-aws-native.json"));
    const QJsonObject sparse{{QStringLiteral("jobArn"), QString(kArnPrefix + a)},
                             {QStringLiteral("status"), QStringLiteral("InProgress")},
                             {QStringLiteral("modelId"), QJsonValue::Null},
                             {QStringLiteral("jobName"), QStringLiteral("renamed")}};
    rig.gateway.scripted[a] = {FakeResponse::json(200, full), ok(sparse)};
    rig.watch({a});
    QVERIFY(rig.quiet());
    WatchedJob w = rig.job(a);
    QCOMPARE(w.job.modelId, QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
    QCOMPARE(w.job.processedRecordCount, qint64(11842));
    QCOMPARE(QJsonDocument(w.rawRetrieve.object()), QJsonDocument::fromJson(full));
    QVERIFY(!w.isStale());
    const QDateTime firstFetch = w.fetchedAt;

    QSignalSpy updated(rig.monitor.get(), &JobMonitor::jobsUpdated);
    rig.advance(15s);
    QVERIFY(rig.quiet());
    w = rig.job(a);
    QCOMPARE(w.job.jobName, QStringLiteral("renamed"));
    // Absent or null in the sparse body: the last known values stay.
    QCOMPARE(w.job.modelId, QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
    QCOMPARE(w.job.roleArn,
             QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatchInferenceRole"));
    QCOMPARE(w.job.processedRecordCount, qint64(11842));
    QVERIFY(w.job.vpcConfig.has_value());
    QCOMPARE(w.rawRetrieve.object(), sparse); // the raw body is the latest one
    QVERIFY(w.rawList.isEmpty());
    QVERIFY(w.everReported.has(JobField::RoleArn));
    QCOMPARE(w.fetchedAt, firstFetch.addSecs(15));
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.at(0).at(0).value<QList<WatchedJob>>().size(), 1);
}

void tst_JobMonitor::recordsTransitionsIncludingTheFirst()
{
    Rig rig(noBulk());
    const QString a = jobId(7);
    const QString t1 = QStringLiteral("2025-03-14T08:30:00Z");
    const QString t2 = QStringLiteral("2025-03-14T09:45:10+01:00");
    rig.gateway.scripted[a] = {
            ok(jobBody(a, QStringLiteral("InProgress"),
                       {{QStringLiteral("lastModifiedTime"), t1}})),
            ok(jobBody(a, QStringLiteral("InProgress"))),
            ok(jobBody(a, QStringLiteral("Completed"), {{QStringLiteral("lastModifiedTime"), t2}})),
            ok(jobBody(a, QStringLiteral("Completed"))),
    };
    QSignalSpy transitions(rig.monitor.get(), &JobMonitor::transitionObserved);
    rig.watch({a});
    QVERIFY(rig.quiet());
    QCOMPARE(transitions.size(), 1);
    auto first = transitions.at(0).at(1).value<StatusTransition>();
    QVERIFY(!first.from.has_value());
    QCOMPARE(first.to.code(), JobStatus::InProgress);
    QCOMPARE(first.observedAt, rig.clock.now());
    QCOMPARE(first.lastModifiedTime, JobCodec::parseTimestamp(t1));

    rig.advance(15s);
    QVERIFY(rig.quiet());
    QCOMPARE(transitions.size(), 1); // same status: no transition
    rig.advance(15s);
    QVERIFY(rig.quiet());
    QCOMPARE(transitions.size(), 2);
    auto second = transitions.at(1).at(1).value<StatusTransition>();
    QCOMPARE(transitions.at(1).at(0).toString(), a);
    QCOMPARE(second.from->code(), JobStatus::InProgress);
    QCOMPARE(second.to.code(), JobStatus::Completed);
    QCOMPARE(second.lastModifiedTime,
             std::optional(QDateTime(QDate(2025, 3, 14), QTime(8, 45, 10), Qt::UTC)));
    QCOMPARE(transitions.at(1).at(2).value<WatchedJob>().job.statusCode(), JobStatus::Completed);

    // One confirming fetch, then the job is left alone.
    rig.advance(15s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.retrieved.size(), 4);
    rig.advance(1h);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.retrieved.size(), 4);
    const QList<StatusTransition> history = rig.monitor->history(a);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).to.code(), JobStatus::Completed);
}

void tst_JobMonitor::recordsProgressSamplesWhenCountsChange()
{
    Rig rig(noBulk());
    const QString a = jobId(8);
    auto counts = [&](qint64 processed) {
        return ok(jobBody(a, QStringLiteral("InProgress"),
                          {{QStringLiteral("totalRecordCount"), 1000},
                           {QStringLiteral("processedRecordCount"), processed},
                           {QStringLiteral("successRecordCount"), processed},
                           {QStringLiteral("errorRecordCount"), 0}}));
    };
    rig.gateway.scripted[a]
            = {counts(100), counts(100), counts(250), ok(jobBody(a, QStringLiteral("InProgress")))};
    QSignalSpy samples(rig.monitor.get(), &JobMonitor::sampleRecorded);
    rig.watch({a});
    QVERIFY(rig.quiet());
    QCOMPARE(samples.size(), 1);
    for (int i = 0; i < 3; ++i) {
        rig.advance(15s);
        QVERIFY(rig.quiet());
    }
    QCOMPARE(samples.size(), 2); // unchanged counts and a body without counts add nothing
    const auto s = samples.at(1).at(1).value<ProgressSample>();
    QCOMPARE(s.processed, qint64(250));
    QCOMPARE(s.total, qint64(1000));
    QCOMPARE(s.at, rig.clock.now().addSecs(-15));
    QCOMPARE(rig.monitor->samples(a).size(), 2);
}

void tst_JobMonitor::marksNotFoundOn404AndKeepsTheJob()
{
    Rig rig(noBulk());
    const QString a = jobId(9);
    rig.gateway.scripted[a] = {ok(jobBody(a, QStringLiteral("InProgress"))), notFound(),
                               ok(jobBody(a, QStringLiteral("InProgress")))};
    QSignalSpy removed(rig.monitor.get(), &JobMonitor::jobsRemoved);
    rig.watch({a});
    QVERIFY(rig.quiet());
    rig.advance(15s);
    QVERIFY(rig.quiet());
    WatchedJob w = rig.job(a);
    QVERIFY(w.notFound);
    QVERIFY(w.lastError && w.lastError->isNotFound());
    QCOMPARE(w.lastError->gatewayType, QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(w.job.jobName, QStringLiteral("name-") + a);
    QCOMPARE(w.job.statusCode(), JobStatus::InProgress);
    QCOMPARE(rig.monitor->jobs().size(), 1);
    QVERIFY(removed.isEmpty());
    // The gateway answered; it is only this job it does not know.
    QCOMPARE(rig.monitor->connectionState().kind, ConnectionState::Kind::Online);

    // Not retried at the usual pace: once per backoff cap.
    rig.advance(299s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.retrieved.size(), 2);
    rig.advance(1s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.retrieved.size(), 3);
    QVERIFY(!rig.job(a).notFound);
    QVERIFY(!rig.job(a).lastError);
}

void tst_JobMonitor::keepsRowsOnNetworkFailureAndShowsOffline()
{
    Rig rig(noBulk());
    const QString a = QStringLiteral("m4n8b2v6c0xz");
    rig.gateway.scripted[a] = {
            FakeResponse::json(200, fixture(QStringLiteral("retrieve-inprogress-aws-native.json"))),
            FakeResponse::failure(QNetworkReply::ConnectionRefusedError),
            ok(jobBody(a, QStringLiteral("InProgress")))};
    QSignalSpy connection(rig.monitor.get(), &JobMonitor::connectionStateChanged);
    rig.watch({a});
    QVERIFY(rig.quiet());
    QCOMPARE(rig.monitor->connectionState().kind, ConnectionState::Kind::Online);
    const WatchedJob before = rig.job(a);

    rig.advance(15s);
    QVERIFY(rig.quiet());
    const WatchedJob after = rig.job(a);
    QVERIFY(after.lastError.has_value());
    QCOMPARE(after.lastError->kind, GatewayError::Kind::Network);
    QCOMPARE(after.lastErrorAt, rig.clock.now());
    QVERIFY(after.isStale());
    QCOMPARE(after.staleSince(), before.fetchedAt);
    QVERIFY(after.job == before.job); // every field kept
    QCOMPARE(after.rawRetrieve.object(), before.rawRetrieve.object());

    const ConnectionState offline = rig.monitor->connectionState();
    QCOMPARE(offline.kind, ConnectionState::Kind::Offline);
    QCOMPARE(offline.lastSuccessAt, before.fetchedAt);
    QCOMPARE(offline.nextRetryAt, rig.clock.now().addSecs(5)); // the banner's countdown
    QCOMPARE(connection.constLast().at(0).value<ConnectionState>().kind,
             ConnectionState::Kind::Offline);

    rig.advance(5s);
    QVERIFY(rig.quiet());
    QVERIFY(!rig.job(a).lastError);
    QCOMPARE(rig.monitor->connectionState().kind, ConnectionState::Kind::Online);
    QCOMPARE(rig.monitor->connectionState().lastSuccessAt, rig.clock.now());
    QVERIFY(!rig.monitor->connectionState().nextRetryAt.isValid());
}

void tst_JobMonitor::reportsAuthFailure()
{
    Rig rig(noBulk());
    const QString a = jobId(10);
    rig.gateway.scripted[a] = {FakeResponse::json(
            401, fixture(QStringLiteral("error-401-virtual-key-required.json")))};
    rig.watch({a});
    QVERIFY(rig.quiet());
    const ConnectionState state = rig.monitor->connectionState();
    QCOMPARE(state.kind, ConnectionState::Kind::AuthFailed);
    QCOMPARE(state.lastError->httpStatus, 401);
    QCOMPARE(state.nextRetryAt, rig.clock.now().addSecs(300));
    QCOMPARE(rig.job(a).lastError->httpStatus, 401);
    QCOMPARE(ConnectionState::kindKey(state.kind), QStringLiteral("auth-failed"));
}

void tst_JobMonitor::persistsAndReloadsThroughAJobStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString a = QStringLiteral("m4n8b2v6c0xz");
    const QString b = jobId(11);
    const QString c = jobId(12);
    QList<WatchedJob> before;
    {
        StoreWorker store;
        QVERIFY(openWithProfile(store, dir.path()));
        Rig rig(noBulk(), &store);
        rig.gateway.scripted[a] = {
                FakeResponse::json(200,
                                   fixture(QStringLiteral("retrieve-inprogress-aws-native.json"))),
                ok(jobBody(a, QStringLiteral("Completed"),
                           {{QStringLiteral("endTime"), QStringLiteral("2025-03-14T10:00:00Z")}}))};
        rig.gateway.jobs[c] = jobBody(c, QStringLiteral("Submitted"));
        rig.watch({a, b, c});
        QVERIFY(rig.quiet());
        rig.advance(15s);
        QVERIFY(rig.quiet());
        rig.monitor->unwatch({c});
        before = rig.monitor->jobs();
        QCOMPARE(before.size(), 2);
        QCOMPARE(before.at(0).job.statusCode(), JobStatus::Completed);
        QVERIFY(before.at(1).notFound);
    } // the monitor, then the store: every write queued so far is done

    StoreWorker store;
    QVERIFY(store.openBlocking(dir.path()));
    Rig rig(noBulk(), &store);
    QSignalSpy loaded(rig.monitor.get(), &JobMonitor::loaded);
    rig.monitor->loadFromStore();
    QTRY_COMPARE(loaded.size(), 1);
    const QList<WatchedJob> after = rig.monitor->jobs();
    QCOMPARE(after.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(after.at(i).identifier, before.at(i).identifier);
        QVERIFY(after.at(i).job == before.at(i).job);
        QCOMPARE(after.at(i).rawRetrieve.object(), before.at(i).rawRetrieve.object());
        QCOMPARE(after.at(i).fetchedAt, before.at(i).fetchedAt);
        QCOMPARE(after.at(i).everReported, before.at(i).everReported);
        QCOMPARE(after.at(i).notFound, before.at(i).notFound);
    }
    QCOMPARE(after.at(1).lastError->httpStatus, 404);

    QSignalSpy historyLoaded(rig.monitor.get(), &JobMonitor::historyLoaded);
    rig.monitor->history(a);
    QTRY_COMPARE(historyLoaded.size(), 1);
    QVERIFY(rig.monitor->isHistoryLoaded(a));
    const QList<StatusTransition> history = rig.monitor->history(a);
    QCOMPARE(history.size(), 2);
    QVERIFY(!history.at(0).from);
    QCOMPARE(history.at(0).to.code(), JobStatus::InProgress);
    QCOMPARE(history.at(1).from->code(), JobStatus::InProgress);
    QCOMPARE(history.at(1).to.code(), JobStatus::Completed);
    const QList<ProgressSample> samples = rig.monitor->samples(a);
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples.at(0).processed, qint64(11842));

    // The completed job had been confirmed: nothing to fetch but the 404 one, after its cap.
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.retrieved, QStringList{b});
}

void tst_JobMonitor::refreshesManyJobsWithOneListWalkAndRetrievesTheRest()
{
    Rig rig; // bulk refresh on: 20 jobs due at once make a list walk
    QStringList ids;
    for (int i = 0; i < 25; ++i) {
        const QString id = jobId(100 + i);
        // Bifrost's retrieve does not carry modelId; its list summaries do.
        rig.gateway.jobs[id] = jobBody(id, QStringLiteral("InProgress"));
        ids.append(id);
    }
    QHash<QString, QString> modelIds;
    for (const QString &id : std::as_const(ids))
        modelIds.insert(id, QStringLiteral("model-") + id);
    // Summaries carry modelId, retrieves do not.
    rig.gateway.fault = [&](const FakeRequest &r) -> std::optional<FakeResponse> {
        if (r.encodedPath() != kListPath)
            return std::nullopt;
        QJsonArray summaries;
        for (const QString &id : std::as_const(ids)) {
            if (rig.gateway.hiddenFromList.contains(id))
                continue;
            const QJsonObject full = rig.gateway.jobs.value(id);
            summaries.append(QJsonObject{{QStringLiteral("jobArn"), full[u"jobArn"]},
                                         {QStringLiteral("jobName"), full[u"jobName"]},
                                         {QStringLiteral("modelId"), modelIds.value(id)},
                                         {QStringLiteral("status"), full[u"status"]},
                                         {QStringLiteral("submitTime"), full[u"submitTime"]}});
        }
        return ok(QJsonObject{{QStringLiteral("invocationJobSummaries"), summaries}});
    };

    QStringList asked = ids;
    asked[0] = kArnPrefix + ids.at(0); // one watched by its ARN, the rest by id
    QSignalSpy updated(rig.monitor.get(), &JobMonitor::jobsUpdated);
    rig.watch(asked);
    QVERIFY(rig.quiet());
    // One walk shows all 25 at once; each is then retrieved once, never having been.
    QCOMPARE(rig.gateway.lists, 1);
    QCOMPARE(rig.gateway.retrieved.size(), 25);
    bool oneBatch = false;
    for (const QList<QVariant> &args : std::as_const(updated))
        oneBatch = oneBatch || args.at(0).value<QList<WatchedJob>>().size() == 25;
    QVERIFY2(oneBatch, "the list walk's updates were not announced together");
    for (const QString &id : std::as_const(asked)) {
        const WatchedJob w = rig.job(id);
        QVERIFY(!w.rawList.isEmpty());
        QVERIFY(!w.rawRetrieve.isEmpty());
        QCOMPARE(w.job.modelId, QStringLiteral("model-") + JobIdentifier::parse(id).shortId());
    }

    // Next round: one walk and no retrieve at all.
    rig.gateway.retrieved.clear();
    rig.advance(15s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.lists, 2);
    QVERIFY(rig.gateway.retrieved.isEmpty());

    // Two change status, one is missing from the list: only those three are retrieved.
    rig.gateway.jobs[ids.at(3)][u"status"] = QStringLiteral("Completed");
    rig.gateway.jobs[ids.at(4)][u"status"] = QStringLiteral("Failed");
    rig.gateway.hiddenFromList.insert(ids.at(5));
    rig.advance(15s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.lists, 3);
    QCOMPARE(QSet<QString>(rig.gateway.retrieved.cbegin(), rig.gateway.retrieved.cend()),
             (QSet<QString>{ids.at(3), ids.at(4), ids.at(5)}));
    QCOMPARE(rig.job(ids.at(3)).job.statusCode(), JobStatus::Completed);
    QCOMPARE(rig.monitor->history(ids.at(4)).constLast().to.code(), JobStatus::Failed);
    QCOMPARE(rig.monitor->scheduler()->listRoute(), PollScheduler::ListRoute::Useful);
}

void tst_JobMonitor::aSlicedRefreshAnnouncesEveryStatusChangeOnceInOrder()
{
    // The GUI announces 2,000 jobs per pass of the event loop; here 4 of 25, beside a monitor
    // that announces each batch at once. Both feed a table as the GUI does.
    Rig sliced; // bulk refresh on: the 25 jobs are refreshed by one list walk
    Rig whole;
    sliced.monitor->setAnnounceSliceSize(4);
    QStringList ids;
    for (int i = 0; i < 25; ++i)
        ids.append(jobId(200 + i));
    JobTableModel slicedModel;
    JobTableModel wholeModel;
    QAbstractItemModelTester tester(&slicedModel,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    int passes = 0; // passes of the event loop, counted by a zero-interval timer
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&passes] { ++passes; });
    QList<qsizetype> sliceSizes;
    QList<int> slicePasses;
    QStringList slicedChanges;
    QStringList wholeChanges;
    QStringList shownLate; // a status change announced before its row showed it
    const auto follow = [&](Rig &rig, JobTableModel &model, QStringList &changes, bool record) {
        connect(rig.monitor.get(), &JobMonitor::jobsAdded, &model, &JobTableModel::upsertJobs);
        connect(rig.monitor.get(), &JobMonitor::jobsUpdated, &model,
                [&, record](const QList<WatchedJob> &jobs) {
                    model.upsertJobs(jobs);
                    if (record) {
                        sliceSizes << jobs.size();
                        slicePasses << passes;
                    }
                });
        connect(rig.monitor.get(), &JobMonitor::transitionObserved, &model,
                [&](const QString &id, const StatusTransition &t, const WatchedJob &) {
                    changes << id + u" -> " + t.to.raw();
                    const QModelIndex status = model.index(model.rowOf(id), 0);
                    if (status.data(JobTableModel::JobStatusRole).toInt() != int(t.to.code()))
                        shownLate << id;
                });
    };
    follow(sliced, slicedModel, slicedChanges, true);
    follow(whole, wholeModel, wholeChanges, false);
    for (Rig *rig : {&sliced, &whole}) {
        rig->client.rateLimiter().setRate(0); // no pacing: the test is about announcing
        for (const QString &id : std::as_const(ids))
            rig->gateway.jobs[id] = jobBody(id, QStringLiteral("InProgress"));
        rig->watch(ids);
        QVERIFY(rig->quiet());
        QTRY_VERIFY(!rig->monitor->isAnnouncing());
    }
    QCOMPARE(slicedModel.rowCount(), 25);
    QVERIFY(shownLate.isEmpty());

    // Every job ends, most of them completed; the next walk sees it.
    sliceSizes.clear();
    slicePasses.clear();
    slicedChanges.clear();
    wholeChanges.clear();
    ticker.start();
    for (Rig *rig : {&sliced, &whole}) {
        for (int i = 0; i < ids.size(); ++i)
            rig->gateway.jobs[ids.at(i)][u"status"]
                    = i % 5 == 0 ? QStringLiteral("Failed") : QStringLiteral("Completed");
        rig->advance(15s);
        QVERIFY(rig->quiet());
        QTRY_VERIFY(!rig->monitor->isAnnouncing());
        QVERIFY(rig->quiet());
    }
    ticker.stop();

    // At most four jobs announced in any one pass of the event loop.
    QVERIFY(sliceSizes.size() >= 7);
    QHash<int, qsizetype> perPass;
    for (qsizetype i = 0; i < sliceSizes.size(); ++i)
        perPass[slicePasses.at(i)] += sliceSizes.at(i);
    for (auto it = perPass.cbegin(); it != perPass.cend(); ++it)
        QVERIFY2(it.value() <= 4,
                 qPrintable(QStringLiteral("%1 jobs in pass %2").arg(it.value()).arg(it.key())));
    // Every status change once, in the order the monitor without slices announces them, and
    // only once its row shows it.
    QCOMPARE(slicedChanges.size(), 25);
    QCOMPARE(slicedChanges, wholeChanges);
    QVERIFY2(shownLate.isEmpty(), qPrintable(shownLate.join(u' ')));
    // Every row right in the end.
    QCOMPARE(slicedModel.rowCount(), 25);
    for (int i = 0; i < ids.size(); ++i) {
        const int row = slicedModel.rowOf(ids.at(i));
        QVERIFY(row >= 0);
        QCOMPARE(slicedModel.index(row, 0).data(JobTableModel::JobStatusRole).toInt(),
                 int(i % 5 == 0 ? JobStatus::Failed : JobStatus::Completed));
        QCOMPARE(slicedModel.jobAt(row)->job, sliced.job(ids.at(i)).job);
    }
}

void tst_JobMonitor::fallsBackToRetrievesWhenTheListRouteAnswersHtml()
{
    Rig rig;
    QStringList ids;
    for (int i = 0; i < 25; ++i) {
        ids.append(jobId(200 + i));
        rig.gateway.jobs[ids.constLast()] = jobBody(ids.constLast(), QStringLiteral("Scheduled"));
    }
    rig.gateway.listMode = FakeGateway::ListMode::Html;
    rig.watch(ids);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.lists, 1);
    QCOMPARE(rig.gateway.retrieved.size(), 25);
    QCOMPARE(rig.monitor->scheduler()->listRoute(), PollScheduler::ListRoute::Useless);
    for (const QString &id : std::as_const(ids)) {
        QVERIFY(!rig.job(id).lastError); // the route's failure is not the job's
        QCOMPARE(rig.job(id).job.statusCode(), JobStatus::Scheduled);
    }
    QCOMPARE(rig.monitor->connectionState().kind, ConnectionState::Kind::Online);
    rig.advance(60s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.lists, 1);
    QCOMPARE(rig.gateway.retrieved.size(), 50);
}

void tst_JobMonitor::stopsOnceAndRefreshesAtOnce()
{
    Rig rig(noBulk());
    const QString a = jobId(13);
    rig.gateway.jobs[a] = jobBody(a, QStringLiteral("InProgress"));
    rig.gateway.onStop = [&rig](const QString &id) {
        rig.gateway.jobs[id][u"status"] = QStringLiteral("Stopping");
    };
    rig.watch({a});
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.retrieved.size(), 1);

    QSignalSpy inFlight(rig.monitor.get(), &JobMonitor::requestsInFlightChanged);
    QSignalSpy transitions(rig.monitor.get(), &JobMonitor::transitionObserved);
    QList<std::pair<QString, bool>> results;
    rig.monitor->stopJobs({a}, [&results](const QString &id, const Expected<StopAck> &r) {
        results.append({id, r.hasValue()});
    });
    QCOMPARE(inFlight.constFirst().at(0).toInt(), 1);
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.at(0), std::make_pair(a, true));
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.stopped, QStringList{a});
    QCOMPARE(rig.gateway.retrieved.size(), 2); // refreshed without waiting for its interval
    QCOMPARE(rig.job(a).job.statusCode(), JobStatus::Stopping);
    QCOMPARE(transitions.size(), 1);

    // A refused stop is reported, never retried, and the job is refreshed all the same.
    rig.gateway.stopAnswer = FakeResponse::json(
            409, R"({"__type":"ConflictException","message":"Job is not stoppable"})");
    rig.monitor->stopJobs({a}, [&results](const QString &id, const Expected<StopAck> &r) {
        results.append({id, r.hasValue()});
    });
    QTRY_COMPARE(results.size(), 2);
    QCOMPARE(results.at(1), std::make_pair(a, false));
    QVERIFY(rig.quiet());
    rig.advance(10s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.stopped.size(), 2);
    QCOMPARE(rig.gateway.retrieved.size(), 3);
}

void tst_JobMonitor::unwatchedJobsAreNoLongerPolled()
{
    Rig rig(noBulk());
    const QString a = jobId(14);
    const QString b = jobId(15);
    rig.gateway.jobs[a] = jobBody(a, QStringLiteral("InProgress"));
    rig.gateway.jobs[b] = jobBody(b, QStringLiteral("InProgress"));
    QSignalSpy removed(rig.monitor.get(), &JobMonitor::jobsRemoved);
    QCOMPARE(rig.watch({a, b, a, QStringLiteral("not an id!")}), (QStringList{a, b}));
    QVERIFY(rig.quiet());
    rig.monitor->unwatch({a, QStringLiteral("never-watched")});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toStringList(), QStringList{a});
    QVERIFY(!rig.monitor->contains(a));
    rig.gateway.retrieved.clear();
    rig.advance(15s);
    QVERIFY(rig.quiet());
    QCOMPARE(rig.gateway.retrieved, QStringList{b});
}

void tst_JobMonitor::watchingAJobInAnotherFormAddsNothing()
{
    Rig rig(noBulk());
    const QString a = jobId(16);
    const QString provider = QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798");
    const QString fakeArn
            = QStringLiteral("arn:aws:bedrock:us-east-1:444444444444:batch:") + provider;
    rig.gateway.jobs[a] = jobBody(a, QStringLiteral("InProgress"));
    QCOMPARE(rig.watch({a}), QStringList{a});
    QVERIFY(rig.quiet());

    QSignalSpy added(rig.monitor.get(), &JobMonitor::jobsAdded);
    // By its ARN, in the same batch as a new job, and that new job again by its fake ARN.
    QCOMPARE(rig.watch({QString(kArnPrefix + a), provider, fakeArn}), QStringList{provider});
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).value<QList<WatchedJob>>().size(), 1);
    QCOMPARE(rig.monitor->jobs().size(), 2);
    QVERIFY(rig.watch({QString(kArnPrefix + a)}).isEmpty());
}

void tst_JobMonitor::survivesThirtyPercentInjectedFaults()
{
    Rig rig; // list walks included: 30 jobs
    QStringList ids;
    for (int i = 0; i < 30; ++i)
        ids.append(jobId(300 + i));
    rig.gateway.allIds = ids;
    // Each job moves Validating -> InProgress -> Completed on the manual clock.
    const QDateTime start = rig.clock.now();
    rig.gateway.bodyFor = [&rig, start](const QString &id) {
        const qint64 s = start.secsTo(rig.clock.now()) - (id.right(2).toInt() % 7) * 10;
        QJsonObject extra;
        QString status = QStringLiteral("Validating");
        if (s >= 120) {
            status = QStringLiteral("Completed");
            extra.insert(QStringLiteral("endTime"), QStringLiteral("2025-03-14T12:00:00Z"));
        } else if (s >= 30) {
            status = QStringLiteral("InProgress");
            extra.insert(QStringLiteral("processedRecordCount"), s * 10);
            extra.insert(QStringLiteral("totalRecordCount"), 1200);
        }
        return jobBody(id, status, extra);
    };
    QRandomGenerator rng(20250314);
    int faults = 0;
    rig.gateway.fault = [&](const FakeRequest &) -> std::optional<FakeResponse> {
        if (rng.bounded(100) >= 30)
            return std::nullopt;
        ++faults;
        switch (rng.bounded(6)) {
        case 0:
            return FakeResponse::text(503, "text/plain", "Service Unavailable");
        case 1:
            return FakeResponse::json(
                    500, fixture(QStringLiteral("error-500-provider-request-failed.json")));
        case 2:
            return FakeResponse::failure(QNetworkReply::RemoteHostClosedError);
        case 3:
            return FakeResponse::text(200, "text/html", "<html>maintenance</html>");
        case 4:
            return FakeResponse::json(429, R"({"__type":"ThrottlingException"})")
                    .withHeader("Retry-After", "3");
        default:
            return FakeResponse::json(200, "{\"jobArn\": tru");
        }
    };

    // Rows are never blanked: once a field is known, every later announcement still has it.
    int blanked = 0;
    int staleAnnouncements = 0;
    QHash<QString, WatchedJob> seen;
    connect(rig.monitor.get(), &JobMonitor::jobsUpdated, this, [&](const QList<WatchedJob> &jobs) {
        for (const WatchedJob &w : jobs) {
            const WatchedJob &prev = seen[w.identifier];
            if ((prev.job.status && !w.job.status) || (prev.job.jobName && !w.job.jobName)
                || (prev.job.processedRecordCount && !w.job.processedRecordCount))
                ++blanked;
            staleAnnouncements += w.lastError ? 1 : 0;
            seen[w.identifier] = w;
        }
    });

    rig.watch(ids);
    for (int step = 0; step < 600 && rig.monitor->scheduler()->activeJobCount() > 0; ++step) {
        QVERIFY(rig.quiet());
        rig.advance(5s);
    }
    QVERIFY(rig.quiet());
    QCOMPARE(rig.monitor->scheduler()->activeJobCount(), 0);
    QVERIFY2(faults > 10, "the fault injection did not bite");
    QVERIFY(staleAnnouncements > 0);
    QCOMPARE(blanked, 0);
    QCOMPARE(rig.monitor->jobs().size(), 30);
    const QList<JobStatus> lifecycle{JobStatus::Validating, JobStatus::InProgress,
                                     JobStatus::Completed};
    for (const QString &id : std::as_const(ids)) {
        const WatchedJob w = rig.job(id);
        QCOMPARE(w.job.statusCode(), JobStatus::Completed);
        QVERIFY(!w.lastError);
        QVERIFY(w.job.endTime.has_value());
        // Transitions chain without repeats, in lifecycle order (a phase may be missed).
        const QList<StatusTransition> history = rig.monitor->history(id);
        QVERIFY(!history.isEmpty());
        QVERIFY(!history.at(0).from);
        for (int i = 1; i < history.size(); ++i) {
            QCOMPARE(history.at(i).from->code(), history.at(i - 1).to.code());
            QVERIFY(lifecycle.indexOf(history.at(i).to.code())
                    > lifecycle.indexOf(history.at(i - 1).to.code()));
        }
        QCOMPARE(history.constLast().to.code(), JobStatus::Completed);
    }
}

QTEST_GUILESS_MAIN(tst_JobMonitor)
#include "tst_jobmonitor.moc"
