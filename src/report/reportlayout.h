#pragma once

namespace bw {

// How much an HTML or PDF report says (PRODUCT.md §5, issue 13).
enum class ReportLayout {
    Full,    // the head, the summary table, then every job's own section or pages
    Summary, // the head and the summary table only: one row per job, no per-job pages
};

// Above this many jobs the export dialog offers the summary table and chooses it by default:
// a full PDF report of a few hundred jobs is already a few hundred pages.
inline constexpr int kSummaryReportSuggestedAbove = 50;

} // namespace bw
