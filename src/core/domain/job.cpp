#include "domain/job.h"

#include <array>
#include <bit>

namespace bw {

namespace {
constexpr std::array<QLatin1StringView, JobFieldCount> kFieldNames{
        QLatin1StringView("jobArn"),
        QLatin1StringView("status"),
        QLatin1StringView("jobName"),
        QLatin1StringView("modelId"),
        QLatin1StringView("roleArn"),
        QLatin1StringView("clientRequestToken"),
        QLatin1StringView("message"),
        QLatin1StringView("submitTime"),
        QLatin1StringView("lastModifiedTime"),
        QLatin1StringView("endTime"),
        QLatin1StringView("jobExpirationTime"),
        QLatin1StringView("inputDataConfig"),
        QLatin1StringView("outputDataConfig"),
        QLatin1StringView("vpcConfig"),
        QLatin1StringView("timeoutDurationInHours"),
        QLatin1StringView("modelInvocationType"),
        QLatin1StringView("totalRecordCount"),
        QLatin1StringView("processedRecordCount"),
        QLatin1StringView("successRecordCount"),
        QLatin1StringView("errorRecordCount"),
        QLatin1StringView("provider"),
        QLatin1StringView("inProgressAt"),
        QLatin1StringView("finalizingAt"),
        QLatin1StringView("completedAt"),
        QLatin1StringView("failedAt"),
        QLatin1StringView("expiredAt"),
        QLatin1StringView("cancellingAt"),
        QLatin1StringView("cancelledAt"),
        QLatin1StringView("progressPercent"),
};

template<typename T>
void mergeField(std::optional<T> &mine, const std::optional<T> &theirs, JobFields &changed,
                JobField field)
{
    if (!theirs)
        return;
    if (!mine || !(*mine == *theirs))
        changed.set(field);
    mine = theirs;
}

// QDateTime equality compares instants, which is what we want.
} // namespace

QString jobFieldName(JobField field)
{
    return QString(kFieldNames[static_cast<size_t>(field)]);
}

std::optional<JobField> jobFieldFromName(QStringView name)
{
    for (size_t i = 0; i < kFieldNames.size(); ++i) {
        if (name == kFieldNames[i])
            return static_cast<JobField>(i);
    }
    return std::nullopt;
}

int JobFields::count() const
{
    return std::popcount(m_bits);
}

QList<JobField> JobFields::toList() const
{
    QList<JobField> out;
    for (int i = 0; i < JobFieldCount; ++i) {
        if (has(static_cast<JobField>(i)))
            out.append(static_cast<JobField>(i));
    }
    return out;
}

JobFields Job::presentFields() const
{
    JobFields f;
    auto mark = [&f](bool present, JobField field) {
        if (present)
            f.set(field);
    };
    mark(jobArn.has_value(), JobField::JobArn);
    mark(status.has_value(), JobField::Status);
    mark(jobName.has_value(), JobField::JobName);
    mark(modelId.has_value(), JobField::ModelId);
    mark(roleArn.has_value(), JobField::RoleArn);
    mark(clientRequestToken.has_value(), JobField::ClientRequestToken);
    mark(message.has_value(), JobField::Message);
    mark(submitTime.has_value(), JobField::SubmitTime);
    mark(lastModifiedTime.has_value(), JobField::LastModifiedTime);
    mark(endTime.has_value(), JobField::EndTime);
    mark(jobExpirationTime.has_value(), JobField::JobExpirationTime);
    mark(inputDataConfig.has_value(), JobField::InputDataConfig);
    mark(outputDataConfig.has_value(), JobField::OutputDataConfig);
    mark(vpcConfig.has_value(), JobField::VpcConfig);
    mark(timeoutDurationInHours.has_value(), JobField::TimeoutDurationInHours);
    mark(modelInvocationType.has_value(), JobField::ModelInvocationType);
    mark(totalRecordCount.has_value(), JobField::TotalRecordCount);
    mark(processedRecordCount.has_value(), JobField::ProcessedRecordCount);
    mark(successRecordCount.has_value(), JobField::SuccessRecordCount);
    mark(errorRecordCount.has_value(), JobField::ErrorRecordCount);
    mark(provider.has_value(), JobField::Provider);
    mark(inProgressAt.has_value(), JobField::InProgressAt);
    mark(finalizingAt.has_value(), JobField::FinalizingAt);
    mark(completedAt.has_value(), JobField::CompletedAt);
    mark(failedAt.has_value(), JobField::FailedAt);
    mark(expiredAt.has_value(), JobField::ExpiredAt);
    mark(cancellingAt.has_value(), JobField::CancellingAt);
    mark(cancelledAt.has_value(), JobField::CancelledAt);
    mark(progressPercent.has_value(), JobField::ProgressPercent);
    return f;
}

JobFields Job::mergeFrom(const Job &newer)
{
    JobFields changed;
    mergeField(jobArn, newer.jobArn, changed, JobField::JobArn);
    mergeField(status, newer.status, changed, JobField::Status);
    mergeField(jobName, newer.jobName, changed, JobField::JobName);
    mergeField(modelId, newer.modelId, changed, JobField::ModelId);
    mergeField(roleArn, newer.roleArn, changed, JobField::RoleArn);
    mergeField(clientRequestToken, newer.clientRequestToken, changed, JobField::ClientRequestToken);
    mergeField(message, newer.message, changed, JobField::Message);
    mergeField(submitTime, newer.submitTime, changed, JobField::SubmitTime);
    mergeField(lastModifiedTime, newer.lastModifiedTime, changed, JobField::LastModifiedTime);
    mergeField(endTime, newer.endTime, changed, JobField::EndTime);
    mergeField(jobExpirationTime, newer.jobExpirationTime, changed, JobField::JobExpirationTime);
    mergeField(inputDataConfig, newer.inputDataConfig, changed, JobField::InputDataConfig);
    mergeField(outputDataConfig, newer.outputDataConfig, changed, JobField::OutputDataConfig);
    mergeField(vpcConfig, newer.vpcConfig, changed, JobField::VpcConfig);
    mergeField(timeoutDurationInHours, newer.timeoutDurationInHours, changed,
               JobField::TimeoutDurationInHours);
    mergeField(modelInvocationType, newer.modelInvocationType, changed,
               JobField::ModelInvocationType);
    mergeField(totalRecordCount, newer.totalRecordCount, changed, JobField::TotalRecordCount);
    mergeField(processedRecordCount, newer.processedRecordCount, changed,
               JobField::ProcessedRecordCount);
    mergeField(successRecordCount, newer.successRecordCount, changed, JobField::SuccessRecordCount);
    mergeField(errorRecordCount, newer.errorRecordCount, changed, JobField::ErrorRecordCount);
    mergeField(provider, newer.provider, changed, JobField::Provider);
    mergeField(inProgressAt, newer.inProgressAt, changed, JobField::InProgressAt);
    mergeField(finalizingAt, newer.finalizingAt, changed, JobField::FinalizingAt);
    mergeField(completedAt, newer.completedAt, changed, JobField::CompletedAt);
    mergeField(failedAt, newer.failedAt, changed, JobField::FailedAt);
    mergeField(expiredAt, newer.expiredAt, changed, JobField::ExpiredAt);
    mergeField(cancellingAt, newer.cancellingAt, changed, JobField::CancellingAt);
    mergeField(cancelledAt, newer.cancelledAt, changed, JobField::CancelledAt);
    mergeField(progressPercent, newer.progressPercent, changed, JobField::ProgressPercent);
    return changed;
}

StatusGroup Job::statusGroup() const
{
    if (!status)
        return StatusGroup::Unknown;
    if (status->code() == JobStatus::Ended && errorRecordCount.value_or(0) > 0)
        return StatusGroup::Failed;
    return status->group();
}

QString Job::providerOrBedrock() const
{
    return provider && !provider->isEmpty() ? *provider : QStringLiteral("bedrock");
}

bool operator==(const Job &a, const Job &b)
{
    Job copy = a;
    return a.presentFields() == b.presentFields() && copy.mergeFrom(b).isEmpty();
}

} // namespace bw

namespace bw {

namespace {

// How message() names an expected type ("expected a string").
QString expectedWords(ValueType type)
{
    switch (type) {
    case ValueType::None:
        return QStringLiteral("a value");
    case ValueType::Null:
        return QStringLiteral("null");
    case ValueType::Boolean:
        return QStringLiteral("a boolean");
    case ValueType::Number:
        return QStringLiteral("a number");
    case ValueType::WholeNumber:
        return QStringLiteral("an integer");
    case ValueType::Count:
        return QStringLiteral("a count");
    case ValueType::Percentage:
        return QStringLiteral("a percentage from 0 to 100");
    case ValueType::Text:
        return QStringLiteral("a string");
    case ValueType::Timestamp:
        return QStringLiteral("a timestamp string");
    case ValueType::UnixTime:
        return QStringLiteral("Unix seconds");
    case ValueType::List:
        return QStringLiteral("an array");
    case ValueType::Object:
        return QStringLiteral("an object");
    }
    return QStringLiteral("a value");
}

// How message() names what came ("got a number", "got the string \"ten\"").
QString foundWords(ValueType type, const QString &value)
{
    if (!value.isEmpty()) {
        if (type == ValueType::Text)
            return QStringLiteral("the string \"%1\"").arg(value);
        return value;
    }
    return expectedWords(type == ValueType::WholeNumber || type == ValueType::Count
                                         || type == ValueType::Percentage
                                         || type == ValueType::UnixTime
                                 ? ValueType::Number
                         : type == ValueType::Timestamp ? ValueType::Text
                                                        : type);
}

} // namespace

QString valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::None:
        return {};
    case ValueType::Null:
        return QStringLiteral("null");
    case ValueType::Boolean:
        return QStringLiteral("boolean");
    case ValueType::Number:
        return QStringLiteral("number");
    case ValueType::WholeNumber:
        return QStringLiteral("whole-number");
    case ValueType::Count:
        return QStringLiteral("count");
    case ValueType::Percentage:
        return QStringLiteral("percentage");
    case ValueType::Text:
        return QStringLiteral("text");
    case ValueType::Timestamp:
        return QStringLiteral("timestamp");
    case ValueType::UnixTime:
        return QStringLiteral("unix-time");
    case ValueType::List:
        return QStringLiteral("list");
    case ValueType::Object:
        return QStringLiteral("object");
    }
    return {};
}

QString ParseProblem::message() const
{
    switch (kind) {
    case Kind::WrongType:
    case Kind::NotWholeNumber:
    case Kind::OutOfRange:
        return QStringLiteral("expected %1, got %2")
                .arg(expectedWords(expected), foundWords(found, value));
    case Kind::NumberAsText:
        return QStringLiteral("integer sent as a string");
    case Kind::BelowMinimum:
        return QStringLiteral("%1 is below the minimum %2").arg(value, limit);
    case Kind::NotATime:
        return found == ValueType::Text
                       ? QStringLiteral("\"%1\" is not a usable time").arg(value)
                       : QStringLiteral("number %1 is not a usable time").arg(value);
    case Kind::CountsDisagree:
        return QStringLiteral("%1 records finished out of a total of %2").arg(value, limit);
    case Kind::LeftOut:
        return QStringLiteral("an entry without an identifier is left out");
    case Kind::MoreEntries:
        return (value == u"1" ? QStringLiteral("%1 more entry is not %2")
                              : QStringLiteral("%1 more entries are not %2"))
                .arg(value, expectedWords(expected));
    case Kind::TooManyEntries:
        return (value == u"1"
                        ? QStringLiteral("%1 more entry was not read (a page holds at most %2)")
                        : QStringLiteral("%1 more entries were not read (a page holds at most %2)"))
                .arg(value, limit);
    case Kind::MoreProblems:
        return (value == u"1" ? QStringLiteral("%1 more problem in the entries is not listed")
                              : QStringLiteral("%1 more problems in the entries are not listed"))
                .arg(value);
    }
    return {};
}

QString ParseProblem::kindName() const
{
    switch (kind) {
    case Kind::WrongType:
        return QStringLiteral("wrong-type");
    case Kind::NotWholeNumber:
        return QStringLiteral("not-whole-number");
    case Kind::NumberAsText:
        return QStringLiteral("number-as-text");
    case Kind::BelowMinimum:
        return QStringLiteral("below-minimum");
    case Kind::OutOfRange:
        return QStringLiteral("out-of-range");
    case Kind::NotATime:
        return QStringLiteral("not-a-time");
    case Kind::CountsDisagree:
        return QStringLiteral("counts-disagree");
    case Kind::LeftOut:
        return QStringLiteral("left-out");
    case Kind::MoreEntries:
        return QStringLiteral("more-entries");
    case Kind::TooManyEntries:
        return QStringLiteral("too-many-entries");
    case Kind::MoreProblems:
        return QStringLiteral("more-problems");
    }
    return {};
}

} // namespace bw
