#include "wire/qnamtransport.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#endif

namespace bw {

namespace {

#if QT_CONFIG(ssl)
QString certificateName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    for (const auto attribute : {QSslCertificate::CommonName, QSslCertificate::Organization,
                                 QSslCertificate::OrganizationalUnitName}) {
        const QStringList values
                = issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        const char *key = attribute == QSslCertificate::CommonName     ? "CN"
                          : attribute == QSslCertificate::Organization ? "O"
                                                                       : "OU";
        for (const QString &value : values)
            parts << QLatin1StringView(key) + u'=' + value.left(80);
    }
    return parts.isEmpty() ? QStringLiteral("(none)") : parts.join(QStringLiteral(", "));
}

// Subject, issuer, validity and SHA-256 fingerprint, on one line.
QString describeCertificate(const QSslCertificate &certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    return QStringLiteral("subject %1; issuer %2; valid %3 to %4; SHA-256 %5")
            .arg(certificateName(certificate, false), certificateName(certificate, true),
                 certificate.effectiveDate().toUTC().toString(Qt::ISODate),
                 certificate.expiryDate().toUTC().toString(Qt::ISODate),
                 QString::fromLatin1(digest));
}
#endif

class QnamExchange final : public HttpExchange
{
public:
    explicit QnamExchange(QNetworkReply *reply)
        : m_reply(reply)
    {
        connect(reply, &QNetworkReply::metaDataChanged, this, [this] { notifyHeadReceived(); });
        connect(reply, &QNetworkReply::readyRead, this, [this] { notifyReadyRead(); });
        connect(reply, &QNetworkReply::downloadProgress, this,
                [this](qint64 received, qint64 total) { notifyDownloadProgress(received, total); });
        connect(reply, &QNetworkReply::redirected, this,
                [this](const QUrl &target) { notifyRedirected(status(), target); });
        connect(reply, &QNetworkReply::finished, this, [this] {
            m_finished = true;
            m_failure = classify();
            notifyFinished();
        });
#if QT_CONFIG(ssl)
        connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            // Never ignored: the reply fails with SslHandshakeFailedError and this says why,
            // with the certificate the gateway showed so that the user can judge it.
            if (errors.isEmpty() || !m_tlsError.isEmpty())
                return;
            QSslCertificate certificate = errors.constFirst().certificate();
            if (certificate.isNull() && m_reply)
                certificate = m_reply->sslConfiguration().peerCertificate();
            m_tlsError = errors.constFirst().errorString();
            if (!certificate.isNull())
                m_tlsError += QStringLiteral("; certificate: ") + describeCertificate(certificate);
        });
#endif
        connect(reply, &QObject::destroyed, this, [this] {
            // The access manager went away with the reply before it finished.
            if (m_finished)
                return;
            m_finished = true;
            m_failure = Failure::TransportGone;
            notifyFinished();
        });
    }

    ~QnamExchange() override
    {
        if (QNetworkReply *reply = m_reply.data()) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }

    void abort() override
    {
        if (QNetworkReply *reply = m_reply.data(); reply && !m_finished) {
            m_aborting = true;
            reply->abort(); // emits finished() synchronously
        }
    }
    void followRedirect() override
    {
        if (QNetworkReply *reply = m_reply.data())
            Q_EMIT reply->redirectAllowed();
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
        return m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    }
    QByteArray reasonPhrase() const override
    {
        return m_reply ? m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                 .toByteArray()
                       : QByteArray();
    }
    QByteArray header(const QByteArray &name) const override
    {
        return m_reply ? m_reply->rawHeader(name) : QByteArray();
    }
    qint64 contentLength() const override
    {
        const QVariant length
                = m_reply ? m_reply->header(QNetworkRequest::ContentLengthHeader) : QVariant();
        return length.isValid() ? length.toLongLong() : -1;
    }
    QByteArray readAll() override
    {
        return m_reply ? m_reply->readAll() : QByteArray();
    }
    QString errorString() const override
    {
        return m_reply ? m_reply->errorString() : QString();
    }
    QString tlsError() const override
    {
        return m_tlsError;
    }

private:
    Failure classify() const
    {
        const QNetworkReply *reply = m_reply.data();
        if (m_aborting)
            return Failure::Aborted;
        if (!reply)
            return Failure::TransportGone;
        const QNetworkReply::NetworkError code = reply->error();
        const bool hasStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
        // Network and proxy errors are below 200; Qt also sets content/server error codes next
        // to an HTTP status, and those are the status's business.
        const bool transport
                = code != QNetworkReply::NoError
                  && (!hasStatus || code < 100
                      || (code < 200 && code != QNetworkReply::ProxyAuthenticationRequiredError));
        if (!transport)
            return Failure::None;
        switch (code) {
        case QNetworkReply::OperationCanceledError:
            return Failure::InactivityTimeout; // not aborted by us: Qt's transfer timeout
        case QNetworkReply::TimeoutError:
            return Failure::ConnectTimeout;
        case QNetworkReply::SslHandshakeFailedError:
            return Failure::Tls;
        case QNetworkReply::TooManyRedirectsError:
            return Failure::TooManyRedirects;
        case QNetworkReply::InsecureRedirectError:
            return Failure::InsecureRedirect;
        case QNetworkReply::ConnectionRefusedError:
            return Failure::Refused;
        case QNetworkReply::HostNotFoundError:
            return Failure::HostNotFound;
        case QNetworkReply::RemoteHostClosedError:
            return Failure::RemoteClosed;
        default:
            return m_tlsError.isEmpty() ? Failure::Other : Failure::Tls;
        }
    }

    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
    bool m_aborting = false;
    Failure m_failure = Failure::None;
    QString m_tlsError;
};

} // namespace

// The certificates of the last CA bundle path asked for, read once.
struct QnamTransport::CaCache
{
    QString path;
#if QT_CONFIG(ssl)
    QList<QSslCertificate> certificates;
#endif
};

QnamTransport::QnamTransport(QNetworkAccessManager *nam)
    : m_nam(nam)
{}

QnamTransport::~QnamTransport() = default;

std::unique_ptr<HttpExchange> QnamTransport::start(const HttpExchangeRequest &spec, QString *error)
{
    if (!m_nam) {
        *error = QStringLiteral("no network access manager is available");
        return nullptr;
    }
    QNetworkRequest request(spec.url);
    for (const auto &[name, value] : spec.headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(spec.inactivityTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    // Above the client's own limit: the client sees a loop first and says so.
    request.setMaximumRedirectsAllowed(spec.maxRedirects + 1);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Only the headers of the request authenticate; never credentials Qt cached elsewhere.
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
#if QT_CONFIG(ssl)
    if (spec.url.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0
        && !spec.caBundlePath.isEmpty()) {
        if (!m_ca || m_ca->path != spec.caBundlePath) {
            m_ca = std::make_unique<CaCache>();
            m_ca->path = spec.caBundlePath;
            m_ca->certificates = QSslCertificate::fromPath(spec.caBundlePath, QSsl::Pem);
        }
        QSslConfiguration tls = request.sslConfiguration();
        tls.addCaCertificates(m_ca->certificates);
        request.setSslConfiguration(tls);
    }
#endif

    QNetworkReply *reply = nullptr;
    if (spec.verb == "POST") {
        // Said so: without a Content-Type Qt warns on stderr at every POST.
        if (!request.hasRawHeader("Content-Type"))
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        reply = m_nam->post(request, spec.body);
    } else {
        reply = m_nam->get(request);
    }
    // Qt's network thread stops reading from the socket once this much is buffered and not
    // yet read, so an oversized body never piles up far past the caller's cap.
    reply->setReadBufferSize(spec.readBufferBytes);
    return std::make_unique<QnamExchange>(reply);
}

} // namespace bw
