#include "nativeformat.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bw::sim::NativeFormat {

namespace {

QJsonObject counts(qint64 total, qint64 completed, qint64 failed)
{
    return QJsonObject{{"total"_L1, total}, {"completed"_L1, completed}, {"failed"_L1, failed}};
}

QJsonObject nativeCounts(const NativeBatch &b, const NativeBatch::State &s)
{
    switch (b.provider) {
    case NativeProvider::OpenAI:
        // OpenAI counts nothing while it validates.
        return s.status == u"validating"_s || (b.end == NativeBatch::End::Failed && s.terminal)
                       ? counts(0, 0, 0)
                       : counts(b.total, s.processed - s.errors, s.errors);
    case NativeProvider::Anthropic: {
        // Bifrost: total = every count, completed = succeeded, failed = errored; the
        // Anthropic-only counts are omitted when zero.
        const qint64 succeeded = s.processed - s.errors;
        const qint64 pending = b.total - s.processed - s.expired - s.canceled;
        QJsonObject o = counts(b.total, succeeded, s.errors);
        const std::pair<const char *, qint64> extra[]{{"succeeded", succeeded},
                                                      {"expired", s.expired},
                                                      {"canceled", s.canceled},
                                                      {"pending", pending}};
        for (const auto &[key, value] : extra) {
            if (value != 0)
                o.insert(QLatin1StringView(key), value);
        }
        return o;
    }
    case NativeProvider::Gemini:
        // Gemini reports a percentage while it runs; the record counts once done.
        return s.terminal ? counts(b.total, s.processed - s.errors, s.errors)
                          : counts(b.total, 0, 0);
    case NativeProvider::Bedrock:
        break;
    }
    return counts(0, 0, 0);
}

QJsonObject nativeBody(const NativeBatch &b, qint64 nowMs, const UnixSeconds &secs, bool full)
{
    const NativeBatch::State s = b.stateAt(nowMs);
    QJsonObject o;
    o.insert("id"_L1, b.id);
    o.insert("object"_L1, u"batch"_s);
    o.insert("status"_L1, s.status);
    o.insert("request_counts"_L1, nativeCounts(b, s));
    o.insert("created_at"_L1, secs(b.createdMs));
    auto at = [&](const char *key, const std::optional<qint64> &ms) {
        if (ms)
            o.insert(QLatin1StringView(key), secs(*ms));
    };

    switch (b.provider) {
    case NativeProvider::OpenAI:
        o.insert("endpoint"_L1, b.endpoint);
        o.insert("input_file_id"_L1, b.inputFileId);
        o.insert("completion_window"_L1, u"24h"_s);
        if (!b.name.isEmpty())
            o.insert("metadata"_L1, QJsonObject{{"job_name"_L1, b.name}});
        o.insert("expires_at"_L1, secs(b.expiresMs()));
        at("in_progress_at", s.inProgressAt);
        at("finalizing_at", s.finalizingAt);
        at("completed_at", s.completedAt);
        at("failed_at", s.failedAt);
        at("expired_at", s.expiredAt);
        at("cancelling_at", s.cancellingAt);
        at("cancelled_at", s.cancelledAt);
        if (s.terminal && s.processed > s.errors)
            o.insert("output_file_id"_L1, b.outputFileId);
        if (s.terminal && s.errors > 0)
            o.insert("error_file_id"_L1, b.errorFileId);
        if (s.terminal && b.end == NativeBatch::End::Failed && !s.cancellingAt) {
            const QJsonObject e{{"code"_L1, u"invalid_url"_s},
                                {"message"_L1,
                                 u"The URL provided for this request does not prefix-match "
                                 "the batch endpoint."_s},
                                {"param"_L1, u"url"_s},
                                {"line"_L1, qint64(1 + b.seed % 40)}};
            o.insert("errors"_L1,
                     QJsonObject{{"object"_L1, u"list"_s}, {"data"_L1, QJsonArray{e}}});
        }
        break;
    case NativeProvider::Anthropic:
        o.insert("processing_status"_L1, s.processingStatus);
        o.insert("expires_at"_L1, secs(b.expiresMs()));
        at("completed_at", s.completedAt);
        at("cancelling_at", s.cancellingAt);
        if (s.terminal)
            o.insert("results_url"_L1,
                     u"https://api.anthropic.com/v1/messages/batches/%1/results"_s.arg(b.id));
        break;
    case NativeProvider::Gemini:
        if (!b.name.isEmpty())
            o.insert("metadata"_L1, QJsonObject{{"display_name"_L1, b.name}});
        o.insert("operation_name"_L1, b.id);
        o.insert("done"_L1, s.terminal);
        o.insert("progress"_L1, s.progress);
        break;
    case NativeProvider::Bedrock:
        break;
    }
    if (full)
        o.insert("extra_fields"_L1, extraFields(b.provider, u"batch_retrieve"_s, b.id));
    return o;
}

} // namespace

QString bedrockStatus(JobStatus status)
{
    switch (status) {
    case JobStatus::Submitted:
    case JobStatus::Validating:
    case JobStatus::Scheduled:
        return u"validating"_s;
    case JobStatus::InProgress:
        return u"in_progress"_s;
    case JobStatus::Completed:
        return u"completed"_s;
    case JobStatus::Failed:
    case JobStatus::PartiallyCompleted:
        return u"failed"_s;
    case JobStatus::Stopping:
        return u"cancelling"_s;
    case JobStatus::Stopped:
        return u"cancelled"_s;
    case JobStatus::Expired:
        return u"expired"_s;
    default:
        break;
    }
    return Status::canonicalName(status);
}

QJsonObject extraFields(NativeProvider provider, const QString &requestType, const QString &salt)
{
    const qint64 latency = 140 + qint64(qHash(salt + requestType, 7) % 900);
    return QJsonObject{{"request_type"_L1, requestType},
                       {"provider"_L1, nativeProviderName(provider)},
                       {"latency"_L1, latency},
                       {"chunk_index"_L1, 0}};
}

QJsonObject retrieve(const NativeBatch &batch, qint64 nowMs, const UnixSeconds &secs)
{
    return nativeBody(batch, nowMs, secs, true);
}

QJsonObject listEntry(const NativeBatch &batch, qint64 nowMs, const UnixSeconds &secs)
{
    return nativeBody(batch, nowMs, secs, false);
}

QJsonObject retrieve(const SimulatedJob &job, qint64 nowMs, const UnixSeconds &secs, bool detail)
{
    // What Bifrost's Bedrock provider fills in (core/providers/bedrock/batch.go BatchRetrieve):
    // the ARN, status, input and output URIs, submit/end/expiry as created_at, completed_at,
    // expires_at. No counts (request_counts stays all zeros), no name, no other times.
    const SimulatedJob::State s = job.stateAt(nowMs);
    QJsonObject o = listEntry(job, nowMs, secs);
    o.insert("input_file_id"_L1, job.inputS3Uri);
    o.insert("output_file_id"_L1, job.outputS3Uri);
    if (s.endMs)
        o.insert("completed_at"_L1, secs(*s.endMs));
    o.insert("expires_at"_L1, secs(job.expirationMs()));
    if (detail) {
        o.insert("metadata"_L1,
                 QJsonObject{{"job_name"_L1, job.jobName}, {"model_id"_L1, job.modelId}});
        const bool stopped = job.stopRequestedMs && *job.stopRequestedMs < job.endMs
                             && nowMs >= *job.stopRequestedMs;
        const qint64 ranUntil = stopped ? *job.stopRequestedMs : nowMs;
        if (ranUntil >= job.inProgressMs && job.inProgressMs < job.endMs)
            o.insert("in_progress_at"_L1, secs(job.inProgressMs));
        if (stopped)
            o.insert("cancelling_at"_L1, secs(*job.stopRequestedMs));
    }
    o.insert("extra_fields"_L1, extraFields(NativeProvider::Bedrock, u"batch_retrieve"_s, job.arn));
    return o;
}

QJsonObject listEntry(const SimulatedJob &job, qint64 nowMs, const UnixSeconds &secs)
{
    return QJsonObject{{"id"_L1, job.arn},
                       {"object"_L1, u"batch"_s},
                       {"status"_L1, bedrockStatus(job.stateAt(nowMs).status)},
                       {"request_counts"_L1, counts(0, 0, 0)},
                       {"created_at"_L1, secs(job.submitMs)}};
}

QJsonObject cancelled(const NativeBatch &batch, qint64 nowMs, const UnixSeconds &secs)
{
    const NativeBatch::State s = batch.stateAt(nowMs);
    QJsonObject o{{"id"_L1, batch.id},
                  {"object"_L1, u"batch"_s},
                  {"status"_L1, s.status},
                  {"request_counts"_L1, nativeCounts(batch, s)},
                  {"extra_fields"_L1,
                   extraFields(batch.provider, u"batch_cancel"_s, batch.id + u"/cancel"_s)}};
    if (s.cancellingAt)
        o.insert("cancelling_at"_L1, secs(*s.cancellingAt));
    if (s.cancelledAt)
        o.insert("cancelled_at"_L1, secs(*s.cancelledAt));
    return o;
}

QJsonObject cancelled(const SimulatedJob &job, qint64 nowMs)
{
    // Bifrost stops the job, retrieves it again and answers with its status only.
    return QJsonObject{{"id"_L1, job.arn},
                       {"object"_L1, u"batch"_s},
                       {"status"_L1, bedrockStatus(job.stateAt(nowMs).status)},
                       {"request_counts"_L1, counts(0, 0, 0)},
                       {"extra_fields"_L1, extraFields(NativeProvider::Bedrock, u"batch_cancel"_s,
                                                       job.arn + u"/cancel"_s)}};
}

QJsonObject resultRecord(NativeProvider provider, const NativeResultRecord &r)
{
    using Kind = NativeResultRecord::Kind;
    QJsonObject o{{"custom_id"_L1, r.customId}};
    const QJsonObject error{{"code"_L1, r.code}, {"message"_L1, r.message}};
    const QString text = u"Done: %1."_s.arg(r.customId);

    if (provider == NativeProvider::Anthropic) {
        switch (r.kind) {
        case Kind::Succeeded: {
            const QJsonObject message{
                    {"id"_L1, QString(u"msg_"_s + r.customId)},
                    {"type"_L1, u"message"_s},
                    {"role"_L1, u"assistant"_s},
                    {"content"_L1,
                     QJsonArray{QJsonObject{{"type"_L1, u"text"_s}, {"text"_L1, text}}}},
                    {"usage"_L1, QJsonObject{{"input_tokens"_L1, r.inputTokens},
                                             {"output_tokens"_L1, r.outputTokens}}}};
            o.insert("result"_L1,
                     QJsonObject{{"type"_L1, u"succeeded"_s}, {"message"_L1, message}});
            break;
        }
        case Kind::Errored:
            o.insert("result"_L1, QJsonObject{{"type"_L1, u"errored"_s}});
            o.insert("error"_L1, error);
            break;
        case Kind::Expired:
            o.insert("result"_L1, QJsonObject{{"type"_L1, u"expired"_s}});
            break;
        case Kind::Canceled:
            o.insert("result"_L1, QJsonObject{{"type"_L1, u"canceled"_s}});
            break;
        }
        return o;
    }

    if (r.kind != Kind::Succeeded) {
        o.insert("response"_L1, QJsonObject{{"status_code"_L1, r.statusCode}});
        o.insert("error"_L1, error);
        return o;
    }
    QJsonObject body;
    switch (provider) {
    case NativeProvider::Bedrock:
        body = QJsonObject{
                {"output"_L1,
                 QJsonObject{{"message"_L1,
                              QJsonObject{{"role"_L1, u"assistant"_s},
                                          {"content"_L1,
                                           QJsonArray{QJsonObject{{"text"_L1, text}}}}}}}},
                {"stopReason"_L1, u"end_turn"_s},
                {"usage"_L1, QJsonObject{{"inputTokens"_L1, r.inputTokens},
                                         {"outputTokens"_L1, r.outputTokens}}}};
        break;
    case NativeProvider::OpenAI:
        body = QJsonObject{
                {"object"_L1, u"chat.completion"_s},
                {"choices"_L1,
                 QJsonArray{QJsonObject{{"index"_L1, 0},
                                        {"message"_L1, QJsonObject{{"role"_L1, u"assistant"_s},
                                                                   {"content"_L1, text}}},
                                        {"finish_reason"_L1, u"stop"_s}}}},
                {"usage"_L1, QJsonObject{{"prompt_tokens"_L1, r.inputTokens},
                                         {"completion_tokens"_L1, r.outputTokens}}}};
        break;
    case NativeProvider::Gemini:
    case NativeProvider::Anthropic:
        body = QJsonObject{
                {"candidates"_L1,
                 QJsonArray{QJsonObject{
                         {"content"_L1,
                          QJsonObject{{"role"_L1, u"model"_s},
                                      {"parts"_L1, QJsonArray{QJsonObject{{"text"_L1, text}}}}}},
                         {"finishReason"_L1, u"STOP"_s}}}},
                {"usageMetadata"_L1, QJsonObject{{"promptTokenCount"_L1, r.inputTokens},
                                                 {"candidatesTokenCount"_L1, r.outputTokens}}}};
        break;
    }
    QJsonObject response{{"status_code"_L1, 200}, {"body"_L1, body}};
    if (provider == NativeProvider::OpenAI)
        response.insert("request_id"_L1, QString(u"req_"_s + r.customId));
    o.insert("response"_L1, response);
    return o;
}

SimResponse error(int status, const QString &message, const QString &type,
                  std::optional<NativeProvider> provider, const QString &requestType)
{
    QJsonObject e{{"message"_L1, message}};
    if (!type.isEmpty())
        e.insert("type"_L1, type);
    QJsonObject o{{"is_bifrost_error"_L1, false}, {"status_code"_L1, status}, {"error"_L1, e}};
    if (provider)
        o.insert("extra_fields"_L1, QJsonObject{{"provider"_L1, nativeProviderName(*provider)},
                                                {"request_type"_L1, requestType}});
    return WireFormat::jsonResponse(o, status);
}

} // namespace bw::sim::NativeFormat
