#include "export/csvexporter.h"
#include "exportsamples.h"

#include <QBuffer>
#include <QStringDecoder>
#include <QtTest>

using namespace bw;

namespace {

// A strict RFC 4180 reader: records end in CRLF (the last one too), fields are either plain
// (no '"', CR or LF) or quoted with doubled inner quotes. Anything else is an error.
struct Csv
{
    QList<QStringList> records;
    QString error; // empty when the text is valid
};

Csv parseCsv(const QString &text)
{
    Csv csv;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto fail = [&csv, &i](const char *why) {
        csv.error = QStringLiteral("%1 at offset %2").arg(QLatin1StringView(why)).arg(i);
        return csv;
    };
    while (i < n) {
        field.clear();
        if (text.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return fail("unterminated quoted field");
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r') {
                if (text.at(i) == u'"' || text.at(i) == u'\n')
                    return fail("quote or bare LF in an unquoted field");
                field += text.at(i++);
            }
        }
        record.append(field);
        if (i >= n)
            return fail("record not terminated by CRLF");
        if (text.at(i) == u',') {
            ++i;
            if (i >= n)
                return fail("text ends after a comma");
            continue;
        }
        if (text.at(i) == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
            i += 2;
            csv.records.append(record);
            record.clear();
            continue;
        }
        return fail("garbage after a field");
    }
    return csv;
}

QByteArray exportBytes(const ExportInput &input, CsvExporter::Options options = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    CsvExporter writer(options);
    const ExportResult r = writer.write(input, buffer);
    if (!r.ok())
        qWarning("export failed: %s", qPrintable(r.errorString));
    return bytes;
}

// Decodes strictly: invalid UTF-8 leaves a decoder error.
QString decodeUtf8(const QByteArray &bytes, bool *ok)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    *ok = !decoder.hasError();
    return text;
}

Csv exportCsv(const ExportInput &input)
{
    const QByteArray bytes = exportBytes(input);
    bool ok = false;
    QString text = decodeUtf8(bytes.mid(3), &ok); // after the BOM
    Csv csv = parseCsv(text);
    if (!ok)
        csv.error = QStringLiteral("not UTF-8");
    return csv;
}

QStringList rowOf(const Csv &csv, const QString &identifier)
{
    for (const QStringList &r : csv.records) {
        if (!r.isEmpty() && r.first() == identifier)
            return r;
    }
    return {};
}

QString cell(const Csv &csv, const QString &identifier, const char *column)
{
    const qsizetype c = csv.records.first().indexOf(QLatin1StringView(column));
    return rowOf(csv, identifier).value(c);
}

} // namespace

class tst_CsvExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theTestParserRejectsMalformedCsv_data();
    void theTestParserRejectsMalformedCsv();
    void startsWithBomAndTheDocumentedHeader();
    void omitsTheBomWhenAsked();
    void writesOneRfc4180RecordPerJob();
    void writesDocumentedValuesForAnAwsNativeJob();
    void leavesAbsentValuesEmpty();
    void keepsDelimitersQuotesAndNewlinesInsideFields();
    void neutralisesFormulaCells_data();
    void neutralisesFormulaCells();
    void neutralisesFormulaCellsInTheFile();
    void quotesOnlyWhenNeeded_data();
    void quotesOnlyWhenNeeded();
    void keepsNonAsciiTextAsUtf8();
    void neverContainsThePlantedSecret();
    void stopsWhenCancelled();
};

void tst_CsvExporter::theTestParserRejectsMalformedCsv_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ok") << "a,b\r\n\"c,\"\"d\"\"\",e\r\n" << true;
    QTest::newRow("bare LF") << "a,b\n" << false;
    QTest::newRow("no final CRLF") << "a,b" << false;
    QTest::newRow("quote in plain field") << "a\"b,c\r\n" << false;
    QTest::newRow("unterminated") << "\"abc\r\n" << false;
    QTest::newRow("garbage after quote") << "\"a\"b\r\n" << false;
}

void tst_CsvExporter::theTestParserRejectsMalformedCsv()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(parseCsv(text).error.isEmpty(), valid);
}

void tst_CsvExporter::startsWithBomAndTheDocumentedHeader()
{
    const QByteArray bytes = exportBytes(test::sampleInput());
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList documented{QStringLiteral("identifier"),
                                 QStringLiteral("jobArn"),
                                 QStringLiteral("jobName"),
                                 QStringLiteral("modelId"),
                                 QStringLiteral("status"),
                                 QStringLiteral("submitTime"),
                                 QStringLiteral("lastModifiedTime"),
                                 QStringLiteral("endTime"),
                                 QStringLiteral("jobExpirationTime"),
                                 QStringLiteral("totalRecordCount"),
                                 QStringLiteral("processedRecordCount"),
                                 QStringLiteral("successRecordCount"),
                                 QStringLiteral("errorRecordCount"),
                                 QStringLiteral("inputS3Uri"),
                                 QStringLiteral("outputS3Uri"),
                                 QStringLiteral("securityGroupIds"),
                                 QStringLiteral("subnetIds"),
                                 QStringLiteral("message"),
                                 QStringLiteral("provider")};
    QCOMPARE(CsvExporter::columns(), documented);
    QVERIFY(bytes.mid(3).startsWith(QByteArray(documented.join(u',').toUtf8() + "\r\n")));
}

void tst_CsvExporter::omitsTheBomWhenAsked()
{
    const QByteArray bytes = exportBytes(test::sampleInput(), CsvExporter::Options{false});
    QVERIFY(bytes.startsWith("identifier,jobArn,"));
}

void tst_CsvExporter::writesOneRfc4180RecordPerJob()
{
    ExportInput input = test::sampleInput();
    input.jobs += test::syntheticJobs(50);
    const Csv csv = exportCsv(input);
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(csv.records.size(), input.jobs.size() + 1);
    for (const QStringList &r : csv.records)
        QCOMPARE(r.size(), CsvExporter::columns().size());
    // In input order, identified by the identifier the user gave.
    for (qsizetype i = 0; i < input.jobs.size(); ++i)
        QCOMPARE(csv.records.at(i + 1).first(), input.jobs.at(i).watched.identifier);
}

void tst_CsvExporter::writesDocumentedValuesForAnAwsNativeJob()
{
    const Csv csv = exportCsv(test::sampleInput());
    const QString id = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/m4n8b2v6c0xz");
    QCOMPARE(cell(csv, id, "jobArn"), id);
    QCOMPARE(cell(csv, id, "jobName"), QStringLiteral("support-tickets-triage-0314"));
    QCOMPARE(cell(csv, id, "modelId"), QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
    QCOMPARE(cell(csv, id, "status"), QStringLiteral("InProgress"));
    QCOMPARE(cell(csv, id, "submitTime"), QStringLiteral("2025-03-14T08:15:02.417Z"));
    QCOMPARE(cell(csv, id, "lastModifiedTime"), QStringLiteral("2025-03-14T08:41:37.902Z"));
    QCOMPARE(cell(csv, id, "jobExpirationTime"), QStringLiteral("2025-03-17T08:15:02.417Z"));
    QCOMPARE(cell(csv, id, "totalRecordCount"), QStringLiteral("25000"));
    QCOMPARE(cell(csv, id, "processedRecordCount"), QStringLiteral("11842"));
    QCOMPARE(cell(csv, id, "successRecordCount"), QStringLiteral("11790"));
    QCOMPARE(cell(csv, id, "errorRecordCount"), QStringLiteral("52"));
    QCOMPARE(cell(csv, id, "inputS3Uri"),
             QStringLiteral("s3://acme-batch-in/tickets/0314/input.jsonl"));
    QCOMPARE(cell(csv, id, "outputS3Uri"), QStringLiteral("s3://acme-batch-out/tickets/0314/"));
    QCOMPARE(cell(csv, id, "securityGroupIds"), QStringLiteral("sg-0123456789abcdef0"));
    QCOMPARE(cell(csv, id, "subnetIds"),
             QStringLiteral("subnet-0a1b2c3d4e5f67890;subnet-0fedcba9876543210"));
    QCOMPARE(cell(csv, id, "provider"), QStringLiteral("bedrock"));
    // The status column is the raw string, whatever its spelling.
    QCOMPARE(cell(csv, QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798"), "status"),
             QStringLiteral("finalizing"));
}

void tst_CsvExporter::leavesAbsentValuesEmpty()
{
    const Csv csv = exportCsv(test::sampleInput());
    const QString id = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    for (const char *absent :
         {"modelId", "lastModifiedTime", "jobExpirationTime", "totalRecordCount",
          "processedRecordCount", "securityGroupIds", "subnetIds", "message"})
        QVERIFY2(cell(csv, id, absent).isEmpty(), absent);
    QCOMPARE(cell(csv, id, "endTime"), QStringLiteral("2025-03-14T13:02:17.000Z"));

    const QStringList never = rowOf(csv, QStringLiteral("n3verfetch01"));
    QCOMPARE(never.size(), CsvExporter::columns().size());
    // Nothing but the identifier, and the provider it is read through (bedrock by default).
    for (qsizetype c = 1; c < never.size() - 1; ++c)
        QVERIFY(never.at(c).isEmpty());
    QCOMPARE(never.constLast(), QStringLiteral("bedrock"));
}

void tst_CsvExporter::keepsDelimitersQuotesAndNewlinesInsideFields()
{
    const QByteArray bytes = exportBytes(test::sampleInput());
    const Csv csv = exportCsv(test::sampleInput());
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    const QString id = QStringLiteral("h0st1le00003");
    QCOMPARE(cell(csv, id, "jobName"), QStringLiteral("claims, \"Q1\" batch"));
    QCOMPARE(cell(csv, id, "message"),
             QStringLiteral("line one, with comma\r\nline \"two\"\nline three"));
    QVERIFY(bytes.contains("\"claims, \"\"Q1\"\" batch\""));
    QVERIFY(bytes.contains("\"line one, with comma\r\nline \"\"two\"\"\nline three\""));
}

void tst_CsvExporter::neutralisesFormulaCells_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equals") << "=1+2"
                            << "'=1+2";
    QTest::newRow("plus") << "+41"
                          << "'+41";
    QTest::newRow("minus") << "-2+3"
                           << "'-2+3";
    QTest::newRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::newRow("tab") << "\tx"
                         << "'\tx";
    QTest::newRow("cr") << "\rx"
                        << "\"'\rx\"";
    QTest::newRow("formula with comma") << "=HYPERLINK(\"http://e.x\",\"c\")"
                                        << "\"'=HYPERLINK(\"\"http://e.x\"\",\"\"c\"\")\"";
    QTest::newRow("equals later") << "a=b"
                                  << "a=b";
    QTest::newRow("leading quote") << "'quoted"
                                   << "'quoted";
    QTest::newRow("timestamp") << "2025-03-14T08:15:02.417Z"
                               << "2025-03-14T08:15:02.417Z";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("leading space then equals") << " =1"
                                               << " =1";
}

void tst_CsvExporter::neutralisesFormulaCells()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(CsvExporter::escapeField(value), expected);
}

void tst_CsvExporter::neutralisesFormulaCellsInTheFile()
{
    const Csv csv = exportCsv(test::sampleInput());
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00002"), "jobName"),
             QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"click\")"));
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00002"), "modelId"), QStringLiteral("'-2+3"));
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00002"), "message"),
             QStringLiteral("'@SUM(1+1)*cmd|' /C calc'!A0"));
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00002"), "securityGroupIds"),
             QStringLiteral("'+sg-1;sg-2"));
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00004"), "jobName"),
             QStringLiteral("'\tTabbed name"));
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00004"), "message"),
             QStringLiteral("'\rCarriage return first"));
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00005"), "jobName").left(6),
             QStringLiteral("'+plus"));
    // No cell of the file starts with a formula character.
    for (const QStringList &r : csv.records) {
        for (const QString &c : r) {
            QVERIFY2(c.isEmpty() || !QStringLiteral("=+-@\t\r").contains(c.front()), qPrintable(c));
        }
    }
}

void tst_CsvExporter::quotesOnlyWhenNeeded_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "abc"
                           << "abc";
    QTest::newRow("space") << "a b"
                           << "a b";
    QTest::newRow("semicolon") << "a;b"
                               << "a;b";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("lf") << "a\nb"
                        << "\"a\nb\"";
    QTest::newRow("crlf") << "a\r\nb"
                          << "\"a\r\nb\"";
}

void tst_CsvExporter::quotesOnlyWhenNeeded()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(CsvExporter::escapeField(value), expected);
    QCOMPARE(CsvExporter::formatRow({value, QStringLiteral("x")}),
             expected + QStringLiteral(",x\r\n"));
}

void tst_CsvExporter::keepsNonAsciiTextAsUtf8()
{
    const QByteArray bytes = exportBytes(test::sampleInput());
    bool ok = false;
    decodeUtf8(bytes, &ok);
    QVERIFY(ok);
    const Csv csv = exportCsv(test::sampleInput());
    QCOMPARE(cell(csv, QStringLiteral("h0st1le00005"), "jobName"),
             QStringLiteral("'+plus and 'quote' \u2013 Gr\u00f6\u00dfe \u65e5\u672c\u8a9e"));
    QVERIFY(cell(csv,
                 QStringLiteral("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:"
                                "model-invocation-job/z0y9x8w7v6u5"),
                 "message")
                    .contains(QStringLiteral("caf\u00e9 \u2713 \u65e5\u672c\u8a9e \U0001F680")));
}

void tst_CsvExporter::neverContainsThePlantedSecret()
{
    const QByteArray bytes = exportBytes(test::sampleInput());
    QVERIFY(!bytes.contains(test::plantedSecret().toUtf8()));
}

void tst_CsvExporter::stopsWhenCancelled()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    CsvExporter writer;
    int last = -1;
    const ExportResult r = writer.write(test::sampleInput(), buffer, [&last](int done, int) {
        last = done;
        return done < 4;
    });
    QCOMPARE(r.outcome, ExportResult::Outcome::Cancelled);
    QCOMPARE(last, 4);
}

QTEST_GUILESS_MAIN(tst_CsvExporter)
#include "tst_csvexporter.moc"
