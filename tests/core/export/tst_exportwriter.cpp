#include "export/exportwriter.h"
#include "export/jsonexporter.h"
#include "exportsamples.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace bw;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Writes a few bytes per job, then fails at `failAt`.
class FailingWriter final : public ExportWriter
{
public:
    explicit FailingWriter(int failAt)
        : m_failAt(failAt)
    {}
    ExportFormat format() const override { return ExportFormat::Json; }
    ExportResult write(const ExportInput &input, QIODevice &device,
                       const ExportProgress &progress) override
    {
        const int total = int(input.jobs.size());
        for (int i = 0; i < total; ++i) {
            if (i == m_failAt)
                return ExportResult::failed(QStringLiteral("disk on fire"));
            device.write("partial output\n");
            reportProgress(progress, i + 1, total);
        }
        return ExportResult::written(total);
    }

private:
    int m_failAt;
};

} // namespace

class tst_ExportWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsFormatKeys_data();
    void mapsFormatKeys();
    void infersFormatFromFileName_data();
    void infersFormatFromFileName();
    void writesCompleteFileAndReportsSize();
    void cancellingMidwayLeavesPreviousFileIntact();
    void cancellingWithoutPreviousFileLeavesNoFile();
    void failingWriterLeavesPreviousFileIntact();
    void exportThatCannotBeWrittenFailsAndKeepsFile();
    void exportIntoMissingDirectoryFails();
    void exportIntoUnwritableSystemDirectoryFails();
    void exportOntoDirectoryFails();
    void runsOnWorkerThread();
    void sanitisesBaseUrl_data();
    void sanitisesBaseUrl();
    void redactsSecretsInFreeText_data();
    void redactsSecretsInFreeText();

private:
    static QStringList leftovers(const QDir &dir, const QString &keep)
    {
        QStringList files = dir.entryList(QDir::Files | QDir::Hidden);
        files.removeAll(keep);
        return files;
    }
};

void tst_ExportWriter::mapsFormatKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("format"); // -1: not a format
    QTest::newRow("json") << "json" << int(ExportFormat::Json);
    QTest::newRow("csv") << "csv" << int(ExportFormat::Csv);
    QTest::newRow("html") << "html" << int(ExportFormat::Html);
    QTest::newRow("pdf") << "pdf" << int(ExportFormat::Pdf);
    QTest::newRow("upper case") << "PDF" << int(ExportFormat::Pdf);
    QTest::newRow("blanks") << "  Csv " << int(ExportFormat::Csv);
    QTest::newRow("htm") << "htm" << int(ExportFormat::Html);
    QTest::newRow("tsv") << "tsv" << -1;
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("suffix with dot") << ".json" << -1;
}

void tst_ExportWriter::mapsFormatKeys()
{
    QFETCH(QString, key);
    QFETCH(int, format);
    const auto parsed = exportFormatFromKey(key);
    if (format < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(int(*parsed), format);
    // The canonical key maps back to the same format.
    QCOMPARE(exportFormatFromKey(exportFormatKey(*parsed)), parsed);
    QCOMPARE(exportFormatKey(*parsed), key.trimmed().toLower() == QLatin1StringView("htm")
                                               ? QStringLiteral("html")
                                               : key.trimmed().toLower());
    QVERIFY(!exportFormatMimeType(*parsed).isEmpty());
    QVERIFY(exportFormats().contains(*parsed));
}

void tst_ExportWriter::infersFormatFromFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("format");
    QTest::newRow("json") << "/tmp/jobs.json" << int(ExportFormat::Json);
    QTest::newRow("upper pdf") << "Report.PDF" << int(ExportFormat::Pdf);
    QTest::newRow("two dots") << "jobs.2025-03-15.csv" << int(ExportFormat::Csv);
    QTest::newRow("no suffix") << "jobs" << -1;
    QTest::newRow("unknown") << "jobs.xlsx" << -1;
}

void tst_ExportWriter::infersFormatFromFileName()
{
    QFETCH(QString, fileName);
    QFETCH(int, format);
    const auto parsed = exportFormatFromFileName(fileName);
    QCOMPARE(parsed.has_value(), format >= 0);
    if (parsed)
        QCOMPARE(int(*parsed), format);
}

void tst_ExportWriter::writesCompleteFileAndReportsSize()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    QVERIFY(writeFile(path, "old export"));

    JsonExporter writer;
    const ExportInput input = test::sampleInput();
    QList<int> seen;
    const ExportResult r = ExportTask::run(input, writer, path, [&seen](int done, int total) {
        seen.append(done);
        return total >= done;
    });
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.outcome, ExportResult::Outcome::Written);
    QCOMPARE(r.path, path);
    QCOMPARE(r.jobCount, int(input.jobs.size()));
    QCOMPARE(r.bytes, QFileInfo(path).size());
    QVERIFY(r.errorString.isEmpty());
    QVERIFY(!readAll(path).startsWith("old export"));
    QVERIFY(QJsonDocument::fromJson(readAll(path)).isObject());
    // Progress went 0, 1, ..., n in order.
    QCOMPARE(seen.first(), 0);
    QCOMPARE(seen.last(), int(input.jobs.size()));
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QCOMPARE(leftovers(QDir(dir.path()), QStringLiteral("jobs.json")), QStringList());
}

void tst_ExportWriter::cancellingMidwayLeavesPreviousFileIntact()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    QVERIFY(writeFile(path, "previous export, must survive"));

    JsonExporter writer;
    int calls = 0;
    const ExportResult r
            = ExportTask::run(test::sampleInput(), writer, path, [&calls](int done, int) {
                  ++calls;
                  return done < 3; // stop after the third job
              });
    QCOMPARE(r.outcome, ExportResult::Outcome::Cancelled);
    QVERIFY(!r.ok());
    QCOMPARE(calls, 4); // 0, 1, 2, 3: nothing is written after the callback said stop
    QCOMPARE(readAll(path), QByteArray("previous export, must survive"));
    QCOMPARE(leftovers(QDir(dir.path()), QStringLiteral("jobs.json")), QStringList());
}

void tst_ExportWriter::cancellingWithoutPreviousFileLeavesNoFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.json"));
    JsonExporter writer;
    const ExportResult r = ExportTask::run(test::sampleInput(), writer, path,
                                           [](int done, int) { return done < 1; });
    QCOMPARE(r.outcome, ExportResult::Outcome::Cancelled);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void tst_ExportWriter::failingWriterLeavesPreviousFileIntact()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    QVERIFY(writeFile(path, "previous"));
    FailingWriter writer(2);
    const ExportResult r = ExportTask::run(test::sampleInput(), writer, path);
    QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
    QVERIFY2(r.errorString.contains(QStringLiteral("disk on fire")), qPrintable(r.errorString));
    QVERIFY2(r.errorString.contains(QStringLiteral("jobs.json")), qPrintable(r.errorString));
    QCOMPARE(readAll(path), QByteArray("previous"));
    QCOMPARE(leftovers(QDir(dir.path()), QStringLiteral("jobs.json")), QStringList());
}

void tst_ExportWriter::exportThatCannotBeWrittenFailsAndKeepsFile()
{
    // The disk fills up (or a quota is hit) while the export is written. A file-size limit makes
    // that happen for any user, root included, unlike directory permissions; SIGXFSZ is ignored
    // so that the write fails with EFBIG instead of ending the process.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    QVERIFY(writeFile(path, "previous"));
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit tight = saved;
    tight.rlim_cur = 256;
    const sighandler_t oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &tight), 0);
    ExportResult r;
    {
        auto restore = qScopeGuard([&saved, oldHandler] {
            ::setrlimit(RLIMIT_FSIZE, &saved);
            std::signal(SIGXFSZ, oldHandler);
        });
        JsonExporter writer;
        r = ExportTask::run(test::sampleInput(), writer, path);
    }
    QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
    QVERIFY2(r.errorString.contains(QStringLiteral("jobs.json")), qPrintable(r.errorString));
    QCOMPARE(readAll(path), QByteArray("previous"));
    QCOMPARE(leftovers(QDir(dir.path()), QStringLiteral("jobs.json")), QStringList());
}

void tst_ExportWriter::exportIntoMissingDirectoryFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/dir/jobs.csv"));
    JsonExporter writer;
    const ExportResult r = ExportTask::run(test::sampleInput(), writer, path);
    QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
    QVERIFY2(r.errorString.contains(QStringLiteral("jobs.csv")), qPrintable(r.errorString));
    QVERIFY(!QFile::exists(path));
}

void tst_ExportWriter::exportIntoUnwritableSystemDirectoryFails()
{
    // sysfs refuses new files even to root.
    if (!QFileInfo(QStringLiteral("/sys/kernel")).isDir())
        QSKIP("no sysfs on this system");
    const QString path = QStringLiteral("/sys/batchwatch-export-test.json");
    JsonExporter writer;
    const ExportResult r = ExportTask::run(test::sampleInput(), writer, path);
    QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
    QVERIFY2(r.errorString.contains(QStringLiteral("batchwatch-export-test.json")),
             qPrintable(r.errorString));
    QVERIFY(!QFile::exists(path));
}

void tst_ExportWriter::exportOntoDirectoryFails()
{
    QTemporaryDir dir;
    JsonExporter writer;
    const ExportResult r = ExportTask::run(test::sampleInput(), writer, dir.path());
    QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
    QVERIFY(!r.errorString.isEmpty());
    QVERIFY(QFileInfo(dir.path()).isDir());

    const ExportResult empty = ExportTask::run(test::sampleInput(), writer, QString());
    QCOMPARE(empty.outcome, ExportResult::Outcome::Failed);
}

void tst_ExportWriter::runsOnWorkerThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    const ExportInput input = test::sampleInput();
    ExportResult result;
    bool progressOnWorker = true;
    QThread *const mainThread = QThread::currentThread();
    std::unique_ptr<QThread> worker(QThread::create([&] {
        JsonExporter writer;
        result = ExportTask::run(input, writer, path, [&](int, int) {
            progressOnWorker = progressOnWorker && QThread::currentThread() != mainThread;
            return true;
        });
    }));
    worker->start();
    QVERIFY(worker->wait(60000));
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QVERIFY(progressOnWorker);
    QCOMPARE(QJsonDocument::fromJson(readAll(path))
                     .object()
                     .value(QLatin1StringView("jobs"))
                     .toArray()
                     .size(),
             input.jobs.size());
}

void tst_ExportWriter::sanitisesBaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "http://localhost:8080"
                           << "http://localhost:8080";
    QTest::newRow("path prefix") << "https://gw.example/bifrost/v1"
                                 << "https://gw.example/bifrost/v1";
    QTest::newRow("user and password") << "https://bob:hunter2@gw.example/"
                                       << "https://gw.example/";
    QTest::newRow("user only") << "https://token@gw.example"
                               << "https://gw.example";
    QTest::newRow("query and fragment") << "https://gw.example/p?key=abc&x=1#frag"
                                        << "https://gw.example/p";
    QTest::newRow("planted") << test::secretBaseUrl().toString() << test::sanitisedSecretBaseUrl();
    QTest::newRow("empty") << ""
                           << "";
}

void tst_ExportWriter::sanitisesBaseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(sanitizedBaseUrlText(QUrl(url)), expected);
    QVERIFY(sanitizedBaseUrl(QUrl(url)).userInfo().isEmpty());
    QVERIFY(!sanitizedBaseUrl(QUrl(url)).hasQuery());
}

void tst_ExportWriter::redactsSecretsInFreeText_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("url user info") << "https://gw.example"
                                   << "Error transferring https://u:pw@gw.example/x - refused"
                                   << "Error transferring https://gw.example/x - refused";
    QTest::newRow("password elsewhere") << "https://u:longpassword1@gw.example"
                                        << "key longpassword1 rejected"
                                        << "key [redacted] rejected";
    QTest::newRow("query value") << "https://gw.example/?api_key=abcdef123456"
                                 << "api_key=abcdef123456 invalid"
                                 << "api_key=[redacted] invalid";
    QTest::newRow("short values kept") << "https://gw.example/?v=1"
                                       << "v=1 of 1"
                                       << "v=1 of 1";
    QTest::newRow("no secrets") << "https://gw.example"
                                << "HTTP 404: not found"
                                << "HTTP 404: not found";
    QTest::newRow("planted") << test::secretBaseUrl().toString()
                             << QStringLiteral("got %1 twice: %1").arg(test::plantedSecret())
                             << "got [redacted] twice: [redacted]";
}

void tst_ExportWriter::redactsSecretsInFreeText()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SecretRedactor(QUrl(baseUrl)).apply(text), expected);
}

QTEST_GUILESS_MAIN(tst_ExportWriter)
#include "tst_exportwriter.moc"
