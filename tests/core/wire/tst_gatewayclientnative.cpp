#include "fixtures.h"
#include "loopbackhttpserver.h"
#include "outcome.h"
#include "wire/gatewayclient.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QUrlQuery>
#include <QtTest>

#include <memory>
#include <optional>

using namespace bw;
using namespace bw::test;

using Server = LoopbackHttpServer;

namespace bw {
char *toString(GatewayError::Kind kind)
{
    return qstrdup(qPrintable(GatewayError::kindName(kind)));
}
} // namespace bw

namespace {

QByteArray native(const QString &name)
{
    return fixture(QStringLiteral("../bifrost-native/") + name);
}

class LoopbackNam : public QNetworkAccessManager
{
public:
    LoopbackNam() { setProxy(QNetworkProxy::NoProxy); }
};

GatewayProfile profileFor(const QUrl &baseUrl)
{
    GatewayProfile p;
    p.id = QStringLiteral("native");
    p.name = QStringLiteral("Bifrost");
    p.baseUrl = baseUrl;
    p.timeoutMs = 10000;
    return p;
}

// `server` listening and answering every request with `response`; `client` using it.
bool serve(Server &server, const Server::Response &response, GatewayClient &client)
{
    if (!server.listen())
        return false;
    server.respondWith(response);
    client.setProfile(profileFor(server.baseUrl()));
    return true;
}

QByteArray queryValue(const Server::Request &r, const QString &key)
{
    return QUrlQuery(QString::fromLatin1(r.query()))
            .queryItemValue(key, QUrl::FullyDecoded)
            .toUtf8();
}

QByteArray resultsPage(int first, int count, int failedEvery, const QByteArray &cursor)
{
    QByteArray records;
    for (int i = first; i < first + count; ++i) {
        if (!records.isEmpty())
            records += ',';
        const QByteArray id = "rec-" + QByteArray::number(i);
        if (failedEvery > 0 && i % failedEvery == 0)
            records += "{\"custom_id\":\"" + id
                       + "\",\"response\":{\"status_code\":400},\"error\":{\"code\":\"400\","
                         "\"message\":\"Bad record "
                       + QByteArray::number(i) + "\"}}";
        else
            records += "{\"custom_id\":\"" + id + "\",\"response\":{\"status_code\":200}}";
    }
    QByteArray body = "{\"batch_id\":\"b\",\"results\":[" + records + "]";
    if (!cursor.isEmpty())
        body += ",\"has_more\":true,\"next_cursor\":\"" + cursor + "\"";
    return body + "}";
}

} // namespace

class TestGatewayClientNative : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retrieveSendsProviderAndOneSegment_data();
    void retrieveSendsProviderAndOneSegment();
    void missingProviderIsAClearError();
    void listFollowsEachProvidersPaging_data();
    void listFollowsEachProvidersPaging();
    void listStopsAtPageCap();
    void cancelPostsOnce();
    void resultsFollowPages();
    void resultsCapSaysCapped();
    void resultsCancelOne();
    void resultsFailedRecordsStreamOut();
};

void TestGatewayClientNative::retrieveSendsProviderAndOneSegment_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("fixtureName");
    QTest::newRow("gemini slash")
            << QStringLiteral("gemini") << QStringLiteral("batches/7xq2w9e4r1t8y5u3")
            << QByteArray("/v1/batches/batches%2F7xq2w9e4r1t8y5u3?provider=gemini")
            << QStringLiteral("retrieve-gemini-running.json");
    QTest::newRow("bedrock arn")
            << QStringLiteral("bedrock")
            << QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                              "k3x9p2m7q1ab")
            << QByteArray("/v1/batches/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Amodel-"
                          "invocation-job%2Fk3x9p2m7q1ab?provider=bedrock")
            << QStringLiteral("retrieve-bedrock-failed.json");
    QTest::newRow("anthropic mixed case")
            << QStringLiteral("anthropic") << QStringLiteral("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d")
            << QByteArray("/v1/batches/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d?provider=anthropic")
            << QStringLiteral("retrieve-anthropic-ended.json");
    QTest::newRow("provider encoded")
            << QStringLiteral("my prov&x=1") << QStringLiteral("batch_1")
            << QByteArray("/v1/batches/batch_1?provider=my%20prov%26x%3D1")
            << QStringLiteral("retrieve-openai-completed.json");
}

void TestGatewayClientNative::retrieveSendsProviderAndOneSegment()
{
    QFETCH(QString, provider);
    QFETCH(QString, id);
    QFETCH(QByteArray, target);
    QFETCH(QString, fixtureName);
    const QByteArray body = native(fixtureName);
    BW_RETURN_IF_FAILED();
    Server server;
    LoopbackNam nam;
    GatewayClient client(&nam);
    QVERIFY(serve(server, Server::Response::json(200, body), client));
    Outcome<NativeRetrieveResult> out;
    client.nativeRetrieve(provider, id, this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().at(0).method, QByteArray("GET"));
    QCOMPARE(server.requests().at(0).target, target);
    QVERIFY(out.value().parsed.job.jobArn.has_value());
    QCOMPARE(out.value().provider, provider);
    QVERIFY(out.value().fetchedAt.isValid());
}

// With no provider, Bifrost answers 400; the user reads Bifrost's reason, not "bad request".
void TestGatewayClientNative::missingProviderIsAClearError()
{
    const QByteArray body = native(QStringLiteral("error-400-provider-required.json"));
    BW_RETURN_IF_FAILED();
    Server server;
    QVERIFY(server.listen());
    server.setHandler([body](const Server::Request &r) {
        if (r.query().contains("provider="))
            return Server::Response::json(200, R"({"id":"batch_1","status":"completed"})");
        return Server::Response::json(400, body);
    });
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(profileFor(server.baseUrl()));
    Outcome<NativeRetrieveResult> out;
    client.nativeRetrieve(QString(), QStringLiteral("batch_1"), this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY(!out.ok());
    QCOMPARE(out.error().kind, GatewayError::Kind::Http);
    QCOMPARE(out.error().httpStatus, 400);
    QVERIFY2(out.error().describe().contains(
                     QLatin1StringView("provider query parameter or x-model-provider header")),
             qPrintable(out.error().describe()));
}

void TestGatewayClientNative::listFollowsEachProvidersPaging_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("limitKey");
    QTest::addColumn<QString>("cursorKey");
    QTest::addColumn<QByteArray>("firstPage");
    QTest::addColumn<QByteArray>("expectedCursor");
    QTest::newRow("openai after=last_id")
            << QStringLiteral("openai") << QStringLiteral("limit") << QStringLiteral("after")
            << QByteArray(R"({"object":"list","data":[{"id":"batch_a","status":"completed"},)"
                          R"({"id":"batch_b","status":"failed"}],"first_id":"batch_a",)"
                          R"("last_id":"batch_b","has_more":true})")
            << QByteArray("batch_b");
    QTest::newRow("anthropic after_id")
            << QStringLiteral("anthropic") << QStringLiteral("limit") << QStringLiteral("after_id")
            << QByteArray(R"({"object":"list","data":[{"id":"msgbatch_A","status":"ended"}],)"
                          R"("last_id":"msgbatch_A","has_more":true})")
            << QByteArray("msgbatch_A");
    QTest::newRow("gemini page_token")
            << QStringLiteral("gemini") << QStringLiteral("page_size")
            << QStringLiteral("page_token")
            << QByteArray(R"({"object":"list","data":[{"id":"batches/x1","status":"in_progress"}],)"
                          R"("last_id":"batches/x1","has_more":true,"next_cursor":"tok+/=="})")
            << QByteArray("tok+/==");
}

void TestGatewayClientNative::listFollowsEachProvidersPaging()
{
    QFETCH(QString, provider);
    QFETCH(QString, limitKey);
    QFETCH(QString, cursorKey);
    QFETCH(QByteArray, firstPage);
    QFETCH(QByteArray, expectedCursor);
    Server server;
    QVERIFY(server.listen());
    server.setHandler([firstPage](const Server::Request &r) {
        if (!r.query().contains("after") && !r.query().contains("page_token"))
            return Server::Response::json(200, firstPage);
        return Server::Response::json(
                200, R"({"object":"list","data":[{"id":"last/one","status":"completed"}],)"
                     R"("has_more":false})");
    });
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(profileFor(server.baseUrl()));
    Outcome<NativeListResult> out;
    client.nativeListAll({provider, 50, {}}, 10, this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(server.requestCount(), 2);
    const Server::Request &second = server.requests().at(1);
    QCOMPARE(queryValue(second, QStringLiteral("provider")), provider.toUtf8());
    QCOMPARE(queryValue(second, limitKey), QByteArray("50"));
    QCOMPARE(queryValue(second, cursorKey), expectedCursor);
    QVERIFY(!out.value().truncated);
    QCOMPARE(out.value().pages, 2);
    QCOMPARE(out.value().jobs.constLast().job.jobArn.value_or(QString()),
             QStringLiteral("last/one"));
    QCOMPARE(out.value().jobs.constFirst().job.provider.value_or(QString()), provider);
}

// A gateway that always has more ends at the page cap (and a repeated cursor ends it earlier).
void TestGatewayClientNative::listStopsAtPageCap()
{
    const QByteArray page = native(QStringLiteral("list-openai-page1.json"));
    BW_RETURN_IF_FAILED();
    Server server;
    LoopbackNam nam;
    GatewayClient client(&nam);
    // has_more, same last_id every time
    QVERIFY(serve(server, Server::Response::json(200, page), client));
    Outcome<NativeListResult> out;
    client.nativeListAll({QStringLiteral("openai"), 0, {}}, 5, this, out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QVERIFY(out.value().truncated);
    QCOMPARE(server.requestCount(), 2); // the second page repeats the cursor
    QCOMPARE(out.value().jobs.size(), 2);
}

void TestGatewayClientNative::cancelPostsOnce()
{
    const QByteArray body = native(QStringLiteral("cancel-openai.json"));
    BW_RETURN_IF_FAILED();
    Server server;
    LoopbackNam nam;
    GatewayClient client(&nam);
    QVERIFY(serve(server, Server::Response::json(200, body), client));
    Outcome<NativeRetrieveResult> out;
    client.nativeCancel(QStringLiteral("openai"),
                        QStringLiteral("batch_6746c4a1f0e88190a2b1c3d4e5f60718"), this,
                        out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().at(0).method, QByteArray("POST"));
    QCOMPARE(server.requests().at(0).target,
             QByteArray(
                     "/v1/batches/batch_6746c4a1f0e88190a2b1c3d4e5f60718/cancel?provider=openai"));
    QCOMPARE(out.value().parsed.job.statusCode(), JobStatus::Stopping);
    QCOMPARE(out.value().parsed.job.cancellingAt.value_or(QDateTime()),
             QDateTime::fromSecsSinceEpoch(1764321000, Qt::UTC));

    // A refusal is an error, and it is not sent again.
    server.clearRequests();
    server.respondWith(Server::Response::json(409, R"({"error":{"message":"already ended"}})"));
    Outcome<NativeRetrieveResult> refused;
    client.nativeCancel(QStringLiteral("openai"), QStringLiteral("batch_x"), this,
                        refused.callback());
    QTRY_VERIFY(refused.done());
    QCOMPARE(refused.error().httpStatus, 409);
    QCOMPARE(server.requestCount(), 1);
}

void TestGatewayClientNative::resultsFollowPages()
{
    const QByteArray first = native(QStringLiteral("results-anthropic-page.json"));
    BW_RETURN_IF_FAILED();
    Server server;
    QVERIFY(server.listen());
    server.setHandler([first](const Server::Request &r) {
        if (queryValue(r, QStringLiteral("cursor")).isEmpty())
            return Server::Response::json(200, first);
        return Server::Response::json(200, resultsPage(10, 4, 2, {}));
    });
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(profileFor(server.baseUrl()));
    Outcome<ResultsSummary> out;
    qint64 lastBytes = 0;
    qint64 lastRecords = 0;
    client.nativeResults(
            QStringLiteral("anthropic"), QStringLiteral("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"), {},
            this,
            [&](qint64 bytes, qint64 records) {
                lastBytes = bytes;
                lastRecords = records;
            },
            out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(
            server.requests().at(0).target,
            QByteArray("/v1/batches/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d/results?provider=anthropic"));
    QCOMPARE(queryValue(server.requests().at(1), QStringLiteral("cursor")), QByteArray("faq-0003"));
    const ResultsSummary &s = out.value();
    QVERIFY(s.complete);
    QVERIFY(!s.capped);
    QCOMPARE(s.pages, 2);
    QCOMPARE(s.succeeded, 1 + 2);
    QCOMPARE(s.errored, 1 + 2);
    QCOMPARE(s.expired, 1);
    QCOMPARE(s.total(), 7);
    QCOMPARE(lastRecords, 7);
    QCOMPARE(lastBytes, s.bytesRead);
    QVERIFY(s.bytesRead > first.size());
    QVERIFY(s.fetchedAt.isValid());
}

// The cap ends the read: what was read is summarised and the summary says it is partial.
void TestGatewayClientNative::resultsCapSaysCapped()
{
    const QByteArray page1 = resultsPage(0, 50, 5, "c1");
    const QByteArray page2 = resultsPage(50, 2000, 5, {});
    Server server;
    QVERIFY(server.listen());
    server.setHandler([page1, page2](const Server::Request &r) {
        return Server::Response::json(
                200, queryValue(r, QStringLiteral("cursor")).isEmpty() ? page1 : page2);
    });
    LoopbackNam nam;
    GatewayClient client(&nam);
    client.setProfile(profileFor(server.baseUrl()));
    NativeResultsOptions options;
    options.maxBytes = page1.size() + page2.size() / 2;
    Outcome<ResultsSummary> out;
    client.nativeResults(QStringLiteral("bedrock"), QStringLiteral("arn:x/y"), options, this, {},
                         out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    const ResultsSummary &s = out.value();
    QVERIFY(s.capped);
    QVERIFY(!s.complete);
    QCOMPARE(s.pages, 1);
    QCOMPARE(s.total(), 50);
    QCOMPARE(s.errored, 10);
    QVERIFY(s.bytesRead <= options.maxBytes);

    // With room for everything the same results are complete.
    Outcome<ResultsSummary> whole;
    client.nativeResults(QStringLiteral("bedrock"), QStringLiteral("arn:x/y"), {}, this, {},
                         whole.callback());
    QTRY_VERIFY(whole.done());
    QVERIFY2(whole.ok(), whole.why());
    QVERIFY(whole.value().complete);
    QVERIFY(!whole.value().capped);
    QCOMPARE(whole.value().total(), 2050);
}

void TestGatewayClientNative::resultsCancelOne()
{
    Server server;
    LoopbackNam nam;
    GatewayClient client(&nam);
    QVERIFY(serve(server, Server::Response::hang(), client));
    Outcome<ResultsSummary> cancelled;
    Outcome<ResultsSummary> other;
    const GatewayRequestHandle handle
            = client.nativeResults(QStringLiteral("openai"), QStringLiteral("batch_1"), {}, this,
                                   {}, cancelled.callback());
    client.nativeResults(QStringLiteral("openai"), QStringLiteral("batch_2"), {}, this, {},
                         other.callback());
    QTRY_COMPARE(server.requestCount(), 2);
    QVERIFY(!handle.isNull());
    client.cancelRequest(handle);
    QTRY_VERIFY(cancelled.done());
    QCOMPARE(cancelled.error().kind, GatewayError::Kind::Cancelled);
    QVERIFY(!other.done());
    QCOMPARE(client.requestsInFlight(), 1);
    client.abortAll();
    QTRY_VERIFY(other.done());
    QCOMPARE(other.error().kind, GatewayError::Kind::Cancelled);
    QTRY_VERIFY(handle.isNull());
    client.cancelRequest(handle); // settled: nothing happens
    QCOMPARE(cancelled.calls, 1);
}

void TestGatewayClientNative::resultsFailedRecordsStreamOut()
{
    const QByteArray body = native(QStringLiteral("results-bedrock.json"));
    BW_RETURN_IF_FAILED();
    Server server;
    LoopbackNam nam;
    GatewayClient client(&nam);
    QVERIFY(serve(server, Server::Response::json(200, body), client));
    QList<ResultRecord> failed;
    NativeResultsOptions options;
    options.onFailedRecord = [&failed](const ResultRecord &r) {
        failed.append(r);
    };
    Outcome<ResultsSummary> out;
    client.nativeResults(QStringLiteral("bedrock"), QStringLiteral("arn:x/y"), options, this, {},
                         out.callback());
    QTRY_VERIFY(out.done());
    QVERIFY2(out.ok(), out.why());
    QCOMPARE(failed.size(), 3);
    QCOMPARE(failed.at(0).customId, QStringLiteral("claim-000002"));
    QCOMPARE(failed.at(1).code, QStringLiteral("429"));
    const ResultsSummary &s = out.value();
    QCOMPARE(s.succeeded, 2);
    QCOMPARE(s.errored, 3);
    QCOMPARE(s.errorGroups.size(), 2);
    QCOMPARE(s.errorGroups.at(0).code, QStringLiteral("400"));
    QCOMPARE(s.errorGroups.at(0).count, 2);
    QCOMPARE(s.errorGroups.at(0).sampleIds,
             QStringList({QStringLiteral("claim-000002"), QStringLiteral("claim-000005")}));
}

QTEST_GUILESS_MAIN(TestGatewayClientNative)
#include "tst_gatewayclientnative.moc"
