// End to end: `batchwatch-cli list` against the simulated gateway.

#include "clitestsupport.h"

#include "wire/jobcodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

class TstCliList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryJob_data();
    void listsEveryJob();
    void filtersByStatusLocally_data();
    void filtersByStatusLocally();
    void filtersByNameAndTimeAndKeepsNewest();
    void timeBoundsAreInclusive();
    void exitsThreeWhenGatewayIsUnreachable();
};

void TstCliList::listsEveryJob_data()
{
    QTest::addColumn<sim::Flavour>("flavour");
    QTest::addColumn<int>("jobs");
    QTest::newRow("bifrost") << sim::Flavour::Bifrost << 36;
    QTest::newRow("aws-several-pages") << sim::Flavour::Aws << 1500;
}

void TstCliList::listsEveryJob()
{
    QFETCH(sim::Flavour, flavour);
    QFETCH(int, jobs);
    auto simulator = startSimulator(flavour, 0, jobs);
    const CliRun run
            = runCli({u"list"_s, u"--gateway"_s, gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonObject doc = run.json();
    QCOMPARE(doc.value(u"truncated"_s).toBool(true), false);
    QCOMPARE(doc.value(u"errors"_s).toArray().size(), 0);
    const QJsonArray list = doc.value(u"jobs"_s).toArray();
    QCOMPARE(list.size(), jobs);
    QDateTime previous;
    for (const QJsonValue &v : list) {
        const QJsonObject job = v.toObject();
        QVERIFY(!containsNull(job));
        const auto submitted = JobCodec::parseTimestamp(job.value(u"submitTime"_s).toString());
        QVERIFY(submitted.has_value());
        if (previous.isValid())
            QVERIFY2(*submitted <= previous, "newest first");
        previous = *submitted;
    }
}

void TstCliList::filtersByStatusLocally_data()
{
    QTest::addColumn<sim::Flavour>("flavour");
    QTest::addColumn<QString>("status");
    QTest::newRow("bifrost ignores the filter") << sim::Flavour::Bifrost << u"Completed"_s;
    QTest::newRow("any case") << sim::Flavour::Bifrost << u"inprogress"_s;
    QTest::newRow("aws") << sim::Flavour::Aws << u"Failed"_s;
    QTest::newRow("two statuses") << sim::Flavour::Aws << u"Stopped,Expired"_s;
}

void TstCliList::filtersByStatusLocally()
{
    QFETCH(sim::Flavour, flavour);
    QFETCH(QString, status);
    auto simulator = startSimulator(flavour);
    const CliRun run = runCli({u"list"_s, u"--status"_s, status, u"--gateway"_s,
                               gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QStringList wanted = status.toLower().split(u',');
    const QJsonArray list = run.json().value(u"jobs"_s).toArray();
    QVERIFY(!list.isEmpty());
    for (const QJsonValue &v : list)
        QVERIFY(wanted.contains(v.toObject().value(u"status"_s).toString().toLower()));

    // As many as the whole list holds in that status.
    const CliRun all
            = runCli({u"list"_s, u"--gateway"_s, gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    int expected = 0;
    for (const QJsonValue &v : all.json().value(u"jobs"_s).toArray())
        expected += wanted.contains(v.toObject().value(u"status"_s).toString().toLower()) ? 1 : 0;
    QCOMPARE(list.size(), expected);
}

void TstCliList::filtersByNameAndTimeAndKeepsNewest()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const CliRun all
            = runCli({u"list"_s, u"--gateway"_s, gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    const QJsonArray jobs = all.json().value(u"jobs"_s).toArray();
    QVERIFY(jobs.size() > 5);
    const QString name = jobs.at(3).toObject().value(u"jobName"_s).toString();
    const QString part = name.mid(2, 6).toUpper();

    const CliRun byName = runCli({u"list"_s, u"--name-contains"_s, part, u"--gateway"_s,
                                  gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    QVERIFY2(byName.exitCode == 0, qPrintable(byName.errText()));
    const QJsonArray named = byName.json().value(u"jobs"_s).toArray();
    QVERIFY(!named.isEmpty());
    for (const QJsonValue &v : named)
        QVERIFY(v.toObject().value(u"jobName"_s).toString().contains(part, Qt::CaseInsensitive));

    const QString cut = jobs.at(4).toObject().value(u"submitTime"_s).toString();
    const CliRun recent
            = runCli({u"list"_s, u"--submitted-after"_s, cut, u"--max"_s, u"3"_s, u"--gateway"_s,
                      gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    const QJsonArray newest = recent.json().value(u"jobs"_s).toArray();
    QCOMPARE(newest.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(newest.at(i).toObject().value(u"jobArn"_s),
                 jobs.at(i).toObject().value(u"jobArn"_s));
}

void TstCliList::timeBoundsAreInclusive()
{
    // ListQuery::matches, as in the Add jobs dialog's Discover tab (tst_addjobsdialog): a job
    // submitted exactly at --submitted-after and --submitted-before is listed.
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const CliRun all
            = runCli({u"list"_s, u"--gateway"_s, gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    const QJsonObject job = all.json().value(u"jobs"_s).toArray().at(4).toObject();
    const QString at = job.value(u"submitTime"_s).toString();
    QVERIFY(!at.isEmpty());
    const CliRun run = runCli({u"list"_s, u"--submitted-after"_s, at, u"--submitted-before"_s, at,
                               u"--gateway"_s, gatewayUrl(*simulator), u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QStringList arns;
    for (const QJsonValue &v : run.json().value(u"jobs"_s).toArray())
        arns << v.toObject().value(u"jobArn"_s).toString();
    QVERIFY2(arns.contains(job.value(u"jobArn"_s).toString()), qPrintable(arns.join(u' ')));
}

void TstCliList::exitsThreeWhenGatewayIsUnreachable()
{
    const CliRun run
            = runCli({u"list"_s, u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(closedPort()),
                      u"--format"_s, u"json"_s});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errLines().size(), 1);
    QCOMPARE(run.json().value(u"errors"_s).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TstCliList)
#include "tst_clilist.moc"
