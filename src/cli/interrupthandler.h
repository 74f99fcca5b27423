#pragma once

#include <QObject>

class QSocketNotifier;

namespace bw::cli {

// Turns SIGINT and SIGTERM into the interrupted() signal on the event loop (a self-pipe read
// by a QSocketNotifier), so that `watch` can stop cleanly: the store gets what was observed and
// the terminal line is finished. A second signal while the first is being handled ends the
// process the default way. One instance per process; a no-op outside Unix.
class InterruptHandler : public QObject
{
    Q_OBJECT

public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

Q_SIGNALS:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace bw::cli
