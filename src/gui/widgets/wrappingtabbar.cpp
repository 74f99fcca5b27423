#include "widgets/wrappingtabbar.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QButtonGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QTabBar>
#include <QTabWidget>

#include <algorithm>
#include <climits>
#include <cmath>

namespace bw {

namespace {

// Marks a TabButton for the accessibility factory (it has no class name of its own).
constexpr char kTabProperty[] = "bwWrappingTab";

// One tab: its title, bold and underlined when it is the current one. Never takes the focus
// itself (the bar is the one Tab stop and draws the focus on the current tab).
class TabButton : public QAbstractButton
{
public:
    TabButton(WrappingTabBar *bar)
        : QAbstractButton(bar)
        , m_bar(bar)
    {
        setCheckable(true);
        setFocusPolicy(Qt::NoFocus);
        setAttribute(Qt::WA_Hover);
        setProperty(kTabProperty, true);
    }

    // Measured bold whether or not it is current, so a tab keeps its width when chosen.
    QSize sizeHint() const override
    {
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics fm(bold);
        const int em = fontMetrics().height();
        return {fm.horizontalAdvance(text()) + em, em + em / 2 + underline()};
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

    int underline() const { return std::max(2, fontMetrics().height() / 6); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QPalette pal = palette();
        const QPalette::ColorGroup group = isEnabled() ? QPalette::Active : QPalette::Disabled;
        const QRect body = rect().adjusted(0, 0, 0, -underline());
        if (underMouse() && isEnabled() && !isChecked()) {
            QColor hover = pal.color(QPalette::Active, QPalette::Highlight);
            hover.setAlphaF(0.12f);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(hover);
            const qreal radius = fontMetrics().height() / 4.0;
            p.drawRoundedRect(QRectF(body).adjusted(1.5, 1.5, -1.5, -0.5), radius, radius);
            p.setRenderHint(QPainter::Antialiasing, false);
        }
        QFont f = font();
        f.setBold(isChecked());
        p.setFont(f);
        p.setPen(pal.color(group, QPalette::WindowText));
        p.drawText(body, Qt::AlignCenter | Qt::TextSingleLine, text());
        if (isChecked()) {
            p.fillRect(QRect(0, height() - underline(), width(), underline()),
                       pal.color(group, QPalette::Highlight));
        }
        if (isChecked() && m_bar->showsFocus()) {
            QStyleOptionFocusRect opt;
            opt.initFrom(this);
            opt.rect = body.adjusted(2, 2, -2, -1);
            opt.backgroundColor = pal.color(QPalette::Window);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &opt, &p, this);
        }
    }

private:
    WrappingTabBar *m_bar;
};

// What a screen reader is told, as of a QTabBar: the bar is a page tab list and each tab a page
// tab named by its title, selected when current and focused when the bar has the focus.
class TabAccessible : public QAccessibleWidget
{
public:
    explicit TabAccessible(QAbstractButton *tab)
        : QAccessibleWidget(tab, QAccessible::PageTab)
    {}

    QString text(QAccessible::Text t) const override
    {
        switch (t) {
        case QAccessible::Name:
            return tab()->text();
        case QAccessible::Description:
            return tab()->toolTip();
        default:
            return QAccessibleWidget::text(t);
        }
    }
    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.selectable = true;
        s.selected = tab()->isChecked();
        s.focusable = true;
        s.focused
                = tab()->isChecked() && tab()->parentWidget() && tab()->parentWidget()->hasFocus();
        return s;
    }
    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString &action) override
    {
        if (action == pressAction() && tab()->isEnabled())
            tab()->click();
    }

private:
    QAbstractButton *tab() const { return static_cast<QAbstractButton *>(widget()); }
};

QAccessibleInterface *tabBarAccessible(const QString &className, QObject *object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    if (className == QLatin1StringView("bw::WrappingTabBar"))
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::PageTabList);
    if (className == QLatin1StringView("QAbstractButton")
        && object->property(kTabProperty).toBool())
        return new TabAccessible(static_cast<QAbstractButton *>(object));
    return nullptr;
}

} // namespace

WrappingTabBar::WrappingTabBar(QWidget *parent)
    : QWidget(parent)
    , m_group(new QButtonGroup(this))
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(tabBarAccessible);
        return true;
    }();
    Q_UNUSED(factoryInstalled);
    m_group->setExclusive(true);
    setFocusPolicy(Qt::TabFocus);
    // Not Fixed: a box layout caps a fixed height at the one-row sizeHint().
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int index) { select(index); });
}

WrappingTabBar::~WrappingTabBar() = default;

void WrappingTabBar::setTabWidget(QTabWidget *tabs)
{
    if (m_tabs)
        disconnect(m_tabs, nullptr, this, nullptr);
    m_tabs = tabs;
    if (m_tabs) {
        m_tabs->tabBar()->hide();
        connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
            if (QAbstractButton *b = m_group->button(index)) {
                b->setChecked(true);
                announce(b);
            }
            update();
        });
    }
    updateTabs();
}

void WrappingTabBar::updateTabs()
{
    const int n = m_tabs ? m_tabs->count() : 0;
    while (m_buttons.size() > n)
        delete m_buttons.takeLast();
    while (m_buttons.size() < n) {
        auto *button = new TabButton(this);
        m_group->addButton(button, int(m_buttons.size()));
        m_buttons.append(button);
    }
    for (int i = 0; i < n; ++i) {
        QAbstractButton *b = m_buttons.at(i);
        b->setText(m_tabs->tabText(i).remove(QLatin1Char('&')));
        b->setToolTip(m_tabs->tabToolTip(i));
        b->setEnabled(m_tabs->isTabEnabled(i));
        b->setVisible(m_tabs->isTabVisible(i));
        b->setChecked(i == m_tabs->currentIndex());
    }
    updateGeometry();
    relayout();
}

int WrappingTabBar::count() const
{
    return int(m_buttons.size());
}

int WrappingTabBar::currentIndex() const
{
    return m_tabs ? m_tabs->currentIndex() : -1;
}

QString WrappingTabBar::tabText(int index) const
{
    return index >= 0 && index < count() ? m_buttons.at(index)->text() : QString();
}

QRect WrappingTabBar::tabRect(int index) const
{
    if (index < 0 || index >= count() || m_buttons.at(index)->isHidden())
        return {};
    return m_buttons.at(index)->geometry();
}

int WrappingTabBar::rowCount() const
{
    return m_rows;
}

QList<int> WrappingTabBar::shownTabs() const
{
    QList<int> shown;
    for (int i = 0; i < count(); ++i) {
        if (!m_buttons.at(i)->isHidden())
            shown.append(i);
    }
    return shown;
}

int WrappingTabBar::tabHeight() const
{
    return m_buttons.isEmpty() ? fontMetrics().height() * 2
                               : m_buttons.first()->sizeHint().height();
}

int WrappingTabBar::singleRowWidth() const
{
    int width = 0;
    for (int i : shownTabs())
        width += m_buttons.at(i)->sizeHint().width();
    return width;
}

WrappingTabBar::Placement WrappingTabBar::place(int width) const
{
    Placement placement;
    placement.rects.resize(count());
    const QList<int> shown = shownTabs();
    const int height = tabHeight();
    if (shown.isEmpty()) {
        placement.height = height;
        return placement;
    }
    // The fewest rows that fit, the tabs spread evenly over them.
    const int n = int(shown.size());
    int perRow = 1;
    for (int rows = 1; rows <= n; ++rows) {
        perRow = (n + rows - 1) / rows;
        bool fits = true;
        for (int start = 0; start < n && fits; start += perRow) {
            int row = 0;
            for (int k = start; k < std::min(n, start + perRow); ++k)
                row += m_buttons.at(shown.at(k))->sizeHint().width();
            fits = row <= width;
        }
        if (fits)
            break;
    }
    placement.rows = (n + perRow - 1) / perRow;
    // One row keeps the tabs at their width, from the left as a tab bar does; wrapped, each
    // row spans the whole width (the room left shared out evenly), so the rows line up.
    for (int start = 0, y = 0; start < n; start += perRow, y += height) {
        const int end = std::min(n, start + perRow);
        int spare = 0;
        if (placement.rows > 1) {
            spare = width;
            for (int k = start; k < end; ++k)
                spare -= m_buttons.at(shown.at(k))->sizeHint().width();
            spare = std::max(0, spare);
        }
        int x = 0;
        for (int k = start; k < end; ++k) {
            const int extra = spare / (end - k);
            spare -= extra;
            const int w = m_buttons.at(shown.at(k))->sizeHint().width() + extra;
            placement.rects[shown.at(k)] = QRect(x, y, w, height);
            x += w;
        }
    }
    placement.height = placement.rows * height + 1; // the base line below the last row
    return placement;
}

void WrappingTabBar::relayout()
{
    const Placement placement = place(width());
    for (int i = 0; i < count(); ++i) {
        if (!placement.rects.at(i).isEmpty())
            m_buttons.at(i)->setGeometry(placement.rects.at(i));
    }
    if (placement.rows != m_rows) {
        m_rows = placement.rows;
        updateGeometry(); // another height
    }
    update();
}

QSize WrappingTabBar::sizeHint() const
{
    return {singleRowWidth(), tabHeight() + 1};
}

QSize WrappingTabBar::minimumSizeHint() const
{
    int widest = 0;
    for (int i : shownTabs())
        widest = std::max(widest, m_buttons.at(i)->sizeHint().width());
    return {widest, tabHeight() + 1};
}

bool WrappingTabBar::hasHeightForWidth() const
{
    return true;
}

int WrappingTabBar::heightForWidth(int width) const
{
    return place(width).height;
}

bool WrappingTabBar::showsFocus() const
{
    return m_keyboardFocus && hasFocus();
}

void WrappingTabBar::select(int index)
{
    if (!m_tabs || index < 0 || index >= count())
        return;
    m_tabs->setCurrentIndex(index);
}

void WrappingTabBar::paintEvent(QPaintEvent *)
{
    // A base line under the tabs, as a tab bar has, that the current tab's underline sits on
    // when it is in the last row.
    QPainter p(this);
    QColor line = palette().color(QPalette::Active, QPalette::Mid);
    p.fillRect(QRect(0, height() - 1, width(), 1), line);
}

void WrappingTabBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void WrappingTabBar::keyPressEvent(QKeyEvent *event)
{
    // Ctrl+Tab and Ctrl+Shift+Tab go to the tab widget, as from its own bar.
    if (m_tabs && (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab)
        && event->modifiers() & Qt::ControlModifier) {
        QCoreApplication::sendEvent(m_tabs, event);
        return;
    }
    const QList<int> shown = shownTabs();
    const int current = currentIndex();
    const qsizetype at = shown.indexOf(current);
    if (shown.isEmpty() || at < 0 || event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) {
        QWidget::keyPressEvent(event);
        return;
    }
    const auto usable = [this](int index) {
        return m_buttons.at(index)->isEnabled();
    };
    int target = -1;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        // The tabs are placed left to right in either layout direction (place()).
        const int step = event->key() == Qt::Key_Right ? 1 : -1;
        for (qsizetype k = at + step; k >= 0 && k < shown.size() && target < 0; k += step) {
            if (usable(shown.at(k)))
                target = shown.at(k);
        }
        break;
    }
    case Qt::Key_Home:
    case Qt::Key_End: {
        const bool home = event->key() == Qt::Key_Home;
        for (qsizetype k = 0; k < shown.size() && target < 0; ++k) {
            const int index = shown.at(home ? k : shown.size() - 1 - k);
            if (usable(index))
                target = index;
        }
        break;
    }
    case Qt::Key_Up:
    case Qt::Key_Down: {
        // The tab of the next row up or down nearest below the current one's middle.
        const QRect from = tabRect(current);
        const int rowY = from.y() + (event->key() == Qt::Key_Down ? from.height() : -from.height());
        int best = INT_MAX;
        for (int index : shown) {
            const QRect r = tabRect(index);
            if (r.y() != rowY || !usable(index))
                continue;
            const int distance = std::abs(r.center().x() - from.center().x());
            if (distance < best) {
                best = distance;
                target = index;
            }
        }
        break;
    }
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
    m_keyboardFocus = true;
    if (target >= 0)
        select(target);
    update();
}

void WrappingTabBar::announce(QAbstractButton *tab)
{
    if (!QAccessible::isActive())
        return;
    QAccessible::State selected;
    selected.selected = true;
    QAccessibleStateChangeEvent change(tab, selected);
    QAccessible::updateAccessibility(&change);
    // The reader follows the focus: while the bar has it, it is on the current tab.
    if (hasFocus()) {
        QAccessibleEvent focus(tab, QAccessible::Focus);
        QAccessible::updateAccessibility(&focus);
    }
}

void WrappingTabBar::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    if (QAbstractButton *b = m_group->button(currentIndex()))
        announce(b);
    m_keyboardFocus = event->reason() == Qt::TabFocusReason
                      || event->reason() == Qt::BacktabFocusReason
                      || event->reason() == Qt::ShortcutFocusReason;
    for (QAbstractButton *b : std::as_const(m_buttons))
        b->update();
}

void WrappingTabBar::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    for (QAbstractButton *b : std::as_const(m_buttons))
        b->update();
}

void WrappingTabBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateGeometry();
        relayout();
    }
}

} // namespace bw
