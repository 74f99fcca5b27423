// End to end: get, list, watch and stop with --provider other than bedrock, against the
// simulator's bifrost flavour (Bifrost's native /v1/batches routes): ids with a slash (Gemini's
// batches/…), mixed case (Anthropic's msgbatch_…), several providers in one list.

#include "clitestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::test;

namespace {

// The native batches of `provider` as the CLI lists them: id -> status.
QList<std::pair<QString, QString>> batchesOf(const sim::GatewaySimulator &simulator,
                                             const QString &provider)
{
    const CliRun run = runCli({u"list"_s, u"--provider"_s, provider, u"--format"_s, u"json"_s,
                               u"--gateway"_s, gatewayUrl(simulator)});
    QList<std::pair<QString, QString>> out;
    for (const QJsonValue &v : run.json().value(u"jobs"_s).toArray()) {
        const QJsonObject job = v.toObject();
        out.append({job.value(u"jobArn"_s).toString(), job.value(u"status"_s).toString()});
    }
    return out;
}

QString batchIn(const sim::GatewaySimulator &simulator, const QString &provider,
                const QString &status)
{
    for (const auto &[id, s] : batchesOf(simulator, provider)) {
        if (s == status)
            return id;
    }
    return {};
}

// `watch ARGS... --until-terminal --format json --data-dir DIR --gateway URL`
CliRun watchToTheEnd(const sim::GatewaySimulator &simulator, const QString &dataDir,
                     const QStringList &args)
{
    return runCli(QStringList{u"watch"_s} + args
                  + QStringList{u"--until-terminal"_s, u"--format"_s, u"json"_s, u"--data-dir"_s,
                                dataDir, u"--gateway"_s, gatewayUrl(simulator)});
}

} // namespace

class TstCliProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getReadsNativeRoute_data();
    void getReadsNativeRoute();
    void getTableAndCsvNameTheProvider();
    void listMergesSeveralProviders();
    void listKeepsOtherProvidersWhenOneFails();
    void stopCancelsNativeBatch_data();
    void stopCancelsNativeBatch();
    void watchFollowsNativeBatchUntilItEnds();
    void watchPlacesEachJobWithItsProviderAndExportAllFollows();
    void watchReportsAJobNoProviderOfTheRunFits();
    void bedrockStaysOnBedrockRoute();
    void usageErrors_data();
    void usageErrors();
};

void TstCliProviders::getReadsNativeRoute_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("typed"); // as the user types it
    QTest::addColumn<QString>("idPrefix");
    QTest::newRow("openai") << u"openai"_s << u"openai"_s << u"batch_"_s;
    QTest::newRow("anthropic, mixed-case id") << u"anthropic"_s << u"Anthropic"_s << u"msgbatch_"_s;
    QTest::newRow("gemini, id with a slash") << u"gemini"_s << u"GEMINI"_s << u"batches/"_s;
}

void TstCliProviders::getReadsNativeRoute()
{
    QFETCH(QString, provider);
    QFETCH(QString, typed);
    QFETCH(QString, idPrefix);
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const auto batches = batchesOf(*simulator, provider);
    QVERIFY(batches.size() >= 2);
    const QString first = batches.at(0).first;
    const QString second = batches.at(1).first;
    QVERIFY2(first.startsWith(idPrefix), qPrintable(first));
    if (provider == u"anthropic")
        QVERIFY(first != first.toLower()); // the mixed case the provider hands out

    const CliRun run = runCli({u"get"_s, first, second, u"--provider"_s, typed, u"--format"_s,
                               u"json"_s, u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const sim::RecordedRequest last = simulator->lastRequest();
    QVERIFY2(last.path.startsWith(u"/v1/batches/"_s), qPrintable(last.path));
    QVERIFY2(last.query.contains(u"provider="_s + provider), qPrintable(last.query));
    if (provider == u"gemini")
        QVERIFY2(last.path.contains(u"batches%2F"_s), qPrintable(last.path)); // one segment
    // One provider: x-model-provider says the same as ?provider=.
    bool headerAgrees = false;
    for (const auto &[name, value] : last.headers) {
        if (name.compare("x-model-provider", Qt::CaseInsensitive) == 0)
            headerAgrees = value == provider.toUtf8();
    }
    QVERIFY(headerAgrees);

    const QJsonArray jobs = run.json().value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).toObject().value(u"identifier"_s).toString(), first);
    QCOMPARE(jobs.at(1).toObject().value(u"identifier"_s).toString(), second);
    for (const QJsonValue &v : jobs) {
        const QJsonObject job = v.toObject().value(u"job"_s).toObject();
        QCOMPARE(job.value(u"provider"_s).toString(), provider);
        QVERIFY(!job.value(u"status"_s).toString().isEmpty());
    }
    QCOMPARE(run.json().value(u"errors"_s).toArray().size(), 0);
}

void TstCliProviders::getTableAndCsvNameTheProvider()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString id = batchesOf(*simulator, u"gemini"_s).value(0).first;
    QVERIFY(!id.isEmpty());
    QProcessEnvironment wide;
    wide.insert(u"COLUMNS"_s, u"200"_s);
    const CliRun table = runCli(
            {u"get"_s, id, u"--provider"_s, u"gemini"_s, u"--gateway"_s, gatewayUrl(*simulator)},
            {}, wide);
    QVERIFY2(table.exitCode == 0, qPrintable(table.errText()));
    const QStringList lines = table.outText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).contains(u"PROVIDER"_s), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(id) && lines.at(1).contains(u"gemini"_s),
             qPrintable(lines.at(1)));

    const CliRun csv = runCli({u"get"_s, id, u"--provider"_s, u"gemini"_s, u"--format"_s, u"csv"_s,
                               u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(csv.exitCode == 0, qPrintable(csv.errText()));
    const QStringList rows = csv.outText().split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows.at(0).endsWith(u",provider"_s));
    QVERIFY2(rows.at(1).startsWith(id + u',') && rows.at(1).endsWith(u",gemini"_s),
             qPrintable(rows.at(1)));
}

void TstCliProviders::listMergesSeveralProviders()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost, 0, 12);
    QHash<QString, int> expected;
    for (const sim::NativeBatchInfo &b : simulator->nativeBatches())
        ++expected[b.provider];
    QVERIFY(expected.value(u"openai"_s) > 0 && expected.value(u"gemini"_s) > 0);

    const CliRun run = runCli({u"list"_s, u"--provider"_s, u"openai,gemini,bedrock"_s,
                               u"--format"_s, u"json"_s, u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QHash<QString, int> seen;
    QSet<QString> ids;
    for (const QJsonValue &v : run.json().value(u"jobs"_s).toArray()) {
        const QJsonObject job = v.toObject();
        ++seen[job.value(u"provider"_s).toString()];
        ids.insert(job.value(u"jobArn"_s).toString());
    }
    QCOMPARE(seen.value(u"openai"_s), expected.value(u"openai"_s));
    QCOMPARE(seen.value(u"gemini"_s), expected.value(u"gemini"_s));
    QCOMPARE(seen.value(u"bedrock"_s), 12); // through the Bedrock-format list
    QCOMPARE(seen.value(u"anthropic"_s), 0);
    QCOMPARE(run.json().value(u"errors"_s).toArray().size(), 0);

    // The same filters apply to every provider: the native statuses by their group.
    const CliRun running = runCli({u"list"_s, u"--provider"_s, u"openai,anthropic"_s, u"--status"_s,
                                   u"InProgress"_s, u"--format"_s, u"json"_s, u"--gateway"_s,
                                   gatewayUrl(*simulator)});
    QVERIFY2(running.exitCode == 0, qPrintable(running.errText()));
    const QJsonArray inProgress = running.json().value(u"jobs"_s).toArray();
    QVERIFY(!inProgress.isEmpty());
    for (const QJsonValue &v : inProgress)
        QCOMPARE(v.toObject().value(u"status"_s).toString(), u"in_progress"_s);
}

void TstCliProviders::listKeepsOtherProvidersWhenOneFails()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    // A provider the gateway does not serve.
    const CliRun run = runCli({u"list"_s, u"--provider"_s, u"openai,nosuchprovider"_s,
                               u"--format"_s, u"json"_s, u"--gateway"_s, gatewayUrl(*simulator)});
    QCOMPARE(run.exitCode, 1);
    const QJsonArray jobs = run.json().value(u"jobs"_s).toArray();
    QVERIFY(!jobs.isEmpty());
    for (const QJsonValue &v : jobs)
        QCOMPARE(v.toObject().value(u"provider"_s).toString(), u"openai"_s);
    const QJsonArray errors = run.json().value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).toObject().value(u"provider"_s).toString(), u"nosuchprovider"_s);
    QVERIFY2(run.errText().contains(u"nosuchprovider: listing failed"_s),
             qPrintable(run.errText()));
}

void TstCliProviders::stopCancelsNativeBatch_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("json");
    QTest::newRow("openai, table") << u"openai"_s << false;
    QTest::newRow("gemini, json") << u"gemini"_s << true;
    QTest::newRow("anthropic, table") << u"anthropic"_s << false;
}

void TstCliProviders::stopCancelsNativeBatch()
{
    QFETCH(QString, provider);
    QFETCH(bool, json);
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString id = batchIn(*simulator, provider, u"in_progress"_s);
    QVERIFY(!id.isEmpty());
    QSignalSpy cancelled(simulator.get(), &sim::GatewaySimulator::nativeBatchCancelled);
    QStringList args{u"stop"_s,
                     id,
                     u"--yes"_s,
                     u"--provider"_s,
                     provider,
                     u"--gateway"_s,
                     gatewayUrl(*simulator)};
    if (json)
        args << u"--format"_s << u"json"_s;
    const CliRun run = runCli(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(cancelled.at(0).at(0).toString(), provider);
    QCOMPARE(cancelled.at(0).at(1).toString(), id);
    const sim::RecordedRequest last = simulator->lastRequest();
    QCOMPARE(last.method, u"POST"_s);
    QVERIFY2(last.path.endsWith(u"/cancel"_s), qPrintable(last.path));
    QVERIFY(run.err.isEmpty());
    if (json) {
        const QJsonArray stopped = run.json().value(u"stopped"_s).toArray();
        QCOMPARE(stopped.size(), 1);
        const QJsonObject entry = stopped.at(0).toObject();
        QCOMPARE(entry.value(u"identifier"_s).toString(), id);
        QCOMPARE(entry.value(u"provider"_s).toString(), provider);
        QCOMPARE(entry.value(u"status"_s).toString(), u"cancelling"_s);
    } else {
        QCOMPARE(run.outText(), id + u"  cancel accepted, status cancelling\n"_s);
    }
}

void TstCliProviders::watchFollowsNativeBatchUntilItEnds()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString id = batchIn(*simulator, u"gemini"_s, u"completed"_s);
    QVERIFY(!id.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRun run = watchToTheEnd(*simulator, dir.path(), {id, u"--provider"_s, u"gemini"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QList<QJsonObject> lines = run.jsonLines();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.at(0).value(u"identifier"_s).toString(), id);
    QCOMPARE(lines.at(0).value(u"to"_s).toString(), u"completed"_s);
    QCOMPARE(lines.at(0).value(u"job"_s).toObject().value(u"provider"_s).toString(), u"gemini"_s);
    // Never through the Bedrock-format route: that would be a 404 for a Gemini batch.
    QVERIFY(!run.errText().contains(u"404"_s));

    // A second run finds it in the store, still a Gemini batch.
    const CliRun again = watchToTheEnd(*simulator, dir.path(), {id, u"--provider"_s, u"gemini"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(again.errText()));
    QCOMPARE(again.jsonLines().size(), 1);
}

void TstCliProviders::watchPlacesEachJobWithItsProviderAndExportAllFollows()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString openai = batchIn(*simulator, u"openai"_s, u"completed"_s);
    const QString anthropic = batchIn(*simulator, u"anthropic"_s, u"ended"_s);
    const QString gemini = batchIn(*simulator, u"gemini"_s, u"completed"_s);
    const QString bedrock = batchIn(*simulator, u"bedrock"_s, u"Completed"_s);
    QVERIFY(!openai.isEmpty() && !anthropic.isEmpty() && !gemini.isEmpty() && !bedrock.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Each by its id's shape, Gemini's named explicitly; one run, one exit status.
    const CliRun run = watchToTheEnd(*simulator, dir.path(),
                                     {openai, anthropic, u"gemini:"_s + gemini, bedrock,
                                      u"--provider"_s, u"bedrock,openai,anthropic,gemini"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QHash<QString, QString> providerOf;
    for (const QJsonObject &line : run.jsonLines())
        providerOf.insert(line.value(u"identifier"_s).toString(),
                          line.value(u"job"_s).toObject().value(u"provider"_s).toString());
    QCOMPARE(providerOf.size(), 4);
    QCOMPARE(providerOf.value(openai), u"openai"_s);
    QCOMPARE(providerOf.value(anthropic), u"anthropic"_s);
    QCOMPARE(providerOf.value(gemini), u"gemini"_s);
    QVERIFY(providerOf.contains(bedrock));
    QVERIFY(!run.errText().contains(u"404"_s));

    // export --all reads each stored job through its own provider's route: no job fails.
    const QString path = dir.filePath(u"all.json"_s);
    const CliRun exported
            = runCli({u"export"_s, u"--all"_s, u"-o"_s, path, u"--format"_s, u"json"_s,
                      u"--data-dir"_s, dir.path(), u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.errText()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray jobs
            = QJsonDocument::fromJson(file.readAll()).object().value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 4);
    for (const QJsonValue &v : jobs) {
        const QJsonObject job = v.toObject();
        QVERIFY2(!job.contains(u"lastError"_s), qPrintable(job.value(u"identifier"_s).toString()));
        QVERIFY(job.contains(u"fetchedAt"_s));
    }
}

void TstCliProviders::watchReportsAJobNoProviderOfTheRunFits()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString openai = batchIn(*simulator, u"openai"_s, u"completed"_s);
    QVERIFY(!openai.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A Bedrock job id in a run of OpenAI and Anthropic: which of the two is it?
    const CliRun run
            = watchToTheEnd(*simulator, dir.path(),
                            {openai, u"k3x9p2m7q1ab"_s, u"--provider"_s, u"openai,anthropic"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errText().contains(u"k3x9p2m7q1ab: cannot tell which of the providers openai, "
                                    "anthropic it belongs to"_s),
             qPrintable(run.errText()));
    QCOMPARE(run.jsonLines().size(), 1); // the OpenAI batch was watched all the same
}

void TstCliProviders::bedrockStaysOnBedrockRoute()
{
    auto simulator = startSimulator(sim::Flavour::Bifrost);
    const QString arn = simulator->jobArns().constFirst();
    const CliRun run = runCli({u"get"_s, arn, u"--provider"_s, u"bedrock"_s, u"--format"_s,
                               u"json"_s, u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const sim::RecordedRequest last = simulator->lastRequest();
    QVERIFY2(last.path.startsWith(u"/bedrock/model-invocation-job"_s), qPrintable(last.path));
    bool header = false;
    for (const auto &[name, value] : last.headers)
        header = header
                 || (name.compare("x-model-provider", Qt::CaseInsensitive) == 0
                     && value == "bedrock");
    QVERIFY(header);
    // The table of a Bedrock-only run has no PROVIDER column, as before.
    const CliRun table = runCli({u"get"_s, arn, u"--gateway"_s, gatewayUrl(*simulator)});
    QVERIFY2(table.exitCode == 0, qPrintable(table.errText()));
    QVERIFY(!table.outText().contains(u"PROVIDER"_s));
}

void TstCliProviders::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("get with two providers")
            << QStringList{u"get"_s, u"batch_abc"_s, u"--provider"_s, u"openai,anthropic"_s}
            << u"takes one --provider"_s;
    QTest::newRow("stop with two providers")
            << QStringList{u"stop"_s, u"batch_abc"_s, u"--yes"_s, u"--provider"_s, u"a,b"_s}
            << u"takes one --provider"_s;
    QTest::newRow("not a provider name")
            << QStringList{u"list"_s, u"--provider"_s, u"open ai"_s} << u"not a provider name"_s;
    QTest::newRow("empty") << QStringList{u"list"_s, u"--provider"_s, u","_s}
                           << u"--provider needs a provider name"_s;
}

void TstCliProviders::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliRun run = runCli(args << u"--gateway"_s << u"http://127.0.0.1:9"_s);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TstCliProviders)
#include "tst_cliproviders.moc"
