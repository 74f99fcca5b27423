#include "details/progresstab.h"

#include "charts/chartpalette.h"
#include "charts/charttimeaxis.h"
#include "details/detailsformat.h"
#include "presentation/statuspresentation.h"
#include "ui_progresstab.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace bw {

namespace {

bool reportsCounts(const WatchedJob &w)
{
    for (JobField f : {JobField::TotalRecordCount, JobField::ProcessedRecordCount,
                       JobField::SuccessRecordCount, JobField::ErrorRecordCount}) {
        if (w.everReported.has(f) || w.job.has(f))
            return true;
    }
    return false;
}

// A y-axis maximum with some headroom, rounded to a readable number.
qreal niceCeiling(qreal value)
{
    if (value <= 10)
        return 10;
    const qreal magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const qreal step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

ProgressTab::ProgressTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProgressTab>())
    , m_chartView(new QChartView(new QChart))
    , m_xAxis(new QDateTimeAxis)
    , m_yAxis(new QValueAxis)
    , m_processed(new QLineSeries)
    , m_failed(new QLineSeries)
    , m_total(new QLineSeries)
{
    m_ui->setupUi(this);
    m_ui->chartContainerLayout->addWidget(m_chartView);
    m_chartView->setAccessibleName(tr("Records processed over time"));
    ChartPalette::setUp(m_chartView);
    QChart *chart = m_chartView->chart();
    m_processed->setName(tr("Processed"));
    m_failed->setName(tr("Failed"));
    m_total->setName(tr("Total"));
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_total, m_processed, m_failed}) {
        chart->addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
    }
    m_yAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_yAxis->setMin(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    connect(chart, &QChart::plotAreaChanged, this, [this] { updateTimeAxis(); });
    m_ui->progressBar->setMinimum(0);
    m_ui->progressBar->setMaximum(1000);
    updateLook();
    clear();
}

ProgressTab::~ProgressTab() = default;

void ProgressTab::setJob(const WatchedJob &job, const QList<ProgressSample> &samples,
                         const QDateTime &now)
{
    m_job = job;
    m_now = now;
    m_hasJob = true;
    m_samples = samples;
    std::stable_sort(m_samples.begin(), m_samples.end(),
                     [](const ProgressSample &a, const ProgressSample &b) { return a.at < b.at; });
    fill();
    updateChart();
}

void ProgressTab::setSamples(const QList<ProgressSample> &samples)
{
    m_samples = samples;
    std::stable_sort(m_samples.begin(), m_samples.end(),
                     [](const ProgressSample &a, const ProgressSample &b) { return a.at < b.at; });
    fill();
    updateChart();
}

void ProgressTab::addSample(const ProgressSample &sample)
{
    const auto pos = std::upper_bound(
            m_samples.begin(), m_samples.end(), sample.at,
            [](const QDateTime &at, const ProgressSample &s) { return at < s.at; });
    m_samples.insert(pos, sample);
    fill();
    updateChart();
}

void ProgressTab::setNow(const QDateTime &now)
{
    if (m_now == now)
        return;
    m_now = now;
    if (m_hasJob)
        fill();
}

void ProgressTab::clear()
{
    m_hasJob = false;
    m_job = {};
    m_samples.clear();
    fill();
    updateChart();
}

void ProgressTab::setRateWindow(qint64 seconds)
{
    if (seconds <= 0 || seconds == m_rateWindow)
        return;
    m_rateWindow = seconds;
    fill();
}

bool ProgressTab::countsReported() const
{
    return m_ui->stack->currentWidget() == m_ui->countsPage;
}

QString ProgressTab::countText(JobField field) const
{
    switch (field) {
    case JobField::TotalRecordCount:
        return m_ui->totalValue->text();
    case JobField::ProcessedRecordCount:
        return m_ui->processedValue->text();
    case JobField::SuccessRecordCount:
        return m_ui->succeededValue->text();
    case JobField::ErrorRecordCount:
        return m_ui->failedValue->text();
    default:
        return {};
    }
}

QString ProgressTab::rateText() const
{
    return m_ui->rateValue->text();
}

QString ProgressTab::etaText() const
{
    return m_ui->etaValue->text();
}

QProgressBar *ProgressTab::progressBar() const
{
    return m_ui->progressBar;
}

int ProgressTab::chartPointCount() const
{
    return int(m_processed->count());
}

void ProgressTab::fill()
{
    const Job &job = m_job.job;
    const QLocale locale;
    const bool reported = !m_hasJob || reportsCounts(m_job);
    m_ui->stack->setCurrentWidget(reported ? m_ui->countsPage : m_ui->noCountsPage);

    auto count = [&](QLabel *label, const std::optional<qint64> &value) {
        const QString text
                = value ? locale.toString(*value)
                        : (m_hasJob ? DetailsFormat::notReported() : QStringLiteral("—"));
        if (label->text() != text)
            label->setText(text);
        QFont f = font();
        f.setItalic(!value && m_hasJob);
        if (value)
            f.setPointSizeF(f.pointSizeF() * 1.5);
        label->setFont(f);
        QPalette pal = palette();
        if (!value && m_hasJob)
            pal.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(palette()));
        label->setPalette(pal);
    };
    count(m_ui->totalValue, job.totalRecordCount);
    count(m_ui->processedValue, job.processedRecordCount);
    count(m_ui->succeededValue, job.successRecordCount);
    count(m_ui->failedValue, job.errorRecordCount);
    if (job.processedRecordCount && job.errorRecordCount) {
        if (const std::optional<double> share = JobMetrics::errorShare(job))
            m_ui->failedValue->setToolTip(tr("%1 % of the processed records failed")
                                                  .arg(locale.toString(*share * 100, 'f', 1)));
    } else {
        m_ui->failedValue->setToolTip({});
    }

    QProgressBar *bar = m_ui->progressBar;
    const std::optional<double> fraction = JobMetrics::progressFraction(job);
    if (fraction) {
        if (bar->maximum() == 0)
            bar->setRange(0, 1000);
        bar->setValue(int(std::lround(*fraction * 1000)));
        bar->setFormat(tr("%1 % (%2 of %3)")
                               .arg(locale.toString(*fraction * 100, 'f', 1),
                                    locale.toString(job.processedRecordCount.value_or(0)),
                                    locale.toString(job.totalRecordCount.value_or(0))));
        bar->setAccessibleDescription(bar->format());
    } else {
        // Indeterminate: a busy indicator, no made-up percentage.
        bar->setRange(0, 0);
        bar->setFormat(QString());
        bar->setAccessibleDescription(tr("Progress unknown: the total is 0 or not reported"));
    }
    bar->setToolTip(fraction ? QString()
                             : tr("The gateway reports no total yet, so progress is unknown."));

    const bool terminal = job.status && job.status->isTerminal();
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const QString window = JobMetrics::formatDuration(m_rateWindow);
    QString rate;
    QString eta;
    if (!m_hasJob) {
        rate = eta = QStringLiteral("—");
    } else if (const auto r = JobMetrics::processingRate(m_samples, now, m_rateWindow)) {
        rate = tr("%1 records/min over the last %2 (%5 samples, %3 to %4)")
                       .arg(locale.toString(r->recordsPerMinute, 'f',
                                            r->recordsPerMinute < 10 ? 1 : 0),
                            window, r->from.toLocalTime().toString(QStringLiteral("HH:mm")),
                            r->to.toLocalTime().toString(QStringLiteral("HH:mm")))
                       .arg(r->sampleCount);
    } else if (terminal) {
        rate = tr("none: the job has ended");
    } else {
        rate = tr("not measurable yet: needs two samples with progress within the last %1")
                       .arg(window);
    }
    if (m_hasJob) {
        if (terminal) {
            eta = tr("none: the job has ended");
        } else if (const auto e = JobMetrics::eta(job, m_samples, now, m_rateWindow)) {
            eta = tr("%1 — around %2 (%3 records left at %4 records/min)")
                          .arg(JobMetrics::formatDuration(e->seconds),
                               DetailsFormat::absoluteTime(e->finishAt),
                               locale.toString(e->remainingRecords),
                               locale.toString(e->basis.recordsPerMinute, 'f',
                                               e->basis.recordsPerMinute < 10 ? 1 : 0));
        } else if (!fraction) {
            eta = tr("unknown: no total record count yet");
        } else {
            eta = tr("unknown until a processing rate can be measured");
        }
    }
    if (m_ui->rateValue->text() != rate)
        m_ui->rateValue->setText(rate);
    if (m_ui->etaValue->text() != eta)
        m_ui->etaValue->setText(eta);
}

bool ProgressTab::chartShown() const
{
    return m_ui->chartStack->currentWidget() == m_ui->chartPage;
}

QString ProgressTab::chartNoteText() const
{
    return m_ui->chartNote->text();
}

namespace {

bool sameCounts(const ProgressSample &a, const ProgressSample &b)
{
    return a.total == b.total && a.processed == b.processed && a.failed == b.failed;
}

} // namespace

QString ProgressTab::noteFor() const
{
    if (m_samples.isEmpty())
        return tr("No progress samples yet. The chart of processed records starts once the "
                  "gateway has reported record counts twice.");
    const QLocale locale;
    const ProgressSample &first = m_samples.constFirst();
    const ProgressSample &last = m_samples.constLast();
    const QString reading
            = last.total > 0
                      ? tr("%1 of %2 records processed")
                                .arg(locale.toString(last.processed), locale.toString(last.total))
                      : tr("%1 records processed").arg(locale.toString(last.processed));
    const bool terminal = m_job.job.status && m_job.job.status->isTerminal();
    if (m_samples.size() == 1) {
        return terminal ? tr("Only one sample: %1 at %2. The job had ended by then, so there is "
                             "no progress over time to chart.")
                                  .arg(reading, DetailsFormat::absoluteTime(first.at))
                        : tr("Only one sample so far: %1 at %2. The chart appears once the "
                             "counts change.")
                                  .arg(reading, DetailsFormat::absoluteTime(first.at));
    }
    return terminal ? tr("The counts did not change while batchwatch watched this job: %1 in "
                         "every sample from %2 to %3. There is no progress over time to chart.")
                              .arg(reading, DetailsFormat::absoluteTime(first.at),
                                   DetailsFormat::absoluteTime(last.at))
                    : tr("No progress yet: %1 in every sample from %2 to %3. The chart appears "
                         "once the counts change.")
                              .arg(reading, DetailsFormat::absoluteTime(first.at),
                                   DetailsFormat::absoluteTime(last.at));
}

void ProgressTab::updateChart()
{
    // A line needs two different readings: one sample, or samples that all say the same, would
    // draw a flat line across the time between them as if it were a history of progress.
    const bool enough = m_samples.size() >= 2
                        && std::any_of(m_samples.cbegin() + 1, m_samples.cend(),
                                       [this](const ProgressSample &s) {
                                           return !sameCounts(s, m_samples.constFirst());
                                       });
    m_ui->chartStack->setCurrentWidget(enough ? m_ui->chartPage : m_ui->chartNotePage);
    if (!enough) {
        m_processed->clear();
        m_failed->clear();
        m_total->clear();
        m_axisFrom = m_axisTo = QDateTime();
        const QString note = m_hasJob ? noteFor() : QString();
        if (m_ui->chartNote->text() != note)
            m_ui->chartNote->setText(note);
        return;
    }
    QList<QPointF> processed;
    QList<QPointF> failed;
    processed.reserve(m_samples.size());
    failed.reserve(m_samples.size());
    qint64 top = 0;
    for (const ProgressSample &s : std::as_const(m_samples)) {
        const qreal x = qreal(s.at.toMSecsSinceEpoch());
        processed.append(QPointF(x, qreal(s.processed)));
        failed.append(QPointF(x, qreal(s.failed)));
        top = std::max({top, s.processed, s.failed, s.total});
    }
    m_processed->replace(processed);
    m_failed->replace(failed);
    const QDateTime first = m_samples.constFirst().at;
    QDateTime last = m_samples.constLast().at;
    if (first.msecsTo(last) < 60 * 1000)
        last = first.addSecs(60);
    const qint64 total = m_samples.constLast().total;
    if (total > 0)
        m_total->replace({QPointF(qreal(first.toMSecsSinceEpoch()), qreal(total)),
                          QPointF(qreal(last.toMSecsSinceEpoch()), qreal(total))});
    else
        m_total->clear();
    m_axisFrom = first;
    m_axisTo = last;
    updateTimeAxis();
    m_yAxis->setRange(0, niceCeiling(qreal(top) * 1.05));
    m_yAxis->setTickCount(6);
}

namespace {

// QtCharts gives each label of a horizontal axis the plot width divided by the number of ticks
// (less some padding) and elides what does not fit ("28 Nov 0..."): the room a label needs.
int labelRoom(const QDateTimeAxis *axis, const QFontMetrics &metrics)
{
    const QString widest
            = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58, 58)), axis->format());
    return metrics.horizontalAdvance(widest) + metrics.height();
}

} // namespace

bool ProgressTab::timeLabelsFit() const
{
    const qreal plot = m_chartView->chart()->plotArea().width();
    if (plot <= 0 || m_xAxis->tickCount() < 1)
        return true;
    return labelRoom(m_xAxis, QFontMetrics(m_xAxis->labelsFont())) * m_xAxis->tickCount() <= plot;
}

void ProgressTab::updateTimeAxis()
{
    if (!m_axisFrom.isValid())
        return;
    const qreal plot = m_chartView->chart()->plotArea().width();
    int pixels = plot > 0 ? int(plot) : m_chartView->width() * 9 / 10;
    const QFontMetrics metrics(m_xAxis->labelsFont());
    // ChartTimeAxis sizes its ticks for the labels of the span it is given, but rounding the
    // range outward to whole steps can cross midnight and bring the date into every label:
    // ask again for fewer ticks until the labels it chose fit between them.
    for (int attempt = 0; attempt < 6; ++attempt) {
        ChartTimeAxis::setRange(m_xAxis, m_axisFrom, m_axisTo, pixels, metrics);
        if (m_xAxis->tickCount() <= 2 || plot <= 0
            || labelRoom(m_xAxis, metrics) * m_xAxis->tickCount() <= int(plot))
            break;
        pixels = pixels * 2 / 3;
    }
    // A very narrow chart: the time alone on the ticks, the dates once in the axis title.
    QString title;
    if (plot > 0 && labelRoom(m_xAxis, metrics) * m_xAxis->tickCount() > int(plot)
        && m_xAxis->format().contains(QLatin1String("HH"))
        && m_xAxis->format().contains(QLatin1String("MMM"))) {
        m_xAxis->setFormat(QStringLiteral("HH:mm"));
        const QLocale locale;
        const QString from = locale.toString(m_xAxis->min().date(), QStringLiteral("d MMM"));
        const QString to = locale.toString(m_xAxis->max().date(), QStringLiteral("d MMM"));
        title = from == to ? from : tr("%1 – %2").arg(from, to);
    }
    if (m_xAxis->titleText() != title)
        m_xAxis->setTitleText(title);
    m_xAxis->setTitleVisible(!title.isEmpty());
}

void ProgressTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateLook();
        fill();
    }
}

void ProgressTab::updateLook()
{
    // Empty-state text: full width (so it wraps right), but kept off the edges.
    m_ui->noCountsLayout->setContentsMargins(4 * fontMetrics().height(), 0,
                                             4 * fontMetrics().height(), 0);
    const QPalette pal = palette();
    ChartPalette::apply(m_chartView->chart(), pal, font());
    m_processed->setPen(QPen(StatusPresentation::color(StatusGroup::Running, pal), 2.0));
    m_failed->setPen(QPen(StatusPresentation::color(StatusGroup::Failed, pal), 2.0));
    QPen totalPen(ChartPalette::axisColor(pal), 1.0);
    totalPen.setStyle(Qt::DashLine);
    m_total->setPen(totalPen);
    const int em = fontMetrics().height();
    m_chartView->setMinimumHeight(em * 10);
    m_ui->countsLayout->setHorizontalSpacing(em * 2);
    for (QLabel *title : {m_ui->totalTitle, m_ui->processedTitle, m_ui->succeededTitle,
                          m_ui->failedTitle, m_ui->chartTitle}) {
        QPalette p = pal;
        p.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(pal));
        title->setPalette(p);
    }
    QFont bold = font();
    bold.setBold(true);
    for (QLabel *title : {m_ui->chartTitle, m_ui->chartNoteTitle}) {
        title->setFont(bold);
        title->setPalette(pal);
    }
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_ui->noCountsTitle->setFont(big);
    QPalette dim = pal;
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(pal));
    m_ui->chartNote->setPalette(dim);
}

} // namespace bw
