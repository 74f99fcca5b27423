#include "details/configurationtab.h"

#include "details/detailsformat.h"
#include "models/configtreemodel.h"
#include "ui_configurationtab.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QStyledItemDelegate>

namespace bw {

namespace {

// Words and looks the core model leaves to the GUI: "not reported" rows and S3 locations.
class ConfigValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QPalette &palette = option->palette;
        if (index.data(ConfigTreeModel::NotReportedRole).toBool()) {
            if (index.column() == ConfigTreeModel::ValueColumn) {
                option->text = DetailsFormat::notReported();
                option->features |= QStyleOptionViewItem::HasDisplay;
                option->font.setItalic(true);
                option->palette.setColor(QPalette::Text, DetailsFormat::dimmedTextColor(palette));
            }
            return;
        }
        if (index.column() == ConfigTreeModel::ValueColumn
            && index.data(ConfigTreeModel::IsS3UriRole).toBool()) {
            option->icon = DetailsFormat::storageIcon(palette);
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->palette.setColor(QPalette::Text, palette.color(QPalette::Link));
        }
    }
};

} // namespace

ConfigurationTab::ConfigurationTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConfigurationTab>())
    , m_model(new ConfigTreeModel(this))
{
    m_ui->setupUi(this);
    QTreeView *tree = m_ui->treeView;
    tree->setModel(m_model);
    tree->setItemDelegate(new ConfigValueDelegate(tree));
    tree->setContextMenuPolicy(Qt::CustomContextMenu);
    tree->header()->setStretchLastSection(true);
    tree->setTextElideMode(Qt::ElideMiddle);
    auto *copy = new QAction(tr("&Copy Value"), tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    tree->addAction(copy);
    connect(copy, &QAction::triggered, this, &ConfigurationTab::copyCurrent);
    connect(tree, &QWidget::customContextMenuRequested, this, &ConfigurationTab::showContextMenu);
    // Configs arrive after the job is selected (a list summary first, the retrieve later): what
    // comes in later shows expanded too, and the key column grows to its longest key.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &under, int first, int last) {
                QTreeView *view = m_ui->treeView;
                if (under.isValid())
                    view->expand(under);
                for (int row = first; row <= last; ++row)
                    view->expandRecursively(m_model->index(row, 0, under));
                fitKeyColumn();
            });
    updateLook();
}

void ConfigurationTab::fitKeyColumn()
{
    QTreeView *view = m_ui->treeView;
    const int wanted = static_cast<const QAbstractItemView *>(view)->sizeHintForColumn(
            ConfigTreeModel::KeyColumn);
    if (view->columnWidth(ConfigTreeModel::KeyColumn) < wanted)
        view->setColumnWidth(ConfigTreeModel::KeyColumn, wanted);
}

ConfigurationTab::~ConfigurationTab() = default;

QTreeView *ConfigurationTab::treeView() const
{
    return m_ui->treeView;
}

void ConfigurationTab::setJob(const WatchedJob &job, bool newJob)
{
    m_model->setJob(job.job);
    if (newJob) {
        m_ui->treeView->expandAll();
        m_ui->treeView->resizeColumnToContents(ConfigTreeModel::KeyColumn);
    } else {
        fitKeyColumn();
    }
}

void ConfigurationTab::clear()
{
    m_model->clear();
}

QByteArray ConfigurationTab::saveHeaderState() const
{
    return m_ui->treeView->header()->saveState();
}

bool ConfigurationTab::restoreHeaderState(const QByteArray &state)
{
    return m_ui->treeView->header()->restoreState(state);
}

void ConfigurationTab::copyCurrent()
{
    const QModelIndex current = m_ui->treeView->currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex value = current.siblingAtColumn(ConfigTreeModel::ValueColumn);
    const QString raw = value.data(ConfigTreeModel::RawValueRole).toString();
    const QString key = current.siblingAtColumn(ConfigTreeModel::KeyColumn).data().toString();
    if (!raw.isEmpty()) {
        DetailsFormat::copyToClipboard(raw);
        Q_EMIT statusMessage(tr("Copied %1").arg(key));
    } else {
        DetailsFormat::copyToClipboard(key);
        Q_EMIT statusMessage(tr("Copied key %1").arg(key));
    }
}

void ConfigurationTab::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_ui->treeView->indexAt(pos);
    if (!index.isValid())
        return;
    m_ui->treeView->setCurrentIndex(index);
    const QString key = index.siblingAtColumn(ConfigTreeModel::KeyColumn).data().toString();
    const QString raw = index.siblingAtColumn(ConfigTreeModel::ValueColumn)
                                .data(ConfigTreeModel::RawValueRole)
                                .toString();
    const QString path = index.data(ConfigTreeModel::FieldPathRole).toString();

    QMenu menu(this);
    QAction *copyValue = menu.addAction(DetailsFormat::copyIcon(palette()), tr("Copy &Value"));
    copyValue->setShortcut(QKeySequence::Copy);
    copyValue->setEnabled(!raw.isEmpty());
    QAction *copyKey = menu.addAction(tr("Copy &Key"));
    QAction *copyPath = menu.addAction(tr("Copy Field &Path"));
    QAction *chosen = menu.exec(m_ui->treeView->viewport()->mapToGlobal(pos));
    if (chosen == copyValue) {
        DetailsFormat::copyToClipboard(raw);
        Q_EMIT statusMessage(tr("Copied %1").arg(key));
    } else if (chosen == copyKey) {
        DetailsFormat::copyToClipboard(key);
        Q_EMIT statusMessage(tr("Copied key %1").arg(key));
    } else if (chosen == copyPath) {
        DetailsFormat::copyToClipboard(path);
        Q_EMIT statusMessage(tr("Copied %1").arg(path));
    }
}

void ConfigurationTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateLook();
}

void ConfigurationTab::updateLook()
{
    QPalette dim = palette();
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(palette()));
    m_ui->hintLabel->setPalette(dim);
    m_ui->treeView->viewport()->update();
}

} // namespace bw
