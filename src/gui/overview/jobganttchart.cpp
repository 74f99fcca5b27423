#include "overview/jobganttchart.h"

#include "charts/chartpalette.h"
#include "charts/charttimeaxis.h"
#include "details/detailsformat.h"
#include "domain/jobidentifier.h"
#include "domain/jobmetrics.h"
#include "presentation/statuspresentation.h"

#include <QCategoryAxis>
#include <QCursor>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>

namespace bw {

namespace {
constexpr int kMaxLabelChars = 26; // label width, in average characters
constexpr qint64 kRecentSeconds = 24 * 3600;

bool valid(const std::optional<QDateTime> &t)
{
    return t && t->isValid();
}
} // namespace

JobGanttChart::JobGanttChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_xAxis(new QCategoryAxis)
    , m_yAxis(new QCategoryAxis)
    , m_expiry(new QScatterSeries)
    , m_nowLine(new QLineSeries)
{
    ChartPalette::setUp(this);
    setAccessibleName(tr("Jobs over time"));
    chart()->addAxis(m_xAxis, Qt::AlignTop);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    m_yAxis->setReverse(true); // first row on top
    m_yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_yAxis->setGridLineVisible(false);
    m_yAxis->setTruncateLabels(false); // names are shortened (with a tooltip) by the chart
    chart()->legend()->setAlignment(Qt::AlignBottom);

    for (int g = 0; g < StatusGroupCount; ++g) {
        auto *s = new QLineSeries;
        s->setName(StatusPresentation::groupText(StatusGroup(g)));
        chart()->addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
        m_legendSeries.append(s);
    }
    m_expiry->setName(tr("Expires"));
    m_expiry->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    chart()->addSeries(m_expiry);
    m_expiry->attachAxis(m_xAxis);
    m_expiry->attachAxis(m_yAxis);
    connect(m_expiry, &QScatterSeries::hovered, this, [this](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        const int row = int(point.y());
        if (row < 0 || row >= m_rows.size())
            return;
        const Job &job = m_rows.at(row).job.job;
        QToolTip::showText(
                QCursor::pos(),
                tr("%1 expires %2")
                        .arg(m_rows.at(row).label,
                             DetailsFormat::absoluteAndRelative(
                                     job.jobExpirationTime.value_or(QDateTime()), m_now)),
                this);
    });
    m_nowLine->setName(tr("Now"));
    chart()->addSeries(m_nowLine);
    m_nowLine->attachAxis(m_xAxis);
    m_nowLine->attachAxis(m_yAxis);
    connect(chart(), &QChart::plotAreaChanged, this, [this] {
        updateTimeAxis();
        updateBarWidth();
        placeEdgeLabels();
    });
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    applyColors();
    rebuild();
}

JobGanttChart::~JobGanttChart() = default;

void JobGanttChart::setMaxRows(int rows)
{
    m_maxRows = std::max(1, rows);
}

QString JobGanttChart::uniqueLabel(const WatchedJob &w, QStringList &taken) const
{
    const QString shortId = JobIdentifier::parse(w.job.jobArn.value_or(w.identifier)).shortId();
    QString label = w.job.jobName && !w.job.jobName->isEmpty() ? *w.job.jobName : shortId;
    // Elided in the middle like the table's names: batch names tend to differ at the end.
    label = fontMetrics().elidedText(label, Qt::ElideMiddle,
                                     fontMetrics().averageCharWidth() * kMaxLabelChars);
    // Category labels must be unique: a repeated name gets its short id.
    if (taken.contains(label))
        label = tr("%1 (%2)").arg(label, shortId);
    while (taken.contains(label))
        label += QChar(0x200B);
    taken.append(label);
    return label;
}

void JobGanttChart::setJobs(const QList<WatchedJob> &jobs, const QDateTime &now)
{
    m_now = now.toUTC();
    m_rows.clear();
    QStringList taken;
    for (const WatchedJob &w : jobs) {
        if (m_rows.size() >= m_maxRows)
            break;
        Row row;
        row.job = w;
        row.label = uniqueLabel(w, taken);
        const Job &job = w.job;
        const bool terminal = job.status && job.status->isTerminal();
        row.live = !terminal;
        if (valid(job.submitTime)) {
            row.from = job.submitTime->toUTC();
            if (valid(job.endTime))
                row.to = job.endTime->toUTC();
            else if (!terminal)
                row.to = m_now;
            else if (valid(job.lastModifiedTime))
                row.to = job.lastModifiedTime->toUTC();
            else
                row.to = w.fetchedAt.isValid() ? w.fetchedAt.toUTC() : row.from;
            row.to = std::max(row.to, row.from);
        }
        m_rows.append(row);
    }
    rebuild();
    updateHeight();
}

void JobGanttChart::updateHeight()
{
    // QChartView has a minimum height of its own: pin the height to what the rows need, so
    // the scroll area around the chart scrolls instead of squeezing them.
    setFixedHeight(sizeHint().height());
}

void JobGanttChart::ensureSeries(int count)
{
    while (m_bars.size() < count) {
        auto *s = new QLineSeries;
        chart()->addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
        const auto markers = chart()->legend()->markers(s);
        for (QLegendMarker *m : markers)
            m->setVisible(false);
        const int index = int(m_bars.size());
        connect(s, &QLineSeries::hovered, this, [this, index](const QPointF &, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), rowToolTip(index), this);
            else
                QToolTip::hideText();
        });
        m_bars.append(s);
    }
    while (m_bars.size() > count) {
        QLineSeries *s = m_bars.takeLast();
        chart()->removeSeries(s);
        delete s;
    }
}

void JobGanttChart::setRangeMode(RangeMode mode)
{
    if (mode == m_rangeMode)
        return;
    m_rangeMode = mode;
    rebuild();
}

void JobGanttChart::rebuild()
{
    ensureSeries(int(m_rows.size()));
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();

    // The range: the bars the mode asks for, with a small margin. Expiries never widen it.
    QDateTime first;
    QDateTime last;
    auto take = [&first, &last](const Row &row) {
        if (!first.isValid() || row.from < first)
            first = row.from;
        if (!last.isValid() || row.to > last)
            last = row.to;
    };
    switch (m_rangeMode) {
    case RangeMode::Recent:
        for (const Row &row : std::as_const(m_rows)) {
            if (row.from.isValid() && (row.live || row.to.secsTo(now) <= kRecentSeconds))
                take(row);
        }
        if (first.isValid())
            break;
        [[fallthrough]]; // nothing recent: every bar
    case RangeMode::All:
        for (const Row &row : std::as_const(m_rows)) {
            if (row.from.isValid())
                take(row);
        }
        break;
    case RangeMode::LastDay:
    case RangeMode::LastWeek:
        last = now;
        first = now.addSecs(m_rangeMode == RangeMode::LastDay ? -kRecentSeconds
                                                              : -7 * kRecentSeconds);
        break;
    }
    if (!first.isValid()) {
        last = now;
        first = last.addSecs(-3600);
    }
    if (first.msecsTo(last) < 60 * 1000)
        first = last.addSecs(-60);
    const qint64 pad = std::max<qint64>(first.msecsTo(last) / 40, 1000);
    const QDateTime axisStart = first.addMSecs(-pad);
    const QDateTime axisEnd = last.addMSecs(pad);
    m_axisStart = axisStart;
    m_axisEnd = axisEnd;

    QList<QPointF> expiries;
    m_expiryMarkers.clear();
    m_edgeTexts = QList<QString>(m_rows.size());
    m_edgeRight = QList<bool>(m_rows.size(), false);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const Job &job = row.job.job;
        if (row.from.isValid() && row.to < axisStart) {
            m_edgeTexts[i] = tr("← ended %1").arg(shortTime(row.to));
            continue;
        }
        if (!row.live || !valid(job.jobExpirationTime))
            continue;
        const QDateTime at = job.jobExpirationTime->toUTC();
        if (at > axisEnd) {
            m_edgeTexts[i] = tr("Expires %1 →").arg(shortTime(at));
            m_edgeRight[i] = true;
        } else if (at >= axisStart) {
            expiries.append(QPointF(qreal(at.toMSecsSinceEpoch()), qreal(i) + 0.5));
            m_expiryMarkers.append({int(i), at});
        }
    }

    // Rows: categories [i, i + 1), bars at i + 0.5.
    const QStringList labels = m_yAxis->categoriesLabels();
    QStringList wanted;
    for (const Row &row : std::as_const(m_rows))
        wanted.append(row.label);
    if (labels != wanted) {
        for (const QString &label : labels)
            m_yAxis->remove(label);
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_yAxis->append(m_rows.at(i).label, qreal(i + 1));
    }
    // A little room above the first and below the last row: Qt hides a category label that
    // touches the end of its axis.
    m_yAxis->setStartValue(0);
    m_yAxis->setRange(-0.3, std::max<qreal>(1, qreal(m_rows.size())) + 0.3);

    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        QLineSeries *s = m_bars.at(i);
        s->setName(row.job.identifier);
        if (!row.from.isValid()) {
            s->clear();
            continue;
        }
        if (row.to < axisStart) { // ended before the range: the edge note stands for it
            s->clear();
            continue;
        }
        const qreal y = qreal(i) + 0.5;
        // Clipped to the range (QtCharts would draw a thick pen's end outside the plot), and at
        // least a sliver, so an instant job is still visible.
        const qreal from = qreal(std::max(row.from, axisStart).toMSecsSinceEpoch());
        const qreal to = std::max(qreal(std::min(row.to, axisEnd).toMSecsSinceEpoch()),
                                  from + qreal(axisStart.msecsTo(axisEnd)) / 300.0);
        s->replace({QPointF(from, y), QPointF(to, y)});
    }
    m_expiry->replace(expiries);
    const qreal nowX = qreal(
            (m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    const bool anyLive = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                     [](const Row &r) { return r.live && r.from.isValid(); });
    if (anyLive)
        m_nowLine->replace({QPointF(nowX, 0), QPointF(nowX, qreal(m_rows.size()))});
    else
        m_nowLine->clear();
    // Legend: only the groups that have a bar.
    std::array<bool, StatusGroupCount> present{};
    for (const Row &row : std::as_const(m_rows))
        present[size_t(row.job.job.statusGroup())] = true;
    for (int g = 0; g < StatusGroupCount; ++g) {
        const auto markers = chart()->legend()->markers(m_legendSeries.at(g));
        for (QLegendMarker *m : markers)
            m->setVisible(present[size_t(g)]);
    }
    const auto expiryMarkers = chart()->legend()->markers(m_expiry);
    for (QLegendMarker *m : expiryMarkers)
        m->setVisible(!expiries.isEmpty());
    const auto nowMarkers = chart()->legend()->markers(m_nowLine);
    for (QLegendMarker *m : nowMarkers)
        m->setVisible(anyLive);
    // The edge notes: one text item per row that has one; a column right of the plot for the
    // expiries beyond the range.
    while (m_edgeItems.size() < m_rows.size()) {
        auto *item = new QGraphicsSimpleTextItem(chart());
        item->setZValue(10);
        m_edgeItems.append(item);
    }
    while (m_edgeItems.size() > m_rows.size())
        delete m_edgeItems.takeLast();
    int column = 0;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        QGraphicsSimpleTextItem *item = m_edgeItems.at(i);
        item->setText(m_edgeTexts.at(i));
        item->setFont(font());
        item->setToolTip(m_edgeTexts.at(i).isEmpty() ? QString() : rowToolTip(int(i)));
        if (m_edgeRight.at(i))
            column = std::max(column, fontMetrics().horizontalAdvance(m_edgeTexts.at(i)));
    }
    const QFontMetrics fm = fontMetrics();
    m_edgeColumn = column > 0 ? column + fm.averageCharWidth() * 2 : 0;
    const int side = fm.averageCharWidth() * 4;
    const int top = fm.height() / 4;
    const QMargins margins(side, top, std::max(side, m_edgeColumn), top);
    if (chart()->margins() != margins)
        chart()->setMargins(margins);
    // Last: attaching and filling series may have moved the range.
    updateTimeAxis();
    applyColors();
    placeEdgeLabels();
    setAccessibleDescription(textSummary());
}

QString JobGanttChart::shortTime(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QStringLiteral("d MMM HH:mm"));
}

void JobGanttChart::placeEdgeLabels()
{
    const QRectF plot = chart()->plotArea();
    const QFontMetrics fm = fontMetrics();
    for (qsizetype i = 0; i < m_edgeItems.size() && i < m_edgeTexts.size(); ++i) {
        QGraphicsSimpleTextItem *item = m_edgeItems.at(i);
        if (m_edgeTexts.at(i).isEmpty() || !plot.isValid()) {
            item->setVisible(false);
            continue;
        }
        const qreal y = chart()->mapToPosition(QPointF(0, qreal(i) + 0.5), m_nowLine).y();
        const qreal x = m_edgeRight.at(i) ? plot.right() + fm.averageCharWidth()
                                          : plot.left() + fm.averageCharWidth() / 2.0;
        item->setPos(x, y - item->boundingRect().height() / 2);
        item->setVisible(true);
    }
}

QString JobGanttChart::rowEdgeText(int row) const
{
    return row >= 0 && row < m_edgeTexts.size() ? m_edgeTexts.at(row) : QString();
}

QList<std::pair<int, QDateTime>> JobGanttChart::expiryMarkers() const
{
    return m_expiryMarkers;
}

QStringList JobGanttChart::rowIdentifiers() const
{
    QStringList out;
    for (const Row &row : m_rows)
        out.append(row.job.identifier);
    return out;
}

QString JobGanttChart::rowLabel(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).label : QString();
}

QString JobGanttChart::rowToolTip(int index) const
{
    if (index < 0 || index >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index);
    const Job &job = row.job.job;
    QStringList lines;
    lines << (job.jobName ? *job.jobName : row.job.identifier);
    lines << StatusPresentation::text(job.status.value_or(Status()));
    if (!row.from.isValid()) {
        lines << tr("No submit time reported");
        return lines.join(u'\n');
    }
    lines << tr("Submitted %1").arg(DetailsFormat::absoluteTime(row.from));
    if (valid(job.endTime))
        lines << tr("Ended %1").arg(DetailsFormat::absoluteTime(row.to));
    else if (row.live)
        lines << tr("Running for %1 so far")
                         .arg(JobMetrics::formatDuration(row.from.secsTo(row.to)));
    lines << tr("Duration %1").arg(JobMetrics::formatDuration(row.from.secsTo(row.to)));
    if (row.live && valid(job.jobExpirationTime))
        lines << tr("Expires %1")
                         .arg(DetailsFormat::absoluteAndRelative(*job.jobExpirationTime, m_now));
    return lines.join(u'\n');
}

QString JobGanttChart::textSummary() const
{
    if (m_rows.isEmpty())
        return tr("Jobs over time: no jobs.");
    QStringList lines;
    const QString from = shortTime(m_axisStart);
    const QString to = shortTime(m_axisEnd);
    lines << tr("Jobs over time: %Ln job(s), from %1 to %2.", nullptr, int(m_rows.size()))
                     .arg(from, to);
    for (int row = 0; row < m_rows.size(); ++row)
        lines << rowToolTip(row).replace(u'\n', QStringLiteral("; "));
    return lines.join(u'\n');
}

int JobGanttChart::rowHeight() const
{
    return fontMetrics().height() * 3 / 2;
}

QSize JobGanttChart::sizeHint() const
{
    // Rows, plus the time axis on top and the legend below.
    const int em = fontMetrics().height();
    const int rows = std::max<int>(1, int(m_rows.size()));
    return {em * 40, rows * rowHeight() + em * 5};
}

QSize JobGanttChart::minimumSizeHint() const
{
    return {fontMetrics().height() * 20, sizeHint().height()};
}

void JobGanttChart::updateTimeAxis()
{
    const qreal plot = chart()->plotArea().width();
    ChartTimeAxis::setRange(m_xAxis, m_axisStart, m_axisEnd, plot > 0 ? int(plot) : width() * 3 / 4,
                            fontMetrics());
}

void JobGanttChart::updateBarWidth()
{
    const qreal plotHeight = chart()->plotArea().height();
    const int rows = std::max<int>(1, int(m_rows.size()));
    const qreal barWidth = std::max(2.0, plotHeight / rows * 0.62);
    for (QLineSeries *s : std::as_const(m_bars)) {
        QPen pen = s->pen();
        if (!qFuzzyCompare(pen.widthF(), barWidth)) {
            pen.setWidthF(barWidth);
            pen.setCapStyle(Qt::FlatCap);
            s->setPen(pen);
        }
    }
    m_expiry->setMarkerSize(std::min(barWidth * 1.1, fontMetrics().height() * 0.9));
}

void JobGanttChart::applyColors()
{
    ChartPalette::apply(chart(), palette(), font());
    for (qsizetype i = 0; i < m_rows.size() && i < m_bars.size(); ++i) {
        const Job &job = m_rows.at(i).job.job;
        QPen pen = m_bars.at(i)->pen();
        pen.setColor(StatusPresentation::color(job.statusCode(), palette()));
        pen.setCapStyle(Qt::FlatCap);
        m_bars.at(i)->setPen(pen);
    }
    for (int g = 0; g < StatusGroupCount; ++g) {
        const QColor color = StatusPresentation::color(StatusGroup(g), palette());
        m_legendSeries.at(g)->setPen(QPen(color, fontMetrics().height() / 2.0));
        m_legendSeries.at(g)->setColor(color);
    }
    const QColor warning = StatusPresentation::warningColor(palette());
    m_expiry->setColor(warning);
    m_expiry->setBorderColor(palette().color(QPalette::Active, QPalette::Base));
    for (qsizetype i = 0; i < m_edgeItems.size() && i < m_edgeRight.size(); ++i)
        m_edgeItems.at(i)->setBrush(m_edgeRight.at(i) ? warning
                                                      : DetailsFormat::dimmedTextColor(palette()));
    QPen nowPen(palette().color(QPalette::Active, QPalette::Highlight), 1.5);
    nowPen.setStyle(Qt::DashLine);
    m_nowLine->setPen(nowPen);
    updateBarWidth();
}

void JobGanttChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyColors();
        updateHeight();
    }
}

void JobGanttChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateTimeAxis();
    updateBarWidth();
    placeEdgeLabels();
}

} // namespace bw
