#pragma once

#include "graph/FlowGraph.h"

#include <QJsonObject>
#include <cstdint>
#include <vector>

namespace fundtrace::graph {

// Per-node measures of a flow graph, computed with igraph on the edge weights (amounts).
struct NodeMetrics {
    double weightedIn = 0; // sum of incoming edge weights
    double weightedOut = 0;
    int degree = 0; // distinct counterparties (in + out neighbours)
    double pageRank = 0; // directed, weighted; sums to 1 over the graph
    // Directed, on distances 1/weight (strong flows are short), normalised 0-1.
    double betweenness = 0;
    int community = -1; // multilevel (Louvain) on the undirected weighted graph, 0 = largest
};

struct GraphMetrics {
    std::vector<NodeMetrics> nodes; // parallel to graph.nodes()
    int communities = 0;
    double modularity = 0;
    // 0 when betweenness is exact; on large graphs (nodes x edges above 1e7) it is
    // estimated from paths starting at this many sources chosen at random (seeded, so repeatable).
    int betweennessSources = 0;
    QJsonObject toJson(const FlowGraph &graph) const;
};

// The strongest money trail between two nodes: the directed path whose weakest edge is largest
// (widest path), ties broken by fewer hops. Empty when there is none.
struct StrongestPath {
    std::vector<std::int32_t> nodes; // indexes into graph.nodes(), from first to last
    std::vector<std::int32_t> edges; // indexes into graph.edges()
    double bottleneck = 0; // the smallest edge weight on the path
    QJsonObject toJson(const FlowGraph &graph) const;
};

// Safe to call from any thread: igraph calls are serialised (see IgraphLock.h). Throws
// GraphError when igraph fails or a node index is out of range.
class GraphAnalytics {
public:
    static GraphMetrics compute(const FlowGraph &graph);
    static StrongestPath strongestPath(const FlowGraph &graph, std::int32_t from, std::int32_t to);
};

} // namespace fundtrace::graph
