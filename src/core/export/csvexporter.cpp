#include "export/csvexporter.h"

#include "wire/jobcodec.h"

#include <QIODevice>

namespace bw {

namespace {

QString timestamp(const std::optional<QDateTime> &t)
{
    return t && t->isValid() ? JobCodec::formatTimestamp(*t) : QString();
}

QString count(const std::optional<qint64> &n)
{
    return n ? QString::number(*n) : QString();
}

bool startsFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

} // namespace

QStringList CsvExporter::columns()
{
    return {
            QStringLiteral("identifier"),
            QStringLiteral("jobArn"),
            QStringLiteral("jobName"),
            QStringLiteral("modelId"),
            QStringLiteral("status"),
            QStringLiteral("submitTime"),
            QStringLiteral("lastModifiedTime"),
            QStringLiteral("endTime"),
            QStringLiteral("jobExpirationTime"),
            QStringLiteral("totalRecordCount"),
            QStringLiteral("processedRecordCount"),
            QStringLiteral("successRecordCount"),
            QStringLiteral("errorRecordCount"),
            QStringLiteral("inputS3Uri"),
            QStringLiteral("outputS3Uri"),
            QStringLiteral("securityGroupIds"),
            QStringLiteral("subnetIds"),
            QStringLiteral("message"),
            QStringLiteral("provider"),
    };
}

QStringList CsvExporter::values(const ExportJob &exportJob)
{
    const Job &j = exportJob.watched.job;
    QStringList row;
    row.reserve(19);
    row << exportJob.watched.identifier << j.jobArn.value_or(QString())
        << j.jobName.value_or(QString()) << j.modelId.value_or(QString()) << j.statusText()
        << timestamp(j.submitTime) << timestamp(j.lastModifiedTime) << timestamp(j.endTime)
        << timestamp(j.jobExpirationTime) << count(j.totalRecordCount)
        << count(j.processedRecordCount) << count(j.successRecordCount) << count(j.errorRecordCount)
        << (j.inputDataConfig ? j.inputDataConfig->s3Uri.value_or(QString()) : QString())
        << (j.outputDataConfig ? j.outputDataConfig->s3Uri.value_or(QString()) : QString())
        << (j.vpcConfig ? j.vpcConfig->securityGroupIds.join(u';') : QString())
        << (j.vpcConfig ? j.vpcConfig->subnetIds.join(u';') : QString())
        << j.message.value_or(QString()) << j.providerOrBedrock();
    return row;
}

QString CsvExporter::escapeField(const QString &value)
{
    QString field = startsFormula(value) ? QString(u'\'' + value) : value;
    const bool needsQuotes = field.contains(u'"') || field.contains(u',') || field.contains(u'\r')
                             || field.contains(u'\n');
    if (!needsQuotes)
        return field;
    field.replace(u'"', QStringLiteral("\"\""));
    return u'"' + field + u'"';
}

QString CsvExporter::formatRow(const QStringList &values)
{
    QString line;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            line += u',';
        line += escapeField(values.at(i));
    }
    line += QStringLiteral("\r\n");
    return line;
}

ExportResult CsvExporter::write(const ExportInput &input, QIODevice &device,
                                const ExportProgress &progress)
{
    const int total = int(input.jobs.size());
    if (!reportProgress(progress, 0, total))
        return ExportResult::cancelled();

    QString error;
    QByteArray head;
    if (m_options.byteOrderMark)
        head = QByteArrayLiteral("\xEF\xBB\xBF");
    head += formatRow(columns()).toUtf8();
    if (!writeAll(device, head, &error))
        return ExportResult::failed(error);

    // Rows are small: batch a few hundred per device write, but report every job.
    constexpr int kRowsPerWrite = 256;
    QByteArray chunk;
    for (int i = 0; i < total; ++i) {
        chunk += formatRow(values(input.jobs.at(i))).toUtf8();
        if ((i + 1) % kRowsPerWrite == 0 || i + 1 == total) {
            if (!writeAll(device, chunk, &error))
                return ExportResult::failed(error);
            chunk.clear();
        }
        if (!reportProgress(progress, i + 1, total))
            return ExportResult::cancelled();
    }
    return ExportResult::written(total);
}

} // namespace bw
