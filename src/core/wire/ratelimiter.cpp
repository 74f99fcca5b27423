#include "wire/ratelimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace bw {

namespace {
qint64 monotonicMs()
{
    static const QElapsedTimer start = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return start.elapsed();
}
} // namespace

RateLimiter::RateLimiter(double ratePerSecond)
{
    setRate(ratePerSecond);
}

void RateLimiter::setRate(double ratePerSecond, int burst)
{
    m_rate = std::isfinite(ratePerSecond) && ratePerSecond > 0 ? ratePerSecond : 0;
    m_burst = burst > 0 ? burst : std::max(1, int(std::floor(m_rate)));
    m_tokens = std::min<double>(m_tokens, m_burst);
    if (m_last < 0)
        m_tokens = m_burst;
}

void RateLimiter::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
    m_last = -1;
    m_tokens = m_burst;
}

qint64 RateLimiter::now() const
{
    return m_clock ? m_clock() : monotonicMs();
}

qint64 RateLimiter::reserve()
{
    if (m_rate <= 0)
        return 0;
    const qint64 t = now();
    if (m_last >= 0 && t > m_last)
        m_tokens = std::min<double>(m_burst, m_tokens + double(t - m_last) * m_rate / 1000.0);
    if (m_last < 0 || t > m_last)
        m_last = t;
    m_tokens -= 1.0;
    if (m_tokens >= 0)
        return 0;
    return qint64(std::ceil(-m_tokens * 1000.0 / m_rate));
}

} // namespace bw
