#pragma once

#include "wire/gatewayprofile.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QNetworkAccessManager;

namespace bw {

class GatewayClient;

// "Test connection" (PRODUCT.md §3), for the Profiles dialog and `batchwatch-cli
// test-connection`: checks a profile as given (saved or not) in three requests and says what it
// found, step by step, in words:
//   1. GET /health — reachable? (a gateway without /health that answers 404 is reachable)
//   2. one list page — key accepted (or not needed)? how many jobs are visible?
//   3. one retrieve (a listed job, or a made-up id) — which route style answers?
//   4. one native list page per provider of the profile (GET /v1/batches?provider=P&limit=1) —
//      does the gateway answer Bifrost's native batch API, and for which providers? These
//      steps warn, never fail: the Bedrock-format route works without them.
// Profile problems (GatewayProfile::validate) stop the test before any request. Steps arrive
// through stepAdded(); finished() follows the last one, which sums up ("The connection works." /
// "The connection does not work yet."). A test never changes the profile it was given; the
// route it detected is in result().detectedRoute.
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Ok, Warning, Failed };
    enum class Check { Profile, Reachable, Key, Jobs, Route, Native, Summary };
    struct Step
    {
        Check check = Check::Summary;
        Outcome outcome = Outcome::Ok;
        QString text; // one sentence
    };
    struct Result
    {
        bool finished = false;
        bool reachable = false;
        std::optional<bool> keyAccepted;         // unset when the list route did not tell
        bool keyRejected = false;                // 401/403 although a key was sent
        std::optional<int> jobsVisible;          // on the first page
        bool moreJobs = false;                   // the first page carried a token
        std::optional<RouteStyle> detectedRoute; // set when auto-detection found one
        // Whether the gateway answers Bifrost's native batch API (unset: not asked), and the
        // profile's providers it answered for / did not.
        std::optional<bool> nativeApi;
        QStringList nativeProviders;
        QStringList nativeProvidersFailed;
        QList<Step> steps;
        bool ok() const; // finished and no step failed
    };

    // `nam` is the process's one QNetworkAccessManager; not owned.
    explicit ConnectionTest(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Starts a test of `profile` with `secret` (ignored when the profile sends no key). A test
    // already running is abandoned without further signals.
    void start(const GatewayProfile &profile, const QString &secret = {});
    // The same on a client that already holds a profile and its secret (not owned; must outlive
    // the test). With RouteStyle::Auto its remembered route is cleared so that it probes afresh.
    void start(GatewayClient *client);
    // Abandons the running test: no more steps, finished(false).
    void abort();
    bool isRunning() const { return m_running; }
    const Result &result() const { return m_result; }

    static QString outcomeName(Outcome outcome); // "ok", "warning", "failed"

Q_SIGNALS:
    void stepAdded(const bw::ConnectionTest::Step &step);
    void finished(bool ok);

private:
    void add(Check check, Outcome outcome, const QString &text);
    bool begin(const GatewayProfile &profile);
    void run(GatewayClient *client, bool owned);
    void checkHealth();
    void checkList();
    void checkRoute(const QString &identifier);
    void checkNative(int index);
    void finish();

    QNetworkAccessManager *m_nam = nullptr;
    QPointer<GatewayClient> m_client;
    bool m_ownsClient = false;
    Result m_result;
    bool m_running = false;
    bool m_failed = false;
    int m_generation = 0;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::ConnectionTest::Step)
