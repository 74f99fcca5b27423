#include "fixtures.h"
#include "models/vpclistmodel.h"
#include "wire/jobcodec.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {
using Kind = VpcListModel::Kind;

WatchedJob fromRetrieve(const QString &fixture)
{
    const auto parsed = JobCodec::parseRetrieveBody(test::fixture(fixture));
    if (!parsed) {
        // Fails this test function only (the fixture's path is reported by test::fixture()).
        QTest::qFail(qPrintable(QStringLiteral("fixture %1 does not parse").arg(fixture)), __FILE__,
                     __LINE__);
        return {};
    }
    WatchedJob w;
    w.identifier = parsed->job.jobArn.value_or(fixture);
    w.job = parsed->job;
    w.rawRetrieve = parsed->raw;
    w.everReported = parsed->job.presentFields();
    return w;
}

WatchedJob inVpc(const QStringList &groups, const QStringList &subnets)
{
    WatchedJob w = fromRetrieve(QStringLiteral("retrieve-inprogress-aws-native.json"));
    w.job.vpcConfig = VpcConfig{groups, subnets};
    return w;
}

QStringList rows(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data().toString();
    return out;
}
} // namespace

class tst_VpcListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheIdsOfItsKind();
    void tellsNotInVpcFromNotReported_data();
    void tellsNotInVpcFromNotReported();
    void updatesRowsInPlaceOnRefresh();
    void announcesStateChangesOnce();

private:
    struct Fixture
    {
        std::unique_ptr<VpcListModel> model;
        std::unique_ptr<QAbstractItemModelTester> tester;
    };
    static Fixture make(Kind kind)
    {
        Fixture f;
        f.model = std::make_unique<VpcListModel>(kind);
        f.tester = std::make_unique<QAbstractItemModelTester>(
                f.model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        return f;
    }
};

void tst_VpcListModel::listsTheIdsOfItsKind()
{
    Fixture groups = make(Kind::SecurityGroups);
    Fixture subnets = make(Kind::Subnets);
    const WatchedJob job = fromRetrieve(QStringLiteral("retrieve-inprogress-aws-native.json"));
    groups.model->setJob(job);
    subnets.model->setJob(job);

    QCOMPARE(rows(*groups.model), (QStringList{QStringLiteral("sg-0123456789abcdef0")}));
    QCOMPARE(rows(*subnets.model), (QStringList{QStringLiteral("subnet-0a1b2c3d4e5f67890"),
                                                QStringLiteral("subnet-0fedcba9876543210")}));
    QCOMPARE(groups.model->state(), VpcState::InVpc);
    QCOMPARE(subnets.model->index(1, 0).data(VpcListModel::VpcStateRole).toInt(),
             int(VpcState::InVpc));
    // What a copy action takes is the id itself.
    QCOMPARE(subnets.model->index(1, 0).data(Qt::EditRole).toString(),
             QStringLiteral("subnet-0fedcba9876543210"));
    QCOMPARE(groups.model->headerData(0, Qt::Horizontal).toString(),
             QStringLiteral("Security groups"));
    QCOMPARE(subnets.model->property("state").value<VpcState>(), VpcState::InVpc);
}

void tst_VpcListModel::tellsNotInVpcFromNotReported_data()
{
    QTest::addColumn<WatchedJob>("job");
    QTest::addColumn<VpcState>("state");

    QTest::newRow("{} from the gateway")
            << fromRetrieve(QStringLiteral("retrieve-edge-unknown-status.json"))
            << VpcState::NotInVpc;
    QTest::newRow("sparse Bifrost body never carries it")
            << fromRetrieve(QStringLiteral("retrieve-failed.json")) << VpcState::NotReported;

    WatchedJob full = fromRetrieve(QStringLiteral("retrieve-inprogress-aws-native.json"));
    full.job.vpcConfig.reset(); // an AWS body that omits vpcConfig: not in a VPC
    QTest::newRow("full body without vpcConfig") << full << VpcState::NotInVpc;
}

void tst_VpcListModel::tellsNotInVpcFromNotReported()
{
    QFETCH(WatchedJob, job);
    QFETCH(VpcState, state);
    Fixture f = make(Kind::Subnets);
    f.model->setJob(inVpc({QStringLiteral("sg-1")}, {QStringLiteral("subnet-1")}));
    QCOMPARE(f.model->rowCount(), 1);

    f.model->setJob(job);
    QCOMPARE(f.model->rowCount(), 0);
    QCOMPARE(f.model->state(), state);
}

void tst_VpcListModel::updatesRowsInPlaceOnRefresh()
{
    Fixture f = make(Kind::Subnets);
    const QString a = QStringLiteral("subnet-a"), b = QStringLiteral("subnet-b"),
                  c = QStringLiteral("subnet-c");
    f.model->setJob(inVpc({}, {a, b}));

    QSignalSpy reset(f.model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy removed(f.model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(f.model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy moved(f.model.get(), &QAbstractItemModel::rowsMoved);

    // Same job, refreshed with the same lists: nothing happens.
    f.model->setJob(inVpc({}, {a, b}));
    QCOMPARE(removed.size() + inserted.size() + moved.size(), 0);

    // a goes, c comes: b keeps its row object (a selection on it survives).
    const QPersistentModelIndex keepB(f.model->index(1, 0));
    f.model->setJob(inVpc({}, {b, c}));
    QCOMPARE(rows(*f.model), (QStringList{b, c}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(keepB.row(), 0);
    QCOMPARE(keepB.data().toString(), b);

    // Reordered: a move, not a remove + insert.
    f.model->setJob(inVpc({}, {c, b}));
    QCOMPARE(rows(*f.model), (QStringList{c, b}));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(keepB.row(), 1);
    QCOMPARE(reset.size(), 0);
}

void tst_VpcListModel::announcesStateChangesOnce()
{
    Fixture f = make(Kind::SecurityGroups);
    QSignalSpy state(f.model.get(), &VpcListModel::stateChanged);
    QCOMPARE(f.model->state(), VpcState::NotReported);

    f.model->setJob(inVpc({QStringLiteral("sg-1"), QStringLiteral("sg-2")}, {}));
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.last().at(0).value<VpcState>(), VpcState::InVpc);

    // Only the other list has ids: this list is empty but the job is in a VPC.
    f.model->setJob(inVpc({}, {QStringLiteral("subnet-1")}));
    QCOMPARE(f.model->rowCount(), 0);
    QCOMPARE(f.model->state(), VpcState::InVpc);
    QCOMPARE(state.size(), 1);

    f.model->setVpc(VpcState::NotInVpc, {QStringLiteral("ignored")});
    QCOMPARE(state.size(), 2);
    QCOMPARE(f.model->rowCount(), 0);

    f.model->clear();
    QCOMPARE(state.size(), 3);
    QCOMPARE(f.model->state(), VpcState::NotReported);
}

QTEST_GUILESS_MAIN(tst_VpcListModel)
#include "tst_vpclistmodel.moc"
