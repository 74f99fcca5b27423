#include "notifications/notifier.h"

#include "domain/jobidentifier.h"
#include "presentation/statuspresentation.h"

#include <QApplication>
#include <QLocale>
#include <QMap>
#include <QSystemTrayIcon>
#include <QWidget>

namespace bw {

namespace {

constexpr int kMessageMilliseconds = 10000;
constexpr int kNamesPerLine = 3;

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype cut = trimmed.indexOf(u'\n');
    return cut < 0 ? trimmed : trimmed.left(cut).trimmed();
}

QString nameList(const QStringList &names)
{
    if (names.size() <= kNamesPerLine)
        return names.join(QStringLiteral(", "));
    return Notifier::tr("%1 and %2 more")
            .arg(names.mid(0, kNamesPerLine).join(QStringLiteral(", ")))
            .arg(names.size() - kNamesPerLine);
}

QString durationWords(qint64 seconds)
{
    if (seconds < 60)
        return Notifier::tr("less than a minute");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return Notifier::tr("%n minute(s)", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    const qint64 rest = minutes % 60;
    if (rest == 0)
        return Notifier::tr("%n hour(s)", nullptr, int(hours));
    return Notifier::tr("%1 h %2 min").arg(hours).arg(rest);
}

} // namespace

QString JobNotice::displayName() const
{
    const QString name = jobName.trimmed();
    return name.isEmpty() ? JobIdentifier::parse(identifier).shortId() : name;
}

QString NotificationSummary::toolTip() const
{
    QStringList parts;
    parts << Notifier::tr("%n job(s) watched", nullptr, watched);
    if (active > 0)
        parts << Notifier::tr("%n active", nullptr, active);
    if (failed > 0)
        parts << Notifier::tr("%n failed", nullptr, failed);
    if (atRisk > 0)
        parts << Notifier::tr("%n about to expire", nullptr, atRisk);
    return QStringLiteral("batchwatch — ") + parts.join(QStringLiteral(", "));
}

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{}

Notifier::~Notifier() = default;

QString Notifier::transitionTitle(const QList<JobNotice> &notices)
{
    if (notices.size() == 1) {
        const JobNotice &n = notices.constFirst();
        return tr("%1: %2").arg(StatusPresentation::text(n.to), n.displayName());
    }
    // All the same status: say which; otherwise just how many.
    const JobStatus first = notices.constFirst().to.code();
    const bool same = std::all_of(notices.cbegin(), notices.cend(),
                                  [first](const JobNotice &n) { return n.to.code() == first; });
    if (same && first != JobStatus::Unknown)
        return tr("%n job(s): %1", nullptr, int(notices.size()))
                .arg(StatusPresentation::text(first));
    return tr("%n job(s) have ended", nullptr, int(notices.size()));
}

QString Notifier::transitionBody(const QList<JobNotice> &notices)
{
    if (notices.size() == 1) {
        const JobNotice &n = notices.constFirst();
        const QString message = firstLine(n.message);
        QString body = StatusPresentation::description(n.to.code());
        if (!message.isEmpty())
            body = tr("%1\n%2").arg(body, message);
        return body;
    }
    // One line per status, worst first, naming the jobs.
    QMap<int, QStringList> byStatus;
    QMap<int, QString> words;
    for (const JobNotice &n : notices) {
        int rank = 3;
        switch (n.to.code()) {
        case JobStatus::Failed:
            rank = 0;
            break;
        case JobStatus::PartiallyCompleted:
            rank = 1;
            break;
        case JobStatus::Expired:
        case JobStatus::Stopped:
            rank = 2;
            break;
        default:
            break;
        }
        const int key = rank * 100 + int(n.to.code());
        byStatus[key] << n.displayName();
        words[key] = StatusPresentation::text(n.to);
    }
    QStringList lines;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        lines << tr("%1: %2").arg(words.value(it.key()), nameList(it.value()));
    return lines.join(u'\n');
}

QString Notifier::expiryTitle(const QList<JobNotice> &notices)
{
    if (notices.size() == 1)
        return tr("About to expire: %1").arg(notices.constFirst().displayName());
    return tr("%n queued job(s) are about to expire", nullptr, int(notices.size()));
}

QString Notifier::expiryBody(const QList<JobNotice> &notices, const QDateTime &now)
{
    QStringList lines;
    for (const JobNotice &n : notices) {
        const qint64 left = n.expiresAt.isValid() ? now.secsTo(n.expiresAt) : 0;
        const QString when = QLocale().toString(n.expiresAt.toLocalTime(), QLocale::ShortFormat);
        lines << (notices.size() == 1
                          ? tr("Still %1; it expires in %2 (%3) unless it starts.")
                                    .arg(StatusPresentation::text(n.to), durationWords(left), when)
                          : tr("%1: expires in %2").arg(n.displayName(), durationWords(left)));
    }
    if (lines.size() > kNamesPerLine + 1) {
        const qsizetype more = lines.size() - kNamesPerLine;
        lines = lines.mid(0, kNamesPerLine);
        lines << tr("and %1 more").arg(more);
    }
    return lines.join(u'\n');
}

// ---- TrayNotifier ------------------------------------------------------------------------

TrayNotifier::TrayNotifier(QObject *parent)
    : Notifier(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(StatusPresentation::appIcon(), this);
        m_tray->setToolTip(QStringLiteral("batchwatch"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_targetIdentifier.isEmpty())
                Q_EMIT openJobRequested(m_targetProfile, m_targetIdentifier);
        });
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger
                        || reason == QSystemTrayIcon::DoubleClick)
                        Q_EMIT showWindowRequested();
                });
        m_tray->show();
    }
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::setAlertWidget(QWidget *widget)
{
    m_alertWidget = widget;
}

void TrayNotifier::show(const QString &title, const QString &body, int severity,
                        const JobNotice &target)
{
    m_lastTitle = title;
    m_lastBody = body;
    m_targetProfile = target.profileId;
    m_targetIdentifier = target.identifier;
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        const auto icon = severity >= 2   ? QSystemTrayIcon::Critical
                          : severity == 1 ? QSystemTrayIcon::Warning
                                          : QSystemTrayIcon::Information;
        m_tray->showMessage(title, body, icon, kMessageMilliseconds);
        return;
    }
    // No tray: flag the window until the user looks at it.
    if (m_alertWidget)
        QApplication::alert(m_alertWidget, 0);
}

void TrayNotifier::notifyTransitions(const QList<JobNotice> &notices)
{
    if (notices.isEmpty())
        return;
    int severity = 0;
    const JobNotice *target = &notices.constFirst();
    for (const JobNotice &n : notices) {
        const StatusGroup group = n.to.group();
        if (group == StatusGroup::Failed && severity < 2) {
            severity = 2;
            target = &n; // open the first failure: it is what needs the user
        } else if (group == StatusGroup::Ended && severity < 1) {
            severity = 1;
        }
    }
    show(transitionTitle(notices), transitionBody(notices), severity, *target);
}

void TrayNotifier::notifyExpiryRisk(const QList<JobNotice> &notices)
{
    if (notices.isEmpty())
        return;
    show(expiryTitle(notices), expiryBody(notices, QDateTime::currentDateTimeUtc()), 1,
         notices.constFirst());
}

void TrayNotifier::setSummary(const NotificationSummary &summary)
{
    if (m_tray)
        m_tray->setToolTip(summary.toolTip());
}

} // namespace bw
