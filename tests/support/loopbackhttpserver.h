#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace bw::test {

// A loopback port nothing listens on (a server opened there and closed again): a gateway that
// refuses the connection.
quint16 closedPort();

// A tiny scriptable HTTP/1.1 server on 127.0.0.1 for tests that need the real network stack.
// It records every request exactly as it arrived on the wire (request line, headers in order,
// body) and answers each with whatever the handler returns: a canned response, a delayed one,
// a redirect, a connection reset, a truncated body, a body that never ends, or nothing at all.
// Keep-alive connections are served request after request. Everything runs on the thread the
// server lives in; no sleeps.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT

public:
    using Header = std::pair<QByteArray, QByteArray>;

    struct Request
    {
        QByteArray requestLine; // "GET /a%2Fb?x=1 HTTP/1.1", byte for byte as received
        QByteArray method;
        QByteArray target;     // the request-target, still percent-encoded
        QList<Header> headers; // names as sent, in order
        QByteArray body;

        QByteArray path() const;  // target without the query
        QByteArray query() const; // after '?', empty when none
        // Case-insensitive lookup; the value of the first header of that name, or empty.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };

    struct Response
    {
        enum class Mode {
            Normal,   // status line, headers, Content-Length, body
            Hang,     // read the request, never answer
            Reset,    // close the connection with a TCP reset instead of answering
            Truncate, // announce the whole body, send truncateAt bytes of it, then close
            Endless,  // stream a chunked body until the client hangs up (or endlessLimit)
            Trickle,  // announce the whole body, then send one byte every trickleIntervalMs
        };

        int status = 200;
        QList<Header> headers;
        QByteArray body;
        Mode mode = Mode::Normal;
        int delayMs = 0;            // wait this long before answering (any mode)
        qint64 truncateAt = 0;      // Truncate: body bytes sent before closing
        qint64 endlessLimit = 0;    // Endless: stop after this many body bytes (0 = 1 GiB)
        qint64 declaredLength = -1; // >= 0: send this Content-Length instead of the real one
        int trickleIntervalMs = 0;  // Trickle: pause between two bytes of the body
        // Endless without declaredLength: no Transfer-Encoding either, the body ends when the
        // server closes the connection (HTTP/1.0 style framing).
        bool closeDelimited = false;

        static Response json(int status, const QByteArray &body);
        static Response text(int status, const QByteArray &contentType, const QByteArray &body);
        static Response redirect(int status, const QByteArray &location);
        // 429 with AWS's ThrottlingException body and "Retry-After: <seconds>".
        static Response throttled(int retryAfterSeconds);
        static Response hang();
        static Response reset();
        static Response truncated(int status, const QByteArray &contentType, const QByteArray &body,
                                  qint64 sentBytes);
        static Response endless(const QByteArray &contentType, qint64 limit = 0);
        // Headers at once (Content-Length of the whole body), then one byte per intervalMs.
        static Response trickle(int status, const QByteArray &contentType, const QByteArray &body,
                                int intervalMs);

        Response &withHeader(const QByteArray &name, const QByteArray &value);
        Response &withDelay(int ms);
    };

    using Handler = std::function<Response(const Request &)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    // Listens on 127.0.0.1 on a free port. Returns false when that is impossible.
    bool listen();
    // The same over TLS with this PEM certificate and key (QSslServer): every connection is
    // encrypted before a request is read. False without a TLS backend or readable files.
    bool listenTls(const QString &certificatePem, const QString &keyPem);
    // Whether TLS servers can be made here (a TLS backend and Qt 6.4's QSslServer).
    static bool tlsAvailable();
    quint16 port() const;
    // http://127.0.0.1:<port> (https:// after listenTls)
    QUrl baseUrl() const;

    // Decides the answer to every request; the default answers 404 text/plain "Not Found".
    void setHandler(Handler handler);
    // Answers every request with the same response.
    void respondWith(const Response &response);
    // Answers the first requests with `first`, one each in turn, and every later one with `then`.
    void respondInTurn(const QList<Response> &first, const Response &then);

    const QList<Request> &requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }
    void clearRequests() { m_requests.clear(); }

    qint64 endlessBytesSent() const { return m_endlessBytesSent; }
    // Connections the client closed or that the server closed, so far.
    int closedConnections() const { return m_closedConnections; }
    int openConnections() const;

Q_SIGNALS:
    void requestReceived(int index);
    void connectionClosed();

private:
    struct Connection;
    void onNewConnection();
    void processBuffer(Connection *c);
    void answer(Connection *c, const Response &response);
    void writeNormal(Connection *c, const Response &response);
    void pumpEndless(Connection *c);
    void trickleNext(Connection *c, QByteArray rest, int intervalMs);
    void resetConnection(Connection *c);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    Handler m_handler;
    QList<Request> m_requests;
    QList<Connection *> m_connections;
    qint64 m_endlessBytesSent = 0;
    int m_closedConnections = 0;
};

} // namespace bw::test
