#include "store/samplethinning.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace bw::samplethinning {

namespace {

qint64 floorTo(qint64 ms, qint64 width)
{
    return bucketOf(ms, width) * width;
}

} // namespace

qint64 bucketOf(qint64 ms, qint64 width)
{
    return ms >= 0 ? ms / width : -((-ms + width - 1) / width);
}

bool isRedundant(qint64 at, qint64 newestAt, bool sameCountsAsNewest)
{
    return sameCountsAsNewest && at >= newestAt
           && bucketOf(at, FineBucketMs) == bucketOf(newestAt, FineBucketMs);
}

QList<Window> windowsToRethin(qint64 at, qint64 previousAt)
{
    const qint64 newestAt = std::max(at, previousAt);
    if (at < previousAt)
        return {{std::numeric_limits<qint64>::min(), newestAt}};
    // Thinning already ran for every earlier sample, so only those whose tier changed since the
    // previous newest need a decision: those that aged past 1 h and past 24 h.
    const qint64 fineFrom = floorTo(previousAt - KeepAllMs, FineBucketMs);
    const qint64 fineTo = newestAt - KeepAllMs;
    const qint64 coarseFrom = floorTo(previousAt - FineBucketAgeMs, CoarseBucketMs);
    const qint64 coarseTo = newestAt - FineBucketAgeMs;
    QList<Window> windows;
    if (coarseTo >= fineFrom - CoarseBucketMs) {
        windows.append({coarseFrom, fineTo});
    } else {
        windows.append({coarseFrom, coarseTo});
        windows.append({fineFrom, fineTo});
    }
    windows.removeIf([](const Window &w) { return w.to < w.from; });
    return windows;
}

QList<qint64> samplesToDrop(const QList<Sample> &inTimeOrder, qint64 firstId, qint64 newestAt)
{
    // A sample goes when an earlier sample lies in the same bucket (at the sample's own
    // granularity). Buckets are intervals, so the previous sample in time order is the only one
    // to look at; it counts even when it goes in this same pass.
    QList<qint64> drop;
    std::optional<qint64> previousAt;
    for (const Sample &s : inTimeOrder) {
        const qint64 age = newestAt - s.at;
        if (previousAt && s.id != firstId && age > KeepAllMs) {
            const qint64 width = age <= FineBucketAgeMs ? FineBucketMs : CoarseBucketMs;
            if (bucketOf(*previousAt, width) == bucketOf(s.at, width))
                drop.append(s.id);
        }
        previousAt = s.at;
    }
    return drop;
}

qint64 excess(qint64 count)
{
    return std::max<qint64>(0, count - MaxSamplesPerJob);
}

} // namespace bw::samplethinning
