#include "wire/curltransport.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>
#include <QVarLengthArray>

#include <curl/curl.h>

#include <algorithm>

namespace bw {

namespace {

constexpr auto kDefaultCaFile = "/etc/ssl/certs/ca-certificates.crt";

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 305 || status == 307
           || status == 308;
}

bool isTlsFailure(CURLcode code)
{
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
        return true;
    default:
        return false;
    }
}

} // namespace

class CurlExchange;

// The multi handle, its sockets (one QSocketNotifier per direction) and curl's one timer. curl
// calls back into this only from inside curl_multi_socket_action(); the exchanges' signals are
// emitted afterwards (dispatch()), so a slot may start, abort or follow exchanges freely.
class CurlMulti : public QObject
{
public:
    CurlMulti();
    ~CurlMulti() override;

    CURLM *handle() const { return m_multi; }
    // Easy handles are kept for the next exchange (curl_easy_reset keeps their buffers and
    // caches): a transfer costs no handle set-up.
    CURL *takeEasy();
    void giveBack(CURL *easy);
    // An exchange has something to signal: done now when not inside curl, else right after.
    void queue(CurlExchange *exchange);
    // The system's CAs followed by those of `path`, read once per path.
    QByteArray caBlob(const QString &path);
    // curl's list of a request's headers: made again only when they differ from the last
    // request's of that verb (a client sends the same ones every time). Held by each exchange
    // whose transfer uses it.
    std::shared_ptr<curl_slist> headerList(const QList<std::pair<QByteArray, QByteArray>> &headers,
                                           bool post);

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static int onSocket(CURL *easy, curl_socket_t socket, int what, void *self, void *);
    static int onTimer(CURLM *multi, long timeoutMs, void *self);
    void watch(curl_socket_t socket, int what);
    void act(curl_socket_t socket, int events);
    void dispatch();

    CURLM *m_multi = nullptr;
    QTimer m_timer;        // curl's timeout
    QTimer m_dispatchSoon; // events queued outside act()
    QHash<curl_socket_t, Watch> m_watches;
    QList<CURL *> m_spareEasy;
    QList<QPointer<CurlExchange>> m_pending;
    bool m_acting = false;
    QString m_caPath;
    QByteArray m_caBlob;
    struct HeaderList
    {
        QList<std::pair<QByteArray, QByteArray>> headers;
        std::shared_ptr<curl_slist> list;
    };
    HeaderList m_getHeaders;
    HeaderList m_postHeaders;
};

class CurlExchange final : public HttpExchange
{
public:
    CurlExchange(std::shared_ptr<CurlMulti> multi, const HttpExchangeRequest &spec)
        : m_multi(std::move(multi))
        , m_spec(spec)
        , m_url(spec.url)
    {}

    ~CurlExchange() override
    {
        if (m_easy) {
            if (m_inMulti)
                curl_multi_remove_handle(m_multi->handle(), m_easy);
            m_multi->giveBack(m_easy);
        }
    }

    bool begin(QString *error)
    {
        m_easy = m_multi->takeEasy();
        if (!m_easy) {
            *error = QStringLiteral("libcurl could not start a transfer");
            return false;
        }
        m_headers = m_multi->headerList(m_spec.headers, m_spec.verb == "POST");
        curl_easy_setopt(m_easy, CURLOPT_PRIVATE, this);
        curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer);
        curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headers.get());
        curl_easy_setopt(m_easy, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(m_easy, CURLOPT_ACCEPT_ENCODING, "");
#if LIBCURL_VERSION_NUM >= 0x075500
        curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
        curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &CurlExchange::onHeaderLine);
        curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);
        curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &CurlExchange::onBody);
        curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
        if (m_spec.inactivityTimeoutMs > 0) {
            curl_easy_setopt(m_easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_spec.inactivityTimeoutMs));
            // curl counts stalls in whole seconds; the caller's deadline is the finer bound.
            curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
            curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_TIME,
                             long((m_spec.inactivityTimeoutMs + 999) / 1000));
        }
        if (m_spec.verb == "POST") {
            curl_easy_setopt(m_easy, CURLOPT_POST, 1L);
            curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_spec.body.size()));
            curl_easy_setopt(m_easy, CURLOPT_COPYPOSTFIELDS, m_spec.body.constData());
        }
        if (!m_spec.caBundlePath.isEmpty()) {
            const QByteArray &cas = m_multi->caBlob(m_spec.caBundlePath);
            curl_blob blob{const_cast<char *>(cas.constData()), size_t(cas.size()), CURL_BLOB_COPY};
            curl_easy_setopt(m_easy, CURLOPT_CAINFO_BLOB, &blob);
        }
        return send();
    }

    void abort() override
    {
        if (m_finished)
            return;
        detach();
        finish(Failure::Aborted);
    }

    void followRedirect() override
    {
        if (!m_awaitingRedirect || m_finished)
            return;
        m_awaitingRedirect = false;
        if (++m_redirects > m_spec.maxRedirects + 1) {
            finish(Failure::TooManyRedirects);
            return;
        }
        m_url = m_redirectTarget;
        // 301/302/303 turn a POST into a GET, as browsers and Qt do.
        if (m_spec.verb == "POST" && m_status != 307 && m_status != 308) {
            m_spec.verb = "GET";
            curl_easy_setopt(m_easy, CURLOPT_HTTPGET, 1L);
        }
        if (!send())
            finish(Failure::Other);
    }

    bool isFinished() const override
    {
        return m_finished;
    }
    Failure failure() const override
    {
        return m_failure;
    }
    int status() const override
    {
        return m_status;
    }
    QByteArray reasonPhrase() const override
    {
        return m_reason;
    }
    QByteArray header(const QByteArray &name) const override
    {
        for (const HeaderSpan &h : m_headerSpans) {
            if (QByteArrayView(m_head)
                        .sliced(h.nameAt, h.nameLength)
                        .compare(name, Qt::CaseInsensitive)
                == 0)
                return m_head.sliced(h.valueAt, h.valueLength);
        }
        return {};
    }
    qint64 contentLength() const override
    {
        return m_contentLength;
    }
    QByteArray readAll() override
    {
        QByteArray bytes = std::exchange(m_buffer, {});
        if (m_paused && m_easy) {
            m_paused = false;
            curl_easy_pause(m_easy, CURLPAUSE_CONT); // may hand over the held bytes at once
        }
        return bytes;
    }
    QString errorString() const override
    {
        return m_errorString;
    }
    QString tlsError() const override
    {
        return m_failure == Failure::Tls ? m_errorString : QString();
    }

    // From CurlMulti, outside curl's callbacks.
    void transferDone(CURLcode result)
    {
        m_inMulti = false;
        m_result = result;
        m_donePending = true;
    }

    void dispatch()
    {
        m_queued = false;
        if (m_finished)
            return;
        const QPointer<CurlExchange> alive(this);
        if (m_headPending) {
            m_headPending = false;
            notifyHeadReceived();
            if (!alive || m_finished)
                return;
        }
        const bool redirect = isRedirect();
        if (m_dataPending && !redirect) {
            m_dataPending = false;
            notifyReadyRead();
            if (!alive || m_finished)
                return;
            notifyDownloadProgress(m_received, m_contentLength);
            if (!alive || m_finished)
                return;
        }
        if (!m_donePending)
            return;
        m_donePending = false;
        if (redirect && m_result == CURLE_OK) {
            m_redirectTarget = m_url.resolved(QUrl::fromEncoded(header("Location")));
            m_awaitingRedirect = true;
            notifyRedirected(m_status, m_redirectTarget);
            return;
        }
        finish(classify());
    }

    bool queued() const
    {
        return m_queued;
    }
    void setQueued()
    {
        m_queued = true;
    }

private:
    bool send()
    {
        m_status = 0;
        m_reason.clear();
        m_head.truncate(0);
        m_headerSpans.clear();
        m_contentLength = -1;
        m_buffer.clear();
        m_received = 0;
        m_errorBuffer[0] = '\0';
        curl_easy_setopt(m_easy, CURLOPT_URL, m_url.toEncoded().constData());
        if (curl_multi_add_handle(m_multi->handle(), m_easy) != CURLM_OK) {
            m_errorString = QStringLiteral("libcurl could not start a transfer");
            return false;
        }
        m_inMulti = true;
        return true;
    }

    void detach()
    {
        if (m_inMulti) {
            curl_multi_remove_handle(m_multi->handle(), m_easy);
            m_inMulti = false;
        }
    }

    void finish(Failure failure)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_failure = failure;
        notifyFinished();
    }

    bool isRedirect() const
    {
        return isRedirectStatus(m_status) && !header("Location").isEmpty();
    }

    Failure classify()
    {
        if (m_result != CURLE_OK) {
            m_errorString = m_errorBuffer[0] ? QString::fromUtf8(m_errorBuffer)
                                             : QString::fromUtf8(curl_easy_strerror(m_result));
        }
        switch (m_result) {
        case CURLE_OK:
            return Failure::None;
        case CURLE_COULDNT_RESOLVE_HOST:
            return Failure::HostNotFound;
        case CURLE_COULDNT_CONNECT:
            return Failure::Refused;
        case CURLE_OPERATION_TIMEDOUT: {
            curl_off_t connected = 0;
            curl_easy_getinfo(m_easy, CURLINFO_CONNECT_TIME_T, &connected);
            return connected > 0 ? Failure::InactivityTimeout : Failure::ConnectTimeout;
        }
        case CURLE_GOT_NOTHING:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_PARTIAL_FILE:
            return Failure::RemoteClosed;
        case CURLE_TOO_MANY_REDIRECTS:
            return Failure::TooManyRedirects;
        default:
            return isTlsFailure(m_result) ? Failure::Tls : Failure::Other;
        }
    }

    static size_t onHeaderLine(char *data, size_t size, size_t count, void *self)
    {
        auto *exchange = static_cast<CurlExchange *>(self);
        const size_t length = size * count;
        exchange->headerLine(QByteArrayView(data, qsizetype(length)).trimmed());
        return length;
    }

    void headerLine(QByteArrayView line)
    {
        if (line.startsWith("HTTP/")) { // a new response (after a 1xx, the final one)
            m_head.truncate(0);
            m_headerSpans.clear();
            m_contentLength = -1;
            const qsizetype space = line.indexOf(' ');
            const QByteArrayView rest = space < 0 ? QByteArrayView() : line.sliced(space + 1);
            const qsizetype reasonAt = rest.indexOf(' ');
            m_status = (reasonAt < 0 ? rest : rest.first(reasonAt)).toInt();
            m_reason = reasonAt < 0 ? QByteArray() : rest.sliced(reasonAt + 1).toByteArray();
            return;
        }
        if (line.isEmpty()) { // the end of a head
            if (m_status >= 200) {
                m_headPending = true;
                m_multi->queue(this);
            }
            return;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            m_contentLength = ok ? length : -1;
        }
        // Every header of the head in one buffer (one allocation per response, not two per
        // header): header() finds them by their spans.
        if (m_head.capacity() == 0)
            m_head.reserve(1024);
        const HeaderSpan span{m_head.size(), name.size(), m_head.size() + name.size(),
                              value.size()};
        m_head.append(name).append(value);
        m_headerSpans.append(span);
    }

    static size_t onBody(char *data, size_t size, size_t count, void *self)
    {
        return static_cast<CurlExchange *>(self)->body(data, size * count);
    }

    size_t body(const char *data, size_t length)
    {
        if (isRedirect())
            return length; // a redirect's own body is never handed over
        // Hold no more than the caller allowed: curl keeps the rest until readAll().
        if (!m_buffer.isEmpty() && m_buffer.size() + qint64(length) > m_spec.readBufferBytes) {
            m_paused = true;
            return CURL_WRITEFUNC_PAUSE;
        }
        m_buffer.append(data, qsizetype(length));
        m_received += qint64(length);
        m_dataPending = true;
        m_multi->queue(this);
        return length;
    }

    std::shared_ptr<CurlMulti> m_multi;
    HttpExchangeRequest m_spec;
    QUrl m_url;
    CURL *m_easy = nullptr;
    std::shared_ptr<curl_slist> m_headers;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
    bool m_inMulti = false;
    bool m_queued = false;

    int m_status = 0;
    QByteArray m_reason;
    struct HeaderSpan
    {
        qsizetype nameAt, nameLength, valueAt, valueLength; // in m_head
    };
    QByteArray m_head; // the names and values of the response's headers, back to back
    QVarLengthArray<HeaderSpan, 24> m_headerSpans;
    qint64 m_contentLength = -1;
    QByteArray m_buffer;
    qint64 m_received = 0;
    bool m_paused = false;

    bool m_headPending = false;
    bool m_dataPending = false;
    bool m_donePending = false;
    CURLcode m_result = CURLE_OK;
    bool m_awaitingRedirect = false;
    QUrl m_redirectTarget;
    int m_redirects = 0;

    bool m_finished = false;
    Failure m_failure = Failure::None;
    QString m_errorString;
};

CurlMulti::CurlMulti()
    : m_multi(curl_multi_init())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
    m_dispatchSoon.setSingleShot(true);
    connect(&m_dispatchSoon, &QTimer::timeout, this, &CurlMulti::dispatch);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlMulti::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlMulti::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
}

CurlMulti::~CurlMulti()
{
    for (CURL *easy : std::as_const(m_spareEasy))
        curl_easy_cleanup(easy);
    curl_multi_cleanup(m_multi); // closes the pooled connections; calls onSocket to forget them
    for (const Watch &w : std::as_const(m_watches)) {
        delete w.read;
        delete w.write;
    }
}

CURL *CurlMulti::takeEasy()
{
    if (m_spareEasy.isEmpty())
        return curl_easy_init();
    CURL *easy = m_spareEasy.takeLast();
    curl_easy_reset(easy);
    return easy;
}

void CurlMulti::giveBack(CURL *easy)
{
    constexpr qsizetype kMaxSpare = 16;
    if (m_spareEasy.size() < kMaxSpare)
        m_spareEasy.append(easy);
    else
        curl_easy_cleanup(easy);
}

void CurlMulti::queue(CurlExchange *exchange)
{
    if (exchange->queued())
        return;
    exchange->setQueued();
    m_pending.append(exchange);
    if (!m_acting && !m_dispatchSoon.isActive())
        m_dispatchSoon.start(0);
}

QByteArray CurlMulti::caBlob(const QString &path)
{
    if (path == m_caPath)
        return m_caBlob;
    QByteArray system;
    const char *systemPath = kDefaultCaFile;
#if LIBCURL_VERSION_NUM >= 0x075400
    CURL *probe = curl_easy_init();
    char *compiledIn = nullptr;
    if (probe && curl_easy_getinfo(probe, CURLINFO_CAINFO, &compiledIn) == CURLE_OK && compiledIn)
        systemPath = compiledIn;
    QFile systemFile(QString::fromLocal8Bit(systemPath));
    if (probe)
        curl_easy_cleanup(probe);
#else
    QFile systemFile(QString::fromLocal8Bit(systemPath));
#endif
    if (systemFile.open(QIODevice::ReadOnly))
        system = systemFile.readAll();
    QFile extra(path);
    m_caPath = path;
    m_caBlob = system + '\n' + (extra.open(QIODevice::ReadOnly) ? extra.readAll() : QByteArray());
    return m_caBlob;
}

std::shared_ptr<curl_slist>
CurlMulti::headerList(const QList<std::pair<QByteArray, QByteArray>> &headers, bool post)
{
    HeaderList &last = post ? m_postHeaders : m_getHeaders;
    if (last.list && last.headers == headers)
        return last.list;
    curl_slist *list = nullptr;
    for (const auto &[name, value] : headers) {
        const QByteArray line = name + ": " + value;
        list = curl_slist_append(list, line.constData());
    }
    if (post) {
        const bool typed = std::any_of(headers.cbegin(), headers.cend(), [](const auto &header) {
            return header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        });
        if (!typed)
            list = curl_slist_append(list, "Content-Type: application/json");
        list = curl_slist_append(list, "Expect:"); // no 100-continue round trip
    }
    last.headers = headers;
    last.list = std::shared_ptr<curl_slist>(list, &curl_slist_free_all);
    return last.list;
}

int CurlMulti::onSocket(CURL *, curl_socket_t socket, int what, void *self, void *)
{
    static_cast<CurlMulti *>(self)->watch(socket, what);
    return 0;
}

int CurlMulti::onTimer(CURLM *, long timeoutMs, void *self)
{
    QTimer &timer = static_cast<CurlMulti *>(self)->m_timer;
    if (timeoutMs < 0)
        timer.stop();
    else
        timer.start(int(std::min<long>(timeoutMs, 24L * 60 * 60 * 1000)));
    return 0;
}

void CurlMulti::watch(curl_socket_t socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        const Watch w = m_watches.take(socket);
        // Inside the notifier's own signal, perhaps: never deleted at once.
        for (QSocketNotifier *notifier : {w.read, w.write}) {
            if (notifier) {
                notifier->setEnabled(false);
                notifier->deleteLater();
            }
        }
        return;
    }
    Watch &w = m_watches[socket];
    const auto ensure
            = [this, socket](QSocketNotifier *&notifier, QSocketNotifier::Type type, int events) {
                  if (notifier)
                      return;
                  notifier = new QSocketNotifier(qintptr(socket), type, this);
                  connect(notifier, &QSocketNotifier::activated, this,
                          [this, socket, events] { act(socket, events); });
              };
    if (what & CURL_POLL_IN)
        ensure(w.read, QSocketNotifier::Read, CURL_CSELECT_IN);
    if (what & CURL_POLL_OUT)
        ensure(w.write, QSocketNotifier::Write, CURL_CSELECT_OUT);
    if (w.read)
        w.read->setEnabled(what & CURL_POLL_IN);
    if (w.write)
        w.write->setEnabled(what & CURL_POLL_OUT);
}

void CurlMulti::act(curl_socket_t socket, int events)
{
    m_acting = true;
    int running = 0;
    curl_multi_socket_action(m_multi, socket, events, &running);
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode result = message->data.result;
        char *owner = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &owner);
        curl_multi_remove_handle(m_multi, easy); // its connection goes back to the pool
        auto *exchange = reinterpret_cast<CurlExchange *>(owner);
        exchange->transferDone(result);
        queue(exchange);
    }
    m_acting = false;
    dispatch();
}

void CurlMulti::dispatch()
{
    m_dispatchSoon.stop();
    const QList<QPointer<CurlExchange>> pending = std::exchange(m_pending, {});
    for (const QPointer<CurlExchange> &exchange : pending) {
        if (exchange)
            exchange->dispatch();
    }
}

CurlTransport::CurlTransport()
{
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    Q_UNUSED(initialised);
    m_multi = std::make_shared<CurlMulti>();
}

CurlTransport::~CurlTransport() = default;

std::unique_ptr<HttpExchange> CurlTransport::start(const HttpExchangeRequest &request,
                                                   QString *error)
{
    auto exchange = std::make_unique<CurlExchange>(m_multi, request);
    if (!exchange->begin(error))
        return nullptr;
    return exchange;
}

} // namespace bw
