#pragma once

#include "wire/gatewayclient.h"
#include "wire/retrypolicy.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw::cli {

// Retrieves many jobs through one GatewayClient, with at most maxInFlight() requests at a
// time on the client's (reused, keep-alive) connections, and hands the outcomes back in INPUT
// order: outcomeReady(i) fires for 0, 1, 2, ... as soon as every outcome up to i is known, so
// a caller can stream its output; finished() follows the last one. A retrieve that fails
// transiently (reset, refused, timeout, 429, 5xx) is tried again under retryPolicy()
// (retryIdempotent: bounded, jittered, Retry-After honoured); the outcome is the first success
// or the last error.
//
// The provider (setProvider) chooses the route: "bedrock" (the default) the Bedrock-format
// retrieve, any other Bifrost's native GET /v1/batches/{id}?provider=P (the job then carries
// the provider).
class JobFetcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultMaxInFlight = 4;

    struct Outcome
    {
        QString identifier;
        std::optional<RetrieveResult> result; // set on success
        std::optional<GatewayError> error;    // set on failure
    };

    explicit JobFetcher(GatewayClient *client, QObject *parent = nullptr);

    void setMaxInFlight(int count) { m_maxInFlight = std::max(1, count); }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    void setProvider(const QString &provider) { m_provider = provider; }
    // Providers of single identifiers (the stored jobs of several providers); the others go
    // through provider().
    void setProviders(const QHash<QString, QString> &byIdentifier) { m_providers = byIdentifier; }
    const QString &provider() const { return m_provider; }
    const RetryPolicy &retryPolicy() const { return m_retry; }
    int maxInFlight() const { return m_maxInFlight; }

    // Starts fetching; call once. With no identifiers finished() follows on the event loop.
    void fetch(const QStringList &identifiers);

    const QList<Outcome> &outcomes() const { return m_outcomes; }
    // Frees the result of outcome `index` (its job and body) once the caller has used it, e.g.
    // written it out: only its identifier and error (none) stay. succeeded() is unchanged.
    void releaseResult(int index) { m_outcomes[index].result.reset(); }
    int succeeded() const { return m_succeeded; }
    int failed() const { return m_failed; }
    // Failures in which the gateway gave no answer at all (network, timeout, TLS).
    int unreachable() const { return m_unreachable; }

Q_SIGNALS:
    void outcomeReady(int index);
    void finished();

private:
    void startNext();
    void settle(int index, Outcome outcome);

    GatewayClient *m_client;
    int m_maxInFlight = kDefaultMaxInFlight;
    RetryPolicy m_retry;
    QString m_provider = QStringLiteral("bedrock");
    QHash<QString, QString> m_providers;
    QList<Outcome> m_outcomes;
    QList<bool> m_done;
    int m_next = 0;      // next index to start
    int m_announced = 0; // outcomes announced so far (a prefix)
    int m_inFlight = 0;
    int m_succeeded = 0;
    int m_failed = 0;
    int m_unreachable = 0;
};

} // namespace bw::cli
