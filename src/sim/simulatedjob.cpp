#include "simulatedjob.h"

#include <cmath>

namespace bw::sim {

void SimulatedJob::countersAt(qint64 atMs, State &s) const
{
    s.total = s.processed = s.success = s.errors = 0;
    if (atMs < scheduledMs || outcome == Outcome::FailedInValidation)
        return; // not validated yet: the total is unknown
    s.total = totalRecords;
    if (atMs < inProgressMs)
        return;
    double share = reachedShare;
    if (atMs < endMs) {
        // Progress moves in whole steps so that a poll between two steps sees the same counts.
        const qint64 span = std::max<qint64>(1, endMs - inProgressMs);
        const qint64 stepped = (atMs - inProgressMs) / ProgressStepMs * ProgressStepMs;
        share = reachedShare * std::min(1.0, double(stepped) / double(span));
    }
    if (outcome == Outcome::Expired)
        share = 0.0;
    s.processed = std::min(totalRecords, std::llround(double(totalRecords) * share));
    s.errors = std::min(s.processed, std::llround(double(s.processed) * errorShare));
    s.success = s.processed - s.errors;
}

SimulatedJob::State SimulatedJob::stateAt(qint64 nowMs) const
{
    State s;
    if (stopRequestedMs && *stopRequestedMs < endMs && nowMs >= *stopRequestedMs) {
        const qint64 stop = *stopRequestedMs;
        countersAt(stop, s);
        if (nowMs < stop + stopDurationMs) {
            s.status = JobStatus::Stopping;
            s.lastModifiedMs = stop;
        } else {
            s.status = JobStatus::Stopped;
            s.lastModifiedMs = stop + stopDurationMs;
            s.endMs = s.lastModifiedMs;
        }
        return s;
    }

    countersAt(nowMs, s);
    if (nowMs < validatingMs) {
        s.status = JobStatus::Submitted;
        s.lastModifiedMs = submitMs;
    } else if (nowMs < scheduledMs) {
        s.status = JobStatus::Validating;
        s.lastModifiedMs = validatingMs;
    } else if (nowMs < inProgressMs) {
        s.status = JobStatus::Scheduled;
        s.lastModifiedMs = scheduledMs;
    } else if (nowMs < endMs) {
        s.status = JobStatus::InProgress;
        s.lastModifiedMs = inProgressMs + (nowMs - inProgressMs) / ProgressStepMs * ProgressStepMs;
    } else {
        switch (outcome) {
        case Outcome::Completed:
            s.status = JobStatus::Completed;
            break;
        case Outcome::PartiallyCompleted:
            s.status = JobStatus::PartiallyCompleted;
            break;
        case Outcome::FailedInValidation:
        case Outcome::FailedInProgress:
            s.status = JobStatus::Failed;
            break;
        case Outcome::Expired:
            s.status = JobStatus::Expired;
            break;
        }
        s.lastModifiedMs = endMs;
        s.endMs = endMs;
        s.hasMessage = !message.isEmpty() && outcome != Outcome::Completed;
    }
    return s;
}

bool SimulatedJob::isStoppableAt(qint64 nowMs) const
{
    switch (stateAt(nowMs).status) {
    case JobStatus::Submitted:
    case JobStatus::Validating:
    case JobStatus::Scheduled:
    case JobStatus::InProgress:
        return true;
    default:
        return false;
    }
}

Job SimulatedJob::toJob(const QDateTime &epoch, qint64 nowMs) const
{
    return toJob([&epoch](qint64 ms) { return epoch.addMSecs(ms); }, nowMs);
}

Job SimulatedJob::toJob(const TimeStamper &stamp, qint64 nowMs) const
{
    const State s = stateAt(nowMs);
    auto at = [&stamp](qint64 ms) {
        return stamp(ms).toUTC();
    };

    Job j;
    j.jobArn = arn;
    j.status = Status::fromCode(s.status);
    j.jobName = jobName;
    j.modelId = modelId;
    j.roleArn = roleArn;
    j.clientRequestToken = clientRequestToken;
    if (s.hasMessage)
        j.message = message;
    j.submitTime = at(submitMs);
    j.lastModifiedTime = at(s.lastModifiedMs);
    if (s.endMs)
        j.endTime = at(*s.endMs);
    j.jobExpirationTime = at(expirationMs());

    InputDataConfig in;
    in.s3Uri = inputS3Uri;
    in.s3InputFormat = QStringLiteral("JSONL");
    if (!inputBucketOwner.isEmpty())
        in.s3BucketOwner = inputBucketOwner;
    j.inputDataConfig = in;

    OutputDataConfig out;
    out.s3Uri = outputS3Uri;
    if (!outputKmsKeyId.isEmpty())
        out.s3EncryptionKeyId = outputKmsKeyId;
    if (!outputBucketOwner.isEmpty())
        out.s3BucketOwner = outputBucketOwner;
    j.outputDataConfig = out;

    if (isVpc())
        j.vpcConfig = VpcConfig{securityGroupIds, subnetIds};
    j.timeoutDurationInHours = timeoutHours;
    j.modelInvocationType = invocationType;
    j.totalRecordCount = s.total;
    j.processedRecordCount = s.processed;
    j.successRecordCount = s.success;
    j.errorRecordCount = s.errors;
    return j;
}

} // namespace bw::sim
