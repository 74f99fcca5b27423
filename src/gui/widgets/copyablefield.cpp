#include "widgets/copyablefield.h"

#include "details/detailsformat.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>

namespace bw {

CopyableField::CopyableField(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_copyButton(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label->setWordWrap(true);
    // Top-aligned like the form's own label: a row given more height than one line (a value that
    // wrapped a moment ago) must not push the text below its label.
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_label->setFocusPolicy(Qt::StrongFocus);
    m_label->setContextMenuPolicy(Qt::CustomContextMenu);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_label->installEventFilter(this);
    connect(m_label, &QLabel::customContextMenuRequested, this, &CopyableField::showContextMenu);

    m_copyButton->setAutoRaise(true);
    m_copyButton->setFocusPolicy(Qt::TabFocus);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(m_copyButton, &QToolButton::clicked, this, &CopyableField::copy);

    layout->addWidget(m_label, 1);
    layout->addWidget(m_copyButton, 0, Qt::AlignTop);
    setFocusProxy(m_label);
    setFieldName(tr("value"));
    apply(State::NotReported, DetailsFormat::notReported(), {});
    updateLook();
}

CopyableField::~CopyableField() = default;

void CopyableField::setFieldName(const QString &name)
{
    m_fieldName = name;
    m_copyButton->setToolTip(tr("Copy %1").arg(name));
    m_copyButton->setAccessibleName(tr("Copy %1").arg(name));
    m_label->setAccessibleName(name);
}

void CopyableField::setValue(const QString &text, const QString &copyText)
{
    if (text.isEmpty()) {
        setEmpty();
        return;
    }
    apply(State::Value, text, copyText.isEmpty() ? text : copyText);
}

void CopyableField::setCopyOnly(const QString &copyText)
{
    if (copyText.isEmpty()) {
        setEmpty();
        return;
    }
    apply(State::Value, QString(), copyText);
}

void CopyableField::setEmpty()
{
    apply(State::Empty, DetailsFormat::empty(), {});
}

void CopyableField::setNotReported()
{
    apply(State::NotReported, DetailsFormat::notReported(), {});
}

void CopyableField::setPlaceholder(const QString &text)
{
    apply(State::NotReported, text, {});
}

void CopyableField::setValueToolTip(const QString &toolTip)
{
    m_valueToolTip = toolTip;
    updateToolTip();
}

void CopyableField::updateToolTip()
{
    switch (m_state) {
    case State::Value:
        m_label->setToolTip(m_valueToolTip);
        break;
    case State::Empty:
        m_label->setToolTip(tr("The gateway reported this field without a value."));
        break;
    case State::NotReported:
        m_label->setToolTip(m_shown == DetailsFormat::notReported()
                                    ? tr("No response from this gateway has carried this field.")
                                    : QString());
        break;
    }
}

void CopyableField::setMonospace(bool monospace)
{
    if (m_monospace == monospace)
        return;
    m_monospace = monospace;
    updateLook();
}

void CopyableField::setAccentColor(const QColor &color)
{
    if (m_accent == color)
        return;
    m_accent = color;
    updateLook();
}

QString CopyableField::text() const
{
    return m_shown;
}

QString CopyableField::copyText() const
{
    return m_copyText;
}

void CopyableField::copy()
{
    if (m_state != State::Value)
        return;
    DetailsFormat::copyToClipboard(m_copyText);
    Q_EMIT copied(tr("Copied %1").arg(m_fieldName));
}

void CopyableField::apply(State state, const QString &shown, const QString &copyText)
{
    const bool lookChanges = state != m_state;
    if (state == m_state && shown == m_shown && copyText == m_copyText)
        return;
    m_state = state;
    m_shown = shown;
    m_copyText = copyText;
    const QString display = state == State::Value ? DetailsFormat::breakable(shown) : shown;
    if (m_label->text() != display) {
        m_label->setText(display);
        fitLabelHeight(); // a new value may need more (or fewer) lines at the same width
    }
    m_copyButton->setEnabled(state == State::Value);
    updateToolTip();
    if (lookChanges)
        updateLook();
}

void CopyableField::updateLook()
{
    QFont font = this->font();
    if (m_monospace && m_state == State::Value) {
        font = DetailsFormat::monospaceFont(font);
    }
    font.setItalic(m_state == State::NotReported);
    m_label->setFont(font);
    fitLabelHeight();

    QPalette pal = palette();
    if (m_state == State::NotReported)
        pal.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(palette()));
    else if (m_state == State::Value && m_accent.isValid())
        pal.setColor(QPalette::WindowText, m_accent);
    m_label->setPalette(pal);

    m_copyButton->setIcon(DetailsFormat::copyIcon(palette()));
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_copyButton->setIconSize(QSize(icon, icon));
}

void CopyableField::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        updateLook();
}

bool CopyableField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_label && event->type() == QEvent::Resize)
        fitLabelHeight();
    if (watched == m_label && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            copySelectionOrAll();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CopyableField::fitLabelHeight()
{
    // A wrapped value (a long ARN) can need more lines at this width than the layout gave it:
    // forms in a scroll area do not follow height-for-width, so ask for the height, again
    // whenever the width, the text or the font changes. And no more than that: a wrapped
    // label's size hint guesses its lines at a width of its own (about 80 characters), so a
    // sentence that fits one line of a wide form would keep an empty second line below it.
    // (heightForWidth() never answers less than the minimum height: it is asked without one.)
    if (m_label->width() <= 0)
        return;
    const int before = m_label->minimumHeight();
    m_label->setMinimumHeight(0);
    const int need = m_label->heightForWidth(m_label->width());
    m_label->setMinimumHeight(need > 0 ? need : before);
    if (need > 0)
        m_label->setMaximumHeight(need);
}

void CopyableField::copySelectionOrAll()
{
    const QString selected = DetailsFormat::plainText(m_label->selectedText());
    if (!selected.isEmpty() && selected != m_shown) {
        DetailsFormat::copyToClipboard(selected);
        Q_EMIT copied(tr("Copied selection"));
        return;
    }
    copy();
}

void CopyableField::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    const QString selected = DetailsFormat::plainText(m_label->selectedText());
    QAction *copySelection = menu.addAction(tr("&Copy Selection"));
    copySelection->setEnabled(!selected.isEmpty());
    QAction *copyAll
            = menu.addAction(DetailsFormat::copyIcon(palette()), tr("Copy %1").arg(m_fieldName));
    copyAll->setEnabled(m_state == State::Value);
    menu.addSeparator();
    QAction *selectAll = menu.addAction(tr("Select &All"));
    QAction *chosen = menu.exec(m_label->mapToGlobal(pos));
    if (chosen == copySelection) {
        DetailsFormat::copyToClipboard(selected);
        Q_EMIT copied(tr("Copied selection"));
    } else if (chosen == copyAll) {
        copy();
    } else if (chosen == selectAll) {
        m_label->setSelection(0, int(m_label->text().size()));
    }
}

} // namespace bw
