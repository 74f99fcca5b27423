#include "dialogs/addjobsdialog.h"
#include "presentation/uilanguage.h"
#include "tracking/jobmonitor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "gatewaysimulator.h"

using namespace bw;

namespace {

constexpr auto kArn = "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab";

QString rowText(const QStandardItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

QPushButton *okButton(const AddJobsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

// The profile "p1" of the gateway at `baseUrl`.
GatewayProfile profileAt(const QUrl &baseUrl)
{
    GatewayProfile profile;
    profile.id = QStringLiteral("p1");
    profile.baseUrl = baseUrl;
    return profile;
}

// The simulated gateway (bifrost flavour) and a client of it with profileAt().
struct SimulatedGateway
{
    sim::GatewaySimulator simulator;
    QNetworkAccessManager nam;
    GatewayClient client{&nam};

    bool start()
    {
        if (!simulator.start(0))
            return false;
        client.setProfile(profileAt(simulator.baseUrl()));
        return true;
    }
};

} // namespace

class TestAddJobsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        UiLanguage::installPlurals(QCoreApplication::instance()); // "1 job", "2 jobs"
    }

    void classifiesEachPastedIdentifier_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("added");

        QTest::newRow("12-char id")
                << QStringLiteral("k3x9p2m7q1ab") << QStringLiteral("id") << true;
        QTest::newRow("AWS ARN") << QString::fromLatin1(kArn) << QStringLiteral("ARN") << true;
        QTest::newRow("China ARN") << QStringLiteral("arn:aws-cn:bedrock:cn-north-1:123456789012:"
                                                     "model-invocation-job/abcdefabcdef")
                                   << QStringLiteral("ARN") << true;
        QTest::newRow("gateway fake ARN")
                << QStringLiteral("arn:aws:bedrock:us-east-1:444444444444:batch:batch_67d3f1")
                << QStringLiteral("ARN") << true;
        QTest::newRow("provider id") << QStringLiteral("batch_67d3f1a2b4c5d6e7")
                                     << QStringLiteral("provider id") << true;
        QTest::newRow("quoted id")
                << QStringLiteral("\"k3x9p2m7q1ab\"") << QStringLiteral("id") << true;
        // Issue 10 item 2: what the gateway's own list returns is accepted, words are not.
        QTest::newRow("upper-case 12 chars")
                << QStringLiteral("K3X9P2M7Q1AB") << QStringLiteral("id") << true;
        QTest::newRow("word") << QStringLiteral("this") << QStringLiteral("invalid") << false;
        QTest::newRow("S3 ARN") << QStringLiteral("arn:aws:s3:::my-bucket/input.jsonl")
                                << QStringLiteral("invalid") << false;
        QTest::newRow("Anthropic id") << QStringLiteral("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d")
                                      << QStringLiteral("provider id") << true;
        QTest::newRow("not an AWS partition") << QStringLiteral("arn:gcp:bedrock:x:1:job/a")
                                              << QStringLiteral("invalid") << false;
        QTest::newRow("bad character")
                << QStringLiteral("job#1234") << QStringLiteral("invalid") << false;
        QTest::newRow("too short") << QStringLiteral("ab") << QStringLiteral("invalid") << false;
    }

    void classifiesEachPastedIdentifier()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, kind);
        QFETCH(bool, added);

        AddJobsDialog dialog({});
        dialog.setPastedText(pasted);
        const QStandardItemModel *model = dialog.classificationModel();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(rowText(model, 0, AddJobsDialog::KindColumn), kind);
        QCOMPARE(dialog.pastedIdentifiersToAdd().size(), added ? 1 : 0);
        QCOMPARE(okButton(dialog)->isEnabled(), added);
        if (!added) {
            // The reason is shown, not just "invalid".
            QVERIFY(rowText(model, 0, AddJobsDialog::NoteColumn).startsWith(u"Not added: "));
            QVERIFY(rowText(model, 0, AddJobsDialog::NoteColumn).size() > 12);
        }
    }

    void refusesWordsAndForeignArnsUnlessAddedAnyway()
    {
        // The exact paste of issue 10, an S3 ARN and a job: only the job is added by default;
        // "add anyway" is an explicit choice that takes the refused words as given. An S3 ARN
        // is never a job (issue 12): refused even then.
        AddJobsDialog dialog({});
        dialog.setPastedText(
                QStringLiteral("this is not a job id!!\narn:aws:s3:::my-bucket/in.jsonl\n")
                + QString::fromLatin1(kArn));
        QCOMPARE(dialog.pastedIdentifiersToAdd(), QStringList{QString::fromLatin1(kArn)});
        const QStandardItemModel *model = dialog.classificationModel();
        QVERIFY(rowText(model, 0, AddJobsDialog::NoteColumn).startsWith(u"Not added: "));
        auto *anyway = dialog.findChild<QCheckBox *>(QStringLiteral("addAnywayCheck"));
        QVERIFY(anyway);
        QVERIFY(!anyway->isHidden());
        QVERIFY(anyway->text().contains(u"6"));
        anyway->setChecked(true);
        const QStringList added = dialog.pastedIdentifiersToAdd();
        QCOMPARE(added.size(), 7);
        QVERIFY(!added.contains(QStringLiteral("arn:aws:s3:::my-bucket/in.jsonl")));
        QCOMPARE(rowText(model, 0, AddJobsDialog::KindColumn), QStringLiteral("as given"));

        // Nothing to force: no offer.
        dialog.setPastedText(QString::fromLatin1(kArn));
        QVERIFY(anyway->isHidden());
    }

    void mergesDuplicatesAndSaysHowOften()
    {
        AddJobsDialog dialog({});
        dialog.setPastedText(QStringLiteral("k3x9p2m7q1ab, k3x9p2m7q1ab;\nbatch_abc1234\n"
                                            "k3x9p2m7q1ab  batch_abc1234"));
        const QStandardItemModel *model = dialog.classificationModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(rowText(model, 0, AddJobsDialog::IdentifierColumn),
                 QStringLiteral("k3x9p2m7q1ab"));
        QCOMPARE(model->index(0, 0).data(AddJobsDialog::OccurrencesRole).toInt(), 3);
        QVERIFY(rowText(model, 0, AddJobsDialog::NoteColumn).contains(u"3 times"));
        QCOMPARE(model->index(1, 0).data(AddJobsDialog::OccurrencesRole).toInt(), 2);
        QCOMPARE(dialog.pastedIdentifiersToAdd(),
                 (QStringList{QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("batch_abc1234")}));
        QCOMPARE(okButton(dialog)->text(), QStringLiteral("&Watch 2 Jobs"));
        const QLabel *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY(summary->text().contains(u"3 duplicates merged"));
    }

    void marksAlreadyWatchedAndLeavesThemOut()
    {
        AddJobsDialog dialog({QStringLiteral("k3x9p2m7q1ab")});
        dialog.setPastedText(QStringLiteral("k3x9p2m7q1ab\nzzzzzzzzzzzz\n"));
        const QStandardItemModel *model = dialog.classificationModel();
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(model->index(0, 0).data(AddJobsDialog::AlreadyWatchedRole).toBool());
        QVERIFY(rowText(model, 0, AddJobsDialog::NoteColumn).contains(u"Already watched"));
        QCOMPARE(dialog.pastedIdentifiersToAdd(), QStringList{QStringLiteral("zzzzzzzzzzzz")});

        dialog.setPastedText(QStringLiteral("k3x9p2m7q1ab"));
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void marksJobsWatchedInAnotherFormAsAlreadyWatched()
    {
        AddJobsDialog dialog({QStringLiteral("k3x9p2m7q1ab")});
        dialog.setPastedText(QStringLiteral(
                "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab"));
        const QStandardItemModel *model = dialog.classificationModel();
        QVERIFY(model->index(0, 0).data(AddJobsDialog::AlreadyWatchedRole).toBool());
        QVERIFY(dialog.pastedIdentifiersToAdd().isEmpty());
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void mergesAnIdAndTheArnOfTheSameJob()
    {
        // Issue 10 item 1: one job is one row, also in the list of what will be added.
        AddJobsDialog dialog({});
        dialog.setPastedText(QStringLiteral(
                "abcdefabcdef\n"
                "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefabcdef\n"
                "q1w2e3r4t5y6"));
        QCOMPARE(dialog.pastedIdentifiersToAdd(),
                 (QStringList{QStringLiteral("abcdefabcdef"), QStringLiteral("q1w2e3r4t5y6")}));
        const QStandardItemModel *model = dialog.classificationModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, 0).data(AddJobsDialog::OccurrencesRole).toInt(), 2);
        QVERIFY2(model->index(0, 2).data().toString().contains(QStringLiteral("same job as")),
                 qPrintable(model->index(0, 2).data().toString()));
    }

    void classifiesWhileTyping()
    {
        AddJobsDialog dialog({});
        auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("pasteEdit"));
        QVERIFY(edit);
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("k3x9p2m7q1ab abcdefghijkl"));
        QTRY_COMPARE(dialog.classificationModel()->rowCount(), 2);
        QTRY_VERIFY(okButton(dialog)->isEnabled());
    }

    void opensWithThePasteFieldFocused()
    {
        // Ctrl+N and typing at once: the ids go in without a Tab first.
        AddJobsDialog dialog({});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("pasteEdit"));
        QTRY_COMPARE(QApplication::focusWidget(), edit);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("k3x9p2m7q1ab"));
        QTRY_COMPARE(dialog.classificationModel()->rowCount(), 1);
    }

    void acceptReturnsValidNewIdentifiersInOrder()
    {
        AddJobsDialog dialog({QStringLiteral("aaaaaaaaaaaa")});
        dialog.setPastedText(QStringLiteral("bbbbbbbbbbbb NO#PE aaaaaaaaaaaa cccccccccccc"));
        okButton(dialog)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.identifiersToAdd(),
                 (QStringList{QStringLiteral("bbbbbbbbbbbb"), QStringLiteral("cccccccccccc")}));
    }

    void ctrlReturnInThePasteBoxWatchesWhatWasPasted()
    {
        AddJobsDialog dialog({});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("pasteEdit"));
        QVERIFY(edit);
        edit->setFocus();
        // Return alone is a new line in the box, not "Watch".
        QTest::keyClicks(edit, QStringLiteral("k3x9p2m7q1ab"));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(edit, QStringLiteral("bbbbbbbbbbbb"));
        QTRY_VERIFY(okButton(dialog)->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.identifiersToAdd(),
                 (QStringList{QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("bbbbbbbbbbbb")}));
    }

    void loadsTextCsvAndJsonFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString txt = writeFile(dir, QStringLiteral("ids.txt"), "k3x9p2m7q1ab\r\nbatch_1\n");
        // An exported CSV: only its identifier column is read, not every field.
        const QString csv = writeFile(
                dir, QStringLiteral("export.csv"),
                "identifier,jobArn,jobName,status\r\n"
                "abcdefabcdef,\"arn:aws:bedrock:us-east-1:1:model-invocation-job/abcdefabcdef\","
                "\"nightly, eval\",Completed\r\n"
                "batch_zz,,other,Failed\r\n");
        const QString json = writeFile(dir, QStringLiteral("list.json"),
                                       QByteArray("{\"invocationJobSummaries\":[{\"jobArn\":\"")
                                               + kArn + "\",\"status\":\"InProgress\"}]}");
        QVERIFY(AddJobsDialog::isSupportedFile(csv));
        QVERIFY(!AddJobsDialog::isSupportedFile(dir.filePath(QStringLiteral("x.pdf"))));

        AddJobsDialog dialog({});
        QVERIFY(dialog.loadFiles({txt, csv, json}));
        // The JSON file's ARN names the job the text file named by its id: one job, added once.
        QCOMPARE(dialog.pastedIdentifiersToAdd(),
                 (QStringList{QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("batch_1"),
                              QStringLiteral("abcdefabcdef"), QStringLiteral("batch_zz")}));
    }

    void reportsAFileThatCannotBeRead()
    {
        AddJobsDialog dialog({});
        dialog.setPastedText(QStringLiteral("k3x9p2m7q1ab"));
        QVERIFY(!dialog.loadFiles({QStringLiteral("/nonexistent/ids.txt")}));
        const QLabel *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY(summary->text().contains(u"Could not read ids.txt"));
        // What was there stays.
        QCOMPARE(dialog.pastedIdentifiersToAdd(), QStringList{QStringLiteral("k3x9p2m7q1ab")});
    }

    void loadsFilesDroppedOnTheDialog()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("dropped.txt"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("k3x9p2m7q1ab\nabcdefabcdef\n");
        }
        AddJobsDialog dialog({});
        dialog.setCurrentTab(AddJobsDialog::DiscoverTab);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path),
                      QUrl::fromLocalFile(dir.filePath(QStringLiteral("picture.png")))});
        QCOMPARE(AddJobsDialog::droppableFiles(&mime), QStringList{path});

        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&dialog, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&dialog, &drop);
        QCOMPARE(dialog.currentTab(), AddJobsDialog::PasteTab);
        QCOMPARE(dialog.pastedIdentifiersToAdd(),
                 (QStringList{QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("abcdefabcdef")}));

        // On the paste field a file is read too, not pasted as its path.
        auto *paste = dialog.findChild<QPlainTextEdit *>(QStringLiteral("pasteEdit"));
        QDropEvent again(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(paste->viewport(), &again);
        QVERIFY(!dialog.pastedText().contains(QStringLiteral("dropped.txt")));
        QCOMPARE(dialog.classified().size(), 2); // the same two, merged

        // Other drags are left alone.
        QMimeData text;
        text.setText(QStringLiteral("k3x9p2m7q1ab"));
        QDragEnterEvent other(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        other.ignore();
        QCoreApplication::sendEvent(&dialog, &other);
        QVERIFY(!other.isAccepted());
    }

    void discoverIsUnavailableWithoutAGateway()
    {
        AddJobsDialog dialog({});
        dialog.setCurrentTab(AddJobsDialog::DiscoverTab);
        auto *list = dialog.findChild<QPushButton *>(QStringLiteral("listButton"));
        QVERIFY(!list->isEnabled());
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void discoverListsTheGatewaysJobsAndWatchesTheSelected()
    {
        sim::SimulatorOptions options;
        sim::GatewaySimulator simulator(options);
        QVERIFY2(simulator.start(0), qPrintable(simulator.errorString()));
        QNetworkAccessManager nam;
        GatewayClient client(&nam);
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.name = QStringLiteral("Simulator");
        profile.baseUrl = simulator.baseUrl();
        client.setProfile(profile);

        const QStringList arns = simulator.jobArns();
        QVERIFY(arns.size() >= 2);
        AddJobsDialog dialog({arns.constFirst()}, &client);
        dialog.setCurrentTab(AddJobsDialog::DiscoverTab);
        QSignalSpy finished(&dialog, &AddJobsDialog::discoverFinished);
        dialog.discover();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), true);
        while (dialog.canLoadMore()) {
            dialog.loadMore();
            QVERIFY(finished.wait(10000));
        }
        const QStandardItemModel *model = dialog.discoverModel();
        QVERIFY(model->rowCount() > 0);

        // The already watched job is listed but cannot be chosen.
        auto *view = dialog.findChild<QTableView *>(QStringLiteral("discoverView"));
        view->selectAll();
        const QStringList selected = dialog.selectedDiscoveredIdentifiers();
        QVERIFY(!selected.isEmpty());
        QVERIFY(!selected.contains(arns.constFirst()));
        QVERIFY(okButton(dialog)->isEnabled());
        okButton(dialog)->click();
        QCOMPARE(dialog.identifiersToAdd(), selected);
    }

    void discoverListsAsSoonAsTheTabIsOpened()
    {
        SimulatedGateway gw;
        QVERIFY(gw.start());

        AddJobsDialog dialog({}, &gw.client);
        QSignalSpy finished(&dialog, &AddJobsDialog::discoverFinished);
        QVERIFY(!dialog.isDiscovering());                 // the Paste tab asks nothing
        dialog.setCurrentTab(AddJobsDialog::DiscoverTab); // no button pressed
        QVERIFY(finished.wait(10000));
        QVERIFY(dialog.discoverModel()->rowCount() > 0);
    }

    void discoverTimeBoundsAreInclusiveAsInTheCli()
    {
        // ListQuery::matches, shared with `batchwatch-cli list` (tst_clilist checks the CLI):
        // a job submitted exactly at both bounds is listed.
        SimulatedGateway gw;
        QVERIFY(gw.start());

        AddJobsDialog dialog({}, &gw.client);
        QSignalSpy finished(&dialog, &AddJobsDialog::discoverFinished);
        dialog.setCurrentTab(AddJobsDialog::DiscoverTab);
        QVERIFY(finished.wait(10000));
        const QStandardItemModel *model = dialog.discoverModel();
        QVERIFY(model->rowCount() > 0);
        const QDateTime submitted = model->index(0, AddJobsDialog::SubmittedColumn)
                                            .data(AddJobsDialog::RawRole)
                                            .toDateTime();
        const QString arn = model->index(0, 0).data(AddJobsDialog::JobArnRole).toString();
        QVERIFY(submitted.isValid());
        auto *after = dialog.findChild<QDateTimeEdit *>(QStringLiteral("afterEdit"));
        auto *before = dialog.findChild<QDateTimeEdit *>(QStringLiteral("beforeEdit"));
        after->setDateTime(submitted.toLocalTime());
        before->setDateTime(submitted.toLocalTime());
        QCOMPARE(after->dateTime().toUTC(), submitted.toUTC());
        dialog.findChild<QCheckBox *>(QStringLiteral("afterCheck"))->setChecked(true);
        dialog.findChild<QCheckBox *>(QStringLiteral("beforeCheck"))->setChecked(true);
        finished.clear();
        dialog.discover();
        QVERIFY(finished.wait(10000));
        QStringList listed;
        for (int row = 0; row < model->rowCount(); ++row)
            listed << model->index(row, 0).data(AddJobsDialog::JobArnRole).toString();
        QVERIFY2(listed.contains(arn), qPrintable(listed.join(u' ')));
    }

    void discoverAppliesTheStatusFilterLocally()
    {
        SimulatedGateway gw;
        QVERIFY(gw.start());

        AddJobsDialog dialog({}, &gw.client);
        auto *status = dialog.findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(int(JobStatus::Completed)));
        QSignalSpy finished(&dialog, &AddJobsDialog::discoverFinished);
        dialog.discover();
        QVERIFY(finished.wait(10000));
        const QStandardItemModel *model = dialog.discoverModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->index(row, AddJobsDialog::StatusColumn)
                             .data(AddJobsDialog::JobStatusRole)
                             .toInt(),
                     int(JobStatus::Completed));
        }
    }

    void discoverListsEveryProviderOfTheProfile()
    {
        sim::GatewaySimulator simulator; // bifrost flavour: native routes for four providers
        QVERIFY2(simulator.start(0), qPrintable(simulator.errorString()));
        QNetworkAccessManager nam;
        GatewayClient client(&nam);
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.baseUrl = simulator.baseUrl();
        // acme: a provider the gateway refuses; the others are still listed.
        profile.providers
                = {QStringLiteral("bedrock"), QStringLiteral("openai"), QStringLiteral("anthropic"),
                   QStringLiteral("gemini"), QStringLiteral("acme")};
        client.setProfile(profile);
        JobMonitor monitor(&client, nullptr);
        monitor.useNativeSources(profile.providers);
        monitor.pause(); // nothing but the lists goes out

        QHash<QString, QStringList> expected; // ids by provider, as the native routes serve them
        for (const sim::NativeBatchInfo &b : simulator.nativeBatches())
            expected[b.provider] << b.id;
        QVERIFY(expected.value(QStringLiteral("openai")).size() >= 2);
        // Watched under other names: a Bedrock job by its 12-character id, an OpenAI batch by
        // its id.
        const QString bedrockId = simulator.jobIds().constFirst();
        const QString bedrockArn = simulator.jobArns().constFirst();
        const QString openaiId = expected.value(QStringLiteral("openai")).constFirst();
        monitor.watch({JobIdentifier::parse(bedrockId)});
        monitor.watch({JobIdentifier::parse(openaiId)}, QStringLiteral("openai"));

        AddJobsDialog dialog(&monitor);
        QSignalSpy finished(&dialog, &AddJobsDialog::discoverFinished);
        dialog.setCurrentTab(AddJobsDialog::DiscoverTab); // lists on opening
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), false); // acme

        const QStandardItemModel *model = dialog.discoverModel();
        QHash<QString, QStringList> listed;
        QHash<QString, bool> enabled;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, AddJobsDialog::ProviderColumn);
            const QString id = index.data(AddJobsDialog::JobArnRole).toString();
            listed[index.data(AddJobsDialog::ProviderRole).toString()] << id;
            enabled[id] = model->itemFromIndex(index)->isEnabled();
        }
        for (const QString &provider : {QStringLiteral("bedrock"), QStringLiteral("openai"),
                                        QStringLiteral("anthropic"), QStringLiteral("gemini")}) {
            QStringList got = listed.value(provider);
            QStringList want = expected.value(provider);
            got.sort();
            want.sort();
            QCOMPARE(got, want);
        }
        QVERIFY(!dialog.findChild<QTableView *>(QStringLiteral("discoverView"))
                         ->isColumnHidden(AddJobsDialog::ProviderColumn));
        QCOMPARE(model->index(0, AddJobsDialog::ProviderColumn).data().toString().isEmpty(), false);
        // Already watched, whatever form they were named in.
        QCOMPARE(enabled.value(bedrockArn), false);
        QCOMPARE(enabled.value(openaiId), false);
        const QLabel *status = dialog.findChild<QLabel *>(QStringLiteral("discoverStatusLabel"));
        QVERIFY2(status->text().contains(u"acme could not be listed"), qPrintable(status->text()));
        QVERIFY2(status->text().contains(u"OpenAI"), qPrintable(status->text()));

        auto *view = dialog.findChild<QTableView *>(QStringLiteral("discoverView"));
        view->selectAll();
        const QList<ParsedJob> chosen = dialog.selectedDiscoveredJobs();
        QCOMPARE(chosen.size(), model->rowCount() - 2);
        okButton(dialog)->click();
        QCOMPARE(dialog.discoveredJobsToAdd().size(), chosen.size());

        // Added, each row shows what its list said before its first poll.
        const QStringList added = monitor.watchListed(dialog.discoveredJobsToAdd());
        QCOMPARE(added.size(), chosen.size());
        const QString bedrockArn2 = simulator.jobArns().at(1);
        const std::optional<WatchedJob> bedrock = monitor.job(bedrockArn2);
        QVERIFY(bedrock);
        QVERIFY(!bedrock->fetchedAt.isNull());
        QCOMPARE(bedrock->job.providerOrBedrock(), QStringLiteral("bedrock"));
        QVERIFY(bedrock->job.status);
        QVERIFY(!bedrock->job.modelId.value_or(QString()).isEmpty()); // the list route's model
        QVERIFY(!bedrock->job.jobName.value_or(QString()).isEmpty());
        const QString gemini = expected.value(QStringLiteral("gemini")).constFirst();
        QVERIFY(monitor.job(gemini));
        QCOMPARE(monitor.job(gemini)->job.provider.value_or(QString()), QStringLiteral("gemini"));
        QVERIFY(monitor.job(gemini)->job.status);
    }

    void discoverShowsTheErrorWhenTheGatewayIsDown()
    {
        quint16 port = 0;
        {
            sim::GatewaySimulator simulator;
            QVERIFY(simulator.start(0));
            port = simulator.port();
        }
        QNetworkAccessManager nam;
        GatewayClient client(&nam);
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        profile.timeoutMs = 5000;
        client.setProfile(profile);
        AddJobsDialog dialog({}, &client);
        QSignalSpy finished(&dialog, &AddJobsDialog::discoverFinished);
        dialog.discover();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), false);
        const QLabel *status = dialog.findChild<QLabel *>(QStringLiteral("discoverStatusLabel"));
        QVERIFY2(status->text().contains(u"could not list jobs"), qPrintable(status->text()));
    }
};

QTEST_MAIN(TestAddJobsDialog)
#include "tst_addjobsdialog.moc"
