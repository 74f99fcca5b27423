#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTest>

namespace bw::test {

// Directory of the sample gateway responses in tests/fixtures (env BATCHWATCH_FIXTURES wins).
QString fixturesDir();
// Names (file names) of every fixture file, sorted; when there are none, one name that does not
// exist (so that tests iterating over them fail instead of passing on nothing).
QStringList fixtureNames();
// The bytes of one fixture. When it cannot be read, fails the current test function (naming the
// path) and returns an empty array; the other test functions of the binary still run.
QByteArray fixture(const QString &name);

} // namespace bw::test

// Ends the current test function when a helper has already failed it (a fixture that could not
// be read): the function must not go on indexing the empty data the helper returned.
#define BW_RETURN_IF_FAILED()                                                                      \
    do {                                                                                           \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)
