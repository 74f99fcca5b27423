#pragma once

#include "domain/job.h"
#include "wire/gatewayerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bw {

struct ParsedJob
{
    Job job;
    QJsonObject raw; // the object exactly as received, unknown fields included
    QList<ParseProblem> problems;
    // The body `raw` was read from, as received, when it was a whole response body
    // (parseRetrieveBody); empty otherwise. The store writes these bytes instead of serialising
    // `raw` again (JobUpdate::rawRetrieveText).
    QByteArray rawText;
};

struct ListPage
{
    QList<ParsedJob> jobs;
    std::optional<QString> nextToken; // absent or empty string -> nullopt
    QList<ParseProblem> problems;
};

// Reply of a stop request: Bifrost answers {"jobArn","status"}, AWS answers {}.
struct StopAck
{
    std::optional<QString> jobArn;
    std::optional<Status> status;
};

// Pure functions between wire bytes and domain values. Never throws, never crashes on any input;
// a field of the wrong type becomes a ParseProblem, never a silent zero or empty string.
namespace JobCodec {

// ISO 8601 with 'Z' or an offset and 0-9 fractional digits; the result is UTC. Also accepts
// a space for 'T', a missing zone (taken as UTC) and epoch seconds given as a number string.
std::optional<QDateTime> parseTimestamp(QStringView text);
// UTC "YYYY-MM-DDTHH:MM:SS.mmmZ".
QString formatTimestamp(const QDateTime &instant);

ParsedJob parseJob(const QJsonObject &object);
// Whether parseRetrieveBody hands back the body's object (ParsedJob::raw).
enum class RawObject {
    Keep, // always
    // Only when the body had to be read through QJsonDocument: a body of the common shape (job
    // fields only, each of its type, nothing to report) is read directly and `raw` stays empty
    // (rawText holds the body). For callers that never read `raw` (the CLI's get).
    Omit,
};

// A 2xx retrieve body. BadBody error when it is not a JSON object, carries no job field, or
// has a status of the wrong type, or neither a readable jobArn nor a status (the message names
// status, jobArn when that is unreadable too, and every other field of the wrong type).
// Otherwise fields of the wrong type stay "not reported" and are listed in ParsedJob::problems.
// The job, the problems, rawText and the error are the same whichever `raw` is asked for.
Expected<ParsedJob> parseRetrieveBody(const QByteArray &body, RawObject raw = RawObject::Keep);
// The problems parseJob finds in a raw body kept from earlier (WatchedJob::rawBody()): what the
// Raw tab lists next to the body.
QList<ParseProblem> problemsIn(const QJsonObject &raw);
// A 2xx list body {"invocationJobSummaries":[...],"nextToken"?}.
Expected<ListPage> parseListBody(const QByteArray &body);
Expected<StopAck> parseStopBody(const QByteArray &body);

// Turns a non-2xx response into a typed error: AWS "__type", the published {"message","type"},
// Bifrost's {"error":{"message"},"status_code"} envelope, plain text and HTML pages.
GatewayError parseErrorResponse(int httpStatus, const QByteArray &body,
                                const QByteArray &contentType = {},
                                const QByteArray &amznErrorType = {});
// "com.amazon.coral.validate#ValidationException:extra" -> "ValidationException".
QString cleanErrorType(QString type);
// application/json, application/x-amz-json-1.1, anything+json, case-insensitive with params.
bool isJsonContentType(const QByteArray &contentType);
bool looksLikeHtml(const QByteArray &body);

// The job as the API would send it: API field names, timestamps normalised by formatTimestamp,
// absent fields omitted, status as the gateway's raw string.
QJsonObject toJson(const Job &job);
// toJson(job) as compact JSON text, written directly without building the object (the store's
// job_json column): the same bytes as QJsonDocument(toJson(job)).toJson(Compact), keys sorted.
QByteArray toJsonBytes(const Job &job);
// toJsonBytes' text appended to `out` (a caller's reused buffer, or a larger document being
// written). False, with `out` as it was, when the job holds a UTF-16 surrogate anywhere (the
// caller then writes it through QJsonDocument, as toJsonBytes does).
bool appendJsonBytes(QByteArray &out, const Job &job);
// `text` appended to `out` as a JSON string, quotes included, escaped exactly as
// QJsonDocument::toJson escapes it. False, with `out` as it was, on a UTF-16 surrogate.
bool appendJsonString(QByteArray &out, const QString &text);
// The inverse of toJson (how the store reads a job back): toJson's exact shape is read quickly;
// anything else (an older or newer shape, a row written by hand) is read as parseJob reads it.
// For every job, fromJson(toJson(job)) == job.
Job fromJson(const QJsonObject &object);
// toJsonBytes' text read back directly, without QJsonDocument (the store's job_json column at
// start-up): nullopt for any text toJsonBytes would not have written (the caller reads that with
// fromJson). Whenever it gives a job, it is fromJson(QJsonDocument::fromJson(text).object()).
std::optional<Job> fromJsonBytes(QByteArrayView text);

} // namespace JobCodec
} // namespace bw
