#include "dialogs/profilesdialog.h"

#include "dialogs/dialogsizing.h"
#include "presentation/statuspresentation.h"
#include "store/jobstore.h"
#include "store/secretstore.h"
#include "ui_profilesdialog.h"
#include "wire/gatewayclient.h"

#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTimer>
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

// A word-wrapped label asks for the height of its text at the width it has. A box layout only
// learns a label's height for its width when asked for heightForWidth, which the splitter and
// the dialog never do: without this the pane would give the note the height it needs and
// squeeze the form above it instead of growing the dialog.
bool fitWrappedHeight(QLabel *label)
{
    if (!label->wordWrap() || label->width() <= 0)
        return false;
    // heightForWidth() never answers less than the label's minimum height: ask without it.
    const int before = label->minimumHeight();
    label->setMinimumHeight(0);
    const int need
            = label->text().isEmpty() ? 0 : std::max(0, label->heightForWidth(label->width()));
    label->setMinimumHeight(need);
    // And no taller: its size hint guesses its lines at a width of its own.
    label->setMaximumHeight(need > 0 ? need : QWIDGETSIZE_MAX);
    return need != before;
}

// The providers offered as checkboxes, in the order they are listed and saved; any other goes
// in the free field.
const QStringList &knownProviders()
{
    static const QStringList providers{QStringLiteral("bedrock"), QStringLiteral("openai"),
                                       QStringLiteral("anthropic"), QStringLiteral("gemini")};
    return providers;
}

} // namespace

ProfilesDialog::ProfilesDialog(JobStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfilesDialog>())
    , m_store(store)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_test(new ConnectionTest(nam, this))
{
    m_ui->setupUi(this);
    const int em = fontMetrics().height();

    // Each choice readable whole: the form asks for the width of the longest.
    m_ui->authCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ui->routeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ui->authCombo->addItem(tr("None"), int(AuthMode::None));
    m_ui->authCombo->addItem(tr("Bearer token (Authorization header)"), int(AuthMode::Bearer));
    m_ui->authCombo->addItem(tr("Bifrost virtual key (x-bf-vk header)"), int(AuthMode::VirtualKey));
    m_ui->authCombo->addItem(tr("Custom header"), int(AuthMode::CustomHeader));
    m_ui->routeCombo->addItem(tr("Detect automatically"), int(RouteStyle::Auto));
    // The path in the choice, who serves it in the tooltip: the whole choice stays readable in
    // the narrower form of a small screen.
    m_ui->routeCombo->addItem(tr("Plural: …/model-invocation-jobs/{id}"), int(RouteStyle::Plural));
    m_ui->routeCombo->setItemData(
            m_ui->routeCombo->count() - 1,
            tr("GET /bedrock/model-invocation-jobs/{id}, as in the published document"),
            Qt::ToolTipRole);
    m_ui->routeCombo->addItem(tr("Singular: …/model-invocation-job/{id}"),
                              int(RouteStyle::Singular));
    m_ui->routeCombo->setItemData(m_ui->routeCombo->count() - 1,
                                  tr("GET /bedrock/model-invocation-job/{id}, as AWS Bedrock and "
                                     "Bifrost serve it"),
                                  Qt::ToolTipRole);
    m_ui->newButton->setIcon(StatusPresentation::actionIcon(ActionIcon::Add, palette()));
    m_ui->deleteButton->setIcon(StatusPresentation::actionIcon(ActionIcon::Remove, palette()));
    m_ui->testResults->setIconSize(QSize(em, em));
    m_ui->testResults->viewport()->setAutoFillBackground(false);
    m_ui->testResults->setWordWrap(true);
    m_ui->testResults->setTextElideMode(Qt::ElideNone);
    fitTestResults();
    connect(m_test, &ConnectionTest::stepAdded, this, &ProfilesDialog::onTestStep);
    connect(m_test, &ConnectionTest::finished, this, &ProfilesDialog::finishTest);
    for (QLabel *label : {m_ui->emptyHintLabel, m_ui->secretNoteLabel, m_ui->validationLabel})
        label->installEventFilter(this);
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
            updateSecretNote(); // "No key entered" goes once there is one, and comes back
        }
    });
    connect(m_ui->showSecretCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_ui->secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->providerEdit, &QLineEdit::textEdited, this, edited);
    for (QCheckBox *check : providerChecks())
        connect(check, &QCheckBox::toggled, this, edited);
    connect(m_ui->otherProvidersEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->routeCombo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_ui->timeoutSpin, &QSpinBox::valueChanged, this, edited);
    m_ui->rateSpin->setMaximum(GatewayProfile::kMaxRequestsPerSecond);
    const auto rateSuffix = [this](int perSecond) {
        // Two whole phrases rather than a plural form: English has no translation file.
        m_ui->rateSpin->setSuffix(perSecond == 1 ? tr(" request per second", "after 1")
                                                 : tr(" requests per second", "after a number"));
    };
    rateSuffix(m_ui->rateSpin->value());
    connect(m_ui->rateSpin, &QSpinBox::valueChanged, this, rateSuffix);
    connect(m_ui->rateSpin, &QSpinBox::valueChanged, this, edited);
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
                                     : tr("Delete %n profile(s): %1?", nullptr, int(names.size()))
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

    m_sessionOnlyNotice = [this](const QStringList &names) {
        // Not modal, and owned by the window behind the dialog: OK still closes the dialog at
        // once, and the notice stays readable after it.
        auto *box = new QMessageBox(QMessageBox::Information, tr("Key Not Saved"),
                                    names.size() == 1
                                            ? tr("The key of “%1” is kept for this session only.")
                                                      .arg(names.constFirst())
                                            : tr("The keys of %1 are kept for this session only.")
                                                      .arg(names.join(QStringLiteral(", "))),
                                    QMessageBox::Ok, parentWidget());
        box->setInformativeText(tr("No keychain service is running, and batchwatch never writes "
                                   "keys to disk. After a restart you will be asked for the key "
                                   "again."));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal);
        box->show();
    };

    setWindowIcon(StatusPresentation::actionIcon(ActionIcon::Profile, palette()));
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().lineSpacing() * 30);
    loadProfiles();
}

ProfilesDialog::~ProfilesDialog()
{
    m_test->disconnect(this);
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
    m_test->abort();
    m_ui->testResults->clear();
    m_testLines.clear();

    m_loadingForm = true;
    const Entry e = valid ? m_entries.at(row) : Entry{};
    m_ui->nameEdit->setText(e.profile.name);
    m_ui->urlEdit->setText(valid ? e.profile.baseUrl.toString() : QString());
    m_ui->authCombo->setCurrentIndex(m_ui->authCombo->findData(int(e.profile.authMode)));
    m_ui->headerNameEdit->setText(e.profile.customHeaderName);
    m_ui->providerEdit->setText(e.profile.provider);
    const QStringList providers = GatewayProfile::normalisedProviders(e.profile.providers);
    const QList<QCheckBox *> checks = providerChecks();
    for (qsizetype i = 0; i < checks.size(); ++i)
        checks.at(i)->setChecked(providers.contains(knownProviders().at(i)));
    QStringList others = providers;
    others.removeIf([](const QString &p) { return knownProviders().contains(p); });
    m_ui->otherProvidersEdit->setText(others.join(QStringLiteral(", ")));
    m_providerAnswers.clear();
    showProviderAnswers();
    m_ui->routeCombo->setCurrentIndex(m_ui->routeCombo->findData(int(e.profile.routeStyle)));
    m_ui->timeoutSpin->setValue(std::max(1, (e.profile.timeoutMs + 999) / 1000));
    m_ui->rateSpin->setValue(e.profile.maxRequestsPerSecond);
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
    QStringList providers;
    const QList<QCheckBox *> checks = providerChecks();
    for (qsizetype i = 0; i < checks.size(); ++i) {
        if (checks.at(i)->isChecked())
            providers.append(knownProviders().at(i));
    }
    // Lower-cased and without repeats; what is left invalid is reported by validate().
    p.providers = GatewayProfile::normalisedProviders(
            providers + m_ui->otherProvidersEdit->text().split(u','));
    const auto route = static_cast<RouteStyle>(m_ui->routeCombo->currentData().toInt());
    if (route != p.routeStyle) {
        p.routeStyle = route;
        p.detectedRoute = RouteStyle::Auto; // detect again
    }
    p.timeoutMs = m_ui->timeoutSpin->value() * 1000;
    p.maxRequestsPerSecond = m_ui->rateSpin->value();
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
    const QList<ProfileProblem> problems = profile.validate(others);
    return problems.isEmpty() ? QString() : problems.constFirst().message;
}

void ProfilesDialog::revalidate()
{
    const QString message = validationMessage();
    m_ui->validationLabel->setText(message);
    fitWrappedHeight(m_ui->validationLabel);
    m_ui->validationLabel->setVisible(!message.isEmpty());
    QPalette pal = m_ui->validationLabel->palette();
    pal.setColor(QPalette::WindowText, StatusPresentation::color(StatusGroup::Failed, palette()));
    m_ui->validationLabel->setPalette(pal);
    m_ui->testButton->setEnabled(currentEntry() && message.isEmpty() && !m_test->isRunning()
                                 && m_nam);
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
    // The form's auth mode, not the entry's: this runs before readForm() when it changes.
    const auto mode = static_cast<AuthMode>(m_ui->authCombo->currentData().toInt());
    if (const Entry *e = currentEntry();
        e && mode != AuthMode::None && e->secretLoaded && e->secret.isEmpty())
        parts << tr("No key entered: requests are sent without one.");
    const QString text = parts.join(u' ');
    m_ui->secretNoteLabel->setText(text);
    fitWrappedHeight(m_ui->secretNoteLabel);
    const int em = fontMetrics().height();
    m_ui->secretNoteIcon->setPixmap(
            warning ? StatusPresentation::signIcon(SignIcon::Warning, palette())
                              .pixmap(QSize(em, em), devicePixelRatioF())
                    : QPixmap());
    m_ui->secretNoteIcon->setVisible(warning);
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
    m_sessionOnlyNames.clear();
    for (const auto &[id, secret] : std::as_const(writes)) {
        const bool hasKey = !secret.isEmpty();
        secrets->writeSecret(id, secret, this, [this, id, hasKey](const SecretResult &result) {
            const int row = rowOfId(id);
            if (result.ok() && hasKey && !result.persistent && row >= 0)
                m_sessionOnlyNames << m_entries.at(row).profile.name;
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
            // Said on saving, not only when the dialog is opened again (issue 10 item 6).
            if (!m_sessionOnlyNames.isEmpty() && m_sessionOnlyNotice)
                m_sessionOnlyNotice(std::exchange(m_sessionOnlyNames, {}));
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
    // The results panel grows with its lines (up to a third of the screen), so that no
    // sentence hides in a tiny scroll area.
    fitTestResults();
}

void ProfilesDialog::fitTestResults()
{
    QListWidget *list = m_ui->testResults;
    const int em = fontMetrics().height();
    const int rowHeight = std::max(list->sizeHintForRow(0), fontMetrics().lineSpacing());
    // Each line at its own height: a long sentence wraps to two.
    int linesHeight = 0;
    for (int row = 0; row < list->count(); ++row)
        linesHeight += std::max(list->sizeHintForRow(row), rowHeight);
    linesHeight += std::max(0, 5 - list->count()) * rowHeight;
    // A line's wrapped height is only known at its final width: one line of slack.
    const int wanted = linesHeight + rowHeight + 2 * list->frameWidth() + em / 2;
    // Room for every line of a test of the four usual providers (12) even on a small screen.
    const int cap = std::max(12 * rowHeight, screen() ? screen()->availableGeometry().height() / 3
                                                      : 20 * rowHeight);
    list->setMinimumHeight(std::min(wanted, cap));
    if (isVisible())
        fitHeightToWidth(this);
}

void ProfilesDialog::testConnection()
{
    if (m_test->isRunning() || !m_nam)
        return;
    const Entry *e = currentEntry();
    if (!e)
        return;
    m_ui->testResults->clear();
    m_testLines.clear();
    const QString problem = validate(e->profile, profiles());
    if (!problem.isEmpty()) {
        addTestLine(TestLine::Outcome::Failed, tr("Fix the profile first: %1").arg(problem));
        Q_EMIT testFinished(false);
        return;
    }
    m_testProfileId = e->profile.id;
    m_providerAnswers.clear();
    showProviderAnswers();
    m_ui->testButton->setEnabled(false);
    m_ui->testButton->setText(tr("Testing…"));
    // The words are the core's (ConnectionTest), the same `batchwatch-cli test-connection` prints.
    m_test->start(e->profile,
                  e->profile.authMode != AuthMode::None ? m_ui->secretEdit->text() : QString());
}

void ProfilesDialog::onTestStep(const ConnectionTest::Step &step)
{
    if (step.check == ConnectionTest::Check::Native) {
        // The result lists grew by the providers this step is about.
        const ConnectionTest::Result &r = m_test->result();
        for (const QString &p : r.nativeProviders) {
            if (!m_providerAnswers.contains(p))
                m_providerAnswers.insert(p, {true, false, step.text});
        }
        const bool bedrockRoute = r.jobsVisible.has_value() || r.detectedRoute.has_value();
        for (const QString &p : r.nativeProvidersFailed) {
            if (!m_providerAnswers.contains(p))
                m_providerAnswers.insert(
                        p, {false, bedrockRoute && p == QLatin1StringView("bedrock"), step.text});
        }
        showProviderAnswers();
    }
    switch (step.outcome) {
    case ConnectionTest::Outcome::Ok:
        addTestLine(TestLine::Outcome::Ok, step.text);
        break;
    case ConnectionTest::Outcome::Warning:
        addTestLine(TestLine::Outcome::Warning, step.text);
        break;
    case ConnectionTest::Outcome::Failed:
        addTestLine(TestLine::Outcome::Failed, step.text);
        break;
    }
}

void ProfilesDialog::finishTest(bool ok)
{
    m_ui->testButton->setText(tr("T&est Connection"));
    // A route style the test detected is kept with the profile.
    const std::optional<RouteStyle> route = m_test->result().detectedRoute;
    const int row = rowOfId(m_testProfileId);
    if (route && *route != RouteStyle::Auto && row >= 0
        && m_entries.at(row).profile.routeStyle == RouteStyle::Auto
        && m_entries.at(row).profile.detectedRoute != *route) {
        m_entries[row].profile.detectedRoute = *route;
        m_entries[row].dirty = true;
        refreshListItem(row);
    }
    revalidate();
    Q_EMIT testFinished(ok);
}

QList<QCheckBox *> ProfilesDialog::providerChecks() const
{
    return {m_ui->bedrockCheck, m_ui->openaiCheck, m_ui->anthropicCheck, m_ui->geminiCheck};
}

QString ProfilesDialog::providerAnswer(const QString &provider) const
{
    const auto it = m_providerAnswers.constFind(provider);
    if (it == m_providerAnswers.cend())
        return {};
    if (it->answered)
        return tr("answers");
    return it->bedrockRouteOnly ? tr("Bedrock route", "answers only the Bedrock-format route")
                                : tr("no answer");
}

void ProfilesDialog::showProviderAnswers()
{
    const auto show = [this](QLabel *label, const QStringList &providers) {
        QStringList words;
        QStringList sentences;
        bool allAnswered = true;
        bool anyFailed = false;
        for (const QString &p : providers) {
            const auto it = m_providerAnswers.constFind(p);
            if (it == m_providerAnswers.cend())
                continue;
            allAnswered = allAnswered && it->answered;
            anyFailed = anyFailed || (!it->answered && !it->bedrockRouteOnly);
            words.append(providers.size() > 1 ? tr("%1 %2").arg(p, providerAnswer(p))
                                              : providerAnswer(p));
            if (!sentences.contains(it->sentence))
                sentences.append(it->sentence);
        }
        label->setText(words.join(QStringLiteral(", ")));
        label->setToolTip(sentences.join(u'\n'));
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText,
                     anyFailed     ? StatusPresentation::color(StatusGroup::Failed, palette())
                     : allAnswered ? StatusPresentation::color(StatusGroup::Completed, palette())
                                   : palette().color(QPalette::WindowText));
        label->setPalette(pal);
    };
    const QList<QLabel *> labels{m_ui->bedrockAnswer, m_ui->openaiAnswer, m_ui->anthropicAnswer,
                                 m_ui->geminiAnswer};
    for (qsizetype i = 0; i < labels.size(); ++i)
        show(labels.at(i), {knownProviders().at(i)});
    QStringList others = m_providerAnswers.keys();
    others.removeIf([](const QString &p) { return knownProviders().contains(p); });
    others.sort();
    show(m_ui->otherProvidersAnswer, others);
}

bool ProfilesDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        auto *label = qobject_cast<QLabel *>(watched);
        // The label's height changed with its width: the dialog grows when the form would
        // otherwise be squeezed (once the layout has taken the new minimum).
        if (label && fitWrappedHeight(label) && isVisible())
            QTimer::singleShot(0, this, [this] { fitHeightToWidth(this); });
    }
    return QDialog::eventFilter(watched, event);
}

void ProfilesDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_widthFitted) {
        m_widthFitted = true;
        fitWidth();
    }
    fitHeightToWidth(this);
}

void ProfilesDialog::fitWidth()
{
    // On its first show the splitter shares its width by the panes' size hints: the list pane
    // asks for its row of buttons or a list view's fixed 256 px, and the form got what was left
    // of the dialog — too little for "Bearer-Token (Authorization-Header)" or a German
    // placeholder. Setting the sizes earlier does not help: that first show replaces them. So
    // here, once shown: the dialog grows to hold the list at its least and the form at the
    // width its fields ask for (within the screen), and the form gets every pixel beyond the
    // list's least.
    fitPlaceholders(this);
    QSplitter *splitter = m_ui->splitter;
    const int list = std::max(m_ui->listPane->minimumSizeHint().width(),
                              m_ui->profileList->minimumWidth());
    const int form = m_ui->editorPane->sizeHint().width();
    const int outside = width() - splitter->width();
    int wanted = outside + list + splitter->handleWidth() + form;
    if (screen())
        wanted = std::min(wanted,
                          screen()->availableGeometry().width() - 2 * fontMetrics().height());
    if (wanted > width())
        resize(wanted, height());
    if (layout())
        layout()->activate();
    const int total = splitter->width() - splitter->handleWidth();
    splitter->setSizes({list, std::max(0, total - list)});
}

} // namespace bw
