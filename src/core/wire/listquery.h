#pragma once

#include "domain/job.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace bw {

// Filters for one list request. The gateway may ignore any of them (Bifrost drops most):
// callers always filter locally too, with matches() — the one rule the Add jobs dialog's
// Discover tab and `batchwatch-cli list` share.
struct ListQuery
{
    int maxResults = 100; // 1..1000
    std::optional<QString> nextToken;
    std::optional<QString> statusEquals;
    std::optional<QString> nameContains;
    std::optional<QDateTime> submitTimeAfter;
    std::optional<QDateTime> submitTimeBefore;
    bool sortDescending = true;

    // The local filter, applied to what the gateway returned:
    //  - statusEquals compares the *normalised* status (Status::fromString: "inprogress",
    //    "InProgress" and "IN_PROGRESS" are one status, and Bifrost's raw spelling of a known
    //    status matches its enum name); a word batchwatch does not know is compared with the
    //    gateway's raw string, case-insensitively. A job without a status never matches.
    //  - nameContains: case-insensitive substring of jobName; a job without a name never matches.
    //  - submitTimeAfter / submitTimeBefore: *inclusive* bounds on submitTime, compared as
    //    instants (a job submitted exactly at a bound matches); a job without a submitTime never
    //    matches a time bound.
    // Paging fields (maxResults, nextToken, sortDescending) do not filter.
    bool matches(const Job &job) const;
    // The status part of matches() alone, for a filter that allows several statuses.
    static bool statusMatches(const Job &job, const QString &wanted);
};

} // namespace bw
