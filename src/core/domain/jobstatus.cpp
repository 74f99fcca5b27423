#include "domain/jobstatus.h"

#include <array>
#include <utility>

namespace bw {

namespace {
struct StatusName
{
    JobStatus code;
    QLatin1StringView name;
};

constexpr std::array kNames{
        StatusName{JobStatus::Submitted, QLatin1StringView("Submitted")},
        StatusName{JobStatus::Validating, QLatin1StringView("Validating")},
        StatusName{JobStatus::Scheduled, QLatin1StringView("Scheduled")},
        StatusName{JobStatus::InProgress, QLatin1StringView("InProgress")},
        StatusName{JobStatus::Stopping, QLatin1StringView("Stopping")},
        StatusName{JobStatus::Completed, QLatin1StringView("Completed")},
        StatusName{JobStatus::PartiallyCompleted, QLatin1StringView("PartiallyCompleted")},
        StatusName{JobStatus::Failed, QLatin1StringView("Failed")},
        StatusName{JobStatus::Stopped, QLatin1StringView("Stopped")},
        StatusName{JobStatus::Expired, QLatin1StringView("Expired")},
        StatusName{JobStatus::Finalizing, QLatin1StringView("Finalizing")},
        StatusName{JobStatus::Ended, QLatin1StringView("Ended")},
};

// The native API's words that differ from a Bedrock name by more than case and underscores.
constexpr std::array kNativeNames{
        StatusName{JobStatus::Stopping, QLatin1StringView("cancelling")},
        StatusName{JobStatus::Stopping, QLatin1StringView("canceling")},
        StatusName{JobStatus::Stopped, QLatin1StringView("cancelled")},
        StatusName{JobStatus::Stopped, QLatin1StringView("canceled")},
};
} // namespace

Status Status::fromString(const QString &raw)
{
    Status s;
    s.m_raw = raw;
    // "in_progress" reads as "InProgress"; case never matters.
    QString word = raw.trimmed();
    word.remove(QLatin1Char('_'));
    for (const auto &entry : kNames) {
        if (word.compare(entry.name, Qt::CaseInsensitive) == 0) {
            s.m_code = entry.code;
            return s;
        }
    }
    for (const auto &entry : kNativeNames) {
        if (word.compare(entry.name, Qt::CaseInsensitive) == 0) {
            s.m_code = entry.code;
            return s;
        }
    }
    return s;
}

Status Status::fromCode(JobStatus code)
{
    Status s;
    s.m_code = code;
    s.m_raw = canonicalName(code);
    return s;
}

bool Status::isTerminal(JobStatus code)
{
    switch (code) {
    case JobStatus::Completed:
    case JobStatus::PartiallyCompleted:
    case JobStatus::Failed:
    case JobStatus::Stopped:
    case JobStatus::Expired:
    case JobStatus::Ended:
        return true;
    default:
        return false;
    }
}

StatusGroup Status::groupOf(JobStatus code)
{
    switch (code) {
    case JobStatus::Submitted:
    case JobStatus::Validating:
    case JobStatus::Scheduled:
        return StatusGroup::Queued;
    case JobStatus::InProgress:
    case JobStatus::Stopping:
    case JobStatus::Finalizing:
        return StatusGroup::Running;
    case JobStatus::Completed:
    case JobStatus::Ended:
        return StatusGroup::Completed;
    case JobStatus::PartiallyCompleted:
    case JobStatus::Failed:
        return StatusGroup::Failed;
    case JobStatus::Stopped:
    case JobStatus::Expired:
        return StatusGroup::Ended;
    case JobStatus::Unknown:
        break;
    }
    return StatusGroup::Unknown;
}

QString Status::canonicalName(JobStatus code)
{
    for (const auto &entry : kNames) {
        if (entry.code == code)
            return QString(entry.name);
    }
    return {};
}

QString Status::groupKey(StatusGroup group)
{
    switch (group) {
    case StatusGroup::Queued:
        return QStringLiteral("queued");
    case StatusGroup::Running:
        return QStringLiteral("running");
    case StatusGroup::Completed:
        return QStringLiteral("completed");
    case StatusGroup::Failed:
        return QStringLiteral("failed");
    case StatusGroup::Ended:
        return QStringLiteral("ended");
    case StatusGroup::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace bw
