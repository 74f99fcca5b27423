#pragma once

#include <QDateTime>
#include <QFontMetrics>

QT_BEGIN_NAMESPACE
class QDateTimeAxis;
QT_END_NAMESPACE

namespace bw {

// Round ticks for a QDateTimeAxis: QDateTimeAxis spaces its ticks evenly from the range's start,
// so "09:58:28, 10:06:40, ..." unless the range itself starts and ends on a round step. This
// picks the smallest readable step (10 s ... 1 week) that keeps the labels apart, widens the
// range outward to whole steps in local time, and sets the tick count and label format.
class ChartTimeAxis
{
public:
    // `pixels` is the width the axis has; the labels keep about a label's width between them.
    static void setRange(QDateTimeAxis *axis, const QDateTime &from, const QDateTime &to,
                         int pixels, const QFontMetrics &metrics);
    // The step in seconds chosen for a span of `spanMs` with at most `maxTicks` ticks.
    static qint64 stepFor(qint64 spanMs, int maxTicks);
};

} // namespace bw
