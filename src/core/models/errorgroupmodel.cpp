#include "models/errorgroupmodel.h"

#include <QLocale>

#include <algorithm>

namespace bw {

namespace {
QString oneLine(QString text)
{
    for (QChar c : {QChar(u'\t'), QChar(u'\r'), QChar(u'\n')})
        text.replace(c, u' ');
    return text;
}
} // namespace

ErrorGroupModel::ErrorGroupModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ErrorGroupModel::~ErrorGroupModel() = default;

int ErrorGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int ErrorGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ErrorGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant ErrorGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Message");
    case CountColumn:
        return tr("Records");
    case SampleIdsColumn:
        return tr("Sample ids");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ErrorGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResultsSummary::ErrorGroup &g = m_groups.at(index.row());
    if (role == SampleIdsRole)
        return g.sampleIds;
    if (role == ExampleMessageRole)
        return g.exampleMessage;
    switch (Column(index.column())) {
    case CodeColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == RawValueRole)
            return g.code;
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == RawValueRole)
            return g.message;
        if (role == Qt::ToolTipRole)
            return g.exampleMessage.isEmpty() || g.exampleMessage == g.message
                           ? g.message
                           : tr("%1\n\nFor example: %2").arg(g.message, g.exampleMessage);
        break;
    case CountColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(g.count);
        if (role == RawValueRole)
            return g.count;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SampleIdsColumn:
        if (role == Qt::DisplayRole || role == RawValueRole)
            return g.sampleIds.join(QStringLiteral(", "));
        if (role == Qt::ToolTipRole)
            return g.sampleIds.join(u'\n');
        break;
    case ColumnCount:
        break;
    }
    return {};
}

void ErrorGroupModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    const QList<ResultsSummary::ErrorGroup> old = m_groups;
    applySort();
    // Persistent indexes follow their group (groups are told apart by code and message).
    QModelIndexList after;
    for (const QModelIndex &i : before) {
        const ResultsSummary::ErrorGroup &g = old.at(i.row());
        const auto it = std::find_if(m_groups.cbegin(), m_groups.cend(), [&](const auto &n) {
            return n.code == g.code && n.message == g.message;
        });
        after << (it == m_groups.cend() ? QModelIndex()
                                        : index(int(it - m_groups.cbegin()), i.column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ErrorGroupModel::applySort()
{
    const int column = m_sortColumn;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const auto tie = [](const ResultsSummary::ErrorGroup &a, const ResultsSummary::ErrorGroup &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.code < b.code;
    };
    std::stable_sort(m_groups.begin(), m_groups.end(), [&](const auto &a, const auto &b) {
        int c = 0;
        switch (Column(column)) {
        case CodeColumn:
            c = a.code.compare(b.code, Qt::CaseInsensitive);
            break;
        case MessageColumn:
            c = a.message.compare(b.message, Qt::CaseInsensitive);
            break;
        case CountColumn:
            c = a.count < b.count ? -1 : (a.count > b.count ? 1 : 0);
            break;
        case SampleIdsColumn:
            c = a.sampleIds.join(u' ').compare(b.sampleIds.join(u' '), Qt::CaseInsensitive);
            break;
        case ColumnCount:
            break;
        }
        if (c != 0)
            return ascending ? c < 0 : c > 0;
        return tie(a, b);
    });
}

void ErrorGroupModel::setGroups(const QList<ResultsSummary::ErrorGroup> &groups)
{
    beginResetModel();
    m_groups = groups;
    applySort();
    endResetModel();
}

QString ErrorGroupModel::rowsAsTsv(const QList<int> &rows) const
{
    QList<int> order = rows;
    if (order.isEmpty()) {
        for (int r = 0; r < m_groups.size(); ++r)
            order << r;
    }
    std::sort(order.begin(), order.end());
    QString out = tr("Code") + u'\t' + tr("Message") + u'\t' + tr("Records") + u'\t'
                  + tr("Sample ids") + u'\n';
    for (int r : std::as_const(order)) {
        if (r < 0 || r >= m_groups.size())
            continue;
        const ResultsSummary::ErrorGroup &g = m_groups.at(r);
        out += oneLine(g.code) + u'\t' + oneLine(g.message) + u'\t' + QString::number(g.count)
               + u'\t' + oneLine(g.sampleIds.join(u' ')) + u'\n';
    }
    return out;
}

} // namespace bw
