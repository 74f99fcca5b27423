#pragma once

#include "domain/watchedjob.h"

#include <QString>

namespace bw {

// What the per-record results say against the gateway's status, in one sentence for where the
// status is shown (table tooltip, details header, overview). Empty when they agree or no
// results were read:
//  - the gateway says failed (Failed) but records succeeded:
//    "Failed by the gateway — 41,000 of 41,234 records succeeded";
//  - the gateway says completed (Completed, or Anthropic's ended) but records did not succeed:
//    "Completed by the gateway — 234 of 41,234 records did not succeed".
// Results cut short by the size cap add "(in the part of the results read)".
QString resultsContradiction(const WatchedJob &job);

} // namespace bw
