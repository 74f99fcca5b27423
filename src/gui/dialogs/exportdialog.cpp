#include "dialogs/exportdialog.h"

#include "dialogs/dialogsizing.h"
#include "presentation/statuspresentation.h"
#include "ui_exportdialog.h"

#include "exporter.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QtConcurrent/QtConcurrentRun>

namespace bw {

namespace {

QString formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return ExportDialog::tr("JSON");
    case ExportFormat::Csv:
        return ExportDialog::tr("CSV (spreadsheet)");
    case ExportFormat::Html:
        return ExportDialog::tr("HTML report");
    case ExportFormat::Pdf:
        return ExportDialog::tr("PDF report");
    }
    return {};
}

QString formatHint(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return ExportDialog::tr("Every field, the last raw body and the status history of each "
                                "job, for scripts and tools.");
    case ExportFormat::Csv:
        return ExportDialog::tr("One row per job with the documented columns; opens in any "
                                "spreadsheet.");
    case ExportFormat::Html:
        return ExportDialog::tr("A self-contained report with a summary, each job's fields, "
                                "timeline and history; opens offline in any browser.");
    case ExportFormat::Pdf:
        return ExportDialog::tr("The same report as a printable PDF, one job per page.");
    }
    return {};
}

QString fileFilter(ExportFormat format)
{
    const QString suffix = exportFormatKey(format);
    return ExportDialog::tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix);
}

// Runs on the worker thread.
ExportResult runExport(const ExportInput &input, ExportFormat format, ReportLayout layout,
                       const QString &path, const ExportProgress &progress)
{
    ExportOptions options;
    options.reportLayout = layout;
    return Exporter(options).run(input, format, path, progress);
}

} // namespace

QList<ExportFormat> ExportDialog::availableFormats()
{
    return exportFormats();
}

ExportDialog::ExportDialog(int selectedCount, int filteredCount, InputProvider provider,
                           QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExportDialog>())
    , m_provider(std::move(provider))
    , m_selectedCount(selectedCount)
    , m_filteredCount(filteredCount)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Export"));

    for (ExportFormat f : availableFormats())
        m_ui->formatCombo->addItem(formatName(f), int(f));
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateFormatHint();
        updateReportChoice();
        followFormatSuffix();
    });

    // Its own group: the scope's radio buttons share the same parent.
    m_reportGroup.addButton(m_ui->summaryRadio);
    m_reportGroup.addButton(m_ui->fullRadio);
    m_ui->summaryRadio->setChecked(true);
    m_ui->summaryRadio->setToolTip(tr("The report's head and one table with a row per job: "
                                      "quick to write and to read for many jobs."));
    m_ui->fullRadio->setToolTip(tr("The table, then every job's fields, timeline and history "
                                   "on pages of its own."));
    connect(m_ui->selectionRadio, &QRadioButton::toggled, this, &ExportDialog::updateReportChoice);

    const QLocale locale;
    m_ui->selectionRadio->setText(tr("&Selected jobs (%1)").arg(locale.toString(selectedCount)));
    m_ui->filteredRadio->setText(
            tr("All jobs in the current &view (%1)").arg(locale.toString(filteredCount)));
    m_ui->selectionRadio->setEnabled(selectedCount > 0);
    m_ui->filteredRadio->setEnabled(filteredCount > 0);
    // Several rows selected: the user most likely means them; otherwise the whole view.
    setScope(selectedCount > 1 || filteredCount == 0 ? Scope::Selection : Scope::FilteredView);

    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_ui->destinationEdit, &QLineEdit::textEdited, this, [this] {
        m_suffixFollowsFormat = false;
        m_pickedPath.clear();
        setMessage({}, false);
    });
    connect(m_ui->destinationEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->buttonBox->button(QDialogButtonBox::Ok)
                ->setEnabled(!m_exporting && !destination().isEmpty());
    });

    connect(&m_watcher, &QFutureWatcher<ExportResult>::finished, this, &ExportDialog::finishExport);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &ExportDialog::updateProgress);

    updateFormatHint();
    updateReportChoice();
    setMessage({}, false);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    const int em = fontMetrics().height();
    m_ui->destinationEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 50);
    m_ui->mainLayout->setSpacing(em / 2);
    // Wide enough for a path and the format hint on one or two lines; the height follows.
    setMinimumWidth(fontMetrics().averageCharWidth() * 84);
}

ExportDialog::~ExportDialog()
{
    // Closed while exporting: stop the writer and wait for it (it must not outlive the dialog).
    // While the jobs are still being collected there is no writer yet (and no m_state).
    ++m_generation;
    if (m_state)
        m_state->cancel = true;
    if (m_watcher.isRunning())
        m_watcher.waitForFinished();
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_ui->formatCombo->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat f)
{
    const int index = m_ui->formatCombo->findData(int(f));
    if (index >= 0)
        m_ui->formatCombo->setCurrentIndex(index);
}

ExportDialog::Scope ExportDialog::scope() const
{
    return m_ui->selectionRadio->isChecked() ? Scope::Selection : Scope::FilteredView;
}

void ExportDialog::setScope(Scope s)
{
    if (s == Scope::Selection)
        m_ui->selectionRadio->setChecked(true);
    else
        m_ui->filteredRadio->setChecked(true);
}

int ExportDialog::scopeCount() const
{
    return scope() == Scope::Selection ? m_selectedCount : m_filteredCount;
}

bool ExportDialog::offersSummaryReport() const
{
    const ExportFormat f = format();
    return (f == ExportFormat::Html || f == ExportFormat::Pdf)
           && scopeCount() > kSummaryReportSuggestedAbove;
}

ReportLayout ExportDialog::reportLayout() const
{
    return offersSummaryReport() && m_ui->summaryRadio->isChecked() ? ReportLayout::Summary
                                                                    : ReportLayout::Full;
}

void ExportDialog::setReportLayout(ReportLayout layout)
{
    if (layout == ReportLayout::Summary)
        m_ui->summaryRadio->setChecked(true);
    else
        m_ui->fullRadio->setChecked(true);
}

void ExportDialog::updateReportChoice()
{
    const bool offered = offersSummaryReport();
    int row = -1;
    QFormLayout::ItemRole role{};
    m_ui->formLayout->getWidgetPosition(m_ui->reportLabel, &row, &role);
    if (row >= 0)
        m_ui->formLayout->setRowVisible(row, offered);
    if (isVisible())
        fitHeightToWidth(this);
}

QString ExportDialog::destination() const
{
    return m_ui->destinationEdit->text().trimmed();
}

void ExportDialog::setDestination(const QString &path)
{
    m_suffixFollowsFormat = false;
    m_pickedPath.clear();
    m_ui->destinationEdit->setText(QDir::toNativeSeparators(path));
}

void ExportDialog::suggestDestination(const QString &directory, const QString &baseName)
{
    m_suggestedBase = QDir(directory.isEmpty() ? QDir::homePath() : directory).filePath(baseName);
    m_ui->destinationEdit->setText(
            QDir::toNativeSeparators(m_suggestedBase + u'.' + exportFormatKey(format())));
    m_suffixFollowsFormat = true;
    m_pickedPath.clear();
}

void ExportDialog::setOverwriteConfirmation(OverwriteConfirmation confirm)
{
    m_confirmOverwrite = std::move(confirm);
}

QString ExportDialog::message() const
{
    return m_ui->messageLabel->text();
}

void ExportDialog::updateFormatHint()
{
    m_ui->formatHint->setText(formatHint(format()));
    if (isVisible())
        fitHeightToWidth(this);
}

void ExportDialog::followFormatSuffix()
{
    const QString suffix = exportFormatKey(format());
    if (m_suffixFollowsFormat && !m_suggestedBase.isEmpty()) {
        m_ui->destinationEdit->setText(QDir::toNativeSeparators(m_suggestedBase + u'.' + suffix));
        return;
    }
    // A name the user chose keeps its base; only a known export suffix is swapped.
    const QString path = destination();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    if (exportFormatFromFileName(path)) {
        const QString swapped = QString(path.left(path.size() - info.suffix().size()) + suffix);
        m_ui->destinationEdit->setText(swapped);
        m_pickedPath.clear();
    }
}

void ExportDialog::chooseFile()
{
    const ExportFormat f = format();
    QString start = destination();
    if (start.isEmpty())
        start = QDir::homePath();
    const QString path
            = QFileDialog::getSaveFileName(this, tr("Export Jobs"), start, fileFilter(f));
    if (path.isEmpty())
        return;
    QString chosen = path;
    if (QFileInfo(chosen).suffix().isEmpty())
        chosen += u'.' + exportFormatKey(f);
    m_ui->destinationEdit->setText(QDir::toNativeSeparators(chosen));
    m_suffixFollowsFormat = false;
    // The file dialog asked about replacing the file it returned (not one we added a suffix to).
    m_pickedPath = chosen == path ? chosen : QString();
    setMessage({}, false);
}

void ExportDialog::accept()
{
    if (m_exporting)
        return;
    const QString path = QDir::fromNativeSeparators(destination());
    if (path.isEmpty()) {
        setMessage(tr("Choose where to save the export."), true);
        return;
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        setMessage(tr("“%1” is a folder; add a file name.").arg(QDir::toNativeSeparators(path)),
                   true);
        return;
    }
    if (!info.absoluteDir().exists()) {
        setMessage(tr("The folder “%1” does not exist.")
                           .arg(QDir::toNativeSeparators(info.absolutePath())),
                   true);
        return;
    }
    if (info.exists() && path != QDir::fromNativeSeparators(m_pickedPath)) {
        const bool replace
                = m_confirmOverwrite
                          ? m_confirmOverwrite(path)
                          : QMessageBox::question(
                                    this, tr("Replace File?"),
                                    tr("“%1” already exists. Replace it?").arg(info.fileName()),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                                    == QMessageBox::Yes;
        if (!replace)
            return;
    }

    const ExportFormat f = format();
    const ReportLayout layout = reportLayout();
    const int generation = ++m_generation;
    setBusy(true);
    setMessage(tr("Collecting jobs…"), false);
    if (!m_provider) {
        startExport({}, f, layout, path);
        return;
    }
    m_provider(scope(), this, [this, f, layout, path, generation](ExportInput input) {
        if (generation != m_generation || !m_exporting)
            return; // cancelled while collecting
        startExport(input, f, layout, path);
    });
}

void ExportDialog::startExport(const ExportInput &input, ExportFormat f, ReportLayout layout,
                               const QString &path)
{
    m_state = std::make_shared<Progress>();
    m_state->total = int(input.jobs.size());
    const std::shared_ptr<Progress> state = m_state;
    setMessage(tr("Writing the export (jobs: %1)…").arg(input.jobs.size()), false);

    m_progress = new QProgressDialog(tr("Exporting jobs…"), tr("Cancel"), 0,
                                     std::max(1, int(input.jobs.size())), this);
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(m_progressDelayMs);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, &ExportDialog::cancelExport);
    m_progressTimer.start();

    m_watcher.setFuture(QtConcurrent::run([input, f, layout, path, state] {
        return runExport(input, f, layout, path, [state](int done, int total) {
            state->done = done;
            state->total = total;
            return !state->cancel.load();
        });
    }));
}

void ExportDialog::updateProgress()
{
    if (!m_progress || !m_state)
        return;
    const int total = std::max(1, m_state->total.load());
    if (m_progress->maximum() != total)
        m_progress->setMaximum(total);
    m_progress->setValue(std::min(total - 1, m_state->done.load()));
    m_progress->setLabelText(tr("Exporting %1 of %2…")
                                     .arg(QLocale().toString(m_state->done.load()),
                                          QLocale().toString(m_state->total.load())));
}

void ExportDialog::cancelExport()
{
    if (!m_exporting)
        return;
    if (m_state) {
        m_state->cancel = true;
        setMessage(tr("Cancelling…"), false);
        return;
    }
    // Still collecting the jobs: nothing was started.
    ++m_generation;
    setBusy(false);
    m_result = ExportResult::cancelled();
    setMessage(tr("Export cancelled; nothing was written."), false);
    Q_EMIT exportFinished(m_result);
}

void ExportDialog::finishExport()
{
    m_progressTimer.stop();
    if (m_progress) {
        m_progress->reset();
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_result = m_watcher.result();
    m_state.reset();
    setBusy(false);
    switch (m_result.outcome) {
    case ExportResult::Outcome::Written:
        setMessage(tr("Export written (jobs: %1).").arg(m_result.jobCount), false);
        break;
    case ExportResult::Outcome::Cancelled:
        setMessage(tr("Export cancelled; nothing was written and any previous file is "
                      "unchanged."),
                   false);
        break;
    case ExportResult::Outcome::Failed:
        setMessage(m_result.errorString.isEmpty() ? tr("The export failed; nothing was written.")
                                                  : m_result.errorString,
                   true);
        break;
    }
    Q_EMIT exportFinished(m_result);
    if (m_result.ok())
        QDialog::accept();
}

QMessageBox *ExportDialog::offerToOpen(const ExportResult &result, QWidget *parent,
                                       UrlOpener openUrl)
{
    if (!openUrl)
        openUrl = [](const QUrl &url) {
            return QDesktopServices::openUrl(url);
        };
    const QFileInfo file(result.path);
    auto *box = new QMessageBox(QMessageBox::Information, tr("Export Written"),
                                tr("Exported to %1 (jobs: %2).")
                                        .arg(QDir::toNativeSeparators(file.absoluteFilePath()),
                                             QLocale().toString(result.jobCount)),
                                QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("exportWrittenBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *open = box->addButton(tr("&Open"), QMessageBox::AcceptRole);
    open->setObjectName(QStringLiteral("openExportButton"));
    QPushButton *folder = box->addButton(tr("Show in &Folder"), QMessageBox::ActionRole);
    folder->setObjectName(QStringLiteral("showExportFolderButton"));
    box->setDefaultButton(open);
    const QUrl fileUrl = QUrl::fromLocalFile(file.absoluteFilePath());
    const QUrl folderUrl = QUrl::fromLocalFile(file.absolutePath());
    connect(open, &QPushButton::clicked, box, [openUrl, fileUrl] { openUrl(fileUrl); });
    connect(folder, &QPushButton::clicked, box, [openUrl, folderUrl] { openUrl(folderUrl); });
    box->open();
    return box;
}

void ExportDialog::reject()
{
    if (m_exporting) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::setMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
    // An error reads as one without colour too: bold, and it takes the focus to the file name.
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, StatusPresentation::color(StatusGroup::Failed, pal));
    m_ui->messageLabel->setPalette(pal);
    QFont f = font();
    f.setBold(error);
    m_ui->messageLabel->setFont(f);
    if (error)
        m_ui->destinationEdit->setFocus();
    if (isVisible())
        fitHeightToWidth(this);
}

void ExportDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeightToWidth(this);
}

void ExportDialog::setBusy(bool busy)
{
    m_exporting = busy;
    m_ui->formatCombo->setEnabled(!busy);
    m_ui->selectionRadio->setEnabled(!busy && m_selectedCount > 0);
    m_ui->filteredRadio->setEnabled(!busy && m_filteredCount > 0);
    m_ui->summaryRadio->setEnabled(!busy);
    m_ui->fullRadio->setEnabled(!busy);
    m_ui->destinationEdit->setEnabled(!busy);
    m_ui->browseButton->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy && !destination().isEmpty());
}

} // namespace bw
