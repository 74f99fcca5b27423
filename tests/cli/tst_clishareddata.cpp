// The app and batchwatch-cli share one data folder and one settings file (README "Data"): what
// the app saves under a HOME, the CLI finds under the same HOME, and the CLI never leaves a
// database behind where nothing was saved.

#include "clitestsupport.h"
#include "temporaryhome.h"

#include "common/appidentity.h"
#include "common/appsettings.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

class TstCliSharedData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cliSeesTheProfilesTheAppSaved();
    void readingProfilesCreatesNoDatabase();
    void databaseOfAnOlderCliIsAdopted();
    void cliReadsTheAppsPollSettings();

private:
    QString databasePath() const
    {
        return QDir(AppIdentity::dataDirectory()).filePath(JobStore::fileName());
    }

    std::unique_ptr<TemporaryHome> m_home;
};

void TstCliSharedData::initTestCase()
{
    // The names the app gives itself in main(): JobStore::open() without a directory then uses
    // the app's own default location.
    AppIdentity::describeApplication();
}

void TstCliSharedData::init()
{
    m_home = std::make_unique<TemporaryHome>();
    QVERIFY(m_home->isValid());
}

void TstCliSharedData::cleanup()
{
    m_home.reset();
}

void TstCliSharedData::cliSeesTheProfilesTheAppSaved()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    {
        // What the Profiles dialog does, in the folder the app opens by default.
        JobStore store;
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.databasePath(), databasePath());
        GatewayProfile p;
        p.id = u"p-shared"_s;
        p.name = u"Team gateway"_s;
        p.baseUrl = QUrl(gatewayUrl(*simulator));
        QVERIFY2(store.saveProfile(p), qPrintable(store.lastError()));
    }

    const CliRun listed = runCli({u"profiles"_s, u"--format"_s, u"json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.errText()));
    const QJsonArray profiles = listed.json().value(u"profiles"_s).toArray();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.at(0).toObject().value(u"name"_s).toString(), u"Team gateway"_s);

    const QString id = simulator->jobIds().constFirst();
    const CliRun got
            = runCli({u"get"_s, id, u"--profile"_s, u"Team gateway"_s, u"--format"_s, u"json"_s});
    QVERIFY2(got.exitCode == 0, qPrintable(got.errText()));
    QVERIFY2(got.outText().contains(id), got.out.constData());
}

void TstCliSharedData::readingProfilesCreatesNoDatabase()
{
    const CliRun listed = runCli({u"profiles"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.errText()));
    QVERIFY2(listed.errText().contains(u"No profiles"_s), qPrintable(listed.errText()));
    QVERIFY2(!QFileInfo::exists(databasePath()), qPrintable(databasePath()));

    const CliRun named = runCli({u"get"_s, u"k3x9p2m7q1ab"_s, u"--profile"_s, u"Nowhere"_s});
    QCOMPARE(named.exitCode, 2);
    QVERIFY2(named.errText().contains(u"no profile named \"Nowhere\""_s),
             qPrintable(named.errText()));
    QVERIFY(!QFileInfo::exists(databasePath()));
    QVERIFY(!QFileInfo::exists(
            QDir(AppIdentity::legacyCliDataDirectory()).filePath(JobStore::fileName())));
}

void TstCliSharedData::databaseOfAnOlderCliIsAdopted()
{
    // batchwatch-cli up to 0.9 kept its database one folder up, without the organisation.
    const QString oldDir = AppIdentity::legacyCliDataDirectory();
    QVERIFY(oldDir.startsWith(m_home->path()));
    {
        JobStore store;
        QVERIFY2(store.open(oldDir), qPrintable(store.lastError()));
        GatewayProfile p;
        p.id = u"p-old"_s;
        p.name = u"Saved by the old CLI"_s;
        QVERIFY(store.saveProfile(p));
    }
    const CliRun listed = runCli({u"profiles"_s, u"--format"_s, u"json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.errText()));
    const QJsonArray profiles = listed.json().value(u"profiles"_s).toArray();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.at(0).toObject().value(u"name"_s).toString(), u"Saved by the old CLI"_s);
    QVERIFY(QFileInfo::exists(databasePath()));
    QVERIFY(!QFileInfo::exists(QDir(oldDir).filePath(JobStore::fileName())));

    // The app, opening its default folder, now sees it as well.
    JobStore store;
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    QCOMPARE(store.profiles().size(), 1);
}

void TstCliSharedData::cliReadsTheAppsPollSettings()
{
    // The app's settings say: retry a failed request after 300 ms (the default is 5 s).
    {
        AppSettings settings;
        QVERIFY2(settings.fileName().startsWith(m_home->configHome()),
                 qPrintable(settings.fileName()));
        settings.setBackoffInitialMilliseconds(300);
        settings.setMinimumJobIntervalMilliseconds(100); // below the retry: it is not the floor
        settings.sync();
    }
    // Nothing listens there: every poll fails and `watch` says when it retries.
    const CliRun run
            = runCli({u"watch"_s, u"k3x9p2m7q1ab"_s, u"--until-terminal"_s, u"--give-up-after"_s,
                      u"1"_s, u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(closedPort())});
    QCOMPARE(run.exitCode, 3);
    const QRegularExpressionMatch m
            = QRegularExpression(u"Retrying in ([0-9.]+) s"_s).match(run.errText());
    QVERIFY2(m.hasMatch(), qPrintable(run.errText()));
    const double seconds = m.captured(1).toDouble();
    QVERIFY2(seconds <= 0.4, qPrintable(run.errText())); // 300 ms, +-10 % jitter
}

QTEST_GUILESS_MAIN(TstCliSharedData)
#include "tst_clishareddata.moc"
