// End to end: batchwatch-cli against a hostile loopback gateway (issue 12): bodies of the wrong
// shape, transient failures and retries, and what the CLI says before a key travels in clear.

#include "clitestsupport.h"
#include "loopbackhttpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

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

QTEST_GUILESS_MAIN(TstCliReliability)
#include "tst_clireliability.moc"
