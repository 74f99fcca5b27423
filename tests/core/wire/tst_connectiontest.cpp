// ConnectionTest: what "Test connection" finds, in words, without a socket.

#include "wire/connectiontest.h"

#include "fakenetworkaccessmanager.h"
#include "fixtures.h"
#include "wire/gatewayclient.h"

#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>

using namespace bw;
using namespace bw::test;

class tst_ConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsAWorkingGateway();
    void saysTheKeyWasRejected();
    void saysWhenOnlyTheListLetsTheProfileIn_data();
    void saysWhenOnlyTheListLetsTheProfileIn();
    void saysWhenTheGatewayIsUnreachable();
    void refusesAnUnusableProfileWithoutARequest();
    void runsOnAGivenClient();
    void endsWhenTheGivenClientGoesAway();
    void reportsTheNativeApiPerProvider();
};

namespace {

GatewayProfile profile(AuthMode auth = AuthMode::None)
{
    GatewayProfile p;
    p.id = QStringLiteral("p");
    p.name = QStringLiteral("Test");
    p.baseUrl = QUrl(QStringLiteral("http://gw.test:8080/ai"));
    p.authMode = auth;
    return p;
}

enum class KeyOn { EveryRoute, RetrieveOnly };

// A Bifrost-like gateway: /health ok, the list route, the singular retrieve route; a 401 when
// `requiredKey` is set and not sent, from every route or only from the retrieve route.
void serveGateway(FakeNetworkAccessManager &nam, const QByteArray &requiredKey = {},
                  KeyOn keyOn = KeyOn::EveryRoute)
{
    nam.setHandler([requiredKey, keyOn](const FakeRequest &r) {
        const QByteArray path = r.encodedPath();
        if (path == "/ai/health")
            return FakeResponse::json(200, R"({"status":"ok"})");
        const bool guarded = keyOn == KeyOn::EveryRoute
                             || path.startsWith("/ai/bedrock/model-invocation-job/");
        if (guarded && !requiredKey.isEmpty() && r.header("x-bf-vk") != requiredKey)
            return FakeResponse::json(
                    401, fixture(QStringLiteral("error-401-virtual-key-required.json")));
        if (path == "/ai/bedrock/model-invocation-jobs")
            return FakeResponse::json(200, fixture(QStringLiteral("list-bifrost-converted.json")));
        if (path.startsWith("/ai/bedrock/model-invocation-job/"))
            return FakeResponse::json(200, fixture(QStringLiteral("retrieve-completed.json")));
        return FakeResponse::text(404, "text/html", "<html>not found</html>");
    });
}

QString allText(const ConnectionTest::Result &r)
{
    QStringList lines;
    for (const ConnectionTest::Step &s : r.steps)
        lines << s.text;
    return lines.join(u'\n');
}

} // namespace

void tst_ConnectionTest::reportsAWorkingGateway()
{
    FakeNetworkAccessManager nam;
    serveGateway(nam);
    ConnectionTest test(&nam);
    QSignalSpy steps(&test, &ConnectionTest::stepAdded);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(profile());
    QVERIFY(test.isRunning());
    QVERIFY(finished.wait(10000));
    const ConnectionTest::Result &r = test.result();
    const QString all = allText(r);
    QVERIFY2(finished.constFirst().constFirst().toBool(), qPrintable(all));
    QVERIFY(r.ok());
    QVERIFY(r.reachable);
    QCOMPARE(r.keyAccepted, std::optional<bool>(true));
    QCOMPARE(r.jobsVisible, std::optional<int>(5));
    QCOMPARE(r.detectedRoute, std::optional<RouteStyle>(RouteStyle::Singular));
    QCOMPARE(steps.size(), r.steps.size());
    const QStringList expected{
            QStringLiteral("Reachable: /health answered “ok”."),
            QStringLiteral("Access granted without a key."),
            QStringLiteral("5 jobs visible."),
            QStringLiteral("Route style detected: singular (/bedrock/model-invocation-job/…)."),
            QStringLiteral("The gateway does not answer Bifrost's native batch API: only Bedrock "
                           "jobs can be watched, with what the Bedrock-format route reports."),
            QStringLiteral("The connection works.")};
    QCOMPARE(all, expected.join(u'\n'));
    QCOMPARE(r.nativeApi, std::optional<bool>(false));
}

void tst_ConnectionTest::reportsTheNativeApiPerProvider()
{
    FakeNetworkAccessManager nam;
    QStringList asked;
    nam.setHandler([&asked](const FakeRequest &r) {
        const QByteArray path = r.encodedPath();
        if (path == "/ai/health")
            return FakeResponse::json(200, R"({"status":"ok"})");
        if (path == "/ai/bedrock/model-invocation-jobs")
            return FakeResponse::json(200, fixture(QStringLiteral("list-bifrost-converted.json")));
        if (path.startsWith("/ai/bedrock/model-invocation-job/"))
            return FakeResponse::json(200, fixture(QStringLiteral("retrieve-completed.json")));
        if (path != "/ai/v1/batches")
            return FakeResponse::text(404, "text/html", "<html>not found</html>");
        const QString provider = QUrlQuery(r.url).queryItemValue(QStringLiteral("provider"));
        asked.append(provider);
        if (provider == u"bedrock")
            return FakeResponse::json(
                    200, fixture(QStringLiteral("../bifrost-native/list-bedrock.json")));
        if (provider == u"openai")
            return FakeResponse::json(
                    200, fixture(QStringLiteral("../bifrost-native/list-openai-page1.json")));
        return FakeResponse::json(
                500, R"({"is_bifrost_error":false,"error":{"message":"provider not configured"}})");
    });
    GatewayProfile p = profile();
    p.providers = {QStringLiteral("bedrock"), QStringLiteral("openai"), QStringLiteral("vertex")};
    ConnectionTest test(&nam);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(p);
    QVERIFY(finished.wait(10000));
    const ConnectionTest::Result &r = test.result();
    QVERIFY2(r.ok(), qPrintable(allText(r))); // native problems warn, never fail
    QCOMPARE(asked, p.providers);
    QCOMPARE(r.nativeApi, std::optional<bool>(true));
    QCOMPARE(r.nativeProviders, (QStringList{QStringLiteral("bedrock"), QStringLiteral("openai")}));
    QCOMPARE(r.nativeProvidersFailed, QStringList{QStringLiteral("vertex")});
    QVERIFY(allText(r).contains(QStringLiteral("does not list vertex batches")));
}

void tst_ConnectionTest::saysTheKeyWasRejected()
{
    FakeNetworkAccessManager nam;
    serveGateway(nam, "sk-bf-right");
    ConnectionTest test(&nam);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(profile(AuthMode::VirtualKey), QStringLiteral("sk-bf-wrong"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    const ConnectionTest::Result &r = test.result();
    QVERIFY(r.reachable);
    QCOMPARE(r.keyAccepted, std::optional<bool>(false));
    QVERIFY(r.keyRejected);
    const QString all = allText(r);
    QVERIFY2(all.contains(u"The gateway rejected this key (HTTP 401 virtual_key_required)"),
             qPrintable(all));
    QVERIFY2(all.contains(u"virtual key is required"), qPrintable(all)); // the gateway's words
    QVERIFY(!all.contains(u"sk-bf-wrong"));

    // The right key passes.
    test.start(profile(AuthMode::VirtualKey), QStringLiteral("sk-bf-right"));
    QVERIFY(finished.wait(10000));
    QVERIFY2(test.result().ok(), qPrintable(allText(test.result())));
    QVERIFY(allText(test.result()).contains(u"Key accepted."));
}

void tst_ConnectionTest::saysWhenOnlyTheListLetsTheProfileIn_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("no key") << int(AuthMode::None) << QString()
                            << QStringLiteral("Reading a job needs a key: ");
    QTest::newRow("wrong key") << int(AuthMode::VirtualKey) << QStringLiteral("sk-bf-wrong")
                               << QStringLiteral("The key lists jobs but may not read one: ");
}

// A gateway whose list route is open but whose retrieve route wants a key: the test must not
// end on "works" after "Key accepted." — batchwatch reads jobs, so the key is not good enough.
void tst_ConnectionTest::saysWhenOnlyTheListLetsTheProfileIn()
{
    QFETCH(int, auth);
    QFETCH(QString, secret);
    QFETCH(QString, sentence);
    FakeNetworkAccessManager nam;
    serveGateway(nam, "sk-bf-right", KeyOn::RetrieveOnly);
    ConnectionTest test(&nam);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(profile(AuthMode(auth)), secret);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    const ConnectionTest::Result &r = test.result();
    QCOMPARE(r.keyAccepted, std::optional<bool>(false));
    QCOMPARE(r.keyRejected, !secret.isEmpty());
    const QString all = allText(r);
    QVERIFY2(all.contains(sentence), qPrintable(all));
    QVERIFY2(all.contains(u"The connection does not work yet."), qPrintable(all));
    QVERIFY2(!all.contains(u"Route style detected"), qPrintable(all));
    QVERIFY(!all.contains(u"sk-bf-wrong"));
}

void tst_ConnectionTest::saysWhenTheGatewayIsUnreachable()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::failure(QNetworkReply::ConnectionRefusedError,
                                          QStringLiteral("Connection refused")));
    ConnectionTest test(&nam);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(profile());
    QVERIFY(finished.wait(10000));
    const ConnectionTest::Result &r = test.result();
    QVERIFY(!r.ok());
    QVERIFY(!r.reachable);
    QVERIFY2(r.steps.constFirst().text.startsWith(u"Not reachable: "),
             qPrintable(r.steps.constFirst().text));
    QCOMPARE(r.steps.constLast().text, QStringLiteral("The connection does not work yet."));
    QCOMPARE(nam.requestCount(), 1); // nothing more is tried
}

void tst_ConnectionTest::refusesAnUnusableProfileWithoutARequest()
{
    FakeNetworkAccessManager nam;
    ConnectionTest test(&nam);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    GatewayProfile p = profile();
    p.baseUrl = QUrl(QStringLiteral("ftp://gw.test"));
    test.start(p);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!test.isRunning());
    QCOMPARE(test.result().steps.size(), 1);
    QCOMPARE(test.result().steps.constFirst().check, ConnectionTest::Check::Profile);
    QVERIFY(test.result().steps.constFirst().text.contains(u"http://"));
    QCOMPARE(nam.requestCount(), 0);
}

void tst_ConnectionTest::runsOnAGivenClient()
{
    FakeNetworkAccessManager nam;
    serveGateway(nam, "sk-bf-right");
    GatewayClient client(&nam);
    GatewayProfile p = profile(AuthMode::VirtualKey);
    p.detectedRoute = RouteStyle::Plural; // remembered wrongly: probed afresh
    client.setProfile(p);
    client.setSecret(QStringLiteral("sk-bf-right"));
    ConnectionTest test(nullptr);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(&client);
    QVERIFY(finished.wait(10000));
    QVERIFY2(test.result().ok(), qPrintable(allText(test.result())));
    QCOMPARE(test.result().detectedRoute, std::optional<RouteStyle>(RouteStyle::Singular));
}

void tst_ConnectionTest::endsWhenTheGivenClientGoesAway()
{
    // The session's client goes (its profile removed) while "Test connection" waits for it:
    // the test ends, not working, instead of a spinner that never stops.
    FakeNetworkAccessManager nam;
    serveGateway(nam);
    auto *client = new GatewayClient(&nam);
    client->setProfile(profile());
    ConnectionTest test(nullptr);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    test.start(client);
    QVERIFY(test.isRunning());
    delete client;
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QVERIFY(!test.isRunning());
    QVERIFY(test.result().finished);
    QVERIFY(!test.result().ok());
}

QTEST_GUILESS_MAIN(tst_ConnectionTest)
#include "tst_connectiontest.moc"
