#include "widgets/noticebox.h"

#include "details/detailsformat.h"
#include "presentation/statuspresentation.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace bw {

NoticeBox::NoticeBox(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_copyButton(new QToolButton(this))
    , m_showAllButton(new QToolButton(this))
{
    setFrameShape(QFrame::NoFrame);
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_iconLabel, 0, 0, 2, 1, Qt::AlignTop);
    layout->addWidget(m_titleLabel, 0, 1);
    layout->addWidget(m_textLabel, 1, 1);
    layout->addWidget(m_copyButton, 0, 2, 2, 1, Qt::AlignTop);
    layout->addWidget(m_showAllButton, 2, 1, Qt::AlignLeft);
    layout->setColumnStretch(1, 1);

    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_textLabel->setFocusPolicy(Qt::StrongFocus);
    m_textLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_textLabel->installEventFilter(this);
    m_copyButton->setAutoRaise(true);
    m_copyButton->setVisible(false);
    m_showAllButton->setObjectName(QStringLiteral("showAllButton"));
    m_showAllButton->setAutoRaise(true);
    m_showAllButton->setVisible(false);
    connect(m_showAllButton, &QToolButton::clicked, this, [this] {
        m_expanded = !m_expanded;
        updateShownText();
    });
    connect(m_copyButton, &QToolButton::clicked, this, [this] {
        DetailsFormat::copyToClipboard(m_text);
        Q_EMIT copied(tr("Copied %1").arg(m_what));
    });
    updateLook();
}

NoticeBox::~NoticeBox() = default;

void NoticeBox::setAccent(const QColor &color, const QIcon &icon)
{
    m_accent = color;
    m_icon = icon;
    updateLook();
    update();
}

void NoticeBox::setTitle(const QString &title)
{
    if (m_titleLabel->text() != title)
        m_titleLabel->setText(title);
    m_titleLabel->setVisible(!title.isEmpty());
    setAccessibleName(title);
}

void NoticeBox::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    m_expanded = false;
    updateShownText();
    m_textLabel->setVisible(!text.isEmpty());
    setAccessibleDescription(text);
}

bool NoticeBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_textLabel && event->type() == QEvent::Resize)
        fitTextHeight();
    return QFrame::eventFilter(watched, event);
}

void NoticeBox::fitTextHeight()
{
    // The wrapped text needs this many lines at its width; a layout in a scroll area does not
    // ask (no height-for-width), so the label says it.
    const int need = m_textLabel->heightForWidth(m_textLabel->width());
    if (need > 0 && m_textLabel->minimumHeight() != need)
        m_textLabel->setMinimumHeight(need);
}

void NoticeBox::setCollapsedLines(int lines)
{
    m_collapsedLines = std::max(0, lines);
    updateShownText();
}

QString NoticeBox::shownText() const
{
    if (m_collapsedLines <= 0 || m_expanded)
        return m_text;
    // About 90 characters make a line of the Overview at 1280 px; a line break ends one early.
    constexpr int charsPerLine = 90;
    const qsizetype size = m_text.size();
    qsizetype end = 0;
    int lines = 0;
    while (end < size && lines < m_collapsedLines) {
        const qsizetype nl = m_text.indexOf(u'\n', end);
        const qsizetype lineEnd = nl < 0 ? size : nl;
        const int wraps = std::max(1, int((lineEnd - end + charsPerLine - 1) / charsPerLine));
        if (lines + wraps > m_collapsedLines) {
            end += qsizetype(m_collapsedLines - lines) * charsPerLine;
            break;
        }
        lines += wraps;
        end = nl < 0 ? size : nl + 1;
    }
    if (end >= m_text.size())
        return m_text;
    QString head = m_text.left(end).trimmed();
    // End at a word where there is one close by.
    const qsizetype space = head.lastIndexOf(u' ');
    if (space > head.size() - 20 && space > 0)
        head.truncate(space);
    return head + QStringLiteral(" …");
}

bool NoticeBox::isCollapsed() const
{
    return shownText() != m_text;
}

void NoticeBox::updateShownText()
{
    const QString shown = shownText();
    m_textLabel->setText(DetailsFormat::breakable(shown));
    const bool long_ = m_collapsedLines > 0 && (m_expanded || shown != m_text);
    m_showAllButton->setVisible(long_);
    m_showAllButton->setText(m_expanded ? tr("Show less") : tr("Show all"));
    m_showAllButton->setAccessibleName(m_showAllButton->text());
    fitTextHeight();
}

void NoticeBox::setCopyable(bool copyable, const QString &what)
{
    m_what = what;
    m_copyButton->setVisible(copyable);
    m_copyButton->setToolTip(tr("Copy %1").arg(what));
    m_copyButton->setAccessibleName(tr("Copy %1").arg(what));
}

QString NoticeBox::title() const
{
    return m_titleLabel->text();
}

QString NoticeBox::text() const
{
    return m_text;
}

void NoticeBox::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    const QColor accent = m_accent.isValid() ? m_accent : palette().color(QPalette::Mid);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = accent;
    fill.setAlphaF(StatusPresentation::isDark(palette()) ? 0.18f : 0.09f);
    QPainterPath path;
    const qreal radius = fontMetrics().height() / 3.0;
    path.addRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter.fillPath(path, palette().color(QPalette::Base));
    painter.fillPath(path, fill);
    painter.setPen(QPen(accent, 1.0));
    painter.drawPath(path);
}

void NoticeBox::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        updateLook();
}

void NoticeBox::updateLook()
{
    const int em = fontMetrics().height();
    if (auto *grid = qobject_cast<QGridLayout *>(layout())) {
        grid->setContentsMargins(em * 2 / 3, em / 2, em / 3, em / 2);
        grid->setHorizontalSpacing(em / 2);
        grid->setVerticalSpacing(em / 4);
    }
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_iconLabel->setPixmap(m_icon.isNull()
                                   ? QPixmap()
                                   : m_icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_iconLabel->setVisible(!m_icon.isNull());
    QFont bold = font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_copyButton->setIcon(DetailsFormat::copyIcon(palette()));
    // Text on the tinted block keeps the palette's text colour (the tint is light enough).
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_textLabel->setPalette(pal);
    m_titleLabel->setPalette(pal);
}

} // namespace bw
