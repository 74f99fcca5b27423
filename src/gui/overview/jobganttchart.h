#pragma once

#include "domain/watchedjob.h"

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <utility>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QGraphicsSimpleTextItem;
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
// The time axis is the range the user picked (RangeMode), never stretched by an expiry: a live
// job's expiry beyond the right end is written in a column right of the plot ("Expires 3 Dec
// 22:10 →"), and a bar that ended before the left end is replaced by a note at the left edge
// ("← ended 25 Nov 16:40"); both carry the exact times in their tooltips.
//
// setJobs() keeps the series it has and replaces their points (whole point lists, no
// animation); the chart asks for a height that gives every row the same room (rowHeight()).
class JobGanttChart : public QChartView
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxRows = 200;

    enum class RangeMode {
        Recent,  // the bars of live jobs and of jobs that ended in the last 24 hours (default)
        All,     // every bar
        LastDay, // the last 24 hours
        LastWeek // the last 7 days
    };
    Q_ENUM(RangeMode)

    explicit JobGanttChart(QWidget *parent = nullptr);
    ~JobGanttChart() override;

    void setJobs(const QList<WatchedJob> &jobs, const QDateTime &now);
    void setMaxRows(int rows);
    int maxRows() const { return m_maxRows; }
    void setRangeMode(RangeMode mode);
    RangeMode rangeMode() const { return m_rangeMode; }

    // The time range the axis covers, before rounding to whole ticks (UTC).
    QDateTime rangeStart() const { return m_axisStart; }
    QDateTime rangeEnd() const { return m_axisEnd; }
    // What the row shows beside its bar: the expiry right of the plot when it is beyond the
    // range ("Expires 3 Dec 22:10 →"), or a note at the left edge when the bar ended before
    // the range. Empty when there is none.
    QString rowEdgeText(int row) const;
    // The expiry triangles drawn in the plot, as (row, time) pairs.
    QList<std::pair<int, QDateTime>> expiryMarkers() const;

    int rowCount() const { return int(m_rows.size()); }
    QStringList rowIdentifiers() const;
    QString rowLabel(int row) const;
    QString rowToolTip(int row) const;
    // The chart in words, for screen readers: how many jobs over which range, then each row
    // as its tooltip says it. It is also the widget's accessible description, kept current by
    // setJobs() and setRangeMode().
    QString textSummary() const;
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
    void placeEdgeLabels();
    static QString shortTime(const QDateTime &t);
    QString uniqueLabel(const WatchedJob &job, QStringList &taken) const;

    QList<Row> m_rows;
    QDateTime m_now;
    QDateTime m_axisStart;
    QDateTime m_axisEnd;
    int m_maxRows = DefaultMaxRows;
    RangeMode m_rangeMode = RangeMode::Recent;
    QList<QString> m_edgeTexts; // per row, see rowEdgeText()
    QList<bool> m_edgeRight;    // per row: the edge text is an expiry right of the plot
    QList<QGraphicsSimpleTextItem *> m_edgeItems;
    QList<std::pair<int, QDateTime>> m_expiryMarkers;
    int m_edgeColumn = 0; // width of the column right of the plot, 0 when unused
    QCategoryAxis *m_xAxis = nullptr;
    QCategoryAxis *m_yAxis = nullptr;
    QList<QLineSeries *> m_bars;
    QList<QLineSeries *> m_legendSeries; // one per status group, empty: the legend entries
    QScatterSeries *m_expiry = nullptr;
    QLineSeries *m_nowLine = nullptr;
};

} // namespace bw
