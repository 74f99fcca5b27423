#include "details/historytab.h"

#include "delegates/statusbadgedelegate.h"
#include "details/detailsformat.h"
#include "models/transitionhistorymodel.h"
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
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryTab::fitTimeColumns);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryTab::fitTimeColumns);
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
    if (!m_headerSized && m_model->rowCount() > 0) {
        m_ui->tableView->resizeColumnsToContents();
        m_headerSized = true;
    }
    m_ui->tableView->scrollToBottom();
}

void HistoryTab::appendTransition(const StatusTransition &transition)
{
    QScrollBar *bar = m_ui->tableView->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_model->appendTransition(transition);
    if (!m_headerSized) {
        m_ui->tableView->resizeColumnsToContents();
        m_headerSized = true;
    }
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
    m_headerSized = m_headerSized || ok;
    applyResizeModes(); // a state saved by an older version may carry fixed widths
    return ok;
}

void HistoryTab::applyResizeModes()
{
    // The badges and the duration take what they need; the two times share the rest and elide
    // (full UTC time in the tooltip) rather than push a horizontal scroll bar.
    QHeaderView *header = m_ui->tableView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 6);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    fitTimeColumns();
}

void HistoryTab::fitTimeColumns()
{
    // The two times share what the other columns leave (they share it equally) while each
    // keeps at least its header's width; a time may then lose its last digits to an ellipsis
    // (the tooltip has it whole). In a panel narrower than that (a 1024 px window, German
    // headers) they keep their whole width instead and the table scrolls sideways: squeezed,
    // they cut their headers to "Beobach…" and their times to "7 …".
    const QAbstractItemView *view = m_ui->tableView; // sizeHintForColumn() is public here
    QHeaderView *header = m_ui->tableView->horizontalHeader();
    const auto isTime = [](int column) {
        return column == TransitionHistoryModel::ObservedAtColumn
               || column == TransitionHistoryModel::LastModifiedColumn;
    };
    const auto wanted = [&](int column) {
        return std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column));
    };
    int others = 0;
    int timeHeader = 0;
    int timeCount = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        if (isTime(column)) {
            timeHeader = std::max(timeHeader, header->sectionSizeHint(column));
            ++timeCount;
        } else {
            others += wanted(column);
        }
    }
    const bool fits = others + timeCount * timeHeader <= view->viewport()->width();
    for (int column = 0; column < header->count(); ++column) {
        if (!isTime(column))
            continue;
        if (fits) {
            header->setSectionResizeMode(column, QHeaderView::Stretch);
        } else {
            header->setSectionResizeMode(column, QHeaderView::Interactive);
            header->resizeSection(column, wanted(column));
        }
    }
}

bool HistoryTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->tableView->viewport() && event->type() == QEvent::Resize)
        fitTimeColumns();
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
