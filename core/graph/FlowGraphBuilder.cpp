#include "graph/FlowGraphBuilder.h"

#include "db/Database.h"
#include "detect/DetectionContext.h"
#include "detect/SubjectRisk.h"
#include "model/Currency.h"

#include <algorithm>
#include <limits>

namespace fundtrace::graph {
namespace {

using detect::Transaction;

// Active alerts not dismissed: what still asks for the investigator's attention.
constexpr const char *kOpenAlert = "al.active = 1 AND al.state != 'dismissed'";

void addTo(QHash<std::int64_t, NodeMarks> &marks, db::Statement &select, int NodeMarks::*field)
{
    while (select.step())
        marks[select.int64(0)].*field = int(select.int64(1));
}

std::int64_t powerOfTen(int exponent)
{
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

} // namespace

GraphMarksQuery::GraphMarksQuery(const db::Database &db) : m_db(db) { }

QHash<std::int64_t, NodeMarks> GraphMarksQuery::subjects() const
{
    QHash<std::int64_t, NodeMarks> marks;
    const QHash<std::int64_t, int> risks = detect::SubjectRiskQuery(m_db).all();
    for (auto it = risks.cbegin(); it != risks.cend(); ++it)
        marks[it.key()].risk = it.value();
    db::Statement alerts = m_db.prepare(
        std::string(
            "SELECT f.root, count(DISTINCT f.alert_id) FROM ("
            "SELECT coalesce(s.merged_into, s.id) AS root, x.alert_id FROM alert_subjects x "
            "JOIN subjects s ON s.id = x.subject_id "
            "UNION ALL SELECT coalesce(s.merged_into, s.id), x.alert_id FROM alert_accounts x "
            "JOIN accounts a ON a.id = x.account_id JOIN subjects s ON s.id = a.subject_id"
            ") f JOIN alerts al ON al.id = f.alert_id WHERE ")
        + kOpenAlert + " GROUP BY f.root");
    addTo(marks, alerts, &NodeMarks::alerts);
    db::Statement hits = m_db.prepare("SELECT coalesce(s.merged_into, s.id), count(*) FROM "
                                      "screening_hits h JOIN subjects s ON s.id = h.subject_id "
                                      "WHERE h.state != 'dismissed' GROUP BY 1");
    addTo(marks, hits, &NodeMarks::hits);
    db::Statement notes = m_db.prepare(
        "SELECT root, count(*) FROM ("
        "SELECT coalesce(s.merged_into, s.id) AS root FROM annotations n JOIN subjects s ON s.id = "
        "n.object_id "
        "WHERE n.object_type = 'subject' "
        "UNION ALL SELECT coalesce(s.merged_into, s.id) FROM annotations n JOIN accounts a ON a.id "
        "= n.object_id "
        "JOIN subjects s ON s.id = a.subject_id WHERE n.object_type = 'account') GROUP BY root");
    addTo(marks, notes, &NodeMarks::annotations);
    return marks;
}

QHash<std::int64_t, NodeMarks> GraphMarksQuery::accounts() const
{
    QHash<std::int64_t, NodeMarks> marks;
    db::Statement alerts
        = m_db.prepare(std::string("SELECT x.account_id, count(*) FROM alert_accounts x "
                                   "JOIN alerts al ON al.id = x.alert_id WHERE ")
            + kOpenAlert + " GROUP BY 1");
    addTo(marks, alerts, &NodeMarks::alerts);
    db::Statement notes
        = m_db.prepare("SELECT object_id, count(*) FROM annotations WHERE object_type = 'account' "
                       "AND object_id IS NOT NULL GROUP BY 1");
    addTo(marks, notes, &NodeMarks::annotations);
    // Risk and screening belong to the holder; an account shows its holder's.
    const QHash<std::int64_t, NodeMarks> holders = subjects();
    db::Statement held = m_db.prepare("SELECT a.id, coalesce(s.merged_into, s.id) FROM accounts a "
                                      "JOIN subjects s ON s.id = a.subject_id");
    while (held.step()) {
        const auto holder = holders.constFind(held.int64(1));
        if (holder == holders.constEnd() || (holder->risk == 0 && holder->hits == 0))
            continue;
        NodeMarks &account = marks[held.int64(0)];
        account.risk = holder->risk;
        account.hits = holder->hits;
    }
    return marks;
}

// The filter resolved against the case: open bounds made explicit, the channel set as bits and
// the minimum amount per currency.
struct FlowGraphBuilder::Selection {
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    std::int64_t to = std::numeric_limits<std::int64_t>::max();
    unsigned channels = ~0u;
    std::vector<std::int64_t> minimum; // by currency index
    bool outgoing = true;
    bool incoming = true;
    bool dated = false;

    bool passes(const Transaction &t) const
    {
        return t.bookedAt >= from && t.bookedAt <= to
            && ((channels >> unsigned(t.channel)) & 1u) != 0
            && t.amountMinor >= minimum[t.currency];
    }
};

// Transfers from one node to another, summed per currency (nearly always one, kept inline).
struct FlowGraphBuilder::EdgeSum {
    std::int32_t from = -1; // keys while aggregating, then positions in the node list
    std::int32_t to = -1;
    std::int64_t count = 0;
    std::int64_t firstAt = 0;
    std::int64_t lastAt = 0;
    std::uint16_t currency = 0;
    std::int64_t amount = 0;
    std::vector<std::pair<std::uint16_t, std::int64_t>> others;

    void add(std::uint16_t inCurrency, std::int64_t minor, std::int64_t at)
    {
        if (count++ == 0) {
            currency = inCurrency;
            firstAt = lastAt = at;
        } else {
            firstAt = std::min(firstAt, at);
            lastAt = std::max(lastAt, at);
        }
        if (inCurrency == currency) {
            amount += minor;
            return;
        }
        for (auto &[other, sum] : others) {
            if (other == inCurrency) {
                sum += minor;
                return;
            }
        }
        others.emplace_back(inCurrency, minor);
    }
};

FlowGraphBuilder::FlowGraphBuilder(const detect::DetectionContext &context,
    QHash<std::int64_t, NodeMarks> subjectMarks, QHash<std::int64_t, NodeMarks> accountMarks)
    : m_context(context), m_subjectMarks(std::move(subjectMarks)),
      m_accountMarks(std::move(accountMarks))
{
    for (const Transaction &t : context.transactions())
        m_currencies = std::max<std::size_t>(m_currencies, std::size_t(t.currency) + 1);
    std::vector<std::int64_t> flowsPerCurrency(m_currencies, 0);
    for (const detect::Flow &flow : context.flows())
        ++flowsPerCurrency[context.transactions()[flow.tx].currency];
    m_mainCurrencyCode = QStringLiteral("KZT");
    for (std::size_t c = 0; c < m_currencies; ++c) {
        const QString &code = context.currencyCode(std::uint16_t(c));
        const std::int64_t best = flowsPerCurrency[m_mainCurrency];
        if (c == 0 || flowsPerCurrency[c] > best
            || (flowsPerCurrency[c] == best && code < m_mainCurrencyCode)) {
            m_mainCurrency = std::uint16_t(c);
            m_mainCurrencyCode = code;
        }
    }
    m_mainCurrencyStd = m_mainCurrencyCode.toStdString();
    m_subjectById.reserve(qsizetype(context.subjects().size()));
    for (std::size_t s = 0; s < context.subjects().size(); ++s)
        m_subjectById.insert(context.subjects()[s].id, std::int32_t(s));
    m_accountById.reserve(qsizetype(context.accounts().size()));
    m_subjectKeyOfAccount.reserve(context.accounts().size());
    const auto subjects = std::int32_t(context.subjects().size());
    for (std::size_t a = 0; a < context.accounts().size(); ++a) {
        m_accountById.insert(context.accounts()[a].id, std::int32_t(a));
        const std::int32_t holder = context.accounts()[a].subject;
        m_subjectKeyOfAccount.push_back(holder >= 0 ? holder : subjects + std::int32_t(a));
    }
}

QString FlowGraphBuilder::mainCurrency() const
{
    return m_mainCurrencyCode;
}

FlowGraphBuilder::Selection FlowGraphBuilder::select(const GraphFilter &filter) const
{
    Selection selection;
    if (filter.from != 0)
        selection.from = filter.from;
    if (filter.to != 0)
        selection.to = filter.to;
    selection.dated = filter.from != 0 || filter.to != 0;
    if (!filter.channels.empty()) {
        selection.channels = 0;
        for (const detect::Channel channel : filter.channels)
            selection.channels |= 1u << unsigned(channel);
    }
    selection.outgoing = filter.direction != GraphFilter::Direction::Incoming;
    selection.incoming = filter.direction != GraphFilter::Direction::Outgoing;
    // The same figure in each currency's own major units: scale by the difference in minor digits.
    const int mainDigits = model::minorDigits(m_mainCurrencyCode.toStdString());
    selection.minimum.assign(m_currencies, 0);
    for (std::size_t c = 0; c < m_currencies && filter.minAmountMinor > 0; ++c) {
        const int digits
            = model::minorDigits(m_context.currencyCode(std::uint16_t(c)).toStdString());
        if (digits >= mainDigits) {
            const std::int64_t scale = powerOfTen(digits - mainDigits);
            selection.minimum[c]
                = filter.minAmountMinor > std::numeric_limits<std::int64_t>::max() / scale
                ? std::numeric_limits<std::int64_t>::max()
                : filter.minAmountMinor * scale;
        } else {
            const std::int64_t scale = powerOfTen(mainDigits - digits);
            selection.minimum[c] = (filter.minAmountMinor + scale - 1) / scale;
        }
    }
    return selection;
}

std::int32_t FlowGraphBuilder::keyCount(NodeMode mode) const
{
    const auto accounts = std::int32_t(m_context.accounts().size());
    return mode == NodeMode::Accounts ? accounts
                                      : std::int32_t(m_context.subjects().size()) + accounts;
}

// Nodes are numbered by "keys" while building: in accounts mode the account's index; in subjects
// mode the subject's index, or subjects().size() + the account's index for an unheld account.
std::int32_t FlowGraphBuilder::keyOfAccount(NodeMode mode, std::int32_t account) const
{
    return mode == NodeMode::Accounts ? account : m_subjectKeyOfAccount[std::size_t(account)];
}

std::int32_t FlowGraphBuilder::keyOfId(NodeMode mode, std::int64_t id) const
{
    if (mode == NodeMode::Accounts)
        return m_accountById.value(id, -1);
    if (!isUnheldAccountNode(id))
        return m_subjectById.value(id, -1);
    const std::int32_t account = m_accountById.value(id - kUnheldAccountNodeBase, -1);
    if (account < 0 || m_context.accounts()[std::size_t(account)].subject >= 0)
        return -1;
    return std::int32_t(m_context.subjects().size()) + account;
}

std::int64_t FlowGraphBuilder::idOfKey(NodeMode mode, std::int32_t key) const
{
    const auto subjects = std::int32_t(m_context.subjects().size());
    if (mode == NodeMode::Accounts)
        return m_context.accounts()[std::size_t(key)].id;
    if (key < subjects)
        return m_context.subjects()[std::size_t(key)].id;
    return kUnheldAccountNodeBase + m_context.accounts()[std::size_t(key - subjects)].id;
}

std::int64_t FlowGraphBuilder::nodeIdOfAccount(NodeMode mode, std::int64_t accountId) const
{
    const std::int32_t account = m_accountById.value(accountId, -1);
    return account < 0 ? 0 : idOfKey(mode, keyOfAccount(mode, account));
}

// Calls visit(flow index, other node's key) for each transfer out of (or into) a node that passes
// the selection, skipping transfers between the node's own accounts.
template <typename Visit>
void FlowGraphBuilder::forEachFlow(
    NodeMode mode, std::int32_t key, bool outgoing, const Selection &selection, Visit &&visit) const
{
    const auto &transactions = m_context.transactions();
    const auto &flows = m_context.flows();
    const auto visitAccount = [&](std::int32_t account) {
        std::span<const std::uint32_t> span
            = outgoing ? m_context.flowsOut(account) : m_context.flowsIn(account);
        if (selection.dated) {
            // A span is oldest first, so the date range is a slice of it.
            const auto time = [&](std::uint32_t f) { return transactions[flows[f].tx].bookedAt; };
            const auto begin = std::lower_bound(span.begin(), span.end(), selection.from,
                [&](std::uint32_t f, std::int64_t at) { return time(f) < at; });
            const auto end = std::upper_bound(begin, span.end(), selection.to,
                [&](std::int64_t at, std::uint32_t f) { return at < time(f); });
            span = span.subspan(std::size_t(begin - span.begin()), std::size_t(end - begin));
        }
        for (const std::uint32_t f : span) {
            const detect::Flow &flow = flows[f];
            if (!selection.passes(transactions[flow.tx]))
                continue;
            const std::int32_t other = keyOfAccount(mode, outgoing ? flow.to : flow.from);
            if (other != key)
                visit(flow, other);
        }
    };
    const auto subjects = std::int32_t(m_context.subjects().size());
    if (mode == NodeMode::Subjects && key < subjects) {
        for (const std::int32_t account : m_context.subjects()[std::size_t(key)].accounts)
            visitAccount(account);
    } else {
        visitAccount(mode == NodeMode::Subjects ? key - subjects : key);
    }
}

// Breadth first from `frontier` for `hops` rounds in the selection's directions; nodes reached
// get their hop and are appended to `order`.
void FlowGraphBuilder::reach(NodeMode mode, std::vector<std::int32_t> frontier, int hops,
    const Selection &selection, std::vector<int> &hopOf, std::vector<std::int32_t> &order) const
{
    for (int round = 0; round < hops && !frontier.empty(); ++round) {
        std::vector<std::int32_t> next;
        for (const std::int32_t key : frontier) {
            const auto visit = [&](const detect::Flow &, std::int32_t other) {
                if (hopOf[std::size_t(other)] >= 0)
                    return;
                hopOf[std::size_t(other)] = hopOf[std::size_t(key)] + 1;
                next.push_back(other);
                order.push_back(other);
            };
            if (selection.outgoing)
                forEachFlow(mode, key, true, selection, visit);
            if (selection.incoming)
                forEachFlow(mode, key, false, selection, visit);
        }
        frontier = std::move(next);
    }
}

// Every transfer between the given nodes that passes the selection, summed per ordered pair.
// Each node's outgoing transfers are summed together, so a per-target slot table replaces a hash.
std::vector<GraphEdge> FlowGraphBuilder::aggregate(
    NodeMode mode, const std::vector<std::int32_t> &keys, const Selection &selection) const
{
    std::vector<std::int32_t> position(std::size_t(keyCount(mode)), -1);
    for (std::size_t i = 0; i < keys.size(); ++i)
        position[std::size_t(keys[i])] = std::int32_t(i);
    std::vector<std::int32_t> slot(position.size(), -1);
    std::vector<std::int32_t> touched;
    std::vector<EdgeSum> sums;
    const auto &transactions = m_context.transactions();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        forEachFlow(
            mode, keys[i], true, selection, [&](const detect::Flow &flow, std::int32_t other) {
                const std::int32_t to = position[std::size_t(other)];
                if (to < 0)
                    return;
                std::int32_t &edge = slot[std::size_t(other)];
                if (edge < 0) {
                    edge = std::int32_t(sums.size());
                    touched.push_back(other);
                    sums.emplace_back();
                    sums.back().from = std::int32_t(i);
                    sums.back().to = to;
                }
                const Transaction &t = transactions[flow.tx];
                sums[std::size_t(edge)].add(t.currency, t.amountMinor, t.bookedAt);
            });
        for (const std::int32_t other : touched)
            slot[std::size_t(other)] = -1;
        touched.clear();
    }
    std::vector<GraphEdge> edges;
    edges.reserve(sums.size());
    for (const EdgeSum &sum : sums)
        edges.push_back(edgeOf(sum));
    return edges;
}

// The whole case: transfers are read in their stored (time) order, which a date filter narrows
// to one slice, and sorted by node pair, so summing is one pass without a hash table.
std::vector<GraphEdge> FlowGraphBuilder::aggregateAll(
    NodeMode mode, const Selection &selection) const
{
    const auto &transactions = m_context.transactions();
    const auto &flows = m_context.flows();
    const auto time = [&](const detect::Flow &flow) { return transactions[flow.tx].bookedAt; };
    const auto begin = std::lower_bound(flows.begin(), flows.end(), selection.from,
        [&](const detect::Flow &flow, std::int64_t at) { return time(flow) < at; });
    const auto end = std::upper_bound(begin, flows.end(), selection.to,
        [&](std::int64_t at, const detect::Flow &flow) { return at < time(flow); });
    struct Part {
        std::uint64_t pair;
        std::int64_t amount;
        std::int64_t at;
        std::uint16_t currency;
    };
    std::vector<Part> parts;
    parts.reserve(std::size_t(end - begin));
    for (auto flow = begin; flow != end; ++flow) {
        const Transaction &t = transactions[flow->tx];
        if (!selection.passes(t))
            continue;
        const std::int32_t from = keyOfAccount(mode, flow->from);
        const std::int32_t to = keyOfAccount(mode, flow->to);
        if (from != to)
            parts.push_back({ (std::uint64_t(std::uint32_t(from)) << 32) | std::uint32_t(to),
                t.amountMinor, t.bookedAt, t.currency });
    }
    std::sort(
        parts.begin(), parts.end(), [](const Part &a, const Part &b) { return a.pair < b.pair; });
    std::vector<GraphEdge> edges;
    EdgeSum sum;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        sum.add(parts[i].currency, parts[i].amount, parts[i].at);
        if (i + 1 == parts.size() || parts[i + 1].pair != parts[i].pair) {
            sum.from = std::int32_t(parts[i].pair >> 32);
            sum.to = std::int32_t(parts[i].pair & 0xffffffffu);
            edges.push_back(edgeOf(sum));
            sum = EdgeSum();
        }
    }
    return edges;
}

GraphNode FlowGraphBuilder::makeNode(NodeMode mode, std::int32_t key) const
{
    GraphNode node;
    node.id = idOfKey(mode, key);
    const auto subjects = std::int32_t(m_context.subjects().size());
    if (mode == NodeMode::Subjects && key < subjects) {
        const detect::Subject &subject = m_context.subjects()[std::size_t(key)];
        node.entity = NodeEntity::Subject;
        node.contextIndex = key;
        node.label = subject.name;
        node.kind = subject.kind;
        node.marks = m_subjectMarks.value(subject.id);
        return node;
    }
    const std::int32_t account = mode == NodeMode::Subjects ? key - subjects : key;
    const detect::Account &a = m_context.accounts()[std::size_t(account)];
    node.entity = NodeEntity::Account;
    node.contextIndex = account;
    node.label = mode == NodeMode::Subjects ? a.identifier : m_context.describeAccount(account);
    node.kind = a.subject >= 0 ? m_context.subjects()[std::size_t(a.subject)].kind
                               : QStringLiteral("unknown");
    node.marks = m_accountMarks.value(a.id);
    return node;
}

GraphEdge FlowGraphBuilder::edgeOf(const EdgeSum &sum) const
{
    GraphEdge edge;
    edge.from = sum.from;
    edge.to = sum.to;
    edge.count = sum.count;
    edge.firstAt = sum.firstAt;
    edge.lastAt = sum.lastAt;
    edge.totals.reserve(1 + sum.others.size());
    edge.totals.push_back({ m_context.currencyCode(sum.currency), sum.amount });
    for (const auto &[currency, amount] : sum.others)
        edge.totals.push_back({ m_context.currencyCode(currency), amount });
    if (!sum.others.empty()) {
        std::sort(edge.totals.begin(), edge.totals.end(),
            [](const CurrencyAmount &a, const CurrencyAmount &b) {
                return a.amountMinor != b.amountMinor ? a.amountMinor > b.amountMinor
                                                      : a.currency < b.currency;
            });
    }
    if (sum.currency == m_mainCurrency)
        edge.weight = model::toMajor(sum.amount, m_mainCurrencyStd);
    for (const auto &[currency, amount] : sum.others) {
        if (currency == m_mainCurrency)
            edge.weight = model::toMajor(amount, m_mainCurrencyStd);
    }
    return edge;
}

FlowGraph FlowGraphBuilder::assemble(NodeMode mode, const std::vector<std::int32_t> &keys,
    const std::vector<int> &hopOf, const std::vector<bool> &seed,
    std::vector<GraphEdge> edges) const
{
    std::vector<GraphNode> nodes;
    nodes.reserve(keys.size());
    for (const std::int32_t key : keys) {
        GraphNode node = makeNode(mode, key);
        node.hop = hopOf.empty() ? 0 : std::max(0, hopOf[std::size_t(key)]);
        node.seed = !seed.empty() && seed[std::size_t(key)];
        nodes.push_back(std::move(node));
    }
    const auto byPair = [](const GraphEdge &a, const GraphEdge &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    };
    if (!std::is_sorted(edges.begin(), edges.end(), byPair))
        std::sort(edges.begin(), edges.end(), byPair);
    return FlowGraph::fromParts(mode, std::move(nodes), std::move(edges), m_mainCurrencyCode);
}

FlowGraph FlowGraphBuilder::build(
    NodeMode mode, const std::vector<std::int64_t> &seeds, const GraphFilter &filter) const
{
    const Selection selection = select(filter);
    const std::size_t count = std::size_t(keyCount(mode));
    if (seeds.empty()) {
        // The whole case: every node an edge touches, in key order (so edges stay sorted by pair).
        std::vector<GraphEdge> edges = aggregateAll(mode, selection);
        std::vector<std::int32_t> position(count, -1);
        for (const GraphEdge &edge : edges)
            position[std::size_t(edge.from)] = position[std::size_t(edge.to)] = 0;
        std::vector<std::int32_t> keys;
        for (std::size_t key = 0; key < count; ++key) {
            if (position[key] == 0) {
                position[key] = std::int32_t(keys.size());
                keys.push_back(std::int32_t(key));
            }
        }
        for (GraphEdge &edge : edges) {
            edge.from = position[std::size_t(edge.from)];
            edge.to = position[std::size_t(edge.to)];
        }
        return assemble(mode, keys, {}, {}, std::move(edges));
    }

    std::vector<int> hopOf(count, -1);
    std::vector<bool> isSeed(count, false);
    std::vector<std::int32_t> order;
    for (const std::int64_t id : seeds) {
        const std::int32_t key = keyOfId(mode, id);
        if (key < 0)
            throw GraphError(QStringLiteral("%1 is not a %2 of this case.")
                                 .arg(id)
                                 .arg(mode == NodeMode::Subjects ? QStringLiteral("subject")
                                                                 : QStringLiteral("account")));
        if (hopOf[std::size_t(key)] == 0)
            continue;
        hopOf[std::size_t(key)] = 0;
        isSeed[std::size_t(key)] = true;
        order.push_back(key);
    }
    reach(mode, order, std::max(0, filter.hops), selection, hopOf, order);
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        return hopOf[std::size_t(a)] != hopOf[std::size_t(b)]
            ? hopOf[std::size_t(a)] < hopOf[std::size_t(b)]
            : a < b;
    });
    return assemble(mode, order, hopOf, isSeed, aggregate(mode, order, selection));
}

FlowGraph FlowGraphBuilder::expand(
    const FlowGraph &graph, const std::vector<std::int64_t> &nodes, const GraphFilter &filter) const
{
    const NodeMode mode = graph.mode();
    const Selection selection = select(filter);
    const std::size_t count = std::size_t(keyCount(mode));
    std::vector<int> hopOf(count, -1);
    std::vector<bool> isSeed(count, false);
    std::vector<std::int32_t> order;
    order.reserve(graph.nodes().size());
    for (const GraphNode &node : graph.nodes()) {
        const std::int32_t key = keyOfId(mode, node.id);
        if (key < 0)
            throw GraphError(QStringLiteral(
                "The chart shows \"%1\", which is not a %2 of this case; expand before "
                "grouping.")
                                 .arg(node.label,
                                     mode == NodeMode::Subjects ? QStringLiteral("subject")
                                                                : QStringLiteral("account")));
        hopOf[std::size_t(key)] = node.hop;
        isSeed[std::size_t(key)] = node.seed;
        order.push_back(key);
    }
    // In the order given, so a node an earlier expansion added can be expanded too (as a saved
    // view replays the investigator's clicks).
    const std::size_t shown = order.size();
    for (const std::int64_t id : nodes) {
        const std::int32_t key = keyOfId(mode, id);
        if (key >= 0 && hopOf[std::size_t(key)] >= 0)
            reach(mode, { key }, 1, selection, hopOf, order);
    }
    std::sort(order.begin() + std::ptrdiff_t(shown), order.end());
    return assemble(mode, order, hopOf, isSeed, aggregate(mode, order, selection));
}

std::vector<std::int64_t> FlowGraphBuilder::resolveSeeds(
    const db::Database &db, NodeMode mode, const GraphSeeds &seeds) const
{
    std::vector<std::int64_t> ids;
    const auto add = [&ids](std::int64_t id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    };
    // A subject's node(s); false when it has none in this mode (no accounts in accounts mode).
    const auto addSubject = [&](std::int64_t root) {
        const std::int32_t subject = m_subjectById.value(root, -1);
        if (subject < 0)
            return false;
        if (mode == NodeMode::Subjects) {
            add(root);
            return true;
        }
        for (const std::int32_t account : m_context.subjects()[std::size_t(subject)].accounts)
            add(m_context.accounts()[std::size_t(account)].id);
        return !m_context.subjects()[std::size_t(subject)].accounts.empty();
    };
    db::Statement rootOf
        = db.prepare("SELECT coalesce(merged_into, id), display_name FROM subjects WHERE id = ?1");
    for (const std::int64_t id : seeds.subjects) {
        rootOf.bind(1, id);
        if (!rootOf.step())
            throw GraphError(QStringLiteral("There is no subject %1 in this case.").arg(id));
        const std::int64_t root = rootOf.int64(0);
        const QString name = rootOf.qtext(1);
        rootOf.reset();
        if (!addSubject(root))
            throw GraphError(QStringLiteral(
                "Subject %1 (%2) holds no account, so it has no node in the accounts "
                "view; show subjects instead.")
                                 .arg(id)
                                 .arg(name));
    }
    for (const std::int64_t id : seeds.accounts) {
        const std::int64_t node = nodeIdOfAccount(mode, id);
        if (node == 0)
            throw GraphError(QStringLiteral("There is no account %1 in this case.").arg(id));
        add(node);
    }
    db::Statement alert = db.prepare("SELECT 1 FROM alerts WHERE id = ?1");
    db::Statement alertSubjects
        = db.prepare("SELECT DISTINCT coalesce(s.merged_into, s.id) FROM alert_subjects x JOIN "
                     "subjects s ON s.id = x.subject_id "
                     "WHERE x.alert_id = ?1 ORDER BY 1");
    db::Statement alertAccounts
        = db.prepare("SELECT account_id FROM alert_accounts WHERE alert_id = ?1 ORDER BY 1");
    for (const std::int64_t id : seeds.alerts) {
        alert.bind(1, id);
        const bool exists = alert.step();
        alert.reset();
        if (!exists)
            throw GraphError(QStringLiteral("There is no alert %1 in this case.").arg(id));
        const std::size_t before = ids.size();
        bool named = false;
        alertSubjects.bind(1, id);
        while (alertSubjects.step())
            named = addSubject(alertSubjects.int64(0)) || named;
        alertSubjects.reset();
        alertAccounts.bind(1, id);
        while (alertAccounts.step()) {
            const std::int64_t node = nodeIdOfAccount(mode, alertAccounts.int64(0));
            if (node != 0) {
                add(node);
                named = true;
            }
        }
        alertAccounts.reset();
        if (!named && ids.size() == before)
            throw GraphError(
                QStringLiteral("Alert %1 names no subject or account that the chart can show.")
                    .arg(id));
    }
    return ids;
}

FlowGraph FlowGraphGrouping::collapse(const FlowGraph &graph, const std::vector<Group> &groups)
{
    const std::size_t n = graph.nodes().size();
    std::vector<std::int32_t> groupOf(n, -1);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const std::int64_t member : groups[g].members) {
            const std::int32_t index = graph.indexOf(member);
            if (index < 0)
                continue;
            if (groupOf[std::size_t(index)] >= 0 && groupOf[std::size_t(index)] != std::int32_t(g))
                throw GraphError(QStringLiteral(
                    "\"%1\" is in two groups (\"%2\" and \"%3\"); a node belongs to one group.")
                                     .arg(graph.nodes()[std::size_t(index)].label,
                                         groups[std::size_t(groupOf[std::size_t(index)])].label,
                                         groups[g].label));
            groupOf[std::size_t(index)] = std::int32_t(g);
        }
    }
    // New nodes in the old order; a group stands where its first member stood.
    std::vector<GraphNode> nodes;
    std::vector<std::int32_t> newIndex(n, -1);
    std::vector<std::int32_t> groupIndex(groups.size(), -1);
    for (std::size_t i = 0; i < n; ++i) {
        const GraphNode &old = graph.nodes()[i];
        const std::int32_t g = groupOf[i];
        if (g < 0) {
            newIndex[i] = std::int32_t(nodes.size());
            nodes.push_back(old);
            continue;
        }
        if (groupIndex[std::size_t(g)] < 0) {
            groupIndex[std::size_t(g)] = std::int32_t(nodes.size());
            GraphNode group;
            group.id = -(std::int64_t(g) + 1);
            group.entity = NodeEntity::Group;
            group.label = groups[std::size_t(g)].label;
            group.kind = QStringLiteral("group");
            group.hop = old.hop;
            nodes.push_back(group);
        }
        GraphNode &group = nodes[std::size_t(groupIndex[std::size_t(g)])];
        group.marks.risk = std::max(group.marks.risk, old.marks.risk);
        group.marks.alerts += old.marks.alerts;
        group.marks.hits += old.marks.hits;
        group.marks.annotations += old.marks.annotations;
        group.hop = std::min(group.hop, old.hop);
        group.seed = group.seed || old.seed;
        newIndex[i] = groupIndex[std::size_t(g)];
    }
    std::vector<GraphEdge> edges;
    QHash<std::uint64_t, std::size_t> merged;
    for (const GraphEdge &old : graph.edges()) {
        GraphEdge edge = old;
        edge.from = newIndex[std::size_t(old.from)];
        edge.to = newIndex[std::size_t(old.to)];
        if (edge.from == edge.to)
            continue;
        const std::uint64_t pair
            = (std::uint64_t(std::uint32_t(edge.from)) << 32) | std::uint32_t(edge.to);
        const auto found = merged.constFind(pair);
        if (found == merged.constEnd()) {
            merged.insert(pair, edges.size());
            edges.push_back(std::move(edge));
            continue;
        }
        GraphEdge &into = edges[*found];
        into.count += old.count;
        into.firstAt = std::min(into.firstAt, old.firstAt);
        into.lastAt = std::max(into.lastAt, old.lastAt);
        into.weight += old.weight;
        for (const CurrencyAmount &total : old.totals) {
            const auto same = std::find_if(into.totals.begin(), into.totals.end(),
                [&](const CurrencyAmount &t) { return t.currency == total.currency; });
            if (same == into.totals.end())
                into.totals.push_back(total);
            else
                same->amountMinor += total.amountMinor;
        }
        std::sort(into.totals.begin(), into.totals.end(),
            [](const CurrencyAmount &a, const CurrencyAmount &b) {
                return a.amountMinor != b.amountMinor ? a.amountMinor > b.amountMinor
                                                      : a.currency < b.currency;
            });
    }
    std::sort(edges.begin(), edges.end(), [](const GraphEdge &a, const GraphEdge &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    return FlowGraph::fromParts(
        graph.mode(), std::move(nodes), std::move(edges), graph.mainCurrency());
}

FlowGraph FlowGraphGrouping::without(
    const FlowGraph &graph, const std::vector<std::int64_t> &hidden)
{
    std::vector<std::int32_t> newIndex(graph.nodes().size(), 0);
    for (const std::int64_t id : hidden) {
        const std::int32_t index = graph.indexOf(id);
        if (index >= 0)
            newIndex[std::size_t(index)] = -1;
    }
    std::vector<GraphNode> nodes;
    for (std::size_t i = 0; i < graph.nodes().size(); ++i) {
        if (newIndex[i] < 0)
            continue;
        newIndex[i] = std::int32_t(nodes.size());
        nodes.push_back(graph.nodes()[i]);
    }
    std::vector<GraphEdge> edges;
    for (const GraphEdge &old : graph.edges()) {
        if (newIndex[std::size_t(old.from)] < 0 || newIndex[std::size_t(old.to)] < 0)
            continue;
        GraphEdge edge = old;
        edge.from = newIndex[std::size_t(old.from)];
        edge.to = newIndex[std::size_t(old.to)];
        edges.push_back(std::move(edge));
    }
    return FlowGraph::fromParts(
        graph.mode(), std::move(nodes), std::move(edges), graph.mainCurrency());
}

} // namespace fundtrace::graph
