#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bw::JsonText {

// QJsonDocument::toJson, but always valid JSON text (RFC 8259 §8.2) for every parser: a string
// that holds an unpaired UTF-16 surrogate (text cut inside an emoji, or sent that way by a
// gateway) has it replaced by U+FFFD instead of written as a lone "\ud83d" escape, which strict
// parsers reject. Surrogate pairs (emoji and every other non-BMP character) are kept.
QByteArray toJson(const QJsonDocument &document,
                  QJsonDocument::JsonFormat format = QJsonDocument::Compact);
inline QByteArray toJson(const QJsonObject &object,
                         QJsonDocument::JsonFormat format = QJsonDocument::Compact)
{
    return toJson(QJsonDocument(object), format);
}
inline QByteArray toJson(const QJsonArray &array,
                         QJsonDocument::JsonFormat format = QJsonDocument::Compact)
{
    return toJson(QJsonDocument(array), format);
}

// Replaces every "\uD800".."\uDFFF" escape in JSON text written by QJsonDocument (which writes
// paired surrogates as UTF-8, so such an escape is always unpaired) with "\ufffd".
QByteArray repairLoneSurrogates(QByteArray json);

} // namespace bw::JsonText
