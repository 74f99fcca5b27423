#include "watchedjobs.h"

#include "fixtures.h"

#include <QTest>

namespace bw::test {

WatchedJob watchedFrom(const ParsedJob &parsed, const QString &identifier, const QDateTime &addedAt,
                       const QDateTime &fetchedAt, bool fromList)
{
    WatchedJob w;
    w.identifier = identifier;
    w.profileId = QStringLiteral("prod");
    w.job = parsed.job;
    (fromList ? w.rawList : w.rawRetrieve) = parsed.raw;
    w.addedAt = addedAt;
    w.fetchedAt = fetchedAt;
    w.everReported = parsed.job.presentFields();
    return w;
}

WatchedJob watchedFromFixture(const QString &name, const QString &identifier,
                              const QDateTime &addedAt, const QDateTime &fetchedAt)
{
    const auto parsed = JobCodec::parseRetrieveBody(fixture(name));
    if (!parsed) {
        // Fails this test function only (fixture() reports a file it cannot read).
        QTest::qFail(qPrintable(QStringLiteral("fixture %1 does not parse").arg(name)), __FILE__,
                     __LINE__);
        return {};
    }
    return watchedFrom(*parsed, identifier, addedAt, fetchedAt);
}

QList<WatchedJob> sixFixtureJobs(const QStringList &identifiers, const QDateTime &addedAt,
                                 const QDateTime &fetchedAt, bool summariesAsList)
{
    const auto page
            = JobCodec::parseListBody(fixture(QStringLiteral("list-page1-aws-native.json")));
    if (!page || page->jobs.size() != 3 || identifiers.size() != 6) {
        QTest::qFail("list fixture does not parse", __FILE__, __LINE__);
        return QList<WatchedJob>(6);
    }
    QList<WatchedJob> jobs;
    for (int i = 0; i < 3; ++i)
        jobs << watchedFrom(page->jobs.at(i), identifiers.at(i), addedAt, fetchedAt,
                            summariesAsList);
    const QStringList retrieves{QStringLiteral("retrieve-inprogress-aws-native.json"),
                                QStringLiteral("retrieve-failed.json"),
                                QStringLiteral("retrieve-crossprovider-finalizing.json")};
    for (int i = 0; i < 3; ++i)
        jobs << watchedFromFixture(retrieves.at(i), identifiers.at(3 + i), addedAt, fetchedAt);
    return jobs;
}

} // namespace bw::test
