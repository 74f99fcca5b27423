#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QtGlobal>

namespace bw::test {

QString fixturesDir()
{
    const QString env = qEnvironmentVariable("BATCHWATCH_FIXTURES");
    return env.isEmpty() ? QStringLiteral(BATCHWATCH_FIXTURES_DIR) : env;
}

QStringList fixtureNames()
{
    QDir dir(fixturesDir());
    return dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

QByteArray fixture(const QString &name)
{
    QFile f(QDir(fixturesDir()).filePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s not found in %s", qPrintable(name), qPrintable(fixturesDir()));
    return f.readAll();
}

} // namespace bw::test
