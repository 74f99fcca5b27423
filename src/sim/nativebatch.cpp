#include "nativebatch.h"

#include "simrandom.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace bw::sim {

namespace {

quint64 mix(quint64 x)
{
    // splitmix64: a well-spread hash of one 64-bit value.
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

QString hexOf(quint64 v, int digits)
{
    return QString::number(v, 16).rightJustified(digits, u'0').right(digits);
}

} // namespace

namespace {

constexpr std::pair<NativeProvider, QLatin1StringView> kProviderNames[]{
        {NativeProvider::Bedrock, "bedrock"_L1},
        {NativeProvider::OpenAI, "openai"_L1},
        {NativeProvider::Anthropic, "anthropic"_L1},
        {NativeProvider::Gemini, "gemini"_L1},
};

} // namespace

QList<NativeProvider> allNativeProviders()
{
    QList<NativeProvider> out;
    for (const auto &[provider, name] : kProviderNames)
        out.append(provider);
    return out;
}

QString nativeProviderName(NativeProvider provider)
{
    for (const auto &[p, name] : kProviderNames) {
        if (p == provider)
            return QString(name);
    }
    return {};
}

std::optional<NativeProvider> nativeProviderFromName(QStringView name)
{
    for (const auto &[provider, pName] : kProviderNames) {
        if (name == pName)
            return provider;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------

qint64 NativeBatch::processedAt(qint64 atMs) const
{
    if (end == End::Failed || atMs < inProgressMs)
        return 0;
    const qint64 runEnd = provider == NativeProvider::OpenAI ? finalizingMs : endMs;
    if (atMs >= runEnd)
        return reached;
    const qint64 span = std::max<qint64>(1, runEnd - inProgressMs);
    const qint64 stepped = (atMs - inProgressMs) / ProgressStepMs * ProgressStepMs;
    return std::min(reached, qint64(double(reached) * double(stepped) / double(span)));
}

NativeBatch::State NativeBatch::stateAt(qint64 nowMs) const
{
    State s;
    const bool cancelled
            = cancelRequestedMs && *cancelRequestedMs < endMs && nowMs >= *cancelRequestedMs;
    const qint64 at = cancelled ? *cancelRequestedMs : nowMs; // counters freeze at the cancel
    s.processed = processedAt(at);
    s.errors = errorsAmong(s.processed);
    if (total > 0)
        s.progress = int(s.processed * 100 / total);

    if (end != End::Failed && at >= inProgressMs && provider != NativeProvider::Anthropic)
        s.inProgressAt = inProgressMs;
    if (provider == NativeProvider::OpenAI && end != End::Failed && at >= finalizingMs
        && finalizingMs < endMs)
        s.finalizingAt = finalizingMs;

    if (cancelled) {
        s.cancellingAt = *cancelRequestedMs;
        const qint64 done = *cancelRequestedMs + cancelDurationMs;
        if (nowMs < done) {
            s.status = u"cancelling"_s;
            s.processingStatus = u"canceling"_s;
            return s;
        }
        s.terminal = true;
        if (provider == NativeProvider::Anthropic) {
            // Anthropic ends a canceled batch: the records not processed are "canceled".
            s.status = u"ended"_s;
            s.processingStatus = u"ended"_s;
            s.completedAt = done;
            s.canceled = total - s.processed;
        } else {
            s.status = u"cancelled"_s;
            s.cancelledAt = done;
        }
        return s;
    }

    if (nowMs >= endMs) {
        s.terminal = true;
        s.processingStatus = u"ended"_s;
        switch (end) {
        case End::Completed:
            s.status = provider == NativeProvider::Anthropic ? u"ended"_s : u"completed"_s;
            s.completedAt = endMs;
            break;
        case End::Failed:
            s.status = u"failed"_s;
            s.failedAt = endMs;
            break;
        case End::Expired:
            if (provider == NativeProvider::Anthropic) {
                s.status = u"ended"_s;
                s.completedAt = endMs;
                s.expired = total - reached;
            } else {
                s.status = u"expired"_s;
                s.expiredAt = endMs;
            }
            break;
        }
        if (end == End::Completed)
            s.progress = 100;
        return s;
    }

    s.processingStatus = u"in_progress"_s;
    if (nowMs < inProgressMs)
        s.status = u"validating"_s;
    else if (s.finalizingAt)
        s.status = u"finalizing"_s;
    else
        s.status = u"in_progress"_s;
    return s;
}

qint64 NativeBatch::resultCountAt(qint64 nowMs) const
{
    const State s = stateAt(nowMs);
    return s.terminal ? s.processed + s.expired + s.canceled : 0;
}

// ---------------------------------------------------------------------------------------------

namespace NativeBatchGenerator {

namespace {

// Where a batch is at the epoch and where it is heading.
enum class Template {
    RunningEndsSoon,
    CompletedOld,
    QueuedNow,
    FailedOld,
    ExpiredOld,
    CancelledOld,
    RunningLong,
    FinalizingNow,
};

constexpr std::array kOrder{
        Template::RunningEndsSoon, Template::CompletedOld,  Template::QueuedNow,
        Template::FailedOld,       Template::ExpiredOld,    Template::CancelledOld,
        Template::RunningLong,     Template::FinalizingNow,
};

const QList<Workload> &workloads()
{
    static const QList<Workload> list{
            {u"support-ticket-triage"_s, u"ticket"_s, 1000, 8000, false},
            {u"kb-embeddings"_s, u"chunk"_s, 5000, 40000, true},
            {u"product-desc-rewrite"_s, u"sku"_s, 500, 6000, false},
            {u"faq-translation-de"_s, u"faq"_s, 200, 2000, false},
            {u"review-moderation"_s, u"review"_s, 2000, 20000, false},
            {u"invoice-field-extraction"_s, u"invoice"_s, 300, 5000, false},
            {u"nightly-eval"_s, u"eval"_s, 100, 1500, false},
            {u"call-summaries"_s, u"call"_s, 800, 9000, false},
    };
    return list;
}

QString batchId(NativeProvider provider, SimRandom &rng)
{
    switch (provider) {
    case NativeProvider::OpenAI:
        return u"batch_"_s + rng.text(32, "0123456789abcdef"_L1);
    case NativeProvider::Anthropic:
        return u"msgbatch_01"_s
               + rng.text(22, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"_L1);
    case NativeProvider::Gemini:
        return u"batches/"_s + rng.text(16, "abcdefghijklmnopqrstuvwxyz0123456789"_L1);
    case NativeProvider::Bedrock:
        break;
    }
    return {};
}

NativeBatch make(NativeProvider provider, Template t, int round, SimRandom &rng)
{
    NativeBatch b;
    b.provider = provider;
    b.id = batchId(provider, rng);
    const Workload &w = rng.pick(workloads());
    static const QStringList months{u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s};
    b.name = w.name + u'-' + rng.pick(months) + QString::number(rng.range(1, 28));
    b.customIdPrefix = w.tag;
    b.seed = rng.next();
    b.endpoint = w.embeddings ? u"/v1/embeddings"_s : u"/v1/chat/completions"_s;
    if (provider == NativeProvider::OpenAI) {
        const auto fileId = [&rng]() -> QString {
            return u"file-"_s
                   + rng.text(22, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789"_L1);
        };
        b.inputFileId = fileId();
        b.outputFileId = fileId();
        b.errorFileId = fileId();
    }
    b.total = rng.range(w.minRecords, w.maxRecords);
    b.reached = b.total;
    // Errors: none, a few per mille, or about one percent.
    const std::array rates{0LL, 2LL, 6LL, 11LL};
    b.errNum = rates.at(std::size_t(rng.bounded(4)));
    b.errDen = 1000;

    const qint64 shift = qint64(round) * 3 * Day;               // later rounds lie further back
    const bool instant = provider == NativeProvider::Anthropic; // no validating phase
    auto timeline = [&](qint64 created, qint64 running, qint64 ends) {
        b.createdMs = created;
        b.inProgressMs = instant ? created : created + running;
        b.endMs = std::max(b.inProgressMs + Min, created + ends);
        // OpenAI finalizes for the last few minutes; the others end straight away.
        b.finalizingMs
                = provider == NativeProvider::OpenAI
                          ? b.endMs - std::min<qint64>(6 * Min, (b.endMs - b.inProgressMs) / 4)
                          : b.endMs;
    };

    switch (t) {
    case Template::RunningEndsSoon:
        timeline(-40 * Min - shift, 2 * Min, 40 * Min + rng.range(3, 8) * Min);
        break;
    case Template::CompletedOld:
        timeline(-2 * Day - rng.range(0, 20) * Hour - shift, rng.range(1, 5) * Min,
                 rng.range(2, 9) * Hour);
        break;
    case Template::QueuedNow:
        timeline(-rng.range(10, 40) * Sec, rng.range(60, 120) * Sec, rng.range(30, 60) * Min);
        break;
    case Template::FailedOld:
        if (provider == NativeProvider::Anthropic) {
            // Anthropic batches do not fail as a whole: a batch whose records mostly errored.
            timeline(-26 * Hour - shift, 0, 50 * Min);
            b.errNum = 620;
        } else {
            timeline(-26 * Hour - shift, 3 * Min, 3 * Min);
            b.end = NativeBatch::End::Failed;
            b.reached = 0;
        }
        break;
    case Template::ExpiredOld:
        timeline(-3 * Day - shift, 10 * Min, b.windowMs);
        b.end = NativeBatch::End::Expired;
        b.reached = b.total * rng.range(55, 90) / 100;
        break;
    case Template::CancelledOld:
        timeline(-30 * Hour - shift, 2 * Min, 6 * Hour);
        b.cancelRequestedMs = b.createdMs + 90 * Min;
        break;
    case Template::RunningLong:
        timeline(-2 * Hour - shift, 4 * Min, 2 * Hour + rng.range(2, 6) * Hour);
        break;
    case Template::FinalizingNow:
        // OpenAI: finalizing at the epoch; the others: about to end.
        timeline(-3 * Hour - shift, 5 * Min, 3 * Hour + 3 * Min);
        if (provider == NativeProvider::OpenAI)
            b.finalizingMs = -2 * Min;
        break;
    }
    return b;
}

} // namespace

QList<NativeBatch> generate(quint64 seed, int perProvider, qint64 largeResults)
{
    QList<NativeBatch> out;
    for (NativeProvider provider :
         {NativeProvider::OpenAI, NativeProvider::Anthropic, NativeProvider::Gemini}) {
        SimRandom rng(seed * 0x100000001b3ull + quint64(provider) * 7919 + 17);
        for (int i = 0; i < perProvider; ++i) {
            const int n = int(kOrder.size());
            NativeBatch b = make(provider, kOrder.at(std::size_t(i % n)), i / n, rng);
            if (i == 1 && provider == NativeProvider::Anthropic) {
                // The Anthropic batch of the samples: some errored, some expired.
                b.total = 1200;
                b.reached = 1192;
                b.errNum = 7;
                b.errDen = 1192;
                b.end = NativeBatch::End::Expired;
            }
            out.append(b);
        }
        if (provider == NativeProvider::OpenAI && largeResults > 0) {
            NativeBatch b = make(provider, Template::CompletedOld, 0, rng);
            b.name = u"bulk-export-large"_s;
            b.customIdPrefix = u"row"_s;
            b.total = b.reached = largeResults;
            b.errNum = 3;
            b.errDen = 1000;
            out.append(b);
        }
    }
    return out;
}

} // namespace NativeBatchGenerator

// ---------------------------------------------------------------------------------------------

namespace NativeResults {

namespace {

struct ErrorKind
{
    int weight;
    int statusCode;
    const char *code;
    const char *text; // %1: a number, %2: an id
};

// Messages of one kind differ only in numbers and ids, so that grouping needs normalising.
constexpr std::array kBedrockErrors{
        ErrorKind{40, 400, "400",
                  "Malformed input request: #/messages/%1/content: expected type: JSONArray, "
                  "found: String"},
        ErrorKind{30, 400, "400",
                  "Input is too long for requested model. Input has %1 tokens, the maximum is "
                  "200000."},
        ErrorKind{20, 429, "429",
                  "ThrottlingException: Too many tokens, please wait before trying again. "
                  "(Request ID: %2)"},
        ErrorKind{10, 500, "500", "Internal server error processing record. Request ID: %2"},
};
constexpr std::array kOpenAIErrors{
        ErrorKind{45, 400, "context_length_exceeded",
                  "This model's maximum context length is 128000 tokens. However, your messages "
                  "resulted in %1 tokens. Please reduce the length of the messages."},
        ErrorKind{35, 400, "invalid_value",
                  "Invalid 'max_tokens': integer above maximum value. Expected a value <= 16384, "
                  "but got %1 instead."},
        ErrorKind{20, 500, "server_error",
                  "The server had an error while processing your request. Sorry about that! "
                  "(request id req_%2)"},
};
constexpr std::array kAnthropicErrors{
        ErrorKind{60, 400, "invalid_request_error",
                  "max_tokens: %1 > 8192, which is the maximum allowed"},
        ErrorKind{25, 529, "overloaded_error", "Overloaded (request_id req_011%2)"},
        ErrorKind{15, 500, "api_error", "Internal server error (request_id req_011%2)"},
};
constexpr std::array kGeminiErrors{
        ErrorKind{60, 400, "400",
                  "Request contains an invalid argument: the input token count (%1) exceeds the "
                  "maximum number of tokens allowed (1048576)."},
        ErrorKind{40, 429, "429",
                  "Resource has been exhausted (e.g. check quota). Request %2 was not retried."},
};

template<std::size_t N>
const ErrorKind &pickError(const std::array<ErrorKind, N> &kinds, quint64 h)
{
    int roll = int(h % 100);
    for (const ErrorKind &k : kinds) {
        if (roll < k.weight)
            return k;
        roll -= k.weight;
    }
    return kinds.back();
}

} // namespace

QString customId(const QString &prefix, qint64 index)
{
    return prefix + u'-' + QString::number(index + 1).rightJustified(6, u'0');
}

std::optional<qint64> indexAfter(const QString &prefix, const QString &cursor)
{
    if (!cursor.startsWith(prefix + u'-'))
        return std::nullopt;
    bool ok = false;
    const qint64 number = cursor.mid(prefix.size() + 1).toLongLong(&ok);
    if (!ok || number < 1)
        return std::nullopt;
    return number; // the 0-based index of the record after number (1-based)
}

NativeResultRecord record(NativeProvider provider, quint64 seed, const QString &customIdPrefix,
                          qint64 index, qint64 processed, qint64 errors, qint64 expired)
{
    NativeResultRecord r;
    r.customId = customId(customIdPrefix, index);
    const quint64 h = mix(seed ^ mix(quint64(index)));
    if (index >= processed) {
        r.kind = index < processed + expired ? NativeResultRecord::Kind::Expired
                                             : NativeResultRecord::Kind::Canceled;
        r.statusCode = 0;
        return r;
    }
    r.inputTokens = int(120 + h % 900);
    r.outputTokens = int(8 + (h >> 12) % 240);
    // Exactly `errors` of the `processed` records are errors, spread evenly.
    const bool isError = processed > 0 && errors > 0
                         && (index + 1) * errors / processed > index * errors / processed;
    if (!isError)
        return r;

    r.kind = NativeResultRecord::Kind::Errored;
    const quint64 roll = h >> 20;
    const ErrorKind *k = &pickError(kBedrockErrors, roll);
    switch (provider) {
    case NativeProvider::Bedrock:
        break;
    case NativeProvider::OpenAI:
        k = &pickError(kOpenAIErrors, roll);
        break;
    case NativeProvider::Anthropic:
        k = &pickError(kAnthropicErrors, roll);
        break;
    case NativeProvider::Gemini:
        k = &pickError(kGeminiErrors, roll);
        break;
    }
    r.statusCode = k->statusCode;
    r.code = QString::fromLatin1(k->code);
    const qint64 number = k->statusCode == 400 && QByteArray(k->text).contains("#/messages")
                                  ? qint64((h >> 40) % 4)
                                  : qint64(16385 + (h >> 40) % 200000);
    const QString id = hexOf(mix(h), 16) + hexOf(mix(h + 1), 8);
    r.message = QString::fromLatin1(k->text)
                        .replace(u"%1"_s, QString::number(number))
                        .replace(u"%2"_s, id);
    return r;
}

} // namespace NativeResults

} // namespace bw::sim
