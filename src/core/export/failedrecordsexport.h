#pragma once

#include "domain/resultsaccumulator.h"
#include "wire/gatewayclient.h"
#include "wire/nativerequests.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QSaveFile;

namespace bw {

// "succeeded", "errored", "expired", "canceled": the stable, untranslated word of an outcome.
QString resultOutcomeKey(ResultOutcome outcome);

// One record of batch `batchId` as the one JSON object (compact, no line break) that both the
// GUI's export and `batchwatch-cli results --failed-only --format jsonl` write per line:
// {"identifier": batchId, "customId", "outcome", "code", "message"} — the record's custom id
// (Bedrock: the input's recordId) picks the input line to resubmit; outcome, code and message
// say why it failed (expired and canceled records can usually go again as they are).
QByteArray failedRecordLine(const QString &batchId, const ResultRecord &record);

// Writes the failed records of one batch as JSONL (failedRecordLine per line), read through
// Bifrost's native results route (GatewayClient::nativeResults with onFailedRecord): streamed
// into a QSaveFile as pages arrive, no record kept in memory.
//
// Contract:
//  - start() opens the target and starts the read; it returns false (and emits nothing) when a
//    read is already running or the target cannot be opened (lastError() says why).
//  - progress(bytesRead, recordsWritten) as pages arrive, then finished() exactly once.
//  - The target is replaced only when the read ends without error: complete, or cut short by
//    the cap of maxBytes (Result::capped: the file holds the failed records of the pages read,
//    a page is written whole or not at all). A gateway
//    error, a write error or cancel() leaves no file, and an earlier file of that name as it
//    was. Destroying the object mid-read cancels it the same way, without finished().
//  - Lives in, and is used from, the thread of its client.
class FailedRecordsExport : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        enum class Outcome { Written, Cancelled, Failed };
        Outcome outcome = Outcome::Failed;
        QString path;       // the target, as given
        qint64 records = 0; // failed records written (Written), or read so far
        // Written: the read ended before the last record (the size cap, the page cap, or the
        // gateway repeating its cursor); the file holds the failed records of the pages read.
        bool capped = false;
        qint64 bytesRead = 0; // bytes of result bodies read
        QString errorString;  // Failed: one readable sentence
        bool ok() const { return outcome == Outcome::Written; }
    };

    explicit FailedRecordsExport(GatewayClient *client, QObject *parent = nullptr);
    ~FailedRecordsExport() override;

    bool start(const QString &provider, const QString &batchId, const QString &path,
               qint64 maxBytes = NativeResultsOptions::kDefaultMaxBytes);
    void cancel();
    bool isRunning() const;
    QString batchId() const { return m_batchId; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void progress(qint64 bytesRead, qint64 recordsWritten);
    void finished(const bw::FailedRecordsExport::Result &result);

private:
    void write(const ResultRecord &record);
    void settle(const Expected<ResultsSummary> &summary);

    QPointer<GatewayClient> m_client;
    std::unique_ptr<QSaveFile> m_file;
    GatewayRequestHandle m_request;
    QString m_batchId;
    QString m_lastError;
    QString m_writeError; // the first write that failed ends the read
    qint64 m_records = 0;
    qint64 m_bytesRead = 0;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::FailedRecordsExport::Result)
