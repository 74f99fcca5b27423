#pragma once

#include "wire/gatewayerror.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace bw {

// When and how often an idempotent GET is tried again, the way AWS's SDKs do it: a bounded
// number of attempts, exponential backoff with full jitter (a random wait between 0 and
// min(maxDelayMs, baseDelayMs * 2^(failures-1))), and a Retry-After from the gateway honoured
// as given when it is within maxRetryAfterMs (longer: the error is returned at once rather
// than waited out). Only transient failures are retried (isTransient). A stop (POST) is never
// retried: nothing that changes a job goes through retryIdempotent().
struct RetryPolicy
{
    int maxAttempts = 3; // attempts in all, the first one included; 1 = no retries
    int baseDelayMs = 250;
    int maxDelayMs = 4000;
    int maxRetryAfterMs = 30000;
    // Uniform in [0, 1). Default: QRandomGenerator::global(). Tests inject their own.
    std::function<double()> random;

    // No retries at all (what a caller that must not resend uses).
    static RetryPolicy none();

    // Connection refused/reset/broken off, host lookup failures, timeouts, 429, 500, 502, 503,
    // 504. Never TLS, redirects, 4xx answers, bad or oversized bodies, cancellation.
    static bool isTransient(const GatewayError &error);

    // The wait in ms before the next attempt after `failures` failed attempts (1 after the
    // first) ending with `error`; nullopt when the call must give up with `error`.
    std::optional<int> delayBeforeRetry(int failures, const GatewayError &error) const;
};

// Waits `ms`, then runs `fn` on `context`'s thread (never when context died first). Default:
// QTimer::singleShot. Tests inject one that records the waits and runs at once.
using RetryScheduler = std::function<void(int ms, QObject *context, std::function<void()> fn)>;

namespace detail {
void scheduleRetry(const RetryScheduler &scheduler, int ms, QObject *context,
                   std::function<void()> fn);
void logRetry(int failures, int delayMs, const GatewayError &error);
} // namespace detail

// Runs `call` (one idempotent GET through a GatewayClient: retrieve, listPage, listAll,
// health) and, while it fails transiently and the policy allows, runs it again after the
// policy's wait. `done` runs once on `context`'s thread with the first success or the last
// error, whose `attempts` says how many were made. Nothing runs once `context` is destroyed.
template<typename T>
void retryIdempotent(const RetryPolicy &policy, QObject *context,
                     std::function<void(QObject *, std::function<void(Expected<T>)>)> call,
                     std::function<void(Expected<T>)> done, RetryScheduler scheduler = {})
{
    struct State
    {
        RetryPolicy policy;
        QPointer<QObject> context;
        std::function<void(QObject *, std::function<void(Expected<T>)>)> call;
        std::function<void(Expected<T>)> done;
        RetryScheduler scheduler;
        int failures = 0;
        std::function<void()> attempt;
    };
    auto state = std::make_shared<State>();
    state->policy = policy;
    state->context = context;
    state->call = std::move(call);
    state->done = std::move(done);
    state->scheduler = std::move(scheduler);
    std::weak_ptr<State> weak = state;
    state->attempt = [weak] {
        const std::shared_ptr<State> s = weak.lock();
        if (!s || !s->context)
            return;
        s->call(s->context, [s](Expected<T> result) {
            // Breaks the cycle state -> attempt -> state once settled.
            if (result) {
                s->attempt = {};
                s->done(std::move(result));
                return;
            }
            ++s->failures;
            const std::optional<int> wait = s->policy.delayBeforeRetry(s->failures, result.error());
            if (!wait || !s->context) {
                GatewayError e = result.error();
                e.attempts = s->failures;
                s->attempt = {};
                s->done(Expected<T>(std::move(e)));
                return;
            }
            detail::logRetry(s->failures, *wait, result.error());
            detail::scheduleRetry(s->scheduler, *wait, s->context, [s] {
                if (s->attempt)
                    s->attempt();
            });
        });
    };
    // The state lives in the callbacks in flight; the first attempt holds it until it runs.
    std::function<void()> first = state->attempt;
    first();
}

} // namespace bw
