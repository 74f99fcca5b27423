#pragma once

// Where Tab goes: the controls of a window in the order QWidget::focusNextPrevChild() visits
// them — the focus chain (QWidget::nextInFocusChain()) less what Tab skips (hidden, disabled,
// not taking Tab focus, or handing focus to a proxy). A test compares it with the order the eye
// reads the window in.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

#include <initializer_list>

namespace bw::test {

// {"a", "b"} as a QStringList (the project builds with QT_NO_CAST_FROM_ASCII).
inline QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *name : list)
        out << QString::fromLatin1(name);
    return out;
}

// A control's name in a tab order: its object name; for an unnamed button (a dialog button box's)
// its text without the mnemonic; for a tab widget's bar the tab widget's name + ".tabs".
inline QString tabStopName(const QWidget *w)
{
    if (auto *bar = qobject_cast<const QTabBar *>(w);
        bar && bar->parentWidget() && w->objectName().startsWith(u"qt_"))
        return bar->parentWidget()->objectName() + QStringLiteral(".tabs");
    if (!w->objectName().isEmpty() && !w->objectName().startsWith(u"qt_"))
        return w->objectName();
    if (auto *button = qobject_cast<const QAbstractButton *>(w))
        return QString(button->text()).remove(u'&');
    return QString::fromLatin1(w->metaObject()->className());
}

// The names of the controls Tab visits in `root`, starting after `root` itself.
inline QStringList tabOrder(QWidget *root)
{
    QStringList names;
    QWidget *w = root->nextInFocusChain();
    for (int guard = 0; w && w != root && guard < 10000; ++guard, w = w->nextInFocusChain()) {
        if (!root->isAncestorOf(w) || !w->isVisibleTo(root) || !w->isEnabled()
            || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        names << tabStopName(w);
    }
    return names;
}

// Views in the chain that keep Tab for moving between their cells (tabKeyNavigation): a
// keyboard user tabbing through would be stuck in them cell by cell.
inline QStringList viewsThatTrapTab(QWidget *root)
{
    QStringList names;
    for (auto *view : root->findChildren<QAbstractItemView *>()) {
        if (view->isVisibleTo(root) && view->tabKeyNavigation())
            names << tabStopName(view);
    }
    return names;
}

} // namespace bw::test
