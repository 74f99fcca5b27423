#include "window/welcomepanel.h"

#include "presentation/statuspresentation.h"
#include "ui_welcomepanel.h"

#include <QEvent>

namespace bw {

WelcomePanel::WelcomePanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WelcomePanel>())
{
    m_ui->setupUi(this);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &WelcomePanel::connectRequested);
    connect(m_ui->demoButton, &QPushButton::clicked, this, &WelcomePanel::demoRequested);
    updateLook();
}

WelcomePanel::~WelcomePanel() = default;

void WelcomePanel::setDemoAvailable(bool available)
{
    m_ui->demoButton->setVisible(available);
    m_ui->demoLabel->setVisible(available);
}

bool WelcomePanel::isDemoAvailable() const
{
    return !m_ui->demoButton->isHidden();
}

void WelcomePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        updateLook();
}

void WelcomePanel::updateLook()
{
    // Everything is sized from the font, never in fixed pixels.
    const int em = fontMetrics().height();
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->iconLabel->setPixmap(
            StatusPresentation::appIcon().pixmap(QSize(4 * em, 4 * em), devicePixelRatioF()));
    m_ui->contentLayout->setSpacing(em);
    m_ui->choicesLayout->setHorizontalSpacing(2 * em);
    m_ui->choicesLayout->setVerticalSpacing(em / 2);
    // A readable line length: the text column is at most about 100 characters wide.
    m_ui->content->setMaximumWidth(fontMetrics().averageCharWidth() * 100);
    m_ui->content->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    const int buttonHeight = m_ui->connectButton->sizeHint().height();
    m_ui->connectButton->setMinimumHeight(buttonHeight * 3 / 2);
    m_ui->demoButton->setMinimumHeight(buttonHeight * 3 / 2);
}

} // namespace bw
