#pragma once

#include "domain/watchedjob.h"

#include <QDateTime>
#include <QWidget>

#include <functional>
#include <memory>

class QTableView;

namespace Ui {
class RecordsTab;
}

namespace bw {

class ErrorGroupModel;

// The details panel's Records tab (PRODUCT.md §2; issue 11 §3): what the job's per-record
// results said (WatchedJob::results).
//  - With results: the contradiction sentence when they disagree with the status
//    (resultsContradiction), a summary line, the outcome bar with a legend (succeeded /
//    errored / expired / canceled), "Capped at N MiB" when the size cap ended the read, and
//    the error groups (code, message, records, sample ids): sortable by any column, largest
//    first by default; Ctrl+C and the context menu copy the selected groups as TSV (all groups
//    when none is selected) or their sample ids.
//  - Without: an empty state that says why — never fetched, or the gateway has no results
//    route for the job (setResultsRoute(Unavailable)).
//  - "Fetch results" (or "Refresh" once there are results) emits fetchRequested(); while
//    setFetching(true) a progress bar shows the bytes read (setBytesRead) against the cap,
//    with Cancel (cancelRequested()). setFetchFailed() shows why a read failed; what was known
//    before stays shown.
//  - "Export failed records…" (enabled when the results counted failed records, or when
//    there are no results yet to tell) asks for a file (savePathPicker, a save dialog by default,
//    proposing suggestedExportFileName() in the last folder used) and emits
//    exportFailedRequested(path). While setExporting(true) a busy bar shows the records written
//    (setExportProgress) with Cancel (exportCancelRequested()); setExportFinished() ends it
//    with the one line that says what happened ("Saved 234 failed records to …", or why not).
// The tab never talks to a gateway: the owner connects the signals to the monitor and runs the
// export (FailedRecordsExport).
class RecordsTab : public QWidget
{
    Q_OBJECT

public:
    enum class ResultsRoute { Unknown, Available, Unavailable };

    explicit RecordsTab(QWidget *parent = nullptr);
    ~RecordsTab() override;

    void setJob(const WatchedJob &job, const QDateTime &now);
    void setNow(const QDateTime &now);
    void clear();

    // Whether the job's gateway serves per-record results. Unknown (the default) lets the
    // user try; Unavailable disables the button and says so in the empty state.
    void setResultsRoute(ResultsRoute route);
    ResultsRoute resultsRoute() const { return m_route; }
    void setCapBytes(qint64 bytes); // the cap a read stops at (default 256 MiB)
    void setFetching(bool fetching);
    bool isFetching() const { return m_fetching; }
    void setBytesRead(qint64 bytes);
    void setFetchFailed(const QString &message);

    // Asks where to save the failed records; returns the path, empty when the user gave up.
    using SavePathPicker = std::function<QString(QWidget *parent, const QString &proposed)>;
    void setSavePathPicker(SavePathPicker picker);
    // "<job name or short id>-failed-records.jsonl", safe as a file name on every system.
    static QString suggestedExportFileName(const WatchedJob &job);
    void setExporting(bool exporting);
    bool isExporting() const { return m_exporting; }
    void setExportProgress(qint64 recordsWritten, qint64 bytesRead);
    // Ends the exporting state with `message`; `ok` false shows it as a failure.
    void setExportFinished(const QString &message, bool ok);

    // For tests and the keyboard.
    bool isShowingEmptyState() const;
    QString emptyStateText() const; // title and text of the empty state
    QString verdictText() const;
    QString cappedText() const; // empty when the read was not capped
    QString summaryText() const;
    QString fetchButtonText() const;
    bool isCancelShown() const;
    bool isExportEnabled() const;
    bool isExportCancelShown() const;
    QString exportStatusText() const;
    // Clicks "Export failed records…" (for tests and the keyboard).
    void requestExport();
    QTableView *groupsView() const;
    ErrorGroupModel *groupsModel() const { return m_groups; }
    // Puts the selected groups (all when none is selected) on the clipboard as TSV; returns
    // how many were copied.
    int copyGroups();
    int copySampleIds();

Q_SIGNALS:
    void fetchRequested();
    void cancelRequested();
    void exportFailedRequested(const QString &path);
    void exportCancelRequested();
    void statusMessage(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateView();
    void updateFetchRow();
    void updateExportRow();
    void updateLook();
    // Sizes the error groups' columns to the table's width (see the .cpp).
    void fitGroupColumns();
    void showGroupsMenu(const QPoint &pos);
    QList<int> selectedGroupRows() const;

    std::unique_ptr<Ui::RecordsTab> m_ui;
    ErrorGroupModel *m_groups = nullptr;
    bool m_hasJob = false;
    WatchedJob m_job;
    QDateTime m_now;
    ResultsRoute m_route = ResultsRoute::Unknown;
    qint64 m_capBytes = 256LL * 1024 * 1024;
    bool m_fetching = false;
    qint64 m_bytesRead = 0;
    QString m_fetchError;
    SavePathPicker m_savePathPicker;
    QString m_exportFolder; // the folder of the last export, for the next proposal
    bool m_exporting = false;
    qint64 m_exportRecords = 0;
    QString m_exportMessage;
    bool m_exportOk = true;
};

} // namespace bw
