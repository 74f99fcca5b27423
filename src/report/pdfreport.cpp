#include "pdfreport.h"

#include "reportcontent.h"
#include "reportpalette.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextObjectInterface>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace bw {

namespace {

const QString kChartImageName = QStringLiteral("bw-chart");
const QString kZebra = QStringLiteral("#f6f7f9");

// The report's sans-serif with Symbola behind it: emoji in job names need an outline font in a
// PDF (the colour emoji font is bitmaps, which come out blank). The family really used comes
// first, not the generic name, which is no installed family.
QFont sansFont(qreal points)
{
    QFont font(QStringLiteral("sans-serif"));
    font.setStyleHint(QFont::SansSerif);
    font.setFamilies({QFontInfo(font).family(), QStringLiteral("Symbola")});
    font.setPointSizeF(points);
    return font;
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// "1 job", "12 jobs". No English numerus translation is loaded, so "%n job(s)" would show as
// written: the form is chosen here, each one its own translatable string.
QString jobCountText(int count)
{
    return count == 1 ? QCoreApplication::translate("bw::Report", "1 job")
                      : QCoreApplication::translate("bw::Report", "%1 jobs").arg(count);
}

// --- Qt rich text ------------------------------------------------------------------------
// QTextDocument understands HTML 4 tags, table attributes and a small CSS subset (colour,
// background-color, font-*, white-space, border-collapse, width). No classes, no box model on
// inline elements: every style is inline.

QString monoStyle()
{
    return QStringLiteral("font-family:'DejaVu Sans Mono','Menlo','Consolas',monospace;"
                          "font-size:8pt");
}

QString badge(const QString &status, StatusGroup group)
{
    const StatusColors c = ReportPalette::forGroup(group);
    return QStringLiteral("<span style=\"background-color:%1;color:%2;font-weight:600\">"
                          "&nbsp;%3&nbsp;</span>")
            .arg(c.tint.name(), c.ink.name(), esc(status));
}

QString heading(const QString &text)
{
    return QStringLiteral("<h3 style=\"font-size:9.5pt;color:%1;margin-top:10px;"
                          "margin-bottom:2px\">%2</h3>\n")
            .arg(ReportPalette::mutedText().name(), esc(text));
}

QString muted(const QString &text)
{
    return QStringLiteral("<p style=\"color:%1;font-style:italic;margin-top:0;margin-bottom:0\">"
                          "%2</p>\n")
            .arg(ReportPalette::mutedText().name(), esc(text));
}

QString tableStart(int cellPadding = 1)
{
    return QStringLiteral(
                   "<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"%1\">")
            .arg(cellPadding);
}

// Rows are told apart by alternating backgrounds: Qt's table borders cost more to lay out and
// paint than everything else in a job's pages together.
QString rowStart(int row)
{
    return row % 2 ? QStringLiteral("<tr bgcolor=\"%1\">").arg(kZebra) : QStringLiteral("<tr>");
}

QString headerCell(const QString &text, int widthPercent = 0)
{
    const QString width
            = widthPercent > 0 ? QStringLiteral(" width=\"%1%\"").arg(widthPercent) : QString();
    return QStringLiteral("<th align=\"left\" bgcolor=\"%1\"%2 style=\"font-size:8pt\">%3</th>")
            .arg(ReportPalette::headerFill().name(), width, esc(text));
}

// The grid of a field table: label and value, twice per row. Label columns are narrow and
// wrap a long label; values wrap at word boundaries, long identifiers anywhere.
constexpr int kLabelWidth = 20;
constexpr int kValueWidth = 30;

QString labelCell(const QString &label)
{
    return QStringLiteral("<td width=\"%1%\" style=\"color:%2\">")
                   .arg(kLabelWidth)
                   .arg(ReportPalette::mutedText().name())
           + esc(label) + QStringLiteral("</td>");
}

QString valueCell(const ReportJob::Field &f, bool wide)
{
    const QString span = wide ? QStringLiteral(" colspan=\"3\"")
                              : QStringLiteral(" width=\"%1%\"").arg(kValueWidth);
    if (!f.reported)
        return QStringLiteral("<td%1 style=\"color:%2;font-style:italic\">")
                       .arg(span, ReportPalette::mutedText().name())
               + esc(ReportText::notReported()) + QStringLiteral("</td>");
    if (f.monospace)
        return QStringLiteral("<td%1 style=\"%2\">").arg(span, monoStyle()) + esc(f.value)
               + QStringLiteral("</td>");
    return QStringLiteral("<td%1>").arg(span) + esc(f.value) + QStringLiteral("</td>");
}

// How fieldTable() packs short fields two to a row.
enum class Packing {
    // The first field (the name) and every identifier, ARN and URI each on a row of their own
    // first, then the other fields in pairs, in order: a job's fields pair up as status and
    // invocation type, submitted and last modified, ended and expires, ...
    WideFirst,
    // In order: identifiers and long text (a rate, an estimate) on a row of their own where
    // they come, the others in pairs.
    InOrder,
};

QString fieldTable(const QList<ReportJob::Field> &fields, Packing packing)
{
    QString out = tableStart();
    int row = 0;
    auto wideRow = [&](const ReportJob::Field &f) {
        out += rowStart(row++) + labelCell(f.label) + valueCell(f, true) + QStringLiteral("</tr>");
    };
    const ReportJob::Field *pending = nullptr;
    auto narrow = [&](const ReportJob::Field *f) {
        if (!pending) {
            pending = f;
            return;
        }
        out += rowStart(row++) + labelCell(pending->label) + valueCell(*pending, false)
               + labelCell(f->label) + valueCell(*f, false) + QStringLiteral("</tr>");
        pending = nullptr;
    };
    auto flush = [&] {
        if (pending)
            out += rowStart(row++) + labelCell(pending->label) + valueCell(*pending, false)
                   + QStringLiteral("<td width=\"%1%\"></td><td width=\"%2%\">&nbsp;</td></tr>")
                             .arg(kLabelWidth)
                             .arg(kValueWidth);
        pending = nullptr;
    };
    if (packing == Packing::WideFirst) {
        QList<const ReportJob::Field *> rest;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i == 0 || fields.at(i).monospace)
                wideRow(fields.at(i));
            else
                rest.append(&fields.at(i));
        }
        for (const ReportJob::Field *f : std::as_const(rest))
            narrow(f);
    } else {
        for (const ReportJob::Field &f : fields) {
            if (f.monospace || f.value.size() > 32) {
                flush();
                wideRow(f);
            } else {
                narrow(&f);
            }
        }
    }
    flush();
    return out + QStringLiteral("</table>\n");
}

// Rows of a table whose first column names a group ("Input", "Security groups") on its first
// row only: several short lists in one compact table instead of a heading each.
struct GroupedRows
{
    QString html;
    int row = 0;

    void add(const QString &group, const QList<ReportJob::Field> &fields)
    {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const ReportJob::Field &f = fields.at(i);
            html += rowStart(row++)
                    + QStringLiteral("<td width=\"%1%\" style=\"font-weight:600\">")
                              .arg(kLabelWidth)
                    + (i == 0 ? esc(group) : QString()) + QStringLiteral("</td>")
                    + labelCell(f.label) + valueCell(f, true) + QStringLiteral("</tr>");
        }
    }

    void addNote(const QString &group, const QString &text)
    {
        html += rowStart(row++)
                + QStringLiteral("<td width=\"%1%\" style=\"font-weight:600\">").arg(kLabelWidth)
                + esc(group)
                + QStringLiteral("</td><td colspan=\"4\" style=\"color:%1;font-style:italic\">")
                          .arg(ReportPalette::mutedText().name())
                + esc(text) + QStringLiteral("</td></tr>");
    }

    QString table() const { return tableStart() + html + QStringLiteral("</table>\n"); }
};

QString idList(const QStringList &ids)
{
    if (ids.isEmpty())
        return QStringLiteral("<span style=\"color:%1;font-style:italic\">%2</span>")
                .arg(ReportPalette::mutedText().name(), esc(Report::tr("none")));
    QStringList escaped;
    for (const QString &id : ids)
        escaped << esc(id);
    // Break only between ids: ", " is a word boundary, an id has none.
    return QStringLiteral("<span style=\"%1\">").arg(monoStyle())
           + escaped.join(QStringLiteral(", ")) + QStringLiteral("</span>");
}

QString headerHtml(const ReportHeader &header)
{
    QString out = QStringLiteral("<h1 style=\"font-size:16pt\">%1</h1>\n").arg(esc(header.title));
    out += QStringLiteral("<p style=\"color:%1\">").arg(ReportPalette::mutedText().name());
    out += esc(Report::tr("Profile: %1")
                       .arg(header.profileName.isEmpty() ? Report::tr("(unnamed)")
                                                         : header.profileName));
    if (!header.baseUrl.isEmpty())
        out += QStringLiteral("<br>") + esc(Report::tr("Gateway:"))
               + QStringLiteral(" <span style=\"%1\">").arg(monoStyle()) + esc(header.baseUrl)
               + QStringLiteral("</span>");
    out += QStringLiteral("<br>") + esc(Report::tr("Exported %1").arg(header.exportedAt));
    out += QStringLiteral("<br>") + esc(jobCountText(header.jobCount));
    out += QStringLiteral("</p>\n");
    if (!header.groupCounts.isEmpty()) {
        QStringList counts;
        for (const auto &[group, n] : header.groupCounts)
            counts << badge(QStringLiteral("%1 %2").arg(n).arg(ReportText::groupName(group)),
                            group);
        out += QStringLiteral("<p>") + counts.join(u' ') + QStringLiteral("</p>\n");
    }
    return out;
}

// The first page's head: title, profile, export time, status counts and the summary's heading.
// The summary table itself is painted by SummaryTable.
QString summaryHeadHtml(const ReportHeader &header)
{
    QString out = QStringLiteral("<html><body>\n") + headerHtml(header)
                  + heading(Report::tr("Summary (times in UTC)"));
    if (header.jobCount == 0)
        out += muted(Report::tr("No jobs in this export."));
    return out + QStringLiteral("</body></html>");
}

QString historyHtml(const ReportJob &j)
{
    if (j.history.isEmpty())
        return muted(Report::tr("No status change observed."));
    // One line per transition: 8 pt, the two times side by side.
    QString out = tableStart();
    out += QStringLiteral("<thead><tr>") + headerCell(Report::tr("From"), 19)
           + headerCell(Report::tr("To"), 19) + headerCell(Report::tr("Observed at"), 22)
           + headerCell(Report::tr("Gateway's last modified"), 22)
           + headerCell(Report::tr("Time in previous status"), 18)
           + QStringLiteral("</tr></thead>\n");
    int row = 0;
    for (const ReportJob::HistoryRow &h : j.history) {
        out += rowStart(row++)
               + QStringLiteral("<td style=\"font-size:8pt\">%1</td><td style=\"font-size:8pt\">"
                                "%2</td><td style=\"font-size:8pt\">%3</td>"
                                "<td style=\"font-size:8pt\">%4</td>"
                                "<td style=\"font-size:8pt\">%5</td></tr>\n")
                         .arg(esc(h.from), badge(h.to, h.toGroup), esc(h.observedAt),
                              esc(h.lastModified), esc(h.timeInPrevious));
    }
    return out + QStringLiteral("</table>\n");
}

QString jobHtml(const ReportJob &j)
{
    const ReportSummary &s = j.summary;
    const StatusColors failed = ReportPalette::forGroup(StatusGroup::Failed);
    QString out;
    out.reserve(8192);
    out += QStringLiteral(
                   "<html><body>\n<h2 style=\"font-size:13pt;margin-top:0;margin-bottom:3px\">"
                   "%1</h2>\n")
                   .arg(esc(s.title));
    out += QStringLiteral("<p style=\"margin-top:0;margin-bottom:2px\">") + badge(s.status, s.group)
           + QStringLiteral(" <span style=\"%1\">").arg(monoStyle()) + esc(s.identifier)
           + QStringLiteral("</span></p>\n");
    auto note = [&out](const QString &text, const StatusColors &c) {
        out += QStringLiteral(
                       "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"0\">"
                       "<tr><td bgcolor=\"%1\" style=\"color:%2\">%3</td></tr></table>\n")
                       .arg(c.tint.name(), c.ink.name(), esc(text));
    };
    if (j.notFound)
        note(Report::tr("The gateway last answered that it does not know this job (HTTP 404)."),
             failed);
    if (!j.lastError.isEmpty())
        note(Report::tr("Last poll failed: %1").arg(j.lastError), failed);
    if (!j.staleNote.isEmpty())
        note(j.staleNote, ReportPalette::notObserved());

    out += heading(Report::tr("Fields")) + fieldTable(j.fields, Packing::WideFirst);

    out += heading(Report::tr("Progress"));
    if (j.countsReported)
        out += fieldTable(j.progress, Packing::InOrder);
    else
        out += muted(Report::tr("Record counts: %1").arg(ReportText::notReported()));

    out += heading(Report::tr("Timeline"));
    if (j.chart.isEmpty()) {
        out += muted(Report::tr("No time is known for this job yet."));
    } else {
        // Replaced by the vector chart object after parsing (see embedCharts).
        out += QStringLiteral("<p style=\"margin-top:2px;margin-bottom:0\"><img src=\"%1\" "
                              "width=\"%2\" height=\"%3\"></p>\n")
                       .arg(kChartImageName)
                       .arg(int(TimelineChart::Width))
                       .arg(int(TimelineChart::Height));
        if (!j.bandLegend.isEmpty()) {
            out += QStringLiteral(
                           "<p style=\"font-size:8pt;color:%1;margin-top:1px;margin-bottom:0\">")
                           .arg(ReportPalette::mutedText().name());
            for (const ReportJob::LegendEntry &e : j.bandLegend) {
                const QColor c = e.observed ? ReportPalette::forGroup(e.group).strong
                                            : ReportPalette::notObserved().strong;
                out += QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;"
                                      "</span>&nbsp;%2&nbsp;&nbsp; ")
                               .arg(c.name(), esc(e.label));
            }
            out += QStringLiteral("</p>\n");
        }
        if (!j.markerLegend.isEmpty()) {
            QStringList parts;
            for (const auto &[name, at] : j.markerLegend)
                parts << esc(name) + QStringLiteral(": ") + esc(at);
            out += QStringLiteral(
                           "<p style=\"font-size:8pt;color:%1;margin-top:1px;margin-bottom:0\">")
                           .arg(ReportPalette::mutedText().name())
                   + parts.join(QStringLiteral(" &middot; ")) + QStringLiteral("</p>\n");
        }
    }

    out += heading(Report::tr("VPC"));
    switch (j.vpcState) {
    case VpcState::InVpc:
        out += tableStart() + rowStart(0) + labelCell(Report::tr("Security groups"))
               + QStringLiteral("<td>") + idList(j.securityGroupIds) + QStringLiteral("</td></tr>")
               + rowStart(1) + labelCell(Report::tr("Subnets")) + QStringLiteral("<td>")
               + idList(j.subnetIds) + QStringLiteral("</td></tr></table>\n");
        break;
    case VpcState::NotInVpc:
        out += QStringLiteral("<p style=\"margin-top:0;margin-bottom:0\">")
               + esc(Report::tr("Not in a VPC.")) + QStringLiteral("</p>\n");
        break;
    case VpcState::NotReported:
        out += muted(ReportText::notReported());
        break;
    }

    out += heading(Report::tr("Configuration"));
    GroupedRows config;
    if (j.inputReported)
        config.add(Report::tr("Input"), j.inputConfig);
    else
        config.addNote(Report::tr("Input"), ReportText::notReported());
    if (j.outputReported)
        config.add(Report::tr("Output"), j.outputConfig);
    else
        config.addNote(Report::tr("Output"), ReportText::notReported());
    out += config.table();

    out += heading(Report::tr("History")) + historyHtml(j);

    out += heading(Report::tr("Message"));
    if (j.message && !j.message->isEmpty())
        out += QStringLiteral(
                       "<pre style=\"white-space:pre-wrap;margin-top:0;margin-bottom:0;%1\">")
                       .arg(monoStyle())
               + esc(*j.message) + QStringLiteral("</pre>\n");
    else
        out += muted(Report::tr("No message."));
    out += QStringLiteral("</body></html>");
    return out;
}

// --- Vector charts inside QTextDocument ---------------------------------------------------

// Paints the document's one timeline chart where its placeholder image was laid out, as
// vector graphics at the full text width.
class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int Type = QTextFormat::UserObject + 1;

    explicit ChartObject(TimelineChart chart)
        : m_chart(std::move(chart))
    {}

    QSizeF intrinsicSize(QTextDocument *doc, int, const QTextFormat &) override
    {
        // The whole text width; a hair less so that rounding never wraps it to a new line.
        const qreal width = doc->pageSize().width() - 2 * doc->documentMargin() - 2;
        return {width, width * TimelineChart::Height / TimelineChart::Width};
    }

    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                    const QTextFormat &) override
    {
        m_chart.paint(*painter, rect);
    }

private:
    TimelineChart m_chart;
};

// Turns the placeholder <img src="bw-chart"> into a ChartObject. Must run before the first
// layout.
void embedCharts(QTextDocument &doc)
{
    QList<QPair<int, int>> spans;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat()
                && fragment.charFormat().toImageFormat().name() == kChartImageName)
                spans.append({fragment.position(), fragment.length()});
        }
    }
    QTextCursor cursor(&doc);
    for (const auto &[position, length] : std::as_const(spans)) {
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setObjectType(ChartObject::Type);
        cursor.mergeCharFormat(format);
    }
}

// --- Pages ---------------------------------------------------------------------------------

struct PageGeometry
{
    QRectF page;   // the whole sheet, device pixels
    QRectF body;   // where document pages go
    QRectF header; // band above the body
    QRectF footer; // band below the body
};

PageGeometry pageGeometry(const QPdfWriter &writer)
{
    const qreal mm = writer.resolution() / 25.4;
    PageGeometry g;
    g.page = QRectF(0, 0, writer.width(), writer.height());
    const qreal side = 16 * mm;
    g.header = QRectF(side, 8 * mm, g.page.width() - 2 * side, 8 * mm);
    g.footer = QRectF(side, g.page.height() - 14 * mm, g.page.width() - 2 * side, 7 * mm);
    g.body = QRectF(side, 20 * mm, g.page.width() - 2 * side, g.page.height() - 38 * mm);
    return g;
}

class DocumentFactory
{
public:
    // `device`: the paint device whose metrics (resolution) the documents are laid out for.
    DocumentFactory(QPaintDevice &device, const QSizeF &bodySize)
        : m_device(device)
        , m_body(bodySize)
        , m_families(sansFont(9).families())
    {}

    // Whether a document keeps the shaped glyphs of its lines after laying them out.
    enum class Glyphs {
        // Dropped after the layout (Qt's default): the document is kept for later, and the
        // glyphs would nearly double its memory (about 130 KiB without them).
        Drop,
        // Kept until the document dies: it is painted at once, and painting would otherwise
        // shape every line again (3-4 % of a large PDF's CPU time).
        Keep,
    };

    // A document for `html`, paginated to the body size and laid out for the device's
    // resolution. `chart` is painted in place of the placeholder image (the document keeps a
    // copy).
    std::unique_ptr<QTextDocument> make(const QString &html, const TimelineChart &chart = {},
                                        Glyphs glyphs = Glyphs::Drop) const
    {
        auto doc = std::make_unique<QTextDocument>();
        doc->setUndoRedoEnabled(false);
        doc->setUseDesignMetrics(true);
        doc->setDefaultFont(defaultFont());
        doc->setDocumentMargin(0);
        // Content first, layout second: changing formats (embedCharts) while
        // QTextDocumentLayout is still laying out lazily leaves later blocks without a layout.
        // A null page size keeps QTextDocumentLayout from laying anything out until the final
        // page size is set: without it the document was laid out once more (in part) for the
        // screen's metrics and no width when the layout was created.
        doc->setPageSize(QSizeF(0, 0));
        doc->setHtml(html);
        embedCharts(*doc);
        if (glyphs == Glyphs::Keep) {
            // Every block, table cells included: QTextBlock::next() walks them all.
            for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
                block.layout()->setCacheEnabled(true);
        }
        QAbstractTextDocumentLayout *layout = doc->documentLayout();
        layout->setPaintDevice(&m_device);
        auto *handler = new ChartObject(chart);
        handler->setParent(doc.get()); // dies with the document
        layout->registerHandler(ChartObject::Type, handler);
        // Last: lays the whole document out again with the final device, handler and width.
        doc->setPageSize(m_body);
        return doc;
    }

private:
    // sansFont(9) with the family resolved once: a font object of its own for every document
    // (documents made on different threads share no QFont).
    QFont defaultFont() const
    {
        QFont font(QStringLiteral("sans-serif"));
        font.setStyleHint(QFont::SansSerif);
        font.setFamilies(m_families);
        font.setPointSizeF(9);
        return font;
    }

    QPaintDevice &m_device;
    QSizeF m_body;
    QStringList m_families;
};

// Gives a document laid out on this thread to `thread`, to be painted on `device` there (a
// device with the same metrics as the one it was laid out for: the layout is kept, only the
// pointer changes). Its timers run out here first. The text layouts drop the font engine each
// remembers of its last item (an engine of this thread's font cache, which this thread goes on
// using), and the document with its layout and chart handler moves to the painting thread, which
// alone uses it from now on.
void handOver(QTextDocument &doc, QThread *thread, QPaintDevice *device)
{
    // The layout, finished, has just started a zero timer (to announce its size) on this
    // thread; it must fire here, or the painting thread would stop a timer of another thread
    // when it deletes the document.
    QCoreApplication::processEvents();
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (QTextLayout *layout = block.layout())
            layout->setFont(layout->font()); // the same font; forgets the cached engine
    }
    doc.documentLayout()->setPaintDevice(device);
    doc.moveToThread(thread);
}

// One thread's means of making job documents: the job's content, its HTML, its laid-out
// document. Each thread has its own (locale, redactor and factory copies).
class JobDocuments
{
public:
    JobDocuments(const ExportInput &input, const QDateTime &now, const QLocale &locale,
                 QPaintDevice &device, const QSizeF &body)
        : m_input(input)
        , m_now(now)
        , m_locale(locale)
        , m_redactor(input.baseUrl)
        , m_factory(device, body)
    {}

    std::unique_ptr<QTextDocument> make(int i, DocumentFactory::Glyphs glyphs) const
    {
        const ReportJob job
                = ReportJob::build(m_input.jobs.at(i), i + 1, m_now, m_locale, m_redactor);
        return m_factory.make(jobHtml(job), job.chart, glyphs);
    }

private:
    const ExportInput &m_input;
    QDateTime m_now;
    QLocale m_locale;
    SecretRedactor m_redactor;
    DocumentFactory m_factory;
};

// The report's page set-up. Every writer of one report (the one painted on and the layout
// threads' own) is set up by this, so that documents laid out for any of them break into the
// same lines and pages.
void setUpWriter(QPdfWriter &writer, int resolution, QPageSize::PageSizeId pageSize)
{
    writer.setResolution(resolution);
    QPageLayout layout(QPageSize(pageSize), QPageLayout::Portrait, QMarginsF(),
                       QPageLayout::Millimeter);
    layout.setMode(QPageLayout::FullPageMode);
    writer.setPageLayout(layout);
}

// The job documents of one report on several threads (issue 13: a 10,000-job PDF used one
// core). Pass 1 counts each job's pages: the calling thread and the workers take the next job
// in turn; the first `kept` documents are kept for pass 2, the others die where they were made.
// Pass 2 paints on the calling thread, in job order: the workers make the documents that were
// not kept, at most `window` ahead of the painter, and the painter makes the next one itself
// when no worker has started it (or a later one, rather than wait for a worker to finish the
// next). Workers lay out for a QPdfWriter of their own, set up like the painted one; what they
// make is handed over to the calling thread before it is published.
class ParallelDocuments
{
public:
    struct Setup
    {
        const ExportInput *input = nullptr;
        QDateTime now;
        QLocale locale;
        int resolution = 0;
        QPageSize::PageSizeId pageSize = QPageSize::A4;
        QSizeF body;
        QPaintDevice *painted = nullptr; // the calling thread's writer
        int jobs = 0;
        int kept = 0;   // documents kept from pass 1
        int window = 0; // documents made ahead of the painter in pass 2
    };

    ParallelDocuments(Setup setup, int workers)
        : m_setup(std::move(setup))
        , m_caller(QThread::currentThread())
        , m_pages(size_t(m_setup.jobs), 0)
        , m_made(size_t(m_setup.jobs))
    {
        m_pool.setMaxThreadCount(std::max(workers, 1));
        for (int w = 0; w < workers; ++w)
            m_pool.start([this] { work(); });
    }

    // Stops the workers after the document each is making, then drops what is left.
    ~ParallelDocuments()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_pool.waitForDone();
        m_made.clear(); // on the calling thread, which they were handed to
    }

    ParallelDocuments(const ParallelDocuments &) = delete;
    ParallelDocuments &operator=(const ParallelDocuments &) = delete;

    // Pass 1 on the calling thread: takes jobs until none is left. `progress(done)` after each
    // of its own (done counts every thread's); false cancels. Returns false when cancelled.
    bool countPages(const JobDocuments &own, const std::function<bool(int)> &progress)
    {
        for (;;) {
            int i = 0;
            {
                const std::lock_guard lock(m_mutex);
                if (m_nextToCount >= m_setup.jobs)
                    break;
                i = m_nextToCount++;
            }
            const int done = counted(i, own.make(i, DocumentFactory::Glyphs::Drop), false);
            if (!progress(done)) {
                stop();
                return false;
            }
        }
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_counted == m_setup.jobs; });
        }
        if (m_setup.jobs > 0 && !progress(m_setup.jobs)) {
            stop();
            return false;
        }
        return true;
    }

    int pages(int i) const { return m_pages.at(size_t(i)); }

    // Pass 2: job i's document, laid out (and its glyphs kept unless it is a kept one). Call
    // for i = 0, 1, ... in order after countPages().
    std::unique_ptr<QTextDocument> take(int i, const JobDocuments &own)
    {
        std::unique_lock lock(m_mutex);
        if (!m_painting) {
            m_painting = true;
            m_nextToMake = std::min(m_setup.kept, m_setup.jobs);
        }
        m_painterAt = i;
        m_changed.notify_all(); // the window moved
        for (;;) {
            if (m_made.at(size_t(i)))
                return std::move(m_made[size_t(i)]);
            if (m_nextToMake == i) { // nobody has started it: make it here
                ++m_nextToMake;
                lock.unlock();
                return own.make(i, DocumentFactory::Glyphs::Keep);
            }
            if (mayMakeAhead()) {
                // A worker is still on this one: rather than wait, make a later one here.
                const int later = m_nextToMake++;
                lock.unlock();
                std::unique_ptr<QTextDocument> doc = own.make(later, DocumentFactory::Glyphs::Keep);
                lock.lock();
                m_made[size_t(later)] = std::move(doc);
                continue;
            }
            m_changed.wait(lock);
        }
    }

    void stop()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
    }

private:
    // Pass 2: whether the next document nobody has started is within the window (with the
    // mutex held).
    bool mayMakeAhead() const
    {
        return m_nextToMake < m_setup.jobs
               && m_nextToMake < std::max(m_painterAt, m_setup.kept) + m_setup.window;
    }

    // Records job i's page count (and its document when kept); returns how many are counted.
    int counted(int i, std::unique_ptr<QTextDocument> doc, bool madeByWorker)
    {
        const bool keep = i < m_setup.kept;
        const int pages = doc->pageCount();
        if (keep && madeByWorker)
            handOver(*doc, m_caller, m_setup.painted);
        const std::lock_guard lock(m_mutex);
        m_pages[size_t(i)] = pages;
        if (keep)
            m_made[size_t(i)] = std::move(doc);
        ++m_counted;
        if (m_counted == m_setup.jobs)
            m_changed.notify_all();
        return m_counted;
    }

    // A worker: pass 1, then pass 2, until nothing is left or the writer stops.
    void work()
    {
        QBuffer sink;
        QPdfWriter writer(&sink); // for its metrics only; never painted on
        setUpWriter(writer, m_setup.resolution, m_setup.pageSize);
        const JobDocuments own(*m_setup.input, m_setup.now, m_setup.locale, writer, m_setup.body);
        std::unique_lock lock(m_mutex);
        while (!m_stop && m_nextToCount < m_setup.jobs) {
            const int i = m_nextToCount++;
            lock.unlock();
            std::unique_ptr<QTextDocument> doc = own.make(i, DocumentFactory::Glyphs::Drop);
            // Pass-1 documents not kept die here, on the thread that made them.
            counted(i, std::move(doc), true);
            lock.lock();
        }
        for (;;) {
            m_changed.wait(lock, [this] {
                return m_stop || (m_painting && (m_nextToMake >= m_setup.jobs || mayMakeAhead()));
            });
            if (m_stop || m_nextToMake >= m_setup.jobs)
                return;
            const int i = m_nextToMake++;
            lock.unlock();
            std::unique_ptr<QTextDocument> doc = own.make(i, DocumentFactory::Glyphs::Keep);
            doc->pageCount(); // finishes the layout here, not lazily while painting
            handOver(*doc, m_caller, m_setup.painted);
            lock.lock();
            m_made[size_t(i)] = std::move(doc);
            m_changed.notify_all();
        }
    }

    const Setup m_setup;
    QThread *const m_caller;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stop = false;
    int m_nextToCount = 0; // pass 1: the next job to lay out
    int m_counted = 0;
    bool m_painting = false; // pass 2 started
    int m_nextToMake = 0;    // pass 2: the next job whose document nobody has started
    int m_painterAt = 0;     // pass 2: the job being painted
    std::vector<int> m_pages;
    std::vector<std::unique_ptr<QTextDocument>> m_made; // kept and made ahead, by job
    QThreadPool m_pool; // last: destroyed (its threads ended) before the state above
};

// The summary table, painted row by row. A QTextTable costs about half a millisecond per cell
// to lay out, twice (the page count must be known before the first page is painted); with rows
// of one or two lines, measured once, pagination is arithmetic and ten thousand rows take a
// fraction of a second. A name, progress or duration too long for its column wraps onto a
// second line (at a hyphen, a space or a slash when there is one: names told apart by a date or
// a suffix at their end stay apart); what does not fit in two lines is elided. The other cells
// are one line, elided, a long provider id in the middle. Every job's own pages carry the full
// text.
class SummaryTable
{
public:
    SummaryTable(const QList<ReportSummary> &rows, QPaintDevice *device, qreal width)
        : m_rows(rows)
        , m_width(width)
    {
        m_font = sansFont(7.5);
        m_bold = m_font;
        m_bold.setBold(true);
        m_mono = QFont(QStringLiteral("DejaVu Sans Mono"));
        m_mono.setStyleHint(QFont::Monospace);
        m_mono.setPointSizeF(7);
        const QFontMetricsF metrics(m_font, device);
        m_lineHeight = metrics.height();
        m_rowPadding = metrics.height() * 0.5;
        m_padding = metrics.averageCharWidth() * 0.8;
        m_columns = {{Report::tr("Name"), 0},      {Report::tr("Job id"), 0},
                     {Report::tr("Status"), 0},    {Report::tr("Progress"), 0},
                     {Report::tr("Submitted"), 0}, {Report::tr("Duration"), 0}};

        // Every column but the name gets the width of its widest cell, capped; the name takes
        // what is left, at least a fifth.
        const QFontMetricsF bold(m_bold, device);
        const QFontMetricsF mono(m_mono, device);
        std::array<qreal, 6> natural{};
        for (size_t c = 0; c < natural.size(); ++c)
            natural[c] = bold.horizontalAdvance(m_columns.at(qsizetype(c)).title);
        for (const ReportSummary &s : m_rows) {
            natural[1] = std::max(natural[1], mono.horizontalAdvance(s.shortId));
            natural[2] = std::max(natural[2], bold.horizontalAdvance(s.status) + 2 * m_padding);
            natural[3] = std::max(natural[3], metrics.horizontalAdvance(s.progressText));
            natural[4] = std::max(natural[4], metrics.horizontalAdvance(
                                                      ReportText::compactDateTime(s.submitTime)));
            natural[5] = std::max(natural[5], metrics.horizontalAdvance(s.duration));
        }
        constexpr std::array<qreal, 6> kCaps{1.0, 0.15, 0.19, 0.19, 0.15, 0.13};
        qreal fixed = 0;
        for (size_t c = 1; c < natural.size(); ++c) {
            // A hair of slack so that a cell exactly as wide as its text is never wrapped.
            natural[c] = std::min(natural[c] + 2.5 * m_padding, kCaps[c] * m_width);
            fixed += natural[c];
        }
        const qreal scale = fixed > 0.8 * m_width ? 0.8 * m_width / fixed : 1.0;
        m_columns[0].width = m_width - fixed * scale;
        for (size_t c = 1; c < natural.size(); ++c)
            m_columns[qsizetype(c)].width = natural[c] * scale;

        // Which rows need two lines.
        m_twoLines.reserve(m_rows.size());
        for (const ReportSummary &s : m_rows) {
            m_twoLines.append(metrics.horizontalAdvance(s.title.simplified()) > innerWidth(0)
                              || metrics.horizontalAdvance(s.progressText) > innerWidth(3)
                              || metrics.horizontalAdvance(s.duration) > innerWidth(5));
        }
    }

    qreal headerHeight() const { return m_lineHeight + m_rowPadding; }
    qreal rowHeight(int row) const
    {
        return (m_twoLines.at(row) ? 2 : 1) * m_lineHeight + m_rowPadding;
    }

    // How many data rows from `first` fit under the header row in `height`; at least one.
    int rowsFitting(int first, qreal height) const
    {
        qreal used = headerHeight();
        int n = 0;
        while (first + n < m_rows.size() && used + rowHeight(first + n) <= height) {
            used += rowHeight(first + n);
            ++n;
        }
        return n;
    }

    // Paints the header row and rows [first, first + count) from `origin`.
    void paint(QPainter &painter, const QPointF &origin, int first, int count) const
    {
        painter.save();
        painter.setPen(Qt::NoPen);
        painter.setBrush(ReportPalette::headerFill());
        painter.drawRect(QRectF(origin, QSizeF(m_width, headerHeight())));
        qreal x = origin.x();
        painter.setFont(m_bold);
        painter.setPen(ReportPalette::text());
        for (const Column &c : m_columns) {
            drawCell(painter, QRectF(x, origin.y(), c.width, headerHeight()), c.title,
                     Qt::ElideRight, false);
            x += c.width;
        }
        qreal y = origin.y() + headerHeight();
        for (int i = 0; i < count; ++i) {
            const qreal height = rowHeight(first + i);
            if (i % 2) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(kZebra));
                painter.drawRect(QRectF(origin.x(), y, m_width, height));
            }
            paintRow(painter, m_rows.at(first + i), origin.x(), y, height);
            y += height;
        }
        painter.restore();
    }

private:
    struct Column
    {
        QString title;
        qreal width; // device pixels
    };

    qreal innerWidth(int column) const { return m_columns.at(column).width - 2 * m_padding; }

    QRectF cellRect(int column, qreal left, qreal y, qreal height) const
    {
        qreal x = left;
        for (int c = 0; c < column; ++c)
            x += m_columns.at(c).width;
        return {x, y, m_columns.at(column).width, height};
    }

    // `text` in at most two lines of `width`: broken after the last hyphen, space, slash or
    // underscore that keeps the first line within the width (anywhere when there is none), the
    // rest elided.
    static QStringList wrapped(const QString &text, const QFontMetricsF &metrics, qreal width,
                               Qt::TextElideMode mode)
    {
        if (metrics.horizontalAdvance(text) <= width)
            return {text};
        int fits = 0; // characters of the longest prefix that fits
        int breakAt = 0;
        for (int i = 1; i <= text.size(); ++i) {
            if (metrics.horizontalAdvance(text.left(i)) > width)
                break;
            fits = i;
            const QChar c = text.at(i - 1);
            // Not before the unit of "47.4 %".
            const bool beforeUnit = i < text.size() && text.at(i) == u'%';
            if ((c == u' ' && !beforeUnit) || c == u'-' || c == u'/' || c == u'_')
                breakAt = i;
        }
        const int cut = breakAt > 0 ? breakAt : std::max(1, fits);
        return {text.left(cut).trimmed(), metrics.elidedText(text.mid(cut).trimmed(), mode, width)};
    }

    void drawCell(QPainter &painter, const QRectF &cell, const QString &text,
                  Qt::TextElideMode mode, bool mayWrap) const
    {
        const QRectF inner = cell.adjusted(m_padding, 0, -m_padding, 0);
        const QFontMetricsF metrics(painter.font(), painter.device());
        // Tabs and line breaks would expand or wrap on their own.
        const QString simple = text.simplified();
        const QStringList lines
                = mayWrap && cell.height() > headerHeight() * 1.5
                          ? wrapped(simple, metrics, inner.width(), mode)
                          : QStringList{metrics.elidedText(simple, mode, inner.width())};
        qreal top = inner.center().y() - lines.size() * m_lineHeight / 2;
        for (const QString &line : lines) {
            painter.drawText(QRectF(inner.left(), top, inner.width(), m_lineHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, line);
            top += m_lineHeight;
        }
    }

    void paintRow(QPainter &painter, const ReportSummary &s, qreal left, qreal y,
                  qreal height) const
    {
        painter.setPen(ReportPalette::text());
        painter.setFont(m_font);
        drawCell(painter, cellRect(0, left, y, height), s.title, Qt::ElideRight, true);
        painter.setFont(m_mono);
        drawCell(painter, cellRect(1, left, y, height), s.shortId, Qt::ElideMiddle, false);

        // Status badge: tinted box, status text in the group's ink, one line high.
        const StatusColors colors = ReportPalette::forGroup(s.group);
        painter.setFont(m_bold);
        const QFontMetricsF bold(m_bold, painter.device());
        const QRectF cell = cellRect(2, left, y, height);
        const qreal maxText = cell.width() - 3 * m_padding;
        const QString status = bold.elidedText(s.status, Qt::ElideRight, maxText);
        const qreal badgeHeight = headerHeight() * 0.72;
        const QRectF badge(cell.left() + m_padding, cell.center().y() - badgeHeight / 2,
                           bold.horizontalAdvance(status) + 2 * m_padding, badgeHeight);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colors.tint);
        painter.drawRect(badge);
        painter.setPen(colors.ink);
        painter.drawText(badge, Qt::AlignCenter, status);

        painter.setPen(ReportPalette::text());
        painter.setFont(m_font);
        drawCell(painter, cellRect(3, left, y, height), s.progressText, Qt::ElideRight, true);
        drawCell(painter, cellRect(4, left, y, height), ReportText::compactDateTime(s.submitTime),
                 Qt::ElideRight, false);
        drawCell(painter, cellRect(5, left, y, height), s.duration, Qt::ElideRight, true);
    }

    const QList<ReportSummary> &m_rows;
    qreal m_width;
    QFont m_font;
    QFont m_bold;
    QFont m_mono;
    qreal m_lineHeight = 0;
    qreal m_rowPadding = 0;
    qreal m_padding = 0;
    QList<Column> m_columns;
    QList<bool> m_twoLines; // per row
};

// Which summary rows go on which page: the first page holds the report's head above its rows.
struct SummaryChunk
{
    int first = 0;
    int count = 0;
};

QList<SummaryChunk> paginateSummary(const SummaryTable &table, int rows, qreal firstPageRoom,
                                    qreal pageRoom)
{
    QList<SummaryChunk> chunks;
    chunks.append({0, std::min(table.rowsFitting(0, firstPageRoom), rows)});
    int next = chunks.first().count;
    while (next < rows) {
        // At least one row per page, so that a page too small for any row still ends.
        const int count = std::max(1, table.rowsFitting(next, pageRoom));
        chunks.append({next, count});
        next += count;
    }
    return chunks;
}

void drawDecorations(QPainter &painter, const PageGeometry &g, const ReportHeader &header, int page,
                     int pageCount)
{
    const QFont font = sansFont(7.5);
    painter.save();
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    painter.setPen(ReportPalette::mutedText());

    const QString when = header.exportedAt;
    const qreal whenWidth = metrics.horizontalAdvance(when);
    const QString title = metrics.elidedText(header.title, Qt::ElideRight,
                                             g.header.width() - whenWidth - metrics.height());
    painter.drawText(g.header, Qt::AlignLeft | Qt::AlignBottom, title);
    painter.drawText(g.header, Qt::AlignRight | Qt::AlignBottom, when);

    const QString pageText = Report::tr("page %1 of %2").arg(page).arg(pageCount);
    const qreal pageWidth = metrics.horizontalAdvance(pageText);
    const QString left
            = metrics.elidedText(header.baseUrl.isEmpty() ? header.profileName : header.baseUrl,
                                 Qt::ElideMiddle, g.footer.width() - pageWidth - metrics.height());
    painter.drawText(g.footer, Qt::AlignLeft | Qt::AlignTop, left);
    painter.drawText(g.footer, Qt::AlignRight | Qt::AlignTop, pageText);

    QPen pen(ReportPalette::rule());
    pen.setWidthF(painter.device()->logicalDpiY() / 144.0); // half a point
    painter.setPen(pen);
    const qreal gap = metrics.descent() + pen.widthF() * 2;
    painter.drawLine(QPointF(g.header.left(), g.header.bottom() + gap),
                     QPointF(g.header.right(), g.header.bottom() + gap));
    painter.drawLine(QPointF(g.footer.left(), g.footer.top() - gap),
                     QPointF(g.footer.right(), g.footer.top() - gap));
    painter.restore();
}

void paintDocument(QPainter &painter, QTextDocument &doc, const PageGeometry &g, int docPages,
                   int &pageNumber, int pageCount, const ReportHeader &header, QPdfWriter &writer)
{
    const qreal height = g.body.height();
    for (int p = 0; p < docPages; ++p) {
        if (pageNumber > 0)
            writer.newPage();
        ++pageNumber;
        drawDecorations(painter, g, header, pageNumber, pageCount);
        painter.save();
        painter.translate(g.body.left(), g.body.top() - p * height);
        doc.drawContents(&painter, QRectF(0, p * height, g.body.width(), height));
        painter.restore();
    }
}

} // namespace

QPageSize::PageSizeId PdfReportWriter::defaultPageSize(const QLocale &locale)
{
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
        return QPageSize::Letter;
    default:
        return QPageSize::A4;
    }
}

QPageSize::PageSizeId PdfReportWriter::pageSize() const
{
    return m_options.pageSize.value_or(defaultPageSize(m_options.locale));
}

ExportResult PdfReportWriter::write(const ExportInput &input, QIODevice &device,
                                    const ExportProgress &progress)
{
    const int jobs = int(input.jobs.size());
    const bool full = m_options.layout == ReportLayout::Full;
    const int total = full ? 2 * jobs : jobs;
    if (!reportProgress(progress, 0, total))
        return ExportResult::cancelled();
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return ExportResult::failed(
                QStringLiteral("a PDF report needs a QGuiApplication in this process"));

    const QDateTime now = effectiveExportedAt(input);
    const ReportHeader header = ReportHeader::build(input, now);
    const QLocale &locale = m_options.locale;

    QPdfWriter writer(&device);
    setUpWriter(writer, m_options.resolution, pageSize());
    writer.setTitle(header.title);
    writer.setCreator(QStringLiteral("batchwatch " BATCHWATCH_VERSION));

    const PageGeometry geometry = pageGeometry(writer);
    const DocumentFactory factory(writer, geometry.body.size());

    // The job documents: the first ones are kept from pass 1 for pass 2 (about 130 KiB each);
    // beyond that budget (Options::keptDocuments) they are laid out again, so that ten thousand
    // jobs do not need a gigabyte. The workers start on pass 1 at once, while this thread
    // builds the summary.
    // Documents made ahead of the painter in pass 2 (about 280 KiB each with their glyphs).
    constexpr int kWindow = 64;
    const int jobPages = full ? jobs : 0; // jobs that get pages of their own
    const int threads = m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount();
    ParallelDocuments::Setup setup;
    setup.input = &input;
    setup.now = now;
    setup.locale = locale;
    setup.resolution = m_options.resolution;
    setup.pageSize = pageSize();
    setup.body = geometry.body.size();
    setup.painted = &writer;
    setup.jobs = jobPages;
    setup.kept = std::max(m_options.keptDocuments, 0);
    setup.window = kWindow;
    ParallelDocuments documents(setup, std::clamp(threads - 1, 0, std::max(jobPages - 1, 0)));
    const JobDocuments own(input, now, locale, writer, geometry.body.size());

    QList<ReportSummary> summaries;
    summaries.reserve(jobs);
    for (int i = 0; i < jobs; ++i) {
        summaries.append(ReportSummary::build(input.jobs.at(i), i + 1, now, locale));
        // The summary report is the table only: its progress is the rows.
        if (!full && i % 64 == 63 && !reportProgress(progress, i + 1, total))
            return ExportResult::cancelled();
    }
    const SummaryTable table(summaries, &writer, geometry.body.width());
    const auto head = factory.make(summaryHeadHtml(header));
    const qreal headHeight = head->documentLayout()->documentSize().height();
    const qreal gap = geometry.body.height() / 100;
    const QList<SummaryChunk> chunks
            = jobs == 0 ? QList<SummaryChunk>{{0, 0}}
                        : paginateSummary(table, jobs, geometry.body.height() - headHeight - gap,
                                          geometry.body.height());

    // Pass 1: lay every job's pages out to learn the page count.
    if (!documents.countPages(own, [&](int done) { return reportProgress(progress, done, total); }))
        return ExportResult::cancelled();
    int pageCount = int(chunks.size());
    for (int i = 0; i < jobPages; ++i)
        pageCount += documents.pages(i);

    // Pass 2: paint.
    QPainter painter;
    if (!painter.begin(&writer))
        return ExportResult::failed(QStringLiteral("the PDF writer could not start"));
    int pageNumber = 0;
    for (qsizetype c = 0; c < chunks.size(); ++c) {
        if (pageNumber > 0)
            writer.newPage();
        ++pageNumber;
        drawDecorations(painter, geometry, header, pageNumber, pageCount);
        QPointF origin = geometry.body.topLeft();
        if (c == 0) {
            painter.save();
            painter.translate(origin);
            head->drawContents(&painter, QRectF(QPointF(0, 0), geometry.body.size()));
            painter.restore();
            origin.ry() += headHeight + gap;
        }
        if (chunks.at(c).count > 0)
            table.paint(painter, origin, chunks.at(c).first, chunks.at(c).count);
    }
    for (int i = 0; i < jobPages; ++i) {
        std::unique_ptr<QTextDocument> doc = documents.take(i, own);
        paintDocument(painter, *doc, geometry, documents.pages(i), pageNumber, pageCount, header,
                      writer);
        doc.reset();
        if (!reportProgress(progress, jobs + i + 1, total)) {
            painter.end();
            return ExportResult::cancelled();
        }
    }
    if (!painter.end())
        return ExportResult::failed(QStringLiteral("the PDF writer could not finish"));
    if (!full && !reportProgress(progress, total, total))
        return ExportResult::cancelled();
    return ExportResult::written(jobs);
}

} // namespace bw

#include "pdfreport.moc"
