#pragma once

#include "wire/gatewayprofile.h"

#include <QString>

namespace bw {
class Clock;
class JobMonitor;
} // namespace bw

namespace bw::test {

// Runs the event loop until `monitor` has no request in flight and nothing is due before `clock`
// moves again (every answer applied and announced). False when that does not happen within
// `rounds` rounds of waiting (each round waits up to 10 s for the requests in flight).
bool waitUntilMonitorIsQuiet(const JobMonitor &monitor, const Clock &clock, int rounds = 1000);

// The profile the monitor and session tests poll: id "p1", "Test gateway" at
// http://gateway.test (answered by the fake access manager), singular route.
GatewayProfile testProfile();

// A 12-character job id: "aaaa" + 8 digits.
QString jobId(int i);

} // namespace bw::test
