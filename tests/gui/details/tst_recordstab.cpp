#include "details/recordstab.h"
#include "models/errorgroupmodel.h"
#include "presentation/uilanguage.h"
#include "widgets/outcomebar.h"

#include "taborder.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::test;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

ResultsSummary::ErrorGroup group(const QString &code, const QString &message, qint64 count,
                                 const QStringList &ids)
{
    ResultsSummary::ErrorGroup g;
    g.code = code;
    g.message = message;
    g.count = count;
    g.sampleIds = ids;
    g.exampleMessage = message;
    return g;
}

// A Bedrock job the gateway calls failed whose records mostly succeeded.
WatchedJob failedJob(bool withResults)
{
    WatchedJob w;
    w.identifier = QStringLiteral("k3x9p2m7q1ab");
    w.job.jobArn = w.identifier;
    w.job.status = Status::fromCode(JobStatus::Failed);
    w.fetchedAt = kNow;
    if (withResults) {
        ResultsSummary r;
        r.fetchedAt = kNow.addSecs(-300);
        r.succeeded = 41000;
        r.errored = 234;
        r.complete = true;
        r.bytesRead = 12 * 1024 * 1024;
        r.pages = 1;
        r.errorGroups = {
                group(QStringLiteral("rate_limit"), QStringLiteral("Too many requests"), 34,
                      {QStringLiteral("rec-0007"), QStringLiteral("rec-0912")}),
                group(QStringLiteral("ValidationException"),
                      QStringLiteral("Input is too long for requested model"), 200,
                      {QStringLiteral("rec-0101")}),
        };
        w.results = r;
    }
    return w;
}
} // namespace

class tst_RecordsTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    }

    void init();
    void cleanup();
    void saysResultsWereNeverFetched();
    void saysWhenTheGatewayHasNoResultsRoute();
    void showsOutcomesVerdictAndGroupsLargestFirst();
    void sortsGroupsByTheClickedColumn();
    void copiesGroupsWithCtrlC();
    void saysWhenTheReadWasCapped();
    void fetchShowsProgressWithCancel();
    void exportIsOfferedWhenRecordsFailedOrNobodyKnows();
    void exportAsksForAFileAndShowsProgressWithCancel();
    void suggestedExportFileNameIsSafe_data();
    void suggestedExportFileNameIsSafe();
    void refreshAndExportSitOnOneRow();
    void tabGoesFromTheButtonsToTheGroups();
    void groupTableShowsMessagesAndSamplesInFull();

private:
    std::unique_ptr<RecordsTab> m_tab;
};

void tst_RecordsTab::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_tab = std::make_unique<RecordsTab>();
    m_tab->resize(640, 480);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void tst_RecordsTab::cleanup()
{
    m_tab.reset();
}

void tst_RecordsTab::saysResultsWereNeverFetched()
{
    m_tab->setJob(failedJob(false), kNow);
    QVERIFY(m_tab->isShowingEmptyState());
    QVERIFY2(m_tab->emptyStateText().contains(QStringLiteral("not fetched yet")),
             qPrintable(m_tab->emptyStateText()));
    QCOMPARE(m_tab->fetchButtonText(), QStringLiteral("Fetch results"));
    auto *fetch = m_tab->findChild<QPushButton *>(QStringLiteral("recordsFetchButton"));
    QVERIFY(fetch && fetch->isEnabled());
    QSignalSpy requested(m_tab.get(), &RecordsTab::fetchRequested);
    QTest::mouseClick(fetch, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
}

void tst_RecordsTab::saysWhenTheGatewayHasNoResultsRoute()
{
    m_tab->setJob(failedJob(false), kNow);
    m_tab->setResultsRoute(RecordsTab::ResultsRoute::Unavailable);
    QVERIFY(m_tab->isShowingEmptyState());
    QVERIFY2(m_tab->emptyStateText().contains(QStringLiteral("no per-record results")),
             qPrintable(m_tab->emptyStateText()));
    auto *fetch = m_tab->findChild<QPushButton *>(QStringLiteral("recordsFetchButton"));
    QVERIFY(!fetch->isEnabled());
}

void tst_RecordsTab::showsOutcomesVerdictAndGroupsLargestFirst()
{
    m_tab->setJob(failedJob(true), kNow);
    QVERIFY(!m_tab->isShowingEmptyState());
    QCOMPARE(m_tab->verdictText(),
             QStringLiteral("Failed by the gateway — 41,000 of 41,234 records succeeded"));
    QVERIFY2(m_tab->summaryText().startsWith(QStringLiteral("41,234 records read")),
             qPrintable(m_tab->summaryText()));
    QCOMPARE(m_tab->fetchButtonText(), QStringLiteral("Refresh"));
    QCOMPARE(m_tab->cappedText(), QString());

    auto *bar = m_tab->findChild<OutcomeBar *>();
    QVERIFY(bar);
    QCOMPARE(bar->count(OutcomeBar::Succeeded), 41000);
    QCOMPARE(bar->count(OutcomeBar::Errored), 234);
    QCOMPARE(bar->count(OutcomeBar::Expired), 0);

    QAbstractItemModelTester tester(m_tab->groupsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QAbstractItemModel *model = m_tab->groupsView()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, ErrorGroupModel::CodeColumn).data().toString(),
             QStringLiteral("ValidationException"));
    QCOMPARE(model->index(0, ErrorGroupModel::CountColumn).data().toString(),
             QStringLiteral("200"));
    QCOMPARE(model->index(1, ErrorGroupModel::SampleIdsColumn).data().toString(),
             QStringLiteral("rec-0007, rec-0912"));
    QVERIFY(m_tab->groupsView()->isVisible());
}

void tst_RecordsTab::sortsGroupsByTheClickedColumn()
{
    m_tab->setJob(failedJob(true), kNow);
    QHeaderView *header = m_tab->groupsView()->horizontalHeader();
    const QAbstractItemModel *model = m_tab->groupsView()->model();
    // Click "Code": ascending, case-insensitive.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(ErrorGroupModel::CodeColumn) + 5,
                             header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(ErrorGroupModel::CodeColumn));
    const QString first = model->index(0, ErrorGroupModel::CodeColumn).data().toString();
    const QString second = model->index(1, ErrorGroupModel::CodeColumn).data().toString();
    QVERIFY(first.compare(second, Qt::CaseInsensitive) != 0);
    QCOMPARE(header->sortIndicatorOrder() == Qt::AscendingOrder,
             first.compare(second, Qt::CaseInsensitive) < 0);
}

void tst_RecordsTab::copiesGroupsWithCtrlC()
{
    m_tab->setJob(failedJob(true), kNow);
    QTableView *view = m_tab->groupsView();
    view->setFocus();
    view->selectRow(1);
    QApplication::clipboard()->clear();
    QSignalSpy message(m_tab.get(), &RecordsTab::statusMessage);
    QTest::keySequence(view, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("Code\tMessage\tRecords\tSample ids\n"
                            "rate_limit\tToo many requests\t34\trec-0007 rec-0912\n"));
    QCOMPARE(message.size(), 1);

    QCOMPARE(m_tab->copySampleIds(), 2);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("rec-0007\nrec-0912"));
}

void tst_RecordsTab::saysWhenTheReadWasCapped()
{
    WatchedJob w = failedJob(true);
    w.results->capped = true;
    w.results->complete = false;
    w.results->bytesRead = 256LL * 1024 * 1024;
    m_tab->setJob(w, kNow);
    QVERIFY2(m_tab->cappedText().startsWith(QStringLiteral("Capped at 256 MiB")),
             qPrintable(m_tab->cappedText()));
    QVERIFY(m_tab->verdictText().endsWith(QStringLiteral("(in the part of the results read)")));
}

void tst_RecordsTab::fetchShowsProgressWithCancel()
{
    m_tab->setJob(failedJob(false), kNow);
    QVERIFY(!m_tab->isCancelShown());
    m_tab->setFetching(true);
    QVERIFY(m_tab->isCancelShown());
    auto *fetch = m_tab->findChild<QPushButton *>(QStringLiteral("recordsFetchButton"));
    QVERIFY(!fetch->isEnabled());
    m_tab->setBytesRead(3 * 1024 * 1024 + 512 * 1024);
    auto *bar = m_tab->findChild<QProgressBar *>(QStringLiteral("recordsProgressBar"));
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->format(), QStringLiteral("3.5 MiB read"));

    QSignalSpy cancel(m_tab.get(), &RecordsTab::cancelRequested);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("recordsCancelButton")),
                      Qt::LeftButton);
    QCOMPARE(cancel.size(), 1);

    // A failed read says why and keeps what was known.
    m_tab->setFetchFailed(QStringLiteral("The gateway answered 502"));
    QVERIFY(!m_tab->isCancelShown());
    QVERIFY(fetch->isEnabled());
    QVERIFY(m_tab->isShowingEmptyState());
}

void tst_RecordsTab::exportIsOfferedWhenRecordsFailedOrNobodyKnows()
{
    m_tab->setJob(failedJob(false), kNow); // no results yet: nobody knows, so it may
    QVERIFY(m_tab->isExportEnabled());
    m_tab->setJob(failedJob(true), kNow); // 234 errored
    QVERIFY(m_tab->isExportEnabled());

    WatchedJob clean = failedJob(true);
    clean.identifier = QStringLiteral("aaaa00000001");
    clean.results->succeeded = 41234;
    clean.results->errored = 0;
    clean.results->errorGroups.clear();
    m_tab->setJob(clean, kNow);
    QVERIFY(!m_tab->isExportEnabled()); // every record succeeded: nothing to export

    m_tab->setJob(failedJob(false), kNow);
    m_tab->setResultsRoute(RecordsTab::ResultsRoute::Unavailable);
    QVERIFY(!m_tab->isExportEnabled());
}

void tst_RecordsTab::exportAsksForAFileAndShowsProgressWithCancel()
{
    m_tab->setJob(failedJob(true), kNow);
    QSignalSpy requested(m_tab.get(), &RecordsTab::exportFailedRequested);
    QString answer; // the user gives up first
    m_tab->setSavePathPicker([&answer](QWidget *, const QString &) { return answer; });
    auto *button = m_tab->findChild<QPushButton *>(QStringLiteral("recordsExportButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), 0);
    answer = QStringLiteral("/tmp/out.jsonl");
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), answer);

    m_tab->setExporting(true);
    QVERIFY(!m_tab->isExportEnabled());
    QVERIFY(m_tab->isExportCancelShown());
    m_tab->setExportProgress(120, 3 * 1024 * 1024);
    auto *bar = m_tab->findChild<QProgressBar *>(QStringLiteral("recordsExportProgressBar"));
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->format().startsWith(QStringLiteral("120 failed record")),
             qPrintable(bar->format()));
    QSignalSpy cancel(m_tab.get(), &RecordsTab::exportCancelRequested);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("recordsExportCancelButton")),
                      Qt::LeftButton);
    QCOMPARE(cancel.size(), 1);
    m_tab->setExportFinished(QStringLiteral("Export cancelled; no file was written."), true);
    QVERIFY(!m_tab->isExportCancelShown());
    QVERIFY(!bar->isVisible());
    QVERIFY(m_tab->isExportEnabled());
    QCOMPARE(m_tab->exportStatusText(), QStringLiteral("Export cancelled; no file was written."));

    // Another job starts afresh.
    WatchedJob other = failedJob(true);
    other.identifier = QStringLiteral("aaaa00000002");
    m_tab->setJob(other, kNow);
    QVERIFY(m_tab->exportStatusText().isEmpty());
}

void tst_RecordsTab::suggestedExportFileNameIsSafe_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("by name") << QStringLiteral("k3x9p2m7q1ab")
                             << QStringLiteral("nightly eval/2025 03")
                             << QStringLiteral("nightly_eval_2025_03-failed-records.jsonl");
    QTest::newRow("gemini id") << QStringLiteral("batches/qv4d75wtf2my4d5c") << QString()
                               << QStringLiteral("batches_qv4d75wtf2my4d5c-failed-records.jsonl");
    QTest::newRow("hidden-looking") << QStringLiteral("k3x9p2m7q1ab") << QStringLiteral("..secret")
                                    << QStringLiteral("secret-failed-records.jsonl");
    QTest::newRow("nothing usable") << QStringLiteral("k3x9p2m7q1ab") << QStringLiteral("////")
                                    << QStringLiteral("batch-failed-records.jsonl");
}

void tst_RecordsTab::suggestedExportFileNameIsSafe()
{
    QFETCH(QString, identifier);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    WatchedJob w;
    w.identifier = identifier;
    if (!name.isEmpty())
        w.job.jobName = name;
    QCOMPARE(RecordsTab::suggestedExportFileName(w), expected);
}

void tst_RecordsTab::refreshAndExportSitOnOneRow()
{
    // The lead saw Refresh and "Export failed records…" on two rows: they are one toolbar.
    m_tab->setJob(failedJob(true), kNow);
    QCoreApplication::processEvents();
    auto *fetch = m_tab->findChild<QPushButton *>(QStringLiteral("recordsFetchButton"));
    auto *exportButton = m_tab->findChild<QPushButton *>(QStringLiteral("recordsExportButton"));
    QVERIFY(fetch->isVisible() && exportButton->isVisible());
    const QRect a(fetch->mapTo(m_tab.get(), QPoint()), fetch->size());
    const QRect b(exportButton->mapTo(m_tab.get(), QPoint()), exportButton->size());
    QCOMPARE(a.center().y(), b.center().y());
    QVERIFY(b.left() > a.right());                                     // Export right of Refresh
    QVERIFY(b.left() - a.right() < 3 * m_tab->fontMetrics().height()); // side by side

    // While the results are read the progress shows under them; the buttons stay put.
    m_tab->setFetching(true);
    QCoreApplication::processEvents();
    auto *progress = m_tab->findChild<QProgressBar *>(QStringLiteral("recordsProgressBar"));
    QVERIFY(progress->isVisible());
    QVERIFY(progress->mapTo(m_tab.get(), QPoint()).y() > a.bottom());
    QCOMPARE(QRect(fetch->mapTo(m_tab.get(), QPoint()), fetch->size()).center().y(),
             a.center().y());
}

void tst_RecordsTab::tabGoesFromTheButtonsToTheGroups()
{
    m_tab->setJob(failedJob(true), kNow);
    QCoreApplication::processEvents();
    QCOMPARE(tabOrder(m_tab.get()),
             names({"recordsFetchButton", "recordsExportButton", "recordsGroupsView"}));
    // Reading: Refresh is disabled, its Cancel comes after Export on the row below.
    m_tab->setFetching(true);
    QCoreApplication::processEvents();
    QCOMPARE(tabOrder(m_tab.get()),
             names({"recordsExportButton", "recordsCancelButton", "recordsGroupsView"}));
    // Tab leaves the table instead of walking its cells.
    QCOMPARE(viewsThatTrapTab(m_tab.get()), QStringList());
}

void tst_RecordsTab::groupTableShowsMessagesAndSamplesInFull()
{
    // The lead saw Message and Sample ids cut with no way to read them.
    WatchedJob job = failedJob(true);
    const QString longMessage = QStringLiteral(
            "Input is too long for requested model: the prompt has 210,344 tokens and the "
            "model accepts at most 200,000");
    job.results->errorGroups[1].message = longMessage;
    job.results->errorGroups[1].exampleMessage = longMessage;
    m_tab->resize(900, 480);
    m_tab->setJob(job, kNow);
    QCoreApplication::processEvents();
    QTableView *view = m_tab->groupsView();
    const QHeaderView *header = view->horizontalHeader();
    // Every column on screen, none wider than the view: no sideways scrolling to find one.
    int total = 0;
    for (int c = 0; c < header->count(); ++c) {
        QVERIFY2(header->sectionSize(c) > 2 * view->fontMetrics().averageCharWidth(),
                 qPrintable(QString::number(c)));
        total += header->sectionSize(c);
    }
    QVERIFY2(total <= view->viewport()->width() + 1,
             qPrintable(QStringLiteral("%1 > %2").arg(total).arg(view->viewport()->width())));
    // The message gets the most room; what does not fit is elided and in full in the tooltip.
    for (int c : {ErrorGroupModel::CodeColumn, ErrorGroupModel::CountColumn,
                  ErrorGroupModel::SampleIdsColumn})
        QVERIFY(header->sectionSize(ErrorGroupModel::MessageColumn) > header->sectionSize(c));
    QCOMPARE(view->textElideMode(), Qt::ElideRight);
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex message = model->index(row, ErrorGroupModel::MessageColumn);
        QVERIFY(model->index(row, ErrorGroupModel::SampleIdsColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("rec-0")));
        if (message.data().toString().startsWith(QStringLiteral("Input is too long")))
            QVERIFY(message.data(Qt::ToolTipRole).toString().contains(QStringLiteral("200,000")));
    }
}

QTEST_MAIN(tst_RecordsTab)
#include "tst_recordstab.moc"
