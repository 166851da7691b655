#pragma once

#include "graph/FlowGraph.h"

#include <QHash>
#include <cstdint>
#include <string>
#include <vector>

namespace fundtrace::db {
class Database;
}

namespace fundtrace::graph {

// Where a link chart starts: subjects (any member id), accounts, or the parties of alerts.
struct GraphSeeds {
    std::vector<std::int64_t> subjects; // subjects.id, any member of a group
    std::vector<std::int64_t> accounts; // accounts.id
    std::vector<std::int64_t> alerts; // alerts.id: their subjects and accounts
    bool empty() const { return subjects.empty() && accounts.empty() && alerts.empty(); }
};

// What the case already says about each subject and account (risk, alerts, hits, notes), read
// once per chart so nodes can be coloured and badged without a query per node.
class GraphMarksQuery {
public:
    explicit GraphMarksQuery(const db::Database &db);
    QHash<std::int64_t, NodeMarks> subjects() const; // by root subject id
    QHash<std::int64_t, NodeMarks> accounts() const; // by account id

private:
    const db::Database &m_db;
};

// Builds flow graphs from the in-memory case (the detection context, loaded once and reused for
// every expansion; it must outlive the builder). Only transfers between two known accounts are
// edges (Flow records); cash and unnamed parties are not nodes. The const members only read, so
// several threads may build from one builder at once.
class FlowGraphBuilder {
public:
    FlowGraphBuilder(const detect::DetectionContext &context,
        QHash<std::int64_t, NodeMarks> subjectMarks = {},
        QHash<std::int64_t, NodeMarks> accountMarks = {});

    // Seeds as node ids of the mode (see GraphNode::id): a subject is its group's root (in
    // accounts mode, all its accounts), an account its holder (in subjects mode), an alert the
    // subjects and accounts it names. The database is read for member ids and alert parties.
    // Throws GraphError for an unknown id or seeds that name nothing in the case.
    std::vector<std::int64_t> resolveSeeds(
        const db::Database &db, NodeMode mode, const GraphSeeds &seeds) const;

    // The node id an account (accounts.id) has in a mode's graphs, or 0 when unknown.
    std::int64_t nodeIdOfAccount(NodeMode mode, std::int64_t accountId) const;

    // The graph around the seeds (node ids), `filter.hops` transfers deep in the filter's
    // direction, with every transfer between the nodes reached that passes the filter; with no
    // seeds, the whole case (every node with at least one transfer passing the filter). A
    // subject's transfers between its own accounts are not edges. Throws GraphError for a seed
    // id that is not a node of the mode.
    FlowGraph build(
        NodeMode mode, const std::vector<std::int64_t> &seeds, const GraphFilter &filter) const;

    // Adds the neighbours of `nodes` (ids in the graph's mode), one hop out in the filter's
    // direction, in the order given (a node added by an earlier one can be expanded too), keeping
    // every node shown; edges are recomputed with the filter. Ids not in the graph are skipped,
    // so a saved view's expansions survive a change of filter. Throws GraphError when the graph
    // holds a node that is not a subject or account of the case (a group: expand before grouping).
    FlowGraph expand(const FlowGraph &graph, const std::vector<std::int64_t> &nodes,
        const GraphFilter &filter) const;

    // The currency with most transfers in the case: edge weights and the minimum amount use it.
    QString mainCurrency() const;

private:
    struct Selection;
    struct EdgeSum;
    Selection select(const GraphFilter &filter) const;
    std::int32_t keyCount(NodeMode mode) const;
    std::int32_t keyOfAccount(NodeMode mode, std::int32_t account) const;
    std::int32_t keyOfId(NodeMode mode, std::int64_t id) const;
    std::int64_t idOfKey(NodeMode mode, std::int32_t key) const;
    template <typename Visit>
    void forEachFlow(NodeMode mode, std::int32_t key, bool outgoing, const Selection &selection,
        Visit &&visit) const;
    void reach(NodeMode mode, std::vector<std::int32_t> frontier, int hops,
        const Selection &selection, std::vector<int> &hopOf,
        std::vector<std::int32_t> &order) const;
    std::vector<GraphEdge> aggregate(
        NodeMode mode, const std::vector<std::int32_t> &keys, const Selection &selection) const;
    std::vector<GraphEdge> aggregateAll(NodeMode mode, const Selection &selection) const;
    GraphEdge edgeOf(const EdgeSum &sum) const;
    FlowGraph assemble(NodeMode mode, const std::vector<std::int32_t> &keys,
        const std::vector<int> &hopOf, const std::vector<bool> &seed,
        std::vector<GraphEdge> edges) const;
    GraphNode makeNode(NodeMode mode, std::int32_t key) const;

    const detect::DetectionContext &m_context;
    QHash<std::int64_t, NodeMarks> m_subjectMarks;
    QHash<std::int64_t, NodeMarks> m_accountMarks;
    std::uint16_t m_mainCurrency = 0;
    QString m_mainCurrencyCode;
    std::string m_mainCurrencyStd;
    std::size_t m_currencies = 0;
    std::vector<std::int32_t> m_subjectKeyOfAccount; // an account's node key in subjects mode
    QHash<std::int64_t, std::int32_t> m_subjectById; // root subjects.id -> index
    QHash<std::int64_t, std::int32_t> m_accountById; // accounts.id -> index
};

// Collapses groups of nodes into one node each (a community, a hand-made group): edges between
// members disappear, edges to the outside are summed. The node of groups[i] has id -(i + 1) and
// stands where its first member stood; its marks add up its members' (risk: the highest). Ids not
// in the graph are skipped; a node in two groups throws GraphError.
class FlowGraphGrouping {
public:
    struct Group {
        QString label;
        std::vector<std::int64_t> members; // node ids
    };
    static FlowGraph collapse(const FlowGraph &graph, const std::vector<Group> &groups);
    // The graph without the given node ids and their edges.
    static FlowGraph without(const FlowGraph &graph, const std::vector<std::int64_t> &hidden);
};

} // namespace fundtrace::graph
