#pragma once

#include "graph/FlowGraph.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <cstdint>
#include <memory>
#include <vector>

namespace fundtrace::graph {

// The drawable state of a link chart: the graph, where each node stands, how big and which colour
// it is drawn, and the investigator's marks (selected, pinned, hidden). Two uniform grids, one of
// nodes and one of the cells each edge crosses, answer "what is under the cursor" and "what is in
// view" without walking the whole graph. The grids are rebuilt lazily after positions change;
// a few nodes moved by hand are looked at directly instead, so a drag does not rebuild them on
// every mouse move. Queries are not thread-safe: use a scene from one thread at a time.
class GraphScene {
public:
    static constexpr double kBaseRadius = 14.0; // scene units, a node of size factor 1

    GraphScene();
    // `positions` must be parallel to graph.nodes(); missing ones start at the origin. The graph
    // is shared, not copied: the link chart panel, its table and its scene hold one graph.
    GraphScene(std::shared_ptr<const FlowGraph> graph, std::vector<QPointF> positions);
    GraphScene(FlowGraph graph, std::vector<QPointF> positions);

    const FlowGraph &graph() const { return *m_graph; }
    std::int32_t nodeCount() const { return std::int32_t(m_graph->nodes().size()); }
    std::int32_t edgeCount() const { return std::int32_t(m_graph->edges().size()); }
    bool isEmpty() const { return m_graph->nodes().empty(); }

    const std::vector<QPointF> &positions() const { return m_positions; }
    QPointF position(std::int32_t node) const { return m_positions[std::size_t(node)]; }
    void setPositions(std::vector<QPointF> positions);
    void setPosition(std::int32_t node, QPointF position);

    // Drawn radius = kBaseRadius * factor; factors come from a metric (e.g. PageRank), 1 by default.
    void setSizeFactors(std::vector<double> factors); // empty = all 1
    double radius(std::int32_t node) const;
    // A colour that replaces the kind's colour (e.g. by community); invalid = by kind.
    void setColourOverrides(std::vector<QColor> colours); // empty = none
    QColor colourOverride(std::int32_t node) const;

    bool isSelected(std::int32_t node) const { return m_selected[std::size_t(node)] != 0; }
    void setSelected(std::int32_t node, bool selected);
    void clearSelection();
    std::vector<std::int32_t> selectedNodes() const;
    bool hasSelection() const { return m_selectedCount > 0; }

    bool isPinned(std::int32_t node) const { return m_pinned[std::size_t(node)] != 0; }
    void setPinned(std::int32_t node, bool pinned);
    // Parallel to the nodes: pinned nodes' positions, NaN for free ones (LayoutRequest::pinned).
    std::vector<QPointF> pinnedPositions() const;

    // Hidden nodes and their edges are not drawn nor hit.
    bool isHidden(std::int32_t node) const { return m_hidden[std::size_t(node)] != 0; }
    void setHidden(std::int32_t node, bool hidden);
    bool isEdgeDrawn(std::int32_t edge) const;
    // True when the edge's reverse (to -> from) is also in the graph; both are then drawn apart.
    bool hasReverseEdge(std::int32_t edge) const { return m_reverse[std::size_t(edge)] != 0; }
    double maxEdgeWeight() const { return m_maxWeight; }
    // The edge's amount on a log scale, 0 (smallest possible) to 1 (the largest in the graph).
    float edgeStrength(std::int32_t edge) const { return m_strength[std::size_t(edge)]; }

    // Around every drawn node including its radius; empty for an empty scene.
    QRectF boundingRect() const;

    // The drawn node whose disc contains the point (within `tolerance` scene units), nearest
    // first; -1 when none.
    std::int32_t nodeAt(QPointF point, double tolerance = 0) const;
    // The drawn edge passing within `tolerance` of the point, nearest first; -1 when none.
    std::int32_t edgeAt(QPointF point, double tolerance) const;
    // Drawn nodes whose centre lies in the rectangle.
    std::vector<std::int32_t> nodesIn(const QRectF &rect) const;
    // Drawn nodes and edges that may show in `rect`; `out` is cleared and reused so a frame
    // allocates nothing once the buffers have grown.
    void collectNodes(const QRectF &rect, std::vector<std::int32_t> &out) const;
    void collectEdges(const QRectF &rect, std::vector<std::int32_t> &out) const;

    // Cuts the segment a-b to the part inside `rect`; false when none of it is.
    static bool clipSegment(QPointF &a, QPointF &b, const QRectF &rect);

    // Changes on every edit of what is drawn, so views can keep a cached frame until it moves;
    // unique across scenes, so a new scene never passes for an old one.
    std::uint64_t revision() const { return m_revision; }

private:
    struct Grid {
        QRectF bounds;
        double cell = 1;
        int columns = 0;
        int rows = 0;
        std::vector<std::int32_t> start; // CSR: items of cell c are items[start[c] .. start[c+1])
        std::vector<std::int32_t> items;
        int column(double x) const;
        int row(double y) const;
    };
    static std::uint64_t nextRevision();
    void touch(bool geometry);
    void ensureIndex() const;
    void buildNodeGrid() const;
    void buildEdgeGrid() const;
    void noteMoved(std::int32_t node);
    template<typename Visit>
    void forEdgeCells(std::int32_t edge, Visit visit) const;

    std::shared_ptr<const FlowGraph> m_graph; // never null
    std::vector<QPointF> m_positions;
    std::vector<double> m_sizeFactors;
    double m_maxSizeFactor = 1.0;
    std::vector<QColor> m_colours;
    std::vector<char> m_selected;
    std::vector<char> m_pinned;
    std::vector<char> m_hidden;
    std::vector<char> m_reverse;
    std::vector<float> m_strength;
    std::int32_t m_selectedCount = 0;
    double m_maxWeight = 0;
    std::uint64_t m_revision = nextRevision();

    mutable bool m_indexValid = false;
    mutable Grid m_nodeGrid;
    mutable Grid m_edgeGrid;
    mutable std::vector<std::int32_t> m_longEdges; // cross too many cells; always considered
    mutable std::vector<std::int32_t> m_drawnEdges; // all of them, for views that show everything
    mutable std::vector<std::uint32_t> m_edgeStamp; // de-duplicates edges met in several cells
    mutable std::uint32_t m_stamp = 0;
    // Nodes moved since the grids were built (listed under their old cells, so skipped there),
    // and the edges touching them; queries check both lists directly.
    mutable std::vector<std::int32_t> m_movedNodes;
    mutable std::vector<char> m_moved;
    mutable std::vector<std::int32_t> m_movedEdges;
    std::vector<std::int32_t> m_incidentStart; // CSR: edges touching node n, built on the first move
    std::vector<std::int32_t> m_incidentEdges;
};

} // namespace fundtrace::graph
