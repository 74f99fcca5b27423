#include "monitortesting.h"

#include "tracking/clock.h"
#include "tracking/jobmonitor.h"

#include <QCoreApplication>
#include <QTest>
#include <QUrl>

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

GatewayProfile testProfile()
{
    GatewayProfile p;
    p.id = QStringLiteral("p1");
    p.name = QStringLiteral("Test gateway");
    p.baseUrl = QUrl(QStringLiteral("http://gateway.test"));
    p.routeStyle = RouteStyle::Singular;
    return p;
}

QString jobId(int i)
{
    return QStringLiteral("aaaa%1").arg(i, 8, 10, QChar(u'0'));
}

} // namespace bw::test
