#include "details/timelinetab.h"

#include "charts/jobtimelinechart.h"
#include "details/detailsformat.h"
#include "ui_timelinetab.h"

#include <QEvent>

namespace bw {

TimelineTab::TimelineTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TimelineTab>())
{
    m_ui->setupUi(this);
    updateLook();
    updatePage();
}

TimelineTab::~TimelineTab() = default;

void TimelineTab::setJob(const WatchedJob &job, const QList<StatusTransition> &history,
                         const QDateTime &now)
{
    m_ui->chart->setJob(job, history, now);
    updatePage();
}

void TimelineTab::setNow(const QDateTime &now)
{
    m_ui->chart->setNow(now);
    updatePage();
}

void TimelineTab::clear()
{
    m_ui->chart->clear();
    updatePage();
}

JobTimelineChart *TimelineTab::chart() const
{
    return m_ui->chart;
}

bool TimelineTab::isShowingChart() const
{
    return m_ui->stack->currentWidget() == m_ui->chartPage;
}

void TimelineTab::updatePage()
{
    m_ui->stack->setCurrentWidget(m_ui->chart->isEmpty() ? m_ui->emptyPage : m_ui->chartPage);
}

void TimelineTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateLook();
}

void TimelineTab::updateLook()
{
    QPalette dim = palette();
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(palette()));
    m_ui->hintLabel->setPalette(dim);
    m_ui->emptyLabel->setPalette(dim);
}

} // namespace bw
