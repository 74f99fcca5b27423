#include "exportsamples.h"

#include "fixtures.h"
#include "wire/jobcodec.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

namespace bw::test {

namespace {

Status st(JobStatus code)
{
    return Status::fromCode(code);
}

// The statuses a job plausibly went through to reach `current`.
QList<Status> pathTo(const Status &current)
{
    using S = JobStatus;
    QList<JobStatus> codes;
    switch (current.code()) {
    case S::Submitted:
        codes = {S::Submitted};
        break;
    case S::Validating:
        codes = {S::Submitted, S::Validating};
        break;
    case S::Scheduled:
        codes = {S::Submitted, S::Validating, S::Scheduled};
        break;
    case S::InProgress:
        codes = {S::Submitted, S::Validating, S::Scheduled, S::InProgress};
        break;
    case S::Stopping:
        codes = {S::Submitted, S::Scheduled, S::InProgress, S::Stopping};
        break;
    case S::Completed:
        codes = {S::Submitted, S::Validating, S::Scheduled, S::InProgress, S::Completed};
        break;
    case S::PartiallyCompleted:
        codes = {S::Submitted, S::Validating, S::InProgress, S::PartiallyCompleted};
        break;
    case S::Failed:
        codes = {S::Submitted, S::Validating, S::Failed};
        break;
    case S::Stopped:
        codes = {S::Submitted, S::Scheduled, S::InProgress, S::Stopping, S::Stopped};
        break;
    case S::Expired:
        codes = {S::Submitted, S::Validating, S::Scheduled, S::Expired};
        break;
    case S::Finalizing:
        codes = {S::Validating, S::InProgress, S::Finalizing};
        break;
    case S::Ended:
        codes = {S::InProgress, S::Ended};
        break;
    case S::Unknown: {
        QList<Status> out{st(S::Submitted)};
        out.append(current);
        return out;
    }
    }
    QList<Status> out;
    for (const JobStatus c : codes)
        out.append(st(c));
    out.last() = current; // keep the gateway's raw spelling
    return out;
}

// History from `from` to `to`, first observation 30 s after `from` (so the report shows a
// "not observed" stretch), and progress samples while running.
void addHistory(ExportJob &e, const QDateTime &from, const QDateTime &to)
{
    const Job &job = e.watched.job;
    if (!job.status)
        return;
    const QList<Status> path = pathTo(*job.status);
    const qint64 span = std::max<qint64>(from.secsTo(to), 120);
    for (qsizetype i = 0; i < path.size(); ++i) {
        StatusTransition t;
        if (i > 0)
            t.from = path.at(i - 1);
        t.to = path.at(i);
        t.observedAt = from.addSecs(30 + (span - 30) * i / std::max<qsizetype>(path.size(), 1));
        if (i > 0)
            t.lastModifiedTime = t.observedAt.addSecs(-7);
        e.history.append(t);
    }
    if (job.totalRecordCount && job.processedRecordCount) {
        const QDateTime runStart = e.history.size() > 1 ? e.history.at(1).observedAt : from;
        const QDateTime runEnd = e.history.last().observedAt;
        const qint64 runSpan = std::max<qint64>(runStart.secsTo(runEnd), 60);
        for (int k = 0; k <= 5; ++k) {
            ProgressSample s;
            s.at = runStart.addSecs(runSpan * k / 5);
            s.total = *job.totalRecordCount;
            s.processed = *job.processedRecordCount * k / 5;
            s.failed = job.errorRecordCount.value_or(0) * k / 5;
            s.succeeded = s.processed - s.failed;
            e.samples.append(s);
        }
    }
}

ExportJob fromParsed(const ParsedJob &parsed, bool fromList, const QString &identifier)
{
    ExportJob e;
    WatchedJob &w = e.watched;
    w.identifier = identifier;
    w.profileId = QStringLiteral("profile-1");
    w.job = parsed.job;
    (fromList ? w.rawList : w.rawRetrieve) = parsed.raw;
    w.fetchedAt = exportedAt().addSecs(-60);
    w.everReported = parsed.job.presentFields();
    const QDateTime submit = parsed.job.submitTime.value_or(exportedAt().addSecs(-4 * 3600));
    w.addedAt = submit.addSecs(20);
    QDateTime end = exportedAt().addSecs(-60);
    if (parsed.job.status && parsed.job.status->isTerminal()) {
        if (parsed.job.endTime)
            end = parsed.job.endTime->addSecs(40);
        else if (parsed.job.lastModifiedTime)
            end = parsed.job.lastModifiedTime->addSecs(40);
    }
    addHistory(e, submit, end);
    return e;
}

} // namespace

QString plantedSecret()
{
    return QStringLiteral("sk-PLANTED-s3cr3t-7f1d2a9c");
}

QUrl secretBaseUrl()
{
    return QUrl(QStringLiteral("https://alice:%1@gw.example.invalid:8443/bifrost?api_key=%1"
                               "&region=eu#%1")
                        .arg(plantedSecret()));
}

QString sanitisedSecretBaseUrl()
{
    return QStringLiteral("https://gw.example.invalid:8443/bifrost");
}

QDateTime exportedAt()
{
    return QDateTime(QDate(2025, 3, 15), QTime(12, 0), Qt::UTC);
}

ExportJob fixtureJob(const QString &fixtureName, int listIndex)
{
    // A fixture that is missing or does not parse fails the running test (test::fixture()
    // names the path) and yields an empty job, never a crash of the whole binary.
    const QByteArray body = fixture(fixtureName);
    if (listIndex >= 0) {
        const auto page = JobCodec::parseListBody(body);
        if (!page || listIndex >= page->jobs.size()) {
            if (!body.isEmpty())
                QTest::qFail(qPrintable(fixtureName + QStringLiteral(" does not parse")), __FILE__,
                             __LINE__);
            return {};
        }
        const ParsedJob &parsed = page->jobs.at(listIndex);
        // List entries are watched by their short id, as a user pasting ids would.
        const QString arn = parsed.job.jobArn.value_or(QString());
        return fromParsed(parsed, true, arn.section(u'/', -1));
    }
    const auto parsed = JobCodec::parseRetrieveBody(body);
    if (!parsed) {
        if (!body.isEmpty())
            QTest::qFail(qPrintable(fixtureName + QStringLiteral(" does not parse")), __FILE__,
                         __LINE__);
        return {};
    }
    return fromParsed(*parsed, false, parsed->job.jobArn.value_or(fixtureName));
}

QList<ExportJob> fixtureJobs()
{
    QList<ExportJob> jobs;
    for (const QString &name : fixtureNames()) {
        if (name.startsWith(QLatin1StringView("retrieve-")))
            jobs.append(fixtureJob(name));
    }
    const auto page
            = JobCodec::parseListBody(fixture(QStringLiteral("list-page1-aws-native.json")));
    if (!page)
        return jobs;
    for (int i = 0; i < page->jobs.size(); ++i)
        jobs.append(fixtureJob(QStringLiteral("list-page1-aws-native.json"), i));
    return jobs;
}

QList<ExportJob> hostileJobs()
{
    QList<ExportJob> jobs;
    auto make = [&jobs](const QString &id, const QString &name, JobStatus status) -> ExportJob & {
        ExportJob e;
        e.watched.identifier = id;
        e.watched.profileId = QStringLiteral("profile-1");
        e.watched.addedAt = exportedAt().addSecs(-3 * 3600);
        e.watched.fetchedAt = exportedAt().addSecs(-30);
        Job &j = e.watched.job;
        j.jobArn = QStringLiteral("arn:aws:bedrock:eu-central-1:123456789012:model-invocation-job/")
                   + id;
        j.jobName = name;
        j.status = Status::fromCode(status);
        j.modelId = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");
        j.submitTime = exportedAt().addSecs(-3 * 3600);
        e.watched.everReported = j.presentFields();
        e.watched.rawRetrieve = JobCodec::toJson(j);
        jobs.append(e);
        return jobs.last();
    };

    {
        ExportJob &e = make(QStringLiteral("h0st1le00001"),
                            QStringLiteral("<script>alert(\"x\")</script> & friends"),
                            JobStatus::InProgress);
        Job &j = e.watched.job;
        j.totalRecordCount = 1000;
        j.processedRecordCount = 420;
        j.successRecordCount = 400;
        j.errorRecordCount = 20;
        j.message = QStringLiteral("<b>bold?</b> & <img src=\"http://evil.example/x.png\">");
        j.inputDataConfig = InputDataConfig{QStringLiteral("s3://in/<a>&b.jsonl"),
                                            QStringLiteral("JSONL"), std::nullopt};
        addHistory(e, *j.submitTime, exportedAt().addSecs(-30));
    }
    {
        ExportJob &e = make(QStringLiteral("h0st1le00002"),
                            QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")"),
                            JobStatus::Failed);
        Job &j = e.watched.job;
        j.modelId = QStringLiteral("-2+3");
        j.message = QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0");
        j.endTime = exportedAt().addSecs(-3600);
        j.vpcConfig = VpcConfig{{QStringLiteral("+sg-1"), QStringLiteral("sg-2")},
                                {QStringLiteral("subnet-a"), QStringLiteral("=subnet-b")}};
        addHistory(e, *j.submitTime, *j.endTime);
    }
    {
        ExportJob &e = make(QStringLiteral("h0st1le00003"), QStringLiteral("claims, \"Q1\" batch"),
                            JobStatus::PartiallyCompleted);
        Job &j = e.watched.job;
        j.message = QStringLiteral("line one, with comma\r\nline \"two\"\nline three");
        j.endTime = exportedAt().addSecs(-1800);
        j.totalRecordCount = 50000;
        j.processedRecordCount = 50000;
        j.successRecordCount = 48796;
        j.errorRecordCount = 1204;
        addHistory(e, *j.submitTime, *j.endTime);
    }
    {
        ExportJob &e = make(QStringLiteral("h0st1le00004"), QStringLiteral("\tTabbed name"),
                            JobStatus::Stopped);
        e.watched.job.message = QStringLiteral("\rCarriage return first");
        e.watched.job.endTime = exportedAt().addSecs(-600);
        addHistory(e, *e.watched.job.submitTime, *e.watched.job.endTime);
    }
    {
        ExportJob &e = make(
                QStringLiteral("h0st1le00005"),
                QStringLiteral("+plus and 'quote' \u2013 Gr\u00f6\u00dfe \u65e5\u672c\u8a9e"),
                JobStatus::Scheduled);
        Job &j = e.watched.job;
        QString longMessage;
        while (longMessage.size() < 2048)
            longMessage += QStringLiteral("record %1 failed validation, see \"errors\"; ")
                                   .arg(longMessage.size());
        j.message = longMessage;
        j.jobExpirationTime = exportedAt().addSecs(2 * 3600);
        addHistory(e, *j.submitTime, exportedAt().addSecs(-30));
    }
    {
        // Known only by its identifier: never fetched, the gateway unreachable, and the network
        // stack's error text quoting the request URL with the planted secret in it.
        ExportJob e;
        e.watched.identifier = QStringLiteral("n3verfetch01");
        e.watched.profileId = QStringLiteral("profile-1");
        e.watched.addedAt = exportedAt().addSecs(-600);
        GatewayError error;
        error.kind = GatewayError::Kind::Network;
        error.message
                = QStringLiteral("Error transferring https://alice:%1@gw.example.invalid:8443"
                                 "/bifrost/bedrock/model-invocation-job/n3verfetch01?api_key=%1"
                                 " - server replied: Bad Gateway")
                          .arg(plantedSecret());
        e.watched.lastError = error;
        e.watched.lastErrorAt = exportedAt().addSecs(-20);
        jobs.append(e);
    }
    {
        ExportJob &e = make(QStringLiteral("h0st1le00007"), QStringLiteral("gone & forgotten"),
                            JobStatus::Completed);
        GatewayError error;
        error.kind = GatewayError::Kind::Http;
        error.httpStatus = 404;
        error.gatewayType = QStringLiteral("ResourceNotFoundException");
        error.message = QStringLiteral("Could not find job");
        e.watched.lastError = error;
        e.watched.lastErrorAt = exportedAt().addSecs(-20);
        e.watched.notFound = true;
        e.watched.job.endTime = exportedAt().addSecs(-7200);
        addHistory(e, *e.watched.job.submitTime, *e.watched.job.endTime);
    }
    {
        // Placeholders of QString::arg in user text must come out verbatim.
        ExportJob &e = make(QStringLiteral("h0st1le00008"), QStringLiteral("100% done %1 %2 %L1"),
                            JobStatus::InProgress);
        e.watched.job.message = QStringLiteral("%1%2%3 of %n");
        addHistory(e, *e.watched.job.submitTime, exportedAt().addSecs(-30));
    }
    return jobs;
}

QList<ExportJob> syntheticJobs(int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QList<JobStatus> statuses{JobStatus::Submitted, JobStatus::Validating,
                                    JobStatus::Scheduled, JobStatus::InProgress,
                                    JobStatus::Stopping,  JobStatus::Completed,
                                    JobStatus::Completed, JobStatus::PartiallyCompleted,
                                    JobStatus::Failed,    JobStatus::Stopped,
                                    JobStatus::Expired};
    const QStringList models{QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"),
                             QStringLiteral("anthropic.claude-3-5-sonnet-20240620-v1:0"),
                             QStringLiteral("amazon.nova-lite-v1:0")};
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QList<ExportJob> jobs;
    jobs.reserve(count);
    for (int n = 0; n < count; ++n) {
        QString id;
        for (int k = 0; k < 12; ++k)
            id += QLatin1Char(alphabet[rng.bounded(36)]);
        ExportJob e;
        WatchedJob &w = e.watched;
        w.identifier
                = n % 3 == 0
                          ? QStringLiteral(
                                    "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                                    + id
                          : id;
        w.profileId = QStringLiteral("profile-1");
        Job &j = w.job;
        const JobStatus code = statuses.at(rng.bounded(int(statuses.size())));
        j.jobArn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
                   + id;
        j.jobName = QStringLiteral("synthetic-%1-%2").arg(n).arg(id.left(4));
        j.status = Status::fromCode(code);
        j.modelId = models.at(rng.bounded(int(models.size())));
        const QDateTime submit = exportedAt().addSecs(-qint64(rng.bounded(3600, 5 * 86400)));
        j.submitTime = submit;
        j.jobExpirationTime = submit.addSecs(72 * 3600);
        j.timeoutDurationInHours = 72;
        j.inputDataConfig = InputDataConfig{QStringLiteral("s3://bucket-in/%1/input.jsonl").arg(id),
                                            QStringLiteral("JSONL"), std::nullopt};
        j.outputDataConfig = OutputDataConfig{QStringLiteral("s3://bucket-out/%1/").arg(id),
                                              std::nullopt, std::nullopt};
        if (n % 4 == 0)
            j.vpcConfig = VpcConfig{{QStringLiteral("sg-0123456789abcdef0")},
                                    {QStringLiteral("subnet-0a1b2c3d4e5f67890"),
                                     QStringLiteral("subnet-0fedcba9876543210")}};
        const Status s = *j.status;
        QDateTime end = exportedAt().addSecs(-60);
        if (s.isTerminal()) {
            end = submit.addSecs(qint64(rng.bounded(600, 12 * 3600)));
            if (end > exportedAt())
                end = exportedAt().addSecs(-120);
            j.endTime = end;
        }
        j.lastModifiedTime = end;
        if (s.group() != StatusGroup::Queued) {
            const qint64 total = rng.bounded(100, 50000);
            const qint64 processed
                    = s.code() == JobStatus::Completed ? total : qint64(rng.bounded(int(total)));
            const qint64 errors = processed / 50;
            j.totalRecordCount = total;
            j.processedRecordCount = processed;
            j.errorRecordCount = errors;
            j.successRecordCount = processed - errors;
        }
        if (s.code() == JobStatus::Failed || s.code() == JobStatus::PartiallyCompleted)
            j.message = QStringLiteral("%1 records failed validation.\nSee the error records in "
                                       "the output location.")
                                .arg(j.errorRecordCount.value_or(1));
        w.rawRetrieve = JobCodec::toJson(j);
        w.fetchedAt = exportedAt().addSecs(-30);
        w.addedAt = submit.addSecs(15);
        w.everReported = j.presentFields();
        addHistory(e, submit, end);
        jobs.append(e);
    }
    return jobs;
}

ExportInput sampleInput()
{
    ExportInput input;
    input.profileName = QStringLiteral("Team <prod> & \"staging\"");
    input.baseUrl = secretBaseUrl();
    input.exportedAt = exportedAt();
    input.jobs = fixtureJobs() + hostileJobs();
    return input;
}

} // namespace bw::test
