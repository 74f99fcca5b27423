#pragma once

#include <QLoggingCategory>

// Every logging category of the project, in one place. Names are batchwatch.<area>; all default
// to warning. Messages from the gateway are sensitive: log their length, not their text, and
// never log a header value or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcClient)
Q_DECLARE_LOGGING_CATEGORY(lcCodec)
Q_DECLARE_LOGGING_CATEGORY(lcPoller)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcModel)
Q_DECLARE_LOGGING_CATEGORY(lcExport)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcGui)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
