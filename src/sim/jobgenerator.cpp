#include "jobgenerator.h"

#include "simrandom.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bw::sim::JobGenerator {

namespace {

// Where a job is at the epoch and where it is heading.
enum class Template {
    CompletedOld,
    PartialOld,
    FailedValidationOld,
    FailedRunOld,
    StoppedOld,
    ExpiredOld,
    SubmittedNow,
    ValidatingNow,
    ValidatingFails,
    ScheduledNow,
    ScheduledExpiresSoon,
    ScheduledNearExpiry,
    InProgressEndsSoon,
    InProgress,
    InProgressPartial,
    InProgressFails,
    StoppingNow,
};

// The demo set. The first 12 show every status at once or within minutes.
constexpr std::array kDemo{
        Template::InProgressEndsSoon, Template::CompletedOld,         Template::SubmittedNow,
        Template::ValidatingNow,      Template::ScheduledNow,         Template::StoppingNow,
        Template::FailedRunOld,       Template::PartialOld,           Template::StoppedOld,
        Template::ExpiredOld,         Template::ScheduledExpiresSoon, Template::InProgressPartial,
        Template::InProgressFails,    Template::ValidatingFails,      Template::InProgress,
        Template::CompletedOld,       Template::FailedValidationOld,  Template::InProgress,
        Template::SubmittedNow,       Template::ScheduledNearExpiry,  Template::CompletedOld,
        Template::InProgress,         Template::PartialOld,           Template::ValidatingNow,
        Template::CompletedOld,       Template::StoppedOld,           Template::InProgress,
        Template::ScheduledNow,       Template::CompletedOld,         Template::FailedRunOld,
        Template::InProgress,         Template::SubmittedNow,         Template::CompletedOld,
        Template::ScheduledNow,       Template::InProgress,           Template::FailedValidationOld,
};

// The mix beyond the demo set: weights per template (sum 100).
struct Weighted
{
    Template what;
    int weight;
};
constexpr std::array kMix{
        Weighted{Template::CompletedOld, 40},       Weighted{Template::PartialOld, 8},
        Weighted{Template::FailedValidationOld, 5}, Weighted{Template::FailedRunOld, 5},
        Weighted{Template::StoppedOld, 5},          Weighted{Template::ExpiredOld, 2},
        Weighted{Template::SubmittedNow, 4},        Weighted{Template::ValidatingNow, 5},
        Weighted{Template::ValidatingFails, 1},     Weighted{Template::ScheduledNow, 8},
        Weighted{Template::InProgress, 15},         Weighted{Template::InProgressPartial, 1},
        Weighted{Template::StoppingNow, 1},
};

const QList<Workload> &workloads()
{
    static const QList<Workload> list{
            {u"claims-summaries"_s, u"claims"_s, 500, 60000, false},
            {u"support-tickets-triage"_s, u"tickets"_s, 1000, 40000, false},
            {u"product-desc-rewrite"_s, u"catalog"_s, 2000, 50000, false},
            {u"legal-redline-batch"_s, u"legal/redline"_s, 100, 3000, false},
            {u"nightly-eval-small"_s, u"evals/nightly"_s, 100, 1500, false},
            {u"kb-chunk-embeddings"_s, u"kb/embeddings"_s, 10000, 100000, true},
            {u"call-transcripts-sentiment"_s, u"calls/sentiment"_s, 1000, 25000, false},
            {u"invoice-field-extraction"_s, u"invoices"_s, 500, 20000, false},
            {u"review-moderation"_s, u"reviews"_s, 5000, 80000, false},
            {u"faq-translation-de"_s, u"\u00fcbersetzungen/faq de"_s, 200, 4000, false},
            {u"code-review-comments"_s, u"code-review"_s, 300, 8000, false},
            {u"medical-notes-deid"_s, u"clinical/deid"_s, 1000, 30000, false},
            {u"marketing-copy-variants"_s, u"marketing"_s, 100, 5000, false},
            {u"search-query-rewrite"_s, u"search/rewrite"_s, 20000, 100000, false},
    };
    return list;
}

struct Model
{
    QString id;
    QString invocationType;
};

const QList<Model> &chatModels()
{
    static const QList<Model> list{
            {u"anthropic.claude-3-haiku-20240307-v1:0"_s, u"InvokeModel"_s},
            {u"anthropic.claude-3-haiku-20240307-v1:0"_s, u"Converse"_s},
            {u"anthropic.claude-3-5-sonnet-20240620-v1:0"_s, u"Converse"_s},
            {u"anthropic.claude-3-5-haiku-20241022-v1:0"_s, u"Converse"_s},
            {u"us.anthropic.claude-3-5-sonnet-20241022-v2:0"_s, u"Converse"_s},
            {u"amazon.nova-lite-v1:0"_s, u"Converse"_s},
            {u"amazon.nova-pro-v1:0"_s, u"Converse"_s},
            {u"amazon.nova-micro-v1:0"_s, u"InvokeModel"_s},
            {u"meta.llama3-1-70b-instruct-v1:0"_s, u"InvokeModel"_s},
            {u"mistral.mistral-large-2407-v1:0"_s, u"InvokeModel"_s},
    };
    return list;
}

const QString kEmbeddingModel = u"amazon.titan-embed-text-v2:0"_s;
const QString kMainAccount = u"123456789012"_s;
const QString kOtherAccount = u"210987654321"_s;

QString hex(SimRandom &rng, int n)
{
    return rng.text(n, "0123456789abcdef"_L1);
}

QString uuid(SimRandom &rng)
{
    return hex(rng, 8) + u'-' + hex(rng, 4) + u"-4"_s + hex(rng, 3) + u'-'
           + QChar::fromLatin1("89ab"[rng.bounded(4)]) + hex(rng, 3) + u'-' + hex(rng, 12);
}

QString region(SimRandom &rng)
{
    if (rng.chance(0.75))
        return u"us-east-1"_s;
    static const QStringList others{u"us-west-2"_s, u"eu-central-1"_s, u"eu-west-1"_s,
                                    u"ap-northeast-1"_s};
    return rng.pick(others);
}

// Cross-region inference profiles carry their geography in the id.
QString modelForRegion(QString model, const QString &region)
{
    if (model.startsWith(u"us."_s) && !region.startsWith(u"us-"_s))
        model = (region.startsWith(u"eu-"_s) ? u"eu."_s : u"apac."_s) + model.mid(3);
    return model;
}

qint64 timeoutFor(SimRandom &rng, qint64 neededMs)
{
    static constexpr std::array hours{24, 48, 72, 168};
    for (int h : hours) {
        if (qint64(h) * Hour >= neededMs + Hour)
            return rng.chance(0.3) ? 168 : h;
    }
    return 168;
}

QString replaced(QString text, const QList<std::pair<QString, QString>> &vars)
{
    for (const auto &[key, value] : vars)
        text.replace(key, value);
    return text;
}

QString validationMessage(SimRandom &rng, const SimulatedJob &job)
{
    static const QStringList templates{
            u"Batch job %ARN% contains less records (%FEW%) than the required minimum of: 100"_s,
            u"Validation of input file failed for %N% records.\nFirst errors:\n"
            "\trecordId \"rec-%R1%\": modelInput.messages[0].content must be non-empty\n"
            "\trecordId \"rec-%R2%\": modelInput.max_tokens must be less than or equal to 4096\n"
            "\trecordId \"rec-%R3%\": unexpected field \"temperatur\" \u2014 did you mean "
            "\"temperature\"?"_s,
            u"Access denied while reading %INPUT%.\nThe role %ROLE% is not authorized to perform "
            "s3:GetObject on the input location.\nCheck the role's permissions and the bucket "
            "policy."_s,
            u"Eingabedatei %INPUT% enth\u00e4lt ung\u00fcltiges UTF-8 in Zeile 4711 "
            "(Bytes 0xC3 0x28).\nBitte als UTF-8 ohne BOM speichern. \u2014 The input file is "
            "not valid UTF-8."_s,
    };
    auto rec = [&rng] {
        return QString::number(rng.range(1, 99999)).rightJustified(5, u'0');
    };
    return replaced(rng.pick(templates), {{u"%ARN%"_s, job.arn},
                                          {u"%FEW%"_s, QString::number(rng.range(1, 99))},
                                          {u"%N%"_s, QString::number(rng.range(3, 400))},
                                          {u"%R1%"_s, rec()},
                                          {u"%R2%"_s, rec()},
                                          {u"%R3%"_s, rec()},
                                          {u"%INPUT%"_s, job.inputS3Uri},
                                          {u"%ROLE%"_s, job.roleArn}});
}

QString runFailureMessage(SimRandom &rng, const SimulatedJob &job, qint64 processed)
{
    static const QStringList templates{
            u"Internal error while processing records: %P% of %T% records were processed "
            "before the failure.\nPartial output was written to %OUTPUT%.\nRetry the job; if "
            "the problem persists, contact AWS Support."_s,
            u"Model invocation failed: %MODEL% returned ThrottlingException repeatedly for 30 "
            "minutes.\nThe service quota \"Batch inference records per job\" may be too low."_s,
            u"\u30ec\u30b3\u30fc\u30c9 %P% \u306e\u51e6\u7406\u4e2d\u306b\u30a8\u30e9\u30fc"
            "\u304c\u767a\u751f\u3057\u307e\u3057\u305f: \u5165\u529b\u30c8\u30fc\u30af\u30f3"
            "\u6570\u304c\u4e0a\u9650 (200,000) \u3092\u8d85\u3048\u3066\u3044\u307e\u3059\u3002"
            "\nRecord processing failed: the input exceeds the model's context window \u2717"_s,
            u"Output could not be written to %OUTPUT%: AccessDenied (kms:GenerateDataKey).\nThe "
            "role needs access to the KMS key of the output bucket."_s,
    };
    return replaced(rng.pick(templates), {{u"%P%"_s, QString::number(processed)},
                                          {u"%T%"_s, QString::number(job.totalRecords)},
                                          {u"%OUTPUT%"_s, job.outputS3Uri},
                                          {u"%MODEL%"_s, job.modelId}});
}

QString partialMessage(SimRandom &rng, qint64 errors, qint64 total)
{
    if (rng.chance(0.5))
        return u"%1 of %2 records failed. See the error records in the output location for "
               "details."_s.arg(errors)
                       .arg(total);
    return u"%1 of %2 records failed.\nMost common error: ValidationException \u2013 "
           "\"messages: roles must alternate between \\\"user\\\" and \\\"assistant\\\"\" "
           "(%3\u00d7)\nSee the error records in the output location for details."_s.arg(errors)
                   .arg(total)
                   .arg(std::max<qint64>(1, errors * 3 / 4));
}

QString expiryMessage(const SimulatedJob &job, const QString &region)
{
    return u"The job expired after %1 hours in the queue: not enough batch inference capacity "
           "for %2 in %3."_s.arg(job.timeoutHours)
                   .arg(job.modelId, region);
}

// Fills the timeline of `job` for template `t`. `daysBack` bounds how old terminal jobs are.
void planTimeline(SimRandom &rng, Template t, int daysBack, SimulatedJob &job)
{
    const qint64 oldest = std::max<qint64>(Hour, qint64(daysBack) * Day);
    auto backFrom = [&](qint64 inProgress, qint64 scheduledWait) {
        job.inProgressMs = inProgress;
        job.scheduledMs = inProgress - scheduledWait;
        job.validatingMs = job.scheduledMs - rng.range(1 * Min, 8 * Min);
        job.submitMs = job.validatingMs - rng.range(10 * Sec, 90 * Sec);
    };
    auto forwardFrom = [&](qint64 scheduled) {
        job.scheduledMs = scheduled;
        job.validatingMs = scheduled - rng.range(1 * Min, 6 * Min);
        job.submitMs = job.validatingMs - rng.range(10 * Sec, 60 * Sec);
    };

    switch (t) {
    case Template::CompletedOld:
    case Template::PartialOld:
    case Template::FailedRunOld: {
        job.endMs = -rng.range(10 * Min, oldest);
        const qint64 duration = rng.range(20 * Min, 8 * Hour);
        backFrom(job.endMs - duration, rng.range(1 * Min, 2 * Hour));
        job.outcome = t == Template::CompletedOld ? Outcome::Completed
                      : t == Template::PartialOld ? Outcome::PartiallyCompleted
                                                  : Outcome::FailedInProgress;
        break;
    }
    case Template::FailedValidationOld:
        job.endMs = -rng.range(10 * Min, oldest);
        forwardFrom(job.endMs);
        job.inProgressMs = job.endMs;
        job.outcome = Outcome::FailedInValidation;
        break;
    case Template::StoppedOld: {
        job.stopDurationMs = rng.range(60 * Sec, 180 * Sec);
        const qint64 stop = -rng.range(30 * Min, oldest) - job.stopDurationMs;
        job.stopRequestedMs = stop;
        if (rng.chance(0.3)) { // stopped while still queued
            forwardFrom(stop - rng.range(5 * Min, 3 * Hour));
            job.inProgressMs = stop + rng.range(10 * Min, 2 * Hour);
        } else {
            backFrom(stop - rng.range(5 * Min, 4 * Hour), rng.range(1 * Min, 90 * Min));
        }
        job.endMs = std::max(job.inProgressMs, stop) + rng.range(30 * Min, 6 * Hour);
        job.outcome = Outcome::Completed;
        break;
    }
    case Template::SubmittedNow:
        job.submitMs = -rng.range(0, 40 * Sec);
        job.validatingMs = rng.range(15 * Sec, 90 * Sec);
        job.scheduledMs = job.validatingMs + rng.range(1 * Min, 6 * Min);
        job.inProgressMs = job.scheduledMs + rng.range(2 * Min, 40 * Min);
        job.endMs = job.inProgressMs + rng.range(30 * Min, 4 * Hour);
        job.outcome = rng.chance(0.8) ? Outcome::Completed : Outcome::PartiallyCompleted;
        break;
    case Template::ValidatingNow:
        job.submitMs = -rng.range(1 * Min, 4 * Min);
        job.validatingMs = job.submitMs + rng.range(10 * Sec, 45 * Sec);
        job.scheduledMs = rng.range(30 * Sec, 5 * Min);
        job.inProgressMs = job.scheduledMs + rng.range(5 * Min, 60 * Min);
        job.endMs = job.inProgressMs + rng.range(1 * Hour, 6 * Hour);
        job.outcome = Outcome::Completed;
        break;
    case Template::ValidatingFails:
        job.submitMs = -rng.range(1 * Min, 3 * Min);
        job.validatingMs = job.submitMs + rng.range(10 * Sec, 40 * Sec);
        job.endMs = job.scheduledMs = job.inProgressMs = rng.range(1 * Min, 4 * Min);
        job.outcome = Outcome::FailedInValidation;
        break;
    case Template::ScheduledNow:
        forwardFrom(-rng.range(10 * Min, 3 * Hour));
        job.inProgressMs = rng.range(1 * Min, 40 * Min);
        job.endMs = job.inProgressMs + rng.range(20 * Min, 3 * Hour);
        job.outcome = rng.chance(0.75) ? Outcome::Completed : Outcome::PartiallyCompleted;
        break;
    case Template::ExpiredOld:
    case Template::ScheduledExpiresSoon:
    case Template::ScheduledNearExpiry:
        // Queued for the whole 24-hour window: expired long ago, in minutes or in hours.
        job.timeoutHours = 24;
        job.endMs = t == Template::ExpiredOld ? -rng.range(2 * Hour, std::max(3 * Hour, oldest))
                    : t == Template::ScheduledExpiresSoon ? rng.range(90 * Sec, 3 * Min)
                                                          : rng.range(3 * Hour, 5 * Hour);
        job.submitMs = job.endMs - 24 * Hour;
        job.validatingMs = job.submitMs + rng.range(10 * Sec, 60 * Sec);
        job.scheduledMs = job.validatingMs + rng.range(1 * Min, 6 * Min);
        job.inProgressMs = job.endMs;
        job.outcome = Outcome::Expired;
        break;
    case Template::InProgressEndsSoon:
        backFrom(-rng.range(10 * Min, 60 * Min), rng.range(1 * Min, 30 * Min));
        job.endMs = rng.range(40 * Sec, 2 * Min);
        job.outcome = Outcome::Completed;
        break;
    case Template::InProgress: {
        backFrom(-rng.range(5 * Min, 3 * Hour), rng.range(1 * Min, 45 * Min));
        job.endMs = rng.range(5 * Min, 6 * Hour);
        const double r = rng.real();
        job.outcome = r < 0.7   ? Outcome::Completed
                      : r < 0.9 ? Outcome::PartiallyCompleted
                                : Outcome::FailedInProgress;
        break;
    }
    case Template::InProgressPartial:
        backFrom(-rng.range(20 * Min, 2 * Hour), rng.range(1 * Min, 30 * Min));
        job.endMs = rng.range(4 * Min, 10 * Min);
        job.outcome = Outcome::PartiallyCompleted;
        break;
    case Template::InProgressFails:
        backFrom(-rng.range(20 * Min, 2 * Hour), rng.range(1 * Min, 30 * Min));
        job.endMs = rng.range(6 * Min, 15 * Min);
        job.outcome = Outcome::FailedInProgress;
        break;
    case Template::StoppingNow:
        backFrom(-rng.range(20 * Min, 2 * Hour), rng.range(1 * Min, 30 * Min));
        job.endMs = rng.range(1 * Hour, 5 * Hour);
        job.stopRequestedMs = -rng.range(10 * Sec, 40 * Sec);
        job.stopDurationMs = rng.range(90 * Sec, 180 * Sec);
        job.outcome = Outcome::Completed;
        break;
    }
    if (job.outcome != Outcome::Expired)
        job.timeoutHours = int(timeoutFor(rng, job.endMs - job.submitMs));
}

Template drawFromMix(SimRandom &rng)
{
    qint64 r = rng.bounded(100);
    for (const Weighted &w : kMix) {
        if (r < w.weight)
            return w.what;
        r -= w.weight;
    }
    return Template::CompletedOld;
}

} // namespace

QList<SimulatedJob> generate(quint64 seed, int count, const QDateTime &epoch)
{
    SimRandom rng(seed);
    QList<SimulatedJob> jobs;
    jobs.reserve(std::max(0, count));
    QSet<QString> ids;
    QSet<QString> names;
    QHash<QString, int> nameUses;
    const int bigSetDays = std::min(90, 6 + count / 150);

    for (int i = 0; i < count; ++i) {
        const bool demo = i < int(kDemo.size());
        const Template t = demo ? kDemo[size_t(i)] : drawFromMix(rng);
        SimulatedJob job;

        QString id;
        do {
            id = rng.text(12, "abcdefghijklmnopqrstuvwxyz0123456789"_L1);
        } while (ids.contains(id));
        ids.insert(id);
        job.id = id;

        const QString reg = region(rng);
        const QString account = rng.chance(0.85) ? kMainAccount : kOtherAccount;
        job.arn = u"arn:aws:bedrock:%1:%2:model-invocation-job/%3"_s.arg(reg, account, id);

        const Workload &w = rng.pick(workloads());
        if (w.embeddings) {
            job.modelId = kEmbeddingModel;
            job.invocationType = u"InvokeModel"_s;
        } else {
            const Model &m = rng.pick(chatModels());
            job.modelId = modelForRegion(m.id, reg);
            job.invocationType = m.invocationType;
        }
        job.roleArn = rng.chance(0.7)
                              ? u"arn:aws:iam::%1:role/BedrockBatchInferenceRole"_s.arg(account)
                              : u"arn:aws:iam::%1:role/service-role/AmazonBedrockBatch-%2"_s.arg(
                                      account, w.name.section(u'-', 0, 1));
        job.clientRequestToken = uuid(rng);

        planTimeline(rng, t, demo ? 6 : bigSetDays, job);

        const QString day = epoch.addMSecs(job.submitMs).toUTC().toString(u"yyyy-MM-dd"_s);
        QString name = rng.chance(0.75)
                               ? QString(w.name + u'-' + day)
                               : QString(w.name + u"-v"_s + QString::number(rng.range(2, 9)));
        if (!demo && rng.chance(0.2))
            name = u"bifrost-batch-"_s
                   + QString::number(epoch.addMSecs(job.submitMs).toSecsSinceEpoch());
        // Job names are unique per account: number repeats ("...-2", "...-3").
        int &uses = nameUses[name];
        QString unique = name;
        while (names.contains(unique))
            unique = name + u'-' + QString::number(++uses + 1);
        names.insert(unique);
        job.jobName = unique;

        const QString bucketIn
                = account == kMainAccount ? u"acme-batch-in"_s : u"acme-analytics-batch-in"_s;
        const QString bucketOut
                = account == kMainAccount ? u"acme-batch-out"_s : u"acme-analytics-batch-out"_s;
        job.inputS3Uri = u"s3://%1/%2/%3/records.jsonl"_s.arg(bucketIn, w.tag, day);
        job.outputS3Uri = u"s3://%1/%2/%3/"_s.arg(bucketOut, w.tag, day);
        if (rng.chance(0.2))
            job.inputBucketOwner = job.outputBucketOwner = account;
        if (rng.chance(0.3))
            job.outputKmsKeyId = u"arn:aws:kms:%1:%2:key/%3"_s.arg(reg, account, uuid(rng));
        if (rng.chance(0.35)) {
            const qint64 subnets = rng.range(1, 3);
            for (qint64 s = 0; s < subnets; ++s)
                job.subnetIds << u"subnet-0"_s + hex(rng, 16);
            const qint64 groups = rng.range(1, 2);
            for (qint64 g = 0; g < groups; ++g)
                job.securityGroupIds << u"sg-0"_s + hex(rng, 16);
        }

        // Roughly log-uniform record counts within the workload's range.
        const double lo = std::log(double(w.minRecords));
        const double hi = std::log(double(w.maxRecords));
        job.totalRecords = std::llround(std::exp(rng.realRange(lo, hi)));

        switch (job.outcome) {
        case Outcome::Completed:
            break;
        case Outcome::PartiallyCompleted: {
            // At least one failed record, or it would not be partial.
            job.errorShare = std::max(rng.realRange(0.004, 0.06), 1.0 / double(job.totalRecords));
            const qint64 errors
                    = std::max<qint64>(1, std::llround(double(job.totalRecords) * job.errorShare));
            job.message = partialMessage(rng, errors, job.totalRecords);
            break;
        }
        case Outcome::FailedInValidation:
            job.message = validationMessage(rng, job);
            break;
        case Outcome::FailedInProgress:
            job.reachedShare = rng.realRange(0.1, 0.7);
            job.errorShare = rng.realRange(0.0, 0.03);
            job.message = runFailureMessage(
                    rng, job, std::llround(double(job.totalRecords) * job.reachedShare));
            break;
        case Outcome::Expired:
            job.message = expiryMessage(job, reg);
            break;
        }
        jobs.append(std::move(job));
    }
    return jobs;
}

} // namespace bw::sim::JobGenerator
