#pragma once

#include <QStyledItemDelegate>

namespace bw {

// Paints job progress as a progress bar drawn through QStyle (QStyleOptionProgressBar, so it
// follows the style and palette), with "processed / total" as its text and the share of failed
// records as a thin strip along the bottom edge in the Failed status colour. Configured by role
// ids, not by model class:
//
//  - fractionRole: processed / total as a double in 0..1. Invalid means the total is 0 or
//    unknown: the bar is drawn indeterminate (never as 0 %).
//  - totalRole, processedRole, failedRole: record counts (qint64); invalid = not reported.
//  - statusRole (optional, -1 = unused): the job's status code (bw::JobStatus or int). When it
//    is terminal and there is no fraction, no busy bar is drawn — only "Not reported" — because
//    an indeterminate bar would suggest activity on a job that has ended.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    ProgressDelegate(int fractionRole, int totalRole, int processedRole, int failedRole,
                     QObject *parent = nullptr);

    void setStatusRole(int role) { m_statusRole = role; }
    int statusRole() const { return m_statusRole; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What the bar of `index` says: "1,234 / 5,000 · 12 failed", "Waiting for counts", ...
    QString progressText(const QModelIndex &index) const;
    // True when `index` is drawn as an indeterminate (busy) bar.
    bool isIndeterminate(const QModelIndex &index) const;

private:
    bool hasEnded(const QModelIndex &index) const;

    int m_fractionRole;
    int m_totalRole;
    int m_processedRole;
    int m_failedRole;
    int m_statusRole = -1;
};

} // namespace bw
