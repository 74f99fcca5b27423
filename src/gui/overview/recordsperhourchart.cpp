#include "overview/recordsperhourchart.h"

#include "charts/chartpalette.h"
#include "presentation/statuspresentation.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
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
    , m_hoursAxis(new QCategoryAxis)
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
    // Bar i is centred on x = i; its hour starts at i - 0.5, where its "HH:00" label goes.
    m_hoursAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_hoursAxis->setRange(-0.5, Hours - 0.5);
    m_hoursAxis->setStartValue(-0.5);
    m_hoursAxis->setGridLineVisible(false);
    m_hoursAxis->setTruncateLabels(false);
    // Whole numbers with the locale's digit grouping ("150,000", "150 000"): with localized
    // numbers QtCharts formats "%.0f" through QLocale. ("%d" is not: Qt 6.4 draws no label.)
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart()->setLocalizeNumbers(true);
    chart()->setLocale(locale());
    connect(m_set, &QBarSet::hovered, this, [this](bool state, int index) {
        if (!state || index < 0 || index >= m_values.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), barToolTip(index), this);
    });
    connect(chart(), &QChart::plotAreaChanged, this, [this] { updateHourLabels(); });
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
        updateHourLabels();
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
    setAccessibleDescription(textSummary());
}

int RecordsPerHourChart::labelStep() const
{
    // Every 3rd hour when "00:00" labels fit with room between them, else every 6th.
    const qreal plot = chart()->plotArea().width();
    const int pixels = plot > 0 ? int(plot) : width() * 4 / 5;
    const int label = QFontMetrics(font()).horizontalAdvance(QStringLiteral("00:00")) * 2;
    return pixels / (Hours / 3) >= label ? 3 : 6;
}

void RecordsPerHourChart::updateHourLabels()
{
    if (!m_start.isValid())
        return;
    const int step = labelStep();
    QStringList wanted;
    QList<qreal> at;
    for (int h = 0; h < Hours; ++h) {
        const QDateTime from = m_start.addSecs(qint64(h) * 3600).toLocalTime();
        if (from.time().hour() % step != 0)
            continue;
        QString text = from.toString(QStringLiteral("HH:mm"));
        while (wanted.contains(text)) // a repeated hour (end of summer time): labels are keys
            text += QChar(0x200B);
        wanted.append(text);
        at.append(qreal(h) - 0.5);
    }
    if (wanted == m_hoursAxis->categoriesLabels())
        return;
    const QStringList old = m_hoursAxis->categoriesLabels();
    for (const QString &label : old)
        m_hoursAxis->remove(label);
    for (qsizetype i = 0; i < wanted.size(); ++i)
        m_hoursAxis->append(wanted.at(i), at.at(i));
}

QStringList RecordsPerHourChart::hourLabels() const
{
    return m_hoursAxis->categoriesLabels();
}

QString RecordsPerHourChart::barToolTip(int index) const
{
    if (index < 0 || index >= m_values.size())
        return {};
    const QDateTime from = m_start.addSecs(qint64(index) * 3600).toLocalTime();
    const qint64 n = m_values.at(index);
    return tr("%1–%2: %Ln record(s)", nullptr, int(n))
            .arg(QLocale().toString(from, QStringLiteral("ddd d MMM HH:mm")),
                 from.addSecs(3600).toString(QStringLiteral("HH:mm")));
}

QString RecordsPerHourChart::textSummary() const
{
    const auto busiest = std::max_element(m_values.cbegin(), m_values.cend());
    if (busiest == m_values.cend() || *busiest <= 0)
        return tr("Records processed per hour: none in the last 24 hours.");
    const QDateTime from
            = m_start.addSecs(qint64(busiest - m_values.cbegin()) * 3600).toLocalTime();
    return tr("Records processed per hour: %1 in the last 24 hours; the busiest hour was "
              "%2–%3 with %4.")
            .arg(QLocale().toString(total()), from.toString(QStringLiteral("HH:mm")),
                 from.addSecs(3600).toString(QStringLiteral("HH:mm")),
                 QLocale().toString(*busiest));
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
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyColors();
        updateHourLabels();
    } else if (event->type() == QEvent::LocaleChange) {
        chart()->setLocale(locale());
    }
}

void RecordsPerHourChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateHourLabels();
}

} // namespace bw
