#pragma once

#include "wire/jobcodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace bw {

// How a problem names what a field held: "a number", "an array", "null", ...
QString jsonTypeName(const QJsonValue &value);

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
