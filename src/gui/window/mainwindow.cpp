#include "window/mainwindow.h"

#include "common/logging.h"
#include "details/jobdetailspanel.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/addjobsdialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/profilesdialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/stopjobsdialog.h"
#include "domain/jobidentifier.h"
#include "export/exportinput.h"
#include "export/jsonexporter.h"
#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "notifications/notificationcenter.h"
#include "notifications/notifier.h"
#include "overview/overviewpage.h"
#include "presentation/apptheme.h"
#include "presentation/statuspresentation.h"
#include "store/jobstore.h"
#include "store/secretstore.h"
#include "store/storeengine.h"
#include "store/storeworker.h"
#include "ui_mainwindow.h"
#include "window/connectionindicator.h"
#include "window/demomode.h"
#include "window/filterbar.h"
#include "window/jobfiledrop.h"
#include "window/jobtableview.h"
#include "window/mainwindowservices.h"
#include "window/mainwindowsetup.h"
#include "window/offlinebanner.h"
#include "window/profileswitcher.h"
#include "window/sessionviews.h"
#include "window/statusbarfields.h"
#include "window/watchlistactions.h"
#include "window/welcomepanel.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QWindow>

#include <algorithm>

namespace bw {

namespace {
constexpr int kActiveTickMs = 1000;
constexpr int kIdleTickMs = 60'000;

// Logs (batchwatch.gui, info) when the job table first paints after the watch list loaded, with
// the wall clock, so that start-up can be timed from launch to the first painted table
// (docs/PERFORMANCE.md, "Start-up and memory").
class FirstPaintLogger : public QObject
{
public:
    FirstPaintLogger(QWidget *viewport, int rows)
        : QObject(viewport)
        , m_rows(rows)
    {
        viewport->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            qCInfo(lcGui).nospace()
                    << "watch list of " << m_rows << " jobs first painted at epoch ms "
                    << QDateTime::currentMSecsSinceEpoch();
            watched->removeEventFilter(this);
            deleteLater();
        }
        return false;
    }

private:
    int m_rows = 0;
    bool m_done = false;
};
} // namespace

MainWindow::MainWindow(const LaunchOptions &options, QNetworkAccessManager *nam, QWidget *parent)
    : MainWindow(options, nam, Services{}, parent)
{}

MainWindow::MainWindow(const LaunchOptions &options, QNetworkAccessManager *nam,
                       const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_options(options)
    , m_nam(nam)
    , m_screenshotMode(!options.screenshotFile.isEmpty())
{
    m_settings = services.settings;
    if (!m_settings) {
        m_ownSettings = std::make_unique<AppSettings>();
        m_settings = m_ownSettings.get();
    }
    m_secrets = services.secrets;
    if (!m_secrets) {
        m_ownSecrets = createDefaultSecretStore();
        m_secrets = m_ownSecrets.get();
    }
    m_notifier = services.notifier;

    AppTheme::apply(m_settings->theme());
    connect(m_settings, &AppSettings::themeChanged, this,
            [](Theme theme) { AppTheme::apply(theme); });

    m_ui->setupUi(this);
    m_actions = new WatchListActions(this, m_settings);
    connect(m_actions, &WatchListActions::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_actions, &WatchListActions::jobsAdded, this,
            [this](const QStringList &added) { selectJob(added.constFirst()); });
    auto *drop = new JobFileDrop(
            this, [this] { return m_session != nullptr; }, this);
    connect(drop, &JobFileDrop::filesDropped, this,
            [this](const QStringList &paths) { addJobsFromFiles(paths); });
    m_pendingSelect = options.selectIdentifier;

    setUpModels();
    setUpActions();
    setUpStatusBar();
    if (!m_screenshotMode)
        setUpNotifications();

    connect(m_settings, &AppSettings::pollSettingsChanged, this, [this] {
        if (JobMonitor *m = monitor())
            m->setPollSettings(m_settings->pollSettings());
    });
    connect(m_settings, &AppSettings::changed, this, [this](const QString &key) {
        if (key == QString(SettingsKey::ExpiryWarningMinutes))
            m_model->setExpiryWarningThreshold(qint64(m_settings->expiryWarningThreshold().count())
                                               * 60);
    });

    connect(m_ui->welcomePage, &WelcomePanel::connectRequested, this, [this] { openProfiles(); });
    connect(m_ui->welcomePage, &WelcomePanel::demoRequested, this, &MainWindow::startDemo);
    m_ui->welcomePage->setDemoAvailable(DemoMode::isAvailable());

    connect(m_ui->offlineBanner, &OfflineBanner::retryRequested, this, &MainWindow::refreshNow);
    connect(m_ui->offlineBanner, &OfflineBanner::editProfileRequested, this,
            &MainWindow::openProfiles);
    connect(m_ui->detailsPanel, &JobDetailsPanel::statusMessage, this,
            &MainWindow::showStatusMessage);
    connect(m_ui->jobTable, &JobTableView::rowsCopied, this, [this](int count) {
        showStatusMessage(tr("Copied as tab-separated text, rows: %1").arg(count));
    });
    connect(m_ui->jobTable, &QAbstractItemView::activated, this,
            [this] { m_ui->detailsPanel->setFocus(Qt::OtherFocusReason); });
    connect(m_ui->filterBar, &FilterBar::stateChanged, this, [this](const FilterState &state) {
        if (!m_screenshotMode)
            m_settings->setFilterState(state);
        updateActions();
    });
    connect(m_ui->viewTabs, &QTabWidget::currentChanged, this, [this] { updateActions(); });

    // Every second while something shown moves; once a minute when every job has ended (the
    // "Submitted … ago" column), so that an idle window costs nothing (issue 13). Any change of
    // the table wakes it up again at once.
    m_tickTimer.setInterval(kActiveTickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &MainWindow::tick);
    m_tickTimer.start();

    openStore();
    restoreLayout();
    chooseStartProfile();
    if (!options.tab.isEmpty())
        m_ui->detailsPanel->setCurrentTab(options.tab);
    if (!options.view.isEmpty())
        showView(options.view);
    if (options.size)
        resize(*options.size);
    updateActions();
    updateStatusBar();
}

MainWindow::~MainWindow()
{
    closeSession();
    // The notification centre listens to monitors that are gone now; the notifier may be ours.
    delete m_notifications;
    m_notifications = nullptr;
}

// --- set-up ------------------------------------------------------------------------------

void MainWindow::setUpModels()
{
    m_model = new JobTableModel(this);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::wakeTicks);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::wakeTicks);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::wakeTicks);
    m_model->setExpiryWarningThreshold(qint64(m_settings->expiryWarningThreshold().count()) * 60);
    m_proxy = new JobFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_ui->jobTable->setModel(m_proxy);
    m_ui->filterBar->setProxy(m_proxy);
    m_ui->overviewPage->setModels(m_model, m_proxy);
    m_ui->overviewPage->setSettings(m_settings);
    m_views = new SessionViews(m_model, m_ui->detailsPanel, m_ui->overviewPage, m_ui->offlineBanner,
                               this);

    connect(m_ui->jobTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(m_ui->jobTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_proxy, &JobFilterProxyModel::countsChanged, this, &MainWindow::updateStatusBar);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateActions);
    connect(m_ui->jobTable, &JobTableView::addJobsRequested, this, &MainWindow::addJobs);
    connect(m_ui->jobTable, &JobTableView::discoverRequested, this,
            [this] { addJobsFromFiles({}, AddJobsDialog::DiscoverTab); });

    const int em = fontMetrics().height();
    m_ui->monitorLayout->setContentsMargins(em / 2, em / 3, em / 2, 0);
    m_ui->monitorLayout->setSpacing(em / 3);
    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 2);
}

void MainWindow::setUpActions()
{
    Ui::MainWindow &ui = *m_ui;
    updateActionIcons();
    MainWindowSetup::configureActions(ui, this);

    connect(ui.actionAddJobs, &QAction::triggered, this, &MainWindow::addJobs);
    connect(ui.actionExport, &QAction::triggered, this, &MainWindow::exportJobs);
    connect(ui.actionProfiles, &QAction::triggered, this, &MainWindow::openProfiles);
    connect(ui.actionDemo, &QAction::triggered, this, &MainWindow::startDemo);
    connect(ui.actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui.actionCopyRows, &QAction::triggered, this, &MainWindow::copyRows);
    connect(ui.actionCopyJson, &QAction::triggered, this, &MainWindow::copyCurrentJobAsJson);
    connect(ui.actionSelectAll, &QAction::triggered, ui.jobTable, &QTableView::selectAll);
    connect(ui.actionFind, &QAction::triggered, this, [this] {
        showView(QStringLiteral("jobs"));
        m_ui->filterBar->focusSearch();
    });
    connect(ui.actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(ui.actionShowJobs, &QAction::triggered, this,
            [this] { showView(QStringLiteral("jobs")); });
    connect(ui.actionShowOverview, &QAction::triggered, this,
            [this] { showView(QStringLiteral("overview")); });
    connect(ui.actionToggleDetails, &QAction::toggled, ui.detailsPanel, &QWidget::setVisible);
    connect(ui.actionToggleToolBar, &QAction::toggled, ui.mainToolBar, &QWidget::setVisible);
    connect(ui.actionClearFilters, &QAction::triggered, this, [this] {
        m_ui->filterBar->clear();
        if (!m_screenshotMode)
            m_settings->setFilterState(m_ui->filterBar->state());
    });
    connect(ui.actionResetColumns, &QAction::triggered, ui.jobTable, &JobTableView::resetColumns);
    connect(ui.actionFullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen)
                          : (windowState() & ~Qt::WindowFullScreen));
    });
    connect(ui.actionRefresh, &QAction::triggered, this, &MainWindow::refreshNow);
    connect(ui.actionPause, &QAction::toggled, this, &MainWindow::setPollingPaused);
    connect(ui.actionStop, &QAction::triggered, this, &MainWindow::stopSelectedJobs);
    connect(ui.actionRemove, &QAction::triggered, this, &MainWindow::removeSelectedJobs);
    connect(ui.actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui.actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    ui.actionToggleDetails->setChecked(true);
    ui.actionToggleToolBar->setChecked(true);
    ui.actionShowJobs->setChecked(true);
    ui.actionDemo->setVisible(DemoMode::isAvailable());

    // The profile switcher leads the toolbar.
    m_switcher = new ProfileSwitcher(ui.mainToolBar, this);
    connect(m_switcher, &ProfileSwitcher::profileChosen, this, [this](const QString &id) {
        if (!switchToProfile(id))
            rebuildProfileSwitcher();
    });
    connect(m_switcher, &ProfileSwitcher::manageRequested, this, [this] {
        rebuildProfileSwitcher(); // back to the current profile
        openProfiles();
    });
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    ui.mainToolBar->setIconSize(QSize(icon, icon) * 5 / 4);
}

void MainWindow::updateActionIcons()
{
    MainWindowSetup::applyActionIcons(*m_ui, palette(), m_userPaused);
}

void MainWindow::setUpStatusBar()
{
    m_statusFields = new StatusBarFields(statusBar(), this);
    m_statusFields->indicator()->setProfileSwitcher(m_switcher->comboBox(),
                                                    ProfileSwitcher::manageEntry());
}

void MainWindow::setUpNotifications()
{
    if (!m_notifier) {
        auto *tray = new TrayNotifier(this);
        tray->setAlertWidget(this);
        connect(tray, &TrayNotifier::showWindowRequested, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_notifier = tray;
    }
    m_notifications = new NotificationCenter(m_notifier, m_settings);
    m_views->setNotificationCenter(m_notifications);
    connect(m_notifier, &Notifier::openJobRequested, this, &MainWindow::onNotificationClicked);
}

void MainWindow::openStore()
{
    MainWindowServices::LocalStore opened = MainWindowServices::openLocalStore(
            m_options.dataDirectory, m_settings->historyRetentionDays(), this);
    m_store = std::move(opened.store);
    m_storeWorker = opened.worker;
    if (m_storeWorker) {
        connect(m_storeWorker, &StoreWorker::writeFailed, this, [this](const QString &message) {
            // A shared store's lost connection: the poller keeps the batch and writes it again
            // once reconnected (StoreWorker); the team's store is not "local".
            showStatusMessage(storeengine::isPostgresUrl(m_options.dataDirectory)
                                      ? tr("Could not save to the shared store: %1").arg(message)
                                      : tr("Could not save to the local store: %1").arg(message));
        });
        // The store's message says the batch was not written; on a lost connection it is kept
        // and written again (StoreWorker), which the user learns here.
        connect(m_storeWorker, &StoreWorker::unwrittenBatchesChanged, this, [this](int batches) {
            showStatusMessage(batches > 0 ? tr("The shared store's connection was lost: the "
                                               "changes are kept and saved once it is back")
                                          : tr("The changes kept while the shared store was "
                                               "away are saved"));
        });
        return;
    }
    m_lastError = opened.error;
    qWarning("batchwatch: %s", qPrintable(m_lastError));
    if (!m_screenshotMode) {
        QTimer::singleShot(0, this, [this] {
            QMessageBox::warning(this, tr("Local Store"),
                                 tr("%1\n\nJobs can still be watched, but nothing is kept "
                                    "after batchwatch quits.")
                                         .arg(m_lastError));
        });
    }
}

void MainWindow::chooseStartProfile()
{
    const QList<GatewayProfile> profiles = m_store->profiles();
    rebuildProfileSwitcher();
    if (m_options.demo || (m_options.demoIfUnconfigured && profiles.isEmpty())) {
        if (startDemo())
            return;
    }
    if (profiles.isEmpty()) {
        showWelcome();
        return;
    }
    const QString remembered = m_settings->currentProfileId();
    for (const GatewayProfile &p : profiles) {
        if (p.id == remembered && switchToProfile(p.id))
            return;
    }
    switchToProfile(profiles.constFirst().id);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_splitterPlaced)
        return;
    m_splitterPlaced = true;
    // Keyboard users start in the table; Ctrl+F goes to the search field.
    if (!isWelcomeShown())
        m_ui->jobTable->setFocus(Qt::OtherFocusReason);
    // The shipped split, once the splitter has its real width (a remembered one wins).
    if (m_screenshotMode || m_settings->windowState(WindowStateKey::MainSplitter).isEmpty()) {
        const int total = m_ui->mainSplitter->width();
        const int details = MainWindowSetup::defaultDetailsWidth(
                total, fontMetrics().height(), m_ui->detailsPanel->widthShowingEveryTab());
        m_ui->mainSplitter->setSizes({total - details, details});
    }
}

void MainWindow::restoreLayout()
{
    MainWindowServices::applyDefaultGeometry(*this);
    if (!m_screenshotMode)
        MainWindowSetup::restoreLayout(*this, *m_ui, *m_settings);
}

void MainWindow::saveLayout()
{
    if (m_screenshotMode)
        return;
    MainWindowSetup::saveLayout(*this, *m_ui, *m_settings);
    if (m_session && !m_sessionIsDemo)
        m_settings->setCurrentProfileId(m_session->profile().id);
    m_settings->sync();
}

// --- sessions ----------------------------------------------------------------------------

QString MainWindow::currentProfileId() const
{
    return m_session ? m_session->profile().id : QString();
}

GatewayProfile MainWindow::currentProfile() const
{
    return m_session ? m_session->profile() : GatewayProfile{};
}

bool MainWindow::isDemo() const
{
    return m_session && m_sessionIsDemo;
}

JobMonitor *MainWindow::monitor() const
{
    return m_session ? m_session->monitor() : nullptr;
}

bool MainWindow::isProfileLoaded() const
{
    return m_session && m_session->isLoaded();
}

bool MainWindow::isInitialRefreshDone() const
{
    return m_session && m_session->isInitialRefreshDone();
}

bool MainWindow::startDemo()
{
    if (!m_demo)
        m_demo = new DemoMode(this);
    QString error;
    if (!m_demo->start(&error)) {
        m_lastError = error;
        if (!m_screenshotMode)
            QMessageBox::warning(this, tr("Demo Gateway"), error);
        return false;
    }
    // The demo keeps its jobs and history in memory: nothing of it reaches the user's store.
    if (!m_demoStore)
        m_demoStore = MainWindowServices::createDemoStore(*m_demo, this);
    rebuildProfileSwitcher();
    if (!openSession(m_demo->profile(), true))
        return false;
    m_demo->readResultsWhenLoaded(m_session->monitor());
    return true;
}

bool MainWindow::switchToProfile(const QString &profileId)
{
    if (DemoMode::isDemoProfile(profileId))
        return startDemo();
    if (m_session && m_session->profile().id == profileId)
        return true;
    for (const GatewayProfile &p : m_store->profiles()) {
        if (p.id == profileId)
            return openSession(p, false);
    }
    return false;
}

bool MainWindow::openSession(const GatewayProfile &profile, bool demo)
{
    if (m_session && m_session->profile().id == profile.id)
        return true;
    closeSession();

    ProfileSession::Options options;
    options.store = demo ? m_demoStore : m_storeWorker;
    // The demo needs no key; its profile never reaches the keychain.
    options.secrets = demo ? nullptr : m_secrets;
    options.pollSettings = m_settings->pollSettings();
    options.rememberDetectedRoute = !demo;
    // A team's shared store: this window polls only while it holds the gateway's lease, and
    // otherwise shows what the team's poller commits (issue 15).
    if (!demo && storeengine::isPostgresUrl(m_options.dataDirectory))
        options.sharedStore = m_options.dataDirectory;
    m_session = std::make_unique<ProfileSession>(profile, m_nam, options);
    m_sessionIsDemo = demo;
    ProfileSession *session = m_session.get();
    JobMonitor *monitor = session->monitor();
    // The views first: the model holds a job before the window selects it.
    m_views->attach(session);
    m_actions->setSession(session);
    connect(session, &ProfileSession::loaded, this, &MainWindow::onMonitorLoaded);
    connect(session, &ProfileSession::initialRefreshFinished, this,
            &MainWindow::initialRefreshFinished);
    connect(session, &ProfileSession::keyStateChanged, this, &MainWindow::onKeyStateChanged);
    connect(session, &ProfileSession::sharingChanged, this, &MainWindow::updateStatusBar);
    connect(monitor, &JobMonitor::jobsAdded, this, &MainWindow::onJobsAdded);
    connect(monitor, &JobMonitor::jobsUpdated, this, &MainWindow::updateStatusBar);
    connect(monitor, &JobMonitor::connectionStateChanged, this, &MainWindow::updateStatusBar);
    connect(monitor, &JobMonitor::requestsInFlightChanged, this, &MainWindow::updateStatusBar);
    applyEffectivePause();
    session->start();

    if (!demo && !m_screenshotMode)
        m_settings->setCurrentProfileId(profile.id);
    m_ui->pages->setCurrentWidget(m_ui->monitorPage);
    rebuildProfileSwitcher();
    updateWindowTitle();
    updateActions();
    updateStatusBar();
    return true;
}

void MainWindow::closeSession()
{
    if (!m_session)
        return;
    std::unique_ptr<ProfileSession> session = std::move(m_session);
    m_actions->setSession(nullptr);
    m_views->detach();
    session->monitor()->disconnect(this);
    session->disconnect(this);
}

void MainWindow::showWelcome()
{
    closeSession();
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    rebuildProfileSwitcher();
    updateWindowTitle();
    updateActions();
    updateStatusBar();
}

bool MainWindow::isWelcomeShown() const
{
    return m_ui->pages->currentWidget() == m_ui->welcomePage;
}

void MainWindow::onKeyStateChanged(ProfileSession::KeyState state)
{
    if (!m_session)
        return;
    if (state == ProfileSession::KeyState::Unreadable) {
        showStatusMessage(tr("The key of “%1” could not be read: %2")
                                  .arg(m_session->profile().name, m_session->keyError()));
    }
    updateStatusBar();
}

void MainWindow::applyEffectivePause()
{
    if (!m_session)
        return;
    m_session->setPaused(ProfileSession::PauseReason::User, m_userPaused);
    m_session->setPaused(ProfileSession::PauseReason::Minimised, m_minimisedPause);
    m_ui->offlineBanner->setPollingPaused(m_session->isPaused());
    updateStatusBar();
}

void MainWindow::onMonitorLoaded()
{
    if (!m_session)
        return;
    applyPendingSelection();
    if (!m_ui->jobTable->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_ui->jobTable->selectRow(0);
    updateStatusBar();
    if (lcGui().isInfoEnabled())
        new FirstPaintLogger(m_ui->jobTable->viewport(), m_proxy->rowCount());
    Q_EMIT profileLoaded(m_session->profile().id);
}

void MainWindow::onJobsAdded()
{
    if (m_session && m_session->isLoaded()) {
        applyPendingSelection();
        if (!m_ui->jobTable->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_ui->jobTable->selectRow(0);
    }
    updateStatusBar();
}

void MainWindow::applyPendingSelection()
{
    if (m_pendingSelect.isEmpty() || !m_session || !m_session->isLoaded())
        return;
    if (selectJob(m_pendingSelect))
        m_pendingSelect.clear();
}

// --- selection -----------------------------------------------------------------------------

JobTableView *MainWindow::jobTable() const
{
    return m_ui->jobTable;
}

FilterBar *MainWindow::filterBar() const
{
    return m_ui->filterBar;
}

OfflineBanner *MainWindow::offlineBanner() const
{
    return m_ui->offlineBanner;
}

JobDetailsPanel *MainWindow::detailsPanel() const
{
    return m_ui->detailsPanel;
}

OverviewPage *MainWindow::overviewPage() const
{
    return m_ui->overviewPage;
}

WelcomePanel *MainWindow::welcomePanel() const
{
    return m_ui->welcomePage;
}

QComboBox *MainWindow::profileSwitcher() const
{
    return m_switcher->comboBox();
}

bool MainWindow::selectJob(const QString &text)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return false;
    const QString identifier = m_session ? m_session->findIdentifier(wanted) : QString();
    if (identifier.isEmpty())
        return false;
    if (m_ui->jobTable->rowOf(identifier) < 0) {
        // Hidden by a filter: show everything rather than select nothing.
        m_ui->filterBar->clear();
    }
    showView(QStringLiteral("jobs"));
    if (!m_ui->jobTable->selectIdentifier(identifier))
        return false;
    m_ui->detailsPanel->setCurrentJob(identifier);
    return true;
}

QStringList MainWindow::selectedIdentifiers() const
{
    return m_ui->jobTable->selectedIdentifiers();
}

QString MainWindow::currentIdentifier() const
{
    return m_ui->jobTable->currentIdentifier();
}

bool MainWindow::showDetailsTab(const QString &name)
{
    return m_ui->detailsPanel->setCurrentTab(name);
}

void MainWindow::showView(const QString &name)
{
    const bool overview = name.compare(QStringLiteral("overview"), Qt::CaseInsensitive) == 0;
    m_ui->viewTabs->setCurrentWidget(overview ? m_ui->overviewTab : m_ui->jobsTab);
}

void MainWindow::onCurrentRowChanged()
{
    m_ui->detailsPanel->setCurrentJob(m_ui->jobTable->currentIdentifier());
    updateActions();
}

std::optional<WatchedJob> MainWindow::currentJob() const
{
    if (!m_session)
        return std::nullopt;
    const QString id = currentIdentifier();
    return id.isEmpty() ? std::nullopt : m_session->monitor()->job(id);
}

// --- actions -------------------------------------------------------------------------------

void MainWindow::addJobs()
{
    addJobsFromFiles({});
}

void MainWindow::addJobsFromFiles(const QStringList &paths, int tab)
{
    m_actions->addJobs(paths, tab);
}

void MainWindow::refreshNow()
{
    if (m_actions->refresh())
        updateStatusBar();
}

void MainWindow::setPollingPaused(bool paused)
{
    m_userPaused = paused;
    if (m_ui->actionPause->isChecked() != paused)
        m_ui->actionPause->setChecked(paused);
    m_ui->actionPause->setText(paused ? tr("&Resume Polling") : tr("&Pause Polling"));
    //: Toolbar button: resume or pause polling the gateway
    m_ui->actionPause->setIconText(paused ? tr("Resume") : tr("Pause"));
    updateActionIcons();
    applyEffectivePause();
}

void MainWindow::stopSelectedJobs()
{
    m_actions->stop(selectedIdentifiers());
}

void MainWindow::removeSelectedJobs()
{
    m_actions->remove(selectedIdentifiers());
}

void MainWindow::exportJobs()
{
    QStringList visible;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        visible << m_proxy->index(row, 0).data(JobTableModel::IdentifierRole).toString();
    m_actions->exportJobs(selectedIdentifiers(), visible);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, this);
    dialog.exec();
}

void MainWindow::openProfiles()
{
    const QString lastSaved = MainWindowServices::runProfilesDialog(
            *m_store, m_secrets, m_nam, m_sessionIsDemo ? nullptr : m_session.get(), this,
            [this](const QString &removedId) {
                if (m_session && m_session->profile().id == removedId)
                    closeSession();
            });
    rebuildProfileSwitcher();
    updateWindowTitle();
    if (m_session)
        return;
    const QList<GatewayProfile> profiles = m_store->profiles();
    if (!lastSaved.isEmpty() && switchToProfile(lastSaved))
        return;
    if (!profiles.isEmpty())
        switchToProfile(profiles.constFirst().id);
    else
        showWelcome();
}

void MainWindow::copyRows()
{
    m_ui->jobTable->copySelection();
}

void MainWindow::copyCurrentJobAsJson()
{
    m_actions->copyAsJson(currentIdentifier());
}

void MainWindow::showAbout()
{
    MainWindowServices::showAbout(*m_store, *m_settings, *m_secrets, m_options.dataDirectory, this);
}

void MainWindow::onNotificationClicked(const QString &profileId, const QString &identifier)
{
    if (profileId != currentProfileId())
        switchToProfile(profileId);
    if (!selectJob(identifier))
        m_pendingSelect = identifier;
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

// --- look ----------------------------------------------------------------------------------

void MainWindow::rebuildProfileSwitcher()
{
    m_switcher->rebuild(m_store->profiles(), currentProfileId());
    if (m_statusFields)
        m_statusFields->indicator()->refresh();
}

void MainWindow::updateWindowTitle()
{
    if (m_session)
        setWindowTitle(tr("%1 — batchwatch").arg(m_session->profile().name));
    else
        setWindowTitle(tr("batchwatch"));
}

void MainWindow::updateActions()
{
    MainWindowSetup::ActionState state;
    state.session = m_session.get();
    state.selected = selectedIdentifiers();
    state.hasJobs = m_model->rowCount() > 0;
    state.hasCurrent = !currentIdentifier().isEmpty();
    MainWindowSetup::updateActions(*m_ui, state);
}

QString MainWindow::connectionText() const
{
    return m_statusFields->connectionText();
}

QString MainWindow::countsText() const
{
    return m_statusFields->countsText();
}

void MainWindow::updateStatusBar()
{
    m_statusFields->update(m_session.get(), *m_proxy, m_model->rowCount());
}

void MainWindow::tick()
{
    m_ticking = true;
    m_model->tick();
    m_ticking = false;
    updateStatusBar();
    const int interval = needsSecondTicks() ? kActiveTickMs : kIdleTickMs;
    if (m_tickTimer.interval() != interval)
        m_tickTimer.setInterval(interval);
}

bool MainWindow::needsSecondTicks() const
{
    if (m_session && m_session->monitor()->nextPollAt().isValid())
        return true; // "Next poll in 12 s"
    const QDateTime recent = QDateTime::currentDateTimeUtc().addSecs(-120);
    for (int row = 0, rows = m_model->rowCount(); row < rows; ++row) {
        const QModelIndex index = m_model->index(row, JobTableModel::StatusColumn);
        if (!index.data(JobTableModel::IsTerminalRole).toBool())
            return true;
        const QDateTime submitted = m_model->index(row, JobTableModel::SubmittedColumn)
                                            .data(JobTableModel::SubmitTimeRole)
                                            .toDateTime();
        if (submitted.isValid() && submitted > recent)
            return true;
    }
    return false;
}

void MainWindow::wakeTicks()
{
    if (m_ticking || m_tickTimer.interval() == kActiveTickMs)
        return;
    m_tickTimer.start(kActiveTickMs);
}

void MainWindow::showStatusMessage(const QString &text)
{
    statusBar()->showMessage(text, 5000);
}

// --- events --------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    switch (event->type()) {
    case QEvent::WindowStateChange: {
        const bool pause = isMinimized() && m_settings->pauseWhenMinimised();
        if (pause != m_minimisedPause) {
            m_minimisedPause = pause;
            applyEffectivePause();
        }
        const QSignalBlocker blocker(m_ui->actionFullScreen);
        m_ui->actionFullScreen->setChecked(isFullScreen());
        break;
    }
    case QEvent::PaletteChange:
        updateActionIcons();
        break;
    default:
        break;
    }
}

} // namespace bw
