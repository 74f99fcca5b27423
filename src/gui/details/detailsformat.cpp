#include "details/detailsformat.h"

#include "domain/jobmetrics.h"
#include "presentation/statuspresentation.h"
#include "wire/jobcodec.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFontInfo>
#include <QGuiApplication>
#include <QRegularExpression>

namespace bw {

namespace {
constexpr QChar kZeroWidthSpace(0x200B);
constexpr int kBreakableFrom = 24; // characters without a space before breaks are offered
} // namespace

QString DetailsFormat::notReported()
{
    return tr("not reported by this gateway");
}

QString DetailsFormat::empty()
{
    return tr("(empty)");
}

namespace {

// The core's words for a JSON value or an expected type (jsonTypeName(), the codecs' "expected
// ..." texts) in the user's words.
QString typeWords(const QString &core)
{
    static const QRegularExpression quoted(QStringLiteral(R"re(^the string "(.*)"$)re"),
                                           QRegularExpression::DotMatchesEverythingOption);
    if (core == QLatin1StringView("a string"))
        return DetailsFormat::tr("text");
    if (core == QLatin1StringView("a single string"))
        return DetailsFormat::tr("a single text");
    if (core == QLatin1StringView("a timestamp string"))
        return DetailsFormat::tr("a date and time");
    if (core == QLatin1StringView("an integer"))
        return DetailsFormat::tr("a whole number");
    if (core == QLatin1StringView("a number"))
        return DetailsFormat::tr("a number");
    if (core == QLatin1StringView("a boolean"))
        return DetailsFormat::tr("true or false");
    if (core == QLatin1StringView("an array"))
        return DetailsFormat::tr("a list");
    if (core == QLatin1StringView("an object"))
        return DetailsFormat::tr("an object");
    if (core == QLatin1StringView("null"))
        return DetailsFormat::tr("null");
    if (core == QLatin1StringView("a percentage from 0 to 100"))
        return DetailsFormat::tr("a percentage from 0 to 100");
    if (const QRegularExpressionMatch m = quoted.match(core); m.hasMatch())
        return DetailsFormat::tr("the text “%1”").arg(m.captured(1));
    bool number = false;
    core.toDouble(&number);
    if (number)
        return DetailsFormat::tr("the number %1").arg(core);
    return core;
}

} // namespace

QString DetailsFormat::problemReason(const QString &message)
{
    static const QRegularExpression expectedGot(QStringLiteral("^expected (.+?), got (.+)$"),
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression expected(QStringLiteral("^expected (.+)$"));
    static const QRegularExpression belowMinimum(
            QStringLiteral("^(-?\\d+) is below the minimum (-?\\d+)$"));
    static const QRegularExpression epoch(
            QStringLiteral("^number (.+) is not a usable epoch time$"));
    static const QRegularExpression notTimestamp(
            QStringLiteral(R"re(^"(.*)" is not an ISO 8601 timestamp$)re"),
            QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch m = expectedGot.match(message); m.hasMatch())
        return tr("%1 where %2 was expected", "a number where text was expected")
                .arg(typeWords(m.captured(2)), typeWords(m.captured(1)));
    if (const QRegularExpressionMatch m = expected.match(message); m.hasMatch())
        return tr("not %1", "not a number").arg(typeWords(m.captured(1)));
    if (message == QLatin1StringView("integer sent as a string"))
        return tr("a whole number sent as text");
    if (const QRegularExpressionMatch m = belowMinimum.match(message); m.hasMatch())
        return tr("%1, below the smallest allowed value %2").arg(m.captured(1), m.captured(2));
    if (const QRegularExpressionMatch m = epoch.match(message); m.hasMatch())
        return tr("the number %1, which is not a usable time").arg(m.captured(1));
    if (const QRegularExpressionMatch m = notTimestamp.match(message); m.hasMatch())
        return tr("“%1”, which is not a date and time").arg(m.captured(1));
    return message;
}

QString DetailsFormat::unreadable(const QString &reason)
{
    return tr("reported, but not readable: %1").arg(reason);
}

QString DetailsFormat::absoluteTime(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

QString DetailsFormat::utcTime(const QDateTime &instant)
{
    return instant.isValid() ? JobCodec::formatTimestamp(instant) : QString();
}

QString DetailsFormat::absoluteAndRelative(const QDateTime &instant, const QDateTime &now)
{
    if (!instant.isValid())
        return {};
    const QString relative = JobMetrics::formatRelative(instant, now);
    if (relative.isEmpty())
        return absoluteTime(instant);
    return tr("%1 (%2)").arg(absoluteTime(instant), relative);
}

QString DetailsFormat::breakable(const QString &text)
{
    if (text.size() < kBreakableFrom || text.contains(u' '))
        return text;
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        out.append(c);
        // '-' too: a UUID token ("3c9f009d-8eec-...") offers no break of its own.
        if (c == u':' || c == u'/' || c == u',' || c == u'-')
            out.append(kZeroWidthSpace);
    }
    return out;
}

QString DetailsFormat::plainText(QString text)
{
    text.remove(kZeroWidthSpace);
    // A selection across paragraphs comes back with U+2029; the clipboard wants newlines.
    text.replace(QChar::ParagraphSeparator, u'\n');
    return text;
}

void DetailsFormat::copyToClipboard(const QString &text)
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    clipboard->setText(text, QClipboard::Clipboard);
    if (clipboard->supportsSelection())
        clipboard->setText(text, QClipboard::Selection);
}

QIcon DetailsFormat::copyIcon(const QPalette &palette)
{
    return StatusPresentation::tintedSvgIcon(QStringLiteral(":/icons/copy.svg"),
                                             palette.color(QPalette::Active, QPalette::ButtonText),
                                             palette.color(QPalette::Active, QPalette::Button));
}

QIcon DetailsFormat::storageIcon(const QPalette &palette)
{
    return StatusPresentation::tintedSvgIcon(QStringLiteral(":/icons/bucket.svg"),
                                             palette.color(QPalette::Active, QPalette::Link),
                                             palette.color(QPalette::Active, QPalette::Base));
}

QIcon DetailsFormat::searchIcon(const QPalette &palette)
{
    return StatusPresentation::tintedSvgIcon(QStringLiteral(":/icons/search.svg"),
                                             palette.color(QPalette::Active, QPalette::Text),
                                             palette.color(QPalette::Active, QPalette::Base));
}

QFont DetailsFormat::monospaceFont(const QFont &base)
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!QFontInfo(fixed).fixedPitch()) {
        fixed = QFont(QStringLiteral("monospace"));
        fixed.setStyleHint(QFont::Monospace);
        fixed.setFixedPitch(true);
    }
    if (base.pointSizeF() > 0)
        fixed.setPointSizeF(base.pointSizeF());
    else if (base.pixelSize() > 0)
        fixed.setPixelSize(base.pixelSize());
    return fixed;
}

QColor DetailsFormat::dimmedTextColor(const QPalette &palette)
{
    // Halfway between text and background keeps roughly 4.5:1 on common palettes, where the
    // palette's PlaceholderText is often too faint for real content.
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    const QColor back = palette.color(QPalette::Active, QPalette::Window);
    QColor mixed = QColor::fromRgbF(text.redF() * 0.62f + back.redF() * 0.38f,
                                    text.greenF() * 0.62f + back.greenF() * 0.38f,
                                    text.blueF() * 0.62f + back.blueF() * 0.38f);
    return mixed;
}

} // namespace bw
