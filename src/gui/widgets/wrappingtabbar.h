#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAbstractButton;
class QButtonGroup;
class QTabWidget;
QT_END_NAMESPACE

namespace bw {

// The tabs of a QTabWidget as a bar that wraps onto more rows instead of scrolling or eliding:
// every title is shown whole at any width down to the widest tab's. The rows are balanced
// (eight tabs too wide for one row make two rows of four, not seven and one). The current tab
// is bold and underlined in the highlight colour.
//
// Contract:
//  - setTabWidget(): the bar shows the tab widget's titles (and tooltips) in its order, hides
//    the tab widget's own bar and drives it both ways: a click or a key here sets its current
//    index; setCurrentIndex() there (Ctrl+Tab, code) checks the tab here. Tabs the tab widget
//    hides or disables (setTabVisible / setTabEnabled) are hidden or disabled here on the next
//    updateTabs(), which also re-reads the titles (call it after retranslating them).
//  - Accessibility: a page tab list of page tabs (named, selected, focused) as QTabBar's;
//    the current tab is announced when it changes and when the bar takes the focus.
//  - Keyboard: one Tab stop; Left/Right go to the previous/next tab, Up/Down to the nearest
//    tab of the row above/below, Home/End to the first/last; Ctrl+(Shift+)Tab as in the tab
//    widget.
//  - Height for width: as many rows as the width needs; sizeHint() is the one-row width.
class WrappingTabBar : public QWidget
{
    Q_OBJECT

public:
    explicit WrappingTabBar(QWidget *parent = nullptr);
    ~WrappingTabBar() override;

    void setTabWidget(QTabWidget *tabs);
    void updateTabs();

    int count() const;
    int currentIndex() const;
    QString tabText(int index) const;
    // Where tab `index` is, in this widget's coordinates; empty for a hidden tab.
    QRect tabRect(int index) const;
    // The rows the tabs take at the current width.
    int rowCount() const;
    // The width that shows every tab in one row.
    int singleRowWidth() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

    // Whether the keyboard focus is to be drawn (the bar has focus, reached by the keyboard).
    bool showsFocus() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Placement
    {
        QList<QRect> rects; // per tab; empty for a hidden tab
        int rows = 0;
        int height = 0;
    };
    Placement place(int width) const;
    void relayout();
    void select(int index);
    // Tells assistive technology that `tab` became the current one (and has the focus when
    // the bar has it).
    void announce(QAbstractButton *tab);
    int tabHeight() const;
    QList<int> shownTabs() const;

    QPointer<QTabWidget> m_tabs;
    QList<QAbstractButton *> m_buttons;
    QButtonGroup *m_group = nullptr;
    int m_rows = 0;
    bool m_keyboardFocus = false;
};

} // namespace bw
