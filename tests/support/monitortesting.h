#pragma once

namespace bw {
class Clock;
class JobMonitor;
} // namespace bw

namespace bw::test {

// Runs the event loop until `monitor` has no request in flight and nothing is due before `clock`
// moves again (every answer applied and announced). False when that does not happen within
// `rounds` rounds of waiting (each round waits up to 10 s for the requests in flight).
bool waitUntilMonitorIsQuiet(const JobMonitor &monitor, const Clock &clock, int rounds = 1000);

} // namespace bw::test
