#include "common/appsettings.h"

#include "common/appidentity.h"
#include "domain/jobstatus.h"

#include <QSettings>

#include <algorithm>

namespace bw {

namespace {

constexpr int kDefaultRunning = 15;
constexpr int kDefaultQueued = 30;
constexpr int kDefaultScheduled = 60;
constexpr int kDefaultUnknown = 30;
constexpr int kDefaultBackoffCap = 300;
constexpr int kDefaultBackoffInitialMs = 5000;
constexpr int kDefaultMinimumJobIntervalMs = 5000;
constexpr int kDefaultConcurrent = 4;
constexpr int kDefaultExpiryWarningMinutes = 6 * 60;
constexpr int kDefaultRetentionDays = 90;

QString key(QLatin1StringView k)
{
    return QString(k);
}

QString dateToText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime textToDate(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

// INI files give back strings: compare as what was written, not by QVariant type.
bool sameStored(const QVariant &stored, const QVariant &value)
{
    if (!stored.isValid())
        return false;
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return stored.toByteArray() == value.toByteArray();
    case QMetaType::QStringList:
        return stored.toStringList() == value.toStringList();
    default:
        return stored.toString() == value.toString();
    }
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(QSettings::NativeFormat, QSettings::UserScope,
                               QString(AppIdentity::OrganizationName),
                               QString(AppIdentity::ApplicationName)))
{}

AppSettings::AppSettings(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(iniFile, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QStringList AppSettings::allKeys()
{
    using namespace SettingsKey;
    const QLatin1StringView keys[] = {
            RunningInterval,      QueuedInterval,       ScheduledInterval,
            UnknownInterval,      BackoffCap,           SettingsKey::MaxConcurrentRequests,
            PauseWhenMinimised,   NotifyCompleted,      NotifyPartiallyCompleted,
            NotifyFailed,         NotifyStopped,        NotifyExpired,
            NotifyExpiryWarning,  ExpiryWarningMinutes, SettingsKey::Theme,
            HistoryRetentionDays, MainWindowGeometry,   MainWindowState,
            MainSplitter,         JobTableHeader,       HistoryTableHeader,
            OverviewSplitter,     DetailsTab,           FilterStatusGroups,
            FilterText,           FilterActiveOnly,     FilterSubmittedFrom,
            FilterSubmittedTo,    CurrentProfile,       LastExportDirectory,
            LastImportDirectory,  OverviewGanttRange,   BackoffInitial,
            MinimumJobInterval,
    };
    QStringList out;
    for (QLatin1StringView k : keys)
        out.append(QString(k));
    return out;
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::sync()
{
    m_settings->sync();
}

// --- primitives --------------------------------------------------------------------------

int AppSettings::readInt(QLatin1StringView k, int fallback, int min, int max) const
{
    const QVariant v = m_settings->value(key(k));
    if (!v.isValid())
        return fallback;
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    if (!ok)
        return fallback;
    return int(std::clamp<qlonglong>(n, min, max));
}

bool AppSettings::readBool(QLatin1StringView k, bool fallback) const
{
    const QVariant v = m_settings->value(key(k));
    if (!v.isValid())
        return fallback;
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    // INI files give strings; QVariant would call any non-empty text "true".
    const QString text = v.toString().trimmed().toLower();
    if (text == u"true" || text == u"1")
        return true;
    if (text == u"false" || text == u"0")
        return false;
    return fallback;
}

QString AppSettings::readString(QLatin1StringView k) const
{
    const QVariant v = m_settings->value(key(k));
    return v.canConvert<QString>() ? v.toString() : QString();
}

void AppSettings::write(QLatin1StringView k, const QVariant &value)
{
    const QString name = key(k);
    if (sameStored(m_settings->value(name), value))
        return;
    m_settings->setValue(name, value);
    Q_EMIT changed(name);
    if (name.startsWith(u"polling/"))
        Q_EMIT pollSettingsChanged();
}

void AppSettings::writeInt(QLatin1StringView k, int value, int min, int max)
{
    write(k, std::clamp(value, min, max));
}

// --- polling -----------------------------------------------------------------------------

int AppSettings::runningIntervalSeconds() const
{
    return readInt(SettingsKey::RunningInterval, kDefaultRunning, MinIntervalSeconds,
                   MaxIntervalSeconds);
}

int AppSettings::queuedIntervalSeconds() const
{
    return readInt(SettingsKey::QueuedInterval, kDefaultQueued, MinIntervalSeconds,
                   MaxIntervalSeconds);
}

int AppSettings::scheduledIntervalSeconds() const
{
    return readInt(SettingsKey::ScheduledInterval, kDefaultScheduled, MinIntervalSeconds,
                   MaxIntervalSeconds);
}

int AppSettings::unknownIntervalSeconds() const
{
    return readInt(SettingsKey::UnknownInterval, kDefaultUnknown, MinIntervalSeconds,
                   MaxIntervalSeconds);
}

int AppSettings::backoffCapSeconds() const
{
    return readInt(SettingsKey::BackoffCap, kDefaultBackoffCap, MinBackoffCapSeconds,
                   MaxBackoffCapSeconds);
}

int AppSettings::backoffInitialMilliseconds() const
{
    return readInt(SettingsKey::BackoffInitial, kDefaultBackoffInitialMs, MinBackoffInitialMs,
                   MaxBackoffInitialMs);
}

int AppSettings::minimumJobIntervalMilliseconds() const
{
    return readInt(SettingsKey::MinimumJobInterval, kDefaultMinimumJobIntervalMs,
                   MinMinimumJobIntervalMs, MaxMinimumJobIntervalMs);
}

void AppSettings::setMinimumJobIntervalMilliseconds(int ms)
{
    writeInt(SettingsKey::MinimumJobInterval, ms, MinMinimumJobIntervalMs, MaxMinimumJobIntervalMs);
}

int AppSettings::maxConcurrentRequests() const
{
    return readInt(SettingsKey::MaxConcurrentRequests, kDefaultConcurrent, MinConcurrency,
                   MaxConcurrency);
}

bool AppSettings::pauseWhenMinimised() const
{
    return readBool(SettingsKey::PauseWhenMinimised, false);
}

void AppSettings::setRunningIntervalSeconds(int seconds)
{
    writeInt(SettingsKey::RunningInterval, seconds, MinIntervalSeconds, MaxIntervalSeconds);
}

void AppSettings::setQueuedIntervalSeconds(int seconds)
{
    writeInt(SettingsKey::QueuedInterval, seconds, MinIntervalSeconds, MaxIntervalSeconds);
}

void AppSettings::setScheduledIntervalSeconds(int seconds)
{
    writeInt(SettingsKey::ScheduledInterval, seconds, MinIntervalSeconds, MaxIntervalSeconds);
}

void AppSettings::setUnknownIntervalSeconds(int seconds)
{
    writeInt(SettingsKey::UnknownInterval, seconds, MinIntervalSeconds, MaxIntervalSeconds);
}

void AppSettings::setBackoffCapSeconds(int seconds)
{
    writeInt(SettingsKey::BackoffCap, seconds, MinBackoffCapSeconds, MaxBackoffCapSeconds);
}

void AppSettings::setBackoffInitialMilliseconds(int ms)
{
    writeInt(SettingsKey::BackoffInitial, ms, MinBackoffInitialMs, MaxBackoffInitialMs);
}

void AppSettings::setMaxConcurrentRequests(int count)
{
    writeInt(SettingsKey::MaxConcurrentRequests, count, MinConcurrency, MaxConcurrency);
}

void AppSettings::setPauseWhenMinimised(bool pause)
{
    write(SettingsKey::PauseWhenMinimised, pause);
}

PollSettings AppSettings::pollSettings() const
{
    using std::chrono::seconds;
    PollSettings s;
    s.runningInterval = seconds(runningIntervalSeconds());
    s.queuedInterval = seconds(queuedIntervalSeconds());
    s.scheduledInterval = seconds(scheduledIntervalSeconds());
    s.unknownInterval = seconds(unknownIntervalSeconds());
    s.backoffCap = seconds(backoffCapSeconds());
    s.backoffInitial = std::min<Millis>(Millis(backoffInitialMilliseconds()), s.backoffCap);
    s.maxInFlight = maxConcurrentRequests();
    s.minimumJobInterval = Millis(minimumJobIntervalMilliseconds());
    return s;
}

// --- notifications -----------------------------------------------------------------------

QLatin1StringView AppSettings::notificationKey(NotificationEvent event)
{
    switch (event) {
    case NotificationEvent::Completed:
        return SettingsKey::NotifyCompleted;
    case NotificationEvent::PartiallyCompleted:
        return SettingsKey::NotifyPartiallyCompleted;
    case NotificationEvent::Failed:
        return SettingsKey::NotifyFailed;
    case NotificationEvent::Stopped:
        return SettingsKey::NotifyStopped;
    case NotificationEvent::Expired:
        return SettingsKey::NotifyExpired;
    case NotificationEvent::ExpiryWarning:
        break;
    }
    return SettingsKey::NotifyExpiryWarning;
}

bool AppSettings::notifies(NotificationEvent event) const
{
    return readBool(notificationKey(event), true);
}

void AppSettings::setNotifies(NotificationEvent event, bool on)
{
    write(notificationKey(event), on);
}

std::chrono::minutes AppSettings::expiryWarningThreshold() const
{
    return std::chrono::minutes(readInt(SettingsKey::ExpiryWarningMinutes,
                                        kDefaultExpiryWarningMinutes, 0, MaxExpiryWarningMinutes));
}

void AppSettings::setExpiryWarningThreshold(std::chrono::minutes threshold)
{
    writeInt(SettingsKey::ExpiryWarningMinutes,
             int(std::clamp<qint64>(threshold.count(), 0, MaxExpiryWarningMinutes)), 0,
             MaxExpiryWarningMinutes);
}

// --- appearance and history --------------------------------------------------------------

QString AppSettings::themeKey(bw::Theme theme)
{
    switch (theme) {
    case bw::Theme::System:
        break;
    case bw::Theme::Light:
        return QStringLiteral("light");
    case bw::Theme::Dark:
        return QStringLiteral("dark");
    case bw::Theme::HighContrast:
        return QStringLiteral("high-contrast");
    }
    return QStringLiteral("system");
}

std::optional<bw::Theme> AppSettings::themeFromKey(const QString &text)
{
    const QString k = text.trimmed().toLower();
    if (k == u"system")
        return bw::Theme::System;
    if (k == u"light")
        return bw::Theme::Light;
    if (k == u"dark")
        return bw::Theme::Dark;
    if (k == u"high-contrast")
        return bw::Theme::HighContrast;
    return std::nullopt;
}

bw::Theme AppSettings::theme() const
{
    return themeFromKey(readString(SettingsKey::Theme)).value_or(bw::Theme::System);
}

void AppSettings::setTheme(bw::Theme theme)
{
    const bw::Theme before = this->theme();
    write(SettingsKey::Theme, themeKey(theme));
    if (before != theme)
        Q_EMIT themeChanged(theme);
}

int AppSettings::historyRetentionDays() const
{
    return readInt(SettingsKey::HistoryRetentionDays, kDefaultRetentionDays, 0,
                   MaxHistoryRetentionDays);
}

void AppSettings::setHistoryRetentionDays(int days)
{
    writeInt(SettingsKey::HistoryRetentionDays, days, 0, MaxHistoryRetentionDays);
}

// --- window and session state ------------------------------------------------------------

QLatin1StringView AppSettings::windowStateKey(WindowStateKey which)
{
    switch (which) {
    case WindowStateKey::MainWindowGeometry:
        return SettingsKey::MainWindowGeometry;
    case WindowStateKey::MainWindowState:
        return SettingsKey::MainWindowState;
    case WindowStateKey::MainSplitter:
        return SettingsKey::MainSplitter;
    case WindowStateKey::JobTableHeader:
        return SettingsKey::JobTableHeader;
    case WindowStateKey::HistoryTableHeader:
        return SettingsKey::HistoryTableHeader;
    case WindowStateKey::OverviewSplitter:
        break;
    }
    return SettingsKey::OverviewSplitter;
}

QByteArray AppSettings::windowState(WindowStateKey which) const
{
    return m_settings->value(key(windowStateKey(which))).toByteArray();
}

void AppSettings::setWindowState(WindowStateKey which, const QByteArray &state)
{
    write(windowStateKey(which), state);
}

int AppSettings::detailsTab() const
{
    return readInt(SettingsKey::DetailsTab, 0, 0, 64);
}

void AppSettings::setDetailsTab(int index)
{
    writeInt(SettingsKey::DetailsTab, index, 0, 64);
}

FilterState AppSettings::filterState() const
{
    FilterState f;
    const QStringList groups
            = m_settings->value(key(SettingsKey::FilterStatusGroups)).toStringList();
    QStringList known;
    for (int g = 0; g < StatusGroupCount; ++g)
        known.append(Status::groupKey(static_cast<StatusGroup>(g)));
    for (const QString &g : groups) {
        if (known.contains(g) && !f.statusGroups.contains(g))
            f.statusGroups.append(g);
    }
    f.text = readString(SettingsKey::FilterText);
    f.activeOnly = readBool(SettingsKey::FilterActiveOnly, false);
    f.submittedFrom = textToDate(readString(SettingsKey::FilterSubmittedFrom));
    f.submittedTo = textToDate(readString(SettingsKey::FilterSubmittedTo));
    return f;
}

void AppSettings::setFilterState(const FilterState &filters)
{
    write(SettingsKey::FilterStatusGroups, filters.statusGroups);
    write(SettingsKey::FilterText, filters.text);
    write(SettingsKey::FilterActiveOnly, filters.activeOnly);
    write(SettingsKey::FilterSubmittedFrom, dateToText(filters.submittedFrom));
    write(SettingsKey::FilterSubmittedTo, dateToText(filters.submittedTo));
}

QStringList AppSettings::overviewGanttRanges()
{
    return {QStringLiteral("recent"), QStringLiteral("day"), QStringLiteral("week"),
            QStringLiteral("all")};
}

QString AppSettings::overviewGanttRange() const
{
    const QString stored = readString(SettingsKey::OverviewGanttRange);
    return overviewGanttRanges().contains(stored) ? stored : overviewGanttRanges().constFirst();
}

void AppSettings::setOverviewGanttRange(const QString &range)
{
    if (overviewGanttRanges().contains(range))
        write(SettingsKey::OverviewGanttRange, range);
}

QString AppSettings::currentProfileId() const
{
    return readString(SettingsKey::CurrentProfile);
}

void AppSettings::setCurrentProfileId(const QString &id)
{
    write(SettingsKey::CurrentProfile, id);
}

QString AppSettings::lastExportDirectory() const
{
    return readString(SettingsKey::LastExportDirectory);
}

void AppSettings::setLastExportDirectory(const QString &dir)
{
    write(SettingsKey::LastExportDirectory, dir);
}

QString AppSettings::lastImportDirectory() const
{
    return readString(SettingsKey::LastImportDirectory);
}

void AppSettings::setLastImportDirectory(const QString &dir)
{
    write(SettingsKey::LastImportDirectory, dir);
}

} // namespace bw
