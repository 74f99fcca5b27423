#pragma once

#include "domain/jobstatus.h"

#include <QColor>

namespace bw {

// The vertical lines of a timeline chart.
enum class ChartMarker { Submitted, LastModified, Ended, Expires, Now };

// The colours of a report (reportpalette.cpp). Reports are documents on white paper: they never
// follow the GUI's palette or theme, but their status colours are the GUI's light ones, from the
// status vocabulary in core (so the headless CLI still needs no GUI library). Every colour is
// readable on white and survives greyscale printing by contrast; status is never shown by colour
// alone (the status text is always next to or inside the colour).
struct StatusColors
{
    QColor strong; // chart band fill and badge border; white text on it has >= 4.5:1 contrast
    QColor tint;   // badge background in tables
    QColor ink;    // text on the tint; >= 7:1 contrast
};

namespace ReportPalette {
StatusColors forGroup(StatusGroup group);
StatusColors notObserved(); // the part of a timeline before batchwatch watched the job
QColor marker(ChartMarker marker);
QColor text();       // body text
QColor mutedText();  // "not reported", captions, axis labels
QColor rule();       // table borders, axis line
QColor grid();       // chart grid lines
QColor headerFill(); // table header background
QColor barFill();    // progress bar background
} // namespace ReportPalette

} // namespace bw
