#include "domain/resultsaccumulator.h"

#include <QtTest>

using namespace bw;

namespace {

ResultRecord failed(const QString &id, const QString &code, const QString &message,
                    ResultOutcome outcome = ResultOutcome::Errored)
{
    return ResultRecord{id, outcome, code, message};
}

} // namespace

class TestResultsAccumulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsByOutcome();
    void normalise_data();
    void normalise();
    void groupsLargestFirstWithSamples();
    void codeSeparatesGroups();
    void groupCountIsBounded();
};

void TestResultsAccumulator::countsByOutcome()
{
    ResultsAccumulator acc;
    acc.add({QStringLiteral("r1"), ResultOutcome::Succeeded, {}, {}});
    acc.add({QStringLiteral("r2"), ResultOutcome::Succeeded, {}, {}});
    acc.add(failed(QStringLiteral("r3"), QStringLiteral("400"), QStringLiteral("bad")));
    acc.add(failed(QStringLiteral("r4"), QStringLiteral("expired"), {}, ResultOutcome::Expired));
    acc.add(failed(QStringLiteral("r5"), QStringLiteral("canceled"), {}, ResultOutcome::Canceled));
    acc.addBytes(100);
    acc.addPage();
    const ResultsSummary s = acc.summary();
    QCOMPARE(s.succeeded, 2);
    QCOMPARE(s.errored, 1);
    QCOMPARE(s.expired, 1);
    QCOMPARE(s.canceled, 1);
    QCOMPARE(s.total(), 5);
    QCOMPARE(s.notSucceeded(), 3);
    QCOMPARE(s.bytesRead, 100);
    QCOMPARE(s.pages, 1);
    QCOMPARE(s.errorGroups.size(), 3); // succeeded records are in no group
    QCOMPARE(acc.records(), 5);
}

void TestResultsAccumulator::normalise_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("numbers") << QStringLiteral("max_tokens: 100000 > 8192, the maximum")
                             << QStringLiteral("max_tokens: 20000 > 4096, the maximum") << true;
    QTest::newRow("uuid") << QStringLiteral("request 0f8fad5b-d9cb-469f-a165-70867728950e failed")
                          << QStringLiteral("request 7c9e6679-7425-40de-944b-e07fc1f90ae7 failed")
                          << true;
    QTest::newRow("hex id") << QStringLiteral("trace deadbeef12 lost")
                            << QStringLiteral("trace 00ff00ff99 lost") << true;
    QTest::newRow("mixed id") << QStringLiteral("msg req_01HkcTjaV5uDC8 timed out")
                              << QStringLiteral("msg req_09ZZabQ7xY2a timed out") << true;
    QTest::newRow("quoted") << QStringLiteral("unknown model \"claude-x\" requested")
                            << QStringLiteral("unknown model \"titan 2\" requested") << true;
    QTest::newRow("whitespace") << QStringLiteral("too  many\ttokens")
                                << QStringLiteral("too many tokens") << true;
    QTest::newRow("different words")
            << QStringLiteral("Malformed input request")
            << QStringLiteral("ThrottlingException: Too many tokens") << false;
}

void TestResultsAccumulator::normalise()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(ResultsAccumulator::normaliseMessage(a) == ResultsAccumulator::normaliseMessage(b),
             same);
}

void TestResultsAccumulator::groupsLargestFirstWithSamples()
{
    ResultsAccumulator acc;
    acc.add(failed(QStringLiteral("t1"), QStringLiteral("429"), QStringLiteral("Throttled")));
    for (int i = 0; i < 8; ++i)
        acc.add(failed(QStringLiteral("m%1").arg(i), QStringLiteral("400"),
                       QStringLiteral("Request %1 has %2 tokens").arg(i).arg(1000 + i)));
    const ResultsSummary s = acc.summary();
    QCOMPARE(s.errorGroups.size(), 2);
    const ResultsSummary::ErrorGroup &big = s.errorGroups.at(0);
    QCOMPARE(big.code, QStringLiteral("400"));
    QCOMPARE(big.count, 8);
    QCOMPARE(big.sampleIds.size(), ResultsSummary::kMaxSampleIds);
    QCOMPARE(big.sampleIds.constFirst(), QStringLiteral("m0"));
    QCOMPARE(big.exampleMessage, QStringLiteral("Request 0 has 1000 tokens"));
    QCOMPARE(big.message, QStringLiteral("Request <n> has <n> tokens"));
    QCOMPARE(s.errorGroups.at(1).code, QStringLiteral("429"));
    QCOMPARE(s.errorGroups.at(1).count, 1);
}

void TestResultsAccumulator::codeSeparatesGroups()
{
    ResultsAccumulator acc;
    acc.add(failed(QStringLiteral("a"), QStringLiteral("400"), QStringLiteral("boom")));
    acc.add(failed(QStringLiteral("b"), QStringLiteral("500"), QStringLiteral("boom")));
    QCOMPARE(acc.summary().errorGroups.size(), 2);
}

// Many distinct codes never hold more than kMaxGroups + 1 groups; nothing is lost from
// the counts.
void TestResultsAccumulator::groupCountIsBounded()
{
    ResultsAccumulator acc;
    const int kinds = ResultsAccumulator::kMaxGroups + 50;
    for (int i = 0; i < kinds; ++i)
        acc.add(failed(QStringLiteral("r%1").arg(i), QStringLiteral("E%1").arg(i),
                       QStringLiteral("word")));
    const ResultsSummary s = acc.summary();
    QCOMPARE(s.errored, kinds);
    QCOMPARE(s.errorGroups.size(), ResultsAccumulator::kMaxGroups + 1);
    const auto other = std::find_if(s.errorGroups.cbegin(), s.errorGroups.cend(),
                                    [](const ResultsSummary::ErrorGroup &g) {
                                        return g.code == ResultsAccumulator::otherGroupCode();
                                    });
    QVERIFY(other != s.errorGroups.cend());
    QCOMPARE(other->count, 50);
    QCOMPARE(s.errorGroups.constFirst().code, ResultsAccumulator::otherGroupCode());
    qint64 sum = 0;
    for (const auto &g : s.errorGroups)
        sum += g.count;
    QCOMPARE(sum, kinds);
}

QTEST_GUILESS_MAIN(TestResultsAccumulator)
#include "tst_resultsaccumulator.moc"
