#include "models/transitionhistorymodel.h"

#include "domain/jobmetrics.h"

#include <algorithm>

namespace bw {

namespace {
QString absoluteTime(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

QString utcTime(const QDateTime &instant)
{
    return instant.isValid() ? instant.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

TransitionHistoryModel::TransitionHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int TransitionHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_transitions.size());
}

int TransitionHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TransitionHistoryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant TransitionHistoryModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case ObservedAtColumn:
        return tr("Observed at");
    case LastModifiedColumn:
        return tr("Gateway's last change");
    case ElapsedInPreviousColumn:
        return tr("Time in previous status");
    case ColumnCount:
        break;
    }
    return {};
}

std::optional<qint64> TransitionHistoryModel::elapsedInPrevious(int row) const
{
    if (row <= 0 || row >= m_transitions.size())
        return std::nullopt;
    const StatusTransition &prev = m_transitions.at(row - 1);
    const StatusTransition &cur = m_transitions.at(row);
    if (elapsedFromGateway(row))
        return std::max<qint64>(0, prev.lastModifiedTime->secsTo(*cur.lastModifiedTime));
    if (!prev.observedAt.isValid() || !cur.observedAt.isValid())
        return std::nullopt;
    return std::max<qint64>(0, prev.observedAt.secsTo(cur.observedAt));
}

bool TransitionHistoryModel::elapsedFromGateway(int row) const
{
    if (row <= 0 || row >= m_transitions.size())
        return false;
    const StatusTransition &prev = m_transitions.at(row - 1);
    const StatusTransition &cur = m_transitions.at(row);
    return prev.lastModifiedTime && prev.lastModifiedTime->isValid() && cur.lastModifiedTime
           && cur.lastModifiedTime->isValid();
}

QVariant TransitionHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const StatusTransition &t = m_transitions.at(row);

    if (role == TransitionRole)
        return QVariant::fromValue(t);

    switch (Column(index.column())) {
    case FromColumn:
    case ToColumn: {
        const std::optional<Status> status
                = index.column() == FromColumn ? t.from : std::optional<Status>(t.to);
        if (!status)
            return {};
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case StatusTextRole:
            return status->raw();
        case RawValueRole:
        case JobStatusRole:
            return int(status->code());
        case StatusGroupRole:
            return int(status->group());
        default:
            return {};
        }
    }
    case ObservedAtColumn:
    case LastModifiedColumn: {
        const QDateTime when = index.column() == ObservedAtColumn
                                       ? t.observedAt
                                       : t.lastModifiedTime.value_or(QDateTime());
        switch (role) {
        case Qt::DisplayRole:
            return absoluteTime(when);
        case Qt::ToolTipRole:
            return utcTime(when);
        case RawValueRole:
            return when.isValid() ? QVariant(when) : QVariant();
        default:
            return {};
        }
    }
    case ElapsedInPreviousColumn: {
        const std::optional<qint64> seconds = elapsedInPrevious(row);
        switch (role) {
        case Qt::DisplayRole:
            return seconds ? JobMetrics::formatDuration(*seconds) : QString();
        case Qt::ToolTipRole:
            if (!seconds)
                return QString();
            return elapsedFromGateway(row) ? tr("From the gateway's last-modified times")
                                           : tr("From the times batchwatch observed the changes");
        case RawValueRole:
            return seconds ? QVariant(*seconds) : QVariant();
        case ElapsedFromGatewayRole:
            return elapsedFromGateway(row);
        default:
            return {};
        }
    }
    case ColumnCount:
        break;
    }
    return {};
}

void TransitionHistoryModel::setTransitions(const QList<StatusTransition> &transitions)
{
    beginResetModel();
    m_transitions = transitions;
    endResetModel();
}

void TransitionHistoryModel::appendTransition(const StatusTransition &transition)
{
    // Usually the newest: appended. An older one (out of order delivery) goes to its place.
    const auto pos = std::upper_bound(
            m_transitions.cbegin(), m_transitions.cend(), transition.observedAt,
            [](const QDateTime &at, const StatusTransition &t) { return at < t.observedAt; });
    const int row = int(pos - m_transitions.cbegin());
    beginInsertRows({}, row, row);
    m_transitions.insert(row, transition);
    endInsertRows();

    const int next = row + 1;
    if (next < m_transitions.size()) {
        const QModelIndex cell = index(next, ElapsedInPreviousColumn);
        Q_EMIT dataChanged(
                cell, cell,
                {Qt::DisplayRole, Qt::ToolTipRole, RawValueRole, ElapsedFromGatewayRole});
    }
}

} // namespace bw
