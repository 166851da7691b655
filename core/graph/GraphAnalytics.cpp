#include "graph/GraphAnalytics.h"

#include "graph/IgraphLock.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <queue>
#include <random>

namespace fundtrace::graph {
namespace {

// RAII holders for the igraph objects one computation needs, so an exception frees them.
class RealVector {
public:
    RealVector(const IgraphSession &session, igraph_integer_t size)
    {
        session.check(igraph_vector_init(&m_vector, size), "allocating a vector");
    }
    ~RealVector() { igraph_vector_destroy(&m_vector); }
    RealVector(const RealVector &) = delete;
    RealVector &operator=(const RealVector &) = delete;
    igraph_vector_t *get() { return &m_vector; }
    double operator[](std::size_t i) const { return VECTOR(m_vector)[igraph_integer_t(i)]; }
    void set(std::size_t i, double value) { VECTOR(m_vector)[igraph_integer_t(i)] = value; }

private:
    igraph_vector_t m_vector;
};

class IntVector {
public:
    IntVector(const IgraphSession &session, igraph_integer_t size)
    {
        session.check(igraph_vector_int_init(&m_vector, size), "allocating a vector");
    }
    ~IntVector() { igraph_vector_int_destroy(&m_vector); }
    IntVector(const IntVector &) = delete;
    IntVector &operator=(const IntVector &) = delete;
    igraph_vector_int_t *get() { return &m_vector; }
    igraph_integer_t operator[](std::size_t i) const
    {
        return VECTOR(m_vector)[igraph_integer_t(i)];
    }
    void set(std::size_t i, igraph_integer_t value)
    {
        VECTOR(m_vector)[igraph_integer_t(i)] = value;
    }

private:
    igraph_vector_int_t m_vector;
};

class Igraph {
public:
    Igraph(const IgraphSession &session,
        const std::vector<std::pair<std::int32_t, std::int32_t>> &edges, std::size_t nodes,
        bool directed)
    {
        IntVector list(session, igraph_integer_t(2 * edges.size()));
        for (std::size_t e = 0; e < edges.size(); ++e) {
            list.set(2 * e, edges[e].first);
            list.set(2 * e + 1, edges[e].second);
        }
        session.check(igraph_create(&m_graph, list.get(), igraph_integer_t(nodes), directed),
            "building the graph");
    }
    ~Igraph() { igraph_destroy(&m_graph); }
    Igraph(const Igraph &) = delete;
    Igraph &operator=(const Igraph &) = delete;
    const igraph_t *get() const { return &m_graph; }

private:
    igraph_t m_graph;
};

// Weights for igraph: an edge carrying no money in the main currency still links its nodes, as a
// thousandth of the weakest flow, since igraph needs positive weights for distances.
std::vector<double> analyticWeights(const FlowGraph &graph)
{
    double weakest = std::numeric_limits<double>::infinity();
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.weight > 0)
            weakest = std::min(weakest, edge.weight);
    }
    const double floor = std::isinf(weakest) ? 1.0 : weakest / 1000.0;
    std::vector<double> weights;
    weights.reserve(graph.edges().size());
    for (const GraphEdge &edge : graph.edges())
        weights.push_back(edge.weight > 0 ? edge.weight : floor);
    return weights;
}

void checkIndex(const FlowGraph &graph, std::int32_t index)
{
    if (index < 0 || std::size_t(index) >= graph.nodes().size())
        throw GraphError(QStringLiteral("Node %1 is not in the graph (it has %2 nodes).")
                             .arg(index)
                             .arg(graph.nodes().size()));
}

void computeDegrees(const FlowGraph &graph, GraphMetrics &metrics)
{
    std::vector<std::pair<std::int32_t, std::int32_t>> neighbours;
    neighbours.reserve(2 * graph.edges().size());
    for (const GraphEdge &edge : graph.edges()) {
        metrics.nodes[std::size_t(edge.from)].weightedOut += edge.weight;
        metrics.nodes[std::size_t(edge.to)].weightedIn += edge.weight;
        if (edge.from != edge.to) {
            neighbours.emplace_back(edge.from, edge.to);
            neighbours.emplace_back(edge.to, edge.from);
        }
    }
    std::sort(neighbours.begin(), neighbours.end());
    neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
    for (const auto &[node, neighbour] : neighbours)
        ++metrics.nodes[std::size_t(node)].degree;
}

// Louvain on the undirected graph (both directions' weights summed), communities numbered by
// size, largest first (ties: the one whose first node comes first).
void computeCommunities(const IgraphSession &session, const FlowGraph &graph,
    const std::vector<double> &weights, GraphMetrics &metrics)
{
    const std::size_t n = graph.nodes().size();
    std::map<std::pair<std::int32_t, std::int32_t>, double> pairs;
    for (std::size_t e = 0; e < graph.edges().size(); ++e) {
        const GraphEdge &edge = graph.edges()[e];
        if (edge.from != edge.to)
            pairs[{ std::min(edge.from, edge.to), std::max(edge.from, edge.to) }] += weights[e];
    }
    std::vector<igraph_integer_t> membership(n);
    if (pairs.empty()) {
        for (std::size_t i = 0; i < n; ++i)
            membership[i] = igraph_integer_t(i);
        metrics.modularity = 0;
    } else {
        std::vector<std::pair<std::int32_t, std::int32_t>> edges;
        RealVector undirectedWeights(session, igraph_integer_t(pairs.size()));
        for (const auto &[pair, weight] : pairs) {
            undirectedWeights.set(edges.size(), weight);
            edges.push_back(pair);
        }
        const Igraph undirected(session, edges, n, false);
        IntVector found(session, 0);
        RealVector levels(session, 0);
        session.check(igraph_community_multilevel(undirected.get(), undirectedWeights.get(), 1.0,
                          found.get(), nullptr, levels.get()),
            "finding communities");
        for (std::size_t i = 0; i < n; ++i)
            membership[i] = found[i];
        igraph_real_t modularity = 0;
        session.check(igraph_modularity(undirected.get(), found.get(), undirectedWeights.get(), 1.0,
                          false, &modularity),
            "measuring modularity");
        metrics.modularity = std::isnan(modularity) ? 0.0 : modularity;
    }
    igraph_integer_t communities = 0;
    for (const igraph_integer_t c : membership)
        communities = std::max(communities, c + 1);
    std::vector<std::size_t> size(std::size_t(communities), 0);
    std::vector<std::size_t> first(std::size_t(communities), n);
    for (std::size_t i = 0; i < n; ++i) {
        ++size[std::size_t(membership[i])];
        first[std::size_t(membership[i])] = std::min(first[std::size_t(membership[i])], i);
    }
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < size.size(); ++c) {
        if (size[c] > 0)
            order.push_back(c);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<int> renumbered(size.size(), -1);
    for (std::size_t rank = 0; rank < order.size(); ++rank)
        renumbered[order[rank]] = int(rank);
    for (std::size_t i = 0; i < n; ++i)
        metrics.nodes[i].community = renumbered[std::size_t(membership[i])];
    metrics.communities = int(order.size());
}

// Exact betweenness costs one shortest-path search per node (about nodes x edges steps): past
// this budget, paths are followed from a random sample of sources instead (Brandes and Pich's
// estimate), which keeps a 10k-node / 50k-edge chart to a second or two.
constexpr double kExactBetweennessWork = 1e7;

// The sampled sources, or none when exact betweenness is affordable. A fixed seed keeps the
// estimate the same from run to run.
std::vector<std::int32_t> betweennessSources(std::size_t nodes, std::size_t edges)
{
    if (double(nodes) * double(std::max<std::size_t>(edges, 1)) <= kExactBetweennessWork)
        return {};
    const std::size_t wanted = std::min(
        nodes, std::max<std::size_t>(64, std::size_t(kExactBetweennessWork / double(edges))));
    std::vector<std::int32_t> all(nodes);
    std::iota(all.begin(), all.end(), 0);
    std::mt19937_64 random(42);
    for (std::size_t i = 0; i < wanted; ++i) // a partial Fisher-Yates shuffle
        std::swap(all[i], all[i + std::size_t(random() % (nodes - i))]);
    all.resize(wanted);
    std::sort(all.begin(), all.end());
    return all;
}

} // namespace

GraphMetrics GraphAnalytics::compute(const FlowGraph &graph)
{
    GraphMetrics metrics;
    const std::size_t n = graph.nodes().size();
    metrics.nodes.resize(n);
    if (n == 0)
        return metrics;
    computeDegrees(graph, metrics);

    const std::vector<double> weights = analyticWeights(graph);
    std::vector<std::pair<std::int32_t, std::int32_t>> edges;
    edges.reserve(graph.edges().size());
    for (const GraphEdge &edge : graph.edges())
        edges.emplace_back(edge.from, edge.to);

    const IgraphSession session;
    const Igraph directed(session, edges, n, true);
    RealVector flowWeights(session, igraph_integer_t(weights.size()));
    RealVector distances(session, igraph_integer_t(weights.size()));
    for (std::size_t e = 0; e < weights.size(); ++e) {
        flowWeights.set(e, weights[e]);
        distances.set(e, 1.0 / weights[e]); // strong flows are short: paths run along the money
    }

    RealVector pageRank(session, 0);
    igraph_real_t eigenvalue = 0;
    session.check(
        igraph_pagerank(directed.get(), IGRAPH_PAGERANK_ALGO_PRPACK, pageRank.get(), &eigenvalue,
            igraph_vss_all(), true, 0.85, weights.empty() ? nullptr : flowWeights.get(), nullptr),
        "computing PageRank");

    RealVector betweenness(session, 0);
    const std::vector<std::int32_t> sources = betweennessSources(n, edges.size());
    if (sources.empty()) {
        session.check(igraph_betweenness(directed.get(), betweenness.get(), igraph_vss_all(), true,
                          weights.empty() ? nullptr : distances.get()),
            "computing betweenness");
    } else {
        IntVector from(session, igraph_integer_t(sources.size()));
        for (std::size_t i = 0; i < sources.size(); ++i)
            from.set(i, sources[i]);
        session.check(igraph_betweenness_subset(directed.get(), betweenness.get(), igraph_vss_all(),
                          true, igraph_vss_vector(from.get()), igraph_vss_all(),
                          weights.empty() ? nullptr : distances.get()),
            "estimating betweenness");
        metrics.betweennessSources = int(sources.size());
    }
    // Sampled sources stand for all of them; then normalise by the most paths a node can lie on
    // in a directed graph: every ordered pair of the others.
    const double scale = sources.empty() ? 1.0 : double(n) / double(sources.size());
    const double pairs = n > 2 ? double(n - 1) * double(n - 2) : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        metrics.nodes[i].pageRank = pageRank[i];
        metrics.nodes[i].betweenness
            = pairs > 0 ? std::min(1.0, betweenness[i] * scale / pairs) : 0.0;
    }
    computeCommunities(session, graph, weights, metrics);
    return metrics;
}

StrongestPath GraphAnalytics::strongestPath(
    const FlowGraph &graph, std::int32_t from, std::int32_t to)
{
    checkIndex(graph, from);
    checkIndex(graph, to);
    StrongestPath path;
    if (from == to)
        return path;
    const std::size_t n = graph.nodes().size();
    const auto &edges = graph.edges();
    std::vector<std::vector<std::int32_t>> out(n);
    for (std::size_t e = 0; e < edges.size(); ++e)
        out[std::size_t(edges[e].from)].push_back(std::int32_t(e));

    // The widest path's bottleneck: Dijkstra maximising the smallest edge on the way.
    std::vector<double> widest(n, -1.0);
    widest[std::size_t(from)] = std::numeric_limits<double>::infinity();
    std::priority_queue<std::pair<double, std::int32_t>> queue;
    queue.push({ widest[std::size_t(from)], from });
    while (!queue.empty()) {
        const auto [width, node] = queue.top();
        queue.pop();
        if (width < widest[std::size_t(node)] || node == to)
            continue;
        for (const std::int32_t e : out[std::size_t(node)]) {
            const double through = std::min(width, edges[std::size_t(e)].weight);
            const std::size_t next = std::size_t(edges[std::size_t(e)].to);
            if (through > widest[next]) {
                widest[next] = through;
                queue.push({ through, std::int32_t(next) });
            }
        }
    }
    const double bottleneck = widest[std::size_t(to)];
    if (bottleneck < 0)
        return path;

    // Among paths that wide, the one with fewest hops: breadth first over edges at least that
    // strong.
    std::vector<std::int32_t> via(n, -1);
    std::vector<bool> seen(n, false);
    std::queue<std::int32_t> frontier;
    frontier.push(from);
    seen[std::size_t(from)] = true;
    while (!frontier.empty() && !seen[std::size_t(to)]) {
        const std::int32_t node = frontier.front();
        frontier.pop();
        for (const std::int32_t e : out[std::size_t(node)]) {
            const std::size_t next = std::size_t(edges[std::size_t(e)].to);
            if (seen[next] || edges[std::size_t(e)].weight < bottleneck)
                continue;
            seen[next] = true;
            via[next] = e;
            frontier.push(std::int32_t(next));
        }
    }
    for (std::int32_t node = to; node != from;
         node = edges[std::size_t(via[std::size_t(node)])].from)
        path.edges.push_back(via[std::size_t(node)]);
    std::reverse(path.edges.begin(), path.edges.end());
    path.nodes.push_back(from);
    for (const std::int32_t e : path.edges)
        path.nodes.push_back(edges[std::size_t(e)].to);
    path.bottleneck = bottleneck;
    return path;
}

QJsonObject GraphMetrics::toJson(const FlowGraph &graph) const
{
    QJsonArray list;
    for (std::size_t i = 0; i < nodes.size() && i < graph.nodes().size(); ++i) {
        const NodeMetrics &m = nodes[i];
        list.append(QJsonObject {
            { QStringLiteral("id"), qint64(graph.nodes()[i].id) },
            { QStringLiteral("label"), graph.nodes()[i].label },
            { QStringLiteral("weighted_in"), m.weightedIn },
            { QStringLiteral("weighted_out"), m.weightedOut },
            { QStringLiteral("degree"), m.degree },
            { QStringLiteral("pagerank"), m.pageRank },
            { QStringLiteral("betweenness"), m.betweenness },
            { QStringLiteral("community"), m.community },
        });
    }
    return {
        { QStringLiteral("communities"), communities },
        { QStringLiteral("modularity"), modularity },
        { QStringLiteral("betweenness_sources"), betweennessSources },
        { QStringLiteral("nodes"), list },
    };
}

QJsonObject StrongestPath::toJson(const FlowGraph &graph) const
{
    QJsonArray nodeList;
    for (const std::int32_t node : nodes)
        nodeList.append(
            QJsonObject { { QStringLiteral("id"), qint64(graph.nodes()[std::size_t(node)].id) },
                { QStringLiteral("label"), graph.nodes()[std::size_t(node)].label } });
    QJsonArray edgeList;
    for (const std::int32_t e : edges) {
        const GraphEdge &edge = graph.edges()[std::size_t(e)];
        edgeList.append(QJsonObject {
            { QStringLiteral("from"), qint64(graph.nodes()[std::size_t(edge.from)].id) },
            { QStringLiteral("to"), qint64(graph.nodes()[std::size_t(edge.to)].id) },
            { QStringLiteral("weight"), edge.weight },
            { QStringLiteral("count"), qint64(edge.count) } });
    }
    return {
        { QStringLiteral("found"), !nodes.empty() },
        { QStringLiteral("bottleneck"), bottleneck },
        { QStringLiteral("nodes"), nodeList },
        { QStringLiteral("edges"), edgeList },
    };
}

} // namespace fundtrace::graph
