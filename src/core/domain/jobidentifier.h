#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace bw {

enum class IdentifierKind {
    Invalid,
    JobId,      // 12-character Bedrock job id, e.g. k3x9p2m7q1ab
    Arn,        // any ARN (aws, aws-cn, aws-us-gov; real or a gateway's fake one)
    ProviderId, // a bare backend id such as batch_67d3...
};

// A job identifier exactly as the user gave it, classified. Local records are keyed on text(),
// never on the jobArn a gateway returns (they may differ for cross-provider jobs).
class JobIdentifier
{
public:
    JobIdentifier() = default;
    static JobIdentifier parse(const QString &text);

    // Splits pasted text or file contents on whitespace, commas, semicolons and newlines,
    // strips surrounding quotes, and classifies each token. Duplicates are merged (first wins).
    // JSON arrays of strings and JSON objects carrying "jobArn"/"identifier" are understood too.
    static QList<JobIdentifier> parseList(const QString &text);
    // The tokens parseList classifies, in order and with their duplicates: quotes stripped,
    // empty ones dropped. For counting how often a pasted identifier was given.
    static QStringList tokenize(const QString &text);

    const QString &text() const { return m_text; }
    IdentifierKind kind() const { return m_kind; }
    bool isValid() const { return m_kind != IdentifierKind::Invalid; }
    const QString &invalidReason() const { return m_reason; }

    // ARN parts (empty unless kind() == Arn).
    const QString &partition() const { return m_partition; }
    const QString &service() const { return m_service; } // "bedrock" for a Bedrock job ARN
    const QString &region() const { return m_region; }
    const QString &accountId() const { return m_account; }

    // The short form shown in tables: the 12-char id or provider id for ARNs that end in one,
    // otherwise the text itself.
    QString shortId() const;

    static QString kindName(IdentifierKind kind); // "id", "ARN", "provider id", "invalid"

    friend bool operator==(const JobIdentifier &a, const JobIdentifier &b)
    {
        return a.m_text == b.m_text;
    }

private:
    QString m_text;
    IdentifierKind m_kind = IdentifierKind::Invalid;
    QString m_reason;
    QString m_partition;
    QString m_service;
    QString m_region;
    QString m_account;
    QString m_resource;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::JobIdentifier)
