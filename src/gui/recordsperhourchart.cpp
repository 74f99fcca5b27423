#include "recordsperhourchart.h"

#include "chartpalette.h"
#include "statuspresentation.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCursor>
#include <QEvent>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace bw {

RecordsPerHourChart::RecordsPerHourChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(new QBarSeries)
    , m_set(new QBarSet(tr("Records processed")))
    , m_hoursAxis(new QBarCategoryAxis)
    , m_valueAxis(new QValueAxis)
{
    ChartPalette::setUp(this);
    setAccessibleName(tr("Records processed per hour"));
    chart()->legend()->setVisible(false);
    m_series->append(m_set);
    m_series->setBarWidth(0.8);
    chart()->addSeries(m_series);
    chart()->addAxis(m_hoursAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    m_series->attachAxis(m_hoursAxis);
    m_series->attachAxis(m_valueAxis);
    m_hoursAxis->setGridLineVisible(false);
    m_hoursAxis->setTruncateLabels(false); // two digits always fit; Qt would show "..."
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    connect(m_set, &QBarSet::hovered, this, [this](bool state, int index) {
        if (!state || index < 0 || index >= m_values.size()) {
            QToolTip::hideText();
            return;
        }
        const QDateTime from = m_start.addSecs(qint64(index) * 3600).toLocalTime();
        QToolTip::showText(QCursor::pos(),
                           tr("%1–%2: %3 records")
                                   .arg(from.toString(QStringLiteral("ddd HH:mm")),
                                        from.addSecs(3600).toString(QStringLiteral("HH:mm")),
                                        QLocale().toString(m_values.at(index))),
                           this);
    });
    setMinimumHeight(fontMetrics().height() * 9);
    setSamples({}, QDateTime::currentDateTimeUtc());
}

RecordsPerHourChart::~RecordsPerHourChart() = default;

QDateTime RecordsPerHourChart::firstHourStart(const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    const QDateTime hour(local.date(), QTime(local.time().hour(), 0));
    return hour.addSecs(-3600LL * (Hours - 1)).toUTC();
}

QList<qint64> RecordsPerHourChart::perHour(const QList<QList<ProgressSample>> &samplesPerJob,
                                           const QDateTime &now)
{
    QList<double> buckets(Hours, 0.0);
    const qint64 start = firstHourStart(now).toMSecsSinceEpoch();
    const qint64 end = start + qint64(Hours) * 3600 * 1000;
    for (QList<ProgressSample> samples : samplesPerJob) {
        std::stable_sort(
                samples.begin(), samples.end(),
                [](const ProgressSample &a, const ProgressSample &b) { return a.at < b.at; });
        for (qsizetype i = 1; i < samples.size(); ++i) {
            const ProgressSample &a = samples.at(i - 1);
            const ProgressSample &b = samples.at(i);
            const qint64 delta = b.processed - a.processed;
            const qint64 t0 = a.at.toMSecsSinceEpoch();
            const qint64 t1 = b.at.toMSecsSinceEpoch();
            if (delta <= 0 || t1 <= start || t0 >= end)
                continue;
            if (t1 <= t0) { // same instant: all of it at that moment
                const qint64 bucket = (t1 - start) / (3600 * 1000);
                if (bucket >= 0 && bucket < Hours)
                    buckets[bucket] += double(delta);
                continue;
            }
            const double perMs = double(delta) / double(t1 - t0);
            for (int h = 0; h < Hours; ++h) {
                const qint64 h0 = start + qint64(h) * 3600 * 1000;
                const qint64 h1 = h0 + 3600 * 1000;
                const qint64 overlap = std::min(t1, h1) - std::max(t0, h0);
                if (overlap > 0)
                    buckets[h] += perMs * double(overlap);
            }
        }
    }
    QList<qint64> out;
    out.reserve(Hours);
    for (double v : std::as_const(buckets))
        out.append(qint64(std::llround(v)));
    return out;
}

void RecordsPerHourChart::setSamples(const QList<QList<ProgressSample>> &samplesPerJob,
                                     const QDateTime &now)
{
    m_values = perHour(samplesPerJob, now);
    const QDateTime start = firstHourStart(now);
    if (start != m_start) {
        m_start = start;
        QStringList hours;
        for (int h = 0; h < Hours; ++h)
            hours.append(
                    start.addSecs(qint64(h) * 3600).toLocalTime().toString(QStringLiteral("HH")));
        m_hoursAxis->clear();
        m_hoursAxis->append(hours);
    }
    QList<qreal> values;
    values.reserve(Hours);
    qint64 top = 0;
    for (qint64 v : std::as_const(m_values)) {
        values.append(qreal(v));
        top = std::max(top, v);
    }
    if (m_set->count() != values.size()) {
        m_set->remove(0, m_set->count());
        m_set->append(values);
    } else {
        for (int i = 0; i < values.size(); ++i) {
            if (m_set->at(i) != values.at(i))
                m_set->replace(i, values.at(i));
        }
    }
    m_valueAxis->setRange(0, std::max<qreal>(10, qreal(top) * 1.1));
    m_valueAxis->applyNiceNumbers();
    applyColors();
}

qint64 RecordsPerHourChart::total() const
{
    qint64 sum = 0;
    for (qint64 v : m_values)
        sum += v;
    return sum;
}

void RecordsPerHourChart::applyColors()
{
    ChartPalette::apply(chart(), palette(), font());
    const QColor color = StatusPresentation::color(StatusGroup::Running, palette());
    m_set->setColor(color);
    m_set->setBorderColor(color);
}

void RecordsPerHourChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyColors();
}

} // namespace bw
