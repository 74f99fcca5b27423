#include "overview/overviewpage.h"

#include "common/appsettings.h"
#include "details/detailsformat.h"
#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "overview/jobganttchart.h"
#include "overview/recordsperhourchart.h"
#include "overview/statusdistributionchart.h"
#include "tracking/clock.h"
#include "tracking/jobmonitor.h"
#include "tracking/profilesession.h"
#include "ui_overviewpage.h"

#include <QComboBox>
#include <QEvent>
#include <QLocale>
#include <QPointer>
#include <QTimer>

namespace bw {

namespace {
constexpr int kCoalesceMs = 500;
constexpr int kNowTickMs = 60'000;
constexpr qint64 kDay = 24 * 3600;
} // namespace

class OverviewPage::Private
{
public:
    explicit Private(OverviewPage *q)
        : q(q)
    {}

    void schedule();
    void refresh();
    QDateTime now() const;
    QList<QList<ProgressSample>> recentSamples(const QDateTime &now) const;
    void updateLook();

    OverviewPage *q;
    Ui::OverviewPage ui;
    QPointer<JobTableModel> source;
    QPointer<JobFilterProxyModel> visible;
    QPointer<ProfileSession> session;
    QPointer<AppSettings> settings;
    QList<QMetaObject::Connection> modelConnections;
    QList<QMetaObject::Connection> sessionConnections;
    QTimer coalesce;
    QTimer nowTimer;
    bool dirty = true;
};

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(this))
{
    d->ui.setupUi(this);
    d->ui.chartsLayout->setStretch(0, 2);
    d->ui.chartsLayout->setStretch(1, 3);
    d->ui.topLayout->setStretch(0, 2);
    d->ui.topLayout->setStretch(1, 3);
    d->coalesce.setSingleShot(true);
    d->coalesce.setInterval(kCoalesceMs);
    connect(&d->coalesce, &QTimer::timeout, this, [this] { d->refresh(); });
    d->nowTimer.setInterval(kNowTickMs);
    connect(&d->nowTimer, &QTimer::timeout, this, [this] { d->schedule(); });
    using Range = JobGanttChart::RangeMode;
    d->ui.ganttRange->addItem(tr("Recent activity"), QVariant::fromValue(Range::Recent));
    d->ui.ganttRange->addItem(tr("Last 24 hours"), QVariant::fromValue(Range::LastDay));
    d->ui.ganttRange->addItem(tr("Last 7 days"), QVariant::fromValue(Range::LastWeek));
    d->ui.ganttRange->addItem(tr("All visible jobs"), QVariant::fromValue(Range::All));
    d->ui.ganttRange->setToolTip(
            tr("Recent activity: from the first of the running, queued and recently ended jobs "
               "to now. Jobs that ended earlier are noted at the left edge."));
    connect(d->ui.ganttRange, &QComboBox::currentIndexChanged, this, [this](int index) {
        d->ui.ganttChart->setRangeMode(d->ui.ganttRange->currentData().value<Range>());
        // The combo's items are in the order of AppSettings::overviewGanttRanges().
        if (d->settings && index >= 0 && index < AppSettings::overviewGanttRanges().size())
            d->settings->setOverviewGanttRange(AppSettings::overviewGanttRanges().at(index));
    });
    d->updateLook();
    d->refresh();
}

OverviewPage::~OverviewPage()
{
    for (const QMetaObject::Connection &c : std::as_const(d->modelConnections))
        disconnect(c);
    for (const QMetaObject::Connection &c : std::as_const(d->sessionConnections))
        disconnect(c);
}

void OverviewPage::setSettings(AppSettings *settings)
{
    d->settings = nullptr; // applying the remembered choice must not write it back
    if (settings) {
        const int index
                = int(AppSettings::overviewGanttRanges().indexOf(settings->overviewGanttRange()));
        if (index >= 0 && index < d->ui.ganttRange->count())
            d->ui.ganttRange->setCurrentIndex(index);
    }
    d->settings = settings;
}

void OverviewPage::setModels(JobTableModel *source, JobFilterProxyModel *visible)
{
    for (const QMetaObject::Connection &c : std::as_const(d->modelConnections))
        disconnect(c);
    d->modelConnections.clear();
    d->source = source;
    d->visible = visible;
    auto watch = [this](QAbstractItemModel *model) {
        if (!model)
            return;
        auto &c = d->modelConnections;
        auto again = [this] {
            d->schedule();
        };
        c << connect(model, &QAbstractItemModel::dataChanged, this, again);
        c << connect(model, &QAbstractItemModel::rowsInserted, this, again);
        c << connect(model, &QAbstractItemModel::rowsRemoved, this, again);
        c << connect(model, &QAbstractItemModel::rowsMoved, this, again);
        c << connect(model, &QAbstractItemModel::modelReset, this, again);
        c << connect(model, &QAbstractItemModel::layoutChanged, this, again);
    };
    watch(source);
    watch(visible);
    if (visible)
        d->modelConnections << connect(visible, &JobFilterProxyModel::countsChanged, this,
                                       [this] { d->schedule(); });
    d->schedule();
}

void OverviewPage::setSession(ProfileSession *session)
{
    for (const QMetaObject::Connection &c : std::as_const(d->sessionConnections))
        disconnect(c);
    d->sessionConnections.clear();
    d->session = session;
    if (session) {
        auto again = [this] {
            d->schedule();
        };
        auto &c = d->sessionConnections;
        c << connect(session, &ProfileSession::samplesLoaded, this, again);
        c << connect(session, &ProfileSession::sampleAdded, this, again);
        c << connect(session->monitor(), &JobMonitor::jobsRemoved, this, again);
    }
    d->schedule();
}

void OverviewPage::refreshNow()
{
    d->coalesce.stop();
    d->refresh();
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    d->nowTimer.start();
    if (d->dirty)
        d->refresh();
}

void OverviewPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    d->nowTimer.stop();
}

void OverviewPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        d->updateLook();
}

QList<QList<ProgressSample>> OverviewPage::Private::recentSamples(const QDateTime &t) const
{
    QList<QList<ProgressSample>> perJob;
    if (!session)
        return perJob;
    const ProfileSession::Samples &all = session->samples();
    for (const WatchedJob &w : session->monitor()->jobs()) {
        // A job that ended more than a day ago cannot add to the last 24 hours.
        const Job &job = w.job;
        if (job.status && job.status->isTerminal() && job.endTime && job.endTime->isValid()
            && job.endTime->secsTo(t) > kDay)
            continue;
        const auto it = all.constFind(w.identifier);
        if (it != all.cend() && !it->isEmpty())
            perJob.append(*it);
    }
    return perJob;
}

void OverviewPage::Private::schedule()
{
    dirty = true;
    if (q->isVisible() && !coalesce.isActive())
        coalesce.start();
}

QDateTime OverviewPage::Private::now() const
{
    if (const ProfileSession *s = session.data())
        return s->monitor()->clock()->now();
    if (source && source->now().isValid())
        return source->now();
    return QDateTime::currentDateTimeUtc();
}

void OverviewPage::Private::refresh()
{
    dirty = false;
    const QLocale locale;
    const QDateTime t = now();
    const int watched = source ? source->rowCount() : 0;
    ui.stack->setCurrentWidget(watched > 0 ? ui.chartsPage : ui.emptyPage);

    // Distribution of every watched job (the chips' counts), whatever the filters.
    StatusDistributionChart::Counts counts{};
    const JobFilterProxyModel *filtered = visible.data();
    if (filtered && filtered->sourceModel() == source) {
        const JobFilterProxyModel::GroupCounts c = filtered->countsByGroup();
        std::copy(c.cbegin(), c.cend(), counts.begin());
    } else if (source) {
        for (int row = 0; row < source->rowCount(); ++row) {
            const QVariant group = source->index(row, JobTableModel::StatusColumn)
                                           .data(JobTableModel::StatusGroupRole);
            const int g = group.isValid() ? group.toInt() : int(StatusGroup::Unknown);
            if (g >= 0 && g < StatusGroupCount)
                ++counts[size_t(g)];
        }
    }
    ui.distributionChart->setCounts(counts);
    ui.distributionNote->setText(tr("%Ln job(s) watched on this profile", nullptr, watched));

    // Gantt of the visible rows, in the table's order.
    QList<WatchedJob> rows;
    int visibleRows = 0;
    if (visible) {
        visibleRows = visible->rowCount();
        const int take = std::min(visibleRows, ui.ganttChart->maxRows());
        rows.reserve(take);
        for (int r = 0; r < take; ++r)
            rows.append(
                    visible->index(r, 0).data(JobTableModel::WatchedJobRole).value<WatchedJob>());
    } else if (source) {
        visibleRows = source->rowCount();
        const int take = std::min(visibleRows, ui.ganttChart->maxRows());
        for (int r = 0; r < take; ++r) {
            if (const WatchedJob *w = source->jobAt(r))
                rows.append(*w);
        }
    }
    ui.ganttChart->setJobs(rows, t);
    QString ganttNote;
    if (visibleRows == 0 && watched > 0)
        ganttNote = tr("No job passes the current filters");
    else if (visibleRows > rows.size())
        ganttNote = tr("Showing the first %1 of %Ln visible job(s)", nullptr, visibleRows)
                            .arg(locale.toString(rows.size()));
    else if (visibleRows < watched)
        ganttNote = tr("%1 of %Ln job(s) pass the current filters", nullptr, watched)
                            .arg(locale.toString(visibleRows));
    ui.ganttNote->setText(ganttNote);
    ui.ganttNote->setVisible(!ganttNote.isEmpty());

    // Records processed per hour.
    ui.hourlyChart->setSamples(recentSamples(t), t);
    const qint64 total = ui.hourlyChart->total();
    ui.hourlyNote->setText(total > 0 ? tr("%Ln record(s) in the last 24 hours", nullptr, int(total))
                                     : tr("No records were processed in the last 24 hours, or "
                                          "the gateway does not report record counts."));
}

void OverviewPage::Private::updateLook()
{
    const QPalette pal = q->palette();
    QFont bold = q->font();
    bold.setBold(true);
    for (QLabel *title : {ui.distributionTitle, ui.hourlyTitle, ui.ganttTitle})
        title->setFont(bold);
    QPalette dim = pal;
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(pal));
    for (QLabel *note : {ui.distributionNote, ui.hourlyNote, ui.ganttNote, ui.emptyText})
        note->setPalette(dim);
    QFont big = q->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    ui.emptyTitle->setFont(big);
    const int em = q->fontMetrics().height();
    ui.emptyLayout->setContentsMargins(4 * em, em, 4 * em, em);
    ui.chartsLayout->setSpacing(em);
    ui.topLayout->setSpacing(em);
}

} // namespace bw
