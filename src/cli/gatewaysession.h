#pragma once

#include "clioptions.h"
#include "store/jobstore.h"
#include "store/storeworker.h"
#include "wire/gatewayclient.h"
#include "wire/gatewayprofile.h"
#include "wire/retrypolicy.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace bw {
class SecretStore;
}

namespace bw::cli {

// Everything a command needs to reach one gateway: the profile (stored, or made up from
// --gateway and friends), its secret, a GatewayClient on the process's QNetworkAccessManager,
// and — when --data-dir or --profile asks for it — the local store.
//
// The secret comes from the environment variable named by --token-env or, for a stored
// profile, from the keychain (SecretStore); it is handed to the client and never printed,
// logged or stored by the CLI.
//
// Lives in, and is used from, the main thread.
class GatewaySession : public QObject
{
    Q_OBJECT

public:
    GatewaySession(const GatewayOptions &options, QNetworkAccessManager *nam,
                   QObject *parent = nullptr);
    ~GatewaySession() override;

    // What a command needs from prepare().
    struct Needs
    {
        bool store = false;       // open the store even without --data-dir / --profile
        bool createStore = false; // with store: create the app's database when there is none
        bool profile = true;      // resolve the profile (false: `profiles` only reads the store)
        bool secret = true;       // read the secret (false: offline work)
    };

    // Opens the store (when needs.store, or when --data-dir or --profile is given), resolves
    // the profile and reads its secret. `done` runs once, on the event loop, with an empty
    // string on success or one readable sentence (a usage or configuration problem: the
    // command exits 2).
    void prepare(Needs needs, std::function<void(const QString &error)> done);

    GatewayClient *client() const { return m_client; }
    // How the CLI's reads (get, export, list) are retried; never used for a stop.
    const RetryPolicy &retryPolicy() const { return m_retry; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    // client()->listAll() under retryPolicy() (retryIdempotent): the whole walk is tried again
    // after a transient failure of any page.
    void listAll(const ListQuery &query, int maxPages, QObject *context,
                 std::function<void(Expected<ListResult>)> done);
    // client()->nativeListAll() under retryPolicy(), the same way.
    void nativeListAll(const NativeListQuery &query, int maxPages, QObject *context,
                       std::function<void(Expected<NativeListResult>)> done);
    const GatewayProfile &profile() const { return m_client->profile(); }
    // The provider of the jobs get, watch, stop, export and results name: the one --provider
    // gave, else "bedrock" (the Bedrock-format routes; every other provider goes through
    // Bifrost's native /v1/batches routes).
    QString provider() const;
    // What list reads: --provider, else the profile's providers (an ad-hoc profile: bedrock).
    QStringList providers() const;
    static bool isBedrock(const QString &provider) { return provider == u"bedrock"; }
    // The store, or null when none was opened.
    StoreWorker *store() const { return m_store.get(); }
    QString storeDirectory() const { return m_storeDir; }
    // Whether profile() is saved in the store (a stored profile, or an ad-hoc one whose base
    // URL matched a stored profile, or one saved by ensureProfileStored()).
    bool profileIsStored() const { return m_profileStored; }
    // Saves the ad-hoc profile so that jobs can be recorded under it (watch --data-dir).
    // Returns false with `error` set when there is no store or the write failed.
    bool ensureProfileStored(QString *error);

    // Runs `read` with the store on its thread and returns its result, blocking the caller.
    // Requires store().
    template<typename R>
    R readStore(std::function<R(JobStore &)> read)
    {
        R result{};
        m_store->post([&result, &read](JobStore &s) { result = read(s); });
        m_store->waitForIdle();
        return result;
    }

    // The data folder the app and the CLI share (AppIdentity::dataDirectory()), where --profile
    // looks when --data-dir is not given. A database is never created there by reading.
    static QString defaultDataDirectory();

private:
    QString openStoreNow(bool create);
    QString resolveProfile(GatewayProfile *profile);
    void finish(const QString &error);

    GatewayOptions m_options;
    GatewayClient *m_client = nullptr;
    RetryPolicy m_retry;
    std::unique_ptr<StoreWorker> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QString m_storeDir;
    bool m_profileStored = false;
    std::function<void(const QString &)> m_done;
};

} // namespace bw::cli
