#include "wire/gatewayerror.h"

#include "wire/clienttext.h"

#include <QCoreApplication>

namespace bw {

QString GatewayError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::BadBody:
        return QStringLiteral("bad-body");
    case Kind::TooLarge:
        return QStringLiteral("too-large");
    case Kind::Redirect:
        return QStringLiteral("redirect");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

QString GatewayError::describe() const
{
    // Messages can be multi-line (up to 2 KiB); a sentence shows the first line only.
    // A TLS failure keeps the certificate's details (subject, issuer, validity, fingerprint).
    const int cap = kind == Kind::Tls ? 700 : 300;
    // batchwatch's own sentence in the interface's language: as received, or read back from
    // the English the store keeps (a restart, another client's poll). The gateway's words of
    // an HTTP error are never translated; only the sentence batchwatch words for an HTML page.
    const QString shown = !shownMessage.isEmpty() ? shownMessage
                          : kind == Kind::Http
                                  ? ClientText::reworded(message, ClientText::Reading::HtmlPage)
                                  : ClientText::reworded(message);
    QString detail = shown.section(u'\n', 0, 0).trimmed();
    if (detail.size() > cap)
        detail = detail.left(cap - 1) + QChar(0x2026);

    QString text;
    switch (kind) {
    case Kind::Network:
        // With a status, the response had begun: the connection broke off midway.
        text = httpStatus > 0 ? QCoreApplication::translate(
                       "bw::GatewayError", "The connection to the gateway broke off")
                              : QCoreApplication::translate("bw::GatewayError",
                                                            "Could not reach the gateway");
        break;
    case Kind::Timeout:
        text = QCoreApplication::translate("bw::GatewayError",
                                           "The gateway did not answer in time");
        break;
    case Kind::Tls:
        text = QCoreApplication::translate("bw::GatewayError",
                                           "Secure connection to the gateway failed");
        break;
    case Kind::Http:
        text = QStringLiteral("HTTP %1").arg(httpStatus);
        if (!gatewayType.isEmpty())
            text += u' ' + gatewayType;
        if (isKeyRejected())
            text = QCoreApplication::translate("bw::GatewayError",
                                               "The gateway rejected this key (%1)")
                           .arg(text);
        break;
    case Kind::BadBody:
        text = QCoreApplication::translate(
                "bw::GatewayError", "The gateway sent a response that is not a usable JSON body");
        break;
    case Kind::TooLarge:
        text = QCoreApplication::translate("bw::GatewayError",
                                           "The gateway's response was too large");
        break;
    case Kind::Redirect:
        text = QCoreApplication::translate(
                "bw::GatewayError", "The gateway answered with a redirect that was not followed");
        break;
    case Kind::Cancelled:
        text = QCoreApplication::translate("bw::GatewayError", "The request was cancelled");
        break;
    }
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    if (retryAfterSeconds)
        text += QCoreApplication::translate("bw::GatewayError", " (retry after %1 s)")
                        .arg(*retryAfterSeconds);
    if (attempts > 1)
        text += QCoreApplication::translate("bw::GatewayError", " (after %1 attempts)")
                        .arg(attempts);
    if (!text.endsWith(u'.') && !text.endsWith(QChar(0x2026)))
        text += u'.';
    return text;
}

bool GatewayError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::BadBody:
    case Kind::TooLarge:
        return true;
    case Kind::Http:
        return httpStatus == 429 || httpStatus == 500 || httpStatus == 502 || httpStatus == 503
               || httpStatus == 504;
    case Kind::Tls:
    case Kind::Redirect:
    case Kind::Cancelled:
        break;
    }
    return false;
}

} // namespace bw
