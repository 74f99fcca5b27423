#pragma once

#include "common/appsettings.h"

#include <QPalette>

namespace bw {

// The application-wide look for the user's theme setting (AppSettings::theme()).
// System restores the platform's own style and palette as they were at the first call;
// Light and Dark switch to the Fusion style with a matching palette (Qt 6.4 has no colour
// scheme API, so "dark" is a palette). StatusPresentation derives its colour variants from the
// palette's window lightness, so badges and icons follow. Call from the GUI thread after the
// QApplication exists; connect AppSettings::themeChanged to apply().
class AppTheme
{
public:
    static void apply(Theme theme);
    static QPalette lightPalette();
    static QPalette darkPalette();
};

} // namespace bw
