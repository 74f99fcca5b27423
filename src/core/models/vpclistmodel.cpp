#include "models/vpclistmodel.h"

namespace bw {

VpcListModel::VpcListModel(Kind kind, QObject *parent)
    : QAbstractListModel(parent)
    , m_kind(kind)
{}

int VpcListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

Qt::ItemFlags VpcListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant VpcListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: // what a copy action takes
    case Qt::ToolTipRole:
        return m_ids.at(index.row());
    case VpcStateRole:
        return int(m_state);
    default:
        return {};
    }
}

QVariant VpcListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_kind == Kind::SecurityGroups ? tr("Security groups") : tr("Subnets");
    return QAbstractListModel::headerData(section, orientation, role);
}

void VpcListModel::setJob(const WatchedJob &job)
{
    const VpcState state = JobMetrics::vpcState(job);
    QStringList ids;
    if (job.job.vpcConfig) {
        ids = m_kind == Kind::SecurityGroups ? job.job.vpcConfig->securityGroupIds
                                             : job.job.vpcConfig->subnetIds;
    }
    setVpc(state, ids);
}

void VpcListModel::setVpc(VpcState state, const QStringList &ids)
{
    const VpcState previous = m_state;
    if (state == VpcState::InVpc) {
        // Rows only exist in the InVpc state, so the state of existing rows does not change.
        m_state = state;
        syncIds(ids);
    } else {
        syncIds({});
        m_state = state;
    }
    if (m_state != previous)
        Q_EMIT stateChanged(m_state);
}

void VpcListModel::syncIds(const QStringList &ids)
{
    // 1. Drop ids that are gone, bottom-up in contiguous ranges.
    int row = int(m_ids.size()) - 1;
    while (row >= 0) {
        if (ids.contains(m_ids.at(row))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !ids.contains(m_ids.at(first - 1)))
            --first;
        beginRemoveRows({}, first, row);
        m_ids.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. Walk the new order: keep, move up, or insert.
    for (int i = 0; i < ids.size(); ++i) {
        if (i < m_ids.size() && m_ids.at(i) == ids.at(i))
            continue;
        const int from = int(m_ids.indexOf(ids.at(i), i + 1));
        if (from > i) {
            beginMoveRows({}, from, from, {}, i);
            m_ids.move(from, i);
            endMoveRows();
        } else {
            beginInsertRows({}, i, i);
            m_ids.insert(i, ids.at(i));
            endInsertRows();
        }
    }

    // 3. Leftovers (surplus duplicates).
    if (m_ids.size() > ids.size()) {
        beginRemoveRows({}, int(ids.size()), int(m_ids.size()) - 1);
        m_ids.resize(ids.size());
        endRemoveRows();
    }
}

} // namespace bw
