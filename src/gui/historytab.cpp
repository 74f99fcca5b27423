#include "historytab.h"

#include "detailsformat.h"
#include "statusbadgedelegate.h"
#include "transitionhistorymodel.h"
#include "ui_historytab.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>

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
};

} // namespace

HistoryTab::HistoryTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryTab>())
    , m_model(new TransitionHistoryModel(this))
{
    m_ui->setupUi(this);
    QTableView *view = m_ui->tableView;
    view->setModel(m_model);
    auto *badges = new HistoryStatusDelegate(view);
    view->setItemDelegateForColumn(TransitionHistoryModel::FromColumn, badges);
    view->setItemDelegateForColumn(TransitionHistoryModel::ToColumn, badges);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
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
    return ok;
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
    Q_EMIT statusMessage(lines.size() == 1 ? tr("Copied 1 transition")
                                           : tr("Copied %1 transitions").arg(lines.size()));
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
    m_ui->summaryLabel->setText(
            (rows == 1
                     ? tr("1 status observed since %1. Times in local time; the tooltips show UTC.")
                     : tr("%2 statuses observed since %1. Times in local time; the tooltips "
                          "show UTC.")
                               .arg(QStringLiteral("%1"), QString::number(rows)))
                    .arg(DetailsFormat::absoluteTime(list.constFirst().observedAt)));
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
