#include "texttable.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bw::cli {

namespace {

const QChar kEllipsis(0x2026);

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
           || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
           || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

int charWidth(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Other_Control:
        return 0;
    default:
        break;
    }
    return isWide(c) ? 2 : 1;
}

// Walks `text` by code point: i is the index of the code point's first UTF-16 unit, `next` the
// index after it. Unpaired surrogates come out as U+FFFD.
struct CodePoints
{
    const QString &text;
    qsizetype i = 0;
    qsizetype next = 0;

    bool hasNext() const { return next < text.size(); }
    char32_t advance()
    {
        i = next;
        const QChar c = text.at(i);
        next = i + 1;
        if (c.isHighSurrogate() && next < text.size() && text.at(next).isLowSurrogate()) {
            const QChar low = text.at(next++);
            return QChar::surrogateToUcs4(c, low);
        }
        if (c.isSurrogate())
            return 0xFFFD;
        return c.unicode();
    }
};

} // namespace

QString Text::oneLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool blank = false;
    CodePoints it{text};
    while (it.hasNext()) {
        const char32_t c = it.advance();
        const bool space = c == u'\n' || c == u'\r' || c == u'\t' || c == u'\v' || c == u'\f'
                           || c == 0x2028 || c == 0x2029 || QChar::isSpace(c);
        if (space) {
            blank = true;
            continue;
        }
        if (QChar::category(c) == QChar::Other_Control)
            continue; // ESC, BEL, DEL, C1 controls: never let a gateway drive the terminal
        if (c == 0x202E || c == 0x202D || c == 0x2066 || c == 0x2067 || c == 0x2068 || c == 0x2069
            || c == 0x202A || c == 0x202B || c == 0x202C)
            continue; // bidi overrides and isolates could disguise what follows
        if (blank && !out.isEmpty())
            out += u' ';
        blank = false;
        if (QChar::requiresSurrogates(c)) {
            out += QChar(QChar::highSurrogate(c));
            out += QChar(QChar::lowSurrogate(c));
        } else {
            out += QChar(char16_t(c));
        }
    }
    return out;
}

int Text::displayWidth(const QString &text)
{
    int width = 0;
    CodePoints it{text};
    while (it.hasNext())
        width += charWidth(it.advance());
    return width;
}

QString Text::elide(const QString &text, int width)
{
    if (width <= 0)
        return {};
    if (displayWidth(text) <= width)
        return text;
    QString out;
    int used = 0;
    CodePoints it{text};
    while (it.hasNext()) {
        const char32_t c = it.advance();
        const int w = charWidth(c);
        if (used + w > width - 1)
            break;
        used += w;
        out += QStringView(text).sliced(it.i, it.next - it.i);
    }
    // No blank right before the ellipsis: "Nightly…" reads better than "Nightly …".
    while (out.endsWith(u' '))
        out.chop(1);
    return out + kEllipsis;
}

QString Text::pad(const QString &text, int width, bool alignRight)
{
    const int missing = width - displayWidth(text);
    if (missing <= 0)
        return text;
    const QString fill(missing, u' ');
    return alignRight ? fill + text : text + fill;
}

TextTable::TextTable(QList<Column> columns)
    : m_columns(std::move(columns))
{}

void TextTable::addRow(const QStringList &cells)
{
    QStringList row;
    row.reserve(m_columns.size());
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        row.append(i < cells.size() ? Text::oneLine(cells.at(i)) : QString());
    m_rows.append(row);
}

QList<int> TextTable::columnWidths(int maxWidth) const
{
    const qsizetype n = m_columns.size();
    QList<int> widths(n, 0);
    for (qsizetype c = 0; c < n; ++c) {
        widths[c] = Text::displayWidth(m_columns.at(c).header);
        for (const QStringList &row : m_rows)
            widths[c] = std::max(widths[c], Text::displayWidth(row.at(c)));
    }
    if (maxWidth <= 0 || n == 0)
        return widths;

    auto totalWidth = [&widths] {
        int total = 0;
        int shown = 0;
        for (int w : std::as_const(widths)) {
            total += w;
            shown += w > 0 ? 1 : 0;
        }
        return total + 2 * std::max(0, shown - 1);
    };
    int total = totalWidth();
    if (total > maxWidth) {
        for (qsizetype c = 0; c < n; ++c) {
            const bool empty
                    = std::all_of(m_rows.cbegin(), m_rows.cend(),
                                  [c](const QStringList &row) { return row.at(c).isEmpty(); });
            if (empty && !m_rows.isEmpty())
                widths[c] = 0;
        }
        total = totalWidth();
    }
    while (total > maxWidth) {
        qsizetype widest = -1;
        for (qsizetype c = 0; c < n; ++c) {
            const int min = m_columns.at(c).minWidth;
            if (min <= 0 || widths.at(c) <= min || widths.at(c) == 0)
                continue;
            if (widest < 0 || widths.at(c) > widths.at(widest))
                widest = c;
        }
        if (widest < 0)
            break; // every column is at its minimum
        --widths[widest];
        --total;
    }
    return widths;
}

QString TextTable::render(int maxWidth) const
{
    const QList<int> widths = columnWidths(maxWidth);
    QString out;
    auto line = [&](const QStringList &cells) {
        QString text;
        bool first = true;
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            if (widths.at(c) == 0)
                continue;
            if (!first)
                text += u"  "_s;
            first = false;
            const Column &col = m_columns.at(c);
            text += Text::pad(Text::elide(cells.at(c), widths.at(c)), widths.at(c), col.alignRight);
        }
        while (text.endsWith(u' '))
            text.chop(1);
        out += text + u'\n';
    };
    QStringList headers;
    for (const Column &c : m_columns)
        headers.append(c.header);
    line(headers);
    for (const QStringList &row : m_rows)
        line(row);
    return out;
}

} // namespace bw::cli
