// The bifrost flavour's native batch routes (/v1/batches?provider=P, WIRE.md "Bifrost's native
// batch routes"), over loopback with a real QNetworkAccessManager.

#include "fixtures.h"
#include "gatewaysimulator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::sim;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kEpoch(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);

struct HttpResult
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

SimulatorOptions frozen(quint64 seed = 11)
{
    SimulatorOptions o;
    o.flavour = Flavour::Bifrost;
    o.seed = seed;
    o.speed = 0; // time moves only through advance()
    o.epoch = kEpoch;
    return o;
}

QSet<QString> keys(const QJsonObject &o)
{
    const QStringList k = o.keys();
    return QSet<QString>(k.cbegin(), k.cend());
}

QString enc(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

// A native fixture (tests/fixtures/bifrost-native/), as JSON.
QJsonObject nativeFixture(const QString &name)
{
    QFile f(QDir(test::fixturesDir()).filePath(u"../bifrost-native/"_s + name));
    if (!f.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(u"cannot read fixture "_s + f.fileName()), __FILE__, __LINE__);
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A message with its numbers and ids taken out: what a client groups errors by.
QString normalised(QString message)
{
    static const QRegularExpression ids(u"[0-9a-f]{8,}|\\d+"_s);
    return message.replace(ids, u"#"_s);
}

} // namespace

class tst_SimulatorNative : public QObject
{
    Q_OBJECT

private:
    HttpResult send(const QByteArray &verb, const QUrl &url,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    HttpResult get(const GatewaySimulator &sim, const QString &pathAndQuery,
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", at(sim, pathAndQuery), headers);
    }
    HttpResult post(const GatewaySimulator &sim, const QString &pathAndQuery)
    {
        return send("POST", at(sim, pathAndQuery));
    }
    static QUrl at(const GatewaySimulator &sim, const QString &encodedPathAndQuery)
    {
        return QUrl::fromEncoded(sim.baseUrl().toEncoded() + encodedPathAndQuery.toLatin1(),
                                 QUrl::StrictMode);
    }
    // The retrieve body of a batch.
    QJsonObject retrieve(const GatewaySimulator &sim, const QString &provider, const QString &id)
    {
        return get(sim, u"/v1/batches/%1?provider=%2"_s.arg(enc(id), provider)).json();
    }
    // The first batch of `provider` whose retrieve body satisfies `pred`; empty if none.
    QString firstWhere(const GatewaySimulator &sim, const QString &provider,
                       const std::function<bool(const QJsonObject &)> &pred)
    {
        const QList<NativeBatchInfo> all = sim.nativeBatches();
        for (const NativeBatchInfo &b : all) {
            if (b.provider == provider && pred(retrieve(sim, provider, b.id)))
                return b.id;
        }
        return {};
    }
    QStringList idsOf(const GatewaySimulator &sim, const QString &provider) const
    {
        QStringList out;
        const QList<NativeBatchInfo> all = sim.nativeBatches();
        for (const NativeBatchInfo &b : all) {
            if (b.provider == provider)
                out << b.id;
        }
        return out;
    }

    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase();

    void nativeBatchesCoverEveryProvider();
    void withoutProviderAnswers400_data();
    void withoutProviderAnswers400();
    void providerMayComeFromTheHeader();
    void retrieveFieldsMatchTheFixtures_data();
    void retrieveFieldsMatchTheFixtures();
    void listShapesMatchTheFixtures();
    void paginationWalkReturnsEveryBatchOnce_data();
    void paginationWalkReturnsEveryBatchOnce();
    void anthropicPagesBackwardsWithBeforeId();
    void batchOfAnotherProviderIsNotFound_data();
    void batchOfAnotherProviderIsNotFound();
    void idWithSlashIsOneEncodedSegment();
    void cancelGoesThroughCancellingToTheEnd_data();
    void cancelGoesThroughCancellingToTheEnd();
    void lifecyclesMoveForwardWithConsistentTimes_data();
    void lifecyclesMoveForwardWithConsistentTimes();
    void failedBedrockJobMostlySucceeded();
    void bedrockFormatRouteStaysSparse();
    void bedrockDetailAddsNameAndRunningTime();
    void anthropicResultsMixOutcomes();
    void resultsArePagedAndReproducible();
    void resultsOfARunningBatchAreRefused();
    void largeResultsArePagedToTheEnd();
    void unpagedResultsStreamInOneBody();
    void nativeRoutesOnlyInTheBifrostFlavour();
};

HttpResult tst_SimulatorNative::send(const QByteArray &verb, const QUrl &url,
                                     const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(verb == "GET" ? m_nam.get(request)
                                                       : m_nam.post(request, QByteArray()));
    if (!reply->isFinished()) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(20000);
    }
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.body = reply->readAll();
    return r;
}

void tst_SimulatorNative::initTestCase()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void tst_SimulatorNative::nativeBatchesCoverEveryProvider()
{
    GatewaySimulator sim(frozen());
    const QList<NativeBatchInfo> all = sim.nativeBatches();
    QCOMPARE(idsOf(sim, u"bedrock"_s), sim.jobArns()); // the Bedrock-format route's jobs
    for (const QString &p : {u"openai"_s, u"anthropic"_s, u"gemini"_s})
        QCOMPARE(idsOf(sim, p).size(), sim.options().nativeBatchesPerProvider);
    QVERIFY(idsOf(sim, u"anthropic"_s).constFirst().startsWith(u"msgbatch_01"_s));
    QVERIFY(idsOf(sim, u"gemini"_s).constFirst().startsWith(u"batches/"_s));
    QVERIFY(idsOf(sim, u"openai"_s).constFirst().startsWith(u"batch_"_s));
    // Mixed case, as Anthropic ids are.
    const QString a = idsOf(sim, u"anthropic"_s).join(QString());
    QVERIFY(a.contains(QRegularExpression(u"[A-Z]"_s)));
    QVERIFY(a.mid(11).contains(QRegularExpression(u"[a-z]"_s)));
    // The same seed gives the same batches.
    GatewaySimulator again(frozen());
    QCOMPARE(idsOf(again, u"gemini"_s), idsOf(sim, u"gemini"_s));
}

void tst_SimulatorNative::withoutProviderAnswers400_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::newRow("list") << QByteArray("GET") << u"/v1/batches"_s;
    QTest::newRow("list, empty provider") << QByteArray("GET") << u"/v1/batches?provider="_s;
    QTest::newRow("retrieve") << QByteArray("GET") << u"/v1/batches/batch_abc"_s;
    QTest::newRow("cancel") << QByteArray("POST") << u"/v1/batches/batch_abc/cancel"_s;
    QTest::newRow("results") << QByteArray("GET") << u"/v1/batches/batch_abc/results"_s;
}

void tst_SimulatorNative::withoutProviderAnswers400()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    GatewaySimulator sim(frozen());
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    const QJsonObject expected = nativeFixture(u"error-400-provider-required.json"_s);
    BW_RETURN_IF_FAILED();
    const HttpResult r = send(verb, at(sim, path));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json(), expected);
}

void tst_SimulatorNative::providerMayComeFromTheHeader()
{
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QString id = idsOf(sim, u"anthropic"_s).constFirst();
    const HttpResult r = get(sim, u"/v1/batches/"_s + enc(id), {{"X-Model-Provider", "anthropic"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("id"_L1).toString(), id);
    // The query parameter wins over the header.
    const HttpResult q
            = get(sim, u"/v1/batches?provider=gemini"_s, {{"x-model-provider", "openai"}});
    QCOMPARE(q.json().value("extra_fields"_L1).toObject().value("provider"_L1).toString(),
             u"gemini"_s);
}

void tst_SimulatorNative::retrieveFieldsMatchTheFixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("withErrors"); // request_counts.failed > 0: 1 yes, 0 no, -1 either
    QTest::newRow("bedrock failed")
            << u"retrieve-bedrock-failed.json"_s << u"bedrock"_s << u"failed"_s << 0;
    QTest::newRow("openai completed")
            << u"retrieve-openai-completed.json"_s << u"openai"_s << u"completed"_s << 1;
    QTest::newRow("openai in progress")
            << u"retrieve-openai-inprogress.json"_s << u"openai"_s << u"in_progress"_s << -1;
    QTest::newRow("anthropic ended")
            << u"retrieve-anthropic-ended.json"_s << u"anthropic"_s << u"ended"_s << 1;
    QTest::newRow("gemini running")
            << u"retrieve-gemini-running.json"_s << u"gemini"_s << u"in_progress"_s << -1;
}

void tst_SimulatorNative::retrieveFieldsMatchTheFixtures()
{
    QFETCH(QString, fixture);
    QFETCH(QString, provider);
    QFETCH(QString, status);
    QFETCH(int, withErrors);
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QJsonObject expected = nativeFixture(fixture);
    BW_RETURN_IF_FAILED();

    const QString id = firstWhere(sim, provider, [&](const QJsonObject &o) {
        const qint64 failed
                = o.value("request_counts"_L1).toObject().value("failed"_L1).toInteger();
        return o.value("status"_L1).toString() == status
               && (withErrors < 0 || (failed > 0) == (withErrors > 0))
               && (provider != u"openai"_s || o.contains("metadata"_L1));
    });
    QVERIFY2(!id.isEmpty(), "no batch in that state");
    const QJsonObject body = retrieve(sim, provider, id);
    QCOMPARE(keys(body), keys(expected));
    QCOMPARE(keys(body.value("extra_fields"_L1).toObject()),
             keys(expected.value("extra_fields"_L1).toObject()));
    QCOMPARE(body.value("extra_fields"_L1).toObject().value("provider"_L1).toString(), provider);
    // Counts: total, completed and failed always; the others only from the fixture's set.
    const QSet<QString> counts = keys(body.value("request_counts"_L1).toObject());
    QVERIFY(counts.contains(QSet<QString>{u"total"_s, u"completed"_s, u"failed"_s}));
    QVERIFY(keys(expected.value("request_counts"_L1).toObject()).contains(counts));
    if (body.contains("metadata"_L1))
        QCOMPARE(keys(body.value("metadata"_L1).toObject()).size(), 1);
    // Times are Unix seconds.
    QVERIFY(qAbs(body.value("created_at"_L1).toInteger() - kEpoch.toSecsSinceEpoch()) < 30 * 86400);
}

void tst_SimulatorNative::listShapesMatchTheFixtures()
{
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QJsonObject openaiPage = nativeFixture(u"list-openai-page1.json"_s);
    const QJsonObject bedrockList = nativeFixture(u"list-bedrock.json"_s);
    BW_RETURN_IF_FAILED();

    const QJsonObject openai = get(sim, u"/v1/batches?provider=openai&limit=2"_s).json();
    QCOMPARE(keys(openai), keys(openaiPage));
    QCOMPARE(openai.value("data"_L1).toArray().size(), 2);

    const QJsonObject bedrock = get(sim, u"/v1/batches?provider=bedrock"_s).json();
    // Bifrost omits has_more when it is false; the rest is as in the sample.
    QSet<QString> expected = keys(bedrockList);
    expected.remove(u"has_more"_s);
    QCOMPARE(keys(bedrock), expected);
    const QJsonArray data = bedrock.value("data"_L1).toArray();
    QCOMPARE(data.size(), sim.jobCount());
    for (const QJsonValue &v : data) {
        QCOMPARE(keys(v.toObject()), keys(bedrockList.value("data"_L1)[0].toObject()));
        QCOMPARE(v.toObject().value("request_counts"_L1).toObject(),
                 (QJsonObject{{"total"_L1, 0}, {"completed"_L1, 0}, {"failed"_L1, 0}}));
    }
}

void tst_SimulatorNative::paginationWalkReturnsEveryBatchOnce_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("first");  // query of the first page
    QTest::addColumn<QString>("cursor"); // query parameter of the next page
    QTest::addColumn<QString>("from");   // body field the next cursor comes from
    QTest::newRow("openai") << u"openai"_s << u"limit=3"_s << u"after"_s << u"last_id"_s;
    QTest::newRow("anthropic") << u"anthropic"_s << u"limit=2"_s << u"after_id"_s << u"last_id"_s;
    QTest::newRow("gemini") << u"gemini"_s << u"page_size=3"_s << u"page_token"_s
                            << u"next_cursor"_s;
    QTest::newRow("bedrock, one page") << u"bedrock"_s << QString() << QString() << QString();
}

void tst_SimulatorNative::paginationWalkReturnsEveryBatchOnce()
{
    QFETCH(QString, provider);
    QFETCH(QString, first);
    QFETCH(QString, cursor);
    QFETCH(QString, from);
    SimulatorOptions o = frozen();
    o.nativeBatchesPerProvider = 11; // not a multiple of any page size
    GatewaySimulator sim(o);
    QVERIFY(sim.start());

    QStringList seen;
    QString query = u"provider="_s + provider + (first.isEmpty() ? QString() : u'&' + first);
    int pages = 0;
    qint64 previousCreated = std::numeric_limits<qint64>::max();
    for (; pages < 50; ++pages) {
        const HttpResult r = get(sim, u"/v1/batches?"_s + query);
        QCOMPARE(r.status, 200);
        const QJsonObject page = r.json();
        for (const QJsonValue &v : page.value("data"_L1).toArray()) {
            seen << v.toObject().value("id"_L1).toString();
            const qint64 created = v.toObject().value("created_at"_L1).toInteger();
            QVERIFY(created <= previousCreated); // newest first
            previousCreated = created;
        }
        if (!page.value("has_more"_L1).toBool())
            break;
        QVERIFY2(!from.isEmpty(), "more pages, but no way to ask for them");
        const QString next = page.value(from).toString();
        QVERIFY(!next.isEmpty());
        query = u"provider=%1&%2&%3=%4"_s.arg(provider, first, cursor, enc(next));
    }
    const QStringList expected = idsOf(sim, provider);
    QCOMPARE(seen.size(), expected.size());
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()),
             QSet<QString>(expected.cbegin(), expected.cend()));
    if (!first.isEmpty())
        QVERIFY(pages >= 3);
}

void tst_SimulatorNative::anthropicPagesBackwardsWithBeforeId()
{
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QJsonObject all = get(sim, u"/v1/batches?provider=anthropic&limit=100"_s).json();
    const QJsonArray data = all.value("data"_L1).toArray();
    QVERIFY(data.size() >= 5);
    const QString fifth = data.at(4).toObject().value("id"_L1).toString();
    const QJsonObject before
            = get(sim, u"/v1/batches?provider=anthropic&limit=2&before_id="_s + enc(fifth)).json();
    QCOMPARE(before.value("first_id"_L1).toString(),
             data.at(2).toObject().value("id"_L1).toString());
    QCOMPARE(before.value("last_id"_L1).toString(),
             data.at(3).toObject().value("id"_L1).toString());
}

void tst_SimulatorNative::batchOfAnotherProviderIsNotFound_data()
{
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("askedAs");
    QTest::addColumn<QString>("message");
    QTest::newRow("gemini as openai")
            << u"gemini"_s << u"openai"_s << u"No batch found with id 'batches/"_s;
    QTest::newRow("bedrock as anthropic") << u"bedrock"_s << u"anthropic"_s << u"Not found"_s;
    QTest::newRow("openai as bedrock")
            << u"openai"_s << u"bedrock"_s << u"Could not find model invocation job"_s;
    QTest::newRow("anthropic as gemini")
            << u"anthropic"_s << u"gemini"_s << u"Requested entity was not found."_s;
}

void tst_SimulatorNative::batchOfAnotherProviderIsNotFound()
{
    QFETCH(QString, owner);
    QFETCH(QString, askedAs);
    QFETCH(QString, message);
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QString id = idsOf(sim, owner).at(1);
    for (const QString &suffix : {QString(), u"/results"_s}) {
        const HttpResult r
                = get(sim, u"/v1/batches/%1%2?provider=%3"_s.arg(enc(id), suffix, askedAs));
        QCOMPARE(r.status, 404);
        const QJsonObject body = r.json();
        QCOMPARE(body.value("status_code"_L1).toInt(), 404);
        QVERIFY2(body.value("error"_L1)
                         .toObject()
                         .value("message"_L1)
                         .toString()
                         .startsWith(message),
                 r.body.constData());
        QCOMPARE(body.value("extra_fields"_L1).toObject().value("provider"_L1).toString(), askedAs);
    }
    QCOMPARE(post(sim, u"/v1/batches/%1/cancel?provider=%2"_s.arg(enc(id), askedAs)).status, 404);
}

void tst_SimulatorNative::idWithSlashIsOneEncodedSegment()
{
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QString id = idsOf(sim, u"gemini"_s).constFirst();
    QVERIFY(id.contains(u'/'));
    const HttpResult r = get(sim, u"/v1/batches/%1?provider=gemini"_s.arg(enc(id)));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("id"_L1).toString(), id);
    QCOMPARE(r.json().value("operation_name"_L1).toString(), id);
    // Sent as two segments, no batch route matches: Bifrost's web UI answers.
    const HttpResult unencoded = get(sim, u"/v1/batches/%1?provider=gemini"_s.arg(id));
    QVERIFY(!unencoded.contentType.startsWith("application/json"));
    // Decoded once only: "%252F" is a literal "%2F" in the id, which no batch has.
    QString twice = enc(id);
    twice.replace(u"%2F"_s, u"%252F"_s);
    QCOMPARE(get(sim, u"/v1/batches/%1?provider=gemini"_s.arg(twice)).status, 404);
    // An ARN, with its ':' and '/' encoded, is one segment too.
    const QString arn = sim.jobArns().constFirst();
    QCOMPARE(retrieve(sim, u"bedrock"_s, arn).value("id"_L1).toString(), arn);
}

void tst_SimulatorNative::cancelGoesThroughCancellingToTheEnd_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("finalStatus");
    QTest::newRow("openai") << u"openai"_s << u"cancelled"_s;
    QTest::newRow("anthropic") << u"anthropic"_s << u"ended"_s;
    QTest::newRow("gemini") << u"gemini"_s << u"cancelled"_s;
    QTest::newRow("bedrock") << u"bedrock"_s << u"cancelled"_s;
}

void tst_SimulatorNative::cancelGoesThroughCancellingToTheEnd()
{
    QFETCH(QString, provider);
    QFETCH(QString, finalStatus);
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QString id = firstWhere(sim, provider, [](const QJsonObject &o) {
        return o.value("status"_L1).toString() == u"in_progress"_s;
    });
    QVERIFY(!id.isEmpty());
    QSignalSpy cancelled(&sim, &GatewaySimulator::nativeBatchCancelled);
    QSignalSpy stopped(&sim, &GatewaySimulator::jobStopped);
    const QJsonObject before = retrieve(sim, provider, id);

    const HttpResult r = post(sim, u"/v1/batches/%1/cancel?provider=%2"_s.arg(enc(id), provider));
    QCOMPARE(r.status, 200);
    const QJsonObject c = r.json();
    QCOMPARE(c.value("id"_L1).toString(), id);
    QCOMPARE(c.value("status"_L1).toString(), u"cancelling"_s);
    QCOMPARE(c.value("extra_fields"_L1).toObject().value("request_type"_L1).toString(),
             u"batch_cancel"_s);
    QCOMPARE(cancelled.size() + stopped.size(), 1);
    if (provider != u"bedrock"_s) {
        const QJsonObject fixture = nativeFixture(u"cancel-openai.json"_s);
        BW_RETURN_IF_FAILED();
        QCOMPARE(keys(c), keys(fixture));
        QVERIFY(c.value("cancelling_at"_L1).toInteger()
                >= before.value("created_at"_L1).toInteger());
    }
    QCOMPARE(retrieve(sim, provider, id).value("status"_L1).toString(), u"cancelling"_s);

    sim.advance(10 * 60);
    const QJsonObject after = retrieve(sim, provider, id);
    QCOMPARE(after.value("status"_L1).toString(), finalStatus);
    const QJsonObject counts = after.value("request_counts"_L1).toObject();
    if (provider == u"anthropic"_s) {
        // The records not processed are "canceled"; the time it ended is set.
        QVERIFY(counts.value("canceled"_L1).toInteger() > 0);
        QCOMPARE(counts.value("total"_L1).toInteger(),
                 counts.value("succeeded"_L1).toInteger() + counts.value("failed"_L1).toInteger()
                         + counts.value("canceled"_L1).toInteger());
        QVERIFY(after.value("completed_at"_L1).toInteger()
                > after.value("cancelling_at"_L1).toInteger());
    } else if (provider == u"openai"_s) {
        QVERIFY(after.value("cancelled_at"_L1).toInteger()
                > after.value("cancelling_at"_L1).toInteger());
        QVERIFY(counts.value("completed"_L1).toInteger() < counts.value("total"_L1).toInteger());
    }

    // A batch that has ended cannot be cancelled again.
    const HttpResult again
            = post(sim, u"/v1/batches/%1/cancel?provider=%2"_s.arg(enc(id), provider));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value("is_bifrost_error"_L1).toBool(true), false);
    QVERIFY(!again.json().value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
}

void tst_SimulatorNative::lifecyclesMoveForwardWithConsistentTimes_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QStringList>("order"); // statuses in the order a batch may pass them
    QTest::newRow("openai") << u"openai"_s
                            << QStringList{u"validating"_s, u"in_progress"_s, u"finalizing"_s,
                                           u"completed"_s};
    QTest::newRow("anthropic") << u"anthropic"_s << QStringList{u"in_progress"_s, u"ended"_s};
    QTest::newRow("gemini") << u"gemini"_s
                            << QStringList{u"validating"_s, u"in_progress"_s, u"completed"_s};
    QTest::newRow("bedrock") << u"bedrock"_s
                             << QStringList{u"validating"_s, u"in_progress"_s, u"completed"_s};
}

void tst_SimulatorNative::lifecyclesMoveForwardWithConsistentTimes()
{
    QFETCH(QString, provider);
    QFETCH(QStringList, order);
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QStringList ids = idsOf(sim, provider);
    QHash<QString, QJsonObject> last;
    QHash<QString, QStringList> passed;
    const QStringList timeKeys{u"in_progress_at"_s, u"finalizing_at"_s, u"completed_at"_s,
                               u"failed_at"_s,      u"expired_at"_s,    u"cancelling_at"_s,
                               u"cancelled_at"_s};
    for (int step = 0; step < 40; ++step) {
        const qint64 now = sim.now().toSecsSinceEpoch();
        for (const QString &id : ids) {
            const QJsonObject o = retrieve(sim, provider, id);
            const QString status = o.value("status"_L1).toString();
            QStringList &seen = passed[id];
            if (seen.isEmpty() || seen.constLast() != status)
                seen << status;
            // Every time lies between creation and now; none before its status was reached.
            const qint64 created = o.value("created_at"_L1).toInteger();
            QVERIFY(created <= now);
            for (const QString &k : timeKeys) {
                const qint64 t = o.value(k).toInteger(created);
                QVERIFY2(t >= created && t <= now, qPrintable(id + u' ' + k));
            }
            const QList<QStringList> chains{
                    {u"in_progress_at"_s, u"finalizing_at"_s, u"completed_at"_s},
                    {u"in_progress_at"_s, u"expired_at"_s},
                    {u"cancelling_at"_s, u"cancelled_at"_s},
                    {u"cancelling_at"_s, u"completed_at"_s}};
            for (const QStringList &chain : chains) {
                qint64 previous = created;
                for (const QString &k : chain) {
                    if (!o.contains(k))
                        continue;
                    QVERIFY2(o.value(k).toInteger() >= previous, qPrintable(id + u' ' + k));
                    previous = o.value(k).toInteger();
                }
            }
            if (status == u"validating"_s || status == u"in_progress"_s)
                QVERIFY2(!o.contains("completed_at"_L1), qPrintable(id));
            if (status == u"validating"_s)
                QVERIFY2(!o.contains("in_progress_at"_L1), qPrintable(id));
            if (status == u"finalizing"_s)
                QVERIFY(o.contains("finalizing_at"_L1));
            // Counts never go backwards.
            const QJsonObject counts = o.value("request_counts"_L1).toObject();
            const QJsonObject before = last.value(id).value("request_counts"_L1).toObject();
            QVERIFY(counts.value("completed"_L1).toInteger()
                    >= before.value("completed"_L1).toInteger());
            if (provider == u"gemini"_s)
                QVERIFY(o.value("progress"_L1).toInt()
                        >= last.value(id).value("progress"_L1).toInt());
            last.insert(id, o);
        }
        sim.advance(step < 20 ? 60 : 3600);
    }
    // Some batch passed through the statuses in order, and none ever went back.
    bool walkedTheWholeWay = false;
    for (auto it = passed.cbegin(); it != passed.cend(); ++it) {
        qsizetype previous = -1;
        for (const QString &s : it.value()) {
            const qsizetype k = order.indexOf(s);
            if (k < 0)
                continue; // failed, expired, cancelled...
            QVERIFY2(k > previous, qPrintable(it.key() + u": "_s + it.value().join(u", "_s)));
            previous = k;
        }
        walkedTheWholeWay |= it.value().size() >= order.size() - 1
                             && it.value().constLast() == order.constLast();
    }
    QVERIFY(walkedTheWholeWay);
}

void tst_SimulatorNative::failedBedrockJobMostlySucceeded()
{
    SimulatorOptions o = frozen();
    o.resultsPageSize = 5000;
    GatewaySimulator sim(o);
    QVERIFY(sim.start());
    const QString arn = sim.partlySucceededJobArn();
    QVERIFY(!arn.isEmpty());
    const QJsonObject job = retrieve(sim, u"bedrock"_s, arn);
    QCOMPARE(job.value("status"_L1).toString(), u"failed"_s);
    QVERIFY(job.contains("completed_at"_L1));
    QVERIFY(job.contains("expires_at"_L1));

    qint64 succeeded = 0;
    QHash<QString, qint64> errorCodes;
    QSet<QString> groups;
    QSet<QString> messages;
    QSet<QString> ids;
    QString query = u"provider=bedrock"_s;
    int pages = 0;
    for (; pages < 20; ++pages) {
        const HttpResult r = get(sim, u"/v1/batches/%1/results?%2"_s.arg(enc(arn), query));
        QCOMPARE(r.status, 200);
        const QJsonObject page = r.json();
        QCOMPARE(page.value("batch_id"_L1).toString(), arn);
        for (const QJsonValue &v : page.value("results"_L1).toArray()) {
            const QJsonObject rec = v.toObject();
            ids << rec.value("custom_id"_L1).toString();
            const int code = rec.value("response"_L1).toObject().value("status_code"_L1).toInt();
            if (!rec.contains("error"_L1)) {
                QCOMPARE(code, 200);
                ++succeeded;
                continue;
            }
            const QJsonObject e = rec.value("error"_L1).toObject();
            QCOMPARE(e.value("code"_L1).toString(), QString::number(code));
            ++errorCodes[e.value("code"_L1).toString()];
            messages << e.value("message"_L1).toString();
            groups << e.value("code"_L1).toString() + u' '
                              + normalised(e.value("message"_L1).toString());
        }
        if (!page.value("has_more"_L1).toBool())
            break;
        query = u"provider=bedrock&cursor="_s + enc(page.value("next_cursor"_L1).toString());
    }
    QCOMPARE(pages, 8); // 41,234 records in pages of 5,000
    QCOMPARE(ids.size(), 41'234);
    QCOMPARE(succeeded, 41'000);
    qint64 errors = 0;
    for (qint64 n : std::as_const(errorCodes))
        errors += n;
    QCOMPARE(errors, 234);
    QVERIFY(errorCodes.size() >= 3); // 400, 429, 500
    // Many distinct messages, a handful of groups once numbers and ids are taken out.
    QVERIFY(messages.size() > 50);
    QVERIFY(groups.size() >= 3 && groups.size() <= 6);
}

void tst_SimulatorNative::bedrockFormatRouteStaysSparse()
{
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QString arn = sim.partlySucceededJobArn();
    const HttpResult r = get(sim, u"/bedrock/model-invocation-job/"_s + enc(arn));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value("status"_L1).toString(), u"Failed"_s); // PartiallyCompleted at AWS
    for (const char *absent :
         {"jobExpirationTime", "totalRecordCount", "processedRecordCount", "successRecordCount",
          "errorRecordCount", "modelId", "lastModifiedTime"})
        QVERIFY2(!o.contains(QLatin1StringView(absent)), absent);
    QCOMPARE(sim.jobStatus(arn), JobStatus::PartiallyCompleted);
}

void tst_SimulatorNative::bedrockDetailAddsNameAndRunningTime()
{
    SimulatorOptions o = frozen();
    o.bedrockNativeDetail = true;
    GatewaySimulator sim(o);
    GatewaySimulator plain(frozen());
    QVERIFY(sim.start());
    QVERIFY(plain.start());
    const QString arn = sim.partlySucceededJobArn();
    const QJsonObject detailed = retrieve(sim, u"bedrock"_s, arn);
    const QJsonObject sparse = retrieve(plain, u"bedrock"_s, arn);
    QCOMPARE(keys(detailed) - keys(sparse), (QSet<QString>{u"metadata"_s, u"in_progress_at"_s}));
    QCOMPARE(detailed.value("metadata"_L1).toObject().value("job_name"_L1).toString(),
             sim.jobState(arn)->jobName.value_or(QString()));
    const qint64 ran = detailed.value("in_progress_at"_L1).toInteger();
    QVERIFY(ran > detailed.value("created_at"_L1).toInteger());
    QVERIFY(ran < detailed.value("completed_at"_L1).toInteger());
    // A job still validating has not started running.
    const QString validating = firstWhere(sim, u"bedrock"_s, [](const QJsonObject &b) {
        return b.value("status"_L1).toString() == u"validating"_s;
    });
    QVERIFY(!validating.isEmpty());
    QVERIFY(!retrieve(sim, u"bedrock"_s, validating).contains("in_progress_at"_L1));
}

void tst_SimulatorNative::anthropicResultsMixOutcomes()
{
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QString id = firstWhere(sim, u"anthropic"_s, [](const QJsonObject &o) {
        return o.value("request_counts"_L1).toObject().value("expired"_L1).toInteger() > 0
               && o.value("request_counts"_L1).toObject().value("failed"_L1).toInteger() > 0;
    });
    QVERIFY(!id.isEmpty());
    const QJsonObject counts
            = retrieve(sim, u"anthropic"_s, id).value("request_counts"_L1).toObject();
    const QJsonObject fixture = nativeFixture(u"results-anthropic-page.json"_s);
    BW_RETURN_IF_FAILED();

    QHash<QString, qint64> types;
    QString query = u"provider=anthropic&limit=500"_s;
    for (int pages = 0; pages < 100; ++pages) {
        const QJsonObject page
                = get(sim, u"/v1/batches/%1/results?%2"_s.arg(enc(id), query)).json();
        QCOMPARE(keys(page).subtract({u"has_more"_s, u"next_cursor"_s}),
                 keys(fixture).subtract({u"has_more"_s, u"next_cursor"_s}));
        for (const QJsonValue &v : page.value("results"_L1).toArray()) {
            const QJsonObject rec = v.toObject();
            const QString type = rec.value("result"_L1).toObject().value("type"_L1).toString();
            ++types[type];
            QCOMPARE(rec.contains("error"_L1), type == u"errored"_s);
        }
        if (!page.value("has_more"_L1).toBool())
            break;
        query = u"provider=anthropic&limit=500&cursor="_s
                + enc(page.value("next_cursor"_L1).toString());
    }
    QCOMPARE(types.value(u"succeeded"_s), counts.value("succeeded"_L1).toInteger());
    QCOMPARE(types.value(u"errored"_s), counts.value("failed"_L1).toInteger());
    QCOMPARE(types.value(u"expired"_s), counts.value("expired"_L1).toInteger());
    QCOMPARE(types.value(u"succeeded"_s) + types.value(u"errored"_s) + types.value(u"expired"_s),
             counts.value("total"_L1).toInteger());
}

void tst_SimulatorNative::resultsArePagedAndReproducible()
{
    SimulatorOptions o = frozen();
    o.resultsPageSize = 40;
    GatewaySimulator sim(o);
    GatewaySimulator twin(frozen()); // same seed, default page size
    QVERIFY(sim.start());
    QVERIFY(twin.start());
    const QString id = firstWhere(sim, u"openai"_s, [](const QJsonObject &b) {
        return b.value("status"_L1).toString() == u"completed"_s;
    });
    QVERIFY(!id.isEmpty());
    const QString path = u"/v1/batches/%1/results?provider=openai"_s.arg(enc(id));

    const QJsonObject first = get(sim, path).json();
    QCOMPARE(first.value("results"_L1).toArray().size(), 40);
    QCOMPARE(first.value("has_more"_L1).toBool(), true);
    // A client may ask for less than the page size, never for more.
    QCOMPARE(get(sim, path + u"&limit=7"_s).json().value("results"_L1).toArray().size(), 7);
    QCOMPARE(get(sim, path + u"&limit=700"_s).json().value("results"_L1).toArray().size(), 40);

    const QJsonObject second
            = get(sim, path + u"&cursor="_s + enc(first.value("next_cursor"_L1).toString())).json();
    const QJsonArray all = get(twin, path + u"&limit=80"_s).json().value("results"_L1).toArray();
    QCOMPARE(all.size(), 80);
    for (int i = 0; i < 40; ++i) {
        QCOMPARE(first.value("results"_L1)[i].toObject(), all.at(i).toObject());
        QCOMPARE(second.value("results"_L1)[i].toObject(), all.at(40 + i).toObject());
    }
    // A cursor that names no record is refused.
    QCOMPARE(get(sim, path + u"&cursor=nonsense"_s).status, 400);
}

void tst_SimulatorNative::resultsOfARunningBatchAreRefused()
{
    GatewaySimulator sim(frozen());
    QVERIFY(sim.start());
    const QString id = firstWhere(sim, u"openai"_s, [](const QJsonObject &b) {
        return b.value("status"_L1).toString() == u"in_progress"_s;
    });
    const HttpResult r = get(sim, u"/v1/batches/%1/results?provider=openai"_s.arg(enc(id)));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value("extra_fields"_L1).toObject().value("request_type"_L1).toString(),
             u"batch_results"_s);
}

void tst_SimulatorNative::largeResultsArePagedToTheEnd()
{
    SimulatorOptions o = frozen();
    o.largeResultsRecords = 3'000'000;
    o.resultsPageSize = 2000;
    GatewaySimulator sim(o);
    QVERIFY(sim.start());
    const QString id = sim.largeResultsBatchId();
    QVERIFY(!id.isEmpty());
    const QJsonObject batch = retrieve(sim, u"openai"_s, id);
    QCOMPARE(batch.value("status"_L1).toString(), u"completed"_s);
    QCOMPARE(batch.value("request_counts"_L1).toObject().value("total"_L1).toInteger(), 3'000'000);
    const QString path = u"/v1/batches/%1/results?provider=openai"_s.arg(enc(id));
    const QJsonObject first = get(sim, path).json();
    QCOMPARE(first.value("results"_L1).toArray().size(), 2000);
    // Jump near the end: the page is generated on its own, without the records before it.
    const QString cursor = first.value("results"_L1)[0]
                                   .toObject()
                                   .value("custom_id"_L1)
                                   .toString()
                                   .replace(u"000001"_s, u"2999000"_s);
    const QJsonObject last = get(sim, path + u"&cursor="_s + cursor).json();
    QCOMPARE(last.value("results"_L1).toArray().size(), 1000);
    QVERIFY(!last.contains("has_more"_L1));
    QVERIFY(last.value("results"_L1)
                    .toArray()
                    .last()
                    .toObject()
                    .value("custom_id"_L1)
                    .toString()
                    .endsWith(u"3000000"_s));
    QVERIFY(sim.largeResultsBatchId().isEmpty() == false);
    GatewaySimulator plain(frozen());
    QVERIFY(plain.largeResultsBatchId().isEmpty());
}

void tst_SimulatorNative::unpagedResultsStreamInOneBody()
{
    SimulatorOptions o = frozen();
    o.resultsPageSize = 0;
    o.largeResultsRecords = 2'000'000; // about 600 MB if it were sent whole
    GatewaySimulator sim(o);
    QVERIFY(sim.start());

    // Every record of the Bedrock job in one body, as Bifrost sends them.
    const QString arn = sim.partlySucceededJobArn();
    const HttpResult r = get(sim, u"/v1/batches/%1/results?provider=bedrock"_s.arg(enc(arn)));
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QCOMPARE(body.value("batch_id"_L1).toString(), arn);
    QCOMPARE(body.value("results"_L1).toArray().size(), 41'234);
    QVERIFY(!body.contains("has_more"_L1));
    QCOMPARE(keys(body.value("extra_fields"_L1).toObject()),
             (QSet<QString>{u"request_type"_s, u"provider"_s, u"latency"_s, u"chunk_index"_s}));

    // A client that stops reading a huge body (its cap) leaves the simulator serving.
    QNetworkRequest request(at(
            sim, u"/v1/batches/%1/results?provider=openai"_s.arg(enc(sim.largeResultsBatchId()))));
    std::unique_ptr<QNetworkReply> big(m_nam.get(request));
    qint64 received = 0;
    connect(big.get(), &QNetworkReply::readyRead, this, [&] {
        received += big->readAll().size();
        if (received > 4 * 1024 * 1024)
            big->abort();
    });
    QSignalSpy finished(big.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(big->error(), QNetworkReply::OperationCanceledError);
    QVERIFY(received > 4 * 1024 * 1024);
    QCOMPARE(get(sim, u"/health"_s).status, 200);
    QCOMPARE(retrieve(sim, u"bedrock"_s, arn).value("id"_L1).toString(), arn);
}

void tst_SimulatorNative::nativeRoutesOnlyInTheBifrostFlavour()
{
    SimulatorOptions o = frozen();
    o.flavour = Flavour::Aws;
    GatewaySimulator sim(o);
    QVERIFY(sim.start());
    QVERIFY(sim.nativeBatches().isEmpty());
    QVERIFY(sim.partlySucceededJobArn().isEmpty());
    const HttpResult r = get(sim, u"/v1/batches?provider=openai"_s);
    QCOMPARE(r.status, 404);
    QVERIFY(!r.json().contains("data"_L1));
}

QTEST_GUILESS_MAIN(tst_SimulatorNative)
#include "tst_simulatornative.moc"
