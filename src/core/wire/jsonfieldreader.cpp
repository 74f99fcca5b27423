#include "wire/jsonfieldreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

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

GatewayError badBody(const QString &why)
{
    GatewayError e;
    e.kind = GatewayError::Kind::BadBody;
    e.message = why;
    return e;
}

Expected<QJsonObject> parseBodyObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return badBody(QStringLiteral("the body is empty"));
    if (JobCodec::looksLikeHtml(body))
        return badBody(QStringLiteral("the body is an HTML page, not JSON"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return badBody(QStringLiteral("the body is not valid JSON (%1 at offset %2)")
                               .arg(err.errorString())
                               .arg(err.offset));
    if (!doc.isObject())
        return badBody(QStringLiteral("the body is JSON but not an object"));
    return doc.object();
}

std::optional<QDateTime> fromEpochSeconds(double secs)
{
    if (!std::isfinite(secs) || secs <= 0 || secs >= 253402300800.0)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(secs * 1000.0), Qt::UTC);
}

std::optional<qint64> exactInteger(double d)
{
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

void forEachObject(const QJsonArray &array, const QString &name, QList<ParseProblem> &problems,
                   const std::function<bool(const QJsonObject &, const QString &)> &each)
{
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        const QString itemPath = name + QStringLiteral("[%1]").arg(i);
        if (!item.isObject()) {
            problems.append({itemPath,
                             QStringLiteral("expected an object, got %1").arg(jsonTypeName(item))});
            continue;
        }
        if (!each(item.toObject(), itemPath))
            return;
    }
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
