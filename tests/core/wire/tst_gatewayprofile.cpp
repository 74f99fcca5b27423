// GatewayProfile::validate(): the one profile rule of the Profiles dialog and the CLI.

#include "wire/gatewayprofile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace bw;

Q_DECLARE_METATYPE(bw::AuthMode)

class tst_GatewayProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validates_data();
    void validates();
    void reportsEveryProblemInFormOrder();
    void skipsTheNameForAnUnnamedProfile();
    void validatesProviders_data();
    void validatesProviders();
    void providersTextRoundTrips();
};

namespace {

GatewayProfile validProfile()
{
    GatewayProfile p;
    p.id = QStringLiteral("p");
    p.name = QStringLiteral("Prod");
    p.baseUrl = QUrl(QStringLiteral("https://gw.example.com/ai"));
    return p;
}

} // namespace

void tst_GatewayProfile::validates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<AuthMode>("auth");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QString>("problem"); // a word of the message; empty: valid

    const AuthMode none = AuthMode::None, custom = AuthMode::CustomHeader;
    const QString url = QStringLiteral("http://localhost:8080");
    QTest::newRow("valid") << "Prod" << url << none << ""
                           << "" << 30000 << "";
    QTest::newRow("valid with prefix") << "Prod"
                                       << "https://gw.example.com/ai" << none << ""
                                       << "" << 30000 << "";
    QTest::newRow("blank name") << "  " << url << none << ""
                                << "" << 30000 << "name";
    QTest::newRow("taken name") << "staging" << url << none << ""
                                << "" << 30000 << "already";
    QTest::newRow("empty url") << "Prod"
                               << "" << none << ""
                               << "" << 30000 << "base URL";
    QTest::newRow("ftp") << "Prod"
                         << "ftp://example.com" << none << ""
                         << "" << 30000 << "http://";
    QTest::newRow("no host") << "Prod"
                             << "http://" << none << ""
                             << "" << 30000 << "host";
    QTest::newRow("credentials") << "Prod"
                                 << "http://user:pw@example.com" << none << ""
                                 << "" << 30000 << "credentials";
    QTest::newRow("query") << "Prod"
                           << "http://example.com/?a=1" << none << ""
                           << "" << 30000 << "query";
    QTest::newRow("fragment") << "Prod"
                              << "http://example.com/#x" << none << ""
                              << "" << 30000 << "fragment";
    QTest::newRow("header missing") << "Prod" << url << custom << ""
                                    << "" << 30000 << "header";
    QTest::newRow("header with spaces") << "Prod" << url << custom << "x api key"
                                        << "" << 30000 << "not a valid header name";
    QTest::newRow("reserved header") << "Prod" << url << custom << "Host"
                                     << "" << 30000 << "set by batchwatch";
    QTest::newRow("good header") << "Prod" << url << custom << "x-api-key"
                                 << "" << 30000 << "";
    QTest::newRow("header ignored without custom auth") << "Prod" << url << none << "x api key"
                                                        << "" << 30000 << "";
    QTest::newRow("provider") << "Prod" << url << none << ""
                              << "openai" << 30000 << "";
    QTest::newRow("provider with space") << "Prod" << url << none << ""
                                         << "open ai" << 30000 << "provider";
    QTest::newRow("timeout too short") << "Prod" << url << none << ""
                                       << "" << 50 << "timeout";
    QTest::newRow("shortest timeout") << "Prod" << url << none << ""
                                      << "" << 100 << "";
    QTest::newRow("timeout too long") << "Prod" << url << none << ""
                                      << "" << 2 * 60 * 60 * 1000 << "timeout";
}

void tst_GatewayProfile::validates()
{
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(AuthMode, auth);
    QFETCH(QString, header);
    QFETCH(QString, provider);
    QFETCH(int, timeoutMs);
    QFETCH(QString, problem);

    GatewayProfile other;
    other.id = QStringLiteral("other");
    other.name = QStringLiteral("Staging");
    GatewayProfile p;
    p.id = QStringLiteral("p");
    p.name = name;
    p.baseUrl = QUrl(url, QUrl::StrictMode);
    p.authMode = auth;
    p.customHeaderName = header;
    p.provider = provider;
    p.timeoutMs = timeoutMs;
    const QList<ProfileProblem> problems = p.validate({other, p});
    if (problem.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
    } else {
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.constFirst().message.contains(problem, Qt::CaseInsensitive),
                 qPrintable(problems.constFirst().message));
        QVERIFY(problems.constFirst().message.endsWith(u'.')
                || problems.constFirst().message.contains(u':'));
    }
}

void tst_GatewayProfile::reportsEveryProblemInFormOrder()
{
    QTemporaryDir dir;
    GatewayProfile p = validProfile();
    p.name.clear();
    p.baseUrl = QUrl(QStringLiteral("ftp://x"));
    p.timeoutMs = 0;
    p.caBundlePath = dir.filePath(QStringLiteral("missing.pem"));
    const QList<ProfileProblem> problems = p.validate();
    QList<ProfileProblem::Field> fields;
    for (const ProfileProblem &problem : problems)
        fields << problem.field;
    QCOMPARE(fields, (QList<ProfileProblem::Field>{
                             ProfileProblem::Field::Name, ProfileProblem::Field::BaseUrl,
                             ProfileProblem::Field::Timeout, ProfileProblem::Field::CaBundle}));
    QVERIFY(validProfile().validate().isEmpty());
}

void tst_GatewayProfile::skipsTheNameForAnUnnamedProfile()
{
    // What `--gateway URL` makes: no name, the URL rule still applies.
    GatewayProfile p = validProfile();
    p.name.clear();
    QVERIFY(p.validate({}, false).isEmpty());
    p.baseUrl = QUrl(QStringLiteral("http://u:p@x"));
    QCOMPARE(p.validate({}, false).size(), 1);
    QCOMPARE(p.validate({}, false).constFirst().message, GatewayProfile::baseUrlProblem(p.baseUrl));
}

void tst_GatewayProfile::validatesProviders_data()
{
    QTest::addColumn<QStringList>("providers");
    QTest::addColumn<bool>("valid");
    QTest::newRow("default") << GatewayProfile().providers << true;
    QTest::newRow("several") << QStringList{u"bedrock"_qs, u"openai"_qs, u"anthropic"_qs,
                                            u"gemini"_qs}
                             << true;
    QTest::newRow("token chars") << QStringList{u"my-provider_2"_qs} << true;
    QTest::newRow("none") << QStringList{} << false;
    QTest::newRow("empty") << QStringList{QString()} << false;
    QTest::newRow("upper case") << QStringList{u"OpenAI"_qs} << false;
    QTest::newRow("space") << QStringList{u"open ai"_qs} << false;
    QTest::newRow("query chars") << QStringList{u"openai&x=1"_qs} << false;
    QTest::newRow("twice") << QStringList{u"openai"_qs, u"openai"_qs} << false;
    QTest::newRow("too long") << QStringList{QString(33, u'a')} << false;
}

void tst_GatewayProfile::validatesProviders()
{
    QFETCH(QStringList, providers);
    QFETCH(bool, valid);
    GatewayProfile p = validProfile();
    p.providers = providers;
    const QList<ProfileProblem> problems = p.validate();
    QCOMPARE(problems.isEmpty(), valid);
    if (!valid)
        QCOMPARE(problems.constFirst().field, ProfileProblem::Field::Providers);
}

void tst_GatewayProfile::providersTextRoundTrips()
{
    const QStringList list{u"bedrock"_qs, u"openai"_qs, u"gemini"_qs};
    QCOMPARE(GatewayProfile::providersText(list), u"bedrock,openai,gemini"_qs);
    QCOMPARE(GatewayProfile::providersFromText(GatewayProfile::providersText(list)), list);
    QCOMPARE(GatewayProfile::providersFromText(QString()), QStringList{u"bedrock"_qs});
    QCOMPARE(GatewayProfile::providersFromText(u" OpenAI ,,bad value,openai"_qs),
             QStringList{u"openai"_qs});
    QCOMPARE(GatewayProfile::normalisedProviders({u" Gemini"_qs, u"gemini"_qs, QString()}),
             QStringList{u"gemini"_qs});
}

QTEST_GUILESS_MAIN(tst_GatewayProfile)
#include "tst_gatewayprofile.moc"
