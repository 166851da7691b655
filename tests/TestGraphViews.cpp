#include "db/CaseFile.h"
#include "graph/GraphViewStore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fundtrace;
using graph::GraphView;
using graph::GraphViewStore;

// Named link chart views: saved in the case, replaced by name, removed, audited.
class TestGraphViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEverything();
    void replacesByName();
    void removes();
    void survivesReopen();
    void refusesBadViews();

private:
    static GraphView sample(const QString &name);
    static void compareViews(const GraphView &actual, const GraphView &expected);
    static std::int64_t audited(db::Database &db, const char *action);
    db::CaseFile newCase(const QString &name);
    QTemporaryDir m_dir;
};

GraphView TestGraphViews::sample(const QString &name)
{
    GraphView view;
    view.name = name;
    view.mode = graph::NodeMode::Accounts;
    view.seeds.subjects = { 12, 15 };
    view.seeds.accounts = { 7 };
    view.seeds.alerts = { 3 };
    view.filter.from = 1704067200;
    view.filter.to = 1706745599;
    view.filter.minAmountMinor = 5000000;
    view.filter.channels = { detect::Channel::Cash, detect::Channel::Agent };
    view.filter.direction = graph::GraphFilter::Direction::Outgoing;
    view.filter.hops = 3;
    view.layout = graph::LayoutKind::Layered;
    view.layersByTime = true;
    view.expanded = { 7, 44 };
    view.hidden = { 99 };
    view.pinned = { 12 };
    view.groups
        = { { QStringLiteral("Collectors"), { 44, 45, 46 } }, { QStringLiteral("Fund"), { 7 } } };
    view.positions.insert(7, QPointF(0, 0));
    view.positions.insert(44, QPointF(120.5, -80.25));
    view.positions.insert(graph::kUnheldAccountNodeBase + 3, QPointF(-1e4, 3e3));
    return view;
}

void TestGraphViews::compareViews(const GraphView &actual, const GraphView &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.mode, expected.mode);
    QCOMPARE(actual.seeds.subjects, expected.seeds.subjects);
    QCOMPARE(actual.seeds.accounts, expected.seeds.accounts);
    QCOMPARE(actual.seeds.alerts, expected.seeds.alerts);
    QVERIFY(actual.filter == expected.filter);
    QCOMPARE(actual.layout, expected.layout);
    QCOMPARE(actual.layersByTime, expected.layersByTime);
    QCOMPARE(actual.expanded, expected.expanded);
    QCOMPARE(actual.hidden, expected.hidden);
    QCOMPARE(actual.pinned, expected.pinned);
    QCOMPARE(actual.groups.size(), expected.groups.size());
    for (std::size_t g = 0; g < actual.groups.size(); ++g) {
        QCOMPARE(actual.groups[g].label, expected.groups[g].label);
        QCOMPARE(actual.groups[g].members, expected.groups[g].members);
    }
    QCOMPARE(actual.positions, expected.positions);
}

std::int64_t TestGraphViews::audited(db::Database &db, const char *action)
{
    db::Statement count = db.prepare(
        "SELECT count(*) FROM audit_log WHERE action = ?1 AND object_type = 'graph_view'");
    count.bind(1, action);
    count.step();
    return count.int64(0);
}

db::CaseFile TestGraphViews::newCase(const QString &name)
{
    return db::CaseFile::create(m_dir.filePath(name), name);
}

void TestGraphViews::roundTripsEverything()
{
    db::CaseFile caseFile = newCase(QStringLiteral("roundtrip.ftcase"));
    GraphViewStore store(caseFile.db());
    const GraphView view = sample(QStringLiteral("Fund trail"));
    const std::int64_t id = store.save(view);
    QVERIFY(id > 0);

    GraphView loaded;
    QVERIFY(store.load(QStringLiteral("Fund trail"), loaded));
    compareViews(loaded, view);
    QCOMPARE(loaded.id, id);
    QVERIFY(!loaded.createdBy.isEmpty());
    QVERIFY(loaded.updatedAt.isValid());
    QVERIFY(!store.load(QStringLiteral("No such view"), loaded));

    // The JSON alone carries the view too (what the CLI prints).
    compareViews(GraphView::fromJson(view.toJson()), view);
    QCOMPARE(audited(caseFile.db(), "graph_view.save"), 1);
}

void TestGraphViews::replacesByName()
{
    db::CaseFile caseFile = newCase(QStringLiteral("replace.ftcase"));
    GraphViewStore store(caseFile.db());
    const std::int64_t id = store.save(sample(QStringLiteral("Fund trail")));
    GraphView moved = sample(QStringLiteral("  Fund trail "));
    moved.positions.insert(7, QPointF(500, 500));
    moved.hidden.clear();
    QCOMPARE(store.save(moved), id);
    store.save(sample(QStringLiteral("alpha")));

    const std::vector<GraphView> views = store.list();
    QCOMPARE(views.size(), std::size_t(2));
    QCOMPARE(views[0].name, QStringLiteral("alpha")); // by name, ignoring case
    QCOMPARE(views[1].name, QStringLiteral("Fund trail"));
    QCOMPARE(views[1].positions.value(7), QPointF(500, 500));
    QVERIFY(views[1].hidden.empty());
    QCOMPARE(audited(caseFile.db(), "graph_view.save"), 3);
    QCOMPARE(
        caseFile.db().scalarInt("SELECT count(*) FROM audit_log WHERE action = 'graph_view.save' "
                                "AND json_extract(details, '$.replaced') = 1"),
        1);
}

void TestGraphViews::removes()
{
    db::CaseFile caseFile = newCase(QStringLiteral("remove.ftcase"));
    GraphViewStore store(caseFile.db());
    store.save(sample(QStringLiteral("Fund trail")));
    QVERIFY(store.remove(QStringLiteral("Fund trail")));
    QVERIFY(!store.remove(QStringLiteral("Fund trail")));
    QVERIFY(store.list().empty());
    QCOMPARE(audited(caseFile.db(), "graph_view.remove"), 1);
    // The removed view can be recovered from its audit entry.
    const QString details = QString::fromStdString([&] {
        db::Statement select
            = caseFile.db().prepare("SELECT json_extract(details, '$.json') FROM audit_log "
                                    "WHERE action = 'graph_view.remove'");
        select.step();
        return select.text(0);
    }());
    compareViews(GraphView::fromJson(QJsonDocument::fromJson(details.toUtf8()).object()),
        sample(QStringLiteral("Fund trail")));
}

void TestGraphViews::survivesReopen()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.ftcase"));
    {
        db::CaseFile caseFile = db::CaseFile::create(path, QStringLiteral("reopen"));
        GraphViewStore(caseFile.db()).save(sample(QStringLiteral("Fund trail")));
    }
    db::CaseFile reopened = db::CaseFile::open(path, true);
    GraphView loaded;
    QVERIFY(GraphViewStore(reopened.db()).load(QStringLiteral("Fund trail"), loaded));
    compareViews(loaded, sample(QStringLiteral("Fund trail")));
}

void TestGraphViews::refusesBadViews()
{
    db::CaseFile caseFile = newCase(QStringLiteral("bad.ftcase"));
    GraphViewStore store(caseFile.db());
    QVERIFY_THROWS_EXCEPTION(graph::GraphError, store.save(sample(QStringLiteral("   "))));
    QCOMPARE(audited(caseFile.db(), "graph_view.save"), 0);
    caseFile.db().exec("INSERT INTO graph_views(name, json, created_by, created_at, updated_at) "
                       "VALUES ('broken', '{not json', 'x', 'x', 'x')");
    QVERIFY_THROWS_EXCEPTION(graph::GraphError, store.list());
    GraphView view;
    QVERIFY_THROWS_EXCEPTION(graph::GraphError, store.load(QStringLiteral("broken"), view));
    QVERIFY_THROWS_EXCEPTION(
        graph::GraphError, GraphView::fromJson({ { QStringLiteral("mode"), "planets" } }));
}

QTEST_GUILESS_MAIN(TestGraphViews)
#include "TestGraphViews.moc"
