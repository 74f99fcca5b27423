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

    const QStringList providers = m_session->providers();
    for (const QString &provider : providers)
        m_walks.append(Walk{provider, false, {}, 0, false, std::nullopt});
    m_pending = int(m_walks.size());
    // Either route's answer (ListResult or NativeListResult: jobs, pages, truncated) as a Walk.
    const auto walked = [this](int i, auto result) {
        Walk walk{m_walks.at(i).provider, true, {}, 0, false, std::nullopt};
        if (result) {
            walk.jobs = std::move(result->jobs);
            walk.pages = result->pages;
            walk.truncated = result->truncated;
        } else {
            walk.error = result.error();
        }
        onWalked(i, std::move(walk));
    };
    for (int i = 0; i < m_walks.size(); ++i) {
        const QString provider = m_walks.at(i).provider;
        if (GatewaySession::isBedrock(provider)) {
            m_session->listAll(query, kMaxPages, this,
                               [walked, i](Expected<ListResult> r) { walked(i, std::move(r)); });
            continue;
        }
        NativeListQuery native;
        native.provider = provider;
        native.limit = kNativePageSize;
        m_session->nativeListAll(
                native, kMaxPages, this,
                [walked, i](Expected<NativeListResult> r) { walked(i, std::move(r)); });
    }
}

void ListCommand::onWalked(int index, Walk walk)
{
    m_walks[index] = std::move(walk);
    if (--m_pending == 0)
        report();
}

void ListCommand::report()
{
    const bool withProvider
            = m_walks.size() != 1 || !GatewaySession::isBedrock(m_walks.constFirst().provider);
    QList<ParsedJob> all;
    int pages = 0;
    bool truncated = false;
    int failed = 0;
    int unreachable = 0;
    QList<QJsonObject> errors;
    QStringList errorLines;
    for (Walk &walk : m_walks) {
        if (walk.error) {
            ++failed;
            const GatewayError &e = *walk.error;
            if (e.isUnreachable())
                ++unreachable;
            QJsonObject entry = JobFormat::errorEntry({}, e);
            if (withProvider)
                entry.insert(u"provider"_s, walk.provider);
            errors.append(entry);
            const QString what = withProvider ? walk.provider + u": "_s : QString();
            errorLines.append(what + u"listing failed: "_s + e.describe());
            continue;
        }
        for (ParsedJob &p : walk.jobs) {
            if (withProvider && (!p.job.provider || p.job.provider->isEmpty()))
                p.job.provider = walk.provider;
            all.append(std::move(p));
        }
        pages += walk.pages;
        if (walk.truncated) {
            truncated = true;
            errorLines.append((withProvider ? walk.provider + u": "_s : QString())
                              + u"the list was cut short after %1; more jobs may exist"_s.arg(
                                      JobFormat::counted(walk.pages, u"page", u"pages")));
        }
    }

    if (failed == m_walks.size()) {
        // Nothing listed: no table, no CSV header; JSON says why.
        if (m_options.format == OutputFormat::Json) {
            QJsonObject doc;
            doc.insert(u"jobs"_s, QJsonArray());
            doc.insert(u"pages"_s, 0);
            doc.insert(u"truncated"_s, false);
            QJsonArray list;
            for (const QJsonObject &e : std::as_const(errors))
                list.append(e);
            doc.insert(u"errors"_s, list);
            m_console->line(JobFormat::compact(doc));
        }
        if (unreachable == failed) {
            const GatewayError &e = *m_walks.constFirst().error;
            m_console->error(u"cannot reach the gateway at %1: %2"_s.arg(
                    sanitizedBaseUrlText(m_session->profile().baseUrl), e.describe()));
            return finish(ExitUnreachable);
        }
        for (const QString &line : std::as_const(errorLines))
            m_console->error(line);
        return finish(ExitFailed);
    }

    const QList<ParsedJob> jobs = select(all, m_options);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_options.format) {
    case OutputFormat::Json: {
        QByteArray out = "{\"jobs\":[";
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            out += i == 0 ? "\n" : ",\n";
            out += JobFormat::compact(JobCodec::toJson(jobs.at(i).job));
        }
        out += jobs.isEmpty() ? "]" : "\n]";
        out += ",\"pages\":" + QByteArray::number(pages);
        out += ",\"truncated\":";
        out += truncated ? "true" : "false";
        out += ",\"errors\":[";
        for (qsizetype i = 0; i < errors.size(); ++i) {
            out += i == 0 ? "" : ",";
            out += JobFormat::compact(errors.at(i));
        }
        out += "]}\n";
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
        TextTable table = JobFormat::jobTable(withProvider);
        for (const ParsedJob &p : jobs)
            table.addRow(JobFormat::tableCells(p.job.jobArn.value_or(QString()), p.job, now,
                                               withProvider));
        m_console->write(table.render(m_console->tableWidth()));
        break;
    }
    }
    m_console->flush();
    for (const QString &line : std::as_const(errorLines))
        m_console->error(line);
    finish(failed > 0 ? ExitFailed : ExitOk);
}

} // namespace bw::cli
