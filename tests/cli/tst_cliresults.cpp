// End to end: `batchwatch-cli results` against a loopback server answering Bifrost's native
// results route (the simulator's native routes are tested with the simulator).

#include "clitestsupport.h"
#include "fixtures.h"
#include "loopbackhttpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

using Server = LoopbackHttpServer;

namespace {

const QString kArn = u"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab"_s;

QByteArray native(const QString &name)
{
    return fixture(u"../bifrost-native/"_s + name);
}

QString url(const Server &server)
{
    return server.baseUrl().toString();
}

} // namespace

class TstCliResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedRecordsAsJsonLines();
    void failedRecordsAsCsv();
    void summaryAsJsonFollowsPages();
    void capIsSaid();
    void unreachableExitsThree();
    void usageErrors_data();
    void usageErrors();
};

void TstCliResults::failedRecordsAsJsonLines()
{
    const QByteArray body = native(u"results-bedrock.json"_s);
    BW_RETURN_IF_FAILED();
    Server server;
    QVERIFY(server.listen());
    server.respondWith(Server::Response::json(200, body));
    const CliRun run = runCli({u"results"_s, kArn, u"--failed-only"_s, u"--format"_s, u"jsonl"_s,
                               u"--gateway"_s, url(server)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().at(0).target,
             QByteArray("/v1/batches/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Amodel-"
                        "invocation-job%2Fk3x9p2m7q1ab/results?provider=bedrock"));
    const QList<QJsonObject> lines = run.jsonLines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).value(u"customId"_s).toString(), u"claim-000002"_s);
    QCOMPARE(lines.at(0).value(u"code"_s).toString(), u"400"_s);
    QCOMPARE(lines.at(0).value(u"identifier"_s).toString(), kArn);
    QVERIFY(lines.at(0).value(u"message"_s).toString().startsWith(u"Malformed input request"_s));
    QCOMPARE(lines.at(1).value(u"code"_s).toString(), u"429"_s);
    QCOMPARE(lines.at(2).value(u"customId"_s).toString(), u"claim-000005"_s);
}

void TstCliResults::failedRecordsAsCsv()
{
    const QByteArray body = native(u"results-anthropic-page.json"_s);
    BW_RETURN_IF_FAILED();
    Server server;
    QVERIFY(server.listen());
    server.setHandler([body](const Server::Request &r) {
        if (r.query().contains("cursor="))
            return Server::Response::json(200, R"({"batch_id":"m","results":[]})");
        return Server::Response::json(200, body);
    });
    const CliRun run = runCli({u"results"_s, u"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"_s,
                               u"--provider"_s, u"anthropic"_s, u"--failed-only"_s, u"--format"_s,
                               u"csv"_s, u"--gateway"_s, url(server)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY(server.requests().at(0).query().contains("provider=anthropic"));
    const QStringList rows = run.outText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), u"identifier,custom_id,outcome,code,message"_s);
    QCOMPARE(rows.at(1), u"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d,faq-0002,errored,"
                         "invalid_request_error,\"max_tokens: 100000 > 8192, which is the "
                         "maximum allowed\""_s);
    QCOMPARE(rows.at(2), u"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d,faq-0003,expired,expired,"_s);
}

void TstCliResults::summaryAsJsonFollowsPages()
{
    const QByteArray first = native(u"results-anthropic-page.json"_s);
    BW_RETURN_IF_FAILED();
    Server server;
    QVERIFY(server.listen());
    server.setHandler([first](const Server::Request &r) {
        if (r.query().contains("cursor=faq-0003"))
            return Server::Response::json(
                    200, R"({"batch_id":"m","results":[{"custom_id":"faq-0004","result":)"
                         R"({"type":"succeeded"}}],"has_more":false})");
        return Server::Response::json(200, first);
    });
    const CliRun run
            = runCli({u"results"_s, u"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"_s, u"--provider"_s,
                      u"anthropic"_s, u"--format"_s, u"json"_s, u"--gateway"_s, url(server)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QCOMPARE(server.requestCount(), 2);
    const QJsonArray results = run.json().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 1);
    const QJsonObject s = results.at(0).toObject();
    QCOMPARE(s.value(u"succeeded"_s).toInt(), 2);
    QCOMPARE(s.value(u"errored"_s).toInt(), 1);
    QCOMPARE(s.value(u"expired"_s).toInt(), 1);
    QCOMPARE(s.value(u"complete"_s).toBool(), true);
    QCOMPARE(s.value(u"capped"_s).toBool(), false);
    QCOMPARE(s.value(u"errorGroups"_s).toArray().size(), 2);
}

void TstCliResults::capIsSaid()
{
    const QByteArray body = native(u"results-bedrock.json"_s);
    BW_RETURN_IF_FAILED();
    Server server;
    QVERIFY(server.listen());
    server.respondWith(Server::Response::json(200, body));
    const CliRun run
            = runCli({u"results"_s, kArn, u"--max-bytes"_s, u"100"_s, u"--gateway"_s, url(server)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY2(run.outText().contains(u"capped after"_s), qPrintable(run.outText()));
    QVERIFY2(run.errText().contains(u"size cap"_s), qPrintable(run.errText()));
}

void TstCliResults::unreachableExitsThree()
{
    Server server;
    QVERIFY(server.listen());
    const QString gone = url(server);
    server.respondWith(Server::Response::reset());
    const CliRun run = runCli(
            {u"results"_s, u"batch_1"_s, u"--provider"_s, u"openai"_s, u"--gateway"_s, gone});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.errText().contains(u"batch_1"_s));
}

void TstCliResults::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no id") << QStringList{u"results"_s};
    QTest::newRow("bad max-bytes") << QStringList{u"results"_s, u"b"_s, u"--max-bytes"_s, u"x"_s};
    QTest::newRow("html") << QStringList{u"results"_s, u"b"_s, u"--format"_s, u"html"_s};
}

void TstCliResults::usageErrors()
{
    QFETCH(QStringList, args);
    const CliRun run = runCli(args + QStringList{u"--gateway"_s, u"http://127.0.0.1:9"_s});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
}

QTEST_GUILESS_MAIN(TstCliResults)
#include "tst_cliresults.moc"
