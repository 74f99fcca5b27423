#pragma once

#include "domain/watchedjob.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QTreeView;
QT_END_NAMESPACE

namespace Ui {
class ConfigurationTab;
}

namespace bw {

class ConfigTreeModel;

// The details panel's Configuration tab: a (key, value) tree of inputDataConfig and
// outputDataConfig over ConfigTreeModel. S3 locations carry a bucket icon and the link colour;
// configs the gateway never reported read "not reported by this gateway" in the dimmed italic
// style. Ctrl+C copies the current value (or key), the context menu also the key and the field
// path. The tree is expanded fully for a new job; a refresh of the same job keeps what the user
// collapsed or selected.
class ConfigurationTab : public QWidget
{
    Q_OBJECT

public:
    explicit ConfigurationTab(QWidget *parent = nullptr);
    ~ConfigurationTab() override;

    void setJob(const WatchedJob &job, bool newJob);
    void clear();

    QTreeView *treeView() const;
    ConfigTreeModel *model() const { return m_model; }

    QByteArray saveHeaderState() const;
    bool restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void copyCurrent();
    void showContextMenu(const QPoint &pos);
    void updateLook();
    // Widens the key column to its longest (indented) key; never narrows it.
    void fitKeyColumn();

    std::unique_ptr<Ui::ConfigurationTab> m_ui;
    ConfigTreeModel *m_model = nullptr;
};

} // namespace bw
