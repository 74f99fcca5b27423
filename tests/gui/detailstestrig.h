#pragma once

// A ProfileSession (and so its JobMonitor and its one sample feed) over a scripted fake gateway,
// for the details panel and overview page tests: bodies are served per identifier from `bodies`
// (404 for an unknown one), the clock is manual and polling has no jitter, so a test moves time
// and the monitor polls exactly then. No store: the session's samples are the live ones.

#include "domain/jobidentifier.h"
#include "fakenetworkaccessmanager.h"
#include "monitortesting.h"
#include "tracking/clock.h"
#include "tracking/jobmonitor.h"
#include "tracking/pollscheduler.h"
#include "tracking/profilesession.h"
#include "wire/gatewayclient.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

#include <memory>

namespace bw::test {

inline const QDateTime kRigStart = QDateTime(QDate(2025, 3, 15), QTime(10, 0), Qt::UTC);

struct DetailsRig
{
    DetailsRig()
    {
        GatewayProfile profile;
        profile.id = QStringLiteral("p1");
        profile.name = QStringLiteral("Test gateway");
        profile.baseUrl = QUrl(QStringLiteral("http://gateway.test"));
        profile.routeStyle = RouteStyle::Singular;
        client.setProfile(profile);
        nam.setHandler([this](const FakeRequest &r) { return answer(r); });
        ProfileSession::Options options;
        options.pollSettings.bulkRefresh = false;
        options.clock = &clock;
        options.nativeSources = false;
        session = std::make_unique<ProfileSession>(&client, options);
        monitor = session->monitor();
        monitor->scheduler()->setJitterSource([] { return 0.0; });
        session->start();
    }

    FakeResponse answer(const FakeRequest &r)
    {
        const QByteArray prefix = "/bedrock/model-invocation-job/";
        const QByteArray path = r.encodedPath();
        if (!path.startsWith(prefix))
            return FakeResponse::text(404, "text/plain", "Not Found");
        const QString identifier = QUrl::fromPercentEncoding(path.mid(prefix.size()));
        if (!bodies.contains(identifier))
            return FakeResponse::json(
                    404,
                    R"({"message":"Could not find job","__type":"ResourceNotFoundException"})");
        return FakeResponse::json(
                200, QJsonDocument(bodies.value(identifier)).toJson(QJsonDocument::Compact));
    }

    // Runs the event loop until no request is in flight and nothing is due before the clock
    // moves again (every answer applied and announced).
    bool quiet() { return test::waitUntilMonitorIsQuiet(*monitor, clock, 200); }

    bool watch(const QStringList &ids)
    {
        QList<JobIdentifier> list;
        for (const QString &id : ids)
            list.append(JobIdentifier::parse(id));
        monitor->watch(list);
        return quiet();
    }

    // Moves time on by `seconds` (the monitor polls what is due) and settles.
    bool advance(qint64 seconds)
    {
        clock.advance(seconds * 1000);
        return quiet();
    }

    QHash<QString, QJsonObject> bodies; // by identifier as requested
    FakeNetworkAccessManager nam;
    GatewayClient client{&nam};
    ManualClock clock{kRigStart};
    std::unique_ptr<ProfileSession> session;
    JobMonitor *monitor = nullptr; // the session's
};

} // namespace bw::test
