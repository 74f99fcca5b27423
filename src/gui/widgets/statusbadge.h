#pragma once

#include "domain/jobstatus.h"

#include <QWidget>

#include <optional>

namespace bw {

// A job status as a standalone badge (the details panel's header): the same rounded, tinted
// pill with icon and words as StatusBadgeDelegate draws in the table, so the status reads
// without colour. No status yet reads "Not reported".
class StatusBadge : public QWidget
{
    Q_OBJECT

public:
    explicit StatusBadge(QWidget *parent = nullptr);

    // `group` (Job::statusGroup()) gives the colour and icon when it differs from the status's
    // own group: an Anthropic "Ended" batch with failed records looks like the Failed chip.
    void setStatus(const std::optional<Status> &status,
                   std::optional<StatusGroup> group = std::nullopt);
    std::optional<Status> status() const { return m_status; }
    StatusGroup group() const;
    // The words on the badge.
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    std::optional<Status> m_status;
    std::optional<StatusGroup> m_group;
};

} // namespace bw
