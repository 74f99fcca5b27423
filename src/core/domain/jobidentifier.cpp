#include "domain/jobidentifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace bw {

namespace {
constexpr qsizetype kMaxIdentifierLength = 2048;

bool isJobId(const QString &s)
{
    if (s.size() != 12)
        return false;
    for (QChar c : s) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return true;
}

bool isProviderIdChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

QString stripQuotes(QString token)
{
    while (token.size() >= 2
           && ((token.startsWith(u'"') && token.endsWith(u'"'))
               || (token.startsWith(u'\'') && token.endsWith(u'\'')))) {
        token = token.mid(1, token.size() - 2).trimmed();
    }
    return token;
}

void collectJsonIdentifiers(const QJsonValue &value, QStringList &out)
{
    if (value.isString()) {
        out << value.toString();
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectJsonIdentifiers(v, out);
    } else if (value.isObject()) {
        const QJsonObject obj = value.toObject();
        for (const char *key : {"identifier", "jobArn", "jobIdentifier"}) {
            const QJsonValue v = obj.value(QLatin1StringView(key));
            if (v.isString()) {
                out << v.toString();
                return;
            }
        }
        for (const char *key : {"jobs", "invocationJobSummaries", "identifiers"}) {
            const QJsonValue v = obj.value(QLatin1StringView(key));
            if (v.isArray())
                collectJsonIdentifiers(v, out);
        }
    }
}
} // namespace

JobIdentifier JobIdentifier::parse(const QString &input)
{
    JobIdentifier id;
    id.m_text = input.trimmed();
    const QString &t = id.m_text;

    if (t.isEmpty()) {
        id.m_reason = QStringLiteral("empty identifier");
        return id;
    }
    if (t.size() > kMaxIdentifierLength) {
        id.m_reason = QStringLiteral("longer than %1 characters").arg(kMaxIdentifierLength);
        return id;
    }
    for (QChar c : t) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            id.m_reason = QStringLiteral("contains white space or control characters");
            return id;
        }
    }

    if (t.startsWith(QLatin1StringView("arn:"), Qt::CaseInsensitive)) {
        // arn:partition:service:region:account:resource (resource may contain ':' and '/')
        const QStringList parts = t.split(u':');
        if (parts.size() < 6) {
            id.m_reason = QStringLiteral("ARN has fewer than six ':'-separated parts");
            return id;
        }
        if (parts.at(1).isEmpty() || !parts.at(1).startsWith(QLatin1StringView("aws"))) {
            id.m_reason = QStringLiteral("ARN partition \"%1\" is not an AWS partition")
                                  .arg(parts.at(1));
            return id;
        }
        if (parts.at(2).isEmpty()) {
            id.m_reason = QStringLiteral("ARN has no service");
            return id;
        }
        const QString resource = parts.mid(5).join(u':');
        if (resource.isEmpty()) {
            id.m_reason = QStringLiteral("ARN has no resource part");
            return id;
        }
        id.m_kind = IdentifierKind::Arn;
        id.m_partition = parts.at(1);
        id.m_service = parts.at(2);
        id.m_region = parts.at(3);
        id.m_account = parts.at(4);
        id.m_resource = resource;
        return id;
    }

    if (isJobId(t)) {
        id.m_kind = IdentifierKind::JobId;
        return id;
    }

    for (QChar c : t) {
        if (!isProviderIdChar(c)) {
            id.m_reason = QStringLiteral("character '%1' is not allowed in a job id").arg(c);
            return id;
        }
    }
    if (t.size() < 3) {
        id.m_reason = QStringLiteral("too short to be a job id");
        return id;
    }
    if (t.size() == 12) {
        id.m_reason = QStringLiteral("12 characters but not lower-case letters and digits");
        return id;
    }
    id.m_kind = IdentifierKind::ProviderId;
    return id;
}

QStringList JobIdentifier::tokenize(const QString &text)
{
    QStringList raw;
    const QString trimmed = text.trimmed();
    bool parsedAsJson = false;
    if (trimmed.startsWith(u'[') || trimmed.startsWith(u'{')) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &err);
        if (err.error == QJsonParseError::NoError) {
            collectJsonIdentifiers(
                    doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), raw);
            parsedAsJson = true;
        }
    }
    if (!parsedAsJson) {
        static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
        raw = text.split(separators, Qt::SkipEmptyParts);
    }

    QStringList tokens;
    tokens.reserve(raw.size());
    for (const QString &r : std::as_const(raw)) {
        const QString token = stripQuotes(r.trimmed());
        if (!token.isEmpty())
            tokens.append(token);
    }
    return tokens;
}

QList<JobIdentifier> JobIdentifier::parseList(const QString &text)
{
    QList<JobIdentifier> result;
    QSet<QString> seen;
    const QStringList tokens = tokenize(text);
    for (const QString &token : tokens) {
        if (seen.contains(token))
            continue;
        seen.insert(token);
        result.append(parse(token));
    }
    return result;
}

QString JobIdentifier::shortId() const
{
    if (m_kind != IdentifierKind::Arn)
        return m_text;
    // model-invocation-job/k3x9p2m7q1ab or batch:batch_67d3...
    qsizetype cut = std::max(m_resource.lastIndexOf(u'/'), m_resource.lastIndexOf(u':'));
    const QString tail = cut >= 0 ? m_resource.mid(cut + 1) : m_resource;
    return tail.isEmpty() ? m_text : tail;
}

QString JobIdentifier::kindName(IdentifierKind kind)
{
    switch (kind) {
    case IdentifierKind::JobId:
        return QStringLiteral("id");
    case IdentifierKind::Arn:
        return QStringLiteral("ARN");
    case IdentifierKind::ProviderId:
        return QStringLiteral("provider id");
    case IdentifierKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

} // namespace bw
