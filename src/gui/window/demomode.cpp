#include "window/demomode.h"

#include "gatewaysimulator.h"
#include "tracking/jobmonitor.h"
#include "wire/jobcodec.h"
#include "wire/nativecodec.h"

namespace bw {

namespace {

// What the gateway says of one demo job at the simulator's current instant, in its own words:
// a Bedrock job through the Bedrock-format route (Bifrost's sparse body, plus the model its
// list reports), any other provider's batch through Bifrost's native route.
std::optional<Job> reportedNow(const sim::GatewaySimulator &simulator,
                               const sim::NativeBatchInfo &batch)
{
    const bool bedrock = batch.provider == u"bedrock";
    const QByteArray body = bedrock ? simulator.retrieveBody(batch.id)
                                    : simulator.nativeRetrieveBody(batch.provider, batch.id);
    const Expected<ParsedJob> parsed
            = bedrock ? JobCodec::parseRetrieveBody(body)
                      : NativeCodec::parseRetrieveBody(body, batch.provider);
    if (!parsed)
        return std::nullopt;
    Job job = parsed->job;
    job.provider = batch.provider;
    if (bedrock && !job.modelId) {
        if (const std::optional<Job> truth = simulator.jobState(batch.id))
            job.modelId = truth->modelId;
    }
    return job;
}

} // namespace

DemoMode::DemoMode(QObject *parent)
    : QObject(parent)
{}

DemoMode::~DemoMode() = default;

bool DemoMode::isAvailable()
{
    return true;
}

QString DemoMode::demoProfileId()
{
    return QStringLiteral("demo");
}

bool DemoMode::start(QString *error)
{
    if (isRunning())
        return true;
    sim::SimulatorOptions options;
    // A Bifrost gateway, as its users see it: sparse Bedrock-format bodies, and Bifrost's
    // native batch routes for Bedrock, OpenAI, Anthropic and Gemini (the demo profile watches
    // all four, see profile()).
    options.flavour = sim::Flavour::Bifrost;
    options.speed = m_speed;
    options.jobCount = m_jobCount;
    auto simulator = std::make_unique<sim::GatewaySimulator>(options);
    if (!simulator->start(0)) {
        if (error)
            *error = tr("The demo gateway could not start: %1").arg(simulator->errorString());
        return false;
    }
    m_simulator = std::move(simulator);
    return true;
}

bool DemoMode::isRunning() const
{
    return m_simulator && m_simulator->isListening();
}

GatewayProfile DemoMode::profile() const
{
    GatewayProfile p;
    p.id = demoProfileId();
    p.name = tr("Demo gateway");
    if (m_simulator)
        p.baseUrl = m_simulator->baseUrl();
    p.authMode = AuthMode::None;
    p.routeStyle = RouteStyle::Singular;
    p.timeoutMs = 10000;
    // The demo gateway lives in this process and protects no one's budget: the request
    // ceiling (20 per second by default) would stretch the first refresh of its 60 jobs
    // (about 120 reads) to six seconds of a spinner.
    p.maxRequestsPerSecond = 0;
    p.providers = demoProviders();
    return p;
}

QStringList DemoMode::demoProviders()
{
    return {QStringLiteral("bedrock"), QStringLiteral("openai"), QStringLiteral("anthropic"),
            QStringLiteral("gemini")};
}

QStringList DemoMode::jobIdentifiers() const
{
    QStringList ids;
    if (!m_simulator)
        return ids;
    for (const sim::NativeBatchInfo &b : m_simulator->nativeBatches())
        ids << b.id;
    return ids;
}

QList<JobUpdate> DemoMode::backfill(const QString &profileId, qint64 windowSeconds,
                                    qint64 stepSeconds) const
{
    QList<JobUpdate> updates;
    if (!isRunning() || windowSeconds <= 0 || stepSeconds <= 0)
        return updates;
    struct Track
    {
        QList<StatusTransition> transitions;
        QList<ProgressSample> samples;
    };
    const QList<sim::NativeBatchInfo> batches = m_simulator->nativeBatches();
    const QDateTime now = m_simulator->now();
    const QDateTime from = now.addSecs(-windowSeconds);
    const QDateTime recent = now.addSecs(-3600);
    QList<Track> tracks(batches.size());

    // The simulator's timelines are pure functions of its clock: point the clock at each
    // instant in turn, then give it back. Older than an hour, one look per ten steps is enough
    // (the store keeps one sample per 5 minutes there anyway).
    QDateTime at = from;
    m_simulator->setClock([&at] { return at; });
    for (; at <= now; at = at.addSecs(at < recent ? 10 * stepSeconds : stepSeconds)) {
        for (qsizetype i = 0; i < batches.size(); ++i) {
            const std::optional<Job> job = reportedNow(*m_simulator, batches.at(i));
            if (!job || !job->submitTime || *job->submitTime > at || !job->status)
                continue;
            Track &track = tracks[i];
            const std::optional<Status> before
                    = track.transitions.isEmpty()
                              ? std::nullopt
                              : std::optional<Status>(track.transitions.constLast().to);
            if (!before || before->raw().compare(job->status->raw(), Qt::CaseInsensitive) != 0) {
                StatusTransition t;
                t.from = before;
                t.to = *job->status;
                t.observedAt = at;
                t.lastModifiedTime = job->lastModifiedTime;
                track.transitions.append(t);
            }
            if (job->totalRecordCount || job->processedRecordCount) {
                ProgressSample sample;
                sample.at = at;
                sample.total = job->totalRecordCount.value_or(0);
                sample.processed = job->processedRecordCount.value_or(0);
                sample.succeeded = job->successRecordCount.value_or(0);
                sample.failed = job->errorRecordCount.value_or(0);
                const ProgressSample *previous
                        = track.samples.isEmpty() ? nullptr : &track.samples.constLast();
                if (!previous || previous->processed != sample.processed
                    || previous->total != sample.total || previous->failed != sample.failed)
                    track.samples.append(sample);
            }
        }
    }
    m_simulator->setClock({});

    // JobStore takes one sample per update: the transitions ride with the first one.
    for (qsizetype i = 0; i < batches.size(); ++i) {
        WatchedJob w;
        w.identifier = batches.at(i).id;
        w.profileId = profileId;
        w.addedAt = from;
        w.job.provider = batches.at(i).provider;
        if (const std::optional<Job> job = reportedNow(*m_simulator, batches.at(i)))
            w.job = *job;
        w.everReported = w.job.presentFields();
        if (batches.at(i).provider != u"bedrock")
            w.fromNative = w.everReported;
        JobUpdate first;
        first.job = w;
        first.newTransitions = tracks.at(i).transitions;
        updates.append(first);
        for (const ProgressSample &sample : std::as_const(tracks.at(i).samples)) {
            JobUpdate u;
            u.job = w;
            u.sample = sample;
            updates.append(u);
        }
    }
    return updates;
}

void DemoMode::readResultsWhenLoaded(JobMonitor *monitor)
{
    if (m_resultsMonitor)
        m_resultsMonitor->disconnect(this);
    m_resultsMonitor = monitor;
    m_resultsQueue.clear();
    m_resultsReading.clear();
    if (!monitor)
        return;
    const auto start = [this] {
        if (!m_resultsMonitor)
            return;
        const QString first = m_simulator ? m_simulator->partlySucceededJobArn() : QString();
        for (const WatchedJob &w : m_resultsMonitor->jobs()) {
            if (w.job.status && w.job.status->isTerminal() && !w.results)
                m_resultsQueue.append(w.identifier);
        }
        if (m_resultsQueue.removeAll(first) > 0)
            m_resultsQueue.prepend(first);
        readNextResults();
    };
    connect(monitor, &JobMonitor::resultsChanged, this, [this](const QString &id) {
        if (id == m_resultsReading)
            readNextResults();
    });
    connect(monitor, &JobMonitor::resultsFailed, this, [this](const QString &id) {
        if (id == m_resultsReading)
            readNextResults();
    });
    if (monitor->isLoading())
        connect(monitor, &JobMonitor::loaded, this, start, Qt::SingleShotConnection);
    else
        start();
}

void DemoMode::readNextResults()
{
    m_resultsReading.clear();
    while (m_resultsMonitor && !m_resultsQueue.isEmpty()) {
        const QString id = m_resultsQueue.takeFirst();
        if (m_resultsMonitor->fetchResults(id)) {
            m_resultsReading = id;
            return;
        }
    }
}

sim::GatewaySimulator *DemoMode::simulator() const
{
    return m_simulator.get();
}

} // namespace bw
