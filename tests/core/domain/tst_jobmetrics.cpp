#include "domain/jobmetrics.h"
#include "fixtures.h"
#include "wire/jobcodec.h"

#include <QtTest>

#include <limits>

using namespace bw;

namespace {
const QDateTime kNow = QDateTime(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);

QDateTime at(qint64 secondsFromNow)
{
    return kNow.addSecs(secondsFromNow);
}

Job jobWith(JobStatus status)
{
    Job job;
    job.status = Status::fromCode(status);
    return job;
}

ProgressSample sample(qint64 secondsFromNow, qint64 processed, qint64 total = 1000)
{
    ProgressSample s;
    s.at = at(secondsFromNow);
    s.total = total;
    s.processed = processed;
    s.succeeded = processed;
    return s;
}

WatchedJob watchedFromFixture(const QString &name)
{
    const auto parsed = JobCodec::parseRetrieveBody(test::fixture(name));
    WatchedJob w;
    if (!parsed)
        return w;
    w.identifier = parsed->job.jobArn.value_or(QString());
    w.job = parsed->job;
    w.rawRetrieve = parsed->raw;
    w.everReported = parsed->job.presentFields();
    return w;
}
} // namespace

using OptSeconds = std::optional<qint64>;
using OptDouble = std::optional<double>;
using Samples = QList<ProgressSample>;
Q_DECLARE_METATYPE(OptSeconds)
Q_DECLARE_METATYPE(OptDouble)

class tst_JobMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void elapsedRunsToEndTimeOrNow_data();
    void elapsedRunsToEndTimeOrNow();
    void timeToExpiryOnlyForJobsThatCanStillExpire_data();
    void timeToExpiryOnlyForJobsThatCanStillExpire();
    void flagsQueuedJobsNearOrPastExpiry_data();
    void flagsQueuedJobsNearOrPastExpiry();
    void measuresRateOverRecentSamplesOnly_data();
    void measuresRateOverRecentSamplesOnly();
    void reportsRateBasis();
    void estimatesCompletionOnlyWhenMeasurable_data();
    void estimatesCompletionOnlyWhenMeasurable();
    void etaCarriesItsBasisAndFinishTime();
    void progressIsIndeterminateWithoutTotal_data();
    void progressIsIndeterminateWithoutTotal();
    void errorShareIsFailedOverProcessed_data();
    void errorShareIsFailedOverProcessed();
    void tellsNotInVpcFromNotReported_data();
    void tellsNotInVpcFromNotReported();
    void formatsDurations_data();
    void formatsDurations();
    void formatsCoarseDurations_data();
    void formatsCoarseDurations();
    void formatsRelativeTimes_data();
    void formatsRelativeTimes();
    void textKeysChangeExactlyWhenTheTextDoes();
};

void tst_JobMetrics::elapsedRunsToEndTimeOrNow_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<OptSeconds>("expected");

    Job running = jobWith(JobStatus::InProgress);
    running.submitTime = at(-7200);
    QTest::newRow("running: up to now") << running << OptSeconds(7200);

    Job unknown = running;
    unknown.status = Status::fromString(QStringLiteral("finalizing"));
    QTest::newRow("unknown status counts as live") << unknown << OptSeconds(7200);

    Job done = jobWith(JobStatus::Completed);
    done.submitTime = at(-86400);
    done.endTime = at(-86400 + 3 * 3600 + 5 * 60);
    done.lastModifiedTime = at(-60);
    QTest::newRow("terminal: up to endTime") << done << OptSeconds(3 * 3600 + 5 * 60);

    Job noEnd = done;
    noEnd.endTime.reset();
    QTest::newRow("terminal without endTime: lastModifiedTime") << noEnd << OptSeconds(86400 - 60);

    Job sparse = jobWith(JobStatus::Failed);
    sparse.submitTime = at(-600);
    QTest::newRow("terminal without any end: unknown, not counting up") << sparse << OptSeconds();

    Job noSubmit = jobWith(JobStatus::InProgress);
    QTest::newRow("no submitTime") << noSubmit << OptSeconds();

    Job skewed = jobWith(JobStatus::Submitted);
    skewed.submitTime = at(30);
    QTest::newRow("gateway clock ahead: clamped to 0") << skewed << OptSeconds(0);

    // "+01:00" and "Z" timestamps are instants: 10:26:53+01:00 is 09:26:53Z.
    Job offset = jobWith(JobStatus::Completed);
    offset.submitTime = JobCodec::parseTimestamp(u"2025-03-14T10:26:53+01:00");
    offset.endTime = JobCodec::parseTimestamp(u"2025-03-14T09:36:53Z");
    QTest::newRow("offsets compared as instants") << offset << OptSeconds(600);
}

void tst_JobMetrics::elapsedRunsToEndTimeOrNow()
{
    QFETCH(Job, job);
    QFETCH(OptSeconds, expected);
    QCOMPARE(JobMetrics::elapsed(job, kNow), expected);
}

void tst_JobMetrics::timeToExpiryOnlyForJobsThatCanStillExpire_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<OptSeconds>("expected");

    Job queued = jobWith(JobStatus::Scheduled);
    queued.jobExpirationTime = at(5 * 3600);
    QTest::newRow("queued, 5 h left") << queued << OptSeconds(5 * 3600);

    Job running = jobWith(JobStatus::InProgress);
    running.jobExpirationTime = at(3 * 86400);
    QTest::newRow("running, 3 d left") << running << OptSeconds(3 * 86400);

    Job passed = queued;
    passed.jobExpirationTime = at(-120);
    QTest::newRow("passed while queued: negative") << passed << OptSeconds(-120);

    Job ended = jobWith(JobStatus::Completed);
    ended.jobExpirationTime = at(3600);
    QTest::newRow("terminal: none") << ended << OptSeconds();

    QTest::newRow("not reported: none") << jobWith(JobStatus::Submitted) << OptSeconds();
}

void tst_JobMetrics::timeToExpiryOnlyForJobsThatCanStillExpire()
{
    QFETCH(Job, job);
    QFETCH(OptSeconds, expected);
    QCOMPARE(JobMetrics::timeToExpiry(job, kNow), expected);
}

void tst_JobMetrics::flagsQueuedJobsNearOrPastExpiry_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<qint64>("threshold");
    QTest::addColumn<bool>("atRisk");

    const qint64 sixHours = JobMetrics::DefaultAtRiskThresholdSeconds;
    QCOMPARE(sixHours, 6 * 3600);

    for (const JobStatus s : {JobStatus::Submitted, JobStatus::Validating, JobStatus::Scheduled}) {
        Job near = jobWith(s);
        near.jobExpirationTime = at(5 * 3600 + 59 * 60);
        QTest::addRow("%s, 5 h 59 min left", qPrintable(Status::canonicalName(s)))
                << near << sixHours << true;
    }

    Job edge = jobWith(JobStatus::Scheduled);
    edge.jobExpirationTime = at(6 * 3600);
    QTest::newRow("exactly at the threshold") << edge << sixHours << true;

    Job far = edge;
    far.jobExpirationTime = at(6 * 3600 + 1);
    QTest::newRow("one second beyond") << far << sixHours << false;

    Job passed = edge;
    passed.jobExpirationTime = at(-3600);
    QTest::newRow("already past, still queued") << passed << sixHours << true;

    Job running = jobWith(JobStatus::InProgress);
    running.jobExpirationTime = at(600);
    QTest::newRow("running jobs are not at risk") << running << sixHours << false;

    Job ended = jobWith(JobStatus::Expired);
    ended.jobExpirationTime = at(-600);
    QTest::newRow("expired jobs are past risk") << ended << sixHours << false;

    Job lossy = jobWith(JobStatus::Unknown);
    lossy.status = Status::fromString(QStringLiteral("Queued"));
    lossy.jobExpirationTime = at(600);
    QTest::newRow("unknown status is not queued") << lossy << sixHours << false;

    QTest::newRow("no expiration reported") << jobWith(JobStatus::Submitted) << sixHours << false;

    Job custom = edge;
    custom.jobExpirationTime = at(2 * 3600);
    QTest::newRow("custom 1 h threshold: 2 h left is fine") << custom << qint64(3600) << false;
    QTest::newRow("custom 3 h threshold: 2 h left is at risk")
            << custom << qint64(3 * 3600) << true;
}

void tst_JobMetrics::flagsQueuedJobsNearOrPastExpiry()
{
    QFETCH(Job, job);
    QFETCH(qint64, threshold);
    QFETCH(bool, atRisk);
    QCOMPARE(JobMetrics::isAtRisk(job, kNow, threshold), atRisk);
}

void tst_JobMetrics::measuresRateOverRecentSamplesOnly_data()
{
    QTest::addColumn<Samples>("samples");
    QTest::addColumn<OptDouble>("perMinute");

    QTest::newRow("no samples") << Samples{} << OptDouble();
    QTest::newRow("one sample") << Samples{sample(-60, 100)} << OptDouble();
    QTest::newRow("two samples, 10 min apart")
            << Samples{sample(-1200, 100), sample(-600, 600)} << OptDouble(50.0);
    QTest::newRow("oldest outside the 30 min window is ignored")
            << Samples{sample(-3600, 0), sample(-1200, 100), sample(-600, 600)} << OptDouble(50.0);
    QTest::newRow("only one inside the window")
            << Samples{sample(-3600, 0), sample(-600, 600)} << OptDouble();
    QTest::newRow("window start is exclusive")
            << Samples{sample(-1800, 0), sample(-600, 600)} << OptDouble();
    QTest::newRow("samples after now are ignored")
            << Samples{sample(-600, 100), sample(60, 10000)} << OptDouble();
    QTest::newRow("unordered samples")
            << Samples{sample(-60, 900), sample(-1260, 300), sample(-660, 600)} << OptDouble(30.0);
    QTest::newRow("same instant: zero elapsed")
            << Samples{sample(-600, 100), sample(-600, 200)} << OptDouble();
    QTest::newRow("stalled: processed not increasing")
            << Samples{sample(-1200, 500), sample(-600, 500)} << OptDouble();
    QTest::newRow("counter went down")
            << Samples{sample(-1200, 500), sample(-600, 100)} << OptDouble();
    QTest::newRow("sub-minute spacing")
            << Samples{sample(-30, 10), sample(0, 20)} << OptDouble(20.0);
}

void tst_JobMetrics::measuresRateOverRecentSamplesOnly()
{
    QFETCH(Samples, samples);
    QFETCH(OptDouble, perMinute);
    const std::optional<ProgressRate> rate = JobMetrics::processingRate(samples, kNow);
    QCOMPARE(rate.has_value(), perMinute.has_value());
    if (rate)
        QCOMPARE(rate->recordsPerMinute, *perMinute);
}

void tst_JobMetrics::reportsRateBasis()
{
    const Samples samples{sample(-5000, 0), sample(-1500, 100), sample(-900, 400),
                          sample(-300, 700)};
    const auto rate = JobMetrics::processingRate(samples, kNow, 1800);
    QVERIFY(rate);
    QCOMPARE(rate->sampleCount, 3);
    QCOMPARE(rate->windowSeconds, qint64(1800));
    QCOMPARE(rate->spanSeconds, qint64(1200));
    QCOMPARE(rate->from, at(-1500));
    QCOMPARE(rate->to, at(-300));
    QCOMPARE(rate->recordsPerMinute, 30.0);

    // A wider window takes the older sample in.
    const auto wide = JobMetrics::processingRate(samples, kNow, 2 * 3600);
    QVERIFY(wide);
    QCOMPARE(wide->sampleCount, 4);
    QCOMPARE(wide->from, at(-5000));
}

void tst_JobMetrics::estimatesCompletionOnlyWhenMeasurable_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<Samples>("samples");
    QTest::addColumn<OptSeconds>("eta");

    const Samples steady{sample(-1200, 100), sample(-600, 400)}; // 30 records/min

    Job running = jobWith(JobStatus::InProgress);
    running.totalRecordCount = 1000;
    running.processedRecordCount = 400;
    QTest::newRow("600 left at 30/min: 20 min") << running << steady << OptSeconds(1200);

    Job validating = jobWith(JobStatus::Validating);
    validating.totalRecordCount = 0;
    validating.processedRecordCount = 0;
    QTest::newRow("total 0 while validating: none") << validating << steady << OptSeconds();

    Job noCounts = jobWith(JobStatus::InProgress);
    QTest::newRow("no counts anywhere: none") << noCounts << Samples{} << OptSeconds();

    QTest::newRow("counts from the newest sample when the job has none")
            << noCounts << steady << OptSeconds(1200);

    QTest::newRow("fewer than two samples: none")
            << running << Samples{sample(-600, 400)} << OptSeconds();

    Job ended = running;
    ended.status = Status::fromCode(JobStatus::Completed);
    QTest::newRow("terminal: none") << ended << steady << OptSeconds();

    Job finishing = running;
    finishing.processedRecordCount = 1000;
    QTest::newRow("all processed: 0") << finishing << steady << OptSeconds(0);

    Job fractional = running;
    fractional.processedRecordCount = 999;
    // 7 records/min: the last record takes 8.57 s.
    QTest::newRow("rounded up to whole seconds")
            << fractional << Samples{sample(-1200, 100), sample(-600, 170)} << OptSeconds(9);
}

void tst_JobMetrics::estimatesCompletionOnlyWhenMeasurable()
{
    QFETCH(Job, job);
    QFETCH(Samples, samples);
    QFETCH(OptSeconds, eta);
    const std::optional<Eta> e = JobMetrics::eta(job, samples, kNow);
    QCOMPARE(e ? OptSeconds(e->seconds) : OptSeconds(), eta);
}

void tst_JobMetrics::etaCarriesItsBasisAndFinishTime()
{
    Job job = jobWith(JobStatus::InProgress);
    job.totalRecordCount = 25000;
    job.processedRecordCount = 11842;
    const Samples samples{sample(-1500, 10000, 25000), sample(-900, 10600, 25000),
                          sample(-300, 11200, 25000)};
    const auto e = JobMetrics::eta(job, samples, kNow);
    QVERIFY(e);
    QCOMPARE(e->remainingRecords, qint64(25000 - 11842));
    QCOMPARE(e->basis.sampleCount, 3);
    QCOMPARE(e->basis.recordsPerMinute, 60.0);
    QCOMPARE(e->seconds, qint64(13158)); // 13158 records at one per second
    QCOMPARE(e->finishAt, kNow.addSecs(13158));
    QCOMPARE(e->finishAt.timeSpec(), Qt::UTC);
}

void tst_JobMetrics::progressIsIndeterminateWithoutTotal_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<OptDouble>("fraction");

    Job half = jobWith(JobStatus::InProgress);
    half.totalRecordCount = 50000;
    half.processedRecordCount = 25000;
    QTest::newRow("half") << half << OptDouble(0.5);

    Job zero = half;
    zero.totalRecordCount = 0;
    zero.processedRecordCount = 0;
    QTest::newRow("total 0: indeterminate, not 0 %") << zero << OptDouble();

    Job noTotal = half;
    noTotal.totalRecordCount.reset();
    QTest::newRow("total unknown") << noTotal << OptDouble();

    Job noProcessed = half;
    noProcessed.processedRecordCount.reset();
    QTest::newRow("processed unknown") << noProcessed << OptDouble();

    Job over = half;
    over.processedRecordCount = 60000;
    QTest::newRow("clamped to 1") << over << OptDouble(1.0);
}

void tst_JobMetrics::progressIsIndeterminateWithoutTotal()
{
    QFETCH(Job, job);
    QFETCH(OptDouble, fraction);
    QCOMPARE(JobMetrics::progressFraction(job), fraction);
}

void tst_JobMetrics::errorShareIsFailedOverProcessed_data()
{
    QTest::addColumn<Job>("job");
    QTest::addColumn<OptDouble>("share");

    Job partial = jobWith(JobStatus::PartiallyCompleted);
    partial.totalRecordCount = 50000;
    partial.processedRecordCount = 40000;
    partial.errorRecordCount = 1000;
    QTest::newRow("1000 of 40000 processed failed") << partial << OptDouble(0.025);

    Job nothingYet = partial;
    nothingYet.processedRecordCount = 0;
    nothingYet.errorRecordCount = 0;
    QTest::newRow("nothing processed") << nothingYet << OptDouble();

    Job unknown = partial;
    unknown.errorRecordCount.reset();
    QTest::newRow("errors unknown") << unknown << OptDouble();
}

void tst_JobMetrics::errorShareIsFailedOverProcessed()
{
    QFETCH(Job, job);
    QFETCH(OptDouble, share);
    QCOMPARE(JobMetrics::errorShare(job), share);
}

void tst_JobMetrics::tellsNotInVpcFromNotReported_data()
{
    QTest::addColumn<WatchedJob>("job");
    QTest::addColumn<VpcState>("state");

    QTest::newRow("AWS body with vpcConfig")
            << watchedFromFixture(QStringLiteral("retrieve-inprogress-aws-native.json"))
            << VpcState::InVpc;
    QTest::newRow("empty {} vpcConfig")
            << watchedFromFixture(QStringLiteral("retrieve-edge-unknown-status.json"))
            << VpcState::NotInVpc;
    QTest::newRow("sparse Bifrost body")
            << watchedFromFixture(QStringLiteral("retrieve-completed.json"))
            << VpcState::NotReported;

    // An AWS list summary without vpcConfig: the gateway sends full bodies (roleArn...).
    const auto page
            = JobCodec::parseListBody(test::fixture(QStringLiteral("list-page1-aws-native.json")));
    QVERIFY(page);
    WatchedJob listed;
    listed.identifier = QStringLiteral("k3x9p2m7q1ab");
    listed.job = page->jobs.at(0).job;
    listed.everReported = listed.job.presentFields();
    QVERIFY(!listed.job.vpcConfig);
    QTest::newRow("full body without vpcConfig") << listed << VpcState::NotInVpc;

    WatchedJob onlySubnets = listed;
    onlySubnets.job.vpcConfig = VpcConfig{{}, {QStringLiteral("subnet-0a1b2c3d4e5f67890")}};
    QTest::newRow("subnets only") << onlySubnets << VpcState::InVpc;

    QTest::newRow("nothing fetched yet") << WatchedJob{} << VpcState::NotReported;
}

void tst_JobMetrics::tellsNotInVpcFromNotReported()
{
    QFETCH(WatchedJob, job);
    QFETCH(VpcState, state);
    QCOMPARE(JobMetrics::vpcState(job), state);
}

void tst_JobMetrics::formatsDurations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("seconds") << qint64(45) << QStringLiteral("45 s");
    QTest::newRow("one minute") << qint64(60) << QStringLiteral("1 min");
    QTest::newRow("minutes truncated") << qint64(12 * 60 + 59) << QStringLiteral("12 min");
    QTest::newRow("hours and padded minutes")
            << qint64(2 * 3600 + 5 * 60) << QStringLiteral("2 h 05 min");
    QTest::newRow("whole hours") << qint64(3 * 3600) << QStringLiteral("3 h");
    QTest::newRow("just under a day") << qint64(86399) << QStringLiteral("23 h 59 min");
    QTest::newRow("days and hours")
            << qint64(3 * 86400 + 4 * 3600 + 59) << QStringLiteral("3 d 4 h");
    QTest::newRow("whole days") << qint64(2 * 86400 + 1800) << QStringLiteral("2 d");
    QTest::newRow("a week") << qint64(7 * 86400) << QStringLiteral("7 d");
    QTest::newRow("negative") << qint64(-90) << QStringLiteral("-1 min");
}

void tst_JobMetrics::formatsDurations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(JobMetrics::formatDuration(seconds), text);
}

void tst_JobMetrics::formatsCoarseDurations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("seconds") << qint64(59) << QStringLiteral("59 s");
    QTest::newRow("minutes truncated") << qint64(59 * 60 + 59) << QStringLiteral("59 min");
    QTest::newRow("hours, minutes dropped")
            << qint64(23 * 3600 + 59 * 60) << QStringLiteral("23 h");
    QTest::newRow("days, hours dropped") << qint64(3 * 86400 + 23 * 3600) << QStringLiteral("3 d");
    QTest::newRow("negative") << qint64(-2 * 3600 - 60) << QStringLiteral("-2 h");
    QTest::newRow("most negative")
            << std::numeric_limits<qint64>::min()
            << QStringLiteral("-%1 d").arg(std::numeric_limits<qint64>::max() / 86400);
}

void tst_JobMetrics::formatsCoarseDurations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(JobMetrics::formatCoarseDuration(seconds), text);
}

void tst_JobMetrics::formatsRelativeTimes_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QString>("text");

    QTest::newRow("past") << at(-5 * 60) << QStringLiteral("5 min ago");
    QTest::newRow("future") << at(3 * 3600) << QStringLiteral("in 3 h");
    QTest::newRow("now") << at(2) << QStringLiteral("just now");
    QTest::newRow("offset zone is the same instant")
            << QDateTime(QDate(2025, 3, 14), QTime(12, 0), QTimeZone(3600))
            << QStringLiteral("1 h ago");
    QTest::newRow("invalid") << QDateTime() << QString();
}

void tst_JobMetrics::formatsRelativeTimes()
{
    QFETCH(QDateTime, instant);
    QFETCH(QString, text);
    QCOMPARE(JobMetrics::formatRelative(instant, kNow), text);
}

void tst_JobMetrics::textKeysChangeExactlyWhenTheTextDoes()
{
    // The job table asks every second which "… ago" and duration texts moved, by their keys:
    // a key that stayed while the text changed leaves a stale cell on screen; one that moved
    // while the text stayed costs a needless signal. Every second of two hours either way, and
    // both sides of every minute up to three days and some far ones; relative times from
    // milliseconds (QDateTime::secsTo truncates).
    QList<qint64> seconds;
    for (qint64 s = -7300; s <= 7300; ++s)
        seconds.append(s);
    for (qint64 minute = 7200; minute <= 3 * 86400; minute += 60) {
        for (const qint64 s : {minute - 1, minute, minute + 1})
            seconds << s << -s;
    }
    for (const qint64 far : {qint64(400) * 86400 + 3599, qint64(400) * 86400 + 3600})
        seconds << far - 1 << far;
    seconds << std::numeric_limits<qint64>::max() << std::numeric_limits<qint64>::min();

    QHash<qint64, QString> textOfKey;
    const auto check = [&textOfKey](qint64 key, const QString &text) {
        const auto it = textOfKey.constFind(key);
        if (it != textOfKey.constEnd() && *it != text)
            return false;
        textOfKey.insert(key, text);
        return true;
    };
    for (const qint64 s : std::as_const(seconds)) {
        const QString text = JobMetrics::formatDuration(s);
        QVERIFY2(check(JobMetrics::durationTextKey(s), text), qPrintable(text));
        if (s != std::numeric_limits<qint64>::min())
            QCOMPARE(JobMetrics::durationTextKey(s) == JobMetrics::durationTextKey(s - 1),
                     text == JobMetrics::formatDuration(s - 1));
    }

    textOfKey.clear();
    const qint64 nowMs = kNow.toMSecsSinceEpoch();
    for (const qint64 s : std::as_const(seconds)) {
        if (s > 4 * 86400 || s < -4 * 86400) // (qAbs of the smallest qint64 overflows)
            continue;
        for (const qint64 ms : {s * 1000 - 1, s * 1000, s * 1000 + 1, s * 1000 + 500}) {
            const QString text = JobMetrics::formatRelative(kNow.addMSecs(-ms), kNow);
            const qint64 key = JobMetrics::relativeTextKey(nowMs - ms, nowMs);
            QVERIFY2(check(key, text), qPrintable(text));
            const qint64 before = ms - 500;
            QCOMPARE(key == JobMetrics::relativeTextKey(nowMs - before, nowMs),
                     text == JobMetrics::formatRelative(kNow.addMSecs(-before), kNow));
        }
    }
    QVERIFY(check(JobMetrics::relativeTextKey(JobMetrics::kNoInstant, nowMs),
                  JobMetrics::formatRelative(QDateTime(), kNow)));
}

QTEST_GUILESS_MAIN(tst_JobMetrics)
#include "tst_jobmetrics.moc"
