#include "wire/jobcodec.h"

#include "wire/clienttext.h"
#include "wire/jsonfieldreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace bw::JobCodec {

namespace {

class FieldReader : public JsonFieldReader
{
public:
    using JsonFieldReader::JsonFieldReader;

    std::optional<qint64> integer(QLatin1StringView key, qint64 min = 0)
    {
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        std::optional<qint64> n;
        if (v.isDouble()) {
            n = exactInteger(v.toDouble());
            if (!n) {
                problem(key, {{},
                              ParseProblem::Kind::NotWholeNumber,
                              ValueType::WholeNumber,
                              ValueType::Number,
                              QString::number(v.toDouble()),
                              {}});
                return std::nullopt;
            }
        } else if (v.isString()) {
            bool ok = false;
            n = v.toString().trimmed().toLongLong(&ok);
            if (!ok) {
                wrongType(key, ValueType::WholeNumber, v, v.toString().left(40));
                return std::nullopt;
            }
            problem(key, {{},
                          ParseProblem::Kind::NumberAsText,
                          ValueType::WholeNumber,
                          ValueType::Text,
                          {},
                          {}});
        } else {
            wrongType(key, ValueType::WholeNumber, v);
            return std::nullopt;
        }
        if (*n < min) {
            problem(key, {{},
                          ParseProblem::Kind::BelowMinimum,
                          ValueType::WholeNumber,
                          ValueType::Number,
                          QString::number(*n),
                          QString::number(min)});
            return std::nullopt;
        }
        return n;
    }

    std::optional<QDateTime> timestamp(QLatin1StringView key)
    {
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (v.isDouble()) {
            // Some SDKs serialise timestamps as epoch seconds.
            const double secs = v.toDouble();
            auto parsed = fromEpochSeconds(secs);
            if (!parsed)
                problem(key, {{},
                              ParseProblem::Kind::NotATime,
                              ValueType::Timestamp,
                              ValueType::Number,
                              QString::number(secs, 'g', 15),
                              {}});
            return parsed;
        }
        if (!v.isString()) {
            wrongType(key, ValueType::Timestamp, v);
            return std::nullopt;
        }
        auto parsed = parseTimestamp(v.toString());
        if (!parsed)
            problem(key, {{},
                          ParseProblem::Kind::NotATime,
                          ValueType::Timestamp,
                          ValueType::Text,
                          v.toString().left(60),
                          {}});
        return parsed;
    }

    QStringList stringList(QLatin1StringView key)
    {
        const QJsonValue v = m_obj.value(key);
        QStringList out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (v.isString()) {
            wrongType(key, ValueType::List, v, v.toString().left(60));
            out << v.toString();
            return out;
        }
        if (!v.isArray()) {
            wrongType(key, ValueType::List, v);
            return out;
        }
        const QJsonArray arr = v.toArray();
        EntryProblems bad(m_problems, path(key), ValueType::Text);
        for (qsizetype i = 0; i < arr.size(); ++i) {
            if (arr.at(i).isString())
                out << arr.at(i).toString();
            else
                bad.add(i, arr.at(i));
        }
        return out;
    }
};

bool looksLikeErrorObject(const QJsonObject &obj)
{
    if (obj.contains(QLatin1StringView("jobArn")) || obj.contains(QLatin1StringView("status")))
        return false;
    return obj.contains(QLatin1StringView("__type")) || obj.contains(QLatin1StringView("error"))
           || (obj.contains(QLatin1StringView("message"))
               && obj.contains(QLatin1StringView("type")));
}

QString firstLine(const QString &text, int maxChars = 300)
{
    QString line = text.trimmed().section(u'\n', 0, 0).trimmed();
    if (line.size() > maxChars)
        line = QString(line.left(maxChars - 1)) + QChar(0x2026);
    return line;
}

// inputDataConfig / outputDataConfig: {"<wrapper>": {"<key>": "string", ...}}, the string
// fields of Config by their API names.
template<typename Config>
struct S3ConfigShape
{
    QLatin1StringView name;
    QLatin1StringView wrapper;
    std::array<std::pair<QLatin1StringView, std::optional<QString> Config::*>, 3> keys;
};

constexpr S3ConfigShape<InputDataConfig> kInputConfig{
        QLatin1StringView("inputDataConfig"),
        QLatin1StringView("s3InputDataConfig"),
        {{{QLatin1StringView("s3Uri"), &InputDataConfig::s3Uri},
          {QLatin1StringView("s3InputFormat"), &InputDataConfig::s3InputFormat},
          {QLatin1StringView("s3BucketOwner"), &InputDataConfig::s3BucketOwner}}}};
constexpr S3ConfigShape<OutputDataConfig> kOutputConfig{
        QLatin1StringView("outputDataConfig"),
        QLatin1StringView("s3OutputDataConfig"),
        {{{QLatin1StringView("s3Uri"), &OutputDataConfig::s3Uri},
          {QLatin1StringView("s3EncryptionKeyId"), &OutputDataConfig::s3EncryptionKeyId},
          {QLatin1StringView("s3BucketOwner"), &OutputDataConfig::s3BucketOwner}}}};

// The config of `shape` read by the codec's rules (problems on "name.wrapper.key"); nullopt when
// the body has none.
template<typename Config>
std::optional<Config> parseS3Config(FieldReader &r, const S3ConfigShape<Config> &shape,
                                    QList<ParseProblem> &problems)
{
    const std::optional<QJsonObject> outer = r.object(shape.name);
    if (!outer)
        return std::nullopt;
    FieldReader outerReader(*outer, problems, QString(shape.name));
    Config config;
    if (auto s3 = outerReader.object(shape.wrapper)) {
        FieldReader s3r(*s3, problems, outerReader.path(shape.wrapper));
        for (const auto &[key, member] : shape.keys)
            config.*member = s3r.string(key);
    }
    return config;
}

template<typename Config>
void putS3Config(QJsonObject &o, const S3ConfigShape<Config> &shape,
                 const std::optional<Config> &config)
{
    if (!config)
        return;
    QJsonObject s3;
    for (const auto &[key, member] : shape.keys) {
        if (const std::optional<QString> &value = (*config).*member)
            s3.insert(key, *value);
    }
    o.insert(shape.name, QJsonObject{{shape.wrapper, s3}});
}

// A body of a job route: its object, or the BadBody error, or the gateway's error when a 2xx body
// is one.
Expected<QJsonObject> jobBodyObject(const QByteArray &body)
{
    Expected<QJsonObject> obj = parseBodyObject(body);
    if (obj && looksLikeErrorObject(*obj))
        return parseErrorResponse(200, body, "application/json");
    return obj;
}

QString htmlTitle(const QByteArray &body)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                          QRegularExpression::CaseInsensitiveOption);
    const auto m = title.match(QString::fromUtf8(body.left(64 * 1024)));
    return m.hasMatch() ? m.captured(1).simplified() : QString();
}

} // namespace

std::optional<QDateTime> parseTimestamp(QStringView text)
{
    // The form gateways send, "YYYY-MM-DDTHH:MM:SS[.fraction]Z", read by hand; the same instant
    // the expression below gives it (tst_jobcodec parsesTimestamps).
    if (text.size() >= 20 && text.size() <= 30 && text.back() == u'Z') {
        bool ok = true;
        const auto number = [&text, &ok](qsizetype from, qsizetype length) {
            int n = 0;
            for (qsizetype i = from; i < from + length; ++i) {
                const char16_t c = text[i].unicode();
                if (c < u'0' || c > u'9')
                    ok = false;
                else
                    n = n * 10 + (c - u'0');
            }
            return n;
        };
        const qsizetype fraction = text.size() - 21; // digits after the '.', if any
        ok = text[4] == u'-' && text[7] == u'-' && text[10] == u'T' && text[13] == u':'
             && text[16] == u':'
             && (text.size() == 20 || (text[19] == u'.' && fraction >= 1 && fraction <= 9));
        if (ok) {
            const int year = number(0, 4);
            const int month = number(5, 2);
            const int day = number(8, 2);
            const int hour = number(11, 2);
            const int minute = number(14, 2);
            const int second = number(17, 2);
            int msec = 0;
            if (text.size() > 20) {
                for (qsizetype i = 0; i < 3; ++i)
                    msec = msec * 10 + (i < fraction ? number(20 + i, 1) : 0);
                number(20, fraction); // all digits
            }
            if (ok) {
                if (!QDate::isValid(year, month, day)
                    || !QTime::isValid(hour, minute, second, msec))
                    return std::nullopt;
                return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec),
                                 Qt::UTC);
            }
        }
    }
    static const QRegularExpression re(
            QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2}))?"
                           "(?:[.,](\\d{1,9}))?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QString s = text.trimmed().toString();
    const auto m = re.match(s);
    if (!m.hasMatch()) {
        bool ok = false;
        const double secs = s.toDouble(&ok);
        return ok ? fromEpochSeconds(secs) : std::nullopt;
    }
    const int year = m.capturedView(1).toInt();
    const int month = m.capturedView(2).toInt();
    const int day = m.capturedView(3).toInt();
    const int hour = m.capturedView(4).toInt();
    const int minute = m.capturedView(5).toInt();
    const int second = m.capturedView(6).isEmpty() ? 0 : m.capturedView(6).toInt();
    int msec = 0;
    if (const QStringView frac = m.capturedView(7); !frac.isEmpty())
        msec = QString(frac.toString() + QStringLiteral("00")).left(3).toInt();

    const QDate date(year, month, day);
    // 24:00:00 and leap seconds (:60) are not worth a special case: reject them.
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;

    int offsetSeconds = 0;
    const QStringView zone = m.capturedView(8);
    if (!zone.isEmpty() && zone != u"Z" && zone != u"z") {
        const int sign = zone.front() == u'-' ? -1 : 1;
        const QString digits = zone.mid(1).toString().remove(u':');
        const int hh = digits.left(2).toInt();
        const int mm = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
        if (hh > 23 || mm > 59)
            return std::nullopt;
        offsetSeconds = sign * (hh * 3600 + mm * 60);
    }
    QDateTime dt(date, time, QTimeZone(offsetSeconds));
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

namespace {

// formatTimestamp's 24 characters of `utc` (a valid UTC time) into `text`, by hand for years
// 1..9999 (QDateTime::toString with a format goes through QCalendar and QLocale: a third of the
// cost of writing a job to the store); false for other years (nothing written).
template<typename Char>
bool timestampChars(const QDateTime &utc, Char *text)
{
    const QDate date = utc.date();
    const QTime time = utc.time();
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day); // one calendar conversion, not three
    if (year < 1 || year > 9999)
        return false;
    const auto put = [text](int at, int value, int digits) {
        for (int k = digits - 1; k >= 0; --k, value /= 10)
            text[at + k] = Char('0' + value % 10);
    };
    const int values[]{year, month, day, time.hour(), time.minute(), time.second(), time.msec()};
    constexpr int widths[]{4, 2, 2, 2, 2, 2, 3};
    constexpr char after[] = "--T::.Z";
    for (int f = 0, at = 0; f < 7; ++f) {
        put(at, values[f], widths[f]);
        at += widths[f];
        text[at++] = Char(after[f]);
    }
    return true;
}

constexpr int kTimestampChars = 24;

} // namespace

QString formatTimestamp(const QDateTime &instant)
{
    // The same text as toString("yyyy-MM-ddTHH:mm:ss.zzz") + 'Z'.
    const QDateTime utc = instant.toUTC();
    char16_t text[kTimestampChars];
    if (!utc.isValid() || !timestampChars(utc, text))
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + u'Z';
    return QString(reinterpret_cast<const QChar *>(text), kTimestampChars);
}

ParsedJob parseJob(const QJsonObject &object)
{
    ParsedJob out;
    out.raw = object;
    FieldReader r(object, out.problems);
    Job &j = out.job;

    j.jobArn = r.string(QLatin1StringView("jobArn"));
    if (auto s = r.string(QLatin1StringView("status")))
        j.status = Status::fromString(*s);
    j.jobName = r.string(QLatin1StringView("jobName"));
    j.modelId = r.string(QLatin1StringView("modelId"));
    j.roleArn = r.string(QLatin1StringView("roleArn"));
    j.clientRequestToken = r.string(QLatin1StringView("clientRequestToken"));
    j.message = r.string(QLatin1StringView("message"));
    j.submitTime = r.timestamp(QLatin1StringView("submitTime"));
    j.lastModifiedTime = r.timestamp(QLatin1StringView("lastModifiedTime"));
    j.endTime = r.timestamp(QLatin1StringView("endTime"));
    j.jobExpirationTime = r.timestamp(QLatin1StringView("jobExpirationTime"));
    j.timeoutDurationInHours = r.integer(QLatin1StringView("timeoutDurationInHours"), 0);
    j.modelInvocationType = r.string(QLatin1StringView("modelInvocationType"));
    j.totalRecordCount = r.integer(QLatin1StringView("totalRecordCount"));
    j.processedRecordCount = r.integer(QLatin1StringView("processedRecordCount"));
    j.successRecordCount = r.integer(QLatin1StringView("successRecordCount"));
    j.errorRecordCount = r.integer(QLatin1StringView("errorRecordCount"));
    // batchwatch's own names for what Bifrost's native API adds (toJson writes them; the
    // native bodies themselves are read by NativeCodec).
    j.provider = r.string(QLatin1StringView("provider"));
    j.inProgressAt = r.timestamp(QLatin1StringView("inProgressAt"));
    j.finalizingAt = r.timestamp(QLatin1StringView("finalizingAt"));
    j.completedAt = r.timestamp(QLatin1StringView("completedAt"));
    j.failedAt = r.timestamp(QLatin1StringView("failedAt"));
    j.expiredAt = r.timestamp(QLatin1StringView("expiredAt"));
    j.cancellingAt = r.timestamp(QLatin1StringView("cancellingAt"));
    j.cancelledAt = r.timestamp(QLatin1StringView("cancelledAt"));
    if (const QJsonValue p = object.value(QLatin1StringView("progressPercent")); p.isDouble()) {
        if (const double d = p.toDouble(); d >= 0 && d <= 100)
            j.progressPercent = d;
        else
            out.problems.append({QStringLiteral("progressPercent"),
                                 ParseProblem::Kind::OutOfRange,
                                 ValueType::Percentage,
                                 ValueType::Number,
                                 QString::number(d),
                                 {}});
    } else if (!p.isUndefined() && !p.isNull()) {
        out.problems.append(ParseProblem::wrongType(QStringLiteral("progressPercent"),
                                                    ValueType::Percentage, jsonValueType(p)));
    }

    j.inputDataConfig = parseS3Config(r, kInputConfig, out.problems);
    j.outputDataConfig = parseS3Config(r, kOutputConfig, out.problems);
    if (auto vpc = r.object(QLatin1StringView("vpcConfig"))) {
        FieldReader vr(*vpc, out.problems, QStringLiteral("vpcConfig"));
        VpcConfig cfg;
        cfg.securityGroupIds = vr.stringList(QLatin1StringView("securityGroupIds"));
        cfg.subnetIds = vr.stringList(QLatin1StringView("subnetIds"));
        j.vpcConfig = cfg;
    }
    return out;
}

namespace {

// parseRetrieveBody through QJsonDocument: every body, `raw` always filled.
Expected<ParsedJob> parseRetrieveBodyFromDocument(const QByteArray &body)
{
    const Expected<QJsonObject> obj = jobBodyObject(body);
    if (!obj)
        return obj.error();
    ParsedJob parsed = parseJob(*obj);
    if (parsed.job.presentFields().isEmpty() && parsed.problems.isEmpty())
        return badBody(ClientText(QT_TRANSLATE_NOOP(
                "bw::GatewayClient", "the body is a JSON object without any job field")));
    // A job is followed for its status: one that is there but unreadable (a number, an array)
    // makes the whole answer untrustworthy, so it is an error — the last known state stays —
    // rather than a job of unknown status. A status left out (or null) is only not reported.
    const bool statusUnreadable = std::any_of(
            parsed.problems.cbegin(), parsed.problems.cend(),
            [](const ParseProblem &p) { return p.field == QLatin1StringView("status"); });
    if ((!parsed.job.jobArn && !parsed.job.status) || statusUnreadable)
        return badBody(unreadableJob(*obj, parsed.problems,
                                     ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "job")),
                                     QLatin1StringView("jobArn"), parsed.job.jobArn.has_value()));
    parsed.rawText = body;
    return parsed;
}

} // namespace

QList<ParseProblem> problemsIn(const QJsonObject &raw)
{
    return parseJob(raw).problems;
}

Expected<ListPage> parseListBody(const QByteArray &body)
{
    const Expected<QJsonObject> obj = jobBodyObject(body);
    if (!obj)
        return obj.error();

    ListPage page;
    const QJsonValue summaries = obj->value(QLatin1StringView("invocationJobSummaries"));
    if (summaries.isUndefined() || summaries.isNull()) {
        if (!obj->contains(QLatin1StringView("nextToken")))
            return badBody(ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                        "the body has no invocationJobSummaries")));
    } else if (!summaries.isArray()) {
        return badBody(ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                    "invocationJobSummaries is %1, not an array"))
                               .arg(jsonTypeName(summaries)));
    } else {
        const QJsonArray arr = summaries.toArray();
        page.jobs.reserve(std::min<qsizetype>(arr.size(), kMaxListEntries));
        ListPageProblems limits(page.problems, QStringLiteral("invocationJobSummaries"),
                                arr.size());
        forEachObject(arr, QStringLiteral("invocationJobSummaries"), page.problems,
                      [&page, &limits](const QJsonObject &item, const QString &itemPath) {
                          if (!limits.take())
                              return false;
                          ParsedJob job = parseJob(item);
                          for (const ParseProblem &p : std::as_const(job.problems))
                              limits.add(itemPath, p);
                          page.jobs.append(std::move(job));
                          return true;
                      });
    }
    const QJsonValue token = obj->value(QLatin1StringView("nextToken"));
    if (token.isString() && !token.toString().isEmpty())
        page.nextToken = token.toString();
    else if (!token.isUndefined() && !token.isNull() && !token.isString())
        page.problems.append(ParseProblem::wrongType(QStringLiteral("nextToken"), ValueType::Text,
                                                     jsonValueType(token)));
    return page;
}

Expected<StopAck> parseStopBody(const QByteArray &body)
{
    StopAck ack;
    if (body.trimmed().isEmpty())
        return ack;
    const Expected<QJsonObject> obj = jobBodyObject(body);
    if (!obj)
        return obj.error();
    QList<ParseProblem> ignored;
    FieldReader r(*obj, ignored);
    ack.jobArn = r.string(QLatin1StringView("jobArn"));
    if (auto s = r.string(QLatin1StringView("status")))
        ack.status = Status::fromString(*s);
    return ack;
}

QString cleanErrorType(QString type)
{
    type = type.trimmed();
    if (const qsizetype hash = type.lastIndexOf(u'#'); hash >= 0)
        type = type.mid(hash + 1);
    if (const qsizetype colon = type.indexOf(u':'); colon >= 0)
        type = type.left(colon);
    return type.trimmed().left(200);
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').value(0).trimmed().toLower();
    return mime == "application/json" || mime.endsWith("+json")
           || mime.startsWith("application/x-amz-json");
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray head = body.left(512).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
           || head.startsWith("<body") || (head.startsWith('<') && head.contains("<html"));
}

GatewayError parseErrorResponse(int httpStatus, const QByteArray &body,
                                const QByteArray &contentType, const QByteArray &amznErrorType)
{
    GatewayError e;
    e.kind = GatewayError::Kind::Http;
    e.httpStatus = httpStatus;

    QJsonParseError perr{};
    const QByteArray trimmed = body.trimmed();
    const QJsonDocument doc
            = trimmed.startsWith('{') ? QJsonDocument::fromJson(trimmed, &perr) : QJsonDocument();
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        auto str = [&o](const char *key) {
            const QJsonValue v = o.value(QLatin1StringView(key));
            return v.isString() ? v.toString() : QString();
        };
        QString type = str("__type");
        if (type.isEmpty())
            type = str("type");
        if (type.isEmpty())
            type = str("code");
        QString message = str("message");
        if (message.isEmpty())
            message = str("Message");
        const QJsonValue err = o.value(QLatin1StringView("error"));
        if (err.isObject()) {
            const QJsonObject eo = err.toObject();
            if (message.isEmpty())
                message = eo.value(QLatin1StringView("message")).toString();
            if (type.isEmpty())
                type = eo.value(QLatin1StringView("type")).toString();
            if (type.isEmpty())
                type = eo.value(QLatin1StringView("code")).toString();
        } else if (err.isString() && message.isEmpty()) {
            message = err.toString();
        }
        e.gatewayType = cleanErrorType(type);
        e.message = message.left(4096);
    } else if (looksLikeHtml(body)) {
        // batchwatch's words (the page's title is the gateway's): shown in the interface's
        // language, stored in English.
        const QString title = htmlTitle(body);
        const ClientText text
                = title.isEmpty()
                          ? ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                         "the gateway answered with an HTML page"))
                          : ClientText(QT_TRANSLATE_NOOP(
                                               "bw::GatewayClient",
                                               "the gateway answered with an HTML page (%1)"))
                                    .arg(title.left(120));
        e.message = text.english();
        if (text.shown() != text.english())
            e.shownMessage = text.shown();
    } else if (!trimmed.isEmpty()) {
        Q_UNUSED(contentType);
        e.message = firstLine(QString::fromUtf8(trimmed.left(4096)));
    }
    if (e.gatewayType.isEmpty() && !amznErrorType.isEmpty())
        e.gatewayType = cleanErrorType(QString::fromUtf8(amznErrorType));
    return e;
}

QJsonObject toJson(const Job &j)
{
    QJsonObject o;
    auto putString = [&o](const char *key, const std::optional<QString> &v) {
        if (v)
            o.insert(QLatin1StringView(key), *v);
    };
    auto putTime = [&o](const char *key, const std::optional<QDateTime> &v) {
        if (v && v->isValid())
            o.insert(QLatin1StringView(key), formatTimestamp(*v));
    };
    auto putInt = [&o](const char *key, const std::optional<qint64> &v) {
        if (v)
            o.insert(QLatin1StringView(key), static_cast<double>(*v));
    };
    putString("jobArn", j.jobArn);
    if (j.status)
        o.insert(QLatin1StringView("status"), j.status->raw());
    putString("jobName", j.jobName);
    putString("modelId", j.modelId);
    putString("roleArn", j.roleArn);
    putString("clientRequestToken", j.clientRequestToken);
    putString("message", j.message);
    putTime("submitTime", j.submitTime);
    putTime("lastModifiedTime", j.lastModifiedTime);
    putTime("endTime", j.endTime);
    putTime("jobExpirationTime", j.jobExpirationTime);
    putS3Config(o, kInputConfig, j.inputDataConfig);
    putS3Config(o, kOutputConfig, j.outputDataConfig);
    if (j.vpcConfig) {
        QJsonObject vpc;
        vpc.insert(QLatin1StringView("securityGroupIds"),
                   QJsonArray::fromStringList(j.vpcConfig->securityGroupIds));
        vpc.insert(QLatin1StringView("subnetIds"),
                   QJsonArray::fromStringList(j.vpcConfig->subnetIds));
        o.insert(QLatin1StringView("vpcConfig"), vpc);
    }
    putInt("timeoutDurationInHours", j.timeoutDurationInHours);
    putString("modelInvocationType", j.modelInvocationType);
    putInt("totalRecordCount", j.totalRecordCount);
    putInt("processedRecordCount", j.processedRecordCount);
    putInt("successRecordCount", j.successRecordCount);
    putInt("errorRecordCount", j.errorRecordCount);
    putString("provider", j.provider);
    putTime("inProgressAt", j.inProgressAt);
    putTime("finalizingAt", j.finalizingAt);
    putTime("completedAt", j.completedAt);
    putTime("failedAt", j.failedAt);
    putTime("expiredAt", j.expiredAt);
    putTime("cancellingAt", j.cancellingAt);
    putTime("cancelledAt", j.cancelledAt);
    if (j.progressPercent)
        o.insert(QLatin1StringView("progressPercent"), *j.progressPercent);
    return o;
}

namespace {

// --- writing toJson's output directly --------------------------------------------------------
// What QJsonDocument::toJson(Compact) makes of toJson's object: keys in sorted order, strings
// escaped as Qt escapes them, numbers as QJsonValue holds them. tst_jobcodec compares the two.

// A member's key as the writer puts it, `"name":`, padded with zeros to a fixed size so that it
// is copied with one fixed-size copy (strlen and a call to memcpy per key cost a fifth of
// writing a job: bench_refresh). Made once, at the first job written.
struct KeyText
{
    static constexpr qsizetype kRoom = 32;
    std::array<char, kRoom> text{};
    qsizetype size = 0;

    explicit KeyText(const char *name)
    {
        const qsizetype n = qsizetype(std::strlen(name));
        Q_ASSERT(n + 3 <= kRoom);
        text[0] = '"';
        std::memcpy(text.data() + 1, name, size_t(n));
        text[n + 1] = '"';
        text[n + 2] = ':';
        size = n + 3;
    }
};

class CompactWriter
{
public:
    // Appends to `out` (through a pointer into its buffer, grown ahead: QByteArray::append per
    // character cost more than the rest of writing a job); `out` has its final size once the
    // writer is gone.
    explicit CompactWriter(QByteArray &out)
        : m_out(out)
        , m_len(out.size())
        , m_cap(out.size())
    {
        // Room the buffer already has is used first: a caller appending many jobs to one
        // buffer then grows it geometrically, not by a copy of the whole per job.
        const qsizetype capacity = out.capacity();
        if (capacity - m_len >= 1024) {
            m_cap = capacity;
            m_out.resize(m_cap);
            m_data = m_out.data();
        } else {
            reserveMore(1024);
        }
    }
    ~CompactWriter() { m_out.resize(m_len); }
    CompactWriter(const CompactWriter &) = delete;
    CompactWriter &operator=(const CompactWriter &) = delete;

    // `"key":` after a comma unless it is the object's first member.
    void key(const KeyText &name)
    {
        char *dst = room(1 + KeyText::kRoom);
        if (m_needComma)
            *dst++ = ',', ++m_len;
        std::memcpy(dst, name.text.data(), KeyText::kRoom); // its padding is overwritten next
        m_len += name.size;
        m_needComma = true;
    }
    void open(char bracket)
    {
        put(bracket);
        m_needComma = false;
    }
    void close(char bracket)
    {
        put(bracket);
        m_needComma = true;
    }
    void arrayItem()
    {
        if (m_needComma)
            put(',');
        m_needComma = true;
    }
    // False on a UTF-16 surrogate: the caller falls back to QJsonDocument for the whole job.
    // One pass into room for the longest escape of every character (\u00XX, 6 bytes); eight
    // characters at a time while they need no escape (SSE2), as most of a job's text does.
    bool string(const QString &text)
    {
        const qsizetype n = text.size();
        char *const start = room(6 * n + 2);
        char *dst = start;
        *dst++ = '"';
        const char16_t *p = reinterpret_cast<const char16_t *>(text.constData());
        const char16_t *const end = p + n;
        while (p != end) {
#ifdef __SSE2__
            // Plain: 0x20 <= c < 0x80 (a signed compare: c >= 0x8000 is negative), not '"' or
            // '\\'. Stored packed to bytes.
            const __m128i below = _mm_set1_epi16(0x1F);
            const __m128i above = _mm_set1_epi16(0x80);
            const __m128i quote = _mm_set1_epi16(u'"');
            const __m128i backslash = _mm_set1_epi16(u'\\');
            while (end - p >= 8) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                const __m128i special
                        = _mm_or_si128(_mm_cmpeq_epi16(v, quote), _mm_cmpeq_epi16(v, backslash));
                const __m128i plain
                        = _mm_andnot_si128(special, _mm_and_si128(_mm_cmpgt_epi16(v, below),
                                                                  _mm_cmplt_epi16(v, above)));
                if (_mm_movemask_epi8(plain) != 0xFFFF)
                    break;
                _mm_storel_epi64(reinterpret_cast<__m128i *>(dst), _mm_packus_epi16(v, v));
                p += 8;
                dst += 8;
            }
            if (p == end)
                break;
#endif
            const char16_t c = *p++;
            if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
                *dst++ = char(c);
                continue;
            }
            if (c >= 0x80) {
                if (c >= 0xD800 && c <= 0xDFFF)
                    return false;
                if (c < 0x800) {
                    *dst++ = char(0xC0 | (c >> 6));
                } else {
                    *dst++ = char(0xE0 | (c >> 12));
                    *dst++ = char(0x80 | ((c >> 6) & 0x3F));
                }
                *dst++ = char(0x80 | (c & 0x3F));
                continue;
            }
            *dst++ = '\\';
            switch (c) {
            case u'"':
                *dst++ = '"';
                break;
            case u'\\':
                *dst++ = '\\';
                break;
            case u'\b':
                *dst++ = 'b';
                break;
            case u'\f':
                *dst++ = 'f';
                break;
            case u'\n':
                *dst++ = 'n';
                break;
            case u'\r':
                *dst++ = 'r';
                break;
            case u'\t':
                *dst++ = 't';
                break;
            default: {
                static const char hex[] = "0123456789abcdef";
                *dst++ = 'u';
                *dst++ = '0';
                *dst++ = '0';
                *dst++ = hex[c >> 4];
                *dst++ = hex[c & 0xF];
                break;
            }
            }
        }
        *dst++ = '"';
        m_len += dst - start;
        return true;
    }
    // formatTimestamp(t) as a JSON string, without making the QString when it needs no escape.
    bool timestamp(const QDateTime &t)
    {
        const QDateTime utc = t.timeSpec() == Qt::UTC ? t : t.toUTC();
        char *const dst = room(kTimestampChars + 2);
        if (!utc.isValid() || !timestampChars(utc, dst + 1))
            return string(formatTimestamp(t));
        dst[0] = '"';
        dst[kTimestampChars + 1] = '"';
        m_len += kTimestampChars + 2;
        return true;
    }
    // A number as QJsonValue(double) keeps it: an integral value in qint64's range as an integer
    // (-2^63 excepted: Qt writes it as the double it is, -9223372036854776000, like +2^63).
    void number(double d)
    {
        constexpr double kTwo63 = 9223372036854775808.0;
        if (std::isfinite(d) && d == std::trunc(d) && d > -kTwo63 && d < kTwo63)
            integer(static_cast<qint64>(d));
        else if (std::isfinite(d))
            put(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        else
            put("null", 4);
    }

private:
    // What QByteArray::number(qint64) writes.
    void integer(qint64 v)
    {
        char digits[24];
        const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, v);
        put(digits, r.ptr - digits);
    }

    // Room for `n` more bytes at m_data + m_len.
    char *room(qsizetype n)
    {
        if (m_cap - m_len < n)
            reserveMore(n);
        return m_data + m_len;
    }
    void reserveMore(qsizetype n)
    {
        m_cap = std::max(m_cap * 2, m_len + n + 256);
        m_out.resize(m_cap); // the bytes past m_len are written before they are kept
        m_data = m_out.data();
    }
    void put(char c)
    {
        *room(1) = c, ++m_len;
    }
    void put(const char *bytes, qsizetype n)
    {
        std::memcpy(room(n), bytes, size_t(n));
        m_len += n;
    }
    void put(const QByteArray &bytes)
    {
        put(bytes.constData(), bytes.size());
    }

    QByteArray &m_out;
    char *m_data = nullptr;
    qsizetype m_len = 0; // bytes of m_out written
    qsizetype m_cap = 0; // m_out's size while writing
    bool m_needComma = false;
};

// One member of toJson's object: writes it when the job has it (false: give up, see string()).
using MemberWriter = bool (*)(CompactWriter &, const Job &);

template<std::optional<QString> Job::*Member>
bool writeString(CompactWriter &w, const Job &j, const KeyText &name)
{
    if (!(j.*Member))
        return true;
    w.key(name);
    return w.string(*(j.*Member));
}

template<std::optional<QDateTime> Job::*Member>
bool writeTime(CompactWriter &w, const Job &j, const KeyText &name)
{
    const std::optional<QDateTime> &t = j.*Member;
    if (!t || !t->isValid())
        return true;
    w.key(name);
    return w.timestamp(*t);
}

template<std::optional<qint64> Job::*Member>
bool writeCount(CompactWriter &w, const Job &j, const KeyText &name)
{
    if (!(j.*Member))
        return true;
    w.key(name);
    w.number(static_cast<double>(*(j.*Member)));
    return true;
}

// The keys of an S3 config shape as the writer puts them, its members in sorted order.
template<typename Config>
struct S3Keys
{
    KeyText name;
    KeyText wrapper;
    std::vector<std::pair<KeyText, std::optional<QString> Config::*>> members;

    explicit S3Keys(const S3ConfigShape<Config> &shape)
        : name(shape.name.data())
        , wrapper(shape.wrapper.data())
    {
        auto keys = shape.keys;
        std::sort(keys.begin(), keys.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[key, member] : keys)
            members.emplace_back(KeyText(key.data()), member);
    }
};

// {"<wrapper>":{<present keys, sorted>}}; `shape`: the one shape of Config (its keys are made
// once).
template<typename Config>
bool writeS3(CompactWriter &w, const std::optional<Config> &config,
             const S3ConfigShape<Config> &shape)
{
    if (!config)
        return true;
    static const S3Keys<Config> keys(shape);
    w.key(keys.name);
    w.open('{');
    w.key(keys.wrapper);
    w.open('{');
    for (const auto &[key, member] : keys.members) {
        if (const std::optional<QString> &value = (*config).*member) {
            w.key(key);
            if (!w.string(*value))
                return false;
        }
    }
    w.close('}');
    w.close('}');
    return true;
}

bool writeStringList(CompactWriter &w, const KeyText &name, const QStringList &list)
{
    w.key(name);
    w.open('[');
    for (const QString &s : list) {
        w.arrayItem();
        if (!w.string(s))
            return false;
    }
    w.close(']');
    return true;
}

struct NamedMember
{
    const char *name;
    bool (*write)(CompactWriter &, const Job &, const KeyText &);
};

// A NamedMember with its key made.
struct MemberWithKey
{
    KeyText key;
    bool (*write)(CompactWriter &, const Job &, const KeyText &);
};

#define BW_STRING(field)                                                                           \
    NamedMember                                                                                    \
    {                                                                                              \
#field, &writeString < &Job::field>                                                        \
    }
#define BW_TIME(field)                                                                             \
    NamedMember                                                                                    \
    {                                                                                              \
#field, &writeTime < &Job::field>                                                          \
    }
#define BW_COUNT(field)                                                                            \
    NamedMember                                                                                    \
    {                                                                                              \
#field, &writeCount < &Job::field>                                                         \
    }

// Every member toJson writes, in the order QJsonObject keeps keys (sorted).
const std::vector<MemberWithKey> &sortedMembers()
{
    static const std::vector<MemberWithKey> members = [] {
        std::array<NamedMember, JobFieldCount> m{
                BW_STRING(jobArn),
                NamedMember{"status",
                            [](CompactWriter &w, const Job &j, const KeyText &name) {
                                if (!j.status)
                                    return true;
                                w.key(name);
                                return w.string(j.status->raw());
                            }},
                BW_STRING(jobName),
                BW_STRING(modelId),
                BW_STRING(roleArn),
                BW_STRING(clientRequestToken),
                BW_STRING(message),
                BW_TIME(submitTime),
                BW_TIME(lastModifiedTime),
                BW_TIME(endTime),
                BW_TIME(jobExpirationTime),
                NamedMember{"inputDataConfig",
                            [](CompactWriter &w, const Job &j, const KeyText &) {
                                return writeS3(w, j.inputDataConfig, kInputConfig);
                            }},
                NamedMember{"outputDataConfig",
                            [](CompactWriter &w, const Job &j, const KeyText &) {
                                return writeS3(w, j.outputDataConfig, kOutputConfig);
                            }},
                NamedMember{"vpcConfig",
                            [](CompactWriter &w, const Job &j, const KeyText &name) {
                                if (!j.vpcConfig)
                                    return true;
                                static const KeyText groups("securityGroupIds");
                                static const KeyText subnets("subnetIds");
                                w.key(name);
                                w.open('{');
                                const bool ok
                                        = writeStringList(w, groups, j.vpcConfig->securityGroupIds)
                                          && writeStringList(w, subnets, j.vpcConfig->subnetIds);
                                w.close('}');
                                return ok;
                            }},
                BW_COUNT(timeoutDurationInHours),
                BW_STRING(modelInvocationType),
                BW_COUNT(totalRecordCount),
                BW_COUNT(processedRecordCount),
                BW_COUNT(successRecordCount),
                BW_COUNT(errorRecordCount),
                BW_STRING(provider),
                BW_TIME(inProgressAt),
                BW_TIME(finalizingAt),
                BW_TIME(completedAt),
                BW_TIME(failedAt),
                BW_TIME(expiredAt),
                BW_TIME(cancellingAt),
                BW_TIME(cancelledAt),
                NamedMember{"progressPercent",
                            [](CompactWriter &w, const Job &j, const KeyText &name) {
                                if (!j.progressPercent)
                                    return true;
                                w.key(name);
                                w.number(*j.progressPercent);
                                return true;
                            }},
        };
        std::sort(m.begin(), m.end(), [](const NamedMember &a, const NamedMember &b) {
            return std::strcmp(a.name, b.name) < 0;
        });
        std::vector<MemberWithKey> withKeys;
        withKeys.reserve(m.size());
        for (const NamedMember &member : m)
            withKeys.push_back({KeyText(member.name), member.write});
        return withKeys;
    }();
    return members;
}

#undef BW_STRING
#undef BW_TIME
#undef BW_COUNT

} // namespace

bool appendJsonBytes(QByteArray &out, const Job &job)
{
    const qsizetype start = out.size();
    bool ok = true;
    {
        CompactWriter w(out);
        w.open('{');
        for (const MemberWithKey &m : sortedMembers()) {
            ok = m.write(w, job, m.key);
            if (!ok)
                break;
        }
        w.close('}');
    } // out has its final size here
    if (!ok)
        out.truncate(start);
    return ok;
}

bool appendJsonString(QByteArray &out, const QString &text)
{
    const qsizetype start = out.size();
    bool ok = false;
    {
        CompactWriter w(out);
        ok = w.string(text);
    } // out has its final size here
    if (!ok)
        out.truncate(start);
    return ok;
}

QByteArray toJsonBytes(const Job &job)
{
    QByteArray out;
    out.reserve(1024);
    if (!appendJsonBytes(out, job))
        return QJsonDocument(toJson(job)).toJson(QJsonDocument::Compact);
    return out;
}

namespace {

// --- reading toJson's output quickly ----------------------------------------------------------
// These read exactly the shape toJson writes without parseJob's general-purpose machinery
// (regular expressions, problem reports); on anything else they give up and fromJson falls back
// to parseJob, so a field added to Job later, or a row written differently, is still read the
// codec's way.

bool readString(const QJsonValue &v, std::optional<QString> &out)
{
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

bool readTimeText(const QString &s, std::optional<QDateTime> &out)
{
    // JobCodec::formatTimestamp: "YYYY-MM-DDTHH:MM:SS.mmmZ"
    if (s.size() == 24 && s[4] == u'-' && s[7] == u'-' && s[10] == u'T' && s[13] == u':'
        && s[16] == u':' && s[19] == u'.' && s[23] == u'Z') {
        bool ok = true;
        auto number = [&s, &ok](int from, int length) {
            int n = 0;
            for (int i = from; i < from + length; ++i) {
                const char16_t c = s[i].unicode();
                if (c < u'0' || c > u'9')
                    ok = false;
                n = n * 10 + (c - u'0');
            }
            return n;
        };
        const int year = number(0, 4);
        const int month = number(5, 2);
        const int day = number(8, 2);
        const int hour = number(11, 2);
        const int minute = number(14, 2);
        const int second = number(17, 2);
        const int msec = number(20, 3);
        if (ok && QDate::isValid(year, month, day) && QTime::isValid(hour, minute, second, msec)) {
            out = QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), Qt::UTC);
            return true;
        }
    }
    out = parseTimestamp(s);
    return out.has_value();
}

bool readTime(const QJsonValue &v, std::optional<QDateTime> &out)
{
    return v.isString() && readTimeText(v.toString(), out);
}

bool readCount(const QJsonValue &v, std::optional<qint64> &out)
{
    // The codec's limits: a non-negative integer that a double holds exactly.
    const std::optional<qint64> n = v.isDouble() ? exactInteger(v.toDouble()) : std::nullopt;
    if (!n || *n < 0)
        return false;
    out = n;
    return true;
}

bool readStringList(const QJsonValue &v, QStringList &out)
{
    if (!v.isArray())
        return false;
    const QJsonArray array = v.toArray();
    out.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return false;
        out.append(item.toString());
    }
    return true;
}

// {"<wrapper>": {"<key>": "string", ...}} with only the keys of `shape`.
template<typename Config>
bool readS3Config(const QJsonValue &v, const S3ConfigShape<Config> &shape,
                  std::optional<Config> &out)
{
    if (!v.isObject())
        return false;
    Config config;
    const QJsonObject outer = v.toObject();
    if (!outer.isEmpty()) {
        const QJsonValue innerValue = outer.value(shape.wrapper);
        if (outer.size() != 1 || !innerValue.isObject())
            return false;
        const QJsonObject inner = innerValue.toObject();
        qsizetype seen = 0;
        for (const auto &[key, member] : shape.keys) {
            const QJsonValue field = inner.value(key);
            if (field.isUndefined())
                continue;
            ++seen;
            if (!readString(field, config.*member))
                return false;
        }
        if (seen != inner.size())
            return false;
    }
    out = std::move(config);
    return true;
}

bool readVpc(const QJsonValue &v, std::optional<VpcConfig> &out)
{
    if (!v.isObject())
        return false;
    VpcConfig config;
    const QJsonObject o = v.toObject();
    const QJsonValue groups = o.value(QLatin1StringView("securityGroupIds"));
    const QJsonValue subnets = o.value(QLatin1StringView("subnetIds"));
    const qsizetype seen = (groups.isUndefined() ? 0 : 1) + (subnets.isUndefined() ? 0 : 1);
    if (seen != o.size()
        || (!groups.isUndefined() && !readStringList(groups, config.securityGroupIds))
        || (!subnets.isUndefined() && !readStringList(subnets, config.subnetIds)))
        return false;
    out = std::move(config);
    return true;
}

bool readStoredJob(const QJsonObject &object, Job &j)
{
    static const std::array<QString, JobFieldCount> names = [] {
        std::array<QString, JobFieldCount> out;
        for (int f = 0; f < JobFieldCount; ++f)
            out[static_cast<size_t>(f)] = jobFieldName(static_cast<JobField>(f));
        return out;
    }();

    // Looked up by name (no key is copied); a key that is not a field makes the count differ.
    qsizetype seen = 0;
    for (int f = 0; f < JobFieldCount; ++f) {
        const QJsonValue v = object.value(names[static_cast<size_t>(f)]);
        if (v.isUndefined())
            continue;
        ++seen;
        bool ok = false;
        switch (static_cast<JobField>(f)) {
        case JobField::JobArn:
            ok = readString(v, j.jobArn);
            break;
        case JobField::Status:
            ok = v.isString();
            if (ok)
                j.status = Status::fromString(v.toString());
            break;
        case JobField::JobName:
            ok = readString(v, j.jobName);
            break;
        case JobField::ModelId:
            ok = readString(v, j.modelId);
            break;
        case JobField::RoleArn:
            ok = readString(v, j.roleArn);
            break;
        case JobField::ClientRequestToken:
            ok = readString(v, j.clientRequestToken);
            break;
        case JobField::Message:
            ok = readString(v, j.message);
            break;
        case JobField::SubmitTime:
            ok = readTime(v, j.submitTime);
            break;
        case JobField::LastModifiedTime:
            ok = readTime(v, j.lastModifiedTime);
            break;
        case JobField::EndTime:
            ok = readTime(v, j.endTime);
            break;
        case JobField::JobExpirationTime:
            ok = readTime(v, j.jobExpirationTime);
            break;
        case JobField::InputDataConfig:
            ok = readS3Config(v, kInputConfig, j.inputDataConfig);
            break;
        case JobField::OutputDataConfig:
            ok = readS3Config(v, kOutputConfig, j.outputDataConfig);
            break;
        case JobField::VpcConfig:
            ok = readVpc(v, j.vpcConfig);
            break;
        case JobField::TimeoutDurationInHours:
            ok = readCount(v, j.timeoutDurationInHours);
            break;
        case JobField::ModelInvocationType:
            ok = readString(v, j.modelInvocationType);
            break;
        case JobField::TotalRecordCount:
            ok = readCount(v, j.totalRecordCount);
            break;
        case JobField::ProcessedRecordCount:
            ok = readCount(v, j.processedRecordCount);
            break;
        case JobField::SuccessRecordCount:
            ok = readCount(v, j.successRecordCount);
            break;
        case JobField::ErrorRecordCount:
            ok = readCount(v, j.errorRecordCount);
            break;
        case JobField::Provider:
            ok = readString(v, j.provider);
            break;
        case JobField::InProgressAt:
            ok = readTime(v, j.inProgressAt);
            break;
        case JobField::FinalizingAt:
            ok = readTime(v, j.finalizingAt);
            break;
        case JobField::CompletedAt:
            ok = readTime(v, j.completedAt);
            break;
        case JobField::FailedAt:
            ok = readTime(v, j.failedAt);
            break;
        case JobField::ExpiredAt:
            ok = readTime(v, j.expiredAt);
            break;
        case JobField::CancellingAt:
            ok = readTime(v, j.cancellingAt);
            break;
        case JobField::CancelledAt:
            ok = readTime(v, j.cancelledAt);
            break;
        case JobField::ProgressPercent:
            ok = v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 100;
            if (ok)
                j.progressPercent = v.toDouble();
            break;
        }
        if (!ok)
            return false;
    }
    return seen == object.size();
}

} // namespace

Job fromJson(const QJsonObject &object)
{
    Job job;
    if (readStoredJob(object, job))
        return job;
    return parseJob(object).job;
}

namespace {

// --- reading toJsonBytes' text directly ----------------------------------------------------------
// The mirror of CompactWriter: the exact text toJsonBytes writes (no whitespace, keys in its
// order, strings escaped its way, counts as integers) is read without QJsonDocument. Anything
// else, even valid JSON meaning the same, gives up (nullopt) and fromJson reads it instead.
class StoredJobReader
{
public:
    explicit StoredJobReader(QByteArrayView text)
        : p(text.data())
        , e(text.data() + text.size())
    {}

    std::optional<Job> read()
    {
        Job j;
        if (!take('{'))
            return std::nullopt;
        if (take('}'))
            return p == e ? std::optional<Job>(j) : std::nullopt;
        const auto &members = storedMembers();
        size_t next = 0; // keys come in the writer's order, each once
        for (;;) {
            if (!take('"'))
                return std::nullopt;
            const char *nameStart = p;
            while (p != e && *p != '"')
                ++p;
            if (p == e)
                return std::nullopt;
            const QByteArrayView name(nameStart, p - nameStart);
            ++p;
            while (next < members.size() && name != members[next].name)
                ++next;
            if (next == members.size() || !take(':') || !members[next].read(*this, j))
                return std::nullopt;
            ++next;
            if (take('}'))
                return p == e ? std::optional<Job>(std::move(j)) : std::nullopt;
            if (!take(','))
                return std::nullopt;
        }
    }

protected:
    struct Member
    {
        QByteArrayView name;
        bool (*read)(StoredJobReader &, Job &);
    };

    bool take(char c)
    {
        if (p == e || *p != c)
            return false;
        ++p;
        return true;
    }
    bool takeWord(QByteArrayView word)
    {
        if (e - p < word.size() || QByteArrayView(p, word.size()) != word)
            return false;
        p += word.size();
        return true;
    }

    // A string as CompactWriter writes it: printable ASCII, two- and three-byte UTF-8 (no
    // surrogates, no noncharacters), and its escapes.
    bool string(QString &out)
    {
        if (!take('"'))
            return false;
        const char *start = p;
        while (p != e && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20
               && static_cast<unsigned char>(*p) < 0x80)
            ++p;
        if (p != e && *p == '"') { // the common case: plain ASCII
            out = QString::fromLatin1(start, p - start);
            ++p;
            return true;
        }
        out = QString::fromLatin1(start, p - start);
        while (p != e) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                ++p;
                out.squeeze();
                return true;
            }
            if (c < 0x20)
                return false;
            if (c < 0x80 && c != '\\') {
                out.append(QChar(char16_t(c)));
                ++p;
                continue;
            }
            if (c == '\\') {
                ++p;
                if (p == e)
                    return false;
                char16_t decoded = 0;
                switch (*p) {
                case '"':
                    decoded = u'"';
                    break;
                case '\\':
                    decoded = u'\\';
                    break;
                case 'b':
                    decoded = u'\b';
                    break;
                case 'f':
                    decoded = u'\f';
                    break;
                case 'n':
                    decoded = u'\n';
                    break;
                case 'r':
                    decoded = u'\r';
                    break;
                case 't':
                    decoded = u'\t';
                    break;
                case 'u': {
                    // Only what the writer writes: \u00XX for the other control characters.
                    if (e - p < 5 || p[1] != '0' || p[2] != '0')
                        return false;
                    const int high = hexDigit(p[3]);
                    const int low = hexDigit(p[4]);
                    if (high < 0 || high > 1 || low < 0)
                        return false;
                    decoded = char16_t(high * 16 + low);
                    p += 4;
                    break;
                }
                default:
                    return false;
                }
                out.append(QChar(decoded));
                ++p;
                continue;
            }
            // Two or three bytes of UTF-8 (four would be a surrogate pair: the writer never
            // writes one).
            const auto byte = [this](qsizetype i) {
                return e - p > i ? static_cast<unsigned char>(p[i]) : 0u;
            };
            char16_t code = 0;
            if (c >= 0xC2 && c <= 0xDF) {
                const unsigned b1 = byte(1);
                if (b1 < 0x80 || b1 > 0xBF)
                    return false;
                code = char16_t(((c & 0x1F) << 6) | (b1 & 0x3F));
                p += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                const unsigned b1 = byte(1);
                const unsigned b2 = byte(2);
                if (b1 < (c == 0xE0 ? 0xA0u : 0x80u) || b1 > (c == 0xED ? 0x9Fu : 0xBFu)
                    || b2 < 0x80 || b2 > 0xBF)
                    return false;
                code = char16_t(((c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
                if ((code >= 0xFDD0 && code <= 0xFDEF) || code >= 0xFFFE)
                    return false;
                p += 3;
            } else {
                return false;
            }
            out.append(QChar(code));
        }
        return false;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1; // the writer writes lower case only
    }

    bool optionalString(std::optional<QString> &out)
    {
        QString s;
        if (!string(s))
            return false;
        out = std::move(s);
        return true;
    }

    bool time(std::optional<QDateTime> &out)
    {
        QString s;
        return string(s) && readTimeText(s, out);
    }

    // A count: a non-negative integer of at most 15 digits (a double holds it exactly).
    bool count(std::optional<qint64> &out)
    {
        const char *start = p;
        qint64 n = 0;
        while (p != e && *p >= '0' && *p <= '9') {
            if (p - start < 16) // more digits are refused below; no overflow on the way there
                n = n * 10 + (*p - '0');
            ++p;
        }
        const qsizetype digits = p - start;
        if (digits == 0 || digits > 15 || (digits > 1 && *start == '0'))
            return false;
        out = n;
        return true;
    }

    // progressPercent, 0..100: an integer or a plain decimal of a few digits (no exponent,
    // whose reading is left to QJsonDocument).
    bool percent(std::optional<double> &out)
    {
        const char *start = p;
        while (p != e && ((*p >= '0' && *p <= '9') || *p == '.'))
            ++p;
        const QByteArrayView text(start, p - start);
        if (text.isEmpty() || text.size() > 24 || text.front() == '.' || text.back() == '.'
            || text.count('.') > 1 || (text.size() > 1 && text[0] == '0' && text[1] != '.'))
            return false;
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (!ok || !(d >= 0 && d <= 100))
            return false;
        out = d;
        return true;
    }

    bool stringList(QStringList &out)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        for (;;) {
            QString s;
            if (!string(s))
                return false;
            out.append(std::move(s));
            if (take(']'))
                return true;
            if (!take(','))
                return false;
        }
    }

    // {"<wrapper>":{<keys of shape, in the writer's (sorted) order>}}
    template<typename Config>
    bool s3(const S3ConfigShape<Config> &shape, std::optional<Config> &out)
    {
        if (!take('{') || !take('"') || !takeWord(QByteArrayView(shape.wrapper.data()))
            || !take('"') || !take(':') || !take('{'))
            return false;
        std::array<std::pair<QLatin1StringView, std::optional<QString> Config::*>, 3> keys
                = shape.keys;
        std::sort(keys.begin(), keys.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        Config config;
        size_t next = 0;
        if (!take('}')) {
            for (;;) {
                if (!take('"'))
                    return false;
                while (next < keys.size() && !takeWord(QByteArrayView(keys[next].first.data())))
                    ++next;
                if (next == keys.size() || !take('"') || !take(':')
                    || !optionalString(config.*(keys[next].second)))
                    return false;
                ++next;
                if (take('}'))
                    break;
                if (!take(','))
                    return false;
            }
        }
        if (!take('}'))
            return false;
        out = std::move(config);
        return true;
    }

    bool vpc(std::optional<VpcConfig> &out)
    {
        VpcConfig config;
        if (!takeWord("{\"securityGroupIds\":") || !stringList(config.securityGroupIds)
            || !takeWord(",\"subnetIds\":") || !stringList(config.subnetIds) || !take('}'))
            return false;
        out = std::move(config);
        return true;
    }

    template<std::optional<QString> Job::*M>
    static bool readString(StoredJobReader &r, Job &j)
    {
        return r.optionalString(j.*M);
    }
    template<std::optional<QDateTime> Job::*M>
    static bool readTimeMember(StoredJobReader &r, Job &j)
    {
        return r.time(j.*M);
    }
    template<std::optional<qint64> Job::*M>
    static bool readCountMember(StoredJobReader &r, Job &j)
    {
        return r.count(j.*M);
    }

    // The members in toJsonBytes' order (sortedMembers()).
    static const std::array<Member, JobFieldCount> &storedMembers()
    {
        static const std::array<Member, JobFieldCount> members = [] {
            std::array<Member, JobFieldCount> m{
                    Member{"jobArn", &readString<&Job::jobArn>},
                    Member{"status",
                           [](StoredJobReader &r, Job &j) {
                               QString s;
                               if (!r.string(s))
                                   return false;
                               j.status = Status::fromString(s);
                               return true;
                           }},
                    Member{"jobName", &readString<&Job::jobName>},
                    Member{"modelId", &readString<&Job::modelId>},
                    Member{"roleArn", &readString<&Job::roleArn>},
                    Member{"clientRequestToken", &readString<&Job::clientRequestToken>},
                    Member{"message", &readString<&Job::message>},
                    Member{"submitTime", &readTimeMember<&Job::submitTime>},
                    Member{"lastModifiedTime", &readTimeMember<&Job::lastModifiedTime>},
                    Member{"endTime", &readTimeMember<&Job::endTime>},
                    Member{"jobExpirationTime", &readTimeMember<&Job::jobExpirationTime>},
                    Member{"inputDataConfig",
                           [](StoredJobReader &r, Job &j) {
                               return r.s3(kInputConfig, j.inputDataConfig);
                           }},
                    Member{"outputDataConfig",
                           [](StoredJobReader &r, Job &j) {
                               return r.s3(kOutputConfig, j.outputDataConfig);
                           }},
                    Member{"vpcConfig",
                           [](StoredJobReader &r, Job &j) {
                               return r.vpc(j.vpcConfig);
                           }},
                    Member{"timeoutDurationInHours",
                           &readCountMember<&Job::timeoutDurationInHours>},
                    Member{"modelInvocationType", &readString<&Job::modelInvocationType>},
                    Member{"totalRecordCount", &readCountMember<&Job::totalRecordCount>},
                    Member{"processedRecordCount", &readCountMember<&Job::processedRecordCount>},
                    Member{"successRecordCount", &readCountMember<&Job::successRecordCount>},
                    Member{"errorRecordCount", &readCountMember<&Job::errorRecordCount>},
                    Member{"provider", &readString<&Job::provider>},
                    Member{"inProgressAt", &readTimeMember<&Job::inProgressAt>},
                    Member{"finalizingAt", &readTimeMember<&Job::finalizingAt>},
                    Member{"completedAt", &readTimeMember<&Job::completedAt>},
                    Member{"failedAt", &readTimeMember<&Job::failedAt>},
                    Member{"expiredAt", &readTimeMember<&Job::expiredAt>},
                    Member{"cancellingAt", &readTimeMember<&Job::cancellingAt>},
                    Member{"cancelledAt", &readTimeMember<&Job::cancelledAt>},
                    Member{"progressPercent",
                           [](StoredJobReader &r, Job &j) {
                               return r.percent(j.progressPercent);
                           }},
            };
            std::sort(m.begin(), m.end(),
                      [](const Member &a, const Member &b) { return a.name < b.name; });
            return m;
        }();
        return members;
    }

    const char *p;
    const char *e;
};

// --- reading a retrieve body directly ------------------------------------------------------------
// The common retrieve body read without QJsonDocument (parseRetrieveBody with RawObject::Omit):
// one JSON object of job fields (parseJob's keys, each once, in any order, JSON whitespace
// between tokens; members of other names skipped, as parseJob ignores them), each of its expected
// type and readable without a problem: strings as the stored reader reads them (printable ASCII,
// two- and three-byte UTF-8, the simple escapes), timestamps as strings parseTimestamp reads,
// counts as plain non-negative integers of at most 15 digits, progressPercent as a plain decimal in
// 0..100, the S3 configs and vpcConfig with only their own keys, and a jobArn or a status. Anything
// else — null, a repeated key, a value of another type or form, an escaped key, a byte order mark,
// an unknown member's value beyond skipValue()'s plain JSON — gives up (nullopt): the caller then
// reads the body through QJsonDocument, so every body is accepted or refused, and read, exactly as
// parseRetrieveBodyFromDocument reads it.
class RetrieveBodyReader : public StoredJobReader
{
public:
    using StoredJobReader::StoredJobReader;

    std::optional<Job> readBody()
    {
        Job j;
        space();
        if (!take('{'))
            return std::nullopt;
        quint64 seen = 0;
        for (;;) {
            space();
            QByteArrayView name;
            if (!key(name))
                return std::nullopt;
            space();
            if (!take(':'))
                return std::nullopt;
            space();
            const auto &fields = bodyFields();
            const auto it = std::lower_bound(
                    fields.begin(), fields.end(), name,
                    [](const Member &m, QByteArrayView n) { return m.name < n; });
            if (it == fields.end() || it->name != name) {
                // A member parseJob does not read (gateways add their own): skipped, as
                // parseJob ignores it; `rawText` keeps it for whoever wants the whole body.
                if (!skipValue(0))
                    return std::nullopt;
            } else {
                const quint64 bit = quint64(1) << (it - fields.begin());
                if ((seen & bit) || !it->read(*this, j))
                    return std::nullopt;
                seen |= bit;
            }
            space();
            if (take('}'))
                break;
            if (!take(','))
                return std::nullopt;
        }
        space();
        if (p != e || (!j.jobArn && !j.status))
            return std::nullopt;
        return j;
    }

private:
    // The value of an unknown member, only checked and passed over: a string as string() reads
    // it, true, false, null, a plain number (-?(0|[1-9][0-9]{0,14})(.[0-9]{1,15})?, no exponent),
    // or an array or object of those (keys as key() reads them) nested at most 16 deep. All of
    // it is JSON that QJsonDocument reads; anything else gives up (the document reads it).
    bool skipValue(int depth)
    {
        if (p == e)
            return false;
        switch (*p) {
        case '"': {
            QString ignored;
            return string(ignored);
        }
        case 't':
            return takeWord("true");
        case 'f':
            return takeWord("false");
        case 'n':
            return takeWord("null");
        case '[':
        case '{': {
            if (depth >= 16)
                return false;
            const bool object = *p == '{';
            const char close = object ? '}' : ']';
            ++p;
            space();
            if (take(close))
                return true;
            for (;;) {
                space();
                if (object) {
                    QByteArrayView ignored;
                    if (!key(ignored))
                        return false;
                    space();
                    if (!take(':'))
                        return false;
                    space();
                }
                if (!skipValue(depth + 1))
                    return false;
                space();
                if (take(close))
                    return true;
                if (!take(','))
                    return false;
            }
        }
        default:
            return skipNumber();
        }
    }

    bool skipNumber()
    {
        take('-');
        const auto digits = [this](int most) {
            int n = 0;
            while (p != e && *p >= '0' && *p <= '9' && n <= most) {
                ++p;
                ++n;
            }
            return n;
        };
        if (p == e || *p < '0' || *p > '9')
            return false;
        const bool zero = *p == '0';
        const int whole = digits(15);
        if ((zero && whole != 1) || whole > 15)
            return false;
        if (take('.')) {
            const int fraction = digits(15);
            if (fraction == 0 || fraction > 15)
                return false;
        }
        return p == e || (*p != 'e' && *p != 'E' && (*p < '0' || *p > '9'));
    }

    void space()
    {
        while (p != e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }

    // A key of printable ASCII without escapes (its bytes are its name).
    bool key(QByteArrayView &name)
    {
        if (!take('"'))
            return false;
        const char *start = p;
        while (p != e && *p != '"') {
            if (*p == '\\' || static_cast<unsigned char>(*p) < 0x20
                || static_cast<unsigned char>(*p) >= 0x80)
                return false;
            ++p;
        }
        if (p == e)
            return false;
        name = QByteArrayView(start, p - start);
        ++p;
        return true;
    }

    // {} or {"k":v,...}, spaces anywhere between: each member's name goes to `member`, which
    // reads its value (after the colon); false when it refuses the name or the value.
    template<typename Member>
    bool spacedObject(Member &&member)
    {
        if (!take('{'))
            return false;
        space();
        if (take('}'))
            return true;
        for (;;) {
            space();
            QByteArrayView name;
            if (!key(name))
                return false;
            space();
            if (!take(':'))
                return false;
            space();
            if (!member(name))
                return false;
            space();
            if (take('}'))
                return true;
            if (!take(','))
                return false;
        }
    }

    // {} or {"<wrapper>":{<shape's keys, each once, in any order>}}
    template<typename Config>
    bool s3Config(const S3ConfigShape<Config> &shape, std::optional<Config> &out)
    {
        Config config;
        const QByteArrayView wrapper(shape.wrapper.data(), shape.wrapper.size());
        unsigned seen = 0;
        const auto setting = [&](QByteArrayView name) {
            unsigned k = 0;
            while (k < shape.keys.size()
                   && name
                              != QByteArrayView(shape.keys[k].first.data(),
                                                shape.keys[k].first.size()))
                ++k;
            if (k == shape.keys.size() || (seen & (1u << k)))
                return false;
            seen |= 1u << k;
            return optionalString(config.*(shape.keys[k].second));
        };
        bool wrapped = false; // the wrapper, once
        const bool ok = spacedObject([&](QByteArrayView name) {
            if (wrapped || name != wrapper)
                return false;
            wrapped = true;
            return spacedObject(setting);
        });
        if (!ok)
            return false;
        out = std::move(config);
        return true;
    }

    bool spacedStringList(QStringList &out)
    {
        if (!take('['))
            return false;
        space();
        if (take(']'))
            return true;
        for (;;) {
            space();
            QString s;
            if (!string(s))
                return false;
            out.append(std::move(s));
            space();
            if (take(']'))
                return true;
            if (!take(','))
                return false;
        }
    }

    // {} or {"securityGroupIds":[...],"subnetIds":[...]}, either key left out, in any order.
    bool vpcConfig(std::optional<VpcConfig> &out)
    {
        VpcConfig config;
        unsigned seen = 0;
        const bool ok = spacedObject([&](QByteArrayView name) {
            const unsigned bit = name == "securityGroupIds" ? 1u : name == "subnetIds" ? 2u : 0u;
            if (bit == 0 || (seen & bit))
                return false;
            seen |= bit;
            return spacedStringList(bit == 1u ? config.securityGroupIds : config.subnetIds);
        });
        if (!ok)
            return false;
        out = std::move(config);
        return true;
    }

    static RetrieveBodyReader &self(StoredJobReader &r)
    {
        return static_cast<RetrieveBodyReader &>(r);
    }

    // parseJob's keys, sorted by name for the lookup; at most 64 (the `seen` mask).
    static const std::array<Member, JobFieldCount> &bodyFields()
    {
        static const std::array<Member, JobFieldCount> fields = [] {
            std::array<Member, JobFieldCount> m = storedMembers();
            for (Member &member : m) {
                if (member.name == "inputDataConfig")
                    member.read = [](StoredJobReader &r, Job &j) {
                        return self(r).s3Config(kInputConfig, j.inputDataConfig);
                    };
                else if (member.name == "outputDataConfig")
                    member.read = [](StoredJobReader &r, Job &j) {
                        return self(r).s3Config(kOutputConfig, j.outputDataConfig);
                    };
                else if (member.name == "vpcConfig")
                    member.read = [](StoredJobReader &r, Job &j) {
                        return self(r).vpcConfig(j.vpcConfig);
                    };
            }
            return m;
        }();
        static_assert(JobFieldCount <= 64);
        return fields;
    }
};

} // namespace

std::optional<Job> fromJsonBytes(QByteArrayView text)
{
    return StoredJobReader(text).read();
}

Expected<ParsedJob> parseRetrieveBody(const QByteArray &body, RawObject raw)
{
    if (raw == RawObject::Omit) {
        if (std::optional<Job> job = RetrieveBodyReader(body).readBody()) {
            ParsedJob parsed;
            parsed.job = std::move(*job);
            parsed.rawText = body;
            return parsed;
        }
    }
    return parseRetrieveBodyFromDocument(body);
}

} // namespace bw::JobCodec
