#include "charts/jobtimelinechart.h"
#include "delegates/statusbadgedelegate.h"
#include "details/configurationtab.h"
#include "details/detailsformat.h"
#include "details/historytab.h"
#include "details/jobdetailspanel.h"
#include "details/overviewtab.h"
#include "details/progresstab.h"
#include "details/rawtab.h"
#include "details/recordstab.h"
#include "details/timelinetab.h"
#include "details/vpctab.h"
#include "detailstestrig.h"
#include "domain/jobmetrics.h"
#include "fixtures.h"
#include "models/configtreemodel.h"
#include "models/jobtablemodel.h"
#include "models/transitionhistorymodel.h"
#include "models/vpclistmodel.h"
#include "presentation/apptheme.h"
#include "presentation/statuspresentation.h"
#include "presentation/uilanguage.h"
#include "tracking/jobsource.h"
#include "widgets/copyablefield.h"
#include "widgets/noticebox.h"
#include "widgets/statusbadge.h"
#include "widgets/wrappingtabbar.h"
#include "wire/nativecodec.h"

#include <QAccessible>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDir>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <ctime>

using namespace bw;
using namespace bw::test;

namespace {

const QString kArnPrefix
        = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/");
const QString kFailed = QStringLiteral("q7w2e9r4t1yu");    // sparse Bifrost body, Failed
const QString kRunning = QStringLiteral("m4n8b2v6c0xz");   // full AWS body, in a VPC
const QString kQueued = QStringLiteral("aaaa00000003");    // Submitted, total 0
const QString kNoVpc = QStringLiteral("aaaa00000004");     // full body without vpcConfig
const QString kLifecycle = QStringLiteral("aaaa00000005"); // moves through its statuses
const QString kEmptyToken = QStringLiteral("aaaa00000006");
const QString kOddTypes = QStringLiteral("dddd00000001");    // some fields of the wrong type
const QString kWithMessage = QStringLiteral("dddd00000002"); // running, with a message

QJsonObject fixtureObject(const QString &name)
{
    return QJsonDocument::fromJson(fixture(name)).object();
}

QJsonObject fullBody(const QString &id, const QString &status)
{
    return QJsonObject{
            {QStringLiteral("jobArn"), QString(kArnPrefix + id)},
            {QStringLiteral("jobName"), QString(u"job-" + id)},
            {QStringLiteral("modelId"), QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0")},
            {QStringLiteral("roleArn"),
             QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatchInferenceRole")},
            {QStringLiteral("status"), status},
            {QStringLiteral("submitTime"), QStringLiteral("2025-03-15T09:00:00Z")},
            {QStringLiteral("lastModifiedTime"), QStringLiteral("2025-03-15T09:00:00Z")},
            {QStringLiteral("jobExpirationTime"), QStringLiteral("2025-03-15T21:00:00Z")},
            {QStringLiteral("timeoutDurationInHours"), 24},
            {QStringLiteral("inputDataConfig"),
             QJsonObject{{QStringLiteral("s3InputDataConfig"),
                          QJsonObject{{QStringLiteral("s3Uri"),
                                       QString(QStringLiteral("s3://in/") + id + u".jsonl")}}}}},
            {QStringLiteral("outputDataConfig"),
             QJsonObject{{QStringLiteral("s3OutputDataConfig"),
                          QJsonObject{{QStringLiteral("s3Uri"), QStringLiteral("s3://out/")}}}}},
    };
}

// An OpenAI batch read through Bifrost's native API with fields of the wrong type: the creation
// time as a word, the name as a number, the total as text.
QJsonObject oddNativeBody()
{
    return QJsonDocument::fromJson(R"({"id":"batch_odd1","object":"batch","status":"in_progress",)"
                                   R"("created_at":"yesterday","metadata":{"job_name":7},)"
                                   R"("request_counts":{"total":"many"},)"
                                   R"("extra_fields":{"provider":"openai"}})")
            .object();
}

// The job as the monitor keeps one that only the native route reported.
WatchedJob nativeOnlyJob(const QJsonObject &body)
{
    WatchedJob w;
    w.identifier = QStringLiteral("batch_odd1");
    w.profileId = QStringLiteral("p1");
    w.job = NativeCodec::parseBatch(body, QStringLiteral("openai")).job;
    w.rawNative = body;
    w.everReported = w.job.presentFields();
    w.fromNative = w.job.presentFields();
    w.addedAt = kRigStart;
    w.fetchedAt = kRigStart;
    return w;
}

QWidget *currentPage(const JobDetailsPanel &panel)
{
    return panel.findChild<QStackedWidget *>(QStringLiteral("stack"))->currentWidget();
}

} // namespace

class tst_JobDetailsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsAnEmptyStateWithoutAJob();
    void showsWhenTheSelectedJobIsNotWatched();
    void overviewShowsFieldsAndNotReportedForASparseJob();
    void overviewTellsEmptyFromNotReported();
    void overviewSaysWhyAFieldOfTheWrongTypeIsUnreadable();
    void overviewMessageRowIsAsTallAsItsText();
    void headerGivesTheNameItsOwnLine();
    void statusRowShowsTheGatewayWordOnlyWhenItTellsMore();
    void overviewFitsANarrowPanel();
    void overviewSaysCountsAreNotKnownWhileValidating();
    void overviewMakesTheFailureMessageProminent();
    void overviewShortensALongFailureMessage();
    void overviewShowsNotFoundState();
    void progressShowsCountsRateAndEta();
    void progressIsIndeterminateWhileTheTotalIsZero();
    void progressSaysWhenCountsAreNeverReported();
    void progressShowsANoteInsteadOfAFlatLine();
    void progressTimeLabelsFitBetweenTheirTicks();
    void timelineHasABandPerTransitionAndFourMarkers();
    void vpcTabTellsTheStateHonestly_data();
    void vpcTabTellsTheStateHonestly();
    void vpcIdsAreCopyable();
    void configurationShowsTheS3Uris();
    void configurationArrivingLaterShowsExpanded();
    void historyRowsAreTheTransitions();
    void historyFollowsNewTransitionsWithoutReset();
    void historyColumnsFitThePanel();
    void rawShowsPrettyJsonAndFindsText();
    void rawOffersBothSourcesWhenBothExist();
    void rawShowsABodyReadFromTheStoreAsTheResponseItWas();
    void rawListsTheFieldsThatCouldNotBeRead();
    void rawListsTheFieldsOfANativeBodyThatCouldNotBeRead();
    void overviewSaysWhyANativeFieldIsUnreadable();
    void problemsAreInTheUiLanguage();
    void refusedBodiesAreInTheUiLanguage();
    void rawToolbarLetsThePanelShrink();
    void refreshOfTheSameJobKeepsTheViews();
    void switchingJobsFillsEveryTabAnew();
    void copiesTheArnAndTheJobAsJson();
    void copyButtonsHaveDistinctIcons();
    void recordsExportSavesTheFailedRecords();
    void headerBadgeOfAnEndedBatchWithFailuresIsFailed();
    void countsFromResultsAreMarkedInTheOverview();
    void tabNamesAndStateRoundTrip();
    void tabsWrapInANarrowPanelAndFollowTheKeys();
    void theTabsReadAsPageTabsToAScreenReader();
    void removedJobFallsBackToTheEmptyState();
    void rendersEveryTabInLightAndDark();

private:
    std::unique_ptr<DetailsRig> m_rig;
    std::unique_ptr<JobDetailsPanel> m_panel;
    QJsonObject m_running;

    void select(const QString &id) { m_panel->setCurrentJob(id); }
    template<typename T>
    T *tab() const
    {
        T *t = m_panel->findChild<T *>();
        Q_ASSERT(t);
        return t;
    }
    // Submitted -> InProgress -> Completed, one poll each.
    bool runLifecycle();
};

void tst_JobDetailsPanel::initTestCase()
{
    UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    // Local times are compared as text: fix the zone here, not only in CTest's environment, so
    // the test passes however it is run (Berlin: UTC+1 in mid-March, before the DST change).
    qputenv("TZ", "Europe/Berlin");
    tzset();
    QCOMPARE(QDateTime(QDate(2025, 3, 15), QTime(2, 0), Qt::UTC).toLocalTime().time(), QTime(3, 0));
    // The application font as the app sets it (AppTheme::apply): with its emoji fallback, so that
    // a monochrome emoji font that fontconfig prefers (Symbola, for the PDF) is not used.
    QVERIFY2(!AppTheme::applyEmojiFallback().isEmpty(),
             "no colour emoji font is installed (Debian: fonts-noto-color-emoji)");
}

void tst_JobDetailsPanel::init()
{
    m_rig = std::make_unique<DetailsRig>();
    m_running = fixtureObject(QStringLiteral("retrieve-inprogress-aws-native.json"));
    m_rig->bodies[kFailed] = fixtureObject(QStringLiteral("retrieve-failed.json"));
    m_rig->bodies[kRunning] = m_running;
    QJsonObject queued = fullBody(kQueued, QStringLiteral("Submitted"));
    queued.insert(QStringLiteral("totalRecordCount"), 0);
    queued.insert(QStringLiteral("processedRecordCount"), 0);
    m_rig->bodies[kQueued] = queued;
    m_rig->bodies[kNoVpc] = fullBody(kNoVpc, QStringLiteral("InProgress"));
    m_rig->bodies[kLifecycle] = fullBody(kLifecycle, QStringLiteral("Submitted"));
    QJsonObject emptyToken = fixtureObject(QStringLiteral("retrieve-failed.json"));
    emptyToken.insert(QStringLiteral("jobArn"), QString(kArnPrefix + kEmptyToken));
    emptyToken.insert(QStringLiteral("clientRequestToken"), QString());
    m_rig->bodies[kEmptyToken] = emptyToken;
    QJsonObject oddTypes = fullBody(kOddTypes, QStringLiteral("InProgress"));
    oddTypes.insert(QStringLiteral("modelId"), 42);
    oddTypes.insert(QStringLiteral("jobName"),
                    QJsonArray{QStringLiteral("a"), QStringLiteral("b")});
    oddTypes.insert(QStringLiteral("totalRecordCount"), QStringLiteral("ten"));
    oddTypes.insert(QStringLiteral("outputDataConfig"), QStringLiteral("s3://out/"));
    m_rig->bodies[kOddTypes] = oddTypes;
    QJsonObject withMessage = fullBody(kWithMessage, QStringLiteral("InProgress"));
    withMessage.insert(QStringLiteral("message"),
                       QStringLiteral("Records are being processed in the order they were "
                                      "submitted; the output appears in the bucket when the job "
                                      "ends."));
    m_rig->bodies[kWithMessage] = withMessage;
    QVERIFY(m_rig->watch({kFailed, kRunning, kQueued, kNoVpc, kLifecycle, kEmptyToken, kOddTypes,
                          kWithMessage}));

    m_panel = std::make_unique<JobDetailsPanel>();
    m_panel->resize(1100, 640);
    m_panel->setSession(m_rig->session.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void tst_JobDetailsPanel::cleanup()
{
    m_panel.reset();
    m_rig.reset();
}

bool tst_JobDetailsPanel::runLifecycle()
{
    QJsonObject body = fullBody(kLifecycle, QStringLiteral("InProgress"));
    body.insert(QStringLiteral("lastModifiedTime"), QStringLiteral("2025-03-15T10:00:20Z"));
    m_rig->bodies[kLifecycle] = body;
    if (!m_rig->advance(40))
        return false;
    body.insert(QStringLiteral("status"), QStringLiteral("Completed"));
    body.insert(QStringLiteral("lastModifiedTime"), QStringLiteral("2025-03-15T10:00:50Z"));
    body.insert(QStringLiteral("endTime"), QStringLiteral("2025-03-15T10:00:50Z"));
    m_rig->bodies[kLifecycle] = body;
    return m_rig->advance(20) && m_rig->monitor->history(kLifecycle).size() == 3;
}

void tst_JobDetailsPanel::showsAnEmptyStateWithoutAJob()
{
    select(QString());
    QCOMPARE(currentPage(*m_panel)->objectName(), QStringLiteral("emptyPage"));
    auto *title = m_panel->findChild<QLabel *>(QStringLiteral("emptyTitle"));
    QVERIFY(title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("Select a job to see its details"));
    QVERIFY(!m_panel->findChild<QTabWidget *>()->isVisible());
}

void tst_JobDetailsPanel::showsWhenTheSelectedJobIsNotWatched()
{
    select(QStringLiteral("zzzz00000000"));
    QCOMPARE(currentPage(*m_panel)->objectName(), QStringLiteral("emptyPage"));
    QVERIFY(m_panel->findChild<QLabel *>(QStringLiteral("emptyText"))
                    ->text()
                    .contains(QStringLiteral("zzzz00000000")));
}

void tst_JobDetailsPanel::overviewShowsFieldsAndNotReportedForASparseJob()
{
    select(kFailed);
    QCOMPARE(currentPage(*m_panel)->objectName(), QStringLiteral("detailsPage"));
    auto *overview = tab<OverviewTab>();
    QCOMPARE(overview->field(QStringLiteral("nameField"))->text(),
             QStringLiteral("nightly-eval-small"));
    QCOMPARE(overview->field(QStringLiteral("arnField"))->text(),
             QStringLiteral("arn:aws:bedrock:us-west-2:123456789012:model-invocation-job/"
                            "q7w2e9r4t1yu"));
    CopyableField *model = overview->field(QStringLiteral("modelField"));
    QCOMPARE(model->state(), CopyableField::State::NotReported);
    QCOMPARE(model->text(), QStringLiteral("not reported by this gateway"));
    QVERIFY(model->copyText().isEmpty());
    QCOMPARE(overview->field(QStringLiteral("roleArnField"))->state(),
             CopyableField::State::NotReported);
    QCOMPARE(overview->field(QStringLiteral("inputUriField"))->text(),
             QStringLiteral("s3://acme-batch-in/evals/nightly/2025-03-15/input.jsonl"));
    // Times copy as UTC and show local time.
    CopyableField *submitted = overview->field(QStringLiteral("submitField"));
    QCOMPARE(submitted->copyText(), QStringLiteral("2025-03-15T02:00:04.000Z"));
    QVERIFY(submitted->text().startsWith(QStringLiteral("2025-03-15 03:00:04")));
    // "(… ago)" never breaks inside: no line ends with "ago)" or "s)" alone on it.
    const QString relative = submitted->text().section(u'(', 1);
    QVERIFY2(relative.endsWith(u')') && !relative.contains(u' ') && relative.contains(QChar::Nbsp),
             qPrintable(submitted->text()));
    // The header strip.
    QCOMPARE(m_panel->findChild<QLabel *>(QStringLiteral("nameLabel"))->text(),
             QStringLiteral("nightly-eval-small"));
    QCOMPARE(m_panel->findChild<StatusBadge *>(QStringLiteral("statusBadge"))->text(),
             StatusPresentation::text(JobStatus::Failed));
    QCOMPARE(m_panel->findChild<QLabel *>(QStringLiteral("shortIdLabel"))->text(), kFailed);
}

void tst_JobDetailsPanel::headerGivesTheNameItsOwnLine()
{
    const QString id = QStringLiteral("aaaa00000007");
    const QString name = QStringLiteral("call-transcripts-sentiment-2026-11-28"); // 37 chars
    QJsonObject body = fullBody(id, QStringLiteral("Failed"));
    body.insert(QStringLiteral("jobName"), name);
    m_rig->bodies[id] = body;
    QVERIFY(m_rig->watch({id}));
    select(id);
    auto *nameLabel = m_panel->findChild<QLabel *>(QStringLiteral("nameLabel"));
    auto *copyJson = m_panel->findChild<QToolButton *>(QStringLiteral("copyJsonButton"));

    // 600 px, as beside the table at 1280 px: the whole name, the buttons with their words.
    m_panel->resize(600, 640);
    QTRY_COMPARE(nameLabel->text(), name);
    QVERIFY(nameLabel->toolTip().isEmpty());
    QTRY_COMPARE(copyJson->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);

    // Narrower than a (very long) name: elided, full in the tooltip; the buttons keep just their
    // icons.
    const QString longId = QStringLiteral("aaaa0000000a");
    const QString longName = name + u'-' + name + u'-' + name;
    QJsonObject longBody = fullBody(longId, QStringLiteral("Failed"));
    longBody.insert(QStringLiteral("jobName"), longName);
    m_rig->bodies[longId] = longBody;
    QVERIFY(m_rig->watch({longId}));
    select(longId);
    m_panel->resize(m_panel->minimumSizeHint().width(), 640);
    QTRY_VERIFY(nameLabel->text() != longName);
    QVERIFY(nameLabel->text().contains(QChar(0x2026)));
    QCOMPARE(nameLabel->toolTip(), longName);
    QVERIFY(m_panel->width() < nameLabel->fontMetrics().horizontalAdvance(longName));
    QTRY_COMPARE(copyJson->toolButtonStyle(), Qt::ToolButtonIconOnly);
    QVERIFY(!copyJson->toolTip().isEmpty());
    select(id);

    // Wide again: all of it.
    m_panel->resize(1100, 640);
    QTRY_COMPARE(nameLabel->text(), name);
}

void tst_JobDetailsPanel::statusRowShowsTheGatewayWordOnlyWhenItTellsMore()
{
    auto *overview = tab<OverviewTab>();
    const QString same = QStringLiteral("aaaa00000008");
    const QString unknown = QStringLiteral("aaaa00000009");
    m_rig->bodies[same] = fullBody(same, QStringLiteral("InProgress"));
    m_rig->bodies[unknown] = fullBody(unknown, QStringLiteral("Paused"));
    QVERIFY(m_rig->watch({same, unknown}));

    // "InProgress" is what the badge says ("In progress"): not repeated, still copyable.
    select(same);
    CopyableField *raw = overview->field(QStringLiteral("statusRawField"));
    QVERIFY(raw);
    QCOMPARE(raw->state(), CopyableField::State::Value);
    QVERIFY(raw->text().isEmpty());
    QCOMPARE(raw->copyText(), QStringLiteral("InProgress"));

    // A word batchwatch does not know: said plainly beside the badge.
    select(unknown);
    QVERIFY(raw->text().contains(QStringLiteral("Paused")));
    QCOMPARE(raw->copyText(), QStringLiteral("Paused"));
}

void tst_JobDetailsPanel::overviewFitsANarrowPanel()
{
    // The panel beside the table of a 1024 px window: every row (the status badge with the
    // gateway's word beside it, the copy buttons) within the panel, nothing scrolled out of
    // sight sideways.
    const QString unknown = QStringLiteral("aaaa00000010");
    m_rig->bodies[unknown] = fullBody(unknown, QStringLiteral("Paused"));
    QVERIFY(m_rig->watch({unknown}));
    select(unknown);
    m_panel->resize(360, 640);
    auto *scroll = tab<OverviewTab>()->findChild<QScrollArea *>(QStringLiteral("scrollArea"));
    QVERIFY(scroll);
    QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());

    // The badge keeps its whole word ("Wird geprüft" was elided to "Wird gepr…" beside
    // "(Gateway: Validating)"): the gateway's word goes below it instead...
    auto *badge = tab<OverviewTab>()->findChild<StatusBadge *>(QStringLiteral("statusBadge"));
    CopyableField *raw = tab<OverviewTab>()->field(QStringLiteral("statusRawField"));
    QVERIFY(badge && raw);
    QTRY_COMPARE(badge->width(), badge->sizeHint().width());
    QTRY_VERIFY(raw->geometry().top() >= badge->geometry().bottom());
    // ... and beside it again where both fit.
    m_panel->resize(1400, 640);
    QTRY_VERIFY(raw->geometry().left() > badge->geometry().right());
    QCOMPARE(badge->width(), badge->sizeHint().width());
}

void tst_JobDetailsPanel::overviewTellsEmptyFromNotReported()
{
    select(kEmptyToken);
    auto *overview = tab<OverviewTab>();
    CopyableField *token = overview->field(QStringLiteral("tokenField"));
    CopyableField *model = overview->field(QStringLiteral("modelField"));
    QCOMPARE(token->state(), CopyableField::State::Empty);
    QCOMPARE(token->text(), QStringLiteral("(empty)"));
    QCOMPARE(model->state(), CopyableField::State::NotReported);
    QVERIFY(token->text() != model->text());
    // They look different too: "not reported" is italic, "(empty)" is not.
    auto *tokenLabel = token->findChild<QLabel *>();
    auto *modelLabel = model->findChild<QLabel *>();
    QVERIFY(modelLabel->font().italic());
    QVERIFY(!tokenLabel->font().italic());
    QVERIFY(modelLabel->palette().color(QPalette::WindowText)
            != tokenLabel->palette().color(QPalette::WindowText));
}

void tst_JobDetailsPanel::overviewSaysWhyAFieldOfTheWrongTypeIsUnreadable()
{
    select(kOddTypes);
    auto *overview = tab<OverviewTab>();
    // Reported, but not as text: never "not reported by this gateway".
    CopyableField *model = overview->field(QStringLiteral("modelField"));
    QCOMPARE(model->state(), CopyableField::State::NotReported);
    QCOMPARE(model->text(),
             QStringLiteral("reported, but not readable: a number where text was expected"));
    QVERIFY(model->copyText().isEmpty());
    QCOMPARE(overview->field(QStringLiteral("nameField"))->text(),
             QStringLiteral("reported, but not readable: a list where text was expected"));
    QCOMPARE(overview->field(QStringLiteral("recordsField"))->text(),
             QStringLiteral("reported, but not readable: the text “ten” where a whole number "
                            "was expected"));
    // A whole object of the wrong type leaves every field inside it unreadable.
    QCOMPARE(overview->field(QStringLiteral("outputUriField"))->text(),
             QStringLiteral("reported, but not readable: text where an object was expected"));
    // What it did read stays, and what it never sent is still "not reported".
    QCOMPARE(overview->field(QStringLiteral("inputUriField"))->text(),
             QString(u"s3://in/" + kOddTypes + u".jsonl"));
    QCOMPARE(overview->field(QStringLiteral("tokenField"))->text(),
             QStringLiteral("not reported by this gateway"));

    // The next job of the panel has no problems: nothing of this one sticks.
    select(kNoVpc);
    QCOMPARE(overview->field(QStringLiteral("modelField"))->text(),
             QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
    QCOMPARE(overview->field(QStringLiteral("tokenField"))->text(),
             QStringLiteral("not reported by this gateway"));
}

void tst_JobDetailsPanel::overviewMessageRowIsAsTallAsItsText()
{
    select(kWithMessage);
    auto *overview = tab<OverviewTab>();
    CopyableField *message = overview->field(QStringLiteral("messageField"));
    QVERIFY(message->isVisible());
    QVERIFY(message->text().startsWith(u"Records are being processed"));
    auto *label = message->findChild<QLabel *>();
    // What the text needs at a width, asked of a label without a minimum height of its own.
    QLabel probe;
    probe.setWordWrap(true);
    probe.setFont(label->font());
    probe.setText(label->text());
    // At any width the panel gives it: as many lines as the text needs, no empty one below,
    // also after a narrower width needed more lines.
    for (const int width : {1100, 560, 1400}) {
        m_panel->resize(width, 640);
        QTRY_COMPARE(label->height(), probe.heightForWidth(label->width()));
        // The row: the text's lines, or the copy button when that is taller; never a line more.
        QTRY_VERIFY2(message->height() < label->height() + label->fontMetrics().lineSpacing(),
                     qPrintable(QStringLiteral("%1 px for %2 px of text")
                                        .arg(message->height())
                                        .arg(label->height())));
    }
}

void tst_JobDetailsPanel::overviewSaysCountsAreNotKnownWhileValidating()
{
    // Issue 10 item 5: "Records: 0 of 0 processed · 0 succeeded · 0 failed" for a job just
    // submitted; a total of 0 while queued means not known yet.
    select(kQueued);
    CopyableField *records = tab<OverviewTab>()->field(QStringLiteral("recordsField"));
    QVERIFY2(records->text().startsWith(QStringLiteral("not known yet")),
             qPrintable(records->text()));
    QVERIFY(!records->text().contains(QStringLiteral("0 of 0")));
    select(kRunning);
    QVERIFY(records->text().contains(QStringLiteral(" processed · ")));
}

void tst_JobDetailsPanel::overviewMakesTheFailureMessageProminent()
{
    select(kFailed);
    auto *overview = tab<OverviewTab>();
    NoticeBox *box = overview->messageBox();
    QVERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("contains less records (1) than the required "
                                                "minimum of: 100")));
    QVERIFY(!overview->field(QStringLiteral("messageField"))->isVisible());

    // A running job has no such block.
    select(kRunning);
    QVERIFY(!overview->messageBox()->isVisible());
    QVERIFY(overview->field(QStringLiteral("messageField"))->isVisible());
}

void tst_JobDetailsPanel::overviewShortensALongFailureMessage()
{
    // Issue 10 item 10: a 2,000-character message filled the whole Overview.
    const QString id = QStringLiteral("aaaa00000077");
    QJsonObject body = fixtureObject(QStringLiteral("retrieve-failed.json"));
    body.insert(QStringLiteral("jobArn"), QString(kArnPrefix + id));
    QString message;
    while (message.size() < 2000)
        message += QStringLiteral("Record %1 failed validation: field 'messages' is missing. ")
                           .arg(message.size());
    body.insert(QStringLiteral("message"), message);
    body.insert(QStringLiteral("jobName"), QStringLiteral("launch-\U0001F680-eval"));
    m_rig->bodies[id] = body;
    QVERIFY(m_rig->watch({id}));
    select(id);
    NoticeBox *box = tab<OverviewTab>()->messageBox();
    QVERIFY(box->isVisible());
    QVERIFY(box->isCollapsed());
    QVERIFY(box->shownText().size() < 500);
    QCOMPARE(box->text(), message); // copying copies everything
    QVERIFY(box->showAllButton()->isVisible());
    QCOMPARE(box->showAllButton()->text(), QStringLiteral("Show all"));
    QVERIFY(box->height() < m_panel->height() / 3);
    box->showAllButton()->click();
    QVERIFY(!box->isCollapsed());
    QCOMPARE(box->shownText(), message);
    QCOMPARE(box->showAllButton()->text(), QStringLiteral("Show less"));
    // Every line of it is shown, and so is the second line of a wrapped ARN (item 11).
    auto fullyShown = [](const QLabel *label) {
        return label->height() >= label->heightForWidth(label->width());
    };
    const QLabel *messageLabel = nullptr;
    for (const QLabel *label : box->findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("Record 0")))
            messageLabel = label;
    }
    QVERIFY(messageLabel);
    QTRY_VERIFY(fullyShown(messageLabel));
    const QLabel *arn
            = tab<OverviewTab>()->field(QStringLiteral("arnField"))->findChild<QLabel *>();
    QTRY_VERIFY(fullyShown(arn));
    // Also in a panel as narrow as the main window's default at 1280 px, where the ARN takes
    // four lines and the scroll bar shows.
    m_panel->resize(400, 640);
    QTRY_VERIFY(arn->heightForWidth(arn->width()) > 3 * arn->fontMetrics().lineSpacing());
    QTRY_VERIFY(fullyShown(arn));
    m_panel->resize(1100, 640);

    // The emoji in the name is drawn in colour (a font that has it: fonts-noto-color-emoji),
    // not as a box in the text colour, nor in monochrome where Symbola is installed too
    // (check: FONTCONFIG_FILE naming a folder with Symbola).
    auto *name = m_panel->findChild<QLabel *>(QStringLiteral("nameLabel"));
    QCOMPARE(name->text(), QStringLiteral("launch-\U0001F680-eval"));
    const QImage picture = name->grab().toImage();
    bool coloured = false;
    for (int y = 0; y < picture.height() && !coloured; ++y) {
        for (int x = 0; x < picture.width() && !coloured; ++x)
            coloured = QColor(picture.pixel(x, y)).hsvSaturation() > 120;
    }
    if (const QString dir = qEnvironmentVariable("BATCHWATCH_SCREENSHOT_DIR"); !dir.isEmpty())
        m_panel->grab().save(QDir(dir).filePath(QStringLiteral("details-long-message.png")));
    QVERIFY2(coloured, "the emoji renders without colour: is an emoji font installed?");

    // A short message shows whole, without the button.
    select(kFailed);
    QVERIFY(!box->isCollapsed());
    QVERIFY(!box->showAllButton()->isVisible());
}

void tst_JobDetailsPanel::overviewShowsNotFoundState()
{
    const QString gone = QStringLiteral("aaaa00000099");
    QVERIFY(m_rig->watch({gone}));
    QVERIFY(m_rig->monitor->job(gone)->notFound);
    select(gone);
    auto *overview = tab<OverviewTab>();
    QVERIFY(overview->notFoundBox()->isVisible());
    QCOMPARE(overview->notFoundBox()->title(), QStringLiteral("Not found on this gateway"));
    QCOMPARE(m_panel->findChild<QLabel *>(QStringLiteral("staleLabel"))->text(),
             QStringLiteral("Not found on this gateway"));
}

void tst_JobDetailsPanel::progressShowsCountsRateAndEta()
{
    select(kRunning);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("progress")));
    auto *progress = tab<ProgressTab>();
    const QLocale locale;
    QVERIFY(progress->countsReported());
    QCOMPARE(progress->countText(JobField::TotalRecordCount), locale.toString(qint64(25000)));
    QCOMPARE(progress->countText(JobField::ProcessedRecordCount), locale.toString(qint64(11842)));
    QCOMPARE(progress->countText(JobField::SuccessRecordCount), locale.toString(qint64(11790)));
    QCOMPARE(progress->countText(JobField::ErrorRecordCount), locale.toString(qint64(52)));
    QCOMPARE(progress->progressBar()->maximum(), 1000);
    QCOMPARE(progress->progressBar()->value(), 474); // 11842 / 25000
    QVERIFY(progress->rateText().startsWith(QStringLiteral("not measurable yet")));

    // One more poll a minute later with 1000 more records: a rate and an ETA.
    QJsonObject body = m_running;
    body.insert(QStringLiteral("processedRecordCount"), 12842);
    body.insert(QStringLiteral("successRecordCount"), 12790);
    m_rig->bodies[kRunning] = body;
    QVERIFY(m_rig->advance(60));
    QTRY_COMPARE(progress->countText(JobField::ProcessedRecordCount),
                 locale.toString(qint64(12842)));
    QVERIFY2(progress->rateText().startsWith(locale.toString(1000.0, 'f', 0)
                                             + QStringLiteral(" records/min")),
             qPrintable(progress->rateText()));
    // 12158 records left at 1000/min: 12.158 min, rounded up.
    QVERIFY2(progress->etaText().startsWith(JobMetrics::formatDuration(730)),
             qPrintable(progress->etaText()));
    QCOMPARE(progress->chartPointCount(), 2);
}

void tst_JobDetailsPanel::progressIsIndeterminateWhileTheTotalIsZero()
{
    select(kQueued);
    auto *progress = tab<ProgressTab>();
    QVERIFY(progress->countsReported());
    QCOMPARE(progress->countText(JobField::TotalRecordCount), QLocale().toString(qint64(0)));
    QCOMPARE(progress->progressBar()->minimum(), 0);
    QCOMPARE(progress->progressBar()->maximum(), 0); // busy indicator
    QVERIFY(progress->etaText().contains(QStringLiteral("no total")));
}

void tst_JobDetailsPanel::progressSaysWhenCountsAreNeverReported()
{
    select(kFailed);
    auto *progress = tab<ProgressTab>();
    QVERIFY(!progress->countsReported());
    QCOMPARE(progress->findChild<QLabel *>(QStringLiteral("noCountsTitle"))->text(),
             QStringLiteral("This gateway does not report record counts"));
}

namespace {

WatchedJob countedJob(JobStatus status, qint64 total, qint64 processed)
{
    WatchedJob w;
    w.identifier = QStringLiteral("cccc00000001");
    w.job.jobName = QStringLiteral("counted");
    w.job.status = Status::fromCode(status);
    w.job.totalRecordCount = total;
    w.job.processedRecordCount = processed;
    w.job.successRecordCount = processed;
    w.job.errorRecordCount = 0;
    return w;
}

ProgressSample sampleAt(const QDateTime &at, qint64 total, qint64 processed)
{
    ProgressSample s;
    s.at = at;
    s.total = total;
    s.processed = processed;
    s.succeeded = processed;
    return s;
}

} // namespace

void tst_JobDetailsPanel::progressShowsANoteInsteadOfAFlatLine()
{
    ProgressTab progress;
    progress.resize(520, 560);
    progress.show();
    QVERIFY(QTest::qWaitForWindowExposed(&progress));
    const QDateTime seen = kRigStart;
    const QDateTime now = kRigStart.addSecs(12 * 3600);

    // First seen already completed: one sample, no line over time.
    const WatchedJob done = countedJob(JobStatus::Completed, 3986, 3986);
    progress.setJob(done, {sampleAt(seen, 3986, 3986)}, now);
    QVERIFY(!progress.chartShown());
    QCOMPARE(progress.chartPointCount(), 0);
    QVERIFY2(progress.chartNoteText().startsWith(QStringLiteral("Only one sample")),
             qPrintable(progress.chartNoteText()));
    QVERIFY(progress.chartNoteText().contains(QLocale().toString(qint64(3986))));

    // Polled again twelve hours later with the same counts: still nothing to draw.
    progress.addSample(sampleAt(now, 3986, 3986));
    QVERIFY(!progress.chartShown());
    QCOMPARE(progress.chartPointCount(), 0);
    QVERIFY2(progress.chartNoteText().contains(QStringLiteral("did not change")),
             qPrintable(progress.chartNoteText()));

    // A running job: one sample so far, then real progress draws the line.
    const WatchedJob running = countedJob(JobStatus::InProgress, 1000, 100);
    progress.setJob(running, {sampleAt(seen, 1000, 100)}, seen);
    QVERIFY(!progress.chartShown());
    QVERIFY(progress.chartNoteText().contains(QStringLiteral("so far")));
    progress.addSample(sampleAt(seen.addSecs(60), 1000, 100));
    QVERIFY(!progress.chartShown());
    QVERIFY(progress.chartNoteText().startsWith(QStringLiteral("No progress yet")));
    progress.addSample(sampleAt(seen.addSecs(120), 1000, 250));
    QVERIFY(progress.chartShown());
    QCOMPARE(progress.chartPointCount(), 3);

    // No samples at all.
    progress.setJob(running, {}, seen);
    QVERIFY(!progress.chartShown());
    QVERIFY(progress.chartNoteText().startsWith(QStringLiteral("No progress samples yet")));
}

void tst_JobDetailsPanel::progressTimeLabelsFitBetweenTheirTicks()
{
    // Twelve hours of samples ending just before midnight local time: rounding the axis out to
    // whole steps crosses midnight and brings the date into every label.
    ProgressTab progress;
    const QDateTime from = QDateTime(QDate(2026, 11, 28), QTime(11, 23, 47), Qt::UTC);
    QList<ProgressSample> samples;
    for (int i = 0; i <= 12; ++i)
        samples.append(sampleAt(from.addSecs(i * 3600), 50000, 4000 * i));
    progress.setJob(countedJob(JobStatus::InProgress, 50000, 48000), samples,
                    from.addSecs(12 * 3600));
    progress.show();
    QVERIFY(QTest::qWaitForWindowExposed(&progress));
    QVERIFY(progress.chartShown());
    const auto *axis = qobject_cast<QDateTimeAxis *>(
            progress.chartView()->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(axis);
    for (const int width : {300, 360, 420, 520, 700, 1000}) {
        progress.resize(width, 560);
        QTRY_VERIFY2(progress.timeLabelsFit(),
                     qPrintable(QStringLiteral("%1 px: %2 ticks of \"%3\"")
                                        .arg(width)
                                        .arg(axis->tickCount())
                                        .arg(axis->format())));
        QVERIFY(axis->tickCount() >= 2);
        // Dates left off the labels are in the axis title.
        if (axis->min().date() != axis->max().date()
            && !axis->format().contains(QStringLiteral("MMM")))
            QVERIFY2(axis->titleText().contains(
                             QLocale().toString(axis->max().date(), QStringLiteral("d MMM"))),
                     qPrintable(axis->titleText()));
        // Every sample stays on the axis.
        QVERIFY(axis->min() <= from.toLocalTime());
        QVERIFY(axis->max() >= from.addSecs(12 * 3600).toLocalTime());
    }
}

void tst_JobDetailsPanel::timelineHasABandPerTransitionAndFourMarkers()
{
    QVERIFY(runLifecycle());
    select(kLifecycle);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("timeline")));
    auto *timeline = tab<TimelineTab>();
    QVERIFY(timeline->isShowingChart());
    JobTimelineChart *chart = timeline->chart();
    int observedBands = 0;
    int markers = 0;
    const auto series = chart->chart()->series();
    for (QAbstractSeries *s : series) {
        if (auto *area = qobject_cast<QAreaSeries *>(s)) {
            if (area->property("bw.band").toString() == QStringLiteral("observed"))
                ++observedBands;
        } else if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            markers += int(scatter->count());
        }
    }
    QCOMPARE(observedBands, 3);
    QCOMPARE(markers, 4); // submitted, last modified, ended, expires
    QList<JobTimelineChart::Marker> kinds;
    for (const auto &[kind, at] : chart->currentLayout().markers)
        kinds.append(kind);
    QCOMPARE(kinds, (QList<JobTimelineChart::Marker>{JobTimelineChart::Marker::Submitted,
                                                     JobTimelineChart::Marker::LastModified,
                                                     JobTimelineChart::Marker::Ended,
                                                     JobTimelineChart::Marker::Expires}));
    // The bands are the statuses in order, and hovering one tells exact times.
    const auto &bands = chart->currentLayout().bands;
    QCOMPARE(bands.last().status->code(), JobStatus::Completed);
    QVERIFY(chart->bandToolTip(int(bands.size()) - 1)
                    .contains(StatusPresentation::text(JobStatus::Completed)));
}

void tst_JobDetailsPanel::vpcTabTellsTheStateHonestly_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("securityGroups");
    QTest::addColumn<QStringList>("subnets");
    QTest::newRow("in a VPC") << kRunning << QStringLiteral("In a VPC")
                              << QStringList{QStringLiteral("sg-0123456789abcdef0")}
                              << QStringList{QStringLiteral("subnet-0a1b2c3d4e5f67890"),
                                             QStringLiteral("subnet-0fedcba9876543210")};
    QTest::newRow("not in a VPC") << kNoVpc << QStringLiteral("Not in a VPC") << QStringList()
                                  << QStringList();
    QTest::newRow("not reported") << kFailed << QStringLiteral("Not reported by this gateway")
                                  << QStringList() << QStringList();
}

void tst_JobDetailsPanel::vpcTabTellsTheStateHonestly()
{
    QFETCH(QString, job);
    QFETCH(QString, state);
    QFETCH(QStringList, securityGroups);
    QFETCH(QStringList, subnets);
    select(job);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("vpc")));
    auto *vpc = tab<VpcTab>();
    QCOMPARE(vpc->stateText(), state);
    auto shown = [](QListView *view) {
        QStringList ids;
        if (!view->isVisible())
            return ids;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            ids.append(view->model()->index(r, 0).data().toString());
        return ids;
    };
    QCOMPARE(shown(vpc->securityGroupsView()), securityGroups);
    QCOMPARE(shown(vpc->subnetsView()), subnets);
}

void tst_JobDetailsPanel::vpcIdsAreCopyable()
{
    select(kRunning);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("vpc")));
    auto *vpc = tab<VpcTab>();
    QListView *view = vpc->subnetsView();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(1, 0));
    QSignalSpy messages(m_panel.get(), &JobDetailsPanel::statusMessage);
    QTest::keySequence(view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("subnet-0fedcba9876543210"));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("Copied subnet-0fedcba9876543210"));
    // Several: how many, in a plural of their own ("2 subnet IDs", not "2 subnet ids").
    view->selectAll();
    QTest::keySequence(view, QKeySequence::Copy);
    const int rows = view->model()->rowCount();
    QVERIFY(rows > 1);
    QCOMPARE(QGuiApplication::clipboard()->text().split(u'\n').size(), rows);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).at(0).toString(), QStringLiteral("Copied %1 subnet IDs").arg(rows));
}

void tst_JobDetailsPanel::configurationShowsTheS3Uris()
{
    select(kRunning);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("configuration")));
    auto *config = tab<ConfigurationTab>();
    ConfigTreeModel *model = config->model();
    for (const auto &[path, uri] :
         {std::pair{QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"),
                    QStringLiteral("s3://acme-batch-in/tickets/0314/input.jsonl")},
          std::pair{QStringLiteral("outputDataConfig.s3OutputDataConfig.s3Uri"),
                    QStringLiteral("s3://acme-batch-out/tickets/0314/")}}) {
        const QModelIndex key = model->indexOfPath(path);
        QVERIFY2(key.isValid(), qPrintable(path));
        const QModelIndex value = key.siblingAtColumn(ConfigTreeModel::ValueColumn);
        QCOMPARE(value.data().toString(), uri);
        QVERIFY(value.data(ConfigTreeModel::IsS3UriRole).toBool());
        // Expanded: the user sees it without clicking.
        QVERIFY(config->treeView()->visualRect(value).isValid());
    }
    // Ctrl+C on the row copies the value.
    config->treeView()->setFocus();
    config->treeView()->setCurrentIndex(
            model->indexOfPath(QStringLiteral("outputDataConfig.s3OutputDataConfig.s3Uri")));
    QTest::keySequence(config->treeView(), QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("s3://acme-batch-out/tickets/0314/"));
}

void tst_JobDetailsPanel::configurationArrivingLaterShowsExpanded()
{
    // Issue 10 item 11: configs that came with a later response started collapsed.
    const QString id = QStringLiteral("aaaa00000078");
    QJsonObject full = fullBody(id, QStringLiteral("InProgress"));
    QJsonObject sparse = full;
    sparse.remove(QStringLiteral("inputDataConfig"));
    sparse.remove(QStringLiteral("outputDataConfig"));
    m_rig->bodies[id] = sparse;
    QVERIFY(m_rig->watch({id}));
    select(id);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("configuration")));
    auto *config = tab<ConfigurationTab>();
    QVERIFY(!config->model()
                     ->indexOfPath(QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"))
                     .isValid());
    const int keyWidth = config->treeView()->columnWidth(ConfigTreeModel::KeyColumn);

    m_rig->bodies[id] = full; // the next response carries the configs
    m_rig->monitor->refreshNow({id});
    QTRY_VERIFY(config->model()
                        ->indexOfPath(QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"))
                        .isValid());
    const QModelIndex uri
            = config->model()
                      ->indexOfPath(QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"))
                      .siblingAtColumn(ConfigTreeModel::ValueColumn);
    QVERIFY(config->treeView()->visualRect(uri).isValid()); // expanded
    QVERIFY(config->treeView()->columnWidth(ConfigTreeModel::KeyColumn) >= keyWidth);
    QVERIFY(config->treeView()->columnWidth(ConfigTreeModel::KeyColumn)
            >= static_cast<const QAbstractItemView *>(config->treeView())
                       ->sizeHintForColumn(ConfigTreeModel::KeyColumn));
}

void tst_JobDetailsPanel::historyRowsAreTheTransitions()
{
    QVERIFY(runLifecycle());
    select(kLifecycle);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("history")));
    QTableView *view = tab<HistoryTab>()->tableView();
    QVERIFY(view->isVisible());
    QCOMPARE(view->model()->rowCount(), 3);
    auto *badges = qobject_cast<StatusBadgeDelegate *>(
            view->itemDelegateForColumn(TransitionHistoryModel::ToColumn));
    QVERIFY(badges);
    const QStringList expected{StatusPresentation::text(JobStatus::Submitted),
                               StatusPresentation::text(JobStatus::InProgress),
                               StatusPresentation::text(JobStatus::Completed)};
    for (int row = 0; row < 3; ++row)
        QCOMPARE(badges->badgeText(view->model()->index(row, TransitionHistoryModel::ToColumn)),
                 expected.at(row));
}

void tst_JobDetailsPanel::historyFollowsNewTransitionsWithoutReset()
{
    select(kLifecycle);
    QTableView *view = tab<HistoryTab>()->tableView();
    QCOMPARE(view->model()->rowCount(), 1);
    QSignalSpy resets(view->model(), &QAbstractItemModel::modelReset);
    QSignalSpy inserts(view->model(), &QAbstractItemModel::rowsInserted);
    QVERIFY(runLifecycle());
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(inserts.size(), 2);
    QCOMPARE(resets.size(), 0);
    // The header followed too.
    QCOMPARE(m_panel->findChild<StatusBadge *>(QStringLiteral("statusBadge"))->text(),
             StatusPresentation::text(JobStatus::Completed));
}

void tst_JobDetailsPanel::historyColumnsFitThePanel()
{
    QVERIFY(runLifecycle());
    select(kLifecycle);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("history")));
    auto *history = tab<HistoryTab>();
    QTableView *view = history->tableView();
    // Short headers; what they mean is in the tooltip.
    QAbstractItemModel *model = view->model();
    QCOMPARE(model->headerData(TransitionHistoryModel::LastModifiedColumn, Qt::Horizontal)
                     .toString(),
             QStringLiteral("Gateway time"));
    QVERIFY(model->headerData(TransitionHistoryModel::LastModifiedColumn, Qt::Horizontal,
                              Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("lastModifiedTime")));
    // Compact local times (10:00:20 UTC is 11:00:20 in Berlin); the tooltip keeps UTC.
    const QString shown = history->displayedText(1, TransitionHistoryModel::LastModifiedColumn);
    QVERIFY2(shown.contains(QStringLiteral("11:00")), qPrintable(shown));
    QVERIFY(shown.size()
            < model->index(1, TransitionHistoryModel::LastModifiedColumn).data().toString().size());
    QCOMPARE(model->index(1, TransitionHistoryModel::LastModifiedColumn)
                     .data(Qt::ToolTipRole)
                     .toString(),
             QStringLiteral("2025-03-15T10:00:20.000Z"));

    // From a wide panel down to one narrower than beside the table at 1280 px: the columns
    // shown are whole and fill the panel, with no horizontal scrolling. What gives way first
    // is "From" (the row above's "To"), then the gateway's time; their values move into every
    // cell's tooltip. The status, when it was seen and how long the one before lasted stay.
    const QHeaderView *header = view->horizontalHeader();
    const auto *asView = static_cast<const QAbstractItemView *>(view);
    QList<int> foldedAt;
    for (const int width : {600, 480, 400, 330}) {
        m_panel->resize(width, 640);
        QTRY_VERIFY2(header->length() == view->viewport()->width(),
                     qPrintable(QStringLiteral("%1: %2 of %3")
                                        .arg(width)
                                        .arg(header->length())
                                        .arg(view->viewport()->width())));
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        int folded = 0;
        for (int column = 0; column < model->columnCount(); ++column) {
            if (header->isSectionHidden(column)) {
                ++folded;
                continue;
            }
            QVERIFY2(header->sectionSize(column) >= asView->sizeHintForColumn(column)
                             && header->sectionSize(column) >= header->sectionSizeHint(column),
                     qPrintable(QStringLiteral("%1 at %2").arg(column).arg(width)));
        }
        for (const int column :
             {int(TransitionHistoryModel::ToColumn), int(TransitionHistoryModel::ObservedAtColumn),
              int(TransitionHistoryModel::ElapsedInPreviousColumn)})
            QVERIFY(!header->isSectionHidden(column));
        if (header->isSectionHidden(TransitionHistoryModel::LastModifiedColumn))
            QVERIFY(header->isSectionHidden(TransitionHistoryModel::FromColumn));
        foldedAt << folded;
    }
    QCOMPARE(foldedAt.first(), 0);
    QCOMPARE(foldedAt.last(), 2);
    const QString tip = model->index(1, TransitionHistoryModel::ElapsedInPreviousColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
    QVERIFY2(tip.contains(QStringLiteral("From: ") + StatusPresentation::text(JobStatus::Submitted))
                     && tip.contains(QStringLiteral("Gateway time: 2025-03-15T10:00:20.000Z")),
             qPrintable(tip));
    // Narrower than even those three: the times keep their whole width, header included, and
    // the table scrolls sideways instead of cutting them to "7 …".
    m_panel->resize(200, 640);
    QTRY_VERIFY(view->horizontalScrollBar()->maximum() > 0);
    QTRY_VERIFY(header->sectionSize(TransitionHistoryModel::ObservedAtColumn)
                >= header->sectionSizeHint(TransitionHistoryModel::ObservedAtColumn));
    QVERIFY(header->sectionSize(TransitionHistoryModel::ObservedAtColumn)
            >= asView->sizeHintForColumn(TransitionHistoryModel::ObservedAtColumn));
    // Wide again: every column is back, and the tooltips are the cells' own.
    m_panel->resize(600, 640);
    QTRY_VERIFY(!header->isSectionHidden(TransitionHistoryModel::FromColumn));
    QCOMPARE(model->index(1, TransitionHistoryModel::LastModifiedColumn)
                     .data(Qt::ToolTipRole)
                     .toString(),
             QStringLiteral("2025-03-15T10:00:20.000Z"));
}

void tst_JobDetailsPanel::rawShowsPrettyJsonAndFindsText()
{
    select(kRunning);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("raw")));
    auto *raw = tab<RawTab>();
    QCOMPARE(raw->text(),
             QString::fromUtf8(QJsonDocument(m_running).toJson(QJsonDocument::Indented)));
    QVERIFY(raw->text().contains(QStringLiteral("\n    \"jobArn\": ")));
    QVERIFY(raw->textEdit()->isReadOnly());
    // Monospace: every character as wide as any other (QFontInfo::fixedPitch depends on how
    // fontconfig tags the font, the widths do not).
    const QFontMetrics metrics(raw->textEdit()->font());
    QCOMPARE(metrics.horizontalAdvance(QStringLiteral("iiii")),
             metrics.horizontalAdvance(QStringLiteral("MMMM")));

    QCOMPARE(raw->find(QStringLiteral("subnet-0fedcba9876543210")), 1);
    QCOMPARE(raw->textEdit()->textCursor().selectedText(),
             QStringLiteral("subnet-0fedcba9876543210"));
    // Narrowing the search keeps the match under the cursor (the second subnet id).
    QCOMPARE(raw->find(QStringLiteral("subnet-")), 2);
    QCOMPARE(raw->currentMatch(), 2);
    QVERIFY(raw->findNext()); // wraps to the first
    QCOMPARE(raw->currentMatch(), 1);
    QVERIFY(raw->findNext());
    QCOMPARE(raw->currentMatch(), 2);
    QVERIFY(raw->findPrevious());
    QCOMPARE(raw->currentMatch(), 1);
    QCOMPARE(raw->findChild<QLabel *>(QStringLiteral("matchLabel"))->text(),
             QStringLiteral("1 of 2"));
    QCOMPARE(raw->find(QStringLiteral("no such text")), 0);
    QCOMPARE(raw->findChild<QLabel *>(QStringLiteral("matchLabel"))->text(),
             QStringLiteral("No match"));

    // Ctrl+F from the text goes to the find field.
    raw->textEdit()->setFocus();
    QTest::keySequence(raw->textEdit(), QKeySequence::Find);
    QTRY_VERIFY(raw->findChild<QLineEdit *>(QStringLiteral("findEdit"))->hasFocus());
}

void tst_JobDetailsPanel::rawOffersBothSourcesWhenBothExist()
{
    RawTab raw;
    raw.show();
    QVERIFY(QTest::qWaitForWindowExposed(&raw));
    auto *combo = raw.findChild<QComboBox *>(QStringLiteral("sourceCombo"));
    WatchedJob w;
    w.identifier = kRunning;
    w.rawList = QJsonObject{{QStringLiteral("jobArn"), QStringLiteral("from-the-list")}};
    raw.setJob(w, true);
    QVERIFY(!combo->isVisible()); // one source: nothing to choose
    QCOMPARE(raw.source(), RawTab::Source::List);
    QVERIFY(raw.text().contains(QStringLiteral("from-the-list")));

    w.rawRetrieve = m_running;
    raw.setJob(w, false);
    QVERIFY(combo->isVisible());
    QCOMPARE(raw.source(), RawTab::Source::List); // a refresh keeps the user's choice
    QVERIFY(raw.setSource(RawTab::Source::Retrieve));
    QVERIFY(raw.text().contains(QStringLiteral("support-tickets-triage-0314")));
    QCOMPARE(combo->currentData().toInt(), int(RawTab::Source::Retrieve));
}

void tst_JobDetailsPanel::rawShowsABodyReadFromTheStoreAsTheResponseItWas()
{
    // A job loaded at start-up keeps its bodies as the stored text (RawBody): the Raw tab shows
    // them exactly as it shows the responses they were, problems included.
    RawTab raw;
    raw.resize(900, 600);
    raw.show();
    QVERIFY(QTest::qWaitForWindowExposed(&raw));
    WatchedJob w = nativeOnlyJob(oddNativeBody());
    w.rawNative = RawBody::fromJsonText(QJsonDocument(oddNativeBody()).toJson());
    raw.setJob(w, true);
    QCOMPARE(raw.source(), RawTab::Source::Native);
    QCOMPARE(raw.text(),
             QString::fromUtf8(QJsonDocument(oddNativeBody()).toJson(QJsonDocument::Indented)));
    QCOMPARE(raw.problemsBox()->title(),
             QStringLiteral("3 fields of this response could not be read"));

    w.rawRetrieve = RawBody::fromJsonText(QJsonDocument(m_running).toJson(QJsonDocument::Compact));
    raw.setJob(w, false);
    QVERIFY(raw.setSource(RawTab::Source::Retrieve));
    QCOMPARE(raw.text(),
             QString::fromUtf8(QJsonDocument(m_running).toJson(QJsonDocument::Indented)));
    QVERIFY(raw.problemsBox()->isHidden());
}

void tst_JobDetailsPanel::rawListsTheFieldsThatCouldNotBeRead()
{
    select(kOddTypes);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("raw")));
    auto *raw = tab<RawTab>();
    NoticeBox *problems = raw->problemsBox();
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->title(), QStringLiteral("4 fields of this response could not be read"));
    const QStringList lines = problems->text().split(u'\n');
    QCOMPARE(lines,
             (QStringList{QStringLiteral("jobName: a list where text was expected"),
                          QStringLiteral("modelId: a number where text was expected"),
                          QStringLiteral("totalRecordCount: the text “ten” where a whole number "
                                         "was expected"),
                          QStringLiteral("outputDataConfig: text where an object was expected")}));
    // Above the body, which is still shown whole.
    QVERIFY(problems->geometry().bottom() <= raw->textEdit()->mapTo(raw, QPoint(0, 0)).y());
    QVERIFY(raw->text().contains(QStringLiteral("\"ten\"")));

    // A body without problems has no list at all.
    select(kRunning);
    QVERIFY(!problems->isVisible());
    QVERIFY(problems->isHidden());
}

void tst_JobDetailsPanel::rawListsTheFieldsOfANativeBodyThatCouldNotBeRead()
{
    RawTab raw;
    raw.resize(900, 600);
    raw.show();
    QVERIFY(QTest::qWaitForWindowExposed(&raw));
    const QJsonObject body = oddNativeBody();
    WatchedJob w = nativeOnlyJob(body);
    raw.setJob(w, true);
    // The only body is the native one: it is shown, with its problems, read by the native codec.
    QCOMPARE(raw.source(), RawTab::Source::Native);
    QVERIFY(raw.text().contains(QStringLiteral("\"yesterday\"")));
    auto *combo = raw.findChild<QComboBox *>(QStringLiteral("sourceCombo"));
    QVERIFY(!combo->isVisible());
    NoticeBox *problems = raw.problemsBox();
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->title(), QStringLiteral("3 fields of this response could not be read"));
    QCOMPARE(problems->text().split(u'\n'),
             (QStringList{QStringLiteral("created_at: “yesterday”, which is not a date and time"),
                          QStringLiteral("metadata.job_name: a number where text was expected"),
                          QStringLiteral("request_counts.total: the text “many” where a count (a "
                                         "whole number from 0) was expected")}));

    // A Bedrock-format body beside it: the selector offers both, each with its own problems.
    w.rawRetrieve = QJsonObject{{QStringLiteral("jobArn"), QStringLiteral("batch_odd1")},
                                {QStringLiteral("status"), QStringLiteral("InProgress")},
                                {QStringLiteral("modelId"), 42}};
    raw.setJob(w, true);
    QVERIFY(combo->isVisible());
    QCOMPARE(combo->count(), 2);
    // The selector may grow to show its longest source name whole (it was squeezed to "Le").
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY(combo->maximumWidth() > combo->fontMetrics().horizontalAdvance(combo->itemText(i)));
    QCOMPARE(raw.source(), RawTab::Source::Retrieve);
    QCOMPARE(problems->text(), QStringLiteral("modelId: a number where text was expected"));
    QVERIFY(!raw.setSource(RawTab::Source::List)); // no list summary
    QVERIFY(raw.setSource(RawTab::Source::Native));
    QCOMPARE(combo->currentData().toInt(), int(RawTab::Source::Native));
    QCOMPARE(problems->title(), QStringLiteral("3 fields of this response could not be read"));
    // A refresh keeps the user's choice.
    raw.setJob(w, false);
    QCOMPARE(raw.source(), RawTab::Source::Native);

    // A native body without problems has no list.
    QJsonObject fine = body;
    fine.insert(QStringLiteral("created_at"), 1742029200);
    fine.remove(QStringLiteral("metadata"));
    fine.remove(QStringLiteral("request_counts"));
    raw.setJob(nativeOnlyJob(fine), true);
    QVERIFY(problems->isHidden());
}

void tst_JobDetailsPanel::overviewSaysWhyANativeFieldIsUnreadable()
{
    OverviewTab overview;
    overview.resize(1000, 700);
    overview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overview));
    overview.setJob(nativeOnlyJob(oddNativeBody()), kRigStart);
    QCOMPARE(overview.field(QStringLiteral("submitField"))->text(),
             QStringLiteral("reported, but not readable: “yesterday”, which is not a date and "
                            "time"));
    QCOMPARE(overview.field(QStringLiteral("nameField"))->text(),
             QStringLiteral("reported, but not readable: a number where text was expected"));
    QCOMPARE(overview.field(QStringLiteral("recordsField"))->text(),
             QStringLiteral("reported, but not readable: the text “many” where a count (a whole "
                            "number from 0) was expected"));
    // What was read stays; what never came is still "not reported".
    QCOMPARE(overview.field(QStringLiteral("arnField"))->copyText(), QStringLiteral("batch_odd1"));
    QCOMPARE(overview.field(QStringLiteral("expiryField"))->text(), DetailsFormat::notReported());
}

// The reasons come from the problems' kinds, so they follow the interface language: under the
// German UI the Overview and the Raw tab say in German why a field could not be read.
void tst_JobDetailsPanel::problemsAreInTheUiLanguage()
{
    const QLocale before;
    UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de"));
    const auto restore = qScopeGuard([&before] {
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("en"));
        QLocale::setDefault(before);
    });
    const QJsonObject odd = m_rig->bodies.value(kOddTypes);
    WatchedJob w;
    w.identifier = kOddTypes;
    w.profileId = QStringLiteral("p1");
    w.job = JobCodec::parseJob(odd).job;
    w.rawRetrieve = odd;
    w.everReported = w.job.presentFields();
    w.addedAt = kRigStart;

    OverviewTab overview;
    overview.setJob(w, kRigStart);
    QCOMPARE(overview.field(QStringLiteral("modelField"))->text(),
             QStringLiteral("gemeldet, aber nicht lesbar: eine Zahl, wo Text erwartet wurde"));
    QCOMPARE(overview.field(QStringLiteral("recordsField"))->text(),
             QStringLiteral("gemeldet, aber nicht lesbar: der Text „ten“, wo eine ganze Zahl "
                            "erwartet wurde"));
    RawTab raw;
    raw.setJob(w, true);
    QCOMPARE(raw.problemsBox()->title(),
             QStringLiteral("4 Felder dieser Antwort waren nicht lesbar"));
    QVERIFY2(raw.problemsBox()->text().contains(
                     QStringLiteral("modelId: eine Zahl, wo Text erwartet wurde")),
             qPrintable(raw.problemsBox()->text()));

    // The native route's reasons too.
    raw.setJob(nativeOnlyJob(oddNativeBody()), true);
    QCOMPARE(raw.problemsBox()->text().split(u'\n').value(2),
             QStringLiteral("request_counts.total: der Text „many“, wo eine Anzahl (eine ganze "
                            "Zahl ab 0) erwartet wurde"));
}

void tst_JobDetailsPanel::refusedBodiesAreInTheUiLanguage()
{
    const QLocale before;
    UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de"));
    const auto restore = qScopeGuard([&before] {
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("en"));
        QLocale::setDefault(before);
    });
    // The running job's next answer has a number for jobArn and a list for status: the core
    // refuses it (the last known state stays) with a sentence that names both, stored and
    // printed in English, shown in the interface's language.
    QJsonObject body = m_running;
    body.insert(QStringLiteral("jobArn"), 5);
    body.insert(QStringLiteral("status"), QJsonArray{QStringLiteral("InProgress")});
    body.insert(QStringLiteral("modelId"), 7);
    m_rig->bodies[kRunning] = body;
    m_rig->monitor->refreshNow({kRunning});
    QTRY_VERIFY(m_rig->monitor->job(kRunning)->lastError.has_value());
    const GatewayError error = *m_rig->monitor->job(kRunning)->lastError;
    QCOMPARE(error.message,
             QStringLiteral("the job body has no readable jobArn (a number) nor status (an array); "
                            "also of the wrong type: modelId"));
    const QString german
            = QStringLiteral("Das Gateway sandte eine Antwort ohne brauchbaren JSON-Inhalt: die "
                             "Job-Antwort hat weder ein lesbares jobArn (eine Zahl) noch einen "
                             "lesbaren Status (eine Liste); außerdem vom falschen Typ: modelId.");
    QCOMPARE(error.describe(), german);

    // The Overview's error box and the row's error in the jobs table.
    select(kRunning);
    auto *overview = tab<OverviewTab>();
    QTRY_VERIFY(overview->errorBox()->isVisible());
    QCOMPARE(overview->errorBox()->text(), german);
    JobTableModel model;
    model.setJobs(m_rig->monitor->jobs());
    const int row = model.rowOf(kRunning);
    QVERIFY(row >= 0);
    const QModelIndex staleCell = model.index(row, JobTableModel::StaleColumn);
    QCOMPARE(staleCell.data(JobTableModel::LastErrorRole).toString(), german);
    QVERIFY2(staleCell.data(Qt::ToolTipRole).toString().contains(german),
             qPrintable(staleCell.data(Qt::ToolTipRole).toString()));

    // The other refusals of a body: each its own sentence, none left in English.
    const GatewayError notJson = NativeCodec::parseRetrieveBody("[1, 2]", {}).error();
    QCOMPARE(notJson.message, QStringLiteral("the body is JSON but not an object"));
    QCOMPARE(notJson.shownMessage, QStringLiteral("die Antwort ist JSON, aber kein Objekt"));
    const GatewayError batch
            = NativeCodec::parseRetrieveBody(R"({"id":"batch_1","status":false})", {}).error();
    QCOMPARE(batch.shownMessage,
             QStringLiteral("die Batch-Antwort hat keinen lesbaren Status (ein Wahrheitswert)"));
    const GatewayError results
            = NativeCodec::parseResultsBody(R"({"results":3})", [](const ResultRecord &) {
              }).error();
    QCOMPARE(results.shownMessage,
             QStringLiteral("„results“ ist eine Zahl, keine Liste von Datensätzen"));
    // A proxy's error page is batchwatch's words too (its title is the proxy's).
    const GatewayError page = JobCodec::parseErrorResponse(
            502, "<html><head><title>502 Bad Gateway</title></head></html>", "text/html");
    QCOMPARE(page.message,
             QStringLiteral("the gateway answered with an HTML page (502 Bad Gateway)"));
    QCOMPARE(page.describe(),
             QStringLiteral(
                     "HTTP 502: das Gateway antwortete mit einer HTML-Seite (502 Bad Gateway)."));

    // After a restart the store gives back the English only (no shownMessage): each reads as
    // before, in German (the proxy's title kept as it was sent).
    for (const GatewayError &received : {error, notJson, batch, results, page}) {
        GatewayError stored = received;
        stored.shownMessage.clear();
        QCOMPARE(stored.describe(), received.describe());
    }
}

void tst_JobDetailsPanel::rawToolbarLetsThePanelShrink()
{
    RawTab raw;
    WatchedJob w;
    w.identifier = kRunning;
    w.rawRetrieve = m_running;
    w.rawList = QJsonObject{{QStringLiteral("jobArn"), QStringLiteral("from-the-list")}};
    raw.setJob(w, true);
    raw.show();
    QVERIFY(QTest::qWaitForWindowExposed(&raw));
    // Both sources: the selector is shown, and still the bar asks for little width.
    QVERIFY(raw.findChild<QComboBox *>(QStringLiteral("sourceCombo"))->isVisible());
    const int em = raw.fontMetrics().height();
    QVERIFY2(raw.minimumSizeHint().width() <= 20 * em,
             qPrintable(QString::number(raw.minimumSizeHint().width())));
    // Narrow: the selector moves to a row of its own; the search field still has room for a
    // word, and nothing is cut off on the right.
    raw.resize(raw.minimumSizeHint().width(), 400);
    QTRY_VERIFY(raw.sourceOnItsOwnRow());
    auto *find = raw.findChild<QLineEdit *>(QStringLiteral("findEdit"));
    auto *copy = raw.findChild<QPushButton *>(QStringLiteral("copyButton"));
    auto *combo = raw.findChild<QComboBox *>(QStringLiteral("sourceCombo"));
    QTRY_VERIFY(find->width() >= 8 * raw.fontMetrics().averageCharWidth());
    QTRY_VERIFY(combo->geometry().bottom() < find->geometry().top());
    QVERIFY(copy->geometry().right() < raw.width());
    QVERIFY(combo->geometry().right() < raw.width());
    // Wide: back on one row.
    raw.resize(60 * em, 400);
    QTRY_VERIFY(!raw.sourceOnItsOwnRow());
    QTRY_COMPARE(combo->geometry().center().y(), find->geometry().center().y());
    QCOMPARE(raw.findChild<QToolButton *>(QStringLiteral("nextButton"))->accessibleName(),
             QStringLiteral("Next match"));

    // In the panel: the Raw tab being open does not make the panel wider than the others do.
    select(kRunning);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("overview")));
    const int overviewMinimum = m_panel->minimumSizeHint().width();
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("raw")));
    QVERIFY(m_panel->minimumSizeHint().width() <= overviewMinimum);
}

void tst_JobDetailsPanel::refreshOfTheSameJobKeepsTheViews()
{
    select(kRunning);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("configuration")));
    auto *config = tab<ConfigurationTab>();
    const QModelIndex kms = config->model()->indexOfPath(
            QStringLiteral("outputDataConfig.s3OutputDataConfig.s3EncryptionKeyId"));
    config->treeView()->setCurrentIndex(kms);
    config->treeView()->collapse(config->model()->indexOfPath(QStringLiteral("inputDataConfig")));
    auto *raw = tab<RawTab>();
    QCOMPARE(raw->find(QStringLiteral("sg-")), 1);

    QJsonObject body = m_running;
    body.insert(QStringLiteral("processedRecordCount"), 13000);
    m_rig->bodies[kRunning] = body;
    QVERIFY(m_rig->advance(60));
    QTRY_VERIFY(raw->text().contains(QStringLiteral("13000")));
    m_panel->setCurrentJob(kRunning); // the table re-selecting the same row changes nothing

    QCOMPARE(m_panel->currentTabName(), QStringLiteral("configuration"));
    QCOMPARE(config->treeView()->currentIndex().data(ConfigTreeModel::FieldPathRole).toString(),
             QStringLiteral("outputDataConfig.s3OutputDataConfig.s3EncryptionKeyId"));
    QVERIFY(!config->treeView()->isExpanded(
            config->model()->indexOfPath(QStringLiteral("inputDataConfig"))));
    QCOMPARE(raw->matchCount(), 1);
}

void tst_JobDetailsPanel::switchingJobsFillsEveryTabAnew()
{
    select(kRunning);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("raw")));
    select(kFailed);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("raw")); // the tab is the user's choice
    QVERIFY(tab<RawTab>()->text().contains(QStringLiteral("nightly-eval-small")));
    QCOMPARE(tab<OverviewTab>()->field(QStringLiteral("nameField"))->text(),
             QStringLiteral("nightly-eval-small"));
    QCOMPARE(tab<VpcTab>()->stateText(), QStringLiteral("Not reported by this gateway"));
    QVERIFY(!tab<ProgressTab>()->countsReported());
    QCOMPARE(tab<HistoryTab>()->tableView()->model()->rowCount(), 1);
}

void tst_JobDetailsPanel::copiesTheArnAndTheJobAsJson()
{
    select(kRunning);
    QSignalSpy messages(m_panel.get(), &JobDetailsPanel::statusMessage);
    m_panel->findChild<QToolButton *>(QStringLiteral("copyArnButton"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), m_running.value(u"jobArn").toString());
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("Copied ARN"));

    m_panel->findChild<QToolButton *>(QStringLiteral("copyJsonButton"))->click();
    const QJsonObject copied
            = QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8()).object();
    QCOMPARE(copied.value(u"jobArn").toString(), m_running.value(u"jobArn").toString());
    QCOMPARE(copied.value(u"totalRecordCount").toInteger(), 25000);
    QCOMPARE(copied.value(u"submitTime").toString(), QStringLiteral("2025-03-14T08:15:02.417Z"));
    QCOMPARE(messages.size(), 2);

    // A field's own copy button.
    auto *overview = tab<OverviewTab>();
    overview->field(QStringLiteral("roleArnField"))->findChild<QToolButton *>()->click();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("arn:aws:iam::123456789012:role/BedrockBatchInferenceRole"));
    QCOMPARE(messages.last().at(0).toString(), QStringLiteral("Copied Role ARN"));
}

void tst_JobDetailsPanel::copyButtonsHaveDistinctIcons()
{
    select(kRunning);
    auto *arn = m_panel->findChild<QToolButton *>(QStringLiteral("copyArnButton"));
    auto *json = m_panel->findChild<QToolButton *>(QStringLiteral("copyJsonButton"));
    const QSize size(32, 32);
    const QImage arnImage = arn->icon().pixmap(size).toImage();
    const QImage jsonImage = json->icon().pixmap(size).toImage();
    QVERIFY(!arnImage.isNull());
    QVERIFY(!jsonImage.isNull());
    QVERIFY(arnImage != jsonImage);
    // Readable on the dark palette too: the icon is drawn in the button's text colour.
    m_panel->setPalette(AppTheme::darkPalette());
    const QImage dark = json->icon().pixmap(size).toImage();
    QVERIFY(dark != jsonImage);
    QVERIFY(arn->icon().pixmap(size).toImage() != dark);
}

namespace {
// Watches an OpenAI batch served by Bifrost's native routes (`status`, `counts` as its
// request_counts; its results: two of four records failed) and waits until its results are read.
bool watchNativeBatch(DetailsRig &rig, const QString &id, const QByteArray &status,
                      const QByteArray &counts)
{
    rig.monitor->setNativeSource(
            QStringLiteral("openai"),
            std::make_unique<NativeBatchSource>(&rig.client, QStringLiteral("openai")));
    auto fallback = [&rig](const FakeRequest &r) {
        return rig.answer(r);
    };
    const QByteArray path = "/v1/batches/" + QUrl::toPercentEncoding(id);
    rig.nam.setHandler([=](const FakeRequest &r) {
        if (r.encodedPath() == path + "/results")
            return FakeResponse::json(
                    200, R"({"batch_id":"b","results":[)"
                         R"({"custom_id":"r-1","response":{"status_code":200}},)"
                         R"({"custom_id":"r-2","error":{"code":"400","message":"Bad input"}},)"
                         R"({"custom_id":"r-3","response":{"status_code":200}},)"
                         R"({"custom_id":"r-4","result":{"type":"expired"}}]})");
        if (r.encodedPath() == path)
            return FakeResponse::json(200, R"({"id":")" + id.toUtf8() + R"(","status":")" + status
                                                   + R"(","created_at":1742025600,)"
                                                   + R"("request_counts":)" + counts + "}");
        return fallback(r);
    });
    rig.monitor->watch({JobIdentifier::parse(id)}, QStringLiteral("openai"));
    return rig.quiet()
           && QTest::qWaitFor([&] { return rig.monitor->job(id) && rig.monitor->job(id)->results; })
           && rig.quiet();
}
} // namespace

void tst_JobDetailsPanel::recordsExportSavesTheFailedRecords()
{
    const QString id = QStringLiteral("batch_67d3f1a2b9c08190");
    QVERIFY(watchNativeBatch(*m_rig, id, "completed", R"({"total":4,"completed":2,"failed":2})"));
    select(id);
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("records")));
    auto *records = tab<RecordsTab>();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("failed.jsonl"));
    QString proposed;
    records->setSavePathPicker([&](QWidget *, const QString &suggested) {
        proposed = suggested;
        return target;
    });
    auto *button = records->findChild<QPushButton *>(QStringLiteral("recordsExportButton"));
    QVERIFY(button && button->isVisible() && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY2(proposed.endsWith(QStringLiteral("batch_67d3f1a2b9c08190-failed-records.jsonl")),
             qPrintable(proposed));
    QSignalSpy messages(m_panel.get(), &JobDetailsPanel::statusMessage);
    QTRY_VERIFY(!records->exportStatusText().isEmpty());
    QVERIFY2(records->exportStatusText().startsWith(QStringLiteral("Saved 2 failed records to ")),
             qPrintable(records->exportStatusText()));
    QVERIFY(records->exportStatusText().contains(QDir::toNativeSeparators(target)));
    QCOMPARE(messages.size(), 1);
    QVERIFY(!records->isExportCancelShown());
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(u"customId").toString(),
             QStringLiteral("r-2"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"outcome").toString(),
             QStringLiteral("expired"));
}

void tst_JobDetailsPanel::headerBadgeOfAnEndedBatchWithFailuresIsFailed()
{
    const QString id = QStringLiteral("batch_ended0001");
    QVERIFY(watchNativeBatch(*m_rig, id, "ended", R"({"total":4,"completed":2,"failed":2})"));
    select(id);
    auto *badge = m_panel->findChild<StatusBadge *>(QStringLiteral("statusBadge"));
    QVERIFY(badge);
    QCOMPARE(badge->text(), StatusPresentation::text(JobStatus::Ended));
    QCOMPARE(badge->group(), StatusGroup::Failed); // like the Failed chip that counts it
}

void tst_JobDetailsPanel::countsFromResultsAreMarkedInTheOverview()
{
    // All-zero counts on an ended batch are "not reported": the results tell them.
    const QString id = QStringLiteral("batch_nocounts01");
    QVERIFY(watchNativeBatch(*m_rig, id, "completed", R"({"total":0,"completed":0,"failed":0})"));
    select(id);
    auto *overview = tab<OverviewTab>();
    CopyableField *records = overview->field(QStringLiteral("recordsField"));
    QCOMPARE(records->text(), QStringLiteral("4 of 4 processed · 2 succeeded · 2 failed"));
    QLabel *label = nullptr;
    for (QFormLayout *f : overview->findChildren<QFormLayout *>()) {
        if (auto *l = qobject_cast<QLabel *>(f->labelForField(records)))
            label = l;
    }
    QVERIFY(label);
    QVERIFY2(label->text().contains(QStringLiteral("from results")), qPrintable(label->text()));
}

void tst_JobDetailsPanel::tabNamesAndStateRoundTrip()
{
    select(kRunning);
    for (const QString &name : JobDetailsPanel::tabNames()) {
        QVERIFY(m_panel->setCurrentTab(name));
        QCOMPARE(m_panel->currentTabName(), name);
    }
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("Timeline")));
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("timeline"));
    QVERIFY(!m_panel->setCurrentTab(QStringLiteral("settings")));
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("timeline"));

    const QByteArray state = m_panel->saveState();
    JobDetailsPanel other;
    QVERIFY(!other.restoreState(QByteArray("not a state")));
    QCOMPARE(other.currentTabName(), QStringLiteral("overview"));
    QVERIFY(other.restoreState(state));
    QCOMPARE(other.currentTabName(), QStringLiteral("timeline"));
}

void tst_JobDetailsPanel::tabsWrapInANarrowPanelAndFollowTheKeys()
{
    select(kRunning);
    auto *bar = m_panel->findChild<WrappingTabBar *>();
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->count(), int(JobDetailsPanel::tabNames().size()));
    QVERIFY(!m_panel->findChild<QTabWidget *>()->tabBar()->isVisible());
    // Wide: one row. Narrow: the tabs wrap onto more rows, every one whole, none over another,
    // and the page starts below the last row.
    m_panel->resize(m_panel->widthShowingEveryTab() + 20, 640);
    QTRY_COMPARE(bar->rowCount(), 1);
    m_panel->resize(360, 640);
    QTRY_VERIFY(bar->rowCount() >= 2);
    QTRY_VERIFY(bar->height() >= bar->heightForWidth(bar->width()));
    QFont bold = bar->font();
    bold.setBold(true);
    QRegion taken;
    for (int i = 0; i < bar->count(); ++i) {
        const QRect tab = bar->tabRect(i);
        QVERIFY2(bar->rect().contains(tab) && !taken.intersects(tab)
                         && tab.width() > QFontMetrics(bold).horizontalAdvance(bar->tabText(i)),
                 qPrintable(bar->tabText(i)));
        taken += tab;
    }
    QVERIFY(bar->geometry().bottom() < m_panel->findChild<QTabWidget *>()->geometry().top());

    // A click chooses a tab; the keys move from it, across the rows too.
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("overview")));
    const int history = int(JobDetailsPanel::tabNames().indexOf(QStringLiteral("history")));
    QTest::mouseClick(bar->childAt(bar->tabRect(history).center()), Qt::LeftButton);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("history"));
    bar->setFocus(Qt::TabFocusReason);
    QTest::keyClick(bar, Qt::Key_Home);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("overview"));
    QTest::keyClick(bar, Qt::Key_Right);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("progress"));
    QTest::keyClick(bar, Qt::Key_Left);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("overview"));
    QTest::keyClick(bar, Qt::Key_Left); // the first stays
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("overview"));
    QTest::keyClick(bar, Qt::Key_Down); // the row below, under it
    QVERIFY(bar->tabRect(bar->currentIndex()).top() > bar->tabRect(0).top());
    QTest::keyClick(bar, Qt::Key_Up);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("overview"));
    QTest::keyClick(bar, Qt::Key_End);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("raw"));
    QTest::keyClick(bar, Qt::Key_Tab, Qt::ControlModifier); // as in the tab widget: wraps
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("overview"));
    // Chosen elsewhere (a saved state, --tab): the bar follows.
    QVERIFY(m_panel->setCurrentTab(QStringLiteral("vpc")));
    QCOMPARE(bar->currentIndex(), int(JobDetailsPanel::tabNames().indexOf(QStringLiteral("vpc"))));
}

void tst_JobDetailsPanel::theTabsReadAsPageTabsToAScreenReader()
{
    // As QTabBar's: a page tab list whose page tabs carry the titles, the current one selected;
    // a key that changes the tab moves the reader's focus to the new tab (the focus event
    // itself needs a platform with assistive technology on: not offscreen).
    select(kRunning);
    auto *bar = m_panel->findChild<WrappingTabBar *>();
    QVERIFY(bar);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(bar);
    QVERIFY(list);
    QCOMPARE(list->role(), QAccessible::PageTabList);
    const auto pageTabs = [list] {
        QList<QAccessibleInterface *> out;
        for (int i = 0; i < list->childCount(); ++i) {
            QAccessibleInterface *child = list->child(i);
            if (child && child->role() == QAccessible::PageTab && !child->state().invisible)
                out.append(child);
        }
        return out;
    };
    QStringList titles;
    for (int i = 0; i < bar->count(); ++i) {
        if (!bar->tabRect(i).isEmpty())
            titles << bar->tabText(i);
    }
    QStringList names;
    QStringList selected;
    for (QAccessibleInterface *tab : pageTabs()) {
        names << tab->text(QAccessible::Name);
        if (tab->state().selected)
            selected << tab->text(QAccessible::Name);
    }
    QCOMPARE(names, titles);
    QCOMPARE(selected, QStringList{bar->tabText(bar->currentIndex())});

    QVERIFY(m_panel->setCurrentTab(QStringLiteral("overview")));
    bar->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(bar->hasFocus());
    QTest::keyClick(bar, Qt::Key_Right);
    QCOMPARE(m_panel->currentTabName(), QStringLiteral("progress"));
    QAccessibleInterface *progress = nullptr;
    for (QAccessibleInterface *tab : pageTabs()) {
        if (tab->state().selected)
            progress = tab;
    }
    QVERIFY(progress);
    QCOMPARE(progress->text(QAccessible::Name), bar->tabText(bar->currentIndex()));
    QVERIFY(progress->state().focused);
    // The press action chooses a tab, as a click does.
    QAccessibleInterface *first = pageTabs().constFirst();
    first->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(m_panel->currentTabName(), JobDetailsPanel::tabNames().constFirst());
}

void tst_JobDetailsPanel::removedJobFallsBackToTheEmptyState()
{
    select(kRunning);
    QCOMPARE(currentPage(*m_panel)->objectName(), QStringLiteral("detailsPage"));
    m_rig->monitor->unwatch({kRunning});
    QCOMPARE(currentPage(*m_panel)->objectName(), QStringLiteral("emptyPage"));
}

void tst_JobDetailsPanel::rendersEveryTabInLightAndDark()
{
    // Every tab paints something of its own in both palettes (no blank page); with
    // BATCHWATCH_SCREENSHOT_DIR set the pictures are kept for a look.
    QVERIFY(runLifecycle());
    const QString dir = qEnvironmentVariable("BATCHWATCH_SCREENSHOT_DIR");
    for (const auto &[theme, palette] :
         {std::pair{QStringLiteral("light"), AppTheme::lightPalette()},
          std::pair{QStringLiteral("dark"), AppTheme::darkPalette()}}) {
        m_panel->setPalette(palette);
        select(QString());
        QCoreApplication::processEvents();
        if (!dir.isEmpty())
            m_panel->grab().save(
                    QDir(dir).filePath(QStringLiteral("details-%1-empty.png").arg(theme)));
        for (const QString &job : {kRunning, kFailed, kLifecycle, kQueued, kNoVpc}) {
            select(job);
            for (const QString &name : JobDetailsPanel::tabNames()) {
                QVERIFY(m_panel->setCurrentTab(name));
                QCoreApplication::processEvents();
                const QImage image = m_panel->grab().toImage();
                QVERIFY(!image.isNull());
                QSet<QRgb> colours;
                for (int y = 0; y < image.height(); y += 7)
                    for (int x = 0; x < image.width(); x += 7)
                        colours.insert(image.pixel(x, y));
                QVERIFY2(colours.size() > 8, qPrintable(name));
                if (!dir.isEmpty())
                    image.save(QDir(dir).filePath(
                            QStringLiteral("details-%1-%2-%3.png").arg(theme, job, name)));
            }
        }
    }
}

QTEST_MAIN(tst_JobDetailsPanel)
#include "tst_jobdetailspanel.moc"
