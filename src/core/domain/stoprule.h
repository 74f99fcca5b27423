#pragma once

#include "domain/jobstatus.h"

#include <optional>

namespace bw {

// Whether asking the gateway to stop a job with this known status makes sense: not known to
// have ended. A job whose status is unknown (none yet, or a word batchwatch does not know) may
// still be stopped; knowledge that is stale is corrected by the gateway's 409.
inline bool canBeStopped(const std::optional<Status> &status)
{
    return !status || !status->isTerminal();
}

} // namespace bw
