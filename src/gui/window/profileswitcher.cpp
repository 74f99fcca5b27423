#include "window/profileswitcher.h"

#include "window/demomode.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolBar>

namespace bw {

ProfileSwitcher::ProfileSwitcher(QToolBar *toolBar, QWidget *window)
    : QObject(window)
    , m_combo(new QComboBox(window))
{
    m_combo->setObjectName(QStringLiteral("profileSwitcher"));
    m_combo->setAccessibleName(tr("Gateway profile"));
    m_combo->setToolTip(tr("The gateway whose jobs are shown"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(14);
    auto *label = new QLabel(tr("P&rofile:"), window);
    label->setBuddy(m_combo);
    QAction *first = toolBar->actions().value(0);
    toolBar->insertWidget(first, label);
    toolBar->insertWidget(first, m_combo);
    toolBar->insertSeparator(first);
    connect(m_combo, &QComboBox::activated, this, &ProfileSwitcher::onActivated);
}

QString ProfileSwitcher::manageEntry()
{
    return QStringLiteral("\x1fmanage");
}

void ProfileSwitcher::rebuild(const QList<GatewayProfile> &profiles, const QString &currentId)
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const GatewayProfile &p : profiles)
        m_combo->addItem(p.name.isEmpty() ? p.baseUrl.toDisplayString() : p.name, p.id);
    if (DemoMode::isAvailable())
        m_combo->addItem(tr("Demo gateway"), DemoMode::demoProfileId());
    m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("Manage Profiles…"), manageEntry());
    const int index = m_combo->findData(currentId);
    m_combo->setCurrentIndex(index);
    if (index < 0)
        m_combo->setPlaceholderText(tr("No profile"));
}

void ProfileSwitcher::onActivated(int index)
{
    const QString id = m_combo->itemData(index).toString();
    if (id == manageEntry())
        Q_EMIT manageRequested();
    else
        Q_EMIT profileChosen(id);
}

} // namespace bw
