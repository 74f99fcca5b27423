#include "domain/timelinelayout.h"

#include <QtTest>

using namespace bw;
using MarkerKind = TimelineLayout::MarkerKind;

namespace {

// "HH:mm" on 2025-03-15 UTC, optionally "-3d HH:mm" / "+2d HH:mm" days away; "" is invalid.
QDateTime t(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QStringList parts = text.split(u' ');
    const QTime time = QTime::fromString(parts.last(), QStringLiteral("HH:mm"));
    Q_ASSERT(time.isValid());
    QDateTime at(QDate(2025, 3, 15), time, Qt::UTC);
    if (parts.size() == 2)
        at = at.addDays(parts.first().chopped(1).toInt());
    return at;
}

std::optional<QDateTime> opt(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QDateTime>(t(text));
}

// A transition "Status@observedAt" or "Status@observedAt/lastModifiedTime".
StatusTransition transition(const QString &spec)
{
    const QString status = spec.section(u'@', 0, 0);
    const QString times = spec.section(u'@', 1);
    StatusTransition tr;
    tr.to = Status::fromString(status);
    tr.observedAt = t(times.section(u'/', 0, 0));
    tr.lastModifiedTime = opt(times.section(u'/', 1));
    return tr;
}

// "~ from-to" for the not-observed band, "Status from-to", "Status? from-to" for last known.
QString describe(const TimelineLayout::Band &band)
{
    auto time = [](const QDateTime &at) -> QString {
        const qint64 days = t(QStringLiteral("00:00")).daysTo(at);
        const QString hm = at.toString(QStringLiteral("HH:mm"));
        if (days == 0)
            return hm;
        return (days > 0 ? QStringLiteral("+") : QString()) + QString::number(days) + u"d " + hm;
    };
    const QString name = !band.observed ? QStringLiteral("~")
                                        : band.status->raw() + (band.lastKnown ? u"?" : u"");
    return QStringLiteral("%1 %2-%3").arg(name, time(band.from), time(band.to));
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

} // namespace

class tst_TimelineLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bandsFollowTheRules_data();
    void bandsFollowTheRules();
    void expiryTakesPartInTheRangeOrIsBeyond_data();
    void expiryTakesPartInTheRangeOrIsBeyond();
    void marksEveryReportedInstantAndNowForALiveJob();
    void everyBandAndInRangeMarkerLiesInsideTheRange();
    void keepsTheObservationOfABandWhoseStartIsInferred();
    void keepsTheRealTimesOfWidenedBands();
    void bandsStartAtTheGatewaysOwnTimes();
    void aLiveJobStartsRunningAtTheGatewaysTime();
    void isEmptyWithoutAnyInstant();
    void acceptsHistoryInAnyOrder();
};

void tst_TimelineLayout::bandsFollowTheRules_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("submit");
    QTest::addColumn<QString>("modified");
    QTest::addColumn<QString>("ended");
    QTest::addColumn<QStringList>("history");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QStringList>("bands");

    const QStringList lifecycle{QStringLiteral("Submitted@09:00"),
                                QStringLiteral("InProgress@09:30"),
                                QStringLiteral("Completed@11:00")};
    QTest::newRow("one band per transition after the unobserved start")
            << "Completed"
            << "08:00"
            << ""
            << "11:00" << lifecycle << "12:00"
            << list({"~ 08:00-09:00", "Submitted 09:00-09:30", "InProgress 09:30-11:00",
                     "Completed 11:00-11:03"});
    QTest::newRow("a live job's last band runs to now")
            << "InProgress"
            << "08:00"
            << ""
            << "" << lifecycle.mid(0, 2) << "13:00"
            << list({"~ 08:00-09:00", "Submitted 09:00-09:30", "InProgress 09:30-13:00"});
    QTest::newRow("a live job runs to now even when the gateway's clock is ahead")
            << "InProgress"
            << "08:00"
            << "13:05"
            << "" << lifecycle.mid(0, 2) << "13:00"
            << list({"~ 08:00-09:00", "Submitted 09:00-09:30", "InProgress 09:30-13:00"});
    QTest::newRow("a terminal job ends at its last known instant")
            << "Completed"
            << "08:00"
            << "11:10"
            << "11:10" << lifecycle << "15:00"
            << list({"~ 08:00-09:00", "Submitted 09:00-09:30", "InProgress 09:30-11:00",
                     "Completed 11:00-11:10"});
    QTest::newRow("without transitions one band of the last known status")
            << "Scheduled"
            << "08:00"
            << ""
            << "" << QStringList() << "10:00" << list({"Scheduled? 08:00-10:00"});
    QTest::newRow("without transitions a terminal job ends at its end")
            << "Failed"
            << "08:00"
            << "09:00"
            << "09:00" << QStringList() << "10:00"
            << list({"~ 08:00-09:00", "Failed? 09:00-09:01"});
    QTest::newRow("watched from submission: no unobserved band")
            << "InProgress"
            << "09:00"
            << ""
            << "" << lifecycle.mid(0, 2) << "10:00"
            << list({"Submitted 09:00-09:30", "InProgress 09:30-10:00"});
    QTest::newRow("no submit time: no unobserved band")
            << "InProgress"
            << ""
            << ""
            << "" << lifecycle.mid(0, 2) << "10:00"
            << list({"Submitted 09:00-09:30", "InProgress 09:30-10:00"});

    // First seen after it had ended: from endTime on the status is the terminal one.
    QTest::newRow("first seen days after it failed: unobserved until endTime")
            << "Failed"
            << "-4d 08:00"
            << "-3d 10:00"
            << "-3d 10:00" << list({"Failed@09:00"}) << "10:00"
            << list({"~ -4d 08:00--3d 10:00", "Failed -3d 10:00--3d 10:26"});
    QTest::newRow("first seen after it completed, later a re-check")
            << "Completed"
            << "-1d 08:00"
            << "-1d 20:00"
            << "-1d 20:00" << list({"Completed@09:00"}) << "10:00"
            << list({"~ -1d 08:00--1d 20:00", "Completed -1d 20:00--1d 20:12"});
    QTest::newRow("an endTime before submitTime is not believed")
            << "Failed"
            << "08:00"
            << ""
            << "07:00" << list({"Failed@09:00"}) << "10:00"
            << list({"~ 08:00-09:00", "Failed 09:00-09:01"});
    QTest::newRow("an endTime before the final observation ends the life there")
            << "Completed"
            << "08:00"
            << ""
            << "09:40" << list({"InProgress@09:00", "Completed@09:45"}) << "10:00"
            << list({"~ 08:00-09:00", "InProgress 09:00-09:40", "Completed 09:40-09:41"});
    // Issue 10 item 9: the time after the end is not a band, however late the job was seen.
    QTest::newRow("a one-day job seen again 15 days later")
            << "PartiallyCompleted"
            << "-16d 09:00"
            << "-15d 09:00"
            << "-15d 09:00"
            << list({"Submitted@-16d 09:00", "InProgress@-16d 10:00", "PartiallyCompleted@09:00"})
            << "10:00"
            << list({"Submitted -16d 09:00--16d 10:00", "InProgress -16d 10:00--15d 09:00",
                     "PartiallyCompleted -15d 09:00--15d 09:24"});
    QTest::newRow("a two-hour failure seen 11 days later")
            << "Failed"
            << "-11d 09:00"
            << "-11d 11:00"
            << "-11d 11:00" << list({"Failed@09:00"}) << "10:00"
            << list({"~ -11d 09:00--11d 11:00", "Failed -11d 11:00--11d 11:02"});
    QTest::newRow("statuses seen briefly keep a minimum width")
            << "InProgress"
            << "09:00"
            << ""
            << "" << list({"Submitted@09:00", "Validating@09:01", "InProgress@09:02"}) << "15:00"
            << list({"Submitted 09:00-09:06", "Validating 09:06-09:12", "InProgress 09:12-15:00"});

    // First observed status not terminal: the gateway's lastModifiedTime of that observation.
    QTest::newRow("first seen running: known since the observation's lastModifiedTime")
            << "InProgress"
            << "06:00"
            << "09:55"
            << "" << list({"InProgress@10:00/08:30"}) << "11:00"
            << list({"~ 06:00-08:30", "InProgress 08:30-11:00"});
    QTest::newRow("the job's lastModifiedTime when it is the only, unchanged status")
            << "Scheduled"
            << "06:00"
            << "07:15"
            << "" << list({"Scheduled@10:00"}) << "11:00"
            << list({"~ 06:00-07:15", "Scheduled 07:15-11:00"});
    QTest::newRow("not the job's lastModifiedTime once the status has changed")
            << "InProgress"
            << "06:00"
            << "10:30"
            << "" << list({"Scheduled@10:00", "InProgress@10:30"}) << "11:00"
            << list({"~ 06:00-10:00", "Scheduled 10:00-10:30", "InProgress 10:30-11:00"});
    QTest::newRow("a lastModifiedTime later than the observation changes nothing")
            << "InProgress"
            << "06:00"
            << "10:20"
            << "" << list({"InProgress@10:00/10:20"}) << "11:00"
            << list({"~ 06:00-10:00", "InProgress 10:00-11:00"});
    QTest::newRow("a lastModifiedTime equal to submitTime: known from submission")
            << "Submitted"
            << "06:00"
            << "06:00"
            << "" << list({"Submitted@10:00/06:00"}) << "11:00" << list({"Submitted 06:00-11:00"});
    QTest::newRow("terminal without endTime: its lastModifiedTime")
            << "Stopped"
            << "06:00"
            << ""
            << "" << list({"Stopped@10:00/08:00"}) << "11:00"
            << list({"~ 06:00-08:00", "Stopped 08:00-08:02"});
}

void tst_TimelineLayout::bandsFollowTheRules()
{
    QFETCH(QString, status);
    QFETCH(QString, submit);
    QFETCH(QString, modified);
    QFETCH(QString, ended);
    QFETCH(QStringList, history);
    QFETCH(QString, now);
    QFETCH(QStringList, bands);

    WatchedJob w;
    w.job.status = Status::fromString(status);
    w.job.submitTime = opt(submit);
    w.job.lastModifiedTime = opt(modified);
    w.job.endTime = opt(ended);
    QList<StatusTransition> transitions;
    for (const QString &spec : std::as_const(history))
        transitions.append(transition(spec));

    const TimelineLayout layout = computeTimelineLayout(w, transitions, t(now));
    QStringList actual;
    for (const TimelineLayout::Band &b : layout.bands)
        actual.append(describe(b));
    QCOMPARE(actual, bands);
    for (qsizetype i = 1; i < layout.bands.size(); ++i)
        QCOMPARE(layout.bands.at(i).from, layout.bands.at(i - 1).to); // contiguous
    QCOMPARE(layout.live, !w.job.status->isTerminal());
}

void tst_TimelineLayout::expiryTakesPartInTheRangeOrIsBeyond_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expiry");
    QTest::addColumn<bool>("beyond");

    // Submitted 08:00, seen 09:00, running since 09:30; now 11:00 (span 3 h).
    QTest::newRow("running, expiry within a span") << "InProgress"
                                                   << "13:30" << false;
    QTest::newRow("running, expiry three days away") << "InProgress"
                                                     << "+3d 22:10" << true;
    QTest::newRow("running, expiry just past a span") << "InProgress"
                                                      << "14:30" << true;
    QTest::newRow("queued, expiry within the at-risk horizon") << "Scheduled"
                                                               << "16:30" << false;
    QTest::newRow("queued, expiry a week away") << "Scheduled"
                                                << "+7d 08:00" << true;
    QTest::newRow("unknown status counts as queued") << "Bogus"
                                                     << "16:30" << false;
    QTest::newRow("ended, expiry an hour later") << "Completed"
                                                 << "12:00" << true;
    QTest::newRow("ended, expiry days later") << "Completed"
                                              << "+3d 08:00" << true;
    QTest::newRow("ended, expiry inside the run") << "Completed"
                                                  << "10:00" << false;
    QTest::newRow("ended, expiry within the padding") << "Completed"
                                                      << "11:02" << false;
    QTest::newRow("expired: expiry is the end") << "Expired"
                                                << "11:00" << false;
    QTest::newRow("expiry before everything widens to the left") << "InProgress"
                                                                 << "07:00" << false;
}

void tst_TimelineLayout::expiryTakesPartInTheRangeOrIsBeyond()
{
    QFETCH(QString, status);
    QFETCH(QString, expiry);
    QFETCH(bool, beyond);

    WatchedJob w;
    w.job.status = Status::fromString(status);
    w.job.submitTime = t(QStringLiteral("08:00"));
    w.job.jobExpirationTime = t(expiry);
    QList<StatusTransition> history{transition(QStringLiteral("Submitted@09:00")),
                                    transition(QStringLiteral("InProgress@09:30"))};
    if (w.job.status->isTerminal()) {
        w.job.endTime = t(QStringLiteral("11:00"));
        history.append(transition(status + QStringLiteral("@11:00")));
    }
    const TimelineLayout layout = computeTimelineLayout(w, history, t(QStringLiteral("11:00")));
    QCOMPARE(layout.expiryBeyond, beyond);
    const auto expires = std::find_if(layout.markers.cbegin(), layout.markers.cend(),
                                      [](const auto &m) { return m.kind == MarkerKind::Expires; });
    QVERIFY(expires != layout.markers.cend());
    QCOMPARE(expires->at, t(expiry)); // always its real time
    QCOMPARE(layout.isInRange(*expires), !beyond);
    if (beyond) {
        // A far expiry does not stretch the range: it ends a little after the latest instant.
        QVERIFY(layout.end < t(expiry));
        QVERIFY(layout.end <= t(QStringLiteral("11:10")));
    } else {
        QVERIFY(layout.start <= t(expiry));
        QVERIFY(layout.end >= t(expiry));
    }
}

void tst_TimelineLayout::marksEveryReportedInstantAndNowForALiveJob()
{
    WatchedJob w;
    w.job.status = Status::fromCode(JobStatus::Stopping);
    w.job.submitTime = t(QStringLiteral("08:00"));
    w.job.lastModifiedTime = t(QStringLiteral("09:45"));
    w.job.endTime = t(QStringLiteral("10:15"));
    w.job.jobExpirationTime = t(QStringLiteral("12:00"));
    const QList<StatusTransition> history{transition(QStringLiteral("InProgress@09:00"))};
    const TimelineLayout live = computeTimelineLayout(w, history, t(QStringLiteral("11:00")));
    QList<MarkerKind> kinds;
    for (const auto &[kind, at] : live.markers)
        kinds.append(kind);
    QCOMPARE(kinds, (QList<MarkerKind>{MarkerKind::Submitted, MarkerKind::LastModified,
                                       MarkerKind::Ended, MarkerKind::Expires, MarkerKind::Now}));
    QCOMPARE(live.markerAt(MarkerKind::LastModified), t(QStringLiteral("09:45")));
    QCOMPARE(live.markerAt(MarkerKind::Now), t(QStringLiteral("11:00")));

    w.job.status = Status::fromCode(JobStatus::Stopped);
    const TimelineLayout ended = computeTimelineLayout(w, history, t(QStringLiteral("11:00")));
    QVERIFY(!ended.live);
    QVERIFY(!ended.markerAt(MarkerKind::Now));
}

void tst_TimelineLayout::everyBandAndInRangeMarkerLiesInsideTheRange()
{
    WatchedJob w;
    w.job.status = Status::fromCode(JobStatus::Failed);
    w.job.submitTime = t(QStringLiteral("-5d 08:00"));
    w.job.lastModifiedTime = t(QStringLiteral("-4d 09:00"));
    w.job.endTime = t(QStringLiteral("-4d 09:00"));
    w.job.jobExpirationTime = t(QStringLiteral("-2d 08:00"));
    const TimelineLayout layout = computeTimelineLayout(
            w, {transition(QStringLiteral("Failed@10:00"))}, t(QStringLiteral("10:05")));
    QVERIFY(!layout.isEmpty());
    for (const TimelineLayout::Band &b : layout.bands) {
        QVERIFY(b.from >= layout.start);
        QVERIFY(b.to <= layout.end);
        QVERIFY(b.from <= b.to);
    }
    for (const TimelineLayout::Marker &m : layout.markers) {
        if (layout.isInRange(m)) {
            QVERIFY(m.at >= layout.start);
            QVERIFY(m.at <= layout.end);
        }
    }
    // After the end, however late the job was first seen: not in the range.
    QVERIFY(layout.expiryBeyond);
    QVERIFY(layout.end < t(QStringLiteral("-4d 11:00")));
}

void tst_TimelineLayout::keepsTheObservationOfABandWhoseStartIsInferred()
{
    WatchedJob w;
    w.job.status = Status::fromCode(JobStatus::Failed);
    w.job.submitTime = t(QStringLiteral("-3d 08:00"));
    w.job.endTime = t(QStringLiteral("-3d 09:00"));
    const TimelineLayout layout = computeTimelineLayout(
            w, {transition(QStringLiteral("Failed@10:00"))}, t(QStringLiteral("10:00")));
    QCOMPARE(layout.bands.size(), 2);
    QCOMPARE(layout.bands.at(0).seenAt, t(QStringLiteral("-3d 08:00")));
    QCOMPARE(layout.bands.at(1).from, t(QStringLiteral("-3d 09:00")));
    QCOMPARE(layout.bands.at(1).seenAt, t(QStringLiteral("10:00")));
}

void tst_TimelineLayout::bandsStartAtTheGatewaysOwnTimes()
{
    // Polled at 10:20 and 11:30; the gateway (Bifrost's native API) says when each status began,
    // including finalizing, which no poll saw.
    WatchedJob w;
    w.job.status = Status::fromString(QStringLiteral("Completed"));
    w.job.submitTime = t(QStringLiteral("10:00"));
    w.job.inProgressAt = t(QStringLiteral("10:05"));
    w.job.finalizingAt = t(QStringLiteral("11:00"));
    w.job.completedAt = t(QStringLiteral("11:10"));
    w.job.endTime = t(QStringLiteral("11:10"));
    const TimelineLayout layout
            = computeTimelineLayout(w,
                                    {transition(QStringLiteral("InProgress@10:20")),
                                     transition(QStringLiteral("Completed@11:30"))},
                                    t(QStringLiteral("12:00")));
    QStringList bands;
    for (const TimelineLayout::Band &b : layout.bands)
        bands << describe(b);
    QCOMPARE(bands, list({"~ 10:00-10:05", "InProgress 10:05-11:00", "Finalizing 11:00-11:10",
                          "Completed 11:10-11:11"}));
    QVERIFY(layout.bands.at(1).gatewayStart);
    QCOMPARE(layout.bands.at(1).seenAt, t(QStringLiteral("10:20"))); // when batchwatch saw it
    QVERIFY(layout.bands.at(2).gatewayStart);
    QVERIFY(layout.bands.at(3).final);
    QVERIFY(!layout.bands.at(0).gatewayStart);
}

void tst_TimelineLayout::aLiveJobStartsRunningAtTheGatewaysTime()
{
    WatchedJob w;
    w.job.status = Status::fromString(QStringLiteral("InProgress"));
    w.job.submitTime = t(QStringLiteral("10:00"));
    w.job.inProgressAt = t(QStringLiteral("10:05"));
    QStringList bands;
    for (const TimelineLayout::Band &b :
         computeTimelineLayout(w,
                               {transition(QStringLiteral("Validating@10:01")),
                                transition(QStringLiteral("InProgress@10:20"))},
                               t(QStringLiteral("10:30")))
                 .bands)
        bands << describe(b);
    QCOMPARE(bands, list({"~ 10:00-10:01", "Validating 10:01-10:05", "InProgress 10:05-10:30"}));

    // A gateway time after the observation (a clock running ahead) is not taken.
    w.job.inProgressAt = t(QStringLiteral("10:25"));
    bands.clear();
    for (const TimelineLayout::Band &b :
         computeTimelineLayout(w, {transition(QStringLiteral("InProgress@10:20"))},
                               t(QStringLiteral("10:30")))
                 .bands)
        bands << describe(b);
    QCOMPARE(bands, list({"~ 10:00-10:20", "InProgress 10:20-10:30"}));
}

void tst_TimelineLayout::keepsTheRealTimesOfWidenedBands()
{
    WatchedJob w;
    w.job.status = Status::fromCode(JobStatus::Completed);
    w.job.submitTime = t(QStringLiteral("-1d 09:00"));
    w.job.endTime = t(QStringLiteral("09:00"));
    const TimelineLayout layout
            = computeTimelineLayout(w,
                                    {transition(QStringLiteral("Validating@-1d 09:00")),
                                     transition(QStringLiteral("InProgress@-1d 09:00")),
                                     transition(QStringLiteral("Completed@+2d 09:00"))},
                                    t(QStringLiteral("+2d 10:00")));
    QCOMPARE(layout.bands.size(), 3);
    const TimelineLayout::Band &validating = layout.bands.at(0);
    QCOMPARE(validating.actualFrom, validating.actualTo);             // seen for no time at all
    QCOMPARE(validating.from.msecsTo(validating.to), 24 * 60 * 1000); // 1/60 of the day
    const TimelineLayout::Band &done = layout.bands.at(2);
    QVERIFY(done.final);
    QCOMPARE(done.actualFrom, t(QStringLiteral("09:00")));
    QCOMPARE(done.seenAt, t(QStringLiteral("+2d 09:00")));
    QVERIFY(layout.end < t(QStringLiteral("11:00"))); // the range is the job's life
}

void tst_TimelineLayout::isEmptyWithoutAnyInstant()
{
    WatchedJob w;
    w.identifier = QStringLiteral("k3x9p2m7q1ab");
    QVERIFY(computeTimelineLayout(w, {}, t(QStringLiteral("10:00"))).isEmpty());
    // Knowing when the user started watching is enough for a range.
    w.addedAt = t(QStringLiteral("09:59"));
    const TimelineLayout layout = computeTimelineLayout(w, {}, t(QStringLiteral("10:00")));
    QVERIFY(!layout.isEmpty());
    QVERIFY(layout.start.msecsTo(layout.end) >= 60 * 1000);
}

void tst_TimelineLayout::acceptsHistoryInAnyOrder()
{
    WatchedJob w;
    w.job.status = Status::fromCode(JobStatus::InProgress);
    w.job.submitTime = t(QStringLiteral("09:00"));
    StatusTransition unstamped = transition(QStringLiteral("Validating@09:10"));
    unstamped.observedAt = {};
    const QList<StatusTransition> history{transition(QStringLiteral("InProgress@09:30")), unstamped,
                                          transition(QStringLiteral("Submitted@09:00"))};
    const TimelineLayout layout = computeTimelineLayout(w, history, t(QStringLiteral("10:00")));
    QStringList actual;
    for (const TimelineLayout::Band &b : layout.bands)
        actual.append(describe(b));
    QCOMPARE(actual, list({"Submitted 09:00-09:30", "InProgress 09:30-10:00"}));
}

QTEST_GUILESS_MAIN(tst_TimelineLayout)
#include "tst_timelinelayout.moc"
