// batchwatch-cli: the headless command line on the batchwatch core (PRODUCT.md §6).
// Composition only: read the command line, pick the application class, wire the session and
// the command together, run the event loop.

#include "clioptions.h"
#include "command.h"
#include "common/interrupthandler.h"
#include "console.h"
#include "gatewaysession.h"

#include "common/appidentity.h"
#include "wire/httptransport.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <QGuiApplication>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bw::cli;

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const ParseResult parsed = parseCommandLine(arguments);

    // libcurl's transport: a sixth of QNetworkAccessManager's CPU per request on Qt 6.4, and
    // keep-alive kept (docs/PERFORMANCE.md, "get 5,000 jobs"); BATCHWATCH_HTTP_TRANSPORT=qnam
    // chooses Qt's.
    bw::HttpTransport::setPreferredKind(bw::HttpTransport::Kind::Curl);
    // With it, Qt's own event dispatcher instead of GLib's: one eventfd write per loop turn
    // instead of one per posted event (a fifth of the write()s of a `get`). Not with Qt's
    // transport: its keep-alive is lost far more often then (861 connections, not 71, for
    // 5,000 requests).
    if (bw::HttpTransport::defaultKind() == bw::HttpTransport::Kind::Curl
        && !qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");

    // HTML and PDF reports paint with Qt Gui: only they get a QGuiApplication, headless unless
    // the caller chose a platform.
    std::unique_ptr<QCoreApplication> app;
    if (parsed.action == ParseResult::Action::Run && needsGuiApplication(parsed.options)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
    if (!app)
        app = std::make_unique<QCoreApplication>(argc, argv);
    // The app's organisation: the same settings file and data folder as the app.
    bw::AppIdentity::describeApplication(Console::programName());
    QCoreApplication::setApplicationVersion(QStringLiteral(BATCHWATCH_VERSION));

    Console console;
    switch (parsed.action) {
    case ParseResult::Action::Help:
        console.write(helpText(parsed.helpCommand));
        return ExitOk;
    case ParseResult::Action::Version:
        console.write(versionText() + u'\n');
        return ExitOk;
    case ParseResult::Action::Error:
        console.error(parsed.error);
        return ExitUsage;
    case ParseResult::Action::Run:
        break;
    }

    QNetworkAccessManager nam;
    auto session = std::make_unique<GatewaySession>(parsed.options.gateway, &nam);
    std::unique_ptr<Command> command = createCommand(parsed.options, session.get(), &console);

    bw::InterruptHandler interrupts;
    QObject::connect(&interrupts, &bw::InterruptHandler::interrupted, command.get(),
                     [&command] { command->interrupt(); });
    QObject::connect(command.get(), &Command::finished, app.get(),
                     [](int code) { QCoreApplication::exit(code); });

    session->prepare(command->needs(), [&command, &console](const QString &error) {
        if (!error.isEmpty()) {
            console.error(error);
            QCoreApplication::exit(ExitUsage);
            return;
        }
        command->start();
    });

    const int code = QCoreApplication::exec();
    // The command (and its monitor) goes before the session's client and store.
    command.reset();
    session.reset();
    console.flush();
    return code;
}
