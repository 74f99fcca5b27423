#pragma once

#include <QByteArray>

namespace bw::test {

// The standard reason phrase of an HTTP status the test gateways answer with ("Not Found");
// empty for any other status.
QByteArray reasonPhrase(int status);

} // namespace bw::test
