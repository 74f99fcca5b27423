#include "tracking/pollpolicy.h"

#include <algorithm>
#include <cmath>

namespace bw {

Millis PollPolicy::statusInterval(const std::optional<Status> &status) const
{
    return statusInterval(status ? status->code() : JobStatus::Unknown);
}

Millis PollPolicy::statusInterval(JobStatus code) const
{
    return std::max(floor(), unflooredInterval(code));
}

Millis PollPolicy::unflooredInterval(JobStatus code) const
{
    if (m_settings.fixedInterval)
        return *m_settings.fixedInterval;
    switch (code) {
    case JobStatus::InProgress:
    case JobStatus::Stopping:
    case JobStatus::Finalizing:
        return m_settings.runningInterval;
    case JobStatus::Submitted:
    case JobStatus::Validating:
        return m_settings.queuedInterval;
    case JobStatus::Scheduled:
        return m_settings.scheduledInterval;
    case JobStatus::Completed:
    case JobStatus::PartiallyCompleted:
    case JobStatus::Failed:
    case JobStatus::Stopped:
    case JobStatus::Expired:
    case JobStatus::Ended:
        return m_settings.terminalConfirmDelay;
    case JobStatus::Unknown:
        break;
    }
    return m_settings.unknownInterval;
}

Millis PollPolicy::jittered(Millis base, double draw) const
{
    if (base.count() <= 0)
        return Millis(0);
    const double d = std::clamp(draw, -1.0, 1.0);
    const double j = std::clamp(m_settings.jitter, 0.0, 1.0);
    const double scaled = double(base.count()) * (1.0 + j * d);
    return Millis(std::max<qint64>(0, qint64(std::llround(scaled))));
}

std::optional<Millis> PollPolicy::initialDelay(const std::optional<Status> &lastKnown,
                                               bool fetchedBefore, bool lastFetchFailed) const
{
    if (lastKnown && lastKnown->isTerminal() && fetchedBefore && !lastFetchFailed)
        return std::nullopt;
    return Millis(0);
}

std::optional<Millis> PollPolicy::afterSuccess(const std::optional<Status> &status,
                                               int terminalStreak) const
{
    if (status && status->isTerminal()) {
        if (terminalStreak >= 2)
            return std::nullopt;
        return std::max(floor(), m_settings.fixedInterval ? *m_settings.fixedInterval
                                                          : m_settings.terminalConfirmDelay);
    }
    return statusInterval(status);
}

Millis PollPolicy::backoff(int consecutiveFailures) const
{
    const qint64 cap = std::max<qint64>(m_settings.backoffCap.count(), 0);
    qint64 delay = std::max<qint64>(m_settings.backoffInitial.count(), 0);
    for (int i = 1; i < consecutiveFailures && delay < cap; ++i)
        delay *= 2;
    return Millis(std::min(delay, cap));
}

Millis PollPolicy::afterFailure(const GatewayError &error, int consecutiveFailures,
                                double draw) const
{
    if (error.retryAfterSeconds && *error.retryAfterSeconds >= 0) {
        const Millis asked = std::min<Millis>(Millis(qint64(*error.retryAfterSeconds) * 1000),
                                              m_settings.retryAfterLimit);
        // Never earlier than asked; spread the herd a little beyond it.
        return std::max(floor(), jittered(asked, std::abs(draw)));
    }
    const Millis base = error.isRetryable() ? backoff(consecutiveFailures) : m_settings.backoffCap;
    return std::max(floor(), std::min(jittered(base, draw), m_settings.backoffCap));
}

bool PollPolicy::holdsProfile(const GatewayError &error)
{
    // A gateway that began to answer and then trickled past the deadline (or broke off) is
    // reached but no more useful than an unreachable one: every request would hold a slot for
    // the whole deadline, so one countdown holds them all back as well.
    if (error.isUnreachable() || error.isAnswerIncomplete())
        return true;
    if (error.kind != GatewayError::Kind::Http)
        return false;
    if (error.httpStatus == 401)
        return true;
    return error.retryAfterSeconds.has_value()
           && (error.httpStatus == 429 || error.httpStatus == 503);
}

Millis PollPolicy::profileHold(const GatewayError &error, int consecutiveFailures,
                               double draw) const
{
    return afterFailure(error, consecutiveFailures, draw);
}

bool PollPolicy::listErrorDisablesRoute(const GatewayError &error)
{
    if (error.isUnreachable() || error.kind == GatewayError::Kind::Cancelled)
        return false;
    // A page that began to arrive and then broke off or trickled past the deadline says the
    // gateway is slow, not that it has no list route: the walk is tried again later.
    if (error.isAnswerIncomplete())
        return false;
    if (error.kind == GatewayError::Kind::Http) {
        // The whole gateway is busy or refusing us: a retrieve would fare no better.
        if (error.httpStatus == 401 || error.httpStatus == 429)
            return false;
        if (error.httpStatus == 503 && error.retryAfterSeconds)
            return false;
    }
    return true;
}

bool PollPolicy::listWasUseful(int matched, int asked) const
{
    if (matched <= 0)
        return false;
    return matched >= m_settings.bulkThreshold || matched * 2 >= asked;
}

} // namespace bw
