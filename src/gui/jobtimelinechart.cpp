#include "jobtimelinechart.h"

#include "chartpalette.h"
#include "charttimeaxis.h"
#include "detailsformat.h"
#include "jobmetrics.h"
#include "statuspresentation.h"

#include <QAreaSeries>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace bw {

namespace {

constexpr qreal kBandLow = 0.14;
constexpr qreal kBandHigh = 0.62;
constexpr qreal kYMax = 1.0;
constexpr qint64 kMinuteMs = 60 * 1000;

bool valid(const std::optional<QDateTime> &t)
{
    return t && t->isValid();
}

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

JobTimelineChart::Layout JobTimelineChart::layoutFor(const WatchedJob &watched,
                                                     const QList<StatusTransition> &historyIn,
                                                     const QDateTime &nowIn)
{
    Layout out;
    const Job &job = watched.job;
    const bool terminal = job.status && job.status->isTerminal();
    const QDateTime now = nowIn.toUTC();

    QList<StatusTransition> history;
    for (const StatusTransition &t : historyIn) {
        if (t.observedAt.isValid())
            history.append(t);
    }
    std::stable_sort(history.begin(), history.end(),
                     [](const StatusTransition &a, const StatusTransition &b) {
                         return a.observedAt < b.observedAt;
                     });

    QList<QDateTime> instants;
    for (const auto *t : {&job.submitTime, &job.lastModifiedTime, &job.endTime}) {
        if (valid(*t))
            instants.append(t->value().toUTC());
    }
    for (const StatusTransition &t : std::as_const(history))
        instants.append(t.observedAt.toUTC());
    if (instants.isEmpty()) {
        for (const QDateTime &t : {watched.fetchedAt, watched.addedAt}) {
            if (t.isValid())
                instants.append(t.toUTC());
        }
    }
    if (instants.isEmpty())
        return out;

    QDateTime first = *std::min_element(instants.cbegin(), instants.cend());
    QDateTime last = *std::max_element(instants.cbegin(), instants.cend());
    const bool live = !terminal && now.isValid() && now >= first;
    if (live)
        last = std::max(last, now);
    // A live job is in its last status until now, even when a gateway clock running ahead
    // stamped lastModifiedTime later than that.
    const QDateTime bandEnd = live ? now : last;

    if (valid(job.jobExpirationTime)) {
        const QDateTime expiry = job.jobExpirationTime->toUTC();
        const qint64 span = std::max<qint64>(first.msecsTo(last), kMinuteMs);
        // A queued job close to its expiry: the expiry is what matters, take it in. (The
        // report takes it in for every queued job; on screen a week-away expiry of a job
        // queued for a minute would squash the bands to nothing.)
        const bool queued
                = !job.status || job.status->isQueued() || job.statusCode() == JobStatus::Unknown;
        const bool nearForQueued
                = queued && now.isValid()
                  && now.secsTo(expiry) <= JobMetrics::DefaultAtRiskThresholdSeconds;
        if (expiry < first)
            first = expiry;
        else if (nearForQueued || last.msecsTo(expiry) <= span / 2)
            last = std::max(last, expiry);
        else
            out.expiryBeyond = true;
    }

    qint64 span = first.msecsTo(last);
    if (span < kMinuteMs) {
        const qint64 grow = (kMinuteMs - span) / 2;
        first = first.addMSecs(-grow);
        last = last.addMSecs(kMinuteMs - span - grow);
        span = kMinuteMs;
    }
    const qint64 pad = std::max<qint64>(span / 40, 1000);
    out.start = first.addMSecs(-pad);
    out.end = last.addMSecs(out.expiryBeyond ? 2 * pad : pad);

    if (!history.isEmpty()) {
        const QDateTime firstSeen = history.first().observedAt.toUTC();
        if (valid(job.submitTime) && job.submitTime->toUTC() < firstSeen)
            out.bands.append({job.submitTime->toUTC(), firstSeen, std::nullopt, false, false});
        for (qsizetype i = 0; i < history.size(); ++i) {
            const QDateTime from = history.at(i).observedAt.toUTC();
            const QDateTime to = i + 1 < history.size() ? history.at(i + 1).observedAt.toUTC()
                                                        : std::max(from, bandEnd);
            out.bands.append({from, to, history.at(i).to, true, false});
        }
    } else if (job.status) {
        const QDateTime from = valid(job.submitTime) ? job.submitTime->toUTC() : first;
        out.bands.append({from, std::max(from, bandEnd), job.status, true, true});
    }

    auto mark = [&out](Marker kind, const std::optional<QDateTime> &at) {
        if (valid(at))
            out.markers.append({kind, at->toUTC()});
    };
    mark(Marker::Submitted, job.submitTime);
    mark(Marker::LastModified, job.lastModifiedTime);
    mark(Marker::Ended, job.endTime);
    mark(Marker::Expires, job.jobExpirationTime);
    if (live)
        out.markers.append({Marker::Now, now});
    return out;
}

JobTimelineChart::JobTimelineChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_xAxis(new QDateTimeAxis)
    , m_yAxis(new QValueAxis)
{
    ChartPalette::setUp(this);
    setAccessibleName(tr("Status timeline"));
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
    updatePoints();
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
    for (const auto &[kind, at] : m_layout.markers)
        sig += QString::number(int(kind));
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
            m->setVisible(firstOfItsName);
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
                m->setVisible(false);
        }
        m_markerSeries.append(ms);
    }
    applyColors();
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
    const qreal endX = xOf(m_layout.end);
    const qint64 span = m_layout.start.msecsTo(m_layout.end);
    for (qsizetype i = 0; i < m_layout.markers.size() && i < m_markerSeries.size(); ++i) {
        const auto &[kind, at] = m_layout.markers.at(i);
        qreal x = xOf(at);
        if (kind == Marker::Expires && m_layout.expiryBeyond)
            x = endX - qreal(span) / 120.0; // at the right edge: the tooltip says when
        const qreal h = markerHeight(kind);
        MarkerSeries &ms = m_markerSeries[i];
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
}

void JobTimelineChart::placeLabels()
{
    const QFontMetrics fm(font());
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
    const QString to = isLast && runsToNow && band.observed
                               ? tr("now (%1)").arg(DetailsFormat::absoluteTime(band.to))
                               : DetailsFormat::absoluteTime(band.to);
    const QString duration = JobMetrics::formatDuration(band.from.secsTo(band.to));
    if (!band.observed)
        return tr("Not observed: before batchwatch first saw this job\n"
                  "From %1 (submitted)\nto %2 (first seen)\n%3")
                .arg(DetailsFormat::absoluteTime(band.from), to, duration);
    const QString status = StatusPresentation::text(band.status.value_or(Status()));
    const QString head = band.lastKnown
                                 ? tr("%1 (last known status, no change observed)").arg(status)
                                 : status;
    return tr("%1\nFrom %2\nto %3\n%4")
            .arg(head, DetailsFormat::absoluteTime(band.from), to, duration);
}

QString JobTimelineChart::markerToolTip(Marker marker) const
{
    for (const auto &[kind, at] : m_layout.markers) {
        if (kind != marker)
            continue;
        QString tip = tr("%1: %2\n%3")
                              .arg(markerName(kind), DetailsFormat::absoluteTime(at),
                                   DetailsFormat::utcTime(at));
        if (kind == Marker::Expires && m_layout.expiryBeyond)
            tip += u'\n'
                   + tr("Beyond the right edge of the chart (%1 away)")
                             .arg(JobMetrics::formatDuration(
                                     (m_now.isValid() ? m_now : m_layout.end).secsTo(at)));
        return tip;
    }
    return {};
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
    // A narrow chart lists its legend down the right side, where the names fit; a wide one
    // along the bottom, where it costs no width.
    const bool narrow = width() < fontMetrics().averageCharWidth() * 120;
    const Qt::Alignment side = narrow ? Qt::AlignRight : Qt::AlignBottom;
    if (chart()->legend()->alignment() != side)
        chart()->legend()->setAlignment(side);
    updateAxis();
    placeLabels();
}

void JobTimelineChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange) {
        applyColors();
        updateAxis();
    }
}

} // namespace bw
