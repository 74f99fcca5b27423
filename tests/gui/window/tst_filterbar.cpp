#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "presentation/statuspresentation.h"
#include "presentation/uilanguage.h"
#include "window/filterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace bw;

namespace {

const QDateTime kNow(QDate(2025, 3, 14), QTime(12, 0), QTimeZone::utc());

WatchedJob job(const QString &id, JobStatus status, const QString &name, const QString &model,
               qint64 submittedHoursAgo)
{
    WatchedJob w;
    w.profileId = QStringLiteral("p1");
    w.identifier
            = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/") + id;
    w.job.jobArn = w.identifier;
    w.job.status = Status::fromCode(status);
    w.job.jobName = name;
    w.job.modelId = model;
    w.job.submitTime = kNow.addSecs(-submittedHoursAgo * 3600);
    w.fetchedAt = kNow;
    return w;
}

QList<WatchedJob> sampleJobs()
{
    return {
            job(QStringLiteral("aaaaaaaaaaa1"), JobStatus::Submitted,
                QStringLiteral("nightly-eval"), QStringLiteral("anthropic.claude-3-haiku"), 1),
            job(QStringLiteral("aaaaaaaaaaa2"), JobStatus::Scheduled,
                QStringLiteral("kb-embeddings"), QStringLiteral("amazon.titan-embed-text-v2"), 30),
            job(QStringLiteral("aaaaaaaaaaa3"), JobStatus::InProgress,
                QStringLiteral("support-triage"), QStringLiteral("anthropic.claude-3-haiku"), 2),
            job(QStringLiteral("aaaaaaaaaaa4"), JobStatus::Completed,
                QStringLiteral("faq-translation"), QStringLiteral("mistral.mistral-large"), 100),
            job(QStringLiteral("aaaaaaaaaaa5"), JobStatus::Failed, QStringLiteral("nightly-eval-2"),
                QStringLiteral("anthropic.claude-3-haiku"), 5),
            job(QStringLiteral("aaaaaaaaaaa6"), JobStatus::PartiallyCompleted,
                QStringLiteral("claims-summaries"), QStringLiteral("meta.llama3-70b"), 400),
            job(QStringLiteral("aaaaaaaaaaa7"), JobStatus::Expired,
                QStringLiteral("invoice-fields"), QStringLiteral("meta.llama3-70b"), 200),
    };
}

} // namespace

class TestFilterBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    }

    void init()
    {
        m_model = std::make_unique<JobTableModel>([] { return kNow; });
        m_model->setJobs(sampleJobs());
        m_proxy = std::make_unique<JobFilterProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        m_bar = std::make_unique<FilterBar>();
        m_bar->setClock([] { return kNow; });
        m_bar->setProxy(m_proxy.get());
    }

    void cleanup()
    {
        m_bar.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void chipsShowTheLiveCountOfEachGroup()
    {
        QVERIFY(m_bar->chip(StatusGroup::Queued)
                        ->text()
                        .startsWith(StatusPresentation::groupText(StatusGroup::Queued)));
        QVERIFY(m_bar->chip(StatusGroup::Queued)->text().endsWith(QStringLiteral(" 2")));
        QVERIFY(m_bar->chip(StatusGroup::Failed)->text().endsWith(QStringLiteral(" 2")));
        QVERIFY(m_bar->chip(StatusGroup::Running)->text().endsWith(QStringLiteral(" 1")));

        // A job moves on: the counts follow without any user action.
        WatchedJob moved = sampleJobs().at(2);
        moved.job.status = Status::fromCode(JobStatus::Failed);
        m_model->upsertJobs({moved});
        QVERIFY(m_bar->chip(StatusGroup::Running)->text().endsWith(QStringLiteral(" 0")));
        QVERIFY(m_bar->chip(StatusGroup::Failed)->text().endsWith(QStringLiteral(" 3")));
    }

    void checkedChipsShowOnlyTheirGroups()
    {
        QSignalSpy changed(m_bar.get(), &FilterBar::stateChanged);
        m_bar->chip(StatusGroup::Failed)->click();
        QCOMPARE(m_proxy->rowCount(), 2);
        QCOMPARE(changed.count(), 1);
        m_bar->chip(StatusGroup::Queued)->click();
        QCOMPARE(m_proxy->rowCount(), 4);
        QCOMPARE(m_bar->state().statusGroups, (QStringList{Status::groupKey(StatusGroup::Queued),
                                                           Status::groupKey(StatusGroup::Failed)}));
        QCOMPARE(m_bar->visibleText(), QStringLiteral("Shown: 4 of 7"));
        m_bar->chip(StatusGroup::Failed)->click();
        m_bar->chip(StatusGroup::Queued)->click();
        QCOMPARE(m_proxy->rowCount(), 7);
        QCOMPARE(m_bar->visibleText(), QStringLiteral("Jobs: 7"));
    }

    void countFollowsRemovedAndAddedJobs()
    {
        // Issue 10 item 4: after removing jobs with no filter on, "Shown: 4 of 7" while 4
        // were watched (the proxy drops its rows before the source has).
        QCOMPARE(m_bar->visibleText(), QStringLiteral("Jobs: 7"));
        const QList<WatchedJob> jobs = sampleJobs();
        m_model->removeJobs({jobs.at(1).identifier, jobs.at(2).identifier, jobs.at(3).identifier});
        QCOMPARE(m_proxy->rowCount(), 4);
        QCOMPARE(m_bar->visibleText(), QStringLiteral("Jobs: 4"));
        m_model->removeJobs({jobs.at(5).identifier});
        QCOMPARE(m_bar->visibleText(), QStringLiteral("Jobs: 3"));
        m_model->upsertJobs({jobs.at(1)});
        QCOMPARE(m_bar->visibleText(), QStringLiteral("Jobs: 4"));
    }

    void providerBoxAppearsWithASecondProviderAndFilters()
    {
        m_bar->show();
        QComboBox *box = m_bar->providerBox();
        QVERIFY(!box->isVisible()); // Bedrock only: nothing to choose
        WatchedJob openai = sampleJobs().at(0);
        openai.identifier = QStringLiteral("batch_abc");
        openai.job.jobArn = openai.identifier;
        openai.job.provider = QStringLiteral("openai");
        m_model->upsertJobs({openai});
        QVERIFY(box->isVisible());
        QCOMPARE(box->count(), 3); // All providers, Bedrock, OpenAI
        QCOMPARE(box->itemText(2), QStringLiteral("OpenAI"));

        QSignalSpy changed(m_bar.get(), &FilterBar::stateChanged);
        box->setCurrentIndex(box->findData(QStringLiteral("openai")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_proxy->rowCount(), 1);
        QCOMPARE(m_bar->visibleText(), QStringLiteral("Shown: 1 of 8"));
        // The chosen provider stays while its jobs change.
        m_model->upsertJobs({openai});
        QCOMPARE(box->currentData().toString(), QStringLiteral("openai"));

        m_bar->clear();
        QCOMPARE(box->currentIndex(), 0);
        QCOMPARE(m_proxy->rowCount(), 8);
    }

    void unknownChipAppearsOnlyWithAnUnknownStatus()
    {
        m_bar->show();
        QVERIFY(!m_bar->chip(StatusGroup::Unknown)->isVisible());
        WatchedJob odd = sampleJobs().at(0);
        odd.job.status = Status::fromString(QStringLiteral("Paused"));
        m_model->upsertJobs({odd});
        QVERIFY(m_bar->chip(StatusGroup::Unknown)->isVisible());
    }

    void searchMatchesEveryTermInNameIdArnOrModel_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::newRow("name") << QStringLiteral("nightly") << 2;
        QTest::newRow("name, any case") << QStringLiteral("NIGHTLY-EVAL-2") << 1;
        QTest::newRow("short id") << QStringLiteral("aaaaaaaaaaa6") << 1;
        QTest::newRow("arn part") << QStringLiteral("model-invocation-job/aaaaaaaaaaa4") << 1;
        QTest::newRow("model") << QStringLiteral("llama3") << 2;
        QTest::newRow("two terms") << QStringLiteral("haiku nightly") << 2;
        QTest::newRow("terms that never meet") << QStringLiteral("llama3 nightly") << 0;
        QTest::newRow("nothing") << QStringLiteral("zzz") << 0;
    }

    void searchMatchesEveryTermInNameIdArnOrModel()
    {
        QFETCH(QString, text);
        QFETCH(int, rows);
        QTest::keyClicks(m_bar->searchField(), text);
        QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
        QCOMPARE(m_proxy->rowCount(), rows);
        QCOMPARE(m_bar->state().text, text);
    }

    void typingAppliesAfterAShortPause()
    {
        QSignalSpy changed(m_bar.get(), &FilterBar::stateChanged);
        QTest::keyClicks(m_bar->searchField(), QStringLiteral("kb-emb"));
        QTRY_COMPARE(m_proxy->rowCount(), 1);
        QCOMPARE(changed.count(), 1); // once, not per keystroke
    }

    void activeOnlyHidesEndedJobs()
    {
        auto *check = m_bar->findChild<QCheckBox *>(QStringLiteral("activeOnlyCheck"));
        QVERIFY(check);
        check->click();
        QCOMPARE(m_proxy->rowCount(), 3);
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            QVERIFY(!m_proxy->index(row, 0).data(JobTableModel::IsTerminalRole).toBool());
        QVERIFY(m_bar->state().activeOnly);
    }

    void submittedPresetsHideOlderJobs_data()
    {
        QTest::addColumn<FilterBar::Range>("range");
        QTest::addColumn<int>("rows");
        QTest::addColumn<qint64>("hours");
        QTest::newRow("any") << FilterBar::Range::AnyTime << 7 << qint64(0);
        QTest::newRow("24 h") << FilterBar::Range::Last24Hours << 3 << qint64(24);
        QTest::newRow("7 days") << FilterBar::Range::Last7Days << 5 << qint64(7 * 24);
        QTest::newRow("30 days") << FilterBar::Range::Last30Days << 7 << qint64(30 * 24);
    }

    void submittedPresetsHideOlderJobs()
    {
        QFETCH(FilterBar::Range, range);
        QFETCH(int, rows);
        QFETCH(qint64, hours);
        m_bar->setRange(range);
        QCOMPARE(m_proxy->rowCount(), rows);
        const FilterState state = m_bar->state();
        QCOMPARE(state.submittedFrom, hours ? kNow.addSecs(-hours * 3600) : QDateTime());
        QVERIFY(!state.submittedTo.isValid());
    }

    void customRangeHasOpenEnds()
    {
        m_bar->show();
        m_bar->setRange(FilterBar::Range::Custom);
        auto *from = m_bar->findChild<QDateTimeEdit *>(QStringLiteral("fromEdit"));
        auto *to = m_bar->findChild<QDateTimeEdit *>(QStringLiteral("toEdit"));
        QVERIFY(from->isVisible() && to->isVisible());
        // Switching to a custom range starts from the last week, open towards now.
        QCOMPARE(m_bar->state().submittedFrom, kNow.addDays(-7));
        QVERIFY(!m_bar->state().submittedTo.isValid());
        QCOMPARE(to->text(), QStringLiteral("any"));
        QCOMPARE(m_proxy->rowCount(), 5);

        // Up to 3 hours ago: the two youngest jobs drop out.
        to->setDateTime(kNow.addSecs(-3 * 3600).toLocalTime());
        QCOMPARE(m_bar->state().submittedTo, kNow.addSecs(-3 * 3600));
        QCOMPARE(m_proxy->rowCount(), 3);

        m_bar->setRange(FilterBar::Range::AnyTime);
        QVERIFY(!from->isVisible());
        QCOMPARE(m_proxy->rowCount(), 7);
    }

    void stateRoundTripsThroughSetState()
    {
        FilterState state;
        state.statusGroups
                = {Status::groupKey(StatusGroup::Running), Status::groupKey(StatusGroup::Queued)};
        state.text = QStringLiteral("haiku");
        state.activeOnly = true;
        state.submittedFrom = kNow.addDays(-2);
        QSignalSpy changed(m_bar.get(), &FilterBar::stateChanged);
        m_bar->setState(state);
        QCOMPARE(changed.count(), 0); // restoring is not a user change

        FilterState expected = state;
        expected.statusGroups = {Status::groupKey(StatusGroup::Queued),
                                 Status::groupKey(StatusGroup::Running)}; // chip order
        QCOMPARE(m_bar->state(), expected);
        QCOMPARE(m_bar->range(), FilterBar::Range::Custom);
        QCOMPARE(m_proxy->filterText(), state.text);
        QVERIFY(m_proxy->activeOnly());
        QCOMPARE(m_proxy->submittedFrom(), state.submittedFrom);
        QCOMPARE(m_proxy->rowCount(), 2); // nightly-eval and support-triage
    }

    void clearShowsEverythingAgain()
    {
        auto *clear = m_bar->findChild<QPushButton *>(QStringLiteral("clearButton"));
        QVERIFY(!clear->isEnabled());
        m_bar->chip(StatusGroup::Completed)->click();
        QTest::keyClicks(m_bar->searchField(), QStringLiteral("faq"));
        QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
        QCOMPARE(m_proxy->rowCount(), 1);
        QVERIFY(clear->isEnabled());
        QSignalSpy changed(m_bar.get(), &FilterBar::stateChanged);
        clear->click();
        QCOMPARE(m_proxy->rowCount(), 7);
        QCOMPARE(m_bar->state(), FilterState{});
        QCOMPARE(changed.count(), 1);
        QVERIFY(!clear->isEnabled());
    }

    void focusSearchSelectsTheText()
    {
        m_bar->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_bar.get()));
        m_bar->searchField()->setText(QStringLiteral("old"));
        m_bar->focusSearch();
        QCOMPARE(m_bar->searchField()->selectedText(), QStringLiteral("old"));
    }

private:
    std::unique_ptr<JobTableModel> m_model;
    std::unique_ptr<JobFilterProxyModel> m_proxy;
    std::unique_ptr<FilterBar> m_bar;
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
