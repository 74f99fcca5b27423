#pragma once

// Timing helpers shared by bench_refresh and bench_model (header only, benchmarks only).

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <utility>

namespace bw::bench {

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
