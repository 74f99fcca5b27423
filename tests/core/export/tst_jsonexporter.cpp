#include "export/jsonexporter.h"
#include "exportsamples.h"
#include "wire/jobcodec.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace bw;

namespace {

const QRegularExpression &timestampPattern()
{
    static const QRegularExpression re(
            QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)"));
    return re;
}

QByteArray exportBytes(const ExportInput &input, JsonExporter::Options options = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    JsonExporter writer(options);
    const ExportResult r = writer.write(input, buffer);
    if (!r.ok())
        qWarning("export failed: %s", qPrintable(r.errorString));
    return bytes;
}

QJsonObject exportObject(const ExportInput &input)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(exportBytes(input), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QSet<QString> set(std::initializer_list<const char *> names)
{
    QSet<QString> out;
    for (const char *n : names)
        out.insert(QString::fromLatin1(n));
    return out;
}

bool isTimestamp(const QJsonValue &v)
{
    return v.isString() && timestampPattern().match(v.toString()).hasMatch();
}

ExportJob findJob(const ExportInput &input, const QString &identifier)
{
    for (const ExportJob &j : input.jobs) {
        if (j.watched.identifier == identifier)
            return j;
    }
    return {};
}

QJsonObject findEntry(const QJsonObject &root, const QString &identifier)
{
    for (const QJsonValue &v : root.value(QLatin1StringView("jobs")).toArray()) {
        if (v.toObject().value(QLatin1StringView("identifier")).toString() == identifier)
            return v.toObject();
    }
    return {};
}

} // namespace

class tst_JsonExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheDocumentedSchema();
    void jobEntriesMatchTheCodecAndTheRawBody();
    void omitsAbsentFieldsInsteadOfWritingNull();
    void normalisesTimestampsToUtcMilliseconds();
    void keepsRawStatusStringsVerbatim();
    void writesLastErrorAsAnObject();
    void writesHistoryOldestFirstWithoutFromOnTheFirstTransition();
    void keepsTheDocumentedKeyOrder();
    void streamedOutputEqualsTheDocumentModel_data();
    void streamedOutputEqualsTheDocumentModel();
    void neverContainsThePlantedSecret();
    void writesAnEmptyJobListForNoJobs();
    void reportsProgressPerJobAndStopsWhenCancelled();
};

void tst_JsonExporter::writesTheDocumentedSchema()
{
    const ExportInput input = test::sampleInput();
    const QJsonObject root = exportObject(input);

    QCOMPARE(keysOf(root), set({"exportedAt", "profile", "jobs"}));
    QVERIFY(isTimestamp(root.value(QLatin1StringView("exportedAt"))));
    QCOMPARE(root.value(QLatin1StringView("exportedAt")).toString(),
             QStringLiteral("2025-03-15T12:00:00.000Z"));

    const QJsonObject profile = root.value(QLatin1StringView("profile")).toObject();
    QCOMPARE(keysOf(profile), set({"name", "baseUrl"}));
    QCOMPARE(profile.value(QLatin1StringView("name")).toString(), input.profileName);
    QCOMPARE(profile.value(QLatin1StringView("baseUrl")).toString(),
             test::sanitisedSecretBaseUrl());

    const QJsonArray jobs = root.value(QLatin1StringView("jobs")).toArray();
    QCOMPARE(jobs.size(), input.jobs.size());
    const QSet<QString> allowed
            = set({"identifier", "job", "raw", "fetchedAt", "lastError", "history"});
    for (const QJsonValue &v : jobs) {
        QVERIFY(v.isObject());
        const QJsonObject entry = v.toObject();
        const QString id = entry.value(QLatin1StringView("identifier")).toString();
        QVERIFY2(keysOf(entry).subtract(allowed).isEmpty(), qPrintable(id));
        QVERIFY(entry.value(QLatin1StringView("identifier")).isString());
        QVERIFY(entry.value(QLatin1StringView("job")).isObject());
        QVERIFY(entry.value(QLatin1StringView("raw")).isObject());
        QVERIFY(entry.value(QLatin1StringView("history")).isArray());
        if (entry.contains(QLatin1StringView("fetchedAt")))
            QVERIFY(isTimestamp(entry.value(QLatin1StringView("fetchedAt"))));
        if (entry.contains(QLatin1StringView("lastError")))
            QVERIFY(entry.value(QLatin1StringView("lastError")).isObject());

        // Inside "job": API field names only, timestamps normalised, counts integers.
        const QJsonObject job = entry.value(QLatin1StringView("job")).toObject();
        for (auto it = job.constBegin(); it != job.constEnd(); ++it) {
            const auto field = jobFieldFromName(it.key());
            QVERIFY2(field.has_value(), qPrintable(it.key()));
            switch (*field) {
            case JobField::SubmitTime:
            case JobField::LastModifiedTime:
            case JobField::EndTime:
            case JobField::JobExpirationTime:
                QVERIFY2(isTimestamp(it.value()), qPrintable(it.value().toString()));
                break;
            case JobField::TotalRecordCount:
            case JobField::ProcessedRecordCount:
            case JobField::SuccessRecordCount:
            case JobField::ErrorRecordCount:
            case JobField::TimeoutDurationInHours:
                QVERIFY(it.value().isDouble());
                QCOMPARE(it.value().toDouble(), std::floor(it.value().toDouble()));
                break;
            case JobField::InputDataConfig:
            case JobField::OutputDataConfig:
            case JobField::VpcConfig:
                QVERIFY(it.value().isObject());
                break;
            default:
                QVERIFY2(it.value().isString(), qPrintable(it.key()));
            }
        }

        for (const QJsonValue &h : entry.value(QLatin1StringView("history")).toArray()) {
            const QJsonObject t = h.toObject();
            QVERIFY(keysOf(t)
                            .subtract(set({"from", "to", "observedAt", "lastModifiedTime"}))
                            .isEmpty());
            QVERIFY(t.value(QLatin1StringView("to")).isString());
            QVERIFY(isTimestamp(t.value(QLatin1StringView("observedAt"))));
            if (t.contains(QLatin1StringView("from")))
                QVERIFY(t.value(QLatin1StringView("from")).isString());
            if (t.contains(QLatin1StringView("lastModifiedTime")))
                QVERIFY(isTimestamp(t.value(QLatin1StringView("lastModifiedTime"))));
        }
    }
}

void tst_JsonExporter::jobEntriesMatchTheCodecAndTheRawBody()
{
    const ExportInput input = test::sampleInput();
    const QJsonObject root = exportObject(input);
    for (const ExportJob &j : input.jobs) {
        const QJsonObject entry = findEntry(root, j.watched.identifier);
        QVERIFY2(!entry.isEmpty(), qPrintable(j.watched.identifier));
        QCOMPARE(entry.value(QLatin1StringView("job")).toObject(), JobCodec::toJson(j.watched.job));
        QCOMPARE(entry.value(QLatin1StringView("raw")).toObject(), j.watched.rawBody());
    }
    // The raw body keeps what the codec does not know.
    const QJsonObject edge
            = findEntry(root, QStringLiteral("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:"
                                             "model-invocation-job/z0y9x8w7v6u5"));
    QVERIFY(edge.value(QLatin1StringView("raw"))
                    .toObject()
                    .contains(QLatin1StringView("futureField")));
    QVERIFY(!edge.value(QLatin1StringView("job"))
                     .toObject()
                     .contains(QLatin1StringView("futureField")));
}

void tst_JsonExporter::omitsAbsentFieldsInsteadOfWritingNull()
{
    ExportInput input = test::sampleInput();
    input.baseUrl = QUrl();
    const QJsonObject root = exportObject(input);
    const QByteArray bytes = exportBytes(input);
    QVERIFY(!bytes.contains(": null"));

    QVERIFY(!root.value(QLatin1StringView("profile"))
                     .toObject()
                     .contains(QLatin1StringView("baseUrl")));

    // Never fetched: no fetchedAt, empty job and raw, empty history.
    const QJsonObject never = findEntry(root, QStringLiteral("n3verfetch01"));
    QVERIFY(!never.contains(QLatin1StringView("fetchedAt")));
    QCOMPARE(never.value(QLatin1StringView("job")).toObject(), QJsonObject());
    QCOMPARE(never.value(QLatin1StringView("raw")).toObject(), QJsonObject());
    QCOMPARE(never.value(QLatin1StringView("history")).toArray(), QJsonArray());
    QVERIFY(never.contains(QLatin1StringView("lastError")));

    // A healthy job: no lastError; a sparse Bifrost body: no absent field invented.
    const QJsonObject completed = findEntry(
            root,
            QStringLiteral(
                    "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab"));
    QVERIFY(!completed.contains(QLatin1StringView("lastError")));
    QVERIFY(completed.contains(QLatin1StringView("fetchedAt")));
    const QJsonObject job = completed.value(QLatin1StringView("job")).toObject();
    for (const char *absent : {"modelId", "roleArn", "lastModifiedTime", "vpcConfig",
                               "totalRecordCount", "message", "jobExpirationTime"})
        QVERIFY2(!job.contains(QLatin1StringView(absent)), absent);
}

void tst_JsonExporter::normalisesTimestampsToUtcMilliseconds()
{
    const QJsonObject root = exportObject(test::sampleInput());
    // "2025-03-14T10:26:53+01:00" in the body.
    const QJsonObject cross
            = findEntry(root, QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798"));
    QCOMPARE(cross.value(QLatin1StringView("job"))
                     .toObject()
                     .value(QLatin1StringView("submitTime"))
                     .toString(),
             QStringLiteral("2025-03-14T09:26:53.000Z"));
    // Raw keeps the gateway's own spelling.
    QCOMPARE(cross.value(QLatin1StringView("raw"))
                     .toObject()
                     .value(QLatin1StringView("submitTime"))
                     .toString(),
             QStringLiteral("2025-03-14T10:26:53+01:00"));
    // Microseconds are cut to milliseconds.
    const QJsonObject edge
            = findEntry(root, QStringLiteral("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:"
                                             "model-invocation-job/z0y9x8w7v6u5"));
    QCOMPARE(edge.value(QLatin1StringView("job"))
                     .toObject()
                     .value(QLatin1StringView("submitTime"))
                     .toString(),
             QStringLiteral("2025-03-14T09:26:53.123Z"));
}

void tst_JsonExporter::keepsRawStatusStringsVerbatim()
{
    const QJsonObject root = exportObject(test::sampleInput());
    const QJsonObject cross
            = findEntry(root, QStringLiteral("batch_67d3f1a2b9c08190a1e2f3d4c5b6a798"));
    QCOMPARE(cross.value(QLatin1StringView("job"))
                     .toObject()
                     .value(QLatin1StringView("status"))
                     .toString(),
             QStringLiteral("finalizing"));
    const QJsonArray history = cross.value(QLatin1StringView("history")).toArray();
    QCOMPARE(history.last().toObject().value(QLatin1StringView("to")).toString(),
             QStringLiteral("finalizing"));
}

void tst_JsonExporter::writesLastErrorAsAnObject()
{
    const QJsonObject root = exportObject(test::sampleInput());

    const QJsonObject http = findEntry(root, QStringLiteral("h0st1le00007"))
                                     .value(QLatin1StringView("lastError"))
                                     .toObject();
    QCOMPARE(http.value(QLatin1StringView("kind")).toString(), QStringLiteral("http"));
    QCOMPARE(http.value(QLatin1StringView("httpStatus")).toInt(), 404);
    QCOMPARE(http.value(QLatin1StringView("type")).toString(),
             QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(http.value(QLatin1StringView("message")).toString(),
             QStringLiteral("Could not find job"));
    QCOMPARE(http.value(QLatin1StringView("at")).toString(),
             QStringLiteral("2025-03-15T11:59:40.000Z"));

    const QJsonObject network = findEntry(root, QStringLiteral("n3verfetch01"))
                                        .value(QLatin1StringView("lastError"))
                                        .toObject();
    QCOMPARE(network.value(QLatin1StringView("kind")).toString(), QStringLiteral("network"));
    QVERIFY(!network.contains(QLatin1StringView("httpStatus")));
    QVERIFY(!network.contains(QLatin1StringView("type")));
    // The URL in the message lost its user info and the key.
    const QString message = network.value(QLatin1StringView("message")).toString();
    QVERIFY2(message.startsWith(
                     QStringLiteral("Error transferring https://gw.example.invalid:8443/")),
             qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("api_key=[redacted]")));

    // An error without text still says something.
    GatewayError timeout;
    timeout.kind = GatewayError::Kind::Timeout;
    const QJsonObject o = JsonExporter::errorToJson(timeout);
    QCOMPARE(o.value(QLatin1StringView("message")).toString(), timeout.describe());
    QVERIFY(!o.contains(QLatin1StringView("at")));
}

void tst_JsonExporter::writesHistoryOldestFirstWithoutFromOnTheFirstTransition()
{
    const ExportInput input = test::sampleInput();
    const QJsonObject root = exportObject(input);
    const ExportJob job = findJob(input, QStringLiteral("h0st1le00003"));
    const QJsonArray history = findEntry(root, QStringLiteral("h0st1le00003"))
                                       .value(QLatin1StringView("history"))
                                       .toArray();
    QCOMPARE(history.size(), job.history.size());
    QVERIFY(history.size() >= 2);
    QVERIFY(!history.first().toObject().contains(QLatin1StringView("from")));
    QVERIFY(!history.first().toObject().contains(QLatin1StringView("lastModifiedTime")));
    for (qsizetype i = 1; i < history.size(); ++i) {
        const QJsonObject t = history.at(i).toObject();
        QCOMPARE(t.value(QLatin1StringView("from")).toString(),
                 history.at(i - 1).toObject().value(QLatin1StringView("to")).toString());
        QVERIFY(t.value(QLatin1StringView("observedAt")).toString()
                > history.at(i - 1).toObject().value(QLatin1StringView("observedAt")).toString());
        QCOMPARE(t.value(QLatin1StringView("lastModifiedTime")).toString(),
                 JobCodec::formatTimestamp(*job.history.at(i).lastModifiedTime));
    }
    QCOMPARE(history.last().toObject().value(QLatin1StringView("to")).toString(),
             QStringLiteral("PartiallyCompleted"));
}

void tst_JsonExporter::keepsTheDocumentedKeyOrder()
{
    const QByteArray bytes = exportBytes(test::sampleInput());
    const auto at = [&bytes](const char *key, qsizetype from = 0) {
        return bytes.indexOf(QByteArray('"' + QByteArray(key) + "\":"), from);
    };
    QVERIFY(at("exportedAt") >= 0);
    QVERIFY(at("exportedAt") < at("profile"));
    QVERIFY(at("profile") < at("jobs"));
    QVERIFY(at("name") < at("baseUrl"));
    const qsizetype first = at("identifier");
    QVERIFY(first > at("jobs"));
    QVERIFY(first < at("job", first));
    QVERIFY(at("job", first) < at("raw", first));
    QVERIFY(at("raw", first) < at("fetchedAt", first));
    QVERIFY(at("fetchedAt", first) < at("history", first));
}

void tst_JsonExporter::streamedOutputEqualsTheDocumentModel_data()
{
    QTest::addColumn<bool>("indented");
    QTest::newRow("indented") << true;
    QTest::newRow("compact") << false;
}

void tst_JsonExporter::streamedOutputEqualsTheDocumentModel()
{
    QFETCH(bool, indented);
    ExportInput input = test::sampleInput();
    input.jobs += test::syntheticJobs(40);
    const QByteArray bytes = exportBytes(input, JsonExporter::Options{indented});
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object(), JsonExporter::toJson(input));
    QCOMPARE(bytes.count('\n') > input.jobs.size(), indented);
    if (indented) // 4 spaces per level, as QJsonDocument::Indented
        QVERIFY(bytes.contains("\n    \"jobs\": [\n        {\n            \"identifier\": "));
}

void tst_JsonExporter::neverContainsThePlantedSecret()
{
    const QByteArray bytes = exportBytes(test::sampleInput());
    QVERIFY(!bytes.contains(test::plantedSecret().toUtf8()));
    QVERIFY(!bytes.contains("alice"));
    QVERIFY(!bytes.contains("api_key=sk"));
    QVERIFY(bytes.contains(test::sanitisedSecretBaseUrl().toUtf8()));
}

void tst_JsonExporter::writesAnEmptyJobListForNoJobs()
{
    ExportInput input;
    input.profileName = QStringLiteral("empty");
    input.exportedAt = test::exportedAt();
    const QJsonObject root = exportObject(input);
    QCOMPARE(root.value(QLatin1StringView("jobs")).toArray(), QJsonArray());
    QCOMPARE(root.value(QLatin1StringView("profile"))
                     .toObject()
                     .value(QLatin1StringView("name"))
                     .toString(),
             QStringLiteral("empty"));

    // No export time given: the writer stamps the current time.
    input.exportedAt = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const QString stamped = exportObject(input).value(QLatin1StringView("exportedAt")).toString();
    QVERIFY(timestampPattern().match(stamped).hasMatch());
    QVERIFY(*JobCodec::parseTimestamp(stamped) >= before);
}

void tst_JsonExporter::reportsProgressPerJobAndStopsWhenCancelled()
{
    const ExportInput input = test::sampleInput();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    JsonExporter writer;
    QList<QPair<int, int>> calls;
    const ExportResult r = writer.write(input, buffer, [&calls](int done, int total) {
        calls.append({done, total});
        return done < 2;
    });
    QCOMPARE(r.outcome, ExportResult::Outcome::Cancelled);
    const int total = int(input.jobs.size());
    QCOMPARE(calls, (QList<QPair<int, int>>{{0, total}, {1, total}, {2, total}}));
}

QTEST_GUILESS_MAIN(tst_JsonExporter)
#include "tst_jsonexporter.moc"
