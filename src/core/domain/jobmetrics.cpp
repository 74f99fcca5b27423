#include "domain/jobmetrics.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bw::JobMetrics {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("bw::JobMetrics", text);
}

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kJustNowSeconds = 5;
} // namespace

std::optional<qint64> elapsed(const Job &job, const QDateTime &now)
{
    if (!job.submitTime || !job.submitTime->isValid())
        return std::nullopt;
    QDateTime end;
    if (job.status && job.status->isTerminal()) {
        if (job.endTime && job.endTime->isValid())
            end = *job.endTime;
        else if (job.lastModifiedTime && job.lastModifiedTime->isValid())
            end = *job.lastModifiedTime;
        else
            return std::nullopt;
    } else {
        if (!now.isValid())
            return std::nullopt;
        end = now;
    }
    return std::max<qint64>(0, job.submitTime->secsTo(end));
}

std::optional<qint64> timeToExpiry(const Job &job, const QDateTime &now)
{
    if (!job.jobExpirationTime || !job.jobExpirationTime->isValid() || !now.isValid())
        return std::nullopt;
    if (job.status && job.status->isTerminal())
        return std::nullopt;
    return now.secsTo(*job.jobExpirationTime);
}

bool isAtRisk(const Job &job, const QDateTime &now, qint64 thresholdSeconds)
{
    if (!job.status || !job.status->isQueued())
        return false;
    const std::optional<qint64> left = timeToExpiry(job, now);
    return left && *left <= thresholdSeconds;
}

std::optional<ProgressRate> processingRate(const QList<ProgressSample> &samples,
                                           const QDateTime &now, qint64 windowSeconds)
{
    if (!now.isValid() || windowSeconds <= 0)
        return std::nullopt;
    const QDateTime windowStart = now.addSecs(-windowSeconds);
    const ProgressSample *oldest = nullptr;
    const ProgressSample *newest = nullptr;
    int count = 0;
    for (const ProgressSample &s : samples) {
        if (!s.at.isValid() || s.at <= windowStart || s.at > now)
            continue;
        ++count;
        if (!oldest || s.at < oldest->at)
            oldest = &s;
        if (!newest || s.at >= newest->at)
            newest = &s;
    }
    if (count < 2 || !oldest || !newest)
        return std::nullopt;
    const qint64 spanMs = oldest->at.msecsTo(newest->at);
    const qint64 delta = newest->processed - oldest->processed;
    if (spanMs <= 0 || delta <= 0)
        return std::nullopt;

    ProgressRate rate;
    rate.recordsPerMinute = double(delta) * 60000.0 / double(spanMs);
    rate.windowSeconds = windowSeconds;
    rate.spanSeconds = std::max<qint64>(1, spanMs / 1000);
    rate.sampleCount = count;
    rate.from = oldest->at;
    rate.to = newest->at;
    return rate;
}

std::optional<Eta> eta(const Job &job, const QList<ProgressSample> &samples, const QDateTime &now,
                       qint64 windowSeconds)
{
    if (job.status && job.status->isTerminal())
        return std::nullopt;

    std::optional<qint64> total = job.totalRecordCount;
    std::optional<qint64> processed = job.processedRecordCount;
    if (!total || !processed) {
        // The job's own counts win; without them, the newest sample is the best we know.
        const ProgressSample *newest = nullptr;
        for (const ProgressSample &s : samples) {
            if (s.at.isValid() && (!newest || s.at >= newest->at))
                newest = &s;
        }
        if (newest) {
            total = total.value_or(newest->total);
            processed = processed.value_or(newest->processed);
        }
    }
    if (!total || *total <= 0 || !processed)
        return std::nullopt;

    const std::optional<ProgressRate> rate = processingRate(samples, now, windowSeconds);
    if (!rate)
        return std::nullopt;

    Eta result;
    result.remainingRecords = std::max<qint64>(0, *total - *processed);
    const double seconds = double(result.remainingRecords) * 60.0 / rate->recordsPerMinute;
    constexpr double kMaxSeconds = double(std::numeric_limits<qint32>::max()) * 100.0;
    result.seconds = qint64(std::ceil(std::min(seconds, kMaxSeconds)));
    result.finishAt = now.addSecs(result.seconds).toUTC();
    result.basis = *rate;
    return result;
}

std::optional<double> progressFraction(const Job &job)
{
    if (!job.totalRecordCount || *job.totalRecordCount <= 0 || !job.processedRecordCount)
        return std::nullopt;
    const double f = double(*job.processedRecordCount) / double(*job.totalRecordCount);
    return std::clamp(f, 0.0, 1.0);
}

std::optional<double> errorShare(const Job &job)
{
    if (!job.errorRecordCount || !job.processedRecordCount || *job.processedRecordCount <= 0)
        return std::nullopt;
    const double f = double(*job.errorRecordCount) / double(*job.processedRecordCount);
    return std::clamp(f, 0.0, 1.0);
}

VpcState vpcState(const WatchedJob &job)
{
    if (const std::optional<VpcConfig> &vpc = job.job.vpcConfig) {
        if (!vpc->securityGroupIds.isEmpty() || !vpc->subnetIds.isEmpty())
            return VpcState::InVpc;
        return VpcState::NotInVpc;
    }
    const JobFields reported = job.everReported;
    const bool fullBodies = reported.has(JobField::RoleArn)
                            || reported.has(JobField::LastModifiedTime)
                            || reported.has(JobField::JobExpirationTime)
                            || reported.has(JobField::TimeoutDurationInHours);
    return fullBodies ? VpcState::NotInVpc : VpcState::NotReported;
}

namespace {

// The duration with its largest unit and, unless coarse, the next one ("1 h 05 min").
QString formatDurationWithUnits(qint64 seconds, bool coarse)
{
    if (seconds < 0) {
        // -min() has no positive counterpart; such durations do not occur in practice.
        const qint64 magnitude = seconds == std::numeric_limits<qint64>::min()
                                         ? std::numeric_limits<qint64>::max()
                                         : -seconds;
        return QLatin1Char('-') + formatDurationWithUnits(magnitude, coarse);
    }
    if (seconds < kMinute)
        return tr("%1 s").arg(seconds);
    if (seconds < kHour)
        return tr("%1 min").arg(seconds / kMinute);
    if (seconds < kDay) {
        const qint64 minutes = (seconds % kHour) / kMinute;
        if (coarse || minutes == 0)
            return tr("%1 h").arg(seconds / kHour);
        return tr("%1 h %2 min").arg(seconds / kHour).arg(minutes, 2, 10, QLatin1Char('0'));
    }
    const qint64 hours = (seconds % kDay) / kHour;
    if (coarse || hours == 0)
        return tr("%1 d").arg(seconds / kDay);
    return tr("%1 d %2 h").arg(seconds / kDay).arg(hours);
}

} // namespace

QString formatDuration(qint64 seconds)
{
    return formatDurationWithUnits(seconds, false);
}

QString formatCoarseDuration(qint64 seconds)
{
    return formatDurationWithUnits(seconds, true);
}

QString formatRelative(const QDateTime &instant, const QDateTime &now)
{
    if (!instant.isValid() || !now.isValid())
        return {};
    const qint64 ago = instant.secsTo(now);
    if (ago > -kJustNowSeconds && ago < kJustNowSeconds)
        return tr("just now");
    if (ago > 0)
        return tr("%1 ago").arg(formatDuration(ago));
    return tr("in %1").arg(formatDuration(-ago));
}

qint64 durationTextKey(qint64 seconds)
{
    // As formatDurationWithUnits: seconds below a minute, minutes below a day ("2 h 05 min"),
    // hours from a day on ("3 d 4 h"); bands apart, negative durations their complement.
    if (seconds < 0)
        return ~durationTextKey(seconds == std::numeric_limits<qint64>::min()
                                        ? std::numeric_limits<qint64>::max()
                                        : -seconds);
    if (seconds < kMinute)
        return seconds;
    if (seconds < kHour)
        return kMinute + seconds / kMinute; // 61..119
    if (seconds < kDay)
        return 2 * kMinute + seconds / kMinute;            // 180..1559
    return 2 * kMinute + kDay / kMinute + seconds / kHour; // 1584 on
}

qint64 relativeTextKey(qint64 instantMs, qint64 nowMs)
{
    constexpr qint64 kEmpty = std::numeric_limits<qint64>::min();
    constexpr qint64 kJustNow = kEmpty + 1;
    if (instantMs == kNoInstant || nowMs == kNoInstant)
        return kEmpty;
    // QDateTime::secsTo: the milliseconds between, truncated toward zero.
    const qint64 ago = (nowMs - instantMs) / 1000;
    if (ago > -kJustNowSeconds && ago < kJustNowSeconds)
        return kJustNow;
    // "%1 ago" even, "in %1" odd (durations of either sign are at most 2^62 here).
    return ago > 0 ? 2 * durationTextKey(ago) : 2 * durationTextKey(-ago) + 1;
}

} // namespace bw::JobMetrics
