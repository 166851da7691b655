#pragma once

#include "graph/FlowGraph.h"

#include <QPointF>
#include <atomic>
#include <cstdint>
#include <vector>

namespace fundtrace::graph {

enum class LayoutKind {
    Force,    // force-directed overview (Fruchterman-Reingold; DrL on large graphs)
    Layered,  // left to right money trail: layers by hop from the seeds, or by first transfer time
    Circular, // a circle per group (community) placed on a larger circle
};

QString layoutKindName(LayoutKind kind);
bool layoutKindFromName(const QString &name, LayoutKind &kind);

struct LayoutRequest {
    LayoutKind kind = LayoutKind::Force;
    std::uint64_t seed = 1;          // same graph + same seed = same positions
    bool layersByTime = false;       // Layered: columns by first transfer time instead of hop
    std::vector<int> groups;         // Circular: group per node (e.g. community), empty = one circle
    // Nodes the user pinned keep these positions (NaN = free); the others are laid out around them.
    std::vector<QPointF> pinned;
    const std::atomic_bool *cancel = nullptr; // checked between iterations; a cancelled layout throws LayoutCancelled
};

struct LayoutCancelled {};

// Node positions in scene units (about 100 units between neighbours), parallel to graph.nodes().
// Pure function of its inputs; safe to run on a worker thread (igraph's RNG is seeded per call).
class GraphLayout {
public:
    static std::vector<QPointF> compute(const FlowGraph &graph, const LayoutRequest &request);
};

} // namespace fundtrace::graph
