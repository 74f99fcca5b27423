#pragma once

#include "export/exportwriter.h"
#include "reportlayout.h"

#include <QLocale>
#include <QPageSize>

#include <optional>

namespace bw {

// The PDF report of PRODUCT.md §5, through Qt's own printing: QPdfWriter and QTextDocument.
// Same content as the HTML report. Each job's pages are a QTextDocument built from the subset of
// HTML that Qt's rich text understands; its timeline chart is drawn as vector graphics (a
// QTextObjectInterface handler paints TimelineChart straight onto the page).
//
// Layout: the head (profile, gateway, export time, status counts) and the summary table first,
// then every job starting on a new page, on as few pages as its content needs: one for a
// typical job (fields two to a row, identifiers and URIs on whole rows wrapping instead of
// overflowing, the chart at the text width, compact VPC, configuration and history tables);
// only a long message or history continues on a second page. Every page carries a header
// ("batchwatch report — <profile>", export time) and a footer (gateway URL, "page N of M"). Pages
// are painted one by one with QPainter (QTextDocument::drawContents with translated rects) after a
// first pass that lays every job's document out to count the pages; the first few hundred laid-out
// documents are kept for the second pass, later ones are laid out again to bound memory. Both
// passes use every core: the job documents are built and laid out on worker threads (each with
// its own QPdfWriter of the same resolution and page layout, never painted on, so the lines and
// pages are the same), pass 1 in parallel, and in pass 2 the painting thread takes documents
// made a bounded window ahead of it (it makes one itself when the workers lag). Painting stays on
// the calling thread, the one QPdfWriter's. The
// summary rows are painted directly (one or two lines: a long name wraps, what does not fit in two
// lines is elided) because a QTextTable costs about a millisecond per row, twice.
//
// Needs a QGuiApplication in the process (fonts); the offscreen platform is enough
// (QT_QPA_PLATFORM=offscreen). Without one write() fails with an explanation instead of
// aborting. May run on a worker thread: it paints with QPainter on the QPdfWriter only (no
// QPixmap). Throughput: roughly 10 ms of CPU per job in an optimised build, about half of it
// on the calling thread (see docs/PERFORMANCE.md).
class PdfReportWriter final : public ExportWriter
{
public:
    struct Options
    {
        QLocale locale; // numbers, and the page size unless pageSize is set
        std::optional<QPageSize::PageSizeId> pageSize;
        int resolution = 1200; // dpi of the PDF coordinate system (QPdfWriter's default)
        // Summary: the head and the summary table only, no per-job pages (seconds for ten
        // thousand jobs instead of minutes).
        ReportLayout layout = ReportLayout::Full;
        // Threads that lay job documents out, the calling thread included: 0 for one per core,
        // 1 for the calling thread alone. The pages are the same whatever the number.
        int threads = 0;
        // Job documents kept from the page-counting pass for painting (about 130 KiB each);
        // later jobs are laid out again when they are painted.
        int keptDocuments = 300;
    };

    PdfReportWriter() = default;
    explicit PdfReportWriter(Options options)
        : m_options(std::move(options))
    {}

    ExportFormat format() const override { return ExportFormat::Pdf; }
    // Progress units: twice the jobs (layout pass, then painting pass); the jobs once for the
    // summary layout.
    ExportResult write(const ExportInput &input, QIODevice &device,
                       const ExportProgress &progress = {}) override;

    // Letter for the United States and Canada, A4 everywhere else.
    static QPageSize::PageSizeId defaultPageSize(const QLocale &locale);
    QPageSize::PageSizeId pageSize() const;

private:
    Options m_options;
};

} // namespace bw
