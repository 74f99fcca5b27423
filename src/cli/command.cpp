#include "command.h"

#include "common/interrupthandler.h"
#include "domain/identifierfile.h"
#include "exportcommand.h"
#include "getcommand.h"
#include "listcommand.h"
#include "profilescommand.h"
#include "resultscommand.h"
#include "stopcommand.h"
#include "testconnectioncommand.h"
#include "watchcommand.h"

#include <QFile>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace bw::cli {

std::optional<int> exitCodeForTerminal(JobStatus status)
{
    switch (status) {
    case JobStatus::Completed:
    case JobStatus::Ended: // every record finished; failures show in the counts
        return ExitOk;
    case JobStatus::PartiallyCompleted:
        return ExitPartiallyCompleted;
    case JobStatus::Failed:
        return ExitJobFailed;
    case JobStatus::Stopped:
        return ExitStopped;
    case JobStatus::Expired:
        return ExitExpired;
    case JobStatus::Unknown:
    case JobStatus::Submitted:
    case JobStatus::Validating:
    case JobStatus::Scheduled:
    case JobStatus::InProgress:
    case JobStatus::Stopping:
    case JobStatus::Finalizing:
        break;
    }
    return std::nullopt;
}

Command::Command(const CliOptions &options, GatewaySession *session, Console *console,
                 QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_session(session)
    , m_console(console)
{}

Command::~Command() = default;

GatewaySession::Needs Command::needs() const
{
    return {};
}

void Command::interrupt()
{
    finish(ExitInterrupted);
}

void Command::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(code); });
}

void Command::usageError(const QString &message)
{
    m_console->error(message);
    finish(ExitUsage);
}

bool Command::collectIdentifiers(QList<JobIdentifier> *identifiers, QString *error) const
{
    QList<JobIdentifier> all;
    if (!m_options.identifiers.isEmpty())
        all += JobIdentifier::parseList(m_options.identifiers.join(u'\n'));
    if (!m_options.fromFile.isEmpty()) {
        QFile file;
        bool open = false;
        if (m_options.readsStdin()) {
            open = file.open(stdin, QIODevice::ReadOnly);
        } else {
            file.setFileName(m_options.fromFile);
            open = file.open(QIODevice::ReadOnly);
        }
        if (!open) {
            *error = u"cannot read %1: %2"_s.arg(m_options.readsStdin() ? u"standard input"_s
                                                                        : m_options.fromFile,
                                                 file.errorString());
            return false;
        }
        const QString name = m_options.readsStdin() ? u"standard input"_s : m_options.fromFile;
        // The reader the Add jobs dialog uses: a CSV export yields its identifier column only.
        // Bounded (size, line length); a signal while it blocks ends the process at once.
        QString readError;
        std::optional<QStringList> tokens;
        {
            const InterruptHandler::ExitAtOnce exitOnSignal;
            tokens = IdentifierFile::read(
                    file,
                    IdentifierFile::formatForPath(m_options.readsStdin() ? QString()
                                                                         : m_options.fromFile),
                    &readError, &InterruptHandler::signalled);
        }
        if (!tokens) {
            *error = name + u": "_s + readError;
            return false;
        }
        QSet<QString> seenInFile;
        seenInFile.reserve(tokens->size());
        QList<JobIdentifier> fromFile;
        fromFile.reserve(tokens->size());
        for (const QString &token : std::as_const(*tokens)) {
            const qsizetype before = seenInFile.size();
            seenInFile.insert(token); // one lookup: inserted when new
            if (seenInFile.size() != before)
                fromFile.append(JobIdentifier::parse(token));
        }
        // Validated before any request: a file that is mostly not identifiers is refused whole.
        if (const auto refusal = IdentifierFile::mostlyInvalid(fromFile)) {
            *error = name + u": "_s + *refusal + u"; nothing was sent"_s;
            return false;
        }
        all += fromFile;
    }
    QSet<QString> seen;
    seen.reserve(all.size());
    identifiers->clear();
    identifiers->reserve(all.size());
    for (const JobIdentifier &id : std::as_const(all)) {
        const qsizetype before = seen.size();
        seen.insert(id.text()); // one lookup: inserted when new
        if (seen.size() != before)
            identifiers->append(id);
    }
    return true;
}

std::unique_ptr<Command> createCommand(const CliOptions &options, GatewaySession *session,
                                       Console *console)
{
    switch (options.command) {
    case CommandKind::Get:
        return std::make_unique<GetCommand>(options, session, console);
    case CommandKind::List:
        return std::make_unique<ListCommand>(options, session, console);
    case CommandKind::Watch:
        return std::make_unique<WatchCommand>(options, session, console);
    case CommandKind::Stop:
        return std::make_unique<StopCommand>(options, session, console);
    case CommandKind::Export:
        return std::make_unique<ExportCommand>(options, session, console);
    case CommandKind::Profiles:
        return std::make_unique<ProfilesCommand>(options, session, console);
    case CommandKind::TestConnection:
        return std::make_unique<TestConnectionCommand>(options, session, console);
    case CommandKind::Results:
        return std::make_unique<ResultsCommand>(options, session, console);
    }
    return nullptr;
}

} // namespace bw::cli
