#include "simulatoroptions.h"

namespace bw::sim {

QString flavourName(Flavour flavour)
{
    switch (flavour) {
    case Flavour::Bifrost:
        return QStringLiteral("bifrost");
    case Flavour::Aws:
        return QStringLiteral("aws");
    case Flavour::Published:
        return QStringLiteral("published");
    }
    return {};
}

std::optional<Flavour> flavourFromName(QStringView name)
{
    for (Flavour f : {Flavour::Bifrost, Flavour::Aws, Flavour::Published}) {
        if (name.trimmed().compare(flavourName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

QList<FaultKind> allFaultKinds()
{
    return {FaultKind::Http500,   FaultKind::Http502,     FaultKind::Http503,
            FaultKind::Http504,   FaultKind::Throttle429, FaultKind::Reset,
            FaultKind::Truncated, FaultKind::Html,        FaultKind::Latency};
}

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Http500:
        return QStringLiteral("500");
    case FaultKind::Http502:
        return QStringLiteral("502");
    case FaultKind::Http503:
        return QStringLiteral("503");
    case FaultKind::Http504:
        return QStringLiteral("504");
    case FaultKind::Throttle429:
        return QStringLiteral("429");
    case FaultKind::Reset:
        return QStringLiteral("reset");
    case FaultKind::Truncated:
        return QStringLiteral("truncated");
    case FaultKind::Html:
        return QStringLiteral("html");
    case FaultKind::Latency:
        return QStringLiteral("latency");
    }
    return {};
}

std::optional<FaultKind> faultKindFromName(QStringView name)
{
    const QStringView n = name.trimmed();
    for (FaultKind k : allFaultKinds()) {
        if (n.compare(faultKindName(k), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

std::optional<QList<FaultKind>> parseFaultKinds(const QString &list, QString *error)
{
    QList<FaultKind> kinds;
    const QStringList names = list.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names) {
        if (name.trimmed().isEmpty())
            continue;
        const auto kind = faultKindFromName(name);
        if (!kind) {
            if (error) {
                QStringList known;
                for (FaultKind k : allFaultKinds())
                    known << faultKindName(k);
                *error = QStringLiteral("unknown fault \"%1\" (known: %2)")
                                 .arg(name.trimmed(), known.join(QStringLiteral(", ")));
            }
            return std::nullopt;
        }
        if (!kinds.contains(*kind))
            kinds << *kind;
    }
    if (kinds.isEmpty()) {
        if (error)
            *error = QStringLiteral("the fault list is empty");
        return std::nullopt;
    }
    return kinds;
}

} // namespace bw::sim
