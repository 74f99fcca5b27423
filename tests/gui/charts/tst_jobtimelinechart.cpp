#include "charts/chartpalette.h"
#include "charts/charttimeaxis.h"
#include "charts/jobtimelinechart.h"
#include "presentation/apptheme.h"
#include "presentation/statuspresentation.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QtTest>

using namespace bw;
using Marker = JobTimelineChart::Marker;

namespace {

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2025, 3, 15), QTime(hour, minute), Qt::UTC);
}

StatusTransition transition(std::optional<JobStatus> from, JobStatus to, const QDateTime &when)
{
    StatusTransition t;
    if (from)
        t.from = Status::fromCode(*from);
    t.to = Status::fromCode(to);
    t.observedAt = when;
    return t;
}

WatchedJob job(JobStatus status)
{
    WatchedJob w;
    w.identifier = QStringLiteral("aaaa00000001");
    w.job.status = Status::fromCode(status);
    w.job.submitTime = at(8);
    w.addedAt = at(8, 30);
    w.fetchedAt = at(11);
    return w;
}

QList<StatusTransition> threeTransitions()
{
    return {transition(std::nullopt, JobStatus::Submitted, at(9)),
            transition(JobStatus::Submitted, JobStatus::InProgress, at(9, 30)),
            transition(JobStatus::InProgress, JobStatus::Completed, at(11))};
}

QList<Marker> kinds(const JobTimelineChart::Layout &layout)
{
    QList<Marker> out;
    for (const auto &[kind, when] : layout.markers)
        out.append(kind);
    return out;
}

template<typename T>
QList<T *> seriesOf(const JobTimelineChart &chart)
{
    QList<T *> out;
    const auto all = chart.chart()->series();
    for (QAbstractSeries *s : all) {
        if (auto *t = qobject_cast<T *>(s))
            out.append(t);
    }
    return out;
}

} // namespace

class tst_JobTimelineChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneBandPerTransitionAfterANotObservedBand();
    void lastBandOfALiveJobRunsToNow();
    void withoutTransitionsOneBandOfTheLastKnownStatus();
    void nothingToDrawWithoutAnyTime();
    void marksTheFourTimesAndNowForALiveJob();
    void keepsADistantExpiryOfARunningJobOffTheAxis();
    void labelsADistantExpiryWithItsTimeInsteadOfDrawingIt();
    void takesTheExpiryOfAQueuedJobIntoTheAxis();
    void aJobFirstSeenAfterItEndedIsKnownFromItsEnd();
    void chartShowsTheBandsAndMarkersAsSeries();
    void legendListsEachStatusOnce();
    void narrowChartWrapsTheLegendInsteadOfCuttingNames();
    void movesTheNowLineWithoutRecreatingSeries();
    void hoverTextsGiveExactTimes();
    void followsTheDarkPalette();
    void axisTicksAreRound();
    void axisKeepsTheExactRangeWithRoundTicksInside();
    void shortSpanAcrossMidnightStillHasSeveralLabels();
    void screenReadersGetTheTimelineInWords();
};

void tst_JobTimelineChart::oneBandPerTransitionAfterANotObservedBand()
{
    WatchedJob w = job(JobStatus::Completed);
    w.job.endTime = at(11);
    const auto layout = JobTimelineChart::layoutFor(w, threeTransitions(), at(12));
    QCOMPARE(layout.bands.size(), 4);
    QVERIFY(!layout.bands.at(0).observed); // submitted 08:00, first seen 09:00
    QCOMPARE(layout.bands.at(0).from, at(8));
    QCOMPARE(layout.bands.at(0).to, at(9));
    const QList<JobStatus> statuses{JobStatus::Submitted, JobStatus::InProgress,
                                    JobStatus::Completed};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(layout.bands.at(i + 1).observed);
        QCOMPARE(layout.bands.at(i + 1).status->code(), statuses.at(i));
    }
    QCOMPARE(layout.bands.at(1).to, at(9, 30));
    // A terminal job's life ends at its end, not at "now": the final status is a narrow cap
    // right after it.
    QVERIFY(layout.bands.last().final);
    QCOMPARE(layout.bands.last().from, at(11));
    QCOMPARE(layout.bands.last().actualTo, at(11));
    QVERIFY(layout.bands.last().to < at(11, 10));
    QVERIFY(layout.end < at(11, 20));
}

void tst_JobTimelineChart::lastBandOfALiveJobRunsToNow()
{
    QList<StatusTransition> history = threeTransitions();
    history.removeLast();
    const auto layout = JobTimelineChart::layoutFor(job(JobStatus::InProgress), history, at(13));
    QCOMPARE(layout.bands.last().status->code(), JobStatus::InProgress);
    QCOMPARE(layout.bands.last().to, at(13));
    QVERIFY(layout.end > at(13));
}

void tst_JobTimelineChart::withoutTransitionsOneBandOfTheLastKnownStatus()
{
    const auto layout = JobTimelineChart::layoutFor(job(JobStatus::Scheduled), {}, at(10));
    QCOMPARE(layout.bands.size(), 1);
    QVERIFY(layout.bands.first().lastKnown);
    QCOMPARE(layout.bands.first().status->code(), JobStatus::Scheduled);
    QCOMPARE(layout.bands.first().from, at(8));
    QCOMPARE(layout.bands.first().to, at(10));
}

void tst_JobTimelineChart::nothingToDrawWithoutAnyTime()
{
    WatchedJob w;
    w.identifier = QStringLiteral("aaaa00000001");
    QVERIFY(JobTimelineChart::layoutFor(w, {}, at(10)).isEmpty());

    JobTimelineChart chart;
    chart.setJob(w, {}, at(10));
    QVERIFY(chart.isEmpty());
    QVERIFY(seriesOf<QAreaSeries>(chart).isEmpty());
}

void tst_JobTimelineChart::marksTheFourTimesAndNowForALiveJob()
{
    WatchedJob w = job(JobStatus::Stopping);
    w.job.lastModifiedTime = at(9, 45);
    w.job.endTime = at(10, 15); // a gateway may report it before the status settles
    w.job.jobExpirationTime = at(12);
    const auto layout = JobTimelineChart::layoutFor(w, threeTransitions().mid(0, 2), at(11));
    QCOMPARE(kinds(layout), (QList<Marker>{Marker::Submitted, Marker::LastModified, Marker::Ended,
                                           Marker::Expires, Marker::Now}));
    QCOMPARE(layout.markers.at(1).at, at(9, 45));
    QCOMPARE(layout.markers.at(4).at, at(11));

    w.job.status = Status::fromCode(JobStatus::Stopped);
    const auto ended = JobTimelineChart::layoutFor(w, threeTransitions().mid(0, 2), at(11));
    QVERIFY(!kinds(ended).contains(Marker::Now));
}

void tst_JobTimelineChart::keepsADistantExpiryOfARunningJobOffTheAxis()
{
    WatchedJob w = job(JobStatus::InProgress);
    w.job.jobExpirationTime = at(8).addDays(3);
    const auto layout = JobTimelineChart::layoutFor(w, threeTransitions().mid(0, 2), at(11));
    QVERIFY(layout.expiryBeyond);
    QVERIFY(layout.end < *w.job.jobExpirationTime);

    JobTimelineChart chart;
    chart.setJob(w, threeTransitions().mid(0, 2), at(11));
    QVERIFY(chart.markerToolTip(Marker::Expires).contains(QStringLiteral("Beyond the right edge")));
}

void tst_JobTimelineChart::labelsADistantExpiryWithItsTimeInsteadOfDrawingIt()
{
    // Regression: the expiry three days away was drawn beside the "now" line, as if it were
    // due in a minute.
    WatchedJob w = job(JobStatus::InProgress);
    w.job.lastModifiedTime = at(9, 30);
    const QDateTime expiry = at(22, 10).addDays(3);
    w.job.jobExpirationTime = expiry;
    JobTimelineChart chart;
    chart.resize(900, 320);
    chart.setJob(w, threeTransitions().mid(0, 2), at(11));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QString edge = chart.expiryEdgeText();
    QVERIFY2(edge.startsWith(QStringLiteral("Expires ")), qPrintable(edge));
    QVERIFY2(edge.contains(QLocale().toString(expiry.toLocalTime(), QStringLiteral("d MMM HH:mm"))),
             qPrintable(edge));
    QVERIFY(chart.markerToolTip(Marker::Expires).contains(QStringLiteral("2025-03-18T22:10:00")));
    // Every marker that is drawn stands at its real time, inside the axis.
    const auto *axis = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).first());
    QVERIFY(axis);
    for (QScatterSeries *s : seriesOf<QScatterSeries>(chart)) {
        QCOMPARE(s->count(), 1);
        const qint64 x = qint64(s->at(0).x());
        const bool onAxis = x >= qint64(axis->min()) && x <= qint64(axis->max());
        // The expiry stands at its real time, beyond the axis (clipped, not drawn).
        QCOMPARE(onAxis, s->name() != JobTimelineChart::markerName(Marker::Expires));
        bool real = false;
        for (const auto &[kind, when] : chart.currentLayout().markers)
            real = real
                   || (JobTimelineChart::markerName(kind) == s->name()
                       && when.toMSecsSinceEpoch() == x);
        QVERIFY2(real, qPrintable(s->name()));
    }
    // The legend does not list a symbol that is not drawn.
    const auto markers = chart.chart()->legend()->markers();
    for (QLegendMarker *m : markers) {
        if (m->label() == JobTimelineChart::markerName(Marker::Expires))
            QVERIFY(!m->isVisible());
    }

    // A job that has ended: its expiry never widens the axis, and the label does not say
    // "Expires" of a job that will not.
    WatchedJob done = w;
    done.job.status = Status::fromCode(JobStatus::Completed);
    done.job.endTime = at(10, 30);
    done.job.jobExpirationTime = at(12);
    QList<StatusTransition> history = threeTransitions();
    history.last().observedAt = at(10, 30);
    chart.setJob(done, history, at(11));
    QVERIFY(chart.currentLayout().expiryBeyond);
    QVERIFY(chart.currentLayout().end < at(12));
    QVERIFY2(chart.expiryEdgeText().startsWith(QStringLiteral("Expiry time ")),
             qPrintable(chart.expiryEdgeText()));

    // A near expiry is taken into the axis and drawn where it is; no edge label.
    w.job.jobExpirationTime = at(12, 30);
    chart.setJob(w, threeTransitions().mid(0, 2), at(11));
    QVERIFY(chart.expiryEdgeText().isEmpty());
    QVERIFY(axis->max() >= qreal(at(12, 30).toMSecsSinceEpoch()));
}

void tst_JobTimelineChart::takesTheExpiryOfAQueuedJobIntoTheAxis()
{
    // Queued and expiring within the at-risk threshold: the expiry is on the axis.
    WatchedJob w = job(JobStatus::Scheduled);
    w.job.jobExpirationTime = at(15);
    auto layout = JobTimelineChart::layoutFor(w, {}, at(11));
    QVERIFY(!layout.expiryBeyond);
    QVERIFY(layout.end > *w.job.jobExpirationTime);

    // A week away it would squash the bands: marked at the edge instead.
    w.job.jobExpirationTime = at(8).addDays(7);
    layout = JobTimelineChart::layoutFor(w, {}, at(11));
    QVERIFY(layout.expiryBeyond);
    QVERIFY(layout.end < *w.job.jobExpirationTime);
}

void tst_JobTimelineChart::aJobFirstSeenAfterItEndedIsKnownFromItsEnd()
{
    // Failed four days ago, watched only since today: not observed until the gateway's end
    // time, Failed from then on (not a hatched band running for days past the end).
    WatchedJob w = job(JobStatus::Failed);
    w.job.submitTime = at(8).addDays(-4);
    w.job.endTime = at(13).addDays(-4);
    w.job.lastModifiedTime = w.job.endTime;
    w.job.jobExpirationTime = at(21); // half a day after the first look
    const QList<StatusTransition> history{transition(std::nullopt, JobStatus::Failed, at(9))};
    JobTimelineChart chart;
    chart.resize(900, 320);
    chart.setJob(w, history, at(10));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const auto &bands = chart.currentLayout().bands;
    QCOMPARE(bands.size(), 2);
    QVERIFY(!bands.at(0).observed);
    QCOMPARE(bands.at(0).to, *w.job.endTime);
    QCOMPARE(bands.at(1).status->code(), JobStatus::Failed);
    QCOMPARE(bands.at(1).from, *w.job.endTime);
    QVERIFY2(chart.bandToolTip(1).contains(QStringLiteral("end time")),
             qPrintable(chart.bandToolTip(1)));
    // The axis is the job's life: the four days since its end are no band.
    QVERIFY(bands.at(1).to < at(15).addDays(-4));
    QVERIFY(chart.currentLayout().end < at(0).addDays(-2));

    // The expiry is either drawn on the axis or written at the edge with its time, never both
    // (the axis rounded to whole days may reach an expiry the layout left out).
    const auto *axis = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).first());
    QVERIFY(axis);
    const qint64 expiry = w.job.jobExpirationTime->toMSecsSinceEpoch();
    const bool onAxis = expiry >= qint64(axis->min()) && expiry <= qint64(axis->max());
    QCOMPARE(chart.expiryEdgeText().isEmpty(), onAxis);
    const auto markers = chart.chart()->legend()->markers();
    for (QLegendMarker *m : markers) {
        if (m->label() == JobTimelineChart::markerName(Marker::Expires)
            && qobject_cast<QScatterSeries *>(m->series()))
            QCOMPARE(m->isVisible(), onAxis);
    }
}

void tst_JobTimelineChart::chartShowsTheBandsAndMarkersAsSeries()
{
    WatchedJob w = job(JobStatus::InProgress);
    w.job.lastModifiedTime = at(9, 30);
    w.job.jobExpirationTime = at(13);
    JobTimelineChart chart;
    chart.resize(800, 300);
    chart.setJob(w, threeTransitions().mid(0, 2), at(11));

    int observed = 0;
    int notObserved = 0;
    for (QAreaSeries *area : seriesOf<QAreaSeries>(chart)) {
        const QString kind = area->property("bw.band").toString();
        observed += kind == QStringLiteral("observed");
        notObserved += kind == QStringLiteral("not-observed");
        QCOMPARE(area->upperSeries()->count(), 2);
    }
    QCOMPARE(observed, 2);
    QCOMPARE(notObserved, 1);
    QStringList markerNames;
    for (QScatterSeries *s : seriesOf<QScatterSeries>(chart)) {
        QCOMPARE(s->count(), 1);
        markerNames.append(s->name());
    }
    QCOMPARE(markerNames, (QStringList{JobTimelineChart::markerName(Marker::Submitted),
                                       JobTimelineChart::markerName(Marker::LastModified),
                                       JobTimelineChart::markerName(Marker::Expires)}));
    // The "now" line stands at now.
    bool nowFound = false;
    for (QLineSeries *line : seriesOf<QLineSeries>(chart)) {
        if (line->name() == JobTimelineChart::markerName(Marker::Now)) {
            nowFound = true;
            QCOMPARE(qint64(line->at(0).x()), at(11).toMSecsSinceEpoch());
        }
    }
    QVERIFY(nowFound);
    // The bands are coloured like the badges.
    QAreaSeries *running = seriesOf<QAreaSeries>(chart).last();
    QCOMPARE(running->pen().color(),
             StatusPresentation::color(JobStatus::InProgress, chart.palette()));
}

void tst_JobTimelineChart::legendListsEachStatusOnce()
{
    // Submitted -> InProgress -> Submitted (a retry): two Submitted bands, one legend entry.
    QList<StatusTransition> history{
            transition(std::nullopt, JobStatus::Submitted, at(9)),
            transition(JobStatus::Submitted, JobStatus::InProgress, at(9, 30)),
            transition(JobStatus::InProgress, JobStatus::Submitted, at(10))};
    JobTimelineChart chart;
    chart.resize(800, 300);
    chart.setJob(job(JobStatus::Submitted), history, at(11));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QStringList visible;
    const auto markers = chart.chart()->legend()->markers();
    for (QLegendMarker *m : markers) {
        if (m->isVisible() && qobject_cast<QAreaSeries *>(m->series()))
            visible.append(m->label());
    }
    QCOMPARE(visible, (QStringList{QStringLiteral("Not observed"),
                                   StatusPresentation::text(JobStatus::Submitted),
                                   StatusPresentation::text(JobStatus::InProgress)}));
}

void tst_JobTimelineChart::narrowChartWrapsTheLegendInsteadOfCuttingNames()
{
    // Five names do not fit one line of a chart in a narrow details panel (1024 px window):
    // the legend wraps into rows below the plot, inside the chart, instead of cutting names.
    JobTimelineChart chart;
    chart.resize(360, 300);
    chart.setJob(job(JobStatus::InProgress), threeTransitions().mid(0, 2), at(11));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QLegend *legend = chart.chart()->legend();
    QTRY_VERIFY(chart.legendRows() >= 2);
    QVERIFY(!legend->isAttachedToChart());
    const QRectF inside = QRectF(QPointF(0, 0), chart.chart()->size());
    QVERIFY2(inside.contains(legend->geometry()), "the legend stays inside the chart");
    QVERIFY2(chart.chart()->plotArea().bottom() < legend->geometry().top(),
             "the legend is below the plot, not over it");
    // Wide enough for one line: attached below the plot, as before.
    chart.resize(1400, 300);
    QTRY_COMPARE(chart.legendRows(), 0);
    QVERIFY(legend->isAttachedToChart());
    QCOMPARE(legend->alignment(), Qt::AlignBottom);
}

void tst_JobTimelineChart::movesTheNowLineWithoutRecreatingSeries()
{
    JobTimelineChart chart;
    chart.setJob(job(JobStatus::InProgress), threeTransitions().mid(0, 2), at(11));
    const QList<QAbstractSeries *> before = chart.chart()->series();
    chart.setNow(at(11, 30));
    QCOMPARE(chart.chart()->series(), before); // same objects, new points
    QCOMPARE(chart.currentLayout().bands.last().to, at(11, 30));
    QAreaSeries *last = seriesOf<QAreaSeries>(chart).last();
    QCOMPARE(qint64(last->upperSeries()->at(1).x()), at(11, 30).toMSecsSinceEpoch());
}

void tst_JobTimelineChart::hoverTextsGiveExactTimes()
{
    WatchedJob w = job(JobStatus::InProgress);
    JobTimelineChart chart;
    chart.setJob(w, threeTransitions().mid(0, 2), at(11));
    const QString band = chart.bandToolTip(1); // Submitted, 09:00 -> 09:30 UTC
    QVERIFY(band.contains(StatusPresentation::text(JobStatus::Submitted)));
    // Local wall-clock times, in whatever zone the test runs.
    const auto local = [](const QDateTime &utc) {
        return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    QVERIFY2(band.contains(local(at(9))), qPrintable(band));
    QVERIFY2(band.contains(local(at(9, 30))), qPrintable(band));
    QVERIFY(band.contains(QStringLiteral("30 min")));
    const QString submitted = chart.markerToolTip(Marker::Submitted);
    QVERIFY(submitted.contains(QStringLiteral("2025-03-15T08:00:00.000Z")));
    QVERIFY(chart.bandToolTip(2).contains(QStringLiteral("now")));
}

void tst_JobTimelineChart::followsTheDarkPalette()
{
    JobTimelineChart chart;
    chart.setJob(job(JobStatus::InProgress), threeTransitions().mid(0, 2), at(11));
    for (const QPalette &palette : {AppTheme::lightPalette(), AppTheme::darkPalette()}) {
        chart.setPalette(palette);
        QCOMPARE(chart.chart()->backgroundBrush().color(), palette.color(QPalette::Base));
        const auto axes = chart.chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        QCOMPARE(axes.first()->labelsBrush().color(), palette.color(QPalette::Text));
        QCOMPARE(chart.chart()->legend()->labelColor(), palette.color(QPalette::Text));
        QCOMPARE(seriesOf<QAreaSeries>(chart).last()->pen().color(),
                 StatusPresentation::color(JobStatus::InProgress, palette));
    }
    // Dark and light really differ where it matters.
    QVERIFY(StatusPresentation::isDark(chart.palette()));
    QVERIFY(StatusPresentation::contrastRatio(ChartPalette::textColor(chart.palette()),
                                              chart.palette().color(QPalette::Base))
            >= 4.5);
}

void tst_JobTimelineChart::axisTicksAreRound()
{
    QDateTimeAxis axis;
    const QFontMetrics metrics{QFont()};
    ChartTimeAxis::setRange(&axis, at(9, 58).addSecs(28), at(11, 4).addSecs(3), 800, metrics);
    const QDateTime min = axis.min().toUTC();
    const QDateTime max = axis.max().toUTC();
    QVERIFY(min <= at(9, 58));
    QVERIFY(max >= at(11, 4));
    const qint64 stepMs = min.msecsTo(max) / (axis.tickCount() - 1);
    QVERIFY(stepMs >= 60 * 1000);
    // On whole steps of the local clock (Chatham's +12:45/+13:45 makes that differ from UTC's).
    const qint64 localMin
            = min.toMSecsSinceEpoch() + qint64(min.toLocalTime().offsetFromUtc()) * 1000;
    QCOMPARE(localMin % stepMs, 0);
    QCOMPARE(min.msecsTo(max) % stepMs, 0);
}

void tst_JobTimelineChart::axisKeepsTheExactRangeWithRoundTicksInside()
{
    // Regression: the Gantt's range 28 Nov 03:00 -> 29 Nov 00:00 was widened to whole 6 h steps,
    // 27 Nov 18:00 -> 29 Nov 06:00, leaving "now" far from the right edge.
    const QFontMetrics metrics{QFont()};
    const QDateTime from = at(3).addSecs(-1234);
    const QDateTime to = at(0).addDays(1).addSecs(321);
    for (const int pixels : {300, 600, 1200}) {
        QCategoryAxis axis;
        ChartTimeAxis::setRange(&axis, from, to, pixels, metrics);
        QCOMPARE(qint64(axis.min()), from.toMSecsSinceEpoch());
        QCOMPARE(qint64(axis.max()), to.toMSecsSinceEpoch());
        const QStringList labels = axis.categoriesLabels();
        QVERIFY2(labels.size() >= (pixels >= 600 ? 2 : 1), qPrintable(QString::number(pixels)));
        qreal previousRight = -1;
        qint64 step = 0;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const qint64 t = qint64(axis.endValue(labels.at(i)));
            QVERIFY(t > from.toMSecsSinceEpoch() && t <= to.toMSecsSinceEpoch());
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(t).toLocalTime();
            QCOMPARE(local.time().minute(), 0); // whole hours
            QVERIFY2(labels.at(i).contains(local.toString(QStringLiteral("HH:mm"))),
                     qPrintable(labels.at(i)));
            if (i == 1)
                step = t - qint64(axis.endValue(labels.at(0)));
            else if (i > 1)
                QCOMPARE(t - qint64(axis.endValue(labels.at(i - 1))), step); // evenly spaced
            // Labels inside the axis and apart from each other.
            const qreal x
                    = qreal(pixels) * qreal(t - from.toMSecsSinceEpoch()) / qreal(from.msecsTo(to));
            const qreal half = metrics.horizontalAdvance(labels.at(i)) / 2.0;
            QVERIFY(x - half >= 0 && x + half <= pixels);
            QVERIFY(x - half > previousRight);
            previousRight = x + half;
        }
        // The first label carries its own (local) date; which day that is depends on the zone.
        const QDateTime first
                = QDateTime::fromMSecsSinceEpoch(qint64(axis.endValue(labels.first())))
                          .toLocalTime();
        QVERIFY2(labels.first().contains(QLocale().toString(first, u"d MMM")),
                 qPrintable(labels.first()));
    }
}

void tst_JobTimelineChart::shortSpanAcrossMidnightStillHasSeveralLabels()
{
    // Regression: a running job's hour around local midnight showed one label ("29 Nov 00:00"):
    // a date at each day change crowded every finer step out.
    const QFontMetrics metrics{QFont()};
    const QDateTime midnight = QDateTime(QDate(2025, 3, 16), QTime(0, 0)).toUTC();
    const QDateTime from = midnight.addSecs(-31 * 60);
    const QDateTime to = midnight.addSecs(32 * 60);
    QCategoryAxis axis;
    ChartTimeAxis::setRange(&axis, from, to, 390, metrics);
    const QStringList labels = axis.categoriesLabels();
    QVERIFY2(labels.size() >= 3, qPrintable(labels.join(u" | ")));
    // Still dated: the first label says which day it is.
    QVERIFY2(labels.first().contains(QLocale().toString(from.toLocalTime(), u"d MMM")),
             qPrintable(labels.first()));
}

void tst_JobTimelineChart::screenReadersGetTheTimelineInWords()
{
    JobTimelineChart chart;
    QVERIFY(!chart.accessibleName().isEmpty());
    QVERIFY(!chart.accessibleDescription().isEmpty()); // "no job", not silence
    QVERIFY(chart.focusPolicy() & Qt::TabFocus);       // reachable with Tab to be read

    WatchedJob w = job(JobStatus::Completed);
    w.job.endTime = at(11);
    chart.setJob(w, threeTransitions(), at(12));
    const QString words = chart.accessibleDescription();
    QCOMPARE(words, chart.textSummary());
    QVERIFY2(!words.contains(u'\n'), qPrintable(words));
    // Every status in the order it happened, with the exact times of the hover texts.
    qsizetype from = 0;
    for (JobStatus status : {JobStatus::Submitted, JobStatus::InProgress, JobStatus::Completed}) {
        const qsizetype found = words.indexOf(StatusPresentation::text(status), from);
        QVERIFY2(found > from, qPrintable(words));
        from = found;
    }
    const auto local = [](const QDateTime &utc) {
        return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    QVERIFY2(words.contains(local(at(9, 30))), qPrintable(words));
    QVERIFY2(words.contains(JobTimelineChart::markerName(Marker::Submitted)), qPrintable(words));

    // It follows the job: a live job's last band runs to now.
    w.job.status = Status::fromCode(JobStatus::InProgress);
    w.job.endTime.reset();
    chart.setJob(w, threeTransitions().mid(0, 2), at(11));
    QVERIFY2(chart.accessibleDescription().contains(QStringLiteral("now")),
             qPrintable(chart.accessibleDescription()));
    chart.clear();
    QVERIFY(!chart.accessibleDescription().contains(
            StatusPresentation::text(JobStatus::Submitted)));
}

QTEST_MAIN(tst_JobTimelineChart)
#include "tst_jobtimelinechart.moc"
