#include "timelinechart.h"

#include "domain/timelinelayout.h"
#include "reportcontent.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <array>

namespace bw {

namespace {

// Geometry, in CSS pixels.
constexpr qreal kPlotLeft = 12;
constexpr qreal kPlotRight = TimelineChart::Width - 12;
constexpr qreal kLabelRow0 = 12; // baselines of the two marker label rows
constexpr qreal kLabelRow1 = 25;
constexpr qreal kMarkerTop = 29;
constexpr qreal kBandTop = 34;
constexpr qreal kBandHeight = 28;
constexpr qreal kAxisY = 68;
constexpr qreal kTickLength = 4;
constexpr qreal kTickLabelBaseline = 83;
constexpr qreal kCaptionBaseline = 99;
constexpr qreal kMinBandWidth = 5;
constexpr int kBandFontSize = 10;
constexpr int kAxisFontSize = 10;
constexpr int kMarkerFontSize = 10;
constexpr int kCaptionFontSize = 9;

// Width of a text without a font database: an average sans-serif glyph is ~0.58 em wide.
// Layout decisions (does a label fit, do two labels collide) use this in both back ends, so the
// SVG and the painted chart look the same.
qreal estimatedWidth(const QString &text, int fontSize, bool bold = false)
{
    return qreal(text.size()) * fontSize * (bold ? 0.64 : 0.58);
}

// Markers closer than this (CSS px) share one label: "submitted · last modified".
constexpr qreal kCoincide = 3;
// Room kept between two labels of a row, and between a band's label and a marker line.
constexpr qreal kLabelGap = 6;

ChartMarker chartMarker(TimelineLayout::MarkerKind kind)
{
    switch (kind) {
    case TimelineLayout::MarkerKind::Submitted:
        return ChartMarker::Submitted;
    case TimelineLayout::MarkerKind::LastModified:
        return ChartMarker::LastModified;
    case TimelineLayout::MarkerKind::Ended:
        return ChartMarker::Ended;
    case TimelineLayout::MarkerKind::Expires:
        return ChartMarker::Expires;
    case TimelineLayout::MarkerKind::Now:
        break;
    }
    return ChartMarker::Now;
}

QString svgNumber(qreal v)
{
    return QString::number(v, 'f', 1);
}

QString svgColor(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

// Candidate tick steps, in seconds.
constexpr std::array<qint64, 25> kTickSteps{
        1,      2,      5,      10,      15,      30,      60,      120,   300,
        600,    900,    1800,   3600,    7200,    10800,   21600,   43200, 86400,
        172800, 345600, 604800, 1209600, 2592000, 7776000, 31536000};

} // namespace

QString TimelineChart::markerName(ChartMarker marker)
{
    switch (marker) {
    case ChartMarker::Submitted:
        return Report::tr("submitted");
    case ChartMarker::LastModified:
        return Report::tr("last modified");
    case ChartMarker::Ended:
        return Report::tr("ended");
    case ChartMarker::Expires:
        return Report::tr("expires");
    case ChartMarker::Now:
        return Report::tr("now");
    }
    return {};
}

TimelineChart TimelineChart::forJob(const ExportJob &exportJob, const QDateTime &now)
{
    TimelineChart chart;
    const Job &job = exportJob.watched.job;
    const TimelineLayout layout = computeTimelineLayout(exportJob.watched, exportJob.history, now);
    if (layout.isEmpty())
        return chart; // nothing to draw
    chart.m_start = layout.start;
    chart.m_end = layout.end;
    chart.m_ended = job.status && job.status->isTerminal();

    for (const TimelineLayout::Band &b : layout.bands) {
        if (!b.observed) {
            chart.m_bands.append(
                    {b.from, b.to, Report::tr("not observed"), StatusGroup::Unknown, false});
            continue;
        }
        const Status status = b.status.value_or(Status());
        const QString raw = status.raw().isEmpty() ? Report::tr("unknown") : status.raw();
        chart.m_bands.append({b.from, b.to,
                              b.lastKnown ? Report::tr("%1 (last known)").arg(raw) : raw,
                              status.group(), true});
    }
    for (const TimelineLayout::Marker &m : layout.markers)
        chart.m_markers.append({chartMarker(m.kind), m.at, !layout.isInRange(m)});

    chart.layout();
    return chart;
}

QString TimelineChart::edgeLabel(const Marker &marker) const
{
    const QString when = marker.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (marker.kind == ChartMarker::Expires)
        return (m_ended ? Report::tr("expiry time %1 \u2192") : Report::tr("expires %1 \u2192"))
                .arg(when);
    return markerName(marker.kind) + u' ' + when + QStringLiteral(" \u2192");
}

qreal TimelineChart::xOf(const QDateTime &t) const
{
    const qint64 span = std::max<qint64>(m_start.msecsTo(m_end), 1);
    const qreal f = qreal(m_start.msecsTo(t)) / qreal(span);
    return kPlotLeft + std::clamp(f, 0.0, 1.0) * (kPlotRight - kPlotLeft);
}

void TimelineChart::layout()
{
    m_items.clear();
    const qint64 spanSecs = std::max<qint64>(m_start.secsTo(m_end), 1);

    // Ticks: the smallest step that leaves room for every label.
    const qreal labelRoom = estimatedWidth(QStringLiteral("00-00 00:00"), kAxisFontSize) + 16;
    const int maxTicks = std::max(2, int((kPlotRight - kPlotLeft) / labelRoom));
    qint64 step = kTickSteps.back();
    for (const qint64 candidate : kTickSteps) {
        if (spanSecs / candidate <= maxTicks) {
            step = candidate;
            break;
        }
    }
    while (spanSecs / step > maxTicks) // spans beyond years: keep doubling
        step *= 2;

    Item grid;
    grid.kind = Item::Kind::Line;
    grid.stroke = ReportPalette::grid();
    Item tickLine = grid;
    tickLine.stroke = ReportPalette::rule();
    Item tickLabel;
    tickLabel.kind = Item::Kind::Text;
    tickLabel.fill = ReportPalette::mutedText();
    tickLabel.fontSize = kAxisFontSize;
    tickLabel.align = Qt::AlignHCenter;

    const qint64 startSecs = m_start.toSecsSinceEpoch();
    qint64 tick = (startSecs / step + (startSecs % step > 0 ? 1 : 0)) * step;
    QDate previousDate;
    qreal previousRight = -1e9;
    for (; tick <= m_end.toSecsSinceEpoch(); tick += step) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(tick, Qt::UTC);
        const qreal x = xOf(at);
        grid.line = QLineF(x, kBandTop, x, kBandTop + kBandHeight);
        m_items.push_back(grid);
        tickLine.line = QLineF(x, kAxisY, x, kAxisY + kTickLength);
        m_items.push_back(tickLine);

        QString text;
        if (step >= 86400)
            text = at.toString(QStringLiteral("yyyy-MM-dd"));
        else if (step < 60)
            text = at.toString(QStringLiteral("HH:mm:ss"));
        else if (at.date() != previousDate)
            text = at.toString(QStringLiteral("MM-dd HH:mm"));
        else
            text = at.toString(QStringLiteral("HH:mm"));
        const qreal w = estimatedWidth(text, kAxisFontSize);
        const qreal cx = std::clamp(x, w / 2, Width - w / 2);
        if (cx - w / 2 < previousRight + 6)
            continue; // would collide with the previous label
        previousDate = at.date();
        previousRight = cx + w / 2;
        tickLabel.anchor = QPointF(cx, kTickLabelBaseline);
        tickLabel.text = text;
        m_items.push_back(tickLabel);
    }

    // Markers drawn at their place (a distant expiry is named at the edge instead).
    auto offAxis = [this](const Marker &m) {
        return m.beyondAxis || m.at < m_start || m.at > m_end;
    };
    QList<Marker> ordered;
    for (const Marker &m : std::as_const(m_markers)) {
        if (!offAxis(m))
            ordered.append(m);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Marker &a, const Marker &b) { return a.at < b.at; });
    QList<qreal> markerXs;
    for (const Marker &m : std::as_const(ordered))
        markerXs.append(xOf(m.at));

    // Bands, with a hairline of white between neighbours.
    for (const Band &band : std::as_const(m_bands)) {
        const qreal x0 = xOf(band.from);
        qreal x1 = xOf(band.to);
        QRectF rect(x0, kBandTop, std::max(x1 - x0, kMinBandWidth), kBandHeight);
        if (rect.right() > kPlotRight) // a minimum-width cap at the very end
            rect.moveRight(kPlotRight);
        const StatusColors colors = band.observed ? ReportPalette::forGroup(band.group)
                                                  : ReportPalette::notObserved();
        Item r;
        r.kind = Item::Kind::Rect;
        r.rect = rect;
        r.fill = colors.strong;
        r.stroke = Qt::white;
        r.strokeWidth = 1;
        m_items.push_back(r);

        // The label in the widest stretch of the band that no marker line crosses (a dashed
        // "expires" line through "InProgress" made it unreadable); none when nothing fits.
        QList<qreal> cuts{rect.left()};
        for (const qreal mx : std::as_const(markerXs)) {
            if (mx > rect.left() && mx < rect.right())
                cuts.append(mx);
        }
        cuts.append(rect.right());
        qreal bestFrom = 0;
        qreal bestWidth = -1;
        for (qsizetype i = 1; i < cuts.size(); ++i) {
            // Room on both sides of a marker line; the band's own edges need less.
            const qreal from = cuts.at(i - 1) + (i - 1 == 0 ? 0.0 : kLabelGap);
            const qreal to = cuts.at(i) - (i == cuts.size() - 1 ? 0.0 : kLabelGap);
            if (to - from > bestWidth) {
                bestFrom = from;
                bestWidth = to - from;
            }
        }
        if (estimatedWidth(band.label, kBandFontSize, band.observed) + 10 <= bestWidth) {
            Item label;
            label.kind = Item::Kind::Text;
            label.text = band.label;
            label.fontSize = kBandFontSize;
            label.bold = band.observed;
            label.fill = band.observed ? QColor(Qt::white) : colors.ink;
            label.align = Qt::AlignHCenter;
            label.anchor = QPointF(bestFrom + bestWidth / 2, kBandTop + kBandHeight / 2 + 3.5);
            m_items.push_back(label);
        }
    }

    // Axis line.
    Item axis;
    axis.kind = Item::Kind::Line;
    axis.stroke = ReportPalette::rule();
    axis.line = QLineF(kPlotLeft, kAxisY, kPlotRight, kAxisY);
    m_items.push_back(axis);

    // Markers. One not on the axis (a distant expiry) is named with its real time at the right
    // end of the top row, never drawn at a clamped, wrong place; the others left to right.
    // Markers at (nearly) the same place share one label ("submitted · last modified"); each
    // label goes in the first of two rows where it keeps clear of the labels already there.
    std::array<qreal, 2> rowRight{-1e9, -1e9};
    std::array<qreal, 2> rowLimit{Width, Width};
    int edgeRow = 0;
    for (const Marker &m : std::as_const(m_markers)) {
        if (!offAxis(m) || edgeRow > 1)
            continue;
        Item label;
        label.kind = Item::Kind::Text;
        label.fill = ReportPalette::marker(m.kind);
        label.fontSize = kMarkerFontSize;
        label.bold = true;
        label.text = edgeLabel(m);
        label.align = Qt::AlignRight;
        label.anchor = QPointF(kPlotRight, edgeRow == 0 ? kLabelRow0 : kLabelRow1);
        rowLimit[size_t(edgeRow)]
                = kPlotRight - estimatedWidth(label.text, kMarkerFontSize, true) - kLabelGap;
        m_items.push_back(label);
        ++edgeRow;
    }
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const Marker &m = ordered.at(i);
        Item line;
        line.kind = Item::Kind::Line;
        line.stroke = ReportPalette::marker(m.kind);
        line.strokeWidth = 1.5;
        line.dashed = m.kind == ChartMarker::Expires || m.kind == ChartMarker::Now
                      || m.kind == ChartMarker::LastModified;
        line.marker = true;
        line.line = QLineF(markerXs.at(i), kMarkerTop, markerXs.at(i), kAxisY);
        m_items.push_back(line);
    }
    for (qsizetype first = 0; first < ordered.size();) {
        qsizetype last = first;
        while (last + 1 < ordered.size() && markerXs.at(last + 1) - markerXs.at(last) < kCoincide)
            ++last;
        // One label for the group, in the colour of its first marker: "submitted · last
        // modified" (the lines themselves keep their own colours).
        Item label;
        label.kind = Item::Kind::Text;
        label.fill = ReportPalette::marker(ordered.at(first).kind);
        label.fontSize = kMarkerFontSize;
        QStringList names;
        for (qsizetype k = first; k <= last; ++k) {
            const ChartMarker kind = ordered.at(k).kind;
            names.append(markerName(kind));
            label.bold = label.bold || kind == ChartMarker::Expires || kind == ChartMarker::Now;
        }
        label.text = names.join(QStringLiteral(" \u00b7 "));
        const qreal w = estimatedWidth(label.text, kMarkerFontSize, label.bold);
        const qreal x = (markerXs.at(first) + markerXs.at(last)) / 2;
        first = last + 1;
        const qreal left = std::clamp(x - w / 2, 0.0, Width - w);
        int row = -1;
        for (int r = 0; r < 2; ++r) {
            if (left >= rowRight[size_t(r)] + kLabelGap && left + w <= rowLimit[size_t(r)]) {
                row = r;
                break;
            }
        }
        if (row < 0)
            continue; // both rows taken here; the legend under the chart names every marker
        rowRight[size_t(row)] = left + w;
        label.align = Qt::AlignLeft;
        label.anchor = QPointF(left, row == 0 ? kLabelRow0 : kLabelRow1);
        m_items.push_back(label);
    }

    Item caption;
    caption.kind = Item::Kind::Text;
    caption.fill = ReportPalette::mutedText();
    caption.fontSize = kCaptionFontSize;
    caption.align = Qt::AlignRight;
    caption.anchor = QPointF(kPlotRight, kCaptionBaseline);
    caption.text = Report::tr("times in UTC");
    m_items.push_back(caption);
}

QList<TimelineChart::PlacedText> TimelineChart::placedTexts() const
{
    QList<PlacedText> out;
    for (const Item &item : m_items) {
        if (item.kind != Item::Kind::Text)
            continue;
        const qreal w = estimatedWidth(item.text, item.fontSize, item.bold);
        qreal left = item.anchor.x();
        if (item.align & Qt::AlignHCenter)
            left -= w / 2;
        else if (item.align & Qt::AlignRight)
            left -= w;
        out.append({item.text,
                    QRectF(left, item.anchor.y() - item.fontSize * 0.8, w, item.fontSize * 1.05)});
    }
    return out;
}

QList<QLineF> TimelineChart::markerLines() const
{
    QList<QLineF> out;
    for (const Item &item : m_items) {
        if (item.kind == Item::Kind::Line && item.marker)
            out.append(item.line);
    }
    return out;
}

void TimelineChart::paint(QPainter &painter, const QRectF &target) const
{
    if (isEmpty() || target.isEmpty())
        return;
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / Width, target.height() / Height);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    QFont font(QStringLiteral("sans-serif"));
    font.setStyleHint(QFont::SansSerif);
    for (const Item &item : m_items) {
        switch (item.kind) {
        case Item::Kind::Rect:
            painter.setPen(item.stroke.isValid() ? QPen(item.stroke, item.strokeWidth)
                                                 : QPen(Qt::NoPen));
            painter.setBrush(item.fill);
            painter.drawRect(item.rect);
            break;
        case Item::Kind::Line: {
            QPen pen(item.stroke, item.strokeWidth);
            if (item.dashed)
                pen.setDashPattern({3, 2});
            pen.setCapStyle(Qt::FlatCap);
            painter.setPen(pen);
            painter.drawLine(item.line);
            break;
        }
        case Item::Kind::Text: {
            // Pixel sizes are in chart units, so the painter's scale applies exactly once,
            // whatever the resolution of the device.
            font.setPixelSize(item.fontSize);
            font.setBold(item.bold);
            painter.setFont(font);
            painter.setPen(item.fill);
            const qreal w = QFontMetricsF(font, painter.device()).horizontalAdvance(item.text);
            QPointF at = item.anchor;
            if (item.align & Qt::AlignHCenter)
                at.rx() -= w / 2;
            else if (item.align & Qt::AlignRight)
                at.rx() -= w;
            painter.drawText(at, item.text);
            break;
        }
        }
    }
    painter.restore();
}

QString TimelineChart::toSvg(const QString &title) const
{
    QString svg;
    svg.reserve(int(m_items.size()) * 120 + 256);
    svg += QStringLiteral("<svg class=\"timeline\" viewBox=\"0 0 %1 %2\" width=\"100%\" "
                          "role=\"img\" font-family=\"sans-serif\" "
                          "preserveAspectRatio=\"xMinYMin meet\">")
                   .arg(svgNumber(Width), svgNumber(Height));
    if (!title.isEmpty())
        svg += QStringLiteral("<title>") + title.toHtmlEscaped() + QStringLiteral("</title>");
    for (const Item &item : m_items) {
        switch (item.kind) {
        case Item::Kind::Rect:
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"")
                           .arg(svgNumber(item.rect.x()), svgNumber(item.rect.y()),
                                svgNumber(item.rect.width()), svgNumber(item.rect.height()),
                                svgColor(item.fill));
            if (item.stroke.isValid())
                svg += QStringLiteral(" stroke=\"%1\" stroke-width=\"%2\"")
                               .arg(svgColor(item.stroke), svgNumber(item.strokeWidth));
            svg += QStringLiteral("/>");
            break;
        case Item::Kind::Line:
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" stroke=\"%5\" "
                                  "stroke-width=\"%6\"")
                           .arg(svgNumber(item.line.x1()), svgNumber(item.line.y1()),
                                svgNumber(item.line.x2()), svgNumber(item.line.y2()),
                                svgColor(item.stroke), svgNumber(item.strokeWidth));
            if (item.dashed)
                svg += QStringLiteral(" stroke-dasharray=\"3 2\"");
            svg += QStringLiteral("/>");
            break;
        case Item::Kind::Text: {
            const QString anchor = (item.align & Qt::AlignHCenter) ? QStringLiteral("middle")
                                   : (item.align & Qt::AlignRight) ? QStringLiteral("end")
                                                                   : QStringLiteral("start");
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" fill=\"%4\" "
                                  "text-anchor=\"%5\"")
                           .arg(svgNumber(item.anchor.x()), svgNumber(item.anchor.y()))
                           .arg(item.fontSize)
                           .arg(svgColor(item.fill), anchor);
            if (item.bold)
                svg += QStringLiteral(" font-weight=\"bold\"");
            svg += u'>' + item.text.toHtmlEscaped() + QStringLiteral("</text>");
            break;
        }
        }
    }
    svg += QStringLiteral("</svg>");
    return svg;
}

QImage TimelineChart::toImage(const QSize &pixels) const
{
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    return image;
}

QByteArray TimelineChart::toPng(const QSize &pixels) const
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    toImage(pixels).save(&buffer, "PNG");
    return png;
}

} // namespace bw
