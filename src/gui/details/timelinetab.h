#pragma once

#include "domain/watchedjob.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <memory>

namespace Ui {
class TimelineTab;
}

namespace bw {

class JobTimelineChart;

// The details panel's Timeline tab: the JobTimelineChart of the job, or a plain sentence when
// nothing about the job's times is known yet.
class TimelineTab : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineTab(QWidget *parent = nullptr);
    ~TimelineTab() override;

    void setJob(const WatchedJob &job, const QList<StatusTransition> &history,
                const QDateTime &now);
    void setNow(const QDateTime &now);
    void clear();

    JobTimelineChart *chart() const;
    bool isShowingChart() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updatePage();
    void updateLook();

    std::unique_ptr<Ui::TimelineTab> m_ui;
};

} // namespace bw
