#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace bw {

struct ParseProblem;

// Shared wording and formatting of the details panel and the overview page, so every tab says
// "not reported" and shows an instant the same way.
class DetailsFormat
{
    Q_DECLARE_TR_FUNCTIONS(DetailsFormat)

public:
    // "not reported by this gateway": the field never came in any response for this job.
    static QString notReported();
    // "(empty)": the gateway reported the field with an empty value.
    static QString empty();

    // Why a field the gateway sent could not be read, in the user's words, from the problem's
    // kind and types (never from the core's English message): a WrongType problem expecting
    // Text and finding a Number -> "a number where text was expected".
    static QString problemReason(const ParseProblem &problem);
    // "reported, but not readable: <reason>": a field that came with a value of the wrong type.
    static QString unreadable(const QString &reason);

    // Local time "2025-03-14 09:15:02 CET" (the table's convention); empty for invalid.
    static QString absoluteTime(const QDateTime &instant);
    // UTC "2025-03-14T08:15:02.417Z" (what copies and tooltips carry); empty for invalid.
    static QString utcTime(const QDateTime &instant);
    // "2025-03-14 09:15:02 CET (5 min ago)".
    static QString absoluteAndRelative(const QDateTime &instant, const QDateTime &now);

    // Lets a long token without spaces (an ARN, an S3 URI, a UUID) wrap in a label: a zero-width
    // space follows each ':' '/' ',' and '-' once the text is long enough. plainText() undoes
    // it.
    static QString breakable(const QString &text);
    static QString plainText(QString text);

    // Puts `text` on the clipboard (and the selection clipboard where there is one).
    static void copyToClipboard(const QString &text);

    // The copy tool-button icon, tinted for `palette`.
    static QIcon copyIcon(const QPalette &palette);
    // The icon for S3 locations, tinted with the palette's link colour.
    static QIcon storageIcon(const QPalette &palette);
    // The search icon for find fields.
    static QIcon searchIcon(const QPalette &palette);

    // The system's fixed-pitch font at the size of `base` (a generic monospace family where the
    // platform theme has none, e.g. the offscreen platform).
    static QFont monospaceFont(const QFont &base);

    // A text colour for secondary, dimmed text (placeholder-like) that stays readable.
    static QColor dimmedTextColor(const QPalette &palette);
};

} // namespace bw
