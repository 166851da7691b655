#pragma once

#include "detect/Channel.h"
#include "graph/GraphError.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::graph {

// What a node of the link chart stands for: a resolved subject (all its accounts together) or a
// single account.
enum class NodeMode { Subjects, Accounts };

QString nodeModeName(NodeMode mode);
bool nodeModeFromName(const QString &name, NodeMode &mode);

// In subjects mode an account nobody holds (no subject resolved for it) is a node of its own,
// labelled by its identifier; its id is this base plus accounts.id, so it cannot clash with a
// subject id (group nodes made by FlowGraphGrouping are negative).
constexpr std::int64_t kUnheldAccountNodeBase = std::int64_t(1) << 48;
inline bool isUnheldAccountNode(std::int64_t nodeId)
{
    return nodeId > kUnheldAccountNodeBase;
}

// Which transfers make up the graph and how far it reaches from its seeds.
struct GraphFilter {
    enum class Direction { Both, Outgoing, Incoming }; // followed from the seeds when expanding
    std::int64_t from = 0; // UTC seconds, inclusive; 0 = open
    std::int64_t to = 0; // UTC seconds, inclusive; 0 = open
    // Smallest transfer kept, in minor units of the main currency. There are no exchange rates,
    // so the same figure in major units applies to every currency (1 000 means 1 000 KZT for a
    // KZT transfer and 1 000 USD for a USD one).
    std::int64_t minAmountMinor = 0;
    std::vector<detect::Channel> channels; // empty = every channel
    Direction direction = Direction::Both;
    int hops = 2; // from the seeds; ignored when there are no seeds

    bool operator==(const GraphFilter &) const = default;
    QJsonObject toJson() const;
    // Missing keys keep their defaults; unknown channel or direction names throw GraphError.
    static GraphFilter fromJson(const QJsonObject &json);
};

// The inverse of detect::channelName (transfer, cash, card, wallet, agent, other, unknown).
bool channelFromName(const QString &name, detect::Channel &channel);
QString directionName(GraphFilter::Direction direction); // both, out, in
bool directionFromName(const QString &name, GraphFilter::Direction &direction);

// What the investigation already knows about a node, drawn as colour and badges.
// A subject node counts what names any member of its group or one of their accounts; an account
// node its own alerts and notes, and its holder's risk and hits.
struct NodeMarks {
    int risk = 0; // subject risk score 0-100
    int alerts = 0; // open alerts (active, not dismissed)
    int hits = 0; // screening hits not dismissed
    int annotations = 0; // notes
};

// What a node stands for; in subjects mode unheld accounts are Account nodes.
enum class NodeEntity { Subject, Account, Group };

struct GraphNode {
    // subjects.id (root) for subjects; accounts.id for accounts in accounts mode and
    // kUnheldAccountNodeBase + accounts.id in subjects mode; -1, -2, ... for groups.
    std::int64_t id = 0;
    NodeEntity entity = NodeEntity::Subject;
    // Index into the context's subjects() or accounts(), by entity; -1 for groups.
    std::int32_t contextIndex = -1;
    // A subject's name; "identifier (holder)" in accounts mode; an unheld account's identifier.
    QString label;
    // person, organisation, npo, institution, agent, unknown (the holder's for accounts), group.
    QString kind;
    NodeMarks marks;
    int hop = 0; // transfers from the nearest seed; 0 for seeds and whole-case graphs
    bool seed = false;
};

struct CurrencyAmount {
    QString currency;
    std::int64_t amountMinor = 0;
};

// All transfers from one node to another that pass the filter, aggregated.
struct GraphEdge {
    std::int32_t from = -1; // index into nodes()
    std::int32_t to = -1;
    std::vector<CurrencyAmount> totals; // largest first
    std::int64_t count = 0;
    std::int64_t firstAt = 0; // UTC seconds
    std::int64_t lastAt = 0;
    // The total in the case's main currency (major units), for width and analytics.
    double weight = 0;
};

// A directed, aggregated flow graph: nodes and edges with what the chart and analytics need.
class FlowGraph {
public:
    NodeMode mode() const { return m_mode; }
    const std::vector<GraphNode> &nodes() const { return m_nodes; }
    const std::vector<GraphEdge> &edges() const { return m_edges; }
    QString mainCurrency() const { return m_mainCurrency; }

    // The index of the node with this id, or -1.
    std::int32_t indexOf(std::int64_t id) const { return m_index.value(id, -1); }

    QJsonObject toJson() const;

    // A graph from parts, for tests, benchmarks and transformations. Throws GraphError when an
    // edge does not index two nodes or two nodes share an id.
    static FlowGraph fromParts(NodeMode mode, std::vector<GraphNode> nodes,
        std::vector<GraphEdge> edges, const QString &mainCurrency);

private:
    NodeMode m_mode = NodeMode::Subjects;
    QString m_mainCurrency;
    std::vector<GraphNode> m_nodes;
    std::vector<GraphEdge> m_edges;
    QHash<std::int64_t, std::int32_t> m_index;
};

} // namespace fundtrace::graph
