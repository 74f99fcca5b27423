#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace bw {

class JobMonitor;
class ProfileSession;

// The details panel (PRODUCT.md §2, "Details panel"): a header strip (the job name on a line of
// its own, elided only when longer than the panel with the full name in its tooltip; below it
// the status badge, short id, freshness and "Copy ARN" / "Copy as JSON"; below them, in bold,
// the sentence when the job's per-record results contradict its status) above eight tabs —
// overview, progress, records, timeline, vpc, configuration, history, raw — for the one job
// selected in the table.
//
// Contract:
//  - setSession(): the panel follows the session's monitor (jobsUpdated / transitionObserved /
//    historyLoaded / jobsRemoved) and the session's one sample feed (samplesLoaded /
//    sampleAdded; the panel keeps no copy of the samples) for the current job and updates the
//    tabs in place: scroll positions, selections, the raw search and the chosen tab survive
//    updates. Only a change of job resets the views. The session is not owned; it may be
//    replaced or null (then the empty state shows).
//  - setCurrentJob(): an identifier as the monitor keys it (WatchedJob::identifier); empty or
//    unknown → the empty state "Select a job to see its details".
//  - Records: the Records tab's "Fetch results" / Cancel come out as resultsFetchRequested /
//    resultsCancelRequested with the job's identifier (the owner calls the monitor);
//    setResultsFetching / setResultsBytesRead / setResultsFailed / setResultsRoute report back
//    for the job shown (other identifiers are ignored). New results arrive with the job
//    (WatchedJob::results through jobsUpdated) and end the fetching state.
//    The Records tab's "Export failed records…" runs a FailedRecordsExport through the
//    session's client for the job's results target (JobMonitor::resultsTarget), at the
//    monitor's results cap; the outcome ends up in the tab and in statusMessage(). Exports go
//    on while other jobs are shown; a new session or the panel's end cancels them (no file).
//  - Tab names (setCurrentTab / currentTabName): "overview", "progress", "records", "timeline",
//  "vpc",
//    "configuration", "history", "raw" (case-insensitive on input). setCurrentTab returns
//    false for an unknown name and leaves the tab alone.
//  - saveState()/restoreState(): the current tab and the column widths of the history and
//    configuration views; restoreState returns false (and changes nothing) on foreign data.
//  - statusMessage(): short confirmations for the status bar ("Copied ARN").
class JobDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JobDetailsPanel(QWidget *parent = nullptr);
    ~JobDetailsPanel() override;

    void setSession(ProfileSession *session);
    ProfileSession *session() const;
    // The session's monitor; null without a session.
    JobMonitor *monitor() const;

    void setCurrentJob(const QString &identifier);
    QString currentJob() const;

    bool setCurrentTab(const QString &name);
    QString currentTabName() const;
    static QStringList tabNames();
    // How wide the panel must be for its tabs to fit one row (narrower, they wrap onto more).
    int widthShowingEveryTab() const;

    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

    void setResultsFetching(const QString &identifier, bool fetching);
    void setResultsBytesRead(const QString &identifier, qint64 bytes);
    void setResultsFailed(const QString &identifier, const QString &message);
    // true: the gateway serves results for the job; false: it has no results route.
    void setResultsRoute(const QString &identifier, bool available);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void resultsFetchRequested(const QString &identifier);
    void resultsCancelRequested(const QString &identifier);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace bw
