#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw {

// What `batchwatch` was asked to do on its command line, parsed once in main() and handed to
// the MainWindow:
//
//   MainWindow(const LaunchOptions &options, QNetworkAccessManager *nam, QWidget *parent = {})
//
// The main window interprets the options: --demo starts the in-process simulated gateway with a
// temporary profile; --demo-if-unconfigured does so only when no profile exists yet; --select
// and --tab choose the job and the details tab to show; --size sets the window size. With
// --screenshot FILE, main() also runs a Screenshot on the window, which renders it to FILE once
// its data is shown and quits with exit code 0 (1 and one line on stderr on failure).
struct LaunchOptions
{
    bool demo = false;
    bool demoIfUnconfigured = false;
    QString dataDirectory;     // --data-dir; empty = QStandardPaths::AppDataLocation
    QString screenshotFile;    // --screenshot FILE (PNG); empty = run normally
    QString selectIdentifier;  // --select ID
    QString tab;               // --tab NAME, lower case; empty = the remembered tab
    std::optional<QSize> size; // --size WxH
    QString view;              // --view NAME: "jobs" or "overview"; empty = the jobs table

    // The details tabs --tab accepts.
    static QStringList tabNames(); // overview, progress, timeline, vpc, configuration, history, raw
    // The main views --view accepts.
    static QStringList viewNames(); // jobs, overview

    // Parses the arguments (the first one is the program). --help and --version print and
    // set `exitCode` (0); a usage error sets `errorMessage` and `exitCode` (2). Returns nullopt
    // in both cases: the caller exits with exitCode.
    static std::optional<LaunchOptions> parse(const QStringList &arguments, QString *errorMessage,
                                              int *exitCode);
    // "1280x800" -> QSize; nullopt when malformed or outside 200..16384 per side.
    static std::optional<QSize> parseSize(const QString &text);
};

} // namespace bw
