#include "dialogs/profilesdialog.h"

#include "dialogs/dialogsizing.h"
#include "presentation/statuspresentation.h"
#include "store/jobstore.h"
#include "store/secretstore.h"
#include "ui_profilesdialog.h"
#include "wire/gatewayclient.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUuid>

namespace bw {

struct ProfilesDialog::Entry
{
    GatewayProfile profile;
    QString secret;
    QString secretSourceId;    // a duplicate copies the key of this profile
    bool secretLoaded = false; // the stored key has been read (or there is none to read)
    bool secretRequested = false;
    bool secretDirty = false; // to be written on apply
    bool dirty = false;       // to be saved on apply
    bool isNew = false;       // never saved
};

namespace {

constexpr auto kProbeIdentifier = "batchwatch-connection-test";

bool isTokenChar(QChar c)
{
    // RFC 9110 tchar
    if (c.unicode() > 0x7e)
        return false;
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"!#$%&'*+-.^_`|~").contains(c);
}

QString routeWords(RouteStyle route)
{
    switch (route) {
    case RouteStyle::Plural:
        return ProfilesDialog::tr("plural (/bedrock/model-invocation-jobs/…)");
    case RouteStyle::Singular:
        return ProfilesDialog::tr("singular (/bedrock/model-invocation-job/…)");
    case RouteStyle::Auto:
        break;
    }
    return ProfilesDialog::tr("automatic");
}

} // namespace

ProfilesDialog::ProfilesDialog(JobStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfilesDialog>())
    , m_store(store)
    , m_secrets(secrets)
    , m_nam(nam)
{
    m_ui->setupUi(this);
    const int em = fontMetrics().height();

    m_ui->authCombo->addItem(tr("None"), int(AuthMode::None));
    m_ui->authCombo->addItem(tr("Bearer token (Authorization header)"), int(AuthMode::Bearer));
    m_ui->authCombo->addItem(tr("Bifrost virtual key (x-bf-vk header)"), int(AuthMode::VirtualKey));
    m_ui->authCombo->addItem(tr("Custom header"), int(AuthMode::CustomHeader));
    m_ui->routeCombo->addItem(tr("Detect automatically"), int(RouteStyle::Auto));
    m_ui->routeCombo->addItem(tr("Plural: /bedrock/model-invocation-jobs/{id} (published "
                                 "document)"),
                              int(RouteStyle::Plural));
    m_ui->routeCombo->addItem(tr("Singular: /bedrock/model-invocation-job/{id} (AWS, Bifrost)"),
                              int(RouteStyle::Singular));
    m_ui->newButton->setIcon(StatusPresentation::actionIcon(ActionIcon::Add, palette()));
    m_ui->deleteButton->setIcon(StatusPresentation::actionIcon(ActionIcon::Remove, palette()));
    m_ui->testResults->setIconSize(QSize(em, em));
    m_ui->testResults->viewport()->setAutoFillBackground(false);
    m_ui->testResults->setMinimumHeight(5 * (fontMetrics().lineSpacing() + em / 3));
    m_ui->profileList->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);

    const auto edited = [this] {
        readForm();
    };
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->urlEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->urlEdit, &QLineEdit::editingFinished, this, [this] {
        // "localhost:8080" means http://localhost:8080: add the scheme people leave out.
        const QString text = m_ui->urlEdit->text().trimmed();
        if (!text.isEmpty() && !text.contains(QLatin1String("://"))) {
            m_ui->urlEdit->setText(QStringLiteral("http://") + text);
            readForm();
        }
    });
    connect(m_ui->authCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateAuthRows();
        readForm();
    });
    connect(m_ui->headerNameEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->secretEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_loadingForm)
            return;
        if (Entry *e = currentEntry()) {
            e->secret = text;
            e->secretDirty = true;
            e->secretLoaded = true;
            refreshListItem(m_ui->profileList->currentRow());
        }
    });
    connect(m_ui->showSecretCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_ui->secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->providerEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->routeCombo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_ui->timeoutSpin, &QSpinBox::valueChanged, this, edited);
    connect(m_ui->caEdit, &QLineEdit::textChanged, this, edited);
    connect(m_ui->caBrowseButton, &QPushButton::clicked, this, [this] {
        const QString start = m_ui->caEdit->text().isEmpty()
                                      ? QString()
                                      : QFileInfo(m_ui->caEdit->text()).absolutePath();
        const QString path = QFileDialog::getOpenFileName(
                this, tr("Choose CA Bundle"), start,
                tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_ui->caEdit->setText(path); // textChanged reads the form
    });

    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, &ProfilesDialog::showEntry);
    connect(m_ui->newButton, &QPushButton::clicked, this, &ProfilesDialog::startNewProfile);
    connect(m_ui->duplicateButton, &QPushButton::clicked, this, [this] {
        const Entry *source = currentEntry();
        if (!source)
            return;
        Entry copy;
        copy.profile = source->profile;
        copy.profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        copy.profile.name = tr("%1 (copy)").arg(source->profile.name);
        copy.isNew = true;
        copy.dirty = true;
        if (source->secretLoaded) {
            copy.secret = source->secret;
            copy.secretLoaded = true;
            copy.secretRequested = true;
            copy.secretDirty = !copy.secret.isEmpty();
        } else {
            copy.secretSourceId = source->profile.id;
        }
        addEntry(copy, true);
        m_ui->nameEdit->setFocus();
        m_ui->nameEdit->selectAll();
    });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->profileList->currentRow();
        if (row < 0 || row >= m_entries.size())
            return;
        const Entry removed = m_entries.takeAt(row);
        if (!removed.isNew)
            m_removedIds << removed.profile.id;
        delete m_ui->profileList->takeItem(row);
        if (m_entries.isEmpty())
            showEntry(-1);
    });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfilesDialog::testConnection);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfilesDialog::accept);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { apply(); });
    if (m_secrets)
        connect(m_secrets, &SecretStore::persistenceChanged, this,
                &ProfilesDialog::updateSecretNote);

    m_confirmRemoval = [this](const QStringList &names) {
        const QString text = names.size() == 1
                                     ? tr("Delete the profile “%1”?").arg(names.constFirst())
                                     : tr("Delete %1 profiles: %2?")
                                               .arg(names.size())
                                               .arg(names.join(QStringLiteral(", ")));
        QMessageBox box(QMessageBox::Question, tr("Delete Profiles"), text, QMessageBox::Cancel,
                        this);
        box.setInformativeText(tr("Their watched jobs and the history recorded for them are "
                                  "removed from this computer. Nothing changes on the "
                                  "gateway."));
        QPushButton *del = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == del;
    };

    setWindowIcon(StatusPresentation::actionIcon(ActionIcon::Profile, palette()));
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().lineSpacing() * 30);
    loadProfiles();
}

ProfilesDialog::~ProfilesDialog()
{
    if (m_testClient)
        m_testClient->abortAll();
}

ProfilesDialog::Entry *ProfilesDialog::currentEntry()
{
    const int row = m_ui->profileList->currentRow();
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

const ProfilesDialog::Entry *ProfilesDialog::currentEntry() const
{
    const int row = m_ui->profileList->currentRow();
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int ProfilesDialog::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).profile.id == id)
            return i;
    }
    return -1;
}

void ProfilesDialog::loadProfiles()
{
    m_entries.clear();
    m_ui->profileList->clear();
    const QList<GatewayProfile> stored = m_store ? m_store->profiles() : QList<GatewayProfile>();
    for (const GatewayProfile &p : stored) {
        Entry e;
        e.profile = p;
        addEntry(e, false);
    }
    if (!m_entries.isEmpty())
        m_ui->profileList->setCurrentRow(0);
    else
        showEntry(-1);
}

void ProfilesDialog::addEntry(Entry entry, bool select)
{
    m_entries.append(std::move(entry));
    auto *item = new QListWidgetItem(m_ui->profileList);
    Q_UNUSED(item);
    refreshListItem(int(m_entries.size()) - 1);
    if (select)
        m_ui->profileList->setCurrentRow(int(m_entries.size()) - 1);
}

void ProfilesDialog::startNewProfile()
{
    Entry e;
    e.profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // A name that is not taken yet, so a fresh profile only needs its URL.
    QString name = tr("Gateway");
    for (int n = 2;
         std::any_of(m_entries.cbegin(), m_entries.cend(),
                     [&](const Entry &other) {
                         return other.profile.name.compare(name, Qt::CaseInsensitive) == 0;
                     });
         ++n)
        name = tr("Gateway %1").arg(n);
    e.profile.name = name;
    e.isNew = true;
    e.dirty = true;
    e.secretLoaded = true;
    e.secretRequested = true;
    addEntry(e, true);
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

void ProfilesDialog::selectProfile(const QString &id)
{
    const int row = rowOfId(id);
    if (row >= 0)
        m_ui->profileList->setCurrentRow(row);
}

QString ProfilesDialog::currentProfileId() const
{
    const Entry *e = currentEntry();
    return e ? e->profile.id : QString();
}

GatewayProfile ProfilesDialog::currentProfile() const
{
    const Entry *e = currentEntry();
    return e ? e->profile : GatewayProfile{};
}

QList<GatewayProfile> ProfilesDialog::profiles() const
{
    QList<GatewayProfile> list;
    for (const Entry &e : m_entries)
        list << e.profile;
    return list;
}

void ProfilesDialog::setRemovalConfirmation(std::function<bool(const QStringList &)> confirm)
{
    m_confirmRemoval = std::move(confirm);
}

void ProfilesDialog::refreshListItem(int row)
{
    QListWidgetItem *item = m_ui->profileList->item(row);
    if (!item || row >= m_entries.size())
        return;
    const Entry &e = m_entries.at(row);
    const QString name
            = e.profile.name.trimmed().isEmpty() ? tr("Unnamed profile") : e.profile.name.trimmed();
    const bool changed = e.dirty || e.secretDirty;
    item->setText(changed ? tr("%1 (not saved)").arg(name) : name);
    item->setToolTip(e.profile.baseUrl.toDisplayString());
    QFont font = m_ui->profileList->font();
    font.setItalic(changed);
    item->setFont(font);
}

void ProfilesDialog::showEntry(int row)
{
    const bool valid = row >= 0 && row < m_entries.size();
    m_ui->editorPane->setEnabled(valid || m_entries.isEmpty()); // the hint must not look disabled
    // With nothing to edit, say how to start rather than showing an empty, disabled form.
    m_ui->emptyHintLabel->setVisible(!valid && m_entries.isEmpty());
    for (int r = 0; r < m_ui->formLayout->rowCount(); ++r)
        m_ui->formLayout->setRowVisible(r, valid);
    m_ui->testButton->setVisible(valid);
    m_ui->testResults->setVisible(valid);
    m_ui->duplicateButton->setEnabled(valid);
    m_ui->deleteButton->setEnabled(valid);
    if (m_testClient && m_testing)
        m_testClient->abortAll();
    m_ui->testResults->clear();
    m_testLines.clear();

    m_loadingForm = true;
    const Entry e = valid ? m_entries.at(row) : Entry{};
    m_ui->nameEdit->setText(e.profile.name);
    m_ui->urlEdit->setText(valid ? e.profile.baseUrl.toString() : QString());
    m_ui->authCombo->setCurrentIndex(m_ui->authCombo->findData(int(e.profile.authMode)));
    m_ui->headerNameEdit->setText(e.profile.customHeaderName);
    m_ui->providerEdit->setText(e.profile.provider);
    m_ui->routeCombo->setCurrentIndex(m_ui->routeCombo->findData(int(e.profile.routeStyle)));
    m_ui->timeoutSpin->setValue(std::max(1, (e.profile.timeoutMs + 999) / 1000));
    m_ui->caEdit->setText(e.profile.caBundlePath);
    m_ui->showSecretCheck->setChecked(false);
    if (!valid || e.secretLoaded) {
        m_ui->secretEdit->setText(e.secret);
        m_ui->secretEdit->setEnabled(true);
        m_ui->secretEdit->setPlaceholderText(QString());
    } else {
        m_ui->secretEdit->clear();
        m_ui->secretEdit->setEnabled(false);
        m_ui->secretEdit->setPlaceholderText(tr("Reading the key…"));
    }
    m_loadingForm = false;
    updateAuthRows();
    if (valid && !e.secretRequested)
        requestSecret(row);
    revalidate();
    updateSecretNote();
}

void ProfilesDialog::requestSecret(int row)
{
    SecretStore *secrets = m_secrets.data();
    if (!secrets || row < 0 || row >= m_entries.size())
        return;
    Entry &e = m_entries[row];
    e.secretRequested = true;
    const QString id = e.profile.id;
    const QString readFrom = e.secretSourceId.isEmpty() ? id : e.secretSourceId;
    const bool copying = !e.secretSourceId.isEmpty();
    secrets->readSecret(readFrom, this, [this, id, copying](const SecretResult &result) {
        const int r = rowOfId(id);
        if (r < 0)
            return;
        Entry &entry = m_entries[r];
        if (!entry.secretDirty || copying) {
            entry.secret = result.ok() ? result.secret : QString();
            if (copying)
                entry.secretDirty = !entry.secret.isEmpty();
        }
        entry.secretLoaded = true;
        if (result.status == SecretResult::Status::Denied
            || result.status == SecretResult::Status::Error) {
            m_secretReadError = tr("Could not read the key: %1").arg(result.errorText);
        }
        if (m_ui->profileList->currentRow() == r) {
            m_loadingForm = true;
            m_ui->secretEdit->setText(entry.secret);
            m_ui->secretEdit->setEnabled(true);
            m_ui->secretEdit->setPlaceholderText(QString());
            m_loadingForm = false;
        }
        updateSecretNote();
    });
}

void ProfilesDialog::readForm()
{
    if (m_loadingForm)
        return;
    Entry *e = currentEntry();
    if (!e)
        return;
    GatewayProfile &p = e->profile;
    const GatewayProfile before = p;
    p.name = m_ui->nameEdit->text();
    p.baseUrl = QUrl(m_ui->urlEdit->text().trimmed(), QUrl::StrictMode);
    p.authMode = static_cast<AuthMode>(m_ui->authCombo->currentData().toInt());
    p.customHeaderName = m_ui->headerNameEdit->text().trimmed();
    p.provider = m_ui->providerEdit->text().trimmed();
    const auto route = static_cast<RouteStyle>(m_ui->routeCombo->currentData().toInt());
    if (route != p.routeStyle) {
        p.routeStyle = route;
        p.detectedRoute = RouteStyle::Auto; // detect again
    }
    p.timeoutMs = m_ui->timeoutSpin->value() * 1000;
    p.caBundlePath = m_ui->caEdit->text().trimmed();
    if (!(p == before)) {
        e->dirty = true;
        refreshListItem(m_ui->profileList->currentRow());
    }
    revalidate();
}

void ProfilesDialog::updateAuthRows()
{
    const auto mode = static_cast<AuthMode>(m_ui->authCombo->currentData().toInt());
    const bool editing = currentEntry() != nullptr;
    m_ui->formLayout->setRowVisible(m_ui->headerNameEdit,
                                    editing && mode == AuthMode::CustomHeader);
    m_ui->formLayout->setRowVisible(m_ui->secretLayout, editing && mode != AuthMode::None);
    updateSecretNote();
}

QString ProfilesDialog::validate(const GatewayProfile &profile, const QList<GatewayProfile> &others)
{
    const QString name = profile.name.trimmed();
    if (name.isEmpty())
        return tr("Give the profile a name.");
    for (const GatewayProfile &other : others) {
        if (other.id != profile.id && other.name.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return tr("Another profile is already called “%1”.").arg(name);
    }
    const QUrl &url = profile.baseUrl;
    if (url.isEmpty())
        return tr("Enter the gateway's base URL, e.g. http://localhost:8080.");
    if (!url.isValid())
        return tr("The base URL is not a valid URL: %1").arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return tr("The base URL must start with http:// or https://.");
    if (url.host().isEmpty())
        return tr("The base URL has no host name.");
    if (!url.password().isEmpty() || !url.userName().isEmpty())
        return tr("Do not put credentials in the URL: enter the key in the Key field, where "
                  "it is kept in the keychain.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The base URL must not have a query (?…) or fragment (#…).");
    if (profile.authMode == AuthMode::CustomHeader) {
        const QString header = profile.customHeaderName.trimmed();
        if (header.isEmpty())
            return tr("Enter the name of the header that carries the key.");
        if (!std::all_of(header.cbegin(), header.cend(), isTokenChar))
            return tr("“%1” is not a valid header name: use letters, digits and - only.")
                    .arg(header);
        static const QStringList reserved{QStringLiteral("host"),
                                          QStringLiteral("content-length"),
                                          QStringLiteral("content-type"),
                                          QStringLiteral("accept"),
                                          QStringLiteral("connection"),
                                          QStringLiteral("transfer-encoding"),
                                          QStringLiteral("x-model-provider")};
        if (reserved.contains(header.toLower()))
            return tr("The header %1 is set by batchwatch itself; choose another one.").arg(header);
    }
    if (!profile.provider.isEmpty()
        && !std::all_of(profile.provider.cbegin(), profile.provider.cend(), isTokenChar))
        return tr("The provider “%1” contains characters a header value cannot carry.")
                .arg(profile.provider);
    if (profile.timeoutMs < 1000)
        return tr("The timeout must be at least one second.");
    if (!profile.caBundlePath.isEmpty()) {
        const QFileInfo ca(profile.caBundlePath);
        if (!ca.exists())
            return tr("The CA bundle %1 does not exist.").arg(profile.caBundlePath);
        if (!ca.isFile() || !ca.isReadable())
            return tr("The CA bundle %1 cannot be read.").arg(profile.caBundlePath);
    }
    return {};
}

void ProfilesDialog::revalidate()
{
    const QString message = validationMessage();
    m_ui->validationLabel->setText(message);
    m_ui->validationLabel->setVisible(!message.isEmpty());
    QPalette pal = m_ui->validationLabel->palette();
    pal.setColor(QPalette::WindowText, StatusPresentation::color(StatusGroup::Failed, palette()));
    m_ui->validationLabel->setPalette(pal);
    m_ui->testButton->setEnabled(currentEntry() && message.isEmpty() && !m_testing && m_nam);
}

QString ProfilesDialog::validationMessage() const
{
    const Entry *e = currentEntry();
    return e ? validate(e->profile, profiles()) : QString();
}

QString ProfilesDialog::secretNote() const
{
    return m_ui->secretNoteLabel->text();
}

void ProfilesDialog::updateSecretNote()
{
    QStringList parts;
    if (m_secrets && !m_secrets->isPersistent()) {
        const QString note = m_secrets->persistenceNote();
        parts << (note.isEmpty() ? sessionOnlySecretNote() : note);
    }
    if (!m_secretReadError.isEmpty())
        parts << m_secretReadError;
    if (!m_secretWriteError.isEmpty())
        parts << m_secretWriteError;
    // A keychain that is missing or failing is a warning (with its sign, so it reads as one
    // without colour); a missing key is only a remark.
    const bool warning = !parts.isEmpty();
    if (const Entry *e = currentEntry();
        e && e->profile.authMode != AuthMode::None && e->secretLoaded && e->secret.isEmpty())
        parts << tr("No key entered: requests are sent without one.");
    const QString text = parts.join(u' ');
    m_ui->secretNoteLabel->setText(text);
    const int em = fontMetrics().height();
    m_ui->secretNoteIcon->setPixmap(
            warning ? StatusPresentation::signIcon(SignIcon::Warning, palette())
                              .pixmap(QSize(em, em), devicePixelRatioF())
                    : QPixmap());
    m_ui->secretNoteIcon->setVisible(warning);
    const auto mode = static_cast<AuthMode>(m_ui->authCombo->currentData().toInt());
    m_ui->secretNoteBox->setVisible(!text.isEmpty() && mode != AuthMode::None
                                    && currentEntry() != nullptr);
    if (isVisible())
        fitHeightToWidth(this);
}

bool ProfilesDialog::apply()
{
    const QList<GatewayProfile> all = profiles();
    for (int i = 0; i < m_entries.size(); ++i) {
        const QString problem = validate(m_entries.at(i).profile, all);
        if (!problem.isEmpty()) {
            m_ui->profileList->setCurrentRow(i);
            revalidate();
            return false;
        }
    }
    if (!m_store)
        return false;

    if (!m_removedIds.isEmpty()) {
        QStringList names;
        const QList<GatewayProfile> stored = m_store->profiles();
        for (const GatewayProfile &p : stored) {
            if (m_removedIds.contains(p.id))
                names << p.name;
        }
        if (!names.isEmpty() && m_confirmRemoval && !m_confirmRemoval(names))
            return false;
        for (const QString &id : std::as_const(m_removedIds)) {
            if (!m_store->removeProfile(id)) {
                m_ui->validationLabel->setText(
                        tr("The profile could not be deleted: %1").arg(m_store->lastError()));
                m_ui->validationLabel->setVisible(true);
                return false;
            }
            Q_EMIT profileRemoved(id);
            if (m_secrets) {
                ++m_pendingSecretWrites;
                m_secrets->removeSecret(id, this, [this](const SecretResult &) {
                    // A key that was not there, or could not be removed, does no harm here.
                    if (--m_pendingSecretWrites == 0)
                        writeSecrets();
                });
            }
        }
        m_removedIds.clear();
    }

    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &e = m_entries[i];
        if (!e.dirty)
            continue;
        GatewayProfile saved = e.profile;
        saved.name = saved.name.trimmed();
        if (!m_store->saveProfile(saved)) {
            m_ui->profileList->setCurrentRow(i);
            m_ui->validationLabel->setText(
                    tr("The profile could not be saved: %1").arg(m_store->lastError()));
            m_ui->validationLabel->setVisible(true);
            return false;
        }
        e.profile = saved;
        e.dirty = false;
        e.isNew = false;
        refreshListItem(i);
        Q_EMIT profileSaved(saved);
    }

    m_secretWriteFailed = false;
    m_secretWriteError.clear();
    if (m_pendingSecretWrites == 0)
        writeSecrets();
    return true;
}

void ProfilesDialog::writeSecrets()
{
    QList<QPair<QString, QString>> writes;
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.secretDirty)
            writes.append(
                    {e.profile.id, e.profile.authMode == AuthMode::None ? QString() : e.secret});
    }
    SecretStore *secrets = m_secrets.data();
    if (writes.isEmpty() || !secrets) {
        Q_EMIT secretsWritten(!m_secretWriteFailed);
        if (m_closeWhenWritten && !m_secretWriteFailed)
            QDialog::accept();
        m_closeWhenWritten = false;
        m_ui->buttonBox->setEnabled(true);
        return;
    }
    m_pendingSecretWrites = int(writes.size());
    for (const auto &[id, secret] : std::as_const(writes)) {
        secrets->writeSecret(id, secret, this, [this, id](const SecretResult &result) {
            const int row = rowOfId(id);
            if (result.ok()) {
                if (row >= 0) {
                    m_entries[row].secretDirty = false;
                    refreshListItem(row);
                }
                Q_EMIT secretChanged(id);
            } else {
                m_secretWriteFailed = true;
                m_secretWriteError = tr("The key could not be stored: %1").arg(result.errorText);
            }
            updateSecretNote();
            if (--m_pendingSecretWrites > 0)
                return;
            Q_EMIT secretsWritten(!m_secretWriteFailed);
            if (m_closeWhenWritten && !m_secretWriteFailed)
                QDialog::accept();
            m_closeWhenWritten = false;
            m_ui->buttonBox->setEnabled(true);
        });
    }
}

void ProfilesDialog::accept()
{
    if (!apply())
        return;
    if (m_pendingSecretWrites == 0) {
        if (!m_secretWriteFailed)
            QDialog::accept();
        return;
    }
    // Close once the keychain has answered every write.
    m_closeWhenWritten = true;
    m_ui->buttonBox->setEnabled(false);
}

// ---- Test connection -------------------------------------------------------------------

void ProfilesDialog::addTestLine(TestLine::Outcome outcome, const QString &text)
{
    m_testLines.append({outcome, text});
    if (outcome == TestLine::Outcome::Failed)
        m_testFailed = true;
    auto *item = new QListWidgetItem(text, m_ui->testResults);
    switch (outcome) {
    case TestLine::Outcome::Ok:
        item->setIcon(StatusPresentation::icon(StatusGroup::Completed, palette()));
        break;
    case TestLine::Outcome::Warning:
        item->setIcon(StatusPresentation::signIcon(SignIcon::Warning, palette()));
        break;
    case TestLine::Outcome::Failed:
        item->setIcon(StatusPresentation::icon(StatusGroup::Failed, palette()));
        break;
    }
    item->setToolTip(text);
}

void ProfilesDialog::testConnection()
{
    if (m_testing || !m_nam)
        return;
    const Entry *e = currentEntry();
    if (!e)
        return;
    m_ui->testResults->clear();
    m_testLines.clear();
    m_testFailed = false;
    const QString problem = validate(e->profile, profiles());
    if (!problem.isEmpty()) {
        addTestLine(TestLine::Outcome::Failed, tr("Fix the profile first: %1").arg(problem));
        Q_EMIT testFinished(false);
        return;
    }

    if (m_testClient) {
        m_testClient->abortAll();
        m_testClient->deleteLater();
    }
    GatewayProfile profile = e->profile;
    if (profile.routeStyle == RouteStyle::Auto)
        profile.detectedRoute = RouteStyle::Auto; // probe afresh
    m_testClient = new GatewayClient(m_nam, this);
    m_testClient->setProfile(profile);
    if (profile.authMode != AuthMode::None)
        m_testClient->setSecret(m_ui->secretEdit->text());
    m_testProfileId = profile.id;
    m_testDetectedRoute.reset();
    connect(m_testClient, &GatewayClient::routeDetected, this,
            [this](RouteStyle style) { m_testDetectedRoute = style; });

    m_testing = true;
    m_ui->testButton->setEnabled(false);
    m_ui->testButton->setText(tr("Testing…"));

    m_testClient->health(this, [this](const Expected<HealthResult> &result) {
        if (!result) {
            const GatewayError &error = result.error();
            if (error.kind == GatewayError::Kind::Cancelled) {
                finishTest();
                return;
            }
            if (error.isUnreachable()) {
                addTestLine(TestLine::Outcome::Failed,
                            tr("Not reachable: %1").arg(error.describe()));
                finishTest();
                return;
            }
            if (error.kind == GatewayError::Kind::Http && error.httpStatus == 404) {
                addTestLine(TestLine::Outcome::Ok,
                            tr("Reachable: the gateway answered (it has no /health route)."));
            } else {
                addTestLine(
                        TestLine::Outcome::Warning,
                        tr("Reachable, but /health reports a problem: %1").arg(error.describe()));
            }
        } else if (result->status.compare(QLatin1String("ok"), Qt::CaseInsensitive) == 0) {
            addTestLine(TestLine::Outcome::Ok, tr("Reachable: /health answered “ok”."));
        } else {
            addTestLine(TestLine::Outcome::Warning,
                        tr("Reachable, but /health answered “%1”.").arg(result->status));
        }
        testList();
    });
}

void ProfilesDialog::testList()
{
    GatewayClient *client = m_testClient.data();
    if (!client) {
        finishTest();
        return;
    }
    ListQuery query;
    query.maxResults = 100;
    const AuthMode mode = client->profile().authMode;
    client->listPage(query, this, [this, mode](const Expected<ListPage> &result) {
        if (!result) {
            const GatewayError &error = result.error();
            if (error.kind == GatewayError::Kind::Cancelled) {
                finishTest();
                return;
            }
            if (error.isAuthFailure()) {
                addTestLine(TestLine::Outcome::Failed,
                            mode == AuthMode::None
                                    ? tr("The gateway needs a key: %1").arg(error.describe())
                                    : tr("Authentication refused: %1").arg(error.describe()));
                finishTest();
                return;
            }
            if (error.isUnreachable()) {
                addTestLine(TestLine::Outcome::Failed,
                            tr("Listing jobs failed: %1").arg(error.describe()));
                finishTest();
                return;
            }
            const bool unsupported = error.kind == GatewayError::Kind::Http
                                     && (error.httpStatus == 404 || error.httpStatus == 405
                                         || error.httpStatus == 501);
            addTestLine(TestLine::Outcome::Warning,
                        unsupported ? tr("This gateway does not list jobs (%1). Jobs can still "
                                         "be added by id.")
                                              .arg(error.describe())
                                    : tr("Listing jobs failed: %1").arg(error.describe()));
            testRoute({});
            return;
        }
        addTestLine(TestLine::Outcome::Ok, mode == AuthMode::None
                                                   ? tr("Access granted without a key.")
                                                   : tr("Authentication accepted."));
        const qsizetype n = result->jobs.size();
        const bool more = result->nextToken.has_value();
        QString jobs;
        if (n == 0)
            jobs = tr("No jobs are visible with this profile yet.");
        else if (n == 1)
            jobs = more ? tr("1 job visible on the first page; there are more.")
                        : tr("1 job visible.");
        else
            jobs = more ? tr("%1 jobs visible on the first page; there are more.").arg(n)
                        : tr("%1 jobs visible.").arg(n);
        addTestLine(TestLine::Outcome::Ok, jobs);
        QString probe;
        for (const ParsedJob &parsed : result->jobs) {
            if (parsed.job.jobArn && !parsed.job.jobArn->isEmpty()) {
                probe = *parsed.job.jobArn;
                break;
            }
        }
        testRoute(probe);
    });
}

void ProfilesDialog::testRoute(const QString &identifier)
{
    GatewayClient *client = m_testClient.data();
    if (!client) {
        finishTest();
        return;
    }
    const QString id = identifier.isEmpty() ? QString::fromLatin1(kProbeIdentifier) : identifier;
    const RouteStyle configured = client->profile().routeStyle;
    client->retrieve(id, this, [this, configured](const Expected<RetrieveResult> &result) {
        if (!result && result.error().kind == GatewayError::Kind::Cancelled) {
            finishTest();
            return;
        }
        std::optional<RouteStyle> route = m_testDetectedRoute;
        if (result)
            route = result->routeUsed;
        const bool answered = result || result.error().isNotFound();
        if (configured == RouteStyle::Auto) {
            if (route && *route != RouteStyle::Auto && answered) {
                addTestLine(TestLine::Outcome::Ok,
                            tr("Route style detected: %1.").arg(routeWords(*route)));
                const int row = rowOfId(m_testProfileId);
                if (row >= 0 && m_entries.at(row).profile.detectedRoute != *route) {
                    m_entries[row].profile.detectedRoute = *route;
                    m_entries[row].dirty = true;
                    refreshListItem(row);
                }
            } else {
                addTestLine(TestLine::Outcome::Warning,
                            tr("The route style could not be detected: %1")
                                    .arg(result ? tr("no route answered with a job")
                                                : result.error().describe()));
            }
        } else if (answered) {
            addTestLine(TestLine::Outcome::Ok,
                        tr("The %1 route answers as expected.").arg(routeWords(configured)));
        } else {
            addTestLine(TestLine::Outcome::Failed,
                        tr("The %1 route did not answer with a job: %2")
                                .arg(routeWords(configured), result.error().describe()));
        }
        finishTest();
    });
}

void ProfilesDialog::finishTest()
{
    if (!m_testing)
        return;
    m_testing = false;
    m_ui->testButton->setText(tr("T&est Connection"));
    if (!m_testLines.isEmpty()) {
        addTestLine(m_testFailed ? TestLine::Outcome::Failed : TestLine::Outcome::Ok,
                    m_testFailed ? tr("The connection does not work yet.")
                                 : tr("The connection works."));
    }
    if (m_testClient)
        m_testClient->deleteLater();
    m_testClient = nullptr;
    revalidate();
    Q_EMIT testFinished(!m_testFailed);
}

void ProfilesDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeightToWidth(this);
}

} // namespace bw
