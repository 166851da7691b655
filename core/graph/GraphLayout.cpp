#include "graph/GraphLayout.h"

#include "graph/IgraphLock.h"

#include <QHash>
#include <QRectF>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <random>

namespace fundtrace::graph {
namespace {

constexpr double kNeighbourDistance = 100.0; // scene units between neighbouring nodes
constexpr double kLayerGap = 220.0;          // Layered: columns wider than rows, room for labels
constexpr double kSubColumnGap = 150.0;      // Layered: between the parts of a wrapped column
constexpr double kGroupGap = 160.0;          // Circular: space between two group circles
constexpr double kMinNearestDistance = 60.0; // Force: most nodes at least this far from any other
constexpr double kMaxSpread = 8.0; // or leaves hanging off hubs would stretch the chart apart
constexpr int kForceIterations = 500;
constexpr int kLayeredSweeps = 16;
constexpr int kMaxTimeColumns = 24;

void throwIfCancelled(const LayoutRequest &request)
{
    if (request.cancel && request.cancel->load(std::memory_order_relaxed))
        throw LayoutCancelled {};
}

bool isPinned(const LayoutRequest &request, std::size_t node)
{
    return node < request.pinned.size() && std::isfinite(request.pinned[node].x())
        && std::isfinite(request.pinned[node].y());
}

// Pinned nodes keep their place whatever the layout computed for them.
void applyPins(std::vector<QPointF> &positions, const LayoutRequest &request)
{
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if (isPinned(request, i))
            positions[i] = request.pinned[i];
    }
}

// Undirected neighbour lists with the edges' weights, self-loops left out.
struct Adjacency {
    std::vector<std::int32_t> start; // CSR offsets, size n + 1
    std::vector<std::int32_t> neighbour;
    std::vector<double> weight;

    explicit Adjacency(const FlowGraph &graph)
    {
        const std::size_t n = graph.nodes().size();
        start.assign(n + 1, 0);
        for (const GraphEdge &edge : graph.edges()) {
            if (edge.from == edge.to)
                continue;
            ++start[std::size_t(edge.from) + 1];
            ++start[std::size_t(edge.to) + 1];
        }
        std::partial_sum(start.begin(), start.end(), start.begin());
        neighbour.resize(std::size_t(start.back()));
        weight.resize(neighbour.size());
        std::vector<std::int32_t> fill(start.begin(), start.end() - 1);
        for (const GraphEdge &edge : graph.edges()) {
            if (edge.from == edge.to)
                continue;
            const double w = std::log1p(std::max(edge.weight, 0.0)) + 1.0;
            neighbour[std::size_t(fill[std::size_t(edge.from)])] = edge.to;
            weight[std::size_t(fill[std::size_t(edge.from)]++)] = w;
            neighbour[std::size_t(fill[std::size_t(edge.to)])] = edge.from;
            weight[std::size_t(fill[std::size_t(edge.to)]++)] = w;
        }
    }
    std::int32_t begin(std::int32_t node) const { return start[std::size_t(node)]; }
    std::int32_t end(std::int32_t node) const { return start[std::size_t(node) + 1]; }
};

// RAII wrappers so an exception from check() frees igraph's objects.
struct IgraphGraph {
    igraph_t graph {};
    bool valid = false;
    ~IgraphGraph()
    {
        if (valid)
            igraph_destroy(&graph);
    }
};
struct IgraphMatrix {
    igraph_matrix_t matrix {};
    bool valid = false;
    ~IgraphMatrix()
    {
        if (valid)
            igraph_matrix_destroy(&matrix);
    }
};
struct IgraphVector {
    igraph_vector_t vector {};
    bool valid = false;
    ~IgraphVector()
    {
        if (valid)
            igraph_vector_destroy(&vector);
    }
};

// The median distance from a node to its nearest other node: a sweep over nodes sorted by x
// that stops looking once the x gap alone is farther than the best found.
double medianNearestDistance(const std::vector<QPointF> &points)
{
    if (points.size() < 2)
        return 0;
    std::vector<QPointF> sorted = points;
    std::sort(sorted.begin(), sorted.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
    std::vector<double> nearest(sorted.size(), std::numeric_limits<double>::max());
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        for (std::size_t j = i + 1; j < sorted.size() && sorted[j].x() - sorted[i].x() < nearest[i]; ++j) {
            const double d = std::hypot(sorted[j].x() - sorted[i].x(), sorted[j].y() - sorted[i].y());
            nearest[i] = std::min(nearest[i], d);
            nearest[j] = std::min(nearest[j], d);
        }
    }
    auto middle = nearest.begin() + std::ptrdiff_t(nearest.size() / 2);
    std::nth_element(nearest.begin(), middle, nearest.end());
    return *middle;
}

// Fruchterman-Reingold (grid-accelerated above 1000 nodes, which keeps 10k nodes / 50k edges at
// about a second and a half). Heavier flows pull harder, on a log scale so one huge transfer does
// not collapse its ends. Pinned nodes are held by igraph's per-node bounds.
//
// Runs as one igraph call, with cancellation checked before and after it: igraph 0.10's
// interruption handler returns without emptying its cleanup stack (dangling entries), and
// splitting the run into restarts is far slower, because the grid variant only covers a square
// of side sqrt(n) and a spread-out restart crowds its border cells.
std::vector<QPointF> forceLayout(const FlowGraph &graph, const LayoutRequest &request)
{
    const auto n = igraph_integer_t(graph.nodes().size());
    const std::vector<GraphEdge> &edges = graph.edges();
    bool anyPinned = false;
    for (std::size_t i = 0; i < graph.nodes().size(); ++i)
        anyPinned = anyPinned || isPinned(request, i);

    IgraphSession session(request.seed);
    IgraphGraph g;
    {
        igraph_vector_int_t endpoints;
        session.check(igraph_vector_int_init(&endpoints, igraph_integer_t(edges.size() * 2)), "preparing the layout");
        for (std::size_t e = 0; e < edges.size(); ++e) {
            VECTOR(endpoints)[2 * e] = edges[e].from;
            VECTOR(endpoints)[2 * e + 1] = edges[e].to;
        }
        const igraph_error_t rc = igraph_create(&g.graph, &endpoints, n, IGRAPH_UNDIRECTED);
        igraph_vector_int_destroy(&endpoints);
        session.check(rc, "building the graph for the layout");
        g.valid = true;
    }

    IgraphVector weights;
    session.check(igraph_vector_init(&weights.vector, igraph_integer_t(edges.size())), "preparing the layout");
    weights.valid = true;
    double maxWeight = 0;
    for (const GraphEdge &edge : edges)
        maxWeight = std::max(maxWeight, edge.weight);
    const double logMax = std::log1p(std::max(maxWeight, 0.0));
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const double t = logMax > 0 ? std::log1p(std::max(edges[e].weight, 0.0)) / logMax : 0.0;
        VECTOR(weights.vector)[igraph_integer_t(e)] = 0.5 + 2.5 * t; // must stay positive
    }

    // Start from a seeded random spread, pinned nodes at their place in igraph's units (about one
    // unit between neighbours, fewer when the pins would fall outside the grid's square) and
    // their free neighbours next to them.
    IgraphMatrix layout;
    session.check(igraph_matrix_init(&layout.matrix, n, 2), "preparing the layout");
    layout.valid = true;
    const double spread = std::sqrt(double(n));
    double unit = kNeighbourDistance; // scene units per igraph unit
    for (std::size_t i = 0; i < graph.nodes().size(); ++i) {
        if (isPinned(request, i)) {
            const QPointF p = request.pinned[i];
            unit = std::max(unit, std::max(std::abs(p.x()), std::abs(p.y())) / (spread * 0.45));
        }
    }
    igraph_rng_t *rng = igraph_rng_default();
    for (igraph_integer_t i = 0; i < n; ++i) {
        MATRIX(layout.matrix, i, 0) = igraph_rng_get_unif(rng, -spread / 2, spread / 2);
        MATRIX(layout.matrix, i, 1) = igraph_rng_get_unif(rng, -spread / 2, spread / 2);
    }
    IgraphVector minX, maxX, minY, maxY;
    if (anyPinned) {
        for (IgraphVector *bound : { &minX, &maxX, &minY, &maxY }) {
            session.check(igraph_vector_init(&bound->vector, n), "preparing the layout");
            bound->valid = true;
        }
        igraph_vector_fill(&minX.vector, -IGRAPH_INFINITY);
        igraph_vector_fill(&minY.vector, -IGRAPH_INFINITY);
        igraph_vector_fill(&maxX.vector, IGRAPH_INFINITY);
        igraph_vector_fill(&maxY.vector, IGRAPH_INFINITY);
        const Adjacency adjacency(graph);
        for (igraph_integer_t i = 0; i < n; ++i) {
            if (!isPinned(request, std::size_t(i)))
                continue;
            const double x = request.pinned[std::size_t(i)].x() / unit;
            const double y = request.pinned[std::size_t(i)].y() / unit;
            MATRIX(layout.matrix, i, 0) = x;
            MATRIX(layout.matrix, i, 1) = y;
            VECTOR(minX.vector)[i] = VECTOR(maxX.vector)[i] = x;
            VECTOR(minY.vector)[i] = VECTOR(maxY.vector)[i] = y;
            for (std::int32_t k = adjacency.begin(std::int32_t(i)); k < adjacency.end(std::int32_t(i)); ++k) {
                const std::int32_t other = adjacency.neighbour[std::size_t(k)];
                if (isPinned(request, std::size_t(other)))
                    continue;
                MATRIX(layout.matrix, other, 0) = x + igraph_rng_get_unif(rng, -1, 1);
                MATRIX(layout.matrix, other, 1) = y + igraph_rng_get_unif(rng, -1, 1);
            }
        }
    }

    throwIfCancelled(request);
    session.check(igraph_layout_fruchterman_reingold(&g.graph, &layout.matrix, true, kForceIterations,
                                                     std::max(spread / 10.0, 0.5), IGRAPH_LAYOUT_AUTOGRID, &weights.vector,
                                                     anyPinned ? &minX.vector : nullptr, anyPinned ? &maxX.vector : nullptr,
                                                     anyPinned ? &minY.vector : nullptr, anyPinned ? &maxY.vector : nullptr),
                  "computing the force-directed layout");
    throwIfCancelled(request);

    std::vector<QPointF> positions(static_cast<std::size_t>(n));
    for (igraph_integer_t i = 0; i < n; ++i)
        positions[std::size_t(i)] = QPointF(MATRIX(layout.matrix, i, 0), MATRIX(layout.matrix, i, 1));

    // Nodes with no flow in the chart feel no pull and stay where they started, far from the
    // rest; they are set in rows under the chart instead.
    std::vector<char> linked(positions.size(), 0);
    for (const GraphEdge &edge : edges) {
        if (edge.from != edge.to)
            linked[std::size_t(edge.from)] = linked[std::size_t(edge.to)] = 1;
    }
    std::vector<QPointF> connected;
    connected.reserve(positions.size());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if (linked[i] || isPinned(request, i))
            connected.push_back(positions[i]);
    }

    // With pins the scale is fixed by them; otherwise the median edge becomes the neighbour
    // distance, spread further when hubs pull their counterparties into a dense core, until most
    // nodes have room for their disc and label.
    double scale = unit;
    if (!anyPinned && !connected.empty()) {
        std::vector<double> lengths;
        lengths.reserve(edges.size());
        for (const GraphEdge &edge : edges) {
            if (edge.from != edge.to) {
                const QPointF d = positions[std::size_t(edge.from)] - positions[std::size_t(edge.to)];
                lengths.push_back(std::hypot(d.x(), d.y()));
            }
        }
        if (!lengths.empty()) {
            auto middle = lengths.begin() + std::ptrdiff_t(lengths.size() / 2);
            std::nth_element(lengths.begin(), middle, lengths.end());
            if (*middle > 1e-9)
                scale = kNeighbourDistance / *middle;
        }
        const double nearest = medianNearestDistance(connected);
        if (nearest > 1e-9)
            scale = std::clamp(kMinNearestDistance / nearest, scale, scale * kMaxSpread);
        QPointF centre;
        for (const QPointF &p : connected)
            centre += p;
        centre /= double(connected.size());
        for (QPointF &p : positions)
            p -= centre;
    }
    for (QPointF &p : positions)
        p *= scale;

    QRectF bounds;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if (linked[i] || isPinned(request, i))
            bounds = bounds.isNull() ? QRectF(positions[i], QSizeF(0, 0)) : bounds.united(QRectF(positions[i], QSizeF(0, 0)));
    }
    std::size_t loose = 0;
    for (std::size_t i = 0; i < positions.size(); ++i)
        loose += linked[i] || isPinned(request, i) ? 0 : 1;
    const auto perRow = std::size_t(std::max(1.0, std::max(bounds.width() / kNeighbourDistance, std::sqrt(double(loose) * 3))));
    std::size_t k = 0;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if (linked[i] || isPinned(request, i))
            continue;
        positions[i] = QPointF(bounds.left() + double(k % perRow) * kNeighbourDistance,
                               bounds.bottom() + 2 * kNeighbourDistance + double(k / perRow) * kNeighbourDistance);
        ++k;
    }
    applyPins(positions, request);
    return positions;
}

// Columns by hop from the seeds. A graph without seeds (the whole case) gets hops by a
// breadth-first walk along the money from the nodes that receive nothing, so it still reads
// left to right.
std::vector<int> layersByHop(const FlowGraph &graph)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    const bool anySeed = std::any_of(nodes.begin(), nodes.end(), [](const GraphNode &node) { return node.seed; });
    std::vector<int> layer(nodes.size(), 0);
    if (anySeed) {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            layer[i] = std::max(nodes[i].hop, 0);
        return layer;
    }
    const std::size_t n = nodes.size();
    std::vector<std::vector<std::int32_t>> out(n);
    std::vector<int> inDegree(n, 0);
    std::vector<double> outWeight(n, 0);
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.from == edge.to)
            continue;
        out[std::size_t(edge.from)].push_back(edge.to);
        ++inDegree[std::size_t(edge.to)];
        outWeight[std::size_t(edge.from)] += edge.weight;
    }
    std::vector<int> hop(n, -1);
    std::vector<std::int32_t> queue;
    queue.reserve(n);
    const auto walkFrom = [&](const std::vector<std::int32_t> &roots) {
        std::size_t head = queue.size();
        for (const std::int32_t root : roots) {
            hop[std::size_t(root)] = 0;
            queue.push_back(root);
        }
        for (; head < queue.size(); ++head) {
            const std::int32_t node = queue[head];
            for (const std::int32_t next : out[std::size_t(node)]) {
                if (hop[std::size_t(next)] < 0) {
                    hop[std::size_t(next)] = hop[std::size_t(node)] + 1;
                    queue.push_back(next);
                }
            }
        }
    };
    std::vector<std::int32_t> roots;
    for (std::size_t i = 0; i < n; ++i) {
        if (inDegree[i] == 0)
            roots.push_back(std::int32_t(i));
    }
    walkFrom(roots);
    // What is left sits on cycles: start again from its heaviest payer.
    while (queue.size() < n) {
        std::int32_t best = -1;
        for (std::size_t i = 0; i < n; ++i) {
            if (hop[i] < 0 && (best < 0 || outWeight[i] > outWeight[std::size_t(best)]))
                best = std::int32_t(i);
        }
        walkFrom({ best });
    }
    return hop;
}

// Columns by when money first reached each node: nodes that never receive start the trail in
// column 0, the others fall into up to kMaxTimeColumns buckets of equal size in arrival order.
std::vector<int> layersByArrival(const FlowGraph &graph)
{
    const std::size_t n = graph.nodes().size();
    constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int64_t> arrival(n, never);
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.from != edge.to)
            arrival[std::size_t(edge.to)] = std::min(arrival[std::size_t(edge.to)], edge.firstAt);
    }
    std::vector<std::int64_t> times;
    for (const std::int64_t at : arrival) {
        if (at != never)
            times.push_back(at);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    const std::size_t columns = std::min<std::size_t>(times.size(), kMaxTimeColumns);
    std::vector<int> layer(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (arrival[i] == never)
            continue;
        const auto rank = std::size_t(std::lower_bound(times.begin(), times.end(), arrival[i]) - times.begin());
        layer[i] = 1 + int(rank * columns / times.size());
    }
    return layer;
}

// Left to right: x by column, y by order within the column, found by barycentre sweeps (each
// node moves towards the average row of its neighbours in the columns already placed). Written
// here rather than with igraph's Sugiyama layout, whose dummy nodes for long edges make a
// 10k-node trail take many seconds.
std::vector<QPointF> layeredLayout(const FlowGraph &graph, const LayoutRequest &request)
{
    const std::size_t n = graph.nodes().size();
    std::vector<int> layer = request.layersByTime ? layersByArrival(graph) : layersByHop(graph);

    // Drop empty columns so the trail has no gaps.
    std::vector<int> used = layer;
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int &l : layer)
        l = int(std::lower_bound(used.begin(), used.end(), l) - used.begin());
    const std::size_t columnCount = used.size();

    std::vector<std::vector<std::int32_t>> columns(columnCount);
    for (std::size_t i = 0; i < n; ++i)
        columns[std::size_t(layer[i])].push_back(std::int32_t(i));
    std::vector<double> row(n, 0);
    for (const auto &column : columns) {
        for (std::size_t k = 0; k < column.size(); ++k)
            row[std::size_t(column[k])] = double(k);
    }

    const Adjacency adjacency(graph);
    std::vector<double> barycentre(n, 0);
    for (int sweep = 0; sweep < kLayeredSweeps; ++sweep) {
        throwIfCancelled(request);
        const bool forward = sweep % 2 == 0;
        for (std::size_t c = 0; c < columnCount; ++c) {
            const std::size_t col = forward ? c : columnCount - 1 - c;
            std::vector<std::int32_t> &column = columns[col];
            for (const std::int32_t node : column) {
                double sum = 0, total = 0;
                for (std::int32_t k = adjacency.begin(node); k < adjacency.end(node); ++k) {
                    const std::int32_t other = adjacency.neighbour[std::size_t(k)];
                    const int otherLayer = layer[std::size_t(other)];
                    if (forward ? otherLayer < int(col) : otherLayer > int(col)) {
                        sum += row[std::size_t(other)] * adjacency.weight[std::size_t(k)];
                        total += adjacency.weight[std::size_t(k)];
                    }
                }
                barycentre[std::size_t(node)] = total > 0 ? sum / total : row[std::size_t(node)];
            }
            std::stable_sort(column.begin(), column.end(), [&](std::int32_t a, std::int32_t b) {
                return barycentre[std::size_t(a)] < barycentre[std::size_t(b)];
            });
            // Rows are spread on the scale of the tallest column so short columns sit in the middle.
            for (std::size_t k = 0; k < column.size(); ++k)
                row[std::size_t(column[k])] = double(k) - (double(column.size()) - 1) / 2;
        }
    }

    // A column taller than the chart is wide (a hub's hundreds of counterparties) wraps into
    // side-by-side sub-columns, dealt in turn so the barycentre order still runs top to bottom.
    const auto maxRows = std::size_t(std::max(12.0, std::ceil(std::sqrt(double(n)) * 1.5)));
    std::vector<QPointF> positions(n);
    double columnX = 0;
    for (const std::vector<std::int32_t> &column : columns) {
        const std::size_t subColumns = (column.size() + maxRows - 1) / maxRows;
        const std::size_t rows = subColumns > 0 ? (column.size() + subColumns - 1) / subColumns : 0;
        for (std::size_t k = 0; k < column.size(); ++k) {
            const double rowIndex = double(k / std::max<std::size_t>(subColumns, 1)) - (double(rows) - 1) / 2;
            positions[std::size_t(column[k])] =
                QPointF(columnX + double(k % std::max<std::size_t>(subColumns, 1)) * kSubColumnGap, rowIndex * kNeighbourDistance);
        }
        columnX += double(std::max<std::size_t>(subColumns, 1) - 1) * kSubColumnGap + kLayerGap;
    }
    applyPins(positions, request);
    return positions;
}

// Members of a group in the order a breadth-first walk inside the group meets them, so linked
// members sit side by side on their circle.
std::vector<std::int32_t> circleOrder(const std::vector<std::int32_t> &members, const Adjacency &adjacency,
                                      const std::vector<int> &groupOf, std::vector<char> &placed)
{
    std::vector<std::int32_t> order;
    order.reserve(members.size());
    std::vector<std::int32_t> byDegree = members;
    std::stable_sort(byDegree.begin(), byDegree.end(), [&](std::int32_t a, std::int32_t b) {
        return adjacency.end(a) - adjacency.begin(a) > adjacency.end(b) - adjacency.begin(b);
    });
    for (const std::int32_t root : byDegree) {
        if (placed[std::size_t(root)])
            continue;
        placed[std::size_t(root)] = 1;
        std::size_t head = order.size();
        order.push_back(root);
        for (; head < order.size(); ++head) {
            const std::int32_t node = order[head];
            for (std::int32_t k = adjacency.begin(node); k < adjacency.end(node); ++k) {
                const std::int32_t other = adjacency.neighbour[std::size_t(k)];
                if (!placed[std::size_t(other)] && groupOf[std::size_t(other)] == groupOf[std::size_t(node)]) {
                    placed[std::size_t(other)] = 1;
                    order.push_back(other);
                }
            }
        }
    }
    return order;
}

// One circle per group, the groups' circles placed around a larger circle, largest group first.
std::vector<QPointF> circularLayout(const FlowGraph &graph, const LayoutRequest &request)
{
    const std::size_t n = graph.nodes().size();
    std::vector<int> groupOf(n, 0);
    if (request.groups.size() == n)
        groupOf = request.groups;

    QHash<int, std::size_t> slot;
    std::vector<std::vector<std::int32_t>> groups;
    for (std::size_t i = 0; i < n; ++i) {
        auto it = slot.find(groupOf[i]);
        if (it == slot.end()) {
            it = slot.insert(groupOf[i], groups.size());
            groups.emplace_back();
        }
        groups[*it].push_back(std::int32_t(i));
    }
    std::stable_sort(groups.begin(), groups.end(), [&](const auto &a, const auto &b) {
        if (a.size() != b.size())
            return a.size() > b.size();
        return groupOf[std::size_t(a.front())] < groupOf[std::size_t(b.front())];
    });
    throwIfCancelled(request);

    const Adjacency adjacency(graph);
    std::vector<char> placed(n, 0);
    std::vector<double> radius(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const double members = double(groups[g].size());
        radius[g] = members <= 1 ? 0.0 : std::max(kNeighbourDistance / 2, members * kNeighbourDistance / (2 * std::numbers::pi));
    }

    // Each group takes an arc of the big circle in proportion to its width; the big circle is
    // large enough that neighbouring group circles keep kGroupGap between them.
    std::vector<double> angle(groups.size(), 0);
    double bigRadius = 0;
    if (groups.size() > 1) {
        double totalWidth = 0;
        for (const double r : radius)
            totalWidth += 2 * r + kGroupGap;
        double at = 0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const double share = (2 * radius[g] + kGroupGap) / totalWidth * 2 * std::numbers::pi;
            angle[g] = at + share / 2;
            at += share;
        }
        bigRadius = totalWidth / (2 * std::numbers::pi);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const std::size_t next = (g + 1) % groups.size();
            double between = angle[next] - angle[g];
            if (between <= 0)
                between += 2 * std::numbers::pi;
            between = std::min(between, 2 * std::numbers::pi - between);
            const double needed = (radius[g] + radius[next] + kGroupGap) / (2 * std::sin(between / 2));
            bigRadius = std::max(bigRadius, needed);
        }
    }

    std::vector<QPointF> positions(n);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        throwIfCancelled(request);
        const QPointF centre(bigRadius * std::cos(angle[g]), bigRadius * std::sin(angle[g]));
        const std::vector<std::int32_t> order = circleOrder(groups[g], adjacency, groupOf, placed);
        for (std::size_t k = 0; k < order.size(); ++k) {
            const double a = 2 * std::numbers::pi * double(k) / double(order.size()) - std::numbers::pi / 2;
            positions[std::size_t(order[k])] = centre + QPointF(radius[g] * std::cos(a), radius[g] * std::sin(a));
        }
    }
    applyPins(positions, request);
    return positions;
}

} // namespace

QString layoutKindName(LayoutKind kind)
{
    switch (kind) {
    case LayoutKind::Force:
        return QStringLiteral("force");
    case LayoutKind::Layered:
        return QStringLiteral("layered");
    case LayoutKind::Circular:
        break;
    }
    return QStringLiteral("circular");
}

bool layoutKindFromName(const QString &name, LayoutKind &kind)
{
    for (const LayoutKind candidate : { LayoutKind::Force, LayoutKind::Layered, LayoutKind::Circular }) {
        if (name.compare(layoutKindName(candidate), Qt::CaseInsensitive) == 0) {
            kind = candidate;
            return true;
        }
    }
    return false;
}

std::vector<QPointF> GraphLayout::compute(const FlowGraph &graph, const LayoutRequest &request)
{
    throwIfCancelled(request);
    if (graph.nodes().empty())
        return {};
    if (graph.nodes().size() == 1) {
        std::vector<QPointF> single { QPointF(0, 0) };
        applyPins(single, request);
        return single;
    }
    switch (request.kind) {
    case LayoutKind::Force:
        return forceLayout(graph, request);
    case LayoutKind::Layered:
        return layeredLayout(graph, request);
    case LayoutKind::Circular:
        break;
    }
    return circularLayout(graph, request);
}

} // namespace fundtrace::graph
