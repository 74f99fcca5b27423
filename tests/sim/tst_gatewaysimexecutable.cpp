// The standalone batchwatch-gateway-sim process: the contract end-to-end tests and scripts rely
// on (the "listening on" line, --print-jobs, exit code 2 on bad usage).

#include "wire/jobcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace Qt::StringLiterals;

class tst_GatewaySimExecutable : public QObject
{
    Q_OBJECT

private:
    struct Running
    {
        std::unique_ptr<QProcess> process;
        QUrl baseUrl;
        QStringList lines; // stdout lines after the listening line
    };
    // Starts the simulator and waits for its listening line (and `extraLines` more lines).
    static Running launch(const QStringList &arguments, int extraLines = 0);
    QByteArray get(const QUrl &url, int *status);

    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase();
    void printsListeningLineAndServesJobs();
    void printsAndServesNativeBatches();
    void rejectsBadUsageWithExitCode2_data();
    void rejectsBadUsageWithExitCode2();
    void reportsAPortThatIsTaken();
};

tst_GatewaySimExecutable::Running tst_GatewaySimExecutable::launch(const QStringList &arguments,
                                                                   int extraLines)
{
    Running r;
    r.process = std::make_unique<QProcess>();
    r.process->setProgram(QStringLiteral(BATCHWATCH_GATEWAY_SIM));
    r.process->setArguments(arguments);
    r.process->start();
    if (!r.process->waitForStarted(10000))
        return r;
    QByteArray out;
    QDeadlineTimer deadline(20000);
    while (out.count('\n') < 1 + extraLines && !deadline.hasExpired()
           && r.process->state() == QProcess::Running) {
        r.process->waitForReadyRead(200);
        out += r.process->readAllStandardOutput();
    }
    QStringList lines = QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
    const auto m = QRegularExpression(u"^listening on (http://127\\.0\\.0\\.1:\\d+)$"_s)
                           .match(lines.value(0));
    if (m.hasMatch()) {
        r.baseUrl = QUrl(m.captured(1));
        lines.removeFirst();
        r.lines = lines;
    }
    return r;
}

QByteArray tst_GatewaySimExecutable::get(const QUrl &url, int *status)
{
    std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->readAll();
}

void tst_GatewaySimExecutable::initTestCase()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void tst_GatewaySimExecutable::printsListeningLineAndServesJobs()
{
    Running sim = launch({u"--port"_s, u"0"_s, u"--flavour"_s, u"aws"_s, u"--jobs"_s, u"5"_s,
                          u"--seed"_s, u"4"_s, u"--print-jobs"_s},
                         5);
    QVERIFY2(sim.baseUrl.isValid(), sim.process->readAllStandardError().constData());
    QCOMPARE(sim.lines.size(), 5);

    int status = 0;
    QCOMPARE(get(sim.baseUrl.resolved(QUrl(u"/health"_s)), &status),
             QByteArray("{\"status\":\"ok\"}"));
    QCOMPARE(status, 200);

    const QStringList fields = sim.lines.constFirst().split(u'\t');
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0).size(), 12);
    const QByteArray body
            = get(QUrl::fromEncoded(sim.baseUrl.toEncoded() + "/bedrock/model-invocation-job/"
                                    + QUrl::toPercentEncoding(fields.at(1))),
                  &status);
    QCOMPARE(status, 200);
    const auto parsed = JobCodec::parseRetrieveBody(body);
    QVERIFY(parsed.hasValue());
    QCOMPARE(*parsed->job.jobArn, fields.at(1));
    QVERIFY(parsed->job.status->code() != JobStatus::Unknown);

    sim.process->kill();
    sim.process->waitForFinished(10000);
}

void tst_GatewaySimExecutable::printsAndServesNativeBatches()
{
    // 2 Bedrock jobs, 3 batches for each of OpenAI, Anthropic, Gemini, one large OpenAI batch.
    Running sim = launch({u"--port"_s, u"0"_s, u"--jobs"_s, u"2"_s, u"--native-batches"_s, u"3"_s,
                          u"--large-results"_s, u"50000"_s, u"--results-page-size"_s, u"10"_s,
                          u"--print-native"_s},
                         12);
    QVERIFY2(sim.baseUrl.isValid(), sim.process->readAllStandardError().constData());
    QCOMPARE(sim.lines.size(), 12);
    QStringList providers;
    QString large;
    for (const QString &line : std::as_const(sim.lines)) {
        const QStringList fields = line.split(u'\t');
        QCOMPARE(fields.size(), 3);
        providers << fields.at(0);
        if (fields.at(2) == u"bulk-export-large"_s)
            large = fields.at(1);
    }
    QCOMPARE(providers.count(u"bedrock"_s), 2);
    QCOMPARE(providers.count(u"openai"_s), 4);
    QCOMPARE(providers.count(u"gemini"_s), 3);
    QVERIFY(!large.isEmpty());

    int status = 0;
    const QByteArray body = get(QUrl::fromEncoded(sim.baseUrl.toEncoded() + "/v1/batches/"
                                                  + large.toLatin1() + "/results?provider=openai"),
                                &status);
    QCOMPARE(status, 200);
    const QJsonObject page = QJsonDocument::fromJson(body).object();
    QCOMPARE(page.value("results"_L1).toArray().size(), 10);
    QVERIFY(page.value("has_more"_L1).toBool());

    sim.process->kill();
    sim.process->waitForFinished(10000);
}

void tst_GatewaySimExecutable::rejectsBadUsageWithExitCode2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("flavour") << QStringList{u"--flavour"_s, u"azure"_s} << u"--flavour"_s;
    QTest::newRow("fault name") << QStringList{u"--faults"_s, u"500,boom"_s} << u"boom"_s;
    QTest::newRow("fault rate") << QStringList{u"--fault-rate"_s, u"1.5"_s} << u"--fault-rate"_s;
    QTest::newRow("speed") << QStringList{u"--speed"_s, u"-1"_s} << u"--speed"_s;
    QTest::newRow("port") << QStringList{u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("results page size")
            << QStringList{u"--results-page-size"_s, u"-1"_s} << u"--results-page-size"_s;
    QTest::newRow("native batches")
            << QStringList{u"--native-batches"_s, u"-2"_s} << u"--native-batches"_s;
    QTest::newRow("large results")
            << QStringList{u"--large-results"_s, u"many"_s} << u"--large-results"_s;
}

void tst_GatewaySimExecutable::rejectsBadUsageWithExitCode2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QProcess p;
    p.start(QStringLiteral(BATCHWATCH_GATEWAY_SIM), arguments);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    QVERIFY2(err.contains(mentions), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 0);
    QVERIFY(p.readAllStandardOutput().isEmpty());
}

void tst_GatewaySimExecutable::reportsAPortThatIsTaken()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost));
    QProcess p;
    p.start(QStringLiteral(BATCHWATCH_GATEWAY_SIM),
            {u"--port"_s, QString::number(occupier.serverPort())});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QString::fromUtf8(p.readAllStandardError())
                    .contains(QString::number(occupier.serverPort())));
}

QTEST_GUILESS_MAIN(tst_GatewaySimExecutable)
#include "tst_gatewaysimexecutable.moc"
