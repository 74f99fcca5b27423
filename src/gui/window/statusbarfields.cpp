#include "window/statusbarfields.h"

#include "domain/jobmetrics.h"
#include "models/jobfilterproxymodel.h"
#include "tracking/profilesession.h"
#include "window/connectionindicator.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace bw {

StatusBarFields::StatusBarFields(QStatusBar *bar, QObject *parent)
    : QObject(parent)
{
    auto makeLabel = [bar](const QString &name, const QString &accessibleName) {
        auto *label = new QLabel(bar);
        label->setObjectName(name);
        label->setAccessibleName(accessibleName);
        label->setTextFormat(Qt::PlainText);
        bar->addPermanentWidget(label);
        return label;
    };
    m_indicator = new ConnectionIndicator(bar);
    bar->addPermanentWidget(m_indicator);
    m_sharing = makeLabel(QStringLiteral("sharingLabel"), tr("Shared store"));
    m_sharing->hide();
    m_lastRefresh = makeLabel(QStringLiteral("lastRefreshLabel"), tr("Last refresh"));
    m_nextPoll = makeLabel(QStringLiteral("nextPollLabel"), tr("Next poll"));
    m_inFlight = makeLabel(QStringLiteral("inFlightLabel"), tr("Requests in flight"));
    m_counts = makeLabel(QStringLiteral("countsLabel"), tr("Job counts"));
}

QString StatusBarFields::connectionText() const
{
    return m_indicator->text();
}

QString StatusBarFields::sharingText() const
{
    return m_sharing->text();
}

QString StatusBarFields::countsText() const
{
    return m_counts->text();
}

void StatusBarFields::update(const ProfileSession *session, const JobFilterProxyModel &proxy,
                             int watched)
{
    if (!session) {
        m_indicator->setSituation({}, {}, {});
        for (QLabel *label : {m_sharing, m_lastRefresh, m_nextPoll, m_inFlight, m_counts})
            label->clear();
        m_sharing->hide();
        return;
    }
    const QString sharing = ProfileSession::sharingText(session->sharing());
    m_sharing->setText(sharing);
    m_sharing->setVisible(!sharing.isEmpty());
    const JobMonitor *monitor = session->monitor();
    ConnectionIndicator::Situation situation;
    // A viewer sends the gateway nothing: what its monitor last heard itself (when it polled
    // before another client took over) is stale; it follows the store.
    situation.viewing = session->sharing() == ProfileSession::Sharing::Viewing
                        || session->sharing() == ProfileSession::Sharing::Unpolled;
    situation.kind
            = situation.viewing ? ConnectionState::Kind::Unknown : monitor->connectionState().kind;
    situation.keyMissing = session->keyState() == ProfileSession::KeyState::Missing;
    situation.nothingWatched = session->isLoaded() && monitor->jobCount() == 0;
    m_indicator->setSituation(session->profile().id, session->profile().name, situation);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    const QDateTime last = session->lastSuccessAt();
    m_lastRefresh->setText(last.isValid() ? tr("Last refresh %1")
                                                    .arg(locale.toString(last.toLocalTime().time(),
                                                                         QLocale::ShortFormat))
                                          : tr("Not refreshed yet"));
    m_lastRefresh->setToolTip(last.isValid() ? JobMetrics::formatRelative(last, now) : QString());

    QString next;
    if (session->isPausedBy(ProfileSession::PauseReason::Viewer)
        && !session->isPausedBy(ProfileSession::PauseReason::User)
        && !session->isPausedBy(ProfileSession::PauseReason::Minimised)) {
        // Until the lease has answered, nobody is known to poll.
        next = session->sharing() == ProfileSession::Sharing::Viewing ? tr("Another client polls")
               : session->sharing() == ProfileSession::Sharing::Unpolled
                       ? tr("Waiting for a key")
                       : tr("Waiting for the poller lease");
    } else if (session->isPaused()) {
        next = tr("Polling paused");
    } else if (session->keyState() == ProfileSession::KeyState::Missing) {
        next = tr("Waiting for a key");
    } else if (session->isWaitingForKey()) {
        next = tr("Waiting for the key");
    } else if (const QDateTime at = monitor->nextPollAt(); at.isValid()) {
        const qint64 seconds = now.secsTo(at);
        next = seconds <= 0 ? tr("Polling now")
                            : tr("Next poll in %1").arg(JobMetrics::formatDuration(seconds));
    } else if (monitor->requestsInFlight() > 0) {
        // Nothing waits in the queue while every job due is being fetched (one running job,
        // a slow gateway): that is polling, not "settled".
        next = tr("Polling now");
    } else if (monitor->jobCount() > 0) {
        const JobFilterProxyModel::GroupCounts groups = proxy.countsByGroup();
        const bool active = groups[size_t(StatusGroup::Queued)] > 0
                            || groups[size_t(StatusGroup::Running)] > 0
                            || groups[size_t(StatusGroup::Unknown)] > 0;
        next = active ? tr("No poll scheduled") : tr("All jobs settled");
    } else if (!situation.nothingWatched || situation.kind != ConnectionState::Kind::Unknown) {
        next = tr("Nothing to poll");
    }
    // With nothing watched before any poll the indicator already says "Idle — add jobs to start
    // polling"; a second field saying "Nothing to poll" beside it would only repeat it.
    m_nextPoll->setText(next);
    m_nextPoll->setVisible(!next.isEmpty());
    m_inFlight->setText(tr("In flight: %1").arg(monitor->requestsInFlight()));

    // The same groups as the status chips (PRODUCT §1: Queued is Submitted/Validating/
    // Scheduled, Running is InProgress/Stopping, Failed is Failed/PartiallyCompleted).
    const JobFilterProxyModel::GroupCounts counts = proxy.countsByGroup();
    auto count = [&](StatusGroup group) {
        return counts[size_t(group)];
    };
    QString text
            = tr("Watched: %1 · Queued: %2 · Running: %3 · Failed: %4")
                      .arg(locale.toString(watched), locale.toString(count(StatusGroup::Queued)),
                           locale.toString(count(StatusGroup::Running)),
                           locale.toString(count(StatusGroup::Failed)));
    if (const int unknown = count(StatusGroup::Unknown); unknown > 0)
        text += tr(" · Unknown status: %1").arg(locale.toString(unknown));
    m_counts->setText(text);
    m_counts->setToolTip(
            tr("Queued: Submitted, Validating or Scheduled. Running: InProgress or Stopping. "
               "Failed: Failed or PartiallyCompleted. The status chips count the same groups."));
}

} // namespace bw
