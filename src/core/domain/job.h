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
