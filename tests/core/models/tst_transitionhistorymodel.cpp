#include "localzone.h"
#include "models/transitionhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {
using M = TransitionHistoryModel;

const QDateTime kStart = QDateTime(QDate(2025, 3, 14), QTime(9, 0), Qt::UTC);

StatusTransition transition(std::optional<JobStatus> from, JobStatus to, qint64 observedAfter,
                            std::optional<qint64> modifiedAfter = std::nullopt)
{
    StatusTransition t;
    if (from)
        t.from = Status::fromCode(*from);
    t.to = Status::fromCode(to);
    t.observedAt = kStart.addSecs(observedAfter);
    if (modifiedAfter)
        t.lastModifiedTime = kStart.addSecs(*modifiedAfter);
    return t;
}

// Submitted (first seen) -> InProgress -> Completed; the gateway reported lastModifiedTime for
// the first two only (a sparse body later).
QList<StatusTransition> lifecycle()
{
    return {
            transition(std::nullopt, JobStatus::Submitted, 0, -5),
            transition(JobStatus::Submitted, JobStatus::InProgress, 600, 585),
            transition(JobStatus::InProgress, JobStatus::Completed, 4000),
    };
}
} // namespace

class tst_TransitionHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsEachObservedChange();
    void firstSeenStatusHasNoPredecessor();
    void measuresTimeInPreviousStatus_data();
    void measuresTimeInPreviousStatus();
    void appendsNewTransitionsWithoutReset();
    void placesALateObservationInOrder();
    void replacingTheHistoryResetsOnce();
    void keepsLossyGatewayStatusesVerbatim();

private:
    std::unique_ptr<M> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_TransitionHistoryModel::initTestCase()
{
    // Expected texts are in Berlin's local time, whatever zone the suite runs in.
    bw::test::setLocalTimeZone("Europe/Berlin");
}

void tst_TransitionHistoryModel::init()
{
    m_model = std::make_unique<M>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_TransitionHistoryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_TransitionHistoryModel::showsEachObservedChange()
{
    m_model->setTransitions(lifecycle());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(M::ColumnCount));

    const auto cell = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(cell(1, M::FromColumn).toString(), QStringLiteral("Submitted"));
    QCOMPARE(cell(1, M::ToColumn).toString(), QStringLiteral("InProgress"));
    QCOMPARE(cell(1, M::ToColumn, M::JobStatusRole).toInt(), int(JobStatus::InProgress));
    QCOMPARE(cell(1, M::ToColumn, M::StatusGroupRole).toInt(), int(StatusGroup::Running));
    QCOMPARE(cell(2, M::ToColumn, M::RawValueRole).toInt(), int(JobStatus::Completed));
    // Local time (Europe/Berlin) for reading, UTC instants as raw values.
    QCOMPARE(cell(1, M::ObservedAtColumn).toString(), QStringLiteral("2025-03-14 10:10:00 CET"));
    QCOMPARE(cell(1, M::ObservedAtColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("2025-03-14T09:10:00.000Z"));
    QCOMPARE(cell(1, M::ObservedAtColumn, M::RawValueRole).toDateTime(), kStart.addSecs(600));
    QCOMPARE(cell(1, M::LastModifiedColumn, M::RawValueRole).toDateTime(), kStart.addSecs(585));
    // Not reported by the gateway: no value, not a made-up one.
    QVERIFY(!cell(2, M::LastModifiedColumn, M::RawValueRole).isValid());
    QCOMPARE(cell(2, M::LastModifiedColumn).toString(), QString());

    const auto t = cell(2, M::ElapsedInPreviousColumn, M::TransitionRole).value<StatusTransition>();
    QCOMPARE(t.to.code(), JobStatus::Completed);
    QCOMPARE(m_model->headerData(M::ElapsedInPreviousColumn, Qt::Horizontal).toString(),
             QStringLiteral("Time in previous status"));
}

void tst_TransitionHistoryModel::firstSeenStatusHasNoPredecessor()
{
    m_model->setTransitions(lifecycle());
    const QModelIndex from = m_model->index(0, M::FromColumn);
    QVERIFY(!from.data(M::RawValueRole).isValid());
    QVERIFY(!from.data(Qt::DisplayRole).isValid());
    QVERIFY(!m_model->index(0, M::ElapsedInPreviousColumn).data(M::RawValueRole).isValid());
    QCOMPARE(m_model->elapsedInPrevious(0), std::nullopt);
}

void tst_TransitionHistoryModel::measuresTimeInPreviousStatus_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<bool>("fromGateway");
    QTest::addColumn<QString>("text");

    // Both rows carry lastModifiedTime: the gateway's times (585 - (-5) = 590 s).
    QTest::newRow("gateway times") << 1 << qint64(590) << true << QStringLiteral("9 min");
    // The later row has none: local observation times (4000 - 600 s).
    QTest::newRow("observed times") << 2 << qint64(3400) << false << QStringLiteral("56 min");
}

void tst_TransitionHistoryModel::measuresTimeInPreviousStatus()
{
    QFETCH(int, row);
    QFETCH(qint64, seconds);
    QFETCH(bool, fromGateway);
    QFETCH(QString, text);

    m_model->setTransitions(lifecycle());
    const QModelIndex cell = m_model->index(row, M::ElapsedInPreviousColumn);
    QCOMPARE(cell.data(M::RawValueRole).toLongLong(), seconds);
    QCOMPARE(cell.data(M::ElapsedFromGatewayRole).toBool(), fromGateway);
    QCOMPARE(cell.data().toString(), text);
    QCOMPARE(m_model->elapsedInPrevious(row), std::optional<qint64>(seconds));
}

void tst_TransitionHistoryModel::appendsNewTransitionsWithoutReset()
{
    const QList<StatusTransition> all = lifecycle();
    QSignalSpy reset(m_model.get(), &M::modelReset);
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    for (const StatusTransition &t : all)
        m_model->appendTransition(t);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 0); // appended at the end: no existing row changes
    QCOMPARE(inserted.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(inserted.at(i).at(1).toInt(), i);
        QCOMPARE(inserted.at(i).at(2).toInt(), i);
    }
    QCOMPARE(m_model->index(2, M::ElapsedInPreviousColumn).data(M::RawValueRole).toLongLong(),
             qint64(3400));
}

void tst_TransitionHistoryModel::placesALateObservationInOrder()
{
    QList<StatusTransition> all = lifecycle();
    m_model->setTransitions({all.at(0), all.at(2)});
    QCOMPARE(m_model->index(1, M::ElapsedInPreviousColumn).data(M::RawValueRole).toLongLong(),
             qint64(4000));

    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    m_model->appendTransition(all.at(1));

    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft, m_model->index(2, M::ElapsedInPreviousColumn));
    QCOMPARE(bottomRight, topLeft);
    QList<int> roles = changed.at(0).at(2).value<QList<int>>();
    std::sort(roles.begin(), roles.end());
    QCOMPARE(roles, (QList<int>{Qt::DisplayRole, Qt::ToolTipRole, M::RawValueRole,
                                M::ElapsedFromGatewayRole}));

    QCOMPARE(m_model->index(1, M::ToColumn).data().toString(), QStringLiteral("InProgress"));
    QCOMPARE(m_model->index(2, M::ElapsedInPreviousColumn).data(M::RawValueRole).toLongLong(),
             qint64(3400));
}

void tst_TransitionHistoryModel::replacingTheHistoryResetsOnce()
{
    m_model->setTransitions(lifecycle());
    QSignalSpy reset(m_model.get(), &M::modelReset);
    m_model->setTransitions({transition(std::nullopt, JobStatus::Failed, 10)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->transitions().isEmpty());
}

void tst_TransitionHistoryModel::keepsLossyGatewayStatusesVerbatim()
{
    StatusTransition t;
    t.from = Status::fromString(QStringLiteral("validating"));
    t.to = Status::fromString(QStringLiteral("archived"));
    t.observedAt = kStart;
    m_model->appendTransition(t);
    QCOMPARE(m_model->index(0, M::FromColumn).data().toString(), QStringLiteral("validating"));
    QCOMPARE(m_model->index(0, M::FromColumn).data(M::JobStatusRole).toInt(),
             int(JobStatus::Validating));
    QCOMPARE(m_model->index(0, M::ToColumn).data().toString(), QStringLiteral("archived"));
    QCOMPARE(m_model->index(0, M::ToColumn).data(M::StatusGroupRole).toInt(),
             int(StatusGroup::Unknown));
}

QTEST_GUILESS_MAIN(tst_TransitionHistoryModel)
#include "tst_transitionhistorymodel.moc"
