#pragma once

#include "domain/jobstatus.h"
#include "wire/gatewayerror.h"

#include <algorithm>
#include <chrono>
#include <optional>

namespace bw {

using Millis = std::chrono::milliseconds;

// Every knob of live tracking, with the defaults of PRODUCT.md §4. AppSettings fills one from
// the user's settings; the CLI's `watch --interval` sets fixedInterval.
struct PollSettings
{
    Millis runningInterval{15'000};   // InProgress, Stopping
    Millis queuedInterval{30'000};    // Submitted, Validating
    Millis scheduledInterval{60'000}; // Scheduled
    Millis unknownInterval{30'000};   // a status string we do not know, or no status reported
    // Delay of the one confirming fetch after a terminal status was first seen.
    Millis terminalConfirmDelay{15'000};
    // When set, replaces every per-status interval (and the confirm delay); backoff still
    // applies and no jitter is added, so `watch --interval 0.5` means every 500 ms.
    std::optional<Millis> fixedInterval;

    double jitter = 0.10; // +-10 %, applied to status intervals and backoff delays

    // The floor between two fetches of one job: no interval, fixedInterval, backoff or
    // Retry-After below it is used (issue 12: `--interval 0.01` on 50 jobs sent 7,791 requests
    // in 4 s). Itself never below kHardMinimumJobInterval.
    Millis minimumJobInterval{5'000};
    static constexpr Millis kHardMinimumJobInterval{100};

    Millis backoffInitial{5'000};      // first retry after a retryable failure
    Millis backoffCap{300'000};        // 5 min; also the pace of jobs with a non-retryable error
    Millis retryAfterLimit{3'600'000}; // a Retry-After beyond one hour is taken as one hour

    int maxInFlight = 4; // requests at once per profile (a list walk takes one slot)

    // Bulk refresh through the list route.
    bool bulkRefresh = true;
    int bulkThreshold = 20;    // at least this many jobs due (within bulkWindow) at once
    Millis bulkWindow{10'000}; // jobs due this soon ride along with a list walk
    int listMaxResults = 1000; // maxResults per list page
    int listMaxPages = 20;     // page cap of one list walk

    friend bool operator==(const PollSettings &, const PollSettings &) = default;
};

// The pure rules of polling: when a job is fetched next, given what the last fetch said. No
// state, no clock, no randomness of its own: callers pass a jitter draw in [-1, 1], so every
// rule is testable exactly.
class PollPolicy
{
public:
    explicit PollPolicy(const PollSettings &settings = {})
        : m_settings(settings)
    {}

    const PollSettings &settings() const { return m_settings; }

    // settings().minimumJobInterval, raised to kHardMinimumJobInterval; every delay between two
    // fetches of one job that this policy returns is at least this.
    Millis floor() const
    {
        return std::max(m_settings.minimumJobInterval, PollSettings::kHardMinimumJobInterval);
    }

    // The interval between fetches of a job last seen in `status` (before jitter), at least
    // floor(). A job that answered without any status is polled like an unknown status.
    Millis statusInterval(const std::optional<Status> &status) const;
    Millis statusInterval(JobStatus code) const;

    // `base` scaled by (1 + jitter * draw), draw clamped to [-1, 1]; never negative.
    Millis jittered(Millis base, double draw) const;
    // A polling interval with jitter, except under a fixedInterval, which is kept exact.
    // Never below floor().
    Millis jitteredInterval(Millis base, double draw) const
    {
        return std::max(floor(), m_settings.fixedInterval ? base : jittered(base, draw));
    }

    // Delay before the first fetch of a job the scheduler starts tracking, or nullopt when it
    // needs no fetch at all: a job never fetched is due at once; a job whose last-known status
    // (from the store) is terminal and was fetched without error has settled and is not
    // polled again; anything else is refreshed at once.
    std::optional<Millis> initialDelay(const std::optional<Status> &lastKnown, bool fetchedBefore,
                                       bool lastFetchFailed) const;

    // Delay after a successful fetch that reported `status` (before jitter), or nullopt when
    // polling should stop. `terminalStreak` counts consecutive successful fetches, this one
    // included, that reported a terminal status: the first one schedules the single
    // confirming fetch, the second one ends polling.
    std::optional<Millis> afterSuccess(const std::optional<Status> &status,
                                       int terminalStreak) const;

    // Delay after the n-th consecutive retryable failure (n >= 1): backoffInitial * 2^(n-1),
    // capped at backoffCap, before jitter (and before the floor: afterFailure() applies it).
    Millis backoff(int consecutiveFailures) const;

    // The full failure rule, jitter included (`draw` in [-1, 1]):
    // - a Retry-After wins over the computed backoff (even above the cap, up to
    //   retryAfterLimit) and is never shortened: only positive jitter is added to it;
    // - a non-retryable error (400/401/403/404/409...) slows the job to backoffCap;
    // - otherwise exponential backoff; jitter never takes a delay above backoffCap;
    // - never below floor().
    Millis afterFailure(const GatewayError &error, int consecutiveFailures, double draw) const;

    // Whether a failure should hold every request of the profile back until its delay has
    // passed: the gateway is unreachable (one countdown instead of thousands of doomed
    // requests), its answers break off or trickle past the deadline, rate-limiting us with a
    // Retry-After, or rejecting our credentials (401).
    static bool holdsProfile(const GatewayError &error);
    // Delay of such a profile-wide hold after the n-th consecutive profile-level failure.
    Millis profileHold(const GatewayError &error, int consecutiveFailures, double draw) const;

    // Whether a failed list walk means the list route is of no use on this gateway (as opposed
    // to a transient failure that would have hit a retrieve just the same). A page that began
    // to answer and then trickled past the deadline or broke off keeps the route: its jobs back
    // off as after a failed retrieve and the walk is tried again when they are due.
    static bool listErrorDisablesRoute(const GatewayError &error);
    // Whether a list walk that matched `matched` of `asked` jobs was worth it: it saved at
    // least bulkThreshold retrieves, or covered at least half of the jobs asked for.
    bool listWasUseful(int matched, int asked) const;

private:
    Millis unflooredInterval(JobStatus code) const;

    PollSettings m_settings;
};

} // namespace bw
