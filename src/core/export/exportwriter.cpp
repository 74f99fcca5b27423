#include "export/exportwriter.h"

#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace bw {

QString exportFormatKey(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromKey(QStringView key)
{
    const QStringView k = key.trimmed();
    for (const ExportFormat f : exportFormats()) {
        if (k.compare(exportFormatKey(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    if (k.compare(QLatin1StringView("htm"), Qt::CaseInsensitive) == 0)
        return ExportFormat::Html;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatFromFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix();
    if (suffix.isEmpty())
        return std::nullopt;
    return exportFormatFromKey(suffix);
}

QString exportFormatMimeType(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QStringLiteral("application/json");
    case ExportFormat::Csv:
        return QStringLiteral("text/csv");
    case ExportFormat::Html:
        return QStringLiteral("text/html");
    case ExportFormat::Pdf:
        return QStringLiteral("application/pdf");
    }
    return {};
}

QList<ExportFormat> exportFormats()
{
    return {ExportFormat::Json, ExportFormat::Csv, ExportFormat::Html, ExportFormat::Pdf};
}

ExportWriter::~ExportWriter() = default;

bool ExportWriter::writeAll(QIODevice &device, const QByteArray &bytes, QString *error)
{
    if (bytes.isEmpty())
        return true;
    if (device.write(bytes) == bytes.size())
        return true;
    if (error)
        *error = device.errorString();
    return false;
}

namespace ExportTask {

ExportResult run(const ExportInput &input, ExportWriter &writer, const QString &path,
                 const ExportProgress &progress)
{
    const QString shown = QDir::toNativeSeparators(path);
    auto fail = [&](const QString &why) {
        ExportResult r
                = ExportResult::failed(QStringLiteral("Could not write %1: %2").arg(shown, why));
        r.path = path;
        qCWarning(lcExport) << "export failed:" << r.errorString;
        return r;
    };

    if (path.isEmpty())
        return fail(QStringLiteral("no file name given"));
    if (QFileInfo(path).isDir())
        return fail(QStringLiteral("it is a directory"));

    QSaveFile file(path);
    // Never fall back to writing the target in place: that would break the promise that a
    // failed export leaves the previous file intact.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());

    ExportResult result = writer.write(input, file, progress);
    result.path = path;
    if (result.outcome != ExportResult::Outcome::Written) {
        file.cancelWriting();
        if (result.outcome == ExportResult::Outcome::Failed)
            return fail(result.errorString.isEmpty() ? QStringLiteral("the export failed")
                                                     : result.errorString);
        qCInfo(lcExport) << "export cancelled; target left untouched";
        return result;
    }
    if (!file.commit())
        return fail(file.errorString());

    result.bytes = QFileInfo(path).size();
    qCInfo(lcExport) << "exported" << result.jobCount << "jobs as"
                     << exportFormatKey(writer.format()) << "," << result.bytes << "bytes";
    return result;
}

} // namespace ExportTask
} // namespace bw
