#pragma once

#include <QByteArray>

namespace bw::test {

// Makes `ianaId` (e.g. "Europe/Berlin") the process's local time zone, for tests whose expected
// texts are written in one zone's local time. Call from initTestCase(): the suite runs under
// whatever TZ the caller has (CI uses two), and such a test must not depend on it.
void setLocalTimeZone(const QByteArray &ianaId);

} // namespace bw::test
