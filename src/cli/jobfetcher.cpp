#include "jobfetcher.h"

#include <QPointer>
#include <QTimer>

namespace bw::cli {

JobFetcher::JobFetcher(GatewayClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void JobFetcher::fetch(const QStringList &identifiers)
{
    m_outcomes.clear();
    m_outcomes.reserve(identifiers.size());
    for (const QString &id : identifiers)
        m_outcomes.append(Outcome{id, std::nullopt, std::nullopt});
    m_done = QList<bool>(m_outcomes.size(), false);
    if (m_outcomes.isEmpty()) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
        return;
    }
    startNext();
}

void JobFetcher::startNext()
{
    while (m_inFlight < m_maxInFlight && m_next < m_outcomes.size()) {
        const int index = m_next++;
        ++m_inFlight;
        const QPointer<GatewayClient> client = m_client;
        const QString identifier = m_outcomes.at(index).identifier;
        const QString provider = m_providers.value(identifier, m_provider);
        retryIdempotent<RetrieveResult>(
                m_retry, this,
                [client, identifier, provider](QObject *context,
                                               std::function<void(Expected<RetrieveResult>)> done) {
                    if (!client) {
                        GatewayError gone;
                        gone.kind = GatewayError::Kind::Cancelled;
                        done(gone);
                        return;
                    }
                    if (provider == u"bedrock") {
                        client->retrieve(identifier, context, std::move(done));
                        return;
                    }
                    client->nativeRetrieve(
                            provider, identifier, context,
                            [done = std::move(done)](Expected<NativeRetrieveResult> r) {
                                if (!r)
                                    return done(r.error());
                                RetrieveResult out;
                                out.parsed = std::move(r.value().parsed);
                                out.fetchedAt = r.value().fetchedAt;
                                done(std::move(out));
                            });
                },
                [this, index](Expected<RetrieveResult> r) {
                    Outcome o{m_outcomes.at(index).identifier, std::nullopt, std::nullopt};
                    if (r)
                        o.result = std::move(r.value());
                    else
                        o.error = r.error();
                    --m_inFlight;
                    settle(index, std::move(o));
                    startNext();
                });
    }
}

void JobFetcher::settle(int index, Outcome outcome)
{
    if (outcome.result) {
        ++m_succeeded;
    } else {
        ++m_failed;
        // A timeout after the gateway began to answer (a trickling body) is not "unreachable".
        if (outcome.error && outcome.error->isUnreachable())
            ++m_unreachable;
    }
    m_outcomes[index] = std::move(outcome);
    m_done[index] = true;
    while (m_announced < m_outcomes.size() && m_done.at(m_announced))
        Q_EMIT outcomeReady(m_announced++);
    if (m_announced == m_outcomes.size() && m_inFlight == 0)
        Q_EMIT finished();
}

} // namespace bw::cli
