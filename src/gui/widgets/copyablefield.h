#pragma once

#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace bw {

// One value of the details panel: selectable text that wraps (long ARNs and URIs included) and a
// small copy button. Three states that look different:
//  - Value: the text as given (copy puts copyText(), e.g. an exact UTC instant for a time);
//  - Empty: the gateway reported an empty value — "(empty)", nothing to copy;
//  - NotReported: no response ever carried the field — "not reported by this gateway" in a
//    dimmed italic style, nothing to copy.
// Ctrl+C copies the selection when there is one, else the whole value; the context menu offers
// both. Setting the same value again changes nothing (a selection survives a refresh).
class CopyableField : public QWidget
{
    Q_OBJECT

public:
    enum class State { Value, Empty, NotReported };
    Q_ENUM(State)

    explicit CopyableField(QWidget *parent = nullptr);
    ~CopyableField() override;

    // What the field is called in messages and for accessibility ("Role ARN").
    void setFieldName(const QString &name);
    QString fieldName() const { return m_fieldName; }

    // An empty `text` means State::Empty. `copyText` defaults to `text`.
    void setValue(const QString &text, const QString &copyText = {});
    // A value that is worth copying but needs no words of its own (they are shown beside the
    // field, e.g. a status badge): nothing shown, State::Value, copy puts `copyText`.
    void setCopyOnly(const QString &copyText);
    void setEmpty();
    void setNotReported();
    // Another placeholder than "not reported" (e.g. "never"), dimmed like NotReported.
    void setPlaceholder(const QString &text);
    // Optional tooltip for the value (e.g. the UTC form of a time).
    void setValueToolTip(const QString &toolTip);
    // Monospace for identifiers and tokens.
    void setMonospace(bool monospace);
    // Shows the value in the given colour (e.g. an expiry at risk); invalid restores the palette.
    void setAccentColor(const QColor &color);

    State state() const { return m_state; }
    QString text() const;     // what is shown, without wrapping aids
    QString copyText() const; // what "Copy" puts on the clipboard; empty unless State::Value

public Q_SLOTS:
    void copy();

Q_SIGNALS:
    // After a copy: "Copied <field name>".
    void copied(const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply(State state, const QString &shown, const QString &copyText);
    void updateLook();
    void updateToolTip();
    void showContextMenu(const QPoint &pos);
    void fitLabelHeight();
    void copySelectionOrAll();

    QLabel *m_label = nullptr;
    QToolButton *m_copyButton = nullptr;
    QString m_fieldName;
    State m_state = State::NotReported;
    QString m_shown;
    QString m_copyText;
    QString m_valueToolTip;
    QColor m_accent;
    bool m_monospace = false;
};

} // namespace bw
