#include "common/appsettings.h"
#include "notifications/notificationcenter.h"
#include "notifications/notifier.h"
#include "presentation/uilanguage.h"
#include "tracking/jobmonitor.h"
#include "wire/gatewayclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;

namespace {

class SpyNotifier : public Notifier
{
public:
    QList<QList<JobNotice>> transitions;
    QList<QList<JobNotice>> expiry;
    QList<NotificationSummary> summaries;

    void notifyTransitions(const QList<JobNotice> &notices) override { transitions << notices; }
    void notifyExpiryRisk(const QList<JobNotice> &notices) override { expiry << notices; }
    void setSummary(const NotificationSummary &summary) override { summaries << summary; }
};

const QDateTime kNow = QDateTime(QDate(2025, 3, 14), QTime(12, 0), QTimeZone::utc());

WatchedJob job(const QString &id, JobStatus status, const QString &name = {})
{
    WatchedJob w;
    w.profileId = QStringLiteral("p1");
    w.identifier = id;
    w.job.status = Status::fromCode(status);
    if (!name.isEmpty())
        w.job.jobName = name;
    return w;
}

StatusTransition transition(std::optional<JobStatus> from, JobStatus to)
{
    StatusTransition t;
    if (from)
        t.from = Status::fromCode(*from);
    t.to = Status::fromCode(to);
    t.observedAt = kNow;
    return t;
}

// A monitor of profile "p1" whose gateway never answers (nothing is polled in these tests).
struct MonitorRig
{
    MonitorRig()
    {
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        client.setProfile(profile);
        monitor = std::make_unique<JobMonitor>(&client, nullptr);
    }
    QNetworkAccessManager nam;
    GatewayClient client{&nam};
    std::unique_ptr<JobMonitor> monitor;
};

} // namespace

class TestNotificationCenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<AppSettings>(
                m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_counter)));
        m_spy = std::make_unique<SpyNotifier>();
        m_center = std::make_unique<NotificationCenter>(m_spy.get(), m_settings.get());
        m_center->setClock([] { return kNow; });
        m_center->setGroupingDelay(std::chrono::milliseconds(50));
    }

    void cleanup()
    {
        m_center.reset();
        m_spy.reset();
        m_settings.reset();
    }

    void notifiesWhenAJobFails()
    {
        WatchedJob failed = job(QStringLiteral("k3x9p2m7q1ab"), JobStatus::Failed,
                                QStringLiteral("nightly-eval"));
        failed.job.message = QStringLiteral("Input file is malformed\nline 2");
        m_center->handleTransition(failed.identifier,
                                   transition(JobStatus::InProgress, JobStatus::Failed), failed);
        QTRY_COMPARE(m_spy->transitions.size(), 1);
        const QList<JobNotice> notices = m_spy->transitions.constFirst();
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.constFirst().identifier, QStringLiteral("k3x9p2m7q1ab"));
        QCOMPARE(notices.constFirst().profileId, QStringLiteral("p1"));
        QCOMPARE(notices.constFirst().to.code(), JobStatus::Failed);
        // What the user reads: the status, the job, the reason.
        QCOMPARE(Notifier::transitionTitle(notices), QStringLiteral("Failed: nightly-eval"));
        QVERIFY(Notifier::transitionBody(notices).contains(u"Input file is malformed"));
        QVERIFY(!Notifier::transitionBody(notices).contains(u"line 2"));
    }

    void groupsTransitionsArrivingTogether()
    {
        m_center->setGroupingDelay(std::chrono::milliseconds(1500));
        const auto a = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::Failed, QStringLiteral("a"));
        const auto b
                = job(QStringLiteral("bbbbbbbbbbbb"), JobStatus::Completed, QStringLiteral("b"));
        const auto c
                = job(QStringLiteral("cccccccccccc"), JobStatus::Completed, QStringLiteral("c"));
        m_center->handleTransition(a.identifier,
                                   transition(JobStatus::InProgress, JobStatus::Failed), a);
        m_center->handleTransition(b.identifier,
                                   transition(JobStatus::InProgress, JobStatus::Completed), b);
        QTest::qWait(20);
        m_center->handleTransition(c.identifier,
                                   transition(JobStatus::Stopping, JobStatus::Completed), c);
        QTRY_COMPARE(m_spy->transitions.size(), 1);
        QCOMPARE(m_spy->transitions.constFirst().size(), 3);
        const QList<JobNotice> &notices = m_spy->transitions.constFirst();
        QCOMPARE(Notifier::transitionTitle(notices), QStringLiteral("3 jobs have ended"));
        const QString body = Notifier::transitionBody(notices);
        // Worst first, jobs named.
        QCOMPARE(body, QStringLiteral("Failed: a\nCompleted: b, c"));
        QTest::qWait(400);
        QCOMPARE(m_spy->transitions.size(), 1);
    }

    void nothingForNonTerminalOrFirstSeenStatuses()
    {
        const auto running = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::InProgress);
        m_center->handleTransition(running.identifier,
                                   transition(JobStatus::Scheduled, JobStatus::InProgress),
                                   running);
        const auto stopping = job(QStringLiteral("bbbbbbbbbbbb"), JobStatus::Stopping);
        m_center->handleTransition(stopping.identifier,
                                   transition(JobStatus::InProgress, JobStatus::Stopping),
                                   stopping);
        // A job added after it had already completed: its first status is not news.
        const auto old = job(QStringLiteral("cccccccccccc"), JobStatus::Completed);
        m_center->handleTransition(old.identifier, transition(std::nullopt, JobStatus::Completed),
                                   old);
        QCOMPARE(m_center->pendingCount(), 0);
        m_center->flush();
        QTest::qWait(100);
        QVERIFY(m_spy->transitions.isEmpty());
    }

    void respectsThePerEventSettings()
    {
        m_settings->setNotifies(NotificationEvent::Completed, false);
        const auto done = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::Completed);
        m_center->handleTransition(done.identifier,
                                   transition(JobStatus::InProgress, JobStatus::Completed), done);
        QCOMPARE(m_center->pendingCount(), 0);
        const auto stopped = job(QStringLiteral("bbbbbbbbbbbb"), JobStatus::Stopped);
        m_center->handleTransition(stopped.identifier,
                                   transition(JobStatus::Stopping, JobStatus::Stopped), stopped);
        QTRY_COMPARE(m_spy->transitions.size(), 1);
        QCOMPARE(m_spy->transitions.constFirst().constFirst().to.code(), JobStatus::Stopped);
    }

    void warnsOnceWhenAQueuedJobNearsExpiry()
    {
        m_settings->setExpiryWarningThreshold(std::chrono::minutes(6 * 60));
        WatchedJob soon = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::Scheduled,
                              QStringLiteral("queued-eval"));
        soon.job.jobExpirationTime = kNow.addSecs(2 * 3600);
        WatchedJob later = job(QStringLiteral("bbbbbbbbbbbb"), JobStatus::Scheduled);
        later.job.jobExpirationTime = kNow.addSecs(30 * 3600);
        WatchedJob running = job(QStringLiteral("cccccccccccc"), JobStatus::InProgress);
        running.job.jobExpirationTime = kNow.addSecs(600);

        m_center->handleJobsUpdated({soon, later, running});
        QTRY_COMPARE(m_spy->expiry.size(), 1);
        QCOMPARE(m_spy->expiry.constFirst().size(), 1);
        QCOMPARE(m_spy->expiry.constFirst().constFirst().identifier, soon.identifier);
        QCOMPARE(Notifier::expiryTitle(m_spy->expiry.constFirst()),
                 QStringLiteral("About to expire: queued-eval"));
        QVERIFY(Notifier::expiryBody(m_spy->expiry.constFirst(), kNow).contains(u"2 hours"));

        // Polled again: no second warning.
        m_center->handleJobsUpdated({soon});
        m_center->checkExpiry();
        QTest::qWait(100);
        QCOMPARE(m_spy->expiry.size(), 1);
    }

    void warnsAgainAfterAJobLeftTheQueueAndOnTheMinuteCheck()
    {
        m_settings->setExpiryWarningThreshold(std::chrono::minutes(6 * 60));
        QDateTime now = kNow;
        m_center->setClock([&now] { return now; });
        // The same identifier in two profiles: two jobs, each warned about on its own.
        WatchedJob mine = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::Scheduled);
        mine.job.jobExpirationTime = kNow.addSecs(8 * 3600);
        WatchedJob theirs = mine;
        theirs.profileId = QStringLiteral("p2");
        const auto warned = [this] {
            m_center->flush();
            QStringList out;
            for (const QList<JobNotice> &group : std::as_const(m_spy->expiry)) {
                for (const JobNotice &n : group)
                    out << n.profileId + u'/' + n.identifier;
            }
            m_spy->expiry.clear();
            out.sort(); // one notification names them in no particular order
            return out;
        };

        m_center->handleJobsUpdated({mine, theirs});
        QCOMPARE(warned(), QStringList());
        // Three hours later the minute check finds both within six hours of expiry.
        now = kNow.addSecs(3 * 3600);
        m_center->checkExpiry();
        QCOMPARE(warned(), (QStringList{QStringLiteral("p1/aaaaaaaaaaaa"),
                                        QStringLiteral("p2/aaaaaaaaaaaa")}));
        m_center->checkExpiry();
        QCOMPARE(warned(), QStringList());

        // p1's job starts, then goes back to the queue: warned again; p2's, still queued, not.
        WatchedJob running = mine;
        running.job.status = Status::fromCode(JobStatus::InProgress);
        m_center->handleJobsUpdated({running});
        m_center->checkExpiry();
        QCOMPARE(warned(), QStringList());
        m_center->handleJobsUpdated({mine, theirs});
        QCOMPARE(warned(), QStringList{QStringLiteral("p1/aaaaaaaaaaaa")});

        // Removed jobs are no longer checked.
        m_center->handleJobsRemoved(QStringLiteral("p2"), {theirs.identifier});
        m_center->handleJobsUpdated({running});
        m_center->handleJobsUpdated({mine});
        QCOMPARE(warned(), QStringList{QStringLiteral("p1/aaaaaaaaaaaa")});
        m_center->handleJobsUpdated({theirs});
        QCOMPARE(warned(), QStringList{QStringLiteral("p2/aaaaaaaaaaaa")});
    }

    void noExpiryWarningWhenSwitchedOff()
    {
        m_settings->setNotifies(NotificationEvent::ExpiryWarning, false);
        WatchedJob soon = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::Submitted);
        soon.job.jobExpirationTime = kNow.addSecs(600);
        m_center->handleJobsUpdated({soon});
        m_center->flush();
        QVERIFY(m_spy->expiry.isEmpty());
    }

    void listensToAJobMonitor()
    {
        MonitorRig rig;
        JobMonitor &monitor = *rig.monitor;
        m_center->watch(&monitor);
        const auto failed = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::Failed);
        Q_EMIT monitor.transitionObserved(
                failed.identifier, transition(JobStatus::InProgress, JobStatus::Failed), failed);
        QTRY_COMPARE(m_spy->transitions.size(), 1);

        m_center->unwatch(&monitor);
        Q_EMIT monitor.transitionObserved(
                failed.identifier, transition(JobStatus::InProgress, JobStatus::Failed), failed);
        QTest::qWait(100);
        QCOMPARE(m_spy->transitions.size(), 1);
    }

    void summaryCountsWhatTheMonitorHolds()
    {
        // The tray's summary counts every job the watched monitors hold (counted in place, the
        // threshold read once per summary: issue 13).
        MonitorRig rig;
        JobMonitor &monitor = *rig.monitor;
        m_center->watch(&monitor);
        WatchedJob soon = job(QStringLiteral("aaaaaaaaaaaa"), JobStatus::Submitted);
        soon.job.jobExpirationTime = kNow.addSecs(600);
        WatchedJob later = job(QStringLiteral("bbbbbbbbbbbb"), JobStatus::Scheduled);
        later.job.jobExpirationTime = kNow.addDays(3);
        WatchedJob passed = job(QStringLiteral("cccccccccccc"), JobStatus::Submitted);
        passed.job.jobExpirationTime = kNow.addSecs(-60);
        const WatchedJob running = job(QStringLiteral("dddddddddddd"), JobStatus::InProgress);
        WatchedJob endedSoon = job(QStringLiteral("eeeeeeeeeeee"), JobStatus::Failed);
        endedSoon.job.jobExpirationTime = kNow.addSecs(600);
        const WatchedJob completed = job(QStringLiteral("ffffffffffff"), JobStatus::Completed);
        monitor.applyStoredJobs({soon, later, passed, running, endedSoon, completed}, false);
        QTRY_VERIFY(!m_spy->summaries.isEmpty() && m_spy->summaries.constLast().watched == 6);
        const NotificationSummary s = m_spy->summaries.constLast();
        QCOMPARE(s.active, 4);
        QCOMPARE(s.failed, 1);
        QCOMPARE(s.atRisk, 1); // queued and expiring within the threshold: `soon` only
    }

    void summaryCountsTheWatchedJobs()
    {
        NotificationSummary s;
        s.watched = 12;
        s.active = 3;
        s.failed = 1;
        QCOMPARE(s.toolTip(), QStringLiteral("batchwatch — 12 jobs watched, 3 active, 1 failed"));
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<SpyNotifier> m_spy;
    std::unique_ptr<NotificationCenter> m_center;
};

QTEST_MAIN(TestNotificationCenter)
#include "tst_notificationcenter.moc"
