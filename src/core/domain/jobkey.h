#pragma once

#include <QSet>
#include <QString>

namespace bw {

// The identity of a job, whatever form it was named in.
//
// A job may be named by its 12-character id (k3x9p2m7q1ab), by its Bedrock ARN
// (arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab), by a gateway's
// fake ARN of a provider batch (arn:aws:bedrock:…:batch:batch_67d3…) or by the bare provider
// id (batch_67d3…); the jobArn a gateway returns is one of these forms too. All forms of one job
// have the same key:
//   - a Bedrock ARN whose resource is `model-invocation-job/ID` or `batch:ID` (either separator)
//     has the key ID (partition, region and account are not part of it: one profile talks to
//     one gateway);
//   - anything else (ids, provider ids such as Gemini's `batches/…`, foreign ARNs) is its own
//     key. Surrounding whitespace is ignored; case is significant (provider ids are mixed case).
// The empty identifier has the empty key and is the same job as nothing.
//
// Local records stay keyed on the identifier as the user first gave it; the key only decides
// whether two identifiers name one job.
QString jobKeyOf(const QString &identifier);
bool isSameJob(const QString &a, const QString &b);

// A set of jobs, asked by any of their identifiers: contains() is true for every form of a job
// that was inserted in any form.
class JobKeySet
{
public:
    JobKeySet() = default;
    template<typename Range>
    explicit JobKeySet(const Range &identifiers)
    {
        for (const QString &identifier : identifiers)
            insert(identifier);
    }

    // False (nothing changes) when the job is already in the set or the identifier is empty.
    bool insert(const QString &identifier);
    bool contains(const QString &identifier) const;
    void remove(const QString &identifier);
    qsizetype size() const { return m_keys.size(); }
    bool isEmpty() const { return m_keys.isEmpty(); }

private:
    QSet<QString> m_keys;
};

} // namespace bw
