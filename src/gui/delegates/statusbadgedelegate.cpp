#include "delegates/statusbadgedelegate.h"

#include "presentation/statuspresentation.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace bw {

namespace {

JobStatus statusFrom(const QVariant &value)
{
    if (!value.isValid())
        return JobStatus::Unknown;
    if (value.metaType() == QMetaType::fromType<JobStatus>())
        return value.value<JobStatus>();
    if (value.metaType() == QMetaType::fromType<Status>())
        return value.value<Status>().code();
    bool ok = false;
    const int code = value.toInt(&ok);
    if (!ok || code < int(JobStatus::Unknown) || code > int(kLastJobStatus))
        return JobStatus::Unknown;
    return static_cast<JobStatus>(code);
}

struct BadgeMetrics
{
    int iconSize;
    int padding; // horizontal padding inside the pill
    int spacing; // between icon and text
    int margin;  // between the cell edge and the pill
};

BadgeMetrics metricsFor(const QStyleOptionViewItem &option)
{
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const int icon = style->pixelMetric(QStyle::PM_SmallIconSize, &option, option.widget);
    const int em = option.fontMetrics.height();
    return {icon, std::max(2, em / 3), std::max(2, em / 4), std::max(1, em / 8)};
}

} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(int statusRole, int textRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
    , m_textRole(textRole)
{}

JobStatus StatusBadgeDelegate::statusCode(const QModelIndex &index) const
{
    return statusFrom(index.data(m_statusRole));
}

StatusGroup StatusBadgeDelegate::statusGroup(const QModelIndex &index) const
{
    if (m_groupRole >= 0) {
        bool ok = false;
        const int group = index.data(m_groupRole).toInt(&ok);
        if (ok && group >= 0 && group < StatusGroupCount)
            return static_cast<StatusGroup>(group);
    }
    return Status::groupOf(statusCode(index));
}

QString StatusBadgeDelegate::badgeText(const QModelIndex &index) const
{
    const JobStatus code = statusCode(index);
    if (code == JobStatus::Unknown && m_textRole >= 0)
        return StatusPresentation::text(Status::fromString(index.data(m_textRole).toString()));
    return StatusPresentation::text(code);
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDisplay;
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus exactly as the style draws any item.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QString text = badgeText(index);
    const StatusGroup group = statusGroup(index);
    const QColor accent = StatusPresentation::color(group, opt.palette);
    const QIcon icon = StatusPresentation::icon(group, opt.palette);
    const BadgeMetrics m = metricsFor(opt);

    const QRect cell = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    // Rounded up: horizontalAdvance() rounds to the nearest pixel, and elidedText() must not
    // elide a text that fits.
    const int textWidth = opt.fontMetrics.horizontalAdvance(text) + 1;
    const int pillHeight = std::min(cell.height() - 2 * m.margin,
                                    std::max(m.iconSize, opt.fontMetrics.height()) + 2 * m.margin);
    const int pillWidth = std::min(cell.width() - 2 * m.margin,
                                   m.padding * 2 + m.iconSize + m.spacing + textWidth);
    QRect pill(0, 0, pillWidth, pillHeight);
    pill.moveCenter(cell.center());
    pill.moveLeft(cell.left() + m.margin);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (!selected) {
        QColor fill = accent;
        fill.setAlphaF(StatusPresentation::isDark(opt.palette) ? 0.22f : 0.12f);
        QColor border = accent;
        border.setAlphaF(0.55f);
        QPainterPath path;
        const qreal radius = pill.height() / 2.0;
        path.addRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        painter->fillPath(path, fill);
        painter->setPen(QPen(border, 1.0));
        painter->drawPath(path);
    }

    QRect iconRect(0, 0, m.iconSize, m.iconSize);
    iconRect.moveCenter(pill.center());
    iconRect.moveLeft(pill.left() + m.padding);
    icon.paint(painter, iconRect, Qt::AlignCenter,
               opt.state.testFlag(QStyle::State_Enabled) ? QIcon::Normal : QIcon::Disabled);

    QRect textRect = pill;
    textRect.setLeft(iconRect.right() + 1 + m.spacing);
    textRect.setRight(pill.right() - m.padding);
    const QString shown = opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width());
    style->drawItemText(painter, textRect, Qt::AlignVCenter | Qt::AlignLeft, opt.palette,
                        opt.state.testFlag(QStyle::State_Enabled), shown,
                        selected ? QPalette::HighlightedText : QPalette::Text);
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const BadgeMetrics m = metricsFor(opt);
    const QString text = badgeText(index);
    const int width = opt.fontMetrics.horizontalAdvance(text) + m.iconSize + m.spacing
                      + 2 * m.padding + 2 * m.margin;
    const int height = std::max(m.iconSize, opt.fontMetrics.height()) + 4 * m.margin;
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const int frame = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, option.widget) + 1;
    return {width + 2 * frame, height};
}

bool StatusBadgeDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.isValid()
        && !index.data(Qt::ToolTipRole).isValid()) {
        const JobStatus code = statusFrom(index.data(m_statusRole));
        QString tip = StatusPresentation::description(code);
        if (code == JobStatus::Unknown && m_textRole >= 0) {
            const QString raw = index.data(m_textRole).toString();
            if (!raw.isEmpty())
                tip = tr("The gateway reports \"%1\". %2").arg(raw, tip);
        }
        if (const StatusGroup group = statusGroup(index); group != Status::groupOf(code))
            tip += u' '
                   + tr("Shown as %1: the record counts say so.")
                             .arg(StatusPresentation::groupText(group));
        QToolTip::showText(event->globalPos(), tip, view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace bw
