#pragma once

#include "domain/resultssummary.h"
#include "domain/watchedjob.h"
#include "wire/gatewayerror.h"
#include "wire/jobcodec.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace bw {

class GatewayClient;

// One way of reading the batch jobs of ONE provider on a gateway: the Bedrock-format route,
// Bifrost's native batch API for a provider, later AWS itself. JobMonitor polls each watched job
// through the source of its provider; every source decodes into the same Job.
//
// Calls take a context and a callback; the callback runs exactly once on the context's thread
// and never inside the call (unless the context is destroyed first: then it never runs). A
// source that cannot do something answers a GatewayError (Kind::Http 501) rather than nothing.
class JobSource
{
public:
    enum class Api {
        BedrockRoute, // /bedrock/model-invocation-job[s]/... (Bedrock jobs only)
        Native,       // Bifrost's /v1/batches...?provider=P (any provider)
    };

    // What a stop is called for this source's jobs: Bedrock's own route "stops" a job, every
    // native provider "cancels" a batch.
    enum class StopWord { Stop, Cancel };

    using RetrieveDone = std::function<void(Expected<ParsedJob>)>;
    using ListDone = std::function<void(Expected<QList<ParsedJob>>)>;
    using StopDone = std::function<void(Expected<StopAck>)>;
    // bytesRead so far; the read goes on.
    using ResultsProgress = std::function<void(qint64 bytesRead)>;
    using ResultsDone = std::function<void(Expected<ResultsSummary>)>;

    virtual ~JobSource() = default;

    virtual Api api() const = 0;
    virtual QString provider() const = 0; // lower case, "bedrock" for the Bedrock-format route
    StopWord stopWord() const
    {
        return api() == Api::BedrockRoute ? StopWord::Stop : StopWord::Cancel;
    }
    // Where a body read through this source is kept on the WatchedJob.
    BodySource retrieveBodySource() const
    {
        return api() == Api::Native ? BodySource::Native : BodySource::Retrieve;
    }

    virtual void retrieve(const QString &identifier, QObject *context, RetrieveDone done) = 0;
    // Every job of this provider the source can list, walking at most maxPages pages.
    virtual void list(int maxPages, QObject *context, ListDone done) = 0;
    virtual void stop(const QString &identifier, QObject *context, StopDone done) = 0;
    // Reads the per-record results (streamed, capped at capBytes). Returns a handle for
    // cancelResults(); a cancelled read answers Kind::Cancelled.
    virtual int fetchResults(const QString &identifier, qint64 capBytes, QObject *context,
                             ResultsProgress progress, ResultsDone done)
            = 0;
    virtual void cancelResults(int handle) = 0;
};

// The error a source answers for what it cannot do (HTTP 501-like, never retried).
GatewayError unsupportedBySource(const QString &what);

// "Stop" or "Cancel" for a job of `provider`, as the GUI's buttons and confirmations say it:
// Bedrock jobs are stopped, the batches of every other provider are cancelled.
JobSource::StopWord stopWordForProvider(const QString &provider);
QString stopVerb(const QString &provider); // "Stop" / "Cancel"

// The Bedrock-format route of a GatewayClient (Bedrock jobs only; no per-record results).
class BedrockRouteSource : public JobSource
{
public:
    explicit BedrockRouteSource(GatewayClient *client, int listMaxResults = 1000);

    Api api() const override { return Api::BedrockRoute; }
    QString provider() const override { return QStringLiteral("bedrock"); }
    void retrieve(const QString &identifier, QObject *context, RetrieveDone done) override;
    void list(int maxPages, QObject *context, ListDone done) override;
    void stop(const QString &identifier, QObject *context, StopDone done) override;
    int fetchResults(const QString &identifier, qint64 capBytes, QObject *context,
                     ResultsProgress progress, ResultsDone done) override;
    void cancelResults(int) override {}

    void setListMaxResults(int n) { m_listMaxResults = n; }

private:
    GatewayClient *m_client;
    int m_listMaxResults;
};

// Bifrost's native batch API for one provider (GET /v1/batches/{id}?provider=P, ...) through a
// GatewayClient: batches of any provider, cancel, per-record results.
class NativeBatchSource : public JobSource
{
public:
    NativeBatchSource(GatewayClient *client, const QString &provider);

    Api api() const override { return Api::Native; }
    QString provider() const override { return m_provider; }
    void retrieve(const QString &identifier, QObject *context, RetrieveDone done) override;
    void list(int maxPages, QObject *context, ListDone done) override;
    void stop(const QString &identifier, QObject *context, StopDone done) override;
    int fetchResults(const QString &identifier, qint64 capBytes, QObject *context,
                     ResultsProgress progress, ResultsDone done) override;
    void cancelResults(int handle) override;

private:
    GatewayClient *m_client;
    QString m_provider;
    QHash<int, QPointer<QObject>> m_reads; // results reads in flight by handle
    int m_nextHandle = 0;
};

} // namespace bw
