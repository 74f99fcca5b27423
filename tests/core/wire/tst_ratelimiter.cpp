#include "fixtures.h"
#include "loopbackhttpserver.h"
#include "wire/gatewayclient.h"
#include "wire/ratelimiter.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::test;
using namespace Qt::StringLiterals;

namespace {

// Sends three retrieves at once through `client`: `atOnce` of them reach `server` at once, the
// rest wait their turn, and all three succeed in the end.
void threeRetrievesGoOutAtThePace(GatewayClient &client, const LoopbackHttpServer &server,
                                  int atOnce, QObject *context)
{
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < 3; ++i) {
        client.retrieve(u"k3x9p2m7q1ab"_s, context,
                        [&ok, &failed](Expected<RetrieveResult> r) { ++(r ? ok : failed); });
    }
    QTRY_COMPARE(server.requestCount(), atOnce);
    QVERIFY(ok <= atOnce);
    QCOMPARE(server.requestCount(), atOnce);
    QTRY_COMPARE_WITH_TIMEOUT(ok, 3, 10000);
    QCOMPARE(failed, 0);
}

} // namespace

class tst_RateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void letsABurstGoThenSpacesRequests();
    void refillsWithTimeUpToTheBurst();
    void queuesInOrderInsteadOfRefusing();
    void zeroMeansNoLimit();
    void clientQueuesRequestsOverTheRate();
    void clientTakesTheCeilingOfItsProfile();
    void anExplicitRateWinsOverTheProfile();
};

void tst_RateLimiter::letsABurstGoThenSpacesRequests()
{
    qint64 now = 1000;
    RateLimiter limiter;
    limiter.setRate(10, 3);
    limiter.setClock([&now] { return now; });
    QCOMPARE(limiter.reserve(), 0);
    QCOMPARE(limiter.reserve(), 0);
    QCOMPARE(limiter.reserve(), 0);
    QCOMPARE(limiter.reserve(), 100); // 10/s: one slot every 100 ms
    QCOMPARE(limiter.reserve(), 200);
}

void tst_RateLimiter::refillsWithTimeUpToTheBurst()
{
    qint64 now = 0;
    RateLimiter limiter;
    limiter.setRate(10, 2);
    limiter.setClock([&now] { return now; });
    QCOMPARE(limiter.reserve(), 0);
    QCOMPARE(limiter.reserve(), 0);
    QCOMPARE(limiter.reserve(), 100);
    now += 10'000; // a long quiet spell refills only up to the burst
    QCOMPARE(limiter.reserve(), 0);
    QCOMPARE(limiter.reserve(), 0);
    QCOMPARE(limiter.reserve(), 100);
}

void tst_RateLimiter::queuesInOrderInsteadOfRefusing()
{
    qint64 now = 0;
    RateLimiter limiter; // the default ceiling
    limiter.setClock([&now] { return now; });
    QCOMPARE(limiter.ratePerSecond(), RateLimiter::kDefaultRatePerSecond);
    // 1,000 requests asked for at the same instant (an interval of 0.01 s on 50 jobs, say).
    qint64 last = -1;
    for (int i = 0; i < 1000; ++i) {
        const qint64 wait = limiter.reserve();
        QVERIFY(wait >= last); // first come, first served
        last = wait;
    }
    // They go out no faster than the ceiling: 1,000 at 20/s after a burst of 20 take 49 s.
    QCOMPARE(last, 49'000);
}

void tst_RateLimiter::zeroMeansNoLimit()
{
    qint64 now = 0;
    RateLimiter limiter;
    limiter.setRate(0);
    limiter.setClock([&now] { return now; });
    for (int i = 0; i < 10'000; ++i)
        QCOMPARE(limiter.reserve(), 0);
}

void tst_RateLimiter::clientQueuesRequestsOverTheRate()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body = fixture(u"retrieve-completed.json"_s);
    BW_RETURN_IF_FAILED();
    server.respondWith(LoopbackHttpServer::Response::json(200, body));
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    GatewayClient client(&nam);
    GatewayProfile p;
    p.id = u"t"_s;
    p.baseUrl = server.baseUrl();
    p.routeStyle = RouteStyle::Singular;
    client.setProfile(p);
    client.rateLimiter().setRate(2, 1); // one at once, then one every 500 ms
    // The other two wait their turn (500 and 1,000 ms) instead of going out at once.
    threeRetrievesGoOutAtThePace(client, server, 1, this);
}

void tst_RateLimiter::clientTakesTheCeilingOfItsProfile()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body = fixture(u"retrieve-completed.json"_s);
    BW_RETURN_IF_FAILED();
    server.respondWith(LoopbackHttpServer::Response::json(200, body));
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    GatewayClient client(&nam);
    QCOMPARE(client.maxRequestRate(), RateLimiter::kDefaultRatePerSecond);
    GatewayProfile p;
    p.id = u"t"_s;
    p.baseUrl = server.baseUrl();
    p.routeStyle = RouteStyle::Singular;
    p.maxRequestsPerSecond = 2; // a burst of 2, then one every 500 ms
    client.setProfile(p);
    QCOMPARE(client.maxRequestRate(), 2.0);
    // The third waits its turn (500 ms) instead of going out with the others, as it would at
    // the default ceiling of 20.
    threeRetrievesGoOutAtThePace(client, server, 2, this);
    BW_RETURN_IF_FAILED();

    // 0: no ceiling. A profile saved again with it lifts the ceiling for the next requests.
    p.maxRequestsPerSecond = 0;
    client.setProfile(p);
    QCOMPARE(client.maxRequestRate(), 0.0);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(client.rateLimiter().reserve(), 0);
}

void tst_RateLimiter::anExplicitRateWinsOverTheProfile()
{
    QNetworkAccessManager nam;
    GatewayClient client(&nam);
    GatewayProfile p;
    p.maxRequestsPerSecond = 5;
    client.setProfile(p);
    QCOMPARE(client.maxRequestRate(), 5.0);
    // batchwatch-cli --max-rate: set before or after the profile, it stays.
    client.setMaxRequestRate(50);
    QCOMPARE(client.maxRequestRate(), 50.0);
    p.maxRequestsPerSecond = 1;
    client.setProfile(p);
    QCOMPARE(client.maxRequestRate(), 50.0);
    GatewayClient other(&nam);
    other.setMaxRequestRate(0);
    other.setProfile(p);
    QCOMPARE(other.maxRequestRate(), 0.0);
}

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
