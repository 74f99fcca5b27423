#include "window/demomode.h"

#include "gatewaysimulator.h"

namespace bw {

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
    // Full bodies, like the AWS API: every tab of the details panel has something to show.
    options.flavour = sim::Flavour::Aws;
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
    return p;
}

QStringList DemoMode::jobIdentifiers() const
{
    if (m_simulator)
        return m_simulator->jobArns();
    return {};
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
    const QStringList ids = m_simulator->jobArns();
    const QDateTime now = m_simulator->now();
    const QDateTime from = now.addSecs(-windowSeconds);
    const QDateTime recent = now.addSecs(-3600);
    QList<Track> tracks(ids.size());

    // The simulator's timelines are pure functions of its clock: point the clock at each
    // instant in turn, then give it back. Older than an hour, one look per ten steps is enough
    // (the store keeps one sample per 5 minutes there anyway).
    QDateTime at = from;
    m_simulator->setClock([&at] { return at; });
    for (; at <= now; at = at.addSecs(at < recent ? 10 * stepSeconds : stepSeconds)) {
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const std::optional<Job> job = m_simulator->jobState(ids.at(i));
            if (!job || !job->submitTime || *job->submitTime > at || !job->status)
                continue;
            Track &track = tracks[i];
            const std::optional<Status> before
                    = track.transitions.isEmpty()
                              ? std::nullopt
                              : std::optional<Status>(track.transitions.constLast().to);
            if (!before || before->code() != job->status->code()) {
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
    for (qsizetype i = 0; i < ids.size(); ++i) {
        WatchedJob w;
        w.identifier = ids.at(i);
        w.profileId = profileId;
        w.addedAt = from;
        if (const std::optional<Job> job = m_simulator->jobState(w.identifier))
            w.job = *job;
        w.everReported = w.job.presentFields();
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

sim::GatewaySimulator *DemoMode::simulator() const
{
    return m_simulator.get();
}

} // namespace bw
