#include "stopcommand.h"

#include "common/jsontext.h"
#include "export/exportdata.h"
#include "jobformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bw::cli {

QString StopCommand::failureText(const GatewayError &error, bool cancel)
{
    if (error.kind == GatewayError::Kind::Http && error.httpStatus == 409)
        return (cancel ? u"batch can no longer be cancelled ("_s
                       : u"job is no longer stoppable ("_s)
               + error.describe() + u')';
    // The gateway had begun to answer: the stop may well have been accepted.
    if (error.isAnswerIncomplete())
        return error.describe()
               + (cancel ? u" The cancel may have been accepted: check with get."_s
                         : u" The stop may have been accepted: check with get."_s);
    return error.describe();
}

void StopCommand::start()
{
    QList<JobIdentifier> ids;
    QString error;
    if (!collectIdentifiers(&ids, &error))
        return usageError(error);
    if (ids.isEmpty())
        return usageError(u"no job identifiers given"_s);

    m_provider = m_session->provider();
    m_cancel = !GatewaySession::isBedrock(m_provider);
    for (const JobIdentifier &id : std::as_const(ids))
        m_results.append(Result{id, !id.isValid(), std::nullopt, std::nullopt});

    int valid = 0;
    for (const Result &r : std::as_const(m_results))
        valid += r.id.isValid() ? 1 : 0;
    if (valid > 0 && !m_options.yes && !confirm())
        return; // confirm() finished the command

    m_pending = valid;
    if (m_pending == 0)
        return report();
    startNext();
}

bool StopCommand::confirm()
{
    int valid = 0;
    for (const Result &r : std::as_const(m_results))
        valid += r.id.isValid() ? 1 : 0;
    if (!m_console->stdinIsTerminal()) {
        usageError(u"stop needs a confirmation, but standard input is not a terminal; add --yes"_s);
        return false;
    }
    QStringList names;
    for (const Result &r : std::as_const(m_results)) {
        if (r.id.isValid())
            names.append(r.id.shortId());
    }
    if (m_cancel) {
        if (names.size() <= 10)
            m_console->note(u"%1 batches to cancel: "_s.arg(m_provider) + names.join(u", "_s));
        m_console->status(u"Cancel %1? Processed records are charged. [y/N] "_s.arg(
                JobFormat::counted(valid, u"batch", u"batches")));
    } else {
        if (names.size() <= 10)
            m_console->note(u"Jobs to stop: "_s + names.join(u", "_s));
        m_console->status(u"Stop %1? Processed records are charged. [y/N] "_s.arg(
                JobFormat::counted(valid, u"job", u"jobs")));
    }
    const std::optional<QString> answer = m_console->readLine();
    const QString a = answer.value_or(QString()).trimmed().toLower();
    if (a != u"y"_s && a != u"yes"_s) {
        m_console->error(m_cancel ? u"not confirmed; nothing was cancelled"_s
                                  : u"not confirmed; nothing was stopped"_s);
        finish(ExitUsage);
        return false;
    }
    return true;
}

void StopCommand::startNext()
{
    while (m_inFlight < kMaxInFlight && m_next < m_results.size()) {
        const int index = m_next++;
        if (!m_results.at(index).id.isValid())
            continue;
        ++m_inFlight;
        auto settled = [this, index](Expected<StopAck> r) {
            Result &res = m_results[index];
            res.done = true;
            if (r)
                res.ack = r.value();
            else
                res.error = r.error();
            --m_inFlight;
            --m_pending;
            if (m_pending == 0)
                return report();
            startNext();
        };
        const QString id = m_results.at(index).id.text();
        if (!m_cancel) {
            m_session->client()->stop(id, this, settled);
            continue;
        }
        m_session->client()->nativeCancel(m_provider, id, this,
                                          [settled](Expected<NativeRetrieveResult> r) {
                                              if (!r)
                                                  return settled(r.error());
                                              StopAck ack;
                                              ack.jobArn = r->parsed.job.jobArn;
                                              ack.status = r->parsed.job.status;
                                              settled(ack);
                                          });
    }
}

void StopCommand::report()
{
    int accepted = 0;
    int failed = 0;
    int unreachable = 0;
    QJsonArray stopped;
    QJsonArray errors;
    QStringList errorLines;
    QString out;
    for (const Result &r : std::as_const(m_results)) {
        const QString id = r.id.text();
        if (!r.id.isValid()) {
            ++failed;
            errors.append(JobFormat::invalidEntry(r.id));
            errorLines.append(id + u": invalid identifier: "_s + r.id.invalidReason());
            continue;
        }
        if (r.ack) {
            ++accepted;
            QJsonObject entry;
            entry.insert(u"identifier"_s, id);
            if (m_cancel)
                entry.insert(u"provider"_s, m_provider);
            if (r.ack->jobArn)
                entry.insert(u"jobArn"_s, *r.ack->jobArn);
            if (r.ack->status)
                entry.insert(u"status"_s, r.ack->status->raw());
            stopped.append(entry);
            out += id + (m_cancel ? u"  cancel accepted"_s : u"  stop accepted"_s)
                   + (r.ack->status ? u", status "_s + Text::oneLine(r.ack->status->raw())
                                    : QString())
                   + u'\n';
            continue;
        }
        ++failed;
        const GatewayError e = r.error.value_or(GatewayError{});
        if (e.isUnreachable())
            ++unreachable;
        QJsonObject entry = JobFormat::errorEntry(id, e);
        if (e.kind == GatewayError::Kind::Http && e.httpStatus == 409)
            entry.insert(u"message"_s, QString((m_cancel ? u"batch can no longer be cancelled: "_s
                                                         : u"job is no longer stoppable: "_s)
                                               + JobFormat::errorMessage(e)));
        errors.append(entry);
        errorLines.append(Text::oneLine(id + u": "_s + failureText(e, m_cancel)));
    }

    if (m_options.format == OutputFormat::Json) {
        // Keys in the documented order: stopped first.
        QByteArray text = "{\"stopped\":" + JsonText::toJson(stopped)
                          + ",\"errors\":" + JsonText::toJson(errors) + "}";
        m_console->line(text);
    } else {
        m_console->write(out);
    }
    m_console->flush();

    if (accepted == 0 && failed > 0 && unreachable == failed) {
        m_console->error((m_cancel ? u"cannot reach the gateway at %1; nothing was cancelled"_s
                                   : u"cannot reach the gateway at %1; nothing was stopped"_s)
                                 .arg(sanitizedBaseUrlText(m_session->profile().baseUrl)));
        return finish(ExitUnreachable);
    }
    for (const QString &line : std::as_const(errorLines))
        m_console->error(line);
    finish(failed == 0 ? ExitOk : ExitFailed);
}

} // namespace bw::cli
