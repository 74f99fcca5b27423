#include "store/resultsjson.h"

#include <QJsonArray>

namespace bw::resultsjson {

namespace {

qint64 count(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? qint64(v.toDouble()) : 0;
}

} // namespace

QJsonObject toJson(const ResultsSummary &s)
{
    QJsonArray groups;
    for (const ResultsSummary::ErrorGroup &g : s.errorGroups) {
        groups.append(
                QJsonObject{{QStringLiteral("code"), g.code},
                            {QStringLiteral("message"), g.message},
                            {QStringLiteral("count"), double(g.count)},
                            {QStringLiteral("sampleIds"), QJsonArray::fromStringList(g.sampleIds)},
                            {QStringLiteral("exampleMessage"), g.exampleMessage}});
    }
    QJsonObject o{{QStringLiteral("succeeded"), double(s.succeeded)},
                  {QStringLiteral("errored"), double(s.errored)},
                  {QStringLiteral("expired"), double(s.expired)},
                  {QStringLiteral("canceled"), double(s.canceled)},
                  {QStringLiteral("errorGroups"), groups},
                  {QStringLiteral("bytesRead"), double(s.bytesRead)},
                  {QStringLiteral("pages"), s.pages},
                  {QStringLiteral("capped"), s.capped},
                  {QStringLiteral("complete"), s.complete}};
    if (s.fetchedAt.isValid())
        o.insert(QStringLiteral("fetchedAt"), double(s.fetchedAt.toMSecsSinceEpoch()));
    return o;
}

std::optional<ResultsSummary> fromJson(const QJsonObject &o)
{
    if (!o.contains(QLatin1StringView("succeeded"))
        && !o.contains(QLatin1StringView("errorGroups")))
        return std::nullopt;
    ResultsSummary s;
    s.succeeded = count(o, QLatin1StringView("succeeded"));
    s.errored = count(o, QLatin1StringView("errored"));
    s.expired = count(o, QLatin1StringView("expired"));
    s.canceled = count(o, QLatin1StringView("canceled"));
    s.bytesRead = count(o, QLatin1StringView("bytesRead"));
    s.pages = int(count(o, QLatin1StringView("pages")));
    s.capped = o.value(QLatin1StringView("capped")).toBool();
    s.complete = o.value(QLatin1StringView("complete")).toBool();
    if (const QJsonValue at = o.value(QLatin1StringView("fetchedAt")); at.isDouble())
        s.fetchedAt = QDateTime::fromMSecsSinceEpoch(qint64(at.toDouble()), Qt::UTC);
    const QJsonArray groups = o.value(QLatin1StringView("errorGroups")).toArray();
    for (const QJsonValue &v : groups) {
        const QJsonObject g = v.toObject();
        ResultsSummary::ErrorGroup group;
        group.code = g.value(QLatin1StringView("code")).toString();
        group.message = g.value(QLatin1StringView("message")).toString();
        group.count = count(g, QLatin1StringView("count"));
        for (const QJsonValue &id : g.value(QLatin1StringView("sampleIds")).toArray()) {
            if (id.isString() && group.sampleIds.size() < ResultsSummary::kMaxSampleIds)
                group.sampleIds.append(id.toString());
        }
        group.exampleMessage = g.value(QLatin1StringView("exampleMessage")).toString();
        s.errorGroups.append(group);
    }
    return s;
}

} // namespace bw::resultsjson
