#pragma once

#include "domain/watchedjob.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace bw {

// The observed status transitions of one job, oldest first (PRODUCT.md §2, History tab).
//
// "Elapsed in the previous status" of a row is the time between entering the previous row's
// status and entering this row's: the gateway's lastModifiedTime of both rows when both carry
// one, otherwise the local observedAt of both. The first row has none (nothing earlier was
// observed).
//
// setTransitions() replaces the whole history (model reset: a job switch). appendTransition()
// inserts one row (at the end, or at its chronological place by observedAt) and announces the
// elapsed cell of the row after it, whose previous status changed.
class TransitionHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        FromColumn,
        ToColumn,
        ObservedAtColumn,
        LastModifiedColumn,
        ElapsedInPreviousColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        // From/To: int(JobStatus) (invalid when there is no "from"); ObservedAt/LastModified:
        // QDateTime UTC (invalid when not reported); ElapsedInPrevious: qint64 seconds.
        RawValueRole = Qt::UserRole + 1,
        JobStatusRole,   // From/To columns: int(bw::JobStatus)
        StatusTextRole,  // From/To columns: the gateway's raw status text
        StatusGroupRole, // From/To columns: int(bw::StatusGroup)
        // ElapsedInPrevious column: true when the time comes from the gateway's
        // lastModifiedTime rather than local observation times.
        ElapsedFromGatewayRole,
        TransitionRole, // every column: QVariant::fromValue(StatusTransition)
    };
    Q_ENUM(Role)

    explicit TransitionHistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setTransitions(const QList<StatusTransition> &transitions);
    void appendTransition(const StatusTransition &transition);
    void clear() { setTransitions({}); }

    QList<StatusTransition> transitions() const { return m_transitions; }

    // Seconds spent in the status before `row` (see the class comment); nullopt for row 0.
    std::optional<qint64> elapsedInPrevious(int row) const;

private:
    bool elapsedFromGateway(int row) const;

    QList<StatusTransition> m_transitions;
};

} // namespace bw
