#include "domain/jobidentifier.h"
#include "domain/jobmetrics.h"
#include "fixtures.h"
#include "localzone.h"
#include "models/jobtablemodel.h"
#include "watchedjobs.h"
#include "wire/jobcodec.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {
using M = JobTableModel;

const QDateTime kNow = QDateTime(QDate(2025, 3, 14), QTime(15, 0), Qt::UTC);

WatchedJob retrieved(const QString &fixture, const QString &identifier)
{
    return test::watchedFromFixture(fixture, identifier, kNow.addDays(-1), kNow.addSecs(-60));
}

// Six realistic rows: three AWS list summaries and three retrieves of different gateways.
QList<WatchedJob> fixtureJobs()
{
    return test::sixFixtureJobs(
            {QStringLiteral("k3x9p2m7q1ab"), // Completed
             QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                            "h5j7k9l1m3n5"), // PartiallyCompleted
             QStringLiteral("a1b2c3d4e5f6"), // Scheduled
             QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                            "m4n8b2v6c0xz"), // InProgress
             QStringLiteral("q7w2e9r4t1yu"),
             QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798")},
            kNow.addDays(-1), kNow.addSecs(-60), true);
}

enum FixtureRow { CompletedRow, PartialRow, ScheduledRow, InProgressRow, FailedRow, UnknownRow };

struct Change
{
    int top = 0;
    int left = 0;
    int bottom = 0;
    int right = 0;
    QList<int> roles;
};

QString describe(const QList<Change> &changes)
{
    const QHash<int, QByteArray> names = M().roleNames();
    QStringList out;
    for (const Change &c : changes) {
        QList<int> roles = c.roles;
        std::sort(roles.begin(), roles.end());
        QStringList roleNames;
        for (int r : roles)
            roleNames << QString::fromLatin1(names.value(r, QByteArray::number(r)));
        out << QStringLiteral("rows %1-%2 cols %3-%4 {%5}")
                        .arg(c.top)
                        .arg(c.bottom)
                        .arg(c.left)
                        .arg(c.right)
                        .arg(roleNames.join(u','));
    }
    return out.join(u'\n');
}

QList<Change> recorded(const QSignalSpy &spy)
{
    QList<Change> out;
    for (const QList<QVariant> &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        out.append({tl.row(), tl.column(), br.row(), br.column(), args.at(2).value<QList<int>>()});
    }
    return out;
}

Change cells(int row, int left, int right, QList<int> roles)
{
    return {row, left, row, right, std::move(roles)};
}

const QList<int> kTextRoles{Qt::DisplayRole, Qt::ToolTipRole, M::RawValueRole};

// `n` running jobs, job0000 to job0nnn, each with its own progress.
QList<WatchedJob> runningJobs(int n)
{
    QList<WatchedJob> out;
    for (int i = 0; i < n; ++i) {
        WatchedJob w;
        w.identifier = QStringLiteral("job%1").arg(i, 4, 10, QLatin1Char('0'));
        w.job.jobArn = w.identifier;
        w.job.jobName = QStringLiteral("triage-%1").arg(i);
        w.job.status = Status::fromCode(JobStatus::InProgress);
        w.job.submitTime = kNow.addSecs(-3600 - i);
        w.job.totalRecordCount = 1000;
        w.job.processedRecordCount = i % 1000;
        w.fetchedAt = kNow.addSecs(-30);
        out.append(w);
    }
    return out;
}
// Every cell of every row in every role the model names, as text: what a view can show.
QStringList cellsOf(const M &model)
{
    QList<int> roles = model.roleNames().keys();
    std::sort(roles.begin(), roles.end());
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : roles) {
                QString text;
                QDebug(&text) << model.index(row, column).data(role);
                out.append(QStringLiteral("%1,%2,%3: %4").arg(row).arg(column).arg(role).arg(text));
            }
        }
    }
    return out;
}
} // namespace

class tst_JobTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void insertsNewJobsInOneBlockAtTheEnd();
    void announcesOnlyTheStatusCellWhenOnlyStatusChanges();
    void announcesDerivedCellsWhenAJobEnds();
    void announcesProgressCountsOnTheProgressCell();
    void marksTheWholeRowWhenItGoesStale();
    void marksNotFoundRowsAsAWhole();
    void aJobTheGatewayDoesNotKnowSaysNotFound();
    void aJobWithoutANameShowsItsShortIdAsName();
    void oneRangedSignalWhenMostRowsChange();
    void theRangedSignalCarriesWhatEachRowAloneWouldAnnounce();
    void scatteredChangesAreAnnouncedInRanges();
    void aRowUpdatedTwiceInOneCallAnnouncesBothChanges();
    void unchangedRecordsAreNotAnnounced();
    void neverResetsWhileUpserting();
    void removesContiguousRangesHighestFirst();
    void tickRefreshesOnlyTimeDependentColumns();
    void aTickAnnouncesEveryCellItChanges_data();
    void aTickAnnouncesEveryCellItChanges();
    void showsPlainTextWithRawValuesBeside();
    void progressIsIndeterminateWhileTotalIsZero();
    void flagsQueuedJobsNearExpiryAndFollowsTheThreshold();
    void estimatesCompletionFromProgressSamples();
    void keepsSamplesThatArriveBeforeTheirRow();
    void keysRowsOnWhatTheUserTyped();
    void givesTheRawBodyThroughTheRecordRole();
    void laterDuplicateInOneUpsertWins();
    void rowsStagedWhileLoadingShowWhatSetJobsShows();
    void oneRowPerJobWhateverFormItIsNamed();
    void aRefreshLandsOnItsRowsInAnyOrderOrFormCopiedOrTaken();
    void namesEveryColumn();
    void showsTheProviderOfEachJob();
    void takesProgressFromTheProvidersPercentWithoutCounts();
    void statusTooltipSaysWhenResultsContradictIt();

private:
    std::unique_ptr<M> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QDateTime m_clock;
};

void tst_JobTableModel::initTestCase()
{
    // Display text follows the user's locale and time zone; the test pins both (numbers
    // without grouping, local times in Berlin).
    QLocale::setDefault(QLocale::c());
    bw::test::setLocalTimeZone("Europe/Berlin");
}

void tst_JobTableModel::init()
{
    m_clock = kNow;
    m_model = std::make_unique<M>([this] { return m_clock; });
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_JobTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_JobTableModel::insertsNewJobsInOneBlockAtTheEnd()
{
    const QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    m_model->upsertJobs(jobs.mid(0, 3));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);

    // One known (unchanged) row and three new ones: one block at the end, nothing else.
    m_model->upsertJobs({jobs.at(1), jobs.at(3), jobs.at(4), jobs.at(5)});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 3);
    QCOMPARE(inserted.at(1).at(2).toInt(), 5);
    QCOMPARE(changed.size(), 0);

    QCOMPARE(m_model->rowCount(), 6);
    for (int row = 0; row < jobs.size(); ++row) {
        QCOMPARE(m_model->rowOf(jobs.at(row).identifier), row);
        QCOMPARE(m_model->jobAt(row)->identifier, jobs.at(row).identifier);
    }
    QCOMPARE(m_model->rowOf(QStringLiteral("nope")), -1);
    QCOMPARE(m_model->jobAt(6), nullptr);
}

void tst_JobTableModel::announcesOnlyTheStatusCellWhenOnlyStatusChanges()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    WatchedJob next = jobs.at(ScheduledRow);
    next.job.status = Status::fromCode(JobStatus::InProgress);
    next.fetchedAt = kNow; // a successful poll, the row stays confirmed
    m_model->upsertJobs({next});

    const QList<Change> expected{
            cells(ScheduledRow, M::StatusColumn, M::StatusColumn,
                  kTextRoles + QList<int>{M::JobStatusRole, M::StatusTextRole, M::StatusGroupRole}),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));
    QCOMPARE(m_model->index(ScheduledRow, M::StatusColumn).data().toString(),
             QStringLiteral("InProgress"));
    QCOMPARE(m_model->index(ScheduledRow, M::StatusColumn).data(M::StatusGroupRole).toInt(),
             int(StatusGroup::Running));
}

void tst_JobTableModel::announcesDerivedCellsWhenAJobEnds()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    // The Scheduled job completes: status, last change (endTime), elapsed (now a fixed
    // duration) and expiry (an ended job cannot expire) change; nothing else.
    WatchedJob next = jobs.at(ScheduledRow);
    next.job.status = Status::fromCode(JobStatus::Completed);
    next.job.endTime = kNow.addSecs(-600);
    next.job.lastModifiedTime = kNow.addSecs(-600);
    next.fetchedAt = kNow;
    m_model->upsertJobs({next});

    const QList<Change> expected{
            cells(ScheduledRow, M::StatusColumn, M::StatusColumn,
                  kTextRoles
                          + QList<int>{M::JobStatusRole, M::StatusTextRole, M::StatusGroupRole,
                                       M::IsTerminalRole}),
            cells(ScheduledRow, M::LastChangeColumn, M::ExpiresColumn, kTextRoles),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));

    const QModelIndex elapsed = m_model->index(ScheduledRow, M::ElapsedColumn);
    QCOMPARE(elapsed.data(M::RawValueRole).toLongLong(), qint64(3000)); // 14:00 -> 14:50
    QCOMPARE(elapsed.data().toString(), QStringLiteral("50 min"));
    QVERIFY(!m_model->index(ScheduledRow, M::ExpiresColumn).data(M::RawValueRole).isValid());
    QVERIFY(m_model->index(ScheduledRow, M::StatusColumn).data(M::IsTerminalRole).toBool());
}

void tst_JobTableModel::announcesProgressCountsOnTheProgressCell()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    WatchedJob next = jobs.at(InProgressRow);
    next.job.processedRecordCount = 12500;
    next.job.successRecordCount = 12400;
    next.job.errorRecordCount = 100;
    m_model->upsertJobs({next});

    const QList<Change> expected{
            cells(InProgressRow, M::ProgressColumn, M::ProgressColumn,
                  kTextRoles
                          + QList<int>{M::ProgressProcessedRole, M::ProgressSucceededRole,
                                       M::ProgressFailedRole, M::ProgressFractionRole,
                                       M::ErrorShareRole}),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));

    const QModelIndex progress = m_model->index(InProgressRow, M::ProgressColumn);
    QCOMPARE(progress.data().toString(), QStringLiteral("12500 / 25000"));
    QCOMPARE(progress.data(M::ProgressFractionRole).toDouble(), 0.5);
    QCOMPARE(progress.data(M::ProgressFailedRole).toLongLong(), qint64(100));
    QCOMPARE(progress.data(M::ErrorShareRole).toDouble(), 0.008);
}

void tst_JobTableModel::marksTheWholeRowWhenItGoesStale()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    WatchedJob next = jobs.at(PartialRow);
    GatewayError error;
    error.kind = GatewayError::Kind::Timeout;
    next.lastError = error;
    next.lastErrorAt = kNow;
    m_model->upsertJobs({next});

    const QList<Change> expected{
            cells(PartialRow, M::StatusColumn, M::MessageColumn, {M::StaleRole}),
            cells(PartialRow, M::StaleColumn, M::StaleColumn,
                  kTextRoles + QList<int>{M::StaleRole, M::StaleSinceRole, M::LastErrorRole}),
            cells(PartialRow, M::ProviderColumn, M::ProviderColumn, {M::StaleRole}),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));

    for (int column = 0; column < M::ColumnCount; ++column)
        QVERIFY(m_model->index(PartialRow, column).data(M::StaleRole).toBool());
    const QModelIndex stale = m_model->index(PartialRow, M::StaleColumn);
    // Last confirmed 14:59 UTC = 15:59 in Berlin; the last-known data is still shown.
    QCOMPARE(stale.data().toString(), QStringLiteral("since 15:59"));
    QCOMPARE(stale.data(M::StaleSinceRole).toDateTime(), kNow.addSecs(-60));
    QCOMPARE(stale.data(M::LastErrorRole).toString(), error.describe());
    QVERIFY(stale.data(Qt::ToolTipRole).toString().contains(error.describe()));
    QCOMPARE(m_model->index(PartialRow, M::StatusColumn).data().toString(),
             QStringLiteral("PartiallyCompleted"));

    // Recovery: a successful poll clears the marking again.
    changed.clear();
    next.lastError.reset();
    next.fetchedAt = kNow;
    m_model->upsertJobs({next});
    QCOMPARE(describe(recorded(changed)), describe(expected));
    QVERIFY(!stale.data(M::StaleRole).toBool());
    QCOMPARE(stale.data().toString(), QString());
}

void tst_JobTableModel::marksNotFoundRowsAsAWhole()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    WatchedJob next = jobs.at(FailedRow);
    GatewayError error;
    error.kind = GatewayError::Kind::Http;
    error.httpStatus = 404;
    error.gatewayType = QStringLiteral("ResourceNotFoundException");
    next.lastError = error;
    next.notFound = true;
    m_model->upsertJobs({next});

    const QList<Change> expected{
            cells(FailedRow, M::StatusColumn, M::MessageColumn, {M::StaleRole, M::NotFoundRole}),
            cells(FailedRow, M::StaleColumn, M::StaleColumn,
                  kTextRoles
                          + QList<int>{M::StaleRole, M::NotFoundRole, M::StaleSinceRole,
                                       M::LastErrorRole}),
            cells(FailedRow, M::ProviderColumn, M::ProviderColumn, {M::StaleRole, M::NotFoundRole}),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));
    QVERIFY(m_model->index(FailedRow, M::NameColumn).data(M::NotFoundRole).toBool());
    // The job is not deleted: its last-known fields remain.
    QCOMPARE(m_model->index(FailedRow, M::NameColumn).data().toString(),
             QStringLiteral("nightly-eval-small"));
}

void tst_JobTableModel::aJobTheGatewayDoesNotKnowSaysNotFound()
{
    // Issue 10 item 2: a row for a job the gateway never knew showed nothing but its short id.
    WatchedJob unknown;
    unknown.identifier = QStringLiteral("this-was-pasted-as-given");
    unknown.profileId = QStringLiteral("p");
    unknown.notFound = true;
    m_model->setJobs({unknown});
    QCOMPARE(m_model->index(0, M::StatusColumn).data().toString(), QStringLiteral("Not found"));
    QCOMPARE(m_model->index(0, M::StatusColumn).data(M::StatusTextRole).toString(),
             QStringLiteral("Not found"));
    QCOMPARE(m_model->index(0, M::NameColumn).data().toString(), unknown.identifier);
    QVERIFY(!m_model->index(0, M::ProgressColumn).data(M::CountsReportedRole).isValid());
}

void tst_JobTableModel::aJobWithoutANameShowsItsShortIdAsName()
{
    // Bifrost's Bedrock route sends no jobName: rows of such jobs were blank in the Name column
    // and could not be told apart with the Job id column out of sight.
    WatchedJob sparse;
    sparse.identifier = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    sparse.profileId = QStringLiteral("p");
    sparse.job.jobArn = sparse.identifier;
    sparse.job.status = Status::fromCode(JobStatus::Completed);
    WatchedJob empty = sparse;
    empty.identifier = QStringLiteral("aaaaaaaaaaaa");
    empty.job.jobArn = empty.identifier;
    empty.job.jobName = QString();
    m_model->setJobs({sparse, empty});
    QCOMPARE(m_model->index(0, M::NameColumn).data().toString(), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(m_model->index(1, M::NameColumn).data().toString(), QStringLiteral("aaaaaaaaaaaa"));
    // What the gateway reported stays what it was: no name.
    QVERIFY(!m_model->index(0, M::NameColumn).data(M::RawValueRole).isValid());

    // The Job id column shows the short id JobIdentifier gives, whatever form was watched.
    const QStringList forms{
            QStringLiteral("batch_67d3f0a1"),
            QStringLiteral(" k3x9p2m7q1ab "),
            QStringLiteral(
                    "ARN:aws:bedrock:us-east-1:123456789012:model-invocation-job/zz9p2m7q1abx"),
            QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:batch:batch_67d3"),
            QStringLiteral("arn:aws:s3:::bucket/key"),
            QStringLiteral("arn:not-an-arn"),
            QStringLiteral("Hello World"),
    };
    QList<WatchedJob> jobs;
    for (const QString &form : forms) {
        WatchedJob w;
        w.identifier = form;
        w.profileId = QStringLiteral("p");
        jobs.append(w);
    }
    m_model->setJobs(jobs);
    QCOMPARE(m_model->rowCount(), forms.size());
    for (int row = 0; row < forms.size(); ++row) {
        const QString expected = JobIdentifier::parse(forms.at(row)).shortId();
        QCOMPARE(m_model->index(row, M::IdColumn).data().toString(), expected);
    }
    QCOMPARE(m_model->index(2, M::IdColumn).data().toString(), QStringLiteral("zz9p2m7q1abx"));
    QCOMPARE(m_model->index(1, M::IdColumn).data().toString(), QStringLiteral("k3x9p2m7q1ab"));
}

void tst_JobTableModel::oneRangedSignalWhenMostRowsChange()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    // The gateway became unreachable: every row goes stale at once.
    GatewayError error;
    error.kind = GatewayError::Kind::Network;
    QList<WatchedJob> next = jobs;
    for (WatchedJob &w : next)
        w.lastError = error;
    m_model->upsertJobs(next);

    const QList<Change> all{
            {0, 0, 5, M::ProviderColumn,
             kTextRoles + QList<int>{M::StaleRole, M::StaleSinceRole, M::LastErrorRole}},
    };
    QCOMPARE(describe(recorded(changed)), describe(all));

    // Four of six rows change different cells: one signal spanning the union.
    changed.clear();
    next = m_model->jobs();
    next[1].job.jobName = QStringLiteral("renamed");         // Name
    next[2].job.modelId = QStringLiteral("amazon.nova-pro"); // Model
    next[3].job.processedRecordCount = 20000;                // Progress
    next[4].job.message = QStringLiteral("other reason");    // Message
    m_model->upsertJobs(next);

    const QList<int> unionRoles = kTextRoles
                                  + QList<int>{M::ProgressProcessedRole, M::ProgressFractionRole,
                                               M::ErrorShareRole, M::MessageRole};
    const QList<Change> ranged{{1, M::NameColumn, 4, M::MessageColumn, unionRoles}};
    QCOMPARE(describe(recorded(changed)), describe(ranged));
}

void tst_JobTableModel::theRangedSignalCarriesWhatEachRowAloneWouldAnnounce()
{
    const QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    // Five of six rows change; several change different roles of the same column, and later
    // rows change roles that earlier ones did not.
    QList<WatchedJob> next = jobs;
    next[CompletedRow].job.message = QStringLiteral("done, with notes");
    next[PartialRow].job.processedRecordCount = 1;
    next[ScheduledRow].job.status = Status::fromCode(JobStatus::InProgress);
    next[InProgressRow].job.totalRecordCount = 90000;
    next[InProgressRow].job.message = QStringLiteral("slow");
    next[FailedRow].lastError = GatewayError{};
    next[FailedRow].job.jobName = QStringLiteral("renamed");

    // Each row alone (one row of six: announced cell by cell, exactly).
    QList<int> expectedRoles;
    int left = M::ColumnCount;
    int right = -1;
    for (int row = 0; row < int(jobs.size()); ++row) {
        M alone([] { return kNow; });
        alone.setJobs(jobs);
        QSignalSpy spy(&alone, &M::dataChanged);
        alone.upsertJobs({next.at(row)});
        for (const Change &c : recorded(spy)) {
            left = std::min(left, c.left);
            right = std::max(right, c.right);
            for (int role : c.roles) {
                if (!expectedRoles.contains(role))
                    expectedRoles.append(role);
            }
        }
    }
    QVERIFY(expectedRoles.contains(M::ProgressTotalRole));
    QVERIFY(expectedRoles.contains(M::ProgressProcessedRole));
    QVERIFY(expectedRoles.contains(M::StaleRole));

    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    m_model->upsertJobs(next);
    const QList<Change> ranged{{CompletedRow, left, FailedRow, right, expectedRoles}};
    QCOMPARE(describe(recorded(changed)), describe(ranged));
}

void tst_JobTableModel::scatteredChangesAreAnnouncedInRanges()
{
    // One row in ten of 300 changes (fewer than half), plus one row far from the others: a
    // sorted proxy re-sorts for every signal touching its sort column, so the stretch of close
    // rows is one ranged signal carrying what each of its rows alone announces, and the far row
    // is announced cell by cell, exactly as alone.
    const QList<WatchedJob> jobs = runningJobs(300);
    QList<WatchedJob> next = jobs;
    QList<int> changedRows;
    for (int row = 0; row <= 200; row += 10) {
        changedRows << row;
        if (row == 50)
            next[row].job.message = QStringLiteral("slow");
        else if (row == 120)
            next[row].job.status = Status::fromCode(JobStatus::Completed);
        else
            next[row].job.processedRecordCount = *jobs.at(row).job.processedRecordCount + 7;
    }
    const int farRow = 290;
    next[farRow].job.jobName = QStringLiteral("renamed");

    const auto alone = [&](int row) {
        M model([] { return kNow; });
        model.setJobs(jobs);
        QSignalSpy spy(&model, &M::dataChanged);
        model.upsertJobs({next.at(row)});
        return recorded(spy);
    };
    Change stretch{changedRows.first(), M::ColumnCount, changedRows.last(), -1, {}};
    for (const int row : std::as_const(changedRows)) {
        const QList<Change> own = alone(row);
        QVERIFY2(!own.isEmpty(), qPrintable(QString::number(row)));
        for (const Change &c : own) {
            stretch.left = std::min(stretch.left, c.left);
            stretch.right = std::max(stretch.right, c.right);
            for (const int role : c.roles) {
                if (!stretch.roles.contains(role))
                    stretch.roles.append(role);
            }
        }
    }
    QVERIFY(stretch.roles.contains(M::MessageRole));
    QVERIFY(stretch.roles.contains(M::StatusGroupRole));
    QVERIFY(stretch.roles.contains(M::ProgressProcessedRole));

    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    m_model->upsertJobs(next); // every job, as a refresh hands them over
    QCOMPARE(describe(recorded(changed)), describe(QList<Change>{stretch} + alone(farRow)));
    QCOMPARE(m_model->index(120, M::StatusColumn).data(M::JobStatusRole).toInt(),
             int(JobStatus::Completed));
    QCOMPARE(m_model->index(farRow, M::NameColumn).data().toString(), QStringLiteral("renamed"));
}

void tst_JobTableModel::aRowUpdatedTwiceInOneCallAnnouncesBothChanges()
{
    const QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    WatchedJob first = jobs.at(InProgressRow);
    first.job.message = QStringLiteral("slow");
    WatchedJob second = first;
    second.job.processedRecordCount = 12500;
    m_model->upsertJobs({first, second});

    const QList<Change> expected{
            cells(InProgressRow, M::ProgressColumn, M::ProgressColumn,
                  kTextRoles
                          + QList<int>{M::ProgressProcessedRole, M::ProgressFractionRole,
                                       M::ErrorShareRole}),
            cells(InProgressRow, M::MessageColumn, M::MessageColumn,
                  kTextRoles + QList<int>{M::MessageRole}),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));
    QCOMPARE(m_model->index(InProgressRow, M::MessageColumn).data().toString(),
             QStringLiteral("slow"));
}

void tst_JobTableModel::unchangedRecordsAreNotAnnounced()
{
    const QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    // A poll that confirms everything (only fetchedAt moves) changes nothing visible.
    QList<WatchedJob> next = jobs;
    for (WatchedJob &w : next)
        w.fetchedAt = kNow;
    m_model->upsertJobs(next);
    QCOMPARE(changed.size(), 0);

    // A field the table does not show (roleArn) is not announced either.
    next[0].job.roleArn = QStringLiteral("arn:aws:iam::123456789012:role/Other");
    m_model->upsertJobs({next.at(0)});
    QCOMPARE(changed.size(), 0);
    const auto record
            = m_model->index(0, M::NameColumn).data(M::WatchedJobRole).value<WatchedJob>();
    QCOMPARE(record.job.roleArn, next.at(0).job.roleArn);
}

void tst_JobTableModel::neverResetsWhileUpserting()
{
    QSignalSpy aboutToReset(m_model.get(), &M::modelAboutToBeReset);
    QSignalSpy reset(m_model.get(), &M::modelReset);
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();

    m_model->upsertJobs(jobs.mid(0, 2));
    for (int round = 0; round < 3; ++round) {
        for (WatchedJob &w : jobs) {
            w.fetchedAt = w.fetchedAt.addSecs(15);
            if (w.job.processedRecordCount)
                *w.job.processedRecordCount += 100;
        }
        m_model->upsertJobs(jobs);
    }
    m_model->removeJobs({jobs.at(0).identifier});
    QCOMPARE(aboutToReset.size(), 0);
    QCOMPARE(reset.size(), 0);

    m_model->setJobs(jobs);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 6);
}

void tst_JobTableModel::removesContiguousRangesHighestFirst()
{
    const QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);
    QSignalSpy removed(m_model.get(), &M::rowsRemoved);

    m_model->removeJobs({jobs.at(1).identifier, jobs.at(4).identifier, jobs.at(2).identifier,
                         QStringLiteral("unknown-id")});
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 4);
    QCOMPARE(removed.at(0).at(2).toInt(), 4);
    QCOMPARE(removed.at(1).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(2).toInt(), 2);

    QCOMPARE(m_model->rowCount(), 3);
    const QList<WatchedJob> left = m_model->jobs();
    QCOMPARE(left.at(0).identifier, jobs.at(0).identifier);
    QCOMPARE(left.at(1).identifier, jobs.at(3).identifier);
    QCOMPARE(left.at(2).identifier, jobs.at(5).identifier);
    QCOMPARE(m_model->rowOf(jobs.at(5).identifier), 2);
    QCOMPARE(m_model->rowOf(jobs.at(4).identifier), -1);
    QCOMPARE(m_model->index(2, M::IdColumn).data().toString(),
             QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798"));
}

void tst_JobTableModel::tickRefreshesOnlyTimeDependentColumns()
{
    m_model->setJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    const QModelIndex submitted = m_model->index(ScheduledRow, M::SubmittedColumn);
    QCOMPARE(submitted.data().toString(), QStringLiteral("1 h ago"));

    m_clock = kNow.addSecs(3600);
    m_model->tick();

    QCOMPARE(m_model->now(), kNow.addSecs(3600));
    // The times and the figures that follow them, nothing else; the ended jobs' durations stay.
    const QList<int> timeColumns{M::SubmittedColumn, M::LastChangeColumn, M::ElapsedColumn,
                                 M::ExpiresColumn,   M::EtaColumn,        M::StaleColumn};
    QVERIFY(!changed.isEmpty());
    for (const Change &c : recorded(changed)) {
        QVERIFY2(c.left == c.right && timeColumns.contains(c.left), qPrintable(describe({c})));
        for (const int ended : {int(CompletedRow), int(PartialRow), int(FailedRow)}) // fixed
            QVERIFY2(c.left != M::ElapsedColumn || ended < c.top || ended > c.bottom,
                     qPrintable(describe({c})));
    }
    QCOMPARE(submitted.data().toString(), QStringLiteral("2 h ago"));
    QCOMPARE(m_model->index(ScheduledRow, M::ElapsedColumn).data(M::RawValueRole).toLongLong(),
             qint64(7200));
}

void tst_JobTableModel::aTickAnnouncesEveryCellItChanges_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addRow("a second") << qint64(1);
    QTest::addRow("59 s") << qint64(59);
    QTest::addRow("a minute") << qint64(60);
    QTest::addRow("an hour") << qint64(3600);
    QTest::addRow("past the next local midnight")
            << kNow.secsTo(QDateTime(kNow.toLocalTime().date().addDays(1), QTime(0, 0, 30)));
    QTest::addRow("a week") << qint64(7 * 86400);
}

void tst_JobTableModel::aTickAnnouncesEveryCellItChanges()
{
    // A tick announces only what moved (a 100,000-row table ticks every second), but every
    // cell whose text or value moved, in a role the signal names: a view or a sorted proxy
    // that trusts the signals shows what the model holds.
    QFETCH(qint64, seconds);
    QList<WatchedJob> jobs = fixtureJobs() + runningJobs(40);
    WatchedJob unconfirmed = jobs.at(ScheduledRow); // stale, its time in the tool tip
    unconfirmed.identifier = QStringLiteral("u1u2u3u4u5u6");
    unconfirmed.fetchedAt = kNow.addSecs(-58);
    unconfirmed.lastError = GatewayError{};
    unconfirmed.job.jobExpirationTime = kNow.addSecs(6 * 3600 + 30); // at risk soon
    jobs.append(unconfirmed);
    WatchedJob neverFetched = jobs.at(FailedRow); // "since 14:50" until the day turns
    neverFetched.identifier = QStringLiteral("n1n2n3n4n5n6");
    neverFetched.fetchedAt = QDateTime();
    neverFetched.addedAt = kNow.addSecs(-600);
    jobs.append(neverFetched);
    m_model->setJobs(jobs);
    for (int i = 0; i < 40; i += 3) {
        QList<ProgressSample> samples;
        for (int k = 0; k < 3; ++k) {
            ProgressSample s;
            s.at = kNow.addSecs(-1500 + 600 * k - i);
            s.total = 1000;
            s.processed = 100 * k + i;
            samples.append(s);
        }
        m_model->setProgressSamples(QStringLiteral("job%1").arg(i, 4, 10, QLatin1Char('0')),
                                    samples);
    }
    m_clock = kNow.addSecs(-2); // a tick from here on moves the "just now" of the samples
    m_model->tick();
    const QStringList before = cellsOf(*m_model);
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    m_clock = m_clock.addSecs(seconds);
    m_model->tick();
    const QStringList after = cellsOf(*m_model);
    QCOMPARE(after.size(), before.size());

    const QList<Change> announced = recorded(changed);
    const auto covered = [&announced](int row, int column, int role) {
        return std::any_of(announced.begin(), announced.end(), [&](const Change &c) {
            return c.top <= row && row <= c.bottom && c.left <= column && column <= c.right
                   && (c.roles.isEmpty() || c.roles.contains(role));
        });
    };
    QSet<std::pair<int, int>> movedCells;
    for (qsizetype i = 0; i < after.size(); ++i) {
        if (after.at(i) == before.at(i))
            continue;
        const QStringList where = after.at(i).section(u':', 0, 0).split(u',');
        movedCells.insert({where.at(0).toInt(), where.at(1).toInt()});
        QVERIFY2(covered(where.at(0).toInt(), where.at(1).toInt(), where.at(2).toInt()),
                 qPrintable(QStringLiteral("not announced: %1 (was %2)")
                                    .arg(after.at(i), before.at(i).section(u':', 1))));
    }
    QVERIFY(!movedCells.isEmpty()); // the running jobs' elapsed time at least
    // "… ago" texts are announced where they turned over, not over the table: a second on, the
    // ended jobs' rows get no signal for them.
    for (const Change &c : announced) {
        if (c.left != M::SubmittedColumn && c.left != M::LastChangeColumn
            && c.left != M::StaleColumn)
            continue;
        QCOMPARE(c.right, c.left);
        for (int row = c.top; row <= c.bottom; ++row)
            QVERIFY2(movedCells.contains({row, c.left}), qPrintable(describe({c})));
    }
}

void tst_JobTableModel::showsPlainTextWithRawValuesBeside()
{
    m_model->setJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    const auto cell = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };

    // The AWS in-progress job, watched by its full ARN.
    const int r = InProgressRow;
    QCOMPARE(cell(r, M::StatusColumn).toString(), QStringLiteral("InProgress"));
    QCOMPARE(cell(r, M::StatusColumn, M::RawValueRole).toInt(), 2 * int(JobStatus::InProgress));
    QCOMPARE(cell(r, M::StatusColumn, M::JobStatusRole).toInt(), int(JobStatus::InProgress));
    QCOMPARE(cell(r, M::NameColumn).toString(), QStringLiteral("support-tickets-triage-0314"));
    QCOMPARE(cell(r, M::IdColumn).toString(), QStringLiteral("m4n8b2v6c0xz"));
    QCOMPARE(cell(r, M::IdColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                            "m4n8b2v6c0xz"));
    QCOMPARE(cell(r, M::ModelColumn).toString(),
             QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
    QCOMPARE(cell(r, M::ProgressColumn).toString(), QStringLiteral("11842 / 25000"));
    QCOMPARE(cell(r, M::ProgressColumn, M::RawValueRole).toDouble(), 11842.0 / 25000.0);
    QCOMPARE(cell(r, M::ProgressColumn, M::ProgressTotalRole).toLongLong(), qint64(25000));
    // Submitted 08:15:02Z, now 15:00Z.
    QCOMPARE(cell(r, M::SubmittedColumn).toString(), QStringLiteral("6 h 44 min ago"));
    QCOMPARE(cell(r, M::SubmittedColumn, M::RawValueRole).toDateTime(),
             JobCodec::parseTimestamp(u"2025-03-14T08:15:02.417Z").value());
    QCOMPARE(cell(r, M::SubmittedColumn, M::RawValueRole).typeId(), QMetaType::QDateTime);
    QCOMPARE(cell(r, M::SubmittedColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("2025-03-14 09:15:02 CET"));
    QCOMPARE(cell(r, M::LastChangeColumn).toString(), QStringLiteral("6 h 18 min ago"));
    QCOMPARE(cell(r, M::ElapsedColumn).toString(), QStringLiteral("6 h 44 min"));
    // Expires 2025-03-17T08:15:02Z: 2 d 17 h 15 min away; a running job is not at risk.
    QCOMPARE(cell(r, M::ExpiresColumn).toString(), QStringLiteral("2 d 17 h"));
    QCOMPARE(cell(r, M::ExpiresColumn, M::RawValueRole).toLongLong(),
             qint64(2 * 86400 + 17 * 3600 + 15 * 60 + 2));
    QCOMPARE(cell(r, M::ExpiresColumn, M::AtRiskRole).toBool(), false);
    QCOMPARE(cell(r, M::EtaColumn).toString(), QString()); // no samples yet
    QVERIFY(!cell(r, M::EtaColumn, M::RawValueRole).isValid());
    QCOMPARE(cell(r, M::StaleColumn).toString(), QString());
    QVERIFY(!cell(r, M::StaleColumn, M::RawValueRole).isValid());
    QCOMPARE(cell(r, M::StaleColumn, M::StaleRole).toBool(), false);

    // Semantic roles live on their own column only.
    QVERIFY(!cell(r, M::NameColumn, M::JobStatusRole).isValid());
    QCOMPARE(cell(r, M::ModelColumn, M::IdentifierRole).toString(), fixtureJobs().at(r).identifier);
    QCOMPARE(cell(r, M::ModelColumn, M::ProfileIdRole).toString(), QStringLiteral("prod"));

    // A failed job: the message's first line shows, the tooltip has all of it.
    WatchedJob edge = retrieved(QStringLiteral("retrieve-edge-unknown-status.json"),
                                QStringLiteral("z0y9x8w7v6u5"));
    m_model->upsertJobs({edge});
    const int e = m_model->rowOf(QStringLiteral("z0y9x8w7v6u5"));
    QCOMPARE(cell(e, M::MessageColumn).toString(),
             QStringLiteral("Validation of input file failed for 37 records."));
    QCOMPARE(cell(e, M::MessageColumn, Qt::ToolTipRole).toString(), *edge.job.message);
    QCOMPARE(cell(e, M::MessageColumn, M::MessageRole).toString(), *edge.job.message);
    // An unknown status is shown verbatim and is not terminal.
    QCOMPARE(cell(e, M::StatusColumn).toString(), QStringLiteral("Queued"));
    QCOMPARE(cell(e, M::StatusColumn, M::StatusGroupRole).toInt(), int(StatusGroup::Unknown));
    QCOMPARE(cell(e, M::StatusColumn, M::IsTerminalRole).toBool(), false);

    // A sparse Bifrost row: absent values are invalid raw values, empty display text.
    QCOMPARE(cell(FailedRow, M::ModelColumn).toString(), QString());
    QVERIFY(!cell(FailedRow, M::ModelColumn, M::RawValueRole).isValid());
    QCOMPARE(cell(FailedRow, M::ProgressColumn).toString(), QString());
    QVERIFY(!cell(FailedRow, M::ProgressColumn, M::ProgressFractionRole).isValid());
    // ...whose duration runs from submit to end: 02:00:04 -> 02:04:41.
    QCOMPARE(cell(FailedRow, M::ElapsedColumn).toString(), QStringLiteral("4 min"));
    QCOMPARE(cell(FailedRow, M::ElapsedColumn, M::RawValueRole).toLongLong(), qint64(277));
    QCOMPARE(cell(FailedRow, M::LastChangeColumn, M::RawValueRole).toDateTime(),
             JobCodec::parseTimestamp(u"2025-03-15T02:04:41Z").value());
}

void tst_JobTableModel::progressIsIndeterminateWhileTotalIsZero()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    jobs[ScheduledRow].job.status = Status::fromCode(JobStatus::Validating);
    jobs[ScheduledRow].job.totalRecordCount = 0;
    jobs[ScheduledRow].job.processedRecordCount = 0;
    m_model->setJobs(jobs);

    const QModelIndex progress = m_model->index(ScheduledRow, M::ProgressColumn);
    QVERIFY(!progress.data(M::ProgressFractionRole).isValid());
    QVERIFY(!progress.data(M::RawValueRole).isValid());
    QCOMPARE(progress.data(M::ProgressTotalRole).toLongLong(), qint64(0));
    QCOMPARE(progress.data().toString(), QStringLiteral("0 / 0"));
}

void tst_JobTableModel::flagsQueuedJobsNearExpiryAndFollowsTheThreshold()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    jobs[ScheduledRow].job.jobExpirationTime = kNow.addSecs(5 * 3600);
    m_model->setJobs(jobs);

    const QModelIndex expires = m_model->index(ScheduledRow, M::ExpiresColumn);
    QVERIFY(expires.data(M::AtRiskRole).toBool());
    QCOMPARE(expires.data().toString(), QStringLiteral("5 h"));
    QCOMPARE(expires.data(M::ExpiryRole).toDateTime(), kNow.addSecs(5 * 3600));
    QCOMPARE(m_model->expiryWarningThreshold(), qint64(6 * 3600));

    QSignalSpy changed(m_model.get(), &M::dataChanged);
    m_model->setExpiryWarningThreshold(3 * 3600);
    const QList<Change> expected{
            cells(ScheduledRow, M::ExpiresColumn, M::ExpiresColumn, {M::AtRiskRole}),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));
    QVERIFY(!expires.data(M::AtRiskRole).toBool());

    // Time passes: two hours later it is within 3 h again.
    m_clock = kNow.addSecs(2 * 3600 + 60);
    m_model->tick();
    QVERIFY(expires.data(M::AtRiskRole).toBool());
    QCOMPARE(expires.data().toString(), QStringLiteral("2 h 59 min"));

    // Still queued after the expiration time: at risk, and shown as passed.
    m_clock = kNow.addSecs(6 * 3600);
    m_model->tick();
    QVERIFY(expires.data(M::AtRiskRole).toBool());
    QCOMPARE(expires.data(M::RawValueRole).toLongLong(), qint64(-3600));
    QCOMPARE(expires.data().toString(), QStringLiteral("1 h ago"));
    QVERIFY2(expires.data(Qt::ToolTipRole).toString().startsWith(u"Expiry passed 1 h ago, at "),
             qPrintable(expires.data(Qt::ToolTipRole).toString()));

    // Only the largest unit in the cell, the exact figure in the tool tip.
    m_clock = kNow.addSecs(6 * 3600 + 25 * 60);
    m_model->tick();
    QCOMPARE(expires.data().toString(), QStringLiteral("1 h ago"));
    QVERIFY2(expires.data(Qt::ToolTipRole).toString().startsWith(u"Expiry passed 1 h 25 min ago"),
             qPrintable(expires.data(Qt::ToolTipRole).toString()));
}

void tst_JobTableModel::estimatesCompletionFromProgressSamples()
{
    m_model->setJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    const QString id = m_model->jobAt(InProgressRow)->identifier;
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    QList<ProgressSample> samples;
    for (int i = 0; i < 3; ++i) {
        ProgressSample s;
        s.at = kNow.addSecs(-1200 + i * 600);
        s.total = 25000;
        s.processed = 10642 + i * 600; // 60 records per minute, 11842 at the last one
        samples.append(s);
    }
    m_model->setProgressSamples(id, samples);

    const QList<Change> expected{
            cells(InProgressRow, M::EtaColumn, M::EtaColumn, kTextRoles + QList<int>{M::RateRole}),
    };
    QCOMPARE(describe(recorded(changed)), describe(expected));

    const QModelIndex eta = m_model->index(InProgressRow, M::EtaColumn);
    QCOMPARE(eta.data(M::RateRole).toDouble(), 60.0);
    QCOMPARE(eta.data(M::RawValueRole).toLongLong(), qint64(13158)); // 13158 left at 1/s
    QCOMPARE(eta.data().toString(), QStringLiteral("3 h 39 min"));
    QVERIFY(eta.data(Qt::ToolTipRole).toString().contains(QStringLiteral("3 samples")));

    // Same samples again: nothing to announce.
    changed.clear();
    m_model->setProgressSamples(id, samples);
    QCOMPARE(changed.size(), 0);
}

void tst_JobTableModel::keepsSamplesThatArriveBeforeTheirRow()
{
    const WatchedJob job = fixtureJobs().at(InProgressRow);
    BW_RETURN_IF_FAILED();
    ProgressSample a;
    a.at = kNow.addSecs(-600);
    a.total = 25000;
    a.processed = 11242;
    ProgressSample b = a;
    b.at = kNow;
    b.processed = 11842;
    m_model->addProgressSample(job.identifier, a);
    m_model->addProgressSample(job.identifier, b);

    m_model->upsertJobs({job});
    QCOMPARE(m_model->index(0, M::EtaColumn).data(M::RawValueRole).toLongLong(), qint64(13158));

    // Removing the job drops its samples: a re-added job starts without an ETA.
    m_model->removeJobs({job.identifier});
    m_model->upsertJobs({job});
    QVERIFY(!m_model->index(0, M::EtaColumn).data(M::RawValueRole).isValid());
}

void tst_JobTableModel::keysRowsOnWhatTheUserTyped()
{
    QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    m_model->setJobs(jobs);

    // Watched by its short id; the gateway reports the full ARN.
    const QModelIndex id = m_model->index(CompletedRow, M::IdColumn);
    QCOMPARE(id.data().toString(), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(id.data(M::JobArnRole).toString(),
             QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                            "k3x9p2m7q1ab"));
    QVERIFY(id.data(Qt::ToolTipRole).toString().contains(*jobs.at(0).job.jobArn));
    QVERIFY(id.data(Qt::ToolTipRole).toString().contains(QStringLiteral("watched as k3x9")));

    // A response with another jobArn (cross-provider) updates the same row.
    WatchedJob next = jobs.at(CompletedRow);
    next.job.jobArn = QStringLiteral("batch_67d2a9c41e6c8190b7f0e2d1c3a4b5c6");
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    m_model->upsertJobs({next});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(id.data(M::JobArnRole).toString(),
             QStringLiteral("batch_67d2a9c41e6c8190b7f0e2d1c3a4b5c6"));
    QCOMPARE(id.data().toString(), QStringLiteral("k3x9p2m7q1ab"));
}

void tst_JobTableModel::givesTheRawBodyThroughTheRecordRole()
{
    m_model->setJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    const auto record = m_model->index(FailedRow, M::MessageColumn)
                                .data(M::WatchedJobRole)
                                .value<WatchedJob>();
    QCOMPARE(record.identifier, QStringLiteral("q7w2e9r4t1yu"));
    QCOMPARE(QJsonDocument(record.rawBody()),
             QJsonDocument::fromJson(test::fixture(QStringLiteral("retrieve-failed.json"))));
}

void tst_JobTableModel::laterDuplicateInOneUpsertWins()
{
    WatchedJob first = fixtureJobs().at(InProgressRow);
    BW_RETURN_IF_FAILED();
    WatchedJob second = first;
    second.job.processedRecordCount = 20000;
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    m_model->upsertJobs({first, second});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->index(0, M::ProgressColumn).data(M::ProgressProcessedRole).toLongLong(),
             qint64(20000));
}

void tst_JobTableModel::rowsStagedWhileLoadingShowWhatSetJobsShows()
{
    // The stored watch list's rows are made while the store still reads it (issue 13,
    // start-up); the table then shows what it shows when they are made at once.
    const QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    const auto shownAtOnce = [this](const QList<WatchedJob> &list, const QString &sampled = {},
                                    const QList<ProgressSample> &samples = {}) {
        M model([this] { return m_clock; });
        if (!sampled.isEmpty())
            model.setProgressSamples(sampled, samples);
        model.setJobs(list);
        return cellsOf(model);
    };
    QSignalSpy reset(m_model.get(), &M::modelReset);
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);

    // In slices, then the whole list: nothing shown until setJobs.
    m_model->stageJobs(jobs.mid(0, 2), jobs.size());
    m_model->stageJobs(jobs.mid(2, 3), jobs.size());
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(reset.size(), 0);
    m_model->setJobs(jobs);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(cellsOf(*m_model), shownAtOnce(jobs));
    QCOMPARE(m_model->rowOf(jobs.at(UnknownRow).identifier), int(UnknownRow));

    // A job left out of the whole list (unwatched while loading): the rows after it are made
    // again; nothing staged is left over for a later load.
    QList<WatchedJob> fewer = jobs;
    fewer.removeAt(PartialRow);
    m_model->setJobs({});
    m_model->stageJobs(jobs);
    m_model->setJobs(fewer);
    QCOMPARE(cellsOf(*m_model), shownAtOnce(fewer));
    QCOMPARE(m_model->rowOf(jobs.at(PartialRow).identifier), -1);
    QCOMPARE(m_model->rowOf(jobs.at(ScheduledRow).identifier), int(PartialRow));
    m_model->setJobs(jobs.mid(0, 1));
    QCOMPARE(cellsOf(*m_model), shownAtOnce(jobs.mid(0, 1)));

    // Time passing and samples arriving while staged: the rows show the time and samples of
    // the moment they are shown.
    m_model->setJobs({});
    m_model->stageJobs(jobs);
    QList<ProgressSample> samples;
    for (int i = 0; i < 3; ++i) {
        ProgressSample s;
        s.at = kNow.addSecs(-1200 + i * 600);
        s.processed = 100 * i;
        s.total = 1000;
        samples.append(s);
    }
    const QString sampled = jobs.at(InProgressRow).identifier;
    m_model->setProgressSamples(sampled, samples);
    m_clock = kNow.addSecs(2 * 3600);
    m_model->tick();
    m_model->setJobs(jobs);
    QCOMPARE(cellsOf(*m_model), shownAtOnce(jobs, sampled, samples));

    // A second row of one job ends the staging: the later record wins as always.
    m_model->setProgressSamples(sampled, {});
    QList<WatchedJob> twice = jobs;
    twice.append(jobs.at(CompletedRow));
    twice.last().job.jobName = QStringLiteral("the later record");
    m_model->setJobs({});
    m_model->stageJobs(twice);
    m_model->setJobs(twice);
    QCOMPARE(cellsOf(*m_model), shownAtOnce(twice));

    // Another record of a staged job (watched again while loading: its own identifier text)
    // is shown as given, not as staged.
    QList<WatchedJob> watchedAgain = jobs;
    const QString &first = jobs.constFirst().identifier;
    watchedAgain.first().identifier = QString(first.constData(), first.size());
    watchedAgain.first().job.jobName = QStringLiteral("watched again");
    m_model->setJobs({});
    m_model->stageJobs(jobs);
    m_model->setJobs(watchedAgain);
    QCOMPARE(cellsOf(*m_model), shownAtOnce(watchedAgain));

    // Rows already shown: nothing is staged.
    m_model->stageJobs(jobs.mid(0, 1));
    m_model->setJobs(fewer);
    QCOMPARE(cellsOf(*m_model), shownAtOnce(fewer));
}

void tst_JobTableModel::oneRowPerJobWhateverFormItIsNamed()
{
    m_model->setJobs(fixtureJobs());
    BW_RETURN_IF_FAILED();
    // Watched as k3x9p2m7q1ab; an update naming it by its ARN lands on that row.
    WatchedJob byArn = fixtureJobs().at(CompletedRow);
    BW_RETURN_IF_FAILED();
    byArn.identifier = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    byArn.job.status = Status::fromCode(JobStatus::Stopping);
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    m_model->upsertJobs({byArn});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->rowOf(byArn.identifier), int(CompletedRow));
    const QModelIndex id = m_model->index(CompletedRow, M::IdColumn);
    QCOMPARE(id.data(M::IdentifierRole).toString(), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(m_model->index(CompletedRow, M::StatusColumn).data(M::JobStatusRole).toInt(),
             int(JobStatus::Stopping));

    m_model->removeJobs({byArn.identifier});
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->rowOf(QStringLiteral("k3x9p2m7q1ab")), -1);
}

void tst_JobTableModel::aRefreshLandsOnItsRowsInAnyOrderOrFormCopiedOrTaken()
{
    const QList<WatchedJob> jobs = fixtureJobs();
    BW_RETURN_IF_FAILED();
    // A refresh usually names its rows as they were added and in their order; this one does
    // not always: rows out of order, one by its bare id although its ARN was typed, a new job
    // among them and one job twice (the later record wins).
    WatchedJob completed = jobs.at(CompletedRow);
    completed.job.message = QStringLiteral("first");
    WatchedJob inProgress = jobs.at(InProgressRow);
    inProgress.job.processedRecordCount = 777;
    WatchedJob byId = jobs.at(PartialRow);
    byId.identifier = QStringLiteral("h5j7k9l1m3n5");
    byId.job.message = QStringLiteral("named by its id");
    const WatchedJob fresh = runningJobs(1).at(0);
    WatchedJob failed = jobs.at(FailedRow);
    failed.job.jobName = QStringLiteral("renamed");
    WatchedJob completedAgain = completed;
    completedAgain.job.message = QStringLiteral("second");
    const QList<WatchedJob> refresh{completed, inProgress, byId, fresh, failed, completedAgain};

    // Copied (upsertJobs) and taken over (upsertTakenJobs): the same rows, the same signals.
    QStringList announced;
    for (const bool take : {false, true}) {
        M model([] { return kNow; });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJobs(jobs);
        QSignalSpy changed(&model, &M::dataChanged);
        QSignalSpy inserted(&model, &M::rowsInserted);
        if (take) {
            QList<WatchedJob> handed = refresh;
            model.upsertTakenJobs(std::move(handed));
        } else {
            model.upsertJobs(refresh);
        }
        announced << describe(recorded(changed));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 7);
        const auto cell = [&model](int row, int column, int role) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(CompletedRow, M::MessageColumn, M::MessageRole).toString(),
                 QStringLiteral("second"));
        QCOMPARE(cell(PartialRow, M::MessageColumn, M::MessageRole).toString(),
                 QStringLiteral("named by its id"));
        QCOMPARE(cell(PartialRow, M::IdColumn, M::IdentifierRole).toString(),
                 jobs.at(PartialRow).identifier); // the row keeps the form first given
        QCOMPARE(cell(InProgressRow, M::ProgressColumn, M::ProgressProcessedRole).toLongLong(),
                 qint64(777));
        QCOMPARE(cell(FailedRow, M::NameColumn, Qt::DisplayRole).toString(),
                 QStringLiteral("renamed"));
        QCOMPARE(cell(6, M::IdColumn, M::IdentifierRole).toString(), fresh.identifier);
        for (const int row : {int(ScheduledRow), int(UnknownRow)})
            QVERIFY(model.jobAt(row)->job == jobs.at(row).job); // rows not named: untouched
    }
    QVERIFY(!announced.at(0).isEmpty());
    QCOMPARE(announced.at(1), announced.at(0));
}

void tst_JobTableModel::namesEveryColumn()
{
    QStringList titles;
    for (int column = 0; column < M::ColumnCount; ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(!title.isEmpty(), qPrintable(QString::number(column)));
        QVERIFY(!titles.contains(title));
        titles << title;
    }
    QCOMPARE(titles.first(), QStringLiteral("Status"));
    QCOMPARE(m_model->columnCount(), int(M::ColumnCount));
}

namespace {
WatchedJob nativeJob(const QString &id, JobStatus status, const QString &provider)
{
    WatchedJob w;
    w.identifier = id;
    w.job.jobArn = id;
    w.job.status = Status::fromCode(status);
    if (!provider.isEmpty())
        w.job.provider = provider;
    w.fetchedAt = kNow;
    return w;
}
} // namespace

void tst_JobTableModel::showsTheProviderOfEachJob()
{
    m_model->upsertJobs({nativeJob(QStringLiteral("k3x9p2m7q1ab"), JobStatus::InProgress, {}),
                         nativeJob(QStringLiteral("batch_1"), JobStatus::InProgress,
                                   QStringLiteral("openai"))});
    const QModelIndex bedrock = m_model->index(0, M::ProviderColumn);
    const QModelIndex openai = m_model->index(1, M::ProviderColumn);
    QCOMPARE(bedrock.data().toString(), QStringLiteral("Bedrock"));
    QCOMPARE(bedrock.data(M::ProviderRole).toString(), QStringLiteral("bedrock"));
    QCOMPARE(openai.data().toString(), QStringLiteral("OpenAI"));
    QCOMPARE(openai.data(M::RawValueRole).toString(), QStringLiteral("openai"));
    QCOMPARE(m_model->providers(),
             (QStringList{QStringLiteral("bedrock"), QStringLiteral("openai")}));

    // A provider learned later is announced on its cell.
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    WatchedJob later = nativeJob(QStringLiteral("k3x9p2m7q1ab"), JobStatus::InProgress,
                                 QStringLiteral("gemini"));
    m_model->upsertJobs({later});
    bool announced = false;
    for (const QList<QVariant> &args : changed) {
        announced = announced
                    || (args.at(0).toModelIndex().column() <= M::ProviderColumn
                        && args.at(1).toModelIndex().column() >= M::ProviderColumn
                        && args.at(2).value<QList<int>>().contains(M::ProviderRole));
    }
    QVERIFY(announced);
    QCOMPARE(bedrock.data().toString(), QStringLiteral("Gemini"));
}

void tst_JobTableModel::takesProgressFromTheProvidersPercentWithoutCounts()
{
    WatchedJob gemini = nativeJob(QStringLiteral("batches/abc"), JobStatus::InProgress,
                                  QStringLiteral("gemini"));
    gemini.job.progressPercent = 42.0;
    m_model->upsertJobs({gemini});
    const QModelIndex progress = m_model->index(0, M::ProgressColumn);
    QCOMPARE(progress.data(M::ProgressFractionRole).toDouble(), 0.42);
    QVERIFY(progress.data().toString().startsWith(QStringLiteral("42.0")));
    // Gemini's total alone (no processed count) does not hide its percentage.
    gemini.job.totalRecordCount = 200;
    m_model->upsertJobs({gemini});
    QCOMPARE(progress.data(M::ProgressFractionRole).toDouble(), 0.42);

    // Counts win over the percentage once reported.
    gemini.job.totalRecordCount = 200;
    gemini.job.processedRecordCount = 50;
    m_model->upsertJobs({gemini});
    QCOMPARE(progress.data(M::ProgressFractionRole).toDouble(), 0.25);
}

void tst_JobTableModel::statusTooltipSaysWhenResultsContradictIt()
{
    WatchedJob failed = nativeJob(QStringLiteral("k3x9p2m7q1ab"), JobStatus::Failed, {});
    m_model->upsertJobs({failed});
    const QModelIndex status = m_model->index(0, M::StatusColumn);
    QCOMPARE(status.data(Qt::ToolTipRole).toString(), QStringLiteral("Failed"));

    QSignalSpy changed(m_model.get(), &M::dataChanged);
    ResultsSummary results;
    results.succeeded = 41000;
    results.errored = 234;
    results.complete = true;
    failed.results = results;
    m_model->upsertJobs({failed});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(status.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Failed\nFailed by the gateway — 41000 of 41234 records succeeded"));

    // Results that agree with the status add nothing.
    results.succeeded = 0;
    failed.results = results;
    m_model->upsertJobs({failed});
    QCOMPARE(status.data(Qt::ToolTipRole).toString(), QStringLiteral("Failed"));
}

QTEST_GUILESS_MAIN(tst_JobTableModel)
#include "tst_jobtablemodel.moc"
