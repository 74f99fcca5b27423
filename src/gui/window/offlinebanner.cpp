#include "window/offlinebanner.h"

#include "domain/jobmetrics.h"
#include "presentation/statuspresentation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace bw {

OfflineBanner::OfflineBanner(QWidget *parent)
    : QFrame(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_iconLabel(new QLabel(this))
    , m_headlineLabel(new QLabel(this))
    , m_detailLabel(new QLabel(this))
    , m_retryButton(new QPushButton(tr("Retry &Now"), this))
    , m_profileButton(new QPushButton(tr("Edit &Profile…"), this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    setFrameShape(QFrame::NoFrame);
    setAccessibleDescription(tr("The gateway cannot be used right now; the table shows the "
                                "last-known state of every job."));

    auto *texts = new QVBoxLayout;
    texts->setContentsMargins(0, 0, 0, 0);
    texts->addWidget(m_headlineLabel);
    texts->addWidget(m_detailLabel);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_profileButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_retryButton, 0, Qt::AlignVCenter);

    m_headlineLabel->setTextFormat(Qt::PlainText);
    m_headlineLabel->setWordWrap(true);
    m_detailLabel->setTextFormat(Qt::PlainText);
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_iconLabel->setObjectName(QStringLiteral("offlineIcon"));
    m_headlineLabel->setObjectName(QStringLiteral("offlineHeadline"));
    m_detailLabel->setObjectName(QStringLiteral("offlineDetail"));
    m_retryButton->setObjectName(QStringLiteral("offlineRetryButton"));
    m_profileButton->setObjectName(QStringLiteral("offlineProfileButton"));
    m_retryButton->setToolTip(tr("Ask the gateway again now"));
    m_profileButton->setToolTip(tr("Check the key and address of this profile"));

    connect(m_retryButton, &QPushButton::clicked, this, &OfflineBanner::retryRequested);
    connect(m_profileButton, &QPushButton::clicked, this, &OfflineBanner::editProfileRequested);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &OfflineBanner::updateText);

    updateLook();
    updateText();
    setVisible(false);
}

OfflineBanner::~OfflineBanner() = default;

bool OfflineBanner::showsFor(ConnectionState::Kind kind)
{
    switch (kind) {
    case ConnectionState::Kind::Offline:
    case ConnectionState::Kind::Degraded:
    case ConnectionState::Kind::AuthFailed:
        return true;
    case ConnectionState::Kind::Unknown:
    case ConnectionState::Kind::Online:
        break;
    }
    return false;
}

void OfflineBanner::setConnectionState(const ConnectionState &state)
{
    const bool kindChanged = state.kind != m_state.kind;
    m_state = state;
    updateVisibility();
    if (kindChanged) {
        updateIcon();
        update();
    }
}

void OfflineBanner::setKeyMissing(bool missing)
{
    if (m_keyMissing == missing)
        return;
    m_keyMissing = missing;
    updateVisibility();
    updateIcon();
    update();
}

void OfflineBanner::updateVisibility()
{
    const bool show = m_keyMissing || showsFor(m_state.kind);
    m_profileButton->setVisible(m_keyMissing || m_state.kind == ConnectionState::Kind::AuthFailed);
    m_profileButton->setText(m_keyMissing ? tr("Enter &Key…") : tr("Edit &Profile…"));
    m_retryButton->setVisible(!m_keyMissing);
    if (show && !m_keyMissing)
        m_countdown.start();
    else
        m_countdown.stop();
    updateText();
    setVisible(show);
}

void OfflineBanner::setPollingPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    updateText();
}

void OfflineBanner::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
    updateText();
}

QString OfflineBanner::headline() const
{
    return m_headlineLabel->text();
}

QString OfflineBanner::detail() const
{
    return m_detailLabel->text();
}

void OfflineBanner::updateText()
{
    if (m_keyMissing) {
        // Nothing was sent: the gateway is not to blame.
        const QString headline = tr("No key stored for this profile.");
        const QString detail
                = tr("Where no keychain service runs, keys are kept for one session only. "
                     "Enter the key to start polling; the table shows the last-known state of "
                     "every job.");
        m_headlineLabel->setText(headline);
        m_detailLabel->setText(detail);
        setAccessibleName(headline);
        return;
    }
    const QDateTime now = m_clock();
    QString what;
    switch (m_state.kind) {
    case ConnectionState::Kind::Offline:
        what = m_state.storeUnreachable ? tr("The shared store cannot be reached.")
                                        : tr("The gateway cannot be reached.");
        break;
    case ConnectionState::Kind::Degraded:
        what = tr("The gateway is answering with errors.");
        break;
    case ConnectionState::Kind::AuthFailed:
        what = tr("The gateway refused this profile's key.");
        break;
    case ConnectionState::Kind::Unknown:
    case ConnectionState::Kind::Online:
        break;
    }

    QString when;
    if (m_paused) {
        when = tr("Polling is paused.");
    } else if (!m_state.nextRetryAt.isValid()) {
        when = tr("Waiting to retry.");
    } else {
        const qint64 seconds = now.secsTo(m_state.nextRetryAt);
        when = seconds <= 0 ? tr("Retrying now…")
                            : tr("Retrying in %1.").arg(JobMetrics::formatDuration(seconds));
    }
    const QString headline = what.isEmpty() ? QString() : QString(what + u' ' + when);

    QStringList details;
    details << tr("The table shows the last-known state of every job.");
    if (m_state.lastSuccessAt.isValid()) {
        details << tr("Last successful refresh: %1 (%2).")
                           .arg(QLocale().toString(m_state.lastSuccessAt.toLocalTime(),
                                                   QLocale::ShortFormat),
                                JobMetrics::formatRelative(m_state.lastSuccessAt, now));
    }
    if (m_state.lastError)
        details << m_state.lastError->describe();

    if (m_headlineLabel->text() != headline)
        m_headlineLabel->setText(headline);
    const QString detail = details.join(u' ');
    if (m_detailLabel->text() != detail)
        m_detailLabel->setText(detail);
    setAccessibleName(headline);
}

QColor OfflineBanner::accent() const
{
    // Unreachable and refused keys are failures; a gateway answering with errors is a warning.
    if (m_state.kind == ConnectionState::Kind::Degraded || m_keyMissing)
        return StatusPresentation::warningColor(palette());
    return StatusPresentation::color(StatusGroup::Failed, palette());
}

SignIcon OfflineBanner::sign() const
{
    // A gateway that answers with errors is not offline: its own sign (a cloud with "!", not
    // struck out), so that the state reads from the icon and the words, not from the colour.
    // Nor is one that refused the key, or a profile without one: a key.
    if (m_keyMissing || m_state.kind == ConnectionState::Kind::AuthFailed)
        return SignIcon::Key;
    return m_state.kind == ConnectionState::Kind::Degraded ? SignIcon::GatewayErrors
                                                           : SignIcon::Offline;
}

void OfflineBanner::updateIcon()
{
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_iconLabel->setPixmap(StatusPresentation::signIcon(sign(), palette())
                                   .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
}

void OfflineBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor line = accent();
    QColor fill = line;
    fill.setAlphaF(StatusPresentation::isDark(palette()) ? 0.22f : 0.12f);
    QPainterPath path;
    const qreal radius = fontMetrics().height() / 3.0;
    path.addRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter.fillPath(path, palette().color(QPalette::Base));
    painter.fillPath(path, fill);
    painter.setPen(QPen(line, 1.0));
    painter.drawPath(path);
}

void OfflineBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        updateLook();
}

void OfflineBanner::updateLook()
{
    const int em = fontMetrics().height();
    if (auto *box = qobject_cast<QHBoxLayout *>(layout())) {
        box->setContentsMargins(em * 2 / 3, em / 2, em / 2, em / 2);
        box->setSpacing(em * 2 / 3);
    }
    updateIcon();
    QFont bold = font();
    bold.setBold(true);
    m_headlineLabel->setFont(bold);
    // Text on the tinted strip uses the palette's text colour (the tint is light).
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_headlineLabel->setPalette(pal);
    m_detailLabel->setPalette(pal);
}

} // namespace bw
