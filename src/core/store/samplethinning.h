#pragma once

#include <QList>
#include <QtGlobal>

// The progress-sample thinning policy of the store, without SQL: JobStore asks these functions
// what to keep and runs the statements. Times are UTC milliseconds since the epoch.
//
// By the age of a sample relative to the job's newest sample (not the wall clock, so a store
// reopened after days thins the same way):
//   - age <= KeepAllMs (1 hour): every sample is kept;
//   - KeepAllMs < age <= FineBucketAgeMs (24 hours): a sample is kept only if no earlier sample
//     of the job fell into its FineBucketMs (5-minute) bucket;
//   - older: the same per CoarseBucketMs (1-hour) bucket;
//   - the job's first sample and its newest sample are always kept;
//   - at most MaxSamplesPerJob samples per job: beyond that the oldest ones after the first go.
// Buckets are aligned to the epoch and nest (an hour holds twelve 5-minute buckets), so what is
// kept never depends on how the samples were batched.
namespace bw::samplethinning {

inline constexpr int MaxSamplesPerJob = 2000;
inline constexpr qint64 KeepAllMs = 60LL * 60 * 1000;
inline constexpr qint64 FineBucketMs = 5LL * 60 * 1000;
inline constexpr qint64 FineBucketAgeMs = 24LL * 60 * 60 * 1000;
inline constexpr qint64 CoarseBucketMs = 60LL * 60 * 1000;

// The bucket number of a time (floor division: times before the epoch are right too).
qint64 bucketOf(qint64 ms, qint64 width);

// A new sample whose counts equal the job's newest sample is not recorded, unless it falls in a
// later 5-minute bucket than that sample (so that a stall stays visible on a chart).
bool isRedundant(qint64 at, qint64 newestAt, bool sameCountsAsNewest);

// A closed time range [from, to] of a job's samples to decide again.
struct Window
{
    qint64 from = 0;
    qint64 to = 0;
    friend bool operator==(const Window &, const Window &) = default;
};

// After a sample at `at` was recorded and the job's newest sample before it was at `previousAt`
// (everything up to then already thinned): the ranges whose samples may have changed tier.
// Each starts on a bucket boundary, so that "earliest of its bucket" is decided with the whole
// bucket in view. A sample older than previousAt (a clock change) means the whole job.
QList<Window> windowsToRethin(qint64 at, qint64 previousAt);

struct Sample
{
    qint64 id = 0;
    qint64 at = 0;
};

// Of `inTimeOrder` (the job's samples in one window, ordered by time then id), the ids to drop.
// `firstId` is the job's first sample, `newestAt` the time of its newest one.
QList<qint64> samplesToDrop(const QList<Sample> &inTimeOrder, qint64 firstId, qint64 newestAt);

// How many of the oldest samples after the first to drop so that `count` fits the bound.
qint64 excess(qint64 count);

} // namespace bw::samplethinning
