#pragma once

#include "simulatedjob.h"
#include "simulatoroptions.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

#include <utility>

namespace bw::sim {

// One HTTP answer of the simulator, before it is written to the socket.
struct SimResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // besides Content-Type/Content-Length
    // When set, the body is sent with chunked transfer encoding as this returns it, one piece
    // per call, while the client reads (an empty piece ends it); `body` is then unused.
    std::function<QByteArray()> stream;
};

// How each flavour spells bodies, timestamps and errors (WIRE.md). Pure functions.
namespace WireFormat {

// The retrieve body: Bifrost's sparse one (lossy status, whole-second timestamps in its own
// zone) or the full AWS one (every field, millisecond Z timestamps, exact status).
QJsonObject retrieveBody(Flavour flavour, const SimulatedJob &job, const TimeStamper &stamp,
                         qint64 nowMs, int bifrostUtcOffsetSeconds);
// One entry of invocationJobSummaries: Bifrost sends jobArn, jobName, modelId, status and
// submitTime; AWS and the published document send the full body.
QJsonObject listSummary(Flavour flavour, const SimulatedJob &job, const TimeStamper &stamp,
                        qint64 nowMs, int bifrostUtcOffsetSeconds);

// What Bifrost reports for an AWS status: Submitted and Scheduled arrive as Validating,
// PartiallyCompleted as Failed.
QString bifrostStatusName(JobStatus status);
// "2025-03-14T10:26:53+01:00": whole seconds in a fixed offset.
QString bifrostTimestamp(const QDateTime &instant, int utcOffsetSeconds);

QByteArray json(const QJsonObject &object);
SimResponse jsonResponse(const QJsonObject &object, int status = 200);

// An error in the flavour's shape: {"__type","message"} for Bifrost and AWS (AWS also sets
// X-Amzn-Errortype and, for validation errors, the raw coral type), {"message","type"} for the
// published document. With typeInBody false (AWS throttling), only the header names the type.
SimResponse error(Flavour flavour, int status, const QString &type, const QString &message,
                  bool typeInBody = true);
// The canned answer of an HTTP fault (500, 502, 503, 504 or 429) for this flavour.
SimResponse faultError(Flavour flavour, FaultKind kind, int retryAfterSeconds);

// 200 text/html: Bifrost's web UI (its catch-all for unknown GETs).
SimResponse bifrostWebUi();
// 200 text/html: a proxy sign-in page (the "html" fault outside the bifrost flavour).
SimResponse proxyLoginPage();
SimResponse plainText(int status, const QByteArray &text);

} // namespace WireFormat
} // namespace bw::sim
