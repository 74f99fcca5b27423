#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace bw {

enum class AuthMode {
    None,
    Bearer,       // Authorization: Bearer <secret>
    VirtualKey,   // x-bf-vk: <secret>
    CustomHeader, // <customHeaderName>: <secret>
};

enum class RouteStyle {
    Auto,     // probe, then remember the winner in detectedRoute
    Plural,   // GET /bedrock/model-invocation-jobs/{id} (the published document)
    Singular, // GET /bedrock/model-invocation-job/{id} (AWS / Bifrost source)
};

QString authModeKey(AuthMode mode); // "none", "bearer", "x-bf-vk", "header"
AuthMode authModeFromKey(const QString &key);
QString routeStyleKey(RouteStyle style); // "auto", "plural", "singular"
std::optional<RouteStyle> routeStyleFromKey(const QString &key);

// One gateway. Holds no secret: secrets live in the keychain (or in memory for this run) and
// are handed to the GatewayClient separately, so a profile can be stored and exported safely.
struct GatewayProfile
{
    QString id;                                            // stable local key
    QString name;                                          // display name
    QUrl baseUrl{QStringLiteral("http://localhost:8080")}; // may carry a path prefix
    AuthMode authMode = AuthMode::None;
    QString customHeaderName; // for AuthMode::CustomHeader
    QString provider;         // x-model-provider, empty = not sent
    RouteStyle routeStyle = RouteStyle::Auto;
    RouteStyle detectedRoute = RouteStyle::Auto; // Auto = not detected yet
    int timeoutMs = 30000;
    QString caBundlePath;

    friend bool operator==(const GatewayProfile &, const GatewayProfile &) = default;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::GatewayProfile)
