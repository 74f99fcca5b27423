#pragma once

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace bw {

class JobDetailsPanel;
class JobTableModel;
class NotificationCenter;
class OfflineBanner;
class OverviewPage;
class ProfileSession;

// Connects ONE ProfileSession at a time to what shows it: the job table model (rows from the
// monitor, progress samples from the session's one feed), the details panel and the Overview
// page (both given the session), the offline banner (connection state, "no key stored") and
// the notification centre (may be null: screenshot mode shows none).
//
// attach() empties the model and the banner first (the session's stored rows arrive through
// the monitor's jobsAdded), and makes its connections before the caller makes its own, so the
// model already holds a job when the caller's slot for the same signal runs. detach() undoes
// every connection and empties the model and the banner; the views show their empty states.
// Nothing here decides what is selected or what the status bar says: the window does.
class SessionViews : public QObject
{
    Q_OBJECT

public:
    SessionViews(JobTableModel *model, JobDetailsPanel *details, OverviewPage *overview,
                 OfflineBanner *banner, QObject *parent = nullptr);

    void setNotificationCenter(NotificationCenter *notifications);

    void attach(ProfileSession *session);
    void detach();
    ProfileSession *session() const { return m_session; }

private:
    JobTableModel *m_model;
    JobDetailsPanel *m_details;
    OverviewPage *m_overview;
    OfflineBanner *m_banner;
    NotificationCenter *m_notifications = nullptr;
    QPointer<ProfileSession> m_session;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace bw
