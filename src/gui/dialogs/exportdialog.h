#pragma once

#include "export/exportdata.h"
#include "export/exportwriter.h"
#include "reportlayout.h"

#include <QButtonGroup>
#include <QDialog>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

namespace Ui {
class ExportDialog;
}

namespace bw {

// The Export dialog (PRODUCT.md §5, issue "Export and reports"): format (JSON, CSV, HTML or PDF
// report), which jobs (the selection or every job of the filtered view) and the destination file.
//
// OK asks the InputProvider for the jobs of the chosen scope, then writes the file on a worker
// thread (QtConcurrent) through the project's exporters — atomically: a cancelled or failed
// export leaves the previous file untouched. Exports that take longer than a moment show a
// cancellable QProgressDialog. The dialog closes (Accepted) once the file is written; a failure
// or a cancel keeps it open with the reason. exportFinished() reports every outcome.
//
// A report (HTML or PDF) of more than kSummaryReportSuggestedAbove jobs offers "Summary table"
// (one row per job, no per-job pages; the default) or "Full report"; smaller reports are full.
//
// Formats whose writer is not built in (HTML and PDF without batchwatch_report) are not offered.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope { Selection, FilteredView };

    // Collects what to export for a scope. Must call `done` exactly once (now or later, on the
    // GUI thread) while `context` is alive.
    using InputProvider = std::function<void(Scope scope, QObject *context,
                                             std::function<void(ExportInput)> done)>;
    // Asked before an existing file that was typed (not picked in the file dialog, which asks
    // itself) is replaced; true to go ahead.
    using OverwriteConfirmation = std::function<bool(const QString &path)>;

    ExportDialog(int selectedCount, int filteredCount, InputProvider provider,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    ExportFormat format() const;
    void setFormat(ExportFormat format);
    Scope scope() const;
    void setScope(Scope scope);
    // The report the export writes: Summary only when it is offered and chosen.
    ReportLayout reportLayout() const;
    // Chooses between the two reports (takes effect while the choice is offered).
    void setReportLayout(ReportLayout layout);
    // Whether the dialog offers the summary table: an HTML or PDF report of a large scope.
    bool offersSummaryReport() const;
    QString destination() const;
    void setDestination(const QString &path);
    // A default destination: `directory`/`baseName`.<suffix of the format>; the suffix follows
    // the format until the user edits the name.
    void suggestDestination(const QString &directory, const QString &baseName);

    void setOverwriteConfirmation(OverwriteConfirmation confirm);
    // How long an export runs before the progress dialog shows (default 400 ms).
    void setProgressDelay(int milliseconds) { m_progressDelayMs = milliseconds; }

    bool isExporting() const { return m_exporting; }
    ExportResult result() const { return m_result; }
    // The sentence under the form (errors, "Export cancelled…").
    QString message() const;
    // The progress dialog while one is shown (tests); nullptr otherwise.
    QProgressDialog *progressDialog() const { return m_progress; }

    // Every format this build can write.
    static QList<ExportFormat> availableFormats();

    // After a written export: a small window (not modal, deletes itself when closed) saying
    // where the file went, with "Open" (the file, in its default application) and "Show in
    // Folder" (the folder that holds it). `openUrl` does the opening (default:
    // QDesktopServices::openUrl).
    using UrlOpener = std::function<bool(const QUrl &url)>;
    static QMessageBox *offerToOpen(const ExportResult &result, QWidget *parent,
                                    UrlOpener openUrl = {});

public Q_SLOTS:
    void accept() override;
    void reject() override;
    // Stops a running export at the next job boundary (nothing is written).
    void cancelExport();

Q_SIGNALS:
    void exportFinished(const bw::ExportResult &result);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Progress
    {
        std::atomic<int> done{0};
        std::atomic<int> total{0};
        std::atomic_bool cancel{false};
    };

    void chooseFile();
    void updateFormatHint();
    void updateReportChoice();
    int scopeCount() const;
    void followFormatSuffix();
    void startExport(const ExportInput &input, ExportFormat format, ReportLayout layout,
                     const QString &path);
    void updateProgress();
    void finishExport();
    void setMessage(const QString &text, bool error);
    void setBusy(bool busy);

    std::unique_ptr<Ui::ExportDialog> m_ui;
    QButtonGroup m_reportGroup;
    InputProvider m_provider;
    int m_selectedCount = 0;
    int m_filteredCount = 0;
    OverwriteConfirmation m_confirmOverwrite;
    QFutureWatcher<ExportResult> m_watcher;
    std::shared_ptr<Progress> m_state;
    QPointer<QProgressDialog> m_progress;
    QTimer m_progressTimer;
    QString m_pickedPath; // chosen in the file dialog: overwrite already confirmed there
    QString m_suggestedBase;
    bool m_suffixFollowsFormat = false;
    bool m_exporting = false;
    int m_progressDelayMs = 400;
    int m_generation = 0;
    ExportResult m_result;
};

} // namespace bw
