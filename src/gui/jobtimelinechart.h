#pragma once

#include "watchedjob.h"

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace bw {

// The Timeline tab's chart (PRODUCT.md §2): time on the x axis (QDateTimeAxis, local time), one
// band per observed status interval coloured like the status badges (StatusPresentation), a
// grey hatched "not observed" band from submitTime to the first observation, markers for
// submitTime, lastModifiedTime, endTime and jobExpirationTime (distinct shapes, in the legend)
// and a dashed "now" line for live jobs. Hovering a band or a marker shows exact times.
//
// (Named JobTimelineChart because bw::TimelineChart is the report's static picture of the same
// thing; both follow the same layout rules, see layoutFor().)
//
// Updates: setJob() for a job (or a refresh of it) and setNow() on a timer keep the series and
// replace their points in place (whole point lists, no animation); series are only recreated
// when the set of bands or markers changes. Colours follow the widget palette.
class JobTimelineChart : public QChartView
{
    Q_OBJECT

public:
    enum class Marker { Submitted, LastModified, Ended, Expires, Now };
    Q_ENUM(Marker)

    struct Band
    {
        QDateTime from; // UTC
        QDateTime to;
        std::optional<Status> status; // none for the "not observed" band
        bool observed = true;         // false: before batchwatch saw the job
        bool lastKnown = false;       // no transition observed: the last known status only
    };
    struct Layout
    {
        QDateTime start; // the axis, padding included; invalid: nothing to draw
        QDateTime end;
        QList<Band> bands;
        QList<std::pair<Marker, QDateTime>> markers;
        bool expiryBeyond = false; // the expiry is far right: marked at the axis end
        bool isEmpty() const { return !start.isValid(); }
    };

    // Pure layout, the rules of the report's timeline: bands start at each transition's
    // observedAt; the last band of a live job runs to `now`, of a terminal job to its last known
    // instant; without any transition one band of the last known status from submitTime. An
    // expiry is taken into the axis when it is near the rest (within half the span) or, for a
    // queued job, within the at-risk threshold of now; otherwise it is marked at the right
    // edge (expiryBeyond) — unlike the report, which takes in every queued job's expiry.
    static Layout layoutFor(const WatchedJob &job, const QList<StatusTransition> &history,
                            const QDateTime &now);

    explicit JobTimelineChart(QWidget *parent = nullptr);
    ~JobTimelineChart() override;

    void setJob(const WatchedJob &job, const QList<StatusTransition> &history,
                const QDateTime &now);
    void setNow(const QDateTime &now);
    void clear();

    const Layout &currentLayout() const { return m_layout; }
    bool isEmpty() const { return m_layout.isEmpty(); }
    // What hovering shows.
    QString bandToolTip(int band) const;
    QString markerToolTip(Marker marker) const;
    static QString markerName(Marker marker);

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
    QString signature() const;
    QColor bandColor(const Band &band) const;
    QColor markerColor(Marker marker) const;

    WatchedJob m_job;
    QList<StatusTransition> m_history;
    QDateTime m_now;
    bool m_hasJob = false;
    Layout m_layout;
    QString m_signature;

    QDateTimeAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QList<QAreaSeries *> m_bandSeries;
    QList<QGraphicsSimpleTextItem *> m_bandLabels;
    QList<MarkerSeries> m_markerSeries;
};

} // namespace bw
