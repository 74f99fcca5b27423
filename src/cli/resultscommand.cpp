#include "resultscommand.h"

#include "export/failedrecordsexport.h"
#include "jobformat.h"
#include "texttable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject summaryObject(const QString &identifier, const ResultsSummary &s)
{
    QJsonArray groups;
    for (const ResultsSummary::ErrorGroup &g : s.errorGroups) {
        groups.append(QJsonObject{{u"code"_s, g.code},
                                  {u"message"_s, g.message},
                                  {u"count"_s, double(g.count)},
                                  {u"sampleIds"_s, QJsonArray::fromStringList(g.sampleIds)},
                                  {u"exampleMessage"_s, g.exampleMessage}});
    }
    return QJsonObject{{u"identifier"_s, identifier},
                       {u"succeeded"_s, double(s.succeeded)},
                       {u"errored"_s, double(s.errored)},
                       {u"expired"_s, double(s.expired)},
                       {u"canceled"_s, double(s.canceled)},
                       {u"complete"_s, s.complete},
                       {u"capped"_s, s.capped},
                       {u"bytesRead"_s, double(s.bytesRead)},
                       {u"pages"_s, s.pages},
                       {u"errorGroups"_s, groups}};
}

} // namespace

void ResultsCommand::start()
{
    if (m_options.identifiers.isEmpty())
        return usageError(u"\"results\" needs at least one batch id"_s);
    m_provider = m_session->provider();
    if (m_options.format == OutputFormat::Csv) {
        m_console->line(m_options.failedOnly ? "identifier,custom_id,outcome,code,message"
                                             : "identifier,code,count,message,sample_ids");
    }
    fetchNext();
}

void ResultsCommand::interrupt()
{
    m_interrupted = true;
    m_session->client()->cancelRequest(m_current);
    m_console->flush();
    finish(ExitInterrupted);
}

void ResultsCommand::fetchNext()
{
    if (m_interrupted)
        return;
    if (m_next >= m_options.identifiers.size())
        return done();
    const QString identifier = m_options.identifiers.at(m_next++);
    NativeResultsOptions options;
    if (m_options.maxBytes)
        options.maxBytes = *m_options.maxBytes;
    if (m_options.failedOnly) {
        options.onFailedRecord = [this, identifier](const ResultRecord &record) {
            writeRecord(identifier, record);
        };
    }
    const bool showProgress = m_console->stderrIsTerminal();
    m_current = m_session->client()->nativeResults(
            m_provider, identifier, options, this,
            [this, identifier, showProgress](qint64 bytes, qint64 records) {
                if (showProgress)
                    m_console->status(u"%1: %2 records, %3 bytes"_s.arg(Text::oneLine(identifier))
                                              .arg(records)
                                              .arg(bytes));
            },
            [this, identifier](Expected<ResultsSummary> r) {
                m_console->endStatus();
                if (!r) {
                    ++m_failed;
                    if (r.error().isUnreachable())
                        ++m_unreachable;
                    m_jsonErrors.append(JobFormat::errorEntry(identifier, r.error()));
                    m_console->error(Text::oneLine(identifier + u": "_s + r.error().describe()));
                } else {
                    if (r->capped)
                        m_console->note(
                                Text::oneLine(identifier)
                                + u": the read stopped at the size cap after %1 bytes; the counts "
                                  "cover only what was read (raise --max-bytes)"_s.arg(
                                          r->bytesRead));
                    if (!m_options.failedOnly)
                        writeSummary(identifier, r.value());
                }
                fetchNext();
            });
}

void ResultsCommand::writeRecord(const QString &identifier, const ResultRecord &record)
{
    switch (m_options.format) {
    case OutputFormat::Csv:
        m_console->line(QStringList{csvField(identifier), csvField(record.customId),
                                    resultOutcomeKey(record.outcome), csvField(record.code),
                                    csvField(record.message)}
                                .join(u',')
                                .toUtf8());
        return;
    case OutputFormat::Table:
        m_console->line(Text::oneLine(QStringList{identifier, record.customId,
                                                  resultOutcomeKey(record.outcome), record.code,
                                                  record.message}
                                              .join(u"  "_s))
                                .toUtf8());
        return;
    case OutputFormat::Json:
    case OutputFormat::Html:
    case OutputFormat::Pdf:
        break;
    }
    m_console->line(failedRecordLine(identifier, record));
}

void ResultsCommand::writeSummary(const QString &identifier, const ResultsSummary &s)
{
    switch (m_options.format) {
    case OutputFormat::Csv:
        for (const ResultsSummary::ErrorGroup &g : s.errorGroups)
            m_console->line(QStringList{csvField(identifier), csvField(g.code),
                                        QString::number(g.count), csvField(g.message),
                                        csvField(g.sampleIds.join(u' '))}
                                    .join(u',')
                                    .toUtf8());
        return;
    case OutputFormat::Table: {
        QString line = Text::oneLine(identifier)
                       + u": %1 succeeded, %2 errored, %3 expired, %4 canceled"_s.arg(s.succeeded)
                                 .arg(s.errored)
                                 .arg(s.expired)
                                 .arg(s.canceled);
        if (s.capped)
            line += u" (capped after %1 bytes: partial)"_s.arg(s.bytesRead);
        m_console->line(line.toUtf8());
        for (const ResultsSummary::ErrorGroup &g : s.errorGroups)
            m_console->line(Text::oneLine(u"  %1 × %2  %3  e.g. %4"_s.arg(g.count).arg(
                                                  g.code, g.message, g.sampleIds.join(u", "_s)))
                                    .toUtf8());
        return;
    }
    case OutputFormat::Json:
    case OutputFormat::Html:
    case OutputFormat::Pdf:
        break;
    }
    if (m_options.jsonLines)
        m_console->line(compact(summaryObject(identifier, s)));
    else
        m_jsonResults.append(summaryObject(identifier, s));
}

void ResultsCommand::done()
{
    if (m_options.format == OutputFormat::Json && !m_options.jsonLines && !m_options.failedOnly) {
        m_console->line(
                "{\"results\":" + QJsonDocument(m_jsonResults).toJson(QJsonDocument::Compact)
                + ",\"errors\":" + QJsonDocument(m_jsonErrors).toJson(QJsonDocument::Compact)
                + "}");
    }
    m_console->flush();
    const int total = int(m_options.identifiers.size());
    if (m_unreachable == total)
        return finish(ExitUnreachable);
    finish(m_failed > 0 ? ExitFailed : ExitOk);
}

} // namespace bw::cli
