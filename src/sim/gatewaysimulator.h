#pragma once

#include "domain/job.h"
#include "domain/jobstatus.h"
#include "simulatoroptions.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace bw::sim {

// One request as the simulator received it.
struct RecordedRequest
{
    QString method; // "GET", "POST", ...
    QString path;   // exactly as sent, still percent-encoded ("/bedrock/...%3A...")
    QString query;  // as sent, percent-encoded, without '?'
    QList<std::pair<QByteArray, QByteArray>> headers; // as sent (tests only; may hold keys)
};

// One batch the native routes serve (bifrost flavour): provider ("bedrock", "openai",
// "anthropic", "gemini"), id as the routes take it (a Bedrock job's ARN) and its name (Bedrock:
// jobName; OpenAI: metadata.job_name; Gemini: metadata.display_name; Anthropic: empty).
struct NativeBatchInfo
{
    QString provider;
    QString id;
    QString name;
};

// A simulated Bifrost / AWS Bedrock batch gateway on 127.0.0.1 (never another interface).
//
// Jobs are generated from the seed (see JobGenerator) and move through their lifecycles on a
// simulated clock: epoch + speed × real time since construction + advance()d time, or whatever
// setClock() supplies. What the gateway reports (every timestamp, and now()) never runs ahead of
// the real clock, though: an instant reached by running at a speed above 1 is stamped when it
// was reached in real time (an hour run in 30 s at speed 120 is stamped 30 s long), so a client
// comparing a lastModifiedTime with its own clock never sees one in the future. Instants before
// the epoch, advance()d jumps and a setClock() clock are stamped as they are. Every response is
// computed from the clock at the moment of the request, so nothing runs between requests and
// thousands of jobs stay cheap.
//
// Routes (WIRE.md): GET /health; GET /bedrock/model-invocation-job/{id} (singular);
// GET /bedrock/model-invocation-jobs/{id} (plural: works only in the published flavour; HTML in
// bifrost, JSON 404 in aws); GET /bedrock/model-invocation-jobs (list);
// POST /bedrock/model-invocation-job/{id}/stop. {id} is a 12-character id, a full ARN
// percent-encoded as one segment, or a provider id; the path is parsed from the raw request
// line, so "%2F" inside a segment is handled.
//
// The bifrost flavour also serves Bifrost's native batch routes (WIRE.md, "Bifrost's native
// batch routes"): GET /v1/batches, GET /v1/batches/{id}, POST /v1/batches/{id}/cancel and
// GET /v1/batches/{id}/results, each with ?provider=P or an x-model-provider header (neither:
// 400). {id} is one segment, percent-decoded once ("batches%2Fabc"). Provider "bedrock" shows the
// same jobs as the Bedrock-format routes (ARN ids, all-zero request_counts); "openai",
// "anthropic" and "gemini" have their own batches (see NativeBatchGenerator). Results are paged
// (has_more, next_cursor = the last custom_id; pass it back as ?cursor=) and generated per page.
//
// Faults (FaultOptions) hit any request except /health with probability rate; the sequence is
// reproducible for a seed and the same order of requests. Every signal is emitted on the
// thread that owns the simulator, while the request is being handled.
class GatewaySimulator : public QObject
{
    Q_OBJECT

public:
    explicit GatewaySimulator(const SimulatorOptions &options = {}, QObject *parent = nullptr);
    ~GatewaySimulator() override;

    // Listens on 127.0.0.1:port (0 picks a free port). False when the port cannot be bound;
    // errorString() says why. Calling it again while listening returns true and changes nothing.
    bool start(quint16 port = 0);
    bool isListening() const;
    QString errorString() const;
    quint16 port() const; // 0 until started
    QUrl baseUrl() const; // http://127.0.0.1:<port>, empty until started

    const SimulatorOptions &options() const;
    Flavour flavour() const;
    // May be changed at any time; they apply from the next request.
    void setFaults(const FaultOptions &faults);
    void setRequiredKey(const QString &key);

    // Jobs in generation order (the first ones cover every status, see JobGenerator).
    QStringList jobArns() const;
    QStringList jobIds() const; // 12-character ids, same order
    int jobCount() const;

    // --- simulated time ---
    QDateTime epoch() const; // simulated time at construction (UTC)
    QDateTime now() const;   // current simulated time as stamped (UTC; see above)
    // Moves simulated time forward (or back, for negative values) by `seconds`.
    void advance(qint64 seconds);
    // Changes the time factor from now on without a jump in simulated time; 0 pauses.
    void setSpeed(double speed);
    double speed() const;
    // Replaces the clock: now() becomes clock() plus the advance()d time; speed no longer
    // applies. An empty function restores the default (epoch + speed × real elapsed time).
    void setClock(std::function<QDateTime()> clock);

    // --- state, without HTTP ---
    // The job named by an id, ARN or provider id, with every field and the exact AWS status
    // as of now(); nullopt when unknown.
    std::optional<Job> jobState(const QString &identifier) const;
    std::optional<JobStatus> jobStatus(const QString &identifier) const;
    // Same effect as the stop route; false when unknown or no longer stoppable.
    bool stopJob(const QString &identifier);

    // The body the retrieve route would answer now, without HTTP, recording nothing and never
    // faulted (the demo's backfill reads the gateway's own words): the Bedrock-format retrieve
    // of a job in this flavour, and Bifrost's native retrieve of a batch of `provider` (bifrost
    // flavour only). Empty when the job is unknown.
    QByteArray retrieveBody(const QString &identifier) const;
    QByteArray nativeRetrieveBody(const QString &provider, const QString &id) const;

    // --- native routes (bifrost flavour; empty in the others) ---
    // Every batch the native routes serve: Bedrock jobs first (generation order), then OpenAI,
    // Anthropic and Gemini batches.
    QList<NativeBatchInfo> nativeBatches() const;
    // The Bedrock job Bifrost reports "failed" (AWS: PartiallyCompleted) whose records almost all
    // succeeded: 41,000 of 41,234. Its ARN; empty outside the bifrost flavour.
    QString partlySucceededJobArn() const;
    // The OpenAI batch of SimulatorOptions::largeResultsRecords; empty when there is none.
    QString largeResultsBatchId() const;

    // --- observation for tests ---
    int requestCount() const; // every request, /health included, faulted or not
    RecordedRequest lastRequest() const;

Q_SIGNALS:
    // Emitted for every request as it arrives; path is percent-encoded as sent.
    void requestReceived(const QString &method, const QString &path);
    // Emitted when a fault is applied; kind is faultKindName() ("503", "reset", ...).
    void faultInjected(const QString &kind, const QString &path);
    // Emitted when a stop request was accepted (over HTTP or stopJob()).
    void jobStopped(const QString &jobArn);
    // Emitted when a native cancel of an OpenAI, Anthropic or Gemini batch was accepted.
    void nativeBatchCancelled(const QString &provider, const QString &id);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace bw::sim
