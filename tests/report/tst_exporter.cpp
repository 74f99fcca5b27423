#include "exporter.h"
#include "exportsamples.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_Exporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryFormatWithoutThePlantedSecret_data();
    void writesEveryFormatWithoutThePlantedSecret();
    void createsAWriterPerFormat();
    void saysWhichFormatsNeedAGuiApplication();
    void passesOptionsToTheWriters();
};

void tst_Exporter::writesEveryFormatWithoutThePlantedSecret_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("json") << ExportFormat::Json << QByteArray("{\n    \"exportedAt\"");
    QTest::newRow("csv") << ExportFormat::Csv << QByteArray("\xEF\xBB\xBFidentifier,");
    QTest::newRow("html") << ExportFormat::Html << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << ExportFormat::Pdf << QByteArray("%PDF-");
}

void tst_Exporter::writesEveryFormatWithoutThePlantedSecret()
{
    QFETCH(ExportFormat, format);
    QFETCH(QByteArray, signature);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.") + exportFormatKey(format));
    const ExportInput input = test::sampleInput();
    int lastDone = -1;
    int lastTotal = -1;
    const ExportResult r = Exporter().run(input, format, path, [&](int done, int total) {
        lastDone = done;
        lastTotal = total;
        return true;
    });
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.jobCount, input.jobs.size());
    QCOMPARE(lastDone, lastTotal);
    QVERIFY(lastTotal >= input.jobs.size());

    const QByteArray bytes = readAll(path);
    QCOMPARE(r.bytes, bytes.size());
    QVERIFY(bytes.startsWith(signature));
    const QByteArray secret = test::plantedSecret().toUtf8();
    QVERIFY(!bytes.contains(secret));
    QVERIFY(!bytes.contains(QUrl::toPercentEncoding(test::plantedSecret())));

    if (format == ExportFormat::Pdf) {
        // PDF text is compressed: look at what a reader extracts.
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext is not installed");
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray text = p.readAllStandardOutput();
        QVERIFY(text.contains(test::sanitisedSecretBaseUrl().toUtf8()));
        QVERIFY(!text.contains(secret));
    } else if (format != ExportFormat::Csv) { // CSV carries no profile
        QVERIFY(bytes.contains(test::sanitisedSecretBaseUrl().toUtf8()));
    }
}

void tst_Exporter::createsAWriterPerFormat()
{
    const Exporter exporter;
    for (const ExportFormat f : exportFormats()) {
        const auto writer = exporter.createWriter(f);
        QVERIFY(writer);
        QCOMPARE(writer->format(), f);
    }
}

void tst_Exporter::saysWhichFormatsNeedAGuiApplication()
{
    QVERIFY(!Exporter().needsGuiApplication(ExportFormat::Json));
    QVERIFY(!Exporter().needsGuiApplication(ExportFormat::Csv));
    QVERIFY(!Exporter().needsGuiApplication(ExportFormat::Html));
    QVERIFY(Exporter().needsGuiApplication(ExportFormat::Pdf));
    ExportOptions png;
    png.htmlCharts = HtmlReportWriter::ChartFormat::Png;
    QVERIFY(Exporter(png).needsGuiApplication(ExportFormat::Html));
}

void tst_Exporter::passesOptionsToTheWriters()
{
    QTemporaryDir dir;
    ExportOptions options;
    options.jsonIndented = false;
    options.csvByteOrderMark = false;
    options.htmlCharts = HtmlReportWriter::ChartFormat::Png;
    options.locale = QLocale(QStringLiteral("de_DE"));
    const Exporter exporter(options);
    const ExportInput input = test::sampleInput();

    const QString json = dir.filePath(QStringLiteral("a.json"));
    QVERIFY(exporter.run(input, ExportFormat::Json, json).ok());
    QCOMPARE(readAll(json).count('\n'), 0);
    QVERIFY(QJsonDocument::fromJson(readAll(json)).isObject());

    const QString csv = dir.filePath(QStringLiteral("a.csv"));
    QVERIFY(exporter.run(input, ExportFormat::Csv, csv).ok());
    QVERIFY(readAll(csv).startsWith("identifier,"));

    const QString html = dir.filePath(QStringLiteral("a.html"));
    QVERIFY(exporter.run(input, ExportFormat::Html, html).ok());
    const QByteArray page = readAll(html);
    QVERIFY(page.contains("data:image/png;base64,"));
    QVERIFY(page.contains("11.842 / 25.000 (47,4 %)")); // German number formatting
}

QTEST_MAIN(tst_Exporter)
#include "tst_exporter.moc"
