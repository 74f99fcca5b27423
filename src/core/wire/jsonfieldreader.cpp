#include "wire/jsonfieldreader.h"

namespace bw {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

namespace {

// The value of `key` when it has the type `is` accepts; a problem naming `expected` otherwise.
template<typename T, typename Is, typename To>
std::optional<T> typed(JsonFieldReader &r, QLatin1StringView key, Is is, To to,
                       const char *expected)
{
    const QJsonValue v = r.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (is(v))
        return to(v);
    r.problem(key, QStringLiteral("expected %1, got %2")
                           .arg(QLatin1StringView(expected), jsonTypeName(v)));
    return std::nullopt;
}

} // namespace

std::optional<QString> JsonFieldReader::string(QLatin1StringView key)
{
    return typed<QString>(
            *this, key, [](const QJsonValue &v) { return v.isString(); },
            [](const QJsonValue &v) { return v.toString(); }, "a string");
}

std::optional<bool> JsonFieldReader::boolean(QLatin1StringView key)
{
    return typed<bool>(
            *this, key, [](const QJsonValue &v) { return v.isBool(); },
            [](const QJsonValue &v) { return v.toBool(); }, "a boolean");
}

std::optional<QJsonObject> JsonFieldReader::object(QLatin1StringView key)
{
    return typed<QJsonObject>(
            *this, key, [](const QJsonValue &v) { return v.isObject(); },
            [](const QJsonValue &v) { return v.toObject(); }, "an object");
}

std::optional<QJsonArray> JsonFieldReader::array(QLatin1StringView key)
{
    return typed<QJsonArray>(
            *this, key, [](const QJsonValue &v) { return v.isArray(); },
            [](const QJsonValue &v) { return v.toArray(); }, "an array");
}

} // namespace bw
