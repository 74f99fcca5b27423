#include "fixtures.h"
#include "gatewayerrors.h"
#include "loopbackhttpserver.h"
#include "wire/gatewayclient.h"
#include "wire/retrypolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTimer>
#include <QtTest>

#include <memory>
#include <optional>

using namespace bw;
using namespace bw::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(bw::GatewayError::Kind)

namespace {

const QString kId = u"k3x9p2m7q1ab"_s;
using Response = LoopbackHttpServer::Response;

// A profile of the gateway at `baseUrl` using the singular routes only (no route probe).
GatewayProfile singularProfile(const QUrl &baseUrl)
{
    GatewayProfile p;
    p.id = u"t"_s;
    p.baseUrl = baseUrl;
    p.routeStyle = RouteStyle::Singular;
    return p;
}

RetryPolicy fixedRandom(double value)
{
    RetryPolicy p;
    p.random = [value] {
        return value;
    };
    return p;
}

template<typename T>
QString why(const Expected<T> &result)
{
    return result ? u"success"_s : result.error().describe();
}

class LoopbackNam : public QNetworkAccessManager
{
public:
    LoopbackNam() { setProxy(QNetworkProxy::NoProxy); }
};

// Runs retries at once (next event-loop turn) and remembers the waits the policy asked for.
struct RecordingScheduler
{
    std::shared_ptr<QList<int>> waits = std::make_shared<QList<int>>();
    RetryScheduler scheduler()
    {
        return [waits = waits](int ms, QObject *context, std::function<void()> fn) {
            waits->append(ms);
            QTimer::singleShot(0, context, std::move(fn));
        };
    }
};

} // namespace

class tst_RetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retriesOnlyTransientFailures_data();
    void retriesOnlyTransientFailures();
    void backsOffExponentiallyWithFullJitter_data();
    void backsOffExponentiallyWithFullJitter();
    void honoursRetryAfterWithinTheCap_data();
    void honoursRetryAfterWithinTheCap();
    void boundsTheNumberOfAttempts();

    void succeedsAfterOneConnectionReset_data();
    void succeedsAfterOneConnectionReset();
    void waitsTheRetryAfterOfA429();
    void givesUpAfterMaxAttemptsAndSaysHowMany();
    void neverRetriesAnAnswerThatWillNotChange();
    void unreachableGatewayStaysUnreachableAfterRetries();
    void nothingRunsOnceTheContextIsGone();
};

void tst_RetryPolicy::retriesOnlyTransientFailures_data()
{
    QTest::addColumn<GatewayError>("error");
    QTest::addColumn<bool>("transient");
    QTest::newRow("network") << kindError(GatewayError::Kind::Network) << true;
    QTest::newRow("timeout") << kindError(GatewayError::Kind::Timeout) << true;
    for (int s : {429, 500, 502, 503, 504})
        QTest::addRow("HTTP %d", s) << httpError(s) << true;
    for (int s : {400, 401, 403, 404, 409, 501})
        QTest::addRow("HTTP %d", s) << httpError(s) << false;
    QTest::newRow("tls") << kindError(GatewayError::Kind::Tls) << false;
    QTest::newRow("bad body") << kindError(GatewayError::Kind::BadBody) << false;
    QTest::newRow("too large") << kindError(GatewayError::Kind::TooLarge) << false;
    QTest::newRow("redirect") << kindError(GatewayError::Kind::Redirect) << false;
    QTest::newRow("cancelled") << kindError(GatewayError::Kind::Cancelled) << false;
}

void tst_RetryPolicy::retriesOnlyTransientFailures()
{
    QFETCH(GatewayError, error);
    QFETCH(bool, transient);
    QCOMPARE(RetryPolicy::isTransient(error), transient);
    QCOMPARE(RetryPolicy().delayBeforeRetry(1, error).has_value(), transient);
}

void tst_RetryPolicy::backsOffExponentiallyWithFullJitter_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("expected");
    // base 250 ms, cap 4000 ms: ceilings 250, 500, 1000, 2000, 4000, 4000...
    QTest::newRow("no wait at 0") << 0.0 << 1 << 0;
    QTest::newRow("first, top") << 1.0 << 1 << 250;
    QTest::newRow("second, half") << 0.5 << 2 << 250;
    QTest::newRow("third, top") << 1.0 << 3 << 1000;
    QTest::newRow("fifth, capped") << 1.0 << 5 << 4000;
    QTest::newRow("ninth, capped") << 0.25 << 9 << 1000;
}

void tst_RetryPolicy::backsOffExponentiallyWithFullJitter()
{
    QFETCH(double, random);
    QFETCH(int, failures);
    QFETCH(int, expected);
    RetryPolicy p = fixedRandom(random);
    p.maxAttempts = 100;
    QCOMPARE(p.delayBeforeRetry(failures, httpError(503)), std::optional<int>(expected));
}

void tst_RetryPolicy::honoursRetryAfterWithinTheCap_data()
{
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<std::optional<int>>("expected");
    QTest::newRow("1 s") << 1 << std::optional<int>(1000);
    QTest::newRow("0 s") << 0 << std::optional<int>(0);
    QTest::newRow("at the cap") << 30 << std::optional<int>(30000);
    QTest::newRow("past the cap: give up") << 31 << std::optional<int>();
    QTest::newRow("a day: give up") << 86400 << std::optional<int>();
}

void tst_RetryPolicy::honoursRetryAfterWithinTheCap()
{
    QFETCH(int, retryAfter);
    QFETCH(std::optional<int>, expected);
    const RetryPolicy p = fixedRandom(0.9); // jitter would give something else
    QCOMPARE(p.delayBeforeRetry(1, httpError(429, retryAfter)), expected);
    QCOMPARE(p.delayBeforeRetry(1, httpError(503, retryAfter)), expected);
}

void tst_RetryPolicy::boundsTheNumberOfAttempts()
{
    RetryPolicy p;
    p.maxAttempts = 3;
    QVERIFY(p.delayBeforeRetry(1, httpError(503)).has_value());
    QVERIFY(p.delayBeforeRetry(2, httpError(503)).has_value());
    QVERIFY(!p.delayBeforeRetry(3, httpError(503)).has_value());
    QVERIFY(!RetryPolicy::none().delayBeforeRetry(1, httpError(503)).has_value());
}

// --- the driver, through a real client and a loopback gateway ----------------------------------

void tst_RetryPolicy::succeedsAfterOneConnectionReset_data()
{
    QTest::addColumn<bool>("retry");
    QTest::newRow("with retries") << true;
    QTest::newRow("without retries") << false;
}

void tst_RetryPolicy::succeedsAfterOneConnectionReset()
{
    QFETCH(bool, retry);
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    // Qt's HTTP layer resends a request once by itself when the connection dies before any
    // byte of the answer: two resets on the wire are one failed attempt of the client.
    const QByteArray body = fixture(u"retrieve-completed.json"_s);
    BW_RETURN_IF_FAILED();
    server.respondInTurn({Response::reset(), Response::reset()}, Response::json(200, body));
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(singularProfile(server.baseUrl()));
    RecordingScheduler rec;
    std::optional<Expected<RetrieveResult>> out;
    retryIdempotent<RetrieveResult>(
            retry ? RetryPolicy() : RetryPolicy::none(), this,
            [&client](QObject *ctx, std::function<void(Expected<RetrieveResult>)> done) {
                client.retrieve(kId, ctx, std::move(done));
            },
            [&out](Expected<RetrieveResult> r) { out.emplace(std::move(r)); }, rec.scheduler());
    QTRY_VERIFY(out.has_value());
    if (retry) {
        QVERIFY2(out->hasValue(), qPrintable(why(*out)));
        QCOMPARE(out->value().parsed.job.statusCode(), JobStatus::Completed);
        QCOMPARE(rec.waits->size(), 1);
    } else {
        QVERIFY(!out->hasValue());
        QCOMPARE(out->error().kind, GatewayError::Kind::Network);
        QCOMPARE(out->error().attempts, 1);
    }
}

void tst_RetryPolicy::waitsTheRetryAfterOfA429()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body = fixture(u"retrieve-completed.json"_s);
    BW_RETURN_IF_FAILED();
    server.respondInTurn({Response::throttled(1)}, Response::json(200, body));
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(singularProfile(server.baseUrl()));
    RecordingScheduler rec;
    std::optional<Expected<RetrieveResult>> out;
    retryIdempotent<RetrieveResult>(
            fixedRandom(0.0), this,
            [&client](QObject *ctx, std::function<void(Expected<RetrieveResult>)> done) {
                client.retrieve(kId, ctx, std::move(done));
            },
            [&out](Expected<RetrieveResult> r) { out.emplace(std::move(r)); }, rec.scheduler());
    QTRY_VERIFY(out.has_value());
    QVERIFY2(out->hasValue(), qPrintable(why(*out)));
    QCOMPARE(*rec.waits, QList<int>{1000});
    QCOMPARE(server.requestCount(), 2);
}

void tst_RetryPolicy::givesUpAfterMaxAttemptsAndSaysHowMany()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(Response::json(503, R"({"message":"down"})"));
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(singularProfile(server.baseUrl()));
    RecordingScheduler rec;
    RetryPolicy policy;
    policy.maxAttempts = 4;
    std::optional<Expected<RetrieveResult>> out;
    retryIdempotent<RetrieveResult>(
            policy, this,
            [&client](QObject *ctx, std::function<void(Expected<RetrieveResult>)> done) {
                client.retrieve(kId, ctx, std::move(done));
            },
            [&out](Expected<RetrieveResult> r) { out.emplace(std::move(r)); }, rec.scheduler());
    QTRY_VERIFY(out.has_value());
    QVERIFY(!out->hasValue());
    QCOMPARE(out->error().httpStatus, 503);
    QCOMPARE(out->error().attempts, 4);
    QVERIFY2(out->error().describe().contains(u"after 4 attempts"_s),
             qPrintable(out->error().describe()));
    QCOMPARE(server.requestCount(), 4);
    QCOMPARE(rec.waits->size(), 3);
}

void tst_RetryPolicy::neverRetriesAnAnswerThatWillNotChange()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(
            Response::json(404, R"({"__type":"ResourceNotFoundException","message":"no job"})"));
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(singularProfile(server.baseUrl()));
    RecordingScheduler rec;
    std::optional<Expected<RetrieveResult>> out;
    retryIdempotent<RetrieveResult>(
            RetryPolicy(), this,
            [&client](QObject *ctx, std::function<void(Expected<RetrieveResult>)> done) {
                client.retrieve(kId, ctx, std::move(done));
            },
            [&out](Expected<RetrieveResult> r) { out.emplace(std::move(r)); }, rec.scheduler());
    QTRY_VERIFY(out.has_value());
    QVERIFY(out->error().isNotFound());
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(rec.waits->isEmpty());
}

void tst_RetryPolicy::unreachableGatewayStaysUnreachableAfterRetries()
{
    QUrl base;
    {
        LoopbackHttpServer gone;
        QVERIFY(gone.listen());
        base = gone.baseUrl();
    }
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p;
    p.id = u"t"_s;
    p.baseUrl = base;
    client.setProfile(p);
    RecordingScheduler rec;
    std::optional<Expected<HealthResult>> out;
    retryIdempotent<HealthResult>(
            RetryPolicy(), this,
            [&client](QObject *ctx, std::function<void(Expected<HealthResult>)> done) {
                client.health(ctx, std::move(done));
            },
            [&out](Expected<HealthResult> r) { out.emplace(std::move(r)); }, rec.scheduler());
    QTRY_VERIFY(out.has_value());
    QVERIFY(out->error().isUnreachable());
    QCOMPARE(out->error().attempts, RetryPolicy().maxAttempts);
}

void tst_RetryPolicy::nothingRunsOnceTheContextIsGone()
{
    auto context = std::make_unique<QObject>();
    int calls = 0;
    int done = 0;
    std::function<void()> pending;
    const RetryScheduler keep = [&pending](int, QObject *, std::function<void()> fn) {
        pending = std::move(fn);
    };
    retryIdempotent<int>(
            RetryPolicy(), context.get(),
            [&calls](QObject *, std::function<void(Expected<int>)> cb) {
                ++calls;
                cb(httpError(503));
            },
            [&done](Expected<int>) { ++done; }, keep);
    QCOMPARE(calls, 1);
    QVERIFY(pending);
    context.reset();
    pending(); // the wait ended after the context died
    QCOMPARE(calls, 1);
    QCOMPARE(done, 0);
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
