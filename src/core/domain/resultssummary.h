#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bw {

// What the per-record results of one batch said, kept instead of the records themselves
// (GET /v1/batches/{id}/results on Bifrost's native API). Counts are of the records read; when
// `capped` is set the read stopped early and the counts cover only `bytesRead` of the body.
struct ResultsSummary
{
    // Failed records that share a code and a message once numbers and ids are taken out of it
    // ("Request 1234 timed out" and "Request 98 timed out" are one group).
    struct ErrorGroup
    {
        QString code;           // error.code, the response's status code, or the result type
        QString message;        // the normalised message, as shown
        qint64 count = 0;       // records in the group
        QStringList sampleIds;  // a few custom ids, first seen first (at most kMaxSampleIds)
        QString exampleMessage; // one message exactly as the gateway sent it
        friend bool operator==(const ErrorGroup &, const ErrorGroup &) = default;
    };
    static constexpr int kMaxSampleIds = 5;

    QDateTime fetchedAt; // UTC, when the last page arrived
    qint64 succeeded = 0;
    qint64 errored = 0;
    qint64 expired = 0;            // Anthropic
    qint64 canceled = 0;           // Anthropic
    QList<ErrorGroup> errorGroups; // largest first
    qint64 bytesRead = 0;
    int pages = 0;
    bool capped = false;   // the size cap ended the read before the last record
    bool complete = false; // every page was read

    qint64 total() const { return succeeded + errored + expired + canceled; }
    qint64 notSucceeded() const { return errored + expired + canceled; }
    bool isEmpty() const { return total() == 0 && !complete; }

    friend bool operator==(const ResultsSummary &, const ResultsSummary &) = default;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::ResultsSummary)
