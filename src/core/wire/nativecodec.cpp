#include "wire/nativecodec.h"

#include "wire/jsonfieldreader.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace bw::NativeCodec {

namespace {

// Reads typed fields of one object; a value of the wrong type is a problem and "not reported".
class Reader : public JsonFieldReader
{
public:
    using JsonFieldReader::JsonFieldReader;

    // A string, or a number given where a string was meant (error codes: 400 or "400").
    std::optional<QString> code(QLatin1StringView key)
    {
        const QJsonValue v = m_obj.value(key);
        if (v.isDouble() && std::isfinite(v.toDouble()))
            return QString::number(v.toDouble(), 'g', 15);
        return string(key);
    }

    std::optional<qint64> count(QLatin1StringView key)
    {
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            wrongType(key, ValueType::Count, v, v.isString() ? v.toString().left(40) : QString());
            return std::nullopt;
        }
        const std::optional<qint64> n = exactInteger(v.toDouble());
        if (!n || *n < 0) {
            const QString number = QString::number(v.toDouble(), 'g', 15);
            problem(key, n ? ParseProblem{{},
                                          ParseProblem::Kind::BelowMinimum,
                                          ValueType::Count,
                                          ValueType::Number,
                                          number,
                                          QStringLiteral("0")}
                           : ParseProblem{{},
                                          ParseProblem::Kind::NotWholeNumber,
                                          ValueType::Count,
                                          ValueType::Number,
                                          number,
                                          {}});
            return std::nullopt;
        }
        return n;
    }

    std::optional<double> percent(QLatin1StringView key)
    {
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            wrongType(key, ValueType::Percentage, v);
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < 0 || d > 100) {
            problem(key, {{},
                          ParseProblem::Kind::OutOfRange,
                          ValueType::Percentage,
                          ValueType::Number,
                          QString::number(d),
                          {}});
            return std::nullopt;
        }
        return d;
    }

    // Unix seconds. 0 is Bifrost's "not set" (Go's zero value) and reads as not reported.
    std::optional<QDateTime> unixTime(QLatin1StringView key)
    {
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (v.isString()) {
            // Tolerated: an ISO 8601 string or seconds as a string.
            auto parsed = JobCodec::parseTimestamp(v.toString());
            if (!parsed)
                problem(key, {{},
                              ParseProblem::Kind::NotATime,
                              ValueType::UnixTime,
                              ValueType::Text,
                              v.toString().left(60),
                              {}});
            return parsed;
        }
        if (!v.isDouble()) {
            wrongType(key, ValueType::UnixTime, v);
            return std::nullopt;
        }
        const double secs = v.toDouble();
        if (secs == 0)
            return std::nullopt;
        auto parsed = fromEpochSeconds(secs);
        if (!parsed)
            problem(key, {{},
                          ParseProblem::Kind::NotATime,
                          ValueType::UnixTime,
                          ValueType::Number,
                          QString::number(secs, 'g', 15),
                          {}});
        return parsed;
    }
};

void readCounts(Reader &top, ParsedJob &out, bool hasProgress)
{
    const std::optional<QJsonObject> countsObj = top.object(QLatin1StringView("request_counts"));
    if (!countsObj)
        return;
    Reader r(*countsObj, out.problems, QStringLiteral("request_counts"));
    const auto total = r.count(QLatin1StringView("total"));
    const auto pending = r.count(QLatin1StringView("pending"));
    const qsizetype problemsBefore = out.problems.size(); // of the counts the others come from
    const auto completed = r.count(QLatin1StringView("completed"));
    const auto failed = r.count(QLatin1StringView("failed"));
    const auto succeeded = r.count(QLatin1StringView("succeeded"));
    const auto expired = r.count(QLatin1StringView("expired"));
    const auto canceled = r.count(QLatin1StringView("canceled"));

    auto v = [](const std::optional<qint64> &n) {
        return n.value_or(0);
    };
    const bool allZero = v(total) == 0 && v(completed) == 0 && v(failed) == 0 && v(succeeded) == 0
                         && v(expired) == 0 && v(canceled) == 0 && v(pending) == 0;
    if (allZero)
        return; // Bifrost's "the provider reported nothing", never "0 of 0"

    Job &j = out.job;
    if (total && *total > 0)
        j.totalRecordCount = total;
    // A count that is there but unreadable would make every count derived from it wrong (a
    // "succeeded" sent as text is not zero successes): only the total is kept then.
    // (An unreadable total only loses the total.)
    if (out.problems.size() > problemsBefore)
        return;
    // Gemini reports a percentage, with completed/failed left at zero: those zeros say nothing.
    if (hasProgress && v(completed) == 0 && v(failed) == 0 && v(succeeded) == 0)
        return;
    if (!completed && !failed && !succeeded)
        return;
    // Bifrost: Anthropic's `succeeded` is sent beside `completed`; OpenAI's `completed` counts
    // the records that succeeded, its `failed` those that did not.
    const qint64 successes = succeeded ? *succeeded : v(completed);
    const qint64 processed = successes + v(failed) + v(expired) + v(canceled);
    j.successRecordCount = successes;
    if (failed)
        j.errorRecordCount = failed;
    if (!total || *total <= 0 || processed <= *total) {
        j.processedRecordCount = processed;
    } else if (v(completed) <= *total && !succeeded) {
        // completed already included the failed records (a provider counting that way).
        j.processedRecordCount = v(completed);
        j.successRecordCount = v(completed) - qMin(v(failed), v(completed));
    } else {
        out.problems.append({QStringLiteral("request_counts"), ParseProblem::Kind::CountsDisagree,
                             ValueType::Count, ValueType::Count, QString::number(processed),
                             QString::number(*total)});
        j.processedRecordCount = processed;
    }
}

} // namespace

ParsedJob parseBatch(const QJsonObject &object, const QString &askedProvider)
{
    ParsedJob out;
    out.raw = object;
    Reader r(object, out.problems);
    Job &j = out.job;

    j.jobArn = r.string(QLatin1StringView("id"));
    if (j.jobArn && j.jobArn->isEmpty())
        j.jobArn.reset();
    if (auto status = r.string(QLatin1StringView("status")); status && !status->isEmpty())
        j.status = Status::fromString(*status);

    QString provider;
    if (auto extra = r.object(QLatin1StringView("extra_fields"))) {
        Reader er(*extra, out.problems, QStringLiteral("extra_fields"));
        provider = er.string(QLatin1StringView("provider")).value_or(QString());
    }
    if (provider.isEmpty())
        provider = askedProvider;
    if (!provider.isEmpty())
        j.provider = provider.trimmed().toLower();

    j.submitTime = r.unixTime(QLatin1StringView("created_at"));
    j.jobExpirationTime = r.unixTime(QLatin1StringView("expires_at"));
    j.inProgressAt = r.unixTime(QLatin1StringView("in_progress_at"));
    j.finalizingAt = r.unixTime(QLatin1StringView("finalizing_at"));
    j.completedAt = r.unixTime(QLatin1StringView("completed_at"));
    j.failedAt = r.unixTime(QLatin1StringView("failed_at"));
    j.expiredAt = r.unixTime(QLatin1StringView("expired_at"));
    j.cancellingAt = r.unixTime(QLatin1StringView("cancelling_at"));
    j.cancelledAt = r.unixTime(QLatin1StringView("cancelled_at"));
    // The end is the terminal moment the gateway reports; the latest one when several are.
    for (const auto *t : {&j.completedAt, &j.failedAt, &j.expiredAt, &j.cancelledAt}) {
        if (*t && (!j.endTime || **t > *j.endTime))
            j.endTime = **t;
    }

    if (auto meta = r.object(QLatin1StringView("metadata"))) {
        Reader mr(*meta, out.problems, QStringLiteral("metadata"));
        j.jobName = mr.string(QLatin1StringView("job_name"));
        if (!j.jobName || j.jobName->isEmpty())
            j.jobName = mr.string(QLatin1StringView("display_name"));
        if (j.jobName && j.jobName->isEmpty())
            j.jobName.reset();
    }
    if (auto input = r.string(QLatin1StringView("input_file_id")); input && !input->isEmpty())
        j.inputDataConfig = InputDataConfig{*input, std::nullopt, std::nullopt};
    if (auto output = r.string(QLatin1StringView("output_file_id")); output && !output->isEmpty())
        j.outputDataConfig = OutputDataConfig{*output, std::nullopt, std::nullopt};

    if (auto errors = r.object(QLatin1StringView("errors"))) {
        Reader er(*errors, out.problems, QStringLiteral("errors"));
        if (auto data = er.array(QLatin1StringView("data"))) {
            QStringList messages;
            int read = 0; // entries read: only the first ones count (five messages at most)
            forEachObject(
                    *data, QStringLiteral("errors.data"), out.problems,
                    [&](const QJsonObject &item, const QString &itemPath) {
                        Reader ir(item, out.problems, itemPath);
                        const QString code = ir.code(QLatin1StringView("code")).value_or(QString());
                        const QString message
                                = ir.string(QLatin1StringView("message")).value_or(QString());
                        ++read;
                        if (!message.isEmpty() || !code.isEmpty())
                            messages.append(code.isEmpty() || message.isEmpty()
                                                    ? code + message
                                                    : QStringLiteral("%1: %2").arg(code, message));
                        return messages.size() < 5 && read < kMaxEntryProblems;
                    });
            if (!messages.isEmpty())
                j.message = messages.join(QStringLiteral("; "));
        }
    }

    j.progressPercent = r.percent(QLatin1StringView("progress"));
    readCounts(r, out, j.progressPercent.has_value());
    // Read only for their types (kept in raw): a wrong type is worth telling.
    r.boolean(QLatin1StringView("done"));
    r.string(QLatin1StringView("processing_status"));
    return out;
}

Expected<ParsedJob> parseRetrieveBody(const QByteArray &body, const QString &askedProvider)
{
    const Expected<QJsonObject> obj = parseBodyObject(body);
    if (!obj)
        return obj.error();
    ParsedJob parsed = parseBatch(*obj, askedProvider);
    // As for a Bedrock-format job (JobCodec::parseRetrieveBody): a batch is followed by its id
    // and its status, so one whose id cannot be read, or whose status is there but unreadable,
    // is an error that names them (the last known state stays); a status left out is only not
    // reported. Other fields of the wrong type stay problems on the job.
    const bool statusUnreadable = std::any_of(
            parsed.problems.cbegin(), parsed.problems.cend(),
            [](const ParseProblem &p) { return p.field == QLatin1StringView("status"); });
    if (!parsed.job.jobArn || statusUnreadable)
        return badBody(unreadableJob(*obj, parsed.problems,
                                     ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "batch")),
                                     QLatin1StringView("id"), parsed.job.jobArn.has_value()));
    return parsed;
}

QList<ParseProblem> problemsIn(const QJsonObject &raw)
{
    return parseBatch(raw).problems;
}

Expected<ParsedJob> parseCancelBody(const QByteArray &body, const QString &askedProvider)
{
    return parseRetrieveBody(body, askedProvider);
}

Expected<NativeListPage> parseListBody(const QByteArray &body, const QString &askedProvider)
{
    const Expected<QJsonObject> obj = parseBodyObject(body);
    if (!obj)
        return obj.error();
    NativeListPage page;
    Reader r(*obj, page.problems);
    const QJsonValue data = obj->value(QLatin1StringView("data"));
    if (!data.isArray() && !data.isNull() && !data.isUndefined())
        return badBody(ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                    "\"data\" is %1, not a list of batches"))
                               .arg(jsonTypeName(data)));
    if (data.isUndefined() && !obj->contains(QLatin1StringView("has_more")))
        return badBody(ClientText(QT_TRANSLATE_NOOP(
                "bw::GatewayClient", "the body is not a list of batches (no \"data\")")));

    QString provider = askedProvider;
    if (auto extra = r.object(QLatin1StringView("extra_fields"))) {
        Reader er(*extra, page.problems, QStringLiteral("extra_fields"));
        if (auto p = er.string(QLatin1StringView("provider")); p && !p->isEmpty())
            provider = *p;
    }
    const QJsonArray items = data.toArray();
    {
        ListPageProblems limits(page.problems, QStringLiteral("data"), items.size());
        forEachObject(items, QStringLiteral("data"), page.problems,
                      [&](const QJsonObject &item, const QString &itemPath) {
                          if (!limits.take())
                              return false;
                          ParsedJob parsed = parseBatch(item, provider);
                          for (const ParseProblem &p : std::as_const(parsed.problems))
                              limits.add(itemPath, p);
                          if (!parsed.job.jobArn)
                              limits.add(itemPath, {{},
                                                    ParseProblem::Kind::LeftOut,
                                                    ValueType::Object,
                                                    ValueType::Object,
                                                    {},
                                                    {}});
                          else
                              page.jobs.append(std::move(parsed));
                          return true;
                      });
    } // `limits` adds its counts here, before the page is returned
    page.hasMore = r.boolean(QLatin1StringView("has_more")).value_or(false);
    auto nonEmpty = [](std::optional<QString> s) {
        return s && !s->isEmpty() ? s : std::nullopt;
    };
    page.firstId = nonEmpty(r.string(QLatin1StringView("first_id")));
    page.lastId = nonEmpty(r.string(QLatin1StringView("last_id")));
    page.nextCursor = nonEmpty(r.string(QLatin1StringView("next_cursor")));
    if (!page.nextCursor)
        page.nextCursor = nonEmpty(r.string(QLatin1StringView("next_page_token")));
    return page;
}

ResultRecord parseResultRecord(const QJsonObject &object, QList<ParseProblem> &problems,
                               const QString &path)
{
    ResultRecord rec;
    Reader r(object, problems, path);
    rec.customId = r.string(QLatin1StringView("custom_id")).value_or(QString());

    std::optional<QString> type;
    QString code;
    QString message;
    if (auto result = r.object(QLatin1StringView("result"))) {
        const QString resultPath = r.path(QLatin1StringView("result"));
        Reader rr(*result, problems, resultPath);
        type = rr.string(QLatin1StringView("type"));
        // Anthropic's own shape keeps the error inside the result.
        if (auto err = rr.object(QLatin1StringView("error"))) {
            Reader er(*err, problems, resultPath + u".error");
            code = er.code(QLatin1StringView("type")).value_or(QString());
            message = er.string(QLatin1StringView("message")).value_or(QString());
        }
    }
    std::optional<QString> statusCode;
    if (auto response = r.object(QLatin1StringView("response"))) {
        Reader rr(*response, problems, r.path(QLatin1StringView("response")));
        statusCode = rr.code(QLatin1StringView("status_code"));
    }
    const bool hasError = r.present(QLatin1StringView("error"));
    if (auto err = r.object(QLatin1StringView("error"))) {
        Reader er(*err, problems, r.path(QLatin1StringView("error")));
        if (auto c = er.code(QLatin1StringView("code")); c && !c->isEmpty())
            code = *c;
        else if (auto t = er.string(QLatin1StringView("type"));
                 t && !t->isEmpty() && code.isEmpty())
            code = *t;
        if (auto m = er.string(QLatin1StringView("message")); m && !m->isEmpty())
            message = *m;
    }

    const QString word = type.value_or(QString()).trimmed().toLower();
    const bool badStatus = statusCode && !statusCode->startsWith(u'2');
    if (word == QLatin1StringView("succeeded"))
        rec.outcome = ResultOutcome::Succeeded;
    else if (word == QLatin1StringView("errored"))
        rec.outcome = ResultOutcome::Errored;
    else if (word == QLatin1StringView("expired"))
        rec.outcome = ResultOutcome::Expired;
    else if (word == QLatin1StringView("canceled") || word == QLatin1StringView("cancelled"))
        rec.outcome = ResultOutcome::Canceled;
    else
        rec.outcome = hasError || badStatus ? ResultOutcome::Errored : ResultOutcome::Succeeded;
    // An error beside a "succeeded" type is believed: the record did not succeed.
    if (rec.outcome == ResultOutcome::Succeeded && (hasError || badStatus))
        rec.outcome = ResultOutcome::Errored;

    if (rec.outcome != ResultOutcome::Succeeded) {
        if (code.isEmpty() && statusCode && badStatus)
            code = *statusCode;
        if (code.isEmpty())
            code = word.isEmpty() ? QStringLiteral("errored") : word;
        rec.code = code;
        rec.message = message;
    }
    return rec;
}

Expected<NativeResultsPage> parseResultsBody(const QByteArray &body,
                                             const std::function<void(const ResultRecord &)> &sink)
{
    const Expected<QJsonObject> obj = parseBodyObject(body);
    if (!obj)
        return obj.error();
    const QJsonValue results = obj->value(QLatin1StringView("results"));
    if (!results.isArray() && !results.isNull())
        return badBody(
                results.isUndefined()
                        ? ClientText(QT_TRANSLATE_NOOP(
                                "bw::GatewayClient",
                                "the body is not a results page (no \"results\")"))
                        : ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                       "\"results\" is %1, not a list of records"))
                                  .arg(jsonTypeName(results)));
    NativeResultsPage page;
    Reader r(*obj, page.problems);
    page.batchId = r.string(QLatin1StringView("batch_id")).value_or(QString());
    forEachObject(results.toArray(), QStringLiteral("results"), page.problems,
                  [&](const QJsonObject &item, const QString &itemPath) {
                      const ResultRecord rec = parseResultRecord(item, page.problems, itemPath);
                      ++page.records;
                      if (sink)
                          sink(rec);
                      return true;
                  });
    page.hasMore = r.boolean(QLatin1StringView("has_more")).value_or(false);
    if (auto cursor = r.string(QLatin1StringView("next_cursor")); cursor && !cursor->isEmpty())
        page.nextCursor = cursor;
    return page;
}

} // namespace bw::NativeCodec
