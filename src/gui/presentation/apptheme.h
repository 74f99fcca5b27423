#pragma once

#include "common/appsettings.h"

#include <QPalette>
#include <QStringList>

namespace bw {

// The application-wide look for the user's theme setting (AppSettings::theme()).
// System restores the platform's own style and palette as they were at the first call;
// Light, Dark and HighContrast switch to the Fusion style with a matching palette (Qt 6.4 has no
// colour scheme API, so "dark" is a palette). StatusPresentation derives its colour variants from
// the palette's window lightness, so badges and icons follow. Call from the GUI thread after the
// QApplication exists; connect AppSettings::themeChanged to apply().
//
// apply() also gives the application font its emoji fallback (applyEmojiFallback()).
class AppTheme
{
public:
    static void apply(Theme theme);
    // Puts a colour emoji font right behind the application font's own family
    // (QFont::setFamilies, tried in order before fontconfig's fallbacks), so that an emoji in
    // a job name is drawn from it in colour — not as a box, nor in monochrome from whatever
    // fontconfig prefers (Symbola, which the PDF report needs, is preferred where installed).
    // The first of emojiFamilies() that is installed is used; with none, the font is left as it
    // is. Returns the family used, or an empty string. Safe to call again.
    static QString applyEmojiFallback();
    static QStringList emojiFamilies();
    static QPalette lightPalette();
    static QPalette darkPalette();
    // White on black, yellow selection and focus, cyan links: every text role at least 7:1
    // against its background (WCAG AAA), for users who need more than the dark theme gives.
    static QPalette highContrastPalette();
};

} // namespace bw
