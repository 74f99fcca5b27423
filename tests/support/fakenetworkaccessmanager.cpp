#include "fakenetworkaccessmanager.h"

#include "httpstatus.h"

#include <QPointer>
#include <QTimer>

namespace bw::test {

namespace {

constexpr qint64 kEndlessDefaultLimit = qint64(1) << 30;

// The error code Qt's HTTP backend sets next to a non-2xx status.
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 400:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        break;
    }
    if (status >= 400 && status < 500)
        return QNetworkReply::UnknownContentError;
    if (status >= 500)
        return QNetworkReply::UnknownServerError;
    return QNetworkReply::NoError;
}

QByteArray verbOf(QNetworkAccessManager::Operation op, const QNetworkRequest &request)
{
    switch (op) {
    case QNetworkAccessManager::HeadOperation:
        return "HEAD";
    case QNetworkAccessManager::GetOperation:
        return "GET";
    case QNetworkAccessManager::PutOperation:
        return "PUT";
    case QNetworkAccessManager::PostOperation:
        return "POST";
    case QNetworkAccessManager::DeleteOperation:
        return "DELETE";
    case QNetworkAccessManager::CustomOperation:
        return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    case QNetworkAccessManager::UnknownOperation:
        break;
    }
    return "UNKNOWN";
}

} // namespace

FakeResponse FakeResponse::json(int status, const QByteArray &body)
{
    return text(status, "application/json", body);
}

FakeResponse FakeResponse::text(int status, const QByteArray &contentType, const QByteArray &body)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    if (!contentType.isEmpty())
        r.headers.append({"Content-Type", contentType});
    return r;
}

FakeResponse FakeResponse::failure(QNetworkReply::NetworkError error, const QString &message)
{
    FakeResponse r;
    r.mode = Mode::Fail;
    r.error = error;
    r.errorString = message.isEmpty() ? QStringLiteral("Simulated network error") : message;
    return r;
}

FakeResponse FakeResponse::hang()
{
    FakeResponse r;
    r.mode = Mode::Hang;
    return r;
}

FakeResponse FakeResponse::redirect(int status, const QByteArray &location)
{
    FakeResponse r = text(status, "text/plain", "moved");
    r.headers.append({"Location", location});
    return r;
}

FakeResponse FakeResponse::endless(const QByteArray &contentType, qsizetype chunkSize)
{
    FakeResponse r = text(200, contentType, {});
    r.mode = Mode::Endless;
    r.chunkSize = chunkSize;
    return r;
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FakeResponse &FakeResponse::withDelay(int ms)
{
    delayMs = ms;
    return *this;
}

FakeResponse &FakeResponse::withChunks(qsizetype size)
{
    chunkSize = size;
    return *this;
}

QByteArray FakeRequest::header(QByteArrayView name) const
{
    return request.rawHeader(name.toByteArray());
}

bool FakeRequest::hasHeader(QByteArrayView name) const
{
    return request.hasRawHeader(name.toByteArray());
}

QList<QByteArray> FakeRequest::headerNames() const
{
    return request.rawHeaderList();
}

// A reply driven by a FakeResponse; everything happens from the event loop, never inside the
// call that created it.
class FakeReply : public QNetworkReply
{
public:
    FakeReply(FakeNetworkAccessManager *nam, QNetworkAccessManager::Operation op,
              const QNetworkRequest &request, const FakeResponse &response)
        : QNetworkReply(nam)
        , m_nam(nam)
        , m_response(response)
    {
        ++m_nam->m_liveReplies;
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (request.transferTimeout() > 0) {
            m_transferTimer = new QTimer(this);
            m_transferTimer->setSingleShot(true);
            m_transferTimer->setInterval(request.transferTimeout());
            connect(m_transferTimer, &QTimer::timeout, this, [this] {
                // What Qt does when a transfer timeout elapses: abort the reply.
                finishWithError(OperationCanceledError, QStringLiteral("Operation canceled"));
            });
            m_transferTimer->start();
        }
        schedule(m_response.delayMs, [this] { start(); });
    }

    ~FakeReply() override { --m_nam->m_liveReplies; }

    void abort() override
    {
        if (m_finished)
            return;
        ++m_nam->m_abortedReplies;
        finishWithError(OperationCanceledError, QStringLiteral("Operation canceled"));
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_buffer.size() + QNetworkReply::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_buffer.size());
        if (n == 0)
            return m_finished ? -1 : 0;
        memcpy(data, m_buffer.constData(), size_t(n));
        m_buffer.remove(0, n);
        return n;
    }

private:
    template<typename F>
    void schedule(int ms, F &&f)
    {
        QTimer::singleShot(ms, this, std::forward<F>(f));
    }

    void progress()
    {
        if (m_transferTimer)
            m_transferTimer->start();
    }

    void start()
    {
        if (m_finished)
            return;
        switch (m_response.mode) {
        case FakeResponse::Mode::Hang:
            return;
        case FakeResponse::Mode::Fail:
            finishWithError(m_response.error, m_response.errorString);
            return;
        case FakeResponse::Mode::Reply:
        case FakeResponse::Mode::Endless:
            deliverHead();
            return;
        }
    }

    void deliverHead()
    {
        progress();
        const int status = m_response.status;
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, reasonPhrase(status));
        QByteArray location;
        for (const auto &[name, value] : std::as_const(m_response.headers)) {
            setRawHeader(name, value);
            if (name.compare("location", Qt::CaseInsensitive) == 0)
                location = value;
        }
        if (m_response.declaredLength >= 0)
            setHeader(QNetworkRequest::ContentLengthHeader, m_response.declaredLength);
        else if (m_response.mode == FakeResponse::Mode::Reply)
            setHeader(QNetworkRequest::ContentLengthHeader, m_response.body.size());
        Q_EMIT metaDataChanged();
        if (m_finished)
            return;

        if (status >= 300 && status < 400 && !location.isEmpty() && handleRedirect(location))
            return;
        m_total = m_response.mode == FakeResponse::Mode::Reply ? m_response.body.size() : -1;
        schedule(0, [this] { deliverBody(); });
    }

    // Returns true when the redirect is being handled (followed or waiting for approval).
    bool handleRedirect(const QByteArray &location)
    {
        const QVariant policyAttr = request().attribute(QNetworkRequest::RedirectPolicyAttribute);
        const auto policy
                = policyAttr.isValid()
                          ? static_cast<QNetworkRequest::RedirectPolicy>(policyAttr.toInt())
                          : m_nam->redirectPolicy();
        if (policy == QNetworkRequest::ManualRedirectPolicy)
            return false;
        const QUrl target = url().resolved(QUrl::fromEncoded(location));
        setAttribute(QNetworkRequest::RedirectionTargetAttribute, target);
        if (++m_redirects > request().maximumRedirectsAllowed()) {
            finishWithError(TooManyRedirectsError, QStringLiteral("Too many redirects"));
            return true;
        }
        if (policy == QNetworkRequest::UserVerifiedRedirectPolicy) {
            connect(
                    this, &QNetworkReply::redirectAllowed, this, [this, target] { follow(target); },
                    Qt::SingleShotConnection);
            Q_EMIT redirected(target);
        } else {
            Q_EMIT redirected(target);
            follow(target);
        }
        return true;
    }

    void follow(const QUrl &target)
    {
        if (m_finished)
            return;
        QNetworkRequest next = request();
        next.setUrl(target);
        FakeRequest recorded{verbOf(operation(), next), target, next, {}, true};
        m_nam->record(recorded);
        m_response = m_nam->responseFor(recorded);
        setUrl(target);
        for (const QByteArray &name : rawHeaderList())
            setRawHeader(name, QByteArray());
        schedule(m_response.delayMs, [this] { start(); });
    }

    void deliverBody()
    {
        if (m_finished)
            return;
        progress();
        QByteArray chunk;
        bool last = false;
        if (m_response.mode == FakeResponse::Mode::Endless) {
            const qint64 limit
                    = m_response.endlessLimit > 0 ? m_response.endlessLimit : kEndlessDefaultLimit;
            const qint64 n = qMin<qint64>(m_response.chunkSize > 0 ? m_response.chunkSize : 65536,
                                          limit - m_sent);
            chunk = QByteArray(n, 'x');
            last = m_sent + n >= limit;
        } else {
            const qsizetype size
                    = m_response.chunkSize > 0 ? m_response.chunkSize : m_response.body.size();
            chunk = m_response.body.mid(m_sent, size);
            last = m_sent + chunk.size() >= m_response.body.size();
        }
        if (!chunk.isEmpty()) {
            m_sent += chunk.size();
            m_nam->m_bytesDelivered += chunk.size();
            m_buffer += chunk;
            Q_EMIT downloadProgress(m_sent, m_total);
            if (m_finished)
                return;
            Q_EMIT readyRead();
            if (m_finished)
                return;
        }
        if (!last) {
            schedule(0, [this] { deliverBody(); });
            return;
        }
        const QNetworkReply::NetworkError error = errorForStatus(m_response.status);
        if (error != NoError) {
            finishWithError(error,
                            QStringLiteral("Error transferring %1 - server replied: %2")
                                    .arg(url().toString(),
                                         QString::fromLatin1(reasonPhrase(m_response.status))));
            return;
        }
        finish();
    }

    void finishWithError(NetworkError code, const QString &message)
    {
        if (m_finished)
            return;
        setError(code, message);
        m_finished = true; // before the signals: a slot may call abort()
        Q_EMIT errorOccurred(code);
        emitFinished();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        emitFinished();
    }

    void emitFinished()
    {
        if (m_transferTimer)
            m_transferTimer->stop();
        setFinished(true);
        Q_EMIT finished();
    }

    FakeNetworkAccessManager *m_nam;
    FakeResponse m_response;
    QByteArray m_buffer;
    QTimer *m_transferTimer = nullptr;
    qint64 m_sent = 0;
    qint64 m_total = -1;
    int m_redirects = 0;
    bool m_finished = false;
};

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{}

FakeNetworkAccessManager::~FakeNetworkAccessManager()
{
    // Replies still alive are children: QObject would delete them after this destructor, when
    // the object is only a QNetworkAccessManager any more, and their own destructors count
    // themselves down here (UBSan: member access of a FakeNetworkAccessManager that is gone).
    const auto replies = findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(replies);
}

void FakeNetworkAccessManager::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void FakeNetworkAccessManager::respondWith(const FakeResponse &response)
{
    m_handler = [response](const FakeRequest &) {
        return response;
    };
}

void FakeNetworkAccessManager::enqueue(const FakeResponse &response)
{
    m_queue.append(response);
}

void FakeNetworkAccessManager::setRoute(const QByteArray &encodedPath, const FakeResponse &response)
{
    for (auto &route : m_routes) {
        if (route.first == encodedPath) {
            route.second = response;
            return;
        }
    }
    m_routes.append({encodedPath, response});
}

QNetworkReply *FakeNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    FakeRequest recorded{verbOf(op, request), request.url(), request,
                         outgoingData ? outgoingData->readAll() : QByteArray(), false};
    record(recorded);
    return new FakeReply(this, op, request, responseFor(recorded));
}

FakeResponse FakeNetworkAccessManager::responseFor(const FakeRequest &request)
{
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    const QByteArray path = request.encodedPath();
    for (const auto &route : std::as_const(m_routes)) {
        if (route.first == path)
            return route.second;
    }
    if (m_handler)
        return m_handler(request);
    return FakeResponse::text(404, "text/plain", "Not Found");
}

void FakeNetworkAccessManager::record(const FakeRequest &request)
{
    m_requests.append(request);
    Q_EMIT requestRecorded(int(m_requests.size() - 1));
}

} // namespace bw::test
