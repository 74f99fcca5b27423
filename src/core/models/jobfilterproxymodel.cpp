#include "models/jobfilterproxymodel.h"

#include "models/jobtablemodel.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <bit>
#include <utility>

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
    forgetKeys();
    m_table = qobject_cast<JobTableModel *>(model);

    // Before the base class connects: the keys of changed rows are forgotten before it re-sorts.
    connectKeyInvalidation(model);
    QSortFilterProxyModel::setSourceModel(model);

    if (model) {
        m_sourceConnections += {
                // After the base class: a change of many rows it was kept from re-sorting.
                connect(model, &QAbstractItemModel::dataChanged, this,
                        [this] {
                            if (!std::exchange(m_bulkResort, false))
                                return;
                            setDynamicSortFilter(true); // sorts every row once
                            if (!m_groups.isEmpty() || m_activeOnly || !m_providers.isEmpty()
                                || !m_terms.isEmpty() || m_from.isValid() || m_to.isValid())
                                invalidateRowsFilter(); // the changed rows' verdicts
                        }),
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
    m_foldedTerms.clear();
    for (const QString &term : std::as_const(m_terms))
        m_foldedTerms << term.toCaseFolded();
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
    m_foldedTerms.clear();
    m_from = QDateTime();
    m_to = QDateTime();
    m_activeOnly = false;
    refilter();
}

void JobFilterProxyModel::refilter()
{
    // Qt 6.4 has no beginFilterChange(). invalidateRowsFilter() re-runs filterAcceptsRow and
    // moves the rows that change one proxy interval at a time, rebuilding the rest of its map
    // per interval: clearing a text filter on 100,000 sorted rows took 2 s that way. A large
    // change rebuilds the map once instead (a layout change; the sort keys are still valid).
    // The verdicts of the look-ahead serve the base class's pass too (until the end of this
    // call, or until the source changes).
    const bool large = isLargeFilterChange();
    m_useVerdicts = true;
    if (large)
        invalidate();
    else
        invalidateRowsFilter();
    Q_EMIT filterChanged();
    checkVisibleCount(); // maps the rows now (a layout change maps them lazily)
    m_useVerdicts = false;
    m_verdicts.clear();
}

bool JobFilterProxyModel::isLargeFilterChange() const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    const int rows = model->rowCount();
    m_verdicts.assign(size_t(rows), 0);
    int changes = 0;
    for (int row = 0; row < rows; ++row) {
        const bool accepted = filterAcceptsRow(row, {});
        m_verdicts[size_t(row)] = accepted ? 1 : 0;
        if (rows > LargeFilterChange && changes <= LargeFilterChange
            && accepted != mapFromSource(model->index(row, 0)).isValid())
            ++changes;
    }
    return changes > LargeFilterChange;
}

bool JobFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    if (m_useVerdicts && !sourceParent.isValid() && size_t(sourceRow) < m_verdicts.size())
        return m_verdicts[size_t(sourceRow)] != 0;
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
        const QVariant search = cell(JobTableModel::IdColumn, JobTableModel::SearchTextRole);
        if (search.isValid()) {
            const QString text = search.toString();
            for (const QString &term : m_foldedTerms) {
                if (!text.contains(term))
                    return false;
            }
            return true;
        }
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
    if (!prepareKeys(left, right))
        return lessThanByValues(left, right);
    const SortKey &l = keyAt(m_keys, left.row(), JobTableModel::RawValueRole);
    const SortKey &r = keyAt(m_keys, right.row(), JobTableModel::RawValueRole);
    const bool lValid = l.kind != SortKey::Kind::Absent;
    const bool rValid = r.kind != SortKey::Kind::Absent;
    if (!lValid || !rValid) {
        if (lValid == rValid)
            return false;
        return sortOrder() == Qt::AscendingOrder ? !rValid : !lValid;
    }
    if (l.kind == SortKey::Kind::Text && r.kind == SortKey::Kind::Text
        && (l.value < 0 || r.value < 0) && l.cold != r.cold
        && ++m_unrankedCompares > qsizetype(m_keys.size() / 4))
        rankTexts(); // ranks l and r in place
    int c = compareKeys(l, r);
    if (c == 0 && left.column() == JobTableModel::StatusColumn) {
        c = compareKeys(keyAt(m_tieKeys, left.row(), JobTableModel::StatusTextRole),
                        keyAt(m_tieKeys, right.row(), JobTableModel::StatusTextRole));
    }
    return c < 0;
}

bool JobFilterProxyModel::prepareKeys(const QModelIndex &left, const QModelIndex &right) const
{
    // Keys are kept by row, which identifies a cell only in a flat table.
    if (!m_table || left.model() != m_table || right.model() != m_table
        || left.column() != right.column())
        return false;
    if (left.column() != m_keyColumn) {
        forgetKeys();
        m_keyColumn = left.column();
    }
    // Kept the size of the source by its row signals once made.
    // Texts of forgotten keys stay in m_cold: start over once they outnumber the rows.
    if (m_cold.size() > 2 * m_keys.size() + 1024)
        forgetKeys();
    if (m_keys.empty())
        m_keys.resize(size_t(m_table->rowCount()));
    if (m_keyColumn == JobTableModel::StatusColumn && m_tieKeys.size() != m_keys.size()) {
        m_tieKeys.clear();
        m_tieKeys.resize(m_keys.size());
    }
    return size_t(left.row()) < m_keys.size() && size_t(right.row()) < m_keys.size();
}

const JobFilterProxyModel::SortKey &JobFilterProxyModel::keyAt(std::vector<SortKey> &keys, int row,
                                                               int role) const
{
    SortKey &key = keys[size_t(row)];
    if (!key.ready) {
        key = makeKey(sourceModel()->index(row, m_keyColumn).data(role));
        key.ready = true;
    }
    return key;
}

JobFilterProxyModel::SortKey JobFilterProxyModel::makeKey(const QVariant &value) const
{
    SortKey key;
    if (!value.isValid()) {
        key.kind = SortKey::Kind::Absent;
    } else if (isIntegral(value)) {
        key.kind = SortKey::Kind::Integral;
        key.value = value.toLongLong();
    } else if (isNumeric(value)) {
        key.kind = SortKey::Kind::Real;
        key.value = std::bit_cast<qint64>(value.toDouble());
    } else if (value.typeId() == QMetaType::QDateTime && value.toDateTime().isValid()) {
        key.kind = SortKey::Kind::Time;
        key.value = value.toDateTime().toMSecsSinceEpoch();
    } else if (value.typeId() == QMetaType::QString) {
        key.kind = SortKey::Kind::Text;
        key.value = -1; // unranked
        const QString text = value.toString();
        if (const auto known = m_textIndex.constFind(text); known != m_textIndex.constEnd()) {
            key.cold = *known;
        } else {
            key.cold = quint32(m_cold.size());
            m_cold.push_back({text, m_collator.sortKey(text), {}});
            // Names are unique: only short lists of repeated texts are worth looking up.
            if (m_textIndex.size() < 1024)
                m_textIndex.insert(text, key.cold);
        }
    } else {
        key.kind = SortKey::Kind::Other;
        key.cold = quint32(m_cold.size());
        m_cold.push_back({{}, std::nullopt, value});
    }
    return key;
}

QVariant JobFilterProxyModel::valueOf(const SortKey &key) const
{
    switch (key.kind) {
    case SortKey::Kind::Absent:
        return {};
    case SortKey::Kind::Integral:
        return key.value;
    case SortKey::Kind::Real:
        return std::bit_cast<double>(key.value);
    case SortKey::Kind::Time:
        return QDateTime::fromMSecsSinceEpoch(key.value, Qt::UTC);
    case SortKey::Kind::Text:
        return m_cold[key.cold].text;
    case SortKey::Kind::Other:
        return m_cold[key.cold].other;
    }
    return {};
}

int JobFilterProxyModel::compareKeys(const SortKey &a, const SortKey &b) const
{
    // The same order as compareValues() on the values the keys were made from.
    using Kind = SortKey::Kind;
    const auto number = [](const SortKey &k) {
        return k.kind == Kind::Real ? std::bit_cast<double>(k.value) : double(k.value);
    };
    if (a.kind == b.kind) {
        switch (a.kind) {
        case Kind::Integral:
        case Kind::Time:
            return threeWay(a.value, b.value);
        case Kind::Real:
            return threeWay(number(a), number(b));
        case Kind::Text: {
            if (a.cold == b.cold)
                return 0;
            if (a.value >= 0 && b.value >= 0)
                return threeWay(a.value, b.value);
            const ColdKey &x = m_cold[a.cold];
            const ColdKey &y = m_cold[b.cold];
            const int c = x.collation->compare(*y.collation);
            return c != 0 ? (c < 0 ? -1 : 1) : x.text.compare(y.text);
        }
        case Kind::Absent:
        case Kind::Other:
            break;
        }
    } else if ((a.kind == Kind::Integral || a.kind == Kind::Real)
               && (b.kind == Kind::Integral || b.kind == Kind::Real)) {
        return threeWay(number(a), number(b));
    }
    return compareValues(valueOf(a), valueOf(b));
}

void JobFilterProxyModel::rankTexts() const
{
    m_unrankedCompares = 0;
    const int rows = int(m_keys.size());
    m_cold.reserve(m_cold.size() + m_keys.size()); // at most one new text per row
    for (int row = 0; row < rows; ++row)
        keyAt(m_keys, row, JobTableModel::RawValueRole);

    // The distinct texts, with their collation keys side by side in one array: sorting it
    // reads far less memory than comparing through rows (QModelIndex, key, cold entry).
    struct Text
    {
        QCollatorSortKey collation;
        quint32 cold;
    };
    std::vector<char> listed(m_cold.size(), 0);
    std::vector<Text> texts;
    for (const SortKey &key : m_keys) {
        if (key.kind == SortKey::Kind::Text && !listed[key.cold]) {
            listed[key.cold] = 1;
            texts.push_back({*m_cold[key.cold].collation, key.cold});
        }
    }
    // The order of compareKeys() on unranked keys: collation, then exact text.
    const auto order = [this](const Text &a, const Text &b) {
        const int c = a.collation.compare(b.collation);
        return c != 0 ? c < 0 : m_cold[a.cold].text.compare(m_cold[b.cold].text) < 0;
    };
    std::sort(texts.begin(), texts.end(), order);
    std::vector<qint64> rank(m_cold.size(), -1);
    qint64 next = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
        if (i > 0 && order(texts[i - 1], texts[i]))
            ++next; // equal texts (kept twice in m_cold) share a rank
        rank[texts[i].cold] = next;
    }
    for (SortKey &key : m_keys) {
        if (key.kind == SortKey::Kind::Text)
            key.value = rank[key.cold];
    }
}

void JobFilterProxyModel::forgetKeys() const
{
    m_useVerdicts = false;
    m_unrankedCompares = 0;
    m_keys.clear();
    m_tieKeys.clear();
    m_cold.clear();
    m_textIndex.clear();
}

void JobFilterProxyModel::forgetKeys(int first, int last) const
{
    for (std::vector<SortKey> *keys : {&m_keys, &m_tieKeys}) {
        const int end = std::min(last + 1, int(keys->size()));
        for (int row = std::max(first, 0); row < end; ++row)
            (*keys)[size_t(row)] = SortKey();
    }
}

void JobFilterProxyModel::connectKeyInvalidation(QAbstractItemModel *model)
{
    if (!model)
        return;
    const auto forgetAll = [this] {
        forgetKeys();
    };
    m_sourceConnections = {
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles) {
                        m_useVerdicts = false;
                        if (topLeft.parent().isValid())
                            return;
                        // Qt 6.4 takes the changed rows of a sorted proxy out of its map and
                        // puts them back one proxy interval at a time, moving the rest of the
                        // map for each: O(changed rows x rows) (a 2,000-row slice of a
                        // 10,000-row refresh: ~20 ms). Many rows are sorted again as a whole
                        // instead (O(rows log rows), a layout change), after the base class
                        // has passed the signal on (see setSourceModel).
                        const int column = sortColumn();
                        if (dynamicSortFilter() && column >= topLeft.column()
                            && column <= bottomRight.column()
                            && (roles.isEmpty() || roles.contains(sortRole()))
                            && bottomRight.row() - topLeft.row() + 1 >= BulkResortRows) {
                            m_bulkResort = true;
                            setDynamicSortFilter(false);
                        }
                        if (m_keys.empty())
                            return;
                        // Keys are made of RawValueRole (ties on the status: StatusTextRole);
                        // a change of other roles (a text turned "6 min ago") keeps them.
                        const bool keyRoles = roles.isEmpty()
                                              || roles.contains(JobTableModel::RawValueRole)
                                              || roles.contains(JobTableModel::StatusTextRole);
                        if (keyRoles && m_keyColumn >= topLeft.column()
                            && m_keyColumn <= bottomRight.column())
                            forgetKeys(topLeft.row(), bottomRight.row());
                    }),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &parent, int first, int last) {
                        m_useVerdicts = false;
                        if (parent.isValid())
                            return;
                        for (std::vector<SortKey> *keys : {&m_keys, &m_tieKeys}) {
                            if (keys->empty())
                                continue;
                            if (size_t(first) > keys->size())
                                keys->clear();
                            else
                                keys->insert(keys->begin() + first, size_t(last - first + 1),
                                             SortKey());
                        }
                    }),
            connect(model, &QAbstractItemModel::rowsRemoved, this,
                    [this](const QModelIndex &parent, int first, int last) {
                        m_useVerdicts = false;
                        if (parent.isValid())
                            return;
                        for (std::vector<SortKey> *keys : {&m_keys, &m_tieKeys}) {
                            if (size_t(last) >= keys->size())
                                keys->clear();
                            else
                                keys->erase(keys->begin() + first, keys->begin() + last + 1);
                        }
                    }),
            connect(model, &QAbstractItemModel::rowsMoved, this, forgetAll),
            connect(model, &QAbstractItemModel::layoutChanged, this, forgetAll),
            connect(model, &QAbstractItemModel::modelReset, this, forgetAll),
            connect(model, &QAbstractItemModel::columnsInserted, this, forgetAll),
            connect(model, &QAbstractItemModel::columnsRemoved, this, forgetAll),
            connect(model, &QAbstractItemModel::columnsMoved, this, forgetAll),
    };
}

bool JobFilterProxyModel::lessThanByValues(const QModelIndex &left, const QModelIndex &right) const
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
