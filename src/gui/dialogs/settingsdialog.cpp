#include "dialogs/settingsdialog.h"

#include "common/appsettings.h"
#include "dialogs/dialogsizing.h"
#include "presentation/statuspresentation.h"
#include "ui_settingsdialog.h"

#include <QPushButton>
#include <QTemporaryDir>

namespace bw {

namespace {

struct NotifyBox
{
    NotificationEvent event;
    QCheckBox *Ui::SettingsDialog::*box;
};

constexpr NotifyBox kNotifyBoxes[] = {
        {NotificationEvent::Completed, &Ui::SettingsDialog::notifyCompletedCheck},
        {NotificationEvent::PartiallyCompleted, &Ui::SettingsDialog::notifyPartialCheck},
        {NotificationEvent::Failed, &Ui::SettingsDialog::notifyFailedCheck},
        {NotificationEvent::Stopped, &Ui::SettingsDialog::notifyStoppedCheck},
        {NotificationEvent::Expired, &Ui::SettingsDialog::notifyExpiredCheck},
        {NotificationEvent::ExpiryWarning, &Ui::SettingsDialog::notifyExpiryWarningCheck},
};

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    for (QSpinBox *spin :
         {m_ui->runningSpin, m_ui->queuedSpin, m_ui->scheduledSpin, m_ui->unknownSpin}) {
        spin->setRange(AppSettings::MinIntervalSeconds, AppSettings::MaxIntervalSeconds);
    }
    m_ui->backoffSpin->setRange(AppSettings::MinBackoffCapSeconds,
                                AppSettings::MaxBackoffCapSeconds);
    m_ui->concurrencySpin->setRange(AppSettings::MinConcurrency, AppSettings::MaxConcurrency);
    m_ui->expirySpin->setRange(0, AppSettings::MaxExpiryWarningMinutes);
    m_ui->retentionSpin->setRange(0, AppSettings::MaxHistoryRetentionDays);
    m_ui->themeCombo->addItem(tr("Follow the system"), int(Theme::System));
    m_ui->themeCombo->addItem(tr("Light"), int(Theme::Light));
    m_ui->themeCombo->addItem(tr("Dark"), int(Theme::Dark));
    m_ui->themeCombo->addItem(tr("High contrast"), int(Theme::HighContrast));
    m_ui->expirySpin->setToolTip(
            tr("A job that is still queued when its expiration time passes expires without "
               "running."));
    m_ui->notifyExpiryWarningCheck->setIcon(
            StatusPresentation::signIcon(SignIcon::Warning, palette()));
    connect(m_ui->expirySpin, &QSpinBox::valueChanged, this, &SettingsDialog::updateExpiryHint);
    connect(m_ui->notifyExpiryWarningCheck, &QCheckBox::toggled, this,
            &SettingsDialog::updateExpiryHint);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    setWindowIcon(StatusPresentation::actionIcon(ActionIcon::Settings, palette()));

    if (m_settings)
        load(*m_settings);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load(const AppSettings &from)
{
    m_ui->runningSpin->setValue(from.runningIntervalSeconds());
    m_ui->queuedSpin->setValue(from.queuedIntervalSeconds());
    m_ui->scheduledSpin->setValue(from.scheduledIntervalSeconds());
    m_ui->unknownSpin->setValue(from.unknownIntervalSeconds());
    m_ui->backoffSpin->setValue(from.backoffCapSeconds());
    m_ui->concurrencySpin->setValue(from.maxConcurrentRequests());
    m_ui->pauseCheck->setChecked(from.pauseWhenMinimised());
    for (const NotifyBox &n : kNotifyBoxes)
        ((*m_ui).*(n.box))->setChecked(from.notifies(n.event));
    m_ui->expirySpin->setValue(int(from.expiryWarningThreshold().count()));
    m_ui->themeCombo->setCurrentIndex(m_ui->themeCombo->findData(int(from.theme())));
    m_ui->retentionSpin->setValue(from.historyRetentionDays());
    updateExpiryHint();
}

void SettingsDialog::restoreDefaults()
{
    // The defaults are AppSettings' own: read them from an empty settings file.
    QTemporaryDir dir;
    if (!dir.isValid())
        return;
    const AppSettings defaults(dir.filePath(QStringLiteral("defaults.ini")));
    load(defaults);
}

void SettingsDialog::updateExpiryHint()
{
    const int minutes = m_ui->expirySpin->value();
    QString hint;
    if (minutes >= 60) {
        const int hours = minutes / 60;
        const int rest = minutes % 60;
        hint = rest == 0 ? tr("%n hour(s) before the job expires", nullptr, hours)
                         : tr("%1 h %2 min before the job expires").arg(hours).arg(rest);
    }
    m_ui->expirySpin->setAccessibleDescription(hint);
    m_ui->expirySpin->setStatusTip(hint);
    m_ui->expiryLabel->setToolTip(hint);
}

void SettingsDialog::apply()
{
    if (!m_settings)
        return;
    AppSettings &s = *m_settings;
    // Only what differs is written, so an untouched setting keeps following the defaults.
    const auto set = [](auto current, auto wanted, auto setter) {
        if (current != wanted)
            setter(wanted);
    };
    set(s.runningIntervalSeconds(), m_ui->runningSpin->value(),
        [&](int v) { s.setRunningIntervalSeconds(v); });
    set(s.queuedIntervalSeconds(), m_ui->queuedSpin->value(),
        [&](int v) { s.setQueuedIntervalSeconds(v); });
    set(s.scheduledIntervalSeconds(), m_ui->scheduledSpin->value(),
        [&](int v) { s.setScheduledIntervalSeconds(v); });
    set(s.unknownIntervalSeconds(), m_ui->unknownSpin->value(),
        [&](int v) { s.setUnknownIntervalSeconds(v); });
    set(s.backoffCapSeconds(), m_ui->backoffSpin->value(),
        [&](int v) { s.setBackoffCapSeconds(v); });
    set(s.maxConcurrentRequests(), m_ui->concurrencySpin->value(),
        [&](int v) { s.setMaxConcurrentRequests(v); });
    set(s.pauseWhenMinimised(), m_ui->pauseCheck->isChecked(),
        [&](bool v) { s.setPauseWhenMinimised(v); });
    for (const NotifyBox &n : kNotifyBoxes) {
        set(s.notifies(n.event), ((*m_ui).*(n.box))->isChecked(),
            [&](bool v) { s.setNotifies(n.event, v); });
    }
    set(s.expiryWarningThreshold(), std::chrono::minutes(m_ui->expirySpin->value()),
        [&](std::chrono::minutes v) { s.setExpiryWarningThreshold(v); });
    set(s.theme(), static_cast<Theme>(m_ui->themeCombo->currentData().toInt()),
        [&](Theme v) { s.setTheme(v); });
    set(s.historyRetentionDays(), m_ui->retentionSpin->value(),
        [&](int v) { s.setHistoryRetentionDays(v); });
    s.sync();
}

void SettingsDialog::accept()
{
    apply();
    QDialog::accept();
}

void SettingsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeightToWidth(this);
}

} // namespace bw
