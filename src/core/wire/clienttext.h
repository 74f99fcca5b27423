#pragma once

#include <QCoreApplication>
#include <QString>

namespace bw {

// A detail batchwatch words itself ("… refused the connection", "the job body has no readable
// status (an array)"), in English and in the interface's language at once: the English goes
// into GatewayError::message, which is stored (the store is shared with the CLI and, on
// PostgreSQL, with a whole team), the translation into GatewayError::shownMessage for this
// process's views. The CLI installs no translator: both are English there.
class ClientText
{
public:
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
