#pragma once

#include "wire/jobcodec.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace bw {

// How a problem names what a field held: "a number", "an array", "null", ...
QString jsonTypeName(const QJsonValue &value);

// A GatewayError of kind BadBody whose message is `why`.
GatewayError badBody(const QString &why);
// A 2xx body that must be one JSON object: the object, or a BadBody error saying why it is not
// one ("the body is empty", an HTML page, not valid JSON, JSON but not an object).
Expected<QJsonObject> parseBodyObject(const QByteArray &body);

// Unix seconds as a UTC instant; nullopt unless finite, after the epoch and before the year 10000.
std::optional<QDateTime> fromEpochSeconds(double secs);
// `d` as an integer when it is a whole number a double holds exactly (|d| <= 2^53); else nullopt.
std::optional<qint64> exactInteger(double d);

// Calls `each(object, path)` for the elements of `array` (named `name` in problems) that are
// objects, with path "name[i]"; any other element is a problem at that path. Stops early when
// `each` returns false.
void forEachObject(const QJsonArray &array, const QString &name, QList<ParseProblem> &problems,
                   const std::function<bool(const QJsonObject &, const QString &)> &each);

// Reads typed fields of one JSON object for a codec (JobCodec, NativeCodec). Absent and null
// both mean "not reported"; a value of the wrong type becomes a ParseProblem on the field's path
// (prefix.key) and reads as absent, never as a silent zero or empty string. Codecs derive from it
// to add the readers of their own value shapes (counts, timestamps, ...).
class JsonFieldReader
{
public:
    JsonFieldReader(QJsonObject object, QList<ParseProblem> &problems, QString prefix = {})
        : m_obj(std::move(object))
        , m_problems(problems)
        , m_prefix(std::move(prefix))
    {}

    QString path(QLatin1StringView key) const
    {
        return m_prefix.isEmpty() ? QString(key) : m_prefix + u'.' + key;
    }
    void problem(QLatin1StringView key, const QString &message)
    {
        m_problems.append({path(key), message});
    }
    QJsonValue value(QLatin1StringView key) const { return m_obj.value(key); }
    bool present(QLatin1StringView key) const
    {
        const QJsonValue v = m_obj.value(key);
        return !v.isUndefined() && !v.isNull();
    }

    std::optional<QString> string(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    std::optional<QJsonObject> object(QLatin1StringView key);
    std::optional<QJsonArray> array(QLatin1StringView key);

protected:
    QJsonObject m_obj;
    QList<ParseProblem> &m_problems;
    QString m_prefix;
};

} // namespace bw
