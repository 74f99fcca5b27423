#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

QT_BEGIN_NAMESPACE
class QMimeData;
class QWidget;
QT_END_NAMESPACE

namespace bw {

// Dropping identifier files (txt, csv, json — AddJobsDialog::isSupportedFile) on a widget:
// accepts a drag only while `enabled()` and only when every dragged item is a local file of a
// supported kind, and announces a drop with filesDropped() on the next event-loop turn (the
// receiver may run a dialog; a drop handler must not). Installs itself as the widget's event
// filter and turns drops on for it.
class JobFileDrop : public QObject
{
    Q_OBJECT

public:
    JobFileDrop(QWidget *target, std::function<bool()> enabled, QObject *parent = nullptr);

    // The files a drag carries, or none when any item is not a supported local file.
    static QStringList droppableFiles(const QMimeData *mime);

Q_SIGNALS:
    void filesDropped(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_target = nullptr;
    std::function<bool()> m_enabled;
};

} // namespace bw
