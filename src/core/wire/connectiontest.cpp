#include "wire/connectiontest.h"

#include "wire/gatewayclient.h"

#include <algorithm>

namespace bw {

namespace {

// An id no gateway has: a retrieve of it still shows which route answers (a JSON 404 naming
// the job counts as an answer).
constexpr auto kProbeIdentifier = "batchwatch-connection-test";

QString routeWords(RouteStyle route)
{
    switch (route) {
    case RouteStyle::Plural:
        return ConnectionTest::tr("plural (/bedrock/model-invocation-jobs/…)");
    case RouteStyle::Singular:
        return ConnectionTest::tr("singular (/bedrock/model-invocation-job/…)");
    case RouteStyle::Auto:
        break;
    }
    return ConnectionTest::tr("automatic");
}

} // namespace

bool ConnectionTest::Result::ok() const
{
    return finished && std::none_of(steps.cbegin(), steps.cend(), [](const Step &s) {
               return s.outcome == Outcome::Failed;
           });
}

ConnectionTest::ConnectionTest(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    qRegisterMetaType<bw::ConnectionTest::Step>();
}

ConnectionTest::~ConnectionTest()
{
    ++m_generation;
    if (GatewayClient *client = m_client.data(); client && m_ownsClient)
        client->abortAll();
}

QString ConnectionTest::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok:
        return QStringLiteral("ok");
    case Outcome::Warning:
        return QStringLiteral("warning");
    case Outcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

void ConnectionTest::add(Check check, Outcome outcome, const QString &text)
{
    const Step step{check, outcome, text};
    m_result.steps.append(step);
    if (outcome == Outcome::Failed)
        m_failed = true;
    Q_EMIT stepAdded(step);
}

// Resets the state for a new test of `profile`; false (after the one failed step) when the
// profile cannot be tested.
bool ConnectionTest::begin(const GatewayProfile &profile)
{
    ++m_generation;
    // Answers to an abandoned test are ignored (generation); a client of our own is dropped.
    if (GatewayClient *old = m_client.data(); old && m_ownsClient) {
        old->abortAll();
        old->deleteLater();
    }
    m_client = nullptr;
    m_result = Result{};
    m_failed = false;
    m_running = true;

    const QList<ProfileProblem> problems = profile.validate({}, false);
    if (problems.isEmpty())
        return true;
    add(Check::Profile, Outcome::Failed,
        ConnectionTest::tr("Fix the profile first: %1").arg(problems.constFirst().message));
    m_running = false;
    m_result.finished = true;
    Q_EMIT finished(false);
    return false;
}

void ConnectionTest::run(GatewayClient *client, bool owned)
{
    if (client->profile().routeStyle == RouteStyle::Auto
        && client->profile().detectedRoute != RouteStyle::Auto) {
        GatewayProfile fresh = client->profile();
        fresh.detectedRoute = RouteStyle::Auto; // probe afresh
        client->setProfile(fresh);
    }
    const int generation = m_generation;
    connect(client, &GatewayClient::routeDetected, this, [this, generation](RouteStyle style) {
        if (generation == m_generation)
            m_result.detectedRoute = style;
    });
    // A client given by the caller may go (its profile removed) while the test runs: then the
    // test ends, failed, instead of waiting for answers that never come.
    connect(client, &QObject::destroyed, this, [this, generation] {
        if (generation != m_generation || !m_running)
            return;
        ++m_generation;
        m_client = nullptr;
        add(Check::Profile, Outcome::Failed,
            ConnectionTest::tr("Stopped: the profile's connection was closed (the profile was "
                               "changed or removed) before the test ended."));
        m_running = false;
        m_result.finished = true;
        Q_EMIT finished(false);
    });
    m_client = client;
    m_ownsClient = owned;
    checkHealth();
}

void ConnectionTest::start(const GatewayProfile &profile, const QString &secret)
{
    if (!begin(profile))
        return;
    auto *client = new GatewayClient(m_nam, this);
    client->setProfile(profile);
    if (profile.authMode != AuthMode::None)
        client->setSecret(secret);
    run(client, true);
}

void ConnectionTest::start(GatewayClient *client)
{
    if (!client || !begin(client->profile()))
        return;
    run(client, false);
}

void ConnectionTest::abort()
{
    if (!m_running)
        return;
    ++m_generation;
    if (GatewayClient *client = m_client.data(); client && m_ownsClient) {
        client->abortAll();
        client->deleteLater();
    }
    m_client = nullptr;
    m_running = false;
    m_result.finished = true;
    Q_EMIT finished(false);
}

void ConnectionTest::checkHealth()
{
    GatewayClient *client = m_client.data();
    if (!client)
        return abort();
    const int generation = m_generation;
    client->health(this, [this, generation](const Expected<HealthResult> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            const GatewayError &error = result.error();
            if (error.kind == GatewayError::Kind::Cancelled)
                return finish();
            if (error.isUnreachable()) {
                add(Check::Reachable, Outcome::Failed,
                    ConnectionTest::tr("Not reachable: %1").arg(error.describe()));
                return finish();
            }
            m_result.reachable = true;
            if (error.kind == GatewayError::Kind::Http && error.httpStatus == 404)
                add(Check::Reachable, Outcome::Ok,
                    ConnectionTest::tr(
                            "Reachable: the gateway answered (it has no /health route)."));
            else
                add(Check::Reachable, Outcome::Warning,
                    ConnectionTest::tr("Reachable, but /health reports a problem: %1")
                            .arg(error.describe()));
        } else {
            m_result.reachable = true;
            if (result->status.compare(QLatin1String("ok"), Qt::CaseInsensitive) == 0)
                add(Check::Reachable, Outcome::Ok,
                    ConnectionTest::tr("Reachable: /health answered “ok”."));
            else
                add(Check::Reachable, Outcome::Warning,
                    ConnectionTest::tr("Reachable, but /health answered “%1”.")
                            .arg(result->status));
        }
        checkList();
    });
}

void ConnectionTest::checkList()
{
    ListQuery query;
    query.maxResults = 100;
    GatewayClient *client = m_client.data();
    if (!client)
        return abort();
    const AuthMode mode = client->profile().authMode;
    const int generation = m_generation;
    client->listPage(query, this, [this, mode, generation](const Expected<ListPage> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            const GatewayError &error = result.error();
            if (error.kind == GatewayError::Kind::Cancelled)
                return finish();
            if (error.isAuthFailure()) {
                m_result.keyAccepted = false;
                m_result.keyRejected = error.isKeyRejected();
                add(Check::Key, Outcome::Failed,
                    error.isKeyRejected() ? error.describe()
                                          : ConnectionTest::tr("The gateway needs a key: %1")
                                                    .arg(error.describe()));
                return finish();
            }
            // Began to answer but never finished (a trickling page): no usable answer either.
            if (error.isUnreachable() || error.isAnswerIncomplete()) {
                add(Check::Jobs, Outcome::Failed,
                    ConnectionTest::tr("Listing jobs failed: %1").arg(error.describe()));
                return finish();
            }
            const bool unsupported = error.kind == GatewayError::Kind::Http
                                     && (error.httpStatus == 404 || error.httpStatus == 405
                                         || error.httpStatus == 501);
            add(Check::Jobs, Outcome::Warning,
                unsupported ? ConnectionTest::tr("This gateway does not list jobs (%1). Jobs can "
                                                 "still be added by id.")
                                      .arg(error.describe())
                            : ConnectionTest::tr("Listing jobs failed: %1").arg(error.describe()));
            return checkRoute({});
        }
        m_result.keyAccepted = true;
        add(Check::Key, Outcome::Ok,
            mode == AuthMode::None ? ConnectionTest::tr("Access granted without a key.")
                                   : ConnectionTest::tr("Key accepted."));
        const int n = int(result->jobs.size());
        const bool more = result->nextToken.has_value() && !result->nextToken->isEmpty();
        m_result.jobsVisible = n;
        m_result.moreJobs = more;
        QString jobs;
        if (n == 0)
            jobs = ConnectionTest::tr("No jobs are visible with this profile yet.");
        else if (n == 1)
            jobs = more ? ConnectionTest::tr("1 job visible on the first page; there are more.")
                        : ConnectionTest::tr("1 job visible.");
        else
            jobs = more ? ConnectionTest::tr("%1 jobs visible on the first page; there are more.")
                                   .arg(n)
                        : ConnectionTest::tr("%1 jobs visible.").arg(n);
        add(Check::Jobs, Outcome::Ok, jobs);
        QString probe;
        for (const ParsedJob &parsed : result->jobs) {
            if (parsed.job.jobArn && !parsed.job.jobArn->isEmpty()) {
                probe = *parsed.job.jobArn;
                break;
            }
        }
        checkRoute(probe);
    });
}

void ConnectionTest::checkRoute(const QString &identifier)
{
    const QString id = identifier.isEmpty() ? QString::fromLatin1(kProbeIdentifier) : identifier;
    GatewayClient *client = m_client.data();
    if (!client)
        return abort();
    const RouteStyle configured = client->profile().routeStyle;
    const int generation = m_generation;
    client->retrieve(
            id, this, [this, configured, generation](const Expected<RetrieveResult> &result) {
                if (generation != m_generation)
                    return;
                if (!result && result.error().kind == GatewayError::Kind::Cancelled)
                    return finish();
                if (!result && result.error().isAuthFailure()) {
                    // The list route let this profile in, reading a job does not: the key is
                    // not good enough for what batchwatch does, whatever the list said.
                    const GatewayError &error = result.error();
                    m_result.keyAccepted = false;
                    m_result.keyRejected = error.isKeyRejected();
                    add(Check::Key, Outcome::Failed,
                        error.keySent
                                ? ConnectionTest::tr("The key lists jobs but may not read one: "
                                                     "%1")
                                          .arg(error.describe())
                                : ConnectionTest::tr("Reading a job needs a key: %1")
                                          .arg(error.describe()));
                    return finish();
                }
                std::optional<RouteStyle> route = m_result.detectedRoute;
                if (result)
                    route = result->routeUsed;
                const bool answered = result || result.error().isNotFound();
                if (configured == RouteStyle::Auto) {
                    if (route && *route != RouteStyle::Auto && answered) {
                        m_result.detectedRoute = *route;
                        add(Check::Route, Outcome::Ok,
                            ConnectionTest::tr("Route style detected: %1.")
                                    .arg(routeWords(*route)));
                    } else {
                        m_result.detectedRoute.reset();
                        add(Check::Route, Outcome::Warning,
                            ConnectionTest::tr("The route style could not be detected: %1")
                                    .arg(result ? ConnectionTest::tr("no route answered with a job")
                                                : result.error().describe()));
                    }
                } else if (answered) {
                    add(Check::Route, Outcome::Ok,
                        ConnectionTest::tr("The %1 route answers as expected.")
                                .arg(routeWords(configured)));
                } else {
                    add(Check::Route, Outcome::Failed,
                        ConnectionTest::tr("The %1 route did not answer with a job: %2")
                                .arg(routeWords(configured), result.error().describe()));
                }
                checkNative(0);
            });
}

void ConnectionTest::checkNative(int index)
{
    GatewayClient *client = m_client.data();
    if (!client)
        return abort();
    const QStringList providers = GatewayProfile::normalisedProviders(client->profile().providers);
    if (index >= providers.size())
        return finish();
    const QString provider = providers.at(index);
    NativeListQuery query;
    query.provider = provider;
    query.limit = 1;
    const int generation = m_generation;
    client->nativeListPage(
            query, this,
            [this, index, provider, providers, generation](const Expected<NativeListPage> &page) {
                if (generation != m_generation)
                    return;
                if (!page && page.error().kind == GatewayError::Kind::Cancelled)
                    return finish();
                if (page) {
                    m_result.nativeApi = true;
                    m_result.nativeProviders.append(provider);
                    add(Check::Native, Outcome::Ok,
                        ConnectionTest::tr("Bifrost's native batch API answers for %1.")
                                .arg(provider));
                    return checkNative(index + 1);
                }
                const GatewayError &e = page.error();
                // A list names no batch: a 404 there means the route itself is missing.
                const bool noRoute = e.kind == GatewayError::Kind::BadBody
                                     || (e.kind == GatewayError::Kind::Http
                                         && (e.httpStatus == 404 || e.httpStatus == 405
                                             || e.httpStatus == 501));
                if (noRoute && !m_result.nativeApi.value_or(false)) {
                    m_result.nativeApi = false;
                    m_result.nativeProvidersFailed = providers;
                    add(Check::Native, Outcome::Warning,
                        ConnectionTest::tr(
                                "The gateway does not answer Bifrost's native batch API: "
                                "only Bedrock jobs can be watched, with what the "
                                "Bedrock-format route reports."));
                    return finish();
                }
                m_result.nativeProvidersFailed.append(provider);
                add(Check::Native, Outcome::Warning,
                    ConnectionTest::tr("Bifrost's native batch API does not list %1 batches: %2")
                            .arg(provider, e.describe()));
                checkNative(index + 1);
            });
}

void ConnectionTest::finish()
{
    if (!m_running)
        return;
    m_running = false;
    if (!m_result.steps.isEmpty())
        add(Check::Summary, m_failed ? Outcome::Failed : Outcome::Ok,
            m_failed ? ConnectionTest::tr("The connection does not work yet.")
                     : ConnectionTest::tr("The connection works."));
    m_result.finished = true;
    if (GatewayClient *client = m_client.data()) {
        if (m_ownsClient)
            client->deleteLater();
    }
    m_client = nullptr;
    Q_EMIT finished(!m_failed);
}

} // namespace bw
