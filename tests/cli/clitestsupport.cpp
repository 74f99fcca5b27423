#include "clitestsupport.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace bw::test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QList<QJsonObject> CliRun::jsonLines() const
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        lines.append(error.error == QJsonParseError::NoError ? doc.object() : QJsonObject());
    }
    return lines;
}

QStringList CliRun::errLines() const
{
    QStringList lines = errText().split(u'\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

CliRun runCli(const QStringList &args, const QByteArray &input, const QProcessEnvironment &extraEnv,
              int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"COLUMNS"_s);
    env.insert(extraEnv);
    process.setProcessEnvironment(env);
    process.setProgram(QStringLiteral(BATCHWATCH_CLI));
    process.setArguments(args);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    CliRun run;
    if (!process.waitForStarted(10'000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    // Not waitForFinished(): the in-process simulator needs this thread's event loop.
    run.finished = finished.count() > 0 || finished.wait(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5'000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliProcess::CliProcess(const QStringList &args, const QProcessEnvironment &extraEnv)
    : m_process(std::make_unique<QProcess>())
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"COLUMNS"_s);
    env.insert(extraEnv);
    m_process->setProcessEnvironment(env);
    m_process->setProgram(QStringLiteral(BATCHWATCH_CLI));
    m_process->setArguments(args);
    m_process->start();
    m_process->waitForStarted(10'000);
    m_process->closeWriteChannel();
}

CliProcess::~CliProcess()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5'000);
    }
}

QByteArray CliProcess::outSoFar()
{
    m_out += m_process->readAllStandardOutput();
    return m_out;
}

QByteArray CliProcess::errSoFar()
{
    m_err += m_process->readAllStandardError();
    return m_err;
}

bool CliProcess::waitForErrText(const QByteArray &text, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!errSoFar().contains(text)) {
        if (deadline.hasExpired() || m_process->state() == QProcess::NotRunning)
            return errSoFar().contains(text);
        QTest::qWait(20);
    }
    return true;
}

bool CliProcess::sendSignal(int signal)
{
    const qint64 pid = m_process->processId();
    return pid > 0 && ::kill(pid_t(pid), signal) == 0;
}

bool CliProcess::waitForLines(int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (outSoFar().count('\n') < count) {
        if (deadline.hasExpired() || m_process->state() == QProcess::NotRunning)
            return outSoFar().count('\n') >= count;
        QTest::qWait(20);
    }
    return true;
}

CliRun CliProcess::finish(int timeoutMs)
{
    CliRun run;
    QDeadlineTimer deadline(timeoutMs);
    while (m_process->state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(20);
    run.finished = m_process->state() == QProcess::NotRunning;
    if (!run.finished) {
        m_process->kill();
        m_process->waitForFinished(5'000);
    }
    run.exitCode = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    run.out = outSoFar();
    run.err = errSoFar();
    return run;
}

std::unique_ptr<sim::GatewaySimulator> startSimulator(sim::Flavour flavour, double speed, int jobs,
                                                      const QString &requiredKey)
{
    sim::SimulatorOptions options;
    options.flavour = flavour;
    options.seed = 7;
    options.speed = speed;
    options.jobCount = jobs;
    options.requiredKey = requiredKey;
    options.epoch = QDateTime(QDate(2025, 3, 14), QTime(9, 0), Qt::UTC);
    auto simulator = std::make_unique<sim::GatewaySimulator>(options);
    if (!simulator->start(0))
        qFatal("cannot start the simulator: %s", qPrintable(simulator->errorString()));
    return simulator;
}

QString gatewayUrl(const sim::GatewaySimulator &simulator)
{
    return simulator.baseUrl().toString();
}

QString jobIn(const sim::GatewaySimulator &simulator, JobStatus status)
{
    for (const QString &id : simulator.jobIds()) {
        if (simulator.jobStatus(id) == status)
            return id;
    }
    return {};
}

bool isUtcMillisTimestamp(const QString &text)
{
    static const QRegularExpression re(uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)"_s);
    return re.match(text).hasMatch();
}

QStringList timestampValues(const QJsonValue &value)
{
    QStringList out;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isString()
                && (it.key().endsWith(u"Time"_s) || it.key().endsWith(u"At"_s)))
                out.append(it.value().toString());
            else
                out += timestampValues(it.value());
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            out += timestampValues(v);
    }
    return out;
}

bool containsNull(const QJsonValue &value)
{
    if (value.isNull())
        return true;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (containsNull(it.value()))
                return true;
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (containsNull(v))
                return true;
        }
    }
    return false;
}

} // namespace bw::test
