// A team's headless pollers (issue 15): two `batchwatch-cli watch` processes on one profile of a
// shared PostgreSQL store, against the simulator. Only the holder of the gateway's lease polls;
// kill -9 it and the other takes over within the lease's bound, and the store's history neither
// loses nor repeats a status change. PostgreSQL only: skipped without BATCHWATCH_TEST_PG
// (scripts/pg-test-cluster.sh).

#include "clitestsupport.h"
#include "storebackend.h"
#include "temporaryhome.h"

#include "common/appsettings.h"
#include "store/jobstore.h"
#include "store/pollerlease.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

#include <csignal>
#include <memory>

using namespace bw;
using namespace bw::test;
using namespace Qt::StringLiterals;

class TstCliTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void killedPollerHandsOverWithoutLosingOrRepeatingAChange();
    void storeIsTheSameOptionAsDataDir();

private:
    std::unique_ptr<TemporaryHome> m_home;
    QString m_url;
};

void TstCliTeam::initTestCase()
{
    m_home = std::make_unique<TemporaryHome>();
    QVERIFY(m_home->isValid());
    // A poll of each job every 0.2 s (the floor would be 5 s).
    AppSettings settings;
    settings.setMinimumJobIntervalMilliseconds(100);
    settings.sync();
}

void TstCliTeam::init()
{
    if (QByteArray(QTest::currentTestFunction()) == "storeIsTheSameOptionAsDataDir")
        return;
    QString skip;
    m_url = storebackend::freshPostgres(&skip);
    if (m_url.isEmpty())
        QSKIP(qPrintable(skip));
}

void TstCliTeam::killedPollerHandsOverWithoutLosingOrRepeatingAChange()
{
    // Time stands still until the test moves it.
    auto simulator = startSimulator(sim::Flavour::Aws);
    QStringList ids;
    for (const QString &id : simulator->jobIds()) {
        const auto status = simulator->jobStatus(id);
        if (status && !Status::isTerminal(*status) && ids.size() < 6)
            ids << id;
    }
    QVERIFY(ids.size() >= 3);

    // Who asked: each process sends its own key.
    QStringList askedBy; // "a" or "b", in the order the gateway saw the requests
    connect(simulator.get(), &sim::GatewaySimulator::requestReceived, this,
            [&askedBy, &simulator](const QString &, const QString &path) {
                if (path == u"/health"_s)
                    return;
                for (const auto &[name, value] : simulator->lastRequest().headers) {
                    if (name.compare("x-bf-vk", Qt::CaseInsensitive) == 0)
                        askedBy << QString::fromLatin1(value.right(1));
                }
            });
    auto env = [](const QString &key) {
        QProcessEnvironment e;
        e.insert(u"BW_KEY"_s, key);
        e.insert(u"BATCHWATCH_LEASE_RETRY_MS"_s, u"200"_s);
        return e;
    };
    const QStringList common{u"--store"_s,     m_url,       u"--gateway"_s,  gatewayUrl(*simulator),
                             u"--token-env"_s, u"BW_KEY"_s, u"--interval"_s, u"0.2"_s,
                             u"--format"_s,    u"json"_s};

    auto first
            = std::make_unique<CliProcess>(QStringList{u"watch"_s} + ids + common, env(u"key-a"_s));
    QVERIFY2(first->waitForErrText("this process now polls the gateway"), first->errSoFar());
    QVERIFY2(first->waitForLines(int(ids.size())), first->errSoFar().constData());

    CliProcess second(QStringList{u"watch"_s, u"--all"_s, u"--until-terminal"_s} + common,
                      env(u"key-b"_s));
    QVERIFY2(second.waitForErrText("another client polls the gateway"), second.errSoFar());
    // The viewer follows the poller: its first lines come from the store.
    QVERIFY2(second.waitForLines(int(ids.size())), second.outSoFar());
    QVERIFY(!askedBy.contains(u"b"_s));

    // Queued jobs move on, the poller records it; then it dies mid-stride.
    simulator->advance(10 * 60);
    QVERIFY(second.waitForLines(int(ids.size()) + 1));
    // The viewer asked nothing while the poller lived. (Counting the poller's requests at the
    // kill would not do: the last ones it sent may still wait in the gateway's sockets, and are
    // seen only while the test waits for the takeover.)
    QVERIFY2(!askedBy.contains(u"b"_s), qPrintable(askedBy.join(u"")));
    QVERIFY(first->sendSignal(SIGKILL));
    first->finish();
    first.reset();

    QVERIFY2(second.waitForErrText("this process now polls the gateway",
                                   PollerLease::MaxRetryMs + 5'000),
             second.errSoFar());
    // Everything ends; the new poller sees it and exits with the worst outcome.
    simulator->advance(30 * 24 * 3600);
    const CliRun run = second.finish(30'000);
    QVERIFY2(run.finished, run.err.constData());
    QVERIFY2(run.exitCode >= 0 && run.exitCode != 1 && run.exitCode != 3, run.err.constData());

    // One poller at a time: the first process's requests, then the second's, never both.
    const qsizetype firstOfB = askedBy.indexOf(u"b"_s);
    QVERIFY2(firstOfB > 0, qPrintable(askedBy.join(u"")));
    QVERIFY2(!askedBy.mid(firstOfB).contains(u"a"_s), qPrintable(askedBy.join(u"")));

    // One history: each job's stored changes chain without a gap or a repeat, ending where the
    // gateway is now.
    JobStore store;
    QVERIFY2(store.open(m_url), qPrintable(store.lastError()));
    QString profileId;
    for (const GatewayProfile &p : store.profiles())
        profileId = p.id;
    QVERIFY(!profileId.isEmpty());
    for (const QString &id : std::as_const(ids)) {
        const QList<StatusTransition> history = store.transitions(profileId, id);
        QVERIFY2(!history.isEmpty(), qPrintable(id));
        for (qsizetype i = 1; i < history.size(); ++i) {
            QVERIFY2(history.at(i).from && *history.at(i).from == history.at(i - 1).to,
                     qPrintable(id + u": change %1 does not follow the one before"_s.arg(i)));
            QVERIFY2(history.at(i).to != history.at(i - 1).to, qPrintable(id));
        }
        QCOMPARE(history.constLast().to.raw(), Status::canonicalName(*simulator->jobStatus(id)));
    }
}

void TstCliTeam::storeIsTheSameOptionAsDataDir()
{
    // A data folder with one profile in it, named by either option.
    const QString dir = m_home->path() + u"/given-by-store"_s;
    {
        JobStore store;
        QVERIFY2(store.open(dir), qPrintable(store.lastError()));
        GatewayProfile p;
        p.id = u"team"_s;
        p.name = u"Team gateway"_s;
        p.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
        QVERIFY(store.saveProfile(p));
    }
    const CliRun viaStore = runCli({u"profiles"_s, u"--store"_s, dir, u"--format"_s, u"csv"_s});
    QVERIFY2(viaStore.finished && viaStore.exitCode == 0, viaStore.err.constData());
    QVERIFY2(viaStore.outText().contains(u"Team gateway"_s), viaStore.out.constData());
    const CliRun viaDataDir
            = runCli({u"profiles"_s, u"--data-dir"_s, dir, u"--format"_s, u"csv"_s});
    QCOMPARE(viaStore.out, viaDataDir.out);

    const CliRun both = runCli({u"profiles"_s, u"--store"_s, dir, u"--data-dir"_s, dir});
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.errText().contains(u"not both"_s), both.err.constData());
    const CliRun idsAndAll = runCli({u"watch"_s, u"--all"_s, u"abcdefghijkl"_s, u"--gateway"_s,
                                     u"http://127.0.0.1:1"_s, u"--store"_s, dir});
    QCOMPARE(idsAndAll.exitCode, 2);
    QVERIFY2(idsAndAll.errText().contains(u"--all"_s), idsAndAll.err.constData());
}

QTEST_GUILESS_MAIN(TstCliTeam)
#include "tst_cliteam.moc"
