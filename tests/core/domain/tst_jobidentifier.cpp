#include "domain/jobidentifier.h"

#include <QtTest>

using namespace bw;

class tst_JobIdentifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data();
    void classifies();
    void parsesArnParts();
    void splitsPastedTextAndMergesDuplicates();
    void readsJsonFiles();
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
    QTest::newRow("upper 12") << "K3X9P2M7Q1AB" << bad << "K3X9P2M7Q1AB";
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

QTEST_GUILESS_MAIN(tst_JobIdentifier)
#include "tst_jobidentifier.moc"
