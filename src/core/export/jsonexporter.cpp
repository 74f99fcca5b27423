#include "export/jsonexporter.h"

#include "common/jsontext.h"

#include "wire/jobcodec.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

namespace bw {

namespace {

const QLatin1StringView kIdentifier("identifier");
const QLatin1StringView kJob("job");
const QLatin1StringView kRaw("raw");
const QLatin1StringView kFetchedAt("fetchedAt");
const QLatin1StringView kLastError("lastError");
const QLatin1StringView kHistory("history");

// Writes JSON with keys in the order they are given, in QJsonDocument's own layout (4 spaces
// per level when indented), so that a streamed document reads like a QJsonDocument one.
class OrderedJsonWriter
{
public:
    explicit OrderedJsonWriter(bool indented)
        : m_indented(indented)
    {}

    void beginObject() { open('{', false); }
    void beginArray() { open('[', true); }
    void endObject() { close('}'); }
    void endArray() { close(']'); }

    void key(QLatin1StringView name)
    {
        nextItem();
        m_out += '"';
        m_out += QByteArrayView(name.data(), name.size());
        m_out += m_indented ? QByteArrayView("\": ") : QByteArrayView("\":");
    }

    // A complete value: after key() in an object, or as the next element of an array.
    void value(const QJsonValue &v)
    {
        if (!m_levels.isEmpty() && m_levels.last().isArray)
            nextItem();
        if (v.isObject() || v.isArray()) {
            const bool empty = v.isObject() ? v.toObject().isEmpty() : v.toArray().isEmpty();
            if (empty) {
                m_out += v.isObject() ? QByteArrayView("{}") : QByteArrayView("[]");
                return;
            }
            const QJsonDocument doc
                    = v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray());
            if (!m_indented) {
                m_out += JsonText::toJson(doc);
                return;
            }
            QByteArray text = JsonText::toJson(doc, QJsonDocument::Indented);
            if (text.endsWith('\n'))
                text.chop(1);
            // Raw newlines only occur between tokens (strings escape theirs), so this nests
            // the value at the current depth.
            text.replace('\n', QByteArray('\n' + indent(m_levels.size())));
            m_out += text;
            return;
        }
        // Scalars: let QJsonDocument do the escaping and number formatting.
        const QByteArray wrapped = JsonText::toJson(QJsonArray{v});
        m_out += QByteArrayView(wrapped).sliced(1, wrapped.size() - 2);
    }

    void member(QLatin1StringView name, const QJsonValue &v)
    {
        key(name);
        value(v);
    }

    QByteArray take()
    {
        QByteArray out;
        out.swap(m_out);
        return out;
    }

private:
    struct Level
    {
        bool isArray = false;
        int count = 0;
    };

    QByteArray indent(qsizetype depth) const { return QByteArray(depth * 4, ' '); }

    void open(char bracket, bool isArray)
    {
        if (!m_levels.isEmpty() && m_levels.last().isArray)
            nextItem();
        m_out += bracket;
        m_levels.append({isArray, 0});
    }

    void close(char bracket)
    {
        const Level level = m_levels.takeLast();
        if (level.count > 0 && m_indented) {
            m_out += '\n';
            m_out += indent(m_levels.size());
        }
        m_out += bracket;
        if (m_levels.isEmpty() && m_indented)
            m_out += '\n';
    }

    void nextItem()
    {
        Level &level = m_levels.last();
        if (level.count++ > 0)
            m_out += ',';
        if (m_indented) {
            m_out += '\n';
            m_out += indent(m_levels.size());
        }
    }

    bool m_indented;
    QList<Level> m_levels;
    QByteArray m_out;
};

QJsonObject profileToJson(const ExportInput &input)
{
    QJsonObject profile;
    profile.insert(QLatin1StringView("name"), input.profileName);
    const QString url = sanitizedBaseUrlText(input.baseUrl);
    if (!url.isEmpty())
        profile.insert(QLatin1StringView("baseUrl"), url);
    return profile;
}

QJsonArray historyToJson(const QList<StatusTransition> &history)
{
    QJsonArray out;
    for (const StatusTransition &t : history)
        out.append(JsonExporter::transitionToJson(t));
    return out;
}

} // namespace

QJsonObject JsonExporter::errorToJson(const GatewayError &error, const QDateTime &at,
                                      const SecretRedactor &redactor)
{
    QJsonObject o;
    o.insert(QLatin1StringView("kind"), GatewayError::kindName(error.kind));
    if (error.httpStatus > 0)
        o.insert(QLatin1StringView("httpStatus"), error.httpStatus);
    if (!error.gatewayType.isEmpty())
        o.insert(QLatin1StringView("type"), redactor.apply(error.gatewayType));
    const QString message = error.message.isEmpty() ? error.describe() : error.message;
    o.insert(QLatin1StringView("message"), redactor.apply(message));
    if (error.retryAfterSeconds)
        o.insert(QLatin1StringView("retryAfterSeconds"), *error.retryAfterSeconds);
    if (at.isValid())
        o.insert(QLatin1StringView("at"), JobCodec::formatTimestamp(at));
    return o;
}

QJsonObject JsonExporter::transitionToJson(const StatusTransition &t)
{
    QJsonObject o;
    if (t.from)
        o.insert(QLatin1StringView("from"), t.from->raw());
    o.insert(QLatin1StringView("to"), t.to.raw());
    if (t.observedAt.isValid())
        o.insert(QLatin1StringView("observedAt"), JobCodec::formatTimestamp(t.observedAt));
    if (t.lastModifiedTime && t.lastModifiedTime->isValid())
        o.insert(QLatin1StringView("lastModifiedTime"),
                 JobCodec::formatTimestamp(*t.lastModifiedTime));
    return o;
}

QJsonObject JsonExporter::jobToJson(const ExportJob &job, const SecretRedactor &redactor)
{
    const WatchedJob &w = job.watched;
    QJsonObject o;
    o.insert(kIdentifier, w.identifier);
    o.insert(kJob, JobCodec::toJson(w.job));
    o.insert(kRaw, w.rawBody());
    if (w.fetchedAt.isValid())
        o.insert(kFetchedAt, JobCodec::formatTimestamp(w.fetchedAt));
    if (w.lastError)
        o.insert(kLastError, errorToJson(*w.lastError, w.lastErrorAt, redactor));
    o.insert(kHistory, historyToJson(job.history));
    return o;
}

QJsonObject JsonExporter::toJson(const ExportInput &input)
{
    const SecretRedactor redactor(input.baseUrl);
    QJsonArray jobs;
    for (const ExportJob &job : input.jobs)
        jobs.append(jobToJson(job, redactor));
    QJsonObject root;
    root.insert(QLatin1StringView("exportedAt"),
                JobCodec::formatTimestamp(effectiveExportedAt(input)));
    root.insert(QLatin1StringView("profile"), profileToJson(input));
    root.insert(QLatin1StringView("jobs"), jobs);
    return root;
}

ExportResult JsonExporter::write(const ExportInput &input, QIODevice &device,
                                 const ExportProgress &progress)
{
    const int total = int(input.jobs.size());
    if (!reportProgress(progress, 0, total))
        return ExportResult::cancelled();

    const SecretRedactor redactor(input.baseUrl);
    OrderedJsonWriter json(m_options.indented);
    QString error;

    json.beginObject();
    json.member(QLatin1StringView("exportedAt"),
                JobCodec::formatTimestamp(effectiveExportedAt(input)));
    json.key(QLatin1StringView("profile"));
    json.beginObject();
    const QJsonObject profile = profileToJson(input);
    json.member(QLatin1StringView("name"), profile.value(QLatin1StringView("name")));
    if (profile.contains(QLatin1StringView("baseUrl")))
        json.member(QLatin1StringView("baseUrl"), profile.value(QLatin1StringView("baseUrl")));
    json.endObject();
    json.key(QLatin1StringView("jobs"));
    json.beginArray();

    for (int i = 0; i < total; ++i) {
        const QJsonObject entry = jobToJson(input.jobs.at(i), redactor);
        json.beginObject();
        for (const QLatin1StringView key :
             {kIdentifier, kJob, kRaw, kFetchedAt, kLastError, kHistory}) {
            const auto it = entry.constFind(key);
            if (it != entry.constEnd())
                json.member(key, *it);
        }
        json.endObject();
        if (!writeAll(device, json.take(), &error))
            return ExportResult::failed(error);
        if (!reportProgress(progress, i + 1, total))
            return ExportResult::cancelled();
    }

    json.endArray();
    json.endObject();
    if (!writeAll(device, json.take(), &error))
        return ExportResult::failed(error);
    return ExportResult::written(total);
}

} // namespace bw
