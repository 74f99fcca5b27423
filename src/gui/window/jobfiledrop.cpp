#include "window/jobfiledrop.h"

#include "dialogs/addjobsdialog.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QTimer>
#include <QWidget>

namespace bw {

JobFileDrop::JobFileDrop(QWidget *target, std::function<bool()> enabled, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_enabled(std::move(enabled))
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

QStringList JobFileDrop::droppableFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            return {};
        const QString path = url.toLocalFile();
        if (!AddJobsDialog::isSupportedFile(path))
            return {};
        files << path;
    }
    return files;
}

bool JobFileDrop::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_target)
        return false;
    if (event->type() == QEvent::DragEnter) {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (m_enabled() && !droppableFiles(drag->mimeData()).isEmpty())
            drag->acceptProposedAction();
        else
            drag->ignore();
        return true;
    }
    if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = droppableFiles(drop->mimeData());
        if (!m_enabled() || files.isEmpty()) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        QTimer::singleShot(0, this, [this, files] { Q_EMIT filesDropped(files); });
        return true;
    }
    return false;
}

} // namespace bw
