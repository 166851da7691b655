#include "graph/GraphAnalytics.h"

#include <QJsonArray>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>

using namespace fundtrace::graph;

// Graph measures on small graphs whose answers can be checked by hand.
class TestGraphAnalytics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyGraph();
    void weightedDegrees();
    void starPageRank();
    void bridgeHasTopBetweenness();
    void twoCliquesTwoCommunities();
    void largeGraphsEstimateBetweenness();
    void strongestPath_data();
    void strongestPath();
    void edgesWithoutMainCurrencyMoney();
    void deterministic();
    void json();

private:
    struct Link {
        int from;
        int to;
        double weight;
    };
    static FlowGraph make(int nodes, const std::vector<Link> &links);
};

FlowGraph TestGraphAnalytics::make(int nodes, const std::vector<Link> &links)
{
    std::vector<GraphNode> list;
    for (int i = 0; i < nodes; ++i) {
        GraphNode node;
        node.id = 100 + i;
        node.label = QStringLiteral("n%1").arg(i);
        list.push_back(node);
    }
    std::vector<GraphEdge> edges;
    for (const Link &link : links) {
        GraphEdge edge;
        edge.from = link.from;
        edge.to = link.to;
        edge.weight = link.weight;
        edge.count = 1;
        edge.totals = { { QStringLiteral("KZT"), std::int64_t(link.weight * 100) } };
        edges.push_back(edge);
    }
    return FlowGraph::fromParts(
        NodeMode::Subjects, std::move(list), std::move(edges), QStringLiteral("KZT"));
}

void TestGraphAnalytics::emptyGraph()
{
    const GraphMetrics metrics = GraphAnalytics::compute(make(0, {}));
    QVERIFY(metrics.nodes.empty());
    QCOMPARE(metrics.communities, 0);
    const GraphMetrics lonely = GraphAnalytics::compute(make(2, {}));
    QCOMPARE(lonely.communities, 2); // each isolated node is its own community
    QVERIFY(qFuzzyCompare(lonely.nodes[0].pageRank + lonely.nodes[1].pageRank, 1.0));
}

void TestGraphAnalytics::weightedDegrees()
{
    const GraphMetrics metrics
        = GraphAnalytics::compute(make(3, { { 0, 1, 10 }, { 1, 0, 4 }, { 0, 2, 6 } }));
    QCOMPARE(metrics.nodes[0].weightedOut, 16.0);
    QCOMPARE(metrics.nodes[0].weightedIn, 4.0);
    QCOMPARE(metrics.nodes[0].degree, 2);
    QCOMPARE(metrics.nodes[1].degree, 1); // 0 both ways is one counterparty
    QCOMPARE(metrics.nodes[2].weightedIn, 6.0);
    QCOMPARE(metrics.nodes[2].weightedOut, 0.0);
}

void TestGraphAnalytics::starPageRank()
{
    // Four donors pay one collector; the collector pays one of them back a little.
    const GraphMetrics metrics = GraphAnalytics::compute(
        make(5, { { 1, 0, 10 }, { 2, 0, 10 }, { 3, 0, 10 }, { 4, 0, 10 }, { 0, 1, 1 } }));
    double sum = 0;
    for (const NodeMetrics &node : metrics.nodes)
        sum += node.pageRank;
    QVERIFY(qFuzzyCompare(sum, 1.0));
    for (int i = 1; i < 5; ++i)
        QVERIFY(metrics.nodes[0].pageRank > metrics.nodes[std::size_t(i)].pageRank);
    QVERIFY(metrics.nodes[1].pageRank > metrics.nodes[2].pageRank); // the one paid back
    QVERIFY(qFuzzyCompare(metrics.nodes[2].pageRank, metrics.nodes[3].pageRank));
}

void TestGraphAnalytics::bridgeHasTopBetweenness()
{
    // Two rings of three, both ways, joined only through node 6.
    std::vector<Link> links;
    for (const auto &[a, b] : { std::pair { 0, 1 }, { 1, 2 }, { 2, 0 }, { 3, 4 }, { 4, 5 },
             { 5, 3 }, { 2, 6 }, { 6, 3 } }) {
        links.push_back({ a, b, 10 });
        links.push_back({ b, a, 10 });
    }
    const GraphMetrics metrics = GraphAnalytics::compute(make(7, links));
    const auto top = std::max_element(metrics.nodes.begin(), metrics.nodes.end(),
        [](const NodeMetrics &a, const NodeMetrics &b) { return a.betweenness < b.betweenness; });
    QCOMPARE(top - metrics.nodes.begin(), 6);
    // 6 lies on every path between the 3 + 3 nodes of the two rings (18 of the 30 ordered pairs
    // of the other six nodes), so normalised by 6 * 5 it is 18 / 30.
    QVERIFY(qFuzzyCompare(metrics.nodes[6].betweenness, 18.0 / 30.0));
    QCOMPARE(metrics.nodes[0].betweenness, 0.0);
    QCOMPARE(metrics.betweennessSources, 0); // exact
    for (const NodeMetrics &node : metrics.nodes)
        QVERIFY(node.betweenness >= 0 && node.betweenness <= 1);
}

void TestGraphAnalytics::twoCliquesTwoCommunities()
{
    std::vector<Link> links;
    for (int a = 0; a < 4; ++a) {
        for (int b = a + 1; b < 4; ++b) {
            links.push_back({ a, b, 100 });
            links.push_back({ 4 + b, 4 + a, 100 });
        }
    }
    links.push_back({ 3, 4, 1 }); // the weak link between them
    // A third, smaller clique so numbering by size shows.
    links.push_back({ 8, 9, 50 });
    const GraphMetrics metrics = GraphAnalytics::compute(make(10, links));
    QCOMPARE(metrics.communities, 3);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(
            metrics.nodes[std::size_t(i)].community, 0); // largest first; ties: the one seen first
        QCOMPARE(metrics.nodes[std::size_t(4 + i)].community, 1);
    }
    QCOMPARE(metrics.nodes[8].community, 2);
    QCOMPARE(metrics.nodes[9].community, 2);
    QVERIFY(metrics.modularity > 0.5);
}

void TestGraphAnalytics::largeGraphsEstimateBetweenness()
{
    // Two random clusters of 1 000 nodes joined only through node 2000: too large for exact
    // betweenness, the estimate still finds the bridge.
    std::vector<Link> links;
    std::uint32_t state = 7;
    const auto next = [&state] { return state = state * 1664525u + 1013904223u; };
    for (int cluster = 0; cluster < 2; ++cluster) {
        for (int i = 0; i < 3000; ++i) {
            const int a = cluster * 1000 + int(next() % 1000);
            const int b = cluster * 1000 + int(next() % 1000);
            if (a != b)
                links.push_back({ a, b, double(1 + next() % 100) });
        }
    }
    links.push_back({ 10, 2000, 50 });
    links.push_back({ 2000, 1010, 50 });
    links.push_back({ 1020, 2000, 50 });
    links.push_back({ 2000, 20, 50 });
    const GraphMetrics metrics = GraphAnalytics::compute(make(2001, links));
    QVERIFY(metrics.betweennessSources > 0);
    QVERIFY(metrics.betweennessSources < 2001);
    const auto top = std::max_element(metrics.nodes.begin(), metrics.nodes.end(),
        [](const NodeMetrics &a, const NodeMetrics &b) { return a.betweenness < b.betweenness; });
    QCOMPARE(top - metrics.nodes.begin(), 2000);
    QVERIFY(top->betweenness <= 1.0);
}

void TestGraphAnalytics::strongestPath_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QList<int>>("nodes");
    QTest::addColumn<double>("bottleneck");

    // 0 -> 3 directly with 1; 0 -> 1 -> 2 -> 3 with 100 each; 0 -> 4 -> 5 -> 6 -> 3 also 100 each;
    // 0 -> 7 -> 3 with 100 then 50; 3 -> 8 nothing back.
    QTest::newRow("strong route over the short weak one")
        << 0 << 3 << QList<int> { 0, 1, 2, 3 } << 100.0;
    QTest::newRow("one hop") << 0 << 1 << QList<int> { 0, 1 } << 100.0;
    QTest::newRow("against the money: none") << 3 << 0 << QList<int> {} << 0.0;
    QTest::newRow("same node: none") << 2 << 2 << QList<int> {} << 0.0;
    // Every route to 8 ends with the weak 3 -> 8, so all are as wide; the shortest wins.
    QTest::newRow("equally wide: fewest hops") << 0 << 8 << QList<int> { 0, 7, 3, 8 } << 5.0;
}

void TestGraphAnalytics::strongestPath()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QList<int>, nodes);
    QFETCH(double, bottleneck);
    const FlowGraph graph = make(9,
        { { 0, 3, 1 }, { 0, 1, 100 }, { 1, 2, 100 }, { 2, 3, 100 }, { 0, 4, 100 }, { 4, 5, 100 },
            { 5, 6, 100 }, { 6, 3, 100 }, { 0, 7, 100 }, { 7, 3, 50 }, { 3, 8, 5 } });
    const StrongestPath path = GraphAnalytics::strongestPath(graph, from, to);
    QList<int> found(path.nodes.begin(), path.nodes.end());
    QCOMPARE(found, nodes);
    QCOMPARE(path.bottleneck, bottleneck);
    QCOMPARE(path.edges.size() + (nodes.isEmpty() ? 0 : 1), std::size_t(nodes.size()));
    for (std::size_t i = 0; i < path.edges.size(); ++i) {
        QCOMPARE(graph.edges()[std::size_t(path.edges[i])].from, path.nodes[i]);
        QCOMPARE(graph.edges()[std::size_t(path.edges[i])].to, path.nodes[i + 1]);
    }
    QVERIFY_THROWS_EXCEPTION(GraphError, GraphAnalytics::strongestPath(graph, 0, 42));
}

void TestGraphAnalytics::edgesWithoutMainCurrencyMoney()
{
    // Edges carrying only another currency weigh 0: they still link their nodes.
    const GraphMetrics metrics
        = GraphAnalytics::compute(make(4, { { 0, 1, 0 }, { 1, 2, 0 }, { 2, 3, 10 } }));
    for (const NodeMetrics &node : metrics.nodes) {
        QVERIFY(std::isfinite(node.pageRank));
        QVERIFY(std::isfinite(node.betweenness));
    }
    QVERIFY(metrics.nodes[1].betweenness > 0);
    const StrongestPath path
        = GraphAnalytics::strongestPath(make(3, { { 0, 1, 0 }, { 1, 2, 10 } }), 0, 2);
    QCOMPARE(path.nodes.size(), std::size_t(3));
    QCOMPARE(path.bottleneck, 0.0);
}

void TestGraphAnalytics::deterministic()
{
    // A few hundred nodes with a fixed pseudo-random wiring: two runs give identical results.
    std::vector<Link> links;
    std::uint32_t state = 12345;
    const auto next = [&state] { return state = state * 1664525u + 1013904223u; };
    for (int i = 0; i < 1500; ++i) {
        const int a = int(next() % 300);
        const int b = int(next() % 300);
        if (a != b)
            links.push_back({ a, b, double(1 + next() % 1000) });
    }
    std::sort(links.begin(), links.end(), [](const Link &x, const Link &y) {
        return std::pair(x.from, x.to) < std::pair(y.from, y.to);
    });
    links.erase(std::unique(links.begin(), links.end(),
                    [](const Link &x, const Link &y) { return x.from == y.from && x.to == y.to; }),
        links.end());
    const FlowGraph graph = make(300, links);
    const GraphMetrics first = GraphAnalytics::compute(graph);
    const GraphMetrics second = GraphAnalytics::compute(graph);
    QVERIFY(first.communities > 1);
    QCOMPARE(first.communities, second.communities);
    QCOMPARE(first.modularity, second.modularity);
    for (std::size_t i = 0; i < first.nodes.size(); ++i) {
        QCOMPARE(first.nodes[i].community, second.nodes[i].community);
        QCOMPARE(first.nodes[i].pageRank, second.nodes[i].pageRank);
        QCOMPARE(first.nodes[i].betweenness, second.nodes[i].betweenness);
    }
}

void TestGraphAnalytics::json()
{
    const FlowGraph graph = make(3, { { 0, 1, 10 }, { 1, 2, 5 } });
    const QJsonObject metrics = GraphAnalytics::compute(graph).toJson(graph);
    QCOMPARE(metrics.value(u"nodes").toArray().size(), 3);
    const QJsonObject middle = metrics.value(u"nodes").toArray().at(1).toObject();
    QCOMPARE(middle.value(u"id").toInteger(), 101);
    QCOMPARE(middle.value(u"degree").toInt(), 2);
    QVERIFY(middle.value(u"betweenness").toDouble() > 0);
    QVERIFY(metrics.contains(u"modularity"));

    const QJsonObject path = GraphAnalytics::strongestPath(graph, 0, 2).toJson(graph);
    QCOMPARE(path.value(u"found").toBool(), true);
    QCOMPARE(path.value(u"bottleneck").toDouble(), 5.0);
    QCOMPARE(path.value(u"nodes").toArray().size(), 3);
    QCOMPARE(path.value(u"edges").toArray().at(1).toObject().value(u"to").toInteger(), 102);
}

QTEST_GUILESS_MAIN(TestGraphAnalytics)
#include "TestGraphAnalytics.moc"
