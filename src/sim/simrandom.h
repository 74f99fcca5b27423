#pragma once

#include <QtGlobal>

#include <random>

namespace bw::sim {

// A seeded pseudo-random source whose sequence is the same on every platform and standard
// library: std::mt19937_64 is fully specified, the std distributions are not, so the
// reductions below are done by hand.
class SimRandom
{
public:
    explicit SimRandom(quint64 seed)
        : m_engine(seed)
    {}

    quint64 next() { return m_engine(); }
    // Uniform in [0, 1).
    double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, n); n <= 0 gives 0.
    qint64 bounded(qint64 n) { return n <= 0 ? 0 : static_cast<qint64>(next() % quint64(n)); }
    // Uniform in [lo, hi] (inclusive).
    qint64 range(qint64 lo, qint64 hi) { return hi <= lo ? lo : lo + bounded(hi - lo + 1); }
    double realRange(double lo, double hi) { return lo + (hi - lo) * real(); }
    bool chance(double p) { return real() < p; }

    template<typename List>
    const auto &pick(const List &list)
    {
        return list[static_cast<qsizetype>(bounded(static_cast<qint64>(list.size())))];
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace bw::sim
