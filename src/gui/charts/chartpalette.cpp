#include "charts/chartpalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>

namespace bw {

namespace {
QColor mix(const QColor &a, const QColor &b, float share)
{
    return QColor::fromRgbF(a.redF() * share + b.redF() * (1 - share),
                            a.greenF() * share + b.greenF() * (1 - share),
                            a.blueF() * share + b.blueF() * (1 - share));
}
} // namespace

void ChartPalette::setUp(QChartView *view)
{
    QChart *chart = view->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundRoundness(0);
    // Room at the sides for the first and last axis label, which are centred on the edges.
    const int side = view->fontMetrics().averageCharWidth() * 4;
    const int top = view->fontMetrics().height() / 4;
    chart->setMargins(QMargins(side, top, side, top));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    apply(chart, view->palette(), view->font());
}

void ChartPalette::apply(QChart *chart, const QPalette &palette, const QFont &font)
{
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(textColor(palette));
    chart->setTitleFont(font);
    if (QLegend *legend = chart->legend()) {
        legend->setLabelColor(textColor(palette));
        legend->setBrush(Qt::NoBrush);
        legend->setPen(Qt::NoPen);
        legend->setFont(font);
    }
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes)
        applyToAxis(axis, palette, font);
}

void ChartPalette::applyToAxis(QAbstractAxis *axis, const QPalette &palette, const QFont &font)
{
    axis->setLabelsBrush(textColor(palette));
    axis->setLabelsFont(font);
    axis->setTitleBrush(textColor(palette));
    QFont title = font;
    title.setBold(false);
    axis->setTitleFont(title);
    axis->setLinePen(QPen(axisColor(palette), 1.0));
    axis->setGridLineColor(gridColor(palette));
    axis->setMinorGridLineColor(gridColor(palette));
    axis->setShadesVisible(false);
}

QColor ChartPalette::textColor(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Text);
}

QColor ChartPalette::axisColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Active, QPalette::Text),
               palette.color(QPalette::Active, QPalette::Base), 0.45f);
}

QColor ChartPalette::gridColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Active, QPalette::Text),
               palette.color(QPalette::Active, QPalette::Base), 0.14f);
}

QColor ChartPalette::neutralColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Active, QPalette::Text),
               palette.color(QPalette::Active, QPalette::Base), 0.35f);
}

} // namespace bw
