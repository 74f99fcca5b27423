#include "domain/resultsaccumulator.h"

#include <QRegularExpression>

#include <algorithm>

namespace bw {

QString ResultsAccumulator::normaliseMessage(const QString &message)
{
    // Order matters: quoted values first (they may hold digits), then ids, then numbers.
    static const QRegularExpression quoted(
            QStringLiteral(R"("[^"]*"|'[^']*'|`[^`]*`|\x{201C}[^\x{201D}]*\x{201D})"));
    static const QRegularExpression uuid(QStringLiteral(
            R"(\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b)"));
    // Hex runs of 8+ with a digit, and word-like ids of 8+ characters mixing letters and
    // digits (req_01HkcT9x, msgbatch_01Hk...).
    static const QRegularExpression hexId(
            QStringLiteral(R"(\b(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}\b)"));
    static const QRegularExpression mixedId(
            QStringLiteral(R"(\b(?=\w*[0-9])(?=\w*[A-Za-z])\w{8,}\b)"));
    static const QRegularExpression number(QStringLiteral(R"(\d+(?:[.,]\d+)*)"));

    QString s = message.left(kMaxMessageChars).simplified();
    s.replace(quoted, QStringLiteral("\"…\""));
    s.replace(uuid, QStringLiteral("<id>"));
    s.replace(hexId, QStringLiteral("<id>"));
    s.replace(mixedId, QStringLiteral("<id>"));
    s.replace(number, QStringLiteral("<n>"));
    return s;
}

void ResultsAccumulator::add(const ResultRecord &record)
{
    switch (record.outcome) {
    case ResultOutcome::Succeeded:
        ++m_summary.succeeded;
        return;
    case ResultOutcome::Errored:
        ++m_summary.errored;
        break;
    case ResultOutcome::Expired:
        ++m_summary.expired;
        break;
    case ResultOutcome::Canceled:
        ++m_summary.canceled;
        break;
    }

    const QString normalised = normaliseMessage(record.message);
    const QString key = record.code + u'\n' + normalised;
    auto it = m_index.constFind(key);
    int at = -1;
    if (it != m_index.constEnd()) {
        at = *it;
    } else if (m_groups.size() < kMaxGroups) {
        at = int(m_groups.size());
        Group g;
        g.group.code = record.code;
        g.group.message = normalised;
        g.group.exampleMessage = record.message.left(kMaxMessageChars);
        m_groups.append(g);
        m_index.insert(key, at);
    } else {
        // Full: one shared group for every record that would open another one.
        const QString otherKey = QStringLiteral("\x01other");
        auto other = m_index.constFind(otherKey);
        if (other != m_index.constEnd()) {
            at = *other;
        } else {
            at = int(m_groups.size());
            Group g;
            g.group.code = otherGroupCode();
            g.group.message = QStringLiteral("other errors (more than %1 kinds)").arg(kMaxGroups);
            g.group.exampleMessage = record.message.left(kMaxMessageChars);
            m_groups.append(g);
            m_index.insert(otherKey, at);
        }
    }
    ResultsSummary::ErrorGroup &group = m_groups[at].group;
    ++group.count;
    if (group.sampleIds.size() < ResultsSummary::kMaxSampleIds && !record.customId.isEmpty())
        group.sampleIds.append(record.customId.left(200));
}

ResultsSummary ResultsAccumulator::summary() const
{
    QList<Group> sorted = m_groups;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Group &a, const Group &b) { return a.group.count > b.group.count; });
    ResultsSummary out = m_summary;
    out.errorGroups.clear();
    out.errorGroups.reserve(sorted.size());
    for (const Group &g : sorted)
        out.errorGroups.append(g.group);
    return out;
}

} // namespace bw
