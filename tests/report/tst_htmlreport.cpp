#include "exporter.h"
#include "exportsamples.h"
#include "htmlreport.h"
#include "reportpalette.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;

namespace {

QString titleOf(const ExportJob &job)
{
    const Job &j = job.watched.job;
    if (j.jobName && !j.jobName->isEmpty())
        return *j.jobName;
    return job.watched.identifier.section(u'/', -1);
}

QString report(const ExportInput &input,
               HtmlReportWriter::ChartFormat charts = HtmlReportWriter::ChartFormat::Svg)
{
    return HtmlReportWriter(HtmlReportWriter::Options{QLocale::c(), charts}).toHtml(input);
}

// The text of the job section with this anchor.
QString section(const QString &html, int index)
{
    const QString open = QStringLiteral("<section class=\"job\" id=\"job-%1\">").arg(index);
    const qsizetype from = html.indexOf(open);
    if (from < 0)
        return {};
    return html.mid(from, html.indexOf(QStringLiteral("</section>"), from) - from);
}

} // namespace

class tst_HtmlReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesEveryJobName();
    void escapesAttributeValues();
    void neverLoadsAnythingFromOutside();
    void listsEveryJobInTheSummaryAndGivesEachASection();
    void embedsATimelineChartPerJob();
    void embedsPngDataUrisWhenAsked();
    void startsEachJobOnANewPageWhenPrinted();
    void colourCodesStatusWithTheReportPaletteAndText();
    void preWrapsMultiLineMessages();
    void saysWhatTheGatewayDidNotReport();
    void showsVpcStatesHonestly();
    void showsHistoryProgressAndConfiguration();
    void neverContainsThePlantedSecret();
    void writesTheSameBytesThroughTheExporter();
    void countsJobsInTheHeaderInEnglish_data();
    void countsJobsInTheHeaderInEnglish();
    void laysFieldsOutInTwoColumnsWithIdentifiersOnWholeRows();
};

void tst_HtmlReport::escapesEveryJobName()
{
    const ExportInput input = test::sampleInput();
    const QString html = report(input);
    for (const ExportJob &job : input.jobs) {
        const QString name = titleOf(job);
        // Summary link and section heading.
        QVERIFY2(html.count(u'>' + name.toHtmlEscaped() + u'<') >= 2, qPrintable(name));
    }
    QVERIFY(html.contains(
            QStringLiteral("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends")));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<b>bold")));
    QVERIFY(!html.contains(QStringLiteral("<img src=\"http")));
    // The profile name in <title> and the header.
    QVERIFY(html.contains(QStringLiteral("<title>batchwatch report \u2014 Team &lt;prod&gt; &amp; "
                                         "&quot;staging&quot;</title>")));
}

void tst_HtmlReport::escapesAttributeValues()
{
    ExportInput input = test::sampleInput();
    input.jobs.first().watched.identifier = QStringLiteral("x\" onmouseover=\"alert(1)");
    const QString html = report(input);
    QVERIFY(!html.contains(QStringLiteral("onmouseover=\"")));
    QVERIFY(html.contains(QStringLiteral("title=\"x&quot; onmouseover=&quot;alert(1)\"")));
}

void tst_HtmlReport::neverLoadsAnythingFromOutside()
{
    for (const auto charts :
         {HtmlReportWriter::ChartFormat::Svg, HtmlReportWriter::ChartFormat::Png}) {
        const QString html = report(test::sampleInput(), charts);
        // Any src/href/action with a scheme or a protocol-relative URL, except data: URIs.
        static const QRegularExpression reference(
                QStringLiteral("\\b(?:src|href|action|srcset|xlink:href)\\s*=\\s*[\"']?\\s*"
                               "([a-z][a-z0-9+.\\-]*:|//)"),
                QRegularExpression::CaseInsensitiveOption);
        auto it = reference.globalMatch(html);
        while (it.hasNext()) {
            const auto m = it.next();
            QCOMPARE(m.captured(1).toLower(), QStringLiteral("data:"));
        }
        QVERIFY(!html.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<iframe"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("@import")));
        QVERIFY(!html.contains(QStringLiteral("url(")));
        QVERIFY(!html.contains(QStringLiteral("xmlns")));
        // Internal links only point at sections of the document.
        static const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
        auto links = href.globalMatch(html);
        while (links.hasNext())
            QVERIFY(links.next().captured(1).startsWith(u'#'));
    }
}

void tst_HtmlReport::listsEveryJobInTheSummaryAndGivesEachASection()
{
    const ExportInput input = test::sampleInput();
    const QString html = report(input);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
    QCOMPARE(html.count(QStringLiteral("<section class=\"job\"")), input.jobs.size());
    for (int i = 1; i <= input.jobs.size(); ++i) {
        QCOMPARE(html.count(QStringLiteral("href=\"#job-%1\"").arg(i)), 1);
        QVERIFY(!section(html, i).isEmpty());
        const QString name = titleOf(input.jobs.at(i - 1)).toHtmlEscaped();
        QVERIFY(section(html, i).contains(QStringLiteral("<h2>") + name + QStringLiteral("</h2>")));
    }
    // Summary columns.
    for (const char *column : {"Name", "Job id", "Status", "Progress", "Submitted", "Duration"})
        QVERIFY(html.contains(QStringLiteral("<th>%1</th>").arg(QLatin1StringView(column))));
    // A running job's progress and duration, a finished job's duration.
    QVERIFY(html.contains(QStringLiteral("11842 / 25000 (47.4 %)")));
    QVERIFY(html.contains(QStringLiteral("3 h 35 min"))); // 09:26:53 -> 13:02:17
}

void tst_HtmlReport::embedsATimelineChartPerJob()
{
    const ExportInput input = test::sampleInput();
    const QString html = report(input);
    // Every sample job has at least one known instant.
    QCOMPARE(html.count(QStringLiteral("<svg class=\"timeline\"")), input.jobs.size());
    const QString completed = section(html, 1);
    QVERIFY(completed.contains(
            QStringLiteral("<title>Timeline of claims-summaries-2025-03-14</title>")));
    QVERIFY(completed.contains(QStringLiteral("submitted: 2025-03-14 09:26:53 UTC")));
    QVERIFY(completed.contains(QStringLiteral("ended: 2025-03-14 13:02:17 UTC")));
    QVERIFY(completed.contains(QStringLiteral("not observed")));

    ExportJob timeless;
    timeless.watched.identifier = QStringLiteral("t1meless0001");
    ExportInput single;
    single.jobs = {timeless};
    single.exportedAt = test::exportedAt();
    QVERIFY(report(single).contains(QStringLiteral("No time is known for this job yet.")));
}

void tst_HtmlReport::embedsPngDataUrisWhenAsked()
{
    const ExportInput input = test::sampleInput();
    const QString html = report(input, HtmlReportWriter::ChartFormat::Png);
    QVERIFY(!html.contains(QStringLiteral("<svg")));
    static const QRegularExpression img(
            QStringLiteral("<img class=\"timeline\" width=\"720\" height=\"104\" alt=\"[^\"]*\" "
                           "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">"));
    auto it = img.globalMatch(html);
    int images = 0;
    while (it.hasNext()) {
        const QImage image
                = QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()));
        QCOMPARE(image.size(), QSize(1440, 208));
        ++images;
    }
    QCOMPARE(images, input.jobs.size());
    QVERIFY(HtmlReportWriter(
                    HtmlReportWriter::Options{QLocale::c(), HtmlReportWriter::ChartFormat::Png})
                    .needsGuiApplication());
    QVERIFY(!HtmlReportWriter().needsGuiApplication());
}

void tst_HtmlReport::startsEachJobOnANewPageWhenPrinted()
{
    const QString html = report(test::sampleInput());
    const qsizetype print = html.indexOf(QStringLiteral("@media print{"));
    QVERIFY(print > 0);
    const QString printCss = html.mid(print, html.indexOf(QStringLiteral("</style>")) - print);
    QVERIFY(printCss.contains(QStringLiteral(".job{break-before:page;page-break-before:always")));
    QVERIFY(printCss.contains(QStringLiteral("thead{display:table-header-group}")));
    QVERIFY(html.contains(QStringLiteral("@page{margin:15mm}")));
}

void tst_HtmlReport::colourCodesStatusWithTheReportPaletteAndText()
{
    const QString html = report(test::sampleInput());
    const StatusColors running = ReportPalette::forGroup(StatusGroup::Running);
    QVERIFY(html.contains(
            QStringLiteral(".s-running{background:%1;color:%2;border-color:%3}")
                    .arg(running.tint.name(), running.ink.name(), running.strong.name())));
    QVERIFY(html.contains(QStringLiteral("<span class=\"badge s-running\">InProgress</span>")));
    QVERIFY(html.contains(QStringLiteral("<span class=\"badge s-failed\">Failed</span>")));
    // A native status keeps its raw text, in its group's colours.
    QVERIFY(html.contains(QStringLiteral("<span class=\"badge s-running\">finalizing</span>")));
    // Band colours in the SVG are the palette's.
    QVERIFY(html.contains(QStringLiteral("fill=\"%1\"").arg(running.strong.name())));
}

void tst_HtmlReport::preWrapsMultiLineMessages()
{
    const QString html = report(test::sampleInput());
    QVERIFY(html.contains(QStringLiteral("pre.message{white-space:pre-wrap")));
    QVERIFY(html.contains(QStringLiteral("<pre class=\"message\">line one, with comma\r\nline "
                                         "&quot;two&quot;\nline three</pre>")));
    QVERIFY(html.contains(
            QStringLiteral("<pre class=\"message\">&lt;b&gt;bold?&lt;/b&gt; &amp; "
                           "&lt;img src=&quot;http://evil.example/x.png&quot;&gt;</pre>")));
}

void tst_HtmlReport::saysWhatTheGatewayDidNotReport()
{
    const QString completed = section(report(test::sampleInput()), 1); // sparse retrieve body
    QVERIFY(completed.contains(QStringLiteral("<tr><th scope=\"row\">Model</th><td class=\"nr\">"
                                              "not reported by this gateway</td></tr>")));
    QVERIFY(completed.contains(QStringLiteral("Record counts: not reported by this gateway")));
    QVERIFY(completed.contains(QStringLiteral("No message.")));
}

void tst_HtmlReport::showsVpcStatesHonestly()
{
    const ExportInput input = test::sampleInput();
    const QString html = report(input);
    for (int i = 0; i < input.jobs.size(); ++i) {
        const QString s = section(html, i + 1);
        const QString id = input.jobs.at(i).watched.identifier;
        if (id.endsWith(QStringLiteral("m4n8b2v6c0xz"))) { // in a VPC
            QVERIFY(s.contains(QStringLiteral("<li class=\"mono\">sg-0123456789abcdef0</li>")));
            QVERIFY(s.contains(QStringLiteral("<li class=\"mono\">subnet-0fedcba9876543210</li>")));
        } else if (id.endsWith(QStringLiteral("z0y9x8w7v6u5"))) { // "vpcConfig": {}
            QVERIFY(s.contains(QStringLiteral("<p>Not in a VPC.</p>")));
        } else if (id == QStringLiteral("k3x9p2m7q1ab")) { // full AWS body without vpcConfig
            QVERIFY(s.contains(QStringLiteral("<p>Not in a VPC.</p>")));
        } else if (id.endsWith(QStringLiteral("/k3x9p2m7q1ab"))) { // sparse body
            const QString vpc = s.mid(s.indexOf(QStringLiteral("<h3>VPC</h3>")), 120);
            QVERIFY2(vpc.contains(QStringLiteral("not reported by this gateway")), qPrintable(vpc));
        }
    }
}

void tst_HtmlReport::showsHistoryProgressAndConfiguration()
{
    const ExportInput input = test::sampleInput();
    const QString html = report(input);
    qsizetype index = -1;
    for (qsizetype i = 0; i < input.jobs.size(); ++i) {
        if (input.jobs.at(i).watched.identifier.endsWith(QStringLiteral("m4n8b2v6c0xz")))
            index = i;
    }
    QVERIFY(index >= 0);
    const QString s = section(html, int(index) + 1);
    for (const char *text :
         {"<h3>Fields</h3>", "<h3>Progress</h3>", "<h3>Timeline</h3>", "<h3>VPC</h3>",
          "<h3>Configuration</h3>", "<h3>History</h3>", "<h3>Message</h3>"})
        QVERIFY2(s.contains(QLatin1StringView(text)), text);
    // Section order as documented.
    QVERIFY(s.indexOf(QStringLiteral("<h3>Fields")) < s.indexOf(QStringLiteral("<h3>Progress")));
    QVERIFY(s.indexOf(QStringLiteral("<h3>History")) < s.indexOf(QStringLiteral("<h3>Message")));
    QVERIFY(s.contains(
            QStringLiteral("<tr><th scope=\"row\">Total records</th><td>25000</td></tr>")));
    QVERIFY(s.contains(QStringLiteral("<tr><th scope=\"row\">Failed</th><td>52</td></tr>")));
    QVERIFY(s.contains(QStringLiteral("<tr><th scope=\"row\">Progress</th><td>47.4 %</td></tr>")));
    QVERIFY(s.contains(QStringLiteral("s3://acme-batch-out/tickets/0314/")));
    QVERIFY(s.contains(QStringLiteral(
            "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d")));
    // History rows: first has no "from", later ones show the time spent in the previous status.
    QVERIFY(s.contains(QStringLiteral("<tr><td>\u2014</td><td><span class=\"badge s-queued\">"
                                      "Submitted</span></td>")));
    QVERIFY(s.contains(QStringLiteral("<td>Submitted</td><td><span class=\"badge s-queued\">"
                                      "Validating</span></td>")));
    QCOMPARE(s.count(QStringLiteral("<tr><td>")), input.jobs.at(index).history.size());
}

void tst_HtmlReport::neverContainsThePlantedSecret()
{
    for (const auto charts :
         {HtmlReportWriter::ChartFormat::Svg, HtmlReportWriter::ChartFormat::Png}) {
        const QString html = report(test::sampleInput(), charts);
        QVERIFY(!html.contains(test::plantedSecret()));
        QVERIFY(!html.contains(QStringLiteral("alice")));
        QVERIFY(html.contains(test::sanitisedSecretBaseUrl()));
        // The network error that quoted the URL is shown, redacted.
        QVERIFY(html.contains(
                QStringLiteral("Last poll failed: Could not reach the gateway: Error "
                               "transferring https://gw.example.invalid:8443/bifrost")));
    }
}

void tst_HtmlReport::writesTheSameBytesThroughTheExporter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.html"));
    ExportOptions options;
    options.locale = QLocale::c();
    const ExportInput input = test::sampleInput();
    const ExportResult r = Exporter(options).run(input, ExportFormat::Html, path);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    const auto readBack = [&path] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QCOMPARE(readBack(), report(input).toUtf8());

    // Cancelled halfway: the report written above survives.
    const ExportResult cancelled = Exporter(options).run(
            test::sampleInput(), ExportFormat::Html, path, [](int done, int) { return done < 3; });
    QCOMPARE(cancelled.outcome, ExportResult::Outcome::Cancelled);
    QCOMPARE(readBack(), report(input).toUtf8());
}

void tst_HtmlReport::countsJobsInTheHeaderInEnglish_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<QString>("text");
    const int all = int(test::sampleInput().jobs.size());
    QTest::newRow("none") << 0 << QStringLiteral("0 jobs");
    QTest::newRow("one") << 1 << QStringLiteral("1 job");
    QTest::newRow("two") << 2 << QStringLiteral("2 jobs");
    QTest::newRow("all") << all << QStringLiteral("%1 jobs").arg(all);
}

void tst_HtmlReport::countsJobsInTheHeaderInEnglish()
{
    QFETCH(int, jobs);
    QFETCH(QString, text);
    ExportInput input = test::sampleInput();
    QVERIFY(input.jobs.size() >= jobs);
    input.jobs.resize(jobs);
    const QString html = report(input);
    // The last item of the header's meta line.
    QVERIFY2(html.contains(QStringLiteral(" &middot; ") + text + QStringLiteral("</p>")),
             qPrintable(text));
    QVERIFY(!html.contains(QStringLiteral("(s)")));
}

void tst_HtmlReport::laysFieldsOutInTwoColumnsWithIdentifiersOnWholeRows()
{
    ExportInput input;
    input.profileName = QStringLiteral("grid");
    input.exportedAt = test::exportedAt();
    input.jobs = test::syntheticJobs(1);
    const QString html = report(input);
    const QString s = section(html, 1);
    const Job &job = input.jobs.first().watched.job;

    // The name heads the fields, then the identifiers on whole rows, then short fields paired.
    const QString fields = s.mid(s.indexOf(QStringLiteral("<h3>Fields</h3>")));
    const qsizetype name
            = fields.indexOf(QStringLiteral("<tr class=\"wide\"><th scope=\"row\">Name</th>"));
    const qsizetype arn = fields.indexOf(
            QStringLiteral("<tr class=\"wide\"><th scope=\"row\">Job ARN</th><td class=\"mono\">")
            + *job.jobArn + QStringLiteral("</td></tr>"));
    const qsizetype status = fields.indexOf(QStringLiteral("<tr><th scope=\"row\">Status</th>"));
    const qsizetype submitted
            = fields.indexOf(QStringLiteral("<tr><th scope=\"row\">Submitted</th>"));
    QVERIFY(name >= 0);
    QVERIFY(name < arn);
    QVERIFY(arn < status);
    QVERIFY(status < submitted);
    // Configuration: URIs on whole rows.
    QVERIFY(s.contains(QStringLiteral("<tr class=\"wide\"><th scope=\"row\">S3 URI</th><td "
                                      "class=\"mono\">")
                       + job.inputDataConfig->s3Uri.value_or(QString())));

    // The two columns, long identifiers wrapping instead of overflowing, a compact print.
    for (const char *rule :
         {"table.fields tbody{display:grid;grid-template-columns:repeat(2,minmax(0,1fr))",
          "table.fields tr.wide{grid-column:1/-1", "table.fields td{overflow-wrap:anywhere}",
          "overflow-wrap:anywhere}"})
        QVERIFY2(html.contains(QLatin1StringView(rule)), rule);
    const qsizetype print = html.indexOf(QStringLiteral("@media print{"));
    const QString printCss = html.mid(print, html.indexOf(QStringLiteral("</style>")) - print);
    QVERIFY(printCss.contains(QStringLiteral("th,td{padding:1px 6px}")));
}

QTEST_MAIN(tst_HtmlReport)
#include "tst_htmlreport.moc"
