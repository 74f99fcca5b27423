#include "store/secretstore.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <qt6keychain/keychain.h>

namespace bw {

QString sessionOnlySecretNote()
{
    return QCoreApplication::translate(
            "bw::SecretStore",
            "No keychain service is running: the key is kept for this session only.");
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

SecretStore::~SecretStore() = default;

void SecretStore::deliver(QObject *context, Callback done, SecretResult result)
{
    if (!done)
        return;
    QObject *target = context ? context : QCoreApplication::instance();
    if (!target)
        return;
    // A queued call on the context: it runs on the context's thread and is dropped with it.
    QMetaObject::invokeMethod(
            target, [done = std::move(done), result = std::move(result)] { done(result); },
            Qt::QueuedConnection);
}

// ---- MemorySecretStore -------------------------------------------------------------------

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

void MemorySecretStore::readSecret(const QString &profileId, QObject *context, Callback done)
{
    SecretResult result;
    result.persistent = false;
    const auto it = m_secrets.constFind(profileId);
    if (it == m_secrets.constEnd()) {
        result.status = SecretResult::Status::NotFound;
        result.errorText = tr("No key is stored for this profile.");
    } else {
        result.secret = *it;
    }
    deliver(context, std::move(done), std::move(result));
}

void MemorySecretStore::writeSecret(const QString &profileId, const QString &secret,
                                    QObject *context, Callback done)
{
    if (secret.isEmpty())
        m_secrets.remove(profileId);
    else
        m_secrets.insert(profileId, secret);
    SecretResult result;
    result.persistent = false;
    deliver(context, std::move(done), std::move(result));
}

void MemorySecretStore::removeSecret(const QString &profileId, QObject *context, Callback done)
{
    SecretResult result;
    result.persistent = false;
    if (m_secrets.remove(profileId) == 0) {
        result.status = SecretResult::Status::NotFound;
        result.errorText = tr("No key is stored for this profile.");
    }
    deliver(context, std::move(done), std::move(result));
}

QString MemorySecretStore::persistenceNote() const
{
    return tr("Keys are kept for this session only.");
}

// ---- KeychainSecretStore -----------------------------------------------------------------

namespace {

QString keychainKey(const QString &profileId)
{
    return QStringLiteral("profile/") + profileId;
}

SecretResult resultOf(const QKeychain::Job &job)
{
    SecretResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = SecretResult::Status::Denied;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    // On Linux every OtherError comes from talking to the keychain service over D-Bus
    // ("Could not open wallet", "The name org.freedesktop.secrets was not provided by any
    // .service files", "Cannot autolaunch D-Bus"): there is no usable keychain in this session.
    case QKeychain::OtherError:
        result.status = SecretResult::Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
        result.status = SecretResult::Status::Error;
        break;
    }
    result.errorText = job.errorString();
    if (result.errorText.isEmpty())
        result.errorText = SecretStore::tr("The keychain reported an error.");
    return result;
}

template<typename JobType>
JobType *makeJob(const QString &service, const QString &profileId, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(keychainKey(profileId));
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent, QString service)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

void KeychainSecretStore::readSecret(const QString &profileId, QObject *context, Callback done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, profileId, this);
    connect(job, &QKeychain::Job::finished, this,
            [job, context = QPointer<QObject>(context), done = std::move(done)]() mutable {
                SecretResult result = resultOf(*job);
                if (result.ok())
                    result.secret = job->textData();
                if (context)
                    deliver(context, std::move(done), std::move(result));
            });
    job->start();
}

void KeychainSecretStore::writeSecret(const QString &profileId, const QString &secret,
                                      QObject *context, Callback done)
{
    if (secret.isEmpty()) {
        // Removing a secret that is not there is what "write nothing" means: success.
        removeSecret(profileId, context, [done = std::move(done)](const SecretResult &removed) {
            SecretResult result = removed;
            if (result.status == SecretResult::Status::NotFound) {
                result.status = SecretResult::Status::Ok;
                result.errorText.clear();
            }
            if (done)
                done(result);
        });
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, profileId, this);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [job, context = QPointer<QObject>(context), done = std::move(done)]() mutable {
                if (context)
                    deliver(context, std::move(done), resultOf(*job));
            });
    job->start();
}

void KeychainSecretStore::removeSecret(const QString &profileId, QObject *context, Callback done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, profileId, this);
    connect(job, &QKeychain::Job::finished, this,
            [job, context = QPointer<QObject>(context), done = std::move(done)]() mutable {
                if (context)
                    deliver(context, std::move(done), resultOf(*job));
            });
    job->start();
}

// ---- FallbackSecretStore -----------------------------------------------------------------

FallbackSecretStore::FallbackSecretStore(std::unique_ptr<SecretStore> primary, QObject *parent)
    : SecretStore(parent)
    , m_primary(std::move(primary))
    , m_memory(new MemorySecretStore(this))
{
    if (!m_primary) {
        m_fallingBack = true;
        m_reason = tr("batchwatch was built without keychain support.");
    }
}

FallbackSecretStore::~FallbackSecretStore() = default;

bool FallbackSecretStore::isPersistent() const
{
    return !m_fallingBack;
}

QString FallbackSecretStore::persistenceNote() const
{
    return m_fallingBack ? sessionOnlySecretNote() : QString();
}

void FallbackSecretStore::fallBack(const QString &reason)
{
    if (m_fallingBack)
        return;
    m_fallingBack = true;
    m_reason = reason;
    // The reason comes from the keychain library and carries no secret.
    qCWarning(lcStore) << "no keychain service, keeping keys for this session only:" << reason;
    Q_EMIT persistenceChanged(false);
}

void FallbackSecretStore::readSecret(const QString &profileId, QObject *context, Callback done)
{
    if (m_fallingBack) {
        m_memory->readSecret(profileId, context, std::move(done));
        return;
    }
    QPointer<QObject> guard(context);
    m_primary->readSecret(
            profileId, this,
            [this, profileId, guard, done = std::move(done)](const SecretResult &result) mutable {
                if (!guard)
                    return;
                if (result.status == SecretResult::Status::Unavailable) {
                    fallBack(result.errorText);
                    m_memory->readSecret(profileId, guard, std::move(done));
                    return;
                }
                if (done)
                    done(result);
            });
}

void FallbackSecretStore::writeSecret(const QString &profileId, const QString &secret,
                                      QObject *context, Callback done)
{
    if (m_fallingBack) {
        m_memory->writeSecret(profileId, secret, context, std::move(done));
        return;
    }
    QPointer<QObject> guard(context);
    m_primary->writeSecret(profileId, secret, this,
                           [this, profileId, secret, guard,
                            done = std::move(done)](const SecretResult &result) mutable {
                               if (result.status == SecretResult::Status::Unavailable) {
                                   fallBack(result.errorText);
                                   // Kept even if the caller has gone: the key is still meant
                                   // to work for this session.
                                   m_memory->writeSecret(profileId, secret, guard,
                                                         guard ? std::move(done) : Callback{});
                                   return;
                               }
                               if (guard && done)
                                   done(result);
                           });
}

void FallbackSecretStore::removeSecret(const QString &profileId, QObject *context, Callback done)
{
    if (m_fallingBack) {
        m_memory->removeSecret(profileId, context, std::move(done));
        return;
    }
    QPointer<QObject> guard(context);
    m_primary->removeSecret(
            profileId, this,
            [this, profileId, guard, done = std::move(done)](const SecretResult &result) mutable {
                if (result.status == SecretResult::Status::Unavailable) {
                    fallBack(result.errorText);
                    m_memory->removeSecret(profileId, guard, guard ? std::move(done) : Callback{});
                    return;
                }
                if (guard && done)
                    done(result);
            });
}

std::unique_ptr<SecretStore> createDefaultSecretStore()
{
    return std::make_unique<FallbackSecretStore>(std::make_unique<KeychainSecretStore>());
}

} // namespace bw
