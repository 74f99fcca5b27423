#include "wire/gatewayprofile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>

#include <algorithm>

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

namespace {

bool isTokenChar(QChar c)
{
    // RFC 9110 tchar
    if (c.unicode() > 0x7e)
        return false;
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"!#$%&'*+-.^_`|~").contains(c);
}

} // namespace

QString GatewayProfile::baseUrlProblem(const QUrl &url)
{
    if (url.isEmpty())
        return QCoreApplication::translate(
                "bw::GatewayProfile", "Enter the gateway's base URL, e.g. http://localhost:8080.");
    if (!url.isValid())
        return QCoreApplication::translate("bw::GatewayProfile",
                                           "The base URL is not a valid URL: %1")
                .arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QCoreApplication::translate("bw::GatewayProfile",
                                           "The base URL must start with http:// or https://.");
    if (url.host().isEmpty())
        return QCoreApplication::translate("bw::GatewayProfile", "The base URL has no host name.");
    if (!url.password().isEmpty() || !url.userName().isEmpty())
        return QCoreApplication::translate("bw::GatewayProfile",
                                           "Do not put credentials in the URL: give the key as the "
                                           "profile's key, which is kept in the keychain.");
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate(
                "bw::GatewayProfile", "The base URL must not have a query (?…) or fragment (#…).");
    return {};
}

QString GatewayProfile::headerNameProblem(const QString &name)
{
    const QString header = name.trimmed();
    if (header.isEmpty())
        return QCoreApplication::translate("bw::GatewayProfile",
                                           "Enter the name of the header that carries the key.");
    if (!std::all_of(header.cbegin(), header.cend(), isTokenChar))
        return QCoreApplication::translate(
                       "bw::GatewayProfile",
                       "“%1” is not a valid header name: use letters, digits and - only.")
                .arg(header);
    static const QStringList reserved{
            QStringLiteral("host"),         QStringLiteral("content-length"),
            QStringLiteral("content-type"), QStringLiteral("accept"),
            QStringLiteral("connection"),   QStringLiteral("transfer-encoding"),
            QStringLiteral("user-agent"),   QStringLiteral("x-model-provider")};
    if (reserved.contains(header.toLower()))
        return QCoreApplication::translate(
                       "bw::GatewayProfile",
                       "The header %1 is set by batchwatch itself; choose another one.")
                .arg(header);
    return {};
}

QList<ProfileProblem> GatewayProfile::validate(const QList<GatewayProfile> &others,
                                               bool checkName) const
{
    using Field = ProfileProblem::Field;
    QList<ProfileProblem> problems;
    const QString trimmedName = name.trimmed();
    if (checkName && trimmedName.isEmpty())
        problems.append({Field::Name, QCoreApplication::translate("bw::GatewayProfile",
                                                                  "Give the profile a name.")});
    if (checkName && !trimmedName.isEmpty()) {
        for (const GatewayProfile &other : others) {
            if (other.id != id
                && other.name.trimmed().compare(trimmedName, Qt::CaseInsensitive) == 0) {
                problems.append({Field::Name,
                                 QCoreApplication::translate("bw::GatewayProfile",
                                                             "Another profile is already called "
                                                             "“%1”.")
                                         .arg(trimmedName)});
                break;
            }
        }
    }
    if (const QString url = baseUrlProblem(baseUrl); !url.isEmpty())
        problems.append({Field::BaseUrl, url});
    if (authMode == AuthMode::CustomHeader) {
        if (const QString header = headerNameProblem(customHeaderName); !header.isEmpty())
            problems.append({Field::HeaderName, header});
    }
    if (!provider.isEmpty() && !std::all_of(provider.cbegin(), provider.cend(), isTokenChar))
        problems.append(
                {Field::Provider,
                 QCoreApplication::translate("bw::GatewayProfile",
                                             "The provider “%1” contains characters a header value "
                                             "cannot carry.")
                         .arg(provider)});
    if (timeoutMs < kMinTimeoutMs || timeoutMs > kMaxTimeoutMs)
        problems.append({Field::Timeout,
                         QCoreApplication::translate("bw::GatewayProfile",
                                                     "The timeout must be between 0.1 seconds "
                                                     "and one hour.")});
    if (maxRequestsPerSecond < 0 || maxRequestsPerSecond > kMaxRequestsPerSecond)
        problems.append({Field::RequestRate,
                         QCoreApplication::translate("bw::GatewayProfile",
                                                     "The request ceiling must be between 0 (no "
                                                     "ceiling) and %1 requests per second.")
                                 .arg(kMaxRequestsPerSecond)});
    if (!caBundlePath.isEmpty()) {
        const QFileInfo ca(caBundlePath);
        if (!ca.exists())
            problems.append({Field::CaBundle,
                             QCoreApplication::translate("bw::GatewayProfile",
                                                         "The CA bundle %1 does not exist.")
                                     .arg(caBundlePath)});
        else if (!ca.isFile() || !ca.isReadable())
            problems.append({Field::CaBundle,
                             QCoreApplication::translate("bw::GatewayProfile",
                                                         "The CA bundle %1 cannot be read.")
                                     .arg(caBundlePath)});
    }
    if (const QString p = providersProblem(providers); !p.isEmpty())
        problems.append({Field::Providers, p});
    return problems;
}

bool GatewayProfile::sendsKeyInClear() const
{
    if (authMode == AuthMode::None
        || baseUrl.scheme().compare(QLatin1StringView("http"), Qt::CaseInsensitive) != 0)
        return false;
    const QString host = baseUrl.host().toLower();
    if (host == QLatin1StringView("localhost") || host.endsWith(QLatin1StringView(".localhost")))
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}

QString GatewayProfile::cleartextKeyWarning() const
{
    if (!sendsKeyInClear())
        return {};
    return QCoreApplication::translate(
                   "bw::GatewayProfile",
                   "The key for %1 would travel unencrypted over plain http; anyone on the "
                   "network path can read it. Use https unless the path is trusted.")
            .arg(baseUrl.host(QUrl::FullyEncoded));
}

QString GatewayProfile::providersProblem(const QStringList &providers)
{
    if (providers.isEmpty())
        return QCoreApplication::translate("bw::GatewayProfile",
                                           "Choose at least one provider to watch.");
    QStringList seen;
    for (const QString &p : providers) {
        const bool token
                = !p.isEmpty() && p.size() <= 32 && std::all_of(p.cbegin(), p.cend(), [](QChar c) {
                      return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
                             || c == u'_';
                  });
        if (!token)
            return QCoreApplication::translate(
                           "bw::GatewayProfile",
                           "\"%1\" is not a provider name: use lower-case letters, digits, "
                           "'-' or '_' (for example openai).")
                    .arg(p);
        if (seen.contains(p))
            return QCoreApplication::translate("bw::GatewayProfile",
                                               "The provider %1 is listed twice.")
                    .arg(p);
        seen.append(p);
    }
    return {};
}

QStringList GatewayProfile::normalisedProviders(const QStringList &providers)
{
    QStringList out;
    for (const QString &p : providers) {
        const QString t = p.trimmed().toLower();
        if (!t.isEmpty() && !out.contains(t))
            out.append(t);
    }
    return out;
}

QString GatewayProfile::providersText(const QStringList &providers)
{
    return normalisedProviders(providers).join(u',');
}

QStringList GatewayProfile::providersFromText(const QString &text)
{
    QStringList out = normalisedProviders(text.split(u','));
    if (!providersProblem(out).isEmpty())
        out.removeIf([](const QString &p) { return !providersProblem({p}).isEmpty(); });
    return out.isEmpty() ? QStringList{QStringLiteral("bedrock")} : out;
}

} // namespace bw
