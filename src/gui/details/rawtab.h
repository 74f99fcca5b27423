#pragma once

#include "domain/watchedjob.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QAction;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace Ui {
class RawTab;
}

namespace bw {

class NoticeBox;

// The details panel's Raw tab: the last response body of the job, pretty-printed
// (QJsonDocument::Indented), monospace, read-only. A source selector appears when more than one
// of a retrieve body, a list summary and a body of Bifrost's native batch API exist. Searchable:
// the find field (Ctrl+F while the tab has focus; F3 / Shift+F3 or Enter / Shift+Enter for next
// / previous) highlights every match and says "2 of 5". Copy puts the shown body on the
// clipboard. Fields of the shown body that had a value of the wrong type (JobCodec::problemsIn,
// NativeCodec::problemsIn for a native body) are listed above it, field by field with the
// reason in words (DetailsFormat::problemReason); the list is absent when there are none.
//
// A refresh with a different body keeps the scroll position and the search; the same body
// changes nothing.
class RawTab : public QWidget
{
    Q_OBJECT

public:
    enum class Source { Retrieve, List, Native };
    Q_ENUM(Source)

    explicit RawTab(QWidget *parent = nullptr);
    ~RawTab() override;

    void setJob(const WatchedJob &job, bool newJob);
    void clear();

    // The shown source; false when that source has no body.
    bool setSource(Source source);
    Source source() const { return m_source; }
    bool hasSource(Source source) const;

    QString text() const; // what is shown
    // The list of fields that could not be read (hidden when there are none).
    NoticeBox *problemsBox() const { return m_problemsBox; }
    QPlainTextEdit *textEdit() const;

    // Searches for `text` (case-insensitive), highlights all matches and selects the next one
    // from the cursor (wrapping). Returns the number of matches.
    int find(const QString &text);
    bool findNext();
    bool findPrevious();
    int matchCount() const { return m_matchCount; }
    int currentMatch() const; // 1-based; 0 when the selection is not a match

    // True when the source selector has a row of its own above the search bar (a narrow tab).
    bool sourceOnItsOwnRow() const { return m_sourceRowUsed; }
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showSource(bool fromTop);
    void highlightMatches();
    bool step(bool backward);
    void updateMatchLabel();
    void copyText();
    void updateLook();
    void showProblems();
    const QJsonObject &body(Source source) const;
    static QString sourceName(Source source);

    std::unique_ptr<Ui::RawTab> m_ui;
    NoticeBox *m_problemsBox = nullptr;
    QJsonObject m_retrieve;
    QJsonObject m_list;
    QJsonObject m_native;
    Source m_source = Source::Retrieve;
    QString m_text;
    int m_matchCount = 0;
    QAction *m_searchAction = nullptr;
    QHBoxLayout *m_sourceRow = nullptr;
    bool m_sourceRowUsed = false;

    void arrangeBar();
    int sourceWidth() const;
    int searchWidth() const;
};

} // namespace bw
