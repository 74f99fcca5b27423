#pragma once

#include "domain/jobmetrics.h"
#include "domain/watchedjob.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace bw {

// Where everything of one job's timeline goes (PRODUCT.md §2 "Timeline", §5 report): the value
// both the Timeline tab's chart (bw::JobTimelineChart) and the report's picture
// (bw::TimelineChart) draw from, so the two never disagree. Times are UTC; nothing here knows
// about pixels, colours or words.
struct TimelineLayout
{
    enum class MarkerKind { Submitted, LastModified, Ended, Expires, Now };

    struct Band
    {
        QDateTime from;
        QDateTime to;
        std::optional<Status> status; // none for the "not observed" band
        bool observed = true;         // false: before batchwatch knew what the status was
        bool lastKnown = false;       // no transition observed: the last known status only
        // When batchwatch itself first saw this status. Equal to `from`, except for the first
        // observed band when the gateway's times say it began earlier (see the rules below).
        QDateTime seenAt;
        // The real times of the band. `from`/`to` are where to draw it, which may differ: a
        // status seen only briefly is widened to the minimum width, and the final status of a
        // job that has ended is a minimum-width cap right after the end.
        QDateTime actualFrom;
        QDateTime actualTo;
        bool final = false; // the status the job ended in, drawn after the end (see above)
        // The band starts at the gateway's own time for the status (Job::inProgressAt, ...),
        // not where batchwatch happened to see it (seenAt keeps that, when it did).
        bool gatewayStart = false;
    };

    struct Marker
    {
        MarkerKind kind = MarkerKind::Submitted;
        QDateTime at;
    };

    QDateTime start; // the axis, padding included; invalid: nothing to draw
    QDateTime end;
    QList<Band> bands;     // contiguous, oldest first
    QList<Marker> markers; // in MarkerKind order, each kind at most once
    bool live = false;     // not terminal: the last band runs to `now`, a Now marker is present
    // The expiry lies right of `end` and is left out of the range (see below): a chart does not
    // draw it at its place but labels it at the right edge with its real time.
    bool expiryBeyond = false;

    bool isEmpty() const { return !start.isValid(); }
    // False only for the expiry when expiryBeyond; every other marker lies in [start, end].
    bool isInRange(const Marker &marker) const
    {
        return !(expiryBeyond && marker.kind == MarkerKind::Expires);
    }
    std::optional<QDateTime> markerAt(MarkerKind kind) const;
};

struct TimelineOptions
{
    // A queued (or unknown) job whose expiry is at most this far from now takes the expiry into
    // the range, however far it is: for a queued job it is what matters.
    qint64 queuedExpiryHorizonSeconds = JobMetrics::DefaultAtRiskThresholdSeconds;
    qint64 minimumSpanMs = 60 * 1000; // the range is never narrower
    // No band is drawn narrower than this part of the job's life (at least minimumSpanMs).
    int minimumBandParts = 60;
};

// The layout of `job` with its status `history` (any order; transitions without observedAt are
// ignored) at `now` (ends the bands of a live job; may be invalid for a static picture).
//
// The rules:
//  - Range: from the earliest to the latest of submitTime, lastModifiedTime, endTime, the
//    transitions' observedAt (and `now` for a live job); without any of those, fetchedAt /
//    addedAt. Empty (isEmpty()) when there is no instant at all. At least minimumSpanMs wide,
//    padded by 1/40 of the span (at least a second) on both sides.
//  - Bands: one per observed transition, from its observedAt to the next one's; the last runs
//    to `now` for a live job (even when a gateway clock running ahead stamped lastModifiedTime
//    later), else to the latest known instant. Without any transition, one `lastKnown` band of
//    the job's status from submitTime.
//  - The gateway's per-status times (Bifrost's native API: inProgressAt, finalizingAt,
//    cancellingAt, completedAt, failedAt, expiredAt, cancelledAt) come first: an observed
//    transition into a status with such a time starts there when it is earlier than the
//    observation and not before submitTime (seenAt keeps the observation; gatewayStart is
//    set), and a timed status batchwatch never saw (it passed between two polls) gets a band
//    from its time. Only the first observation of a status takes the time.
//  - Before the first observation: a "not observed" band from submitTime. Where the gateway's
//    times say when the first observed status began, that status is known from then on and the
//    not-observed band ends there:
//      * first status terminal with an endTime earlier than the first observation (a job first
//        seen after it had ended): the terminal band starts at endTime;
//      * otherwise the gateway's lastModifiedTime that came with the first observation (the
//        transition's, or the job's when that is the only transition and the status has not
//        changed since) when it is earlier: the job was last modified then, so the status it
//        was observed in held from then on.
//    Such a time is used only when it is not before submitTime; the band's seenAt keeps the
//    observation. When it equals submitTime there is no not-observed band.
//  - A job that has ended lives from submitTime to its end (endTime when it is not before
//    submitTime, else the time its final status is known from): bands stop there, and
//    observations made after the end neither lengthen a band nor widen the range. The final
//    status is a `final` band from the end, `minimumBandParts` wide, when it did not begin
//    earlier. Without any transition an ended job shows "not observed" from submitTime to its
//    end and its status as the final band.
//  - Minimum width: status bands narrower than 1/minimumBandParts of the life are drawn that
//    wide, the longer status bands give the room (the "not observed" band keeps its real
//    width); `actualFrom`/`actualTo` keep the real times.
//  - Markers: submitTime, lastModifiedTime, endTime, jobExpirationTime when reported, Now for a
//    live job. The expiry widens the range when it is before the job's first instant, when it
//    is already inside, or — for a job that has not ended — when it is at most one span beyond
//    the latest instant or (queued) within queuedExpiryHorizonSeconds of now. Otherwise it does
//    not stretch the range and expiryBeyond is set (unless the padding happens to take it in).
TimelineLayout computeTimelineLayout(const WatchedJob &job, const QList<StatusTransition> &history,
                                     const QDateTime &now, const TimelineOptions &options = {});

} // namespace bw
