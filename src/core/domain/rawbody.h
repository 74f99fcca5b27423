#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace bw {

// A raw body kept in a WatchedJob: the object of a fresh response, or the JSON text read back
// from the store. Stored text is parsed only when something asks for the object (the Raw tab,
// an export, the Overview's problems), not for every job at start-up. Nothing is cached: a
// RawBody may be read from several threads at once.
class RawBody
{
public:
    RawBody() = default;
    RawBody(const QJsonObject &object) // NOLINT(google-explicit-constructor): a body is an object
        : m_object(object)
    {}

    // The body stored as `text`. Text that is not a JSON object, or an empty one, is no body
    // (what reading it with QJsonDocument would give). Text a quick check proves to be a
    // non-empty JSON object is kept as it is and parsed when asked for; the rest is parsed now.
    static RawBody fromJsonText(const QByteArray &text);

    // No body yet (or an empty object).
    bool isEmpty() const { return m_text.isEmpty() && m_object.isEmpty(); }
    // The body as an object (parses stored text each time it is called).
    QJsonObject object() const;
    // The body as JSON text: the stored text as it was read, or the object, compact. Empty when
    // there is no body.
    QByteArray toJsonText() const;
    // Cheap: true when both are the same stored text, or equal objects; false otherwise (also
    // when one is text and the other an object, even if they say the same).
    bool isSameAs(const RawBody &other) const;

    friend bool operator==(const RawBody &a, const RawBody &b);
    friend bool operator!=(const RawBody &a, const RawBody &b) { return !(a == b); }

private:
    QByteArray m_text;    // non-empty: a non-empty JSON object, as stored
    QJsonObject m_object; // the body when m_text is empty
};

namespace rawbodydetail {
// True when `text` is certainly a JSON object with at least one member that QJsonDocument
// reads. False means "not certain" (not JSON, an empty object, non-ASCII text, deep nesting,
// numbers with exponents...): the caller parses it to find out.
bool isCertainlyNonEmptyObject(const QByteArray &text);
} // namespace rawbodydetail

} // namespace bw
