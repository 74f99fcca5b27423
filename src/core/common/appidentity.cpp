#include "common/appidentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace bw::AppIdentity {

namespace {

QString genericDataHome()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
}

} // namespace

void describeApplication(const QString &programName)
{
    QCoreApplication::setOrganizationName(QString(OrganizationName));
    QCoreApplication::setApplicationName(programName);
}

QString dataDirectory()
{
    const QString home = genericDataHome();
    if (home.isEmpty())
        return {};
    return QDir(home).filePath(QString(OrganizationName) + u'/' + QString(ApplicationName));
}

QString legacyCliDataDirectory()
{
    const QString home = genericDataHome();
    return home.isEmpty() ? QString() : QDir(home).filePath(QString(ApplicationName));
}

QString adoptLegacyData(const QString &databaseFileName, QString *error)
{
    const QString newDir = dataDirectory();
    const QString oldDir = legacyCliDataDirectory();
    if (newDir.isEmpty() || oldDir.isEmpty())
        return {};
    const QString &file = databaseFileName;
    const QString oldDb = QDir(oldDir).filePath(file);
    const QString newDb = QDir(newDir).filePath(file);
    if (!QFileInfo(oldDb).isFile() || QFileInfo::exists(newDb))
        return {};
    if (!QDir().mkpath(newDir)) {
        if (error)
            *error = QStringLiteral("could not create %1").arg(QDir::toNativeSeparators(newDir));
        return {};
    }
    // Companions first: the main file's move is what makes the new location count as taken.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString companion = oldDb + QLatin1StringView(suffix);
        if (QFileInfo::exists(companion))
            QFile::rename(companion, newDb + QLatin1StringView(suffix));
    }
    if (!QFile::rename(oldDb, newDb)) {
        for (const char *suffix : {"-wal", "-shm"})
            QFile::rename(newDb + QLatin1StringView(suffix), oldDb + QLatin1StringView(suffix));
        if (error)
            *error = QStringLiteral("could not move %1 to %2")
                             .arg(QDir::toNativeSeparators(oldDb),
                                  QDir::toNativeSeparators(newDir));
        return {};
    }
    return QStringLiteral("moved the database from %1 to %2")
            .arg(QDir::toNativeSeparators(oldDir), QDir::toNativeSeparators(newDir));
}

} // namespace bw::AppIdentity
