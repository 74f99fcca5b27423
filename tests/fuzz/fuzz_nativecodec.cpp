// libFuzzer target: NativeCodec over Bifrost's native batch routes as they arrive — a retrieve or
// cancel body, a list page, a results JSONL page — for each provider's shape, and the results
// folded into a ResultsSummary as the client does. Never crashes, never hangs; jobs serialise to
// strict JSON; the summary's counts add up.

#include "fuzzsupport.h"

#include "common/jsontext.h"
#include "domain/resultsaccumulator.h"
#include "wire/jobcodec.h"
#include "wire/nativecodec.h"

using namespace bw;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the provider asked, the rest is the body.
    static const char *const providers[] = {"bedrock", "openai", "anthropic", "gemini", ""};
    const QString provider = QString::fromLatin1(providers[data[0] % 5]);
    const QByteArray body = fuzz::bytes(data + 1, size - 1);

    if (const Expected<ParsedJob> job = NativeCodec::parseRetrieveBody(body, provider))
        fuzz::requireStrictJson(JsonText::toJson(JobCodec::toJson(job->job)), "native toJson");
    (void)NativeCodec::parseCancelBody(body, provider);
    if (const Expected<NativeListPage> page = NativeCodec::parseListBody(body, provider)) {
        for (const ParsedJob &j : page->jobs)
            fuzz::requireStrictJson(JsonText::toJson(JobCodec::toJson(j.job)), "native list");
    }

    ResultsAccumulator accumulator;
    qint64 records = 0;
    const auto page = NativeCodec::parseResultsBody(body, [&](const ResultRecord &record) {
        ++records;
        accumulator.add(record);
    });
    if (page) {
        const ResultsSummary s = accumulator.summary();
        fuzz::require(s.succeeded + s.errored + s.expired + s.canceled == records,
                      "every record is counted once");
        qint64 grouped = 0;
        for (const ResultsSummary::ErrorGroup &g : s.errorGroups) {
            fuzz::require(g.count > 0, "a group holds records");
            grouped += g.count;
        }
        fuzz::require(grouped <= records, "groups never hold more records than were read");
        fuzz::require(s.errorGroups.size() <= ResultsAccumulator::kMaxGroups + 1,
                      "the number of groups is bounded");
    }
    return 0;
}
