#pragma once

#include "command.h"

namespace bw::cli {

// `profiles`: the profiles stored in the store (--data-dir, or the GUI's data directory), in
// the order they were created. Never a secret: the key column only says whether the profile's
// authentication needs one.
// Table: NAME, ID, URL, AUTH, ROUTE, PROVIDER. JSON: {"profiles":[{"id","name","baseUrl",
// "auth","customHeader"?,"provider"?,"route","detectedRoute"?,"timeoutSeconds"}]}. CSV: the
// same columns as the table. Exit 0, or 2 when the store cannot be opened.
class ProfilesCommand final : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    GatewaySession::Needs needs() const override;
    void start() override;
};

} // namespace bw::cli
