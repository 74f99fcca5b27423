#pragma once

#include "domain/jobidentifier.h"
#include "wire/gatewayerror.h"
#include "wire/gatewayprofile.h"
#include "wire/httptransport.h"
#include "wire/jobcodec.h"
#include "wire/listquery.h"
#include "wire/nativerequests.h"
#include "wire/ratelimiter.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace bw {

class GatewayRequest; // one call in flight; private to gatewayclient.cpp

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
    QString status;         // "ok" when healthy
    QJsonObject components; // newer Bifrost
};

// Talks to one gateway profile through an HttpTransport (wire/httptransport.h): made over the
// QNetworkAccessManager it is given (not owned; one per process; it must outlive the requests,
// and live in the client's thread) in HttpTransport::defaultKind(), or the one it is handed.
// The transport only moves bytes; everything below is this class's rule. Every request
// carries Accept: application/json, the profile's auth and provider headers and a deadline:
// each exchange (connect, TLS, headers, same-origin redirects and the whole body together)
// ends as Kind::Timeout once profile().timeoutMs has passed, however steadily bytes arrive;
// the same value is also Qt's inactivity (transfer) timeout. Bodies over
// maxBodyBytes() are aborted with TooLarge as soon as the Content-Length or the bytes received
// say so, never buffered whole; a redirect is followed only within the same origin (scheme,
// host, port; and for POST only 307/308): one to another origin is never followed and never
// sees the credentials (Kind::Redirect). TLS failures are Kind::Tls; profile().caBundlePath
// (PEM) adds CAs to the default ones for https.
//
// A reply is judged in this order: aborted (cancelled, too large, redirect) -> network error
// -> HTTP status (non-2xx: JobCodec::parseErrorResponse plus Retry-After) -> body (a 2xx whose
// Content-Type is not JSON is BadBody and never parsed). The client itself never retries.
//
// Each call takes a context object and a callback; the callback runs exactly once on the
// context's thread (unless the context is destroyed first, in which case it never runs and
// the request is aborted), with either a value or a GatewayError. Callbacks never run
// synchronously inside the call. A null context means the client itself. Requests still in
// flight when the client is destroyed are aborted; their callbacks receive Kind::Cancelled
// after the destructor returned (they must not use the client then).
//
// Nothing secret is logged: no header value, no secret, no gateway message text (lengths only).
class GatewayClient : public QObject
{
    Q_OBJECT

public:
    explicit GatewayClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    explicit GatewayClient(std::unique_ptr<HttpTransport> transport, QObject *parent = nullptr);
    ~GatewayClient() override;

    // Takes effect for requests started afterwards. profile().detectedRoute is updated by
    // route detection (see retrieve()); callers persist it from routeDetected(). The profile's
    // maxRequestsPerSecond becomes the request ceiling, unless setMaxRequestRate() set one.
    void setProfile(const GatewayProfile &profile);
    const GatewayProfile &profile() const { return m_profile; }
    // The secret for the profile's auth mode (surrounding whitespace is dropped); kept in
    // memory only, never logged. Not sent with AuthMode::None, nor when it is empty or holds
    // control characters.
    void setSecret(const QString &secret);
    bool hasSecret() const { return !m_secret.isEmpty(); }

    static constexpr qint64 kDefaultMaxBodyBytes = 16 * 1024 * 1024;
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // The ceiling on requests this client sends (every exchange: probes, pages, retries,
    // stops): the profile's maxRequestsPerSecond, or this rate once set here (the CLI's
    // --max-rate), whatever profile comes later; 0 = no ceiling. Requests over it wait their
    // turn (queued, never failed); the deadline starts when one goes out.
    void setMaxRequestRate(double perSecond);
    double maxRequestRate() const { return m_rateLimiter.ratePerSecond(); }
    // The limiter itself (tests inject a clock).
    RateLimiter &rateLimiter() { return m_rateLimiter; }

    // Whether retrieve() hands back each body's object (RetrieveResult::parsed.raw; true, the
    // default). False for a caller that never reads it (the CLI's get): a body of the common
    // shape is then read without building the object (JobCodec::RawObject::Omit), and `raw` may
    // be empty; parsed.rawText still holds the body. Takes effect for requests started afterwards.
    void setKeepRawObjects(bool keep) { m_keepRawObjects = keep; }
    bool keepRawObjects() const { return m_keepRawObjects; }

    // The URL a request for `path` (e.g. "/bedrock/model-invocation-job/<encoded>") goes to:
    // base URL, its path prefix, then path, with the path kept exactly as encoded.
    QUrl urlFor(const QString &encodedPath) const;
    // One path segment, percent-encoded once ('/' -> %2F, ':' -> %3A).
    static QString encodeSegment(const QString &identifier);
    // The encoded query of a list request: maxResults (clamped to 1..1000), nextToken,
    // statusEquals, nameContains, submitTimeAfter/Before (UTC ISO 8601), sortBy=CreationTime,
    // sortOrder; every value percent-encoded ('+' -> %2B, ' ' -> %20), empty values left out.
    static QString encodeListQuery(const ListQuery &query);
    // A Retry-After header value: delta-seconds or an HTTP-date (relative to `now`), clamped
    // to 0..86400. nullopt when absent or unreadable.
    static std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);

    // GET one job. With RouteStyle::Auto and no detected route yet, probes the singular route
    // then the plural one, accepting a route only when it answers a JSON job (or a JSON 404
    // naming the job as not found); the winner is stored in profile().detectedRoute and
    // announced by routeDetected(). A route that answers anything else (Bifrost's 200 HTML on
    // the plural path) is never remembered. No second probe after an answer that says nothing
    // about routes (no HTTP answer, 401/403/407/429, another JSON 4xx or a JSON 5xx). When
    // neither route is accepted, the more telling error is returned, in this order: an answer
    // that says nothing about routes (so the plural route's 401 wins over the singular route's
    // "route not found" 404: a missing key never reads as a missing job), then a JSON 400 or a
    // JSON 2xx that is not a job, then a JSON "no such route" (a 404 naming no job, 405, 501,
    // 3xx), then a non-JSON answer; on a tie, the singular route's. An explicit Plural or
    // Singular style uses only that route. RetrieveResult::routeUsed says which route answered.
    void retrieve(const QString &identifier, QObject *context,
                  std::function<void(Expected<RetrieveResult>)> done);
    // One list page (GET /bedrock/model-invocation-jobs?<encodeListQuery(query)>).
    void listPage(const ListQuery &query, QObject *context,
                  std::function<void(Expected<ListPage>)> done);
    // Walks pages until no token, an empty page, a repeated token or maxPages (at least 1).
    // Jobs are deduplicated by jobArn across pages (first seen wins); `truncated` is set when
    // the page cap or a repeated token ended the walk. A failing page fails the whole walk.
    void listAll(const ListQuery &query, int maxPages, QObject *context,
                 std::function<void(Expected<ListResult>)> done);
    // POST .../model-invocation-job/{id}/stop with an empty body. Never retried by the client
    // (Qt's HTTP layer may still resend it once when the connection dies before any byte of
    // a response arrives, as it does for every request). A 409 ConflictException comes back
    // as Kind::Http 409 with gatewayType "ConflictException".
    void stop(const QString &identifier, QObject *context,
              std::function<void(Expected<StopAck>)> done);
    // GET /health. A non-2xx (503 when a store is down) is a Kind::Http error.
    void health(QObject *context, std::function<void(Expected<HealthResult>)> done);

    // Aborts every request in flight; their callbacks receive Kind::Cancelled (queued, never
    // inside this call).
    void abortAll();
    // Calls whose callback is not settled yet (a retrieve that probes two routes and a listAll
    // walking pages count once).
    int requestsInFlight() const;

    // ---- Bifrost's native batch API (WIRE.md, "Bifrost's native batch routes") ----
    // Every native request carries ?provider=<provider> (percent-encoded) and puts the batch id
    // in one percent-encoded path segment ("batches/abc" -> "batches%2Fabc"). Same contract as
    // above: one callback on the context's thread, never synchronous, Cancelled on abortAll().

    // GET /v1/batches/{id}?provider=P.
    void nativeRetrieve(const QString &provider, const QString &batchId, QObject *context,
                        std::function<void(Expected<NativeRetrieveResult>)> done);
    // GET /v1/batches?provider=P with the provider's own paging parameters (NativeListQuery).
    void nativeListPage(const NativeListQuery &query, QObject *context,
                        std::function<void(Expected<NativeListPage>)> done);
    // Walks pages while has_more, until an empty page, a repeated cursor or maxPages (at
    // least 1); the next page continues from next_cursor, else last_id. A failing page fails
    // the walk.
    void nativeListAll(const NativeListQuery &query, int maxPages, QObject *context,
                       std::function<void(Expected<NativeListResult>)> done);
    // POST /v1/batches/{id}/cancel?provider=P with an empty body; never retried. The reply is
    // the batch as the provider now reports it (usually "cancelling").
    void nativeCancel(const QString &provider, const QString &batchId, QObject *context,
                      std::function<void(Expected<NativeRetrieveResult>)> done);
    // GET /v1/batches/{id}/results?provider=P, following has_more / next_cursor (sent as
    // `cursor`), folding every record into a ResultsSummary; no record is kept. Each page's body
    // is capped by what remains of options.maxBytes: when the cap (or maxPages) ends the read
    // the summary is delivered with `capped` set and counts of the pages read; `complete` when
    // the last page was read. `progress(bytesRead, records)` runs on the client's thread as bytes
    // arrive. Cancelled by cancelRequest(handle), abortAll() or the context's destruction (then
    // done never runs).
    GatewayRequestHandle
    nativeResults(const QString &provider, const QString &batchId,
                  const NativeResultsOptions &options, QObject *context,
                  std::function<void(qint64 bytesRead, qint64 records)> progress,
                  std::function<void(Expected<ResultsSummary>)> done);
    // Cancels one call (its callback receives Kind::Cancelled); nothing when already settled.
    void cancelRequest(const GatewayRequestHandle &handle);

Q_SIGNALS:
    // Route detection picked `style`; profile().detectedRoute already holds it.
    void routeDetected(bw::RouteStyle style);
    void requestsInFlightChanged(int count);

private:
    // implementation detail, owned by the implementer of this class
    friend class GatewayRequest;
    struct CaBundle;
    // The headers every request carries, made for the profile's auth and provider and the
    // secret they were made with (remade when one of them changes).
    struct RequestHeaders
    {
        enum class Warning { None, SecretHasControlCharacters, InvalidCustomHeaderName };
        AuthMode authMode = AuthMode::None;
        QString secret;
        QString customHeaderName;
        QString provider;
        QList<std::pair<QByteArray, QByteArray>> list;
        bool secretUsable = false; // auth on, and the secret non-empty without control characters
        bool keySent = false;      // a header carries it
        Warning warning = Warning::None;
    };
    GatewayProfile m_profile;
    QString m_secret;
    std::unique_ptr<HttpTransport> m_transport;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;
    bool m_keepRawObjects = true;
    RateLimiter m_rateLimiter;
    std::optional<double> m_rateOverride; // setMaxRequestRate(): wins over the profile's
    int m_inFlight = 0;
    QList<GatewayRequest *> m_requests;   // unsettled calls, children of this client
    std::unique_ptr<CaBundle> m_caBundle; // loaded once per caBundlePath
    std::unique_ptr<RequestHeaders> m_headers;
    struct UrlBase
    {
        QUrl url;           // the profile's base URL without user info, query and fragment
        QString pathPrefix; // its path, encoded, without trailing slashes
    };
    mutable std::optional<UrlBase> m_urlBase; // urlFor()'s, made on first use

    bool m_destroying = false;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::RouteStyle)
