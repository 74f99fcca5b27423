#pragma once

#include "domain/jobstatus.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw {

// Every field of a Bedrock model-invocation job (WIRE.md). Each field is optional: absent means
// "this response did not report it", which is different from an empty value.
enum class JobField {
    JobArn,
    Status,
    JobName,
    ModelId,
    RoleArn,
    ClientRequestToken,
    Message,
    SubmitTime,
    LastModifiedTime,
    EndTime,
    JobExpirationTime,
    InputDataConfig,
    OutputDataConfig,
    VpcConfig,
    TimeoutDurationInHours,
    ModelInvocationType,
    TotalRecordCount,
    ProcessedRecordCount,
    SuccessRecordCount,
    ErrorRecordCount,
    // Bifrost's native batch API (WIRE.md, "Bifrost's native batch routes"). Absent on jobs
    // known only through the Bedrock-format route.
    Provider,       // "bedrock", "openai", "anthropic", "gemini", ... (lower case)
    InProgressAt,   // when the gateway says the job started running
    FinalizingAt,   // ... started finalizing
    CompletedAt,    // ... completed (also sets endTime)
    FailedAt,       // ... failed (also sets endTime)
    ExpiredAt,      // ... expired (also sets endTime)
    CancellingAt,   // ... a cancel was accepted
    CancelledAt,    // ... was cancelled (also sets endTime)
    ProgressPercent // Gemini's own progress, 0..100
};
inline constexpr int JobFieldCount = 29;

// The API's own name of a field ("jobArn", "submitTime", ...).
QString jobFieldName(JobField field);
std::optional<JobField> jobFieldFromName(QStringView name);

struct InputDataConfig
{
    std::optional<QString> s3Uri; // may be an OpenAI file id rather than s3://
    std::optional<QString> s3InputFormat;
    std::optional<QString> s3BucketOwner;
    friend bool operator==(const InputDataConfig &, const InputDataConfig &) = default;
};

struct OutputDataConfig
{
    std::optional<QString> s3Uri;
    std::optional<QString> s3EncryptionKeyId;
    std::optional<QString> s3BucketOwner;
    friend bool operator==(const OutputDataConfig &, const OutputDataConfig &) = default;
};

// Present only for jobs in a VPC; "{}" from a gateway gives a present config with empty lists.
struct VpcConfig
{
    QStringList securityGroupIds;
    QStringList subnetIds;
    friend bool operator==(const VpcConfig &, const VpcConfig &) = default;
};

// A bit set of JobField values.
class JobFields
{
public:
    constexpr JobFields() = default;
    void set(JobField f) { m_bits |= bit(f); }
    bool has(JobField f) const { return (m_bits & bit(f)) != 0; }
    bool isEmpty() const { return m_bits == 0; }
    int count() const;
    QList<JobField> toList() const;
    JobFields &operator|=(const JobFields &o)
    {
        m_bits |= o.m_bits;
        return *this;
    }
    friend bool operator==(const JobFields &, const JobFields &) = default;

private:
    static constexpr quint64 bit(JobField f) { return quint64(1) << static_cast<int>(f); }
    quint64 m_bits = 0;
    static_assert(JobFieldCount <= 64);
};

// What a field of a response body should hold, or what it held (ParseProblem).
enum class ValueType : quint8 {
    None,        // not said
    Null,        // JSON null
    Boolean,     // true or false
    Number,      // any JSON number
    WholeNumber, // an integer (Bedrock's counts, timeoutDurationInHours)
    Count,       // a whole number from 0 (Bifrost's request_counts)
    Percentage,  // a number from 0 to 100
    Text,        // a JSON string
    Timestamp,   // an ISO 8601 date and time as text (or epoch seconds)
    UnixTime,    // Unix seconds as a number (Bifrost's *_at)
    List,        // a JSON array
    Object       // a JSON object
};

// Something in a response body that could not be used as it was. The field is left "not
// reported" and the problem is kept so the user can see why. Machine-readable: `kind`, the
// field's path and the types say what happened; views put it in their own (translated) words,
// and message() is the English sentence for logs and `--format json`.
struct ParseProblem
{
    enum class Kind : quint8 {
        WrongType,      // a value of type `found` where `expected` was expected (`value`: the
                        // text when a string came where a number or time was meant)
        NotWholeNumber, // the number `value` where `expected` (a whole number, a count) was
        NumberAsText,   // a whole number sent as text; it was read all the same
        BelowMinimum,   // the number `value` is below the smallest allowed, `limit`
        OutOfRange,     // the number `value` is outside what `expected` allows (a percentage)
        NotATime,       // `value` (a `found` Text or Number) is no usable date and time
        CountsDisagree, // more records finished (`value`) than the total (`limit`)
        LeftOut,        // an entry of a list without an identifier was left out
        MoreEntries,    // `value` more entries of the list were not `expected` either (only
                        // the first few are listed one by one)
        TooManyEntries, // a list page with more entries than a page holds: `value` more were
                        // not read (at most `limit` are)
        MoreProblems,   // `value` more problems in the entries of a list page, not listed
    };

    QString field; // API field path, e.g. "vpcConfig.subnetIds[1]"; empty for the body itself
    Kind kind = Kind::WrongType;
    ValueType expected = ValueType::None;
    ValueType found = ValueType::None;
    QString value; // the offending value as text (cut to 60 characters), when it says why
    QString limit; // BelowMinimum: the minimum; CountsDisagree: the total

    // The English sentence: "expected a string, got a number", "-5 is below the minimum 0".
    QString message() const;
    // A stable name of the kind for machines: "wrong-type", "not-whole-number", ...
    QString kindName() const;

    static ParseProblem wrongType(QString field, ValueType expected, ValueType found,
                                  QString value = {})
    {
        return {std::move(field), Kind::WrongType, expected, found, std::move(value), {}};
    }

    friend bool operator==(const ParseProblem &, const ParseProblem &) = default;
};

// A stable lower-case name of a value type ("text", "whole-number", ...).
QString valueTypeName(ValueType type);

// A batch job as one gateway reports it. The field set is the Bedrock one; jobs from Bifrost's
// native API fill the same fields (id -> jobArn, created_at -> submitTime, expires_at ->
// jobExpirationTime, request_counts -> the record counts, input_file_id -> inputDataConfig,
// output_file_id -> outputDataConfig, metadata.job_name -> jobName) plus the native-only ones.
struct Job
{
    // The job's identifier on its gateway: a Bedrock job ARN, or the provider's own batch id
    // (batch_..., msgbatch_..., batches/...) for jobs read through the native API.
    std::optional<QString> jobArn;
    std::optional<Status> status;
    std::optional<QString> jobName;
    std::optional<QString> modelId;
    std::optional<QString> roleArn;
    std::optional<QString> clientRequestToken;
    std::optional<QString> message;
    std::optional<QDateTime> submitTime; // instants, kept in UTC
    std::optional<QDateTime> lastModifiedTime;
    std::optional<QDateTime> endTime;
    std::optional<QDateTime> jobExpirationTime;
    std::optional<InputDataConfig> inputDataConfig;
    std::optional<OutputDataConfig> outputDataConfig;
    std::optional<VpcConfig> vpcConfig;
    std::optional<qint64> timeoutDurationInHours;
    std::optional<QString> modelInvocationType;
    std::optional<qint64> totalRecordCount;
    std::optional<qint64> processedRecordCount;
    std::optional<qint64> successRecordCount;
    std::optional<qint64> errorRecordCount;
    std::optional<QString> provider;
    std::optional<QDateTime> inProgressAt;
    std::optional<QDateTime> finalizingAt;
    std::optional<QDateTime> completedAt;
    std::optional<QDateTime> failedAt;
    std::optional<QDateTime> expiredAt;
    std::optional<QDateTime> cancellingAt;
    std::optional<QDateTime> cancelledAt;
    std::optional<double> progressPercent;

    // Which fields this job carries.
    JobFields presentFields() const;
    bool has(JobField f) const { return presentFields().has(f); }

    // Takes every field that `newer` carries; keeps the rest. Returns the fields whose value
    // actually changed (a field newly reported with a different value counts as changed).
    JobFields mergeFrom(const Job &newer);

    // Convenience accessors for views and exports.
    JobStatus statusCode() const { return status ? status->code() : JobStatus::Unknown; }
    QString statusText() const { return status ? status->raw() : QString(); }
    // The status group with what the counts say: Anthropic's "ended" (every record finished)
    // is Completed, or Failed when the counts report failed records. Otherwise the status's.
    StatusGroup statusGroup() const;
    // The provider, "bedrock" when none was reported (the Bedrock-format route).
    QString providerOrBedrock() const;

    friend bool operator==(const Job &, const Job &);
};

} // namespace bw

Q_DECLARE_METATYPE(bw::Job)
