#pragma once

#include "domain/jobstatus.h"

#include <QStyledItemDelegate>

namespace bw {

// Paints a job status as a badge: a rounded, lightly tinted pill with the status icon and the
// status words (StatusPresentation), so the status reads without colour. Works with any model:
// it is configured by role ids, not by model class.
//
//  - statusRole: the status code, as a bw::JobStatus QVariant or an int holding one. Invalid
//    means "no status yet" and paints "Not reported" in the Unknown style.
//  - textRole (optional, -1 = unused): the raw status string; shown verbatim when the code is
//    JobStatus::Unknown, so a status batchwatch does not know still reads as the gateway sent it.
//  - groupRole (optional, setGroupRole; -1 = unused): the status group as an int holding a
//    bw::StatusGroup (JobTableModel::StatusGroupRole). When the model answers it, the badge's
//    colour and icon are the group's — the filter chips' — rather than the raw status's: an
//    Anthropic "Ended" batch whose counts show failures reads "Ended" in the Failed colour and
//    icon. Without it, the group of the status code.
//
// Background, focus and selection go through QStyle (PE_PanelItemViewItem); the text colour
// follows the palette (HighlightedText on selected rows). Without a ToolTipRole from the model the
// tooltip is the status description.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit StatusBadgeDelegate(int statusRole, int textRole = -1, QObject *parent = nullptr);

    int statusRole() const { return m_statusRole; }
    int textRole() const { return m_textRole; }
    void setGroupRole(int role) { m_groupRole = role; }
    int groupRole() const { return m_groupRole; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // What the badge of `index` says (for tests and accessibility).
    QString badgeText(const QModelIndex &index) const;
    // The status the badge draws (its icon and colour); Unknown when the role holds none.
    JobStatus statusCode(const QModelIndex &index) const;
    // The group whose colour and icon the badge draws.
    StatusGroup statusGroup(const QModelIndex &index) const;

private:
    int m_statusRole;
    int m_textRole;
    int m_groupRole = -1;
};

} // namespace bw
