#include "export/failedrecordsexport.h"

#include "wire/gatewayclient.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace bw {

QString resultOutcomeKey(ResultOutcome outcome)
{
    switch (outcome) {
    case ResultOutcome::Succeeded:
        return QStringLiteral("succeeded");
    case ResultOutcome::Errored:
        return QStringLiteral("errored");
    case ResultOutcome::Expired:
        return QStringLiteral("expired");
    case ResultOutcome::Canceled:
        return QStringLiteral("canceled");
    }
    return {};
}

QByteArray failedRecordLine(const QString &batchId, const ResultRecord &record)
{
    const QJsonObject line{{QStringLiteral("identifier"), batchId},
                           {QStringLiteral("customId"), record.customId},
                           {QStringLiteral("outcome"), resultOutcomeKey(record.outcome)},
                           {QStringLiteral("code"), record.code},
                           {QStringLiteral("message"), record.message}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

FailedRecordsExport::FailedRecordsExport(GatewayClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

FailedRecordsExport::~FailedRecordsExport()
{
    // The request's context is this object: its callback never runs once we are gone, and the
    // save file is discarded uncommitted.
    if (m_client)
        m_client->cancelRequest(m_request);
}

bool FailedRecordsExport::isRunning() const
{
    return m_file != nullptr;
}

bool FailedRecordsExport::start(const QString &provider, const QString &batchId,
                                const QString &path, qint64 maxBytes)
{
    if (isRunning())
        return false;
    m_lastError.clear();
    m_writeError.clear();
    if (!m_client) {
        m_lastError = tr("There is no gateway to read the results from.");
        return false;
    }
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        m_lastError = tr("Cannot write %1: %2")
                              .arg(QDir::toNativeSeparators(path), file->errorString());
        return false;
    }
    m_file = std::move(file);
    m_batchId = batchId;
    m_records = 0;
    m_bytesRead = 0;

    NativeResultsOptions options;
    options.maxBytes = maxBytes;
    options.onFailedRecord = [this](const ResultRecord &record) {
        write(record);
    };
    m_request = m_client->nativeResults(
            provider, batchId, options, this,
            [this](qint64 bytes, qint64) {
                m_bytesRead = bytes;
                Q_EMIT progress(bytes, m_records);
            },
            [this](Expected<ResultsSummary> summary) { settle(summary); });
    return true;
}

void FailedRecordsExport::cancel()
{
    if (isRunning() && m_client)
        m_client->cancelRequest(m_request);
}

void FailedRecordsExport::write(const ResultRecord &record)
{
    if (!m_file || !m_writeError.isEmpty())
        return;
    const QByteArray line = failedRecordLine(m_batchId, record) + '\n';
    if (m_file->write(line) != line.size()) {
        m_writeError
                = tr("Cannot write %1: %2")
                          .arg(QDir::toNativeSeparators(m_file->fileName()), m_file->errorString());
        // The rest of the read is of no use: stop it (its callback reports Cancelled).
        if (m_client)
            m_client->cancelRequest(m_request);
        return;
    }
    ++m_records;
}

void FailedRecordsExport::settle(const Expected<ResultsSummary> &summary)
{
    std::unique_ptr<QSaveFile> file = std::move(m_file);
    Result result;
    result.path = file->fileName();
    result.records = m_records;
    result.bytesRead = summary ? summary->bytesRead : m_bytesRead;
    if (!m_writeError.isEmpty()) {
        result.errorString = m_writeError;
    } else if (!summary && summary.error().kind == GatewayError::Kind::Cancelled) {
        result.outcome = Result::Outcome::Cancelled;
    } else if (!summary) {
        result.errorString
                = tr("The results could not be read: %1").arg(summary.error().describe());
    } else if (!file->commit()) {
        result.errorString
                = tr("Cannot write %1: %2")
                          .arg(QDir::toNativeSeparators(result.path), file->errorString());
    } else {
        result.outcome = Result::Outcome::Written;
        result.capped = summary->capped || !summary->complete;
    }
    if (!result.ok())
        file->cancelWriting();
    file.reset(); // not committed: the temporary file goes, the target stays as it was
    Q_EMIT finished(result);
}

} // namespace bw
