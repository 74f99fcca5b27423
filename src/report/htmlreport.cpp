#include "htmlreport.h"

#include "reportcontent.h"
#include "reportpalette.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QIODevice>

#include <functional>

namespace bw {

namespace {

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

QString groupClass(StatusGroup group)
{
    return QStringLiteral("s-") + Status::groupKey(group);
}

QString badge(const QString &status, StatusGroup group)
{
    return QStringLiteral("<span class=\"badge %1\">%2</span>").arg(groupClass(group), esc(status));
}

QString styleSheet()
{
    using namespace ReportPalette;
    QString css
            = QStringLiteral(
                      ":root{color-scheme:light}"
                      "body{font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica "
                      "Neue\","
                      "Arial,\"DejaVu Sans\",sans-serif;color:%1;background:#fff;margin:0 auto;"
                      "max-width:1040px;padding:24px}"
                      "h1{font-size:22px;margin:0 0 4px}"
                      "h2{font-size:18px;margin:0 0 6px;overflow-wrap:anywhere}"
                      "h3{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:%2;"
                      "margin:20px 0 6px;padding-bottom:2px;border-bottom:1px solid %3}"
                      "h4{font-size:13px;margin:10px 0 4px}"
                      "p{margin:4px 0}"
                      ".meta{color:%2;margin:0 0 14px}"
                      "table{border-collapse:collapse;width:100%}"
                      "th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px "
                      "solid %4}"
                      "thead th{background:%5;border-bottom:1px solid %3;font-weight:600}"
                      // Field tables flow into two columns, label and value twice per line;
                      // "wide" rows (identifiers, long text) span both. Grid keeps the rows'
                      // order and aligns every label column.
                      "table.fields,table.fields tbody{display:block}"
                      "table.fields tbody{display:grid;grid-template-columns:"
                      "repeat(2,minmax(0,1fr));column-gap:24px}"
                      "table.fields tr{display:grid;grid-template-columns:minmax(0,2fr) "
                      "minmax(0,3fr)}"
                      "table.fields tr.wide{grid-column:1/-1;grid-template-columns:"
                      "calc((100% - 24px) / 5) minmax(0,1fr)}"
                      "table.fields th{font-weight:600;overflow-wrap:anywhere}"
                      "table.fields td{overflow-wrap:anywhere}"
                      "@media (max-width:640px){table.fields tbody{grid-template-columns:"
                      "minmax(0,1fr)}table.fields tr.wide{grid-template-columns:minmax(0,2fr) "
                      "minmax(0,3fr)}}"
                      "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
                      ".mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans "
                      "Mono\","
                      "monospace;font-size:12.5px;overflow-wrap:anywhere}"
                      ".nr{color:%2;font-style:italic}"
                      ".badge{display:inline-block;padding:0 8px;border:1px "
                      "solid;border-radius:9px;"
                      "font-size:12px;font-weight:600;white-space:nowrap}"
                      ".bar{display:inline-block;width:90px;height:8px;background:%6;border-radius:"
                      "4px;"
                      "overflow:hidden;vertical-align:middle;margin-right:6px}"
                      ".bar>span{display:block;height:100%}"
                      "pre.message{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:"
                      "8px;"
                      "background:#f9fafb;border:1px solid %4;font:12.5px/1.4 "
                      "ui-monospace,Menlo,Consolas,"
                      "\"DejaVu Sans Mono\",monospace}"
                      ".note{margin:8px 0;padding:6px 10px;border-left:4px solid %3;background:%5}"
                      ".job{margin-top:36px;padding-top:18px;border-top:2px solid %3}"
                      ".legend{color:%2;font-size:12px;margin:2px 0}"
                      ".legend .sw{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;"
                      "vertical-align:baseline}"
                      ".legend .sw:first-child{margin-left:0}"
                      "svg.timeline,img.timeline{display:block;width:100%;height:auto;max-width:"
                      "900px}"
                      "a{color:inherit}"
                      "ul.ids{margin:2px 0;padding:0;list-style:none}"
                      "ul.ids li{display:inline-block;margin-right:20px}")
                      .arg(text().name(), mutedText().name(), rule().name(), grid().name(),
                           headerFill().name(), barFill().name());
    for (int g = 0; g < StatusGroupCount; ++g) {
        const auto group = StatusGroup(g);
        const StatusColors c = forGroup(group);
        css += QStringLiteral(".%1{background:%2;color:%3;border-color:%4}"
                              ".%1 .fill,.bar>span.%1{background:%4}")
                       .arg(groupClass(group), c.tint.name(), c.ink.name(), c.strong.name());
    }
    css += QStringLiteral(".error{border-left-color:%1;background:%2}")
                   .arg(forGroup(StatusGroup::Failed).strong.name(),
                        forGroup(StatusGroup::Failed).tint.name());
    css += QStringLiteral(
            "@page{margin:15mm}"
            "@media print{"
            // Compact, so that a typical job fits on one sheet.
            "body{max-width:none;padding:0;font-size:9pt;line-height:1.3}"
            "h1{font-size:16pt}h2{font-size:13pt;margin:0 0 2px}"
            "h3{font-size:8pt;margin:8px 0 3px}h4{font-size:9pt;margin:4px 0 1px}"
            ".meta{margin:0 0 6px}th,td{padding:1px 6px}"
            ".mono,pre.message{font-size:8pt}.badge,.legend{font-size:8pt}"
            "pre.message{padding:4px 6px}.note{margin:4px 0;padding:3px 8px}"
            "svg.timeline,img.timeline{max-width:none}"
            ".job{break-before:page;page-break-before:always;border-top:none;margin-top:0;"
            "padding-top:0}"
            "thead{display:table-header-group}"
            "tr,svg.timeline,img.timeline{break-inside:avoid;page-break-inside:avoid}"
            "h2,h3,h4{break-after:avoid;page-break-after:avoid}"
            "a{text-decoration:none}"
            "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
            "}");
    return css;
}

QString fieldRow(const ReportJob::Field &f, bool wide)
{
    QString out = wide ? QStringLiteral("<tr class=\"wide\">") : QStringLiteral("<tr>");
    out += QStringLiteral("<th scope=\"row\">") + esc(f.label) + QStringLiteral("</th>");
    if (!f.reported)
        out += QStringLiteral("<td class=\"nr\">") + esc(ReportText::notReported());
    else if (f.monospace)
        out += QStringLiteral("<td class=\"mono\">") + esc(f.value);
    else
        out += QStringLiteral("<td>") + esc(f.value);
    return out + QStringLiteral("</td></tr>");
}

// How a field table is laid out. Its rows flow into two columns (CSS grid, see styleSheet()),
// "wide" rows span both: identifiers, ARNs, URIs and long text.
enum class Packing {
    // The first field (the name) and the reported identifiers first, then the short fields in
    // order: a job's fields pair up as status and invocation type, submitted and last
    // modified, ended and expires, ...
    WideFirst,
    // In order, wide rows where they come (a rate, an estimate after the counts).
    InOrder,
};

QString fieldTable(const QList<ReportJob::Field> &fields, Packing packing)
{
    QString out = QStringLiteral("<table class=\"fields\"><tbody>");
    if (packing == Packing::WideFirst) {
        QString rest;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const ReportJob::Field &f = fields.at(i);
            if (i == 0 || (f.reported && f.monospace))
                out += fieldRow(f, true);
            else
                rest += fieldRow(f, false);
        }
        out += rest;
    } else {
        for (const ReportJob::Field &f : fields)
            out += fieldRow(f, f.reported && (f.monospace || f.value.size() > 32));
    }
    return out + QStringLiteral("</tbody></table>");
}

QString progressBar(const std::optional<double> &fraction, StatusGroup group)
{
    if (!fraction)
        return {};
    return QStringLiteral("<span class=\"bar\" aria-hidden=\"true\"><span class=\"%1\" "
                          "style=\"width:%2%\"></span></span>")
            .arg(groupClass(group), QString::number(*fraction * 100.0, 'f', 1));
}

QString idList(const QStringList &ids)
{
    if (ids.isEmpty())
        return QStringLiteral("<p class=\"nr\">") + esc(Report::tr("none"))
               + QStringLiteral("</p>");
    QString out = QStringLiteral("<ul class=\"ids\">");
    for (const QString &id : ids)
        out += QStringLiteral("<li class=\"mono\">") + esc(id) + QStringLiteral("</li>");
    return out + QStringLiteral("</ul>");
}

class HtmlBuilder
{
public:
    HtmlBuilder(const HtmlReportWriter::Options &options, const ExportInput &input)
        : m_options(options)
        , m_input(input)
        , m_now(effectiveExportedAt(input))
        , m_header(ReportHeader::build(input, m_now))
        , m_redactor(input.baseUrl)
    {}

    QString head() const
    {
        //: The language code of this translation (BCP 47, e.g. "de"), for <html lang="…">
        const QString language = Report::tr("en");
        QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%4\">\n<head>\n"
                                     "<meta charset=\"utf-8\">\n"
                                     "<meta name=\"viewport\" content=\"width=device-width, "
                                     "initial-scale=1\">\n"
                                     "<meta name=\"generator\" content=\"batchwatch %1\">\n"
                                     "<title>%2</title>\n<style>%3</style>\n</head>\n<body>\n")
                              .arg(QStringLiteral(BATCHWATCH_VERSION), esc(m_header.title),
                                   styleSheet(), esc(language));
        out += QStringLiteral("<header>\n<h1>") + esc(m_header.title) + QStringLiteral("</h1>\n");
        out += QStringLiteral("<p class=\"meta\">");
        QStringList meta;
        meta << esc(Report::tr("Profile: %1")
                            .arg(m_header.profileName.isEmpty() ? Report::tr("(unnamed)")
                                                                : m_header.profileName));
        if (!m_header.baseUrl.isEmpty())
            meta << esc(Report::tr("Gateway:")) + QStringLiteral(" <span class=\"mono\">")
                            + esc(m_header.baseUrl) + QStringLiteral("</span>");
        meta << esc(Report::tr("Exported %1").arg(m_header.exportedAt));
        meta << esc(jobCountText(m_header.jobCount));
        out += meta.join(QStringLiteral(" &middot; ")) + QStringLiteral("</p>\n");
        if (!m_header.groupCounts.isEmpty()) {
            out += QStringLiteral("<p class=\"meta\">");
            QStringList counts;
            for (const auto &[group, n] : m_header.groupCounts)
                counts << badge(QStringLiteral("%1 %2").arg(n).arg(ReportText::groupName(group)),
                                group);
            out += counts.join(u' ') + QStringLiteral("</p>\n");
        }
        out += QStringLiteral("</header>\n");
        return out;
    }

    QString summaryStart() const
    {
        return QStringLiteral("<section class=\"summary\">\n<h3>%1</h3>\n<table>\n<thead><tr>"
                              "<th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th>"
                              "<th>%7</th></tr></thead>\n<tbody>\n")
                .arg(esc(Report::tr("Summary")), esc(Report::tr("Name")), esc(Report::tr("Job id")),
                     esc(Report::tr("Status")), esc(Report::tr("Progress")),
                     esc(Report::tr("Submitted")), esc(Report::tr("Duration")));
    }

    // `link`: the name links to the job's own section (the full report has one).
    QString summaryRow(const ReportSummary &s, bool link) const
    {
        QString row = link ? QStringLiteral("<tr><td><a href=\"#%1\">%2</a></td>")
                                      .arg(esc(s.anchor), esc(s.title))
                           : QStringLiteral("<tr><td>") + esc(s.title) + QStringLiteral("</td>");
        row += QStringLiteral("<td class=\"mono\" title=\"%1\">%2</td>")
                       .arg(esc(s.identifier), esc(s.shortId));
        row += QStringLiteral("<td>") + badge(s.status, s.group) + QStringLiteral("</td>");
        row += QStringLiteral("<td>") + progressBar(s.progressFraction, s.group)
               + esc(s.progressText) + QStringLiteral("</td>");
        row += QStringLiteral("<td>") + esc(s.submitted) + QStringLiteral("</td>");
        row += QStringLiteral("<td>") + esc(s.duration) + QStringLiteral("</td></tr>\n");
        return row;
    }

    static QString summaryEnd() { return QStringLiteral("</tbody>\n</table>\n</section>\n"); }

    QString jobSection(int index) const
    {
        const ReportJob j = ReportJob::build(m_input.jobs.at(index), index + 1, m_now,
                                             m_options.locale, m_redactor);
        const ReportSummary &s = j.summary;
        QString out;
        out.reserve(8192);
        out += QStringLiteral("<section class=\"job\" id=\"%1\">\n<h2>%2</h2>\n")
                       .arg(esc(s.anchor), esc(s.title));
        out += QStringLiteral("<p class=\"meta\">") + badge(s.status, s.group)
               + QStringLiteral(" <span class=\"mono\">") + esc(s.identifier)
               + QStringLiteral("</span></p>\n");
        if (j.notFound)
            out += QStringLiteral("<p class=\"note error\">")
                   + esc(Report::tr(
                           "The gateway last answered that it does not know this job (HTTP "
                           "404)."))
                   + QStringLiteral("</p>\n");
        if (!j.lastError.isEmpty())
            out += QStringLiteral("<p class=\"note error\">")
                   + esc(Report::tr("Last poll failed: %1").arg(j.lastError))
                   + QStringLiteral("</p>\n");
        if (!j.staleNote.isEmpty())
            out += QStringLiteral("<p class=\"note\">") + esc(j.staleNote)
                   + QStringLiteral("</p>\n");

        out += heading(Report::tr("Fields")) + fieldTable(j.fields, Packing::WideFirst) + u'\n';

        out += heading(Report::tr("Progress"));
        if (j.countsReported) {
            if (s.progressFraction)
                out += QStringLiteral("<p>") + progressBar(s.progressFraction, s.group)
                       + esc(s.progressText) + QStringLiteral("</p>");
            out += fieldTable(j.progress, Packing::InOrder) + u'\n';
        } else {
            out += QStringLiteral("<p class=\"nr\">")
                   + esc(Report::tr("Record counts: %1").arg(ReportText::notReported()))
                   + QStringLiteral("</p>\n");
        }

        out += heading(Report::tr("Timeline")) + timeline(j);

        out += heading(Report::tr("VPC"));
        switch (j.vpcState) {
        case VpcState::InVpc:
            out += QStringLiteral("<h4>") + esc(Report::tr("Security groups"))
                   + QStringLiteral("</h4>") + idList(j.securityGroupIds) + QStringLiteral("<h4>")
                   + esc(Report::tr("Subnets")) + QStringLiteral("</h4>") + idList(j.subnetIds)
                   + u'\n';
            break;
        case VpcState::NotInVpc:
            out += QStringLiteral("<p>") + esc(Report::tr("Not in a VPC."))
                   + QStringLiteral("</p>\n");
            break;
        case VpcState::NotReported:
            out += QStringLiteral("<p class=\"nr\">") + esc(ReportText::notReported())
                   + QStringLiteral("</p>\n");
            break;
        }

        out += heading(Report::tr("Configuration"));
        out += QStringLiteral("<h4>") + esc(Report::tr("Input")) + QStringLiteral("</h4>");
        out += j.inputReported ? fieldTable(j.inputConfig, Packing::InOrder)
                               : QStringLiteral("<p class=\"nr\">") + esc(ReportText::notReported())
                                         + QStringLiteral("</p>");
        out += QStringLiteral("<h4>") + esc(Report::tr("Output")) + QStringLiteral("</h4>");
        out += j.outputReported ? fieldTable(j.outputConfig, Packing::InOrder)
                                : QStringLiteral("<p class=\"nr\">")
                                          + esc(ReportText::notReported()) + QStringLiteral("</p>");
        out += u'\n';

        out += heading(Report::tr("History")) + history(j);

        out += heading(Report::tr("Message"));
        if (j.message && !j.message->isEmpty())
            out += QStringLiteral("<pre class=\"message\">") + esc(*j.message)
                   + QStringLiteral("</pre>\n");
        else
            out += QStringLiteral("<p class=\"nr\">") + esc(Report::tr("No message."))
                   + QStringLiteral("</p>\n");
        out += QStringLiteral("</section>\n");
        return out;
    }

    static QString tail() { return QStringLiteral("</body>\n</html>\n"); }

private:
    static QString heading(const QString &text)
    {
        return QStringLiteral("<h3>") + esc(text) + QStringLiteral("</h3>\n");
    }

    QString timeline(const ReportJob &j) const
    {
        if (j.chart.isEmpty())
            return QStringLiteral("<p class=\"nr\">")
                   + esc(Report::tr("No time is known for this job yet."))
                   + QStringLiteral("</p>\n");
        const QString alt = Report::tr("Timeline of %1").arg(j.summary.title);
        QString out;
        if (m_options.charts == HtmlReportWriter::ChartFormat::Png) {
            // Twice the CSS size: sharp on HiDPI screens and on paper.
            const QSize pixels = (j.chart.size() * 2).toSize();
            out += QStringLiteral("<img class=\"timeline\" width=\"%1\" height=\"%2\" alt=\"%3\" "
                                  "src=\"data:image/png;base64,%4\">")
                           .arg(int(j.chart.size().width()))
                           .arg(int(j.chart.size().height()))
                           .arg(esc(alt), QString::fromLatin1(j.chart.toPng(pixels).toBase64()));
        } else {
            out += j.chart.toSvg(alt);
        }
        out += u'\n';
        if (!j.bandLegend.isEmpty()) {
            out += QStringLiteral("<p class=\"legend\">");
            for (const ReportJob::LegendEntry &e : j.bandLegend) {
                const QColor c = e.observed ? ReportPalette::forGroup(e.group).strong
                                            : ReportPalette::notObserved().strong;
                out += QStringLiteral("<span class=\"sw\" style=\"background:%1\"></span>")
                               .arg(c.name())
                       + esc(e.label) + u' ';
            }
            out += QStringLiteral("</p>\n");
        }
        if (!j.markerLegend.isEmpty()) {
            QStringList parts;
            for (const auto &[name, at] : j.markerLegend)
                parts << esc(name) + QStringLiteral(": ") + esc(at);
            out += QStringLiteral("<p class=\"legend\">") + parts.join(QStringLiteral(" &middot; "))
                   + QStringLiteral("</p>\n");
        }
        return out;
    }

    static QString history(const ReportJob &j)
    {
        if (j.history.isEmpty())
            return QStringLiteral("<p class=\"nr\">")
                   + esc(Report::tr("No status change observed.")) + QStringLiteral("</p>\n");
        QString out = QStringLiteral("<table>\n<thead><tr><th>%1</th><th>%2</th><th>%3</th>"
                                     "<th>%4</th><th>%5</th></tr></thead>\n<tbody>\n")
                              .arg(esc(Report::tr("From")), esc(Report::tr("To")),
                                   esc(Report::tr("Observed at")),
                                   esc(Report::tr("Gateway's last modified")),
                                   esc(Report::tr("Time in previous status")));
        for (const ReportJob::HistoryRow &h : j.history) {
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                  "</tr>\n")
                           .arg(esc(h.from), badge(h.to, h.toGroup), esc(h.observedAt),
                                esc(h.lastModified), esc(h.timeInPrevious));
        }
        return out + QStringLiteral("</tbody>\n</table>\n");
    }

    const HtmlReportWriter::Options &m_options;
    const ExportInput &m_input;
    QDateTime m_now;
    ReportHeader m_header;
    SecretRedactor m_redactor;
};

// Streams the report to `sink` in pieces; false from the sink stops with Failed, false from
// progress with Cancelled.
ExportResult generate(const HtmlReportWriter::Options &options, const ExportInput &input,
                      const std::function<bool(const QString &)> &sink,
                      const ExportProgress &progress)
{
    const int total = int(input.jobs.size());
    if (progress && !progress(0, total))
        return ExportResult::cancelled();
    if (options.charts == HtmlReportWriter::ChartFormat::Png
        && !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return ExportResult::failed(
                QStringLiteral("PNG charts need a QGuiApplication in this process"));

    const HtmlBuilder builder(options, input);
    const QDateTime now = effectiveExportedAt(input);
    const bool full = options.layout == ReportLayout::Full;
    QString chunk = builder.head() + builder.summaryStart();
    for (int i = 0; i < total; ++i) {
        chunk += builder.summaryRow(
                ReportSummary::build(input.jobs.at(i), i + 1, now, options.locale), full);
        if (chunk.size() > 256 * 1024) {
            if (!sink(chunk))
                return ExportResult::failed({});
            chunk.clear();
        }
        // The summary report is this table only: its progress is the rows.
        if (!full && progress && !progress(i + 1, total))
            return ExportResult::cancelled();
    }
    chunk += HtmlBuilder::summaryEnd();
    if (!sink(chunk))
        return ExportResult::failed({});
    if (!full)
        return sink(HtmlBuilder::tail()) ? ExportResult::written(total) : ExportResult::failed({});
    for (int i = 0; i < total; ++i) {
        if (!sink(builder.jobSection(i)))
            return ExportResult::failed({});
        if (progress && !progress(i + 1, total))
            return ExportResult::cancelled();
    }
    if (!sink(HtmlBuilder::tail()))
        return ExportResult::failed({});
    return ExportResult::written(total);
}

} // namespace

ExportResult HtmlReportWriter::write(const ExportInput &input, QIODevice &device,
                                     const ExportProgress &progress)
{
    QString error;
    ExportResult result = generate(
            m_options, input,
            [&device, &error](const QString &piece) {
                return writeAll(device, piece.toUtf8(), &error);
            },
            progress);
    if (result.outcome == ExportResult::Outcome::Failed && result.errorString.isEmpty())
        result.errorString = error;
    return result;
}

QString HtmlReportWriter::toHtml(const ExportInput &input) const
{
    QString html;
    generate(m_options, input,
             [&html](const QString &piece) {
                 html += piece;
                 return true;
             },
             {});
    return html;
}

} // namespace bw
