#include "window/filterbar.h"

#include "models/jobfilterproxymodel.h"
#include "models/jobtablemodel.h"
#include "presentation/statuspresentation.h"
#include "ui_filterbar.h"

#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QToolButton>

#include <algorithm>

namespace bw {

namespace {

// The sentinel minimum of the date edits: at this value an edit shows "any" (an open bound).
QDateTime openBound()
{
    return QDateTime(QDate(2000, 1, 1), QTime(0, 0)); // local time
}

constexpr int kTextDelayMs = 200;
constexpr int kRollIntervalMs = 60 * 1000;

qint64 presetHours(FilterBar::Range range)
{
    switch (range) {
    case FilterBar::Range::Last24Hours:
        return 24;
    case FilterBar::Range::Last7Days:
        return 7 * 24;
    case FilterBar::Range::Last30Days:
        return 30 * 24;
    case FilterBar::Range::AnyTime:
    case FilterBar::Range::Custom:
        break;
    }
    return 0;
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FilterBar>())
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_ui->setupUi(this);

    m_ui->rangeCombo->addItem(tr("Any time"), int(Range::AnyTime));
    m_ui->rangeCombo->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_ui->rangeCombo->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_ui->rangeCombo->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_ui->rangeCombo->addItem(tr("Custom range"), int(Range::Custom));
    m_ui->rangeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    for (QDateTimeEdit *edit : {m_ui->fromEdit, m_ui->toEdit}) {
        edit->setTimeSpec(Qt::LocalTime);
        edit->setMinimumDateTime(openBound());
        edit->setSpecialValueText(tr("any"));
        edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
        edit->setDateTime(openBound());
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
            if (!m_updating)
                userChanged();
        });
    }

    createChips();

    m_providerCombo = new QComboBox(this);
    m_providerCombo->setObjectName(QStringLiteral("providerCombo"));
    m_providerCombo->setAccessibleName(tr("Provider"));
    m_providerCombo->setToolTip(tr("Show the batches of one provider only"));
    m_providerCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_providerCombo->addItem(tr("All providers"), QString());
    m_providerCombo->setVisible(false);
    m_ui->searchRow->insertWidget(m_ui->searchRow->indexOf(m_ui->rangeLabel), m_providerCombo);
    // Tab follows the eye: the provider sits between the search and the range, the chips (made
    // above, on the second row) come after the first row's Clear button.
    setTabOrder(m_ui->searchEdit, m_providerCombo);
    setTabOrder(m_providerCombo, m_ui->rangeCombo);
    connect(m_providerCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            userChanged();
    });

    m_textTimer.setSingleShot(true);
    m_textTimer.setInterval(kTextDelayMs);
    connect(&m_textTimer, &QTimer::timeout, this, &FilterBar::applyText);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_updating)
            m_textTimer.start();
    });
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &FilterBar::applyText);

    connect(m_ui->rangeCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        if (range() == Range::Custom) {
            // Start the custom range from what was shown, so switching keeps the rows.
            const QSignalBlocker blockFrom(m_ui->fromEdit);
            const QSignalBlocker blockTo(m_ui->toEdit);
            if (!editValue(0).isValid() && !editValue(1).isValid())
                setEditValue(0, m_clock().addDays(-7));
        }
        updateRangeWidgets();
        userChanged();
    });
    connect(m_ui->activeOnlyCheck, &QCheckBox::toggled, this, [this] {
        if (!m_updating)
            userChanged();
    });
    connect(m_ui->clearButton, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT stateChanged(state());
    });

    // A preset ("last 7 days") rolls with the clock while it is shown.
    m_rollTimer.setInterval(kRollIntervalMs);
    connect(&m_rollTimer, &QTimer::timeout, this, &FilterBar::applyToProxy);

    updateRangeWidgets();
    updateLook();
    updateVisibleText();
}

FilterBar::~FilterBar() = default;

void FilterBar::createChips()
{
    for (int g = 0; g < StatusGroupCount; ++g) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("chip_") + Status::groupKey(StatusGroup(g)));
        chip->setCheckable(true);
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setFocusPolicy(Qt::StrongFocus);
        connect(chip, &QToolButton::toggled, this, [this] {
            if (!m_updating)
                userChanged();
        });
        m_ui->chipsLayout->addWidget(chip);
        m_chips[size_t(g)] = chip;
    }
    updateChips();
}

void FilterBar::setProxy(JobFilterProxyModel *proxy)
{
    if (m_proxy == proxy)
        return;
    if (m_proxy)
        m_proxy->disconnect(this);
    m_proxy = proxy;
    if (m_proxy) {
        connect(m_proxy, &JobFilterProxyModel::countsChanged, this, &FilterBar::updateChips);
        // The total: the proxy removes its rows before the source model has (its rowsRemoved
        // comes while the source still counts them); the group counts follow the source.
        connect(m_proxy, &JobFilterProxyModel::countsChanged, this, &FilterBar::updateVisibleText);
        connect(m_proxy, &JobFilterProxyModel::visibleCountChanged, this,
                &FilterBar::updateVisibleText);
        connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &FilterBar::updateVisibleText);
        connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FilterBar::updateVisibleText);
        connect(m_proxy, &QAbstractItemModel::modelReset, this, &FilterBar::updateVisibleText);
        connect(m_proxy, &JobFilterProxyModel::presentProvidersChanged, this,
                &FilterBar::updateProviders);
        applyToProxy();
    }
    updateProviders();
    updateChips();
    updateVisibleText();
}

FilterState FilterBar::state() const
{
    FilterState s;
    for (int g = 0; g < StatusGroupCount; ++g) {
        if (m_chips[size_t(g)]->isChecked())
            s.statusGroups << Status::groupKey(StatusGroup(g));
    }
    s.text = m_ui->searchEdit->text().trimmed();
    s.activeOnly = m_ui->activeOnlyCheck->isChecked();
    const Range r = range();
    if (r == Range::Custom) {
        s.submittedFrom = editValue(0);
        s.submittedTo = editValue(1);
    } else if (const qint64 hours = presetHours(r); hours > 0) {
        s.submittedFrom = m_clock().addSecs(-hours * 3600);
    }
    return s;
}

void FilterBar::setState(const FilterState &s)
{
    m_updating = true;
    for (int g = 0; g < StatusGroupCount; ++g) {
        m_chips[size_t(g)]->setChecked(s.statusGroups.contains(Status::groupKey(StatusGroup(g))));
    }
    m_ui->searchEdit->setText(s.text);
    m_ui->activeOnlyCheck->setChecked(s.activeOnly);
    const bool custom = s.submittedFrom.isValid() || s.submittedTo.isValid();
    m_ui->rangeCombo->setCurrentIndex(
            m_ui->rangeCombo->findData(int(custom ? Range::Custom : Range::AnyTime)));
    setEditValue(0, s.submittedFrom);
    setEditValue(1, s.submittedTo);
    m_providerCombo->setCurrentIndex(0);
    m_updating = false;
    m_textTimer.stop();
    updateRangeWidgets();
    applyToProxy();
    updateChips();
}

void FilterBar::clear()
{
    setState(FilterState{});
}

void FilterBar::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

void FilterBar::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

QToolButton *FilterBar::chip(StatusGroup group) const
{
    return m_chips[size_t(group)];
}

QLineEdit *FilterBar::searchField() const
{
    return m_ui->searchEdit;
}

FilterBar::Range FilterBar::range() const
{
    return Range(m_ui->rangeCombo->currentData().toInt());
}

void FilterBar::setRange(Range r)
{
    m_ui->rangeCombo->setCurrentIndex(m_ui->rangeCombo->findData(int(r)));
}

QString FilterBar::visibleText() const
{
    return m_ui->visibleLabel->text();
}

void FilterBar::userChanged()
{
    m_textTimer.stop();
    applyToProxy();
    updateChips();
    Q_EMIT stateChanged(state());
}

void FilterBar::applyText()
{
    m_textTimer.stop();
    if (m_ui->searchEdit->text().trimmed() == m_appliedText)
        return;
    userChanged();
}

void FilterBar::applyToProxy()
{
    const FilterState s = state();
    m_appliedText = s.text;
    m_rollTimer.stop();
    if (presetHours(range()) > 0)
        m_rollTimer.start();
    JobFilterProxyModel *proxy = m_proxy.data();
    if (!proxy)
        return;
    QSet<StatusGroup> groups;
    for (int g = 0; g < StatusGroupCount; ++g) {
        if (m_chips[size_t(g)]->isChecked())
            groups.insert(StatusGroup(g));
    }
    if (proxy->statusGroups() != groups)
        proxy->setStatusGroups(groups);
    if (proxy->filterText() != s.text)
        proxy->setFilterText(s.text);
    if (proxy->submittedFrom() != s.submittedFrom || proxy->submittedTo() != s.submittedTo)
        proxy->setSubmitTimeRange(s.submittedFrom, s.submittedTo);
    if (proxy->activeOnly() != s.activeOnly)
        proxy->setActiveOnly(s.activeOnly);
    const QString provider = m_providerCombo->currentData().toString();
    const QSet<QString> providers = provider.isEmpty() ? QSet<QString>() : QSet<QString>{provider};
    if (proxy->providers() != providers)
        proxy->setProviders(providers);
    updateVisibleText();
}

void FilterBar::updateChips()
{
    const JobFilterProxyModel *proxy = m_proxy.data();
    const JobFilterProxyModel::GroupCounts counts
            = proxy ? proxy->countsByGroup() : JobFilterProxyModel::GroupCounts{};
    for (int g = 0; g < StatusGroupCount; ++g) {
        const auto group = StatusGroup(g);
        QToolButton *chip = m_chips[size_t(g)];
        const int n = counts[size_t(g)];
        const QString name = StatusPresentation::groupText(group);
        const QString text = tr("%1 · %2").arg(name, QLocale().toString(n));
        if (chip->text() != text)
            chip->setText(text);
        chip->setAccessibleName(tr("%1, %n job(s)", nullptr, n).arg(name));
        chip->setToolTip(chip->isChecked()
                                 ? tr("Showing %1 jobs. Click to stop filtering on this status.")
                                           .arg(name.toLower())
                                 : tr("Show only %1 jobs; several chips can be combined.")
                                           .arg(name.toLower()));
        if (group == StatusGroup::Unknown)
            chip->setVisible(n > 0 || chip->isChecked());
    }
}

void FilterBar::updateVisibleText()
{
    QString text;
    if (const JobFilterProxyModel *proxy = m_proxy.data()) {
        const int visible = proxy->rowCount();
        const int total = proxy->sourceModel() ? proxy->sourceModel()->rowCount() : 0;
        const QLocale locale;
        text = visible == total ? tr("Jobs: %1").arg(locale.toString(total))
                                : tr("Shown: %1 of %2")
                                          .arg(locale.toString(visible), locale.toString(total));
    }
    if (m_ui->visibleLabel->text() != text)
        m_ui->visibleLabel->setText(text);
    bool filtered = false;
    for (const QToolButton *chip : m_chips)
        filtered = filtered || chip->isChecked();
    filtered = filtered || !m_ui->searchEdit->text().trimmed().isEmpty()
               || m_ui->activeOnlyCheck->isChecked() || range() != Range::AnyTime
               || m_providerCombo->currentIndex() > 0;
    m_ui->clearButton->setEnabled(filtered);
}

void FilterBar::updateProviders()
{
    const QStringList present = m_proxy ? m_proxy->presentProviders() : QStringList();
    const QString chosen = m_providerCombo->currentData().toString();
    QStringList keys = present;
    if (!chosen.isEmpty() && !keys.contains(chosen))
        keys << chosen; // a chosen provider stays offered while its last job is gone
    m_updating = true;
    while (m_providerCombo->count() > 1)
        m_providerCombo->removeItem(1);
    for (const QString &key : std::as_const(keys))
        m_providerCombo->addItem(JobTableModel::providerLabel(key), key);
    m_providerCombo->setCurrentIndex(std::max(0, m_providerCombo->findData(chosen)));
    m_updating = false;
    m_providerCombo->setVisible(present.size() > 1 || !chosen.isEmpty());
}

void FilterBar::updateRangeWidgets()
{
    const bool custom = range() == Range::Custom;
    m_ui->fromEdit->setVisible(custom);
    m_ui->toLabel->setVisible(custom);
    m_ui->toEdit->setVisible(custom);
}

QDateTime FilterBar::editValue(int which) const
{
    const QDateTimeEdit *edit = which == 0 ? m_ui->fromEdit : m_ui->toEdit;
    const QDateTime value = edit->dateTime();
    if (value <= openBound())
        return {};
    return value.toUTC();
}

void FilterBar::setEditValue(int which, const QDateTime &utc)
{
    QDateTimeEdit *edit = which == 0 ? m_ui->fromEdit : m_ui->toEdit;
    edit->setDateTime(utc.isValid() && utc.toLocalTime() > openBound() ? utc.toLocalTime()
                                                                       : openBound());
}

void FilterBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        updateLook();
}

void FilterBar::updateLook()
{
    const int em = fontMetrics().height();
    m_ui->mainLayout->setSpacing(em / 3);
    m_ui->chipsLayout->setSpacing(em / 3);
    // Room for about 40 characters of search text before the field gives way to the rest.
    m_ui->searchEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    for (int g = 0; g < StatusGroupCount; ++g)
        m_chips[size_t(g)]->setIcon(StatusPresentation::icon(StatusGroup(g), palette()));
}

} // namespace bw
