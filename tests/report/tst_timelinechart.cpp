#include "exportsamples.h"
#include "fixtures.h"
#include "timelinechart.h"

#include <QImage>
#include <QXmlStreamReader>
#include <QtTest>

using namespace bw;

namespace {

const QString kCompletedArn = QStringLiteral(
        "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");

// The sample job with this identifier; an empty job (and a failed test) when the samples lack
// it, so one missing sample fails its own test instead of the whole binary.
ExportJob jobById(const QString &identifier)
{
    for (const ExportJob &j : test::sampleInput().jobs) {
        if (j.watched.identifier == identifier)
            return j;
    }
    QTest::qFail(qPrintable(QStringLiteral("no sample job ") + identifier), __FILE__, __LINE__);
    return {};
}

const TimelineChart::Marker *markerOf(const TimelineChart &chart, ChartMarker kind)
{
    for (const TimelineChart::Marker &m : chart.markers()) {
        if (m.kind == kind)
            return &m;
    }
    return nullptr;
}

} // namespace

class tst_TimelineChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsOneBandPerObservedStatusInterval();
    void showsTheUnwatchedStartAsNotObserved();
    void runsALiveJobUpToNowWithANowMarker();
    void marksEveryReportedInstant();
    void putsADistantExpiryBeyondTheAxis();
    void keepsAQueuedJobsNearExpiryOnTheAxis();
    void startsTheTerminalBandAtTheEndOfAJobFirstSeenAfterIt();
    void showsTheLastKnownStatusWithoutHistory();
    void isEmptyWithoutAnyInstant();
    void writesWellFormedSelfContainedSvg();
    void paintsBandsInTheReportPalette();
    void encodesPngOfTheRequestedSize();
    void keepsMarkerLabelsApartAndOffTheBandLabels();
};

void tst_TimelineChart::drawsOneBandPerObservedStatusInterval()
{
    const ExportJob job = jobById(kCompletedArn);
    BW_RETURN_IF_FAILED();
    const TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    QVERIFY(!chart.isEmpty());
    QList<TimelineChart::Band> observed;
    for (const TimelineChart::Band &b : chart.bands()) {
        if (b.observed)
            observed.append(b);
    }
    QCOMPARE(observed.size(), job.history.size());
    for (qsizetype i = 0; i < observed.size(); ++i) {
        QCOMPARE(observed.at(i).label, job.history.at(i).to.raw());
        QCOMPARE(observed.at(i).group, job.history.at(i).to.group());
        QCOMPARE(observed.at(i).from, job.history.at(i).observedAt);
        if (i + 1 < observed.size())
            QCOMPARE(observed.at(i).to, observed.at(i + 1).from); // contiguous
    }
    QCOMPARE(observed.last().label, QStringLiteral("Completed"));
    QVERIFY(chart.start() <= chart.bands().first().from);
    QVERIFY(chart.end() >= observed.last().to);
}

void tst_TimelineChart::showsTheUnwatchedStartAsNotObserved()
{
    const ExportJob job = jobById(kCompletedArn);
    BW_RETURN_IF_FAILED();
    const TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    const TimelineChart::Band first = chart.bands().first();
    QVERIFY(!first.observed);
    QCOMPARE(first.from, *job.watched.job.submitTime);
    QCOMPARE(first.to, job.history.first().observedAt);
}

void tst_TimelineChart::runsALiveJobUpToNowWithANowMarker()
{
    const ExportJob job = jobById(QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/m4n8b2v6c0xz"));
    BW_RETURN_IF_FAILED();
    const QDateTime now = test::exportedAt();
    const TimelineChart chart = TimelineChart::forJob(job, now);
    QCOMPARE(chart.bands().last().label, QStringLiteral("InProgress"));
    QCOMPARE(chart.bands().last().to, now);
    const auto *nowMarker = markerOf(chart, ChartMarker::Now);
    QVERIFY(nowMarker);
    QCOMPARE(nowMarker->at, now);
    QVERIFY(chart.end() >= now);

    // A terminal job has no "now".
    QVERIFY(!markerOf(TimelineChart::forJob(jobById(kCompletedArn), now), ChartMarker::Now));
}

void tst_TimelineChart::marksEveryReportedInstant()
{
    const ExportJob job = jobById(QStringLiteral("h5j7k9l1m3n5")); // PartiallyCompleted, full body
    const TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    BW_RETURN_IF_FAILED();
    const Job &j = job.watched.job;
    QCOMPARE(markerOf(chart, ChartMarker::Submitted)->at, *j.submitTime);
    QCOMPARE(markerOf(chart, ChartMarker::LastModified)->at, *j.lastModifiedTime);
    QCOMPARE(markerOf(chart, ChartMarker::Ended)->at, *j.endTime);
    QCOMPARE(markerOf(chart, ChartMarker::Expires)->at, *j.jobExpirationTime);
    for (const TimelineChart::Marker &m : chart.markers()) {
        if (!m.beyondAxis) {
            QVERIFY(m.at >= chart.start());
            QVERIFY(m.at <= chart.end());
        }
    }
}

void tst_TimelineChart::putsADistantExpiryBeyondTheAxis()
{
    // Ran 3.5 h, expires 72 h after submission: drawing it would squash the run to a sliver.
    const ExportJob job = jobById(QStringLiteral("k3x9p2m7q1ab"));
    BW_RETURN_IF_FAILED();
    const TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    const auto *expiry = markerOf(chart, ChartMarker::Expires);
    QVERIFY(expiry);
    QVERIFY(expiry->beyondAxis);
    QVERIFY(chart.end() < expiry->at);
    // Named at the right edge with its real time (UTC, like the axis), not drawn on the axis;
    // the job has completed, so it is not said to expire.
    const QString edge
            = QStringLiteral("expiry time %1 \u2192")
                      .arg(expiry->at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QVERIFY2(chart.toSvg().contains(edge), qPrintable(edge));
    QVERIFY(!chart.toSvg().contains(QStringLiteral(">expires<")));
}

void tst_TimelineChart::keepsAQueuedJobsNearExpiryOnTheAxis()
{
    // Same rule as the Timeline tab (TimelineLayout): a queued job's expiry within the at-risk
    // threshold of now is what matters and is on the axis; days away it is labelled at the
    // edge with its time instead of squashing the bands.
    ExportJob job = jobById(QStringLiteral("a1b2c3d4e5f6")); // Scheduled, expires in days
    TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    BW_RETURN_IF_FAILED();
    const auto *far = markerOf(chart, ChartMarker::Expires);
    QVERIFY(far);
    QVERIFY(far->beyondAxis);
    QVERIFY(chart.end() < far->at);
    QVERIFY(chart.toSvg().contains(QStringLiteral("expires ")
                                   + far->at.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));

    job.watched.job.jobExpirationTime = test::exportedAt().addSecs(2 * 3600);
    chart = TimelineChart::forJob(job, test::exportedAt());
    const auto *near = markerOf(chart, ChartMarker::Expires);
    QVERIFY(near);
    QVERIFY(!near->beyondAxis);
    QVERIFY(chart.end() >= near->at);
}

void tst_TimelineChart::showsTheLastKnownStatusWithoutHistory()
{
    ExportJob job = jobById(QStringLiteral("h5j7k9l1m3n5"));
    BW_RETURN_IF_FAILED();
    job.history.clear();
    const TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    // Ended: not observed from submission to the end, then the final status (issue 10 item 9).
    QCOMPARE(chart.bands().size(), 2);
    QVERIFY(chart.bands().last().label.contains(QStringLiteral("PartiallyCompleted")));
    QCOMPARE(chart.bands().first().from, *job.watched.job.submitTime);
}

void tst_TimelineChart::isEmptyWithoutAnyInstant()
{
    ExportJob job;
    job.watched.identifier = QStringLiteral("k3x9p2m7q1ab");
    QVERIFY(TimelineChart::forJob(job, test::exportedAt()).isEmpty());
    // Knowing when the user started watching is enough for an axis.
    job.watched.addedAt = test::exportedAt().addSecs(-60);
    QVERIFY(!TimelineChart::forJob(job, test::exportedAt()).isEmpty());
}

void tst_TimelineChart::writesWellFormedSelfContainedSvg()
{
    const ExportJob job = jobById(kCompletedArn);
    BW_RETURN_IF_FAILED();
    const TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    const QString svg = chart.toSvg(QStringLiteral("Timeline of <b>\"x\" & y</b>"));
    QXmlStreamReader xml(svg);
    int rects = 0;
    QStringList texts;
    QString title;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1StringView("rect"))
            ++rects;
        else if (xml.name() == QLatin1StringView("title"))
            title = xml.readElementText();
        else if (xml.name() == QLatin1StringView("text"))
            texts << xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(svg.startsWith(QStringLiteral("<svg ")));
    QCOMPARE(title, QStringLiteral("Timeline of <b>\"x\" & y</b>"));
    QCOMPARE(rects, chart.bands().size());
    QVERIFY(!svg.contains(QStringLiteral("http")));
    QVERIFY(!svg.contains(QStringLiteral("href")));
    QVERIFY(texts.contains(QStringLiteral("InProgress")));
    QVERIFY(texts.contains(QStringLiteral("submitted")));
    QVERIFY(texts.contains(QStringLiteral("times in UTC")));
    // Axis labels are UTC clock times of the run (09:26 .. 13:02 UTC on 2025-03-14).
    QVERIFY(texts.contains(QStringLiteral("03-14 09:30"))
            || texts.contains(QStringLiteral("03-14 10:00")));
}

void tst_TimelineChart::paintsBandsInTheReportPalette()
{
    const ExportJob job = jobById(kCompletedArn);
    BW_RETURN_IF_FAILED();
    const TimelineChart chart = TimelineChart::forJob(job, test::exportedAt());
    const QImage image = chart.toImage(chart.size().toSize());
    QCOMPARE(image.size(), QSize(720, 104));
    // Just inside the top edge of each wide band (clear of the label text): its group colour.
    const qint64 span = chart.start().msecsTo(chart.end());
    int checked = 0;
    for (const TimelineChart::Band &b : chart.bands()) {
        const qreal x0 = 12 + 696.0 * chart.start().msecsTo(b.from) / span;
        const qreal x1 = 12 + 696.0 * chart.start().msecsTo(b.to) / span;
        if (x1 - x0 < 20)
            continue;
        const QColor expected = b.observed ? ReportPalette::forGroup(b.group).strong
                                           : ReportPalette::notObserved().strong;
        QCOMPARE(image.pixelColor(int((x0 + x1) / 2), 38).name(), expected.name());
        ++checked;
    }
    QVERIFY(checked >= 2);
}

void tst_TimelineChart::encodesPngOfTheRequestedSize()
{
    const TimelineChart chart = TimelineChart::forJob(jobById(kCompletedArn), test::exportedAt());
    BW_RETURN_IF_FAILED();
    const QByteArray png = chart.toPng(QSize(1440, 208));
    QVERIFY(png.startsWith("\x89PNG"));
    QCOMPARE(QImage::fromData(png).size(), QSize(1440, 208));
}

void tst_TimelineChart::startsTheTerminalBandAtTheEndOfAJobFirstSeenAfterIt()
{
    ExportJob job = jobById(kCompletedArn);
    BW_RETURN_IF_FAILED();
    const QDateTime end = *job.watched.job.endTime;
    StatusTransition seen;
    seen.to = *job.watched.job.status;
    seen.observedAt = end.addDays(3);
    job.history = {seen};
    const TimelineChart chart = TimelineChart::forJob(job, seen.observedAt.addSecs(60));
    QCOMPARE(chart.bands().size(), 2);
    QVERIFY(!chart.bands().first().observed);
    QCOMPARE(chart.bands().first().to, end);
    QCOMPARE(chart.bands().last().from, end);
    QCOMPARE(chart.bands().last().label, QStringLiteral("Completed"));
}

void tst_TimelineChart::keepsMarkerLabelsApartAndOffTheBandLabels()
{
    // Regression: "submitted" and "last modified" a few seconds apart crowded each other, and
    // the dashed "expires" line ran through the band's "InProgress".
    ExportJob job = jobById(kCompletedArn);
    BW_RETURN_IF_FAILED();
    Job &j = job.watched.job;
    const QDateTime submitted = *j.submitTime;
    j.status = Status::fromCode(JobStatus::InProgress);
    j.endTime.reset();
    StatusTransition running;
    running.to = *j.status;
    running.observedAt = submitted.addSecs(900);
    job.history = {running};
    const QDateTime now = submitted.addSecs(4 * 3600);
    for (const qint64 modifiedAfter : {20, 300, 600}) {
        j.lastModifiedTime = submitted.addSecs(modifiedAfter);
        for (const qint64 expiryAfter : {2 * 3600, 2 * 3600 + 600, 3600 + 1800}) {
            j.jobExpirationTime = submitted.addSecs(expiryAfter); // inside the band
            const TimelineChart chart = TimelineChart::forJob(job, now);
            const auto texts = chart.placedTexts();
            QString all;
            for (const auto &t : texts)
                all += t.text + u'|';
            // Every marker named; coinciding ones share one label.
            QVERIFY2(all.contains(QStringLiteral("submitted")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("last modified")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("|expires|")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("|InProgress|")), qPrintable(all));
            if (modifiedAfter == 20)
                QVERIFY2(all.contains(QStringLiteral("submitted \u00b7 last modified")),
                         qPrintable(all));
            for (qsizetype a = 0; a < texts.size(); ++a) {
                for (qsizetype b = a + 1; b < texts.size(); ++b) {
                    const QRectF overlap = texts.at(a).box.intersected(texts.at(b).box);
                    QVERIFY2(overlap.width() < 0.5 || overlap.height() < 0.5,
                             qPrintable(texts.at(a).text + u'/' + texts.at(b).text));
                }
            }
            // No marker line crosses a text.
            for (const QLineF &line : chart.markerLines()) {
                for (const auto &t : texts) {
                    const bool across = line.x1() > t.box.left() && line.x1() < t.box.right()
                                        && std::max(line.y1(), line.y2()) > t.box.top()
                                        && std::min(line.y1(), line.y2()) < t.box.bottom();
                    QVERIFY2(!across, qPrintable(t.text));
                }
            }
        }
    }
}

QTEST_MAIN(tst_TimelineChart)
#include "tst_timelinechart.moc"
