#include "widgets/statusbadge.h"

#include "presentation/statuspresentation.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

namespace bw {

namespace {
struct Metrics
{
    int icon;
    int padding;
    int spacing;
};

Metrics metricsOf(const QWidget *w)
{
    const int em = w->fontMetrics().height();
    return {w->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, w), std::max(3, em / 2),
            std::max(2, em / 4)};
}
} // namespace

StatusBadge::StatusBadge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(text());
}

void StatusBadge::setStatus(const std::optional<Status> &status, std::optional<StatusGroup> group)
{
    if (m_status == status && m_group == group)
        return;
    m_status = status;
    m_group = group;
    setAccessibleName(text());
    setToolTip(StatusPresentation::description(status ? status->code() : JobStatus::Unknown));
    updateGeometry();
    update();
}

StatusGroup StatusBadge::group() const
{
    return m_group ? *m_group : Status::groupOf(m_status ? m_status->code() : JobStatus::Unknown);
}

QString StatusBadge::text() const
{
    return m_status ? StatusPresentation::text(*m_status) : StatusPresentation::text(Status());
}

QSize StatusBadge::sizeHint() const
{
    const Metrics m = metricsOf(this);
    const int height = std::max(m.icon, fontMetrics().height()) + fontMetrics().height() / 3;
    return {2 * m.padding + m.icon + m.spacing + fontMetrics().horizontalAdvance(text()), height};
}

QSize StatusBadge::minimumSizeHint() const
{
    return sizeHint();
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    const QColor accent = StatusPresentation::color(group(), palette());
    const Metrics m = metricsOf(this);

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = accent;
    fill.setAlphaF(StatusPresentation::isDark(palette()) ? 0.22f : 0.12f);
    QColor border = accent;
    border.setAlphaF(0.55f);
    const QRectF pill = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter.fillPath(path, fill);
    painter.setPen(QPen(border, 1.0));
    painter.drawPath(path);

    QRect iconRect(0, 0, m.icon, m.icon);
    iconRect.moveCenter(rect().center());
    iconRect.moveLeft(m.padding);
    StatusPresentation::icon(group(), palette())
            .paint(&painter, iconRect, Qt::AlignCenter,
                   isEnabled() ? QIcon::Normal : QIcon::Disabled);
    QRect textRect = rect();
    textRect.setLeft(iconRect.right() + 1 + m.spacing);
    textRect.setRight(width() - m.padding);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                     fontMetrics().elidedText(text(), Qt::ElideRight, textRect.width()));
}

void StatusBadge::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
}

} // namespace bw
