#include "wire/gatewayprofile.h"

namespace bw {

QString authModeKey(AuthMode mode)
{
    switch (mode) {
    case AuthMode::None:
        return QStringLiteral("none");
    case AuthMode::Bearer:
        return QStringLiteral("bearer");
    case AuthMode::VirtualKey:
        return QStringLiteral("x-bf-vk");
    case AuthMode::CustomHeader:
        return QStringLiteral("header");
    }
    return QStringLiteral("none");
}

AuthMode authModeFromKey(const QString &key)
{
    if (key == QLatin1StringView("bearer"))
        return AuthMode::Bearer;
    if (key == QLatin1StringView("x-bf-vk"))
        return AuthMode::VirtualKey;
    if (key == QLatin1StringView("header"))
        return AuthMode::CustomHeader;
    return AuthMode::None;
}

QString routeStyleKey(RouteStyle style)
{
    switch (style) {
    case RouteStyle::Auto:
        return QStringLiteral("auto");
    case RouteStyle::Plural:
        return QStringLiteral("plural");
    case RouteStyle::Singular:
        return QStringLiteral("singular");
    }
    return QStringLiteral("auto");
}

std::optional<RouteStyle> routeStyleFromKey(const QString &key)
{
    if (key == QLatin1StringView("auto"))
        return RouteStyle::Auto;
    if (key == QLatin1StringView("plural"))
        return RouteStyle::Plural;
    if (key == QLatin1StringView("singular"))
        return RouteStyle::Singular;
    return std::nullopt;
}

} // namespace bw
