#include "details/recordstab.h"

#include "details/detailsformat.h"
#include "domain/jobidentifier.h"
#include "domain/jobmetrics.h"
#include "models/errorgroupmodel.h"
#include "models/resultsverdict.h"
#include "presentation/statuspresentation.h"
#include "ui_recordstab.h"
#include "widgets/outcomebar.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QStandardPaths>

namespace bw {

namespace {
constexpr qint64 kMiB = 1024 * 1024;

QString mibText(qint64 bytes)
{
    const double mib = double(bytes) / double(kMiB);
    return QLocale().toString(mib, 'f', mib < 10 && bytes % kMiB != 0 ? 1 : 0);
}
} // namespace

RecordsTab::RecordsTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RecordsTab>())
{
    m_ui->setupUi(this);
    // Fetch / Refresh sit on top like a toolbar, next to the tab they act on; the empty state's
    // two lines stay together in the middle; the button keeps its size.
    m_ui->recordsEmptyLayout->insertStretch(0, 1);
    m_ui->recordsEmptyLayout->addStretch(1);
    m_ui->recordsFetchRow->addStretch(0);
    m_groups = new ErrorGroupModel(this);
    m_ui->recordsGroupsView->setModel(m_groups);
    m_ui->recordsGroupsView->verticalHeader()->setVisible(false);
    // The message takes the room the other columns leave; what does not fit is elided and in
    // full in its tooltip (the sample ids too), so nothing needs sideways scrolling.
    QHeaderView *groupsHeader = m_ui->recordsGroupsView->horizontalHeader();
    groupsHeader->setStretchLastSection(false);
    groupsHeader->setSectionResizeMode(QHeaderView::Interactive);
    groupsHeader->setSectionResizeMode(ErrorGroupModel::MessageColumn, QHeaderView::Stretch);
    m_ui->recordsGroupsView->setTextElideMode(Qt::ElideRight);
    m_ui->recordsGroupsView->viewport()->installEventFilter(this);
    m_ui->recordsGroupsView->sortByColumn(ErrorGroupModel::CountColumn, Qt::DescendingOrder);

    auto *copy = new QAction(tr("&Copy"), m_ui->recordsGroupsView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &RecordsTab::copyGroups);
    m_ui->recordsGroupsView->addAction(copy);
    connect(m_ui->recordsGroupsView, &QWidget::customContextMenuRequested, this,
            &RecordsTab::showGroupsMenu);

    connect(m_ui->recordsFetchButton, &QPushButton::clicked, this, [this] {
        m_fetchError.clear();
        Q_EMIT fetchRequested();
    });
    connect(m_ui->recordsCancelButton, &QPushButton::clicked, this, &RecordsTab::cancelRequested);
    m_ui->recordsExportRow->addStretch(0);
    connect(m_ui->recordsExportButton, &QPushButton::clicked, this, &RecordsTab::requestExport);
    connect(m_ui->recordsExportCancelButton, &QPushButton::clicked, this,
            &RecordsTab::exportCancelRequested);
    m_savePathPicker = [](QWidget *owner, const QString &proposed) {
        return QFileDialog::getSaveFileName(owner, tr("Export Failed Records"), proposed,
                                            tr("JSON lines (*.jsonl);;All files (*)"));
    };

    updateLook();
    clear();
}

RecordsTab::~RecordsTab() = default;

void RecordsTab::setJob(const WatchedJob &job, const QDateTime &now)
{
    const bool newJob = !m_hasJob || job.identifier != m_job.identifier;
    m_hasJob = true;
    m_job = job;
    m_now = now;
    if (newJob) {
        m_fetching = false;
        m_bytesRead = 0;
        m_fetchError.clear();
        m_route = ResultsRoute::Unknown;
        m_exporting = false;
        m_exportMessage.clear();
    }
    // What the job itself tells: a job read through the native API has the results route.
    if (m_route == ResultsRoute::Unknown
        && (job.results || !job.rawNative.isEmpty() || job.job.provider))
        m_route = ResultsRoute::Available;
    const QList<ResultsSummary::ErrorGroup> groups
            = job.results ? job.results->errorGroups : QList<ResultsSummary::ErrorGroup>();
    if (groups != m_groups->groups()) {
        m_groups->setGroups(groups);
        fitGroupColumns();
    }
    updateView();
}

void RecordsTab::setNow(const QDateTime &now)
{
    m_now = now;
    if (m_hasJob)
        updateView();
}

void RecordsTab::clear()
{
    m_hasJob = false;
    m_job = {};
    m_fetching = false;
    m_bytesRead = 0;
    m_fetchError.clear();
    m_route = ResultsRoute::Unknown;
    m_exporting = false;
    m_exportMessage.clear();
    m_groups->setGroups({});
    updateView();
}

void RecordsTab::setResultsRoute(ResultsRoute route)
{
    if (route == m_route)
        return;
    m_route = route;
    updateView();
}

void RecordsTab::setCapBytes(qint64 bytes)
{
    m_capBytes = std::max<qint64>(1, bytes);
    updateFetchRow();
}

void RecordsTab::setFetching(bool fetching)
{
    m_fetching = fetching;
    if (fetching) {
        m_bytesRead = 0;
        m_fetchError.clear();
    }
    updateView();
}

void RecordsTab::setBytesRead(qint64 bytes)
{
    m_bytesRead = std::max<qint64>(0, bytes);
    updateFetchRow();
}

void RecordsTab::setFetchFailed(const QString &message)
{
    m_fetching = false;
    m_fetchError = message;
    updateView();
}

void RecordsTab::setSavePathPicker(SavePathPicker picker)
{
    m_savePathPicker = std::move(picker);
}

QString RecordsTab::suggestedExportFileName(const WatchedJob &job)
{
    QString base = job.job.jobName.value_or(QString()).trimmed();
    if (base.isEmpty())
        base = JobIdentifier::parse(job.identifier).shortId();
    // Only what every file system takes; "batches/abc" (Gemini) becomes "batches_abc".
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    base.replace(unsafe, QStringLiteral("_"));
    while (base.startsWith(u'.') || base.startsWith(u'_'))
        base.remove(0, 1);
    if (base.isEmpty())
        base = QStringLiteral("batch");
    return base.left(80) + QStringLiteral("-failed-records.jsonl");
}

void RecordsTab::requestExport()
{
    if (!isExportEnabled())
        return;
    if (m_exportFolder.isEmpty())
        m_exportFolder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString proposed = QDir(m_exportFolder).filePath(suggestedExportFileName(m_job));
    const QString path = m_savePathPicker ? m_savePathPicker(this, proposed) : QString();
    if (path.isEmpty())
        return;
    m_exportFolder = QFileInfo(path).absolutePath();
    Q_EMIT exportFailedRequested(path);
}

void RecordsTab::setExporting(bool exporting)
{
    m_exporting = exporting;
    if (exporting) {
        m_exportRecords = 0;
        m_exportMessage.clear();
    }
    updateExportRow();
}

void RecordsTab::setExportProgress(qint64 recordsWritten, qint64 bytesRead)
{
    m_exportRecords = recordsWritten;
    // Like the fetch: the size of the results is not known before the end, so bytes against
    // the cap.
    m_ui->recordsExportProgressBar->setRange(0, int(std::max<qint64>(1, m_capBytes / 1024)));
    m_ui->recordsExportProgressBar->setValue(int(std::min(bytesRead, m_capBytes) / 1024));
    m_ui->recordsExportProgressBar->setFormat(
            tr("%n failed record(s) written · %1 MiB read", nullptr, int(recordsWritten))
                    .arg(mibText(bytesRead)));
    updateExportRow();
}

void RecordsTab::setExportFinished(const QString &message, bool ok)
{
    m_exporting = false;
    m_exportMessage = message;
    m_exportOk = ok;
    updateExportRow();
}

bool RecordsTab::isExportEnabled() const
{
    return !m_ui->recordsExportButton->isHidden() && m_ui->recordsExportButton->isEnabled();
}

bool RecordsTab::isExportCancelShown() const
{
    return !m_ui->recordsExportCancelButton->isHidden();
}

QString RecordsTab::exportStatusText() const
{
    return m_ui->recordsExportStatusLabel->isHidden() ? QString()
                                                      : m_ui->recordsExportStatusLabel->text();
}

bool RecordsTab::isShowingEmptyState() const
{
    return m_ui->recordsStack->currentWidget() == m_ui->recordsEmptyPage;
}

QString RecordsTab::emptyStateText() const
{
    return m_ui->recordsEmptyTitle->text() + u'\n' + m_ui->recordsEmptyText->text();
}

QString RecordsTab::verdictText() const
{
    return m_ui->recordsVerdictLabel->isHidden() ? QString() : m_ui->recordsVerdictLabel->text();
}

QString RecordsTab::cappedText() const
{
    return m_ui->recordsCappedLabel->isHidden() ? QString() : m_ui->recordsCappedLabel->text();
}

QString RecordsTab::summaryText() const
{
    return m_ui->recordsSummaryLabel->text();
}

QString RecordsTab::fetchButtonText() const
{
    return m_ui->recordsFetchButton->text();
}

bool RecordsTab::isCancelShown() const
{
    return !m_ui->recordsCancelButton->isHidden();
}

QTableView *RecordsTab::groupsView() const
{
    return m_ui->recordsGroupsView;
}

void RecordsTab::updateView()
{
    const std::optional<ResultsSummary> &results = m_job.results;
    if (!m_hasJob || !results) {
        m_ui->recordsStack->setCurrentWidget(m_ui->recordsEmptyPage);
        if (!m_hasJob) {
            m_ui->recordsEmptyTitle->setText(tr("No job selected"));
            m_ui->recordsEmptyText->clear();
        } else if (m_route == ResultsRoute::Unavailable) {
            m_ui->recordsEmptyTitle->setText(
                    tr("This gateway has no per-record results for this job"));
            m_ui->recordsEmptyText->setText(
                    tr("Per-record results come from Bifrost's native batch API "
                       "(/v1/batches/{id}/results), which this gateway does not answer for "
                       "this job. The record counts in Overview are what it reports."));
        } else {
            m_ui->recordsEmptyTitle->setText(tr("Results not fetched yet"));
            m_ui->recordsEmptyText->setText(
                    Status::isTerminal(m_job.job.statusCode())
                            ? tr("Fetch the per-record results to see how many records "
                                 "succeeded and why the others failed. Only a summary is kept, "
                                 "not the records.")
                            : tr("Results are read when the job ends; fetch them now to see "
                                 "what has been written so far."));
        }
    } else {
        m_ui->recordsStack->setCurrentWidget(m_ui->recordsContentPage);
        const ResultsSummary &r = *results;
        const QLocale locale;
        const QString verdict = resultsContradiction(m_job);
        m_ui->recordsVerdictLabel->setText(verdict);
        m_ui->recordsVerdictLabel->setVisible(!verdict.isEmpty());

        QString summary = tr("%Ln record(s) read", nullptr, int(r.total()));
        if (r.fetchedAt.isValid())
            summary += tr(" · fetched %1").arg(JobMetrics::formatRelative(r.fetchedAt, m_now));
        if (!r.complete && !r.capped)
            summary += tr(" · the read stopped before the end");
        m_ui->recordsSummaryLabel->setText(summary);

        m_ui->recordsOutcomeBar->setCounts(r.succeeded, r.errored, r.expired, r.canceled);
        QStringList legend;
        const qint64 counts[] = {r.succeeded, r.errored, r.expired, r.canceled};
        for (int o = 0; o < OutcomeBar::OutcomeCount; ++o) {
            // Expired and canceled only where they happen (Anthropic).
            if (o >= OutcomeBar::Expired && counts[o] == 0)
                continue;
            const auto outcome = OutcomeBar::Outcome(o);
            legend << QStringLiteral("<span style=\"color:%1\">■</span> %2 %3")
                              .arg(OutcomeBar::color(outcome, palette()).name(),
                                   OutcomeBar::label(outcome).toHtmlEscaped(),
                                   locale.toString(counts[o]));
        }
        m_ui->recordsLegendLabel->setText(legend.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));

        const qint64 capShown = r.bytesRead > 0 ? r.bytesRead : m_capBytes;
        m_ui->recordsCappedLabel->setText(
                r.capped ? tr("Capped at %1 MiB: the counts cover the first %1 MiB of the "
                              "results only.")
                                   .arg(mibText(capShown))
                         : QString());
        m_ui->recordsCappedLabel->setVisible(r.capped);

        const bool anyGroup = !r.errorGroups.isEmpty();
        m_ui->recordsGroupsTitle->setVisible(anyGroup);
        m_ui->recordsGroupsView->setVisible(anyGroup);
        m_ui->recordsNoErrorsLabel->setVisible(!anyGroup);
        m_ui->recordsNoErrorsLabel->setText(
                r.notSucceeded() > 0 ? tr("Failed records were counted without an error "
                                          "code or message.")
                                     : tr("No record failed."));
    }
    updateFetchRow();
}

void RecordsTab::updateFetchRow()
{
    const bool hasResults = m_hasJob && m_job.results.has_value();
    m_ui->recordsFetchButton->setText(hasResults ? tr("Refresh") : tr("Fetch results"));
    m_ui->recordsFetchButton->setToolTip(hasResults ? tr("Read the per-record results again")
                                                    : tr("Read the job's per-record results"));
    m_ui->recordsFetchButton->setEnabled(m_hasJob && !m_fetching
                                         && m_route != ResultsRoute::Unavailable);
    m_ui->recordsFetchButton->setVisible(m_hasJob);
    m_ui->recordsProgressBar->setVisible(m_fetching);
    m_ui->recordsCancelButton->setVisible(m_fetching);
    if (m_fetching) {
        // The size of the results is not known before the end: progress against the cap.
        m_ui->recordsProgressBar->setRange(0, int(std::max<qint64>(1, m_capBytes / 1024)));
        m_ui->recordsProgressBar->setValue(int(std::min(m_bytesRead, m_capBytes) / 1024));
        m_ui->recordsProgressBar->setFormat(tr("%1 MiB read").arg(mibText(m_bytesRead)));
        m_ui->recordsProgressBar->setToolTip(
                tr("Reading stops at %1 MiB").arg(mibText(m_capBytes)));
    }
    m_ui->recordsFetchStatusLabel->setText(m_fetching ? QString() : m_fetchError);
    m_ui->recordsFetchStatusLabel->setVisible(!m_fetching && !m_fetchError.isEmpty());
    updateExportRow();
}

void RecordsTab::updateExportRow()
{
    // Results that counted no failure leave nothing to export; without results nobody knows.
    const bool anyFailed = !m_job.results || m_job.results->notSucceeded() > 0;
    m_ui->recordsExportButton->setVisible(m_hasJob);
    m_ui->recordsExportButton->setEnabled(m_hasJob && !m_exporting && anyFailed
                                          && m_route != ResultsRoute::Unavailable);
    m_ui->recordsExportButton->setToolTip(
            anyFailed ? tr("Save the records that did not succeed as JSON lines (custom id, "
                           "outcome, code, message), ready for resubmission")
                      : tr("No record failed: there is nothing to export"));
    m_ui->recordsExportProgressBar->setVisible(m_exporting);
    m_ui->recordsExportCancelButton->setVisible(m_exporting);
    m_ui->recordsExportStatusLabel->setText(m_exporting ? QString() : m_exportMessage);
    m_ui->recordsExportStatusLabel->setVisible(!m_exporting && !m_exportMessage.isEmpty());
    QPalette pal = palette();
    if (!m_exportOk)
        pal.setColor(QPalette::WindowText, StatusPresentation::color(StatusGroup::Failed, pal));
    m_ui->recordsExportStatusLabel->setPalette(pal);
}

QList<int> RecordsTab::selectedGroupRows() const
{
    QList<int> rows;
    if (const QItemSelectionModel *s = m_ui->recordsGroupsView->selectionModel()) {
        for (const QModelIndex &i : s->selectedRows())
            rows << i.row();
    }
    return rows;
}

int RecordsTab::copyGroups()
{
    if (m_groups->rowCount() == 0)
        return 0;
    const QList<int> rows = selectedGroupRows();
    DetailsFormat::copyToClipboard(m_groups->rowsAsTsv(rows));
    const int n = rows.isEmpty() ? m_groups->rowCount() : int(rows.size());
    Q_EMIT statusMessage(tr("Copied %n error group(s)", nullptr, n));
    return n;
}

int RecordsTab::copySampleIds()
{
    QList<int> rows = selectedGroupRows();
    if (rows.isEmpty()) {
        for (int r = 0; r < m_groups->rowCount(); ++r)
            rows << r;
    }
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    for (int r : std::as_const(rows))
        ids << m_groups->index(r, 0).data(ErrorGroupModel::SampleIdsRole).toStringList();
    if (ids.isEmpty())
        return 0;
    DetailsFormat::copyToClipboard(ids.join(u'\n'));
    Q_EMIT statusMessage(tr("Copied %n sample id(s)", nullptr, int(ids.size())));
    return int(ids.size());
}

void RecordsTab::showGroupsMenu(const QPoint &pos)
{
    QMenu menu(this);
    const bool any = m_groups->rowCount() > 0;
    const bool selected = !selectedGroupRows().isEmpty();
    QAction *copy = menu.addAction(selected ? tr("&Copy Selected Groups") : tr("&Copy All Groups"),
                                   this, &RecordsTab::copyGroups);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(any);
    menu.addAction(tr("Copy Sample &Ids"), this, &RecordsTab::copySampleIds)->setEnabled(any);
    menu.exec(m_ui->recordsGroupsView->viewport()->mapToGlobal(pos));
}

void RecordsTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateLook();
        updateView();
    }
}

void RecordsTab::updateLook()
{
    const QPalette pal = palette();
    const int em = fontMetrics().height();
    QFont bold = font();
    bold.setBold(true);
    m_ui->recordsVerdictLabel->setFont(bold);
    QPalette warn = pal;
    warn.setColor(QPalette::WindowText, StatusPresentation::color(StatusGroup::Failed, pal));
    m_ui->recordsVerdictLabel->setPalette(warn);
    QPalette capped = pal;
    capped.setColor(QPalette::WindowText, StatusPresentation::warningColor(pal));
    m_ui->recordsCappedLabel->setPalette(capped);
    QPalette dim = pal;
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(pal));
    m_ui->recordsSummaryLabel->setPalette(dim);
    m_ui->recordsEmptyText->setPalette(dim);
    m_ui->recordsFetchStatusLabel->setPalette(warn);
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_ui->recordsEmptyTitle->setFont(title);
    m_ui->recordsGroupsTitle->setFont(bold);
    m_ui->recordsEmptyLayout->setContentsMargins(2 * em, em, 2 * em, em);
    fitGroupColumns();
}

bool RecordsTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->recordsGroupsView->viewport() && event->type() == QEvent::Resize)
        fitGroupColumns();
    return QWidget::eventFilter(watched, event);
}

void RecordsTab::fitGroupColumns()
{
    // The count as wide as a big number; the code and the sample ids as wide as a typical one
    // (an "invalid_request_error", two ids) but each at most a quarter of what is left, so the
    // message (stretched) keeps about half of a narrow details panel. Cut text is elided and in
    // full in the tooltip.
    QTableView *view = m_ui->recordsGroupsView;
    const QFontMetrics fm = view->fontMetrics();
    const int em = fm.height();
    QHeaderView *header = view->horizontalHeader();
    // As wide as what they show (and their title), not as wide as they could ever need.
    const QAbstractItemView *items = view; // sizeHintForColumn() is public there
    const auto needed = [items, header](int column) {
        return std::max(items->sizeHintForColumn(column), header->sectionSizeHint(column));
    };
    const int count = needed(ErrorGroupModel::CountColumn);
    const int rest = std::max(0, view->viewport()->width() - count);
    const int code = std::min(needed(ErrorGroupModel::CodeColumn), std::max(4 * em, rest / 4));
    const int samples
            = std::min(needed(ErrorGroupModel::SampleIdsColumn), std::max(4 * em, rest / 4));
    header->resizeSection(ErrorGroupModel::CodeColumn, code);
    header->resizeSection(ErrorGroupModel::CountColumn, count);
    header->resizeSection(ErrorGroupModel::SampleIdsColumn, samples);
}

} // namespace bw
