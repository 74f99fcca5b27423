#pragma once

#include "tracking/jobmonitor.h"

#include <QDateTime>
#include <QFrame>
#include <QString>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace bw {

// The strip above the job table that says the gateway cannot be used right now (PRODUCT.md §4
// "Offline"): the rows below keep their last-known values, and the banner says why they are not
// being confirmed and when the next attempt goes out ("Retrying in 12 s").
//
// Contract:
//  - Shown (isVisibleTo(parent)) exactly while the state is Offline, Degraded or AuthFailed;
//    hidden for Unknown and Online. It never touches the table.
//  - The countdown is computed from ConnectionState::nextRetryAt and the clock, once a second
//    while shown; a passed or absent retry time reads "Retrying now…" / "Waiting to retry", and
//    "Polling is paused" while setPollingPaused(true).
//  - "Retry Now" emits retryRequested(); for AuthFailed an "Edit Profile…" button emits
//    editProfileRequested().
//  - headline() and detail() are the two lines shown (for tests and screen readers; the
//    accessible name is the headline).
class OfflineBanner : public QFrame
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit OfflineBanner(QWidget *parent = nullptr);
    ~OfflineBanner() override;

    void setConnectionState(const ConnectionState &state);
    ConnectionState connectionState() const { return m_state; }
    void setPollingPaused(bool paused);
    void setClock(Clock clock); // default QDateTime::currentDateTimeUtc

    // True for the kinds the banner is shown for.
    static bool showsFor(ConnectionState::Kind kind);

    QString headline() const;
    QString detail() const;

Q_SIGNALS:
    void retryRequested();
    void editProfileRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateText();
    void updateLook();
    QColor accent() const;

    ConnectionState m_state;
    bool m_paused = false;
    Clock m_clock;
    QTimer m_countdown;
    QLabel *m_iconLabel = nullptr;
    QLabel *m_headlineLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_profileButton = nullptr;
};

} // namespace bw
