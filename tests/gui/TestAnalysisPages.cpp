#include "GuiTestSupport.h"
#include "ActivityPanel.h"
#include "AnalysisPages.h"
#include "DistributionsView.h"
#include "FilterPanel.h"
#include "GraphMetricsModel.h"
#include "LinkChartPanel.h"
#include "LinkChartView.h"
#include "MainWindow.h"
#include "SubjectTableModel.h"
#include "SubjectsPanel.h"
#include "TimelineView.h"
#include "TraceView.h"
#include "db/CaseFile.h"
#include "db/Statement.h"
#include "demo/DemoCaseBuilder.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPointer>
#include <QMenu>
#include <QSet>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <qcustomplot.h>

using namespace fundtrace;

// The analysis pages on the demo case, as an investigator reaches them from the main window: the
// link chart (whole case, from a subject, hide, expand, saved views, export), follow the money
// and the activity page, whose brushed period filters the transactions.
class TestAnalysisPages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void actionsNeedACase();
    void drawsWholeCase();
    void editsAndSavesView();
    void exportsChart();
    void selectionFollowsSubjectsDock();
    void selectsStrongestPath();
    void showsActivityAndFiltersByPeriod();
    void tracesFromSubject();

private:
    ui::AnalysisPages *pages() const { return m_window->analysisPages(); }
    ui::LinkChartPanel *chartFor(const QList<qint64> &subjects);

    QTemporaryDir m_dir;
    QString m_casePath;
    qint64 m_npo = 0;
    QString m_npoName;
    std::unique_ptr<ui::MainWindow> m_window;
};

namespace {

using fundtrace::test::keepScreenshot;
using fundtrace::test::distinctColours;

bool chartDone(const ui::LinkChartPanel *panel)
{
    return panel->hasChart() && !panel->isBusy();
}

} // namespace

void TestAnalysisPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const demo::DemoCaseReport report = demo::buildDemoCase(m_dir.path());
    QVERIFY(report.allImported);
    m_casePath = report.casePath;
    // The demo's charity: the story's collection point (see docs/demo-case.md).
    db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
    db::Statement npo = caseFile.db().prepare(
            "SELECT s.id, s.display_name FROM subjects s WHERE s.kind = 'npo' AND s.merged_into IS NULL "
            "AND EXISTS (SELECT 1 FROM accounts a WHERE a.subject_id = s.id) ORDER BY s.id LIMIT 1");
    QVERIFY(npo.step());
    m_npo = npo.int64(0);
    m_npoName = npo.qtext(1);
}

void TestAnalysisPages::init()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setInteractive(false);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAnalysisPages::cleanup()
{
    m_window.reset();
}

ui::LinkChartPanel *TestAnalysisPages::chartFor(const QList<qint64> &subjects)
{
    pages()->showSubjectsInLinkChart(subjects);
    ui::LinkChartPanel *panel = pages()->linkChart();
    if (!panel || !QTest::qWaitFor([panel] { return chartDone(panel); }, 30000))
        return nullptr;
    return panel;
}

void TestAnalysisPages::actionsNeedACase()
{
    for (QAction *action : { pages()->linkChartAction(), pages()->traceAction(), pages()->activityAction() }) {
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(!action->isEnabled());
    }
    QVERIFY(m_window->openCase(m_casePath));
    for (QAction *action : { pages()->linkChartAction(), pages()->traceAction(), pages()->activityAction() })
        QVERIFY(action->isEnabled());

    // Before a chart is asked for, the page says how to start instead of showing an empty pane.
    pages()->linkChartAction()->trigger();
    QVERIFY(pages()->linkChart());
    QCOMPARE(m_window->centralTabs()->currentWidget(), pages()->linkChart());
    QVERIFY(!pages()->linkChart()->hasChart());
    QVERIFY(distinctColours(pages()->linkChart()->grab().toImage()) > 20);

    // Closing the case closes its pages.
    const QPointer<ui::LinkChartPanel> page = pages()->linkChart();
    m_window->closeCase();
    QVERIFY(!pages()->linkChart());
    QTRY_VERIFY(page.isNull());
}

void TestAnalysisPages::drawsWholeCase()
{
    QVERIFY(m_window->openCase(m_casePath));
    ui::LinkChartPanel *panel = pages()->openLinkChart();
    panel->showWholeCase();
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(panel), 30000);
    const graph::FlowGraph &graph = panel->chart()->graph;
    QVERIFY2(graph.nodes().size() > 20, qPrintable(QString::number(graph.nodes().size())));
    QVERIFY(graph.edges().size() > 20);
    QCOMPARE(panel->metricsTable()->model()->rowCount(), int(graph.nodes().size()));
    QVERIFY(panel->chart()->metrics.communities >= 1);
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("link-chart-window"));
    const int colours = distinctColours(panel->view()->grab().toImage());
    QVERIFY2(colours > 50, qPrintable(QStringLiteral("only %1 colours").arg(colours)));
}

void TestAnalysisPages::editsAndSavesView()
{
    QVERIFY(m_window->openCase(m_casePath));
    ui::LinkChartPanel *panel = chartFor({ m_npo });
    QVERIFY(panel && panel->hasChart());
    const graph::FlowGraph &graph = panel->chart()->graph;
    const std::int32_t npo = graph.indexOf(m_npo);
    QVERIFY(npo >= 0);
    QVERIFY(graph.nodes()[std::size_t(npo)].seed);
    const std::size_t before = graph.nodes().size();
    QVERIFY(before >= 3);
    keepScreenshot(m_window.get(), QStringLiteral("link-chart-npo"));

    // Hide a neighbour: it is gone and every other node keeps its place.
    qint64 hidden = 0;
    for (const graph::GraphNode &node : graph.nodes()) {
        if (!node.seed) {
            hidden = node.id;
            break;
        }
    }
    const QPointF npoAt = panel->chart()->positions[std::size_t(npo)];
    const QPointF hiddenAt = panel->chart()->positions[std::size_t(graph.indexOf(hidden))];
    panel->view()->setView(hiddenAt, 1.0);
    QTest::mouseClick(panel->view(), Qt::LeftButton, {}, panel->view()->mapFromScene(hiddenAt).toPoint());
    QCOMPARE(panel->view()->selectedIds(), QList<qint64> { hidden });
    m_window->activateWindow();
    panel->view()->setFocus();
    QTest::keyClick(panel->view(), Qt::Key_Delete); // the page's shortcut
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(panel) && panel->chart()->graph.indexOf(hidden) < 0, 30000);
    const std::int32_t npoAfter = panel->chart()->graph.indexOf(m_npo);
    QCOMPARE(panel->chart()->positions[std::size_t(npoAfter)], npoAt);
    QCOMPARE(panel->chart()->laidOut, 0);

    // Two payers drawn as one group, then apart again.
    std::vector<qint64> payers;
    for (const graph::GraphNode &node : panel->chart()->graph.nodes()) {
        if (!node.seed && payers.size() < 2)
            payers.push_back(node.id);
    }
    QCOMPARE(payers.size(), std::size_t(2));
    const std::size_t ungrouped = panel->chart()->graph.nodes().size();
    QVERIFY(panel->groupNodes({ payers[0], payers[1] }, QStringLiteral("Two payers")));
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(panel) && panel->chart()->graph.indexOf(-1) >= 0, 30000);
    QCOMPARE(panel->chart()->graph.nodes().size(), ungrouped - 1);
    QCOMPARE(panel->chart()->graph.nodes()[std::size_t(panel->chart()->graph.indexOf(-1))].label, QStringLiteral("Two payers"));
    QCOMPARE(panel->chart()->graph.indexOf(payers[0]), -1);
    QVERIFY(panel->ungroup({ -1 }));
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(panel) && panel->chart()->graph.indexOf(payers[0]) >= 0, 30000);
    QCOMPARE(panel->chart()->graph.nodes().size(), ungrouped);
    QCOMPARE(panel->chart()->graph.indexOf(-1), -1);

    // Saved in the case and opened again: the same nodes at the same places.
    QVERIFY(panel->saveView(QStringLiteral("NPO and its payers")));
    QVERIFY(panel->savedViews().contains(QStringLiteral("NPO and its payers")));
    const std::vector<QPointF> positions = panel->chart()->positions;
    const std::size_t nodes = panel->chart()->graph.nodes().size();
    panel->showWholeCase();
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(panel) && panel->chart()->graph.nodes().size() != nodes, 30000);
    QVERIFY(panel->openView(QStringLiteral("NPO and its payers")));
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(panel) && panel->chart()->graph.nodes().size() == nodes, 30000);
    QCOMPARE(panel->chart()->positions, positions);
    QCOMPARE(panel->chart()->graph.indexOf(hidden), -1);
}

void TestAnalysisPages::exportsChart()
{
    QVERIFY(m_window->openCase(m_casePath));
    ui::LinkChartPanel *panel = chartFor({ m_npo });
    QVERIFY(panel && panel->hasChart());
    const QString png = QDir(m_dir.path()).filePath(QStringLiteral("chart.png"));
    const QString svg = QDir(m_dir.path()).filePath(QStringLiteral("chart.svg"));
    const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("chart.pdf"));
    QString error;
    QVERIFY2(panel->exportChart(png, &error), qPrintable(error));
    QVERIFY2(panel->exportChart(svg, &error), qPrintable(error));
    QVERIFY2(panel->exportChart(pdf, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(distinctColours(image) > 20);
    QVERIFY(QSvgRenderer(svg).isValid());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY(bytes.contains("/Type /Page"));
    QVERIFY(!panel->exportChart(QDir(m_dir.path()).filePath(QStringLiteral("chart.doc")), &error));
    QVERIFY(!error.isEmpty());
}

void TestAnalysisPages::selectionFollowsSubjectsDock()
{
    QVERIFY(m_window->openCase(m_casePath));
    ui::LinkChartPanel *panel = chartFor({ m_npo });
    QVERIFY(panel && panel->hasChart());
    // Selecting the charity on the chart selects its row in the Subjects dock, once loaded.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->subjectsPanel()->model()->rowCount() > 0, 30000);
    panel->view()->setSelectedIds({ m_npo });
    emit panel->view()->selectionChanged({ m_npo }); // as a click does
    QCOMPARE(m_window->subjectsPanel()->selectedSubjects(), QVector<std::int64_t> { m_npo });
    // And the chart's node table follows the chart.
    const QModelIndexList rows = panel->metricsTable()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.front().data(ui::GraphMetricsModel::kNodeIdRole).toLongLong(), m_npo);
}

void TestAnalysisPages::selectsStrongestPath()
{
    QVERIFY(m_window->openCase(m_casePath));
    ui::LinkChartPanel *panel = chartFor({ m_npo });
    QVERIFY(panel && panel->hasChart());
    const graph::FlowGraph &graph = panel->chart()->graph;
    const std::int32_t npo = graph.indexOf(m_npo);
    qint64 paid = 0;
    for (const graph::GraphEdge &edge : graph.edges()) {
        if (edge.from == npo) {
            paid = graph.nodes()[std::size_t(edge.to)].id;
            break;
        }
    }
    QVERIFY(paid != 0);
    panel->view()->setSelectedIds({ m_npo, paid });
    QVERIFY(panel->selectStrongestPath());
    const QList<qint64> trail = panel->view()->selectedIds();
    QVERIFY(trail.size() >= 2);
    QVERIFY(trail.contains(m_npo) && trail.contains(paid));
    // It takes exactly two ends.
    panel->view()->setSelectedIds({ m_npo });
    QVERIFY(!panel->selectStrongestPath());

    // Only cash: the charity's bank transfers leave the chart; the last channel cannot be unchecked.
    auto *channels = panel->findChild<QToolButton *>(QStringLiteral("linkChartChannels"));
    QVERIFY(channels && channels->menu());
    const std::size_t flowsBefore = panel->chart()->graph.edges().size();
    for (QAction *choice : channels->menu()->actions()) {
        if (choice->text() != u"cash")
            choice->setChecked(false);
    }
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(panel) && panel->currentView().filter.channels.size() == 1, 30000);
    QCOMPARE(panel->currentView().filter.channels.front(), detect::Channel::Cash);
    QVERIFY(panel->chart()->graph.edges().size() < flowsBefore);
    for (QAction *choice : channels->menu()->actions())
        choice->setChecked(false);
    const QList<QAction *> choices = channels->menu()->actions();
    QCOMPARE(std::count_if(choices.begin(), choices.end(), [](const QAction *a) { return a->isChecked(); }), 1);
}

void TestAnalysisPages::showsActivityAndFiltersByPeriod()
{
    QVERIFY(m_window->openCase(m_casePath));
    ui::LinkChartPanel *chart = chartFor({ m_npo });
    QVERIFY(chart && chart->hasChart());
    pages()->showActivity({ m_npo }, m_npoName);
    ui::ActivityPanel *activity = pages()->activity();
    QVERIFY(activity);
    QTRY_VERIFY_WITH_TIMEOUT(!activity->isLoading() && !activity->timeline()->series().isEmpty(), 30000);
    QVERIFY(activity->timeline()->inflowBars()->data()->size() > 0);
    QVERIFY(activity->distributions()->histogramGraph()->data()->size() > 0);
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("activity-window"));
    QVERIFY(distinctColours(activity->grab().toImage()) > 50);

    // A period brushed on the timeline narrows the transactions table to those days.
    const QDateTime from(QDate(2024, 3, 1), QTime(0, 0), QTimeZone::utc());
    const QDateTime to(QDate(2024, 4, 1), QTime(0, 0), QTimeZone::utc());
    emit activity->timeline()->rangeSelected(from, to);
    const query::TransactionFilter filter = m_window->filterPanel()->filter();
    QVERIFY(filter.fromUtc.has_value());
    QVERIFY(filter.toUtc.has_value());
    QVERIFY(*filter.fromUtc <= from.toSecsSinceEpoch());
    QVERIFY(*filter.toUtc >= to.toSecsSinceEpoch() - 86400);
    // ... and the link chart to the transfers of that period.
    QTRY_VERIFY_WITH_TIMEOUT(chartDone(chart) && chart->currentView().filter.from > 0, 30000);
    QCOMPARE(chart->currentView().filter.from, from.toSecsSinceEpoch());
    emit activity->timeline()->selectionCleared();
    QVERIFY(!m_window->filterPanel()->filter().fromUtc.has_value());
}

void TestAnalysisPages::tracesFromSubject()
{
    QVERIFY(m_window->openCase(m_casePath));
    pages()->traceFromSubject(m_npo);
    ui::TraceView *trace = pages()->trace();
    QVERIFY(trace);
    QCOMPARE(m_window->centralTabs()->currentWidget(), trace);
    QTRY_VERIFY_WITH_TIMEOUT(trace->hasResult() && !trace->isRunning(), 30000);
    QVERIFY(trace->pathsView()->model()->rowCount() > 0);
    keepScreenshot(m_window.get(), QStringLiteral("trace-window"));
}

QTEST_MAIN(TestAnalysisPages)
#include "TestAnalysisPages.moc"
