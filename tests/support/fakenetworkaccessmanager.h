#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <functional>
#include <utility>

namespace bw::test {

// What a FakeNetworkAccessManager answers to one request.
struct FakeResponse
{
    enum class Mode {
        Reply,   // status, headers, body
        Fail,    // a network-level error, no HTTP response
        Hang,    // never answers (until aborted or the request's transfer timeout elapses)
        Endless, // a 200 whose body keeps coming in chunks until endlessLimit or an abort
    };

    Mode mode = Mode::Reply;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError; // Fail
    QString errorString;                                        // Fail
    int delayMs = 0;            // before the first byte of the answer
    qsizetype chunkSize = 0;    // > 0: the body arrives in chunks, one readyRead per chunk
    qint64 endlessLimit = 0;    // Endless: stop after this many bytes (0 = 1 GiB)
    qint64 declaredLength = -1; // >= 0: Content-Length to announce instead of the real size

    static FakeResponse json(int status, const QByteArray &body);
    static FakeResponse text(int status, const QByteArray &contentType, const QByteArray &body);
    static FakeResponse failure(QNetworkReply::NetworkError error, const QString &message = {});
    static FakeResponse hang();
    static FakeResponse redirect(int status, const QByteArray &location);
    static FakeResponse endless(const QByteArray &contentType, qsizetype chunkSize = 64 * 1024);

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);
    FakeResponse &withDelay(int ms);
    FakeResponse &withChunks(qsizetype size);
};

// One request as the code under test made it.
struct FakeRequest
{
    QByteArray verb; // GET, POST, ... (the custom verb for custom requests)
    QUrl url;
    QNetworkRequest request;       // everything the caller set: headers, attributes, TLS, timeout
    QByteArray body;               // what was uploaded (empty for GET)
    bool followedRedirect = false; // made by the fake itself while following a redirect

    QByteArray encodedUrl() const { return url.toEncoded(); }
    QByteArray encodedPath() const { return url.path(QUrl::FullyEncoded).toLatin1(); }
    QByteArray encodedQuery() const { return url.query(QUrl::FullyEncoded).toLatin1(); }
    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
    bool hasHeader(QByteArrayView name) const;
    QList<QByteArray> headerNames() const;
};

// A QNetworkAccessManager that opens no socket: every request is recorded and answered from
// a script (one-shot queue first, then exact-path routes, then the handler, then 404). Replies
// behave like Qt's: asynchronous, HTTP errors set both the status attribute and an error code,
// abort() finishes with OperationCanceledError, a transfer timeout set on the request aborts a
// reply that stalls, and redirects honour the request's redirect policy (a
// UserVerifiedRedirectPolicy redirect waits for redirectAllowed(); following one records a
// new request carrying the original headers, as Qt does).
class FakeNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);
    ~FakeNetworkAccessManager() override;

    void setHandler(Handler handler);
    // Answers every request that nothing more specific answers.
    void respondWith(const FakeResponse &response);
    // Answers the next request (FIFO), before routes and the handler.
    void enqueue(const FakeResponse &response);
    // Answers every request whose fully encoded path equals `encodedPath`.
    void setRoute(const QByteArray &encodedPath, const FakeResponse &response);

    const QList<FakeRequest> &requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }
    const FakeRequest &lastRequest() const { return m_requests.constLast(); }
    void clearRequests() { m_requests.clear(); }

    int liveReplies() const { return m_liveReplies; }          // created and not destroyed yet
    int abortedReplies() const { return m_abortedReplies; }    // abort()ed by their user
    qint64 bytesDelivered() const { return m_bytesDelivered; } // body bytes made readable

Q_SIGNALS:
    void requestRecorded(int index);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    friend class FakeReply;
    FakeResponse responseFor(const FakeRequest &request);
    void record(const FakeRequest &request);

    Handler m_handler;
    QList<FakeResponse> m_queue;
    QList<std::pair<QByteArray, FakeResponse>> m_routes;
    QList<FakeRequest> m_requests;
    int m_liveReplies = 0;
    int m_abortedReplies = 0;
    qint64 m_bytesDelivered = 0;
};

} // namespace bw::test
