#include "common/jsontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bw;

class tst_JsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neverWritesALoneSurrogate_data();
    void neverWritesALoneSurrogate();
};

void tst_JsonText::neverWritesALoneSurrogate_data()
{
    const QString rocket = QString::fromUtf8("\xF0\x9F\x9A\x80"); // U+1F680, a surrogate pair
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // what a parser reads back
    QTest::newRow("emoji kept") << (u"job "_s + rocket) << (u"job "_s + rocket);
    QTest::newRow("cut after the high half") << (u"job "_s + rocket.left(1)) << u"job \uFFFD"_s;
    QTest::newRow("low half alone") << (rocket.right(1) + u"x"_s) << u"\uFFFDx"_s;
    QTest::newRow("two halves swapped") << (rocket.right(1) + rocket.left(1)) << u"\uFFFD\uFFFD"_s;
    QTest::newRow("escaped backslash kept") << u"\\ud83d"_s << u"\\ud83d"_s;
    QTest::newRow("control escaped") << u"a\u0001b"_s << u"a\u0001b"_s;
}

void tst_JsonText::neverWritesALoneSurrogate()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    for (auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
        const QByteArray json = JsonText::toJson(QJsonObject{{u"identifier"_s, text}}, format);
        // No escape of a surrogate half (what strict parsers reject).
        if (!text.contains(u'\\'))
            QVERIFY2(!json.contains("\\ud8") && !json.contains("\\udc") && !json.contains("\\udb")
                             && !json.contains("\\udf"),
                     json.constData());
        QCOMPARE(QJsonDocument::fromJson(json).object().value(u"identifier"_s).toString(),
                 expected);
    }
    const QByteArray array = JsonText::toJson(QJsonArray{text});
    QCOMPARE(QJsonDocument::fromJson(array).array().at(0).toString(), expected);
}

QTEST_GUILESS_MAIN(tst_JsonText)
#include "tst_jsontext.moc"
