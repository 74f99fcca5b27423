#pragma once

#include "wire/httptransport.h"

#include <QHash>
#include <QPointer>

class QNetworkAccessManager;

namespace bw {

// HttpTransport over Qt's QNetworkAccessManager (not owned; it must live in the caller's
// thread). Qt does the I/O on its own network thread; redirects use Qt's user-verified policy
// (followRedirect() is redirectAllowed()). Every request: no cache, no reuse of credentials Qt
// cached elsewhere, Qt's transfer timeout = inactivityTimeoutMs.
class QnamTransport final : public HttpTransport
{
public:
    explicit QnamTransport(QNetworkAccessManager *nam);
    ~QnamTransport() override;

    Kind kind() const override { return Kind::Qnam; }
    std::unique_ptr<HttpExchange> start(const HttpExchangeRequest &request,
                                        QString *error) override;

private:
    struct CaCache;
    QPointer<QNetworkAccessManager> m_nam;
    std::unique_ptr<CaCache> m_ca;
};

} // namespace bw
