#pragma once

#include "domain/resultssummary.h"

#include <QHash>
#include <QList>
#include <QString>

namespace bw {

// How one record of a batch ended (the per-record results of Bifrost's native API).
enum class ResultOutcome { Succeeded, Errored, Expired, Canceled };

// One per-record result as the codec read it. `code` and `message` are empty for a record that
// succeeded; for one that did not, `code` is error.code, else the response's status code, else
// the outcome's word ("expired").
struct ResultRecord
{
    QString customId;
    ResultOutcome outcome = ResultOutcome::Succeeded;
    QString code;
    QString message;
    friend bool operator==(const ResultRecord &, const ResultRecord &) = default;
};

// Folds records, one at a time, into a ResultsSummary: counts by outcome, and every record that
// did not succeed in an error group keyed by its code and its normalised message. Memory is
// bounded whatever the number of records: at most kMaxGroups groups, plus one "other" group
// for the records that would open more, each with kMaxSampleIds ids and one example at most.
class ResultsAccumulator
{
public:
    static constexpr int kMaxGroups = 200;
    static constexpr int kMaxMessageChars = 500; // longer messages are cut before grouping
    // The code of the group that takes records once kMaxGroups groups exist.
    static QString otherGroupCode() { return QStringLiteral("other"); }

    void add(const ResultRecord &record);
    void addBytes(qint64 bytes) { m_summary.bytesRead += bytes; }
    void addPage() { ++m_summary.pages; }

    // Counts so far (the summary's errorGroups are filled only by summary()).
    qint64 records() const { return m_summary.total(); }
    // The summary so far: groups largest first (ties: first seen first). `capped`, `complete`
    // and `fetchedAt` are the caller's to set.
    ResultsSummary summary() const;

    // The message with what varies between otherwise equal messages taken out: quoted values
    // -> "…", uuid-like and hex ids -> <id>, numbers -> <n>; whitespace simplified.
    static QString normaliseMessage(const QString &message);

private:
    struct Group
    {
        ResultsSummary::ErrorGroup group;
    };
    ResultsSummary m_summary;
    QHash<QString, int> m_index; // key (code + '\n' + normalised message) -> m_groups index
    QList<Group> m_groups;
};

} // namespace bw
