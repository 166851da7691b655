#pragma once

#include "graph/FlowGraph.h"
#include "graph/FlowGraphBuilder.h"
#include "graph/GraphLayout.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QString>
#include <vector>

namespace fundtrace::db {
class Database;
}

namespace fundtrace::graph {

// A named link chart the investigator saved: what is shown (seeds, mode, filter, expanded,
// hidden, pinned and grouped nodes), where each node stands, and how it was laid out.
struct GraphView {
    std::int64_t id = 0;
    QString name;
    NodeMode mode = NodeMode::Subjects;
    GraphSeeds seeds;
    GraphFilter filter;
    LayoutKind layout = LayoutKind::Force;
    bool layersByTime = false; // Layered: columns by first transfer time instead of hop
    std::vector<std::int64_t> expanded; // node ids expanded by hand beyond the filter's hops
    std::vector<std::int64_t> hidden;
    std::vector<std::int64_t> pinned;
    std::vector<FlowGraphGrouping::Group> groups;
    QHash<std::int64_t, QPointF> positions; // node id -> scene position
    QString createdBy;
    QDateTime updatedAt;

    // The view's content (not id, createdBy, updatedAt, which the store keeps in columns).
    QJsonObject toJson() const;
    // Throws GraphError for an unknown mode, layout, channel or direction.
    static GraphView fromJson(const QJsonObject &json);
};

// Named views in the case file (table graph_views). Saving a name that exists replaces it; every
// save and delete is audited (a deleted view's JSON stays in the audit entry). Names are trimmed.
// A stored view that cannot be read throws GraphError naming it; SQLite errors throw DbError.
class GraphViewStore {
public:
    explicit GraphViewStore(db::Database &db);
    std::int64_t save(const GraphView &view); // returns the view's id; GraphError for an empty name
    std::vector<GraphView> list() const; // by name, case-insensitively
    bool load(const QString &name, GraphView &view) const; // false when there is no such view
    bool remove(const QString &name); // false when there is no such view

private:
    db::Database &m_db;
};

} // namespace fundtrace::graph
