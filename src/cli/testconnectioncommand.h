#pragma once

#include "command.h"

namespace bw {
class ConnectionTest;
}

namespace bw::cli {

// `test-connection`: the Profiles dialog's "Test connection" (ConnectionTest) for the profile
// given by --profile or --gateway: /health, one list page, one retrieve; one sentence per
// step, the same words the dialog shows.
// Table: one line per step, "ok      Reachable: /health answered “ok”." (ok, warning, failed).
// JSON: {"ok","reachable","keyAccepted"?,"jobsVisible"?,"moreJobs","routeDetected"?,
// "steps":[{"check","outcome","text"}]}.
// Exit 0 the connection works (warnings allowed), 1 the gateway refused (key, route), 2 usage
// error or a profile that cannot be used, 3 the gateway could not be reached.
class TestConnectionCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void onFinished();

    ConnectionTest *m_test = nullptr;
};

} // namespace bw::cli
