#include "models/progresssamplemodel.h"

#include <QLocale>

#include <algorithm>

namespace bw {

namespace {
bool earlier(const ProgressSample &a, const ProgressSample &b)
{
    return a.at < b.at;
}
} // namespace

ProgressSampleModel::ProgressSampleModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ProgressSampleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int ProgressSampleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ProgressSampleModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant ProgressSampleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case AtColumn:
        return tr("At");
    case TotalColumn:
        return tr("Total");
    case ProcessedColumn:
        return tr("Processed");
    case SucceededColumn:
        return tr("Succeeded");
    case FailedColumn:
        return tr("Failed");
    case RateColumn:
        return tr("Rate (records/min)");
    case ColumnCount:
        break;
    }
    return {};
}

std::optional<double> ProgressSampleModel::rateAt(int row) const
{
    if (row <= 0 || row >= m_samples.size())
        return std::nullopt;
    const ProgressSample &prev = m_samples.at(row - 1);
    const ProgressSample &cur = m_samples.at(row);
    if (!prev.at.isValid() || !cur.at.isValid())
        return std::nullopt;
    const qint64 ms = prev.at.msecsTo(cur.at);
    const qint64 delta = cur.processed - prev.processed;
    if (ms <= 0 || delta < 0)
        return std::nullopt;
    return double(delta) * 60000.0 / double(ms);
}

QVariant ProgressSampleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProgressSample &s = m_samples.at(index.row());
    if (role == SampleRole)
        return QVariant::fromValue(s);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawValueRole)
        return {};

    const auto count = [role](qint64 n) -> QVariant {
        return role == RawValueRole ? QVariant(n) : QVariant(QLocale().toString(n));
    };
    switch (Column(index.column())) {
    case AtColumn:
        if (role == RawValueRole)
            return s.at.isValid() ? QVariant(s.at) : QVariant();
        if (role == Qt::ToolTipRole)
            return s.at.toUTC().toString(Qt::ISODateWithMs);
        return s.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case TotalColumn:
        return count(s.total);
    case ProcessedColumn:
        return count(s.processed);
    case SucceededColumn:
        return count(s.succeeded);
    case FailedColumn:
        return count(s.failed);
    case RateColumn: {
        const std::optional<double> rate = rateAt(index.row());
        if (role == RawValueRole)
            return rate ? QVariant(*rate) : QVariant();
        return rate ? QLocale().toString(*rate, 'f', 1) : QString();
    }
    case ColumnCount:
        break;
    }
    return {};
}

void ProgressSampleModel::setSamples(const QList<ProgressSample> &samples)
{
    beginResetModel();
    m_samples = samples;
    std::stable_sort(m_samples.begin(), m_samples.end(), earlier);
    endResetModel();
}

void ProgressSampleModel::appendSample(const ProgressSample &sample)
{
    const auto pos = std::upper_bound(m_samples.cbegin(), m_samples.cend(), sample, earlier);
    const int row = int(pos - m_samples.cbegin());
    beginInsertRows({}, row, row);
    m_samples.insert(row, sample);
    endInsertRows();

    if (row + 1 < m_samples.size()) {
        const QModelIndex cell = index(row + 1, RateColumn);
        Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole, RawValueRole});
    }
}

} // namespace bw
