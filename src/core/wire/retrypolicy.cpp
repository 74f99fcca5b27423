#include "wire/retrypolicy.h"

#include "common/logging.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace bw {

RetryPolicy RetryPolicy::none()
{
    RetryPolicy p;
    p.maxAttempts = 1;
    return p;
}

bool RetryPolicy::isTransient(const GatewayError &error)
{
    switch (error.kind) {
    case GatewayError::Kind::Network:
    case GatewayError::Kind::Timeout:
        return true;
    case GatewayError::Kind::Http:
        return error.httpStatus == 429 || error.httpStatus == 500 || error.httpStatus == 502
               || error.httpStatus == 503 || error.httpStatus == 504;
    case GatewayError::Kind::Tls:
    case GatewayError::Kind::BadBody:
    case GatewayError::Kind::TooLarge:
    case GatewayError::Kind::Redirect:
    case GatewayError::Kind::Cancelled:
        break;
    }
    return false;
}

std::optional<int> RetryPolicy::delayBeforeRetry(int failures, const GatewayError &error) const
{
    if (failures < 1 || failures >= maxAttempts || !isTransient(error))
        return std::nullopt;
    if (error.retryAfterSeconds) {
        const qint64 ms = qint64(*error.retryAfterSeconds) * 1000;
        if (ms > maxRetryAfterMs)
            return std::nullopt;
        return int(ms);
    }
    // Full jitter: uniform in [0, min(cap, base * 2^(failures-1))].
    const double ceiling = std::min<double>(
            std::max(0, maxDelayMs), std::max(0, baseDelayMs) * std::ldexp(1.0, failures - 1));
    double r = random ? random() : QRandomGenerator::global()->generateDouble();
    r = std::clamp(r, 0.0, 1.0);
    return int(std::lround(r * ceiling));
}

namespace detail {

void scheduleRetry(const RetryScheduler &scheduler, int ms, QObject *context,
                   std::function<void()> fn)
{
    if (scheduler) {
        scheduler(ms, context, std::move(fn));
        return;
    }
    QTimer::singleShot(ms, context, std::move(fn));
}

void logRetry(int failures, int delayMs, const GatewayError &error)
{
    // Kind and status only: the message can carry the gateway's words.
    qCInfo(lcClient).noquote().nospace()
            << "attempt " << failures << " failed (" << GatewayError::kindName(error.kind)
            << " status=" << error.httpStatus << "); retrying in " << delayMs << " ms";
}

} // namespace detail

} // namespace bw
