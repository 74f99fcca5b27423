#include "jobformat.h"

#include "common/jsontext.h"
#include "export/csvexporter.h"
#include "export/exportdata.h"
#include "wire/jobcodec.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bw::cli {

TextTable JobFormat::jobTable(bool withProvider)
{
    QList<TextTable::Column> columns{
            {u"STATUS"_s, 9, false}, {u"NAME"_s, 8, false},     {u"ID"_s, 12, false},
            {u"MODEL"_s, 8, false},  {u"PROGRESS"_s, 4, false}, {u"SUBMITTED"_s, 0, false},
            {u"ENDED"_s, 0, false},
    };
    if (withProvider)
        columns.insert(3, {u"PROVIDER"_s, 6, false});
    return TextTable(columns);
}

QString JobFormat::shortId(const QString &identifier)
{
    const JobIdentifier id = JobIdentifier::parse(identifier);
    return id.isValid() ? id.shortId() : identifier;
}

std::optional<int> JobFormat::percentDone(const Job &job)
{
    if (!job.totalRecordCount || *job.totalRecordCount <= 0 || !job.processedRecordCount)
        return std::nullopt;
    const qint64 total = *job.totalRecordCount;
    const qint64 done = std::clamp<qint64>(*job.processedRecordCount, 0, total);
    return int(done * 100 / total);
}

QString JobFormat::countsText(const Job &job)
{
    if (!job.processedRecordCount && !job.totalRecordCount)
        return {};
    // A total of 0 is "not known yet" (WIRE.md), and so is a processed count beside it.
    const bool totalKnown = job.totalRecordCount && *job.totalRecordCount > 0;
    const bool processedKnown
            = job.processedRecordCount && (totalKnown || *job.processedRecordCount > 0);
    return (processedKnown ? QString::number(*job.processedRecordCount) : u"?"_s) + u'/'
           + (totalKnown ? QString::number(*job.totalRecordCount) : u"?"_s);
}

QString JobFormat::progressText(const Job &job)
{
    const QString counts = countsText(job);
    if (const auto percent = percentDone(job))
        return u"%1% %2"_s.arg(*percent).arg(counts);
    // Gemini reports a percentage and no processed count.
    if (job.progressPercent && std::isfinite(*job.progressPercent)) {
        const int percent = int(std::clamp(*job.progressPercent, 0.0, 100.0));
        return counts.isEmpty() ? u"%1%"_s.arg(percent) : u"%1% %2"_s.arg(percent).arg(counts);
    }
    return counts;
}

QString JobFormat::timeText(const std::optional<QDateTime> &instant, const QDateTime &now)
{
    if (!instant || !instant->isValid())
        return {};
    const QDateTime local = instant->toLocalTime();
    if (local.date().year() == now.toLocalTime().date().year())
        return local.toString(u"MM-dd HH:mm"_s);
    return local.toString(u"yyyy-MM-dd"_s);
}

QStringList JobFormat::tableCells(const QString &identifier, const Job &job, const QDateTime &now,
                                  bool withProvider)
{
    QStringList cells{job.status ? job.status->raw() : QString(),
                      job.jobName.value_or(QString()),
                      shortId(identifier),
                      job.modelId.value_or(QString()),
                      progressText(job),
                      timeText(job.submitTime, now),
                      timeText(job.endTime, now)};
    if (withProvider)
        cells.insert(3, job.providerOrBedrock());
    return cells;
}

QJsonObject JobFormat::fetchedEntry(const QString &identifier, const Job &job,
                                    const QDateTime &fetchedAt, const QList<ParseProblem> &problems)
{
    QJsonObject entry;
    entry.insert(u"identifier"_s, identifier);
    entry.insert(u"job"_s, JobCodec::toJson(job));
    if (fetchedAt.isValid())
        entry.insert(u"fetchedAt"_s, JobCodec::formatTimestamp(fetchedAt));
    if (!problems.isEmpty()) {
        QJsonArray list;
        for (const ParseProblem &p : problems) {
            QJsonObject problem{
                    {u"field"_s, p.field}, {u"kind"_s, p.kindName()}, {u"message"_s, p.message()}};
            if (p.expected != ValueType::None)
                problem.insert(u"expected"_s, valueTypeName(p.expected));
            if (p.found != ValueType::None)
                problem.insert(u"found"_s, valueTypeName(p.found));
            list.append(problem);
        }
        entry.insert(u"problems"_s, list);
    }
    return entry;
}

namespace {
// fetchedEntry's object as QJsonDocument writes it: keys sorted ("fetchedAt" < "identifier" <
// "job" < "problems"; "expected" < "field" < "found" < "kind" < "message"). False on a UTF-16
// surrogate anywhere (the caller writes the entry the old way, which repairs lone ones).
bool writeFetchedEntry(QByteArray &out, const QString &identifier, const Job &job,
                       const QDateTime &fetchedAt, const QList<ParseProblem> &problems)
{
    out.append('{');
    if (fetchedAt.isValid()) {
        out.append("\"fetchedAt\":");
        if (!JobCodec::appendJsonString(out, JobCodec::formatTimestamp(fetchedAt)))
            return false;
        out.append(',');
    }
    out.append("\"identifier\":");
    if (!JobCodec::appendJsonString(out, identifier))
        return false;
    out.append(",\"job\":");
    if (!JobCodec::appendJsonBytes(out, job))
        return false;
    if (!problems.isEmpty()) {
        out.append(",\"problems\":[");
        bool first = true;
        for (const ParseProblem &p : problems) {
            out.append(first ? "{" : ",{");
            first = false;
            if (p.expected != ValueType::None) {
                out.append("\"expected\":");
                if (!JobCodec::appendJsonString(out, valueTypeName(p.expected)))
                    return false;
                out.append(',');
            }
            out.append("\"field\":");
            if (!JobCodec::appendJsonString(out, p.field))
                return false;
            if (p.found != ValueType::None) {
                out.append(",\"found\":");
                if (!JobCodec::appendJsonString(out, valueTypeName(p.found)))
                    return false;
            }
            out.append(",\"kind\":");
            if (!JobCodec::appendJsonString(out, p.kindName()))
                return false;
            out.append(",\"message\":");
            if (!JobCodec::appendJsonString(out, p.message()))
                return false;
            out.append('}');
        }
        out.append(']');
    }
    out.append('}');
    return true;
}
} // namespace

void JobFormat::appendFetchedEntry(QByteArray &out, const QString &identifier, const Job &job,
                                   const QDateTime &fetchedAt, const QList<ParseProblem> &problems)
{
    const qsizetype start = out.size();
    if (writeFetchedEntry(out, identifier, job, fetchedAt, problems))
        return;
    out.truncate(start);
    out.append(compact(fetchedEntry(identifier, job, fetchedAt, problems)));
}

QString JobFormat::errorMessage(const GatewayError &error)
{
    const QString message = error.message.trimmed();
    return message.isEmpty() ? error.describe() : message;
}

QJsonObject JobFormat::errorEntry(const QString &identifier, const GatewayError &error)
{
    QJsonObject entry;
    if (!identifier.isEmpty())
        entry.insert(u"identifier"_s, identifier);
    if (error.kind == GatewayError::Kind::Http && error.httpStatus > 0)
        entry.insert(u"httpStatus"_s, error.httpStatus);
    if (!error.gatewayType.isEmpty())
        entry.insert(u"type"_s, error.gatewayType);
    entry.insert(u"message"_s, errorMessage(error));
    return entry;
}

QJsonObject JobFormat::invalidEntry(const JobIdentifier &identifier)
{
    QJsonObject entry;
    entry.insert(u"identifier"_s, identifier.text());
    entry.insert(u"message"_s, QString(u"invalid identifier: "_s + identifier.invalidReason()));
    return entry;
}

QJsonObject JobFormat::watchLine(const QString &identifier, const StatusTransition &transition,
                                 const Job &job)
{
    QJsonObject line;
    line.insert(u"identifier"_s, identifier);
    if (transition.from)
        line.insert(u"from"_s, transition.from->raw());
    line.insert(u"to"_s, transition.to.raw());
    line.insert(u"observedAt"_s, JobCodec::formatTimestamp(transition.observedAt));
    line.insert(u"job"_s, JobCodec::toJson(job));
    return line;
}

QByteArray JobFormat::compact(const QJsonObject &object)
{
    return JsonText::toJson(object);
}

QString JobFormat::csvHeader()
{
    return CsvExporter::formatRow(CsvExporter::columns());
}

QString JobFormat::csvRow(const QString &identifier, const Job &job)
{
    ExportJob row;
    row.watched.identifier = identifier;
    row.watched.job = job;
    return CsvExporter::formatRow(CsvExporter::values(row));
}

QString JobFormat::errorLine(const QString &identifier, const GatewayError &error)
{
    const QString sentence = error.describe();
    return Text::oneLine(identifier.isEmpty() ? sentence : identifier + u": "_s + sentence);
}

QString JobFormat::progressLine(const QString &identifier, const Job &job)
{
    QString line = shortId(identifier) + u' ' + (job.status ? job.status->raw() : u"(no status)"_s);
    if (const QString counts = countsText(job); !counts.isEmpty()) {
        line += u' ' + counts;
        if (const auto percent = percentDone(job))
            line += u" (%1 %)"_s.arg(*percent);
    }
    return Text::oneLine(line);
}

QString JobFormat::counted(qint64 count, QStringView singular, QStringView plural)
{
    QString text = QString::number(count);
    text += u' ';
    text += count == 1 ? singular : plural;
    return text;
}

} // namespace bw::cli
