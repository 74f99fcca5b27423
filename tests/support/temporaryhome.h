#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

namespace bw::test {

// Points HOME and XDG_{CONFIG,DATA,CACHE}_HOME / XDG_RUNTIME_DIR of this process (and so of every
// process it starts) at a fresh temporary directory for its lifetime, then puts the previous
// values back. For tests that write settings or data through the default locations: they must
// never reach the user's, even when the binary is run by hand outside CTest (which already gives
// each test its own home).
class TemporaryHome
{
public:
    TemporaryHome();
    ~TemporaryHome();
    TemporaryHome(const TemporaryHome &) = delete;
    TemporaryHome &operator=(const TemporaryHome &) = delete;

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    // XDG_CONFIG_HOME and XDG_DATA_HOME under this home (the app's settings and data live in
    // batchwatch/ below them).
    QString configHome() const;
    QString dataHome() const;

private:
    QTemporaryDir m_dir;
    QList<QPair<QByteArray, QByteArray>> m_saved; // name, value (null = was unset)
};

} // namespace bw::test
