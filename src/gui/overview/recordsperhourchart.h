#pragma once

#include "domain/watchedjob.h"

#include <QChartView>
#include <QDateTime>
#include <QList>

QT_BEGIN_NAMESPACE
class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace bw {

// The overview page's throughput chart: records processed per hour across all jobs over the
// last 24 hours (local clock hours, the current hour last), from the jobs' progress samples.
// The increase of processedRecordCount between two consecutive samples of a job is spread
// evenly over the time between them, so an hour gets what was processed in it; a counter that
// went down (a reset) contributes nothing.
class RecordsPerHourChart : public QChartView
{
    Q_OBJECT

public:
    static constexpr int Hours = 24;

    explicit RecordsPerHourChart(QWidget *parent = nullptr);
    ~RecordsPerHourChart() override;

    // Per-hour totals, oldest first; bucket i covers [start + i h, start + (i + 1) h) where
    // start is the beginning of the hour 23 hours before the one `now` falls in (local time).
    static QList<qint64> perHour(const QList<QList<ProgressSample>> &samplesPerJob,
                                 const QDateTime &now);
    static QDateTime firstHourStart(const QDateTime &now);

    void setSamples(const QList<QList<ProgressSample>> &samplesPerJob, const QDateTime &now);
    const QList<qint64> &values() const { return m_values; }
    qint64 total() const;
    // The hour labels on the x axis ("18:00", local time): every 3rd or 6th hour, as the width
    // allows, each at the start of its hour.
    QStringList hourLabels() const;
    // What hovering bar `index` shows: the hour and its exact count.
    QString barToolTip(int index) const;
    // The chart in words, for screen readers: the total of the last 24 hours and the busiest
    // hour. It is also the widget's accessible description, kept current by setSamples().
    QString textSummary() const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyColors();
    void updateHourLabels();
    int labelStep() const;

    QBarSeries *m_series = nullptr;
    QBarSet *m_set = nullptr;
    QCategoryAxis *m_hoursAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QList<qint64> m_values;
    QDateTime m_start;
};

} // namespace bw
