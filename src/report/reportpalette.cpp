#include "reportpalette.h"

#include <array>

namespace bw::ReportPalette {

namespace {
struct GroupColors
{
    StatusGroup group;
    StatusColors colors;
};

// strong / tint / ink per status group. Hues follow the usual meaning (blue running, green
// done, red failed, amber ended by a person or the clock, slate waiting, violet unknown).
const std::array kGroups{
        GroupColors{StatusGroup::Queued,
                    {QColor(0x47, 0x55, 0x69), QColor(0xe2, 0xe8, 0xf0), QColor(0x1e, 0x29, 0x3b)}},
        GroupColors{StatusGroup::Running,
                    {QColor(0x1d, 0x4e, 0xd8), QColor(0xdb, 0xea, 0xfe), QColor(0x1e, 0x3a, 0x8a)}},
        GroupColors{StatusGroup::Completed,
                    {QColor(0x15, 0x80, 0x3d), QColor(0xdc, 0xfc, 0xe7), QColor(0x14, 0x53, 0x2d)}},
        GroupColors{StatusGroup::Failed,
                    {QColor(0xb9, 0x1c, 0x1c), QColor(0xfe, 0xe2, 0xe2), QColor(0x7f, 0x1d, 0x1d)}},
        GroupColors{StatusGroup::Ended,
                    {QColor(0xb4, 0x53, 0x09), QColor(0xfe, 0xf3, 0xc7), QColor(0x78, 0x35, 0x0f)}},
        GroupColors{StatusGroup::Unknown,
                    {QColor(0x6d, 0x28, 0xd9), QColor(0xed, 0xe9, 0xfe), QColor(0x4c, 0x1d, 0x95)}},
};
} // namespace

StatusColors forGroup(StatusGroup group)
{
    for (const GroupColors &g : kGroups) {
        if (g.group == group)
            return g.colors;
    }
    return kGroups.back().colors;
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
        return QColor(0xb9, 0x1c, 0x1c);
    case ChartMarker::Now:
        return QColor(0x1d, 0x4e, 0xd8);
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
