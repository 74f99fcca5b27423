#pragma once

#include "tracking/pollpolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QLatin1StringView>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <chrono>
#include <memory>
#include <optional>

class QSettings;

namespace bw {

enum class Theme { System, Light, Dark, HighContrast };

// What the user can be notified about (PRODUCT.md §4 "Notifications").
enum class NotificationEvent {
    Completed,
    PartiallyCompleted,
    Failed,
    Stopped,
    Expired,
    ExpiryWarning, // a queued job is within the expiry warning threshold of jobExpirationTime
};
inline constexpr int NotificationEventCount = 6;

// Saved window layout pieces; the GUI owns what the bytes mean (saveGeometry/saveState...).
enum class WindowStateKey {
    MainWindowGeometry,
    MainWindowState,    // docks and toolbars
    MainSplitter,       // table | details
    JobTableHeader,     // column order, widths, hidden columns, sort
    HistoryTableHeader, // details panel, History tab
    OverviewSplitter,
};
inline constexpr int WindowStateKeyCount = 6;

// The filter bar, restored at start-up.
struct FilterState
{
    QStringList statusGroups; // Status::groupKey() values; empty = all
    QString text;
    bool activeOnly = false;
    QDateTime submittedFrom; // invalid = open
    QDateTime submittedTo;
    friend bool operator==(const FilterState &, const FilterState &) = default;
};

// Every settings key of the project, declared once. Values live in QSettings (native format
// for the application, or an INI file given by path). SECRETS NEVER GO HERE: gateway keys
// live in the keychain (SecretStore); profiles live in the database.
namespace SettingsKey {
inline constexpr QLatin1StringView RunningInterval{"polling/runningIntervalSeconds"};
inline constexpr QLatin1StringView QueuedInterval{"polling/queuedIntervalSeconds"};
inline constexpr QLatin1StringView ScheduledInterval{"polling/scheduledIntervalSeconds"};
inline constexpr QLatin1StringView UnknownInterval{"polling/unknownIntervalSeconds"};
inline constexpr QLatin1StringView BackoffCap{"polling/backoffCapSeconds"};
inline constexpr QLatin1StringView BackoffInitial{"polling/backoffInitialMilliseconds"};
inline constexpr QLatin1StringView MinimumJobInterval{"polling/minimumJobIntervalMilliseconds"};
inline constexpr QLatin1StringView MaxConcurrentRequests{"polling/maxConcurrentRequests"};
inline constexpr QLatin1StringView PauseWhenMinimised{"polling/pauseWhenMinimised"};
inline constexpr QLatin1StringView NotifyCompleted{"notifications/completed"};
inline constexpr QLatin1StringView NotifyPartiallyCompleted{"notifications/partiallyCompleted"};
inline constexpr QLatin1StringView NotifyFailed{"notifications/failed"};
inline constexpr QLatin1StringView NotifyStopped{"notifications/stopped"};
inline constexpr QLatin1StringView NotifyExpired{"notifications/expired"};
inline constexpr QLatin1StringView NotifyExpiryWarning{"notifications/expiryWarning"};
inline constexpr QLatin1StringView ExpiryWarningMinutes{"alerts/expiryWarningMinutes"};
inline constexpr QLatin1StringView Theme{"appearance/theme"};
inline constexpr QLatin1StringView HistoryRetentionDays{"history/retentionDays"};
inline constexpr QLatin1StringView MainWindowGeometry{"window/geometry"};
inline constexpr QLatin1StringView MainWindowState{"window/state"};
inline constexpr QLatin1StringView MainSplitter{"window/mainSplitter"};
inline constexpr QLatin1StringView JobTableHeader{"window/jobTableHeader"};
inline constexpr QLatin1StringView HistoryTableHeader{"window/historyTableHeader"};
inline constexpr QLatin1StringView OverviewSplitter{"window/overviewSplitter"};
inline constexpr QLatin1StringView DetailsTab{"window/detailsTab"};
inline constexpr QLatin1StringView OverviewGanttRange{"window/overviewGanttRange"};
inline constexpr QLatin1StringView FilterStatusGroups{"filters/statusGroups"};
inline constexpr QLatin1StringView FilterText{"filters/text"};
inline constexpr QLatin1StringView FilterActiveOnly{"filters/activeOnly"};
inline constexpr QLatin1StringView FilterSubmittedFrom{"filters/submittedFrom"};
inline constexpr QLatin1StringView FilterSubmittedTo{"filters/submittedTo"};
inline constexpr QLatin1StringView CurrentProfile{"session/currentProfileId"};
inline constexpr QLatin1StringView LastExportDirectory{"session/lastExportDirectory"};
inline constexpr QLatin1StringView LastImportDirectory{"session/lastImportDirectory"};
} // namespace SettingsKey

// Typed access to the user's settings: each getter returns a valid value (the default when the
// stored one is missing, of the wrong type or out of range — clamped when merely out of
// range), each setter stores a value the getter will return unchanged (setters clamp too).
//
// One instance per process, created by main() and handed to whoever needs it, so that the
// change signals reach everyone. Use from one thread.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    // Ranges the settings dialog offers, enforced here.
    static constexpr int MinIntervalSeconds = 1;
    static constexpr int MaxIntervalSeconds = 3600;
    static constexpr int MinBackoffCapSeconds = 5;
    static constexpr int MaxBackoffCapSeconds = 3600;
    static constexpr int MinBackoffInitialMs = 50;
    static constexpr int MaxBackoffInitialMs = 60'000;
    static constexpr int MinMinimumJobIntervalMs = 100; // PollPolicy's hard floor
    static constexpr int MaxMinimumJobIntervalMs = 3'600'000;
    static constexpr int MinConcurrency = 1;
    static constexpr int MaxConcurrency = 16;
    static constexpr int MaxExpiryWarningMinutes = 7 * 24 * 60;
    static constexpr int MaxHistoryRetentionDays = 3650;

    // The application's settings, in the platform's native format, under AppIdentity's
    // organisation and application names whatever the process is called: the app and
    // batchwatch-cli read and write the same file.
    explicit AppSettings(QObject *parent = nullptr);
    // An INI file (tests, the CLI's --config).
    explicit AppSettings(const QString &iniFile, QObject *parent = nullptr);
    ~AppSettings() override;

    // Every key above, for tests and diagnostics.
    static QStringList allKeys();
    QString fileName() const;
    void sync();

    // --- polling ---------------------------------------------------------------------------
    int runningIntervalSeconds() const;   // InProgress, Stopping; default 15
    int queuedIntervalSeconds() const;    // Submitted, Validating; default 30
    int scheduledIntervalSeconds() const; // Scheduled; default 60
    int unknownIntervalSeconds() const;   // unknown status; default 30
    int backoffCapSeconds() const;        // default 300
    // The first retry after a failure (doubling from there up to the cap); default 5000. Not in
    // the settings dialog: for slow or flaky networks, and for tests that go through faults.
    int backoffInitialMilliseconds() const;
    // The floor between two fetches of one job, whatever else says (PollSettings::
    // minimumJobInterval); default 5000. Not in the settings dialog: for tests and gateways
    // that allow more.
    int minimumJobIntervalMilliseconds() const;
    int maxConcurrentRequests() const; // default 4
    bool pauseWhenMinimised() const;   // default false
    void setRunningIntervalSeconds(int seconds);
    void setQueuedIntervalSeconds(int seconds);
    void setScheduledIntervalSeconds(int seconds);
    void setUnknownIntervalSeconds(int seconds);
    void setBackoffCapSeconds(int seconds);
    void setBackoffInitialMilliseconds(int ms);
    void setMinimumJobIntervalMilliseconds(int ms);
    void setMaxConcurrentRequests(int count);
    void setPauseWhenMinimised(bool pause);

    // The settings above as a PollSettings (everything else at PollSettings' defaults).
    PollSettings pollSettings() const;

    // --- notifications and alerts ----------------------------------------------------------
    bool notifies(NotificationEvent event) const; // default: all on
    void setNotifies(NotificationEvent event, bool on);
    static QLatin1StringView notificationKey(NotificationEvent event);
    std::chrono::minutes expiryWarningThreshold() const; // default 6 h; 0 = never warn
    void setExpiryWarningThreshold(std::chrono::minutes threshold);

    // --- appearance and history ------------------------------------------------------------
    bw::Theme theme() const; // default System
    void setTheme(bw::Theme theme);
    static QString themeKey(bw::Theme theme); // "system", "light", "dark", "high-contrast"
    static std::optional<bw::Theme> themeFromKey(const QString &key);
    int historyRetentionDays() const; // default 90; 0 = keep forever
    void setHistoryRetentionDays(int days);

    // --- window and session state ----------------------------------------------------------
    QByteArray windowState(WindowStateKey which) const; // empty when never saved
    void setWindowState(WindowStateKey which, const QByteArray &state);
    static QLatin1StringView windowStateKey(WindowStateKey which);
    int detailsTab() const; // default 0
    void setDetailsTab(int index);
    // The overview Gantt's time range, one of overviewGanttRanges(): "recent" (the default,
    // also for anything else stored), "day", "week" or "all". A setter given anything else
    // stores nothing.
    QString overviewGanttRange() const;
    void setOverviewGanttRange(const QString &range);
    static QStringList overviewGanttRanges();
    FilterState filterState() const;
    void setFilterState(const FilterState &filters);
    QString currentProfileId() const;
    void setCurrentProfileId(const QString &id);
    QString lastExportDirectory() const;
    void setLastExportDirectory(const QString &dir);
    QString lastImportDirectory() const;
    void setLastImportDirectory(const QString &dir);

Q_SIGNALS:
    // After a setter changed a stored value.
    void changed(const QString &key);
    // After any polling setting changed: re-read pollSettings().
    void pollSettingsChanged();
    void themeChanged(bw::Theme theme);

private:
    int readInt(QLatin1StringView key, int fallback, int min, int max) const;
    bool readBool(QLatin1StringView key, bool fallback) const;
    QString readString(QLatin1StringView key) const;
    void write(QLatin1StringView key, const QVariant &value);
    void writeInt(QLatin1StringView key, int value, int min, int max);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::Theme)
