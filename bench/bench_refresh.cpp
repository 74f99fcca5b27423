// bench_refresh: what one refresh of a large watch list costs on the GUI thread and in the store.
//
// Builds N realistic jobs (default 10,000) as AWS-native retrieve bodies (the shape of
// fixtures/bedrock/retrieve-inprogress-aws-native.json), decodes them with JobCodec into
// WatchedJobs and preloads a JobStore (SQLite in a temporary directory, WAL) and a
// JobTableModel with them, as after a first fetch. Every job is active: 5 % Submitted,
// 5 % Validating, 10 % Scheduled, 80 % InProgress with record counts — the worst case, since
// terminal jobs are no longer polled.
//
// Then it times applying one refresh, in two scenarios:
//   all: every job changed — running jobs advance their counts (one in ten finishes), queued
//        jobs move one status on;
//   10%: one job in ten changed as above; the other bodies are identical to the previous ones.
// as the stages JobMonitor runs for one refresh:
//   decode    JobCodec::parseRetrieveBody of every body;
//   merge     Job::mergeFrom into the WatchedJob, raw body, fetchedAt, and the JobUpdate with
//             its transition and progress sample (what JobMonitor::applyBody does);
//   store     JobStore::applyUpdates of every job in one transaction (a successful fetch moves
//             fetchedAt; on SQLite a job whose row changed in nothing else is not written, its
//             time held for up to a minute), then the WAL checkpoint the store runs once its
//             thread is idle (JobStore::checkpoint; before it was inside COMMIT), then the held
//             fetched_at times written as the store does once a minute, with their checkpoint;
//   model     JobTableModel::upsertJobs of every job, alone and under a JobFilterProxyModel
//             sorted by progress (as the job table shows it);
//   samples   JobTableModel::addProgressSample for each recorded sample (rate and ETA).
//   stall     the longest event-loop stall while the refresh reaches the model as the app
//             delivers it (JobMonitor::jobsUpdated, queued, to upsertJobs of a model under a
//             proxy sorted by progress): a zero-interval timer ticks whenever the loop is idle;
//             the figure is the gap between two ticks with the most CPU time in it (its wall
//             time beside it; on a loaded machine read the CPU column). Twice: with the list
//             passed as the monitor's signal passes it (const, copied into the rows:
//             upsertJobs) and handed over (moved into the rows: upsertTakenJobs); then as
//             the app delivers it, 2,000 jobs per pass (JobMonitor::setAnnounceSliceSize),
//             with the CPU of all slices together.
//   view      with --view, the same stall with a QTableView showing the sorted proxy (1400x860,
//             on the platform QT_QPA_PLATFORM names: run it under Xvfb to include the
//             repaint), longest gap including the view's layout and paint passes.
// and the start-up read: JobStore::loadWatched of all N jobs (store reopened each run).
//
//   bench_refresh [--jobs N] [--runs N] [--model-only [--view] | --store-only] [--changed all|10%]
//
// --model-only skips the store stages (applyUpdates, loadWatched): the GUI-thread figures alone;
// --store-only skips the model stages: the store thread's figures (and decode, merge) alone.
//
// Each run starts from the same preloaded state; the table gives the median and the minimum
// over the runs. Not a test: it asserts nothing and is not registered with CTest. Results and
// the exact command go to docs/PERFORMANCE.md.

#include "benchsupport.h"
#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "store/jobstore.h"
#include "wire/jobcodec.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <memory>
#include <utility>

using namespace bw;
using namespace bw::bench;

namespace {

const QDateTime kStart(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);
const QString kProfileId = QStringLiteral("bench");

// --- realistic jobs ----------------------------------------------------------------------------

// What the gateway knows about one job; bodies are rendered from it.
struct GatewayJob
{
    QString id;
    QString arn;
    QString name;
    QString model;
    QString token;
    QString region;
    bool vpc = false;
    JobStatus status = JobStatus::Submitted;
    QDateTime submitTime;
    QDateTime lastModifiedTime;
    QDateTime endTime;
    qint64 total = 0;
    qint64 processed = 0;
    qint64 errors = 0;
};

QList<GatewayJob> makeGatewayJobs(int count, QRandomGenerator &rng)
{
    static const char *const stems[]
            = {"support-tickets-triage", "claims-summaries",      "product-desc-rewrite",
               "nightly-eval",           "contract-clauses",      "search-query-expansion",
               "call-transcripts",       "catalog-translation-de"};
    static const char *const models[]
            = {"anthropic.claude-3-haiku-20240307-v1:0",
               "anthropic.claude-3-5-sonnet-20240620-v1:0", "meta.llama3-1-70b-instruct-v1:0",
               "amazon.titan-embed-text-v2:0", "mistral.mistral-large-2402-v1:0"};
    QList<GatewayJob> jobs;
    jobs.reserve(count);
    for (int i = 0; i < count; ++i) {
        GatewayJob j;
        j.id = randomId(rng);
        j.region = rng.bounded(4) ? QStringLiteral("us-east-1") : QStringLiteral("us-west-2");
        j.arn = QStringLiteral("arn:aws:bedrock:%1:123456789012:model-invocation-job/%2")
                        .arg(j.region, j.id);
        j.name = QStringLiteral("%1-%2-%3")
                         .arg(QLatin1StringView(stems[rng.bounded(int(std::size(stems)))]))
                         .arg(rng.bounded(1, 29), 2, 10, QLatin1Char('0'))
                         .arg(i);
        j.model = QLatin1StringView(models[rng.bounded(int(std::size(models)))]);
        QByteArray tokenBytes(16, '\0');
        rng.fillRange(reinterpret_cast<quint32 *>(tokenBytes.data()), 4);
        j.token = QUuid::fromRfc4122(tokenBytes).toString(QUuid::WithoutBraces);
        j.vpc = i % 3 == 0;
        j.submitTime = kStart.addSecs(-rng.bounded(60, 48 * 3600)).addMSecs(rng.bounded(1000));
        j.lastModifiedTime = j.submitTime.addSecs(rng.bounded(5, 600));
        const int pick = rng.bounded(100);
        j.status = pick < 5    ? JobStatus::Submitted
                   : pick < 10 ? JobStatus::Validating
                   : pick < 20 ? JobStatus::Scheduled
                               : JobStatus::InProgress;
        if (j.status == JobStatus::InProgress) {
            j.total = 100 + rng.bounded(50000);
            j.processed = rng.bounded(j.total / 2);
            j.errors = j.processed / 200;
        }
        jobs.append(j);
    }
    return jobs;
}

QByteArray retrieveBody(const GatewayJob &j)
{
    const auto ts = [](const QDateTime &t) {
        return JobCodec::formatTimestamp(t);
    };
    QJsonObject o{
            {QStringLiteral("jobArn"), j.arn},
            {QStringLiteral("jobName"), j.name},
            {QStringLiteral("modelId"), j.model},
            {QStringLiteral("clientRequestToken"), j.token},
            {QStringLiteral("roleArn"),
             QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatchInferenceRole")},
            {QStringLiteral("status"), Status::canonicalName(j.status)},
            {QStringLiteral("submitTime"), ts(j.submitTime)},
            {QStringLiteral("lastModifiedTime"), ts(j.lastModifiedTime)},
            {QStringLiteral("inputDataConfig"),
             QJsonObject{
                     {QStringLiteral("s3InputDataConfig"),
                      QJsonObject{
                              {QStringLiteral("s3InputFormat"), QStringLiteral("JSONL")},
                              {QStringLiteral("s3Uri"),
                               QStringLiteral("s3://acme-batch-in/%1/input.jsonl").arg(j.name)},
                              {QStringLiteral("s3BucketOwner"), QStringLiteral("123456789012")}}}}},
            {QStringLiteral("outputDataConfig"),
             QJsonObject{{QStringLiteral("s3OutputDataConfig"),
                          QJsonObject{{QStringLiteral("s3Uri"),
                                       QStringLiteral("s3://acme-batch-out/%1/").arg(j.name)},
                                      {QStringLiteral("s3EncryptionKeyId"),
                                       QStringLiteral("arn:aws:kms:%1:123456789012:key/"
                                                      "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d")
                                               .arg(j.region)},
                                      {QStringLiteral("s3BucketOwner"),
                                       QStringLiteral("123456789012")}}}}},
            {QStringLiteral("timeoutDurationInHours"), 72},
            {QStringLiteral("jobExpirationTime"), ts(j.submitTime.addSecs(72 * 3600))},
            {QStringLiteral("modelInvocationType"), QStringLiteral("InvokeModel")},
    };
    if (j.vpc)
        o.insert(QStringLiteral("vpcConfig"),
                 QJsonObject{{QStringLiteral("subnetIds"),
                              QJsonArray{QStringLiteral("subnet-0a1b2c3d4e5f67890"),
                                         QStringLiteral("subnet-0fedcba9876543210")}},
                             {QStringLiteral("securityGroupIds"),
                              QJsonArray{QStringLiteral("sg-0123456789abcdef0")}}});
    if (j.total > 0) {
        o.insert(QStringLiteral("totalRecordCount"), j.total);
        o.insert(QStringLiteral("processedRecordCount"), j.processed);
        o.insert(QStringLiteral("successRecordCount"), j.processed - j.errors);
        o.insert(QStringLiteral("errorRecordCount"), j.errors);
    }
    if (j.endTime.isValid())
        o.insert(QStringLiteral("endTime"), ts(j.endTime));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// One poll interval later: running jobs advance (one in ten finishes), queued ones move on.
void advance(GatewayJob &j, const QDateTime &now, QRandomGenerator &rng)
{
    j.lastModifiedTime = now.addMSecs(-rng.bounded(30000));
    switch (j.status) {
    case JobStatus::Submitted:
        j.status = JobStatus::Validating;
        break;
    case JobStatus::Validating:
        j.status = JobStatus::Scheduled;
        break;
    case JobStatus::Scheduled:
        j.status = JobStatus::InProgress;
        j.total = 100 + rng.bounded(50000);
        break;
    case JobStatus::InProgress:
        if (rng.bounded(10) == 0) {
            j.processed = j.total;
            j.status = JobStatus::Completed;
            j.endTime = j.lastModifiedTime;
        } else {
            j.processed = std::min(j.total, j.processed + 1 + j.total / 40);
        }
        j.errors = j.processed / 200;
        break;
    default:
        break;
    }
}

// --- the refresh stages, as JobMonitor runs them -------------------------------------------

bool sameStatus(const Status &a, const Status &b)
{
    if (a.code() != b.code())
        return false;
    return a.code() != JobStatus::Unknown || a.raw().compare(b.raw(), Qt::CaseInsensitive) == 0;
}

bool sameCounts(const ProgressSample &a, const ProgressSample &b)
{
    return a.total == b.total && a.processed == b.processed && a.succeeded == b.succeeded
           && a.failed == b.failed;
}

// JobMonitor::applyBody for one retrieve answer.
JobUpdate applyBody(WatchedJob &w, std::optional<ProgressSample> &lastSample,
                    const ParsedJob &parsed, const QDateTime &now)
{
    const std::optional<Status> before = w.job.status;
    w.job.mergeFrom(parsed.job);
    w.everReported |= parsed.job.presentFields();
    w.rawRetrieve = parsed.raw;
    w.fetchedAt = now;
    w.lastError.reset();
    w.lastErrorAt = QDateTime();
    w.notFound = false;

    JobUpdate update;
    if (parsed.job.status && (!before || !sameStatus(*before, *parsed.job.status))) {
        StatusTransition t;
        t.from = before;
        t.to = *parsed.job.status;
        t.observedAt = now;
        t.lastModifiedTime = parsed.job.lastModifiedTime;
        update.newTransitions.append(t);
    }
    const Job &j = w.job;
    if (j.totalRecordCount || j.processedRecordCount) {
        ProgressSample s;
        s.at = now;
        s.total = j.totalRecordCount.value_or(0);
        s.processed = j.processedRecordCount.value_or(0);
        s.succeeded = j.successRecordCount.value_or(0);
        s.failed = j.errorRecordCount.value_or(0);
        if (!lastSample || !sameCounts(*lastSample, s)) {
            update.sample = s;
            lastSample = s;
        }
    }
    update.job = w;
    update.rawRetrieveText = parsed.rawText; // the body as received, for the store
    return update;
}

QList<ParsedJob> decodeAll(const QList<QByteArray> &bodies)
{
    QList<ParsedJob> parsed;
    parsed.reserve(bodies.size());
    for (const QByteArray &body : bodies) {
        Expected<ParsedJob> r = JobCodec::parseRetrieveBody(body);
        if (!r || !r->problems.isEmpty())
            qFatal("bench_refresh: a generated body does not decode cleanly");
        parsed.append(std::move(r.value()));
    }
    return parsed;
}

struct Watched
{
    QList<WatchedJob> jobs;
    QList<std::optional<ProgressSample>> lastSamples;
};

QList<JobUpdate> mergeAll(Watched &state, const QList<ParsedJob> &parsed, const QDateTime &now)
{
    QList<JobUpdate> updates;
    updates.reserve(parsed.size());
    for (qsizetype i = 0; i < parsed.size(); ++i)
        updates.append(applyBody(state.jobs[i], state.lastSamples[i], parsed.at(i), now));
    return updates;
}

QList<WatchedJob> jobsOf(const QList<JobUpdate> &updates)
{
    QList<WatchedJob> jobs;
    jobs.reserve(updates.size());
    for (const JobUpdate &u : updates)
        jobs.append(u.job);
    return jobs;
}

// A store holding the watch list as after its first fetch.
bool preloadStore(JobStore &store, const QString &dir, const QStringList &identifiers,
                  const QList<JobUpdate> &firstFetch)
{
    GatewayProfile profile;
    profile.id = kProfileId;
    profile.name = QStringLiteral("Benchmark gateway");
    return store.open(dir) && store.saveProfile(profile)
           && store.addWatched(kProfileId, identifiers, kStart.addSecs(-3600))
           && store.applyUpdates(firstFetch)
           && store.checkpoint(); // as the store's idle thread does after the first fetch
}

struct Stall
{
    double wallMs = 0;
    double cpuMs = 0;
};

// Runs an event loop into which `work` is posted as one queued call (as a queued signal delivers
// it), ticking a zero-interval timer whenever the loop is idle, until the loop has idled for
// 100 ms after the work called its `done` (which it may do in a later pass); returns the gap
// between two ticks with the most CPU time.
template<typename Work>
Stall longestStall(Work work)
{
    QEventLoop loop;
    QTimer ticker;
    ticker.setInterval(0);
    QElapsedTimer wall;
    std::clock_t lastCpu = 0;
    Stall longest;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        const std::clock_t cpu = std::clock();
        const double cpuMs = double(cpu - lastCpu) * 1000.0 / CLOCKS_PER_SEC;
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        if (cpuMs > longest.cpuMs)
            longest = {wallMs, cpuMs};
        lastCpu = cpu;
        wall.start();
    });
    QTimer::singleShot(20, &loop, [&loop, &work] {
        QMetaObject::invokeMethod(
                &loop,
                [&loop, &work] {
                    work([&loop] { QTimer::singleShot(100, &loop, &QEventLoop::quit); });
                },
                Qt::QueuedConnection);
    });
    lastCpu = std::clock();
    wall.start();
    ticker.start();
    loop.exec();
    return longest;
}

// As JobMonitor announces a large batch when asked for slices (setAnnounceSliceSize, which the
// app's SessionViews sets to 2,000): one jobsUpdated of kSlice jobs per pass of the event loop,
// each slice built from the monitor's jobs in that pass.
constexpr qsizetype kSlice = 2000;

template<typename Deliver, typename Done>
void announceInSlices(const QList<WatchedJob> &jobs, Deliver deliver, Done done, qsizetype from = 0)
{
    deliver(jobs.mid(from, kSlice));
    if (from + kSlice >= jobs.size()) {
        done();
        return;
    }
    QTimer::singleShot(0, QCoreApplication::instance(), [&jobs, deliver, done, from] {
        announceInSlices(jobs, deliver, done, from + kSlice);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    // --view needs a QApplication (widgets); everything else runs without a display.
    bool viewWanted = false;
    for (int i = 1; i < argc; ++i)
        viewWanted |= qstrcmp(argv[i], "--view") == 0;
    std::unique_ptr<QCoreApplication> appHolder(viewWanted ? new QApplication(argc, argv)
                                                           : new QCoreApplication(argc, argv));
    QCoreApplication &app = *appHolder;
    QCoreApplication::setApplicationName(QStringLiteral("bench_refresh"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Times one refresh of a large watch list: decode, merge, store, model."));
    parser.addHelpOption();
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Watched jobs (default 10000)."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs per operation (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption modelOnlyOption(
            QStringLiteral("model-only"),
            QStringLiteral("Only the GUI-thread stages (model, samples, stall): no store."));
    parser.addOption(jobsOption);
    parser.addOption(runsOption);
    const QCommandLineOption viewOption(
            QStringLiteral("view"),
            QStringLiteral("Also the stall with a QTableView showing the sorted proxy (a display:"
                           " Xvfb)."));
    const QCommandLineOption storeOnlyOption(
            QStringLiteral("store-only"),
            QStringLiteral("Only the store stages (applyUpdates, loadWatched): no model."));
    const QCommandLineOption changedOption(
            QStringLiteral("changed"),
            QStringLiteral("Only one scenario: \"all\" or \"10%\" (default both; one alone is"
                           " what to profile)."),
            QStringLiteral("SCENARIO"));
    parser.addOption(modelOnlyOption);
    parser.addOption(viewOption);
    parser.addOption(storeOnlyOption);
    parser.addOption(changedOption);
    parser.process(app);
    const QString onlyScenario = parser.value(changedOption);
    if (!onlyScenario.isEmpty() && onlyScenario != QLatin1String("all")
        && onlyScenario != QLatin1String("10%"))
        fail(QStringLiteral("--changed takes \"all\" or \"10%\""));
    const bool modelOnly = parser.isSet(modelOnlyOption);
    const bool storeOnly = parser.isSet(storeOnlyOption) && !modelOnly;
    const int jobCount = intOption(parser, jobsOption, 10,
                                   QStringLiteral("--jobs needs a number of at least 10"));
    const int runs
            = intOption(parser, runsOption, 1, QStringLiteral("--runs needs a positive number"));

    QTextStream out(stdout);
    QRandomGenerator rng(20250314);

    // The watch list as after its first fetch: decoded bodies merged into fresh WatchedJobs.
    const QList<GatewayJob> gateway = makeGatewayJobs(jobCount, rng);
    QList<QByteArray> firstBodies;
    qint64 bodyBytes = 0;
    for (const GatewayJob &j : gateway) {
        firstBodies.append(retrieveBody(j));
        bodyBytes += firstBodies.constLast().size();
    }
    const QDateTime firstFetchAt = kStart;
    Watched base;
    QStringList identifiers;
    for (qsizetype i = 0; i < gateway.size(); ++i) {
        WatchedJob w;
        // Users paste ARNs and bare ids alike.
        w.identifier = i % 2 ? gateway.at(i).arn : gateway.at(i).id;
        w.profileId = kProfileId;
        w.addedAt = kStart.addSecs(-3600);
        identifiers.append(w.identifier);
        base.jobs.append(w);
        base.lastSamples.append(std::nullopt);
    }
    const QList<JobUpdate> firstFetch = mergeAll(base, decodeAll(firstBodies), firstFetchAt);

    // The next refresh, 30 s later, in both scenarios.
    const QDateTime refreshAt = firstFetchAt.addSecs(30);
    struct Scenario
    {
        QString name;
        QList<QByteArray> bodies;
        int changed = 0;
    };
    QList<Scenario> scenarios;
    for (const int percent : {100, 10}) {
        Scenario s;
        s.name = percent == 100 ? QStringLiteral("all") : QStringLiteral("10%");
        if (!onlyScenario.isEmpty() && s.name != onlyScenario)
            continue;
        QRandomGenerator scenarioRng(percent);
        for (qsizetype i = 0; i < gateway.size(); ++i) {
            if (percent == 100 || i % (100 / percent) == 0) {
                GatewayJob next = gateway.at(i);
                advance(next, refreshAt, scenarioRng);
                s.bodies.append(retrieveBody(next));
                ++s.changed;
            } else {
                s.bodies.append(firstBodies.at(i));
            }
        }
        scenarios.append(s);
    }

    out << "bench_refresh: " << jobCount << " watched jobs, all active; " << runs
        << " runs per operation; mean body " << bodyBytes / jobCount << " bytes; Qt " << qVersion()
        << "\n\n";
    out.flush();

    Timings timings;
    Stopwatch timer;
    for (int run = 0; run < runs; ++run) {
        for (const Scenario &s : scenarios) {
            const QString tag = QStringLiteral(" (%1 changed)").arg(s.name);

            timer.start();
            const QList<ParsedJob> parsed = decodeAll(s.bodies);
            timings.add(QStringLiteral("decode %1 bodies").arg(jobCount) + tag, timer);

            Watched state = base;
            state.jobs.detach(); // the monitor merges into jobs it already owns
            state.lastSamples.detach();
            timer.start();
            const QList<JobUpdate> updates = mergeAll(state, parsed, refreshAt);
            timings.add(QStringLiteral("merge (Job::mergeFrom, JobUpdate)") + tag, timer);

            if (!modelOnly) {
                QTemporaryDir dir;
                JobStore store;
                if (!dir.isValid() || !preloadStore(store, dir.path(), identifiers, firstFetch))
                    fail(QStringLiteral("cannot prepare the store: ") + store.lastError());
                timer.start();
                if (!store.applyUpdates(updates))
                    fail(store.lastError());
                timings.add(QStringLiteral("store applyUpdates, one transaction") + tag, timer);
                // What the store thread does next, once idle (since schema 7): the checkpoint
                // that SQLite used to run inside the COMMIT above.
                timer.start();
                if (!store.checkpoint())
                    fail(QStringLiteral("the WAL checkpoint failed"));
                timings.add(QStringLiteral("store WAL checkpoint after it (idle)") + tag, timer);
                // Jobs whose row changed only in fetched_at were not written (SQLite): their
                // times are written together at most once a minute (and on close). Timed here
                // as the store thread runs it then; the 10 %-changed refresh holds 9,000.
                const qsizetype held = store.unwrittenFetchedTimes();
                timer.start();
                if (!store.flushFetchedTimes())
                    fail(QStringLiteral("writing the held fetched times failed"));
                if (!store.checkpoint())
                    fail(QStringLiteral("the WAL checkpoint failed"));
                timings.add(QStringLiteral("store fetched_at of %1 jobs + checkpoint (once a "
                                           "minute)")
                                            .arg(held)
                                    + tag,
                            timer);
            }

            if (storeOnly)
                continue;
            const QList<WatchedJob> updatedJobs = jobsOf(updates);
            {
                JobTableModel model([refreshAt] { return refreshAt; });
                model.setJobs(base.jobs);
                timer.start();
                model.upsertJobs(updatedJobs);
                timings.add(QStringLiteral("model upsertJobs") + tag, timer);

                timer.start();
                int samples = 0;
                for (const JobUpdate &u : updates) {
                    if (u.sample) {
                        model.addProgressSample(u.job.identifier, *u.sample);
                        ++samples;
                    }
                }
                timings.add(QStringLiteral("model addProgressSample x%1").arg(samples) + tag,
                            timer);
            }
            {
                JobTableModel model([refreshAt] { return refreshAt; });
                JobFilterProxyModel proxy;
                proxy.setSourceModel(&model);
                model.setJobs(base.jobs);
                proxy.sort(JobTableModel::ProgressColumn, Qt::DescendingOrder);
                timer.start();
                model.upsertJobs(updatedJobs);
                timings.add(QStringLiteral("model upsertJobs, proxy sorted by progress") + tag,
                            timer);
            }
            {
                JobTableModel model([refreshAt] { return refreshAt; });
                JobFilterProxyModel proxy;
                proxy.setSourceModel(&model);
                model.setJobs(base.jobs);
                proxy.sort(JobTableModel::ProgressColumn, Qt::DescendingOrder);
                const Stall stall = longestStall([&model, &updatedJobs](auto done) {
                    model.upsertJobs(updatedJobs);
                    done();
                });
                timings.add(QStringLiteral("longest event-loop stall, refresh to sorted model")
                                    + tag,
                            stall.wallMs, stall.cpuMs);
            }
            {
                JobTableModel model([refreshAt] { return refreshAt; });
                JobFilterProxyModel proxy;
                proxy.setSourceModel(&model);
                model.setJobs(base.jobs);
                proxy.sort(JobTableModel::ProgressColumn, Qt::DescendingOrder);
                QList<WatchedJob> handed = updatedJobs;
                handed.detach(); // the monitor's own list: copied out of its jobs
                const Stall stall = longestStall([&model, &handed](auto done) {
                    model.upsertTakenJobs(std::move(handed));
                    done();
                });
                timings.add(QStringLiteral("longest stall, handed over (upsertTakenJobs)") + tag,
                            stall.wallMs, stall.cpuMs);
            }
            {
                JobTableModel model([refreshAt] { return refreshAt; });
                JobFilterProxyModel proxy;
                proxy.setSourceModel(&model);
                model.setJobs(base.jobs);
                proxy.sort(JobTableModel::ProgressColumn, Qt::DescendingOrder);
                // Besides the longest pass: the CPU of all slices together (the model and the
                // proxy), and the wall time from the first slice to the last.
                double slicesCpuMs = 0;
                QElapsedTimer slicesWall;
                double slicesWallMs = 0;
                const Stall stall = longestStall([&](auto done) {
                    slicesWall.start();
                    announceInSlices(
                            updatedJobs,
                            [&model, &slicesCpuMs](const QList<WatchedJob> &slice) {
                                const std::clock_t before = std::clock();
                                model.upsertJobs(slice);
                                slicesCpuMs
                                        += double(std::clock() - before) * 1000.0 / CLOCKS_PER_SEC;
                            },
                            [&slicesWall, &slicesWallMs, done] {
                                slicesWallMs = double(slicesWall.nsecsElapsed()) / 1e6;
                                done();
                            });
                });
                timings.add(QStringLiteral("longest stall, %1 jobs per pass (the app)").arg(kSlice)
                                    + tag,
                            stall.wallMs, stall.cpuMs);
                timings.add(QStringLiteral("all %1-job slices together").arg(kSlice) + tag,
                            slicesWallMs, slicesCpuMs);
            }
            if (viewWanted) {
                JobTableModel model([refreshAt] { return refreshAt; });
                JobFilterProxyModel proxy;
                proxy.setSourceModel(&model);
                model.setJobs(base.jobs);
                proxy.sort(JobTableModel::ProgressColumn, Qt::DescendingOrder);
                QTableView view;
                view.setModel(&proxy);
                view.resize(1400, 860);
                view.show();
                QEventLoop settle; // shown and painted once before the refresh
                QTimer::singleShot(300, &settle, &QEventLoop::quit);
                settle.exec();
                const Stall whole = longestStall([&model, &updatedJobs](auto done) {
                    model.upsertJobs(updatedJobs);
                    done();
                });
                timings.add(QStringLiteral("longest stall with a QTableView shown") + tag,
                            whole.wallMs, whole.cpuMs);
                // The refresh back to its first state, then again in slices, as the app does.
                model.upsertJobs(base.jobs);
                QTimer::singleShot(300, &settle, &QEventLoop::quit);
                settle.exec();
                const Stall sliced = longestStall([&](auto done) {
                    announceInSlices(
                            updatedJobs,
                            [&model](const QList<WatchedJob> &slice) { model.upsertJobs(slice); },
                            done);
                });
                timings.add(
                        QStringLiteral("longest stall with a QTableView, %1 per pass").arg(kSlice)
                                + tag,
                        sliced.wallMs, sliced.cpuMs);
            }
        }
    }

    // Start-up: the whole watch list from the store, as JobMonitor::loadFromStore reads it.
    if (!modelOnly) {
        QTemporaryDir dir;
        {
            JobStore store;
            if (!dir.isValid() || !preloadStore(store, dir.path(), identifiers, firstFetch))
                fail(QStringLiteral("cannot prepare the store: ") + store.lastError());
        }
        for (int run = 0; run < runs; ++run) {
            JobStore store;
            timer.start();
            if (!store.open(dir.path()))
                fail(store.lastError());
            timings.add(QStringLiteral("store open (existing file)"), timer);
            timer.start();
            const QList<WatchedJob> loaded = store.loadWatched(kProfileId);
            timings.add(QStringLiteral("store loadWatched %1 jobs").arg(jobCount), timer);
            if (loaded.size() != jobCount)
                fail(QStringLiteral("loadWatched returned %1 jobs").arg(loaded.size()));
        }
    }

    timings.print(out);
    return 0;
}
