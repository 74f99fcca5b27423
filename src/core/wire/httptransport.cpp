#include "wire/httptransport.h"

#include "wire/curltransport.h"
#include "wire/qnamtransport.h"

#include <atomic>

namespace bw {

namespace {

std::atomic<HttpTransport::Kind> g_preferred{HttpTransport::Kind::Qnam};

} // namespace

HttpTransport::~HttpTransport() = default;

void HttpTransport::setPreferredKind(Kind kind)
{
    g_preferred = kind;
}

HttpTransport::Kind HttpTransport::defaultKind()
{
    const QByteArray chosen = qgetenv("BATCHWATCH_HTTP_TRANSPORT").trimmed().toLower();
    if (chosen == "curl")
        return Kind::Curl;
    if (chosen == "qnam")
        return Kind::Qnam;
    return g_preferred;
}

QString HttpTransport::kindName(Kind kind)
{
    return kind == Kind::Curl ? QStringLiteral("curl") : QStringLiteral("qnam");
}

std::unique_ptr<HttpTransport> HttpTransport::createDefault(QNetworkAccessManager *nam)
{
    return create(defaultKind(), nam);
}

std::unique_ptr<HttpTransport> HttpTransport::create(Kind kind, QNetworkAccessManager *nam)
{
    if (kind == Kind::Curl)
        return std::make_unique<CurlTransport>();
    return std::make_unique<QnamTransport>(nam);
}

} // namespace bw
