#include "wire/listquery.h"

namespace bw {

bool ListQuery::statusMatches(const Job &job, const QString &wanted)
{
    if (!job.status)
        return false;
    const QString w = wanted.trimmed();
    const Status parsed = Status::fromString(w);
    if (parsed.code() != JobStatus::Unknown)
        return job.status->code() == parsed.code();
    return job.status->raw().trimmed().compare(w, Qt::CaseInsensitive) == 0;
}

bool ListQuery::matches(const Job &job) const
{
    if (statusEquals && !statusMatches(job, *statusEquals))
        return false;
    if (nameContains && !nameContains->isEmpty()
        && (!job.jobName || !job.jobName->contains(*nameContains, Qt::CaseInsensitive)))
        return false;
    if (submitTimeAfter || submitTimeBefore) {
        if (!job.submitTime)
            return false;
        if (submitTimeAfter && *job.submitTime < *submitTimeAfter)
            return false;
        if (submitTimeBefore && *job.submitTime > *submitTimeBefore)
            return false;
    }
    return true;
}

} // namespace bw
