#include "charts/jobtimelinechart.h"

#include "charts/chartpalette.h"
#include "charts/charttimeaxis.h"
#include "details/detailsformat.h"
#include "domain/jobmetrics.h"
#include "presentation/statuspresentation.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QCursor>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace bw {

namespace {

// The dynamic property that records whether this chart shows a legend marker.
constexpr char kLegendShown[] = "bw.legendShown";
constexpr qreal kBandLow = 0.14;
constexpr qreal kBandHigh = 0.62;
constexpr qreal kYMax = 1.0;
qreal xOf(const QDateTime &t)
{
    return qreal(t.toMSecsSinceEpoch());
}

// The height of each marker's stem and symbol: markers that often share an instant (submit and
// first band, last change and end) sit at different heights so both stay visible.
qreal markerHeight(JobTimelineChart::Marker marker)
{
    switch (marker) {
    case JobTimelineChart::Marker::Submitted:
    case JobTimelineChart::Marker::Ended:
        return 0.74;
    case JobTimelineChart::Marker::LastModified:
    case JobTimelineChart::Marker::Expires:
        return 0.86;
    case JobTimelineChart::Marker::Now:
        break;
    }
    return kYMax;
}

} // namespace

JobTimelineChart::JobTimelineChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_xAxis(new QCategoryAxis)
    , m_yAxis(new QValueAxis)
{
    ChartPalette::setUp(this);
    setAccessibleName(tr("Status timeline"));
    setAccessibleDescription(textSummary());
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    m_yAxis->setRange(0, kYMax);
    m_yAxis->setVisible(false);
    m_yAxis->setGridLineVisible(false);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->legend()->setShowToolTips(true);
    connect(chart(), &QChart::plotAreaChanged, this, [this] {
        updateAxis();
        placeLabels();
    });
    m_edgeLabel = new QGraphicsSimpleTextItem(chart());
    m_edgeLabel->setZValue(10);
    m_edgeLabel->setVisible(false);
    setMinimumHeight(fontMetrics().height() * 10);
    applyColors();
}

JobTimelineChart::~JobTimelineChart() = default;

void JobTimelineChart::setJob(const WatchedJob &job, const QList<StatusTransition> &history,
                              const QDateTime &now)
{
    m_job = job;
    m_history = history;
    m_now = now;
    m_hasJob = true;
    relayout();
}

void JobTimelineChart::setNow(const QDateTime &now)
{
    if (m_now == now)
        return;
    m_now = now;
    if (m_hasJob)
        relayout();
}

void JobTimelineChart::clear()
{
    m_hasJob = false;
    m_job = {};
    m_history.clear();
    relayout();
}

void JobTimelineChart::relayout()
{
    m_layout = m_hasJob ? layoutFor(m_job, m_history, m_now) : Layout();
    const QString sig = signature();
    if (sig != m_signature) {
        m_signature = sig;
        rebuildSeries();
    }
    updateMargins();
    updatePoints();
    setAccessibleDescription(textSummary());
}

QString JobTimelineChart::signature() const
{
    // Everything that decides which series exist and how they look, but not where they are.
    QString sig;
    for (const Band &b : m_layout.bands) {
        sig += b.status ? b.status->raw() : QStringLiteral("~");
        sig += b.observed ? u'o' : u'u';
        sig += b.lastKnown ? u'l' : u'-';
        sig += u'|';
    }
    for (const Layout::Marker &m : m_layout.markers)
        sig += QString::number(int(m.kind));
    sig += m_layout.expiryBeyond ? u'b' : u'-';
    return sig;
}

void JobTimelineChart::rebuildSeries()
{
    QToolTip::hideText();
    for (QGraphicsSimpleTextItem *item : std::as_const(m_bandLabels))
        delete item;
    m_bandLabels.clear();
    chart()->removeAllSeries();
    m_bandSeries.clear();
    m_markerSeries.clear();

    QStringList legendSeen;
    for (qsizetype i = 0; i < m_layout.bands.size(); ++i) {
        const Band &band = m_layout.bands.at(i);
        auto *area = new QAreaSeries;
        auto *upper = new QLineSeries(area);
        auto *lower = new QLineSeries(area);
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        QString name = band.observed ? StatusPresentation::text(band.status.value_or(Status()))
                                     : tr("Not observed");
        if (band.lastKnown)
            name = tr("%1 (last known)").arg(name);
        area->setName(name);
        area->setProperty("bw.band", band.observed ? QStringLiteral("observed")
                                                   : QStringLiteral("not-observed"));
        chart()->addSeries(area);
        area->attachAxis(m_xAxis);
        area->attachAxis(m_yAxis);
        const bool firstOfItsName = !legendSeen.contains(name);
        legendSeen.append(name);
        const auto markers = chart()->legend()->markers(area);
        for (QLegendMarker *m : markers)
            showInLegend(m, firstOfItsName);
        const int index = int(i);
        connect(area, &QAreaSeries::hovered, this, [this, index](const QPointF &, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), bandToolTip(index), this);
            else
                QToolTip::hideText();
        });
        m_bandSeries.append(area);

        auto *label = new QGraphicsSimpleTextItem(chart());
        label->setZValue(10);
        label->setAcceptHoverEvents(false);
        m_bandLabels.append(label);
    }

    for (const auto &[kind, at] : m_layout.markers) {
        Q_UNUSED(at)
        MarkerSeries ms;
        ms.kind = kind;
        const Marker marker = kind;
        ms.line = new QLineSeries;
        ms.line->setName(markerName(kind));
        chart()->addSeries(ms.line);
        ms.line->attachAxis(m_xAxis);
        ms.line->attachAxis(m_yAxis);
        connect(ms.line, &QLineSeries::hovered, this, [this, marker](const QPointF &, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), markerToolTip(marker), this);
            else
                QToolTip::hideText();
        });
        if (kind != Marker::Now) {
            ms.point = new QScatterSeries;
            ms.point->setName(markerName(kind));
            switch (kind) {
            case Marker::Submitted:
                ms.point->setMarkerShape(QScatterSeries::MarkerShapeCircle);
                break;
            case Marker::LastModified:
                ms.point->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
                break;
            case Marker::Ended:
                ms.point->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
                break;
            case Marker::Expires:
                ms.point->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
                break;
            case Marker::Now:
                break;
            }
            chart()->addSeries(ms.point);
            ms.point->attachAxis(m_xAxis);
            ms.point->attachAxis(m_yAxis);
            connect(ms.point, &QScatterSeries::hovered, this,
                    [this, marker](const QPointF &, bool state) {
                        if (state)
                            QToolTip::showText(QCursor::pos(), markerToolTip(marker), this);
                        else
                            QToolTip::hideText();
                    });
            // The symbol stands for the marker in the legend; its stem does not.
            const auto lineMarkers = chart()->legend()->markers(ms.line);
            for (QLegendMarker *m : lineMarkers)
                showInLegend(m, false);
        }
        m_markerSeries.append(ms);
    }
    updateExpiryLegend();
    applyColors();
}

bool JobTimelineChart::expiryAtEdge() const
{
    // The layout leaves a far expiry out of its range; the axis, rounded to whole ticks, may
    // still reach it, and then it is drawn where it is like any other marker.
    return !m_layout.isEmpty() && m_layout.expiryBeyond && !m_expiryOnAxis;
}

void JobTimelineChart::updateExpiryLegend()
{
    // An expiry not on the axis is not drawn: the edge label stands for it, not the legend.
    for (const MarkerSeries &ms : std::as_const(m_markerSeries)) {
        if (ms.kind != Marker::Expires || !ms.point)
            continue;
        const auto pointMarkers = chart()->legend()->markers(ms.point);
        for (QLegendMarker *m : pointMarkers)
            showInLegend(m, !expiryAtEdge());
    }
}

void JobTimelineChart::updatePoints()
{
    if (m_layout.isEmpty()) {
        updateAxis();
        placeLabels();
        return;
    }
    for (qsizetype i = 0; i < m_layout.bands.size() && i < m_bandSeries.size(); ++i) {
        const Band &band = m_layout.bands.at(i);
        const qreal from = xOf(band.from);
        const qreal to = std::max(xOf(band.to), from + 1.0);
        QAreaSeries *area = m_bandSeries.at(i);
        area->upperSeries()->replace({QPointF(from, kBandHigh), QPointF(to, kBandHigh)});
        area->lowerSeries()->replace({QPointF(from, kBandLow), QPointF(to, kBandLow)});
    }
    for (qsizetype i = 0; i < m_layout.markers.size() && i < m_markerSeries.size(); ++i) {
        const auto &[kind, at] = m_layout.markers.at(i);
        const qreal x = xOf(at);
        const qreal h = markerHeight(kind);
        MarkerSeries &ms = m_markerSeries[i];
        // An expiry beyond the axis stands at its real time too, outside the plot, where
        // QtCharts clips it: the edge label above the plot says when it is.
        ms.line->replace({QPointF(x, 0.0), QPointF(x, h)});
        if (ms.point)
            ms.point->replace({QPointF(x, h)});
    }
    updateAxis();
    placeLabels();
}

void JobTimelineChart::updateAxis()
{
    QDateTime from = m_layout.start;
    QDateTime to = m_layout.end;
    if (m_layout.isEmpty()) {
        to = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        from = to.addSecs(-3600);
    }
    const qreal plot = chart()->plotArea().width();
    ChartTimeAxis::setRange(m_xAxis, from, to, plot > 0 ? int(plot) : width() * 9 / 10,
                            fontMetrics());
    const std::optional<QDateTime> expiry = m_layout.markerAt(Marker::Expires);
    const bool onAxis = expiry && qreal(expiry->toMSecsSinceEpoch()) >= m_xAxis->min()
                        && qreal(expiry->toMSecsSinceEpoch()) <= m_xAxis->max();
    if (onAxis != m_expiryOnAxis) {
        m_expiryOnAxis = onAxis;
        updateExpiryLegend();
        updateMargins();
    }
}

QString JobTimelineChart::expiryEdgeText() const
{
    if (!expiryAtEdge())
        return {};
    for (const auto &[kind, at] : m_layout.markers) {
        if (kind != Marker::Expires)
            continue;
        const QString when = QLocale().toString(at.toLocalTime(), QStringLiteral("d MMM HH:mm"));
        const bool terminal = m_job.job.status && m_job.job.status->isTerminal();
        return terminal ? tr("Expiry time %1 →").arg(when) : tr("Expires %1 →").arg(when);
    }
    return {};
}

void JobTimelineChart::updateMargins()
{
    // A line above the plot for the edge label when there is one, and below it the legend.
    const QFontMetrics fm(font());
    const int side = fm.averageCharWidth() * 4;
    const int top = expiryEdgeText().isEmpty() ? fm.height() / 4 : fm.height() * 3 / 2;
    const int legendHeight = placeLegend(side);
    const QMargins margins(side, top, side, fm.height() / 4 + legendHeight);
    if (chart()->margins() != margins)
        chart()->setMargins(margins);
}

void JobTimelineChart::showInLegend(QLegendMarker *marker, bool shown)
{
    marker->setVisible(shown);
    marker->setProperty(kLegendShown, shown);
}

int JobTimelineChart::placeLegend(int side)
{
    // Attached to the chart, Qt keeps the legend on one line (or, at the side, in at most
    // 40 % of the width) and cuts names off ("Nicht beoba…", "Übermittlun…"). When the names do
    // not fit on one line below the plot, the legend is detached and wraps them into rows,
    // for which the bottom margin makes room.
    QLegend *legend = chart()->legend();
    const QFontMetrics fm(legend->font());
    // An entry as Qt lays it out: margins, symbol, spacing, the label in a text item with its
    // own margins; estimated generously, since an entry pushed past the edge would be cut.
    QList<qreal> widths;
    const auto markers = legend->markers();
    for (const QLegendMarker *m : markers) {
        // What this chart decided, not QLegendMarker::isVisible(), which also answers false
        // while the legend's items are hidden (a tab not shown yet).
        const QVariant shown = m->property(kLegendShown);
        if (!shown.isValid() || shown.toBool())
            widths.append(fm.horizontalAdvance(m->label()) + fm.height() * 2 + 16);
    }
    const qreal available = chart()->size().width() - 2 * side;
    qreal total = 0;
    for (qreal w : std::as_const(widths))
        total += w;
    if (widths.isEmpty() || total <= available || available <= 0) {
        m_legendRows = 0;
        if (!legend->isAttachedToChart()) {
            legend->attachToChart();
            legend->setAlignment(Qt::AlignBottom);
        }
        return 0;
    }
    // Qt's detached layout starts a new row when the entry just placed would not fit again
    // after itself; narrowing the legend by the spread of the widths keeps a longer next entry
    // inside the chart.
    const auto [shortest, longest] = std::minmax_element(widths.cbegin(), widths.cend());
    const qreal width = std::max(*longest, available - (*longest - *shortest));
    int rows = 1;
    qreal x = 0;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        x += widths.at(i);
        if (x + widths.at(i) > width && i + 1 < widths.size()) {
            ++rows;
            x = 0;
        }
    }
    const int rowHeight = fm.height() + 14;
    const int height = rows * rowHeight;
    if (legend->isAttachedToChart())
        legend->detachFromChart();
    legend->setAlignment(Qt::AlignTop);
    legend->setGeometry(
            QRectF(side, chart()->size().height() - fm.height() / 4 - height, width, height));
    legend->update();
    m_legendRows = rows;
    return height;
}

void JobTimelineChart::placeLabels()
{
    const QFontMetrics fm(font());
    const QString edge = expiryEdgeText();
    m_edgeLabel->setVisible(!edge.isEmpty() && chart()->plotArea().isValid());
    if (!edge.isEmpty()) {
        m_edgeLabel->setText(edge);
        m_edgeLabel->setFont(font());
        m_edgeLabel->setBrush(markerColor(Marker::Expires));
        m_edgeLabel->setToolTip(markerToolTip(Marker::Expires));
        const QRectF plot = chart()->plotArea();
        const QRectF box = m_edgeLabel->boundingRect();
        m_edgeLabel->setPos(plot.right() - box.width(), plot.top() - box.height() - fm.descent());
    }
    for (qsizetype i = 0; i < m_bandLabels.size(); ++i) {
        QGraphicsSimpleTextItem *label = m_bandLabels.at(i);
        if (i >= m_layout.bands.size() || i >= m_bandSeries.size()) {
            label->setVisible(false);
            continue;
        }
        const Band &band = m_layout.bands.at(i);
        const qreal mid = (kBandLow + kBandHigh) / 2;
        const QPointF left
                = chart()->mapToPosition(QPointF(xOf(band.from), mid), m_bandSeries.at(i));
        const QPointF right
                = chart()->mapToPosition(QPointF(xOf(band.to), mid), m_bandSeries.at(i));
        const QRectF plot = chart()->plotArea();
        const qreal l = std::max(left.x(), plot.left());
        const qreal r = std::min(right.x(), plot.right());
        const QString text = band.observed
                                     ? StatusPresentation::text(band.status.value_or(Status()))
                                     : tr("not observed");
        const int textWidth = fm.horizontalAdvance(text);
        const bool fits = r - l >= textWidth + fm.averageCharWidth() * 2;
        label->setVisible(fits);
        if (!fits)
            continue;
        label->setText(text);
        label->setFont(font());
        label->setBrush(palette().color(QPalette::Text));
        label->setPos((l + r - textWidth) / 2, left.y() - fm.height() / 2.0);
    }
}

QColor JobTimelineChart::bandColor(const Band &band) const
{
    if (!band.observed)
        return ChartPalette::neutralColor(palette());
    return StatusPresentation::color(band.status ? band.status->code() : JobStatus::Unknown,
                                     palette());
}

QColor JobTimelineChart::markerColor(Marker marker) const
{
    switch (marker) {
    case Marker::Submitted:
    case Marker::Ended:
        return ChartPalette::textColor(palette());
    case Marker::LastModified:
        return palette().color(QPalette::Active, QPalette::Link);
    case Marker::Expires:
        return StatusPresentation::warningColor(palette());
    case Marker::Now:
        break;
    }
    return palette().color(QPalette::Active, QPalette::Highlight);
}

void JobTimelineChart::applyColors()
{
    ChartPalette::apply(chart(), palette(), font());
    const bool dark = StatusPresentation::isDark(palette());
    for (qsizetype i = 0; i < m_bandSeries.size() && i < m_layout.bands.size(); ++i) {
        const Band &band = m_layout.bands.at(i);
        const QColor accent = bandColor(band);
        QColor fill = accent;
        fill.setAlphaF(dark ? 0.55f : 0.40f);
        QAreaSeries *area = m_bandSeries.at(i);
        area->setBrush(band.observed ? QBrush(fill) : QBrush(accent, Qt::BDiagPattern));
        area->setPen(QPen(accent, 1.0));
    }
    const int em = fontMetrics().height();
    for (const MarkerSeries &ms : std::as_const(m_markerSeries)) {
        const QColor color = markerColor(ms.kind);
        QPen pen(color, ms.kind == Marker::Now ? 2.0 : 1.5);
        if (ms.kind == Marker::Now || ms.kind == Marker::Expires)
            pen.setStyle(Qt::DashLine);
        ms.line->setPen(pen);
        ms.line->setColor(color);
        if (ms.point) {
            ms.point->setColor(color);
            ms.point->setBorderColor(palette().color(QPalette::Active, QPalette::Base));
            ms.point->setMarkerSize(em * 0.8);
        }
    }
    placeLabels();
}

QString JobTimelineChart::bandToolTip(int index) const
{
    if (index < 0 || index >= m_layout.bands.size())
        return {};
    const Band &band = m_layout.bands.at(index);
    const bool runsToNow = !m_job.job.status || !m_job.job.status->isTerminal();
    const bool isLast = index == m_layout.bands.size() - 1;
    const QDateTime from = band.actualFrom.isValid() ? band.actualFrom : band.from;
    const QDateTime until = band.actualTo.isValid() ? band.actualTo : band.to;
    const QString to = isLast && runsToNow && band.observed
                               ? tr("now (%1)").arg(DetailsFormat::absoluteTime(until))
                               : DetailsFormat::absoluteTime(until);
    const QString duration = JobMetrics::formatDuration(from.secsTo(until));
    if (!band.observed)
        return tr("Not observed: before batchwatch first saw this job\n"
                  "From %1 (submitted)\nto %2\n%3")
                .arg(DetailsFormat::absoluteTime(from), to, duration);
    const QString status = StatusPresentation::text(band.status.value_or(Status()));
    const QString head = band.lastKnown
                                 ? tr("%1 (last known status, no change observed)").arg(status)
                                 : status;
    if (band.final) {
        // The status the job ended in: it has no duration, the job's life ended here.
        const bool atEndTime = m_job.job.endTime && m_job.job.endTime->toUTC() == from;
        QString tip = (atEndTime ? tr("%1\nThe job ended %2 (the gateway's end time)")
                                 : tr("%1\nThe job ended %2"))
                              .arg(head, DetailsFormat::absoluteTime(from));
        if (band.seenAt.isValid() && band.seenAt > from)
            tip += u'\n' + tr("First seen %1").arg(DetailsFormat::absoluteTime(band.seenAt));
        return tip;
    }
    QString tip = tr("%1\nFrom %2\nto %3\n%4")
                          .arg(head, DetailsFormat::absoluteTime(from), to, duration);
    if (band.gatewayStart) {
        // The gateway said when this status began (Bifrost's native per-status times).
        tip += u'\n'
               + (band.seenAt.isValid() && band.seenAt > from
                          ? tr("Began at the gateway's own time for this status; first seen %1")
                                    .arg(DetailsFormat::absoluteTime(band.seenAt))
                          : tr("Began at the gateway's own time for this status; no poll saw "
                               "it"));
    } else if (band.seenAt.isValid() && band.seenAt > from) {
        // The start comes from the gateway's times, not from an observation.
        const bool fromEnd = m_job.job.endTime && m_job.job.endTime->toUTC() == from;
        tip += u'\n'
               + (fromEnd ? tr("Began at the gateway's end time; first seen %1")
                          : tr("Known from the gateway's last modified time; first seen %1"))
                         .arg(DetailsFormat::absoluteTime(band.seenAt));
    }
    return tip;
}

QString JobTimelineChart::markerToolTip(Marker marker) const
{
    for (const auto &[kind, at] : m_layout.markers) {
        if (kind != marker)
            continue;
        QString tip = tr("%1: %2\n%3")
                              .arg(markerName(kind), DetailsFormat::absoluteTime(at),
                                   DetailsFormat::utcTime(at));
        if (kind == Marker::Expires && expiryAtEdge())
            tip += u'\n'
                   + tr("Beyond the right edge of the chart (%1 away)")
                             .arg(JobMetrics::formatDuration(
                                     (m_now.isValid() ? m_now : m_layout.end).secsTo(at)));
        return tip;
    }
    return {};
}

QString JobTimelineChart::textSummary() const
{
    if (!m_hasJob)
        return tr("No job selected.");
    if (m_layout.isEmpty())
        return tr("No status times are known for this job yet.");
    // The hover texts, one line each: what a mouse user reads, in the same words.
    const auto oneLine = [](QString text) {
        return text.replace(u'\n', QStringLiteral(", "));
    };
    QStringList parts;
    for (int i = 0; i < m_layout.bands.size(); ++i)
        parts.append(oneLine(bandToolTip(i)));
    for (const Layout::Marker &marker : m_layout.markers) {
        if (marker.kind != Marker::Now)
            parts.append(oneLine(markerToolTip(marker.kind)));
    }
    return parts.join(QStringLiteral(". ")) + u'.';
}

QString JobTimelineChart::markerName(Marker marker)
{
    switch (marker) {
    case Marker::Submitted:
        return tr("Submit time");
    case Marker::LastModified:
        return tr("Last modified");
    case Marker::Ended:
        return tr("End time");
    case Marker::Expires:
        return tr("Expiry");
    case Marker::Now:
        break;
    }
    return tr("Now");
}

void JobTimelineChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateMargins();
    updateAxis();
    placeLabels();
}

void JobTimelineChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange) {
        applyColors();
        updateMargins();
        updateAxis();
    }
}

} // namespace bw
