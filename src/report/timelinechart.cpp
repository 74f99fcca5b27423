#include "timelinechart.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <array>

namespace bw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::TimelineChart", text);
}

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
qreal estimatedWidth(const QString &text, int fontSize)
{
    return qreal(text.size()) * fontSize * 0.58;
}

bool valid(const std::optional<QDateTime> &t)
{
    return t && t->isValid();
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
        return tr("submitted");
    case ChartMarker::LastModified:
        return tr("last modified");
    case ChartMarker::Ended:
        return tr("ended");
    case ChartMarker::Expires:
        return tr("expires");
    case ChartMarker::Now:
        return tr("now");
    }
    return {};
}

TimelineChart TimelineChart::forJob(const ExportJob &exportJob, const QDateTime &nowIn)
{
    TimelineChart chart;
    const Job &job = exportJob.watched.job;
    const bool terminal = job.status && job.status->isTerminal();
    const QDateTime now = nowIn.toUTC();

    QList<StatusTransition> history;
    for (const StatusTransition &t : exportJob.history) {
        if (t.observedAt.isValid())
            history.append(t);
    }
    std::stable_sort(history.begin(), history.end(),
                     [](const StatusTransition &a, const StatusTransition &b) {
                         return a.observedAt < b.observedAt;
                     });

    // The span the job's own instants cover; a live job runs up to now.
    QList<QDateTime> instants;
    for (const auto *t : {&job.submitTime, &job.lastModifiedTime, &job.endTime}) {
        if (valid(*t))
            instants.append(t->value().toUTC());
    }
    for (const StatusTransition &t : std::as_const(history))
        instants.append(t.observedAt.toUTC());
    if (instants.isEmpty()) {
        // Nothing the gateway said about time: fall back to what we know locally.
        for (const QDateTime &t : {exportJob.watched.fetchedAt, exportJob.watched.addedAt}) {
            if (t.isValid())
                instants.append(t.toUTC());
        }
    }
    if (instants.isEmpty())
        return chart; // nothing to draw

    QDateTime first = *std::min_element(instants.cbegin(), instants.cend());
    QDateTime last = *std::max_element(instants.cbegin(), instants.cend());
    const bool live = !terminal && now.isValid() && now >= first;
    if (live)
        last = std::max(last, now);
    const QDateTime bandEnd = last;

    // A distant expiration would squash everything else to the left: take it into the axis
    // for a queued job (it is what matters then) or when it is near, else mark it at the edge.
    bool expiryBeyond = false;
    if (valid(job.jobExpirationTime)) {
        const QDateTime expiry = job.jobExpirationTime->toUTC();
        const qint64 span = std::max<qint64>(first.msecsTo(last), 60 * 1000);
        const bool queued
                = !job.status || job.status->isQueued() || job.statusCode() == JobStatus::Unknown;
        if (expiry < first)
            first = expiry;
        else if (queued || last.msecsTo(expiry) <= span / 2)
            last = std::max(last, expiry);
        else
            expiryBeyond = true;
    }

    // At least a minute of axis, plus a little room on both sides for edge markers.
    qint64 span = first.msecsTo(last);
    if (span < 60 * 1000) {
        const qint64 grow = (60 * 1000 - span) / 2;
        first = first.addMSecs(-grow);
        last = last.addMSecs(60 * 1000 - span - grow);
        span = 60 * 1000;
    }
    const qint64 pad = std::max<qint64>(span / 40, 1000);
    chart.m_start = first.addMSecs(-pad);
    chart.m_end = last.addMSecs(pad);

    // Bands.
    if (!history.isEmpty()) {
        const QDateTime firstSeen = history.first().observedAt.toUTC();
        if (valid(job.submitTime) && job.submitTime->toUTC() < firstSeen)
            chart.m_bands.append({job.submitTime->toUTC(), firstSeen, tr("not observed"),
                                  StatusGroup::Unknown, false});
        for (qsizetype i = 0; i < history.size(); ++i) {
            const StatusTransition &t = history.at(i);
            const QDateTime from = t.observedAt.toUTC();
            const QDateTime to = i + 1 < history.size() ? history.at(i + 1).observedAt.toUTC()
                                                        : std::max(from, bandEnd);
            const QString label = t.to.raw().isEmpty() ? tr("unknown") : t.to.raw();
            chart.m_bands.append({from, to, label, t.to.group(), true});
        }
    } else if (job.status) {
        // Never observed changing: one band with the last known status.
        const QDateTime from = valid(job.submitTime) ? job.submitTime->toUTC() : first;
        const QString raw = job.status->raw().isEmpty() ? tr("unknown") : job.status->raw();
        chart.m_bands.append({from, std::max(from, bandEnd), tr("%1 (last known)").arg(raw),
                              job.status->group(), true});
    }

    // Markers.
    auto mark = [&chart](ChartMarker kind, const std::optional<QDateTime> &at) {
        if (valid(at))
            chart.m_markers.append({kind, at->toUTC(), false});
    };
    mark(ChartMarker::Submitted, job.submitTime);
    mark(ChartMarker::LastModified, job.lastModifiedTime);
    mark(ChartMarker::Ended, job.endTime);
    if (valid(job.jobExpirationTime))
        chart.m_markers.append(
                {ChartMarker::Expires, job.jobExpirationTime->toUTC(), expiryBeyond});
    if (live)
        chart.m_markers.append({ChartMarker::Now, now, false});

    chart.layout();
    return chart;
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

        if (estimatedWidth(band.label, kBandFontSize) + 10 <= rect.width()) {
            Item label;
            label.kind = Item::Kind::Text;
            label.text = band.label;
            label.fontSize = kBandFontSize;
            label.bold = band.observed;
            label.fill = band.observed ? QColor(Qt::white) : colors.ink;
            label.align = Qt::AlignHCenter;
            label.anchor = QPointF(rect.center().x(), kBandTop + kBandHeight / 2 + 3.5);
            m_items.push_back(label);
        }
    }

    // Axis line.
    Item axis;
    axis.kind = Item::Kind::Line;
    axis.stroke = ReportPalette::rule();
    axis.line = QLineF(kPlotLeft, kAxisY, kPlotRight, kAxisY);
    m_items.push_back(axis);

    // Markers, left to right; labels go to the first of two rows where they do not collide.
    QList<Marker> ordered = m_markers;
    std::stable_sort(ordered.begin(), ordered.end(), [](const Marker &a, const Marker &b) {
        return a.beyondAxis != b.beyondAxis ? b.beyondAxis : a.at < b.at;
    });
    std::array<qreal, 2> rowRight{-1e9, -1e9};
    for (const Marker &m : std::as_const(ordered)) {
        const QColor color = ReportPalette::marker(m.kind);
        Item label;
        label.kind = Item::Kind::Text;
        label.fill = color;
        label.fontSize = kMarkerFontSize;
        label.bold = m.kind == ChartMarker::Expires || m.kind == ChartMarker::Now;
        if (m.beyondAxis) {
            label.text = markerName(m.kind) + QStringLiteral(" \u2192");
            label.align = Qt::AlignRight;
            const qreal w = estimatedWidth(label.text, kMarkerFontSize);
            const int row = rowRight[0] < kPlotRight - w - 6 ? 0 : 1;
            label.anchor = QPointF(kPlotRight, row == 0 ? kLabelRow0 : kLabelRow1);
            rowRight[size_t(row)] = kPlotRight;
            m_items.push_back(label);
            continue;
        }
        const qreal x = xOf(m.at);
        Item line;
        line.kind = Item::Kind::Line;
        line.stroke = color;
        line.strokeWidth = 1.5;
        line.dashed = m.kind == ChartMarker::Expires || m.kind == ChartMarker::Now
                      || m.kind == ChartMarker::LastModified;
        line.line = QLineF(x, kMarkerTop, x, kAxisY);
        m_items.push_back(line);

        label.text = markerName(m.kind);
        const qreal w = estimatedWidth(label.text, kMarkerFontSize);
        const qreal left = std::clamp(x - w / 2, 0.0, Width - w);
        int row = -1;
        for (int r = 0; r < 2; ++r) {
            if (left >= rowRight[size_t(r)] + 4) {
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
    caption.text = tr("times in UTC");
    m_items.push_back(caption);
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
