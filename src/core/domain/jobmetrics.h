#pragma once

#include "domain/job.h"
#include "domain/watchedjob.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <limits>
#include <optional>

namespace bw {

// What can honestly be said about a job's VPC (PRODUCT.md §2, VPC tab).
enum class VpcState {
    NotReported, // no response ever carried vpcConfig and the gateway's bodies are sparse
    NotInVpc,    // reported as "{}" (or empty lists), or omitted by a gateway sending full bodies
    InVpc,       // at least one security group or subnet id
};

// Processing rate measured from progress samples.
struct ProgressRate
{
    double recordsPerMinute = 0.0;
    qint64 windowSeconds = 0; // the window that was asked for
    qint64 spanSeconds = 0;   // between the oldest and newest sample used (> 0)
    int sampleCount = 0;      // samples inside the window (>= 2)
    QDateTime from;           // oldest sample used
    QDateTime to;             // newest sample used

    bool operator==(const ProgressRate &) const = default;
};

// Estimated time to completion, with the basis it was computed from.
struct Eta
{
    qint64 seconds = 0;          // remaining time from `now`, rounded up; 0 when nothing remains
    QDateTime finishAt;          // now + seconds (UTC)
    qint64 remainingRecords = 0; // total - processed, never negative
    ProgressRate basis;

    bool operator==(const Eta &) const = default;
};

// Derived figures for views, exports and the CLI. Pure functions: the caller passes `now` (UTC),
// nothing reads the clock. Durations are whole seconds.
namespace JobMetrics {

inline constexpr qint64 DefaultAtRiskThresholdSeconds = 6 * 3600;
inline constexpr qint64 DefaultRateWindowSeconds = 30 * 60;

// Time since submitTime: up to endTime for a terminal job (falling back to lastModifiedTime when
// the gateway did not report endTime; nullopt when neither is known), up to `now` for a live
// one. nullopt without submitTime. Never negative (clock skew is clamped to 0).
std::optional<qint64> elapsed(const Job &job, const QDateTime &now);

// Seconds until jobExpirationTime (negative once it has passed). nullopt when the job carries
// no expiration time or is terminal (an ended job cannot expire any more).
std::optional<qint64> timeToExpiry(const Job &job, const QDateTime &now);

// A queued job (Submitted, Validating, Scheduled) whose expiration is at most `thresholdSeconds`
// away, or has already passed while the job is still queued.
bool isAtRisk(const Job &job, const QDateTime &now,
              qint64 thresholdSeconds = DefaultAtRiskThresholdSeconds);

// Records per minute over the samples taken in (now - window, now]: (newest.processed -
// oldest.processed) / (newest.at - oldest.at). Samples may come in any order. nullopt with fewer
// than two samples in the window, when they are all at the same instant, or when processed did
// not increase.
std::optional<ProgressRate> processingRate(const QList<ProgressSample> &samples,
                                           const QDateTime &now,
                                           qint64 windowSeconds = DefaultRateWindowSeconds);

// remaining / rate, where remaining comes from the job's counts (or the newest sample when the
// job carries none). nullopt for a terminal job, while the total is 0 or unknown, or when the
// rate cannot be measured.
std::optional<Eta> eta(const Job &job, const QList<ProgressSample> &samples, const QDateTime &now,
                       qint64 windowSeconds = DefaultRateWindowSeconds);

// processed / total clamped to [0, 1]; nullopt (indeterminate) when the total is 0 or unknown
// or processed is unknown.
std::optional<double> progressFraction(const Job &job);

// errors / processed: the share of processed records that failed, in [0, 1]; nullopt when
// either count is unknown or nothing has been processed.
std::optional<double> errorShare(const Job &job);

// The VPC state of a watched job (see VpcState). A gateway "sends full bodies" when it ever
// reported one of the fields the AWS API always returns but sparse gateways do not (roleArn,
// lastModifiedTime, jobExpirationTime, timeoutDurationInHours): only then does an absent
// vpcConfig mean "not in a VPC".
VpcState vpcState(const WatchedJob &job);

// Plain-text duration, largest two units, truncated: "45 s", "12 min", "2 h 05 min", "3 h",
// "3 d 4 h", "2 d". Negative durations get a leading '-'.
QString formatDuration(qint64 seconds);

// The largest unit alone, truncated: "45 s", "12 min", "2 h", "3 d" (for narrow cells where the
// exact figure is in the tool tip). Negative durations get a leading '-'.
QString formatCoarseDuration(qint64 seconds);

// "5 min ago", "in 3 h", "just now" (within 5 s). Empty for an invalid instant.
QString formatRelative(const QDateTime &instant, const QDateTime &now);

// Which text formatDuration(seconds) gives, as a number: equal numbers, equal texts (in every
// language). Tells whether a shown duration moved without writing it (a table of 100,000 rows
// asks every second).
qint64 durationTextKey(qint64 seconds);
// Likewise for formatRelative(instant, now), with both as milliseconds since the epoch
// (kNoInstant for an invalid one).
constexpr qint64 kNoInstant = std::numeric_limits<qint64>::min();
qint64 relativeTextKey(qint64 instantMs, qint64 nowMs);

} // namespace JobMetrics
} // namespace bw

Q_DECLARE_METATYPE(bw::VpcState)
