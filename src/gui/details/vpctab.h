#pragma once

#include "domain/jobmetrics.h"
#include "domain/watchedjob.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QListView;
QT_END_NAMESPACE

namespace Ui {
class VpcTab;
}

namespace bw {

class VpcListModel;

// The details panel's VPC tab: security group ids and subnet ids in two list views over
// VpcListModel, every item copyable (Ctrl+C, context menu). An honest state line above: "In a
// VPC", "Not in a VPC" or "Not reported by this gateway" (JobMetrics::vpcState). The models are
// updated incrementally, so a selection survives a refresh of the same job.
class VpcTab : public QWidget
{
    Q_OBJECT

public:
    explicit VpcTab(QWidget *parent = nullptr);
    ~VpcTab() override;

    void setJob(const WatchedJob &job);
    void clear();

    VpcState state() const;
    QString stateText() const;
    QListView *securityGroupsView() const;
    QListView *subnetsView() const;
    VpcListModel *securityGroupsModel() const { return m_securityGroups; }
    VpcListModel *subnetsModel() const { return m_subnets; }

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setUpView(QListView *view, VpcListModel *model);
    void copySelected(QListView *view, VpcListModel *model);
    void copyAll(VpcListModel *model);
    // Puts `ids` on the clipboard and says so: the id itself, or how many of which kind.
    void copied(const VpcListModel *model, const QStringList &ids);
    void updateState();
    void updateLook();

    std::unique_ptr<Ui::VpcTab> m_ui;
    VpcListModel *m_securityGroups = nullptr;
    VpcListModel *m_subnets = nullptr;
    bool m_hasJob = false;
};

} // namespace bw
