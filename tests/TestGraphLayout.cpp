#include "graph/GraphLayout.h"

#include <QSet>
#include <QTest>
#include <cmath>
#include <limits>

using namespace fundtrace::graph;

Q_DECLARE_METATYPE(fundtrace::graph::LayoutKind)

// Layouts of small hand-made flow graphs: repeatable with a seed, money trails left to right,
// groups on their own circles, pinned nodes kept, cancellation honoured.
class TestGraphLayout : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSamePositions_data();
    void sameSeedSamePositions();
    void differentSeedMovesForceLayout();
    void positionsFiniteAndSpread_data();
    void positionsFiniteAndSpread();
    void forceSpacesNeighbours();
    void layeredPutsHopsInColumns();
    void layeredByTimeFollowsTheMoney();
    void layeredWithoutSeedsStartsAtPayers();
    void layeredWrapsTallColumns();
    void circularPutsGroupsOnSeparateCircles();
    void pinnedNodesStay_data();
    void pinnedNodesStay();
    void cancelThrows_data();
    void cancelThrows();
    void layoutNamesRoundTrip();
};

namespace {

GraphNode node(std::int64_t id, const QString &kind, int hop = 0, bool seed = false)
{
    GraphNode n;
    n.id = id;
    n.label = QStringLiteral("Node %1").arg(id);
    n.kind = kind;
    n.hop = hop;
    n.seed = seed;
    return n;
}

GraphEdge edge(std::int32_t from, std::int32_t to, double weight, std::int64_t firstAt = 0)
{
    GraphEdge e;
    e.from = from;
    e.to = to;
    e.weight = weight;
    e.count = 1;
    e.totals = { { QStringLiteral("KZT"), std::int64_t(weight * 100) } };
    e.firstAt = firstAt;
    e.lastAt = firstAt;
    return e;
}

// A seed paying two layers of receivers, one payer into the seed and a small ring.
FlowGraph sampleGraph()
{
    std::vector<GraphNode> nodes { node(1, QStringLiteral("npo"), 0, true), node(2, QStringLiteral("person"), 1),
                                   node(3, QStringLiteral("organisation"), 1), node(4, QStringLiteral("person"), 2),
                                   node(5, QStringLiteral("agent"), 2), node(6, QStringLiteral("unknown"), 1),
                                   node(7, QStringLiteral("institution"), 3), node(8, QStringLiteral("person"), 2) };
    std::vector<GraphEdge> edges { edge(0, 1, 5000), edge(0, 2, 120000), edge(1, 3, 800), edge(2, 4, 90000),
                                   edge(5, 0, 300000), edge(4, 6, 45000), edge(3, 6, 700), edge(2, 7, 1500),
                                   edge(7, 2, 200) };
    return FlowGraph::fromParts(NodeMode::Subjects, std::move(nodes), std::move(edges), QStringLiteral("KZT"));
}

std::vector<QPointF> freePins(std::size_t n)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return std::vector<QPointF>(n, QPointF(nan, nan));
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

void TestGraphLayout::sameSeedSamePositions_data()
{
    QTest::addColumn<LayoutKind>("kind");
    QTest::newRow("force") << LayoutKind::Force;
    QTest::newRow("layered") << LayoutKind::Layered;
    QTest::newRow("circular") << LayoutKind::Circular;
}

void TestGraphLayout::sameSeedSamePositions()
{
    QFETCH(LayoutKind, kind);
    const FlowGraph graph = sampleGraph();
    LayoutRequest request;
    request.kind = kind;
    request.seed = 7;
    const std::vector<QPointF> first = GraphLayout::compute(graph, request);
    const std::vector<QPointF> second = GraphLayout::compute(graph, request);
    QCOMPARE(first.size(), graph.nodes().size());
    QVERIFY(first == second);
}

void TestGraphLayout::differentSeedMovesForceLayout()
{
    const FlowGraph graph = sampleGraph();
    LayoutRequest request;
    request.seed = 7;
    const std::vector<QPointF> first = GraphLayout::compute(graph, request);
    request.seed = 8;
    const std::vector<QPointF> second = GraphLayout::compute(graph, request);
    QVERIFY(first != second);
}

void TestGraphLayout::positionsFiniteAndSpread_data()
{
    sameSeedSamePositions_data();
}

void TestGraphLayout::positionsFiniteAndSpread()
{
    QFETCH(LayoutKind, kind);
    const FlowGraph graph = sampleGraph();
    LayoutRequest request;
    request.kind = kind;
    const std::vector<QPointF> positions = GraphLayout::compute(graph, request);
    for (const QPointF &p : positions)
        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
    // No two nodes on the same spot.
    for (std::size_t i = 0; i < positions.size(); ++i) {
        for (std::size_t j = i + 1; j < positions.size(); ++j)
            QVERIFY2(distance(positions[i], positions[j]) > 10, qPrintable(QStringLiteral("nodes %1 and %2 overlap").arg(i).arg(j)));
    }
}

void TestGraphLayout::forceSpacesNeighbours()
{
    const FlowGraph graph = sampleGraph();
    const std::vector<QPointF> positions = GraphLayout::compute(graph, LayoutRequest {});
    std::vector<double> lengths;
    for (const GraphEdge &e : graph.edges())
        lengths.push_back(distance(positions[std::size_t(e.from)], positions[std::size_t(e.to)]));
    std::sort(lengths.begin(), lengths.end());
    const double median = lengths[lengths.size() / 2];
    QVERIFY2(median > 60 && median < 160, qPrintable(QString::number(median)));
}

void TestGraphLayout::layeredPutsHopsInColumns()
{
    const FlowGraph graph = sampleGraph();
    LayoutRequest request;
    request.kind = LayoutKind::Layered;
    const std::vector<QPointF> positions = GraphLayout::compute(graph, request);
    // Every node with hop k shares one column, and columns grow to the right with k.
    QHash<int, double> columnOfHop;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const int hop = graph.nodes()[i].hop;
        if (!columnOfHop.contains(hop))
            columnOfHop.insert(hop, positions[i].x());
        QCOMPARE(positions[i].x(), columnOfHop.value(hop));
    }
    QVERIFY(columnOfHop.value(0) < columnOfHop.value(1));
    QVERIFY(columnOfHop.value(1) < columnOfHop.value(2));
    QVERIFY(columnOfHop.value(2) < columnOfHop.value(3));
    for (const QPointF &p : positions)
        QVERIFY(p.x() >= columnOfHop.value(0)); // the seed is leftmost
}

void TestGraphLayout::layeredByTimeFollowsTheMoney()
{
    // A pays B, B pays C, C pays D, in that order in time; E, which receives nothing, pays D last.
    std::vector<GraphNode> nodes;
    for (int i = 1; i <= 5; ++i)
        nodes.push_back(node(i, QStringLiteral("person")));
    std::vector<GraphEdge> edges { edge(0, 1, 100, 1000), edge(1, 2, 90, 2000), edge(2, 3, 80, 3000), edge(4, 3, 10, 3500) };
    const FlowGraph graph = FlowGraph::fromParts(NodeMode::Accounts, std::move(nodes), std::move(edges), QStringLiteral("KZT"));
    LayoutRequest request;
    request.kind = LayoutKind::Layered;
    request.layersByTime = true;
    const std::vector<QPointF> p = GraphLayout::compute(graph, request);
    QVERIFY(p[0].x() < p[1].x());
    QVERIFY(p[1].x() < p[2].x());
    QVERIFY(p[2].x() < p[3].x());
    QCOMPARE(p[4].x(), p[0].x()); // payers that receive nothing start the trail
}

void TestGraphLayout::layeredWithoutSeedsStartsAtPayers()
{
    std::vector<GraphNode> nodes;
    for (int i = 1; i <= 4; ++i)
        nodes.push_back(node(i, QStringLiteral("organisation")));
    std::vector<GraphEdge> edges { edge(2, 1, 100), edge(1, 0, 100), edge(0, 3, 100) };
    const FlowGraph graph = FlowGraph::fromParts(NodeMode::Subjects, std::move(nodes), std::move(edges), QStringLiteral("KZT"));
    LayoutRequest request;
    request.kind = LayoutKind::Layered;
    const std::vector<QPointF> p = GraphLayout::compute(graph, request);
    QVERIFY(p[2].x() < p[1].x());
    QVERIFY(p[1].x() < p[0].x());
    QVERIFY(p[0].x() < p[3].x());
}

void TestGraphLayout::layeredWrapsTallColumns()
{
    // A seed paying 200 receivers, each paying one more: the hop 1 column is far taller than the
    // chart is wide, so it wraps into sub-columns that stay between the seed and hop 2.
    std::vector<GraphNode> nodes { node(1, QStringLiteral("npo"), 0, true) };
    std::vector<GraphEdge> edges;
    for (int i = 0; i < 200; ++i) {
        nodes.push_back(node(100 + i, QStringLiteral("person"), 1));
        edges.push_back(edge(0, std::int32_t(nodes.size() - 1), 10 + i));
    }
    nodes.push_back(node(999, QStringLiteral("organisation"), 2));
    edges.push_back(edge(1, std::int32_t(nodes.size() - 1), 5));
    const FlowGraph graph = FlowGraph::fromParts(NodeMode::Subjects, std::move(nodes), std::move(edges), QStringLiteral("KZT"));
    LayoutRequest request;
    request.kind = LayoutKind::Layered;
    const std::vector<QPointF> p = GraphLayout::compute(graph, request);
    QSet<double> columns;
    double top = 0, bottom = 0;
    for (std::size_t i = 1; i + 1 < p.size(); ++i) {
        columns.insert(p[i].x());
        QVERIFY(p[i].x() > p[0].x());
        QVERIFY(p[i].x() < p.back().x());
        top = std::min(top, p[i].y());
        bottom = std::max(bottom, p[i].y());
    }
    QVERIFY(columns.size() > 1);
    QVERIFY(bottom - top < 200 * 100 / 2.0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        for (std::size_t j = i + 1; j < p.size(); ++j)
            QVERIFY(distance(p[i], p[j]) > 50);
    }
}

void TestGraphLayout::circularPutsGroupsOnSeparateCircles()
{
    const FlowGraph graph = sampleGraph();
    LayoutRequest request;
    request.kind = LayoutKind::Circular;
    request.groups = { 0, 0, 0, 1, 1, 1, 1, 2 };
    const std::vector<QPointF> p = GraphLayout::compute(graph, request);

    struct Circle {
        QPointF centre;
        double radius = 0;
    };
    QHash<int, Circle> circles;
    for (const int group : { 0, 1 }) {
        Circle circle;
        int members = 0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (request.groups[i] == group) {
                circle.centre += p[i];
                ++members;
            }
        }
        circle.centre /= members;
        // Members of a group lie on one circle around their centre.
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (request.groups[i] != group)
                continue;
            const double r = distance(p[i], circle.centre);
            if (circle.radius == 0)
                circle.radius = r;
            QVERIFY(std::abs(r - circle.radius) < 1e-6 * std::max(1.0, r));
        }
        QVERIFY(circle.radius > 30);
        circles.insert(group, circle);
    }
    QVERIFY(distance(circles[0].centre, circles[1].centre) > circles[0].radius + circles[1].radius);
    // The single-member group stands outside both circles.
    for (const int group : { 0, 1 })
        QVERIFY(distance(p[7], circles[group].centre) > circles[group].radius);
}

void TestGraphLayout::pinnedNodesStay_data()
{
    sameSeedSamePositions_data();
}

void TestGraphLayout::pinnedNodesStay()
{
    QFETCH(LayoutKind, kind);
    const FlowGraph graph = sampleGraph();
    LayoutRequest request;
    request.kind = kind;
    request.pinned = freePins(graph.nodes().size());
    request.pinned[0] = QPointF(500, -300);
    request.pinned[3] = QPointF(-200, 50);
    const std::vector<QPointF> p = GraphLayout::compute(graph, request);
    QCOMPARE(p[0], QPointF(500, -300));
    QCOMPARE(p[3], QPointF(-200, 50));
    // The free nodes were still laid out, not left on the pins.
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (i != 0 && i != 3)
            QVERIFY(distance(p[i], p[0]) > 1 && distance(p[i], p[3]) > 1);
    }
}

void TestGraphLayout::cancelThrows_data()
{
    sameSeedSamePositions_data();
}

void TestGraphLayout::cancelThrows()
{
    QFETCH(LayoutKind, kind);
    const FlowGraph graph = sampleGraph();
    std::atomic_bool cancel { true };
    LayoutRequest request;
    request.kind = kind;
    request.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(LayoutCancelled, GraphLayout::compute(graph, request));
    // igraph is left usable after a cancelled run.
    cancel = false;
    QCOMPARE(GraphLayout::compute(graph, request).size(), graph.nodes().size());
}

void TestGraphLayout::layoutNamesRoundTrip()
{
    for (const LayoutKind kind : { LayoutKind::Force, LayoutKind::Layered, LayoutKind::Circular }) {
        LayoutKind parsed = LayoutKind::Force;
        QVERIFY(layoutKindFromName(layoutKindName(kind), parsed));
        QCOMPARE(parsed, kind);
    }
    LayoutKind unused;
    QVERIFY(!layoutKindFromName(QStringLiteral("spiral"), unused));
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "TestGraphLayout.moc"
