#pragma once

#include "domain/jobstatus.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QSystemTrayIcon;
class QWidget;

namespace bw {

// One job worth telling the user about.
struct JobNotice
{
    QString profileId;
    QString identifier; // the local key (what openJobRequested carries back)
    QString jobName;    // may be empty: the short id is shown instead
    std::optional<Status> from;
    Status to;           // for an expiry notice: the current (queued) status
    QString message;     // the gateway's failure message, may be empty
    QDateTime expiresAt; // expiry notices only (UTC)

    QString displayName() const; // job name, else the short form of the identifier
};

// Counts for the tray tooltip.
struct NotificationSummary
{
    int watched = 0;
    int active = 0; // running or queued or unknown
    int failed = 0; // Failed or PartiallyCompleted
    int atRisk = 0; // queued jobs near expiry
    QString toolTip() const;
    friend bool operator==(const NotificationSummary &, const NotificationSummary &) = default;
};

// Where desktop notifications go. An interface so that tests can spy and so that another
// platform integration can replace the tray. Messages are grouped by the caller: each call is
// ONE notification, however many jobs it names.
class Notifier : public QObject
{
    Q_OBJECT

public:
    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    // Jobs that entered a terminal status (never empty).
    virtual void notifyTransitions(const QList<JobNotice> &notices) = 0;
    // Queued jobs that will expire within the warning threshold (never empty).
    virtual void notifyExpiryRisk(const QList<JobNotice> &notices) = 0;
    virtual void setSummary(const NotificationSummary &summary) = 0;

    // The words of a grouped notification, shared by every implementation.
    static QString transitionTitle(const QList<JobNotice> &notices);
    static QString transitionBody(const QList<JobNotice> &notices);
    static QString expiryTitle(const QList<JobNotice> &notices);
    static QString expiryBody(const QList<JobNotice> &notices, const QDateTime &now);

Q_SIGNALS:
    // The user clicked a notification: show this job.
    void openJobRequested(const QString &profileId, const QString &identifier);
};

// Notifications through the system tray (QSystemTrayIcon): one balloon per group, the tray
// tooltip carries the summary, clicking the message emits openJobRequested for the job it is
// about (the first one named). Where there is no system tray, or it cannot show messages,
// QApplication::alert() flags the alert widget instead (taskbar highlight).
class TrayNotifier : public Notifier
{
    Q_OBJECT

public:
    explicit TrayNotifier(QObject *parent = nullptr);
    ~TrayNotifier() override;

    // The window to flag with QApplication::alert when there is no tray (usually the main
    // window). Not owned.
    void setAlertWidget(QWidget *widget);
    // The tray icon, for the main window's context menu and activation; nullptr without a tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    bool hasTray() const { return m_tray != nullptr; }

    void notifyTransitions(const QList<JobNotice> &notices) override;
    void notifyExpiryRisk(const QList<JobNotice> &notices) override;
    void setSummary(const NotificationSummary &summary) override;

    // The last notification shown (or, without a tray, that would have been shown).
    QString lastTitle() const { return m_lastTitle; }
    QString lastBody() const { return m_lastBody; }

Q_SIGNALS:
    // The tray icon itself was clicked: raise the window.
    void showWindowRequested();

private:
    void show(const QString &title, const QString &body, int severity, const JobNotice &target);

    QSystemTrayIcon *m_tray = nullptr;
    QPointer<QWidget> m_alertWidget;
    QString m_lastTitle;
    QString m_lastBody;
    QString m_targetProfile;
    QString m_targetIdentifier;
};

} // namespace bw
