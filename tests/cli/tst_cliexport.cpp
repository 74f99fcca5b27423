// End to end: `batchwatch-cli export` and `profiles` against the simulated gateway and a store.

#include "clitestsupport.h"

#include "export/csvexporter.h"
#include "store/jobstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstCliExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryFormat_data();
    void writesEveryFormat();
    void takesFormatFromFileSuffix();
    void writesTheSummaryReportWhenAsked();
    void exitsThreeAndWritesNothingWhenUnreachable();
    void exportsLastKnownStateOffline();
    void listsProfilesWithoutSecrets();
};

void TstCliExport::writesEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << u"json"_s;
    QTest::newRow("csv") << u"csv"_s;
    QTest::newRow("html") << u"html"_s;
    QTest::newRow("pdf") << u"pdf"_s;
}

void TstCliExport::writesEveryFormat()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    auto simulator = startSimulator(sim::Flavour::Aws);
    const QStringList ids = simulator->jobIds().mid(0, 3);
    const QString path = dir.filePath(u"out.bin"_s);
    QProcessEnvironment env;
    env.insert(u"QT_QPA_PLATFORM"_s, QString()); // the CLI picks offscreen by itself
    const CliRun run = runCli(QStringList{u"export"_s} + ids
                                      + QStringList{u"--format"_s, format, u"-o"_s, path,
                                                    u"--gateway"_s, gatewayUrl(*simulator)},
                              {}, env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());
    const QByteArray bytes = readFile(path);
    QVERIFY(!bytes.isEmpty());

    const QJsonObject expectedJobs = [&] {
        const CliRun get = runCli(
                QStringList{u"get"_s} + ids
                + QStringList{u"--gateway"_s, gatewayUrl(*simulator), u"--format"_s, u"json"_s});
        return get.json();
    }();
    QStringList names;
    for (const QJsonValue &v : expectedJobs.value(u"jobs"_s).toArray())
        names.append(v.toObject().value(u"job"_s).toObject().value(u"jobName"_s).toString());
    QCOMPARE(names.size(), ids.size());

    if (format == u"json"_s) {
        const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
        const QJsonArray jobs = doc.value(u"jobs"_s).toArray();
        QCOMPARE(jobs.size(), ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QJsonObject job = jobs.at(i).toObject();
            QCOMPARE(job.value(u"identifier"_s).toString(), ids.at(i));
            QCOMPARE(job.value(u"job"_s).toObject().value(u"jobName"_s).toString(), names.at(i));
            QVERIFY(job.value(u"raw"_s).isObject());
        }
        QCOMPARE(doc.value(u"profile"_s).toObject().value(u"baseUrl"_s).toString(),
                 gatewayUrl(*simulator));
    } else if (format == u"csv"_s) {
        QString text = QString::fromUtf8(bytes);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        const QStringList rows = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(rows.at(0), CsvExporter::columns().join(u','));
        QCOMPARE(rows.size(), ids.size() + 1);
    } else if (format == u"html"_s) {
        const QString html = QString::fromUtf8(bytes);
        QVERIFY(html.contains(u"<html"_s, Qt::CaseInsensitive));
        for (const QString &name : std::as_const(names))
            QVERIFY2(html.contains(name), qPrintable(name));
    } else {
        QVERIFY(bytes.startsWith("%PDF"));
    }
}

void TstCliExport::takesFormatFromFileSuffix()
{
    QTemporaryDir dir;
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString path = dir.filePath(u"jobs.csv"_s);
    const CliRun run = runCli({u"export"_s, simulator->jobIds().at(0), u"-o"_s, path,
                               u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY(QString::fromUtf8(readFile(path)).contains(u"identifier,jobArn"_s));
}

void TstCliExport::writesTheSummaryReportWhenAsked()
{
    // Issue 13: `--report summary` writes the summary table only; it applies to reports only.
    QTemporaryDir dir;
    auto simulator = startSimulator(sim::Flavour::Aws);
    const QStringList ids = simulator->jobIds().mid(0, 3);
    const QString path = dir.filePath(u"summary.html"_s);
    const QStringList gateway{u"--gateway"_s, gatewayUrl(*simulator)};
    const CliRun run = runCli(QStringList{u"export"_s} + ids
                              + QStringList{u"--report"_s, u"summary"_s, u"-o"_s, path} + gateway);
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QString html = QString::fromUtf8(readFile(path));
    QVERIFY(html.contains(u"<table>"_s));
    for (const QString &id : ids)
        QVERIFY2(html.contains(id), qPrintable(id));
    QVERIFY(!html.contains(u"class=\"job\""_s));

    const CliRun full = runCli(QStringList{u"export"_s} + ids
                               + QStringList{u"--report"_s, u"full"_s, u"-o"_s, path} + gateway);
    QVERIFY2(full.exitCode == 0, qPrintable(full.errText()));
    QCOMPARE(QString::fromUtf8(readFile(path)).count(u"class=\"job\""_s), ids.size());

    const CliRun csv = runCli(
            QStringList{u"export"_s} + ids
            + QStringList{u"--report"_s, u"summary"_s, u"-o"_s, dir.filePath(u"jobs.csv"_s)}
            + gateway);
    QCOMPARE(csv.exitCode, 2);
    QVERIFY2(csv.errText().contains(u"--report"_s), qPrintable(csv.errText()));
    const CliRun bogus = runCli(QStringList{u"export"_s} + ids
                                + QStringList{u"--report"_s, u"short"_s, u"-o"_s, path} + gateway);
    QCOMPARE(bogus.exitCode, 2);
    QVERIFY(!QFile::exists(dir.filePath(u"jobs.csv"_s)));
}

void TstCliExport::exitsThreeAndWritesNothingWhenUnreachable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.json"_s);
    const CliRun run = runCli({u"export"_s, u"k3x9p2m7q1ab"_s, u"-o"_s, path, u"--gateway"_s,
                               u"http://127.0.0.1:%1"_s.arg(closedPort())});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(!QFile::exists(path));
}

void TstCliExport::exportsLastKnownStateOffline()
{
    QTemporaryDir dir;
    const QString secret = u"sk-bf-offline-9d8c7b6a"_s;
    {
        JobStore store;
        QVERIFY(store.open(dir.path()));
        GatewayProfile profile;
        profile.id = u"p1"_s;
        profile.name = u"Team gateway"_s;
        profile.baseUrl = QUrl(u"http://127.0.0.1:9/ai"_s);
        profile.authMode = AuthMode::VirtualKey;
        QVERIFY(store.saveProfile(profile));
        QVERIFY(store.addWatched(u"p1"_s, {u"k3x9p2m7q1ab"_s, u"a1b2c3d4e5f6"_s},
                                 QDateTime::currentDateTimeUtc()));
        WatchedJob w;
        w.identifier = u"k3x9p2m7q1ab"_s;
        w.profileId = u"p1"_s;
        w.job.jobName = u"nightly-summaries"_s;
        w.job.status = Status::fromString(u"InProgress"_s);
        w.fetchedAt = QDateTime(QDate(2025, 3, 14), QTime(9, 30), Qt::UTC);
        QVERIFY(store.saveJobs({w}));
        StatusTransition t;
        t.to = Status::fromString(u"InProgress"_s);
        t.observedAt = QDateTime(QDate(2025, 3, 14), QTime(9, 0), Qt::UTC);
        QVERIFY(store.appendTransitions(u"p1"_s, u"k3x9p2m7q1ab"_s, {t}));
    }
    const QString path = dir.filePath(u"offline.json"_s);
    QProcessEnvironment env;
    env.insert(u"BW_TEST_KEY"_s, secret);
    // The gateway (port 9) is never asked: --offline reads the store only.
    const CliRun run = runCli({u"export"_s, u"k3x9p2m7q1ab"_s, u"--offline"_s, u"--profile"_s,
                               u"Team gateway"_s, u"--data-dir"_s, dir.path(), u"-o"_s, path,
                               u"--token-env"_s, u"BW_TEST_KEY"_s},
                              {}, env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY2(run.errLines().contains(u"Wrote 1 job to "_s + QFileInfo(path).absoluteFilePath()),
             qPrintable(run.errText()));
    const QByteArray bytes = readFile(path);
    QVERIFY(!bytes.contains(secret.toUtf8()));
    const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(doc.value(u"profile"_s).toObject().value(u"name"_s).toString(), u"Team gateway"_s);
    const QJsonArray jobs = doc.value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 1);
    const QJsonObject job = jobs.at(0).toObject();
    QCOMPARE(job.value(u"job"_s).toObject().value(u"jobName"_s).toString(), u"nightly-summaries"_s);
    QCOMPARE(job.value(u"fetchedAt"_s).toString(), u"2025-03-14T09:30:00.000Z"_s);
    const QJsonArray history = job.value(u"history"_s).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value(u"to"_s).toString(), u"InProgress"_s);

    // --all: every watched job of the profile; an unknown id is an error but the rest is written.
    const CliRun all = runCli({u"export"_s, u"--all"_s, u"--offline"_s, u"--profile"_s,
                               u"Team gateway"_s, u"--data-dir"_s, dir.path(), u"-o"_s, path});
    QVERIFY2(all.exitCode == 0, qPrintable(all.errText()));
    QVERIFY2(all.errLines().contains(u"Wrote 2 jobs to "_s + QFileInfo(path).absoluteFilePath()),
             qPrintable(all.errText()));
    QCOMPARE(QJsonDocument::fromJson(readFile(path)).object().value(u"jobs"_s).toArray().size(), 2);
    const CliRun unknown = runCli({u"export"_s, u"k3x9p2m7q1ab"_s, u"zz9zz9zz9zz9"_s,
                                   u"--offline"_s, u"--profile"_s, u"Team gateway"_s,
                                   u"--data-dir"_s, dir.path(), u"-o"_s, path});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.errText().contains(u"zz9zz9zz9zz9: not in the store"_s));
}

void TstCliExport::listsProfilesWithoutSecrets()
{
    QTemporaryDir dir;
    {
        JobStore store;
        QVERIFY(store.open(dir.path()));
        GatewayProfile a;
        a.id = u"a"_s;
        a.name = u"Production"_s;
        a.baseUrl = QUrl(u"https://gw.example.com/ai"_s);
        a.authMode = AuthMode::Bearer;
        a.maxRequestsPerSecond = 5;
        GatewayProfile b;
        b.id = u"b"_s;
        b.name = u"Local"_s;
        b.baseUrl = QUrl(u"http://localhost:8080"_s);
        b.maxRequestsPerSecond = 0; // no ceiling
        QVERIFY(store.saveProfile(a));
        QVERIFY(store.saveProfile(b));
    }
    const CliRun run
            = runCli({u"profiles"_s, u"--data-dir"_s, dir.path(), u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonArray profiles = run.json().value(u"profiles"_s).toArray();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).toObject().value(u"name"_s).toString(), u"Production"_s);
    QCOMPARE(profiles.at(0).toObject().value(u"auth"_s).toString(), u"bearer"_s);
    QCOMPARE(profiles.at(1).toObject().value(u"baseUrl"_s).toString(), u"http://localhost:8080"_s);
    // The request ceiling, in every format (0: none).
    QCOMPARE(profiles.at(0).toObject().value(u"maxRequestsPerSecond"_s).toInt(-1), 5);
    QCOMPARE(profiles.at(1).toObject().value(u"maxRequestsPerSecond"_s).toInt(-1), 0);
    const CliRun table = runCli({u"profiles"_s, u"--data-dir"_s, dir.path()});
    QCOMPARE(table.outText().count(u'\n'), 3);
    QVERIFY(table.outText().contains(u"Production"_s));
    const QStringList rows = table.outText().split(u'\n');
    QVERIFY2(rows.at(0).trimmed().endsWith(u"MAX/S"_s), qPrintable(rows.at(0)));
    QVERIFY2(rows.at(1).trimmed().endsWith(u" 5"_s), qPrintable(rows.at(1)));
    QVERIFY2(rows.at(2).trimmed().endsWith(u" none"_s), qPrintable(rows.at(2)));
    const CliRun csv
            = runCli({u"profiles"_s, u"--data-dir"_s, dir.path(), u"--format"_s, u"csv"_s});
    const QStringList lines = csv.outText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).trimmed().endsWith(u",maxRequestsPerSecond"_s), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).trimmed().endsWith(u",5"_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).trimmed().endsWith(u",0"_s), qPrintable(lines.at(2)));
}

QTEST_GUILESS_MAIN(TstCliExport)
#include "tst_cliexport.moc"
