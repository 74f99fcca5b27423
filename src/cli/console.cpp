#include "console.h"

#include "texttable.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/ioctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

bool isTerminal(std::FILE *file)
{
#ifdef Q_OS_UNIX
    return file && ::isatty(::fileno(file)) == 1;
#else
    Q_UNUSED(file);
    return false;
#endif
}

int terminalColumns(std::FILE *file)
{
#ifdef Q_OS_UNIX
    winsize size{};
    if (file && ::ioctl(::fileno(file), TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
#else
    Q_UNUSED(file);
#endif
    return 0;
}

} // namespace

Console::Console(std::FILE *out, std::FILE *err, std::FILE *in)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_outTty(isTerminal(out))
    , m_errTty(isTerminal(err))
    , m_inTty(isTerminal(in))
{
    // Off a terminal, one write() per 64 KiB of results rather than per stdio's 4 KiB default
    // (`get` of 5,000 jobs writes ~6 MiB). Done before anything is written.
    if (m_out && !m_outTty)
        std::setvbuf(m_out, nullptr, _IOFBF, 64 * 1024);
}

Console::~Console()
{
    endStatus();
    flush();
}

QString Console::programName()
{
    return u"batchwatch-cli"_s;
}

void Console::write(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_outTty)
        clearStatus();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
}

void Console::write(const QString &text)
{
    write(text.toUtf8());
}

void Console::line(const QByteArray &text)
{
    if (m_outTty)
        clearStatus();
    std::fwrite(text.constData(), 1, size_t(text.size()), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

void Console::flush()
{
    std::fflush(m_out);
    std::fflush(m_err);
}

void Console::error(const QString &message)
{
    writeErr((programName() + u": "_s + Text::oneLine(message) + u'\n').toUtf8());
}

void Console::note(const QString &message)
{
    writeErr((Text::oneLine(message) + u'\n').toUtf8());
}

void Console::status(const QString &message)
{
    const QString text = Text::oneLine(message);
    if (!m_errTty) {
        writeErr((text + u'\n').toUtf8());
        return;
    }
    const int width = terminalColumns(m_err);
    const QString shown = width > 1 ? Text::elide(text, width - 1) : text;
    std::fflush(m_out);
    const QByteArray bytes = "\r\x1b[K" + shown.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_err);
    std::fflush(m_err);
    m_statusShown = true;
}

void Console::endStatus()
{
    if (!m_statusShown)
        return;
    std::fputc('\n', m_err);
    std::fflush(m_err);
    m_statusShown = false;
}

int Console::tableWidth() const
{
    if (m_outTty) {
        if (const int columns = terminalColumns(m_out); columns > 0)
            return columns;
    }
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    if (ok && columns > 0)
        return columns;
    return 0;
}

std::optional<QString> Console::readLine()
{
    QByteArray bytes;
    int c = 0;
    bool any = false;
    while ((c = std::fgetc(m_in)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        bytes.append(char(c));
    }
    if (!any)
        return std::nullopt;
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

void Console::clearStatus()
{
    if (!m_statusShown)
        return;
    std::fputs("\r\x1b[K", m_err);
    std::fflush(m_err);
    m_statusShown = false;
}

void Console::writeErr(const QByteArray &bytes)
{
    clearStatus();
    std::fflush(m_out); // keep stdout and stderr in order on a shared terminal
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_err);
    std::fflush(m_err);
}

} // namespace bw::cli
