#include "dialogs/dialogsizing.h"

#include <QFontMetrics>
#include <QGridLayout>
#include <QLayout>
#include <QMessageBox>
#include <QSpacerItem>
#include <QWidget>

namespace bw {

void fitHeightToWidth(QWidget *window)
{
    if (!window || !window->layout())
        return;
    QLayout *layout = window->layout();
    layout->activate();
    int needed = layout->totalMinimumSize().height();
    if (layout->hasHeightForWidth())
        needed = std::max(needed, layout->totalHeightForWidth(window->width()));
    if (needed > window->height())
        window->resize(window->width(), needed);
}

void keepTitleVisible(QMessageBox *box)
{
    auto *grid = qobject_cast<QGridLayout *>(box->layout());
    if (!grid)
        return;
    const QFontMetrics fm(box->font());
    // The title in a title-bar font (often bold), the icon and close/maximise buttons.
    const int width = fm.horizontalAdvance(box->windowTitle()) * 6 / 5 + 10 * fm.height();
    grid->addItem(new QSpacerItem(width, 0, QSizePolicy::Minimum, QSizePolicy::Fixed),
                  grid->rowCount(), 0, 1, grid->columnCount());
}

} // namespace bw
