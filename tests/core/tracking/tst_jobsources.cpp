#include "fakenetworkaccessmanager.h"
#include "fixtures.h"
#include "monitortesting.h"
#include "tracking/clock.h"
#include "tracking/jobmonitor.h"
#include "tracking/jobsource.h"
#include "wire/gatewayclient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::test;
using namespace std::chrono_literals;

namespace {

const QString kArnPrefix
        = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/");
const QByteArray kJobPath = "/bedrock/model-invocation-job/";

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

// A scripted source: answers on the next turn of the caller's event loop, records every call.
class FakeSource : public JobSource
{
public:
    FakeSource(Api api, const QString &provider)
        : m_api(api)
        , m_provider(provider)
    {}

    Api api() const override { return m_api; }
    QString provider() const override { return m_provider; }

    void retrieve(const QString &identifier, QObject *context, RetrieveDone done) override
    {
        retrieved.append(identifier);
        const Expected<ParsedJob> answer
                = onRetrieve ? onRetrieve(identifier)
                             : Expected<ParsedJob>(unsupportedBySource(QStringLiteral("none")));
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void list(int, QObject *context, ListDone done) override
    {
        ++lists;
        const QList<ParsedJob> jobs = listed;
        QTimer::singleShot(0, context, [done, jobs] { done(jobs); });
    }
    void stop(const QString &identifier, QObject *context, StopDone done) override
    {
        stopped.append(identifier);
        QTimer::singleShot(0, context, [done] { done(StopAck{}); });
    }
    int fetchResults(const QString &identifier, qint64 capBytes, QObject *context,
                     ResultsProgress progress, ResultsDone done) override
    {
        resultsAsked.append(identifier);
        lastCap = capBytes;
        const ResultsSummary summary = results;
        const bool hold = holdResults;
        QTimer::singleShot(0, context, [this, progress, done, summary, hold] {
            progress(1234);
            if (hold)
                m_pending = done;
            else
                done(summary);
        });
        return ++m_handles;
    }
    void cancelResults(int) override
    {
        if (!m_pending)
            return;
        GatewayError e;
        e.kind = GatewayError::Kind::Cancelled;
        std::exchange(m_pending, {})(e);
    }

    std::function<Expected<ParsedJob>(const QString &)> onRetrieve;
    QList<ParsedJob> listed;
    ResultsSummary results;
    bool holdResults = false;
    QStringList retrieved;
    QStringList stopped;
    QStringList resultsAsked;
    qint64 lastCap = 0;
    int lists = 0;

private:
    Api m_api;
    QString m_provider;
    ResultsDone m_pending;
    int m_handles = 0;
};

ParsedJob parsed(const Job &job)
{
    ParsedJob p;
    p.job = job;
    p.raw = QJsonObject{{QStringLiteral("id"), job.jobArn.value_or(QString())},
                        {QStringLiteral("status"), job.status ? job.status->raw() : QString()}};
    return p;
}

Job nativeJob(const QString &id, const QString &status)
{
    Job j;
    j.jobArn = id;
    j.status = Status::fromString(status);
    return j;
}

// A monitor over a fake Bedrock-format route (bodies by 12-char id) and fake native sources.
struct Rig
{
    Rig()
    {
        nam.setHandler([this](const FakeRequest &r) { return answer(r); });
        client.setProfile(testProfile());
        PollSettings s;
        s.bulkRefresh = false;
        monitor = std::make_unique<JobMonitor>(&client, nullptr, s, &clock);
        monitor->scheduler()->setJitterSource([] { return 0.0; });
    }

    FakeSource *addNative(const QString &provider)
    {
        auto source = std::make_unique<FakeSource>(JobSource::Api::Native, provider);
        FakeSource *raw = source.get();
        monitor->setNativeSource(provider, std::move(source));
        return raw;
    }

    FakeResponse answer(const FakeRequest &r)
    {
        const QByteArray path = r.encodedPath();
        if (path.startsWith("/v1/batches/")) {
            nativeRequests.append(QString::fromLatin1(path + '?' + r.encodedQuery()));
            if (nativeAnswer)
                return *nativeAnswer;
            return FakeResponse::text(404, "text/plain", "Not Found");
        }
        if (!path.startsWith(kJobPath))
            return FakeResponse::text(404, "text/plain", "Not Found");
        QByteArray rest = path.mid(kJobPath.size());
        if (rest.endsWith("/stop")) {
            routeStops.append(QString::fromUtf8(rest));
            return FakeResponse::json(200, R"({"status":"Stopping"})");
        }
        const QString identifier = QUrl::fromPercentEncoding(rest);
        routeRetrieves.append(identifier);
        const QString id = JobIdentifier::parse(identifier).shortId();
        if (!routeStatus.contains(id))
            return FakeResponse::json(404, R"({"message":"not found"})");
        const QJsonObject body{{QStringLiteral("jobArn"), QString(kArnPrefix + id)},
                               {QStringLiteral("status"), routeStatus.value(id)}};
        return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    bool quiet() { return waitUntilMonitorIsQuiet(*monitor, clock); }
    WatchedJob job(const QString &id) const { return monitor->job(id).value_or(WatchedJob()); }
    QStringList watch(const QStringList &ids, const QString &provider = {})
    {
        QList<JobIdentifier> list;
        for (const QString &id : ids)
            list.append(JobIdentifier::parse(id));
        return monitor->watch(list, provider);
    }

    FakeNetworkAccessManager nam;
    GatewayClient client{&nam};
    ManualClock clock;
    std::unique_ptr<JobMonitor> monitor;
    QHash<QString, QString> routeStatus; // Bedrock-format status by 12-char id
    QStringList routeRetrieves;
    QStringList routeStops;
    QStringList nativeRequests; // path?query
    std::optional<FakeResponse> nativeAnswer;
};

} // namespace

class tst_JobSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollsABatchThroughTheSourceOfItsProvider();
    void aProviderWithoutASourceFailsItsFetchesAndKeepsTheJob();
    void allZeroNativeCountsAreNotReported();
    void fillsBedrockJobsFromTheNativeRouteWhenFirstSeenAndOnStatusChange();
    void aGatewayWithoutTheNativeRouteIsNotAskedAgain();
    void stopBecomesTheProvidersCancel();
    void stopWordByProvider_data();
    void stopWordByProvider();
    void fetchesResultsWhenAJobEndsAndOnDemand();
    void cancelsAResultsRead();
    void countsComeFromTheResultsWhenTheGatewayReportsNone();
    void listsTheBatchesOfEachProvider();
    void aListedJobKeepsWhatItsSummarySaidUntilItsFirstPoll();
    void readsBifrostsNativeRouteThroughTheClient();
};

void tst_JobSources::pollsABatchThroughTheSourceOfItsProvider()
{
    Rig rig;
    FakeSource *openai = rig.addNative(QStringLiteral("openai"));
    const QString id = QStringLiteral("batch_67d3a1b2c3");
    openai->onRetrieve = [](const QString &identifier) -> Expected<ParsedJob> {
        Job j = nativeJob(identifier, QStringLiteral("in_progress"));
        j.totalRecordCount = 10;
        j.processedRecordCount = 4;
        return parsed(j);
    };
    QCOMPARE(rig.watch({id}, QStringLiteral("OpenAI")), QStringList{id});
    QVERIFY(rig.quiet());

    const WatchedJob w = rig.job(id);
    QCOMPARE(openai->retrieved, QStringList{id});
    QVERIFY(rig.routeRetrieves.isEmpty());
    QCOMPARE(w.job.provider.value_or(QString()), QStringLiteral("openai"));
    QCOMPARE(w.job.statusText(), QStringLiteral("in_progress"));
    QCOMPARE(w.job.processedRecordCount.value_or(-1), 4);
    QVERIFY(w.fromNative.has(JobField::Status));
    QVERIFY(w.fromNative.has(JobField::TotalRecordCount));
    QCOMPARE(w.rawNative.object().value(QStringLiteral("id")).toString(), id);
    QVERIFY(w.rawRetrieve.isEmpty());
    QVERIFY(!w.isStale());
}

void tst_JobSources::aProviderWithoutASourceFailsItsFetchesAndKeepsTheJob()
{
    Rig rig;
    const QString id = QStringLiteral("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d");
    rig.watch({id}, QStringLiteral("anthropic"));
    QVERIFY(rig.quiet());
    const WatchedJob w = rig.job(id);
    QCOMPARE(w.identifier, id);
    QVERIFY(w.lastError);
    QCOMPARE(w.lastError->httpStatus, 501);
    QVERIFY(rig.routeRetrieves.isEmpty());
}

void tst_JobSources::allZeroNativeCountsAreNotReported()
{
    Rig rig;
    FakeSource *openai = rig.addNative(QStringLiteral("openai"));
    const QString id = QStringLiteral("batch_abc");
    int answers = 0;
    openai->onRetrieve = [&answers](const QString &identifier) -> Expected<ParsedJob> {
        Job j = nativeJob(identifier, QStringLiteral("in_progress"));
        const bool first = answers++ == 0;
        j.totalRecordCount = first ? 10 : 0;
        j.processedRecordCount = first ? 7 : 0;
        j.successRecordCount = first ? 6 : 0;
        j.errorRecordCount = first ? 1 : 0;
        return parsed(j);
    };
    rig.watch({id}, QStringLiteral("openai"));
    QVERIFY(rig.quiet());
    rig.monitor->refreshNow({id});
    QVERIFY(rig.quiet());
    QCOMPARE(answers, 2);
    const WatchedJob w = rig.job(id);
    QCOMPARE(w.job.totalRecordCount.value_or(-1), 10);
    QCOMPARE(w.job.processedRecordCount.value_or(-1), 7);
    QCOMPARE(w.job.errorRecordCount.value_or(-1), 1);

    // A batch still validating may truly have none yet: its zeros are shown.
    const QString fresh = QStringLiteral("batch_new");
    openai->onRetrieve = [](const QString &identifier) -> Expected<ParsedJob> {
        Job j = nativeJob(identifier, QStringLiteral("validating"));
        j.totalRecordCount = 0;
        j.processedRecordCount = 0;
        return parsed(j);
    };
    rig.watch({fresh}, QStringLiteral("openai"));
    QVERIFY(rig.quiet());
    QCOMPARE(rig.job(fresh).job.totalRecordCount.value_or(-1), 0);
}

void tst_JobSources::fillsBedrockJobsFromTheNativeRouteWhenFirstSeenAndOnStatusChange()
{
    Rig rig;
    FakeSource *native = rig.addNative(QStringLiteral("bedrock"));
    const QString id = jobId(1);
    rig.routeStatus[id] = QStringLiteral("InProgress");
    native->onRetrieve = [](const QString &identifier) -> Expected<ParsedJob> {
        Job j = nativeJob(identifier, QStringLiteral("failed"));
        j.provider = QStringLiteral("bedrock");
        j.jobExpirationTime = at("2025-03-16T08:00:00Z");
        j.inProgressAt = at("2025-03-14T08:05:00Z");
        // Bedrock's request_counts are always zeros: not reported.
        j.totalRecordCount = 0;
        j.processedRecordCount = 0;
        j.successRecordCount = 0;
        j.errorRecordCount = 0;
        return parsed(j);
    };
    rig.watch({id});
    QVERIFY(rig.quiet());

    QCOMPARE(native->retrieved, QStringList{kArnPrefix + id});
    WatchedJob w = rig.job(id);
    QCOMPARE(w.job.statusText(), QStringLiteral("InProgress")); // the Bedrock route's
    QCOMPARE(w.job.jobExpirationTime.value_or(QDateTime()), at("2025-03-16T08:00:00Z"));
    QCOMPARE(w.job.inProgressAt.value_or(QDateTime()), at("2025-03-14T08:05:00Z"));
    QVERIFY(!w.job.totalRecordCount);
    QVERIFY(w.fromNative.has(JobField::JobExpirationTime));
    QVERIFY(w.fromNative.has(JobField::InProgressAt));
    QVERIFY(!w.fromNative.has(JobField::Status));
    QVERIFY(!w.fromNative.has(JobField::JobArn));
    QVERIFY(w.everReported.has(JobField::JobExpirationTime));
    QCOMPARE(w.rawNative.object().value(QStringLiteral("status")).toString(),
             QStringLiteral("failed"));

    // Polls with the same status do not read the native route again.
    for (int i = 0; i < 3; ++i) {
        rig.monitor->refreshNow({id});
        QVERIFY(rig.quiet());
    }
    QCOMPARE(rig.routeRetrieves.size(), 4);
    QCOMPARE(native->retrieved.size(), 1);

    // A new status does.
    rig.routeStatus[id] = QStringLiteral("Failed");
    rig.monitor->refreshNow({id});
    QVERIFY(rig.quiet());
    QCOMPARE(native->retrieved.size(), 2);
    QCOMPARE(rig.job(id).job.statusText(), QStringLiteral("Failed"));
}

void tst_JobSources::aGatewayWithoutTheNativeRouteIsNotAskedAgain()
{
    Rig rig;
    FakeSource *native = rig.addNative(QStringLiteral("bedrock"));
    native->onRetrieve = [](const QString &) -> Expected<ParsedJob> {
        GatewayError e;
        e.kind = GatewayError::Kind::BadBody; // Bifrost's UI page, or anything not JSON
        return e;
    };
    rig.routeStatus[jobId(1)] = QStringLiteral("InProgress");
    rig.routeStatus[jobId(2)] = QStringLiteral("Completed");
    QVERIFY(rig.monitor->nativeEnrichmentAvailable());
    rig.watch({jobId(1)});
    QVERIFY(rig.quiet());
    rig.watch({jobId(2)});
    QVERIFY(rig.quiet());
    QCOMPARE(native->retrieved.size(), 1);
    QVERIFY(!rig.monitor->nativeEnrichmentAvailable());
    QCOMPARE(rig.job(jobId(2)).job.statusText(), QStringLiteral("Completed"));
    QVERIFY(!rig.job(jobId(1)).lastError); // the extra read never makes a row stale
}

void tst_JobSources::stopBecomesTheProvidersCancel()
{
    Rig rig;
    FakeSource *anthropic = rig.addNative(QStringLiteral("anthropic"));
    anthropic->onRetrieve = [](const QString &identifier) -> Expected<ParsedJob> {
        return parsed(nativeJob(identifier, QStringLiteral("in_progress")));
    };
    rig.routeStatus[jobId(1)] = QStringLiteral("InProgress");
    const QString batch = QStringLiteral("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d");
    rig.watch({batch}, QStringLiteral("anthropic"));
    rig.watch({jobId(1)});
    QVERIFY(rig.quiet());

    QStringList answered;
    rig.monitor->stopJobs({batch, jobId(1)},
                          [&answered](const QString &id, const Expected<StopAck> &result) {
                              if (result)
                                  answered.append(id);
                          });
    QTRY_COMPARE(answered.size(), 2);
    QCOMPARE(anthropic->stopped, QStringList{batch});
    QCOMPARE(rig.routeStops.size(), 1);
    QVERIFY(rig.routeStops.constFirst().contains(jobId(1)));
}

void tst_JobSources::stopWordByProvider_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("verb");
    QTest::newRow("none") << QString() << QStringLiteral("Stop");
    QTest::newRow("bedrock") << QStringLiteral("bedrock") << QStringLiteral("Stop");
    QTest::newRow("Bedrock") << QStringLiteral("Bedrock") << QStringLiteral("Stop");
    QTest::newRow("openai") << QStringLiteral("openai") << QStringLiteral("Cancel");
    QTest::newRow("anthropic") << QStringLiteral("anthropic") << QStringLiteral("Cancel");
    QTest::newRow("gemini") << QStringLiteral("gemini") << QStringLiteral("Cancel");
}

void tst_JobSources::stopWordByProvider()
{
    QFETCH(QString, provider);
    QFETCH(QString, verb);
    QCOMPARE(stopVerb(provider), verb);
}

void tst_JobSources::fetchesResultsWhenAJobEndsAndOnDemand()
{
    Rig rig;
    FakeSource *native = rig.addNative(QStringLiteral("bedrock"));
    native->onRetrieve = [](const QString &identifier) -> Expected<ParsedJob> {
        return parsed(nativeJob(identifier, QStringLiteral("failed")));
    };
    ResultsSummary summary;
    summary.succeeded = 41000;
    summary.errored = 234;
    summary.complete = true;
    summary.errorGroups.append({QStringLiteral("400"),
                                QStringLiteral("Bad input"),
                                234,
                                {QStringLiteral("rec-1")},
                                QStringLiteral("Bad input")});
    native->results = summary;
    rig.monitor->setResultsCapBytes(1024);

    QSignalSpy changed(rig.monitor.get(), &JobMonitor::resultsChanged);
    QSignalSpy progress(rig.monitor.get(), &JobMonitor::resultsProgress);
    const QString running = jobId(1);
    const QString ended = jobId(2);
    rig.routeStatus[running] = QStringLiteral("InProgress");
    rig.routeStatus[ended] = QStringLiteral("Failed");
    rig.watch({running, ended});
    QVERIFY(rig.quiet());
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toString(), ended);
    QCOMPARE(native->resultsAsked, QStringList{kArnPrefix + ended});
    QCOMPARE(native->lastCap, 1024);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(rig.job(ended).results.value_or(ResultsSummary()), summary);
    QVERIFY(!rig.job(running).results);

    // Polls of an ended job do not read them again; asking does.
    rig.monitor->refreshNow({ended});
    QVERIFY(rig.quiet());
    QCOMPARE(native->resultsAsked.size(), 1);
    QVERIFY(rig.monitor->fetchResults(running));
    QTRY_COMPARE(changed.size(), 2);
    QVERIFY(rig.job(running).results);
    QVERIFY(!rig.monitor->fetchResults(QStringLiteral("not-watched")));
}

void tst_JobSources::countsComeFromTheResultsWhenTheGatewayReportsNone()
{
    Rig rig;
    FakeSource *bedrock = rig.addNative(QStringLiteral("bedrock"));
    const QString silent = jobId(1);   // neither route reports counts (Bifrost's Bedrock jobs)
    const QString counting = jobId(2); // the native route reports counts
    bedrock->onRetrieve = [&counting](const QString &identifier) -> Expected<ParsedJob> {
        Job j = nativeJob(identifier, QStringLiteral("failed"));
        const bool reports = identifier.endsWith(counting);
        j.totalRecordCount = reports ? 50 : 0; // all zero: not reported
        j.processedRecordCount = reports ? 50 : 0;
        j.successRecordCount = reports ? 45 : 0;
        j.errorRecordCount = reports ? 5 : 0;
        return parsed(j);
    };
    ResultsSummary summary;
    summary.succeeded = 41000;
    summary.errored = 234;
    summary.complete = true;
    bedrock->results = summary;
    rig.routeStatus[silent] = QStringLiteral("Failed");
    rig.routeStatus[counting] = QStringLiteral("Failed");
    QSignalSpy changed(rig.monitor.get(), &JobMonitor::resultsChanged);
    rig.watch({silent, counting});
    QVERIFY(rig.quiet());
    QTRY_COMPARE(changed.size(), 2);
    QVERIFY(rig.quiet());

    const WatchedJob filled = rig.job(silent);
    QCOMPARE(filled.job.totalRecordCount.value_or(-1), 41234);
    QCOMPARE(filled.job.processedRecordCount.value_or(-1), 41234);
    QCOMPARE(filled.job.successRecordCount.value_or(-1), 41000);
    QCOMPARE(filled.job.errorRecordCount.value_or(-1), 234);
    QVERIFY(filled.fromResults.has(JobField::TotalRecordCount));
    QVERIFY(!filled.everReported.has(JobField::TotalRecordCount)); // not the gateway's word
    QVERIFY(!filled.fromNative.has(JobField::TotalRecordCount));

    // Counts the gateway reported are never replaced.
    const WatchedJob reported = rig.job(counting);
    QCOMPARE(reported.job.totalRecordCount.value_or(-1), 50);
    QCOMPARE(reported.job.errorRecordCount.value_or(-1), 5);
    QVERIFY(reported.fromResults.isEmpty());

    // A capped read tells too little: no counts from it, and an earlier fill is taken back.
    ResultsSummary capped = summary;
    capped.complete = false;
    capped.capped = true;
    bedrock->results = capped;
    QVERIFY(rig.monitor->fetchResults(silent));
    QTRY_COMPARE(changed.size(), 3);
    QVERIFY(rig.quiet());
    QVERIFY(!rig.job(silent).job.totalRecordCount);
    QVERIFY(rig.job(silent).fromResults.isEmpty());
}

void tst_JobSources::cancelsAResultsRead()
{
    Rig rig;
    FakeSource *openai = rig.addNative(QStringLiteral("openai"));
    openai->onRetrieve = [](const QString &identifier) -> Expected<ParsedJob> {
        return parsed(nativeJob(identifier, QStringLiteral("in_progress")));
    };
    openai->holdResults = true;
    const QString id = QStringLiteral("batch_1");
    rig.watch({id}, QStringLiteral("openai"));
    QVERIFY(rig.quiet());
    QSignalSpy failed(rig.monitor.get(), &JobMonitor::resultsFailed);
    QSignalSpy progress(rig.monitor.get(), &JobMonitor::resultsProgress);
    QVERIFY(rig.monitor->fetchResults(id));
    QVERIFY(rig.monitor->isFetchingResults(id));
    QVERIFY(!rig.monitor->fetchResults(id)); // one read at a time
    QTRY_COMPARE(progress.size(), 1);
    rig.monitor->cancelResults(id);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().at(1).value<GatewayError>().kind, GatewayError::Kind::Cancelled);
    QVERIFY(!rig.monitor->isFetchingResults(id));
    QVERIFY(!rig.job(id).results);
}

void tst_JobSources::listsTheBatchesOfEachProvider()
{
    Rig rig;
    FakeSource *openai = rig.addNative(QStringLiteral("openai"));
    FakeSource *gemini = rig.addNative(QStringLiteral("gemini"));
    openai->listed = {parsed(nativeJob(QStringLiteral("batch_1"), QStringLiteral("completed"))),
                      parsed(nativeJob(QStringLiteral("batch_2"), QStringLiteral("in_progress")))};
    gemini->listed = {parsed(nativeJob(QStringLiteral("batches/x1"), QStringLiteral("running")))};
    QHash<QString, int> counts;
    QHash<QString, int> errors;
    int calls = 0;
    rig.monitor->listBatches(
            {QStringLiteral("openai"), QStringLiteral("Gemini"), QStringLiteral("openai"),
             QStringLiteral("vertex")},
            3, nullptr, [&](const QString &provider, const Expected<QList<ParsedJob>> &batches) {
                ++calls;
                if (batches)
                    counts[provider] = int(batches->size());
                else
                    errors[provider] = batches.error().httpStatus;
            });
    QTRY_COMPARE(calls, 3);
    QCOMPARE(counts.value(QStringLiteral("openai")), 2);
    QCOMPARE(counts.value(QStringLiteral("gemini")), 1);
    QCOMPARE(errors.value(QStringLiteral("vertex")), 501);
    QCOMPARE(openai->lists, 1);
}

void tst_JobSources::aListedJobKeepsWhatItsSummarySaidUntilItsFirstPoll()
{
    // Discover: an OpenAI batch picked from the native list, and a Bedrock job (already
    // watched by its 12-character id) listed by its ARN.
    Rig rig;
    FakeSource *openai = rig.addNative(QStringLiteral("openai"));
    Job batch = nativeJob(QStringLiteral("batch_Ab12_x"), QStringLiteral("in_progress"));
    batch.jobName = QStringLiteral("support-ticket-triage");
    batch.modelId = QStringLiteral("gpt-4o-mini");
    batch.totalRecordCount = 5000;
    batch.processedRecordCount = 3132;
    batch.errorRecordCount = 12;
    openai->listed = {parsed(batch)};
    // Its retrieve answers a sparser body: what the list said is not lost.
    openai->onRetrieve = [](const QString &id) -> Expected<ParsedJob> {
        return parsed(nativeJob(id, QStringLiteral("in_progress")));
    };
    rig.routeStatus.insert(QStringLiteral("aaaa00000001"), QStringLiteral("InProgress"));
    QCOMPARE(rig.watch({QStringLiteral("aaaa00000001")}),
             QStringList{QStringLiteral("aaaa00000001")});
    QVERIFY(rig.quiet());

    QList<ParsedJob> listed;
    rig.monitor->listBatches({QStringLiteral("openai")}, 1, nullptr,
                             [&](const QString &, const Expected<QList<ParsedJob>> &batches) {
                                 if (batches)
                                     listed += *batches;
                             });
    QTRY_COMPARE(listed.size(), 1);
    QCOMPARE(listed.constFirst().job.provider.value_or(QString()), QStringLiteral("openai"));
    Job bedrock
            = nativeJob(kArnPrefix + QStringLiteral("aaaa00000001"), QStringLiteral("InProgress"));
    bedrock.provider = QStringLiteral("bedrock");
    listed.append(parsed(bedrock));

    QSignalSpy added(rig.monitor.get(), &JobMonitor::jobsAdded);
    QCOMPARE(rig.monitor->watchListed(listed), QStringList{QStringLiteral("batch_Ab12_x")});
    // At once, before any poll: the row shows what the list said.
    WatchedJob w = rig.job(QStringLiteral("batch_Ab12_x"));
    QCOMPARE(w.job.provider.value_or(QString()), QStringLiteral("openai"));
    QCOMPARE(w.job.jobName.value_or(QString()), QStringLiteral("support-ticket-triage"));
    QCOMPARE(w.job.modelId.value_or(QString()), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(w.job.statusText(), QStringLiteral("in_progress"));
    QCOMPARE(w.job.processedRecordCount.value_or(-1), 3132);
    QVERIFY(w.fromNative.has(JobField::ModelId));
    QCOMPARE(rig.monitor->jobCount(), 2); // the Bedrock job was not added twice

    QVERIFY(rig.quiet());
    QCOMPARE(openai->retrieved, QStringList{QStringLiteral("batch_Ab12_x")});
    w = rig.job(QStringLiteral("batch_Ab12_x"));
    QCOMPARE(w.job.modelId.value_or(QString()), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(w.job.jobName.value_or(QString()), QStringLiteral("support-ticket-triage"));
    QCOMPARE(w.job.totalRecordCount.value_or(-1), 5000);
}

void tst_JobSources::readsBifrostsNativeRouteThroughTheClient()
{
    Rig rig;
    rig.monitor->useNativeSources({QStringLiteral("bedrock")});
    QCOMPARE(rig.monitor->nativeProviders(), QStringList{QStringLiteral("bedrock")});
    rig.nativeAnswer = FakeResponse::json(
            200, fixture(QStringLiteral("../bifrost-native/retrieve-bedrock-failed.json")));
    BW_RETURN_IF_FAILED();
    const QString id = QStringLiteral("k3x9p2m7q1ab");
    rig.routeStatus[id] = QStringLiteral("InProgress");
    rig.watch({id});
    QVERIFY(rig.quiet());
    QTRY_VERIFY(rig.job(id).fromNative.has(JobField::JobExpirationTime));

    QCOMPARE(rig.nativeRequests.size(), 1);
    QCOMPARE(rig.nativeRequests.constFirst(),
             QStringLiteral("/v1/batches/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Amodel-"
                            "invocation-job%2Fk3x9p2m7q1ab?provider=bedrock"));
    const WatchedJob w = rig.job(id);
    QCOMPARE(w.job.statusText(), QStringLiteral("InProgress"));
    QCOMPARE(w.job.jobExpirationTime.value_or(QDateTime()),
             QDateTime::fromSecsSinceEpoch(1764840845, Qt::UTC));
    QVERIFY(w.fromNative.has(JobField::CompletedAt));
    QVERIFY(!w.job.totalRecordCount); // Bedrock's zeros are not reported
}

QTEST_GUILESS_MAIN(tst_JobSources)
#include "tst_jobsources.moc"
