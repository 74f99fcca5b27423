#include "dialogs/aboutdialog.h"

#include "dialogs/dialogsizing.h"
#include "presentation/statuspresentation.h"
#include "ui_aboutdialog.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace bw {

AboutDialog::AboutDialog(const AboutInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);

    const int em = fontMetrics().height();
    m_ui->iconLabel->setPixmap(
            StatusPresentation::appIcon().pixmap(QSize(3 * em, 3 * em), devicePixelRatioF()));
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->headerLayout->setSpacing(em);
    // The icon keeps its size; the title and description take the rest of the width.
    m_ui->iconLabel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_ui->headerLayout->setStretch(1, 1);

    m_ui->versionLabel->setText(QStringLiteral(BATCHWATCH_VERSION));
    const QString runtime = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    m_ui->qtLabel->setText(runtime == built ? runtime
                                            : tr("%1 (built with %2)").arg(runtime, built));

    m_dataDirectory = info.dataDirectory.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                              : info.dataDirectory;
    const QString nativeData = QDir::toNativeSeparators(m_dataDirectory);
    m_ui->dataLabel->setText(
            tr("<a href=\"%1\">%2</a><br>The local database: profiles (without keys), watched "
               "jobs, their history and last responses.")
                    .arg(QUrl::fromLocalFile(m_dataDirectory).toString(QUrl::FullyEncoded),
                         nativeData.toHtmlEscaped()));
    m_ui->dataLabel->setTextFormat(Qt::RichText);

    const QString settingsFile
            = info.settingsFile.isEmpty() ? QSettings().fileName() : info.settingsFile;
    m_ui->settingsLabel->setText(QDir::toNativeSeparators(settingsFile));
    m_ui->logsLabel->setText(tr("Written to standard error. For more detail, start batchwatch with "
                                "QT_LOGGING_RULES=\"batchwatch.*.debug=true\"."));
    m_ui->keysLabel->setText(info.keysPersistent
                                     ? tr("Gateway keys are kept in the system keychain, never "
                                          "in the settings or the database.")
                                     : tr("No keychain service is running: gateway keys are "
                                          "kept for this session only."));

    connect(m_ui->aboutQtButton, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    setWindowIcon(StatusPresentation::appIcon());
    // Wide enough for the paths without wrapping every word; the height follows the text.
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    adjustSize(); // heights of the wrapped rows for that width
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeightToWidth(this);
}

} // namespace bw
