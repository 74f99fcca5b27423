#include "gatewaysession.h"

#include "common/appidentity.h"
#include "store/secretstore.h"
#include "store/storeengine.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

// How long a keychain read may take before the CLI gives up (a locked keyring may wait for a
// password prompt that nobody answers in a script).
constexpr int kSecretTimeoutMs = 15'000;

QString normalizedUrl(const QUrl &url)
{
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
            .toString(QUrl::FullyEncoded);
}

} // namespace

GatewaySession::GatewaySession(const GatewayOptions &options, QNetworkAccessManager *nam,
                               QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(new GatewayClient(nam, this))
{
    connect(m_client, &GatewayClient::routeDetected, this, [this](RouteStyle style) {
        if (m_store && m_profileStored)
            m_store->setProfileDetectedRoute(profile().id, style);
    });
}

GatewaySession::~GatewaySession()
{
    // Requests still in flight must not call back into commands that are going away.
    m_client->abortAll();
}

QString GatewaySession::defaultDataDirectory()
{
    return AppIdentity::dataDirectory();
}

void GatewaySession::prepare(Needs needs, std::function<void(const QString &)> done)
{
    m_done = std::move(done);
    if (needs.store || !m_options.dataDir.isEmpty() || !m_options.profileName.isEmpty()) {
        if (const QString error = openStoreNow(needs.createStore); !error.isEmpty())
            return finish(error);
    }
    if (!needs.profile)
        return finish({});

    GatewayProfile p;
    if (const QString error = resolveProfile(&p); !error.isEmpty())
        return finish(error);

    // Options on the command line win over the stored profile.
    const bool tokenGiven = !m_options.tokenEnv.isEmpty();
    if (m_options.auth) {
        p.authMode = *m_options.auth;
        if (p.authMode == AuthMode::CustomHeader)
            p.customHeaderName = m_options.customHeaderName;
    } else if (tokenGiven && p.authMode == AuthMode::None) {
        p.authMode = AuthMode::VirtualKey;
    }
    if (m_options.route) {
        p.routeStyle = *m_options.route;
        if (p.routeStyle != RouteStyle::Auto)
            p.detectedRoute = RouteStyle::Auto;
    }
    // x-model-provider: with ONE --provider it names that provider on every request, so it
    // always agrees with the native routes' ?provider= (and keeps telling the Bedrock-format
    // route "bedrock", as before). With several (list) none is sent: each native request names
    // its provider in ?provider=. The providers become the profile's, so that `watch` has a
    // native source for them (JobMonitor::useNativeSources).
    if (m_options.providers.size() == 1)
        p.provider = m_options.providers.constFirst();
    else if (m_options.providers.size() > 1)
        p.provider.clear();
    for (const QString &provider : m_options.providers) {
        if (!p.providers.contains(provider))
            p.providers.append(provider);
    }
    if (m_options.timeoutMs)
        p.timeoutMs = *m_options.timeoutMs;
    m_client->setProfile(p);
    if (m_options.maxRate)
        m_client->setMaxRequestRate(*m_options.maxRate);

    if (!needs.secret || p.authMode == AuthMode::None)
        return finish({});
    // Before any request carries the key.
    if (const QString warning = p.cleartextKeyWarning(); !warning.isEmpty())
        qWarning().noquote() << u"warning: "_s + warning;

    if (tokenGiven) {
        const QString secret = qEnvironmentVariable(qPrintable(m_options.tokenEnv));
        if (secret.trimmed().isEmpty())
            return finish(u"environment variable %1 (from --token-env) is not set or empty"_s.arg(
                    m_options.tokenEnv));
        m_client->setSecret(secret);
        return finish({});
    }

    // A stored profile that uses a key: ask the keychain.
    m_secrets = createDefaultSecretStore();
    auto *timeout = new QTimer(this);
    timeout->setSingleShot(true);
    const QString profileName = p.name;
    connect(timeout, &QTimer::timeout, this, [this, profileName] {
        finish(u"the keychain did not answer for profile \"%1\"; pass the key with --token-env "
               "VAR"_s.arg(profileName));
    });
    timeout->start(kSecretTimeoutMs);
    m_secrets->readSecret(p.id, timeout, [this, timeout, profileName](const SecretResult &r) {
        timeout->stop();
        timeout->deleteLater();
        if (r.ok() && !r.secret.trimmed().isEmpty()) {
            m_client->setSecret(r.secret);
            return finish({});
        }
        QString why;
        switch (r.status) {
        case SecretResult::Status::Ok:
        case SecretResult::Status::NotFound:
            why = u"no key is stored for it"_s;
            break;
        case SecretResult::Status::Unavailable:
            why = u"no keychain is available"_s;
            break;
        case SecretResult::Status::Denied:
            why = u"the keychain refused access"_s;
            break;
        case SecretResult::Status::Error:
            why = r.errorText.isEmpty() ? u"the keychain failed"_s : r.errorText;
            break;
        }
        finish(u"profile \"%1\" needs a key but %2; pass it with --token-env VAR"_s.arg(profileName,
                                                                                        why));
    });
}

QString GatewaySession::openStoreNow(bool create)
{
    m_storeDir = m_options.dataDir;
    if (m_storeDir.isEmpty()) {
        QString error;
        if (const QString moved = AppIdentity::adoptLegacyData(JobStore::fileName(), &error);
            !moved.isEmpty())
            qInfo().noquote() << moved;
        if (!error.isEmpty())
            qWarning().noquote() << error;
        m_storeDir = defaultDataDirectory();
        // Reading (profiles, --profile) never creates a database: without one there is nothing
        // stored, and no store.
        if (!create && !QFileInfo::exists(QDir(m_storeDir).filePath(JobStore::fileName())))
            return {};
    }
    m_store = std::make_unique<StoreWorker>();
    QString error;
    if (!m_store->openBlocking(m_storeDir, &error)) {
        m_store.reset();
        // A URL is named without its password (JobStore refuses one, but says so itself).
        const QString where = storeengine::isPostgresUrl(m_storeDir)
                                      ? QUrl(m_storeDir).toString(QUrl::RemovePassword)
                                      : m_storeDir;
        return u"cannot open the store in %1: %2"_s.arg(where, error);
    }
    return {};
}

QString GatewaySession::resolveProfile(GatewayProfile *profile)
{
    QList<GatewayProfile> stored;
    if (m_store) {
        stored = readStore<QList<GatewayProfile>>([](JobStore &s) { return s.profiles(); });
    }

    if (!m_options.profileName.isEmpty()) {
        const QString &wanted = m_options.profileName;
        const GatewayProfile *found = nullptr;
        for (const GatewayProfile &p : std::as_const(stored)) {
            if (p.name == wanted) {
                found = &p;
                break;
            }
        }
        for (const GatewayProfile &p : std::as_const(stored)) {
            if (!found && p.id == wanted)
                found = &p;
        }
        if (!found) {
            int matches = 0;
            for (const GatewayProfile &p : std::as_const(stored)) {
                if (p.name.compare(wanted, Qt::CaseInsensitive) == 0) {
                    found = &p;
                    ++matches;
                }
            }
            if (matches > 1)
                return u"several profiles are named like \"%1\"; use the exact name"_s.arg(wanted);
        }
        if (!found)
            return u"no profile named \"%1\" in %2 (see \"batchwatch-cli profiles\")"_s.arg(
                    wanted, m_storeDir);
        *profile = *found;
        m_profileStored = true;
        return {};
    }

    const QUrl url(m_options.gatewayUrl, QUrl::StrictMode);
    const QString key = normalizedUrl(url);
    // A stored profile for the same gateway keeps its history together with the GUI's.
    for (const GatewayProfile &p : std::as_const(stored)) {
        if (normalizedUrl(p.baseUrl) == key) {
            *profile = p;
            m_profileStored = true;
            return {};
        }
    }
    GatewayProfile p;
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
    p.id = u"cli-"_s + QString::fromLatin1(hash.toHex().left(12));
    p.name = url.host() + (url.port() > 0 ? u":"_s + QString::number(url.port()) : QString())
             + url.path(QUrl::FullyDecoded);
    while (p.name.endsWith(u'/'))
        p.name.chop(1);
    p.baseUrl = url;
    *profile = p;
    return {};
}

void GatewaySession::listAll(const ListQuery &query, int maxPages, QObject *context,
                             std::function<void(Expected<ListResult>)> done)
{
    const QPointer<GatewayClient> client = m_client;
    retryIdempotent<ListResult>(
            m_retry, context,
            [client, query, maxPages](QObject *ctx, std::function<void(Expected<ListResult>)> cb) {
                if (!client) {
                    GatewayError gone;
                    gone.kind = GatewayError::Kind::Cancelled;
                    cb(gone);
                    return;
                }
                client->listAll(query, maxPages, ctx, std::move(cb));
            },
            std::move(done));
}

void GatewaySession::nativeListAll(const NativeListQuery &query, int maxPages, QObject *context,
                                   std::function<void(Expected<NativeListResult>)> done)
{
    const QPointer<GatewayClient> client = m_client;
    retryIdempotent<NativeListResult>(
            m_retry, context,
            [client, query, maxPages](QObject *ctx,
                                      std::function<void(Expected<NativeListResult>)> cb) {
                if (!client) {
                    GatewayError gone;
                    gone.kind = GatewayError::Kind::Cancelled;
                    cb(gone);
                    return;
                }
                client->nativeListAll(query, maxPages, ctx, std::move(cb));
            },
            std::move(done));
}

QString GatewaySession::provider() const
{
    return m_options.providers.isEmpty() ? u"bedrock"_s : m_options.providers.constFirst();
}

QStringList GatewaySession::providers() const
{
    if (!m_options.providers.isEmpty())
        return m_options.providers;
    const QStringList stored = GatewayProfile::normalisedProviders(profile().providers);
    return stored.isEmpty() ? QStringList{u"bedrock"_s} : stored;
}

bool GatewaySession::ensureProfileStored(QString *error)
{
    if (m_profileStored)
        return true;
    if (!m_store) {
        if (error)
            *error = u"no store is open"_s;
        return false;
    }
    GatewayProfile p = profile();
    // What is stored carries no secret; the auth mode alone tells the GUI one is needed.
    const auto result = readStore<std::pair<bool, QString>>([p](JobStore &s) {
        const bool ok = s.saveProfile(p);
        return std::make_pair(ok, s.lastError());
    });
    if (!result.first) {
        if (error)
            *error = result.second;
        return false;
    }
    m_profileStored = true;
    return true;
}

void GatewaySession::finish(const QString &error)
{
    if (!m_done)
        return;
    auto done = std::exchange(m_done, nullptr);
    // Always on the event loop, never inside prepare().
    QTimer::singleShot(0, this, [done, error] { done(error); });
}

} // namespace bw::cli
