#include "charts/charttimeaxis.h"

#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLocale>

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

QList<ChartTimeAxis::Tick> ChartTimeAxis::ticks(const QDateTime &fromIn, const QDateTime &toIn,
                                                int pixels, const QFontMetrics &metrics)
{
    const QDateTime from = fromIn.toUTC();
    QDateTime to = toIn.toUTC();
    if (!from.isValid() || !to.isValid() || pixels <= 0)
        return {};
    if (to <= from)
        to = from.addSecs(60);
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 spanMs = from.msecsTo(to);
    const qint64 offset = qint64(from.toLocalTime().offsetFromUtc()) * 1000;
    const bool multiDay = from.toLocalTime().date() != to.toLocalTime().date();
    const QLocale locale;
    constexpr int kMaxTicks = 12;
    const int gap = metrics.height() * 2;
    auto xOf = [&](const QDateTime &t) {
        return qreal(pixels) * qreal(from.msecsTo(t)) / qreal(spanMs);
    };
    // The date goes on the first label and, when there is room, again where the day changes.
    bool dateAtDayChange = true;
    auto labelled = [&](QList<Tick> ts, qint64 step) {
        QDate previous;
        for (Tick &tick : ts) {
            const QDateTime local = tick.at.toLocalTime();
            QString format = step >= 86400 ? QStringLiteral("d MMM")
                             : step < 60   ? QStringLiteral("HH:mm:ss")
                                           : QStringLiteral("HH:mm");
            const bool first = !previous.isValid();
            if (step < 86400 && multiDay && local.date() != previous && (first || dateAtDayChange))
                format.prepend(QStringLiteral("d MMM "));
            previous = local.date();
            tick.label = locale.toString(local, format);
        }
        return ts;
    };
    auto halfWidth = [&](const Tick &t) {
        return metrics.horizontalAdvance(t.label) / 2.0;
    };

    QList<qint64> steps(kSteps.cbegin(), kSteps.cend());
    while (steps.back() * 1000 * 2 < spanMs)
        steps.append(steps.back() * 2);
    // The finest step whose labels stay apart and inside the axis.
    auto finest = [&]() -> QList<Tick> {
        for (const qint64 step : std::as_const(steps)) {
            const qint64 stepMs = step * 1000;
            if (spanMs / stepMs > kMaxTicks + 1)
                continue;
            // The first whole step (local time) at or after `from`.
            const qint64 shifted = fromMs + offset;
            qint64 t = (shifted >= 0 ? (shifted + stepMs - 1) / stepMs : -(-shifted / stepMs))
                               * stepMs
                       - offset;
            QList<Tick> ts;
            for (; t <= to.toMSecsSinceEpoch(); t += stepMs)
                ts.append({QDateTime::fromMSecsSinceEpoch(t, Qt::UTC), QString()});
            // Labels stay inside the axis: an edge tick whose label would stick out is left out
            // (the first label carries the date, so label again after dropping it).
            ts = labelled(ts, step);
            while (!ts.isEmpty() && xOf(ts.first().at) - halfWidth(ts.first()) < 0)
                ts = labelled(ts.mid(1), step);
            while (!ts.isEmpty() && xOf(ts.last().at) + halfWidth(ts.last()) > pixels)
                ts.removeLast();
            if (ts.isEmpty() || ts.size() > kMaxTicks)
                continue;
            bool apart = true;
            for (qsizetype i = 1; i < ts.size() && apart; ++i)
                apart = xOf(ts.at(i).at) - halfWidth(ts.at(i))
                                - (xOf(ts.at(i - 1).at) + halfWidth(ts.at(i - 1)))
                        >= gap;
            if (apart)
                return ts;
        }
        return {};
    };
    const QList<Tick> dated = finest();
    if (dated.size() >= 2 || !multiDay)
        return dated;
    // Dates at every day change crowd a short span across midnight down to one label: keep
    // the date on the first label only, if that gives the axis more to read.
    dateAtDayChange = false;
    const QList<Tick> compact = finest();
    return compact.size() > dated.size() ? compact : dated;
}

void ChartTimeAxis::setRange(QCategoryAxis *axis, const QDateTime &from, const QDateTime &to,
                             int pixels, const QFontMetrics &metrics)
{
    if (!from.isValid() || !to.isValid())
        return;
    const qreal min = qreal(from.toMSecsSinceEpoch());
    const qreal max = std::max(qreal(to.toMSecsSinceEpoch()), min + 60000.0);
    const QList<Tick> wanted = ticks(from, to, pixels, metrics);
    QStringList labels;
    for (const Tick &tick : wanted) {
        QString label = tick.label;
        while (labels.contains(label)) // category labels must be unique
            label += QChar(0x200B);
        labels.append(label);
    }
    bool same = axis->categoriesLabels() == labels && qFuzzyCompare(axis->startValue(), min);
    for (qsizetype i = 0; same && i < wanted.size(); ++i)
        same = qFuzzyCompare(axis->endValue(labels.at(i)),
                             qreal(wanted.at(i).at.toMSecsSinceEpoch()));
    if (!same) {
        const QStringList old = axis->categoriesLabels();
        for (const QString &label : old)
            axis->remove(label);
        axis->setStartValue(min);
        for (qsizetype i = 0; i < wanted.size(); ++i)
            axis->append(labels.at(i), qreal(wanted.at(i).at.toMSecsSinceEpoch()));
        axis->setStartValue(min);
    }
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // QtCharts would cut a label to its category's width: the first category is only the bit
    // before the first tick. ticks() keeps the labels apart itself.
    axis->setTruncateLabels(false);
    axis->setRange(min, max);
}

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
