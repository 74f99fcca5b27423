#include "domain/identifierfile.h"

#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <utility>

namespace bw {

namespace {

const QStringList &identifierColumns()
{
    static const QStringList names{
            QStringLiteral("identifier"), QStringLiteral("jobArn"), QStringLiteral("jobIdentifier"),
            QStringLiteral("jobId"),      QStringLiteral("id"),     QStringLiteral("arn")};
    return names;
}

// Calls `record` for each RFC 4180 record: quoted fields may hold separators, doubled quotes
// and line breaks. Stops early when `record` returns false.
template<typename Record>
void forEachCsvRecord(QStringView text, Record record)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            fields << std::exchange(field, {});
            fieldStarted = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            fields << std::exchange(field, {});
            fieldStarted = false;
            if (!record(std::exchange(fields, {})))
                return;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
        fields << field;
        record(fields);
    }
}

qsizetype identifierColumn(const QStringList &header)
{
    for (const QString &name : identifierColumns()) {
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return i;
        }
    }
    return -1;
}

QStringList csvTokens(QStringView text)
{
    QStringList out;
    qsizetype column = -2; // -2: header not seen yet, -1: no identifier column
    forEachCsvRecord(text, [&](const QStringList &fields) {
        if (column == -2) {
            column = identifierColumn(fields);
            if (column >= 0)
                return true; // the header names the column; it is no identifier itself
        }
        if (column >= 0) {
            if (column < fields.size())
                out += JobIdentifier::tokenize(fields.at(column));
        } else {
            for (const QString &f : fields)
                out += JobIdentifier::tokenize(f);
        }
        return true;
    });
    return out;
}

void collectJson(const QJsonValue &value, QStringList &out)
{
    if (value.isString()) {
        const QString s = value.toString().trimmed();
        if (!s.isEmpty())
            out << s;
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &v : array)
            collectJson(v, out);
    } else if (value.isObject()) {
        const QJsonObject obj = value.toObject();
        for (const char *key : {"identifier", "jobArn", "jobIdentifier", "id"}) {
            const QJsonValue v = obj.value(QLatin1StringView(key));
            if (v.isString()) {
                collectJson(v, out);
                return;
            }
        }
        for (const char *key : {"jobs", "invocationJobSummaries", "data", "identifiers"}) {
            const QJsonValue v = obj.value(QLatin1StringView(key));
            if (v.isArray())
                collectJson(v, out);
        }
    }
}

bool jsonTokens(const QString &text, QStringList *out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return false;
    collectJson(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), *out);
    return true;
}

bool looksLikeCsvHeader(QStringView text)
{
    const qsizetype end = text.indexOf(u'\n');
    const QStringView first = end < 0 ? text : text.left(end);
    if (!first.contains(u','))
        return false;
    bool found = false;
    forEachCsvRecord(first, [&found](const QStringList &fields) {
        found = identifierColumn(fields) >= 0;
        return false;
    });
    return found;
}

} // namespace

IdentifierFile::Format IdentifierFile::formatForPath(const QString &path)
{
    if (path.isEmpty() || path == u"-")
        return Format::Auto;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv")
        return Format::Csv;
    if (suffix == u"json")
        return Format::Json;
    return Format::Text;
}

QStringList IdentifierFile::supportedSuffixes()
{
    return {QStringLiteral("txt"), QStringLiteral("csv"), QStringLiteral("json")};
}

bool IdentifierFile::isSupported(const QString &path)
{
    return supportedSuffixes().contains(QFileInfo(path).suffix().toLower());
}

QStringList IdentifierFile::tokens(const QString &input, Format format)
{
    QStringView text(input);
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);
    const QStringView trimmed = text.trimmed();
    if (format == Format::Auto) {
        if (trimmed.startsWith(u'[') || trimmed.startsWith(u'{'))
            format = Format::Json;
        else if (looksLikeCsvHeader(trimmed))
            format = Format::Csv;
        else
            format = Format::Text;
    }
    switch (format) {
    case Format::Json: {
        QStringList out;
        if (jsonTokens(trimmed.toString(), &out))
            return out;
        return JobIdentifier::tokenize(text.toString());
    }
    case Format::Csv:
        return csvTokens(text);
    case Format::Auto:
    case Format::Text:
        break;
    }
    return JobIdentifier::tokenize(text.toString());
}

QList<JobIdentifier> IdentifierFile::parse(const QString &text, Format format)
{
    QList<JobIdentifier> result;
    QSet<QString> seen;
    const QStringList all = tokens(text, format);
    for (const QString &token : all) {
        if (seen.contains(token))
            continue;
        seen.insert(token);
        result.append(JobIdentifier::parse(token));
    }
    return result;
}

std::optional<QStringList> IdentifierFile::read(QIODevice &device, Format format, QString *error,
                                                const std::function<bool()> &cancelled)
{
    auto fail = [error](const QString &message) -> std::optional<QStringList> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    constexpr qint64 kChunk = 64 * 1024;
    QByteArray bytes;
    qint64 lineStart = 0; // offset in `bytes` of the current line
    int line = 1;
    std::optional<bool> json; // known once the first non-blank byte was seen
    for (;;) {
        if (cancelled && cancelled())
            return fail(QStringLiteral("interrupted while reading the identifiers"));
        const qsizetype before = bytes.size();
        const qint64 room = kMaxBytes + 1 - before;
        bytes.resize(before + qsizetype(std::min(kChunk, room)));
        const qint64 got = device.read(bytes.data() + before, bytes.size() - before);
        if (got < 0) {
            bytes.resize(before);
            if (device.atEnd())
                break;
            return fail(QStringLiteral("cannot read: %1").arg(device.errorString()));
        }
        bytes.resize(before + qsizetype(got));
        if (got == 0) {
            if (device.atEnd() || !device.waitForReadyRead(-1))
                break;
            continue;
        }
        if (bytes.size() > kMaxBytes)
            return fail(QStringLiteral("larger than %1 MiB; that is not a list of job identifiers")
                                .arg(kMaxBytes / (1024 * 1024)));
        for (qsizetype i = before; i < bytes.size(); ++i) {
            const char c = bytes.at(i);
            if (c == '\0')
                return fail(QStringLiteral("binary data (a NUL byte at offset %1); that is not a "
                                           "list of job identifiers")
                                    .arg(i));
            if (!json && !QChar::isSpace(uchar(c)) && uchar(c) != 0xEF && uchar(c) != 0xBB
                && uchar(c) != 0xBF)
                json = (c == '[' || c == '{') && format != Format::Text && format != Format::Csv;
            if (c == '\n') {
                lineStart = i + 1;
                ++line;
            } else if (i - lineStart >= kMaxLineBytes && !json.value_or(false)) {
                return fail(QStringLiteral("line %1 is longer than %2 KiB; that is not a list of "
                                           "job identifiers")
                                    .arg(line)
                                    .arg(kMaxLineBytes / 1024));
            }
        }
    }
    return tokens(QString::fromUtf8(bytes), format);
}

std::optional<QString> IdentifierFile::mostlyInvalid(const QList<JobIdentifier> &ids)
{
    QStringList examples;
    qsizetype invalid = 0;
    for (const JobIdentifier &id : ids) {
        if (id.isValid())
            continue;
        if (++invalid <= 3) {
            const QString text = id.text().size() > 40 ? id.text().left(37) + QStringLiteral("...")
                                                       : id.text();
            examples << QStringLiteral("\"%1\" (%2)").arg(text, id.invalidReason());
        }
    }
    if (invalid == 0 || invalid * 2 <= ids.size())
        return std::nullopt;
    return QStringLiteral("%1 of %2 entries are not job identifiers, e.g. %3")
            .arg(invalid)
            .arg(ids.size())
            .arg(examples.join(QStringLiteral(", ")));
}

} // namespace bw
