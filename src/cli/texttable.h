#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace bw::cli {

// Plain-text helpers for terminal output.
namespace Text {
// `text` made safe for ONE terminal line: line breaks and tabs become spaces, runs of blanks
// collapse, other control characters (ESC of terminal escape sequences, BEL, DEL, C1) are
// dropped, surrounding blanks trimmed. Gateway messages pass through this before reaching a
// terminal.
QString oneLine(const QString &text);
// Columns `text` takes in a terminal: one per character, two for East Asian wide ones and
// emoji, none for combining marks and zero-width characters.
int displayWidth(const QString &text);
// `text` cut to at most `width` columns, ending in "…" when anything was cut.
QString elide(const QString &text, int width);
// `text` padded with spaces to `width` columns, on the right (or the left when alignRight).
QString pad(const QString &text, int width, bool alignRight = false);
} // namespace Text

// A table of aligned columns separated by two spaces, with a header row. When the natural
// width exceeds the maximum, the widest shrinkable column is narrowed one column at a time
// (down to its minimum width) until the table fits; cut cells end in "…". Columns never go
// below their minimum, so a very narrow terminal still gets a (wider) table rather than nothing.
class TextTable
{
public:
    struct Column
    {
        QString header;
        int minWidth = 1; // 0 or less: never shrunk
        bool alignRight = false;
    };

    explicit TextTable(QList<Column> columns);

    // Cells are made one-line (Text::oneLine); missing cells are empty, extra ones ignored.
    void addRow(const QStringList &cells);
    int rowCount() const { return int(m_rows.size()); }

    // The widths render() uses for `maxWidth` (0 or less: unlimited); 0 for a hidden column.
    QList<int> columnWidths(int maxWidth) const;
    // Header and rows, each line ending in '\n', trailing blanks trimmed. When the table is
    // wider than `maxWidth`, columns without a value in any row are left out first (their
    // header alone would only take room from the others); otherwise every column shows.
    QString render(int maxWidth) const;

private:
    QList<Column> m_columns;
    QList<QStringList> m_rows;
};

} // namespace bw::cli
