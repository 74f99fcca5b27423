#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace bw {

class AppSettings;

// Every user setting of AppSettings (PRODUCT.md §3 "Settings"): polling intervals per status
// group, backoff cap, requests at once, pause while minimised, notifications per event, expiry
// warning threshold, theme and history retention. Shows the stored values; OK writes the
// changed ones through AppSettings' setters (whose signals tell the rest of the application);
// Cancel writes nothing; Restore Defaults puts AppSettings' defaults in the form.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `settings` is not owned and must outlive the dialog.
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Writes the form to the settings (what OK does before closing).
    void apply();

public Q_SLOTS:
    void accept() override;
    void restoreDefaults();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load(const AppSettings &from);
    void updateExpiryHint();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings *m_settings = nullptr;
};

} // namespace bw
