#include "wire/gatewayclient.h"

#include "common/logging.h"
#include "wire/clienttext.h"
#include "wire/httptransport.h"

#include <QBasicTimer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QScopeGuard>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <QTimerEvent>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#endif

#include <algorithm>
#include <utility>

namespace bw {

namespace {

constexpr int kDefaultTimeoutMs = 30000;
constexpr int kMaxRedirects = 5;
constexpr int kMaxRetryAfterSeconds = 24 * 60 * 60;
// Bounds of the reply's read buffer (what Qt may hold that the client has not read yet).
constexpr qint64 kMinReadBuffer = 64 * 1024;
constexpr qint64 kMaxReadBuffer = 1024 * 1024;

const QLatin1StringView kSingularJobPath("/bedrock/model-invocation-job/");
const QLatin1StringView kPluralJobPath("/bedrock/model-invocation-jobs/");
const QLatin1StringView kListPath("/bedrock/model-invocation-jobs");
const QLatin1StringView kHealthPath("/health");

// What came back from the gateway when the exchange itself worked: any status, any body.
struct HttpResponse
{
    int status = 0;
    QByteArray reasonPhrase;
    QByteArray contentType;
    QByteArray amznErrorType;
    QByteArray retryAfter;
    QByteArray body;

    bool is2xx() const { return status >= 200 && status < 300; }
    bool isJson() const { return JobCodec::isJsonContentType(contentType); }
};

GatewayError makeError(GatewayError::Kind kind, const QString &message, int httpStatus = 0)
{
    GatewayError e;
    e.kind = kind;
    e.message = message;
    e.httpStatus = httpStatus;
    return e;
}

GatewayError makeError(GatewayError::Kind kind, const ClientText &message, int httpStatus = 0)
{
    GatewayError e = makeError(kind, message.english(), httpStatus);
    if (message.shown() != message.english())
        e.shownMessage = message.shown();
    return e;
}

QString originOf(const QUrl &url)
{
    const int port = url.port(url.scheme() == QLatin1StringView("https") ? 443 : 80);
    return url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded) + u':'
           + QString::number(port);
}

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
           && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && originOf(a) == originOf(b);
}

ClientText formatBytes(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return ClientText::verbatim(QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024)));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return ClientText::verbatim(QStringLiteral("%1 KiB").arg(bytes / 1024));
    return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "%1 bytes")).arg(bytes);
}

// The value the last response of an exchange gave a header. Qt 6.4 adds each response's header
// lines to the same reply, joined with ", ": after a same-origin redirect Qt followed, a header
// the redirect response also carried can read "text/plain, application/json" — or not,
// depending on whether the redirect's headers reached the reply before the redirect was taken
// (seen under load: a JSON answer refused as text/plain). Only for headers whose value holds no
// comma of its own (Content-Type, X-Amzn-Errortype; not Retry-After's HTTP date).
QByteArray lastResponseValue(const QByteArray &joined)
{
    const qsizetype comma = joined.lastIndexOf(',');
    return comma < 0 ? joined : joined.mid(comma + 1).trimmed();
}

// A MIME type fit for a message: printable ASCII, bounded, without parameters.
QString mimeForMessage(const QByteArray &contentType)
{
    QByteArray mime = contentType.split(';').value(0).trimmed().left(60);
    for (char &c : mime) {
        if (c < 0x20 || c > 0x7e)
            c = '?';
    }
    return QString::fromLatin1(mime);
}

bool hasControlCharacters(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// A header name must be an RFC 9110 token.
bool isHeaderToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

// A non-2xx response as a typed error.
GatewayError httpError(const HttpResponse &r)
{
    GatewayError e = JobCodec::parseErrorResponse(r.status, r.body, r.contentType, r.amznErrorType);
    if (e.message.isEmpty() && e.gatewayType.isEmpty())
        e.message = QString::fromLatin1(r.reasonPhrase).left(120);
    e.retryAfterSeconds
            = GatewayClient::parseRetryAfter(r.retryAfter, QDateTime::currentDateTimeUtc());
    return e;
}

// A 2xx response whose Content-Type is not JSON: the body is never parsed.
GatewayError notJsonError(const HttpResponse &r)
{
    const QString mime = mimeForMessage(r.contentType);
    ClientText text;
    if (r.body.trimmed().isEmpty())
        text = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                            "the gateway answered HTTP %1 with an empty body"))
                       .arg(r.status);
    else if (mime.isEmpty())
        text = ClientText(
                       QT_TRANSLATE_NOOP(
                               "bw::GatewayClient",
                               "the gateway answered HTTP %1 without a Content-Type, so the body "
                               "was not read as JSON"))
                       .arg(r.status);
    else
        text = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                            "the gateway answered HTTP %1 with %2 instead of JSON"))
                       .arg(r.status)
                       .arg(mime);
    if (JobCodec::looksLikeHtml(r.body))
        text += ClientText(
                QT_TRANSLATE_NOOP("bw::GatewayClient", " (an HTML page, not an API route)"));
    return makeError(GatewayError::Kind::BadBody, text, r.status);
}

// The typed value of a response: transport errors pass through, non-2xx become Http errors,
// a 2xx must carry JSON (or, where allowed, nothing at all) before `parse` sees it.
template<typename T, typename Parse>
Expected<T> decodeBody(const Expected<HttpResponse> &response, Parse parse,
                       bool emptyBodyAllowed = false)
{
    if (!response)
        return response.error();
    const HttpResponse &r = *response;
    if (!r.is2xx())
        return httpError(r);
    const bool empty = r.body.trimmed().isEmpty();
    if (!r.isJson() && !(emptyBodyAllowed && empty))
        return notJsonError(r);
    Expected<T> parsed = parse(r.body);
    if (!parsed) {
        GatewayError e = parsed.error();
        e.httpStatus = r.status;
        return e;
    }
    return parsed;
}

Expected<HealthResult> parseHealthBody(const QByteArray &body)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(
                GatewayError::Kind::BadBody,
                ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                             "the health body is not valid JSON (%1 at offset %2)"))
                        .arg(err.errorString())
                        .arg(err.offset));
    if (!doc.isObject())
        return makeError(
                GatewayError::Kind::BadBody,
                ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                             "the health body is JSON but not an object")));
    const QJsonObject o = doc.object();
    HealthResult h;
    h.status = o.value(QLatin1StringView("status")).toString();
    h.components = o.value(QLatin1StringView("components")).toObject();
    return h;
}

Expected<RetrieveResult> toRetrieveResult(Expected<ParsedJob> parsed, RouteStyle route)
{
    if (!parsed)
        return parsed.error();
    RetrieveResult r;
    r.parsed = std::move(parsed.value());
    r.routeUsed = route;
    r.fetchedAt = QDateTime::currentDateTimeUtc();
    return r;
}

// Route detection: what one probe's answer says about its route.
enum class Verdict {
    Accept,   // the route exists: a JSON job, or a JSON 404 naming the job as not found
    Final,    // an answer that says nothing about routes: report it, do not probe further
    TryOther, // not this route (or not a route at all): probe the other one
};

// How much a probe's answer tells the user when no route accepts the request: the heavier
// answer is reported (the singular route's on a tie, the route Bifrost and AWS register).
enum class Weight {
    Page,        // not the API talking: an HTML page, plain text, an empty or untyped body
    RouteMiss,   // the API saying it has no such route: a JSON 404 naming no job, 405, 501, 3xx
    RouteAnswer, // the API on this route turning the request down: a JSON 400, or a JSON 2xx
                 // that is not a job
    Final,       // true whatever the route: no HTTP answer at all (network, timeout, TLS,
                 // cancelled, too large, cross-origin redirect), 401/403/407/429, another JSON
                 // 4xx or a JSON 5xx
};

struct Probe
{
    Verdict verdict = Verdict::TryOther;
    Expected<ParsedJob> result;
    Weight weight = Weight::Final;
};

// A JSON 404 that is about the job rather than about the route.
bool namesMissingJob(const GatewayError &e, const QString &identifier)
{
    const QString message = e.message.toLower();
    for (const char *word : {"route", "path", "endpoint", "handler", "method"}) {
        if (message.contains(QLatin1StringView(word)))
            return false;
    }
    if (e.gatewayType.compare(QLatin1StringView("ResourceNotFoundException"), Qt::CaseInsensitive)
                == 0
        || e.gatewayType.compare(QLatin1StringView("NotFoundException"), Qt::CaseInsensitive) == 0)
        return true;
    const bool notFound = message.contains(QLatin1StringView("not found"))
                          || message.contains(QLatin1StringView("could not find"))
                          || message.contains(QLatin1StringView("does not exist"));
    if (!notFound)
        return false;
    const QString shortId = JobIdentifier::parse(identifier).shortId().toLower();
    return message.contains(identifier.toLower())
           || (!shortId.isEmpty() && message.contains(shortId))
           || message.contains(QLatin1StringView("job"))
           || message.contains(QLatin1StringView("batch"));
}

// JobCodec::parseRetrieveBody with `raw`, as decodeBody takes a parser.
auto retrieveParser(JobCodec::RawObject raw)
{
    return [raw](const QByteArray &body) {
        return JobCodec::parseRetrieveBody(body, raw);
    };
}

Probe judgeProbe(const Expected<HttpResponse> &response, const QString &identifier,
                 JobCodec::RawObject raw)
{
    Probe p{Verdict::Final, decodeBody<ParsedJob>(response, retrieveParser(raw)), Weight::Final};
    if (!response) // network, timeout, TLS, cancelled, too large, cross-origin redirect
        return p;
    if (p.result) {
        p.verdict = Verdict::Accept;
        return p;
    }
    const HttpResponse &r = *response;
    const int s = r.status;
    const bool json = r.isJson();
    if (s == 404 && json && namesMissingJob(p.result.error(), identifier)) {
        p.verdict = Verdict::Accept;
        return p;
    }
    if (s == 401 || s == 403 || s == 407 || s == 429)
        return p; // Final
    if (r.is2xx() || (s >= 300 && s < 400) || s == 400 || s == 404 || s == 405 || s == 501) {
        p.verdict = Verdict::TryOther;
        if (!json)
            p.weight = Weight::Page;
        else if (r.is2xx() || s == 400)
            p.weight = Weight::RouteAnswer;
        else
            p.weight = Weight::RouteMiss;
        return p;
    }
    // Another 4xx or a 5xx: in JSON it is the gateway's API talking (it has this route);
    // otherwise a proxy or a web UI answered, which says nothing about the other route.
    if (!json) {
        p.verdict = Verdict::TryOther;
        p.weight = Weight::Page;
    }
    return p;
}

QDateTime parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    // IMF-fixdate, then the obsolete RFC 850 and asctime forms RFC 9110 still asks to accept.
    // The weekday is dropped first: it adds nothing, and a wrong one would void the date.
    const QString afterComma = text.section(QStringLiteral(", "), 1);
    const QString afterWeekday = text.section(u' ', 1);
    const std::pair<QString, const char *> attempts[] = {
            {afterComma, "dd MMM yyyy HH:mm:ss 'GMT'"},
            {afterComma, "dd-MMM-yy HH:mm:ss 'GMT'"},
            {afterWeekday, "MMM d HH:mm:ss yyyy"},
    };
    const QLocale c = QLocale::c();
    for (const auto &[candidate, format] : attempts) {
        const QDateTime parsed = c.toDateTime(candidate, QLatin1StringView(format));
        if (!parsed.isValid())
            continue;
        QDate date = parsed.date();
        if (date.year() < 1970) // RFC 850's two-digit years come back as 19xx
            date = date.addYears(100);
        return QDateTime(date, parsed.time(), QTimeZone::utc());
    }
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

} // namespace

// The CA certificates of profile().caBundlePath, read once.
struct GatewayClient::CaBundle
{
    QString path;
    QString error;      // empty when loaded; English (stored with the job's error)
    QString errorShown; // the same in the interface's language
#if QT_CONFIG(ssl)
    QList<QSslCertificate> certificates;
#endif
};

// One call in flight: one or more HTTP exchanges (route probes, list pages) and exactly one
// settlement — a queued callback, or nothing when the context died. A child of the client.
class GatewayRequest : public QObject, private HttpExchange::Listener
{
public:
    using Next = std::function<void(Expected<HttpResponse>)>;

    template<typename T>
    static GatewayRequest *start(GatewayClient *client, QLatin1StringView operation,
                                 QObject *context, const std::function<void(Expected<T>)> &done)
    {
        auto *request = new GatewayRequest(client, operation, context);
        request->m_fail = [request, done](const GatewayError &error) {
            request->deliver<T>(done, error);
        };
        client->m_requests.append(request);
        client->m_inFlight = int(client->m_requests.size());
        Q_EMIT client->requestsInFlightChanged(client->m_inFlight);
        return request;
    }

    // An exchange still in flight is aborted without a signal.
    ~GatewayRequest() override = default;

    GatewayClient *client() const { return m_client; }

    // Native results hook: a body cap for the next exchanges (instead of the client's
    // maxBodyBytes), and a callback told the body bytes received so far as they arrive.
    void setBodyCap(qint64 bytes) { m_bodyCap = bytes; }
    void setOnBytes(std::function<void(qint64)> onBytes) { m_onBytes = std::move(onBytes); }

    // Sends one request; `next` gets the outcome of the exchange (from the event loop).
    void exchange(const QByteArray &verb, const QUrl &url, Next next);

    template<typename T>
    void deliver(const std::function<void(Expected<T>)> &done, Expected<T> result)
    {
        if (!result && m_keySent && !result.error().keySent) {
            GatewayError e = result.error();
            e.keySent = true;
            result = Expected<T>(std::move(e));
        }
        // A careless gateway may echo the key it was sent ("invalid virtual key: sk-…"): its
        // words never carry the key on into messages, logs, the store or the CLI's output.
        // The key this request sent and the client's key now (changed while it was out).
        for (const QString &secret : {m_sentSecret, m_client->m_secret}) {
            if (result || secret.size() < 4)
                continue;
            const GatewayError &e = result.error();
            if (e.message.contains(secret) || e.gatewayType.contains(secret)) {
                GatewayError redacted = e;
                redacted.message.replace(secret, QStringLiteral("[redacted]"));
                redacted.gatewayType.replace(secret, QStringLiteral("[redacted]"));
                result = Expected<T>(std::move(redacted));
            }
        }
        if (!result)
            logFailure(result.error());
        settle([done, result = std::move(result)]() mutable {
            if (done)
                done(std::move(result));
        });
    }

    // abortAll(): the callback gets Kind::Cancelled.
    void cancel()
    {
        if (m_settled)
            return;
        abortReply(AbortReason::Cancelled);
        // Not between exchanges in practice (they chain synchronously); still, settle once.
        // Moved out first: settling clears m_fail while the handler would still be running.
        const auto fail = std::exchange(m_fail, {});
        if (!m_settled && fail)
            fail(makeError(GatewayError::Kind::Cancelled, QString()));
    }

    // Route detection found `style` for the profile identified by (id, baseUrl).
    void rememberRoute(const QString &profileId, const QUrl &baseUrl, RouteStyle style)
    {
        GatewayProfile &p = m_client->m_profile;
        if (p.id != profileId || p.baseUrl != baseUrl || p.routeStyle != RouteStyle::Auto
            || p.detectedRoute == style)
            return;
        p.detectedRoute = style;
        qCInfo(lcClient) << "route detected for profile" << p.id << ":" << routeStyleKey(style);
        Q_EMIT m_client->routeDetected(style);
    }

private:
    enum class AbortReason { None, Cancelled, ContextGone, TooLarge, Redirect, Deadline };

    GatewayRequest(GatewayClient *client, QLatin1StringView operation, QObject *context)
        : QObject(client)
        , m_client(client)
        , m_context(context)
        , m_hasContext(context != nullptr)
        , m_operation(operation)
    {
        if (context) {
            connect(context, &QObject::destroyed, this, [this] {
                if (!m_settled)
                    abandon();
            });
        }
    }

    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() != m_deadline.timerId()) {
            QObject::timerEvent(event);
            return;
        }
        m_deadline.stop(); // once
        abortReply(AbortReason::Deadline);
    }

    void abandon()
    {
        abortReply(AbortReason::ContextGone);
        if (!m_settled)
            settle({});
    }

    void abortReply(AbortReason reason)
    {
        HttpExchange *exchange = m_exchange.get();
        if (!exchange)
            return;
        if (m_reason == AbortReason::None)
            m_reason = reason;
        exchange->abort(); // finishes synchronously; exchangeFinished() takes m_exchange
    }

    using RequestHeaders = GatewayClient::RequestHeaders;
    static std::unique_ptr<RequestHeaders> makeHeaders(const GatewayProfile &profile,
                                                       const QString &secret);
    std::optional<HttpExchangeRequest> buildRequest(const QUrl &url, GatewayError *error);
    void send(const HttpExchangeRequest &request);
    // HttpExchange::Listener: the exchange in progress tells these.
    void exchangeHeadReceived() override;
    void exchangeReadyRead() override;
    void exchangeDownloadProgress(qint64 received, qint64 total) override;
    void exchangeRedirected(int status, const QUrl &target) override;
    void exchangeFinished() override;
    Expected<HttpResponse> interpret(HttpExchange *exchange);
    GatewayError transportError(const HttpExchange *exchange, int status) const;
    GatewayError tooLargeError(int status) const;

    void complete(Expected<HttpResponse> outcome)
    {
        Next next = std::exchange(m_next, {});
        if (next)
            next(std::move(outcome));
    }

    void settle(std::function<void()> invocation)
    {
        if (m_settled)
            return;
        m_settled = true;
        m_fail = {};
        m_next = {};
        if (m_context)
            m_context->disconnect(this);
        // Queued on the context: Qt drops it if the context dies before it runs.
        QObject *target = nullptr;
        if (m_hasContext)
            target = m_context.data();
        else if (!m_client->m_destroying)
            target = m_client;
        if (invocation && target)
            QMetaObject::invokeMethod(target, std::move(invocation), Qt::QueuedConnection);

        m_client->m_requests.removeOne(this);
        m_client->m_inFlight = int(m_client->m_requests.size());
        if (!m_client->m_destroying)
            Q_EMIT m_client->requestsInFlightChanged(m_client->m_inFlight);
        deleteLater();
    }

    void logFailure(const GatewayError &e) const
    {
        // The message can carry the gateway's words: its length only.
        qCDebug(lcClient).noquote().nospace()
                << m_operation << " failed: " << GatewayError::kindName(e.kind)
                << " status=" << e.httpStatus << " type=" << e.gatewayType << " message of "
                << e.message.size() << " chars";
    }

    GatewayClient *m_client;
    QPointer<QObject> m_context;
    bool m_hasContext;
    QLatin1StringView m_operation;
    std::function<void(const GatewayError &)> m_fail;
    bool m_keySent = false; // a request of this exchange carried the key
    QString m_sentSecret;   // the key it carried (the client's may change while it is out)
    Next m_next;

    // The exchange in progress.
    std::unique_ptr<HttpExchange> m_exchange;
    QByteArray m_verb;
    QUrl m_url;
    QByteArray m_body;
    QUrl m_redirectTarget;
    int m_redirectStatus = 0;
    int m_redirects = 0; // same-origin redirects followed in this exchange
    // URLs this exchange was redirected to; with m_firstUrl, the URLs it asked for (a second
    // visit is a loop). No set is made for the many exchanges that are never redirected.
    QUrl m_firstUrl;
    QSet<QUrl> m_visited;
    bool m_redirectLoop = false;
    int m_timeoutMs = kDefaultTimeoutMs;
    AbortReason m_reason = AbortReason::None;
    QElapsedTimer m_elapsed;
    // The whole exchange (connect, TLS, headers, redirects, body) ends by m_timeoutMs; Qt's
    // transfer timeout alone restarts with every byte, so a trickling body would never end.
    // A QBasicTimer (timerEvent), not a QTimer: no second QObject per request.
    QBasicTimer m_deadline;
    bool m_settled = false;
    qint64 m_bodyCap = -1; // < 0: the client's maxBodyBytes()
    std::function<void(qint64)> m_onBytes;

    qint64 bodyCap() const { return m_bodyCap >= 0 ? m_bodyCap : m_client->m_maxBodyBytes; }
};

std::unique_ptr<GatewayClient::RequestHeaders>
GatewayRequest::makeHeaders(const GatewayProfile &profile, const QString &secret)
{
    auto made = std::make_unique<GatewayClient::RequestHeaders>();
    made->authMode = profile.authMode;
    made->secret = secret;
    made->customHeaderName = profile.customHeaderName;
    made->provider = profile.provider;
    QList<std::pair<QByteArray, QByteArray>> &list = made->list;
    list.emplaceBack("Accept", "application/json");
    list.emplaceBack("User-Agent", "batchwatch/" BATCHWATCH_VERSION);
    made->secretUsable = profile.authMode != AuthMode::None && !secret.isEmpty()
                         && !hasControlCharacters(secret);
    if (profile.authMode != AuthMode::None && !secret.isEmpty()) {
        if (hasControlCharacters(secret)) {
            made->warning = GatewayClient::RequestHeaders::Warning::SecretHasControlCharacters;
        } else {
            switch (profile.authMode) {
            case AuthMode::None:
                break;
            case AuthMode::Bearer:
                list.emplaceBack("Authorization", "Bearer " + secret.toUtf8());
                made->keySent = true;
                break;
            case AuthMode::VirtualKey:
                list.emplaceBack("x-bf-vk", secret.toUtf8());
                made->keySent = true;
                break;
            case AuthMode::CustomHeader: {
                const QByteArray name = profile.customHeaderName.trimmed().toLatin1();
                if (isHeaderToken(name)) {
                    list.emplaceBack(name, secret.toUtf8());
                    made->keySent = true;
                } else {
                    made->warning = GatewayClient::RequestHeaders::Warning::InvalidCustomHeaderName;
                }
                break;
            }
            }
        }
    }
    const QString provider = profile.provider.trimmed();
    if (!provider.isEmpty() && !hasControlCharacters(provider))
        list.emplaceBack("x-model-provider", provider.toUtf8());
    return made;
}

std::optional<HttpExchangeRequest> GatewayRequest::buildRequest(const QUrl &url,
                                                                GatewayError *error)
{
    const GatewayProfile &profile = m_client->m_profile;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))) {
        *error = makeError(
                GatewayError::Kind::Network,
                ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                             "the gateway URL is not a valid http or https URL")));
        return std::nullopt;
    }

    HttpExchangeRequest request;
    request.verb = m_verb;
    request.url = url;

    // The headers are the same for every request until the profile or the secret changes: made
    // once (one shared list; the curl transport then reuses its header list too).
    const QString &secret = m_client->m_secret;
    auto &headers = m_client->m_headers;
    if (!headers || headers->authMode != profile.authMode || headers->secret != secret
        || headers->customHeaderName != profile.customHeaderName
        || headers->provider != profile.provider)
        headers = makeHeaders(profile, secret);
    request.headers = headers->list;
    if (headers->secretUsable) // redacted from what comes back, even when not sent
        m_sentSecret = secret;
    if (headers->keySent)
        m_keySent = true;
    switch (headers->warning) {
    case RequestHeaders::Warning::None:
        break;
    case RequestHeaders::Warning::SecretHasControlCharacters:
        qCWarning(lcClient) << "the secret holds control characters; not sent";
        break;
    case RequestHeaders::Warning::InvalidCustomHeaderName:
        qCWarning(lcClient) << "the custom auth header name is not a valid header "
                               "name; no credentials sent";
        break;
    }

    m_timeoutMs = profile.timeoutMs > 0 ? profile.timeoutMs : kDefaultTimeoutMs;
    request.inactivityTimeoutMs = m_timeoutMs;
    request.maxRedirects = kMaxRedirects;
    // The transport stops reading from the socket once this much is buffered and not yet
    // read, so an oversized body never piles up far past the cap before the abort.
    request.readBufferBytes = std::clamp<qint64>(bodyCap() + 1, kMinReadBuffer, kMaxReadBuffer);

    if (scheme == QLatin1StringView("https") && !profile.caBundlePath.isEmpty()) {
        auto &bundle = m_client->m_caBundle;
        if (!bundle || bundle->path != profile.caBundlePath) {
            bundle = std::make_unique<GatewayClient::CaBundle>();
            bundle->path = profile.caBundlePath;
            const QString file = QFileInfo(profile.caBundlePath).fileName();
            ClientText problem;
#if QT_CONFIG(ssl)
            if (!QFileInfo(profile.caBundlePath).isReadable()) {
                problem = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                       "the CA bundle %1 cannot be read"))
                                  .arg(file);
            } else if (QSslCertificate::fromPath(profile.caBundlePath, QSsl::Pem).isEmpty()) {
                problem = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                       "the CA bundle %1 holds no PEM certificate"))
                                  .arg(file);
            }
#else
            problem = ClientText(QT_TRANSLATE_NOOP(
                                         "bw::GatewayClient",
                                         "this build has no TLS support for the CA bundle %1"))
                              .arg(file);
#endif
            bundle->error = problem.english();
            bundle->errorShown = problem.shown();
        }
        if (!bundle->error.isEmpty()) {
            *error = makeError(GatewayError::Kind::Tls, bundle->error);
            if (bundle->errorShown != bundle->error)
                error->shownMessage = bundle->errorShown;
            return std::nullopt;
        }
        request.caBundlePath = profile.caBundlePath;
    }
    return request;
}

void GatewayRequest::exchange(const QByteArray &verb, const QUrl &url, Next next)
{
    m_next = std::move(next);
    m_verb = verb;
    m_url = url;
    m_body.clear();
    m_redirectTarget = QUrl();
    m_redirectStatus = 0;
    m_redirects = 0;
    m_firstUrl = url;
    m_visited.clear();
    m_redirectLoop = false;
    m_reason = AbortReason::None;

    GatewayError setupError;
    const std::optional<HttpExchangeRequest> request = buildRequest(url, &setupError);
    if (!request) {
        complete(setupError); // settles with a queued callback: still never synchronous
        return;
    }
    // The client's request rate: a request waits its turn, it is never refused. The deadline
    // starts when it goes out.
    const qint64 wait = m_client->m_rateLimiter.reserve();
    if (wait > 0) {
        qCDebug(lcClient).noquote() << m_operation << "waits" << wait << "ms for the request rate";
        QTimer::singleShot(wait, this, [this, request = *request] {
            if (m_next && !m_settled)
                send(request);
        });
        return;
    }
    send(*request);
}

void GatewayRequest::send(const HttpExchangeRequest &request)
{
    m_elapsed.start();
    qCDebug(lcClient).noquote() << m_operation << m_verb << m_url.path(QUrl::FullyEncoded);

    QString error;
    m_exchange = m_client->m_transport->start(request, &error);
    if (!m_exchange) {
        complete(makeError(GatewayError::Kind::Network, error));
        return;
    }
    m_deadline.start(m_timeoutMs, this);
    m_exchange->setListener(this);
}

void GatewayRequest::exchangeHeadReceived()
{
    HttpExchange *exchange = m_exchange.get();
    if (!exchange || m_reason != AbortReason::None)
        return;
    const int status = exchange->status();
    if (status >= 300 && status < 400)
        return; // a redirect's own body is never handed over
    if (exchange->contentLength() > bodyCap())
        abortReply(AbortReason::TooLarge);
}

void GatewayRequest::exchangeReadyRead()
{
    HttpExchange *exchange = m_exchange.get();
    if (!exchange || m_reason != AbortReason::None)
        return;
    const QByteArray chunk = exchange->readAll();
    if (m_body.size() + chunk.size() > bodyCap()) {
        abortReply(AbortReason::TooLarge);
        return;
    }
    m_body += chunk;
    if (m_onBytes)
        m_onBytes(m_body.size());
}

void GatewayRequest::exchangeDownloadProgress(qint64 received, qint64 total)
{
    HttpExchange *exchange = m_exchange.get();
    if (!exchange || m_reason != AbortReason::None)
        return;
    if (received > bodyCap() || total > bodyCap()) {
        const int status = exchange->status();
        if (status < 300 || status >= 400)
            abortReply(AbortReason::TooLarge);
    }
}

void GatewayRequest::exchangeRedirected(int status, const QUrl &target)
{
    HttpExchange *exchange = m_exchange.get();
    if (!exchange || m_reason != AbortReason::None)
        return;
    const QUrl resolved = m_url.resolved(target);
    // 301/302/303 turn a POST into a GET: a stop is only ever sent as it was asked.
    const bool keepsMethod = m_verb == "GET" || status == 307 || status == 308;
    if (isSameOrigin(m_url, resolved) && keepsMethod) {
        ++m_redirects;
        if (resolved == m_firstUrl || m_visited.contains(resolved) || m_redirects > kMaxRedirects) {
            m_redirectTarget = resolved;
            m_redirectStatus = status;
            m_redirectLoop = true;
            abortReply(AbortReason::Redirect);
            return;
        }
        m_visited.insert(resolved);
        qCDebug(lcClient).noquote() << m_operation << "follows a same-origin redirect" << status;
        m_body.clear();
        exchange->followRedirect();
        return;
    }
    m_redirectTarget = resolved;
    m_redirectStatus = status;
    abortReply(AbortReason::Redirect);
}

void GatewayRequest::exchangeFinished()
{
    // Taken out, and deleted once its finished() emission has returned.
    std::unique_ptr<HttpExchange> exchange = std::move(m_exchange);
    if (!exchange)
        return;
    m_deadline.stop();
    exchange->setListener(nullptr);
    const auto release = qScopeGuard([&exchange] { exchange.release()->deleteLater(); });
    if (m_reason == AbortReason::ContextGone) {
        settle({});
        return;
    }
    complete(interpret(exchange.get()));
}

// The one place where an exchange becomes a response or a typed error, in this order:
// aborted by us -> transport failure -> HTTP status (the body is judged by the caller).
Expected<HttpResponse> GatewayRequest::interpret(HttpExchange *exchange)
{
    const int status = exchange->status();

    switch (m_reason) {
    case AbortReason::Cancelled:
    case AbortReason::ContextGone:
        return makeError(GatewayError::Kind::Cancelled, QString());
    case AbortReason::TooLarge:
        return tooLargeError(status);
    case AbortReason::Deadline:
        qCDebug(lcClient).noquote() << m_operation << "deadline of" << m_timeoutMs << "ms passed";
        // A gateway that began to answer (a body trickling in) was reached: say so.
        return makeError(
                GatewayError::Kind::Timeout,
                status > 0
                        ? ClientText(
                                  QT_TRANSLATE_NOOP(
                                          "bw::GatewayClient",
                                          "%1 began to answer (HTTP %2) but the whole answer did "
                                          "not arrive within %3 s"))
                                  .arg(originOf(m_url))
                                  .arg(status)
                                  .arg(m_timeoutMs / 1000.0, 0, 'g', 3)
                        : ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                       "no complete answer from %1 within %2 s"))
                                  .arg(originOf(m_url))
                                  .arg(m_timeoutMs / 1000.0, 0, 'g', 3),
                status);
    case AbortReason::Redirect: {
        const ClientText hop
                = m_redirectStatus > 0
                          ? ClientText::verbatim(QStringLiteral("HTTP %1").arg(m_redirectStatus))
                          : ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "a redirect"));
        ClientText text;
        if (m_redirectLoop)
            text = m_redirects > kMaxRedirects
                           ? ClientText(
                                     QT_TRANSLATE_NOOP(
                                             "bw::GatewayClient",
                                             "a redirect loop (more than %1 redirects within %2)"))
                                     .arg(kMaxRedirects)
                                     .arg(originOf(m_url))
                           : ClientText(QT_TRANSLATE_NOOP(
                                                "bw::GatewayClient",
                                                "a redirect loop (%1 back to an address already "
                                                "visited, after %2 redirects within %3)"))
                                     .arg(hop)
                                     .arg(m_redirects)
                                     .arg(originOf(m_url));
        else if (isSameOrigin(m_url, m_redirectTarget))
            text = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                "%1 would turn this %2 into a GET"))
                           .arg(hop, QString::fromLatin1(m_verb));
        else
            text = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                "%1 to %2, another origin than the gateway (%3)"))
                           .arg(hop, originOf(m_redirectTarget), originOf(m_url));
        qCWarning(lcClient).noquote()
                << m_operation << "redirect not followed:" << m_redirectStatus;
        return makeError(GatewayError::Kind::Redirect, text, m_redirectStatus);
    }
    case AbortReason::None:
        break;
    }

    if (exchange->failure() != HttpExchange::Failure::None)
        return transportError(exchange, status);
    if (status <= 0)
        return makeError(
                GatewayError::Kind::Network,
                ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                             "the gateway did not send an HTTP response")));
    if (status < 200) {
        // An informational status is never an answer. Qt 6.4 ends some chains of same-origin
        // redirects this way when the machine is busy (seen with ping-pong redirects).
        const ClientText after = m_redirects > 0
                                         ? ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                                        " after %1 redirects"))
                                                   .arg(m_redirects)
                                         : ClientText();
        return makeError(GatewayError::Kind::Network,
                         ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                      "no final answer from %1%2 (only HTTP %3)"))
                                 .arg(originOf(m_url), after)
                                 .arg(status));
    }

    const QByteArray rest = exchange->readAll();
    if (m_body.size() + rest.size() > bodyCap())
        return tooLargeError(status);
    m_body += rest;

    HttpResponse r;
    r.status = status;
    r.reasonPhrase = exchange->reasonPhrase();
    r.contentType = exchange->header("Content-Type");
    r.amznErrorType = exchange->header("X-Amzn-Errortype");
    if (m_redirects > 0) {
        r.contentType = lastResponseValue(r.contentType);
        r.amznErrorType = lastResponseValue(r.amznErrorType);
    }
    r.retryAfter = exchange->header("Retry-After");
    r.body = std::exchange(m_body, {});
    if (!r.is2xx() && m_sentSecret.size() >= 4) {
        // An error body that echoes the key is cleaned before it is read: the parsers cut long
        // words (a first line of 300 characters, a title of 120), and a key cut in half would
        // pass the check on the whole key in deliver().
        const QByteArray key = m_sentSecret.toUtf8();
        r.body.replace(key, "[redacted]");
        r.reasonPhrase.replace(key, "[redacted]");
        r.contentType.replace(key, "[redacted]");
        r.amznErrorType.replace(key, "[redacted]");
    }
    qCDebug(lcClient).noquote().nospace()
            << m_operation << " " << m_verb << " -> " << status << ", " << r.body.size()
            << " bytes of " << mimeForMessage(r.contentType) << " in " << m_elapsed.elapsed()
            << " ms";
    return r;
}

GatewayError GatewayRequest::tooLargeError(int status) const
{
    qCWarning(lcClient).noquote() << m_operation << "response over" << bodyCap() << "bytes aborted";
    return makeError(GatewayError::Kind::TooLarge,
                     ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                  "more than %1, the limit for one response"))
                             .arg(formatBytes(bodyCap())),
                     status);
}

GatewayError GatewayRequest::transportError(const HttpExchange *exchange, int status) const
{
    using Kind = GatewayError::Kind;
    using Failure = HttpExchange::Failure;
    const Failure failure = exchange->failure();
    const QString where = originOf(m_url);
    const QString tlsError = exchange->tlsError();
    qCDebug(lcClient).noquote() << m_operation << "transport failure" << int(failure);
    switch (failure) {
    case Failure::None:
        break;
    case Failure::Aborted: // only ever by this request, which said why first
        return makeError(Kind::Cancelled, QString());
    case Failure::InactivityTimeout:
        return makeError(Kind::Timeout,
                         ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                      "nothing arrived from %1 for %2 s"))
                                 .arg(where)
                                 .arg(m_timeoutMs / 1000.0, 0, 'g', 3));
    case Failure::ConnectTimeout:
        return makeError(
                Kind::Timeout,
                ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "the connection to %1 timed out"))
                        .arg(where));
    case Failure::Tls:
        return makeError(Kind::Tls,
                         tlsError.isEmpty()
                                 ? QStringLiteral("%1 (%2)").arg(exchange->errorString(), where)
                                 : QStringLiteral("%1 (%2)").arg(tlsError, where));
    case Failure::TooManyRedirects:
        return makeError(
                Kind::Redirect,
                ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "more than %1 redirects"))
                        .arg(kMaxRedirects),
                status);
    case Failure::InsecureRedirect:
        return makeError(
                Kind::Redirect,
                ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "a redirect from https to http")),
                status);
    case Failure::Refused:
        return makeError(Kind::Network, ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                                     "%1 refused the connection"))
                                                .arg(where));
    case Failure::HostNotFound:
        return makeError(Kind::Network, ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                                     "the host %1 was not found"))
                                                .arg(m_url.host()));
    case Failure::RemoteClosed:
        return makeError(
                Kind::Network,
                status > 0
                        ? ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                       "%1 closed the connection before the whole "
                                                       "response arrived"))
                                  .arg(where)
                        : ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                       "%1 closed the connection"))
                                  .arg(where),
                status);
    case Failure::TransportGone:
        return makeError(Kind::Network,
                         ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                      "the network access manager was destroyed")));
    case Failure::Other:
        break;
    }
    return makeError(Kind::Network, exchange->errorString(), status);
}

GatewayClient::GatewayClient(QNetworkAccessManager *nam, QObject *parent)
    : GatewayClient(HttpTransport::createDefault(nam), parent)
{}

GatewayClient::GatewayClient(std::unique_ptr<HttpTransport> transport, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
{}

GatewayClient::~GatewayClient()
{
    m_destroying = true;
    const QList<GatewayRequest *> requests = m_requests;
    for (GatewayRequest *request : requests)
        request->cancel();
}

void GatewayClient::setProfile(const GatewayProfile &profile)
{
    m_profile = profile;
    m_urlBase.reset();
    m_headers.reset();
    // Set only when it changes: a limiter keeps its slots (and a burst set on it) otherwise.
    if (!m_rateOverride && m_rateLimiter.ratePerSecond() != double(profile.maxRequestsPerSecond))
        m_rateLimiter.setRate(profile.maxRequestsPerSecond);
    if (m_caBundle && m_caBundle->path != profile.caBundlePath)
        m_caBundle.reset();
}

void GatewayClient::setMaxRequestRate(double perSecond)
{
    m_rateOverride = perSecond;
    m_rateLimiter.setRate(perSecond);
}

void GatewayClient::setSecret(const QString &secret)
{
    m_secret = secret.trimmed();
    // The headers made with the old key go with it (not kept in memory until the next request).
    m_headers.reset();
}

int GatewayClient::requestsInFlight() const
{
    return m_inFlight;
}

QUrl GatewayClient::urlFor(const QString &encodedPath) const
{
    // The base without its path, user info, query and fragment, and its path prefix: made once
    // per profile (setProfile() forgets them).
    if (!m_urlBase) {
        UrlBase base;
        base.url = m_profile.baseUrl;
        base.pathPrefix = base.url.path(QUrl::FullyEncoded);
        while (base.pathPrefix.endsWith(u'/'))
            base.pathPrefix.chop(1);
        // Credentials in the URL would go out as Basic auth: auth comes from the profile only.
        base.url.setUserInfo(QString());
        base.url.setQuery(QString());
        base.url.setFragment(QString());
        m_urlBase = std::move(base);
    }
    QUrl url = m_urlBase->url;
    const QString path = encodedPath.startsWith(u'/') ? encodedPath : QString(u'/' + encodedPath);
    url.setPath(m_urlBase->pathPrefix + path, QUrl::StrictMode);
    return url;
}

QString GatewayClient::encodeSegment(const QString &identifier)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(identifier));
}

QString GatewayClient::encodeListQuery(const ListQuery &query)
{
    QStringList parts;
    auto add = [&parts](QLatin1StringView key, const QString &value) {
        parts << QString(key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    auto addIfSet = [&add](QLatin1StringView key, const std::optional<QString> &value) {
        if (value && !value->isEmpty())
            add(key, *value);
    };
    add(QLatin1StringView("maxResults"), QString::number(qBound(1, query.maxResults, 1000)));
    addIfSet(QLatin1StringView("nextToken"), query.nextToken);
    addIfSet(QLatin1StringView("statusEquals"), query.statusEquals);
    addIfSet(QLatin1StringView("nameContains"), query.nameContains);
    if (query.submitTimeAfter && query.submitTimeAfter->isValid())
        add(QLatin1StringView("submitTimeAfter"),
            JobCodec::formatTimestamp(*query.submitTimeAfter));
    if (query.submitTimeBefore && query.submitTimeBefore->isValid())
        add(QLatin1StringView("submitTimeBefore"),
            JobCodec::formatTimestamp(*query.submitTimeBefore));
    add(QLatin1StringView("sortBy"), QStringLiteral("CreationTime"));
    add(QLatin1StringView("sortOrder"),
        query.sortDescending ? QStringLiteral("Descending") : QStringLiteral("Ascending"));
    return parts.join(u'&');
}

std::optional<int> GatewayClient::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = !text.isEmpty();
    for (const char c : text)
        isNumber = isNumber && c >= '0' && c <= '9';
    if (isNumber) {
        bool ok = false;
        const qint64 seconds = text.toLongLong(&ok);
        return ok && seconds <= kMaxRetryAfterSeconds ? int(seconds) : kMaxRetryAfterSeconds;
    }
    const QDateTime when = parseHttpDate(text);
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp<qint64>(now.secsTo(when), 0, kMaxRetryAfterSeconds));
}

void GatewayClient::retrieve(const QString &identifier, QObject *context,
                             std::function<void(Expected<RetrieveResult>)> done)
{
    GatewayRequest *request
            = GatewayRequest::start(this, QLatin1StringView("retrieve"), context, done);
    const QString segment = encodeSegment(identifier);
    const RouteStyle style = m_profile.routeStyle == RouteStyle::Auto ? m_profile.detectedRoute
                                                                      : m_profile.routeStyle;
    const JobCodec::RawObject raw
            = m_keepRawObjects ? JobCodec::RawObject::Keep : JobCodec::RawObject::Omit;
    if (style != RouteStyle::Auto) {
        // Only the URL of that route is made.
        request->exchange(
                "GET",
                urlFor((style == RouteStyle::Plural ? kPluralJobPath : kSingularJobPath) + segment),
                [request, done, style, raw](Expected<HttpResponse> response) {
                    request->deliver(done, toRetrieveResult(decodeBody<ParsedJob>(
                                                                    response, retrieveParser(raw)),
                                                            style));
                });
        return;
    }

    const QUrl singularUrl = urlFor(kSingularJobPath + segment);
    const QUrl pluralUrl = urlFor(kPluralJobPath + segment);
    const QString profileId = m_profile.id;
    const QUrl baseUrl = m_profile.baseUrl;
    request->exchange("GET", singularUrl, [=](Expected<HttpResponse> first) {
        const Probe singular = judgeProbe(first, identifier, raw);
        if (singular.verdict == Verdict::Accept)
            request->rememberRoute(profileId, baseUrl, RouteStyle::Singular);
        if (singular.verdict != Verdict::TryOther) {
            request->deliver(done, toRetrieveResult(singular.result, RouteStyle::Singular));
            return;
        }
        request->exchange("GET", pluralUrl, [=](Expected<HttpResponse> second) {
            const Probe plural = judgeProbe(second, identifier, raw);
            if (plural.verdict == Verdict::Accept) {
                request->rememberRoute(profileId, baseUrl, RouteStyle::Plural);
                request->deliver(done, toRetrieveResult(plural.result, RouteStyle::Plural));
                return;
            }
            // Neither route is remembered. The heavier answer is the one the user sees: a
            // refusal, a server error or a failed exchange on the plural route wins over the
            // singular route's "no such route" (a missing key must not read as a missing job).
            const bool preferPlural = plural.weight > singular.weight;
            request->deliver(
                    done, preferPlural ? toRetrieveResult(plural.result, RouteStyle::Plural)
                                       : toRetrieveResult(singular.result, RouteStyle::Singular));
        });
    });
}

void GatewayClient::listPage(const ListQuery &query, QObject *context,
                             std::function<void(Expected<ListPage>)> done)
{
    GatewayRequest *request = GatewayRequest::start(this, QLatin1StringView("list"), context, done);
    QUrl url = urlFor(kListPath);
    url.setQuery(encodeListQuery(query), QUrl::StrictMode);
    request->exchange("GET", url, [request, done](Expected<HttpResponse> response) {
        request->deliver(done, decodeBody<ListPage>(response, &JobCodec::parseListBody));
    });
}

namespace {

struct ListWalk
{
    ListQuery query;
    int maxPages = 1;
    ListResult result;
    QSet<QString> seenTokens;
    QSet<QString> seenArns;
};

void walkListPages(GatewayRequest *request, std::shared_ptr<ListWalk> walk,
                   const std::function<void(Expected<ListResult>)> &done)
{
    QUrl url = request->client()->urlFor(kListPath);
    url.setQuery(GatewayClient::encodeListQuery(walk->query), QUrl::StrictMode);
    request->exchange("GET", url, [request, walk, done](Expected<HttpResponse> response) {
        Expected<ListPage> page = decodeBody<ListPage>(response, &JobCodec::parseListBody);
        if (!page) {
            request->deliver<ListResult>(done, page.error());
            return;
        }
        ListResult &result = walk->result;
        ++result.pages;
        result.problems += page->problems;
        for (ParsedJob &job : page.value().jobs) {
            if (job.job.jobArn) {
                if (walk->seenArns.contains(*job.job.jobArn))
                    continue;
                walk->seenArns.insert(*job.job.jobArn);
            }
            result.jobs.append(std::move(job));
        }
        const std::optional<QString> &token = page->nextToken;
        const bool more = token && !page->jobs.isEmpty();
        if (more && walk->seenTokens.contains(*token)) {
            qCInfo(lcClient) << "list: the gateway repeated a page token; stopping after"
                             << result.pages << "pages";
            result.truncated = true;
        } else if (more && result.pages >= walk->maxPages) {
            qCInfo(lcClient) << "list: page cap of" << walk->maxPages << "reached";
            result.truncated = true;
        } else if (more) {
            walk->seenTokens.insert(*token);
            walk->query.nextToken = *token;
            walkListPages(request, walk, done);
            return;
        }
        request->deliver<ListResult>(done, std::move(walk->result));
    });
}

} // namespace

void GatewayClient::listAll(const ListQuery &query, int maxPages, QObject *context,
                            std::function<void(Expected<ListResult>)> done)
{
    GatewayRequest *request = GatewayRequest::start(this, QLatin1StringView("list"), context, done);
    auto walk = std::make_shared<ListWalk>();
    walk->query = query;
    walk->maxPages = qMax(1, maxPages);
    if (query.nextToken && !query.nextToken->isEmpty())
        walk->seenTokens.insert(*query.nextToken);
    walkListPages(request, std::move(walk), done);
}

void GatewayClient::stop(const QString &identifier, QObject *context,
                         std::function<void(Expected<StopAck>)> done)
{
    GatewayRequest *request = GatewayRequest::start(this, QLatin1StringView("stop"), context, done);
    const QUrl url
            = urlFor(kSingularJobPath + encodeSegment(identifier) + QLatin1StringView("/stop"));
    request->exchange("POST", url, [request, done](Expected<HttpResponse> response) {
        request->deliver(done, decodeBody<StopAck>(response, &JobCodec::parseStopBody, true));
    });
}

void GatewayClient::health(QObject *context, std::function<void(Expected<HealthResult>)> done)
{
    GatewayRequest *request
            = GatewayRequest::start(this, QLatin1StringView("health"), context, done);
    request->exchange("GET", urlFor(kHealthPath), [request, done](Expected<HttpResponse> response) {
        Expected<HealthResult> health = decodeBody<HealthResult>(response, &parseHealthBody);
        if (health)
            health.value().httpStatus = response->status;
        request->deliver(done, std::move(health));
    });
}

void GatewayClient::abortAll()
{
    const QList<GatewayRequest *> requests = m_requests;
    for (GatewayRequest *request : requests)
        request->cancel();
}

// ---- Bifrost's native batch API ----

namespace {

const QLatin1StringView kNativeBatchesPath("/v1/batches");

QString encodeQueryValue(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// ?provider=P, then `extra` ("k=v" pairs already encoded). An empty provider is left out: the
// gateway then answers its own 400 ("provider query parameter ... is required").
QUrl nativeUrl(const GatewayClient *client, const QString &encodedPath, const QString &provider,
               const QStringList &extra = {})
{
    QUrl url = client->urlFor(encodedPath);
    QStringList parts;
    if (!provider.trimmed().isEmpty())
        parts << QStringLiteral("provider=") + encodeQueryValue(provider.trimmed());
    parts += extra;
    if (!parts.isEmpty())
        url.setQuery(parts.join(u'&'), QUrl::StrictMode);
    return url;
}

QString nativeBatchPath(const QString &batchId, QLatin1StringView suffix = {})
{
    return kNativeBatchesPath + u'/' + GatewayClient::encodeSegment(batchId) + suffix;
}

bool isProviderOneOf(const QString &provider, std::initializer_list<const char *> names)
{
    const QString p = provider.trimmed().toLower();
    for (const char *name : names) {
        if (p == QLatin1StringView(name))
            return true;
    }
    return false;
}

QUrl nativeListUrl(const GatewayClient *client, const NativeListQuery &query)
{
    const bool pageToken = isProviderOneOf(query.provider, {"gemini", "vertex"});
    const bool afterId = isProviderOneOf(query.provider, {"anthropic"});
    QStringList extra;
    if (query.limit > 0)
        extra << (pageToken ? QStringLiteral("page_size=") : QStringLiteral("limit="))
                         + QString::number(query.limit);
    if (!query.cursor.isEmpty()) {
        const QString key = pageToken ? QStringLiteral("page_token=")
                            : afterId ? QStringLiteral("after_id=")
                                      : QStringLiteral("after=");
        extra << key + encodeQueryValue(query.cursor);
    }
    return nativeUrl(client, kNativeBatchesPath, query.provider, extra);
}

Expected<NativeRetrieveResult> toNativeRetrieve(Expected<ParsedJob> parsed, const QString &provider)
{
    if (!parsed)
        return parsed.error();
    NativeRetrieveResult r;
    r.parsed = std::move(parsed.value());
    r.provider = provider;
    r.fetchedAt = QDateTime::currentDateTimeUtc();
    return r;
}

struct NativeListWalk
{
    NativeListQuery query;
    int maxPages = 1;
    NativeListResult result;
    QSet<QString> seenCursors;
    QSet<QString> seenIds;
};

void walkNativeListPages(GatewayRequest *request, std::shared_ptr<NativeListWalk> walk,
                         const std::function<void(Expected<NativeListResult>)> &done)
{
    const QString provider = walk->query.provider;
    request->exchange(
            "GET", nativeListUrl(request->client(), walk->query),
            [request, walk, done, provider](Expected<HttpResponse> response) {
                Expected<NativeListPage> page
                        = decodeBody<NativeListPage>(response, [&provider](const QByteArray &body) {
                              return NativeCodec::parseListBody(body, provider);
                          });
                if (!page) {
                    request->deliver<NativeListResult>(done, page.error());
                    return;
                }
                NativeListResult &result = walk->result;
                ++result.pages;
                result.problems += page->problems;
                for (ParsedJob &job : page.value().jobs) {
                    const QString id = job.job.jobArn.value_or(QString());
                    if (walk->seenIds.contains(id))
                        continue;
                    walk->seenIds.insert(id);
                    result.jobs.append(std::move(job));
                }
                const std::optional<QString> cursor
                        = page->nextCursor ? page->nextCursor : page->lastId;
                const bool more = page->hasMore && cursor && !page->jobs.isEmpty();
                if (more && walk->seenCursors.contains(*cursor)) {
                    qCInfo(lcClient) << "native list: the gateway repeated a cursor; stopping after"
                                     << result.pages << "pages";
                    result.truncated = true;
                } else if (more && result.pages >= walk->maxPages) {
                    qCInfo(lcClient) << "native list: page cap of" << walk->maxPages << "reached";
                    result.truncated = true;
                } else if (more) {
                    walk->seenCursors.insert(*cursor);
                    walk->query.cursor = *cursor;
                    walkNativeListPages(request, walk, done);
                    return;
                }
                request->deliver<NativeListResult>(done, std::move(walk->result));
            });
}

struct ResultsWalk
{
    QString provider;
    QString batchId;
    NativeResultsOptions options;
    ResultsAccumulator accumulator;
    std::function<void(qint64, qint64)> progress;
    QSet<QString> seenCursors;
    QString cursor;
    qint64 bytesBefore = 0; // bytes of the pages already read

    ResultsSummary finish(bool capped, bool complete, qint64 partialBytes = 0)
    {
        ResultsSummary summary = accumulator.summary();
        summary.bytesRead += partialBytes;
        summary.capped = capped;
        summary.complete = complete;
        summary.fetchedAt = QDateTime::currentDateTimeUtc();
        return summary;
    }
};

void walkResultsPages(GatewayRequest *request, std::shared_ptr<ResultsWalk> walk,
                      const std::function<void(Expected<ResultsSummary>)> &done)
{
    const qint64 remaining = walk->options.maxBytes - walk->bytesBefore;
    if (remaining <= 0) {
        request->deliver<ResultsSummary>(done, walk->finish(true, false));
        return;
    }
    QStringList extra;
    if (!walk->cursor.isEmpty())
        extra << QStringLiteral("cursor=") + encodeQueryValue(walk->cursor);
    const QUrl url = nativeUrl(request->client(),
                               nativeBatchPath(walk->batchId, QLatin1StringView("/results")),
                               walk->provider, extra);
    auto pageBytes = std::make_shared<qint64>(0);
    request->setBodyCap(remaining);
    request->setOnBytes([walk, pageBytes](qint64 received) {
        *pageBytes = received;
        if (walk->progress)
            walk->progress(walk->bytesBefore + received, walk->accumulator.records());
    });
    request->exchange(
            "GET", url, [request, walk, done, pageBytes](Expected<HttpResponse> response) {
                if (!response && response.error().kind == GatewayError::Kind::TooLarge) {
                    qCInfo(lcClient) << "results: size cap of" << walk->options.maxBytes
                                     << "bytes reached after" << walk->accumulator.summary().pages
                                     << "pages";
                    request->deliver<ResultsSummary>(done, walk->finish(true, false, *pageBytes));
                    return;
                }
                const std::function<void(const ResultRecord &)> &onFailed
                        = walk->options.onFailedRecord;
                Expected<NativeResultsPage> page = decodeBody<NativeResultsPage>(
                        response, [&walk, &onFailed](const QByteArray &body) {
                            return NativeCodec::parseResultsBody(
                                    body, [&](const ResultRecord &record) {
                                        walk->accumulator.add(record);
                                        if (onFailed && record.outcome != ResultOutcome::Succeeded)
                                            onFailed(record);
                                    });
                        });
                if (!page) {
                    request->deliver<ResultsSummary>(done, page.error());
                    return;
                }
                const qint64 size = response->body.size();
                walk->bytesBefore += size;
                walk->accumulator.addBytes(size);
                walk->accumulator.addPage();
                if (walk->progress)
                    walk->progress(walk->bytesBefore, walk->accumulator.records());
                const int pages = walk->accumulator.summary().pages;
                const std::optional<QString> &cursor = page->nextCursor;
                if (!page->hasMore || !cursor) {
                    request->deliver<ResultsSummary>(done, walk->finish(false, true));
                } else if (walk->seenCursors.contains(*cursor) || page->records == 0) {
                    qCInfo(lcClient)
                            << "results: the gateway repeated a cursor or sent an empty page;"
                            << "stopping after" << pages << "pages";
                    request->deliver<ResultsSummary>(done, walk->finish(false, false));
                } else if (pages >= walk->options.maxPages) {
                    qCInfo(lcClient)
                            << "results: page cap of" << walk->options.maxPages << "reached";
                    request->deliver<ResultsSummary>(done, walk->finish(true, false));
                } else {
                    walk->seenCursors.insert(*cursor);
                    walk->cursor = *cursor;
                    walkResultsPages(request, walk, done);
                }
            });
}

} // namespace

void GatewayClient::nativeRetrieve(const QString &provider, const QString &batchId,
                                   QObject *context,
                                   std::function<void(Expected<NativeRetrieveResult>)> done)
{
    GatewayRequest *request
            = GatewayRequest::start(this, QLatin1StringView("native retrieve"), context, done);
    request->exchange(
            "GET", nativeUrl(this, nativeBatchPath(batchId), provider),
            [request, done, provider](Expected<HttpResponse> response) {
                request->deliver(done,
                                 toNativeRetrieve(decodeBody<ParsedJob>(
                                                          response,
                                                          [&provider](const QByteArray &body) {
                                                              return NativeCodec::parseRetrieveBody(
                                                                      body, provider);
                                                          }),
                                                  provider));
            });
}

void GatewayClient::nativeListPage(const NativeListQuery &query, QObject *context,
                                   std::function<void(Expected<NativeListPage>)> done)
{
    GatewayRequest *request
            = GatewayRequest::start(this, QLatin1StringView("native list"), context, done);
    const QString provider = query.provider;
    request->exchange(
            "GET", nativeListUrl(this, query),
            [request, done, provider](Expected<HttpResponse> response) {
                request->deliver(
                        done,
                        decodeBody<NativeListPage>(response, [&provider](const QByteArray &body) {
                            return NativeCodec::parseListBody(body, provider);
                        }));
            });
}

void GatewayClient::nativeListAll(const NativeListQuery &query, int maxPages, QObject *context,
                                  std::function<void(Expected<NativeListResult>)> done)
{
    GatewayRequest *request
            = GatewayRequest::start(this, QLatin1StringView("native list"), context, done);
    auto walk = std::make_shared<NativeListWalk>();
    walk->query = query;
    walk->maxPages = qMax(1, maxPages);
    if (!query.cursor.isEmpty())
        walk->seenCursors.insert(query.cursor);
    walkNativeListPages(request, std::move(walk), done);
}

void GatewayClient::nativeCancel(const QString &provider, const QString &batchId, QObject *context,
                                 std::function<void(Expected<NativeRetrieveResult>)> done)
{
    GatewayRequest *request
            = GatewayRequest::start(this, QLatin1StringView("native cancel"), context, done);
    request->exchange(
            "POST",
            nativeUrl(this, nativeBatchPath(batchId, QLatin1StringView("/cancel")), provider),
            [request, done, provider](Expected<HttpResponse> response) {
                request->deliver(
                        done, toNativeRetrieve(
                                      decodeBody<ParsedJob>(response,
                                                            [&provider](const QByteArray &body) {
                                                                return NativeCodec::parseCancelBody(
                                                                        body, provider);
                                                            }),
                                      provider));
            });
}

GatewayRequestHandle
GatewayClient::nativeResults(const QString &provider, const QString &batchId,
                             const NativeResultsOptions &options, QObject *context,
                             std::function<void(qint64 bytesRead, qint64 records)> progress,
                             std::function<void(Expected<ResultsSummary>)> done)
{
    GatewayRequest *request
            = GatewayRequest::start(this, QLatin1StringView("native results"), context, done);
    auto walk = std::make_shared<ResultsWalk>();
    walk->provider = provider;
    walk->batchId = batchId;
    walk->options = options;
    walk->options.maxPages = qMax(1, options.maxPages);
    walk->progress = std::move(progress);
    GatewayRequestHandle handle(request);
    walkResultsPages(request, std::move(walk), done);
    return handle;
}

void GatewayClient::cancelRequest(const GatewayRequestHandle &handle)
{
    QObject *target = handle.data();
    if (!target)
        return;
    for (GatewayRequest *request : std::as_const(m_requests)) {
        if (request == target) {
            request->cancel();
            return;
        }
    }
}

} // namespace bw
