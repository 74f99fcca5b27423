#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace bw {

// What an identifier looks like. Accepted: anything a gateway or provider hands out (mixed case,
// underscores, "batches/…", base64 of a job ARN). Refused (Invalid):
//  - for good: empty text, more than 2048 characters, white space or control characters, "."
//    and "..", and every ARN that is not a Bedrock batch-job ARN with one job segment (S3, IAM,
//    SageMaker, Bedrock model ARNs, "…:model-invocation-job/../../x");
//  - unless the user insists (canAddAnyway()/addAnyway()): text that is one path segment but
//    looks like no identifier anyone hands out (an ordinary word such as "nightly").
enum class IdentifierKind {
    Invalid,
    JobId,      // 12 letters and digits, e.g. k3x9p2m7q1ab (gateways may return mixed case,
                // with or without a digit; only a capitalised word is not taken for one)
    Arn,        // a Bedrock job ARN in any AWS partition/region, or a gateway's fake
                // "…:bedrock:…:batch:batch_…" ARN
    ProviderId, // a bare backend id: batch_… (OpenAI/Azure), msgbatch_… (Anthropic),
                // batches/… (Gemini), base64 of a Bedrock ARN, or another long generated id
    AsGiven,    // refused by the classifier, added anyway at the user's explicit request
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
    // True when this refused identifier may still be added on request: one path segment that
    // simply does not look like a job (a word). Empty or spaced text, path steps and foreign
    // ARNs never are.
    bool canAddAnyway() const { return m_forcible; }
    // The same text as an AsGiven identifier when canAddAnyway(), else *this unchanged.
    JobIdentifier addAnyway() const;

    // ARN parts (empty unless kind() == Arn).
    const QString &partition() const { return m_partition; }
    const QString &service() const { return m_service; } // "bedrock" for a Bedrock job ARN
    const QString &region() const { return m_region; }
    const QString &accountId() const { return m_account; }

    // The short form shown in tables: the 12-char id or provider id for ARNs that end in one,
    // otherwise the text itself.
    QString shortId() const;

    // "id", "ARN", "provider id", "as given", "invalid"
    static QString kindName(IdentifierKind kind);

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
    bool m_forcible = false;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::JobIdentifier)
