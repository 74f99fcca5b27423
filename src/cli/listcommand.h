#pragma once

#include "command.h"
#include "wire/gatewayclient.h"

namespace bw::cli {

// `list [--status S[,S...]] [--name-contains X] [--max N] [--submitted-after T]
// [--submitted-before T]`: walks the gateway's list pages (GatewayClient::listAll with its
// safeguards: page cap, repeated or missing tokens, empty pages) and filters locally too, since
// Bifrost ignores the filters. The status and time filters are also sent to the gateway (AWS
// honours them); the name filter is applied locally only, case-insensitively. Newest first by
// submitTime (jobs without one last); --max keeps the first N after filtering.
//
// JSON: {"jobs":[<job>...],"pages":N,"truncated":bool,"errors":[{"httpStatus"?,"type"?,
// "message"}]} — each job as JobCodec::toJson; "truncated" when the walk stopped at the page
// cap or a repeated token with more to come; "errors" holds the failure of the walk (then
// "jobs" is empty). Table and CSV: as `get`, the id column being the job's ARN.
// Exit: 0 listed, 1 the gateway answered with an error, 3 no answer at all.
//
// Providers: --provider (several, comma-separated), else the profile's providers (an ad-hoc
// --gateway profile: bedrock). "bedrock" walks the Bedrock-format list as above; every other
// provider walks Bifrost's native GET /v1/batches?provider=P (its own paging, same safeguards;
// no filter is sent). The walks run side by side and their jobs are merged before the filters.
// When another provider than bedrock is listed, every job carries "provider" in JSON and the
// table gains a PROVIDER column. A provider whose walk fails adds an error entry with its
// "provider" and the other providers' jobs are still printed (exit 1); exit 3 only when no
// walk got any answer.
class ListCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

    static constexpr int kMaxPages = 50;
    static constexpr int kPageSize = 1000;
    static constexpr int kNativePageSize = 100; // OpenAI's and Anthropic's largest page

    // The local filter, public for tests: whether `job` passes every filter of `options`.
    static bool matches(const Job &job, const CliOptions &options);
    // Filters, sorts (newest submitTime first) and caps (--max) a walk's jobs.
    static QList<ParsedJob> select(const QList<ParsedJob> &jobs, const CliOptions &options);

private:
    struct Walk
    {
        QString provider;
        bool done = false;
        QList<ParsedJob> jobs;
        int pages = 0;
        bool truncated = false;
        std::optional<GatewayError> error;
    };
    void onWalked(int index, Walk walk);
    void report();

    QList<Walk> m_walks; // in provider order
    int m_pending = 0;
};

} // namespace bw::cli
