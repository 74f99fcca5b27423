// batchwatch-gateway-sim: the simulated gateway as a standalone process, for end-to-end tests,
// benchmarks and trying the CLI without a real gateway. Listens on 127.0.0.1 only.

#include "gatewaysimulator.h"
#include "simulatoroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace bw::sim;

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "batchwatch-gateway-sim: %s\n", qUtf8Printable(message));
    std::exit(2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"batchwatch-gateway-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BATCHWATCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Simulated Bifrost / AWS Bedrock batch-inference gateway on 127.0.0.1.\n"
            "Prints \"listening on http://127.0.0.1:<port>\" once it accepts requests."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(u"port"_s, u"TCP port; 0 picks a free one."_s, u"port"_s, u"0"_s);
    const QCommandLineOption flavour(u"flavour"_s,
                                     u"Which gateway to imitate: bifrost, aws or published."_s,
                                     u"name"_s, u"bifrost"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed for reproducible jobs and faults."_s, u"n"_s,
                                  u"1"_s);
    const QCommandLineOption speed(u"speed"_s,
                                   u"Time factor: 60 makes one real second one simulated minute."_s,
                                   u"factor"_s, u"1"_s);
    const QCommandLineOption jobs(u"jobs"_s, u"Number of simulated jobs."_s, u"n"_s, u"36"_s);
    const QCommandLineOption key(
            u"require-key"_s,
            u"Require this virtual key (x-bf-vk, Authorization: Bearer or x-api-key)."_s, u"key"_s);
    const QCommandLineOption faultRate(
            u"fault-rate"_s, u"Share of requests (0..1) that get a fault; /health never does."_s,
            u"rate"_s, u"0"_s);
    const QCommandLineOption faultList(
            u"faults"_s,
            u"Comma-separated faults to choose from: "
            "500,502,503,504,429,reset,truncated,html,latency (default: all)."_s,
            u"list"_s);
    const QCommandLineOption latency(u"latency-ms"_s, u"Delay of a latency fault."_s, u"ms"_s,
                                     u"2000"_s);
    const QCommandLineOption retryAfter(u"retry-after"_s, u"Retry-After seconds of a 429."_s,
                                        u"s"_s, u"2"_s);
    const QCommandLineOption printJobs(
            u"print-jobs"_s,
            u"After the listening line, print one line per job: id, ARN, status (tab-separated)."_s);
    const QCommandLineOption nativeBatches(
            u"native-batches"_s,
            u"bifrost flavour: batches per provider (OpenAI, Anthropic, Gemini) on the native "
            "routes /v1/batches?provider=P; Bedrock's are the --jobs."_s,
            u"n"_s, u"8"_s);
    const QCommandLineOption resultsPageSize(
            u"results-page-size"_s,
            u"bifrost flavour: records per page of /v1/batches/{id}/results (1..100000); 0: no "
            "pages, every record in one body streamed as it is read (as Bifrost sends Bedrock's)."_s,
            u"n"_s, u"1000"_s);
    const QCommandLineOption largeResults(
            u"large-results"_s,
            u"bifrost flavour: add one completed OpenAI batch (\"bulk-export-large\") with this "
            "many result records, generated page by page."_s,
            u"records"_s, u"0"_s);
    const QCommandLineOption bedrockDetail(
            u"bedrock-native-detail"_s,
            u"bifrost flavour: Bedrock's native retrieve also carries metadata (job_name, "
            "model_id), in_progress_at and cancelling_at, which Bifrost's Bedrock provider "
            "does not fill in."_s);
    const QCommandLineOption printNative(
            u"print-native"_s,
            u"After the listening line (and any --print-jobs lines), print one line per batch of "
            "the native routes: provider, id, name (tab-separated)."_s);
    parser.addOptions({port, flavour, seed, speed, jobs, key, faultRate, faultList, latency,
                       retryAfter, printJobs, nativeBatches, resultsPageSize, largeResults,
                       bedrockDetail, printNative});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        fail(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().constFirst()));

    SimulatorOptions options;
    bool ok = false;

    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535)
        fail(u"--port must be 0..65535"_s);
    const auto flavourValue = flavourFromName(parser.value(flavour));
    if (!flavourValue)
        fail(u"--flavour must be bifrost, aws or published"_s);
    options.flavour = *flavourValue;
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        fail(u"--seed must be a non-negative integer"_s);
    options.speed = parser.value(speed).toDouble(&ok);
    if (!ok || options.speed < 0)
        fail(u"--speed must be a number >= 0"_s);
    options.jobCount = parser.value(jobs).toInt(&ok);
    if (!ok || options.jobCount < 0 || options.jobCount > 1'000'000)
        fail(u"--jobs must be 0..1000000"_s);
    options.requiredKey = parser.value(key);
    options.faults.rate = parser.value(faultRate).toDouble(&ok);
    if (!ok || options.faults.rate < 0 || options.faults.rate > 1)
        fail(u"--fault-rate must be between 0 and 1"_s);
    if (parser.isSet(faultList)) {
        QString why;
        const auto kinds = parseFaultKinds(parser.value(faultList), &why);
        if (!kinds)
            fail(u"--faults: "_s + why);
        options.faults.kinds = *kinds;
    }
    options.faults.latencyMs = parser.value(latency).toInt(&ok);
    if (!ok || options.faults.latencyMs < 0)
        fail(u"--latency-ms must be a non-negative integer"_s);
    options.faults.retryAfterSeconds = parser.value(retryAfter).toInt(&ok);
    if (!ok || options.faults.retryAfterSeconds < 0)
        fail(u"--retry-after must be a non-negative integer"_s);

    options.nativeBatchesPerProvider = parser.value(nativeBatches).toInt(&ok);
    if (!ok || options.nativeBatchesPerProvider < 0 || options.nativeBatchesPerProvider > 100'000)
        fail(u"--native-batches must be 0..100000"_s);
    options.resultsPageSize = parser.value(resultsPageSize).toInt(&ok);
    if (!ok || options.resultsPageSize < 0 || options.resultsPageSize > 100'000)
        fail(u"--results-page-size must be 0..100000"_s);
    options.largeResultsRecords = parser.value(largeResults).toLongLong(&ok);
    if (!ok || options.largeResultsRecords < 0 || options.largeResultsRecords > 1'000'000'000)
        fail(u"--large-results must be 0..1000000000"_s);

    options.bedrockNativeDetail = parser.isSet(bedrockDetail);

    GatewaySimulator simulator(options);
    if (!simulator.start(quint16(portValue)))
        fail(simulator.errorString());

    std::printf("listening on http://127.0.0.1:%u\n", unsigned(simulator.port()));
    if (parser.isSet(printJobs)) {
        const QStringList ids = simulator.jobIds();
        const QStringList arns = simulator.jobArns();
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const auto status = simulator.jobStatus(ids.at(i));
            std::printf("%s\t%s\t%s\n", qUtf8Printable(ids.at(i)), qUtf8Printable(arns.at(i)),
                        qUtf8Printable(status ? bw::Status::canonicalName(*status) : QString()));
        }
    }
    if (parser.isSet(printNative)) {
        const QList<NativeBatchInfo> batches = simulator.nativeBatches();
        for (const NativeBatchInfo &b : batches)
            std::printf("%s\t%s\t%s\n", qUtf8Printable(b.provider), qUtf8Printable(b.id),
                        qUtf8Printable(b.name));
    }
    std::fflush(stdout);
    std::fprintf(stderr, "batchwatch-gateway-sim: flavour %s, %d jobs, seed %llu, speed %g%s\n",
                 qUtf8Printable(flavourName(options.flavour)), simulator.jobCount(),
                 static_cast<unsigned long long>(options.seed), options.speed,
                 options.faults.rate > 0
                         ? qUtf8Printable(u", fault rate %1"_s.arg(options.faults.rate))
                         : "");
    return QCoreApplication::exec();
}
