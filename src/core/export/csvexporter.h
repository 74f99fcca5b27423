#pragma once

#include "export/exportwriter.h"

#include <QStringList>

namespace bw {

// The CSV export of PRODUCT.md §5: one row per job, RFC 4180.
//
// - Encoding UTF-8, starting with a byte order mark by default (Excel needs it to read UTF-8;
//   most other readers skip it). Options::byteOrderMark = false omits it for scripts.
// - Lines end in CRLF, the header row included; the file ends with a CRLF.
// - A field is quoted when it contains '"', ',', CR or LF; quotes inside are doubled. Nothing
//   else is quoted. Multi-line messages stay multi-line inside their quotes.
// - Columns, in this order (columns() returns them; they are stable — new columns only ever
//   get appended): identifier, jobArn, jobName, modelId, status, submitTime, lastModifiedTime,
//   endTime, jobExpirationTime, totalRecordCount, processedRecordCount, successRecordCount,
//   errorRecordCount, inputS3Uri, outputS3Uri, securityGroupIds, subnetIds, message, provider
//   (the job's provider, "bedrock" when none was reported).
// - Absent values are empty fields. Timestamps are UTC "YYYY-MM-DDTHH:MM:SS.mmmZ", counts plain
//   integers, status the gateway's raw string, security groups and subnets joined with ';'.
// - Formula-injection guard (OWASP "CSV injection"): a field whose first character is '=', '+',
//   '-', '@', TAB (U+0009) or CR (U+000D) gets a single quote "'" put in front of it, so that
//   spreadsheets show it as text instead of evaluating it. Applies to every column; numbers and
//   timestamps never start with one of these, so only text is ever changed.
class CsvExporter final : public ExportWriter
{
public:
    struct Options
    {
        bool byteOrderMark = true;
    };

    CsvExporter() = default;
    explicit CsvExporter(Options options)
        : m_options(options)
    {}

    ExportFormat format() const override { return ExportFormat::Csv; }
    // Progress units: jobs.
    ExportResult write(const ExportInput &input, QIODevice &device,
                       const ExportProgress &progress = {}) override;

    // Building blocks, public for the CLI (`get --format csv`) and tests.
    static QStringList columns();
    // The unescaped values of one row, one per column.
    static QStringList values(const ExportJob &job);
    // Neutralises a formula (see above), then quotes when needed.
    static QString escapeField(const QString &value);
    // The fields escaped and joined with ',' plus the CRLF.
    static QString formatRow(const QStringList &values);

private:
    Options m_options;
};

} // namespace bw
