#include "domain/jobkey.h"

#include <QtTest>

using namespace bw;

// One job = one row: every form a job can be named in (id, ARN, the jobArn a gateway returns)
// must come out as the same job, and different jobs must never be merged.
class tst_JobKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyOf_data();
    void keyOf();
    void sameJob_data();
    void sameJob();
    void keySetAnswersForEveryForm();
};

void tst_JobKey::keyOf_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("key");
    QTest::newRow("job id") << "k3x9p2m7q1ab"
                            << "k3x9p2m7q1ab";
    QTest::newRow("bedrock arn")
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab"
            << "k3x9p2m7q1ab";
    QTest::newRow("gov partition")
            << "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:model-invocation-job/"
               "k3x9p2m7q1ab"
            << "k3x9p2m7q1ab";
    QTest::newRow("colon separator")
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job:k3x9p2m7q1ab"
            << "k3x9p2m7q1ab";
    QTest::newRow("fake batch arn") << "arn:aws:bedrock:us-east-1:444444444444:batch:batch_67d3ab"
                                    << "batch_67d3ab";
    QTest::newRow("provider id") << "batch_67d3ab"
                                 << "batch_67d3ab";
    QTest::newRow("mixed case kept") << "msgbatch_01AbCd"
                                     << "msgbatch_01AbCd";
    QTest::newRow("gemini id with slash") << "batches/abc123"
                                          << "batches/abc123";
    QTest::newRow("surrounding space") << "  k3x9p2m7q1ab\n"
                                       << "k3x9p2m7q1ab";
    QTest::newRow("foreign arn") << "arn:aws:s3:::bucket/model-invocation-job/x"
                                 << "arn:aws:s3:::bucket/model-invocation-job/x";
    QTest::newRow("other bedrock resource")
            << "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude"
            << "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude";
    QTest::newRow("arn without id")
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
            << "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/";
    QTest::newRow("truncated arn") << "arn:aws:bedrock"
                                   << "arn:aws:bedrock";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_JobKey::keyOf()
{
    QFETCH(QString, identifier);
    QFETCH(QString, key);
    QCOMPARE(jobKeyOf(identifier), key);
}

void tst_JobKey::sameJob_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    const QString arn = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab");
    QTest::newRow("id and its arn") << "k3x9p2m7q1ab" << arn << true;
    QTest::newRow("arn and its id") << arn << "k3x9p2m7q1ab" << true;
    QTest::newRow("arn in another region")
            << arn << "arn:aws:bedrock:eu-west-1:123456789012:model-invocation-job/k3x9p2m7q1ab"
            << true;
    QTest::newRow("provider id and fake arn")
            << "batch_67d3ab"
            << "arn:aws:bedrock:us-east-1:444444444444:batch:batch_67d3ab" << true;
    QTest::newRow("different ids") << "k3x9p2m7q1ab"
                                   << "k3x9p2m7q1ac" << false;
    QTest::newRow("case differs") << "msgbatch_01AbCd"
                                  << "msgbatch_01abcd" << false;
    QTest::newRow("empty is nothing") << ""
                                      << "" << false;
}

void tst_JobKey::sameJob()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(isSameJob(a, b), same);
}

void tst_JobKey::keySetAnswersForEveryForm()
{
    JobKeySet set(QStringList{QStringLiteral("k3x9p2m7q1ab")});
    QVERIFY(set.contains(QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab")));
    QVERIFY(!set.insert(QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab")));
    QVERIFY(set.insert(QStringLiteral("batch_67d3ab")));
    QVERIFY(set.contains(QStringLiteral("arn:aws:bedrock:us-east-1:4:batch:batch_67d3ab")));
    QVERIFY(!set.insert(QString()));
    QCOMPARE(set.size(), 2);
    set.remove(QStringLiteral("arn:aws:bedrock:us-east-1:4:batch:batch_67d3ab"));
    QVERIFY(!set.contains(QStringLiteral("batch_67d3ab")));
}

QTEST_GUILESS_MAIN(tst_JobKey)
#include "tst_jobkey.moc"
