#pragma once

#include "domain/jobstatus.h"

#include <QString>
#include <QtGlobal>

namespace bw {

// The ONE table of how a job status is named and drawn, shared by the GUI (StatusPresentation)
// and the report (ReportPalette, ReportContent). It lives in core, which never links Qt Gui,
// so colours are plain 0xRRGGBB numbers and icons are resource names; the GUI and the report
// turn them into QColor / QIcon.
//
// Words are translated in the "StatusVocabulary" context. Colours come in a light variant (for
// light themes and for reports on white paper) and a dark variant (for dark themes); both keep
// a contrast ratio of at least 3:1 against white / near-black, and white text on a light
// variant reads at 4.5:1 or better.
namespace StatusVocabulary {

// "In progress", "Partially completed"; "Not reported" for Unknown.
QString word(JobStatus code);
// An unknown status is shown verbatim as the gateway sent it; no status at all (or an empty
// one) reads "Not reported".
QString word(const Status &status);
// One sentence saying what the status means, for tooltips and screen readers.
QString description(JobStatus code);
// "Queued", "Running", "Completed", "Failed", "Stopped or expired", "Unknown".
QString groupWord(StatusGroup group);

// 0xRRGGBB.
quint32 lightColor(StatusGroup group);
quint32 darkColor(StatusGroup group);

// The icon of a group in the resources (":/icons/<name>.svg"): one shape per group, so a status
// is never told by colour alone.
QString iconName(StatusGroup group);

} // namespace StatusVocabulary
} // namespace bw
