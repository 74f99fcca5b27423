#include "profilescommand.h"

#include "export/csvexporter.h"
#include "export/exportdata.h"
#include "jobformat.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bw::cli {

GatewaySession::Needs ProfilesCommand::needs() const
{
    GatewaySession::Needs n;
    n.store = true;
    n.profile = false;
    n.secret = false;
    return n;
}

void ProfilesCommand::start()
{
    // No store: nothing was ever saved in the default folder (and reading creates nothing).
    const QList<GatewayProfile> profiles = m_session->store()
                                                   ? m_session->readStore<QList<GatewayProfile>>(
                                                           [](JobStore &s) { return s.profiles(); })
                                                   : QList<GatewayProfile>();

    auto authText = [](const GatewayProfile &p) {
        return p.authMode == AuthMode::CustomHeader ? u"header:"_s + p.customHeaderName
                                                    : authModeKey(p.authMode);
    };
    // The request ceiling; `none` when there is none.
    auto rateText = [](const GatewayProfile &p, const QString &none) {
        return p.maxRequestsPerSecond > 0 ? QString::number(p.maxRequestsPerSecond) : none;
    };
    switch (m_options.format) {
    case OutputFormat::Json: {
        QJsonArray list;
        for (const GatewayProfile &p : profiles) {
            QJsonObject o;
            o.insert(u"id"_s, p.id);
            o.insert(u"name"_s, p.name);
            o.insert(u"baseUrl"_s, sanitizedBaseUrlText(p.baseUrl));
            o.insert(u"auth"_s, authModeKey(p.authMode));
            if (p.authMode == AuthMode::CustomHeader)
                o.insert(u"customHeader"_s, p.customHeaderName);
            if (!p.provider.isEmpty())
                o.insert(u"provider"_s, p.provider);
            o.insert(u"route"_s, routeStyleKey(p.routeStyle));
            if (p.detectedRoute != RouteStyle::Auto)
                o.insert(u"detectedRoute"_s, routeStyleKey(p.detectedRoute));
            o.insert(u"timeoutSeconds"_s, double(p.timeoutMs) / 1000.0);
            // The request ceiling (0: none); --max-rate overrides it for one run.
            o.insert(u"maxRequestsPerSecond"_s, p.maxRequestsPerSecond);
            list.append(o);
        }
        QJsonObject doc;
        doc.insert(u"profiles"_s, list);
        m_console->line(JobFormat::compact(doc));
        break;
    }
    case OutputFormat::Csv: {
        QString out
                = CsvExporter::formatRow({u"name"_s, u"id"_s, u"baseUrl"_s, u"auth"_s, u"route"_s,
                                          u"provider"_s, u"maxRequestsPerSecond"_s});
        for (const GatewayProfile &p : profiles)
            out += CsvExporter::formatRow({p.name, p.id, sanitizedBaseUrlText(p.baseUrl),
                                           authText(p), routeStyleKey(p.routeStyle), p.provider,
                                           rateText(p, u"0"_s)});
        m_console->write(out);
        break;
    }
    default: {
        TextTable table({{u"NAME"_s, 8, false},
                         {u"ID"_s, 8, false},
                         {u"URL"_s, 16, false},
                         {u"AUTH"_s, 0, false},
                         {u"ROUTE"_s, 0, false},
                         {u"PROVIDER"_s, 8, false},
                         {u"MAX/S"_s, 0, true}});
        for (const GatewayProfile &p : profiles)
            table.addRow({p.name, p.id, sanitizedBaseUrlText(p.baseUrl), authText(p),
                          routeStyleKey(p.routeStyle), p.provider, rateText(p, u"none"_s)});
        if (profiles.isEmpty())
            m_console->note(u"No profiles in %1"_s.arg(m_session->storeDirectory()));
        else
            m_console->write(table.render(m_console->tableWidth()));
        break;
    }
    }
    m_console->flush();
    finish(ExitOk);
}

} // namespace bw::cli
