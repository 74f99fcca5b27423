#include "common/jsontext.h"

namespace bw::JsonText {

namespace {
bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
} // namespace

QByteArray toJson(const QJsonDocument &document, QJsonDocument::JsonFormat format)
{
    return repairLoneSurrogates(document.toJson(format));
}

QByteArray repairLoneSurrogates(QByteArray json)
{
    if (!json.contains("\\u"))
        return json;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (json.at(i) != '\\' || i + 1 >= n)
            continue;
        // An escape: skip its letter so that "\\ud83d" (a backslash, then text) is left alone.
        if (json.at(i + 1) == 'u' && i + 5 < n && (json.at(i + 2) == 'd' || json.at(i + 2) == 'D')
            && isHex(json.at(i + 3)) && isHex(json.at(i + 4)) && isHex(json.at(i + 5))) {
            const char third = json.at(i + 3);
            if ((third >= '8' && third <= '9') || (third >= 'a' && third <= 'f')
                || (third >= 'A' && third <= 'F')) {
                json.replace(i + 2, 4, "fffd", 4);
            }
        }
        ++i;
    }
    return json;
}

} // namespace bw::JsonText
