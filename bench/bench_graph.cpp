// Times the link chart on a synthetic flow graph of 10 000 nodes and 50 000 edges: each layout
// (force, layered, circular), then 200 pan/zoom frames rendered offscreen into a 1600 x 1000
// image at overview zoom and at a close zoom (labels, arrows and badges on). Targets: layout in
// under 5 s, median frame under 33 ms.
//
// Usage: bench_graph [--nodes N] [--edges M] [--frames F] [--seed S]
//   The graph: power-law degrees (a few hubs take a large share of the flows), 40 communities
//   that keep most flows inside, mixed subject kinds, log-normal amounts, risk and alert marks on
//   a few percent of the nodes, hops from one seed.

#include "graph/FlowGraph.h"
#include "graph/GraphLayout.h"
#include "graph/GraphRenderer.h"
#include "graph/GraphScene.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

using namespace fundtrace;

namespace {

constexpr int kCommunities = 40;

struct Synthetic {
    graph::FlowGraph graph;
    std::vector<int> community;
};

Synthetic makeGraph(int nodeCount, int edgeCount, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    const QStringList kinds { QStringLiteral("person"), QStringLiteral("organisation"), QStringLiteral("npo"),
                              QStringLiteral("institution"), QStringLiteral("agent"), QStringLiteral("unknown") };
    const std::array<double, 6> kindShare { 0.70, 0.15, 0.05, 0.03, 0.05, 0.02 };

    Synthetic result;
    std::vector<graph::GraphNode> nodes(static_cast<std::size_t>(nodeCount));
    result.community.resize(static_cast<std::size_t>(nodeCount));
    // Popularity by a power law over a shuffled order; the first ten are hubs (banks, exchangers).
    std::vector<double> popularity(static_cast<std::size_t>(nodeCount));
    std::vector<int> order(static_cast<std::size_t>(nodeCount));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    for (int rank = 0; rank < nodeCount; ++rank)
        popularity[std::size_t(order[std::size_t(rank)])] = std::pow(rank + 1.0, -0.9) * (rank < 10 ? 20 : 1);
    std::vector<std::vector<int>> members(kCommunities);
    for (int i = 0; i < nodeCount; ++i) {
        graph::GraphNode &node = nodes[std::size_t(i)];
        node.id = 1000 + i;
        node.contextIndex = i;
        double pick = unit(rng);
        std::size_t k = 0;
        while (k + 1 < kindShare.size() && pick > kindShare[k])
            pick -= kindShare[k++];
        node.kind = kinds[qsizetype(k)];
        node.label = QStringLiteral("%1 %2").arg(node.kind == u"person" ? QStringLiteral("Subject") : QStringLiteral("Company")).arg(i);
        if (unit(rng) < 0.05)
            node.marks = graph::NodeMarks { int(40 + unit(rng) * 60), int(unit(rng) * 4), unit(rng) < 0.3 ? 1 : 0,
                                            unit(rng) < 0.5 ? 2 : 0 };
        result.community[std::size_t(i)] = int(rng() % kCommunities);
        members[std::size_t(result.community[std::size_t(i)])].push_back(i);
    }
    std::discrete_distribution<int> byPopularity(popularity.begin(), popularity.end());
    std::vector<std::discrete_distribution<int>> inCommunity;
    for (const std::vector<int> &group : members) {
        std::vector<double> weights;
        for (const int member : group)
            weights.push_back(popularity[std::size_t(member)]);
        inCommunity.emplace_back(weights.begin(), weights.end());
    }

    std::lognormal_distribution<double> amount(11.0, 1.6); // median about 60 000 KZT
    QSet<quint64> seen;
    std::vector<graph::GraphEdge> edges;
    edges.reserve(std::size_t(edgeCount));
    const std::int64_t start = 1704067200; // 2024-01-01 UTC
    while (int(edges.size()) < edgeCount) {
        const int from = int(rng() % std::uint64_t(nodeCount));
        const int group = result.community[std::size_t(from)];
        const int to = unit(rng) < 0.8 ? members[std::size_t(group)][std::size_t(inCommunity[std::size_t(group)](rng))]
                                       : byPopularity(rng);
        if (from == to || seen.contains((quint64(from) << 32) | quint64(to)))
            continue;
        seen.insert((quint64(from) << 32) | quint64(to));
        graph::GraphEdge edge;
        edge.from = from;
        edge.to = to;
        edge.count = 1 + std::int64_t(unit(rng) * unit(rng) * 40);
        edge.weight = amount(rng) * double(edge.count);
        edge.totals = { { QStringLiteral("KZT"), std::int64_t(edge.weight * 100) } };
        edge.firstAt = start + std::int64_t(unit(rng) * 300 * 86400);
        edge.lastAt = edge.firstAt + std::int64_t(unit(rng) * 60 * 86400);
        edges.push_back(std::move(edge));
    }

    // Hops from the busiest payer, as a chart started from one subject would have them.
    std::vector<std::vector<int>> neighbours(static_cast<std::size_t>(nodeCount));
    for (const graph::GraphEdge &edge : edges) {
        neighbours[std::size_t(edge.from)].push_back(edge.to);
        neighbours[std::size_t(edge.to)].push_back(edge.from);
    }
    const int seedNode = order[0];
    std::vector<int> hop(std::size_t(nodeCount), -1);
    std::vector<int> queue { seedNode };
    hop[std::size_t(seedNode)] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        for (const int next : neighbours[std::size_t(queue[head])]) {
            if (hop[std::size_t(next)] < 0) {
                hop[std::size_t(next)] = hop[std::size_t(queue[head])] + 1;
                queue.push_back(next);
            }
        }
    }
    int maxHop = 0;
    for (const int h : hop)
        maxHop = std::max(maxHop, h);
    for (int i = 0; i < nodeCount; ++i)
        nodes[std::size_t(i)].hop = hop[std::size_t(i)] < 0 ? maxHop + 1 : hop[std::size_t(i)];
    nodes[std::size_t(seedNode)].seed = true;
    result.graph = graph::FlowGraph::fromParts(graph::NodeMode::Subjects, std::move(nodes), std::move(edges), QStringLiteral("KZT"));
    return result;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

// Frames as the chart view draws them: background, then the scene for the visible rectangle,
// while the view pans and zooms a little each frame.
void timeFrames(const char *name, const graph::GraphScene &scene, QPointF centre, double zoom, int frames)
{
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    graph::GraphRenderer renderer;
    std::vector<double> ms;
    std::size_t nodesInView = 0, edgesInView = 0;
    int thinned = 0;
    QElapsedTimer timer;
    for (int f = 0; f < frames; ++f) {
        const double z = zoom * (1.0 + 0.1 * std::sin(f * 0.05));
        const QPointF at = centre + QPointF(std::cos(f * 0.03), std::sin(f * 0.04)) * (120.0 / zoom); // pan by screen pixels
        QTransform transform;
        transform.translate(800, 500);
        transform.scale(z, z);
        transform.translate(-at.x(), -at.y());
        const QRectF visible = transform.inverted().mapRect(QRectF(0, 0, 1600, 1000));
        timer.start();
        QPainter painter(&image);
        painter.fillRect(image.rect(), graph::GraphRenderer::backgroundColour());
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        renderer.paint(painter, scene, transform, visible);
        painter.end();
        ms.push_back(timer.nsecsElapsed() / 1e6);
        if (f == 0) {
            const QString keep = qEnvironmentVariable("FUNDTRACE_SCREENSHOT_DIR");
            if (!keep.isEmpty())
                image.save(QStringLiteral("%1/bench-graph-%2.png").arg(keep, QString::fromLatin1(name).section(u' ', 0, 0)));
            std::vector<std::int32_t> inView;
            scene.collectNodes(visible, inView);
            nodesInView = inView.size();
            scene.collectEdges(visible, inView);
            edgesInView = inView.size();
            thinned = renderer.skippedEdges();
        }
    }
    std::printf("%-28s zoom %6.3f   median %6.1f ms   p95 %6.1f ms   max %6.1f ms   %s  (first frame: %zu nodes, %zu flows in view, %d thinned)\n",
                name, zoom, percentile(ms, 0.5), percentile(ms, 0.95), *std::max_element(ms.begin(), ms.end()),
                percentile(ms, 0.5) < 33 ? "OK" : "MISSED", nodesInView, edgesInView, thinned);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int nodeCount = 10'000, edgeCount = 50'000, frames = 200;
    std::uint64_t seed = 7;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--nodes")
            nodeCount = args[i + 1].toInt();
        else if (args[i] == u"--edges")
            edgeCount = args[i + 1].toInt();
        else if (args[i] == u"--frames")
            frames = args[i + 1].toInt();
        else if (args[i] == u"--seed")
            seed = args[i + 1].toULongLong();
    }
    edgeCount = std::min<long long>(edgeCount, (long long)nodeCount * (nodeCount - 1) / 2);

    QElapsedTimer timer;
    timer.start();
    const Synthetic synthetic = makeGraph(nodeCount, edgeCount, seed);
    std::printf("\nLink chart benchmark: %zu nodes, %zu edges (generated in %.2f s)\n\n", synthetic.graph.nodes().size(),
                synthetic.graph.edges().size(), timer.elapsed() / 1000.0);

    std::vector<QPointF> forcePositions;
    bool layoutsOk = true;
    for (const graph::LayoutKind kind : { graph::LayoutKind::Force, graph::LayoutKind::Layered, graph::LayoutKind::Circular }) {
        graph::LayoutRequest request;
        request.kind = kind;
        request.seed = seed;
        if (kind == graph::LayoutKind::Circular)
            request.groups = synthetic.community;
        timer.restart();
        std::vector<QPointF> positions = graph::GraphLayout::compute(synthetic.graph, request);
        const double seconds = timer.elapsed() / 1000.0;
        layoutsOk = layoutsOk && seconds < 5.0;
        std::printf("layout %-10s %7.2f s\n", qPrintable(graph::layoutKindName(kind)), seconds);
        if (kind == graph::LayoutKind::Force)
            forcePositions = std::move(positions);
    }
    std::printf("layouts under 5 s: %s\n\n", layoutsOk ? "OK" : "MISSED");
    std::fflush(stdout);

    graph::GraphScene scene(synthetic.graph, forcePositions);
    timer.restart();
    std::vector<std::int32_t> warm;
    scene.collectNodes(scene.boundingRect(), warm); // builds the spatial grids once
    std::printf("spatial index built in %.1f ms\n", timer.nsecsElapsed() / 1e6);
    const QRectF bounds = scene.boundingRect();
    const double fitZoom = std::min(1560 / bounds.width(), 960 / bounds.height());
    // Close in on the busiest node, where a zoomed-in investigator would be.
    std::int32_t hub = 0;
    std::vector<int> degree(synthetic.graph.nodes().size(), 0);
    for (const graph::GraphEdge &edge : synthetic.graph.edges()) {
        ++degree[std::size_t(edge.from)];
        ++degree[std::size_t(edge.to)];
    }
    hub = std::int32_t(std::max_element(degree.begin(), degree.end()) - degree.begin());
    timeFrames("overview (everything)", scene, bounds.center(), fitZoom, frames);
    timeFrames("close (labels, arrows)", scene, scene.position(hub), 1.0, frames);
    scene.setSelected(hub, true);
    timeFrames("close, hub selected", scene, scene.position(hub), 1.0, frames);

    // Dragging the hub: every mouse move sets its position, then the view asks what is under the
    // cursor and what is in view, as LinkChartView does before it paints.
    {
        std::vector<double> ms;
        std::vector<std::int32_t> nodesInView, edgesInView;
        const QRectF view(scene.position(hub) - QPointF(800, 500), QSizeF(1600, 1000));
        for (int step = 0; step < 60; ++step) {
            timer.restart();
            scene.setPosition(hub, scene.position(hub) + QPointF(4, 3));
            scene.nodeAt(scene.position(hub));
            scene.collectNodes(view, nodesInView);
            scene.collectEdges(view, edgesInView);
            ms.push_back(timer.nsecsElapsed() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("\ndrag the hub (%d edges): scene work per mouse move median %.2f ms, max %.2f ms\n",
                    degree[std::size_t(hub)], ms[ms.size() / 2], ms.back());
    }
    return 0;
}
