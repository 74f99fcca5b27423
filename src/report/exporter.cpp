#include "exporter.h"

#include "export/csvexporter.h"
#include "export/jsonexporter.h"
#include "pdfreport.h"

namespace bw {

std::unique_ptr<ExportWriter> Exporter::createWriter(ExportFormat format) const
{
    switch (format) {
    case ExportFormat::Json:
        return std::make_unique<JsonExporter>(JsonExporter::Options{m_options.jsonIndented});
    case ExportFormat::Csv:
        return std::make_unique<CsvExporter>(CsvExporter::Options{m_options.csvByteOrderMark});
    case ExportFormat::Html:
        return std::make_unique<HtmlReportWriter>(HtmlReportWriter::Options{
                m_options.locale, m_options.htmlCharts, m_options.reportLayout});
    case ExportFormat::Pdf: {
        PdfReportWriter::Options pdf;
        pdf.locale = m_options.locale;
        pdf.pageSize = m_options.pageSize;
        pdf.layout = m_options.reportLayout;
        pdf.threads = m_options.pdfThreads;
        return std::make_unique<PdfReportWriter>(pdf);
    }
    }
    return nullptr;
}

ExportResult Exporter::run(const ExportInput &input, ExportFormat format, const QString &path,
                           const ExportProgress &progress) const
{
    const std::unique_ptr<ExportWriter> writer = createWriter(format);
    if (!writer) {
        ExportResult r = ExportResult::failed(QStringLiteral("unknown export format"));
        r.path = path;
        return r;
    }
    return ExportTask::run(input, *writer, path, progress);
}

bool Exporter::needsGuiApplication(ExportFormat format) const
{
    switch (format) {
    case ExportFormat::Pdf:
        return true;
    case ExportFormat::Html:
        return m_options.htmlCharts == HtmlReportWriter::ChartFormat::Png;
    case ExportFormat::Json:
    case ExportFormat::Csv:
        break;
    }
    return false;
}

} // namespace bw
