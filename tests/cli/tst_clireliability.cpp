// End to end: batchwatch-cli against a hostile loopback gateway (issue 12): bodies of the wrong
// shape, transient failures and retries, and what the CLI says before a key travels in clear.

#include "clitestsupport.h"
#include "fixtures.h"
#include "gatewaysession.h"
#include "loopbackhttpserver.h"
#include "wire/retrypolicy.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

Q_DECLARE_METATYPE(bw::AuthMode)

namespace {

const QString kId = u"k3x9p2m7q1ab"_s;
using Response = LoopbackHttpServer::Response;

QString urlOf(const LoopbackHttpServer &server)
{
    return server.baseUrl().toString();
}

// What batchwatch-cli itself said on stderr, without Qt's own categories (every category on
// buries it): the last lines, for a failure message.
QString ownLines(const CliRun &run)
{
    static const QRegularExpression qtLine(u"^(qt\\.|[ {}\\[\\]\"])"_s);
    QStringList own;
    for (const QString &line : run.errLines()) {
        if (!qtLine.match(line).hasMatch())
            own.append(line);
    }
    return own.mid(std::max<qsizetype>(0, own.size() - 12)).join(u'\n');
}

} // namespace

class TstCliReliability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesAJobBodyWithoutIdentityOrStatus();
    void listsWrongTypesAsProblemsInJson();
    void tricklingAnswerIsNotUnreachable();
    void everyCommandCountsATricklingGatewayAsReached_data();
    void everyCommandCountsATricklingGatewayAsReached();
    void getRetriesA429AfterItsRetryAfter();
    void getGivesUpAfterBoundedAttempts();
    void listRetriesATransientFailure();
    void stopIsNeverRetried();
    void knowsWhenAKeyTravelsInClear_data();
    void knowsWhenAKeyTravelsInClear();
    void warnsBeforeAKeyTravelsInClear_data();
    void warnsBeforeAKeyTravelsInClear();
    void keyNeverAppearsInLogsStoreOrExports_data();
    void keyNeverAppearsInLogsStoreOrExports();
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

    // A native batch without a readable id nor status is an error that names them.
    LoopbackHttpServer native;
    QVERIFY(native.listen());
    native.respondWith(
            Response::json(200, R"({"id":7,"status":["in_progress"],"created_at":"yesterday"})"));
    const CliRun nativeRun = runCli(
            {u"get"_s, u"batch_n1"_s, u"--provider"_s, u"openai"_s, u"--gateway"_s, urlOf(native)});
    QVERIFY2(nativeRun.finished, "batchwatch-cli did not finish");
    QCOMPARE(nativeRun.exitCode, 1);
    QVERIFY2(nativeRun.errText().contains(
                     u"no readable id (a number) nor status (an array); also of the wrong type: "
                     "created_at"_s),
             qPrintable(nativeRun.errText()));
}

// A gateway that answers HTTP 200 and then trickles past the deadline was reached: get says
// so and exits 1, not 3 ("cannot reach the gateway").
void TstCliReliability::tricklingAnswerIsNotUnreachable()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(
            Response::trickle(200, "application/json", fixture(u"retrieve-completed.json"_s), 100));
    const CliRun run = runCli({u"get"_s, kId, u"--gateway"_s, urlOf(server), u"--route"_s,
                               u"singular"_s, u"--timeout"_s, u"0.2"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errText().contains(u"began to answer (HTTP 200)"_s), qPrintable(run.errText()));
    QVERIFY2(!run.errText().contains(u"cannot reach"_s), qPrintable(run.errText()));
}

void TstCliReliability::everyCommandCountsATricklingGatewayAsReached_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("list") << QStringList{u"list"_s} << u"listing failed: "_s;
    // The gateway began to answer the POST: the stop may have gone through.
    QTest::newRow("stop") << QStringList{u"stop"_s, kId, u"--yes"_s, u"--route"_s, u"singular"_s}
                          << u"The stop may have been accepted: check with get."_s;
    QTest::newRow("results") << QStringList{u"results"_s, kId, u"--route"_s, u"singular"_s}
                             << kId + u": "_s;
}

// list, stop and results, like get: HTTP 200 and then a body trickling past the deadline is a
// failure of a gateway that was reached (exit 1), not "cannot reach the gateway" (exit 3).
void TstCliReliability::everyCommandCountsATricklingGatewayAsReached()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.respondWith(
            Response::trickle(200, "application/json", fixture(u"retrieve-completed.json"_s), 100));
    const CliRun run
            = runCli(args + QStringList{u"--gateway"_s, urlOf(server), u"--timeout"_s, u"0.2"_s});
    QVERIFY2(run.finished, "batchwatch-cli did not finish");
    QVERIFY2(run.exitCode == 1, qPrintable(ownLines(run)));
    QVERIFY2(run.errText().contains(says), qPrintable(ownLines(run)));
    QVERIFY2(run.errText().contains(u"began to answer (HTTP 200)"_s), qPrintable(ownLines(run)));
    QVERIFY2(!run.errText().contains(u"cannot reach"_s), qPrintable(ownLines(run)));
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
    QCOMPARE(entry.value(u"problems"_s).toArray().at(0).toObject().value(u"kind"_s).toString(),
             u"wrong-type"_s);

    // The same through Bifrost's native route.
    LoopbackHttpServer native;
    QVERIFY(native.listen());
    native.respondWith(
            Response::json(200, R"({"id":"batch_n1","object":"batch","status":"in_progress",)"
                                R"("created_at":"yesterday","request_counts":{"total":"many"}})"));
    const CliRun nativeRun = runCli({u"get"_s, u"batch_n1"_s, u"--provider"_s, u"openai"_s,
                                     u"--gateway"_s, urlOf(native), u"--format"_s, u"json"_s});
    QVERIFY2(nativeRun.finished, "batchwatch-cli did not finish");
    QVERIFY2(nativeRun.exitCode == 0, qPrintable(nativeRun.errText()));
    const QJsonObject nativeEntry = nativeRun.json().value(u"jobs"_s).toArray().at(0).toObject();
    QStringList nativeFields;
    QStringList kinds;
    for (const QJsonValue &p : nativeEntry.value(u"problems"_s).toArray()) {
        nativeFields << p.toObject().value(u"field"_s).toString();
        kinds << p.toObject().value(u"kind"_s).toString();
    }
    QCOMPARE(nativeFields, (QStringList{u"created_at"_s, u"request_counts.total"_s}));
    QCOMPARE(kinds, (QStringList{u"not-a-time"_s, u"wrong-type"_s}));
}

void TstCliReliability::getRetriesA429AfterItsRetryAfter()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body = fixture(u"retrieve-completed.json"_s);
    BW_RETURN_IF_FAILED();
    server.respondInTurn({Response::throttled(1)}, Response::json(200, body));
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
    server.respondInTurn({Response::json(502, R"({"message":"bad gateway"})")},
                         Response::json(200, R"({"invocationJobSummaries":[]})"));
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

void TstCliReliability::knowsWhenAKeyTravelsInClear_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<AuthMode>("auth");
    QTest::addColumn<bool>("inClear");
    QTest::newRow("http, remote host")
            << u"http://gateway.example.com:8080"_s << AuthMode::VirtualKey << true;
    QTest::newRow("HTTP, remote address") << u"HTTP://203.0.113.7/ai"_s << AuthMode::Bearer << true;
    QTest::newRow("https, remote host")
            << u"https://gateway.example.com"_s << AuthMode::Bearer << false;
    QTest::newRow("http, 127.0.0.1") << u"http://127.0.0.1:8080"_s << AuthMode::Bearer << false;
    QTest::newRow("http, 127.5.6.7") << u"http://127.5.6.7:8080"_s << AuthMode::Bearer << false;
    QTest::newRow("http, localhost") << u"http://LOCALHOST:8080"_s << AuthMode::Bearer << false;
    QTest::newRow("http, ::1") << u"http://[::1]:8080"_s << AuthMode::Bearer << false;
    QTest::newRow("http, remote, no key")
            << u"http://gateway.example.com"_s << AuthMode::None << false;
}

void TstCliReliability::knowsWhenAKeyTravelsInClear()
{
    QFETCH(QString, url);
    QFETCH(AuthMode, auth);
    QFETCH(bool, inClear);
    GatewayProfile p;
    p.baseUrl = QUrl(url);
    p.authMode = auth;
    QCOMPARE(p.sendsKeyInClear(), inClear);
    QCOMPARE(p.cleartextKeyWarning().isEmpty(), !inClear);
}

namespace {
QStringList *g_captured = nullptr;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_captured)
        g_captured->append(message);
}
} // namespace

void TstCliReliability::warnsBeforeAKeyTravelsInClear_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("warns");
    QTest::newRow("http, remote") << u"http://gateway.example.com:8080"_s << true;
    QTest::newRow("https, remote") << u"https://gateway.example.com"_s << false;
    QTest::newRow("http, loopback") << u"http://127.0.0.1:8080"_s << false;
}

void TstCliReliability::warnsBeforeAKeyTravelsInClear()
{
    QFETCH(QString, url);
    QFETCH(bool, warns);
    const QByteArray secret = "sk-cleartext-test-secret";
    qputenv("BW_RELIABILITY_TEST_KEY", secret);
    QStringList captured;
    g_captured = &captured;
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
    cli::GatewayOptions options;
    options.gatewayUrl = url;
    options.tokenEnv = u"BW_RELIABILITY_TEST_KEY"_s;
    QNetworkAccessManager nam;
    bool done = false;
    QString error;
    {
        cli::GatewaySession session(options, &nam);
        session.prepare({}, [&done, &error](const QString &e) {
            done = true;
            error = e;
        });
        QTRY_VERIFY(done);
        // prepare() sends nothing: the warning comes before any request.
        QCOMPARE(session.client()->requestsInFlight(), 0);
    }
    qInstallMessageHandler(previous);
    g_captured = nullptr;
    qunsetenv("BW_RELIABILITY_TEST_KEY");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool warned = false;
    for (const QString &line : std::as_const(captured)) {
        warned = warned || line.contains(u"unencrypted"_s);
        QVERIFY2(!line.contains(QString::fromLatin1(secret)), qPrintable(line));
    }
    QCOMPARE(warned, warns);
}

void TstCliReliability::keyNeverAppearsInLogsStoreOrExports_data()
{
    QTest::addColumn<QString>("auth");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("x-bf-vk") << u"x-bf-vk"_s << QByteArray("x-bf-vk");
    QTest::newRow("bearer") << u"bearer"_s << QByteArray("authorization");
    QTest::newRow("x-api-key") << u"header:x-api-key"_s << QByteArray("x-api-key");
}

void TstCliReliability::keyNeverAppearsInLogsStoreOrExports()
{
    QFETCH(QString, auth);
    QFETCH(QByteArray, header);
    const QByteArray secret = "sk-bf-planted-7f3e9a1c5b";
    const QByteArray body = fixture(u"retrieve-completed.json"_s);
    BW_RETURN_IF_FAILED();
    // A same-origin redirect, then a 503 and a reset (retried), then the job; a list that
    // fails with 401; every request carries the key.
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    auto jobAnswers = std::make_shared<int>(0);
    server.setHandler([jobAnswers, body](const LoopbackHttpServer::Request &r) {
        if (r.path().startsWith("/old/"))
            return Response::redirect(308, "/new/" + r.target.mid(5));
        if (r.path().contains("model-invocation-jobs"))
            return Response::json(401, R"({"__type":"virtual_key_required","message":"no"})");
        switch ((*jobAnswers)++) {
        case 0:
            return Response::json(503, R"({"message":"busy"})").withHeader("Retry-After", "0");
        default:
            return Response::json(200, body);
        }
    });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString base = urlOf(server) + u"/old"_s;
    QProcessEnvironment env;
    env.insert(u"BW_PLANTED_KEY"_s, QString::fromLatin1(secret));
    env.insert(u"QT_LOGGING_RULES"_s, u"*=true"_s); // every category of every library
    const QStringList common{u"--gateway"_s,  base,      u"--token-env"_s, u"BW_PLANTED_KEY"_s,
                             u"--auth"_s,     auth,      u"--route"_s,     u"singular"_s,
                             u"--data-dir"_s, dir.path()};
    QList<CliRun> runs;
    runs << runCli(QStringList{u"watch"_s, kId, u"--until-terminal"_s, u"--interval"_s, u"0.1"_s}
                           + common,
                   {}, env);
    runs << runCli(QStringList{u"get"_s, kId, u"--format"_s, u"json"_s} + common, {}, env);
    runs << runCli(QStringList{u"list"_s} + common, {}, env);
    const QString exported = dir.filePath(u"export.json"_s);
    runs << runCli(QStringList{u"export"_s, kId, u"-o"_s, exported, u"--format"_s, u"json"_s}
                           + common,
                   {}, env);
    for (const CliRun &run : std::as_const(runs)) {
        QVERIFY2(run.finished, qPrintable(u"batchwatch-cli did not finish: "_s + ownLines(run)));
        QVERIFY2(!run.out.contains(secret), run.out.constData());
        QVERIFY2(!run.err.contains(secret), run.err.constData());
    }
    QVERIFY2(runs.at(0).err.size() > 0, "nothing was logged with every category on");
    QVERIFY2(runs.at(1).exitCode == 0, qPrintable(ownLines(runs.at(1))));
    QVERIFY(QFileInfo::exists(exported));
    // Every file left in the data folder: the store, its journal, the export.
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
        ++files;
    }
    QVERIFY(files >= 2);
    // The key did go where it belongs: in the header of the requests.
    bool sent = false;
    for (const auto &r : server.requests())
        sent = sent || r.header(header) == secret || r.header(header) == "Bearer " + secret;
    QVERIFY(sent);
}

QTEST_GUILESS_MAIN(TstCliReliability)
#include "tst_clireliability.moc"
