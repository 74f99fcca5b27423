#pragma once

#include "wire/httptransport.h"

#include <memory>

namespace bw {

class CurlMulti; // the multi handle and its sockets, shared by the transport and its exchanges

// HttpTransport over libcurl's multi interface, driven by the event loop of the thread it was
// made in (QSocketNotifier per socket, one QTimer for curl's timeouts): no thread of its own,
// no cross-thread wake-up, buffered socket reads, connections kept alive and reused across
// exchanges. Redirects are reported, never followed by curl. HTTP/1.1 over TCP, HTTP/2 where TLS
// negotiates it; the environment's proxy variables apply as for the curl tool.
class CurlTransport final : public HttpTransport
{
public:
    CurlTransport();
    ~CurlTransport() override;

    Kind kind() const override { return Kind::Curl; }
    std::unique_ptr<HttpExchange> start(const HttpExchangeRequest &request,
                                        QString *error) override;

private:
    std::shared_ptr<CurlMulti> m_multi;
};

} // namespace bw
