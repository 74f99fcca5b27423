#pragma once

#include "dialogs/stopjobsdialog.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QMainWindow;
class QNetworkAccessManager;
class QObject;
class QWidget;

namespace bw {
class AppSettings;
class DemoMode;
class JobStore;
class ProfileSession;
class SecretStore;
class StoreWorker;
} // namespace bw

// Responsibilities of the main window that need no widget of it (issue 9: the window wires,
// these do): opening the local store, the demo's in-memory store, copying a job as JSON and the
// first window size. Each is a free function so it can be read and tested on its own.
namespace bw::MainWindowServices {

// The user's store in `dataDirectory` (empty: the default): the synchronous JobStore the
// window reads profiles from and, when it opened, a StoreWorker (child of `parent`) that the
// monitors write through, pruning history older than `retentionDays` (0: keep all). When the
// store cannot be opened, `store` is an in-memory one (profiles live for this run), `worker`
// is null and `error` says why in one sentence.
struct LocalStore
{
    std::unique_ptr<JobStore> store;
    StoreWorker *worker = nullptr;
    QString error;
};
LocalStore openLocalStore(const QString &dataDirectory, int retentionDays, QObject *parent);

// An in-memory store (child of `parent`) holding the demo profile and the backfilled history
// of every simulated job (DemoMode::backfill): nothing of the demo reaches the user's store.
StoreWorker *createDemoStore(DemoMode &demo, QObject *parent);

// Puts every field of the job `identifier`, its whole stored history and samples, as indented
// JSON on the clipboard (JsonExporter::jobToJson, secrets redacted). When the history is still
// loading it waits for it; `done` is then called (in the monitor's thread) with a short
// confirmation for the status bar. Nothing happens for a job the session does not watch.
void copyJobAsJson(ProfileSession &session, const QString &identifier,
                   std::function<void(const QString &message)> done);

// The Stop action for the selected jobs `ids` of `session` (may be null): whether it applies
// (jobs not known to have ended), its tooltip, and whether it reads "Cancel" (every selected
// job is another provider's batch, StopJobsDialog::isCancelWording).
struct StopState
{
    StopJobsDialog::Availability availability;
    bool cancel = false;
};
StopState stopState(const ProfileSession *session, const QStringList &ids);
// The Stop dialog's targets for `ids` (unknown identifiers are left out).
QList<StopJobsDialog::Target> stopTargets(const ProfileSession &session, const QStringList &ids);

// Runs the Export dialog for the session's profile over the `selected` or `visible` rows,
// suggesting "batchwatch-<profile>-<date>" in the last export folder (remembered in
// `settings`); `done` gets the status-bar sentence after a successful export.
void runExport(const ProfileSession &session, AppSettings &settings, const QStringList &selected,
               const QStringList &visible, QWidget *parent,
               const std::function<void(const QString &message)> &done);

// Runs the Profiles dialog over `parent` on the user's `store` (starting a new profile when there
// is none). While it is open, an edit of the profile of `current` (may be null: the demo, or no
// profile) goes to that session at once, and `removed` gets the id of each profile the user
// removes (the window closes its session then). Once it is closed, `current`, if still there
// and its key was changed, reads the key again. Returns the id of the profile saved last
// (empty: none).
QString runProfilesDialog(JobStore &store, SecretStore *secrets, QNetworkAccessManager *nam,
                          ProfileSession *current, QWidget *parent,
                          const std::function<void(const QString &profileId)> &removed);

// The About dialog: the data folder in use (the store's, else `dataDirectory`), the settings
// file and whether keys outlive the session.
void showAbout(const JobStore &store, const AppSettings &settings, const SecretStore &secrets,
               const QString &dataDirectory, QWidget *parent);

// A comfortable first size that leaves the desktop visible (never larger than the screen),
// centred on the window's screen.
void applyDefaultGeometry(QMainWindow &window);

} // namespace bw::MainWindowServices
