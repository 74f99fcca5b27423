#pragma once

#include "domain/jobmetrics.h"
#include "domain/watchedjob.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace bw {

// The watched jobs of one profile as a table (PRODUCT.md §2, "Job table"). Rows are keyed by
// WatchedJob::identifier; the owner feeds the model by method calls (typically from the job
// store's change signals) and never resets it while polling. Every WatchedJob handed in is the
// complete current record (as the store keeps it after merging), never a partial delta: a field
// absent from it is absent from the row.
//
// Roles. Qt::DisplayRole is plain text (the GUI may replace it with badges and bars),
// Qt::ToolTipRole the long form, RawValueRole the sortable value of each column (what the
// proxy sorts and exports read). The semantic roles below are answered on the column they
// belong to, and return an invalid QVariant elsewhere:
//   StatusColumn:     JobStatusRole, StatusTextRole, StatusGroupRole, IsTerminalRole
//   IdColumn:         JobArnRole
//   ProgressColumn:   ProgressTotalRole, ProgressProcessedRole, ProgressSucceededRole,
//                     ProgressFailedRole, ProgressFractionRole, ErrorShareRole,
//                     CountsReportedRole
//   SubmittedColumn:  SubmitTimeRole
//   ExpiresColumn:    ExpiryRole, AtRiskRole
//   EtaColumn:        RateRole
//   MessageColumn:    MessageRole
//   StaleColumn:      StaleSinceRole, LastErrorRole
//   ProviderColumn:   ProviderRole
// Row properties, answered on every column: IdentifierRole, ProfileIdRole, StaleRole,
// NotFoundRole (a stale or not-found row is marked as a whole) and WatchedJobRole.
//
// Change notification (STYLE.md rule 5):
//  - upsertJobs() inserts new rows in one beginInsertRows block at the end and announces
//    changed rows with dataChanged on exactly the cells and roles whose value changed; a change
//    of StaleRole/NotFoundRole covers the whole row. When more than half of the rows change, one
//    ranged dataChanged covers them (the union of rows, columns and roles). When more than eight
//    but at most half change, changed rows closer than max(64, rows / 64) to the previous one
//    share one ranged signal (the union of theirs; the unchanged rows between are covered too),
//    and a changed row alone in its stretch is announced cell by cell: a sorted proxy re-sorts
//    once per signal touching its sort column, not once per changed row.
//  - WatchedJobRole returns the current record; it is not listed in dataChanged roles: re-read it
//    when any cell of its row is announced.
//  - tick()/setNow() announce only the time-dependent cells that moved: Elapsed, Expires and
//    ETA where their values changed (grouped as an update's changes are, each column with its
//    roles), and the "… ago" texts of Submitted and Last change (Display) and of Stale (Display,
//    ToolTip) where the text turned over, each column alone in runs of adjacent rows.
//  - Only setJobs() resets the model.
//
// Time: display and derived values use the snapshot now(), which changes only in tick() (reads
// the clock) or setNow(); the owner calls tick() on its refresh timer.
class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        NameColumn,
        IdColumn,
        ModelColumn,
        ProgressColumn,
        SubmittedColumn,
        LastChangeColumn,
        ElapsedColumn,
        ExpiresColumn,
        EtaColumn,
        MessageColumn,
        StaleColumn,
        ProviderColumn, // appended last so saved header states keep their columns
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        // Per column: Status int lifecycle rank (native finalizing after in progress, ended
        // beside completed; not the JobStatus value: read JobStatusRole for that); Name, Id (short
        // id), Model,
        // Message (full text) QString; Progress double fraction (invalid: indeterminate);
        // Submitted, LastChange QDateTime (UTC); Elapsed, Expires (seconds to expiry, negative
        // once passed), ETA qint64 seconds; Stale QDateTime since when (invalid: not stale).
        // Invalid QVariant when the value is not known.
        RawValueRole = Qt::UserRole + 1,
        IdentifierRole,        // QString, the local key (every column)
        ProfileIdRole,         // QString (every column)
        JobStatusRole,         // int(bw::JobStatus)
        StatusTextRole,        // QString, the gateway's raw status
        StatusGroupRole,       // int(bw::StatusGroup)
        IsTerminalRole,        // bool
        ProgressTotalRole,     // qint64 or invalid
        ProgressProcessedRole, // qint64 or invalid
        ProgressSucceededRole, // qint64 or invalid
        ProgressFailedRole,    // qint64 or invalid
        ProgressFractionRole,  // double in [0,1]; invalid = indeterminate
        ErrorShareRole,        // double in [0,1] (failed / processed) or invalid
        AtRiskRole,            // bool: queued and near/past expiry (see JobMetrics::isAtRisk)
        ExpiryRole,            // QDateTime jobExpirationTime or invalid
        RateRole,              // double records per minute over the rate window, or invalid
        StaleRole,             // bool (every column)
        StaleSinceRole,        // QDateTime while stale, else invalid
        NotFoundRole,          // bool (every column): last answer was a 404
        LastErrorRole,         // QString GatewayError::describe(), empty when none
        MessageRole,           // QString, full message
        JobArnRole,            // QString, jobArn as reported (may differ from the identifier)
        SubmitTimeRole,        // QDateTime or invalid
        WatchedJobRole,        // QVariant::fromValue(WatchedJob) (every column)
        // bool (ProgressColumn): some response for this job has carried a record count. False
        // on a gateway that does not report counts: "not reported", not "waiting". Invalid
        // until the job has been fetched.
        CountsReportedRole,
        // QString (ProviderColumn): the provider key, "bedrock" when none was reported.
        ProviderRole,
        // QString (every column): what the filter bar's text is matched against: the name, the
        // identifier, the short id, the jobArn and the model id, one per line, case-folded
        // (QString::toCaseFolded). Made when the row is; never announced on its own (it changes
        // only with the Name, Id and Model cells).
        SearchTextRole,
    };
    Q_ENUM(Role)

    using Clock = std::function<QDateTime()>;

    // The clock defaults to QDateTime::currentDateTimeUtc; now() is read from it once here.
    explicit JobTableModel(QObject *parent = nullptr);
    explicit JobTableModel(Clock clock, QObject *parent = nullptr);
    ~JobTableModel() override;

    // index() without the virtual rowCount()/columnCount() calls of the base (the proxy asks
    // for two indexes per comparison while sorting).
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces every row (model reset). For loading a profile, not for polling results.
    void setJobs(const QList<WatchedJob> &jobs);
    // Makes rows ahead for the jobs the next setJobs() will be given first, in its order (the
    // store's slices while it reads the watch list: JobMonitor::loadStaged; issue 13). Nothing
    // is shown or announced. setJobs() takes the row made here for each of its first jobs whose
    // identifier is the very text staged at that position (shared: a copy of the same record,
    // which it must be) and makes the rest. Only while the table is empty; `all`: the rows expected
    // at most. A job without identifier or a second one of a job key ends the staging (setJobs
    // makes those). upsertJobs() and removeJobs() drop what was staged; a change of the time, the
    // samples, the expiry threshold or the rate window makes setJobs() compute the staged rows'
    // derived values again.
    void stageJobs(const QList<WatchedJob> &jobs, qsizetype all = 0);
    // Forgets the rows staged (a load that ended without a setJobs(), e.g. a failed read).
    void dropStaged();
    // Rows are per job, not per identifier form: every call taking an identifier accepts any form
    // of the job (id, ARN; see jobKeyOf) and a row keeps the identifier it was first given.
    // Updates known rows in place and appends unknown ones (see the class comment). An
    // identifier given twice: the later record wins. upsertTakenJobs() takes the records over
    // (moves them into the rows) instead of copying them and announces exactly the same (a
    // name of its own: connect() to &upsertJobs stays unambiguous).
    // Rows are looked up by the identifier as given first (a refresh usually names its rows in
    // the form and order they were added), by the job's key only when that misses.
    void upsertJobs(const QList<WatchedJob> &jobs);
    void upsertTakenJobs(QList<WatchedJob> &&jobs);
    // Removes the rows of these identifiers (unknown ones are ignored), one beginRemoveRows per
    // contiguous range, highest first. Their progress samples are dropped too.
    void removeJobs(const QStringList &identifiers);

    // Progress samples for the ETA and rate of one job (kept for identifiers without a row
    // yet). Announces the ETA cell when its values change.
    void setProgressSamples(const QString &identifier, const QList<ProgressSample> &samples);
    void addProgressSample(const QString &identifier, const ProgressSample &sample);

    int rowOf(const QString &identifier) const; // -1 when unknown
    const WatchedJob *jobAt(int row) const;     // nullptr when out of range; valid until the
                                                // next change of the model
    QList<WatchedJob> jobs() const;             // in row order

    void setClock(Clock clock);
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &now); // announces the time-dependent cells that moved
    void tick();                       // setNow(clock())

    qint64 expiryWarningThreshold() const { return m_expiryThreshold; }
    void setExpiryWarningThreshold(qint64 seconds); // announces AtRiskRole where it changes
    qint64 rateWindow() const { return m_rateWindow; }
    void setRateWindow(qint64 seconds); // announces the ETA column where it changes

    // The distinct providers of the rows (keys as ProviderRole gives them), sorted.
    QStringList providers() const;
    // How a provider key reads in the GUI: "OpenAI", "Bedrock", "Gemini"; an unknown key as is.
    static QString providerLabel(const QString &provider);

private:
    struct Row
    {
        WatchedJob job;
        QString shortId;
        std::optional<qint64> elapsed;
        std::optional<qint64> toExpiry;
        bool atRisk = false;
        std::optional<ProgressRate> rate;
        std::optional<Eta> eta;
        QString searchText;            // SearchTextRole
        QList<ProgressSample> samples; // m_samples' of the job, as computeDerived() found them
    };
    struct RowChange
    {
        int row = -1;
        QList<int> roles[ColumnCount];
    };

    Row makeRow(const WatchedJob &job) const;
    void fillRow(Row &row, const WatchedJob &job) const; // makeRow() into a fresh row
    // upsertJobs() for both forms: Jobs is QList<WatchedJob> (moved from) or a const one.
    template<typename Jobs>
    void upsertImpl(Jobs &jobs);
    // The row of `identifier`: `hint` first when that row was given the very same identifier,
    // else by jobKeyOf; -1 when unknown.
    int findRow(const QString &identifier, int hint) const;
    // The row's values that depend on the job, its samples and the time (m_now).
    void computeDerived(Row &row) const;
    // computeDerived() for a new time: the samples as it last found them.
    void computeTimes(Row &row) const;
    QVariant cellData(const Row &row, int column, int role) const;
    static QString makeSearchText(const Row &row);
    // Compares `before` with the current row `row` on the candidate columns and records the
    // roles whose value differs.
    bool diffRow(const Row &before, int row, quint32 candidateColumns, RowChange &out) const;
    // Announces what changed: cell by cell for a few rows; one ranged signal over the union for
    // many (see the class comment).
    void emitChanges(QList<RowChange> changes);
    void emitRowCells(const RowChange &change);
    // Changed rows at most this far apart share one ranged signal (see the class comment).
    int stretchGap() const;
    void emitUnion(const QList<RowChange> &changes, qsizetype first, qsizetype last);
    // One signal per run of adjacent `rows` (ascending) in `column`.
    void emitRuns(int column, const QList<int> &rows, const QList<int> &roles);
    void recomputeAndAnnounce(quint32 candidateColumns);
    void rebuildIndex();

    static quint32 columnsForFields(const JobFields &fields);
    static const QList<int> &rolesOfColumn(int column);
    static QList<int> makeRolesOfColumn(int column);

    Clock m_clock;
    QDateTime m_now;
    qint64 m_expiryThreshold = JobMetrics::DefaultAtRiskThresholdSeconds;
    qint64 m_rateWindow = JobMetrics::DefaultRateWindowSeconds;
    QList<Row> m_rows;
    QHash<QString, int> m_rowByIdentifier;           // by jobKeyOf(identifier)
    QHash<QString, QList<ProgressSample>> m_samples; // by jobKeyOf(identifier)
    // Rows made ahead for the next setJobs() (stageJobs), with their index like m_rowByIdentifier.
    QList<Row> m_staged;
    QHash<QString, int> m_stagedIndex;
    bool m_stageBroken = false; // until the next setJobs()
    bool m_stagedStale = false; // a staged row's derived values may be out of date
};

} // namespace bw
