#pragma once

#include "domain/watchedjob.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace bw {

// One job as every export format sees it: what was learned about it, its observed status
// history (oldest first) and its progress samples (oldest first).
struct ExportJob
{
    WatchedJob watched;
    QList<StatusTransition> history;
    QList<ProgressSample> samples;
};

// Everything one export writes. A plain value: copy it into a worker thread (the Qt containers
// are implicitly shared, so the copy is cheap and the two copies never race).
struct ExportInput
{
    QString profileName;
    QUrl baseUrl;         // written without user info, query or fragment (see sanitizedBaseUrl)
    QDateTime exportedAt; // invalid: the writer takes the current time once, at the start
    QList<ExportJob> jobs;
};

// The instant an export states as its own: input.exportedAt, or now (UTC) when that is invalid.
// Writers call it once and use the value everywhere (header, "now" of live jobs, durations).
QDateTime effectiveExportedAt(const ExportInput &input);

// The base URL as exports show it: user name, password, query and fragment removed (a gateway
// key pasted into a URL must never reach a file). Scheme, host, port and path are kept.
QUrl sanitizedBaseUrl(const QUrl &baseUrl);
// sanitizedBaseUrl() as text (fully encoded form); empty for an empty or invalid URL.
QString sanitizedBaseUrlText(const QUrl &baseUrl);

// Removes secrets that could have leaked into free text that exports carry (error messages
// echo request URLs): the user info of every URL in the text, and each value the base URL
// carries in its user name, password or query (values shorter than 6 characters excepted, so
// that "?v=1" does not blank every "1") replaced by "[redacted]".
class SecretRedactor
{
public:
    SecretRedactor() = default;
    explicit SecretRedactor(const QUrl &baseUrl);
    QString apply(const QString &text) const;
    const QStringList &secrets() const { return m_secrets; }

private:
    QStringList m_secrets; // longest first, so that a secret containing another goes first
};

} // namespace bw
