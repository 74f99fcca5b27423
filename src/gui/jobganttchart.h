#pragma once

#include "watchedjob.h"

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace bw {

// The overview page's Gantt chart: one row per job in the given order (the visible rows of the
// job table), a bar from submitTime to endTime (or "now" for a live job, or its last known
// instant for a terminal job without endTime) coloured by status group, a triangle at the
// jobExpirationTime of live jobs, and a dashed "now" line. Rows are capped at maxRows(); the
// caller says how many there were. Hovering a bar shows the job's name, status and times.
//
// setJobs() keeps the series it has and replaces their points (whole point lists, no
// animation); the chart asks for a height that gives every row the same room (rowHeight()).
class JobGanttChart : public QChartView
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxRows = 200;

    explicit JobGanttChart(QWidget *parent = nullptr);
    ~JobGanttChart() override;

    void setJobs(const QList<WatchedJob> &jobs, const QDateTime &now);
    void setMaxRows(int rows);
    int maxRows() const { return m_maxRows; }

    int rowCount() const { return int(m_rows.size()); }
    QStringList rowIdentifiers() const;
    QString rowLabel(int row) const;
    QString rowToolTip(int row) const;
    int rowHeight() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Row
    {
        WatchedJob job;
        QString label;
        QDateTime from; // invalid: no bar
        QDateTime to;
        bool live = false;
    };

    void rebuild();
    void ensureSeries(int count);
    void applyColors();
    void updateBarWidth();
    void updateTimeAxis();
    void updateHeight();
    QString uniqueLabel(const WatchedJob &job, QStringList &taken) const;

    QList<Row> m_rows;
    QDateTime m_now;
    QDateTime m_axisStart;
    QDateTime m_axisEnd;
    int m_maxRows = DefaultMaxRows;
    QDateTimeAxis *m_xAxis = nullptr;
    QCategoryAxis *m_yAxis = nullptr;
    QList<QLineSeries *> m_bars;
    QList<QLineSeries *> m_legendSeries; // one per status group, empty: the legend entries
    QScatterSeries *m_expiry = nullptr;
    QLineSeries *m_nowLine = nullptr;
};

} // namespace bw
