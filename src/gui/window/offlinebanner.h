#pragma once

#include "presentation/statuspresentation.h"
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
//  - setKeyMissing(true) (the profile needs a key and none is stored — after a restart where no
//    keychain service runs): shown whatever the state, saying so instead of blaming the
//    gateway (nothing was sent), with an "Enter Key…" button (editProfileRequested()) and no
//    Retry.
//  - Its sign tells the state without the colour: a cloud with "!" while the gateway answers
//    with errors (Degraded), a struck-out cloud otherwise (sign()).
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
    void setKeyMissing(bool missing);
    bool isKeyMissing() const { return m_keyMissing; }
    void setClock(Clock clock); // default QDateTime::currentDateTimeUtc

    // True for the kinds the banner is shown for.
    static bool showsFor(ConnectionState::Kind kind);

    QString headline() const;
    QString detail() const;
    // The sign beside the words: GatewayErrors while the gateway answers with errors
    // (Degraded), Offline otherwise.
    SignIcon sign() const;

Q_SIGNALS:
    void retryRequested();
    void editProfileRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateText();
    void updateVisibility();
    void updateLook();
    void updateIcon();
    QColor accent() const;

    ConnectionState m_state;
    bool m_paused = false;
    bool m_keyMissing = false;
    Clock m_clock;
    QTimer m_countdown;
    QLabel *m_iconLabel = nullptr;
    QLabel *m_headlineLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_profileButton = nullptr;
};

} // namespace bw
