// End to end: batchwatch-cli against a hostile loopback gateway (issue 12): bodies of the wrong
// shape, transient failures and retries, and what the CLI says before a key travels in clear.

#include "clitestsupport.h"
#include "fixtures.h"
#include "loopbackhttpserver.h"
#include "wire/retrypolicy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

namespace {

const QString kId = u"k3x9p2m7q1ab"_s;
using Response = LoopbackHttpServer::Response;

QString urlOf(const LoopbackHttpServer &server)
{
    return server.baseUrl().toString();
}

} // namespace

class TstCliReliability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesAJobBodyWithoutIdentityOrStatus();
    void listsWrongTypesAsProblemsInJson();
    void getRetriesA429AfterItsRetryAfter();
    void getGivesUpAfterBoundedAttempts();
    void listRetriesATransientFailure();
    void stopIsNeverRetried();
};

void TstCliReliability::refusesAJobBodyWithoutIdentityOrStatus()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(Response::json(
            200, R"({"jobArn":1234,"status":["InProgress"],"totalRecordCount":"many",)"
                 R"("submitTime":"2025-03-14T09:26:53Z"})"));
    const CliRun run = runCli({u"get"_s, kId, u"--gateway"_s, urlOf(server), u"--route"_s,
                               u"singular"_s, u"--format"_s, u"json"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.json().value(u"jobs"_s).toArray().size(), 0);
    const QJsonArray errors = run.json().value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 1);
    const QString message = errors.at(0).toObject().value(u"message"_s).toString();
    for (const QString &name : {u"jobArn"_s, u"status"_s, u"totalRecordCount"_s})
        QVERIFY2(message.contains(name), qPrintable(message));
}

void TstCliReliability::listsWrongTypesAsProblemsInJson()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(Response::json(
            200, R"({"jobArn":"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/)"
                 R"(k3x9p2m7q1ab","status":"InProgress","totalRecordCount":"many",)"
                 R"("processedRecordCount":[1]})"));
    const CliRun run = runCli({u"get"_s, kId, u"--gateway"_s, urlOf(server), u"--route"_s,
                               u"singular"_s, u"--format"_s, u"json"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonArray jobs = run.json().value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 1);
    const QJsonObject entry = jobs.at(0).toObject();
    QVERIFY(!entry.value(u"job"_s).toObject().contains(u"totalRecordCount"_s));
    QStringList fields;
    for (const QJsonValue &p : entry.value(u"problems"_s).toArray())
        fields << p.toObject().value(u"field"_s).toString();
    QCOMPARE(fields, (QStringList{u"totalRecordCount"_s, u"processedRecordCount"_s}));
}

void TstCliReliability::getRetriesA429AfterItsRetryAfter()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body = fixture(u"retrieve-completed.json"_s);
    BW_RETURN_IF_FAILED();
    auto answered = std::make_shared<int>(0);
    server.setHandler([answered, body](const LoopbackHttpServer::Request &) {
        if ((*answered)++ == 0)
            return Response::json(429, R"({"__type":"ThrottlingException","message":"slow"})")
                    .withHeader("Retry-After", "1");
        return Response::json(200, body);
    });
    const CliRun run = runCli({u"get"_s, kId, u"--gateway"_s, urlOf(server), u"--route"_s,
                               u"singular"_s, u"--format"_s, u"json"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QCOMPARE(run.json().value(u"jobs"_s).toArray().size(), 1);
    QCOMPARE(server.requestCount(), 2);
}

void TstCliReliability::getGivesUpAfterBoundedAttempts()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(Response::json(503, R"({"message":"down for maintenance"})"));
    const CliRun run
            = runCli({u"get"_s, kId, u"--gateway"_s, urlOf(server), u"--route"_s, u"singular"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QCOMPARE(run.exitCode, 1); // the gateway answered: not "unreachable"
    QCOMPARE(server.requestCount(), RetryPolicy().maxAttempts);
    QVERIFY2(run.errText().contains(u"after 3 attempts"_s), qPrintable(run.errText()));
}

void TstCliReliability::listRetriesATransientFailure()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    auto answered = std::make_shared<int>(0);
    server.setHandler([answered](const LoopbackHttpServer::Request &) {
        if ((*answered)++ == 0)
            return Response::json(502, R"({"message":"bad gateway"})");
        return Response::json(200, R"({"invocationJobSummaries":[]})");
    });
    const CliRun run = runCli({u"list"_s, u"--gateway"_s, urlOf(server), u"--format"_s, u"json"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QCOMPARE(server.requestCount(), 2);
}

void TstCliReliability::stopIsNeverRetried()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(Response::json(503, R"({"message":"down"})"));
    const CliRun run = runCli({u"stop"_s, kId, u"--gateway"_s, urlOf(server), u"--yes"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QVERIFY(run.exitCode != 0);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().constFirst().method, QByteArray("POST"));
}

QTEST_GUILESS_MAIN(TstCliReliability)
#include "tst_clireliability.moc"
