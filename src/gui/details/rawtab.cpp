#include "details/rawtab.h"

#include "details/detailsformat.h"
#include "presentation/statuspresentation.h"
#include "ui_rawtab.h"
#include "widgets/noticebox.h"
#include "wire/jobcodec.h"
#include "wire/nativecodec.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace bw {

namespace {
QString pretty(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}
} // namespace

RawTab::RawTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RawTab>())
{
    m_ui->setupUi(this);
    // A narrow tab gives the source selector a row of its own (arrangeBar()).
    m_sourceRow = new QHBoxLayout;
    m_sourceRow->setContentsMargins(0, 0, 0, 0);
    m_sourceRow->addStretch(1);
    m_ui->outerLayout->insertLayout(0, m_sourceRow);
    m_problemsBox = new NoticeBox(this);
    m_problemsBox->setObjectName(QStringLiteral("problemsBox"));
    m_problemsBox->setCollapsedLines(6);
    m_problemsBox->setVisible(false);
    m_ui->outerLayout->insertWidget(m_ui->outerLayout->indexOf(m_ui->stack), m_problemsBox);
    m_ui->textEdit->setUndoRedoEnabled(false);
    m_ui->textEdit->setTabChangesFocus(true);
    m_ui->previousButton->setAccessibleName(tr("Previous match"));
    m_ui->nextButton->setAccessibleName(tr("Next match"));
    // The bar must never set the panel's minimum width (it would push the splitter whenever
    // this tab is open): the selector and the search field shrink, the match buttons are
    // arrows (their words stay in the tooltips and accessible names).
    m_ui->sourceCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->sourceCombo->setMinimumContentsLength(6);
    // Both grow up to their maximum width when there is room (stretch > 0: the spacer only
    // takes what is left after that).
    m_ui->sourceCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_ui->findEdit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_ui->barLayout->setStretchFactor(m_ui->sourceCombo, 2);
    m_ui->barLayout->setStretchFactor(m_ui->findEdit, 3);
    m_ui->previousButton->setArrowType(Qt::UpArrow);
    m_ui->nextButton->setArrowType(Qt::DownArrow);
    for (QToolButton *b : {m_ui->previousButton, m_ui->nextButton})
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);

    connect(m_ui->sourceCombo, &QComboBox::activated, this,
            [this](int index) { setSource(Source(m_ui->sourceCombo->itemData(index).toInt())); });
    connect(m_ui->findEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { find(text); });
    connect(m_ui->findEdit, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(m_ui->nextButton, &QToolButton::clicked, this, [this] { findNext(); });
    connect(m_ui->previousButton, &QToolButton::clicked, this, [this] { findPrevious(); });
    connect(m_ui->copyButton, &QPushButton::clicked, this, &RawTab::copyText);

    // Ctrl+F, F3 and Shift+F3 belong to this tab while it has focus, even when the main window
    // has a Ctrl+F of its own: the shortcut override is claimed and the key handled here.
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->textEdit), static_cast<QWidget *>(m_ui->findEdit),
          static_cast<QWidget *>(m_ui->sourceCombo), static_cast<QWidget *>(m_ui->copyButton),
          static_cast<QWidget *>(m_ui->nextButton), static_cast<QWidget *>(m_ui->previousButton)})
        w->installEventFilter(this);
    updateLook();
    clear();
}

RawTab::~RawTab() = default;

QPlainTextEdit *RawTab::textEdit() const
{
    return m_ui->textEdit;
}

QString RawTab::text() const
{
    return m_text;
}

const QJsonObject &RawTab::body(Source source) const
{
    switch (source) {
    case Source::Retrieve:
        return m_retrieve;
    case Source::List:
        return m_list;
    case Source::Native:
        break;
    }
    return m_native;
}

bool RawTab::hasSource(Source source) const
{
    return !body(source).isEmpty();
}

QString RawTab::sourceName(Source source)
{
    switch (source) {
    case Source::Retrieve:
        return tr("Last retrieve response");
    case Source::List:
        return tr("Last list summary");
    case Source::Native:
        break;
    }
    return tr("Last native batch response");
}

void RawTab::setJob(const WatchedJob &job, bool newJob)
{
    m_retrieve = job.rawRetrieve.object();
    m_list = job.rawList.object();
    m_native = job.rawNative.object();
    if (newJob || !hasSource(m_source)) {
        m_source = Source::Retrieve;
        for (Source s : {Source::Retrieve, Source::List, Source::Native}) {
            if (hasSource(s)) {
                m_source = s;
                break;
            }
        }
    }
    showSource(newJob);
}

void RawTab::clear()
{
    m_retrieve = {};
    m_list = {};
    m_native = {};
    m_source = Source::Retrieve;
    showSource(true);
}

bool RawTab::setSource(Source source)
{
    if (!hasSource(source))
        return false;
    if (m_source != source) {
        m_source = source;
        showSource(true);
    }
    return true;
}

void RawTab::showSource(bool fromTop)
{
    // The selector offers the sources that have a body, in a fixed order.
    QList<Source> sources;
    for (Source s : {Source::Retrieve, Source::List, Source::Native}) {
        if (hasSource(s))
            sources << s;
    }
    QComboBox *combo = m_ui->sourceCombo;
    bool same = combo->count() == sources.size();
    for (int i = 0; same && i < combo->count(); ++i)
        same = combo->itemData(i).toInt() == int(sources.at(i));
    if (!same) {
        combo->clear();
        for (Source s : std::as_const(sources))
            combo->addItem(sourceName(s), int(s));
    }
    const bool several = sources.size() > 1;
    m_ui->sourceLabel->setVisible(several);
    combo->setVisible(several);
    combo->setCurrentIndex(combo->findData(int(m_source)));

    const QJsonObject &body = this->body(m_source);
    const bool any = !body.isEmpty();
    m_ui->stack->setCurrentWidget(any ? static_cast<QWidget *>(m_ui->textEdit) : m_ui->emptyPage);
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->findEdit), static_cast<QWidget *>(m_ui->nextButton),
          static_cast<QWidget *>(m_ui->previousButton), static_cast<QWidget *>(m_ui->copyButton)})
        w->setEnabled(any);
    if (!several && any) {
        switch (m_source) {
        case Source::Retrieve:
            m_ui->infoLabel->setText(tr("The body of the last retrieve (GET) response, "
                                        "pretty-printed with its keys in alphabetical order."));
            break;
        case Source::List:
            m_ui->infoLabel->setText(tr("The job's entry in the last list response; no "
                                        "retrieve response has arrived yet."));
            break;
        case Source::Native:
            m_ui->infoLabel->setText(tr("The batch as Bifrost's native batch API "
                                        "(/v1/batches) last reported it, pretty-printed with "
                                        "its keys in alphabetical order."));
            break;
        }
    } else if (several) {
        m_ui->infoLabel->setText(tr("More than one response is known; the selector switches "
                                    "between them."));
    } else {
        m_ui->infoLabel->clear();
    }
    m_ui->infoLabel->setVisible(!m_ui->infoLabel->text().isEmpty());
    arrangeBar();

    showProblems();
    const QString text = any ? pretty(body) : QString();
    if (text == m_text)
        return;
    m_text = text;
    QPlainTextEdit *edit = m_ui->textEdit;
    const int vertical = edit->verticalScrollBar()->value();
    const int horizontal = edit->horizontalScrollBar()->value();
    const int position = edit->textCursor().position();
    edit->setPlainText(text); // at the top, cursor at the start
    if (!fromTop) {
        QTextCursor cursor = edit->textCursor();
        cursor.setPosition(std::min(position, int(text.size())));
        edit->setTextCursor(cursor);
        edit->verticalScrollBar()->setValue(vertical);
        edit->horizontalScrollBar()->setValue(horizontal);
    }
    highlightMatches();
}

void RawTab::showProblems()
{
    // Each body is read by the codec of its route; the reasons are put in words from the
    // problems' kinds (translated), never from the core's English.
    const QJsonObject &body = this->body(m_source);
    const QList<ParseProblem> problems = body.isEmpty() ? QList<ParseProblem>()
                                         : m_source == Source::Native
                                                 ? NativeCodec::problemsIn(body)
                                                 : JobCodec::problemsIn(body);
    m_problemsBox->setVisible(!problems.isEmpty());
    if (problems.isEmpty())
        return;
    QStringList lines;
    for (const ParseProblem &p : problems)
        lines << tr("%1: %2", "field: why it could not be read")
                         .arg(p.field.isEmpty() ? tr("the body") : p.field,
                              DetailsFormat::problemReason(p));
    // The summary lines ("900 more problems …", "… more entries were not read") are not fields.
    const auto fields
            = std::count_if(problems.cbegin(), problems.cend(), [](const ParseProblem &p) {
                  return p.kind != ParseProblem::Kind::MoreEntries
                         && p.kind != ParseProblem::Kind::MoreProblems
                         && p.kind != ParseProblem::Kind::TooManyEntries;
              });
    m_problemsBox->setTitle(
            fields > 0 ? tr("%n field(s) of this response could not be read", nullptr, int(fields))
                       : tr("Parts of this response could not be read"));
    m_problemsBox->setText(lines.join(u'\n'));
    m_problemsBox->setAccent(StatusPresentation::warningColor(palette()),
                             StatusPresentation::signIcon(SignIcon::Warning, palette()));
}

int RawTab::find(const QString &text)
{
    if (m_ui->findEdit->text() != text) {
        m_ui->findEdit->setText(text); // comes back here through textChanged
        return m_matchCount;
    }
    highlightMatches();
    if (m_matchCount > 0) {
        // Search on from the start of the current selection, so typing extends the match.
        QTextCursor cursor = m_ui->textEdit->textCursor();
        cursor.setPosition(cursor.selectionStart());
        m_ui->textEdit->setTextCursor(cursor);
        step(false);
    }
    updateMatchLabel();
    return m_matchCount;
}

bool RawTab::findNext()
{
    return step(false);
}

bool RawTab::findPrevious()
{
    return step(true);
}

bool RawTab::step(bool backward)
{
    const QString needle = m_ui->findEdit->text();
    if (needle.isEmpty() || m_matchCount == 0) {
        updateMatchLabel();
        return false;
    }
    QPlainTextEdit *edit = m_ui->textEdit;
    const QTextDocument::FindFlags flags
            = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!edit->find(needle, flags)) {
        // Wrap around.
        QTextCursor cursor = edit->textCursor();
        cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        edit->setTextCursor(cursor);
        edit->find(needle, flags);
    }
    edit->ensureCursorVisible();
    updateMatchLabel();
    return true;
}

void RawTab::highlightMatches()
{
    const QString needle = m_ui->findEdit->text();
    QList<QTextEdit::ExtraSelection> selections;
    m_matchCount = 0;
    if (!needle.isEmpty()) {
        QTextDocument *doc = m_ui->textEdit->document();
        QTextCharFormat format;
        QColor fill = StatusPresentation::warningColor(palette());
        fill.setAlphaF(0.35f);
        format.setBackground(fill);
        QTextCursor cursor(doc);
        while (true) {
            cursor = doc->find(needle, cursor);
            if (cursor.isNull())
                break;
            ++m_matchCount;
            if (selections.size() < 5000)
                selections.append({cursor, format});
        }
    }
    m_ui->textEdit->setExtraSelections(selections);
    updateMatchLabel();
}

int RawTab::currentMatch() const
{
    const QTextCursor selection = m_ui->textEdit->textCursor();
    const QString needle = m_ui->findEdit->text();
    if (!selection.hasSelection() || needle.isEmpty()
        || selection.selectedText().compare(needle, Qt::CaseInsensitive) != 0)
        return 0;
    QTextDocument *doc = m_ui->textEdit->document();
    QTextCursor cursor(doc);
    int n = 0;
    while (true) {
        cursor = doc->find(needle, cursor);
        if (cursor.isNull())
            return 0;
        ++n;
        if (cursor.selectionStart() == selection.selectionStart())
            return n;
    }
}

void RawTab::updateMatchLabel()
{
    const QString needle = m_ui->findEdit->text();
    QString text;
    bool miss = false;
    if (!needle.isEmpty()) {
        if (m_matchCount == 0) {
            text = tr("No match");
            miss = true;
        } else if (const int current = currentMatch(); current > 0) {
            text = tr("%1 of %2").arg(current).arg(m_matchCount);
        } else {
            text = tr("%n match(es)", nullptr, m_matchCount);
        }
    }
    m_ui->matchLabel->setText(text);
    QPalette pal = palette();
    if (miss)
        pal.setColor(QPalette::WindowText, StatusPresentation::color(StatusGroup::Failed, pal));
    m_ui->matchLabel->setPalette(pal);
    m_ui->nextButton->setEnabled(m_matchCount > 0);
    m_ui->previousButton->setEnabled(m_matchCount > 0);
}

void RawTab::copyText()
{
    if (m_text.isEmpty())
        return;
    DetailsFormat::copyToClipboard(m_text);
    Q_EMIT statusMessage(m_source == Source::Retrieve ? tr("Copied the retrieve response")
                         : m_source == Source::List   ? tr("Copied the list summary")
                                                      : tr("Copied the native batch response"));
}

bool RawTab::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool isFind = key->matches(QKeySequence::Find);
        const bool isNext = key->matches(QKeySequence::FindNext);
        const bool isPrevious = key->matches(QKeySequence::FindPrevious)
                                || (watched == m_ui->findEdit
                                    && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
                                    && key->modifiers() == Qt::ShiftModifier);
        const bool isEscape = watched == m_ui->findEdit && key->key() == Qt::Key_Escape
                              && !m_ui->findEdit->text().isEmpty();
        if (isFind || isNext || isPrevious || isEscape) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            if (isFind) {
                m_ui->findEdit->setFocus(Qt::ShortcutFocusReason);
                m_ui->findEdit->selectAll();
            } else if (isPrevious) {
                findPrevious();
            } else if (isNext) {
                findNext();
            } else {
                m_ui->findEdit->clear();
                m_ui->textEdit->setFocus(Qt::OtherFocusReason);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RawTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateLook();
        highlightMatches();
        if (m_problemsBox)
            showProblems();
    }
}

int RawTab::sourceWidth() const
{
    return m_ui->sourceLabel->sizeHint().width() + m_ui->barLayout->spacing()
           + m_ui->sourceCombo->minimumSizeHint().width();
}

int RawTab::searchWidth() const
{
    int width = m_ui->findEdit->minimumWidth();
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->previousButton), static_cast<QWidget *>(m_ui->nextButton),
          static_cast<QWidget *>(m_ui->matchLabel), static_cast<QWidget *>(m_ui->copyButton)})
        width += w->sizeHint().width() + m_ui->barLayout->spacing();
    return width;
}

void RawTab::arrangeBar()
{
    const bool sourceShown = !m_ui->sourceCombo->isHidden();
    const QMargins margins = m_ui->outerLayout->contentsMargins();
    const int room = width() - margins.left() - margins.right();
    // One row while the search field keeps a comfortable width beside the selector.
    const bool ownRow
            = sourceShown && room < sourceWidth() + searchWidth() + 8 * fontMetrics().height();
    if (ownRow == m_sourceRowUsed)
        return;
    m_sourceRowUsed = ownRow;
    QBoxLayout *from = ownRow ? m_ui->barLayout : static_cast<QBoxLayout *>(m_sourceRow);
    QBoxLayout *to = ownRow ? static_cast<QBoxLayout *>(m_sourceRow) : m_ui->barLayout;
    from->removeWidget(m_ui->sourceLabel);
    from->removeWidget(m_ui->sourceCombo);
    to->insertWidget(0, m_ui->sourceLabel);
    to->insertWidget(1, m_ui->sourceCombo, 2);
    updateGeometry();
}

QSize RawTab::minimumSizeHint() const
{
    // What the two-row arrangement needs: arrangeBar() switches to it when the tab is narrow.
    QSize size = QWidget::minimumSizeHint();
    const QMargins margins = m_ui->outerLayout->contentsMargins();
    int needed = std::max(searchWidth(), m_ui->stack->minimumSizeHint().width());
    if (!m_ui->sourceCombo->isHidden())
        needed = std::max(needed, sourceWidth());
    size.setWidth(std::min(size.width(), needed + margins.left() + margins.right()));
    return size;
}

void RawTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeBar();
}

void RawTab::updateLook()
{
    const int em = fontMetrics().height();
    m_ui->emptyLayout->setContentsMargins(4 * em, em, 4 * em, em);
    const QFont mono = DetailsFormat::monospaceFont(font());
    m_ui->textEdit->setFont(mono);
    m_ui->copyButton->setIcon(DetailsFormat::copyIcon(palette()));
    if (!m_searchAction)
        m_searchAction = m_ui->findEdit->addAction(DetailsFormat::searchIcon(palette()),
                                                   QLineEdit::LeadingPosition);
    else
        m_searchAction->setIcon(DetailsFormat::searchIcon(palette()));
    // Room for a short search term at least; it grows up to a comfortable width.
    m_ui->findEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 10);
    m_ui->findEdit->setMaximumWidth(fontMetrics().averageCharWidth() * 36);
    // Of every source's name (the selector lists only those that have a body).
    int longest = 0;
    for (Source source : {Source::Retrieve, Source::List, Source::Native})
        longest = std::max(longest,
                           m_ui->sourceCombo->fontMetrics().horizontalAdvance(sourceName(source)));
    // The whole item text plus the frame and the arrow.
    m_ui->sourceCombo->setMaximumWidth(longest + 3 * fontMetrics().height());
    QPalette dim = palette();
    dim.setColor(QPalette::WindowText, DetailsFormat::dimmedTextColor(palette()));
    m_ui->infoLabel->setPalette(dim);
    m_ui->emptyLabel->setPalette(dim);
    if (m_sourceRow)
        arrangeBar();
}

} // namespace bw
