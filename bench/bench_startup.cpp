// bench_startup: what showing a large stored watch list costs at launch, in time and memory.
//
// A child process first writes N stored jobs (default 100,000; AWS-shaped, as bench_model makes
// them, with raw retrieve bodies and no history) into a store in a temporary directory. Then this
// process, which has not touched them, times what the window does at start-up:
//   open      JobStore::open of the existing file;
//   load      JobStore::loadWatched of every job;
//   model     JobTableModel::setJobs (one model reset);
//   sorted    JobFilterProxyModel sorted by submit time, newest first, rows mapped (what the
//             table shows first);
// and reports the resident set size it grew by, per job (the jobs as the GUI holds them: model
// rows, proxy, the loaded list released; no history, no samples, no widgets).
//
//   bench_startup [--jobs N] [--runs N]
//
// Not a test: it asserts nothing and is not registered with CTest. Results and the exact command
// go to docs/PERFORMANCE.md. The window itself (widgets, first paint) is not part of this figure.

#include "benchsupport.h"
#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "store/jobstore.h"
#include "wire/jobcodec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdlib>
#include <iterator>

using namespace bw;
using namespace bw::bench;

namespace {

const QString kProfile = QStringLiteral("bench");

// Writes `count` stored jobs into `dir` (the child process's whole work).
int prepare(const QString &dir, int count)
{
    static const char *const statuses[] = {"Completed", "Completed", "InProgress", "Failed",
                                           "Scheduled", "Stopped",   "Expired",    "Completed"};
    static const char *const stems[] = {"support-tickets-triage", "claims-summaries",
                                        "nightly-eval", "catalog-translation-de"};
    QRandomGenerator rng(20250315);
    JobStore store;
    GatewayProfile profile;
    profile.id = kProfile;
    profile.name = QStringLiteral("Benchmark gateway");
    if (!store.open(dir) || !store.saveProfile(profile))
        fail(store.lastError());
    QList<WatchedJob> batch;
    for (int i = 0; i < count; ++i) {
        const QString id = randomId(rng);
        const QString arn
                = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                  + id;
        const QDateTime submit = kNow.addSecs(-rng.bounded(60, 30 * 86400));
        const QString status = QLatin1StringView(statuses[rng.bounded(int(std::size(statuses)))]);
        QJsonObject o{
                {QStringLiteral("jobArn"), arn},
                {QStringLiteral("jobName"),
                 QStringLiteral("%1-%2")
                         .arg(QLatin1StringView(stems[rng.bounded(int(std::size(stems)))]))
                         .arg(i)},
                {QStringLiteral("modelId"),
                 QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0")},
                {QStringLiteral("roleArn"),
                 QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatchInferenceRole")},
                {QStringLiteral("status"), status},
                {QStringLiteral("submitTime"), JobCodec::formatTimestamp(submit)},
                {QStringLiteral("lastModifiedTime"),
                 JobCodec::formatTimestamp(submit.addSecs(rng.bounded(10, 3600)))},
                {QStringLiteral("jobExpirationTime"),
                 JobCodec::formatTimestamp(submit.addSecs(72 * 3600))},
                {QStringLiteral("totalRecordCount"), 1000},
                {QStringLiteral("processedRecordCount"), rng.bounded(1000)},
        };
        const ParsedJob parsed = JobCodec::parseJob(o);
        WatchedJob w;
        w.profileId = kProfile;
        w.identifier = i % 2 ? arn : id;
        w.job = parsed.job;
        w.rawRetrieve = parsed.raw;
        w.everReported = parsed.job.presentFields();
        w.addedAt = submit.addSecs(30);
        w.fetchedAt = kNow.addSecs(-rng.bounded(120));
        batch.append(w);
        if (batch.size() == 5000 || i == count - 1) {
            if (!store.saveJobs(batch))
                fail(store.lastError());
            batch.clear();
        }
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_startup"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Times loading a large stored watch list and measures its memory."));
    parser.addHelpOption();
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Stored jobs (default 100000)."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (default 3)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption prepareOption(QStringLiteral("prepare"),
                                           QStringLiteral("(internal) Write the store into DIR."),
                                           QStringLiteral("DIR"));
    parser.addOptions({jobsOption, runsOption, prepareOption});
    parser.process(app);
    const int jobs
            = intOption(parser, jobsOption, 1, QStringLiteral("--jobs needs a positive number"));
    if (parser.isSet(prepareOption))
        return prepare(parser.value(prepareOption), jobs);
    const int runs
            = intOption(parser, runsOption, 1, QStringLiteral("--runs needs a positive number"));

    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("no temporary directory"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--prepare"), dir.path(), QStringLiteral("--jobs"),
                 QString::number(jobs)});
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        fail(QStringLiteral("could not write the store"));

    QTextStream out(stdout);
    out << "bench_startup: " << jobs << " stored jobs; " << runs << " runs; Qt " << qVersion()
        << "\n\n";
    Timings timings;
    Stopwatch step;
    Stopwatch total;
    QList<double> perJob;
    for (int run = 0; run < runs; ++run) {
        const qint64 rssBefore = residentKiB();
        total.start();
        JobStore store;
        step.start();
        if (!store.open(dir.path()))
            fail(store.lastError());
        timings.add(QStringLiteral("open"), step);
        step.start();
        QList<WatchedJob> loaded = store.loadWatched(kProfile);
        timings.add(QStringLiteral("loadWatched"), step);
        if (loaded.size() != jobs)
            fail(QStringLiteral("loaded %1 jobs").arg(loaded.size()));
        JobTableModel model([] { return kNow; });
        JobFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        step.start();
        model.setJobs(loaded);
        timings.add(QStringLiteral("model setJobs"), step);
        step.start();
        proxy.sort(JobTableModel::SubmittedColumn, Qt::DescendingOrder);
        if (proxy.rowCount() != jobs)
            fail(QStringLiteral("the proxy shows %1 rows").arg(proxy.rowCount()));
        timings.add(QStringLiteral("proxy sorted by submitted"), step);
        loaded.clear(); // the rows hold their own copies now
        timings.add(QStringLiteral("total: stored jobs to sorted table"), total);
        perJob.append(double(residentKiB() - rssBefore) * 1024.0 / jobs);
    }
    timings.print(out);
    out << "\nRSS growth per job, first run (later runs reuse freed memory): "
        << QString::number(perJob.constFirst(), 'f', 0) << " bytes\n";
    return 0;
}
