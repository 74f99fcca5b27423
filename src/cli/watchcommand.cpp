#include "watchcommand.h"

#include "store/jobstore.h"
#include "store/pollerlease.h"
#include "store/storeengine.h"
#include "store/storeworker.h"
#include "tracking/pollpolicy.h"

#include "common/appsettings.h"
#include "domain/jobkey.h"
#include "export/exportdata.h"
#include "jobformat.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bw::cli {

PollSettings WatchCommand::pollSettings(const std::optional<Millis> &interval)
{
    // QSettings takes the application name when it is created: read the GUI's settings.
    const QString ownName = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(u"batchwatch"_s);
    PollSettings settings = AppSettings().pollSettings();
    QCoreApplication::setApplicationName(ownName);
    if (interval)
        settings.fixedInterval = *interval;
    return settings;
}

GatewaySession::Needs WatchCommand::needs() const
{
    GatewaySession::Needs n;
    n.store = true;
    n.createStore = true;
    return n;
}

QString WatchCommand::providerByShape(const JobIdentifier &identifier,
                                      const QStringList &candidates)
{
    const QString &text = identifier.text();
    QStringList fits;
    if (text.startsWith(u"msgbatch_"))
        fits = {u"anthropic"_s};
    else if (text.startsWith(u"batches/"))
        fits = {u"gemini"_s, u"vertex"_s};
    else if (text.startsWith(u"batch_"))
        fits = {u"openai"_s, u"azure"_s};
    else if (identifier.kind() == IdentifierKind::Arn || identifier.kind() == IdentifierKind::JobId)
        fits = {u"bedrock"_s};
    for (const QString &p : std::as_const(fits)) {
        if (candidates.contains(p))
            return p;
    }
    return {};
}

void WatchCommand::start()
{
    QList<JobIdentifier> ids;
    QString error;
    if (!collectIdentifiers(&ids, &error))
        return usageError(error);
    m_providers = m_session->providers();
    for (JobIdentifier id : std::as_const(ids)) {
        QString provider;
        // "P:ID" with P one of this run's providers ("arn:…" names none).
        if (const qsizetype colon = id.text().indexOf(u':'); colon > 0) {
            const QString named = id.text().left(colon).toLower();
            if (m_providers.contains(named)) {
                provider = named;
                id = JobIdentifier::parse(id.text().mid(colon + 1));
            }
        }
        if (provider.isEmpty())
            provider = m_providers.size() == 1 ? m_providers.constFirst()
                                               : providerByShape(id, m_providers);
        if (id.isValid()) {
            m_targets.append(id.text());
            m_providerOf.insert(id.text(), provider);
            m_state.insert(jobKeyOf(id.text()), Target{});
        } else {
            ++m_invalid;
            m_console->error(id.text() + u": invalid identifier: "_s + id.invalidReason());
        }
    }
    if (m_targets.isEmpty() && !m_options.all) {
        m_console->error(u"no valid job identifier to watch"_s);
        return finish(ExitFailed);
    }

    StoreWorker *store = m_session->store();
    if (store && !m_session->ensureProfileStored(&error))
        return usageError(u"cannot record in the store: "_s + error);

    m_startedAt = QDateTime::currentDateTimeUtc();
    m_sinceAnswer.start();
    ProfileSession::Options options;
    options.store = store;
    // A shared PostgreSQL store: only the holder of the gateway's lease polls (issue 15); the
    // others follow what it commits.
    if (const QString where = m_session->storeDirectory(); storeengine::isPostgresUrl(where))
        options.sharedStore = where;
    options.pollSettings = pollSettings(m_options.interval);
    if (const Millis floor = PollPolicy(options.pollSettings).floor();
        m_options.interval && *m_options.interval < floor) {
        m_console->note(u"--interval %1 s is below the floor of %2 s per job; polling each job "
                        "every %2 s"_s.arg(double(m_options.interval->count()) / 1000)
                                .arg(double(floor.count()) / 1000));
    }
    // The key, when one is needed, came from --token-env or the keychain (GatewaySession).
    m_profileSession = new ProfileSession(m_session->client(), options, this);
    m_monitor = m_profileSession->monitor();
    connect(m_profileSession, &ProfileSession::loaded, this, &WatchCommand::onLoaded);
    connect(m_monitor, &JobMonitor::jobsUpdated, this, &WatchCommand::onJobsUpdated);
    connect(m_monitor, &JobMonitor::transitionObserved, this, &WatchCommand::onTransition);
    connect(m_monitor, &JobMonitor::jobsAdded, this, &WatchCommand::onJobsAdded);
    connect(m_monitor, &JobMonitor::jobsUpdated, this, &WatchCommand::keepOthersUnpolled);
    connect(m_profileSession, &ProfileSession::sharingChanged, this,
            [this](ProfileSession::Sharing sharing) {
                switch (sharing) {
                case ProfileSession::Sharing::Polling:
                    m_console->note(u"this process now polls the gateway"_s);
                    break;
                case ProfileSession::Sharing::Viewing:
                    m_console->note(u"another client polls the gateway; following its changes "
                                    "and waiting for its lease"_s);
                    break;
                case ProfileSession::Sharing::Unpolled:
                    m_console->note(u"nobody polls the gateway, and this process has no key "
                                    "to poll it; following the shared store"_s);
                    break;
                case ProfileSession::Sharing::StoreUnreachable:
                    m_console->note(u"the shared store cannot be reached; reconnecting"_s);
                    break;
                case ProfileSession::Sharing::Local:
                case ProfileSession::Sharing::Connecting:
                    break;
                }
            });
    if (m_options.untilTerminal) {
        m_giveUpTimer.setInterval(
                std::clamp<int>(int(m_options.giveUpAfter.count() / 4), 20, 1000));
        connect(&m_giveUpTimer, &QTimer::timeout, this, &WatchCommand::checkGiveUp);
        m_giveUpTimer.start();
    }
    m_profileSession->start();
}

bool WatchCommand::tableMode() const
{
    return m_options.formatGiven ? m_options.format == OutputFormat::Table
                                 : m_console->stdoutIsTerminal();
}

void WatchCommand::drawTable()
{
    const bool withProvider
            = m_providers.size() != 1 || !GatewaySession::isBedrock(m_providers.constFirst());
    TextTable table = JobFormat::jobTable(withProvider);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : std::as_const(m_targets)) {
        const std::optional<WatchedJob> w = m_monitor->job(id);
        Job job = w ? w->job : Job{};
        if (!job.provider && !m_providerOf.value(id).isEmpty())
            job.provider = m_providerOf.value(id);
        table.addRow(JobFormat::tableCells(id, job, now, withProvider));
    }
    const QString text = table.render(m_console->tableWidth());
    if (m_console->stdoutIsTerminal()) {
        // Back to the first line of the table drawn before, and clear to the end of screen.
        QByteArray bytes;
        if (m_tableLines > 0)
            bytes += "\x1b[" + QByteArray::number(m_tableLines) + "A\r\x1b[J";
        bytes += text.toUtf8();
        m_console->write(bytes);
        m_tableLines = int(text.count(u'\n'));
    } else {
        m_console->write(text + u'\n');
    }
    m_console->flush();
}

void WatchCommand::onLoaded()
{
    if (tableMode())
        drawTable();
    // The store may hold more jobs of this profile (the GUI's watch list): poll only ours.
    if (m_options.all) {
        // Every job the profile watches, now and as the store gains them (onJobsAdded).
        onJobsAdded(m_monitor->jobs());
        scheduleEvaluate();
        if (tableMode())
            drawTable();
        return;
    }
    QStringList others;
    QStringList known;
    for (const WatchedJob &w : m_monitor->jobs()) {
        if (m_state.contains(jobKeyOf(w.identifier)))
            known.append(w.identifier);
        else
            others.append(w.identifier);
    }
    if (!others.isEmpty())
        m_monitor->scheduler()->removeJobs(others);

    // Each through the source of its provider (bedrock: the Bedrock-format route).
    QHash<QString, QList<JobIdentifier>> fresh;
    QStringList order;
    bool anyUnplaced = false;
    for (const QString &id : std::as_const(m_targets)) {
        if (known.contains(id))
            continue;
        const QString provider = m_providerOf.value(id);
        if (provider.isEmpty()) {
            m_state[jobKeyOf(id)].givenUp = true;
            anyUnplaced = true;
            m_console->error(u"%1: cannot tell which of the providers %2 it belongs to; write it "
                             "as PROVIDER:%1"_s.arg(id, m_providers.join(u", "_s)));
            continue;
        }
        if (!order.contains(provider))
            order.append(provider);
        fresh[provider].append(JobIdentifier::parse(id));
    }
    for (const QString &provider : std::as_const(order))
        m_monitor->watch(fresh.value(provider), provider);
    if (anyUnplaced)
        scheduleEvaluate(); // that may have been every job
    // A stored job may have settled (terminal): fetch it anyway, this run reports what is now.
    if (!known.isEmpty())
        m_profileSession->refreshNow(known); // a viewer reads the store instead
}

void WatchCommand::onJobsAdded(const QList<WatchedJob> &jobs)
{
    if (!m_options.all) {
        keepOthersUnpolled(jobs);
        return;
    }
    for (const WatchedJob &w : jobs) {
        const QString key = jobKeyOf(w.identifier);
        if (m_state.contains(key))
            continue;
        m_targets.append(w.identifier);
        m_providerOf.insert(w.identifier, w.job.provider.value_or(QString()));
        m_state.insert(key, Target{});
    }
}

void WatchCommand::keepOthersUnpolled(const QList<WatchedJob> &jobs)
{
    // Without --all, this run polls only its own jobs. On a shared store, though, the holder of
    // the lease polls for everyone on the profile (the others only view): a `watch ID` that
    // took the lease polls the profile's other jobs too, and prints only its own.
    if (m_options.all || !m_monitor
        || m_profileSession->sharing() != ProfileSession::Sharing::Local)
        return;
    QStringList others;
    for (const WatchedJob &w : jobs) {
        if (!m_state.contains(jobKeyOf(w.identifier))
            && m_monitor->scheduler()->contains(w.identifier))
            others.append(w.identifier);
    }
    if (!others.isEmpty())
        m_monitor->scheduler()->removeJobs(others);
}

void WatchCommand::onJobsUpdated(const QList<WatchedJob> &jobs)
{
    if (isFinished())
        return; // an answer still on its way after the end says nothing any more
    for (const WatchedJob &w : jobs) {
        auto it = m_state.find(jobKeyOf(w.identifier));
        if (it == m_state.end() || it->givenUp)
            continue;
        Target &t = *it;
        if (w.fetchedAt.isValid() && w.fetchedAt >= m_startedAt
            && (!t.lastFetch.isValid() || w.fetchedAt > t.lastFetch)) {
            t.lastFetch = w.fetchedAt;
            m_sinceAnswer.restart();
            m_lastOutcomeUnreachable = false;
            if (!tableMode()) {
                const QString line = JobFormat::progressLine(w.identifier, w.job);
                if (m_targets.size() == 1)
                    m_console->status(line);
                else
                    m_console->note(line);
            }
        }
        if (w.lastError && w.lastErrorAt.isValid() && w.lastErrorAt >= m_startedAt
            && (!t.lastErrorAt.isValid() || w.lastErrorAt > t.lastErrorAt)) {
            t.lastErrorAt = w.lastErrorAt;
            const GatewayError &e = *w.lastError;
            // A body that trickles past the deadline is no answer either: --give-up-after
            // still ends a watch of a gateway that never completes one.
            if (e.isUnreachable() || e.isAnswerIncomplete()) {
                m_lastOutcomeUnreachable = true;
                m_lastUnreachable = e;
            } else {
                m_sinceAnswer.restart();
                m_lastOutcomeUnreachable = false;
            }
            QString line = JobFormat::errorLine(JobFormat::shortId(w.identifier), e);
            if (m_options.untilTerminal && !e.isRetryable()) {
                t.givenUp = true;
                m_monitor->scheduler()->removeJobs({w.identifier});
                line += u" Giving up on this job."_s;
            } else {
                const QDateTime due = m_monitor->scheduler()->dueAt(w.identifier);
                if (due.isValid()) {
                    const qint64 ms
                            = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(due));
                    line += u" Retrying in %1 s."_s.arg(double(ms) / 1000.0, 0, 'f',
                                                        ms < 10'000 ? 1 : 0);
                }
            }
            m_console->endStatus();
            m_console->error(line);
            m_tableLines = 0; // the error sits below the table: the next one is drawn afresh
        }
    }
    if (tableMode())
        drawTable();
    scheduleEvaluate();
}

void WatchCommand::onTransition(const QString &identifier, const StatusTransition &transition,
                                const WatchedJob &job)
{
    auto it = m_state.find(jobKeyOf(identifier));
    if (it == m_state.end() || it->givenUp || isFinished())
        return;
    // A transition replayed from an earlier run is not news.
    if (transition.observedAt < m_startedAt)
        return;
    it->announced = true;
    if (!tableMode())
        printWhenSaved(JobFormat::compact(JobFormat::watchLine(identifier, transition, job.job)));
    scheduleEvaluate();
}

void WatchCommand::printWhenSaved(const QByteArray &line)
{
    StoreWorker *store = m_session->store();
    if (!store) {
        m_console->line(line);
        return;
    }
    // The monitor queued this transition's write before it announced it, and the store runs
    // its tasks in order: when this no-op has run, the write is committed.
    ++m_unsavedLines;
    store->call<int>([](JobStore &) { return 0; }, this,
                     [this, line](int) {
                         m_console->line(line);
                         if (--m_unsavedLines == 0 && m_endCode)
                             end(*m_endCode);
                     });
}

void WatchCommand::scheduleEvaluate()
{
    if (m_evaluatePending)
        return;
    m_evaluatePending = true;
    // After the monitor's batch: its transitions follow jobsUpdated in the same turn.
    QTimer::singleShot(0, this, [this] {
        m_evaluatePending = false;
        evaluate();
    });
}

void WatchCommand::evaluate()
{
    if (isFinished())
        return;
    bool allEnded = true;
    int worst = ExitOk;
    bool anyGivenUp = m_invalid > 0;
    for (const QString &id : std::as_const(m_targets)) {
        Target &t = m_state[jobKeyOf(id)];
        if (t.givenUp) {
            anyGivenUp = true;
            continue;
        }
        const std::optional<WatchedJob> w = m_monitor->job(id);
        const bool seen = t.lastFetch.isValid() && w && w->job.status;
        if (seen && !t.announced) {
            // First status of this run without a transition: the store knew it already.
            StatusTransition first;
            first.to = *w->job.status;
            first.observedAt = t.lastFetch;
            first.lastModifiedTime = w->job.lastModifiedTime;
            if (!tableMode())
                m_console->line(JobFormat::compact(JobFormat::watchLine(id, first, w->job)));
            t.announced = true;
        }
        const std::optional<int> code
                = seen ? exitCodeForTerminal(w->job.status->code()) : std::nullopt;
        if (!code)
            allEnded = false;
        else
            worst = std::max(worst, *code);
    }
    if (!m_options.untilTerminal)
        return;
    bool anyLeft = false;
    for (const QString &id : std::as_const(m_targets))
        anyLeft = anyLeft || !m_state.value(jobKeyOf(id)).givenUp;
    if (allEnded)
        end(anyGivenUp ? ExitFailed : worst);
    else if (!anyLeft)
        end(ExitFailed);
}

void WatchCommand::checkGiveUp()
{
    if (isFinished() || !m_lastOutcomeUnreachable
        || m_sinceAnswer.elapsed() < m_options.giveUpAfter.count())
        return;
    m_console->endStatus();
    m_console->error(u"no answer from the gateway at %1 for %2 s: %3"_s.arg(
            sanitizedBaseUrlText(m_session->profile().baseUrl),
            QString::number(double(m_sinceAnswer.elapsed()) / 1000.0, 'f', 1),
            m_lastUnreachable ? m_lastUnreachable->describe() : QString()));
    end(ExitUnreachable);
}

void WatchCommand::interrupt()
{
    end(ExitInterrupted);
}

void WatchCommand::end(int code)
{
    if (m_unsavedLines > 0) {
        // Lines still wait for the store: print them first (it is only a commit away).
        m_endCode = code;
        if (m_monitor)
            m_monitor->pause();
        return;
    }
    m_giveUpTimer.stop();
    m_console->endStatus();
    m_console->flush();
    if (m_monitor)
        m_monitor->pause();
    finish(code);
}

} // namespace bw::cli
