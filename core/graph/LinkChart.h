#pragma once

#include "graph/FlowGraph.h"
#include "graph/GraphAnalytics.h"
#include "graph/GraphViewStore.h"

#include <QPointF>
#include <atomic>
#include <vector>

namespace fundtrace::graph {

// A link chart ready to draw: the graph a view asks for, its analytics, and where each node stands.
struct LinkChart {
    FlowGraph graph;
    GraphMetrics metrics;
    std::vector<QPointF> positions; // parallel to graph.nodes()
    int laidOut = 0;                // nodes placed by the layout (the rest kept their saved position)
    double buildSeconds = 0;
    double layoutSeconds = 0;
};

// Makes the chart a view describes, in one pass that can run on a worker thread: builds the
// graph from the seeds and filter, adds the hand-expanded neighbours, drops hidden nodes,
// collapses groups, computes the analytics, then lays out only the nodes without a position
// (the others stay where the investigator left them, so expanding never scrambles the picture).
class LinkChartMaker {
public:
    LinkChartMaker(const detect::DetectionContext &context, QHash<std::int64_t, NodeMarks> subjectMarks,
                   QHash<std::int64_t, NodeMarks> accountMarks);

    // `db` resolves seed ids (members of merged subjects, alerts' parties). Throws GraphError
    // for unknown seeds and LayoutCancelled when `cancel` is set.
    LinkChart make(const db::Database &db, const GraphView &view, const std::atomic_bool *cancel = nullptr) const;

private:
    FlowGraphBuilder m_builder;
};

} // namespace fundtrace::graph
