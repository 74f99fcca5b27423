#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDatabase;

// Internal to JobStore: the SQLite schema of the local store and the machinery that brings a
// database file up to date. Exposed in a header only so that tests can drive the migration
// mechanism with steps of their own; nothing else should include it.
namespace bw::storeschema {

// PRAGMA application_id of every batchwatch database ("bwst"), so that a file written by some
// other program is recognised and left alone.
inline constexpr int ApplicationId = 0x62777374;

// One step from version toVersion - 1 to toVersion. Steps are applied in order, each in its own
// IMMEDIATE transaction together with the PRAGMA user_version bump, so a step either happens
// completely or not at all: first its statements, then `transform` (when set), for what SQL
// alone cannot do; a transform returns false with *error set to fail the step.
struct Migration
{
    int toVersion = 0;
    QString description;
    QStringList statements;
    std::function<bool(QSqlDatabase &db, QString *error)> transform = {};
};

// The steps of this build, ordered; the last one's toVersion is the current schema version.
const QList<Migration> &migrations();
int currentVersion();

// Reads PRAGMA user_version, or -1 (with *error set) when the file cannot be read as a database.
int readUserVersion(QSqlDatabase &db, QString *error);

// Applies every step of `steps` whose toVersion is above the database's user_version.
// Returns false with *error set when a step fails (that step is rolled back; the steps before it
// stay applied) or when the database is newer than the last step (nothing is touched then).
bool migrate(QSqlDatabase &db, const QList<Migration> &steps, QString *error);

} // namespace bw::storeschema
