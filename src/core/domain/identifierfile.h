#pragma once

#include "domain/jobidentifier.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QIODevice;

namespace bw {

// Job identifiers read from a file: the one reader behind the Add jobs dialog (file button and
// drop) and `batchwatch-cli … --from-file`, so both read the same file the same way.
//
//  - txt:  identifiers separated by white space, commas, semicolons or newlines (the pasted-text
//          rules of JobIdentifier::tokenize).
//  - csv:  RFC 4180. When the first record names an identifier column — "identifier" (what
//          batchwatch's own CSV export writes), "jobArn", "jobIdentifier", "jobId", "id",
//          "arn", in that order of preference, case-insensitively — only that column is read;
//          without such a header every field is a candidate.
//  - json: an array of strings, or of objects carrying "identifier", "jobArn", "jobIdentifier"
//          or "id" (first present wins), possibly wrapped in an object under "jobs" (the JSON
//          export), "invocationJobSummaries" (a list response), "data" (Bifrost's native list)
//          or "identifiers". A file that is not valid JSON is read as text.
// A UTF-8 byte order mark is skipped. The parsers work record by record on the text; read()
// bounds what is read before anything is decoded (see its comment).
class IdentifierFile
{
public:
    enum class Format { Auto, Text, Csv, Json };

    // By suffix (case-insensitive): .csv, .json, anything else Text; "" or "-" (stdin) Auto.
    static Format formatForPath(const QString &path);
    static QStringList supportedSuffixes(); // "txt", "csv", "json"
    static bool isSupported(const QString &path);

    // The identifier tokens in `text`, in order and with their duplicates. Auto sniffs: a text
    // starting with '[' or '{' is JSON, a first line naming an identifier column is CSV.
    static QStringList tokens(const QString &text, Format format);
    // tokens(), classified, duplicates merged (first wins).
    static QList<JobIdentifier> parse(const QString &text, Format format);

    // What read() accepts at most: a list of job identifiers is far smaller.
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
    // Longest line of a text or CSV file (a JSON file may be one line of any length).
    static constexpr qint64 kMaxLineBytes = 64 * 1024;

    // Reads the device in chunks as UTF-8 and returns tokens(); `format` Auto sniffs. Refused,
    // with `error` set to one sentence and nothing decoded: more than kMaxBytes (an endless
    // device such as /dev/zero ends at the cap), a text/CSV line longer than kMaxLineBytes, a
    // NUL byte (binary data), a read error, or `cancelled` returning true (checked between
    // chunks; "interrupted").
    static std::optional<QStringList> read(QIODevice &device, Format format,
                                           QString *error = nullptr,
                                           const std::function<bool()> &cancelled = {});

    // When fewer than half of `ids` are valid identifiers: one sentence saying how many of
    // how many are not, with the first few of them and why (for refusing a file that is not a
    // list of job identifiers before any request is sent). nullopt otherwise.
    static std::optional<QString> mostlyInvalid(const QList<JobIdentifier> &ids);
};

} // namespace bw
