#pragma once

#include "gatewayerror.h"
#include "gatewayprofile.h"
#include "jobcodec.h"
#include "jobidentifier.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace bw {

// Filters for one list request. The gateway may ignore any of them (Bifrost drops most):
// callers always filter locally too.
struct ListQuery
{
    int maxResults = 100; // 1..1000
    std::optional<QString> nextToken;
    std::optional<QString> statusEquals;
    std::optional<QString> nameContains;
    std::optional<QDateTime> submitTimeAfter;
    std::optional<QDateTime> submitTimeBefore;
    bool sortDescending = true;
};

// Result of walking list pages with the pagination safeguards of WIRE.md.
struct ListResult
{
    QList<ParsedJob> jobs;
    int pages = 0;
    bool truncated = false; // stopped by the page cap or a repeated token with more to come
    QList<ParseProblem> problems;
};

struct RetrieveResult
{
    ParsedJob parsed;
    RouteStyle routeUsed = RouteStyle::Singular;
    QDateTime fetchedAt; // UTC, local clock at the time the body arrived
};

struct HealthResult
{
    int httpStatus = 0;
    QString status;          // "ok" when healthy
    QJsonObject components;  // newer Bifrost
};

// Talks to one gateway profile over the QNetworkAccessManager it is given (not owned; one per
// process). Every request carries Accept: application/json, the profile's auth and provider
// headers and a transfer timeout; bodies over maxBodyBytes() are aborted with TooLarge; a
// redirect to another origin is never followed, and credentials are never sent to one.
//
// Each call takes a context object and a callback; the callback runs exactly once on the
// context's thread (unless the context is destroyed first, in which case it never runs), with
// either a value or a GatewayError. Callbacks never run synchronously inside the call.
class GatewayClient : public QObject
{
    Q_OBJECT

public:
    explicit GatewayClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~GatewayClient() override;

    void setProfile(const GatewayProfile &profile);
    const GatewayProfile &profile() const { return m_profile; }
    // The secret for the profile's auth mode; kept in memory only, never logged.
    void setSecret(const QString &secret);
    bool hasSecret() const { return !m_secret.isEmpty(); }

    static constexpr qint64 kDefaultMaxBodyBytes = 16 * 1024 * 1024;
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // The URL a request for `path` (e.g. "/bedrock/model-invocation-job/<encoded>") goes to:
    // base URL, its path prefix, then path, with the path kept exactly as encoded.
    QUrl urlFor(const QString &encodedPath) const;
    // One path segment, percent-encoded once ('/' -> %2F, ':' -> %3A).
    static QString encodeSegment(const QString &identifier);

    // GET one job. With RouteStyle::Auto and no detected route yet, probes the singular route
    // then the plural one, accepting a route only when it answers a JSON job (or a JSON
    // not-found error); the winner is stored in profile().detectedRoute and announced by
    // routeDetected().
    void retrieve(const QString &identifier, QObject *context,
                  std::function<void(Expected<RetrieveResult>)> done);
    // One list page.
    void listPage(const ListQuery &query, QObject *context,
                  std::function<void(Expected<ListPage>)> done);
    // Walks pages until no token, an empty page, a repeated token or maxPages.
    void listAll(const ListQuery &query, int maxPages, QObject *context,
                 std::function<void(Expected<ListResult>)> done);
    // POST .../stop. Never retried.
    void stop(const QString &identifier, QObject *context,
              std::function<void(Expected<StopAck>)> done);
    void health(QObject *context, std::function<void(Expected<HealthResult>)> done);

    // Aborts every request in flight; their callbacks receive Kind::Cancelled.
    void abortAll();
    int requestsInFlight() const;

Q_SIGNALS:
    void routeDetected(bw::RouteStyle style);
    void requestsInFlightChanged(int count);

private:
    // implementation detail, owned by the implementer of this class
    friend class GatewayRequest;
    GatewayProfile m_profile;
    QString m_secret;
    QNetworkAccessManager *m_nam = nullptr;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;
    int m_inFlight = 0;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::RouteStyle)
