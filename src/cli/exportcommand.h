#pragma once

#include "command.h"
#include "export/exportdata.h"
#include "export/exportwriter.h"
#include "jobfetcher.h"

#include <QHash>

namespace bw::cli {

// `export ID...|--all --format json|csv|html|pdf -o FILE [--offline]` (the format may also come
// from FILE's suffix; "-o -" writes to stdout). The file is written atomically (ExportTask /
// Exporter: QSaveFile), so a failed export leaves an earlier file untouched.
//
// Which jobs: the identifiers given (read through --provider's route), or with --all every job
// the profile watches in the store, each read through its own provider's route (without a
// store: every job the gateway lists, from one list walk).
// What is known about them:
// - --offline: the store's last-known state and history only; no network. Needs the store
//   (--profile, or --data-dir with --gateway).
// - otherwise each job is fetched now (at most 4 at a time) and merged over what the store
//   knows (history included) when a store is open; the store itself is not changed. A job that
//   fails to fetch is exported with its last-known state and "lastError".
// HTML and PDF come from batchwatch_report and need a QGuiApplication (main() creates one).
// Exit: 0 written, 1 written but some jobs failed (or unknown offline), or nothing/cannot write,
// 3 the gateway could not be reached at all (nothing written).
class ExportCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    GatewaySession::Needs needs() const override;
    void start() override;

    // What one fetch teaches about a watched job (the GUI's merge rules: only the fields the
    // body carries replace the stored ones).
    static void applyOutcome(WatchedJob &watched, const JobFetcher::Outcome &outcome,
                             const QDateTime &now);

private:
    struct Stored
    {
        QList<WatchedJob> jobs;
        QHash<QString, QList<StatusTransition>> history;
        QHash<QString, QList<ProgressSample>> samples;
    };

    Stored loadStored();
    void exportListed();
    void onFetched();
    void write(const QList<ExportJob> &jobs, int failures);

    QList<JobIdentifier> m_ids;
    Stored m_stored;
    QHash<QString, qsizetype> m_storedIndex; // identifier -> index in m_stored.jobs
    JobFetcher *m_fetcher = nullptr;
};

} // namespace bw::cli
