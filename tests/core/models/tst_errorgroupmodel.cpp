#include "models/errorgroupmodel.h"
#include "models/resultsverdict.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {
using M = ErrorGroupModel;

ResultsSummary::ErrorGroup group(const QString &code, const QString &message, qint64 count,
                                 const QStringList &ids = {})
{
    ResultsSummary::ErrorGroup g;
    g.code = code;
    g.message = message;
    g.count = count;
    g.sampleIds = ids;
    g.exampleMessage = message;
    return g;
}

QList<ResultsSummary::ErrorGroup> sampleGroups()
{
    return {
            group(QStringLiteral("rate_limit"), QStringLiteral("Too many requests"), 12,
                  {QStringLiteral("req-7"), QStringLiteral("req-19")}),
            group(QStringLiteral("invalid_request"), QStringLiteral("Bad\tinput\non line #"), 200,
                  {QStringLiteral("req-1")}),
            group(QStringLiteral("Timeout"), QStringLiteral("Request # timed out"), 3),
    };
}

QStringList codes(const M &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, M::CodeColumn).data().toString();
    return out;
}
} // namespace

class tst_ErrorGroupModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void largestGroupFirstByDefault();
    void sortsEveryColumn_data();
    void sortsEveryColumn();
    void copiesRowsAsOneLineTsv();
    void contradictionSentence_data();
    void contradictionSentence();

private:
    std::unique_ptr<M> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ErrorGroupModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_model = std::make_unique<M>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ErrorGroupModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_ErrorGroupModel::largestGroupFirstByDefault()
{
    m_model->setGroups(sampleGroups());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(codes(*m_model),
             (QStringList{QStringLiteral("invalid_request"), QStringLiteral("rate_limit"),
                          QStringLiteral("Timeout")}));
    QCOMPARE(m_model->index(0, M::CountColumn).data().toString(), QStringLiteral("200"));
    QCOMPARE(m_model->index(0, M::CountColumn).data(M::RawValueRole).toLongLong(), 200);
    QCOMPARE(m_model->index(1, M::SampleIdsColumn).data().toString(),
             QStringLiteral("req-7, req-19"));
    QCOMPARE(m_model->index(1, 0).data(M::SampleIdsRole).toStringList(),
             (QStringList{QStringLiteral("req-7"), QStringLiteral("req-19")}));
    m_model->setGroups({});
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_ErrorGroupModel::sortsEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");
    const QString inv = QStringLiteral("invalid_request");
    const QString rate = QStringLiteral("rate_limit");
    const QString tmo = QStringLiteral("Timeout");
    QTest::newRow("count ascending")
            << int(M::CountColumn) << int(Qt::AscendingOrder) << QStringList{tmo, rate, inv};
    QTest::newRow("count descending")
            << int(M::CountColumn) << int(Qt::DescendingOrder) << QStringList{inv, rate, tmo};
    // Case-insensitive: "Timeout" between "rate_limit" and nothing.
    QTest::newRow("code ascending")
            << int(M::CodeColumn) << int(Qt::AscendingOrder) << QStringList{inv, rate, tmo};
    QTest::newRow("message ascending")
            << int(M::MessageColumn) << int(Qt::AscendingOrder) << QStringList{inv, tmo, rate};
}

void tst_ErrorGroupModel::sortsEveryColumn()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    m_model->setGroups(sampleGroups());
    const QPersistentModelIndex rate = m_model->index(1, M::CodeColumn);
    QSignalSpy layout(m_model.get(), &M::layoutChanged);
    m_model->sort(column, Qt::SortOrder(order));
    QCOMPARE(layout.size(), 1);
    QCOMPARE(codes(*m_model), expected);
    QCOMPARE(rate.data().toString(), QStringLiteral("rate_limit"));
    // New groups keep the chosen order.
    m_model->setGroups(sampleGroups());
    QCOMPARE(codes(*m_model), expected);
}

void tst_ErrorGroupModel::copiesRowsAsOneLineTsv()
{
    m_model->setGroups(sampleGroups());
    QCOMPARE(m_model->rowsAsTsv({1}),
             QStringLiteral("Code\tMessage\tRecords\tSample ids\n"
                            "rate_limit\tToo many requests\t12\treq-7 req-19\n"));
    const QStringList lines = m_model->rowsAsTsv().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(1), QStringLiteral("invalid_request\tBad input on line #\t200\treq-1"));
}

void tst_ErrorGroupModel::contradictionSentence_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("succeeded");
    QTest::addColumn<qint64>("errored");
    QTest::addColumn<bool>("capped");
    QTest::addColumn<QString>("expected");
    QTest::newRow("failed, mostly succeeded")
            << int(JobStatus::Failed) << qint64(41000) << qint64(234) << false
            << QStringLiteral("Failed by the gateway — 41,000 of 41,234 records succeeded");
    QTest::newRow("failed, none succeeded")
            << int(JobStatus::Failed) << qint64(0) << qint64(234) << false << QString();
    QTest::newRow("completed with errors")
            << int(JobStatus::Completed) << qint64(900) << qint64(100) << false
            << QStringLiteral("Completed by the gateway — 100 of 1,000 records did not succeed");
    QTest::newRow("completed clean")
            << int(JobStatus::Completed) << qint64(1000) << qint64(0) << false << QString();
    QTest::newRow("capped")
            << int(JobStatus::Failed) << qint64(10) << qint64(5) << true
            << QStringLiteral("Failed by the gateway — 10 of 15 records succeeded (in the part "
                              "of the results read)");
    QTest::newRow("running") << int(JobStatus::InProgress) << qint64(10) << qint64(5) << false
                             << QString();
}

void tst_ErrorGroupModel::contradictionSentence()
{
    QFETCH(int, status);
    QFETCH(qint64, succeeded);
    QFETCH(qint64, errored);
    QFETCH(bool, capped);
    QFETCH(QString, expected);
    WatchedJob w;
    w.identifier = QStringLiteral("k3x9p2m7q1ab");
    w.job.status = Status::fromCode(JobStatus(status));
    QCOMPARE(resultsContradiction(w), QString()); // never fetched
    ResultsSummary r;
    r.succeeded = succeeded;
    r.errored = errored;
    r.capped = capped;
    r.complete = !capped;
    w.results = r;
    QCOMPARE(resultsContradiction(w), expected);
}

QTEST_GUILESS_MAIN(tst_ErrorGroupModel)
#include "tst_errorgroupmodel.moc"
