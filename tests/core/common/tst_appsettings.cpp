#include "common/appsettings.h"

#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;
using namespace std::chrono_literals;

class tst_AppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void defaultsMatchTheProduct();
    void pollSettingsCarryTheUserIntervals();
    void valuesSurviveARestart();
    void clampsOutOfRangeValues_data();
    void clampsOutOfRangeValues();
    void ignoresGarbageInTheFile();
    void notificationsAreSwitchedPerEvent();
    void themeRoundTripsThroughItsKey();
    void windowStateIsKeptPerPiece();
    void filterStateRoundTripsAndDropsUnknownGroups();
    void announcesChangesOnlyWhenAValueChanges();
    void keysAreUniqueAndNoneHoldsASecret();
    void overviewGanttRangeFallsBackToRecent();

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    QTemporaryDir m_dir;
};

void tst_AppSettings::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(iniPath());
}

void tst_AppSettings::defaultsMatchTheProduct()
{
    AppSettings s(iniPath());
    QCOMPARE(s.runningIntervalSeconds(), 15);
    QCOMPARE(s.queuedIntervalSeconds(), 30);
    QCOMPARE(s.scheduledIntervalSeconds(), 60);
    QCOMPARE(s.unknownIntervalSeconds(), 30);
    QCOMPARE(s.backoffCapSeconds(), 300);
    QCOMPARE(s.maxConcurrentRequests(), 4);
    QCOMPARE(s.pauseWhenMinimised(), false);
    QCOMPARE(s.expiryWarningThreshold(), 6h);
    QCOMPARE(s.theme(), Theme::System);
    QCOMPARE(s.historyRetentionDays(), 90);
    for (int e = 0; e < NotificationEventCount; ++e)
        QVERIFY(s.notifies(static_cast<NotificationEvent>(e)));
    QCOMPARE(s.filterState(), FilterState());
    QVERIFY(s.windowState(WindowStateKey::MainWindowGeometry).isEmpty());
    // And the poll settings built from them are the policy's own defaults.
    QCOMPARE(s.pollSettings(), PollSettings());
}

void tst_AppSettings::pollSettingsCarryTheUserIntervals()
{
    AppSettings s(iniPath());
    s.setRunningIntervalSeconds(5);
    s.setQueuedIntervalSeconds(45);
    s.setScheduledIntervalSeconds(120);
    s.setUnknownIntervalSeconds(20);
    s.setBackoffCapSeconds(600);
    s.setMaxConcurrentRequests(2);
    const PollSettings p = s.pollSettings();
    QCOMPARE(p.runningInterval, Millis(5s));
    QCOMPARE(p.queuedInterval, Millis(45s));
    QCOMPARE(p.scheduledInterval, Millis(120s));
    QCOMPARE(p.unknownInterval, Millis(20s));
    QCOMPARE(p.backoffCap, Millis(600s));
    QCOMPARE(p.maxInFlight, 2);
    QCOMPARE(p.backoffInitial, Millis(5s));
}

void tst_AppSettings::valuesSurviveARestart()
{
    {
        AppSettings s(iniPath());
        s.setRunningIntervalSeconds(20);
        s.setPauseWhenMinimised(true);
        s.setExpiryWarningThreshold(90min);
        s.setTheme(Theme::Dark);
        s.setHistoryRetentionDays(0);
        s.setCurrentProfileId(QStringLiteral("p-1"));
        s.setLastExportDirectory(QStringLiteral("/tmp/exports"));
        s.setDetailsTab(3);
        s.setOverviewGanttRange(QStringLiteral("week"));
        s.sync();
    }
    AppSettings s(iniPath());
    QCOMPARE(s.runningIntervalSeconds(), 20);
    QCOMPARE(s.pauseWhenMinimised(), true);
    QCOMPARE(s.expiryWarningThreshold(), 90min);
    QCOMPARE(s.theme(), Theme::Dark);
    QCOMPARE(s.historyRetentionDays(), 0);
    QCOMPARE(s.currentProfileId(), QStringLiteral("p-1"));
    QCOMPARE(s.lastExportDirectory(), QStringLiteral("/tmp/exports"));
    QCOMPARE(s.detailsTab(), 3);
    QCOMPARE(s.overviewGanttRange(), QStringLiteral("week"));
}

void tst_AppSettings::clampsOutOfRangeValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("interval 0") << QString(SettingsKey::RunningInterval) << QVariant(0) << 1;
    QTest::newRow("interval negative")
            << QString(SettingsKey::QueuedInterval) << QVariant(-30) << 1;
    QTest::newRow("interval a day")
            << QString(SettingsKey::ScheduledInterval) << QVariant(86400) << 3600;
    QTest::newRow("cap 1 s") << QString(SettingsKey::BackoffCap) << QVariant(1) << 5;
    QTest::newRow("first retry 1 ms") << QString(SettingsKey::BackoffInitial) << QVariant(1) << 50;
    QTest::newRow("first retry 250 ms")
            << QString(SettingsKey::BackoffInitial) << QVariant(250) << 250;
    QTest::newRow("concurrency 0")
            << QString(SettingsKey::MaxConcurrentRequests) << QVariant(0) << 1;
    QTest::newRow("concurrency 500")
            << QString(SettingsKey::MaxConcurrentRequests) << QVariant(500) << 16;
    QTest::newRow("retention negative")
            << QString(SettingsKey::HistoryRetentionDays) << QVariant(-1) << 0;
}

void tst_AppSettings::clampsOutOfRangeValues()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(int, expected);
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(key, stored);
    }
    AppSettings s(iniPath());
    const PollSettings p = s.pollSettings();
    if (key == QString(SettingsKey::RunningInterval))
        QCOMPARE(p.runningInterval, Millis(std::chrono::seconds(expected)));
    else if (key == QString(SettingsKey::QueuedInterval))
        QCOMPARE(p.queuedInterval, Millis(std::chrono::seconds(expected)));
    else if (key == QString(SettingsKey::ScheduledInterval))
        QCOMPARE(p.scheduledInterval, Millis(std::chrono::seconds(expected)));
    else if (key == QString(SettingsKey::BackoffCap))
        QCOMPARE(p.backoffCap, Millis(std::chrono::seconds(expected)));
    else if (key == QString(SettingsKey::BackoffInitial))
        QCOMPARE(p.backoffInitial, Millis(expected));
    else if (key == QString(SettingsKey::MaxConcurrentRequests))
        QCOMPARE(p.maxInFlight, expected);
    else
        QCOMPARE(s.historyRetentionDays(), expected);

    // A setter clamps the same way.
    AppSettings t(iniPath());
    t.setMaxConcurrentRequests(99);
    QCOMPARE(t.maxConcurrentRequests(), 16);
    t.setRunningIntervalSeconds(0);
    QCOMPARE(t.runningIntervalSeconds(), 1);
}

void tst_AppSettings::ignoresGarbageInTheFile()
{
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(QString(SettingsKey::RunningInterval), QStringLiteral("fast"));
        raw.setValue(QString(SettingsKey::PauseWhenMinimised), QStringLiteral("sometimes"));
        raw.setValue(QString(SettingsKey::Theme), QStringLiteral("purple"));
        raw.setValue(QString(SettingsKey::NotifyFailed), QStringLiteral("nope"));
        raw.setValue(QString(SettingsKey::FilterSubmittedFrom), QStringLiteral("yesterday"));
    }
    AppSettings s(iniPath());
    QCOMPARE(s.runningIntervalSeconds(), 15);
    QCOMPARE(s.pauseWhenMinimised(), false);
    QCOMPARE(s.theme(), Theme::System);
    QCOMPARE(s.notifies(NotificationEvent::Failed), true);
    QVERIFY(!s.filterState().submittedFrom.isValid());
}

void tst_AppSettings::notificationsAreSwitchedPerEvent()
{
    AppSettings s(iniPath());
    s.setNotifies(NotificationEvent::Completed, false);
    s.setNotifies(NotificationEvent::ExpiryWarning, false);
    QCOMPARE(s.notifies(NotificationEvent::Completed), false);
    QCOMPARE(s.notifies(NotificationEvent::ExpiryWarning), false);
    QCOMPARE(s.notifies(NotificationEvent::Failed), true);
    QCOMPARE(s.notifies(NotificationEvent::PartiallyCompleted), true);
    QSet<QString> keys;
    for (int e = 0; e < NotificationEventCount; ++e)
        keys.insert(QString(AppSettings::notificationKey(static_cast<NotificationEvent>(e))));
    QCOMPARE(keys.size(), NotificationEventCount);
}

void tst_AppSettings::themeRoundTripsThroughItsKey()
{
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark})
        QCOMPARE(AppSettings::themeFromKey(AppSettings::themeKey(t)), std::optional<Theme>(t));
    QCOMPARE(AppSettings::themeFromKey(QStringLiteral(" Dark ")), std::optional(Theme::Dark));
    QCOMPARE(AppSettings::themeFromKey(QStringLiteral("sepia")), std::nullopt);

    AppSettings s(iniPath());
    QSignalSpy themeSpy(&s, &AppSettings::themeChanged);
    s.setTheme(Theme::Light);
    s.setTheme(Theme::Light);
    QCOMPARE(themeSpy.size(), 1);
    QCOMPARE(themeSpy.at(0).at(0).value<Theme>(), Theme::Light);
    QSettings raw(iniPath(), QSettings::IniFormat);
    s.sync();
    QCOMPARE(raw.value(QString(SettingsKey::Theme)).toString(), QStringLiteral("light"));
}

void tst_AppSettings::windowStateIsKeptPerPiece()
{
    const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03\x00\x00", 8); // binary, with NULs
    {
        AppSettings s(iniPath());
        s.setWindowState(WindowStateKey::MainWindowGeometry, geometry);
        s.setWindowState(WindowStateKey::JobTableHeader, QByteArray("header"));
        s.sync();
    }
    AppSettings s(iniPath());
    QCOMPARE(s.windowState(WindowStateKey::MainWindowGeometry), geometry);
    QCOMPARE(s.windowState(WindowStateKey::JobTableHeader), QByteArray("header"));
    QVERIFY(s.windowState(WindowStateKey::MainSplitter).isEmpty());
    QSet<QString> keys;
    for (int w = 0; w < WindowStateKeyCount; ++w)
        keys.insert(QString(AppSettings::windowStateKey(static_cast<WindowStateKey>(w))));
    QCOMPARE(keys.size(), WindowStateKeyCount);
}

void tst_AppSettings::filterStateRoundTripsAndDropsUnknownGroups()
{
    FilterState f;
    f.statusGroups = {QStringLiteral("running"), QStringLiteral("failed")};
    f.text = QStringLiteral("claude, ünïcode");
    f.activeOnly = true;
    f.submittedFrom = QDateTime(QDate(2025, 3, 1), QTime(8, 30), Qt::UTC);
    {
        AppSettings s(iniPath());
        s.setFilterState(f);
        s.sync();
    }
    {
        AppSettings s(iniPath());
        QCOMPARE(s.filterState(), f);
    }
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(QString(SettingsKey::FilterStatusGroups),
                     QStringList{QStringLiteral("running"), QStringLiteral("bogus")});
    }
    AppSettings s(iniPath());
    QCOMPARE(s.filterState().statusGroups, QStringList{QStringLiteral("running")});
}

void tst_AppSettings::announcesChangesOnlyWhenAValueChanges()
{
    {
        AppSettings s(iniPath());
        s.setRunningIntervalSeconds(20);
        s.sync();
    }
    AppSettings s(iniPath()); // values now come back from the file as text
    QSignalSpy changed(&s, &AppSettings::changed);
    QSignalSpy poll(&s, &AppSettings::pollSettingsChanged);
    s.setRunningIntervalSeconds(20);
    s.setTheme(Theme::System);
    QCOMPARE(changed.size(), 1); // the theme was never stored; the interval is unchanged
    QCOMPARE(poll.size(), 0);
    s.setRunningIntervalSeconds(25);
    QCOMPARE(poll.size(), 1);
    QCOMPARE(changed.constLast().at(0).toString(), QString(SettingsKey::RunningInterval));
    s.setPauseWhenMinimised(true);
    QCOMPARE(poll.size(), 2);
}

void tst_AppSettings::keysAreUniqueAndNoneHoldsASecret()
{
    const QStringList keys = AppSettings::allKeys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
    const QRegularExpression secretish(QStringLiteral("secret|token|password|apikey|api_key|"
                                                      "virtualkey|credential"),
                                       QRegularExpression::CaseInsensitiveOption);
    for (const QString &k : keys) {
        QVERIFY2(!secretish.match(k).hasMatch(), qPrintable(k));
        QVERIFY2(k.contains(u'/'), qPrintable(k)); // grouped
    }
    // Everything a setter writes is one of the declared keys.
    AppSettings s(iniPath());
    s.setRunningIntervalSeconds(16);
    s.setQueuedIntervalSeconds(31);
    s.setScheduledIntervalSeconds(61);
    s.setUnknownIntervalSeconds(31);
    s.setBackoffCapSeconds(301);
    s.setBackoffInitialMilliseconds(100);
    s.setMinimumJobIntervalMilliseconds(1000);
    s.setMaxConcurrentRequests(3);
    s.setPauseWhenMinimised(true);
    for (int e = 0; e < NotificationEventCount; ++e)
        s.setNotifies(static_cast<NotificationEvent>(e), false);
    s.setExpiryWarningThreshold(1h);
    s.setTheme(Theme::Dark);
    s.setHistoryRetentionDays(7);
    for (int w = 0; w < WindowStateKeyCount; ++w)
        s.setWindowState(static_cast<WindowStateKey>(w), QByteArray("x"));
    s.setDetailsTab(1);
    FilterState f;
    f.text = QStringLiteral("x");
    f.activeOnly = true;
    f.statusGroups = {QStringLiteral("queued")};
    f.submittedFrom = QDateTime::currentDateTimeUtc();
    f.submittedTo = QDateTime::currentDateTimeUtc();
    s.setFilterState(f);
    s.setCurrentProfileId(QStringLiteral("p"));
    s.setLastExportDirectory(QStringLiteral("/e"));
    s.setLastImportDirectory(QStringLiteral("/i"));
    s.setOverviewGanttRange(QStringLiteral("day"));
    s.sync();
    QSettings raw(iniPath(), QSettings::IniFormat);
    QStringList written = raw.allKeys();
    written.sort();
    QStringList declared = keys;
    declared.sort();
    QCOMPARE(written, declared);
}

void tst_AppSettings::overviewGanttRangeFallsBackToRecent()
{
    AppSettings s(iniPath());
    QCOMPARE(s.overviewGanttRange(), QStringLiteral("recent")); // never saved
    s.setOverviewGanttRange(QStringLiteral("all"));
    QCOMPARE(s.overviewGanttRange(), QStringLiteral("all"));
    s.setOverviewGanttRange(QStringLiteral("fortnight")); // not a range: nothing stored
    QCOMPARE(s.overviewGanttRange(), QStringLiteral("all"));
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(QString(SettingsKey::OverviewGanttRange), 42);
    }
    QCOMPARE(AppSettings(iniPath()).overviewGanttRange(), QStringLiteral("recent"));
}

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
