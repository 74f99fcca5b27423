#include "domain/statusvocabulary.h"

#include <QCoreApplication>

#include <array>

namespace bw::StatusVocabulary {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StatusVocabulary", text);
}

struct StatusEntry
{
    JobStatus key;
    const char *word;
    const char *description;
};

const std::array kStatuses{
        StatusEntry{JobStatus::Submitted, QT_TRANSLATE_NOOP("StatusVocabulary", "Submitted"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Submitted: the gateway accepted the job; it has not been "
                                      "checked yet.")},
        StatusEntry{JobStatus::Validating, QT_TRANSLATE_NOOP("StatusVocabulary", "Validating"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Validating: the input data is being checked.")},
        StatusEntry{JobStatus::Scheduled, QT_TRANSLATE_NOOP("StatusVocabulary", "Scheduled"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Scheduled: the job is queued and waits for capacity. It "
                                      "expires if it does not start before its expiration "
                                      "time.")},
        StatusEntry{
                JobStatus::InProgress, QT_TRANSLATE_NOOP("StatusVocabulary", "In progress"),
                QT_TRANSLATE_NOOP("StatusVocabulary", "In progress: records are being processed.")},
        StatusEntry{JobStatus::Stopping, QT_TRANSLATE_NOOP("StatusVocabulary", "Stopping"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Stopping: a stop was requested; the job is winding down.")},
        StatusEntry{
                JobStatus::Completed, QT_TRANSLATE_NOOP("StatusVocabulary", "Completed"),
                QT_TRANSLATE_NOOP("StatusVocabulary", "Completed: every record was processed.")},
        StatusEntry{JobStatus::PartiallyCompleted,
                    QT_TRANSLATE_NOOP("StatusVocabulary", "Partially completed"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Partially completed: the job ended, but some records "
                                      "failed.")},
        StatusEntry{JobStatus::Failed, QT_TRANSLATE_NOOP("StatusVocabulary", "Failed"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Failed: the job ended with an error. See its message.")},
        StatusEntry{JobStatus::Stopped, QT_TRANSLATE_NOOP("StatusVocabulary", "Stopped"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Stopped: the job was stopped before it finished.")},
        StatusEntry{JobStatus::Expired, QT_TRANSLATE_NOOP("StatusVocabulary", "Expired"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Expired: the job did not start before its expiration "
                                      "time.")},
        StatusEntry{JobStatus::Finalizing, QT_TRANSLATE_NOOP("StatusVocabulary", "Finalizing"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Finalizing: every record was processed; the results are "
                                      "being written.")},
        StatusEntry{JobStatus::Ended, QT_TRANSLATE_NOOP("StatusVocabulary", "Ended"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "Ended: every record finished; some may have failed, "
                                      "expired or been cancelled. See the record counts.")},
        StatusEntry{JobStatus::Unknown, QT_TRANSLATE_NOOP("StatusVocabulary", "Not reported"),
                    QT_TRANSLATE_NOOP("StatusVocabulary",
                                      "A status batchwatch does not know; it is shown as the "
                                      "gateway sent it and the job is still watched.")},
};

// Hues follow the usual meaning: slate waiting, blue running, green done, red failed,
// amber-brown ended by a person or the clock, violet unknown.
struct GroupEntry
{
    StatusGroup key;
    const char *word;
    quint32 light;
    quint32 dark;
};

const std::array kGroups{
        GroupEntry{StatusGroup::Queued, QT_TRANSLATE_NOOP("StatusVocabulary", "Queued"), 0x55657a,
                   0xa7b4c4},
        GroupEntry{StatusGroup::Running, QT_TRANSLATE_NOOP("StatusVocabulary", "Running"), 0x1565c0,
                   0x6ab7f7},
        GroupEntry{StatusGroup::Completed, QT_TRANSLATE_NOOP("StatusVocabulary", "Completed"),
                   0x2e7d32, 0x81c784},
        GroupEntry{StatusGroup::Failed, QT_TRANSLATE_NOOP("StatusVocabulary", "Failed"), 0xc62828,
                   0xf28080},
        GroupEntry{StatusGroup::Ended, QT_TRANSLATE_NOOP("StatusVocabulary", "Stopped or expired"),
                   0xa85500, 0xffb74d},
        GroupEntry{StatusGroup::Unknown, QT_TRANSLATE_NOOP("StatusVocabulary", "Unknown"), 0x6d4c9f,
                   0xb9a3e0},
};

// The row of `key` (its first member); the table's last row (Unknown) when none has it.
template<typename Table, typename Key>
const auto &entryOf(const Table &table, Key key)
{
    for (const auto &e : table) {
        if (e.key == key)
            return e;
    }
    return table.back();
}

} // namespace

QString word(JobStatus code)
{
    return tr(entryOf(kStatuses, code).word);
}

QString word(const Status &status)
{
    if (status.code() == JobStatus::Unknown) {
        const QString raw = status.raw().trimmed();
        return raw.isEmpty() ? word(JobStatus::Unknown) : raw;
    }
    return word(status.code());
}

QString description(JobStatus code)
{
    return tr(entryOf(kStatuses, code).description);
}

QString groupWord(StatusGroup group)
{
    return tr(entryOf(kGroups, group).word);
}

quint32 lightColor(StatusGroup group)
{
    return entryOf(kGroups, group).light;
}

quint32 darkColor(StatusGroup group)
{
    return entryOf(kGroups, group).dark;
}

QString iconName(StatusGroup group)
{
    return QStringLiteral("status-%1").arg(Status::groupKey(group));
}

} // namespace bw::StatusVocabulary
