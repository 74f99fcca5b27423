#pragma once

// A prepared statement on the sqlite3 connection under a QSqlDatabase ("QSQLITE"), through
// SQLite's own C API: values are bound as they are (UTF-8 text, BLOBs, 64-bit integers) without
// a QVariant each or Qt's UTF-16 round trip. JobStore runs a refresh's per-job statements this
// way on SQLite (what Qt's binding cost was the largest part after SQLite itself); PostgreSQL and
// everything else keep QSqlQuery.

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace bw {

class SqliteStatement
{
public:
    // The sqlite3 connection of `db`, or null when `db` is not an open QSQLITE connection.
    static sqlite3 *handleOf(const QSqlDatabase &db);

    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Prepares `sql`, whose placeholders are ? or :v0, :v1, … in the order they first appear (as
    // JobStore writes them for QSqlQuery); false with error() set when it cannot.
    bool prepare(sqlite3 *db, const QString &sql);
    bool isPrepared() const { return m_stmt != nullptr; }

    // Value `i` (0-based, the i of :vi). The text and bytes are kept until the value is bound
    // again or the statement is destroyed.
    void bindNull(int i);
    void bindInt(int i, qint64 value);
    void bindText(int i, const QString &text);     // as UTF-8; a null QString is bound as ''
    void bindBlob(int i, const QByteArray &bytes); // a null QByteArray is bound as NULL

    enum class Step { Row, Done, Error };
    // Runs the statement to its next row. On Error, error() says why.
    Step step();
    // Runs it to the end (every row of RETURNING read), then resets it for the next values.
    bool finish();
    // Makes it ready to run again (keeps the bound values).
    void reset();
    // Lets go of every bound value (all are NULL until bound again): what a text or BLOB was
    // bound from is no longer shared with the statement (a caller may reuse its buffer).
    void clearBindings();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    // The column's bytes as SQLite gives them (TEXT as UTF-8, BLOB as it is); null when NULL.
    QByteArray bytes(int column) const;
    // The column as text (TEXT read as UTF-8, a BLOB's bytes likewise); null when NULL.
    QString text(int column) const;
    // The rowid of the last row this connection inserted.
    qint64 lastInsertRowId() const;
    // The rows the last INSERT, UPDATE or DELETE of this connection changed.
    qint64 changes() const;

    QString error() const { return m_error; }

private:
    void keep(int i, QByteArray bytes);
    void setError();

    // Where the statement is since its last reset: finish() steps on only from Ready or Rows
    // (stepping one that returned DONE would run it again).
    enum class Phase { Ready, Rows, Ended, Failed };

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    Phase m_phase = Phase::Ready;
    QList<QByteArray> m_kept; // what each text or BLOB value points into
    QString m_error;
};

} // namespace bw
