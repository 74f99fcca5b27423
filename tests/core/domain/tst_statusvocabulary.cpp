#include "domain/job.h"
#include "domain/statusvocabulary.h"

#include <QSet>
#include <QtTest>

#include <cmath>

using namespace bw;

namespace {

QList<JobStatus> everyStatus()
{
    QList<JobStatus> out;
    for (int code = int(JobStatus::Unknown); code <= int(JobStatus::Ended); ++code)
        out.append(JobStatus(code));
    return out;
}

QList<StatusGroup> everyGroup()
{
    QList<StatusGroup> out;
    for (int group = 0; group < StatusGroupCount; ++group)
        out.append(StatusGroup(group));
    return out;
}

double luminance(quint32 rgb)
{
    auto channel = [](quint32 v) {
        const double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
           + 0.0722 * channel(rgb & 0xff);
}

double contrast(quint32 a, quint32 b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

// The one table the GUI and the report both draw statuses from.
class tst_StatusVocabulary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStatusHasItsOwnWordsAndADescription();
    void unknownStringsAreShownVerbatim_data();
    void unknownStringsAreShownVerbatim();
    void everyGroupHasWordsColoursAndAnIcon();
    void nativeStatusesReadAsTheirBedrockMeaning_data();
    void nativeStatusesReadAsTheirBedrockMeaning();
    void anEndedJobWithFailedRecordsIsInTheFailedGroup();
};

void tst_StatusVocabulary::everyStatusHasItsOwnWordsAndADescription()
{
    QSet<QString> words;
    QSet<QString> descriptions;
    for (JobStatus code : everyStatus()) {
        const QString word = StatusVocabulary::word(code);
        QVERIFY(!word.isEmpty());
        words.insert(word);
        QVERIFY(!StatusVocabulary::description(code).isEmpty());
        descriptions.insert(StatusVocabulary::description(code));
    }
    QCOMPARE(words.size(), everyStatus().size());
    QCOMPARE(descriptions.size(), everyStatus().size());
    QCOMPARE(StatusVocabulary::word(JobStatus::InProgress), QStringLiteral("In progress"));
    QCOMPARE(StatusVocabulary::word(JobStatus::PartiallyCompleted),
             QStringLiteral("Partially completed"));
    QCOMPARE(StatusVocabulary::word(Status::fromString(QStringLiteral("inprogress"))),
             QStringLiteral("In progress"));
}

void tst_StatusVocabulary::unknownStringsAreShownVerbatim_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("word");
    QTest::newRow("another provider's word") << "archived"
                                             << "archived";
    QTest::newRow("odd case kept") << "Queued"
                                   << "Queued";
    QTest::newRow("trimmed") << "  paused \n"
                             << "paused";
    QTest::newRow("empty") << ""
                           << "Not reported";
    QTest::newRow("blank") << "   "
                           << "Not reported";
}

void tst_StatusVocabulary::unknownStringsAreShownVerbatim()
{
    QFETCH(QString, raw);
    QFETCH(QString, word);
    const Status status = Status::fromString(raw);
    QCOMPARE(status.code(), JobStatus::Unknown);
    QCOMPARE(StatusVocabulary::word(status), word);
    QCOMPARE(StatusVocabulary::word(Status()), QStringLiteral("Not reported"));
}

void tst_StatusVocabulary::everyGroupHasWordsColoursAndAnIcon()
{
    QSet<QString> words, icons;
    QSet<quint32> light, dark;
    for (StatusGroup group : everyGroup()) {
        words.insert(StatusVocabulary::groupWord(group));
        icons.insert(StatusVocabulary::iconName(group));
        light.insert(StatusVocabulary::lightColor(group));
        dark.insert(StatusVocabulary::darkColor(group));
        const QByteArray name = StatusVocabulary::groupWord(group).toUtf8();
        // Readable on white paper and light themes, with white text on it; and on dark themes.
        QVERIFY2(contrast(StatusVocabulary::lightColor(group), 0xffffff) >= 4.5, name);
        QVERIFY2(contrast(StatusVocabulary::darkColor(group), 0x1e1e1e) >= 3.0, name);
    }
    QCOMPARE(words.size(), StatusGroupCount);
    QCOMPARE(icons.size(), StatusGroupCount);
    QCOMPARE(light.size(), StatusGroupCount);
    QCOMPARE(dark.size(), StatusGroupCount);
    QCOMPARE(StatusVocabulary::iconName(StatusGroup::Running), QStringLiteral("status-running"));
}

void tst_StatusVocabulary::nativeStatusesReadAsTheirBedrockMeaning_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<JobStatus>("code");
    QTest::addColumn<StatusGroup>("group");
    QTest::addColumn<QString>("word");
    QTest::newRow("validating") << "validating" << JobStatus::Validating << StatusGroup::Queued
                                << "Validating";
    QTest::newRow("in_progress") << "in_progress" << JobStatus::InProgress << StatusGroup::Running
                                 << "In progress";
    QTest::newRow("finalizing") << "finalizing" << JobStatus::Finalizing << StatusGroup::Running
                                << "Finalizing";
    QTest::newRow("cancelling") << "cancelling" << JobStatus::Stopping << StatusGroup::Running
                                << "Stopping";
    QTest::newRow("cancelled") << "cancelled" << JobStatus::Stopped << StatusGroup::Ended
                               << "Stopped";
    QTest::newRow("canceled (US)")
            << "canceled" << JobStatus::Stopped << StatusGroup::Ended << "Stopped";
    QTest::newRow("expired") << "expired" << JobStatus::Expired << StatusGroup::Ended << "Expired";
    QTest::newRow("ended") << "ended" << JobStatus::Ended << StatusGroup::Completed << "Ended";
    QTest::newRow("completed") << "completed" << JobStatus::Completed << StatusGroup::Completed
                               << "Completed";
    QTest::newRow("failed") << "failed" << JobStatus::Failed << StatusGroup::Failed << "Failed";
}

void tst_StatusVocabulary::nativeStatusesReadAsTheirBedrockMeaning()
{
    QFETCH(QString, raw);
    QFETCH(JobStatus, code);
    QFETCH(StatusGroup, group);
    QFETCH(QString, word);
    const Status status = Status::fromString(raw);
    QCOMPARE(status.code(), code);
    QCOMPARE(status.group(), group);
    QCOMPARE(status.raw(), raw); // what exports and the Raw tab carry
    QCOMPARE(StatusVocabulary::word(status), word);
    QCOMPARE(Status::fromString(raw.toUpper()).code(), code);
}

void tst_StatusVocabulary::anEndedJobWithFailedRecordsIsInTheFailedGroup()
{
    Job job;
    job.status = Status::fromString(QStringLiteral("ended"));
    QCOMPARE(job.statusGroup(), StatusGroup::Completed);
    job.errorRecordCount = 0;
    QCOMPARE(job.statusGroup(), StatusGroup::Completed);
    job.errorRecordCount = 3;
    QCOMPARE(job.statusGroup(), StatusGroup::Failed);
    QVERIFY(job.status->isTerminal());
    job.status = Status::fromString(QStringLiteral("completed"));
    QCOMPARE(job.statusGroup(), StatusGroup::Completed); // only "ended" reads the counts
    QCOMPARE(Job().statusGroup(), StatusGroup::Unknown);
}

QTEST_GUILESS_MAIN(tst_StatusVocabulary)
#include "tst_statusvocabulary.moc"
