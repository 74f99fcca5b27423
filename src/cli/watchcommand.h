#pragma once

#include "command.h"
#include "tracking/profilesession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

namespace bw::cli {

// `watch ID... [--format table|json] [--until-terminal] [--interval SECONDS]
// [--give-up-after SECONDS]`: live tracking through a ProfileSession — the GUI's JobMonitor and
// PollScheduler, held the same way — with the GUI's polling settings (AppSettings) unless
// --interval replaces every per-status interval (backoff and Retry-After still apply). Polling
// keeps going through 5xx, 429, resets, truncated and HTML bodies.
//
// The format: --format, else a table when stdout is a terminal and JSON lines otherwise.
// - table: one row per job (STATUS, NAME, ID, MODEL, PROGRESS, SUBMITTED, ENDED, as `get`),
//   redrawn in place on a terminal after every change (elsewhere: the whole table again).
//   Nothing but the table goes to stdout; failures are one line each on stderr.
// - json: ONE JSON line per observed status change on stdout, flushed at once:
//   {"identifier","from"?,"to","observedAt","job"}
//   With a store (--data-dir, --profile, or the app's data folder by default), a line is
//   printed only once the store has committed that transition: what was printed survives a
//   kill -9.
//   The first line of each job is its first status seen in this run; it carries "from" only
//   when the store knew an earlier, different status. "job" is the merged job
//   (JobCodec::toJson). stderr: a progress line per fetch ("k3x9p2m7q1ab InProgress
//   11842/25000 (47 %)", rewritten in place on a terminal when one job is watched) and one
//   line per failed fetch.
//
// With --until-terminal it ends when every job has been seen in a terminal status, with the
// worst outcome: 0 Completed < 10 PartiallyCompleted < 11 Failed < 12 Stopped < 13 Expired;
// 1 when a job cannot be watched (invalid identifier, or a non-retryable answer such as 401,
// 403 or 404: it would never end); 3 when the gateway gave no answer at all (only network
// errors, timeouts or TLS failures) for --give-up-after seconds (default 120) since the start or
// the last answer. Without --until-terminal it runs until interrupted (exit 130).
//
// --provider P other than bedrock polls through Bifrost's native GET /v1/batches/{id}?provider=P
// (the monitor's native source for P; P joins the profile's providers for this run), the table
// gains a PROVIDER column and each line's "job" carries "provider". A job the store already
// watches keeps the provider it was added with.
// Several providers (--provider a,b; without --provider: the profile's providers, as `list`):
// each job goes to the provider its identifier names — "P:ID" names P explicitly, else its
// shape (providerByShape: msgbatch_… Anthropic, batches/… Gemini or Vertex, batch_… OpenAI or
// Azure, a Bedrock job ARN or 12-character id Bedrock), else the one provider given. A job
// none of that places (and the store does not know) is reported on stderr and not watched,
// like an invalid identifier.
//
// With a store (--data-dir, or --profile), the jobs are watched in it under the profile (an
// ad-hoc --gateway profile is saved without its key), and every transition and progress sample
// is recorded, as the GUI does; the profile's other watched jobs are not polled — unless --all:
// then every job the profile watches in the store is a target, including those added to it
// while this runs (another client's watch list).
//
// A shared store (--store / --data-dir postgresql://…, issue 15): the ProfileSession polls only
// while it holds the gateway's PollerLease; otherwise it follows the poller's commits, so the
// output is the same whoever polls (a note on stderr says which).
class WatchCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    // The store, the app's data folder unless --data-dir says otherwise, created when missing.
    GatewaySession::Needs needs() const override;
    void start() override;
    void interrupt() override;

    // The GUI's polling settings (AppSettings of the "batchwatch" application) with `interval`
    // replacing the per-status intervals when set.
    static PollSettings pollSettings(const std::optional<Millis> &interval);
    // The first of `candidates` (lower case) that the identifier's shape fits; empty when it
    // fits none of them.
    static QString providerByShape(const JobIdentifier &identifier, const QStringList &candidates);

private:
    struct Target
    {
        bool announced = false; // a JSON line was printed for it
        bool givenUp = false;   // non-retryable failure under --until-terminal
        QDateTime lastFetch;    // last successful fetch seen in this run
        QDateTime lastErrorAt;  // last failure reported in this run
    };

    void onLoaded();
    void onJobsAdded(const QList<WatchedJob> &jobs);
    void keepOthersUnpolled(const QList<WatchedJob> &jobs);
    void onJobsUpdated(const QList<WatchedJob> &jobs);
    void onTransition(const QString &identifier, const StatusTransition &transition,
                      const WatchedJob &job);
    void scheduleEvaluate();
    void evaluate();
    void checkGiveUp();
    void end(int code);
    // Prints `line` once everything the store was asked to write so far is committed.
    void printWhenSaved(const QByteArray &line);
    void drawTable();
    bool tableMode() const;

    QStringList m_targets;                // valid identifiers, in input order
    QHash<QString, QString> m_providerOf; // target -> provider; empty: not placed
    QStringList m_providers;              // the providers of this run
    QHash<QString, Target> m_state;       // by jobKeyOf(identifier): any form of a job finds it
    int m_invalid = 0;
    ProfileSession *m_profileSession = nullptr;
    JobMonitor *m_monitor = nullptr;
    int m_tableLines = 0; // lines of the table last drawn on the terminal
    QDateTime m_startedAt;
    QElapsedTimer m_sinceAnswer;
    bool m_lastOutcomeUnreachable = false;
    std::optional<GatewayError> m_lastUnreachable;
    QTimer m_giveUpTimer;
    int m_unsavedLines = 0;       // lines waiting for the store's commit
    std::optional<int> m_endCode; // end() came while lines were waiting
    bool m_evaluatePending = false;
};

} // namespace bw::cli
