#include "graph/FundTrace.h"

#include <QJsonArray>
#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>

namespace fundtrace::graph {
namespace {

using detect::DetectionContext;
using detect::Transaction;

constexpr int kUnlabelled = -1;

// Paths are stored once as a trie: a path is its last account plus its parent path.
class PathTrie {
public:
    int root(std::int32_t account) { return extend(-1, account); }
    int extend(int parent, std::int32_t account)
    {
        const auto key = std::make_pair(parent, account);
        const auto found = m_index.find(key);
        if (found != m_index.end())
            return found->second;
        m_nodes.push_back({ parent, account });
        const int id = int(m_nodes.size() - 1);
        m_index.emplace(key, id);
        return id;
    }
    std::vector<std::int32_t> accounts(int path) const
    {
        std::vector<std::int32_t> list;
        for (int node = path; node >= 0; node = m_nodes[std::size_t(node)].parent)
            list.push_back(m_nodes[std::size_t(node)].account);
        std::reverse(list.begin(), list.end());
        return list;
    }
    std::int32_t first(int path) const
    {
        int node = path;
        while (m_nodes[std::size_t(node)].parent >= 0)
            node = m_nodes[std::size_t(node)].parent;
        return m_nodes[std::size_t(node)].account;
    }

private:
    struct Node {
        int parent;
        std::int32_t account;
    };
    std::vector<Node> m_nodes;
    std::map<std::pair<int, std::int32_t>, int> m_index;
};

struct Part {
    int path;
    std::int64_t amount;
};

// The money in one account, labelled by the path it came along (or unlabelled).
class AccountBalance {
public:
    explicit AccountBalance(TraceMethod method)
        : m_method(method)
    {
    }

    void deposit(int path, std::int64_t amount)
    {
        if (amount <= 0)
            return;
        if (m_method == TraceMethod::Fifo || m_method == TraceMethod::Lifo) {
            m_lots.push_back({ path, amount });
        } else if (path == kUnlabelled) {
            m_unlabelled += amount;
        } else {
            m_labelled[path] += amount;
        }
    }

    // Takes `amount` out by the method; labelled parts are appended to `out`. Returns what the
    // balance could not cover.
    std::int64_t withdraw(std::int64_t amount, std::vector<Part> &out)
    {
        switch (m_method) {
        case TraceMethod::Fifo:
        case TraceMethod::Lifo:
            return withdrawLots(amount, out);
        case TraceMethod::ProRata:
            return withdrawProRata(amount, out);
        case TraceMethod::Libr:
            return withdrawLibr(amount, out);
        }
        return amount;
    }

    template<typename Visit>
    void forEachLabelled(const Visit &visit) const
    {
        for (const Part &lot : m_lots) {
            if (lot.path != kUnlabelled)
                visit(lot.path, lot.amount);
        }
        for (const auto &[path, amount] : m_labelled)
            visit(path, amount);
    }

private:
    std::int64_t withdrawLots(std::int64_t amount, std::vector<Part> &out)
    {
        while (amount > 0 && !m_lots.empty()) {
            Part &lot = m_method == TraceMethod::Fifo ? m_lots.front() : m_lots.back();
            const std::int64_t take = std::min(amount, lot.amount);
            if (lot.path != kUnlabelled)
                out.push_back({ lot.path, take });
            lot.amount -= take;
            amount -= take;
            if (lot.amount == 0) {
                if (m_method == TraceMethod::Fifo)
                    m_lots.pop_front();
                else
                    m_lots.pop_back();
            }
        }
        return amount;
    }

    std::int64_t labelledTotal() const
    {
        std::int64_t total = 0;
        for (const auto &[path, value] : m_labelled)
            total += value;
        return total;
    }

    // Takes `take` from the labelled parts in proportion to their size (rounding down, the last
    // unit going to the largest parts so the total is exact).
    void takeProportionally(std::int64_t take, std::int64_t labelled, std::vector<Part> &out)
    {
        if (take <= 0 || labelled <= 0)
            return;
        std::int64_t given = 0;
        for (auto &[path, value] : m_labelled) {
            const std::int64_t share = std::int64_t((__int128(take) * value) / labelled);
            if (share > 0) {
                out.push_back({ path, share });
                value -= share;
                given += share;
            }
        }
        for (auto it = m_labelled.begin(); given < take && it != m_labelled.end(); ++it) {
            if (it->second > 0) {
                --it->second;
                ++given;
                out.push_back({ it->first, 1 });
            }
        }
        std::erase_if(m_labelled, [](const auto &entry) { return entry.second <= 0; });
    }

    std::int64_t withdrawProRata(std::int64_t amount, std::vector<Part> &out)
    {
        const std::int64_t labelled = labelledTotal();
        const std::int64_t total = labelled + m_unlabelled;
        const std::int64_t take = std::min(amount, total);
        const std::int64_t fromLabelled = total > 0 ? std::int64_t((__int128(take) * labelled) / total) : 0;
        takeProportionally(fromLabelled, labelled, out);
        m_unlabelled -= take - fromLabelled;
        return amount - take;
    }

    std::int64_t withdrawLibr(std::int64_t amount, std::vector<Part> &out)
    {
        const std::int64_t fromUnlabelled = std::min(amount, m_unlabelled);
        m_unlabelled -= fromUnlabelled;
        const std::int64_t rest = amount - fromUnlabelled;
        const std::int64_t labelled = labelledTotal();
        const std::int64_t fromLabelled = std::min(rest, labelled);
        takeProportionally(fromLabelled, labelled, out);
        return rest - fromLabelled;
    }

    TraceMethod m_method;
    std::deque<Part> m_lots;
    std::int64_t m_unlabelled = 0;
    std::map<int, std::int64_t> m_labelled;
};

struct PathTotals {
    std::int64_t amount = 0;
    std::int64_t firstAt = 0;
    std::int64_t lastAt = 0;
    void add(std::int64_t value, std::int64_t at)
    {
        amount += value;
        firstAt = firstAt == 0 ? at : std::min(firstAt, at);
        lastAt = std::max(lastAt, at);
    }
};

} // namespace

QString traceMethodName(TraceMethod method)
{
    switch (method) {
    case TraceMethod::Fifo:
        return QStringLiteral("fifo");
    case TraceMethod::Lifo:
        return QStringLiteral("lifo");
    case TraceMethod::ProRata:
        return QStringLiteral("prorata");
    case TraceMethod::Libr:
        break;
    }
    return QStringLiteral("libr");
}

bool traceMethodFromName(const QString &name, TraceMethod &method)
{
    for (const TraceMethod candidate : { TraceMethod::Fifo, TraceMethod::Lifo, TraceMethod::ProRata, TraceMethod::Libr }) {
        if (traceMethodName(candidate) == name.toLower()) {
            method = candidate;
            return true;
        }
    }
    return false;
}

FundTrace::FundTrace(const DetectionContext &context)
    : m_context(context)
{
}

TraceResult FundTrace::run(const TraceRequest &request) const
{
    TraceResult result;
    result.request = request;
    const int currency = m_context.currencyIndex(request.currency);
    if (currency < 0 || request.accounts.empty())
        return result;
    const bool forward = request.direction == TraceRequest::Direction::Forward;
    const std::vector<Transaction> &rows = m_context.transactions();

    // The accounts within reach, by the fewest transfers from the start.
    std::vector<int> hop(m_context.accounts().size(), -1);
    std::vector<std::int32_t> frontier;
    for (const std::int32_t account : request.accounts) {
        hop[std::size_t(account)] = 0;
        frontier.push_back(account);
    }
    for (int depth = 1; depth <= request.hops && !frontier.empty(); ++depth) {
        std::vector<std::int32_t> next;
        for (const std::int32_t account : frontier) {
            for (const std::uint32_t f : forward ? m_context.flowsOut(account) : m_context.flowsIn(account)) {
                const detect::Flow &flow = m_context.flows()[f];
                if (rows[flow.tx].currency != currency)
                    continue;
                const std::int32_t other = forward ? flow.to : flow.from;
                if (hop[std::size_t(other)] < 0) {
                    hop[std::size_t(other)] = depth;
                    next.push_back(other);
                }
            }
        }
        frontier = std::move(next);
    }
    const auto inSet = [&](std::int32_t account) { return account >= 0 && hop[std::size_t(account)] >= 0; };
    const auto isStart = [&](std::int32_t account) { return account >= 0 && hop[std::size_t(account)] == 0; };

    PathTrie trie;
    std::unordered_map<std::int32_t, AccountBalance> balances;
    const auto balance = [&](std::int32_t account) -> AccountBalance & {
        return balances.try_emplace(account, request.method).first->second;
    };
    std::map<int, PathTotals> arrivals;  // path (ending at its last account) -> traced money that arrived
    std::map<int, PathTotals> exits;     // forward: path ending in cash (-1) or an account past the hop limit
    std::vector<Part> parts;

    for (std::uint32_t index = 0; index < rows.size(); ++index) {
        const Transaction &t = rows[index];
        if (t.currency != currency || t.account < 0 || !(inSet(t.account) || inSet(t.counterparty)))
            continue;
        std::int32_t from = -1;
        std::int32_t to = -1;
        if (t.counterparty >= 0) {
            // Each transfer once: the payer's row, or the payee's when the payer's statement is missing.
            if (t.credit && m_context.accounts()[std::size_t(t.counterparty)].hasStatement)
                continue;
            from = t.credit ? t.counterparty : t.account;
            to = t.credit ? t.account : t.counterparty;
        } else {
            from = t.credit ? -1 : t.account;
            to = t.credit ? t.account : -1;
        }
        if (from == to)
            continue;

        parts.clear();
        if (inSet(from)) {
            const std::int64_t uncovered = balance(from).withdraw(t.amountMinor, parts);
            result.unexplainedMinor += uncovered;
            // Backward, money an account pays without inflows the case shows entered there.
            if (!forward && uncovered > 0)
                parts.push_back({ trie.root(from), uncovered });
        }
        std::int64_t labelled = 0;
        for (const Part &part : parts)
            labelled += part.amount;

        if (!inSet(to)) {
            // Forward: traced money leaves what is followed.
            for (const Part &part : parts) {
                const int path = trie.extend(part.path, to);
                exits[path].add(part.amount, t.bookedAt);
                if (to < 0)
                    result.cashOutMinor += part.amount;
                else
                    result.beyondHopsMinor += part.amount;
            }
            continue;
        }
        // Money entering: what is traced starts here.
        std::int64_t unlabelled = t.amountMinor - labelled;
        if (forward && isStart(to) && !isStart(from) && (request.from == 0 || t.bookedAt >= request.from)
            && (request.to == 0 || t.bookedAt <= request.to)) {
            balance(to).deposit(trie.root(to), unlabelled);
            result.tracedMinor += unlabelled;
            unlabelled = 0;
        } else if (!forward && !inSet(from)) {
            const int path = trie.extend(trie.root(from), to);
            balance(to).deposit(path, unlabelled);
            arrivals[path].add(unlabelled, t.bookedAt);
            unlabelled = 0;
        }
        balance(to).deposit(kUnlabelled, unlabelled);
        for (const Part &part : parts) {
            const int path = trie.extend(part.path, to);
            balance(to).deposit(path, part.amount);
            arrivals[path].add(part.amount, t.bookedAt);
        }
    }

    // Forward: where the traced money arrived, is held, and which paths it took.
    std::map<std::int32_t, TraceResult::Destination> destinations;
    std::map<int, std::int64_t> heldByPath;
    for (const auto &[account, state] : balances) {
        state.forEachLabelled([&](int path, std::int64_t amount) {
            heldByPath[path] += amount;
            if (forward) {
                result.heldMinor += amount;
                destinations[account].heldMinor += amount;
            }
        });
    }
    for (const auto &[path, totals] : arrivals) {
        const std::vector<std::int32_t> accounts = trie.accounts(path);
        if (forward) {
            TraceResult::Destination &destination = destinations[accounts.back()];
            destination.amountMinor += totals.amount;
            destination.firstAt = destination.firstAt == 0 ? totals.firstAt : std::min(destination.firstAt, totals.firstAt);
            destination.lastAt = std::max(destination.lastAt, totals.lastAt);
        } else if (isStart(accounts.back())) {
            // Backward: money that reached the destination, by where it entered the followed accounts.
            result.tracedMinor += totals.amount;
            if (accounts.front() < 0)
                result.fromCashMinor += totals.amount;
            TraceResult::Destination &origin = destinations[accounts.front()];
            origin.amountMinor += totals.amount;
            origin.firstAt = origin.firstAt == 0 ? totals.firstAt : std::min(origin.firstAt, totals.firstAt);
            origin.lastAt = std::max(origin.lastAt, totals.lastAt);
            result.paths.push_back({ accounts, totals.amount, totals.firstAt, totals.lastAt });
        }
    }
    if (forward) {
        // A path's own total is what ended there: held at its last account, or left from it.
        for (const auto &[path, amount] : heldByPath) {
            const PathTotals totals = arrivals.count(path) ? arrivals.at(path) : PathTotals {};
            if (amount > 0 && trie.accounts(path).size() > 1)
                result.paths.push_back({ trie.accounts(path), amount, totals.firstAt, totals.lastAt });
        }
        for (const auto &[path, totals] : exits)
            result.paths.push_back({ trie.accounts(path), totals.amount, totals.firstAt, totals.lastAt });
        for (const std::int32_t account : request.accounts)
            destinations.erase(account);
    }
    for (auto &[account, destination] : destinations) {
        destination.account = account;
        destination.hops = account >= 0 && hop[std::size_t(account)] >= 0 ? hop[std::size_t(account)] : -1;
        if (destination.amountMinor > 0 || destination.heldMinor > 0)
            result.destinations.push_back(destination);
    }
    std::sort(result.destinations.begin(), result.destinations.end(),
              [](const auto &a, const auto &b) { return a.amountMinor != b.amountMinor ? a.amountMinor > b.amountMinor : a.account < b.account; });
    std::sort(result.paths.begin(), result.paths.end(), [](const auto &a, const auto &b) {
        return a.amountMinor != b.amountMinor ? a.amountMinor > b.amountMinor : a.accounts < b.accounts;
    });
    return result;
}

QJsonObject TraceResult::toJson(const DetectionContext &context) const
{
    const auto accountJson = [&](std::int32_t account) -> QJsonValue {
        if (account < 0)
            return QStringLiteral("cash or unknown party");
        const detect::Account &a = context.accounts()[std::size_t(account)];
        return QJsonObject { { QStringLiteral("id"), qint64(a.id) }, { QStringLiteral("identifier"), a.identifier },
                             { QStringLiteral("holder"), a.subject >= 0 ? context.subjects()[std::size_t(a.subject)].name : QString() } };
    };
    QJsonArray destinationsJson;
    for (const Destination &d : destinations)
        destinationsJson.append(QJsonObject { { QStringLiteral("account"), accountJson(d.account) },
                                              { QStringLiteral("amount_minor"), qint64(d.amountMinor) },
                                              { QStringLiteral("held_minor"), qint64(d.heldMinor) },
                                              { QStringLiteral("hops"), d.hops },
                                              { QStringLiteral("first_at"), qint64(d.firstAt) },
                                              { QStringLiteral("last_at"), qint64(d.lastAt) } });
    QJsonArray pathsJson;
    for (const Path &p : paths) {
        QJsonArray steps;
        for (const std::int32_t account : p.accounts)
            steps.append(accountJson(account));
        pathsJson.append(QJsonObject { { QStringLiteral("accounts"), steps }, { QStringLiteral("amount_minor"), qint64(p.amountMinor) },
                                       { QStringLiteral("first_at"), qint64(p.firstAt) }, { QStringLiteral("last_at"), qint64(p.lastAt) } });
    }
    return QJsonObject {
        { QStringLiteral("direction"), request.direction == TraceRequest::Direction::Forward ? QStringLiteral("forward") : QStringLiteral("backward") },
        { QStringLiteral("method"), traceMethodName(request.method) },
        { QStringLiteral("hops"), request.hops },
        { QStringLiteral("currency"), request.currency },
        { QStringLiteral("traced_minor"), qint64(tracedMinor) },
        { QStringLiteral("held_minor"), qint64(heldMinor) },
        { QStringLiteral("cash_out_minor"), qint64(cashOutMinor) },
        { QStringLiteral("beyond_hops_minor"), qint64(beyondHopsMinor) },
        { QStringLiteral("unexplained_minor"), qint64(unexplainedMinor) },
        { QStringLiteral("from_cash_minor"), qint64(fromCashMinor) },
        { QStringLiteral("destinations"), destinationsJson },
        { QStringLiteral("paths"), pathsJson },
    };
}

} // namespace fundtrace::graph
