#include "domain/jobidentifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace bw {

namespace {
constexpr qsizetype kMaxIdentifierLength = 2048;

// A Bedrock job id: 12 letters and digits. AWS hands out lower case, but gateways in front of
// other stores return mixed case, and a random mixed-case id need not contain a digit. Only the
// shape of a capitalised word ("Stockholders": one capital, then lower case, no digit) is
// not taken for an id.
bool isJobId(const QString &s)
{
    if (s.size() != 12)
        return false;
    bool digit = false;
    int upper = 0;
    for (QChar c : s) {
        if (c >= u'0' && c <= u'9')
            digit = true;
        else if (c >= u'A' && c <= u'Z')
            ++upper;
        else if (!(c >= u'a' && c <= u'z'))
            return false;
    }
    const bool capitalisedWord = !digit && upper == 1 && s.front().isUpper();
    return !capitalisedWord;
}

bool isIdChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || c == u'_' || c == u'-' || c == u'.';
}

bool allIdChars(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isIdChar);
}

bool isBase64Char(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || c == u'+' || c == u'/' || c == u'=' || c == u'-' || c == u'_';
}

// The base64 (standard or URL-safe, padded or not) of a Bedrock job ARN in any partition, as
// some integration routes use for an id.
bool isBase64OfJobArn(const QString &s)
{
    if (!s.startsWith(QLatin1StringView("YXJuOm")) // base64("arn:")
        || !std::all_of(s.begin(), s.end(), isBase64Char))
        return false;
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
                s.toLatin1(), options | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded) {
            const JobIdentifier arn = JobIdentifier::parse(QString::fromLatin1(decoded.decoded));
            return arn.kind() == IdentifierKind::Arn;
        }
    }
    return false;
}

// Provider batch ids a gateway passes through: OpenAI/Azure "batch_…", Anthropic "msgbatch_…",
// Gemini "batches/…", and the base64 of a Bedrock job ARN (some integration routes).
bool isProviderId(const QString &s)
{
    for (QLatin1StringView prefix : {QLatin1StringView("batch_"), QLatin1StringView("msgbatch_")}) {
        if (s.startsWith(prefix) && s.size() > prefix.size()
            && allIdChars(QStringView(s).mid(prefix.size())))
            return true;
    }
    const QLatin1StringView gemini("batches/");
    if (s.startsWith(gemini) && s.size() > gemini.size()
        && allIdChars(QStringView(s).mid(gemini.size())))
        return true;
    return isBase64OfJobArn(s);
    return false;
}

// Any other random-looking backend id: long, letters and digits mixed, no spaces. Words,
// however long, have no digits.
bool looksGenerated(const QString &s)
{
    if (s.size() < 16 || !allIdChars(s))
        return false;
    const bool letter = std::any_of(s.begin(), s.end(), [](QChar c) { return c.isLetter(); });
    const bool digit = std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
    return letter && digit;
}

// Linear in the token's length however many quotes surround it (a view shrinks; nothing is
// copied until the end): a pasted run of 65,000 quote characters once took minutes.
QString stripQuotes(const QString &token)
{
    QStringView view(token);
    while (view.size() >= 2
           && ((view.front() == u'"' && view.back() == u'"')
               || (view.front() == u'\'' && view.back() == u'\''))) {
        view = view.sliced(1, view.size() - 2).trimmed();
    }
    return view.size() == token.size() ? token : view.toString();
}

void collectJsonIdentifiers(const QJsonValue &value, QStringList &out)
{
    if (value.isString()) {
        out << value.toString();
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectJsonIdentifiers(v, out);
    } else if (value.isObject()) {
        const QJsonObject obj = value.toObject();
        for (const char *key : {"identifier", "jobArn", "jobIdentifier"}) {
            const QJsonValue v = obj.value(QLatin1StringView(key));
            if (v.isString()) {
                out << v.toString();
                return;
            }
        }
        for (const char *key : {"jobs", "invocationJobSummaries", "identifiers"}) {
            const QJsonValue v = obj.value(QLatin1StringView(key));
            if (v.isArray())
                collectJsonIdentifiers(v, out);
        }
    }
}
} // namespace

JobIdentifier JobIdentifier::parse(const QString &input)
{
    JobIdentifier id;
    id.m_text = input.trimmed();
    const QString &t = id.m_text;

    if (t.isEmpty()) {
        id.m_reason = QStringLiteral("empty identifier");
        return id;
    }
    if (t.size() > kMaxIdentifierLength) {
        id.m_reason = QStringLiteral("%1 characters long; an identifier has at most %2")
                              .arg(t.size())
                              .arg(kMaxIdentifierLength);
        return id;
    }
    for (QChar c : t) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            id.m_reason = QStringLiteral("contains white space or control characters (U+%1)")
                                  .arg(c.unicode(), 4, 16, QChar(u'0'));
            return id;
        }
    }

    // Anything that starts like an ARN is one: a Bedrock batch-job ARN, or refused for good
    // (an S3 or IAM ARN is never a job id, whatever the user insists).
    if (t.startsWith(QLatin1StringView("arn:"), Qt::CaseInsensitive)) {
        // arn:partition:service:region:account:resource (resource may contain ':' and '/')
        const QStringList parts = t.split(u':');
        if (parts.size() < 6) {
            id.m_reason = QStringLiteral("ARN has fewer than six ':'-separated parts");
            return id;
        }
        if (parts.at(1).isEmpty() || !parts.at(1).startsWith(QLatin1StringView("aws"))) {
            id.m_reason = QStringLiteral("ARN partition \"%1\" is not an AWS partition")
                                  .arg(parts.at(1));
            return id;
        }
        if (parts.at(2).isEmpty()) {
            id.m_reason = QStringLiteral("ARN has no service");
            return id;
        }
        const QString resource = parts.mid(5).join(u':');
        if (resource.isEmpty()) {
            id.m_reason = QStringLiteral("ARN has no resource part");
            return id;
        }
        if (parts.at(2).compare(u"bedrock", Qt::CaseInsensitive) != 0) {
            id.m_reason = QStringLiteral("an ARN of service \"%1\", not of a Bedrock batch job")
                                  .arg(parts.at(2));
            return id;
        }
        // Bedrock's own job ARNs ("model-invocation-job/<id>"), and the fake ones a gateway
        // makes for other backends ("batch:batch_67d3…"); not model, profile or guardrail
        // ARNs. The job part must be one path segment: "…/../../x" is refused.
        // The first ':' or '/' (a QRegularExpression built here cost ~10 µs per identifier).
        qsizetype cut = -1;
        for (qsizetype i = 0; i < resource.size() && cut < 0; ++i) {
            if (resource.at(i) == u':' || resource.at(i) == u'/')
                cut = i;
        }
        const QString type = cut < 0 ? resource : resource.left(cut);
        const bool bedrockJob = type.compare(u"model-invocation-job", Qt::CaseInsensitive) == 0;
        if (!bedrockJob && type.compare(u"batch", Qt::CaseInsensitive) != 0) {
            id.m_reason = QStringLiteral("a Bedrock %1 ARN, not a batch job").arg(type);
            return id;
        }
        const QString job = cut < 0 ? QString() : resource.mid(cut + 1);
        if (!allIdChars(job) || job == u"." || job == u".."
            || (bedrockJob && resource.at(cut) != u'/')) {
            id.m_reason
                    = QStringLiteral("the job part \"%1\" of the ARN is not one job id")
                              .arg(job.size() > 40 ? job.left(37) + QStringLiteral("...") : job);
            return id;
        }
        id.m_partition = parts.at(1);
        id.m_service = parts.at(2);
        id.m_region = parts.at(3);
        id.m_account = parts.at(4);
        id.m_resource = resource;
        id.m_kind = IdentifierKind::Arn;
        return id;
    }
    if (t == u"." || t == u"..") {
        id.m_reason = QStringLiteral("\"%1\" is a path step, not a job id").arg(t);
        return id;
    }

    if (isJobId(t)) {
        id.m_kind = IdentifierKind::JobId;
        return id;
    }
    if (isProviderId(t) || looksGenerated(t)) {
        id.m_kind = IdentifierKind::ProviderId;
        return id;
    }
    // Something that could be sent as a path segment but looks like no identifier a gateway
    // or provider hands out: refused unless the user insists (addAnyway()).
    id.m_forcible = true;
    if (t.size() == 12 && allIdChars(t))
        id.m_reason = QStringLiteral("a capitalised word, not a job id");
    else if (std::all_of(t.begin(), t.end(), [](QChar c) { return c.isLetter(); }))
        id.m_reason = QStringLiteral("an ordinary word, not a job id");
    else
        id.m_reason = QStringLiteral("does not look like a job id");
    return id;
}

JobIdentifier JobIdentifier::addAnyway() const
{
    if (!m_forcible)
        return *this;
    JobIdentifier copy = *this;
    copy.m_kind = IdentifierKind::AsGiven;
    copy.m_reason.clear();
    copy.m_forcible = false;
    return copy;
}

QStringList JobIdentifier::tokenize(const QString &text)
{
    QStringList raw;
    const QString trimmed = text.trimmed();
    bool parsedAsJson = false;
    if (trimmed.startsWith(u'[') || trimmed.startsWith(u'{')) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &err);
        if (err.error == QJsonParseError::NoError) {
            collectJsonIdentifiers(
                    doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), raw);
            parsedAsJson = true;
        }
    }
    if (!parsedAsJson) {
        static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
        raw = text.split(separators, Qt::SkipEmptyParts);
    }

    QStringList tokens;
    tokens.reserve(raw.size());
    for (const QString &r : std::as_const(raw)) {
        const QString token = stripQuotes(r.trimmed());
        if (!token.isEmpty())
            tokens.append(token);
    }
    return tokens;
}

QList<JobIdentifier> JobIdentifier::parseList(const QString &text)
{
    QList<JobIdentifier> result;
    QSet<QString> seen;
    const QStringList tokens = tokenize(text);
    for (const QString &token : tokens) {
        if (seen.contains(token))
            continue;
        seen.insert(token);
        result.append(parse(token));
    }
    return result;
}

QString JobIdentifier::shortId() const
{
    if (m_kind != IdentifierKind::Arn)
        return m_text;
    // model-invocation-job/k3x9p2m7q1ab or batch:batch_67d3...
    qsizetype cut = std::max(m_resource.lastIndexOf(u'/'), m_resource.lastIndexOf(u':'));
    const QString tail = cut >= 0 ? m_resource.mid(cut + 1) : m_resource;
    return tail.isEmpty() ? m_text : tail;
}

QString JobIdentifier::kindName(IdentifierKind kind)
{
    switch (kind) {
    case IdentifierKind::JobId:
        return QStringLiteral("id");
    case IdentifierKind::Arn:
        return QStringLiteral("ARN");
    case IdentifierKind::ProviderId:
        return QStringLiteral("provider id");
    case IdentifierKind::AsGiven:
        return QStringLiteral("as given");
    case IdentifierKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

} // namespace bw
