#pragma once

#include "domain/watchedjob.h"
#include "notifications/notifier.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>

namespace bw {

class AppSettings;
class JobMonitor;

// Decides what deserves a desktop notification (PRODUCT.md §4 "Notifications") and hands it
// to a Notifier, grouped:
//
//  - A job ENTERING a terminal status (Completed, PartiallyCompleted, Failed, Stopped, Expired)
//    — a transition with a `from` status that was not already the same — is announced when the
//    settings enable that event. The first status ever seen for a job (no `from`: a job added
//    when it had already finished) and non-terminal transitions are never announced.
//  - A queued job whose jobExpirationTime is within the expiry warning threshold (and not yet
//    passed) is announced once per job, while notifications for ExpiryWarning are enabled and
//    the threshold is not 0. It may be announced again after it left the queue and came back.
//    Expiry is checked on every update of the job and once a minute.
//  - Everything arriving within the grouping delay (2 s by default, counted from the first
//    one) becomes ONE notifyTransitions call and ONE notifyExpiryRisk call.
//  - The summary (watched / active / failed / at risk over every watched monitor) is passed to
//    Notifier::setSummary whenever it changes, at most once per event-loop turn.
//
// Without AppSettings every event is enabled and the threshold is 6 hours.
class NotificationCenter : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // Neither argument is owned; both must outlive the centre (settings may be null).
    NotificationCenter(Notifier *notifier, AppSettings *settings, QObject *parent = nullptr);
    ~NotificationCenter() override;

    // Listens to the monitor's transitions and job updates until it is destroyed or unwatched.
    void watch(JobMonitor *monitor);
    void unwatch(JobMonitor *monitor);

    void setGroupingDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds groupingDelay() const;
    void setClock(Clock clock); // default: QDateTime::currentDateTimeUtc

    // Number of notices waiting for the grouping delay.
    int pendingCount() const { return int(m_pendingTransitions.size() + m_pendingExpiry.size()); }

public Q_SLOTS:
    // What the monitors' signals are connected to; public for tests and other sources.
    void handleTransition(const QString &identifier, const bw::StatusTransition &transition,
                          const bw::WatchedJob &job);
    void handleJobsUpdated(const QList<bw::WatchedJob> &jobs);
    void handleJobsRemoved(const QString &profileId, const QStringList &identifiers);
    // Sends what is pending now, without waiting for the grouping delay.
    void flush();
    // Re-checks every known queued job for expiry risk (the minute timer calls this).
    void checkExpiry();

private:
    bool eventEnabled(JobStatus status) const;
    std::chrono::minutes threshold() const;
    bool isAtRisk(const Status &status, const QDateTime &expiresAt) const;
    // The same with the threshold and the time given (read once for 100,000 jobs: threshold()
    // reads the settings; issue 13).
    static bool isAtRisk(const Status &status, const QDateTime &expiresAt,
                         std::chrono::minutes limit, const QDateTime &now);
    void considerExpiry(const WatchedJob &job);
    // A queued job, as its expiry notice would read.
    void considerQueued(const JobNotice &job);
    void schedule();
    void scheduleSummary();
    void publishSummary();

    QPointer<Notifier> m_notifier;
    QPointer<AppSettings> m_settings;
    Clock m_clock;
    QTimer m_groupTimer;
    QTimer m_expiryTimer;
    QTimer m_summaryTimer;
    QList<JobNotice> m_pendingTransitions;
    QList<JobNotice> m_pendingExpiry;
    // By profile, then identifier: the latest state of each queued job (what its expiry notice
    // needs, not the whole job: small entries, issue 13), and the jobs already warned about.
    QHash<QString, QHash<QString, JobNotice>> m_queued;
    QHash<QString, QSet<QString>> m_expiryAnnounced;
    QList<QPointer<JobMonitor>> m_monitors;
    NotificationSummary m_lastSummary;
    bool m_summaryPublished = false;
};

} // namespace bw
