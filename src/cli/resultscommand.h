#pragma once

#include "command.h"
#include "wire/gatewayclient.h"

#include <QJsonArray>
#include <QStringList>

namespace bw::cli {

// `results ID... [--provider P] [--failed-only] [--format table|json|jsonl|csv]
// [--max-bytes N]`: reads each batch's per-record results through Bifrost's native API
// (GET /v1/batches/{id}/results?provider=P, P = --provider or "bedrock"), one batch after the
// other, streamed and capped at --max-bytes (default 256 MiB) per batch. No record is kept in
// memory.
//
// Default: a summary per batch. table: "ID: N succeeded, N errored, N expired, N canceled"
// (plus "(capped after N bytes: partial)" when the cap ended the read) and one line per error
// group (count, code, message, sample ids); json: {"results":[{"identifier","succeeded",
// "errored","expired","canceled","complete","capped","bytesRead","pages","errorGroups":[{"code",
// "message","count","sampleIds","exampleMessage"}]}],"errors":[...]}; jsonl: one such object per
// line; csv: one row per error group (identifier,code,count,message,sample_ids).
// --failed-only: the records that did not succeed, ready for resubmission, as they arrive.
// jsonl (and json, one object per line as well): {"identifier","customId","outcome","code",
// "message"}; csv: identifier,custom_id,outcome,code,message; table: the same columns.
// Exit: 0 every batch read (capped included; a note on stderr says so), 1 some failed,
// 2 usage error, 3 gateway unreachable for every batch, 130 interrupted.
class ResultsCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;
    void interrupt() override;

private:
    void fetchNext();
    void writeRecord(const QString &identifier, const ResultRecord &record);
    void writeSummary(const QString &identifier, const ResultsSummary &summary);
    void done();

    QString m_provider;
    int m_next = 0;
    int m_failed = 0;
    int m_unreachable = 0;
    QJsonArray m_jsonResults;
    QJsonArray m_jsonErrors;
    GatewayRequestHandle m_current;
    bool m_interrupted = false;
};

} // namespace bw::cli
