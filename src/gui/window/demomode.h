#pragma once

#include "store/jobstore.h"
#include "wire/gatewayprofile.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

namespace bw {

class JobMonitor;

namespace sim {
class GatewaySimulator;
}

// The demo gateway (PRODUCT.md §4 "Demo gateway"): an in-process bw::sim::GatewaySimulator on
// 127.0.0.1 (never another interface) in its Bifrost flavour — what a Bifrost user's board
// looks like: Bedrock jobs through the sparse Bedrock-format route (filled from the native
// route: expiry, end times; one that Bifrost calls failed although almost every record
// succeeded), and OpenAI, Anthropic and Gemini batches through Bifrost's native routes — with a
// few dozen jobs spread over every status, moving through their lifecycles at an accelerated
// speed, and a temporary profile pointing at it that watches those four providers.
//
// Contract:
//  - Nothing listens until start(); start() picks a free port and may be called again (no-op
//    while running). The simulator stops when the DemoMode is destroyed.
//  - profile() is a profile that is never saved in the user's store: id demoProfileId(),
//    the simulator's base URL, no authentication, providers demoProviders(). Valid only while
//    running.
//  - jobIdentifiers() are every demo job's identifier: the Bedrock jobs' ARNs in generation
//    order, then the OpenAI, Anthropic and Gemini batch ids (the simulator's nativeBatches()).
//  - backfill() is what batchwatch would have recorded had it watched the demo jobs for a while
//    already: status transitions and progress samples from what the gateway reported at each
//    instant (Bedrock: the Bedrock-format route, so no counts; the others: the native route),
//    so that the timeline, progress and overview charts of a fresh demo are not empty.
//  - Without the simulator (batchwatch built without batchwatch_sim) isAvailable() is false
//    and start() fails with a sentence saying so.
class DemoMode : public QObject
{
    Q_OBJECT

public:
    // Simulated seconds per real second: an hour-long job completes in 30 s.
    static constexpr double DefaultSpeed = 120.0;
    // Covers every status and lifecycle of the simulator's demo set.
    static constexpr int DefaultJobCount = 36;

    explicit DemoMode(QObject *parent = nullptr);
    ~DemoMode() override;

    static bool isAvailable();
    // The id of the demo profile; never the id of a stored profile (stored ids are UUIDs).
    static QString demoProfileId();
    static bool isDemoProfile(const QString &profileId) { return profileId == demoProfileId(); }
    // The providers the demo profile watches: bedrock, openai, anthropic, gemini.
    static QStringList demoProviders();

    // Speed and job count apply to the next start().
    void setSpeed(double speed) { m_speed = speed; }
    double speed() const { return m_speed; }
    void setJobCount(int count) { m_jobCount = count; }
    int jobCount() const { return m_jobCount; }

    // Starts the simulator. False (with *error set to one sentence) when it cannot listen.
    bool start(QString *error = nullptr);
    bool isRunning() const;

    GatewayProfile profile() const;
    QStringList jobIdentifiers() const;
    // For JobStore::applyUpdates: every demo job (in jobIdentifiers() order, with its provider)
    // on the profile `profileId`, as the gateway reports it now but never fetched (the first
    // poll fetches it), with the status
    // transitions and progress samples seen when sampling the last `windowSeconds` (every
    // `stepSeconds` in the last hour, every ten steps before; never before a job's submit time;
    // the first transition without `from`; a sample only when the counts changed). The first
    // update of a job carries its transitions, each further one a sample. Empty when not
    // running.
    QList<JobUpdate> backfill(const QString &profileId, qint64 windowSeconds = 12 * 3600,
                              qint64 stepSeconds = 60) const;
    // What batchwatch would have read had it watched the demo for a while: once `monitor` has
    // loaded the backfilled jobs, the per-record results of every ended job that has none are
    // read (JobMonitor::fetchResults), one at a time, the job Bifrost calls failed first. A
    // monitor's own rule reads results only when it sees a job end, which the backfill already
    // did. Stops with the monitor.
    void readResultsWhenLoaded(JobMonitor *monitor);
    // The running simulator (tests, diagnostics); nullptr when not running or not available.
    sim::GatewaySimulator *simulator() const;

private:
    void readNextResults();

    std::unique_ptr<sim::GatewaySimulator> m_simulator;
    QPointer<JobMonitor> m_resultsMonitor;
    QStringList m_resultsQueue;
    QString m_resultsReading;
    double m_speed = DefaultSpeed;
    int m_jobCount = DefaultJobCount;
};

} // namespace bw
