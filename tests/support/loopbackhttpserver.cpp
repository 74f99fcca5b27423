#include "loopbackhttpserver.h"

#include "httpstatus.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#if QT_VERSION >= QT_VERSION_CHECK(6, 4, 0)
#include <QSslServer>
#define BW_HAVE_SSL_SERVER 1
#endif
#endif

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace bw::test {

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 9; // discard: nothing listens there either
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

namespace {

constexpr qint64 kEndlessChunk = 64 * 1024;
constexpr qint64 kEndlessHighWater = 256 * 1024;
constexpr qint64 kEndlessDefaultLimit = qint64(1) << 30;

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

// Per-connection state; a child of its socket, so it dies with it.
struct LoopbackHttpServer::Connection : QObject
{
    explicit Connection(QTcpSocket *s)
        : QObject(s)
        , socket(s)
    {}

    QTcpSocket *socket;
    QByteArray buffer;
    bool busy = false;       // a request is being answered (or hangs)
    bool closeAfter = false; // the client asked for Connection: close
    bool endless = false;
    bool endlessChunked = true;
    bool endlessCloseDelimited = false;
    qint64 endlessSent = 0;
    qint64 endlessLimit = 0;
};

QByteArray LoopbackHttpServer::Request::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray LoopbackHttpServer::Request::query() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

QByteArray LoopbackHttpServer::Request::header(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (sameName(h.first, name))
            return h.second;
    }
    return {};
}

bool LoopbackHttpServer::Request::hasHeader(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (sameName(h.first, name))
            return true;
    }
    return false;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::json(int status, const QByteArray &body)
{
    return text(status, "application/json", body);
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::throttled(int retryAfterSeconds)
{
    return json(429, R"({"__type":"ThrottlingException","message":"slow"})")
            .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::text(int status,
                                                                const QByteArray &contentType,
                                                                const QByteArray &body)
{
    Response r;
    r.status = status;
    r.body = body;
    if (!contentType.isEmpty())
        r.headers.append({"Content-Type", contentType});
    return r;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::redirect(int status,
                                                                    const QByteArray &location)
{
    Response r = text(status, "text/plain", "moved");
    r.headers.append({"Location", location});
    return r;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::hang()
{
    Response r;
    r.mode = Mode::Hang;
    return r;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::reset()
{
    Response r;
    r.mode = Mode::Reset;
    return r;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::truncated(int status,
                                                                     const QByteArray &contentType,
                                                                     const QByteArray &body,
                                                                     qint64 sentBytes)
{
    Response r = text(status, contentType, body);
    r.mode = Mode::Truncate;
    r.truncateAt = sentBytes;
    return r;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::endless(const QByteArray &contentType,
                                                                   qint64 limit)
{
    Response r = text(200, contentType, {});
    r.mode = Mode::Endless;
    r.endlessLimit = limit;
    return r;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::trickle(int status,
                                                                   const QByteArray &contentType,
                                                                   const QByteArray &body,
                                                                   int intervalMs)
{
    Response r = text(status, contentType, body);
    r.mode = Mode::Trickle;
    r.trickleIntervalMs = intervalMs;
    return r;
}

LoopbackHttpServer::Response &LoopbackHttpServer::Response::withHeader(const QByteArray &name,
                                                                       const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

LoopbackHttpServer::Response &LoopbackHttpServer::Response::withDelay(int ms)
{
    delayMs = ms;
    return *this;
}

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    // Sockets are children of m_server: silence them and close them while this object is
    // still whole, then take the server down.
    const QList<Connection *> connections = std::exchange(m_connections, {});
    for (Connection *c : connections) {
        c->socket->disconnect();
        c->socket->abort();
    }
    delete m_server;
    m_server = nullptr;
}

bool LoopbackHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool LoopbackHttpServer::tlsAvailable()
{
#ifdef BW_HAVE_SSL_SERVER
    return QSslSocket::supportsSsl();
#else
    return false;
#endif
}

bool LoopbackHttpServer::listenTls(const QString &certificatePem, const QString &keyPem)
{
#ifdef BW_HAVE_SSL_SERVER
    if (!tlsAvailable())
        return false;
    QFile keyFile(keyPem);
    if (!keyFile.open(QIODevice::ReadOnly))
        return false;
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePem, QSsl::Pem);
    if (key.isNull() || chain.isEmpty())
        return false;
    auto *server = new QSslServer(this);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(tls);
    delete m_server;
    m_server = server;
    // QSslServer hands a connection over once its handshake is done, with this signal.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &LoopbackHttpServer::onNewConnection);
    m_tls = true;
    return m_server->listen(QHostAddress::LocalHost, 0);
#else
    Q_UNUSED(certificatePem);
    Q_UNUSED(keyPem);
    return false;
#endif
}

quint16 LoopbackHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl LoopbackHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void LoopbackHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void LoopbackHttpServer::respondWith(const Response &response)
{
    m_handler = [response](const Request &) {
        return response;
    };
}

void LoopbackHttpServer::respondInTurn(const QList<Response> &first, const Response &then)
{
    m_handler = [first, then, answered = qsizetype(0)](const Request &) mutable {
        return answered < first.size() ? first.at(answered++) : then;
    };
}

int LoopbackHttpServer::openConnections() const
{
    return int(m_connections.size());
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection(socket);
        m_connections.append(c);
        connect(socket, &QTcpSocket::readyRead, c, [this, c] {
            c->buffer += c->socket->readAll();
            processBuffer(c);
        });
        connect(socket, &QTcpSocket::bytesWritten, c, [this, c] {
            if (c->endless)
                pumpEndless(c);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, c, socket] {
            if (!m_connections.removeOne(c))
                return;
            ++m_closedConnections;
            socket->deleteLater();
            Q_EMIT connectionClosed();
        });
        // A TLS socket is handed over once encrypted: the request may already be waiting.
        if (socket->bytesAvailable() > 0) {
            c->buffer += socket->readAll();
            processBuffer(c);
        }
    }
}

void LoopbackHttpServer::processBuffer(Connection *c)
{
    while (!c->busy) {
        if (c->buffer.startsWith('\x16')) {
            // A TLS ClientHello: answer like a plain HTTP server would, so the client's TLS
            // layer fails its handshake instead of waiting for a ServerHello.
            c->busy = true;
            c->socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                             "Connection: close\r\n\r\n");
            c->socket->disconnectFromHost();
            return;
        }
        const qsizetype headEnd = c->buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = c->buffer.left(headEnd).split('\n');
        Request req;
        req.requestLine = lines.value(0).trimmed();
        const QList<QByteArray> parts = req.requestLine.split(' ');
        req.method = parts.value(0);
        req.target = parts.value(1);
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            Header h{line.left(colon).trimmed(), line.mid(colon + 1).trimmed()};
            if (sameName(h.first, "content-length"))
                contentLength = h.second.toLongLong();
            if (sameName(h.first, "connection") && sameName(h.second, "close"))
                c->closeAfter = true;
            req.headers.append(std::move(h));
        }
        const qint64 total = headEnd + 4 + contentLength;
        if (c->buffer.size() < total)
            return;
        req.body = c->buffer.mid(headEnd + 4, contentLength);
        c->buffer.remove(0, total);

        c->busy = true;
        m_requests.append(req);
        Q_EMIT requestReceived(int(m_requests.size() - 1));
        const Response response
                = m_handler ? m_handler(req) : Response::text(404, "text/plain", "Not Found");
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, c, [this, c, response] { answer(c, response); });
            return;
        }
        answer(c, response);
    }
}

void LoopbackHttpServer::answer(Connection *c, const Response &response)
{
    switch (response.mode) {
    case Response::Mode::Hang:
        return; // stays busy until the client gives up
    case Response::Mode::Reset:
        resetConnection(c);
        return;
    case Response::Mode::Truncate:
        writeNormal(c, response);
        c->socket->disconnectFromHost();
        return;
    case Response::Mode::Trickle: {
        Response head = response;
        head.mode = Response::Mode::Truncate;
        head.truncateAt = 0; // the status line and headers only
        head.declaredLength
                = response.declaredLength >= 0 ? response.declaredLength : response.body.size();
        writeNormal(c, head);
        trickleNext(c, response.body, qMax(1, response.trickleIntervalMs));
        return;
    }
    case Response::Mode::Endless: {
        QByteArray head = "HTTP/1.1 200 OK\r\n";
        for (const Header &h : response.headers)
            head += h.first + ": " + h.second + "\r\n";
        c->endlessChunked = response.declaredLength < 0 && !response.closeDelimited;
        c->endlessCloseDelimited = response.declaredLength < 0 && response.closeDelimited;
        if (c->endlessCloseDelimited)
            head += "Connection: close\r\n";
        else if (c->endlessChunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Content-Length: " + QByteArray::number(response.declaredLength) + "\r\n";
        head += "\r\n";
        c->socket->write(head);
        c->endless = true;
        c->endlessLimit = response.endlessLimit > 0 ? response.endlessLimit : kEndlessDefaultLimit;
        pumpEndless(c);
        return;
    }
    case Response::Mode::Normal:
        writeNormal(c, response);
        c->busy = false;
        if (c->closeAfter) {
            c->socket->disconnectFromHost();
            return;
        }
        processBuffer(c);
        return;
    }
}

void LoopbackHttpServer::writeNormal(Connection *c, const Response &response)
{
    const QByteArray phrase = reasonPhrase(response.status);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                     + (phrase.isEmpty() ? QByteArray("Status") : phrase) + "\r\n";
    bool hasLength = false;
    for (const Header &h : response.headers) {
        hasLength = hasLength || sameName(h.first, "content-length");
        out += h.first + ": " + h.second + "\r\n";
    }
    if (!hasLength) {
        const qint64 length
                = response.declaredLength >= 0 ? response.declaredLength : response.body.size();
        out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    }
    out += "\r\n";
    if (response.mode == Response::Mode::Truncate)
        out += response.body.left(response.truncateAt);
    else
        out += response.body;
    c->socket->write(out);
}

void LoopbackHttpServer::pumpEndless(Connection *c)
{
    static const QByteArray payload = [] {
        QByteArray chunk;
        chunk.reserve(kEndlessChunk);
        while (chunk.size() < kEndlessChunk)
            chunk += "{\"filler\":\"0123456789abcdef0123456789abcdef\"},";
        return chunk.left(kEndlessChunk);
    }();
    while (c->endless && c->socket->state() == QAbstractSocket::ConnectedState
           && c->socket->bytesToWrite() < kEndlessHighWater) {
        const qint64 n = qMin(kEndlessChunk, c->endlessLimit - c->endlessSent);
        if (n <= 0) {
            if (c->endlessChunked)
                c->socket->write("0\r\n\r\n");
            c->endless = false;
            if (c->endlessCloseDelimited)
                c->socket->disconnectFromHost();
            return;
        }
        const QByteArray data = payload.left(n);
        if (c->endlessChunked)
            c->socket->write(QByteArray::number(n, 16) + "\r\n" + data + "\r\n");
        else
            c->socket->write(data);
        c->endlessSent += n;
        m_endlessBytesSent += n;
    }
}

void LoopbackHttpServer::trickleNext(Connection *c, QByteArray rest, int intervalMs)
{
    if (rest.isEmpty() || c->socket->state() != QAbstractSocket::ConnectedState)
        return; // stays busy: a trickled answer ends the connection's use
    QTimer::singleShot(intervalMs, c, [this, c, rest = std::move(rest), intervalMs]() mutable {
        if (c->socket->state() != QAbstractSocket::ConnectedState)
            return;
        c->socket->write(rest.left(1));
        trickleNext(c, rest.mid(1), intervalMs);
    });
}

void LoopbackHttpServer::resetConnection(Connection *c)
{
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout turns close() into a TCP RST.
    const qintptr fd = c->socket->socketDescriptor();
    if (fd >= 0) {
        struct linger lingerOption = {1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof lingerOption);
    }
#endif
    QTcpSocket *socket = c->socket;
    socket->abort();
    if (m_connections.removeOne(c)) {
        ++m_closedConnections;
        socket->deleteLater();
        Q_EMIT connectionClosed();
    }
}

} // namespace bw::test
