#include "fixtures.h"
#include "wire/jobcodec.h"
#include "wire/jsonfieldreader.h"
#include "wire/nativecodec.h"

#include <QDir>
#include <QJsonDocument>
#include <QtTest>

using namespace bw;
using namespace bw::test;
using namespace Qt::StringLiterals;

namespace {

// tests/fixtures/bifrost-native, beside the Bedrock fixtures that fixturesDir() names.
QString nativeDir()
{
    return QDir(fixturesDir()).absoluteFilePath(QStringLiteral("../bifrost-native"));
}

QByteArray native(const QString &name)
{
    return fixture(QStringLiteral("../bifrost-native/") + name);
}

QDateTime unix(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

QByteArray problemsText(const QList<ParseProblem> &problems)
{
    QStringList parts;
    for (const ParseProblem &p : problems)
        parts << p.field + QStringLiteral(": ") + p.message();
    return parts.join(QStringLiteral("; ")).toUtf8();
}

} // namespace

class TestNativeCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureParses_data();
    void everyFixtureParses();
    void bedrockRetrieveFillsWhatTheBedrockRouteDrops();
    void openAiCountsAndTimeline();
    void anthropicEndedCounts();
    void geminiProgressAndSlashId();
    void allZeroCountsAreNotReported_data();
    void allZeroCountsAreNotReported();
    void wrongTypesBecomeProblems_data();
    void wrongTypesBecomeProblems();
    void refusesABatchWithoutReadableIdOrStatus_data();
    void refusesABatchWithoutReadableIdOrStatus();
    void manyWrongEntriesStayAFewProblems();
    void listPages();
    void resultsPages();
    void resultRecordOutcomes_data();
    void resultRecordOutcomes();
    void badBodies_data();
    void badBodies();
    void providerRequiredError();
};

// Every sample in tests/fixtures/bifrost-native is read without a problem by the parser of its
// route (the prefix of its name), and a new sample without a known prefix fails here.
void TestNativeCodec::everyFixtureParses_data()
{
    QTest::addColumn<QString>("name");
    QStringList names
            = QDir(nativeDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (names.size() < 11) // fewer than the samples of WIRE.md: a row that fails, naming why
        names = {QStringLiteral("missing-fixtures-in-") + nativeDir()};
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestNativeCodec::everyFixtureParses()
{
    QFETCH(QString, name);
    const QByteArray body = native(name);
    BW_RETURN_IF_FAILED();
    if (name.startsWith(QLatin1StringView("retrieve-"))
        || name.startsWith(QLatin1StringView("cancel-"))) {
        const auto parsed = NativeCodec::parseRetrieveBody(body);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().describe()));
        QVERIFY2(parsed->problems.isEmpty(), problemsText(parsed->problems));
        QVERIFY(parsed->job.jobArn && !parsed->job.jobArn->isEmpty());
        QVERIFY(parsed->job.status.has_value());
        QVERIFY(parsed->job.provider.has_value());
        QCOMPARE(parsed->raw, QJsonDocument::fromJson(body).object());
    } else if (name.startsWith(QLatin1StringView("list-"))) {
        const auto page = NativeCodec::parseListBody(body);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().describe()));
        QVERIFY2(page->problems.isEmpty(), problemsText(page->problems));
        QVERIFY(!page->jobs.isEmpty());
        for (const ParsedJob &job : page->jobs) {
            QVERIFY(job.job.jobArn.has_value());
            QVERIFY(job.job.provider.has_value());
        }
    } else if (name.startsWith(QLatin1StringView("results-"))) {
        qint64 records = 0;
        const auto page = NativeCodec::parseResultsBody(body, [&](const ResultRecord &r) {
            QVERIFY(!r.customId.isEmpty());
            ++records;
        });
        QVERIFY2(page, qPrintable(page ? QString() : page.error().describe()));
        QVERIFY2(page->problems.isEmpty(), problemsText(page->problems));
        QVERIFY(records > 0);
        QCOMPARE(page->records, records);
    } else if (name.startsWith(QLatin1StringView("error-"))) {
        const GatewayError e = JobCodec::parseErrorResponse(400, body, "application/json");
        QCOMPARE(e.httpStatus, 400);
        QVERIFY(!e.message.isEmpty());
    } else {
        QFAIL(qPrintable(QStringLiteral("no parser known for %1: name it retrieve-, list-, "
                                        "results-, cancel- or error-")
                                 .arg(name)));
    }
}

// The Bedrock-format route drops expiry and end; the native retrieve says them. Its all-zero
// request_counts are "not reported".
void TestNativeCodec::bedrockRetrieveFillsWhatTheBedrockRouteDrops()
{
    const QByteArray body = native(QStringLiteral("retrieve-bedrock-failed.json"));
    BW_RETURN_IF_FAILED();
    const auto parsed = NativeCodec::parseRetrieveBody(body);
    QVERIFY(parsed);
    const Job &j = parsed->job;
    QCOMPARE(j.jobArn.value_or(QString()),
             QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                            "k3x9p2m7q1ab"));
    QCOMPARE(j.provider.value_or(QString()), QStringLiteral("bedrock"));
    QCOMPARE(j.statusCode(), JobStatus::Failed);
    QCOMPARE(j.statusText(), QStringLiteral("failed"));
    QCOMPARE(j.submitTime.value_or(QDateTime()), unix(1764236045));
    QCOMPARE(j.jobExpirationTime.value_or(QDateTime()), unix(1764840845));
    QCOMPARE(j.completedAt.value_or(QDateTime()), unix(1764255645));
    QCOMPARE(j.endTime.value_or(QDateTime()), unix(1764255645));
    QCOMPARE(j.inputDataConfig->s3Uri.value_or(QString()),
             QStringLiteral("s3://acme-batch-in/claims/2026-11-27/input.jsonl"));
    QCOMPARE(j.outputDataConfig->s3Uri.value_or(QString()),
             QStringLiteral("s3://acme-batch-out/claims/2026-11-27/"));
    QVERIFY(!j.totalRecordCount);
    QVERIFY(!j.processedRecordCount);
    QVERIFY(!j.successRecordCount);
    QVERIFY(!j.errorRecordCount);
    QVERIFY(!j.has(JobField::TotalRecordCount));
}

void TestNativeCodec::openAiCountsAndTimeline()
{
    const QByteArray body = native(QStringLiteral("retrieve-openai-completed.json"));
    BW_RETURN_IF_FAILED();
    const auto parsed = NativeCodec::parseRetrieveBody(body);
    QVERIFY(parsed);
    const Job &j = parsed->job;
    QCOMPARE(j.provider.value_or(QString()), QStringLiteral("openai"));
    QCOMPARE(j.jobName.value_or(QString()), QStringLiteral("kb-embeddings-v7"));
    QCOMPARE(j.statusCode(), JobStatus::Completed);
    // OpenAI (through Bifrost): completed = succeeded, failed = failed, and together the total.
    QCOMPARE(j.totalRecordCount.value_or(-1), 20000);
    QCOMPARE(j.successRecordCount.value_or(-1), 19987);
    QCOMPARE(j.errorRecordCount.value_or(-1), 13);
    QCOMPARE(j.processedRecordCount.value_or(-1), 20000);
    QCOMPARE(j.inProgressAt.value_or(QDateTime()), unix(1764230460));
    QCOMPARE(j.finalizingAt.value_or(QDateTime()), unix(1764251100));
    QCOMPARE(j.completedAt.value_or(QDateTime()), unix(1764251460));
    QCOMPARE(j.endTime.value_or(QDateTime()), unix(1764251460));
    QCOMPARE(j.jobExpirationTime.value_or(QDateTime()), unix(1764316800));
    QCOMPARE(j.inputDataConfig->s3Uri.value_or(QString()),
             QStringLiteral("file-8Hn3pQ6sV2wX4zA1bC7dE9"));

    const QByteArray running = native(QStringLiteral("retrieve-openai-inprogress.json"));
    BW_RETURN_IF_FAILED();
    const auto r = NativeCodec::parseRetrieveBody(running);
    QVERIFY(r);
    QCOMPARE(r->job.processedRecordCount.value_or(-1), 3132);
    QCOMPARE(r->job.successRecordCount.value_or(-1), 3120);
    QVERIFY(!r->job.endTime);
    QVERIFY(!r->job.completedAt);
}

void TestNativeCodec::anthropicEndedCounts()
{
    const QByteArray body = native(QStringLiteral("retrieve-anthropic-ended.json"));
    BW_RETURN_IF_FAILED();
    const auto parsed = NativeCodec::parseRetrieveBody(body);
    QVERIFY(parsed);
    const Job &j = parsed->job;
    QCOMPARE(j.jobArn.value_or(QString()), QStringLiteral("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"));
    QCOMPARE(j.statusCode(), JobStatus::Ended);
    QCOMPARE(j.totalRecordCount.value_or(-1), 1200);
    QCOMPARE(j.successRecordCount.value_or(-1), 1185); // `succeeded`, not `completed`
    QCOMPARE(j.errorRecordCount.value_or(-1), 7);
    QCOMPARE(j.processedRecordCount.value_or(-1), 1200); // succeeded + failed + expired
    QCOMPARE(j.statusGroup(), StatusGroup::Failed);      // ended with failed records
}

void TestNativeCodec::geminiProgressAndSlashId()
{
    const QByteArray body = native(QStringLiteral("retrieve-gemini-running.json"));
    BW_RETURN_IF_FAILED();
    const auto parsed = NativeCodec::parseRetrieveBody(body);
    QVERIFY(parsed);
    const Job &j = parsed->job;
    QCOMPARE(j.jobArn.value_or(QString()), QStringLiteral("batches/7xq2w9e4r1t8y5u3"));
    QCOMPARE(j.provider.value_or(QString()), QStringLiteral("gemini"));
    QCOMPARE(j.progressPercent.value_or(-1), 42.0);
    QCOMPARE(j.jobName.value_or(QString()), QStringLiteral("product-desc-rewrite-de"));
    QCOMPARE(j.totalRecordCount.value_or(-1), 800);
    // Gemini's zeros beside a progress say nothing: never "0 of 800".
    QVERIFY(!j.processedRecordCount);
    QVERIFY(!j.successRecordCount);
    QVERIFY(!j.errorRecordCount);
}

void TestNativeCodec::allZeroCountsAreNotReported_data()
{
    QTest::addColumn<QByteArray>("counts");
    QTest::addColumn<bool>("reported");
    QTest::newRow("bedrock zeros")
            << QByteArray(R"({"total":0,"completed":0,"failed":0})") << false;
    QTest::newRow("every field zero")
            << QByteArray(R"({"total":0,"completed":0,"failed":0,"succeeded":0,"expired":0,)"
                          R"("canceled":0,"pending":0})")
            << false;
    QTest::newRow("empty object") << QByteArray("{}") << false;
    QTest::newRow("total only") << QByteArray(R"({"total":10,"completed":0,"failed":0})") << true;
}

void TestNativeCodec::allZeroCountsAreNotReported()
{
    QFETCH(QByteArray, counts);
    QFETCH(bool, reported);
    const QByteArray body
            = R"({"id":"batch_x","status":"in_progress","request_counts":)" + counts + "}";
    const auto parsed = NativeCodec::parseRetrieveBody(body, QStringLiteral("openai"));
    QVERIFY(parsed);
    QVERIFY(parsed->problems.isEmpty());
    QCOMPARE(parsed->job.totalRecordCount.has_value(), reported);
    QCOMPARE(parsed->job.has(JobField::ProcessedRecordCount), reported);
    QCOMPARE(parsed->job.provider.value_or(QString()), QStringLiteral("openai"));
}

void TestNativeCodec::wrongTypesBecomeProblems_data()
{
    using Kind = ParseProblem::Kind;
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("problemField");
    QTest::addColumn<QList<JobField>>("absent"); // left "not reported" because of it
    // What the problem says, for machines: kind, expected and found type, the value it kept.
    QTest::addColumn<ParseProblem::Kind>("kind");
    QTest::addColumn<ValueType>("expected");
    QTest::addColumn<ValueType>("found");
    QTest::addColumn<QString>("value");
    QTest::newRow("openai created_at string")
            << "openai" << QByteArray(R"("created_at":"yesterday")") << "created_at"
            << QList{JobField::SubmitTime} << Kind::NotATime << ValueType::UnixTime
            << ValueType::Text << "yesterday";
    QTest::newRow("openai expires_at object")
            << "openai" << QByteArray(R"("expires_at":{})") << "expires_at"
            << QList{JobField::JobExpirationTime} << Kind::WrongType << ValueType::UnixTime
            << ValueType::Object << "";
    QTest::newRow("openai completed_at negative")
            << "openai" << QByteArray(R"("completed_at":-5)") << "completed_at"
            << QList{JobField::CompletedAt, JobField::EndTime} << Kind::NotATime
            << ValueType::UnixTime << ValueType::Number << "-5";
    QTest::newRow("openai total string")
            << "openai"
            << QByteArray(R"("request_counts":{"total":"many","completed":3,"failed":0})")
            << "request_counts.total" << QList{JobField::TotalRecordCount} << Kind::WrongType
            << ValueType::Count << ValueType::Text << "many";
    QTest::newRow("openai counts array")
            << "openai" << QByteArray(R"("request_counts":[1,2])") << "request_counts"
            << QList{JobField::TotalRecordCount, JobField::ProcessedRecordCount} << Kind::WrongType
            << ValueType::Object << ValueType::List << "";
    QTest::newRow("openai completed fraction")
            << "openai" << QByteArray(R"("request_counts":{"total":9,"completed":2.5})")
            << "request_counts.completed"
            << QList{JobField::ProcessedRecordCount, JobField::SuccessRecordCount}
            << Kind::NotWholeNumber << ValueType::Count << ValueType::Number << "2.5";
    QTest::newRow("openai failed negative")
            << "openai" << QByteArray(R"("request_counts":{"total":9,"failed":-1})")
            << "request_counts.failed"
            << QList{JobField::ErrorRecordCount, JobField::ProcessedRecordCount}
            << Kind::BelowMinimum << ValueType::Count << ValueType::Number << "-1";
    QTest::newRow("openai more finished than total")
            << "openai" << QByteArray(R"("request_counts":{"total":2,"completed":5,"failed":4})")
            << "request_counts" << QList<JobField>{} << Kind::CountsDisagree << ValueType::Count
            << ValueType::Count << "9";
    QTest::newRow("anthropic succeeded as text")
            << "anthropic"
            << QByteArray(R"("request_counts":{"total":4,"succeeded":"4","failed":0})")
            << "request_counts.succeeded"
            << QList{JobField::SuccessRecordCount, JobField::ProcessedRecordCount}
            << Kind::WrongType << ValueType::Count << ValueType::Text << "4";
    QTest::newRow("anthropic metadata string")
            << "anthropic" << QByteArray(R"("metadata":"x")") << "metadata"
            << QList{JobField::JobName} << Kind::WrongType << ValueType::Object << ValueType::Text
            << "";
    QTest::newRow("anthropic job_name number")
            << "anthropic" << QByteArray(R"("metadata":{"job_name":5})") << "metadata.job_name"
            << QList{JobField::JobName} << Kind::WrongType << ValueType::Text << ValueType::Number
            << "";
    QTest::newRow("gemini progress too high")
            << "gemini" << QByteArray(R"("progress":140)") << "progress"
            << QList{JobField::ProgressPercent} << Kind::OutOfRange << ValueType::Percentage
            << ValueType::Number << "140";
    QTest::newRow("gemini progress text")
            << "gemini" << QByteArray(R"("progress":"half")") << "progress"
            << QList{JobField::ProgressPercent} << Kind::WrongType << ValueType::Percentage
            << ValueType::Text << "";
    QTest::newRow("gemini provider number")
            << "gemini" << QByteArray(R"("extra_fields":{"provider":1})") << "extra_fields.provider"
            << QList<JobField>{} << Kind::WrongType << ValueType::Text << ValueType::Number << "";
    QTest::newRow("bedrock errors.data object")
            << "bedrock" << QByteArray(R"("errors":{"data":{}})") << "errors.data"
            << QList{JobField::Message} << Kind::WrongType << ValueType::List << ValueType::Object
            << "";
    QTest::newRow("bedrock errors.data entry number")
            << "bedrock" << QByteArray(R"("errors":{"data":[7]})") << "errors.data[0]"
            << QList{JobField::Message} << Kind::WrongType << ValueType::Object << ValueType::Number
            << "";
    QTest::newRow("bedrock input_file_id list")
            << "bedrock" << QByteArray(R"("input_file_id":["s3://in"])") << "input_file_id"
            << QList{JobField::InputDataConfig} << Kind::WrongType << ValueType::Text
            << ValueType::List << "";
}

void TestNativeCodec::wrongTypesBecomeProblems()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, fields);
    QFETCH(QString, problemField);
    QFETCH(QList<JobField>, absent);
    QFETCH(ParseProblem::Kind, kind);
    QFETCH(ValueType, expected);
    QFETCH(ValueType, found);
    QFETCH(QString, value);
    const QByteArray body = R"({"id":"batch_x","status":"in_progress",)" + fields + "}";
    const auto parsed = NativeCodec::parseRetrieveBody(body, provider);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().describe()));
    QCOMPARE(parsed->problems.size(), 1);
    const ParseProblem &p = parsed->problems.constFirst();
    QCOMPARE(p.field, problemField);
    QCOMPARE(p.kind, kind);
    QCOMPARE(p.expected, expected);
    QCOMPARE(p.found, found);
    QCOMPARE(p.value, value);
    QVERIFY(!p.message().isEmpty());
    for (JobField f : std::as_const(absent))
        QVERIFY2(!parsed->job.has(f), qPrintable(jobFieldName(f)));
    QCOMPARE(parsed->job.jobArn.value_or(QString()), QStringLiteral("batch_x"));
    QCOMPARE(parsed->job.provider.value_or(QString()), provider);
    // The same problems come back from the raw body kept for the Raw tab and the Overview.
    QCOMPARE(NativeCodec::problemsIn(parsed->raw), parsed->problems);
}

// A batch is followed by its id and status: when either cannot be read the whole answer is an
// error that names them, what they held and the other fields of the wrong type (never values).
void TestNativeCodec::refusesABatchWithoutReadableIdOrStatus_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("named");
    QTest::newRow("openai, every field of the wrong type")
            << "openai"
            << QByteArray(R"({"id":123,"object":"batch","status":["in_progress"],)"
                          R"("created_at":"yesterday","request_counts":{"total":"many"},)"
                          R"("metadata":{"job_name":[1]}})")
            << QStringList{u"the batch body has no readable id (a number) nor status (an array)"_s,
                           u"created_at"_s, u"request_counts.total"_s, u"metadata.job_name"_s};
    QTest::newRow("anthropic, object id, status fine")
            << "anthropic" << QByteArray(R"({"id":{"v":"msgbatch_1"},"status":"ended"})")
            << QStringList{u"the batch body has no readable id (an object)"_s};
    QTest::newRow("gemini, status number")
            << "gemini" << QByteArray(R"({"id":"batches/b1","status":3,"progress":"half"})")
            << QStringList{u"the batch body has no readable status (a number)"_s,
                           u"also of the wrong type: progress"_s};
    QTest::newRow("bedrock, no id, status object")
            << "bedrock" << QByteArray(R"({"status":{"s":"completed"},"created_at":1})")
            << QStringList{u"no readable id (missing) nor status (an object)"_s};
    QTest::newRow("openai, empty id, null status")
            << "openai" << QByteArray(R"({"id":"","status":null})")
            << QStringList{u"no readable id (empty) nor status (missing)"_s};
    QTest::newRow("openai, boolean status")
            << "openai" << QByteArray(R"({"id":"batch_1","status":true,"expires_at":"soon"})")
            << QStringList{u"no readable status (a boolean)"_s, u"expires_at"_s};
}

void TestNativeCodec::refusesABatchWithoutReadableIdOrStatus()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, named);
    const auto parsed = NativeCodec::parseRetrieveBody(body, provider);
    QVERIFY2(!parsed, "a batch without a readable id or status was accepted");
    QCOMPARE(parsed.error().kind, GatewayError::Kind::BadBody);
    const QString text = parsed.error().describe();
    for (const QString &name : std::as_const(named))
        QVERIFY2(text.contains(name), qPrintable(name + u" not in: "_s + text));
    for (const char *value : {"in_progress", "yesterday", "many", "msgbatch_1", "half", "soon"})
        QVERIFY2(!text.contains(QLatin1StringView(value)), qPrintable(text));
    // A cancel answer is read the same way.
    QVERIFY(!NativeCodec::parseCancelBody(body, provider));
}

// A body of a million wrong entries gives a handful of problems, not a million: the first few
// by index, then how many more.
void TestNativeCodec::manyWrongEntriesStayAFewProblems()
{
    QByteArray numbers = R"({"id":"batch_x","status":"failed","errors":{"data":[)";
    QByteArray objects = numbers;
    constexpr int kEntries = 200000;
    for (int i = 0; i < kEntries; ++i) {
        numbers += i ? ",1" : "1";
        objects += i ? R"(,{"message":1})" : R"({"message":1})";
    }
    numbers += "]}}";
    objects += "]}}";

    const auto parsed = NativeCodec::parseRetrieveBody(numbers);
    QVERIFY(parsed);
    QCOMPARE(parsed->problems.size(), kMaxEntryProblems + 1);
    QCOMPARE(parsed->problems.at(kMaxEntryProblems - 1).field,
             QStringLiteral("errors.data[%1]").arg(kMaxEntryProblems - 1));
    const ParseProblem &more = parsed->problems.constLast();
    QCOMPARE(more.kind, ParseProblem::Kind::MoreEntries);
    QCOMPARE(more.field, QStringLiteral("errors.data"));
    QCOMPARE(more.value, QString::number(kEntries - kMaxEntryProblems));
    QCOMPARE(more.message(),
             QStringLiteral("%1 more entries are not an object").arg(kEntries - kMaxEntryProblems));

    // Objects whose fields are of the wrong type: only the first entries are read at all.
    const auto wrongInside = NativeCodec::parseRetrieveBody(objects);
    QVERIFY(wrongInside);
    QVERIFY2(wrongInside->problems.size() <= kMaxEntryProblems,
             qPrintable(QString::number(wrongInside->problems.size())));
    QVERIFY(!wrongInside->job.message);

    // A list page of 30,000 batches without a readable id: 10,000 are read, 100 problems are
    // listed, the rest counted (it was 25 s and 1.2 GB for a 16 MiB page).
    QByteArray list = R"({"object":"list","has_more":false,"data":[)";
    for (int i = 0; i < 30000; ++i)
        list += i ? R"(,{"id":1})" : R"({"id":1})";
    list += "]}";
    const auto page = NativeCodec::parseListBody(list, u"openai"_s);
    QVERIFY(page);
    QVERIFY(page->jobs.isEmpty());
    QCOMPARE(page->problems.size(), kMaxListProblems + 2);
    QCOMPARE(page->problems.at(0).field, u"data[0].id"_s);
    QCOMPARE(page->problems.at(1).kind, ParseProblem::Kind::LeftOut);
    QCOMPARE(page->problems.at(kMaxListProblems).kind, ParseProblem::Kind::MoreProblems);
    QCOMPARE(page->problems.at(kMaxListProblems).value,
             QString::number(2 * kMaxListEntries - kMaxListProblems));
    QCOMPARE(page->problems.constLast().kind, ParseProblem::Kind::TooManyEntries);
    QCOMPARE(page->problems.constLast().value, QString::number(30000 - kMaxListEntries));
}

void TestNativeCodec::listPages()
{
    const QByteArray openai = native(QStringLiteral("list-openai-page1.json"));
    BW_RETURN_IF_FAILED();
    const auto page = NativeCodec::parseListBody(openai);
    QVERIFY(page);
    QCOMPARE(page->jobs.size(), 2);
    QVERIFY(page->hasMore);
    QCOMPARE(page->firstId.value_or(QString()),
             QStringLiteral("batch_6746c4a1f0e88190a2b1c3d4e5f60718"));
    QCOMPARE(page->lastId.value_or(QString()),
             QStringLiteral("batch_6746b9e2c1d08190b7a6f5e4d3c2b1a0"));
    QVERIFY(!page->nextCursor);
    QCOMPARE(page->jobs.at(0).job.provider.value_or(QString()), QStringLiteral("openai"));
    QCOMPARE(page->jobs.at(1).job.successRecordCount.value_or(-1), 19987);

    const QByteArray bedrock = native(QStringLiteral("list-bedrock.json"));
    BW_RETURN_IF_FAILED();
    const auto b = NativeCodec::parseListBody(bedrock);
    QVERIFY(b);
    QCOMPARE(b->jobs.size(), 2);
    QVERIFY(!b->hasMore);
    QCOMPARE(b->jobs.at(1).job.statusCode(), JobStatus::Validating);
    QVERIFY(!b->jobs.at(0).job.totalRecordCount); // all zeros: not reported

    // A bad item is a problem and is left out; the rest of the page is kept.
    const auto mixed = NativeCodec::parseListBody(
            R"({"object":"list","data":[7,{"status":"failed"},{"id":"batch_a","status":"completed"}],)"
            R"("has_more":false,"next_cursor":"c2"})",
            QStringLiteral("openai"));
    QVERIFY(mixed);
    QCOMPARE(mixed->jobs.size(), 1);
    QCOMPARE(mixed->problems.size(), 2);
    QCOMPARE(mixed->nextCursor.value_or(QString()), QStringLiteral("c2"));
    QCOMPARE(mixed->jobs.at(0).job.provider.value_or(QString()), QStringLiteral("openai"));
}

void TestNativeCodec::resultsPages()
{
    const QByteArray bedrock = native(QStringLiteral("results-bedrock.json"));
    BW_RETURN_IF_FAILED();
    QList<ResultRecord> records;
    const auto page = NativeCodec::parseResultsBody(
            bedrock, [&](const ResultRecord &r) { records.append(r); });
    QVERIFY(page);
    QCOMPARE(page->batchId,
             QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                            "k3x9p2m7q1ab"));
    QVERIFY(!page->hasMore);
    QCOMPARE(records.size(), 5);
    QCOMPARE(records.at(0).outcome, ResultOutcome::Succeeded);
    QCOMPARE(records.at(1).outcome, ResultOutcome::Errored);
    QCOMPARE(records.at(1).customId, QStringLiteral("claim-000002"));
    QCOMPARE(records.at(1).code, QStringLiteral("400"));
    QVERIFY(records.at(1).message.startsWith(QLatin1StringView("Malformed input request")));
    QCOMPARE(records.at(3).code, QStringLiteral("429"));

    const QByteArray anthropic = native(QStringLiteral("results-anthropic-page.json"));
    BW_RETURN_IF_FAILED();
    records.clear();
    const auto a = NativeCodec::parseResultsBody(anthropic,
                                                 [&](const ResultRecord &r) { records.append(r); });
    QVERIFY(a);
    QVERIFY(a->hasMore);
    QCOMPARE(a->nextCursor.value_or(QString()), QStringLiteral("faq-0003"));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).outcome, ResultOutcome::Succeeded);
    QCOMPARE(records.at(1).outcome, ResultOutcome::Errored);
    QCOMPARE(records.at(1).code, QStringLiteral("invalid_request_error"));
    QCOMPARE(records.at(2).outcome, ResultOutcome::Expired);
    QCOMPARE(records.at(2).code, QStringLiteral("expired"));
}

void TestNativeCodec::resultRecordOutcomes_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("code");
    QTest::newRow("2xx response") << QByteArray(
            R"({"custom_id":"a","response":{"status_code":200}})")
                                  << int(ResultOutcome::Succeeded) << QString();
    QTest::newRow("5xx without error")
            << QByteArray(R"({"custom_id":"a","response":{"status_code":503}})")
            << int(ResultOutcome::Errored) << QStringLiteral("503");
    QTest::newRow("numeric error code")
            << QByteArray(R"({"custom_id":"a","error":{"code":500,"message":"x"}})")
            << int(ResultOutcome::Errored) << QStringLiteral("500");
    QTest::newRow("canceled") << QByteArray(R"({"custom_id":"a","result":{"type":"canceled"}})")
                              << int(ResultOutcome::Canceled) << QStringLiteral("canceled");
    QTest::newRow("anthropic nested error") << QByteArray(
            R"({"custom_id":"a","result":{"type":"errored","error":{"type":"overloaded_error","message":"busy"}}})")
                                            << int(ResultOutcome::Errored)
                                            << QStringLiteral("overloaded_error");
    QTest::newRow("succeeded but error")
            << QByteArray(R"({"custom_id":"a","result":{"type":"succeeded"},"error":{"code":"x"}})")
            << int(ResultOutcome::Errored) << QStringLiteral("x");
}

void TestNativeCodec::resultRecordOutcomes()
{
    QFETCH(QByteArray, record);
    QFETCH(int, outcome);
    QFETCH(QString, code);
    QList<ParseProblem> problems;
    const ResultRecord r
            = NativeCodec::parseResultRecord(QJsonDocument::fromJson(record).object(), problems);
    QCOMPARE(int(r.outcome), outcome);
    QCOMPARE(r.code, code);
    QCOMPARE(r.customId, QStringLiteral("a"));
}

void TestNativeCodec::badBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<!DOCTYPE html><html></html>");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("truncated") << QByteArray(R"({"id":"batch_)");
    QTest::newRow("no id") << QByteArray(R"({"status":"failed"})");
}

void TestNativeCodec::badBodies()
{
    QFETCH(QByteArray, body);
    const auto parsed = NativeCodec::parseRetrieveBody(body);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, GatewayError::Kind::BadBody);
    QVERIFY(!NativeCodec::parseListBody(body));
    QVERIFY(!NativeCodec::parseResultsBody(body, {}));
}

// Bifrost's 400 when the provider is missing reads as what it is.
void TestNativeCodec::providerRequiredError()
{
    const QByteArray body = native(QStringLiteral("error-400-provider-required.json"));
    BW_RETURN_IF_FAILED();
    const GatewayError e = JobCodec::parseErrorResponse(400, body, "application/json");
    QCOMPARE(e.kind, GatewayError::Kind::Http);
    QCOMPARE(e.message,
             QStringLiteral("provider query parameter or x-model-provider header is required"));
    QVERIFY(e.describe().contains(QLatin1StringView("provider query parameter")));
}

QTEST_GUILESS_MAIN(TestNativeCodec)
#include "tst_nativecodec.moc"
