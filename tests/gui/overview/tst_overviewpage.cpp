#include "detailstestrig.h"
#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "overview/jobganttchart.h"
#include "overview/overviewpage.h"
#include "overview/recordsperhourchart.h"
#include "overview/statusdistributionchart.h"
#include "presentation/apptheme.h"
#include "presentation/statuspresentation.h"
#include "presentation/uilanguage.h"

#include <QBarSeries>
#include <QBarSet>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QSet>
#include <QStackedWidget>
#include <QtTest>

using namespace bw;
using namespace bw::test;

namespace {

const QDateTime kNow = QDateTime(QDate(2025, 3, 15), QTime(12, 0), Qt::UTC);

WatchedJob job(int i, JobStatus status, int submittedHoursAgo = 3)
{
    WatchedJob w;
    w.profileId = QStringLiteral("p1");
    w.identifier = QStringLiteral("aaaa%1").arg(i, 8, 10, QChar(u'0'));
    w.job.jobArn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                   + w.identifier;
    w.job.jobName = QStringLiteral("job-%1").arg(i);
    w.job.status = Status::fromCode(status);
    w.job.submitTime = kNow.addSecs(-3600LL * submittedHoursAgo);
    if (Status::isTerminal(status))
        w.job.endTime = kNow.addSecs(-3600);
    w.fetchedAt = kNow;
    w.addedAt = kNow.addSecs(-3600LL * 4);
    return w;
}

QList<WatchedJob> mixedJobs()
{
    QList<WatchedJob> jobs;
    int i = 0;
    for (const auto &[status, count] :
         {std::pair{JobStatus::Submitted, 2}, std::pair{JobStatus::Scheduled, 1},
          std::pair{JobStatus::InProgress, 4}, std::pair{JobStatus::Completed, 3},
          std::pair{JobStatus::Failed, 1}, std::pair{JobStatus::PartiallyCompleted, 1},
          std::pair{JobStatus::Expired, 2}}) {
        for (int n = 0; n < count; ++n)
            jobs.append(job(++i, status));
    }
    return jobs;
}

ProgressSample sample(const QDateTime &at, qint64 processed)
{
    ProgressSample s;
    s.at = at;
    s.total = 10'000;
    s.processed = processed;
    s.succeeded = processed;
    return s;
}

} // namespace

class tst_OverviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    }

    void init();
    void cleanup();

    void distributionCountsMatchTheModel();
    void ganttRowsAreTheVisibleRowsInOrder();
    void ganttFollowsTheFiltersAfterCoalescing();
    void ganttIsCappedWithANote();
    void ganttBarsRunFromSubmitToEndOrNow();
    void showsAnEmptyStateWithoutJobs();
    void recordsPerHourSpreadsProgressOverTheHours_data();
    void recordsPerHourSpreadsProgressOverTheHours();
    void recordsPerHourComesFromTheSessionsSampleFeed();
    void rendersInLightAndDark();
    void distributionLabelsAreNeverCutOff_data();
    void distributionLabelsAreNeverCutOff();
    void hourAxisShowsAFewReadableHours();
    void ganttRangeIsNotStretchedByAFarExpiry();
    void ganttRecentRangeNotesJobsThatEndedLongAgo();
    void chartsSayWhatTheyShowInWords();

private:
    std::unique_ptr<JobTableModel> m_model;
    std::unique_ptr<JobFilterProxyModel> m_proxy;
    std::unique_ptr<OverviewPage> m_page;

    StatusDistributionChart *distribution() const
    {
        return m_page->findChild<StatusDistributionChart *>();
    }
    JobGanttChart *gantt() const { return m_page->findChild<JobGanttChart *>(); }
};

void tst_OverviewPage::init()
{
    m_model = std::make_unique<JobTableModel>([] { return kNow; });
    m_proxy = std::make_unique<JobFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_page = std::make_unique<OverviewPage>();
    m_page->resize(1200, 800);
    m_page->setModels(m_model.get(), m_proxy.get());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_OverviewPage::cleanup()
{
    m_page.reset();
    m_proxy.reset();
    m_model.reset();
}

void tst_OverviewPage::distributionCountsMatchTheModel()
{
    m_model->setJobs(mixedJobs());
    // Filters do not change the distribution: it is the whole watch list.
    m_proxy->setActiveOnly(true);
    m_page->refreshNow();
    const JobFilterProxyModel::GroupCounts expected = m_proxy->countsByGroup();
    QCOMPARE(expected[size_t(StatusGroup::Running)], 4);
    for (int g = 0; g < StatusGroupCount; ++g) {
        const auto group = StatusGroup(g);
        QCOMPARE(distribution()->counts()[size_t(g)], expected[size_t(g)]);
        if (group != StatusGroup::Unknown)
            QCOMPARE(distribution()->shownCount(group), expected[size_t(g)]);
    }
    // The counts are in the labels, top to bottom in lifecycle order; no empty Unknown bar.
    QCOMPARE(distribution()->labels(),
             (QStringList{QStringLiteral("Queued · 3"), QStringLiteral("Running · 4"),
                          QStringLiteral("Completed · 3"), QStringLiteral("Failed · 2"),
                          QStringLiteral("Stopped or expired · 2")}));
}

void tst_OverviewPage::ganttRowsAreTheVisibleRowsInOrder()
{
    m_model->setJobs(mixedJobs());
    m_proxy->sort(JobTableModel::NameColumn, Qt::DescendingOrder);
    m_page->refreshNow();
    QCOMPARE(gantt()->rowCount(), m_proxy->rowCount());
    QStringList visible;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        visible.append(m_proxy->index(r, 0).data(JobTableModel::IdentifierRole).toString());
    QCOMPARE(gantt()->rowIdentifiers(), visible);
    QCOMPARE(gantt()->rowLabel(0), m_proxy->index(0, JobTableModel::NameColumn).data().toString());
    QCOMPARE(gantt()->rowLabel(0), QStringLiteral("job-14"));
}

void tst_OverviewPage::ganttFollowsTheFiltersAfterCoalescing()
{
    m_model->setJobs(mixedJobs());
    m_page->refreshNow();
    QCOMPARE(gantt()->rowCount(), 14);
    m_proxy->setStatusGroups({StatusGroup::Running});
    QTRY_COMPARE(gantt()->rowCount(), 4);
    auto *note = m_page->findChild<QLabel *>(QStringLiteral("ganttNote"));
    QCOMPARE(note->text(), QStringLiteral("4 of 14 jobs pass the current filters"));

    m_proxy->setFilterText(QStringLiteral("no such job"));
    QTRY_COMPARE(gantt()->rowCount(), 0);
    QCOMPARE(note->text(), QStringLiteral("No job passes the current filters"));
}

void tst_OverviewPage::ganttIsCappedWithANote()
{
    QList<WatchedJob> many;
    for (int i = 1; i <= JobGanttChart::DefaultMaxRows + 5; ++i)
        many.append(job(i, JobStatus::InProgress));
    m_model->setJobs(many);
    m_page->refreshNow();
    QCOMPARE(gantt()->rowCount(), JobGanttChart::DefaultMaxRows);
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("ganttNote"))->text(),
             QStringLiteral("Showing the first %1 of %2 visible jobs")
                     .arg(QLocale().toString(JobGanttChart::DefaultMaxRows),
                          QLocale().toString(JobGanttChart::DefaultMaxRows + 5)));
    // Every row keeps a readable height: the chart grows and the page scrolls.
    QTRY_VERIFY(gantt()->height() >= JobGanttChart::DefaultMaxRows * gantt()->rowHeight());
}

void tst_OverviewPage::ganttBarsRunFromSubmitToEndOrNow()
{
    WatchedJob running = job(1, JobStatus::InProgress, 5);
    WatchedJob done = job(2, JobStatus::Completed, 6);
    WatchedJob noTime = job(3, JobStatus::Submitted);
    noTime.job.submitTime.reset();
    m_model->setJobs({running, done, noTime});
    m_page->refreshNow();
    QCOMPARE(gantt()->rowCount(), 3);
    QList<QLineSeries *> bars;
    const auto all = gantt()->chart()->series();
    for (QAbstractSeries *s : all) {
        if (auto *line = qobject_cast<QLineSeries *>(s);
            line && gantt()->rowIdentifiers().contains(line->name()))
            bars.append(line);
    }
    QCOMPARE(bars.size(), 3);
    QCOMPARE(qint64(bars.at(0)->at(0).x()), running.job.submitTime->toMSecsSinceEpoch());
    QCOMPARE(qint64(bars.at(0)->at(1).x()), kNow.toMSecsSinceEpoch());
    QCOMPARE(qint64(bars.at(1)->at(1).x()), done.job.endTime->toMSecsSinceEpoch());
    QCOMPARE(bars.at(1)->pen().color(),
             StatusPresentation::color(JobStatus::Completed, gantt()->palette()));
    QCOMPARE(bars.at(2)->count(), 0); // no submit time: a row without a bar
    QVERIFY(gantt()->rowToolTip(2).contains(QStringLiteral("No submit time")));
}

void tst_OverviewPage::showsAnEmptyStateWithoutJobs()
{
    m_page->refreshNow();
    auto *stack = m_page->findChild<QStackedWidget *>(QStringLiteral("stack"));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyPage"));
    m_model->setJobs({job(1, JobStatus::InProgress)});
    QTRY_COMPARE(stack->currentWidget()->objectName(), QStringLiteral("chartsPage"));
}

void tst_OverviewPage::recordsPerHourSpreadsProgressOverTheHours_data()
{
    QTest::addColumn<QList<QList<ProgressSample>>>("samples");
    QTest::addColumn<QList<qint64>>("lastHours"); // the last three buckets, oldest first
    QTest::addColumn<qint64>("total");

    const QDateTime hour = RecordsPerHourChart::firstHourStart(kNow).addSecs(23 * 3600);
    // kNow is 12:00 UTC = 13:00 CET: the current bucket starts at kNow.
    QTest::newRow("within one hour")
            << QList<QList<ProgressSample>>{{sample(hour.addSecs(600), 100),
                                             sample(hour.addSecs(1200), 700)}}
            << QList<qint64>{0, 0, 600} << qint64(600);
    QTest::newRow("across an hour boundary")
            << QList<QList<ProgressSample>>{{sample(hour.addSecs(-1800), 0),
                                             sample(hour.addSecs(1800), 1000)}}
            << QList<qint64>{0, 500, 500} << qint64(1000);
    QTest::newRow("two jobs add up")
            << QList<QList<ProgressSample>>{{sample(hour.addSecs(60), 0),
                                             sample(hour.addSecs(120), 50)},
                                            {sample(hour.addSecs(60), 10),
                                             sample(hour.addSecs(180), 40)}}
            << QList<qint64>{0, 0, 80} << qint64(80);
    QTest::newRow("a counter reset adds nothing")
            << QList<QList<ProgressSample>>{{sample(hour.addSecs(60), 500),
                                             sample(hour.addSecs(120), 20)}}
            << QList<qint64>{0, 0, 0} << qint64(0);
    QTest::newRow("older than a day is left out")
            << QList<QList<ProgressSample>>{{sample(kNow.addDays(-3), 0),
                                             sample(kNow.addDays(-2), 900)}}
            << QList<qint64>{0, 0, 0} << qint64(0);
}

void tst_OverviewPage::recordsPerHourSpreadsProgressOverTheHours()
{
    QFETCH(QList<QList<ProgressSample>>, samples);
    QFETCH(QList<qint64>, lastHours);
    QFETCH(qint64, total);
    const QList<qint64> buckets = RecordsPerHourChart::perHour(samples, kNow);
    QCOMPARE(buckets.size(), RecordsPerHourChart::Hours);
    QCOMPARE(buckets.mid(RecordsPerHourChart::Hours - 3), lastHours);
    qint64 sum = 0;
    for (qint64 b : buckets)
        sum += b;
    QCOMPARE(sum, total);
}

void tst_OverviewPage::recordsPerHourComesFromTheSessionsSampleFeed()
{
    DetailsRig rig;
    const QString id = QStringLiteral("aaaa00000001");
    QJsonObject body{
            {QStringLiteral("jobArn"),
             QString(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                     + id)},
            {QStringLiteral("status"), QStringLiteral("InProgress")},
            {QStringLiteral("submitTime"), QStringLiteral("2025-03-15T09:00:00Z")},
            {QStringLiteral("totalRecordCount"), 10000},
            {QStringLiteral("processedRecordCount"), 1000}};
    rig.bodies[id] = body;
    QVERIFY(rig.watch({id}));
    m_page->setSession(rig.session.get());
    body.insert(QStringLiteral("processedRecordCount"), 1600);
    rig.bodies[id] = body;
    QVERIFY(rig.advance(60));
    auto *chart = m_page->findChild<RecordsPerHourChart *>();
    QTRY_COMPARE(chart->total(), 600);
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("hourlyNote"))->text(),
             QStringLiteral("%1 records in the last 24 hours").arg(QLocale().toString(600)));
    auto *bars = qobject_cast<QBarSeries *>(chart->chart()->series().constFirst());
    QCOMPARE(bars->barSets().constFirst()->at(RecordsPerHourChart::Hours - 1), 600.0);
    // A job no longer watched no longer counts.
    rig.monitor->unwatch({id});
    QTRY_COMPARE(chart->total(), 0);
}

void tst_OverviewPage::rendersInLightAndDark()
{
    // Both palettes paint charts (no blank page); with BATCHWATCH_SCREENSHOT_DIR set the
    // pictures are kept for a look.
    m_model->setJobs(mixedJobs());
    const QString dir = qEnvironmentVariable("BATCHWATCH_SCREENSHOT_DIR");
    for (const auto &[theme, palette] :
         {std::pair{QStringLiteral("light"), AppTheme::lightPalette()},
          std::pair{QStringLiteral("dark"), AppTheme::darkPalette()}}) {
        m_page->setPalette(palette);
        m_page->refreshNow();
        QCoreApplication::processEvents();
        const QImage image = m_page->grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5)
            for (int x = 0; x < image.width(); x += 5)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 16);
        // The palette's base colour is the charts' background.
        QCOMPARE(distribution()->chart()->backgroundBrush().color(), palette.color(QPalette::Base));
        if (!dir.isEmpty())
            image.save(QDir(dir).filePath(QStringLiteral("overview-%1.png").arg(theme)));
    }
}

void tst_OverviewPage::distributionLabelsAreNeverCutOff_data()
{
    QTest::addColumn<int>("pageWidth");
    QTest::newRow("narrow") << 640;
    QTest::newRow("1280") << 1280 - 20;
    QTest::newRow("wide") << 1900;
}

void tst_OverviewPage::distributionLabelsAreNeverCutOff()
{
    // Regression: QtCharts squeezed the category axis and cut "Stopped or expired · 3" to
    // "oped or expired · 3" at the left edge.
    QFETCH(int, pageWidth);
    QList<WatchedJob> jobs = mixedJobs();
    jobs.append(job(99, JobStatus::Stopped));
    m_model->setJobs(jobs);
    m_page->resize(pageWidth, 720);
    m_page->refreshNow();
    StatusDistributionChart *chart = distribution();
    QTRY_VERIFY(chart->labelRects().size() == chart->labels().size());
    QCOMPARE(chart->labels().constLast(), QStringLiteral("Stopped or expired · 3"));
    const QList<QRectF> rects = chart->labelRects();
    const QFontMetrics fm(chart->font());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const QRectF r = rects.at(i);
        const QString text = chart->labels().at(i);
        QVERIFY2(QRectF(chart->rect()).contains(r),
                 qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 outside %6 px")
                                    .arg(text)
                                    .arg(r.x())
                                    .arg(r.y())
                                    .arg(r.width())
                                    .arg(r.height())
                                    .arg(chart->width())));
        QVERIFY(r.width() >= fm.horizontalAdvance(text) - 1);
        // Left of the bars, not over them.
        QVERIFY(r.right() <= chart->chart()->plotArea().left());
        if (i > 0)
            QVERIFY(r.top() >= rects.at(i - 1).bottom() - 1); // top to bottom, no overlap
    }
}

void tst_OverviewPage::hourAxisShowsAFewReadableHours()
{
    // Regression: 24 two-digit labels ran into each other ("000102030405...").
    m_model->setJobs(mixedJobs());
    m_page->refreshNow();
    auto *hourly = m_page->findChild<RecordsPerHourChart *>();
    for (int width : {360, 700, 1400}) {
        hourly->resize(width, hourly->height());
        QTRY_VERIFY(!hourly->hourLabels().isEmpty());
        const QStringList labels = hourly->hourLabels();
        QVERIFY2(labels.size() <= 8, qPrintable(labels.join(u' ')));
        QVERIFY(labels.size() >= 4);
        const QRegularExpression hour(QStringLiteral("^\\d\\d:00\\x{200B}*$"));
        for (const QString &label : labels)
            QVERIFY2(hour.match(label).hasMatch(), qPrintable(label));
        // Labels of a step apart leave a label's width between them.
        const qreal perHour = hourly->chart()->plotArea().width() / RecordsPerHourChart::Hours;
        const int step = RecordsPerHourChart::Hours / int(labels.size());
        QVERIFY(perHour * step >= hourly->fontMetrics().horizontalAdvance(labels.first()) * 1.5);
    }
    // Hovering a bar still says which hour and how many records, exactly.
    const QDateTime last = RecordsPerHourChart::firstHourStart(kNow).addSecs(23 * 3600);
    hourly->setSamples({{sample(last.addSecs(60), 0), sample(last.addSecs(120), 1234)}}, kNow);
    const QString tip = hourly->barToolTip(RecordsPerHourChart::Hours - 1);
    QVERIFY2(tip.contains(last.toLocalTime().toString(QStringLiteral("HH:mm"))), qPrintable(tip));
    QVERIFY2(tip.contains(QLocale().toString(1234)), qPrintable(tip));
}

void tst_OverviewPage::ganttRangeIsNotStretchedByAFarExpiry()
{
    WatchedJob running = job(1, JobStatus::InProgress, 5);
    running.job.jobExpirationTime = kNow.addDays(3);
    WatchedJob queued = job(2, JobStatus::Scheduled, 2);
    queued.job.jobExpirationTime = kNow.addSecs(-1800); // past (a lagging status): on the axis
    m_model->setJobs({running, queued});
    m_proxy->sort(JobTableModel::NameColumn, Qt::AscendingOrder);
    m_page->refreshNow();
    JobGanttChart *chart = gantt();
    QCOMPARE(chart->rowIdentifiers(), (QStringList{running.identifier, queued.identifier}));
    // The axis spans the bars (5 h up to now) with a small margin, not three days.
    QVERIFY(chart->rangeStart() <= *running.job.submitTime);
    QVERIFY(chart->rangeEnd() >= kNow);
    QVERIFY(chart->rangeStart().secsTo(chart->rangeEnd()) < 6 * 3600);
    // The far expiry is not drawn at a wrong place: it is written beside the row, with its time.
    const QString edge = chart->rowEdgeText(0);
    QVERIFY2(edge.contains(QLocale().toString(kNow.addDays(3).toLocalTime(),
                                              QStringLiteral("d MMM HH:mm"))),
             qPrintable(edge));
    QVERIFY(chart->rowEdgeText(1).isEmpty());
    QCOMPARE(chart->expiryMarkers().size(), 1);
    QCOMPARE(chart->expiryMarkers().constFirst().first, 1);
    QCOMPARE(chart->expiryMarkers().constFirst().second, *queued.job.jobExpirationTime);
}

void tst_OverviewPage::ganttRecentRangeNotesJobsThatEndedLongAgo()
{
    WatchedJob running = job(1, JobStatus::InProgress, 2);
    WatchedJob old = job(2, JobStatus::Completed);
    old.job.submitTime = kNow.addDays(-6);
    old.job.endTime = kNow.addDays(-6).addSecs(3 * 3600);
    m_model->setJobs({running, old});
    m_proxy->sort(JobTableModel::NameColumn, Qt::AscendingOrder);
    m_page->refreshNow();
    JobGanttChart *chart = gantt();
    QCOMPARE(chart->rangeMode(), JobGanttChart::RangeMode::Recent);
    // The running job fills the range; the week-old one is a note at the left edge.
    QVERIFY(chart->rangeStart() > *old.job.endTime);
    QVERIFY(chart->rangeStart().secsTo(chart->rangeEnd()) < 3 * 3600);
    QVERIFY2(chart->rowEdgeText(1).startsWith(QStringLiteral("← ended")),
             qPrintable(chart->rowEdgeText(1)));
    QVERIFY(chart->rowToolTip(1).contains(QStringLiteral("Ended")));

    // "All visible jobs" from the range box: every bar on the axis.
    auto *range = m_page->findChild<QComboBox *>(QStringLiteral("ganttRange"));
    range->setCurrentIndex(range->findData(QVariant::fromValue(JobGanttChart::RangeMode::All)));
    QCOMPARE(chart->rangeMode(), JobGanttChart::RangeMode::All);
    QVERIFY(chart->rangeStart() <= *old.job.submitTime);
    QVERIFY(chart->rowEdgeText(1).isEmpty());
}

void tst_OverviewPage::chartsSayWhatTheyShowInWords()
{
    // A screen reader reads a chart's accessible description: the numbers a sighted user sees.
    const QList<WatchedJob> jobs = mixedJobs();
    m_model->setJobs(jobs);
    m_page->refreshNow();
    const QString perStatus = distribution()->accessibleDescription();
    for (const char *expected :
         {"Queued: 3", "Running: 4", "Completed: 3", "Failed: 2", "Stopped or expired: 2"})
        QVERIFY2(perStatus.contains(QLatin1String(expected)), qPrintable(perStatus));

    const QString overTime = gantt()->accessibleDescription();
    QVERIFY2(overTime.contains(QStringLiteral("%1 jobs").arg(gantt()->rowCount())),
             qPrintable(overTime));
    for (const WatchedJob &w : jobs)
        QVERIFY2(overTime.contains(*w.job.jobName), qPrintable(overTime));

    auto *hourly = m_page->findChild<RecordsPerHourChart *>();
    QVERIFY(hourly->accessibleDescription().contains(QStringLiteral("none")));
    const QDateTime last = RecordsPerHourChart::firstHourStart(kNow).addSecs(23 * 3600);
    hourly->setSamples({{sample(last.addSecs(60), 0), sample(last.addSecs(120), 1234)}}, kNow);
    const QString perHour = hourly->accessibleDescription();
    QVERIFY2(perHour.contains(QLocale().toString(1234)), qPrintable(perHour));
    QVERIFY2(perHour.contains(last.toLocalTime().toString(QStringLiteral("HH:mm"))),
             qPrintable(perHour));
}

QTEST_MAIN(tst_OverviewPage)
#include "tst_overviewpage.moc"
