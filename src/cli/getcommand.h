#pragma once

#include "command.h"
#include "jobfetcher.h"
#include "jobformat.h"

#include <QJsonArray>

namespace bw::cli {

// `get ID... [--from-file FILE|-]`: fetches the jobs now, at most JobFetcher::kDefaultMaxInFlight
// at a time, and prints them in input order.
//
// JSON (streamed, one entry per line):
//   {"jobs":[{"identifier","job","fetchedAt"}...],
//    "errors":[{"identifier","httpStatus"?,"type"?,"message"}...]}
// errors in input order, invalid identifiers included. Table and CSV print the jobs on stdout
// and each error as one line on stderr.
// Exit: 0 all fetched, 1 some failed (or were invalid), 3 every fetch failed without any answer
// from the gateway.
// --provider P other than bedrock reads through Bifrost's native GET /v1/batches/{id}?provider=P
// (ids as the provider gives them: batch_…, msgbatch_…, batches/…); "job" then carries
// "provider", the table a PROVIDER column and the CSV its provider column says P.
class GetCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void onOutcome(int index);
    void onFinished();

    JobFetcher *m_fetcher = nullptr;
    QList<JobIdentifier> m_ids;
    QStringList m_validIds;
    int m_written = 0;
    QByteArray m_entry; // the JSON entry being written (reused)
    bool m_withProvider = false;
    TextTable m_table = JobFormat::jobTable();
};

} // namespace bw::cli
