#pragma once

#include "domain/timelinelayout.h"
#include "domain/watchedjob.h"

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QString>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QLegendMarker;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace bw {

// The Timeline tab's chart (PRODUCT.md §2): time on the x axis (local time, round ticks by
// ChartTimeAxis), one band per observed status interval coloured like the status badges
// (StatusPresentation), a grey hatched "not observed" band from submitTime until the first
// observation (or until the gateway's endTime / lastModifiedTime says the first observed status
// began), markers for submitTime, lastModifiedTime, endTime and jobExpirationTime (distinct shapes,
// in the legend) and a dashed "now" line for live jobs. Hovering a band or a marker shows exact
// times.
//
// (Named JobTimelineChart because bw::TimelineChart is the report's static picture of the same
// thing; both draw the same bw::TimelineLayout.) An expiry that the layout leaves out of the
// range is not drawn at its place: "Expires <time> →" is written above the plot's right end.
//
// Updates: setJob() for a job (or a refresh of it) and setNow() on a timer keep the series and
// replace their points in place (whole point lists, no animation); series are only recreated
// when the set of bands or markers changes. Colours follow the widget palette.
class JobTimelineChart : public QChartView
{
    Q_OBJECT

public:
    // The layout comes from the core (computeTimelineLayout, shared with the report's chart);
    // these names are the chart's view of it.
    using Marker = TimelineLayout::MarkerKind;
    using Band = TimelineLayout::Band;
    using Layout = TimelineLayout;

    // computeTimelineLayout() with the default options: see timelinelayout.h for the rules.
    static Layout layoutFor(const WatchedJob &job, const QList<StatusTransition> &history,
                            const QDateTime &now)
    {
        return computeTimelineLayout(job, history, now);
    }

    explicit JobTimelineChart(QWidget *parent = nullptr);
    ~JobTimelineChart() override;

    void setJob(const WatchedJob &job, const QList<StatusTransition> &history,
                const QDateTime &now);
    void setNow(const QDateTime &now);
    void clear();

    const Layout &currentLayout() const { return m_layout; }
    bool isEmpty() const { return m_layout.isEmpty(); }
    // Rows of the legend below the plot when its names do not fit on one line (0 when they do).
    int legendRows() const { return m_legendRows; }
    // What hovering shows.
    QString bandToolTip(int band) const;
    QString markerToolTip(Marker marker) const;
    static QString markerName(Marker marker);
    // The label written above the plot's right end when the layout leaves the expiry out of
    // the range and the axis does not reach it either ("Expires 3 Dec 22:10 →", local time);
    // empty when the expiry is on the axis or unknown.
    QString expiryEdgeText() const;
    // The chart in words, for screen readers (it is also the widget's accessible description,
    // kept up to date): every band with its status, times and duration, oldest first, then
    // every marker with its time. Says so when there is no job or nothing to draw.
    QString textSummary() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct MarkerSeries
    {
        Marker kind;
        QScatterSeries *point = nullptr;
        QLineSeries *line = nullptr;
    };

    void relayout();
    void rebuildSeries();
    void updatePoints();
    void applyColors();
    void updateAxis();
    void placeLabels();
    void updateMargins();
    int placeLegend(int side);
    static void showInLegend(QLegendMarker *marker, bool shown);
    QString signature() const;
    bool expiryAtEdge() const;
    void updateExpiryLegend();
    QColor bandColor(const Band &band) const;
    QColor markerColor(Marker marker) const;

    WatchedJob m_job;
    QList<StatusTransition> m_history;
    QDateTime m_now;
    bool m_hasJob = false;
    Layout m_layout;
    QString m_signature;
    bool m_expiryOnAxis = false; // the axis, rounded to whole ticks, reaches the expiry

    QCategoryAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QList<QAreaSeries *> m_bandSeries;
    QList<QGraphicsSimpleTextItem *> m_bandLabels;
    QList<MarkerSeries> m_markerSeries;
    QGraphicsSimpleTextItem *m_edgeLabel = nullptr;
    int m_legendRows = 0; // rows of the wrapped legend below the plot; 0: one line, attached
};

} // namespace bw
