#pragma once

#include "export/exportdata.h"
#include "reportpalette.h"

#include <QByteArray>
#include <QColor>
#include <QDateTime>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace bw {

// The timeline of one job as a static picture for reports, drawn from the same
// bw::TimelineLayout (core) as the Timeline tab's chart: one band per observed status
// interval (coloured per status group, labelled with the status when it fits), the part before
// the job was watched in grey, vertical markers for submitTime, lastModifiedTime, endTime,
// jobExpirationTime and "now" (live jobs), and a UTC time axis with labels.
//
// The chart is laid out once, in CSS pixels (Width x Height), into a list of primitives; the
// same list is drawn by paint() (QPainter: QImage, QPdfWriter) and by toSvg(). toSvg() needs no
// QGuiApplication; paint(), toImage() and toPng() need one (fonts) but are fine on any thread.
class TimelineChart
{
public:
    struct Band
    {
        QDateTime from;
        QDateTime to;
        QString label; // the raw status, or "not observed"
        StatusGroup group = StatusGroup::Unknown;
        bool observed = true; // false: before batchwatch watched the job, or last known only
    };

    struct Marker
    {
        ChartMarker kind = ChartMarker::Submitted;
        QDateTime at;
        // Left out of the axis (a distant expiry, see TimelineLayout::expiryBeyond): not drawn at
        // its place but named with its time at the right edge ("expires 2025-03-18 22:10 →").
        bool beyondAxis = false;
    };

    static constexpr qreal Width = 720;
    static constexpr qreal Height = 104;

    TimelineChart() = default;
    // `now` ends the bands of a live job and places the "now" marker.
    static TimelineChart forJob(const ExportJob &job, const QDateTime &now);

    // True when the job carries no usable instant at all: there is nothing to draw.
    bool isEmpty() const { return !m_start.isValid(); }
    QDateTime start() const { return m_start; } // the axis, padding included
    QDateTime end() const { return m_end; }
    const QList<Band> &bands() const { return m_bands; }
    const QList<Marker> &markers() const { return m_markers; }

    static QString markerName(ChartMarker marker); // "submitted", "last modified", ...

    QSizeF size() const { return {Width, Height}; }
    // Draws the chart scaled into `target` (aspect ratio not preserved). Transparent background.
    void paint(QPainter &painter, const QRectF &target) const;
    // An inline <svg> element (HTML5 inline SVG: no xmlns, no external reference), scaling to
    // the width of its container. `title` becomes its accessible <title>; all text is escaped.
    QString toSvg(const QString &title = {}) const;
    // The chart on white, `pixels` large.
    QImage toImage(const QSize &pixels) const;
    QByteArray toPng(const QSize &pixels) const;

    // What the layout placed, for checks: every text with its box (estimated width as used for
    // the layout, CSS px) and every marker's vertical line.
    struct PlacedText
    {
        QString text;
        QRectF box;
    };
    QList<PlacedText> placedTexts() const;
    QList<QLineF> markerLines() const;

private:
    struct Item
    {
        enum class Kind { Rect, Line, Text };
        Kind kind = Kind::Rect;
        QRectF rect;
        QLineF line;
        QPointF anchor; // text: baseline point
        QColor fill;
        QColor stroke;
        qreal strokeWidth = 1.0;
        bool dashed = false;
        bool marker = false; // line: a marker's
        QString text;
        int fontSize = 10; // CSS px
        bool bold = false;
        Qt::Alignment align = Qt::AlignLeft; // text: AlignLeft, AlignHCenter or AlignRight
    };

    void layout();
    qreal xOf(const QDateTime &t) const;
    QString edgeLabel(const Marker &marker) const;

    QDateTime m_start;
    QDateTime m_end;
    QList<Band> m_bands;
    QList<Marker> m_markers;
    bool m_ended = false; // the job has a terminal status
    std::vector<Item> m_items;
};

} // namespace bw
