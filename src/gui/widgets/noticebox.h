#pragma once

#include <QColor>
#include <QFrame>
#include <QIcon>
#include <QString>

QT_BEGIN_NAMESPACE
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace bw {

// A framed, tinted block that makes one piece of text prominent: a job's failure message, a
// "not found on this gateway" notice, the last fetch error. An icon, a bold title and wrapped,
// selectable text; optionally a copy button. The tint and border come from the accent colour
// (the caller picks it from StatusPresentation), drawn over the palette so it works on light
// and dark themes.
class NoticeBox : public QFrame
{
    Q_OBJECT

public:
    explicit NoticeBox(QWidget *parent = nullptr);
    ~NoticeBox() override;

    void setAccent(const QColor &color, const QIcon &icon);
    void setTitle(const QString &title);
    void setText(const QString &text);
    // Shows a copy button; `what` names the copied text in the copied() message ("message").
    void setCopyable(bool copyable, const QString &what = {});

    QString title() const;
    QString text() const;

    // A long text shows only its first `lines` lines (about that many lines of a typical
    // width; 0: always everything), ending in "…", with a "Show all" button that toggles the
    // rest. Copying always copies the whole text.
    void setCollapsedLines(int lines);
    bool isCollapsed() const; // the text is long and only its start shows
    QString shownText() const;
    QToolButton *showAllButton() const { return m_showAllButton; }

Q_SIGNALS:
    void copied(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateLook();
    void updateShownText();
    void fitTextHeight();

    QLabel *m_iconLabel = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_textLabel = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_showAllButton = nullptr;
    int m_collapsedLines = 0;
    bool m_expanded = false;
    QColor m_accent;
    QIcon m_icon;
    QString m_text;
    QString m_what;
};

} // namespace bw
