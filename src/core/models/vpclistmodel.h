#pragma once

#include "domain/jobmetrics.h"
#include "domain/watchedjob.h"

#include <QAbstractListModel>
#include <QStringList>

namespace bw {

// One of the two lists of the VPC tab (PRODUCT.md §2): security group ids or subnet ids of the
// current job, each item copyable (DisplayRole is the id itself). state() tells an empty list
// apart: NotReported ("not reported by this gateway") vs NotInVpc; InVpc with an empty list
// happens when only the other list has ids.
//
// Updates are incremental: ids that disappear are removed, new ones inserted, reordered ones
// moved — so a view keeps its selection while the same job is refreshed. stateChanged() fires
// after the rows are updated.
class VpcListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bw::VpcState state READ state NOTIFY stateChanged)

public:
    enum class Kind { SecurityGroups, Subnets };
    Q_ENUM(Kind)

    enum Role {
        VpcStateRole = Qt::UserRole + 1, // int(bw::VpcState), on every row
    };
    Q_ENUM(Role)

    explicit VpcListModel(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    VpcState state() const { return m_state; }
    QStringList ids() const { return m_ids; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Takes the list of this model's kind from the job, and JobMetrics::vpcState(job).
    void setJob(const WatchedJob &job);
    // Lower level: any state and ids (ids are ignored unless the state is InVpc).
    void setVpc(VpcState state, const QStringList &ids);
    void clear() { setVpc(VpcState::NotReported, {}); }

Q_SIGNALS:
    void stateChanged(bw::VpcState state);

private:
    void syncIds(const QStringList &ids);

    Kind m_kind;
    VpcState m_state = VpcState::NotReported;
    QStringList m_ids;
};

} // namespace bw
