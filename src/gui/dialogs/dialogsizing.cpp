#include "dialogs/dialogsizing.h"

#include <QLayout>
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

} // namespace bw
