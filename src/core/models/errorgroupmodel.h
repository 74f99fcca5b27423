#pragma once

#include "domain/resultssummary.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace bw {

// The error groups of one job's per-record results (ResultsSummary::errorGroups) as a table
// for the Records tab: one row per group. Qt::DisplayRole is the text shown (sample ids joined
// by ", "), RawValueRole the sortable value (Count as qint64, the others as text),
// SampleIdsRole the sample ids as a QStringList, ExampleMessageRole the message exactly as the
// gateway sent it.
//
// sort() orders the rows itself (no proxy needed): Count numerically, text columns with a
// case-insensitive compare, ties by count (largest first) then code; the order is announced
// with layoutChanged. setSummary() resets the model and keeps the current sort.
class ErrorGroupModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CodeColumn, MessageColumn, CountColumn, SampleIdsColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { RawValueRole = Qt::UserRole + 1, SampleIdsRole, ExampleMessageRole };
    Q_ENUM(Role)

    explicit ErrorGroupModel(QObject *parent = nullptr);
    ~ErrorGroupModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setGroups(const QList<ResultsSummary::ErrorGroup> &groups);
    const QList<ResultsSummary::ErrorGroup> &groups() const { return m_groups; }

    // The given rows (all when empty) as tab-separated text with a header line, in row order:
    // code, message, count, sample ids (space-separated). Tabs and line breaks in values
    // become spaces.
    QString rowsAsTsv(const QList<int> &rows = {}) const;

private:
    void applySort();

    QList<ResultsSummary::ErrorGroup> m_groups;
    int m_sortColumn = CountColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace bw
