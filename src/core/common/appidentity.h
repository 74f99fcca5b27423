#pragma once

#include <QLatin1StringView>
#include <QString>

namespace bw {

// Who batchwatch is to the platform, shared by the app and batchwatch-cli so that both read ONE
// settings file and ONE data directory (README "Data"): the same QSettings organisation and
// application names, the same database folder, whatever the running program is called.
namespace AppIdentity {

inline constexpr QLatin1StringView OrganizationName{"batchwatch"};
inline constexpr QLatin1StringView ApplicationName{"batchwatch"};

// Sets QCoreApplication's organisation name to OrganizationName and its application name to
// `programName` (default ApplicationName). Settings and data do not depend on `programName`:
// AppSettings() and dataDirectory() use the names above.
void describeApplication(const QString &programName = QString(ApplicationName));

// Where the database lives unless --data-dir says otherwise: <XDG data home>/batchwatch/batchwatch
// on Linux (QStandardPaths' AppDataLocation of the app). Empty when the platform has none.
QString dataDirectory();

// The folder batchwatch-cli used by mistake up to 0.9 (no organisation name):
// <XDG data home>/batchwatch.
QString legacyCliDataDirectory();

// When dataDirectory() holds no database file `databaseFileName` (JobStore::fileName()) yet but
// legacyCliDataDirectory() does, moves that
// database (with its -wal/-shm companions) into dataDirectory() so that nothing the CLI recorded
// is lost. When both hold one, the current one wins and the old one is left alone. Returns a
// sentence saying what was moved, or empty when nothing was; `error` gets a sentence when a move
// failed (the old database is then left where it was).
QString adoptLegacyData(const QString &databaseFileName, QString *error = nullptr);

} // namespace AppIdentity

} // namespace bw
