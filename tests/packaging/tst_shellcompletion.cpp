// The shell completion of batchwatch-cli (completions/) as a user meets it: loaded into bash, zsh
// and fish and asked to complete a command line, it offers the commands, every option the
// command's --help lists (and none of another command's), the values of --format (for the
// command given), --route and --auth, the stored profile names, and the job ids the local store
// watches. The store is seeded the way the app's Profiles and Add jobs dialogs seed it; the
// profiles and ids come from the built batchwatch-cli, found through PATH as on an installed
// system. bash runs the completion function directly; zsh runs in a pseudo-terminal
// (zsh-complete.zsh); fish answers `complete -C`.

#include "store/jobstore.h"
#include "wire/gatewayprofile.h"

#include <QDateTime>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;

namespace {

const QString kArn = u"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abc123def456"_s;
const QString kCompletions = QStringLiteral(BATCHWATCH_COMPLETIONS_DIR);

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

} // namespace

class TstShellCompletion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void completes_data();
    void completes();
    void offersEveryCommandAndOptionOfHelp_data();
    void offersEveryCommandAndOptionOfHelp();

private:
    // What `shell` offers for `line` with the cursor at its end, sorted.
    QStringList complete(const QString &shell, const QString &line);
    QString run(const QString &program, const QStringList &arguments);
    // Adds one row per shell; `quoted` replaces `expected` for bash and zsh, which quote what
    // they insert, when given.
    void addRow(const char *name, const QString &line, const QStringList &expected,
                std::optional<QStringList> quoted = std::nullopt);

    QTemporaryDir m_dataDir;
};

void TstShellCompletion::initTestCase()
{
    for (const QString &shell : {u"bash"_s, u"zsh"_s, u"fish"_s}) {
        QVERIFY2(!QStandardPaths::findExecutable(shell).isEmpty(),
                 qPrintable(shell + u" is not installed (scripts/deps.sh installs it)"_s));
    }
    QVERIFY(m_dataDir.isValid());
    QVERIFY2(!m_dataDir.path().contains(u' '), qPrintable(m_dataDir.path()));
    JobStore store;
    QVERIFY2(store.open(m_dataDir.path()), qPrintable(store.lastError()));
    GatewayProfile prod;
    prod.id = u"p-prod"_s;
    prod.name = u"prod"_s;
    prod.baseUrl = QUrl(u"http://127.0.0.1:9"_s);
    QVERIFY2(store.saveProfile(prod), qPrintable(store.lastError()));
    GatewayProfile team;
    team.id = u"p-team"_s;
    team.name = u"Team gateway"_s;
    team.baseUrl = QUrl(u"http://127.0.0.1:9/bifrost"_s);
    QVERIFY2(store.saveProfile(team), qPrintable(store.lastError()));
    const QDateTime added = QDateTime::currentDateTimeUtc();
    QVERIFY2(store.addWatched(prod.id, {u"job-alpha"_s, u"job-beta"_s, kArn}, added),
             qPrintable(store.lastError()));
    QVERIFY2(store.addWatched(team.id, {u"job-team"_s}, added), qPrintable(store.lastError()));
}

QString TstShellCompletion::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString cliDir = QFileInfo(QStringLiteral(BATCHWATCH_CLI)).absolutePath();
    env.insert(u"PATH"_s, cliDir + u':' + env.value(u"PATH"_s));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        qWarning("%s did not finish", qPrintable(program));
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

QStringList TstShellCompletion::complete(const QString &shell, const QString &line)
{
    QString out;
    if (shell == u"bash"_s) {
        // What bash sets before calling a completion function; COMP_WORDBREAKS is its default.
        const QString script = uR"(source "$1" || exit 1
COMP_LINE=$2
COMP_POINT=${#2}
COMP_WORDBREAKS=$' \t\n"'"'"'><=;|&(:'
_batchwatch_cli || exit 1
printf '%s\n' "${COMPREPLY[@]}")"_s;
        out = run(u"bash"_s, {u"--norc"_s, u"--noprofile"_s, u"-c"_s, script, u"bash"_s,
                              kCompletions + u"/batchwatch-cli.bash"_s, line});
    } else if (shell == u"zsh"_s) {
        out = run(u"zsh"_s, {u"-f"_s, QStringLiteral(BATCHWATCH_ZSH_HARNESS), kCompletions, line,
                             m_dataDir.filePath(u"zcompdump"_s)});
    } else {
        // One candidate a line, its description after a tab.
        out = run(u"fish"_s,
                  {u"--no-config"_s, u"-c"_s, u"source $argv[1]; and complete -C $argv[2]"_s,
                   kCompletions + u"/batchwatch-cli.fish"_s, line});
        out.replace(QRegularExpression(u"\t[^\n]*"_s), QString());
    }
    return sorted(out.split(u'\n', Qt::SkipEmptyParts));
}

void TstShellCompletion::addRow(const char *name, const QString &line, const QStringList &expected,
                                std::optional<QStringList> quoted)
{
    for (const QString &shell : {u"bash"_s, u"zsh"_s, u"fish"_s}) {
        const QStringList want = shell != u"fish"_s && quoted ? *quoted : expected;
        QTest::addRow("%s: %s", qPrintable(shell), name) << shell << line << want;
    }
}

void TstShellCompletion::completes_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    const QString dir = u" --data-dir "_s + m_dataDir.path();

    addRow("commands", u"batchwatch-cli "_s,
           {u"export"_s, u"get"_s, u"list"_s, u"profiles"_s, u"results"_s, u"stop"_s,
            u"test-connection"_s, u"watch"_s});
    addRow("command prefix", u"batchwatch-cli te"_s, {u"test-connection"_s});
    addRow("options of list", u"batchwatch-cli list --s"_s,
           {u"--status"_s, u"--store"_s, u"--submitted-after"_s, u"--submitted-before"_s});
    addRow("options of watch", u"batchwatch-cli watch --a"_s, {u"--all"_s, u"--auth"_s});
    addRow("no option of another command", u"batchwatch-cli get --ma"_s, {u"--max-rate"_s});
    addRow("options after an id", u"batchwatch-cli export job-1 --o"_s,
           {u"--offline"_s, u"--output"_s});
    addRow("export formats", u"batchwatch-cli export --format "_s,
           {u"csv"_s, u"html"_s, u"json"_s, u"pdf"_s});
    addRow("report layouts", u"batchwatch-cli export --report "_s, {u"full"_s, u"summary"_s});
    addRow("results formats", u"batchwatch-cli results --format j"_s, {u"json"_s, u"jsonl"_s});
    addRow("format of a later command", u"batchwatch-cli stop --format "_s,
           {u"json"_s, u"table"_s});
    addRow("route", u"batchwatch-cli --route "_s, {u"auto"_s, u"plural"_s, u"singular"_s});
    addRow("auth", u"batchwatch-cli --auth "_s,
           {u"bearer"_s, u"header:"_s, u"none"_s, u"x-bf-vk"_s});
    addRow("profile names", u"batchwatch-cli"_s + dir + u" --profile "_s,
           {u"Team gateway"_s, u"prod"_s}, QStringList{u"Team\\ gateway"_s, u"prod"_s});
    addRow("ids of the profile given", u"batchwatch-cli"_s + dir + u" --profile prod get "_s,
           {kArn, u"job-alpha"_s, u"job-beta"_s});
    addRow("ids of every profile", u"batchwatch-cli"_s + dir + u" stop job-"_s,
           {u"job-alpha"_s, u"job-beta"_s, u"job-team"_s});
    addRow("no ids for list", u"batchwatch-cli"_s + dir + u" list job-"_s, {});
    addRow("no ids without a store",
           u"batchwatch-cli --data-dir "_s + m_dataDir.filePath(u"none"_s) + u" get job-"_s, {});

    // bash alone: it splits words at '=' and ':', and fish and zsh complete lists differently.
    QTest::addRow("bash: format with =")
            << u"bash"_s << u"batchwatch-cli get --format=c"_s << QStringList{u"csv"_s};
    QTest::addRow("bash: second status of a list")
            << u"bash"_s << u"batchwatch-cli list --status Failed,Sto"_s
            << QStringList{u"Failed,Stopped"_s, u"Failed,Stopping"_s};
    QTest::addRow("bash: ARN after its last colon")
            << u"bash"_s
            << u"batchwatch-cli"_s + dir + u" watch arn:aws:bedrock:us-east-1:123456789012:mo"_s
            << QStringList{kArn.section(u':', -1)};
}

void TstShellCompletion::completes()
{
    QFETCH(QString, shell);
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    QCOMPARE(complete(shell, line), sorted(expected));
}

void TstShellCompletion::offersEveryCommandAndOptionOfHelp_data()
{
    QTest::addColumn<QString>("shell");
    for (const QString &shell : {u"bash"_s, u"zsh"_s, u"fish"_s})
        QTest::newRow(qPrintable(shell)) << shell;
}

void TstShellCompletion::offersEveryCommandAndOptionOfHelp()
{
    QFETCH(QString, shell);
    const QString cli = QStringLiteral(BATCHWATCH_CLI);
    const QString help = run(cli, {u"--help"_s});
    QStringList commands;
    bool inCommands = false;
    for (const QString &line : help.split(u'\n')) {
        if (line.startsWith(u"Commands:"_s)) {
            inCommands = true;
        } else if (inCommands && line.trimmed().isEmpty()) {
            break;
        } else if (inCommands) {
            commands.append(line.trimmed().section(u' ', 0, 0));
        }
    }
    QVERIFY2(commands.size() >= 8, qPrintable(help));
    QCOMPARE(complete(shell, u"batchwatch-cli "_s), sorted(commands));

    static const QRegularExpression option(u"^ {2,}(?:-\\w, )?(--[\\w-]+)"_s,
                                           QRegularExpression::MultilineOption);
    for (const QString &command : std::as_const(commands)) {
        const QStringList offered = complete(shell, u"batchwatch-cli "_s + command + u" --"_s);
        auto it = option.globalMatch(run(cli, {command, u"--help"_s}));
        int listed = 0;
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            ++listed;
            QVERIFY2(offered.contains(name),
                     qPrintable(u"%1 --help lists %2; the %3 completion does not offer it"_s.arg(
                             command, name, shell)));
        }
        QVERIFY2(listed > 10, qPrintable(command));
    }
}

QTEST_GUILESS_MAIN(TstShellCompletion)
#include "tst_shellcompletion.moc"
