#include "domain/timelinelayout.h"

#include <algorithm>
#include <numeric>

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

// When the gateway says the job entered a status with this code (Bifrost's native times).
std::optional<QDateTime> gatewayTimeOf(const Job &job, JobStatus code)
{
    switch (code) {
    case JobStatus::InProgress:
        return utc(job.inProgressAt);
    case JobStatus::Finalizing:
        return utc(job.finalizingAt);
    case JobStatus::Completed:
    case JobStatus::Ended:
        return utc(job.completedAt);
    case JobStatus::Failed:
        return utc(job.failedAt);
    case JobStatus::Expired:
        return utc(job.expiredAt);
    case JobStatus::Stopping:
        return utc(job.cancellingAt);
    case JobStatus::Stopped:
        return utc(job.cancelledAt);
    default:
        return std::nullopt;
    }
}

// The statuses the gateway reports a start time for, in lifecycle order.
constexpr JobStatus kTimedStatuses[]
        = {JobStatus::InProgress, JobStatus::Finalizing, JobStatus::Stopping, JobStatus::Completed,
           JobStatus::Failed,     JobStatus::Expired,    JobStatus::Stopped};

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

    // The gateway's own per-status times (see the header): an observed status starts at its
    // gateway time when that is earlier, and a timed status never observed gets its band.
    QList<StatusTransition> history;
    QList<QDateTime> seenAts;  // per history entry: when batchwatch saw it (or its start)
    QList<bool> gatewayStarts; // per history entry: the start is the gateway's time
    QList<JobStatus> timedSeen;
    for (const StatusTransition &t : historyIn) {
        if (!t.observedAt.isValid())
            continue;
        StatusTransition adjusted = t;
        bool fromGateway = false;
        const std::optional<QDateTime> g = gatewayTimeOf(job, t.to.code());
        if (g && *g < t.observedAt.toUTC() && (!submit || *g >= *submit)
            && !timedSeen.contains(t.to.code())) {
            adjusted.observedAt = *g;
            adjusted.lastModifiedTime.reset();
            fromGateway = true;
        }
        if (g)
            timedSeen.append(t.to.code());
        history.append(adjusted);
        seenAts.append(t.observedAt.toUTC());
        gatewayStarts.append(fromGateway);
    }
    for (const JobStatus code : kTimedStatuses) {
        const std::optional<QDateTime> g = gatewayTimeOf(job, code);
        if (!g || timedSeen.contains(code) || (submit && *g < *submit))
            continue;
        // Completed and Ended share completedAt: only the one the job is in.
        if (code == JobStatus::Completed && job.statusCode() == JobStatus::Ended)
            continue;
        // Never seen by batchwatch: the gateway's time is the band's start.
        StatusTransition synthetic;
        synthetic.to = job.statusCode() == code ? *job.status : Status::fromCode(code);
        synthetic.observedAt = *g;
        history.append(synthetic);
        seenAts.append(*g);
        gatewayStarts.append(true);
        timedSeen.append(code);
    }
    if (timedSeen.contains(JobStatus::Completed) == false && job.statusCode() == JobStatus::Ended
        && utc(job.completedAt)) {
        // Anthropic's ended: completedAt is when it ended.
        StatusTransition synthetic;
        synthetic.to = *job.status;
        synthetic.observedAt = *utc(job.completedAt);
        bool seen = false;
        for (const StatusTransition &t : std::as_const(history))
            seen = seen || t.to.code() == JobStatus::Ended;
        if (!seen && (!submit || synthetic.observedAt >= *submit)) {
            history.append(synthetic);
            seenAts.append(synthetic.observedAt);
            gatewayStarts.append(true);
        }
    }
    {
        QList<qsizetype> order(history.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&history](qsizetype a, qsizetype b) {
            return history.at(a).observedAt < history.at(b).observedAt;
        });
        QList<StatusTransition> h;
        QList<QDateTime> s;
        QList<bool> g;
        for (const qsizetype i : std::as_const(order)) {
            h.append(history.at(i));
            s.append(seenAts.at(i));
            g.append(gatewayStarts.at(i));
        }
        history = h;
        seenAts = s;
        gatewayStarts = g;
    }

    // The end of an ended job's life (see the header); observations after it are not bands.
    std::optional<QDateTime> lifeEnd;
    if (terminal && ended && (!submit || *ended >= *submit))
        lifeEnd = ended;

    QList<QDateTime> instants;
    for (const auto *t : {&submit, &modified, &ended}) {
        if (*t)
            instants.append(**t);
    }
    for (const StatusTransition &t : std::as_const(history)) {
        if (!lifeEnd || t.observedAt.toUTC() <= *lifeEnd)
            instants.append(t.observedAt.toUTC());
    }
    if (instants.isEmpty() && !history.isEmpty())
        instants.append(history.first().observedAt.toUTC());
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

    // Bands, at their real times first.
    auto band = [](const QDateTime &from, const QDateTime &to, std::optional<Status> status,
                   bool observed, bool lastKnown, const QDateTime &seenAt) {
        TimelineLayout::Band b;
        b.from = from;
        b.to = to;
        b.status = std::move(status);
        b.observed = observed;
        b.lastKnown = lastKnown;
        b.seenAt = seenAt;
        return b;
    };
    if (!history.isEmpty()) {
        const StatusTransition &firstSeen = history.first();
        const QDateTime seenAt = firstSeen.observedAt.toUTC(); // where its band may start
        // Since when the first observed status is known to have held (see the header).
        std::optional<QDateTime> knownFrom;
        if (gatewayStarts.constFirst()) {
            // The gateway said when it began: nothing to infer.
        } else if (firstSeen.to.isTerminal() && ended && *ended < seenAt) {
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
            out.bands.append(band(*submit, firstFrom, std::nullopt, false, false, *submit));
        for (qsizetype i = 0; i < history.size(); ++i) {
            const QDateTime observed = history.at(i).observedAt.toUTC();
            const QDateTime from = i == 0 ? firstFrom : observed;
            const QDateTime to = i + 1 < history.size() ? history.at(i + 1).observedAt.toUTC()
                                                        : std::max(from, bandEnd);
            TimelineLayout::Band b = band(from, to, history.at(i).to, true, false, seenAts.at(i));
            b.gatewayStart = gatewayStarts.at(i);
            out.bands.append(b);
        }
    } else if (job.status && terminal) {
        // Never observed changing, ended: not observed until the end, then the final status.
        const QDateTime endAt = lifeEnd.value_or(last);
        const QDateTime from = std::min(submit.value_or(endAt), endAt);
        if (from < endAt)
            out.bands.append(band(from, endAt, std::nullopt, false, false, from));
        out.bands.append(band(endAt, endAt, job.status, true, true, endAt));
    } else if (job.status) {
        // Never observed changing: one band with the last known status.
        const QDateTime from = submit.value_or(first);
        out.bands.append(band(from, std::max(from, bandEnd), job.status, true, true, from));
    }

    if (terminal && !out.bands.isEmpty()) {
        // The job's life ends at lifeEnd, or where its final status is known from.
        if (!lifeEnd) {
            const TimelineLayout::Band &lastBand = out.bands.constLast();
            lifeEnd = lastBand.status && lastBand.status->isTerminal() ? lastBand.from
                                                                       : lastBand.to;
        }
        const auto isFinalStatus = [&job](const TimelineLayout::Band &b) {
            return b.observed && b.status && b.status->code() == job.status->code();
        };
        QList<TimelineLayout::Band> clipped;
        std::optional<TimelineLayout::Band> seenAfterEnd;
        for (TimelineLayout::Band b : std::as_const(out.bands)) {
            if (b.from >= *lifeEnd && !clipped.isEmpty()) {
                // Observed at or after the end: no band, though it is the final status.
                if (isFinalStatus(b) && !seenAfterEnd)
                    seenAfterEnd = b;
                continue;
            }
            b.from = std::min(b.from, *lifeEnd);
            b.to = std::min(b.to, *lifeEnd);
            clipped.append(b);
        }
        TimelineLayout::Band &lastBand = clipped.last();
        if (isFinalStatus(lastBand) && lastBand.from == *lifeEnd) {
            lastBand.final = true;
        } else if (!isFinalStatus(lastBand)) {
            TimelineLayout::Band f = seenAfterEnd.value_or(
                    band(*lifeEnd, *lifeEnd, job.status, true, true, *lifeEnd));
            f.from = f.to = *lifeEnd;
            f.final = true;
            clipped.append(f);
        }
        out.bands = clipped;
    }
    for (TimelineLayout::Band &b : out.bands) {
        b.actualFrom = b.from;
        b.actualTo = b.to;
    }

    // Minimum widths: the life's bands share its width, the final cap goes after it.
    if (!out.bands.isEmpty()) {
        const QDateTime lifeStart = out.bands.constFirst().from;
        const bool hasFinal = out.bands.constLast().final;
        const qsizetype n = out.bands.size() - (hasFinal ? 1 : 0);
        const QDateTime lifeStop = n > 0 ? out.bands.at(n - 1).to : lifeStart;
        const qint64 total = lifeStart.msecsTo(lifeStop);
        const qint64 minWidth = std::max<qint64>(total, options.minimumSpanMs)
                                / std::max(1, options.minimumBandParts);
        if (n > 0 && total > 0) {
            const qint64 m = std::min<qint64>(minWidth, total / n);
            qint64 need = 0;
            qint64 room = 0;
            for (qsizetype i = 0; i < n; ++i) {
                if (!out.bands.at(i).observed)
                    continue; // not a status: keeps its real width
                const qint64 d = out.bands.at(i).from.msecsTo(out.bands.at(i).to);
                if (d < m)
                    need += m - d;
                else
                    room += d - m;
            }
            if (need > 0 && room > 0) {
                QDateTime at = lifeStart;
                for (qsizetype i = 0; i < n; ++i) {
                    TimelineLayout::Band &b = out.bands[i];
                    const qint64 d = b.from.msecsTo(b.to);
                    const qint64 w
                            = !b.observed ? d
                              : d < m     ? m
                                          : d - qint64(double(need) * double(d - m) / double(room));
                    b.from = at;
                    b.to = i + 1 == n ? lifeStop : at.addMSecs(w);
                    at = b.to;
                }
            }
        }
        if (hasFinal) {
            TimelineLayout::Band &f = out.bands.last();
            if (f.from.msecsTo(f.to) < minWidth)
                f.to = f.from.addMSecs(minWidth);
        }
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
