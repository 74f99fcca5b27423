#include "temporaryhome.h"

#include <QDir>
#include <QFile>

namespace bw::test {

TemporaryHome::TemporaryHome()
{
    if (!m_dir.isValid())
        return;
    const QDir root(m_dir.path());
    const QList<QPair<QByteArray, QString>> vars = {
            {"HOME", root.path()},
            {"XDG_CONFIG_HOME", root.filePath(QStringLiteral(".config"))},
            {"XDG_DATA_HOME", root.filePath(QStringLiteral(".local/share"))},
            {"XDG_CACHE_HOME", root.filePath(QStringLiteral(".cache"))},
            {"XDG_RUNTIME_DIR", root.filePath(QStringLiteral("runtime"))},
    };
    for (const auto &[name, value] : vars) {
        m_saved.append({name, qEnvironmentVariableIsSet(name.constData())
                                      ? qgetenv(name.constData())
                                      : QByteArray()});
        QDir().mkpath(value);
        qputenv(name.constData(), QFile::encodeName(value));
    }
    QFile::setPermissions(root.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TemporaryHome::~TemporaryHome()
{
    for (const auto &[name, value] : std::as_const(m_saved)) {
        if (value.isNull())
            qunsetenv(name.constData());
        else
            qputenv(name.constData(), value);
    }
}

QString TemporaryHome::configHome() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral(".config"));
}

QString TemporaryHome::dataHome() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral(".local/share"));
}

} // namespace bw::test
