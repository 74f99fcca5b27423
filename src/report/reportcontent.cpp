#include "reportcontent.h"

#include "domain/jobidentifier.h"
#include "domain/statusvocabulary.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace bw {

namespace ReportText {

QString capped(const QString &text)
{
    if (text.size() <= kMaxFieldChars)
        return text;
    qsizetype cut = kMaxFieldChars;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    const qsizetype more = QStringView(text).mid(cut).toUtf8().size();
    return text.left(cut) + Report::tr(" \u2026 cut, %1 bytes more").arg(more);
}

QString dateTime(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString compactDateTime(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString notReported()
{
    return Report::tr("not reported by this gateway");
}

QString groupName(StatusGroup group)
{
    return StatusVocabulary::groupWord(group);
}

QString percent(double fraction, const QLocale &locale)
{
    return locale.toString(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace ReportText

namespace {

using Field = ReportJob::Field;

Field text(const QString &label, const std::optional<QString> &value, bool monospace = false)
{
    return {label, value.value_or(QString()), value.has_value(), monospace};
}

Field time(const QString &label, const std::optional<QDateTime> &value)
{
    const bool ok = value && value->isValid();
    return {label, ok ? ReportText::dateTime(*value) : QString(), ok, false};
}

Field count(const QString &label, const std::optional<qint64> &value, const QLocale &locale)
{
    return {label, value ? locale.toString(*value) : QString(), value.has_value(), false};
}

QString rateText(const ProgressRate &rate, const QLocale &locale)
{
    return Report::tr("%1 records/min (over %2, %3 samples)")
            .arg(locale.toString(rate.recordsPerMinute, 'f', 1),
                 JobMetrics::formatDuration(rate.spanSeconds))
            .arg(rate.sampleCount);
}

} // namespace

ReportSummary ReportSummary::build(const ExportJob &exportJob, int index, const QDateTime &now,
                                   const QLocale &locale)
{
    const WatchedJob &w = exportJob.watched;
    const Job &job = w.job;
    const bool terminal = job.status && job.status->isTerminal();

    ReportSummary r;
    r.index = index;
    r.anchor = QStringLiteral("job-%1").arg(index);
    r.identifier = w.identifier;
    r.shortId = JobIdentifier::parse(w.identifier).shortId();
    if (r.shortId.isEmpty())
        r.shortId = w.identifier;
    r.title = job.jobName && !job.jobName->isEmpty() ? *job.jobName : r.shortId;
    r.status = StatusVocabulary::word(job.status.value_or(Status()));
    r.group = job.status ? job.status->group() : StatusGroup::Unknown;

    r.progressFraction = JobMetrics::progressFraction(job);
    if (job.processedRecordCount && job.totalRecordCount && *job.totalRecordCount > 0) {
        r.progressText = Report::tr("%1 / %2 (%3)")
                                 .arg(locale.toString(*job.processedRecordCount),
                                      locale.toString(*job.totalRecordCount),
                                      ReportText::percent(r.progressFraction.value_or(0), locale));
    } else if (job.processedRecordCount) {
        r.progressText = Report::tr("%1 processed").arg(locale.toString(*job.processedRecordCount));
    }
    if (job.submitTime && job.submitTime->isValid()) {
        r.submitted = ReportText::dateTime(*job.submitTime);
        r.submitTime = job.submitTime->toUTC();
    }
    if (const auto elapsed = JobMetrics::elapsed(job, now)) {
        r.duration = terminal ? JobMetrics::formatDuration(*elapsed)
                              : Report::tr("%1 so far").arg(JobMetrics::formatDuration(*elapsed));
    }
    return r;
}

ReportJob ReportJob::build(const ExportJob &exportJob, int index, const QDateTime &now,
                           const QLocale &locale, const SecretRedactor &redactor)
{
    const WatchedJob &w = exportJob.watched;
    const Job &job = w.job;
    const bool terminal = job.status && job.status->isTerminal();

    ReportJob r;
    r.summary = ReportSummary::build(exportJob, index, now, locale);

    // Fields.
    r.fields << text(Report::tr("Name"), job.jobName)
             << Field{Report::tr("Identifier"), w.identifier, true, true}
             << text(Report::tr("Job ARN"), job.jobArn, true)
             << Field{Report::tr("Status"), job.status ? job.status->raw() : QString(),
                      job.status.has_value(), false}
             << text(Report::tr("Model"), job.modelId, true)
             << text(Report::tr("Role ARN"), job.roleArn, true)
             << text(Report::tr("Client request token"), job.clientRequestToken, true)
             << text(Report::tr("Invocation type"), job.modelInvocationType)
             << time(Report::tr("Submitted"), job.submitTime)
             << time(Report::tr("Last modified"), job.lastModifiedTime)
             << time(Report::tr("Ended"), job.endTime);
    Field expires = time(Report::tr("Expires"), job.jobExpirationTime);
    if (JobMetrics::timeToExpiry(job, now)) {
        expires.value += QStringLiteral(" (")
                         + JobMetrics::formatRelative(*job.jobExpirationTime, now) + u')';
        if (JobMetrics::isAtRisk(job, now))
            expires.value
                    += QStringLiteral(" \u2014 ") + Report::tr("still queued close to expiry");
    }
    r.fields << expires;
    r.fields << Field{Report::tr("Timeout"),
                      job.timeoutDurationInHours
                              ? Report::tr("%1 h").arg(locale.toString(*job.timeoutDurationInHours))
                              : QString(),
                      job.timeoutDurationInHours.has_value(), false};
    r.fields << Field{terminal ? Report::tr("Duration") : Report::tr("Elapsed"), r.summary.duration,
                      !r.summary.duration.isEmpty(), false};
    r.fields << Field{Report::tr("Watched since"), ReportText::dateTime(w.addedAt),
                      w.addedAt.isValid(), false};
    r.fields << Field{Report::tr("Last fetched"),
                      w.fetchedAt.isValid() ? ReportText::dateTime(w.fetchedAt)
                                            : Report::tr("never"),
                      true, false};

    r.notFound = w.notFound;
    if (w.lastError) {
        r.lastError = redactor.apply(w.lastError->describe());
        if (w.lastErrorAt.isValid())
            r.lastError += QStringLiteral(" (") + ReportText::dateTime(w.lastErrorAt) + u')';
    }
    if (w.isStale() && w.staleSince().isValid())
        r.staleNote = Report::tr("Last-known data: not confirmed by the gateway since %1.")
                              .arg(ReportText::dateTime(w.staleSince()));

    // Progress.
    r.countsReported = job.totalRecordCount || job.processedRecordCount || job.successRecordCount
                       || job.errorRecordCount;
    r.progress << count(Report::tr("Total records"), job.totalRecordCount, locale)
               << count(Report::tr("Processed"), job.processedRecordCount, locale)
               << count(Report::tr("Succeeded"), job.successRecordCount, locale)
               << count(Report::tr("Failed"), job.errorRecordCount, locale);
    if (r.summary.progressFraction)
        r.progress << Field{Report::tr("Progress"),
                            ReportText::percent(*r.summary.progressFraction, locale), true, false};
    if (const auto share = JobMetrics::errorShare(job))
        r.progress << Field{Report::tr("Error share"), ReportText::percent(*share, locale), true,
                            false};
    if (!terminal) {
        if (const auto rate = JobMetrics::processingRate(exportJob.samples, now))
            r.progress << Field{Report::tr("Rate"), rateText(*rate, locale), true, false};
        if (const auto eta = JobMetrics::eta(job, exportJob.samples, now))
            r.progress << Field{Report::tr("Estimated finish"),
                                Report::tr("%1 (in %2, %3 records left)")
                                        .arg(ReportText::dateTime(eta->finishAt),
                                             JobMetrics::formatDuration(eta->seconds),
                                             locale.toString(eta->remainingRecords)),
                                true, false};
    } else if (exportJob.samples.size() >= 2) {
        // A finished job: the average over every sample, not a recent window.
        const QDateTime newest
                = std::max_element(exportJob.samples.cbegin(), exportJob.samples.cend(),
                                   [](const auto &a, const auto &b) { return a.at < b.at; })
                          ->at;
        const QDateTime oldest
                = std::min_element(exportJob.samples.cbegin(), exportJob.samples.cend(),
                                   [](const auto &a, const auto &b) { return a.at < b.at; })
                          ->at;
        if (const auto rate
            = JobMetrics::processingRate(exportJob.samples, newest, oldest.secsTo(newest) + 1))
            r.progress << Field{Report::tr("Average rate"), rateText(*rate, locale), true, false};
    }

    // Timeline.
    r.chart = TimelineChart::forJob(exportJob, now);
    for (const TimelineChart::Marker &m : r.chart.markers()) {
        QString name = TimelineChart::markerName(m.kind);
        if (m.beyondAxis)
            name = Report::tr("%1 (beyond the right edge)").arg(name);
        r.markerLegend.append({name, ReportText::dateTime(m.at)});
    }
    for (const TimelineChart::Band &b : r.chart.bands()) {
        const bool seen = std::any_of(r.bandLegend.cbegin(), r.bandLegend.cend(),
                                      [&b](const LegendEntry &e) { return e.label == b.label; });
        if (!seen)
            r.bandLegend.append({b.label, b.group, b.observed});
    }

    // VPC and configuration.
    r.vpcState = JobMetrics::vpcState(w);
    if (job.vpcConfig) {
        r.securityGroupIds = job.vpcConfig->securityGroupIds;
        r.subnetIds = job.vpcConfig->subnetIds;
    }
    r.inputReported = job.inputDataConfig.has_value();
    if (job.inputDataConfig) {
        const InputDataConfig &c = *job.inputDataConfig;
        r.inputConfig << text(Report::tr("S3 URI"), c.s3Uri, true)
                      << text(Report::tr("Input format"), c.s3InputFormat)
                      << text(Report::tr("Bucket owner"), c.s3BucketOwner, true);
    }
    r.outputReported = job.outputDataConfig.has_value();
    if (job.outputDataConfig) {
        const OutputDataConfig &c = *job.outputDataConfig;
        r.outputConfig << text(Report::tr("S3 URI"), c.s3Uri, true)
                       << text(Report::tr("Encryption key"), c.s3EncryptionKeyId, true)
                       << text(Report::tr("Bucket owner"), c.s3BucketOwner, true);
    }

    // History, oldest first as stored.
    for (qsizetype i = 0; i < exportJob.history.size(); ++i) {
        const StatusTransition &t = exportJob.history.at(i);
        HistoryRow row;
        row.from = t.from ? (t.from->raw().isEmpty() ? Report::tr("unknown") : t.from->raw())
                          : QStringLiteral("\u2014");
        row.to = t.to.raw().isEmpty() ? Report::tr("unknown") : t.to.raw();
        row.toGroup = t.to.group();
        row.observedAt = ReportText::dateTime(t.observedAt);
        if (t.lastModifiedTime)
            row.lastModified = ReportText::dateTime(*t.lastModifiedTime);
        if (i > 0) {
            const QDateTime previous = exportJob.history.at(i - 1).observedAt;
            if (previous.isValid() && t.observedAt.isValid())
                row.timeInPrevious = JobMetrics::formatDuration(
                        std::max<qint64>(0, previous.secsTo(t.observedAt)));
        }
        r.history.append(row);
    }

    r.message = job.message;

    // Every text a gateway sent, at most kMaxFieldChars each.
    auto cap = [](QString &text) {
        text = ReportText::capped(text);
    };
    cap(r.summary.title);
    cap(r.summary.identifier);
    cap(r.summary.shortId);
    cap(r.summary.status);
    cap(r.lastError);
    for (QList<Field> *list : {&r.fields, &r.progress, &r.inputConfig, &r.outputConfig}) {
        for (Field &f : *list)
            cap(f.value);
    }
    for (HistoryRow &row : r.history) {
        cap(row.from);
        cap(row.to);
    }
    for (QStringList *ids : {&r.securityGroupIds, &r.subnetIds}) {
        for (QString &id : *ids)
            cap(id);
    }
    if (r.message)
        cap(*r.message);
    return r;
}

ReportHeader ReportHeader::build(const ExportInput &input, const QDateTime &exportedAt)
{
    ReportHeader h;
    h.profileName = input.profileName;
    h.title = input.profileName.isEmpty()
                      ? Report::tr("batchwatch report")
                      : Report::tr("batchwatch report \u2014 %1").arg(input.profileName);
    h.baseUrl = sanitizedBaseUrlText(input.baseUrl);
    h.exportedAtUtc = exportedAt.toUTC();
    h.exportedAt = ReportText::dateTime(exportedAt);
    h.jobCount = int(input.jobs.size());

    std::array<int, StatusGroupCount> counts{};
    for (const ExportJob &j : input.jobs) {
        const StatusGroup g
                = j.watched.job.status ? j.watched.job.status->group() : StatusGroup::Unknown;
        ++counts[size_t(g)];
    }
    for (int g = 0; g < StatusGroupCount; ++g) {
        if (counts[size_t(g)] > 0)
            h.groupCounts.append({StatusGroup(g), counts[size_t(g)]});
    }
    return h;
}

} // namespace bw
