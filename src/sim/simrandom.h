#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QtGlobal>

#include <random>

namespace bw::sim {

// Simulated durations in milliseconds, as the generators' timelines count them.
constexpr qint64 Sec = 1000;
constexpr qint64 Min = 60 * Sec;
constexpr qint64 Hour = 60 * Min;
constexpr qint64 Day = 24 * Hour;

// What a generator draws a job's name and size from: a kind of work with a range of records.
struct Workload
{
    QString name; // job name (prefix)
    QString tag;  // Bedrock: the S3 key prefix; native batches: the custom-id prefix
    qint64 minRecords;
    qint64 maxRecords;
    bool embeddings;
};

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
    // `n` characters drawn uniformly from `alphabet`.
    QString text(int n, QLatin1StringView alphabet)
    {
        QString s;
        s.reserve(n);
        for (int i = 0; i < n; ++i)
            s += alphabet.at(bounded(alphabet.size()));
        return s;
    }

    template<typename List>
    const auto &pick(const List &list)
    {
        return list[static_cast<qsizetype>(bounded(static_cast<qint64>(list.size())))];
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace bw::sim
