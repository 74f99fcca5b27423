#pragma once

#include "simulatedjob.h"

#include <QDateTime>
#include <QList>

namespace bw::sim::JobGenerator {

// `count` jobs for a simulator whose simulated time starts at `epoch`, the same for the same
// seed and epoch. The first 12 cover every status at the epoch or within a few simulated
// minutes of it (Stopping and a soon-to-expire queued job included); the first 36 are the
// demo set: terminal jobs spread over the last days, queued jobs moving on within seconds to
// minutes, running jobs ending between one minute and several hours from the epoch. Further
// jobs are drawn from a realistic mix, mostly terminal and spread over the last weeks.
// Ids are unique 12-character [a-z0-9] strings.
QList<SimulatedJob> generate(quint64 seed, int count, const QDateTime &epoch);

} // namespace bw::sim::JobGenerator
