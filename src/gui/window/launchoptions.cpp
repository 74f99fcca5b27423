#include "window/launchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>

namespace bw {

namespace {
constexpr int kMinSide = 200;
constexpr int kMaxSide = 16384;
} // namespace

QStringList LaunchOptions::tabNames()
{
    // As JobDetailsPanel::tabNames().
    return {QStringLiteral("overview"), QStringLiteral("progress"), QStringLiteral("records"),
            QStringLiteral("timeline"), QStringLiteral("vpc"),      QStringLiteral("configuration"),
            QStringLiteral("history"),  QStringLiteral("raw")};
}

QStringList LaunchOptions::viewNames()
{
    return {QStringLiteral("jobs"), QStringLiteral("overview")};
}

std::optional<QSize> LaunchOptions::parseSize(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^\\s*(\\d{1,5})\\s*[xX]\\s*(\\d{1,5})\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int w = m.captured(1).toInt();
    const int h = m.captured(2).toInt();
    if (w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide)
        return std::nullopt;
    return QSize(w, h);
}

std::optional<LaunchOptions> LaunchOptions::parse(const QStringList &arguments,
                                                  QString *errorMessage, int *exitCode)
{
    const auto fail = [&](const QString &message) -> std::optional<LaunchOptions> {
        if (errorMessage)
            *errorMessage = message;
        if (exitCode)
            *exitCode = 2;
        return std::nullopt;
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Desktop monitor for AI batch-inference jobs (AWS Bedrock format, Bifrost "
                    "gateway)."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(
            QStringLiteral("demo"),
            QCoreApplication::translate("main", "Start the built-in demo gateway and show it."));
    const QCommandLineOption demoIfUnconfigured(
            QStringLiteral("demo-if-unconfigured"),
            QCoreApplication::translate("main",
                                        "Start the demo gateway when no profile exists yet."));
    const QCommandLineOption dataDir(
            QStringLiteral("data-dir"),
            QCoreApplication::translate("main", "Keep the database in <dir>."),
            QStringLiteral("dir"));
    const QCommandLineOption screenshot(
            QStringLiteral("screenshot"),
            QCoreApplication::translate("main", "Render the main window to <file> (PNG) and quit."),
            QStringLiteral("file"));
    const QCommandLineOption select(
            QStringLiteral("select"),
            QCoreApplication::translate("main", "Select the job <id> at start-up."),
            QStringLiteral("id"));
    const QCommandLineOption tab(
            QStringLiteral("tab"),
            QCoreApplication::translate("main", "Show the details tab <name>: %1.")
                    .arg(tabNames().join(QStringLiteral(", "))),
            QStringLiteral("name"));
    const QCommandLineOption size(
            QStringLiteral("size"),
            QCoreApplication::translate("main", "Window size in pixels, e.g. 1280x800."),
            QStringLiteral("WxH"));
    const QCommandLineOption view(
            QStringLiteral("view"),
            QCoreApplication::translate("main", "Show the view <name> at start-up: %1.")
                    .arg(viewNames().join(QStringLiteral(", "))),
            QStringLiteral("name"));
    parser.addOptions({demo, demoIfUnconfigured, dataDir, screenshot, select, tab, size, view});

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        if (exitCode)
            *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        std::fprintf(stdout, "%s %s\n", qPrintable(QCoreApplication::applicationName()),
                     qPrintable(QCoreApplication::applicationVersion()));
        if (exitCode)
            *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(QCoreApplication::translate("main", "Unexpected argument: %1")
                            .arg(parser.positionalArguments().constFirst()));
    }

    LaunchOptions options;
    options.demo = parser.isSet(demo);
    options.demoIfUnconfigured = parser.isSet(demoIfUnconfigured);
    options.dataDirectory = parser.value(dataDir);
    options.screenshotFile = parser.value(screenshot);
    options.selectIdentifier = parser.value(select).trimmed();
    if (parser.isSet(dataDir) && options.dataDirectory.isEmpty())
        return fail(QCoreApplication::translate("main", "--data-dir needs a directory."));
    if (parser.isSet(screenshot) && options.screenshotFile.isEmpty())
        return fail(QCoreApplication::translate("main", "--screenshot needs a file name."));
    // --tab / --view: lower case, one of `names`; `unknown` says otherwise (%1 the value, %2 the
    // names).
    const auto nameOf = [&parser](const QCommandLineOption &option, const QStringList &names,
                                  const QString &unknown, QString &name) -> std::optional<QString> {
        if (!parser.isSet(option))
            return std::nullopt;
        name = parser.value(option).trimmed().toLower();
        if (names.contains(name))
            return std::nullopt;
        return unknown.arg(parser.value(option), names.join(QStringLiteral(", ")));
    };
    if (const auto problem
        = nameOf(tab, tabNames(),
                 QCoreApplication::translate("main", "Unknown tab \"%1\"; use one of: %2."),
                 options.tab))
        return fail(*problem);
    if (const auto problem
        = nameOf(view, viewNames(),
                 QCoreApplication::translate("main", "Unknown view \"%1\"; use one of: %2."),
                 options.view))
        return fail(*problem);
    if (parser.isSet(size)) {
        options.size = parseSize(parser.value(size));
        if (!options.size) {
            return fail(QCoreApplication::translate(
                                "main", "Invalid --size \"%1\": use WIDTHxHEIGHT, each %2 to %3.")
                                .arg(parser.value(size))
                                .arg(kMinSide)
                                .arg(kMaxSide));
        }
    }
    if (exitCode)
        *exitCode = 0;
    return options;
}

} // namespace bw
