#pragma once

#include "domain/job.h"
#include "domain/jobidentifier.h"
#include "domain/watchedjob.h"
#include "texttable.h"
#include "wire/gatewayerror.h"
#include "wire/jobcodec.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace bw::cli {

// How the CLI shows jobs and errors: table cells, JSON entries and CSV rows. Pure functions of
// their arguments (the table's times also of the local time zone), so every shape is testable
// without a process.
namespace JobFormat {

// --- table (get, list) ---------------------------------------------------------------------
// STATUS, NAME, ID, MODEL, PROGRESS, SUBMITTED, ENDED. Name and model shrink first, then the
// others; at 80 columns every column keeps at least a readable stub. `withProvider` adds
// PROVIDER after ID (the job's provider, "bedrock" when none was reported): the CLI shows it
// whenever a provider other than bedrock is involved, and Bedrock-only tables stay as they were.
TextTable jobTable(bool withProvider = false);
QStringList tableCells(const QString &identifier, const Job &job, const QDateTime &now,
                       bool withProvider = false);
// The short id of what the user gave (12-character id or provider id), else the text itself.
QString shortId(const QString &identifier);
// The one notation of record counts everywhere in the CLI: "11842/25000"; "11842/?" while
// the total is unknown or 0 (WIRE.md: not known yet); "?/?" when nothing is known yet (no
// processed count, or 0 of an unknown total — never "0/?"); "" without any count.
QString countsText(const Job &job);
// "47% 11842/25000"; countsText() while the total is unknown; "" without counts. A percentage
// the provider reported itself (Gemini's progress) is shown when the counts give none:
// "82% ?/8167", "82%".
QString progressText(const Job &job);
// Local time: "03-14 09:26" within the year of `now`, "2024-12-30" in any other year (the
// year is always there when it is not this year's), "" when absent.
QString timeText(const std::optional<QDateTime> &instant, const QDateTime &now);
// The percentage of processed records, rounded down; nullopt while indeterminate.
std::optional<int> percentDone(const Job &job);

// --- JSON (get; stop and list reuse the error entry) ---------------------------------------
// {"identifier","job","fetchedAt","problems"?}: job as JobCodec::toJson (API names, UTC .mmmZ
// timestamps, absent fields omitted, raw status); problems, only when there are any, lists the
// fields the gateway sent with the wrong type as [{"field","kind","expected"?,"found"?,
// "message"}] (ParseProblem: kind as kindName(), types as valueTypeName(), message English).
QJsonObject fetchedEntry(const QString &identifier, const Job &job, const QDateTime &fetchedAt,
                         const QList<ParseProblem> &problems = {});
// compact(fetchedEntry(...)) appended to `out`, written directly without building the object
// (get writes 5,000 of them): byte for byte the same text.
void appendFetchedEntry(QByteArray &out, const QString &identifier, const Job &job,
                        const QDateTime &fetchedAt, const QList<ParseProblem> &problems = {});
// {"identifier"?,"httpStatus"?,"type"?,"message"}: httpStatus only when an HTTP answer came,
// type only when the gateway named one; message is the gateway's or network stack's full text
// (GatewayError::describe() when that is empty). `identifier` is left out when empty.
QJsonObject errorEntry(const QString &identifier, const GatewayError &error);
// {"identifier","message":"invalid identifier: <reason>"}.
QJsonObject invalidEntry(const JobIdentifier &identifier);
// The message an error entry carries.
QString errorMessage(const GatewayError &error);
// One line of `watch`: {"identifier","from"?,"to","observedAt","job"}.
QJsonObject watchLine(const QString &identifier, const StatusTransition &transition,
                      const Job &job);
// A compact one-line UTF-8 rendering (no trailing newline).
QByteArray compact(const QJsonObject &object);

// --- CSV (get, list) -----------------------------------------------------------------------
// The CSV export's header and rows (CsvExporter), so `get --format csv` and `export --format
// csv` agree column for column. RFC 4180, CRLF line ends, no byte order mark.
QString csvHeader();
QString csvRow(const QString &identifier, const Job &job);

// --- sentences -----------------------------------------------------------------------------
// "k3x9p2m7q1ab: HTTP 404 ResourceNotFoundException: Could not find job" (one line).
QString errorLine(const QString &identifier, const GatewayError &error);
// "k3x9p2m7q1ab InProgress 11842/25000 (47 %)": a progress line of `watch`.
QString progressLine(const QString &identifier, const Job &job);
// A count with its noun in the English form it takes: "1 job", "0 jobs", "3 jobs".
QString counted(qint64 count, QStringView singular, QStringView plural);

} // namespace JobFormat
} // namespace bw::cli
