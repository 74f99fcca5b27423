#include "monitortesting.h"

#include "tracking/clock.h"
#include "tracking/jobmonitor.h"

#include <QCoreApplication>
#include <QTest>

namespace bw::test {

bool waitUntilMonitorIsQuiet(const JobMonitor &monitor, const Clock &clock, int rounds)
{
    for (int round = 0; round < rounds; ++round) {
        if (!QTest::qWaitFor([&monitor] { return monitor.requestsInFlight() == 0; }, 10'000))
            return false;
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        const QDateTime next = monitor.nextPollAt();
        if (monitor.requestsInFlight() == 0 && (!next.isValid() || next > clock.now()))
            return true;
    }
    return false;
}

} // namespace bw::test
