#include "presentation/apptheme.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QFont>
#include <QFontDatabase>
#include <QFontInfo>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>

namespace bw {

namespace {

struct Original
{
    QString styleName;
    QPalette palette;
};

const Original &original()
{
    static const Original o{QApplication::style() ? QApplication::style()->name() : QString(),
                            QApplication::palette()};
    return o;
}

// Fusion with edges: Fusion draws the frames of fields, boxes and buttons in the window colour
// a little darker, which on the high-contrast palette's black is black — a search field or a
// check box would show no edge at all. This draws a light edge around them, and the keyboard
// focus as a thick ring in the highlight colour.
class HighContrastStyle : public QProxyStyle
{
public:
    HighContrastStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
    {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element == PE_FrameFocusRect) {
            ring(painter, option->rect, option->palette.color(QPalette::Highlight), 2);
            return;
        }
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        switch (element) {
        case PE_PanelLineEdit:
            // An editable combo or a spin box draws its own edge (below).
            if (widget && widget->parentWidget()
                && (qobject_cast<const QComboBox *>(widget->parentWidget())
                    || qobject_cast<const QAbstractSpinBox *>(widget->parentWidget())))
                break;
            edge(option, painter);
            break;
        case PE_IndicatorCheckBox:
        case PE_IndicatorRadioButton:
        case PE_PanelButtonCommand:
        case PE_Frame:
            edge(option, painter, element == PE_IndicatorRadioButton);
            break;
        default:
            break;
        }
    }

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                            QPainter *painter, const QWidget *widget) const override
    {
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        if (control == CC_ComboBox || control == CC_SpinBox)
            edge(option, painter);
    }

private:
    static void ring(QPainter *painter, const QRect &rect, const QColor &color, int width)
    {
        painter->save();
        painter->setPen(QPen(color, width));
        painter->setBrush(Qt::NoBrush);
        const int inset = width / 2;
        painter->drawRect(
                rect.adjusted(inset, inset, -inset - 1 + width % 2, -inset - 1 + width % 2));
        painter->restore();
    }

    static void edge(const QStyleOption *option, QPainter *painter, bool round = false)
    {
        const bool focus = option->state.testFlag(State_HasFocus);
        const bool enabled = option->state.testFlag(State_Enabled);
        const QColor color
                = focus ? option->palette.color(QPalette::Highlight)
                        : option->palette.color(enabled ? QPalette::Active : QPalette::Disabled,
                                                QPalette::WindowText);
        if (round) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(color, 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5));
            painter->restore();
            return;
        }
        ring(painter, option->rect, color, focus ? 2 : 1);
    }
};

} // namespace

QPalette AppTheme::lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    return p;
}

QPalette AppTheme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor alternate(0x26, 0x28, 0x2b);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x83, 0x88);
    const QColor button(0x35, 0x37, 0x3b);
    const QColor highlight(0x2f, 0x6f, 0xd0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x3b, 0x3e, 0x42));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xb7, 0xf7));
    p.setColor(QPalette::LinkVisited, QColor(0xb9, 0xa3, 0xe0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4d));
    return p;
}

QPalette AppTheme::highContrastPalette()
{
    QPalette p;
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    const QColor yellow(0xff, 0xff, 0x00);
    // Fusion draws frames in the Window colour darkened and bevels from Light/Dark: a button a
    // shade above black and light edges keep controls visible as controls.
    const QColor button(0x1f, 0x1f, 0x1f);
    p.setColor(QPalette::Window, black);
    p.setColor(QPalette::WindowText, white);
    p.setColor(QPalette::Base, black);
    p.setColor(QPalette::AlternateBase, QColor(0x14, 0x14, 0x14));
    p.setColor(QPalette::ToolTipBase, black);
    p.setColor(QPalette::ToolTipText, white);
    p.setColor(QPalette::PlaceholderText, QColor(0xc8, 0xc8, 0xc8));
    p.setColor(QPalette::Text, white);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, white);
    p.setColor(QPalette::BrightText, yellow);
    p.setColor(QPalette::Light, white);
    p.setColor(QPalette::Midlight, QColor(0xc0, 0xc0, 0xc0));
    p.setColor(QPalette::Mid, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Dark, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Shadow, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Highlight, yellow);
    p.setColor(QPalette::HighlightedText, black);
    p.setColor(QPalette::Link, QColor(0x00, 0xff, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xff, 0x99, 0xff));
    // Disabled is dimmer but still readable (8:1 on black).
    const QColor disabledText(0xa0, 0xa0, 0xa0);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x80, 0x80, 0x00));
    p.setColor(QPalette::Disabled, QPalette::Button, black);
    return p;
}

void AppTheme::apply(Theme theme)
{
    const Original &o = original();
    switch (theme) {
    case Theme::System:
        if (!o.styleName.isEmpty())
            QApplication::setStyle(o.styleName);
        QApplication::setPalette(o.palette);
        break;
    case Theme::Light:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    case Theme::HighContrast:
        QApplication::setStyle(new HighContrastStyle); // the application owns it
        QApplication::setPalette(highContrastPalette());
        break;
    }
    applyEmojiFallback();
}

QStringList AppTheme::emojiFamilies()
{
    return {QStringLiteral("Noto Color Emoji"), QStringLiteral("Twemoji"),
            QStringLiteral("Apple Color Emoji"), QStringLiteral("Segoe UI Emoji")};
}

QString AppTheme::applyEmojiFallback()
{
    QString emoji;
    for (const QString &family : emojiFamilies()) {
        if (QFontDatabase::hasFamily(family)) {
            emoji = family;
            break;
        }
    }
    if (emoji.isEmpty())
        return {};
    QFont font = QApplication::font();
    if (!font.families().contains(emoji)) {
        // The family really used, not the name asked for: a generic name ("Sans Serif", the
        // default) is no installed family, and the emoji font would draw every character.
        font.setFamilies({QFontInfo(font).family(), emoji});
        QApplication::setFont(font);
    }
    return emoji;
}

} // namespace bw
