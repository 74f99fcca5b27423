#pragma once

#include "domain/resultsaccumulator.h"
#include "wire/gatewayerror.h"
#include "wire/jobcodec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace bw {

// One page of GET /v1/batches?provider=P (Bifrost's native list).
struct NativeListPage
{
    QList<ParsedJob> jobs;
    bool hasMore = false;
    std::optional<QString> firstId;
    std::optional<QString> lastId;
    // An opaque cursor when the gateway sends one (next_cursor / next_page_token); absent or
    // empty -> nullopt.
    std::optional<QString> nextCursor;
    QList<ParseProblem> problems;
};

// One page of GET /v1/batches/{id}/results?provider=P. The records themselves went to the sink.
struct NativeResultsPage
{
    QString batchId;
    qint64 records = 0;
    bool hasMore = false;
    std::optional<QString> nextCursor; // absent or empty -> nullopt
    QList<ParseProblem> problems;
};

// Pure functions between Bifrost's native batch bodies and domain values (WIRE.md, "Bifrost's
// native batch routes"). Never throws, never crashes on any input; a field of the wrong type
// becomes a ParseProblem and is left "not reported".
namespace NativeCodec {

// A retrieve body or a list item -> Job: id -> jobArn; extra_fields.provider (else
// `askedProvider`) -> provider, lower case; created_at -> submitTime; expires_at ->
// jobExpirationTime; the *_at Unix seconds -> the per-status fields and endTime = the terminal
// one (completed, failed, expired, cancelled); metadata.job_name (else display_name) ->
// jobName; input_file_id / output_file_id -> the s3Uri of input/outputDataConfig;
// errors.data -> message ("code: message",
// at most five, joined by "; "); Gemini `progress` -> progressPercent.
// request_counts, per Bifrost's mapping: total -> total; failed -> errors; succeeded when sent
// (Anthropic) else completed -> successes; processed = successes + failed (+ expired + canceled).
// Counts that are all zero, and Gemini's zero counts beside a progress, are left unreported
// (Bifrost always sends request_counts, all zeros when the provider said nothing): never
// "0 of 0".
ParsedJob parseBatch(const QJsonObject &object, const QString &askedProvider = {});
// A 2xx retrieve (or cancel) body. BadBody when it is not a JSON object, when its id is
// missing, empty or not text, or when its status is there but not text (the message names id
// and status, what they were, and the other fields of the wrong type). Otherwise fields of the
// wrong type stay "not reported" and are listed in ParsedJob::problems.
Expected<ParsedJob> parseRetrieveBody(const QByteArray &body, const QString &askedProvider = {});
// The problems parseBatch finds in a native body kept from earlier (WatchedJob::rawNative):
// what the Raw tab and the Overview list for it.
QList<ParseProblem> problemsIn(const QJsonObject &raw);
Expected<ParsedJob> parseCancelBody(const QByteArray &body, const QString &askedProvider = {});
// A 2xx list body {"object":"list","data":[...],"has_more","first_id","last_id",...}.
Expected<NativeListPage> parseListBody(const QByteArray &body, const QString &askedProvider = {});
// One per-record result object -> ResultRecord (problems appended with `path` as prefix).
ResultRecord parseResultRecord(const QJsonObject &object, QList<ParseProblem> &problems,
                               const QString &path = {});
// A 2xx results body: every record goes to `sink` in order (a record that is not an object is
// a problem, not a record). BadBody when the body is not a JSON object or has no results array.
Expected<NativeResultsPage> parseResultsBody(const QByteArray &body,
                                             const std::function<void(const ResultRecord &)> &sink);

} // namespace NativeCodec
} // namespace bw
