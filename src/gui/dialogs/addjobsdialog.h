#pragma once

#include "domain/jobidentifier.h"
#include "domain/jobkey.h"
#include "wire/gatewayclient.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QLabel;
class QMimeData;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTimer;

namespace Ui {
class AddJobsDialog;
}

namespace bw {

class JobMonitor;

// Adds jobs to the watch list (PRODUCT.md §3 "Add jobs"). Two tabs:
//
//  - Paste or Load: any number of ids/ARNs pasted or read from .txt/.csv/.json files, split and
//    classified live by JobIdentifier::parseList. The table shows one row per distinct
//    identifier — id / ARN / provider id / invalid with the reason — merging duplicates (the
//    note says how often one was given) and marking those already watched.
//  - Discover: lists the gateway's jobs as soon as the tab is opened, then again with the
//    status, name and submit-time filters on "List Jobs"; the filters are applied locally too,
//    by ListQuery::matches (the rule of `batchwatch-cli list`). Built on a JobMonitor, it lists
//    every provider of the profile through JobMonitor::listBatches (each provider's own
//    pagination, capped at 100 pages), shows each job's provider, and says which provider
//    could not be listed while showing the others. Built on a bare GatewayClient, it lists the
//    Bedrock-format route through GatewayClient::listPage: pages follow WIRE.md
//    (percent-encoded tokens, stop on an empty page, a repeated token or the page cap) and
//    "Load More" fetches the next pages on demand. Jobs already watched, in whatever form they
//    were named (id, ARN, the jobArn the gateway answered), are greyed out. Multi-select, then
//    "Watch Selected": selectedDiscoveredJobs() keeps what each list summary said, for
//    JobMonitor::watchListed.
//
// Identifiers the classifier refuses (words, foreign ARNs) are not added unless the user ticks
// "Add … anyway" (shown only when there are such identifiers); they are then added as given.
//
// The OK button always says what it will do ("Watch 3 Jobs"); it is disabled when that is
// nothing. After exec() == Accepted, identifiersToAdd() holds what to add, in order, never an
// already-watched identifier, and a refused one only when the user asked: re-classify them with
// JobIdentifier::parse(text).addAnyway().
class AddJobsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Tab { PasteTab, DiscoverTab };

    // Role ids of the classification model (column 0 of each row).
    enum Role {
        IdentifierRole = Qt::UserRole + 1, // QString, the identifier text
        KindRole,                          // int(bw::IdentifierKind)
        OccurrencesRole,                   // int, how often it was given
        AlreadyWatchedRole,                // bool
    };
    enum ClassificationColumn { IdentifierColumn, KindColumn, NoteColumn };
    enum DiscoverColumn {
        StatusColumn,
        ProviderColumn,
        NameColumn,
        JobIdColumn,
        ModelColumn,
        SubmittedColumn,
        DiscoverColumnCount
    };
    // Roles of the discover model (source model; the view sorts on RawRole).
    enum DiscoverRole {
        JobStatusRole = Qt::UserRole + 1, // int(bw::JobStatus), on StatusColumn
        StatusTextRole,                   // raw status string, on StatusColumn
        RawRole,                          // sort value of every column
        JobArnRole,                       // the identifier to watch, every column
        ProviderRole,                     // its provider (lower case), every column
    };

    // `alreadyWatched`: identifiers the current profile watches. `client` (not owned, may be
    // null — the Discover tab then says why it is unavailable) lists the gateway's jobs.
    explicit AddJobsDialog(const QSet<QString> &alreadyWatched, GatewayClient *client = nullptr,
                           QWidget *parent = nullptr);
    // The profile `monitor` follows (not owned, must outlive the dialog): what it watches is
    // already watched (identifiers and the jobArns the gateway answered), and Discover lists
    // each of its profile's providers.
    explicit AddJobsDialog(JobMonitor *monitor, QWidget *parent = nullptr);
    ~AddJobsDialog() override;

    void setCurrentTab(Tab tab);
    Tab currentTab() const;

    // Replaces the pasted text and classifies it at once (typing classifies after a short pause).
    void setPastedText(const QString &text);
    QString pastedText() const;
    // Appends the identifiers of each file to the pasted text. Returns false, and shows the
    // reason in the dialog, when a file could not be read (the others are still added).
    bool loadFiles(const QStringList &paths);

    // The classification of the current text: one entry per distinct identifier, in order.
    QList<JobIdentifier> classified() const { return m_classified; }
    // Valid, not-yet-watched identifiers of the Paste tab, in order.
    QStringList pastedIdentifiersToAdd() const;
    // The selected, not-yet-watched jobs of the Discover tab (their jobArn), in view order.
    QStringList selectedDiscoveredIdentifiers() const;
    // The same jobs as their list summaries said them (job.jobArn the id, job.provider set).
    QList<ParsedJob> selectedDiscoveredJobs() const;
    // What accept() settled on: the list of the tab that was current when OK was pressed.
    QStringList identifiersToAdd() const { return m_result; }
    // When that was the Discover tab: the summaries of those jobs (else empty).
    QList<ParsedJob> discoveredJobsToAdd() const { return m_resultJobs; }

    QStandardItemModel *classificationModel() const { return m_classModel; }
    QStandardItemModel *discoverModel() const { return m_discoverModel; }
    // True while a list request is in flight.
    bool isDiscovering() const { return m_busy; }
    bool canLoadMore() const { return m_nextToken.has_value(); }

    // File helpers, also for the main window's drag and drop.
    static QStringList supportedFileSuffixes(); // "txt", "csv", "json"
    static bool isSupportedFile(const QString &path);
    // The identifiers in one file, read by IdentifierFile (the reader `--from-file` uses).
    // nullopt, with `errorMessage` set, when the file cannot be read or is over 16 MiB.
    static std::optional<QStringList> readIdentifierFile(const QString &path,
                                                         QString *errorMessage = nullptr);
    // The local files in a drag (file manager, desktop) that loadFiles() can read; empty when
    // the drag carries none. Dropping such files anywhere on the dialog loads them.
    static QStringList droppableFiles(const QMimeData *mime);

public Q_SLOTS:
    void accept() override;
    // Discover tab: starts a new listing with the current filters.
    void discover();
    // Discover tab: fetches the next page(s).
    void loadMore();

Q_SIGNALS:
    // A listing finished (successfully or not); for tests and busy indicators.
    void discoverFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void classifyNow();
    void chooseFiles();
    void updateOkButton();
    void fetchNextPage(int budget);
    void handlePage(const Expected<ListPage> &page, int budget);
    void appendDiscovered(const ParsedJob &parsed);
    void discoverProviders();
    void handleProvider(const QString &provider, const Expected<QList<ParsedJob>> &batches);
    void updateDiscoverStatus(const QString &error = {});
    void setBusy(bool busy);
    void updateDiscoverPlaceholder(const QString &error = {});
    void placeDiscoverPlaceholder();
    // Drag and drop of identifier files, on the dialog and on the paste field.
    bool acceptFileDrag(QDropEvent *event);

    std::unique_ptr<Ui::AddJobsDialog> m_ui;
    JobKeySet m_alreadyWatched; // matched in any form: id, ARN (see jobKeyOf)
    QPointer<GatewayClient> m_client;
    QPointer<JobMonitor> m_monitor;
    QTimer *m_classifyTimer = nullptr;
    QStandardItemModel *m_classModel = nullptr;
    QStandardItemModel *m_discoverModel = nullptr;
    QSortFilterProxyModel *m_discoverProxy = nullptr;
    QLabel *m_discoverPlaceholder = nullptr; // the empty table says why it is empty
    QList<JobIdentifier> m_classified;
    QString m_fileError;
    QStringList m_result;
    QList<ParsedJob> m_resultJobs;

    // Discover state.
    ListQuery m_query;
    std::optional<QString> m_nextToken; // set while more pages may exist
    QSet<QString> m_seenTokens;
    QSet<QString> m_listedArns;            // provider + '\n' + id
    QHash<QString, ParsedJob> m_summaries; // by the same key
    // Listing through the monitor: providers not answered yet, and those that failed.
    QStringList m_providersPending;
    QStringList m_providersListed;
    QHash<QString, QString> m_providerErrors;
    int m_pages = 0;
    int m_hiddenByFilters = 0;
    bool m_truncated = false;
    bool m_busy = false;
    bool m_listedOnce = false;
    int m_generation = 0; // a new listing ignores answers to the old one
};

} // namespace bw
