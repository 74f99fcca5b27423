#include "localzone.h"
#include "models/progresssamplemodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {
using M = ProgressSampleModel;

const QDateTime kStart = QDateTime(QDate(2025, 3, 14), QTime(9, 0), Qt::UTC);

ProgressSample sample(qint64 secondsAfterStart, qint64 processed, qint64 failed = 0)
{
    ProgressSample s;
    s.at = kStart.addSecs(secondsAfterStart);
    s.total = 25000;
    s.processed = processed;
    s.failed = failed;
    s.succeeded = processed - failed;
    return s;
}
} // namespace

class tst_ProgressSampleModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsCountsAndRateSincePreviousSample();
    void hasNoRateWhereItCannotBeMeasured_data();
    void hasNoRateWhereItCannotBeMeasured();
    void appendsNewSamplesWithoutReset();
    void insertsALateSampleInOrderAndUpdatesTheNextRate();
    void replacingSamplesSortsThemAndResetsOnce();

private:
    std::unique_ptr<M> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ProgressSampleModel::initTestCase()
{
    // Expected texts are in Berlin's local time, whatever zone the suite runs in.
    QLocale::setDefault(QLocale::c());
    bw::test::setLocalTimeZone("Europe/Berlin");
}

void tst_ProgressSampleModel::init()
{
    m_model = std::make_unique<M>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ProgressSampleModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_ProgressSampleModel::showsCountsAndRateSincePreviousSample()
{
    m_model->setSamples({sample(0, 1000, 4), sample(600, 1900, 10), sample(900, 2050, 12)});
    QCOMPARE(m_model->rowCount(), 3);

    const auto cell = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(cell(1, M::AtColumn).toString(), QStringLiteral("2025-03-14 10:10:00"));
    QCOMPARE(cell(1, M::AtColumn, M::RawValueRole).toDateTime(), kStart.addSecs(600));
    QCOMPARE(cell(1, M::TotalColumn).toString(), QStringLiteral("25000"));
    QCOMPARE(cell(1, M::ProcessedColumn, M::RawValueRole).toLongLong(), qint64(1900));
    QCOMPARE(cell(1, M::SucceededColumn, M::RawValueRole).toLongLong(), qint64(1890));
    QCOMPARE(cell(1, M::FailedColumn).toString(), QStringLiteral("10"));
    // 900 records in 10 min, then 150 in 5 min.
    QCOMPARE(cell(1, M::RateColumn, M::RawValueRole).toDouble(), 90.0);
    QCOMPARE(cell(1, M::RateColumn).toString(), QStringLiteral("90.0"));
    QCOMPARE(cell(2, M::RateColumn, M::RawValueRole).toDouble(), 30.0);
    QVERIFY(!cell(0, M::RateColumn, M::RawValueRole).isValid());
    QCOMPARE(cell(0, M::RateColumn).toString(), QString());
    QCOMPARE(cell(2, M::AtColumn, M::SampleRole).value<ProgressSample>().processed, qint64(2050));
}

void tst_ProgressSampleModel::hasNoRateWhereItCannotBeMeasured_data()
{
    using Samples = QList<ProgressSample>;
    QTest::addColumn<Samples>("samples");
    QTest::addColumn<bool>("hasRate");

    QTest::newRow("same instant") << Samples{sample(60, 100), sample(60, 200)} << false;
    QTest::newRow("counters went down") << Samples{sample(0, 500), sample(60, 100)} << false;
    QTest::newRow("stalled is a rate of zero") << Samples{sample(0, 500), sample(60, 500)} << true;
}

void tst_ProgressSampleModel::hasNoRateWhereItCannotBeMeasured()
{
    QFETCH(QList<ProgressSample>, samples);
    QFETCH(bool, hasRate);
    m_model->setSamples(samples);
    QCOMPARE(m_model->index(1, M::RateColumn).data(M::RawValueRole).isValid(), hasRate);
    QCOMPARE(m_model->rateAt(1).has_value(), hasRate);
}

void tst_ProgressSampleModel::appendsNewSamplesWithoutReset()
{
    m_model->setSamples({sample(0, 1000), sample(600, 1900)});
    QSignalSpy reset(m_model.get(), &M::modelReset);
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    m_model->appendSample(sample(900, 2050));

    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(m_model->index(2, M::RateColumn).data(M::RawValueRole).toDouble(), 30.0);
}

void tst_ProgressSampleModel::insertsALateSampleInOrderAndUpdatesTheNextRate()
{
    m_model->setSamples({sample(0, 1000), sample(900, 2050)});
    QSignalSpy inserted(m_model.get(), &M::rowsInserted);
    QSignalSpy changed(m_model.get(), &M::dataChanged);

    m_model->appendSample(sample(600, 1900));

    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    QCOMPARE(topLeft, m_model->index(2, M::RateColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), topLeft);
    QList<int> roles = changed.at(0).at(2).value<QList<int>>();
    std::sort(roles.begin(), roles.end());
    QCOMPARE(roles, (QList<int>{Qt::DisplayRole, Qt::ToolTipRole, M::RawValueRole}));
    QCOMPARE(m_model->index(2, M::RateColumn).data(M::RawValueRole).toDouble(), 30.0);
}

void tst_ProgressSampleModel::replacingSamplesSortsThemAndResetsOnce()
{
    QSignalSpy reset(m_model.get(), &M::modelReset);
    m_model->setSamples({sample(900, 2050), sample(0, 1000), sample(600, 1900)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->samples().at(0).at, kStart);
    QCOMPARE(m_model->samples().at(2).at, kStart.addSecs(900));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_ProgressSampleModel)
#include "tst_progresssamplemodel.moc"
