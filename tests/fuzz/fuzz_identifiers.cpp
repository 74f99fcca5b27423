// libFuzzer target: what a user types or feeds with --from-file — the identifier classifier
// (JobIdentifier::parse / parseList / tokenize) and IdentifierFile (each format, and the bounded
// reader). Never crashes, never hangs; an identifier it accepts goes out as exactly one path
// segment that is not a path step.

#include "fuzzsupport.h"

#include "domain/identifierfile.h"
#include "domain/jobidentifier.h"
#include <QBuffer>
#include <QUrl>

using namespace bw;

namespace {

void checkIdentifier(const JobIdentifier &id)
{
    if (!id.isValid())
        return;
    const QString &text = id.text();
    fuzz::require(!text.isEmpty(), "a valid identifier is not empty");
    fuzz::require(text != u"." && text != u"..", "a valid identifier is no path step");
    for (QChar c : text)
        fuzz::require(!c.isSpace() && c.category() != QChar::Other_Control,
                      "a valid identifier has no white space or control character");
    // What GatewayClient::encodeSegment sends (the client itself is not linked here; its tests
    // check that path tricks go out as one segment).
    const QString segment = QString::fromLatin1(QUrl::toPercentEncoding(text));
    fuzz::require(!segment.contains(u'/') && !segment.contains(u'?') && !segment.contains(u'#'),
                  "an identifier is one encoded path segment");
    fuzz::require(!id.shortId().isEmpty(), "a valid identifier has a short form");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray raw = fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(raw);

    checkIdentifier(JobIdentifier::parse(text));
    const QList<JobIdentifier> list = JobIdentifier::parseList(text);
    for (const JobIdentifier &id : list)
        checkIdentifier(id);
    fuzz::require(list.size() <= JobIdentifier::tokenize(text).size(),
                  "parseList never yields more than it tokenised");
    (void)IdentifierFile::mostlyInvalid(list);

    for (IdentifierFile::Format format :
         {IdentifierFile::Format::Text, IdentifierFile::Format::Csv, IdentifierFile::Format::Json,
          IdentifierFile::Format::Auto}) {
        for (const JobIdentifier &id : IdentifierFile::parse(text, format))
            checkIdentifier(id);
        QBuffer buffer;
        buffer.setData(raw);
        buffer.open(QIODevice::ReadOnly);
        QString error;
        const std::optional<QStringList> tokens = IdentifierFile::read(buffer, format, &error);
        fuzz::require(tokens.has_value() || !error.isEmpty(), "a refused file says why");
    }
    return 0;
}
