#include "dialogs/stopjobsdialog.h"
#include "presentation/uilanguage.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace bw;

namespace {

GatewayError httpError(int status, const QString &type, const QString &message)
{
    GatewayError e;
    e.kind = GatewayError::Kind::Http;
    e.httpStatus = status;
    e.gatewayType = type;
    e.message = message;
    return e;
}

// A stand-in for JobMonitor::stopJobs: answers each job asynchronously with a canned result and
// counts the calls.
struct FakeStopper
{
    QHash<QString, Expected<StopAck>> answers;
    QStringList requested;
    int calls = 0;

    StopJobsDialog::StopFunction function()
    {
        return [this](const QStringList &ids, QObject *context,
                      StopJobsDialog::ResultCallback onResult) {
            ++calls;
            requested += ids;
            for (const QString &id : ids) {
                const Expected<StopAck> answer = answers.value(id, Expected<StopAck>(StopAck{}));
                QTimer::singleShot(0, context, [onResult, id, answer] { onResult(id, answer); });
            }
        };
    }
};

QString resultColumn(const StopJobsDialog &dialog, int row)
{
    return dialog.findChild<QTreeWidget *>()->topLevelItem(row)->text(2);
}

} // namespace

class TestStopJobsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    }

    void namesTheJobsAndWarnsAboutCharges()
    {
        FakeStopper stopper;
        StopJobsDialog dialog({{QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("nightly-eval"),
                                Status::fromCode(JobStatus::InProgress)},
                               {QStringLiteral("arn:aws:bedrock:us-east-1:1:model-invocation-job/"
                                               "abcdefabcdef"),
                                QString(), Status::fromCode(JobStatus::Scheduled)}},
                              stopper.function());
        auto *tree = dialog.findChild<QTreeWidget *>();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("nightly-eval (k3x9p2m7q1ab)"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("abcdefabcdef"));
        QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("In progress"));
        const auto *warning = dialog.findChild<QLabel *>(QStringLiteral("warningLabel"));
        QVERIFY(warning->text().contains(u"charged"));
        QCOMPARE(dialog.stopButton()->text(), QStringLiteral("&Stop 2 Jobs"));
        // Enter alone must not stop anything: Cancel is the default button.
        QVERIFY(dialog.findChild<QDialogButtonBox *>()
                        ->button(QDialogButtonBox::Cancel)
                        ->isDefault());
        QVERIFY(!dialog.stopButton()->isDefault());
        QCOMPARE(stopper.calls, 0);
    }

    void wordsOtherProvidersBatchesAsCancel()
    {
        QVERIFY(!StopJobsDialog::isCancelWording({}));
        QVERIFY(!StopJobsDialog::isCancelWording({QStringLiteral("bedrock")}));
        QVERIFY(!StopJobsDialog::isCancelWording({QStringLiteral("openai"), QString()}));
        QVERIFY(StopJobsDialog::isCancelWording(
                {QStringLiteral("openai"), QStringLiteral("anthropic")}));
        QCOMPARE(StopJobsDialog::actionText(1, true), QStringLiteral("&Cancel Batch…"));
        QCOMPARE(StopJobsDialog::actionText(3, true), QStringLiteral("&Cancel 3 Batches…"));
        QCOMPARE(StopJobsDialog::actionText(1, false), QStringLiteral("&Stop Job…"));
        QVERIFY(StopJobsDialog::availability({Status::fromCode(JobStatus::InProgress)}, true)
                        .toolTip.contains(QStringLiteral("cancel")));

        FakeStopper stopper;
        StopJobsDialog dialog(
                {{QStringLiteral("batch_abc123"), QStringLiteral("nightly-openai"),
                  Status::fromString(QStringLiteral("in_progress")), QStringLiteral("openai")}},
                stopper.function());
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Cancel Batch"));
        QCOMPARE(dialog.stopButton()->text(), QStringLiteral("&Cancel Batch"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("questionLabel"))
                        ->text()
                        .startsWith(QStringLiteral("Cancel the batch “nightly-openai”?")));
        // The dismiss button must not read "Cancel" beside "Cancel Batch".
        QPushButton *dismiss
                = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
        QCOMPARE(dismiss->text(), QStringLiteral("&Keep Running"));
        QVERIFY(dismiss->isDefault());
        dialog.startStopping();
        QTRY_VERIFY(dialog.isFinished());
        QCOMPARE(dialog.outcome(QStringLiteral("batch_abc123")).text,
                 QStringLiteral("Cancel accepted."));
    }

    void leavesOutJobsThatHaveEnded()
    {
        using A = StopJobsDialog::Availability;
        const A none = StopJobsDialog::availability({Status::fromCode(JobStatus::Completed)});
        QVERIFY(!none.enabled);
        QVERIFY(none.toolTip.contains(QStringLiteral("already ended")));
        QVERIFY(!StopJobsDialog::availability({Status::fromCode(JobStatus::Failed),
                                               Status::fromCode(JobStatus::Stopped)})
                         .enabled);
        QVERIFY(StopJobsDialog::availability({Status::fromCode(JobStatus::Failed),
                                              Status::fromCode(JobStatus::InProgress)})
                        .enabled);
        QVERIFY(StopJobsDialog::availability({std::nullopt}).enabled); // unknown: may run
        QVERIFY(StopJobsDialog::availability({Status::fromString(QStringLiteral("finalizing"))})
                        .enabled);

        FakeStopper stopper;
        StopJobsDialog dialog({{QStringLiteral("k3x9p2m7q1ab"), QString(),
                                Status::fromCode(JobStatus::InProgress)},
                               {QStringLiteral("abcdefabcdef"), QString(),
                                Status::fromCode(JobStatus::Completed)}},
                              stopper.function());
        QCOMPARE(dialog.identifiers(), QStringList{QStringLiteral("k3x9p2m7q1ab")});
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("questionLabel"))
                        ->text()
                        .contains(QStringLiteral("already ended")));
        dialog.startStopping();
        QTRY_VERIFY(dialog.isFinished());
        QCOMPARE(stopper.requested, QStringList{QStringLiteral("k3x9p2m7q1ab")});
    }

    void showsTheResultOfEachJob()
    {
        FakeStopper stopper;
        const QString accepted = QStringLiteral("aaaaaaaaaaaa");
        const QString acceptedAws = QStringLiteral("bbbbbbbbbbbb");
        const QString conflict = QStringLiteral("cccccccccccc");
        const QString denied = QStringLiteral("dddddddddddd");
        StopAck stopping;
        stopping.status = Status::fromString(QStringLiteral("Stopping"));
        stopper.answers.insert(accepted, stopping);
        stopper.answers.insert(acceptedAws, StopAck{}); // AWS answers {}
        stopper.answers.insert(conflict, httpError(409, QStringLiteral("ConflictException"),
                                                   QStringLiteral("Job is in a terminal state")));
        stopper.answers.insert(denied, httpError(403, QStringLiteral("AccessDeniedException"),
                                                 QStringLiteral("Not allowed")));

        StopJobsDialog dialog(
                {{accepted, {}, {}}, {acceptedAws, {}, {}}, {conflict, {}, {}}, {denied, {}, {}}},
                stopper.function());
        QSignalSpy finished(&dialog, &StopJobsDialog::stopsFinished);
        dialog.stopButton()->click();
        QVERIFY(!dialog.stopButton()->isEnabled());
        QCOMPARE(dialog.outcome(accepted).kind, StopJobsDialog::Outcome::Kind::Pending);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.constFirst().at(0).toInt(), 2);
        QCOMPARE(finished.constFirst().at(1).toInt(), 2);
        QVERIFY(dialog.isFinished());

        QCOMPARE(dialog.outcome(accepted).kind, StopJobsDialog::Outcome::Kind::Accepted);
        QCOMPARE(resultColumn(dialog, 0), QStringLiteral("Accepted"));
        QCOMPARE(dialog.outcome(accepted).text,
                 QStringLiteral("Stop accepted: the job is now Stopping."));
        QCOMPARE(dialog.findChild<QTreeWidget *>()->topLevelItem(0)->text(1),
                 QStringLiteral("Stopping"));
        QCOMPARE(dialog.outcome(acceptedAws).text, QStringLiteral("Stop accepted."));
        QCOMPARE(dialog.outcome(conflict).kind, StopJobsDialog::Outcome::Kind::NotStoppable);
        QCOMPARE(resultColumn(dialog, 2), QStringLiteral("No longer stoppable"));
        QVERIFY(dialog.outcome(conflict).text.contains(u"409"));
        QCOMPARE(dialog.outcome(denied).kind, StopJobsDialog::Outcome::Kind::Failed);
        QCOMPARE(resultColumn(dialog, 3), QStringLiteral("Not stopped (HTTP 403)"));
        QVERIFY(dialog.outcome(denied).text.contains(u"Not allowed"));

        const auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY(summary->text().contains(u"2 stop requests accepted"));
        QVERIFY(summary->text().contains(u"1 job could no longer be stopped"));
        QVERIFY(summary->text().contains(u"1 request failed"));
        // The reasons are spelled out under the table, not only in tooltips.
        QVERIFY2(summary->text().contains(u"dddddddddddd — Not stopped: HTTP 403"),
                 qPrintable(summary->text()));
        QVERIFY(summary->text().contains(u"cccccccccccc — No longer stoppable"));
    }

    void sendsEachStopExactlyOnce()
    {
        FakeStopper stopper;
        stopper.answers.insert(
                QStringLiteral("aaaaaaaaaaaa"),
                httpError(503, QStringLiteral("ServiceUnavailable"), QStringLiteral("try later")));
        StopJobsDialog dialog({{QStringLiteral("aaaaaaaaaaaa"), {}, {}},
                               {QStringLiteral("aaaaaaaaaaaa"), {}, {}}},
                              stopper.function());
        QSignalSpy finished(&dialog, &StopJobsDialog::stopsFinished);
        dialog.startStopping();
        dialog.startStopping();
        dialog.stopButton()->click();
        QVERIFY(finished.wait(5000));
        // One call, one job (the duplicate was merged), and no retry after the 503.
        QCOMPARE(stopper.calls, 1);
        QCOMPARE(stopper.requested, QStringList{QStringLiteral("aaaaaaaaaaaa")});
        QTest::qWait(50);
        QCOMPARE(stopper.calls, 1);
        QCOMPARE(finished.size(), 1);
    }

    void ignoresAnswersAfterTheDialogIsGone()
    {
        FakeStopper stopper;
        auto *dialog = new StopJobsDialog({{QStringLiteral("aaaaaaaaaaaa"), {}, {}}},
                                          stopper.function());
        dialog->startStopping();
        delete dialog; // the queued answer is bound to the dialog and must not run
        QTest::qWait(20);
        QCOMPARE(stopper.calls, 1);
    }
};

QTEST_MAIN(TestStopJobsDialog)
#include "tst_stopjobsdialog.moc"
