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

QStringList candidates(const QString &language)
{
    if (!language.isEmpty())
        return {language};
    const QString fromEnvironment = qEnvironmentVariable("BATCHWATCH_LANG");
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment};
    return QLocale::system().uiLanguages();
}

void removeOwn(QCoreApplication *app)
{
    const QList<QTranslator *> own
            = app->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : own) {
        if (translator->objectName() == QLatin1String(kOwnerTag)) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
}

bool load(QCoreApplication *app, const QLocale &locale, const QString &name,
          const QString &directory)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(QLatin1String(kOwnerTag));
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

QLocale UiLanguage::install(QCoreApplication *app, const QString &language)
{
    removeOwn(app);
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
