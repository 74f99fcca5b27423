// The CLI's pure parts: command-line parsing and output formatting, without a process.

#include "clioptions.h"
#include "fixtures.h"
#include "jobformat.h"
#include "texttable.h"
#include "wire/jobcodec.h"

#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace bw;
using namespace bw::cli;

class TstCliFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLineRemovesBreaksAndTerminalControls();
    void jsonNeverCarriesALoneSurrogate();
    void directJsonEntryIsWhatQJsonDocumentWrote();
    void elidesToDisplayWidthWithEllipsis_data();
    void elidesToDisplayWidthWithEllipsis();
    void tableShrinksWidestColumnsFirstAndDropsEmptyOnes();
    void tableKeepsEverythingWithoutWidthLimit();
    void progressIsIndeterminateWhileTotalIsZero();
    void progressTakesTheProvidersOwnPercent();
    void tableNamesTheProviderWhenAsked();
    void errorEntryOmitsWhatIsUnknown();
    void countsInEnglish_data();
    void countsInEnglish();
    void parsesFractionalIntervalAndRoute();
    void watchTakesTableOrJson_data();
    void watchTakesTableOrJson();
    void unknownCountsHaveOneNotation_data();
    void unknownCountsHaveOneNotation();
    void tableDatesCarryTheYearWhenNotThisYear();
    void neverAcceptsKeyOnCommandLine();
    void exportNeedsGuiOnlyForReports();
};

void TstCliFormat::oneLineRemovesBreaksAndTerminalControls()
{
    QCOMPARE(Text::oneLine(u"  Batch failed:\r\n\tquota\x1b[2J exceeded\x07  "_s),
             u"Batch failed: quota[2J exceeded"_s);
    QCOMPARE(Text::oneLine(u"a\u202Eb"_s), u"ab"_s);
    QCOMPARE(Text::oneLine(u"日本語 ok"_s), u"日本語 ok"_s);
}

void TstCliFormat::elidesToDisplayWidthWithEllipsis_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fits") << u"nightly"_s << 7 << u"nightly"_s;
    QTest::newRow("cut") << u"nightly-summaries"_s << 8 << u"nightly…"_s;
    QTest::newRow("no blank before ellipsis") << u"ab cdef"_s << 4 << u"ab…"_s;
    QTest::newRow("wide characters") << u"日本語テキスト"_s << 7 << u"日本語…"_s;
    QTest::newRow("emoji") << u"😀😀😀"_s << 4 << u"😀…"_s;
}

void TstCliFormat::elidesToDisplayWidthWithEllipsis()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(QString, expected);
    const QString got = Text::elide(text, width);
    QCOMPARE(got, expected);
    QVERIFY(Text::displayWidth(got) <= width);
}

void TstCliFormat::tableShrinksWidestColumnsFirstAndDropsEmptyOnes()
{
    TextTable table({{u"STATUS"_s, 6, false},
                     {u"NAME"_s, 4, false},
                     {u"EMPTY"_s, 3, false},
                     {u"ID"_s, 0, false}});
    table.addRow(
            {u"Completed"_s, u"a-very-long-job-name-that-goes-on"_s, QString(), u"k3x9p2m7q1ab"_s});
    const QString out = table.render(40);
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(!lines.at(0).contains(u"EMPTY"_s));
    for (const QString &line : lines)
        QVERIFY2(Text::displayWidth(line) <= 40, qPrintable(line));
    QVERIFY(lines.at(1).contains(u"Completed"_s));    // the narrow column was not cut
    QVERIFY(lines.at(1).contains(u"k3x9p2m7q1ab"_s)); // nor the unshrinkable one
    QVERIFY(lines.at(1).contains(QChar(0x2026)));
}

void TstCliFormat::tableKeepsEverythingWithoutWidthLimit()
{
    TextTable table({{u"A"_s, 1, false}, {u"B"_s, 1, true}});
    table.addRow({u"x"_s, u"1"_s});
    table.addRow({u"long value"_s, u"1000"_s});
    QCOMPARE(table.render(0), u"A              B\nx              1\nlong value  1000\n"_s);
}

void TstCliFormat::progressIsIndeterminateWhileTotalIsZero()
{
    Job job;
    QCOMPARE(JobFormat::progressText(job), QString());
    job.totalRecordCount = 0;
    job.processedRecordCount = 0;
    QCOMPARE(JobFormat::progressText(job), u"?/?"_s);
    job.totalRecordCount = 25000;
    job.processedRecordCount = 11842;
    QCOMPARE(JobFormat::progressText(job), u"47% 11842/25000"_s);
    job.status = Status::fromString(u"InProgress"_s);
    QCOMPARE(JobFormat::progressLine(u"k3x9p2m7q1ab"_s, job),
             u"k3x9p2m7q1ab InProgress 11842/25000 (47 %)"_s);
}

void TstCliFormat::errorEntryOmitsWhatIsUnknown()
{
    GatewayError network;
    network.kind = GatewayError::Kind::Network;
    network.message = u"Connection refused"_s;
    const QJsonObject a = JobFormat::errorEntry(u"k3x9p2m7q1ab"_s, network);
    QCOMPARE(a.keys(), (QStringList{u"identifier"_s, u"message"_s}));

    GatewayError http;
    http.kind = GatewayError::Kind::Http;
    http.httpStatus = 404;
    http.gatewayType = u"ResourceNotFoundException"_s;
    const QJsonObject b = JobFormat::errorEntry(QString(), http);
    QCOMPARE(b.value(u"httpStatus"_s).toInt(), 404);
    QCOMPARE(b.value(u"type"_s).toString(), u"ResourceNotFoundException"_s);
    QVERIFY(!b.contains(u"identifier"_s));
    QVERIFY(!b.value(u"message"_s).toString().isEmpty()); // describe() stands in
}

void TstCliFormat::countsInEnglish_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("jobs");
    QTest::addColumn<QString>("pages");
    QTest::newRow("0") << qint64(0) << u"0 jobs"_s << u"0 pages"_s;
    QTest::newRow("1") << qint64(1) << u"1 job"_s << u"1 page"_s;
    QTest::newRow("2") << qint64(2) << u"2 jobs"_s << u"2 pages"_s;
    QTest::newRow("11") << qint64(11) << u"11 jobs"_s << u"11 pages"_s;
    QTest::newRow("21") << qint64(21) << u"21 jobs"_s << u"21 pages"_s;
    QTest::newRow("1500") << qint64(1500) << u"1500 jobs"_s << u"1500 pages"_s;
}

void TstCliFormat::countsInEnglish()
{
    QFETCH(qint64, count);
    QFETCH(QString, jobs);
    QFETCH(QString, pages);
    QCOMPARE(JobFormat::counted(count, u"job", u"jobs"), jobs);
    QCOMPARE(JobFormat::counted(count, u"page", u"pages"), pages);
}

void TstCliFormat::parsesFractionalIntervalAndRoute()
{
    const ParseResult r
            = parseCommandLine({u"batchwatch-cli"_s, u"watch"_s, u"k3x9p2m7q1ab"_s, u"--interval"_s,
                                u"0.25"_s, u"--route"_s, u"singular"_s, u"--gateway"_s,
                                u"http://127.0.0.1:8080/ai"_s, u"--until-terminal"_s});
    QCOMPARE(r.action, ParseResult::Action::Run);
    QCOMPARE(r.options.command, CommandKind::Watch);
    QCOMPARE(r.options.interval, std::optional<Millis>(Millis(250)));
    QCOMPARE(r.options.gateway.route, std::optional<RouteStyle>(RouteStyle::Singular));
    QVERIFY(!r.options.formatGiven); // table on a terminal, JSON lines when piped
    QVERIFY(r.options.untilTerminal);
}

void TstCliFormat::watchTakesTableOrJson_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("table") << u"table"_s << true;
    QTest::newRow("json") << u"json"_s << true;
    QTest::newRow("csv") << u"csv"_s << false;
}

void TstCliFormat::watchTakesTableOrJson()
{
    QFETCH(QString, format);
    QFETCH(bool, accepted);
    const ParseResult r
            = parseCommandLine({u"batchwatch-cli"_s, u"watch"_s, u"k3x9p2m7q1ab"_s, u"--gateway"_s,
                                u"http://127.0.0.1:8080"_s, u"--format"_s, format});
    QCOMPARE(r.action == ParseResult::Action::Run, accepted);
    if (accepted)
        QCOMPARE(outputFormatKey(r.options.format), format);
}

void TstCliFormat::unknownCountsHaveOneNotation_data()
{
    // -1: the gateway did not report the count.
    QTest::addColumn<qint64>("processed");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("counts");
    QTest::newRow("nothing") << qint64(-1) << qint64(-1) << QString();
    QTest::newRow("0 of 0 (validating)") << qint64(0) << qint64(0) << u"?/?"_s;
    QTest::newRow("0, no total") << qint64(0) << qint64(-1) << u"?/?"_s;
    QTest::newRow("total only") << qint64(-1) << qint64(500) << u"?/500"_s;
    QTest::newRow("some of unknown") << qint64(12) << qint64(0) << u"12/?"_s;
    QTest::newRow("0 of known") << qint64(0) << qint64(500) << u"0/500"_s;
}

void TstCliFormat::unknownCountsHaveOneNotation()
{
    QFETCH(qint64, processed);
    QFETCH(qint64, total);
    QFETCH(QString, counts);
    Job job;
    job.status = Status::fromString(u"Validating"_s);
    if (processed >= 0)
        job.processedRecordCount = processed;
    if (total >= 0)
        job.totalRecordCount = total;
    QCOMPARE(JobFormat::countsText(job), counts);
    // The table cell and the progress line of `watch` say it the same way.
    QVERIFY(JobFormat::progressText(job).endsWith(counts));
    if (!counts.isEmpty())
        QVERIFY(JobFormat::progressLine(u"k3x9p2m7q1ab"_s, job).contains(u' ' + counts));
}

void TstCliFormat::tableDatesCarryTheYearWhenNotThisYear()
{
    const QDateTime now = QDateTime(QDate(2026, 6, 15), QTime(12, 0)).toUTC();
    const QDateTime thisYear = QDateTime(QDate(2026, 3, 14), QTime(9, 26)).toUTC();
    const QDateTime lastYear = QDateTime(QDate(2025, 12, 30), QTime(9, 26)).toUTC();
    QCOMPARE(JobFormat::timeText(thisYear, now), u"03-14 09:26"_s);
    QVERIFY(JobFormat::timeText(lastYear, now).startsWith(u"2025-12-30"_s));
    QCOMPARE(JobFormat::timeText(std::nullopt, now), QString());
}

void TstCliFormat::neverAcceptsKeyOnCommandLine()
{
    for (const QString &arg : {u"--token=sk-bf-abc"_s, u"--key=sk-bf-abc"_s, u"--api-key"_s}) {
        const ParseResult r = parseCommandLine({u"batchwatch-cli"_s, u"get"_s, u"k3x9p2m7q1ab"_s,
                                                u"--gateway=http://127.0.0.1:1"_s, arg});
        QCOMPARE(r.action, ParseResult::Action::Error);
        QVERIFY(!r.error.contains(u"sk-bf-abc"_s));
    }
}

void TstCliFormat::exportNeedsGuiOnlyForReports()
{
    auto parse = [](const QString &file) {
        return parseCommandLine({u"batchwatch-cli"_s, u"export"_s, u"k3x9p2m7q1ab"_s, u"-o"_s, file,
                                 u"--gateway=http://127.0.0.1:1"_s});
    };
    QVERIFY(needsGuiApplication(parse(u"r.pdf"_s).options));
    QVERIFY(needsGuiApplication(parse(u"r.HTML"_s).options));
    QVERIFY(!needsGuiApplication(parse(u"r.json"_s).options));
    QCOMPARE(parse(u"r.txt"_s).action, ParseResult::Action::Error);
}

void TstCliFormat::progressTakesTheProvidersOwnPercent()
{
    // Gemini: a percentage, a total, no processed count.
    Job job;
    job.progressPercent = 82.6;
    QCOMPARE(JobFormat::progressText(job), u"82%"_s);
    job.totalRecordCount = 8167;
    QCOMPARE(JobFormat::progressText(job), u"82% ?/8167"_s);
    // Counts, when they say it, win.
    job.processedRecordCount = 4000;
    QCOMPARE(JobFormat::progressText(job), u"48% 4000/8167"_s);
}

void TstCliFormat::tableNamesTheProviderWhenAsked()
{
    Job job;
    job.provider = u"anthropic"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(JobFormat::tableCells(u"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"_s, job, now).size(), 7);
    const QStringList cells
            = JobFormat::tableCells(u"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"_s, job, now, true);
    QCOMPARE(cells.size(), 8);
    QCOMPARE(cells.at(3), u"anthropic"_s);
    QCOMPARE(JobFormat::tableCells(u"k3x9p2m7q1ab"_s, Job{}, now, true).at(3), u"bedrock"_s);
    TextTable table = JobFormat::jobTable(true);
    table.addRow(cells);
    QVERIFY(table.render(120).startsWith(u"STATUS"_s));
    QVERIFY(table.render(120).contains(u"PROVIDER"_s));
}

QTEST_GUILESS_MAIN(TstCliFormat)
void TstCliFormat::jsonNeverCarriesALoneSurrogate()
{
    // Issue 12: an emoji identifier, cut in the middle of its surrogate pair somewhere on the
    // way, made `--format json` emit "\ud83d", which every strict JSON parser rejects.
    const QString rocket = QString::fromUtf8("\xF0\x9F\x9A\x80");
    const QByteArray whole
            = JobFormat::compact(JobFormat::invalidEntry(JobIdentifier::parse(u"id-"_s + rocket)));
    QVERIFY(whole.contains("\xF0\x9F\x9A\x80"));
    QJsonObject cut;
    cut.insert(u"identifier"_s, QString(u"id-"_s + rocket.left(1)));
    const QByteArray line = JobFormat::compact(cut);
    QVERIFY2(!line.contains("\\ud83d"), line.constData());
    QVERIFY2(line.contains("\\ufffd"), line.constData());
}

void TstCliFormat::directJsonEntryIsWhatQJsonDocumentWrote()
{
    // `get --format json` writes each entry directly (appendFetchedEntry); a script reading it
    // must see exactly the bytes the QJsonObject path wrote, for every job a gateway can send.
    struct Case
    {
        QString name;
        QString identifier;
        Job job;
        QList<ParseProblem> problems;
    };
    QList<Case> cases;
    const QStringList names = test::fixtureNames();
    QVERIFY(names.size() >= 15);
    int fromFixtures = 0;
    for (const QString &name : names) {
        const QByteArray body = test::fixture(name);
        BW_RETURN_IF_FAILED();
        if (const auto r = JobCodec::parseRetrieveBody(body)) {
            cases.append({name, r->job.jobArn.value_or(QString()), r->job, r->problems});
            ++fromFixtures;
        }
        if (const auto page = JobCodec::parseListBody(body)) {
            for (const ParsedJob &j : page->jobs)
                cases.append({name, j.job.jobArn.value_or(QString()), j.job, j.problems});
            fromFixtures += int(page->jobs.size());
        }
    }
    QVERIFY(fromFixtures >= 15);

    // Every field, with hostile text and numbers a double cannot hold.
    const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0, 0, 7), Qt::UTC);
    Job every;
    every.jobArn = u"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abc"_s;
    every.status = Status::fromString(u"InProgress"_s);
    every.jobName = u"n\u00e4me / \u540d\u524d \"quoted\" back\\slash"_s;
    every.roleArn = QString();
    every.clientRequestToken = u"tab\there\nnew line\r\b\f"_s;
    every.message = QString(u"control \x01 \x1f del \x7f nul "_s) + QChar(u'\0') + u" end"_s;
    every.submitTime = t0;
    every.endTime = QDateTime();
    every.inputDataConfig = InputDataConfig{u"s3://in/x.jsonl"_s, u"JSONL"_s, u"123"_s};
    every.outputDataConfig = OutputDataConfig{u"s3://out/"_s, std::nullopt, u"123"_s};
    every.vpcConfig = VpcConfig{{u"sg-1"_s}, {u"subnet-1"_s, u"subnet-2"_s}};
    every.timeoutDurationInHours = 72;
    every.totalRecordCount = 0;
    every.processedRecordCount = (qint64(1) << 53) + 1;
    every.successRecordCount = std::numeric_limits<qint64>::max();
    every.errorRecordCount = std::numeric_limits<qint64>::min();
    every.provider = u"gemini"_s;
    every.cancelledAt = t0.addSecs(420);
    every.progressPercent = 33.333333333333336;
    cases.append({u"every field"_s, u"id \"\\ \x01\x7f \u00e9\u20ac"_s, every, {}});
    cases.append({u"empty job, empty identifier"_s, QString(), Job(), {}});

    // Problems, from a body with wrong types and hostile values in them.
    const auto wrong = JobCodec::parseRetrieveBody(
            "{\"jobArn\":\"arn:x\",\"status\":\"InProgress\",\"jobName\":[1],\"totalRecordCount\":"
            "\"12\","
            "\"processedRecordCount\":1.5,\"successRecordCount\":-3,\"submitTime\":\"not \\\"a\\\" "
            "time \\u0001 \\u00e9\",\"endTime\":true,\"progressPercent\":250,"
            "\"vpcConfig\":{\"subnetIds\":[\"a\",7]}}");
    QVERIFY2(wrong, qPrintable(wrong ? QString() : wrong.error().describe()));
    QVERIFY(wrong->problems.size() >= 5);
    cases.append({u"problems"_s, u"arn:x"_s, wrong->job, wrong->problems});

    // Surrogates: pairs kept, lone ones replaced (the old path's repair), wherever they are.
    const QString rocket = QString::fromUtf8("\xF0\x9F\x9A\x80");
    Job paired = every;
    paired.jobName = u"emoji "_s + rocket;
    cases.append({u"paired surrogate in the job"_s, u"x"_s, paired, {}});
    Job lone = every;
    lone.message = u"cut "_s + rocket.left(1);
    cases.append({u"lone surrogate in the job"_s, u"x"_s, lone, {}});
    cases.append({u"lone surrogate in the identifier"_s, u"id-"_s + rocket.left(1), every, {}});
    QList<ParseProblem> surrogateProblem = wrong->problems;
    surrogateProblem.first().field = u"f"_s + rocket.right(1);
    cases.append({u"lone surrogate in a problem"_s, u"arn:x"_s, wrong->job, surrogateProblem});

    const QList<QDateTime> times{t0, QDateTime(),
                                 QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)};
    for (const Case &c : std::as_const(cases)) {
        for (const QDateTime &fetchedAt : times) {
            const QByteArray expected = JobFormat::compact(
                    JobFormat::fetchedEntry(c.identifier, c.job, fetchedAt, c.problems));
            QByteArray out = ",\n";
            JobFormat::appendFetchedEntry(out, c.identifier, c.job, fetchedAt, c.problems);
            if (out != ",\n" + expected) {
                qsizetype at = 0;
                while (at < expected.size() && out.at(at + 2) == expected.at(at))
                    ++at;
                QFAIL(qPrintable(c.name + u": differs at byte "_s + QString::number(at) + u": "_s
                                 + QString::fromUtf8(out.mid(at + 2, 60)) + u" | "_s
                                 + QString::fromUtf8(expected.mid(at, 60))));
            }
            QVERIFY2(!out.contains("\\ud"), qPrintable(c.name));
        }
    }
}

#include "tst_cliformat.moc"
