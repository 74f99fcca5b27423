#pragma once

#include "domain/jobstatus.h"

#include <QCollator>
#include <QCollatorSortKey>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace bw {

class JobTableModel;

// The job table's sort/filter proxy (PRODUCT.md §2, "Filter bar"). The source is a
// JobTableModel (or any model answering its columns and roles). Filtering is local:
//  - status groups: a row passes when its StatusGroupRole is in the set; an empty set means
//    "no chip selected" and lets every row pass;
//  - text: case-insensitive; every whitespace-separated term must occur in the name, the
//    identifier, the short id, the jobArn or the model id;
//  - submit-time range: inclusive bounds, an invalid bound is open; while a bound is set, rows
//    without a submitTime are hidden;
//  - active only: hides terminal jobs;
//  - providers: a row passes when its ProviderRole is in the set; an empty set lets every row
//    pass.
// Text filtering reads JobTableModel::SearchTextRole (the fields above, case-folded) when the
// source answers it, else the five fields one by one: the same rows pass either way.
// Sorting compares RawValueRole of the sort column, never display text: numbers as numbers,
// instants as instants, strings with a case-insensitive numeric-aware collation, status by
// lifecycle order then raw text. Rows without a value sort last in both directions; a sort
// keeps rows that compare equal in source order (a row moved later goes after its equals).
//
// Cost (100,000 rows): the sort column's values are read once per source row and kept as sort
// keys (collation keys for text) until that row changes, so a sort compares keys, not
// QVariants. Texts are also ranked: once a sort has compared many texts by collation key (a
// quarter as many comparisons as rows), every row's key is made, the distinct texts are sorted
// once in a flat array, and each text key takes its rank; ranked keys then compare as integers.
// A rank is the text's place in the collation order (then exact text), so ranked and unranked
// keys give the same order; a changed row's new key is unranked until the next ranking. A filter
// change that shows or hides many rows (more than LargeFilterChange) is applied as one layout
// change (layoutAboutToBeChanged/layoutChanged, persistent indexes kept) instead of one
// rowsRemoved/rowsInserted per interval, which costs O(rows) per interval in QSortFilterProxyModel;
// a smaller change still arrives as row removals and insertions. Likewise a source dataChanged
// of BulkResortRows rows or more on the sort column (a large refresh, or one slice of it)
// re-sorts every row once (one layout change, O(rows log rows) on the kept keys) instead of
// moving the changed rows one proxy interval at a time (O(changed rows x rows)).
//
// Counts: countsByGroup() counts the SOURCE rows per status group (ignoring every filter), for
// the chips; countsChanged() fires when a count changes. visibleCount() is the number of rows
// passing the filters; visibleCountChanged() fires when it changes. presentProviders() are
// the distinct providers of the source rows, sorted; presentProvidersChanged() fires when the
// list changes (the filter bar offers a provider filter while there is more than one).
class JobFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterChanged)
    Q_PROPERTY(bool activeOnly READ activeOnly WRITE setActiveOnly NOTIFY filterChanged)
    Q_PROPERTY(int visibleCount READ visibleCount NOTIFY visibleCountChanged)

public:
    using GroupCounts = std::array<int, StatusGroupCount>; // indexed by int(StatusGroup)
    // Above this many rows shown or hidden by one filter change, the change is a layout change.
    static constexpr int LargeFilterChange = 256;
    // A dataChanged of at least this many rows on the sort column re-sorts every row once
    // instead of moving the changed ones (see connectKeyInvalidation()).
    static constexpr int BulkResortRows = 256;

    explicit JobFilterProxyModel(QObject *parent = nullptr);
    ~JobFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    QSet<StatusGroup> statusGroups() const { return m_groups; }
    void setStatusGroups(const QSet<StatusGroup> &groups);
    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);
    QDateTime submittedFrom() const { return m_from; }
    QDateTime submittedTo() const { return m_to; }
    void setSubmitTimeRange(const QDateTime &from, const QDateTime &to);
    bool activeOnly() const { return m_activeOnly; }
    void setActiveOnly(bool activeOnly);
    QSet<QString> providers() const { return m_providers; }
    void setProviders(const QSet<QString> &providers);
    // Back to "show everything" with a single re-filter.
    void clearFilters();

    GroupCounts countsByGroup() const { return m_counts; }
    int count(StatusGroup group) const { return m_counts[size_t(group)]; }
    int visibleCount() const { return rowCount(); }
    QStringList presentProviders() const { return m_presentProviders; }

Q_SIGNALS:
    void filterChanged();
    void countsChanged();
    void visibleCountChanged(int count);
    void presentProvidersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // One cell's sort value, read once (see "Cost" above). Kept small (16 bytes): a sort reads
    // these in random order; texts and other values live in m_cold.
    struct SortKey
    {
        enum class Kind : quint8 { Absent, Integral, Real, Time, Text, Other };
        // Integral; Time: milliseconds since the epoch; Real: the double's bits; Text: the rank
        // given by the last rankTexts(), or -1 when made since.
        qint64 value = 0;
        quint32 cold = 0; // Text, Other: index in m_cold
        Kind kind = Kind::Absent;
        bool ready = false;
    };
    struct ColdKey
    {
        QString text;
        std::optional<QCollatorSortKey> collation; // Text
        QVariant other;                            // Other (not a type compared by key)
    };

    // <0, 0, >0; both values valid.
    int compareValues(const QVariant &a, const QVariant &b) const;
    bool lessThanByValues(const QModelIndex &left, const QModelIndex &right) const;
    SortKey makeKey(const QVariant &value) const;
    QVariant valueOf(const SortKey &key) const;
    int compareKeys(const SortKey &a, const SortKey &b) const;
    // False when keys cannot be used for these indexes (then lessThan reads the values).
    bool prepareKeys(const QModelIndex &left, const QModelIndex &right) const;
    const SortKey &keyAt(std::vector<SortKey> &keys, int row, int role) const;
    void forgetKeys() const;
    // Makes every row's key of the sort column and ranks the texts among them (see "Cost").
    void rankTexts() const;
    void forgetKeys(int first, int last) const;
    void connectKeyInvalidation(QAbstractItemModel *model);
    // True when the current filter would show or hide more than LargeFilterChange rows; fills
    // m_verdicts.
    bool isLargeFilterChange() const;
    void refilter();
    void recount();
    void checkVisibleCount();

    QSet<StatusGroup> m_groups;
    QString m_text;
    QStringList m_terms;
    QDateTime m_from;
    QDateTime m_to;
    bool m_activeOnly = false;
    QSet<QString> m_providers;
    QStringList m_presentProviders;
    GroupCounts m_counts{};
    int m_lastVisible = 0;
    QStringList m_foldedTerms; // m_terms, case-folded (for SearchTextRole)
    QCollator m_collator;
    QList<QMetaObject::Connection> m_sourceConnections;
    // Sort keys by source row for m_keyColumn (-1: none), and the status text that breaks ties
    // on the status column. Unready entries are read on demand.
    const JobTableModel *m_table = nullptr; // the source, when it is one (keys are used then)
    mutable int m_keyColumn = -1;
    mutable std::vector<SortKey> m_keys;
    mutable std::vector<SortKey> m_tieKeys;
    // filterAcceptsRow() of every source row for the filter being applied, while refilter() runs.
    mutable std::vector<char> m_verdicts;
    mutable bool m_useVerdicts = false;
    bool m_bulkResort = false; // a dataChanged is being passed on without re-sorting
    mutable std::vector<ColdKey> m_cold;
    mutable qsizetype m_unrankedCompares = 0;    // texts compared by collation since rankTexts()
    mutable QHash<QString, quint32> m_textIndex; // m_cold of a few repeated texts (status, model)
};

} // namespace bw
