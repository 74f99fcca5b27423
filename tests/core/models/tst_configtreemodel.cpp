#include "fixtures.h"
#include "models/configtreemodel.h"
#include "wire/jobcodec.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {
using M = ConfigTreeModel;

Job fromRetrieve(const QString &fixture)
{
    const auto parsed = JobCodec::parseRetrieveBody(test::fixture(fixture));
    if (!parsed) {
        // Fails this test function only (the fixture's path is reported by test::fixture()).
        QTest::qFail(qPrintable(QStringLiteral("fixture %1 does not parse").arg(fixture)), __FILE__,
                     __LINE__);
        return {};
    }
    return parsed->job;
}

// "key=value" lines, depth-first, indented by level.
QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex key = model.index(row, M::KeyColumn, parent);
        const QModelIndex value = model.index(row, M::ValueColumn, parent);
        QString line = QString(depth * 2, u' ') + key.data().toString();
        if (value.data(M::RawValueRole).isValid())
            line += u'=' + value.data(M::RawValueRole).toString();
        if (key.data(M::NotReportedRole).toBool())
            line += QStringLiteral(" (not reported)");
        out << line;
        out << dump(model, key, depth + 1);
    }
    return out;
}
} // namespace

class tst_ConfigTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsConfigsInTheApiNesting();
    void recognisesS3UrisAndOtherValues();
    void marksConfigsTheGatewayNeverReported();
    void announcesAChangedValueOnItsCellOnly();
    void insertsAConfigWhenItIsFirstReported();
    void switchesJobsWithoutReset();
    void findsRowsByFieldPath();

private:
    std::unique_ptr<M> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ConfigTreeModel::init()
{
    m_model = std::make_unique<M>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ConfigTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_ConfigTreeModel::showsConfigsInTheApiNesting()
{
    m_model->setJob(fromRetrieve(QStringLiteral("retrieve-inprogress-aws-native.json")));
    const QStringList expected{
            QStringLiteral("inputDataConfig"),
            QStringLiteral("  s3InputDataConfig"),
            QStringLiteral("    s3Uri=s3://acme-batch-in/tickets/0314/input.jsonl"),
            QStringLiteral("    s3InputFormat=JSONL"),
            QStringLiteral("    s3BucketOwner=123456789012"),
            QStringLiteral("outputDataConfig"),
            QStringLiteral("  s3OutputDataConfig"),
            QStringLiteral("    s3Uri=s3://acme-batch-out/tickets/0314/"),
            QStringLiteral("    s3EncryptionKeyId=arn:aws:kms:us-east-1:123456789012:key/"
                           "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"),
            QStringLiteral("    s3BucketOwner=123456789012"),
    };
    QCOMPARE(dump(*m_model), expected);
    QCOMPARE(m_model->headerData(M::ValueColumn, Qt::Horizontal).toString(),
             QStringLiteral("Value"));
    // Values are shown verbatim and copyable from the value cell.
    const QModelIndex uri
            = m_model->indexOfPath(QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"));
    QCOMPARE(uri.siblingAtColumn(M::ValueColumn).data().toString(),
             QStringLiteral("s3://acme-batch-in/tickets/0314/input.jsonl"));
    QCOMPARE(uri.data(M::FieldPathRole).toString(),
             QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"));
}

void tst_ConfigTreeModel::recognisesS3UrisAndOtherValues()
{
    m_model->setJob(fromRetrieve(QStringLiteral("retrieve-crossprovider-finalizing.json")));
    const QModelIndex fileId
            = m_model->indexOfPath(QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"))
                      .siblingAtColumn(M::ValueColumn);
    // An OpenAI file id in the s3Uri field is not an S3 URI.
    QCOMPARE(fileId.data(M::RawValueRole).toString(),
             QStringLiteral("file-8Xq2Lm4Np7Rs9Tv1Wx3Yz5"));
    QCOMPARE(fileId.data(M::IsS3UriRole).toBool(), false);

    m_model->setJob(fromRetrieve(QStringLiteral("retrieve-edge-unknown-status.json")));
    const QModelIndex odd
            = m_model->indexOfPath(QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"))
                      .siblingAtColumn(M::ValueColumn);
    QCOMPARE(odd.data(M::RawValueRole).toString(),
             QStringLiteral("s3://acme-batch-in/odd key/with spaces+plus/äöü.jsonl"));
    QCOMPARE(odd.data(M::IsS3UriRole).toBool(), true);
    // Branches carry no value.
    QVERIFY(!m_model->indexOfPath(QStringLiteral("inputDataConfig"))
                     .siblingAtColumn(M::ValueColumn)
                     .data(M::IsS3UriRole)
                     .isValid());
}

void tst_ConfigTreeModel::marksConfigsTheGatewayNeverReported()
{
    m_model->setJob(fromRetrieve(QStringLiteral("retrieve-crossprovider-finalizing.json")));
    QCOMPARE(dump(*m_model),
             (QStringList{QStringLiteral("inputDataConfig"), QStringLiteral("  s3InputDataConfig"),
                          QStringLiteral("    s3Uri=file-8Xq2Lm4Np7Rs9Tv1Wx3Yz5"),
                          QStringLiteral("    s3InputFormat=JSONL"),
                          QStringLiteral("outputDataConfig (not reported)")}));
    const QModelIndex output = m_model->indexOfPath(QStringLiteral("outputDataConfig"));
    QVERIFY(output.siblingAtColumn(M::ValueColumn).data(M::NotReportedRole).toBool());
    QCOMPARE(m_model->rowCount(output), 0);
    QVERIFY(!m_model->indexOfPath(QStringLiteral("inputDataConfig"))
                     .data(M::NotReportedRole)
                     .toBool());

    Job none;
    m_model->setJob(none);
    QCOMPARE(dump(*m_model), (QStringList{QStringLiteral("inputDataConfig (not reported)"),
                                          QStringLiteral("outputDataConfig (not reported)")}));
}

void tst_ConfigTreeModel::announcesAChangedValueOnItsCellOnly()
{
    Job job = fromRetrieve(QStringLiteral("retrieve-completed.json"));
    m_model->setJob(job);
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    QSignalSpy removed(m_model.get(), &M::rowsRemoved);
    QSignalSpy reset(m_model.get(), &M::modelReset);

    m_model->setJob(job); // a refresh with nothing new
    QCOMPARE(changed.size(), 0);

    job.outputDataConfig->s3Uri = QStringLiteral("s3://acme-batch-out/claims/2025-03-14-rerun/");
    m_model->setJob(job);

    QCOMPARE(changed.size(), 1);
    const QModelIndex cell
            = m_model->indexOfPath(QStringLiteral("outputDataConfig.s3OutputDataConfig.s3Uri"))
                      .siblingAtColumn(M::ValueColumn);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), cell);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), cell);
    QList<int> roles = changed.at(0).at(2).value<QList<int>>();
    std::sort(roles.begin(), roles.end());
    QCOMPARE(roles,
             (QList<int>{Qt::DisplayRole, Qt::ToolTipRole, M::RawValueRole, M::IsS3UriRole}));
    QCOMPARE(cell.data().toString(),
             QStringLiteral("s3://acme-batch-out/claims/2025-03-14-rerun/"));
    QCOMPARE(inserted.size() + removed.size() + reset.size(), 0);
}

void tst_ConfigTreeModel::insertsAConfigWhenItIsFirstReported()
{
    Job job = fromRetrieve(QStringLiteral("retrieve-crossprovider-finalizing.json"));
    m_model->setJob(job);
    const QPersistentModelIndex output = m_model->indexOfPath(QStringLiteral("outputDataConfig"));
    QSignalSpy changed(m_model.get(), &M::dataChanged);
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);

    OutputDataConfig out;
    out.s3Uri = QStringLiteral("s3://bifrost-out/batch_67d3/");
    job.outputDataConfig = out;
    m_model->setJob(job);

    // The row's "not reported" mark goes (both cells), one child branch is inserted under it.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), QModelIndex(output));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             output.sibling(output.row(), M::ValueColumn));
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), (QList<int>{M::NotReportedRole}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), QModelIndex(output));
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 0);
    QCOMPARE(dump(*m_model).mid(4), (QStringList{QStringLiteral("outputDataConfig"),
                                                 QStringLiteral("  s3OutputDataConfig"),
                                                 QStringLiteral("    s3Uri=s3://bifrost-out/"
                                                                "batch_67d3/")}));
}

void tst_ConfigTreeModel::switchesJobsWithoutReset()
{
    m_model->setJob(fromRetrieve(QStringLiteral("retrieve-inprogress-aws-native.json")));
    const QPersistentModelIndex inputUri
            = m_model->indexOfPath(QStringLiteral("inputDataConfig.s3InputDataConfig.s3Uri"));
    QSignalSpy reset(m_model.get(), &M::modelReset);
    QSignalSpy removed(m_model.get(), &M::rowsRemoved);

    // The Bifrost body carries fewer fields: their rows go, the shared ones are updated.
    m_model->setJob(fromRetrieve(QStringLiteral("retrieve-completed.json")));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 2); // input s3BucketOwner; output s3EncryptionKeyId + owner
    QCOMPARE(
            dump(*m_model),
            (QStringList{QStringLiteral("inputDataConfig"), QStringLiteral("  s3InputDataConfig"),
                         QStringLiteral("    s3Uri=s3://acme-batch-in/claims/2025-03-14/"
                                        "records.jsonl"),
                         QStringLiteral("    s3InputFormat=JSONL"),
                         QStringLiteral("outputDataConfig"), QStringLiteral("  s3OutputDataConfig"),
                         QStringLiteral("    s3Uri=s3://acme-batch-out/claims/2025-03-14/")}));
    QVERIFY(inputUri.isValid());
    QCOMPARE(inputUri.sibling(inputUri.row(), M::ValueColumn).data().toString(),
             QStringLiteral("s3://acme-batch-in/claims/2025-03-14/records.jsonl"));

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(reset.size(), 0);
}

void tst_ConfigTreeModel::findsRowsByFieldPath()
{
    m_model->setJob(fromRetrieve(QStringLiteral("retrieve-completed.json")));
    const QModelIndex owner = m_model->indexOfPath(
            QStringLiteral("outputDataConfig.s3OutputDataConfig.s3BucketOwner"));
    QVERIFY(!owner.isValid()); // not in this body
    const QModelIndex branch = m_model->indexOfPath(QStringLiteral("outputDataConfig"));
    QCOMPARE(branch.row(), 1);
    QCOMPARE(branch.data().toString(), QStringLiteral("outputDataConfig"));
    QVERIFY(!m_model->indexOfPath(QStringLiteral("nope")).isValid());
}

QTEST_GUILESS_MAIN(tst_ConfigTreeModel)
#include "tst_configtreemodel.moc"
