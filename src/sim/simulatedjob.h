#pragma once

#include "domain/job.h"
#include "domain/jobstatus.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace bw::sim {

// Turns a simulated instant (ms since the simulator's epoch) into the timestamp the gateway
// reports for it (see GatewaySimulator: never later than the real clock at a speed above 1).
using TimeStamper = std::function<QDateTime(qint64 simulatedMs)>;

// How a simulated job's life ends when nobody stops it.
enum class Outcome {
    Completed,          // every record processed, no errors
    PartiallyCompleted, // every record processed, errorShare of them failed
    FailedInValidation, // Submitted -> Validating -> Failed, no records counted
    FailedInProgress,   // fails after processing reachedShare of the records
    Expired,            // queued (Scheduled) until jobExpirationTime
};

// One simulated job: a fixed description and a timeline. Times are milliseconds relative to
// the simulator's epoch (negative: before it). The state at any instant is a pure function of
// the timeline and the (optional) stop request, so nothing needs a timer and thousands of jobs
// cost nothing between requests.
struct SimulatedJob
{
    // --- description ---
    QString id;  // 12 characters [a-z0-9]
    QString arn; // arn:aws:bedrock:<region>:<account>:model-invocation-job/<id>
    QString jobName;
    QString modelId;
    QString roleArn;
    QString clientRequestToken;
    QString inputS3Uri;
    QString inputBucketOwner; // empty: not sent
    QString outputS3Uri;
    QString outputKmsKeyId;       // empty: not sent
    QString outputBucketOwner;    // empty: not sent
    QStringList securityGroupIds; // both empty: not in a VPC
    QStringList subnetIds;
    int timeoutHours = 72;
    QString invocationType; // InvokeModel or Converse

    // --- timeline (ms since epoch of the simulator) ---
    qint64 submitMs = 0;
    qint64 validatingMs = 0; // Submitted -> Validating
    qint64 scheduledMs = 0;  // Validating -> Scheduled (== endMs when it fails validation)
    qint64 inProgressMs = 0; // Scheduled -> InProgress (== endMs when it expires)
    qint64 endMs = 0;        // -> the outcome
    Outcome outcome = Outcome::Completed;
    qint64 totalRecords = 0;        // known from Scheduled on; 0 before (indeterminate progress)
    double errorShare = 0.0;        // share of processed records that failed
    double reachedShare = 1.0;      // share of the records processed when it ends
    QString message;                // sent once Failed, PartiallyCompleted or Expired
    qint64 stopDurationMs = 90'000; // Stopping -> Stopped
    std::optional<qint64> stopRequestedMs; // set by a stop request (or seeded)

    static constexpr qint64 ProgressStepMs = 20'000; // counters advance in steps

    qint64 expirationMs() const { return submitMs + qint64(timeoutHours) * 3'600'000; }
    bool isVpc() const { return !securityGroupIds.isEmpty() || !subnetIds.isEmpty(); }

    struct State
    {
        JobStatus status = JobStatus::Submitted;
        qint64 lastModifiedMs = 0;
        std::optional<qint64> endMs; // set for terminal states
        qint64 total = 0;
        qint64 processed = 0;
        qint64 success = 0;
        qint64 errors = 0;
        bool hasMessage = false;
    };

    // The state at `nowMs` (which may be before submitMs: then it is Submitted).
    State stateAt(qint64 nowMs) const;
    // A stop is accepted in Submitted, Validating, Scheduled and InProgress.
    bool isStoppableAt(qint64 nowMs) const;
    // Every field a full (AWS) body carries, as of `nowMs`, with the exact AWS status.
    // Its timestamps are `stamp` of the timeline's instants; the first form stamps
    // epoch + instant.
    Job toJob(const QDateTime &epoch, qint64 nowMs) const;
    Job toJob(const TimeStamper &stamp, qint64 nowMs) const;

private:
    void countersAt(qint64 atMs, State &s) const;
};

} // namespace bw::sim
