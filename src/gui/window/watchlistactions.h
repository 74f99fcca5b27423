#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace bw {

class AppSettings;
class ProfileSession;

// What the main window's job actions do for the current profile's session: Add Jobs (typed,
// discovered, or read from files), Refresh, Stop, Remove, Export and Copy as JSON. Each runs
// its dialog over `window` and says the outcome in one line through statusMessage(); jobs
// added are announced by jobsAdded() (the window selects the first).
//
// The session is not owned and may be null or go away while a dialog is open: then nothing is
// done (and nothing is announced). The window decides what is selected and visible, and
// passes it in.
class WatchListActions : public QObject
{
    Q_OBJECT

public:
    WatchListActions(QWidget *window, AppSettings *settings);

    void setSession(ProfileSession *session);

    // The Add Jobs dialog on `tab` (AddJobsDialog::Tab), with these files' identifiers filled
    // in; the folder of the first is remembered for the next file dialog.
    void addJobs(const QStringList &paths, int tab);
    // Every job still polled, now. False when nothing was sent (no session, or no key yet: the
    // status line says which).
    bool refresh();
    void stop(const QStringList &identifiers);
    void remove(const QStringList &identifiers);
    void exportJobs(const QStringList &selected, const QStringList &visible);
    void copyAsJson(const QString &identifier);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void jobsAdded(const QStringList &identifiers);

private:
    QWidget *m_window;
    AppSettings *m_settings;
    QPointer<ProfileSession> m_session;
};

} // namespace bw
