#include "dialogs/exportdialog.h"
#include "export/csvexporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;

namespace {

const QDateTime kNow(QDate(2025, 3, 14), QTime(12, 0), QTimeZone::utc());

ExportInput sampleInput(int jobs)
{
    ExportInput input;
    input.profileName = QStringLiteral("Staging gateway");
    input.baseUrl = QUrl(QStringLiteral("https://gw.example/bifrost"));
    input.exportedAt = kNow;
    for (int i = 0; i < jobs; ++i) {
        ExportJob job;
        job.watched.profileId = QStringLiteral("p1");
        job.watched.identifier = QStringLiteral("job%1").arg(i, 9, 10, QLatin1Char('0'));
        job.watched.job.jobName = QStringLiteral("batch \"%1\", with comma").arg(i);
        job.watched.job.status = Status::fromCode(i % 2 ? JobStatus::Completed : JobStatus::Failed);
        job.watched.job.submitTime = kNow.addSecs(-3600 * (i + 1));
        job.watched.fetchedAt = kNow;
        StatusTransition t;
        t.to = *job.watched.job.status;
        t.observedAt = kNow;
        job.history << t;
        input.jobs << job;
    }
    return input;
}

// A provider that answers at once with `input`, recording the scope it was asked for.
ExportDialog::InputProvider immediate(const ExportInput &input,
                                      std::shared_ptr<QList<ExportDialog::Scope>> asked)
{
    return [input, asked](ExportDialog::Scope scope, QObject *,
                          std::function<void(ExportInput)> done) {
        asked->append(scope);
        done(input);
    };
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void writesAJsonFileThatParses()
    {
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        ExportDialog dialog(2, 5, immediate(sampleInput(5), asked));
        const QString path = m_dir.filePath(QStringLiteral("jobs.json"));
        dialog.setFormat(ExportFormat::Json);
        dialog.setScope(ExportDialog::Scope::FilteredView);
        dialog.setDestination(path);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(finished.wait(10000));
        QVERIFY(dialog.result().ok());
        QCOMPARE(dialog.result().jobCount, 5);
        QCOMPARE(dialog.QDialog::result(), int(QDialog::Accepted));
        QCOMPARE(*asked, QList<ExportDialog::Scope>{ExportDialog::Scope::FilteredView});

        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(path), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(u"profile").toObject().value(u"name").toString(),
                 QStringLiteral("Staging gateway"));
        const QJsonArray jobs = root.value(u"jobs").toArray();
        QCOMPARE(jobs.size(), 5);
        QCOMPARE(jobs.at(3).toObject().value(u"job").toObject().value(u"jobName").toString(),
                 QStringLiteral("batch \"3\", with comma"));
        QCOMPARE(jobs.at(0).toObject().value(u"history").toArray().size(), 1);
    }

    void offersToOpenTheFileOrItsFolderAfterwards()
    {
        // Issue 10 item 12: after an export, offer "Open" and "Show in folder".
        ExportResult result;
        result.outcome = ExportResult::Outcome::Written;
        result.path = m_dir.filePath(QStringLiteral("jobs.csv"));
        result.jobCount = 3;
        QList<QUrl> opened;
        QWidget parent;
        QPointer<QMessageBox> box
                = ExportDialog::offerToOpen(result, &parent, [&opened](const QUrl &url) {
                      opened.append(url);
                      return true;
                  });
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(QDir::toNativeSeparators(result.path)));
        auto *open = box->findChild<QPushButton *>(QStringLiteral("openExportButton"));
        auto *folder = box->findChild<QPushButton *>(QStringLiteral("showExportFolderButton"));
        QVERIFY(open && folder);
        QCOMPARE(open->text(), QStringLiteral("&Open"));
        folder->click();
        QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(m_dir.path())});
        box = ExportDialog::offerToOpen(result, &parent, [&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        box->findChild<QPushButton *>(QStringLiteral("openExportButton"))->click();
        QCOMPARE(opened.last(), QUrl::fromLocalFile(result.path));
        QTRY_VERIFY(!box); // closed and gone
    }

    void writesCsvWithTheDocumentedHeader()
    {
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        ExportDialog dialog(3, 3, immediate(sampleInput(3), asked));
        const QString path = m_dir.filePath(QStringLiteral("jobs.csv"));
        dialog.setFormat(ExportFormat::Csv);
        dialog.setScope(ExportDialog::Scope::Selection);
        dialog.setDestination(path);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(finished.wait(10000));
        QVERIFY(dialog.result().ok());
        QCOMPARE(*asked, QList<ExportDialog::Scope>{ExportDialog::Scope::Selection});
        const QString text = QString::fromUtf8(readAll(path));
        const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.constFirst().endsWith(CsvExporter::columns().join(u',')));
        QVERIFY(text.contains(QStringLiteral("\"batch \"\"1\"\", with comma\"")));
    }

    void scopeDefaultsFollowTheSelection()
    {
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        {
            ExportDialog dialog(3, 10, immediate({}, asked));
            QCOMPARE(dialog.scope(), ExportDialog::Scope::Selection);
        }
        {
            ExportDialog dialog(1, 10, immediate({}, asked));
            QCOMPARE(dialog.scope(), ExportDialog::Scope::FilteredView);
        }
        {
            ExportDialog dialog(0, 10, immediate({}, asked));
            QCOMPARE(dialog.scope(), ExportDialog::Scope::FilteredView);
            QVERIFY(!dialog.findChild<QRadioButton *>(QStringLiteral("selectionRadio"))
                             ->isEnabled());
        }
    }

    void suggestedNameFollowsTheFormat()
    {
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        ExportDialog dialog(1, 1, immediate({}, asked));
        dialog.suggestDestination(m_dir.path(), QStringLiteral("batchwatch-staging"));
        QCOMPARE(QDir::fromNativeSeparators(dialog.destination()),
                 m_dir.filePath(QStringLiteral("batchwatch-staging.json")));
        for (ExportFormat f : ExportDialog::availableFormats()) {
            dialog.setFormat(f);
            QVERIFY2(dialog.destination().endsWith(u'.' + exportFormatKey(f)),
                     qPrintable(dialog.destination()));
        }
        // A name the user chose keeps its base when the format changes.
        dialog.setDestination(m_dir.filePath(QStringLiteral("mine.csv")));
        dialog.setFormat(ExportFormat::Json);
        QCOMPARE(QDir::fromNativeSeparators(dialog.destination()),
                 m_dir.filePath(QStringLiteral("mine.json")));
    }

    void refusesAMissingFolderWithoutWriting()
    {
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        ExportDialog dialog(1, 1, immediate(sampleInput(1), asked));
        dialog.setDestination(m_dir.filePath(QStringLiteral("no/such/folder/jobs.json")));
        dialog.accept();
        QVERIFY(!dialog.isExporting());
        QVERIFY(asked->isEmpty());
        QVERIFY2(dialog.message().contains(QStringLiteral("does not exist")),
                 qPrintable(dialog.message()));
    }

    void asksBeforeReplacingAnExistingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("existing.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("previous");
        }
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        ExportDialog dialog(1, 1, immediate(sampleInput(1), asked));
        QStringList questions;
        bool answer = false;
        dialog.setOverwriteConfirmation([&](const QString &p) {
            questions << p;
            return answer;
        });
        dialog.setDestination(path);
        dialog.accept();
        QCOMPARE(questions, QStringList{path});
        QVERIFY(!dialog.isExporting());
        QCOMPARE(readAll(path), QByteArray("previous"));

        answer = true;
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(finished.wait(10000));
        QVERIFY(dialog.result().ok());
        QVERIFY(readAll(path).startsWith("{"));
    }

    void cancellingLeavesThePreviousFileUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("big.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("previous");
        }
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        ExportDialog dialog(0, 20000, immediate(sampleInput(20000), asked));
        dialog.setOverwriteConfirmation([](const QString &) { return true; });
        dialog.setProgressDelay(0);
        dialog.setDestination(path);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(dialog.isExporting());
        dialog.reject(); // Escape while exporting cancels, it does not close
        QVERIFY(finished.wait(30000));
        QCOMPARE(dialog.result().outcome, ExportResult::Outcome::Cancelled);
        QVERIFY(!dialog.isExporting());
        QVERIFY(dialog.message().contains(QStringLiteral("cancelled")));
        QCOMPARE(readAll(path), QByteArray("previous"));
        QVERIFY(dialog.QDialog::result() != QDialog::Accepted);
    }

    void cancellingWhileCollectingWritesNothing()
    {
        std::function<void(ExportInput)> pending;
        ExportDialog dialog(
                1, 1,
                [&pending](ExportDialog::Scope, QObject *, std::function<void(ExportInput)> done) {
                    pending = std::move(done);
                });
        const QString path = m_dir.filePath(QStringLiteral("late.json"));
        dialog.setDestination(path);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(dialog.isExporting());
        dialog.cancelExport();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(dialog.result().outcome, ExportResult::Outcome::Cancelled);
        pending(sampleInput(2)); // the jobs arrive too late: ignored
        QTest::qWait(50);
        QVERIFY(!QFile::exists(path));
    }

    void closingWhileCollectingIsSafe()
    {
        std::function<void(ExportInput)> pending;
        const QString path = m_dir.filePath(QStringLiteral("closed.json"));
        {
            ExportDialog dialog(1, 1,
                                [&pending](ExportDialog::Scope, QObject *,
                                           std::function<void(ExportInput)> done) {
                                    pending = std::move(done);
                                });
            dialog.setDestination(path);
            dialog.accept();
            QVERIFY(dialog.isExporting());
        } // destroyed while it waits for the jobs
        QVERIFY(!QFile::exists(path));
    }

    void okIsDisabledWithoutADestination()
    {
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        ExportDialog dialog(1, 1, immediate({}, asked));
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog.setDestination(m_dir.filePath(QStringLiteral("x.json")));
        QVERIFY(ok->isEnabled());
    }

    void offersTheSummaryTableForALargeReport()
    {
        // Issue 13: a report of more than 50 jobs asks "Summary table" or "Full report", summary
        // by default; JSON, CSV and small reports do not ask.
        auto asked = std::make_shared<QList<ExportDialog::Scope>>();
        const int many = kSummaryReportSuggestedAbove + 10;
        ExportDialog dialog(3, many, immediate(sampleInput(many), asked));
        dialog.show();
        auto *summary = dialog.findChild<QRadioButton *>(QStringLiteral("summaryRadio"));
        auto *full = dialog.findChild<QRadioButton *>(QStringLiteral("fullRadio"));
        QVERIFY(summary && full);

        dialog.setFormat(ExportFormat::Pdf);
        dialog.setScope(ExportDialog::Scope::FilteredView);
        QVERIFY(dialog.offersSummaryReport());
        QVERIFY(summary->isVisible() && full->isVisible());
        QVERIFY(summary->isChecked());
        QCOMPARE(dialog.reportLayout(), ReportLayout::Summary);

        // The scope's buttons and the report's are two separate choices.
        full->click();
        QVERIFY(full->isChecked());
        QCOMPARE(dialog.scope(), ExportDialog::Scope::FilteredView);
        QCOMPARE(dialog.reportLayout(), ReportLayout::Full);
        summary->click();

        // Three selected jobs: a full report, nothing to ask.
        dialog.setScope(ExportDialog::Scope::Selection);
        QVERIFY(!dialog.offersSummaryReport());
        QVERIFY(!summary->isVisible());
        QCOMPARE(dialog.reportLayout(), ReportLayout::Full);
        dialog.setScope(ExportDialog::Scope::FilteredView);
        dialog.setFormat(ExportFormat::Csv);
        QVERIFY(!dialog.offersSummaryReport());
        QVERIFY(!summary->isVisible());

        // The summary HTML report: every job's row, no job sections.
        dialog.setFormat(ExportFormat::Html);
        QVERIFY(summary->isVisible() && summary->isChecked());
        const QString path = m_dir.filePath(QStringLiteral("summary.html"));
        dialog.setDestination(path);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(finished.wait(10000));
        QVERIFY(dialog.result().ok());
        QCOMPARE(dialog.result().jobCount, many);
        const QString html = QString::fromUtf8(readAll(path));
        for (int i = 0; i < many; ++i)
            QVERIFY(html.contains(QStringLiteral(">batch &quot;%1&quot;, with comma<").arg(i)));
        QVERIFY(!html.contains(QStringLiteral("class=\"job\"")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
