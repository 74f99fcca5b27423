#include "domain/timelinelayout.h"

#include <algorithm>

namespace bw {

namespace {

bool valid(const std::optional<QDateTime> &t)
{
    return t && t->isValid();
}

std::optional<QDateTime> utc(const std::optional<QDateTime> &t)
{
    return valid(t) ? std::optional<QDateTime>(t->toUTC()) : std::nullopt;
}

} // namespace

std::optional<QDateTime> TimelineLayout::markerAt(MarkerKind kind) const
{
    for (const Marker &m : markers) {
        if (m.kind == kind)
            return m.at;
    }
    return std::nullopt;
}

TimelineLayout computeTimelineLayout(const WatchedJob &watched,
                                     const QList<StatusTransition> &historyIn,
                                     const QDateTime &nowIn, const TimelineOptions &options)
{
    using MarkerKind = TimelineLayout::MarkerKind;
    TimelineLayout out;
    const Job &job = watched.job;
    const bool terminal = job.status && job.status->isTerminal();
    const QDateTime now = nowIn.toUTC();
    const std::optional<QDateTime> submit = utc(job.submitTime);
    const std::optional<QDateTime> ended = utc(job.endTime);
    const std::optional<QDateTime> modified = utc(job.lastModifiedTime);

    QList<StatusTransition> history;
    for (const StatusTransition &t : historyIn) {
        if (t.observedAt.isValid())
            history.append(t);
    }
    std::stable_sort(history.begin(), history.end(),
                     [](const StatusTransition &a, const StatusTransition &b) {
                         return a.observedAt < b.observedAt;
                     });

    QList<QDateTime> instants;
    for (const auto *t : {&submit, &modified, &ended}) {
        if (*t)
            instants.append(**t);
    }
    for (const StatusTransition &t : std::as_const(history))
        instants.append(t.observedAt.toUTC());
    if (instants.isEmpty()) {
        // Nothing the gateway said about time: fall back to what we know locally.
        for (const QDateTime &t : {watched.fetchedAt, watched.addedAt}) {
            if (t.isValid())
                instants.append(t.toUTC());
        }
    }
    if (instants.isEmpty())
        return out;

    QDateTime first = *std::min_element(instants.cbegin(), instants.cend());
    QDateTime last = *std::max_element(instants.cbegin(), instants.cend());
    out.live = !terminal && now.isValid() && now >= first;
    if (out.live)
        last = std::max(last, now);
    const QDateTime bandEnd = out.live ? now : last;

    // Bands.
    if (!history.isEmpty()) {
        const StatusTransition &firstSeen = history.first();
        const QDateTime seenAt = firstSeen.observedAt.toUTC();
        // Since when the first observed status is known to have held (see the header).
        std::optional<QDateTime> knownFrom;
        if (firstSeen.to.isTerminal() && ended && *ended < seenAt) {
            knownFrom = ended;
        } else if (const std::optional<QDateTime> lmt = utc(firstSeen.lastModifiedTime)) {
            knownFrom = lmt;
        } else if (history.size() == 1 && modified && job.status
                   && job.status->code() == firstSeen.to.code()) {
            knownFrom = modified;
        }
        if (knownFrom && (*knownFrom >= seenAt || (submit && *knownFrom < *submit)))
            knownFrom.reset();
        const QDateTime firstFrom = knownFrom.value_or(seenAt);
        if (submit && *submit < firstFrom)
            out.bands.append({*submit, firstFrom, std::nullopt, false, false, *submit});
        for (qsizetype i = 0; i < history.size(); ++i) {
            const QDateTime observed = history.at(i).observedAt.toUTC();
            const QDateTime from = i == 0 ? firstFrom : observed;
            const QDateTime to = i + 1 < history.size() ? history.at(i + 1).observedAt.toUTC()
                                                        : std::max(from, bandEnd);
            out.bands.append({from, to, history.at(i).to, true, false, observed});
        }
    } else if (job.status) {
        // Never observed changing: one band with the last known status.
        const QDateTime from = submit.value_or(first);
        out.bands.append({from, std::max(from, bandEnd), job.status, true, true, from});
    }
    for (const TimelineLayout::Band &b : std::as_const(out.bands)) {
        first = std::min(first, b.from);
        last = std::max(last, b.to);
    }

    // The expiry: into the range, or beyond it (labelled at the edge by the charts).
    const std::optional<QDateTime> expiry = utc(job.jobExpirationTime);
    if (expiry) {
        const qint64 span = std::max<qint64>(first.msecsTo(last), options.minimumSpanMs);
        const bool queued
                = !job.status || job.status->isQueued() || job.statusCode() == JobStatus::Unknown;
        const bool nearForQueued = queued && now.isValid()
                                   && now.secsTo(*expiry) <= options.queuedExpiryHorizonSeconds;
        if (*expiry < first)
            first = *expiry;
        else if (*expiry <= last)
            ; // in the range already
        else if (!terminal && (nearForQueued || last.msecsTo(*expiry) <= span))
            last = *expiry;
        else
            out.expiryBeyond = true;
    }

    qint64 span = first.msecsTo(last);
    if (span < options.minimumSpanMs) {
        const qint64 grow = (options.minimumSpanMs - span) / 2;
        first = first.addMSecs(-grow);
        last = last.addMSecs(options.minimumSpanMs - span - grow);
        span = options.minimumSpanMs;
    }
    const qint64 pad = std::max<qint64>(span / 40, 1000);
    out.start = first.addMSecs(-pad);
    out.end = last.addMSecs(pad);
    if (out.expiryBeyond && *expiry <= out.end)
        out.expiryBeyond = false;

    // Markers.
    auto mark = [&out](MarkerKind kind, const std::optional<QDateTime> &at) {
        if (at)
            out.markers.append({kind, *at});
    };
    mark(MarkerKind::Submitted, submit);
    mark(MarkerKind::LastModified, modified);
    mark(MarkerKind::Ended, ended);
    mark(MarkerKind::Expires, expiry);
    if (out.live)
        out.markers.append({MarkerKind::Now, now});
    return out;
}

} // namespace bw
