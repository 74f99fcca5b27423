#pragma once

#include "domain/resultssummary.h"

#include <QJsonObject>

#include <optional>

namespace bw::resultsjson {

// How a ResultsSummary is kept in the store (job_results.summary_json): one object with the
// counts, the error groups and how the read went. fromJson(toJson(s)) == s. fromJson reads
// what it can of an object written by another version (unknown keys are ignored, a missing
// count is 0) and answers nullopt only for something that is not a summary at all.
QJsonObject toJson(const ResultsSummary &summary);
std::optional<ResultsSummary> fromJson(const QJsonObject &object);

} // namespace bw::resultsjson
