#include "GuiTestSupport.h"
#include "LinkChartView.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace fundtrace;
using test::distinctColours;
using ui::LinkChartView;

// Drives the link chart offscreen: it draws, fits, selects by click, zooms with the wheel, moves
// and pins a dragged node, and follows the tables' selection without echoing it back.
class TestLinkChartView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rendersNonBlank();
    void fitShowsEveryNode();
    void clickSelectsAndEmits();
    void shiftClickExtendsAndEmptyClickClears();
    void wheelZoomsAroundCursor();
    void dragMovesAndPinsNode();
    void setSelectedIdsEmitsNothing();
    void doubleClickActivates();
    void exportsWholeChart();

private:
    QPoint widgetPointOf(qint64 id) const;

    std::unique_ptr<LinkChartView> m_view;
};

namespace {

graph::GraphScene smallScene()
{
    const QStringList kinds { QStringLiteral("npo"), QStringLiteral("person"), QStringLiteral("person"),
                              QStringLiteral("organisation"), QStringLiteral("agent") };
    std::vector<graph::GraphNode> nodes;
    for (int i = 0; i < kinds.size(); ++i) {
        graph::GraphNode node;
        node.id = 10 + i;
        node.kind = kinds[i];
        node.label = QStringLiteral("Party %1").arg(10 + i);
        node.marks.alerts = i == 1 ? 2 : 0;
        node.marks.risk = i == 1 ? 80 : 10;
        nodes.push_back(node);
    }
    std::vector<graph::GraphEdge> edges;
    for (const auto &[from, to] : { std::pair { 0, 1 }, std::pair { 0, 2 }, std::pair { 1, 3 }, std::pair { 2, 3 }, std::pair { 3, 4 } }) {
        graph::GraphEdge edge;
        edge.from = from;
        edge.to = to;
        edge.weight = 1000.0 * (from + 1);
        edge.count = 2;
        edge.totals = { { QStringLiteral("KZT"), std::int64_t(edge.weight * 100) } };
        edges.push_back(edge);
    }
    auto graph = graph::FlowGraph::fromParts(graph::NodeMode::Subjects, std::move(nodes), std::move(edges), QStringLiteral("KZT"));
    return graph::GraphScene(std::move(graph),
                             { QPointF(0, 0), QPointF(250, -150), QPointF(250, 150), QPointF(500, 0), QPointF(750, 0) });
}

} // namespace

void TestLinkChartView::init()
{
    m_view = std::make_unique<LinkChartView>();
    m_view->resize(800, 500);
    m_view->setScene(smallScene());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestLinkChartView::cleanup()
{
    m_view.reset();
}

QPoint TestLinkChartView::widgetPointOf(qint64 id) const
{
    const std::int32_t index = m_view->scene().graph().indexOf(id);
    return m_view->mapFromScene(m_view->scene().position(index)).toPoint();
}

void TestLinkChartView::rendersNonBlank()
{
    const QImage image = m_view->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY2(distinctColours(image) > 6, qPrintable(QString::number(distinctColours(image))));
    test::keepScreenshot(m_view.get(), QStringLiteral("link-chart-view"));
}

void TestLinkChartView::fitShowsEveryNode()
{
    m_view->zoomBy(6, QPointF(10, 10)); // far off
    m_view->fitToView();
    for (qint64 id = 10; id < 15; ++id)
        QVERIFY2(m_view->rect().contains(widgetPointOf(id)), qPrintable(QString::number(id)));
}

void TestLinkChartView::clickSelectsAndEmits()
{
    QSignalSpy spy(m_view.get(), &LinkChartView::selectionChanged);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, widgetPointOf(12));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QList<qint64>>(), QList<qint64> { 12 });
    QCOMPARE(m_view->selectedIds(), QList<qint64> { 12 });
}

void TestLinkChartView::shiftClickExtendsAndEmptyClickClears()
{
    QSignalSpy spy(m_view.get(), &LinkChartView::selectionChanged);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, widgetPointOf(10));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, Qt::ShiftModifier, widgetPointOf(13));
    QCOMPARE(m_view->selectedIds(), (QList<qint64> { 10, 13 }));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, widgetPointOf(13));
    QCOMPARE(m_view->selectedIds(), QList<qint64> { 13 }); // a plain click narrows to one
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(m_view->selectedIds().isEmpty());
    QCOMPARE(spy.count(), 4);
}

void TestLinkChartView::wheelZoomsAroundCursor()
{
    const double before = m_view->zoom();
    const QPoint at = widgetPointOf(13);
    QWheelEvent wheel(at, m_view->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    QVERIFY(m_view->zoom() > before * 1.1);
    // The node under the cursor stays under it.
    QVERIFY((widgetPointOf(13) - at).manhattanLength() <= 2);
}

void TestLinkChartView::dragMovesAndPinsNode()
{
    QSignalSpy moved(m_view.get(), &LinkChartView::nodeMoved);
    const QPoint from = widgetPointOf(14);
    const QPoint to = from + QPoint(-40, 60);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view.get(), from + QPoint(-20, 30));
    QTest::mouseMove(m_view.get(), to);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, to);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(0).toLongLong(), qint64(14));
    QVERIFY((widgetPointOf(14) - to).manhattanLength() <= 2);
    QCOMPARE(m_view->pinnedIds(), QList<qint64> { 14 });
    const std::int32_t index = m_view->scene().graph().indexOf(14);
    QCOMPARE(m_view->pinnedPositions()[std::size_t(index)], m_view->positions()[std::size_t(index)]);
}

void TestLinkChartView::setSelectedIdsEmitsNothing()
{
    QSignalSpy spy(m_view.get(), &LinkChartView::selectionChanged);
    m_view->setSelectedIds({ 11, 14, 999 });
    QCOMPARE(spy.count(), 0);
    QCOMPARE(m_view->selectedIds(), (QList<qint64> { 11, 14 }));
}

void TestLinkChartView::doubleClickActivates()
{
    QSignalSpy spy(m_view.get(), &LinkChartView::nodeActivated);
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, widgetPointOf(11));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), qint64(11));
}

void TestLinkChartView::exportsWholeChart()
{
    QTemporaryDir dir;
    QString error;
    m_view->zoomBy(5, QPointF(0, 0)); // what is in view does not matter
    QVERIFY2(m_view->exportTo(dir.filePath(QStringLiteral("chart.png")), &error), qPrintable(error));
    QImage image(dir.filePath(QStringLiteral("chart.png")));
    QVERIFY(!image.isNull());
    QVERIFY(!m_view->exportTo(dir.filePath(QStringLiteral("chart.bmp")), &error));
    QVERIFY(error.contains(QStringLiteral(".png, .svg or .pdf")));
}

QTEST_MAIN(TestLinkChartView)
#include "TestLinkChartView.moc"
