#include "details/historytab.h"

#include "delegates/statusbadgedelegate.h"
#include "details/detailsformat.h"
#include "models/transitionhistorymodel.h"
#include "presentation/statuspresentation.h"
#include "ui_historytab.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>

#include <algorithm>

namespace bw {

namespace {

// A status badge, except for the "from" of the first transition: nothing was observed before.
class HistoryStatusDelegate : public StatusBadgeDelegate
{
public:
    HistoryStatusDelegate(QObject *parent)
        : StatusBadgeDelegate(TransitionHistoryModel::JobStatusRole,
                              TransitionHistoryModel::StatusTextRole, parent)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        if (index.data(TransitionHistoryModel::JobStatusRole).isValid()) {
            StatusBadgeDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text = HistoryTab::tr("(first observed)");
        opt.features |= QStyleOptionViewItem::HasDisplay;
        opt.font.setItalic(true);
        if (!opt.state.testFlag(QStyle::State_Selected))
            opt.palette.setColor(QPalette::Text, DetailsFormat::dimmedTextColor(opt.palette));
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }

    // As wide as the words painted: "(first observed)" is narrower than a badge would be.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize badge = StatusBadgeDelegate::sizeHint(option, index);
        if (index.data(TransitionHistoryModel::JobStatusRole).isValid())
            return badge;
        QFont italic = option.font;
        italic.setItalic(true);
        const int words
                = QFontMetrics(italic).horizontalAdvance(HistoryTab::tr("(first observed)"));
        return {words + QFontMetrics(italic).height(), badge.height()};
    }
};

// Short headers, so the five columns fit the details panel; the full meaning in the tooltip.
class HistoryModel : public TransitionHistoryModel
{
public:
    using TransitionHistoryModel::TransitionHistoryModel;

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
            return TransitionHistoryModel::headerData(section, orientation, role);
        const bool tip = role == Qt::ToolTipRole;
        switch (section) {
        case FromColumn:
            return tip ? HistoryTab::tr("The status before the change") : HistoryTab::tr("From");
        case ToColumn:
            return tip ? HistoryTab::tr("The status after the change") : HistoryTab::tr("To");
        case ObservedAtColumn:
            return tip ? HistoryTab::tr("When batchwatch saw the change (local time)")
                       : HistoryTab::tr("Observed");
        case LastModifiedColumn:
            return tip ? HistoryTab::tr("The gateway's lastModifiedTime with the new status "
                                        "(local time)")
                       : HistoryTab::tr("Gateway time");
        case ElapsedInPreviousColumn:
            return tip ? HistoryTab::tr("Time spent in the previous status")
                       : HistoryTab::tr("Elapsed");
        default:
            return TransitionHistoryModel::headerData(section, orientation, role);
        }
    }

    // The columns the tab hides for room: their values join every cell's tooltip.
    void setFolded(const QList<int> &columns)
    {
        if (columns == m_folded)
            return;
        m_folded = columns;
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                               {Qt::ToolTipRole});
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        QVariant value = TransitionHistoryModel::data(index, role);
        if (role != Qt::ToolTipRole || m_folded.isEmpty() || !index.isValid())
            return value;
        QStringList lines;
        if (!value.toString().isEmpty())
            lines << value.toString();
        for (int column : m_folded) {
            QString shown;
            if (column == FromColumn) {
                const auto t = index.data(TransitionRole).value<StatusTransition>();
                shown = t.from ? StatusPresentation::text(*t.from)
                               : HistoryTab::tr("(first observed)");
            } else {
                shown = TransitionHistoryModel::data(index.siblingAtColumn(column), Qt::ToolTipRole)
                                .toString();
            }
            if (shown.isEmpty())
                continue;
            //: A column hidden for room, in a cell's tooltip: "From: In progress"
            lines << HistoryTab::tr("%1: %2").arg(
                    headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(), shown);
        }
        return lines.join(u'\n');
    }

private:
    QList<int> m_folded;
};

// A header that measures a hidden section too (sectionSizeHint() says 0 for it).
class HistoryHeader : public QHeaderView
{
public:
    using QHeaderView::QHeaderView;

    int wholeWidth(int section) const
    {
        return std::clamp(sectionSizeFromContents(section).width(), minimumSectionSize(),
                          std::max(minimumSectionSize(), maximumSectionSize()));
    }
};

// Times in a compact local form ("28 Nov 11:18:57"; the year only when it is not this one);
// the tooltip keeps the exact UTC time.
class CompactTimeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QString compact(const QDateTime &instant)
    {
        if (!instant.isValid())
            return {};
        const QDateTime local = instant.toLocalTime();
        const bool thisYear = local.date().year() == QDate::currentDate().year();
        return QLocale().toString(local, thisYear ? QStringLiteral("d MMM HH:mm:ss")
                                                  : QStringLiteral("d MMM yyyy HH:mm"));
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QVariant raw = index.data(TransitionHistoryModel::RawValueRole);
        if (raw.isValid())
            option->text = compact(raw.toDateTime());
    }
};

} // namespace

HistoryTab::HistoryTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryTab>())
    , m_model(new HistoryModel(this))
{
    m_ui->setupUi(this);
    QTableView *view = m_ui->tableView;
    view->setHorizontalHeader(new HistoryHeader(Qt::Horizontal, view));
    view->setModel(m_model);
    auto *badges = new HistoryStatusDelegate(view);
    view->setItemDelegateForColumn(TransitionHistoryModel::FromColumn, badges);
    view->setItemDelegateForColumn(TransitionHistoryModel::ToColumn, badges);
    auto *times = new CompactTimeDelegate(view);
    view->setItemDelegateForColumn(TransitionHistoryModel::ObservedAtColumn, times);
    view->setItemDelegateForColumn(TransitionHistoryModel::LastModifiedColumn, times);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setHighlightSections(false);
    view->setTextElideMode(Qt::ElideRight);
    applyResizeModes();
    view->viewport()->installEventFilter(this);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *copy = new QAction(DetailsFormat::copyIcon(palette()), tr("&Copy Rows"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(copy);
    connect(copy, &QAction::triggered, this, &HistoryTab::copySelection);
    connect(view, &QWidget::customContextMenuRequested, this,
            [this, view, copy](const QPoint &pos) {
                QMenu menu(this);
                copy->setEnabled(view->selectionModel()->hasSelection());
                menu.addAction(copy);
                menu.exec(view->viewport()->mapToGlobal(pos));
                copy->setEnabled(true);
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryTab::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryTab::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryTab::fitColumns);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryTab::fitColumns);
    updateLook();
    updateSummary();
}

HistoryTab::~HistoryTab() = default;

QTableView *HistoryTab::tableView() const
{
    return m_ui->tableView;
}

void HistoryTab::setTransitions(const QList<StatusTransition> &transitions)
{
    if (transitions.size() == m_model->transitions().size()) {
        // Unchanged (the stored history was what memory had): keep the view as it is.
        bool same = true;
        const QList<StatusTransition> current = m_model->transitions();
        for (qsizetype i = 0; i < transitions.size() && same; ++i) {
            const StatusTransition &a = transitions.at(i);
            const StatusTransition &b = current.at(i);
            same = a.observedAt == b.observedAt && a.to == b.to && a.from == b.from
                   && a.lastModifiedTime == b.lastModifiedTime;
        }
        if (same)
            return;
    }
    m_model->setTransitions(transitions);
    m_ui->tableView->scrollToBottom();
}

void HistoryTab::appendTransition(const StatusTransition &transition)
{
    QScrollBar *bar = m_ui->tableView->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_model->appendTransition(transition);
    if (atEnd)
        m_ui->tableView->scrollToBottom();
}

void HistoryTab::clear()
{
    m_model->clear();
}

QByteArray HistoryTab::saveHeaderState() const
{
    return m_ui->tableView->horizontalHeader()->saveState();
}

bool HistoryTab::restoreHeaderState(const QByteArray &state)
{
    const bool ok = m_ui->tableView->horizontalHeader()->restoreState(state);
    applyResizeModes(); // the widths and hidden columns follow the panel, not the saved state
    return ok;
}

void HistoryTab::applyResizeModes()
{
    QHeaderView *header = m_ui->tableView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 6);
    for (int column = 0; column < header->count(); ++column)
        header->setSectionResizeMode(column, QHeaderView::Fixed);
    fitColumns();
}

void HistoryTab::fitColumns()
{
    // What a user scanning the history reads: the status it went to, when, and how long the
    // one before lasted. In a panel too narrow for all five columns at their whole width (the
    // details beside the table at 1280-1400 px), the two that repeat or refine what the row
    // says give way first: "From" (the row above's "To") and then the gateway's time (the
    // observed one is close to it) -- the gateway's first when it reports none; their
    // values move into the row's tooltip. The columns
    // shown keep their whole width, and the room left widens the times, so the table fills
    // the panel and never scrolls sideways. Only when even the three do not fit (a panel
    // dragged narrower still) do the times keep their width and the table scroll, rather than
    // cut them to "7 …".
    const QAbstractItemView *view = m_ui->tableView; // sizeHintForColumn() is public here
    auto *header = static_cast<HistoryHeader *>(m_ui->tableView->horizontalHeader());
    const int columns = header->count();
    if (columns != TransitionHistoryModel::ColumnCount)
        return;
    // Measured as if shown: a hidden section's sectionSizeHint() is 0, and a hidden column
    // measured so would come back at once, to be hidden again at the next resize, and so on.
    QList<int> wanted(columns);
    for (int column = 0; column < columns; ++column)
        wanted[column] = std::max(header->wholeWidth(column), view->sizeHintForColumn(column));
    const int room = view->viewport()->width();
    // A gateway that reports no lastModifiedTime leaves its column empty: that one goes first.
    bool gatewayTimes = false;
    for (int row = 0; row < m_model->rowCount() && !gatewayTimes; ++row)
        gatewayTimes = m_model->index(row, TransitionHistoryModel::LastModifiedColumn)
                               .data(TransitionHistoryModel::RawValueRole)
                               .isValid();
    const int first = gatewayTimes ? TransitionHistoryModel::FromColumn
                                   : TransitionHistoryModel::LastModifiedColumn;
    const int second = gatewayTimes ? TransitionHistoryModel::LastModifiedColumn
                                    : TransitionHistoryModel::FromColumn;
    const QList<QList<int>> folds{{}, {first}, {first, second}};
    QList<int> folded = folds.constLast();
    int used = 0;
    for (const QList<int> &fold : folds) {
        used = 0;
        for (int column = 0; column < columns; ++column) {
            if (!fold.contains(column))
                used += wanted.at(column);
        }
        if (used <= room) {
            folded = fold;
            break;
        }
    }
    static_cast<HistoryModel *>(m_model)->setFolded(folded);
    QList<int> times;
    for (int column : {int(TransitionHistoryModel::ObservedAtColumn),
                       int(TransitionHistoryModel::LastModifiedColumn)}) {
        if (!folded.contains(column))
            times.append(column);
    }
    int spare = std::max(0, room - used);
    for (int column = 0; column < columns; ++column) {
        const bool hide = folded.contains(column);
        if (header->isSectionHidden(column) != hide)
            header->setSectionHidden(column, hide);
        if (hide)
            continue;
        int width = wanted.at(column);
        if (const qsizetype at = times.indexOf(column); at >= 0) {
            const int extra = spare / int(times.size() - at);
            spare -= extra;
            width += extra;
        }
        if (header->sectionSize(column) != width)
            header->resizeSection(column, width);
    }
}

bool HistoryTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->tableView->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

QString HistoryTab::displayedText(int row, int column) const
{
    const QModelIndex index = m_model->index(row, column);
    if (column == TransitionHistoryModel::ObservedAtColumn
        || column == TransitionHistoryModel::LastModifiedColumn)
        return CompactTimeDelegate::compact(
                index.data(TransitionHistoryModel::RawValueRole).toDateTime());
    return index.data().toString();
}

void HistoryTab::copySelection()
{
    QModelIndexList rows = m_ui->tableView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    if (rows.isEmpty())
        return;
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QModelIndex cell = m_model->index(row.row(), c);
            if (c == TransitionHistoryModel::ObservedAtColumn
                || c == TransitionHistoryModel::LastModifiedColumn)
                cells.append(DetailsFormat::utcTime(
                        cell.data(TransitionHistoryModel::RawValueRole).toDateTime()));
            else
                cells.append(cell.data().toString());
        }
        lines.append(cells.join(u'\t'));
    }
    DetailsFormat::copyToClipboard(lines.join(u'\n') + u'\n');
    Q_EMIT statusMessage(tr("Copied %n transition(s)", nullptr, int(lines.size())));
}

void HistoryTab::updateSummary()
{
    const int rows = m_model->rowCount();
    m_ui->stack->setCurrentWidget(rows > 0 ? static_cast<QWidget *>(m_ui->tableView)
                                           : m_ui->emptyPage);
    if (rows == 0) {
        m_ui->summaryLabel->clear();
        m_ui->summaryLabel->setVisible(false);
        return;
    }
    const QList<StatusTransition> list = m_model->transitions();
    // The same compact local form as the table's time columns.
    const QString since = CompactTimeDelegate::compact(list.constFirst().observedAt);
    m_ui->summaryLabel->setText(
            tr("%n status(es) observed since %1. Times are local; hover a time for UTC.", nullptr,
               rows)
                    .arg(since));
    m_ui->summaryLabel->setVisible(true);
}

void HistoryTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateLook();
}

void HistoryTab::updateLook()
{
    const int em = fontMetrics().height();
    m_ui->emptyLayout->setContentsMargins(4 * em, em, 4 * em, em);
    QPalette dim = palette();
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(palette()));
    m_ui->summaryLabel->setPalette(dim);
    m_ui->emptyLabel->setPalette(dim);
}

} // namespace bw
