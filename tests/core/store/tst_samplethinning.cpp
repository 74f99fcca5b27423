#include "store/samplethinning.h"

#include <QtTest>

#include <algorithm>
#include <limits>
#include <optional>

using namespace bw;
using namespace bw::samplethinning;

namespace {

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;
// A bucket boundary of every width (the epoch is one), far from zero.
constexpr qint64 kT0 = 480000LL * kHour;

// Sample times in minutes after kT0 -> samples with ids 1, 2, ... in time order.
QList<Sample> samplesAt(const QList<qint64> &minutes)
{
    QList<Sample> out;
    qint64 id = 0;
    for (qint64 m : minutes)
        out.append({++id, kT0 + m * kMinute});
    return out;
}

// The policy applied to every sample of a job, the way the store applies it sample by sample:
// what it keeps, as minutes after kT0.
QList<qint64> keptWhenRecordedOneByOne(const QList<qint64> &minutes)
{
    QList<Sample> kept;
    qint64 id = 0;
    for (qint64 m : minutes) {
        const Sample s{++id, kT0 + m * kMinute};
        const bool first = kept.isEmpty();
        const qint64 previousAt = first ? 0 : kept.constLast().at;
        kept.append(s);
        std::stable_sort(kept.begin(), kept.end(),
                         [](const Sample &a, const Sample &b) { return a.at < b.at; });
        if (first)
            continue;
        const qint64 newestAt = std::max(s.at, previousAt);
        for (const Window &w : windowsToRethin(s.at, previousAt)) {
            QList<Sample> inWindow;
            for (const Sample &k : std::as_const(kept)) {
                if (k.at >= w.from && k.at <= w.to)
                    inWindow.append(k);
            }
            const QList<qint64> drop = samplesToDrop(inWindow, 1, newestAt);
            kept.removeIf([&drop](const Sample &k) { return drop.contains(k.id); });
        }
    }
    QList<qint64> out;
    for (const Sample &k : std::as_const(kept))
        out.append((k.at - kT0) / kMinute);
    return out;
}

} // namespace

class tst_SampleThinning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketsFloorBeforeTheEpochToo();
    void redundantSample_data();
    void redundantSample();
    void dropsByAge_data();
    void dropsByAge();
    void samplingOneByOneKeepsWhatThePolicySays_data();
    void samplingOneByOneKeepsWhatThePolicySays();
    void windowsCoverTheWholeJobAfterAClockChange();
    void boundsTheNumberOfSamples_data();
    void boundsTheNumberOfSamples();
};

void tst_SampleThinning::bucketsFloorBeforeTheEpochToo()
{
    QCOMPARE(bucketOf(0, FineBucketMs), 0);
    QCOMPARE(bucketOf(FineBucketMs - 1, FineBucketMs), 0);
    QCOMPARE(bucketOf(-1, FineBucketMs), -1);
    QCOMPARE(bucketOf(-FineBucketMs, FineBucketMs), -1);
    QCOMPARE(bucketOf(-FineBucketMs - 1, FineBucketMs), -2);
}

void tst_SampleThinning::redundantSample_data()
{
    QTest::addColumn<qint64>("atMinutes");
    QTest::addColumn<qint64>("newestMinutes");
    QTest::addColumn<bool>("sameCounts");
    QTest::addColumn<bool>("redundant");
    QTest::newRow("same counts, same bucket") << 3LL << 1LL << true << true;
    QTest::newRow("same counts, next bucket: a stall stays visible") << 5LL << 4LL << true << false;
    QTest::newRow("new counts") << 2LL << 1LL << false << false;
    QTest::newRow("older than the newest") << 1LL << 2LL << true << false;
}

void tst_SampleThinning::redundantSample()
{
    QFETCH(qint64, atMinutes);
    QFETCH(qint64, newestMinutes);
    QFETCH(bool, sameCounts);
    QFETCH(bool, redundant);
    QCOMPARE(isRedundant(kT0 + atMinutes * kMinute, kT0 + newestMinutes * kMinute, sameCounts),
             redundant);
}

void tst_SampleThinning::dropsByAge_data()
{
    QTest::addColumn<QList<qint64>>("minutes"); // sample times, the last is the newest
    QTest::addColumn<QList<qint64>>("dropped"); // ids
    QTest::newRow("within the last hour: all kept")
            << QList<qint64>{0, 1, 2, 3, 60} << QList<qint64>{};
    QTest::newRow("older than an hour: one per 5 minutes")
            << QList<qint64>{0, 1, 2, 6, 7, 200} << QList<qint64>{2, 3, 5};
    QTest::newRow("the first is kept even in a shared bucket")
            << QList<qint64>{1, 2, 200} << QList<qint64>{2};
    QTest::newRow("older than a day: one per hour")
            << QList<qint64>{0, 10, 50, 70, 3000} << QList<qint64>{2, 3};
}

void tst_SampleThinning::dropsByAge()
{
    QFETCH(QList<qint64>, minutes);
    QFETCH(QList<qint64>, dropped);
    const QList<Sample> samples = samplesAt(minutes);
    QCOMPARE(samplesToDrop(samples, 1, samples.constLast().at), dropped);
}

void tst_SampleThinning::samplingOneByOneKeepsWhatThePolicySays_data()
{
    QTest::addColumn<QList<qint64>>("minutes");
    QTest::addColumn<QList<qint64>>("kept");
    QTest::newRow("every minute for two hours") << [] {
        QList<qint64> m;
        for (qint64 i = 0; i <= 120; ++i)
            m.append(i);
        return m;
    }() << [] {
        QList<qint64> k;
        for (qint64 i = 0; i < 60; i += 5)
            k.append(i);
        for (qint64 i = 60; i <= 120; ++i)
            k.append(i);
        return k;
    }();
    QTest::newRow("a day and a half, every 20 minutes") << [] {
        QList<qint64> m;
        for (qint64 i = 0; i <= 36 * 60; i += 20)
            m.append(i);
        return m;
    }() << [] {
        QList<qint64> k;
        for (qint64 i = 0; i < 12 * 60; i += 60)
            k.append(i);
        for (qint64 i = 12 * 60; i <= 36 * 60; i += 20)
            k.append(i);
        return k;
    }();
    QTest::newRow("out of order") << QList<qint64>{0, 100, 2, 3, 200} << QList<qint64>{0, 100, 200};
}

void tst_SampleThinning::samplingOneByOneKeepsWhatThePolicySays()
{
    QFETCH(QList<qint64>, minutes);
    QFETCH(QList<qint64>, kept);
    QCOMPARE(keptWhenRecordedOneByOne(minutes), kept);
}

void tst_SampleThinning::windowsCoverTheWholeJobAfterAClockChange()
{
    const QList<Window> windows = windowsToRethin(kT0, kT0 + kHour);
    QCOMPARE(windows.size(), 1);
    QCOMPARE(windows[0].from, std::numeric_limits<qint64>::min());
    QCOMPARE(windows[0].to, kT0 + kHour);
    // A sample a minute after the last one only touches what aged past an hour.
    for (const Window &w : windowsToRethin(kT0 + 2 * kHour + kMinute, kT0 + 2 * kHour))
        QVERIFY(w.to <= kT0 + kHour + kMinute);
}

void tst_SampleThinning::boundsTheNumberOfSamples_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("excess");
    QTest::newRow("none") << 0LL << 0LL;
    QTest::newRow("at the bound") << qint64(MaxSamplesPerJob) << 0LL;
    QTest::newRow("one over") << qint64(MaxSamplesPerJob + 1) << 1LL;
}

void tst_SampleThinning::boundsTheNumberOfSamples()
{
    QFETCH(qint64, count);
    QFETCH(qint64, excess);
    QCOMPARE(samplethinning::excess(count), excess);
}

QTEST_GUILESS_MAIN(tst_SampleThinning)
#include "tst_samplethinning.moc"
