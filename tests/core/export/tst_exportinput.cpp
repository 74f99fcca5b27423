#include "export/exportinput.h"
#include "export/jsonexporter.h"
#include "fakenetworkaccessmanager.h"
#include "monitortesting.h"
#include "store/jobstore.h"
#include "store/storeworker.h"
#include "tracking/clock.h"
#include "tracking/profilesession.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;
using namespace bw::test;

namespace {

QByteArray asJson(ExportInput input)
{
    input.exportedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4), Qt::UTC);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonExporter().write(input, buffer);
    return buffer.data();
}

} // namespace

// The GUI (Export dialog: the monitor's jobs, the store's history) and the CLI (`export`:
// the store's jobs and history) build their export input with the one collectExportInput().
class tst_ExportInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsSelectionOrderAndSkipsUnknown();
    void guiAndCliSelectionsGiveTheSameInput();
};

void tst_ExportInput::keepsSelectionOrderAndSkipsUnknown()
{
    ExportSource source;
    source.profileName = QStringLiteral("P");
    for (int i = 1; i <= 3; ++i) {
        WatchedJob w;
        w.identifier = jobId(i);
        source.jobs << w;
    }
    source.samples.insert(jobId(2), {ProgressSample{}});
    QStringList unknown;
    const ExportInput input
            = collectExportInput(source, {jobId(3), jobId(9), jobId(2), jobId(3)}, &unknown);
    QCOMPARE(input.profileName, QStringLiteral("P"));
    QCOMPARE(input.jobs.size(), 2);
    QCOMPARE(input.jobs.at(0).watched.identifier, jobId(3));
    QCOMPARE(input.jobs.at(1).watched.identifier, jobId(2));
    QCOMPARE(input.jobs.at(1).samples.size(), 1);
    QCOMPARE(unknown, QStringList{jobId(9)});
    QVERIFY(!input.exportedAt.isValid());
}

void tst_ExportInput::guiAndCliSelectionsGiveTheSameInput()
{
    QTemporaryDir dir;
    StoreWorker store;
    QString error;
    QVERIFY2(store.openBlocking(dir.path(), &error), qPrintable(error));
    store.post([](JobStore &s) { s.saveProfile(testProfile()); });

    FakeNetworkAccessManager nam;
    qint64 processed = 10;
    nam.setHandler([&processed](const FakeRequest &r) {
        const QString id = r.url.path().section(u'/', -1);
        const QJsonObject body{
                {QStringLiteral("jobArn"),
                 QString(QStringLiteral(
                                 "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                         + id)},
                {QStringLiteral("jobName"), QString(u"name-" + id)},
                {QStringLiteral("status"), QStringLiteral("InProgress")},
                {QStringLiteral("totalRecordCount"), 100},
                {QStringLiteral("processedRecordCount"), processed}};
        return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    });
    ManualClock clock;
    ProfileSession::Options options;
    options.store = &store;
    options.clock = &clock;
    options.pollSettings.bulkRefresh = false;
    ProfileSession session(testProfile(), &nam, options);
    session.start();
    QTRY_VERIFY(session.isLoaded());
    session.monitor()->watch({JobIdentifier::parse(jobId(1)), JobIdentifier::parse(jobId(2)),
                              JobIdentifier::parse(jobId(3))});
    QVERIFY(waitUntilMonitorIsQuiet(*session.monitor(), clock));
    processed = 60;
    clock.advance(120'000);
    QVERIFY(waitUntilMonitorIsQuiet(*session.monitor(), clock));
    store.waitForIdle();

    struct Stored
    {
        QList<WatchedJob> jobs;
        QHash<QString, QList<StatusTransition>> history;
        QHash<QString, QList<ProgressSample>> samples;
    };
    Stored stored;
    store.post([&stored](JobStore &s) {
        stored = {s.loadWatched(QStringLiteral("p1")),
                  s.transitionsForProfile(QStringLiteral("p1")),
                  s.progressSamplesForProfile(QStringLiteral("p1"))};
    });
    store.waitForIdle();
    QVERIFY(!stored.samples.value(jobId(2)).isEmpty());

    // The GUI: the monitor's jobs, the rows selected in the table (in the table's order).
    const ExportSource gui{testProfile().name, testProfile().baseUrl, session.monitor()->jobs(),
                           stored.history, stored.samples};
    // The CLI: `export ID...` against the store.
    const ExportSource cli{testProfile().name, testProfile().baseUrl, stored.jobs, stored.history,
                           stored.samples};
    const QStringList selection{jobId(3), jobId(1)};
    const ExportInput fromGui = collectExportInput(gui, selection);
    const ExportInput fromCli = collectExportInput(cli, selection);
    QCOMPARE(fromGui.jobs.size(), 2);
    QCOMPARE(fromGui.jobs.at(0).samples.size(), 2);
    QCOMPARE(asJson(fromGui), asJson(fromCli));
    // "All" in the GUI (every visible row) and --all in the CLI agree as well.
    QCOMPARE(asJson(collectExportInput(gui, identifiersOf(gui.jobs))),
             asJson(collectExportInput(cli, identifiersOf(cli.jobs))));
}

QTEST_GUILESS_MAIN(tst_ExportInput)
#include "tst_exportinput.moc"
