#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <cstdio>
#include <cstdlib>

namespace bw::fuzz {

void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
}

QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

void requireStrictJson(const QByteArray &json, const char *what)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(json);
    require(!utf8.hasError(), what);
    // QJsonDocument writes paired surrogates as UTF-8: any \uD800..\uDFFF escape is a lone one.
    for (qsizetype i = text.indexOf(QLatin1StringView("\\u"), 0, Qt::CaseInsensitive); i >= 0;
         i = text.indexOf(QLatin1StringView("\\u"), i + 2, Qt::CaseInsensitive)) {
        // "\\u" inside a string is an escaped backslash followed by 'u': skip escaped pairs.
        qsizetype slashes = 0;
        for (qsizetype j = i; j >= 0 && text.at(j) == u'\\'; --j)
            ++slashes;
        if (slashes % 2 == 0)
            continue;
        const QString hex = text.mid(i + 2, 4).toLower();
        const bool surrogate = hex.size() == 4 && hex.at(0) == u'd'
                               && QStringLiteral("89abcdef").contains(hex.at(1));
        require(!surrogate, what);
    }
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    require(error.error == QJsonParseError::NoError, what);
}

} // namespace bw::fuzz
