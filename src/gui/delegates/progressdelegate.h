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
//    is terminal and there is no fraction, no busy bar is drawn — only "Not reported" (dimmed) —
//    because an indeterminate bar would suggest activity on a job that has ended. A model that
//    answers the status only on a column of its own (JobTableModel: JobStatusRole on
//    StatusColumn) names that column: the status is then read from the sibling of the painted
//    index in `statusColumn`. The view must repaint the progress cell when that status changes
//    (JobTableView does).
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    ProgressDelegate(int fractionRole, int totalRole, int processedRole, int failedRole,
                     QObject *parent = nullptr);

    // `column` -1: read the status from the painted index itself.
    void setStatusRole(int role, int column = -1)
    {
        m_statusRole = role;
        m_statusColumn = column;
    }
    int statusRole() const { return m_statusRole; }
    // Optional (-1 = unused): a bool role, false when no response ever carried a record count
    // for the job. Such a job reads "Not reported" (dimmed, no busy bar) whatever its status:
    // a gateway that never reports counts would otherwise look stuck "waiting" forever.
    void setCountsReportedRole(int role) { m_countsReportedRole = role; }
    // False only when countsReportedRole answers false.
    bool countsReported(const QModelIndex &index) const;
    int statusColumn() const { return m_statusColumn; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What the bar of `index` says: "1,234 / 5,000 · 12 failed", "Waiting for counts",
    // "Not reported" (ended without counts, or never reported) / "No records" (ended with a
    // total of 0), ...
    QString progressText(const QModelIndex &index) const;
    // The words as painted in a bar `width` pixels wide: the whole text when it fits with
    // padding inside the bar's edges, else without the failure count (the strip along the
    // bottom still shows its share), else that elided.
    QString fittedText(const QModelIndex &index, const QFontMetrics &fm, int width) const;
    // Room a bar's text keeps from each edge of the cell: the cell margin and the padding.
    static int textPadding(const QFontMetrics &fm);
    // The widest text a bar usually carries ("99,999 / 99,999 · 999 failed" in the current
    // language and locale), for a column width that shows it whole.
    static QString widestText();
    // True when `index` is drawn as an indeterminate (busy) bar.
    bool isIndeterminate(const QModelIndex &index) const;
    // True when the status of `index` (see statusRole) is terminal.
    bool hasEnded(const QModelIndex &index) const;

private:
    QString progressText(const QModelIndex &index, bool withFailed) const;

    int m_fractionRole;
    int m_totalRole;
    int m_processedRole;
    int m_failedRole;
    int m_statusRole = -1;
    int m_statusColumn = -1;
    int m_countsReportedRole = -1;
};

} // namespace bw
