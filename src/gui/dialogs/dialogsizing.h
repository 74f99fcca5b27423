#pragma once

class QLineEdit;
class QMessageBox;
class QWidget;

namespace bw {

// Grows `window` (never shrinks it) to the height its layout needs at its current width, so
// that word-wrapped labels are never clipped. Top-level windows do not follow
// height-for-width on their own: call this from showEvent(), after the style has polished the
// widgets, and whenever wrapped text changes while the window is shown.
void fitHeightToWidth(QWidget *window);

// A message box sizes itself to its text only: one with a short question and a longer window
// title is narrower than the title, which the window manager then cuts. Call before exec():
// the box becomes at least as wide as its title plus room for the window's buttons.
void keepTitleVisible(QMessageBox *box);

// The width a line edit needs to show its placeholder text whole (frame and margins included);
// 0 without one. A line edit's size hint is a fixed number of characters, whatever its
// placeholder says, and a longer translation is cut off.
int placeholderWidth(const QLineEdit *edit);

// Makes every line edit in `root` with a placeholder at least placeholderWidth() wide.
void fitPlaceholders(QWidget *root);

} // namespace bw
