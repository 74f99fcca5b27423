#include "window/watchlistactions.h"

#include "common/appsettings.h"
#include "dialogs/addjobsdialog.h"
#include "dialogs/stopjobsdialog.h"
#include "domain/jobidentifier.h"
#include "tracking/jobmonitor.h"
#include "tracking/profilesession.h"
#include "window/mainwindowservices.h"
#include "window/mainwindowsetup.h"

#include <QFileInfo>
#include <QSet>
#include <QWidget>

namespace bw {

WatchListActions::WatchListActions(QWidget *window, AppSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
{}

void WatchListActions::setSession(ProfileSession *session)
{
    m_session = session;
}

void WatchListActions::addJobs(const QStringList &paths, int tab)
{
    if (!m_session)
        return;
    AddJobsDialog dialog(m_session->monitor(), m_window);
    dialog.setCurrentTab(AddJobsDialog::Tab(tab));
    if (!paths.isEmpty()) {
        dialog.loadFiles(paths);
        m_settings->setLastImportDirectory(QFileInfo(paths.constFirst()).absolutePath());
    }
    if (dialog.exec() != QDialog::Accepted || !m_session)
        return;
    QList<JobIdentifier> ids;
    for (const QString &text : dialog.identifiersToAdd())
        ids << JobIdentifier::parse(text).addAnyway(); // the user chose to add refused ones
    // Discovered jobs keep what their list said until their first poll.
    const QStringList added
            = dialog.discoveredJobsToAdd().isEmpty()
                      ? m_session->monitor()->watch(ids)
                      : m_session->monitor()->watchListed(dialog.discoveredJobsToAdd());
    if (added.isEmpty())
        return;
    Q_EMIT jobsAdded(added);
    Q_EMIT statusMessage(tr("Added to the watch list: %1").arg(added.size()));
}

bool WatchListActions::refresh()
{
    if (!m_session)
        return false;
    if (!m_session->refreshNow()) {
        // A viewer of a shared store reads what the team's poller committed instead.
        if (m_session->isPausedBy(ProfileSession::PauseReason::Viewer)) {
            Q_EMIT statusMessage(tr("Another client polls this gateway: reading its latest "
                                    "from the shared store"));
            return false;
        }
        Q_EMIT statusMessage(m_session->keyState() == ProfileSession::KeyState::Missing
                                     ? tr("No key stored for this profile: enter it to refresh")
                                     : tr("Refreshing once the key is read…"));
        return false;
    }
    Q_EMIT statusMessage(tr("Refreshing every job that is still polled…"));
    return true;
}

void WatchListActions::stop(const QStringList &identifiers)
{
    if (!m_session)
        return;
    const QList<StopJobsDialog::Target> targets
            = MainWindowServices::stopTargets(*m_session, identifiers);
    if (targets.isEmpty())
        return;
    StopJobsDialog dialog(targets, MainWindowSetup::stopper(*m_session), m_window);
    connect(&dialog, &StopJobsDialog::stopsFinished, this, [this](int accepted, int failed) {
        Q_EMIT statusMessage(
                failed == 0
                        ? tr("Stop requests accepted: %1").arg(accepted)
                        : tr("Stop requests accepted: %1, failed: %2").arg(accepted).arg(failed));
    });
    dialog.exec();
}

void WatchListActions::remove(const QStringList &identifiers)
{
    if (!m_session || identifiers.isEmpty())
        return;
    const bool shared = m_session->sharing() != ProfileSession::Sharing::Local;
    if (!MainWindowSetup::confirmRemoval(m_window, identifiers, *m_session->monitor(), shared)
        || !m_session)
        return;
    m_session->monitor()->unwatch(identifiers);
    Q_EMIT statusMessage(tr("Removed from the watch list: %1").arg(identifiers.size()));
}

void WatchListActions::exportJobs(const QStringList &selected, const QStringList &visible)
{
    if (!m_session)
        return;
    MainWindowServices::runExport(
            *m_session, *m_settings, selected, visible, m_window,
            [this](const QString &message) { Q_EMIT statusMessage(message); });
}

void WatchListActions::copyAsJson(const QString &identifier)
{
    if (!m_session || identifier.isEmpty() || !m_session->monitor()->job(identifier))
        return;
    MainWindowServices::copyJobAsJson(*m_session, identifier, [this](const QString &message) {
        if (!message.isEmpty())
            Q_EMIT statusMessage(message);
    });
}

} // namespace bw
