#include "widgets/outcomebar.h"

#include "presentation/statuspresentation.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace bw {

OutcomeBar::OutcomeBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void OutcomeBar::setCounts(qint64 succeeded, qint64 errored, qint64 expired, qint64 canceled)
{
    const std::array<qint64, OutcomeCount> counts{
            std::max<qint64>(0, succeeded), std::max<qint64>(0, errored),
            std::max<qint64>(0, expired), std::max<qint64>(0, canceled)};
    if (counts == m_counts)
        return;
    m_counts = counts;
    QStringList parts;
    const QLocale locale;
    for (int o = 0; o < OutcomeCount; ++o) {
        if (m_counts[size_t(o)] > 0)
            parts << tr("%1 %2").arg(locale.toString(m_counts[size_t(o)]),
                                     label(Outcome(o)).toLower());
    }
    const QString text = parts.isEmpty() ? tr("No records") : parts.join(QStringLiteral(", "));
    setToolTip(text);
    setAccessibleDescription(text);
    update();
}

QColor OutcomeBar::color(Outcome outcome, const QPalette &palette)
{
    switch (outcome) {
    case Succeeded:
        return StatusPresentation::color(StatusGroup::Completed, palette);
    case Errored:
        return StatusPresentation::color(StatusGroup::Failed, palette);
    case Expired:
        return StatusPresentation::warningColor(palette);
    case Canceled:
    case OutcomeCount:
        break;
    }
    return StatusPresentation::color(StatusGroup::Ended, palette);
}

QString OutcomeBar::label(Outcome outcome)
{
    switch (outcome) {
    case Succeeded:
        return tr("Succeeded");
    case Errored:
        return tr("Errored");
    case Expired:
        return tr("Expired");
    case Canceled:
    case OutcomeCount:
        break;
    }
    return tr("Canceled");
}

QSize OutcomeBar::sizeHint() const
{
    const int em = fontMetrics().height();
    return {20 * em, em};
}

QSize OutcomeBar::minimumSizeHint() const
{
    const int em = fontMetrics().height();
    return {6 * em, em};
}

void OutcomeBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = std::min<qreal>(4.0, r.height() / 3);
    QPainterPath clip;
    clip.addRoundedRect(r, radius, radius);

    qint64 total = 0;
    for (qint64 c : m_counts)
        total += c;
    if (total > 0) {
        // Widths by share, with a visible minimum for non-zero outcomes taken from the largest.
        const qreal minWidth = std::min<qreal>(4.0, r.width() / int(OutcomeCount));
        std::array<qreal, OutcomeCount> widths{};
        qreal used = 0;
        for (int o = 0; o < OutcomeCount; ++o) {
            const qint64 c = m_counts[size_t(o)];
            widths[size_t(o)] = c > 0 ? std::max(minWidth, r.width() * qreal(c) / qreal(total)) : 0;
            used += widths[size_t(o)];
        }
        const auto largest = std::max_element(widths.begin(), widths.end());
        *largest = std::max<qreal>(0, *largest - (used - r.width()));
        p.save();
        p.setClipPath(clip);
        qreal x = r.left();
        for (int o = 0; o < OutcomeCount; ++o) {
            if (widths[size_t(o)] <= 0)
                continue;
            p.fillRect(QRectF(x, r.top(), widths[size_t(o)], r.height()),
                       color(Outcome(o), palette()));
            x += widths[size_t(o)];
        }
        p.restore();
    }
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(clip);
}

} // namespace bw
