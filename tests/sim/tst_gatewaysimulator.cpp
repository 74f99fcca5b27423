#include "gatewaysimulator.h"
#include "wire/jobcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::sim;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kEpoch(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);

struct HttpResult
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0; // 0: no HTTP response at all
    QByteArray contentType;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    GatewayError gatewayError() const
    {
        return JobCodec::parseErrorResponse(status, body, contentType,
                                            headers.value("x-amzn-errortype"));
    }
};

SimulatorOptions frozen(Flavour flavour, int jobs = 36, quint64 seed = 7)
{
    SimulatorOptions o;
    o.flavour = flavour;
    o.seed = seed;
    o.jobCount = jobs;
    o.speed = 0; // time moves only through advance()
    o.epoch = kEpoch;
    return o;
}

QString flavourTag(Flavour f)
{
    return flavourName(f);
}

} // namespace

class tst_GatewaySimulator : public QObject
{
    Q_OBJECT

private:
    HttpResult send(const QByteArray &verb, const QUrl &url,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    HttpResult get(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", url, headers);
    }
    static QUrl at(const GatewaySimulator &sim, const QByteArray &encodedPathAndQuery)
    {
        return QUrl::fromEncoded(sim.baseUrl().toEncoded() + encodedPathAndQuery, QUrl::StrictMode);
    }
    static QByteArray retrievePath(Flavour f, const QString &identifier)
    {
        return (f == Flavour::Published ? "/bedrock/model-invocation-jobs/"
                                        : "/bedrock/model-invocation-job/")
               + QUrl::toPercentEncoding(identifier);
    }
    static QString firstWithStatus(const GatewaySimulator &sim, JobStatus status)
    {
        const QStringList ids = sim.jobIds();
        for (const QString &id : ids) {
            if (sim.jobStatus(id) == status)
                return id;
        }
        return {};
    }

    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase();

    void answersHealthWithoutKeyOrFaults();
    void bifrostRetrieveIsSparseWithLossyStatus();
    void awsRetrieveCarriesEveryField();
    void publishedServesPluralRouteAndJson404OnSingular();
    void answersUnknownRoutesLikeTheFlavour_data();
    void answersUnknownRoutesLikeTheFlavour();
    void findsJobsByIdAndPercentEncodedArn_data();
    void findsJobsByIdAndPercentEncodedArn();
    void unknownJobIsResourceNotFound_data();
    void unknownJobIsResourceNotFound();
    void listPaginatesWithOpaqueTokens_data();
    void listPaginatesWithOpaqueTokens();
    void rejectsTokenWhosePlusWasNotEncoded();
    void bifrostListOmitsTokenAndIgnoresFilters();
    void awsListFiltersAndSortsOnTheServer();
    void rejectsInvalidListParameters_data();
    void rejectsInvalidListParameters();
    void requiresVirtualKey_data();
    void requiresVirtualKey();
    void stopGoesThroughStoppingToStopped_data();
    void stopGoesThroughStoppingToStopped();
    void stopOfUnknownJobIsNotFound();
    void showsEveryStatusOverTime();
    void validatingJobsHaveIndeterminateProgress();
    void progressCountersGrowWhileInProgress();
    void queuedJobExpiresAtItsExpirationTime();
    void isDeterministicForASeed();
    void everyBodyParsesWithoutProblems_data();
    void everyBodyParsesWithoutProblems();
    void injectsEachFaultAtRateOne_data();
    void injectsEachFaultAtRateOne();
    void faultSequenceIsReproducibleForASeed();
    void survivesClientGivingUpDuringLatency();
    void servesTenThousandJobs();
    void countsAndSignalsEveryRequest();
    void clockCanBeReplaced();
    void pausingKeepsSimulatedTimeContinuous();
    void neverStampsTimesAfterTheRealClock();
};

HttpResult tst_GatewaySimulator::send(const QByteArray &verb, const QUrl &url,
                                      const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(
            verb == "GET" ? m_nam.get(request)
                          : m_nam.sendCustomRequest(request, verb, QByteArray()));
    if (!reply->isFinished()) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(20000);
    }
    HttpResult r;
    r.finished = reply->isFinished();
    r.error = reply->error();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first.toLower(), pair.second);
    return r;
}

void tst_GatewaySimulator::initTestCase()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void tst_GatewaySimulator::answersHealthWithoutKeyOrFaults()
{
    SimulatorOptions o = frozen(Flavour::Bifrost);
    o.requiredKey = u"sk-bf-secret"_s;
    o.faults.rate = 1.0;
    GatewaySimulator sim(o);
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QCOMPARE(sim.baseUrl().host(), u"127.0.0.1"_s);
    QVERIFY(sim.port() != 0);
    QSignalSpy faults(&sim, &GatewaySimulator::faultInjected);

    const HttpResult r = get(at(sim, "/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), QJsonObject({{"status"_L1, u"ok"_s}}));
    QCOMPARE(faults.count(), 0);
}

void tst_GatewaySimulator::bifrostRetrieveIsSparseWithLossyStatus()
{
    GatewaySimulator sim(frozen(Flavour::Bifrost));
    QVERIFY(sim.start());
    const QSet<QString> allowed{u"jobArn"_s,           u"status"_s,     u"jobName"_s,
                                u"inputDataConfig"_s,  u"submitTime"_s, u"endTime"_s,
                                u"outputDataConfig"_s, u"message"_s};
    QSet<QString> seenStatuses;
    bool sawMessage = false;
    for (const QString &id : sim.jobIds()) {
        const JobStatus truth = *sim.jobStatus(id);
        const HttpResult r = get(at(sim, retrievePath(Flavour::Bifrost, id)));
        QCOMPARE(r.status, 200);
        QVERIFY(JobCodec::isJsonContentType(r.contentType));
        const QJsonObject o = r.json();
        const QStringList keys = o.keys();
        QVERIFY2(QSet<QString>(keys.begin(), keys.end()).subtract(allowed).isEmpty(),
                 qPrintable(keys.join(u',')));

        const QString status = o.value("status"_L1).toString();
        seenStatuses.insert(status);
        switch (truth) {
        case JobStatus::Submitted:
        case JobStatus::Scheduled:
            QCOMPARE(status, u"Validating"_s);
            break;
        case JobStatus::PartiallyCompleted:
            QCOMPARE(status, u"Failed"_s);
            break;
        default:
            QCOMPARE(status, Status::canonicalName(truth));
        }
        // Whole seconds in the gateway's own zone.
        const QString submit = o.value("submitTime"_L1).toString();
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+01:00$"_s)
                         .match(submit)
                         .hasMatch(),
                 qPrintable(submit));
        QCOMPARE(o.contains("endTime"_L1), Status::isTerminal(truth));
        sawMessage = sawMessage || o.contains("message"_L1);

        const auto parsed = JobCodec::parseRetrieveBody(r.body);
        QVERIFY(parsed.hasValue());
        QVERIFY(parsed->problems.isEmpty());
        QCOMPARE(parsed->job.submitTime, sim.jobState(id)->submitTime->addMSecs(
                                                 -sim.jobState(id)->submitTime->time().msec()));
    }
    QVERIFY(sawMessage);
    for (const char *never : {"Submitted", "Scheduled", "PartiallyCompleted"})
        QVERIFY2(!seenStatuses.contains(QLatin1StringView(never)), never);
}

void tst_GatewaySimulator::awsRetrieveCarriesEveryField()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    QVERIFY(sim.start());
    bool sawVpc = false;
    bool sawNoVpc = false;
    QSet<JobStatus> statuses;
    for (const QString &arn : sim.jobArns()) {
        const HttpResult r = get(at(sim, retrievePath(Flavour::Aws, arn)));
        QCOMPARE(r.status, 200);
        const auto parsed = JobCodec::parseRetrieveBody(r.body);
        QVERIFY(parsed.hasValue());
        QVERIFY(parsed->problems.isEmpty());
        const Job &job = parsed->job;
        QCOMPARE(job, *sim.jobState(arn));
        statuses.insert(job.statusCode());

        for (JobField f : {JobField::JobArn, JobField::Status, JobField::JobName, JobField::ModelId,
                           JobField::RoleArn, JobField::ClientRequestToken, JobField::SubmitTime,
                           JobField::LastModifiedTime, JobField::JobExpirationTime,
                           JobField::InputDataConfig, JobField::OutputDataConfig,
                           JobField::TimeoutDurationInHours, JobField::ModelInvocationType,
                           JobField::TotalRecordCount, JobField::ProcessedRecordCount,
                           JobField::SuccessRecordCount, JobField::ErrorRecordCount})
            QVERIFY2(job.has(f), qPrintable(jobFieldName(f)));
        QCOMPARE(job.has(JobField::EndTime), Status::isTerminal(job.statusCode()));
        const bool wantsMessage = job.statusCode() == JobStatus::Failed
                                  || job.statusCode() == JobStatus::PartiallyCompleted
                                  || job.statusCode() == JobStatus::Expired;
        QCOMPARE(job.has(JobField::Message), wantsMessage);
        (job.vpcConfig ? sawVpc : sawNoVpc) = true;
        QVERIFY(QRegularExpression(u"\\.\\d{3}Z$"_s)
                        .match(parsed->raw.value("submitTime"_L1).toString())
                        .hasMatch());
        QCOMPARE(*job.successRecordCount + *job.errorRecordCount, *job.processedRecordCount);
        QVERIFY(*job.processedRecordCount <= *job.totalRecordCount);
    }
    QVERIFY(sawVpc);
    QVERIFY(sawNoVpc);
    QVERIFY(statuses.contains(JobStatus::Scheduled));
    QVERIFY(statuses.contains(JobStatus::PartiallyCompleted));
}

void tst_GatewaySimulator::publishedServesPluralRouteAndJson404OnSingular()
{
    GatewaySimulator sim(frozen(Flavour::Published));
    QVERIFY(sim.start());
    const QString id = sim.jobIds().constFirst();

    const HttpResult plural
            = get(at(sim, "/bedrock/model-invocation-jobs/" + QUrl::toPercentEncoding(id)));
    QCOMPARE(plural.status, 200);
    const auto parsed = JobCodec::parseRetrieveBody(plural.body);
    QVERIFY(parsed.hasValue());
    QCOMPARE(parsed->job, *sim.jobState(id));

    const HttpResult singular
            = get(at(sim, "/bedrock/model-invocation-job/" + QUrl::toPercentEncoding(id)));
    QCOMPARE(singular.status, 404);
    QVERIFY(JobCodec::isJsonContentType(singular.contentType));
    const QJsonObject o = singular.json();
    QVERIFY(o.contains("message"_L1));
    QVERIFY(o.contains("type"_L1));
    QVERIFY(!o.contains("__type"_L1));
    // A missing route must not read like a missing job.
    QVERIFY(singular.gatewayError().gatewayType != u"ResourceNotFoundException"_s);
}

void tst_GatewaySimulator::answersUnknownRoutesLikeTheFlavour_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("html");

    const QByteArray plural = "/bedrock/model-invocation-jobs/";
    QTest::newRow("bifrost plural GET")
            << Flavour::Bifrost << QByteArray("GET") << plural << 200 << true;
    QTest::newRow("bifrost unknown GET") << Flavour::Bifrost << QByteArray("GET")
                                         << QByteArray("/workspace/logs") << 200 << true;
    QTest::newRow("bifrost unknown POST") << Flavour::Bifrost << QByteArray("POST")
                                          << QByteArray("/bedrock/nothing") << 404 << false;
    QTest::newRow("aws plural GET") << Flavour::Aws << QByteArray("GET") << plural << 404 << false;
    QTest::newRow("aws unknown GET")
            << Flavour::Aws << QByteArray("GET") << QByteArray("/v1/models") << 404 << false;
    QTest::newRow("published unknown GET")
            << Flavour::Published << QByteArray("GET") << QByteArray("/v1/models") << 404 << false;
}

void tst_GatewaySimulator::answersUnknownRoutesLikeTheFlavour()
{
    QFETCH(Flavour, flavour);
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(bool, html);

    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    if (path.endsWith('/'))
        path += sim.jobIds().constFirst().toLatin1();
    const HttpResult r = send(verb, at(sim, path));
    QCOMPARE(r.status, status);
    QCOMPARE(r.contentType.startsWith("text/html"), html);
    QCOMPARE(JobCodec::looksLikeHtml(r.body), html);
    if (html)
        QVERIFY(!JobCodec::parseRetrieveBody(r.body).hasValue());
}

void tst_GatewaySimulator::findsJobsByIdAndPercentEncodedArn_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<bool>("byArn");
    for (Flavour f : {Flavour::Bifrost, Flavour::Aws, Flavour::Published}) {
        QTest::addRow("%s by id", qPrintable(flavourTag(f))) << f << false;
        QTest::addRow("%s by ARN", qPrintable(flavourTag(f))) << f << true;
    }
}

void tst_GatewaySimulator::findsJobsByIdAndPercentEncodedArn()
{
    QFETCH(Flavour, flavour);
    QFETCH(bool, byArn);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());

    for (int i : {0, 9, 35}) {
        const QString arn = sim.jobArns().at(i);
        const QString identifier = byArn ? arn : sim.jobIds().at(i);
        const QByteArray path = retrievePath(flavour, identifier);
        if (byArn) {
            QVERIFY(path.contains("%3A"));
            QVERIFY(path.contains("%2F"));
        }
        const HttpResult r = get(at(sim, path));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("jobArn"_L1).toString(), arn);
        // The server saw the identifier as one encoded segment.
        QCOMPARE(sim.lastRequest().path.toLatin1(), path);
    }
}

void tst_GatewaySimulator::unknownJobIsResourceNotFound_data()
{
    QTest::addColumn<Flavour>("flavour");
    for (Flavour f : {Flavour::Bifrost, Flavour::Aws, Flavour::Published})
        QTest::newRow(qPrintable(flavourTag(f))) << f;
}

void tst_GatewaySimulator::unknownJobIsResourceNotFound()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    const QString missing = u"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                            "zzzzzzzzzzzz"_s;
    const HttpResult r = get(at(sim, retrievePath(flavour, missing)));
    QCOMPARE(r.status, 404);
    const GatewayError e = r.gatewayError();
    QCOMPARE(e.gatewayType, u"ResourceNotFoundException"_s);
    QVERIFY(e.message.contains(missing));
}

void tst_GatewaySimulator::listPaginatesWithOpaqueTokens_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::newRow("aws") << Flavour::Aws;
    QTest::newRow("published") << Flavour::Published;
}

void tst_GatewaySimulator::listPaginatesWithOpaqueTokens()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());

    QStringList seen;
    QSet<QString> tokens;
    QByteArray query = "?maxResults=7";
    for (int page = 0; page < 20; ++page) {
        const HttpResult r = get(at(sim, "/bedrock/model-invocation-jobs" + query));
        QCOMPARE(r.status, 200);
        const auto parsed = JobCodec::parseListBody(r.body);
        QVERIFY(parsed.hasValue());
        QVERIFY(parsed->problems.isEmpty());
        QVERIFY(parsed->jobs.size() <= 7);
        for (const ParsedJob &j : parsed->jobs)
            seen << *j.job.jobArn;
        if (!parsed->nextToken)
            break;
        const QString token = *parsed->nextToken;
        QVERIFY2(token.contains(u'+') && token.contains(u'/') && token.contains(u'='),
                 qPrintable(token));
        QVERIFY(!tokens.contains(token));
        tokens.insert(token);
        query = "?maxResults=7&nextToken=" + QUrl::toPercentEncoding(token);
    }
    QCOMPARE(tokens.size(), 5); // 36 jobs in pages of 7: six pages, five tokens
    QCOMPARE(seen.size(), 36);
    QStringList expected = sim.jobArns();
    QStringList sorted = seen;
    expected.sort();
    sorted.sort();
    QCOMPARE(sorted, expected);
}

void tst_GatewaySimulator::rejectsTokenWhosePlusWasNotEncoded()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    QVERIFY(sim.start());
    const HttpResult first = get(at(sim, "/bedrock/model-invocation-jobs?maxResults=5"));
    const QString token = first.json().value("nextToken"_L1).toString();
    QVERIFY(token.contains(u'+'));

    // '+' sent raw reads as a space on the server, like on real gateways.
    const QByteArray sloppy = token.toLatin1().replace("/", "%2F").replace("=", "%3D");
    const HttpResult r
            = get(at(sim, "/bedrock/model-invocation-jobs?maxResults=5&nextToken=" + sloppy));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.gatewayError().gatewayType, u"ValidationException"_s);
}

void tst_GatewaySimulator::bifrostListOmitsTokenAndIgnoresFilters()
{
    GatewaySimulator sim(frozen(Flavour::Bifrost));
    QVERIFY(sim.start());
    const HttpResult r = get(at(sim, "/bedrock/model-invocation-jobs?maxResults=10"
                                     "&statusEquals=Completed&nameContains=zzz"
                                     "&sortOrder=Ascending&submitTimeAfter=2030-01-01T00:00:00Z"));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QVERIFY(!o.contains("nextToken"_L1)); // although 26 more jobs exist
    const QJsonArray summaries = o.value("invocationJobSummaries"_L1).toArray();
    QCOMPARE(summaries.size(), 10);
    QSet<QString> statuses;
    QDateTime previous;
    for (const QJsonValue &v : summaries) {
        const QJsonObject s = v.toObject();
        QStringList keys = s.keys();
        keys.sort();
        QCOMPARE(keys, QStringList({u"jobArn"_s, u"jobName"_s, u"modelId"_s, u"status"_s,
                                    u"submitTime"_s}));
        statuses.insert(s.value("status"_L1).toString());
        const QDateTime submit = *JobCodec::parseTimestamp(s.value("submitTime"_L1).toString());
        if (previous.isValid())
            QVERIFY(submit <= previous); // newest first, sortOrder ignored
        previous = submit;
    }
    QVERIFY(statuses.size() > 1);
    const auto parsed = JobCodec::parseListBody(r.body);
    QVERIFY(parsed.hasValue());
    QVERIFY(parsed->problems.isEmpty());
    QVERIFY(!parsed->nextToken);
}

void tst_GatewaySimulator::awsListFiltersAndSortsOnTheServer()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    QVERIFY(sim.start());
    auto list = [&](const QByteArray &query) {
        const HttpResult r
                = get(at(sim, "/bedrock/model-invocation-jobs?maxResults=1000&" + query));
        return JobCodec::parseListBody(r.body);
    };

    const auto running = list("statusEquals=InProgress");
    QVERIFY(running.hasValue());
    QVERIFY(!running->jobs.isEmpty());
    int expected = 0;
    for (const QString &id : sim.jobIds())
        expected += sim.jobStatus(id) == JobStatus::InProgress ? 1 : 0;
    QCOMPARE(running->jobs.size(), expected);
    for (const ParsedJob &j : running->jobs)
        QCOMPARE(j.job.statusCode(), JobStatus::InProgress);

    const QString name = sim.jobState(sim.jobIds().constFirst())->jobName->left(8);
    const auto named = list("nameContains=" + QUrl::toPercentEncoding(name.toUpper()));
    QVERIFY(named.hasValue());
    QVERIFY(!named->jobs.isEmpty());
    for (const ParsedJob &j : named->jobs)
        QVERIFY(j.job.jobName->contains(name, Qt::CaseInsensitive));

    const auto ascending = list("sortOrder=Ascending");
    QVERIFY(ascending.hasValue());
    QCOMPARE(ascending->jobs.size(), 36);
    for (qsizetype i = 1; i < ascending->jobs.size(); ++i)
        QVERIFY(*ascending->jobs.at(i - 1).job.submitTime <= *ascending->jobs.at(i).job.submitTime);

    const QDateTime cut = sim.now().addSecs(-3600);
    const auto recent
            = list("submitTimeAfter=" + QUrl::toPercentEncoding(JobCodec::formatTimestamp(cut)));
    QVERIFY(recent.hasValue());
    QVERIFY(!recent->jobs.isEmpty());
    QVERIFY(recent->jobs.size() < 36);
    for (const ParsedJob &j : recent->jobs)
        QVERIFY(*j.job.submitTime > cut);
}

void tst_GatewaySimulator::rejectsInvalidListParameters_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("maxResults too large") << Flavour::Aws << QByteArray("maxResults=5000");
    QTest::newRow("maxResults not a number") << Flavour::Bifrost << QByteArray("maxResults=x");
    QTest::newRow("unknown status") << Flavour::Aws << QByteArray("statusEquals=Running");
    QTest::newRow("bad time") << Flavour::Published << QByteArray("submitTimeAfter=yesterday");
    QTest::newRow("bad sort order") << Flavour::Aws << QByteArray("sortOrder=Sideways");
    QTest::newRow("forged token") << Flavour::Aws << QByteArray("nextToken=abc%2B%2F%3D");
}

void tst_GatewaySimulator::rejectsInvalidListParameters()
{
    QFETCH(Flavour, flavour);
    QFETCH(QByteArray, query);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    const HttpResult r = get(at(sim, "/bedrock/model-invocation-jobs?" + query));
    QCOMPARE(r.status, 400);
    const GatewayError e = r.gatewayError();
    QCOMPARE(e.gatewayType, u"ValidationException"_s);
    QVERIFY(!e.message.isEmpty());
    if (flavour == Flavour::Aws)
        QVERIFY(r.headers.value("x-amzn-errortype").startsWith("ValidationException:"));
}

void tst_GatewaySimulator::requiresVirtualKey_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");

    for (Flavour f : {Flavour::Bifrost, Flavour::Aws, Flavour::Published}) {
        const QByteArray tag = flavourTag(f).toLatin1();
        QTest::addRow("%s no key", tag.constData())
                << f << QByteArray() << QByteArray() << 401 << u"virtual_key_required"_s;
        QTest::addRow("%s wrong key", tag.constData())
                << f << QByteArray("x-bf-vk") << QByteArray("sk-bf-wrong") << 401
                << u"virtual_key_not_found"_s;
        QTest::addRow("%s x-bf-vk", tag.constData())
                << f << QByteArray("x-bf-vk") << QByteArray("sk-bf-right") << 200 << QString();
    }
    QTest::newRow("bearer") << Flavour::Bifrost << QByteArray("Authorization")
                            << QByteArray("Bearer sk-bf-right") << 200 << QString();
    QTest::newRow("x-api-key") << Flavour::Bifrost << QByteArray("x-api-key")
                               << QByteArray("sk-bf-right") << 200 << QString();
    QTest::newRow("bearer wrong") << Flavour::Bifrost << QByteArray("Authorization")
                                  << QByteArray("Bearer sk-bf-nope") << 401
                                  << u"virtual_key_not_found"_s;
}

void tst_GatewaySimulator::requiresVirtualKey()
{
    QFETCH(Flavour, flavour);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(int, status);
    QFETCH(QString, type);

    SimulatorOptions o = frozen(flavour);
    o.requiredKey = u"sk-bf-right"_s;
    GatewaySimulator sim(o);
    QVERIFY(sim.start());
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!header.isEmpty())
        headers.append({header, value});

    for (const QByteArray &path : {retrievePath(flavour, sim.jobIds().constFirst()),
                                   QByteArray("/bedrock/model-invocation-jobs")}) {
        const HttpResult r = get(at(sim, path), headers);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.gatewayError().gatewayType, type);
            QVERIFY(!r.gatewayError().message.isEmpty());
        }
    }
}

void tst_GatewaySimulator::stopGoesThroughStoppingToStopped_data()
{
    QTest::addColumn<Flavour>("flavour");
    for (Flavour f : {Flavour::Bifrost, Flavour::Aws, Flavour::Published})
        QTest::newRow(qPrintable(flavourTag(f))) << f;
}

void tst_GatewaySimulator::stopGoesThroughStoppingToStopped()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    QSignalSpy stopped(&sim, &GatewaySimulator::jobStopped);

    const QString id = firstWithStatus(sim, JobStatus::InProgress);
    QVERIFY(!id.isEmpty());
    const QString arn = *sim.jobState(id)->jobArn;
    const QByteArray stopPath
            = "/bedrock/model-invocation-job/" + QUrl::toPercentEncoding(arn) + "/stop";

    const HttpResult ack = send("POST", at(sim, stopPath));
    QCOMPARE(ack.status, 200);
    const auto parsedAck = JobCodec::parseStopBody(ack.body);
    QVERIFY(parsedAck.hasValue());
    if (flavour == Flavour::Bifrost) {
        QCOMPARE(*parsedAck->jobArn, arn);
        QCOMPARE(parsedAck->status->code(), JobStatus::Stopping);
    } else {
        QCOMPARE(ack.json(), QJsonObject());
    }
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.at(0).at(0).toString(), arn);

    auto statusOverHttp = [&] {
        const HttpResult r = get(at(sim, retrievePath(flavour, id)));
        const auto parsed = JobCodec::parseRetrieveBody(r.body);
        return parsed ? parsed->job : Job();
    };
    Job job = statusOverHttp();
    QCOMPARE(job.statusCode(), JobStatus::Stopping);
    QVERIFY(!job.endTime);

    // No longer stoppable while stopping.
    const HttpResult again = send("POST", at(sim, stopPath));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.gatewayError().gatewayType,
             flavour == Flavour::Published ? u"conflict"_s : u"ConflictException"_s);

    sim.advance(10 * 60);
    job = statusOverHttp();
    QCOMPARE(job.statusCode(), JobStatus::Stopped);
    QVERIFY(job.endTime);
    QVERIFY(*job.endTime <= sim.now());
    QCOMPARE(send("POST", at(sim, stopPath)).status, 409);

    // A terminal job cannot be stopped either.
    const QString done = firstWithStatus(sim, JobStatus::Completed);
    QCOMPARE(send("POST", at(sim, "/bedrock/model-invocation-job/" + done.toLatin1() + "/stop"))
                     .status,
             409);
    QCOMPARE(stopped.count(), 1);
}

void tst_GatewaySimulator::stopOfUnknownJobIsNotFound()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    QVERIFY(sim.start());
    const HttpResult r = send("POST", at(sim, "/bedrock/model-invocation-job/zzzzzzzzzzzz/stop"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.gatewayError().gatewayType, u"ResourceNotFoundException"_s);
}

void tst_GatewaySimulator::showsEveryStatusOverTime()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    QVERIFY(sim.start());
    QSet<JobStatus> atStart;
    QHash<QString, QString> firstSeen;
    QSet<QString> changed;
    // Ten simulated minutes, sampled over HTTP every 30 s.
    for (int step = 0; step <= 20; ++step) {
        const HttpResult r = get(at(sim, "/bedrock/model-invocation-jobs?maxResults=1000"));
        const auto page = JobCodec::parseListBody(r.body);
        QVERIFY(page.hasValue());
        QCOMPARE(page->jobs.size(), 36);
        for (const ParsedJob &j : page->jobs) {
            QVERIFY(j.job.statusCode() != JobStatus::Unknown);
            if (step == 0) {
                atStart.insert(j.job.statusCode());
                firstSeen.insert(*j.job.jobArn, j.job.statusText());
            } else if (firstSeen.value(*j.job.jobArn) != j.job.statusText()) {
                changed.insert(*j.job.jobArn);
            }
        }
        sim.advance(30);
    }
    for (int c = int(JobStatus::Submitted); c <= int(JobStatus::Expired); ++c) {
        QVERIFY2(atStart.contains(JobStatus(c)), qPrintable(Status::canonicalName(JobStatus(c))));
    }
    // A demo is lively: many jobs move on within the first minutes.
    QVERIFY2(changed.size() >= 8, qPrintable(QString::number(changed.size())));
}

void tst_GatewaySimulator::validatingJobsHaveIndeterminateProgress()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    int validating = 0;
    for (const QString &id : sim.jobIds()) {
        const Job job = *sim.jobState(id);
        if (job.statusCode() == JobStatus::Validating || job.statusCode() == JobStatus::Submitted) {
            ++validating;
            QCOMPARE(*job.totalRecordCount, qint64(0));
            QCOMPARE(*job.processedRecordCount, qint64(0));
        }
        if (job.statusCode() == JobStatus::InProgress)
            QVERIFY(*job.totalRecordCount > 0);
    }
    QVERIFY(validating >= 2);
}

void tst_GatewaySimulator::progressCountersGrowWhileInProgress()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    QHash<QString, Job> before;
    for (const QString &id : sim.jobIds()) {
        if (sim.jobStatus(id) == JobStatus::InProgress)
            before.insert(id, *sim.jobState(id));
    }
    QVERIFY(before.size() >= 5);
    sim.advance(60);
    int grew = 0;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const Job now = *sim.jobState(it.key());
        QVERIFY(*now.processedRecordCount >= *it->processedRecordCount);
        QCOMPARE(*now.totalRecordCount, *it->totalRecordCount);
        if (*now.processedRecordCount > *it->processedRecordCount) {
            ++grew;
            QVERIFY(*now.lastModifiedTime > *it->lastModifiedTime);
        }
    }
    QVERIFY(grew >= 3);

    // The first demo job is one that finishes within two minutes, with every record counted.
    const QString first = sim.jobIds().constFirst();
    QVERIFY(before.contains(first));
    sim.advance(2 * 60);
    const Job done = *sim.jobState(first);
    QCOMPARE(done.statusCode(), JobStatus::Completed);
    QCOMPARE(*done.processedRecordCount, *done.totalRecordCount);
    QCOMPARE(*done.errorRecordCount, qint64(0));
    QVERIFY(done.endTime);
}

void tst_GatewaySimulator::queuedJobExpiresAtItsExpirationTime()
{
    GatewaySimulator sim(frozen(Flavour::Aws));
    QString soon;
    for (const QString &id : sim.jobIds()) {
        const Job job = *sim.jobState(id);
        if (job.statusCode() == JobStatus::Scheduled
            && *job.jobExpirationTime < sim.now().addSecs(600))
            soon = id;
    }
    QVERIFY(!soon.isEmpty());
    const QDateTime expiry = *sim.jobState(soon)->jobExpirationTime;
    sim.advance(sim.now().secsTo(expiry) - 1);
    QCOMPARE(*sim.jobStatus(soon), JobStatus::Scheduled);
    sim.advance(2);
    const Job expired = *sim.jobState(soon);
    QCOMPARE(expired.statusCode(), JobStatus::Expired);
    QCOMPARE(*expired.endTime, expiry);
    QVERIFY(expired.message && !expired.message->isEmpty());
}

void tst_GatewaySimulator::isDeterministicForASeed()
{
    GatewaySimulator a(frozen(Flavour::Aws, 36, 99));
    GatewaySimulator b(frozen(Flavour::Aws, 36, 99));
    GatewaySimulator other(frozen(Flavour::Aws, 36, 100));
    QVERIFY(a.start());
    QVERIFY(b.start());
    QVERIFY(other.start());
    QCOMPARE(a.jobArns(), b.jobArns());
    QVERIFY(a.jobArns() != other.jobArns());

    const QByteArray path = "/bedrock/model-invocation-jobs?maxResults=1000";
    QCOMPARE(get(at(a, path)).body, get(at(b, path)).body);
    a.advance(90);
    b.advance(90);
    QCOMPARE(get(at(a, path)).body, get(at(b, path)).body);
}

void tst_GatewaySimulator::everyBodyParsesWithoutProblems_data()
{
    QTest::addColumn<Flavour>("flavour");
    for (Flavour f : {Flavour::Bifrost, Flavour::Aws, Flavour::Published})
        QTest::newRow(qPrintable(flavourTag(f))) << f;
}

void tst_GatewaySimulator::everyBodyParsesWithoutProblems()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour, 200, 3));
    QVERIFY(sim.start());
    for (int round = 0; round < 3; ++round) {
        const HttpResult list = get(at(sim, "/bedrock/model-invocation-jobs?maxResults=1000"));
        const auto page = JobCodec::parseListBody(list.body);
        QVERIFY(page.hasValue());
        QVERIFY(page->problems.isEmpty());
        QCOMPARE(page->jobs.size(), 200);
        for (const QString &arn : sim.jobArns()) {
            const HttpResult r = get(at(sim, retrievePath(flavour, arn)));
            QCOMPARE(r.status, 200);
            const auto parsed = JobCodec::parseRetrieveBody(r.body);
            QVERIFY(parsed.hasValue());
            QVERIFY2(parsed->problems.isEmpty(), qPrintable(parsed->problems.value(0).message()));
            QCOMPARE(*parsed->job.jobArn, arn);
            QVERIFY(parsed->job.status->code() != JobStatus::Unknown);
        }
        sim.advance(3 * 3600);
    }
}

void tst_GatewaySimulator::injectsEachFaultAtRateOne_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<FaultKind>("kind");
    for (Flavour f : {Flavour::Bifrost, Flavour::Aws, Flavour::Published}) {
        for (FaultKind k : allFaultKinds())
            QTest::addRow("%s %s", qPrintable(flavourTag(f)), qPrintable(faultKindName(k)))
                    << f << k;
    }
}

void tst_GatewaySimulator::injectsEachFaultAtRateOne()
{
    QFETCH(Flavour, flavour);
    QFETCH(FaultKind, kind);
    SimulatorOptions o = frozen(flavour);
    o.faults.rate = 1.0;
    o.faults.kinds = {kind};
    o.faults.latencyMs = 300;
    o.faults.retryAfterSeconds = 7;
    GatewaySimulator sim(o);
    QVERIFY(sim.start());
    QSignalSpy faults(&sim, &GatewaySimulator::faultInjected);

    const QString id = sim.jobIds().constFirst();
    QNetworkReply *pending = nullptr;
    bool finishedWhenLatencyStarted = true;
    connect(&sim, &GatewaySimulator::faultInjected, this, [&] {
        if (pending)
            finishedWhenLatencyStarted = pending->isFinished();
    });
    QNetworkRequest request(at(sim, retrievePath(flavour, id)));
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    pending = reply.get();
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    pending = nullptr;

    QVERIFY(faults.count() >= 1);
    QCOMPARE(faults.at(0).at(0).toString(), faultKindName(kind));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();

    switch (kind) {
    case FaultKind::Http500:
    case FaultKind::Http502:
    case FaultKind::Http503:
    case FaultKind::Http504: {
        const int expected = kind == FaultKind::Http500   ? 500
                             : kind == FaultKind::Http502 ? 502
                             : kind == FaultKind::Http503 ? 503
                                                          : 504;
        QCOMPARE(status, expected);
        const GatewayError e = JobCodec::parseErrorResponse(status, body, contentType,
                                                            reply->rawHeader("X-Amzn-Errortype"));
        QVERIFY(!e.gatewayType.isEmpty());
        QVERIFY(!e.message.isEmpty());
        QVERIFY(e.isRetryable());
        break;
    }
    case FaultKind::Throttle429: {
        QCOMPARE(status, 429);
        QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("7"));
        const GatewayError e = JobCodec::parseErrorResponse(status, body, contentType,
                                                            reply->rawHeader("X-Amzn-Errortype"));
        QVERIFY(!e.gatewayType.isEmpty());
        if (flavour == Flavour::Aws)
            QCOMPARE(e.gatewayType, u"ThrottlingException"_s); // from the header only
        break;
    }
    case FaultKind::Reset:
        QCOMPARE(status, 0); // no HTTP response at all
        QVERIFY(reply->error() != QNetworkReply::NoError);
        QVERIFY(reply->error() < QNetworkReply::ContentAccessDenied); // a network-level error
        QVERIFY(body.isEmpty());
        break;
    case FaultKind::Truncated: {
        QCOMPARE(status, 200);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(JobCodec::isJsonContentType(contentType));
        QVERIFY(body.startsWith('{'));
        const auto parsed = JobCodec::parseRetrieveBody(body);
        QVERIFY(!parsed.hasValue());
        QCOMPARE(parsed.error().kind, GatewayError::Kind::BadBody);
        break;
    }
    case FaultKind::Html: {
        QCOMPARE(status, 200);
        QVERIFY(contentType.startsWith("text/html"));
        QVERIFY(JobCodec::looksLikeHtml(body));
        QCOMPARE(JobCodec::parseRetrieveBody(body).error().kind, GatewayError::Kind::BadBody);
        break;
    }
    case FaultKind::Latency: {
        QVERIFY(!finishedWhenLatencyStarted); // the answer came after the fault began
        QCOMPARE(status, 200);
        const auto parsed = JobCodec::parseRetrieveBody(body);
        QVERIFY(parsed.hasValue());
        QCOMPARE(*parsed->job.jobArn, sim.jobArns().constFirst());
        break;
    }
    }
}

void tst_GatewaySimulator::faultSequenceIsReproducibleForASeed()
{
    auto run = [this](quint64 seed) {
        SimulatorOptions o = frozen(Flavour::Aws, 36, seed);
        o.faults.rate = 0.5;
        o.faults.kinds = {FaultKind::Http503, FaultKind::Http500, FaultKind::Html};
        GatewaySimulator sim(o);
        sim.start();
        QStringList outcome;
        for (int i = 0; i < 24; ++i)
            outcome << QString::number(
                    get(at(sim, "/bedrock/model-invocation-jobs?maxResults=1")).status);
        return outcome;
    };
    const QStringList first = run(5);
    QCOMPARE(run(5), first);
    QVERIFY(first.contains(u"200"_s));
    QVERIFY(first.contains(u"503"_s) || first.contains(u"500"_s));
}

void tst_GatewaySimulator::survivesClientGivingUpDuringLatency()
{
    SimulatorOptions o = frozen(Flavour::Bifrost);
    o.faults.rate = 1.0;
    o.faults.kinds = {FaultKind::Latency};
    o.faults.latencyMs = 300;
    GatewaySimulator sim(o);
    QVERIFY(sim.start());

    // The first client hangs up while its answer is delayed...
    std::unique_ptr<QNetworkReply> abandoned(m_nam.get(
            QNetworkRequest(at(sim, retrievePath(Flavour::Bifrost, sim.jobIds().at(0))))));
    QSignalSpy faults(&sim, &GatewaySimulator::faultInjected);
    QVERIFY(faults.wait(20000));
    abandoned->abort();

    // ...and the next one, delayed just as long (so the first timer fires meanwhile), is served.
    const HttpResult r = get(at(sim, retrievePath(Flavour::Bifrost, sim.jobIds().at(1))));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("jobArn"_L1).toString(), sim.jobArns().at(1));
}

void tst_GatewaySimulator::servesTenThousandJobs()
{
    GatewaySimulator sim(frozen(Flavour::Aws, 10000, 11));
    QVERIFY(sim.start());
    QCOMPARE(sim.jobCount(), 10000);
    const QStringList ids = sim.jobIds();
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 10000);
    for (const QString &id : ids)
        QVERIFY(id.size() == 12);

    QSet<QString> seen;
    QByteArray query = "?maxResults=1000";
    for (int page = 0; page < 12; ++page) {
        const HttpResult r = get(at(sim, "/bedrock/model-invocation-jobs" + query));
        QCOMPARE(r.status, 200);
        const auto parsed = JobCodec::parseListBody(r.body);
        QVERIFY(parsed.hasValue());
        for (const ParsedJob &j : parsed->jobs)
            seen.insert(*j.job.jobArn);
        if (!parsed->nextToken)
            break;
        query = "?maxResults=1000&nextToken=" + QUrl::toPercentEncoding(*parsed->nextToken);
    }
    QCOMPARE(seen.size(), 10000);
    const HttpResult one = get(at(sim, retrievePath(Flavour::Aws, sim.jobArns().constLast())));
    QCOMPARE(one.status, 200);
}

void tst_GatewaySimulator::countsAndSignalsEveryRequest()
{
    GatewaySimulator sim(frozen(Flavour::Bifrost));
    QVERIFY(sim.start());
    QSignalSpy received(&sim, &GatewaySimulator::requestReceived);
    get(at(sim, "/health"));
    get(at(sim, "/bedrock/model-invocation-jobs?maxResults=3"));
    send("POST",
         at(sim, "/bedrock/model-invocation-job/" + sim.jobIds().at(0).toLatin1() + "/stop"));
    QCOMPARE(sim.requestCount(), 3);
    QCOMPARE(received.count(), 3);
    QCOMPARE(received.at(1).at(0).toString(), u"GET"_s);
    QCOMPARE(received.at(1).at(1).toString(), u"/bedrock/model-invocation-jobs"_s);
    QCOMPARE(received.at(2).at(0).toString(), u"POST"_s);
    QCOMPARE(sim.lastRequest().method, u"POST"_s);
    QCOMPARE(get(at(sim, "/health")).status, 200);
    QCOMPARE(sim.lastRequest().headers.contains({"Accept", "application/json"}), true);
}

void tst_GatewaySimulator::clockCanBeReplaced()
{
    SimulatorOptions o = frozen(Flavour::Aws);
    o.speed = 60;
    GatewaySimulator sim(o);
    QDateTime fake = kEpoch;
    sim.setClock([&fake] { return fake; });
    QCOMPARE(sim.now(), kEpoch);
    const QString id = firstWithStatus(sim, JobStatus::Submitted);
    QVERIFY(!id.isEmpty());
    fake = kEpoch.addSecs(2 * 3600);
    QVERIFY(*sim.jobStatus(id) != JobStatus::Submitted);
    sim.advance(60);
    QCOMPARE(sim.now(), kEpoch.addSecs(2 * 3600 + 60));
    sim.setClock({});
    QVERIFY(sim.now() >= kEpoch.addSecs(60));
}

void tst_GatewaySimulator::pausingKeepsSimulatedTimeContinuous()
{
    SimulatorOptions o = frozen(Flavour::Aws);
    o.speed = 1e6;
    GatewaySimulator sim(o);
    const QDateTime running = sim.now();
    sim.setSpeed(0);
    QCOMPARE(sim.speed(), 0.0);
    const QDateTime paused = sim.now();
    QVERIFY(paused >= running);
    QCoreApplication::processEvents();
    QCOMPARE(sim.now(), paused);
    sim.advance(5);
    QCOMPARE(sim.now(), paused.addSecs(5));
}

void tst_GatewaySimulator::neverStampsTimesAfterTheRealClock()
{
    // Regression: at speed 120 (the demo) the simulated clock ran ahead of the real one from the
    // first millisecond, so a job's lastModifiedTime came out seconds to hours in the client's
    // future ("Last modified (in 48 s)", a marker right of the "now" line).
    SimulatorOptions o;
    o.flavour = Flavour::Aws;
    o.seed = 7;
    o.jobCount = 36;
    o.speed = 100'000; // a real millisecond is 100 simulated seconds
    GatewaySimulator sim(o);
    QVERIFY(sim.start());
    const QStringList ids = sim.jobIds();
    auto processed = [&sim, &ids] {
        qint64 sum = 0;
        for (const QString &id : ids)
            sum += sim.jobState(id)->processedRecordCount.value_or(0);
        return sum;
    };
    const qint64 before = processed();
    QTRY_VERIFY(processed() > before); // the lifecycles still run at the simulated speed

    const QDateTime modifiedBefore = *sim.jobState(ids.first())->lastModifiedTime;
    const QJsonObject body = get(at(sim, retrievePath(Flavour::Aws, ids.first()))).json();
    QDateTime latest;
    for (const QString &id : ids) {
        const Job job = *sim.jobState(id);
        for (const auto &t : {job.submitTime, job.lastModifiedTime, job.endTime})
            latest = std::max(latest, t.value_or(QDateTime()));
    }
    const QDateTime simNow = sim.now();
    const QDateTime realNow = QDateTime::currentDateTimeUtc();
    QVERIFY2(simNow <= realNow, qPrintable(simNow.toString(Qt::ISODateWithMs)));
    QVERIFY2(latest <= realNow, qPrintable(latest.toString(Qt::ISODateWithMs)));
    const auto wireModified
            = JobCodec::parseTimestamp(body.value(u"lastModifiedTime"_s).toString());
    QVERIFY(wireModified);
    QVERIFY2(*wireModified <= realNow, qPrintable(wireModified->toString(Qt::ISODateWithMs)));
    // Stamps only move forward: the same instant is stamped the same way later.
    QVERIFY(*wireModified >= modifiedBefore);
}

QTEST_GUILESS_MAIN(tst_GatewaySimulator)
#include "tst_gatewaysimulator.moc"
