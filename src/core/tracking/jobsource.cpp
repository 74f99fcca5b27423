#include "tracking/jobsource.h"

#include "wire/gatewayclient.h"
#include "wire/listquery.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace bw {

GatewayError unsupportedBySource(const QString &what)
{
    GatewayError e;
    e.kind = GatewayError::Kind::Http;
    e.httpStatus = 501;
    e.gatewayType = QStringLiteral("unsupported");
    e.message = what;
    return e;
}

JobSource::StopWord stopWordForProvider(const QString &provider)
{
    return provider.isEmpty() || provider.compare(u"bedrock", Qt::CaseInsensitive) == 0
                   ? JobSource::StopWord::Stop
                   : JobSource::StopWord::Cancel;
}

QString stopVerb(const QString &provider)
{
    return stopWordForProvider(provider) == JobSource::StopWord::Stop ? QStringLiteral("Stop")
                                                                      : QStringLiteral("Cancel");
}

BedrockRouteSource::BedrockRouteSource(GatewayClient *client, int listMaxResults)
    : m_client(client)
    , m_listMaxResults(listMaxResults)
{
    Q_ASSERT(m_client);
}

void BedrockRouteSource::retrieve(const QString &identifier, QObject *context, RetrieveDone done)
{
    m_client->retrieve(identifier, context, [done](Expected<RetrieveResult> result) {
        if (result)
            done(result->parsed);
        else
            done(result.error());
    });
}

void BedrockRouteSource::list(int maxPages, QObject *context, ListDone done)
{
    ListQuery query;
    query.maxResults = std::clamp(m_listMaxResults, 1, 1000);
    m_client->listAll(query, std::max(1, maxPages), context, [done](Expected<ListResult> result) {
        if (result)
            done(result->jobs);
        else
            done(result.error());
    });
}

void BedrockRouteSource::stop(const QString &identifier, QObject *context, StopDone done)
{
    m_client->stop(identifier, context, std::move(done));
}

int BedrockRouteSource::fetchResults(const QString &, qint64, QObject *context, ResultsProgress,
                                     ResultsDone done)
{
    QTimer::singleShot(0, context ? context : m_client, [done] {
        done(unsupportedBySource(
                QStringLiteral("the Bedrock-format route has no per-record results")));
    });
    return 0;
}

NativeBatchSource::NativeBatchSource(GatewayClient *client, const QString &provider)
    : m_client(client)
    , m_provider(provider.trimmed().toLower())
{
    Q_ASSERT(m_client);
}

void NativeBatchSource::retrieve(const QString &identifier, QObject *context, RetrieveDone done)
{
    m_client->nativeRetrieve(m_provider, identifier, context,
                             [done](Expected<NativeRetrieveResult> result) {
                                 if (result)
                                     done(result->parsed);
                                 else
                                     done(result.error());
                             });
}

void NativeBatchSource::list(int maxPages, QObject *context, ListDone done)
{
    NativeListQuery query;
    query.provider = m_provider;
    m_client->nativeListAll(query, std::max(1, maxPages), context,
                            [done](Expected<NativeListResult> result) {
                                if (result)
                                    done(result->jobs);
                                else
                                    done(result.error());
                            });
}

void NativeBatchSource::stop(const QString &identifier, QObject *context, StopDone done)
{
    m_client->nativeCancel(m_provider, identifier, context,
                           [done](Expected<NativeRetrieveResult> result) {
                               if (!result) {
                                   done(result.error());
                                   return;
                               }
                               StopAck ack;
                               ack.jobArn = result->parsed.job.jobArn;
                               ack.status = result->parsed.job.status;
                               done(ack);
                           });
}

int NativeBatchSource::fetchResults(const QString &identifier, qint64 capBytes, QObject *context,
                                    ResultsProgress progress, ResultsDone done)
{
    const int handle = ++m_nextHandle;
    NativeResultsOptions options;
    options.maxBytes = capBytes > 0 ? capBytes : NativeResultsOptions::kDefaultMaxBytes;
    m_reads.insert(handle, m_client->nativeResults(
                                   m_provider, identifier, options, context,
                                   [progress](qint64 bytes, qint64) {
                                       if (progress)
                                           progress(bytes);
                                   },
                                   [this, handle, done](Expected<ResultsSummary> result) {
                                       m_reads.remove(handle);
                                       done(result);
                                   }));
    return handle;
}

void NativeBatchSource::cancelResults(int handle)
{
    const QPointer<QObject> request = m_reads.value(handle);
    if (request)
        m_client->cancelRequest(request);
}

} // namespace bw
