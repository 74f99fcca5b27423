#pragma once

#include <QDialog>
#include <QString>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace bw {

// What the About dialog reports about this installation. Empty fields take the defaults:
// QStandardPaths::AppDataLocation for the data, QSettings' file for the settings.
struct AboutInfo
{
    QString dataDirectory; // where the database lives (--data-dir when given)
    QString settingsFile;
    bool keysPersistent = true; // SecretStore::isPersistent()
};

// Version, Qt version (built with and running on), licence, and where data, settings, logs and
// keys live (PRODUCT.md §3).
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const AboutInfo &info = {}, QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The database directory shown (after applying the defaults).
    QString dataDirectory() const { return m_dataDirectory; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
    QString m_dataDirectory;
};

} // namespace bw
