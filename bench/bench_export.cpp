// bench_export: how long every export format takes for a large watch list.
//
// Builds N synthetic but realistic jobs (default 10,000: every status, 1-6 observed transitions,
// progress samples for running and finished jobs, VPC on a third, failure messages up to 2 KiB,
// raw bodies) and writes each format through Exporter::run (atomic QSaveFile, as the GUI and
// the CLI do), timing each with QElapsedTimer. Prints one table row per format: wall time, CPU
// time of the process (on a shared machine wall time grows with the load, CPU time much less),
// jobs per second (wall), file size and peak resident memory during that export (Linux).
//
//   bench_export [--jobs N] [--formats json,csv,html,pdf] [--report full|summary] [--dir DIR]
//                [--keep] [--threads N] [--cancel-at N]
//
// --report summary writes the HTML and PDF reports as the summary table only (issue 13).
// --threads N lays the PDF's job pages out on N threads, the painting one included (default:
// one per core; 1 is the single-threaded writer). The PDF row's notes give the CPU time of the
// painting thread (the calling one) besides the process's. --cancel-at N cancels each export
// once its progress reaches N units and says how long it took to return after that.
//
// Not a test: it asserts nothing and is not registered with CTest. Results and the exact
// command go to docs/PERFORMANCE.md.

#include "benchsupport.h"
#include "exporter.h"
#include "wire/jobcodec.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>

using namespace bw;
using namespace bw::bench;

namespace {

QList<JobStatus> lifecycle(JobStatus last, QRandomGenerator &rng)
{
    using S = JobStatus;
    switch (last) {
    case S::Submitted:
        return {S::Submitted};
    case S::Validating:
        return {S::Submitted, S::Validating};
    case S::Scheduled:
        return {S::Submitted, S::Validating, S::Scheduled};
    case S::InProgress:
        return {S::Submitted, S::Validating, S::Scheduled, S::InProgress};
    case S::Stopping:
        return {S::Submitted, S::Scheduled, S::InProgress, S::Stopping};
    case S::Completed:
        return rng.bounded(2) ? QList<S>{S::Submitted, S::Validating, S::Scheduled, S::InProgress,
                                         S::Completed}
                              : QList<S>{S::Scheduled, S::InProgress, S::Completed};
    case S::PartiallyCompleted:
        return {S::Submitted, S::Validating, S::Scheduled, S::InProgress, S::PartiallyCompleted};
    case S::Failed:
        return rng.bounded(2) ? QList<S>{S::Submitted, S::Validating, S::Failed}
                              : QList<S>{S::Submitted, S::Scheduled, S::InProgress, S::Failed};
    case S::Stopped:
        return {S::Submitted, S::Scheduled, S::InProgress, S::Stopping, S::Stopped};
    case S::Expired:
        return {S::Submitted, S::Validating, S::Scheduled, S::Expired};
    case S::Finalizing:
        return {S::Validating, S::InProgress, S::Finalizing};
    case S::Ended:
        return {S::InProgress, S::Ended};
    case S::Unknown:
        break;
    }
    return {S::Submitted};
}

QString failureMessage(QRandomGenerator &rng, qint64 errors)
{
    if (rng.bounded(4) > 0)
        return QStringLiteral("%1 of the records failed. See the error records in the output "
                              "location for details.")
                .arg(errors);
    QString m = QStringLiteral("Validation of input file failed for %1 records.\nFirst errors:\n")
                        .arg(errors);
    for (int r = 1; m.size() < 2000; ++r)
        m += QStringLiteral("\trecordId \"rec-%1\": modelInput.messages[0].content must be "
                            "non-empty; got \"\"\n")
                     .arg(r, 5, 10, QLatin1Char('0'));
    return m;
}

ExportJob makeJob(int n, QRandomGenerator &rng)
{
    static const QList<JobStatus> statuses{JobStatus::Submitted,
                                           JobStatus::Validating,
                                           JobStatus::Scheduled,
                                           JobStatus::Scheduled,
                                           JobStatus::InProgress,
                                           JobStatus::InProgress,
                                           JobStatus::InProgress,
                                           JobStatus::Stopping,
                                           JobStatus::Completed,
                                           JobStatus::Completed,
                                           JobStatus::Completed,
                                           JobStatus::Completed,
                                           JobStatus::PartiallyCompleted,
                                           JobStatus::Failed,
                                           JobStatus::Stopped,
                                           JobStatus::Expired};
    static const QStringList models{QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"),
                                    QStringLiteral("anthropic.claude-3-5-sonnet-20240620-v1:0"),
                                    QStringLiteral("amazon.nova-lite-v1:0"),
                                    QStringLiteral("meta.llama3-1-70b-instruct-v1:0")};
    static const QStringList topics{
            QStringLiteral("claims-summaries"), QStringLiteral("support-tickets-triage"),
            QStringLiteral("product-desc-rewrite"), QStringLiteral("legal-redline"),
            QStringLiteral("nightly-eval")};

    const QString id = randomId(rng);
    const QString arn
            = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/") + id;
    const JobStatus code = statuses.at(rng.bounded(int(statuses.size())));
    const QList<JobStatus> path = lifecycle(code, rng);

    ExportJob e;
    WatchedJob &w = e.watched;
    w.identifier = n % 2 ? id : arn;
    w.profileId = QStringLiteral("bench");
    Job &j = w.job;
    j.jobArn = arn;
    j.jobName = QStringLiteral("%1-%2").arg(topics.at(n % topics.size())).arg(n);
    j.status = Status::fromCode(code);
    j.modelId = models.at(rng.bounded(int(models.size())));
    j.roleArn = QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatchInferenceRole");
    j.clientRequestToken = QStringLiteral("%1-%2").arg(id, randomId(rng));
    const QDateTime submit = kNow.addSecs(-qint64(rng.bounded(600, 6 * 86400)));
    j.submitTime = submit;
    j.jobExpirationTime = submit.addSecs(72 * 3600);
    j.timeoutDurationInHours = 72;
    j.modelInvocationType = QStringLiteral("InvokeModel");
    j.inputDataConfig = InputDataConfig{
            QStringLiteral("s3://acme-batch-in/%1/%2/records.jsonl").arg(*j.jobName, id),
            QStringLiteral("JSONL"), QStringLiteral("123456789012")};
    j.outputDataConfig = OutputDataConfig{
            QStringLiteral("s3://acme-batch-out/%1/%2/").arg(*j.jobName, id),
            QStringLiteral("arn:aws:kms:us-east-1:123456789012:key/%1").arg(randomId(rng)),
            QStringLiteral("123456789012")};
    if (n % 3 == 0)
        j.vpcConfig = VpcConfig{{QStringLiteral("sg-0123456789abcdef0")},
                                {QStringLiteral("subnet-0a1b2c3d4e5f67890"),
                                 QStringLiteral("subnet-0fedcba9876543210")}};

    // Transitions spread between submission and now (or the end).
    const Status status = *j.status;
    const qint64 life = submit.secsTo(kNow);
    const qint64 ran = status.isTerminal() ? life * (20 + rng.bounded(70)) / 100 : life;
    QDateTime t = submit.addSecs(rng.bounded(5, 90));
    for (qsizetype i = 0; i < path.size(); ++i) {
        StatusTransition tr;
        if (i > 0)
            tr.from = Status::fromCode(path.at(i - 1));
        tr.to = Status::fromCode(path.at(i));
        tr.observedAt = t;
        if (i > 0)
            tr.lastModifiedTime = t.addSecs(-rng.bounded(1, 30));
        e.history.append(tr);
        t = t.addSecs(std::max<qint64>(60, ran / std::max<qsizetype>(path.size(), 1)));
    }
    const QDateTime last = e.history.last().observedAt;
    j.lastModifiedTime = e.history.last().lastModifiedTime.value_or(last);
    if (status.isTerminal())
        j.endTime = j.lastModifiedTime;

    if (status.group() != StatusGroup::Queued) {
        const qint64 total = rng.bounded(100, 250000);
        const qint64 processed = code == JobStatus::Completed ? total : rng.bounded(int(total));
        const qint64 errors = code == JobStatus::Completed ? 0 : processed / (10 + rng.bounded(90));
        j.totalRecordCount = total;
        j.processedRecordCount = processed;
        j.errorRecordCount = errors;
        j.successRecordCount = processed - errors;
        // One sample every few minutes while running, thinned to at most 40.
        const QDateTime runStart = e.history.size() > 1 ? e.history.at(1).observedAt : submit;
        const qint64 span = std::max<qint64>(runStart.secsTo(last), 60);
        for (int k = 0; k < 40; ++k) {
            ProgressSample s;
            s.at = runStart.addSecs(span * k / 39);
            s.total = total;
            s.processed = processed * k / 39;
            s.failed = errors * k / 39;
            s.succeeded = s.processed - s.failed;
            e.samples.append(s);
        }
    }
    if (code == JobStatus::Failed || code == JobStatus::PartiallyCompleted)
        j.message = failureMessage(rng, j.errorRecordCount.value_or(1));

    w.rawRetrieve = JobCodec::toJson(j);
    w.rawList = w.rawRetrieve;
    w.everReported = j.presentFields();
    w.addedAt = submit.addSecs(30);
    w.fetchedAt = kNow.addSecs(-rng.bounded(5, 60));
    return e;
}

// Peak resident set size in MiB since the last reset (Linux; -1 elsewhere).
double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// CPU time of the calling thread (the one that paints a PDF), in seconds.
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5"); // resets VmHWM to the current RSS
}

} // namespace

int main(int argc, char *argv[])
{
    // A PDF needs a QGuiApplication; benchmarks never show a window.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_export"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times every export format."));
    parser.addHelpOption();
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), QStringLiteral("Number of jobs."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption formatsOption(
            QStringLiteral("formats"), QStringLiteral("Comma-separated formats."),
            QStringLiteral("list"), QStringLiteral("json,csv,html,pdf"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Write the files here (default: a "
                                                      "temporary directory)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the temporary directory."));
    const QCommandLineOption reportOption(
            QStringLiteral("report"),
            QStringLiteral("HTML and PDF: full (default) or summary (the summary table only)."),
            QStringLiteral("full|summary"), QStringLiteral("full"));
    const QCommandLineOption threadsOption(
            QStringLiteral("threads"),
            QStringLiteral("PDF: threads laying job pages out, the painting one included (0: one "
                           "per core)."),
            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption cancelOption(
            QStringLiteral("cancel-at"),
            QStringLiteral("Cancel each export when its progress reaches N units (0: never); "
                           "the notes say how long it took to return after that."),
            QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({jobsOption, formatsOption, dirOption, keepOption, reportOption,
                       threadsOption, cancelOption});
    parser.process(app);

    QTextStream out(stdout);
    const int count = intOption(parser, jobsOption, 0,
                                QStringLiteral("--jobs needs a non-negative number"), 2);
    QList<ExportFormat> formats;
    for (const QString &key : parser.value(formatsOption).split(u',', Qt::SkipEmptyParts)) {
        const auto f = exportFormatFromKey(key);
        if (!f) {
            QTextStream(stderr) << "bench_export: unknown format " << key << '\n';
            return 2;
        }
        formats.append(*f);
    }

    QTemporaryDir temporary;
    temporary.setAutoRemove(!parser.isSet(keepOption));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(dir);

    QElapsedTimer timer;
    timer.start();
    QRandomGenerator rng(20250315);
    ExportInput input;
    input.profileName = QStringLiteral("bench");
    input.baseUrl = QUrl(QStringLiteral("https://gateway.example.invalid/bifrost"));
    input.exportedAt = kNow;
    input.jobs.reserve(count);
    qsizetype transitions = 0;
    qsizetype samples = 0;
    for (int n = 0; n < count; ++n) {
        input.jobs.append(makeJob(n, rng));
        transitions += input.jobs.last().history.size();
        samples += input.jobs.last().samples.size();
    }
    out << "bench_export: " << count << " jobs, " << transitions << " transitions, " << samples
        << " progress samples (generated in " << timer.elapsed() << " ms)\n";
    out << "Qt " << qVersion() << ", files in " << QDir::toNativeSeparators(dir) << "\n\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                    .arg(QStringLiteral("format"), -7)
                    .arg(QStringLiteral("wall (s)"), 10)
                    .arg(QStringLiteral("CPU (s)"), 9)
                    .arg(QStringLiteral("jobs/s"), 10)
                    .arg(QStringLiteral("size (MiB)"), 11)
                    .arg(QStringLiteral("peak RSS (MiB)"), 15)
                    .arg(QStringLiteral("notes"));
    out.flush();

    ExportOptions exportOptions;
    if (parser.value(reportOption) == u"summary")
        exportOptions.reportLayout = ReportLayout::Summary;
    else if (parser.value(reportOption) != u"full") {
        QTextStream(stderr) << "bench_export: --report must be full or summary\n";
        return 2;
    }
    exportOptions.pdfThreads = intOption(
            parser, threadsOption, 0, QStringLiteral("--threads needs a non-negative number"), 2);
    const int cancelAt = intOption(parser, cancelOption, 0,
                                   QStringLiteral("--cancel-at needs a non-negative number"), 2);
    const Exporter exporter(exportOptions);
    int failures = 0;
    for (const ExportFormat format : std::as_const(formats)) {
        const QString path = QDir(dir).filePath(QStringLiteral("bench.") + exportFormatKey(format));
        resetPeakRss();
        qint64 halfway = -1;
        double threadHalfway = 0;
        std::clock_t cpuHalfway = 0;
        const std::clock_t cpuStart = std::clock();
        const double threadStart = threadCpuSeconds();
        timer.restart();
        qint64 cancelledAt = -1;
        const ExportResult r = exporter.run(input, format, path, [&](int done, int total) {
            if (format == ExportFormat::Pdf && exportOptions.reportLayout == ReportLayout::Full
                && done == total / 2 && halfway < 0) {
                halfway = timer.elapsed();
                threadHalfway = threadCpuSeconds();
                cpuHalfway = std::clock();
            }
            if (cancelAt > 0 && done >= cancelAt) {
                if (cancelledAt < 0)
                    cancelledAt = timer.nsecsElapsed();
                return false;
            }
            return true;
        });
        const qint64 ms = timer.elapsed();
        const qint64 returnedAt = timer.nsecsElapsed();
        const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        const double threadEnd = threadCpuSeconds();
        QString notes;
        if (r.outcome == ExportResult::Outcome::Cancelled && cancelledAt >= 0) {
            notes = QStringLiteral("cancelled at %1 of the progress: returned %2 ms later")
                            .arg(cancelAt)
                            .arg((returnedAt - cancelledAt) / 1e6, 0, 'f', 1);
        } else if (!r.ok()) {
            notes = QStringLiteral("FAILED: ") + r.errorString;
            ++failures;
        } else if (format == ExportFormat::Pdf && halfway >= 0) {
            // Wall and CPU of each pass; in brackets the painting (calling) thread's CPU.
            notes = QStringLiteral("layout pass %1 s wall, %2 s CPU (%3); paint pass %4 s "
                                   "wall, %5 s CPU (%6)")
                            .arg(halfway / 1000.0, 0, 'f', 2)
                            .arg(double(cpuHalfway - cpuStart) / CLOCKS_PER_SEC, 0, 'f', 2)
                            .arg(threadHalfway - threadStart, 0, 'f', 2)
                            .arg((ms - halfway) / 1000.0, 0, 'f', 2)
                            .arg(double(std::clock() - cpuHalfway) / CLOCKS_PER_SEC, 0, 'f', 2)
                            .arg(threadEnd - threadHalfway, 0, 'f', 2);
        }
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                        .arg(exportFormatKey(format), -7)
                        .arg(ms / 1000.0, 10, 'f', 2)
                        .arg(cpu, 9, 'f', 2)
                        .arg(ms > 0 ? count * 1000.0 / ms : 0.0, 10, 'f', 0)
                        .arg(r.bytes / (1024.0 * 1024.0), 11, 'f', 1)
                        .arg(peakRssMiB(), 15, 'f', 0)
                        .arg(notes);
        out.flush();
    }
    return failures == 0 ? 0 : 1;
}
