#pragma once

#include "common/appsettings.h"
#include "domain/jobstatus.h"
#include "models/jobfilterproxymodel.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLineEdit;
class QToolButton;
QT_END_NAMESPACE

namespace Ui {
class FilterBar;
}

namespace bw {

// The filter bar above the job table (PRODUCT.md §2 "Filter bar"). Filters are local: the bar
// drives a JobFilterProxyModel and never talks to a gateway.
//
//  - Status chips: one checkable chip per status group with the group's icon, name and live
//    count (JobFilterProxyModel::countsByGroup, i.e. all rows of the profile, whatever else is
//    filtered). Several may be checked; none checked shows every status. The "Unknown" chip is
//    shown only while some job has an unknown status or it is checked.
//  - Text search over name, id, ARN and model (applied after a short pause while typing, at
//    once on Enter); focusSearch() is what Ctrl+F calls.
//  - Submitted: any time, the last 24 hours / 7 days / 30 days (rolling while the bar is
//    alive), or a custom range whose ends may each be "any".
//  - Active only.
//  - Provider: a box "All providers" / one provider, shown while the jobs come from more than
//    one provider (or one is chosen). Not part of state(): it starts at "All providers".
//
// state() is what to remember (AppSettings::setFilterState) and setState() restores it; a
// preset comes back as the custom range it stood for. stateChanged() fires after every change
// the user makes (not for setState()).
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // Items of the "Submitted" box, in order.
    enum class Range { AnyTime, Last24Hours, Last7Days, Last30Days, Custom };

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    // The proxy to drive (not owned; may be null). Its current filters are replaced by the
    // bar's at once.
    void setProxy(JobFilterProxyModel *proxy);
    JobFilterProxyModel *proxy() const { return m_proxy; }

    FilterState state() const;
    void setState(const FilterState &state);
    void clear();

    void setClock(Clock clock); // default QDateTime::currentDateTimeUtc

    void focusSearch();

    // For tests and the keyboard: the widgets a user works with.
    QToolButton *chip(StatusGroup group) const;
    QLineEdit *searchField() const;
    Range range() const;
    void setRange(Range range);
    QComboBox *providerBox() const { return m_providerCombo; }
    // The text of the "Showing N of M" label.
    QString visibleText() const;

Q_SIGNALS:
    void stateChanged(const bw::FilterState &state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createChips();
    void updateChips();
    void updateVisibleText();
    void updateRangeWidgets();
    void applyToProxy();
    void userChanged();
    void applyText();
    QDateTime editValue(int which) const; // 0 from, 1 to; invalid = "any"
    void setEditValue(int which, const QDateTime &utc);
    void updateLook();
    void updateProviders();

    std::unique_ptr<Ui::FilterBar> m_ui;
    QPointer<JobFilterProxyModel> m_proxy;
    std::array<QToolButton *, StatusGroupCount> m_chips{};
    QComboBox *m_providerCombo = nullptr;
    Clock m_clock;
    QTimer m_textTimer;
    QTimer m_rollTimer;
    QString m_appliedText;
    bool m_updating = false;
};

} // namespace bw
