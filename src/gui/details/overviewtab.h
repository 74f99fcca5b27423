#pragma once

#include "domain/watchedjob.h"
#include "wire/jobcodec.h"

#include <QDateTime>
#include <QWidget>

#include <memory>

namespace Ui {
class OverviewTab;
}

namespace bw {

class CopyableField;
class NoticeBox;

// The details panel's Overview tab: every scalar field of the job and of its watch record, each
// copyable (CopyableField). Fields no response ever carried say "not reported by this gateway"
// (dimmed, italic); empty ones "(empty)"; one the gateway sent with a value of the wrong type
// "reported, but not readable: <why>" (JobCodec/NativeCodec::problemsIn of the raw bodies, put in
// words by DetailsFormat::problemReason from the problem's kind). The failure message
// of a Failed, PartiallyCompleted or Stopped job is a framed block at the top; a 404 and the last
// fetch error get one too. Times show local time and a relative form ("5 min ago"), copy as UTC ISO
// 8601.
//
// setJob() updates every field in place (selections survive when a value did not change);
// setNow() refreshes the relative times only. The sections sit in two columns when there is
// room for them, in one otherwise.
class OverviewTab : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewTab(QWidget *parent = nullptr);
    ~OverviewTab() override;

    void setJob(const WatchedJob &job, const QDateTime &now);
    void setNow(const QDateTime &now);
    void clear();

    // The field showing an API field or watch fact, by object name ("arnField", "modelField",
    // "submitField", ...); for tests and accessibility tools.
    CopyableField *field(const QString &objectName) const;
    NoticeBox *messageBox() const;
    NoticeBox *notFoundBox() const;
    NoticeBox *errorBox() const;

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill();
    void markNativeFields();
    void markUnreadableFields();
    void updateColumns();
    void updateStatusRow();
    void updateLook();

    std::unique_ptr<Ui::OverviewTab> m_ui;
    WatchedJob m_job;
    QList<ParseProblem> m_problems; // of the job's raw retrieve, list and native bodies
    QDateTime m_now;
    bool m_hasJob = false;
    int m_columns = 0;
};

} // namespace bw
