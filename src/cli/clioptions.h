#pragma once

#include "tracking/pollpolicy.h"
#include "wire/gatewayprofile.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw::cli {

// The subcommands of batchwatch-cli (PRODUCT.md §6).
enum class CommandKind { Get, List, Watch, Stop, Export, Profiles, TestConnection, Results };

QString commandName(CommandKind command); // "get", "list", ...
std::optional<CommandKind> commandFromName(const QString &name);
QList<CommandKind> allCommands();

// What a command writes. Table, Json and Csv for get/list/profiles, Table and Json for stop,
// Json only for watch (JSON lines); Json, Csv, Html and Pdf for export.
enum class OutputFormat { Table, Json, Csv, Html, Pdf };

QString outputFormatKey(OutputFormat format); // "table", "json", "csv", "html", "pdf"
std::optional<OutputFormat> outputFormatFromKey(const QString &key);

// Where the gateway comes from and how to talk to it. Either `gatewayUrl` (an ad-hoc profile)
// or `profileName` (a stored profile) is set, never both; the parser checks that. Secrets are
// never part of the options: `tokenEnv` names the environment variable that holds one.
struct GatewayOptions
{
    QString gatewayUrl;  // --gateway
    QString profileName; // --profile
    QString tokenEnv;    // --token-env
    std::optional<AuthMode> auth;
    QString customHeaderName; // with --auth header:NAME
    std::optional<RouteStyle> route;
    // --provider: lower case, valid `?provider=` tokens, no duplicates; empty when not given.
    // More than one only for list (the parser checks that).
    QStringList providers;
    std::optional<int> timeoutMs;
    std::optional<double> maxRate; // --max-rate: requests per second to the gateway, 0 = none
    QString dataDir;               // --data-dir; empty: not given
};

// Every option of one invocation, already validated (types, ranges, combinations).
struct CliOptions
{
    CommandKind command = CommandKind::Get;
    GatewayOptions gateway;
    OutputFormat format = OutputFormat::Table;
    bool formatGiven = false;

    // get, watch, stop, export: identifiers as typed (positional arguments, in order), and
    // --from-file ("-" is standard input). Parsed and classified by the command.
    QStringList identifiers;
    QString fromFile;

    // list
    QString status;
    QString nameContains;
    std::optional<int> max;
    std::optional<QDateTime> submittedAfter; // UTC
    std::optional<QDateTime> submittedBefore;

    // watch
    bool untilTerminal = false;
    std::optional<Millis> interval;
    Millis giveUpAfter{120'000};

    // stop
    bool yes = false;

    // export, watch: every watched job of the profile in the store
    bool all = false;
    QString outputPath; // "-" is standard output
    bool offline = false;
    bool summaryReport = false; // --report summary: HTML/PDF with the summary table only

    // results (--format jsonl sets format Json and jsonLines)
    bool failedOnly = false;
    bool jsonLines = false;
    std::optional<qint64> maxBytes;

    bool readsStdin() const { return fromFile == QLatin1String("-"); }
};

// Result of reading the command line.
struct ParseResult
{
    enum class Action {
        Run,     // `options` holds a valid invocation
        Help,    // print helpText(helpCommand) on stdout, exit 0
        Version, // print the version on stdout, exit 0
        Error,   // print `error` (one line) on stderr, exit 2
    };

    Action action = Action::Error;
    CliOptions options;
    std::optional<CommandKind> helpCommand; // Help: the command asked about, if any
    QString error;
};

// Reads `arguments` (arguments[0] is the program). Needs no QCoreApplication, so that main()
// can choose the application class (QGuiApplication for HTML/PDF exports) from the result.
ParseResult parseCommandLine(const QStringList &arguments);

// The --help text, as QCommandLineParser lays it out: the general one (no command) lists the
// commands; a command's one lists the global options and its own.
QString helpText(std::optional<CommandKind> command);

// "batchwatch-cli 0.1.0", as QCommandLineParser's --version prints it.
QString versionText();

// Whether this invocation must run under a QGuiApplication (HTML and PDF reports paint text
// and charts).
bool needsGuiApplication(const CliOptions &options);

} // namespace bw::cli
