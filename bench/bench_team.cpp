// bench_team: a team on one shared PostgreSQL store (issue 15).
//
// 1. Clients: for each client count (default 1, 5 and 20) a fresh simulator (AWS flavour, time
//    frozen) whose first --jobs active jobs (default 1,000) one profile watches in the store.
//    Every client is what a desktop runs: its own store connection (StoreWorker), access manager,
//    ProfileSession on the shared store (poller lease, LISTEN) and JobTableModel. Once one
//    client polls and the others view, it counts
//      - the gateway's requests per minute over --window seconds (the app's default polling
//        policy: bulk list walks, 15 s for running jobs), and
//      - the end-to-end latency of one change: the poller refreshes a job at the gateway (it is
//        asked at once rather than at its next due time, which the polling policy sets) and the
//        clock runs until EVERY client's model holds the new fetch (--samples times; median and
//        max). Polling waits add up to one poll interval on top of that in normal operation.
// 2. Store: one refresh of --refresh-jobs jobs (default 10,000: every job changes status, with
//    a transition and a progress sample) through JobStore::applyUpdates in one transaction, on
//    SQLite (a temporary folder) and on the PostgreSQL store; wall and client CPU time, and the
//    CPU time of the server's processes (those of --server-uid, read from /proc) meanwhile.
//
//   bench_team --store postgresql://USER@HOST:PORT/DATABASE [--clients 1,5,20] [--jobs 1000]
//              [--window 30] [--samples 10] [--refresh-jobs 10000] [--runs 3]
//              [--server-uid UID]
//
// The database must be one the bench may fill (it adds profiles "bench-team-N" and
// "bench-store"; the schema is created when missing). Prints the load average before and after.
// Not a test: it asserts nothing. Results and the exact command go to docs/PERFORMANCE.md.

#include "benchsupport.h"
#include "gatewaysimulator.h"
#include "models/jobtablemodel.h"
#include "store/jobstore.h"
#include "store/pollerlease.h"
#include "store/storeworker.h"
#include "tracking/profilesession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

#include <pwd.h>
#include <unistd.h>

using namespace bw;
using namespace bw::bench;
using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

// CPU time (ms) of every process owned by `uid` (the database server's), from /proc.
double cpuMsOfUid(uint uid)
{
    const double tick = double(sysconf(_SC_CLK_TCK));
    double total = 0;
    const QStringList pids
            = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool numeric = false;
        pid.toInt(&numeric);
        if (!numeric)
            continue;
        QFile status(u"/proc/"_s + pid + u"/status"_s);
        if (!status.open(QIODevice::ReadOnly))
            continue;
        bool mine = false;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Uid:")) {
                mine = line.mid(4).simplified().split(' ').value(0).toUInt() == uid;
                break;
            }
        }
        if (!mine)
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // Fields after the command (which may hold spaces): state is field 3; utime 14, stime 15.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 12)
            total += (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000.0 / tick;
    }
    return total;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// One desktop of the team.
struct Client
{
    Client(const QString &url, const GatewayProfile &profile)
    {
        QString error;
        if (!store.openBlocking(url, &error))
            fail(u"cannot open the store: "_s + error);
        ProfileSession::Options options;
        options.store = &store;
        options.sharedStore = url;
        options.nativeSources = false;
        session = std::make_unique<ProfileSession>(profile, &nam, options);
        JobMonitor *monitor = session->monitor();
        QObject::connect(monitor, &JobMonitor::jobsAdded, &model, &JobTableModel::upsertJobs);
        QObject::connect(monitor, &JobMonitor::jobsUpdated, &model, &JobTableModel::upsertJobs);
        QObject::connect(monitor, &JobMonitor::jobsRemoved, &model, &JobTableModel::removeJobs);
    }

    StoreWorker store;
    QNetworkAccessManager nam;
    JobTableModel model;
    std::unique_ptr<ProfileSession> session;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
}

void benchClients(const QString &url, int clients, int jobs, int windowS, int samples)
{
    sim::SimulatorOptions so;
    so.flavour = sim::Flavour::Aws;
    so.speed = 0;
    so.seed = 15;
    so.jobCount = std::max(8 * jobs, 100);
    so.epoch = kNow;
    sim::GatewaySimulator simulator(so);
    if (!simulator.start())
        fail(u"simulator: "_s + simulator.errorString());
    QStringList ids;
    QString sentinel;
    for (const QString &id : simulator.jobIds()) {
        const auto status = simulator.jobStatus(id);
        if (!status || Status::isTerminal(*status))
            continue;
        if (ids.size() < jobs)
            ids << id;
        if (sentinel.isEmpty() && *status == JobStatus::InProgress)
            sentinel = id;
    }
    if (!ids.contains(sentinel))
        ids.last() = sentinel;

    GatewayProfile profile;
    profile.id = QStringLiteral("bench-team-%1").arg(clients);
    profile.name = profile.id;
    profile.baseUrl = simulator.baseUrl();
    profile.routeStyle = RouteStyle::Singular;
    {
        JobStore seed;
        if (!seed.open(url) || !seed.removeProfile(profile.id) || !seed.saveProfile(profile)
            || !seed.addWatched(profile.id, ids, kNow))
            fail(u"cannot seed the store: "_s + seed.lastError());
    }

    Stopwatch whole;
    whole.start();
    std::vector<std::unique_ptr<Client>> team;
    for (int i = 0; i < clients; ++i) {
        team.push_back(std::make_unique<Client>(url, profile));
        team.back()->session->start();
    }
    auto poller = [&team]() -> Client * {
        for (const auto &c : team) {
            if (c->session->sharing() == ProfileSession::Sharing::Polling)
                return c.get();
        }
        return nullptr;
    };
    const bool settled = waitFor(
            [&] {
                int viewing = 0;
                for (const auto &c : team) {
                    viewing += c->session->sharing() == ProfileSession::Sharing::Viewing;
                    if (c->model.rowCount() != ids.size())
                        return false;
                }
                return poller() && viewing == clients - 1
                       && poller()->session->isInitialRefreshDone();
            },
            120'000);
    if (!settled)
        fail(QStringLiteral("%1 clients did not settle (one poller, every model full)")
                     .arg(clients));
    const double startMs = whole.wallMs();

    // Requests per minute, steady state.
    pause(2000);
    const int r0 = simulator.requestCount();
    Stopwatch window;
    window.start();
    pause(windowS * 1000);
    const double perMinute = (simulator.requestCount() - r0) * 60'000.0 / window.wallMs();
    const double windowCpu = window.cpuMs();

    // End to end: the poller fetches the sentinel; every client's model shows that fetch.
    QList<double> latencies;
    for (int k = 0; k < samples; ++k) {
        Client *p = poller();
        const QDateTime before = p->session->monitor()->job(sentinel)->fetchedAt;
        int seen = 0;
        QElapsedTimer t;
        double last = 0;
        std::vector<QMetaObject::Connection> watches;
        for (const auto &c : team) {
            auto done = std::make_shared<bool>(false);
            watches.push_back(QObject::connect(
                    c->session->monitor(), &JobMonitor::jobsUpdated, c->session.get(),
                    [&, done](const QList<WatchedJob> &updated) {
                        if (*done)
                            return;
                        for (const WatchedJob &w : updated) {
                            if (w.identifier == sentinel && w.fetchedAt > before) {
                                *done = true;
                                ++seen;
                                last = double(t.nsecsElapsed()) / 1e6;
                            }
                        }
                    },
                    Qt::QueuedConnection)); // after the model's own (direct) slot ran
        }
        simulator.advance(60);
        t.start();
        p->session->refreshNow({sentinel});
        if (!waitFor([&] { return seen == clients; }, 30'000))
            fail(QStringLiteral("sample %1: %2 of %3 clients saw the change")
                         .arg(k)
                         .arg(seen)
                         .arg(clients));
        for (const auto &c : watches)
            QObject::disconnect(c);
        latencies << last;
        pause(200);
    }
    std::sort(latencies.begin(), latencies.end());
    out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                     .arg(clients, 7)
                     .arg(ids.size(), 5)
                     .arg(perMinute, 12, 'f', 1)
                     .arg(median(latencies), 12, 'f', 1)
                     .arg(latencies.constLast(), 9, 'f', 1)
                     .arg(windowCpu / windowS, 14, 'f', 1)
                     .arg(startMs / 1000.0, 9, 'f', 1);
    out().flush();
    // The sessions go before their stores (Client's member order), the poller last.
    team.clear();
}

QList<JobUpdate> refreshOf(const QString &profileId, const QStringList &ids, int round)
{
    static const QStringList statuses{QStringLiteral("InProgress"), QStringLiteral("Stopping"),
                                      QStringLiteral("Completed")};
    QList<JobUpdate> updates;
    updates.reserve(ids.size());
    const QDateTime at = kNow.addSecs(60 * (round + 1));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        JobUpdate u;
        u.job.profileId = profileId;
        u.job.identifier = ids.at(i);
        u.job.fetchedAt = at;
        u.job.job.status = Status::fromString(statuses.at(round % statuses.size()));
        u.job.job.jobName = QStringLiteral("bench-job-%1").arg(i);
        StatusTransition t;
        if (round > 0)
            t.from = Status::fromString(statuses.at((round - 1) % statuses.size()));
        t.to = *u.job.job.status;
        t.observedAt = at;
        u.newTransitions = {t};
        ProgressSample s;
        s.at = at;
        s.total = 1000;
        s.processed = 100 * (round + 1);
        s.succeeded = s.processed;
        u.sample = s;
        updates.append(u);
    }
    return updates;
}

void benchStore(const QString &label, const QString &location, int jobs, int runs, uint serverUid)
{
    JobStore store;
    if (!store.open(location))
        fail(u"cannot open "_s + label + u": "_s + store.lastError());
    const QString profileId = QStringLiteral("bench-store");
    GatewayProfile profile;
    profile.id = profileId;
    profile.name = profileId;
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    QRandomGenerator rng(13);
    QStringList ids;
    for (int i = 0; i < jobs; ++i)
        ids << randomId(rng);
    if (!store.removeProfile(profileId) || !store.saveProfile(profile)
        || !store.addWatched(profileId, ids, kNow))
        fail(label + u": "_s + store.lastError());
    QList<double> wall;
    QList<double> cpu;
    QList<double> server;
    for (int round = 0; round < runs; ++round) {
        const QList<JobUpdate> updates = refreshOf(profileId, ids, round);
        const double server0 = serverUid ? cpuMsOfUid(serverUid) : 0;
        Stopwatch w;
        w.start();
        if (!store.applyUpdates(updates))
            fail(label + u": "_s + store.lastError());
        wall << w.wallMs();
        cpu << w.cpuMs();
        server << (serverUid ? cpuMsOfUid(serverUid) - server0 : 0);
    }
    store.removeProfile(profileId);
    out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                     .arg(label, -10)
                     .arg(jobs, 6)
                     .arg(median(wall), 10, 'f', 1)
                     .arg(median(cpu), 14, 'f', 1)
                     .arg(serverUid ? QString::number(median(server), 'f', 1) : QStringLiteral("-"),
                          14)
                     .arg(jobs * 1000.0 / median(wall), 10, 'f', 0);
    out().flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_team"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("postgresql:// URL"),
                                      QStringLiteral("url"));
    const QCommandLineOption clientsOpt(QStringLiteral("clients"),
                                        QStringLiteral("Client counts (comma-separated)"),
                                        QStringLiteral("list"), QStringLiteral("1,5,20"));
    const QCommandLineOption jobsOpt(QStringLiteral("jobs"), QStringLiteral("Active jobs"),
                                     QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption windowOpt(QStringLiteral("window"),
                                       QStringLiteral("Seconds of requests counted"),
                                       QStringLiteral("s"), QStringLiteral("30"));
    const QCommandLineOption samplesOpt(QStringLiteral("samples"),
                                        QStringLiteral("Latency samples per client count"),
                                        QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption refreshOpt(QStringLiteral("refresh-jobs"),
                                        QStringLiteral("Jobs of the store refresh (0: skip)"),
                                        QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Store refresh runs"),
                                     QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption uidOpt(QStringLiteral("server-uid"),
                                    QStringLiteral("Owner of the PostgreSQL server's processes "
                                                   "(default: the user postgres)"),
                                    QStringLiteral("uid"));
    parser.addOptions(
            {storeOpt, clientsOpt, jobsOpt, windowOpt, samplesOpt, refreshOpt, runsOpt, uidOpt});
    parser.process(app);
    const QString url = parser.value(storeOpt);
    if (!url.startsWith(QLatin1StringView("postgres")))
        fail(QStringLiteral("--store postgresql://USER@HOST:PORT/DATABASE is required"));
    const int jobs = intOption(parser, jobsOpt, 1, QStringLiteral("--jobs must be >= 1"));
    const int windowS = intOption(parser, windowOpt, 1, QStringLiteral("--window must be >= 1"));
    const int samples = intOption(parser, samplesOpt, 1, QStringLiteral("--samples must be >= 1"));
    const int refreshJobs = intOption(parser, refreshOpt, 0, QStringLiteral("--refresh-jobs >= 0"));
    const int runs = intOption(parser, runsOpt, 1, QStringLiteral("--runs must be >= 1"));
    uint serverUid = 0;
    if (parser.isSet(uidOpt)) {
        serverUid = parser.value(uidOpt).toUInt();
    } else if (const passwd *pw = getpwnam("postgres")) {
        serverUid = pw->pw_uid;
    }

    out() << "load average before: " << loadAverage() << "  (" << sysconf(_SC_NPROCESSORS_ONLN)
          << " CPUs)\n";
    out() << "lease retry interval: " << PollerLease::defaultRetryInterval() << " ms\n\n";
    out() << "clients  jobs  requests/min  median ms e2e  max ms  client cpu ms/s  start s\n";
    out().flush();
    for (const QString &n : parser.value(clientsOpt).split(u',', Qt::SkipEmptyParts)) {
        const int clients = n.trimmed().toInt();
        if (clients < 1)
            fail(QStringLiteral("--clients: \"%1\" is not a count").arg(n));
        benchClients(url, clients, jobs, windowS, samples);
    }
    if (refreshJobs > 0) {
        out() << "\nstore      jobs    median ms  client cpu ms  server cpu ms  jobs/s\n";
        QTemporaryDir dir;
        benchStore(QStringLiteral("sqlite"), dir.path(), refreshJobs, runs, 0);
        benchStore(QStringLiteral("postgresql"), url, refreshJobs, runs, serverUid);
    }
    out() << "\nload average after: " << loadAverage() << '\n';
    return 0;
}
