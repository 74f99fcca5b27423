#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace bw {

// Outcome of one secret-store operation.
struct SecretResult
{
    enum class Status {
        Ok,          // done; for a read, `secret` holds the value
        NotFound,    // read or remove of a profile that has no secret
        Unavailable, // no keychain service is running (or none was built in)
        Denied,      // the user or the system refused access
        Error,       // anything else; `errorText` says what
    };

    Status status = Status::Ok;
    QString secret;         // reads only; never logged
    QString errorText;      // one readable sentence, empty when Ok
    bool persistent = true; // false when the value lives in memory for this run only

    bool ok() const { return status == Status::Ok; }
};

// Where gateway secrets (API keys, virtual keys, tokens) live, keyed by profile id. Secrets are
// never written to QSettings, the database, logs or exports.
//
// Every call takes a context object and a callback, like GatewayClient: the callback runs exactly
// once on the context's thread, never synchronously inside the call, and never if the context
// is destroyed first. Operations on one store complete in the order they were issued.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    virtual void readSecret(const QString &profileId, QObject *context, Callback done) = 0;
    // Writing an empty secret removes it.
    virtual void writeSecret(const QString &profileId, const QString &secret, QObject *context,
                             Callback done)
            = 0;
    virtual void removeSecret(const QString &profileId, QObject *context, Callback done) = 0;

    // True when secrets written now survive a restart (a keychain is in use).
    virtual bool isPersistent() const = 0;
    // Why secrets are not persistent, as a sentence for the user; empty when they are.
    virtual QString persistenceNote() const { return {}; }

Q_SIGNALS:
    // Emitted when isPersistent() changes, e.g. the keychain turned out to be unavailable.
    void persistenceChanged(bool persistent);

protected:
    // Queues `done(result)` on the event loop, guarded by `context`.
    static void deliver(QObject *context, Callback done, SecretResult result);
};

// Secrets in process memory only: lost when batchwatch quits. Used by tests, by the demo gateway
// and as the fallback when no keychain service runs.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void readSecret(const QString &profileId, QObject *context, Callback done) override;
    void writeSecret(const QString &profileId, const QString &secret, QObject *context,
                     Callback done) override;
    void removeSecret(const QString &profileId, QObject *context, Callback done) override;
    bool isPersistent() const override { return false; }
    QString persistenceNote() const override;

    bool contains(const QString &profileId) const { return m_secrets.contains(profileId); }

private:
    QHash<QString, QString> m_secrets;
};

// The OS keychain through QtKeychain (Secret Service / KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows). Service "batchwatch", key "profile/<id>". QtKeychain's
// insecure plain-text fallback is switched off: when no keychain service is running, operations
// fail with SecretResult::Status::Unavailable instead of writing a file.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr,
                                 QString service = QStringLiteral("batchwatch"));

    void readSecret(const QString &profileId, QObject *context, Callback done) override;
    void writeSecret(const QString &profileId, const QString &secret, QObject *context,
                     Callback done) override;
    void removeSecret(const QString &profileId, QObject *context, Callback done) override;
    bool isPersistent() const override { return true; }

private:
    QString m_service;
};

// A persistent store with a session-only fallback. Operations go to the primary store until it
// reports SecretResult::Status::Unavailable (no keychain service running: QtKeychain's
// NoBackendAvailable, or a D-Bus failure); from then on, for the rest of this run, secrets are
// kept in memory, isPersistent() is false, persistenceNote() says so plainly and
// persistenceChanged(false) is emitted once. A write that falls back reports Ok with
// persistent = false, so the caller can go on and tell the user. Without a primary (batchwatch
// built without QtKeychain) the store starts in the fallback state.
class FallbackSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit FallbackSecretStore(std::unique_ptr<SecretStore> primary, QObject *parent = nullptr);
    ~FallbackSecretStore() override;

    void readSecret(const QString &profileId, QObject *context, Callback done) override;
    void writeSecret(const QString &profileId, const QString &secret, QObject *context,
                     Callback done) override;
    void removeSecret(const QString &profileId, QObject *context, Callback done) override;
    bool isPersistent() const override;
    QString persistenceNote() const override;

    bool isFallingBack() const { return m_fallingBack; }

private:
    void fallBack(const QString &reason);

    std::unique_ptr<SecretStore> m_primary;
    MemorySecretStore *m_memory = nullptr; // child
    bool m_fallingBack = false;
    QString m_reason;
};

// The store the application uses: the OS keychain when built with QtKeychain, with the
// session-only fallback described above.
std::unique_ptr<SecretStore> createDefaultSecretStore();

// The sentence the UI shows when secrets are kept for this session only.
QString sessionOnlySecretNote();

} // namespace bw
