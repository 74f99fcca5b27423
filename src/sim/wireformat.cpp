#include "wireformat.h"

#include "wire/jobcodec.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace bw::sim::WireFormat {

namespace {

QJsonObject s3Object(const char *key, const QString &uri, const QString &format = {})
{
    QJsonObject s3{{"s3Uri"_L1, uri}};
    if (!format.isEmpty())
        s3.insert("s3InputFormat"_L1, format);
    return QJsonObject{{QLatin1StringView(key), s3}};
}

} // namespace

QString bifrostStatusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Submitted:
    case JobStatus::Scheduled:
        return Status::canonicalName(JobStatus::Validating);
    case JobStatus::PartiallyCompleted:
        return Status::canonicalName(JobStatus::Failed);
    default:
        return Status::canonicalName(status);
    }
}

QString bifrostTimestamp(const QDateTime &instant, int utcOffsetSeconds)
{
    QDateTime t = instant.toOffsetFromUtc(utcOffsetSeconds);
    t = t.addMSecs(-t.time().msec());
    const int abs = qAbs(utcOffsetSeconds);
    const QString zone = u"%1%2:%3"_s.arg(QChar(utcOffsetSeconds < 0 ? u'-' : u'+'))
                                 .arg(abs / 3600, 2, 10, QChar(u'0'))
                                 .arg(abs % 3600 / 60, 2, 10, QChar(u'0'));
    return t.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + zone;
}

QJsonObject retrieveBody(Flavour flavour, const SimulatedJob &job, const TimeStamper &stamp,
                         qint64 nowMs, int bifrostUtcOffsetSeconds)
{
    if (flavour != Flavour::Bifrost)
        return JobCodec::toJson(job.toJob(stamp, nowMs));

    const SimulatedJob::State s = job.stateAt(nowMs);
    QJsonObject o;
    o.insert("jobArn"_L1, job.arn);
    o.insert("status"_L1, bifrostStatusName(s.status));
    o.insert("jobName"_L1, job.jobName);
    o.insert("inputDataConfig"_L1, s3Object("s3InputDataConfig", job.inputS3Uri, u"JSONL"_s));
    o.insert("outputDataConfig"_L1, s3Object("s3OutputDataConfig", job.outputS3Uri));
    o.insert("submitTime"_L1, bifrostTimestamp(stamp(job.submitMs), bifrostUtcOffsetSeconds));
    if (s.endMs)
        o.insert("endTime"_L1, bifrostTimestamp(stamp(*s.endMs), bifrostUtcOffsetSeconds));
    if (s.hasMessage)
        o.insert("message"_L1, job.message);
    return o;
}

QJsonObject listSummary(Flavour flavour, const SimulatedJob &job, const TimeStamper &stamp,
                        qint64 nowMs, int bifrostUtcOffsetSeconds)
{
    if (flavour != Flavour::Bifrost)
        return JobCodec::toJson(job.toJob(stamp, nowMs));

    QJsonObject o;
    o.insert("jobArn"_L1, job.arn);
    o.insert("jobName"_L1, job.jobName);
    o.insert("modelId"_L1, job.modelId);
    o.insert("status"_L1, bifrostStatusName(job.stateAt(nowMs).status));
    o.insert("submitTime"_L1, bifrostTimestamp(stamp(job.submitMs), bifrostUtcOffsetSeconds));
    return o;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SimResponse jsonResponse(const QJsonObject &object, int status)
{
    SimResponse r;
    r.status = status;
    r.body = json(object);
    return r;
}

SimResponse error(Flavour flavour, int status, const QString &type, const QString &message,
                  bool typeInBody)
{
    SimResponse r;
    r.status = status;
    QJsonObject o{{"message"_L1, message}};
    switch (flavour) {
    case Flavour::Bifrost:
        o.insert("__type"_L1, type);
        break;
    case Flavour::Aws: {
        const bool validation = type == u"ValidationException"_s;
        const QString coral
                = validation ? u"com.amazon.coral.validate"_s : u"com.amazonaws.bedrock"_s;
        if (typeInBody)
            o.insert("__type"_L1, validation ? coral + u'#' + type
                                                       + u":http://internal.amazon.com/coral/"_s
                                                       + coral + u'/'
                                             : type);
        r.headers.append(
                {"X-Amzn-Errortype",
                 QString(type + u":http://internal.amazon.com/coral/"_s + coral + u'/').toUtf8()});
        break;
    }
    case Flavour::Published:
        o.insert("type"_L1, type);
        break;
    }
    r.body = json(o);
    return r;
}

SimResponse faultError(Flavour flavour, FaultKind kind, int retryAfterSeconds)
{
    const bool published = flavour == Flavour::Published;
    const bool bifrost = flavour == Flavour::Bifrost;
    switch (kind) {
    case FaultKind::Http500:
        return bifrost ? error(flavour, 500, u"InternalServerError"_s,
                               u"failed to execute HTTP request to provider API"_s)
                       : error(flavour, 500,
                               published ? u"internal_server_error"_s
                                         : u"InternalServerException"_s,
                               u"Internal server error. Please try your request again."_s);
    case FaultKind::Http502:
        return error(flavour, 502,
                     bifrost     ? u"InternalServerError"_s
                     : published ? u"bad_gateway"_s
                                 : u"InternalServerException"_s,
                     u"Bad gateway: the upstream provider returned an invalid response."_s);
    case FaultKind::Http503:
        return error(flavour, 503,
                     published ? u"service_unavailable"_s : u"ServiceUnavailableException"_s,
                     u"Service is temporarily unavailable. Please try again later."_s);
    case FaultKind::Http504:
        return error(flavour, 504,
                     bifrost     ? u"InternalServerError"_s
                     : published ? u"gateway_timeout"_s
                                 : u"InternalServerException"_s,
                     u"Gateway timeout: the provider did not answer within 30 seconds."_s);
    case FaultKind::Throttle429: {
        SimResponse r
                = bifrost     ? error(flavour, 429, u"rate_limited"_s,
                                      u"Rate limit exceeded. Please retry after %1 seconds."_s.arg(
                                              retryAfterSeconds))
                  : published ? error(flavour, 429, u"rate_limited"_s, u"Too many requests."_s)
                              : error(flavour, 429, u"ThrottlingException"_s, u"Rate exceeded"_s,
                                      false);
        r.headers.append({"Retry-After", QByteArray::number(retryAfterSeconds)});
        return r;
    }
    case FaultKind::Reset:
    case FaultKind::Truncated:
    case FaultKind::Html:
    case FaultKind::Latency:
        break;
    }
    return error(flavour, 500, u"InternalServerError"_s, u"unexpected fault"_s);
}

SimResponse bifrostWebUi()
{
    SimResponse r;
    r.contentType = "text/html; charset=utf-8";
    r.body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             "<title>Bifrost - The fastest LLM gateway</title>"
             "<link rel=\"icon\" href=\"/favicon.ico\">"
             "<script src=\"/_next/static/chunks/main-app-4f1c2b7e.js\" async></script>"
             "</head><body><div id=\"__next\"></div>"
             "<noscript>You need to enable JavaScript to run this app.</noscript>"
             "</body></html>\n";
    return r;
}

SimResponse proxyLoginPage()
{
    SimResponse r;
    r.contentType = "text/html; charset=utf-8";
    r.body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
             "<title>Sign in required</title></head><body>"
             "<h1>Sign in required</h1><p>Your session with the corporate proxy has expired. "
             "Please <a href=\"/login\">sign in</a> again.</p></body></html>\n";
    return r;
}

SimResponse plainText(int status, const QByteArray &text)
{
    SimResponse r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = text;
    return r;
}

} // namespace bw::sim::WireFormat
