#include "clioptions.h"

#include "wire/jobcodec.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

// The option set of the whole program. Every invocation is parsed with all of them, so that
// an option that takes a value never swallows the command name; afterwards each option that
// does not belong to the command is rejected by name.
struct Options
{
    // global
    QCommandLineOption help{{u"h"_s, u"help"_s}, u"Displays help on commandline options."_s};
    QCommandLineOption version{{u"v"_s, u"version"_s}, u"Displays version information."_s};
    QCommandLineOption gateway{u"gateway"_s,
                               u"Base URL of the gateway, e.g. http://localhost:8080 (may carry a "
                               "path prefix). Runs without a stored profile."_s,
                               u"url"_s};
    QCommandLineOption profile{u"profile"_s,
                               u"Use the stored profile with this name (or id), with its key from "
                               "the keychain."_s,
                               u"name"_s};
    QCommandLineOption tokenEnv{u"token-env"_s,
                                u"Read the gateway key from this environment variable. Keys are "
                                "never taken from the command line."_s,
                                u"var"_s};
    QCommandLineOption auth{u"auth"_s,
                            u"How the key is sent: x-bf-vk (default), bearer, header:NAME or "
                            "none."_s,
                            u"mode"_s};
    QCommandLineOption route{u"route"_s,
                             u"Retrieve route: auto (probe, default), plural or singular."_s,
                             u"style"_s};
    QCommandLineOption provider{
            u"provider"_s,
            u"Provider of the jobs: bedrock (default; the Bedrock-format "
            "routes) or another Bifrost provider (openai, anthropic, gemini, "
            "...; Bifrost's native /v1/batches routes, where stop cancels). "
            "One provider is also sent as x-model-provider. list and watch take "
            "several, comma-separated (default: the profile's providers); watch places each "
            "job by its id (msgbatch_..., batches/..., batch_..., a job ARN) or PROVIDER:ID."_s,
            u"provider"_s};
    QCommandLineOption timeout{u"timeout"_s, u"Request timeout in seconds (default 30)."_s,
                               u"seconds"_s};
    QCommandLineOption maxRate{u"max-rate"_s,
                               u"At most this many requests per second to the gateway (default: "
                               "the profile's request ceiling; 20 with --gateway; 0: no "
                               "ceiling). Requests over it wait their turn."_s,
                               u"per-second"_s};
    QCommandLineOption format{u"format"_s,
                              u"Output format: table (default), json or csv; watch: table (default "
                              "on a terminal) or json (default when piped); export: json, csv, "
                              "html or pdf."_s,
                              u"format"_s};
    QCommandLineOption dataDir{u"data-dir"_s,
                               u"Directory of the local store (batchwatch.sqlite), or a team's "
                               "shared store postgresql://USER@HOST:PORT/DATABASE (password in "
                               "~/.pgpass). Default: the GUI's data directory."_s,
                               u"dir"_s};
    QCommandLineOption store{u"store"_s,
                             u"The same as --data-dir (for a shared store: --store "
                             "postgresql://...)."_s,
                             u"dir|url"_s};

    // commands
    QCommandLineOption fromFile{u"from-file"_s,
                                u"Also read identifiers from this file (\"-\": standard input): "
                                "split on white space, commas, semicolons; JSON arrays too."_s,
                                u"file"_s};
    QCommandLineOption status{u"status"_s,
                              u"Only jobs in this status (comma-separated list allowed)."_s,
                              u"status"_s};
    QCommandLineOption nameContains{u"name-contains"_s,
                                    u"Only jobs whose name contains this text (any case)."_s,
                                    u"text"_s};
    QCommandLineOption max{u"max"_s, u"At most this many jobs (newest first)."_s, u"n"_s};
    QCommandLineOption submittedAfter{u"submitted-after"_s,
                                      u"Only jobs submitted at or after this time (ISO 8601; "
                                      "UTC unless it carries a zone)."_s,
                                      u"time"_s};
    QCommandLineOption submittedBefore{u"submitted-before"_s,
                                       u"Only jobs submitted at or before this time (ISO 8601)."_s,
                                       u"time"_s};
    QCommandLineOption untilTerminal{u"until-terminal"_s,
                                     u"Exit once every job has ended; the exit code tells the "
                                     "outcome."_s};
    QCommandLineOption interval{u"interval"_s,
                                u"Poll every this many seconds (fractions allowed, 0.01 to 86400) "
                                "instead of the per-status intervals; backoff still applies. No "
                                "job is polled more often than every 5 s (the app's setting "
                                "polling/minimumJobIntervalMilliseconds)."_s,
                                u"seconds"_s};
    QCommandLineOption giveUpAfter{u"give-up-after"_s,
                                   u"With --until-terminal: exit 3 when the gateway has not "
                                   "answered at all for this many seconds (default 120)."_s,
                                   u"seconds"_s};
    QCommandLineOption yes{{u"y"_s, u"yes"_s}, u"Do not ask for confirmation."_s};
    QCommandLineOption all{u"all"_s,
                           u"Every watched job of the profile in the store (without a store: "
                           "every job the gateway lists)."_s};
    QCommandLineOption output{{u"o"_s, u"output"_s},
                              u"Write the export to this file (\"-\": standard output)."_s,
                              u"file"_s};
    QCommandLineOption offline{u"offline"_s,
                               u"Export the last-known state from the store; no network."_s};
    QCommandLineOption report{u"report"_s,
                              u"HTML and PDF exports: full (default: the summary table, then "
                              "every job's own section or pages) or summary (the summary table "
                              "only: one row per job, fast for thousands of jobs)."_s,
                              u"full|summary"_s};
    QCommandLineOption failedOnly{u"failed-only"_s,
                                  u"Print the records that did not succeed (custom id, code, "
                                  "message), ready for resubmission."_s};
    QCommandLineOption maxBytes{u"max-bytes"_s,
                                u"Read at most this many bytes of results per batch (default "
                                "268435456, 256 MiB); the output says when the cap stopped it."_s,
                                u"bytes"_s};

    QList<const QCommandLineOption *> globals() const
    {
        return {&gateway, &profile, &tokenEnv, &auth,    &route, &provider,
                &timeout, &maxRate, &format,   &dataDir, &store};
    }
    QList<const QCommandLineOption *> commandOptions(CommandKind command) const
    {
        switch (command) {
        case CommandKind::Get:
            return {&fromFile};
        case CommandKind::List:
            return {&status, &nameContains, &max, &submittedAfter, &submittedBefore};
        case CommandKind::Watch:
            return {&fromFile, &all, &untilTerminal, &interval, &giveUpAfter};
        case CommandKind::Stop:
            return {&fromFile, &yes};
        case CommandKind::Export:
            return {&fromFile, &all, &output, &offline, &report};
        case CommandKind::Profiles:
        case CommandKind::TestConnection:
            return {};
        case CommandKind::Results:
            return {&failedOnly, &maxBytes};
        }
        return {};
    }
    QList<const QCommandLineOption *> everyOption() const
    {
        QList<const QCommandLineOption *> out = globals();
        for (CommandKind c : allCommands()) {
            for (const QCommandLineOption *o : commandOptions(c)) {
                if (!out.contains(o))
                    out.append(o);
            }
        }
        return out;
    }
};

constexpr std::pair<OutputFormat, QLatin1StringView> kFormatKeys[]{
        {OutputFormat::Table, QLatin1StringView("table")},
        {OutputFormat::Json, QLatin1StringView("json")},
        {OutputFormat::Csv, QLatin1StringView("csv")},
        {OutputFormat::Html, QLatin1StringView("html")},
        {OutputFormat::Pdf, QLatin1StringView("pdf")},
};

// Every command: its name, its line in the overview and its --help text.
struct CommandInfo
{
    CommandKind kind;
    QString name;
    QString summary;
    QString description;
};

const QList<CommandInfo> &commands()
{
    static const QList<CommandInfo> list{
            CommandInfo{CommandKind::Get, u"get"_s, u"get ID...                 fetch jobs now"_s,
                        u"Fetches jobs now and prints them in the order given. --provider P "
                        "other than bedrock reads /v1/batches/ID?provider=P.\nExit status: 0 "
                        "all fetched, 1 some failed, 2 usage error, 3 gateway unreachable."_s},
            CommandInfo{CommandKind::List, u"list"_s,
                        u"list                      the gateway's jobs, filtered"_s,
                        u"Lists the gateway's jobs (all pages, with the pagination safeguards); "
                        "the filters are applied locally too. Several providers (--provider "
                        "a,b; default: the profile's) are listed side by side and "
                        "merged.\nExit status: 0 listed, 1 the gateway refused (for any "
                        "provider), 2 usage error, 3 gateway unreachable."_s},
            CommandInfo{CommandKind::Watch, u"watch"_s,
                        u"watch ID...               follow jobs: a live table, or JSON lines "
                        "when piped"_s,
                        u"Polls jobs with the GUI's policy, through the routes of "
                        "--provider. With several providers (--provider a,b; default: the "
                        "profile's) each job goes to the one its id names (msgbatch_... "
                        "anthropic, batches/... gemini, batch_... openai, a job ARN bedrock), "
                        "or write PROVIDER:ID.\n--format table (the default on a terminal): one "
                        "row per "
                        "job, redrawn in place; failures go to stderr.\n--format json (the "
                        "default when stdout is not a terminal): every observed status change "
                        "is one JSON line on stdout: "
                        "{\"identifier\",\"from\"?,\"to\",\"observedAt\",\"job\"} (the first "
                        "line of a job has no \"from\" unless the store knew an earlier "
                        "status); progress and failures go to stderr.\nWith --until-terminal "
                        "the exit status tells the outcome (the worst of several jobs): 0 "
                        "Completed, 10 PartiallyCompleted, 11 Failed, 12 Stopped, 13 Expired, "
                        "1 a job cannot be watched (401/403/404...), 3 the gateway did not "
                        "answer for --give-up-after seconds.\n--all follows "
                        "every job the profile watches in the store, and jobs added to it while "
                        "running: the headless poller of a team (--store postgresql://...), "
                        "which polls only while it holds the gateway's lease and otherwise "
                        "follows the poller's changes."_s},
            CommandInfo{CommandKind::Stop, u"stop"_s,
                        u"stop ID...                stop jobs (asks first unless --yes)"_s,
                        u"Stops jobs; with --provider P other than bedrock, cancels P's batches "
                        "(/v1/batches/ID/cancel?provider=P). Processed records are charged. "
                        "Never retried.\nExit status: 0 all accepted, 1 some failed, 2 usage "
                        "error or not confirmed, 3 gateway unreachable."_s},
            CommandInfo{CommandKind::Export, u"export"_s,
                        u"export ID...|--all -o F   write a JSON, CSV, HTML or PDF export"_s,
                        u"Writes an export (atomically). Fetches the jobs first unless "
                        "--offline, which reads the last-known state from the store; --all "
                        "fetches each stored job through its own provider's route.\nThe "
                        "format comes from --format or the file's suffix. --report summary writes "
                        "an HTML or PDF report of the summary table only.\nExit status: 0 "
                        "written, 1 some jobs failed or the file could not be written, 2 usage "
                        "error, 3 gateway unreachable (nothing written)."_s},
            CommandInfo{CommandKind::Profiles, u"profiles"_s,
                        u"profiles                  the stored gateway profiles (never their "
                        "keys)"_s,
                        u"Lists the stored gateway profiles: name, id, URL, how the key is "
                        "sent, route, providers and the request ceiling (requests per second; "
                        "none or 0: no ceiling; --max-rate overrides it for one run). Keys are "
                        "never shown."_s},
            CommandInfo{CommandKind::TestConnection, u"test-connection"_s,
                        u"test-connection           is the gateway reachable, the key accepted?"_s,
                        u"Tests the profile (--profile or --gateway) as the Profiles dialog "
                        "does: /health, one list page, one retrieve. Says in words whether the "
                        "gateway is reachable, the key accepted, which route style answers and "
                        "how many jobs are visible.\nExit status: 0 the connection works, 1 "
                        "the gateway refused (key, route), 2 usage error or an unusable "
                        "profile, 3 gateway unreachable."_s},
            CommandInfo{CommandKind::Results, u"results"_s,
                        u"results ID...             per-record results: outcomes, error groups, "
                        "failures"_s,
                        u"Reads each batch's per-record results through Bifrost's native API "
                        "(/v1/batches/ID/results?provider=P; P is --provider, default "
                        "bedrock), streamed and capped by --max-bytes.\nWithout --failed-only: "
                        "a summary per batch (counts by outcome, error groups); table, json, "
                        "jsonl or csv (one row per error group).\n--failed-only: one line per "
                        "record that did not succeed (identifier, custom id, outcome, code, "
                        "message); jsonl (json is the same), csv or table.\nExit status: 0 "
                        "read (a note on stderr when capped), 1 some failed, 2 usage error, 3 "
                        "gateway unreachable."_s},
    };
    return list;
}

const CommandInfo &infoOf(CommandKind command)
{
    for (const CommandInfo &c : commands()) {
        if (c.kind == command)
            return c;
    }
    Q_UNREACHABLE();
    return commands().constFirst();
}

QString commandSummary(CommandKind command)
{
    return infoOf(command).summary;
}

QString commandDescription(CommandKind command)
{
    return infoOf(command).description;
}

void addOptions(QCommandLineParser &parser, const QList<const QCommandLineOption *> &options)
{
    for (const QCommandLineOption *o : options)
        parser.addOption(*o);
}

// The first line of a QCommandLineParser error, without the trailing full stop it may carry,
// so that our own one-line messages read alike.
QString firstLine(const QString &text)
{
    QString line = text.section(u'\n', 0, 0).trimmed();
    return line;
}

std::optional<double> parseSeconds(const QString &text, double min, double max)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max)
        return std::nullopt;
    return value;
}

std::optional<QDateTime> parseTime(const QString &text)
{
    if (auto t = JobCodec::parseTimestamp(text.trimmed()))
        return t;
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    return std::nullopt;
}

} // namespace

QString commandName(CommandKind command)
{
    return infoOf(command).name;
}

std::optional<CommandKind> commandFromName(const QString &name)
{
    for (const CommandInfo &c : commands()) {
        if (c.name == name)
            return c.kind;
    }
    return std::nullopt;
}

QList<CommandKind> allCommands()
{
    QList<CommandKind> out;
    for (const CommandInfo &c : commands())
        out.append(c.kind);
    return out;
}

QString outputFormatKey(OutputFormat format)
{
    for (const auto &[f, key] : kFormatKeys) {
        if (f == format)
            return QString(key);
    }
    return {};
}

std::optional<OutputFormat> outputFormatFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (const auto &[f, fKey] : kFormatKeys) {
        if (fKey == k)
            return f;
    }
    if (k == u"htm"_s)
        return OutputFormat::Html;
    return std::nullopt;
}

ParseResult parseCommandLine(const QStringList &arguments)
{
    ParseResult result;
    const Options o;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOption(o.help);
    parser.addOption(o.version);
    addOptions(parser, o.everyOption());

    auto fail = [&result](const QString &message) {
        result.action = ParseResult::Action::Error;
        result.error = message;
        return result;
    };

    if (!parser.parse(arguments))
        return fail(firstLine(parser.errorText()) + u" Try --help."_s);

    QStringList positional = parser.positionalArguments();
    std::optional<CommandKind> command;
    if (!positional.isEmpty()) {
        command = commandFromName(positional.constFirst());
        if (!command && !parser.isSet(o.help))
            return fail(u"unknown command \"%1\"; commands: get, list, watch, stop, export, "
                        "profiles. Try --help."_s.arg(positional.constFirst()));
        positional.removeFirst();
    }

    if (parser.isSet(o.help)) {
        result.action = ParseResult::Action::Help;
        result.helpCommand = command;
        return result;
    }
    if (parser.isSet(o.version)) {
        result.action = ParseResult::Action::Version;
        return result;
    }
    if (!command)
        return fail(u"no command given; commands: get, list, watch, stop, export, profiles. "
                    "Try --help."_s);

    CliOptions &opt = result.options;
    opt.command = *command;
    const QString name = commandName(*command);

    // Options of other commands.
    const QList<const QCommandLineOption *> mine = o.commandOptions(*command);
    const QList<const QCommandLineOption *> globals = o.globals();
    for (const QCommandLineOption *option : o.everyOption()) {
        if (parser.isSet(*option) && !mine.contains(option) && !globals.contains(option))
            return fail(u"--%1 is not an option of \"%2\". Try %2 --help."_s.arg(
                    option->names().constLast(), name));
    }

    // --- gateway ---------------------------------------------------------------------------
    GatewayOptions &gw = opt.gateway;
    if (parser.isSet(o.gateway)) {
        gw.gatewayUrl = parser.value(o.gateway).trimmed();
        // The Profiles dialog's rule (GatewayProfile::baseUrlProblem).
        const QString problem
                = GatewayProfile::baseUrlProblem(QUrl(gw.gatewayUrl, QUrl::StrictMode));
        if (!problem.isEmpty())
            return fail(u"--gateway: "_s + problem);
    }
    if (parser.isSet(o.profile)) {
        gw.profileName = parser.value(o.profile).trimmed();
        if (gw.profileName.isEmpty())
            return fail(u"--profile needs a profile name"_s);
    }
    if (!gw.gatewayUrl.isEmpty() && !gw.profileName.isEmpty())
        return fail(u"give either --gateway or --profile, not both"_s);
    if (parser.isSet(o.tokenEnv)) {
        gw.tokenEnv = parser.value(o.tokenEnv).trimmed();
        if (gw.tokenEnv.isEmpty() || gw.tokenEnv.contains(u'='))
            return fail(u"--token-env needs the name of an environment variable"_s);
    }
    if (parser.isSet(o.auth)) {
        const QString mode = parser.value(o.auth).trimmed();
        if (mode.compare(u"bearer"_s, Qt::CaseInsensitive) == 0) {
            gw.auth = AuthMode::Bearer;
        } else if (mode.compare(u"x-bf-vk"_s, Qt::CaseInsensitive) == 0) {
            gw.auth = AuthMode::VirtualKey;
        } else if (mode.compare(u"none"_s, Qt::CaseInsensitive) == 0) {
            gw.auth = AuthMode::None;
        } else if (mode.startsWith(u"header:"_s, Qt::CaseInsensitive)) {
            gw.auth = AuthMode::CustomHeader;
            gw.customHeaderName = mode.mid(7).trimmed();
            const QString problem = GatewayProfile::headerNameProblem(gw.customHeaderName);
            if (!problem.isEmpty())
                return fail(u"--auth header:NAME: "_s + problem);
        } else {
            return fail(u"--auth must be x-bf-vk, bearer, header:NAME or none"_s);
        }
        if (*gw.auth != AuthMode::None && gw.tokenEnv.isEmpty() && gw.profileName.isEmpty())
            return fail(
                    u"--auth %1 needs --token-env VAR (the key is read from the environment)"_s.arg(
                            mode));
    }
    if (parser.isSet(o.route)) {
        gw.route = routeStyleFromKey(parser.value(o.route).trimmed().toLower());
        if (!gw.route)
            return fail(u"--route must be auto, plural or singular"_s);
    }
    if (parser.isSet(o.provider)) {
        gw.providers = GatewayProfile::normalisedProviders(parser.value(o.provider).split(u','));
        if (gw.providers.isEmpty())
            return fail(u"--provider needs a provider name, e.g. bedrock or openai"_s);
        if (const QString problem = GatewayProfile::providersProblem(gw.providers);
            !problem.isEmpty())
            return fail(u"--provider: "_s + problem);
        if (gw.providers.size() > 1 && *command != CommandKind::List
            && *command != CommandKind::Watch)
            return fail(u"\"%1\" takes one --provider (only list and watch take several)"_s.arg(
                    commandName(*command)));
    }
    if (parser.isSet(o.timeout)) {
        const auto seconds = parseSeconds(parser.value(o.timeout), 0.1, 3600);
        if (!seconds)
            return fail(u"--timeout must be a number of seconds between 0.1 and 3600"_s);
        gw.timeoutMs = int(std::lround(*seconds * 1000));
    }
    if (parser.isSet(o.maxRate)) {
        bool ok = false;
        const double rate = parser.value(o.maxRate).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(rate) || rate < 0 || rate > 10000)
            return fail(u"--max-rate must be a number of requests per second between 0 and 10000 "
                        "(0: no ceiling)"_s);
        gw.maxRate = rate;
    }
    if (parser.isSet(o.dataDir) && parser.isSet(o.store))
        return fail(u"give --data-dir or --store, not both (they are one option)"_s);
    if (parser.isSet(o.dataDir) || parser.isSet(o.store)) {
        const bool isStore = parser.isSet(o.store);
        gw.dataDir = parser.value(isStore ? o.store : o.dataDir).trimmed();
        if (gw.dataDir.isEmpty())
            return fail(isStore ? u"--store needs a directory or a postgresql:// URL"_s
                                : u"--data-dir needs a directory"_s);
    }
    if (*command != CommandKind::Profiles && gw.gatewayUrl.isEmpty() && gw.profileName.isEmpty())
        return fail(u"no gateway: give --gateway URL or --profile NAME"_s);

    // --- format ----------------------------------------------------------------------------
    if (parser.isSet(o.format) && *command == CommandKind::Results
        && parser.value(o.format).trimmed().compare(u"jsonl"_s, Qt::CaseInsensitive) == 0) {
        opt.format = OutputFormat::Json;
        opt.formatGiven = true;
        opt.jsonLines = true;
    } else if (parser.isSet(o.format)) {
        const auto format = outputFormatFromKey(parser.value(o.format));
        if (!format)
            return fail(u"unknown --format \"%1\""_s.arg(parser.value(o.format).trimmed()));
        opt.format = *format;
        opt.formatGiven = true;
    }
    QList<OutputFormat> allowed;
    switch (*command) {
    case CommandKind::Get:
    case CommandKind::List:
    case CommandKind::Profiles:
        allowed = {OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv};
        break;
    case CommandKind::Stop:
    case CommandKind::TestConnection:
        allowed = {OutputFormat::Table, OutputFormat::Json};
        break;
    case CommandKind::Watch:
        // Without --format: a table on a terminal, JSON lines otherwise (WatchCommand decides).
        allowed = {OutputFormat::Table, OutputFormat::Json};
        break;
    case CommandKind::Export:
        allowed = {OutputFormat::Json, OutputFormat::Csv, OutputFormat::Html, OutputFormat::Pdf};
        break;
    case CommandKind::Results:
        allowed = {OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv};
        break;
    }
    if (opt.formatGiven && !allowed.contains(opt.format)) {
        QStringList keys;
        for (OutputFormat f : std::as_const(allowed))
            keys.append(outputFormatKey(f));
        return fail(u"\"%1\" supports --format %2"_s.arg(name, keys.join(u'|')));
    }

    // --- identifiers -----------------------------------------------------------------------
    const bool takesIds = *command == CommandKind::Get || *command == CommandKind::Watch
                          || *command == CommandKind::Stop || *command == CommandKind::Export
                          || *command == CommandKind::Results;
    if (!takesIds && !positional.isEmpty())
        return fail(u"\"%1\" takes no arguments (got \"%2\")"_s.arg(name, positional.constFirst()));
    opt.identifiers = positional;
    if (parser.isSet(o.fromFile)) {
        opt.fromFile = parser.value(o.fromFile);
        if (opt.fromFile.isEmpty())
            return fail(u"--from-file needs a file name or \"-\""_s);
    }

    if (*command == CommandKind::Watch && parser.isSet(o.all)) {
        opt.all = true;
        if (!opt.identifiers.isEmpty() || !opt.fromFile.isEmpty())
            return fail(u"give job ids or --all, not both"_s);
    }
    switch (*command) {
    case CommandKind::Get:
    case CommandKind::Watch:
    case CommandKind::Stop:
        if (opt.all)
            break;
        if (opt.identifiers.isEmpty() && opt.fromFile.isEmpty())
            return fail(u"\"%1\" needs at least one job id or ARN (or --from-file)"_s.arg(name));
        break;
    case CommandKind::List: {
        opt.status = parser.value(o.status).trimmed();
        if (parser.isSet(o.status) && opt.status.isEmpty())
            return fail(u"--status needs a status"_s);
        opt.nameContains = parser.value(o.nameContains);
        if (parser.isSet(o.max)) {
            bool ok = false;
            const int max = parser.value(o.max).trimmed().toInt(&ok);
            if (!ok || max < 1)
                return fail(u"--max must be a whole number of at least 1"_s);
            opt.max = max;
        }
        if (parser.isSet(o.submittedAfter)) {
            opt.submittedAfter = parseTime(parser.value(o.submittedAfter));
            if (!opt.submittedAfter)
                return fail(u"--submitted-after needs an ISO 8601 time such as "
                            "2025-03-14T09:00:00Z"_s);
        }
        if (parser.isSet(o.submittedBefore)) {
            opt.submittedBefore = parseTime(parser.value(o.submittedBefore));
            if (!opt.submittedBefore)
                return fail(u"--submitted-before needs an ISO 8601 time such as "
                            "2025-03-14T09:00:00Z"_s);
        }
        break;
    }
    case CommandKind::Results:
        if (opt.identifiers.isEmpty())
            return fail(u"\"results\" needs at least one batch id"_s);
        opt.failedOnly = parser.isSet(o.failedOnly);
        if (parser.isSet(o.maxBytes)) {
            bool ok = false;
            const qint64 bytes = parser.value(o.maxBytes).trimmed().toLongLong(&ok);
            if (!ok || bytes < 1)
                return fail(u"--max-bytes must be a whole number of bytes, at least 1"_s);
            opt.maxBytes = bytes;
        }
        break;
    case CommandKind::Export:
    case CommandKind::Profiles:
    case CommandKind::TestConnection:
        break;
    }

    if (*command == CommandKind::Watch) {
        opt.untilTerminal = parser.isSet(o.untilTerminal);
        if (parser.isSet(o.interval)) {
            const auto seconds = parseSeconds(parser.value(o.interval), 0.01, 86400);
            if (!seconds)
                return fail(u"--interval must be a number of seconds between 0.01 and 86400"_s);
            opt.interval = Millis(std::max<qint64>(10, std::llround(*seconds * 1000)));
        }
        if (parser.isSet(o.giveUpAfter)) {
            if (!opt.untilTerminal)
                return fail(u"--give-up-after only applies with --until-terminal"_s);
            const auto seconds = parseSeconds(parser.value(o.giveUpAfter), 0.1, 7 * 86400);
            if (!seconds)
                return fail(u"--give-up-after must be a number of seconds, at least 0.1"_s);
            opt.giveUpAfter = Millis(std::llround(*seconds * 1000));
        }
    }

    if (*command == CommandKind::Stop) {
        opt.yes = parser.isSet(o.yes);
        if (opt.readsStdin() && !opt.yes)
            return fail(u"stop with --from-file - cannot ask for confirmation on standard input; "
                        "add --yes"_s);
    }

    if (*command == CommandKind::Export) {
        opt.all = parser.isSet(o.all);
        opt.offline = parser.isSet(o.offline);
        if (opt.all && (!opt.identifiers.isEmpty() || !opt.fromFile.isEmpty()))
            return fail(u"give job ids or --all, not both"_s);
        if (!opt.all && opt.identifiers.isEmpty() && opt.fromFile.isEmpty())
            return fail(u"\"export\" needs job ids, --from-file or --all"_s);
        opt.outputPath = parser.value(o.output);
        if (opt.outputPath.isEmpty())
            return fail(u"\"export\" needs -o FILE (\"-\" for standard output)"_s);
        if (!opt.formatGiven) {
            const QString suffix = QFileInfo(opt.outputPath).suffix();
            const auto inferred = outputFormatFromKey(suffix);
            if (!inferred || !allowed.contains(*inferred))
                return fail(u"\"export\" needs --format json|csv|html|pdf (or a file name "
                            "ending in one of them)"_s);
            opt.format = *inferred;
        }
        if (parser.isSet(o.report)) {
            const QString layout = parser.value(o.report).trimmed().toLower();
            if (layout == u"summary"_s)
                opt.summaryReport = true;
            else if (layout != u"full"_s)
                return fail(u"--report must be full or summary"_s);
            if (opt.format != OutputFormat::Html && opt.format != OutputFormat::Pdf)
                return fail(u"--report applies to HTML and PDF exports only"_s);
        }
        if (opt.offline && gw.profileName.isEmpty() && gw.dataDir.isEmpty())
            return fail(u"--offline reads the store: give --profile NAME or --data-dir DIR"_s);
    }

    result.action = ParseResult::Action::Run;
    return result;
}

QString helpText(std::optional<CommandKind> command)
{
    const Options o;
    QCommandLineParser parser;
    parser.addOption(o.help);
    parser.addOption(o.version);
    addOptions(parser, o.globals());
    if (!command) {
        QStringList lines;
        lines << u"Headless batchwatch: fetch, list, watch, stop and export AWS Bedrock batch "
                 "jobs through a Bifrost (or AWS-compatible) gateway, and every other provider's "
                 "batches through Bifrost's native routes (--provider)."_s
              << QString() << u"Commands:"_s;
        for (CommandKind c : allCommands())
            lines << u"  "_s + commandSummary(c);
        lines << QString()
              << u"\"batchwatch-cli COMMAND --help\" describes a command. Every error is one line "
                 "on stderr; usage errors exit 2."_s;
        parser.setApplicationDescription(lines.join(u'\n'));
        parser.addPositionalArgument(u"command"_s, u"The command to run."_s,
                                     u"<command> [args...]"_s);
    } else {
        addOptions(parser, o.commandOptions(*command));
        parser.setApplicationDescription(commandDescription(*command));
        const QString name = commandName(*command);
        parser.addPositionalArgument(name, u"The command."_s);
        switch (*command) {
        case CommandKind::Get:
        case CommandKind::Watch:
        case CommandKind::Stop:
        case CommandKind::Export:
        case CommandKind::Results:
            parser.addPositionalArgument(u"ids"_s,
                                         u"Job ids, ARNs or provider ids (as many as you like)."_s,
                                         u"[ID...]"_s);
            break;
        case CommandKind::List:
        case CommandKind::Profiles:
        case CommandKind::TestConnection:
            break;
        }
    }
    return parser.helpText();
}

QString versionText()
{
    const QString app = QCoreApplication::instance() ? QCoreApplication::applicationName()
                                                     : u"batchwatch-cli"_s;
    return app + u' ' + QStringLiteral(BATCHWATCH_VERSION);
}

bool needsGuiApplication(const CliOptions &options)
{
    return options.command == CommandKind::Export
           && (options.format == OutputFormat::Html || options.format == OutputFormat::Pdf);
}

} // namespace bw::cli
