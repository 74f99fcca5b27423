#include "interrupthandler.h"

#include <QSocketNotifier>
#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace bw {

#ifdef Q_OS_UNIX
namespace {

int g_pipe[2] = {-1, -1};
volatile std::sig_atomic_t g_signalled = 0;
volatile std::sig_atomic_t g_exitAtOnce = 0;

extern "C" void onSignal(int signal)
{
    // Async-signal-safe: restore the default (a second signal ends the process), then wake
    // the event loop.
    g_signalled = 1;
    if (g_exitAtOnce) {
        static const char message[] = "batchwatch-cli: interrupted while reading the "
                                      "identifiers; nothing was sent\n";
        [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(130);
    }
    std::signal(signal, SIG_DFL);
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
}

} // namespace
#endif

bool InterruptHandler::signalled()
{
#ifdef Q_OS_UNIX
    return g_signalled != 0;
#else
    return false;
#endif
}

InterruptHandler::ExitAtOnce::ExitAtOnce()
{
#ifdef Q_OS_UNIX
    g_exitAtOnce = 1;
    if (g_signalled) {
        static const char message[] = "batchwatch-cli: interrupted\n";
        [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(130);
    }
#endif
}

InterruptHandler::ExitAtOnce::~ExitAtOnce()
{
#ifdef Q_OS_UNIX
    g_exitAtOnce = 0;
#endif
}

InterruptHandler::InterruptHandler(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::pipe(g_pipe) != 0)
        return;
    for (int fd : g_pipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        while (::read(g_pipe[0], &byte, 1) == 1)
            Q_EMIT interrupted(int(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
#endif
}

InterruptHandler::~InterruptHandler()
{
#ifdef Q_OS_UNIX
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    m_notifier = nullptr;
    for (int &fd : g_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
#endif
}

} // namespace bw
