#include "localzone.h"

#include <QtGlobal>

#include <ctime>

namespace bw::test {

void setLocalTimeZone(const QByteArray &ianaId)
{
    qputenv("TZ", ianaId);
    ::tzset();
}

} // namespace bw::test
