#include "charttimeaxis.h"

#include <QDateTimeAxis>

#include <algorithm>
#include <array>

namespace bw {

namespace {
constexpr std::array<qint64, 19> kSteps{10,    15,     30,     60,     120,    300,   600,
                                        900,   1800,   3600,   7200,   10800,  21600, 43200,
                                        86400, 172800, 345600, 604800, 1209600};

QString formatFor(qint64 step, const QDateTime &from, const QDateTime &to)
{
    if (step >= 86400)
        return QStringLiteral("dd MMM");
    const bool oneDay = from.toLocalTime().date() == to.toLocalTime().date();
    if (step < 60)
        return oneDay ? QStringLiteral("HH:mm:ss") : QStringLiteral("dd MMM HH:mm:ss");
    return oneDay ? QStringLiteral("HH:mm") : QStringLiteral("dd MMM HH:mm");
}
} // namespace

qint64 ChartTimeAxis::stepFor(qint64 spanMs, int maxTicks)
{
    const qint64 intervals = std::max(1, maxTicks - 1);
    for (const qint64 step : kSteps) {
        if (spanMs / 1000 / step < intervals)
            return step;
    }
    qint64 step = kSteps.back();
    while (spanMs / 1000 / step >= intervals)
        step *= 2;
    return step;
}

void ChartTimeAxis::setRange(QDateTimeAxis *axis, const QDateTime &fromIn, const QDateTime &toIn,
                             int pixels, const QFontMetrics &metrics)
{
    QDateTime from = fromIn.toUTC();
    QDateTime to = toIn.toUTC();
    if (!from.isValid() || !to.isValid())
        return;
    if (to <= from)
        to = from.addSecs(60);
    // Label width of the format a span this long gets, plus room between labels.
    const bool withDate = from.toLocalTime().date() != to.toLocalTime().date();
    const int label = metrics.horizontalAdvance(withDate ? QStringLiteral("28 Dec 23:58")
                                                         : QStringLiteral("23:58"))
                      * 9 / 5;
    // n labels a label's width apart need (n - 1) label widths between the first and the last.
    int maxTicks = std::clamp(pixels / std::max(1, label) + 1, 2, 12);
    qint64 step = 0;
    qint64 lo = 0;
    qint64 hi = 0;
    // Widening to whole steps can add an interval: retry with fewer ticks until it fits.
    for (int attempt = 0; attempt < 4; ++attempt) {
        step = stepFor(from.msecsTo(to), maxTicks);
        const qint64 offset = qint64(from.toLocalTime().offsetFromUtc()) * 1000;
        const qint64 stepMs = step * 1000;
        auto floorTo = [stepMs](qint64 v) {
            return v >= 0 ? v / stepMs * stepMs : -((-v + stepMs - 1) / stepMs) * stepMs;
        };
        lo = floorTo(from.toMSecsSinceEpoch() + offset) - offset;
        hi = -floorTo(-(to.toMSecsSinceEpoch() + offset)) - offset;
        if ((hi - lo) / stepMs + 1 <= std::max(maxTicks, 2) || maxTicks <= 2)
            break;
        --maxTicks;
    }
    const QDateTime min = QDateTime::fromMSecsSinceEpoch(lo, Qt::UTC);
    const QDateTime max = QDateTime::fromMSecsSinceEpoch(hi, Qt::UTC);
    axis->setFormat(formatFor(step, min, max));
    axis->setRange(min.toLocalTime(), max.toLocalTime());
    axis->setTickCount(int((hi - lo) / (step * 1000)) + 1);
}

} // namespace bw
