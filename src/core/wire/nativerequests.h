#pragma once

#include "domain/resultsaccumulator.h"
#include "domain/resultssummary.h"
#include "wire/jobcodec.h"
#include "wire/nativecodec.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace bw {

// What the native-route methods of GatewayClient take and give (Bifrost's native batch API,
// WIRE.md "Bifrost's native batch routes").

struct NativeRetrieveResult
{
    ParsedJob parsed;
    QString provider;    // the provider asked
    QDateTime fetchedAt; // UTC, local clock at the time the body arrived
};

// One native list page request. `cursor` is what the previous page said to continue from (its
// next cursor, else its last id); it goes out as each provider's own parameter: `after`
// (OpenAI, Azure, Bedrock, ...), `after_id` (Anthropic), `page_token` (Gemini, Vertex).
// `limit` goes out as `limit`, or `page_size` for Gemini and Vertex; 0 leaves it out.
struct NativeListQuery
{
    QString provider;
    int limit = 0;
    QString cursor;
};

struct NativeListResult
{
    QList<ParsedJob> jobs; // deduplicated by id, first seen wins
    int pages = 0;
    bool truncated = false; // the page cap or a repeated cursor ended the walk with more to come
    QList<ParseProblem> problems;
};

struct NativeResultsOptions
{
    static constexpr qint64 kDefaultMaxBytes = qint64(256) * 1024 * 1024;
    // Bytes of result bodies read at most, over every page. The page that would cross it is
    // abandoned and the summary says `capped`.
    qint64 maxBytes = kDefaultMaxBytes;
    int maxPages = 10000;
    // Called for every record that did not succeed, in order, as pages arrive (for an export
    // of failed records; nothing is kept for it). Runs on the client's thread.
    std::function<void(const ResultRecord &)> onFailedRecord;
};

// Handle of one call in flight, for GatewayClient::cancelRequest(). Null once settled.
using GatewayRequestHandle = QPointer<QObject>;

} // namespace bw
