#include "loopbackhttpserver.h"
#include "wire/httptransport.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <vector>

using namespace bw;
using namespace bw::test;

Q_DECLARE_METATYPE(bw::HttpTransport::Kind)

namespace {

using Server = LoopbackHttpServer;

int connectionsAccepted(const Server &server)
{
    return server.openConnections() + server.closedConnections();
}

HttpExchangeRequest get(const QUrl &url)
{
    HttpExchangeRequest request;
    request.verb = "GET";
    request.url = url;
    request.headers.emplaceBack("Accept", "application/json");
    return request;
}

} // namespace

// The contract of wire/httptransport.h, held by both transports (one data row each): what
// GatewayClient relies on beyond what tst_gatewayclient checks through the client.
class tst_HttpTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsConnectionsAliveAcrossExchanges_data() { kinds(); }
    void keepsConnectionsAliveAcrossExchanges();
    void reportsARedirectAndFollowsItOnlyWhenAsked_data() { kinds(); }
    void reportsARedirectAndFollowsItOnlyWhenAsked();
    void abortFinishesAtOnce_data() { kinds(); }
    void abortFinishesAtOnce();
    void deletingAnExchangeSignalsNothing_data() { kinds(); }
    void deletingAnExchangeSignalsNothing();
    void sendsHeadersAndThePostBodyAsGiven_data() { kinds(); }
    void sendsHeadersAndThePostBodyAsGiven();
    void readsStatusReasonAndHeadersWhateverTheirCase_data() { kinds(); }
    void readsStatusReasonAndHeadersWhateverTheirCase();

private:
    static void kinds()
    {
        QTest::addColumn<HttpTransport::Kind>("kind");
        QTest::newRow("qnam") << HttpTransport::Kind::Qnam;
        QTest::newRow("curl") << HttpTransport::Kind::Curl;
    }
    std::unique_ptr<HttpTransport> transport()
    {
        QFETCH(HttpTransport::Kind, kind);
        return HttpTransport::create(kind, &m_nam);
    }

    QNetworkAccessManager m_nam;
};

void tst_HttpTransport::initTestCase()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    qputenv("no_proxy", "127.0.0.1,localhost");
}

void tst_HttpTransport::keepsConnectionsAliveAcrossExchanges()
{
    Server server;
    QVERIFY(server.listen());
    server.setHandler([](const Server::Request &request) {
        return Server::Response::json(200, "{\"path\":\"" + request.path() + "\"}");
    });
    auto http = transport();

    // 40 exchanges, 4 at a time, each next one started from the previous one's finished().
    constexpr int total = 40;
    constexpr int inFlight = 4;
    int started = 0;
    int answered = 0;
    std::vector<std::unique_ptr<HttpExchange>> exchanges;
    std::function<void()> startNext = [&] {
        const int n = started++;
        QString error;
        exchanges.push_back(http->start(
                get(server.baseUrl().resolved(QUrl(QStringLiteral("/job/%1").arg(n)))), &error));
        HttpExchange *exchange = exchanges.back().get();
        QVERIFY2(exchange, qPrintable(error));
        connect(exchange, &HttpExchange::finished, this, [&, exchange, n] {
            QByteArray body = exchange->readAll();
            if (exchange->failure() == HttpExchange::Failure::None && exchange->status() == 200
                && body.contains(QByteArray("/job/" + QByteArray::number(n))))
                ++answered;
            if (started < total)
                startNext();
        });
    };
    for (int i = 0; i < inFlight; ++i)
        startNext();
    QTRY_COMPARE(server.requestCount(), total);
    QTRY_COMPARE(answered, total);
    QVERIFY2(connectionsAccepted(server) <= inFlight,
             qPrintable(QStringLiteral("%1 connections for %2 exchanges")
                                .arg(connectionsAccepted(server))
                                .arg(total)));
}

void tst_HttpTransport::reportsARedirectAndFollowsItOnlyWhenAsked()
{
    Server server;
    QVERIFY(server.listen());
    server.setHandler([](const Server::Request &request) {
        if (request.path() == "/from")
            return Server::Response::redirect(307, "/to");
        return Server::Response::json(200, "{\"at\":\"to\"}");
    });
    auto http = transport();
    QString error;
    auto exchange
            = http->start(get(server.baseUrl().resolved(QUrl(QStringLiteral("/from")))), &error);
    QVERIFY(exchange);
    QSignalSpy redirected(exchange.get(), &HttpExchange::redirected);
    QSignalSpy finished(exchange.get(), &HttpExchange::finished);
    QVERIFY(redirected.wait());
    QCOMPARE(redirected.constFirst().at(0).toInt(), 307);
    QCOMPARE(server.baseUrl().resolved(redirected.constFirst().at(1).toUrl()),
             server.baseUrl().resolved(QUrl(QStringLiteral("/to"))));
    QCOMPARE(server.requestCount(), 1); // not followed on its own
    QCOMPARE(finished.count(), 0);

    exchange->followRedirect();
    QVERIFY(finished.wait());
    // Followed to /to, and only now. Qt 6.4's HTTP layer may send a GET again by itself when the
    // server closed a kept-alive connection first (seen in CI: /from twice, or /to twice), so
    // the count is not exact; the last request is the redirect's target.
    QVERIFY2(server.requestCount() >= 2, qPrintable(QString::number(server.requestCount())));
    QCOMPARE(server.requests().last().path(), QByteArray("/to"));
    QCOMPARE(exchange->failure(), HttpExchange::Failure::None);
    QCOMPARE(exchange->status(), 200);
    QCOMPARE(exchange->readAll(), QByteArray("{\"at\":\"to\"}"));
}

void tst_HttpTransport::abortFinishesAtOnce()
{
    Server server;
    QVERIFY(server.listen());
    server.respondWith(Server::Response::hang());
    auto http = transport();
    QString error;
    auto exchange = http->start(get(server.baseUrl().resolved(QUrl(QStringLiteral("/x")))), &error);
    QVERIFY(exchange);
    QSignalSpy finished(exchange.get(), &HttpExchange::finished);
    QTRY_COMPARE(server.requestCount(), 1);
    exchange->abort();
    QCOMPARE(finished.count(), 1);
    QVERIFY(exchange->isFinished());
    QCOMPARE(exchange->failure(), HttpExchange::Failure::Aborted);
    exchange->abort();
    QCOMPARE(finished.count(), 1);
}

void tst_HttpTransport::deletingAnExchangeSignalsNothing()
{
    Server server;
    QVERIFY(server.listen());
    server.respondWith(Server::Response::json(200, "{}").withDelay(50));
    auto http = transport();
    QString error;
    auto exchange = http->start(get(server.baseUrl().resolved(QUrl(QStringLiteral("/x")))), &error);
    QVERIFY(exchange);
    int emitted = 0;
    for (auto signal :
         {&HttpExchange::finished, &HttpExchange::headReceived, &HttpExchange::readyRead}) {
        connect(exchange.get(), signal, this, [&emitted] { ++emitted; });
    }
    QTRY_COMPARE(server.requestCount(), 1);
    exchange.reset();
    // A later exchange on the same transport still works (and sees nothing of the first).
    auto second = http->start(get(server.baseUrl().resolved(QUrl(QStringLiteral("/y")))), &error);
    QVERIFY(second);
    QSignalSpy finished(second.get(), &HttpExchange::finished);
    QVERIFY(finished.wait());
    QCOMPARE(second->status(), 200);
    QCOMPARE(emitted, 0);
}

void tst_HttpTransport::sendsHeadersAndThePostBodyAsGiven()
{
    Server server;
    QVERIFY(server.listen());
    server.respondWith(Server::Response::json(200, "{}"));
    auto http = transport();
    HttpExchangeRequest request = get(server.baseUrl().resolved(QUrl(QStringLiteral("/a%2Fb"))));
    request.verb = "POST";
    request.body = "{\"k\":1}";
    request.headers.emplaceBack("x-bf-vk", "sk-test");
    QString error;
    auto exchange = http->start(request, &error);
    QVERIFY(exchange);
    QSignalSpy finished(exchange.get(), &HttpExchange::finished);
    QVERIFY(finished.wait());
    QCOMPARE(server.requestCount(), 1);
    const Server::Request &seen = server.requests().constFirst();
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.target, QByteArray("/a%2Fb"));
    QCOMPARE(seen.body, QByteArray("{\"k\":1}"));
    QCOMPARE(seen.header("x-bf-vk"), QByteArray("sk-test"));
    QCOMPARE(seen.header("Accept"), QByteArray("application/json"));
    QCOMPARE(seen.header("Content-Type"), QByteArray("application/json"));
}

void tst_HttpTransport::readsStatusReasonAndHeadersWhateverTheirCase()
{
    Server server;
    QVERIFY(server.listen());
    server.respondWith(Server::Response::json(404, "{\"message\":\"no\"}")
                               .withHeader("X-Amzn-ErrorType", "ResourceNotFoundException"));
    auto http = transport();
    QString error;
    auto exchange = http->start(get(server.baseUrl().resolved(QUrl(QStringLiteral("/x")))), &error);
    QVERIFY(exchange);
    QSignalSpy head(exchange.get(), &HttpExchange::headReceived);
    QSignalSpy finished(exchange.get(), &HttpExchange::finished);
    QVERIFY(finished.wait());
    QCOMPARE(head.count(), 1);
    QCOMPARE(exchange->failure(), HttpExchange::Failure::None);
    QCOMPARE(exchange->status(), 404);
    QCOMPARE(exchange->reasonPhrase(), QByteArray("Not Found"));
    QCOMPARE(exchange->header("x-amzn-errortype"), QByteArray("ResourceNotFoundException"));
    QCOMPARE(exchange->contentLength(), qint64(16));
    QCOMPARE(exchange->readAll(), QByteArray("{\"message\":\"no\"}"));
}

QTEST_GUILESS_MAIN(tst_HttpTransport)
#include "tst_httptransport.moc"
