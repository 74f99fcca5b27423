#pragma once

#include "exportwriter.h"

#include <QLocale>
#include <QPageSize>

#include <optional>

namespace bw {

// The PDF report of PRODUCT.md §5, through Qt's own printing: QPdfWriter and QTextDocument.
// Same content as the HTML report, written in the subset of HTML that Qt's rich text
// understands; the timeline charts are drawn as vector graphics (a QTextObjectInterface handler
// paints TimelineChart straight onto the PDF page).
//
// Layout: the summary first, then every job starting on a new page. Each page carries a header
// ("batchwatch report — <profile>", export time) and a footer (gateway URL, "page N of M").
// Pages are painted one by one (QTextDocument::drawContents with translated rects), after a
// first pass that lays every document out to count the pages.
//
// Needs a QGuiApplication in the process (fonts); the offscreen platform is enough
// (QT_QPA_PLATFORM=offscreen). Without one write() fails with an explanation instead of
// aborting. May run on a worker thread: it uses QImage-free, QPixmap-free painting only.
class PdfReportWriter final : public ExportWriter
{
public:
    struct Options
    {
        QLocale locale; // numbers, and the page size unless pageSize is set
        std::optional<QPageSize::PageSizeId> pageSize;
        int resolution = 1200; // dpi of the PDF coordinate system (QPdfWriter's default)
    };

    PdfReportWriter() = default;
    explicit PdfReportWriter(Options options)
        : m_options(std::move(options))
    {}

    ExportFormat format() const override { return ExportFormat::Pdf; }
    // Progress units: twice the jobs (layout pass, then painting pass).
    ExportResult write(const ExportInput &input, QIODevice &device,
                       const ExportProgress &progress = {}) override;

    // Letter for the United States and Canada, A4 everywhere else.
    static QPageSize::PageSizeId defaultPageSize(const QLocale &locale);
    QPageSize::PageSizeId pageSize() const;

private:
    Options m_options;
};

} // namespace bw
