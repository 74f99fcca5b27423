#pragma once

// What every benchmark needs (header only, benchmarks only): its fixed "now", random job ids,
// failing with one line, reading its count options, resident memory, and timing.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <utility>

namespace bw::bench {

// The instant the synthetic jobs are generated around, so that every run sees the same data.
inline const QDateTime kNow(QDate(2025, 3, 15), QTime(12, 0), Qt::UTC);

// A 12-character [a-z0-9] job id.
inline QString randomId(QRandomGenerator &rng)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int k = 0; k < 12; ++k)
        id += QLatin1Char(alphabet[rng.bounded(36)]);
    return id;
}

// "<application name>: <what>" on stderr, then exit.
[[noreturn]] inline void fail(const QString &what, int exitCode = 1)
{
    QTextStream(stderr) << QCoreApplication::applicationName() << ": " << what << '\n';
    std::exit(exitCode);
}

// The integer value of `option`; fails with `message` (exit `exitCode`) below `min`.
inline int intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int min,
                     const QString &message, int exitCode = 1)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min)
        fail(message, exitCode);
    return value;
}

// Resident set size in KiB (Linux /proc/self/statm), 0 elsewhere.
inline qint64 residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4 : 0;
}

// Wall time (QElapsedTimer) and this process's CPU time (std::clock) since start(). On a
// machine shared with other work the wall time grows with the load; the CPU time much less.
class Stopwatch
{
public:
    void start()
    {
        m_cpu = std::clock();
        m_wall.start();
    }
    double wallMs() const { return double(m_wall.nsecsElapsed()) / 1e6; }
    double cpuMs() const { return double(std::clock() - m_cpu) * 1000.0 / CLOCKS_PER_SEC; }

private:
    QElapsedTimer m_wall;
    std::clock_t m_cpu = 0;
};

// Samples per operation, in the order operations were first seen, printed as a plain table:
// operation, runs, median and minimum wall time, median CPU time (all in milliseconds).
class Timings
{
public:
    void add(const QString &operation, const Stopwatch &watch)
    {
        const double wall = watch.wallMs();
        const double cpu = watch.cpuMs();
        for (Row &row : m_rows) {
            if (row.operation == operation) {
                row.wall.append(wall);
                row.cpu.append(cpu);
                return;
            }
        }
        m_rows.append({operation, {wall}, {cpu}});
    }

    // A figure measured otherwise (an event-loop stall): its wall and CPU milliseconds.
    void add(const QString &operation, double wallMs, double cpuMs)
    {
        for (Row &row : m_rows) {
            if (row.operation == operation) {
                row.wall.append(wallMs);
                row.cpu.append(cpuMs);
                return;
            }
        }
        m_rows.append({operation, {wallMs}, {cpuMs}});
    }

    void print(QTextStream &out) const
    {
        int width = int(qstrlen("operation"));
        for (const Row &row : m_rows)
            width = std::max(width, int(row.operation.size()));
        out << QStringLiteral("%1  %2  %3  %4  %5\n")
                        .arg(QStringLiteral("operation"), -width)
                        .arg(QStringLiteral("runs"), 4)
                        .arg(QStringLiteral("median ms"), 10)
                        .arg(QStringLiteral("min ms"), 10)
                        .arg(QStringLiteral("median cpu ms"), 13);
        out << QString(width + 45, u'-') << '\n';
        for (const Row &row : m_rows) {
            QList<double> wall = row.wall;
            std::sort(wall.begin(), wall.end());
            out << QStringLiteral("%1  %2  %3  %4  %5\n")
                            .arg(row.operation, -width)
                            .arg(wall.size(), 4)
                            .arg(median(wall), 10, 'f', 1)
                            .arg(wall.constFirst(), 10, 'f', 1)
                            .arg(median(row.cpu), 13, 'f', 1);
        }
        out.flush();
    }

private:
    struct Row
    {
        QString operation;
        QList<double> wall;
        QList<double> cpu;
    };

    static double median(QList<double> values)
    {
        std::sort(values.begin(), values.end());
        const qsizetype n = values.size();
        return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
    }

    QList<Row> m_rows;
};

} // namespace bw::bench
