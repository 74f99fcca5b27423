#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class WelcomePanel;
}

namespace bw {

// The first-launch empty state (PRODUCT.md §2): what batchwatch does and two ways to start —
// connect to a gateway, or try the built-in demo gateway. Never an empty grey window.
// The panel only asks; whoever shows it opens the profiles dialog or starts the demo.
class WelcomePanel : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePanel(QWidget *parent = nullptr);
    ~WelcomePanel() override;

    // Hides the demo choice (e.g. when batchwatch was built without the simulator).
    void setDemoAvailable(bool available);
    bool isDemoAvailable() const;

Q_SIGNALS:
    void connectRequested();
    void demoRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateLook();

    std::unique_ptr<Ui::WelcomePanel> m_ui;
};

} // namespace bw
