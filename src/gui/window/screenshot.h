#pragma once

#include "window/launchoptions.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace bw {

class MainWindow;

// `batchwatch --screenshot FILE [--demo] [--select ID] [--tab NAME] [--size WxH]`: renders the
// main window to a PNG without user interaction (PRODUCT.md §7), for the README and for checking
// the UI.
//
// start() waits until the window's first refresh is done (MainWindow::initialRefreshFinished:
// every polled job answered once) or the timeout passes — a slow or unreachable gateway still
// gives a picture, of the last-known state — or, without any profile, renders the welcome
// panel. It then selects the job (--select: identifier, ARN, short id or job name), shows the
// details tab (--tab), lets charts and layouts settle, grabs the window (QWidget::grab) and
// writes the PNG. finished(0) on success; otherwise finished(1) with errorString() holding one
// line ("no watched job matches \"x\"", "cannot write /path: ...").
class Screenshot : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 30'000;
    // After the data is in: time for coalesced chart redraws and layouts to finish.
    static constexpr int DefaultSettleMs = 1'200;

    Screenshot(MainWindow *window, const LaunchOptions &options, QObject *parent = nullptr);
    ~Screenshot() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setSettleTime(int milliseconds) { m_settleMs = milliseconds; }

    // Call once the window is shown.
    void start();

    int exitCode() const { return m_exitCode; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void dataReady();
    void capture();
    void finish(int code, const QString &error = {});

    QPointer<MainWindow> m_window;
    LaunchOptions m_options;
    QTimer m_timeout;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_settleMs = DefaultSettleMs;
    bool m_dataReady = false;
    bool m_done = false;
    int m_exitCode = -1;
    QString m_error;
};

} // namespace bw
