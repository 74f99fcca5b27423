#include "delegates/progressdelegate.h"

#include "domain/jobstatus.h"
#include "presentation/statuspresentation.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QStyleOptionProgressBar>

#include <algorithm>
#include <cmath>
#include <optional>

namespace bw {

namespace {

std::optional<qint64> countFrom(const QVariant &value)
{
    if (!value.isValid())
        return std::nullopt;
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

std::optional<double> fractionFrom(const QVariant &value)
{
    if (!value.isValid())
        return std::nullopt;
    bool ok = false;
    const double f = value.toDouble(&ok);
    if (!ok || std::isnan(f))
        return std::nullopt;
    return std::clamp(f, 0.0, 1.0);
}

constexpr int kBarMaximum = 10000;

// The bar's words, always in one colour. A style like Fusion draws a progress bar's text in two
// colours split at the edge of the filled part, cutting digits in half ("5|,799"): instead the
// text is drawn over the bar in the palette's text colour, ringed by a thin halo of the base
// colour, so it reads over the filled part, the groove, in light and dark palettes alike.
void drawHaloText(QPainter *painter, const QRect &rect, const QString &text,
                  const QStyleOptionViewItem &option)
{
    if (text.isEmpty())
        return;
    const QFontMetrics &fm = option.fontMetrics;
    const int width = fm.horizontalAdvance(text);
    const QPointF baseline(rect.left() + (rect.width() - width) / 2.0,
                           rect.top() + (rect.height() - fm.height()) / 2.0 + fm.ascent());
    const bool enabled = option.state.testFlag(QStyle::State_Enabled);
    const QPalette::ColorGroup group = enabled ? QPalette::Active : QPalette::Disabled;
    QColor halo = option.palette.color(group, QPalette::Base);
    halo.setAlphaF(0.8f);
    QPainterPath path;
    path.addText(baseline, option.font, text);
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(2.5, fm.height() / 6.0));
    stroker.setJoinStyle(Qt::RoundJoin);
    stroker.setCapStyle(Qt::RoundCap);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(rect);
    painter->fillPath(stroker.createStroke(path), halo);
    painter->setFont(option.font);
    painter->setPen(option.palette.color(group, QPalette::Text));
    painter->drawText(baseline, text);
    painter->restore();
}

} // namespace

ProgressDelegate::ProgressDelegate(int fractionRole, int totalRole, int processedRole,
                                   int failedRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_fractionRole(fractionRole)
    , m_totalRole(totalRole)
    , m_processedRole(processedRole)
    , m_failedRole(failedRole)
{}

bool ProgressDelegate::hasEnded(const QModelIndex &index) const
{
    if (m_statusRole < 0 || !index.isValid())
        return false;
    const QModelIndex source = m_statusColumn >= 0 && index.column() != m_statusColumn
                                       ? index.siblingAtColumn(m_statusColumn)
                                       : index;
    const QVariant v = source.data(m_statusRole);
    if (!v.isValid())
        return false;
    JobStatus code = JobStatus::Unknown;
    if (v.metaType() == QMetaType::fromType<JobStatus>())
        code = v.value<JobStatus>();
    else
        code = static_cast<JobStatus>(v.toInt());
    return Status::isTerminal(code);
}

bool ProgressDelegate::countsReported(const QModelIndex &index) const
{
    if (m_countsReportedRole < 0)
        return true;
    const QVariant v = index.data(m_countsReportedRole);
    return !v.isValid() || v.toBool();
}

bool ProgressDelegate::isIndeterminate(const QModelIndex &index) const
{
    return !fractionFrom(index.data(m_fractionRole)) && !hasEnded(index) && countsReported(index);
}

QString ProgressDelegate::progressText(const QModelIndex &index) const
{
    return progressText(index, true);
}

QString ProgressDelegate::progressText(const QModelIndex &index, bool withFailed) const
{
    const QLocale locale;
    const auto total = countFrom(index.data(m_totalRole));
    const auto processed = countFrom(index.data(m_processedRole));
    const auto failed = countFrom(index.data(m_failedRole));
    const auto fraction = fractionFrom(index.data(m_fractionRole));

    QString text;
    if (fraction && total && processed) {
        text = tr("%1 / %2").arg(locale.toString(*processed), locale.toString(*total));
    } else if (processed && *processed > 0) {
        text = tr("%1 processed").arg(locale.toString(*processed));
    } else if (fraction) { // the provider's own percentage (Gemini), without counts
        text = tr("%1 %").arg(locale.toString(*fraction * 100, 'f', 0));
    } else if (!countsReported(index)) {
        return tr("Not reported");
    } else if (hasEnded(index)) {
        // Ended without a count: say so instead of "waiting". A total reported as 0 is a count.
        return total && *total == 0 ? tr("No records") : tr("Not reported");
    } else {
        return tr("Waiting for counts");
    }
    if (withFailed && failed && *failed > 0)
        text = tr("%1 · %2 failed").arg(text, locale.toString(*failed));
    return text;
}

int ProgressDelegate::textPadding(const QFontMetrics &fm)
{
    // The cell margin (paint(): a quarter em) and half an em inside the bar's frame.
    const int em = fm.height();
    return std::max(2, em / 4) + em / 2;
}

QString ProgressDelegate::widestText()
{
    const QLocale locale;
    const QString counts = tr("%1 / %2").arg(locale.toString(99999), locale.toString(99999));
    return tr("%1 · %2 failed").arg(counts, locale.toString(999));
}

QString ProgressDelegate::fittedText(const QModelIndex &index, const QFontMetrics &fm,
                                     int width) const
{
    const QString full = progressText(index, true);
    if (fm.horizontalAdvance(full) <= width)
        return full;
    const QString counts = progressText(index, false);
    if (fm.horizontalAdvance(counts) <= width)
        return counts;
    return fm.elidedText(counts, Qt::ElideRight, width);
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    item.features &= ~QStyleOptionViewItem::HasDisplay;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const auto fraction = fractionFrom(index.data(m_fractionRole));
    const int em = option.fontMetrics.height();
    const int vMargin = std::max(1, em / 6);
    const int hMargin = std::max(2, em / 4);
    const QRect area = option.rect.adjusted(hMargin, vMargin, -hMargin, -vMargin);
    // The words keep clear of the bar's ends instead of running edge to edge.
    const QString text = fittedText(index, option.fontMetrics,
                                    option.rect.width() - 2 * textPadding(option.fontMetrics));

    if (!fraction && (hasEnded(index) || !countsReported(index))) {
        // No bar for an ended job without counts, nor where counts are never reported: just
        // say so, dimmed.
        const bool selected = option.state.testFlag(QStyle::State_Selected);
        QPalette palette = option.palette;
        if (!selected)
            palette.setColor(QPalette::Text, option.palette.color(QPalette::PlaceholderText));
        style->drawItemText(painter, area, Qt::AlignCenter, palette, true, text,
                            selected ? QPalette::HighlightedText : QPalette::Text);
        return;
    }

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.state.setFlag(QStyle::State_Selected, false);
    bar.direction = option.direction;
    bar.palette = option.palette;
    // The words are drawn over the filled part in the text colour: a highlight they do not read
    // on (the high-contrast palette's yellow under white words) is darkened or lightened, away
    // from the text, until they do.
    const QColor words = option.palette.color(QPalette::Text);
    QColor chunk = option.palette.color(QPalette::Highlight);
    if (StatusPresentation::contrastRatio(words, chunk) < 3.0) {
        const bool darken = StatusPresentation::relativeLuminance(words) > 0.5;
        for (int i = 0; i < 40 && StatusPresentation::contrastRatio(words, chunk) < 4.5; ++i)
            chunk = darken ? chunk.darker(110) : chunk.lighter(110);
        bar.palette.setColor(QPalette::Highlight, chunk);
    }
    bar.fontMetrics = option.fontMetrics;
    bar.rect = area;
    bar.minimum = 0;
    bar.maximum = kBarMaximum;
    bar.progress = fraction ? int(*fraction * kBarMaximum + 0.5) : 0;
    bar.text = text;
    bar.textAlignment = Qt::AlignCenter;
    if (fraction) {
        bar.textVisible = false;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    } else {
        // Indeterminate. Not the style's busy bar: painted once, without its animation, a
        // style like Fusion shows it completely filled, which reads as "done". Instead: the empty
        // groove, hatched in the highlight colour, with the words on top.
        bar.textVisible = false;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
        painter->save();
        QColor hatch = option.palette.color(QPalette::Highlight);
        hatch.setAlphaF(0.35f);
        const QRect inner = style->subElementRect(QStyle::SE_ProgressBarContents, &bar, widget);
        painter->setClipRect(inner.isValid() ? inner : area.adjusted(1, 1, -1, -1));
        painter->fillRect(area, QBrush(hatch, Qt::BDiagPattern));
        painter->restore();
        style->drawItemText(painter, area, Qt::AlignCenter, option.palette,
                            option.state.testFlag(QStyle::State_Enabled), bar.text, QPalette::Text);
    }

    // Error share: a strip along the bottom edge, as wide as failed / total of the bar.
    const auto total = countFrom(index.data(m_totalRole));
    const auto failed = countFrom(index.data(m_failedRole));
    if (total && failed && *total > 0 && *failed > 0) {
        const double share = std::clamp(double(*failed) / double(*total), 0.0, 1.0);
        const int stripHeight = std::max(2, em / 6);
        const QRect inner = area.adjusted(1, 1, -1, -1);
        const int width = std::max(2, int(inner.width() * share + 0.5));
        const QRect strip(inner.left(), inner.bottom() - stripHeight + 1, width, stripHeight);
        painter->fillRect(strip, StatusPresentation::color(StatusGroup::Failed, option.palette));
    }
    if (fraction)
        drawHaloText(painter, area, bar.text, option);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = progressText(index);
    const int em = option.fontMetrics.height();
    const int width = option.fontMetrics.horizontalAdvance(text)
                      + 2 * textPadding(option.fontMetrics) + em / 2;
    return {std::max(width, 6 * em), em + 2 * std::max(1, em / 6) + 4};
}

} // namespace bw
