#include "export/exportdata.h"

#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace bw {

QDateTime effectiveExportedAt(const ExportInput &input)
{
    return input.exportedAt.isValid() ? input.exportedAt.toUTC() : QDateTime::currentDateTimeUtc();
}

QUrl sanitizedBaseUrl(const QUrl &baseUrl)
{
    if (baseUrl.isEmpty())
        return {};
    return baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString sanitizedBaseUrlText(const QUrl &baseUrl)
{
    const QUrl url = sanitizedBaseUrl(baseUrl);
    if (url.isEmpty() || !url.isValid())
        return {};
    return url.toString(QUrl::FullyEncoded);
}

SecretRedactor::SecretRedactor(const QUrl &baseUrl)
{
    constexpr qsizetype kMinimumSecretLength = 6;
    QStringList candidates;
    // Both spellings: a message may quote the URL encoded or decoded.
    for (const auto form : {QUrl::FullyDecoded, QUrl::FullyEncoded}) {
        candidates << baseUrl.userName(form) << baseUrl.password(form);
        const QUrlQuery query(baseUrl);
        for (const auto &item : query.queryItems(form))
            candidates << item.second;
        candidates << baseUrl.fragment(form);
    }
    for (const QString &c : std::as_const(candidates)) {
        if (c.size() >= kMinimumSecretLength && !m_secrets.contains(c))
            m_secrets.append(c);
    }
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString SecretRedactor::apply(const QString &text) const
{
    if (text.isEmpty())
        return text;
    // "scheme://user:password@host" -> "scheme://host". Stops at whitespace, '/', '?', '#' and
    // quotes, so it never swallows the text after a URL. Not static: writers run on worker
    // threads and a local pattern needs no synchronisation (this runs once per error message).
    const QRegularExpression userInfo(
            QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://)[^\s/?#@"'<>]+@)"));
    QString out = text;
    out.replace(userInfo, QStringLiteral("\\1"));
    for (const QString &secret : m_secrets)
        out.replace(secret, QStringLiteral("[redacted]"));
    return out;
}

} // namespace bw
