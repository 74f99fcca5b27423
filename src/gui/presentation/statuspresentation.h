#pragma once

#include "domain/jobstatus.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace bw {

// Toolbar and menu actions that have an icon of their own.
enum class ActionIcon {
    Add,
    Refresh,
    Pause,
    Resume,
    Stop,
    Remove,
    Export,
    Settings,
    Profile,
};

// Signs used outside the status badge (banners, expiry countdowns, stale rows).
enum class SignIcon {
    Warning,       // e.g. a queued job about to expire
    Offline,       // gateway unreachable, rows show last-known data
    GatewayErrors, // the gateway answers, but with errors (a cloud with "!", not struck out)
    Key,           // the profile's key was refused, or none is stored
};

// The GUI's face of the status vocabulary (domain/statusvocabulary.h, shared with the report):
// words, colours and icons as Qt Gui types. Nothing in the GUI hard-codes a status colour or
// label.
//
// Every status is distinguishable without colour: each group has an icon of its own shape
// (clock, play, check, cross, square, question mark) and every status has its own words.
// Colours come in a light and a dark variant; which one applies is decided from the palette's
// window lightness (Qt 6.4 has no colour-scheme API). Both variants keep a contrast ratio of at
// least 3:1 against the palette's Base colour, so badge icons and coloured text stay readable.
//
// Icons are SVGs from resources/icons rendered on demand at the requested size and device pixel
// ratio, tinted for the given palette — sharp at any scale, right in light and dark themes.
// Functions taking a palette default to the application palette; pass the widget's palette when
// painting a widget that may have its own.
class StatusPresentation
{
    Q_DECLARE_TR_FUNCTIONS(StatusPresentation)

public:
    // True when the palette's window colour is dark (HSL lightness below one half).
    static bool isDark(const QPalette &palette);
    static bool isDark();

    // Words for a status: "In progress", "Partially completed". An unknown status is shown
    // verbatim as the gateway sent it; no status at all reads "Not reported".
    static QString text(const Status &status);
    static QString text(JobStatus code);
    // One sentence saying what the status means, for tooltips and screen readers.
    static QString description(JobStatus code);
    // Group names for filter chips and counts: "Queued", "Running", "Completed", "Failed",
    // "Stopped or expired", "Unknown".
    static QString groupText(StatusGroup group);

    static QColor color(StatusGroup group, const QPalette &palette);
    static QColor color(StatusGroup group);
    static QColor color(JobStatus code, const QPalette &palette);
    static QColor color(JobStatus code);
    // Fixed light and dark variants, independent of any palette (for reports and tests).
    static QColor lightColor(StatusGroup group);
    static QColor darkColor(StatusGroup group);

    // Warning colour (expiry at risk, stale rows), readable on the palette's Base.
    static QColor warningColor(const QPalette &palette);
    static QColor warningColor();

    static QIcon icon(StatusGroup group, const QPalette &palette);
    static QIcon icon(StatusGroup group);
    static QIcon icon(JobStatus code, const QPalette &palette);
    static QIcon icon(JobStatus code);
    static QIcon icon(const Status &status);

    static QIcon actionIcon(ActionIcon action, const QPalette &palette);
    static QIcon actionIcon(ActionIcon action);
    static QIcon signIcon(SignIcon sign, const QPalette &palette);
    static QIcon signIcon(SignIcon sign);
    // The application icon (full colour, not tinted).
    static QIcon appIcon();

    // WCAG 2 relative luminance (0..1) and contrast ratio (1..21) of two opaque colours.
    static double relativeLuminance(const QColor &color);
    static double contrastRatio(const QColor &a, const QColor &b);
    // Black or white, whichever reads better on `background`.
    static QColor textColorOn(const QColor &background);

    // An icon from a monochrome SVG in the resources: "#000000" in the file becomes `primary`,
    // "#ffffff" becomes `secondary`. Rendered per requested size; the Disabled mode is faded.
    static QIcon tintedSvgIcon(const QString &resourcePath, const QColor &primary,
                               const QColor &secondary);
};

} // namespace bw
