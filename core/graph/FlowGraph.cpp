#include "graph/FlowGraph.h"

#include <QJsonArray>

namespace fundtrace::graph {
namespace {

QString entityName(NodeEntity entity)
{
    switch (entity) {
    case NodeEntity::Subject:
        return QStringLiteral("subject");
    case NodeEntity::Account:
        return QStringLiteral("account");
    case NodeEntity::Group:
        break;
    }
    return QStringLiteral("group");
}

} // namespace

bool channelFromName(const QString &name, detect::Channel &channel)
{
    for (const detect::Channel candidate : { detect::Channel::Unknown, detect::Channel::Transfer,
             detect::Channel::Cash, detect::Channel::Card, detect::Channel::Wallet,
             detect::Channel::Agent, detect::Channel::Other }) {
        if (name == QLatin1String(detect::channelName(candidate))) {
            channel = candidate;
            return true;
        }
    }
    return false;
}

QString nodeModeName(NodeMode mode)
{
    return mode == NodeMode::Subjects ? QStringLiteral("subjects") : QStringLiteral("accounts");
}

bool nodeModeFromName(const QString &name, NodeMode &mode)
{
    if (name == u"subjects")
        mode = NodeMode::Subjects;
    else if (name == u"accounts")
        mode = NodeMode::Accounts;
    else
        return false;
    return true;
}

QString directionName(GraphFilter::Direction direction)
{
    switch (direction) {
    case GraphFilter::Direction::Both:
        return QStringLiteral("both");
    case GraphFilter::Direction::Outgoing:
        return QStringLiteral("out");
    case GraphFilter::Direction::Incoming:
        break;
    }
    return QStringLiteral("in");
}

bool directionFromName(const QString &name, GraphFilter::Direction &direction)
{
    if (name == u"both")
        direction = GraphFilter::Direction::Both;
    else if (name == u"out")
        direction = GraphFilter::Direction::Outgoing;
    else if (name == u"in")
        direction = GraphFilter::Direction::Incoming;
    else
        return false;
    return true;
}

QJsonObject GraphFilter::toJson() const
{
    QJsonArray channelNames;
    for (const detect::Channel channel : channels)
        channelNames.append(QLatin1String(detect::channelName(channel)));
    return {
        { QStringLiteral("from"), qint64(from) },
        { QStringLiteral("to"), qint64(to) },
        { QStringLiteral("min_amount_minor"), qint64(minAmountMinor) },
        { QStringLiteral("channels"), channelNames },
        { QStringLiteral("direction"), directionName(direction) },
        { QStringLiteral("hops"), hops },
    };
}

GraphFilter GraphFilter::fromJson(const QJsonObject &json)
{
    GraphFilter filter;
    filter.from = json.value(u"from").toInteger(filter.from);
    filter.to = json.value(u"to").toInteger(filter.to);
    filter.minAmountMinor = json.value(u"min_amount_minor").toInteger(filter.minAmountMinor);
    filter.hops = json.value(u"hops").toInt(filter.hops);
    for (const QJsonValue &value : json.value(u"channels").toArray()) {
        detect::Channel channel {};
        if (!channelFromName(value.toString(), channel))
            throw GraphError(QStringLiteral("Unknown channel \"%1\" in a saved graph filter.")
                                 .arg(value.toString()));
        filter.channels.push_back(channel);
    }
    if (json.contains(u"direction")
        && !directionFromName(json.value(u"direction").toString(), filter.direction))
        throw GraphError(
            QStringLiteral("Unknown direction \"%1\" in a saved graph filter (both, out or in).")
                .arg(json.value(u"direction").toString()));
    return filter;
}

QJsonObject FlowGraph::toJson() const
{
    QJsonArray nodes;
    for (const GraphNode &node : m_nodes) {
        nodes.append(QJsonObject {
            { QStringLiteral("id"), qint64(node.id) },
            { QStringLiteral("entity"), entityName(node.entity) },
            { QStringLiteral("label"), node.label },
            { QStringLiteral("kind"), node.kind },
            { QStringLiteral("risk"), node.marks.risk },
            { QStringLiteral("alerts"), node.marks.alerts },
            { QStringLiteral("hits"), node.marks.hits },
            { QStringLiteral("annotations"), node.marks.annotations },
            { QStringLiteral("hop"), node.hop },
            { QStringLiteral("seed"), node.seed },
        });
    }
    QJsonArray edges;
    for (const GraphEdge &edge : m_edges) {
        QJsonArray totals;
        for (const CurrencyAmount &total : edge.totals)
            totals.append(QJsonObject { { QStringLiteral("currency"), total.currency },
                { QStringLiteral("amount_minor"), qint64(total.amountMinor) } });
        edges.append(QJsonObject {
            { QStringLiteral("from"), qint64(m_nodes[std::size_t(edge.from)].id) },
            { QStringLiteral("to"), qint64(m_nodes[std::size_t(edge.to)].id) },
            { QStringLiteral("totals"), totals },
            { QStringLiteral("count"), qint64(edge.count) },
            { QStringLiteral("first_at"), qint64(edge.firstAt) },
            { QStringLiteral("last_at"), qint64(edge.lastAt) },
            { QStringLiteral("weight"), edge.weight },
        });
    }
    return {
        { QStringLiteral("mode"), nodeModeName(m_mode) },
        { QStringLiteral("main_currency"), m_mainCurrency },
        { QStringLiteral("nodes"), nodes },
        { QStringLiteral("edges"), edges },
    };
}

FlowGraph FlowGraph::fromParts(NodeMode mode, std::vector<GraphNode> nodes,
    std::vector<GraphEdge> edges, const QString &mainCurrency)
{
    FlowGraph graph;
    graph.m_mode = mode;
    graph.m_mainCurrency = mainCurrency;
    graph.m_index.reserve(qsizetype(nodes.size()));
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (graph.m_index.contains(nodes[i].id))
            throw GraphError(
                QStringLiteral("Two nodes of the graph have the id %1.").arg(nodes[i].id));
        graph.m_index.insert(nodes[i].id, std::int32_t(i));
    }
    const auto valid
        = [&](std::int32_t index) { return index >= 0 && std::size_t(index) < nodes.size(); };
    for (const GraphEdge &edge : edges) {
        if (!valid(edge.from) || !valid(edge.to))
            throw GraphError(
                QStringLiteral("An edge of the graph joins nodes %1 and %2, but it has %3 nodes.")
                    .arg(edge.from)
                    .arg(edge.to)
                    .arg(nodes.size()));
    }
    graph.m_nodes = std::move(nodes);
    graph.m_edges = std::move(edges);
    return graph;
}

} // namespace fundtrace::graph
