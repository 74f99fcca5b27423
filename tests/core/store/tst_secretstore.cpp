#include "store/secretstore.h"

#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

using namespace bw;

namespace {

// A keychain stand-in: in memory, but persistent as far as callers can tell; or, with
// `unavailable`, a session where no keychain service runs; or one that refuses access.
class FakeKeychain : public SecretStore
{
public:
    enum class Mode { Working, Unavailable, Denied };
    explicit FakeKeychain(Mode mode)
        : m_mode(mode)
    {}
    int calls = 0;
    QHash<QString, QString> secrets;

    void readSecret(const QString &id, QObject *context, Callback done) override
    {
        SecretResult r = base();
        if (r.ok()) {
            if (secrets.contains(id))
                r.secret = secrets.value(id);
            else
                r.status = SecretResult::Status::NotFound;
        }
        deliver(context, std::move(done), r);
    }
    void writeSecret(const QString &id, const QString &secret, QObject *context,
                     Callback done) override
    {
        SecretResult r = base();
        if (r.ok())
            secrets.insert(id, secret);
        deliver(context, std::move(done), r);
    }
    void removeSecret(const QString &id, QObject *context, Callback done) override
    {
        SecretResult r = base();
        if (r.ok() && secrets.remove(id) == 0)
            r.status = SecretResult::Status::NotFound;
        deliver(context, std::move(done), r);
    }
    bool isPersistent() const override { return true; }

private:
    SecretResult base()
    {
        ++calls;
        SecretResult r;
        if (m_mode == Mode::Unavailable) {
            r.status = SecretResult::Status::Unavailable;
            r.errorText = QStringLiteral("Could not open wallet: org.freedesktop.DBus.Error."
                                         "ServiceUnknown");
        } else if (m_mode == Mode::Denied) {
            r.status = SecretResult::Status::Denied;
            r.errorText = QStringLiteral("Access to the keychain was denied");
        }
        return r;
    }
    Mode m_mode;
};

SecretResult waitFor(const std::function<void(QObject *, SecretStore::Callback)> &call)
{
    QObject context;
    SecretResult result;
    bool done = false;
    call(&context, [&](const SecretResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("secret store callback did not arrive");
    return result;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryStoreKeepsSecretsPerProfile()
    {
        MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        QVERIFY(!store.persistenceNote().isEmpty());
        SecretResult r = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.writeSecret(QStringLiteral("a"), QStringLiteral("sk-a"), c, d);
        });
        QVERIFY(r.ok());
        QCOMPARE(r.persistent, false);
        r = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.readSecret(QStringLiteral("a"), c, d);
        });
        QCOMPARE(r.secret, QStringLiteral("sk-a"));
        r = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.readSecret(QStringLiteral("b"), c, d);
        });
        QCOMPARE(r.status, SecretResult::Status::NotFound);
        // Writing nothing removes.
        waitFor([&](QObject *c, SecretStore::Callback d) {
            store.writeSecret(QStringLiteral("a"), QString(), c, d);
        });
        QVERIFY(!store.contains(QStringLiteral("a")));
    }

    void callbacksNeverRunInsideTheCall()
    {
        MemorySecretStore store;
        QObject context;
        bool ran = false;
        store.writeSecret(QStringLiteral("a"), QStringLiteral("x"), &context,
                          [&](const SecretResult &) { ran = true; });
        QVERIFY(!ran);
        QTRY_VERIFY(ran);
    }

    void noCallbackAfterTheContextIsGone()
    {
        MemorySecretStore store;
        bool ran = false;
        {
            QObject context;
            store.readSecret(QStringLiteral("a"), &context,
                             [&](const SecretResult &) { ran = true; });
        }
        QTest::qWait(20);
        QVERIFY(!ran);
    }

    void fallbackUsesTheKeychainWhileItWorks()
    {
        auto primary = std::make_unique<FakeKeychain>(FakeKeychain::Mode::Working);
        FakeKeychain *keychain = primary.get();
        FallbackSecretStore store(std::move(primary));
        QSignalSpy changed(&store, &SecretStore::persistenceChanged);
        const SecretResult w = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.writeSecret(QStringLiteral("p"), QStringLiteral("sk-p"), c, d);
        });
        QVERIFY(w.ok());
        QVERIFY(w.persistent);
        QCOMPARE(keychain->secrets.value(QStringLiteral("p")), QStringLiteral("sk-p"));
        QVERIFY(store.isPersistent());
        QVERIFY(store.persistenceNote().isEmpty());
        QCOMPARE(changed.size(), 0);
    }

    void fallbackKeepsSecretsForTheSessionWithoutAKeychain()
    {
        auto primary = std::make_unique<FakeKeychain>(FakeKeychain::Mode::Unavailable);
        FakeKeychain *keychain = primary.get();
        FallbackSecretStore store(std::move(primary));
        QSignalSpy changed(&store, &SecretStore::persistenceChanged);
        QVERIFY(store.isPersistent());

        const SecretResult w = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.writeSecret(QStringLiteral("p"), QStringLiteral("sk-p"), c, d);
        });
        QVERIFY(w.ok());
        QCOMPARE(w.persistent, false);
        QVERIFY(!store.isPersistent());
        QCOMPARE(store.persistenceNote(), sessionOnlySecretNote());
        QVERIFY(store.persistenceNote().contains(u"No keychain service is running"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().constFirst().toBool(), false);

        const int callsAfterFallback = keychain->calls;
        const SecretResult r = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.readSecret(QStringLiteral("p"), c, d);
        });
        QCOMPARE(r.secret, QStringLiteral("sk-p"));
        // Once known to be missing, the keychain is not asked again this session.
        QCOMPARE(keychain->calls, callsAfterFallback);
        QCOMPARE(changed.size(), 1);
    }

    void fallbackPassesRefusalsOn()
    {
        FallbackSecretStore store(std::make_unique<FakeKeychain>(FakeKeychain::Mode::Denied));
        const SecretResult w = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.writeSecret(QStringLiteral("p"), QStringLiteral("sk-p"), c, d);
        });
        QCOMPARE(w.status, SecretResult::Status::Denied);
        QVERIFY(!w.errorText.isEmpty());
        QVERIFY(store.isPersistent()); // a refusal is not a missing keychain
    }

    void fallbackWithoutKeychainSupportStartsInMemory()
    {
        FallbackSecretStore store(nullptr);
        QVERIFY(!store.isPersistent());
        QCOMPARE(store.persistenceNote(), sessionOnlySecretNote());
        const SecretResult w = waitFor([&](QObject *c, SecretStore::Callback d) {
            store.writeSecret(QStringLiteral("p"), QStringLiteral("sk-p"), c, d);
        });
        QVERIFY(w.ok());
        QCOMPARE(w.persistent, false);
    }

    void defaultStoreWorksWithOrWithoutAKeychainService()
    {
        // Whatever this machine has, a written key can be read back in this session, and the
        // store says honestly whether it survives a restart.
        const std::unique_ptr<SecretStore> store = createDefaultSecretStore();
        const QString id = QStringLiteral("tst-secretstore-")
                           + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const SecretResult w = waitFor([&](QObject *c, SecretStore::Callback d) {
            store->writeSecret(id, QStringLiteral("sk-default"), c, d);
        });
        QVERIFY2(w.ok(), qPrintable(w.errorText));
        QCOMPARE(w.persistent, store->isPersistent());
        const SecretResult r = waitFor(
                [&](QObject *c, SecretStore::Callback d) { store->readSecret(id, c, d); });
        QCOMPARE(r.secret, QStringLiteral("sk-default"));
        waitFor([&](QObject *c, SecretStore::Callback d) { store->removeSecret(id, c, d); });
        const SecretResult gone = waitFor(
                [&](QObject *c, SecretStore::Callback d) { store->readSecret(id, c, d); });
        QCOMPARE(gone.status, SecretResult::Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
