#pragma once

#include "dialogs/exportdialog.h"
#include "dialogs/stopjobsdialog.h"

#include <QStringList>

class QMainWindow;
class QPalette;
class QWidget;

namespace Ui {
class MainWindow;
}

namespace bw {
class AppSettings;
class JobMonitor;
class ProfileSession;
} // namespace bw

namespace bw::MainWindowSetup {

// The main window's actions as the form cannot say them: short toolbar labels, the platform's
// standard shortcuts (F5 for Refresh everywhere), menu roles, which keys act on the table only
// (Copy, Select All, Delete) and the table's context menu. `window` owns the separators. No
// signal is connected here: MainWindow wires the actions.
void configureActions(Ui::MainWindow &ui, QWidget *window);
// The toolbar and menu icons for this palette; Pause shows Resume while `paused`.
void applyActionIcons(Ui::MainWindow &ui, const QPalette &palette, bool paused);

// The window's geometry and state, the splitter, the table header, the details panel and the
// filters, as AppSettings remembers them (the current profile is MainWindow's business).
void restoreLayout(QMainWindow &window, Ui::MainWindow &ui, const AppSettings &settings);
void saveLayout(const QMainWindow &window, const Ui::MainWindow &ui, AppSettings &settings);

// What the Export dialog exports for the session's profile: the selected or the visible rows
// (identifiers in table order) through collectExportInput(), with the monitor's jobs and the
// store's history and samples (the monitor's own without a store). Safe to call after the
// session is gone (nothing is exported then).
ExportDialog::InputProvider exportInputProvider(const ProfileSession &session,
                                                const QStringList &selected,
                                                const QStringList &visible);

// What the Stop dialog calls to send its requests: the session's monitor (nothing once the
// monitor is gone; results for a closed dialog are dropped).
StopJobsDialog::StopFunction stopper(const ProfileSession &session);

// Asks whether to stop watching `ids` (named by job name, else short id, when one): true for
// Remove. The jobs themselves keep running on the gateway.
// `shared`: the session's store is a team's (ProfileSession::Sharing other than Local).
bool confirmRemoval(QWidget *parent, const QStringList &ids, const JobMonitor &monitor,
                    bool shared = false);

// Which actions apply now, and their words: nothing but Profiles, Settings and About without
// a session; Stop only for jobs not known to have ended (its tooltip says why not), and
// "Cancel" for other providers' batches; Export and Select All once there are rows; Clear
// Filters while a filter is set. `session` may be null.
struct ActionState
{
    const ProfileSession *session = nullptr;
    QStringList selected;    // identifiers of the selected rows
    bool hasJobs = false;    // the table has rows (filtered or not)
    bool hasCurrent = false; // a current row
};
void updateActions(Ui::MainWindow &ui, const ActionState &state);

// The details panel's share of the main splitter `total` pixels wide when nothing is
// remembered: about a third, at least 27 em (never more than half), at most 36 em; wider, up
// to `everyTab` (the width that shows all of its tabs), when that is at most 35 % of a wide
// window, so that no tab hides behind scroll arrows there.
int defaultDetailsWidth(int total, int em, int everyTab);

} // namespace bw::MainWindowSetup
