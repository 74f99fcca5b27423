#pragma once

#include <QWidget>

#include <memory>

namespace bw {

class AppSettings;
class JobFilterProxyModel;
class JobTableModel;
class ProfileSession;

// The overview page (PRODUCT.md §2, "Overview"): the status distribution of all watched jobs of
// the profile, a Gantt chart of the jobs currently VISIBLE through the filter proxy (one row per
// job, submitTime → endTime or now, coloured by status, expiry marked; capped with a note) and
// the records processed per hour across the jobs over the last 24 hours (from progress samples).
//
// Contract: setModels() takes the table model (every watched job) and the proxy (the visible
// rows, in their sort order); neither is owned. setSession() supplies the progress samples: the
// session's one sample feed (ProfileSession::samples(), samplesLoaded, sampleAdded), read when
// the page redraws — the page keeps no copy — for the jobs its monitor watches (a removed job's
// samples no longer count); its clock is the page's "now". Not owned; may be null (no samples).
// Model and sample changes are coalesced (one redraw per ~500 ms) and every chart is redrawn with
// whole point lists, without animation.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPage(QWidget *parent = nullptr);
    ~OverviewPage() override;

    void setModels(JobTableModel *source, JobFilterProxyModel *visible);
    void setSession(ProfileSession *session);
    // Where the Gantt's time range choice is remembered (AppSettings::overviewGanttRange):
    // applied at once, and every later choice is stored. Not owned; may be null.
    void setSettings(AppSettings *settings);

    // Redraws now instead of after the coalescing delay (tests, screenshots).
    void refreshNow();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace bw
