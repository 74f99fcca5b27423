// bench_idle: what the desktop app costs while it watches jobs, measured from outside.
//
// Starts the simulated gateway in this process (AWS flavour), writes a data directory whose one
// profile points at it and watches `--jobs` of its jobs, launches the real app on it
// (`batchwatch --data-dir DIR`, offscreen, its own HOME and XDG_CONFIG_HOME), lets it settle, then
// measures over `--seconds`: the app's CPU time (utime + stime from /proc/PID/stat) and every
// request the gateway received, by route.
//
//   bench_idle --app build/ci/src/app/batchwatch [--jobs N] [--seconds S] [--settle S]
//              [--max-settle S] [--active] [--flavour aws|bifrost]
//
// Without --active a second line tells the settling phase: when the last request before the
// window came (seconds after the app started), how many requests by route, and their rate.
//
// Default: every simulated job has ended (the simulator's clock is moved 60 days on), the idle
// case of issue 13: no request, < 1 % CPU. --active: only jobs that are still running are
// watched and the clock runs, so the numbers show what refreshing N active jobs costs (list
// walks vs one-by-one retrieves).
//
// Not a test: it asserts nothing and is not registered with CTest. Results and the exact
// command go to docs/PERFORMANCE.md.

#include "benchsupport.h"
#include "gatewaysimulator.h"
#include "simulatoroptions.h"
#include "store/jobstore.h"
#include "wire/gatewayprofile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

using namespace bw;
using namespace bw::bench;
using namespace bw::sim;

namespace {

// utime + stime of a process in clock ticks; -1 when it cannot be read.
qint64 cpuTicks(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong(); // fields 14 and 15
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QString routeOf(const QString &method, const QString &path)
{
    if (path == u"/health")
        return QStringLiteral("health");
    if (path.startsWith(u"/bedrock/model-invocation-jobs"))
        return QStringLiteral("list");
    if (path.startsWith(u"/bedrock/model-invocation-job/"))
        return method == u"POST" ? QStringLiteral("stop") : QStringLiteral("retrieve");
    if (path.startsWith(u"/v1/batches"))
        return QStringLiteral("native");
    return QStringLiteral("other");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The batchwatch app."),
                                       QStringLiteral("path"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Jobs to watch (default 1000)."),
                                        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Measured window (default 60)."),
                                           QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption settleOption(
            QStringLiteral("settle"),
            QStringLiteral("Seconds without a request before measuring (default 10)."),
            QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption maxSettleOption(
            QStringLiteral("max-settle"),
            QStringLiteral("Longest wait for the app to settle, in seconds (default 300)."),
            QStringLiteral("s"), QStringLiteral("300"));
    const QCommandLineOption activeOption(
            QStringLiteral("active"),
            QStringLiteral("Watch running jobs only, with the clock running; measure from start."));
    const QCommandLineOption flavourOption(
            QStringLiteral("flavour"),
            QStringLiteral("The simulated gateway: aws (default; full list entries) or bifrost "
                           "(sparse list entries)."),
            QStringLiteral("name"), QStringLiteral("aws"));
    const QCommandLineOption logOption(
            QStringLiteral("log"), QStringLiteral("Print every request of the window on stderr."));
    parser.addOptions({appOption, jobsOption, secondsOption, settleOption, maxSettleOption,
                       activeOption, flavourOption, logOption});
    parser.process(app);
    const QString appPath = parser.value(appOption);
    if (appPath.isEmpty() || !QFile::exists(appPath))
        fail(QStringLiteral("--app needs the path of the batchwatch executable"), 2);
    const int jobs = intOption(parser, jobsOption, 1, QStringLiteral("--jobs needs a number"), 2);
    const int seconds
            = intOption(parser, secondsOption, 1, QStringLiteral("--seconds needs a number"), 2);
    const int settle
            = intOption(parser, settleOption, 0, QStringLiteral("--settle needs a number"), 2);
    const int maxSettle = intOption(parser, maxSettleOption, 1,
                                    QStringLiteral("--max-settle needs a number"), 2);
    const bool active = parser.isSet(activeOption);

    // The gateway: enough jobs that `jobs` of them are in the wanted state.
    SimulatorOptions options;
    const auto flavour = flavourFromName(parser.value(flavourOption));
    if (!flavour || (*flavour != Flavour::Aws && *flavour != Flavour::Bifrost))
        fail(QStringLiteral("--flavour must be aws or bifrost"), 2);
    options.flavour = *flavour;
    options.jobCount = active ? jobs * 8 : jobs;
    options.speed = active ? 1.0 : 0.0;
    GatewaySimulator simulator(options);
    if (!active)
        simulator.advance(60 * 86400); // every job has ended by then
    if (!simulator.start())
        fail(simulator.errorString());
    QStringList watched;
    for (const QString &id : simulator.jobIds()) {
        const auto status = simulator.jobStatus(id);
        const bool terminal = status && Status::fromCode(*status).isTerminal();
        if (terminal != active && watched.size() < jobs)
            watched << id;
    }

    QTemporaryDir home;
    const QString dataDir = home.filePath(QStringLiteral("data"));
    {
        JobStore store;
        if (!store.open(dataDir))
            fail(store.lastError());
        GatewayProfile profile;
        profile.id = QStringLiteral("bench-idle");
        profile.name = QStringLiteral("Simulated gateway");
        profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(simulator.port()));
        profile.authMode = AuthMode::None;
        if (!store.saveProfile(profile) || !store.addWatched(profile.id, watched, kNow))
            fail(store.lastError());
    }

    QMap<QString, int> byRoute;
    int total = 0;
    // Requests while settling (before the window), by route, and when the last one came.
    QMap<QString, int> settlingByRoute;
    int settlingTotal = 0;
    qint64 lastSettlingRequestMs = 0;
    QElapsedTimer sinceStart;
    sinceStart.start();
    bool counting = false;
    bool heardAny = false;
    const bool log = parser.isSet(logOption);
    QElapsedTimer sinceLastRequest;
    sinceLastRequest.start();
    QObject::connect(&simulator, &GatewaySimulator::requestReceived,
                     [&](const QString &method, const QString &path) {
                         sinceLastRequest.restart();
                         heardAny = true;
                         if (!counting) {
                             ++settlingTotal;
                             ++settlingByRoute[routeOf(method, path)];
                             lastSettlingRequestMs = sinceStart.elapsed();
                             return;
                         }
                         if (log)
                             std::fprintf(stderr, "%s %s\n", qUtf8Printable(method),
                                          qUtf8Printable(path));
                         ++total;
                         ++byRoute[routeOf(method, path)];
                     });

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("share")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(appPath, {QStringLiteral("--data-dir"), dataDir});
    if (!process.waitForStarted())
        fail(QStringLiteral("could not start %1").arg(appPath));
    const qint64 pid = process.processId();

    // Settle: the first fetches (and the confirmation of terminal statuses) are over when the
    // gateway, having heard from the app, has heard nothing for `settle` seconds (loading ten
    // thousand jobs takes a while before the first request).
    QElapsedTimer waited;
    waited.start();
    waitMs(2000);
    if (!active) {
        while ((!heardAny || sinceLastRequest.elapsed() < settle * 1000)
               && waited.elapsed() < maxSettle * 1000LL)
            waitMs(500);
    }
    const qint64 settledMs = waited.elapsed();

    counting = true;
    const qint64 ticksBefore = cpuTicks(pid);
    QElapsedTimer window;
    window.start();
    waitMs(seconds * 1000);
    const qint64 ticksAfter = cpuTicks(pid);
    const double wall = window.elapsed() / 1000.0;
    counting = false;

    process.terminate();
    if (!process.waitForFinished(10000))
        process.kill();

    if (ticksBefore < 0 || ticksAfter < 0)
        fail(QStringLiteral("could not read /proc/%1/stat (did the app exit?)").arg(pid));
    const double cpu = double(ticksAfter - ticksBefore) / double(sysconf(_SC_CLK_TCK));
    std::printf("| %s %s | %lld | %.1f | %.0f | %.2f | %.2f %% | %d |",
                qUtf8Printable(flavourName(options.flavour)), active ? "active" : "idle",
                static_cast<long long>(watched.size()), settledMs / 1000.0, wall, cpu,
                100.0 * cpu / wall, total);
    QStringList routes;
    for (auto it = byRoute.cbegin(); it != byRoute.cend(); ++it)
        routes << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    std::printf(" %s |\n", qUtf8Printable(routes.isEmpty() ? QStringLiteral("-")
                                                           : routes.join(QStringLiteral(", "))));
    if (!active) {
        // The settling phase: requests until the last one before the window (the first fetches
        // and the confirmation of every terminal status), and their rate.
        QStringList settlingRoutes;
        for (auto it = settlingByRoute.cbegin(); it != settlingByRoute.cend(); ++it)
            settlingRoutes << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        const double busy = lastSettlingRequestMs / 1000.0;
        std::printf("settling: last request %.0f s after start%s; %d requests (%s), %.0f per "
                    "minute\n",
                    busy,
                    settledMs >= maxSettle * 1000LL ? " (not settled: --max-settle reached)" : "",
                    settlingTotal, qUtf8Printable(settlingRoutes.join(QStringLiteral(", "))),
                    busy > 0 ? settlingTotal * 60.0 / busy : 0.0);
    }
    return 0;
}
