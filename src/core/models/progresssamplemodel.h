#pragma once

#include "domain/watchedjob.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace bw {

// The progress samples of one job, oldest first (PRODUCT.md §2, Progress tab). The rate of a
// row is the processing rate since the previous sample, in records per minute; none for the
// first row, for samples at the same instant, or when processed went down (counters reset).
//
// setSamples() replaces everything (model reset: a job switch, or the store thinned the
// samples). appendSample() inserts one row at its chronological place (normally the end) and
// announces the rate cell of the row after it.
class ProgressSampleModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AtColumn,
        TotalColumn,
        ProcessedColumn,
        SucceededColumn,
        FailedColumn,
        RateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        // At: QDateTime UTC; counts: qint64; Rate: double records/minute (invalid: none).
        RawValueRole = Qt::UserRole + 1,
        SampleRole, // every column: QVariant::fromValue(ProgressSample)
    };
    Q_ENUM(Role)

    explicit ProgressSampleModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Sorted by time (stable) before they are shown.
    void setSamples(const QList<ProgressSample> &samples);
    void appendSample(const ProgressSample &sample);
    void clear() { setSamples({}); }

    QList<ProgressSample> samples() const { return m_samples; }
    std::optional<double> rateAt(int row) const; // records per minute since row - 1

private:
    QList<ProgressSample> m_samples;
};

} // namespace bw
