#include "getcommand.h"

#include "export/exportdata.h"
#include "jobformat.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace bw::cli {

void GetCommand::start()
{
    QString error;
    if (!collectIdentifiers(&m_ids, &error))
        return usageError(error);
    if (m_ids.isEmpty())
        return usageError(u"no job identifiers given"_s);

    for (const JobIdentifier &id : std::as_const(m_ids)) {
        if (id.isValid())
            m_validIds.append(id.text());
    }
    m_withProvider = !GatewaySession::isBedrock(m_session->provider());
    m_table = JobFormat::jobTable(m_withProvider);

    switch (m_options.format) {
    case OutputFormat::Json:
        m_console->write(QByteArrayLiteral("{\"jobs\":["));
        break;
    case OutputFormat::Csv:
        m_console->write(JobFormat::csvHeader());
        break;
    default:
        break;
    }

    // get writes the parsed job only, never the body's object: let the client skip building it.
    m_session->client()->setKeepRawObjects(false);
    m_fetcher = new JobFetcher(m_session->client(), this);
    m_fetcher->setProvider(m_session->provider());
    connect(m_fetcher, &JobFetcher::outcomeReady, this, &GetCommand::onOutcome);
    connect(m_fetcher, &JobFetcher::finished, this, &GetCommand::onFinished);
    m_fetcher->fetch(m_validIds);
}

void GetCommand::onOutcome(int index)
{
    const JobFetcher::Outcome &o = m_fetcher->outcomes().at(index);
    if (!o.result)
        return; // errors come at the end, in input order
    const Job &job = o.result->parsed.job;
    switch (m_options.format) {
    case OutputFormat::Json: {
        // One buffer for every entry: truncate() keeps its capacity.
        m_entry.truncate(0);
        m_entry.append(m_written == 0 ? "\n" : ",\n");
        JobFormat::appendFetchedEntry(m_entry, o.identifier, job, o.result->fetchedAt,
                                      o.result->parsed.problems);
        m_console->write(m_entry);
        break;
    }
    case OutputFormat::Csv:
        m_console->write(JobFormat::csvRow(o.identifier, job));
        break;
    default:
        m_table.addRow(JobFormat::tableCells(o.identifier, job, QDateTime::currentDateTimeUtc(),
                                             m_withProvider));
        break;
    }
    ++m_written;
    // Written: the job and its body are not needed again (keeps 5,000 jobs' bodies out of
    // memory, and their freeing out of the exit).
    m_fetcher->releaseResult(index);
}

void GetCommand::onFinished()
{
    QHash<QString, const JobFetcher::Outcome *> byId;
    for (const JobFetcher::Outcome &o : m_fetcher->outcomes())
        byId.insert(o.identifier, &o);

    // Errors in input order: invalid identifiers and failed fetches alike.
    QList<QJsonObject> errors;
    QStringList lines;
    int invalid = 0;
    for (const JobIdentifier &id : std::as_const(m_ids)) {
        if (!id.isValid()) {
            ++invalid;
            errors.append(JobFormat::invalidEntry(id));
            lines.append(id.text() + u": invalid identifier: "_s + id.invalidReason());
            continue;
        }
        const JobFetcher::Outcome *o = byId.value(id.text());
        if (o && o->error) {
            errors.append(JobFormat::errorEntry(id.text(), *o->error));
            lines.append(JobFormat::errorLine(id.text(), *o->error));
        }
    }

    switch (m_options.format) {
    case OutputFormat::Json: {
        QByteArray tail = m_written > 0 ? QByteArrayLiteral("\n]") : QByteArrayLiteral("]");
        tail += ",\"errors\":[";
        for (qsizetype i = 0; i < errors.size(); ++i) {
            tail += i == 0 ? "\n" : ",\n";
            tail += JobFormat::compact(errors.at(i));
        }
        tail += errors.isEmpty() ? "]}\n" : "\n]}\n";
        m_console->write(tail);
        break;
    }
    case OutputFormat::Csv:
        break;
    default:
        if (m_table.rowCount() > 0)
            m_console->write(m_table.render(m_console->tableWidth()));
        break;
    }
    m_console->flush();

    const int failed = m_fetcher->failed() + invalid;
    const bool unreachable = m_fetcher->succeeded() == 0 && m_fetcher->failed() > 0
                             && m_fetcher->unreachable() == m_fetcher->failed();
    if (unreachable) {
        // One line, not one per job: they all say the same.
        const GatewayError *first = nullptr;
        for (const JobFetcher::Outcome &o : m_fetcher->outcomes()) {
            if (o.error && !first)
                first = &*o.error;
        }
        m_console->error(u"cannot reach the gateway at %1: %2"_s.arg(
                sanitizedBaseUrlText(m_session->profile().baseUrl),
                first ? first->describe() : QString()));
        return finish(ExitUnreachable);
    }
    if (m_options.format != OutputFormat::Json) {
        for (const QString &line : std::as_const(lines))
            m_console->error(line);
    } else if (failed > 0) {
        m_console->error(u"%1 of %2 could not be fetched"_s.arg(
                QString::number(failed), JobFormat::counted(m_ids.size(), u"job", u"jobs")));
    }
    finish(failed == 0 ? ExitOk : ExitFailed);
}

} // namespace bw::cli
