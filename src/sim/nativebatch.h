#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bw::sim {

// The providers whose batches Bifrost's native routes (/v1/batches?provider=P) serve here.
// Bedrock's are the simulator's SimulatedJobs (the jobs of the Bedrock-format route); the others
// are NativeBatches.
enum class NativeProvider { Bedrock, OpenAI, Anthropic, Gemini };

QList<NativeProvider> allNativeProviders();
QString nativeProviderName(NativeProvider provider); // "bedrock", "openai", "anthropic", "gemini"
std::optional<NativeProvider> nativeProviderFromName(QStringView name); // exact, lower case

// One non-Bedrock batch: a fixed description and a timeline in ms relative to the simulator's
// epoch. Its state at any instant is a pure function of the timeline and the (optional) cancel
// request, like SimulatedJob.
struct NativeBatch
{
    enum class End {
        Completed, // every reachable record processed (Anthropic: "ended")
        Failed,    // failed validation (OpenAI, Gemini): no records
        Expired,   // the completion window ran out after `reached` records
    };

    NativeProvider provider = NativeProvider::OpenAI;
    QString id;
    QString name; // metadata.job_name (OpenAI) / metadata.display_name (Gemini); Anthropic: none
    QString endpoint; // OpenAI "/v1/chat/completions" or "/v1/embeddings"
    QString inputFileId;
    QString outputFileId; // sent once ended with records
    QString errorFileId;  // sent once ended with failed records
    QString customIdPrefix;
    quint64 seed = 0; // of its result records

    qint64 createdMs = 0;
    qint64 inProgressMs = 0; // validating -> in_progress (Anthropic: == createdMs)
    qint64 finalizingMs = 0; // in_progress -> finalizing (OpenAI only; others: == endMs)
    qint64 endMs = 0;
    End end = End::Completed;
    qint64 windowMs = 24 * 3'600'000LL; // completion window / expiry
    qint64 total = 0;                   // records in the batch
    qint64 reached = 0;                 // records processed when it ends (<= total)
    qint64 errNum = 0;                  // errors among n processed records: n * errNum / errDen
    qint64 errDen = 1;
    qint64 cancelDurationMs = 45'000; // cancelling -> cancelled
    std::optional<qint64> cancelRequestedMs;

    static constexpr qint64 ProgressStepMs = 20'000; // counters advance in steps

    qint64 expiresMs() const { return createdMs + windowMs; }
    qint64 errorsAmong(qint64 processed) const
    {
        return errDen > 0 ? processed * errNum / errDen : 0;
    }

    // What the provider reports at an instant (before Bifrost's mapping to JSON).
    struct State
    {
        QString status;           // Bifrost's status
        QString processingStatus; // Anthropic only
        bool terminal = false;
        qint64 processed = 0; // records with an outcome (succeeded or errored)
        qint64 errors = 0;
        qint64 expired = 0;  // Anthropic
        qint64 canceled = 0; // Anthropic
        int progress = 0;    // Gemini percent
        std::optional<qint64> inProgressAt, finalizingAt, completedAt, failedAt, expiredAt,
                cancellingAt, cancelledAt;
    };
    State stateAt(qint64 nowMs) const;
    bool isCancellableAt(qint64 nowMs) const
    {
        return !stateAt(nowMs).terminal && !(cancelRequestedMs && nowMs >= *cancelRequestedMs);
    }
    // Records that have a result once it ended: processed plus expired and canceled ones.
    qint64 resultCountAt(qint64 nowMs) const;

private:
    qint64 processedAt(qint64 atMs) const;
};

namespace NativeBatchGenerator {

// `perProvider` batches for each of OpenAI, Anthropic and Gemini, the same for the same seed.
// The first ones of each provider cover every status at the epoch or within minutes of it.
// With `largeResults` > 0, one completed OpenAI batch ("bulk-export-large") has that many
// records.
QList<NativeBatch> generate(quint64 seed, int perProvider, qint64 largeResults);

} // namespace NativeBatchGenerator

// One record of a batch's results, generated from (seed, index) alone: nothing is held.
struct NativeResultRecord
{
    enum class Kind { Succeeded, Errored, Expired, Canceled };
    QString customId;
    Kind kind = Kind::Succeeded;
    int statusCode = 200;
    QString code;    // error.code
    QString message; // error.message
    int inputTokens = 0;
    int outputTokens = 0;
};

namespace NativeResults {

// Record `index` (0-based) of a batch whose `processed` records hold `errors` errors spread
// evenly (exactly `errors` of them are errors), followed by `expired` then `canceled` records.
NativeResultRecord record(NativeProvider provider, quint64 seed, const QString &customIdPrefix,
                          qint64 index, qint64 processed, qint64 errors, qint64 expired);
// "claim-000042": the prefix and the 1-based number, zero-padded to at least 6 digits.
QString customId(const QString &prefix, qint64 index);
// The index after the record named by a cursor (a custom id); nullopt when it is not one.
std::optional<qint64> indexAfter(const QString &prefix, const QString &cursor);

} // namespace NativeResults

} // namespace bw::sim
