#include "presentation/apptheme.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QFontInfo>
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
