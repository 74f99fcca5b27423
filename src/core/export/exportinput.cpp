#include "export/exportinput.h"

#include <QSet>

namespace bw {

ExportInput collectExportInput(const ExportSource &source, const QStringList &identifiers,
                               QStringList *unknown)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < source.jobs.size(); ++i)
        index.insert(source.jobs.at(i).identifier, i);

    ExportInput input;
    input.profileName = source.profileName;
    input.baseUrl = source.baseUrl;
    QSet<QString> done;
    for (const QString &id : identifiers) {
        if (done.contains(id))
            continue;
        done.insert(id);
        const auto it = index.constFind(id);
        if (it == index.cend()) {
            if (unknown)
                unknown->append(id);
            continue;
        }
        input.jobs.append(
                ExportJob{source.jobs.at(*it), source.history.value(id), source.samples.value(id)});
    }
    return input;
}

QStringList identifiersOf(const QList<WatchedJob> &jobs)
{
    QStringList ids;
    ids.reserve(jobs.size());
    for (const WatchedJob &w : jobs)
        ids.append(w.identifier);
    return ids;
}

} // namespace bw
