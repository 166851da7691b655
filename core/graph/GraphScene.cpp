#include "graph/GraphScene.h"

#include <QHash>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace fundtrace::graph {
namespace {

constexpr int kMaxGridSide = 1024;
constexpr int kMaxCellsPerEdge = 96; // longer edges go to a list checked on every query

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

} // namespace

// Liang-Barsky.
bool GraphScene::clipSegment(QPointF &a, QPointF &b, const QRectF &rect)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(), rect.bottom() - a.y() };
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF start = a;
    a = start + QPointF(dx, dy) * t0;
    b = start + QPointF(dx, dy) * t1;
    return true;
}

int GraphScene::Grid::column(double x) const
{
    return std::clamp(int(std::floor((x - bounds.left()) / cell)), 0, columns - 1);
}

int GraphScene::Grid::row(double y) const
{
    return std::clamp(int(std::floor((y - bounds.top()) / cell)), 0, rows - 1);
}

GraphScene::GraphScene()
    : GraphScene(std::make_shared<const FlowGraph>(), {})
{
}

GraphScene::GraphScene(FlowGraph graph, std::vector<QPointF> positions)
    : GraphScene(std::make_shared<const FlowGraph>(std::move(graph)), std::move(positions))
{
}

GraphScene::GraphScene(std::shared_ptr<const FlowGraph> graph, std::vector<QPointF> positions)
    : m_graph(graph ? std::move(graph) : std::make_shared<const FlowGraph>())
    , m_positions(std::move(positions))
{
    const std::size_t n = m_graph->nodes().size();
    m_positions.resize(n, QPointF(0, 0));
    m_selected.assign(n, 0);
    m_pinned.assign(n, 0);
    m_hidden.assign(n, 0);
    const std::vector<GraphEdge> &edges = m_graph->edges();
    m_reverse.assign(edges.size(), 0);
    QHash<std::uint64_t, std::int32_t> byEnds;
    byEnds.reserve(qsizetype(edges.size()));
    const auto key = [](std::int32_t from, std::int32_t to) { return (std::uint64_t(std::uint32_t(from)) << 32) | std::uint32_t(to); };
    for (std::size_t e = 0; e < edges.size(); ++e) {
        byEnds.insert(key(edges[e].from, edges[e].to), std::int32_t(e));
        m_maxWeight = std::max(m_maxWeight, edges[e].weight);
    }
    const double logMax = std::log1p(std::max(m_maxWeight, 0.0));
    m_strength.resize(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (edges[e].from != edges[e].to && byEnds.contains(key(edges[e].to, edges[e].from)))
            m_reverse[e] = 1;
        m_strength[e] = logMax > 0 ? float(std::clamp(std::log1p(std::max(edges[e].weight, 0.0)) / logMax, 0.0, 1.0)) : 0.0f;
    }
}

std::uint64_t GraphScene::nextRevision()
{
    static std::atomic<std::uint64_t> counter { 0 };
    return ++counter;
}

void GraphScene::touch(bool geometry)
{
    m_revision = nextRevision();
    if (geometry)
        m_indexValid = false;
}

void GraphScene::setPositions(std::vector<QPointF> positions)
{
    positions.resize(m_graph->nodes().size(), QPointF(0, 0));
    m_positions = std::move(positions);
    touch(true);
}

void GraphScene::setPosition(std::int32_t node, QPointF position)
{
    m_positions[std::size_t(node)] = position;
    m_revision = nextRevision();
    if (m_indexValid)
        noteMoved(node);
}

void GraphScene::noteMoved(std::int32_t node)
{
    if (m_moved[std::size_t(node)])
        return;
    // Past a few dozen moved nodes (a big selection dragged), one rebuild is cheaper than
    // checking them all on every query.
    if (m_movedNodes.size() >= std::max<std::size_t>(64, m_positions.size() / 64)) {
        m_indexValid = false;
        return;
    }
    if (m_incidentStart.empty()) {
        const std::vector<GraphEdge> &edges = m_graph->edges();
        m_incidentStart.assign(m_positions.size() + 1, 0);
        for (const GraphEdge &e : edges) {
            ++m_incidentStart[std::size_t(e.from) + 1];
            ++m_incidentStart[std::size_t(e.to) + 1];
        }
        for (std::size_t n = 0; n < m_positions.size(); ++n)
            m_incidentStart[n + 1] += m_incidentStart[n];
        m_incidentEdges.resize(std::size_t(m_incidentStart.back()));
        std::vector<std::int32_t> fill(m_incidentStart.begin(), m_incidentStart.end() - 1);
        for (std::int32_t e = 0; e < edgeCount(); ++e) {
            m_incidentEdges[std::size_t(fill[std::size_t(edges[std::size_t(e)].from)]++)] = e;
            m_incidentEdges[std::size_t(fill[std::size_t(edges[std::size_t(e)].to)]++)] = e;
        }
    }
    m_moved[std::size_t(node)] = 1;
    m_movedNodes.push_back(node);
    for (std::int32_t k = m_incidentStart[std::size_t(node)]; k < m_incidentStart[std::size_t(node) + 1]; ++k) {
        const std::int32_t edge = m_incidentEdges[std::size_t(k)];
        if (isEdgeDrawn(edge))
            m_movedEdges.push_back(edge); // twice when both ends move; queries de-duplicate
    }
}

void GraphScene::setSizeFactors(std::vector<double> factors)
{
    if (!factors.empty())
        factors.resize(m_graph->nodes().size(), 1.0);
    m_sizeFactors = std::move(factors);
    m_maxSizeFactor = m_sizeFactors.empty() ? 1.0 : *std::max_element(m_sizeFactors.begin(), m_sizeFactors.end());
    touch(true);
}

double GraphScene::radius(std::int32_t node) const
{
    return m_sizeFactors.empty() ? kBaseRadius : kBaseRadius * m_sizeFactors[std::size_t(node)];
}

void GraphScene::setColourOverrides(std::vector<QColor> colours)
{
    if (!colours.empty())
        colours.resize(m_graph->nodes().size());
    m_colours = std::move(colours);
    touch(false);
}

QColor GraphScene::colourOverride(std::int32_t node) const
{
    return m_colours.empty() ? QColor() : m_colours[std::size_t(node)];
}

void GraphScene::setSelected(std::int32_t node, bool selected)
{
    char &flag = m_selected[std::size_t(node)];
    if (flag == char(selected))
        return;
    flag = char(selected);
    m_selectedCount += selected ? 1 : -1;
    touch(false);
}

void GraphScene::clearSelection()
{
    if (m_selectedCount == 0)
        return;
    std::fill(m_selected.begin(), m_selected.end(), 0);
    m_selectedCount = 0;
    touch(false);
}

std::vector<std::int32_t> GraphScene::selectedNodes() const
{
    std::vector<std::int32_t> nodes;
    nodes.reserve(std::size_t(m_selectedCount));
    for (std::size_t i = 0; i < m_selected.size(); ++i) {
        if (m_selected[i])
            nodes.push_back(std::int32_t(i));
    }
    return nodes;
}

void GraphScene::setPinned(std::int32_t node, bool pinned)
{
    if (m_pinned[std::size_t(node)] == char(pinned))
        return;
    m_pinned[std::size_t(node)] = char(pinned);
    touch(false);
}

std::vector<QPointF> GraphScene::pinnedPositions() const
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<QPointF> pinned(m_positions.size(), QPointF(nan, nan));
    for (std::size_t i = 0; i < m_pinned.size(); ++i) {
        if (m_pinned[i])
            pinned[i] = m_positions[i];
    }
    return pinned;
}

void GraphScene::setHidden(std::int32_t node, bool hidden)
{
    if (m_hidden[std::size_t(node)] == char(hidden))
        return;
    m_hidden[std::size_t(node)] = char(hidden);
    touch(true);
}

bool GraphScene::isEdgeDrawn(std::int32_t edge) const
{
    const GraphEdge &e = m_graph->edges()[std::size_t(edge)];
    return !m_hidden[std::size_t(e.from)] && !m_hidden[std::size_t(e.to)];
}

QRectF GraphScene::boundingRect() const
{
    double left = std::numeric_limits<double>::max(), top = left;
    double right = std::numeric_limits<double>::lowest(), bottom = right;
    for (std::int32_t i = 0; i < nodeCount(); ++i) {
        if (m_hidden[std::size_t(i)])
            continue;
        const QPointF p = m_positions[std::size_t(i)];
        const double r = radius(i);
        left = std::min(left, p.x() - r);
        right = std::max(right, p.x() + r);
        top = std::min(top, p.y() - r);
        bottom = std::max(bottom, p.y() + r);
    }
    if (left > right)
        return {};
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

void GraphScene::ensureIndex() const
{
    if (m_indexValid)
        return;
    buildNodeGrid();
    buildEdgeGrid();
    m_edgeStamp.assign(m_graph->edges().size(), 0);
    m_stamp = 0;
    m_movedNodes.clear(); // the new grids file every node where it is
    m_movedEdges.clear();
    m_moved.assign(m_positions.size(), 0);
    m_indexValid = true;
}

void GraphScene::buildNodeGrid() const
{
    Grid &grid = m_nodeGrid;
    QRectF bounds = boundingRect();
    if (bounds.isEmpty())
        bounds = QRectF(-1, -1, 2, 2);
    std::size_t drawn = 0;
    for (const char hidden : m_hidden)
        drawn += hidden ? 0 : 1;
    // About two nodes per cell, never cells smaller than a node nor more than kMaxGridSide a side.
    const double area = bounds.width() * bounds.height();
    grid.cell = std::max({ std::sqrt(area / double(std::max<std::size_t>(drawn, 1)) * 2), 2 * kBaseRadius,
                           std::max(bounds.width(), bounds.height()) / kMaxGridSide });
    grid.bounds = bounds;
    grid.columns = std::max(1, int(std::ceil(bounds.width() / grid.cell)));
    grid.rows = std::max(1, int(std::ceil(bounds.height() / grid.cell)));
    const std::size_t cells = std::size_t(grid.columns) * std::size_t(grid.rows);
    grid.start.assign(cells + 1, 0);
    for (std::int32_t i = 0; i < nodeCount(); ++i) {
        if (!m_hidden[std::size_t(i)]) {
            const QPointF p = m_positions[std::size_t(i)];
            ++grid.start[std::size_t(grid.row(p.y())) * std::size_t(grid.columns) + std::size_t(grid.column(p.x())) + 1];
        }
    }
    for (std::size_t c = 0; c < cells; ++c)
        grid.start[c + 1] += grid.start[c];
    grid.items.resize(std::size_t(grid.start.back()));
    std::vector<std::int32_t> fill(grid.start.begin(), grid.start.end() - 1);
    for (std::int32_t i = 0; i < nodeCount(); ++i) {
        if (!m_hidden[std::size_t(i)]) {
            const QPointF p = m_positions[std::size_t(i)];
            const std::size_t c = std::size_t(grid.row(p.y())) * std::size_t(grid.columns) + std::size_t(grid.column(p.x()));
            grid.items[std::size_t(fill[c]++)] = i;
        }
    }
}

// Calls visit(cellIndex) for the cells along the edge, sampled at half a cell so no crossed cell
// is missed by more than a corner (queries are widened by a cell to cover corners). Returns
// nothing; an edge crossing more than kMaxCellsPerEdge cells is left to m_longEdges.
template<typename Visit>
void GraphScene::forEdgeCells(std::int32_t edge, Visit visit) const
{
    const Grid &grid = m_edgeGrid;
    const GraphEdge &e = m_graph->edges()[std::size_t(edge)];
    const QPointF a = m_positions[std::size_t(e.from)], b = m_positions[std::size_t(e.to)];
    const double length = std::hypot(b.x() - a.x(), b.y() - a.y());
    const int steps = std::max(1, int(std::ceil(length / (grid.cell / 2))));
    int lastCell = -1;
    for (int s = 0; s <= steps; ++s) {
        const QPointF p = a + (b - a) * (double(s) / steps);
        const int cell = grid.row(p.y()) * grid.columns + grid.column(p.x());
        if (cell != lastCell)
            visit(cell);
        lastCell = cell;
    }
}

void GraphScene::buildEdgeGrid() const
{
    Grid &grid = m_edgeGrid;
    grid.bounds = m_nodeGrid.bounds;
    grid.cell = std::max(m_nodeGrid.cell * 2, std::max(grid.bounds.width(), grid.bounds.height()) / 256);
    grid.columns = std::max(1, int(std::ceil(grid.bounds.width() / grid.cell)));
    grid.rows = std::max(1, int(std::ceil(grid.bounds.height() / grid.cell)));
    const std::size_t cells = std::size_t(grid.columns) * std::size_t(grid.rows);
    grid.start.assign(cells + 1, 0);
    m_longEdges.clear();
    m_drawnEdges.clear();
    const auto isLong = [&](std::int32_t edge) {
        const GraphEdge &e = m_graph->edges()[std::size_t(edge)];
        const QPointF d = m_positions[std::size_t(e.to)] - m_positions[std::size_t(e.from)];
        return std::hypot(d.x(), d.y()) / grid.cell > kMaxCellsPerEdge / 2.0;
    };
    for (std::int32_t e = 0; e < edgeCount(); ++e) {
        if (!isEdgeDrawn(e))
            continue;
        m_drawnEdges.push_back(e);
        if (isLong(e)) {
            m_longEdges.push_back(e);
            continue;
        }
        forEdgeCells(e, [&](int cell) { ++grid.start[std::size_t(cell) + 1]; });
    }
    for (std::size_t c = 0; c < cells; ++c)
        grid.start[c + 1] += grid.start[c];
    grid.items.resize(std::size_t(grid.start.back()));
    std::vector<std::int32_t> fill(grid.start.begin(), grid.start.end() - 1);
    for (std::int32_t e = 0; e < edgeCount(); ++e) {
        if (isEdgeDrawn(e) && !isLong(e))
            forEdgeCells(e, [&](int cell) { grid.items[std::size_t(fill[std::size_t(cell)]++)] = e; });
    }
}

void GraphScene::collectNodes(const QRectF &rect, std::vector<std::int32_t> &out) const
{
    out.clear();
    if (isEmpty())
        return;
    ensureIndex();
    const auto consider = [&](std::int32_t node) {
        const QPointF p = m_positions[std::size_t(node)];
        const double r2 = radius(node);
        if (p.x() + r2 >= rect.left() && p.x() - r2 <= rect.right() && p.y() + r2 >= rect.top() && p.y() - r2 <= rect.bottom())
            out.push_back(node);
    };
    for (const std::int32_t node : m_movedNodes)
        if (!m_hidden[std::size_t(node)])
            consider(node);
    const Grid &grid = m_nodeGrid;
    const double margin = kBaseRadius * m_maxSizeFactor;
    const QRectF area = rect.adjusted(-margin, -margin, margin, margin);
    if (!area.intersects(grid.bounds.adjusted(-1, -1, 1, 1)))
        return;
    const int c0 = grid.column(area.left()), c1 = grid.column(area.right());
    const int r0 = grid.row(area.top()), r1 = grid.row(area.bottom());
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const std::size_t cell = std::size_t(r) * std::size_t(grid.columns) + std::size_t(c);
            for (std::int32_t k = grid.start[cell]; k < grid.start[cell + 1]; ++k) {
                const std::int32_t node = grid.items[std::size_t(k)];
                if (!m_moved[std::size_t(node)]) // a moved node is filed under its old cell
                    consider(node);
            }
        }
    }
}

void GraphScene::collectEdges(const QRectF &rect, std::vector<std::int32_t> &out) const
{
    out.clear();
    if (isEmpty())
        return;
    ensureIndex();
    if (rect.contains(m_nodeGrid.bounds)) { // the whole chart in view: no need to look
        out.assign(m_drawnEdges.begin(), m_drawnEdges.end());
        return;
    }
    if (++m_stamp == 0) { // wrapped: forget old stamps
        std::fill(m_edgeStamp.begin(), m_edgeStamp.end(), 0);
        m_stamp = 1;
    }
    const auto consider = [&](std::int32_t edge) {
        std::uint32_t &stamp = m_edgeStamp[std::size_t(edge)];
        if (stamp == m_stamp)
            return;
        stamp = m_stamp;
        const GraphEdge &e = m_graph->edges()[std::size_t(edge)];
        QPointF a = m_positions[std::size_t(e.from)], b = m_positions[std::size_t(e.to)];
        if (rect.contains(a) || rect.contains(b) || clipSegment(a, b, rect))
            out.push_back(edge);
    };
    const Grid &grid = m_edgeGrid;
    const QRectF area = rect.adjusted(-grid.cell, -grid.cell, grid.cell, grid.cell);
    if (area.intersects(grid.bounds.adjusted(-1, -1, 1, 1))) {
        const int c0 = grid.column(area.left()), c1 = grid.column(area.right());
        const int r0 = grid.row(area.top()), r1 = grid.row(area.bottom());
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) {
                const std::size_t cell = std::size_t(r) * std::size_t(grid.columns) + std::size_t(c);
                for (std::int32_t k = grid.start[cell]; k < grid.start[cell + 1]; ++k)
                    consider(grid.items[std::size_t(k)]);
            }
        }
    }
    for (const std::int32_t edge : m_longEdges)
        consider(edge);
    for (const std::int32_t edge : m_movedEdges)
        consider(edge);
}

std::int32_t GraphScene::nodeAt(QPointF point, double tolerance) const
{
    std::vector<std::int32_t> near;
    collectNodes(QRectF(point.x() - tolerance, point.y() - tolerance, 2 * tolerance, 2 * tolerance), near);
    std::int32_t best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (const std::int32_t node : near) {
        const QPointF d = m_positions[std::size_t(node)] - point;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= radius(node) + tolerance && distance - radius(node) < bestDistance) {
            best = node;
            bestDistance = distance - radius(node);
        }
    }
    return best;
}

std::int32_t GraphScene::edgeAt(QPointF point, double tolerance) const
{
    std::vector<std::int32_t> near;
    collectEdges(QRectF(point.x() - tolerance, point.y() - tolerance, 2 * tolerance, 2 * tolerance), near);
    std::int32_t best = -1;
    double bestDistance = tolerance;
    for (const std::int32_t edge : near) {
        const GraphEdge &e = m_graph->edges()[std::size_t(edge)];
        const double distance = distanceToSegment(point, m_positions[std::size_t(e.from)], m_positions[std::size_t(e.to)]);
        if (distance <= bestDistance) {
            best = edge;
            bestDistance = distance;
        }
    }
    return best;
}

std::vector<std::int32_t> GraphScene::nodesIn(const QRectF &rect) const
{
    std::vector<std::int32_t> candidates;
    collectNodes(rect, candidates);
    std::vector<std::int32_t> inside;
    for (const std::int32_t node : candidates) {
        if (rect.contains(m_positions[std::size_t(node)]))
            inside.push_back(node);
    }
    std::sort(inside.begin(), inside.end());
    return inside;
}

} // namespace fundtrace::graph
