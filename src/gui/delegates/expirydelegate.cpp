#include "delegates/expirydelegate.h"

#include "presentation/statuspresentation.h"

namespace bw {

ExpiryDelegate::ExpiryDelegate(int atRiskRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_atRiskRole(atRiskRole)
{}

void ExpiryDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(m_atRiskRole).toBool())
        return;
    option->font.setBold(true);
    option->fontMetrics = QFontMetrics(option->font);
    const QColor warning = StatusPresentation::warningColor(option->palette);
    option->palette.setColor(QPalette::Text, warning);
    option->icon = StatusPresentation::signIcon(SignIcon::Warning, option->palette);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int size = option->fontMetrics.height();
    option->decorationSize = QSize(size, size);
}

} // namespace bw
