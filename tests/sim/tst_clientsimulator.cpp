// The real GatewayClient against the simulated gateway, over loopback, in all three flavours:
// what a user of batchwatch would meet with Bifrost, AWS Bedrock and the published document.
// Redirect handling is covered against a scripted loopback server in tst_gatewayclient.

#include "gatewaysimulator.h"
#include "wire/gatewayclient.h"
#include "wire/jobcodec.h"
#include "wireformat.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <optional>

using namespace bw;
using namespace bw::sim;
using namespace Qt::StringLiterals;

namespace bw {
// Readable QCOMPARE failures (found by argument-dependent lookup).
char *toString(GatewayError::Kind kind)
{
    return qstrdup(qPrintable(GatewayError::kindName(kind)));
}
char *toString(RouteStyle style)
{
    return qstrdup(qPrintable(routeStyleKey(style)));
}
} // namespace bw

namespace {

const QDateTime kEpoch(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);
const QString kKey = u"sk-bf-loopback-0123456789"_s;
const QString kMissingArn
        = u"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/zzzzzzzzzzzz"_s;
const QList<Flavour> kFlavours{Flavour::Bifrost, Flavour::Aws, Flavour::Published};

// Simulated time stands still (speed 0), so every answer is reproducible and jobState() is
// what the gateway answers.
SimulatorOptions frozen(Flavour flavour, int jobs = 36)
{
    SimulatorOptions o;
    o.flavour = flavour;
    o.seed = 11;
    o.jobCount = jobs;
    o.speed = 0;
    o.epoch = kEpoch;
    return o;
}

// The retrieve route each flavour serves.
RouteStyle routeOf(Flavour flavour)
{
    return flavour == Flavour::Published ? RouteStyle::Plural : RouteStyle::Singular;
}

QString retrievePrefix(RouteStyle route)
{
    return route == RouteStyle::Plural ? u"/bedrock/model-invocation-jobs/"_s
                                       : u"/bedrock/model-invocation-job/"_s;
}

GatewayProfile profileFor(const GatewaySimulator &sim, RouteStyle detected = RouteStyle::Auto)
{
    GatewayProfile p;
    p.id = u"sim"_s;
    p.name = u"Simulated %1"_s.arg(flavourName(sim.flavour()));
    p.baseUrl = sim.baseUrl();
    p.routeStyle = RouteStyle::Auto;
    p.detectedRoute = detected;
    p.timeoutMs = 15000;
    return p;
}

// The real network stack, straight to 127.0.0.1 whatever proxy the environment names.
class LoopbackNam : public QNetworkAccessManager
{
public:
    LoopbackNam() { setProxy(QNetworkProxy::NoProxy); }
};

// Runs one client call to completion: its callback's value, or nullopt when it never came.
template<typename T, typename Call>
std::optional<Expected<T>> await(QObject *context, Call call)
{
    std::optional<Expected<T>> result;
    QEventLoop loop;
    call(context, [&result, &loop](Expected<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

template<typename T>
QByteArray why(const std::optional<Expected<T>> &r)
{
    if (!r)
        return "no callback";
    return r->hasValue() ? QByteArray("success") : r->error().describe().toUtf8();
}

QString describe(const QList<ParseProblem> &problems)
{
    QStringList parts;
    for (const ParseProblem &p : problems)
        parts << p.field + u' ' + p.message();
    return parts.join(u"; "_s);
}

QString firstWithStatus(const GatewaySimulator &sim, JobStatus status)
{
    const QStringList ids = sim.jobIds();
    for (const QString &id : ids) {
        if (sim.jobStatus(id) == status)
            return id;
    }
    return {};
}

} // namespace

class tst_ClientSimulator : public QObject
{
    Q_OBJECT

private:
    std::optional<Expected<RetrieveResult>> retrieve(GatewayClient &client, const QString &id)
    {
        return await<RetrieveResult>(
                this, [&](QObject *c, auto done) { client.retrieve(id, c, std::move(done)); });
    }
    std::optional<Expected<ListPage>> listPage(GatewayClient &client, const ListQuery &query)
    {
        return await<ListPage>(
                this, [&](QObject *c, auto done) { client.listPage(query, c, std::move(done)); });
    }
    std::optional<Expected<ListResult>> listAll(GatewayClient &client, const ListQuery &query)
    {
        return await<ListResult>(this, [&](QObject *c, auto done) {
            client.listAll(query, 50, c, std::move(done));
        });
    }
    std::optional<Expected<StopAck>> stop(GatewayClient &client, const QString &id)
    {
        return await<StopAck>(this,
                              [&](QObject *c, auto done) { client.stop(id, c, std::move(done)); });
    }

    static void addFlavourColumn()
    {
        QTest::addColumn<Flavour>("flavour");
        for (Flavour f : kFlavours)
            QTest::newRow(qPrintable(flavourName(f))) << f;
    }

    LoopbackNam m_nam;

private Q_SLOTS:
    void detectsTheFlavoursRouteAndRemembersIt_data() { addFlavourColumn(); }
    void detectsTheFlavoursRouteAndRemembersIt();
    void neverRemembersBifrostsWebUiOnThePluralRoute();
    void explicitPluralRouteOnBifrostIsABadBody();
    void retrievesEveryJobWithoutParseProblems_data();
    void retrievesEveryJobWithoutParseProblems();
    void listFollowsTokensToEveryJob_data() { addFlavourColumn(); }
    void listFollowsTokensToEveryJob();
    void stopAnswersInTheFlavoursShape_data() { addFlavourColumn(); }
    void stopAnswersInTheFlavoursShape();
    void authenticatesWithEachAuthMode_data();
    void authenticatesWithEachAuthMode();
    void reportsAMissingKeyBeforeTheRouteIsKnown_data() { addFlavourColumn(); }
    void reportsAMissingKeyBeforeTheRouteIsKnown();
    void unknownJobIsNotFoundAndStillTeachesTheRoute_data();
    void unknownJobIsNotFoundAndStillTeachesTheRoute();
    void mapsEachFaultToAnErrorKind_data();
    void mapsEachFaultToAnErrorKind();
    void abortsAListPageOverTheSizeCap_data() { addFlavourColumn(); }
    void abortsAListPageOverTheSizeCap();
};

void tst_ClientSimulator::detectsTheFlavoursRouteAndRemembersIt()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim));
    QSignalSpy detected(&client, &GatewayClient::routeDetected);
    const RouteStyle expected = routeOf(flavour);

    const auto first = retrieve(client, sim.jobIds().at(0));
    QVERIFY(first);
    QVERIFY2(first->hasValue(), why(first));
    QCOMPARE(first->value().routeUsed, expected);
    QCOMPARE(first->value().parsed.job.jobArn, sim.jobArns().at(0));
    QCOMPARE(client.profile().detectedRoute, expected);
    QCOMPARE(detected.count(), 1);
    QCOMPARE(detected.at(0).at(0).value<RouteStyle>(), expected);
    // The published document's gateway answered the singular probe with a JSON 404 first.
    const int probes = flavour == Flavour::Published ? 2 : 1;
    QCOMPARE(sim.requestCount(), probes);

    // The winner is used straight away from now on: one request per retrieve.
    const auto second = retrieve(client, sim.jobIds().at(1));
    QVERIFY2(second && second->hasValue(), why(second));
    QCOMPARE(second->value().routeUsed, expected);
    QCOMPARE(sim.requestCount(), probes + 1);
    QVERIFY(sim.lastRequest().path.startsWith(retrievePrefix(expected)));
    QCOMPARE(detected.count(), 1);
}

void tst_ClientSimulator::neverRemembersBifrostsWebUiOnThePluralRoute()
{
    // A proxy page on the singular probe makes the client try the plural route, where Bifrost
    // answers 200 with its web UI. Neither page may be taken for a route.
    GatewaySimulator sim(frozen(Flavour::Bifrost));
    QVERIFY(sim.start());
    FaultOptions once;
    once.rate = 1.0;
    once.kinds = {FaultKind::Html};
    sim.setFaults(once);
    connect(&sim, &GatewaySimulator::faultInjected, &sim, [&sim] { sim.setFaults({}); });
    QSignalSpy faults(&sim, &GatewaySimulator::faultInjected);
    QSignalSpy received(&sim, &GatewaySimulator::requestReceived);

    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim));
    QSignalSpy detected(&client, &GatewayClient::routeDetected);
    const QString id = sim.jobIds().at(0);

    const auto probed = retrieve(client, id);
    QVERIFY(probed);
    QVERIFY(!probed->hasValue());
    QCOMPARE(probed->error().kind, GatewayError::Kind::BadBody);
    QCOMPARE(faults.count(), 1);
    QCOMPARE(received.count(), 2);
    QCOMPARE(received.at(0).at(1).toString(), retrievePrefix(RouteStyle::Singular) + id);
    QCOMPARE(received.at(1).at(1).toString(), retrievePrefix(RouteStyle::Plural) + id);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
    QCOMPARE(detected.count(), 0);

    // Once the proxy is gone, the singular route wins and is remembered.
    const auto clean = retrieve(client, id);
    QVERIFY2(clean && clean->hasValue(), why(clean));
    QCOMPARE(clean->value().routeUsed, RouteStyle::Singular);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Singular);
    QCOMPARE(detected.count(), 1);
    QCOMPARE(received.count(), 3);
}

void tst_ClientSimulator::explicitPluralRouteOnBifrostIsABadBody()
{
    GatewaySimulator sim(frozen(Flavour::Bifrost));
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    GatewayProfile profile = profileFor(sim);
    profile.routeStyle = RouteStyle::Plural;
    client.setProfile(profile);
    QSignalSpy detected(&client, &GatewayClient::routeDetected);

    const auto r = retrieve(client, sim.jobIds().at(0));
    QVERIFY(r);
    QVERIFY(!r->hasValue());
    QCOMPARE(r->error().kind, GatewayError::Kind::BadBody);
    QCOMPARE(sim.requestCount(), 1);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
    QCOMPARE(detected.count(), 0);
}

void tst_ClientSimulator::retrievesEveryJobWithoutParseProblems_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<bool>("byArn");
    for (Flavour f : kFlavours) {
        QTest::addRow("%s by id", qPrintable(flavourName(f))) << f << false;
        QTest::addRow("%s by ARN", qPrintable(flavourName(f))) << f << true;
    }
}

void tst_ClientSimulator::retrievesEveryJobWithoutParseProblems()
{
    QFETCH(Flavour, flavour);
    QFETCH(bool, byArn);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim));
    const RouteStyle route = routeOf(flavour);
    const QStringList arns = sim.jobArns();
    const QStringList ids = sim.jobIds();
    QSet<JobStatus> statuses;

    for (int i = 0; i < arns.size(); ++i) {
        const QString identifier = byArn ? arns.at(i) : ids.at(i);
        const auto r = retrieve(client, identifier);
        QVERIFY(r);
        QVERIFY2(r->hasValue(), qPrintable(identifier + u": "_s + QString::fromUtf8(why(r))));
        const ParsedJob &parsed = r->value().parsed;
        QVERIFY2(parsed.problems.isEmpty(),
                 qPrintable(identifier + u": "_s + describe(parsed.problems)));
        QCOMPARE(r->value().routeUsed, route);

        // The identifier travelled as one percent-encoded segment.
        const QString path = sim.lastRequest().path;
        QCOMPARE(path, retrievePrefix(route) + GatewayClient::encodeSegment(identifier));
        if (byArn) {
            QVERIFY(path.contains(u"%3A"_s));
            QVERIFY(path.contains(u"%2F"_s));
        }

        const Job truth = *sim.jobState(arns.at(i));
        const Job &job = parsed.job;
        statuses.insert(truth.statusCode());
        QCOMPARE(job.jobArn, arns.at(i));
        if (flavour == Flavour::Bifrost) {
            // Sparse bodies with Bifrost's lossy status names and whole-second timestamps.
            QCOMPARE(job.jobName, truth.jobName);
            QCOMPARE(job.statusText(), WireFormat::bifrostStatusName(truth.statusCode()));
            QVERIFY(job.submitTime);
            QCOMPARE(job.submitTime->toSecsSinceEpoch(), truth.submitTime->toSecsSinceEpoch());
        } else {
            QCOMPARE(job, truth);
        }
    }
    // The jobs cover every AWS status, so every status went through the codec.
    QCOMPARE(statuses.size(), int(JobStatus::Expired));
}

void tst_ClientSimulator::listFollowsTokensToEveryJob()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim));
    ListQuery query;
    query.maxResults = 10;

    const auto page = listPage(client, query);
    QVERIFY2(page && page->hasValue(), why(page));
    QCOMPARE(page->value().jobs.size(), 10);
    QVERIFY(page->value().problems.isEmpty());
    // Bifrost loses the provider's token although more jobs exist.
    QCOMPARE(page->value().nextToken.has_value(), flavour != Flavour::Bifrost);

    const int before = sim.requestCount();
    const auto all = listAll(client, query);
    QVERIFY2(all && all->hasValue(), why(all));
    const ListResult &result = all->value();
    QVERIFY(!result.truncated);
    QVERIFY(result.problems.isEmpty());
    for (const ParsedJob &j : result.jobs)
        QVERIFY2(j.problems.isEmpty(), qPrintable(j.job.jobArn.value_or(QString())));

    if (flavour == Flavour::Bifrost) {
        QCOMPARE(result.pages, 1);
        QCOMPARE(result.jobs.size(), 10);
        QCOMPARE(sim.requestCount(), before + 1);
        return;
    }
    const int pages = (sim.jobCount() + 9) / 10;
    QCOMPARE(result.pages, pages);
    QCOMPARE(sim.requestCount(), before + pages);
    QVERIFY(sim.lastRequest().query.contains(u"nextToken="_s));
    QSet<QString> seen;
    for (const ParsedJob &j : result.jobs)
        seen.insert(j.job.jobArn.value_or(QString()));
    const QStringList arns = sim.jobArns();
    QCOMPARE(seen, QSet<QString>(arns.begin(), arns.end()));
    QCOMPARE(result.jobs.size(), sim.jobCount());
    // Newest first, across page boundaries.
    for (qsizetype i = 1; i < result.jobs.size(); ++i)
        QVERIFY(*result.jobs.at(i - 1).job.submitTime >= *result.jobs.at(i).job.submitTime);
}

void tst_ClientSimulator::stopAnswersInTheFlavoursShape()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim, routeOf(flavour)));
    QSignalSpy stopped(&sim, &GatewaySimulator::jobStopped);
    const QString running = firstWithStatus(sim, JobStatus::InProgress);
    const QString completed = firstWithStatus(sim, JobStatus::Completed);
    QVERIFY(!running.isEmpty());
    QVERIFY(!completed.isEmpty());
    const QString arn = sim.jobState(running)->jobArn.value();

    const auto ack = stop(client, arn);
    QVERIFY2(ack && ack->hasValue(), why(ack));
    QCOMPARE(sim.lastRequest().method, u"POST"_s);
    QCOMPARE(sim.lastRequest().path,
             u"/bedrock/model-invocation-job/"_s + GatewayClient::encodeSegment(arn) + u"/stop"_s);
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.at(0).at(0).toString(), arn);
    if (flavour == Flavour::Bifrost) {
        QCOMPARE(ack->value().jobArn, arn);
        QVERIFY(ack->value().status);
        QCOMPARE(ack->value().status->code(), JobStatus::Stopping);
    } else {
        QVERIFY(!ack->value().jobArn);
        QVERIFY(!ack->value().status);
    }
    const auto after = retrieve(client, running);
    QVERIFY2(after && after->hasValue(), why(after));
    QCOMPARE(after->value().parsed.job.statusCode(), JobStatus::Stopping);

    // Neither a finished job nor one already stopping can be stopped.
    const QString conflictType
            = flavour == Flavour::Published ? u"conflict"_s : u"ConflictException"_s;
    for (const QString &id : {completed, running}) {
        const auto refused = stop(client, id);
        QVERIFY(refused);
        QVERIFY2(!refused->hasValue(), qPrintable(id));
        const GatewayError &e = refused->error();
        QCOMPARE(e.kind, GatewayError::Kind::Http);
        QCOMPARE(e.httpStatus, 409);
        QCOMPARE(e.gatewayType, conflictType);
        QVERIFY(!e.message.isEmpty());
        QVERIFY(!e.isRetryable());
    }
    QCOMPARE(stopped.count(), 1);
}

void tst_ClientSimulator::authenticatesWithEachAuthMode_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<AuthMode>("mode");
    QTest::addColumn<QString>("header"); // for AuthMode::CustomHeader
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("deniedType"); // empty: accepted

    for (Flavour f : kFlavours) {
        const QByteArray tag = flavourName(f).toLatin1();
        QTest::addRow("%s no key", tag.constData())
                << f << AuthMode::None << QString() << kKey << u"virtual_key_required"_s;
        QTest::addRow("%s wrong key", tag.constData())
                << f << AuthMode::VirtualKey << QString() << u"sk-bf-wrong"_s
                << u"virtual_key_not_found"_s;
        QTest::addRow("%s x-bf-vk", tag.constData())
                << f << AuthMode::VirtualKey << QString() << kKey << QString();
        QTest::addRow("%s bearer", tag.constData())
                << f << AuthMode::Bearer << QString() << kKey << QString();
        QTest::addRow("%s x-api-key header", tag.constData())
                << f << AuthMode::CustomHeader << u"x-api-key"_s << kKey << QString();
    }
}

void tst_ClientSimulator::authenticatesWithEachAuthMode()
{
    QFETCH(Flavour, flavour);
    QFETCH(AuthMode, mode);
    QFETCH(QString, header);
    QFETCH(QString, secret);
    QFETCH(QString, deniedType);

    GatewaySimulator sim(frozen(flavour));
    sim.setRequiredKey(kKey);
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    // The route as a previous session detected it: the key is what is being tested here.
    GatewayProfile profile = profileFor(sim, routeOf(flavour));
    profile.authMode = mode;
    profile.customHeaderName = header;
    client.setProfile(profile);
    client.setSecret(secret);
    const QString id = sim.jobIds().at(0);

    const auto retrieved = retrieve(client, id);
    const auto listed = listPage(client, ListQuery{});
    QVERIFY(retrieved);
    QVERIFY(listed);
    if (deniedType.isEmpty()) {
        QVERIFY2(retrieved->hasValue(), why(retrieved));
        QCOMPARE(retrieved->value().parsed.job.jobArn, sim.jobArns().at(0));
        QVERIFY2(listed->hasValue(), why(listed));
        QVERIFY(!listed->value().jobs.isEmpty());
        return;
    }
    QVERIFY(!retrieved->hasValue());
    QVERIFY(!listed->hasValue());
    for (const GatewayError &e : {retrieved->error(), listed->error()}) {
        QCOMPARE(e.kind, GatewayError::Kind::Http);
        QCOMPARE(e.httpStatus, 401);
        QVERIFY(e.isAuthFailure());
        QVERIFY(!e.isRetryable());
        QCOMPARE(e.gatewayType, deniedType);
        QVERIFY(!e.message.isEmpty());
    }
}

void tst_ClientSimulator::reportsAMissingKeyBeforeTheRouteIsKnown()
{
    // A new profile without its key: the very first retrieve must say "key required", not
    // "not found" (which would mark the job as gone).
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    sim.setRequiredKey(kKey);
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim));

    const auto r = retrieve(client, sim.jobIds().at(0));
    QVERIFY(r);
    QVERIFY(!r->hasValue());
    const GatewayError &e = r->error();
    QCOMPARE(e.kind, GatewayError::Kind::Http);
    // The published document's gateway answers the singular probe with a route 404 and the
    // plural one with the 401: the refusal is what the user sees.
    QCOMPARE(e.httpStatus, 401);
    QVERIFY(e.isAuthFailure());
    QVERIFY(!e.isNotFound());
    QCOMPARE(e.gatewayType, u"virtual_key_required"_s);
    // A refusal says nothing about routes.
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_ClientSimulator::unknownJobIsNotFoundAndStillTeachesTheRoute_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<QString>("identifier");
    for (Flavour f : kFlavours) {
        QTest::addRow("%s ARN", qPrintable(flavourName(f))) << f << kMissingArn;
        QTest::addRow("%s id", qPrintable(flavourName(f))) << f << u"zzzzzzzzzzzz"_s;
    }
}

void tst_ClientSimulator::unknownJobIsNotFoundAndStillTeachesTheRoute()
{
    QFETCH(Flavour, flavour);
    QFETCH(QString, identifier);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim));

    const auto r = retrieve(client, identifier);
    QVERIFY(r);
    QVERIFY(!r->hasValue());
    const GatewayError &e = r->error();
    QCOMPARE(e.kind, GatewayError::Kind::Http);
    QVERIFY(e.isNotFound());
    QCOMPARE(e.gatewayType, u"ResourceNotFoundException"_s);
    QVERIFY2(e.message.contains(identifier), qPrintable(e.message));
    QVERIFY(!e.isRetryable());
    // A JSON 404 about the job proves the route exists.
    QCOMPARE(client.profile().detectedRoute, routeOf(flavour));
}

void tst_ClientSimulator::mapsEachFaultToAnErrorKind_data()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::addColumn<FaultKind>("fault");
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QList<GatewayError::Kind>>("kinds"); // accepted kinds; empty: success
    QTest::addColumn<int>("httpStatus");                  // of the answer; 0 when none came

    using K = GatewayError::Kind;
    for (Flavour f : kFlavours) {
        const QByteArray tag = flavourName(f).toLatin1();
        const auto row = [&tag, f](const char *name, FaultKind fault) -> QTestData & {
            return QTest::addRow("%s %s", tag.constData(), name) << f << fault;
        };
        row("500", FaultKind::Http500) << 0 << 15000 << QList<K>{K::Http} << 500;
        row("502", FaultKind::Http502) << 0 << 15000 << QList<K>{K::Http} << 502;
        row("503", FaultKind::Http503) << 0 << 15000 << QList<K>{K::Http} << 503;
        row("504", FaultKind::Http504) << 0 << 15000 << QList<K>{K::Http} << 504;
        row("429", FaultKind::Throttle429) << 0 << 15000 << QList<K>{K::Http} << 429;
        row("reset", FaultKind::Reset) << 0 << 15000 << QList<K>{K::Network} << 0;
        row("truncated", FaultKind::Truncated)
                << 0 << 15000 << QList<K>{K::BadBody, K::Network} << 200;
        row("html", FaultKind::Html) << 0 << 15000 << QList<K>{K::BadBody} << 200;
        row("latency beyond timeout", FaultKind::Latency)
                << 4000 << 300 << QList<K>{K::Timeout} << 0;
        row("latency within timeout", FaultKind::Latency) << 150 << 15000 << QList<K>{} << 0;
    }
}

void tst_ClientSimulator::mapsEachFaultToAnErrorKind()
{
    QFETCH(Flavour, flavour);
    QFETCH(FaultKind, fault);
    QFETCH(int, latencyMs);
    QFETCH(int, timeoutMs);
    QFETCH(QList<GatewayError::Kind>, kinds);
    QFETCH(int, httpStatus);

    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    FaultOptions faults;
    faults.rate = 1.0;
    faults.kinds = {fault};
    faults.latencyMs = latencyMs;
    faults.retryAfterSeconds = 7;
    sim.setFaults(faults);
    QSignalSpy injected(&sim, &GatewaySimulator::faultInjected);
    GatewayClient client(&m_nam);
    GatewayProfile profile = profileFor(sim, routeOf(flavour)); // polling after detection
    profile.timeoutMs = timeoutMs;
    client.setProfile(profile);
    ListQuery query;
    query.maxResults = 5;

    const auto retrieved = retrieve(client, sim.jobIds().at(0));
    const auto listed = listPage(client, query);
    QVERIFY(retrieved);
    QVERIFY(listed);
    // Qt resends a GET once when the connection dies before any byte of an answer.
    QVERIFY(injected.count() >= 2);
    if (kinds.isEmpty()) {
        QVERIFY2(retrieved->hasValue(), why(retrieved));
        QCOMPARE(retrieved->value().parsed.job.jobArn, sim.jobArns().at(0));
        QVERIFY2(listed->hasValue(), why(listed));
        QCOMPARE(listed->value().jobs.size(), 5);
        return;
    }
    QVERIFY(!retrieved->hasValue());
    QVERIFY(!listed->hasValue());
    for (const GatewayError &e : {retrieved->error(), listed->error()}) {
        QVERIFY2(kinds.contains(e.kind), qPrintable(e.describe()));
        QCOMPARE(e.httpStatus, e.isUnreachable() ? 0 : httpStatus);
        // Every injected fault is transient: polling tries again.
        QVERIFY2(e.isRetryable(), qPrintable(e.describe()));
        QCOMPARE(e.retryAfterSeconds.value_or(-1), fault == FaultKind::Throttle429 ? 7 : -1);
        if (e.kind == GatewayError::Kind::Http)
            QVERIFY(!e.gatewayType.isEmpty());
    }
}

void tst_ClientSimulator::abortsAListPageOverTheSizeCap()
{
    QFETCH(Flavour, flavour);
    GatewaySimulator sim(frozen(flavour));
    QVERIFY(sim.start());
    GatewayClient client(&m_nam);
    client.setProfile(profileFor(sim));
    client.setMaxBodyBytes(1024);
    ListQuery query;
    query.maxResults = 36;

    const auto capped = listPage(client, query);
    QVERIFY(capped);
    QVERIFY(!capped->hasValue());
    QCOMPARE(capped->error().kind, GatewayError::Kind::TooLarge);
    QCOMPARE(sim.requestCount(), 1);

    // The same page fits under the default cap.
    client.setMaxBodyBytes(GatewayClient::kDefaultMaxBodyBytes);
    const auto page = listPage(client, query);
    QVERIFY2(page && page->hasValue(), why(page));
    QCOMPARE(page->value().jobs.size(), 36);
}

QTEST_GUILESS_MAIN(tst_ClientSimulator)
#include "tst_clientsimulator.moc"
