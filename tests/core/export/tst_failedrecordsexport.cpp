#include "export/failedrecordsexport.h"
#include "loopbackhttpserver.h"
#include "wire/gatewayclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

using Server = LoopbackHttpServer;
using Outcome = FailedRecordsExport::Result::Outcome;

namespace {

class LoopbackNam : public QNetworkAccessManager
{
public:
    LoopbackNam() { setProxy(QNetworkProxy::NoProxy); }
};

// Records first..first+count-1; every `failedEvery`-th one failed with HTTP 400.
QByteArray resultsPage(int first, int count, int failedEvery, const QString &cursor)
{
    QJsonArray records;
    for (int i = first; i < first + count; ++i) {
        QJsonObject record{{QStringLiteral("custom_id"), QStringLiteral("rec-%1").arg(i)}};
        const bool failed = i % failedEvery == 0;
        record.insert(QStringLiteral("response"),
                      QJsonObject{{QStringLiteral("status_code"), failed ? 400 : 200}});
        if (failed)
            record.insert(QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), QStringLiteral("400")},
                                      {QStringLiteral("message"),
                                       QStringLiteral("Malformed input, \"field\" %1").arg(i)}});
        records.append(record);
    }
    QJsonObject page{{QStringLiteral("batch_id"), QStringLiteral("b")},
                     {QStringLiteral("results"), records}};
    if (!cursor.isEmpty()) {
        page.insert(QStringLiteral("has_more"), true);
        page.insert(QStringLiteral("next_cursor"), cursor);
    }
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

bool isFirstPage(const Server::Request &r)
{
    return !QUrlQuery(QString::fromLatin1(r.query())).hasQueryItem(QStringLiteral("cursor"));
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> jsonLines(const QString &path)
{
    QList<QJsonObject> out;
    const QList<QByteArray> lines = contents(path).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

} // namespace

class TestFailedRecordsExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lineCarriesWhatAResubmissionNeeds();
    void writesOneLinePerFailedRecordOverPages();
    void cancelLeavesNoFileAndTheEarlierOneAlone();
    void gatewayErrorLeavesNoFile();
    void capKeepsThePagesReadAndSaysSo();
    void unwritableTargetIsRefusedAtStart();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<LoopbackNam> m_nam;
    std::unique_ptr<GatewayClient> m_client;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestFailedRecordsExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<Server>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<LoopbackNam>();
    m_client = std::make_unique<GatewayClient>(m_nam.get());
    GatewayProfile p;
    p.id = QStringLiteral("native");
    p.name = QStringLiteral("Bifrost");
    p.baseUrl = m_server->baseUrl();
    p.timeoutMs = 10000;
    m_client->setProfile(p);
}

void TestFailedRecordsExport::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_server.reset();
    m_dir.reset();
}

void TestFailedRecordsExport::lineCarriesWhatAResubmissionNeeds()
{
    ResultRecord record;
    record.customId = QStringLiteral("claim-000002");
    record.outcome = ResultOutcome::Expired;
    record.code = QStringLiteral("expired");
    record.message = QStringLiteral("Line \"1\"\nnext");
    const QByteArray line = failedRecordLine(QStringLiteral("batches/abc"), record);
    QVERIFY(!line.contains('\n')); // one record, one line, whatever the message holds
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    QCOMPARE(o.value(u"identifier").toString(), QStringLiteral("batches/abc"));
    QCOMPARE(o.value(u"customId").toString(), QStringLiteral("claim-000002"));
    QCOMPARE(o.value(u"outcome").toString(), QStringLiteral("expired"));
    QCOMPARE(o.value(u"code").toString(), QStringLiteral("expired"));
    QCOMPARE(o.value(u"message").toString(), record.message);
}

void TestFailedRecordsExport::writesOneLinePerFailedRecordOverPages()
{
    m_server->setHandler([](const Server::Request &r) {
        return Server::Response::json(200, isFirstPage(r) ? resultsPage(0, 20, 4, u"c1"_s)
                                                          : resultsPage(20, 10, 4, {}));
    });
    const QString target = path(QStringLiteral("failed.jsonl"));
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an earlier export\n");
    }
    FailedRecordsExport run(m_client.get());
    QSignalSpy finished(&run, &FailedRecordsExport::finished);
    QSignalSpy progress(&run, &FailedRecordsExport::progress);
    QVERIFY(run.start(QStringLiteral("bedrock"), QStringLiteral("arn:aws:bedrock:x/abc"), target));
    QVERIFY(run.isRunning());
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!run.isRunning());
    const auto result = finished.at(0).at(0).value<FailedRecordsExport::Result>();
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QVERIFY(!result.capped);
    QCOMPARE(result.records, 8); // 0, 4, ..., 28
    QCOMPARE(result.path, target);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(1).toLongLong(), 8);
    QCOMPARE(m_server->requests().at(0).target,
             QByteArray("/v1/batches/arn%3Aaws%3Abedrock%3Ax%2Fabc/results?provider=bedrock"));

    const QList<QJsonObject> lines = jsonLines(target);
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines.at(0).value(u"customId").toString(), QStringLiteral("rec-0"));
    QCOMPARE(lines.at(7).value(u"customId").toString(), QStringLiteral("rec-28"));
    QCOMPARE(lines.at(1).value(u"identifier").toString(), QStringLiteral("arn:aws:bedrock:x/abc"));
    QCOMPARE(lines.at(1).value(u"outcome").toString(), QStringLiteral("errored"));
    QCOMPARE(lines.at(1).value(u"code").toString(), QStringLiteral("400"));
    QCOMPARE(lines.at(1).value(u"message").toString(),
             QStringLiteral("Malformed input, \"field\" 4"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
             QStringList{QStringLiteral("failed.jsonl")});
}

void TestFailedRecordsExport::cancelLeavesNoFileAndTheEarlierOneAlone()
{
    // The first page arrives (and is written to the temporary file), the second never does.
    m_server->setHandler([](const Server::Request &r) {
        return isFirstPage(r) ? Server::Response::json(200, resultsPage(0, 20, 2, u"c1"_s))
                              : Server::Response::hang();
    });
    const QString fresh = path(QStringLiteral("fresh.jsonl"));
    FailedRecordsExport run(m_client.get());
    QSignalSpy finished(&run, &FailedRecordsExport::finished);
    QSignalSpy progress(&run, &FailedRecordsExport::progress);
    QVERIFY(run.start(QStringLiteral("openai"), QStringLiteral("batch_1"), fresh));
    QTRY_COMPARE(m_server->requestCount(), 2);
    QTRY_VERIFY(!progress.isEmpty() && progress.constLast().at(1).toLongLong() == 10);
    run.cancel();
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<FailedRecordsExport::Result>();
    QCOMPARE(result.outcome, Outcome::Cancelled);
    QVERIFY(!QFile::exists(fresh));
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files).isEmpty()); // no temporary file left

    // Over an earlier file: that file stays as it was.
    const QString earlier = path(QStringLiteral("earlier.jsonl"));
    {
        QFile old(earlier);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("kept\n");
    }
    QVERIFY(run.start(QStringLiteral("openai"), QStringLiteral("batch_1"), earlier));
    QTRY_COMPARE(m_server->requestCount(), 4);
    run.cancel();
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(contents(earlier), QByteArray("kept\n"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
             QStringList{QStringLiteral("earlier.jsonl")});
}

void TestFailedRecordsExport::gatewayErrorLeavesNoFile()
{
    m_server->setHandler([](const Server::Request &r) {
        return isFirstPage(r) ? Server::Response::json(200, resultsPage(0, 20, 2, u"c1"_s))
                              : Server::Response::json(500, "{\"error\":{\"message\":\"boom\"}}");
    });
    const QString target = path(QStringLiteral("failed.jsonl"));
    FailedRecordsExport run(m_client.get());
    QSignalSpy finished(&run, &FailedRecordsExport::finished);
    QVERIFY(run.start(QStringLiteral("openai"), QStringLiteral("batch_1"), target));
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<FailedRecordsExport::Result>();
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY2(result.errorString.contains(QStringLiteral("500")), qPrintable(result.errorString));
    QVERIFY(!QFile::exists(target));
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files).isEmpty());
}

void TestFailedRecordsExport::capKeepsThePagesReadAndSaysSo()
{
    const QByteArray page1 = resultsPage(0, 50, 5, u"c1"_s);
    const QByteArray page2 = resultsPage(50, 2000, 5, {});
    m_server->setHandler([page1, page2](const Server::Request &r) {
        return Server::Response::json(200, isFirstPage(r) ? page1 : page2);
    });
    const QString target = path(QStringLiteral("failed.jsonl"));
    FailedRecordsExport run(m_client.get());
    QSignalSpy finished(&run, &FailedRecordsExport::finished);
    QVERIFY(run.start(QStringLiteral("bedrock"), QStringLiteral("arn:x/y"), target,
                      page1.size() + page2.size() / 2));
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<FailedRecordsExport::Result>();
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QVERIFY(result.capped);
    QCOMPARE(result.records, 10); // the first page's; nothing of the page the cap cut
    QCOMPARE(jsonLines(target).size(), 10);
    QCOMPARE(jsonLines(target).constLast().value(u"customId").toString(), QStringLiteral("rec-45"));
}

void TestFailedRecordsExport::unwritableTargetIsRefusedAtStart()
{
    FailedRecordsExport run(m_client.get());
    QSignalSpy finished(&run, &FailedRecordsExport::finished);
    const QString target = path(QStringLiteral("no/such/folder/failed.jsonl"));
    QVERIFY(!run.start(QStringLiteral("bedrock"), QStringLiteral("arn:x/y"), target));
    QVERIFY(!run.isRunning());
    QVERIFY(run.lastError().contains(QStringLiteral("failed.jsonl")));
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(finished.size(), 0);
}

QTEST_GUILESS_MAIN(TestFailedRecordsExport)
#include "tst_failedrecordsexport.moc"
