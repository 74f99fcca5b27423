#include "window/sessionviews.h"

#include "details/jobdetailspanel.h"
#include "models/jobtablemodel.h"
#include "notifications/notificationcenter.h"
#include "overview/overviewpage.h"
#include "tracking/jobmonitor.h"
#include "tracking/profilesession.h"
#include "window/offlinebanner.h"

namespace bw {

namespace {
constexpr int kRowsPerPass = 2000;
} // namespace

SessionViews::SessionViews(JobTableModel *model, JobDetailsPanel *details, OverviewPage *overview,
                           OfflineBanner *banner, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_details(details)
    , m_overview(overview)
    , m_banner(banner)
{}

void SessionViews::setNotificationCenter(NotificationCenter *notifications)
{
    m_notifications = notifications;
}

void SessionViews::attach(ProfileSession *session)
{
    detach();
    if (!session)
        return;
    m_session = session;
    JobMonitor *monitor = session->monitor();
    // A refresh of thousands of jobs reaches the table 2,000 rows per pass of the event loop, so
    // that no pass keeps the window from repainting and answering for long (issue 13: no stall
    // over 50 ms; docs/PERFORMANCE.md, "Applying a 10,000-job refresh").
    monitor->setAnnounceSliceSize(kRowsPerPass);
    auto &c = m_connections;
    c << connect(session, &ProfileSession::samplesLoaded, m_model,
                 [this](const ProfileSession::Samples &samples) {
                     for (auto it = samples.cbegin(); it != samples.cend(); ++it)
                         m_model->setProgressSamples(it.key(), it.value());
                 });
    c << connect(session, &ProfileSession::sampleAdded, m_model, &JobTableModel::addProgressSample);
    // The stored watch list arrives as one jobsAdded before the session has loaded: into an
    // empty table it is one reset with the rows reserved (setJobs) rather than 100,000 appends
    // (issue 13; docs/PERFORMANCE.md, "Start-up and memory"). An empty table has no selection,
    // current row or scroll position to keep. Everything later goes through upsertJobs.
    c << connect(monitor, &JobMonitor::jobsAdded, m_model, [this](const QList<WatchedJob> &jobs) {
        if (m_model->rowCount() == 0 && m_session && !m_session->isLoaded())
            m_model->setJobs(jobs);
        else
            m_model->upsertJobs(jobs);
    });
    // While the store reads that list, the table makes its rows from each slice read (the
    // GUI thread waits for the store otherwise): setJobs then takes them (issue 13).
    c << connect(monitor, &JobMonitor::loadStaged, m_model,
                 [this](const QList<WatchedJob> &jobs, qsizetype all) {
                     if (m_model->rowCount() == 0 && m_session && !m_session->isLoaded())
                         m_model->stageJobs(jobs, all);
                 });
    // A load that failed after some slices leaves nothing for setJobs to take: not kept.
    c << connect(monitor, &JobMonitor::loaded, m_model, [this] { m_model->dropStaged(); });
    c << connect(monitor, &JobMonitor::jobsUpdated, m_model, &JobTableModel::upsertJobs);
    c << connect(monitor, &JobMonitor::jobsRemoved, m_model, &JobTableModel::removeJobs);
    c << connect(monitor, &JobMonitor::connectionStateChanged, m_banner,
                 [this](ConnectionState state) {
                     // The status bar's "Last refresh" is the session's: on a shared store the
                     // team's poller's refreshes count too. The banner's "last successful
                     // refresh" is never an older one (a desktop that polled earlier and now
                     // views would otherwise name its own last poll while the store is down).
                     const QDateTime last = m_session ? m_session->lastSuccessAt() : QDateTime();
                     if (last.isValid()
                         && (!state.lastSuccessAt.isValid() || last > state.lastSuccessAt))
                         state.lastSuccessAt = last;
                     m_banner->setConnectionState(state);
                 });
    c << connect(session, &ProfileSession::keyStateChanged, m_banner,
                 [this](ProfileSession::KeyState state) {
                     m_banner->setKeyMissing(state == ProfileSession::KeyState::Missing);
                 });

    m_model->setJobs({});
    m_banner->setConnectionState({});
    m_banner->setKeyMissing(false);
    m_details->setSession(session);
    m_details->setCurrentJob({});
    m_overview->setSession(session);
    if (m_notifications)
        m_notifications->watch(monitor);
}

void SessionViews::detach()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    if (m_notifications && m_session)
        m_notifications->unwatch(m_session->monitor());
    m_session = nullptr;
    m_details->setSession(nullptr);
    m_overview->setSession(nullptr);
    m_banner->setKeyMissing(false);
    m_model->setJobs({});
}

} // namespace bw
