#include "presentation/uilanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace bw {

namespace {

constexpr auto kDirectory = ":/i18n";
constexpr auto kBaseName = "batchwatch";
// Marks the translators install() owns, so that a second call replaces them.
constexpr auto kOwnerTag = "batchwatch.uiLanguage";
// The English plural forms ("batchwatch-plurals_en.qm"), owned by installPlurals().
constexpr auto kPluralsName = "batchwatch-plurals";
constexpr auto kPluralsTag = "batchwatch.plurals";

// Qt's own words that batchwatch shows: standard dialog buttons, shortcut names in menus, the
// context menu of text fields. qtbase_<lang>.qm has them, but many systems lack it (Debian ships
// it separately, in qt6-translations-l10n); listed here, lupdate puts them into batchwatch's own
// translation, which Qt then consults under Qt's contexts. An installed qtbase translation is
// installed later and therefore wins.
[[maybe_unused]] constexpr const char *kQtWords[][2] = {
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "OK")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save All")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Open")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&No")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Abort")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Retry")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Close")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Help")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Reset")},
        {"QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Ctrl")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Shift")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Alt")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Meta")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Del")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Backspace")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Ins")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Esc")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Return")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Enter")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Space")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "PgUp")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "PgDown")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Home")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "End")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Left")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Right")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Up")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Down")},
        {"QShortcut", QT_TRANSLATE_NOOP("QShortcut", "Tab")},
        {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Undo")},
        {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Redo")},
        {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Cu&t")},
        {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Copy")},
        {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Paste")},
        {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Delete")},
        {"QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Select All")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete")},
        {"QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All")},
};

QStringList candidates(const QString &language)
{
    if (!language.isEmpty())
        return {language};
    const QString fromEnvironment = qEnvironmentVariable("BATCHWATCH_LANG");
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment};
    return QLocale::system().uiLanguages();
}

void removeOwn(QCoreApplication *app, const char *tag = kOwnerTag)
{
    const QList<QTranslator *> own
            = app->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : own) {
        if (translator->objectName() == QLatin1String(tag)) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
}

bool load(QCoreApplication *app, const QLocale &locale, const QString &name,
          const QString &directory, const char *tag = kOwnerTag)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(QLatin1String(tag));
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QStringList UiLanguage::available()
{
    QStringList names;
    const QStringList files
            = QDir(QLatin1String(kDirectory))
                      .entryList({QLatin1String(kBaseName) + QLatin1String("_*.qm")});
    for (const QString &file : files)
        names << file.mid(qstrlen(kBaseName) + 1).chopped(3);
    return names;
}

QString UiLanguage::translationFile(const QString &name)
{
    return QLatin1String(kDirectory) + QLatin1Char('/') + QLatin1String(kBaseName)
           + QLatin1Char('_') + name + QStringLiteral(".qm");
}

void UiLanguage::installPlurals(QCoreApplication *app)
{
    removeOwn(app, kPluralsTag);
    load(app, QLocale(QLocale::English, QLocale::UnitedStates), QLatin1String(kPluralsName),
         QLatin1String(kDirectory), kPluralsTag);
}

QLocale UiLanguage::install(QCoreApplication *app, const QString &language)
{
    removeOwn(app);
    // First, so that the language's own translation, installed after it, is asked first.
    installPlurals(app);
    const bool explicitChoice = !language.isEmpty() || qEnvironmentVariableIsSet("BATCHWATCH_LANG");
    for (const QString &candidate : candidates(language)) {
        const QLocale locale(candidate);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            break;
        if (!load(app, locale, QLatin1String(kBaseName), QLatin1String(kDirectory)))
            continue;
        // Qt's own words (standard buttons, context menus); absent unless qt6-translations-l10n
        // is installed, which leaves them English.
        load(app, locale, QStringLiteral("qtbase"),
             QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        if (explicitChoice)
            QLocale::setDefault(locale);
        return locale;
    }
    if (explicitChoice)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    return QLocale(QLocale::English);
}

} // namespace bw
