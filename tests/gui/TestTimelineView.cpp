#include "GuiTestSupport.h"
#include "ChartStyle.h"
#include "DistributionsView.h"
#include "TimelineView.h"
#include "charts/AlertMarkers.h"
#include "db/CaseFile.h"
#include "demo/DemoCaseBuilder.h"
#include "detect/DetectionRun.h"
#include "detect/RuleSet.h"
#include "import/CaseTimeZone.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QWheelEvent>
#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace fundtrace;

// The timeline and distribution views offscreen: on the demo case after a detection run
// (rendered, not blank, alerts and the reporting threshold drawn) and on a small case for the
// interactions (shift+drag brushes a period, Esc clears it, the wheel zooms time only).
class TestTimelineView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rendersDemoCase();
    void alertsOfAnAccount();
    void shiftDragSelectsRange();
    void escapeAndClickClearSelection();
    void plainDragPansTimeOnly();
    void wheelZoomsTimeOnly();
    void emptySelectionShowsMessage();
    void distributionsRender();

private:
    void showTimeline(ui::TimelineView &view);

    QTemporaryDir m_dir;
    std::optional<db::CaseFile> m_case;
    detect::DetectionContext m_demo;
    charts::ChartScope m_demoScope;
    detect::DetectionContext m_small;
};

namespace {

using fundtrace::test::keepScreenshot;
using fundtrace::test::distinctColours;

constexpr std::int64_t kMarch1 = 1677607200; // 2023-03-01 00:00 Almaty (UTC+6)

} // namespace

void TestTimelineView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const demo::DemoCaseReport report = demo::buildDemoCase(m_dir.path());
    QVERIFY(report.allImported);
    m_case.emplace(db::CaseFile::open(report.casePath));
    const detect::RuleSet rules = detect::RuleSet::fromDefault();
    detect::DetectionRun(*m_case, rules).run();
    m_demo = detect::DetectionContext::load(m_case->db());
    m_demoScope.zone = import::caseTimeZone(*m_case);
    QVERIFY(!m_demo.transactions().empty());

    // Thirty days of one account: 1 000,00 in at 10:00 and 400,00 out at 15:00 each day.
    detect::DetectionContext::Builder builder;
    const std::int32_t account = builder.addAccount(QStringLiteral("KZ01TEST"), builder.addSubject(QStringLiteral("Test")));
    for (int day = 0; day < 30; ++day) {
        for (const bool credit : { true, false }) {
            detect::DetectionContext::Builder::Row row;
            row.account = account;
            row.credit = credit;
            row.amountMinor = credit ? 100'000 : 40'000;
            row.bookedAt = kMarch1 + day * 86400 + (credit ? 10 : 15) * 3600;
            builder.add(row);
        }
    }
    m_small = builder.build();
}

void TestTimelineView::showTimeline(ui::TimelineView &view)
{
    view.resize(1200, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.replot();
}

void TestTimelineView::rendersDemoCase()
{
    charts::TimelineSeries series = charts::TimelineSeries::build(m_demo, m_demoScope);
    series.alerts = charts::alertMarkers(m_case->db(), m_demo, m_demoScope);
    QVERIFY(!series.isEmpty());
    QVERIFY2(!series.alerts.empty(), "the demo case has alerts after a detection run");
    ui::TimelineView view;
    view.setData(series);
    showTimeline(view);
    QVERIFY(view.pane()->isShowingPlot());
    QCOMPARE(view.inflowBars()->dataCount(), int(series.buckets.size()));
    QCOMPARE(view.outflowBars()->dataCount(), int(series.buckets.size()));
    QCOMPARE(view.balanceGraph()->dataCount(), int(series.buckets.size()) + 1);
    // One marker per day with alerts starting.
    std::vector<std::int64_t> starts;
    for (const charts::AlertMarker &alert : series.alerts)
        starts.push_back(alert.windowStart);
    std::sort(starts.begin(), starts.end());
    int markers = 0;
    std::int64_t last = std::numeric_limits<std::int64_t>::min() / 2;
    for (const std::int64_t start : starts) {
        if (start - last >= 86400) {
            ++markers;
            last = start;
        }
    }
    QCOMPARE(view.alertGraph()->dataCount(), markers);
    QVERIFY(markers > 0 && markers <= int(series.alerts.size()));
    QCOMPARE(view.plot()->yAxis->label(), series.currency);
    const QImage image = view.grab().toImage();
    QVERIFY2(distinctColours(image) > 20, "the timeline is not blank");
    keepScreenshot(&view, QStringLiteral("timeline-demo"));
}

void TestTimelineView::alertsOfAnAccount()
{
    db::Statement select = m_case->db().prepare("SELECT x.account_id FROM alert_accounts x JOIN alerts a ON a.id = x.alert_id "
                                                "WHERE a.active = 1 ORDER BY a.score DESC LIMIT 1");
    QVERIFY(select.step());
    const std::int64_t accountId = select.int64(0);
    charts::ChartScope scope = m_demoScope;
    for (std::size_t a = 0; a < m_demo.accounts().size(); ++a) {
        if (m_demo.accounts()[a].id == accountId)
            scope.accounts.push_back(std::int32_t(a));
    }
    QCOMPARE(scope.accounts.size(), std::size_t(1));
    const std::vector<charts::AlertMarker> mine = charts::alertMarkers(m_case->db(), m_demo, scope);
    const std::vector<charts::AlertMarker> all = charts::alertMarkers(m_case->db(), m_demo, m_demoScope);
    QVERIFY(!mine.empty());
    QVERIFY(mine.size() <= all.size());
    for (std::size_t i = 1; i < mine.size(); ++i)
        QVERIFY(mine[i - 1].windowStart <= mine[i].windowStart);
}

void TestTimelineView::shiftDragSelectsRange()
{
    charts::ChartScope scope;
    scope.accounts = { 0 };
    ui::TimelineView view;
    view.setData(charts::TimelineSeries::build(m_small, scope));
    QCOMPARE(view.series().bucket, charts::TimeBucket::Day);
    QCOMPARE(view.series().buckets.size(), std::size_t(30));
    showTimeline(view);
    QCustomPlot *plot = view.plot();
    const QRect area = plot->axisRect()->rect();
    const QPoint from(area.left() + area.width() / 4, area.center().y());
    const QPoint to(area.left() + area.width() / 2, area.center().y());
    const QCPRange before = plot->xAxis->range();

    QSignalSpy selected(&view, &ui::TimelineView::rangeSelected);
    QTest::mousePress(plot, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(plot, (from + to) / 2);
    QTest::mouseMove(plot, to);
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::ShiftModifier, to);
    QCOMPARE(selected.count(), 1);
    const QDateTime start = selected.at(0).at(0).toDateTime();
    const QDateTime end = selected.at(0).at(1).toDateTime();
    QCOMPARE(start.toSecsSinceEpoch(), std::llround(plot->xAxis->pixelToCoord(from.x())));
    QCOMPARE(end.toSecsSinceEpoch(), std::llround(plot->xAxis->pixelToCoord(to.x())));
    // A quarter to half way through March 2023.
    QVERIFY(start.toSecsSinceEpoch() > kMarch1 && start < end && end.toSecsSinceEpoch() < kMarch1 + 30 * 86400);
    QCOMPARE(plot->xAxis->range(), before); // brushing does not pan
    QVERIFY(view.hasSelection());
    QVERIFY(view.selectionRect()->visible());
    QCOMPARE(view.selection().first, start);
    keepScreenshot(&view, QStringLiteral("timeline-brushed"));

    // In brush mode a plain drag brushes too.
    view.setBrushMode(true);
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, to);
    QTest::mouseMove(plot, from);
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, from);
    QCOMPARE(selected.count(), 2);
    QVERIFY(selected.at(1).at(0).toDateTime() < selected.at(1).at(1).toDateTime());
}

void TestTimelineView::escapeAndClickClearSelection()
{
    charts::ChartScope scope;
    ui::TimelineView view;
    view.setData(charts::TimelineSeries::build(m_small, scope));
    showTimeline(view);
    QSignalSpy cleared(&view, &ui::TimelineView::selectionCleared);
    view.setSelection(QDateTime::fromSecsSinceEpoch(kMarch1 + 5 * 86400), QDateTime::fromSecsSinceEpoch(kMarch1 + 9 * 86400));
    QVERIFY(view.hasSelection());
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(!view.hasSelection());
    QCOMPARE(cleared.count(), 1);

    view.setSelection(QDateTime::fromSecsSinceEpoch(kMarch1 + 5 * 86400), QDateTime::fromSecsSinceEpoch(kMarch1 + 9 * 86400));
    const QPoint at = view.plot()->axisRect()->rect().center();
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::ShiftModifier, at);
    QVERIFY(!view.hasSelection());
    QCOMPARE(cleared.count(), 2);
}

void TestTimelineView::plainDragPansTimeOnly()
{
    ui::TimelineView view;
    view.setData(charts::TimelineSeries::build(m_small, {}));
    showTimeline(view);
    QCustomPlot *plot = view.plot();
    const QCPRange x = plot->xAxis->range();
    const QCPRange y = plot->yAxis->range();
    QSignalSpy selected(&view, &ui::TimelineView::rangeSelected);
    const QPoint start = plot->axisRect()->rect().center();
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(plot, start + QPoint(150, 60));
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, start + QPoint(150, 60));
    QCOMPARE(selected.count(), 0);
    QVERIFY(plot->xAxis->range().lower < x.lower); // dragged right: earlier times come into view
    QCOMPARE(plot->yAxis->range(), y);
}

void TestTimelineView::wheelZoomsTimeOnly()
{
    ui::TimelineView view;
    view.setData(charts::TimelineSeries::build(m_small, {}));
    showTimeline(view);
    QCustomPlot *plot = view.plot();
    const QCPRange x = plot->xAxis->range();
    const QCPRange y = plot->yAxis->range();
    const QPointF at = plot->axisRect()->rect().center();
    QWheelEvent wheel(at, plot->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    QVERIFY(plot->xAxis->range().size() < x.size() * 0.9);
    QCOMPARE(plot->yAxis->range(), y);
    view.setRange(QDateTime::fromSecsSinceEpoch(kMarch1), QDateTime::fromSecsSinceEpoch(kMarch1 + 7 * 86400));
    QCOMPARE(plot->xAxis->range().lower, double(kMarch1));
    QCOMPARE(plot->xAxis->range().upper, double(kMarch1 + 7 * 86400));
}

void TestTimelineView::emptySelectionShowsMessage()
{
    charts::ChartScope scope;
    scope.currency = QStringLiteral("EUR");
    ui::TimelineView view;
    view.setData(charts::TimelineSeries::build(m_small, scope));
    showTimeline(view);
    QVERIFY(!view.pane()->isShowingPlot());
    QVERIFY(view.pane()->message().contains(QLatin1String("No transactions")));
    QVERIFY2(distinctColours(view.grab().toImage()) > 2, "the empty state shows a sentence, not a white pane");

    ui::DistributionsView distributions;
    distributions.resize(900, 600);
    distributions.show();
    QVERIFY(QTest::qWaitForWindowExposed(&distributions));
    const QList<ui::ChartPane *> panes = distributions.findChildren<ui::ChartPane *>();
    QCOMPARE(panes.size(), 3);
    for (const ui::ChartPane *pane : panes) {
        QVERIFY(!pane->isShowingPlot());
        QVERIFY(pane->message().contains(QLatin1String("No transactions")));
    }
}

void TestTimelineView::distributionsRender()
{
    // The rules of the case's last detection run: the bundled ones here.
    const charts::ReportingThreshold threshold = charts::ReportingThreshold::ofCase(m_case->db());
    QCOMPARE(threshold.amountMinor, 700'000'000);
    const charts::AmountHistogram histogram = charts::AmountHistogram::build(m_demo, m_demoScope, threshold);
    QCOMPARE(histogram.currency, QStringLiteral("KZT"));
    QVERIFY(histogram.thresholdApplies);
    const charts::HourHeatmap heatmap = charts::HourHeatmap::build(m_demo, m_demoScope);
    std::vector<charts::Breakdown> breakdowns;
    for (const auto by : { charts::BreakdownDimension::Channel, charts::BreakdownDimension::Country,
                           charts::BreakdownDimension::Counterparty })
        breakdowns.push_back(charts::Breakdown::build(m_demo, m_demoScope, by));

    ui::DistributionsView view;
    view.setData(histogram, heatmap, breakdowns);
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QVERIFY(view.thresholdLine()->visible());
    QCOMPARE(view.thresholdLine()->point1->coords().x(), 7'000'000.0);
    QVERIFY(view.thresholdLabel()->text().contains(QLatin1String("reporting threshold")));
    QCOMPARE(view.histogramGraph()->dataCount(), int(histogram.bins.size()) + 1);
    QCOMPARE(view.histogramPlot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(view.breakdownSelector()->count(), 3);
    view.showBreakdown(charts::BreakdownDimension::Counterparty);
    QCOMPARE(view.breakdownSelector()->currentText(), QStringLiteral("Counterparty"));
    QVERIFY(view.breakdownInBars()->dataCount() >= 2);
    QCOMPARE(view.heatmap()->data()->cell(10, 0), double(heatmap.counts[0][10]));
    view.logCountsBox()->setChecked(true);
    QCOMPARE(view.histogramPlot()->yAxis->scaleType(), QCPAxis::stLogarithmic);

    const char *names[] = { "distributions-histogram", "distributions-heatmap", "distributions-breakdown" };
    for (int tab = 0; tab < 3; ++tab) {
        view.tabs()->setCurrentIndex(tab);
        QApplication::processEvents();
        QVERIFY2(distinctColours(view.grab().toImage()) > 20, names[tab]);
        keepScreenshot(&view, QString::fromLatin1(names[tab]));
    }
}

QTEST_MAIN(TestTimelineView)
#include "TestTimelineView.moc"
