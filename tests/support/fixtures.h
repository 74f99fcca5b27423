#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bw::test {

// Directory of the shared sample gateway responses (env BATCHWATCH_FIXTURES wins).
QString fixturesDir();
// Names (file names) of every fixture file, sorted.
QStringList fixtureNames();
// The bytes of one fixture; fails the current test (QFAIL-like, via qFatal) when missing.
QByteArray fixture(const QString &name);

} // namespace bw::test
