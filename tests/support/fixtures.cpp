#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QTest>
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
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (!names.isEmpty())
        return names;
    // One name that cannot be read: a data-driven test gets a row that fails naming the
    // directory, instead of no rows at all (which Qt Test treats as a fatal error).
    return {QStringLiteral("no-fixtures-here.json")};
}

QByteArray fixture(const QString &name)
{
    const QString path = QDir(fixturesDir()).absoluteFilePath(name);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        // Fails the running test function only: the binary goes on with the next one.
        const QByteArray why = QStringLiteral("fixture %1 cannot be read (%2); set "
                                              "BATCHWATCH_FIXTURES to the fixtures directory")
                                       .arg(QDir::toNativeSeparators(path), f.errorString())
                                       .toLocal8Bit();
        QTest::qFail(why.constData(), __FILE__, __LINE__);
        return {};
    }
    return f.readAll();
}

} // namespace bw::test
