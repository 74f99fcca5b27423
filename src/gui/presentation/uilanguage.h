#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace bw {

// The interface language, chosen once at start-up.
//
// install() picks the language — `language` when given ("de", "de_DE", "en"), else the
// BATCHWATCH_LANG environment variable, else the system locale's UI languages (LANGUAGE, LANG…)
// in order — and installs, as children of `app`, batchwatch's translation for it (compiled into
// the library under :/i18n, translations/README.md) and Qt's own qtbase translation from
// QLibraryInfo::TranslationsPath when that is installed, over English's plural forms
// (installPlurals()); English needs no other translation. An explicit
// language (argument or BATCHWATCH_LANG) also becomes QLocale's default, so numbers and dates
// match the words. Returns the locale whose translation was installed (QLocale::English when
// none was), so that a caller can tell. Call after the application object exists, before any
// widget is built; calling again replaces what the previous call installed.
//
// The CLI installs none: its JSON, CSV and table output and its messages stay English for
// scripts.
class UiLanguage
{
public:
    static QLocale install(QCoreApplication *app, const QString &language = {});
    // English words that change with a count: the sources say "%n job(s)", and this plural-only
    // translation (translations/batchwatch-plurals_en.ts) makes it "1 job" or "2 jobs". install()
    // installs it under every language, below the language's own translation; a program (or a
    // test) that shows English without calling install() calls this. Leaves the locale alone;
    // calling again replaces the previous one.
    static void installPlurals(QCoreApplication *app);
    // The languages with a batchwatch translation, as locale names ("de"); English is implicit.
    static QStringList available();
    // The resource path of batchwatch's translation for a locale name ("de"): ":/i18n/…".
    static QString translationFile(const QString &name);
};

} // namespace bw
