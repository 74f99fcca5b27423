#pragma once

#include "gatewaysimulator.h"
#include "loopbackhttpserver.h" // closedPort()

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace bw::test {

// One finished run of batchwatch-cli.
struct CliRun
{
    bool finished = false; // false: it had to be killed after the timeout
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
    // stdout parsed as one JSON object (empty when it is not one).
    QJsonObject json() const;
    // stdout parsed as JSON lines (each non-empty line one object).
    QList<QJsonObject> jsonLines() const;
    // The stderr lines, without the empty last one.
    QStringList errLines() const;
};

// Runs the built batchwatch-cli with `args`, feeding `input` to its stdin (then closing it),
// while THIS thread's event loop keeps running, so that an in-process GatewaySimulator
// answers. `env` adds to (or overrides) the test's environment.
CliRun runCli(const QStringList &args, const QByteArray &input = {},
              const QProcessEnvironment &extraEnv = {}, int timeoutMs = 60'000);

// batchwatch-cli running in the background, for tests that act while it runs (advance the
// simulator's clock once the first line is out). The event loop runs while waiting.
class CliProcess
{
public:
    explicit CliProcess(const QStringList &args, const QProcessEnvironment &extraEnv = {});
    ~CliProcess();
    // Waits until stdout holds at least `count` complete lines; false on timeout or exit.
    bool waitForLines(int count, int timeoutMs = 30'000);
    // Waits for the process to end (killing it after the timeout) and returns what it did.
    CliRun finish(int timeoutMs = 60'000);
    QByteArray outSoFar();
    QByteArray errSoFar();
    // Waits until stderr contains `text`; false on timeout or exit.
    bool waitForErrText(const QByteArray &text, int timeoutMs = 30'000);
    // Sends a POSIX signal (SIGINT, SIGTERM...) to the running process.
    bool sendSignal(int signal);

private:
    std::unique_ptr<class QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
};

// A simulator on 127.0.0.1 with a fixed epoch and seed, time frozen unless `speed` > 0.
std::unique_ptr<sim::GatewaySimulator> startSimulator(sim::Flavour flavour, double speed = 0,
                                                      int jobs = 36,
                                                      const QString &requiredKey = {});

// "http://127.0.0.1:<port>"
QString gatewayUrl(const sim::GatewaySimulator &simulator);

// The first job of the simulator in `status` (at its frozen epoch); empty when none is.
QString jobIn(const sim::GatewaySimulator &simulator, JobStatus status);

// Matches a UTC "YYYY-MM-DDTHH:MM:SS.mmmZ".
bool isUtcMillisTimestamp(const QString &text);

// Every string value under `value` whose key ends in "Time" or "At", recursively.
QStringList timestampValues(const QJsonValue &value);
// True when `value` contains a JSON null anywhere.
bool containsNull(const QJsonValue &value);

} // namespace bw::test
