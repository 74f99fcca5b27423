// Every dialog and the welcome panel at their default size: nothing clipped, every input
// reachable by keyboard and named for screen readers. With BATCHWATCH_GRAB_DIR set, each one is
// also saved there as a PNG for a human to look at.
#include "aboutdialog.h"
#include "addjobsdialog.h"
#include "appsettings.h"
#include "apptheme.h"
#include "jobstore.h"
#include "profilesdialog.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "stopjobsdialog.h"
#include "welcomepanel.h"

#ifdef BATCHWATCH_HAVE_SIM
#include "gatewaysimulator.h"
#endif

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace bw;

namespace {

using Factory = std::function<std::unique_ptr<QWidget>()>;

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
        QVERIFY(m_dir.isValid());
        QVERIFY(m_store.open(m_dir.path()));
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.name = QStringLiteral("Production gateway");
        profile.baseUrl = QUrl(QStringLiteral("https://gw.example.com/ai"));
        profile.authMode = AuthMode::VirtualKey;
        QVERIFY(m_store.saveProfile(profile));
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("s.ini")));
#ifdef BATCHWATCH_HAVE_SIM
        QVERIFY(m_simulator.start(0));
        GatewayProfile local;
        local.id = QStringLiteral("p2");
        local.name = QStringLiteral("Local simulator");
        local.baseUrl = m_simulator.baseUrl();
        QVERIFY(m_store.saveProfile(local));
#endif
    }

    void nothingIsClippedAtDefaultSize_data()
    {
        QTest::addColumn<Factory>("factory");
        QTest::addColumn<QString>("theme");

        const QList<std::pair<const char *, Factory>> widgets{
                {"welcome",
                 [] {
                     auto w = std::make_unique<WelcomePanel>();
                     w->resize(w->sizeHint().expandedTo(QSize(900, 600)));
                     return std::unique_ptr<QWidget>(std::move(w));
                 }},
                {"about",
                 [this] {
                     AboutInfo info;
                     info.dataDirectory = m_dir.path();
                     info.keysPersistent = false;
                     return std::unique_ptr<QWidget>(std::make_unique<AboutDialog>(info));
                 }},
                {"profiles",
                 [this] {
                     return std::unique_ptr<QWidget>(
                             std::make_unique<ProfilesDialog>(&m_store, &m_secrets, nullptr));
                 }},
                {"add jobs",
                 [] {
                     auto d = std::make_unique<AddJobsDialog>(
                             QSet<QString>{QStringLiteral("k3x9p2m7q1ab")});
                     d->setPastedText(QStringLiteral(
                             "k3x9p2m7q1ab\narn:aws:bedrock:us-east-1:123456789012:"
                             "model-invocation-job/abcdefabcdef\nbatch_67d3f1a2b4c5\n"
                             "NOT#VALID\nabcdefabcdef"));
                     return std::unique_ptr<QWidget>(std::move(d));
                 }},
                {"add jobs, discover",
                 [] {
                     auto d = std::make_unique<AddJobsDialog>(QSet<QString>{});
                     d->setCurrentTab(AddJobsDialog::DiscoverTab);
                     return std::unique_ptr<QWidget>(std::move(d));
                 }},
                {"stop",
                 [] {
                     return std::unique_ptr<QWidget>(std::make_unique<StopJobsDialog>(
                             QList<StopJobsDialog::Target>{
                                     {QStringLiteral("k3x9p2m7q1ab"),
                                      QStringLiteral("nightly-eval-2025-03"),
                                      Status::fromCode(JobStatus::InProgress)},
                                     {QStringLiteral("abcdefabcdef"), QString(),
                                      Status::fromCode(JobStatus::Scheduled)}},
                             [](const QStringList &, QObject *, StopJobsDialog::ResultCallback) {
                             }));
                 }},
                {"stop, answered",
                 [] {
                     auto d = std::make_unique<StopJobsDialog>(
                             QList<StopJobsDialog::Target>{
                                     {QStringLiteral("k3x9p2m7q1ab"),
                                      QStringLiteral("nightly-eval-2025-03"),
                                      Status::fromCode(JobStatus::InProgress)},
                                     {QStringLiteral("abcdefabcdef"), QString(),
                                      Status::fromCode(JobStatus::Completed)}},
                             [](const QStringList &ids, QObject *context,
                                StopJobsDialog::ResultCallback done) {
                                 StopAck ack;
                                 ack.status = Status::fromCode(JobStatus::Stopping);
                                 GatewayError conflict;
                                 conflict.kind = GatewayError::Kind::Http;
                                 conflict.httpStatus = 409;
                                 conflict.gatewayType = QStringLiteral("ConflictException");
                                 conflict.message = QStringLiteral("Job is already completed");
                                 QTimer::singleShot(0, context, [=] {
                                     done(ids.at(0), ack);
                                     done(ids.at(1), conflict);
                                 });
                             });
                     d->startStopping();
                     return std::unique_ptr<QWidget>(std::move(d));
                 }},
#ifdef BATCHWATCH_HAVE_SIM
                {"profiles, tested",
                 [this] {
                     auto d = std::make_unique<ProfilesDialog>(&m_store, &m_secrets, &m_nam);
                     d->selectProfile(QStringLiteral("p2"));
                     QSignalSpy finished(d.get(), &ProfilesDialog::testFinished);
                     d->testConnection();
                     finished.wait(10000);
                     return std::unique_ptr<QWidget>(std::move(d));
                 }},
#endif
                {"settings",
                 [this] {
                     return std::unique_ptr<QWidget>(
                             std::make_unique<SettingsDialog>(m_settings.get()));
                 }},
        };
        for (const char *theme : {"light", "dark"}) {
            for (const auto &[name, factory] : widgets) {
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QString::fromLatin1(name),
                                                                      QString::fromLatin1(theme))))
                        << factory << QString::fromLatin1(theme);
            }
        }
    }

    void nothingIsClippedAtDefaultSize()
    {
        QFETCH(Factory, factory);
        QFETCH(QString, theme);
        AppTheme::apply(theme == u"dark" ? Theme::Dark : Theme::Light);
        const auto restore = qScopeGuard([] { AppTheme::apply(Theme::System); });
        const std::unique_ptr<QWidget> widget = factory();
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        QTest::qWait(50); // let queued secret reads and layouts settle

        const QString grabDir = qEnvironmentVariable("BATCHWATCH_GRAB_DIR");
        if (!grabDir.isEmpty()) {
            QDir().mkpath(grabDir);
            QString name = QString::fromLatin1(QTest::currentDataTag());
            name.replace(QStringLiteral(", "), QStringLiteral("-")).replace(u' ', u'-');
            QVERIFY(widget->grab().save(QDir(grabDir).filePath(name + QStringLiteral(".png"))));
        }

        const QStringList clipped = clippedTexts(widget.get());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
        const QStringList unreachable = unreachableInputs(widget.get());
        QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(u'\n')));
    }

private:
    QTemporaryDir m_dir;
    JobStore m_store;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_nam;
#ifdef BATCHWATCH_HAVE_SIM
    sim::GatewaySimulator m_simulator;
#endif
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestDialogLayout)
#include "tst_dialoglayout.moc"
