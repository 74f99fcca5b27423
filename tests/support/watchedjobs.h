#pragma once

#include "domain/watchedjob.h"
#include "wire/jobcodec.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace bw::test {

// A watched job of profile "prod" as `parsed` leaves it: its raw body kept as a list entry
// (`fromList`) or as a retrieve, every field it carried counted as reported, added at `addedAt`
// and last fetched at `fetchedAt`.
WatchedJob watchedFrom(const ParsedJob &parsed, const QString &identifier, const QDateTime &addedAt,
                       const QDateTime &fetchedAt, bool fromList = false);
// The retrieve body of fixture `name` as watchedFrom() makes it. When it does not parse, fails
// the current test function and returns an empty job.
WatchedJob watchedFromFixture(const QString &name, const QString &identifier,
                              const QDateTime &addedAt, const QDateTime &fetchedAt);
// The six jobs the model tests show: the three summaries of list-page1-aws-native.json
// (Completed, PartiallyCompleted, Scheduled; their raw bodies kept as list entries when
// `summariesAsList`), then the retrieves of an InProgress, a Failed and a cross-provider
// "finalizing" job, under `identifiers` in that order. When the list fixture does not parse,
// fails the current test function and returns six empty jobs (indexing stays valid).
QList<WatchedJob> sixFixtureJobs(const QStringList &identifiers, const QDateTime &addedAt,
                                 const QDateTime &fetchedAt, bool summariesAsList);

} // namespace bw::test
