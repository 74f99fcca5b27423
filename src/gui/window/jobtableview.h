#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTableView>

class QAbstractItemModel;

namespace bw {

class StatusBadgeDelegate;
class ProgressDelegate;
class ExpiryDelegate;

// The job table (PRODUCT.md §2 "Job table"): a QTableView for a model answering
// JobTableModel's columns and roles (usually the JobFilterProxyModel in front of it).
//
//  - Delegates are configured by role ids: a status badge on the Status column, a progress bar
//    (indeterminate when the total is unknown) on Progress, the expiry warning on "Expires in".
//  - A stale or not-found row (StaleRole / NotFoundRole) is drawn dimmed and in italics, with
//    the offline sign in its Stale cell, and keeps every value: never blanked.
//  - Sorting is on (the proxy sorts on raw values); rows are selected whole, several at once.
//  - Default column widths come from the font; the header's context menu is the column
//    chooser (the Status column cannot be hidden) with "Reset Columns". saveHeaderState() /
//    restoreHeaderState() keep order, widths, hidden columns and sort.
//  - Ctrl+C (QKeySequence::Copy) copies the selected rows as TSV (see rowsAsTsv); the main
//    window's Copy action calls copySelection() too.
class JobTableView : public QTableView
{
    Q_OBJECT

public:
    explicit JobTableView(QWidget *parent = nullptr);
    ~JobTableView() override;

    void setModel(QAbstractItemModel *model) override;

    // Identifiers (IdentifierRole) of the selected rows, in view order.
    QStringList selectedIdentifiers() const;
    // The identifier of the current row; empty when there is none.
    QString currentIdentifier() const;
    // Makes the row with this identifier current and the only selection, scrolling to it.
    // False when no visible row has it.
    bool selectIdentifier(const QString &identifier);
    // The view row of an identifier, -1 when not visible.
    int rowOf(const QString &identifier) const;

    // The selected rows as TSV (see rowsAsTsv), visible columns in their visual order.
    QString selectionAsTsv() const;
    // Puts selectionAsTsv() on the clipboard; returns the number of rows copied.
    int copySelection();

    // Rows of `model` as tab-separated values: a header line with the column titles, then one
    // line per row, each ending in '\n'. Cells hold what is useful outside batchwatch rather
    // than what fits a cell: the gateway's raw status, the full job ARN (or the identifier),
    // exact UTC times for Submitted and Last change, the full message; tabs and line breaks
    // inside a value become spaces.
    static QString rowsAsTsv(const QAbstractItemModel *model, const QList<int> &rows,
                             const QList<int> &columns);
    // The TSV value of one cell (see rowsAsTsv).
    static QString cellText(const QModelIndex &index);

    // Column widths and visibility as shipped (also what "Reset Columns" does).
    void resetColumns();
    QByteArray saveHeaderState() const;
    bool restoreHeaderState(const QByteArray &state);

    // Whether the empty state (no job watched: a hint with Add Jobs and Discover Jobs) shows.
    bool isEmptyHintShown() const;

    StatusBadgeDelegate *statusDelegate() const { return m_statusDelegate; }
    ProgressDelegate *progressDelegate() const { return m_progressDelegate; }

Q_SIGNALS:
    // The rows were copied (for the status bar).
    void rowsCopied(int count);
    // The empty state's buttons: the owner opens Add Jobs (on its Discover tab).
    void addJobsRequested();
    void discoverRequested();

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    QList<int> visibleColumnsInOrder() const;
    QList<int> selectedRowsInOrder() const;
    int defaultWidth(int column) const;
    static bool isShownByDefault(int column);
    void updateEmptyHint();
    // The Provider column shows while the jobs come from more than one provider, until the
    // user shows or hides it in the header menu.
    void updateProviderColumn();
    // Room the table has to spare (a wide window) goes to the Name column, up to what its
    // names need, until the user sizes that column or a remembered layout does.
    void fitNameColumn();
    void scheduleFitNameColumn();

    StatusBadgeDelegate *m_statusDelegate = nullptr;
    ProgressDelegate *m_progressDelegate = nullptr;
    ExpiryDelegate *m_expiryDelegate = nullptr;
    QWidget *m_emptyHint = nullptr;
    bool m_providerColumnChosen = false;
    bool m_nameWidthChosen = false;
    bool m_sizingColumns = false; // resizes of our own, not the user's
    bool m_nameFitPending = false;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace bw
