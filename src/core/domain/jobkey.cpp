#include "domain/jobkey.h"

#include <QStringView>

namespace bw {

namespace {

// The ID of `model-invocation-job/ID` or `batch:ID` (either separator), else empty.
QStringView jobIdOfResource(QStringView resource)
{
    static const QString types[]
            = {QStringLiteral("model-invocation-job"), QStringLiteral("batch")};
    for (const QString &type : types) {
        if (resource.size() > type.size() + 1 && resource.startsWith(type)
            && (resource.at(type.size()) == u'/' || resource.at(type.size()) == u':'))
            return resource.mid(type.size() + 1);
    }
    return {};
}

} // namespace

QString jobKeyOf(const QString &identifier)
{
    const QString text = identifier.trimmed();
    // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE (the resource may contain ':').
    if (!text.startsWith(u"arn:"))
        return text;
    qsizetype from = 0;
    QStringView service;
    for (int part = 0; part < 5; ++part) {
        const qsizetype colon = text.indexOf(u':', from);
        if (colon < 0)
            return text;
        if (part == 2)
            service = QStringView(text).mid(from, colon - from);
        from = colon + 1;
    }
    if (service != u"bedrock")
        return text;
    const QStringView id = jobIdOfResource(QStringView(text).mid(from));
    return id.isEmpty() ? text : id.toString();
}

bool isSameJob(const QString &a, const QString &b)
{
    const QString key = jobKeyOf(a);
    return !key.isEmpty() && key == jobKeyOf(b);
}

bool JobKeySet::insert(const QString &identifier)
{
    const QString key = jobKeyOf(identifier);
    if (key.isEmpty() || m_keys.contains(key))
        return false;
    m_keys.insert(key);
    return true;
}

bool JobKeySet::contains(const QString &identifier) const
{
    const QString key = jobKeyOf(identifier);
    return !key.isEmpty() && m_keys.contains(key);
}

void JobKeySet::remove(const QString &identifier)
{
    m_keys.remove(jobKeyOf(identifier));
}

} // namespace bw
