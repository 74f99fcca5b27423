#include "dialogs/dialogsizing.h"

#include <QFontMetrics>
#include <QGridLayout>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpacerItem>
#include <QStyle>
#include <QStyleOptionFrame>
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

int placeholderWidth(const QLineEdit *edit)
{
    if (!edit || edit->placeholderText().isEmpty())
        return 0;
    // As QLineEdit::sizeHint() and paintEvent() measure: the text, QLineEdit's margin of 2 px on
    // either side and the text margins, then the style's frame around it.
    const QMargins margins = edit->textMargins();
    const int text = edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 2 * 2
                     + margins.left() + margins.right() + 1;
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.lineWidth = edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth,
                                                                     &option, edit)
                                        : 0;
    return edit->style()
            ->sizeFromContents(QStyle::CT_LineEdit, &option,
                               QSize(text, edit->fontMetrics().height()), edit)
            .width();
}

void fitPlaceholders(QWidget *root)
{
    if (!root)
        return;
    const auto edits = root->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        const int needed = placeholderWidth(edit);
        if (needed > edit->minimumWidth())
            edit->setMinimumWidth(needed);
    }
}

} // namespace bw
