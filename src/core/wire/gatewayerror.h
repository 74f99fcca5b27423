#pragma once

#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace bw {

// What went wrong talking to a gateway. One of these comes out of every failed request; views
// show describe(), the scheduler asks isRetryable().
struct GatewayError
{
    enum class Kind {
        Network,  // connection refused, reset, host not found...
        Timeout,  // transfer timeout elapsed
        Tls,      // certificate or handshake failure
        Http,     // the gateway answered with a non-2xx status
        BadBody,  // 2xx but the body is not what the route promises (HTML, truncated, not JSON)
        TooLarge, // body over the size cap; not buffered
        Redirect, // a redirect not followed: another origin, too many, or POST turned GET
        Cancelled,
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;  // 0 when there was no HTTP response
    QString gatewayType; // "ResourceNotFoundException", "virtual_key_required", ...
    QString message;     // the gateway's or the network stack's words, may be empty
    // batchwatch's own words of `message` in the interface's language, when they differ (a
    // German desktop: "… hat die Verbindung abgelehnt"). Only for this process's views:
    // `message` is what is stored, exported and printed by the CLI, so a store shared with the
    // CLI or a team never holds one desktop's language. Empty otherwise, and after a load from
    // the store: describe() then words `message` again (ClientText::reworded).
    QString shownMessage;
    std::optional<int> retryAfterSeconds;
    // The request carried a key. A 401/403 then means the key was rejected, whatever the
    // gateway's words say ("a virtual key is required …" is Bifrost's answer to a wrong one).
    bool keySent = false;
    // How many times the call was made before it gave up (retryIdempotent); 1 without retries.
    int attempts = 1;

    // One readable sentence, e.g. "HTTP 404 ResourceNotFoundException: Could not find ...";
    // "(after 3 attempts)" is added when the call was retried.
    // An auth failure after a key was sent reads "The gateway rejected this key (HTTP 401
    // virtual_key_required): <the gateway's words>".
    QString describe() const;
    // True for a 401/403 to a request that carried a key.
    bool isKeyRejected() const { return keySent && isAuthFailure(); }
    // Short machine-ish name of the kind: "network", "timeout", "http", ...
    static QString kindName(Kind kind);

    // GET polling may retry network errors, timeouts, bad bodies, 429 and 5xx (but not 501).
    bool isRetryable() const;
    bool isNotFound() const { return kind == Kind::Http && httpStatus == 404; }
    bool isAuthFailure() const
    {
        return kind == Kind::Http && (httpStatus == 401 || httpStatus == 403);
    }
    // True when no HTTP response came back at all (gateway unreachable): a network, timeout or
    // TLS failure before any status arrived. A gateway that began to answer (httpStatus set)
    // and then broke off or trickled past the deadline was reached; it is not unreachable.
    bool isUnreachable() const
    {
        return httpStatus == 0
               && (kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Tls);
    }
    // True for a network failure or timeout after the gateway had begun to answer: the answer
    // broke off midway or did not arrive in time (a trickling body).
    bool isAnswerIncomplete() const
    {
        return httpStatus > 0 && (kind == Kind::Network || kind == Kind::Timeout);
    }
};

// A value or a GatewayError (std::expected arrives only in C++23).
template<typename T>
class Expected
{
public:
    Expected(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    {}
    Expected(GatewayError error)
        : m_v(std::in_place_index<1>, std::move(error))
    {}

    bool hasValue() const { return m_v.index() == 0; }
    explicit operator bool() const { return hasValue(); }
    const T &value() const { return std::get<0>(m_v); }
    T &value() { return std::get<0>(m_v); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    const GatewayError &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, GatewayError> m_v;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::GatewayError)
