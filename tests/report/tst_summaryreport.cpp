// The summary report (issue 13): for large selections, the report's head and one table with a
// row per job, no per-job pages or sections. HTML and PDF, through the Exporter as the export
// dialog and the CLI write it.

#include "domain/statusvocabulary.h"
#include "exporter.h"
#include "exportsamples.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace bw;

namespace {

constexpr int kJobs = 120;

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString idOf(const ExportJob &job)
{
    return job.watched.job.jobArn.value_or(QString()).section(u'/', -1);
}

// The English status word a user reads in the table.
QString statusWord(JobStatus code)
{
    static const std::map<JobStatus, QString> words{
            {JobStatus::Submitted, QStringLiteral("Submitted")},
            {JobStatus::Validating, QStringLiteral("Validating")},
            {JobStatus::Scheduled, QStringLiteral("Scheduled")},
            {JobStatus::InProgress, QStringLiteral("In progress")},
            {JobStatus::Stopping, QStringLiteral("Stopping")},
            {JobStatus::Completed, QStringLiteral("Completed")},
            {JobStatus::PartiallyCompleted, QStringLiteral("Partially completed")},
            {JobStatus::Failed, QStringLiteral("Failed")},
            {JobStatus::Stopped, QStringLiteral("Stopped")},
            {JobStatus::Expired, QStringLiteral("Expired")},
    };
    return words.at(code);
}

ExportInput bigInput()
{
    ExportInput input;
    input.profileName = QStringLiteral("Nightly evals");
    input.baseUrl = QUrl(QStringLiteral("https://gw.example.invalid/bifrost"));
    input.exportedAt = test::exportedAt();
    input.jobs = test::syntheticJobs(kJobs, 7);
    return input;
}

// "<n> <group>" for every status group present, as the head shows the counts.
QStringList groupCounts(const ExportInput &input)
{
    std::map<StatusGroup, int> counts;
    for (const ExportJob &job : input.jobs)
        ++counts[job.watched.job.status->group()];
    QStringList out;
    for (const auto &[group, n] : counts)
        out << QStringLiteral("%1 %2").arg(n).arg(StatusVocabulary::groupWord(group));
    return out;
}

ExportResult write(const ExportInput &input, ExportFormat format, ReportLayout layout,
                   const QString &path, const ExportProgress &progress = {})
{
    ExportOptions options;
    options.locale = QLocale::c();
    options.reportLayout = layout;
    return Exporter(options).run(input, format, path, progress);
}

} // namespace

class tst_SummaryReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void pdfHasARowForEveryJobAndNoJobPages();
    void pdfCountsProgressInRowsAndCancelKeepsThePreviousFile();
    void htmlHasARowForEveryJobAndNoSections();

private:
    QTemporaryDir m_dir;
};

void tst_SummaryReport::pdfHasARowForEveryJobAndNoJobPages()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed");
    const ExportInput input = bigInput();
    const QString path = m_dir.filePath(QStringLiteral("summary.pdf"));
    const ExportResult r = write(input, ExportFormat::Pdf, ReportLayout::Summary, path);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.jobCount, kJobs);

    // A few pages of table instead of one page or more per job.
    const QString info = run(QStringLiteral("pdfinfo"), {path});
    const QRegularExpression pagesLine(QStringLiteral("^Pages:\\s+(\\d+)$"),
                                       QRegularExpression::MultilineOption);
    const int pages = pagesLine.match(info).captured(1).toInt();
    QVERIFY2(pages >= 2 && pages <= 6, qPrintable(info));

    const QString text = run(QStringLiteral("pdftotext"),
                             {QStringLiteral("-layout"), QStringLiteral("-enc"),
                              QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    QVERIFY(!text.isEmpty());
    const QStringList lines = text.split(u'\n');
    // Every job has its row: name, id and status word on one line.
    for (const ExportJob &job : input.jobs) {
        const QString name = *job.watched.job.jobName;
        const auto row = std::find_if(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return line.contains(name + u' ') || line.endsWith(name);
        });
        QVERIFY2(row != lines.cend(), qPrintable(name));
        QVERIFY2(row->contains(idOf(job)), qPrintable(*row));
        QVERIFY2(row->contains(statusWord(job.watched.job.status->code())), qPrintable(*row));
    }
    // The head: how many jobs, how many in each status group, the profile.
    const QString simple = text.simplified();
    QVERIFY(simple.contains(QStringLiteral("%1 jobs").arg(kJobs)));
    for (const QString &count : groupCounts(input))
        QVERIFY2(simple.contains(count), qPrintable(count));
    QVERIFY(simple.contains(QStringLiteral("Nightly evals")));
    QVERIFY(simple.contains(QStringLiteral("page %1 of %1").arg(pages)));
    // No job's own pages: none of their headings.
    for (const QString &heading : {QStringLiteral("Fields"), QStringLiteral("Timeline"),
                                   QStringLiteral("Configuration"), QStringLiteral("History")})
        QVERIFY2(!lines.contains(heading) && !simple.contains(u' ' + heading + u' '),
                 qPrintable(heading));
}

void tst_SummaryReport::pdfCountsProgressInRowsAndCancelKeepsThePreviousFile()
{
    const ExportInput input = bigInput();
    const QString path = m_dir.filePath(QStringLiteral("progress.pdf"));
    int last = -1;
    int total = -1;
    QVERIFY(write(input, ExportFormat::Pdf, ReportLayout::Summary, path, [&](int done, int all) {
                last = done;
                total = all;
                return true;
            }).ok());
    // One unit per job, not two: there is no layout pass over job pages.
    QCOMPARE(total, kJobs);
    QCOMPARE(last, kJobs);

    QFile previous(path);
    QVERIFY(previous.open(QIODevice::ReadOnly));
    const QByteArray before = previous.readAll();
    previous.close();
    const ExportResult cancelled = write(input, ExportFormat::Pdf, ReportLayout::Summary, path,
                                         [](int done, int) { return done < kJobs / 2; });
    QCOMPARE(cancelled.outcome, ExportResult::Outcome::Cancelled);
    QVERIFY(previous.open(QIODevice::ReadOnly));
    QCOMPARE(previous.readAll(), before);
}

void tst_SummaryReport::htmlHasARowForEveryJobAndNoSections()
{
    const ExportInput input = bigInput();
    const QString path = m_dir.filePath(QStringLiteral("summary.html"));
    QVERIFY(write(input, ExportFormat::Html, ReportLayout::Summary, path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());

    // One table row per job (plus the header row), each with its name, id and status.
    QCOMPARE(html.count(QStringLiteral("<tr>")), kJobs + 1);
    for (const ExportJob &job : input.jobs) {
        const QString name = *job.watched.job.jobName;
        const qsizetype at = html.indexOf(u'>' + name + u'<');
        QVERIFY2(at >= 0, qPrintable(name));
        const QString row = html.mid(at, html.indexOf(QStringLiteral("</tr>"), at) - at);
        QVERIFY2(row.contains(idOf(job)), qPrintable(row));
        QVERIFY2(row.contains(statusWord(job.watched.job.status->code())), qPrintable(row));
    }
    QVERIFY(html.contains(QStringLiteral("%1 jobs").arg(kJobs)));
    for (const QString &count : groupCounts(input))
        QVERIFY2(html.contains(count), qPrintable(count));
    // No job sections, so no links to them; the document is complete.
    QVERIFY(!html.contains(QStringLiteral("class=\"job\"")));
    QVERIFY(!html.contains(QStringLiteral("href=\"#job-")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));

    // The full report of the same jobs does have them.
    const QString fullPath = m_dir.filePath(QStringLiteral("full.html"));
    QVERIFY(write(input, ExportFormat::Html, ReportLayout::Full, fullPath).ok());
    QFile full(fullPath);
    QVERIFY(full.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(full.readAll()).count(QStringLiteral("class=\"job\"")), kJobs);
}

QTEST_MAIN(tst_SummaryReport)
#include "tst_summaryreport.moc"
