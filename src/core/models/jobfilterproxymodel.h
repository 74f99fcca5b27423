#pragma once

#include "domain/jobstatus.h"

#include <QCollator>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

#include <array>

namespace bw {

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
// Sorting compares RawValueRole of the sort column, never display text: numbers as numbers,
// instants as instants, strings with a case-insensitive numeric-aware collation, status by
// lifecycle order then raw text. Rows without a value sort last in both directions.
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
    // <0, 0, >0; both values valid.
    int compareValues(const QVariant &a, const QVariant &b) const;
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
    QCollator m_collator;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace bw
