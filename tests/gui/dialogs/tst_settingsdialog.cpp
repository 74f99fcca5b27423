#include "common/appsettings.h"
#include "dialogs/settingsdialog.h"
#include "presentation/uilanguage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;

namespace {
template<typename T>
T *child(const QObject &parent, const char *name)
{
    T *w = parent.findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(QStringLiteral("settings.ini"));
        m_settings = std::make_unique<AppSettings>(m_file);
    }

    void showsTheStoredValues()
    {
        m_settings->setRunningIntervalSeconds(20);
        m_settings->setNotifies(NotificationEvent::Completed, false);
        m_settings->setTheme(Theme::Dark);
        m_settings->setHistoryRetentionDays(0);
        SettingsDialog dialog(m_settings.get());
        QCOMPARE(child<QSpinBox>(dialog, "runningSpin")->value(), 20);
        QCOMPARE(child<QSpinBox>(dialog, "queuedSpin")->value(), 30);
        QVERIFY(!child<QCheckBox>(dialog, "notifyCompletedCheck")->isChecked());
        QVERIFY(child<QCheckBox>(dialog, "notifyFailedCheck")->isChecked());
        QCOMPARE(child<QComboBox>(dialog, "themeCombo")->currentData().toInt(), int(Theme::Dark));
        // 0 days reads "Forever", not "0 days".
        QCOMPARE(child<QSpinBox>(dialog, "retentionSpin")->text(), QStringLiteral("Forever"));
    }

    void okWritesOnlyWhatChanged()
    {
        SettingsDialog dialog(m_settings.get());
        QSignalSpy poll(m_settings.get(), &AppSettings::pollSettingsChanged);
        QSignalSpy theme(m_settings.get(), &AppSettings::themeChanged);
        child<QSpinBox>(dialog, "scheduledSpin")->setValue(120);
        child<QCheckBox>(dialog, "notifyExpiredCheck")->setChecked(false);
        child<QSpinBox>(dialog, "expirySpin")->setValue(90);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_settings->scheduledIntervalSeconds(), 120);
        QVERIFY(!m_settings->notifies(NotificationEvent::Expired));
        QCOMPARE(m_settings->expiryWarningThreshold(), std::chrono::minutes(90));
        QCOMPARE(poll.size(), 1);
        QCOMPARE(theme.size(), 0);
        // Untouched settings keep following the defaults: they are not written.
        const QSettings file(m_file, QSettings::IniFormat);
        QVERIFY(file.contains(QString(SettingsKey::ScheduledInterval)));
        QVERIFY(!file.contains(QString(SettingsKey::RunningInterval)));
        QVERIFY(!file.contains(QString(SettingsKey::Theme)));
    }

    void cancelWritesNothing()
    {
        SettingsDialog dialog(m_settings.get());
        child<QSpinBox>(dialog, "runningSpin")->setValue(99);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(m_settings->runningIntervalSeconds(), 15);
    }

    void restoreDefaultsPutsTheDefaultsInTheForm()
    {
        m_settings->setBackoffCapSeconds(60);
        m_settings->setPauseWhenMinimised(true);
        SettingsDialog dialog(m_settings.get());
        QCOMPARE(child<QSpinBox>(dialog, "backoffSpin")->value(), 60);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
        QCOMPARE(child<QSpinBox>(dialog, "backoffSpin")->value(), 300);
        QVERIFY(!child<QCheckBox>(dialog, "pauseCheck")->isChecked());
        // Nothing is stored until OK.
        QCOMPARE(m_settings->backoffCapSeconds(), 60);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
