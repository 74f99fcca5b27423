#include "gatewaysimulator.h"

#include "common/logging.h"
#include "jobgenerator.h"
#include "nativebatch.h"
#include "nativeformat.h"
#include "simrandom.h"
#include "simulatedjob.h"
#include "wire/jobcodec.h"
#include "wireformat.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace bw::sim {

namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

// Hands every request to the simulator, with the socket (needed to reset a connection or to
// answer later). No router: paths are parsed from the raw request so that an ARN
// percent-encoded into one segment ("%3A", "%2F") stays one segment.
class HttpFrontend final : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;
    explicit HttpFrontend(Handler handler)
        : m_handler(std::move(handler))
    {}

    static QHttpServerResponder responderFor(const QHttpServerRequest &request, QTcpSocket *socket)
    {
        return makeResponder(request, socket);
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_handler(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Not reached: handleRequest() takes every request.
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    Handler m_handler;
};

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    case QHttpServerRequest::Method::Connect:
        return u"CONNECT"_s;
    case QHttpServerRequest::Method::Trace:
        return u"TRACE"_s;
    default:
        return u"UNKNOWN"_s;
    }
}

// Query parameters as a form-encoding server reads them: '+' is a space, %XX is decoded. A
// client that does not percent-encode a token's '+' therefore sends a different token.
QHash<QString, QString> parseQuery(const QString &encoded)
{
    QHash<QString, QString> out;
    const QStringList pairs = encoded.split(u'&', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        auto decode = [](QString s) {
            s.replace(u'+', u' ');
            return QUrl::fromPercentEncoding(s.toUtf8());
        };
        const QString key = decode(eq < 0 ? pair : pair.left(eq));
        if (!out.contains(key))
            out.insert(key, eq < 0 ? QString() : decode(pair.mid(eq + 1)));
    }
    return out;
}

quint32 fnv1a(const QByteArray &bytes)
{
    quint32 h = 2166136261u;
    for (char c : bytes) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return h;
}

// Pagination tokens look like AWS's: opaque base64 that always holds '+', '/' and '=' (so a
// client must percent-encode them). Layout before base64: a 3-byte header ("AYAD"), the
// scrambled payload "o=<offset>;f=<fingerprint>" padded to a multiple of 3, a 3-byte marker
// ("+r//") and one checksum byte (which leaves "==" padding).
const QByteArray kTokenHeader = QByteArray::fromHex("018003");
const QByteArray kTokenMarker = QByteArray::fromHex("fabfff");

QByteArray scrambled(QByteArray bytes)
{
    quint32 state = 0x2545f491u;
    for (char &c : bytes) {
        state = state * 1664525u + 1013904223u;
        c = char(quint8(c) ^ quint8(state >> 24));
    }
    return bytes;
}

char checksum(const QByteArray &bytes)
{
    quint8 sum = 0x5a;
    for (char c : bytes)
        sum = quint8(sum * 31 + quint8(c));
    return char(sum);
}

QString makePageToken(qsizetype offset, quint32 fingerprint)
{
    QByteArray payload
            = "o=" + QByteArray::number(offset) + ";f=" + QByteArray::number(fingerprint, 16) + ';';
    while (payload.size() % 3 != 0)
        payload += ';';
    QByteArray raw = kTokenHeader + scrambled(payload) + kTokenMarker;
    raw += checksum(raw);
    return QString::fromLatin1(raw.toBase64());
}

std::optional<std::pair<qsizetype, quint32>> readPageToken(const QString &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(
            token.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &raw = decoded.decoded;
    const qsizetype frame = kTokenHeader.size() + kTokenMarker.size() + 1;
    if (!decoded || raw.size() <= frame || !raw.startsWith(kTokenHeader)
        || raw.at(raw.size() - 1) != checksum(raw.chopped(1))
        || !raw.chopped(1).endsWith(kTokenMarker))
        return std::nullopt;
    const QByteArray payload = scrambled(raw.mid(kTokenHeader.size(), raw.size() - frame));
    const QList<QByteArray> parts = payload.split(';');
    if (parts.size() < 2 || !parts.at(0).startsWith("o=") || !parts.at(1).startsWith("f="))
        return std::nullopt;
    bool okOffset = false;
    bool okPrint = false;
    const qsizetype offset = parts.at(0).mid(2).toLongLong(&okOffset);
    const quint32 print = parts.at(1).mid(2).toUInt(&okPrint, 16);
    if (!okOffset || !okPrint || offset < 0)
        return std::nullopt;
    return std::make_pair(offset, print);
}

// Sends the RST of a reset connection: SO_LINGER {on, 0} makes close() abort the TCP
// connection instead of finishing it, so the client sees "connection reset by peer".
void resetConnection(QTcpSocket *socket)
{
#if defined(Q_OS_UNIX)
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        const ::linger hard{1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
#endif
    socket->abort();
}

} // namespace

class GatewaySimulator::Private
{
public:
    Private(GatewaySimulator *q, const SimulatorOptions &options);

    qint64 nowMs() const;
    SimulatedJob *find(const QString &identifier);
    const SimulatedJob *find(const QString &identifier) const;
    bool stop(SimulatedJob &job);

    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    SimResponse route(const QString &method, const QStringList &segments,
                      const QHttpServerRequest &request, const QString &rawQuery);
    std::optional<SimResponse> checkKey(const QHttpServerRequest &request) const;
    SimResponse retrieve(const QString &encodedId);
    SimResponse list(const QString &rawQuery);
    SimResponse stopRoute(const QString &encodedId);
    std::optional<SimResponse> nativeRoute(const QString &method, const QStringList &segments,
                                           const QHttpServerRequest &request,
                                           const QString &rawQuery);
    SimResponse nativeList(NativeProvider provider, const QHash<QString, QString> &query);
    SimResponse nativeRetrieve(NativeProvider provider, const QString &id);
    SimResponse nativeCancel(NativeProvider provider, const QString &id);
    SimResponse nativeResults(NativeProvider provider, const QString &id,
                              const QHash<QString, QString> &query);
    SimResponse nativeNotFound(NativeProvider provider, const QString &id,
                               const QString &requestType) const;
    NativeBatch *findNative(NativeProvider provider, const QString &id);
    qint64 unixSeconds(qint64 simMs) const { return stamp(simMs).toSecsSinceEpoch(); }
    UnixSeconds seconds() const
    {
        return [this](qint64 simMs) {
            return unixSeconds(simMs);
        };
    }
    SimResponse notFound(const QString &method, const QString &path) const;
    SimResponse jobNotFound(const QString &identifier) const;
    SimResponse validation(const QString &message) const;
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const SimResponse &r);
    void sendLater(const QHttpServerRequest &request, QTcpSocket *socket, SimResponse r,
                   int delayMs);
    static void sendStreamed(QTcpSocket *socket, SimResponse r, bool truncate);

    GatewaySimulator *q;
    SimulatorOptions options;
    QDateTime epoch;
    QElapsedTimer elapsed;
    std::function<QDateTime()> clock;
    qint64 advancedMs = 0; // advance()d, plus time run at earlier speeds

    // Simulated time runs `speed` times faster than the real clock, but what the gateway reports
    // must never be later than the real clock (a client compares it with its own now). So a
    // timestamp is the simulated instant minus how far the simulation had run ahead of real
    // time when it got there: the instant run at speed s > 1 for r ms is stamped r ms after
    // the previous one, not s·r. Before the epoch, after advance() (a deliberate jump) and
    // under setClock() nothing is taken off. `warps` records, from each simulated instant on,
    // the amount taken off there and how it grows per simulated ms ((s - 1) / s).
    struct Warp
    {
        qint64 simMs = 0;
        qint64 aheadMs = 0;
        double rate = 0.0;
    };
    QList<Warp> warps;        // ascending simMs; before the first nothing is taken off
    qint64 aheadBankedMs = 0; // run ahead of the real clock at earlier speeds

    static double warpRate(double speed) { return speed > 1.0 ? (speed - 1.0) / speed : 0.0; }
    // How far the default clock has run ahead of real time, as of now.
    qint64 runningAheadMs() const
    {
        return aheadBankedMs
               + std::llround(double(elapsed.elapsed()) * std::max(0.0, options.speed - 1.0));
    }
    qint64 aheadAt(qint64 simMs) const;
    void warpFrom(qint64 simMs, qint64 aheadMs, double rate);
    QDateTime stamp(qint64 simMs) const;
    TimeStamper stamper() const
    {
        return [this](qint64 simMs) {
            return stamp(simMs);
        };
    }

    QList<SimulatedJob> jobs;
    QHash<QString, qsizetype> index;       // id and ARN -> position in jobs
    QList<qsizetype> bySubmit;             // positions, oldest submission first
    QList<NativeBatch> natives;            // bifrost flavour only
    QHash<QString, qsizetype> nativeIndex; // id -> position in natives
    qsizetype partlySucceeded = -1;        // position in jobs
    qsizetype largeResults = -1;           // position in natives
    SimRandom faultRng;

    std::unique_ptr<HttpFrontend> server;
    QPointer<QTcpServer> tcp;
    QString error;
    int requests = 0;
    RecordedRequest last;
};

GatewaySimulator::Private::Private(GatewaySimulator *qq, const SimulatorOptions &opts)
    : q(qq)
    , options(opts)
    , faultRng(opts.seed ^ 0x9e3779b97f4a7c15ull)
{
    options.speed = std::max(0.0, options.speed);
    options.jobCount = std::max(0, options.jobCount);
    options.faults.rate = std::clamp(options.faults.rate, 0.0, 1.0);
    epoch = options.epoch.isValid()
                    ? options.epoch.toUTC()
                    : QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    options.epoch = epoch;
    elapsed.start();
    warps.append({0, 0, warpRate(options.speed)});

    jobs = JobGenerator::generate(options.seed, options.jobCount, epoch);
    index.reserve(jobs.size() * 2);
    bySubmit.reserve(jobs.size());
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        index.insert(jobs.at(i).id, i);
        index.insert(jobs.at(i).arn, i);
        bySubmit.append(i);
    }
    std::stable_sort(bySubmit.begin(), bySubmit.end(), [this](qsizetype a, qsizetype b) {
        return jobs.at(a).submitMs < jobs.at(b).submitMs;
    });

    if (options.flavour != Flavour::Bifrost)
        return;
    // The job of issue 11: Bifrost calls it failed, yet 41,000 of its 41,234 records succeeded.
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        SimulatedJob &job = jobs[i];
        if (job.outcome == Outcome::PartiallyCompleted && job.endMs <= 0 && !job.stopRequestedMs) {
            job.totalRecords = 41'234;
            job.errorShare = 234.0 / 41'234.0;
            job.reachedShare = 1.0;
            job.message = u"234 of 41234 records failed. Output was written to %1"_s.arg(
                    job.outputS3Uri);
            partlySucceeded = i;
            break;
        }
    }
    options.resultsPageSize = std::clamp(options.resultsPageSize, 0, 100'000);
    natives = NativeBatchGenerator::generate(options.seed,
                                             std::max(0, options.nativeBatchesPerProvider),
                                             std::max<qint64>(0, options.largeResultsRecords));
    for (qsizetype i = 0; i < natives.size(); ++i) {
        nativeIndex.insert(natives.at(i).id, i);
        if (natives.at(i).name == u"bulk-export-large"_s && options.largeResultsRecords > 0)
            largeResults = i;
    }
}

qint64 GatewaySimulator::Private::nowMs() const
{
    const qint64 base = clock ? epoch.msecsTo(clock().toUTC())
                              : std::llround(double(elapsed.elapsed()) * options.speed);
    return base + advancedMs;
}

qint64 GatewaySimulator::Private::aheadAt(qint64 simMs) const
{
    auto it = std::upper_bound(warps.cbegin(), warps.cend(), simMs,
                               [](qint64 t, const Warp &w) { return t < w.simMs; });
    if (it == warps.cbegin())
        return 0;
    --it;
    // Rounded up: a stamp is never later than the real instant it stands for.
    return it->aheadMs + qint64(std::ceil(double(simMs - it->simMs) * it->rate));
}

void GatewaySimulator::Private::warpFrom(qint64 simMs, qint64 aheadMs, double rate)
{
    while (!warps.isEmpty() && warps.constLast().simMs >= simMs)
        warps.removeLast();
    warps.append({simMs, aheadMs, rate});
}

QDateTime GatewaySimulator::Private::stamp(qint64 simMs) const
{
    if (clock)
        return epoch.addMSecs(simMs); // the caller's clock: its instants as they are
    return epoch.addMSecs(simMs - aheadAt(simMs));
}

SimulatedJob *GatewaySimulator::Private::find(const QString &identifier)
{
    const auto it = index.constFind(identifier);
    return it == index.constEnd() ? nullptr : &jobs[*it];
}

const SimulatedJob *GatewaySimulator::Private::find(const QString &identifier) const
{
    const auto it = index.constFind(identifier);
    return it == index.constEnd() ? nullptr : &jobs.at(*it);
}

bool GatewaySimulator::Private::stop(SimulatedJob &job)
{
    const qint64 now = nowMs();
    if (!job.isStoppableAt(now))
        return false;
    job.stopRequestedMs = now;
    Q_EMIT q->jobStopped(job.arn);
    return true;
}

void GatewaySimulator::Private::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++requests;
    const QUrl url = request.url();
    RecordedRequest rec;
    rec.method = methodName(request.method());
    rec.path = url.path(QUrl::FullyEncoded);
    rec.query = url.query(QUrl::FullyEncoded);
    rec.headers = request.headers();
    last = rec;
    Q_EMIT q->requestReceived(rec.method, rec.path);

    const QStringList segments = rec.path.split(u'/', Qt::SkipEmptyParts);
    if (segments == QStringList{u"health"_s}) {
        send(request, socket,
             rec.method == u"GET"_s ? WireFormat::jsonResponse(QJsonObject{{"status"_L1, u"ok"_s}})
                                    : WireFormat::plainText(405, "Method Not Allowed"));
        return;
    }

    const FaultOptions &faults = options.faults;
    std::optional<FaultKind> fault;
    if (faults.rate > 0.0 && !faults.kinds.isEmpty() && faultRng.real() < faults.rate)
        fault = faultRng.pick(faults.kinds);
    if (fault) {
        qCDebug(lcSim) << "fault" << faultKindName(*fault) << "on" << rec.method << rec.path;
        Q_EMIT q->faultInjected(faultKindName(*fault), rec.path);
    }

    if (fault == FaultKind::Reset) {
        // Later, from the event loop: the server may still be inside the socket's readyRead.
        QTimer::singleShot(0, socket, [socket] { resetConnection(socket); });
        return;
    }
    if (fault == FaultKind::Html) {
        send(request, socket,
             options.flavour == Flavour::Bifrost ? WireFormat::bifrostWebUi()
                                                 : WireFormat::proxyLoginPage());
        return;
    }
    if (fault && fault != FaultKind::Truncated && fault != FaultKind::Latency) {
        send(request, socket,
             WireFormat::faultError(options.flavour, *fault, faults.retryAfterSeconds));
        return;
    }

    SimResponse response = route(rec.method, segments, request, rec.query);
    if (options.flavour == Flavour::Aws)
        response.headers.append({"x-amzn-RequestId",
                                 QUuid::createUuidV5(QUuid(), QString::number(options.seed) + u'/'
                                                                      + QString::number(requests))
                                         .toByteArray(QUuid::WithoutBraces)});
    if (response.stream) {
        sendStreamed(socket, std::move(response), fault == FaultKind::Truncated);
        return;
    }
    if (fault == FaultKind::Truncated && response.body.size() > 1)
        response.body.truncate(std::max<qsizetype>(1, response.body.size() * 2 / 5));
    if (fault == FaultKind::Latency)
        sendLater(request, socket, std::move(response), std::max(0, faults.latencyMs));
    else
        send(request, socket, response);
}

std::optional<SimResponse>
GatewaySimulator::Private::checkKey(const QHttpServerRequest &request) const
{
    if (options.requiredKey.isEmpty())
        return std::nullopt;
    QList<QByteArray> presented;
    const auto headers = request.headers();
    for (const auto &[name, value] : headers) {
        const QByteArray n = name.toLower();
        const QByteArray v = value.trimmed();
        if (n == "x-bf-vk" || n == "x-api-key")
            presented << v;
        else if (n == "authorization" && v.size() > 7 && v.left(7).toLower() == "bearer ")
            presented << v.mid(7).trimmed();
    }
    presented.removeAll(QByteArray());
    if (presented.contains(options.requiredKey.toUtf8()))
        return std::nullopt;
    if (presented.isEmpty())
        return WireFormat::error(
                options.flavour, 401, u"virtual_key_required"_s,
                u"virtual key is required. Provide a virtual key via the x-bf-vk header."_s);
    return WireFormat::error(options.flavour, 401, u"virtual_key_not_found"_s,
                             u"virtual key not found"_s);
}

SimResponse GatewaySimulator::Private::route(const QString &method, const QStringList &segments,
                                             const QHttpServerRequest &request,
                                             const QString &rawQuery)
{
    const Flavour flavour = options.flavour;
    const bool get = method == u"GET"_s;
    const bool post = method == u"POST"_s;
    const QString path = u'/' + segments.join(u'/');

    if (flavour == Flavour::Bifrost) {
        if (auto native = nativeRoute(method, segments, request, rawQuery))
            return *native;
    }

    enum class Route { None, Retrieve, RetrievePlural, List, Stop, StopPlural, Create };
    Route r = Route::None;
    if (segments.size() >= 2 && segments.at(0) == u"bedrock"_s) {
        const QString &what = segments.at(1);
        const bool singular = what == u"model-invocation-job"_s;
        const bool plural = what == u"model-invocation-jobs"_s;
        if (segments.size() == 2)
            r = plural ? Route::List : singular ? Route::Create : Route::None;
        else if (segments.size() == 3)
            r = singular ? Route::Retrieve : plural ? Route::RetrievePlural : Route::None;
        else if (segments.size() == 4 && segments.at(3) == u"stop"_s)
            r = singular ? Route::Stop : plural ? Route::StopPlural : Route::None;
    }
    // Routes this flavour does not have.
    if ((r == Route::Retrieve && flavour == Flavour::Published)
        || (r == Route::RetrievePlural && flavour != Flavour::Published)
        || (r == Route::StopPlural && flavour != Flavour::Published))
        r = Route::None;

    const bool methodOk
            = ((r == Route::Retrieve || r == Route::RetrievePlural || r == Route::List) && get)
              || ((r == Route::Stop || r == Route::StopPlural || r == Route::Create) && post);
    if (r == Route::None || !methodOk) {
        if (flavour == Flavour::Bifrost && get)
            return WireFormat::bifrostWebUi(); // the web UI's catch-all
        if (r != Route::None) {
            return flavour == Flavour::Bifrost
                           ? WireFormat::plainText(405, "Method Not Allowed")
                           : WireFormat::error(
                                   flavour, 405,
                                   flavour == Flavour::Aws ? u"UnknownOperationException"_s
                                                           : u"method_not_allowed"_s,
                                   u"Method %1 is not allowed on %2"_s.arg(method, path));
        }
        return notFound(method, path);
    }

    if (auto denied = checkKey(request))
        return *denied;

    switch (r) {
    case Route::Retrieve:
    case Route::RetrievePlural:
        return retrieve(segments.at(2));
    case Route::List:
        return list(rawQuery);
    case Route::Stop:
    case Route::StopPlural:
        return stopRoute(segments.at(2));
    case Route::Create:
        return WireFormat::error(flavour, 501,
                                 flavour == Flavour::Published ? u"not_implemented"_s
                                                               : u"NotImplemented"_s,
                                 u"Creating jobs is not supported by this simulated gateway."_s);
    case Route::None:
        break;
    }
    return notFound(method, path);
}

SimResponse GatewaySimulator::Private::notFound(const QString &method, const QString &path) const
{
    switch (options.flavour) {
    case Flavour::Bifrost:
        return WireFormat::plainText(404, "Not Found");
    case Flavour::Aws:
        return WireFormat::error(Flavour::Aws, 404, u"UnknownOperationException"_s,
                                 u"No operation matches %1 %2"_s.arg(method, path));
    case Flavour::Published:
        break;
    }
    return WireFormat::error(Flavour::Published, 404, u"not_found"_s,
                             u"Route not found: %1 %2"_s.arg(method, path));
}

SimResponse GatewaySimulator::Private::jobNotFound(const QString &identifier) const
{
    return WireFormat::error(
            options.flavour, 404, u"ResourceNotFoundException"_s,
            u"Could not find model invocation job with identifier %1"_s.arg(identifier));
}

SimResponse GatewaySimulator::Private::validation(const QString &message) const
{
    return WireFormat::error(options.flavour, 400, u"ValidationException"_s, message);
}

SimResponse GatewaySimulator::Private::retrieve(const QString &encodedId)
{
    const QString id = QUrl::fromPercentEncoding(encodedId.toUtf8());
    const SimulatedJob *job = find(id);
    if (!job)
        return jobNotFound(id);
    return WireFormat::jsonResponse(WireFormat::retrieveBody(
            options.flavour, *job, stamper(), nowMs(), options.bifrostUtcOffsetSeconds));
}

SimResponse GatewaySimulator::Private::stopRoute(const QString &encodedId)
{
    const QString id = QUrl::fromPercentEncoding(encodedId.toUtf8());
    SimulatedJob *job = find(id);
    if (!job)
        return jobNotFound(id);
    if (!stop(*job)) {
        const JobStatus status = job->stateAt(nowMs()).status;
        const QString shown = options.flavour == Flavour::Bifrost
                                      ? WireFormat::bifrostStatusName(status)
                                      : Status::canonicalName(status);
        return WireFormat::error(options.flavour, 409,
                                 options.flavour == Flavour::Published ? u"conflict"_s
                                                                       : u"ConflictException"_s,
                                 u"The model invocation job %1 cannot be stopped because it is "
                                 "in the %2 state."_s.arg(job->arn, shown));
    }
    if (options.flavour == Flavour::Bifrost)
        return WireFormat::jsonResponse(
                QJsonObject{{"jobArn"_L1, job->arn},
                            {"status"_L1, Status::canonicalName(JobStatus::Stopping)}});
    return WireFormat::jsonResponse(QJsonObject{});
}

// --- Bifrost's native batch routes ------------------------------------------------------------

std::optional<SimResponse> GatewaySimulator::Private::nativeRoute(const QString &method,
                                                                  const QStringList &segments,
                                                                  const QHttpServerRequest &request,
                                                                  const QString &rawQuery)
{
    if (segments.size() < 2 || segments.at(0) != u"v1"_s || segments.at(1) != u"batches"_s)
        return std::nullopt;
    enum class Kind { List, Retrieve, Cancel, Results };
    Kind kind;
    const bool get = method == u"GET"_s;
    if (segments.size() == 2 && get)
        kind = Kind::List;
    else if (segments.size() == 3 && get)
        kind = Kind::Retrieve;
    else if (segments.size() == 4 && segments.at(3) == u"cancel"_s && method == u"POST"_s)
        kind = Kind::Cancel;
    else if (segments.size() == 4 && segments.at(3) == u"results"_s && get)
        kind = Kind::Results;
    else
        return std::nullopt; // the router has no such route: the catch-all answers

    if (auto denied = checkKey(request))
        return *denied;

    const QHash<QString, QString> query = parseQuery(rawQuery);
    QString providerName = query.value(u"provider"_s);
    if (providerName.isEmpty()) {
        const auto headers = request.headers();
        for (const auto &[name, value] : headers) {
            if (name.toLower() == "x-model-provider") {
                providerName = QString::fromUtf8(value.trimmed());
                break;
            }
        }
    }
    if (providerName.isEmpty())
        return NativeFormat::error(
                400, u"provider query parameter or x-model-provider header is required"_s);

    static const QStringList requestTypes{u"batch_list"_s, u"batch_retrieve"_s, u"batch_cancel"_s,
                                          u"batch_results"_s};
    const QString requestType = requestTypes.at(int(kind));
    const auto provider = nativeProviderFromName(providerName);
    if (!provider) {
        // Providers with batch support that this gateway has no keys for answer as empty;
        // anything else is not a provider at all.
        static const QStringList known{u"azure"_s, u"vertex"_s, u"groq"_s, u"mistral"_s};
        if (!known.contains(providerName))
            return NativeFormat::error(400, u"unsupported provider: %1"_s.arg(providerName));
        if (kind == Kind::List)
            return WireFormat::jsonResponse(
                    QJsonObject{{"object"_L1, u"list"_s}, {"data"_L1, QJsonArray{}}});
        return NativeFormat::error(404,
                                   u"No batch found with id '%1'."_s.arg(
                                           QUrl::fromPercentEncoding(segments.at(2).toUtf8())),
                                   u"invalid_request_error"_s);
    }

    if (kind == Kind::List)
        return nativeList(*provider, query);
    // One segment, percent-decoded once: "batches%2Fabc" is the Gemini id "batches/abc".
    const QString id = QUrl::fromPercentEncoding(segments.at(2).toUtf8());
    switch (kind) {
    case Kind::Retrieve:
        return nativeRetrieve(*provider, id);
    case Kind::Cancel:
        return nativeCancel(*provider, id);
    case Kind::Results:
        return nativeResults(*provider, id, query);
    case Kind::List:
        break;
    }
    return std::nullopt;
}

NativeBatch *GatewaySimulator::Private::findNative(NativeProvider provider, const QString &id)
{
    const auto it = nativeIndex.constFind(id);
    if (it == nativeIndex.constEnd() || natives.at(*it).provider != provider)
        return nullptr;
    return &natives[*it];
}

SimResponse GatewaySimulator::Private::nativeNotFound(NativeProvider provider, const QString &id,
                                                      const QString &requestType) const
{
    // What each provider says, passed on by Bifrost with its provider and request type.
    switch (provider) {
    case NativeProvider::Bedrock:
        return NativeFormat::error(
                404, u"Could not find model invocation job with identifier %1"_s.arg(id), {},
                provider, requestType);
    case NativeProvider::OpenAI:
        return NativeFormat::error(404, u"No batch found with id '%1'."_s.arg(id),
                                   u"invalid_request_error"_s, provider, requestType);
    case NativeProvider::Anthropic:
        return NativeFormat::error(404, u"Not found"_s, u"not_found_error"_s, provider,
                                   requestType);
    case NativeProvider::Gemini:
        break;
    }
    return NativeFormat::error(404, u"Requested entity was not found."_s, u"NOT_FOUND"_s, provider,
                               requestType);
}

SimResponse GatewaySimulator::Private::nativeRetrieve(NativeProvider provider, const QString &id)
{
    const qint64 now = nowMs();
    if (provider == NativeProvider::Bedrock) {
        const SimulatedJob *job = find(id);
        if (!job)
            return nativeNotFound(provider, id, u"batch_retrieve"_s);
        return WireFormat::jsonResponse(
                NativeFormat::retrieve(*job, now, seconds(), options.bedrockNativeDetail));
    }
    const NativeBatch *batch = findNative(provider, id);
    if (!batch)
        return nativeNotFound(provider, id, u"batch_retrieve"_s);
    return WireFormat::jsonResponse(NativeFormat::retrieve(*batch, now, seconds()));
}

SimResponse GatewaySimulator::Private::nativeCancel(NativeProvider provider, const QString &id)
{
    const qint64 now = nowMs();
    if (provider == NativeProvider::Bedrock) {
        SimulatedJob *job = find(id);
        if (!job)
            return nativeNotFound(provider, id, u"batch_cancel"_s);
        if (!stop(*job))
            return NativeFormat::error(
                    409,
                    u"The model invocation job %1 cannot be stopped because it is in the %2 "
                    "state."_s.arg(job->arn, Status::canonicalName(job->stateAt(now).status)),
                    {}, provider, u"batch_cancel"_s);
        return WireFormat::jsonResponse(NativeFormat::cancelled(*job, now));
    }
    NativeBatch *batch = findNative(provider, id);
    if (!batch)
        return nativeNotFound(provider, id, u"batch_cancel"_s);
    if (!batch->isCancellableAt(now)) {
        const QString status = batch->stateAt(now).status;
        switch (provider) {
        case NativeProvider::Anthropic:
            return NativeFormat::error(
                    409, u"Batch %1 cannot be canceled because it is %2."_s.arg(id, status),
                    u"invalid_request_error"_s, provider, u"batch_cancel"_s);
        case NativeProvider::Gemini:
            return NativeFormat::error(
                    409,
                    u"Batch %1 is in state %2 and can no longer be cancelled."_s.arg(id, status),
                    u"FAILED_PRECONDITION"_s, provider, u"batch_cancel"_s);
        default:
            return NativeFormat::error(409,
                                       u"Cannot cancel a batch with status '%1'."_s.arg(status),
                                       u"invalid_request_error"_s, provider, u"batch_cancel"_s);
        }
    }
    batch->cancelRequestedMs = now;
    Q_EMIT q->nativeBatchCancelled(nativeProviderName(provider), batch->id);
    return WireFormat::jsonResponse(NativeFormat::cancelled(*batch, now, seconds()));
}

SimResponse GatewaySimulator::Private::nativeList(NativeProvider provider,
                                                  const QHash<QString, QString> &query)
{
    const qint64 now = nowMs();
    auto number = [&query](std::initializer_list<const char *> keys) -> int {
        for (const char *key : keys) {
            bool ok = false;
            const int n = query.value(QLatin1StringView(key)).toInt(&ok);
            if (ok && n > 0) // Bifrost ignores anything else
                return n;
        }
        return 0;
    };

    // Newest first, as every provider lists.
    QList<std::pair<QString, qint64>> order; // id, created
    if (provider == NativeProvider::Bedrock) {
        for (auto it = bySubmit.crbegin(); it != bySubmit.crend(); ++it)
            order.append({jobs.at(*it).arn, jobs.at(*it).submitMs});
    } else {
        for (const NativeBatch &b : std::as_const(natives)) {
            if (b.provider == provider)
                order.append({b.id, b.createdMs});
        }
        std::stable_sort(order.begin(), order.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
    }
    auto position = [&order](const QString &id) -> qsizetype {
        for (qsizetype i = 0; i < order.size(); ++i) {
            if (order.at(i).first == id)
                return i;
        }
        return -1;
    };

    qsizetype from = 0;
    qsizetype to = order.size(); // exclusive
    int limit = 20;
    QString nextCursor;
    const quint32 fingerprint = fnv1a("native|" + nativeProviderName(provider).toUtf8());
    switch (provider) {
    case NativeProvider::Bedrock:
        // Bifrost passes the limit on as maxResults but neither sends a token on nor returns
        // one: has_more says there is more, nothing says how to get it.
        limit = std::min(number({"limit"}) > 0 ? number({"limit"}) : 1000, 1000);
        break;
    case NativeProvider::OpenAI:
        limit = std::min(number({"limit"}) > 0 ? number({"limit"}) : 20, 100);
        if (query.contains(u"after"_s))
            from = position(query.value(u"after"_s)) + 1; // unknown: an empty page
        if (from == 0 && query.contains(u"after"_s))
            from = order.size();
        break;
    case NativeProvider::Anthropic: {
        limit = std::min(number({"limit"}) > 0 ? number({"limit"}) : 20, 1000);
        const QString after = query.value(u"after_id"_s, query.value(u"after"_s));
        const QString before = query.value(u"before_id"_s, query.value(u"before"_s));
        if (!after.isEmpty()) {
            const qsizetype p = position(after);
            from = p < 0 ? order.size() : p + 1;
        } else if (!before.isEmpty()) {
            const qsizetype p = position(before);
            to = p < 0 ? 0 : p;
            from = std::max<qsizetype>(0, to - limit);
        }
        break;
    }
    case NativeProvider::Gemini: {
        limit = std::min(number({"page_size", "limit"}) > 0 ? number({"page_size", "limit"}) : 50,
                         1000);
        const QString token = query.value(u"page_token"_s);
        if (!token.isEmpty()) {
            const auto read = readPageToken(token);
            if (!read || read->second != fingerprint)
                return NativeFormat::error(400, u"Invalid page token."_s, u"INVALID_ARGUMENT"_s,
                                           provider, u"batch_list"_s);
            from = std::min<qsizetype>(read->first, order.size());
        }
        break;
    }
    }

    QJsonArray data;
    qsizetype k = from;
    for (; k < to && data.size() < limit; ++k) {
        if (provider == NativeProvider::Bedrock) {
            data.append(NativeFormat::listEntry(*find(order.at(k).first), now, seconds()));
        } else {
            data.append(NativeFormat::listEntry(natives.at(nativeIndex.value(order.at(k).first)),
                                                now, seconds()));
        }
    }
    const bool more = k < to;

    QJsonObject body{{"object"_L1, u"list"_s}, {"data"_L1, data}};
    if (more) // has_more is omitted when false (omitempty)
        body.insert("has_more"_L1, true);
    if ((provider == NativeProvider::OpenAI || provider == NativeProvider::Anthropic)
        && !data.isEmpty()) {
        body.insert("first_id"_L1, data.first().toObject().value("id"_L1));
        body.insert("last_id"_L1, data.last().toObject().value("id"_L1));
    }
    if (provider == NativeProvider::Gemini && more)
        body.insert("next_cursor"_L1, makePageToken(k, fingerprint));
    body.insert("extra_fields"_L1,
                NativeFormat::extraFields(provider, u"batch_list"_s, QString::number(from)));
    return WireFormat::jsonResponse(body);
}

SimResponse GatewaySimulator::Private::nativeResults(NativeProvider provider, const QString &id,
                                                     const QHash<QString, QString> &query)
{
    const qint64 now = nowMs();
    qint64 processed = 0;
    qint64 errors = 0;
    qint64 expired = 0;
    qint64 count = 0;
    quint64 seed = 0;
    QString prefix;
    QString batchId = id;
    if (provider == NativeProvider::Bedrock) {
        const SimulatedJob *job = find(id);
        if (!job)
            return nativeNotFound(provider, id, u"batch_results"_s);
        // Bifrost reads whatever output files the job has written: all of them once it ended.
        const SimulatedJob::State s = job->stateAt(now);
        if (s.endMs) {
            processed = s.processed;
            errors = s.errors;
        }
        count = processed;
        seed = qHash(job->arn, options.seed);
        prefix = job->jobName.section(u'-', 0, 0);
        if (prefix.endsWith(u's'))
            prefix.chop(1);
        batchId = job->arn;
    } else {
        const NativeBatch *batch = findNative(provider, id);
        if (!batch)
            return nativeNotFound(provider, id, u"batch_results"_s);
        const NativeBatch::State s = batch->stateAt(now);
        if (!s.terminal)
            return NativeFormat::error(
                    400,
                    u"batch results not available: batch %1 is %2 (results exist once it "
                    "ended)"_s.arg(id, s.status),
                    u"invalid_request_error"_s, provider, u"batch_results"_s);
        processed = s.processed;
        errors = s.errors;
        expired = s.expired;
        count = batch->resultCountAt(now);
        seed = batch->seed;
        prefix = batch->customIdPrefix;
    }

    const QJsonObject extra = NativeFormat::extraFields(provider, u"batch_results"_s, batchId);
    if (options.resultsPageSize == 0) {
        // Unpaged, as Bifrost answers Bedrock: every record in one body, generated and sent
        // while the client reads it.
        struct Cursor
        {
            qint64 next = 0;
            bool opened = false;
            bool closed = false;
        };
        auto at = std::make_shared<Cursor>();
        SimResponse r;
        r.stream = [=]() -> QByteArray {
            if (at->closed)
                return {};
            QByteArray piece;
            if (!at->opened) {
                at->opened = true;
                piece = "{\"batch_id\":"
                        + QJsonDocument(QJsonArray{batchId})
                                  .toJson(QJsonDocument::Compact)
                                  .mid(1)
                                  .chopped(1)
                        + ",\"results\":[";
            }
            for (int n = 0; n < 500 && at->next < count; ++n, ++at->next) {
                if (at->next > 0)
                    piece += ',';
                piece += WireFormat::json(NativeFormat::resultRecord(
                        provider, NativeResults::record(provider, seed, prefix, at->next, processed,
                                                        errors, expired)));
            }
            if (at->next >= count) {
                piece += "],\"extra_fields\":" + WireFormat::json(extra) + '}';
                at->closed = true;
            }
            return piece;
        };
        return r;
    }

    qint64 pageSize = options.resultsPageSize;
    for (const char *key : {"limit", "page_size"}) {
        bool ok = false;
        const qint64 n = query.value(QLatin1StringView(key)).toLongLong(&ok);
        if (ok && n > 0)
            pageSize = std::min(pageSize, n);
    }
    qint64 from = 0;
    for (const char *key : {"cursor", "next_cursor", "after"}) {
        const QString cursor = query.value(QLatin1StringView(key));
        if (cursor.isEmpty())
            continue;
        const auto after = NativeResults::indexAfter(prefix, cursor);
        if (!after || *after > count)
            return NativeFormat::error(400, u"invalid cursor: %1"_s.arg(cursor),
                                       u"invalid_request_error"_s, provider, u"batch_results"_s);
        from = *after;
        break;
    }

    // Only this page is generated: the records are a function of (seed, index).
    const qint64 to = std::min(count, from + pageSize);
    QJsonArray results;
    for (qint64 i = from; i < to; ++i)
        results.append(NativeFormat::resultRecord(
                provider,
                NativeResults::record(provider, seed, prefix, i, processed, errors, expired)));
    QJsonObject body{{"batch_id"_L1, batchId}, {"results"_L1, results}};
    if (to < count) {
        body.insert("has_more"_L1, true);
        body.insert("next_cursor"_L1, NativeResults::customId(prefix, to - 1));
    }
    body.insert("extra_fields"_L1, extra);
    return WireFormat::jsonResponse(body);
}

SimResponse GatewaySimulator::Private::list(const QString &rawQuery)
{
    const Flavour flavour = options.flavour;
    const QHash<QString, QString> query = parseQuery(rawQuery);
    const qint64 now = nowMs();

    int pageSize = kDefaultPageSize;
    if (query.contains(u"maxResults"_s)) {
        bool ok = false;
        const QString text = query.value(u"maxResults"_s);
        pageSize = text.toInt(&ok);
        if (!ok || pageSize < 1 || pageSize > kMaxPageSize)
            return validation(
                    u"1 validation error detected: Value '%1' at 'maxResults' failed "
                    "to satisfy constraint: Member must have value between 1 and %2"_s.arg(text)
                            .arg(kMaxPageSize));
    }

    // Bifrost drops everything but maxResults and nextToken on the way to the provider.
    std::optional<JobStatus> statusEquals;
    QString nameContains;
    std::optional<qint64> after;
    std::optional<qint64> before;
    bool ascending = false;
    if (flavour != Flavour::Bifrost) {
        if (query.contains(u"statusEquals"_s)) {
            const QString s = query.value(u"statusEquals"_s);
            const Status parsed = Status::fromString(s);
            if (parsed.code() == JobStatus::Unknown || Status::canonicalName(parsed.code()) != s) {
                QStringList names;
                for (int c = int(JobStatus::Submitted); c <= int(JobStatus::Expired); ++c)
                    names << Status::canonicalName(JobStatus(c));
                return validation(u"1 validation error detected: Value '%1' at 'statusEquals' "
                                  "failed to satisfy constraint: Member must satisfy enum value "
                                  "set: [%2]"_s.arg(s, names.join(u", "_s)));
            }
            statusEquals = parsed.code();
        }
        nameContains = query.value(u"nameContains"_s);
        for (const char *key : {"submitTimeAfter", "submitTimeBefore"}) {
            const QString k = QLatin1StringView(key);
            if (!query.contains(k))
                continue;
            const auto t = JobCodec::parseTimestamp(query.value(k));
            if (!t)
                return validation(
                        u"1 validation error detected: Value '%1' at '%2' failed to "
                        "satisfy constraint: Member must be a timestamp"_s.arg(query.value(k), k));
            (k == u"submitTimeAfter"_s ? after : before) = epoch.msecsTo(*t);
        }
        const QString sortBy = query.value(u"sortBy"_s, u"CreationTime"_s);
        const QString sortOrder = query.value(u"sortOrder"_s, u"Descending"_s);
        if (sortBy != u"CreationTime"_s)
            return validation(u"1 validation error detected: Value '%1' at 'sortBy' failed to "
                              "satisfy constraint: Member must satisfy enum value set: "
                              "[CreationTime]"_s.arg(sortBy));
        if (sortOrder != u"Ascending"_s && sortOrder != u"Descending"_s)
            return validation(u"1 validation error detected: Value '%1' at 'sortOrder' failed "
                              "to satisfy constraint: Member must satisfy enum value set: "
                              "[Ascending, Descending]"_s.arg(sortOrder));
        ascending = sortOrder == u"Ascending"_s;
    }

    const quint32 fingerprint
            = fnv1a(QString(flavourName(flavour) + u'|'
                            + (statusEquals ? Status::canonicalName(*statusEquals) : QString())
                            + u'|' + nameContains + u'|' + QString::number(after.value_or(-1))
                            + u'|' + QString::number(before.value_or(-1)) + u'|'
                            + (ascending ? u"asc"_s : u"desc"_s))
                            .toUtf8());
    qsizetype offset = 0;
    if (query.contains(u"nextToken"_s)) {
        const auto token = readPageToken(query.value(u"nextToken"_s));
        if (!token || token->second != fingerprint)
            return validation(u"The pagination token is invalid or does not belong to this "
                              "request."_s);
        offset = token->first;
    }

    QJsonArray summaries;
    qsizetype matched = 0;
    bool more = false;
    const qsizetype n = bySubmit.size();
    for (qsizetype k = 0; k < n; ++k) {
        const SimulatedJob &job = jobs.at(bySubmit.at(ascending ? k : n - 1 - k));
        // The filters are in reported time: compare the submitTime the job is reported with.
        const qint64 submitted = (after || before) ? epoch.msecsTo(stamp(job.submitMs)) : 0;
        if (after && submitted <= *after)
            continue;
        if (before && submitted >= *before)
            continue;
        if (!nameContains.isEmpty() && !job.jobName.contains(nameContains, Qt::CaseInsensitive))
            continue;
        if (statusEquals && job.stateAt(now).status != *statusEquals)
            continue;
        if (matched++ < offset)
            continue;
        if (summaries.size() == pageSize) {
            more = true;
            break;
        }
        summaries.append(WireFormat::listSummary(flavour, job, stamper(), now,
                                                 options.bifrostUtcOffsetSeconds));
    }

    QJsonObject body{{"invocationJobSummaries"_L1, summaries}};
    // Bifrost's Bedrock backend loses the provider's token: more jobs, but no nextToken.
    if (more && flavour != Flavour::Bifrost)
        body.insert("nextToken"_L1, makePageToken(offset + pageSize, fingerprint));
    return WireFormat::jsonResponse(body);
}

void GatewaySimulator::Private::send(const QHttpServerRequest &request, QTcpSocket *socket,
                                     const SimResponse &r)
{
    QHttpServerResponse response(r.contentType, r.body, QHttpServerResponder::StatusCode(r.status));
    for (const auto &[name, value] : r.headers)
        response.addHeader(name, value);
    response.write(HttpFrontend::responderFor(request, socket));
}

void GatewaySimulator::Private::sendLater(const QHttpServerRequest &request, QTcpSocket *socket,
                                          SimResponse r, int delayMs)
{
    // The responder keeps the socket; the request object lives as long as the connection.
    auto responder
            = std::make_shared<QHttpServerResponder>(HttpFrontend::responderFor(request, socket));
    QTimer::singleShot(delayMs, socket, [responder, socket, r = std::move(r)] {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        QHttpServerResponse response(r.contentType, r.body,
                                     QHttpServerResponder::StatusCode(r.status));
        for (const auto &[name, value] : r.headers)
            response.addHeader(name, value);
        response.write(std::move(*responder));
    });
}

void GatewaySimulator::Private::sendStreamed(QTcpSocket *socket, SimResponse r, bool truncate)
{
    // Written to the socket directly: status line, headers, then chunks produced only as fast
    // as the client reads them, so a body of any size never sits in memory.
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' '
                      + (r.status == 200 ? QByteArray("OK") : QByteArray("Error"))
                      + "\r\nContent-Type: " + r.contentType + "\r\nTransfer-Encoding: chunked\r\n";
    for (const auto &[name, value] : std::as_const(r.headers))
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n");

    auto *pump = new QObject(socket); // lives while the stream does
    auto next = std::move(r.stream);
    auto pieces = std::make_shared<int>(0);
    auto writeMore = [socket, pump, next, pieces, truncate] {
        if (!pump->property("done").toBool()) {
            while (socket->bytesToWrite() < 256 * 1024) {
                QByteArray piece = next();
                // A truncated body stops after its first pieces without the final chunk.
                if (truncate && ++*pieces > 2) {
                    pump->setProperty("done", true);
                    QTimer::singleShot(0, socket, [socket] { socket->disconnectFromHost(); });
                    return;
                }
                if (piece.isEmpty()) {
                    socket->write("0\r\n\r\n");
                    pump->setProperty("done", true);
                    pump->deleteLater();
                    return;
                }
                socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            }
        }
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, pump, writeMore);
    writeMore();
}

// ---------------------------------------------------------------------------------------------

GatewaySimulator::GatewaySimulator(const SimulatorOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{}

GatewaySimulator::~GatewaySimulator() = default;

bool GatewaySimulator::start(quint16 port)
{
    if (isListening())
        return true;
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        d->error = u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(tcp->errorString());
        qCWarning(lcSim).noquote() << d->error;
        return false;
    }
    d->server = std::make_unique<HttpFrontend>(
            [this](const QHttpServerRequest &request, QTcpSocket *socket) {
                d->handle(request, socket);
            });
    d->tcp = tcp.get();
    tcp->setParent(d->server.get());
    d->server->bind(tcp.release());
    d->error.clear();
    qCInfo(lcSim) << "listening on" << baseUrl() << "flavour" << flavourName(d->options.flavour)
                  << "jobs" << d->jobs.size();
    return true;
}

bool GatewaySimulator::isListening() const
{
    return d->tcp && d->tcp->isListening();
}

QString GatewaySimulator::errorString() const
{
    return d->error;
}

quint16 GatewaySimulator::port() const
{
    return isListening() ? d->tcp->serverPort() : 0;
}

QUrl GatewaySimulator::baseUrl() const
{
    if (!isListening())
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

const SimulatorOptions &GatewaySimulator::options() const
{
    return d->options;
}

Flavour GatewaySimulator::flavour() const
{
    return d->options.flavour;
}

void GatewaySimulator::setFaults(const FaultOptions &faults)
{
    d->options.faults = faults;
    d->options.faults.rate = std::clamp(faults.rate, 0.0, 1.0);
}

void GatewaySimulator::setRequiredKey(const QString &key)
{
    d->options.requiredKey = key;
}

QStringList GatewaySimulator::jobArns() const
{
    QStringList out;
    out.reserve(d->jobs.size());
    for (const SimulatedJob &job : std::as_const(d->jobs))
        out << job.arn;
    return out;
}

QStringList GatewaySimulator::jobIds() const
{
    QStringList out;
    out.reserve(d->jobs.size());
    for (const SimulatedJob &job : std::as_const(d->jobs))
        out << job.id;
    return out;
}

int GatewaySimulator::jobCount() const
{
    return int(d->jobs.size());
}

QDateTime GatewaySimulator::epoch() const
{
    return d->epoch;
}

QDateTime GatewaySimulator::now() const
{
    return d->stamp(d->nowMs());
}

void GatewaySimulator::advance(qint64 seconds)
{
    // A jump, not a run: from here on stamps move with simulated time, by the same amount.
    const qint64 from = d->nowMs();
    const qint64 ahead = d->clock ? d->aheadAt(from) : d->runningAheadMs();
    d->warpFrom(from, ahead, 0.0);
    d->advancedMs += seconds * 1000;
    d->warpFrom(from + seconds * 1000, ahead, d->clock ? 0.0 : Private::warpRate(d->options.speed));
}

void GatewaySimulator::setSpeed(double speed)
{
    // Bank the time run so far at the old speed, then measure afresh.
    const qint64 ranMs = d->elapsed.restart();
    if (!d->clock) {
        d->advancedMs += std::llround(double(ranMs) * d->options.speed);
        d->aheadBankedMs += std::llround(double(ranMs) * std::max(0.0, d->options.speed - 1.0));
    }
    d->options.speed = std::max(0.0, speed);
    if (!d->clock)
        d->warpFrom(d->nowMs(), d->runningAheadMs(), Private::warpRate(d->options.speed));
}

double GatewaySimulator::speed() const
{
    return d->options.speed;
}

void GatewaySimulator::setClock(std::function<QDateTime()> clock)
{
    d->clock = std::move(clock);
    if (!d->clock) // back on the real clock: stamps follow it again from here
        d->warpFrom(d->nowMs(), d->runningAheadMs(), Private::warpRate(d->options.speed));
}

std::optional<Job> GatewaySimulator::jobState(const QString &identifier) const
{
    const SimulatedJob *job = d->find(identifier);
    if (!job)
        return std::nullopt;
    return job->toJob(d->stamper(), d->nowMs());
}

std::optional<JobStatus> GatewaySimulator::jobStatus(const QString &identifier) const
{
    const SimulatedJob *job = d->find(identifier);
    if (!job)
        return std::nullopt;
    return job->stateAt(d->nowMs()).status;
}

bool GatewaySimulator::stopJob(const QString &identifier)
{
    SimulatedJob *job = d->find(identifier);
    return job && d->stop(*job);
}

QByteArray GatewaySimulator::retrieveBody(const QString &identifier) const
{
    const SimulatedJob *job = d->find(identifier);
    if (!job)
        return {};
    return WireFormat::json(WireFormat::retrieveBody(d->options.flavour, *job, d->stamper(),
                                                     d->nowMs(),
                                                     d->options.bifrostUtcOffsetSeconds));
}

QByteArray GatewaySimulator::nativeRetrieveBody(const QString &provider, const QString &id) const
{
    const std::optional<NativeProvider> p = nativeProviderFromName(provider);
    if (d->options.flavour != Flavour::Bifrost || !p)
        return {};
    const SimResponse r = d->nativeRetrieve(*p, id);
    return r.status == 200 ? r.body : QByteArray();
}

QList<NativeBatchInfo> GatewaySimulator::nativeBatches() const
{
    QList<NativeBatchInfo> out;
    if (d->options.flavour != Flavour::Bifrost)
        return out;
    out.reserve(d->jobs.size() + d->natives.size());
    for (const SimulatedJob &job : std::as_const(d->jobs))
        out.append({nativeProviderName(NativeProvider::Bedrock), job.arn, job.jobName});
    for (const NativeBatch &batch : std::as_const(d->natives))
        out.append({nativeProviderName(batch.provider), batch.id, batch.name});
    return out;
}

QString GatewaySimulator::partlySucceededJobArn() const
{
    return d->partlySucceeded < 0 ? QString() : d->jobs.at(d->partlySucceeded).arn;
}

QString GatewaySimulator::largeResultsBatchId() const
{
    return d->largeResults < 0 ? QString() : d->natives.at(d->largeResults).id;
}

int GatewaySimulator::requestCount() const
{
    return d->requests;
}

RecordedRequest GatewaySimulator::lastRequest() const
{
    return d->last;
}

} // namespace bw::sim
