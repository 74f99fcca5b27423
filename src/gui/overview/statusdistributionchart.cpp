#include "overview/statusdistributionchart.h"

#include "charts/chartpalette.h"
#include "presentation/statuspresentation.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace bw {

namespace {
constexpr std::array<StatusGroup, StatusGroupCount> kOrder{
        StatusGroup::Queued, StatusGroup::Running, StatusGroup::Completed,
        StatusGroup::Failed, StatusGroup::Ended,   StatusGroup::Unknown};
} // namespace

StatusDistributionChart::StatusDistributionChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(new QHorizontalStackedBarSeries)
    , m_categoryAxis(new QBarCategoryAxis)
    , m_valueAxis(new QValueAxis)
{
    ChartPalette::setUp(this);
    setAccessibleName(tr("Jobs per status"));
    chart()->legend()->setVisible(false);
    for (StatusGroup group : kOrder) {
        auto *set = new QBarSet(StatusPresentation::groupText(group));
        m_sets[size_t(group)] = set;
        m_series->append(set);
        connect(set, &QBarSet::hovered, this, [this, group](bool state, int) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const int n = m_counts[size_t(group)];
            QToolTip::showText(
                    QCursor::pos(),
                    tr("%1: %Ln job(s)", nullptr, n).arg(StatusPresentation::groupText(group)),
                    this);
        });
    }
    m_series->setBarWidth(0.7);
    chart()->addSeries(m_series);
    chart()->addAxis(m_categoryAxis, Qt::AlignLeft);
    chart()->addAxis(m_valueAxis, Qt::AlignBottom);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_valueAxis);
    m_valueAxis->setLabelFormat(QStringLiteral("%d"));
    m_categoryAxis->setGridLineVisible(false);
    // The category labels are drawn by the chart itself, in a left margin as wide as the longest
    // label: QtCharts squeezes a vertical axis when the view is narrow and then cuts its labels
    // off at the left edge ("oped or expired · 3").
    m_categoryAxis->setLabelsVisible(false);
    connect(chart(), &QChart::plotAreaChanged, this, [this] { placeLabels(); });
    setMinimumHeight(fontMetrics().height() * 9);
    rebuild();
}

StatusDistributionChart::~StatusDistributionChart() = default;

void StatusDistributionChart::setCounts(const Counts &counts)
{
    if (counts == m_counts && !m_groups.isEmpty())
        return;
    m_counts = counts;
    rebuild();
}

QList<StatusGroup> StatusDistributionChart::shownGroups() const
{
    QList<StatusGroup> groups;
    for (StatusGroup group : kOrder) {
        if (group != StatusGroup::Unknown || m_counts[size_t(group)] > 0)
            groups.append(group);
    }
    return groups;
}

QString StatusDistributionChart::textSummary() const
{
    QStringList parts;
    for (StatusGroup group : shownGroups())
        parts << tr("%1: %2").arg(StatusPresentation::groupText(group),
                                  QLocale().toString(m_counts[size_t(group)]));
    return tr("Jobs per status: %1.").arg(QLocale().createSeparatedList(parts));
}

QStringList StatusDistributionChart::labels() const
{
    QStringList out = m_categoryAxis->categories();
    std::reverse(out.begin(), out.end());
    return out;
}

int StatusDistributionChart::shownCount(StatusGroup group) const
{
    const qsizetype row = m_groups.indexOf(group);
    QBarSet *set = m_sets[size_t(group)];
    if (row < 0 || row >= set->count())
        return 0;
    return int(set->at(int(row)));
}

void StatusDistributionChart::rebuild()
{
    // Horizontal bar categories run bottom to top: list them reversed so Queued is on top.
    QList<StatusGroup> groups = shownGroups();
    std::reverse(groups.begin(), groups.end());
    QStringList categories;
    for (StatusGroup group : std::as_const(groups))
        categories.append(tr("%1 · %2")
                                  .arg(StatusPresentation::groupText(group))
                                  .arg(QLocale().toString(m_counts[size_t(group)])));
    setAccessibleDescription(textSummary());
    if (categories != m_categoryAxis->categories()) {
        m_categoryAxis->clear();
        m_categoryAxis->append(categories);
    }
    m_groups = groups;
    while (m_labelItems.size() < categories.size()) {
        auto *item = new QGraphicsSimpleTextItem(chart());
        item->setZValue(10);
        item->setAcceptHoverEvents(false);
        m_labelItems.append(item);
    }
    while (m_labelItems.size() > categories.size())
        delete m_labelItems.takeLast();
    for (qsizetype i = 0; i < categories.size(); ++i)
        m_labelItems.at(i)->setText(categories.at(i));
    for (StatusGroup group : kOrder) {
        QBarSet *set = m_sets[size_t(group)];
        QList<qreal> values(groups.size(), 0.0);
        const qsizetype row = groups.indexOf(group);
        if (row >= 0)
            values[row] = m_counts[size_t(group)];
        if (set->count() != values.size()) {
            set->remove(0, set->count());
            set->append(values);
        } else {
            for (qsizetype i = 0; i < values.size(); ++i) {
                if (set->at(int(i)) != values.at(i))
                    set->replace(int(i), values.at(i));
            }
        }
    }
    const int top = std::max(1, *std::max_element(m_counts.cbegin(), m_counts.cend()));
    // Whole-number ticks: at most ~6 of them.
    int step = 1;
    while (top / step > 5)
        step = step == 1 ? 2 : (step == 2 ? 5 : step * 2);
    const int max = ((top + step - 1) / step) * step;
    m_valueAxis->setRange(0, max);
    m_valueAxis->setTickCount(max / step + 1);
    applyColors();
    updateMargins();
}

int StatusDistributionChart::labelWidth() const
{
    int widest = 0;
    for (const QGraphicsSimpleTextItem *item : m_labelItems)
        widest = std::max(widest, QFontMetrics(item->font()).horizontalAdvance(item->text()));
    return widest;
}

void StatusDistributionChart::updateMargins()
{
    const QFontMetrics fm(font());
    const int side = fm.averageCharWidth() * 4;
    const int top = fm.height() / 4;
    // The labels, a gap, and the room QtCharts keeps for the (label-less) axis anyway.
    const QMargins margins(labelWidth() + fm.averageCharWidth(), top, side, top);
    if (chart()->margins() != margins)
        chart()->setMargins(margins);
    updateGeometry();
    placeLabels();
}

void StatusDistributionChart::placeLabels()
{
    const QRectF plot = chart()->plotArea();
    const qreal gap = fontMetrics().averageCharWidth();
    for (qsizetype i = 0; i < m_labelItems.size(); ++i) {
        QGraphicsSimpleTextItem *item = m_labelItems.at(i);
        const QRectF box = item->boundingRect();
        const qreal y = chart()->mapToPosition(QPointF(0, qreal(i)), m_series).y();
        item->setPos(plot.left() - gap - box.width(), y - box.height() / 2);
        item->setVisible(plot.isValid());
    }
}

QList<QRectF> StatusDistributionChart::labelRects() const
{
    QList<QRectF> out;
    for (auto it = m_labelItems.crbegin(); it != m_labelItems.crend(); ++it)
        out.append(mapFromScene((*it)->sceneBoundingRect()).boundingRect());
    return out;
}

QSize StatusDistributionChart::minimumSizeHint() const
{
    // Room for the labels and a bar chart of some length beside them.
    const QFontMetrics fm(font());
    return {labelWidth() + fm.averageCharWidth() * 24, fm.height() * 9};
}

void StatusDistributionChart::applyColors()
{
    ChartPalette::apply(chart(), palette(), font());
    for (QGraphicsSimpleTextItem *item : std::as_const(m_labelItems)) {
        item->setFont(font());
        item->setBrush(ChartPalette::textColor(palette()));
    }
    for (StatusGroup group : kOrder) {
        const QColor color = StatusPresentation::color(group, palette());
        m_sets[size_t(group)]->setColor(color);
        m_sets[size_t(group)]->setBorderColor(color);
    }
}

void StatusDistributionChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyColors();
        updateMargins();
    }
}

void StatusDistributionChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeLabels();
}

} // namespace bw
