#pragma once

#include "command.h"
#include "wire/gatewayclient.h"

#include <optional>

namespace bw::cli {

// `stop ID... [--yes]`: asks "Stop N job(s)? Processed records are charged. [y/N]" on stderr
// and reads the answer from stdin unless --yes; without a terminal on stdin and without --yes
// it refuses (exit 2), as it does when the answer is not yes. Then sends one stop request per
// job (at most 4 at a time), NEVER retried.
//
// Table: one line per accepted job on stdout ("k3x9p2m7q1ab  stop accepted, status Stopping";
// AWS answers {} and the line says only "stop accepted"); each failure as one error line on
// stderr — a 409 ConflictException reads "job is no longer stoppable".
// JSON: {"stopped":[{"identifier","jobArn"?,"status"?}],"errors":[{"identifier","httpStatus"?,
// "type"?,"message"}]}, both in input order.
// Exit: 0 all accepted, 1 some failed, 2 not confirmed, 3 no answer from the gateway at all.
//
// --provider P other than bedrock cancels instead, through Bifrost's native
// POST /v1/batches/{id}/cancel?provider=P (also never retried), and says so: "Cancel N
// batch(es)? ...", "batch_abc  cancel accepted, status cancelling", a 409 reads "batch can no
// longer be cancelled"; JSON entries carry "provider" and the status the provider now reports.
class StopCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

    static constexpr int kMaxInFlight = 4;

    // The words for a failed stop: "job is no longer stoppable (HTTP 409 ...)" for a 409.
    static QString failureText(const GatewayError &error, bool cancel = false);

private:
    struct Result
    {
        JobIdentifier id;
        bool done = false;
        std::optional<StopAck> ack;
        std::optional<GatewayError> error;
    };

    bool confirm();
    void startNext();
    void report();

    QList<Result> m_results;
    int m_next = 0;
    int m_inFlight = 0;
    int m_pending = 0;
    QString m_provider; // "bedrock": stop; any other: cancel
    bool m_cancel = false;
};

} // namespace bw::cli
