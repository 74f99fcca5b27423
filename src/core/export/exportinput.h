#pragma once

#include "export/exportdata.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace bw {

// What is known about one profile's jobs when an export is asked for: the jobs (the GUI's
// monitor, or the CLI's store merged with what it just fetched), and their status history and
// progress samples by identifier (both oldest first; usually the store's).
struct ExportSource
{
    QString profileName;
    QUrl baseUrl;
    QList<WatchedJob> jobs;
    QHash<QString, QList<StatusTransition>> history;
    QHash<QString, QList<ProgressSample>> samples;
};

// The one rule that turns a selection into what an export writes, for the GUI's Export dialog
// and `batchwatch-cli export` alike: one ExportJob per selected identifier, in the order of
// `identifiers`, each with the job as the source knows it, its history and its samples. An
// identifier given twice is exported once (first place); one the source does not know is left
// out and listed in `unknown` (when given). The profile's name and base URL come along;
// exportedAt stays invalid (the writer stamps it).
ExportInput collectExportInput(const ExportSource &source, const QStringList &identifiers,
                               QStringList *unknown = nullptr);

// Every job of the source, in its order.
QStringList identifiersOf(const QList<WatchedJob> &jobs);

} // namespace bw
