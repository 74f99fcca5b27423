#pragma once

#include "domain/jobmetrics.h"
#include "export/exportdata.h"
#include "timelinechart.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw {

// One row of a report's summary table, as plain (unescaped) display text.
struct ReportSummary
{
    int index = 0;  // 1-based position in the report
    QString anchor; // "job-1": the id of the job's section
    QString title;  // jobName, else the short id
    QString identifier;
    QString shortId;
    QString status; // raw, or "unknown"
    StatusGroup group = StatusGroup::Unknown;
    QString progressText; // "11842 / 25000 (47.4 %)" in the locale; empty when no counts
    std::optional<double> progressFraction;
    QString submitted;    // empty when not reported
    QDateTime submitTime; // invalid when not reported (for compact renderings)
    QString duration;     // "3 h 35 min", "25 min so far"; empty when unknown

    static ReportSummary build(const ExportJob &job, int index, const QDateTime &now,
                               const QLocale &locale);
};

// What a report says about one job, as plain (unescaped) display text: everything the HTML and
// the PDF variants show, computed once so that both say the same. Times are shown in UTC
// ("2025-03-14 09:26:53 UTC"); numbers in the report's locale.
struct ReportJob
{
    struct Field
    {
        QString label;
        QString value;          // empty when not reported
        bool reported = true;   // false: show "not reported by this gateway"
        bool monospace = false; // identifiers, ARNs, URIs
    };

    struct HistoryRow
    {
        QString from; // an em dash for the first transition
        QString to;
        StatusGroup toGroup = StatusGroup::Unknown;
        QString observedAt;
        QString lastModified;   // empty when the gateway did not report one
        QString timeInPrevious; // empty for the first transition
    };

    ReportSummary summary;

    QList<Field> fields;
    bool notFound = false; // the gateway last answered 404
    QString lastError;     // one sentence, secrets redacted; empty when none
    QString staleNote;     // "last confirmed ..." when stale; empty otherwise

    bool countsReported = false;
    QList<Field> progress; // total, processed, succeeded, failed, progress, error share, rate, ETA

    TimelineChart chart;
    QList<QPair<QString, QString>> markerLegend; // (marker name, time)
    struct LegendEntry
    {
        QString label;
        StatusGroup group = StatusGroup::Unknown;
        bool observed = true; // false: the grey "not observed" band
    };
    QList<LegendEntry> bandLegend; // the bands' labels, first appearance order

    VpcState vpcState = VpcState::NotReported;
    QStringList securityGroupIds;
    QStringList subnetIds;

    QList<Field> inputConfig;
    QList<Field> outputConfig;
    bool inputReported = false;
    bool outputReported = false;

    QList<HistoryRow> history;
    std::optional<QString> message; // full text, newlines kept

    static ReportJob build(const ExportJob &job, int index, const QDateTime &now,
                           const QLocale &locale, const SecretRedactor &redactor);
};

// The head of a report.
struct ReportHeader
{
    QString title; // "batchwatch report — <profile>"
    QString profileName;
    QString baseUrl;    // sanitised; empty when none
    QString exportedAt; // UTC, as shown
    QDateTime exportedAtUtc;
    int jobCount = 0;
    QList<QPair<StatusGroup, int>> groupCounts; // non-zero groups in StatusGroup order

    static ReportHeader build(const ExportInput &input, const QDateTime &exportedAt);
};

// The report's one translation context: every word of a report is Report::tr() ("bw::Report").
struct Report
{
    Q_DECLARE_TR_FUNCTIONS(bw::Report)
};

// Display helpers shared by the report builders.
namespace ReportText {
QString dateTime(const QDateTime &instant);        // "2025-03-14 09:26:53 UTC"; "" when invalid
QString compactDateTime(const QDateTime &instant); // "2025-03-14 09:26" (UTC); "" when invalid
QString notReported();                             // "not reported by this gateway"
QString groupName(StatusGroup group);              // "queued", "running", ...
QString percent(double fraction, const QLocale &locale); // "47.4 %"
// What a report prints of one field at most (issue 12: a job with a 3 MB field took ~2 min to
// render): longer text is cut there (never inside a surrogate pair) and ends with
// " … cut, N bytes more" (N: the UTF-8 size of what was left out).
inline constexpr qsizetype kMaxFieldChars = 64 * 1024;
QString capped(const QString &text);
} // namespace ReportText

} // namespace bw
