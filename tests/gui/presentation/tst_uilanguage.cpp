// The interface language: UiLanguage installs the German translation that the build embeds, the
// words of every layer (forms, widgets, report, core) come out German, and the translation stays
// complete — lupdate over today's sources finds nothing unfinished or obsolete.
#include "domain/statusvocabulary.h"
#include "loopbackhttpserver.h"
#include "presentation/uilanguage.h"
#include "wire/clienttext.h"
#include "wire/gatewayclient.h"
#include "wire/gatewayprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace bw;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;             // "", "unfinished", "obsolete", "vanished"
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            if (!current.source.isNull())
                messages << current;
            current = Message{context, QString(), {}, QString()};
            numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!numerus)
                current.translations << xml.readElementText();
        } else if (name == u"numerusform") {
            current.translations << xml.readElementText();
        }
    }
    if (!current.source.isNull())
        messages << current;
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found << match.captured();
    return found;
}

QString tsFile()
{
    return QStringLiteral(BATCHWATCH_SOURCE_DIR "/translations/batchwatch_de.ts");
}

// English's plural forms ("%n job(s)" → "1 job", "2 jobs"), lupdate -pluralonly.
QString pluralsFile()
{
    return QStringLiteral(BATCHWATCH_SOURCE_DIR "/translations/batchwatch-plurals_en.ts");
}

} // namespace

class TestUiLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        qunsetenv("BATCHWATCH_LANG");
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("en"));
        QLocale::setDefault(QLocale::c());
    }

    void aConnectionErrorIsShownInGermanButKeptInEnglish()
    {
        // The German desktop shows "… hat die Verbindung abgelehnt"; what it keeps (the store,
        // shared with the CLI and maybe a team) is the English sentence.
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de"));
        const quint16 port = test::closedPort();
        QNetworkAccessManager nam;
        GatewayClient client(&nam);
        GatewayProfile profile;
        profile.id = QStringLiteral("p");
        profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        profile.maxRequestsPerSecond = 0;
        client.setProfile(profile);
        std::optional<GatewayError> error;
        client.health(&client, [&](Expected<HealthResult> r) {
            QVERIFY(!r);
            error = r.error();
        });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 15000);
        QVERIFY2(error->message.contains(u"refused the connection"), qPrintable(error->message));
        QVERIFY2(error->shownMessage.contains(u"hat die Verbindung abgelehnt"),
                 qPrintable(error->shownMessage));
        QVERIFY2(error->describe().contains(u"hat die Verbindung abgelehnt"),
                 qPrintable(error->describe()));
        // Loaded from the store after a restart (the English only): the same German sentence.
        GatewayError stored = *error;
        stored.shownMessage.clear();
        QCOMPARE(stored.describe(), error->describe());
    }

    // A sentence read back from its English (as the store keeps it) is the sentence the client
    // showed: every shape, with batchwatch's words inside it translated and the data kept.
    void aStoredSentenceReadsAsItWasShown()
    {
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de"));
        const QString origin = QStringLiteral("http://127.0.0.1:8080");
        const auto text = [](const char *source) {
            return ClientText(source);
        };
        const auto verbatim = [](const QString &words) {
            return ClientText::verbatim(words);
        };
        const auto html = text(" (an HTML page, not an API route)");
        const QList<ClientText> shown{
                text("%1 refused the connection").arg(origin),
                text("no final answer from %1%2 (only HTTP %3)")
                        .arg(origin, text(" after %1 redirects").arg(3))
                        .arg(100),
                text("no final answer from %1%2 (only HTTP %3)").arg(origin, ClientText()).arg(100),
                text("more than %1, the limit for one response").arg(text("%1 bytes").arg(1000)),
                text("more than %1, the limit for one response")
                        .arg(verbatim(QStringLiteral("16 MiB"))),
                text("a redirect loop (%1 back to an address already visited, after %2 redirects "
                     "within %3)")
                        .arg(text("a redirect"))
                        .arg(2)
                        .arg(origin),
                text("%1 to %2, another origin than the gateway (%3)")
                        .arg(verbatim(QStringLiteral("HTTP 302")),
                             verbatim(QStringLiteral("https://elsewhere:443")), verbatim(origin)),
                [&] {
                    ClientText t = text("the gateway answered HTTP %1 with %2 instead of JSON")
                                           .arg(200)
                                           .arg(QStringLiteral("text/html"));
                    t += html;
                    return t;
                }(),
                [&] {
                    ClientText t = text("the %1 body has no readable %2 (%3)")
                                           .arg(text("batch"), verbatim(QStringLiteral("id")),
                                                text("missing"));
                    t += text("; also of the wrong type: %1")
                                 .arg(QStringLiteral("created_at, metadata.job_name"));
                    t += text(" and %1 more").arg(4);
                    return t;
                }(),
                text("the %1 body has no readable status (%2)")
                        .arg(text("job"), verbatim(QStringLiteral("null"))),
                text("the body is not valid JSON (%1 at offset %2)")
                        .arg(QStringLiteral("unterminated object (or array)"))
                        .arg(17),
                text("%1 began to answer (HTTP %2) but the whole answer did not arrive within %3 "
                     "s")
                        .arg(origin)
                        .arg(200)
                        .arg(2.5, 0, 'g', 3),
                // A page's title is the gateway's: kept, even when it is one of our words.
                text("the gateway answered with an HTML page (%1)").arg(QStringLiteral("missing")),
        };
        for (const ClientText &t : shown) {
            QVERIFY2(t.shown() != t.english(), qPrintable(t.english()));
            QCOMPARE(ClientText::reworded(t.english()), t.shown());
        }
        // Not batchwatch's sentences: unchanged.
        QCOMPARE(ClientText::reworded(QStringLiteral("Connection refused")),
                 QStringLiteral("Connection refused"));
        QCOMPARE(ClientText::reworded(QStringLiteral("the body is empty"),
                                      ClientText::Reading::HtmlPage),
                 QStringLiteral("the body is empty"));
    }

    // Every sentence the client words (context bw::GatewayClient) can be read back from the
    // English the store keeps (ClientText::reworded): none added or changed in the code without
    // the catalogue knowing it. The .ts is today's sources (translationIsComplete).
    void everyClientSentenceCanBeReadBack()
    {
        QSet<QString> inSources;
        for (const Message &m : readTs(tsFile())) {
            if (m.context == u"bw::GatewayClient" && m.type != u"vanished" && m.type != u"obsolete")
                inSources << m.source;
        }
        QVERIFY(!inSources.isEmpty());
        const QStringList known = ClientText::knownSources();
        const QSet<QString> inCatalogue(known.cbegin(), known.cend());
        QCOMPARE(known.size(), inCatalogue.size());
        for (const QString &source : inSources)
            QVERIFY2(inCatalogue.contains(source),
                     qPrintable(QStringLiteral("not in the catalogue: ") + source));
        for (const QString &source : inCatalogue)
            QVERIFY2(inSources.contains(source),
                     qPrintable(QStringLiteral("no longer in the code: ") + source));
    }

    void germanIsEmbedded()
    {
        QVERIFY(UiLanguage::available().contains(QStringLiteral("de")));
        QVERIFY(QFile::exists(UiLanguage::translationFile(QStringLiteral("de"))));
    }

    // One word from each layer, each in the context its code translates it in at run time.
    void showsEveryLayerInGerman_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("form") << "MainWindow"
                              << "&File"
                              << "&Datei";
        QTest::newRow("widget") << "bw::MainWindow"
                                << "Add"
                                << "Hinzufügen";
        QTest::newRow("window helper") << "bw::MainWindow"
                                       << "Remove from Watch List"
                                       << "Aus Beobachtungsliste entfernen";
        QTest::newRow("report") << "bw::Report"
                                << "Summary"
                                << "Zusammenfassung";
        QTest::newRow("report chart") << "bw::Report"
                                      << "submitted"
                                      << "übermittelt";
        QTest::newRow("core metrics") << "bw::JobMetrics"
                                      << "just now"
                                      << "gerade eben";
        // The details of a connection error, shown in the offline banner and the Overview.
        QTest::newRow("core connection detail") << "bw::GatewayClient"
                                                << "%1 refused the connection"
                                                << "%1 hat die Verbindung abgelehnt";
        QTest::newRow("qt button") << "QPlatformTheme"
                                   << "Cancel"
                                   << "Abbrechen";
        QTest::newRow("qt shortcut") << "QShortcut"
                                     << "Del"
                                     << "Entf";
        QTest::newRow("command line") << "main"
                                      << "Keep the database in <dir>."
                                      << "Die Datenbank in <dir> ablegen.";
    }
    void showsEveryLayerInGerman()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, german);
        const QLocale locale
                = UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de"));
        QCOMPARE(locale.language(), QLocale::German);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(),
                                             source.toUtf8().constData()),
                 german);
    }

    void statusWordsAreGerman()
    {
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de_DE"));
        QCOMPARE(StatusVocabulary::word(JobStatus::Completed), QStringLiteral("Abgeschlossen"));
        QCOMPARE(StatusVocabulary::groupWord(StatusGroup::Running), QStringLiteral("Läuft"));
    }

    void numbersFollowTheChosenLanguage()
    {
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de"));
        QCOMPARE(QLocale().toString(1234567), QStringLiteral("1.234.567"));
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("en"));
        QCOMPARE(QLocale().toString(1234567), QStringLiteral("1,234,567"));
    }

    void environmentChoosesTheLanguage()
    {
        qputenv("BATCHWATCH_LANG", "de");
        UiLanguage::install(QCoreApplication::instance());
        QCOMPARE(QCoreApplication::translate("bw::MainWindow", "Refresh"),
                 QStringLiteral("Aktualisieren"));
    }

    // English, or a language without a translation, installs none: the words are the sources.
    // A later call replaces what an earlier one installed.
    void englishAndUnknownLanguagesShowTheSource_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("en_GB") << "en_GB";
        QTest::newRow("no translation") << "fi";
    }
    void englishAndUnknownLanguagesShowTheSource()
    {
        QFETCH(QString, language);
        UiLanguage::install(QCoreApplication::instance(), QStringLiteral("de"));
        const QLocale locale = UiLanguage::install(QCoreApplication::instance(), language);
        QCOMPARE(locale.language(), QLocale::English);
        QCOMPARE(QCoreApplication::translate("bw::MainWindow", "Add"), QStringLiteral("Add"));
    }

    // A count reads as a count in both languages: "1 job", "3 jobs"; "1 Job", "3 Jobs".
    void countsTakeTheirPluralForm_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en 1") << "en" << 1 << "1 job to add.";
        QTest::newRow("en 3") << "en" << 3 << "3 jobs to add.";
        QTest::newRow("en 0") << "en" << 0 << "0 jobs to add.";
        QTest::newRow("de 1") << "de" << 1 << "1 Job hinzuzufügen.";
        QTest::newRow("de 3") << "de" << 3 << "3 Jobs hinzuzufügen.";
    }
    void countsTakeTheirPluralForm()
    {
        QFETCH(QString, language);
        QFETCH(int, n);
        QFETCH(QString, expected);
        UiLanguage::install(QCoreApplication::instance(), language);
        QCOMPARE(QCoreApplication::translate("bw::AddJobsDialog", "%n job(s) to add.", nullptr, n),
                 expected);
    }

    // lupdate over the sources into a copy of the .ts: a new or changed tr() string shows up as
    // unfinished, a removed one as obsolete/vanished. Both fail until the .ts is brought up to
    // date (translations/README.md).
    void translationIsComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("pluralOnly");
        QTest::newRow("German") << tsFile() << false;
        QTest::newRow("English plural forms") << pluralsFile() << true;
    }
    void translationIsComplete()
    {
        QFETCH(QString, file);
        QFETCH(bool, pluralOnly);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QFileInfo(file).fileName());
        QVERIFY(QFile::copy(file, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const QString root = QStringLiteral(BATCHWATCH_SOURCE_DIR);
        QStringList arguments;
        for (const char *folder : {"src/app", "src/core", "src/gui", "src/report", "ui"})
            arguments << root + QLatin1Char('/') + QLatin1String(folder);
        for (const char *include : {"src/core", "src/gui", "src/report"})
            arguments << QStringLiteral("-I") + root + QLatin1Char('/') + QLatin1String(include);
        arguments << QStringLiteral("-extensions") << QStringLiteral("cpp,h,ui")
                  << QStringLiteral("-locations") << QStringLiteral("none")
                  << QStringLiteral("-silent") << QStringLiteral("-ts") << copy;
        if (pluralOnly)
            arguments << QStringLiteral("-pluralonly");
        QProcess lupdate;
        lupdate.start(QStringLiteral(BATCHWATCH_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
        QCOMPARE(lupdate.exitCode(), 0);

        const QList<Message> messages = readTs(copy);
        QVERIFY(messages.size() > (pluralOnly ? 20 : 500));
        QStringList problems;
        for (const Message &m : messages) {
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1 (%2): %3").arg(m.type, m.context, m.source);
            else if (m.translations.isEmpty() || m.translations.contains(QString()))
                problems << QStringLiteral("empty (%1): %2").arg(m.context, m.source);
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 message(s) to translate or remove, e.g.\n")
                                    .arg(problems.size())
                            + problems.mid(0, 15).join(QLatin1Char('\n'))));
    }

    // A translation keeps exactly the placeholders of its source: a lost %2 drops a value from
    // the screen, an extra one prints "%3".
    void translationsKeepPlaceholders_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("German") << tsFile();
        QTest::newRow("English plural forms") << pluralsFile();
    }
    void translationsKeepPlaceholders()
    {
        QFETCH(QString, file);
        const QList<Message> messages = readTs(file);
        QVERIFY(!messages.isEmpty());
        QStringList problems;
        for (const Message &m : messages) {
            for (const QString &translation : m.translations) {
                if (placeholders(translation) != placeholders(m.source))
                    problems << m.source + QStringLiteral(" → ") + translation;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestUiLanguage)
#include "tst_uilanguage.moc"
