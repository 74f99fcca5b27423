#pragma once

#include <QStyledItemDelegate>

namespace bw {

// Paints an "Expires in" countdown cell. When the cell's atRiskRole is true (a queued job within
// the expiry warning threshold), the text is drawn bold in the warning colour with a warning
// sign in front, so the warning reads without colour; otherwise the cell is painted as usual.
// The display text comes from the model (Qt::DisplayRole); the delegate only adds the style.
class ExpiryDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ExpiryDelegate(int atRiskRole, QObject *parent = nullptr);

    int atRiskRole() const { return m_atRiskRole; }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_atRiskRole;
};

} // namespace bw
