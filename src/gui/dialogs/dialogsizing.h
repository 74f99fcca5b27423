#pragma once

class QWidget;

namespace bw {

// Grows `window` (never shrinks it) to the height its layout needs at its current width, so
// that word-wrapped labels are never clipped. Top-level windows do not follow
// height-for-width on their own: call this from showEvent(), after the style has polished the
// widgets, and whenever wrapped text changes while the window is shown.
void fitHeightToWidth(QWidget *window);

} // namespace bw
