#include "models/jobfilterproxymodel.h"

#include "models/jobtablemodel.h"

#include <QDateTime>
#include <QRegularExpression>

namespace bw {

namespace {
bool isIntegral(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Bool:
        return true;
    default:
        return false;
    }
}

bool isNumeric(const QVariant &v)
{
    return isIntegral(v) || v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Float;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}
} // namespace

JobFilterProxyModel::JobFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobTableModel::RawValueRole);
    setDynamicSortFilter(true);
    // The C locale's collation is a plain code-point compare that ignores numeric mode (Qt
    // short-cuts it); a bare CI session would sort "job-10" before "job-9".
    if (m_collator.locale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);

    connect(this, &QAbstractItemModel::rowsInserted, this, &JobFilterProxyModel::checkVisibleCount);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &JobFilterProxyModel::checkVisibleCount);
    connect(this, &QAbstractItemModel::modelReset, this, &JobFilterProxyModel::checkVisibleCount);
    connect(this, &QAbstractItemModel::layoutChanged, this,
            &JobFilterProxyModel::checkVisibleCount);
}

JobFilterProxyModel::~JobFilterProxyModel() = default;

void JobFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();

    QSortFilterProxyModel::setSourceModel(model);

    if (model) {
        m_sourceConnections = {
                connect(model, &QAbstractItemModel::rowsInserted, this,
                        &JobFilterProxyModel::recount),
                connect(model, &QAbstractItemModel::rowsRemoved, this,
                        &JobFilterProxyModel::recount),
                connect(model, &QAbstractItemModel::modelReset, this,
                        &JobFilterProxyModel::recount),
                connect(model, &QAbstractItemModel::dataChanged, this,
                        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                               const QList<int> &roles) {
                            const auto covers = [&](int column, int role) {
                                return topLeft.column() <= column && bottomRight.column() >= column
                                       && (roles.isEmpty() || roles.contains(role));
                            };
                            if (covers(JobTableModel::StatusColumn, JobTableModel::StatusGroupRole)
                                || covers(JobTableModel::ProviderColumn,
                                          JobTableModel::ProviderRole))
                                recount();
                        }),
        };
    }
    recount();
    checkVisibleCount();
}

void JobFilterProxyModel::setStatusGroups(const QSet<StatusGroup> &groups)
{
    if (groups == m_groups)
        return;
    m_groups = groups;
    refilter();
}

void JobFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    m_terms = text.split(space, Qt::SkipEmptyParts);
    refilter();
}

void JobFilterProxyModel::setSubmitTimeRange(const QDateTime &from, const QDateTime &to)
{
    const auto same = [](const QDateTime &a, const QDateTime &b) {
        return a.isValid() == b.isValid() && (!a.isValid() || a == b);
    };
    if (same(from, m_from) && same(to, m_to))
        return;
    m_from = from.isValid() ? from.toUTC() : QDateTime();
    m_to = to.isValid() ? to.toUTC() : QDateTime();
    refilter();
}

void JobFilterProxyModel::setActiveOnly(bool activeOnly)
{
    if (activeOnly == m_activeOnly)
        return;
    m_activeOnly = activeOnly;
    refilter();
}

void JobFilterProxyModel::setProviders(const QSet<QString> &providers)
{
    if (providers == m_providers)
        return;
    m_providers = providers;
    refilter();
}

void JobFilterProxyModel::clearFilters()
{
    if (m_groups.isEmpty() && m_text.isEmpty() && !m_from.isValid() && !m_to.isValid()
        && !m_activeOnly && m_providers.isEmpty())
        return;
    m_groups.clear();
    m_providers.clear();
    m_text.clear();
    m_terms.clear();
    m_from = QDateTime();
    m_to = QDateTime();
    m_activeOnly = false;
    refilter();
}

void JobFilterProxyModel::refilter()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-runs filterAcceptsRow only.
    invalidateFilter();
    Q_EMIT filterChanged();
    checkVisibleCount();
}

bool JobFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    const auto cell = [&](int column, int role) {
        return model->index(sourceRow, column, sourceParent).data(role);
    };

    if (!m_groups.isEmpty() || m_activeOnly) {
        const QVariant group = cell(JobTableModel::StatusColumn, JobTableModel::StatusGroupRole);
        if (!m_groups.isEmpty()
            && !m_groups.contains(group.isValid() ? StatusGroup(group.toInt())
                                                  : StatusGroup::Unknown))
            return false;
        if (m_activeOnly
            && cell(JobTableModel::StatusColumn, JobTableModel::IsTerminalRole).toBool())
            return false;
    }

    if (!m_providers.isEmpty()
        && !m_providers.contains(
                cell(JobTableModel::ProviderColumn, JobTableModel::ProviderRole).toString()))
        return false;

    if (m_from.isValid() || m_to.isValid()) {
        const QDateTime submitted
                = cell(JobTableModel::SubmittedColumn, JobTableModel::SubmitTimeRole).toDateTime();
        if (!submitted.isValid())
            return false;
        if (m_from.isValid() && submitted < m_from)
            return false;
        if (m_to.isValid() && submitted > m_to)
            return false;
    }

    if (!m_terms.isEmpty()) {
        const QString haystack[] = {
                cell(JobTableModel::NameColumn, JobTableModel::RawValueRole).toString(),
                cell(JobTableModel::IdColumn, JobTableModel::IdentifierRole).toString(),
                cell(JobTableModel::IdColumn, JobTableModel::RawValueRole).toString(),
                cell(JobTableModel::IdColumn, JobTableModel::JobArnRole).toString(),
                cell(JobTableModel::ModelColumn, JobTableModel::RawValueRole).toString(),
        };
        for (const QString &term : m_terms) {
            bool found = false;
            for (const QString &field : haystack) {
                if (field.contains(term, Qt::CaseInsensitive)) {
                    found = true;
                    break;
                }
            }
            if (!found)
                return false;
        }
    }
    return true;
}

int JobFilterProxyModel::compareValues(const QVariant &a, const QVariant &b) const
{
    if (isIntegral(a) && isIntegral(b))
        return threeWay(a.toLongLong(), b.toLongLong());
    if (isNumeric(a) && isNumeric(b))
        return threeWay(a.toDouble(), b.toDouble());
    if (a.typeId() == QMetaType::QDateTime && b.typeId() == QMetaType::QDateTime)
        return threeWay(a.toDateTime(), b.toDateTime());
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        const QString sa = a.toString();
        const QString sb = b.toString();
        const int c = m_collator.compare(sa, sb);
        return c != 0 ? c : sa.compare(sb); // stable order for strings equal but for case
    }
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return -1;
    if (order == QPartialOrdering::Greater)
        return 1;
    return 0;
}

bool JobFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(JobTableModel::RawValueRole);
    const QVariant r = right.data(JobTableModel::RawValueRole);
    if (!l.isValid() || !r.isValid()) {
        if (l.isValid() == r.isValid())
            return false;
        // Absent values last in both directions: descending sorts by lessThan(right, left).
        return sortOrder() == Qt::AscendingOrder ? !r.isValid() : !l.isValid();
    }
    int c = compareValues(l, r);
    if (c == 0 && left.column() == JobTableModel::StatusColumn) {
        c = compareValues(left.data(JobTableModel::StatusTextRole),
                          right.data(JobTableModel::StatusTextRole));
    }
    return c < 0;
}

void JobFilterProxyModel::recount()
{
    GroupCounts counts{};
    QStringList present;
    if (const QAbstractItemModel *model = sourceModel()) {
        const int rows = model->rowCount();
        for (int row = 0; row < rows; ++row) {
            const QString provider = model->index(row, JobTableModel::ProviderColumn)
                                             .data(JobTableModel::ProviderRole)
                                             .toString();
            if (!provider.isEmpty() && !present.contains(provider))
                present << provider;
            const QVariant group = model->index(row, JobTableModel::StatusColumn)
                                           .data(JobTableModel::StatusGroupRole);
            const int g = group.isValid() ? group.toInt() : int(StatusGroup::Unknown);
            if (g >= 0 && g < StatusGroupCount)
                ++counts[size_t(g)];
        }
    }
    present.sort();
    if (present != m_presentProviders) {
        m_presentProviders = present;
        Q_EMIT presentProvidersChanged();
    }
    if (counts == m_counts)
        return;
    m_counts = counts;
    Q_EMIT countsChanged();
}

void JobFilterProxyModel::checkVisibleCount()
{
    const int visible = rowCount();
    if (visible == m_lastVisible)
        return;
    m_lastVisible = visible;
    Q_EMIT visibleCountChanged(visible);
}

} // namespace bw
