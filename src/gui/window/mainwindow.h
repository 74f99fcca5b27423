#pragma once

#include "common/appsettings.h"
#include "tracking/profilesession.h"
#include "window/launchoptions.h"
#include "wire/gatewayprofile.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Ui {
class MainWindow;
}

namespace bw {

class DemoMode;
class FilterBar;
class GatewayClient;
class JobDetailsPanel;
class JobFilterProxyModel;
class JobStore;
class JobTableModel;
class JobTableView;
class NotificationCenter;
class Notifier;
class OfflineBanner;
class OverviewPage;
class ProfileSwitcher;
class SecretStore;
class SessionViews;
class StatusBarFields;
class StoreWorker;
class WatchListActions;
class WelcomePanel;

// The batchwatch main window (PRODUCT.md §2): toolbar with the profile switcher, the filter
// bar, the offline banner, the job table beside the details panel, the overview page, the
// status bar, and every action in the menus.
//
// Composition: the window opens the local store in LaunchOptions::dataDirectory (default
// AppDataLocation) — a JobStore on this thread for profiles, a StoreWorker for the monitors —
// and runs ONE ProfileSession at a time, for the current profile, on the process's one
// QNetworkAccessManager (not owned; must outlive the window). The session owns the client, the
// monitor, the key, pause arbitration, first-refresh tracking and the one progress-sample feed;
// the window wires it to the views. A profile's last-known rows are shown from the store
// before any request is made, then polling starts; a profile that needs a key is held until
// the SecretStore answered, and one whose key is not stored says so in the banner ("Enter
// Key…") and sends nothing. What the window is made of are small classes with one job each:
// SessionViews (the session → the table model, details panel, Overview page, banner and
// notifications), WatchListActions (what Add, Refresh, Stop, Remove, Export and Copy as JSON
// do), ProfileSwitcher, StatusBarFields and ConnectionIndicator, JobFileDrop, and
// MainWindowSetup / MainWindowServices (actions, layout, dialogs that need no window state).
//
// Start-up, from LaunchOptions: --demo starts demo mode (DemoMode: the in-process simulated
// gateway with a temporary, never stored profile and an in-memory store); --demo-if-unconfigured
// does so only when no profile is stored, and otherwise opens the last used profile; without a
// profile at all the welcome panel shows. --select and --tab choose the job and the details
// tab once the profile is loaded; --size sets the window size. With --screenshot the window
// neither restores nor saves any layout or filter (the picture is reproducible) and sends no
// desktop notifications; Screenshot does the rest.
//
// Remembered through AppSettings: geometry and window state, splitter, table header (order,
// widths, hidden columns, sort), the details panel's state, filters and the current profile.
// Settings apply live: poll intervals, expiry threshold, theme.
//
// Signals: profileLoaded() once a profile's stored rows are in the table (before any network
// answer); initialRefreshFinished() once every job that is still polled has been answered once
// (successfully or not) since the profile was opened — at once when there is none.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Collaborators a caller may supply (tests); none is owned. A null member is created by the
    // window: AppSettings() (the application's settings), createDefaultSecretStore(), a
    // TrayNotifier.
    struct Services
    {
        AppSettings *settings = nullptr;
        SecretStore *secrets = nullptr;
        Notifier *notifier = nullptr;
    };

    MainWindow(const LaunchOptions &options, QNetworkAccessManager *nam, QWidget *parent = nullptr);
    MainWindow(const LaunchOptions &options, QNetworkAccessManager *nam, const Services &services,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    const LaunchOptions &launchOptions() const { return m_options; }
    AppSettings *settings() const { return m_settings; }
    JobStore *store() const { return m_store.get(); }

    // --- the current profile ------------------------------------------------------------
    QString currentProfileId() const;
    GatewayProfile currentProfile() const;
    bool hasProfile() const { return m_session != nullptr; }
    // The current profile's session; null without a profile.
    ProfileSession *session() const { return m_session.get(); }
    bool isDemo() const;
    JobMonitor *monitor() const;
    DemoMode *demoMode() const { return m_demo; }
    bool isProfileLoaded() const;
    bool isInitialRefreshDone() const;
    // Why the last profile could not be opened, or the store not read; empty when all is well.
    QString lastError() const { return m_lastError; }

    // --- what is shown --------------------------------------------------------------------
    JobTableModel *jobModel() const { return m_model; }
    JobFilterProxyModel *proxyModel() const { return m_proxy; }
    JobTableView *jobTable() const;
    FilterBar *filterBar() const;
    OfflineBanner *offlineBanner() const;
    JobDetailsPanel *detailsPanel() const;
    OverviewPage *overviewPage() const;
    WelcomePanel *welcomePanel() const;
    bool isWelcomeShown() const;
    QComboBox *profileSwitcher() const;
    // Texts of the status bar fields, for tests and accessibility.
    QString connectionText() const;
    QString countsText() const;

    // Selects the job whose identifier, jobArn, short id or job name is `text` (clearing
    // filters that hide it) and shows it in the details panel. False when no watched job
    // matches.
    bool selectJob(const QString &text);
    QStringList selectedIdentifiers() const;
    QString currentIdentifier() const;
    // A details tab by name (LaunchOptions::tabNames()); false for an unknown name.
    bool showDetailsTab(const QString &name);
    // "jobs" or "overview".
    void showView(const QString &name);

public Q_SLOTS:
    // Starts the demo gateway (once) and switches to its profile. False when it cannot start.
    bool startDemo();
    // Opens a stored profile (or the demo's id). False when there is no such profile.
    bool switchToProfile(const QString &profileId);

    void addJobs();
    // Opens the Add Jobs dialog with these files' identifiers filled in (drag and drop).
    void addJobsFromFiles(const QStringList &paths, int tab = 0); // 0: AddJobsDialog::PasteTab
    // Fetches every job that is still polled, now (the in-flight cap still applies).
    void refreshNow();
    void setPollingPaused(bool paused);
    void stopSelectedJobs();
    void removeSelectedJobs();
    void exportJobs();
    void openSettings();
    void openProfiles();
    void copyRows();
    void copyCurrentJobAsJson();
    void showAbout();

Q_SIGNALS:
    void profileLoaded(const QString &profileId);
    void initialRefreshFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setUpActions();
    void updateActionIcons();
    void setUpStatusBar();
    void setUpModels();
    void setUpNotifications();
    void openStore();
    void chooseStartProfile();
    void restoreLayout();
    void saveLayout();

    bool openSession(const GatewayProfile &profile, bool demo);
    void closeSession();
    void showWelcome();
    void onMonitorLoaded();
    void onJobsAdded();
    void onKeyStateChanged(ProfileSession::KeyState state);
    void applyEffectivePause();
    void applyPendingSelection();

    void rebuildProfileSwitcher();
    void updateActions();
    void updateStatusBar();
    void updateWindowTitle();
    void tick();
    // Whether anything shown changes from one second to the next: an active job (elapsed
    // time, ETA, expiry), a poll countdown, or a job submitted within the last two minutes
    // ("40 s ago"). When nothing does, the table is updated once a minute.
    bool needsSecondTicks() const;
    void wakeTicks();
    void showStatusMessage(const QString &text);
    void onNotificationClicked(const QString &profileId, const QString &identifier);
    void onCurrentRowChanged();

    std::optional<WatchedJob> currentJob() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    LaunchOptions m_options;
    QNetworkAccessManager *m_nam = nullptr;
    bool m_screenshotMode = false;

    AppSettings *m_settings = nullptr;
    std::unique_ptr<AppSettings> m_ownSettings;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<SecretStore> m_ownSecrets;
    Notifier *m_notifier = nullptr;
    NotificationCenter *m_notifications = nullptr;

    std::unique_ptr<JobStore> m_store;
    StoreWorker *m_storeWorker = nullptr;
    DemoMode *m_demo = nullptr;
    StoreWorker *m_demoStore = nullptr;

    JobTableModel *m_model = nullptr;
    JobFilterProxyModel *m_proxy = nullptr;

    std::unique_ptr<ProfileSession> m_session;
    bool m_sessionIsDemo = false;

    ProfileSwitcher *m_switcher = nullptr;
    WatchListActions *m_actions = nullptr;
    SessionViews *m_views = nullptr;
    StatusBarFields *m_statusFields = nullptr;

    QTimer m_tickTimer;
    bool m_ticking = false; // the model is being ticked (its own dataChanged wakes nothing)
    bool m_userPaused = false;
    bool m_minimisedPause = false;
    QString m_pendingSelect;
    QString m_lastError;
    bool m_splitterPlaced = false;
};

} // namespace bw
