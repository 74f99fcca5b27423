#pragma once

#include "wire/gatewayerror.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace bw::test {

// Collects what one GatewayClient call's callback received. A callback that comes after the
// Outcome is gone (a test function that failed and returned early) is dropped, not written to
// freed memory.
template<typename T>
struct Outcome
{
    std::optional<Expected<T>> result;
    int calls = 0;

    Outcome() = default;
    Outcome(const Outcome &) = delete;
    Outcome &operator=(const Outcome &) = delete;
    ~Outcome() { *alive = false; }

    std::function<void(Expected<T>)> callback()
    {
        return [this, token = alive](Expected<T> r) {
            if (!*token)
                return;
            result.emplace(std::move(r));
            ++calls;
        };
    }
    bool done() const { return calls > 0; }
    bool ok() const { return result && result->hasValue(); }
    // Callers check ok() first; a wrong guess fails the comparison instead of throwing.
    const T &value() const
    {
        static const T none{};
        return ok() ? result->value() : none;
    }
    const GatewayError &error() const
    {
        static const GatewayError none = [] {
            GatewayError e;
            e.kind = static_cast<GatewayError::Kind>(-1); // matches no expected kind
            e.httpStatus = -1;
            e.message = QStringLiteral("no error: the call succeeded or has not finished");
            return e;
        }();
        return result && !result->hasValue() ? result->error() : none;
    }
    QByteArray why() const
    {
        if (!result)
            return "no callback yet";
        return result->hasValue() ? QByteArray("success") : result->error().describe().toUtf8();
    }

private:
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);
};

} // namespace bw::test
