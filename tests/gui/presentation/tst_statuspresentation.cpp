#include "delegates/expirydelegate.h"
#include "delegates/progressdelegate.h"
#include "delegates/statusbadgedelegate.h"
#include "models/jobtablemodel.h"
#include "presentation/apptheme.h"
#include "presentation/statuspresentation.h"
#include "widgets/statusbadge.h"
#include "window/jobtableview.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QScopeGuard>
#include <QSet>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>
#include <QtTest>

#include <memory>

using namespace bw;

namespace {

QList<JobStatus> allStatuses()
{
    QList<JobStatus> list;
    for (int code = int(JobStatus::Unknown); code <= int(JobStatus::Expired); ++code)
        list << static_cast<JobStatus>(code);
    return list;
}

QList<StatusGroup> allGroups()
{
    QList<StatusGroup> list;
    for (int g = 0; g < StatusGroupCount; ++g)
        list << static_cast<StatusGroup>(g);
    return list;
}

// Share of non-transparent pixels of an icon rendered at `size`.
double coverage(const QIcon &icon, int size)
{
    const QImage image = icon.pixmap(QSize(size, size)).toImage();
    if (image.isNull())
        return 0;
    int opaque = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                ++opaque;
        }
    }
    return double(opaque) / double(image.width() * image.height());
}

QPalette paletteWithBase(const QColor &window, const QColor &base)
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::Text, StatusPresentation::textColorOn(base));
    p.setColor(QPalette::WindowText, StatusPresentation::textColorOn(window));
    return p;
}

} // namespace

class TestStatusPresentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStatusHasWordsAndAnIcon()
    {
        QSet<QString> words;
        for (JobStatus status : allStatuses()) {
            const QString text = StatusPresentation::text(status);
            QVERIFY2(!text.isEmpty(), qPrintable(Status::canonicalName(status)));
            QVERIFY(!StatusPresentation::description(status).isEmpty());
            words.insert(text);
            const QIcon icon = StatusPresentation::icon(status);
            QVERIFY(!icon.isNull());
            QVERIFY2(coverage(icon, 32) > 0.2, "the icon renders visibly");
        }
        // Every status reads differently: distinguishable without colour.
        QCOMPARE(words.size(), allStatuses().size());
    }

    void groupIconsHaveDistinctShapes()
    {
        // Same colour for all: only the shape may tell them apart.
        QSet<QByteArray> shapes;
        for (StatusGroup group : allGroups()) {
            const QString path
                    = QStringLiteral(":/icons/status-%1.svg").arg(Status::groupKey(group));
            const QIcon icon = StatusPresentation::tintedSvgIcon(path, Qt::black, Qt::white);
            QVERIFY2(!icon.isNull(), qPrintable(path));
            const QImage image
                    = icon.pixmap(QSize(24, 24)).toImage().convertToFormat(QImage::Format_ARGB32);
            shapes.insert(QByteArray(reinterpret_cast<const char *>(image.constBits()),
                                     image.sizeInBytes()));
        }
        QCOMPARE(shapes.size(), StatusGroupCount);
    }

    void unknownStatusIsShownVerbatim()
    {
        QCOMPARE(StatusPresentation::text(Status::fromString(QStringLiteral("archived"))),
                 QStringLiteral("archived"));
        QCOMPARE(StatusPresentation::text(Status::fromString(QStringLiteral("inprogress"))),
                 QStringLiteral("In progress"));
        QCOMPARE(StatusPresentation::text(Status()), QStringLiteral("Not reported"));
    }

    void coloursAreReadableOnTheirBackground_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("base");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light, white base")
                << QColor(0xef, 0xef, 0xef) << QColor(Qt::white) << false;
        QTest::newRow("light, grey base")
                << QColor(0xe0, 0xe0, 0xe0) << QColor(0xf5, 0xf5, 0xf5) << false;
        QTest::newRow("dark, batchwatch")
                << QColor(0x2b, 0x2d, 0x30) << QColor(0x1e, 0x1f, 0x22) << true;
        QTest::newRow("dark, black") << QColor(0x20, 0x20, 0x20) << QColor(Qt::black) << true;
        QTest::newRow("dark, mid grey")
                << QColor(0x35, 0x35, 0x35) << QColor(0x45, 0x45, 0x45) << true;
        QTest::newRow("light, mid grey")
                << QColor(0xc8, 0xc8, 0xc8) << QColor(0xb4, 0xb4, 0xb4) << false;
    }

    void coloursAreReadableOnTheirBackground()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, base);
        QFETCH(bool, dark);
        const QPalette palette = paletteWithBase(window, base);
        QCOMPARE(StatusPresentation::isDark(palette), dark);
        for (StatusGroup group : allGroups()) {
            const QColor c = StatusPresentation::color(group, palette);
            const double ratio = StatusPresentation::contrastRatio(c, base);
            QVERIFY2(ratio >= 3.0,
                     qPrintable(QStringLiteral("%1: %2 on %3 has contrast %4")
                                        .arg(Status::groupKey(group), c.name(), base.name())
                                        .arg(ratio)));
        }
        QVERIFY(StatusPresentation::contrastRatio(StatusPresentation::warningColor(palette), base)
                >= 3.0);
    }

    void lightAndDarkVariantsDifferInLightness()
    {
        const QColor white(Qt::white);
        const QColor nearBlack(0x1e, 0x1f, 0x22);
        for (StatusGroup group : allGroups()) {
            const QColor light = StatusPresentation::lightColor(group);
            const QColor dark = StatusPresentation::darkColor(group);
            // Each variant as chosen is readable on its own kind of background...
            QVERIFY(StatusPresentation::contrastRatio(light, white) >= 3.0);
            QVERIFY(StatusPresentation::contrastRatio(dark, nearBlack) >= 3.0);
            // ...and the dark variant is clearly lighter than the light one.
            QVERIFY2(dark.lightnessF() - light.lightnessF() > 0.15,
                     qPrintable(Status::groupKey(group)));
        }
    }

    void groupColoursAreDistinct()
    {
        for (bool dark : {false, true}) {
            QSet<QRgb> colours;
            for (StatusGroup group : allGroups()) {
                colours.insert(dark ? StatusPresentation::darkColor(group).rgb()
                                    : StatusPresentation::lightColor(group).rgb());
            }
            QCOMPARE(colours.size(), StatusGroupCount);
        }
    }

    void darkThemeSwitchesToDarkVariants()
    {
        AppTheme::apply(Theme::Dark);
        QVERIFY(StatusPresentation::isDark());
        QCOMPARE(StatusPresentation::color(StatusGroup::Failed),
                 StatusPresentation::darkColor(StatusGroup::Failed));
        AppTheme::apply(Theme::Light);
        QVERIFY(!StatusPresentation::isDark());
        QCOMPARE(StatusPresentation::color(StatusGroup::Failed),
                 StatusPresentation::lightColor(StatusGroup::Failed));
        AppTheme::apply(Theme::System);
    }

    // The high-contrast theme: every text the user reads stands at least 7:1 against its
    // background (WCAG AAA), status colours and the warning colour at least 4.5:1 against the
    // table's background, and the selection and focus are not the window's colour.
    void highContrastThemeIsReadable()
    {
        AppTheme::apply(Theme::HighContrast);
        const auto restore = qScopeGuard([] { AppTheme::apply(Theme::System); });
        const QPalette p = QApplication::palette();
        const QList<std::pair<QPalette::ColorRole, QPalette::ColorRole>> pairs{
                {QPalette::WindowText, QPalette::Window},
                {QPalette::Text, QPalette::Base},
                {QPalette::Text, QPalette::AlternateBase},
                {QPalette::ButtonText, QPalette::Button},
                {QPalette::HighlightedText, QPalette::Highlight},
                {QPalette::ToolTipText, QPalette::ToolTipBase},
                {QPalette::Link, QPalette::Base},
                {QPalette::LinkVisited, QPalette::Base},
                {QPalette::PlaceholderText, QPalette::Base}};
        for (const auto &[text, background] : pairs) {
            const double ratio
                    = StatusPresentation::contrastRatio(p.color(text), p.color(background));
            QVERIFY2(ratio >= 7.0, qPrintable(QStringLiteral("role %1 on %2: %3:1")
                                                      .arg(int(text))
                                                      .arg(int(background))
                                                      .arg(ratio)));
        }
        QVERIFY(StatusPresentation::contrastRatio(p.color(QPalette::Disabled, QPalette::Text),
                                                  p.color(QPalette::Base))
                >= 4.5);
        for (int g = 0; g < StatusGroupCount; ++g) {
            QVERIFY(StatusPresentation::contrastRatio(StatusPresentation::color(StatusGroup(g)),
                                                      p.color(QPalette::Base))
                    >= 4.5);
        }
        QVERIFY(StatusPresentation::contrastRatio(StatusPresentation::warningColor(),
                                                  p.color(QPalette::Base))
                >= 4.5);
        QVERIFY(StatusPresentation::contrastRatio(p.color(QPalette::Highlight),
                                                  p.color(QPalette::Window))
                >= 7.0);
    }

    void actionIconsExist()
    {
        for (auto action : {ActionIcon::Add, ActionIcon::Refresh, ActionIcon::Pause,
                            ActionIcon::Resume, ActionIcon::Stop, ActionIcon::Remove,
                            ActionIcon::Export, ActionIcon::Settings, ActionIcon::Profile}) {
            QVERIFY(coverage(StatusPresentation::actionIcon(action), 32) > 0.05);
        }
        QVERIFY(coverage(StatusPresentation::signIcon(SignIcon::Warning), 32) > 0.2);
        QVERIFY(coverage(StatusPresentation::signIcon(SignIcon::Offline), 32) > 0.05);
        QVERIFY(coverage(StatusPresentation::signIcon(SignIcon::Key), 32) > 0.05);
        QVERIFY(coverage(StatusPresentation::appIcon(), 64) > 0.5);
    }

    void badgeDelegateDrawsEveryStatusWithItsOwnIcon()
    {
        // Native statuses (Finalizing, Ended) came after the Bedrock ones and were drawn as
        // unknown: an Anthropic batch that ended showed a "?" badge.
        constexpr int statusRole = Qt::UserRole + 1;
        QStandardItemModel model(int(kLastJobStatus) + 1, 1);
        for (int code = 0; code <= int(kLastJobStatus); ++code)
            model.setData(model.index(code, 0), code, statusRole);
        StatusBadgeDelegate delegate(statusRole, -1);
        for (int code = 0; code <= int(kLastJobStatus); ++code) {
            QCOMPARE(delegate.statusCode(model.index(code, 0)), JobStatus(code));
            QCOMPARE(delegate.badgeText(model.index(code, 0)),
                     StatusPresentation::text(JobStatus(code)));
        }
    }

    void endedBatchWithFailuresLooksLikeTheFailedChip()
    {
        // Anthropic's "ended" means every record finished; with failed records the Failed chip
        // counts it, and the badge in the table and the details header must look the same.
        auto ended = [](const QString &id, qint64 failed) {
            WatchedJob w;
            w.identifier = id;
            w.job.jobArn = id;
            w.job.provider = QStringLiteral("anthropic");
            w.job.status = Status::fromString(QStringLiteral("ended"));
            w.job.totalRecordCount = 100;
            w.job.processedRecordCount = 100;
            w.job.successRecordCount = 100 - failed;
            w.job.errorRecordCount = failed;
            return w;
        };
        JobTableModel model;
        model.setJobs({ended(QStringLiteral("msgbatch_01Failed"), 7),
                       ended(QStringLiteral("msgbatch_01AllGood"), 0)});
        JobTableView view;
        view.setModel(&model);
        StatusBadgeDelegate *badges = view.statusDelegate();
        QVERIFY(badges);
        const QModelIndex failed = model.index(0, JobTableModel::StatusColumn);
        const QModelIndex good = model.index(1, JobTableModel::StatusColumn);
        QCOMPARE(badges->badgeText(failed), StatusPresentation::text(JobStatus::Ended));
        QCOMPARE(badges->statusGroup(failed), StatusGroup::Failed);
        QCOMPARE(badges->statusGroup(good), StatusGroup::Completed);

        StatusBadge header;
        header.setStatus(Status::fromString(QStringLiteral("ended")), StatusGroup::Failed);
        QCOMPARE(header.group(), StatusGroup::Failed);
        QCOMPARE(header.text(), StatusPresentation::text(JobStatus::Ended));
        header.setStatus(Status::fromString(QStringLiteral("ended")));
        QCOMPARE(header.group(), StatusGroup::Completed);
    }

    void badgeDelegateSaysTheStatusInWords()
    {
        QStandardItemModel model(3, 1);
        constexpr int statusRole = Qt::UserRole + 1;
        constexpr int textRole = Qt::UserRole + 2;
        model.setData(model.index(0, 0), int(JobStatus::PartiallyCompleted), statusRole);
        model.setData(model.index(1, 0), int(JobStatus::Unknown), statusRole);
        model.setData(model.index(1, 0), QStringLiteral("archived"), textRole);
        // Row 2: no status at all.
        StatusBadgeDelegate delegate(statusRole, textRole);
        QCOMPARE(delegate.badgeText(model.index(0, 0)), QStringLiteral("Partially completed"));
        QCOMPARE(delegate.badgeText(model.index(1, 0)), QStringLiteral("archived"));
        QCOMPARE(delegate.badgeText(model.index(2, 0)), QStringLiteral("Not reported"));

        // The badge is wide enough for its words, and it paints something.
        QTableView view;
        view.setModel(&model);
        view.setItemDelegateForColumn(0, &delegate);
        QStyleOptionViewItem option;
        option.initFrom(&view);
        const QSize hint = delegate.sizeHint(option, model.index(0, 0));
        QVERIFY(hint.width()
                > view.fontMetrics().horizontalAdvance(QStringLiteral("Partially completed")));
        view.resizeColumnsToContents();
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.columnWidth(0) >= hint.width());
        const QImage shot = view.grab().toImage();
        QVERIFY(!shot.isNull());
    }

    void progressDelegateShowsCountsOrIndeterminate()
    {
        constexpr int fraction = Qt::UserRole + 1;
        constexpr int total = Qt::UserRole + 2;
        constexpr int processed = Qt::UserRole + 3;
        constexpr int failed = Qt::UserRole + 4;
        constexpr int status = Qt::UserRole + 5;
        QStandardItemModel model(4, 1);
        // Row 0: 1,234 of 5,000 processed, 12 failed.
        model.setData(model.index(0, 0), 1234.0 / 5000.0, fraction);
        model.setData(model.index(0, 0), qint64(5000), total);
        model.setData(model.index(0, 0), qint64(1234), processed);
        model.setData(model.index(0, 0), qint64(12), failed);
        model.setData(model.index(0, 0), int(JobStatus::InProgress), status);
        // Row 1: validating, total still 0: indeterminate.
        model.setData(model.index(1, 0), qint64(0), total);
        model.setData(model.index(1, 0), int(JobStatus::Validating), status);
        // Row 2: completed on a gateway that never reports counts.
        model.setData(model.index(2, 0), int(JobStatus::Completed), status);
        // Row 3: counts without a total.
        model.setData(model.index(3, 0), qint64(40), processed);
        model.setData(model.index(3, 0), int(JobStatus::InProgress), status);

        ProgressDelegate delegate(fraction, total, processed, failed);
        delegate.setStatusRole(status);
        QLocale::setDefault(QLocale::c());
        QCOMPARE(delegate.progressText(model.index(0, 0)),
                 QStringLiteral("1234 / 5000 · 12 failed"));
        QVERIFY(!delegate.isIndeterminate(model.index(0, 0)));
        QCOMPARE(delegate.progressText(model.index(1, 0)), QStringLiteral("Waiting for counts"));
        QVERIFY(delegate.isIndeterminate(model.index(1, 0)));
        QCOMPARE(delegate.progressText(model.index(2, 0)), QStringLiteral("Not reported"));
        QVERIFY(!delegate.isIndeterminate(model.index(2, 0)));
        QCOMPARE(delegate.progressText(model.index(3, 0)), QStringLiteral("40 processed"));
        QVERIFY(delegate.isIndeterminate(model.index(3, 0)));

        // A bar too narrow for the whole text drops the failure count (the strip shows it)
        // before cutting digits; one wide enough shows it all.
        const QFontMetrics fm(QApplication::font());
        const QModelIndex row0 = model.index(0, 0);
        const int whole = fm.horizontalAdvance(QStringLiteral("1234 / 5000 · 12 failed"));
        QCOMPARE(delegate.fittedText(row0, fm, whole), QStringLiteral("1234 / 5000 · 12 failed"));
        QCOMPARE(delegate.fittedText(row0, fm, whole - 1), QStringLiteral("1234 / 5000"));
        QVERIFY(delegate.fittedText(row0, fm, fm.horizontalAdvance(QStringLiteral("1234")))
                        .endsWith(QChar(0x2026)));
        // The job table's default column holds the widest usual text whole, clear of the ends.
        JobTableModel jobs;
        JobTableView table;
        table.setModel(&jobs);
        const QFontMetrics tableFm = table.fontMetrics();
        QVERIFY(table.columnWidth(JobTableModel::ProgressColumn)
                        - 2 * ProgressDelegate::textPadding(tableFm)
                >= tableFm.horizontalAdvance(ProgressDelegate::widestText()));

        // Painting every kind of row through the style works.
        QTableView view;
        view.setModel(&model);
        view.setItemDelegateForColumn(0, &delegate);
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.grab().isNull());
    }

    void progressDelegateWritesItsTextInOneColourOverTheBar()
    {
        // Regression: Fusion drew the bar's text in two colours split at the edge of the filled
        // part, cutting digits in half. Now the text is in the text colour (with a halo) also
        // where it lies over the filled part.
        constexpr int fraction = Qt::UserRole + 1;
        constexpr int total = Qt::UserRole + 2;
        constexpr int processed = Qt::UserRole + 3;
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), 0.95, fraction);
        model.setData(model.index(0, 0), qint64(10000), total);
        model.setData(model.index(0, 0), qint64(9500), processed);
        ProgressDelegate delegate(fraction, total, processed, Qt::UserRole + 4);
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(fusion);
        QTableView view;
        view.setStyle(fusion.get());
        const QPalette palette = fusion->standardPalette();
        for (const bool selected : {false, true}) {
            QStyleOptionViewItem option;
            option.initFrom(&view);
            option.widget = &view;
            option.palette = palette;
            option.rect = QRect(0, 0, 240, option.fontMetrics.height() * 2);
            option.state = QStyle::State_Enabled | QStyle::State_Active;
            option.state.setFlag(QStyle::State_Selected, selected);
            QImage image(option.rect.size(), QImage::Format_ARGB32);
            image.fill(palette.color(QPalette::Base));
            {
                QPainter painter(&image);
                delegate.paint(&painter, option, model.index(0, 0));
            }
            // The text sits in the middle, all of it over the filled part (95 %).
            const QColor text = palette.color(QPalette::Text);
            int textPixels = 0;
            for (int y = image.height() / 4; y < image.height() * 3 / 4; ++y) {
                for (int x = image.width() / 5; x < image.width() * 4 / 5; ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (std::abs(c.red() - text.red()) + std::abs(c.green() - text.green())
                                + std::abs(c.blue() - text.blue())
                        < 90)
                        ++textPixels;
                }
            }
            QVERIFY2(textPixels > 20, qPrintable(QString::number(textPixels)));
        }
    }

    void expiryDelegateMarksAtRiskCellsWithoutColourAlone()
    {
        constexpr int atRisk = Qt::UserRole + 1;
        QStandardItemModel model(2, 1);
        model.setData(model.index(0, 0), QStringLiteral("in 2 h"), Qt::DisplayRole);
        model.setData(model.index(0, 0), true, atRisk);
        model.setData(model.index(1, 0), QStringLiteral("in 3 d"), Qt::DisplayRole);
        ExpiryDelegate delegate(atRisk);
        QTableView view;
        view.setModel(&model);
        view.setItemDelegateForColumn(0, &delegate);
        QStyleOptionViewItem risky;
        risky.initFrom(&view);
        QStyleOptionViewItem calm = risky;
        const QSize riskyHint = delegate.sizeHint(risky, model.index(0, 0));
        const QSize calmHint = delegate.sizeHint(calm, model.index(1, 0));
        // The warning sign adds room in front of the text.
        QVERIFY(riskyHint.width() > calmHint.width());
    }
};

QTEST_MAIN(TestStatusPresentation)
#include "tst_statuspresentation.moc"
