#pragma once

#include <QtGlobal>

#include <functional>

namespace bw {

// A token bucket that spaces requests to one gateway: at most ratePerSecond() on average, with
// bursts of up to burst() requests after a quiet spell. Nothing is refused: reserve() takes
// the next slot and says how long its request must wait, so requests queue in the order they
// asked. A rate of 0 (or less) means no limit. The clock is injectable for tests.
class RateLimiter
{
public:
    static constexpr double kDefaultRatePerSecond = 20.0;

    explicit RateLimiter(double ratePerSecond = kDefaultRatePerSecond);

    // Burst defaults to the rate (one second's worth, at least 1).
    void setRate(double ratePerSecond, int burst = 0);
    double ratePerSecond() const { return m_rate; }
    int burst() const { return m_burst; }

    // Milliseconds since any fixed point; default: a monotonic clock.
    void setClock(std::function<qint64()> nowMs);

    // Takes one slot; returns the wait in ms before the request may go (0: at once).
    qint64 reserve();

private:
    qint64 now() const;

    double m_rate = kDefaultRatePerSecond;
    int m_burst = 20;
    double m_tokens = 20; // may go negative: slots promised to requests still waiting
    qint64 m_last = -1;
    std::function<qint64()> m_clock;
};

} // namespace bw
