#pragma once

#include "export/exportwriter.h"
#include "htmlreport.h"

#include <QLocale>
#include <QPageSize>

#include <memory>
#include <optional>

namespace bw {

// Options of every format in one place, for the export dialog and the CLI.
struct ExportOptions
{
    bool jsonIndented = true;     // JSON: 4-space indentation; false gives one line
    bool csvByteOrderMark = true; // CSV: UTF-8 BOM for Excel; false for scripts
    QLocale locale;               // HTML/PDF: number formatting and the default page size
    std::optional<QPageSize::PageSizeId> pageSize; // PDF: default by locale (Letter US/CA, A4)
    HtmlReportWriter::ChartFormat htmlCharts = HtmlReportWriter::ChartFormat::Svg;
    // HTML/PDF: the full report, or the summary table only (large selections).
    ReportLayout reportLayout = ReportLayout::Full;
    // PDF: threads laying the job pages out, the calling one included; 0 for one per core.
    int pdfThreads = 0;
};

// The one entry point for exports in every format (PRODUCT.md §5):
//
//     const ExportResult r = Exporter(options).run(input, ExportFormat::Pdf, path,
//                                                  [&](int done, int total) { ...; return
//                                                  !cancelled; });
//
// run() writes atomically through ExportTask (QSaveFile): Written, Cancelled or Failed, and on
// anything but Written the previous file at `path` is untouched. Safe on a worker thread (copy
// the input into the thread; see ExportTask for the pattern).
//
// PDF (and HTML with PNG charts) needs a QGuiApplication in the process; the CLI creates one
// only when needsGuiApplication() says so, on the offscreen platform when no display is set.
// Without one, run() fails with a message instead of aborting.
class Exporter
{
public:
    Exporter() = default;
    explicit Exporter(ExportOptions options)
        : m_options(std::move(options))
    {}

    const ExportOptions &options() const { return m_options; }

    std::unique_ptr<ExportWriter> createWriter(ExportFormat format) const;
    ExportResult run(const ExportInput &input, ExportFormat format, const QString &path,
                     const ExportProgress &progress = {}) const;
    bool needsGuiApplication(ExportFormat format) const;

private:
    ExportOptions m_options;
};

} // namespace bw
