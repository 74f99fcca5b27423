// libFuzzer target: JobCodec over whatever a gateway sends on the Bedrock-format routes — a
// retrieve body, a list page, a stop answer, an error body, a timestamp. Never crashes, never
// hangs; a job it returns serialises (JobCodec::toJson, JsonText) to strict JSON; the direct
// retrieve reader (JobCodec::RawObject::Omit) reads every body as the QJsonDocument path does.

#include "fuzzsupport.h"

#include "common/jsontext.h"
#include "wire/jobcodec.h"

using namespace bw;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);

    const Expected<ParsedJob> job = JobCodec::parseRetrieveBody(body);
    if (job) {
        fuzz::requireStrictJson(JsonText::toJson(JobCodec::toJson(job->job)), "retrieve toJson");
        // What was read and what is written again agree on the problems' shape.
        for (const ParseProblem &p : job->problems)
            fuzz::require(!p.field.isEmpty(), "a problem names its field");
    }
    // The direct reader (RawObject::Omit, the CLI's get) accepts, refuses and reads every body
    // as QJsonDocument's way does.
    const Expected<ParsedJob> direct = JobCodec::parseRetrieveBody(body, JobCodec::RawObject::Omit);
    fuzz::require(direct.hasValue() == job.hasValue(), "direct retrieve: same acceptance");
    if (job) {
        fuzz::require(direct->job == job->job, "direct retrieve: same job");
        fuzz::require(direct->problems == job->problems, "direct retrieve: same problems");
        fuzz::require(direct->rawText == job->rawText, "direct retrieve: same text");
        fuzz::require(direct->raw.isEmpty() || direct->raw == job->raw, "direct retrieve: raw");
    } else {
        fuzz::require(direct.error().describe() == job.error().describe(),
                      "direct retrieve: same error");
    }
    if (const Expected<ListPage> page = JobCodec::parseListBody(body)) {
        for (const ParsedJob &j : page->jobs)
            fuzz::requireStrictJson(JsonText::toJson(JobCodec::toJson(j.job)), "list toJson");
    }
    (void)JobCodec::parseStopBody(body);
    for (int status : {400, 404, 429, 500, 503}) {
        const GatewayError e = JobCodec::parseErrorResponse(status, body, "application/json");
        fuzz::require(e.httpStatus == status, "an error keeps its HTTP status");
        (void)e.describe();
    }
    (void)JobCodec::looksLikeHtml(body);
    (void)JobCodec::isJsonContentType(body.left(256));
    const QString text = QString::fromUtf8(body.left(256));
    if (const auto instant = JobCodec::parseTimestamp(text))
        fuzz::require(instant->isValid(), "a parsed timestamp is valid");
    (void)JobCodec::cleanErrorType(text);
    return 0;
}
