#pragma once

#include "domain/jobstatus.h"

#include <QChartView>

#include <array>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QGraphicsSimpleTextItem;
class QHorizontalStackedBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace bw {

// The overview page's status distribution: one horizontal bar per status group with its count
// in the category label ("Running · 12"), coloured like the status badges. The Unknown group is
// listed only when it has jobs. setCounts() changes values in place (no animation). The labels
// are drawn by the chart in a left margin sized to the longest one, so none is ever cut off.
class StatusDistributionChart : public QChartView
{
    Q_OBJECT

public:
    using Counts = std::array<int, StatusGroupCount>; // indexed by int(StatusGroup)

    explicit StatusDistributionChart(QWidget *parent = nullptr);
    ~StatusDistributionChart() override;

    void setCounts(const Counts &counts);
    const Counts &counts() const { return m_counts; }
    // The category labels, top to bottom, as shown.
    QStringList labels() const;
    // The bar length shown for a group (what the chart really draws).
    int shownCount(StatusGroup group) const;
    // Where each label is drawn, top to bottom, in view coordinates (inside rect() = not clipped).
    QList<QRectF> labelRects() const;
    // The chart in words, for screen readers: every shown group with its count, top to bottom
    // ("Jobs per status: Queued: 9, Running: 17 and Completed: 13."). It is also the widget's
    // accessible description, kept current by setCounts().
    QString textSummary() const;

    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QList<StatusGroup> shownGroups() const;
    void rebuild();
    void applyColors();
    void updateMargins();
    void placeLabels();
    int labelWidth() const;

    Counts m_counts{};
    QList<StatusGroup> m_groups; // categories, bottom to top (the axis order)
    QHorizontalStackedBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_categoryAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    std::array<QBarSet *, StatusGroupCount> m_sets{};
    QList<QGraphicsSimpleTextItem *> m_labelItems; // axis order, bottom to top
};

} // namespace bw
