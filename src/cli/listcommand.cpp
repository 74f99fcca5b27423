#include "listcommand.h"

#include "export/exportdata.h"
#include "jobformat.h"
#include "wire/jobcodec.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

QStringList statusFilters(const CliOptions &options)
{
    QStringList out;
    for (const QString &s : options.status.split(u',', Qt::SkipEmptyParts)) {
        if (!s.trimmed().isEmpty())
            out.append(s.trimmed());
    }
    return out;
}

} // namespace

bool ListCommand::matches(const Job &job, const CliOptions &options)
{
    // ListQuery::matches is the rule the GUI's Discover tab uses; --status may name several.
    ListQuery query;
    if (!options.nameContains.isEmpty())
        query.nameContains = options.nameContains;
    query.submitTimeAfter = options.submittedAfter;
    query.submitTimeBefore = options.submittedBefore;
    if (!query.matches(job))
        return false;
    const QStringList statuses = statusFilters(options);
    return statuses.isEmpty()
           || std::any_of(statuses.cbegin(), statuses.cend(),
                          [&job](const QString &s) { return ListQuery::statusMatches(job, s); });
}

QList<ParsedJob> ListCommand::select(const QList<ParsedJob> &jobs, const CliOptions &options)
{
    QList<ParsedJob> out;
    for (const ParsedJob &p : jobs) {
        if (matches(p.job, options))
            out.append(p);
    }
    std::stable_sort(out.begin(), out.end(), [](const ParsedJob &a, const ParsedJob &b) {
        if (a.job.submitTime.has_value() != b.job.submitTime.has_value())
            return a.job.submitTime.has_value();
        return a.job.submitTime && *a.job.submitTime > *b.job.submitTime;
    });
    if (options.max && out.size() > *options.max)
        out.resize(*options.max);
    return out;
}

void ListCommand::start()
{
    ListQuery query;
    query.maxResults = kPageSize;
    const QStringList statuses = statusFilters(m_options);
    if (statuses.size() == 1) {
        // The gateway's enum spelling, so that AWS does not reject "inprogress".
        const Status s = Status::fromString(statuses.constFirst());
        query.statusEquals = s.code() != JobStatus::Unknown ? Status::canonicalName(s.code())
                                                            : statuses.constFirst();
    }
    query.submitTimeAfter = m_options.submittedAfter;
    query.submitTimeBefore = m_options.submittedBefore;
    m_session->listAll(query, kMaxPages, this, [this](Expected<ListResult> r) { onListed(r); });
}

void ListCommand::onListed(const Expected<ListResult> &result)
{
    if (!result) {
        const GatewayError &e = result.error();
        if (m_options.format == OutputFormat::Json) {
            QJsonObject doc;
            doc.insert(u"jobs"_s, QJsonArray());
            doc.insert(u"pages"_s, 0);
            doc.insert(u"truncated"_s, false);
            doc.insert(u"errors"_s, QJsonArray{JobFormat::errorEntry({}, e)});
            m_console->line(JobFormat::compact(doc));
        }
        if (e.isUnreachable()) {
            m_console->error(u"cannot reach the gateway at %1: %2"_s.arg(
                    sanitizedBaseUrlText(m_session->profile().baseUrl), e.describe()));
            return finish(ExitUnreachable);
        }
        m_console->error(u"listing failed: "_s + e.describe());
        return finish(ExitFailed);
    }

    const QList<ParsedJob> jobs = select(result->jobs, m_options);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_options.format) {
    case OutputFormat::Json: {
        QByteArray out = "{\"jobs\":[";
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            out += i == 0 ? "\n" : ",\n";
            out += JobFormat::compact(JobCodec::toJson(jobs.at(i).job));
        }
        out += jobs.isEmpty() ? "]" : "\n]";
        out += ",\"pages\":" + QByteArray::number(result->pages);
        out += ",\"truncated\":";
        out += result->truncated ? "true" : "false";
        out += ",\"errors\":[]}\n";
        m_console->write(out);
        break;
    }
    case OutputFormat::Csv: {
        QString out = JobFormat::csvHeader();
        for (const ParsedJob &p : jobs)
            out += JobFormat::csvRow(p.job.jobArn.value_or(QString()), p.job);
        m_console->write(out);
        break;
    }
    default: {
        TextTable table = JobFormat::jobTable();
        for (const ParsedJob &p : jobs)
            table.addRow(JobFormat::tableCells(p.job.jobArn.value_or(QString()), p.job, now));
        m_console->write(table.render(m_console->tableWidth()));
        break;
    }
    }
    m_console->flush();
    if (result->truncated)
        m_console->error(u"the list was cut short after %1; more jobs may exist"_s.arg(
                JobFormat::counted(result->pages, u"page", u"pages")));
    finish(ExitOk);
}

} // namespace bw::cli
