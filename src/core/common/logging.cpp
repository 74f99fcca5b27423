#include "common/logging.h"

Q_LOGGING_CATEGORY(lcClient, "batchwatch.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCodec, "batchwatch.codec", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPoller, "batchwatch.poller", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "batchwatch.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModel, "batchwatch.model", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExport, "batchwatch.export", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSim, "batchwatch.sim", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGui, "batchwatch.gui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "batchwatch.cli", QtWarningMsg)
