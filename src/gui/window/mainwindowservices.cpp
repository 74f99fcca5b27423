#include "window/mainwindowservices.h"

#include "window/mainwindow.h"

#include "common/appsettings.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/profilesdialog.h"
#include "domain/jobidentifier.h"
#include "export/jsonexporter.h"
#include "store/jobstore.h"
#include "store/secretstore.h"
#include "store/storeworker.h"
#include "tracking/jobmonitor.h"
#include "tracking/profilesession.h"
#include "window/demomode.h"
#include "window/mainwindow.h"
#include "window/mainwindowsetup.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMainWindow>
#include <QPointer>
#include <QRegularExpression>
#include <QScreen>
#include <QSet>

namespace bw::MainWindowServices {

namespace {

// The copy itself, once the history is loaded.
QString copyLoadedJob(ProfileSession &session, const QString &identifier)
{
    JobMonitor *monitor = session.monitor();
    const std::optional<WatchedJob> w = monitor->job(identifier);
    if (!w)
        return {};
    const ExportJob job{*w, monitor->history(identifier), monitor->samples(identifier)};
    const QJsonObject object
            = JsonExporter::jobToJson(job, SecretRedactor(session.profile().baseUrl));
    QApplication::clipboard()->setText(
            QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    return MainWindow::tr("Copied the details of “%1” as JSON")
            .arg(w->job.jobName.value_or(
                    JobIdentifier::parse(w->job.jobArn.value_or(w->identifier)).shortId()));
}
} // namespace

LocalStore openLocalStore(const QString &dataDirectory, int retentionDays, QObject *parent)
{
    LocalStore out;
    out.store = std::make_unique<JobStore>();
    if (!out.store->open(dataDirectory)) {
        out.error = MainWindow::tr("The local store could not be opened: %1")
                            .arg(out.store->lastError());
        // Profiles live in memory for this run; monitors run without a store (history in
        // memory only) rather than failing every write.
        out.store->openInMemory();
        return out;
    }
    out.worker = new StoreWorker(parent);
    out.worker->open(dataDirectory);
    // History retention (Settings): older transitions and samples go, the jobs stay.
    if (retentionDays > 0) {
        const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-retentionDays);
        out.worker->post([cutoff](JobStore &store) {
            if (store.isOpen())
                store.pruneHistory(cutoff);
        });
    }
    return out;
}

StoreWorker *createDemoStore(DemoMode &demo, QObject *parent)
{
    // It starts as if batchwatch had watched every simulated job for the last hours, so the
    // charts have something to show at once; the session's load then brings the jobs in.
    auto *store = new StoreWorker(parent);
    store->openInMemory();
    const GatewayProfile demoProfile = demo.profile();
    const QList<JobUpdate> history = demo.backfill(demoProfile.id);
    store->post([demoProfile, history](JobStore &s) {
        s.saveProfile(demoProfile);
        s.applyUpdates(history);
    });
    return store;
}

void copyJobAsJson(ProfileSession &session, const QString &identifier,
                   std::function<void(const QString &message)> done)
{
    JobMonitor *monitor = session.monitor();
    if (!monitor->job(identifier))
        return;
    if (monitor->isHistoryLoaded(identifier)) {
        done(copyLoadedJob(session, identifier));
        return;
    }
    // The whole stored history belongs in the copy: wait for it (a moment, from the store).
    auto *once = new QObject(monitor);
    QObject::connect(monitor, &JobMonitor::historyLoaded, once,
                     [&session, identifier, once, done](const QString &loaded) {
                         if (loaded != identifier)
                             return;
                         once->deleteLater();
                         done(copyLoadedJob(session, identifier));
                     });
    monitor->history(identifier);
}

StopState stopState(const ProfileSession *session, const QStringList &ids)
{
    QList<std::optional<Status>> statuses; // only for jobs not known to have ended
    QStringList providers;                 // other providers' batches are cancelled
    for (const QString &id : ids) {
        if (const std::optional<WatchedJob> w
            = session ? session->monitor()->job(id) : std::nullopt) {
            statuses.append(w->job.status);
            providers.append(w->job.providerOrBedrock());
        }
    }
    StopState out;
    out.cancel = StopJobsDialog::isCancelWording(providers);
    out.availability = StopJobsDialog::availability(statuses, out.cancel);
    return out;
}

QList<StopJobsDialog::Target> stopTargets(const ProfileSession &session, const QStringList &ids)
{
    QList<StopJobsDialog::Target> targets;
    for (const QString &id : ids) {
        if (const std::optional<WatchedJob> w = session.monitor()->job(id))
            targets.append({id, w->job.jobName.value_or(QString()), w->job.status,
                            w->job.providerOrBedrock()});
    }
    return targets;
}

void runExport(const ProfileSession &session, AppSettings &settings, const QStringList &selected,
               const QStringList &visible, QWidget *parent,
               const std::function<void(const QString &message)> &done)
{
    const auto provider = MainWindowSetup::exportInputProvider(session, selected, visible);
    ExportDialog dialog(int(selected.size()), int(visible.size()), provider, parent);
    QString base = session.profile().name.trimmed();
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    dialog.suggestDestination(
            settings.lastExportDirectory(),
            QStringLiteral("batchwatch-%1-%2")
                    .arg(base.isEmpty() ? QStringLiteral("jobs") : base,
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    QObject::connect(&dialog, &ExportDialog::exportFinished, parent,
                     [&settings, parent, done](const ExportResult &result) {
                         if (!result.ok())
                             return;
                         settings.setLastExportDirectory(QFileInfo(result.path).absolutePath());
                         done(MainWindow::tr("Exported to %1 (jobs: %2)")
                                      .arg(QDir::toNativeSeparators(result.path))
                                      .arg(result.jobCount));
                         ExportDialog::offerToOpen(result, parent); // Open / Show in Folder
                     });
    dialog.exec();
}

QString runProfilesDialog(JobStore &store, SecretStore *secrets, QNetworkAccessManager *nam,
                          ProfileSession *current, QWidget *parent,
                          const std::function<void(const QString &profileId)> &removed)
{
    ProfilesDialog dialog(&store, secrets, nam, parent);
    if (current)
        dialog.selectProfile(current->profile().id);
    if (store.profiles().isEmpty())
        dialog.startNewProfile();

    const QPointer<ProfileSession> session = current; // `removed` may end it
    QString lastSaved;
    QSet<QString> secretChanged;
    QObject::connect(&dialog, &ProfilesDialog::profileSaved, &dialog,
                     [&session, &lastSaved](const GatewayProfile &profile) {
                         lastSaved = profile.id;
                         // The profile being shown was edited: the client takes it from now on.
                         if (session && session->profile().id == profile.id)
                             session->setProfile(profile);
                     });
    QObject::connect(&dialog, &ProfilesDialog::secretChanged, &dialog,
                     [&secretChanged](const QString &id) { secretChanged.insert(id); });
    QObject::connect(&dialog, &ProfilesDialog::profileRemoved, &dialog, removed);
    dialog.exec();

    if (session && secretChanged.contains(session->profile().id))
        session->reloadSecret();
    return lastSaved;
}

void showAbout(const JobStore &store, const AppSettings &settings, const SecretStore &secrets,
               const QString &dataDirectory, QWidget *parent)
{
    AboutInfo info;
    const QString database = store.databasePath();
    info.dataDirectory = database.isEmpty() || database == QStringLiteral(":memory:")
                                 ? dataDirectory
                                 : QFileInfo(database).absolutePath();
    info.settingsFile = settings.fileName();
    info.keysPersistent = secrets.isPersistent();
    AboutDialog dialog(info, parent);
    dialog.exec();
}

void applyDefaultGeometry(QMainWindow &window)
{
    QSize size(1440, 900);
    if (const QScreen *s = window.screen()) {
        const QRect available = s->availableGeometry();
        size = size.boundedTo(available.size() * 9 / 10);
        window.resize(size);
        window.move(available.center() - window.rect().center());
    } else {
        window.resize(size);
    }
}

} // namespace bw::MainWindowServices
