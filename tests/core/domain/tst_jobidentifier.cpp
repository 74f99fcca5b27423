#include "domain/jobidentifier.h"

#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;

class tst_JobIdentifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data();
    void classifies();
    void parsesArnParts();
    void splitsPastedTextAndMergesDuplicates();
    void stripsLongRunsOfQuotesAtOnce();
    void readsJsonFiles();
    void refusesThePastedSentence();
    void explainsARefusal_data();
    void explainsARefusal();
    void addAnywayOverridesARefusal_data();
    void addAnywayOverridesARefusal();
};

void tst_JobIdentifier::classifies_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("shortId");
    const int id = int(IdentifierKind::JobId), arn = int(IdentifierKind::Arn),
              prov = int(IdentifierKind::ProviderId), bad = int(IdentifierKind::Invalid);
    QTest::newRow("job id") << "k3x9p2m7q1ab" << id << "k3x9p2m7q1ab";
    QTest::newRow("aws arn")
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab" << arn
            << "k3x9p2m7q1ab";
    QTest::newRow("gov arn")
            << "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:model-invocation-job/z0y9x8w7v6u5"
            << arn << "z0y9x8w7v6u5";
    QTest::newRow("cn arn")
            << "arn:aws-cn:bedrock:cn-north-1:123456789012:model-invocation-job/abcdefabcdef" << arn
            << "abcdefabcdef";
    QTest::newRow("fake arn")
            << "arn:aws:bedrock:us-east-1:444444444444:batch:batch_67d3f1a2b9c08190a1e2f3d4c5b6a798"
            << arn << "batch_67d3f1a2b9c08190a1e2f3d4c5b6a798";
    QTest::newRow("provider id") << "batch_67d3f1a2b9c08190a1e2f3d4c5b6a798" << prov
                                 << "batch_67d3f1a2b9c08190a1e2f3d4c5b6a798";
    QTest::newRow("trimmed") << "  k3x9p2m7q1ab \n" << id << "k3x9p2m7q1ab";
    QTest::newRow("empty") << "" << bad << "";
    QTest::newRow("space inside") << "k3x9 p2m7q1ab" << bad << "k3x9 p2m7q1ab";
    QTest::newRow("upper 12") << "K3X9P2M7Q1AB" << id << "K3X9P2M7Q1AB";
    QTest::newRow("mixed-case 12 from a gateway list") << "Q7w2E9r4T1yu" << id << "Q7w2E9r4T1yu";
    QTest::newRow("all-letters id") << "abcdefabcdef" << id << "abcdefabcdef";
    QTest::newRow("capitalised 12-letter word") << "Stockholders" << bad << "Stockholders";
    // Issue 11: a random mixed-case id need not have a digit.
    QTest::newRow("mixed-case 12 without digit") << "QwErTyUiOpAs" << id << "QwErTyUiOpAs";
    QTest::newRow("upper 12 without digit") << "KXPMQABCDEFG" << id << "KXPMQABCDEFG";
    QTest::newRow("openai mixed case")
            << "batch_67D3f1A2b9C0_x-1" << prov << "batch_67D3f1A2b9C0_x-1";
    QTest::newRow("gemini mixed case") << "batches/AbC_12-x" << prov << "batches/AbC_12-x";
    QTest::newRow("base64 gov arn")
            << QString::fromLatin1(QByteArrayLiteral("arn:aws-us-gov:bedrock:us-gov-west-1:"
                                                     "123456789012:model-invocation-job/"
                                                     "k3x9p2m7q1ab")
                                           .toBase64(QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals))
            << prov
            << QString::fromLatin1(QByteArrayLiteral("arn:aws-us-gov:bedrock:us-gov-west-1:"
                                                     "123456789012:model-invocation-job/"
                                                     "k3x9p2m7q1ab")
                                           .toBase64(QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals));
    QTest::newRow("anthropic") << "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d" << prov
                               << "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d";
    QTest::newRow("gemini") << "batches/7xq2w9e4r1t8y5u3" << prov << "batches/7xq2w9e4r1t8y5u3";
    QTest::newRow("base64 arn")
            << QString::fromLatin1(QByteArrayLiteral("arn:aws:bedrock:us-east-1:123456789012:"
                                                     "model-invocation-job/k3x9p2m7q1ab")
                                           .toBase64())
            << prov
            << QString::fromLatin1(QByteArrayLiteral("arn:aws:bedrock:us-east-1:123456789012:"
                                                     "model-invocation-job/k3x9p2m7q1ab")
                                           .toBase64());
    QTest::newRow("eu arn")
            << "arn:aws:bedrock:eu-central-1:123456789012:model-invocation-job/a1b2c3d4e5f6" << arn
            << "a1b2c3d4e5f6";
    // Issue 10 item 2: ordinary words and foreign ARNs are refused.
    QTest::newRow("word this") << "this" << bad << "this";
    QTest::newRow("word not") << "not" << bad << "not";
    QTest::newRow("word job") << "job" << bad << "job";
    QTest::newRow("word id!!") << "id!!" << bad << "id!!";
    QTest::newRow("s3 arn") << "arn:aws:s3:::my-bucket/input.jsonl" << bad
                            << "arn:aws:s3:::my-bucket/input.jsonl";
    QTest::newRow("iam role arn") << "arn:aws:iam::123456789012:role/BedrockBatch" << bad
                                  << "arn:aws:iam::123456789012:role/BedrockBatch";
    QTest::newRow("bedrock model arn")
            << "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku" << bad
            << "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku";
    QTest::newRow("word with underscore") << "my_job" << bad << "my_job";
    QTest::newRow("sagemaker arn")
            << "arn:aws:sagemaker:us-east-1:123456789012:transform-job/nightly" << bad
            << "arn:aws:sagemaker:us-east-1:123456789012:transform-job/nightly";
    QTest::newRow("job arn with path steps")
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/../../x" << bad
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/../../x";
    QTest::newRow("job arn of dots")
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/.." << bad
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/..";
    QTest::newRow("job arn without job")
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/" << bad
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/";
    QTest::newRow("dot dot") << ".." << bad << "..";
    QTest::newRow("10 KB") << QString(10 * 1024, u'a') << bad << QString(10 * 1024, u'a');
    QTest::newRow("control character") << u"k3x9p2m7\u0007q1ab"_s << bad << u"k3x9p2m7\u0007q1ab"_s;
    QTest::newRow("short arn") << "arn:aws:bedrock" << bad << "arn:aws:bedrock";
    QTest::newRow("non-aws arn") << "arn:gcp:bedrock:r:a:job/x" << bad
                                 << "arn:gcp:bedrock:r:a:job/x";
    QTest::newRow("slash") << "jobs/k3x9p2m7q1ab" << bad << "jobs/k3x9p2m7q1ab";
    QTest::newRow("too short") << "ab" << bad << "ab";
}

void tst_JobIdentifier::classifies()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, shortId);
    const JobIdentifier id = JobIdentifier::parse(text);
    QCOMPARE(int(id.kind()), kind);
    QCOMPARE(id.shortId(), shortId);
    QCOMPARE(id.isValid(), kind != int(IdentifierKind::Invalid));
    if (!id.isValid())
        QVERIFY(!id.invalidReason().isEmpty());
}

void tst_JobIdentifier::parsesArnParts()
{
    const JobIdentifier id = JobIdentifier::parse(QStringLiteral(
            "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:model-invocation-job/z0y9x8w7v6u5"));
    QCOMPARE(id.partition(), QStringLiteral("aws-us-gov"));
    QCOMPARE(id.service(), QStringLiteral("bedrock"));
    QCOMPARE(id.region(), QStringLiteral("us-gov-west-1"));
    QCOMPARE(id.accountId(), QStringLiteral("123456789012"));
}

void tst_JobIdentifier::splitsPastedTextAndMergesDuplicates()
{
    const auto ids = JobIdentifier::parseList(QStringLiteral(
            "k3x9p2m7q1ab, h5j7k9l1m3n5;\n\"a1b2c3d4e5f6\"\tk3x9p2m7q1ab\r\nbad id!"));
    QCOMPARE(ids.size(), 5);
    QCOMPARE(ids.at(0).text(), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(ids.at(2).text(), QStringLiteral("a1b2c3d4e5f6"));
    QCOMPARE(ids.at(3).text(), QStringLiteral("bad"));
    QCOMPARE(ids.at(4).kind(), IdentifierKind::Invalid);
    // What the add-jobs dialog counts to say "given 2 times, merged".
    QCOMPARE(JobIdentifier::tokenize(QStringLiteral(" k3x9p2m7q1ab,'k3x9p2m7q1ab' ;; ''\n")),
             QStringList({QStringLiteral("k3x9p2m7q1ab"), QStringLiteral("k3x9p2m7q1ab")}));
}

void tst_JobIdentifier::readsJsonFiles()
{
    const auto fromArray
            = JobIdentifier::parseList(QStringLiteral(R"(["k3x9p2m7q1ab","h5j7k9l1m3n5"])"));
    QCOMPARE(fromArray.size(), 2);
    const auto fromList = JobIdentifier::parseList(QStringLiteral(
            R"({"invocationJobSummaries":[{"jobArn":"arn:aws:bedrock:us-east-1:1:model-invocation-job/k3x9p2m7q1ab"}]})"));
    QCOMPARE(fromList.size(), 1);
    QCOMPARE(fromList.at(0).kind(), IdentifierKind::Arn);
    const auto fromExport = JobIdentifier::parseList(
            QStringLiteral(R"({"jobs":[{"identifier":"k3x9p2m7q1ab","job":{}}]})"));
    QCOMPARE(fromExport.size(), 1);
    QCOMPARE(JobIdentifier::tokenize(QStringLiteral(R"(["k3x9p2m7q1ab"," k3x9p2m7q1ab "])")).size(),
             2);
}

void tst_JobIdentifier::refusesThePastedSentence()
{
    // The exact paste from issue 10: nothing in it is a job.
    const auto ids = JobIdentifier::parseList(QStringLiteral("this is not a job id!!"));
    QCOMPARE(ids.size(), 6);
    for (const JobIdentifier &id : ids)
        QVERIFY2(!id.isValid(), qPrintable(id.text()));
}

void tst_JobIdentifier::explainsARefusal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("s3") << "arn:aws:s3:::my-bucket/input.jsonl"
                        << "service \"s3\"";
    QTest::newRow("model") << "arn:aws:bedrock:us-east-1::foundation-model/x"
                           << "foundation-model";
    QTest::newRow("path steps") << "arn:aws:bedrock:us-east-1:1:model-invocation-job/../../x"
                                << "not one job id";
    QTest::newRow("10 KB") << QString(10 * 1024, u'k') << "at most 2048";
    QTest::newRow("control") << u"k3x9\u001bq1ab"_s << "control characters (U+001b)";
}

void tst_JobIdentifier::explainsARefusal()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const JobIdentifier id = JobIdentifier::parse(text);
    QVERIFY(!id.isValid());
    QVERIFY2(id.invalidReason().contains(reason), qPrintable(id.invalidReason()));
}

void tst_JobIdentifier::addAnywayOverridesARefusal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("forcible");
    QTest::newRow("s3 arn") << "arn:aws:s3:::my-bucket/input.jsonl" << false;
    QTest::newRow("iam arn") << "arn:aws:iam::123456789012:role/BedrockBatch" << false;
    QTest::newRow("path steps") << ".." << false;
    QTest::newRow("10 KB") << QString(10 * 1024, u'k') << false;
    QTest::newRow("capitalised word") << "Stockholders" << true;
    QTest::newRow("word") << "nightly" << true;
    QTest::newRow("spaces") << "two words" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("valid id") << "k3x9p2m7q1ab" << false;
}

void tst_JobIdentifier::addAnywayOverridesARefusal()
{
    QFETCH(QString, text);
    QFETCH(bool, forcible);
    const JobIdentifier id = JobIdentifier::parse(text);
    QCOMPARE(id.canAddAnyway(), forcible);
    const JobIdentifier forced = id.addAnyway();
    if (forcible) {
        QCOMPARE(forced.kind(), IdentifierKind::AsGiven);
        QVERIFY(forced.isValid());
        QCOMPARE(forced.text(), id.text());
        QCOMPARE(JobIdentifier::kindName(forced.kind()), QStringLiteral("as given"));
    } else {
        QCOMPARE(forced.kind(), id.kind());
    }
}

// Found by fuzz_identifiers (tests/fuzz): quotes were stripped one pair at a time with a copy
// each, so 65,000 pasted quote characters took over a minute and 2 GB. A million on each side
// would never end (the test's timeout) without the linear strip.
void tst_JobIdentifier::stripsLongRunsOfQuotesAtOnce()
{
    const QString quotes(1'000'000, u'"');
    QVERIFY(JobIdentifier::parseList(quotes + quotes).isEmpty());
    QVERIFY(JobIdentifier::tokenize(quotes).isEmpty());
    const QList<JobIdentifier> ids
            = JobIdentifier::parseList(quotes + QStringLiteral("k3x9p2m7q1ab") + quotes);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids.at(0).text(), QStringLiteral("k3x9p2m7q1ab"));
    QCOMPARE(ids.at(0).kind(), IdentifierKind::JobId);
}

QTEST_GUILESS_MAIN(tst_JobIdentifier)
#include "tst_jobidentifier.moc"
