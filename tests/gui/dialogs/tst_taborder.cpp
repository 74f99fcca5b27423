// Tab goes where the eye goes: in every dialog (and the welcome panel) the controls Tab visits,
// in order, are the visible ones in reading order — top to bottom, left to right, the dialog's
// buttons last in the order they are drawn — and no table keeps Tab to itself cell by cell.
// (The Profiles dialog's order is tested in tst_profilesdialog; the main window's and the
// Records tab's in tst_mainwindow and tst_recordstab.)
#include "common/appsettings.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/addjobsdialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/stopjobsdialog.h"
#include "window/welcomepanel.h"
#include "wire/gatewayclient.h"

#include "taborder.h"

#include <QDialogButtonBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace bw;
using namespace bw::test;

namespace {

// Lists compared as one line each, so that a failure shows both orders.
const QString kSeparator = QStringLiteral(", ");

// `expected` with "buttonBox" replaced by the button box's visible buttons, left to right.
QStringList withButtons(QWidget *root, QStringList expected)
{
    const int at = int(expected.indexOf(QStringLiteral("buttonBox")));
    auto *box = root->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    if (at < 0 || !box)
        return expected;
    QList<QAbstractButton *> buttons;
    for (QAbstractButton *b : box->buttons()) {
        if (b->isVisibleTo(root) && b->isEnabled())
            buttons << b;
    }
    std::sort(buttons.begin(), buttons.end(),
              [](QAbstractButton *a, QAbstractButton *b) { return a->x() < b->x(); });
    expected.removeAt(at);
    for (int i = 0; i < buttons.size(); ++i)
        expected.insert(at + i, tabStopName(buttons.at(i)));
    return expected;
}

void showAndSettle(QWidget *w)
{
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QCoreApplication::processEvents();
}

} // namespace

class TestTabOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The data paths are a label with links: reachable, between the facts and the buttons.
    void aboutDialog()
    {
        AboutDialog dialog;
        showAndSettle(&dialog);
        QCOMPARE(tabOrder(&dialog).join(kSeparator),
                 (withButtons(&dialog, names({"dataLabel", "aboutQtButton", "buttonBox"})))
                         .join(kSeparator));
    }

    void settingsDialog()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        SettingsDialog dialog(&settings);
        showAndSettle(&dialog);
        QCOMPARE(tabOrder(&dialog).join(kSeparator),
                 (withButtons(&dialog,
                              names({"runningSpin", "queuedSpin", "scheduledSpin", "unknownSpin",
                                     "backoffSpin", "concurrencySpin", "pauseCheck",
                                     "notifyCompletedCheck", "notifyPartialCheck",
                                     "notifyFailedCheck", "notifyStoppedCheck",
                                     "notifyExpiredCheck", "notifyExpiryWarningCheck", "expirySpin",
                                     "themeCombo", "retentionSpin", "buttonBox"})))
                         .join(kSeparator));
    }

    void addJobsDialogPasteTab()
    {
        AddJobsDialog dialog(QSet<QString>{});
        showAndSettle(&dialog);
        dialog.setCurrentTab(AddJobsDialog::PasteTab);
        // Something pasted, so that the classification table shows under the text field.
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("pasteEdit"))
                ->setPlainText(QStringLiteral("k3x9p2m7q1ab\nnot an id at all\n"));
        QCoreApplication::processEvents();
        QStringList expected
                = names({"tabs.tabs", "pasteEdit", "loadFileButton", "classificationView"});
        if (dialog.findChild<QWidget *>(QStringLiteral("addAnywayCheck"))->isVisibleTo(&dialog))
            expected << QStringLiteral("addAnywayCheck");
        expected << QStringLiteral("buttonBox");
        QCOMPARE(tabOrder(&dialog).join(kSeparator),
                 (withButtons(&dialog, expected)).join(kSeparator));
        QCOMPARE(viewsThatTrapTab(&dialog), QStringList());
    }

    void addJobsDialogDiscoverTab()
    {
        QNetworkAccessManager nam;
        GatewayClient client(&nam);
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.name = QStringLiteral("Nowhere");
        profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        client.setProfile(profile);
        AddJobsDialog dialog(QSet<QString>{}, &client);
        showAndSettle(&dialog);
        dialog.setCurrentTab(AddJobsDialog::DiscoverTab);
        QCoreApplication::processEvents();
        // The date fields are only editable once their box is ticked.
        for (const char *name : {"afterCheck", "beforeCheck"})
            dialog.findChild<QAbstractButton *>(QLatin1String(name))->setChecked(true);
        QCoreApplication::processEvents();
        QStringList expected = names({"tabs.tabs", "statusFilter", "nameFilter", "afterCheck",
                                      "afterEdit", "beforeCheck", "beforeEdit"});
        if (dialog.findChild<QWidget *>(QStringLiteral("listButton"))->isEnabled())
            expected << QStringLiteral("listButton");
        expected << QStringLiteral("discoverView");
        if (dialog.findChild<QWidget *>(QStringLiteral("loadMoreButton"))->isEnabled())
            expected << QStringLiteral("loadMoreButton");
        expected << QStringLiteral("buttonBox");
        QCOMPARE(tabOrder(&dialog).join(kSeparator),
                 (withButtons(&dialog, expected)).join(kSeparator));
        QCOMPARE(viewsThatTrapTab(&dialog), QStringList());
    }

    // Format, scope, the report's layout when offered, destination, then the buttons; with no
    // selection its choice is disabled and skipped.
    void exportDialog_data()
    {
        QTest::addColumn<int>("selected");
        QTest::addColumn<int>("format");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("json, selection") << 3 << int(ExportFormat::Json)
                                         << names({"formatCombo", "selectionRadio", "filteredRadio",
                                                   "destinationEdit", "browseButton", "buttonBox"});
        QTest::newRow("json, nothing selected")
                << 0 << int(ExportFormat::Json)
                << names({"formatCombo", "filteredRadio", "destinationEdit", "browseButton",
                          "buttonBox"});
        if (ExportDialog::availableFormats().contains(ExportFormat::Html)) {
            QTest::newRow("html, large")
                    << 3 << int(ExportFormat::Html)
                    << names({"formatCombo", "selectionRadio", "filteredRadio", "summaryRadio",
                              "fullRadio", "destinationEdit", "browseButton", "buttonBox"});
        }
    }

    void exportDialog()
    {
        QFETCH(int, selected);
        QFETCH(int, format);
        QFETCH(QStringList, expected);
        ExportDialog dialog(
                selected, kSummaryReportSuggestedAbove + 100,
                [](ExportDialog::Scope, QObject *, std::function<void(ExportInput)>) {});
        dialog.setFormat(ExportFormat(format));
        dialog.setScope(ExportDialog::Scope::FilteredView); // the large one: a report offers
                                                            // its summary
        showAndSettle(&dialog);
        QCOMPARE(tabOrder(&dialog).join(kSeparator),
                 (withButtons(&dialog, expected)).join(kSeparator));
    }

    void stopJobsDialog()
    {
        const QList<StopJobsDialog::Target> targets{
                {QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("nightly-eval"),
                 Status::fromCode(JobStatus::InProgress)},
                {QStringLiteral("p0o9i8u7y6t5"), QStringLiteral("weekly-summary"),
                 Status::fromCode(JobStatus::Scheduled)}};
        StopJobsDialog dialog(
                targets, [](const QStringList &, QObject *, StopJobsDialog::ResultCallback) {});
        showAndSettle(&dialog);
        QCOMPARE(tabOrder(&dialog).join(kSeparator),
                 (withButtons(&dialog, names({"jobsView", "buttonBox"}))).join(kSeparator));
    }

    void welcomePanel()
    {
        WelcomePanel panel;
        showAndSettle(&panel);
        QCOMPARE(tabOrder(&panel).join(kSeparator),
                 (names({"connectButton", "demoButton"})).join(kSeparator));
    }
};

QTEST_MAIN(TestTabOrder)
#include "tst_taborder.moc"
