#include "wire/clienttext.h"

#include <QList>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <utility>

namespace bw {

namespace {

// What a sentence is in the catalogue below.
enum class Role : quint8 {
    Sentence, // a whole message ("%1 refused the connection")
    HtmlPage, // a whole message, also of an HTTP error (the gateway sent an HTML page)
    Suffix,   // appended to a sentence ("; also of the wrong type: %1")
    Fragment, // only ever an argument of another ("an array", "a redirect")
};

// What an argument (%1 …) of a sentence can be. Only the kinds that are batchwatch's own words
// are translated; the rest is kept as written (data: an origin, a MIME type, a title).
enum class Arg : quint8 {
    Text,   // anything not empty, kept
    Key,    // a JSON member's name ("jobArn", "id"): not empty, no space, kept
    Number, // digits (and the '.', 'e', '+', '-' of a number of seconds), kept
    Size,   // "%1 bytes", or "12 MiB" / "512 KiB" (kept)
    Hop,    // "a redirect", or "HTTP 301" (kept)
    After,  // " after %1 redirects", or nothing
    Noun,   // "job", "batch"
    What,   // "missing", "empty", or a Type
    Type,   // "a boolean" … "an object", or "null" / "undefined" (kept)
};

// The fragment groups an Arg reads.
enum class Group : quint8 { None, Bytes, Redirect, After, Noun, Presence, Type };

struct Entry
{
    const char *source; // exactly as at its QT_TRANSLATE_NOOP("bw::GatewayClient", …)
    Role role = Role::Sentence;
    std::array<Arg, 4> args{};
    Group group = Group::None; // a Fragment's group
};

using A = Arg;

// Every sentence of context bw::GatewayClient (wire/gatewayclient.cpp, jsonfieldreader.cpp,
// jobcodec.cpp, nativecodec.cpp). tst_uilanguage fails when one is missing or is no more.
const Entry kEntries[] = {
        {"%1 bytes", Role::Fragment, {A::Number}, Group::Bytes},
        {"the gateway answered HTTP %1 with an empty body", Role::Sentence, {A::Number}},
        {"the gateway answered HTTP %1 without a Content-Type, so the body was not read as JSON",
         Role::Sentence,
         {A::Number}},
        {"the gateway answered HTTP %1 with %2 instead of JSON",
         Role::Sentence,
         {A::Number, A::Text}},
        {" (an HTML page, not an API route)", Role::Suffix, {}},
        {"the health body is not valid JSON (%1 at offset %2)",
         Role::Sentence,
         {A::Text, A::Number}},
        {"the health body is JSON but not an object", Role::Sentence, {}},
        {"the gateway URL is not a valid http or https URL", Role::Sentence, {}},
        {"the CA bundle %1 cannot be read", Role::Sentence, {A::Text}},
        {"the CA bundle %1 holds no PEM certificate", Role::Sentence, {A::Text}},
        {"this build has no TLS support for the CA bundle %1", Role::Sentence, {A::Text}},
        {"no complete answer from %1 within %2 s", Role::Sentence, {A::Text, A::Number}},
        {"a redirect", Role::Fragment, {}, Group::Redirect},
        {"a redirect loop (more than %1 redirects within %2)",
         Role::Sentence,
         {A::Number, A::Text}},
        {"a redirect loop (%1 back to an address already visited, after %2 redirects within %3)",
         Role::Sentence,
         {A::Hop, A::Number, A::Text}},
        {"%1 would turn this %2 into a GET", Role::Sentence, {A::Hop, A::Text}},
        {"%1 to %2, another origin than the gateway (%3)",
         Role::Sentence,
         {A::Hop, A::Text, A::Text}},
        {"the gateway did not send an HTTP response", Role::Sentence, {}},
        {" after %1 redirects", Role::Fragment, {A::Number}, Group::After},
        {"no final answer from %1%2 (only HTTP %3)",
         Role::Sentence,
         {A::Text, A::After, A::Number}},
        {"more than %1, the limit for one response", Role::Sentence, {A::Size}},
        {"nothing arrived from %1 for %2 s", Role::Sentence, {A::Text, A::Number}},
        {"the connection to %1 timed out", Role::Sentence, {A::Text}},
        {"more than %1 redirects", Role::Sentence, {A::Number}},
        {"a redirect from https to http", Role::Sentence, {}},
        {"%1 refused the connection", Role::Sentence, {A::Text}},
        {"the host %1 was not found", Role::Sentence, {A::Text}},
        {"%1 closed the connection before the whole response arrived", Role::Sentence, {A::Text}},
        {"%1 closed the connection", Role::Sentence, {A::Text}},
        {"the network access manager was destroyed", Role::Sentence, {}},
        {"%1 began to answer (HTTP %2) but the whole answer did not arrive within %3 s",
         Role::Sentence,
         {A::Text, A::Number, A::Number}},
        {"the body is a JSON object without any job field", Role::Sentence, {}},
        {"job", Role::Fragment, {}, Group::Noun},
        {"the body has no invocationJobSummaries", Role::Sentence, {}},
        {"invocationJobSummaries is %1, not an array", Role::Sentence, {A::Type}},
        {"a boolean", Role::Fragment, {}, Group::Type},
        {"a number", Role::Fragment, {}, Group::Type},
        {"a string", Role::Fragment, {}, Group::Type},
        {"an array", Role::Fragment, {}, Group::Type},
        {"an object", Role::Fragment, {}, Group::Type},
        {"the body is empty", Role::Sentence, {}},
        {"the body is an HTML page, not JSON", Role::Sentence, {}},
        {"the body is not valid JSON (%1 at offset %2)", Role::Sentence, {A::Text, A::Number}},
        {"the body is JSON but not an object", Role::Sentence, {}},
        {"missing", Role::Fragment, {}, Group::Presence},
        {"empty", Role::Fragment, {}, Group::Presence},
        {"the %1 body has no readable status (%2)", Role::Sentence, {A::Noun, A::What}},
        {"the %1 body has no readable %2 (%3)", Role::Sentence, {A::Noun, A::Key, A::What}},
        {"the %1 body has no readable %2 (%3) nor status (%4)",
         Role::Sentence,
         {A::Noun, A::Key, A::What, A::What}},
        {"; also of the wrong type: %1", Role::Suffix, {A::Text}},
        {" and %1 more", Role::Suffix, {A::Number}},
        {"batch", Role::Fragment, {}, Group::Noun},
        {"\"data\" is %1, not a list of batches", Role::Sentence, {A::Type}},
        {"the body is not a list of batches (no \"data\")", Role::Sentence, {}},
        {"the body is not a results page (no \"results\")", Role::Sentence, {}},
        {"\"results\" is %1, not a list of records", Role::Sentence, {A::Type}},
        {"the gateway answered with an HTML page", Role::HtmlPage, {}},
        {"the gateway answered with an HTML page (%1)", Role::HtmlPage, {A::Text}},
};

// A source cut at its placeholders: literal text, or the index (0-3) of an argument.
struct Segment
{
    QString literal;
    int arg = -1;
};

struct Compiled
{
    const Entry *entry = nullptr;
    QList<Segment> segments;
    int argCount = 0;
    qsizetype literalSize = 0; // the characters that are not arguments
};

Compiled compile(const Entry &e)
{
    Compiled c;
    c.entry = &e;
    const QString source = QString::fromUtf8(e.source);
    QString literal;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar ch = source.at(i);
        if (ch == u'%' && i + 1 < source.size() && source.at(i + 1) >= u'1'
            && source.at(i + 1) <= u'4') {
            c.literalSize += literal.size();
            if (!literal.isEmpty())
                c.segments.append({std::exchange(literal, QString()), -1});
            const int arg = source.at(i + 1).unicode() - u'1';
            c.segments.append({QString(), arg});
            c.argCount = std::max(c.argCount, arg + 1);
            ++i;
        } else {
            literal += ch;
        }
    }
    c.literalSize += literal.size();
    if (!literal.isEmpty())
        c.segments.append({literal, -1});
    return c;
}

const QList<Compiled> &catalogue()
{
    static const QList<Compiled> all = [] {
        QList<Compiled> out;
        for (const Entry &e : kEntries)
            out.append(compile(e));
        // The most words of its own first: "the %1 body has no readable %2 (%3) nor status (%4)"
        // before "the %1 body has no readable %2 (%3)", whose %2 could take "jobArn (…) nor
        // status".
        std::stable_sort(out.begin(), out.end(), [](const Compiled &a, const Compiled &b) {
            return a.literalSize > b.literalSize;
        });
        return out;
    }();
    return all;
}

QString shownSource(const Entry &e)
{
    return QCoreApplication::translate("bw::GatewayClient", e.source);
}

QString fill(const QString &pattern, const QStringList &args)
{
    switch (args.size()) {
    case 0:
        return pattern;
    case 1:
        return pattern.arg(args[0]);
    case 2:
        return pattern.arg(args[0], args[1]);
    case 3:
        return pattern.arg(args[0], args[1], args[2]);
    default:
        return pattern.arg(args[0], args[1], args[2], args[3]);
    }
}

bool readEntry(const Compiled &c, QStringView text, QString *shown);

// `text` read as one fragment of `group`, in the interface's language.
bool readFragment(Group group, QStringView text, QString *shown)
{
    for (const Compiled &c : catalogue()) {
        if (c.entry->role == Role::Fragment && c.entry->group == group && readEntry(c, text, shown))
            return true;
    }
    return false;
}

bool isNumber(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!c.isDigit() && c != u'.' && c != u'e' && c != u'+' && c != u'-')
            return false;
    }
    return true;
}

// "<digits><unit>", as formatBytes() and the redirect's "HTTP %1" write it.
bool isCount(QStringView text, QStringView prefix, QStringView suffix)
{
    if (!text.startsWith(prefix) || !text.endsWith(suffix)
        || text.size() <= prefix.size() + suffix.size())
        return false;
    const QStringView digits
            = text.sliced(prefix.size(), text.size() - prefix.size() - suffix.size());
    return std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); });
}

// `text` read as an argument of kind `kind`; what it shows as in *shown.
bool readArg(Arg kind, QStringView text, QString *shown)
{
    switch (kind) {
    case Arg::Text:
        *shown = text.toString();
        return !text.isEmpty();
    case Arg::Key:
        *shown = text.toString();
        return !text.isEmpty() && !text.contains(u' ');
    case Arg::Number:
        *shown = text.toString();
        return isNumber(text);
    case Arg::Size:
        if (isCount(text, {}, u" MiB") || isCount(text, {}, u" KiB")) {
            *shown = text.toString();
            return true;
        }
        return readFragment(Group::Bytes, text, shown);
    case Arg::Hop:
        if (isCount(text, u"HTTP ", {})) {
            *shown = text.toString();
            return true;
        }
        return readFragment(Group::Redirect, text, shown);
    case Arg::After:
        if (text.isEmpty()) {
            shown->clear();
            return true;
        }
        return readFragment(Group::After, text, shown);
    case Arg::Noun:
        return readFragment(Group::Noun, text, shown);
    case Arg::What:
        return readFragment(Group::Presence, text, shown) || readArg(Arg::Type, text, shown);
    case Arg::Type:
        if (text == u"null" || text == u"undefined") {
            *shown = text.toString();
            return true;
        }
        return readFragment(Group::Type, text, shown);
    }
    return false;
}

// Segments [seg, end) of `c` read from text[pos, end of text); the arguments' words in `args`.
bool readSegments(const Compiled &c, qsizetype seg, QStringView text, qsizetype pos,
                  QStringList &args)
{
    if (seg == c.segments.size())
        return pos == text.size();
    const Segment &s = c.segments.at(seg);
    if (s.arg < 0)
        return text.sliced(pos).startsWith(s.literal)
               && readSegments(c, seg + 1, text, pos + s.literal.size(), args);
    const bool last = seg + 1 == c.segments.size();
    const QString *next = last ? nullptr : &c.segments.at(seg + 1).literal;
    for (qsizetype to = last ? text.size() : pos; to <= text.size(); ++to) {
        // Where the literal that follows begins (an argument right after another is tried at
        // every position).
        if (next && !next->isEmpty()) {
            to = text.indexOf(*next, to);
            if (to < 0)
                return false;
        }
        QString shown;
        if (readArg(c.entry->args[s.arg], text.sliced(pos, to - pos), &shown)) {
            args[s.arg] = shown;
            if (readSegments(c, seg + 1, text, to, args))
                return true;
        }
    }
    return false;
}

// The whole of `text` read as `c`; *shown is it in the interface's language.
bool readEntry(const Compiled &c, QStringView text, QString *shown)
{
    QStringList args(c.argCount);
    if (!readSegments(c, 0, text, 0, args))
        return false;
    *shown = fill(shownSource(*c.entry), args);
    return true;
}

// The literals a suffix begins with ("; also of the wrong type: ", " and ", …).
const QStringList &suffixStarts()
{
    static const QStringList starts = [] {
        QStringList out;
        for (const Compiled &c : catalogue()) {
            if (c.entry->role == Role::Suffix)
                out << c.segments.constFirst().literal;
        }
        return out;
    }();
    return starts;
}

// The whole of `text` read as one entry of a role in `roles`, then suffixes; shortest first
// (so that " and 3 more" after a list of fields is read as its own words, not as a field's).
bool readSequence(QStringView text, std::initializer_list<Role> roles, QString *shown)
{
    // Where the first piece may end: where a suffix may begin, or at the end (found once a
    // sentence begins as `text` does).
    QVarLengthArray<qsizetype, 8> ends;
    const auto findEnds = [&ends, text] {
        for (qsizetype to = 1; to < text.size(); ++to) {
            const QChar c = text.at(to);
            if (c != u' ' && c != u';')
                continue;
            const QStringView rest = text.sliced(to);
            if (std::any_of(suffixStarts().cbegin(), suffixStarts().cend(),
                            [rest](const QString &start) { return rest.startsWith(start); }))
                ends.append(to);
        }
        ends.append(text.size());
    };
    for (const Compiled &c : catalogue()) {
        if (std::find(roles.begin(), roles.end(), c.entry->role) == roles.end())
            continue;
        const Segment &first = c.segments.constFirst();
        if (first.arg < 0 && !text.startsWith(first.literal))
            continue;
        const Segment &last = c.segments.constLast();
        if (ends.isEmpty())
            findEnds();
        for (const qsizetype to : ends) {
            const QStringView piece = text.first(to);
            if (last.arg < 0 && !piece.endsWith(last.literal))
                continue;
            QString shownPiece;
            if (!readEntry(c, piece, &shownPiece))
                continue;
            QString after;
            if (to == text.size() || readSequence(text.sliced(to), {Role::Suffix}, &after)) {
                *shown = shownPiece + after;
                return true;
            }
        }
    }
    return false;
}

} // namespace

QString ClientText::reworded(const QString &english, Reading reading)
{
    // Longer than anything batchwatch words (a first line, a title and field names are cut).
    constexpr qsizetype kLongest = 8192;
    if (english.isEmpty() || english.size() > kLongest)
        return english;
    QString shown;
    const bool read = reading == Reading::HtmlPage
                              ? readSequence(english, {Role::HtmlPage}, &shown)
                              : readSequence(english, {Role::Sentence, Role::HtmlPage}, &shown);
    return read ? shown : english;
}

QStringList ClientText::knownSources()
{
    QStringList out;
    for (const Entry &e : kEntries)
        out << QString::fromUtf8(e.source);
    return out;
}

} // namespace bw
