#include "progresstab.h"

#include "chartpalette.h"
#include "charttimeaxis.h"
#include "detailsformat.h"
#include "statuspresentation.h"
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

void ProgressTab::updateChart()
{
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
    const bool enough = m_samples.size() >= 2;
    m_ui->chartStack->setCurrentWidget(enough ? m_ui->chartPage : m_ui->chartNotePage);
    if (!enough) {
        m_total->clear();
        return;
    }
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

void ProgressTab::updateTimeAxis()
{
    if (!m_axisFrom.isValid())
        return;
    const qreal plot = m_chartView->chart()->plotArea().width();
    ChartTimeAxis::setRange(m_xAxis, m_axisFrom, m_axisTo,
                            plot > 0 ? int(plot) : m_chartView->width() * 9 / 10, fontMetrics());
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
    m_ui->chartTitle->setFont(bold);
    m_ui->chartTitle->setPalette(pal);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_ui->noCountsTitle->setFont(big);
    QPalette dim = pal;
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(pal));
    m_ui->chartNote->setPalette(dim);
}

} // namespace bw
