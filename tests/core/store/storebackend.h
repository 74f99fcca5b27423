#pragma once

// The two engines the store tests run on (issue 15). A test class adds the rows with
// storebackend::addRows() in initTestCase_data(), so that every test function runs once on
// SQLite and once on PostgreSQL; init() calls storebackend::prepare(), which for the
// "postgresql" row gives the URL of a freshly emptied database, or a reason to skip when
// BATCHWATCH_TEST_PG (set by scripts/pg-test-cluster.sh) is absent or unusable.

#include "store/storeengine.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QtTest>

namespace storebackend {

inline constexpr char kUrlVariable[] = "BATCHWATCH_TEST_PG";

inline void addRows()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgresql") << true;
}

// Points a plain connection (`driver` QSQLITE or QPSQL) at a store location: a SQLite file path
// or a postgresql:// URL.
inline void configure(QSqlDatabase &db, const QString &location)
{
    QString error;
    if (const auto t = bw::storeengine::parsePostgresUrl(location, &error)) {
        bw::storeengine::configure(db, *t);
    } else {
        db.setDatabaseName(location);
    }
}

inline QString driverFor(const QString &location)
{
    return bw::storeengine::isPostgresUrl(location) ? QStringLiteral("QPSQL")
                                                    : QStringLiteral("QSQLITE");
}

// Runs `sql` statements on a short-lived connection to `location`; the first error, or empty.
inline QString execOn(const QString &location, const QStringList &sql)
{
    const QString name = QStringLiteral("storebackend-admin");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driverFor(location), name);
        configure(db, location);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
            for (const QString &statement : sql) {
                QSqlQuery q(db);
                if (!q.exec(statement)) {
                    error = q.lastError().text();
                    break;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

// The URL of an empty database for this test executable (created on first use from the
// database BATCHWATCH_TEST_PG names, emptied on every call), or empty with *skip set.
inline QString freshPostgres(QString *skip)
{
    const QString base = qEnvironmentVariable(kUrlVariable);
    if (base.isEmpty()) {
        *skip = QStringLiteral("%1 is not set: no PostgreSQL to test against (start one with "
                               "scripts/pg-test-cluster.sh start)")
                        .arg(QLatin1StringView(kUrlVariable));
        return {};
    }
    static QString mine;
    static QString failure;
    if (mine.isEmpty() && failure.isEmpty()) {
        const QString name = QCoreApplication::applicationName().toLower().remove(u'-');
        QUrl url(base);
        failure = execOn(base, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name),
                                QStringLiteral("CREATE DATABASE %1").arg(name)});
        url.setPath(u'/' + name);
        mine = url.toString();
    }
    if (failure.isEmpty())
        failure = execOn(mine, {QStringLiteral("DROP SCHEMA public CASCADE"),
                                QStringLiteral("CREATE SCHEMA public")});
    if (!failure.isEmpty()) {
        *skip = QStringLiteral("the PostgreSQL of %1 is not usable: %2")
                        .arg(QLatin1StringView(kUrlVariable), failure);
        return {};
    }
    return mine;
}

} // namespace storebackend

// In init(): for the "postgresql" row, sets `url` to a fresh database or skips the test.
#define STOREBACKEND_PREPARE(url)                                                                  \
    do {                                                                                           \
        (url).clear();                                                                             \
        QFETCH_GLOBAL(bool, postgres);                                                             \
        if (postgres) {                                                                            \
            QString skip_;                                                                         \
            (url) = storebackend::freshPostgres(&skip_);                                           \
            if ((url).isEmpty())                                                                   \
                QSKIP(qPrintable(skip_));                                                          \
        }                                                                                          \
    } while (false)

// At the top of a test that is about SQLite files or PRAGMAs.
#define STOREBACKEND_SQLITE_ONLY(url, why)                                                         \
    do {                                                                                           \
        if (!(url).isEmpty())                                                                      \
            QSKIP("SQLite only: " why);                                                            \
    } while (false)
