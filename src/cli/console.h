#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <optional>

namespace bw::cli {

// The process's standard streams, as the commands use them:
// - stdout carries the result (tables, JSON, CSV); it is block-buffered for speed and flushed
//   by flush(), at every JSON line of `watch` (line()) and when the console is destroyed;
// - stderr carries errors, each exactly ONE line "batchwatch-cli: <message>" (Text::oneLine
//   removes line breaks and control characters from whatever the gateway said), notes and the
//   progress of `watch`;
// - on a terminal, status() rewrites one progress line in place; elsewhere every status is
//   its own line.
// Not thread-safe: used from the main thread only.
class Console
{
public:
    // Streams default to the process's stdout, stderr and stdin.
    Console(std::FILE *out = stdout, std::FILE *err = stderr, std::FILE *in = stdin);
    ~Console();
    Console(const Console &) = delete;
    Console &operator=(const Console &) = delete;

    static QString programName(); // "batchwatch-cli"

    void write(const QByteArray &bytes);
    void write(const QString &text);
    // `text` plus '\n', flushed at once (for streams that a script reads line by line).
    void line(const QByteArray &text);
    void flush();

    // "batchwatch-cli: <message>" on stderr, one line.
    void error(const QString &message);
    // A line of information on stderr, one line, no prefix.
    void note(const QString &message);
    // A progress line on stderr: rewritten in place on a terminal, appended elsewhere.
    void status(const QString &message);
    // Ends a rewritten status line so that it stays on screen.
    void endStatus();

    bool stdoutIsTerminal() const { return m_outTty; }
    bool stderrIsTerminal() const { return m_errTty; }
    bool stdinIsTerminal() const { return m_inTty; }
    // Columns available to a table on stdout: the terminal's width, else $COLUMNS, else 0
    // (unlimited: a table written to a pipe or file is never cut).
    int tableWidth() const;
    // Reads one line from stdin (without its line break); nullopt at end of input.
    std::optional<QString> readLine();

private:
    void clearStatus();
    void writeErr(const QByteArray &bytes);

    std::FILE *m_out;
    std::FILE *m_err;
    std::FILE *m_in;
    bool m_outTty = false;
    bool m_errTty = false;
    bool m_inTty = false;
    bool m_statusShown = false;
};

} // namespace bw::cli
