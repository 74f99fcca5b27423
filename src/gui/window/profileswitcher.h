#pragma once

#include "wire/gatewayprofile.h"

#include <QList>
#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QComboBox;
class QToolBar;
class QWidget;
QT_END_NAMESPACE

namespace bw {

// The toolbar's profile switcher: "Profile:" and a combo box at the front of the toolbar that
// lists the stored profiles (by name, else by URL), the demo gateway when demo mode is
// available, and "Manage Profiles…".
//
// Choosing a profile emits profileChosen(id) (the demo's: DemoMode::demoProfileId()); choosing
// "Manage Profiles…" emits manageRequested() and never switches. The switcher does not switch
// anything itself: after either, the owner calls rebuild() with the profile that is current
// then, which also puts the combo back when a switch did not happen.
class ProfileSwitcher : public QObject
{
    Q_OBJECT

public:
    ProfileSwitcher(QToolBar *toolBar, QWidget *window);

    QComboBox *comboBox() const { return m_combo; }
    // The data of the "Manage Profiles…" entry (for the connection indicator's menu).
    static QString manageEntry();

    // Lists `profiles` again and shows `currentId` ("No profile" when none of them is current).
    // Emits nothing.
    void rebuild(const QList<GatewayProfile> &profiles, const QString &currentId);

Q_SIGNALS:
    void profileChosen(const QString &profileId);
    void manageRequested();

private:
    void onActivated(int index);

    QComboBox *m_combo = nullptr;
};

} // namespace bw
