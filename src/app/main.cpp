// batchwatch — composition only: the application object, the one QNetworkAccessManager of the
// process, the command line, and the main window that takes it from there (LaunchOptions
// documents what the window does with each option).
#include "common/appidentity.h"
#include "common/interrupthandler.h"
#include "presentation/statuspresentation.h"
#include "presentation/uilanguage.h"
#include "store/jobstore.h"
#include "window/launchoptions.h"
#include "window/mainwindow.h"
#include "window/screenshot.h"

#include <QApplication>
#include <QNetworkAccessManager>

#include <cstdio>

namespace {

void describeApplication()
{
    bw::AppIdentity::describeApplication();
    QCoreApplication::setApplicationVersion(QStringLiteral(BATCHWATCH_VERSION));
}

// --help and --version print and quit: they must work without a display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

std::optional<bw::LaunchOptions> parseOrExit(int *exitCode)
{
    QString error;
    const std::optional<bw::LaunchOptions> options
            = bw::LaunchOptions::parse(QCoreApplication::arguments(), &error, exitCode);
    if (!options && !error.isEmpty())
        std::fprintf(stderr, "batchwatch: %s\n", qPrintable(error));
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    describeApplication();
    int exitCode = 0;
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        bw::UiLanguage::install(&app);
        parseOrExit(&exitCode);
        return exitCode;
    }

    QApplication app(argc, argv);
    // The system locale's language, or BATCHWATCH_LANG (e.g. "de", "en") to choose another.
    bw::UiLanguage::install(&app);
    QApplication::setApplicationDisplayName(QStringLiteral("batchwatch"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.batchwatch"));
    QApplication::setWindowIcon(bw::StatusPresentation::appIcon());
    std::optional<bw::LaunchOptions> options = parseOrExit(&exitCode);
    if (!options)
        return exitCode;
    // The one data folder the CLI uses too (README "Data").
    if (options->dataDirectory.isEmpty()) {
        QString error;
        bw::AppIdentity::adoptLegacyData(bw::JobStore::fileName(), &error);
        if (!error.isEmpty())
            std::fprintf(stderr, "batchwatch: %s\n", qPrintable(error));
        options->dataDirectory = bw::AppIdentity::dataDirectory();
    }

    QNetworkAccessManager nam;
    bw::MainWindow window(*options, &nam);
    // SIGTERM (the session ending, `systemctl --user stop`, `kill`) and SIGINT quit as File >
    // Quit does: the window and its stores close, so what the store holds is written.
    bw::InterruptHandler interrupts;
    QObject::connect(&interrupts, &bw::InterruptHandler::interrupted, &window, [&window] {
        window.close();            // its layout saved, as on File > Quit
        QCoreApplication::exit(0); // also out of an open dialog's loop
    });
    window.show();
    if (options->screenshotFile.isEmpty())
        return app.exec();

    // --screenshot: render once the data is shown, then quit with the outcome.
    bw::Screenshot screenshot(&window, *options);
    QObject::connect(&screenshot, &bw::Screenshot::finished, &app, [&](int code) {
        if (code != 0)
            std::fprintf(stderr, "batchwatch: %s\n", qPrintable(screenshot.errorString()));
        QCoreApplication::exit(code);
    });
    screenshot.start();
    return app.exec();
}
