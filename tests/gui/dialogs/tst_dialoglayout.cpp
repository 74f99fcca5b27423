// Every dialog and the welcome panel, in every state a user meets them in, at their default size
// in the light and dark themes and in German: nothing clipped, every input reachable by keyboard
// and named for screen readers, and the dialog fits a 1280×720 screen.
//
// With BATCHWATCH_SHOT_DIR set, each state is also saved there as "<state>-<theme>.png" (e.g.
// profiles-tested-dark.png) for a human to look at, in the high-contrast theme too; nothing is
// written otherwise:
//   QT_QPA_PLATFORM=offscreen BATCHWATCH_SHOT_DIR=/tmp/dialogs ./build/tests/gui/tst_dialoglayout
#include "common/appsettings.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/addjobsdialog.h"
#include "dialogs/dialogsizing.h"
#include "dialogs/exportdialog.h"
#include "dialogs/profilesdialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/stopjobsdialog.h"
#include "presentation/apptheme.h"
#include "presentation/uilanguage.h"
#include "store/jobstore.h"
#include "store/secretstore.h"
#include "tracking/jobmonitor.h"
#include "window/welcomepanel.h"
#include "wire/gatewayclient.h"

#include "gatewaysimulator.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace bw;

namespace {

using Factory = std::function<std::unique_ptr<QWidget>()>;
// Brings a shown widget into the state to look at (a test run, a listing, an answer) and returns
// the window to check and save: usually the widget itself, sometimes a window it opened.
using Settle = std::function<QWidget *(QWidget *)>;

// A screen of 1280×720 less room for a title bar and a panel.
constexpr QSize kSmallScreen(1280, 720 - 60);

// A keychain that works: keys persist, so the dialogs show no session-only note.
class WorkingKeychain : public MemorySecretStore
{
public:
    bool isPersistent() const override { return true; }
    QString persistenceNote() const override { return {}; }
};

ExportInput exportInput(int jobs)
{
    ExportInput input;
    input.profileName = QStringLiteral("Production gateway");
    input.baseUrl = QUrl(QStringLiteral("https://gw.example.com/ai"));
    input.exportedAt = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < jobs; ++i) {
        ExportJob job;
        job.watched.profileId = QStringLiteral("p1");
        job.watched.identifier = QStringLiteral("job%1").arg(i, 9, 10, QLatin1Char('0'));
        job.watched.job.jobName = QStringLiteral("nightly-eval-%1").arg(i);
        job.watched.job.status = Status::fromCode(JobStatus::Completed);
        job.watched.fetchedAt = input.exportedAt;
        input.jobs << job;
    }
    return input;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

// Text that does not fit: a label narrower than its text (unless it wraps), a wrapping label
// shorter than its text needs, a button narrower than its label.
QStringList clippedTexts(QWidget *root)
{
    QStringList problems;
    const auto labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (!label->isVisibleTo(root) || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        if (label->wordWrap()) {
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height() + 1)
                problems << QStringLiteral("label %1 needs %2 px, has %3")
                                    .arg(label->objectName())
                                    .arg(needed)
                                    .arg(label->height());
        } else if (label->sizeHint().width() > label->width() + 1) {
            problems << QStringLiteral("label %1 is %2 px wide, needs %3")
                                .arg(label->objectName())
                                .arg(label->width())
                                .arg(label->sizeHint().width());
        }
    }
    // A choice of a combo box as wide as its field (whichever the user picks), and a
    // placeholder as wide as its line edit.
    const auto combos = root->findChildren<QComboBox *>();
    for (QComboBox *combo : combos) {
        if (!combo->isVisibleTo(root) || combo->isEditable())
            continue;
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.editable = false;
        option.frame = combo->hasFrame();
        const int field = combo->style()
                                  ->subControlRect(QStyle::CC_ComboBox, &option,
                                                   QStyle::SC_ComboBoxEditField, combo)
                                  .width();
        for (int i = 0; i < combo->count(); ++i) {
            const int icon = combo->itemIcon(i).isNull() ? 0 : combo->iconSize().width() + 4;
            const int needed = combo->fontMetrics().horizontalAdvance(combo->itemText(i)) + icon;
            if (needed > field + 1)
                problems << QStringLiteral("combo %1: \"%2\" needs %3 px, has %4")
                                    .arg(combo->objectName(), combo->itemText(i))
                                    .arg(needed)
                                    .arg(field);
        }
    }
    const auto edits = root->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (!edit->isVisibleTo(root) || edit->placeholderText().isEmpty())
            continue;
        if (placeholderWidth(edit) > edit->width() + 1)
            problems << QStringLiteral("line edit %1 is %2 px wide, its placeholder needs %3")
                                .arg(edit->objectName())
                                .arg(edit->width())
                                .arg(placeholderWidth(edit));
    }
    const auto buttons = root->findChildren<QAbstractButton *>();
    for (QAbstractButton *button : buttons) {
        if (!button->isVisibleTo(root) || button->text().isEmpty())
            continue;
        if (button->minimumSizeHint().width() > button->width() + 1)
            problems << QStringLiteral("button \"%1\" is %2 px wide, needs %3")
                                .arg(button->text())
                                .arg(button->width())
                                .arg(button->minimumSizeHint().width());
    }
    return problems;
}

// Inputs a keyboard user cannot reach or a screen reader cannot name.
QStringList unreachableInputs(QWidget *root)
{
    QStringList problems;
    QList<QWidget *> inputs;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w))
            inputs << w;
    }
    for (QWidget *input : std::as_const(inputs)) {
        if (input->parentWidget() && qobject_cast<QAbstractSpinBox *>(input->parentWidget()))
            continue; // the spin box's own line edit
        if (qobject_cast<QComboBox *>(input->parentWidget()))
            continue;
        if (!(input->focusPolicy() & Qt::TabFocus))
            problems << QStringLiteral("%1 cannot be reached with Tab").arg(input->objectName());
        // Named by a buddy label or an accessible name.
        bool named = !input->accessibleName().isEmpty();
        for (QLabel *label : root->findChildren<QLabel *>()) {
            if (label->buddy() == input)
                named = true;
        }
        if (!named)
            problems << QStringLiteral("%1 has no label or accessible name")
                                .arg(input->objectName());
    }
    return problems;
}

} // namespace

class TestDialogLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
        QVERIFY(m_dir.isValid());
        QVERIFY(m_emptyDir.isValid());
        QVERIFY(m_store.open(m_dir.path()));
        QVERIFY(m_emptyStore.open(m_emptyDir.path()));
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.name = QStringLiteral("Production gateway");
        profile.baseUrl = QUrl(QStringLiteral("https://gw.example.com/ai"));
        profile.authMode = AuthMode::VirtualKey;
        profile.provider = QStringLiteral("bedrock");
        profile.timeoutMs = 45000;
        QVERIFY(m_store.saveProfile(profile));
        bool written = false;
        m_keychain.writeSecret(QStringLiteral("p1"), QStringLiteral("sk-bf-1f2e3d4c5b6a"), this,
                               [&written](const SecretResult &) { written = true; });
        QTRY_VERIFY(written);
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("s.ini")));
        m_csvFile = writeFile(m_dir, QStringLiteral("jobs.csv"),
                              "jobName,jobArn,status\n"
                              "nightly-eval,arn:aws:bedrock:eu-west-1:123456789012:model-"
                              "invocation-job/q7w8e9r0t1y2,Completed\n"
                              "weekly-summary,arn:aws:bedrock:eu-west-1:123456789012:model-"
                              "invocation-job/a1s2d3f4g5h6,InProgress\n");
        m_jsonFile = writeFile(m_dir, QStringLiteral("more.json"),
                               R"({"jobs":[{"jobArn":"arn:aws:bedrock:us-east-1:123456789012:)"
                               R"(model-invocation-job/z9x8c7v6b5n4"}]})");
        QVERIFY(m_simulator.start(0));
        GatewayProfile local;
        local.id = QStringLiteral("p2");
        local.name = QStringLiteral("Local simulator");
        local.baseUrl = m_simulator.baseUrl();
        local.providers = {QStringLiteral("bedrock"), QStringLiteral("openai"),
                           QStringLiteral("anthropic"), QStringLiteral("gemini")};
        QVERIFY(m_store.saveProfile(local));
        m_client = std::make_unique<GatewayClient>(&m_nam);
        m_client->setProfile(local);
        // Discover through a monitor: every provider of the profile; two jobs already watched.
        m_monitor = std::make_unique<JobMonitor>(m_client.get(), nullptr);
        m_monitor->useNativeSources(local.providers);
        m_monitor->pause();
        m_monitor->watch({JobIdentifier::parse(m_simulator.jobIds().value(0))});
        for (const sim::NativeBatchInfo &b : m_simulator.nativeBatches()) {
            if (b.provider == u"openai") {
                m_monitor->watch({JobIdentifier::parse(b.id)}, b.provider);
                break;
            }
        }
    }

    void aShortQuestionKeepsItsTitleVisible()
    {
        // Issue 10 item 11: the Remove dialog's title was cut.
        QMessageBox box(QMessageBox::Question, QStringLiteral("Remove from Watch List"),
                        QStringLiteral("Stop watching “a”?"), QMessageBox::Cancel);
        const int before = box.sizeHint().width();
        keepTitleVisible(&box);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        const QFontMetrics fm(box.font());
        QVERIFY(box.width() >= fm.horizontalAdvance(box.windowTitle()) + 6 * fm.height());
        QVERIFY(box.width() > before);
    }

    void nothingIsClippedAtDefaultSize_data()
    {
        QTest::addColumn<Factory>("factory");
        QTest::addColumn<Settle>("settle");
        QTest::addColumn<QString>("theme");
        QTest::addColumn<QString>("language");

        const auto itself = [](QWidget *w) {
            return w;
        };
        const auto stopTargets = [] {
            return QList<StopJobsDialog::Target>{
                    {QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("nightly-eval-2025-03"),
                     Status::fromCode(JobStatus::InProgress)},
                    {QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-"
                                    "job/abcdefabcdef"),
                     // Known as running; the gateway's 409 says it ended (stale knowledge).
                     QString(), Status::fromCode(JobStatus::InProgress)},
                    {QStringLiteral("p0o9i8u7y6t5"), QStringLiteral("weekly-summary"),
                     Status::fromCode(JobStatus::Scheduled)}};
        };
        const auto exportDialog = [this](ExportFormat format) {
            return [this, format] {
                auto d = std::make_unique<ExportDialog>(
                        3, 42,
                        [](ExportDialog::Scope, QObject *, std::function<void(ExportInput)> done) {
                            done(exportInput(3));
                        });
                d->setFormat(format);
                d->suggestDestination(m_dir.path(), QStringLiteral("batchwatch-jobs"));
                return std::unique_ptr<QWidget>(std::move(d));
            };
        };

        const auto aboutDialog = [this](bool keysPersistent) -> Factory {
            return [this, keysPersistent] {
                AboutInfo info;
                info.dataDirectory = m_dir.path();
                info.settingsFile = m_dir.filePath(QStringLiteral("batchwatch.conf"));
                info.keysPersistent = keysPersistent;
                return std::unique_ptr<QWidget>(std::make_unique<AboutDialog>(info));
            };
        };
        // The Profiles dialog showing `profile`, its keys in `secrets`.
        const auto profilesDialog = [this](SecretStore *secrets, const char *profile) -> Factory {
            return [this, secrets, profile] {
                auto d = std::make_unique<ProfilesDialog>(&m_store, secrets, &m_nam);
                d->selectProfile(QString::fromLatin1(profile));
                return std::unique_ptr<QWidget>(std::move(d));
            };
        };
        // The Profiles dialog once its connection test has finished.
        const Settle connectionTested = [](QWidget *w) {
            auto *d = static_cast<ProfilesDialog *>(w);
            QSignalSpy finished(d, &ProfilesDialog::testFinished);
            d->testConnection();
            [&] {
                QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
            }();
            return w;
        };

        const QList<std::tuple<const char *, Factory, Settle>> widgets{
                {"welcome",
                 [] {
                     auto w = std::make_unique<WelcomePanel>();
                     w->resize(w->sizeHint().expandedTo(QSize(900, 600)));
                     return std::unique_ptr<QWidget>(std::move(w));
                 },
                 itself},
                {"about", aboutDialog(true), itself},
                {"about, no keychain", aboutDialog(false), itself},
                {"profiles, empty",
                 [this] {
                     return std::unique_ptr<QWidget>(
                             std::make_unique<ProfilesDialog>(&m_emptyStore, &m_keychain, &m_nam));
                 },
                 itself},
                {"profiles, filled", profilesDialog(&m_keychain, "p1"),
                 [](QWidget *w) {
                     auto *key = w->findChild<QLineEdit *>(QStringLiteral("secretEdit"));
                     [&] {
                         QTRY_VERIFY(!key->text().isEmpty());
                     }();
                     return w;
                 }},
                {"profiles, no keychain", profilesDialog(&m_sessionOnly, "p1"),
                 [](QWidget *w) {
                     auto *d = static_cast<ProfilesDialog *>(w);
                     [&] {
                         QTRY_VERIFY(!d->secretNote().isEmpty());
                     }();
                     return w;
                 }},
                {"profiles, tested", profilesDialog(&m_keychain, "p2"), connectionTested},
                {"profiles, test failed",
                 [this] {
                     auto d = std::make_unique<ProfilesDialog>(&m_store, &m_keychain, &m_nam);
                     d->startNewProfile();
                     auto *url = d->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
                     // A port nothing listens on: refused at once.
                     url->setText(QStringLiteral("http://127.0.0.1:9"));
                     Q_EMIT url->textEdited(url->text());
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 connectionTested},
                {"add jobs, paste",
                 [] {
                     auto d = std::make_unique<AddJobsDialog>(
                             QSet<QString>{QStringLiteral("k3x9p2m7q1ab")});
                     d->setPastedText(QStringLiteral(
                             "k3x9p2m7q1ab\narn:aws:bedrock:us-east-1:123456789012:"
                             "model-invocation-job/abcdefabcdef\nbatch_67d3f1a2b4c5\n"
                             "NOT#VALID\nabcdefabcdef, abcdefabcdef; q1w2e3r4t5y6\n"
                             "arn:aws:s3:::my-bucket/input.jsonl"));
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 itself},
                {"add jobs, empty",
                 [] {
                     return std::unique_ptr<QWidget>(
                             std::make_unique<AddJobsDialog>(QSet<QString>{}));
                 },
                 itself},
                {"add jobs, files",
                 [this] {
                     auto d = std::make_unique<AddJobsDialog>(QSet<QString>{});
                     d->loadFiles({m_csvFile, m_jsonFile,
                                   m_dir.filePath(QStringLiteral("missing.txt"))});
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 itself},
                {"add jobs, discover offline",
                 [] {
                     auto d = std::make_unique<AddJobsDialog>(QSet<QString>{});
                     d->setCurrentTab(AddJobsDialog::DiscoverTab);
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 itself},
                {"add jobs, discover ready",
                 [this] {
                     auto d = std::make_unique<AddJobsDialog>(QSet<QString>{}, m_client.get());
                     d->setCurrentTab(AddJobsDialog::DiscoverTab);
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 itself},
                {"add jobs, discovered",
                 [this] {
                     const QStringList arns = m_simulator.jobArns();
                     auto d = std::make_unique<AddJobsDialog>(
                             QSet<QString>{arns.value(0), arns.value(1)}, m_client.get());
                     d->setCurrentTab(AddJobsDialog::DiscoverTab);
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 [](QWidget *w) {
                     auto *d = static_cast<AddJobsDialog *>(w);
                     QSignalSpy finished(d, &AddJobsDialog::discoverFinished);
                     d->discover();
                     [&] {
                         QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
                     }();
                     auto *view = d->findChild<QTableView *>(QStringLiteral("discoverView"));
                     view->selectRow(2);
                     view->selectionModel()->select(view->model()->index(4, 0),
                                                    QItemSelectionModel::Select
                                                            | QItemSelectionModel::Rows);
                     return w;
                 }},
                {"add jobs, discovered providers",
                 [this] {
                     auto d = std::make_unique<AddJobsDialog>(m_monitor.get());
                     d->setCurrentTab(AddJobsDialog::DiscoverTab); // lists on opening
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 [](QWidget *w) {
                     auto *d = static_cast<AddJobsDialog *>(w);
                     [&] {
                         QTRY_VERIFY_WITH_TIMEOUT(!d->isDiscovering(), 10000);
                     }();
                     auto *view = d->findChild<QTableView *>(QStringLiteral("discoverView"));
                     view->sortByColumn(AddJobsDialog::SubmittedColumn, Qt::DescendingOrder);
                     view->selectRow(1);
                     view->selectionModel()->select(view->model()->index(3, 0),
                                                    QItemSelectionModel::Select
                                                            | QItemSelectionModel::Rows);
                     return w;
                 }},
                {"stop, confirm",
                 [stopTargets] {
                     return std::unique_ptr<QWidget>(std::make_unique<StopJobsDialog>(
                             stopTargets(), [](const QStringList &, QObject *,
                                               StopJobsDialog::ResultCallback) {}));
                 },
                 itself},
                {"stop, one",
                 [] {
                     return std::unique_ptr<QWidget>(std::make_unique<StopJobsDialog>(
                             QList<StopJobsDialog::Target>{
                                     {QStringLiteral("k3x9p2m7q1ab"),
                                      QStringLiteral("nightly-eval-2025-03"),
                                      Status::fromCode(JobStatus::InProgress)}},
                             [](const QStringList &, QObject *, StopJobsDialog::ResultCallback) {
                             }));
                 },
                 itself},
                {"stop, sending",
                 [stopTargets] {
                     auto d = std::make_unique<StopJobsDialog>(
                             stopTargets(),
                             [](const QStringList &, QObject *, StopJobsDialog::ResultCallback) {});
                     d->startStopping();
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 itself},
                {"stop, answered",
                 [stopTargets] {
                     auto d = std::make_unique<StopJobsDialog>(
                             stopTargets(), [](const QStringList &ids, QObject *context,
                                               StopJobsDialog::ResultCallback done) {
                                 StopAck ack;
                                 ack.status = Status::fromCode(JobStatus::Stopping);
                                 GatewayError conflict;
                                 conflict.kind = GatewayError::Kind::Http;
                                 conflict.httpStatus = 409;
                                 conflict.gatewayType = QStringLiteral("ConflictException");
                                 conflict.message = QStringLiteral("Job is already completed");
                                 GatewayError down;
                                 down.kind = GatewayError::Kind::Network;
                                 down.message = QStringLiteral("Connection refused");
                                 QTimer::singleShot(0, context, [=] {
                                     done(ids.at(0), ack);
                                     done(ids.at(1), conflict);
                                     done(ids.at(2), down);
                                 });
                             });
                     d->startStopping();
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 [](QWidget *w) {
                     auto *d = static_cast<StopJobsDialog *>(w);
                     [&] {
                         QTRY_VERIFY(d->isFinished());
                     }();
                     return w;
                 }},
                {"settings",
                 [this] {
                     return std::unique_ptr<QWidget>(
                             std::make_unique<SettingsDialog>(m_settings.get()));
                 },
                 itself},
                {"export, json", exportDialog(ExportFormat::Json), itself},
                {"export, csv", exportDialog(ExportFormat::Csv), itself},
                {"export, html", exportDialog(ExportFormat::Html), itself},
                {"export, pdf", exportDialog(ExportFormat::Pdf), itself},
                {"export, problem",
                 [this] {
                     auto d = std::make_unique<ExportDialog>(
                             0, 42,
                             [](ExportDialog::Scope, QObject *,
                                std::function<void(ExportInput)> done) { done({}); });
                     d->setDestination(m_dir.filePath(QStringLiteral("no/such/folder/jobs.json")));
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 [](QWidget *w) {
                     static_cast<ExportDialog *>(w)->accept();
                     return w;
                 }},
                {"export, collecting",
                 [this] {
                     auto d = std::make_unique<ExportDialog>(
                             3, 42,
                             [](ExportDialog::Scope, QObject *, std::function<void(ExportInput)>) {
                                 // Never answers: the dialog waits for the jobs.
                             });
                     d->setDestination(m_dir.filePath(QStringLiteral("collecting.json")));
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 [](QWidget *w) {
                     static_cast<ExportDialog *>(w)->accept();
                     return w;
                 }},
                {"export, progress",
                 [this] {
                     auto d = std::make_unique<ExportDialog>(
                             0, 5000,
                             [](ExportDialog::Scope, QObject *,
                                std::function<void(ExportInput)> done) {
                                 done(exportInput(5000));
                             });
                     d->setFormat(ExportFormat::Csv);
                     d->setProgressDelay(0);
                     d->setDestination(m_dir.filePath(QStringLiteral("progress.csv")));
                     d->setOverwriteConfirmation([](const QString &) { return true; });
                     return std::unique_ptr<QWidget>(std::move(d));
                 },
                 [](QWidget *w) -> QWidget * {
                     auto *d = static_cast<ExportDialog *>(w);
                     d->accept();
                     // Looked at before the event loop runs again: the export cannot have
                     // finished for the GUI thread yet. The dialog cancels it when destroyed.
                     QProgressDialog *progress = d->progressDialog();
                     if (!progress)
                         return w;
                     progress->show();
                     return progress;
                 }},
        };
        // The high-contrast theme only for pictures a human looks at (it adds a row per state);
        // tst_statuspresentation checks its contrast.
        // And German's longer words in the light theme (issue 14: a German auth choice was cut).
        QList<std::pair<const char *, const char *>> runs{{"light", "en"}, {"dark", "en"}};
        if (qEnvironmentVariableIsSet("BATCHWATCH_SHOT_DIR"))
            runs.append(std::pair("high-contrast", "en"));
        runs.append(std::pair("light", "de"));
        for (const auto &[theme, language] : std::as_const(runs)) {
            for (const auto &[name, factory, settle] : widgets) {
                if (QByteArrayView(name).startsWith("export, ")
                    && QByteArrayView(name).endsWith("pdf")
                    && !ExportDialog::availableFormats().contains(ExportFormat::Pdf))
                    continue;
                if (QByteArrayView(name).endsWith("html")
                    && !ExportDialog::availableFormats().contains(ExportFormat::Html))
                    continue;
                QString tag = QStringLiteral("%1, %2").arg(QString::fromLatin1(name),
                                                           QString::fromLatin1(theme));
                if (QByteArrayView(language) != "en")
                    tag += QStringLiteral(", ") + QString::fromLatin1(language);
                QTest::newRow(qPrintable(tag))
                        << factory << Settle(settle) << QString::fromLatin1(theme)
                        << QString::fromLatin1(language);
            }
        }
    }

    void nothingIsClippedAtDefaultSize()
    {
        QFETCH(Factory, factory);
        QFETCH(Settle, settle);
        QFETCH(QString, theme);
        QFETCH(QString, language);
        AppTheme::apply(AppSettings::themeFromKey(theme).value_or(Theme::Light));
        const QLocale locale;
        if (language != u"en")
            UiLanguage::install(QCoreApplication::instance(), language);
        const auto restore = qScopeGuard([language, locale] {
            AppTheme::apply(Theme::System);
            if (language != u"en") {
                UiLanguage::install(QCoreApplication::instance(), QStringLiteral("en"));
                QLocale::setDefault(locale);
            }
        });
        const std::unique_ptr<QWidget> widget = factory();
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        QWidget *window = settle(widget.get());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(window);
        // Queued secret reads, layout requests and the dialogs' own height fitting.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        if (window->layout())
            window->layout()->activate();

        const QString shotDir = qEnvironmentVariable("BATCHWATCH_SHOT_DIR");
        if (!shotDir.isEmpty()) {
            QVERIFY(QDir().mkpath(shotDir));
            QString name = QString::fromLatin1(QTest::currentDataTag());
            name.replace(QStringLiteral(", "), QStringLiteral("-")).replace(u' ', u'-');
            const QString path = QDir(shotDir).filePath(name + QStringLiteral(".png"));
            QVERIFY2(window->grab().save(path), qPrintable(path));
        }

        const QStringList clipped = clippedTexts(window);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
        const QStringList unreachable = unreachableInputs(window);
        QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(u'\n')));
        if (window->isWindow() && qobject_cast<QDialog *>(window)) {
            QVERIFY2(window->width() <= kSmallScreen.width()
                             && window->height() <= kSmallScreen.height(),
                     qPrintable(QStringLiteral("%1×%2 does not fit a 1280×720 screen")
                                        .arg(window->width())
                                        .arg(window->height())));
        }
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_emptyDir;
    JobStore m_store;
    JobStore m_emptyStore;
    WorkingKeychain m_keychain;
    MemorySecretStore m_sessionOnly;
    QNetworkAccessManager m_nam;
    QString m_csvFile;
    QString m_jsonFile;
    sim::GatewaySimulator m_simulator;
    std::unique_ptr<GatewayClient> m_client;
    std::unique_ptr<JobMonitor> m_monitor;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestDialogLayout)
#include "tst_dialoglayout.moc"
