#include "dialogs/profilesdialog.h"
#include "store/jobstore.h"
#include "store/secretstore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "gatewaysimulator.h"

using namespace bw;

namespace {

constexpr auto kPlanted = "sk-bf-planted-7f3a9c1e-SECRET";

// A keychain that is not there: every operation answers Unavailable, like QtKeychain without
// a Secret Service on the session bus.
class NoKeychainStore : public SecretStore
{
public:
    int calls = 0;
    void readSecret(const QString &, QObject *context, Callback done) override
    {
        fail(context, done);
    }
    void writeSecret(const QString &, const QString &, QObject *context, Callback done) override
    {
        fail(context, done);
    }
    void removeSecret(const QString &, QObject *context, Callback done) override
    {
        fail(context, done);
    }
    bool isPersistent() const override { return true; }

private:
    void fail(QObject *context, Callback done)
    {
        ++calls;
        SecretResult r;
        r.status = SecretResult::Status::Unavailable;
        r.errorText = QStringLiteral("The name org.freedesktop.secrets was not provided by any "
                                     ".service files");
        deliver(context, std::move(done), r);
    }
};

template<typename T>
T *child(const QObject &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

// Types like a user: the window is active, the field has focus, Tab leaves it.
void typeInto(QLineEdit *edit, const QString &text)
{
    QWidget *window = edit->window();
    if (!window->isVisible())
        window->show();
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QVERIFY(edit->isEnabled());
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Tab); // editingFinished
}

void setAuth(ProfilesDialog &dialog, AuthMode mode)
{
    auto *combo = child<QComboBox>(dialog, "authCombo");
    combo->setCurrentIndex(combo->findData(int(mode)));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A new profile for `url` that watches Bedrock, OpenAI and `others`, tested to the end: false when
// the test did not finish in time.
bool testNewProfile(ProfilesDialog &dialog, const QUrl &url, const QString &others = {})
{
    dialog.startNewProfile();
    dialog.show();
    typeInto(child<QLineEdit>(dialog, "urlEdit"), url.toString());
    child<QCheckBox>(dialog, "openaiCheck")->click();
    if (!others.isEmpty())
        typeInto(child<QLineEdit>(dialog, "otherProvidersEdit"), others);
    QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);
    child<QPushButton>(dialog, "testButton")->click();
    return finished.wait(15000);
}

} // namespace

class TestProfilesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // Every QSettings of this process goes to an INI file in a temporary directory.
        QCoreApplication::setOrganizationName(QStringLiteral("batchwatch-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_profilesdialog"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init()
    {
        m_dataDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dataDir->isValid());
        m_store = std::make_unique<JobStore>();
        QVERIFY2(m_store->open(m_dataDir->path()), qPrintable(m_store->lastError()));
    }

    void cleanup()
    {
        // A notice a test left open (the "Key Not Saved" box is not modal and has no window
        // behind it here): closed, so each test starts alone and nothing outlives the suite.
        const auto windows = QApplication::topLevelWidgets();
        for (QWidget *w : windows) {
            if (qobject_cast<QMessageBox *>(w))
                delete w;
        }
        m_store.reset();
        m_dataDir.reset();
    }

    void validatesNameAndUrl_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("problem"); // empty: valid

        QTest::newRow("valid") << "Prod"
                               << "http://localhost:8080"
                               << "";
        QTest::newRow("valid with prefix") << "Prod"
                                           << "https://gw.example.com/ai"
                                           << "";
        QTest::newRow("empty name") << "  "
                                    << "http://localhost:8080"
                                    << "name";
        QTest::newRow("taken name") << "staging"
                                    << "http://localhost:8080"
                                    << "already";
        QTest::newRow("empty url") << "Prod"
                                   << ""
                                   << "base URL";
        QTest::newRow("ftp") << "Prod"
                             << "ftp://example.com"
                             << "http://";
        QTest::newRow("no host") << "Prod"
                                 << "http://"
                                 << "";
        QTest::newRow("credentials") << "Prod"
                                     << "http://user:pw@example.com"
                                     << "credentials";
        QTest::newRow("query") << "Prod"
                               << "http://example.com/?a=1"
                               << "query";
    }

    void validatesNameAndUrl()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, problem);
        GatewayProfile other;
        other.id = QStringLiteral("other");
        other.name = QStringLiteral("Staging");
        GatewayProfile p;
        p.id = QStringLiteral("p");
        p.name = name;
        p.baseUrl = QUrl(url, QUrl::StrictMode);
        const QString message = ProfilesDialog::validate(p, {other, p});
        if (QTest::currentDataTag() == QByteArray("no host")) {
            QVERIFY(!message.isEmpty());
        } else if (problem.isEmpty()) {
            QVERIFY2(message.isEmpty(), qPrintable(message));
        } else {
            QVERIFY2(message.contains(problem, Qt::CaseInsensitive), qPrintable(message));
        }
    }

    void validatesTheCustomHeaderName()
    {
        GatewayProfile p;
        p.id = QStringLiteral("p");
        p.name = QStringLiteral("P");
        p.authMode = AuthMode::CustomHeader;
        QVERIFY(!ProfilesDialog::validate(p).isEmpty());
        p.customHeaderName = QStringLiteral("x api key");
        QVERIFY(ProfilesDialog::validate(p).contains(u"not a valid header name"));
        p.customHeaderName = QStringLiteral("Host");
        QVERIFY(!ProfilesDialog::validate(p).isEmpty());
        p.customHeaderName = QStringLiteral("x-api-key");
        QVERIFY(ProfilesDialog::validate(p).isEmpty());
    }

    void showsTheProblemAndRefusesToSaveAnInvalidProfile()
    {
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        dialog.show();
        dialog.startNewProfile();
        typeInto(child<QLineEdit>(dialog, "urlEdit"), QStringLiteral("ftp://nope"));
        auto *label = child<QLabel>(dialog, "validationLabel");
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(u"http://"));
        QVERIFY(!dialog.apply());
        QVERIFY(m_store->profiles().isEmpty());
        // Fixing it is enough.
        typeInto(child<QLineEdit>(dialog, "urlEdit"), QStringLiteral("localhost:8080"));
        QCOMPARE(child<QLineEdit>(dialog, "urlEdit")->text(),
                 QStringLiteral("http://localhost:8080"));
        QVERIFY(dialog.validationMessage().isEmpty());
        QVERIFY(!label->isVisible());
        QVERIFY(dialog.apply());
        QCOMPARE(m_store->profiles().size(), 1);
    }

    void savesWithoutWritingTheSecretToSettingsOrTheStore()
    {
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        QSignalSpy written(&dialog, &ProfilesDialog::secretsWritten);
        QSignalSpy saved(&dialog, &ProfilesDialog::profileSaved);
        dialog.show();
        dialog.startNewProfile();
        typeInto(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Production"));
        typeInto(child<QLineEdit>(dialog, "urlEdit"), QStringLiteral("https://gw.example.com/ai"));
        setAuth(dialog, AuthMode::VirtualKey);
        typeInto(child<QLineEdit>(dialog, "secretEdit"), QString::fromLatin1(kPlanted));
        const QString id = dialog.currentProfileId();

        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(written.wait(5000));
        QCOMPARE(written.constFirst().constFirst().toBool(), true);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(saved.size(), 1);

        // The profile is in the store, the key in the secret store, nowhere else.
        const QList<GatewayProfile> profiles = m_store->profiles();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.constFirst().name, QStringLiteral("Production"));
        QCOMPARE(profiles.constFirst().authMode, AuthMode::VirtualKey);
        QVERIFY(secrets.contains(id));
        SecretResult read;
        secrets.readSecret(id, this, [&](const SecretResult &r) { read = r; });
        QTRY_COMPARE(read.secret, QString::fromLatin1(kPlanted));

        QSettings settings;
        settings.setValue(QStringLiteral("test/marker"), 1); // make sure the file exists
        settings.sync();
        const QString settingsFile = settings.fileName();
        QVERIFY(QFile::exists(settingsFile));
        m_store->close();
        QStringList files{settingsFile};
        QDirIterator it(m_dataDir->path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(files.size() >= 2);
        const QByteArray utf8 = QByteArray(kPlanted);
        const QString planted = QString::fromLatin1(kPlanted);
        const QByteArray utf16(reinterpret_cast<const char *>(planted.utf16()), planted.size() * 2);
        for (const QString &file : std::as_const(files)) {
            const QByteArray bytes = readAll(file);
            QVERIFY2(!bytes.contains(utf8), qPrintable(file));
            QVERIFY2(!bytes.contains(utf16), qPrintable(file));
            QVERIFY2(!bytes.contains("planted-7f3a9c1e"), qPrintable(file));
        }
    }

    void saysOnSavingThatTheKeyIsKeptForThisSessionOnly()
    {
        // Issue 10 item 6: without a keychain the user learns it when saving, not on reopening.
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        QStringList told;
        dialog.setSessionOnlyNotice([&told](const QStringList &names) { told += names; });
        QSignalSpy written(&dialog, &ProfilesDialog::secretsWritten);
        dialog.show();
        dialog.startNewProfile();
        typeInto(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Production"));
        setAuth(dialog, AuthMode::VirtualKey);
        typeInto(child<QLineEdit>(dialog, "secretEdit"), QStringLiteral("sk-bf-session"));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(written.wait(5000));
        QCOMPARE(told, QStringList{QStringLiteral("Production")});
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void readsTheStoredKeyWhenAProfileIsShown()
    {
        GatewayProfile p;
        p.id = QStringLiteral("p1");
        p.name = QStringLiteral("Stored");
        p.authMode = AuthMode::Bearer;
        QVERIFY(m_store->saveProfile(p));
        MemorySecretStore secrets;
        bool written = false;
        secrets.writeSecret(p.id, QStringLiteral("sk-stored"), this,
                            [&](const SecretResult &) { written = true; });
        QTRY_VERIFY(written);

        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        auto *secret = child<QLineEdit>(dialog, "secretEdit");
        QTRY_COMPARE(secret->text(), QStringLiteral("sk-stored"));
        QVERIFY(secret->isEnabled());
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        child<QCheckBox>(dialog, "showSecretCheck")->setChecked(true);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        // A memory store says plainly that keys do not survive.
        QVERIFY(dialog.secretNote().contains(u"this session only"));
    }

    void keepsTheKeyForTheSessionWhenNoKeychainRuns()
    {
        GatewayProfile p;
        p.id = QStringLiteral("p1");
        p.name = QStringLiteral("Stored");
        p.authMode = AuthMode::Bearer;
        QVERIFY(m_store->saveProfile(p));
        auto primary = std::make_unique<NoKeychainStore>();
        NoKeychainStore *keychain = primary.get();
        FallbackSecretStore secrets(std::move(primary));
        QVERIFY(secrets.isPersistent());

        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        dialog.show();
        // Reading the key finds no keychain: the dialog says so, in these words.
        QTRY_VERIFY(!secrets.isPersistent());
        QTRY_VERIFY(dialog.secretNote().contains(
                u"No keychain service is running: the key is kept for this session only"));
        QVERIFY(child<QLabel>(dialog, "secretNoteLabel")->isVisible());

        QTRY_VERIFY(child<QLineEdit>(dialog, "secretEdit")->isEnabled());
        typeInto(child<QLineEdit>(dialog, "secretEdit"), QString::fromLatin1(kPlanted));
        QSignalSpy written(&dialog, &ProfilesDialog::secretsWritten);
        QVERIFY(dialog.apply());
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written.constFirst().constFirst().toBool(), true);
        const int keychainCalls = keychain->calls;

        // The key works for the rest of the session, from memory, without asking the keychain.
        SecretResult read;
        bool done = false;
        secrets.readSecret(p.id, this, [&](const SecretResult &r) {
            read = r;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(read.ok());
        QCOMPARE(read.secret, QString::fromLatin1(kPlanted));
        QCOMPARE(read.persistent, false);
        QCOMPARE(keychain->calls, keychainCalls);
    }

    void duplicatesAProfileWithItsKey()
    {
        GatewayProfile p;
        p.id = QStringLiteral("p1");
        p.name = QStringLiteral("Original");
        p.authMode = AuthMode::Bearer;
        p.provider = QStringLiteral("openai");
        QVERIFY(m_store->saveProfile(p));
        MemorySecretStore secrets;
        secrets.writeSecret(p.id, QStringLiteral("sk-original"), this, {});

        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        QTRY_COMPARE(child<QLineEdit>(dialog, "secretEdit")->text(), QStringLiteral("sk-original"));
        child<QPushButton>(dialog, "duplicateButton")->click();
        QCOMPARE(dialog.profiles().size(), 2);
        const GatewayProfile copy = dialog.currentProfile();
        QVERIFY(copy.id != p.id);
        QCOMPARE(copy.name, QStringLiteral("Original (copy)"));
        QCOMPARE(copy.provider, QStringLiteral("openai"));
        QSignalSpy written(&dialog, &ProfilesDialog::secretsWritten);
        QVERIFY(dialog.apply());
        QVERIFY(written.wait(5000));
        QCOMPARE(m_store->profiles().size(), 2);
        QVERIFY(secrets.contains(copy.id));
    }

    void deletesAProfileOnlyAfterConfirmation()
    {
        GatewayProfile p;
        p.id = QStringLiteral("p1");
        p.name = QStringLiteral("Old gateway");
        QVERIFY(m_store->saveProfile(p));
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        QStringList asked;
        bool answer = false;
        dialog.setRemovalConfirmation([&](const QStringList &names) {
            asked = names;
            return answer;
        });
        QSignalSpy removed(&dialog, &ProfilesDialog::profileRemoved);
        child<QPushButton>(dialog, "deleteButton")->click();
        QVERIFY(dialog.profiles().isEmpty());
        QVERIFY(!dialog.apply());
        QCOMPARE(asked, QStringList{QStringLiteral("Old gateway")});
        QCOMPARE(m_store->profiles().size(), 1);
        answer = true;
        QVERIFY(dialog.apply());
        QVERIFY(m_store->profiles().isEmpty());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.constFirst().constFirst().toString(), p.id);
    }

    void testConnectionSaysWhenTheGatewayIsUnreachable()
    {
        QNetworkAccessManager nam;
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, &nam);
        dialog.startNewProfile();
        // Port 9 (discard) is closed on loopback: refused at once.
        typeInto(child<QLineEdit>(dialog, "urlEdit"), QStringLiteral("http://127.0.0.1:9"));
        QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);
        dialog.testConnection();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), false);
        const QList<ProfilesDialog::TestLine> lines = dialog.testResults();
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.constFirst().outcome, ProfilesDialog::TestLine::Outcome::Failed);
        QVERIFY2(lines.constFirst().text.startsWith(u"Not reachable: "),
                 qPrintable(lines.constFirst().text));
    }

    void testConnectionReportsReachableAuthRouteAndJobs()
    {
        sim::GatewaySimulator simulator;
        QVERIFY2(simulator.start(0), qPrintable(simulator.errorString()));
        QNetworkAccessManager nam;
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, &nam);
        dialog.startNewProfile();
        typeInto(child<QLineEdit>(dialog, "urlEdit"), simulator.baseUrl().toString());
        dialog.show();
        QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);
        child<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(15000));
        QStringList texts;
        for (const auto &line : dialog.testResults())
            texts << line.text;
        const QString all = texts.join(u'\n');
        QVERIFY2(finished.constFirst().constFirst().toBool(), qPrintable(all));
        QVERIFY2(all.contains(u"Reachable"), qPrintable(all));
        QVERIFY2(all.contains(u"Access granted without a key"), qPrintable(all));
        QVERIFY2(all.contains(u"jobs visible"), qPrintable(all));
        QVERIFY2(all.contains(u"Route style detected: "), qPrintable(all));
        QVERIFY2(all.contains(u"The connection works."), qPrintable(all));
        // Issue 10 item 11: every result line shows without scrolling.
        auto *results = child<QListWidget>(dialog, "testResults");
        QVERIFY(results->count() >= 5);
        QTRY_VERIFY(results->viewport()->height() >= results->count() * results->sizeHintForRow(0));
        QTRY_COMPARE(results->verticalScrollBar()->maximum(), 0);
        // The detected route is kept with the profile.
        QVERIFY(dialog.currentProfile().detectedRoute != RouteStyle::Auto);
    }

    void choosesTheProvidersAProfileWatches()
    {
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        dialog.show();
        dialog.startNewProfile();
        typeInto(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Through Bifrost"));
        typeInto(child<QLineEdit>(dialog, "urlEdit"), QStringLiteral("https://gw.example.com"));
        // A new profile watches Bedrock only, as before providers could be chosen.
        QVERIFY(child<QCheckBox>(dialog, "bedrockCheck")->isChecked());
        QVERIFY(!child<QCheckBox>(dialog, "openaiCheck")->isChecked());
        QCOMPARE(dialog.currentProfile().providers, QStringList{QStringLiteral("bedrock")});

        child<QCheckBox>(dialog, "openaiCheck")->click();
        child<QCheckBox>(dialog, "geminiCheck")->click();
        typeInto(child<QLineEdit>(dialog, "otherProvidersEdit"),
                 QStringLiteral("Mistral, , vertex"));
        QCOMPARE(dialog.currentProfile().providers,
                 (QStringList{QStringLiteral("bedrock"), QStringLiteral("openai"),
                              QStringLiteral("gemini"), QStringLiteral("mistral"),
                              QStringLiteral("vertex")}));

        // A name no provider could have, or none at all, is refused like any other field.
        auto *label = child<QLabel>(dialog, "validationLabel");
        typeInto(child<QLineEdit>(dialog, "otherProvidersEdit"), QStringLiteral("my provider!"));
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(u"not a provider name"), qPrintable(label->text()));
        QVERIFY(!dialog.apply());
        typeInto(child<QLineEdit>(dialog, "otherProvidersEdit"), QString());
        for (const char *name : {"bedrockCheck", "openaiCheck", "geminiCheck"})
            child<QCheckBox>(dialog, name)->click();
        QVERIFY2(label->text().contains(u"at least one provider"), qPrintable(label->text()));
        QVERIFY(!dialog.apply());

        child<QCheckBox>(dialog, "anthropicCheck")->click();
        typeInto(child<QLineEdit>(dialog, "otherProvidersEdit"), QStringLiteral("mistral"));
        QSignalSpy saved(&dialog, &ProfilesDialog::profileSaved);
        QVERIFY(dialog.apply());
        QCOMPARE(saved.size(), 1);
        const QStringList expected{QStringLiteral("anthropic"), QStringLiteral("mistral")};
        QCOMPARE(saved.constFirst().constFirst().value<GatewayProfile>().providers, expected);
        QCOMPARE(m_store->profiles().constFirst().providers, expected);

        // Opened again, the form shows what was saved.
        ProfilesDialog again(m_store.get(), &secrets, nullptr);
        again.selectProfile(m_store->profiles().constFirst().id);
        QVERIFY(!child<QCheckBox>(again, "bedrockCheck")->isChecked());
        QVERIFY(child<QCheckBox>(again, "anthropicCheck")->isChecked());
        QCOMPARE(child<QLineEdit>(again, "otherProvidersEdit")->text(), QStringLiteral("mistral"));
    }

    void theKeyNoteFollowsWhatIsTyped()
    {
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        dialog.show();
        dialog.startNewProfile();
        setAuth(dialog, AuthMode::Bearer);
        QVERIFY2(dialog.secretNote().contains(u"No key entered"), qPrintable(dialog.secretNote()));
        typeInto(child<QLineEdit>(dialog, "secretEdit"), QStringLiteral("sk-typed"));
        QVERIFY2(!dialog.secretNote().contains(u"No key entered"), qPrintable(dialog.secretNote()));
        // The memory store's own note stays: only the remark about the key goes.
        QVERIFY(dialog.secretNote().contains(u"this session only"));
        typeInto(child<QLineEdit>(dialog, "secretEdit"), QString());
        QVERIFY(dialog.secretNote().contains(u"No key entered"));
    }

    void theNoteWithoutAKeychainLeavesTheFormItsRoom()
    {
        // The lead's screenshot: with "No keychain service…" shown, the providers grid was
        // squeezed onto itself although the dialog had room to grow.
        GatewayProfile p;
        p.id = QStringLiteral("p1");
        p.name = QStringLiteral("Stored");
        p.authMode = AuthMode::Bearer;
        QVERIFY(m_store->saveProfile(p));
        FallbackSecretStore secrets(std::make_unique<NoKeychainStore>());
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(dialog.secretNote().contains(u"No keychain service is running"));
        auto *note = child<QLabel>(dialog, "secretNoteLabel");
        QTRY_VERIFY(note->isVisible());
        // The note as tall as its text, not more (heightForWidth answers at least the minimum
        // height: a label without one tells what the text needs).
        QLabel probe;
        probe.setWordWrap(true);
        probe.setFont(note->font());
        probe.setText(note->text());
        QTRY_COMPARE(note->height(), probe.heightForWidth(note->width()));
        // Every row of the grid at its full height, one below the other, and the form above
        // the note.
        const auto rect = [&dialog](const char *name) {
            QWidget *w = child<QWidget>(dialog, name);
            return QRect(w->mapTo(&dialog, QPoint(0, 0)), w->size());
        };
        for (const char *name : {"bedrockCheck", "anthropicCheck", "otherProvidersEdit",
                                 "routeCombo", "timeoutSpin", "rateSpin", "caEdit"}) {
            QWidget *w = child<QWidget>(dialog, name);
            QTRY_VERIFY2(w->height() >= w->minimumSizeHint().height(), name);
        }
        QVERIFY(rect("bedrockCheck").bottom() < rect("anthropicCheck").top());
        QVERIFY(rect("anthropicCheck").bottom() < rect("otherProvidersEdit").top());
        QVERIFY(rect("otherProvidersEdit").bottom() < rect("routeCombo").top());
        QVERIFY(rect("caEdit").bottom() < rect("secretNoteLabel").top());
    }

    void tabReachesEveryControlInReadingOrder()
    {
        GatewayProfile p;
        p.id = QStringLiteral("p1");
        p.name = QStringLiteral("Stored");
        p.authMode = AuthMode::CustomHeader;
        p.customHeaderName = QStringLiteral("x-api-key");
        QVERIFY(m_store->saveProfile(p));
        MemorySecretStore secrets;
        QNetworkAccessManager nam;
        ProfilesDialog dialog(m_store.get(), &secrets, &nam);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_VERIFY(child<QLineEdit>(dialog, "secretEdit")->isEnabled());
        auto *first = child<QWidget>(dialog, "profileList");
        first->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), first);
        QStringList seen;
        for (int i = 0; i < 60; ++i) {
            QWidget *w = QApplication::focusWidget();
            QVERIFY(w);
            const auto *button = qobject_cast<QAbstractButton *>(w);
            seen << (w->objectName().isEmpty() && button ? button->text().remove(u'&')
                                                         : w->objectName());
            QTest::keyClick(w, Qt::Key_Tab);
            if (QApplication::focusWidget() == first)
                break;
        }
        const QStringList form{
                QStringLiteral("profileList"),     QStringLiteral("newButton"),
                QStringLiteral("duplicateButton"), QStringLiteral("deleteButton"),
                QStringLiteral("nameEdit"),        QStringLiteral("urlEdit"),
                QStringLiteral("authCombo"),       QStringLiteral("headerNameEdit"),
                QStringLiteral("secretEdit"),      QStringLiteral("showSecretCheck"),
                QStringLiteral("providerEdit"),    QStringLiteral("bedrockCheck"),
                QStringLiteral("openaiCheck"),     QStringLiteral("anthropicCheck"),
                QStringLiteral("geminiCheck"),     QStringLiteral("otherProvidersEdit"),
                QStringLiteral("routeCombo"),      QStringLiteral("timeoutSpin"),
                QStringLiteral("rateSpin"),        QStringLiteral("caEdit"),
                QStringLiteral("caBrowseButton"),  QStringLiteral("testButton"),
                QStringLiteral("testResults")};
        QVERIFY2(seen.mid(0, form.size()) == form, qPrintable(seen.join(u' ')));
        // Then the dialog's buttons, and round again.
        QStringList buttons = seen.mid(form.size());
        buttons.sort();
        QCOMPARE(buttons, (QStringList{QStringLiteral("Apply"), QStringLiteral("Cancel"),
                                       QStringLiteral("OK")}));
    }

    void savesTheRequestCeiling()
    {
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, nullptr);
        dialog.show();
        dialog.startNewProfile();
        typeInto(child<QLineEdit>(dialog, "urlEdit"), QStringLiteral("https://gw.example.com"));
        auto *spin = child<QSpinBox>(dialog, "rateSpin");
        // A new profile has the ceiling every client had before it could be set, and says why
        // it is there.
        QCOMPARE(spin->value(), 20);
        QCOMPARE(spin->text(), QStringLiteral("20 requests per second"));
        QVERIFY(spin->toolTip().contains(u"rate limit"));
        // Typed like a user: the field, its number, Tab.
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("5"));
        QTest::keyClick(spin, Qt::Key_Tab);
        QCOMPARE(dialog.currentProfile().maxRequestsPerSecond, 5);
        QSignalSpy saved(&dialog, &ProfilesDialog::profileSaved);
        QVERIFY(dialog.apply());
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.constFirst().constFirst().value<GatewayProfile>().maxRequestsPerSecond, 5);
        QCOMPARE(m_store->profiles().constFirst().maxRequestsPerSecond, 5);

        // 0 reads as no ceiling, and is saved as such.
        spin->setValue(0);
        QCOMPARE(spin->text(), QStringLiteral("No ceiling"));
        QVERIFY(dialog.apply());
        QCOMPARE(m_store->profiles().constFirst().maxRequestsPerSecond, 0);

        ProfilesDialog again(m_store.get(), &secrets, nullptr);
        spin->setValue(1);
        again.selectProfile(m_store->profiles().constFirst().id);
        QCOMPARE(child<QSpinBox>(again, "rateSpin")->value(), 0);
        QCOMPARE(spin->text(), QStringLiteral("1 request per second"));
    }

    void testConnectionShowsEachProvidersAnswerBesideIt()
    {
        sim::GatewaySimulator simulator; // bifrost flavour: native routes for four providers
        QVERIFY2(simulator.start(0), qPrintable(simulator.errorString()));
        QNetworkAccessManager nam;
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, &nam);
        // mistral: a provider Bifrost knows (no batches here); acme: one it refuses.
        QVERIFY(testNewProfile(dialog, simulator.baseUrl(), QStringLiteral("mistral, acme")));

        QCOMPARE(dialog.providerAnswer(QStringLiteral("bedrock")), QStringLiteral("answers"));
        QCOMPARE(dialog.providerAnswer(QStringLiteral("openai")), QStringLiteral("answers"));
        QCOMPARE(dialog.providerAnswer(QStringLiteral("mistral")), QStringLiteral("answers"));
        QCOMPARE(dialog.providerAnswer(QStringLiteral("acme")), QStringLiteral("no answer"));
        QCOMPARE(dialog.providerAnswer(QStringLiteral("gemini")), QString()); // not watched
        auto *openai = child<QLabel>(dialog, "openaiAnswer");
        QVERIFY(openai->isVisible());
        QCOMPARE(openai->text(), QStringLiteral("answers"));
        QVERIFY(child<QLabel>(dialog, "geminiAnswer")->text().isEmpty());
        const QString others = child<QLabel>(dialog, "otherProvidersAnswer")->text();
        QVERIFY2(others.contains(u"acme no answer") && others.contains(u"mistral answers"),
                 qPrintable(others));
        QVERIFY2(child<QLabel>(dialog, "otherProvidersAnswer")->toolTip().contains(u"acme"),
                 qPrintable(child<QLabel>(dialog, "otherProvidersAnswer")->toolTip()));
        // A line per provider, and still every line shows without scrolling.
        auto *results = child<QListWidget>(dialog, "testResults");
        QVERIFY(results->count() >= 9);
        QTRY_COMPARE(results->verticalScrollBar()->maximum(), 0);
    }

    // A gateway without Bifrost's native API still serves Bedrock jobs through the
    // Bedrock-format route: the Bedrock checkbox must not say "no answer" in red then.
    void testConnectionSaysBedrockAnswersThroughItsRoute()
    {
        sim::SimulatorOptions options;
        options.flavour = sim::Flavour::Aws; // no native routes
        sim::GatewaySimulator simulator(options);
        QVERIFY2(simulator.start(0), qPrintable(simulator.errorString()));
        QNetworkAccessManager nam;
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, &nam);
        QVERIFY(testNewProfile(dialog, simulator.baseUrl()));

        QCOMPARE(dialog.providerAnswer(QStringLiteral("bedrock")), QStringLiteral("Bedrock route"));
        QCOMPARE(dialog.providerAnswer(QStringLiteral("openai")), QStringLiteral("no answer"));
        auto *bedrock = child<QLabel>(dialog, "bedrockAnswer");
        auto *openai = child<QLabel>(dialog, "openaiAnswer");
        // Red is for what does not work: OpenAI batches cannot be watched here, Bedrock jobs can.
        QVERIFY(bedrock->palette().color(QPalette::WindowText)
                != openai->palette().color(QPalette::WindowText));
        QVERIFY2(bedrock->toolTip().contains(u"native"), qPrintable(bedrock->toolTip()));
    }

    void testConnectionReportsARefusedKey()
    {
        sim::GatewaySimulator simulator;
        simulator.setRequiredKey(QStringLiteral("sk-bf-right"));
        QVERIFY(simulator.start(0));
        QNetworkAccessManager nam;
        MemorySecretStore secrets;
        ProfilesDialog dialog(m_store.get(), &secrets, &nam);
        dialog.startNewProfile();
        typeInto(child<QLineEdit>(dialog, "urlEdit"), simulator.baseUrl().toString());
        setAuth(dialog, AuthMode::VirtualKey);
        typeInto(child<QLineEdit>(dialog, "secretEdit"), QStringLiteral("sk-bf-wrong"));
        QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);
        dialog.testConnection();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), false);
        QStringList texts;
        for (const auto &line : dialog.testResults())
            texts << line.text;
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(u"Reachable"), qPrintable(all));
        // Issue 10 item 7: a key was sent, so the key is blamed; the gateway's words stay.
        QVERIFY2(all.contains(u"The gateway rejected this key (HTTP 401"), qPrintable(all));
        QVERIFY2(!all.contains(u"sk-bf-wrong"), qPrintable(all));
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<JobStore> m_store;
};

QTEST_MAIN(TestProfilesDialog)
#include "tst_profilesdialog.moc"
