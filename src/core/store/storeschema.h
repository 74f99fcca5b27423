#pragma once

#include "store/storeengine.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QSqlDatabase;

// Internal to JobStore: the schema of the store (SQLite, or PostgreSQL for a shared one) and the
// machinery that brings a database file up to date. Exposed in a header only so that tests can
// drive the migration mechanism with steps of their own; nothing else should include it.
namespace bw::storeschema {

// PRAGMA application_id of every batchwatch database ("bwst"), so that a file written by some
// other program is recognised and left alone. On PostgreSQL it is the application_id column of
// the one row of table batchwatch_schema, which also holds the version (SQLite: user_version).
inline constexpr int ApplicationId = 0x62777374;

// One step from version toVersion - 1 to toVersion. Steps are applied in order, each in its own
// write transaction together with the version bump, so a step either happens
// completely or not at all: first its statements, then `transform` (when set), for what SQL
// alone cannot do; a transform returns false with *error set to fail the step.
struct Migration
{
    int toVersion = 0;
    QString description;
    QStringList statements;
    std::function<bool(QSqlDatabase &db, QString *error)> transform = {};
};

// The steps of this build, ordered; the last one's toVersion is the current schema version,
// the same on both engines. PostgreSQL stores start at version 4 (its first step creates what
// SQLite's steps 1-4 did, in PostgreSQL types); a later version adds a step to both lists.
const QList<Migration> &migrations(storeengine::Engine engine = storeengine::Engine::Sqlite);
int currentVersion();

// Reads the schema version (SQLite: PRAGMA user_version; PostgreSQL: batchwatch_schema, 0 when
// that table does not exist), or -1 (with *error set) when the database cannot be read.
int readUserVersion(QSqlDatabase &db, QString *error);

// What a database holds before anything is touched.
struct Inspection
{
    int applicationId = 0; // 0 when none is recorded
    int version = 0;
    int tables = 0; // tables of any program (SQLite: in the file; PostgreSQL: in current_schema())
};
std::optional<Inspection> inspect(QSqlDatabase &db, QString *error);

// Applies every step of `steps` whose toVersion is above the database's user_version.
// Returns false with *error set when a step fails (that step is rolled back; the steps before it
// stay applied) or when the database is newer than the last step (nothing is touched then).
bool migrate(QSqlDatabase &db, const QList<Migration> &steps, QString *error);

} // namespace bw::storeschema
