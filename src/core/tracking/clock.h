#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

namespace bw {

// The time source of the poller. Two readings: a monotonic millisecond counter that due times
// are computed on (never jumps when the wall clock is changed), and the UTC wall time stamped on
// fetches, transitions and samples.
//
// Production code uses systemClock(). Tests inject a ManualClock and move time explicitly;
// every advance() emits advanced(), on which the scheduler re-examines its queue at once, so a
// test never waits for a real timer.
//
// Clocks are used from the thread they live in (the GUI thread in practice).
class Clock : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Clock() override = default;

    // Monotonic milliseconds from an arbitrary origin.
    virtual qint64 monotonicMs() const = 0;
    // Wall time, UTC.
    virtual QDateTime now() const = 0;

    // The process-wide real clock (never null; lives as long as the process).
    static Clock *systemClock();

Q_SIGNALS:
    // Time moved in a way timers cannot know about (a ManualClock advanced).
    void advanced();
};

// The real clock: QElapsedTimer for the monotonic reading, the system clock for wall time.
class SystemClock final : public Clock
{
    Q_OBJECT

public:
    explicit SystemClock(QObject *parent = nullptr)
        : Clock(parent)
    {
        m_elapsed.start();
    }
    qint64 monotonicMs() const override { return m_elapsed.elapsed(); }
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }

private:
    QElapsedTimer m_elapsed;
};

// A clock that stands still until told to move. Both readings move together.
class ManualClock final : public Clock
{
    Q_OBJECT

public:
    explicit ManualClock(const QDateTime &start
                         = QDateTime(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC),
                         QObject *parent = nullptr)
        : Clock(parent)
        , m_wallStart(start.toUTC())
    {}

    qint64 monotonicMs() const override { return m_ms; }
    QDateTime now() const override { return m_wallStart.addMSecs(m_ms); }

    // Moves time forward by `ms` (negative values are ignored: monotonic time never goes back)
    // and emits advanced().
    void advance(qint64 ms)
    {
        if (ms > 0)
            m_ms += ms;
        Q_EMIT advanced();
    }
    void advanceSeconds(double seconds) { advance(qint64(seconds * 1000.0)); }

private:
    QDateTime m_wallStart;
    qint64 m_ms = 0;
};

inline Clock *Clock::systemClock()
{
    static SystemClock clock;
    return &clock;
}

} // namespace bw
