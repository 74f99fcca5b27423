#include "reportpalette.h"

#include "domain/statusvocabulary.h"

namespace bw::ReportPalette {

namespace {

// `color` moved towards `toward` by `amount` (0..1), channel by channel.
QColor mix(const QColor &color, const QColor &toward, double amount)
{
    auto channel = [amount](int from, int to) {
        return int(from + (to - from) * amount + 0.5);
    };
    return QColor(channel(color.red(), toward.red()), channel(color.green(), toward.green()),
                  channel(color.blue(), toward.blue()));
}

} // namespace

// The GUI's light status colours (the shared vocabulary), for paper: the strong colour as it is,
// a pale tint of it for badge backgrounds and a deep shade of it for text on that tint.
StatusColors forGroup(StatusGroup group)
{
    const QColor strong(QRgb(StatusVocabulary::lightColor(group)));
    return {strong, mix(strong, Qt::white, 0.86), mix(strong, Qt::black, 0.5)};
}

StatusColors notObserved()
{
    return {QColor(0xd1, 0xd5, 0xdb), QColor(0xf3, 0xf4, 0xf6), QColor(0x37, 0x41, 0x51)};
}

QColor marker(ChartMarker marker)
{
    switch (marker) {
    case ChartMarker::Submitted:
        return QColor(0x11, 0x18, 0x27);
    case ChartMarker::LastModified:
        return QColor(0x6b, 0x72, 0x80);
    case ChartMarker::Ended:
        return QColor(0x11, 0x18, 0x27);
    case ChartMarker::Expires:
        return forGroup(StatusGroup::Failed).strong;
    case ChartMarker::Now:
        return forGroup(StatusGroup::Running).strong;
    }
    return text();
}

QColor text()
{
    return QColor(0x11, 0x18, 0x27);
}

QColor mutedText()
{
    return QColor(0x4b, 0x55, 0x63);
}

QColor rule()
{
    return QColor(0x9c, 0xa3, 0xaf);
}

QColor grid()
{
    return QColor(0xe5, 0xe7, 0xeb);
}

QColor headerFill()
{
    return QColor(0xf3, 0xf4, 0xf6);
}

QColor barFill()
{
    return QColor(0xe5, 0xe7, 0xeb);
}

} // namespace bw::ReportPalette
