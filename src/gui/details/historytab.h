#pragma once

#include "domain/watchedjob.h"

#include <QList>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace Ui {
class HistoryTab;
}

namespace bw {

class TransitionHistoryModel;

// The details panel's History tab: the observed status transitions (from, to, observed at, the
// gateway's lastModifiedTime, time in the previous status) over TransitionHistoryModel, statuses
// as badges. It never scrolls sideways in the details panel: when the panel is narrow, "From"
// and then the gateway time are hidden and shown in every cell's tooltip instead. A new transition
// is appended (the view follows it only when it was scrolled to the end); setTransitions() replaces
// the list (a job switch or the stored history arriving). Ctrl+C copies the selected rows as
// tab-separated text.
class HistoryTab : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryTab(QWidget *parent = nullptr);
    ~HistoryTab() override;

    void setTransitions(const QList<StatusTransition> &transitions);
    void appendTransition(const StatusTransition &transition);
    void clear();

    QTableView *tableView() const;
    TransitionHistoryModel *model() const { return m_model; }
    // The text a cell shows (times in their compact local form), for tests.
    QString displayedText(int row, int column) const;

    QByteArray saveHeaderState() const;
    bool restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void copySelection();
    void updateSummary();
    void updateLook();
    void applyResizeModes();
    void fitColumns();

    std::unique_ptr<Ui::HistoryTab> m_ui;
    TransitionHistoryModel *m_model = nullptr;
};

} // namespace bw
