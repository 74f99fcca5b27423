#include "store/sqlitestatement.h"

#include "common/logging.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <utility>

namespace bw {

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    const QSqlDriver *driver = db.driver();
    if (!db.isOpen() || !driver || driver->dbmsType() != QSqlDriver::SQLite)
        return nullptr;
    const QVariant handle = driver->handle();
    // QSQLITE hands out its connection as the QVariant type "sqlite3*".
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    // The connection may only be used through the library QSQLITE itself calls (Debian's links
    // the system libsqlite3; a Qt built with its own copy of SQLite does not): asked once, the
    // plugin's SQLite must name the same source as the one linked here, else QSqlQuery it is.
    static const bool sameLibrary = [&db] {
        // Should the plugin still carry its own copy of the same release, the one linked here
        // is then set up too (its allocator and mutexes), instead of being used unset.
        if (sqlite3_initialize() != SQLITE_OK)
            return false;
        QSqlQuery q(db);
        const bool same = q.exec(QStringLiteral("SELECT sqlite_source_id()")) && q.next()
                          && q.value(0).toString().toUtf8() == QByteArray(sqlite3_sourceid());
        if (!same)
            qCWarning(lcStore) << "Qt's SQLite driver uses another SQLite than"
                               << sqlite3_sourceid() << "; writing through Qt's binding (slower)";
        return same;
    }();
    if (!sameLibrary)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt); // a no-op on null
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_phase(std::exchange(other.m_phase, Phase::Ready))
    , m_kept(std::move(other.m_kept))
    , m_error(std::move(other.m_error))
{}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_phase = std::exchange(other.m_phase, Phase::Ready);
        m_kept = std::move(other.m_kept);
        m_error = std::move(other.m_error);
    }
    return *this;
}

bool SqliteStatement::prepare(sqlite3 *db, const QString &sql)
{
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db = db;
    m_error.clear();
    if (!db) {
        m_error = QStringLiteral("no SQLite connection");
        return false;
    }
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_stmt, nullptr)
        != SQLITE_OK) {
        setError();
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return false;
    }
    // Value i is parameter i + 1 only when the placeholders are ? or first appear as :v0, :v1,
    // … in order; anything else is refused rather than bound to the wrong column.
    const int count = sqlite3_bind_parameter_count(m_stmt);
    for (int i = 0; i < count; ++i) {
        const char *name = sqlite3_bind_parameter_name(m_stmt, i + 1); // null for ?
        if (name && QByteArray(name) != ":v" + QByteArray::number(i)) {
            m_error = QStringLiteral("unexpected placeholder %1 in a statement")
                              .arg(QString::fromUtf8(name ? name : "?"));
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
            return false;
        }
    }
    m_kept.resize(count);
    return true;
}

void SqliteStatement::keep(int i, QByteArray bytes)
{
    // The new value is bound before the old one is let go.
    m_kept[i] = std::move(bytes);
}

void SqliteStatement::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i + 1);
    keep(i, {});
}

void SqliteStatement::bindInt(int i, qint64 value)
{
    sqlite3_bind_int64(m_stmt, i + 1, value);
    keep(i, {});
}

void SqliteStatement::bindText(int i, const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    // A non-null pointer: '' is empty text, never NULL.
    sqlite3_bind_text(m_stmt, i + 1, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_STATIC);
    keep(i, std::move(utf8));
}

void SqliteStatement::bindBlob(int i, const QByteArray &bytes)
{
    if (bytes.isNull()) {
        bindNull(i);
        return;
    }
    // A zero-length BLOB still needs a non-null pointer (null would bind NULL).
    sqlite3_bind_blob64(m_stmt, i + 1, bytes.isEmpty() ? "" : bytes.constData(),
                        sqlite3_uint64(bytes.size()), SQLITE_STATIC);
    keep(i, bytes);
}

SqliteStatement::Step SqliteStatement::step()
{
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        m_phase = Phase::Rows;
        return Step::Row;
    case SQLITE_DONE:
        m_phase = Phase::Ended;
        return Step::Done;
    default:
        setError();
        sqlite3_reset(m_stmt);
        m_phase = Phase::Failed;
        return Step::Error;
    }
}

bool SqliteStatement::finish()
{
    Step s = Step::Row;
    if (m_phase == Phase::Ended)
        s = Step::Done;
    else if (m_phase == Phase::Failed)
        s = Step::Error;
    while (s == Step::Row)
        s = step();
    reset();
    return s == Step::Done;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    m_phase = Phase::Ready;
}

void SqliteStatement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
    for (QByteArray &kept : m_kept)
        kept = QByteArray();
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray SqliteStatement::bytes(int column) const
{
    if (isNull(column))
        return {};
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column); // after the pointer, as SQLite asks
    return data ? QByteArray(data, size) : QByteArray(""); // a zero-length value is not NULL
}

QString SqliteStatement::text(int column) const
{
    if (isNull(column))
        return {};
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QString::fromUtf8(data, size) : QStringLiteral("");
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

qint64 SqliteStatement::changes() const
{
    return sqlite3_changes64(m_db);
}

void SqliteStatement::setError()
{
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    if (m_error.isEmpty())
        m_error = QStringLiteral("unknown SQLite error");
}

} // namespace bw
