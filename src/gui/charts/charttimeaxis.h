#pragma once

#include <QDateTime>
#include <QFontMetrics>
#include <QList>
#include <QString>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QDateTimeAxis;
QT_END_NAMESPACE

namespace bw {

// Round ticks for a chart's time axis.
//
// The Gantt chart and the Timeline tab use a QCategoryAxis over milliseconds since the epoch:
// the axis keeps the exact range it is given (the data plus its small padding) and carries
// labels at round local times inside it ("06:00, 12:00, 18:00"), so the data reaches the edges.
//
// QDateTimeAxis (the Progress tab) spaces its ticks evenly from the range's start, so
// "09:58:28, 10:06:40, ..." unless the range itself starts and ends on a round step: for it the
// range is widened outward to whole steps in local time.
class ChartTimeAxis
{
public:
    struct Tick
    {
        QDateTime at; // UTC
        QString label;
    };

    // The round ticks inside [from, to] for an axis `pixels` wide: the smallest step
    // (10 s ... weeks) whose labels keep a gap between them and stay inside the axis. Times
    // only, with the date on the first label and where the day changes when the range spans
    // more than one day; dates alone for steps of a day or more.
    static QList<Tick> ticks(const QDateTime &from, const QDateTime &to, int pixels,
                             const QFontMetrics &metrics);
    // Exact range [from, to] with ticks() as its labels (AxisLabelsPositionOnValue).
    static void setRange(QCategoryAxis *axis, const QDateTime &from, const QDateTime &to,
                         int pixels, const QFontMetrics &metrics);
    // The range widened outward to whole steps, the tick count and label format set.
    // `pixels` is the width the axis has; the labels keep about a label's width between them.
    static void setRange(QDateTimeAxis *axis, const QDateTime &from, const QDateTime &to,
                         int pixels, const QFontMetrics &metrics);
    // The step in seconds chosen for a span of `spanMs` with at most `maxTicks` ticks.
    static qint64 stepFor(qint64 spanMs, int maxTicks);
};

} // namespace bw
