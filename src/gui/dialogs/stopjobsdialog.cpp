#include "dialogs/stopjobsdialog.h"

#include "dialogs/dialogsizing.h"
#include "domain/jobidentifier.h"
#include "domain/stoprule.h"
#include "presentation/statuspresentation.h"
#include "ui_stopjobsdialog.h"

#include <QHeaderView>
#include <QPushButton>

namespace bw {

namespace {
enum Column { JobColumn, StatusColumn, ResultColumn };
} // namespace

StopJobsDialog::StopJobsDialog(const QList<Target> &targets, StopFunction stop, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::StopJobsDialog>())
    , m_stop(std::move(stop))
{
    m_ui->setupUi(this);
    const int em = fontMetrics().height();
    m_ui->warningIcon->setPixmap(StatusPresentation::signIcon(SignIcon::Warning, palette())
                                         .pixmap(QSize(2 * em, 2 * em), devicePixelRatioF()));
    m_ui->warningLayout->setSpacing(em / 2);

    // Identifiers are unique keys; a duplicate in the input is shown once.
    int ended = 0;
    for (const Target &target : targets) {
        if (target.identifier.isEmpty() || m_items.contains(target.identifier))
            continue;
        if (!canBeStopped(target.status)) {
            ++ended;
            continue;
        }
        m_targets.append(target);
        auto *item = new QTreeWidgetItem(m_ui->jobsView);
        const QString shortId = JobIdentifier::parse(target.identifier).shortId();
        const QString name = target.displayName.trimmed();
        item->setText(JobColumn, name.isEmpty() ? shortId : tr("%1 (%2)").arg(name, shortId));
        item->setToolTip(JobColumn, target.identifier);
        if (target.status) {
            item->setText(StatusColumn, StatusPresentation::text(*target.status));
            item->setIcon(StatusColumn, StatusPresentation::icon(*target.status));
        } else {
            item->setText(StatusColumn, StatusPresentation::text(JobStatus::Unknown));
        }
        m_items.insert(target.identifier, item);
        setOutcome(target.identifier,
                   {Outcome::Kind::NotSent, tr("Not sent"), tr("The stop has not been sent.")});
    }

    QStringList providers;
    for (const Target &t : std::as_const(m_targets))
        providers << t.provider;
    m_cancel = isCancelWording(providers);
    const int count = int(m_targets.size());
    if (count == 1) {
        const Target &t = m_targets.constFirst();
        const QString name = t.displayName.trimmed().isEmpty()
                                     ? JobIdentifier::parse(t.identifier).shortId()
                                     : t.displayName.trimmed();
        setWindowTitle(m_cancel ? tr("Cancel Batch") : tr("Stop Job"));
        m_ui->questionLabel->setText(m_cancel ? tr("Cancel the batch “%1”?").arg(name)
                                              : tr("Stop the job “%1”?").arg(name));
    } else {
        setWindowTitle(m_cancel ? tr("Cancel %n Batch(es)", nullptr, count)
                                : tr("Stop %n Job(s)", nullptr, count));
        m_ui->questionLabel->setText(m_cancel ? tr("Cancel these %n batch(es)?", nullptr, count)
                                              : tr("Stop these %n job(s)?", nullptr, count));
    }
    if (ended > 0) {
        m_ui->questionLabel->setText(
                m_ui->questionLabel->text() + u' '
                + (ended == 1 ? tr("(One selected job has already ended and is left out.)")
                              : tr("(%n selected job(s) have already ended and are left out.)",
                                   nullptr, ended)));
    }
    QFont question = m_ui->questionLabel->font();
    question.setBold(true);
    m_ui->questionLabel->setFont(question);

    QString stopText = count == 1 ? tr("&Stop Job") : tr("&Stop %n Job(s)", nullptr, count);
    if (m_cancel)
        stopText = count == 1 ? tr("&Cancel Batch") : tr("&Cancel %n Batch(es)", nullptr, count);
    m_stopButton = m_ui->buttonBox->addButton(stopText, QDialogButtonBox::AcceptRole);
    // Beside "Cancel Batch", a plain "Cancel" would be ambiguous.
    if (m_cancel)
        m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("&Keep Running"));
    m_stopButton->setIcon(StatusPresentation::actionIcon(ActionIcon::Stop, palette()));
    m_stopButton->setEnabled(count > 0 && bool(m_stop));
    m_stopButton->setAutoDefault(false);
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    cancel->setFocus();
    // Not accepted(): pressing Stop keeps the dialog open to show the results.
    connect(m_stopButton, &QPushButton::clicked, this, &StopJobsDialog::startStopping);

    QHeaderView *header = m_ui->jobsView->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(JobColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_ui->jobsView->resizeColumnToContents(JobColumn);
    header->resizeSection(JobColumn, std::min(header->sectionSize(JobColumn), 24 * em));

    // Room for a handful of rows and the result sentences without scrolling sideways.
    const int visibleRows = std::clamp(count, 3, 8);
    m_ui->jobsView->setMinimumHeight(m_ui->jobsView->header()->sizeHint().height()
                                     + visibleRows * (fontMetrics().lineSpacing() + em / 2));
    setMinimumWidth(fontMetrics().averageCharWidth() * 96);
    updateSummary();
}

StopJobsDialog::~StopJobsDialog() = default;

StopJobsDialog::Availability
StopJobsDialog::availability(const QList<std::optional<Status>> &statuses, bool cancel)
{
    if (statuses.isEmpty())
        return {false,
                cancel ? tr("Select the batches to cancel.") : tr("Select the jobs to stop.")};
    std::optional<Status> ended;
    for (const std::optional<Status> &status : statuses) {
        if (canBeStopped(status))
            return {true, cancel ? tr("Ask the provider, through the gateway, to cancel the "
                                      "selected batches")
                                 : tr("Ask the gateway to stop the selected jobs")};
        ended = status;
    }
    if (statuses.size() == 1)
        return {false, (cancel ? tr("This batch has already ended (%1): there is nothing to "
                                    "cancel.")
                               : tr("This job has already ended (%1): there is nothing to stop."))
                               .arg(StatusPresentation::text(*ended))};
    return {false, cancel ? tr("These batches have all ended: there is nothing to cancel.")
                          : tr("These jobs have all ended: there is nothing to stop.")};
}

bool StopJobsDialog::isCancelWording(const QStringList &providers)
{
    if (providers.isEmpty())
        return false;
    for (const QString &p : providers) {
        if (p.isEmpty() || p.compare(QLatin1StringView("bedrock"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
}

QString StopJobsDialog::actionText(int count, bool cancel)
{
    if (cancel)
        return count > 1 ? tr("&Cancel %1 Batches…").arg(count) : tr("&Cancel Batch…");
    return count > 1 ? tr("&Stop %1 Jobs…").arg(count) : tr("&Stop Job…");
}

QStringList StopJobsDialog::identifiers() const
{
    QStringList ids;
    for (const Target &t : m_targets)
        ids << t.identifier;
    return ids;
}

StopJobsDialog::Outcome StopJobsDialog::outcome(const QString &identifier) const
{
    return m_outcomes.value(identifier);
}

bool StopJobsDialog::isFinished() const
{
    if (!m_started)
        return false;
    for (const Outcome &o : m_outcomes) {
        if (o.kind == Outcome::Kind::Pending || o.kind == Outcome::Kind::NotSent)
            return false;
    }
    return true;
}

void StopJobsDialog::startStopping()
{
    if (m_started || !m_stop || m_targets.isEmpty())
        return;
    m_started = true;
    // Sent once: the button has nothing left to do, and a disabled "Stop" reads as "not sent".
    m_stopButton->setEnabled(false);
    m_stopButton->hide();
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setText(tr("&Close"));
    const QStringList ids = identifiers();
    for (const QString &id : ids)
        setOutcome(id, {Outcome::Kind::Pending, tr("Sending…"), tr("Sending stop request…")});
    updateSummary();
    m_stop(ids, this, [this](const QString &identifier, const Expected<StopAck> &result) {
        handleResult(identifier, result);
    });
}

void StopJobsDialog::handleResult(const QString &identifier, const Expected<StopAck> &result)
{
    const auto it = m_outcomes.constFind(identifier);
    if (it == m_outcomes.constEnd() || it->kind != Outcome::Kind::Pending)
        return; // unknown, or a second answer for the same job

    Outcome outcome;
    if (result) {
        outcome.kind = Outcome::Kind::Accepted;
        outcome.shortText = tr("Accepted");
        if (result->status && !result->status->raw().isEmpty()) {
            outcome.text = (m_cancel ? tr("Cancel accepted: the batch is now %1.")
                                     : tr("Stop accepted: the job is now %1."))
                                   .arg(StatusPresentation::text(*result->status));
        } else {
            outcome.text = m_cancel ? tr("Cancel accepted.") : tr("Stop accepted.");
        }
    } else if (result.error().kind == GatewayError::Kind::Http
               && result.error().httpStatus == 409) {
        outcome.kind = Outcome::Kind::NotStoppable;
        outcome.shortText = tr("No longer stoppable");
        outcome.text = tr("No longer stoppable: the job has already ended or is ending. (%1)")
                               .arg(result.error().describe());
    } else {
        outcome.kind = Outcome::Kind::Failed;
        const GatewayError &error = result.error();
        outcome.shortText
                = error.httpStatus > 0
                          ? tr("Not stopped (HTTP %1)").arg(error.httpStatus)
                          : tr("Not stopped (%1)").arg(GatewayError::kindName(error.kind));
        outcome.text = tr("Not stopped: %1").arg(result.error().describe());
    }
    setOutcome(identifier, outcome);
    if (result && result->status) {
        if (QTreeWidgetItem *item = m_items.value(identifier)) {
            item->setText(StatusColumn, StatusPresentation::text(*result->status));
            item->setIcon(StatusColumn, StatusPresentation::icon(*result->status));
        }
    }
    Q_EMIT jobResult(identifier, outcome.kind == Outcome::Kind::Accepted);
    updateSummary();
}

void StopJobsDialog::setOutcome(const QString &identifier, const Outcome &outcome)
{
    m_outcomes.insert(identifier, outcome);
    QTreeWidgetItem *item = m_items.value(identifier);
    if (!item)
        return;
    item->setText(ResultColumn, outcome.shortText);
    item->setToolTip(ResultColumn, outcome.text);
    QIcon icon;
    switch (outcome.kind) {
    case Outcome::Kind::NotSent:
    case Outcome::Kind::Pending:
        break;
    case Outcome::Kind::Accepted:
        icon = StatusPresentation::icon(StatusGroup::Completed, palette());
        break;
    case Outcome::Kind::NotStoppable:
        icon = StatusPresentation::signIcon(SignIcon::Warning, palette());
        break;
    case Outcome::Kind::Failed:
        icon = StatusPresentation::icon(StatusGroup::Failed, palette());
        break;
    }
    item->setIcon(ResultColumn, icon);
}

void StopJobsDialog::updateSummary()
{
    if (!m_started) {
        m_ui->summaryLabel->setText(
                m_targets.size() == 1
                        ? (m_cancel ? tr("Nothing has been sent yet. The cancel request is "
                                         "sent when you press “Cancel Batch”.")
                                    : tr("Nothing has been sent yet. The stop request is sent "
                                         "when you press “Stop Job”."))
                        : (m_cancel ? tr("Nothing has been sent yet. The cancel requests are "
                                         "sent when you press “Cancel %1 Batches”.")
                                    : tr("Nothing has been sent yet. The stop requests are sent "
                                         "when you press “Stop %1 Jobs”."))
                                  .arg(m_targets.size()));
        return;
    }
    int accepted = 0, notStoppable = 0, failed = 0, pending = 0;
    for (const Outcome &o : std::as_const(m_outcomes)) {
        switch (o.kind) {
        case Outcome::Kind::Accepted:
            ++accepted;
            break;
        case Outcome::Kind::NotStoppable:
            ++notStoppable;
            break;
        case Outcome::Kind::Failed:
            ++failed;
            break;
        case Outcome::Kind::Pending:
        case Outcome::Kind::NotSent:
            ++pending;
            break;
        }
    }
    QStringList parts;
    if (m_cancel)
        parts << tr("%n cancel request(s) accepted.", nullptr, accepted);
    else
        parts << tr("%n stop request(s) accepted.", nullptr, accepted);
    if (notStoppable > 0)
        parts << tr("%n job(s) could no longer be stopped.", nullptr, notStoppable);
    if (failed > 0)
        parts << tr("%n request(s) failed.", nullptr, failed);
    if (pending > 0)
        parts << tr("Waiting for %n answer(s)…", nullptr, pending);
    // Every problem in full, so nobody has to hover to learn why a job was not stopped.
    QStringList lines{parts.join(u' ')};
    for (const Target &t : std::as_const(m_targets)) {
        const Outcome o = m_outcomes.value(t.identifier);
        if (o.kind != Outcome::Kind::NotStoppable && o.kind != Outcome::Kind::Failed)
            continue;
        const QString name = t.displayName.trimmed().isEmpty()
                                     ? JobIdentifier::parse(t.identifier).shortId()
                                     : t.displayName.trimmed();
        lines << tr("%1 — %2").arg(name, o.text);
    }
    m_ui->summaryLabel->setText(lines.join(u'\n'));
    if (isVisible())
        fitHeightToWidth(this);
    if (pending == 0 && !m_announced) {
        m_announced = true;
        m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setFocus();
        Q_EMIT stopsFinished(accepted, notStoppable + failed);
    }
}

void StopJobsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeightToWidth(this);
}

} // namespace bw
