#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
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

struct GatewayProfile;

// One thing that keeps a profile from being used, in words a user can act on.
struct ProfileProblem
{
    enum class Field {
        Name,
        BaseUrl,
        HeaderName,
        Provider,
        Timeout,
        RequestRate,
        CaBundle,
        Providers
    };
    Field field = Field::Name;
    QString message; // one sentence, e.g. "The base URL must start with http:// or https://."

    friend bool operator==(const ProfileProblem &, const ProfileProblem &) = default;
};

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
    // The request ceiling: at most this many requests per second go to this gateway (0: no
    // ceiling), so that many jobs at a short interval queue their polls instead of hammering
    // the gateway. GatewayClient::setProfile applies it; the CLI's --max-rate overrides it.
    int maxRequestsPerSecond = kDefaultMaxRequestsPerSecond;
    QString caBundlePath;
    // The providers whose batches this profile watches through Bifrost's native API (lower-case
    // tokens such as "bedrock", "openai", "anthropic", "gemini"); never empty when valid.
    QStringList providers{QStringLiteral("bedrock")};

    static constexpr int kMinTimeoutMs = 100;            // what `--timeout 0.1` allows
    static constexpr int kMaxTimeoutMs = 60 * 60 * 1000; // one hour
    // RateLimiter::kDefaultRatePerSecond; what a profile stored before the ceiling existed has.
    static constexpr int kDefaultMaxRequestsPerSecond = 20;
    static constexpr int kMaxRequestsPerSecond = 10000; // what --max-rate allows

    // Every problem, in form order (name, URL, header, provider, timeout, request ceiling, CA
    // bundle); empty when the profile can be saved and used. The one rule for the Profiles dialog
    // and the CLI:
    //  - name: not blank, unique among `others` (case-insensitive; same id = same profile).
    //    Skipped when `checkName` is false (a CLI --gateway profile has no name).
    //  - baseUrl: see baseUrlProblem().
    //  - CustomHeader: a header name (RFC 9110 token) that batchwatch does not set itself.
    //  - provider: empty, or a token a header value can carry.
    //  - timeoutMs: kMinTimeoutMs..kMaxTimeoutMs.
    //  - maxRequestsPerSecond: 0..kMaxRequestsPerSecond.
    //  - caBundlePath: empty, or a readable file.
    //  - providers: see providersProblem() (reported on Field::Providers).
    QList<ProfileProblem> validate(const QList<GatewayProfile> &others = {},
                                   bool checkName = true) const;
    // The base URL rule alone: http or https, a host, no user name or password (keys go to the
    // keychain), no query or fragment; a path prefix is fine. Empty when valid.
    static QString baseUrlProblem(const QUrl &url);
    // The custom header rule alone (empty when valid).
    static QString headerNameProblem(const QString &name);
    // The providers rule alone: at least one, each 1..32 of a-z, 0-9, '-', '_' (the form a
    // `?provider=` value takes), no duplicates. Empty when valid.
    static QString providersProblem(const QStringList &providers);
    // Lower-cased, trimmed, empty entries and duplicates dropped, first kept.
    static QStringList normalisedProviders(const QStringList &providers);
    // How the store and settings keep the list: "bedrock,openai". An empty or unreadable text
    // reads as {"bedrock"}.
    static QString providersText(const QStringList &providers);
    static QStringList providersFromText(const QString &text);

    // True when a key would travel unencrypted: the profile sends one (authMode is not None)
    // over plain http to a host that is not loopback (localhost, 127.0.0.0/8, ::1). The CLI
    // warns on stderr before any request, the Profiles dialog shows cleartextKeyWarning().
    bool sendsKeyInClear() const;
    // One sentence saying so, naming the host; empty when sendsKeyInClear() is false.
    QString cleartextKeyWarning() const;

    friend bool operator==(const GatewayProfile &, const GatewayProfile &) = default;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::GatewayProfile)
