#pragma once

#include <QMetaType>
#include <QString>

namespace bw {

// The AWS Bedrock batch status enum, the statuses of Bifrost's native batch API that Bedrock
// has no word for, and Unknown for anything else a gateway sends. Native words map onto the
// Bedrock codes where they mean the same: validating -> Validating, in_progress -> InProgress,
// cancelling -> Stopping, cancelled -> Stopped, completed, failed, expired.
enum class JobStatus {
    Unknown,
    Submitted,
    Validating,
    Scheduled,
    InProgress,
    Stopping,
    Completed,
    PartiallyCompleted,
    Failed,
    Stopped,
    Expired,
    Finalizing, // native: results are being written (Running)
    Ended,      // native, Anthropic: every record finished, some may have failed (Completed)
};
// The highest JobStatus value: code that reads a status from an int checks against this.
inline constexpr JobStatus kLastJobStatus = JobStatus::Ended;

// Coarse groups used by filter chips and counts. Unknown strings are their own group and are
// treated as active for polling purposes.
enum class StatusGroup {
    Queued,    // Submitted, Validating, Scheduled
    Running,   // InProgress, Stopping, Finalizing
    Completed, // Completed, Ended (see Job::statusGroup for an Ended job with failures)
    Failed,    // Failed, PartiallyCompleted
    Ended,     // Stopped, Expired
    Unknown,   // a status string we do not know
};
inline constexpr int StatusGroupCount = 6;

// A status as the gateway sent it: the raw string is kept verbatim (it is what users see and
// what exports carry), the enum is derived from it case-insensitively.
class Status
{
public:
    Status() = default;
    static Status fromString(const QString &raw);
    static Status fromCode(JobStatus code); // raw = canonical AWS spelling

    JobStatus code() const { return m_code; }
    const QString &raw() const { return m_raw; }
    StatusGroup group() const { return groupOf(m_code); }

    bool isTerminal() const { return isTerminal(m_code); }
    bool isQueued() const { return groupOf(m_code) == StatusGroup::Queued; }
    // Active for polling: running, or unknown (an unknown status may still change).
    bool isActive() const { return !isTerminal(); }

    static bool isTerminal(JobStatus code);
    static StatusGroup groupOf(JobStatus code);
    // "InProgress", "Finalizing", "Ended"; "" for Unknown.
    static QString canonicalName(JobStatus code);
    static QString groupKey(StatusGroup group); // stable, untranslated key: "queued"...

    friend bool operator==(const Status &a, const Status &b) { return a.m_raw == b.m_raw; }

private:
    JobStatus m_code = JobStatus::Unknown;
    QString m_raw;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::Status)
Q_DECLARE_METATYPE(bw::JobStatus)
