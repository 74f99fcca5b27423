#pragma once

#include <QColor>
#include <QPalette>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace bw {

// Colours a chart from a widget palette, so charts follow light and dark themes (QChart::setTheme
// knows nothing about the palette and would also reset series colours). Background = Base, text
// (axis labels, titles, legend) = Text, axis lines = a mid tone, grid = a faint tone. Series
// colours are the caller's (StatusPresentation for anything status-related).
class ChartPalette
{
public:
    // Prepares a chart for polled data: no animation, no drop shadow, tight margins, and the
    // palette's colours. Call once after creating the chart.
    static void setUp(QChartView *view);
    // Re-applies the palette to the chart and all its axes (after adding axes, and on
    // QEvent::PaletteChange / FontChange).
    static void apply(QChart *chart, const QPalette &palette, const QFont &font);
    static void applyToAxis(QAbstractAxis *axis, const QPalette &palette, const QFont &font);

    static QColor textColor(const QPalette &palette);
    static QColor axisColor(const QPalette &palette);
    static QColor gridColor(const QPalette &palette);
    // A neutral tone for things that are not a status (the "not observed" band).
    static QColor neutralColor(const QPalette &palette);
};

} // namespace bw
