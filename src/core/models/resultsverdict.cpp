#include "models/resultsverdict.h"

#include <QCoreApplication>
#include <QLocale>

namespace bw {

QString resultsContradiction(const WatchedJob &w)
{
    if (!w.results || !w.job.status || w.results->total() <= 0)
        return {};
    const ResultsSummary &r = *w.results;
    const QLocale locale;
    QString sentence;
    switch (w.job.statusCode()) {
    case JobStatus::Failed:
        if (r.succeeded > 0)
            sentence = QCoreApplication::translate(
                               "bw::ResultsVerdict",
                               "Failed by the gateway — %1 of %2 records succeeded")
                               .arg(locale.toString(r.succeeded), locale.toString(r.total()));
        break;
    case JobStatus::Completed:
    case JobStatus::Ended:
        if (r.notSucceeded() > 0)
            sentence = QCoreApplication::translate(
                               "bw::ResultsVerdict",
                               "Completed by the gateway — %1 of %2 records did not succeed")
                               .arg(locale.toString(r.notSucceeded()), locale.toString(r.total()));
        break;
    default:
        break;
    }
    if (!sentence.isEmpty() && r.capped)
        sentence += u' '
                    + QCoreApplication::translate("bw::ResultsVerdict",
                                                  "(in the part of the results read)");
    return sentence;
}

} // namespace bw
