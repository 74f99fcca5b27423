#pragma once

#include "tracking/jobmonitor.h"

#include <QIcon>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
QT_END_NAMESPACE

namespace bw {

// How the current profile's gateway is doing, in the status bar (a dot and words) and on the
// profile switcher (the same dot beside the current profile, the words in its tooltip).
//
// The words say what is true (issue 10 item 12): "Connecting…" only while requests are due and
// none has completed; a profile watching nothing is "Idle — add jobs to start polling"; a
// profile whose key is not stored is "No key stored" (nothing is sent, so nothing is blamed on
// the gateway). The dot's shape differs too (hollow while unknown or idle, a bar across for a
// refused key or no answer), so it reads without colour.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    // Everything the words depend on besides the connection kind.
    struct Situation
    {
        ConnectionState::Kind kind = ConnectionState::Kind::Unknown;
        bool keyMissing = false;
        bool nothingWatched = false;
        // A viewer of a shared store: another client polls, this one sends nothing, so the
        // gateway's state stays unknown here — not "Connecting…".
        bool viewing = false;
        friend bool operator==(const Situation &, const Situation &) = default;
    };

    explicit ConnectionIndicator(QWidget *parent = nullptr);

    // The switcher whose current entry carries the dot (entries whose data is in `skip` never
    // do); may be null.
    void setProfileSwitcher(QComboBox *switcher, const QString &skip);
    // Shows the situation of the profile `profileId` named `profileName`; an empty id clears.
    void setSituation(const QString &profileId, const QString &profileName,
                      const Situation &situation);
    // Repaints the dots (after a palette change or a rebuilt switcher).
    void refresh();
    QString text() const;

    static QString words(const Situation &situation);
    static QIcon dot(ConnectionState::Kind kind, const QPalette &palette, int size, qreal dpr);

protected:
    void changeEvent(QEvent *event) override;

private:
    QComboBox *m_switcher = nullptr;
    QString m_skip;
    QString m_profileId;
    QString m_profileName;
    Situation m_situation;
    QLabel *m_dot = nullptr;
    QLabel *m_words = nullptr;
};

} // namespace bw
