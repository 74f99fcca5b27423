#pragma once

#include "wire/gatewayerror.h"

#include <QString>

#include <optional>

namespace bw::test {

// An HTTP error answer of the gateway, with its Retry-After seconds when it sent one.
inline GatewayError httpError(int status, std::optional<int> retryAfter = std::nullopt)
{
    GatewayError e;
    e.kind = GatewayError::Kind::Http;
    e.httpStatus = status;
    e.retryAfterSeconds = retryAfter;
    return e;
}

// An error of `kind` that is not an HTTP answer (network, timeout, bad body, ...).
inline GatewayError kindError(GatewayError::Kind kind, const QString &message = {})
{
    GatewayError e;
    e.kind = kind;
    e.message = message;
    return e;
}

// A gateway that began to answer (HTTP `status`) and then trickled past the deadline.
inline GatewayError trickled(int status = 200)
{
    GatewayError e = kindError(GatewayError::Kind::Timeout);
    e.httpStatus = status;
    return e;
}

// A gateway that began to answer (HTTP `status`) and then closed the connection midway.
inline GatewayError brokeOff(int status = 200)
{
    GatewayError e = kindError(GatewayError::Kind::Network);
    e.httpStatus = status;
    return e;
}

} // namespace bw::test
