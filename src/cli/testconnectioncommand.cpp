#include "testconnectioncommand.h"

#include "export/exportdata.h"
#include "jobformat.h"
#include "wire/connectiontest.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

QString checkName(ConnectionTest::Check check)
{
    switch (check) {
    case ConnectionTest::Check::Profile:
        return u"profile"_s;
    case ConnectionTest::Check::Reachable:
        return u"reachable"_s;
    case ConnectionTest::Check::Key:
        return u"key"_s;
    case ConnectionTest::Check::Jobs:
        return u"jobs"_s;
    case ConnectionTest::Check::Route:
        return u"route"_s;
    case ConnectionTest::Check::Native:
        return u"native"_s;
    case ConnectionTest::Check::Summary:
        break;
    }
    return u"summary"_s;
}

} // namespace

void TestConnectionCommand::start()
{
    m_test = new ConnectionTest(nullptr, this);
    if (m_options.format == OutputFormat::Table) {
        // Each step as it is known: a slow gateway shows where it stands.
        connect(m_test, &ConnectionTest::stepAdded, this, [this](const ConnectionTest::Step &step) {
            m_console->write(u"%1 %2\n"_s.arg(
                    ConnectionTest::outcomeName(step.outcome).leftJustified(7), step.text));
            m_console->flush();
        });
    }
    connect(m_test, &ConnectionTest::finished, this, &TestConnectionCommand::onFinished);
    m_test->start(m_session->client());
}

void TestConnectionCommand::onFinished()
{
    const ConnectionTest::Result &r = m_test->result();
    if (m_options.format == OutputFormat::Json) {
        QJsonObject doc;
        doc.insert(u"ok"_s, r.ok());
        doc.insert(u"reachable"_s, r.reachable);
        if (r.keyAccepted)
            doc.insert(u"keyAccepted"_s, *r.keyAccepted);
        if (r.jobsVisible)
            doc.insert(u"jobsVisible"_s, *r.jobsVisible);
        doc.insert(u"moreJobs"_s, r.moreJobs);
        if (r.detectedRoute)
            doc.insert(u"routeDetected"_s, routeStyleKey(*r.detectedRoute));
        QJsonArray steps;
        for (const ConnectionTest::Step &s : r.steps) {
            steps.append(QJsonObject{{u"check"_s, checkName(s.check)},
                                     {u"outcome"_s, ConnectionTest::outcomeName(s.outcome)},
                                     {u"text"_s, s.text}});
        }
        doc.insert(u"steps"_s, steps);
        m_console->line(JobFormat::compact(doc));
    }
    m_console->flush();
    if (r.ok())
        return finish(ExitOk);
    if (!r.steps.isEmpty() && r.steps.constFirst().check == ConnectionTest::Check::Profile)
        return finish(ExitUsage);
    if (!r.reachable) {
        m_console->error(u"cannot reach the gateway at %1"_s.arg(
                sanitizedBaseUrlText(m_session->profile().baseUrl)));
        return finish(ExitUnreachable);
    }
    return finish(ExitFailed);
}

} // namespace bw::cli
