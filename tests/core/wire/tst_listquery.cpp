// ListQuery::matches(): the local list filter of the Discover tab and `batchwatch-cli list`.

#include "wire/listquery.h"

#include <QtTest>

using namespace bw;

Q_DECLARE_METATYPE(bw::ListQuery)

class tst_ListQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
};

namespace {

const QDateTime kSubmitted = QDateTime(QDate(2026, 3, 14), QTime(9, 0), Qt::UTC);

Job job(const QString &status, const QString &name = QStringLiteral("nightly-eval"))
{
    Job j;
    j.jobArn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                              "k3x9p2m7q1ab");
    if (!status.isNull())
        j.status = Status::fromString(status);
    if (!name.isNull())
        j.jobName = name;
    j.submitTime = kSubmitted;
    return j;
}

} // namespace

void tst_ListQuery::matches_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<ListQuery>("query");
    QTest::addColumn<bool>("expected");

    ListQuery none;
    QTest::newRow("no filter") << job(QStringLiteral("InProgress")) << none << true;

    auto status = [](const QString &s) {
        ListQuery q;
        q.statusEquals = s;
        return q;
    };
    QTest::newRow("status, enum spelling")
            << job(QStringLiteral("InProgress")) << status(QStringLiteral("InProgress")) << true;
    QTest::newRow("status, any case")
            << job(QStringLiteral("inprogress")) << status(QStringLiteral("InProgress")) << true;
    QTest::newRow("status, padded raw")
            << job(QStringLiteral(" Completed ")) << status(QStringLiteral("Completed")) << true;
    QTest::newRow("status, other")
            << job(QStringLiteral("Failed")) << status(QStringLiteral("Completed")) << false;
    QTest::newRow("status, unknown word by raw string")
            << job(QStringLiteral("finalizing")) << status(QStringLiteral("Finalizing")) << true;
    QTest::newRow("status, none reported")
            << job(QString()) << status(QStringLiteral("Completed")) << false;

    ListQuery name;
    name.nameContains = QStringLiteral("EVAL");
    QTest::newRow("name, any case") << job(QStringLiteral("Completed")) << name << true;
    QTest::newRow("name, no name") << job(QStringLiteral("Completed"), QString()) << name << false;

    // Bounds are inclusive: a job submitted exactly at a bound is in.
    ListQuery after;
    after.submitTimeAfter = kSubmitted;
    ListQuery before;
    before.submitTimeBefore = kSubmitted;
    ListQuery both = after;
    both.submitTimeBefore = kSubmitted;
    QTest::newRow("after, at the bound") << job(QStringLiteral("Completed")) << after << true;
    QTest::newRow("before, at the bound") << job(QStringLiteral("Completed")) << before << true;
    QTest::newRow("after and before the same instant")
            << job(QStringLiteral("Completed")) << both << true;
    ListQuery later;
    later.submitTimeAfter = kSubmitted.addSecs(1);
    QTest::newRow("after, a second later") << job(QStringLiteral("Completed")) << later << false;
    ListQuery earlier;
    earlier.submitTimeBefore = kSubmitted.addMSecs(-1);
    QTest::newRow("before, a millisecond earlier")
            << job(QStringLiteral("Completed")) << earlier << false;
    ListQuery otherZone;
    otherZone.submitTimeBefore = kSubmitted.toOffsetFromUtc(3600);
    QTest::newRow("bound in another zone, same instant")
            << job(QStringLiteral("Completed")) << otherZone << true;
    Job unsubmitted = job(QStringLiteral("Completed"));
    unsubmitted.submitTime.reset();
    QTest::newRow("no submit time") << unsubmitted << after << false;
}

void tst_ListQuery::matches()
{
    QFETCH(Job, job);
    QFETCH(ListQuery, query);
    QFETCH(bool, expected);
    QCOMPARE(query.matches(job), expected);
}

QTEST_GUILESS_MAIN(tst_ListQuery)
#include "tst_listquery.moc"
