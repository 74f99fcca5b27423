#pragma once

#include <QWidget>

#include <array>

namespace bw {

// A horizontal bar split by record outcome (the Records tab): succeeded, errored, expired and
// canceled, each segment as wide as its share of the total, in the status colours (Completed,
// Failed, Stopped-or-expired, Unknown). A segment of a non-zero count is at least a few pixels
// wide so a handful of failures among millions stays visible. Empty (a frame only) when every
// count is zero. The tooltip and accessible description give the counts in words.
class OutcomeBar : public QWidget
{
    Q_OBJECT

public:
    enum Outcome { Succeeded, Errored, Expired, Canceled, OutcomeCount };

    explicit OutcomeBar(QWidget *parent = nullptr);

    void setCounts(qint64 succeeded, qint64 errored, qint64 expired, qint64 canceled);
    qint64 count(Outcome outcome) const { return m_counts[size_t(outcome)]; }
    // The colour of an outcome's segment in this palette (for legends).
    static QColor color(Outcome outcome, const QPalette &palette);
    static QString label(Outcome outcome);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::array<qint64, OutcomeCount> m_counts{};
};

} // namespace bw
