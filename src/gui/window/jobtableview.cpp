#include "window/jobtableview.h"

#include "delegates/expirydelegate.h"
#include "delegates/progressdelegate.h"
#include "delegates/statusbadgedelegate.h"
#include "models/jobtablemodel.h"
#include "presentation/statuspresentation.h"
#include "wire/jobcodec.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace bw {

namespace {

bool isMarkedRow(const QModelIndex &index)
{
    return index.data(JobTableModel::StaleRole).toBool()
           || index.data(JobTableModel::NotFoundRole).toBool();
}

// Draws a cell through an inner delegate (or as a plain styled item), dimmed and in italics when
// its row is stale or not found, so last-known values stay readable but look unconfirmed.
class RowStateDelegate : public QStyledItemDelegate
{
public:
    RowStateDelegate(QAbstractItemDelegate *inner, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_inner(inner)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        const bool marked = isMarkedRow(index);
        if (marked) {
            opt.font.setItalic(true);
            opt.fontMetrics = QFontMetrics(opt.font);
            QColor dim = opt.palette.color(QPalette::Text);
            dim.setAlphaF(0.62f);
            opt.palette.setColor(QPalette::Text, dim);
            opt.palette.setColor(QPalette::WindowText, dim);
            painter->save();
            painter->setFont(opt.font);
        }
        if (m_inner)
            m_inner->paint(painter, opt, index);
        else
            QStyledItemDelegate::paint(painter, opt, index);
        if (marked)
            painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return m_inner ? m_inner->sizeHint(option, index)
                       : QStyledItemDelegate::sizeHint(option, index);
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        return m_inner ? m_inner->helpEvent(event, view, option, index)
                       : QStyledItemDelegate::helpEvent(event, view, option, index);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        // Names and model ids tend to differ at the end ("...-2026-11-28-2", "...-v2:0").
        if (index.column() == JobTableModel::NameColumn
            || index.column() == JobTableModel::ModelColumn)
            option->textElideMode = Qt::ElideMiddle;
        if (index.column() == JobTableModel::StaleColumn && isMarkedRow(index)) {
            option->icon = StatusPresentation::signIcon(SignIcon::Offline, option->palette);
            option->features |= QStyleOptionViewItem::HasDecoration;
            if (index.data(JobTableModel::NotFoundRole).toBool() && option->text.isEmpty())
                option->text = JobTableView::tr("not found");
        }
    }

private:
    QAbstractItemDelegate *m_inner;
};

QString singleLine(QString text)
{
    text.replace(u'\t', u' ');
    text.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

} // namespace

JobTableView::JobTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("jobTable"));
    setAccessibleName(tr("Watched jobs"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSortingEnabled(true);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setCornerButtonEnabled(false);
    setShowGrid(false);
    setTabKeyNavigation(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &JobTableView::showHeaderMenu);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical) {
        if (!m_sizingColumns && logical == JobTableModel::NameColumn)
            m_nameWidthChosen = true;
    });

    m_statusDelegate = new StatusBadgeDelegate(JobTableModel::JobStatusRole,
                                               JobTableModel::StatusTextRole, this);
    m_statusDelegate->setGroupRole(JobTableModel::StatusGroupRole);
    m_progressDelegate = new ProgressDelegate(
            JobTableModel::ProgressFractionRole, JobTableModel::ProgressTotalRole,
            JobTableModel::ProgressProcessedRole, JobTableModel::ProgressFailedRole, this);
    // JobTableModel answers JobStatusRole on the Status column only (invalid elsewhere): the
    // progress cell reads it from its row's Status cell.
    m_progressDelegate->setStatusRole(JobTableModel::JobStatusRole, JobTableModel::StatusColumn);
    m_progressDelegate->setCountsReportedRole(JobTableModel::CountsReportedRole);
    m_expiryDelegate = new ExpiryDelegate(JobTableModel::AtRiskRole, this);

    setItemDelegate(new RowStateDelegate(nullptr, this));
    setItemDelegateForColumn(JobTableModel::StatusColumn,
                             new RowStateDelegate(m_statusDelegate, this));
    setItemDelegateForColumn(JobTableModel::ProgressColumn,
                             new RowStateDelegate(m_progressDelegate, this));
    setItemDelegateForColumn(JobTableModel::ExpiresColumn,
                             new RowStateDelegate(m_expiryDelegate, this));

    // A row as tall as a badge, whatever the font.
    const int em = fontMetrics().height();
    verticalHeader()->setDefaultSectionSize(em + em * 2 / 3);

    // The empty state: what to do when nothing is watched yet.
    m_emptyHint = new QWidget(viewport());
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    auto *hintLayout = new QVBoxLayout(m_emptyHint);
    auto *title = new QLabel(tr("No jobs watched yet"), m_emptyHint);
    title->setObjectName(QStringLiteral("emptyHintTitle"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("Paste the ids or ARNs of the batch jobs to follow, or pick them "
                               "from the jobs this gateway lists."),
                            m_emptyHint);
    text->setObjectName(QStringLiteral("emptyHintText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Jobs…"), m_emptyHint);
    add->setObjectName(QStringLiteral("emptyHintAddButton"));
    auto *discover = new QPushButton(tr("&Discover Jobs…"), m_emptyHint);
    discover->setObjectName(QStringLiteral("emptyHintDiscoverButton"));
    buttons->addStretch();
    buttons->addWidget(add);
    buttons->addWidget(discover);
    buttons->addStretch();
    hintLayout->addStretch();
    hintLayout->addWidget(title);
    hintLayout->addWidget(text);
    hintLayout->addSpacing(em / 2);
    hintLayout->addLayout(buttons);
    hintLayout->addStretch();
    connect(add, &QPushButton::clicked, this, &JobTableView::addJobsRequested);
    connect(discover, &QPushButton::clicked, this, &JobTableView::discoverRequested);
    m_emptyHint->hide();
}

bool JobTableView::isEmptyHintShown() const
{
    return m_emptyHint && !m_emptyHint->isHidden();
}

void JobTableView::updateEmptyHint()
{
    // Only when nothing is watched at all: a filter that hides every row says so in the
    // filter bar.
    const QAbstractItemModel *m = model();
    if (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(m))
        m = proxy->sourceModel();
    const bool empty = m && m->rowCount() == 0;
    m_emptyHint->setVisible(empty);
    if (empty) {
        const int em = fontMetrics().height();
        const QRect area = viewport()->rect();
        const int width = std::min(area.width() - 2 * em, 36 * em);
        const int height = std::min(area.height(), m_emptyHint->sizeHint().height() + em);
        m_emptyHint->setGeometry(QRect(area.center().x() - width / 2,
                                       area.center().y() - height / 2, width, height));
    }
}

void JobTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updateEmptyHint();
    fitNameColumn();
}

void JobTableView::scheduleFitNameColumn()
{
    if (m_nameWidthChosen || m_nameFitPending)
        return;
    m_nameFitPending = true;
    QTimer::singleShot(0, this, [this] {
        m_nameFitPending = false;
        fitNameColumn();
    });
}

void JobTableView::fitNameColumn()
{
    QHeaderView *header = horizontalHeader();
    if (m_nameWidthChosen || !model() || isColumnHidden(JobTableModel::NameColumn))
        return;
    int last = -1; // the stretched section: it keeps its own default width at least
    for (int visual = header->count() - 1; visual >= 0 && last < 0; --visual) {
        if (!header->isSectionHidden(header->logicalIndex(visual)))
            last = header->logicalIndex(visual);
    }
    if (last < 0 || last == JobTableModel::NameColumn)
        return;
    int others = defaultWidth(last);
    for (int column = 0; column < header->count(); ++column) {
        if (column != last && column != JobTableModel::NameColumn
            && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int shipped = defaultWidth(JobTableModel::NameColumn);
    // Measured over the rows QHeaderView would measure (resizeContentsPrecision), not all.
    const int wanted = std::max(shipped, sizeHintForColumn(JobTableModel::NameColumn));
    const int width = std::clamp(viewport()->width() - others, shipped, wanted);
    if (width == header->sectionSize(JobTableModel::NameColumn))
        return;
    const QScopedValueRollback guard(m_sizingColumns, true);
    header->resizeSection(JobTableModel::NameColumn, width);
}

JobTableView::~JobTableView() = default;

void JobTableView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    QTableView::setModel(model);
    if (model) {
        resetColumns();
        sortByColumn(JobTableModel::SubmittedColumn, Qt::DescendingOrder);
        // The proxy removes its rows before its source has: count after the event loop turn
        // that follows, not in the middle of a removal.
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
            m_modelConnections.append(connect(model, signal, this, &JobTableView::updateEmptyHint,
                                              Qt::QueuedConnection));
        }
        // A large filter change arrives as a layout change (JobFilterProxyModel).
        m_modelConnections.append(connect(model, &QAbstractItemModel::layoutChanged, this,
                                          &JobTableView::updateEmptyHint, Qt::QueuedConnection));
        m_modelConnections.append(connect(model, &QAbstractItemModel::modelReset, this,
                                          &JobTableView::updateEmptyHint, Qt::QueuedConnection));
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
            m_modelConnections.append(
                    connect(model, signal, this, &JobTableView::updateProviderColumn));
        }
        m_modelConnections.append(connect(model, &QAbstractItemModel::rowsInserted, this,
                                          &JobTableView::scheduleFitNameColumn));
        m_modelConnections.append(connect(model, &QAbstractItemModel::modelReset, this,
                                          &JobTableView::scheduleFitNameColumn));
        m_modelConnections.append(connect(model, &QAbstractItemModel::modelReset, this,
                                          &JobTableView::updateProviderColumn));
        m_modelConnections.append(
                connect(model, &QAbstractItemModel::dataChanged, this,
                        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                            if (topLeft.column() <= JobTableModel::ProviderColumn
                                && bottomRight.column() >= JobTableModel::ProviderColumn)
                                updateProviderColumn();
                        }));
    }
    updateEmptyHint();
    updateProviderColumn();
}

void JobTableView::updateProviderColumn()
{
    if (m_providerColumnChosen || !model())
        return;
    const QAbstractItemModel *m = model();
    if (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(m))
        m = proxy->sourceModel();
    QString first;
    bool several = false;
    for (int row = 0; m && row < m->rowCount() && !several; ++row) {
        const QString provider = m->index(row, JobTableModel::ProviderColumn)
                                         .data(JobTableModel::ProviderRole)
                                         .toString();
        if (first.isEmpty())
            first = provider;
        else
            several = provider != first;
    }
    if (isColumnHidden(JobTableModel::ProviderColumn) == several) {
        setColumnHidden(JobTableModel::ProviderColumn, !several);
        scheduleFitNameColumn();
    }
}

void JobTableView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                               const QList<int> &roles)
{
    QTableView::dataChanged(topLeft, bottomRight, roles);
    // The progress bar depends on the status (no busy bar once a job has ended), which the
    // model announces on the Status cell only: repaint the progress cells of those rows too.
    const bool statusChanged = topLeft.isValid() && bottomRight.isValid()
                               && topLeft.column() <= JobTableModel::StatusColumn
                               && bottomRight.column() >= JobTableModel::StatusColumn
                               && (roles.isEmpty() || roles.contains(JobTableModel::JobStatusRole));
    if (!statusChanged || isColumnHidden(JobTableModel::ProgressColumn))
        return;
    if (topLeft.row() == bottomRight.row()) {
        viewport()->update(visualRect(topLeft.siblingAtColumn(JobTableModel::ProgressColumn)));
        return;
    }
    viewport()->update(QRect(columnViewportPosition(JobTableModel::ProgressColumn), 0,
                             columnWidth(JobTableModel::ProgressColumn), viewport()->height()));
}

int JobTableView::defaultWidth(int column) const
{
    const QFontMetrics fm = fontMetrics();
    const int ch = fm.averageCharWidth();
    const int em = fm.height();
    switch (JobTableModel::Column(column)) {
    case JobTableModel::StatusColumn:
        // The longest words a badge shows, plus its icon and padding.
        return fm.horizontalAdvance(StatusPresentation::text(JobStatus::PartiallyCompleted))
               + style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + em * 3 / 2;
    case JobTableModel::NameColumn:
        // The name is what people read the table by: room for most of a typical generated one
        // (longer ones are elided in the middle, keeping the date; the details show it whole).
        return std::max(18 * ch,
                        fm.horizontalAdvance(QStringLiteral("transcripts-sentiment-2026")));
    case JobTableModel::IdColumn:
        return fm.horizontalAdvance(QStringLiteral("k3x9p2m7q1ab")) + 2 * em;
    case JobTableModel::ModelColumn:
        return 20 * ch;
    case JobTableModel::ProgressColumn:
        // The longest text the bar usually carries, in the interface's language, uncut and
        // clear of the bar's ends.
        return fm.horizontalAdvance(ProgressDelegate::widestText())
               + 2 * ProgressDelegate::textPadding(fm) + em / 2;
    case JobTableModel::SubmittedColumn:
    case JobTableModel::LastChangeColumn:
        return fm.horizontalAdvance(QStringLiteral("23 h 59 min ago")) + em;
    case JobTableModel::ElapsedColumn:
        return fm.horizontalAdvance(QStringLiteral("23 h 59 min")) + em;
    case JobTableModel::ExpiresColumn: {
        // At risk: bold, with the warning sign in front.
        QFont bold = font();
        bold.setBold(true);
        return QFontMetrics(bold).horizontalAdvance(QStringLiteral("23 h 59 min")) + 2 * em;
    }
    case JobTableModel::EtaColumn:
        return fm.horizontalAdvance(QStringLiteral("23 h 59 min")) + em;
    case JobTableModel::MessageColumn:
        return 40 * ch;
    case JobTableModel::StaleColumn:
        return fm.horizontalAdvance(QStringLiteral("since 23:59")) + 3 * em;
    case JobTableModel::ProviderColumn:
        return fm.horizontalAdvance(QStringLiteral("Azure OpenAI")) + em;
    case JobTableModel::ColumnCount:
        break;
    }
    return 12 * ch;
}

bool JobTableView::isShownByDefault(int column)
{
    // What fits a 1280–1440 px window beside the details: status, name, progress, expiry, age,
    // the identifier (a job the gateway does not know is recognised by it) and, as far as it
    // fits, the model. The rest stays one right-click on the header away.
    switch (JobTableModel::Column(column)) {
    case JobTableModel::StatusColumn:
    case JobTableModel::NameColumn:
    case JobTableModel::IdColumn:
    case JobTableModel::ProgressColumn:
    case JobTableModel::SubmittedColumn:
    case JobTableModel::ExpiresColumn:
    case JobTableModel::ModelColumn:
        return true;
    default:
        return false;
    }
}

void JobTableView::resetColumns()
{
    QHeaderView *header = horizontalHeader();
    if (!model())
        return;
    // Shipped order: what a glance needs first, details to the right.
    // Expiry before age: a job about to expire matters more than when it was submitted, and
    // the identifier (long, and needed mostly for a job the gateway does not know) after both,
    // so that a 1280 px window shows status, name, progress, expiry and age uncut.
    const QList<int> order{JobTableModel::StatusColumn,     JobTableModel::ProviderColumn,
                           JobTableModel::NameColumn,       JobTableModel::ProgressColumn,
                           JobTableModel::ExpiresColumn,    JobTableModel::SubmittedColumn,
                           JobTableModel::IdColumn,         JobTableModel::ModelColumn,
                           JobTableModel::ElapsedColumn,    JobTableModel::EtaColumn,
                           JobTableModel::LastChangeColumn, JobTableModel::StaleColumn,
                           JobTableModel::MessageColumn};
    for (int visual = 0; visual < order.size(); ++visual) {
        const int from = header->visualIndex(order.at(visual));
        if (from >= 0 && from != visual)
            header->moveSection(from, visual);
    }
    {
        const QScopedValueRollback guard(m_sizingColumns, true);
        for (int column = 0; column < model()->columnCount(); ++column) {
            header->setSectionHidden(column, !isShownByDefault(column));
            header->resizeSection(column, defaultWidth(column));
        }
    }
    m_providerColumnChosen = false;
    m_nameWidthChosen = false;
    updateProviderColumn();
    fitNameColumn();
}

QByteArray JobTableView::saveHeaderState() const
{
    return horizontalHeader()->saveState();
}

bool JobTableView::restoreHeaderState(const QByteArray &state)
{
    {
        const QScopedValueRollback guard(m_sizingColumns, true);
        if (state.isEmpty() || !horizontalHeader()->restoreState(state))
            return false;
    }
    m_nameWidthChosen = true; // the width it was left at
    // A state from another version may hide the status: it must always show.
    horizontalHeader()->setSectionHidden(JobTableModel::StatusColumn, false);
    return true;
}

void JobTableView::showHeaderMenu(const QPoint &pos)
{
    if (!model())
        return;
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        const QString title = model()->headerData(column, Qt::Horizontal).toString();
        QAction *action = menu.addAction(title);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setEnabled(column != JobTableModel::StatusColumn);
        connect(action, &QAction::toggled, this, [this, header, column](bool on) {
            if (column == JobTableModel::ProviderColumn)
                m_providerColumnChosen = true;
            header->setSectionHidden(column, !on);
            scheduleFitNameColumn();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset Columns"), this, &JobTableView::resetColumns);
    menu.exec(header->viewport()->mapToGlobal(pos));
}

QStringList JobTableView::selectedIdentifiers() const
{
    QStringList ids;
    if (!model())
        return ids;
    for (int row : selectedRowsInOrder())
        ids << model()->index(row, 0).data(JobTableModel::IdentifierRole).toString();
    return ids;
}

QString JobTableView::currentIdentifier() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? current.data(JobTableModel::IdentifierRole).toString() : QString();
}

int JobTableView::rowOf(const QString &identifier) const
{
    if (!model() || identifier.isEmpty())
        return -1;
    for (int row = 0; row < model()->rowCount(); ++row) {
        if (model()->index(row, 0).data(JobTableModel::IdentifierRole).toString() == identifier)
            return row;
    }
    return -1;
}

bool JobTableView::selectIdentifier(const QString &identifier)
{
    const int row = rowOf(identifier);
    if (row < 0)
        return false;
    const QModelIndex index = model()->index(row, JobTableModel::StatusColumn);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                     | QItemSelectionModel::Rows);
    scrollTo(index);
    return true;
}

QList<int> JobTableView::visibleColumnsInOrder() const
{
    QList<int> columns;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            columns << column;
    }
    return columns;
}

QList<int> JobTableView::selectedRowsInOrder() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString JobTableView::cellText(const QModelIndex &index)
{
    switch (JobTableModel::Column(index.column())) {
    case JobTableModel::StatusColumn:
        return singleLine(index.data(JobTableModel::StatusTextRole).toString());
    case JobTableModel::IdColumn: {
        const QString arn = index.data(JobTableModel::JobArnRole).toString();
        return singleLine(arn.isEmpty() ? index.data(JobTableModel::IdentifierRole).toString()
                                        : arn);
    }
    case JobTableModel::SubmittedColumn:
    case JobTableModel::LastChangeColumn: {
        const QDateTime t = index.data(JobTableModel::RawValueRole).toDateTime();
        return t.isValid() ? JobCodec::formatTimestamp(t) : QString();
    }
    case JobTableModel::MessageColumn:
        return singleLine(index.data(JobTableModel::MessageRole).toString());
    case JobTableModel::NameColumn:
        // The name the gateway reported: a name-less row shows its id, but the Job id column
        // already carries that.
        return singleLine(index.data(JobTableModel::RawValueRole).toString());
    case JobTableModel::ModelColumn:
    case JobTableModel::ProgressColumn:
    case JobTableModel::ElapsedColumn:
    case JobTableModel::ExpiresColumn:
    case JobTableModel::EtaColumn:
    case JobTableModel::StaleColumn:
    case JobTableModel::ProviderColumn:
    case JobTableModel::ColumnCount:
        break;
    }
    return singleLine(index.data(Qt::DisplayRole).toString());
}

QString JobTableView::rowsAsTsv(const QAbstractItemModel *model, const QList<int> &rows,
                                const QList<int> &columns)
{
    if (!model || rows.isEmpty() || columns.isEmpty())
        return {};
    QString out;
    QStringList cells;
    for (int column : columns)
        cells << singleLine(model->headerData(column, Qt::Horizontal).toString());
    out += cells.join(u'\t') + u'\n';
    for (int row : rows) {
        cells.clear();
        for (int column : columns)
            cells << cellText(model->index(row, column));
        out += cells.join(u'\t') + u'\n';
    }
    return out;
}

QString JobTableView::selectionAsTsv() const
{
    return rowsAsTsv(model(), selectedRowsInOrder(), visibleColumnsInOrder());
}

int JobTableView::copySelection()
{
    const QList<int> rows = selectedRowsInOrder();
    if (rows.isEmpty())
        return 0;
    QApplication::clipboard()->setText(rowsAsTsv(model(), rows, visibleColumnsInOrder()));
    Q_EMIT rowsCopied(int(rows.size()));
    return int(rows.size());
}

void JobTableView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void JobTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        const int em = fontMetrics().height();
        verticalHeader()->setDefaultSectionSize(em + em * 2 / 3);
    }
}

} // namespace bw
