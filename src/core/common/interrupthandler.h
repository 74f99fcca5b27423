#pragma once

#include <QObject>

class QSocketNotifier;

namespace bw {

// Turns SIGINT and SIGTERM into the interrupted() signal on the event loop (a self-pipe read
// by a QSocketNotifier), so that the CLI's `watch` can stop cleanly (the store gets what was
// observed and the terminal line is finished) and the app quits as from File > Quit when the
// session ends or a service manager stops it (the store writes what it holds back and
// checkpoints its WAL). A second signal while the first is being handled ends the process the
// default way. One instance per process; a no-op outside Unix.
class InterruptHandler : public QObject
{
    Q_OBJECT

public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

    // True once SIGINT/SIGTERM arrived, even before the event loop saw it (for work that runs
    // without the event loop, such as reading --from-file).
    static bool signalled();

    // While one of these lives, a signal ends the process at once with exit status 130 and one
    // line on stderr (the CLI's words): for blocking work before any request was sent (reading
    // --from-file from a terminal or a pipe that never ends), where there is nothing to save.
    class ExitAtOnce
    {
    public:
        ExitAtOnce();
        ~ExitAtOnce();
        ExitAtOnce(const ExitAtOnce &) = delete;
        ExitAtOnce &operator=(const ExitAtOnce &) = delete;
    };

Q_SIGNALS:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace bw
