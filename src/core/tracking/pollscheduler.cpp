#include "tracking/pollscheduler.h"

#include "common/logging.h"

#include <QRandomGenerator>

#include <algorithm>

namespace bw {

namespace {
// QTimer takes an int; a day is far beyond any interval we arm.
constexpr qint64 kMaxTimerMs = 24LL * 3600 * 1000;
// A list walk started at once should refresh at least this many jobs per page it reads.
constexpr int kJobsPerPage = 10;
} // namespace

PollScheduler::PollScheduler(const PollSettings &settings, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_policy(settings)
    , m_clock(clock ? clock : Clock::systemClock())
    , m_draw([] { return QRandomGenerator::global()->generateDouble() * 2.0 - 1.0; })
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PollScheduler::pump);
    connect(m_clock, &Clock::advanced, this, &PollScheduler::schedulePump);
}

PollScheduler::~PollScheduler() = default;

void PollScheduler::setJitterSource(std::function<double()> draw)
{
    if (draw)
        m_draw = std::move(draw);
}

double PollScheduler::draw()
{
    return std::clamp(m_draw(), -1.0, 1.0);
}

void PollScheduler::setSettings(const PollSettings &settings)
{
    if (settings == m_policy.settings())
        return;
    m_policy = PollPolicy(settings);
    // Jobs waiting out a status interval move to the new interval, counted from their last
    // fetch; jobs in backoff keep their delay (the server's wishes do not change with ours).
    const QStringList ids = m_entries.keys();
    for (const QString &id : ids) {
        Entry &e = m_entries[id];
        if (!e.queue || e.backingOff || !e.fetched || e.lastDoneMs < 0 || e.needsRetrieve)
            continue;
        const std::optional<Millis> delay = m_policy.afterSuccess(e.status, e.terminalStreak);
        if (!delay)
            settle(e);
        else
            enqueue(e, id, e.lastDoneMs + m_policy.jitteredInterval(*delay, draw()).count());
    }
    schedulePump();
}

void PollScheduler::addJobs(const QList<Seed> &seeds)
{
    const qint64 now = nowMs();
    m_entries.reserve(m_entries.size() + seeds.size());
    for (const Seed &s : seeds) {
        if (s.id.isEmpty())
            continue;
        // One lookup per seed (100,000 at start-up, issue 13): an id already tracked is left
        // alone.
        const qsizetype known = m_entries.size();
        Entry &e = m_entries[s.id];
        if (m_entries.size() == known)
            continue;
        e.status = s.lastKnownStatus;
        e.fetched = s.fetchedBefore;
        if (isInFlight(s.id))
            continue; // re-added while an earlier request is out: its report applies
        const std::optional<Millis> delay
                = m_policy.initialDelay(s.lastKnownStatus, s.fetchedBefore, s.lastFetchFailed);
        if (!delay) {
            // Confirmed in an earlier session: an explicit refresh fetches it once more.
            e.terminalStreak = 1;
            e.settled = true;
        } else {
            enqueue(e, s.id, now + delay->count());
        }
    }
    schedulePump();
}

void PollScheduler::removeJobs(const QStringList &ids)
{
    for (const QString &id : ids) {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            continue;
        dequeue(*it);
        m_entries.erase(it);
    }
    schedulePump();
}

void PollScheduler::clear()
{
    removeJobs(m_entries.keys());
}

int PollScheduler::activeJobCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const Entry &e) { return !e.settled; }));
}

void PollScheduler::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    schedulePump();
}

void PollScheduler::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    schedulePump();
}

void PollScheduler::refreshNow(const QStringList &ids)
{
    QStringList targets;
    if (ids.isEmpty()) {
        // Keep the order jobs are due in, so a partial refresh serves the most urgent first.
        // The due times are read once, while walking the entries (no lookups while sorting).
        QList<std::pair<qint64, QString>> due; // (due time, -1 when not queued; id)
        due.reserve(m_entries.size());
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            const Entry &e = it.value();
            if (!e.settled)
                due.append({e.queue ? e.pos->first : -1, it.key()});
        }
        std::sort(due.begin(), due.end());
        targets.reserve(due.size());
        for (const auto &[dueMs, id] : std::as_const(due))
            targets.append(id);
    } else {
        targets = ids;
    }
    for (const QString &id : std::as_const(targets)) {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            continue;
        if (isInFlight(id)) {
            it->again = true;
        } else if (!it->forced) {
            it->forced = true;
            m_forced.append(id);
        }
    }
    m_forcedBulkCheck = true;
    schedulePump();
}

void PollScheduler::reportSuccess(const QString &id, const std::optional<Status> &status)
{
    auto it = m_retrieving.find(id);
    if (it == m_retrieving.end()) {
        qCWarning(lcPoller) << "success reported for a job that was not requested";
        return;
    }
    const qint64 seq = it.value();
    m_retrieving.erase(it);
    if (m_entries.contains(id)) {
        applySuccess(id, status, nowMs());
        finishFlight(id);
    }
    noteReachable(seq);
    announceInFlight();
    schedulePump();
}

void PollScheduler::reportFailure(const QString &id, const GatewayError &error)
{
    auto it = m_retrieving.find(id);
    if (it == m_retrieving.end()) {
        qCWarning(lcPoller) << "failure reported for a job that was not requested";
        return;
    }
    const qint64 seq = it.value();
    m_retrieving.erase(it);
    const qint64 now = nowMs();
    if (m_entries.contains(id)) {
        applyFailure(id, error, now);
        finishFlight(id);
    }
    noteProfileFailure(error, seq, now);
    announceInFlight();
    schedulePump();
}

void PollScheduler::reportListResult(const QHash<QString, std::optional<Status>> &refreshed,
                                     bool useful)
{
    if (!m_listInFlight) {
        qCWarning(lcPoller) << "list result reported with no list walk in flight";
        return;
    }
    m_listInFlight = false;
    const QSet<QString> ids = std::exchange(m_listing, {});
    setListRoute(useful ? ListRoute::Useful : ListRoute::Useless);
    const qint64 now = nowMs();
    for (const QString &id : ids) {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            continue;
        if (auto r = refreshed.constFind(id); r != refreshed.cend()) {
            applySuccess(id, r.value(), now);
        } else {
            it->needsRetrieve = true;
            enqueue(*it, id, now);
        }
        finishFlight(id);
    }
    noteReachable(m_listSeq);
    announceInFlight();
    schedulePump();
}

void PollScheduler::reportListFailure(const GatewayError &error)
{
    if (!m_listInFlight) {
        qCWarning(lcPoller) << "list failure reported with no list walk in flight";
        return;
    }
    m_listInFlight = false;
    const QSet<QString> ids = std::exchange(m_listing, {});
    const qint64 now = nowMs();
    const bool routeFault = error.kind != GatewayError::Kind::Cancelled
                            && PollPolicy::listErrorDisablesRoute(error);
    if (routeFault) {
        qCInfo(lcPoller) << "list route given up:" << GatewayError::kindName(error.kind)
                         << error.httpStatus;
        setListRoute(ListRoute::Useless);
    }
    for (const QString &id : ids) {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            continue;
        if (routeFault || error.kind == GatewayError::Kind::Cancelled)
            enqueue(*it, id, now); // retrieve them instead, at once
        else
            applyFailure(id, error, now);
        finishFlight(id);
    }
    if (!routeFault)
        noteProfileFailure(error, m_listSeq, now);
    else if (error.kind == GatewayError::Kind::Http)
        noteReachable(m_listSeq);
    announceInFlight();
    schedulePump();
}

QStringList PollScheduler::unsettledJobs() const
{
    QStringList out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it->settled)
            out.append(it.key());
    }
    return out;
}

bool PollScheduler::isSettled(const QString &id) const
{
    auto it = m_entries.constFind(id);
    return it != m_entries.cend() && it->settled;
}

int PollScheduler::consecutiveFailures(const QString &id) const
{
    auto it = m_entries.constFind(id);
    return it != m_entries.cend() ? it->failures : 0;
}

QDateTime PollScheduler::dueAt(const QString &id) const
{
    auto it = m_entries.constFind(id);
    if (it == m_entries.cend() || !it->queue)
        return {};
    return m_clock->now().addMSecs(std::max<qint64>(0, it->pos->first - nowMs()));
}

QDateTime PollScheduler::nextPollAt() const
{
    const qint64 due = nextDueMs();
    if (due < 0)
        return {};
    return m_clock->now().addMSecs(std::max<qint64>(0, due - nowMs()));
}

QDateTime PollScheduler::holdUntil() const
{
    const qint64 now = nowMs();
    if (!holdActive(now))
        return {};
    return m_clock->now().addMSecs(m_holdUntilMs - now);
}

void PollScheduler::resetListRoute()
{
    setListRoute(ListRoute::Untried);
}

// --- internals ---------------------------------------------------------------------------

void PollScheduler::setListRoute(ListRoute route)
{
    if (m_listRoute == route)
        return;
    m_listRoute = route;
    Q_EMIT listRouteChanged(route);
}

void PollScheduler::enqueue(Entry &e, const QString &id, qint64 dueMs)
{
    dequeue(e);
    e.settled = false;
    Queue &queue = (e.needsRetrieve || e.backingOff) ? m_soloQueue : m_bulkQueue;
    e.pos = queue.emplace(dueMs, id);
    e.queue = &queue;
}

void PollScheduler::dequeue(Entry &e)
{
    if (!e.queue)
        return;
    e.queue->erase(e.pos);
    e.queue = nullptr;
}

const PollScheduler::Queue::value_type *PollScheduler::head() const
{
    const Queue::value_type *bulk = m_bulkQueue.empty() ? nullptr : &*m_bulkQueue.begin();
    const Queue::value_type *solo = m_soloQueue.empty() ? nullptr : &*m_soloQueue.begin();
    if (!bulk || !solo)
        return bulk ? bulk : solo;
    return solo->first < bulk->first ? solo : bulk;
}

void PollScheduler::settle(Entry &e)
{
    dequeue(e);
    e.settled = true;
}

void PollScheduler::applySuccess(const QString &id, const std::optional<Status> &status, qint64 now)
{
    Entry &e = m_entries[id];
    if (status)
        e.status = status;
    e.fetched = true;
    e.failures = 0;
    e.backingOff = false;
    e.needsRetrieve = false;
    e.lastDoneMs = now;
    e.terminalStreak = (e.status && e.status->isTerminal()) ? e.terminalStreak + 1 : 0;
    const std::optional<Millis> delay = m_policy.afterSuccess(e.status, e.terminalStreak);
    if (!delay) {
        qCDebug(lcPoller) << "terminal status confirmed; polling ends for one job";
        settle(e);
        return;
    }
    enqueue(e, id, now + m_policy.jitteredInterval(*delay, draw()).count());
}

void PollScheduler::applyFailure(const QString &id, const GatewayError &error, qint64 now)
{
    Entry &e = m_entries[id];
    if (error.kind == GatewayError::Kind::Cancelled) {
        // Not the gateway's doing: try again as soon as we are allowed to.
        enqueue(e, id, now);
        return;
    }
    e.failures += 1;
    e.backingOff = true;
    e.lastDoneMs = now;
    const Millis delay = m_policy.afterFailure(error, e.failures, draw());
    enqueue(e, id, now + delay.count());
}

void PollScheduler::noteProfileFailure(const GatewayError &error, qint64 seq, qint64 now)
{
    if (error.kind == GatewayError::Kind::Cancelled)
        return;
    if (!PollPolicy::holdsProfile(error)) {
        noteReachable(seq); // an HTTP answer: the gateway is there
        return;
    }
    // Requests sent before the current hold began fail for the same reason: they neither
    // lengthen the hold nor count as another failure.
    if (seq <= m_holdSeq)
        return;
    m_profileFailures += 1;
    const Millis hold = m_policy.profileHold(error, m_profileFailures, draw());
    m_holdUntilMs = std::max(m_holdUntilMs, now + hold.count());
    m_holdSeq = m_seq;
    qCInfo(lcPoller) << "profile held back for" << hold.count() << "ms after"
                     << GatewayError::kindName(error.kind) << error.httpStatus;
}

void PollScheduler::noteReachable(qint64 seq)
{
    // Only an answer to a request sent after the hold began proves the hold's cause is gone.
    if (seq <= m_holdSeq)
        return;
    m_holdUntilMs = 0;
    m_profileFailures = 0;
}

void PollScheduler::finishFlight(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || !it->again)
        return;
    it->again = false;
    if (!it->forced) {
        it->forced = true;
        m_forced.append(id);
    }
}

bool PollScheduler::bulkRouteOpen() const
{
    const PollSettings &s = settings();
    return s.bulkRefresh && m_listRoute != ListRoute::Useless && s.bulkThreshold > 0;
}

bool PollScheduler::bulkAllowed() const
{
    return bulkRouteOpen() && !m_listInFlight;
}

int PollScheduler::pagesPerWalk() const
{
    // Every tracked job is on the gateway's list, so a walk reads at least this many pages.
    const PollSettings &s = settings();
    const qint64 perPage = std::max(1, s.listMaxResults);
    const qint64 pages = (qint64(m_entries.size()) + perPage - 1) / perPage;
    return int(std::clamp<qint64>(pages, 1, std::max(1, s.listMaxPages)));
}

void PollScheduler::startList(const QStringList &ids)
{
    for (const QString &id : ids) {
        Entry &e = m_entries[id];
        dequeue(e);
        e.forced = false;
        m_listing.insert(id);
    }
    m_listInFlight = true;
    m_listSeq = ++m_seq;
    announceInFlight();
    qCDebug(lcPoller) << "list walk for" << ids.size() << "jobs";
    Q_EMIT listRefreshRequested(ids);
}

void PollScheduler::dispatchRetrieve(QString id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    dequeue(*it);
    it->forced = false;
    if (isInFlight(id))
        return;
    m_retrieving.insert(id, ++m_seq);
    announceInFlight();
    Q_EMIT retrieveRequested(id);
}

void PollScheduler::schedulePump()
{
    if (m_pumpPending)
        return;
    m_pumpPending = true;
    m_timer.start(0);
}

void PollScheduler::pump()
{
    m_pumpPending = false;
    const PollSettings &s = settings();

    // 1. Refresh-now: bypasses pause, holds and due times; never the in-flight cap.
    if (!m_forced.isEmpty() && slotFree()) {
        // Looked at once per refreshNow(), not on every pass: m_forced may hold 10,000 jobs.
        if (m_forcedBulkCheck && bulkAllowed()) {
            m_forcedBulkCheck = false;
            QStringList candidates;
            for (const QString &id : std::as_const(m_forced)) {
                auto it = m_entries.constFind(id);
                if (it != m_entries.cend() && it->forced && !it->needsRetrieve && !isInFlight(id))
                    candidates.append(id);
            }
            if (candidates.size() >= s.bulkThreshold)
                startList(candidates);
        }
        while (!m_forced.isEmpty() && slotFree()) {
            const QString id = m_forced.takeFirst();
            auto it = m_entries.constFind(id);
            if (it != m_entries.cend() && it->forced)
                dispatchRetrieve(id);
        }
    }
    if (m_forced.isEmpty())
        m_forcedBulkCheck = false;

    // 2. Timer-driven fetches of due jobs.
    const qint64 now = nowMs();
    auto due = [this, now] {
        const Queue::value_type *first = head();
        return first && first->first <= now ? first : nullptr;
    };
    m_bulkHeldUntilMs = -1;
    if (!m_paused && !holdActive(now) && slotFree() && due()) {
        // A list walk reads every page of the list however few jobs it is for: it starts only
        // when a job of the bulk queue is due (never for a retrieve that is due), and then for
        // every bulk job due within the window. When that is at least the threshold but fewer
        // than kJobsPerPage per page a walk reads, the due jobs wait (at most bulkWindow past
        // their due time, or until the walk in flight has ended) for companions, so that jobs
        // coming due one after another (confirming thousands of ended jobs retrieved one by
        // one) share a walk instead of starting a whole walk every few seconds. Once they have
        // waited, they go by one walk if it reads fewer pages than they are jobs, else by
        // retrieves.
        const Queue::value_type *bulkHead = m_bulkQueue.empty() ? nullptr : &*m_bulkQueue.begin();
        if (bulkHead && bulkHead->first <= now && bulkRouteOpen()) {
            QStringList candidates;
            const qint64 horizon = now + s.bulkWindow.count();
            for (auto q = m_bulkQueue.cbegin(); q != m_bulkQueue.cend() && q->first <= horizon; ++q)
                candidates.append(q->second);
            const int count = int(candidates.size());
            const int pages = pagesPerWalk();
            const qint64 waitUntil = bulkHead->first + s.bulkWindow.count();
            const bool mayWait = count >= s.bulkThreshold && now < waitUntil;
            if (m_listInFlight) {
                if (mayWait)
                    m_bulkHeldUntilMs = waitUntil;
            } else if (count >= std::max(s.bulkThreshold, pages * kJobsPerPage)
                       || (count >= s.bulkThreshold && !mayWait && count > pages)) {
                startList(candidates);
            } else if (mayWait) {
                m_bulkHeldUntilMs = waitUntil;
            }
        }
        while (!m_paused && slotFree()) {
            const Queue::value_type *first = due();
            if (first && m_bulkHeldUntilMs >= 0 && !m_bulkQueue.empty()
                && first == &*m_bulkQueue.begin())
                first = m_soloQueue.empty() || m_soloQueue.begin()->first > now
                                ? nullptr
                                : &*m_soloQueue.begin();
            if (!first)
                break;
            dispatchRetrieve(first->second);
        }
    }

    rearm();
}

qint64 PollScheduler::nextDueMs() const
{
    const Queue::value_type *first = head();
    if (m_paused || !first)
        return -1;
    qint64 due = first->first;
    if (m_bulkHeldUntilMs >= 0 && !m_bulkQueue.empty()) {
        // Due bulk jobs wait for a list walk until then (see pump()).
        due = std::max(m_bulkQueue.begin()->first, m_bulkHeldUntilMs);
        if (!m_soloQueue.empty())
            due = std::min(due, m_soloQueue.begin()->first);
    }
    return std::max(due, m_holdUntilMs);
}

void PollScheduler::rearm()
{
    const qint64 due = nextDueMs();
    if (due != m_announcedDueMs) {
        m_announcedDueMs = due;
        Q_EMIT nextPollAtChanged(nextPollAt());
    }
    if (m_pumpPending)
        return; // a handler asked for another pass already: keep its zero timer
    if (due < 0 || !slotFree()) {
        // Nothing to wait for, or a completion will pump again.
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(due - nowMs(), 0, kMaxTimerMs)));
}

void PollScheduler::announceInFlight()
{
    const int n = inFlight();
    if (n == m_announcedInFlight)
        return;
    m_announcedInFlight = n;
    Q_EMIT inFlightChanged(n);
}

} // namespace bw
