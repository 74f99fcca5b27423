#include "fixtures.h"
#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "watchedjobs.h"
#include "wire/jobcodec.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {
using M = JobTableModel;

const QDateTime kNow = QDateTime(QDate(2025, 3, 15), QTime(12, 0), Qt::UTC);

// Identifiers are what the user typed.
const QString kCompleted = QStringLiteral("k3x9p2m7q1ab");
const QString kPartial = QStringLiteral("h5j7k9l1m3n5");
const QString kScheduled = QStringLiteral("a1b2c3d4e5f6");
const QString kRunning = QStringLiteral("m4n8b2v6c0xz");
const QString kFailed = QStringLiteral("q7w2e9r4t1yu");
const QString kFinalizing = QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798");

QList<WatchedJob> fixtureJobs()
{
    return test::sixFixtureJobs({kCompleted, kPartial, kScheduled, kRunning, kFailed, kFinalizing},
                                kNow.addDays(-2), kNow.addSecs(-30), false);
}

WatchedJob synthetic(const QString &id, JobStatus status)
{
    WatchedJob w;
    w.identifier = id;
    w.job.jobArn = id;
    w.job.status = Status::fromCode(status);
    w.fetchedAt = kNow;
    return w;
}
} // namespace

class tst_JobFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sortsSubmitTimesAsInstantsAcrossZones();
    void sortsNumbersNumericallyNotAsText_data();
    void sortsNumbersNumericallyNotAsText();
    void sortsNamesWithNumbersNaturally();
    void absentValuesSortLastInBothOrders_data();
    void absentValuesSortLastInBothOrders();
    void sortsStatusByLifecycle();
    void resortsWhenASortedValueChanges();
    void resortsOnceForScatteredChangesAndKeepsTheCurrentRow();
    void aLargeChangeIsSortedAndFilteredAsAWhole();
    void filtersByStatusGroups_data();
    void filtersByStatusGroups();
    void searchesNameIdArnAndModel_data();
    void searchesNameIdArnAndModel();
    void activeOnlyHidesTerminalJobs();
    void filtersBySubmitTimeRange_data();
    void filtersBySubmitTimeRange();
    void combinesFiltersAndClearsThemAtOnce();
    void refiltersWhenAStatusChanges();
    void countsSourceRowsPerGroupIgnoringFilters();
    void reportsTheVisibleRowCount();
    void filtersByProviderAndListsThePresentOnes();
    void countsAnEndedBatchWithFailuresAsFailed();
    void keyedSortFollowsCollationThroughChanges_data();
    void keyedSortFollowsCollationThroughChanges();
    void rankedNameSortMatchesTheCollator_data();
    void rankedNameSortMatchesTheCollator();
    void sortsEqualStatusesByTextThenSourceOrder();
    void largeFilterChangeIsOneLayoutChange();
    void smallFilterChangeMovesRows();
    void searchFoldsCaseBeyondAscii_data();
    void searchFoldsCaseBeyondAscii();

private:
    QStringList visibleIds() const;
    // The name order the proxy promises, computed here from the source's names: collation
    // (case-insensitive, numeric), then exact text, then source order; absent names last.
    QStringList expectedByName(Qt::SortOrder order) const;
    // The source's names of `ids`, "<none>" for a job without one.
    QStringList namesOf(const QStringList &ids) const;

    std::unique_ptr<M> m_source;
    std::unique_ptr<JobFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_JobFilterProxyModel::init()
{
    m_source = std::make_unique<M>([] { return kNow; });
    m_proxy = std::make_unique<JobFilterProxyModel>();
    m_proxy->setSourceModel(m_source.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_JobFilterProxyModel::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_source.reset();
}

QStringList tst_JobFilterProxyModel::visibleIds() const
{
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        ids << m_proxy->index(row, 0).data(M::IdentifierRole).toString();
    return ids;
}

void tst_JobFilterProxyModel::sortsSubmitTimesAsInstantsAcrossZones()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    // Gateways send their own zone: 10:26:53+01:00 is 09:26:53Z, 208 ms before the Completed
    // job's 09:26:53.208Z although its text sorts after it.
    QCOMPARE(jobs.at(5).job.submitTime.value(),
             QDateTime(QDate(2025, 3, 14), QTime(10, 26, 53), QTimeZone(3600)));
    WatchedJob local = synthetic(QStringLiteral("batch_local_zone"), JobStatus::InProgress);
    local.job.submitTime = QDateTime(QDate(2025, 3, 14), QTime(10, 30), QTimeZone(3600));
    jobs.append(local); // 09:30Z
    m_source->upsertJobs(jobs);

    m_proxy->sort(M::SubmittedColumn, Qt::AscendingOrder);
    QCOMPARE(visibleIds(), (QStringList{kPartial, kRunning, kFinalizing, kCompleted,
                                        QStringLiteral("batch_local_zone"), kScheduled, kFailed}));
    m_proxy->sort(M::SubmittedColumn, Qt::DescendingOrder);
    QCOMPARE(visibleIds(), (QStringList{kFailed, kScheduled, QStringLiteral("batch_local_zone"),
                                        kCompleted, kFinalizing, kRunning, kPartial}));
}

void tst_JobFilterProxyModel::sortsNumbersNumericallyNotAsText_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QList<qint64>>("seconds");
    // Durations whose display text ("9 s", "10 s", "1 min 40 s") sorts differently.
    QTest::newRow("elapsed") << int(M::ElapsedColumn) << QList<qint64>{100, 9, 10, 3600};
    QTest::newRow("expires in") << int(M::ExpiresColumn) << QList<qint64>{100, 9, 10, 3600};
}

void tst_JobFilterProxyModel::sortsNumbersNumericallyNotAsText()
{
    QFETCH(int, column);
    QFETCH(QList<qint64>, seconds);

    QList<WatchedJob> jobs;
    for (const qint64 s : seconds) {
        WatchedJob w = synthetic(QStringLiteral("job_%1").arg(s), JobStatus::Completed);
        if (column == M::ElapsedColumn) {
            w.job.submitTime = kNow.addSecs(-5000);
            w.job.endTime = kNow.addSecs(-5000 + s);
        } else {
            w.job.status = Status::fromCode(JobStatus::Scheduled);
            w.job.jobExpirationTime = kNow.addSecs(s);
        }
        jobs << w;
    }
    m_source->upsertJobs(jobs);

    m_proxy->sort(column, Qt::AscendingOrder);
    QCOMPARE(visibleIds(), (QStringList{QStringLiteral("job_9"), QStringLiteral("job_10"),
                                        QStringLiteral("job_100"), QStringLiteral("job_3600")}));
    m_proxy->sort(column, Qt::DescendingOrder);
    QCOMPARE(visibleIds(), (QStringList{QStringLiteral("job_3600"), QStringLiteral("job_100"),
                                        QStringLiteral("job_10"), QStringLiteral("job_9")}));
}

void tst_JobFilterProxyModel::sortsNamesWithNumbersNaturally()
{
    QList<WatchedJob> jobs;
    for (const char *name : {"nightly-10", "Nightly-2", "nightly-9", "audit"}) {
        WatchedJob w = synthetic(QString::fromLatin1(name).toLower().replace(u'-', u'_'),
                                 JobStatus::Completed);
        w.job.jobName = QString::fromLatin1(name);
        jobs << w;
    }
    m_source->upsertJobs(jobs);
    m_proxy->sort(M::NameColumn, Qt::AscendingOrder);
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names << m_proxy->index(row, M::NameColumn).data().toString();
    QCOMPARE(names, (QStringList{QStringLiteral("audit"), QStringLiteral("Nightly-2"),
                                 QStringLiteral("nightly-9"), QStringLiteral("nightly-10")}));
}

void tst_JobFilterProxyModel::absentValuesSortLastInBothOrders_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("ascending");
    QTest::addColumn<QStringList>("descending");

    // Model: the Failed job has none; the cross-provider one reports "", a value that sorts
    // first. "claude-3-5-sonnet" < "claude-3-haiku"; equal values keep the source order.
    QTest::newRow("model") << int(M::ModelColumn) << QStringList{kFinalizing, kPartial, kCompleted,
                                                                 kScheduled,  kRunning, kFailed}
                           << QStringList{kCompleted, kScheduled,  kRunning,
                                          kPartial,   kFinalizing, kFailed};
    // Progress: only two jobs report counts; the others are indeterminate.
    QTest::newRow("progress") << int(M::ProgressColumn)
                              << QStringList{kRunning,   kPartial, kCompleted,
                                             kScheduled, kFailed,  kFinalizing}
                              << QStringList{kPartial,   kRunning, kCompleted,
                                             kScheduled, kFailed,  kFinalizing};
    // Message: only the Partial and the Failed job carry one.
    QTest::newRow("message") << int(M::MessageColumn)
                             << QStringList{kPartial,   kFailed,  kCompleted,
                                            kScheduled, kRunning, kFinalizing}
                             << QStringList{kFailed,    kPartial, kCompleted,
                                            kScheduled, kRunning, kFinalizing};
}

void tst_JobFilterProxyModel::absentValuesSortLastInBothOrders()
{
    QFETCH(int, column);
    QFETCH(QStringList, ascending);
    QFETCH(QStringList, descending);

    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    jobs[5].job.modelId = QString(); // the cross-provider list summary's ""
    m_source->upsertJobs(jobs);

    m_proxy->sort(column, Qt::AscendingOrder);
    QCOMPARE(visibleIds(), ascending);
    m_proxy->sort(column, Qt::DescendingOrder);
    QCOMPARE(visibleIds(), descending);
}

void tst_JobFilterProxyModel::sortsStatusByLifecycle()
{
    m_source->upsertJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    m_proxy->sort(M::StatusColumn, Qt::AscendingOrder);
    // Scheduled, InProgress, Finalizing (native: right after running), Completed, Partially,
    // Failed.
    QCOMPARE(visibleIds(),
             (QStringList{kScheduled, kRunning, kFinalizing, kCompleted, kPartial, kFailed}));
}

void tst_JobFilterProxyModel::resortsWhenASortedValueChanges()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_source->upsertJobs(jobs);
    m_proxy->sort(M::ProgressColumn, Qt::DescendingOrder);
    QCOMPARE(visibleIds().mid(0, 2), (QStringList{kPartial, kRunning}));

    // The scheduled job starts reporting 99 %: it moves between 100 % and 47 %.
    jobs[2].job.totalRecordCount = 1000;
    jobs[2].job.processedRecordCount = 990;
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_source->upsertJobs({jobs.at(2)});
    QCOMPARE(layout.size(), 1);
    QCOMPARE(visibleIds().mid(0, 3), (QStringList{kPartial, kScheduled, kRunning}));
}

void tst_JobFilterProxyModel::resortsOnceForScatteredChangesAndKeepsTheCurrentRow()
{
    // 200 running jobs sorted by progress; a refresh moves one job in ten to the other end.
    QList<WatchedJob> jobs;
    for (int i = 0; i < 200; ++i) {
        WatchedJob w = synthetic(QStringLiteral("job%1").arg(i, 3, 10, QLatin1Char('0')),
                                 JobStatus::InProgress);
        w.job.totalRecordCount = 1000;
        w.job.processedRecordCount = 100 + i;
        jobs.append(w);
    }
    m_source->setJobs(jobs);
    m_proxy->sort(M::ProgressColumn, Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    const auto proxyRowOf = [this](const QString &id) {
        return m_proxy->mapFromSource(m_source->index(m_source->rowOf(id), 0)).row();
    };
    const QString current = QStringLiteral("job050");
    const QString selected = QStringLiteral("job051");
    selection.setCurrentIndex(m_proxy->index(proxyRowOf(current), 0),
                              QItemSelectionModel::NoUpdate);
    selection.select(m_proxy->index(proxyRowOf(selected), 0),
                     QItemSelectionModel::Select | QItemSelectionModel::Rows);

    for (int i = 0; i < 200; i += 10)
        jobs[i].job.processedRecordCount = 900 + i / 10; // past every other job
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_source->upsertJobs(jobs);
    QCOMPARE(layout.size(), 1); // not one re-sort per changed row

    QStringList expected;
    for (int i = 0; i < 200; ++i) {
        if (i % 10 != 0)
            expected << QStringLiteral("job%1").arg(i, 3, 10, QLatin1Char('0'));
    }
    for (int i = 0; i < 200; i += 10)
        expected << QStringLiteral("job%1").arg(i, 3, 10, QLatin1Char('0'));
    QCOMPARE(visibleIds(), expected);
    QCOMPARE(selection.currentIndex().row(), proxyRowOf(current));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().constFirst().row(), proxyRowOf(selected));
}

void tst_JobFilterProxyModel::aLargeChangeIsSortedAndFilteredAsAWhole()
{
    // 320 running jobs, only running ones shown, sorted by progress; one refresh (one ranged
    // signal over ~320 rows: re-sorted as a whole) moves every third job past the others and
    // ends every seventh.
    const auto idOf = [](int i) {
        return QStringLiteral("job%1").arg(i, 3, 10, QLatin1Char('0'));
    };
    QList<WatchedJob> jobs;
    for (int i = 0; i < 320; ++i) {
        WatchedJob w = synthetic(idOf(i), JobStatus::InProgress);
        w.job.totalRecordCount = 10000;
        w.job.processedRecordCount = 100 + i;
        jobs.append(w);
    }
    m_source->setJobs(jobs);
    m_proxy->setStatusGroups({StatusGroup::Running});
    m_proxy->sort(M::ProgressColumn, Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    const auto proxyRowOf = [this](const QString &id) {
        return m_proxy->mapFromSource(m_source->index(m_source->rowOf(id), 0)).row();
    };
    const QString current = idOf(3); // moves to the far end
    selection.setCurrentIndex(m_proxy->index(proxyRowOf(current), 0),
                              QItemSelectionModel::NoUpdate);

    for (int i = 0; i < 320; ++i) {
        if (i % 3 == 0)
            jobs[i].job.processedRecordCount = 5000 + i;
        if (i % 7 == 0)
            jobs[i].job.status = Status::fromCode(JobStatus::Completed);
    }
    QSignalSpy changed(m_source.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_source->upsertJobs(jobs);
    QVERIFY(changed.size() <= 2); // ranged, not per row
    QCOMPARE(layout.size(), 1);

    QStringList expected;
    for (const bool moved : {false, true}) {
        for (int i = 0; i < 320; ++i) {
            if (i % 7 != 0 && (i % 3 == 0) == moved)
                expected << idOf(i);
        }
    }
    QCOMPARE(visibleIds(), expected);
    QCOMPARE(m_proxy->visibleCount(), int(expected.size()));
    QCOMPARE(selection.currentIndex().row(), proxyRowOf(current));
    QCOMPARE(selection.currentIndex().data(M::IdentifierRole).toString(), current);

    // A later small change still moves its row alone, in order.
    jobs[1].job.processedRecordCount = 9999;
    m_source->upsertJobs({jobs.at(1)});
    expected.removeOne(idOf(1));
    expected.append(idOf(1));
    QCOMPARE(visibleIds(), expected);
}

void tst_JobFilterProxyModel::filtersByStatusGroups_data()
{
    using Groups = QSet<StatusGroup>;
    QTest::addColumn<Groups>("groups");
    QTest::addColumn<QStringList>("visible");

    QTest::newRow("no chip selected: everything")
            << Groups{}
            << QStringList{kCompleted, kPartial, kScheduled, kRunning, kFailed, kFinalizing};
    QTest::newRow("failed: Failed and PartiallyCompleted")
            << Groups{StatusGroup::Failed} << QStringList{kPartial, kFailed};
    QTest::newRow("queued and running (finalizing is running)")
            << Groups{StatusGroup::Queued, StatusGroup::Running}
            << QStringList{kScheduled, kRunning, kFinalizing};
    QTest::newRow("no unknown status among these") << Groups{StatusGroup::Unknown} << QStringList{};
    QTest::newRow("a group without jobs") << Groups{StatusGroup::Ended} << QStringList{};
}

void tst_JobFilterProxyModel::filtersByStatusGroups()
{
    QFETCH(QSet<StatusGroup>, groups);
    QFETCH(QStringList, visible);
    m_source->upsertJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    m_proxy->setStatusGroups(groups);
    QCOMPARE(m_proxy->statusGroups(), groups);
    QCOMPARE(visibleIds(), visible);
}

void tst_JobFilterProxyModel::searchesNameIdArnAndModel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("visible");

    QTest::newRow("name, any case") << QStringLiteral("TRIAGE") << QStringList{kRunning};
    QTest::newRow("short id") << QStringLiteral("h5j7") << QStringList{kPartial};
    // Watched by its short id: only the reported ARN names the region.
    QTest::newRow("region in the ARN") << QStringLiteral("us-west-2") << QStringList{kFailed};
    QTest::newRow("provider id") << QStringLiteral("batch_67d3") << QStringList{kFinalizing};
    QTest::newRow("model") << QStringLiteral("sonnet") << QStringList{kPartial};
    QTest::newRow("every term must match")
            << QStringLiteral("haiku  legal") << QStringList{kScheduled};
    QTest::newRow("terms over different fields")
            << QStringLiteral("claude-3-haiku k3x9") << QStringList{kCompleted};
    QTest::newRow("no match") << QStringLiteral("nova") << QStringList{};
    QTest::newRow("blank is no filter")
            << QStringLiteral("  ")
            << QStringList{kCompleted, kPartial, kScheduled, kRunning, kFailed, kFinalizing};
}

void tst_JobFilterProxyModel::searchesNameIdArnAndModel()
{
    QFETCH(QString, text);
    QFETCH(QStringList, visible);
    m_source->upsertJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    m_proxy->setFilterText(text);
    QCOMPARE(visibleIds(), visible);
}

void tst_JobFilterProxyModel::activeOnlyHidesTerminalJobs()
{
    m_source->upsertJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    QSignalSpy filterChanged(m_proxy.get(), &JobFilterProxyModel::filterChanged);
    m_proxy->setActiveOnly(true);
    QCOMPARE(filterChanged.size(), 1);
    // "finalizing" is unknown, so it may still change: it stays.
    QCOMPARE(visibleIds(), (QStringList{kScheduled, kRunning, kFinalizing}));
    m_proxy->setActiveOnly(true);
    QCOMPARE(filterChanged.size(), 1);
    m_proxy->setActiveOnly(false);
    QCOMPARE(m_proxy->rowCount(), 6);
}

void tst_JobFilterProxyModel::filtersBySubmitTimeRange_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QStringList>("visible");

    const auto utc = [](int day, int h, int m, int s = 0, int ms = 0) {
        return QDateTime(QDate(2025, 3, day), QTime(h, m, s, ms), Qt::UTC);
    };
    QTest::newRow("on the 14th") << utc(14, 0, 0) << utc(14, 23, 59, 59)
                                 << QStringList{kCompleted, kScheduled, kRunning, kFinalizing};
    QTest::newRow("bounds are inclusive") << utc(14, 9, 26, 53) << utc(14, 9, 26, 53, 208)
                                          << QStringList{kCompleted, kFinalizing};
    QTest::newRow("bound in another zone")
            << QDateTime(QDate(2025, 3, 14), QTime(15, 0), QTimeZone(3600)) << QDateTime()
            << QStringList{kScheduled, kFailed}; // 14:00Z: the Scheduled job is on the bound
    QTest::newRow("open start") << QDateTime() << utc(14, 8, 15, 3)
                                << QStringList{kPartial, kRunning};
}

void tst_JobFilterProxyModel::filtersBySubmitTimeRange()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QStringList, visible);
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    jobs.append(synthetic(QStringLiteral("never_fetched"), JobStatus::Submitted));
    m_source->upsertJobs(jobs);
    m_proxy->setSubmitTimeRange(from, to);
    QCOMPARE(visibleIds(), visible);

    // Without bounds the job without submitTime is back.
    m_proxy->setSubmitTimeRange({}, {});
    QCOMPARE(m_proxy->rowCount(), 7);
}

void tst_JobFilterProxyModel::combinesFiltersAndClearsThemAtOnce()
{
    m_source->upsertJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    m_proxy->setStatusGroups({StatusGroup::Failed, StatusGroup::Completed, StatusGroup::Running});
    m_proxy->setFilterText(QStringLiteral("haiku"));
    QCOMPARE(visibleIds(), (QStringList{kCompleted, kRunning}));
    m_proxy->setActiveOnly(true);
    QCOMPARE(visibleIds(), (QStringList{kRunning}));

    QSignalSpy filterChanged(m_proxy.get(), &JobFilterProxyModel::filterChanged);
    m_proxy->clearFilters();
    QCOMPARE(filterChanged.size(), 1);
    QCOMPARE(m_proxy->rowCount(), 6);
    QVERIFY(m_proxy->statusGroups().isEmpty());
    QVERIFY(m_proxy->filterText().isEmpty());
    QVERIFY(!m_proxy->activeOnly());
}

void tst_JobFilterProxyModel::refiltersWhenAStatusChanges()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_source->upsertJobs(jobs);
    m_proxy->setStatusGroups({StatusGroup::Running});
    QCOMPARE(visibleIds(), (QStringList{kRunning, kFinalizing}));
    QSignalSpy counts(m_proxy.get(), &JobFilterProxyModel::countsChanged);
    QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);

    jobs[2].job.status = Status::fromCode(JobStatus::InProgress); // Scheduled starts running
    m_source->upsertJobs({jobs.at(2)});

    QCOMPARE(inserted.size(), 1);
    QCOMPARE(visibleIds(), (QStringList{kScheduled, kRunning, kFinalizing}));
    QCOMPARE(counts.size(), 1);
    QCOMPARE(m_proxy->count(StatusGroup::Queued), 0);
    QCOMPARE(m_proxy->count(StatusGroup::Running), 3);

    // And it leaves the view when it ends.
    jobs[2].job.status = Status::fromCode(JobStatus::Stopped);
    m_source->upsertJobs({jobs.at(2)});
    QCOMPARE(visibleIds(), (QStringList{kRunning, kFinalizing}));
    QCOMPARE(m_proxy->count(StatusGroup::Ended), 1);
}

void tst_JobFilterProxyModel::countsSourceRowsPerGroupIgnoringFilters()
{
    QSignalSpy counts(m_proxy.get(), &JobFilterProxyModel::countsChanged);
    m_source->upsertJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    QCOMPARE(counts.size(), 1);

    JobFilterProxyModel::GroupCounts expected{};
    expected[size_t(StatusGroup::Queued)] = 1;
    expected[size_t(StatusGroup::Running)] = 2; // in progress and finalizing
    expected[size_t(StatusGroup::Completed)] = 1;
    expected[size_t(StatusGroup::Failed)] = 2;
    expected[size_t(StatusGroup::Ended)] = 0;
    expected[size_t(StatusGroup::Unknown)] = 0;
    QVERIFY(m_proxy->countsByGroup() == expected);

    // Chips count the watch list, whatever is filtered.
    m_proxy->setFilterText(QStringLiteral("nothing matches this"));
    m_proxy->setStatusGroups({StatusGroup::Ended});
    QCOMPARE(m_proxy->rowCount(), 0);
    QVERIFY(m_proxy->countsByGroup() == expected);
    QCOMPARE(counts.size(), 1);

    // A change that does not touch statuses does not recount-and-signal.
    QList<WatchedJob> jobs = m_source->jobs();
    BW_RETURN_IF_FAILED();
    jobs[3].job.processedRecordCount = 20000;
    m_source->upsertJobs({jobs.at(3)});
    QCOMPARE(counts.size(), 1);

    m_source->removeJobs({kPartial, kFailed});
    QVERIFY(counts.size() > 1);
    QCOMPARE(m_proxy->count(StatusGroup::Failed), 0);
    QCOMPARE(m_proxy->count(StatusGroup::Completed), 1);

    m_source->setJobs({});
    QVERIFY(m_proxy->countsByGroup() == JobFilterProxyModel::GroupCounts{});
}

void tst_JobFilterProxyModel::reportsTheVisibleRowCount()
{
    QSignalSpy visible(m_proxy.get(), &JobFilterProxyModel::visibleCountChanged);
    m_source->upsertJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    QCOMPARE(m_proxy->visibleCount(), 6);
    QCOMPARE(visible.size(), 1);
    QCOMPARE(visible.last().at(0).toInt(), 6);

    m_proxy->setStatusGroups({StatusGroup::Failed});
    QCOMPARE(m_proxy->visibleCount(), 2);
    QCOMPARE(visible.last().at(0).toInt(), 2);

    // Same visible count through another filter: no signal.
    const qsizetype before = visible.size();
    m_proxy->setStatusGroups({StatusGroup::Failed, StatusGroup::Ended});
    QCOMPARE(visible.size(), before);
}

void tst_JobFilterProxyModel::filtersByProviderAndListsThePresentOnes()
{
    QSignalSpy present(m_proxy.get(), &JobFilterProxyModel::presentProvidersChanged);
    WatchedJob bedrock = synthetic(QStringLiteral("k3x9p2m7q1ab"), JobStatus::InProgress);
    WatchedJob openai = synthetic(QStringLiteral("batch_abc"), JobStatus::InProgress);
    openai.job.provider = QStringLiteral("openai");
    WatchedJob anthropic = synthetic(QStringLiteral("msgbatch_01Hkc"), JobStatus::Ended);
    anthropic.job.provider = QStringLiteral("anthropic");
    m_source->upsertJobs({bedrock});
    QCOMPARE(m_proxy->presentProviders(), QStringList{QStringLiteral("bedrock")});
    m_source->upsertJobs({openai, anthropic});
    QCOMPARE(m_proxy->presentProviders(),
             (QStringList{QStringLiteral("anthropic"), QStringLiteral("bedrock"),
                          QStringLiteral("openai")}));
    QCOMPARE(present.size(), 2);

    m_proxy->setProviders({QStringLiteral("openai")});
    QCOMPARE(visibleIds(), QStringList{openai.identifier});
    // A job without a reported provider is a Bedrock job.
    m_proxy->setProviders({QStringLiteral("bedrock"), QStringLiteral("anthropic")});
    QCOMPARE(visibleIds().size(), 2);
    QVERIFY(!visibleIds().contains(openai.identifier));
    // Chips still count every provider.
    QCOMPARE(m_proxy->count(StatusGroup::Running), 2);

    m_proxy->clearFilters();
    QVERIFY(m_proxy->providers().isEmpty());
    QCOMPARE(m_proxy->rowCount(), 3);

    m_source->removeJobs({openai.identifier, anthropic.identifier});
    QCOMPARE(m_proxy->presentProviders(), QStringList{QStringLiteral("bedrock")});
}

void tst_JobFilterProxyModel::countsAnEndedBatchWithFailuresAsFailed()
{
    WatchedJob ended = synthetic(QStringLiteral("msgbatch_01Hkc"), JobStatus::Ended);
    ended.job.provider = QStringLiteral("anthropic");
    ended.job.totalRecordCount = 100;
    ended.job.processedRecordCount = 100;
    ended.job.errorRecordCount = 0;
    m_source->upsertJobs({ended});
    QCOMPARE(m_proxy->count(StatusGroup::Completed), 1);

    // The counts now show failed records: the chip moves to Failed, and so does the filter.
    ended.job.errorRecordCount = 3;
    m_source->upsertJobs({ended});
    QCOMPARE(m_proxy->count(StatusGroup::Completed), 0);
    QCOMPARE(m_proxy->count(StatusGroup::Failed), 1);
    m_proxy->setStatusGroups({StatusGroup::Failed});
    QCOMPARE(visibleIds(), QStringList{ended.identifier});
}

QStringList tst_JobFilterProxyModel::namesOf(const QStringList &ids) const
{
    QStringList out;
    for (const QString &id : ids) {
        const QVariant name
                = m_source->index(m_source->rowOf(id), M::NameColumn).data(M::RawValueRole);
        out << (name.isValid() ? name.toString() : QStringLiteral("<none>"));
    }
    return out;
}

QStringList tst_JobFilterProxyModel::expectedByName(Qt::SortOrder order) const
{
    QCollator collator;
    if (collator.locale().language() == QLocale::C)
        collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    QList<int> rows;
    for (int row = 0; row < m_source->rowCount(); ++row)
        rows << row;
    const auto name = [this](int row) {
        return m_source->index(row, M::NameColumn).data(M::RawValueRole);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const QVariant x = name(a);
        const QVariant y = name(b);
        if (!x.isValid() || !y.isValid())
            return x.isValid() && !y.isValid();
        int c = collator.compare(x.toString(), y.toString());
        if (c == 0)
            c = x.toString().compare(y.toString());
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    QStringList ids;
    for (int row : rows)
        ids << m_source->index(row, 0).data(M::IdentifierRole).toString();
    return ids;
}

void tst_JobFilterProxyModel::keyedSortFollowsCollationThroughChanges_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("ascending") << Qt::AscendingOrder;
    QTest::newRow("descending") << Qt::DescendingOrder;
}

void tst_JobFilterProxyModel::keyedSortFollowsCollationThroughChanges()
{
    // The proxy keeps the sort column's values as keys between sorts: inserted rows, renamed
    // rows and removed rows must still land where the values say.
    QFETCH(Qt::SortOrder, order);
    const QStringList names{
            QStringLiteral("nightly-10"), QStringLiteral("Nightly-2"), QStringLiteral("nightly-2"),
            QStringLiteral("nightly-9"),  QStringLiteral("Ärger-3"),   QStringLiteral("arger-3"),
            QStringLiteral("zeta"),       QStringLiteral(""),          QStringLiteral("nightly-2"),
            QStringLiteral("b 1"),        QStringLiteral("b-1"),       QStringLiteral("b_1"),
    };
    QList<WatchedJob> jobs;
    for (qsizetype i = 0; i < names.size(); ++i) {
        WatchedJob w = synthetic(QStringLiteral("job%1").arg(i, 2, 10, QLatin1Char('0')),
                                 JobStatus::InProgress);
        w.job.jobName = names.at(i);
        jobs << w;
    }
    jobs << synthetic(QStringLiteral("unnamed1"), JobStatus::Completed)
         << synthetic(QStringLiteral("unnamed2"), JobStatus::Completed);
    m_source->upsertJobs(jobs);
    m_proxy->sort(M::NameColumn, order);
    QCOMPARE(visibleIds(), expectedByName(order));

    // After a sort, a row that moves is placed after the rows it equals: compare the names
    // (namesOf).
    // New rows between the known ones.
    QList<WatchedJob> added;
    for (const char *name : {"nightly-3", "NIGHTLY-10", "a", "unnamed"}) {
        WatchedJob w = synthetic(QStringLiteral("new-") + QString::fromLatin1(name).toLower(),
                                 JobStatus::Submitted);
        if (qstrcmp(name, "unnamed") != 0)
            w.job.jobName = QString::fromLatin1(name);
        added << w;
    }
    m_source->upsertJobs(added);
    QCOMPARE(namesOf(visibleIds()), namesOf(expectedByName(order)));

    // A rename moves the row; a name that disappears sends it last.
    jobs[6].job.jobName = QStringLiteral("aaa");
    jobs[3].job.jobName.reset();
    m_source->upsertJobs({jobs.at(6), jobs.at(3)});
    QCOMPARE(namesOf(visibleIds()), namesOf(expectedByName(order)));

    m_source->removeJobs({jobs.at(0).identifier, jobs.at(1).identifier, added.at(2).identifier});
    QCOMPARE(namesOf(visibleIds()), namesOf(expectedByName(order)));

    // Filtered and unfiltered again, the order holds.
    m_proxy->setFilterText(QStringLiteral("nightly"));
    m_proxy->setFilterText(QString());
    QCOMPARE(namesOf(visibleIds()), namesOf(expectedByName(order)));
}

void tst_JobFilterProxyModel::rankedNameSortMatchesTheCollator_data()
{
    // A null QString stands for a job without a name.
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<Qt::SortOrder>("order");
    const QList<std::pair<const char *, QStringList>> sets{
            {"case and accents",
             {QStringLiteral("Résumé"), QStringLiteral("resume"), QStringLiteral("RESUME"),
              QStringLiteral("résumé"), QStringLiteral("Resume"), QStringLiteral("rèsumé"),
              QStringLiteral("Äpfel"), QStringLiteral("apfel"), QStringLiteral("Apfel"),
              QStringLiteral("zebra"), QStringLiteral("Zebra"), QStringLiteral("Ångström"),
              QStringLiteral("angstrom")}},
            {"digits in numeric mode",
             {QStringLiteral("job-9"), QStringLiteral("job-10"), QStringLiteral("job-09"),
              QStringLiteral("job-010"), QStringLiteral("job-1"), QStringLiteral("job-001"),
              QStringLiteral("job-100"), QStringLiteral("Job-2"), QStringLiteral("job-2a"),
              QStringLiteral("job-2"), QStringLiteral("v1.10"), QStringLiteral("v1.9"),
              QStringLiteral("v1.2.3"), QStringLiteral("99999999999999999999"),
              QStringLiteral("100000000000000000000")}},
            {"shared prefixes",
             {QStringLiteral("support-tickets-triage-1"), QStringLiteral("support-tickets-triage"),
              QStringLiteral("support-tickets-triage-1-"),
              QStringLiteral("support-tickets-triage-10"),
              QStringLiteral("support-tickets-triage-2"), QStringLiteral("support-tickets"),
              QStringLiteral("support"), QStringLiteral("support-tickets-triage-1a"),
              QStringLiteral("support-tickets-triage-1 "),
              QStringLiteral("Support-Tickets-Triage-1")}},
            {"ties, empty names and no names",
             {QStringLiteral("same"), QString(), QStringLiteral(""), QStringLiteral("same"),
              QStringLiteral("Same"), QStringLiteral("same "), QStringLiteral(" same"),
              QStringLiteral(""), QString(), QStringLiteral("SAME"), QStringLiteral("same")}},
            {"punctuation and spaces",
             {QStringLiteral("b 1"), QStringLiteral("b-1"), QStringLiteral("b_1"),
              QStringLiteral("b.1"), QStringLiteral("b1"), QStringLiteral("b/1"),
              QStringLiteral("b+1"), QStringLiteral("(b1)"), QStringLiteral("b\t1"),
              QStringLiteral("b  1")}},
            {"other scripts",
             {QStringLiteral("Ωmega"), QStringLiteral("omega"), QStringLiteral("日本"),
              QStringLiteral("中文"), QStringLiteral("кошка"), QStringLiteral("Кошка"),
              QStringLiteral("cat"), QStringLiteral("😀x"), QStringLiteral("ß"),
              QStringLiteral("ss"), QStringLiteral("SS"), QStringLiteral("e\u0301"),
              QStringLiteral("é")}},
    };
    for (const auto &[tag, names] : sets) {
        QTest::addRow("%s, ascending", tag) << names << Qt::AscendingOrder;
        QTest::addRow("%s, descending", tag) << names << Qt::DescendingOrder;
    }
}

void tst_JobFilterProxyModel::rankedNameSortMatchesTheCollator()
{
    // A sort ranks the names once and compares ranks: the order must be the collator's
    // exactly (then exact text, then source order), and renamed rows must still move to where
    // the collator puts them while the other rows keep their ranks.
    QFETCH(QStringList, names);
    QFETCH(Qt::SortOrder, order);
    QList<WatchedJob> jobs;
    for (qsizetype i = 0; i < names.size(); ++i) {
        WatchedJob w = synthetic(QStringLiteral("job%1").arg(i, 2, 10, QLatin1Char('0')),
                                 JobStatus::InProgress);
        if (!names.at(i).isNull())
            w.job.jobName = names.at(i);
        jobs << w;
    }
    m_source->upsertJobs(jobs);
    m_proxy->sort(M::NameColumn, order);
    QCOMPARE(visibleIds(), expectedByName(order));

    // Renames (dynamic sort): one to the front, one to the end, one between two ranked names,
    // one to an exact copy of another, one losing its name.
    jobs[0].job.jobName = QStringLiteral("!");
    jobs[1].job.jobName = QStringLiteral("\uFFEE");
    jobs[2].job.jobName
            = names.at(4).isNull() ? QStringLiteral("x") : names.at(4) + QLatin1Char('a');
    jobs[3].job.jobName = jobs.at(5).job.jobName;
    jobs[6].job.jobName.reset();
    m_source->upsertJobs({jobs.at(0), jobs.at(1), jobs.at(2), jobs.at(3), jobs.at(6)});
    QCOMPARE(namesOf(visibleIds()), namesOf(expectedByName(order)));

    // A full sort again, from the unsorted state (ranks made afresh), gives the exact order.
    m_proxy->sort(-1);
    m_proxy->sort(M::NameColumn, order);
    QCOMPARE(visibleIds(), expectedByName(order));
}

void tst_JobFilterProxyModel::sortsEqualStatusesByTextThenSourceOrder()
{
    // Unknown statuses share one lifecycle rank: their text decides, then the source order.
    QList<WatchedJob> jobs;
    const QStringList texts{QStringLiteral("Zapped"), QStringLiteral("Archived"),
                            QStringLiteral("Zapped"), QStringLiteral("archived-2")};
    for (qsizetype i = 0; i < texts.size(); ++i) {
        WatchedJob w = synthetic(QStringLiteral("u%1").arg(i), JobStatus::Unknown);
        w.job.status = Status::fromString(texts.at(i));
        jobs << w;
    }
    m_source->upsertJobs(jobs);
    m_proxy->sort(M::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(visibleIds(), (QStringList{QStringLiteral("u1"), QStringLiteral("u3"),
                                        QStringLiteral("u0"), QStringLiteral("u2")}));
    m_proxy->sort(M::StatusColumn, Qt::DescendingOrder);
    QCOMPARE(visibleIds(), (QStringList{QStringLiteral("u0"), QStringLiteral("u2"),
                                        QStringLiteral("u3"), QStringLiteral("u1")}));
}

void tst_JobFilterProxyModel::largeFilterChangeIsOneLayoutChange()
{
    // Hiding or showing thousands of scattered rows one interval at a time is quadratic; a
    // large change arrives as one layout change that keeps the sort and the persistent indexes.
    const int count = 4 * JobFilterProxyModel::LargeFilterChange;
    QList<WatchedJob> jobs;
    for (int i = 0; i < count; ++i) {
        WatchedJob w = synthetic(QStringLiteral("id%1").arg(i), JobStatus::InProgress);
        w.job.jobName = QStringLiteral("%1-%2")
                                .arg(i % 2 ? QStringLiteral("alpha") : QStringLiteral("beta"))
                                .arg(i);
        jobs << w;
    }
    m_source->upsertJobs(jobs);
    m_proxy->sort(M::NameColumn, Qt::DescendingOrder);
    const QStringList all = expectedByName(Qt::DescendingOrder);
    QCOMPARE(visibleIds(), all);

    const QPersistentModelIndex kept = m_proxy->index(m_proxy->rowCount() - 1, M::NameColumn);
    const QString keptId = kept.data(M::IdentifierRole).toString();
    QVERIFY(keptId.startsWith(QStringLiteral("id")));
    const bool keptIsAlpha = kept.data().toString().startsWith(QStringLiteral("alpha"));
    const QString hiddenTerm = keptIsAlpha ? QStringLiteral("ALPHA") : QStringLiteral("BETA");

    QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    QSignalSpy visible(m_proxy.get(), &JobFilterProxyModel::visibleCountChanged);
    m_proxy->setFilterText(hiddenTerm);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(visible.size(), 1);
    QCOMPARE(visible.constFirst().constFirst().toInt(), count / 2);
    QStringList expected;
    for (const QString &id : all) {
        const int row = m_source->rowOf(id);
        if (m_source->index(row, M::NameColumn)
                    .data()
                    .toString()
                    .contains(hiddenTerm, Qt::CaseInsensitive))
            expected << id;
    }
    QCOMPARE(visibleIds(), expected);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(M::IdentifierRole).toString(), keptId);

    m_proxy->setFilterText(QString());
    QCOMPARE(removed.size(), 0);
    QCOMPARE(layout.size(), 2);
    QCOMPARE(visibleIds(), all);
    QCOMPARE(kept.data(M::IdentifierRole).toString(), keptId);
}

void tst_JobFilterProxyModel::smallFilterChangeMovesRows()
{
    // A change of a few rows in a large table is still announced row by row.
    const int count = 2 * JobFilterProxyModel::LargeFilterChange;
    QList<WatchedJob> jobs;
    for (int i = 0; i < count; ++i) {
        WatchedJob w = synthetic(QStringLiteral("id%1").arg(i), JobStatus::InProgress);
        w.job.jobName = i < 3 ? QStringLiteral("rare-%1").arg(i) : QStringLiteral("common");
        jobs << w;
    }
    m_source->upsertJobs(jobs);
    m_proxy->sort(M::NameColumn, Qt::AscendingOrder);
    QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_proxy->setFilterText(QStringLiteral("common"));
    QCOMPARE(m_proxy->rowCount(), count - 3);
    QCOMPARE(layout.size(), 0);
    QVERIFY(!removed.isEmpty());
}

void tst_JobFilterProxyModel::searchFoldsCaseBeyondAscii_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("shown");
    QTest::newRow("umlauts") << QStringLiteral("Ärger-Ölpreis") << QStringLiteral("ärger ÖLPREIS")
                             << true;
    QTest::newRow("final sigma") << QStringLiteral("ΣΊΣΥΦΟΣ") << QStringLiteral("σίσυφος") << true;
    QTest::newRow("no match across fields")
            << QStringLiteral("alpha") << QStringLiteral("alphaid") << false;
    QTest::newRow("every term must match")
            << QStringLiteral("alpha-beta") << QStringLiteral("BETA gamma") << false;
}

void tst_JobFilterProxyModel::searchFoldsCaseBeyondAscii()
{
    QFETCH(QString, name);
    QFETCH(QString, text);
    QFETCH(bool, shown);
    WatchedJob w = synthetic(QStringLiteral("id"), JobStatus::InProgress);
    w.job.jobName = name;
    m_source->upsertJobs({w});
    m_proxy->setFilterText(text);
    QCOMPARE(m_proxy->rowCount(), shown ? 1 : 0);
}

QTEST_GUILESS_MAIN(tst_JobFilterProxyModel)
#include "tst_jobfilterproxymodel.moc"
