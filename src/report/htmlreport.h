#pragma once

#include "export/exportwriter.h"
#include "reportlayout.h"

#include <QLocale>

namespace bw {

// The HTML report of PRODUCT.md §5: one self-contained UTF-8 HTML5 file (inline CSS and charts,
// no script, no external reference: it opens offline and can be mailed as is).
//
// Content: a header (profile, sanitised base URL, export time, status counts), a summary table
// (name, job id, status, progress, submitted, duration; names link to the job's section), then
// one section per job: fields, progress, timeline chart with legend, VPC, configuration,
// history and message. Every text from a job, a gateway or the user is HTML-escaped, in
// element content and attribute values alike. Field tables flow into two columns (identifiers
// and long text on whole rows). Printing starts each job on a new page, in a compact print
// style so that a typical job fits on one sheet.
//
// ReportLayout::Summary writes the head and the summary table only, for large selections.
//
// With the default SVG charts it needs no QGuiApplication (the CLI can write it headless);
// ChartFormat::Png paints PNG data URIs and then needs one (needsGuiApplication()).
class HtmlReportWriter final : public ExportWriter
{
public:
    enum class ChartFormat {
        Svg, // inline <svg>: small, sharp when printed, fast
        Png, // <img src="data:image/png;base64,...">, for mail clients that strip SVG
    };

    struct Options
    {
        QLocale locale; // number formatting
        ChartFormat charts = ChartFormat::Svg;
        // Summary: the head and the summary table only (names do not link; no job sections).
        ReportLayout layout = ReportLayout::Full;
    };

    HtmlReportWriter() = default;
    explicit HtmlReportWriter(Options options)
        : m_options(std::move(options))
    {}

    ExportFormat format() const override { return ExportFormat::Html; }
    // Progress units: jobs. Fails (instead of aborting the process) when PNG charts are asked
    // for without a QGuiApplication.
    ExportResult write(const ExportInput &input, QIODevice &device,
                       const ExportProgress &progress = {}) override;

    bool needsGuiApplication() const { return m_options.charts == ChartFormat::Png; }

    // The whole report as one string (for previews and tests; write() streams instead). Empty
    // when the report cannot be produced (PNG charts without a QGuiApplication).
    QString toHtml(const ExportInput &input) const;

private:
    Options m_options;
};

} // namespace bw
