#include "window/screenshot.h"

#include "tracking/jobmonitor.h"
#include "window/mainwindow.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>

namespace bw {

Screenshot::Screenshot(MainWindow *window, const LaunchOptions &options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(options)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &Screenshot::dataReady);
}

Screenshot::~Screenshot() = default;

void Screenshot::start()
{
    MainWindow *window = m_window.data();
    if (!window)
        return finish(1, tr("there is no window to render"));
    if (m_options.screenshotFile.isEmpty())
        return finish(1, tr("no file name given for the screenshot"));
    if (!window->hasProfile() || window->isInitialRefreshDone()) {
        // Queued: the window gets its first layout and paint before anything is decided.
        QTimer::singleShot(0, this, &Screenshot::dataReady);
        return;
    }
    connect(window, &MainWindow::initialRefreshFinished, this, &Screenshot::dataReady);
    m_timeout.start(m_timeoutMs);
}

void Screenshot::dataReady()
{
    if (m_dataReady || m_done)
        return;
    m_dataReady = true;
    m_timeout.stop();
    MainWindow *window = m_window.data();
    if (!window)
        return finish(1, tr("the window was closed"));
    if (!m_options.selectIdentifier.isEmpty() && !window->selectJob(m_options.selectIdentifier))
        return finish(1, tr("no watched job matches \"%1\"").arg(m_options.selectIdentifier));
    if (!m_options.tab.isEmpty() && !window->showDetailsTab(m_options.tab))
        return finish(1, tr("the details panel has no tab \"%1\"").arg(m_options.tab));
    // A job whose results are being read is shown once they are read (or failed; within the
    // timeout): the Records tab shows them, the row and Overview the counts taken from them.
    JobMonitor *monitor = window->monitor();
    const QString current = window->currentIdentifier();
    if (monitor && monitor->isFetchingResults(current)) {
        const auto settled = [this, current](const QString &id) {
            if (id == current && !m_done)
                QTimer::singleShot(m_settleMs, this, &Screenshot::capture);
        };
        connect(monitor, &JobMonitor::resultsChanged, this, settled);
        connect(monitor, &JobMonitor::resultsFailed, this, settled);
        QTimer::singleShot(m_timeoutMs, this, &Screenshot::capture);
        return;
    }
    QTimer::singleShot(m_settleMs, this, &Screenshot::capture);
}

void Screenshot::capture()
{
    if (m_done)
        return;
    MainWindow *window = m_window.data();
    if (!window)
        return finish(1, tr("the window was closed"));
    const QPixmap pixmap = window->grab();
    if (pixmap.isNull())
        return finish(1, tr("the window could not be rendered"));
    const QString path = m_options.screenshotFile;
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        return finish(1, tr("cannot write %1: the folder does not exist")
                                 .arg(QDir::toNativeSeparators(info.absoluteFilePath())));
    }
    QImageWriter writer(path, "png");
    if (!writer.write(pixmap.toImage())) {
        return finish(1, tr("cannot write %1: %2")
                                 .arg(QDir::toNativeSeparators(info.absoluteFilePath()),
                                      writer.errorString()));
    }
    finish(0);
}

void Screenshot::finish(int code, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_exitCode = code;
    m_error = error;
    // Always from the event loop, so that a caller may connect finished() to
    // QCoreApplication::exit before it enters exec().
    QMetaObject::invokeMethod(
            this, [this, code] { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

} // namespace bw
