#pragma once

#include "wire/connectiontest.h"
#include "wire/gatewayprofile.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QNetworkAccessManager;

namespace Ui {
class ProfilesDialog;
}

namespace bw {

class GatewayClient;
class JobStore;
class SecretStore;

// Creates, edits, duplicates and deletes gateway profiles (PRODUCT.md §3 "Profiles").
//
// Edits are made on working copies: OK and Apply validate every profile, then save them to the
// JobStore (which never sees a secret) and write changed keys to the SecretStore; Cancel
// discards everything. OK closes only once every key write has been answered; a failed write
// keeps the dialog open with the reason. Deleting a profile takes effect on OK/Apply and
// removes its watched jobs and their history from this computer (never from the gateway),
// after the removal confirmation (a message box unless replaced with
// setRemovalConfirmation()).
//
// When the SecretStore is not persistent (no keychain service running), the dialog says so
// plainly under the key field: "No keychain service is running: the key is kept for this
// session only."
//
// Providers: a profile watches the batches of the providers checked (Bedrock, OpenAI, Anthropic,
// Gemini) plus those typed in the free field (comma-separated, lower-cased; checked by
// GatewayProfile::providersProblem like every other field, so a profile watching none, or a
// name Bifrost could not have, is not saved). They are saved with the profile; a running
// session takes them at once (ProfileSession::setProfile).
//
// "Test Connection" runs the core's ConnectionTest on the profile as currently edited (saved or
// not) and lists its sentences (reachable, key accepted, jobs visible, route style detected, native
// API per provider) in a results panel that grows with them; each provider's answer is also shown
// beside it. A route style it detects is kept in the profile (detectedRoute).
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    // One line of a connection test.
    struct TestLine
    {
        enum class Outcome { Ok, Warning, Failed };
        Outcome outcome = Outcome::Ok;
        QString text;
    };

    // None of the arguments is owned; all must outlive the dialog. `nam` is the process's one
    // QNetworkAccessManager (for Test Connection).
    ProfilesDialog(JobStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
                   QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    // Selects the profile with this id (no-op when unknown).
    void selectProfile(const QString &id);
    // Adds a new profile with defaults, selects it and focuses its name.
    void startNewProfile();
    QString currentProfileId() const;
    // The working copy of the selected profile as currently edited (default-constructed when
    // nothing is selected).
    GatewayProfile currentProfile() const;
    // Every working copy, in list order.
    QList<GatewayProfile> profiles() const;

    // The first problem that prevents saving `profile` (empty when it is valid). `others` are
    // the other profiles (for the unique-name check).
    static QString validate(const GatewayProfile &profile,
                            const QList<GatewayProfile> &others = {});
    // The current validation message shown under the form (empty when valid).
    QString validationMessage() const;
    // The note under the key field (keychain unavailable, read errors), empty when none.
    QString secretNote() const;

    // Replaces the question asked before profiles are deleted on Apply/OK. Gets their names;
    // returns true to go ahead.
    void setRemovalConfirmation(std::function<bool(const QStringList &names)> confirm);
    // Replaces the notice shown when saving stored keys in memory only (no keychain service):
    // gets the names of the profiles concerned. By default an information message box.
    void setSessionOnlyNotice(std::function<void(const QStringList &names)> notice)
    {
        m_sessionOnlyNotice = std::move(notice);
    }

    // Validates and saves everything (profiles synchronously, keys asynchronously). Returns
    // false, selecting the offending profile, when something is invalid or the store refuses.
    bool apply();

    bool isTesting() const { return m_test->isRunning(); }
    QList<TestLine> testResults() const { return m_testLines; }
    // What the last Test Connection found for one provider of the tested profile, as shown
    // beside its checkbox: "answers", "no answer", or empty (not tested since it was shown).
    QString providerAnswer(const QString &provider) const;

public Q_SLOTS:
    void accept() override;
    void testConnection();

Q_SIGNALS:
    // After a successful apply(): what was saved and removed.
    void profileSaved(const bw::GatewayProfile &profile);
    void profileRemoved(const QString &profileId);
    // A key was written (or removed when the key field was emptied) for this profile.
    void secretChanged(const QString &profileId);
    // Every key write of the last apply() has been answered.
    void secretsWritten(bool ok);
    // Test Connection finished; `ok` when nothing failed.
    void testFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry;

    void loadProfiles();
    void fitWidth();
    void addEntry(Entry entry, bool select);
    void showEntry(int row);
    void readForm();
    void refreshListItem(int row);
    void revalidate();
    void updateSecretNote();
    void requestSecret(int row);
    void updateAuthRows();
    void addTestLine(TestLine::Outcome outcome, const QString &text);
    void fitTestResults();
    void onTestStep(const ConnectionTest::Step &step);
    void finishTest(bool ok);
    QList<QCheckBox *> providerChecks() const; // in knownProviders() order
    void showProviderAnswers();
    void writeSecrets();
    Entry *currentEntry();
    const Entry *currentEntry() const;
    int rowOfId(const QString &id) const;

    std::unique_ptr<Ui::ProfilesDialog> m_ui;
    JobStore *m_store = nullptr;
    QPointer<SecretStore> m_secrets;
    QNetworkAccessManager *m_nam = nullptr;
    QList<Entry> m_entries;
    QStringList m_removedIds;
    QString m_secretReadError;
    QString m_secretWriteError;
    bool m_loadingForm = false;
    bool m_widthFitted = false; // fitWidth() ran on the first show
    std::function<bool(const QStringList &)> m_confirmRemoval;
    std::function<void(const QStringList &)> m_sessionOnlyNotice;
    QStringList m_sessionOnlyNames; // keys of the last apply() kept in memory only

    // Secrets being written by the last apply().
    int m_pendingSecretWrites = 0;
    bool m_secretWriteFailed = false;
    bool m_closeWhenWritten = false;

    // Test Connection.
    ConnectionTest *m_test = nullptr;
    QString m_testProfileId;
    QList<TestLine> m_testLines;
    struct ProviderAnswer
    {
        bool answered = false;
        // Not on the native API, but the Bedrock-format route answered: Bedrock jobs are watched
        // through that route, so this is no failure.
        bool bedrockRouteOnly = false;
        QString sentence; // the test's step about it
    };
    QHash<QString, ProviderAnswer> m_providerAnswers; // of the last test, by provider
};

} // namespace bw
