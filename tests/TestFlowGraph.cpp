#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "graph/FlowGraphBuilder.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace fundtrace;
using detect::Channel;
using graph::FlowGraph;
using graph::FlowGraphBuilder;
using graph::GraphFilter;
using graph::NodeMode;

// Graph building from a small hand-made case: a fund with two accounts, a donor, a courier who
// pays a collector in cash and an account nobody holds.
//
//   day 1  ALICE  -> FUND-1  1 000.00 KZT  transfer
//   day 2  ALICE  -> FUND-2    500.00 KZT  transfer
//   day 3  ALICE  -> FUND-1    100.00 USD  transfer
//   day 4  FUND-1 -> FUND-2    200.00 KZT  transfer   (inside the fund)
//   day 5  FUND-2 -> BOB     1 200.00 KZT  card
//   day 6  BOB    -> CAROL     300.00 KZT  cash
//   day 7  BOB    -> UNHELD     50.00 KZT  transfer
class TestFlowGraph : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builds_data();
    void builds();
    void aggregatesPerCurrency();
    void nodeIdsAndEntities();
    void expandsByHand();
    void collapsesAndHides();
    void refusesBadRequests();
    void writesJson();
    void filterRoundTrips();
    void marksAndSeedsFromTheCase();

private:
    static constexpr std::int64_t kDay = 86400;
    static constexpr std::int64_t kStart = 1704067200; // 2024-01-01 UTC
    static std::int64_t day(int n) { return kStart + n * kDay + 3600; }
    static QStringList labels(const FlowGraph &graph);
    static QStringList edges(const FlowGraph &graph);
    std::int64_t idOf(NodeMode mode, const QString &label) const;

    detect::DetectionContext m_context;
};

void TestFlowGraph::initTestCase()
{
    detect::DetectionContext::Builder builder;
    const auto fund = builder.addSubject(QStringLiteral("Fund"), QStringLiteral("npo"));
    const auto alice = builder.addSubject(QStringLiteral("Alice"));
    const auto bob = builder.addSubject(QStringLiteral("Bob"));
    const auto carol = builder.addSubject(QStringLiteral("Carol"));
    const auto fund1 = builder.addAccount(QStringLiteral("FUND-1"), fund);
    const auto fund2 = builder.addAccount(QStringLiteral("FUND-2"), fund);
    const auto aliceAccount = builder.addAccount(QStringLiteral("ALICE"), alice);
    const auto bobAccount = builder.addAccount(QStringLiteral("BOB"), bob);
    const auto carolAccount = builder.addAccount(QStringLiteral("CAROL"), carol);
    const auto unheld = builder.addAccount(QStringLiteral("UNHELD"));
    const auto pay = [&](std::int32_t from, std::int32_t to, std::int64_t minor, int onDay,
                         Channel channel = Channel::Transfer,
                         const QString &currency = QStringLiteral("KZT")) {
        detect::DetectionContext::Builder::Row row;
        row.account = from;
        row.counterparty = to;
        row.amountMinor = minor;
        row.bookedAt = day(onDay);
        row.channel = channel;
        row.currency = currency;
        builder.add(row);
    };
    pay(aliceAccount, fund1, 100000, 1);
    pay(aliceAccount, fund2, 50000, 2);
    pay(aliceAccount, fund1, 10000, 3, Channel::Transfer, QStringLiteral("USD"));
    pay(fund1, fund2, 20000, 4);
    pay(fund2, bobAccount, 120000, 5, Channel::Card);
    pay(bobAccount, carolAccount, 30000, 6, Channel::Cash);
    pay(bobAccount, unheld, 5000, 7);
    m_context = builder.build();
}

QStringList TestFlowGraph::labels(const FlowGraph &graph)
{
    QStringList list;
    for (const auto &node : graph.nodes())
        list << node.label;
    list.sort();
    return list;
}

QStringList TestFlowGraph::edges(const FlowGraph &graph)
{
    QStringList list;
    for (const auto &edge : graph.edges())
        list << graph.nodes()[std::size_t(edge.from)].label + QLatin1Char('>')
                + graph.nodes()[std::size_t(edge.to)].label;
    list.sort();
    return list;
}

std::int64_t TestFlowGraph::idOf(NodeMode mode, const QString &label) const
{
    const FlowGraph whole = FlowGraphBuilder(m_context).build(mode, {}, {});
    for (const auto &node : whole.nodes()) {
        if (node.label == label)
            return node.id;
    }
    qFatal("no node %s", qPrintable(label));
    return 0;
}

void TestFlowGraph::builds_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("seeds");
    QTest::addColumn<int>("hops");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<int>("fromDay"); // 0 = open
    QTest::addColumn<int>("toDay");
    QTest::addColumn<qint64>("minAmountMinor");
    QTest::addColumn<QStringList>("channels");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("edges");

    const QStringList none;
    const QStringList all { "Alice", "Bob", "Carol", "Fund", "UNHELD" };
    QTest::newRow("whole case, subjects")
        << "subjects" << none << 2 << "both" << 0 << 0 << qint64(0) << none << all
        << QStringList { "Alice>Fund", "Bob>Carol", "Bob>UNHELD", "Fund>Bob" };
    QTest::newRow("whole case, accounts")
        << "accounts" << none << 2 << "both" << 0 << 0 << qint64(0) << none
        << QStringList { "ALICE (Alice)", "BOB (Bob)", "CAROL (Carol)", "FUND-1 (Fund)",
               "FUND-2 (Fund)", "UNHELD" }
        << QStringList { "ALICE (Alice)>FUND-1 (Fund)", "ALICE (Alice)>FUND-2 (Fund)",
               "BOB (Bob)>CAROL (Carol)", "BOB (Bob)>UNHELD", "FUND-1 (Fund)>FUND-2 (Fund)",
               "FUND-2 (Fund)>BOB (Bob)" };
    QTest::newRow("one hop both ways")
        << "subjects" << QStringList { "Fund" } << 1 << "both" << 0 << 0 << qint64(0) << none
        << QStringList { "Alice", "Bob", "Fund" } << QStringList { "Alice>Fund", "Fund>Bob" };
    QTest::newRow("one hop out") << "subjects" << QStringList { "Fund" } << 1 << "out" << 0 << 0
                                 << qint64(0) << none << QStringList { "Bob", "Fund" }
                                 << QStringList { "Fund>Bob" };
    QTest::newRow("one hop in") << "subjects" << QStringList { "Fund" } << 1 << "in" << 0 << 0
                                << qint64(0) << none << QStringList { "Alice", "Fund" }
                                << QStringList { "Alice>Fund" };
    QTest::newRow("two hops out") << "subjects" << QStringList { "Fund" } << 2 << "out" << 0 << 0
                                  << qint64(0) << none
                                  << QStringList { "Bob", "Carol", "Fund", "UNHELD" }
                                  << QStringList { "Bob>Carol", "Bob>UNHELD", "Fund>Bob" };
    QTest::newRow("two hops in") << "subjects" << QStringList { "Bob" } << 2 << "in" << 0 << 0
                                 << qint64(0) << none << QStringList { "Alice", "Bob", "Fund" }
                                 << QStringList { "Alice>Fund", "Fund>Bob" };
    QTest::newRow("no hops: the seed alone")
        << "subjects" << QStringList { "Fund" } << 0 << "both" << 0 << 0 << qint64(0) << none
        << QStringList { "Fund" } << none;
    QTest::newRow("accounts, one hop out of one fund account")
        << "accounts" << QStringList { "FUND-1 (Fund)" } << 1 << "out" << 0 << 0 << qint64(0)
        << none << QStringList { "FUND-1 (Fund)", "FUND-2 (Fund)" }
        << QStringList { "FUND-1 (Fund)>FUND-2 (Fund)" };
    QTest::newRow("unheld account as seed")
        << "subjects" << QStringList { "UNHELD" } << 1 << "both" << 0 << 0 << qint64(0) << none
        << QStringList { "Bob", "UNHELD" } << QStringList { "Bob>UNHELD" };
    QTest::newRow("dates, inclusive")
        << "subjects" << none << 2 << "both" << 4 << 6 << qint64(0) << none
        << QStringList { "Bob", "Carol", "Fund" } << QStringList { "Bob>Carol", "Fund>Bob" };
    QTest::newRow("dates cut the trail")
        << "subjects" << QStringList { "Alice" } << 3 << "out" << 5 << 0 << qint64(0) << none
        << QStringList { "Alice" } << none;
    QTest::newRow("minimum amount in every currency")
        << "subjects" << none << 2 << "both" << 0 << 0 << qint64(40000) << none
        << QStringList { "Alice", "Bob", "Fund" } << QStringList { "Alice>Fund", "Fund>Bob" };
    QTest::newRow("cash only") << "subjects" << none << 2 << "both" << 0 << 0 << qint64(0)
                               << QStringList { "cash" } << QStringList { "Bob", "Carol" }
                               << QStringList { "Bob>Carol" };
    QTest::newRow("card or cash") << "subjects" << none << 2 << "both" << 0 << 0 << qint64(0)
                                  << QStringList { "card", "cash" }
                                  << QStringList { "Bob", "Carol", "Fund" }
                                  << QStringList { "Bob>Carol", "Fund>Bob" };
    QTest::newRow("a filtered-out link stops the hops")
        << "subjects" << QStringList { "Alice" } << 3 << "out" << 0 << 0 << qint64(0)
        << QStringList { "transfer" } << QStringList { "Alice", "Fund" }
        << QStringList { "Alice>Fund" };
}

void TestFlowGraph::builds()
{
    QFETCH(QString, mode);
    QFETCH(QStringList, seeds);
    QFETCH(int, hops);
    QFETCH(QString, direction);
    QFETCH(int, fromDay);
    QFETCH(int, toDay);
    QFETCH(qint64, minAmountMinor);
    QFETCH(QStringList, channels);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, edges);

    NodeMode nodeMode {};
    QVERIFY(graph::nodeModeFromName(mode, nodeMode));
    GraphFilter filter;
    filter.hops = hops;
    QVERIFY(graph::directionFromName(direction, filter.direction));
    filter.from = fromDay ? kStart + fromDay * kDay : 0;
    filter.to = toDay ? kStart + (toDay + 1) * kDay - 1 : 0;
    filter.minAmountMinor = minAmountMinor;
    for (const QString &channel : channels)
        filter.channels.push_back(detect::channelFromText(channel));
    std::vector<std::int64_t> seedIds;
    for (const QString &seed : seeds)
        seedIds.push_back(idOf(nodeMode, seed));

    const FlowGraph graph = FlowGraphBuilder(m_context).build(nodeMode, seedIds, filter);
    QCOMPARE(labels(graph), nodes);
    QCOMPARE(TestFlowGraph::edges(graph), edges);
    for (const auto &node : graph.nodes()) {
        const bool isSeed = std::find(seedIds.begin(), seedIds.end(), node.id) != seedIds.end();
        QCOMPARE(node.seed, isSeed);
        QVERIFY(node.hop >= 0 && node.hop <= hops);
        QCOMPARE(node.hop == 0, isSeed || seeds.isEmpty());
        QCOMPARE(graph.indexOf(node.id), std::int32_t(&node - graph.nodes().data()));
    }
}

void TestFlowGraph::aggregatesPerCurrency()
{
    const FlowGraphBuilder builder(m_context);
    QCOMPARE(builder.mainCurrency(), QStringLiteral("KZT"));
    const FlowGraph graph = builder.build(NodeMode::Subjects, {}, {});
    QCOMPARE(graph.mainCurrency(), QStringLiteral("KZT"));
    const auto alice = graph.indexOf(idOf(NodeMode::Subjects, QStringLiteral("Alice")));
    const auto fund = graph.indexOf(idOf(NodeMode::Subjects, QStringLiteral("Fund")));
    const auto edge = std::find_if(graph.edges().begin(), graph.edges().end(),
        [&](const graph::GraphEdge &e) { return e.from == alice && e.to == fund; });
    QVERIFY(edge != graph.edges().end());
    QCOMPARE(edge->count, 3);
    QCOMPARE(edge->totals.size(), std::size_t(2));
    QCOMPARE(edge->totals[0].currency, QStringLiteral("KZT"));
    QCOMPARE(edge->totals[0].amountMinor, 150000);
    QCOMPARE(edge->totals[1].currency, QStringLiteral("USD"));
    QCOMPARE(edge->totals[1].amountMinor, 10000);
    QCOMPARE(edge->firstAt, day(1));
    QCOMPARE(edge->lastAt, day(3));
    QCOMPARE(edge->weight, 1500.0); // other currencies do not add to the weight

    // The fund's transfer between its own accounts is no edge in subjects mode, one in accounts
    // mode.
    QCOMPARE(graph.edges().size(), std::size_t(4));
    const FlowGraph accounts = builder.build(NodeMode::Accounts, {}, {});
    QCOMPARE(accounts.edges().size(), std::size_t(6));
}

void TestFlowGraph::nodeIdsAndEntities()
{
    const FlowGraphBuilder builder(m_context);
    const FlowGraph subjects = builder.build(NodeMode::Subjects, {}, {});
    const auto &fund = subjects.nodes()[std::size_t(subjects.indexOf(1))];
    QCOMPARE(fund.label, QStringLiteral("Fund"));
    QCOMPARE(fund.kind, QStringLiteral("npo"));
    QCOMPARE(fund.entity, graph::NodeEntity::Subject);
    QCOMPARE(fund.contextIndex, 0);
    // The unheld account (id 6) is its own node with an id no subject can have.
    const std::int64_t unheldId = graph::kUnheldAccountNodeBase + 6;
    QVERIFY(graph::isUnheldAccountNode(unheldId));
    QVERIFY(!graph::isUnheldAccountNode(6));
    const auto unheld = subjects.indexOf(unheldId);
    QVERIFY(unheld >= 0);
    QCOMPARE(subjects.nodes()[std::size_t(unheld)].entity, graph::NodeEntity::Account);
    QCOMPARE(subjects.nodes()[std::size_t(unheld)].contextIndex, 5);
    QCOMPARE(subjects.nodes()[std::size_t(unheld)].kind, QStringLiteral("unknown"));
    QCOMPARE(builder.nodeIdOfAccount(NodeMode::Subjects, 6), unheldId);
    QCOMPARE(builder.nodeIdOfAccount(NodeMode::Subjects, 2), 1); // FUND-2 is the fund's
    QCOMPARE(builder.nodeIdOfAccount(NodeMode::Accounts, 2), 2);
    QCOMPARE(builder.nodeIdOfAccount(NodeMode::Accounts, 99), 0);

    const FlowGraph accounts = builder.build(NodeMode::Accounts, {}, {});
    const auto &fund2 = accounts.nodes()[std::size_t(accounts.indexOf(2))];
    QCOMPARE(fund2.entity, graph::NodeEntity::Account);
    QCOMPARE(fund2.kind, QStringLiteral("npo"));
    QCOMPARE(fund2.label, QStringLiteral("FUND-2 (Fund)"));
}

void TestFlowGraph::expandsByHand()
{
    const FlowGraphBuilder builder(m_context);
    GraphFilter filter;
    filter.hops = 0;
    const FlowGraph start = builder.build(NodeMode::Subjects, { 1 }, filter);
    QCOMPARE(labels(start), QStringList { "Fund" });

    const FlowGraph once = builder.expand(start, { 1 }, filter);
    QCOMPARE(labels(once), (QStringList { "Alice", "Bob", "Fund" }));
    QCOMPARE(once.nodes()[0].id, 1); // what was shown keeps its place
    QVERIFY(once.nodes()[0].seed);
    QCOMPARE(once.nodes()[std::size_t(once.indexOf(3))].hop, 1);

    filter.direction = GraphFilter::Direction::Outgoing;
    const FlowGraph twice = builder.expand(once, { 3 }, filter);
    QCOMPARE(labels(twice), (QStringList { "Alice", "Bob", "Carol", "Fund", "UNHELD" }));
    QCOMPARE(twice.nodes()[std::size_t(twice.indexOf(4))].hop, 2);
    QCOMPARE(edges(twice), (QStringList { "Alice>Fund", "Bob>Carol", "Bob>UNHELD", "Fund>Bob" }));

    // Expanding with a filter that hides Bob's payments adds nothing but keeps every node shown.
    GraphFilter cashless;
    cashless.channels = { Channel::Transfer };
    const FlowGraph kept = builder.expand(once, { 3 }, cashless);
    QCOMPARE(labels(kept), (QStringList { "Alice", "Bob", "Fund", "UNHELD" }));
    QCOMPARE(edges(kept), (QStringList { "Alice>Fund", "Bob>UNHELD" }));

    // Expansions replay in order: Bob, added by expanding the fund, is expanded too; Carol, not
    // yet shown when her turn comes, is skipped rather than an error.
    const FlowGraph replayed = builder.expand(start, { 4, 1, 3 }, filter);
    QCOMPARE(labels(replayed), (QStringList { "Bob", "Carol", "Fund", "UNHELD" }));
    QCOMPARE(builder.expand(start, { 4 }, filter).nodes().size(), std::size_t(1));
    const FlowGraph grouped
        = graph::FlowGraphGrouping::collapse(once, { { QStringLiteral("G"), { 1, 2 } } });
    QVERIFY_THROWS_EXCEPTION(graph::GraphError, builder.expand(grouped, { 3 }, filter));
}

void TestFlowGraph::collapsesAndHides()
{
    const FlowGraph whole = FlowGraphBuilder(m_context).build(NodeMode::Subjects, {}, {});
    const std::int64_t unheld = graph::kUnheldAccountNodeBase + 6;
    const FlowGraph ring
        = graph::FlowGraphGrouping::collapse(whole, { { QStringLiteral("Ring"), { 1, 3 } } });
    QCOMPARE(labels(ring), (QStringList { "Alice", "Carol", "Ring", "UNHELD" }));
    QCOMPARE(edges(ring), (QStringList { "Alice>Ring", "Ring>Carol", "Ring>UNHELD" }));
    const auto &group = ring.nodes()[std::size_t(ring.indexOf(-1))];
    QCOMPARE(group.entity, graph::NodeEntity::Group);
    QCOMPARE(group.kind, QStringLiteral("group"));
    QCOMPARE(group.contextIndex, -1);

    // Edges into one group are summed.
    const FlowGraph sinks = graph::FlowGraphGrouping::collapse(whole,
        { { QStringLiteral("unused"), { 999 } }, { QStringLiteral("Sinks"), { 4, unheld } } });
    QCOMPARE(edges(sinks), (QStringList { "Alice>Fund", "Bob>Sinks", "Fund>Bob" }));
    const auto into = sinks.indexOf(-2);
    const auto edge = std::find_if(sinks.edges().begin(), sinks.edges().end(),
        [&](const graph::GraphEdge &e) { return e.to == into; });
    QCOMPARE(edge->count, 2);
    QCOMPARE(edge->weight, 350.0);
    QCOMPARE(edge->totals.size(), std::size_t(1));
    QCOMPARE(edge->totals[0].amountMinor, 35000);
    QCOMPARE(edge->firstAt, day(6));
    QCOMPARE(edge->lastAt, day(7));

    QVERIFY_THROWS_EXCEPTION(graph::GraphError,
        graph::FlowGraphGrouping::collapse(
            whole, { { QStringLiteral("A"), { 1 } }, { QStringLiteral("B"), { 1 } } }));

    const FlowGraph withoutBob = graph::FlowGraphGrouping::without(whole, { 3, 12345 });
    QCOMPARE(labels(withoutBob), (QStringList { "Alice", "Carol", "Fund", "UNHELD" }));
    QCOMPARE(edges(withoutBob), QStringList { "Alice>Fund" });
    QCOMPARE(withoutBob.indexOf(3), -1);
}

void TestFlowGraph::refusesBadRequests()
{
    const FlowGraphBuilder builder(m_context);
    QVERIFY_THROWS_EXCEPTION(graph::GraphError, builder.build(NodeMode::Subjects, { 42 }, {}));
    // An account held by a subject is not a node of its own in subjects mode.
    QVERIFY_THROWS_EXCEPTION(graph::GraphError,
        builder.build(NodeMode::Subjects, { graph::kUnheldAccountNodeBase + 1 }, {}));
    graph::GraphEdge dangling;
    dangling.from = 0;
    dangling.to = 3;
    QVERIFY_THROWS_EXCEPTION(graph::GraphError,
        FlowGraph::fromParts(
            NodeMode::Subjects, { graph::GraphNode {} }, { dangling }, QStringLiteral("KZT")));
    graph::GraphNode a;
    a.id = 7;
    QVERIFY_THROWS_EXCEPTION(graph::GraphError,
        FlowGraph::fromParts(NodeMode::Subjects, { a, a }, {}, QStringLiteral("KZT")));
}

void TestFlowGraph::writesJson()
{
    GraphFilter filter;
    filter.hops = 1;
    const FlowGraph graph = FlowGraphBuilder(m_context).build(NodeMode::Subjects, { 1 }, filter);
    const QJsonObject json = graph.toJson();
    QCOMPARE(json.value(u"mode").toString(), QStringLiteral("subjects"));
    QCOMPARE(json.value(u"main_currency").toString(), QStringLiteral("KZT"));
    const QJsonArray nodes = json.value(u"nodes").toArray();
    QCOMPARE(nodes.size(), 3);
    QCOMPARE(nodes.at(0).toObject().value(u"id").toInteger(), 1);
    QCOMPARE(nodes.at(0).toObject().value(u"seed").toBool(), true);
    QCOMPARE(nodes.at(0).toObject().value(u"entity").toString(), QStringLiteral("subject"));
    const QJsonArray edges = json.value(u"edges").toArray();
    QCOMPARE(edges.size(), 2);
    QJsonObject aliceToFund;
    for (const QJsonValue &edge : edges) {
        if (edge.toObject().value(u"from").toInteger() == 2)
            aliceToFund = edge.toObject();
    }
    QCOMPARE(aliceToFund.value(u"to").toInteger(), 1);
    QCOMPARE(aliceToFund.value(u"count").toInt(), 3);
    QCOMPARE(aliceToFund.value(u"weight").toDouble(), 1500.0);
    QCOMPARE(aliceToFund.value(u"totals").toArray().at(1).toObject().value(u"currency").toString(),
        QStringLiteral("USD"));
}

void TestFlowGraph::filterRoundTrips()
{
    GraphFilter filter;
    filter.from = 1700000000;
    filter.to = 1710000000;
    filter.minAmountMinor = 123456;
    filter.channels = { Channel::Cash, Channel::Wallet, Channel::Unknown };
    filter.direction = GraphFilter::Direction::Incoming;
    filter.hops = 4;
    QCOMPARE(GraphFilter::fromJson(filter.toJson()), filter);
    QCOMPARE(GraphFilter::fromJson({}), GraphFilter {});
    QVERIFY_THROWS_EXCEPTION(graph::GraphError,
        GraphFilter::fromJson({ { QStringLiteral("channels"), QJsonArray { "pigeon" } } }));
    QVERIFY_THROWS_EXCEPTION(
        graph::GraphError, GraphFilter::fromJson({ { QStringLiteral("direction"), "sideways" } }));
}

void TestFlowGraph::marksAndSeedsFromTheCase()
{
    QTemporaryDir dir;
    db::CaseFile caseFile = db::CaseFile::create(
        dir.filePath(QStringLiteral("marks.ftcase")), QStringLiteral("marks"));
    db::Database &db = caseFile.db();
    db.exec("INSERT INTO sources(id, file_name, file_path, sha256, size_bytes, format, "
            "imported_at, imported_by) "
            "VALUES (1, 'a.csv', '/a.csv', 'x', 1, 'csv', '2024-01-01T00:00:00Z', 'test')");
    db.exec(
        "INSERT INTO subjects(id, kind, display_name, created_at) VALUES (1, 'npo', 'Fund', 'x'), "
        "(2, 'person', 'Alice', 'x'), (3, 'person', 'Alice A.', 'x')");
    db.exec("UPDATE subjects SET merged_into = 2 WHERE id = 3");
    db.exec("INSERT INTO accounts(id, identifier, normalized, subject_id) VALUES (1, 'FUND', "
            "'FUND', 1), "
            "(2, 'ALICE', 'ALICE', 3), (3, 'LOOSE', 'LOOSE', NULL)");
    db.exec("INSERT INTO transactions(source_id, source_row, account_id, direction, amount_minor, "
            "currency, booked_at, "
            "booked_text, counterparty_account_id) VALUES (1, 1, 2, 'D', 100000, 'KZT', "
            "1704100000, 'x', 1), "
            "(1, 2, 1, 'D', 50000, 'KZT', 1704200000, 'x', 3)");
    db.exec(
        "INSERT INTO alerts(id, fingerprint, rule, typology, score, title, explanation, state, "
        "active) VALUES "
        "(1, 'a', 'r', 't', 60, 'T', 'E', 'new', 1), (2, 'b', 'r', 't', 90, 'T', 'E', 'dismissed', "
        "1), "
        "(3, 'c', 'r', 't', 90, 'T', 'E', 'new', 0), (4, 'd', 'r', 't', 50, 'T', 'E', 'new', 1)");
    db.exec("INSERT INTO alert_subjects(alert_id, subject_id) VALUES (1, 3), (2, 1), (3, 1)");
    db.exec("INSERT INTO alert_accounts(alert_id, account_id) VALUES (1, 1)");
    db.exec("INSERT INTO sanction_lists(id, name, source_id) VALUES (1, 'UN', 1)");
    db.exec("INSERT INTO sanction_entries(id, list_id, primary_name) VALUES (1, 1, 'ALICE')");
    db.exec("INSERT INTO screening_hits(subject_id, entry_id, subject_name, matched_name, score, "
            "explanation, screened_at) "
            "VALUES (3, 1, 'Alice A.', 'ALICE', 90, 'E', 'x')");
    db.exec("INSERT INTO annotations(object_type, object_id, body, created_at, created_by) VALUES "
            "('subject', 3, 'note', 'x', 't'), ('account', 1, 'note', 'x', 't'), ('account', 1, "
            "'more', 'x', 't')");

    const graph::GraphMarksQuery marks(db);
    const auto subjects = marks.subjects();
    QCOMPARE(subjects.value(2).alerts, 1); // alert 1 names member 3 of Alice's group
    QCOMPARE(subjects.value(2).hits, 1);
    QCOMPARE(subjects.value(2).annotations, 1);
    QVERIFY(subjects.value(2).risk > 0);
    QCOMPARE(subjects.value(1).alerts,
        1); // alert 1 names the fund's account; 2 is dismissed, 3 inactive
    QCOMPARE(subjects.value(1).annotations, 2); // notes on its account
    QCOMPARE(subjects.value(1).risk, 0);
    const auto accounts = marks.accounts();
    QCOMPARE(accounts.value(1).alerts, 1);
    QCOMPARE(accounts.value(1).annotations, 2);
    QCOMPARE(accounts.value(2).risk, subjects.value(2).risk); // the holder's risk and hits
    QCOMPARE(accounts.value(2).hits, 1);

    const detect::DetectionContext context = detect::DetectionContext::load(db);
    const FlowGraphBuilder builder(context, subjects, accounts);
    const FlowGraph graph = builder.build(NodeMode::Subjects, {}, {});
    QCOMPARE(labels(graph), (QStringList { "Alice", "Fund", "LOOSE" }));
    QCOMPARE(graph.nodes()[std::size_t(graph.indexOf(2))].marks.hits, 1);

    using Seeds = graph::GraphSeeds;
    QCOMPARE(builder.resolveSeeds(db, NodeMode::Subjects, Seeds { { 3 }, {}, {} }),
        std::vector<std::int64_t> { 2 });
    QCOMPARE(builder.resolveSeeds(db, NodeMode::Accounts, Seeds { { 3 }, {}, {} }),
        std::vector<std::int64_t> { 2 });
    QCOMPARE(builder.resolveSeeds(db, NodeMode::Subjects, Seeds { {}, { 3 }, {} }),
        std::vector<std::int64_t> { graph::kUnheldAccountNodeBase + 3 });
    QCOMPARE(builder.resolveSeeds(db, NodeMode::Subjects, Seeds { {}, {}, { 1 } }),
        (std::vector<std::int64_t> { 2, 1 }));
    QCOMPARE(builder.resolveSeeds(db, NodeMode::Accounts, Seeds { {}, {}, { 1 } }),
        (std::vector<std::int64_t> { 2, 1 }));
    QVERIFY_THROWS_EXCEPTION(
        graph::GraphError, builder.resolveSeeds(db, NodeMode::Subjects, Seeds { { 99 }, {}, {} }));
    QVERIFY_THROWS_EXCEPTION(
        graph::GraphError, builder.resolveSeeds(db, NodeMode::Subjects, Seeds { {}, { 99 }, {} }));
    QVERIFY_THROWS_EXCEPTION(
        graph::GraphError, builder.resolveSeeds(db, NodeMode::Subjects, Seeds { {}, {}, { 99 } }));
    QVERIFY_THROWS_EXCEPTION(
        graph::GraphError, builder.resolveSeeds(db, NodeMode::Subjects, Seeds { {}, {}, { 4 } }));
}

QTEST_GUILESS_MAIN(TestFlowGraph)
#include "TestFlowGraph.moc"
