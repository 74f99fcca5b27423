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
// QLibraryInfo::TranslationsPath when that is installed. English needs no translation. An explicit
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
    // The languages with a batchwatch translation, as locale names ("de"); English is implicit.
    static QStringList available();
    // The resource path of batchwatch's translation for a locale name ("de"): ":/i18n/…".
    static QString translationFile(const QString &name);
};

} // namespace bw
