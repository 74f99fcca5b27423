#include "notifications/notificationcenter.h"

#include "common/appsettings.h"
#include "tracking/jobmonitor.h"

#include <utility>

namespace bw {

namespace {

constexpr std::chrono::milliseconds kDefaultGrouping{2000};
constexpr std::chrono::minutes kDefaultThreshold{6 * 60};
constexpr std::chrono::milliseconds kExpiryCheckInterval{60'000};

JobNotice noticeFor(const WatchedJob &job)
{
    JobNotice n;
    n.profileId = job.profileId;
    n.identifier = job.identifier;
    n.jobName = job.job.jobName.value_or(QString());
    n.to = job.job.status.value_or(Status());
    n.message = job.job.message.value_or(QString());
    n.expiresAt = job.job.jobExpirationTime.value_or(QDateTime());
    return n;
}

} // namespace

NotificationCenter::NotificationCenter(Notifier *notifier, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_settings(settings)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_groupTimer.setSingleShot(true);
    m_groupTimer.setInterval(kDefaultGrouping);
    connect(&m_groupTimer, &QTimer::timeout, this, &NotificationCenter::flush);
    m_expiryTimer.setInterval(kExpiryCheckInterval);
    connect(&m_expiryTimer, &QTimer::timeout, this, &NotificationCenter::checkExpiry);
    m_expiryTimer.start();
    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(0);
    connect(&m_summaryTimer, &QTimer::timeout, this, &NotificationCenter::publishSummary);
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::setGroupingDelay(std::chrono::milliseconds delay)
{
    m_groupTimer.setInterval(delay);
}

std::chrono::milliseconds NotificationCenter::groupingDelay() const
{
    return m_groupTimer.intervalAsDuration();
}

void NotificationCenter::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

void NotificationCenter::watch(JobMonitor *monitor)
{
    if (!monitor)
        return;
    for (const auto &m : std::as_const(m_monitors)) {
        if (m == monitor)
            return;
    }
    m_monitors.append(monitor);
    connect(monitor, &JobMonitor::transitionObserved, this, &NotificationCenter::handleTransition);
    connect(monitor, &JobMonitor::jobsUpdated, this, &NotificationCenter::handleJobsUpdated);
    connect(monitor, &JobMonitor::jobsAdded, this, &NotificationCenter::handleJobsUpdated);
    connect(monitor, &JobMonitor::jobsRemoved, this,
            [this, monitor](const QStringList &identifiers) {
                handleJobsRemoved(monitor->profileId(), identifiers);
            });
    connect(monitor, &QObject::destroyed, this, [this] { scheduleSummary(); });
    handleJobsUpdated(monitor->jobs());
}

void NotificationCenter::unwatch(JobMonitor *monitor)
{
    if (!monitor)
        return;
    disconnect(monitor, nullptr, this, nullptr);
    m_monitors.removeIf([monitor](const QPointer<JobMonitor> &m) { return !m || m == monitor; });
    m_queued.remove(monitor->profileId());
    scheduleSummary();
}

bool NotificationCenter::eventEnabled(JobStatus status) const
{
    std::optional<NotificationEvent> event;
    switch (status) {
    case JobStatus::Completed:
    case JobStatus::Ended:
        event = NotificationEvent::Completed;
        break;
    case JobStatus::PartiallyCompleted:
        event = NotificationEvent::PartiallyCompleted;
        break;
    case JobStatus::Failed:
        event = NotificationEvent::Failed;
        break;
    case JobStatus::Stopped:
        event = NotificationEvent::Stopped;
        break;
    case JobStatus::Expired:
        event = NotificationEvent::Expired;
        break;
    default:
        return false;
    }
    return !m_settings || m_settings->notifies(*event);
}

std::chrono::minutes NotificationCenter::threshold() const
{
    if (!m_settings)
        return kDefaultThreshold;
    if (!m_settings->notifies(NotificationEvent::ExpiryWarning))
        return std::chrono::minutes(0);
    return m_settings->expiryWarningThreshold();
}

void NotificationCenter::handleTransition(const QString &identifier,
                                          const StatusTransition &transition, const WatchedJob &job)
{
    // Only entering a terminal status: not the first status ever seen, not a repeat.
    if (!transition.from || !transition.to.isTerminal())
        return;
    if (transition.from->code() == transition.to.code()
        && transition.to.code() != JobStatus::Unknown)
        return;
    if (!eventEnabled(transition.to.code()))
        return;
    JobNotice notice = noticeFor(job);
    notice.identifier = identifier;
    notice.from = transition.from;
    notice.to = transition.to;
    // A later transition of the same job within the group replaces the earlier one.
    m_pendingTransitions.removeIf([&](const JobNotice &n) {
        return n.identifier == identifier && n.profileId == notice.profileId;
    });
    m_pendingTransitions.append(notice);
    schedule();
}

bool NotificationCenter::isAtRisk(const Status &status, const QDateTime &expiresAt) const
{
    const auto limit = threshold();
    if (limit.count() <= 0 || !status.isQueued() || !expiresAt.isValid())
        return false;
    return isAtRisk(status, expiresAt, limit, m_clock());
}

bool NotificationCenter::isAtRisk(const Status &status, const QDateTime &expiresAt,
                                  std::chrono::minutes limit, const QDateTime &now)
{
    if (limit.count() <= 0 || !status.isQueued() || !expiresAt.isValid())
        return false;
    const qint64 left = now.secsTo(expiresAt);
    return left > 0 && left <= qint64(limit.count()) * 60;
}

void NotificationCenter::considerExpiry(const WatchedJob &job)
{
    const bool queued = job.job.status && job.job.status->isQueued();
    if (!queued) {
        // Left the queue: forget it, so a job that comes back is warned about again. (Most of
        // the 100,000 stored jobs handed over at start-up have ended: by profile, then
        // identifier, no key is made for them; issue 13.)
        if (const auto p = m_queued.find(job.profileId); p != m_queued.end())
            p->remove(job.identifier);
        if (const auto a = m_expiryAnnounced.find(job.profileId); a != m_expiryAnnounced.end())
            a->remove(job.identifier);
        return;
    }
    considerQueued(noticeFor(job));
}

void NotificationCenter::considerQueued(const JobNotice &job)
{
    m_queued[job.profileId].insert(job.identifier, job);
    QSet<QString> &announced = m_expiryAnnounced[job.profileId];
    if (!isAtRisk(job.to, job.expiresAt) || announced.contains(job.identifier))
        return;
    announced.insert(job.identifier);
    m_pendingExpiry.append(job);
    schedule();
}

void NotificationCenter::handleJobsUpdated(const QList<WatchedJob> &jobs)
{
    for (const WatchedJob &job : jobs)
        considerExpiry(job);
    scheduleSummary();
}

void NotificationCenter::handleJobsRemoved(const QString &profileId, const QStringList &identifiers)
{
    const auto queued = m_queued.find(profileId);
    const auto announced = m_expiryAnnounced.find(profileId);
    for (const QString &id : identifiers) {
        if (queued != m_queued.end())
            queued->remove(id);
        if (announced != m_expiryAnnounced.end())
            announced->remove(id);
        m_pendingExpiry.removeIf(
                [&](const JobNotice &n) { return n.profileId == profileId && n.identifier == id; });
        m_pendingTransitions.removeIf(
                [&](const JobNotice &n) { return n.profileId == profileId && n.identifier == id; });
    }
    scheduleSummary();
}

void NotificationCenter::checkExpiry()
{
    QList<JobNotice> queued;
    for (const QHash<QString, JobNotice> &ofProfile : std::as_const(m_queued))
        queued += ofProfile.values();
    for (const JobNotice &job : std::as_const(queued))
        considerQueued(job);
    scheduleSummary();
}

void NotificationCenter::schedule()
{
    // The group window opens with the first notice and is not extended by later ones, so a
    // steady trickle still produces a notification every groupingDelay().
    if (!m_groupTimer.isActive())
        m_groupTimer.start();
}

void NotificationCenter::flush()
{
    m_groupTimer.stop();
    const QList<JobNotice> transitions = std::exchange(m_pendingTransitions, {});
    const QList<JobNotice> expiry = std::exchange(m_pendingExpiry, {});
    if (!m_notifier)
        return;
    if (!transitions.isEmpty())
        m_notifier->notifyTransitions(transitions);
    if (!expiry.isEmpty())
        m_notifier->notifyExpiryRisk(expiry);
}

void NotificationCenter::scheduleSummary()
{
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start();
}

void NotificationCenter::publishSummary()
{
    NotificationSummary summary;
    // Read once, not per job: the threshold comes from the settings (QSettings::value for each
    // of 100,000 jobs was a third of this after a start-up; issue 13).
    const auto limit = threshold();
    const QDateTime now = limit.count() > 0 ? m_clock() : QDateTime();
    m_monitors.removeIf([](const QPointer<JobMonitor> &m) { return !m; });
    for (const auto &monitor : std::as_const(m_monitors)) {
        // Counted in place: every summary (one per batch of updates) copied every job, 120 MB
        // with 100,000 stored jobs, the first right after the first paint (issue 13).
        static const Status kNoStatus;
        monitor->forEachJob([&summary, limit, &now](const WatchedJob &job) {
            ++summary.watched;
            const Status &status = job.job.status ? *job.job.status : kNoStatus;
            if (status.isActive())
                ++summary.active;
            if (status.group() == StatusGroup::Failed)
                ++summary.failed;
            if (status.isQueued() && job.job.jobExpirationTime
                && isAtRisk(status, *job.job.jobExpirationTime, limit, now))
                ++summary.atRisk;
        });
    }
    if (m_summaryPublished && summary == m_lastSummary)
        return;
    m_lastSummary = summary;
    m_summaryPublished = true;
    if (m_notifier)
        m_notifier->setSummary(summary);
}

} // namespace bw
