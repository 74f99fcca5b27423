#include "details/detailsformat.h"

#include "domain/jobmetrics.h"
#include "presentation/statuspresentation.h"
#include "wire/jobcodec.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFontInfo>
#include <QGuiApplication>

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

// What a field should hold, in the user's words ("where a whole number was expected").
QString expectedWords(ValueType type)
{
    switch (type) {
    case ValueType::None:
        return DetailsFormat::tr("a value");
    case ValueType::Null:
        return DetailsFormat::tr("null");
    case ValueType::Boolean:
        return DetailsFormat::tr("true or false");
    case ValueType::Number:
        return DetailsFormat::tr("a number");
    case ValueType::WholeNumber:
        return DetailsFormat::tr("a whole number");
    case ValueType::Count:
        return DetailsFormat::tr("a count (a whole number from 0)");
    case ValueType::Percentage:
        return DetailsFormat::tr("a percentage from 0 to 100");
    case ValueType::Text:
        return DetailsFormat::tr("text");
    case ValueType::Timestamp:
        return DetailsFormat::tr("a date and time");
    case ValueType::UnixTime:
        return DetailsFormat::tr("a time in Unix seconds");
    case ValueType::List:
        return DetailsFormat::tr("a list");
    case ValueType::Object:
        return DetailsFormat::tr("an object");
    }
    return DetailsFormat::tr("a value");
}

// What came instead: the value itself when the core kept it ("the text “ten”", "the number
// 3.5"), else its type.
QString foundWords(const ParseProblem &p)
{
    if (!p.value.isEmpty())
        return p.found == ValueType::Text ? DetailsFormat::tr("the text “%1”").arg(p.value)
                                          : DetailsFormat::tr("the number %1").arg(p.value);
    return expectedWords(p.found);
}

} // namespace

QString DetailsFormat::problemReason(const ParseProblem &p)
{
    using Kind = ParseProblem::Kind;
    switch (p.kind) {
    case Kind::WrongType:
    case Kind::NotWholeNumber:
    case Kind::OutOfRange:
        return tr("%1 where %2 was expected", "a number where text was expected")
                .arg(foundWords(p), expectedWords(p.expected));
    case Kind::NumberAsText:
        return tr("a whole number sent as text");
    case Kind::BelowMinimum:
        return tr("%1, below the smallest allowed value %2").arg(p.value, p.limit);
    case Kind::NotATime:
        return p.found == ValueType::Text
                       ? tr("“%1”, which is not a date and time").arg(p.value)
                       : tr("the number %1, which is not a usable time").arg(p.value);
    case Kind::CountsDisagree:
        return tr("more records finished (%1) than the total (%2)").arg(p.value, p.limit);
    case Kind::LeftOut:
        return tr("an entry without an identifier, left out");
    case Kind::TooManyEntries:
        return tr("%n more entries, not read", nullptr, p.value.toInt());
    case Kind::MoreProblems:
        return tr("%n more problems, not listed", nullptr, p.value.toInt());
    case Kind::MoreEntries:
        return tr("%n more entries, each not %1", "3 more entries, each not text", p.value.toInt())
                .arg(expectedWords(p.expected));
    }
    return p.message();
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
