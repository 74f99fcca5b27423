// The bash completion of batchwatch-cli (completions/batchwatch-cli.bash) as a user meets it:
// sourced into bash, asked to complete a command line, it offers the commands, every option the
// command's --help lists (and none of another command's), the values of --format (for the
// command given), --route, --auth and --status, the stored profile names, and the job ids the
// local store watches. The store is seeded the way the app's Profiles and Add jobs dialogs seed
// it; the ids come from the built batchwatch-cli, found through PATH as on an installed system.

#include "store/jobstore.h"
#include "wire/gatewayprofile.h"

#include <QDateTime>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;

namespace {

const QString kArn = u"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abc123def456"_s;

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TstBashCompletion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void completes_data();
    void completes();
    void offersEveryCommandAndOptionOfHelp();

private:
    // COMPREPLY for `line` with the cursor at its end, one entry per element.
    QStringList complete(const QString &line);
    QString run(const QString &program, const QStringList &arguments);

    QTemporaryDir m_dataDir;
};

void TstBashCompletion::initTestCase()
{
    QVERIFY(QFileInfo::exists(QStringLiteral(BATCHWATCH_BASH_COMPLETION)));
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

QString TstBashCompletion::run(const QString &program, const QStringList &arguments)
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

QStringList TstBashCompletion::complete(const QString &line)
{
    // What bash sets before calling a completion function; COMP_WORDBREAKS is bash's default.
    const QString script = uR"(source "$1" || exit 1
COMP_LINE=$2
COMP_POINT=${#2}
COMP_WORDBREAKS=$' \t\n"'"'"'><=;|&(:'
_batchwatch_cli || exit 1
printf '%s\n' "${COMPREPLY[@]}")"_s;
    const QString out = run(u"bash"_s, {u"--norc"_s, u"--noprofile"_s, u"-c"_s, script, u"bash"_s,
                                        QStringLiteral(BATCHWATCH_BASH_COMPLETION), line});
    QStringList replies = out.split(u'\n', Qt::SkipEmptyParts);
    return sorted(replies);
}

void TstBashCompletion::completes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    const QString dir = u" --data-dir "_s + m_dataDir.path();

    QTest::newRow("commands") << u"batchwatch-cli "_s
                              << QStringList{u"export"_s,          u"get"_s,     u"list"_s,
                                             u"profiles"_s,        u"results"_s, u"stop"_s,
                                             u"test-connection"_s, u"watch"_s};
    QTest::newRow("command prefix") << u"batchwatch-cli te"_s << QStringList{u"test-connection"_s};
    QTest::newRow("options of list")
            << u"batchwatch-cli list --s"_s
            << QStringList{u"--status"_s, u"--submitted-after"_s, u"--submitted-before"_s};
    QTest::newRow("no option of another command")
            << u"batchwatch-cli get --ma"_s << QStringList{u"--max-rate"_s};
    QTest::newRow("options after the ids")
            << u"batchwatch-cli export job-1 --o"_s << QStringList{u"--offline"_s, u"--output"_s};
    QTest::newRow("export formats") << u"batchwatch-cli export --format "_s
                                    << QStringList{u"csv"_s, u"html"_s, u"json"_s, u"pdf"_s};
    QTest::newRow("results formats")
            << u"batchwatch-cli results --format j"_s << QStringList{u"json"_s, u"jsonl"_s};
    QTest::newRow("format of a later command")
            << u"batchwatch-cli stop --format "_s << QStringList{u"json"_s, u"table"_s};
    QTest::newRow("format with =") << u"batchwatch-cli get --format=c"_s << QStringList{u"csv"_s};
    QTest::newRow("route") << u"batchwatch-cli --route "_s
                           << QStringList{u"auto"_s, u"plural"_s, u"singular"_s};
    QTest::newRow("auth") << u"batchwatch-cli --auth "_s
                          << QStringList{u"bearer"_s, u"header:"_s, u"none"_s, u"x-bf-vk"_s};
    QTest::newRow("second status of a list")
            << u"batchwatch-cli list --status Failed,Sto"_s
            << QStringList{u"Failed,Stopped"_s, u"Failed,Stopping"_s};
    QTest::newRow("profile names, quoted") << u"batchwatch-cli"_s + dir + u" --profile "_s
                                           << QStringList{u"Team\\ gateway"_s, u"prod"_s};
    QTest::newRow("ids of the profile given")
            << u"batchwatch-cli"_s + dir + u" --profile prod get "_s
            << QStringList{kArn, u"job-alpha"_s, u"job-beta"_s};
    QTest::newRow("ids of every profile")
            << u"batchwatch-cli"_s + dir + u" stop job-"_s
            << QStringList{u"job-alpha"_s, u"job-beta"_s, u"job-team"_s};
    // bash splits words at ':', so an ARN is completed after its last colon.
    QTest::newRow("ARN after a colon")
            << u"batchwatch-cli"_s + dir + u" watch arn:aws:bedrock:us-east-1:123456789012:mo"_s
            << QStringList{kArn.section(u':', -1)};
    QTest::newRow("no ids for list") << u"batchwatch-cli"_s + dir + u" list "_s << QStringList{};
    QTest::newRow("no ids without a store")
            << u"batchwatch-cli --data-dir "_s + m_dataDir.filePath(u"none"_s) + u" get "_s
            << QStringList{};
}

void TstBashCompletion::completes()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    QCOMPARE(complete(line), sorted(expected));
}

void TstBashCompletion::offersEveryCommandAndOptionOfHelp()
{
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
    QCOMPARE(complete(u"batchwatch-cli "_s), sorted(commands));

    static const QRegularExpression option(u"^ {2,}(?:-\\w, )?(--[\\w-]+)"_s,
                                           QRegularExpression::MultilineOption);
    for (const QString &command : std::as_const(commands)) {
        const QStringList offered = complete(u"batchwatch-cli "_s + command + u" --"_s);
        auto it = option.globalMatch(run(cli, {command, u"--help"_s}));
        int listed = 0;
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            ++listed;
            QVERIFY2(offered.contains(name),
                     qPrintable(u"%1 --help lists %2; the completion does not offer it"_s.arg(
                             command, name)));
        }
        QVERIFY2(listed > 10, qPrintable(command));
    }
}

QTEST_GUILESS_MAIN(TstBashCompletion)
#include "tst_bashcompletion.moc"
