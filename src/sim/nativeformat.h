#pragma once

#include "nativebatch.h"
#include "simulatedjob.h"
#include "wireformat.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace bw::sim {

// Turns a simulated instant (ms since the simulator's epoch) into Unix seconds as reported.
using UnixSeconds = std::function<qint64(qint64 simulatedMs)>;

// The bodies of Bifrost's native batch routes (WIRE.md "Bifrost's native batch routes";
// field names as in Bifrost's core/schemas/batch.go, which omits empty optional fields).
// Pure functions.
namespace NativeFormat {

// Bifrost's status for an AWS status (core/providers/bedrock/batch.go ToBifrostBatchStatus):
// Submitted, Validating, Scheduled -> validating; PartiallyCompleted -> failed; Stopping ->
// cancelling; Stopped -> cancelled.
QString bedrockStatus(JobStatus status);

// {"request_type","provider","latency","chunk_index"}; the latency is derived from `salt`.
QJsonObject extraFields(NativeProvider provider, const QString &requestType, const QString &salt);

// A retrieve body (requestType "batch_retrieve"), a list entry (no extra_fields; Bedrock's has
// only id, object, status, request_counts and created_at, like Bifrost's), a cancel body.
QJsonObject retrieve(const NativeBatch &batch, qint64 nowMs, const UnixSeconds &secs);
QJsonObject retrieve(const SimulatedJob &job, qint64 nowMs, const UnixSeconds &secs,
                     bool detail = false);
QJsonObject listEntry(const NativeBatch &batch, qint64 nowMs, const UnixSeconds &secs);
QJsonObject listEntry(const SimulatedJob &job, qint64 nowMs, const UnixSeconds &secs);
QJsonObject cancelled(const NativeBatch &batch, qint64 nowMs, const UnixSeconds &secs);
QJsonObject cancelled(const SimulatedJob &job, qint64 nowMs);

// One entry of "results" in the provider's shape (custom_id, response / result, error).
QJsonObject resultRecord(NativeProvider provider, const NativeResultRecord &record);

// Bifrost's error body: {"is_bifrost_error","status_code","error":{"type"?,"message"},
// "extra_fields"?}. Without a provider it is the handler's own error (no type, no extra_fields).
SimResponse error(int status, const QString &message, const QString &type = {},
                  std::optional<NativeProvider> provider = std::nullopt,
                  const QString &requestType = {});

} // namespace NativeFormat
} // namespace bw::sim
