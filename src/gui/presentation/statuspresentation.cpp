#include "presentation/statuspresentation.h"

#include "domain/statusvocabulary.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>

namespace bw {

namespace {

constexpr double kMinimumContrast = 3.0;

QPalette appPalette()
{
    return QGuiApplication::palette();
}

// Renders SVG bytes at exactly the requested pixel size, so icons stay sharp at any scale.
class TintedSvgIconEngine final : public QIconEngine
{
public:
    TintedSvgIconEngine(QByteArray svg, QString cacheKey)
        : m_svg(std::move(svg))
        , m_cacheKey(std::move(cacheKey))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(m_svg);
        if (!renderer.isValid())
            return;
        painter->save();
        if (mode == QIcon::Disabled)
            painter->setOpacity(painter->opacity() * 0.4);
        // Keep the aspect ratio and centre the drawing in rect.
        QSizeF size = renderer.defaultSize();
        size.scale(rect.size(), Qt::KeepAspectRatio);
        const QRectF target(rect.x() + (rect.width() - size.width()) / 2.0,
                            rect.y() + (rect.height() - size.height()) / 2.0, size.width(),
                            size.height());
        renderer.render(painter, target);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        if (size.isEmpty())
            return {};
        const QString key = QStringLiteral("bw-icon:%1:%2x%3:%4")
                                    .arg(m_cacheKey)
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(int(mode));
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap(size);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            paint(&p, QRect(QPoint(0, 0), size), mode, state);
        }
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    QIconEngine *clone() const override { return new TintedSvgIconEngine(m_svg, m_cacheKey); }
    QString key() const override { return QStringLiteral("bw-tinted-svg"); }

private:
    QByteArray m_svg;
    QString m_cacheKey;
};

QByteArray loadResource(const QString &path)
{
    static QHash<QString, QByteArray> cache;
    auto it = cache.constFind(path);
    if (it != cache.constEnd())
        return *it;
    QFile file(path);
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    cache.insert(path, bytes);
    return bytes;
}

QString groupIconPath(StatusGroup group)
{
    return QStringLiteral(":/icons/%1.svg").arg(StatusVocabulary::iconName(group));
}

// Moves `color` away from `background` in lightness until the contrast is at least `minimum`.
QColor ensureContrast(QColor color, const QColor &background, double minimum)
{
    const bool lighten = StatusPresentation::relativeLuminance(background) < 0.18;
    for (int i = 0; i < 40 && StatusPresentation::contrastRatio(color, background) < minimum; ++i) {
        float h = 0, s = 0, l = 0, a = 0;
        color.getHslF(&h, &s, &l, &a);
        l = lighten ? std::min(1.0f, l + 0.03f) : std::max(0.0f, l - 0.03f);
        color = QColor::fromHslF(h, s, l, a);
    }
    return color;
}

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

bool StatusPresentation::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightnessF() < 0.5;
}

bool StatusPresentation::isDark()
{
    return isDark(appPalette());
}

QString StatusPresentation::text(const Status &status)
{
    return StatusVocabulary::word(status);
}

QString StatusPresentation::text(JobStatus code)
{
    return StatusVocabulary::word(code);
}

QString StatusPresentation::description(JobStatus code)
{
    return StatusVocabulary::description(code);
}

QString StatusPresentation::groupText(StatusGroup group)
{
    return StatusVocabulary::groupWord(group);
}

QColor StatusPresentation::lightColor(StatusGroup group)
{
    return QColor(QRgb(StatusVocabulary::lightColor(group)));
}

QColor StatusPresentation::darkColor(StatusGroup group)
{
    return QColor(QRgb(StatusVocabulary::darkColor(group)));
}

QColor StatusPresentation::color(StatusGroup group, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor chosen = isDark(palette) ? darkColor(group) : lightColor(group);
    return ensureContrast(chosen, base, kMinimumContrast);
}

QColor StatusPresentation::color(StatusGroup group)
{
    return color(group, appPalette());
}

QColor StatusPresentation::color(JobStatus code, const QPalette &palette)
{
    return color(Status::groupOf(code), palette);
}

QColor StatusPresentation::color(JobStatus code)
{
    return color(code, appPalette());
}

QColor StatusPresentation::warningColor(const QPalette &palette)
{
    const QColor chosen = isDark(palette) ? QColor(0xff, 0xc1, 0x07) : QColor(0x9a, 0x5b, 0x00);
    return ensureContrast(chosen, palette.color(QPalette::Active, QPalette::Base),
                          kMinimumContrast);
}

QColor StatusPresentation::warningColor()
{
    return warningColor(appPalette());
}

QIcon StatusPresentation::icon(StatusGroup group, const QPalette &palette)
{
    const QColor fill = color(group, palette);
    return tintedSvgIcon(groupIconPath(group), fill, textColorOn(fill));
}

QIcon StatusPresentation::icon(StatusGroup group)
{
    return icon(group, appPalette());
}

QIcon StatusPresentation::icon(JobStatus code, const QPalette &palette)
{
    return icon(Status::groupOf(code), palette);
}

QIcon StatusPresentation::icon(JobStatus code)
{
    return icon(code, appPalette());
}

QIcon StatusPresentation::icon(const Status &status)
{
    return icon(status.code());
}

QIcon StatusPresentation::actionIcon(ActionIcon action, const QPalette &palette)
{
    QString name;
    switch (action) {
    case ActionIcon::Add:
        name = QStringLiteral("add");
        break;
    case ActionIcon::Refresh:
        name = QStringLiteral("refresh");
        break;
    case ActionIcon::Pause:
        name = QStringLiteral("pause");
        break;
    case ActionIcon::Resume:
        name = QStringLiteral("resume");
        break;
    case ActionIcon::Stop:
        name = QStringLiteral("stop");
        break;
    case ActionIcon::Remove:
        name = QStringLiteral("remove");
        break;
    case ActionIcon::Export:
        name = QStringLiteral("export");
        break;
    case ActionIcon::Settings:
        name = QStringLiteral("settings");
        break;
    case ActionIcon::Profile:
        name = QStringLiteral("profile");
        break;
    }
    return tintedSvgIcon(QStringLiteral(":/icons/action-%1.svg").arg(name),
                         palette.color(QPalette::Active, QPalette::ButtonText),
                         palette.color(QPalette::Active, QPalette::Button));
}

QIcon StatusPresentation::actionIcon(ActionIcon action)
{
    return actionIcon(action, appPalette());
}

QIcon StatusPresentation::signIcon(SignIcon sign, const QPalette &palette)
{
    switch (sign) {
    case SignIcon::Warning: {
        const QColor fill = warningColor(palette);
        return tintedSvgIcon(QStringLiteral(":/icons/warning.svg"), fill, textColorOn(fill));
    }
    case SignIcon::GatewayErrors: {
        const QColor fill = warningColor(palette);
        return tintedSvgIcon(QStringLiteral(":/icons/gateway-errors.svg"), fill, textColorOn(fill));
    }
    case SignIcon::Key:
        return tintedSvgIcon(QStringLiteral(":/icons/key.svg"),
                             palette.color(QPalette::Active, QPalette::WindowText),
                             palette.color(QPalette::Active, QPalette::Window));
    case SignIcon::Offline:
        break;
    }
    return tintedSvgIcon(QStringLiteral(":/icons/offline.svg"),
                         palette.color(QPalette::Active, QPalette::WindowText),
                         palette.color(QPalette::Active, QPalette::Window));
}

QIcon StatusPresentation::signIcon(SignIcon sign)
{
    return signIcon(sign, appPalette());
}

QIcon StatusPresentation::appIcon()
{
    return QIcon(QStringLiteral(":/icons/batchwatch.svg"));
}

double StatusPresentation::relativeLuminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double StatusPresentation::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor StatusPresentation::textColorOn(const QColor &background)
{
    return contrastRatio(background, Qt::white) >= contrastRatio(background, Qt::black)
                   ? QColor(Qt::white)
                   : QColor(Qt::black);
}

QIcon StatusPresentation::tintedSvgIcon(const QString &resourcePath, const QColor &primary,
                                        const QColor &secondary)
{
    static QHash<QString, QIcon> cache;
    const QString cacheKey = resourcePath + u'|' + primary.name(QColor::HexArgb) + u'|'
                             + secondary.name(QColor::HexArgb);
    auto it = cache.constFind(cacheKey);
    if (it != cache.constEnd())
        return *it;

    QByteArray svg = loadResource(resourcePath);
    if (svg.isEmpty())
        return {};
    // Through a placeholder so that a primary of #ffffff is not turned into the secondary.
    svg.replace("#000000", "@@primary@@");
    svg.replace("#ffffff", secondary.name(QColor::HexRgb).toLatin1());
    svg.replace("@@primary@@", primary.name(QColor::HexRgb).toLatin1());
    QIcon icon(new TintedSvgIconEngine(svg, cacheKey));
    cache.insert(cacheKey, icon);
    return icon;
}

} // namespace bw
