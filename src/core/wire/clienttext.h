#pragma once

#include <QCoreApplication>
#include <QString>

namespace bw {

// A detail batchwatch words itself ("… refused the connection", "the job body has no readable
// status (an array)"), in English and in the interface's language at once: the English goes
// into GatewayError::message, which is stored (the store is shared with the CLI and, on
// PostgreSQL, with a whole team), the translation into GatewayError::shownMessage for this
// process's views. The CLI installs no translator: both are English there.
//
// What the store keeps is the English only. reworded() reads such an English sentence back
// into the words it was built from and gives it in the interface's language: an error loaded
// after a restart (or written by the CLI or a teammate) reads as it did when it was received.
class ClientText
{
public:
    // Which of batchwatch's sentences a stored message may be.
    enum class Reading {
        AnySentence, // a failure batchwatch worded itself (network, timeout, body, redirect...)
        HtmlPage,    // an HTTP error: the gateway's own words, or batchwatch's for an HTML page
    };

    ClientText() = default;
    // `source` is marked with QT_TRANSLATE_NOOP("bw::GatewayClient", …) for lupdate.
    explicit ClientText(const char *source)
        : m_english(QString::fromUtf8(source))
        , m_shown(QCoreApplication::translate("bw::GatewayClient", source))
    {}
    // Words that are the same in every language ("HTTP 301", a host name, a field's key).
    static ClientText verbatim(const QString &text)
    {
        ClientText t;
        t.m_english = text;
        t.m_shown = text;
        return t;
    }

    template<typename... Args>
    ClientText arg(const Args &...args) const
    {
        ClientText t;
        t.m_english = m_english.arg(in(args, true)...);
        t.m_shown = m_shown.arg(in(args, false)...);
        return t;
    }
    ClientText &operator+=(const ClientText &other)
    {
        m_english += other.m_english;
        m_shown += other.m_shown;
        return *this;
    }

    const QString &english() const { return m_english; }
    const QString &shown() const { return m_shown; }

    // `english` in the interface's language when it is one of the sentences this class words
    // (with the words it was given kept as they are: an origin, a MIME type, a page's title, a
    // field's name); anything else (the gateway's words, the network stack's) unchanged.
    static QString reworded(const QString &english, Reading reading = Reading::AnySentence);
    // The English sources reworded() knows ("%1 refused the connection", …), for the test that
    // keeps it in step with the code's QT_TRANSLATE_NOOP("bw::GatewayClient", …).
    static QStringList knownSources();

private:
    template<typename T>
    static const T &in(const T &value, bool)
    {
        return value;
    }
    static const QString &in(const ClientText &value, bool english)
    {
        return english ? value.m_english : value.m_shown;
    }

    QString m_english;
    QString m_shown;
};

} // namespace bw
