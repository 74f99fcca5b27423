#include "window/connectionindicator.h"

#include "presentation/statuspresentation.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPolygonF>
#include <QStyle>

namespace bw {

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_words(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_dot->setObjectName(QStringLiteral("connectionDot"));
    m_words->setObjectName(QStringLiteral("connectionLabel"));
    m_words->setAccessibleName(tr("Connection"));
    m_words->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6); // what the status bar puts between its own fields
    layout->addWidget(m_dot);
    layout->addWidget(m_words);
}

void ConnectionIndicator::setProfileSwitcher(QComboBox *switcher, const QString &skip)
{
    m_switcher = switcher;
    m_skip = skip;
    refresh();
}

void ConnectionIndicator::setSituation(const QString &profileId, const QString &profileName,
                                       const Situation &situation)
{
    if (profileId == m_profileId && profileName == m_profileName && situation == m_situation)
        return;
    m_profileId = profileId;
    m_profileName = profileName;
    m_situation = situation;
    refresh();
}

QString ConnectionIndicator::text() const
{
    return m_profileId.isEmpty() ? QString() : words(m_situation);
}

void ConnectionIndicator::refresh()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QIcon icon = dot(m_situation.kind, palette(), size, devicePixelRatioF());
    if (m_switcher) {
        // Every entry (the "Manage Profiles…" one included) gets an icon of the same size, a
        // transparent one where there is no dot: entries with and without an icon would not
        // line up.
        QPixmap blank(QSize(size, size) * devicePixelRatioF());
        blank.setDevicePixelRatio(devicePixelRatioF());
        blank.fill(Qt::transparent);
        const QIcon none(blank);
        for (int i = 0; i < m_switcher->count(); ++i) {
            const QString id = m_switcher->itemData(i).toString();
            const bool current = id == m_profileId && !id.isEmpty() && id != m_skip;
            m_switcher->setItemIcon(i, current ? icon : none);
        }
    }
    if (m_profileId.isEmpty()) {
        m_dot->clear();
        m_words->clear();
        return;
    }
    if (m_switcher)
        m_switcher->setToolTip(tr("%1 — %2").arg(m_profileName, words(m_situation)));
    m_words->setText(words(m_situation));
    m_dot->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

QString ConnectionIndicator::words(const Situation &situation)
{
    switch (situation.kind) {
    case ConnectionState::Kind::Unknown:
        if (situation.keyMissing)
            return tr("No key stored");
        if (situation.nothingWatched)
            return tr("Idle — add jobs to start polling");
        if (situation.viewing)
            return tr("Following the shared store");
        return tr("Connecting…");
    case ConnectionState::Kind::Online:
        return tr("Online");
    case ConnectionState::Kind::Degraded:
        return tr("Gateway errors");
    case ConnectionState::Kind::Offline:
        return tr("Offline");
    case ConnectionState::Kind::AuthFailed:
        return tr("Key refused");
    }
    return {};
}

QIcon ConnectionIndicator::dot(ConnectionState::Kind kind, const QPalette &palette, int size,
                               qreal dpr)
{
    QColor color;
    switch (kind) {
    case ConnectionState::Kind::Unknown:
        color = palette.color(QPalette::PlaceholderText);
        break;
    case ConnectionState::Kind::Online:
        color = StatusPresentation::color(StatusGroup::Completed, palette);
        break;
    case ConnectionState::Kind::Degraded:
        color = StatusPresentation::warningColor(palette);
        break;
    case ConnectionState::Kind::Offline:
    case ConnectionState::Kind::AuthFailed:
        color = StatusPresentation::color(StatusGroup::Failed, palette);
        break;
    }
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal inset = size * 0.2;
    const QRectF circle(inset, inset, size - 2 * inset, size - 2 * inset);
    if (kind == ConnectionState::Kind::Unknown) {
        painter.setPen(QPen(color, std::max(1.0, size / 10.0)));
        painter.setBrush(Qt::NoBrush);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
    }
    painter.drawEllipse(circle);
    // A mark per state, so that the dot tells it by shape as well as colour (beside its words):
    // a tick online, "!" for gateway errors, a bar offline or refused, a ring before any poll.
    // The mark is drawn in the colour that stands out most from the dot's.
    const QColor mark = StatusPresentation::contrastRatio(Qt::white, color)
                                        >= StatusPresentation::contrastRatio(Qt::black, color)
                                ? QColor(Qt::white)
                                : QColor(Qt::black);
    const qreal w = circle.width();
    const QPointF c = circle.center();
    QPen pen(mark, std::max(1.0, size / 8.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setBrush(Qt::NoBrush);
    switch (kind) {
    case ConnectionState::Kind::Unknown:
        break;
    case ConnectionState::Kind::Online:
        painter.setPen(pen);
        painter.drawPolyline(QPolygonF({QPointF(c.x() - w * 0.24, c.y() + w * 0.02),
                                        QPointF(c.x() - w * 0.06, c.y() + w * 0.2),
                                        QPointF(c.x() + w * 0.26, c.y() - w * 0.18)}));
        break;
    case ConnectionState::Kind::Degraded:
        painter.setPen(pen);
        painter.drawLine(QPointF(c.x(), c.y() - w * 0.26), QPointF(c.x(), c.y() + w * 0.06));
        painter.drawPoint(QPointF(c.x(), c.y() + w * 0.24));
        break;
    case ConnectionState::Kind::Offline:
    case ConnectionState::Kind::AuthFailed:
        painter.setPen(pen);
        painter.drawLine(QPointF(circle.left() + w * 0.25, c.y()),
                         QPointF(circle.right() - w * 0.25, c.y()));
        break;
    }
    return QIcon(pixmap);
}

} // namespace bw
