#pragma once

#include "domain/jobmetrics.h"
#include "domain/watchedjob.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QProgressBar;
class QValueAxis;
QT_END_NAMESPACE

namespace Ui {
class ProgressTab;
}

namespace bw {

// The details panel's Progress tab: the four record counts, a progress bar (indeterminate while
// the total is 0 or unknown), the processing rate over the recent window and the ETA with its
// basis (JobMetrics), and a chart of processed and failed records over time from the progress
// samples (QDateTimeAxis, whole point lists, no animation). When the gateway never reported any
// count for the job the tab says so instead ("This gateway does not report record counts").
//
// setJob() replaces the job and its samples; addSample() appends one (the chart keeps its
// series and replaces their points); setNow() recomputes rate and ETA.
class ProgressTab : public QWidget
{
    Q_OBJECT

public:
    explicit ProgressTab(QWidget *parent = nullptr);
    ~ProgressTab() override;

    void setJob(const WatchedJob &job, const QList<ProgressSample> &samples, const QDateTime &now);
    void setSamples(const QList<ProgressSample> &samples);
    void addSample(const ProgressSample &sample);
    void setNow(const QDateTime &now);
    void clear();

    void setRateWindow(qint64 seconds);
    qint64 rateWindow() const { return m_rateWindow; }

    // What the tab shows, for tests and accessibility.
    bool countsReported() const;
    QString countText(JobField field) const; // TotalRecordCount ... ErrorRecordCount
    QString rateText() const;
    QString etaText() const;
    QProgressBar *progressBar() const;
    QChartView *chartView() const { return m_chartView; }
    int chartPointCount() const; // points of the processed-records series
    // The chart is shown only for two or more samples with different counts; otherwise a
    // sentence says what there is (one sample, or samples that never changed).
    bool chartShown() const;
    QString chartNoteText() const;
    // Whether the time axis labels, in their current format, fit between their ticks.
    bool timeLabelsFit() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    void updateChart();
    void updateTimeAxis();
    QString noteFor() const;
    void updateLook();

    std::unique_ptr<Ui::ProgressTab> m_ui;
    QChartView *m_chartView = nullptr;
    QDateTimeAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QLineSeries *m_processed = nullptr;
    QLineSeries *m_failed = nullptr;
    QLineSeries *m_total = nullptr;

    WatchedJob m_job;
    QList<ProgressSample> m_samples;
    QDateTime m_now;
    QDateTime m_axisFrom; // the samples' span, before rounding to whole ticks
    QDateTime m_axisTo;
    qint64 m_rateWindow = JobMetrics::DefaultRateWindowSeconds;
    bool m_hasJob = false;
};

} // namespace bw
