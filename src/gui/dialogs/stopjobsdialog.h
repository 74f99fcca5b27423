#pragma once

#include "domain/jobstatus.h"
#include "wire/gatewayerror.h"
#include "wire/jobcodec.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QPushButton;
class QTreeWidgetItem;

namespace Ui {
class StopJobsDialog;
}

namespace bw {

// Confirms and runs a stop for one or more jobs (PRODUCT.md §3 "Stop job"; worded as a cancel
// when every target is another provider's batch, see isCancelWording): names the jobs,
// warns that processed records are charged, then sends each stop ONCE (never retried) and shows
// the result per job in the dialog: accepted (with the status the gateway reported, usually
// Stopping), "no longer stoppable" for a 409, or the error as a sentence.
//
// The dialog does not talk to the network itself: it is handed a StopFunction, which the main
// window binds to JobMonitor::stopJobs and tests bind to a fake. Cancel is the default button,
// so Enter alone never stops a job.
class StopJobsDialog : public QDialog
{
    Q_OBJECT

public:
    // One job to stop, as the table shows it.
    struct Target
    {
        Target(QString id = {}, QString name = {}, std::optional<Status> known = {},
               QString providerName = {})
            : identifier(std::move(id))
            , displayName(std::move(name))
            , status(std::move(known))
            , provider(std::move(providerName))
        {}
        QString identifier;           // the local key, passed to the StopFunction
        QString displayName;          // job name, or empty (then the short id is shown)
        std::optional<Status> status; // current known status
        QString provider;             // Job::provider; empty or "bedrock" for a Bedrock job
    };

    // Bedrock jobs are stopped; the other providers' batches are cancelled, and the words say
    // so: true when every provider given is a non-Bedrock one ("openai", "anthropic", ...).
    // An empty list is Bedrock wording.
    static bool isCancelWording(const QStringList &providers);
    // The main window's action text: "&Stop Job…", "&Stop 3 Jobs…", "&Cancel Batch…",
    // "&Cancel 3 Batches…".
    static QString actionText(int count, bool cancel);

    // Called once with every identifier. Must call onResult exactly once per identifier
    // (asynchronously or not) while `context` is alive; results for unknown identifiers are
    // ignored.
    using ResultCallback
            = std::function<void(const QString &identifier, const Expected<StopAck> &result)>;
    using StopFunction = std::function<void(const QStringList &identifiers, QObject *context,
                                            ResultCallback onResult)>;

    struct Outcome
    {
        enum class Kind { NotSent, Pending, Accepted, NotStoppable, Failed };
        Kind kind = Kind::NotSent;
        QString shortText; // the Result column: "Accepted", "No longer stoppable", ...
        QString text;      // the whole sentence (tooltip; listed below the table for problems)
    };

    // Whether the Stop action applies to a selection of jobs with these known statuses (none:
    // unknown), and the tooltip saying why not. Jobs known to have ended cannot be stopped.
    struct Availability
    {
        bool enabled = false;
        QString toolTip;
    };
    static Availability availability(const QList<std::optional<Status>> &statuses,
                                     bool cancel = false);

    // Targets known to have ended are left out (and counted in the question).
    StopJobsDialog(const QList<Target> &targets, StopFunction stop, QWidget *parent = nullptr);
    ~StopJobsDialog() override;

    QStringList identifiers() const;
    Outcome outcome(const QString &identifier) const;
    bool isFinished() const; // every stop has a result
    QPushButton *stopButton() const { return m_stopButton; }

public Q_SLOTS:
    // Same as pressing the stop button: sends the stops (once; later calls do nothing).
    void startStopping();

Q_SIGNALS:
    // Every stop has a result. `accepted` + `failed` == number of jobs.
    void stopsFinished(int accepted, int failed);
    // One result arrived (for the caller to refresh that job right away).
    void jobResult(const QString &identifier, bool accepted);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void handleResult(const QString &identifier, const Expected<StopAck> &result);
    void setOutcome(const QString &identifier, const Outcome &outcome);
    void updateSummary();

    std::unique_ptr<Ui::StopJobsDialog> m_ui;
    QPushButton *m_stopButton = nullptr;
    StopFunction m_stop;
    QList<Target> m_targets;
    QHash<QString, QTreeWidgetItem *> m_items;
    QHash<QString, Outcome> m_outcomes;
    bool m_started = false;
    bool m_cancel = false; // cancel wording (every target is another provider's batch)
    bool m_announced = false;
};

} // namespace bw
