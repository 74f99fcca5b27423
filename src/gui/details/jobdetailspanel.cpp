#include "details/jobdetailspanel.h"

#include "details/configurationtab.h"
#include "details/detailsformat.h"
#include "details/historytab.h"
#include "details/overviewtab.h"
#include "details/progresstab.h"
#include "details/rawtab.h"
#include "details/recordstab.h"
#include "details/timelinetab.h"
#include "details/vpctab.h"
#include "domain/jobidentifier.h"
#include "domain/jobmetrics.h"
#include "export/failedrecordsexport.h"
#include "models/resultsverdict.h"
#include "presentation/statuspresentation.h"
#include "tracking/clock.h"
#include "tracking/jobmonitor.h"
#include "tracking/profilesession.h"
#include "ui_jobdetailspanel.h"
#include "widgets/statusbadge.h"
#include "widgets/wrappingtabbar.h"
#include "wire/jobcodec.h"

#include <QDataStream>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QLayout>
#include <QLocale>
#include <QPointer>
#include <QTimer>

namespace bw {

namespace {

constexpr quint32 kStateMagic = 0x62774450; // "bwDP"
constexpr quint32 kStateVersion = 1;
// Relative times ("5 min ago"), the "now" line and the ETA move on at this pace.
constexpr int kTickMs = 15'000;

} // namespace

class JobDetailsPanel::Private
{
public:
    explicit Private(JobDetailsPanel *q)
        : q(q)
    {}

    void connectSession();
    QList<ProgressSample> samples() const;
    void load(bool newJob);
    void showEmpty(const QString &title, const QString &text);
    void applyJob(bool newJob);
    void updateHeader();
    void updateName();
    void tick();
    QDateTime now() const;
    void updateLook();
    void startExport(const QString &path);
    void showExportState();
    void exportFinished(const QString &id, const FailedRecordsExport::Result &result);

    JobDetailsPanel *q;
    Ui::JobDetailsPanel ui;
    QPointer<ProfileSession> session;
    QPointer<JobMonitor> monitor;
    QList<QMetaObject::Connection> connections;
    QString identifier;
    bool hasJob = false;
    WatchedJob job;
    QList<StatusTransition> history;
    QTimer tickTimer;
    // Exports of failed records in flight, by job identifier (they go on when another job is
    // shown; a new session cancels them).
    QHash<QString, FailedRecordsExport *> exports;
};

JobDetailsPanel::JobDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(this))
{
    d->ui.setupUi(this);
    // The tabs wrap onto a second row in a narrow panel rather than scroll or cut their titles.
    d->ui.tabStrip->setTabWidget(d->ui.tabWidget);
    d->ui.nameLabel->installEventFilter(this);
    d->tickTimer.setInterval(kTickMs);
    connect(&d->tickTimer, &QTimer::timeout, this, [this] { d->tick(); });

    connect(d->ui.overviewTab, &OverviewTab::statusMessage, this, &JobDetailsPanel::statusMessage);
    connect(d->ui.vpcTab, &VpcTab::statusMessage, this, &JobDetailsPanel::statusMessage);
    connect(d->ui.configurationTab, &ConfigurationTab::statusMessage, this,
            &JobDetailsPanel::statusMessage);
    connect(d->ui.historyTab, &HistoryTab::statusMessage, this, &JobDetailsPanel::statusMessage);
    connect(d->ui.rawTab, &RawTab::statusMessage, this, &JobDetailsPanel::statusMessage);
    connect(d->ui.recordsTab, &RecordsTab::statusMessage, this, &JobDetailsPanel::statusMessage);
    // The panel asks its monitor itself; the signals let an owner without one do it.
    connect(d->ui.recordsTab, &RecordsTab::fetchRequested, this, [this] {
        if (!d->hasJob)
            return;
        const QString id = d->identifier;
        Q_EMIT resultsFetchRequested(id);
        if (!d->monitor)
            return;
        if (d->monitor->fetchResults(id))
            setResultsFetching(id, true);
        else if (!d->monitor->isFetchingResults(id))
            setResultsRoute(id, false);
    });
    connect(d->ui.recordsTab, &RecordsTab::cancelRequested, this, [this] {
        if (!d->hasJob)
            return;
        Q_EMIT resultsCancelRequested(d->identifier);
        if (d->monitor)
            d->monitor->cancelResults(d->identifier);
    });

    connect(d->ui.recordsTab, &RecordsTab::exportFailedRequested, this,
            [this](const QString &path) { d->startExport(path); });
    connect(d->ui.recordsTab, &RecordsTab::exportCancelRequested, this, [this] {
        if (FailedRecordsExport *e = d->exports.value(d->identifier))
            e->cancel();
    });

    connect(d->ui.copyArnButton, &QToolButton::clicked, this, [this] {
        if (!d->job.job.jobArn)
            return;
        DetailsFormat::copyToClipboard(*d->job.job.jobArn);
        Q_EMIT statusMessage(tr("Copied ARN"));
    });
    connect(d->ui.copyJsonButton, &QToolButton::clicked, this, [this] {
        if (!d->hasJob)
            return;
        const QByteArray json
                = QJsonDocument(JobCodec::toJson(d->job.job)).toJson(QJsonDocument::Indented);
        DetailsFormat::copyToClipboard(QString::fromUtf8(json));
        Q_EMIT statusMessage(tr("Copied the job as JSON"));
    });
    d->updateLook();
    d->showEmpty(tr("Select a job to see its details"),
                 tr("Its fields, progress, timeline, VPC, configuration, status history and raw "
                    "response appear here."));
}

JobDetailsPanel::~JobDetailsPanel()
{
    d->ui.nameLabel->removeEventFilter(this);
    for (const QMetaObject::Connection &c : std::as_const(d->connections))
        disconnect(c);
    qDeleteAll(std::exchange(d->exports, {})); // unfinished: no file
}

void JobDetailsPanel::setSession(ProfileSession *session)
{
    if (d->session == session)
        return;
    for (const QMetaObject::Connection &c : std::as_const(d->connections))
        disconnect(c);
    d->connections.clear();
    // An export reads through the old session's client: it ends here, leaving no file.
    qDeleteAll(std::exchange(d->exports, {}));
    d->session = session;
    d->monitor = session ? session->monitor() : nullptr;
    d->connectSession();
    d->load(true);
}

ProfileSession *JobDetailsPanel::session() const
{
    return d->session;
}

JobMonitor *JobDetailsPanel::monitor() const
{
    return d->monitor;
}

void JobDetailsPanel::setCurrentJob(const QString &identifier)
{
    if (identifier == d->identifier && d->hasJob)
        return; // same job: keep every view as the user left it
    d->identifier = identifier;
    d->load(true);
}

QString JobDetailsPanel::currentJob() const
{
    return d->identifier;
}

QStringList JobDetailsPanel::tabNames()
{
    // In the order of the tabs in ui/jobdetailspanel.ui.
    return {QStringLiteral("overview"), QStringLiteral("progress"), QStringLiteral("records"),
            QStringLiteral("timeline"), QStringLiteral("vpc"),      QStringLiteral("configuration"),
            QStringLiteral("history"),  QStringLiteral("raw")};
}

void JobDetailsPanel::setResultsFetching(const QString &identifier, bool fetching)
{
    if (d->hasJob && identifier == d->identifier)
        d->ui.recordsTab->setFetching(fetching);
}

void JobDetailsPanel::setResultsBytesRead(const QString &identifier, qint64 bytes)
{
    if (d->hasJob && identifier == d->identifier)
        d->ui.recordsTab->setBytesRead(bytes);
}

void JobDetailsPanel::setResultsFailed(const QString &identifier, const QString &message)
{
    if (d->hasJob && identifier == d->identifier)
        d->ui.recordsTab->setFetchFailed(message);
}

void JobDetailsPanel::setResultsRoute(const QString &identifier, bool available)
{
    if (d->hasJob && identifier == d->identifier)
        d->ui.recordsTab->setResultsRoute(available ? RecordsTab::ResultsRoute::Available
                                                    : RecordsTab::ResultsRoute::Unavailable);
}

bool JobDetailsPanel::setCurrentTab(const QString &name)
{
    const int index = int(tabNames().indexOf(name.trimmed().toLower()));
    if (index < 0)
        return false;
    d->ui.tabWidget->setCurrentIndex(index);
    return true;
}

QString JobDetailsPanel::currentTabName() const
{
    return tabNames().value(d->ui.tabWidget->currentIndex());
}

int JobDetailsPanel::widthShowingEveryTab() const
{
    // The tab bar's one-row width; around it, the panel's margins and a little air.
    const QMargins margins = layout() ? layout()->contentsMargins() : QMargins();
    return d->ui.tabStrip->singleRowWidth() + margins.left() + margins.right()
           + fontMetrics().height() / 2;
}

QByteArray JobDetailsPanel::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kStateMagic << kStateVersion << currentTabName() << d->ui.historyTab->saveHeaderState()
        << d->ui.configurationTab->saveHeaderState();
    return data;
}

bool JobDetailsPanel::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    QString tab;
    QByteArray historyHeader;
    QByteArray configHeader;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != kStateMagic || version != kStateVersion)
        return false;
    in >> tab >> historyHeader >> configHeader;
    if (in.status() != QDataStream::Ok || !tabNames().contains(tab))
        return false;
    setCurrentTab(tab);
    if (!historyHeader.isEmpty())
        d->ui.historyTab->restoreHeaderState(historyHeader);
    if (!configHeader.isEmpty())
        d->ui.configurationTab->restoreHeaderState(configHeader);
    return true;
}

void JobDetailsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        d->updateLook();
        d->updateHeader();
    }
}

void JobDetailsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    d->updateName();
}

bool JobDetailsPanel::eventFilter(QObject *watched, QEvent *event)
{
    // The name is elided to the room its label really has, once the layout has given it.
    if (watched == d->ui.nameLabel && event->type() == QEvent::Resize)
        d->updateName();
    return QWidget::eventFilter(watched, event);
}

void JobDetailsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (d->hasJob) {
        d->tick();
        d->tickTimer.start();
    }
}

void JobDetailsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    d->tickTimer.stop();
}

QList<ProgressSample> JobDetailsPanel::Private::samples() const
{
    return session ? session->samples().value(identifier) : QList<ProgressSample>();
}

void JobDetailsPanel::Private::connectSession()
{
    if (!session || !monitor)
        return;
    ui.recordsTab->setCapBytes(monitor->resultsCapBytes());
    connections << connect(monitor, &JobMonitor::resultsProgress, q,
                           [this](const QString &id, qint64 bytes) {
                               if (hasJob && id == identifier && !ui.recordsTab->isFetching())
                                   ui.recordsTab->setFetching(true); // an automatic read
                               q->setResultsBytesRead(id, bytes);
                           });
    connections << connect(monitor, &JobMonitor::resultsFailed, q,
                           [this](const QString &id, const GatewayError &error) {
                               q->setResultsFailed(id, error.describe());
                           });
    connections << connect(monitor, &JobMonitor::jobsUpdated, q,
                           [this](const QList<WatchedJob> &jobs) {
                               for (const WatchedJob &w : jobs) {
                                   if (w.identifier != identifier)
                                       continue;
                                   const bool wasShown = hasJob;
                                   job = w;
                                   if (wasShown)
                                       applyJob(false);
                                   else
                                       load(true);
                               }
                           });
    connections << connect(monitor, &JobMonitor::jobsAdded, q,
                           [this](const QList<WatchedJob> &jobs) {
                               if (hasJob || identifier.isEmpty())
                                   return;
                               for (const WatchedJob &w : jobs) {
                                   if (w.identifier == identifier)
                                       load(true);
                               }
                           });
    connections << connect(
            monitor, &JobMonitor::transitionObserved, q,
            [this](const QString &id, const StatusTransition &t, const WatchedJob &w) {
                if (!hasJob || id != identifier)
                    return;
                job = w;
                history.append(t);
                ui.historyTab->appendTransition(t);
                ui.timelineTab->setJob(job, history, now());
            });
    connections << connect(session, &ProfileSession::sampleAdded, q,
                           [this](const QString &id, const ProgressSample &sample) {
                               if (hasJob && id == identifier)
                                   ui.progressTab->addSample(sample);
                           });
    connections << connect(session, &ProfileSession::samplesLoaded, q, [this] {
        if (hasJob)
            ui.progressTab->setSamples(samples());
    });
    connections << connect(monitor, &JobMonitor::historyLoaded, q, [this](const QString &id) {
        if (!hasJob || id != identifier || !monitor)
            return;
        history = monitor->history(id);
        ui.historyTab->setTransitions(history);
        ui.timelineTab->setJob(job, history, now());
    });
    connections << connect(monitor, &JobMonitor::jobsRemoved, q, [this](const QStringList &ids) {
        if (hasJob && ids.contains(identifier))
            load(true);
    });
    connections << connect(monitor->clock(), &Clock::advanced, q, [this] { tick(); });
}

QDateTime JobDetailsPanel::Private::now() const
{
    if (const JobMonitor *m = monitor.data())
        return m->clock()->now();
    return QDateTime::currentDateTimeUtc();
}

void JobDetailsPanel::Private::load(bool newJob)
{
    std::optional<WatchedJob> found;
    if (monitor && !identifier.isEmpty())
        found = monitor->job(identifier);
    if (!found) {
        hasJob = false;
        job = {};
        history.clear();
        tickTimer.stop();
        if (identifier.isEmpty() || !monitor)
            showEmpty(tr("Select a job to see its details"),
                      tr("Its fields, progress, timeline, VPC, configuration, status history "
                         "and raw response appear here."));
        else
            showEmpty(tr("This job is not watched on this profile"),
                      tr("%1 is not in the watch list of the current profile. Select another "
                         "job, or add it with Add Jobs.")
                              .arg(identifier));
        return;
    }
    hasJob = true;
    job = *found;
    history = monitor->history(identifier);
    ui.stack->setCurrentWidget(ui.detailsPage);
    applyJob(newJob);
    ui.historyTab->setTransitions(history);
    if (q->isVisible())
        tickTimer.start();
}

void JobDetailsPanel::Private::showEmpty(const QString &title, const QString &text)
{
    ui.emptyTitle->setText(title);
    ui.emptyText->setText(text);
    ui.stack->setCurrentWidget(ui.emptyPage);
    ui.overviewTab->clear();
    ui.progressTab->clear();
    ui.timelineTab->clear();
    ui.vpcTab->clear();
    ui.configurationTab->clear();
    ui.historyTab->clear();
    ui.rawTab->clear();
    ui.recordsTab->clear();
}

void JobDetailsPanel::Private::applyJob(bool newJob)
{
    const QDateTime t = now();
    ui.overviewTab->setJob(job, t);
    ui.progressTab->setJob(job, samples(), t);
    // New results end a read in progress.
    if (ui.recordsTab->isFetching() && job.results && !newJob)
        ui.recordsTab->setFetching(false);
    ui.recordsTab->setJob(job, t);
    if (newJob)
        showExportState();
    ui.timelineTab->setJob(job, history, t);
    ui.vpcTab->setJob(job);
    ui.configurationTab->setJob(job, newJob);
    ui.rawTab->setJob(job, newJob);
    updateHeader();
}

void JobDetailsPanel::Private::startExport(const QString &path)
{
    if (!hasJob || exports.contains(identifier))
        return;
    const QString id = identifier;
    const std::optional<JobMonitor::ResultsTarget> target
            = monitor ? monitor->resultsTarget(id) : std::nullopt;
    if (!session || !target) {
        ui.recordsTab->setExportFinished(
                tr("Not exported: this gateway has no per-record results for this job."), false);
        return;
    }
    auto *run = new FailedRecordsExport(session->client(), q);
    if (!run->start(target->provider, target->batchId, path, monitor->resultsCapBytes())) {
        ui.recordsTab->setExportFinished(tr("Not exported: %1").arg(run->lastError()), false);
        delete run;
        return;
    }
    exports.insert(id, run);
    connect(run, &FailedRecordsExport::progress, q, [this, id](qint64 bytes, qint64 records) {
        if (hasJob && identifier == id)
            ui.recordsTab->setExportProgress(records, bytes);
    });
    connect(run, &FailedRecordsExport::finished, q,
            [this, id](const FailedRecordsExport::Result &result) { exportFinished(id, result); });
    ui.recordsTab->setExporting(true);
}

void JobDetailsPanel::Private::exportFinished(const QString &id,
                                              const FailedRecordsExport::Result &result)
{
    if (FailedRecordsExport *run = exports.take(id))
        run->deleteLater();
    const QString where = QDir::toNativeSeparators(result.path);
    QString message;
    switch (result.outcome) {
    case FailedRecordsExport::Result::Outcome::Written:
        if (result.records == 0)
            message = tr("No failed records: saved an empty file to %1").arg(where);
        else if (result.records == 1)
            message = tr("Saved 1 failed record to %1").arg(where);
        else
            message = tr("Saved %1 failed records to %2")
                              .arg(QLocale().toString(result.records), where);
        if (result.capped)
            message += tr(" — only the first %1 MiB of the results were read; later records "
                          "are missing")
                               .arg(QLocale().toString(double(result.bytesRead) / (1024 * 1024),
                                                       'f', 0));
        break;
    case FailedRecordsExport::Result::Outcome::Cancelled:
        message = tr("Export cancelled; no file was written.");
        break;
    case FailedRecordsExport::Result::Outcome::Failed:
        message = tr("Not exported: %1").arg(result.errorString);
        break;
    }
    if (hasJob && identifier == id)
        ui.recordsTab->setExportFinished(message, result.ok());
    Q_EMIT q->statusMessage(message);
}

void JobDetailsPanel::Private::showExportState()
{
    if (hasJob && exports.contains(identifier))
        ui.recordsTab->setExporting(true);
}

void JobDetailsPanel::Private::tick()
{
    if (!hasJob)
        return;
    const QDateTime t = now();
    ui.overviewTab->setNow(t);
    ui.progressTab->setNow(t);
    ui.recordsTab->setNow(t);
    ui.timelineTab->setNow(t);
    updateHeader();
}

void JobDetailsPanel::Private::updateHeader()
{
    if (!hasJob)
        return;
    const Job &j = job.job;
    updateName();
    ui.statusBadge->setStatus(j.status, j.statusGroup());

    const QString shortId = JobIdentifier::parse(j.jobArn.value_or(job.identifier)).shortId();
    ui.shortIdLabel->setText(shortId);
    ui.shortIdLabel->setToolTip(j.jobArn.value_or(job.identifier));
    ui.copyArnButton->setEnabled(j.jobArn.has_value() && !j.jobArn->isEmpty());

    const QDateTime t = now();
    QString stale;
    if (job.notFound)
        stale = tr("Not found on this gateway");
    else if (job.isStale())
        stale = job.fetchedAt.isValid() ? tr("Last known state, from %1")
                                                  .arg(JobMetrics::formatRelative(job.fetchedAt, t))
                                        : tr("Not fetched yet");
    ui.staleLabel->setText(stale);
    ui.staleLabel->setVisible(!stale.isEmpty());
    ui.staleLabel->setToolTip(job.lastError ? job.lastError->describe() : QString());

    const QString verdict = resultsContradiction(job);
    ui.verdictLabel->setText(verdict);
    ui.verdictLabel->setVisible(!verdict.isEmpty());
}

void JobDetailsPanel::Private::updateName()
{
    if (!hasJob)
        return;
    const QString name
            = job.job.jobName && !job.job.jobName->isEmpty() ? *job.job.jobName : job.identifier;
    // The name has a line of its own (the badge, id and buttons sit below it), so it gets the
    // panel's whole width and is elided only when it really is longer; the label ignores its
    // text width for layout, so a long name never widens the panel.
    // The copy buttons say what they copy when there is room, else show just their icons
    // (the tooltips and accessible names keep the words), so a narrow panel still fits.
    int textRow = 0;
    for (QWidget *w :
         {static_cast<QWidget *>(ui.statusBadge), static_cast<QWidget *>(ui.shortIdLabel),
          static_cast<QWidget *>(ui.staleLabel)}) {
        if (!w->isHidden())
            textRow += w->sizeHint().width() + ui.headerInfoLayout->spacing();
    }
    const QFontMetrics fm = q->fontMetrics();
    for (QToolButton *b : {ui.copyArnButton, ui.copyJsonButton})
        textRow += fm.horizontalAdvance(b->text()) + b->iconSize().width() + 2 * fm.height();
    const QMargins margins = ui.headerLayout->contentsMargins();
    const bool roomy = ui.headerStrip->width() - margins.left() - margins.right() >= textRow;
    for (QToolButton *b : {ui.copyArnButton, ui.copyJsonButton}) {
        const Qt::ToolButtonStyle style
                = roomy ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
        if (b->toolButtonStyle() != style)
            b->setToolButtonStyle(style);
    }

    const int room = ui.nameLabel->contentsRect().width();
    const QString shown
            = room > 0 ? QFontMetrics(ui.nameLabel->font()).elidedText(name, Qt::ElideMiddle, room)
                       : name;
    if (ui.nameLabel->text() != shown)
        ui.nameLabel->setText(shown);
    ui.nameLabel->setToolTip(shown != name ? name : QString());
    ui.nameLabel->setAccessibleDescription(name);
}

void JobDetailsPanel::Private::updateLook()
{
    const QPalette pal = q->palette();
    const int em = q->fontMetrics().height();
    ui.emptyLayout->setContentsMargins(3 * em, em, 3 * em, em);
    QFont title = q->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.2);
    ui.nameLabel->setFont(title);
    const QFont mono = DetailsFormat::monospaceFont(q->font());
    ui.shortIdLabel->setFont(mono);
    QPalette dim = pal;
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(pal));
    ui.shortIdLabel->setPalette(dim);
    ui.emptyText->setPalette(dim);
    QPalette warn = pal;
    warn.setColor(QPalette::WindowText, StatusPresentation::warningColor(pal));
    ui.staleLabel->setPalette(warn);
    QPalette failed = pal;
    failed.setColor(QPalette::WindowText, StatusPresentation::color(StatusGroup::Failed, pal));
    ui.verdictLabel->setPalette(failed);
    QFont boldFont = q->font();
    boldFont.setBold(true);
    ui.verdictLabel->setFont(boldFont);
    QFont big = q->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    ui.emptyTitle->setFont(big);
    ui.headerLayout->setContentsMargins(em / 2, em / 3, em / 4, em / 4);
    ui.headerLayout->setSpacing(em / 4);
    ui.headerInfoLayout->setSpacing(em / 2);
    ui.copyArnButton->setIcon(DetailsFormat::copyIcon(pal));
    // Distinct icons: icon-only in a narrow panel, the two must not look alike.
    ui.copyJsonButton->setIcon(
            StatusPresentation::tintedSvgIcon(QStringLiteral(":/icons/copy-json.svg"),
                                              pal.color(QPalette::Active, QPalette::ButtonText),
                                              pal.color(QPalette::Active, QPalette::Button)));
    // A copy button may shrink to its icon (updateName() then drops its words): the panel's
    // minimum width does not depend on the words.
    for (QToolButton *b : {ui.copyArnButton, ui.copyJsonButton}) {
        const Qt::ToolButtonStyle style = b->toolButtonStyle();
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        b->setMinimumWidth(b->sizeHint().width());
        b->setToolButtonStyle(style);
    }
}

} // namespace bw
