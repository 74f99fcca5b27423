#include "details/overviewtab.h"

#include "details/detailsformat.h"
#include "domain/jobmetrics.h"
#include "presentation/statuspresentation.h"
#include "ui_overviewtab.h"
#include "widgets/copyablefield.h"
#include "widgets/noticebox.h"
#include "widgets/statusbadge.h"
#include "wire/nativecodec.h"

#include <QEvent>
#include <QLocale>

#include <algorithm>

namespace bw {

namespace {

void setText(CopyableField *field, const std::optional<QString> &value)
{
    if (!value)
        field->setNotReported();
    else if (value->isEmpty())
        field->setEmpty();
    else
        field->setValue(*value);
}

// "2025-03-14 09:15:02 CET (vor 15 s)" with the relative part unbreakable: wrapped in a
// narrow column it moves to the next line whole, instead of leaving "s)" alone there.
QString timeText(const QDateTime &instant, const QDateTime &now)
{
    QString text = DetailsFormat::absoluteAndRelative(instant, now);
    const QString relative = JobMetrics::formatRelative(instant, now);
    if (!relative.isEmpty() && relative.contains(u' '))
        text.replace(relative, QString(relative).replace(u' ', QChar::Nbsp));
    return text;
}

void setTime(CopyableField *field, const std::optional<QDateTime> &value, const QDateTime &now)
{
    if (!value || !value->isValid()) {
        field->setNotReported();
        return;
    }
    field->setValue(timeText(*value, now), DetailsFormat::utcTime(*value));
    field->setValueToolTip(DetailsFormat::utcTime(*value));
}

// A local instant batchwatch itself recorded (never "not reported": `placeholder` instead).
void setLocalTime(CopyableField *field, const QDateTime &value, const QDateTime &now,
                  const QString &placeholder)
{
    if (!value.isValid()) {
        field->setPlaceholder(placeholder);
        return;
    }
    field->setValue(timeText(value, now), DetailsFormat::utcTime(value));
    field->setValueToolTip(DetailsFormat::utcTime(value));
}

// A gateway that sends the AWS API's full bodies omits only what has no value (the rule of
// JobMetrics::vpcState): an absent field is "none" there, not "not reported".
bool sendsFullBodies(const WatchedJob &w)
{
    for (JobField f : {JobField::RoleArn, JobField::LastModifiedTime, JobField::JobExpirationTime,
                       JobField::TimeoutDurationInHours}) {
        if (w.everReported.has(f))
            return true;
    }
    return false;
}

// "InProgress", "In progress" and "inprogress" say the same: letters and digits, any case.
bool sameWords(const QString &a, const QString &b)
{
    auto squash = [](const QString &text) {
        QString out;
        for (const QChar c : text) {
            if (c.isLetterOrNumber())
                out += c.toCaseFolded();
        }
        return out;
    };
    return squash(a) == squash(b);
}

bool messageIsProminent(const Job &job)
{
    switch (job.statusCode()) {
    case JobStatus::Failed:
    case JobStatus::PartiallyCompleted:
    case JobStatus::Stopped:
        return job.message && !job.message->trimmed().isEmpty();
    default:
        return false;
    }
}

} // namespace

OverviewTab::OverviewTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::OverviewTab>())
{
    m_ui->setupUi(this);
    m_ui->scrollArea->viewport()->setAutoFillBackground(false);
    m_ui->contents->setAutoFillBackground(false);
    m_ui->statusRowLayout->setAlignment(m_ui->statusBadge, Qt::AlignLeft);
    m_ui->statusRow->installEventFilter(this);

    const auto fields = findChildren<CopyableField *>();
    for (CopyableField *f : fields)
        connect(f, &CopyableField::copied, this, &OverviewTab::statusMessage);
    // Each form label names its field ("Job ARN:"): the field uses the name in messages and
    // for accessibility, and the label becomes its buddy.
    for (QFormLayout *form : {m_ui->jobForm, m_ui->timesForm, m_ui->dataForm, m_ui->watchForm}) {
        // In a narrow panel (a 1024 px window, a long German label such as "Datensätze · aus
        // den Ergebnissen:") a field that no longer fits beside its label goes below it,
        // instead of the form growing wider than the panel and hiding the copy buttons.
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        for (int row = 0; row < form->rowCount(); ++row) {
            auto *label = qobject_cast<QLabel *>(
                    form->itemAt(row, QFormLayout::LabelRole)
                            ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                            : nullptr);
            QLayoutItem *fieldItem = form->itemAt(row, QFormLayout::FieldRole);
            if (!label || !fieldItem || !fieldItem->widget())
                continue;
            QString name = label->text();
            name.chop(1); // the colon
            if (auto *f = qobject_cast<CopyableField *>(fieldItem->widget())) {
                f->setFieldName(name);
                label->setBuddy(f);
            }
        }
    }
    m_ui->statusRawField->setFieldName(tr("status"));
    m_ui->statusRawField->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    for (CopyableField *f : {m_ui->statusRawField, m_ui->arnField, m_ui->roleArnField,
                             m_ui->tokenField, m_ui->identifierField, m_ui->kmsKeyField})
        f->setMonospace(true);

    m_ui->messageBox->setCopyable(true, tr("message"));
    // A failure message can be 2,000 characters: a few lines, the rest on demand.
    m_ui->messageBox->setCollapsedLines(4);
    m_ui->errorBox->setCopyable(true, tr("error"));
    for (NoticeBox *box : {m_ui->messageBox, m_ui->notFoundBox, m_ui->errorBox}) {
        box->setVisible(false);
        connect(box, &NoticeBox::copied, this, &OverviewTab::statusMessage);
    }
    updateLook();
    clear();
}

OverviewTab::~OverviewTab() = default;

CopyableField *OverviewTab::field(const QString &objectName) const
{
    return findChild<CopyableField *>(objectName);
}

NoticeBox *OverviewTab::messageBox() const
{
    return m_ui->messageBox;
}

NoticeBox *OverviewTab::notFoundBox() const
{
    return m_ui->notFoundBox;
}

NoticeBox *OverviewTab::errorBox() const
{
    return m_ui->errorBox;
}

void OverviewTab::setJob(const WatchedJob &job, const QDateTime &now)
{
    m_job = job;
    m_now = now;
    m_hasJob = true;
    m_problems.clear();
    for (const RawBody *body : {&job.rawRetrieve, &job.rawList}) {
        if (!body->isEmpty())
            m_problems += JobCodec::problemsIn(body->object());
    }
    if (!job.rawNative.isEmpty())
        m_problems += NativeCodec::problemsIn(job.rawNative.object());
    fill();
}

void OverviewTab::setNow(const QDateTime &now)
{
    if (m_now == now)
        return;
    m_now = now;
    if (m_hasJob)
        fill();
}

void OverviewTab::clear()
{
    m_hasJob = false;
    m_job = {};
    m_problems.clear();
    fill();
}

void OverviewTab::fill()
{
    const WatchedJob &w = m_job;
    const Job &job = w.job;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const QLocale locale;

    // Job
    setText(m_ui->nameField, job.jobName);
    m_ui->statusBadge->setStatus(job.status);
    if (job.status) {
        // The badge says it already; the gateway's own word only when it tells more.
        const QString raw = job.status->raw();
        if (job.status->code() == JobStatus::Unknown)
            m_ui->statusRawField->setValue(
                    tr("(gateway: %1, not a status batchwatch knows)").arg(raw), raw);
        else if (sameWords(raw, StatusPresentation::text(*job.status)))
            m_ui->statusRawField->setCopyOnly(raw);
        else
            m_ui->statusRawField->setValue(tr("(gateway: %1)").arg(raw), raw);
        m_ui->statusRawField->setAccentColor(DetailsFormat::dimmedTextColor(palette()));
        m_ui->statusRawField->setValueToolTip(
                tr("The gateway sent \"%1\". Copy puts it on the clipboard exactly.").arg(raw));
    } else {
        m_ui->statusRawField->setNotReported();
        m_ui->statusRawField->setValueToolTip({});
    }
    m_ui->statusBadge->setVisible(job.status.has_value());
    updateStatusRow();
    setText(m_ui->arnField, job.jobArn);
    // Usually the ARN itself: then say so instead of showing the same long line twice.
    const bool identifierIsArn = m_hasJob && job.jobArn && *job.jobArn == w.identifier;
    if (identifierIsArn)
        m_ui->identifierField->setValue(tr("same as the job ARN"), w.identifier);
    else if (m_hasJob)
        m_ui->identifierField->setValue(w.identifier);
    else
        m_ui->identifierField->setPlaceholder({});
    m_ui->identifierField->setMonospace(!identifierIsArn);
    m_ui->identifierField->setAccentColor(
            identifierIsArn ? DetailsFormat::dimmedTextColor(palette()) : QColor());
    m_ui->identifierField->setValueToolTip(
            identifierIsArn ? tr("You added this job by its ARN: %1").arg(w.identifier)
                            : tr("The identifier as you added it"));
    setText(m_ui->modelField, job.modelId);
    setText(m_ui->invocationTypeField, job.modelInvocationType);
    setText(m_ui->roleArnField, job.roleArn);
    setText(m_ui->tokenField, job.clientRequestToken);

    const bool prominent = messageIsProminent(job);
    m_ui->jobForm->setRowVisible(m_ui->messageField, !prominent);
    if (!job.message && sendsFullBodies(w))
        m_ui->messageField->setPlaceholder(tr("none")); // AWS omits an absent message
    else
        setText(m_ui->messageField, job.message);
    m_ui->messageBox->setVisible(prominent);
    if (prominent) {
        QString title;
        switch (job.statusCode()) {
        case JobStatus::Failed:
            title = tr("The job failed");
            break;
        case JobStatus::PartiallyCompleted:
            title = tr("The job completed only partially");
            break;
        default:
            title = tr("The job was stopped");
            break;
        }
        m_ui->messageBox->setTitle(title);
        m_ui->messageBox->setText(*job.message);
        const JobStatus code = job.statusCode();
        const QColor accent = code == JobStatus::Failed
                                      ? StatusPresentation::color(code, palette())
                                      : StatusPresentation::warningColor(palette());
        m_ui->messageBox->setAccent(
                accent, code == JobStatus::Failed
                                ? StatusPresentation::icon(code, palette())
                                : StatusPresentation::signIcon(SignIcon::Warning, palette()));
    }

    const bool anyCount = job.totalRecordCount || job.processedRecordCount || job.successRecordCount
                          || job.errorRecordCount;
    // WIRE.md: a total of 0 while the job is queued (validating) means not known yet, and
    // all-zero counts on a job past that mean not reported — never "0 of 0".
    bool allZero = true;
    for (const std::optional<qint64> *c : {&job.totalRecordCount, &job.processedRecordCount,
                                           &job.successRecordCount, &job.errorRecordCount})
        allZero = allZero && (!*c || **c == 0);
    const bool queued = !job.status || job.status->isQueued();
    if (anyCount && allZero && queued) {
        m_ui->recordsField->setPlaceholder(tr("not known yet (counted once validation ends)"));
    } else if (anyCount && allZero && job.status && job.status->isTerminal()) {
        m_ui->recordsField->setNotReported();
    } else if (anyCount) {
        auto count = [&locale](const std::optional<qint64> &v) {
            return v ? locale.toString(*v) : tr("?");
        };
        m_ui->recordsField->setValue(
                tr("%1 of %2 processed · %3 succeeded · %4 failed")
                        .arg(count(job.processedRecordCount), count(job.totalRecordCount),
                             count(job.successRecordCount), count(job.errorRecordCount)));
    } else {
        m_ui->recordsField->setNotReported();
    }

    // Times
    setTime(m_ui->submitField, job.submitTime, now);
    setTime(m_ui->lastModifiedField, job.lastModifiedTime, now);
    if (!job.endTime && job.status && !job.status->isTerminal() && m_hasJob)
        m_ui->endField->setPlaceholder(tr("not ended yet"));
    else
        setTime(m_ui->endField, job.endTime, now);
    setTime(m_ui->expiryField, job.jobExpirationTime, now);
    const bool atRisk = JobMetrics::isAtRisk(job, now);
    m_ui->expiryField->setAccentColor(atRisk ? StatusPresentation::warningColor(palette())
                                             : QColor());
    if (atRisk && job.jobExpirationTime)
        m_ui->expiryField->setValueToolTip(
                tr("%1\nStill queued close to its expiration: the job expires unless it starts.")
                        .arg(DetailsFormat::utcTime(*job.jobExpirationTime)));
    if (job.timeoutDurationInHours)
        m_ui->timeoutField->setValue(*job.timeoutDurationInHours == 1
                                             ? tr("1 hour")
                                             : tr("%1 hours").arg(*job.timeoutDurationInHours),
                                     QString::number(*job.timeoutDurationInHours));
    else
        m_ui->timeoutField->setNotReported();
    const bool terminal = job.status && job.status->isTerminal();
    if (auto *label = qobject_cast<QLabel *>(m_ui->timesForm->labelForField(m_ui->elapsedField)))
        label->setText(terminal ? tr("Duration:") : tr("Elapsed:"));
    m_ui->elapsedField->setFieldName(terminal ? tr("Duration") : tr("Elapsed"));
    if (const std::optional<qint64> elapsed = JobMetrics::elapsed(job, now))
        m_ui->elapsedField->setValue(JobMetrics::formatDuration(*elapsed));
    else
        m_ui->elapsedField->setPlaceholder(m_hasJob ? tr("unknown (no submit time reported)")
                                                    : QString());

    // Input and output
    const auto in = job.inputDataConfig;
    const auto out = job.outputDataConfig;
    setText(m_ui->inputUriField, in ? in->s3Uri : std::nullopt);
    setText(m_ui->inputFormatField, in ? in->s3InputFormat : std::nullopt);
    setText(m_ui->inputOwnerField, in ? in->s3BucketOwner : std::nullopt);
    setText(m_ui->outputUriField, out ? out->s3Uri : std::nullopt);
    setText(m_ui->outputOwnerField, out ? out->s3BucketOwner : std::nullopt);
    setText(m_ui->kmsKeyField, out ? out->s3EncryptionKeyId : std::nullopt);

    // Watching
    setLocalTime(m_ui->addedField, w.addedAt, now, m_hasJob ? tr("unknown") : QString());
    setLocalTime(m_ui->fetchedField, w.fetchedAt, now, m_hasJob ? tr("never") : QString());
    if (w.lastError) {
        const QString when = w.lastErrorAt.isValid() ? timeText(w.lastErrorAt, now) : QString();
        const QString text = when.isEmpty() ? w.lastError->describe()
                                            : tr("%1 — %2").arg(when, w.lastError->describe());
        m_ui->lastErrorField->setValue(text, w.lastError->describe());
        m_ui->lastErrorField->setAccentColor(StatusPresentation::warningColor(palette()));
    } else {
        m_ui->lastErrorField->setPlaceholder(m_hasJob ? tr("none") : QString());
        m_ui->lastErrorField->setAccentColor({});
    }

    markNativeFields();
    markUnreadableFields();

    m_ui->notFoundBox->setVisible(m_hasJob && w.notFound);
    if (w.notFound) {
        m_ui->notFoundBox->setTitle(tr("Not found on this gateway"));
        m_ui->notFoundBox->setText(
                tr("The gateway's last answer was \"not found\" (HTTP 404) for %1. The fields "
                   "below are the last ones it reported; batchwatch keeps checking.")
                        .arg(w.identifier));
        m_ui->notFoundBox->setAccent(StatusPresentation::warningColor(palette()),
                                     StatusPresentation::signIcon(SignIcon::Warning, palette()));
    }
    const bool showError = m_hasJob && w.lastError && !w.notFound;
    m_ui->errorBox->setVisible(showError);
    if (showError) {
        m_ui->errorBox->setTitle(
                w.fetchedAt.isValid()
                        ? tr("The last refresh failed: showing what the gateway said %1")
                                  .arg(JobMetrics::formatRelative(w.fetchedAt, now))
                        : tr("This job could not be fetched yet"));
        m_ui->errorBox->setText(w.lastError->describe());
        // Unreachable, or reached and answering with errors: a sign for each (as the banner).
        m_ui->errorBox->setAccent(StatusPresentation::warningColor(palette()),
                                  StatusPresentation::signIcon(w.lastError->isUnreachable()
                                                                       ? SignIcon::Offline
                                                                       : SignIcon::GatewayErrors,
                                                               palette()));
    }
}

void OverviewTab::markNativeFields()
{
    // Which route said what (issue 11 §2): a value taken from Bifrost's native batch API gets
    // "· native" after its label, counts taken from the per-record results "· from results",
    // and the label's tooltip says so.
    const struct
    {
        CopyableField *field;
        QList<JobField> fields;
    } rows[] = {
            {m_ui->nameField, {JobField::JobName}},
            {m_ui->modelField, {JobField::ModelId}},
            {m_ui->submitField, {JobField::SubmitTime}},
            {m_ui->lastModifiedField, {JobField::LastModifiedTime}},
            {m_ui->endField,
             {JobField::EndTime, JobField::CompletedAt, JobField::FailedAt, JobField::ExpiredAt,
              JobField::CancelledAt}},
            {m_ui->expiryField, {JobField::JobExpirationTime}},
            {m_ui->recordsField,
             {JobField::TotalRecordCount, JobField::ProcessedRecordCount,
              JobField::SuccessRecordCount, JobField::ErrorRecordCount}},
            {m_ui->inputUriField, {JobField::InputDataConfig}},
            {m_ui->outputUriField, {JobField::OutputDataConfig}},
    };
    for (const auto &row : rows) {
        QLabel *label = nullptr;
        for (QFormLayout *form : {m_ui->jobForm, m_ui->timesForm, m_ui->dataForm}) {
            if (!label)
                label = qobject_cast<QLabel *>(form->labelForField(row.field));
        }
        if (!label)
            continue;
        QString base = label->property("bw.baseText").toString();
        if (base.isEmpty()) {
            base = label->text();
            label->setProperty("bw.baseText", base);
        }
        bool native = false;
        bool fromResults = false;
        for (const JobField f : row.fields) {
            native = native || (m_hasJob && m_job.fromNative.has(f));
            fromResults = fromResults || (m_hasJob && m_job.fromResults.has(f));
        }
        QString text = base;
        QString tip;
        if (fromResults) {
            text.chop(1); // the colon
            text = tr("%1 · from results:").arg(text);
            tip = tr("Counted from the job's per-record results (the gateway reports no record "
                     "counts for it)");
        } else if (native) {
            text.chop(1);
            text = tr("%1 · native:").arg(text);
            tip = tr("From Bifrost's native batch API (the Bedrock-format route did not report "
                     "it)");
        }
        if (label->text() != text)
            label->setText(text);
        label->setToolTip(tip);
    }
}

void OverviewTab::markUnreadableFields()
{
    if (m_problems.isEmpty())
        return;
    // Each field with the API paths it shows, of the Bedrock-format bodies and of Bifrost's
    // native ones; a problem on a path, on an object holding it (inputDataConfig sent as a
    // string) or inside it (an entry of errors.data), makes a field without a value "not
    // readable". The reason is put in words from the problem's kind, never from its English.
    const auto in = [](const char *key) -> QString {
        return QStringLiteral("inputDataConfig.s3InputDataConfig.") + QLatin1StringView(key);
    };
    const auto out = [](const char *key) -> QString {
        return QStringLiteral("outputDataConfig.s3OutputDataConfig.") + QLatin1StringView(key);
    };
    const struct
    {
        CopyableField *field;
        QStringList paths;
    } rows[] = {
            {m_ui->nameField,
             {QStringLiteral("jobName"), QStringLiteral("metadata.job_name"),
              QStringLiteral("metadata.display_name")}},
            {m_ui->statusRawField, {QStringLiteral("status")}},
            {m_ui->arnField, {QStringLiteral("jobArn"), QStringLiteral("id")}},
            {m_ui->modelField, {QStringLiteral("modelId")}},
            {m_ui->invocationTypeField, {QStringLiteral("modelInvocationType")}},
            {m_ui->roleArnField, {QStringLiteral("roleArn")}},
            {m_ui->tokenField, {QStringLiteral("clientRequestToken")}},
            {m_ui->messageField, {QStringLiteral("message"), QStringLiteral("errors.data")}},
            {m_ui->recordsField,
             {QStringLiteral("totalRecordCount"), QStringLiteral("processedRecordCount"),
              QStringLiteral("successRecordCount"), QStringLiteral("errorRecordCount"),
              QStringLiteral("request_counts.total"), QStringLiteral("request_counts.completed"),
              QStringLiteral("request_counts.failed"), QStringLiteral("request_counts.succeeded"),
              QStringLiteral("request_counts.expired"), QStringLiteral("request_counts.canceled")}},
            {m_ui->submitField, {QStringLiteral("submitTime"), QStringLiteral("created_at")}},
            {m_ui->lastModifiedField, {QStringLiteral("lastModifiedTime")}},
            {m_ui->endField,
             {QStringLiteral("endTime"), QStringLiteral("completed_at"),
              QStringLiteral("failed_at"), QStringLiteral("expired_at"),
              QStringLiteral("cancelled_at")}},
            {m_ui->expiryField,
             {QStringLiteral("jobExpirationTime"), QStringLiteral("expires_at")}},
            {m_ui->timeoutField, {QStringLiteral("timeoutDurationInHours")}},
            {m_ui->inputUriField, {in("s3Uri"), QStringLiteral("input_file_id")}},
            {m_ui->inputFormatField, {in("s3InputFormat")}},
            {m_ui->inputOwnerField, {in("s3BucketOwner")}},
            {m_ui->outputUriField, {out("s3Uri"), QStringLiteral("output_file_id")}},
            {m_ui->outputOwnerField, {out("s3BucketOwner")}},
            {m_ui->kmsKeyField, {out("s3EncryptionKeyId")}},
    };
    for (const auto &row : rows) {
        if (row.field->state() != CopyableField::State::NotReported)
            continue; // a value was read after all (from another body, or despite the problem)
        QStringList reasons;
        for (const ParseProblem &p : std::as_const(m_problems)) {
            const bool hits
                    = std::any_of(row.paths.cbegin(), row.paths.cend(), [&p](const QString &path) {
                          return path == p.field || path.startsWith(p.field + u'.')
                                 || p.field.startsWith(path + u'.')
                                 || p.field.startsWith(path + u'[');
                      });
            if (!hits)
                continue;
            const QString reason = DetailsFormat::problemReason(p);
            if (!reasons.contains(reason))
                reasons << reason;
        }
        if (reasons.isEmpty())
            continue;
        row.field->setPlaceholder(DetailsFormat::unreadable(reasons.join(QStringLiteral("; "))));
    }
}

void OverviewTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateColumns();
}

bool OverviewTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->statusRow && event->type() == QEvent::Resize)
        updateStatusRow();
    return QWidget::eventFilter(watched, event);
}

void OverviewTab::updateStatusRow()
{
    // The gateway's own word goes below the badge when both do not fit side by side (a narrow
    // panel in German: "Wird geprüft" beside "(Gateway: Validating)"), instead of the badge
    // being squeezed below its size and elided.
    QBoxLayout *row = m_ui->statusRowLayout;
    const int needed = m_ui->statusBadge->sizeHint().width() + row->spacing()
                       + m_ui->statusRawField->sizeHint().width();
    const auto direction = m_ui->statusRow->width() >= needed ? QBoxLayout::LeftToRight
                                                              : QBoxLayout::TopToBottom;
    if (row->direction() != direction)
        row->setDirection(direction);
}

void OverviewTab::updateColumns()
{
    // Two columns when both would still be about 45 characters wide.
    const int needed = fontMetrics().averageCharWidth() * 2 * 60;
    const int columns = width() >= needed ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    QGridLayout *grid = m_ui->sectionsLayout;
    const QList<QWidget *> sections{m_ui->jobGroup, m_ui->timesGroup, m_ui->dataGroup,
                                    m_ui->watchGroup};
    for (QWidget *w : sections)
        grid->removeWidget(w);
    if (columns == 2) {
        grid->addWidget(m_ui->jobGroup, 0, 0);
        grid->addWidget(m_ui->timesGroup, 0, 1);
        grid->addWidget(m_ui->dataGroup, 1, 0);
        grid->addWidget(m_ui->watchGroup, 1, 1);
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
    } else {
        for (int i = 0; i < sections.size(); ++i)
            grid->addWidget(sections.at(i), i, 0);
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 0);
    }
}

void OverviewTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateLook();
        if (m_hasJob)
            fill();
    }
}

void OverviewTab::updateLook()
{
    const int em = fontMetrics().height();
    m_ui->contentsLayout->setSpacing(em / 2);
    m_ui->sectionsLayout->setSpacing(em / 2);
}

} // namespace bw
