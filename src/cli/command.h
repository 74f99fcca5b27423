#pragma once

#include "clioptions.h"
#include "console.h"
#include "domain/jobidentifier.h"
#include "domain/jobstatus.h"
#include "gatewaysession.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace bw::cli {

// Exit statuses of batchwatch-cli (PRODUCT.md §6; each command's --help says which it uses).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1,      // some jobs failed / the gateway refused / a file could not be written
    ExitUsage = 2,       // bad command line or configuration, or a stop not confirmed
    ExitUnreachable = 3, // no answer from the gateway at all
    ExitPartiallyCompleted = 10,
    ExitJobFailed = 11,
    ExitStopped = 12,
    ExitExpired = 13,
    ExitInterrupted = 130, // SIGINT / SIGTERM during watch
};

// The exit status `watch --until-terminal` gives a job that ended in `status`; larger is
// worse. nullopt for a status that is not terminal.
std::optional<int> exitCodeForTerminal(JobStatus status);

// One subcommand. Created by createCommand() after the command line was parsed; main()
// prepares the session with needs(), then calls start(). The command reports its exit status
// once through finished() (never synchronously from start()).
class Command : public QObject
{
    Q_OBJECT

public:
    Command(const CliOptions &options, GatewaySession *session, Console *console,
            QObject *parent = nullptr);
    ~Command() override;

    virtual GatewaySession::Needs needs() const;
    virtual void start() = 0;
    // The process got SIGINT/SIGTERM: stop cleanly (finish with ExitInterrupted by default).
    virtual void interrupt();

    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(int exitCode);

protected:
    // Emits finished(code) on the event loop; later calls are ignored.
    void finish(int code);
    // Reports `message` as an error and finishes with ExitUsage.
    void usageError(const QString &message);

    // The identifiers of the positional arguments and --from-file, in order, duplicates merged
    // (first wins), invalid ones included (classified). False with `error` set when the file
    // cannot be read, is too large or has too long a line (IdentifierFile::read), or is mostly
    // not identifiers (IdentifierFile::mostlyInvalid): then nothing is sent at all.
    bool collectIdentifiers(QList<JobIdentifier> *identifiers, QString *error) const;

    const CliOptions m_options;
    GatewaySession *const m_session;
    Console *const m_console;

private:
    bool m_finished = false;
};

std::unique_ptr<Command> createCommand(const CliOptions &options, GatewaySession *session,
                                       Console *console);

} // namespace bw::cli
