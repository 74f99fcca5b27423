#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace bw {

// What GatewayClient asks of an HTTP stack, and nothing more: one exchange per request, the
// answer's status, headers and body as they arrive, redirects reported (never followed without
// leave), and a typed failure. The policy (deadline, body cap, which redirects to follow, what
// an error says) stays in GatewayClient; a transport only moves bytes. Two implementations:
// Qt's QNetworkAccessManager (qnamtransport.h) and libcurl's multi interface on the Qt event
// loop (curltransport.h); docs/PERFORMANCE.md says which is the default and why.

struct HttpExchangeRequest
{
    QByteArray verb; // "GET" or "POST"
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers; // sent as given, in order
    QByteArray body;                                  // POST only (may be empty)
    // Nothing arriving for this long ends the exchange as InactivityTimeout (0: never).
    int inactivityTimeoutMs = 30000;
    // The most the transport may hold that the caller has not read yet (a hint).
    qint64 readBufferBytes = 1024 * 1024;
    // The caller follows at most this many redirects; a stack that counts them itself allows
    // more, so that the caller sees a loop first.
    int maxRedirects = 5;
    // PEM certificates trusted for https besides the system's (already checked readable).
    QString caBundlePath;
};

// One exchange in flight. Signals come from the event loop of the thread the exchange lives
// in, in this order: headReceived once per response (redirect responses included), then
// redirected (for a 3xx with a Location: call followRedirect() to go on, or abort()), or
// readyRead and downloadProgress as body bytes arrive (read them with readAll()), then finished
// exactly once.
// abort() finishes synchronously (finished() is emitted inside it) with Failure::Aborted;
// deleting an exchange aborts it without a signal.
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    // The same events as plain calls, for a receiver made per request (GatewayRequest): no
    // signal connection to make and undo for each exchange. While one is set, it is told
    // instead of the signals being emitted.
    class Listener
    {
    public:
        virtual void exchangeHeadReceived() = 0;
        virtual void exchangeReadyRead() = 0;
        virtual void exchangeDownloadProgress(qint64 received, qint64 total) = 0;
        virtual void exchangeRedirected(int status, const QUrl &target) = 0;
        virtual void exchangeFinished() = 0;

    protected:
        ~Listener() = default;
    };

    enum class Failure {
        None,              // an HTTP answer arrived whole (any status)
        Aborted,           // abort() was called
        InactivityTimeout, // nothing arrived for inactivityTimeoutMs
        ConnectTimeout,    // the connection could not be set up in time
        Refused,
        HostNotFound,
        RemoteClosed, // the peer closed the connection before the whole answer arrived
        Tls,          // handshake or certificate failure; tlsError() says what
        TooManyRedirects,
        InsecureRedirect, // https -> http
        TransportGone,    // the underlying stack went away (e.g. the access manager)
        Other,            // errorString() says what
    };

    using QObject::QObject;

    virtual void abort() = 0;
    // After redirected(): ask the redirect's target with the same verb, headers and body.
    virtual void followRedirect() = 0;

    virtual bool isFinished() const = 0;
    virtual Failure failure() const = 0;
    // 0 until a status line arrived.
    virtual int status() const = 0;
    virtual QByteArray reasonPhrase() const = 0;
    // The response header of that name (case-insensitive); empty when absent.
    virtual QByteArray header(const QByteArray &name) const = 0;
    // The Content-Length the response announced, or -1.
    virtual qint64 contentLength() const = 0;
    virtual QByteArray readAll() = 0;
    // What the stack said (never holds a header value); for Failure::Other and the like.
    virtual QString errorString() const = 0;
    // Failure::Tls: what was wrong, with the certificate the peer showed where known.
    virtual QString tlsError() const = 0;

    // nullptr: the signals again.
    void setListener(Listener *listener) { m_listener = listener; }

Q_SIGNALS:
    void headReceived();
    void readyRead();
    // Body bytes received so far and the announced total (-1 when unknown), as they arrive.
    void downloadProgress(qint64 received, qint64 total);
    void redirected(int status, const QUrl &target);
    void finished();

protected:
    // What an implementation calls where it has an event to report.
    void notifyHeadReceived()
    {
        if (m_listener)
            m_listener->exchangeHeadReceived();
        else
            Q_EMIT headReceived();
    }
    void notifyReadyRead()
    {
        if (m_listener)
            m_listener->exchangeReadyRead();
        else
            Q_EMIT readyRead();
    }
    void notifyDownloadProgress(qint64 received, qint64 total)
    {
        if (m_listener)
            m_listener->exchangeDownloadProgress(received, total);
        else
            Q_EMIT downloadProgress(received, total);
    }
    void notifyRedirected(int status, const QUrl &target)
    {
        if (m_listener)
            m_listener->exchangeRedirected(status, target);
        else
            Q_EMIT redirected(status, target);
    }
    void notifyFinished()
    {
        if (m_listener)
            m_listener->exchangeFinished();
        else
            Q_EMIT finished();
    }

private:
    Listener *m_listener = nullptr;
};

class HttpTransport
{
public:
    enum class Kind { Qnam, Curl };

    virtual ~HttpTransport();
    virtual Kind kind() const = 0;
    // Starts one exchange (nothing is signalled before the caller's next return to the event
    // loop). nullptr, with *error set, when the transport cannot send at all.
    virtual std::unique_ptr<HttpExchange> start(const HttpExchangeRequest &request, QString *error)
            = 0;

    // The kind that new GatewayClients made over an access manager use: the environment
    // variable BATCHWATCH_HTTP_TRANSPORT ("qnam" or "curl") when set, else what the process
    // preferred (setPreferredKind(), called by main()), else Qnam.
    static Kind defaultKind();
    static void setPreferredKind(Kind kind);
    static QString kindName(Kind kind);
    // A transport of defaultKind(); Qnam sends through `nam` (not owned).
    static std::unique_ptr<HttpTransport> createDefault(QNetworkAccessManager *nam);
    static std::unique_ptr<HttpTransport> create(Kind kind, QNetworkAccessManager *nam);
};

} // namespace bw
