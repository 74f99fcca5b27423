#include "exportcommand.h"

#include "common/interrupthandler.h"

#include "export/csvexporter.h"
#include "export/exportinput.h"
#include "export/jsonexporter.h"
#include "jobformat.h"

#include "exporter.h"

#include <QFile>
#include <QFileInfo>

#include <memory>

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

ExportFormat exportFormatOf(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Csv:
        return ExportFormat::Csv;
    case OutputFormat::Html:
        return ExportFormat::Html;
    case OutputFormat::Pdf:
        return ExportFormat::Pdf;
    case OutputFormat::Json:
    case OutputFormat::Table:
        break;
    }
    return ExportFormat::Json;
}

Exporter exporterFor(const CliOptions &options)
{
    ExportOptions o;
    o.reportLayout = options.summaryReport ? ReportLayout::Summary : ReportLayout::Full;
    return Exporter(o);
}

} // namespace

GatewaySession::Needs ExportCommand::needs() const
{
    GatewaySession::Needs n;
    n.store = m_options.offline;
    n.secret = !m_options.offline;
    return n;
}

void ExportCommand::applyOutcome(WatchedJob &watched, const JobFetcher::Outcome &outcome,
                                 const QDateTime &now)
{
    if (outcome.result) {
        const ParsedJob &parsed = outcome.result->parsed;
        watched.job.mergeFrom(parsed.job);
        watched.rawRetrieve = parsed.raw;
        watched.fetchedAt = outcome.result->fetchedAt.isValid() ? outcome.result->fetchedAt : now;
        watched.lastError.reset();
        watched.lastErrorAt = QDateTime();
        watched.notFound = false;
        watched.everReported |= parsed.job.presentFields();
    } else if (outcome.error) {
        watched.lastError = outcome.error;
        watched.lastErrorAt = now;
        watched.notFound = outcome.error->isNotFound();
    }
}

ExportCommand::Stored ExportCommand::loadStored()
{
    Stored stored;
    if (!m_session->store() || !m_session->profileIsStored())
        return stored;
    const QString pid = m_session->profile().id;
    stored = m_session->readStore<Stored>([pid](JobStore &s) {
        Stored st;
        st.jobs = s.loadWatched(pid);
        st.history = s.transitionsForProfile(pid);
        st.samples = s.progressSamplesForProfile(pid);
        return st;
    });
    for (qsizetype i = 0; i < stored.jobs.size(); ++i)
        m_storedIndex.insert(stored.jobs.at(i).identifier, i);
    return stored;
}

void ExportCommand::start()
{
    QString error;
    if (!m_options.all) {
        if (!collectIdentifiers(&m_ids, &error))
            return usageError(error);
        if (m_ids.isEmpty())
            return usageError(u"no job identifiers given"_s);
    }
    m_stored = loadStored();

    if (m_options.offline) {
        if (!m_session->profileIsStored())
            return usageError(u"the store in %1 has no profile for %2"_s.arg(
                    m_session->storeDirectory(), m_session->profile().name));
        ExportSource source{m_session->profile().name, m_session->profile().baseUrl, m_stored.jobs,
                            m_stored.history, m_stored.samples};
        int failures = 0;
        QStringList wanted;
        if (m_options.all) {
            wanted = identifiersOf(m_stored.jobs);
        } else {
            for (const JobIdentifier &id : std::as_const(m_ids)) {
                if (id.isValid()) {
                    wanted.append(id.text());
                } else {
                    ++failures;
                    m_console->error(id.text() + u": invalid identifier: "_s + id.invalidReason());
                }
            }
        }
        QStringList unknown;
        const QList<ExportJob> jobs = collectExportInput(source, wanted, &unknown).jobs;
        for (const QString &id : std::as_const(unknown)) {
            ++failures;
            m_console->error(id + u": not in the store for this profile"_s);
        }
        return write(jobs, failures);
    }

    QStringList toFetch;
    if (m_options.all) {
        if (!m_session->profileIsStored())
            return exportListed();
        for (const WatchedJob &w : std::as_const(m_stored.jobs))
            toFetch.append(w.identifier);
    } else {
        for (const JobIdentifier &id : std::as_const(m_ids)) {
            if (id.isValid())
                toFetch.append(id.text());
        }
    }
    m_fetcher = new JobFetcher(m_session->client(), this);
    if (m_options.all) {
        // Each stored job through the route of its own provider (Bedrock: the Bedrock-format
        // route; any other: Bifrost's native retrieve).
        QHash<QString, QString> providers;
        for (const WatchedJob &w : std::as_const(m_stored.jobs))
            providers.insert(w.identifier, w.job.providerOrBedrock());
        m_fetcher->setProviders(providers);
    } else {
        m_fetcher->setProvider(m_session->provider());
    }
    connect(m_fetcher, &JobFetcher::finished, this, &ExportCommand::onFetched);
    m_fetcher->fetch(toFetch);
}

void ExportCommand::exportListed()
{
    ListQuery query;
    query.maxResults = 1000;
    m_session->listAll(query, 50, this, [this](Expected<ListResult> r) {
        if (!r) {
            const GatewayError &e = r.error();
            m_console->error(u"listing failed: "_s + e.describe());
            return finish(e.isUnreachable() ? ExitUnreachable : ExitFailed);
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<ExportJob> jobs;
        for (const ParsedJob &p : r->jobs) {
            ExportJob job;
            job.watched.identifier = p.job.jobArn.value_or(QString());
            job.watched.profileId = m_session->profile().id;
            job.watched.job = p.job;
            job.watched.rawList = p.raw;
            job.watched.fetchedAt = now;
            job.watched.addedAt = now;
            job.watched.everReported = p.job.presentFields();
            jobs.append(job);
        }
        if (r->truncated)
            m_console->error(u"the list was cut short after %1; more jobs may exist"_s.arg(
                    JobFormat::counted(r->pages, u"page", u"pages")));
        write(jobs, 0);
    });
}

void ExportCommand::onFetched()
{
    if (m_fetcher->succeeded() == 0 && m_fetcher->failed() > 0
        && m_fetcher->unreachable() == m_fetcher->failed()) {
        m_console->error(
                u"cannot reach the gateway at %1; nothing written (--offline exports "
                "the last-known state)"_s.arg(sanitizedBaseUrlText(m_session->profile().baseUrl)));
        return finish(ExitUnreachable);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, const JobFetcher::Outcome *> byId;
    for (const JobFetcher::Outcome &o : m_fetcher->outcomes())
        byId.insert(o.identifier, &o);

    // What the store knew, merged with what was just fetched; jobs it did not know are new.
    ExportSource source{m_session->profile().name,
                        m_session->profile().baseUrl,
                        {},
                        m_stored.history,
                        m_stored.samples};
    int failures = 0;
    QStringList wanted;
    auto fetchedOne = [&](const QString &identifier) {
        WatchedJob watched;
        if (auto it = m_storedIndex.constFind(identifier); it != m_storedIndex.cend()) {
            watched = m_stored.jobs.at(*it);
        } else {
            watched.identifier = identifier;
            watched.profileId = m_session->profile().id;
            watched.addedAt = now;
        }
        if (const JobFetcher::Outcome *o = byId.value(identifier)) {
            applyOutcome(watched, *o, now);
            if (o->error) {
                ++failures;
                m_console->error(JobFormat::errorLine(identifier, *o->error));
            }
        }
        source.jobs.append(watched);
        wanted.append(identifier);
    };
    if (m_options.all) {
        for (const WatchedJob &w : std::as_const(m_stored.jobs))
            fetchedOne(w.identifier);
    } else {
        for (const JobIdentifier &id : std::as_const(m_ids)) {
            if (id.isValid()) {
                fetchedOne(id.text());
            } else {
                ++failures;
                m_console->error(id.text() + u": invalid identifier: "_s + id.invalidReason());
            }
        }
    }
    const QList<ExportJob> jobs = collectExportInput(source, wanted).jobs;
    write(jobs, failures);
}

void ExportCommand::write(const QList<ExportJob> &jobs, int failures)
{
    if (jobs.isEmpty() && failures > 0) {
        m_console->error(u"nothing to export; no file written"_s);
        return finish(ExitFailed);
    }
    ExportInput input;
    input.profileName = m_session->profile().name;
    input.baseUrl = m_session->profile().baseUrl;
    input.jobs = jobs;

    const ExportFormat format = exportFormatOf(m_options.format);
    ExportResult result;
    // The document is written here, off the event loop: SIGINT/SIGTERM cancel it between jobs
    // (the target file is left as it was).
    const ExportProgress cancelOnSignal = [](int, int) {
        return !InterruptHandler::signalled();
    };
    if (m_options.outputPath == u"-"_s) {
        std::unique_ptr<ExportWriter> writer = exporterFor(m_options).createWriter(format);
        QFile out;
        m_console->flush();
        if (!writer || !out.open(stdout, QIODevice::WriteOnly)) {
            result = ExportResult::failed(u"cannot write to standard output"_s);
        } else {
            result = writer->write(input, out, cancelOnSignal);
            out.flush();
        }
    } else {
        result = exporterFor(m_options).run(input, format, m_options.outputPath, cancelOnSignal);
    }
    if (InterruptHandler::signalled()) {
        m_console->error(
                m_options.outputPath == u"-"_s
                        ? u"interrupted; the export is incomplete"_s
                        : u"interrupted; %1 was left as it was"_s.arg(m_options.outputPath));
        return finish(ExitInterrupted);
    }
    if (!result.ok()) {
        m_console->error(result.errorString.isEmpty()
                                 ? u"could not write %1"_s.arg(m_options.outputPath)
                                 : result.errorString);
        return finish(ExitFailed);
    }
    if (m_options.outputPath != u"-"_s)
        m_console->note(
                u"Wrote %1 to %2"_s.arg(JobFormat::counted(jobs.size(), u"job", u"jobs"),
                                        QFileInfo(m_options.outputPath).absoluteFilePath()));
    finish(failures == 0 ? ExitOk : ExitFailed);
}

} // namespace bw::cli
