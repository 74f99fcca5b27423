#pragma once

#include "wire/clienttext.h"
#include "wire/jobcodec.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace bw {

// How an error message names what a field held: "a number", "an array", "null", ... (in
// English and in the interface's language).
ClientText jsonTypeName(const QJsonValue &value);
// The type of a JSON value as a ParseProblem says what was found (Undefined: None).
ValueType jsonValueType(const QJsonValue &value);

// A GatewayError of kind BadBody whose message is `why` in English, and its shownMessage `why`
// in the interface's language (when a translator is installed: the app's views show it).
GatewayError badBody(const ClientText &why);
// A 2xx body that must be one JSON object: the object, or a BadBody error saying why it is not
// one ("the body is empty", an HTML page, not valid JSON, JSON but not an object).
Expected<QJsonObject> parseBodyObject(const QByteArray &body);

// Why a job body without a readable identity or status is refused: "the <noun> body has no
// readable status (an array)" when the identifier was read, "... no readable <idKey> (a
// number)" when the status was, "... no readable <idKey> (missing) nor status (empty)" when
// neither; then the other fields of the wrong type by path (at most ten, then how many more).
// The values stay out of the message.
// `noun` is "job" or "batch" (translated), `idKey` the identifier's key (never translated).
ClientText unreadableJob(const QJsonObject &obj, const QList<ParseProblem> &problems,
                         const ClientText &noun, QLatin1StringView idKey, bool idReadable);

// At most this many entries of one list are reported one by one; the rest are counted in one
// problem of kind MoreEntries (a hostile body of millions of wrong entries stays small).
inline constexpr int kMaxEntryProblems = 10;

// A list page (of jobs or batches) is read up to kMaxListEntries entries (a real page holds at
// most 1,000); the rest are one TooManyEntries problem. The problems of its entries are kept up
// to kMaxListProblems, the rest counted in one MoreProblems problem: a hostile 16 MiB page of a
// million bad entries stays a few MB, not a GB.
inline constexpr int kMaxListEntries = 10000;
inline constexpr int kMaxListProblems = 100;

class ListPageProblems
{
public:
    ListPageProblems(QList<ParseProblem> &problems, QString listPath, qsizetype entries)
        : m_problems(problems)
        , m_listPath(std::move(listPath))
        , m_entries(entries)
    {}
    ~ListPageProblems();
    ListPageProblems(const ListPageProblems &) = delete;
    ListPageProblems &operator=(const ListPageProblems &) = delete;
    // False once kMaxListEntries entries were read: stop.
    bool take() { return m_read++ < kMaxListEntries; }
    // One problem of the entry at `itemPath` (its field relative to the entry).
    void add(const QString &itemPath, ParseProblem p);

private:
    QList<ParseProblem> &m_problems;
    QString m_listPath;
    qsizetype m_entries = 0;
    qsizetype m_read = 0;
    qsizetype m_added = 0;
    qsizetype m_leftOut = 0;
};

// Unix seconds as a UTC instant; nullopt unless finite, after the epoch and before the year 10000.
std::optional<QDateTime> fromEpochSeconds(double secs);
// `d` as an integer when it is a whole number a double holds exactly (|d| <= 2^53); else nullopt.
std::optional<qint64> exactInteger(double d);

// The entries of one list (at `listPath`) that are not of the `expected` type: the first
// kMaxEntryProblems are problems of their own ("listPath[i]"), the rest are counted in one
// MoreEntries problem on the list, appended when this goes out of scope.
class EntryProblems
{
public:
    EntryProblems(QList<ParseProblem> &problems, QString listPath, ValueType expected)
        : m_problems(problems)
        , m_listPath(std::move(listPath))
        , m_expected(expected)
    {}
    ~EntryProblems();
    EntryProblems(const EntryProblems &) = delete;
    EntryProblems &operator=(const EntryProblems &) = delete;
    void add(qsizetype index, const QJsonValue &found);

private:
    QList<ParseProblem> &m_problems;
    QString m_listPath;
    ValueType m_expected;
    qsizetype m_count = 0;
};

// Calls `each(object, path)` for the elements of `array` (named `name` in problems) that are
// objects, with path "name[i]"; any other element is a problem at that path (the first
// kMaxEntryProblems, then one MoreEntries problem on `name`). Stops early when `each` returns
// false.
void forEachObject(const QJsonArray &array, const QString &name, QList<ParseProblem> &problems,
                   const std::function<bool(const QJsonObject &, const QString &)> &each);

// Reads typed fields of one JSON object for a codec (JobCodec, NativeCodec). Absent and null
// both mean "not reported"; a value of the wrong type becomes a ParseProblem on the field's path
// (prefix.key) and reads as absent, never as a silent zero or empty string. Codecs derive from it
// to add the readers of their own value shapes (counts, timestamps, ...).
class JsonFieldReader
{
public:
    JsonFieldReader(QJsonObject object, QList<ParseProblem> &problems, QString prefix = {})
        : m_obj(std::move(object))
        , m_problems(problems)
        , m_prefix(std::move(prefix))
    {}

    QString path(QLatin1StringView key) const
    {
        return m_prefix.isEmpty() ? QString(key) : m_prefix + u'.' + key;
    }
    // Records `p` on this reader's path of `key`.
    void problem(QLatin1StringView key, ParseProblem p)
    {
        p.field = path(key);
        m_problems.append(std::move(p));
    }
    // `key` held `v` where a value of type `expected` was meant.
    void wrongType(QLatin1StringView key, ValueType expected, const QJsonValue &v,
                   QString value = {})
    {
        problem(key, ParseProblem::wrongType({}, expected, jsonValueType(v), std::move(value)));
    }
    QJsonValue value(QLatin1StringView key) const { return m_obj.value(key); }
    bool present(QLatin1StringView key) const
    {
        const QJsonValue v = m_obj.value(key);
        return !v.isUndefined() && !v.isNull();
    }

    std::optional<QString> string(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    std::optional<QJsonObject> object(QLatin1StringView key);
    std::optional<QJsonArray> array(QLatin1StringView key);

protected:
    QJsonObject m_obj;
    QList<ParseProblem> &m_problems;
    QString m_prefix;
};

} // namespace bw
