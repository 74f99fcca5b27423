#pragma once

#include "domain/job.h"
#include "domain/rawbody.h"
#include "domain/resultssummary.h"
#include "wire/gatewayerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bw {

// One observed status change. `from` is empty for the first status seen for a job.
struct StatusTransition
{
    std::optional<Status> from;
    Status to;
    QDateTime observedAt;                      // local clock, UTC
    std::optional<QDateTime> lastModifiedTime; // the gateway's, when it reported one
};

// Progress counters at one moment (only recorded when the gateway reports counts).
struct ProgressSample
{
    QDateTime at; // UTC
    qint64 total = 0;
    qint64 processed = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
};

// Where a raw body came from; the last body of each source is kept.
enum class BodySource { Retrieve, List, Native };

// A job the user asked to follow on one profile, with everything learned about it.
struct WatchedJob
{
    QString identifier; // exactly as the user gave it: the local key (with profileId)
    QString profileId;
    Job job; // merged from every response
    // The last body of each source (empty if none yet). Kept as read from the store until
    // something asks for the object (RawBody::object()).
    RawBody rawRetrieve;                   // last retrieve body
    RawBody rawList;                       // last list summary
    RawBody rawNative;                     // last body of Bifrost's native retrieve
    QDateTime addedAt;                     // when the user started watching
    QDateTime fetchedAt;                   // last successful fetch (invalid: never)
    std::optional<GatewayError> lastError; // last failed fetch, cleared by a success
    QDateTime lastErrorAt;
    bool notFound = false; // last answer was a 404: not found on this gateway (never deleted)
    // Fields any response from this gateway ever reported for this job (for "not reported").
    JobFields everReported;
    // Fields whose current value came from Bifrost's native API rather than the Bedrock-format
    // route (the details panel says which route said what).
    JobFields fromNative;
    // Record counts taken from the per-record results because the gateway reports none for the
    // job (JobMonitor::fillCountsFromResults); never stored, derived again from the results.
    JobFields fromResults;
    // The per-record results, once fetched (absent: never fetched).
    std::optional<ResultsSummary> results;

    // Newest raw body of either source (retrieve wins when both exist).
    QJsonObject rawBody() const
    {
        return rawRetrieve.isEmpty() ? rawList.object() : rawRetrieve.object();
    }
    // Stale: the last poll failed (or the job was never fetched) — the row shows last-known data.
    bool isStale() const { return lastError.has_value() || !fetchedAt.isValid(); }
    // Since when the row has not been confirmed (fetchedAt, or addedAt when never fetched).
    QDateTime staleSince() const { return fetchedAt.isValid() ? fetchedAt : addedAt; }
};

} // namespace bw

Q_DECLARE_METATYPE(bw::WatchedJob)
Q_DECLARE_METATYPE(bw::StatusTransition)
Q_DECLARE_METATYPE(bw::ProgressSample)
