#include "graph/GraphViewStore.h"

#include "audit/AuditLog.h"
#include "db/Database.h"
#include "util/SystemInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace fundtrace::graph {
namespace {

QJsonArray idArray(const std::vector<std::int64_t> &ids)
{
    QJsonArray array;
    for (const std::int64_t id : ids)
        array.append(qint64(id));
    return array;
}

std::vector<std::int64_t> idList(const QJsonValue &value)
{
    std::vector<std::int64_t> ids;
    for (const QJsonValue &id : value.toArray())
        ids.push_back(id.toInteger());
    return ids;
}

GraphView readView(const db::Statement &row)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(row.qtext(2).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw GraphError(
            QStringLiteral("The saved view \"%1\" is damaged (%2); delete it and save it again.")
                .arg(row.qtext(1), error.errorString()));
    GraphView view = GraphView::fromJson(document.object());
    view.id = row.int64(0);
    view.name = row.qtext(1);
    view.createdBy = row.qtext(3);
    view.updatedAt = QDateTime::fromString(row.qtext(4), Qt::ISODate);
    return view;
}

constexpr const char *kSelect = "SELECT id, name, json, created_by, updated_at FROM graph_views";

} // namespace

QJsonObject GraphView::toJson() const
{
    QJsonArray groupList;
    for (const FlowGraphGrouping::Group &group : groups)
        groupList.append(QJsonObject { { QStringLiteral("label"), group.label },
            { QStringLiteral("members"), idArray(group.members) } });
    // Sorted by id so the same view always serialises to the same text.
    std::vector<std::int64_t> placed;
    placed.reserve(std::size_t(positions.size()));
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        placed.push_back(it.key());
    std::sort(placed.begin(), placed.end());
    QJsonArray positionList;
    for (const std::int64_t id : placed) {
        const QPointF at = positions.value(id);
        positionList.append(QJsonObject { { QStringLiteral("id"), qint64(id) },
            { QStringLiteral("x"), at.x() }, { QStringLiteral("y"), at.y() } });
    }
    return {
        { QStringLiteral("name"), name },
        { QStringLiteral("mode"), nodeModeName(mode) },
        { QStringLiteral("seeds"),
            QJsonObject { { QStringLiteral("subjects"), idArray(seeds.subjects) },
                { QStringLiteral("accounts"), idArray(seeds.accounts) },
                { QStringLiteral("alerts"), idArray(seeds.alerts) } } },
        { QStringLiteral("filter"), filter.toJson() },
        { QStringLiteral("layout"), layoutKindName(layout) },
        { QStringLiteral("layers_by_time"), layersByTime },
        { QStringLiteral("expanded"), idArray(expanded) },
        { QStringLiteral("hidden"), idArray(hidden) },
        { QStringLiteral("pinned"), idArray(pinned) },
        { QStringLiteral("groups"), groupList },
        { QStringLiteral("positions"), positionList },
    };
}

GraphView GraphView::fromJson(const QJsonObject &json)
{
    GraphView view;
    view.name = json.value(u"name").toString();
    if (json.contains(u"mode") && !nodeModeFromName(json.value(u"mode").toString(), view.mode))
        throw GraphError(
            QStringLiteral("Unknown node mode \"%1\" in a saved view (subjects or accounts).")
                .arg(json.value(u"mode").toString()));
    const QJsonObject seeds = json.value(u"seeds").toObject();
    view.seeds.subjects = idList(seeds.value(u"subjects"));
    view.seeds.accounts = idList(seeds.value(u"accounts"));
    view.seeds.alerts = idList(seeds.value(u"alerts"));
    view.filter = GraphFilter::fromJson(json.value(u"filter").toObject());
    if (json.contains(u"layout")
        && !layoutKindFromName(json.value(u"layout").toString(), view.layout))
        throw GraphError(QStringLiteral("Unknown layout \"%1\" in a saved view.")
                             .arg(json.value(u"layout").toString()));
    view.layersByTime = json.value(u"layers_by_time").toBool(false);
    view.expanded = idList(json.value(u"expanded"));
    view.hidden = idList(json.value(u"hidden"));
    view.pinned = idList(json.value(u"pinned"));
    for (const QJsonValue &value : json.value(u"groups").toArray()) {
        const QJsonObject group = value.toObject();
        view.groups.push_back(
            { group.value(u"label").toString(), idList(group.value(u"members")) });
    }
    for (const QJsonValue &value : json.value(u"positions").toArray()) {
        const QJsonObject at = value.toObject();
        view.positions.insert(at.value(u"id").toInteger(),
            QPointF(at.value(u"x").toDouble(), at.value(u"y").toDouble()));
    }
    return view;
}

GraphViewStore::GraphViewStore(db::Database &db) : m_db(db) { }

std::int64_t GraphViewStore::save(const GraphView &view)
{
    const QString name = view.name.trimmed();
    if (name.isEmpty())
        throw GraphError(QStringLiteral("A saved view needs a name."));
    GraphView stored = view;
    stored.name = name;
    const QString json
        = QString::fromUtf8(QJsonDocument(stored.toJson()).toJson(QJsonDocument::Compact));
    const QString now = util::utcNowIso();

    db::Transaction transaction(m_db);
    db::Statement find = m_db.prepare("SELECT id FROM graph_views WHERE name = ?1");
    find.bind(1, name);
    std::int64_t id = find.step() ? find.int64(0) : 0;
    find.reset();
    const bool replaced = id != 0;
    if (replaced) {
        db::Statement update
            = m_db.prepare("UPDATE graph_views SET json = ?2, updated_at = ?3 WHERE id = ?1");
        update.bind(1, id).bind(2, json).bind(3, now).run();
    } else {
        db::Statement insert = m_db.prepare("INSERT INTO graph_views(name, json, created_by, "
                                            "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)");
        insert.bind(1, name).bind(2, json).bind(3, util::osUserName()).bind(4, now).run();
        id = m_db.lastInsertRowId();
    }
    audit::AuditLog(m_db).record(QStringLiteral("graph_view.save"), QStringLiteral("graph_view"),
        id, { { QStringLiteral("name"), name }, { QStringLiteral("replaced"), replaced } });
    transaction.commit();
    return id;
}

std::vector<GraphView> GraphViewStore::list() const
{
    db::Statement select
        = m_db.prepare(std::string(kSelect) + " ORDER BY name COLLATE NOCASE, name");
    std::vector<GraphView> views;
    while (select.step())
        views.push_back(readView(select));
    return views;
}

bool GraphViewStore::load(const QString &name, GraphView &view) const
{
    db::Statement select = m_db.prepare(std::string(kSelect) + " WHERE name = ?1");
    select.bind(1, name.trimmed());
    if (!select.step())
        return false;
    view = readView(select);
    return true;
}

bool GraphViewStore::remove(const QString &name)
{
    db::Transaction transaction(m_db);
    db::Statement select = m_db.prepare("SELECT id, json FROM graph_views WHERE name = ?1");
    select.bind(1, name.trimmed());
    if (!select.step())
        return false;
    const std::int64_t id = select.int64(0);
    const QString json = select.qtext(1);
    select.reset();
    db::Statement remove = m_db.prepare("DELETE FROM graph_views WHERE id = ?1");
    remove.bind(1, id).run();
    // The audit entry keeps the view, so a deleted view can be recovered from the log.
    audit::AuditLog(m_db).record(QStringLiteral("graph_view.remove"), QStringLiteral("graph_view"),
        id, { { QStringLiteral("name"), name.trimmed() }, { QStringLiteral("json"), json } });
    transaction.commit();
    return true;
}

} // namespace fundtrace::graph
