#include "exporter.h"
#include "exportsamples.h"
#include "pdfreport.h"
#include "reportcontent.h"

#include <QFile>
#include <QFontDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {

QString titleOf(const ExportJob &job)
{
    const Job &j = job.watched.job;
    if (j.jobName && !j.jobName->isEmpty())
        return *j.jobName;
    return job.watched.identifier.section(u'/', -1);
}

// Whitespace collapsed and ligatures ("ﬁ") spelled out, so that text extracted from a PDF
// compares with the text that went in.
QString normalised(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Pages of the PDF as text, one string per page.
QStringList pdfPages(const QString &path)
{
    QStringList pages
            = run(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")})
                      .split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

QString pdfInfo(const QString &path, const QString &key)
{
    const QStringList lines = run(QStringLiteral("pdfinfo"), {path}).split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(key + u':'))
            return line.mid(key.size() + 1).trimmed();
    }
    return {};
}

ExportResult writePdf(const ExportInput &input, const QString &path,
                      const PdfReportWriter::Options &options = {},
                      const ExportProgress &progress = {})
{
    PdfReportWriter writer(options);
    return ExportTask::run(input, writer, path, progress);
}

} // namespace

class tst_PdfReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void containsEveryJobNameAndPageNumbers();
    void cutsAHugeFieldAndSaysSo();
    void startsEveryJobOnANewPage();
    void carriesTheReportContent();
    void drawsTimelinesAsVectorGraphics();
    void choosesPageSizeByLocale_data();
    void choosesPageSizeByLocale();
    void neverContainsThePlantedSecret();
    void reportsTwoProgressUnitsPerJobAndKeepsThePreviousFileWhenCancelled();
    void writesFromAWorkerThread();
    void writesASinglePageForAnEmptyExport();
    void countsJobsInTheHeaderInEnglish();
    void fitsATypicalJobOnOnePage();
    void drawsEmojiInJobNamesAsText();
    void laysPagesOutTheSameOnSeveralThreads();

private:
    QTemporaryDir m_dir;
    QString m_samplePath; // the sample report, written once
    ExportInput m_input;
};

void tst_PdfReport::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed");
    QVERIFY(m_dir.isValid());
    m_input = test::sampleInput();
    m_samplePath = m_dir.filePath(QStringLiteral("sample.pdf"));
    PdfReportWriter::Options options;
    options.locale = QLocale::c();
    const ExportResult r = writePdf(m_input, m_samplePath, options);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QFile f(m_samplePath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
}

void tst_PdfReport::containsEveryJobNameAndPageNumbers()
{
    const QStringList pages = pdfPages(m_samplePath);
    const int pageCount = pdfInfo(m_samplePath, QStringLiteral("Pages")).toInt();
    QCOMPARE(pages.size(), pageCount);
    QVERIFY(pageCount >= m_input.jobs.size() + 1);

    const QString all = normalised(pages.join(u' '));
    for (const ExportJob &job : m_input.jobs)
        QVERIFY2(all.contains(normalised(titleOf(job))), qPrintable(titleOf(job)));

    // Every page carries its number, the total, and the running header.
    for (int n = 1; n <= pageCount; ++n) {
        const QString page = normalised(pages.at(n - 1));
        QVERIFY2(page.contains(QStringLiteral("page %1 of %2").arg(n).arg(pageCount)),
                 qPrintable(page.right(200)));
        QVERIFY(page.contains(
                normalised(QStringLiteral("batchwatch report \u2014 Team <prod> & \"staging\""))));
        QVERIFY(page.contains(QStringLiteral("2025-03-15 12:00:00 UTC")));
    }
    QCOMPARE(pdfInfo(m_samplePath, QStringLiteral("Title")),
             QStringLiteral("batchwatch report \u2014 Team <prod> & \"staging\""));
}

void tst_PdfReport::startsEveryJobOnANewPage()
{
    const QStringList pages = pdfPages(m_samplePath);
    // After the running header (title, export time), a job's page starts with its heading.
    int firstJobPage = -1;
    for (qsizetype i = 0; i < m_input.jobs.size(); ++i) {
        const QString title = normalised(titleOf(m_input.jobs.at(i)));
        int found = -1;
        for (int p = firstJobPage + 1; p < pages.size(); ++p) {
            QString body = normalised(pages.at(p));
            body = body.mid(body.indexOf(QStringLiteral("12:00:00 UTC")) + 12).trimmed();
            if (body.startsWith(title)) {
                found = p;
                break;
            }
        }
        QVERIFY2(found > 0, qPrintable(title));            // never on the summary page
        QVERIFY2(found > firstJobPage, qPrintable(title)); // in input order
        firstJobPage = found;
    }
    const QString summary = normalised(pages.first());
    for (const char *column :
         {"Summary", "Name", "Job id", "Status", "Progress", "Submitted", "Duration"})
        QVERIFY2(summary.contains(QLatin1StringView(column)), column);
}

void tst_PdfReport::carriesTheReportContent()
{
    const QString all = normalised(pdfPages(m_samplePath).join(u' '));
    for (const char *text :
         {"Fields", "Progress", "Timeline", "VPC", "Configuration", "History", "Message",
          "11842 / 25000 (47.4 %)", "not reported by this gateway", "Not in a VPC.",
          "sg-0123456789abcdef0", "s3://acme-batch-out/tickets/0314/", "Time in previous status",
          "line one, with comma", "line three", "@SUM(1+1)*cmd|' /C calc'!A0",
          "submitted: 2025-03-14 09:26:53 UTC"})
        QVERIFY2(all.contains(normalised(QString::fromUtf8(text))), text);
    // The 2 KiB message is there in full, wrapped but not cut.
    for (const ExportJob &job : m_input.jobs) {
        const QString message = job.watched.job.message.value_or(QString());
        if (message.size() >= 2048)
            QVERIFY(all.contains(normalised(message.right(60))));
    }
}

void tst_PdfReport::drawsTimelinesAsVectorGraphics()
{
    QStringList pages = pdfPages(m_samplePath);
    pages.removeFirst(); // the summary
    const QString all = normalised(pages.join(u' '));
    // Chart text is real text (axis caption, band labels, marker names)...
    QCOMPARE(all.count(QStringLiteral("times in UTC")), m_input.jobs.size());
    QVERIFY(all.contains(QStringLiteral("InProgress")));
    // ...and no raster image was embedded.
    if (!QStandardPaths::findExecutable(QStringLiteral("pdfimages")).isEmpty()) {
        const QStringList lines
                = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), m_samplePath})
                          .split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the two header lines of the listing
    }
}

void tst_PdfReport::choosesPageSizeByLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("pageSize");
    QTest::newRow("en_US") << "en_US"
                           << "letter";
    QTest::newRow("en_CA") << "en_CA"
                           << "letter";
    QTest::newRow("fr_CA") << "fr_CA"
                           << "letter";
    QTest::newRow("de_DE") << "de_DE"
                           << "A4";
    QTest::newRow("en_GB") << "en_GB"
                           << "A4";
    QTest::newRow("ja_JP") << "ja_JP"
                           << "A4";
    QTest::newRow("C") << "C"
                       << "A4";
}

void tst_PdfReport::choosesPageSizeByLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, pageSize);
    const QPageSize::PageSizeId expected
            = pageSize == QLatin1StringView("letter") ? QPageSize::Letter : QPageSize::A4;
    QCOMPARE(PdfReportWriter::defaultPageSize(QLocale(locale)), expected);

    ExportInput input;
    input.profileName = QStringLiteral("page size");
    input.exportedAt = test::exportedAt();
    input.jobs = {m_input.jobs.first()};
    const QString path = m_dir.filePath(locale + QStringLiteral(".pdf"));
    PdfReportWriter::Options options;
    options.locale = QLocale(locale);
    QVERIFY(writePdf(input, path, options).ok());
    QVERIFY2(pdfInfo(path, QStringLiteral("Page size"))
                     .contains(QStringLiteral("(%1)").arg(pageSize)),
             qPrintable(pdfInfo(path, QStringLiteral("Page size"))));

    // An explicit page size wins over the locale.
    options.pageSize = QPageSize::A5;
    QVERIFY(writePdf(input, path, options).ok());
    QVERIFY(pdfInfo(path, QStringLiteral("Page size")).contains(QStringLiteral("(A5)")));
}

void tst_PdfReport::neverContainsThePlantedSecret()
{
    const QString text = pdfPages(m_samplePath).join(u' ');
    QVERIFY(!text.contains(test::plantedSecret()));
    QVERIFY(!text.contains(QStringLiteral("alice")));
    QVERIFY(text.contains(test::sanitisedSecretBaseUrl()));
    QVERIFY(!run(QStringLiteral("pdfinfo"), {m_samplePath}).contains(test::plantedSecret()));
    QFile f(m_samplePath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains(test::plantedSecret().toUtf8()));
}

void tst_PdfReport::reportsTwoProgressUnitsPerJobAndKeepsThePreviousFileWhenCancelled()
{
    QFile sample(m_samplePath);
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray before = sample.readAll();
    sample.close();

    const int jobs = int(m_input.jobs.size());
    QList<int> done;
    int total = 0;
    const ExportResult cancelled = writePdf(m_input, m_samplePath, {}, [&](int d, int t) {
        done.append(d);
        total = t;
        return d < jobs + 2; // into the painting pass
    });
    QCOMPARE(cancelled.outcome, ExportResult::Outcome::Cancelled);
    QCOMPARE(total, 2 * jobs);
    QCOMPARE(done.last(), jobs + 2);
    QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QCOMPARE(sample.readAll(), before);
}

void tst_PdfReport::writesFromAWorkerThread()
{
    const QString path = m_dir.filePath(QStringLiteral("worker.pdf"));
    const ExportInput input = m_input;
    ExportResult result;
    std::unique_ptr<QThread> worker(QThread::create(
            [&input, &path, &result] { result = Exporter().run(input, ExportFormat::Pdf, path); }));
    worker->start();
    QVERIFY(worker->wait(120000));
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QCOMPARE(result.jobCount, input.jobs.size());
    const QString all = normalised(pdfPages(path).join(u' '));
    for (const ExportJob &job : input.jobs)
        QVERIFY2(all.contains(normalised(titleOf(job))), qPrintable(titleOf(job)));
}

void tst_PdfReport::writesASinglePageForAnEmptyExport()
{
    ExportInput input;
    input.profileName = QStringLiteral("nothing");
    input.exportedAt = test::exportedAt();
    const QString path = m_dir.filePath(QStringLiteral("empty.pdf"));
    QVERIFY(writePdf(input, path).ok());
    QCOMPARE(pdfInfo(path, QStringLiteral("Pages")), QStringLiteral("1"));
    const QString text = normalised(pdfPages(path).join(u' '));
    QVERIFY(text.contains(QStringLiteral("No jobs in this export.")));
    QVERIFY(text.contains(QStringLiteral("page 1 of 1")));
    QVERIFY2(text.contains(QStringLiteral(" 0 jobs ")), qPrintable(text));
}

void tst_PdfReport::countsJobsInTheHeaderInEnglish()
{
    // The sample report: "<n> jobs".
    const QString all = normalised(pdfPages(m_samplePath).value(0));
    const QString many = QStringLiteral(" %1 jobs ").arg(m_input.jobs.size());
    QVERIFY2(all.contains(many), qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral("job(s)")));

    // One job: "1 job".
    ExportInput input = test::sampleInput();
    input.jobs.resize(1);
    const QString path = m_dir.filePath(QStringLiteral("one.pdf"));
    QVERIFY(writePdf(input, path).ok());
    const QString first = normalised(pdfPages(path).value(0));
    QVERIFY2(first.contains(QStringLiteral(" 1 job ")), qPrintable(first));
    QVERIFY(!first.contains(QStringLiteral("job(s)")));
}

void tst_PdfReport::cutsAHugeFieldAndSaysSo()
{
    // Issue 12: a job with a 3 MB field took ~2 min and 190 MB to render. What a report prints
    // of one field is capped, and the report says how much was left out.
    ExportInput input = test::sampleInput();
    input.jobs.resize(1);
    const QString line = QStringLiteral("validation failed at record 1234567: bad input\n");
    QString huge;
    while (huge.size() < 3 * 1024 * 1024)
        huge += line;
    input.jobs[0].watched.job.message = huge;
    input.jobs[0].watched.job.jobName = QString(1024 * 1024, u'n');
    const ReportJob built = ReportJob::build(input.jobs.at(0), 0, test::exportedAt(), QLocale::c(),
                                             SecretRedactor());
    QVERIFY(built.message);
    QVERIFY(built.message->size() < ReportText::kMaxFieldChars + 100);
    QVERIFY2(built.message->endsWith(QStringLiteral("cut, %1 bytes more")
                                             .arg(huge.size() - ReportText::kMaxFieldChars)),
             qPrintable(built.message->right(60)));
    QVERIFY(built.summary.title.size() < ReportText::kMaxFieldChars + 100);

    const QString path = m_dir.filePath(QStringLiteral("huge.pdf"));
    QVERIFY(writePdf(input, path).ok());
    const QString all = normalised(pdfPages(path).join(u' '));
    QVERIFY2(all.contains(QStringLiteral("bytes more")), qPrintable(all.right(200)));
}

void tst_PdfReport::fitsATypicalJobOnOnePage()
{
    // Typical jobs (the gateway fixtures, generated jobs over every status with histories,
    // progress samples, VPC and not) take one page each after the summary: no job spills a
    // tail onto a second, nearly empty page.
    ExportInput input;
    input.profileName = QStringLiteral("typical");
    input.baseUrl = QUrl(QStringLiteral("https://gw.example.invalid/bifrost"));
    input.exportedAt = test::exportedAt();
    // A message of dozens of lines (the fixture with a validation report) rightly takes more.
    for (const ExportJob &job : test::fixtureJobs() + test::syntheticJobs(24)) {
        if (job.watched.job.message.value_or(QString()).count(u'\n') < 8)
            input.jobs.append(job);
    }
    QVERIFY(input.jobs.size() >= 30);
    const qsizetype jobs = input.jobs.size();
    for (const QLocale &locale :
         {QLocale(QStringLiteral("de_DE")), QLocale(QStringLiteral("en_US"))}) {
        const QString path = m_dir.filePath(QStringLiteral("typical-%1.pdf").arg(locale.name()));
        PdfReportWriter::Options options;
        options.locale = locale;
        QVERIFY(writePdf(input, path, options).ok());
        const QStringList pages = pdfPages(path);
        const int pageCount = pdfInfo(path, QStringLiteral("Pages")).toInt();
        QCOMPARE(pages.size(), pageCount);
        // The summary of a few dozen rows fits on the first page.
        QVERIFY2(pageCount <= jobs + 1, qPrintable(QStringLiteral("%1: %2 pages for %3 jobs")
                                                           .arg(locale.name())
                                                           .arg(pageCount)
                                                           .arg(jobs)));
        // Still one job per page, in order, each with its name at the top and the page number
        // at the bottom.
        for (qsizetype i = 0; i < jobs; ++i) {
            const QString page = normalised(pages.value(int(i) + 1));
            const QString title = normalised(titleOf(input.jobs.at(i)));
            QString body = page.mid(page.indexOf(QStringLiteral("12:00:00 UTC")) + 12).trimmed();
            QVERIFY2(body.startsWith(title),
                     qPrintable(title + QStringLiteral(" | ") + body.left(80)));
            QVERIFY(page.contains(QStringLiteral("page %1 of %2").arg(i + 2).arg(pageCount)));
            QVERIFY(page.contains(QStringLiteral("times in UTC")));
        }
    }
}

void tst_PdfReport::laysPagesOutTheSameOnSeveralThreads()
{
    // Issue 13: the job pages are laid out on worker threads, each against a writer of its own.
    // Three threads (whatever the cores) against the calling thread alone: the same pages with
    // the same text, both for documents kept from the counting pass (the first two) and for
    // those made ahead of the painter (the rest), some of them by the painting thread itself.
    ExportInput input = test::sampleInput();
    QVERIFY(input.jobs.size() >= 8);
    input.jobs.resize(8);
    QList<QStringList> reports;
    for (const int threads : {1, 3}) {
        PdfReportWriter::Options options;
        options.locale = QLocale::c();
        options.threads = threads;
        options.keptDocuments = 2;
        const QString path = m_dir.filePath(QStringLiteral("threads-%1.pdf").arg(threads));
        const ExportResult r = writePdf(input, path, options);
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        reports.append(pdfPages(path));
        QCOMPARE(pdfInfo(path, QStringLiteral("Pages")).toInt(), int(reports.last().size()));
    }
    QVERIFY(reports.at(0).size() > input.jobs.size());
    QCOMPARE(reports.at(1).size(), reports.at(0).size());
    for (qsizetype p = 0; p < reports.at(0).size(); ++p)
        QCOMPARE(reports.at(1).at(p), reports.at(0).at(p));
}

QTEST_MAIN(tst_PdfReport)
#include "tst_pdfreport.moc"

void tst_PdfReport::drawsEmojiInJobNamesAsText()
{
    // Issue 10 item 10: emoji came out blank. Only an outline font carries them into a PDF (the
    // colour emoji font is bitmaps, drawn blank there): the report puts Symbola (Debian:
    // fonts-symbola) behind its sans-serif, and this test needs it installed.
    if (!QFontDatabase::hasFamily(QStringLiteral("Symbola")))
        QSKIP("Symbola is not installed (Debian: fonts-symbola; scripts/deps.sh installs it)");
    ExportInput input = test::sampleInput();
    QVERIFY(!input.jobs.isEmpty());
    input.jobs.first().watched.job.jobName = QStringLiteral("launch-\U0001F680-eval \u2705");
    const QString path = m_dir.filePath(QStringLiteral("emoji.pdf"));
    PdfReportWriter::Options options;
    options.locale = QLocale::c();
    const ExportResult r = writePdf(input, path, options);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    // Every emoji is drawn from Symbola, none from the bitmap font. (Qt's PDF writer maps only
    // BMP characters back to text: the check mark can be extracted, the rocket cannot.)
    const QString fonts = run(QStringLiteral("pdffonts"), {path});
    QVERIFY2(fonts.contains(QStringLiteral("Symbola")), qPrintable(fonts));
    QVERIFY2(!fonts.contains(QStringLiteral("Emoji"), Qt::CaseInsensitive), qPrintable(fonts));
    QVERIFY(pdfPages(path).join(u' ').contains(QStringLiteral("launch-")));
    QVERIFY(pdfPages(path).join(u' ').contains(QStringLiteral("-eval \u2705")));
}
