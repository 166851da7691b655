#include "graph/LinkChart.h"

#include <QElapsedTimer>
#include <cmath>
#include <limits>

namespace fundtrace::graph {

LinkChartMaker::LinkChartMaker(const detect::DetectionContext &context, QHash<std::int64_t, NodeMarks> subjectMarks,
                               QHash<std::int64_t, NodeMarks> accountMarks)
    : m_builder(context, std::move(subjectMarks), std::move(accountMarks))
{
}

LinkChart LinkChartMaker::make(const db::Database &db, const GraphView &view, const std::atomic_bool *cancel) const
{
    LinkChart chart;
    QElapsedTimer timer;
    timer.start();

    const std::vector<std::int64_t> seeds = m_builder.resolveSeeds(db, view.mode, view.seeds);
    FlowGraph graph = m_builder.build(view.mode, seeds, view.filter);
    if (!view.expanded.empty())
        graph = m_builder.expand(graph, view.expanded, view.filter);
    if (!view.hidden.empty())
        graph = FlowGraphGrouping::without(graph, view.hidden);
    if (!view.groups.empty())
        graph = FlowGraphGrouping::collapse(graph, view.groups);
    chart.metrics = GraphAnalytics::compute(graph);
    chart.buildSeconds = timer.nsecsElapsed() / 1e9;

    // Nodes with a saved position keep it; the layout places the others around them.
    timer.restart();
    const double free = std::numeric_limits<double>::quiet_NaN();
    LayoutRequest request;
    request.kind = view.layout;
    request.layersByTime = view.layersByTime;
    request.cancel = cancel;
    request.pinned.assign(graph.nodes().size(), QPointF(free, free));
    for (std::size_t n = 0; n < graph.nodes().size(); ++n) {
        const auto saved = view.positions.constFind(graph.nodes()[n].id);
        if (saved != view.positions.constEnd())
            request.pinned[n] = *saved;
        else
            ++chart.laidOut;
    }
    if (view.layout == LayoutKind::Circular) {
        request.groups.reserve(chart.metrics.nodes.size());
        for (const NodeMetrics &metrics : chart.metrics.nodes)
            request.groups.push_back(metrics.community);
    }
    if (chart.laidOut > 0)
        chart.positions = GraphLayout::compute(graph, request);
    else
        chart.positions = request.pinned;
    chart.layoutSeconds = timer.nsecsElapsed() / 1e9;
    chart.graph = std::move(graph);
    return chart;
}

} // namespace fundtrace::graph
