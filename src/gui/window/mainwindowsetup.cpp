#include "window/mainwindowsetup.h"

#include "details/jobdetailspanel.h"
#include "dialogs/dialogsizing.h"
#include "export/exportinput.h"
#include "presentation/statuspresentation.h"
#include "store/jobstore.h"
#include "store/storeworker.h"
#include "tracking/profilesession.h"
#include "ui_mainwindow.h"
#include "window/filterbar.h"
#include "window/jobtableview.h"
#include "window/launchoptions.h"
#include "window/mainwindow.h"
#include "window/mainwindowservices.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

#include <algorithm>

namespace bw::MainWindowSetup {

void configureActions(Ui::MainWindow &ui, QWidget *window)
{
    // Short labels beside the toolbar icons; the menus keep the full words.
    ui.actionAddJobs->setIconText(MainWindow::tr("Add"));
    ui.actionRefresh->setIconText(MainWindow::tr("Refresh"));
    //: Toolbar button: stop polling the gateway until resumed (not the jobs)
    ui.actionPause->setIconText(MainWindow::tr("Pause"));
    //: Toolbar button: ask the gateway to stop the selected jobs
    ui.actionStop->setIconText(MainWindow::tr("Stop"));
    ui.actionRemove->setIconText(MainWindow::tr("Remove"));
    ui.actionExport->setIconText(MainWindow::tr("Export"));
    ui.actionSettings->setIconText(MainWindow::tr("Settings"));

    // Standard shortcuts where the platform has one.
    ui.actionAddJobs->setShortcut(QKeySequence::New);
    ui.actionExport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    ui.actionQuit->setShortcut(QKeySequence::Quit);
    // F5 everywhere (the platform's Refresh may be Ctrl+R only), plus the platform's own.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.prepend(QKeySequence(Qt::Key_F5));
    ui.actionRefresh->setShortcuts(refreshKeys);
    ui.actionPause->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    ui.actionStop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    ui.actionRemove->setShortcut(QKeySequence::Delete);
    ui.actionCopyRows->setShortcut(QKeySequence::Copy);
    ui.actionCopyJson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    ui.actionSelectAll->setShortcut(QKeySequence::SelectAll);
    ui.actionFind->setShortcut(QKeySequence::Find);
    ui.actionSettings->setShortcuts(
            QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                    ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                    : QKeySequence::keyBindings(QKeySequence::Preferences));
    ui.actionShowJobs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    ui.actionShowOverview->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    ui.actionToggleDetails->setShortcut(QKeySequence(Qt::Key_F9));
    ui.actionFullScreen->setShortcut(QKeySequence::FullScreen);
    ui.actionAbout->setShortcut(QKeySequence::HelpContents);
    ui.actionQuit->setMenuRole(QAction::QuitRole);
    ui.actionAbout->setMenuRole(QAction::AboutRole);
    ui.actionAboutQt->setMenuRole(QAction::AboutQtRole);
    ui.actionSettings->setMenuRole(QAction::PreferencesRole);

    // Copy, Select All and Delete act on the table only: in the search field and the details
    // panel the same keys keep their usual meaning.
    for (QAction *action : {ui.actionCopyRows, ui.actionSelectAll, ui.actionRemove}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        ui.jobTable->addAction(action);
    }
    // The table's context menu.
    ui.jobTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *separator1 = new QAction(window);
    separator1->setSeparator(true);
    auto *separator2 = new QAction(window);
    separator2->setSeparator(true);
    ui.jobTable->insertAction(ui.actionCopyRows, ui.actionRefresh);
    ui.jobTable->insertAction(ui.actionCopyRows, separator1);
    ui.jobTable->insertAction(ui.actionSelectAll, ui.actionCopyJson);
    ui.jobTable->insertAction(ui.actionRemove, ui.actionExport);
    ui.jobTable->insertAction(ui.actionRemove, separator2);
    ui.jobTable->insertAction(ui.actionRemove, ui.actionStop);
}

void applyActionIcons(Ui::MainWindow &ui, const QPalette &pal, bool paused)
{
    ui.actionAddJobs->setIcon(StatusPresentation::actionIcon(ActionIcon::Add, pal));
    ui.actionRefresh->setIcon(StatusPresentation::actionIcon(ActionIcon::Refresh, pal));
    ui.actionPause->setIcon(
            StatusPresentation::actionIcon(paused ? ActionIcon::Resume : ActionIcon::Pause, pal));
    ui.actionStop->setIcon(StatusPresentation::actionIcon(ActionIcon::Stop, pal));
    ui.actionRemove->setIcon(StatusPresentation::actionIcon(ActionIcon::Remove, pal));
    ui.actionExport->setIcon(StatusPresentation::actionIcon(ActionIcon::Export, pal));
    ui.actionSettings->setIcon(StatusPresentation::actionIcon(ActionIcon::Settings, pal));
    ui.actionProfiles->setIcon(StatusPresentation::actionIcon(ActionIcon::Profile, pal));
}

void restoreLayout(QMainWindow &window, Ui::MainWindow &ui, const AppSettings &settings)
{
    const QByteArray geometry = settings.windowState(WindowStateKey::MainWindowGeometry);
    if (!geometry.isEmpty())
        window.restoreGeometry(geometry);
    const QByteArray state = settings.windowState(WindowStateKey::MainWindowState);
    if (!state.isEmpty())
        window.restoreState(state);
    const QByteArray splitter = settings.windowState(WindowStateKey::MainSplitter);
    if (!splitter.isEmpty())
        ui.mainSplitter->restoreState(splitter);
    ui.jobTable->restoreHeaderState(settings.windowState(WindowStateKey::JobTableHeader));
    const QByteArray details = settings.windowState(WindowStateKey::HistoryTableHeader);
    if (details.isEmpty() || !ui.detailsPanel->restoreState(details))
        ui.detailsPanel->setCurrentTab(LaunchOptions::tabNames().value(
                settings.detailsTab(), LaunchOptions::tabNames().constFirst()));
    ui.filterBar->setState(settings.filterState());
    ui.actionToggleToolBar->setChecked(!ui.mainToolBar->isHidden());
}

void saveLayout(const QMainWindow &window, const Ui::MainWindow &ui, AppSettings &settings)
{
    settings.setWindowState(WindowStateKey::MainWindowGeometry, window.saveGeometry());
    settings.setWindowState(WindowStateKey::MainWindowState, window.saveState());
    settings.setWindowState(WindowStateKey::MainSplitter, ui.mainSplitter->saveState());
    settings.setWindowState(WindowStateKey::JobTableHeader, ui.jobTable->saveHeaderState());
    settings.setWindowState(WindowStateKey::HistoryTableHeader, ui.detailsPanel->saveState());
    settings.setDetailsTab(
            int(LaunchOptions::tabNames().indexOf(ui.detailsPanel->currentTabName())));
    settings.setFilterState(ui.filterBar->state());
}

ExportDialog::InputProvider exportInputProvider(const ProfileSession &session,
                                                const QStringList &selected,
                                                const QStringList &visible)
{
    const GatewayProfile profile = session.profile();
    QPointer<JobMonitor> monitor = session.monitor();
    QPointer<StoreWorker> store = session.store();
    return [selected, visible, profile, monitor, store](ExportDialog::Scope scope, QObject *context,
                                                        std::function<void(ExportInput)> done) {
        const QStringList ids = scope == ExportDialog::Scope::Selection ? selected : visible;
        ExportSource source{profile.name, profile.baseUrl, {}, {}, {}};
        if (monitor)
            source.jobs = monitor->jobs();
        if (!store) {
            for (const QString &id : ids) {
                if (monitor) {
                    source.history.insert(id, monitor->history(id));
                    source.samples.insert(id, monitor->samples(id));
                }
            }
            done(collectExportInput(source, ids));
            return;
        }
        struct History
        {
            QHash<QString, QList<StatusTransition>> transitions;
            QHash<QString, QList<ProgressSample>> samples;
        };
        const QString profileId = profile.id;
        store->call<History>(
                [profileId](JobStore &s) {
                    return History{s.transitionsForProfile(profileId),
                                   s.progressSamplesForProfile(profileId)};
                },
                context,
                [source, ids, done](History history) mutable {
                    source.history = std::move(history.transitions);
                    source.samples = std::move(history.samples);
                    done(collectExportInput(source, ids));
                });
    };
}

StopJobsDialog::StopFunction stopper(const ProfileSession &session)
{
    QPointer<JobMonitor> monitor = session.monitor();
    return [monitor](const QStringList &ids, QObject *context,
                     StopJobsDialog::ResultCallback onResult) {
        if (!monitor)
            return;
        QPointer<QObject> guard(context);
        monitor->stopJobs(ids,
                          [guard, onResult](const QString &id, const Expected<StopAck> &result) {
                              if (guard)
                                  onResult(id, result);
                          });
    };
}

bool confirmRemoval(QWidget *parent, const QStringList &ids, const JobMonitor &monitor, bool shared)
{
    QString names;
    if (ids.size() == 1) {
        const std::optional<WatchedJob> w = monitor.job(ids.constFirst());
        const QString name = w ? w->job.jobName.value_or(QString()) : QString();
        names = name.isEmpty() ? JobIdentifier::parse(ids.constFirst()).shortId() : name;
    }
    const QString question = ids.size() == 1 ? MainWindow::tr("Stop watching “%1”?").arg(names)
                                             : MainWindow::tr("Stop watching these %n job(s)?",
                                                              nullptr, int(ids.size()));
    QMessageBox box(QMessageBox::Question, MainWindow::tr("Remove from Watch List"), question,
                    QMessageBox::NoButton, parent);
    box.setInformativeText(
            shared ? MainWindow::tr("They are removed for the whole team, with their status "
                                    "history in the shared store. The jobs themselves keep "
                                    "running on the gateway.")
                   : MainWindow::tr("Their status history on this computer is deleted. The jobs "
                                    "themselves keep running on the gateway."));
    QPushButton *remove = box.addButton(MainWindow::tr("Remove"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    keepTitleVisible(&box);
    box.exec();
    return box.clickedButton() == static_cast<QAbstractButton *>(remove);
}

void updateActions(Ui::MainWindow &ui, const ActionState &state)
{
    const bool session = state.session != nullptr;
    const int selected = int(state.selected.size());
    const bool jobs = session && state.hasJobs;
    ui.actionAddJobs->setEnabled(session);
    ui.actionRefresh->setEnabled(session);
    ui.actionPause->setEnabled(session);
    const MainWindowServices::StopState stop
            = MainWindowServices::stopState(state.session, state.selected);
    ui.actionStop->setEnabled(session && stop.availability.enabled);
    ui.actionStop->setToolTip(stop.availability.toolTip);
    ui.actionRemove->setEnabled(session && selected > 0);
    ui.actionExport->setEnabled(jobs);
    ui.actionCopyRows->setEnabled(selected > 0);
    ui.actionCopyJson->setEnabled(session && state.hasCurrent);
    ui.actionSelectAll->setEnabled(jobs);
    ui.actionFind->setEnabled(session);
    ui.actionShowJobs->setEnabled(session);
    ui.actionShowOverview->setEnabled(session);
    ui.actionClearFilters->setEnabled(session && ui.filterBar->state() != FilterState{});
    ui.actionResetColumns->setEnabled(session);
    const bool overview = ui.viewTabs->currentWidget() == ui.overviewTab;
    ui.actionShowJobs->setChecked(!overview);
    ui.actionShowOverview->setChecked(overview);
    ui.actionStop->setText(StopJobsDialog::actionText(selected, stop.cancel));
    //: Toolbar button: ask the provider to cancel (or the gateway to stop) the selected batches
    ui.actionStop->setIconText(stop.cancel ? MainWindow::tr("Cancel") : MainWindow::tr("Stop"));
}

int defaultDetailsWidth(int total, int em, int everyTab)
{
    // The table gets most of the width (status, name, progress, expiry and age uncut at
    // 1280 px, the identifier too at 1440 px), the details a column as wide as its forms need
    // and no more -- except that on a wide screen every tab of the details shows (at 1920 px
    // they need about 600 px: the table keeps over 1,300).
    const int shipped = std::clamp(total * 32 / 100, std::min(27 * em, total / 2), 36 * em);
    if (everyTab > shipped && everyTab <= total * 35 / 100)
        return everyTab;
    return shipped;
}

} // namespace bw::MainWindowSetup
