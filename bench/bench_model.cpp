// bench_model: how the job table's model and proxy cope with a very large watch list.
//
// Builds N realistic watched jobs (default 100,000) from AWS-native bodies decoded by JobCodec:
// every status (40 % Completed, 15 % InProgress with record counts and three progress samples,
// queued, failed, partially completed, stopped, expired, a few unknown statuses), names from a
// handful of pipelines, eight models, submit times over 30 days, failure messages, 2 % stale rows
// and a few not found. They go into a JobTableModel under a JobFilterProxyModel, as in the job
// table, and each of these is timed on its own:
//   load           JobTableModel::setJobs (model reset; the proxy maps every row);
//   sort           JobFilterProxyModel::sort by name, submitted, progress and status, from
//                  the unsorted state; by name again in the other order (the sort keys of
//                  the names kept, as when the user flips the order);
//   filter         a text filter, a status-group filter (queued + running) and active-only,
//                  each from no filter, with the table sorted by submitted (newest first), and
//                  clearing a text filter again;
//   tick           JobTableModel::tick() one minute on, and one second on (what the window's
//                  timer does while anything shown moves): with the table sorted by submitted,
//                  and sorted by elapsed (a column tick changes, so the proxy re-sorts);
//   rename         1,000 rows (every 100th) renamed in one upsertJobs, sorted by name: the
//                  proxy moves each renamed row (dynamic sort);
//   last error     LastErrorRole of every row (GatewayError::describe() of the 2 % in error,
//                  which words a stored English sentence again: ClientText::reworded).
//
//   bench_model [--rows N] [--runs N]
//
// The table gives the median and the minimum over the runs. Not a test: it asserts nothing and
// is not registered with CTest. Results and the exact command go to docs/PERFORMANCE.md.

#include "benchsupport.h"
#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "wire/jobcodec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <utility>

using namespace bw;
using namespace bw::bench;

namespace {

QString pickStatus(QRandomGenerator &rng)
{
    // Cumulative per mille: a long-lived watch list is mostly finished jobs.
    static const std::pair<int, const char *> mix[]
            = {{400, "Completed"},  {550, "InProgress"},         {580, "Submitted"},
               {630, "Validating"}, {730, "Scheduled"},          {740, "Stopping"},
               {820, "Failed"},     {860, "PartiallyCompleted"}, {910, "Stopped"},
               {990, "Expired"},    {1000, "Finalizing"}};
    const int draw = rng.bounded(1000);
    for (const auto &[limit, name] : mix) {
        if (draw < limit)
            return QLatin1StringView(name);
    }
    return QStringLiteral("Completed");
}

struct Generated
{
    QList<WatchedJob> jobs;
    QHash<QString, QList<ProgressSample>> samples;
};

Generated makeJobs(int count)
{
    static const char *const stems[]
            = {"support-tickets-triage", "claims-summaries",      "product-desc-rewrite",
               "nightly-eval",           "contract-clauses",      "search-query-expansion",
               "call-transcripts",       "catalog-translation-de"};
    static const char *const models[] = {
            "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0",
            "anthropic.claude-3-opus-20240229-v1:0",  "meta.llama3-1-70b-instruct-v1:0",
            "meta.llama3-1-8b-instruct-v1:0",         "amazon.titan-embed-text-v2:0",
            "mistral.mistral-large-2402-v1:0",        "cohere.command-r-plus-v1:0"};
    QRandomGenerator rng(20250315);
    Generated out;
    out.jobs.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString id = randomId(rng);
        const QString arn
                = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                  + id;
        const QString name
                = QStringLiteral("%1-%2")
                          .arg(QLatin1StringView(stems[rng.bounded(int(std::size(stems)))]))
                          .arg(i);
        const QString statusName = pickStatus(rng);
        const Status status = Status::fromString(statusName);
        const QDateTime submit = kNow.addSecs(-rng.bounded(60, 30 * 86400));
        QJsonObject o{
                {QStringLiteral("jobArn"), arn},
                {QStringLiteral("jobName"), name},
                {QStringLiteral("modelId"),
                 QLatin1StringView(models[rng.bounded(int(std::size(models)))])},
                {QStringLiteral("roleArn"),
                 QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatchInferenceRole")},
                {QStringLiteral("status"), statusName},
                {QStringLiteral("submitTime"), JobCodec::formatTimestamp(submit)},
                {QStringLiteral("lastModifiedTime"),
                 JobCodec::formatTimestamp(
                         std::min(kNow, submit.addSecs(rng.bounded(10, 20 * 3600))))},
                {QStringLiteral("jobExpirationTime"),
                 JobCodec::formatTimestamp(submit.addSecs(72 * 3600))},
                {QStringLiteral("timeoutDurationInHours"), 72},
        };
        const bool counted = status.code() == JobStatus::InProgress || status.isTerminal();
        qint64 total = 0;
        qint64 processed = 0;
        if (counted && status.code() != JobStatus::Expired) {
            total = 100 + rng.bounded(50000);
            processed = status.code() == JobStatus::InProgress  ? rng.bounded(total)
                        : status.code() == JobStatus::Completed ? total
                                                                : rng.bounded(total);
            const qint64 errors = status.code() == JobStatus::Completed ? 0 : processed / 50;
            o.insert(QStringLiteral("totalRecordCount"), total);
            o.insert(QStringLiteral("processedRecordCount"), processed);
            o.insert(QStringLiteral("successRecordCount"), processed - errors);
            o.insert(QStringLiteral("errorRecordCount"), errors);
        }
        if (status.isTerminal())
            o.insert(QStringLiteral("endTime"), o.value(QStringLiteral("lastModifiedTime")));
        if (status.code() == JobStatus::Failed || status.code() == JobStatus::PartiallyCompleted)
            o.insert(QStringLiteral("message"),
                     QStringLiteral("%1 of the records failed. See the error records in the "
                                    "output location for details.")
                             .arg(processed / 50));

        const ParsedJob parsed = JobCodec::parseJob(o);
        WatchedJob w;
        w.identifier = i % 2 ? arn : id;
        w.profileId = QStringLiteral("bench");
        w.job = parsed.job;
        w.rawRetrieve = parsed.raw;
        w.everReported = parsed.job.presentFields();
        w.addedAt = submit.addSecs(30);
        w.fetchedAt = kNow.addSecs(-rng.bounded(120));
        if (rng.bounded(100) < 2) {
            // As loaded from the store: the English only, batchwatch's own sentences (worded
            // again in the interface's language by describe()) and the network stack's words.
            GatewayError e;
            switch (rng.bounded(3)) {
            case 0:
                e.kind = GatewayError::Kind::Timeout;
                e.message = QStringLiteral("Operation timed out");
                break;
            case 1:
                e.kind = GatewayError::Kind::Network;
                e.message = QStringLiteral("http://127.0.0.1:8080 refused the connection");
                break;
            default:
                e.kind = GatewayError::Kind::BadBody;
                e.message = QStringLiteral(
                        "the job body has no readable jobArn (a number) nor status (an array); "
                        "also of the wrong type: jobName, submitTime");
                break;
            }
            w.lastError = e;
            w.lastErrorAt = kNow.addSecs(-rng.bounded(120));
        }
        w.notFound = rng.bounded(1000) < 3;
        if (status.code() == JobStatus::InProgress) {
            QList<ProgressSample> samples;
            for (int k = 2; k >= 0; --k) {
                ProgressSample s;
                s.at = kNow.addSecs(-k * 300);
                s.total = total;
                s.processed = std::max<qint64>(0, processed - k * (total / 100));
                s.failed = s.processed / 50;
                s.succeeded = s.processed - s.failed;
                samples.append(s);
            }
            out.samples.insert(w.identifier, samples);
        }
        out.jobs.append(std::move(w));
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_model"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Times sorting, filtering and ticking a very large job table."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Rows in the table (default 100000)."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs per operation (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOption(rowsOption);
    parser.addOption(runsOption);
    parser.process(app);
    const int rows
            = intOption(parser, rowsOption, 1, QStringLiteral("--rows needs a positive number"));
    const int runs
            = intOption(parser, runsOption, 1, QStringLiteral("--runs needs a positive number"));

    QTextStream out(stdout);
    const Generated data = makeJobs(rows);
    out << "bench_model: " << rows << " rows; " << runs << " runs per operation; Qt " << qVersion()
        << "\n\n";
    out.flush();

    // The table's clock: each tick() is `step` seconds later (a minute, or a second as the
    // window ticks while anything shown moves).
    auto elapsed = std::make_shared<qint64>(0);
    auto step = std::make_shared<qint64>(60);
    JobTableModel model([elapsed, step] { return kNow.addSecs(*elapsed += *step); });
    JobFilterProxyModel proxy;
    proxy.setSourceModel(&model);

    // Samples are kept for identifiers without a row yet: every setJobs below sees them.
    for (auto it = data.samples.cbegin(); it != data.samples.cend(); ++it)
        model.setProgressSamples(it.key(), it.value());

    // Every 100th job renamed: each row moves to another place in the name order.
    QList<WatchedJob> renamed;
    for (qsizetype i = 0; i < data.jobs.size(); i += 100) {
        WatchedJob w = data.jobs.at(i);
        w.job.jobName = QStringLiteral("renamed-%1").arg(data.jobs.size() - i);
        renamed.append(w);
    }

    Timings timings;
    Stopwatch timer;
    const auto timed = [&timings, &timer](const QString &operation, const auto &op) {
        timer.start();
        op();
        timings.add(operation, timer);
    };

    for (int run = 0; run < runs; ++run) {
        proxy.clearFilters();
        proxy.sort(-1);
        model.setJobs({});
        timed(QStringLiteral("setJobs %1 rows (model reset)").arg(rows),
              [&] { model.setJobs(data.jobs); });
        if (proxy.rowCount() != rows)
            fail(QStringLiteral("the proxy shows %1 rows").arg(proxy.rowCount()));

        for (const auto &[column, name] : {std::pair{JobTableModel::NameColumn, "name"},
                                           std::pair{JobTableModel::SubmittedColumn, "submitted"},
                                           std::pair{JobTableModel::ProgressColumn, "progress"},
                                           std::pair{JobTableModel::StatusColumn, "status"}}) {
            proxy.sort(-1);
            timed(QStringLiteral("sort by %1").arg(QLatin1StringView(name)),
                  [&, c = column] { proxy.sort(c, Qt::AscendingOrder); });
        }

        proxy.sort(JobTableModel::NameColumn, Qt::AscendingOrder);
        proxy.sort(-1);
        timed(QStringLiteral("sort by name again (descending)"),
              [&] { proxy.sort(JobTableModel::NameColumn, Qt::DescendingOrder); });

        // Filters from "everything shown", with the table's usual sort.
        proxy.sort(JobTableModel::SubmittedColumn, Qt::DescendingOrder);
        timed(QStringLiteral("text filter \"triage\""),
              [&] { proxy.setFilterText(QStringLiteral("triage")); });
        const int textRows = proxy.rowCount();
        timed(QStringLiteral("clear text filter"), [&] { proxy.setFilterText(QString()); });
        timed(QStringLiteral("status-group filter queued+running"), [&] {
            proxy.setStatusGroups({StatusGroup::Queued, StatusGroup::Running});
        });
        const int groupRows = proxy.rowCount();
        proxy.clearFilters();
        timed(QStringLiteral("active-only filter"), [&] { proxy.setActiveOnly(true); });
        const int activeRows = proxy.rowCount();
        proxy.clearFilters();
        if (run == 0)
            out << "visible rows: text filter " << textRows << ", queued+running " << groupRows
                << ", active only " << activeRows << "\n\n";

        timed(QStringLiteral("tick(), sorted by submitted"), [&] { model.tick(); });
        *step = 1;
        timed(QStringLiteral("tick() a second on, sorted by submitted"), [&] { model.tick(); });
        proxy.sort(JobTableModel::ElapsedColumn, Qt::DescendingOrder);
        timed(QStringLiteral("tick() a second on, sorted by elapsed"), [&] { model.tick(); });
        *step = 60;
        timed(QStringLiteral("tick(), sorted by elapsed"), [&] { model.tick(); });

        proxy.sort(JobTableModel::NameColumn, Qt::AscendingOrder);
        timed(QStringLiteral("rename %1 rows, sorted by name").arg(renamed.size()),
              [&] { model.upsertJobs(renamed); });

        qsizetype errorText = 0;
        timed(QStringLiteral("last error of every row (LastErrorRole)"), [&] {
            for (int row = 0; row < model.rowCount(); ++row)
                errorText += model.index(row, JobTableModel::StaleColumn)
                                     .data(JobTableModel::LastErrorRole)
                                     .toString()
                                     .size();
        });
        if (errorText == 0)
            fail(QStringLiteral("no row has a last error"));
    }

    timings.print(out);
    return 0;
}
