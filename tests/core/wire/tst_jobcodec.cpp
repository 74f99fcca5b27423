#include "domain/rawbody.h"
#include "fixtures.h"
#include "wire/jobcodec.h"

#include <QDir>
#include <QJsonDocument>
#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;

class tst_JobCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsTimestampsAsQDateTimeDid_data();
    void formatsTimestampsAsQDateTimeDid();
    void parsesEveryFixture_data();
    void parsesEveryFixture();
    void parsesTimestamps_data();
    void parsesTimestamps();
    void readsEveryFieldOfAnAwsNativeBody();
    void keepsSparseBifrostBodySparse();
    void unknownStatusIsKeptVerbatimAndNonTerminal();
    void toleratesEmptyVpcConfig();
    void wrongTypesBecomeProblemsNotValues_data();
    void wrongTypesBecomeProblemsNotValues();
    void nullMeansNotReported();
    void rejectsBodiesThatAreNotJobs_data();
    void rejectsBodiesThatAreNotJobs();
    void refusesAJobWithoutReadableStatus_data();
    void refusesAJobWithoutReadableStatus();
    void keepsPartlyWrongTypesAsProblems_data();
    void keepsPartlyWrongTypesAsProblems();
    void readsListPagesAndTokens();
    void parsesErrorShapes_data();
    void parsesErrorShapes();
    void mergeKeepsLastKnownFieldsWhenAbsent();
    void toJsonNormalisesAndOmitsAbsentFields();
    void roundTripsThroughJson();
    void nativeFieldsRoundTripThroughTheStoredShape();
    void fromJsonReadsToJsonBackAndAnyOtherShapeAsParseJob();
    void toJsonBytesWritesWhatQJsonDocumentWrote_data();
    void toJsonBytesWritesWhatQJsonDocumentWrote();
    void storedBodyReadsAsQJsonDocumentReadsIt_data();
    void storedBodyReadsAsQJsonDocumentReadsIt();
    void storedBodyCheckTakesTheQuickPathForGatewayBodies();
    void directReaderReadsWhatFromJsonReads_data();
    void directReaderReadsWhatFromJsonReads();
    void directRetrieveReaderReadsWhatQJsonDocumentReads_data();
    void directRetrieveReaderReadsWhatQJsonDocumentReads();
    void survivesHugeAndHostileInput();
    void manyWrongFieldsStayAFewProblems();
};

void tst_JobCodec::parsesEveryFixture_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = test::fixtureNames();
    // Too few: one row that fails naming the directory (a failing _data function would leave
    // no rows, which aborts the binary).
    if (names.size() < 15)
        QTest::newRow("fixtures directory not found or incomplete")
                << QStringLiteral("fixtures-incomplete.json");
    for (const QString &n : names)
        QTest::newRow(qPrintable(n)) << n;
}

void tst_JobCodec::parsesEveryFixture()
{
    QFETCH(QString, name);
    const QByteArray body = test::fixture(name);
    BW_RETURN_IF_FAILED();
    if (name.startsWith(QLatin1StringView("error-"))) {
        const int status = name.mid(6, 3).toInt();
        const GatewayError e = JobCodec::parseErrorResponse(status, body, "application/json");
        QCOMPARE(e.kind, GatewayError::Kind::Http);
        QCOMPARE(e.httpStatus, status);
        QVERIFY(!e.gatewayType.isEmpty());
        QVERIFY(!e.message.isEmpty());
        QVERIFY(e.describe().contains(QString::number(status)));
    } else if (name.startsWith(QLatin1StringView("list-"))) {
        const auto page = JobCodec::parseListBody(body);
        QVERIFY2(page.hasValue(), qPrintable(page ? QString() : page.error().describe()));
        QVERIFY(!page->jobs.isEmpty());
        for (const ParsedJob &j : page->jobs) {
            QVERIFY(j.job.jobArn.has_value());
            QVERIFY(j.job.status.has_value());
            QVERIFY(j.job.submitTime.has_value());
        }
        QVERIFY(page->problems.isEmpty());
    } else if (name == QLatin1StringView("stop.json")) {
        const auto ack = JobCodec::parseStopBody(body);
        QVERIFY(ack.hasValue());
        QCOMPARE(ack->status->code(), JobStatus::Stopping);
    } else {
        const auto job = JobCodec::parseRetrieveBody(body);
        QVERIFY2(job.hasValue(), qPrintable(job ? QString() : job.error().describe()));
        QVERIFY(job->job.jobArn.has_value());
        QVERIFY(job->job.status.has_value());
        QVERIFY2(job->problems.isEmpty(), qPrintable(job->problems.value(0).message()));
        QCOMPARE(QJsonDocument(job->raw), QJsonDocument::fromJson(body));
    }
}

void tst_JobCodec::parsesTimestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs"); // -1 = invalid

    const qint64 base
            = QDateTime(QDate(2025, 3, 14), QTime(9, 26, 53), QTimeZone::utc()).toMSecsSinceEpoch();
    QTest::newRow("Z, no fraction") << "2025-03-14T09:26:53Z" << base;
    QTest::newRow("Z, 1 digit") << "2025-03-14T09:26:53.9Z" << base + 900;
    QTest::newRow("Z, 3 digits") << "2025-03-14T09:26:53.208Z" << base + 208;
    QTest::newRow("+00:00, 6 digits") << "2025-03-14T09:26:53.123456+00:00" << base + 123;
    QTest::newRow("9 digits") << "2025-03-14T09:26:53.999999999Z" << base + 999;
    QTest::newRow("+01:00") << "2025-03-14T10:26:53+01:00" << base;
    QTest::newRow("-05:30") << "2025-03-14T03:56:53-05:30" << base;
    QTest::newRow("+0100 no colon") << "2025-03-14T10:26:53+0100" << base;
    QTest::newRow("lower z") << "2025-03-14t09:26:53z" << base;
    QTest::newRow("no zone is UTC") << "2025-03-14T09:26:53" << base;
    QTest::newRow("epoch seconds") << "1741944413" << base;
    QTest::newRow("garbage") << "yesterday" << qint64(-1);
    QTest::newRow("month 13") << "2025-13-14T09:26:53Z" << qint64(-1);
    QTest::newRow("offset 25h") << "2025-03-14T09:26:53+25:00" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("10 digits fraction") << "2025-03-14T09:26:53.1234567890Z" << qint64(-1);
    // The gateways' own form is read by hand: its edges.
    QTest::newRow("leap day, 1 digit")
            << "2024-02-29T23:59:59.5Z"
            << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 500), QTimeZone::utc())
                       .toMSecsSinceEpoch();
    QTest::newRow("February 30") << "2025-02-30T09:26:53Z" << qint64(-1);
    QTest::newRow("hour 24") << "2025-03-14T24:00:00.000Z" << qint64(-1);
    QTest::newRow("second 60") << "2025-03-14T09:26:60Z" << qint64(-1);
    QTest::newRow("dot without digits") << "2025-03-14T09:26:53.Z" << qint64(-1);
    QTest::newRow("letter in fraction") << "2025-03-14T09:26:53.1a3Z" << qint64(-1);
    QTest::newRow("letter in year") << "2O25-03-14T09:26:53Z" << qint64(-1);
    QTest::newRow("year 0") << "0000-03-14T09:26:53Z" << qint64(-1);
}

void tst_JobCodec::parsesTimestamps()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    const auto parsed = JobCodec::parseTimestamp(text);
    if (msecs < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->toMSecsSinceEpoch(), msecs);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }
}

void tst_JobCodec::readsEveryFieldOfAnAwsNativeBody()
{
    const auto r = JobCodec::parseRetrieveBody(
            test::fixture(QStringLiteral("retrieve-inprogress-aws-native.json")));
    BW_RETURN_IF_FAILED();
    QVERIFY(r.hasValue());
    const Job &j = r->job;
    // Every Bedrock field but message and endTime; none of the native API's own.
    QCOMPARE(j.presentFields().count(), int(JobField::ErrorRecordCount) + 1 - 2);
    QCOMPARE(j.statusCode(), JobStatus::InProgress);
    QCOMPARE(*j.jobName, QStringLiteral("support-tickets-triage-0314"));
    QCOMPARE(*j.totalRecordCount, 25000);
    QCOMPARE(*j.processedRecordCount, 11842);
    QCOMPARE(*j.successRecordCount, 11790);
    QCOMPARE(*j.errorRecordCount, 52);
    QCOMPARE(*j.timeoutDurationInHours, 72);
    QCOMPARE(*j.modelInvocationType, QStringLiteral("InvokeModel"));
    QCOMPARE(j.vpcConfig->subnetIds.size(), 2);
    QCOMPARE(j.vpcConfig->securityGroupIds, QStringList{QStringLiteral("sg-0123456789abcdef0")});
    QCOMPARE(*j.outputDataConfig->s3EncryptionKeyId,
             QStringLiteral("arn:aws:kms:us-east-1:123456789012:key/"
                            "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"));
    QCOMPARE(*j.inputDataConfig->s3BucketOwner, QStringLiteral("123456789012"));
    QCOMPARE(JobCodec::formatTimestamp(*j.jobExpirationTime),
             QStringLiteral("2025-03-17T08:15:02.417Z"));
}

void tst_JobCodec::keepsSparseBifrostBodySparse()
{
    const auto r
            = JobCodec::parseRetrieveBody(test::fixture(QStringLiteral("retrieve-completed.json")));
    BW_RETURN_IF_FAILED();
    QVERIFY(r.hasValue());
    const Job &j = r->job;
    QVERIFY(!j.modelId.has_value());
    QVERIFY(!j.vpcConfig.has_value());
    QVERIFY(!j.totalRecordCount.has_value());
    QVERIFY(!j.lastModifiedTime.has_value());
    QVERIFY(!j.message.has_value());
    QCOMPARE(j.statusCode(), JobStatus::Completed);
    QVERIFY(!j.outputDataConfig->s3EncryptionKeyId.has_value());
}

void tst_JobCodec::unknownStatusIsKeptVerbatimAndNonTerminal()
{
    const auto r = JobCodec::parseRetrieveBody(
            test::fixture(QStringLiteral("retrieve-edge-unknown-status.json")));
    BW_RETURN_IF_FAILED();
    QVERIFY(r.hasValue());
    QCOMPARE(r->job.statusCode(), JobStatus::Unknown);
    QCOMPARE(r->job.statusText(), QStringLiteral("Queued"));
    QVERIFY(!r->job.status->isTerminal());
    QVERIFY(r->job.message->contains(QStringLiteral("日本語 🚀")));
    QVERIFY(r->raw.contains(QLatin1StringView("futureField")));
    QCOMPARE(Status::fromString(QStringLiteral("inprogress")).code(), JobStatus::InProgress);
    QCOMPARE(Status::fromString(QStringLiteral("COMPLETED")).code(), JobStatus::Completed);
    QCOMPARE(Status::fromString(QStringLiteral("COMPLETED")).raw(), QStringLiteral("COMPLETED"));
}

void tst_JobCodec::toleratesEmptyVpcConfig()
{
    const auto r = JobCodec::parseRetrieveBody(
            test::fixture(QStringLiteral("retrieve-edge-unknown-status.json")));
    BW_RETURN_IF_FAILED();
    QVERIFY(r->job.vpcConfig.has_value());
    QVERIFY(r->job.vpcConfig->subnetIds.isEmpty());
    QVERIFY(r->job.vpcConfig->securityGroupIds.isEmpty());
}

void tst_JobCodec::wrongTypesBecomeProblemsNotValues_data()
{
    using Kind = ParseProblem::Kind;
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    // What a view puts in its own words (never parsing the English message).
    QTest::addColumn<ParseProblem::Kind>("kind");
    QTest::addColumn<ValueType>("expected");
    QTest::addColumn<ValueType>("found");
    QTest::addColumn<QString>("value");
    QTest::newRow("count string word")
            << QByteArray(R"({"jobArn":"a","totalRecordCount":"many"})") << "totalRecordCount"
            << Kind::WrongType << ValueType::WholeNumber << ValueType::Text << "many";
    QTest::newRow("count fraction")
            << QByteArray(R"({"jobArn":"a","processedRecordCount":1.5})") << "processedRecordCount"
            << Kind::NotWholeNumber << ValueType::WholeNumber << ValueType::Number << "1.5";
    QTest::newRow("count negative")
            << QByteArray(R"({"jobArn":"a","errorRecordCount":-4})") << "errorRecordCount"
            << Kind::BelowMinimum << ValueType::WholeNumber << ValueType::Number << "-4";
    QTest::newRow("time bool") << QByteArray(R"({"jobArn":"a","submitTime":true})") << "submitTime"
                               << Kind::WrongType << ValueType::Timestamp << ValueType::Boolean
                               << "";
    QTest::newRow("time garbage") << QByteArray(R"({"jobArn":"a","endTime":"not a time"})")
                                  << "endTime" << Kind::NotATime << ValueType::Timestamp
                                  << ValueType::Text << "not a time";
    QTest::newRow("vpc array") << QByteArray(R"({"jobArn":"a","vpcConfig":[]})") << "vpcConfig"
                               << Kind::WrongType << ValueType::Object << ValueType::List << "";
    QTest::newRow("subnet number") << QByteArray(R"({"jobArn":"a","vpcConfig":{"subnetIds":[1]}})")
                                   << "vpcConfig.subnetIds[0]" << Kind::WrongType << ValueType::Text
                                   << ValueType::Number << "";
    QTest::newRow("s3Uri object") << QByteArray(
            R"({"jobArn":"a","inputDataConfig":{"s3InputDataConfig":{"s3Uri":{}}}})")
                                  << "inputDataConfig.s3InputDataConfig.s3Uri" << Kind::WrongType
                                  << ValueType::Text << ValueType::Object << "";
    QTest::newRow("name array") << QByteArray(R"({"jobArn":"a","jobName":["x"]})") << "jobName"
                                << Kind::WrongType << ValueType::Text << ValueType::List << "";
    QTest::newRow("progress too high")
            << QByteArray(R"({"jobArn":"a","progressPercent":101})") << "progressPercent"
            << Kind::OutOfRange << ValueType::Percentage << ValueType::Number << "101";
}

void tst_JobCodec::wrongTypesBecomeProblemsNotValues()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(ParseProblem::Kind, kind);
    QFETCH(ValueType, expected);
    QFETCH(ValueType, found);
    QFETCH(QString, value);
    const auto r = JobCodec::parseRetrieveBody(body);
    QVERIFY(r.hasValue());
    QCOMPARE(*r->job.jobArn, QStringLiteral("a"));
    QCOMPARE(r->problems.size(), 1);
    const ParseProblem &p = r->problems.first();
    QCOMPARE(p.field, field);
    QCOMPARE(p.kind, kind);
    QCOMPARE(p.expected, expected);
    QCOMPARE(p.found, found);
    QCOMPARE(p.value, value);
    QVERIFY(!p.message().isEmpty());
    const auto top = jobFieldFromName(field.section(u'.', 0, 0));
    QVERIFY(top.has_value());
    if (*top != JobField::VpcConfig && *top != JobField::InputDataConfig)
        QVERIFY2(!r->job.has(*top), "a wrong-typed field must stay 'not reported'");
}

void tst_JobCodec::nullMeansNotReported()
{
    const auto r = JobCodec::parseRetrieveBody(
            R"({"jobArn":"a","status":null,"message":null,"totalRecordCount":null})");
    QVERIFY(r.hasValue());
    QVERIFY(r->problems.isEmpty());
    QVERIFY(!r->job.status.has_value());
    QVERIFY(!r->job.message.has_value());
    QVERIFY(!r->job.totalRecordCount.has_value());
}

void tst_JobCodec::rejectsBodiesThatAreNotJobs_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    const int bad = int(GatewayError::Kind::BadBody);
    QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><title>Bifrost</title></html>")
                          << bad;
    QTest::newRow("empty") << QByteArray("") << bad;
    QTest::newRow("truncated") << QByteArray(R"({"jobArn":"arn:aws:bed)") << bad;
    QTest::newRow("array") << QByteArray("[1,2]") << bad;
    QTest::newRow("no job fields") << QByteArray(R"({"hello":"world"})") << bad;
    QTest::newRow("plain text") << QByteArray("Not Found") << bad;
    QTest::newRow("error on 200") << QByteArray(
            R"({"__type":"ThrottlingException","message":"slow down"})")
                                  << int(GatewayError::Kind::Http);
}

void tst_JobCodec::rejectsBodiesThatAreNotJobs()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    const auto r = JobCodec::parseRetrieveBody(body);
    QVERIFY(!r.hasValue());
    QCOMPARE(int(r.error().kind), kind);
    QVERIFY(!r.error().describe().isEmpty());
}

void tst_JobCodec::refusesAJobWithoutReadableStatus_data()
{
    QTest::addColumn<QByteArray>("body");
    // Field names the error must name (each once, values never).
    QTest::addColumn<QStringList>("named");
    QTest::newRow("every field of the wrong type")
            << QByteArray(R"({"jobArn":1234,"status":["InProgress"],"totalRecordCount":"many",)"
                          R"("processedRecordCount":"some","submitTime":"2025-03-14T09:26:53Z"})")
            << QStringList{u"jobArn (a number)"_s, u"status (an array)"_s, u"totalRecordCount"_s,
                           u"processedRecordCount"_s};
    QTest::newRow("number arn, no status")
            << QByteArray(R"({"jobArn":7,"jobName":"n"})")
            << QStringList{u"jobArn (a number)"_s, u"status (missing)"_s};
    QTest::newRow("no arn, object status")
            << QByteArray(R"({"status":{"code":"Completed"},"jobName":"n"})")
            << QStringList{u"jobArn (missing)"_s, u"status (an object)"_s};
    QTest::newRow("neither, other fields fine")
            << QByteArray(R"({"jobName":"n","submitTime":"2025-03-14T09:26:53Z"})")
            << QStringList{u"jobArn (missing)"_s, u"status (missing)"_s};
    QTest::newRow("status array, arn fine")
            << QByteArray(R"({"jobArn":"arn:x","status":["InProgress"],"jobName":42})")
            << QStringList{u"no readable status (an array)"_s, u"jobName"_s};
    QTest::newRow("status number, arn fine") << QByteArray(R"({"jobArn":"a","status":3})")
                                             << QStringList{u"no readable status (a number)"_s};
    QTest::newRow("null arn, bool status")
            << QByteArray(R"({"jobArn":null,"status":true,"errorRecordCount":[1]})")
            << QStringList{u"jobArn (missing)"_s, u"status (a boolean)"_s, u"errorRecordCount"_s};
}

void tst_JobCodec::refusesAJobWithoutReadableStatus()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, named);
    const auto r = JobCodec::parseRetrieveBody(body);
    QVERIFY2(!r.hasValue(), "a body without a readable status was accepted as a job");
    QCOMPARE(r.error().kind, GatewayError::Kind::BadBody);
    const QString text = r.error().describe();
    for (const QString &name : std::as_const(named))
        QVERIFY2(text.contains(name), qPrintable(name + u" not in: "_s + text));
    QVERIFY2(!text.contains(u"InProgress"_s) && !text.contains(u"many"_s), qPrintable(text));
}

void tst_JobCodec::keepsPartlyWrongTypesAsProblems_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("model array, status fine")
            << QByteArray(R"({"jobArn":"arn:x","status":"InProgress","modelId":["m"]})")
            << QStringList{u"modelId"_s};
    QTest::newRow("arn number, status fine")
            << QByteArray(R"({"jobArn":12,"status":"Completed"})") << QStringList{u"jobArn"_s};
    QTest::newRow("counts as words")
            << QByteArray(R"({"jobArn":"arn:x","status":"InProgress","totalRecordCount":"ten",)"
                          R"("successRecordCount":{}})")
            << QStringList{u"totalRecordCount"_s, u"successRecordCount"_s};
}

void tst_JobCodec::keepsPartlyWrongTypesAsProblems()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, fields);
    const auto r = JobCodec::parseRetrieveBody(body);
    QVERIFY2(r.hasValue(), qPrintable(r ? QString() : r.error().describe()));
    QStringList got;
    for (const ParseProblem &p : r->problems)
        got << p.field;
    QCOMPARE(got, fields);
    // The same problems come back from the raw body kept for the Raw tab.
    QCOMPARE(JobCodec::problemsIn(r->raw), r->problems);
    for (const QString &field : std::as_const(fields)) {
        const auto top = jobFieldFromName(field);
        QVERIFY(top.has_value());
        QVERIFY2(!r->job.has(*top), "a wrong-typed field must stay 'not reported'");
    }
}

void tst_JobCodec::readsListPagesAndTokens()
{
    const auto aws
            = JobCodec::parseListBody(test::fixture(QStringLiteral("list-page1-aws-native.json")));
    BW_RETURN_IF_FAILED();
    QVERIFY(aws.hasValue());
    QCOMPARE(aws->jobs.size(), 3);
    QCOMPARE(*aws->nextToken,
             QStringLiteral(
                     "AYADeNb3+Qp0s1/"
                     "kL9vWmT2xYhE5rUcJ8oZgFi6aDlNqHwB7AAEAB2F3cy1rbXMAS2Fybjphd3M6a21z/uMy+0=="));
    QCOMPARE(aws->jobs.at(2).job.vpcConfig->securityGroupIds.size(), 2);

    const auto bifrost
            = JobCodec::parseListBody(test::fixture(QStringLiteral("list-bifrost-converted.json")));
    BW_RETURN_IF_FAILED();
    QVERIFY(bifrost.hasValue());
    QCOMPARE(bifrost->jobs.size(), 5);
    QVERIFY(!bifrost->nextToken.has_value());
    QCOMPARE(*bifrost->jobs.at(0).job.modelId,
             QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));

    const auto cross = JobCodec::parseListBody(
            test::fixture(QStringLiteral("list-crossprovider-terminal-nexttoken.json")));
    BW_RETURN_IF_FAILED();
    QVERIFY(cross.hasValue());
    QCOMPARE(*cross->jobs.at(0).job.jobName, QString()); // empty, but reported
    QVERIFY(cross->jobs.at(0).job.jobName.has_value());
    QCOMPARE(JobCodec::formatTimestamp(*cross->jobs.at(1).job.endTime),
             QStringLiteral("2025-03-13T18:47:05.000Z"));

    const auto empty = JobCodec::parseListBody(R"({"invocationJobSummaries":[],"nextToken":""})");
    QVERIFY(empty.hasValue());
    QVERIFY(empty->jobs.isEmpty());
    QVERIFY(!empty->nextToken.has_value());

    const auto mixed = JobCodec::parseListBody(R"({"invocationJobSummaries":[1,{"jobArn":"x"}]})");
    QVERIFY(mixed.hasValue());
    QCOMPARE(mixed->jobs.size(), 1);
    QCOMPARE(mixed->problems.size(), 1);

    QVERIFY(!JobCodec::parseListBody(R"({"invocationJobSummaries":{}})").hasValue());
}

void tst_JobCodec::parsesErrorShapes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");

    QTest::newRow("aws __type")
            << 404 << QByteArray(R"({"__type":"ResourceNotFoundException","message":"gone"})")
            << QByteArray() << "ResourceNotFoundException"
            << "gone";
    QTest::newRow("coral type")
            << 400
            << QByteArray(
                       R"({"__type":"com.amazon.coral.validate#ValidationException:extra","Message":"bad"})")
            << QByteArray() << "ValidationException"
            << "bad";
    QTest::newRow("published") << 404 << QByteArray(R"({"message":"nope","type":"not_found"})")
                               << QByteArray() << "not_found"
                               << "nope";
    QTest::newRow("bifrost envelope")
            << 401
            << QByteArray(
                       R"({"type":"virtual_key_required","is_bifrost_error":true,"status_code":401,"error":{"message":"key needed"}})")
            << QByteArray() << "virtual_key_required"
            << "key needed";
    QTest::newRow("envelope no type")
            << 503 << QByteArray(R"({"status_code":503,"error":{"message":"store down"}})")
            << QByteArray() << ""
            << "store down";
    QTest::newRow("header type") << 409 << QByteArray(R"({"message":"no longer stoppable"})")
                                 << QByteArray("ConflictException:http://internal")
                                 << "ConflictException"
                                 << "no longer stoppable";
    QTest::newRow("plain text") << 405 << QByteArray("Method Not Allowed\n") << QByteArray() << ""
                                << "Method Not Allowed";
    QTest::newRow("html") << 502
                          << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>")
                          << QByteArray() << ""
                          << "the gateway answered with an HTML page (502 Bad Gateway)";
    QTest::newRow("empty") << 500 << QByteArray() << QByteArray() << ""
                           << "";
    QTest::newRow("broken json") << 500 << QByteArray("{\"__type\":") << QByteArray() << ""
                                 << "{\"__type\":";
}

void tst_JobCodec::parsesErrorShapes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const GatewayError e = JobCodec::parseErrorResponse(status, body, {}, header);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.gatewayType, type);
    QCOMPARE(e.message, message);
    QVERIFY(e.describe().startsWith(QStringLiteral("HTTP %1").arg(status)));
}

void tst_JobCodec::mergeKeepsLastKnownFieldsWhenAbsent()
{
    // A list summary carries modelId, a Bifrost retrieve carries the configs: merged, both stay.
    const auto summary
            = JobCodec::parseListBody(test::fixture(QStringLiteral("list-bifrost-converted.json")));
    BW_RETURN_IF_FAILED();
    Job merged = summary->jobs.at(0).job;
    const auto retrieve
            = JobCodec::parseRetrieveBody(test::fixture(QStringLiteral("retrieve-completed.json")));
    BW_RETURN_IF_FAILED();
    const JobFields changed = merged.mergeFrom(retrieve->job);
    QCOMPARE(*merged.modelId, QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
    QVERIFY(merged.inputDataConfig.has_value());
    QVERIFY(merged.endTime.has_value());
    QVERIFY(changed.has(JobField::EndTime));
    QVERIFY(changed.has(JobField::InputDataConfig));
    QVERIFY(!changed.has(JobField::JobName)); // same value
    QVERIFY(!changed.has(JobField::ModelId)); // not in the newer body
    QVERIFY(!changed.has(JobField::Status));

    Job again = merged;
    QVERIFY(again.mergeFrom(merged).isEmpty());
    QVERIFY(again == merged);
}

void tst_JobCodec::toJsonNormalisesAndOmitsAbsentFields()
{
    const auto r = JobCodec::parseRetrieveBody(
            test::fixture(QStringLiteral("retrieve-crossprovider-finalizing.json")));
    BW_RETURN_IF_FAILED();
    const QJsonObject o = JobCodec::toJson(r->job);
    QCOMPARE(o.value(QLatin1StringView("submitTime")).toString(),
             QStringLiteral("2025-03-14T09:26:53.000Z"));
    QCOMPARE(o.value(QLatin1StringView("status")).toString(), QStringLiteral("finalizing"));
    QVERIFY(!o.contains(QLatin1StringView("jobName")));
    QVERIFY(!o.contains(QLatin1StringView("outputDataConfig")));
    QVERIFY(!o.contains(QLatin1StringView("vpcConfig")));
    QCOMPARE(o.keys().size(), 4);
}

void tst_JobCodec::roundTripsThroughJson()
{
    for (const QString &name : test::fixtureNames()) {
        if (!name.startsWith(QLatin1StringView("retrieve-")))
            continue;
        const auto r = JobCodec::parseRetrieveBody(test::fixture(name));
        BW_RETURN_IF_FAILED();
        const QByteArray again = QJsonDocument(JobCodec::toJson(r->job)).toJson();
        const auto r2 = JobCodec::parseRetrieveBody(again);
        QVERIFY2(r2.hasValue(), qPrintable(name));
        QVERIFY2(r2->job == r->job, qPrintable(name));
    }
}

void tst_JobCodec::fromJsonReadsToJsonBackAndAnyOtherShapeAsParseJob()
{
    for (const QString &name : test::fixtureNames()) {
        if (!name.startsWith(QLatin1StringView("retrieve-")))
            continue;
        const auto r = JobCodec::parseRetrieveBody(test::fixture(name));
        BW_RETURN_IF_FAILED();
        QVERIFY2(JobCodec::fromJson(JobCodec::toJson(r->job)) == r->job, qPrintable(name));
        // The gateway's own body is not toJson's shape: read as parseJob reads it.
        QVERIFY2(JobCodec::fromJson(r->raw) == r->job, qPrintable(name));
    }
}

void tst_JobCodec::toJsonBytesWritesWhatQJsonDocumentWrote_data()
{
    QTest::addColumn<Job>("job");
    // Every retrieve fixture, as the gateways report jobs.
    for (const QString &name : test::fixtureNames()) {
        if (!name.startsWith(QLatin1StringView("retrieve-")))
            continue;
        const auto r = JobCodec::parseRetrieveBody(test::fixture(name));
        if (r.hasValue())
            QTest::newRow(qPrintable(name)) << r->job;
    }
    QTest::newRow("empty job") << Job();

    const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0, 0, 7), Qt::UTC);
    Job every;
    every.jobArn = u"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abc"_s;
    every.status = Status::fromString(u"InProgress"_s);
    every.jobName = u"näme / 名前 \"quoted\" back\\slash"_s;
    every.modelId = u"anthropic.claude-3-haiku-20240307-v1:0"_s;
    every.roleArn = QString(); // present but empty
    every.clientRequestToken = u"tab\there\nnew line\r\b\f"_s;
    every.message = QString(u"control \x01 \x1f del \x7f nul "_s) + QChar(u'\0') + u" end"_s;
    every.submitTime = t0;
    every.lastModifiedTime = t0.addMSecs(1234);
    every.endTime = QDateTime(); // present but invalid: left out
    every.jobExpirationTime = t0.addDays(3);
    every.inputDataConfig = InputDataConfig{u"s3://in/x.jsonl"_s, u"JSONL"_s, u"123"_s};
    every.outputDataConfig = OutputDataConfig{u"s3://out/"_s, std::nullopt, u"123"_s};
    every.vpcConfig = VpcConfig{{u"sg-1"_s}, {u"subnet-1"_s, u"subnet-2"_s}};
    every.timeoutDurationInHours = 72;
    every.modelInvocationType = u"InvokeModel"_s;
    every.totalRecordCount = 0;
    every.processedRecordCount = (qint64(1) << 53) + 1; // not exact as a double
    every.successRecordCount = std::numeric_limits<qint64>::max();
    every.errorRecordCount = 12345678901LL;
    every.provider = u"gemini"_s;
    every.inProgressAt = t0.addSecs(60);
    every.finalizingAt = t0.addSecs(120);
    every.completedAt = t0.addSecs(180);
    every.failedAt = t0.addSecs(240);
    every.expiredAt = t0.addSecs(300);
    every.cancellingAt = t0.addSecs(360);
    every.cancelledAt = t0.addSecs(420);
    every.progressPercent = 33.333333333333336;
    QTest::newRow("every field, hostile text") << every;

    Job emptyConfigs;
    emptyConfigs.status = Status::fromString(u"Submitted"_s);
    emptyConfigs.inputDataConfig = InputDataConfig{};
    emptyConfigs.outputDataConfig = OutputDataConfig{};
    emptyConfigs.vpcConfig = VpcConfig{};
    emptyConfigs.progressPercent = 100.0;
    QTest::newRow("empty configs, whole percentage") << emptyConfigs;

    Job fractions;
    fractions.status = Status::fromString(u"in_progress"_s);
    fractions.progressPercent = 1e-7;
    fractions.totalRecordCount = -5; // never from the codec, but written all the same
    QTest::newRow("tiny percentage, negative count") << fractions;

    Job extremes;
    extremes.totalRecordCount = std::numeric_limits<qint64>::min(); // -2^63, a double to Qt
    extremes.processedRecordCount = std::numeric_limits<qint64>::min() + 1;
    extremes.errorRecordCount = -(qint64(1) << 53) - 1;
    QTest::newRow("smallest counts") << extremes;

    Job surrogates;
    surrogates.jobName = u"emoji 😀 and a lone "_s + QChar(0xD800);
    surrogates.status = Status::fromString(u"Completed"_s);
    QTest::newRow("surrogates (written through QJsonDocument)") << surrogates;
}

void tst_JobCodec::toJsonBytesWritesWhatQJsonDocumentWrote()
{
    QFETCH(Job, job);
    const QByteArray expected = QJsonDocument(JobCodec::toJson(job)).toJson(QJsonDocument::Compact);
    QCOMPARE(JobCodec::toJsonBytes(job), expected);
}

void tst_JobCodec::nativeFieldsRoundTripThroughTheStoredShape()
{
    Job job;
    job.jobArn = QStringLiteral("batches/123-abc");
    job.status = Status::fromString(QStringLiteral("in_progress"));
    job.provider = QStringLiteral("gemini");
    const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    job.submitTime = t0;
    job.inProgressAt = t0.addSecs(60);
    job.finalizingAt = t0.addSecs(120);
    job.completedAt = t0.addSecs(180);
    job.failedAt = t0.addSecs(240);
    job.expiredAt = t0.addSecs(300);
    job.cancellingAt = t0.addSecs(360);
    job.cancelledAt = t0.addSecs(420);
    job.progressPercent = 42.5;
    QCOMPARE(job.presentFields().count(), 12);

    const QJsonObject o = JobCodec::toJson(job);
    QCOMPARE(o.value(QLatin1StringView("provider")).toString(), QStringLiteral("gemini"));
    QCOMPARE(o.value(QLatin1StringView("inProgressAt")).toString(),
             QStringLiteral("2026-03-01T10:01:00.000Z"));
    QCOMPARE(o.value(QLatin1StringView("progressPercent")).toDouble(), 42.5);
    QVERIFY(JobCodec::fromJson(o) == job);
    // A stored row written by a later version with one more key still reads every field.
    QJsonObject newer = o;
    newer.insert(QLatin1StringView("somethingNew"), 1);
    QVERIFY(JobCodec::fromJson(newer) == job);
    // A percentage outside 0..100 is a problem, not a value.
    QJsonObject bad = o;
    bad.insert(QLatin1StringView("progressPercent"), 250);
    const ParsedJob parsed = JobCodec::parseJob(bad);
    QVERIFY(!parsed.job.progressPercent);
    QCOMPARE(parsed.problems.size(), 1);
    QCOMPARE(parsed.problems.front().field, QStringLiteral("progressPercent"));
}

namespace {
// What loading a stored raw body gave before RawBody: the object QJsonDocument reads, or none.
QJsonObject readAsBefore(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    return error.error == QJsonParseError::NoError && doc.isObject() ? doc.object() : QJsonObject();
}
} // namespace

void tst_JobCodec::storedBodyReadsAsQJsonDocumentReadsIt_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const QString &name : test::fixtureNames()) {
        const QByteArray text = test::fixture(name);
        QTest::newRow(qPrintable(name)) << text;
        QTest::newRow(qPrintable(name + u" compact"_s))
                << QJsonDocument::fromJson(text).toJson(QJsonDocument::Compact);
    }
    const QList<QByteArray> hostile = {
            "",
            " ",
            "null",
            "[]",
            "[{\"a\":1}]",
            "\"text\"",
            "42",
            "{}",
            " { \t\r\n } ",
            "{\"a\":1}",
            " {\"a\" : [ 1 , -2.5 , true , false , null , { } , [ ] , \"x\" ] } \n",
            "{\"a\":1} x",
            "{\"a\":1}}",
            "{\"a\":1,}",
            "{,\"a\":1}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{a:1}",
            "{'a':1}",
            "{\"a\":01}",
            "{\"a\":-}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":1e5}",
            "{\"a\":1e999}",
            "{\"a\":-1E-999}",
            "{\"a\":123456789012345678901234567890}",
            "{\"a\":9223372036854775807}",
            "{\"a\":-0}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":tru}",
            "{\"a\":nul}",
            "{\"a\":truex}",
            "{\"a\":\"\\u00e9\\u0000\\/\\b\\f\\n\\r\\t\\\"\\\\\"}",
            "{\"a\":\"\\ud83d\\ude00\"}",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":\"\\udc00x\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\'\"}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"nul\0byte\"}",
            "{\"a\":\"caf\xc3\xa9\"}",
            "{\"a\":\"bad \xc3\"}",
            "{\"a\":\"bad \xff\xfe\"}",
            "{\"a\":\"overlong \xc0\xaf\"}",
            "{\"\xe2\x82\xac\":1}",
            "{\"a\":\"\xe6\x97\xa5 \xf0\x9f\x9a\x80 \xc2\x80 \xdf\xbf \xef\xbf\xbd "
            "\xf4\x8f\xbf\xbd\"}",
            "{\"a\":\"surrogate \xed\xa0\x80\"}",
            "{\"a\":\"overlong \xe0\x80\xaf \xf0\x80\x80\xaf\"}",
            "{\"a\":\"above \xf4\x90\x80\x80 \xf5\x80\x80\x80\"}",
            "{\"a\":\"cut \xe6\x97\"}",
            "{\"a\":\"cut \xf0\x9f\x9a\"}",
            "{\"a\":\"stray \x80\xbf\"}",
            "{\"a\":\"nonchar \xef\xbf\xbe \xef\xbf\xbf \xef\xb7\x90\"}",
            "{\"a\":\"nonchar \xf0\x9f\xbf\xbf\"}",
            "{\"a\":\"unterminated}",
            "{\"a\":[1,2}",
            "{\"a\":{\"b\":[}]}",
            "{\"a\":1,\"a\":2}",
            "\xef\xbb\xbf{\"a\":1}",
            "{\"a\":1}\0",
            "{\"a\":1\v}",
            "{\"a\":1\f}",
            "\x01{\"a\":1}",
    };
    for (qsizetype i = 0; i < hostile.size(); ++i)
        QTest::newRow(qPrintable(u"hostile %1"_s.arg(i))) << hostile.at(i);
    QTest::newRow("NUL inside") << QByteArray("{\"a\":\"x\0y\"}", 11);
    QByteArray deep = "{\"a\":";
    for (int i = 0; i < 200; ++i)
        deep += "[";
    deep += "1";
    for (int i = 0; i < 200; ++i)
        deep += "]";
    deep += "}";
    QTest::newRow("nested 200 deep") << deep;
    QByteArray shallow = "{\"a\":";
    for (int i = 0; i < 60; ++i)
        shallow += "{\"b\":";
    shallow += "1";
    for (int i = 0; i < 61; ++i)
        shallow += "}";
    QTest::newRow("nested 60 deep") << shallow;
    QTest::newRow("long string") << "{\"a\":\"" + QByteArray(1 << 20, 'x') + "\"}";
}

void tst_JobCodec::storedBodyReadsAsQJsonDocumentReadsIt()
{
    QFETCH(QByteArray, text);
    // The whole text, shorter parts of it (a row cut off when it was written), and the text
    // with one byte changed, at up to 200 places each: reading it through RawBody gives what
    // QJsonDocument gives.
    QList<QByteArray> texts{text};
    if (text.size() < 4096) {
        const qsizetype step = text.size() / 200 + 1;
        for (qsizetype n = 0; n < text.size(); n += step) {
            texts << text.left(n);
            QByteArray changed = text;
            changed[n] = "}]\",:0 \\x\x80"[n % 10];
            texts << changed;
        }
    }
    for (const QByteArray &t : std::as_const(texts)) {
        const QJsonObject expected = readAsBefore(t);
        const RawBody body = RawBody::fromJsonText(t);
        if (body.isEmpty() != expected.isEmpty() || body.object() != expected)
            QFAIL(qPrintable(
                    u"read differently: %1"_s.arg(QString::fromLatin1(t.toPercentEncoding()))));
        // Written back, it is read as the same object again.
        QCOMPARE(readAsBefore(body.toJsonText()), expected);
        QVERIFY(body == RawBody(expected));
    }
}

void tst_JobCodec::storedBodyCheckTakesTheQuickPathForGatewayBodies()
{
    // Start-up reads 100,000 stored bodies: the ones gateways send must not need a parse.
    for (const QString &name : test::fixtureNames()) {
        if (!name.startsWith(QLatin1StringView("retrieve-")))
            continue;
        const QByteArray text = test::fixture(name);
        QVERIFY2(rawbodydetail::isCertainlyNonEmptyObject(text), qPrintable(name));
        const QJsonObject object = QJsonDocument::fromJson(text).object();
        const RawBody body = RawBody::fromJsonText(text);
        QCOMPARE(body.toJsonText(), text); // kept as it was read, written back unchanged
        QCOMPARE(body.object(), object);
        QVERIFY(body.isSameAs(RawBody::fromJsonText(text)));
        QVERIFY(!body.isSameAs(RawBody(object))); // cheap: text and object are not compared
        QVERIFY(body == RawBody(object));
    }
}

namespace {
// How the store read job_json before the direct reader: QJsonDocument, then fromJson (nullopt:
// not JSON, a row counted unreadable).
std::optional<Job> readJobAsBefore(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return JobCodec::fromJson(doc.object());
}
} // namespace

void tst_JobCodec::directReaderReadsWhatFromJsonReads_data()
{
    toJsonBytesWritesWhatQJsonDocumentWrote_data();
}

void tst_JobCodec::directReaderReadsWhatFromJsonReads()
{
    QFETCH(Job, job);
    const QByteArray text = JobCodec::toJsonBytes(job);
    // What gateways report and the store writes is read directly (start-up reads 100,000).
    const QByteArrayView tag(QTest::currentDataTag());
    if ((tag.startsWith("retrieve-") && tag != "retrieve-edge-unknown-status.json")
        || tag == "empty job" || tag == "empty configs, whole percentage") {
        const std::optional<Job> direct = JobCodec::fromJsonBytes(text);
        QVERIFY(direct);
        QVERIFY(*direct == job);
    }
    // The text as written, cut short, with a byte changed or whitespace added, the members
    // reordered or doubled, and a stray member: whatever the direct reader reads is what the
    // reader before it read (anything it does not read, that reader still reads).
    QList<QByteArray> texts{text, text + ' ', ' ' + text, "{\"x\":1," + text.mid(1),
                            text.left(text.size() - 1) + ",\"x\":1}"};
    const QJsonObject object = QJsonDocument::fromJson(text).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QJsonObject one{{it.key(), it.value()}};
        const QByteArray member = QJsonDocument(one).toJson(QJsonDocument::Compact);
        texts << "{" + member.mid(1, member.size() - 2) + "," + text.mid(1); // doubled/first
    }
    const qsizetype step = text.size() / 150 + 1;
    for (qsizetype n = 0; n < text.size(); n += step) {
        texts << text.left(n);
        for (const char c : QByteArrayView("\"\\:,{}[]0 9.e-\x7f\xc3\xff")) {
            QByteArray changed = text;
            changed[n] = c;
            texts << changed;
        }
        texts << text.left(n) + ' ' + text.mid(n);
    }
    for (const QByteArray &t : std::as_const(texts)) {
        const std::optional<Job> direct = JobCodec::fromJsonBytes(t);
        if (!direct)
            continue;
        const std::optional<Job> before = readJobAsBefore(t);
        if (!before || !(*before == *direct))
            QFAIL(qPrintable(
                    u"read differently: %1"_s.arg(QString::fromLatin1(t.toPercentEncoding()))));
    }
    // Hand-picked values at the edges of what the direct reader takes.
    const QList<QByteArray> edges = {
            "{}",
            "{\"progressPercent\":100}",
            "{\"progressPercent\":100.0000000001}",
            "{\"progressPercent\":0.1}",
            "{\"progressPercent\":00.1}",
            "{\"progressPercent\":1.}",
            "{\"progressPercent\":99.99999999999999999999}",
            "{\"totalRecordCount\":999999999999999}",
            "{\"totalRecordCount\":9999999999999999}",
            "{\"totalRecordCount\":01}",
            "{\"totalRecordCount\":-1}",
            "{\"jobName\":\"\\u001f\\u0000\\u007f\\u00e9\"}",
            "{\"jobName\":\"\\u00E9\"}",
            "{\"jobName\":\"caf\xc3\xa9 \xe6\x97\xa5 \xef\xbf\xbd\"}",
            "{\"jobName\":\"\xef\xbf\xbe\"}",
            "{\"jobName\":\"\xed\xa0\x80\"}",
            "{\"jobName\":\"\xc0\xaf\"}",
            "{\"jobName\":\"\xf0\x9f\x9a\x80\"}",
            "{\"submitTime\":\"2026-02-30T10:00:00.000Z\"}",
            "{\"submitTime\":\"2026-03-01T10:00:00+02:00\"}",
            "{\"submitTime\":\"yesterday\"}",
            "{\"status\":\"\"}",
            "{\"inputDataConfig\":{\"s3InputDataConfig\":{}}}",
            "{\"inputDataConfig\":{}}",
            "{\"inputDataConfig\":{\"s3InputDataConfig\":{\"s3Uri\":\"a\",\"s3BucketOwner\":\"b\"}}"
            "}",
            "{\"inputDataConfig\":{\"s3InputDataConfig\":{\"s3BucketOwner\":\"b\",\"s3Uri\":\"a\"}}"
            "}",
            "{\"outputDataConfig\":{\"s3InputDataConfig\":{\"s3Uri\":\"a\"}}}",
            "{\"vpcConfig\":{\"securityGroupIds\":[],\"subnetIds\":[\"a\",\"b\"]}}",
            "{\"vpcConfig\":{\"subnetIds\":[\"a\"]}}",
            "{\"vpcConfig\":{\"securityGroupIds\":[1],\"subnetIds\":[]}}",
    };
    for (const QByteArray &t : edges) {
        const std::optional<Job> direct = JobCodec::fromJsonBytes(t);
        const std::optional<Job> before = readJobAsBefore(t);
        if (direct && (!before || !(*before == *direct)))
            QFAIL(qPrintable(u"read differently: %1"_s.arg(QString::fromUtf8(t))));
    }
}

namespace {
// `body` and hostile variants of it: cut short, a byte changed, whitespace (JSON's and not)
// added, a byte order mark, trailing garbage, each top-level member doubled, null, or of another
// type, a stray member, and the members in reverse order.
QList<QByteArray> retrieveBodyVariants(const QByteArray &body)
{
    QList<QByteArray> out{body,
                          ' ' + body + "\r\n\t",
                          "\xef\xbb\xbf" + body,
                          '\f' + body,
                          body + 'x',
                          body + "{}",
                          body + '\0'};
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QList<QByteArray> members;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QByteArray key = QJsonDocument(QJsonObject{{it.key(), it.value()}})
                                       .toJson(QJsonDocument::Compact)
                                       .chopped(1)
                                       .mid(1);
        members << key;
        const QByteArray name = key.left(key.indexOf(':') + 1);
        QByteArray rest = body.trimmed().mid(1);
        out << '{' + key + ',' + rest; // doubled (first)
        for (const char *value : {"null", "1", "-1", "1.5", "\"1\"", "[]", "{}", "true", "\"\""})
            out << '{' + name + value + ',' + rest;
    }
    if (!members.isEmpty()) {
        std::reverse(members.begin(), members.end());
        out << '{' + members.join(", ") + '}';
    }
    out << "{\"x\":1," + body.trimmed().mid(1) << body.trimmed().chopped(1) + ",\"x\":null}";
    const qsizetype step = body.size() / 16 + 1;
    for (qsizetype n = 0; n < body.size(); n += step) {
        out << body.left(n);
        for (const char c : QByteArrayView("\"\\:,{}[]0 9.e-\x7f\xc3\xff\tn")) {
            QByteArray changed = body;
            changed[n] = c;
            out << changed;
        }
        out << body.left(n) + ' ' + body.mid(n);
    }
    return out;
}
} // namespace

void tst_JobCodec::directRetrieveReaderReadsWhatQJsonDocumentReads_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("direct"); // the body itself is read without QJsonDocument
    const auto fixtureRow = [](const QString &name, bool direct) {
        const QByteArray body = test::fixture(name);
        QTest::newRow(qPrintable(name)) << body << direct;
    };
    // Every fixture: the Bedrock-format ones as gateways send them (nulls, problems and 4-byte
    // UTF-8 among them: read through QJsonDocument), Bifrost's native ones as wrong bodies.
    const QStringList directFixtures{u"create-crossprovider.json"_s,
                                     u"create-native.json"_s,
                                     u"retrieve-completed.json"_s,
                                     u"retrieve-crossprovider-finalizing.json"_s,
                                     u"retrieve-failed.json"_s,
                                     u"retrieve-inprogress-aws-native.json"_s,
                                     u"stop.json"_s};
    for (const QString &name : test::fixtureNames())
        fixtureRow(name, directFixtures.contains(name));
    // Bifrost's native batch objects hold a status among members of their own names (id,
    // created_at, request_counts, ...): passed over, so these are read directly too (as jobs
    // with a status only, the same as through QJsonDocument).
    for (const QString &name :
         QDir(test::fixturesDir() + u"/../bifrost-native"_s).entryList({u"*.json"_s}))
        fixtureRow(u"../bifrost-native/"_s + name,
                   name.startsWith(u"retrieve-"_s) || name == u"cancel-openai.json"_s);
    // What the store writes, and the bench's nginx serves (Python's spaced json.dumps), and
    // every fixture job written indented: read directly.
    const auto aws
            = JobCodec::parseRetrieveBody(test::fixture(u"retrieve-inprogress-aws-native.json"_s));
    QVERIFY(aws);
    QTest::newRow("toJsonBytes") << JobCodec::toJsonBytes(aws->job) << true;
    QTest::newRow("spaced, as bench/get-vs-curl.sh serves") << QByteArray(
            R"({"jobArn": "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/pgw90jpkl0bl", "jobName": "nightly-summaries-00030", "status": "Submitted", "submitTime": "2025-03-14T09:26:53.123Z", "lastModifiedTime": "2025-03-14T11:02:10Z", "inputDataConfig": {"s3InputDataConfig": {"s3Uri": "s3://acme-batch-in/pgw90jpkl0bl/records.jsonl", "s3InputFormat": "JSONL"}}, "outputDataConfig": {"s3OutputDataConfig": {"s3Uri": "s3://acme-batch-out/pgw90jpkl0bl/"}}, "vpcConfig": {"subnetIds": ["subnet-1", "subnet-2"], "securityGroupIds": []}, "timeoutDurationInHours": 72, "totalRecordCount": 24720, "processedRecordCount": 0, "progressPercent": 45.5})")
                                                            << true;
    QTest::newRow("indented") << QJsonDocument::fromJson(JobCodec::toJsonBytes(aws->job)).toJson()
                              << true;
    QTest::newRow("escapes and UTF-8")
            << QByteArray("{\"jobArn\":\"a\\\"b\\\\c\\n\\u001f\",\"jobName\":\"caf\xc3\xa9 "
                          "\xe6\x97\xa5\",\"status\":\"in_progress\"}")
            << true;
    // Members parseJob does not read, as gateways add them: passed over, still read directly.
    QTest::newRow("unknown members of every plain kind") << QByteArray(
            R"({"requestId": "r-1", "jobArn": "arn:aws:bedrock:us-east-1:1:job/a",)"
            R"( "x-gateway": {"hops": [1, -2.5, 0, true, false, null, "s\n", {}, []],)"
            R"( "cache": {}}, "status": "InProgress", "retries": 0, "tags": [],)"
            R"( "note": null, "jobName": "n"})") << true;
    // Beyond the plain kinds the reader skips: through QJsonDocument, with the same outcome.
    QTest::newRow("unknown member with an exponent")
            << QByteArray(R"({"jobArn":"a","status":"Completed","costUsd":1.5e3})") << false;
    QTest::newRow("unknown member nested 17 deep")
            << QByteArray(R"({"jobArn":"a","status":"Completed","deep":)" + QByteArray(17, '[')
                          + QByteArray(17, ']') + '}')
            << false;
    QTest::newRow("unknown member with a long number")
            << QByteArray(R"({"jobArn":"a","status":"Completed","n":1234567890123456})") << false;
}

void tst_JobCodec::directRetrieveReaderReadsWhatQJsonDocumentReads()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, direct);
    BW_RETURN_IF_FAILED();
    const auto omitted = JobCodec::parseRetrieveBody(body, JobCodec::RawObject::Omit);
    // The realistic bodies do take the quick way (`raw` is left empty only there).
    QCOMPARE(omitted && omitted->raw.isEmpty(), direct);
    for (const QByteArray &t : retrieveBodyVariants(body)) {
        const auto kept = JobCodec::parseRetrieveBody(t);
        const auto read = JobCodec::parseRetrieveBody(t, JobCodec::RawObject::Omit);
        const auto differs = [&t](const char *what) {
            return qPrintable(u"%1 differs for %2"_s.arg(
                    QLatin1StringView(what), QString::fromLatin1(t.toPercentEncoding())));
        };
        QVERIFY2(kept.hasValue() == read.hasValue(), differs("acceptance"));
        if (!kept) {
            QVERIFY2(kept.error().kind == read.error().kind
                             && kept.error().describe() == read.error().describe(),
                     differs("error"));
            continue;
        }
        QVERIFY2(kept->job == read->job, differs("job"));
        QVERIFY2(kept->problems == read->problems, differs("problems"));
        QVERIFY2(kept->rawText == read->rawText, differs("rawText"));
        QVERIFY2(read->raw.isEmpty() || read->raw == kept->raw, differs("raw"));
    }
}

void tst_JobCodec::survivesHugeAndHostileInput()
{
    QByteArray huge = R"({"jobArn":"a","message":")" + QByteArray(2 * 1024 * 1024, 'x') + R"("})";
    const auto r = JobCodec::parseRetrieveBody(huge);
    QVERIFY(r.hasValue());
    QCOMPARE(r->job.message->size(), 2 * 1024 * 1024);

    QByteArray deep(100000, '[');
    QVERIFY(!JobCodec::parseRetrieveBody(deep).hasValue());
    QVERIFY(!JobCodec::parseRetrieveBody(QByteArray("\x00\xff\xfe", 3)).hasValue());
    const GatewayError e = JobCodec::parseErrorResponse(500, QByteArray(5000, 'y'));
    QVERIFY(e.describe().size() < 400);
}

// A hostile body of a million wrong list entries, or of many wrong fields, gives a few problems
// and a short error, not a million lines.
void tst_JobCodec::manyWrongFieldsStayAFewProblems()
{
    constexpr int kEntries = 200000;
    QByteArray subnets = R"({"jobArn":"a","status":"InProgress","vpcConfig":{"subnetIds":[)";
    for (int i = 0; i < kEntries; ++i)
        subnets += i ? ",1" : "1";
    subnets += "]}}";
    const auto r = JobCodec::parseRetrieveBody(subnets);
    QVERIFY(r.hasValue());
    QCOMPARE(r->problems.size(), 11);
    QCOMPARE(r->problems.at(9).field, u"vpcConfig.subnetIds[9]"_s);
    QCOMPARE(r->problems.at(10).kind, ParseProblem::Kind::MoreEntries);
    QCOMPARE(r->problems.at(10).field, u"vpcConfig.subnetIds"_s);
    QCOMPARE(r->problems.at(10).value, QString::number(kEntries - 10));
    QCOMPARE(JobCodec::problemsIn(r->raw), r->problems);

    // Status unreadable and twelve other fields of the wrong type: ten are named.
    QByteArray manyFields = R"({"jobArn":1,"status":[1])";
    for (const char *key : {"jobName", "modelId", "roleArn", "clientRequestToken", "message",
                            "submitTime", "lastModifiedTime", "endTime", "jobExpirationTime",
                            "modelInvocationType", "totalRecordCount", "processedRecordCount"})
        manyFields += QByteArray(",\"") + key + "\":[]";
    manyFields += '}';
    const auto refused = JobCodec::parseRetrieveBody(manyFields);
    QVERIFY(!refused.hasValue());
    const QString text = refused.error().describe();
    QVERIFY2(text.contains(u"jobName, modelId"_s) && text.contains(u" and 2 more"_s),
             qPrintable(text));
    QVERIFY2(!text.contains(u"processedRecordCount"_s), qPrintable(text));

    // A list page of 12,000 summaries of the wrong shape: 10,000 read, 100 problems listed.
    QByteArray list = R"({"invocationJobSummaries":[)";
    for (int i = 0; i < 12000; ++i)
        list += i ? R"(,{"jobArn":1})" : R"({"jobArn":1})";
    list += "]}";
    const auto page = JobCodec::parseListBody(list);
    QVERIFY(page.hasValue());
    QCOMPARE(page->jobs.size(), 10000);
    QCOMPARE(page->problems.size(), 102);
    QCOMPARE(page->problems.at(0).field, u"invocationJobSummaries[0].jobArn"_s);
    QCOMPARE(page->problems.at(100).kind, ParseProblem::Kind::MoreProblems);
    QCOMPARE(page->problems.at(100).value, u"9900"_s);
    QCOMPARE(page->problems.at(101).kind, ParseProblem::Kind::TooManyEntries);
    QCOMPARE(page->problems.at(101).value, u"2000"_s);
}

void tst_JobCodec::formatsTimestampsAsQDateTimeDid_data()
{
    QTest::addColumn<QDateTime>("instant");
    const QDate day(2025, 3, 5);
    QTest::newRow("utc") << QDateTime(day, QTime(9, 7, 3, 45), Qt::UTC);
    QTest::newRow("offset zone") << QDateTime(day, QTime(0, 30), Qt::OffsetFromUTC,
                                              5 * 3600 + 1800);
    QTest::newRow("day before in UTC")
            << QDateTime(QDate(2024, 1, 1), QTime(1, 0), Qt::OffsetFromUTC, 2 * 3600);
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("invalid") << QDateTime();
}

void tst_JobCodec::formatsTimestampsAsQDateTimeDid()
{
    QFETCH(QDateTime, instant);
    QCOMPARE(JobCodec::formatTimestamp(instant),
             instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + u'Z');
}

QTEST_GUILESS_MAIN(tst_JobCodec)
#include "tst_jobcodec.moc"
