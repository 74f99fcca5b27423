#pragma once

#include "export/exportwriter.h"

#include <QJsonObject>

namespace bw {

// The JSON export of PRODUCT.md §5. One UTF-8 document (no BOM), keys in this order:
//
//   {
//     "exportedAt": "2025-03-14T13:05:00.000Z",
//     "profile": { "name": "...", "baseUrl": "https://gw.example/prefix" },
//     "jobs": [
//       {
//         "identifier": "k3x9p2m7q1ab",          // as the user gave it
//         "job": { ... },                          // JobCodec::toJson of the merged job
//         "raw": { ... },                          // last body, retrieve wins over list
//         "fetchedAt": "...",                      // omitted when never fetched
//         "lastError": { ... },                    // omitted when the last fetch succeeded
//         "history": [ { "from": "Submitted", "to": "InProgress",
//                        "observedAt": "...", "lastModifiedTime": "..." } ]
//       }
//     ]
//   }
//
// Decisions (also in the README):
// - Every timestamp is UTC "YYYY-MM-DDTHH:MM:SS.mmmZ" (JobCodec::formatTimestamp).
// - Absent means omitted, never null: "baseUrl" when the profile has none, "fetchedAt" when the
//   job was never fetched, "lastError" when there is none, "from" on the first transition,
//   "lastModifiedTime" when the gateway did not report one. "raw" is always present ({} until a
//   body arrived), so is "history" ([] when nothing was observed).
// - "profile.baseUrl" has no user info, query or fragment (sanitizedBaseUrl).
// - "lastError" is an object: {"kind": "http"|"network"|"timeout"|..., "httpStatus"?: 404,
//   "type"?: "ResourceNotFoundException", "message": "...", "retryAfterSeconds"?: 30,
//   "at"?: "..."}; "message" is the gateway's or network stack's full text (describe() when
//   that is empty) with secrets of the base URL redacted (SecretRedactor).
// - Statuses are the gateway's raw strings, in "job" and in "history" alike.
// - Progress samples are not part of this format.
class JsonExporter final : public ExportWriter
{
public:
    struct Options
    {
        bool indented = true; // 4-space indentation as QJsonDocument::Indented; false: one line
    };

    JsonExporter() = default;
    explicit JsonExporter(Options options)
        : m_options(options)
    {}

    ExportFormat format() const override { return ExportFormat::Json; }
    // Progress units: jobs.
    ExportResult write(const ExportInput &input, QIODevice &device,
                       const ExportProgress &progress = {}) override;

    // Building blocks, public so that the CLI's `get --format json` matches this format.
    // The export's "lastError" object.
    static QJsonObject errorToJson(const GatewayError &error, const QDateTime &at = {},
                                   const SecretRedactor &redactor = {});
    // One "history" entry.
    static QJsonObject transitionToJson(const StatusTransition &transition);
    // One "jobs" entry (QJsonObject sorts its keys; write() keeps the documented order).
    static QJsonObject jobToJson(const ExportJob &job, const SecretRedactor &redactor = {});
    // The whole document as a value (key order as QJsonObject sorts it). For small exports and
    // tests; write() streams instead.
    static QJsonObject toJson(const ExportInput &input);

private:
    Options m_options;
};

} // namespace bw
