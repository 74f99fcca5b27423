#include "details/vpctab.h"

#include "details/detailsformat.h"
#include "models/vpclistmodel.h"
#include "ui_vpctab.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QListView>
#include <QMenu>

#include <algorithm>

namespace bw {

VpcTab::VpcTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VpcTab>())
    , m_securityGroups(new VpcListModel(VpcListModel::Kind::SecurityGroups, this))
    , m_subnets(new VpcListModel(VpcListModel::Kind::Subnets, this))
{
    m_ui->setupUi(this);
    setUpView(m_ui->securityGroupsView, m_securityGroups);
    setUpView(m_ui->subnetsView, m_subnets);
    connect(m_securityGroups, &VpcListModel::stateChanged, this, &VpcTab::updateState);
    connect(m_securityGroups, &QAbstractItemModel::rowsInserted, this, &VpcTab::updateState);
    connect(m_securityGroups, &QAbstractItemModel::rowsRemoved, this, &VpcTab::updateState);
    connect(m_subnets, &QAbstractItemModel::rowsInserted, this, &VpcTab::updateState);
    connect(m_subnets, &QAbstractItemModel::rowsRemoved, this, &VpcTab::updateState);
    // Below the lists: takes the room when there are no lists to show.
    m_ui->outerLayout->addStretch(0);
    updateLook();
    updateState();
}

VpcTab::~VpcTab() = default;

void VpcTab::setUpView(QListView *view, VpcListModel *model)
{
    view->setModel(model);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *copy = new QAction(DetailsFormat::copyIcon(palette()), tr("&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(copy);
    connect(copy, &QAction::triggered, this, [this, view, model] { copySelected(view, model); });
    connect(view, &QWidget::customContextMenuRequested, this,
            [this, view, model, copy](const QPoint &pos) {
                QMenu menu(this);
                copy->setEnabled(view->selectionModel()->hasSelection()
                                 || view->indexAt(pos).isValid());
                if (!view->selectionModel()->hasSelection() && view->indexAt(pos).isValid())
                    view->setCurrentIndex(view->indexAt(pos));
                menu.addAction(copy);
                QAction *all = menu.addAction(model->kind() == VpcListModel::Kind::SecurityGroups
                                                      ? tr("Copy &All Security Group IDs")
                                                      : tr("Copy &All Subnet IDs"));
                all->setEnabled(model->rowCount() > 0);
                if (menu.exec(view->viewport()->mapToGlobal(pos)) == all)
                    copyAll(model);
                copy->setEnabled(true);
            });
}

void VpcTab::copySelected(QListView *view, VpcListModel *model)
{
    QModelIndexList rows = view->selectionModel()->selectedIndexes();
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows.append(view->currentIndex());
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(index.data().toString());
    if (ids.isEmpty())
        return;
    copied(model, ids);
}

void VpcTab::copyAll(VpcListModel *model)
{
    const QStringList ids = model->ids();
    if (ids.isEmpty())
        return;
    copied(model, ids);
}

void VpcTab::copied(const VpcListModel *model, const QStringList &ids)
{
    DetailsFormat::copyToClipboard(ids.join(u'\n'));
    const int n = int(ids.size());
    if (n == 1)
        Q_EMIT statusMessage(tr("Copied %1").arg(ids.constFirst()));
    else if (model->kind() == VpcListModel::Kind::SecurityGroups)
        Q_EMIT statusMessage(tr("Copied %n security group ID(s)", nullptr, n));
    else
        Q_EMIT statusMessage(tr("Copied %n subnet ID(s)", nullptr, n));
}

void VpcTab::setJob(const WatchedJob &job)
{
    m_hasJob = true;
    m_securityGroups->setJob(job);
    m_subnets->setJob(job);
    updateState();
}

void VpcTab::clear()
{
    m_hasJob = false;
    m_securityGroups->clear();
    m_subnets->clear();
    updateState();
}

VpcState VpcTab::state() const
{
    return m_securityGroups->state();
}

QString VpcTab::stateText() const
{
    return m_ui->stateLabel->text();
}

QListView *VpcTab::securityGroupsView() const
{
    return m_ui->securityGroupsView;
}

QListView *VpcTab::subnetsView() const
{
    return m_ui->subnetsView;
}

void VpcTab::updateState()
{
    const VpcState state = m_securityGroups->state();
    QString text;
    QString detail;
    switch (state) {
    case VpcState::InVpc:
        text = tr("In a VPC");
        detail = tr("The job runs with these security groups and subnets. Select an id and "
                    "press Ctrl+C to copy it.");
        break;
    case VpcState::NotInVpc:
        text = tr("Not in a VPC");
        detail = tr("The gateway reports no VPC configuration for this job.");
        break;
    case VpcState::NotReported:
        text = tr("Not reported by this gateway");
        detail = m_hasJob ? tr("This gateway's responses do not carry vpcConfig, so whether the "
                               "job runs in a VPC is unknown.")
                          : QString();
        break;
    }
    if (!m_hasJob)
        text.clear();
    m_ui->stateLabel->setText(text);
    m_ui->stateDetail->setText(detail);
    m_ui->stateDetail->setVisible(!detail.isEmpty());
    const bool lists = state == VpcState::InVpc;
    m_ui->securityGroupsGroup->setVisible(lists);
    m_ui->subnetsGroup->setVisible(lists);
    m_ui->outerLayout->setStretch(2, lists ? 1 : 0);
    m_ui->outerLayout->setStretch(3, lists ? 0 : 1);
    m_ui->securityGroupsStack->setCurrentWidget(
            m_securityGroups->rowCount() > 0 ? static_cast<QWidget *>(m_ui->securityGroupsView)
                                             : m_ui->securityGroupsNonePage);
    m_ui->subnetsStack->setCurrentWidget(m_subnets->rowCount() > 0
                                                 ? static_cast<QWidget *>(m_ui->subnetsView)
                                                 : m_ui->subnetsNonePage);
    // The state line is what a screen reader announces first.
    m_ui->stateLabel->setAccessibleName(tr("VPC: %1").arg(text));
    updateLook();
}

void VpcTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateLook();
}

void VpcTab::updateLook()
{
    QFont bold = font();
    bold.setBold(true);
    bold.setItalic(m_securityGroups->state() == VpcState::NotReported);
    m_ui->stateLabel->setFont(bold);
    QPalette dim = palette();
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(palette()));
    m_ui->stateDetail->setPalette(dim);
    m_ui->securityGroupsNoneLabel->setPalette(dim);
    m_ui->subnetsNoneLabel->setPalette(dim);
    m_ui->stateLabel->setPalette(m_securityGroups->state() == VpcState::NotReported ? dim
                                                                                    : palette());
    const QFont mono = DetailsFormat::monospaceFont(font());
    m_ui->securityGroupsView->setFont(mono);
    m_ui->subnetsView->setFont(mono);
}

} // namespace bw
