#include "common/logging.h"
#include "fakenetworkaccessmanager.h"
#include "fixtures.h"
#include "loopbackhttpserver.h"
#include "outcome.h"
#include "wire/gatewayclient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTimeZone>
#include <QUrlQuery>
#include <QtNetwork/qtnetworkglobal.h>
#include <QtTest>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#endif

#include <memory>
#include <optional>

using namespace bw;
using namespace bw::test;

Q_DECLARE_METATYPE(bw::GatewayError::Kind)
Q_DECLARE_METATYPE(bw::AuthMode)
Q_DECLARE_METATYPE(bw::test::FakeResponse)

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

const QString kArn = QStringLiteral(
        "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
const QByteArray kArnEncoded = "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Amodel-invocation-"
                               "job%2Fk3x9p2m7q1ab";
const QByteArray kSingularPath = "/bedrock/model-invocation-job/" + kArnEncoded;
const QByteArray kPluralPath = "/bedrock/model-invocation-jobs/" + kArnEncoded;
const QString kSecret = QStringLiteral("sk-bf-0123456789-secret-value");
const QByteArray kBifrostUi = "<!DOCTYPE html><html lang=\"en\"><head><title>Bifrost</title></head>"
                              "<body><div id=\"root\"></div></body></html>";

GatewayProfile makeProfile(const QUrl &baseUrl, RouteStyle style = RouteStyle::Auto)
{
    GatewayProfile p;
    p.id = QStringLiteral("test");
    p.name = QStringLiteral("Test gateway");
    p.baseUrl = baseUrl;
    p.routeStyle = style;
    p.timeoutMs = 10000;
    return p;
}

GatewayProfile fakeProfile(RouteStyle style = RouteStyle::Auto)
{
    return makeProfile(QUrl(QStringLiteral("http://gw.test:8080")), style);
}

FakeResponse fixtureResponse(int status, const char *name)
{
    return FakeResponse::json(status, fixture(QString::fromLatin1(name)));
}

QByteArray listBody(const QStringList &arns, const std::optional<QString> &token)
{
    QJsonArray jobs;
    for (const QString &arn : arns)
        jobs.append(QJsonObject{
                {QStringLiteral("jobArn"), arn},
                {QStringLiteral("status"), QStringLiteral("InProgress")},
                {QStringLiteral("submitTime"), QStringLiteral("2025-03-14T09:26:53Z")}});
    QJsonObject o{{QStringLiteral("invocationJobSummaries"), jobs}};
    if (token)
        o.insert(QStringLiteral("nextToken"), *token);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString tokenOf(const FakeRequest &request)
{
    return QUrlQuery(request.url).queryItemValue(QStringLiteral("nextToken"), QUrl::FullyDecoded);
}

QStringList arnsOf(const QList<ParsedJob> &jobs)
{
    QStringList out;
    for (const ParsedJob &j : jobs)
        out << j.job.jobArn.value_or(QString());
    return out;
}

// The real network stack, talking straight to 127.0.0.1 whatever proxy the environment names.
class LoopbackNam : public QNetworkAccessManager
{
public:
    LoopbackNam() { setProxy(QNetworkProxy::NoProxy); }
};

// Retrieves kArn through `client` (callbacks in `context`) and waits for the answer; done() says
// whether it came.
std::unique_ptr<Outcome<RetrieveResult>> retrieveOnce(GatewayClient &client, QObject *context)
{
    auto out = std::make_unique<Outcome<RetrieveResult>>();
    client.retrieve(kArn, context, out->callback());
    static_cast<void>(QTest::qWaitFor([&out] { return out->done(); }));
    return out;
}

// One call of each kind (retrieve of kArn, a list page, a stop, health) through `client`,
// callbacks in `context`; true once all four were answered.
bool callEveryKind(GatewayClient &client, QObject *context)
{
    Outcome<RetrieveResult> retrieved;
    Outcome<ListPage> listed;
    Outcome<StopAck> stopped;
    Outcome<HealthResult> health;
    client.retrieve(kArn, context, retrieved.callback());
    client.listPage({}, context, listed.callback());
    client.stop(kArn, context, stopped.callback());
    client.health(context, health.callback());
    return QTest::qWaitFor(
            [&] { return retrieved.done() && listed.done() && stopped.done() && health.done(); });
}

bool isOneSentence(const QString &text)
{
    return !text.isEmpty() && !text.contains(u'\n') && text.endsWith(u'.');
}

} // namespace

class tst_GatewayClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Requests as they leave the client.
    void buildsUrlsUnderThePathPrefix_data();
    void buildsUrlsUnderThePathPrefix();
    void encodesIdentifierAsOneSegment_data();
    void encodesIdentifierAsOneSegment();
    void encodesListQueryParameters();
    void clampsMaxResults_data();
    void clampsMaxResults();
    void sendsAuthHeaderPerMode_data();
    void sendsAuthHeaderPerMode();
    void sendsProviderHeaderOnlyWhenSet();
    void usesGetForReadsAndAnEmptyPostForStop();
    void setsTimeoutAndRedirectPolicyOnEveryRequest();
    void addsCaBundleToTheTlsConfiguration();

    // Error paths.
    void reportsTransportFailures_data();
    void reportsTransportFailures();
    void timesOutWhenTheGatewayStalls();
    void reportsHttpErrors_data();
    void reportsHttpErrors();
    void neverParsesANonJsonSuccessBody_data();
    void neverParsesANonJsonSuccessBody();
    void rejectsTruncatedJson();
    void abortsWhenContentLengthExceedsTheCap();
    void abortsWhileStreamingPastTheCap();
    void readsRetryAfterInBothForms_data();
    void readsRetryAfterInBothForms();
    void unreadableCaBundleIsATlsErrorWithoutARequest();
    void cancelsTheWholeRequestOnACrossOriginRedirect();

    // Route detection.
    void detectsTheRouteAndRemembersIt_data();
    void detectsTheRouteAndRemembersIt();
    void neverRemembersAnHtmlAnswer();
    void acceptsJsonNotFoundAsEvidenceOfTheRoute_data();
    void acceptsJsonNotFoundAsEvidenceOfTheRoute();
    void routeNotFoundJsonIsNoEvidence();
    void prefersThePluralJsonErrorOverASingularPage();
    void saysTheKeyWasRejectedWhenOneWasSent_data();
    void saysTheKeyWasRejectedWhenOneWasSent();
    void neverRepeatsAKeyTheGatewayEchoes();
    void reportsTheMoreTellingAnswerWhenNoRouteAccepts_data();
    void reportsTheMoreTellingAnswerWhenNoRouteAccepts();
    void stopsProbingOnAnswersThatSayNothingAboutRoutes_data();
    void stopsProbingOnAnswersThatSayNothingAboutRoutes();
    void explicitRouteStyleUsesOnlyThatRoute_data();
    void explicitRouteStyleUsesOnlyThatRoute();
    void usesTheRouteRememberedInTheProfile();

    // Listing.
    void listAllReadsPagesUntilItMustStop_data();
    void listAllReadsPagesUntilItMustStop();
    void listAllFailsWhenAPageFails();

    // Stop and health.
    void stopReportsConflictAsHttp409WithoutRetrying();
    void stopReadsBothAcknowledgementShapes_data();
    void stopReadsBothAcknowledgementShapes();
    void healthReadsStatusAndComponents();
    void healthReports503AsHttpError();

    // Lifecycle.
    void callbacksNeverRunSynchronously_data();
    void callbacksNeverRunSynchronously();
    void countsACallOnceWhileItProbesBothRoutes();
    void abortAllCancelsEveryRequestInFlight();
    void cancellingDuringARouteProbeStopsProbing();
    void cancellingDuringThePluralProbeReportsCancelled();
    void destroyedContextGetsNoCallbackAndTheReplyIsAborted();
    void contextDestroyedAfterTheAnswerGetsNoCallback();
    void destroyingTheClientCancelsItsRequests();
    void releasesEveryReply();
    void neverLogsSecretsOrGatewayMessages();

    // The real network stack, against a loopback server.
    void sendsTheArnOnTheWireEncodedOnce();
    void sendsListTokensOnTheWireEncoded();
    void stopSendsOneEmptyPostOnTheWire();
    void doesNotFollowARedirectToAnotherOrigin_data();
    void doesNotFollowARedirectToAnotherOrigin();
    void followsASameOriginRedirect();
    void sameOriginRedirectLoopIsARedirectError_data();
    void sameOriginRedirectLoopIsARedirectError();
    void connectionResetIsANetworkError();
    void refusedConnectionIsANetworkError();
    void slowGatewayTimesOut();
    void tricklingBodyEndsAtTheDeadline();
    void endlessBodyIsAbortedWithoutBufferingIt_data();
    void endlessBodyIsAbortedWithoutBufferingIt();
    void announcedHugeBodyIsRejectedBeforeItArrives();
    void bodyAtTheDefaultCapIsAcceptedOneByteMoreIsNot_data();
    void bodyAtTheDefaultCapIsAcceptedOneByteMoreIsNot();
    void truncatedBodyIsANetworkError();
    void httpsToAPlainHttpServerIsATlsError();
    void untrustedCertificateIsATlsErrorWithItsDetails();
    void caBundleOfTheProfileTrustsASelfSignedGateway();
    void neverLogsAKeyWithEveryCategoryOn();
};

// ---------------------------------------------------------------------------------------------
// Requests as they leave the client

void tst_GatewayClient::buildsUrlsUnderThePathPrefix_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no prefix") << QStringLiteral("http://localhost:8080")
                               << QByteArray("http://localhost:8080/bedrock/model-invocation-job/"
                                             "k3x9p2m7q1ab");
    QTest::newRow("prefix") << QStringLiteral("https://gw.example.com/ai")
                            << QByteArray("https://gw.example.com/ai/bedrock/model-invocation-job/"
                                          "k3x9p2m7q1ab");
    QTest::newRow("prefix with trailing slash")
            << QStringLiteral("https://gw.example.com/ai/")
            << QByteArray("https://gw.example.com/ai/bedrock/model-invocation-job/k3x9p2m7q1ab");
    QTest::newRow("encoded prefix")
            << QStringLiteral("https://gw.example.com/team%20a/ai")
            << QByteArray("https://gw.example.com/team%20a/ai/bedrock/model-invocation-job/"
                          "k3x9p2m7q1ab");
    QTest::newRow("credentials and query in the base are dropped")
            << QStringLiteral("https://user:pass@gw.example.com:8443/ai?x=1#frag")
            << QByteArray("https://gw.example.com:8443/ai/bedrock/model-invocation-job/"
                          "k3x9p2m7q1ab");
}

void tst_GatewayClient::buildsUrlsUnderThePathPrefix()
{
    QFETCH(QString, base);
    QFETCH(QByteArray, expected);
    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    client.setProfile(makeProfile(QUrl(base), RouteStyle::Singular));

    QCOMPARE(
            client.urlFor(QStringLiteral("/bedrock/model-invocation-job/k3x9p2m7q1ab")).toEncoded(),
            expected);
    Outcome<RetrieveResult> out;
    client.retrieve(QStringLiteral("k3x9p2m7q1ab"), this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(nam.lastRequest().encodedUrl(), expected);
}

void tst_GatewayClient::encodesIdentifierAsOneSegment_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QByteArray>("segment");
    QTest::newRow("job id") << QStringLiteral("k3x9p2m7q1ab") << QByteArray("k3x9p2m7q1ab");
    QTest::newRow("ARN") << kArn << kArnEncoded;
    QTest::newRow("gov partition ARN")
            << QStringLiteral("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:model-"
                              "invocation-job/abcdefabcdef")
            << QByteArray("arn%3Aaws-us-gov%3Abedrock%3Aus-gov-west-1%3A123456789012%3Amodel-"
                          "invocation-job%2Fabcdefabcdef");
    QTest::newRow("provider id") << QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798")
                                 << QByteArray("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798");
    QTest::newRow("gateway's fake ARN")
            << QStringLiteral("arn:aws:bedrock:us-east-1:444444444444:batch:batch_67d3")
            << QByteArray("arn%3Aaws%3Abedrock%3Aus-east-1%3A444444444444%3Abatch%3Abatch_67d3");
    QTest::newRow("percent sign is encoded, not trusted")
            << QStringLiteral("a%2Fb") << QByteArray("a%252Fb");
    QTest::newRow("space, plus, question mark, unicode")
            << QStringLiteral("job 1+?\u00fc") << QByteArray("job%201%2B%3F%C3%BC");
}

void tst_GatewayClient::encodesIdentifierAsOneSegment()
{
    QFETCH(QString, identifier);
    QFETCH(QByteArray, segment);
    QCOMPARE(GatewayClient::encodeSegment(identifier).toLatin1(), segment);

    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(200, "{}"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile(RouteStyle::Singular));
    Outcome<RetrieveResult> retrieved;
    Outcome<StopAck> stopped;
    client.retrieve(identifier, this, retrieved.callback());
    client.stop(identifier, this, stopped.callback());
    QTRY_VERIFY(retrieved.done() && stopped.done());
    QCOMPARE(nam.requestCount(), 2);
    QCOMPARE(nam.requests().at(0).encodedPath(),
             QByteArray("/bedrock/model-invocation-job/" + segment));
    QCOMPARE(nam.requests().at(1).encodedPath(),
             QByteArray("/bedrock/model-invocation-job/" + segment + "/stop"));
}

void tst_GatewayClient::encodesListQueryParameters()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(200, listBody({}, std::nullopt)));
    GatewayClient client(&nam);
    client.setProfile(makeProfile(QUrl(QStringLiteral("https://gw.example.com/ai"))));

    ListQuery q;
    q.maxResults = 50;
    q.nextToken = QStringLiteral("eyJh+b/c==");
    q.statusEquals = QStringLiteral("InProgress");
    q.nameContains = QStringLiteral("nightly batch \u00fc&x=1");
    q.submitTimeAfter = QDateTime(QDate(2025, 3, 14), QTime(10, 26, 53), QTimeZone(3600));
    q.submitTimeBefore = QDateTime(QDate(2025, 3, 15), QTime(0, 0), QTimeZone::utc());
    q.sortDescending = false;
    Outcome<ListPage> out;
    client.listPage(q, this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());

    const QByteArray expectedQuery
            = "maxResults=50&nextToken=eyJh%2Bb%2Fc%3D%3D&statusEquals=InProgress"
              "&nameContains=nightly%20batch%20%C3%BC%26x%3D1"
              "&submitTimeAfter=2025-03-14T09%3A26%3A53.000Z"
              "&submitTimeBefore=2025-03-15T00%3A00%3A00.000Z&sortBy=CreationTime&sortOrder="
              "Ascending";
    QCOMPARE(nam.lastRequest().verb, QByteArray("GET"));
    QCOMPARE(nam.lastRequest().encodedPath(), QByteArray("/ai/bedrock/model-invocation-jobs"));
    QCOMPARE(nam.lastRequest().encodedQuery(), expectedQuery);
    QCOMPARE(GatewayClient::encodeListQuery(q).toLatin1(), expectedQuery);
    // The token survives the round trip through the query.
    QCOMPARE(tokenOf(nam.lastRequest()), QStringLiteral("eyJh+b/c=="));

    QCOMPARE(GatewayClient::encodeListQuery(ListQuery{}),
             QStringLiteral("maxResults=100&sortBy=CreationTime&sortOrder=Descending"));
    ListQuery empties;
    empties.nextToken = QString();
    empties.nameContains = QString();
    QCOMPARE(GatewayClient::encodeListQuery(empties),
             QStringLiteral("maxResults=100&sortBy=CreationTime&sortOrder=Descending"));
}

void tst_GatewayClient::clampsMaxResults_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<QString>("sent");
    QTest::newRow("zero") << 0 << QStringLiteral("1");
    QTest::newRow("negative") << -7 << QStringLiteral("1");
    QTest::newRow("in range") << 250 << QStringLiteral("250");
    QTest::newRow("maximum") << 1000 << QStringLiteral("1000");
    QTest::newRow("too many") << 5000 << QStringLiteral("1000");
}

void tst_GatewayClient::clampsMaxResults()
{
    QFETCH(int, asked);
    QFETCH(QString, sent);
    ListQuery q;
    q.maxResults = asked;
    QCOMPARE(QUrlQuery(GatewayClient::encodeListQuery(q))
                     .queryItemValue(QStringLiteral("maxResults")),
             sent);
}

void tst_GatewayClient::sendsAuthHeaderPerMode_data()
{
    QTest::addColumn<AuthMode>("mode");
    QTest::addColumn<QString>("customName");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    const QByteArray key = kSecret.toUtf8();
    QTest::newRow("none") << AuthMode::None << QString() << QByteArray() << QByteArray();
    QTest::newRow("bearer") << AuthMode::Bearer << QString() << QByteArray("Authorization")
                            << QByteArray("Bearer " + key);
    QTest::newRow("virtual key") << AuthMode::VirtualKey << QString() << QByteArray("x-bf-vk")
                                 << key;
    QTest::newRow("custom header") << AuthMode::CustomHeader << QStringLiteral("x-api-key")
                                   << QByteArray("x-api-key") << key;
    QTest::newRow("custom header with an invalid name")
            << AuthMode::CustomHeader << QStringLiteral("bad header:") << QByteArray()
            << QByteArray();
}

void tst_GatewayClient::sendsAuthHeaderPerMode()
{
    QFETCH(AuthMode, mode);
    QFETCH(QString, customName);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    GatewayProfile p = fakeProfile(RouteStyle::Singular);
    p.authMode = mode;
    p.customHeaderName = customName;
    client.setProfile(p);
    client.setSecret(u' ' + kSecret + u'\n'); // pasted with whitespace around it
    QVERIFY(client.hasSecret());

    QVERIFY2(callEveryKind(client, this), "not every call was answered");
    QCOMPARE(nam.requestCount(), 4);

    for (const FakeRequest &r : nam.requests()) {
        QCOMPARE(r.header("Accept"), QByteArray("application/json"));
        for (const char *name : {"Authorization", "x-bf-vk", "x-api-key"}) {
            if (header.compare(name, Qt::CaseInsensitive) == 0)
                QCOMPARE(r.header(name), value);
            else
                QVERIFY2(!r.hasHeader(name), name);
        }
        if (header.isEmpty()) {
            // No credentials anywhere: not in a header, not in the URL.
            for (const QByteArray &name : r.headerNames())
                QVERIFY2(!r.header(name).contains(kSecret.toUtf8()), name.constData());
            QVERIFY(!r.encodedUrl().contains(kSecret.toUtf8()));
        }
    }

    // A key changed between requests goes out with the next one (the client makes its headers
    // once, and again when the key or the profile changes); the old one is never sent again.
    const QString rotated = QStringLiteral("rotated-key-0123456789");
    client.setSecret(rotated);
    Outcome<RetrieveResult> after;
    client.retrieve(kArn, this, after.callback());
    QTRY_VERIFY(after.done());
    const FakeRequest last = nam.lastRequest();
    if (!header.isEmpty())
        QVERIFY(last.header(header).endsWith(rotated.toUtf8()));
    for (const QByteArray &name : last.headerNames())
        QVERIFY2(!last.header(name).contains(kSecret.toUtf8()), name.constData());
}

void tst_GatewayClient::sendsProviderHeaderOnlyWhenSet()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    GatewayProfile p = fakeProfile(RouteStyle::Singular);
    client.setProfile(p);
    Outcome<RetrieveResult> first;
    client.retrieve(kArn, this, first.callback());
    QTRY_VERIFY(first.done());
    QVERIFY(!nam.lastRequest().hasHeader("x-model-provider"));

    p.provider = QStringLiteral("openai");
    client.setProfile(p);
    Outcome<RetrieveResult> second;
    client.retrieve(kArn, this, second.callback());
    QTRY_VERIFY(second.done());
    QCOMPARE(nam.lastRequest().header("x-model-provider"), QByteArray("openai"));
}

void tst_GatewayClient::usesGetForReadsAndAnEmptyPostForStop()
{
    FakeNetworkAccessManager nam;
    nam.setRoute("/health", FakeResponse::json(200, R"({"status":"ok"})"));
    nam.respondWith(FakeResponse::json(200, "{}"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile(RouteStyle::Singular));

    QVERIFY2(callEveryKind(client, this), "not every call was answered");

    QCOMPARE(nam.requestCount(), 4);
    QCOMPARE(nam.requests().at(0).verb, QByteArray("GET"));
    QCOMPARE(nam.requests().at(0).encodedPath(), kSingularPath);
    QCOMPARE(nam.requests().at(1).verb, QByteArray("GET"));
    QCOMPARE(nam.requests().at(1).encodedPath(), QByteArray("/bedrock/model-invocation-jobs"));
    QCOMPARE(nam.requests().at(2).verb, QByteArray("POST"));
    QCOMPARE(nam.requests().at(2).encodedPath(), QByteArray(kSingularPath + "/stop"));
    QCOMPARE(nam.requests().at(2).body, QByteArray());
    QCOMPARE(nam.requests().at(3).verb, QByteArray("GET"));
    QCOMPARE(nam.requests().at(3).encodedPath(), QByteArray("/health"));
}

void tst_GatewayClient::setsTimeoutAndRedirectPolicyOnEveryRequest()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(200, "{}"));
    GatewayClient client(&nam);
    GatewayProfile p = fakeProfile();
    p.timeoutMs = 12345;
    client.setProfile(p);
    QVERIFY2(callEveryKind(client, this), "not every call was answered");
    QVERIFY(nam.requestCount() >= 4);
    for (const FakeRequest &r : nam.requests()) {
        QCOMPARE(r.request.transferTimeout(), 12345);
        QCOMPARE(r.request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::UserVerifiedRedirectPolicy));
    }
}

void tst_GatewayClient::addsCaBundleToTheTlsConfiguration()
{
#if QT_CONFIG(ssl)
    // A throwaway self-signed certificate (its key was discarded): CN=batchwatch test CA.
    const QByteArray pem = R"(-----BEGIN CERTIFICATE-----
MIIBkTCCATegAwIBAgIUW5gzHeQcSVC3MflR8EyzKo2ztLwwCgYIKoZIzj0EAwIw
HTEbMBkGA1UEAwwSYmF0Y2h3YXRjaCB0ZXN0IENBMCAXDTI2MTEyODE4MzcyOFoY
DzIxMjYxMTA0MTgzNzI4WjAdMRswGQYDVQQDDBJiYXRjaHdhdGNoIHRlc3QgQ0Ew
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARyyYOrz4g6z572fJSMgwIiMTPATq0v
JcOKaHIl9kK/RwgF7Fk3VWEKkb34WJHckFMLkpMuMST+lgyclPal0fIFo1MwUTAd
BgNVHQ4EFgQUorURX42ewsblcVL102Q8FFLMBrUwHwYDVR0jBBgwFoAUorURX42e
wsblcVL102Q8FFLMBrUwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBF
AiBj/lDLiSd/DdzQzL+MeeTJWHZoEHworfO8IeSrbtgjHwIhAOKi46bN3liiQHr1
8ZAH2bBHwg4mxYJADyhL2GXxoMJS
-----END CERTIFICATE-----
)";
    const QList<QSslCertificate> expected = QSslCertificate::fromData(pem, QSsl::Pem);
    QCOMPARE(expected.size(), 1);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(pem);
    file.close();

    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    GatewayProfile p
            = makeProfile(QUrl(QStringLiteral("https://gw.example.com")), RouteStyle::Singular);
    p.caBundlePath = file.fileName();
    client.setProfile(p);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY2(out->ok(), out->why());
    const QList<QSslCertificate> cas
            = nam.lastRequest().request.sslConfiguration().caCertificates();
    QVERIFY(cas.contains(expected.first()));
    // The system CAs are kept: the bundle adds to them.
    QVERIFY(cas.size() >= QSslConfiguration::defaultConfiguration().caCertificates().size());
#else
    QSKIP("built without TLS support");
#endif
}

// ---------------------------------------------------------------------------------------------
// Error paths

void tst_GatewayClient::reportsTransportFailures_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<GatewayError::Kind>("kind");
    QTest::newRow("refused") << QNetworkReply::ConnectionRefusedError
                             << GatewayError::Kind::Network;
    QTest::newRow("host not found")
            << QNetworkReply::HostNotFoundError << GatewayError::Kind::Network;
    QTest::newRow("closed") << QNetworkReply::RemoteHostClosedError << GatewayError::Kind::Network;
    QTest::newRow("temporary failure")
            << QNetworkReply::TemporaryNetworkFailureError << GatewayError::Kind::Network;
    QTest::newRow("proxy refused")
            << QNetworkReply::ProxyConnectionRefusedError << GatewayError::Kind::Network;
    QTest::newRow("socket timeout") << QNetworkReply::TimeoutError << GatewayError::Kind::Timeout;
    QTest::newRow("TLS handshake")
            << QNetworkReply::SslHandshakeFailedError << GatewayError::Kind::Tls;
    QTest::newRow("too many redirects")
            << QNetworkReply::TooManyRedirectsError << GatewayError::Kind::Redirect;
}

void tst_GatewayClient::reportsTransportFailures()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(GatewayError::Kind, kind);
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::failure(error));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY(!out->ok());
    QCOMPARE(out->error().kind, kind);
    QCOMPARE(out->error().httpStatus, 0);
    QVERIFY2(isOneSentence(out->error().describe()), qPrintable(out->error().describe()));
    // The gateway was not reached: a second route would not fare better.
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::timesOutWhenTheGatewayStalls()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::hang());
    GatewayClient client(&nam);
    GatewayProfile p = fakeProfile();
    p.timeoutMs = 50;
    client.setProfile(p);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::Timeout);
    QVERIFY(out->error().isRetryable());
    QVERIFY2(out->error().describe().contains(QStringLiteral("in time")),
             qPrintable(out->error().describe()));
}

void tst_GatewayClient::reportsHttpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("amznType");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("retrySeconds"); // -1: none

    const QByteArray json = "application/json";
    QTest::newRow("401 virtual key required")
            << 401 << json << fixture(QStringLiteral("error-401-virtual-key-required.json"))
            << QByteArray() << QByteArray() << QStringLiteral("virtual_key_required")
            << QStringLiteral("virtual key is required") << -1;
    QTest::newRow("404 not found")
            << 404 << json << fixture(QStringLiteral("error-404-resource-not-found.json"))
            << QByteArray() << QByteArray() << QStringLiteral("ResourceNotFoundException")
            << QStringLiteral("Could not find") << -1;
    QTest::newRow("409 conflict")
            << 409 << json
            << QByteArray(R"({"__type":"ConflictException","message":"The job cannot be stopped"})")
            << QByteArray() << QByteArray() << QStringLiteral("ConflictException")
            << QStringLiteral("cannot be stopped") << -1;
    QTest::newRow("429 with Retry-After seconds")
            << 429 << json
            << QByteArray(R"({"__type":"ThrottlingException","message":"Rate exceeded"})")
            << QByteArray("7") << QByteArray() << QStringLiteral("ThrottlingException")
            << QStringLiteral("Rate exceeded") << 7;
    QTest::newRow("429 budget exceeded, Bifrost envelope")
            << 429 << json
            << QByteArray(R"({"is_bifrost_error":true,"status_code":429,)"
                          R"("error":{"type":"budget_exceeded","message":"budget exceeded"}})")
            << QByteArray("30") << QByteArray() << QStringLiteral("budget_exceeded")
            << QStringLiteral("budget exceeded") << 30;
    QTest::newRow("500 provider failure")
            << 500 << json << fixture(QStringLiteral("error-500-provider-request-failed.json"))
            << QByteArray() << QByteArray() << QStringLiteral("InternalServerError")
            << QStringLiteral("provider API") << -1;
    QTest::newRow("503 HTML from a proxy")
            << 503 << QByteArray("text/html")
            << QByteArray("<html><head><title>503 Service Temporarily Unavailable</title></head>"
                          "<body><center><h1>503</h1></center></body></html>")
            << QByteArray("120") << QByteArray() << QString() << QStringLiteral("HTML page") << 120;
    QTest::newRow("502 plain text")
            << 502 << QByteArray("text/plain") << QByteArray("Bad Gateway\n") << QByteArray()
            << QByteArray() << QString() << QStringLiteral("Bad Gateway") << -1;
    QTest::newRow("503 empty body falls back to the reason phrase")
            << 503 << QByteArray() << QByteArray() << QByteArray() << QByteArray() << QString()
            << QStringLiteral("Service Unavailable") << -1;
    QTest::newRow("type in X-Amzn-Errortype")
            << 400 << json << QByteArray(R"({"message":"1 validation error detected"})")
            << QByteArray()
            << QByteArray("ValidationException:http://internal.amazon.com/coral/com.amazon.coral/")
            << QStringLiteral("ValidationException") << QStringLiteral("validation error") << -1;
}

void tst_GatewayClient::reportsHttpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, amznType);
    QFETCH(QString, type);
    QFETCH(QString, messagePart);
    QFETCH(int, retrySeconds);

    FakeResponse response = FakeResponse::text(status, contentType, body);
    if (!retryAfter.isEmpty())
        response.withHeader("Retry-After", retryAfter);
    if (!amznType.isEmpty())
        response.withHeader("X-Amzn-Errortype", amznType);
    FakeNetworkAccessManager nam;
    nam.respondWith(response);
    GatewayClient client(&nam);
    client.setProfile(fakeProfile(RouteStyle::Singular));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY(!out->ok());
    const GatewayError &e = out->error();
    QCOMPARE(e.kind, GatewayError::Kind::Http);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.gatewayType, type);
    QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
    QCOMPARE(e.retryAfterSeconds.value_or(-1), retrySeconds);
    const QString sentence = e.describe();
    QVERIFY2(isOneSentence(sentence), qPrintable(sentence));
    QVERIFY2(sentence.contains(QString::number(status)), qPrintable(sentence));
}

void tst_GatewayClient::neverParsesANonJsonSuccessBody_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("Bifrost web UI")
            << QByteArray("text/html; charset=utf-8") << kBifrostUi << QStringLiteral("text/html");
    QTest::newRow("job JSON labelled as text")
            << QByteArray("text/plain") << fixture(QStringLiteral("retrieve-completed.json"))
            << QStringLiteral("text/plain");
    QTest::newRow("job JSON without a Content-Type")
            << QByteArray() << fixture(QStringLiteral("retrieve-completed.json"))
            << QStringLiteral("without a Content-Type");
    QTest::newRow("empty body") << QByteArray("application/json") << QByteArray()
                                << QStringLiteral("empty");
}

void tst_GatewayClient::neverParsesANonJsonSuccessBody()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::text(200, contentType, body));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile(RouteStyle::Singular));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY2(!out->ok(), "a body that is not declared JSON was used");
    QCOMPARE(out->error().kind, GatewayError::Kind::BadBody);
    QCOMPARE(out->error().httpStatus, 200);
    QVERIFY2(out->error().message.contains(messagePart), qPrintable(out->error().message));
    QVERIFY(isOneSentence(out->error().describe()));
}

void tst_GatewayClient::rejectsTruncatedJson()
{
    const QByteArray whole = fixture(QStringLiteral("retrieve-completed.json"));
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(200, whole.left(whole.size() / 2)));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile(RouteStyle::Singular));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::BadBody);
    QVERIFY2(out->error().message.contains(QStringLiteral("not valid JSON")),
             qPrintable(out->error().message));
}

void tst_GatewayClient::abortsWhenContentLengthExceedsTheCap()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(200, QByteArray(4096, ' ')).withChunks(512));
    GatewayClient client(&nam);
    QCOMPARE(client.maxBodyBytes(), qint64(16 * 1024 * 1024));
    client.setMaxBodyBytes(1024);
    client.setProfile(fakeProfile(RouteStyle::Singular));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::TooLarge);
    QVERIFY2(out->error().message.contains(QStringLiteral("1 KiB")),
             qPrintable(out->error().message));
    QCOMPARE(nam.abortedReplies(), 1);
    QCOMPARE(nam.bytesDelivered(), 0); // stopped at the headers
}

void tst_GatewayClient::abortsWhileStreamingPastTheCap()
{
    FakeNetworkAccessManager nam;
    FakeResponse endless = FakeResponse::endless("application/json", 1024);
    endless.endlessLimit = 64 * 1024 * 1024;
    nam.respondWith(endless);
    GatewayClient client(&nam);
    client.setMaxBodyBytes(16 * 1024);
    client.setProfile(fakeProfile(RouteStyle::Singular));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::TooLarge);
    QCOMPARE(nam.abortedReplies(), 1);
    // Aborted at the first chunk past the cap, not after the whole body.
    QVERIFY2(nam.bytesDelivered() <= 16 * 1024 + 1024, QByteArray::number(nam.bytesDelivered()));
}

void tst_GatewayClient::readsRetryAfterInBothForms_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds"); // -1: nullopt
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("padded") << QByteArray(" 30 ") << 30;
    QTest::newRow("IMF-fixdate") << QByteArray("Fri, 14 Mar 2025 10:01:30 GMT") << 90;
    QTest::newRow("date in the past") << QByteArray("Fri, 14 Mar 2025 09:00:00 GMT") << 0;
    QTest::newRow("RFC 850 date") << QByteArray("Friday, 14-Mar-25 10:00:10 GMT") << 10;
    QTest::newRow("asctime date") << QByteArray("Fri Mar 14 10:00:45 2025") << 45;
    QTest::newRow("huge is capped at a day") << QByteArray("99999999999999") << 86400;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("fraction") << QByteArray("1.5") << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
}

void tst_GatewayClient::readsRetryAfterInBothForms()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const QDateTime now(QDate(2025, 3, 14), QTime(10, 0), QTimeZone::utc());
    QCOMPARE(GatewayClient::parseRetryAfter(value, now).value_or(-1), seconds);
}

void tst_GatewayClient::unreadableCaBundleIsATlsErrorWithoutARequest()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(QUrl(QStringLiteral("https://gw.example.com")));
    p.caBundlePath = QStringLiteral("/nonexistent/batchwatch/corp-ca.pem");
    client.setProfile(p);
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QCOMPARE(out.calls, 0);
    QTRY_VERIFY(out.done());
    QCOMPARE(out.error().kind, GatewayError::Kind::Tls);
    QVERIFY2(out.error().message.contains(QStringLiteral("corp-ca.pem")),
             qPrintable(out.error().message));
    QCOMPARE(nam.requestCount(), 0);
}

void tst_GatewayClient::cancelsTheWholeRequestOnACrossOriginRedirect()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, FakeResponse::redirect(302, "https://evil.example.net/steal"));
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    GatewayProfile p = fakeProfile();
    p.authMode = AuthMode::VirtualKey;
    client.setProfile(p);
    client.setSecret(kSecret);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::Redirect);
    QCOMPARE(out->error().httpStatus, 302);
    QVERIFY2(out->error().message.contains(QStringLiteral("evil.example.net")),
             qPrintable(out->error().message));
    QVERIFY(isOneSentence(out->error().describe()));
    for (const FakeRequest &r : nam.requests())
        QVERIFY2(r.url.host() != QStringLiteral("evil.example.net"), r.encodedUrl());
    // Not a route problem: the plural route is not probed either.
    QCOMPARE(nam.requestCount(), 1);
}

// ---------------------------------------------------------------------------------------------
// Route detection

void tst_GatewayClient::detectsTheRouteAndRemembersIt_data()
{
    QTest::addColumn<FakeResponse>("singularAnswer");
    QTest::addColumn<FakeResponse>("pluralAnswer");
    QTest::addColumn<RouteStyle>("route");
    QTest::addColumn<QList<QByteArray>>("probes"); // the paths the first call asked, in order
    QTest::addColumn<JobStatus>("status");
    // Bifrost: the singular route answers; the plural one is its web UI's page.
    QTest::newRow("singular (Bifrost)")
            << fixtureResponse(200, "retrieve-completed.json")
            << FakeResponse::text(200, "text/html", kBifrostUi) << RouteStyle::Singular
            << QList<QByteArray>{kSingularPath} << JobStatus::Completed;
    // A gateway that publishes the AWS document's plural route only.
    QTest::newRow("plural (published document)")
            << FakeResponse::text(404, "text/plain", "404 page not found")
            << fixtureResponse(200, "retrieve-inprogress-aws-native.json") << RouteStyle::Plural
            << QList<QByteArray>{kSingularPath, kPluralPath} << JobStatus::InProgress;
}

void tst_GatewayClient::detectsTheRouteAndRemembersIt()
{
    QFETCH(FakeResponse, singularAnswer);
    QFETCH(FakeResponse, pluralAnswer);
    QFETCH(RouteStyle, route);
    QFETCH(QList<QByteArray>, probes);
    QFETCH(JobStatus, status);
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, singularAnswer);
    nam.setRoute(kPluralPath, pluralAnswer);
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    QSignalSpy detected(&client, &GatewayClient::routeDetected);

    Outcome<RetrieveResult> first;
    client.retrieve(kArn, this, first.callback());
    QTRY_VERIFY(first.done());
    QVERIFY2(first.ok(), first.why());
    QCOMPARE(first.value().routeUsed, route);
    QCOMPARE(first.value().parsed.job.statusCode(), status);
    QVERIFY(first.value().fetchedAt.isValid());
    QCOMPARE(nam.requestCount(), probes.size());
    for (qsizetype i = 0; i < probes.size(); ++i)
        QCOMPARE(nam.requests().at(i).encodedPath(), probes.at(i));
    QCOMPARE(detected.size(), 1);
    QCOMPARE(detected.at(0).at(0).value<RouteStyle>(), route);
    QCOMPARE(client.profile().detectedRoute, route);

    // Remembered: one request, straight to that route, and no second announcement.
    Outcome<RetrieveResult> second;
    client.retrieve(kArn, this, second.callback());
    QTRY_VERIFY(second.done());
    QVERIFY(second.ok());
    QCOMPARE(nam.requestCount(), probes.size() + 1);
    QCOMPARE(nam.lastRequest().encodedPath(),
             route == RouteStyle::Singular ? kSingularPath : kPluralPath);
    QCOMPARE(detected.size(), 1);
}

void tst_GatewayClient::neverRemembersAnHtmlAnswer()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, FakeResponse::text(405, "text/plain", "Method Not Allowed"));
    nam.setRoute(kPluralPath, FakeResponse::text(200, "text/html", kBifrostUi));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    QSignalSpy detected(&client, &GatewayClient::routeDetected);

    Outcome<RetrieveResult> first;
    client.retrieve(kArn, this, first.callback());
    QTRY_VERIFY(first.done());
    QVERIFY(!first.ok());
    // The singular answer is the one reported; the HTML page is not a job.
    QCOMPARE(first.error().kind, GatewayError::Kind::Http);
    QCOMPARE(first.error().httpStatus, 405);
    QCOMPARE(nam.requestCount(), 2);
    QCOMPARE(detected.size(), 0);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);

    // Nothing was remembered: the next call probes again.
    Outcome<RetrieveResult> second;
    client.retrieve(kArn, this, second.callback());
    QTRY_VERIFY(second.done());
    QCOMPARE(nam.requestCount(), 4);
    QCOMPARE(detected.size(), 0);
}

void tst_GatewayClient::acceptsJsonNotFoundAsEvidenceOfTheRoute_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<QString>("type");
    QTest::newRow("ResourceNotFoundException")
            << QStringLiteral("error-404-resource-not-found.json")
            << QStringLiteral("ResourceNotFoundException");
    QTest::newRow("job hidden from this key")
            << QStringLiteral("error-404-batch-owned-by-other-vk.json")
            << QStringLiteral("access_blocked");
}

void tst_GatewayClient::acceptsJsonNotFoundAsEvidenceOfTheRoute()
{
    QFETCH(QString, fixtureName);
    QFETCH(QString, type);
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, FakeResponse::json(404, fixture(fixtureName)));
    nam.setRoute(kPluralPath, FakeResponse::text(200, "text/html", kBifrostUi));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    QSignalSpy detected(&client, &GatewayClient::routeDetected);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY(out->error().isNotFound());
    QCOMPARE(out->error().gatewayType, type);
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(detected.size(), 1);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Singular);
}

void tst_GatewayClient::routeNotFoundJsonIsNoEvidence()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath,
                 FakeResponse::json(404, R"({"message":"route not found","type":"not_found"})"));
    nam.setRoute(kPluralPath, fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY2(out->ok(), out->why());
    QCOMPARE(out->value().routeUsed, RouteStyle::Plural);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Plural);
}

void tst_GatewayClient::prefersThePluralJsonErrorOverASingularPage()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath,
                 FakeResponse::text(404, "text/html",
                                    "<html><head><title>Not Found</title></head></html>"));
    nam.setRoute(kPluralPath, fixtureResponse(401, "error-401-virtual-key-required.json"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY(out->error().isAuthFailure());
    QCOMPARE(out->error().gatewayType, QStringLiteral("virtual_key_required"));
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::saysTheKeyWasRejectedWhenOneWasSent_data()
{
    QTest::addColumn<AuthMode>("mode");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("rejected");
    QTest::newRow("virtual key sent") << AuthMode::VirtualKey << "sk-bf-wrong" << true;
    QTest::newRow("bearer sent") << AuthMode::Bearer << "sk-bf-wrong" << true;
    QTest::newRow("no key configured") << AuthMode::None << QString() << false;
    QTest::newRow("key mode, key missing") << AuthMode::VirtualKey << QString() << false;
}

void tst_GatewayClient::saysTheKeyWasRejectedWhenOneWasSent()
{
    // Issue 10 item 7: Bifrost answers a wrong key with "virtual key is required … via the
    // x-bf-vk header"; with a key sent, the sentence must blame the key, keeping those words.
    QFETCH(AuthMode, mode);
    QFETCH(QString, secret);
    QFETCH(bool, rejected);
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, fixtureResponse(401, "error-401-virtual-key-required.json"));
    GatewayClient client(&nam);
    GatewayProfile profile = fakeProfile(RouteStyle::Singular);
    profile.authMode = mode;
    client.setProfile(profile);
    client.setSecret(secret);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY(out->error().isAuthFailure());
    QCOMPARE(out->error().isKeyRejected(), rejected);
    const QString text = out->error().describe();
    QCOMPARE(text.startsWith(QStringLiteral("The gateway rejected this key")), rejected);
    QVERIFY2(text.contains(QStringLiteral("virtual key is required")), qPrintable(text));
}

// A careless gateway (or a proxy in front of it) echoes the key it was sent in its error: the
// error the client gives on never carries it (the CLI prints it, the app stores it).
void tst_GatewayClient::neverRepeatsAKeyTheGatewayEchoes()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath,
                 FakeResponse::json(401, R"({"error":{"message":"invalid virtual key: )"
                                                 + kSecret.toUtf8() + R"(","type":"auth_)"
                                                 + kSecret.toUtf8() + R"("},"status_code":401})"));
    GatewayClient client(&nam);
    GatewayProfile profile = fakeProfile(RouteStyle::Singular);
    profile.authMode = AuthMode::VirtualKey;
    client.setProfile(profile);
    client.setSecret(kSecret);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY(out->error().isKeyRejected());
    const QString text = out->error().describe();
    QVERIFY2(!text.contains(kSecret), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("invalid virtual key: [redacted]")), qPrintable(text));
    QVERIFY(!out->error().gatewayType.contains(kSecret));

    // The key where the readers cut a long message (300 characters of its first line): no
    // piece of it may remain either.
    const QByteArray padding(285, 'x');
    nam.setRoute(kSingularPath,
                 FakeResponse::json(403, R"({"message":")" + padding + " key " + kSecret.toUtf8()
                                                 + R"( is not allowed"})"));
    const auto cut = retrieveOnce(client, this);
    QVERIFY2(cut->done(), "no answer");
    const QString cutText = cut->error().describe() + cut->error().message;
    QVERIFY2(!cutText.contains(kSecret.left(6)), qPrintable(cutText));
}

void tst_GatewayClient::reportsTheMoreTellingAnswerWhenNoRouteAccepts_data()
{
    // Both probes run (the singular one said "not this route"); what does the user see?
    // An answer that holds whatever the route (a refusal, a server error, no answer at all)
    // beats a JSON 400 or a JSON non-job, which beats a JSON "no such route", which beats a
    // page or plain text; on a tie the singular route's answer is reported.
    QTest::addColumn<FakeResponse>("singular");
    QTest::addColumn<FakeResponse>("plural");
    QTest::addColumn<GatewayError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("messagePart"); // the error's message contains it
    QTest::addColumn<RouteStyle>("detected");

    using Kind = GatewayError::Kind;
    const FakeResponse singularRouteMiss = FakeResponse::json(
            404, R"({"message":"Route not found: GET /bedrock/model-invocation-job/x",)"
                 R"("type":"not_found"})");
    const FakeResponse pluralRouteMiss = FakeResponse::json(
            404, R"({"message":"Route not found: GET /bedrock/model-invocation-jobs/x",)"
                 R"("type":"not_found"})");
    const FakeResponse keyRequired = fixtureResponse(401, "error-401-virtual-key-required.json");
    const FakeResponse keyRequiredText = FakeResponse::text(401, "text/plain", "Unauthorized");
    const FakeResponse denied = FakeResponse::json(
            403, R"({"__type":"AccessDeniedException","message":"access blocked"})");
    FakeResponse throttled
            = FakeResponse::json(429, R"({"__type":"ThrottlingException","message":"slow down"})");
    throttled.withHeader("Retry-After", "7");
    const FakeResponse serverError = fixtureResponse(500, "error-500-provider-request-failed.json");
    const FakeResponse unavailable = FakeResponse::json(
            503, R"({"__type":"ServiceUnavailableException","message":"try later"})");
    const FakeResponse refused = FakeResponse::failure(QNetworkReply::ConnectionRefusedError);
    const FakeResponse singularInvalid = FakeResponse::json(
            400, R"({"__type":"ValidationException","message":"singular: bad identifier"})");
    const FakeResponse pluralInvalid = FakeResponse::json(
            400, R"({"__type":"ValidationException","message":"plural: bad identifier"})");
    const FakeResponse jobMissing = fixtureResponse(404, "error-404-resource-not-found.json");
    const FakeResponse htmlNotFound = FakeResponse::text(
            404, "text/html", "<html><head><title>Not Found</title></head></html>");
    const FakeResponse webUi = FakeResponse::text(200, "text/html", kBifrostUi);
    const FakeResponse proxyPage = FakeResponse::text(
            502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>");
    const FakeResponse singularText = FakeResponse::text(404, "text/plain", "404 page not found");
    const FakeResponse pluralText = FakeResponse::text(404, "text/plain", "Not Found");
    const FakeResponse singularOddJson = FakeResponse::json(200, R"({"singular":true})");
    const FakeResponse pluralOddJson = FakeResponse::json(200, R"({"plural":true})");

    // The published document's gateway without its key: the plural route refuses, the
    // singular one does not exist. "Key required", never "job not found".
    QTest::newRow("route 404 + 401 -> 401") << singularRouteMiss << keyRequired << Kind::Http << 401
                                            << QStringLiteral("virtual_key_required")
                                            << QStringLiteral("virtual key") << RouteStyle::Auto;
    QTest::newRow("route 404 + 401 text -> 401")
            << singularRouteMiss << keyRequiredText << Kind::Http << 401 << QString()
            << QStringLiteral("Unauthorized") << RouteStyle::Auto;
    QTest::newRow("route 404 + 403 -> 403") << singularRouteMiss << denied << Kind::Http << 403
                                            << QStringLiteral("AccessDeniedException")
                                            << QStringLiteral("access blocked") << RouteStyle::Auto;
    QTest::newRow("route 404 + 429 -> 429") << singularRouteMiss << throttled << Kind::Http << 429
                                            << QStringLiteral("ThrottlingException")
                                            << QStringLiteral("slow down") << RouteStyle::Auto;
    QTest::newRow("route 404 + JSON 500 -> 500") << singularRouteMiss << serverError << Kind::Http
                                                 << 500 << QStringLiteral("InternalServerError")
                                                 << QStringLiteral("provider") << RouteStyle::Auto;
    QTest::newRow("route 404 + JSON 503 -> 503")
            << singularRouteMiss << unavailable << Kind::Http << 503
            << QStringLiteral("ServiceUnavailableException") << QStringLiteral("try later")
            << RouteStyle::Auto;
    QTest::newRow("route 404 + refused -> network")
            << singularRouteMiss << refused << Kind::Network << 0 << QString() << QString()
            << RouteStyle::Auto;
    QTest::newRow("page 404 + 401 text -> 401")
            << htmlNotFound << keyRequiredText << Kind::Http << 401 << QString()
            << QStringLiteral("Unauthorized") << RouteStyle::Auto;
    QTest::newRow("JSON 400 + 401 -> 401") << singularInvalid << keyRequired << Kind::Http << 401
                                           << QStringLiteral("virtual_key_required")
                                           << QStringLiteral("virtual key") << RouteStyle::Auto;
    // The plural route exists and says the job does not: that is the answer (and the route).
    QTest::newRow("route 404 + job 404 -> job 404, plural remembered")
            << singularRouteMiss << jobMissing << Kind::Http << 404
            << QStringLiteral("ResourceNotFoundException") << QString() << RouteStyle::Plural;
    // The API turning the request down on one route beats "no such route" and pages.
    QTest::newRow("route 404 + JSON 400 -> plural 400")
            << singularRouteMiss << pluralInvalid << Kind::Http << 400
            << QStringLiteral("ValidationException") << QStringLiteral("plural: bad identifier")
            << RouteStyle::Auto;
    QTest::newRow("JSON 400 + route 404 -> singular 400")
            << singularInvalid << pluralRouteMiss << Kind::Http << 400
            << QStringLiteral("ValidationException") << QStringLiteral("singular: bad identifier")
            << RouteStyle::Auto;
    QTest::newRow("JSON 400 + Bifrost UI -> singular 400")
            << singularInvalid << webUi << Kind::Http << 400
            << QStringLiteral("ValidationException") << QStringLiteral("singular: bad identifier")
            << RouteStyle::Auto;
    QTest::newRow("JSON 400 + JSON 400 -> singular 400")
            << singularInvalid << pluralInvalid << Kind::Http << 400
            << QStringLiteral("ValidationException") << QStringLiteral("singular: bad identifier")
            << RouteStyle::Auto;
    QTest::newRow("route 404 + JSON non-job -> plural bad body")
            << singularRouteMiss << pluralOddJson << Kind::BadBody << 200 << QString() << QString()
            << RouteStyle::Auto;
    QTest::newRow("JSON non-job + route 404 -> singular bad body")
            << singularOddJson << pluralRouteMiss << Kind::BadBody << 200 << QString() << QString()
            << RouteStyle::Auto;
    // The API's "no such route" beats a page or plain text.
    QTest::newRow("route 404 + Bifrost UI -> singular route 404")
            << singularRouteMiss << webUi << Kind::Http << 404 << QStringLiteral("not_found")
            << QStringLiteral("model-invocation-job/") << RouteStyle::Auto;
    QTest::newRow("route 404 + proxy 502 page -> singular route 404")
            << singularRouteMiss << proxyPage << Kind::Http << 404 << QStringLiteral("not_found")
            << QStringLiteral("model-invocation-job/") << RouteStyle::Auto;
    QTest::newRow("page 404 + route 404 -> plural route 404")
            << htmlNotFound << pluralRouteMiss << Kind::Http << 404 << QStringLiteral("not_found")
            << QStringLiteral("model-invocation-jobs/") << RouteStyle::Auto;
    QTest::newRow("route 404 + route 404 -> singular route 404")
            << singularRouteMiss << pluralRouteMiss << Kind::Http << 404
            << QStringLiteral("not_found") << QStringLiteral("model-invocation-job/")
            << RouteStyle::Auto;
    // Nothing but pages: the singular route's.
    QTest::newRow("text 404 + text 404 -> singular 404")
            << singularText << pluralText << Kind::Http << 404 << QString()
            << QStringLiteral("404 page not found") << RouteStyle::Auto;
    QTest::newRow("Bifrost UI + Bifrost UI -> singular bad body")
            << webUi << webUi << Kind::BadBody << 200 << QString() << QStringLiteral("HTML")
            << RouteStyle::Auto;
}

void tst_GatewayClient::reportsTheMoreTellingAnswerWhenNoRouteAccepts()
{
    QFETCH(FakeResponse, singular);
    QFETCH(FakeResponse, plural);
    QFETCH(GatewayError::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, messagePart);
    QFETCH(RouteStyle, detected);

    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, singular);
    nam.setRoute(kPluralPath, plural);
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    QSignalSpy routeSpy(&client, &GatewayClient::routeDetected);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->calls, 1);
    QVERIFY(!out->ok());
    QCOMPARE(nam.requestCount(), 2);
    QCOMPARE(nam.requests().at(0).encodedPath(), kSingularPath);
    QCOMPARE(nam.requests().at(1).encodedPath(), kPluralPath);

    const GatewayError &e = out->error();
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.gatewayType, type);
    QVERIFY2(e.message.contains(messagePart, Qt::CaseInsensitive), qPrintable(e.message));
    // A missing key or a server error must never read as a job that is gone.
    if (status != 404)
        QVERIFY(!e.isNotFound());
    if (status == 429)
        QCOMPARE(e.retryAfterSeconds, std::optional<int>(7));
    QCOMPARE(client.profile().detectedRoute, detected);
    QCOMPARE(routeSpy.size(), detected == RouteStyle::Auto ? 0 : 1);
}

void tst_GatewayClient::stopsProbingOnAnswersThatSayNothingAboutRoutes_data()
{
    QTest::addColumn<int>("mode"); // 0: refused, else an HTTP status with a JSON body
    QTest::addColumn<GatewayError::Kind>("kind");
    QTest::newRow("refused") << 0 << GatewayError::Kind::Network;
    QTest::newRow("401") << 401 << GatewayError::Kind::Http;
    QTest::newRow("403") << 403 << GatewayError::Kind::Http;
    QTest::newRow("429") << 429 << GatewayError::Kind::Http;
    QTest::newRow("500 JSON") << 500 << GatewayError::Kind::Http;
    QTest::newRow("503 JSON") << 503 << GatewayError::Kind::Http;
}

void tst_GatewayClient::stopsProbingOnAnswersThatSayNothingAboutRoutes()
{
    QFETCH(int, mode);
    QFETCH(GatewayError::Kind, kind);
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath,
                 mode == 0 ? FakeResponse::failure(QNetworkReply::ConnectionRefusedError)
                           : FakeResponse::json(mode, R"({"__type":"Whatever","message":"no"})"));
    nam.setRoute(kPluralPath, fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, kind);
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::explicitRouteStyleUsesOnlyThatRoute_data()
{
    QTest::addColumn<RouteStyle>("style");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("plural") << RouteStyle::Plural << kPluralPath;
    QTest::newRow("singular") << RouteStyle::Singular << kSingularPath;
}

void tst_GatewayClient::explicitRouteStyleUsesOnlyThatRoute()
{
    QFETCH(RouteStyle, style);
    QFETCH(QByteArray, path);
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::text(200, "text/html", kBifrostUi));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile(style));
    QSignalSpy detected(&client, &GatewayClient::routeDetected);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::BadBody);
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(nam.lastRequest().encodedPath(), path);
    QCOMPARE(detected.size(), 0);

    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    Outcome<RetrieveResult> ok;
    client.retrieve(kArn, this, ok.callback());
    QTRY_VERIFY(ok.done());
    QVERIFY2(ok.ok(), ok.why());
    QCOMPARE(ok.value().routeUsed, style);
    QCOMPARE(nam.lastRequest().encodedPath(), path);
    QCOMPARE(detected.size(), 0);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::usesTheRouteRememberedInTheProfile()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    GatewayProfile p = fakeProfile();
    p.detectedRoute = RouteStyle::Plural;
    client.setProfile(p);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY(out->ok());
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(nam.lastRequest().encodedPath(), kPluralPath);
}

// ---------------------------------------------------------------------------------------------
// Listing

namespace {

// The pages a listing gateway serves, by the shape of its paging.
enum class Paging {
    OnePage,             // the fixture's one page, without a token
    EmptyPageWithAToken, // a full page, then an empty one that still carries a token
    RepeatedToken,       // every page names the same token again
    EndlessTokens,       // one job and a new token per page, forever
    OverlappingPages,    // two pages that share a job, the second without a token
};

FakeNetworkAccessManager::Handler pagingHandler(Paging paging)
{
    switch (paging) {
    case Paging::OnePage:
        return [](const FakeRequest &) {
            return fixtureResponse(200, "list-bifrost-converted.json");
        };
    case Paging::EmptyPageWithAToken:
        return [](const FakeRequest &r) {
            if (tokenOf(r).isEmpty())
                return fixtureResponse(200, "list-crossprovider-terminal-nexttoken.json");
            return FakeResponse::json(
                    200, listBody({}, QStringLiteral("batch_67d1b05d7f3c8190a9b8c7d6e5f4a3b2")));
        };
    case Paging::RepeatedToken:
        return [](const FakeRequest &r) {
            const QString token = QStringLiteral("same+token/==");
            if (tokenOf(r).isEmpty())
                return FakeResponse::json(
                        200, listBody({QStringLiteral("a"), QStringLiteral("b")}, token));
            return FakeResponse::json(200,
                                      listBody({QStringLiteral("b"), QStringLiteral("c")}, token));
        };
    case Paging::EndlessTokens:
        return [](const FakeRequest &r) {
            const int n = tokenOf(r).isEmpty() ? 0 : tokenOf(r).mid(1).toInt();
            return FakeResponse::json(200, listBody({QStringLiteral("job-%1").arg(n)},
                                                    QStringLiteral("t%1").arg(n + 1)));
        };
    case Paging::OverlappingPages:
        return [](const FakeRequest &r) {
            if (tokenOf(r).isEmpty())
                return FakeResponse::json(200, listBody({QStringLiteral("a"), QStringLiteral("b")},
                                                        QStringLiteral("p2")));
            return FakeResponse::json(
                    200, listBody({QStringLiteral("b"), QStringLiteral("c")}, std::nullopt));
        };
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Paging)

void tst_GatewayClient::listAllReadsPagesUntilItMustStop_data()
{
    QTest::addColumn<Paging>("paging");
    QTest::addColumn<int>("maxPages");
    QTest::addColumn<int>("pages");
    QTest::addColumn<int>("jobCount");
    QTest::addColumn<QStringList>("arns"); // empty: not compared
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<QByteArray>("nextQuery"); // what the second request's query contains
    const QStringList abc{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QTest::newRow("no token: one page")
            << Paging::OnePage << 10 << 1 << 5 << QStringList() << false << QByteArray();
    // The token is sent back once; the empty page ends the listing, not the cap.
    QTest::newRow("an empty page that still carries a token")
            << Paging::EmptyPageWithAToken << 10 << 2 << 3 << QStringList() << false
            << QByteArray("nextToken=batch_67d1b05d7f3c8190a9b8c7d6e5f4a3b2");
    // A token seen before would loop: the listing stops there and says it is incomplete. The
    // token goes out encoded.
    QTest::newRow("a repeated token") << Paging::RepeatedToken << 50 << 2 << 3 << abc << true
                                      << QByteArray("nextToken=same%2Btoken%2F%3D%3D");
    QTest::newRow("the page cap") << Paging::EndlessTokens << 3 << 3 << 3 << QStringList() << true
                                  << QByteArray("nextToken=t1");
    // A cap below one still reads one page.
    QTest::newRow("a cap below one reads one page")
            << Paging::EndlessTokens << 0 << 1 << 1 << QStringList() << true << QByteArray();
    QTest::newRow("a job on two pages is listed once")
            << Paging::OverlappingPages << 10 << 2 << 3 << abc << false
            << QByteArray("nextToken=p2");
}

void tst_GatewayClient::listAllReadsPagesUntilItMustStop()
{
    QFETCH(Paging, paging);
    QFETCH(int, maxPages);
    QFETCH(int, pages);
    QFETCH(int, jobCount);
    QFETCH(QStringList, arns);
    QFETCH(bool, truncated);
    QFETCH(QByteArray, nextQuery);
    FakeNetworkAccessManager nam;
    nam.setHandler(pagingHandler(paging));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<ListResult> out;
    client.listAll({}, maxPages, this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(out.value().pages, pages);
    QCOMPARE(out.value().jobs.size(), jobCount);
    if (!arns.isEmpty())
        QCOMPARE(arnsOf(out.value().jobs), arns);
    QCOMPARE(out.value().truncated, truncated);
    QCOMPARE(nam.requestCount(), pages); // one request per page, none after the last
    if (!nextQuery.isEmpty())
        QVERIFY2(nam.requests().at(1).encodedQuery().contains(nextQuery),
                 nam.requests().at(1).encodedQuery());
}

void tst_GatewayClient::listAllFailsWhenAPageFails()
{
    FakeNetworkAccessManager nam;
    nam.setHandler([](const FakeRequest &r) {
        if (tokenOf(r).isEmpty())
            return FakeResponse::json(200, listBody({QStringLiteral("a")}, QStringLiteral("p2")));
        return fixtureResponse(500, "error-500-provider-request-failed.json");
    });
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<ListResult> out;
    client.listAll({}, 10, this, out.callback());
    QTRY_VERIFY(out.done());
    QCOMPARE(out.error().kind, GatewayError::Kind::Http);
    QCOMPARE(out.error().httpStatus, 500);
    QCOMPARE(out.calls, 1);
}

// ---------------------------------------------------------------------------------------------
// Stop and health

void tst_GatewayClient::stopReportsConflictAsHttp409WithoutRetrying()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(
            409, R"({"__type":"ConflictException","message":"Job is not in a stoppable state"})"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<StopAck> out;
    client.stop(kArn, this, out.callback());
    QTRY_VERIFY(out.done());
    QCOMPARE(out.error().kind, GatewayError::Kind::Http);
    QCOMPARE(out.error().httpStatus, 409);
    QCOMPARE(out.error().gatewayType, QStringLiteral("ConflictException"));
    QVERIFY(!out.error().isRetryable());
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(client.requestsInFlight(), 0);
}

void tst_GatewayClient::stopReadsBothAcknowledgementShapes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasStatus");
    QTest::newRow("Bifrost") << QByteArray("application/json")
                             << fixture(QStringLiteral("stop.json")) << true;
    QTest::newRow("AWS") << QByteArray("application/json") << QByteArray("{}") << false;
    QTest::newRow("empty body") << QByteArray() << QByteArray() << false;
}

void tst_GatewayClient::stopReadsBothAcknowledgementShapes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, hasStatus);
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::text(200, contentType, body));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<StopAck> out;
    client.stop(kArn, this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(out.value().status.has_value(), hasStatus);
    if (hasStatus) {
        QCOMPARE(out.value().status->code(), JobStatus::Stopping);
        QCOMPARE(out.value().jobArn.value_or(QString()), kArn);
    }
}

void tst_GatewayClient::healthReadsStatusAndComponents()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(
            200, R"({"status":"ok","components":{"config_store":"ok","log_store":"ok"}})"));
    GatewayClient client(&nam);
    client.setProfile(makeProfile(QUrl(QStringLiteral("https://gw.example.com/ai"))));
    Outcome<HealthResult> out;
    client.health(this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(out.value().httpStatus, 200);
    QCOMPARE(out.value().status, QStringLiteral("ok"));
    QCOMPARE(out.value().components.value(QStringLiteral("log_store")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(nam.lastRequest().encodedPath(), QByteArray("/ai/health"));
}

void tst_GatewayClient::healthReports503AsHttpError()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::json(
            503, R"({"status_code":503,"error":{"message":"config store unavailable"}})"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<HealthResult> out;
    client.health(this, out.callback());
    QTRY_VERIFY(out.done());
    QCOMPARE(out.error().kind, GatewayError::Kind::Http);
    QCOMPARE(out.error().httpStatus, 503);
    QVERIFY2(out.error().message.contains(QStringLiteral("config store unavailable")),
             qPrintable(out.error().message));
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

void tst_GatewayClient::callbacksNeverRunSynchronously_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("caBundle");
    QTest::newRow("answered request") << QStringLiteral("http://gw.test") << QString();
    QTest::newRow("invalid base URL") << QStringLiteral("ftp://gw.test") << QString();
    QTest::newRow("unreadable CA bundle")
            << QStringLiteral("https://gw.test") << QStringLiteral("/nonexistent/ca.pem");
}

void tst_GatewayClient::callbacksNeverRunSynchronously()
{
    QFETCH(QString, base);
    QFETCH(QString, caBundle);
    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(QUrl(base), RouteStyle::Singular);
    p.caBundlePath = caBundle;
    client.setProfile(p);
    Outcome<RetrieveResult> retrieved;
    Outcome<ListResult> listed;
    Outcome<StopAck> stopped;
    Outcome<HealthResult> health;
    client.retrieve(kArn, this, retrieved.callback());
    client.listAll({}, 5, this, listed.callback());
    client.stop(kArn, this, stopped.callback());
    client.health(this, health.callback());
    QCOMPARE(retrieved.calls + listed.calls + stopped.calls + health.calls, 0);
    QTRY_VERIFY(retrieved.done() && listed.done() && stopped.done() && health.done());
    QCOMPARE(retrieved.calls + listed.calls + stopped.calls + health.calls, 4);
    QCOMPARE(client.requestsInFlight(), 0);
}

void tst_GatewayClient::countsACallOnceWhileItProbesBothRoutes()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, FakeResponse::text(404, "text/plain", "Not Found"));
    nam.setRoute(kPluralPath, fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    QSignalSpy changes(&client, &GatewayClient::requestsInFlightChanged);
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QCOMPARE(client.requestsInFlight(), 1);
    QTRY_VERIFY(out.done());
    QVERIFY(out.ok());
    QCOMPARE(nam.requestCount(), 2);
    QCOMPARE(client.requestsInFlight(), 0);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).at(0).toInt(), 1);
    QCOMPARE(changes.at(1).at(0).toInt(), 0);
}

void tst_GatewayClient::abortAllCancelsEveryRequestInFlight()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::hang());
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    QSignalSpy changes(&client, &GatewayClient::requestsInFlightChanged);
    Outcome<RetrieveResult> retrieved;
    Outcome<ListResult> listed;
    Outcome<StopAck> stopped;
    client.retrieve(kArn, this, retrieved.callback());
    client.listAll({}, 5, this, listed.callback());
    client.stop(kArn, this, stopped.callback());
    QCOMPARE(client.requestsInFlight(), 3);
    QCOMPARE(changes.constLast().at(0).toInt(), 3);

    client.abortAll();
    QCOMPARE(client.requestsInFlight(), 0);
    QCOMPARE(changes.constLast().at(0).toInt(), 0);
    QCOMPARE(retrieved.calls + listed.calls + stopped.calls, 0); // queued, not inside abortAll
    QTRY_VERIFY(retrieved.done() && listed.done() && stopped.done());
    QCOMPARE(retrieved.error().kind, GatewayError::Kind::Cancelled);
    QCOMPARE(listed.error().kind, GatewayError::Kind::Cancelled);
    QCOMPARE(stopped.error().kind, GatewayError::Kind::Cancelled);
    QVERIFY(isOneSentence(retrieved.error().describe()));
    QCOMPARE(nam.abortedReplies(), 3);
    QTRY_COMPARE(nam.liveReplies(), 0);
    QCOMPARE(retrieved.calls + listed.calls + stopped.calls, 3);
}

void tst_GatewayClient::cancellingDuringARouteProbeStopsProbing()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, FakeResponse::hang());
    nam.setRoute(kPluralPath, fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_COMPARE(nam.requestCount(), 1);
    client.abortAll();
    QTRY_VERIFY(out.done());
    QCOMPARE(out.error().kind, GatewayError::Kind::Cancelled);
    QCOMPARE(nam.requestCount(), 1);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::cancellingDuringThePluralProbeReportsCancelled()
{
    // The singular route said "no such route"; abortAll() while the plural probe runs must
    // report the cancellation, not the singular route's 404.
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath,
                 FakeResponse::json(404, R"({"message":"route not found","type":"not_found"})"));
    nam.setRoute(kPluralPath, FakeResponse::hang());
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_COMPARE(nam.requestCount(), 2);
    client.abortAll();
    QTRY_VERIFY(out.done());
    QCOMPARE(out.calls, 1);
    QCOMPARE(out.error().kind, GatewayError::Kind::Cancelled);
    QCOMPARE(client.requestsInFlight(), 0);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::destroyedContextGetsNoCallbackAndTheReplyIsAborted()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::hang());
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    auto *context = new QObject;
    bool called = false;
    client.retrieve(kArn, context, [&called](Expected<RetrieveResult>) { called = true; });
    QCOMPARE(client.requestsInFlight(), 1);
    delete context;
    QCOMPARE(client.requestsInFlight(), 0);
    QCOMPARE(nam.abortedReplies(), 1);
    QTRY_COMPARE(nam.liveReplies(), 0);
    QVERIFY(!called);
}

void tst_GatewayClient::contextDestroyedAfterTheAnswerGetsNoCallback()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(fixtureResponse(200, "retrieve-completed.json"));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile(RouteStyle::Singular));
    auto *context = new QObject;
    QPointer<QObject> guard(context);
    bool called = false;
    // The answer is in and its callback queued; the context dies before it runs.
    connect(&client, &GatewayClient::requestsInFlightChanged, this, [&](int count) {
        if (count == 0)
            delete guard.data();
    });
    client.retrieve(kArn, context, [&called](Expected<RetrieveResult>) { called = true; });
    QTRY_VERIFY(guard.isNull());
    QTRY_COMPARE(nam.liveReplies(), 0);
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void tst_GatewayClient::destroyingTheClientCancelsItsRequests()
{
    FakeNetworkAccessManager nam;
    nam.respondWith(FakeResponse::hang());
    auto *client = new GatewayClient(&nam);
    client->setProfile(fakeProfile());
    Outcome<RetrieveResult> out;
    client->retrieve(kArn, this, out.callback());
    delete client;
    QCOMPARE(out.calls, 0);
    QTRY_VERIFY(out.done());
    QCOMPARE(out.error().kind, GatewayError::Kind::Cancelled);
    QCOMPARE(nam.abortedReplies(), 1);
    QTRY_COMPARE(nam.liveReplies(), 0);
}

void tst_GatewayClient::releasesEveryReply()
{
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath, FakeResponse::text(404, "text/plain", "Not Found"));
    nam.setRoute(kPluralPath, fixtureResponse(200, "retrieve-completed.json"));
    nam.setRoute("/bedrock/model-invocation-jobs",
                 fixtureResponse(200, "list-page1-aws-native.json"));
    nam.setRoute("/health", FakeResponse::failure(QNetworkReply::ConnectionRefusedError));
    GatewayClient client(&nam);
    client.setProfile(fakeProfile());
    Outcome<RetrieveResult> retrieved;
    Outcome<ListResult> listed;
    Outcome<HealthResult> health;
    client.retrieve(kArn, this, retrieved.callback());
    client.listAll({}, 1, this, listed.callback());
    client.health(this, health.callback());
    QTRY_VERIFY(retrieved.done() && listed.done() && health.done());
    QVERIFY(nam.requestCount() >= 4);
    QTRY_COMPARE(nam.liveReplies(), 0);
    QTRY_COMPARE(client.findChildren<QObject *>().size(), 0);
}

void tst_GatewayClient::neverLogsSecretsOrGatewayMessages()
{
    static QStringList captured;
    static QLoggingCategory::CategoryFilter defaultFilter = nullptr;
    captured.clear();
    const QtMessageHandler previousHandler
            = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &,
                                        const QString &message) { captured << message; });
    // Everything of batchwatch.client on, whatever QT_LOGGING_RULES says.
    defaultFilter = QLoggingCategory::installFilter(nullptr); // the default one
    QLoggingCategory::installFilter([](QLoggingCategory *category) {
        defaultFilter(category);
        if (qstrcmp(category->categoryName(), lcClient().categoryName()) == 0) {
            category->setEnabled(QtDebugMsg, true);
            category->setEnabled(QtInfoMsg, true);
            category->setEnabled(QtWarningMsg, true);
        }
    });
    QVERIFY(lcClient().isDebugEnabled());

    const QByteArray sensitive = "SENSITIVE-GATEWAY-TEXT";
    FakeNetworkAccessManager nam;
    nam.setRoute(kSingularPath,
                 FakeResponse::json(401, R"({"__type":"virtual_key_not_found","message":")"
                                                 + sensitive + R"("})"));
    nam.setRoute(kPluralPath, FakeResponse::json(200, R"({"jobArn":"x","status":"Failed",)"
                                                      R"("message":")"
                                                              + sensitive + R"("})"));
    nam.setRoute("/health", FakeResponse::redirect(302, "https://elsewhere.example/"));
    GatewayClient client(&nam);
    GatewayProfile p = fakeProfile();
    p.authMode = AuthMode::Bearer;
    p.provider = QStringLiteral("provider-header-value");
    client.setProfile(p);
    client.setSecret(kSecret);
    Outcome<RetrieveResult> singular;
    Outcome<HealthResult> health;
    client.retrieve(kArn, this, singular.callback());
    client.health(this, health.callback());
    QTRY_VERIFY(singular.done() && health.done());
    p.routeStyle = RouteStyle::Plural;
    client.setProfile(p);
    Outcome<RetrieveResult> plural;
    client.retrieve(kArn, this, plural.callback());
    QTRY_VERIFY(plural.done());

    QLoggingCategory::installFilter(defaultFilter);
    qInstallMessageHandler(previousHandler);

    QVERIFY2(!captured.isEmpty(), "the client logged nothing with debug output on");
    for (const QString &line : std::as_const(captured)) {
        QVERIFY2(!line.contains(kSecret), qPrintable(line));
        QVERIFY2(!line.contains(QString::fromLatin1(sensitive)), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("provider-header-value")), qPrintable(line));
    }
}

// ---------------------------------------------------------------------------------------------
// The real network stack, against a loopback server

void tst_GatewayClient::sendsTheArnOnTheWireEncodedOnce()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::json(
            200, fixture(QStringLiteral("retrieve-completed.json"))));
    LoopbackNam nam;
    GatewayClient client(&nam);
    QUrl base = server.baseUrl();
    base.setPath(QStringLiteral("/ai"));
    GatewayProfile p = makeProfile(base, RouteStyle::Singular);
    p.authMode = AuthMode::VirtualKey;
    p.provider = QStringLiteral("bedrock");
    client.setProfile(p);
    client.setSecret(kSecret);

    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY2(out->ok(), out->why());
    QCOMPARE(server.requestCount(), 1);
    const LoopbackHttpServer::Request &r = server.requests().constFirst();
    QCOMPARE(r.requestLine, QByteArray("GET /ai" + kSingularPath + " HTTP/1.1"));
    QCOMPARE(r.header("accept"), QByteArray("application/json"));
    QCOMPARE(r.header("x-bf-vk"), kSecret.toUtf8());
    QCOMPARE(r.header("x-model-provider"), QByteArray("bedrock"));
    QVERIFY(!r.hasHeader("authorization"));
}

void tst_GatewayClient::sendsListTokensOnTheWireEncoded()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::json(200, listBody({}, std::nullopt)));
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(makeProfile(server.baseUrl()));
    ListQuery q;
    q.maxResults = 10;
    q.nextToken = QStringLiteral("AbC+/dE==");
    q.nameContains = QStringLiteral("nightly run");
    Outcome<ListPage> out;
    client.listPage(q, this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(server.requests().constFirst().requestLine,
             QByteArray(
                     "GET /bedrock/model-invocation-jobs?maxResults=10&nextToken=AbC%2B%2FdE%3D%3D"
                     "&nameContains=nightly%20run&sortBy=CreationTime&sortOrder=Descending "
                     "HTTP/1.1"));
}

void tst_GatewayClient::stopSendsOneEmptyPostOnTheWire()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::json(
            409, R"({"__type":"ConflictException","message":"not stoppable"})"));
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(server.baseUrl());
    p.authMode = AuthMode::Bearer;
    client.setProfile(p);
    client.setSecret(kSecret);
    Outcome<StopAck> out;
    client.stop(kArn, this, out.callback());
    QTRY_VERIFY(out.done());
    QCOMPARE(out.error().httpStatus, 409);
    QCOMPARE(out.error().gatewayType, QStringLiteral("ConflictException"));
    QCOMPARE(server.requestCount(), 1);
    const LoopbackHttpServer::Request &r = server.requests().constFirst();
    QCOMPARE(r.requestLine, QByteArray("POST " + kSingularPath + "/stop HTTP/1.1"));
    QCOMPARE(r.body, QByteArray());
    QCOMPARE(r.header("content-length"), QByteArray("0"));
    QCOMPARE(r.header("authorization"), QByteArray("Bearer " + kSecret.toUtf8()));
}

void tst_GatewayClient::doesNotFollowARedirectToAnotherOrigin_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("301") << 301;
    QTest::newRow("302") << 302;
    QTest::newRow("307") << 307;
    QTest::newRow("308") << 308;
}

void tst_GatewayClient::doesNotFollowARedirectToAnotherOrigin()
{
    QFETCH(int, status);
    LoopbackHttpServer other; // another port on the same host: another origin
    QVERIFY(other.listen());
    other.respondWith(LoopbackHttpServer::Response::json(
            200, fixture(QStringLiteral("retrieve-completed.json"))));
    LoopbackHttpServer gateway;
    QVERIFY(gateway.listen());
    const QByteArray target = other.baseUrl().toEncoded() + kSingularPath;
    gateway.respondWith(LoopbackHttpServer::Response::redirect(status, target));

    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(gateway.baseUrl());
    p.authMode = AuthMode::VirtualKey;
    client.setProfile(p);
    client.setSecret(kSecret);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::Redirect);
    QVERIFY2(out->error().describe().contains(QString::number(other.port())),
             qPrintable(out->error().describe()));
    QCOMPARE(gateway.requestCount(), 1);
    QCOMPARE(gateway.requests().constFirst().header("x-bf-vk"), kSecret.toUtf8());
    // Had the client followed, the other origin would have answered before the callback ran.
    QCOMPARE(other.requestCount(), 0);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::followsASameOriginRedirect()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const LoopbackHttpServer::Request &r) {
        if (r.path().startsWith("/old/"))
            return LoopbackHttpServer::Response::redirect(308, "/new/" + r.path().mid(5));
        return LoopbackHttpServer::Response::json(
                200, fixture(QStringLiteral("retrieve-completed.json")));
    });
    LoopbackNam nam;
    GatewayClient client(&nam);
    QUrl base = server.baseUrl();
    base.setPath(QStringLiteral("/old"));
    GatewayProfile p = makeProfile(base, RouteStyle::Singular);
    p.authMode = AuthMode::Bearer;
    client.setProfile(p);
    client.setSecret(kSecret);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY2(out->ok(), out->why());
    QCOMPARE(out->value().parsed.job.statusCode(), JobStatus::Completed);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(1).requestLine,
             QByteArray("GET /new" + kSingularPath + " HTTP/1.1"));
    QCOMPARE(server.requests().at(1).header("authorization"),
             QByteArray("Bearer " + kSecret.toUtf8()));
}

void tst_GatewayClient::sameOriginRedirectLoopIsARedirectError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("toItself");
    QTest::newRow("302 to itself") << 302 << true;
    QTest::newRow("301 ping-pong") << 301 << false;
    QTest::newRow("307 to itself") << 307 << true;
    QTest::newRow("308 ping-pong") << 308 << false;
}

void tst_GatewayClient::sameOriginRedirectLoopIsARedirectError()
{
    QFETCH(int, status);
    QFETCH(bool, toItself);
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([status, toItself](const LoopbackHttpServer::Request &r) {
        if (toItself)
            return LoopbackHttpServer::Response::redirect(status, r.target);
        const bool atA = r.path().startsWith("/a/");
        return LoopbackHttpServer::Response::redirect(status, (atA ? "/b/" : "/a/") + r.target);
    });
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(server.baseUrl(), RouteStyle::Singular);
    p.authMode = AuthMode::Bearer;
    client.setProfile(p);
    client.setSecret(kSecret);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    const QString text = out->error().describe();
    if (!toItself && out->error().kind == GatewayError::Kind::Network) {
        // Qt 6.4 sometimes ends a ping-pong chain itself with a bare HTTP 100 when the machine
        // is busy (3 busy loops on 2 cores: 1 run in 2), before the client sees the loop: the
        // user still reads that redirects went nowhere, never a bare "HTTP 100."
        QVERIFY2(text.contains(QStringLiteral("redirects")), qPrintable(text));
    } else {
        QVERIFY2(out->error().kind == GatewayError::Kind::Redirect, qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("redirect loop")), qPrintable(text));
    }
    QVERIFY2(!text.startsWith(QStringLiteral("HTTP 100")), qPrintable(text));
    QVERIFY2(isOneSentence(text), qPrintable(text));
    // It stops after a bounded number of requests. 6 hops on a quiet machine; under load Qt 6.4
    // was seen to send up to 14 for the ping-pong (requests sent again; cause not understood,
    // docs/RELIABILITY.md), so the bound is loose: what matters is that it ends.
    QVERIFY2(server.requestCount() <= 24, qPrintable(QString::number(server.requestCount())));
}

void tst_GatewayClient::connectionResetIsANetworkError()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::reset());
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(makeProfile(server.baseUrl(), RouteStyle::Singular));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::Network);
    QVERIFY(out->error().isUnreachable());
    QVERIFY(server.requestCount() >= 1);
}

void tst_GatewayClient::refusedConnectionIsANetworkError()
{
    QUrl base;
    {
        LoopbackHttpServer gone;
        QVERIFY(gone.listen());
        base = gone.baseUrl();
    } // nothing listens on that port any more
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(makeProfile(base));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::Network);
    QVERIFY2(out->error().message.contains(QStringLiteral("refused")),
             qPrintable(out->error().message));
}

void tst_GatewayClient::slowGatewayTimesOut()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::hang());
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(server.baseUrl());
    p.timeoutMs = 300;
    client.setProfile(p);
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::Timeout);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(client.profile().detectedRoute, RouteStyle::Auto);
}

void tst_GatewayClient::tricklingBodyEndsAtTheDeadline()
{
    // One byte every 100 ms never lets Qt's inactivity timeout fire; the deadline must.
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::trickle(
            200, "application/json", fixture(QStringLiteral("retrieve-completed.json")), 100));
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(server.baseUrl(), RouteStyle::Singular);
    p.timeoutMs = 700;
    client.setProfile(p);
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_VERIFY_WITH_TIMEOUT(out.done(), 15000);
    QCOMPARE(out.error().kind, GatewayError::Kind::Timeout);
    QCOMPARE(out.error().httpStatus, 200);
    QVERIFY(out.error().isRetryable());
    QVERIFY2(isOneSentence(out.error().describe()), qPrintable(out.error().describe()));
    // It was reached: the sentence says the answer began and did not finish.
    QVERIFY2(out.error().describe().contains(QStringLiteral("began to answer (HTTP 200)")),
             qPrintable(out.error().describe()));
    QTRY_COMPARE(server.closedConnections(), 1);
}

void tst_GatewayClient::endlessBodyIsAbortedWithoutBufferingIt_data()
{
    QTest::addColumn<QString>("framing");
    QTest::newRow("chunked") << QStringLiteral("chunked");
    QTest::newRow("no length, ends at close") << QStringLiteral("close");
    QTest::newRow("true Content-Length") << QStringLiteral("length");
}

void tst_GatewayClient::endlessBodyIsAbortedWithoutBufferingIt()
{
    QFETCH(QString, framing);
    constexpr qint64 limit = qint64(512) * 1024 * 1024;
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    LoopbackHttpServer::Response endless
            = LoopbackHttpServer::Response::endless("application/json", limit);
    if (framing == QLatin1StringView("close"))
        endless.closeDelimited = true;
    else if (framing == QLatin1StringView("length"))
        endless.declaredLength = limit; // announced and really sent
    server.respondWith(endless);
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setMaxBodyBytes(256 * 1024);
    client.setProfile(makeProfile(server.baseUrl(), RouteStyle::Singular));
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_VERIFY_WITH_TIMEOUT(out.done(), 30000);
    QCOMPARE(out.error().kind, GatewayError::Kind::TooLarge);
    // The client hung up: the server saw the connection close long before its body ended.
    QTRY_COMPARE(server.closedConnections(), 1);
    // Bounded however late the main thread gets to run: the cap, the client's read buffer (at
    // most 1 MiB) and what the loopback socket buffers hold — not the 512 MiB on offer.
    QVERIFY2(server.endlessBytesSent() < 24 * 1024 * 1024,
             QByteArray::number(server.endlessBytesSent()));
}

void tst_GatewayClient::announcedHugeBodyIsRejectedBeforeItArrives()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    LoopbackHttpServer::Response huge = LoopbackHttpServer::Response::json(200, {});
    huge.declaredLength = qint64(1) << 40; // 1 TiB announced, nothing sent
    server.respondWith(huge);
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(server.baseUrl(), RouteStyle::Singular);
    p.timeoutMs = 20000; // had the client waited for the body, this would end as Timeout
    client.setProfile(p);
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_VERIFY_WITH_TIMEOUT(out.done(), 30000);
    QCOMPARE(out.error().kind, GatewayError::Kind::TooLarge);
    QTRY_COMPARE(server.closedConnections(), 1);
}

void tst_GatewayClient::bodyAtTheDefaultCapIsAcceptedOneByteMoreIsNot_data()
{
    QTest::addColumn<qint64>("extra");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("exactly 16 MiB") << qint64(0) << true;
    QTest::newRow("16 MiB and one byte") << qint64(1) << false;
}

void tst_GatewayClient::bodyAtTheDefaultCapIsAcceptedOneByteMoreIsNot()
{
    QFETCH(qint64, extra);
    QFETCH(bool, accepted);
    // A real job, padded with JSON whitespace to the size under test.
    QByteArray body = fixture(QStringLiteral("retrieve-completed.json"));
    QVERIFY(!body.isEmpty());
    const qint64 size = GatewayClient::kDefaultMaxBodyBytes + extra;
    body.append(QByteArray(size - body.size(), ' '));
    QCOMPARE(body.size(), size);

    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::json(200, body));
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(makeProfile(server.baseUrl(), RouteStyle::Singular));
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_VERIFY_WITH_TIMEOUT(out.done(), 30000);
    if (accepted) {
        QVERIFY2(out.ok(), out.why());
        QVERIFY(out.value().parsed.job.jobArn.has_value());
        return;
    }
    QCOMPARE(out.error().kind, GatewayError::Kind::TooLarge);
    QVERIFY2(out.error().message.contains(QStringLiteral("16 MiB")),
             qPrintable(out.error().message));
}

void tst_GatewayClient::truncatedBodyIsANetworkError()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(LoopbackHttpServer::Response::truncated(
            200, "application/json", fixture(QStringLiteral("retrieve-completed.json")), 40));
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(makeProfile(server.baseUrl(), RouteStyle::Singular));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QVERIFY2(!out->ok(), "a truncated body was accepted");
    QCOMPARE(out->error().kind, GatewayError::Kind::Network);
    QCOMPARE(out->error().httpStatus, 200);
    QVERIFY(out->error().isRetryable());
    QVERIFY2(out->error().describe().startsWith(
                     QStringLiteral("The connection to the gateway broke off")),
             qPrintable(out->error().describe()));
}

void tst_GatewayClient::httpsToAPlainHttpServerIsATlsError()
{
#if QT_CONFIG(ssl)
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend available");
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    LoopbackNam nam;
    GatewayClient client(&nam);
    QUrl base = server.baseUrl();
    base.setScheme(QStringLiteral("https"));
    client.setProfile(makeProfile(base));
    const auto out = retrieveOnce(client, this);
    QVERIFY2(out->done(), "no answer");
    QCOMPARE(out->error().kind, GatewayError::Kind::Tls);
    QVERIFY(out->error().isUnreachable());
    QVERIFY2(isOneSentence(out->error().describe()), qPrintable(out->error().describe()));
    QCOMPARE(server.requestCount(), 0);
#else
    QSKIP("built without TLS support");
#endif
}

namespace {
QString tlsFixture(const char *name)
{
    return QDir(fixturesDir())
            .absoluteFilePath(QStringLiteral("../tls/") + QLatin1StringView(name));
}
} // namespace

void tst_GatewayClient::untrustedCertificateIsATlsErrorWithItsDetails()
{
#if QT_CONFIG(ssl)
    if (!LoopbackHttpServer::tlsAvailable())
        QSKIP("no TLS backend or QSslServer available");
    LoopbackHttpServer server;
    QVERIFY(server.listenTls(tlsFixture("loopback-cert.pem"), tlsFixture("loopback-key.pem")));
    server.respondWith(LoopbackHttpServer::Response::json(
            200, fixture(QStringLiteral("retrieve-completed.json"))));
    const QList<QSslCertificate> certs
            = QSslCertificate::fromPath(tlsFixture("loopback-cert.pem"), QSsl::Pem);
    QCOMPARE(certs.size(), 1);
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(server.baseUrl(), RouteStyle::Singular);
    p.authMode = AuthMode::Bearer;
    client.setProfile(p);
    client.setSecret(kSecret);
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_VERIFY_WITH_TIMEOUT(out.done(), 20000);
    QCOMPARE(out.error().kind, GatewayError::Kind::Tls);
    const QString text = out.error().describe();
    const QString fingerprint = QString::fromLatin1(
            certs.constFirst().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    const QStringList parts{QStringLiteral("subject CN=127.0.0.1, O=batchwatch tests"),
                            QStringLiteral("issuer CN=127.0.0.1"),
                            QString(QStringLiteral("SHA-256 ") + fingerprint),
                            certs.constFirst().expiryDate().toUTC().toString(Qt::ISODate)};
    for (const QString &part : parts)
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in: ") + text));
    QVERIFY2(isOneSentence(text), qPrintable(text));
    // The handshake failed before any request: the key never left the client.
    QCOMPARE(server.requestCount(), 0);
#else
    QSKIP("built without TLS support");
#endif
}

void tst_GatewayClient::caBundleOfTheProfileTrustsASelfSignedGateway()
{
#if QT_CONFIG(ssl)
    if (!LoopbackHttpServer::tlsAvailable())
        QSKIP("no TLS backend or QSslServer available");
    LoopbackHttpServer server;
    QVERIFY(server.listenTls(tlsFixture("loopback-cert.pem"), tlsFixture("loopback-key.pem")));
    server.respondWith(LoopbackHttpServer::Response::json(
            200, fixture(QStringLiteral("retrieve-completed.json"))));
    LoopbackNam nam;
    GatewayClient client(&nam);
    GatewayProfile p = makeProfile(server.baseUrl(), RouteStyle::Singular);
    p.authMode = AuthMode::Bearer;
    p.caBundlePath = tlsFixture("loopback-cert.pem");
    client.setProfile(p);
    client.setSecret(kSecret);
    Outcome<RetrieveResult> out;
    client.retrieve(kArn, this, out.callback());
    QTRY_VERIFY_WITH_TIMEOUT(out.done(), 20000);
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(out.value().parsed.job.statusCode(), JobStatus::Completed);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().constFirst().header("authorization"),
             QByteArray("Bearer " + kSecret.toUtf8()));
#else
    QSKIP("built without TLS support");
#endif
}

namespace {
QStringList *g_logLines = nullptr;
void collectLogLine(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_logLines)
        g_logLines->append(message);
}
} // namespace

void tst_GatewayClient::neverLogsAKeyWithEveryCategoryOn()
{
    // Qt's own categories too (qt.network.*): whatever logs headers would show the key.
    QStringList lines;
    g_logLines = &lines;
    const QtMessageHandler previous = qInstallMessageHandler(collectLogLine);
    QLoggingCategory::setFilterRules(QStringLiteral("*=true"));
    // QT_LOGGING_RULES (ctest sets one) outranks setFilterRules: a filter turns everything on.
    static QLoggingCategory::CategoryFilter defaultFilter = nullptr;
    defaultFilter = QLoggingCategory::installFilter([](QLoggingCategory *category) {
        if (defaultFilter)
            defaultFilter(category);
        for (const QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
            category->setEnabled(type, true);
    });
    auto restore = qScopeGuard([previous] {
        QLoggingCategory::installFilter(defaultFilter);
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(previous);
        g_logLines = nullptr;
    });

    LoopbackHttpServer other;
    QVERIFY(other.listen());
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body = fixture(QStringLiteral("retrieve-completed.json"));
    BW_RETURN_IF_FAILED();
    const QByteArray elsewhere = other.baseUrl().toEncoded();
    server.setHandler([body, elsewhere](const LoopbackHttpServer::Request &r) {
        const QByteArray path = r.path();
        if (path.startsWith("/ok/"))
            return LoopbackHttpServer::Response::json(200, body);
        if (path.startsWith("/denied/"))
            return LoopbackHttpServer::Response::json(
                    401, R"({"__type":"virtual_key_required","message":"no"})");
        if (path.startsWith("/moved/"))
            return LoopbackHttpServer::Response::redirect(308, "/ok/" + r.target.mid(7));
        if (path.startsWith("/away/"))
            return LoopbackHttpServer::Response::redirect(302, elsewhere + r.target);
        if (path.startsWith("/loop/"))
            return LoopbackHttpServer::Response::redirect(302, r.target);
        if (path.startsWith("/reset/"))
            return LoopbackHttpServer::Response::reset();
        return LoopbackHttpServer::Response::hang();
    });
    struct Mode
    {
        AuthMode auth;
        const char *header;
    };
    LoopbackNam nam;
    int calls = 0;
    for (const Mode &mode : {Mode{AuthMode::Bearer, ""}, Mode{AuthMode::VirtualKey, ""},
                             Mode{AuthMode::CustomHeader, "x-api-key"}}) {
        for (const char *prefix :
             {"/ok", "/denied", "/moved", "/away", "/loop", "/reset", "/hang"}) {
            GatewayClient client(&nam);
            QUrl base = server.baseUrl();
            base.setPath(QLatin1StringView(prefix));
            GatewayProfile p = makeProfile(base, RouteStyle::Auto);
            p.authMode = mode.auth;
            p.customHeaderName = QString::fromLatin1(mode.header);
            p.timeoutMs = 300;
            client.setProfile(p);
            client.setSecret(kSecret);
            Outcome<RetrieveResult> out;
            client.retrieve(kArn, this, out.callback());
            QTRY_VERIFY_WITH_TIMEOUT(out.done(), 10000);
            ++calls;
        }
    }
    QCOMPARE(calls, 21);
    QVERIFY2(lines.size() > 21, "with every category on, the client logged (almost) nothing");
    for (const QString &line : std::as_const(lines))
        QVERIFY2(!line.contains(kSecret), qPrintable(line));
    QVERIFY(server.requests().constFirst().header("authorization").contains(kSecret.toUtf8()));
}

QTEST_GUILESS_MAIN(tst_GatewayClient)
#include "tst_gatewayclient.moc"
