#include "domain/rawbody.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace bw {

namespace {

// A strict, allocation-free check of RFC 8259 JSON that answers "certainly a non-empty object"
// or "not certain". It accepts less than QJsonDocument does (never more): what it does not
// accept is parsed by QJsonDocument instead, so the two can only differ in speed.
class Checker
{
public:
    Checker(const char *begin, const char *end)
        : p(begin)
        , e(end)
    {}

    bool nonEmptyObject()
    {
        ws();
        if (p == e || *p != '{')
            return false;
        ++p;
        ws();
        if (p != e && *p == '}')
            return false; // empty: no body (QJsonDocument decides, to be exact)
        if (!members(1))
            return false;
        ws();
        return p == e;
    }

private:
    static constexpr int kMaxDepth = 64; // QJsonDocument's limit is far above this

    void ws()
    {
        while (p != e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }

    // After '{' and whitespace: members up to and including '}'.
    bool members(int depth)
    {
        for (;;) {
            if (!string())
                return false;
            ws();
            if (p == e || *p != ':')
                return false;
            ++p;
            ws();
            if (!value(depth))
                return false;
            ws();
            if (p == e)
                return false;
            if (*p == '}') {
                ++p;
                return true;
            }
            if (*p != ',')
                return false;
            ++p;
            ws();
        }
    }

    bool value(int depth)
    {
        if (p == e)
            return false;
        switch (*p) {
        case '{':
            if (depth >= kMaxDepth)
                return false;
            ++p;
            ws();
            if (p != e && *p == '}') {
                ++p;
                return true;
            }
            return members(depth + 1);
        case '[':
            if (depth >= kMaxDepth)
                return false;
            ++p;
            ws();
            if (p != e && *p == ']') {
                ++p;
                return true;
            }
            for (;;) {
                if (!value(depth + 1))
                    return false;
                ws();
                if (p == e)
                    return false;
                if (*p == ']') {
                    ++p;
                    return true;
                }
                if (*p != ',')
                    return false;
                ++p;
                ws();
            }
        case '"':
            return string();
        case 't':
            return word("true");
        case 'f':
            return word("false");
        case 'n':
            return word("null");
        default:
            return number();
        }
    }

    bool word(const char *w)
    {
        for (; *w; ++w, ++p) {
            if (p == e || *p != *w)
                return false;
        }
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // An integer or a plain decimal fraction of at most 17 digits (no exponent, nothing that
    // could overflow a double or lose its exact reading: those are left to QJsonDocument).
    bool number()
    {
        const char *start = p;
        if (p != e && *p == '-')
            ++p;
        if (p == e || !isDigit(*p))
            return false;
        if (*p == '0') {
            ++p;
        } else {
            while (p != e && isDigit(*p))
                ++p;
        }
        if (p != e && *p == '.') {
            ++p;
            if (p == e || !isDigit(*p))
                return false;
            while (p != e && isDigit(*p))
                ++p;
        }
        if (p != e && (*p == 'e' || *p == 'E'))
            return false;
        return p - start <= 18;
    }

    // One well-formed UTF-8 sequence of two to four bytes at p (no overlong forms, no
    // surrogates, nothing above U+10FFFF); noncharacters are "not certain".
    bool utf8Sequence()
    {
        const auto byte = [this](qsizetype i) {
            return e - p > i ? static_cast<unsigned char>(p[i]) : 0u;
        };
        const unsigned c = byte(0);
        int length = 0;
        unsigned low = 0x80, high = 0xBF; // the allowed range of the second byte
        unsigned code = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            code = c & 0x0F;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code = c & 0x07;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        for (int i = 1; i < length; ++i) {
            const unsigned b = byte(i);
            if (b < (i == 1 ? low : 0x80u) || b > (i == 1 ? high : 0xBFu))
                return false;
            code = (code << 6) | (b & 0x3F);
        }
        if ((code >= 0xFDD0 && code <= 0xFDEF) || (code & 0xFFFE) == 0xFFFE)
            return false;
        p += length;
        return true;
    }

    // A string of printable characters (well-formed UTF-8) and the escapes of RFC 8259; \u
    // escapes of surrogates are "not certain" (QJsonDocument checks them).
    bool string()
    {
        if (p == e || *p != '"')
            return false;
        ++p;
        while (p != e) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                ++p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c >= 0x80) {
                if (!utf8Sequence())
                    return false;
                continue;
            }
            if (c != '\\') {
                ++p;
                continue;
            }
            ++p;
            if (p == e)
                return false;
            switch (*p) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                ++p;
                break;
            case 'u': {
                ++p;
                int code = 0;
                for (int i = 0; i < 4; ++i, ++p) {
                    const int h = p == e ? -1 : hexValue(*p);
                    if (h < 0)
                        return false;
                    code = code * 16 + h;
                }
                if (code >= 0xD800 && code <= 0xDFFF)
                    return false;
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }

    const char *p;
    const char *e;
};

} // namespace

namespace rawbodydetail {

bool isCertainlyNonEmptyObject(const QByteArray &text)
{
    return Checker(text.constData(), text.constData() + text.size()).nonEmptyObject();
}

} // namespace rawbodydetail

RawBody RawBody::fromJsonText(const QByteArray &text)
{
    RawBody body;
    if (rawbodydetail::isCertainlyNonEmptyObject(text)) {
        body.m_text = text;
        return body;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        body.m_object = doc.object();
    return body;
}

QJsonObject RawBody::object() const
{
    if (m_text.isEmpty())
        return m_object;
    // Checked when it was read: it parses to a non-empty object.
    return QJsonDocument::fromJson(m_text).object();
}

QByteArray RawBody::toJsonText() const
{
    if (!m_text.isEmpty())
        return m_text;
    if (m_object.isEmpty())
        return {};
    return QJsonDocument(m_object).toJson(QJsonDocument::Compact);
}

bool RawBody::isSameAs(const RawBody &other) const
{
    if (m_text.isEmpty() != other.m_text.isEmpty())
        return false;
    if (!m_text.isEmpty())
        return m_text == other.m_text;
    return m_object == other.m_object;
}

bool operator==(const RawBody &a, const RawBody &b)
{
    if (a.m_text.isEmpty() && b.m_text.isEmpty())
        return a.m_object == b.m_object;
    if (!a.m_text.isEmpty() && a.m_text == b.m_text)
        return true;
    return a.object() == b.object();
}

} // namespace bw
