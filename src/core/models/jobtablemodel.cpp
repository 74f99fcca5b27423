#include "models/jobtablemodel.h"

#include "common/logging.h"
#include "domain/jobidentifier.h"
#include "domain/jobkey.h"
#include "models/resultsverdict.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <type_traits>

namespace bw {

namespace {
constexpr quint32 columnBit(int column)
{
    return quint32(1) << column;
}

// The fields shown in a column (see columnsForFields) whose value changed, appeared or
// disappeared (a record replaced by the store), compared as Job::mergeFrom compares them, without
// copying and merging a Job per row. The fields no column shows (the role ARN, client token, data
// and VPC configs, timeout, invocation type, the per-status instants) are not compared: a change
// of theirs announces nothing (WatchedJobRole is re-read only with an announced cell).
JobFields fieldDiff(const Job &before, const Job &after)
{
    JobFields changed;
    const auto diff = [&changed](const auto &a, const auto &b, JobField field) {
        if (a.has_value() != b.has_value() || (a && !(*a == *b)))
            changed.set(field);
    };
    static_assert(JobFieldCount == 29, "fieldDiff(): is the new JobField shown in a column?");
    diff(before.jobArn, after.jobArn, JobField::JobArn);
    diff(before.status, after.status, JobField::Status);
    diff(before.jobName, after.jobName, JobField::JobName);
    diff(before.modelId, after.modelId, JobField::ModelId);
    diff(before.message, after.message, JobField::Message);
    diff(before.submitTime, after.submitTime, JobField::SubmitTime);
    diff(before.lastModifiedTime, after.lastModifiedTime, JobField::LastModifiedTime);
    diff(before.endTime, after.endTime, JobField::EndTime);
    diff(before.jobExpirationTime, after.jobExpirationTime, JobField::JobExpirationTime);
    diff(before.totalRecordCount, after.totalRecordCount, JobField::TotalRecordCount);
    diff(before.processedRecordCount, after.processedRecordCount, JobField::ProcessedRecordCount);
    diff(before.successRecordCount, after.successRecordCount, JobField::SuccessRecordCount);
    diff(before.errorRecordCount, after.errorRecordCount, JobField::ErrorRecordCount);
    diff(before.provider, after.provider, JobField::Provider);
    diff(before.progressPercent, after.progressPercent, JobField::ProgressPercent);
    return changed;
}

QString absoluteTime(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

QString countText(const std::optional<qint64> &count)
{
    return count ? QLocale().toString(*count) : QStringLiteral("?");
}

QString percentText(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

template<typename T>
QVariant optionalVariant(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

// The sort key of a status: the lifecycle order of the Bedrock codes, with the native-only
// ones where they happen (finalizing after running, Anthropic's ended beside completed).
int lifecycleRank(JobStatus code)
{
    switch (code) {
    case JobStatus::Finalizing:
        return 2 * int(JobStatus::InProgress) + 1;
    case JobStatus::Ended:
        return 2 * int(JobStatus::Completed) + 1;
    default:
        return 2 * int(code);
    }
}

// Progress from the record counts, else from the provider's own percentage (Gemini).
std::optional<double> progressOf(const Job &job)
{
    if (const std::optional<double> f = JobMetrics::progressFraction(job))
        return f;
    // Gemini reports its total beside the percentage, but no processed count.
    if (job.progressPercent && !job.processedRecordCount)
        return std::clamp(*job.progressPercent / 100.0, 0.0, 1.0);
    return std::nullopt;
}

QString firstLine(const QString &text)
{
    const qsizetype nl = text.indexOf(u'\n');
    return (nl < 0 ? text : text.left(nl)).trimmed();
}
} // namespace

JobTableModel::JobTableModel(QObject *parent)
    : JobTableModel(Clock(), parent)
{}

JobTableModel::JobTableModel(Clock clock, QObject *parent)
    : QAbstractTableModel(parent)
{
    setClock(std::move(clock));
    m_now = m_clock();
}

JobTableModel::~JobTableModel() = default;

QModelIndex JobTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows.size() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags JobTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(section)) {
    case StatusColumn:
        return tr("Status");
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("Job id");
    case ModelColumn:
        return tr("Model");
    case ProgressColumn:
        return tr("Progress");
    case SubmittedColumn:
        return tr("Submitted");
    case LastChangeColumn:
        return tr("Last change");
    case ElapsedColumn:
        return role == Qt::ToolTipRole ? tr("Elapsed while running, duration once ended")
                                       : tr("Elapsed");
    case ExpiresColumn:
        return tr("Expires in");
    case EtaColumn:
        return role == Qt::ToolTipRole ? tr("Estimated time to completion") : tr("ETA");
    case MessageColumn:
        return tr("Message");
    case StaleColumn:
        return role == Qt::ToolTipRole ? tr("Since when the row has not been confirmed")
                                       : tr("Stale");
    case ProviderColumn:
        return role == Qt::ToolTipRole ? tr("Whose batch this is: Bedrock, or the provider "
                                            "named by Bifrost's native API")
                                       : tr("Provider");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> JobTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    names.insert(IdentifierRole, "identifier");
    names.insert(ProfileIdRole, "profileId");
    names.insert(JobStatusRole, "jobStatus");
    names.insert(StatusTextRole, "statusText");
    names.insert(StatusGroupRole, "statusGroup");
    names.insert(IsTerminalRole, "isTerminal");
    names.insert(ProgressTotalRole, "progressTotal");
    names.insert(ProgressProcessedRole, "progressProcessed");
    names.insert(ProgressSucceededRole, "progressSucceeded");
    names.insert(ProgressFailedRole, "progressFailed");
    names.insert(ProgressFractionRole, "progressFraction");
    names.insert(ErrorShareRole, "errorShare");
    names.insert(AtRiskRole, "atRisk");
    names.insert(ExpiryRole, "expiry");
    names.insert(RateRole, "rate");
    names.insert(StaleRole, "stale");
    names.insert(StaleSinceRole, "staleSince");
    names.insert(NotFoundRole, "notFound");
    names.insert(LastErrorRole, "lastError");
    names.insert(MessageRole, "message");
    names.insert(JobArnRole, "jobArn");
    names.insert(SubmitTimeRole, "submitTime");
    names.insert(WatchedJobRole, "watchedJob");
    names.insert(CountsReportedRole, "countsReported");
    names.insert(ProviderRole, "provider");
    names.insert(SearchTextRole, "searchText");
    return names;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    // What checkIndex(IndexIsValid | ParentIsInvalid) checks, without its virtual calls: a table
    // index is never a child.
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size()
        || index.column() >= ColumnCount)
        return {};
    return cellData(m_rows.at(index.row()), index.column(), role);
}

QString JobTableModel::makeSearchText(const Row &row)
{
    const WatchedJob &w = row.job;
    const QChar nl = u'\n';
    // Whitespace separates the filter's terms, so none can match across two fields.
    const QString joined = w.job.jobName.value_or(QString()) + nl + w.identifier + nl + row.shortId
                           + nl + w.job.jobArn.value_or(QString()) + nl
                           + w.job.modelId.value_or(QString());
    return joined.toCaseFolded();
}

QVariant JobTableModel::cellData(const Row &row, int column, int role) const
{
    const WatchedJob &w = row.job;
    const Job &job = w.job;

    // Row properties first: the same on every column.
    switch (role) {
    case IdentifierRole:
        return w.identifier;
    case ProfileIdRole:
        return w.profileId;
    case StaleRole:
        return w.isStale();
    case NotFoundRole:
        return w.notFound;
    case WatchedJobRole:
        return QVariant::fromValue(w);
    case SearchTextRole:
        return row.searchText;
    default:
        break;
    }

    switch (Column(column)) {
    case StatusColumn: {
        const JobStatus code = job.statusCode();
        // A job the gateway does not know, and never reported: say so where the status goes.
        const bool unknownJob = w.notFound && !job.status;
        switch (role) {
        case Qt::DisplayRole:
            return unknownJob ? tr("Not found") : job.statusText();
        case Qt::ToolTipRole: {
            QString text = job.statusText();
            if (job.status && code == JobStatus::Unknown)
                text = tr("%1 (not a status batchwatch knows; treated as active)")
                               .arg(job.statusText());
            if (const QString verdict = resultsContradiction(w); !verdict.isEmpty())
                text += u'\n' + verdict;
            return text;
        }
        case RawValueRole:
            return job.status ? QVariant(lifecycleRank(code)) : QVariant();
        case JobStatusRole:
            return int(code);
        case StatusTextRole:
            return unknownJob ? tr("Not found") : job.statusText();
        case StatusGroupRole:
            return int(job.statusGroup());
        case IsTerminalRole:
            return Status::isTerminal(code);
        default:
            return {};
        }
    }
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            // Without a name, a job the gateway does not know shows what it was added as, and
            // a job it knows its short id: rows of a gateway that sends no names (Bifrost's
            // Bedrock route) stay tellable apart when the Job id column is hidden or far right.
            if (!job.jobName || job.jobName->isEmpty())
                return w.notFound ? w.identifier : row.shortId;
            return *job.jobName;
        case RawValueRole:
            return optionalVariant(job.jobName);
        default:
            return {};
        }
    case IdColumn:
        switch (role) {
        case Qt::DisplayRole:
            return row.shortId;
        case Qt::ToolTipRole:
            if (job.jobArn && *job.jobArn != w.identifier)
                return tr("%1\nwatched as %2").arg(*job.jobArn, w.identifier);
            return w.identifier;
        case RawValueRole:
            return row.shortId;
        case JobArnRole:
            return optionalVariant(job.jobArn);
        default:
            return {};
        }
    case ModelColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return job.modelId.value_or(QString());
        case RawValueRole:
            return optionalVariant(job.modelId);
        default:
            return {};
        }
    case ProgressColumn: {
        const std::optional<double> fraction = progressOf(job);
        const bool percentOnly = !job.totalRecordCount && !job.processedRecordCount;
        switch (role) {
        case Qt::DisplayRole:
            if (percentOnly)
                return fraction ? percentText(*fraction) : QString();
            return QString(countText(job.processedRecordCount) + QStringLiteral(" / ")
                           + countText(job.totalRecordCount));
        case Qt::ToolTipRole: {
            if (percentOnly)
                return fraction ? tr("%1 done, as the provider reports it (no record counts)")
                                          .arg(percentText(*fraction))
                                : QString();
            QString text = fraction ? tr("%1 of %2 records processed (%3)")
                                              .arg(countText(job.processedRecordCount),
                                                   countText(job.totalRecordCount),
                                                   percentText(*fraction))
                                    : tr("%1 records processed; total not known yet")
                                              .arg(countText(job.processedRecordCount));
            if (job.errorRecordCount) {
                const std::optional<double> share = JobMetrics::errorShare(job);
                text += u'\n'
                        + (share ? tr("%1 failed (%2 of processed)")
                                           .arg(countText(job.errorRecordCount),
                                                percentText(*share))
                                 : tr("%1 failed").arg(countText(job.errorRecordCount)));
            }
            return text;
        }
        case RawValueRole:
        case ProgressFractionRole:
            return optionalVariant(fraction);
        case ProgressTotalRole:
            return optionalVariant(job.totalRecordCount);
        case ProgressProcessedRole:
            return optionalVariant(job.processedRecordCount);
        case ProgressSucceededRole:
            return optionalVariant(job.successRecordCount);
        case ProgressFailedRole:
            return optionalVariant(job.errorRecordCount);
        case ErrorShareRole:
            return optionalVariant(JobMetrics::errorShare(job));
        case CountsReportedRole: {
            if (!w.fetchedAt.isValid())
                return {}; // no answer yet: not known
            for (JobField f : {JobField::TotalRecordCount, JobField::ProcessedRecordCount,
                               JobField::SuccessRecordCount, JobField::ErrorRecordCount}) {
                if (w.everReported.has(f) || job.has(f))
                    return true;
            }
            return false;
        }
        default:
            return {};
        }
    }
    case SubmittedColumn: {
        const QDateTime t = job.submitTime.value_or(QDateTime());
        switch (role) {
        case Qt::DisplayRole:
            return JobMetrics::formatRelative(t, m_now);
        case Qt::ToolTipRole:
            return absoluteTime(t);
        case RawValueRole:
        case SubmitTimeRole:
            return t.isValid() ? QVariant(t) : QVariant();
        default:
            return {};
        }
    }
    case LastChangeColumn: {
        // The gateway's lastModifiedTime; sparse gateways only send endTime, which is the last
        // change of an ended job.
        const QDateTime t = job.lastModifiedTime.value_or(job.endTime.value_or(QDateTime()));
        switch (role) {
        case Qt::DisplayRole:
            return JobMetrics::formatRelative(t, m_now);
        case Qt::ToolTipRole:
            return absoluteTime(t);
        case RawValueRole:
            return t.isValid() ? QVariant(t) : QVariant();
        default:
            return {};
        }
    }
    case ElapsedColumn:
        switch (role) {
        case Qt::DisplayRole:
            return row.elapsed ? JobMetrics::formatDuration(*row.elapsed) : QString();
        case Qt::ToolTipRole: {
            if (!row.elapsed || !job.submitTime)
                return QString();
            if (job.status && job.status->isTerminal()) {
                const QDateTime end
                        = job.endTime.value_or(job.lastModifiedTime.value_or(QDateTime()));
                return tr("%1 to %2").arg(absoluteTime(*job.submitTime), absoluteTime(end));
            }
            return tr("Since %1").arg(absoluteTime(*job.submitTime));
        }
        case RawValueRole:
            return optionalVariant(row.elapsed);
        default:
            return {};
        }
    case ExpiresColumn:
        switch (role) {
        case Qt::DisplayRole:
            if (!row.toExpiry)
                return QString();
            // A passed expiry says only its largest unit ("1 h ago"): the column is sized for
            // "23 h 59 min"; the tool tip has the exact figure.
            if (*row.toExpiry < 0)
                return tr("%1 ago").arg(JobMetrics::formatCoarseDuration(-*row.toExpiry));
            return JobMetrics::formatDuration(*row.toExpiry);
        case Qt::ToolTipRole:
            if (!row.toExpiry || !job.jobExpirationTime)
                return QString();
            if (*row.toExpiry < 0)
                return tr("Expiry passed %1 ago, at %2")
                        .arg(JobMetrics::formatDuration(-*row.toExpiry),
                             absoluteTime(*job.jobExpirationTime));
            return tr("Expires %1").arg(absoluteTime(*job.jobExpirationTime));
        case RawValueRole:
            return optionalVariant(row.toExpiry);
        case ExpiryRole:
            return optionalVariant(job.jobExpirationTime);
        case AtRiskRole:
            return row.atRisk;
        default:
            return {};
        }
    case EtaColumn:
        switch (role) {
        case Qt::DisplayRole:
            return row.eta ? JobMetrics::formatDuration(row.eta->seconds) : QString();
        case Qt::ToolTipRole: {
            if (!row.eta)
                return QString();
            const ProgressRate &basis = row.eta->basis;
            return tr("Around %1\nat %2 records/min over the last %3 (%4 samples)")
                    .arg(absoluteTime(row.eta->finishAt),
                         QLocale().toString(basis.recordsPerMinute, 'f', 1),
                         JobMetrics::formatDuration(basis.windowSeconds),
                         QString::number(basis.sampleCount));
        }
        case RawValueRole:
            return row.eta ? QVariant(row.eta->seconds) : QVariant();
        case RateRole:
            return row.rate ? QVariant(row.rate->recordsPerMinute) : QVariant();
        default:
            return {};
        }
    case MessageColumn:
        switch (role) {
        case Qt::DisplayRole:
            return job.message ? firstLine(*job.message) : QString();
        case Qt::ToolTipRole:
        case MessageRole:
            return job.message.value_or(QString());
        case RawValueRole:
            return optionalVariant(job.message);
        default:
            return {};
        }
    case StaleColumn: {
        const bool stale = w.isStale();
        const QDateTime since = stale ? w.staleSince() : QDateTime();
        switch (role) {
        case Qt::DisplayRole: {
            if (!stale)
                return QString();
            if (!since.isValid())
                return tr("never confirmed");
            const QDateTime local = since.toLocalTime();
            const bool today = local.date() == m_now.toLocalTime().date();
            return tr("since %1")
                    .arg(local.toString(today ? QStringLiteral("HH:mm")
                                              : QStringLiteral("yyyy-MM-dd HH:mm")));
        }
        case Qt::ToolTipRole: {
            if (!stale)
                return QString();
            QStringList lines;
            if (w.notFound)
                lines << tr("Not found on this gateway");
            if (w.lastError)
                lines << w.lastError->describe();
            if (w.fetchedAt.isValid())
                lines << tr("Last confirmed %1 (%2)")
                                 .arg(absoluteTime(w.fetchedAt),
                                      JobMetrics::formatRelative(w.fetchedAt, m_now));
            else
                lines << tr("Not fetched yet");
            return lines.join(u'\n');
        }
        case RawValueRole:
        case StaleSinceRole:
            return since.isValid() ? QVariant(since) : QVariant();
        case LastErrorRole:
            return w.lastError ? w.lastError->describe() : QString();
        default:
            return {};
        }
    }
    case ProviderColumn:
        switch (role) {
        case Qt::DisplayRole:
            return providerLabel(job.providerOrBedrock());
        case Qt::ToolTipRole:
            return job.provider ? tr("%1, through Bifrost's native batch API")
                                          .arg(providerLabel(*job.provider))
                                : tr("Bedrock (the provider was not reported)");
        case RawValueRole:
        case ProviderRole:
            return job.providerOrBedrock();
        default:
            return {};
        }
    case ColumnCount:
        break;
    }
    return {};
}

QStringList JobTableModel::providers() const
{
    QStringList out;
    for (const Row &row : m_rows) {
        const QString p = row.job.job.providerOrBedrock();
        if (!out.contains(p))
            out << p;
    }
    out.sort();
    return out;
}

QString JobTableModel::providerLabel(const QString &provider)
{
    static const QHash<QString, QString> labels{
            {QStringLiteral("bedrock"), QStringLiteral("Bedrock")},
            {QStringLiteral("openai"), QStringLiteral("OpenAI")},
            {QStringLiteral("azure"), QStringLiteral("Azure OpenAI")},
            {QStringLiteral("anthropic"), QStringLiteral("Anthropic")},
            {QStringLiteral("gemini"), QStringLiteral("Gemini")},
            {QStringLiteral("vertex"), QStringLiteral("Vertex AI")},
    };
    return labels.value(provider.toLower(), provider);
}

const QList<int> &JobTableModel::rolesOfColumn(int column)
{
    static const std::array<QList<int>, ColumnCount> roles = [] {
        std::array<QList<int>, ColumnCount> all;
        for (int c = 0; c < ColumnCount; ++c)
            all[size_t(c)] = makeRolesOfColumn(c);
        return all;
    }();
    return roles[size_t(std::clamp(column, 0, ColumnCount - 1))];
}

QList<int> JobTableModel::makeRolesOfColumn(int column)
{
    QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole, RawValueRole};
    switch (Column(column)) {
    case StatusColumn:
        roles << JobStatusRole << StatusTextRole << StatusGroupRole << IsTerminalRole;
        break;
    case IdColumn:
        roles << JobArnRole;
        break;
    case ProgressColumn:
        roles << ProgressTotalRole << ProgressProcessedRole << ProgressSucceededRole
              << ProgressFailedRole << ProgressFractionRole << ErrorShareRole << CountsReportedRole;
        break;
    case SubmittedColumn:
        roles << SubmitTimeRole;
        break;
    case ExpiresColumn:
        roles << ExpiryRole << AtRiskRole;
        break;
    case EtaColumn:
        roles << RateRole;
        break;
    case MessageColumn:
        roles << MessageRole;
        break;
    case StaleColumn:
        roles << StaleSinceRole << LastErrorRole;
        break;
    case ProviderColumn:
        roles << ProviderRole;
        break;
    case NameColumn:
    case ModelColumn:
    case LastChangeColumn:
    case ElapsedColumn:
    case ColumnCount:
        break;
    }
    return roles;
}

quint32 JobTableModel::columnsForFields(const JobFields &fields)
{
    quint32 columns = 0;
    for (const JobField f : fields.toList()) {
        switch (f) {
        case JobField::JobArn:
            columns |= columnBit(IdColumn);
            break;
        case JobField::Status:
            // Terminal and queued states drive elapsed, expiry, at-risk and the ETA.
            columns |= columnBit(StatusColumn) | columnBit(ElapsedColumn) | columnBit(ExpiresColumn)
                       | columnBit(EtaColumn);
            break;
        case JobField::JobName:
            columns |= columnBit(NameColumn);
            break;
        case JobField::ModelId:
            columns |= columnBit(ModelColumn);
            break;
        case JobField::Message:
            columns |= columnBit(MessageColumn);
            break;
        case JobField::SubmitTime:
            columns |= columnBit(SubmittedColumn) | columnBit(ElapsedColumn);
            break;
        case JobField::LastModifiedTime:
        case JobField::EndTime:
            columns |= columnBit(LastChangeColumn) | columnBit(ElapsedColumn);
            break;
        case JobField::JobExpirationTime:
            columns |= columnBit(ExpiresColumn);
            break;
        case JobField::TotalRecordCount:
        case JobField::ProcessedRecordCount:
        case JobField::SuccessRecordCount:
            columns |= columnBit(ProgressColumn) | columnBit(EtaColumn);
            break;
        case JobField::ErrorRecordCount:
            // Also the status group: "ended" with failed records is Failed.
            columns |= columnBit(ProgressColumn) | columnBit(EtaColumn) | columnBit(StatusColumn);
            break;
        case JobField::RoleArn:
        case JobField::ClientRequestToken:
        case JobField::InputDataConfig:
        case JobField::OutputDataConfig:
        case JobField::VpcConfig:
        case JobField::TimeoutDurationInHours:
        case JobField::ModelInvocationType:
            break; // not shown in the table (fieldDiff() does not compare them)
        case JobField::Provider:
            columns |= columnBit(ProviderColumn);
            break;
        case JobField::InProgressAt:
        case JobField::FinalizingAt:
        case JobField::CompletedAt:
        case JobField::FailedAt:
        case JobField::ExpiredAt:
        case JobField::CancellingAt:
        case JobField::CancelledAt:
            break; // shown in the details panel only
        case JobField::ProgressPercent:
            columns |= columnBit(ProgressColumn) | columnBit(EtaColumn);
            break;
        }
    }
    return columns;
}

JobTableModel::Row JobTableModel::makeRow(const WatchedJob &job) const
{
    Row row;
    fillRow(row, job);
    return row;
}

void JobTableModel::fillRow(Row &row, const WatchedJob &job) const
{
    row.job = job;
    // JobIdentifier::shortId() is the trimmed text of anything that does not start like an
    // ARN: classified only when it does (parsing was 40 % of making a row at start-up, issue 13).
    const QString trimmed = job.identifier.trimmed();
    row.shortId = trimmed.startsWith(QLatin1StringView("arn:"), Qt::CaseInsensitive)
                          ? JobIdentifier::parse(job.identifier).shortId()
                          : trimmed;
    if (row.shortId.isEmpty())
        row.shortId = job.identifier;
    row.searchText = makeSearchText(row);
    computeDerived(row);
}

void JobTableModel::computeDerived(Row &row) const
{
    // Most rows have no samples (terminal jobs, a fresh start): no key to make then.
    row.samples.clear();
    if (!m_samples.isEmpty()) {
        const auto it = m_samples.constFind(jobKeyOf(row.job.identifier));
        if (it != m_samples.constEnd())
            row.samples = *it; // shared, not copied
    }
    computeTimes(row);
}

void JobTableModel::computeTimes(Row &row) const
{
    const Job &job = row.job.job;
    row.elapsed = JobMetrics::elapsed(job, m_now);
    row.toExpiry = JobMetrics::timeToExpiry(job, m_now);
    row.atRisk = JobMetrics::isAtRisk(job, m_now, m_expiryThreshold);
    row.rate = JobMetrics::processingRate(row.samples, m_now, m_rateWindow);
    row.eta = JobMetrics::eta(job, row.samples, m_now, m_rateWindow);
}

bool JobTableModel::diffRow(const Row &before, int row, quint32 candidateColumns,
                            RowChange &out) const
{
    const Row &after = m_rows.at(row);
    bool any = false;
    for (int column = 0; column < ColumnCount; ++column) {
        if (!(candidateColumns & columnBit(column)))
            continue;
        for (const int role : rolesOfColumn(column)) {
            if (cellData(before, column, role) != cellData(after, column, role)
                && !out.roles[column].contains(role)) {
                out.roles[column].append(role);
                any = true;
            }
        }
    }
    // Row properties that mark the whole row.
    for (const int role : {int(StaleRole), int(NotFoundRole)}) {
        if (cellData(before, 0, role) == cellData(after, 0, role))
            continue;
        for (int column = 0; column < ColumnCount; ++column) {
            if (!out.roles[column].contains(role))
                out.roles[column].append(role);
        }
        any = true;
    }
    out.row = row;
    return any;
}

namespace {
// Up to this many changed rows are announced cell by cell; more are announced in ranges.
constexpr qsizetype kCellByCellRows = 8;
} // namespace

void JobTableModel::emitChanges(QList<RowChange> changes)
{
    if (changes.isEmpty())
        return;

    if (changes.size() > 1 && changes.size() * 2 > m_rows.size()) {
        emitUnion(changes, 0, changes.size() - 1);
        return;
    }
    if (changes.size() <= kCellByCellRows) {
        for (const RowChange &c : std::as_const(changes))
            emitRowCells(c);
        return;
    }

    // Many rows, scattered: a sorted QSortFilterProxyModel re-sorts (a layout change, O(rows))
    // for each dataChanged touching its sort column, so 1,000 single-row signals cost it 1,000
    // layout changes. Rows closer than `gap` to the previous changed row share one ranged
    // signal (the union of their cells and roles; the rows between are announced too, which
    // costs a receiver one look at each); a row alone in its stretch is announced cell by cell.
    std::sort(changes.begin(), changes.end(),
              [](const RowChange &a, const RowChange &b) { return a.row < b.row; });
    const int gap = stretchGap();
    qsizetype first = 0;
    while (first < changes.size()) {
        qsizetype last = first;
        while (last + 1 < changes.size() && changes.at(last + 1).row - changes.at(last).row <= gap)
            ++last;
        if (last == first)
            emitRowCells(changes.at(first));
        else
            emitUnion(changes, first, last);
        first = last + 1;
    }
}

int JobTableModel::stretchGap() const
{
    return std::max(64, int(m_rows.size() / 64));
}

void JobTableModel::emitUnion(const QList<RowChange> &changes, qsizetype first, qsizetype last)
{
    int top = int(m_rows.size());
    int bottom = -1;
    int left = ColumnCount;
    int right = -1;
    QList<int> roles;
    for (qsizetype i = first; i <= last; ++i) {
        const RowChange &c = changes.at(i);
        for (int column = 0; column < ColumnCount; ++column) {
            if (c.roles[column].isEmpty())
                continue;
            top = std::min(top, c.row);
            bottom = std::max(bottom, c.row);
            left = std::min(left, column);
            right = std::max(right, column);
            for (const int role : c.roles[column]) {
                if (!roles.contains(role))
                    roles.append(role);
            }
        }
    }
    if (bottom < 0)
        return;
    std::sort(roles.begin(), roles.end());
    Q_EMIT dataChanged(index(top, left), index(bottom, right), roles);
}

void JobTableModel::emitRowCells(const RowChange &c)
{
    int column = 0;
    while (column < ColumnCount) {
        if (c.roles[column].isEmpty()) {
            ++column;
            continue;
        }
        QList<int> roles = c.roles[column];
        std::sort(roles.begin(), roles.end());
        int last = column;
        while (last + 1 < ColumnCount) {
            QList<int> next = c.roles[last + 1];
            std::sort(next.begin(), next.end());
            if (next != roles)
                break;
            ++last;
        }
        Q_EMIT dataChanged(index(c.row, column), index(c.row, last), roles);
        column = last + 1;
    }
}

void JobTableModel::rebuildIndex()
{
    m_rowByIdentifier.clear();
    m_rowByIdentifier.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowByIdentifier.insert(jobKeyOf(m_rows.at(i).job.identifier), i);
}

void JobTableModel::setJobs(const QList<WatchedJob> &jobs)
{
    beginResetModel();
    m_rows.clear();
    m_rowByIdentifier.clear();
    // The rows staged for the first of these jobs (stageJobs) are taken as they are, up to the
    // first job that is not the one staged at its position: its identifier is not the very
    // text staged (a copy of the same record shares it; a job watched while loading does not).
    qsizetype taken = 0;
    const qsizetype stagedFit = std::min(m_staged.size(), jobs.size());
    while (taken < stagedFit
           && m_staged.at(taken).job.identifier.constData()
                      == jobs.at(taken).identifier.constData())
        ++taken;
    if (taken > 0) {
        m_rows = std::move(m_staged);
        m_rowByIdentifier = std::move(m_stagedIndex);
        for (qsizetype i = taken; i < m_rows.size(); ++i)
            m_rowByIdentifier.remove(jobKeyOf(m_rows.at(i).job.identifier));
        m_rows.resize(taken);
        if (m_stagedStale) {
            for (Row &row : m_rows)
                computeDerived(row);
        }
    }
    dropStaged();
    m_stageBroken = false;
    m_rows.reserve(jobs.size());
    m_rowByIdentifier.reserve(jobs.size());
    for (qsizetype i = taken; i < jobs.size(); ++i) {
        const WatchedJob &job = jobs.at(i);
        if (job.identifier.isEmpty()) {
            qCWarning(lcModel) << "ignoring a watched job without identifier";
            continue;
        }
        const QString key = jobKeyOf(job.identifier);
        const auto it = m_rowByIdentifier.constFind(key);
        if (it != m_rowByIdentifier.constEnd()) {
            m_rows[*it] = makeRow(job);
            continue;
        }
        m_rowByIdentifier.insert(key, int(m_rows.size()));
        // Made in place in the reserved array (not made, then moved in: issue 13).
        fillRow(m_rows.emplaceBack(), job);
    }
    endResetModel();
}

void JobTableModel::stageJobs(const QList<WatchedJob> &jobs, qsizetype all)
{
    if (!m_rows.isEmpty() || m_stageBroken)
        return;
    const qsizetype want = std::max(all, m_staged.size() + jobs.size());
    m_staged.reserve(want); // sized once when `all` is known
    m_stagedIndex.reserve(want);
    for (const WatchedJob &job : jobs) {
        const qsizetype known = m_stagedIndex.size();
        int *slot = job.identifier.isEmpty() ? nullptr : &m_stagedIndex[jobKeyOf(job.identifier)];
        if (!slot || m_stagedIndex.size() == known) {
            dropStaged();
            m_stageBroken = true;
            return;
        }
        *slot = int(m_staged.size());
        fillRow(m_staged.emplaceBack(), job);
    }
}

void JobTableModel::dropStaged()
{
    m_staged = {};
    m_stagedIndex = {};
    m_stagedStale = false;
}

int JobTableModel::findRow(const QString &identifier, int hint) const
{
    // The identifier a row keeps is unique among the rows (one row per job key), so a row with
    // the very same identifier is the job's row whatever its key.
    if (hint >= 0 && hint < m_rows.size() && m_rows.at(hint).job.identifier == identifier)
        return hint;
    return m_rowByIdentifier.value(jobKeyOf(identifier), -1);
}

void JobTableModel::upsertJobs(const QList<WatchedJob> &jobs)
{
    upsertImpl(jobs);
}

void JobTableModel::upsertTakenJobs(QList<WatchedJob> &&jobs)
{
    QList<WatchedJob> taken = std::move(jobs);
    upsertImpl(taken);
}

template<typename Jobs>
void JobTableModel::upsertImpl(Jobs &jobs)
{
    // Jobs is a QList<WatchedJob> whose records may be moved from, or a const one (copied).
    constexpr bool kMove = !std::is_const_v<Jobs>;
    dropStaged();
    if constexpr (kMove)
        jobs.detach(); // shared with a caller's copy: moving from it would detach per record
    // A changed row is first compared only until its first difference and on the (column, role)
    // pairs not yet in the union of all changes: when more than half of the rows change, one
    // ranged dataChanged announces that union (as emitChanges() does), so most of a 10,000-row
    // refresh renders one or two cells twice rather than every candidate role. When fewer rows
    // changed, each is diffed in full at the end and announced cell by cell.
    struct Changed
    {
        int row = -1;
        quint32 candidates = 0;
        Row before; // the row before this call
    };
    QList<Changed> changed;
    changed.reserve(std::min(jobs.size(), m_rows.size()));
    QHash<int, qsizetype> changedOfRow;
    changedOfRow.reserve(std::min(jobs.size(), m_rows.size()));
    using Union = QList<int>[ColumnCount];
    Union unionRoles;
    // Whether `after` differs from `before` on a candidate role, adding to `acc` the differing
    // pairs not in it yet (so `acc` ends as the complete union of the rows compared into it).
    const auto differsInto
            = [this](Union &acc, const Row &before, const Row &after, quint32 candidates) {
                  const auto add = [&acc](int column, int role) {
                      if (!acc[column].contains(role))
                          acc[column].append(role);
                  };
                  bool any = false;
                  for (const int role : {int(StaleRole), int(NotFoundRole)}) {
                      if ((any && acc[0].contains(role))
                          || cellData(before, 0, role) == cellData(after, 0, role))
                          continue;
                      any = true;
                      for (int column = 0; column < ColumnCount; ++column)
                          add(column, role);
                  }
                  for (int column = 0; column < ColumnCount; ++column) {
                      if (!(candidates & columnBit(column)))
                          continue;
                      for (const int role : rolesOfColumn(column)) {
                          if ((any && acc[column].contains(role))
                              || cellData(before, column, role) == cellData(after, column, role))
                              continue;
                          any = true;
                          add(column, role);
                      }
                  }
                  return any;
              };
    const auto differs = [&](const Row &before, const Row &after, quint32 candidates) {
        return differsInto(unionRoles, before, after, candidates);
    };
    QList<WatchedJob> inserts;
    QHash<QString, qsizetype> insertOf;

    int hint = 0; // the row after the previous one found
    for (auto &job : jobs) {
        if (job.identifier.isEmpty()) {
            qCWarning(lcModel) << "ignoring a watched job without identifier";
            continue;
        }
        const int row = findRow(job.identifier, hint);
        if (row < 0) {
            const QString key = jobKeyOf(job.identifier);
            const auto pending = insertOf.constFind(key);
            if (pending != insertOf.constEnd()) {
                if constexpr (kMove)
                    inserts[*pending] = std::move(job);
                else
                    inserts[*pending] = job;
            } else {
                insertOf.insert(key, inserts.size());
                if constexpr (kMove)
                    inserts.append(std::move(job));
                else
                    inserts.append(job);
            }
            continue;
        }
        hint = row + 1;

        // The row before this call is moved out (not copied) and kept only when it differs.
        Row &current = m_rows[row];
        Row before = std::move(current);
        quint32 candidates
                = columnsForFields(fieldDiff(before.job.job, job.job)) | columnBit(StaleColumn);
        if (before.job.results != job.results)
            candidates |= columnBit(StatusColumn); // the tooltip tells what the results say
        if constexpr (kMove)
            current.job = std::move(job);
        else
            current.job = job;
        current.job.identifier = before.job.identifier; // the row keeps the form first given
        current.shortId = before.shortId;
        const Job &now = current.job.job;
        if (now.jobName != before.job.job.jobName || now.jobArn != before.job.job.jobArn
            || now.modelId != before.job.job.modelId)
            current.searchText = makeSearchText(current);
        else
            current.searchText = before.searchText;
        computeDerived(current);

        // A row met again in this call is compared with its state before the call.
        if (const auto known = changedOfRow.constFind(row); known != changedOfRow.constEnd()) {
            Changed &c = changed[*known];
            c.candidates |= candidates;
            differs(c.before, current, c.candidates);
        } else if (differs(before, current, candidates)) {
            changedOfRow.insert(row, changed.size());
            Changed &c = changed.emplaceBack();
            c.row = row;
            c.candidates = candidates;
            c.before = std::move(before);
        }
    }

    if (changed.size() > 1 && changed.size() * 2 > m_rows.size()) {
        int top = int(m_rows.size());
        int bottom = -1;
        for (const Changed &c : std::as_const(changed)) {
            top = std::min(top, c.row);
            bottom = std::max(bottom, c.row);
        }
        int left = ColumnCount;
        int right = -1;
        QList<int> roles;
        for (int column = 0; column < ColumnCount; ++column) {
            if (unionRoles[column].isEmpty())
                continue;
            left = std::min(left, column);
            right = std::max(right, column);
            for (const int role : std::as_const(unionRoles[column])) {
                if (!roles.contains(role))
                    roles.append(role);
            }
        }
        std::sort(roles.begin(), roles.end());
        Q_EMIT dataChanged(index(top, left), index(bottom, right), roles);
    } else if (changed.size() > kCellByCellRows) {
        // In stretches, as emitChanges() cuts them; the union of a stretch is built lazily (as
        // above, from the rows before this call), a lone row is diffed in full.
        std::sort(changed.begin(), changed.end(),
                  [](const Changed &a, const Changed &b) { return a.row < b.row; });
        const int gap = stretchGap();
        qsizetype first = 0;
        while (first < changed.size()) {
            qsizetype last = first;
            while (last + 1 < changed.size()
                   && changed.at(last + 1).row - changed.at(last).row <= gap)
                ++last;
            if (last == first) {
                const Changed &c = changed.at(first);
                RowChange change;
                if (diffRow(c.before, c.row, c.candidates, change))
                    emitRowCells(change);
            } else {
                RowChange stretch;
                for (qsizetype i = first; i <= last; ++i) {
                    const Changed &c = changed.at(i);
                    differsInto(stretch.roles, c.before, m_rows.at(c.row), c.candidates);
                }
                RowChange top;
                RowChange bottom;
                top.row = changed.at(first).row;
                bottom.row = changed.at(last).row;
                for (int column = 0; column < ColumnCount; ++column)
                    top.roles[column] = bottom.roles[column] = stretch.roles[column];
                emitUnion({top, bottom}, 0, 1);
            }
            first = last + 1;
        }
    } else {
        QList<RowChange> changes;
        changes.reserve(changed.size());
        for (const Changed &c : std::as_const(changed)) {
            RowChange change;
            if (diffRow(c.before, c.row, c.candidates, change))
                changes.append(change);
        }
        emitChanges(changes);
    }

    if (!inserts.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(inserts.size()) - 1);
        for (const WatchedJob &job : std::as_const(inserts)) {
            m_rowByIdentifier.insert(jobKeyOf(job.identifier), int(m_rows.size()));
            m_rows.append(makeRow(job));
        }
        endInsertRows();
    }
}

void JobTableModel::removeJobs(const QStringList &identifiers)
{
    dropStaged();
    QList<int> rows;
    for (const QString &id : identifiers) {
        const int row = rowOf(id);
        if (row >= 0 && !rows.contains(row))
            rows.append(row);
        m_samples.remove(jobKeyOf(id));
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());

    // Highest range first, so the rows of the remaining ranges keep their numbers.
    qsizetype i = 0;
    while (i < rows.size()) {
        const int last = rows.at(i);
        int first = last;
        while (i + 1 < rows.size() && rows.at(i + 1) == first - 1) {
            ++i;
            --first;
        }
        ++i;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        rebuildIndex();
        endRemoveRows();
    }
}

void JobTableModel::setProgressSamples(const QString &identifier,
                                       const QList<ProgressSample> &samples)
{
    if (samples.isEmpty())
        m_samples.remove(jobKeyOf(identifier));
    else
        m_samples.insert(jobKeyOf(identifier), samples);
    m_stagedStale = !m_staged.isEmpty();

    const int row = rowOf(identifier);
    if (row < 0)
        return;
    const Row before = m_rows.at(row);
    computeDerived(m_rows[row]);
    RowChange change;
    if (diffRow(before, row, columnBit(EtaColumn), change))
        emitChanges({change});
}

void JobTableModel::addProgressSample(const QString &identifier, const ProgressSample &sample)
{
    QList<ProgressSample> samples = m_samples.value(jobKeyOf(identifier));
    samples.append(sample);
    setProgressSamples(identifier, samples);
}

int JobTableModel::rowOf(const QString &identifier) const
{
    return m_rowByIdentifier.value(jobKeyOf(identifier), -1);
}

const WatchedJob *JobTableModel::jobAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row).job;
}

QList<WatchedJob> JobTableModel::jobs() const
{
    QList<WatchedJob> out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows)
        out.append(row.job);
    return out;
}

void JobTableModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

namespace {
qint64 instantMs(const std::optional<QDateTime> &t)
{
    return t && t->isValid() ? t->toMSecsSinceEpoch() : JobMetrics::kNoInstant;
}
} // namespace

void JobTableModel::setNow(const QDateTime &now)
{
    const QDateTime before = m_now;
    m_now = now.toUTC();
    m_stagedStale = !m_staged.isEmpty();
    if (m_rows.isEmpty())
        return;
    // Only the cells whose text or value moved are announced: a second later that is the
    // running jobs' figures and the few "… ago" texts that turned over, not every row (which
    // made a 100,000-row table cost 150 ms a second and its sorted proxy re-sort each time).
    const qint64 beforeMs = before.isValid() ? before.toMSecsSinceEpoch() : JobMetrics::kNoInstant;
    const qint64 nowMs = m_now.isValid() ? m_now.toMSecsSinceEpoch() : JobMetrics::kNoInstant;
    const bool newDay = !before.isValid() || !m_now.isValid()
                        || before.toLocalTime().date() != m_now.toLocalTime().date();
    const auto moved = [beforeMs, nowMs](qint64 instant) {
        return JobMetrics::relativeTextKey(instant, beforeMs)
               != JobMetrics::relativeTextKey(instant, nowMs);
    };
    // The figures of running jobs (values a proxy sorts on) in as few signals as emitChanges
    // makes; then the texts that turned over (no value a proxy sorts or filters on), column by
    // column in runs of adjacent rows: a span across columns would take in a sorted column
    // and have a sorted proxy place every row of the span again (O(rows x rows) in Qt 6.4).
    enum TextColumn { Submitted, LastChange, Stale, TextColumns };
    std::array<QList<int>, TextColumns> texts;
    QList<RowChange> figures;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const Job &job = row.job.job;
        if (moved(instantMs(job.submitTime)))
            texts[Submitted].append(i);
        if (moved(instantMs(job.lastModifiedTime ? job.lastModifiedTime : job.endTime)))
            texts[LastChange].append(i);
        // "since 14:05" or "since 2025-03-13 14:05", and "Last confirmed … (3 min ago)".
        if (row.job.isStale() && (newDay || moved(instantMs(row.job.fetchedAt))))
            texts[Stale].append(i);
        const std::optional<qint64> elapsed = row.elapsed;
        const std::optional<qint64> toExpiry = row.toExpiry;
        const bool atRisk = row.atRisk;
        const std::optional<ProgressRate> rate = row.rate;
        const std::optional<Eta> eta = row.eta;
        computeTimes(row);
        RowChange change;
        if (row.elapsed != elapsed)
            change.roles[ElapsedColumn] = rolesOfColumn(ElapsedColumn);
        if (row.toExpiry != toExpiry || row.atRisk != atRisk)
            change.roles[ExpiresColumn] = rolesOfColumn(ExpiresColumn);
        if (row.rate != rate || row.eta != eta)
            change.roles[EtaColumn] = rolesOfColumn(EtaColumn);
        if (!change.roles[ElapsedColumn].isEmpty() || !change.roles[ExpiresColumn].isEmpty()
            || !change.roles[EtaColumn].isEmpty()) {
            change.row = i;
            figures.append(std::move(change));
        }
    }
    emitChanges(std::move(figures));
    static const QList<int> kRelativeRoles{Qt::DisplayRole};
    static const QList<int> kStaleRoles{Qt::DisplayRole, Qt::ToolTipRole};
    emitRuns(SubmittedColumn, texts[Submitted], kRelativeRoles);
    emitRuns(LastChangeColumn, texts[LastChange], kRelativeRoles);
    emitRuns(StaleColumn, texts[Stale], kStaleRoles);
}

void JobTableModel::emitRuns(int column, const QList<int> &rows, const QList<int> &roles)
{
    for (qsizetype first = 0; first < rows.size();) {
        qsizetype last = first;
        while (last + 1 < rows.size() && rows.at(last + 1) == rows.at(last) + 1)
            ++last;
        Q_EMIT dataChanged(index(rows.at(first), column), index(rows.at(last), column), roles);
        first = last + 1;
    }
}

void JobTableModel::tick()
{
    setNow(m_clock());
}

void JobTableModel::recomputeAndAnnounce(quint32 candidateColumns)
{
    QList<RowChange> changes;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row before = m_rows.at(i);
        computeDerived(m_rows[i]);
        RowChange change;
        if (diffRow(before, i, candidateColumns, change))
            changes.append(change);
    }
    emitChanges(changes);
}

void JobTableModel::setExpiryWarningThreshold(qint64 seconds)
{
    if (seconds == m_expiryThreshold)
        return;
    m_expiryThreshold = seconds;
    m_stagedStale = !m_staged.isEmpty();
    recomputeAndAnnounce(columnBit(ExpiresColumn));
}

void JobTableModel::setRateWindow(qint64 seconds)
{
    if (seconds == m_rateWindow || seconds <= 0)
        return;
    m_rateWindow = seconds;
    m_stagedStale = !m_staged.isEmpty();
    recomputeAndAnnounce(columnBit(EtaColumn));
}

} // namespace bw
