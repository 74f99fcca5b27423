#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw::sim {

// Which real-world gateway the simulator imitates (WIRE.md).
enum class Flavour {
    Bifrost,   // sparse bodies, lossy statuses, "__type" errors, HTML on unknown GETs,
               // list without nextToken and without server-side filters
    Aws,       // full bodies, AWS errors with X-Amzn-Errortype, {} on stop, real pagination
    Published, // the documented plural retrieve route; the singular one is a JSON 404
};

QString flavourName(Flavour flavour); // "bifrost", "aws", "published"
std::optional<Flavour> flavourFromName(QStringView name);

// One kind of injected failure.
enum class FaultKind {
    Http500,
    Http502,
    Http503,
    Http504,
    Throttle429, // ThrottlingException with Retry-After
    Reset,       // the connection is reset (RST) without any response
    Truncated,   // 200 with valid headers whose JSON body is cut short (Content-Length matches)
    Html,        // 200 text/html page instead of JSON (a proxy or login page)
    Latency,     // the normal answer, delayed by FaultOptions::latencyMs
};

QList<FaultKind> allFaultKinds();
QString faultKindName(FaultKind kind); // "500", "429", "reset", "truncated", "html", "latency"
std::optional<FaultKind> faultKindFromName(QStringView name);
// Parses "500,503,reset" (case-insensitive, spaces allowed). An unknown name gives nullopt and,
// when `error` is given, a sentence naming it.
std::optional<QList<FaultKind>> parseFaultKinds(const QString &list, QString *error = nullptr);

struct FaultOptions
{
    double rate = 0.0; // 0..1: share of requests (except /health) that get a fault
    QList<FaultKind> kinds = allFaultKinds(); // one is picked uniformly per faulted request
    int latencyMs = 2000;                     // delay of a Latency fault
    int retryAfterSeconds = 2;                // Retry-After of a 429
};

struct SimulatorOptions
{
    Flavour flavour = Flavour::Bifrost;
    quint64 seed = 1;    // same seed (and epoch) -> same jobs, same bodies, same fault sequence
    double speed = 1.0;  // simulated seconds per real second; 0 freezes time (use advance())
    int jobCount = 36;   // 36 covers every status and lifecycle; thousands are fine
    QString requiredKey; // empty: no authentication; else x-bf-vk / Bearer / x-api-key
    FaultOptions faults;
    // Simulated time at construction. Invalid: the current time, whole seconds, UTC. Every job
    // is placed relative to it, so a fixed epoch makes bodies byte-for-byte reproducible.
    QDateTime epoch;
    int bifrostUtcOffsetSeconds = 3600; // zone of Bifrost's whole-second timestamps (+01:00)

    // Bifrost's native batch routes (/v1/batches?provider=P; bifrost flavour only).
    int nativeBatchesPerProvider = 8; // OpenAI, Anthropic and Gemini each; Bedrock's are the jobs
    int resultsPageSize = 1000;     // records per results page (1..100000; a client may ask less);
                                    // 0: unpaged, one body streamed while the client reads it
    qint64 largeResultsRecords = 0; // > 0: one more OpenAI batch with this many result records
    // Bedrock's native retrieve as Bifrost's Bedrock provider fills it (false: the ARN, status,
    // S3 URIs, created_at, completed_at, expires_at) or, true, also metadata {job_name, model_id}
    // and the in_progress_at / cancelling_at a richer gateway could report.
    bool bedrockNativeDetail = false;
};

} // namespace bw::sim
