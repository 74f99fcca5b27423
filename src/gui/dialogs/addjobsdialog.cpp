#include "dialogs/addjobsdialog.h"

#include "delegates/statusbadgedelegate.h"
#include "dialogs/dialogsizing.h"
#include "domain/identifierfile.h"
#include "domain/jobkey.h"
#include "models/jobtablemodel.h"
#include "presentation/statuspresentation.h"
#include "tracking/jobmonitor.h"
#include "ui_addjobsdialog.h"

#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTimer>

namespace bw {

namespace {

constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
constexpr int kPageSize = 100;
constexpr int kMaxPagesPerListing = 100; // WIRE.md: cap the number of pages
constexpr int kPagesPerRequest = 10;     // pages fetched per click when filters hide everything

// How often each identifier occurs in the text, tokenized exactly as JobIdentifier::parseList
// reads it (which merges the duplicates).
QHash<QString, int> countOccurrences(const QString &text)
{
    QHash<QString, int> counts;
    const QStringList tokens = JobIdentifier::tokenize(text);
    for (const QString &token : tokens)
        ++counts[token];
    return counts;
}

// Identifiers are told apart by their ends (an ARN by its job id): elide in the middle.
class MiddleElideDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

QStandardItem *readOnlyItem(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

// Every form a watched job goes by: the identifier it was added with and the jobArn the
// gateway answered with.
QSet<QString> watchedForms(const JobMonitor *monitor)
{
    QSet<QString> forms;
    if (!monitor)
        return forms;
    for (const WatchedJob &w : monitor->jobs()) {
        forms.insert(w.identifier);
        if (w.job.jobArn && !w.job.jobArn->isEmpty())
            forms.insert(*w.job.jobArn);
    }
    return forms;
}

QString listedKey(const QString &provider, const QString &id)
{
    return provider + u'\n' + id;
}

} // namespace

AddJobsDialog::AddJobsDialog(JobMonitor *monitor, QWidget *parent)
    : AddJobsDialog(watchedForms(monitor), monitor ? monitor->client() : nullptr, parent)
{
    m_monitor = monitor;
    // The provider column says where each job comes from once there can be several.
    m_ui->discoverView->setColumnHidden(ProviderColumn, false);
    // Each provider's list is walked whole (JobMonitor::listBatches): nothing is left to load.
    m_ui->loadMoreButton->setVisible(false);
}

AddJobsDialog::AddJobsDialog(const QSet<QString> &alreadyWatched, GatewayClient *client,
                             QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddJobsDialog>())
    , m_alreadyWatched(alreadyWatched)
    , m_client(client)
    , m_classifyTimer(new QTimer(this))
    , m_classModel(new QStandardItemModel(0, 3, this))
    , m_discoverModel(new QStandardItemModel(0, DiscoverColumnCount, this))
    , m_discoverProxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    const int em = fontMetrics().height();

    // --- Paste tab
    m_classModel->setHorizontalHeaderLabels({tr("Identifier"), tr("Kind"), tr("Note")});
    m_ui->classificationView->setModel(m_classModel);
    m_ui->classificationView->setItemDelegateForColumn(IdentifierColumn,
                                                       new MiddleElideDelegate(this));
    m_ui->classificationView->horizontalHeader()->resizeSection(
            IdentifierColumn, fontMetrics().horizontalAdvance(QLatin1Char('m')) * 30);
    m_ui->classificationView->horizontalHeader()->resizeSection(
            KindColumn, fontMetrics().horizontalAdvance(tr("provider id")) + 2 * em);
    m_ui->classificationView->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing()
                                                                      + em / 2);
    m_classifyTimer->setSingleShot(true);
    m_classifyTimer->setInterval(200);
    connect(m_classifyTimer, &QTimer::timeout, this, &AddJobsDialog::classifyNow);
    connect(m_ui->pasteEdit, &QPlainTextEdit::textChanged, m_classifyTimer,
            qOverload<>(&QTimer::start));
    connect(m_ui->loadFileButton, &QPushButton::clicked, this, &AddJobsDialog::chooseFiles);
    m_ui->addAnywayCheck->setVisible(false);
    connect(m_ui->addAnywayCheck, &QCheckBox::toggled, this, &AddJobsDialog::classifyNow);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->pasteEdit->setFont(mono);

    // --- Discover tab
    m_ui->statusFilter->addItem(tr("Any status"));
    for (int code = int(JobStatus::Submitted); code <= int(JobStatus::Expired); ++code) {
        const auto status = static_cast<JobStatus>(code);
        m_ui->statusFilter->addItem(StatusPresentation::icon(status, palette()),
                                    StatusPresentation::text(status), code);
    }
    m_discoverModel->setHorizontalHeaderLabels(
            {tr("Status"), tr("Provider"), tr("Name"), tr("Job id"), tr("Model"), tr("Submitted")});
    m_discoverProxy->setSourceModel(m_discoverModel);
    m_discoverProxy->setSortRole(RawRole);
    m_discoverProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_ui->discoverView->setModel(m_discoverProxy);
    m_ui->discoverView->setItemDelegateForColumn(
            StatusColumn, new StatusBadgeDelegate(JobStatusRole, StatusTextRole, this));
    m_ui->discoverView->sortByColumn(SubmittedColumn, Qt::DescendingOrder);
    m_ui->discoverView->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing()
                                                                + em / 2);
    QHeaderView *header = m_ui->discoverView->horizontalHeader();
    header->resizeSection(StatusColumn,
                          fontMetrics().horizontalAdvance(tr("Partially completed")) + 3 * em);
    header->resizeSection(ProviderColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("Anthropic")) + 2 * em);
    // Only the monitor's listing has other providers than Bedrock (see the other constructor).
    m_ui->discoverView->setColumnHidden(ProviderColumn, true);
    header->resizeSection(NameColumn, fontMetrics().horizontalAdvance(QLatin1Char('m')) * 13);
    header->resizeSection(JobIdColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("k3x9p2m7q1ab")) + 2 * em);
    header->resizeSection(ModelColumn, fontMetrics().horizontalAdvance(QLatin1Char('m')) * 13);
    const QDateTime now = QDateTime::currentDateTime();
    m_ui->afterEdit->setDateTime(now.addDays(-7));
    m_ui->beforeEdit->setDateTime(now);
    m_ui->nameFilter->installEventFilter(this);
    connect(m_ui->listButton, &QPushButton::clicked, this, &AddJobsDialog::discover);
    connect(m_ui->loadMoreButton, &QPushButton::clicked, this, &AddJobsDialog::loadMore);
    connect(m_ui->discoverView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AddJobsDialog::updateOkButton);
    connect(m_ui->discoverView, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) {
                if (index.flags().testFlag(Qt::ItemIsEnabled))
                    accept();
            });
    // QPointer reads once into a plain pointer (gcc -O2 otherwise warns -Wnull-dereference).
    if (const GatewayClient *gateway = m_client.data()) {
        const GatewayProfile &profile = gateway->profile();
        m_ui->discoverIntroLabel->setText(
                tr("Jobs on %1. Filters are applied here as well, because gateways may "
                   "ignore them.")
                        .arg(profile.name.isEmpty() ? profile.baseUrl.toDisplayString()
                                                    : profile.name));
    } else {
        m_ui->discoverIntroLabel->setText(
                tr("Connect to a gateway first: discovering jobs needs a gateway profile."));
        for (QWidget *w :
             {static_cast<QWidget *>(m_ui->statusFilter), static_cast<QWidget *>(m_ui->nameFilter),
              static_cast<QWidget *>(m_ui->afterCheck), static_cast<QWidget *>(m_ui->beforeCheck),
              static_cast<QWidget *>(m_ui->listButton)})
            w->setEnabled(false);
    }

    connect(m_ui->tabs, &QTabWidget::currentChanged, this, &AddJobsDialog::updateOkButton);
    // The Discover tab lists the gateway's jobs as soon as it is opened (issue 10 item 12).
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        if (currentTab() == DiscoverTab && m_client && !m_listedOnce && !m_busy)
            discover();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AddJobsDialog::accept);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setIcon(StatusPresentation::actionIcon(ActionIcon::Add, palette()));
    // Return in the paste box starts a new line, so Ctrl+Return watches what was pasted (as in
    // most multi-line forms); it does what the Watch button would, and nothing when it is off.
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, ok, [ok] {
            if (ok->isEnabled())
                ok->click();
        });
    }
    ok->setToolTip(tr("Watch these jobs (Ctrl+Return)"));

    // The empty Discover table says why it is empty instead of showing a blank grid.
    m_discoverPlaceholder = new QLabel(m_ui->discoverView->viewport());
    m_discoverPlaceholder->setObjectName(QStringLiteral("discoverPlaceholder"));
    m_discoverPlaceholder->setAlignment(Qt::AlignCenter);
    m_discoverPlaceholder->setWordWrap(true);
    m_discoverPlaceholder->setTextFormat(Qt::PlainText);
    m_discoverPlaceholder->setForegroundRole(QPalette::PlaceholderText);
    m_discoverPlaceholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_ui->discoverView->viewport()->installEventFilter(this);

    // Identifier files dropped on the dialog (or on the paste field) are loaded.
    setAcceptDrops(true);
    m_ui->pasteEdit->viewport()->installEventFilter(this);

    // Sized from the font: room for ARNs without scrolling sideways.
    resize(fontMetrics().averageCharWidth() * 130, fontMetrics().lineSpacing() * 32);
    // Ctrl+N, then type or paste: the keys go to the paste field, not to the tab bar.
    m_ui->pasteEdit->setFocus(Qt::OtherFocusReason);
    classifyNow();
    updateDiscoverStatus();
}

AddJobsDialog::~AddJobsDialog() = default;

bool AddJobsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->discoverView->viewport() && event->type() == QEvent::Resize)
        placeDiscoverPlaceholder();
    // Files dropped on the paste field are read, not pasted as their paths.
    if (watched == m_ui->pasteEdit->viewport()) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove:
            if (acceptFileDrag(static_cast<QDropEvent *>(event)))
                return true;
            break;
        case QEvent::Drop:
            if (acceptFileDrag(static_cast<QDropEvent *>(event))) {
                loadFiles(droppableFiles(static_cast<QDropEvent *>(event)->mimeData()));
                return true;
            }
            break;
        default:
            break;
        }
    }
    // Enter in the name filter lists jobs; it must not reach the dialog's default button.
    if (watched == m_ui->nameFilter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            discover();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void AddJobsDialog::setCurrentTab(Tab tab)
{
    m_ui->tabs->setCurrentIndex(tab == DiscoverTab ? 1 : 0);
}

AddJobsDialog::Tab AddJobsDialog::currentTab() const
{
    return m_ui->tabs->currentIndex() == 1 ? DiscoverTab : PasteTab;
}

void AddJobsDialog::setPastedText(const QString &text)
{
    m_ui->pasteEdit->setPlainText(text);
    classifyNow();
}

QString AddJobsDialog::pastedText() const
{
    return m_ui->pasteEdit->toPlainText();
}

QStringList AddJobsDialog::supportedFileSuffixes()
{
    return IdentifierFile::supportedSuffixes();
}

bool AddJobsDialog::isSupportedFile(const QString &path)
{
    return IdentifierFile::isSupported(path);
}

std::optional<QStringList> AddJobsDialog::readIdentifierFile(const QString &path,
                                                             QString *errorMessage)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorMessage)
            *errorMessage = tr("Could not read %1: %2").arg(name, file.errorString());
        return {};
    }
    if (file.size() > kMaxFileBytes) {
        if (errorMessage)
            *errorMessage = tr("%1 is larger than 16 MiB; it does not look like a list of job "
                               "identifiers.")
                                    .arg(name);
        return {};
    }
    QString error;
    std::optional<QStringList> tokens
            = IdentifierFile::read(file, IdentifierFile::formatForPath(path), &error);
    if (!tokens && errorMessage)
        *errorMessage = tr("%1: %2").arg(name, error);
    return tokens;
}

QStringList AddJobsDialog::droppableFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && isSupportedFile(url.toLocalFile()))
            files << url.toLocalFile();
    }
    return files;
}

bool AddJobsDialog::acceptFileDrag(QDropEvent *event)
{
    if (droppableFiles(event->mimeData()).isEmpty())
        return false;
    event->setDropAction(Qt::CopyAction);
    event->accept();
    return true;
}

void AddJobsDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!acceptFileDrag(event))
        QDialog::dragEnterEvent(event);
}

void AddJobsDialog::dragMoveEvent(QDragMoveEvent *event)
{
    if (!acceptFileDrag(event))
        QDialog::dragMoveEvent(event);
}

void AddJobsDialog::dropEvent(QDropEvent *event)
{
    if (!acceptFileDrag(event)) {
        QDialog::dropEvent(event);
        return;
    }
    loadFiles(droppableFiles(event->mimeData()));
}

bool AddJobsDialog::loadFiles(const QStringList &paths)
{
    QStringList errors;
    QString appended;
    for (const QString &path : paths) {
        QString error;
        const std::optional<QStringList> tokens = readIdentifierFile(path, &error);
        if (!tokens) {
            errors << error;
            continue;
        }
        // Each file's identifiers one per line, so that the pasted text stays plain.
        QSet<QString> seen;
        for (const QString &token : *tokens) {
            if (!seen.contains(token)) {
                seen.insert(token);
                appended += token + u'\n';
            }
        }
    }
    if (!appended.isEmpty()) {
        QString current = m_ui->pasteEdit->toPlainText();
        if (!current.isEmpty() && !current.endsWith(u'\n'))
            current += u'\n';
        m_ui->pasteEdit->setPlainText(current + appended);
    }
    m_fileError = errors.join(u' ');
    setCurrentTab(PasteTab);
    classifyNow();
    return errors.isEmpty();
}

void AddJobsDialog::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Load Job Identifiers"), QString(),
            tr("Identifier lists (*.txt *.csv *.json);;All files (*)"));
    if (!paths.isEmpty())
        loadFiles(paths);
}

void AddJobsDialog::classifyNow()
{
    m_classifyTimer->stop();
    const QString text = m_ui->pasteEdit->toPlainText();
    m_classified = JobIdentifier::parseList(text);
    const QHash<QString, int> occurrences = countOccurrences(text);
    // Refused identifiers that could still be watched: offered with an explicit "add anyway".
    const bool forceAll = m_ui->addAnywayCheck->isChecked();
    int forcible = 0;
    for (JobIdentifier &id : m_classified) {
        if (!id.canAddAnyway())
            continue;
        ++forcible;
        if (forceAll)
            id = id.addAnyway();
    }
    // One job is one row here too: an id and the ARN of the same job are merged into the first
    // form given, like two copies of the same text.
    QHash<QString, QStringList> otherForms;
    {
        QHash<QString, QString> firstOfKey;
        QList<JobIdentifier> kept;
        kept.reserve(m_classified.size());
        for (const JobIdentifier &id : std::as_const(m_classified)) {
            if (id.isValid()) {
                const QString key = jobKeyOf(id.text());
                const auto first = firstOfKey.constFind(key);
                if (first != firstOfKey.cend()) {
                    otherForms[*first] << id.text();
                    continue;
                }
                firstOfKey.insert(key, id.text());
            }
            kept << id;
        }
        m_classified = kept;
    }
    m_ui->addAnywayCheck->setVisible(forcible > 0);
    m_ui->addAnywayCheck->setText(
            forcible == 1 ? tr("Add the refused identifier an&yway")
                          : tr("Add the %n refused identifier(s) an&yway", nullptr, forcible));

    m_classModel->removeRows(0, m_classModel->rowCount());
    int valid = 0, invalid = 0, watched = 0, duplicates = 0;
    const QPalette pal = palette();
    QList<QList<QStandardItem *>> rows;
    rows.reserve(m_classified.size());
    for (const JobIdentifier &id : std::as_const(m_classified)) {
        const QStringList forms = otherForms.value(id.text());
        int count = std::max(1, occurrences.value(id.text(), 1));
        for (const QString &form : forms)
            count += std::max(1, occurrences.value(form, 1));
        duplicates += count - 1;
        const bool isWatched = id.isValid() && m_alreadyWatched.contains(id.text());

        auto *idItem = readOnlyItem(id.text());
        idItem->setData(id.text(), IdentifierRole);
        idItem->setData(int(id.kind()), KindRole);
        idItem->setData(count, OccurrencesRole);
        idItem->setData(isWatched, AlreadyWatchedRole);
        idItem->setToolTip(id.text());
        auto *kindItem = readOnlyItem(JobIdentifier::kindName(id.kind()));
        QStringList notes;
        if (!id.isValid()) {
            ++invalid;
            kindItem->setIcon(StatusPresentation::icon(StatusGroup::Failed, pal));
            notes << tr("Not added: %1").arg(id.invalidReason());
        } else if (isWatched) {
            ++watched;
            notes << tr("Already watched");
            const QColor dim = pal.color(QPalette::PlaceholderText);
            idItem->setForeground(dim);
            kindItem->setForeground(dim);
        } else {
            ++valid;
            if (id.kind() == IdentifierKind::AsGiven)
                notes << tr("Not recognised as a job; added as given because you asked");
            else if (id.kind() == IdentifierKind::Arn && !id.region().isEmpty())
                notes << tr("Region %1, account %2").arg(id.region(), id.accountId());
        }
        if (!forms.isEmpty())
            notes << tr("same job as %1, merged").arg(forms.join(QStringLiteral(", ")));
        else if (count > 1)
            notes << tr("given %n time(s), merged", nullptr, count);
        auto *noteItem = readOnlyItem(notes.join(QStringLiteral("; ")));
        noteItem->setToolTip(noteItem->text());
        rows.append({idItem, kindItem, noteItem});
    }
    for (const auto &row : std::as_const(rows))
        m_classModel->appendRow(row);
    // The identifier column as wide as the longest identifier, but leaving half for the kind and
    // the note (the reason a line is not added must be readable; long ARNs elide in the middle,
    // keeping their job id).
    QTableView *view = m_ui->classificationView;
    view->resizeColumnToContents(IdentifierColumn);
    // Before the dialog is shown the viewport has no real width yet: go by the dialog's.
    const int cap
            = std::max(view->viewport()->width(), width() - 4 * fontMetrics().height()) * 9 / 20;
    if (view->columnWidth(IdentifierColumn) > cap)
        view->setColumnWidth(IdentifierColumn, cap);

    QStringList summary;
    if (m_classified.isEmpty()) {
        summary << tr("Paste identifiers above or load them from files.");
    } else {
        summary << tr("%n job(s) to add.", nullptr, valid);
        if (watched > 0)
            summary << tr("%n already watched.", nullptr, watched);
        if (invalid > 0)
            summary << tr("%n invalid.", nullptr, invalid);
        if (duplicates > 0)
            summary << tr("%n duplicate(s) merged.", nullptr, duplicates);
    }
    if (!m_fileError.isEmpty())
        summary << m_fileError;
    m_ui->summaryLabel->setText(summary.join(u' '));
    updateOkButton();
}

QStringList AddJobsDialog::pastedIdentifiersToAdd() const
{
    QStringList ids;
    for (const JobIdentifier &id : m_classified) {
        if (id.isValid() && !m_alreadyWatched.contains(id.text()))
            ids << id.text();
    }
    return ids;
}

QList<ParsedJob> AddJobsDialog::selectedDiscoveredJobs() const
{
    QList<ParsedJob> jobs;
    QStringList keys;
    const QModelIndexList rows = m_ui->discoverView->selectionModel()->selectedRows();
    QList<QModelIndex> sorted(rows.begin(), rows.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(sorted)) {
        if (!index.flags().testFlag(Qt::ItemIsEnabled))
            continue;
        const QString arn = index.data(JobArnRole).toString();
        const QString key = listedKey(index.data(ProviderRole).toString(), arn);
        if (arn.isEmpty() || m_alreadyWatched.contains(arn) || keys.contains(key))
            continue;
        keys << key;
        ParsedJob parsed = m_summaries.value(key);
        parsed.job.jobArn = arn;
        parsed.job.provider = index.data(ProviderRole).toString();
        jobs << parsed;
    }
    return jobs;
}

QStringList AddJobsDialog::selectedDiscoveredIdentifiers() const
{
    QStringList ids;
    for (const ParsedJob &parsed : selectedDiscoveredJobs())
        ids << parsed.job.jobArn.value_or(QString());
    return ids;
}

void AddJobsDialog::updateOkButton()
{
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    if (currentTab() == PasteTab) {
        const qsizetype n = pastedIdentifiersToAdd().size();
        ok->setText(tr("&Watch %n Job(s)", nullptr, int(n)));
        ok->setEnabled(n > 0);
    } else {
        const qsizetype n = selectedDiscoveredIdentifiers().size();
        ok->setText(n == 0 ? tr("&Watch Selected") : tr("&Watch %n Selected", nullptr, int(n)));
        ok->setEnabled(n > 0);
    }
}

void AddJobsDialog::accept()
{
    m_result
            = currentTab() == PasteTab ? pastedIdentifiersToAdd() : selectedDiscoveredIdentifiers();
    m_resultJobs = currentTab() == PasteTab ? QList<ParsedJob>() : selectedDiscoveredJobs();
    if (m_result.isEmpty())
        return;
    QDialog::accept();
}

// ---- Discover ----------------------------------------------------------------------------

void AddJobsDialog::discover()
{
    if (!m_client)
        return;
    ++m_generation;
    m_discoverModel->removeRows(0, m_discoverModel->rowCount());
    m_query = ListQuery{};
    m_query.maxResults = kPageSize;
    const int statusIndex = m_ui->statusFilter->currentIndex();
    if (statusIndex > 0) {
        m_query.statusEquals = Status::canonicalName(
                static_cast<JobStatus>(m_ui->statusFilter->currentData().toInt()));
    }
    const QString name = m_ui->nameFilter->text().trimmed();
    if (!name.isEmpty())
        m_query.nameContains = name;
    if (m_ui->afterCheck->isChecked())
        m_query.submitTimeAfter = m_ui->afterEdit->dateTime().toUTC();
    if (m_ui->beforeCheck->isChecked())
        m_query.submitTimeBefore = m_ui->beforeEdit->dateTime().toUTC();
    m_nextToken.reset();
    m_seenTokens.clear();
    m_listedArns.clear();
    m_pages = 0;
    m_hiddenByFilters = 0;
    m_truncated = false;
    m_listedOnce = true;
    m_summaries.clear();
    if (m_monitor) {
        discoverProviders();
        return;
    }
    fetchNextPage(kPagesPerRequest);
}

void AddJobsDialog::discoverProviders()
{
    m_providersPending = GatewayProfile::normalisedProviders(m_client->profile().providers);
    if (m_providersPending.isEmpty()) // a profile names at least one; Bedrock by default
        m_providersPending = {QStringLiteral("bedrock")};
    m_providersListed.clear();
    m_providerErrors.clear();
    setBusy(true);
    updateDiscoverStatus();
    const int generation = m_generation;
    m_monitor->listBatches(
            m_providersPending, kMaxPagesPerListing, this,
            [this, generation](const QString &provider, const Expected<QList<ParsedJob>> &batches) {
                if (generation == m_generation)
                    handleProvider(provider, batches);
            });
}

void AddJobsDialog::handleProvider(const QString &provider,
                                   const Expected<QList<ParsedJob>> &batches)
{
    m_providersPending.removeAll(provider);
    if (batches) {
        m_providersListed << provider;
        for (ParsedJob parsed : *batches) {
            parsed.job.provider = provider;
            appendDiscovered(parsed);
        }
    } else {
        m_providerErrors.insert(provider, batches.error().describe());
    }
    if (!m_providersPending.isEmpty()) {
        updateDiscoverStatus();
        return;
    }
    setBusy(false);
    updateDiscoverStatus();
    Q_EMIT discoverFinished(m_providerErrors.isEmpty());
}

void AddJobsDialog::loadMore()
{
    if (!m_client || m_busy || !m_nextToken)
        return;
    fetchNextPage(kPagesPerRequest);
}

void AddJobsDialog::fetchNextPage(int budget)
{
    ListQuery query = m_query;
    query.nextToken = m_nextToken;
    setBusy(true);
    updateDiscoverStatus();
    const int generation = m_generation;
    m_client->listPage(query, this, [this, budget, generation](const Expected<ListPage> &page) {
        if (generation != m_generation)
            return;
        handlePage(page, budget);
    });
}

void AddJobsDialog::handlePage(const Expected<ListPage> &page, int budget)
{
    if (!page) {
        // Rows already listed stay; the user may try again with Load More / List Jobs.
        setBusy(false);
        updateDiscoverStatus(page.error().describe());
        Q_EMIT discoverFinished(false);
        return;
    }
    ++m_pages;
    const int rowsBefore = m_discoverModel->rowCount();
    for (const ParsedJob &parsed : page->jobs)
        appendDiscovered(parsed);
    const bool added = m_discoverModel->rowCount() > rowsBefore;

    // WIRE.md: stop on no token, an empty page, a repeated token, or the page cap.
    const std::optional<QString> &token = page->nextToken;
    m_nextToken.reset();
    if (token && !token->isEmpty()) {
        if (page->jobs.isEmpty() || m_seenTokens.contains(*token)) {
            // Unreliable pagination: a token that leads nowhere new.
        } else if (m_pages >= kMaxPagesPerListing) {
            m_truncated = true;
        } else {
            m_seenTokens.insert(*token);
            m_nextToken = *token;
        }
    }
    // Keep going while the local filters hid a whole page, within this click's budget.
    if (m_nextToken && !added && budget > 1) {
        fetchNextPage(budget - 1);
        return;
    }
    setBusy(false);
    updateDiscoverStatus();
    Q_EMIT discoverFinished(true);
}

void AddJobsDialog::appendDiscovered(const ParsedJob &parsed)
{
    const Job &job = parsed.job;
    const QString arn = job.jobArn.value_or(QString()).trimmed();
    const QString provider = job.providerOrBedrock().trimmed().toLower();
    const QString key = listedKey(provider, arn);
    if (arn.isEmpty() || m_listedArns.contains(key))
        return;
    if (!m_query.matches(job)) { // the same rule as `batchwatch-cli list`
        ++m_hiddenByFilters;
        return;
    }
    m_listedArns.insert(key);
    m_summaries.insert(key, parsed);
    const bool watched = m_alreadyWatched.contains(arn);
    const JobIdentifier id = JobIdentifier::parse(arn);
    const QLocale locale;

    QList<QStandardItem *> row;
    auto *status = readOnlyItem(QString());
    status->setData(int(job.statusCode()), JobStatusRole);
    status->setData(job.statusText(), StatusTextRole);
    status->setData(int(job.statusCode()), RawRole);
    status->setData(StatusPresentation::text(job.status.value_or(Status())), Qt::DisplayRole);
    auto *providerItem = readOnlyItem(JobTableModel::providerLabel(provider));
    providerItem->setData(provider, RawRole);
    auto *name = readOnlyItem(job.jobName.value_or(QString()));
    name->setData(job.jobName.value_or(QString()).toLower(), RawRole);
    auto *shortId = readOnlyItem(id.shortId());
    shortId->setData(id.shortId(), RawRole);
    shortId->setToolTip(arn);
    auto *model = readOnlyItem(job.modelId.value_or(QString()));
    model->setData(job.modelId.value_or(QString()), RawRole);
    model->setToolTip(job.modelId.value_or(QString()));
    auto *submitted = readOnlyItem(
            job.submitTime ? locale.toString(job.submitTime->toLocalTime(), QLocale::ShortFormat)
                           : QString());
    submitted->setData(job.submitTime.value_or(QDateTime()), RawRole);
    row << status << providerItem << name << shortId << model << submitted;
    for (QStandardItem *item : std::as_const(row)) {
        item->setData(arn, JobArnRole);
        item->setData(provider, ProviderRole);
        if (watched) {
            item->setEnabled(false);
            item->setToolTip(tr("Already watched"));
        }
    }
    m_discoverModel->appendRow(row);
}

void AddJobsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->listButton->setEnabled(m_client && !busy);
    m_ui->loadMoreButton->setEnabled(m_client && !busy && m_nextToken.has_value());
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void AddJobsDialog::updateDiscoverStatus(const QString &error)
{
    QString text;
    if (!m_client) {
        text.clear();
    } else if (!m_listedOnce) {
        text = tr("Choose filters and press “List Jobs”.");
    } else if (m_busy && m_monitor) {
        text = m_providersListed.isEmpty()
                       ? tr("Listing jobs…")
                       : tr("Listing jobs… %n listed, waiting for %1.", nullptr,
                            m_discoverModel->rowCount())
                                 .arg(m_providersPending.join(QStringLiteral(", ")));
    } else if (m_busy) {
        text = tr("Listing jobs…");
    } else if (m_monitor) {
        const int rows = m_discoverModel->rowCount();
        QStringList parts;
        parts << tr("%n job(s) listed", nullptr, rows);
        QStringList listed = m_providersListed;
        for (QString &p : listed)
            p = JobTableModel::providerLabel(p);
        if (!listed.isEmpty())
            parts.last() += tr(" from %1.").arg(listed.join(QStringLiteral(", ")));
        else
            parts.last() += u'.';
        if (m_hiddenByFilters > 0)
            parts << tr("%n more did not match the filters.", nullptr, m_hiddenByFilters);
        QStringList failed = m_providerErrors.keys();
        failed.sort();
        for (const QString &p : std::as_const(failed))
            parts << tr("%1 could not be listed: %2")
                             .arg(JobTableModel::providerLabel(p), m_providerErrors.value(p));
        text = parts.join(u' ');
    } else {
        const int rows = m_discoverModel->rowCount();
        QStringList parts;
        parts << tr("%n job(s) listed.", nullptr, rows);
        if (m_hiddenByFilters > 0)
            parts << tr("%n more did not match the filters.", nullptr, m_hiddenByFilters);
        if (!error.isEmpty())
            parts << tr("The gateway could not list jobs: %1").arg(error);
        else if (m_nextToken)
            parts << tr("More are available.");
        else if (m_truncated)
            parts << tr("Stopped after %n page(s).", nullptr, m_pages);
        else
            parts << tr("That is every job the gateway reported.");
        text = parts.join(u' ');
    }
    m_ui->discoverStatusLabel->setText(text);
    m_ui->loadMoreButton->setEnabled(m_client && !m_busy && m_nextToken.has_value());
    updateDiscoverPlaceholder(error);
    updateOkButton();
}

void AddJobsDialog::updateDiscoverPlaceholder(const QString &error)
{
    if (!m_discoverPlaceholder)
        return;
    QString text;
    if (!m_client)
        text = tr("No gateway to ask. Add jobs by id on the “Paste or Load” tab, or connect to "
                  "a gateway first.");
    else if (m_busy)
        text = tr("Listing jobs…");
    else if (!m_listedOnce)
        text = tr("Press “List Jobs” to see the jobs on the gateway.");
    else if (!error.isEmpty() || (m_monitor && m_providersListed.isEmpty()))
        text = tr("The gateway could not list jobs.");
    else if (m_hiddenByFilters > 0)
        text = tr("No job matches the filters.");
    else
        text = tr("The gateway reported no jobs.");
    m_discoverPlaceholder->setText(text);
    m_discoverPlaceholder->setVisible(m_discoverModel->rowCount() == 0);
    placeDiscoverPlaceholder();
}

void AddJobsDialog::placeDiscoverPlaceholder()
{
    if (!m_discoverPlaceholder)
        return;
    const int em = fontMetrics().height();
    m_discoverPlaceholder->setGeometry(
            m_ui->discoverView->viewport()->rect().adjusted(em, em, -em, -em));
}

void AddJobsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeightToWidth(this);
}

} // namespace bw
