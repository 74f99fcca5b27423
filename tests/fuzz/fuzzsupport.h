#pragma once

// What every libFuzzer target of tests/fuzz shares: a failed invariant aborts with a message,
// so that libFuzzer keeps the input as a crash; and the checks of JSON text batchwatch writes.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace bw::fuzz {

// Aborts (a finding) with `what` on stderr unless `condition` holds.
void require(bool condition, const char *what);

// The fuzzer's bytes, copied (Qt never sees libFuzzer's buffer).
QByteArray bytes(const std::uint8_t *data, std::size_t size);

// JSON text batchwatch writes (exports, `--format json`) must be valid UTF-8 without a lone
// surrogate escape, and read back as a JSON document by Qt.
void requireStrictJson(const QByteArray &json, const char *what);

} // namespace bw::fuzz
