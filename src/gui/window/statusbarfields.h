#pragma once

#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QLabel;
class QStatusBar;
QT_END_NAMESPACE

namespace bw {

class ConnectionIndicator;
class JobFilterProxyModel;
class ProfileSession;

// The permanent fields of the main window's status bar, left to right: the connection
// indicator, who polls a shared store's gateway (shown only on a shared store: "Polling for the
// team" or "Viewing: another batchwatch polls this gateway"), the last refresh, the next poll,
// the requests in flight and the job counts (the same groups as the status chips, so the
// numbers always agree). Plain-text labels with object names (connectionLabel, sharingLabel,
// lastRefreshLabel, nextPollLabel, inFlightLabel, countsLabel) and accessible names.
class StatusBarFields : public QObject
{
    Q_OBJECT

public:
    StatusBarFields(QStatusBar *bar, QObject *parent = nullptr);

    ConnectionIndicator *indicator() const { return m_indicator; }
    // Shows `session` (null: nothing — every field empty); `watched` is the number of rows.
    void update(const ProfileSession *session, const JobFilterProxyModel &proxy, int watched);
    QString connectionText() const;
    QString countsText() const;
    QString sharingText() const;

private:
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_sharing = nullptr;
    QLabel *m_lastRefresh = nullptr;
    QLabel *m_nextPoll = nullptr;
    QLabel *m_inFlight = nullptr;
    QLabel *m_counts = nullptr;
};

} // namespace bw
