#include "graph/GraphScene.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace fundtrace::graph;

// What the link chart asks its scene on every frame and every click: which node or edge is under
// the cursor, what is in view, and what hidden nodes and moves change. Checked against a brute
// force walk over a random graph, and on a small hand-made one.
class TestGraphScene : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hitsNodesAndEdges();
    void hiddenNodesAreNeitherDrawnNorHit();
    void movesAreSeenByTheNextQuery();
    void gridsAgreeWithBruteForce();
    void movedNodesAreFoundWhereTheyAre_data();
    void movedNodesAreFoundWhereTheyAre();
    void selectionAndPins();
};

namespace {

// A triangle: 0 -> 1 along the x axis, 1 -> 2 straight down, 2 -> 0 back.
GraphScene chain()
{
    std::vector<GraphNode> nodes(3);
    for (int i = 0; i < 3; ++i) {
        nodes[std::size_t(i)].id = 10 + i;
        nodes[std::size_t(i)].label = QStringLiteral("node %1").arg(i);
        nodes[std::size_t(i)].kind = QStringLiteral("person");
    }
    std::vector<GraphEdge> edges;
    for (const auto &[from, to] : { std::pair { 0, 1 }, std::pair { 1, 2 }, std::pair { 2, 0 } }) {
        GraphEdge e;
        e.from = from;
        e.to = to;
        e.weight = 1000;
        e.count = 1;
        edges.push_back(e);
    }
    return GraphScene(FlowGraph::fromParts(NodeMode::Subjects, std::move(nodes), std::move(edges), QStringLiteral("KZT")),
                      { QPointF(0, 0), QPointF(300, 0), QPointF(300, 400) });
}

// `nodes` nodes scattered over a square of half-side `spread`, joined by up to `edges` random
// flows (loops left out); `positions` gets where each node stands.
GraphScene randomScene(int nodes, int edges, double spread, unsigned seed, std::vector<QPointF> &positions)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> coordinate(-spread, spread);
    std::uniform_int_distribution<int> pick(0, nodes - 1);
    std::vector<GraphNode> graphNodes(static_cast<std::size_t>(nodes));
    positions.clear();
    for (std::size_t i = 0; i < graphNodes.size(); ++i) {
        graphNodes[i].id = std::int64_t(i) + 1;
        graphNodes[i].kind = QStringLiteral("person");
        positions.emplace_back(coordinate(random), coordinate(random));
    }
    std::vector<GraphEdge> graphEdges;
    for (int i = 0; i < edges; ++i) {
        GraphEdge e;
        e.from = pick(random);
        e.to = pick(random);
        e.weight = 100 + i;
        if (e.from != e.to)
            graphEdges.push_back(e);
    }
    return GraphScene(FlowGraph::fromParts(NodeMode::Subjects, std::move(graphNodes), std::move(graphEdges),
                                           QStringLiteral("KZT")),
                      positions);
}

} // namespace

void TestGraphScene::hitsNodesAndEdges()
{
    const GraphScene scene = chain();
    QCOMPARE(scene.nodeAt(QPointF(2, 3)), 0);
    QCOMPARE(scene.nodeAt(QPointF(301, -4)), 1);
    QCOMPARE(scene.nodeAt(QPointF(150, 120)), -1);
    // Between nodes 0 and 1, on the edge that joins them.
    QCOMPARE(scene.edgeAt(QPointF(150, 0), 4), 0);
    QCOMPARE(scene.nodesIn(QRectF(-10, -10, 320, 20)), (std::vector<std::int32_t> { 0, 1 }));
    QVERIFY(scene.boundingRect().contains(QRectF(0, 0, 300, 400)));
}

void TestGraphScene::hiddenNodesAreNeitherDrawnNorHit()
{
    GraphScene scene = chain();
    scene.setHidden(1, true);
    QCOMPARE(scene.nodeAt(QPointF(300, 0)), -1);
    QVERIFY(!scene.isEdgeDrawn(0));
    QVERIFY(!scene.isEdgeDrawn(1));
    QVERIFY(scene.isEdgeDrawn(2));
    std::vector<std::int32_t> nodes;
    scene.collectNodes(QRectF(-50, -50, 700, 500), nodes);
    std::sort(nodes.begin(), nodes.end());
    QCOMPARE(nodes, (std::vector<std::int32_t> { 0, 2 }));
}

void TestGraphScene::movesAreSeenByTheNextQuery()
{
    GraphScene scene = chain();
    const std::uint64_t before = scene.revision();
    QCOMPARE(scene.nodeAt(QPointF(300, 0)), 1); // builds the grids
    scene.setPosition(1, QPointF(300, 900));
    QVERIFY(scene.revision() != before);
    QCOMPARE(scene.nodeAt(QPointF(300, 0)), -1);
    QCOMPARE(scene.nodeAt(QPointF(300, 900)), 1);
    QCOMPARE(scene.edgeAt(QPointF(150, 450), 4), 0); // the edge 0 -> 1 moved with it
}

void TestGraphScene::gridsAgreeWithBruteForce()
{
    std::vector<QPointF> positions;
    const GraphScene scene = randomScene(2000, 6000, 5000, 7, positions);
    const std::size_t edgeCount = std::size_t(scene.edgeCount());
    const QRectF view(-1200, -800, 2100, 1500);
    std::vector<std::int32_t> inView;
    scene.collectNodes(view, inView);
    for (std::int32_t n = 0; n < scene.nodeCount(); ++n) {
        const bool expected = view.contains(positions[std::size_t(n)]);
        const bool found = std::find(inView.begin(), inView.end(), n) != inView.end();
        // The grid may offer a few nodes just outside (whole cells); it must never miss one.
        if (expected)
            QVERIFY2(found, qPrintable(QStringLiteral("node %1 in view but not collected").arg(n)));
    }
    std::vector<std::int32_t> edgesInView;
    scene.collectEdges(view, edgesInView);
    for (std::size_t e = 0; e < edgeCount; ++e) {
        const GraphEdge &edge = scene.graph().edges()[e];
        QPointF a = positions[std::size_t(edge.from)], b = positions[std::size_t(edge.to)];
        if (GraphScene::clipSegment(a, b, view))
            QVERIFY2(std::find(edgesInView.begin(), edgesInView.end(), std::int32_t(e)) != edgesInView.end(),
                     qPrintable(QStringLiteral("edge %1 crosses the view but was not collected").arg(e)));
    }
    for (std::int32_t n = 0; n < 50; ++n)
        QCOMPARE(scene.nodeAt(positions[std::size_t(n)]) >= 0, true);
}

// A drag moves a few nodes without rebuilding the grids; a large selection dragged rebuilds them.
// Either way every query must see the nodes and edges where they are now.
void TestGraphScene::movedNodesAreFoundWhereTheyAre_data()
{
    QTest::addColumn<int>("moved");
    QTest::newRow("a few, looked at directly") << 12;
    QTest::newRow("many, grids rebuilt") << 400;
}

void TestGraphScene::movedNodesAreFoundWhereTheyAre()
{
    QFETCH(int, moved);
    std::vector<QPointF> positions;
    GraphScene scene = randomScene(1000, 3000, 4000, 11, positions);
    std::vector<std::int32_t> found;
    scene.collectNodes(QRectF(-10, -10, 20, 20), found); // builds the grids
    const QPointF before = positions[0];
    // Moved far outside where the grids were built, step by step as a drag does.
    for (int m = 0; m < moved; ++m) {
        const std::int32_t node = std::int32_t(m * 2);
        for (int step = 1; step <= 3; ++step) {
            positions[std::size_t(node)] = QPointF(9000 + m * 40, -9000 + step * 7);
            scene.setPosition(node, positions[std::size_t(node)]);
        }
    }
    for (int m = 0; m < moved; ++m) {
        const std::int32_t node = std::int32_t(m * 2);
        QCOMPARE(scene.nodeAt(positions[std::size_t(node)]), node);
    }
    const QRectF view(8900, -9100, 200, 200);
    scene.collectNodes(view, found);
    std::sort(found.begin(), found.end());
    std::vector<std::int32_t> expected;
    for (std::int32_t n = 0; n < scene.nodeCount(); ++n)
        if (view.adjusted(-GraphScene::kBaseRadius, -GraphScene::kBaseRadius, GraphScene::kBaseRadius, GraphScene::kBaseRadius)
                    .contains(positions[std::size_t(n)]))
            expected.push_back(n);
    QCOMPARE(found, expected);
    std::vector<std::int32_t> edgesInView;
    scene.collectEdges(view, edgesInView);
    for (std::int32_t e = 0; e < scene.edgeCount(); ++e) {
        const GraphEdge &edge = scene.graph().edges()[std::size_t(e)];
        QPointF a = positions[std::size_t(edge.from)], b = positions[std::size_t(edge.to)];
        const bool crosses = view.contains(a) || view.contains(b) || GraphScene::clipSegment(a, b, view);
        const bool collected = std::find(edgesInView.begin(), edgesInView.end(), e) != edgesInView.end();
        QCOMPARE(collected, crosses);
    }
    // The first moved node is no longer found where it was.
    QVERIFY(scene.nodeAt(before) != 0);
}

void TestGraphScene::selectionAndPins()
{
    GraphScene scene = chain();
    QVERIFY(!scene.hasSelection());
    scene.setSelected(0, true);
    scene.setSelected(2, true);
    QCOMPARE(scene.selectedNodes(), (std::vector<std::int32_t> { 0, 2 }));
    scene.clearSelection();
    QVERIFY(!scene.hasSelection());
    scene.setPinned(1, true);
    const std::vector<QPointF> pinned = scene.pinnedPositions();
    QVERIFY(std::isnan(pinned[0].x()));
    QCOMPARE(pinned[1], QPointF(300, 0));
}

QTEST_GUILESS_MAIN(TestGraphScene)
#include "TestGraphScene.moc"
