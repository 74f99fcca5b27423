#include "wire/jsonfieldreader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cmath>

namespace bw {

ClientText jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return ClientText::verbatim(QStringLiteral("null"));
    case QJsonValue::Bool:
        return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "a boolean"));
    case QJsonValue::Double:
        return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "a number"));
    case QJsonValue::String:
        return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "a string"));
    case QJsonValue::Array:
        return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "an array"));
    case QJsonValue::Object:
        return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "an object"));
    case QJsonValue::Undefined:
        break;
    }
    return ClientText::verbatim(QStringLiteral("undefined"));
}

ValueType jsonValueType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return ValueType::Null;
    case QJsonValue::Bool:
        return ValueType::Boolean;
    case QJsonValue::Double:
        return ValueType::Number;
    case QJsonValue::String:
        return ValueType::Text;
    case QJsonValue::Array:
        return ValueType::List;
    case QJsonValue::Object:
        return ValueType::Object;
    case QJsonValue::Undefined:
        break;
    }
    return ValueType::None;
}

GatewayError badBody(const ClientText &why)
{
    GatewayError e;
    e.kind = GatewayError::Kind::BadBody;
    e.message = why.english();
    if (why.shown() != why.english())
        e.shownMessage = why.shown();
    return e;
}

Expected<QJsonObject> parseBodyObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return badBody(ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "the body is empty")));
    if (JobCodec::looksLikeHtml(body))
        return badBody(ClientText(
                QT_TRANSLATE_NOOP("bw::GatewayClient", "the body is an HTML page, not JSON")));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return badBody(ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                                    "the body is not valid JSON (%1 at offset %2)"))
                               .arg(err.errorString())
                               .arg(err.offset));
    if (!doc.isObject())
        return badBody(ClientText(
                QT_TRANSLATE_NOOP("bw::GatewayClient", "the body is JSON but not an object")));
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

ClientText unreadableJob(const QJsonObject &obj, const QList<ParseProblem> &problems,
                         const ClientText &noun, QLatin1StringView idKey, bool idReadable)
{
    auto what = [&obj](QLatin1StringView key) {
        const QJsonValue v = obj.value(key);
        if (v.isUndefined() || v.isNull())
            return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "missing"));
        if (v.isString() && v.toString().isEmpty())
            return ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "empty"));
        return jsonTypeName(v);
    };
    const QLatin1StringView status("status");
    const QJsonValue statusValue = obj.value(status);
    const bool statusReadable = statusValue.isString() && !statusValue.toString().isEmpty();
    const ClientText key = ClientText::verbatim(idKey);
    ClientText text;
    if (idReadable)
        text = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                            "the %1 body has no readable status (%2)"))
                       .arg(noun, what(status));
    else if (statusReadable)
        text = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                            "the %1 body has no readable %2 (%3)"))
                       .arg(noun, key, what(idKey));
    else
        text = ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient",
                                            "the %1 body has no readable %2 (%3) nor status (%4)"))
                       .arg(noun, key, what(idKey), what(status));
    QStringList others;
    QSet<QString> seen;
    qsizetype more = 0;
    for (const ParseProblem &p : problems) {
        if (p.field == idKey || p.field == status || seen.contains(p.field))
            continue;
        seen.insert(p.field);
        if (others.size() < kMaxEntryProblems)
            others << p.field;
        else
            ++more;
    }
    if (!others.isEmpty())
        text += ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", "; also of the wrong type: %1"))
                        .arg(others.join(QStringLiteral(", ")));
    if (more > 0)
        text += ClientText(QT_TRANSLATE_NOOP("bw::GatewayClient", " and %1 more")).arg(more);
    return text;
}

EntryProblems::~EntryProblems()
{
    if (m_count > kMaxEntryProblems)
        m_problems.append({m_listPath,
                           ParseProblem::Kind::MoreEntries,
                           m_expected,
                           ValueType::None,
                           QString::number(m_count - kMaxEntryProblems),
                           {}});
}

void EntryProblems::add(qsizetype index, const QJsonValue &found)
{
    if (m_count++ < kMaxEntryProblems)
        m_problems.append(ParseProblem::wrongType(m_listPath + QStringLiteral("[%1]").arg(index),
                                                  m_expected, jsonValueType(found)));
}

ListPageProblems::~ListPageProblems()
{
    if (m_leftOut > 0)
        m_problems.append({m_listPath,
                           ParseProblem::Kind::MoreProblems,
                           ValueType::None,
                           ValueType::None,
                           QString::number(m_leftOut),
                           {}});
    if (m_entries > kMaxListEntries)
        m_problems.append({m_listPath, ParseProblem::Kind::TooManyEntries, ValueType::Object,
                           ValueType::None, QString::number(m_entries - kMaxListEntries),
                           QString::number(kMaxListEntries)});
}

void ListPageProblems::add(const QString &itemPath, ParseProblem p)
{
    if (m_added >= kMaxListProblems) {
        ++m_leftOut;
        return;
    }
    ++m_added;
    p.field = p.field.isEmpty() ? itemPath : itemPath + u'.' + p.field;
    m_problems.append(std::move(p));
}

void forEachObject(const QJsonArray &array, const QString &name, QList<ParseProblem> &problems,
                   const std::function<bool(const QJsonObject &, const QString &)> &each)
{
    EntryProblems bad(problems, name, ValueType::Object);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isObject()) {
            bad.add(i, item);
            continue;
        }
        if (!each(item.toObject(), name + QStringLiteral("[%1]").arg(i)))
            return;
    }
}

namespace {

// The value of `key` when it has the type `is` accepts; a problem naming `expected` otherwise.
template<typename T, typename Is, typename To>
std::optional<T> typed(JsonFieldReader &r, QLatin1StringView key, Is is, To to, ValueType expected)
{
    const QJsonValue v = r.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (is(v))
        return to(v);
    r.wrongType(key, expected, v);
    return std::nullopt;
}

} // namespace

std::optional<QString> JsonFieldReader::string(QLatin1StringView key)
{
    return typed<QString>(
            *this, key, [](const QJsonValue &v) { return v.isString(); },
            [](const QJsonValue &v) { return v.toString(); }, ValueType::Text);
}

std::optional<bool> JsonFieldReader::boolean(QLatin1StringView key)
{
    return typed<bool>(
            *this, key, [](const QJsonValue &v) { return v.isBool(); },
            [](const QJsonValue &v) { return v.toBool(); }, ValueType::Boolean);
}

std::optional<QJsonObject> JsonFieldReader::object(QLatin1StringView key)
{
    return typed<QJsonObject>(
            *this, key, [](const QJsonValue &v) { return v.isObject(); },
            [](const QJsonValue &v) { return v.toObject(); }, ValueType::Object);
}

std::optional<QJsonArray> JsonFieldReader::array(QLatin1StringView key)
{
    return typed<QJsonArray>(
            *this, key, [](const QJsonValue &v) { return v.isArray(); },
            [](const QJsonValue &v) { return v.toArray(); }, ValueType::List);
}

} // namespace bw
