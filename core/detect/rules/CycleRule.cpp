#include "detect/rules/CycleRule.h"

#include "detect/RuleText.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <set>

namespace fundtrace::detect {
namespace {

// Caps the edges one start flow may examine, so a dense neighbourhood cannot stall the run.
constexpr long StepBudget = 20'000;

// The depth-first walk from one start flow; reused across start flows to avoid allocations.
struct CycleWalk {
    CycleWalk(const DetectionContext &c, const std::vector<bool> &u) : context(c), used(u) { }

    const DetectionContext &context;
    const std::vector<bool> &used; // flows already cited by an earlier cycle
    int currency = 0;
    std::int64_t low = 0, high = 0, deadline = 0;
    std::size_t minHops = 2, maxHops = 6, maxBranching = 500;
    std::int32_t origin = -1;
    long budget = 0;
    std::vector<std::uint32_t> path; // flow indexes, in order
    std::vector<std::int32_t> visited; // accounts on the path

    std::int64_t timeOf(std::uint32_t flow) const
    {
        return context.transactions()[context.flows()[flow].tx].bookedAt;
    }

    // Flows out of `account` strictly after `after` and no later than the deadline.
    std::span<const std::uint32_t> window(std::int32_t account, std::int64_t after) const
    {
        const std::span<const std::uint32_t> out = context.flowsOut(account);
        const auto begin = std::partition_point(
            out.begin(), out.end(), [&](std::uint32_t f) { return timeOf(f) <= after; });
        const auto end = std::partition_point(
            begin, out.end(), [&](std::uint32_t f) { return timeOf(f) <= deadline; });
        return { begin, end };
    }

    bool extend(std::int32_t account, std::int64_t after)
    {
        const std::span<const std::uint32_t> candidates = window(account, after);
        if (candidates.size() > maxBranching)
            return false;
        for (const std::uint32_t f : candidates) {
            if (--budget < 0)
                return false;
            const Flow &flow = context.flows()[f];
            const Transaction &t = context.transactions()[flow.tx];
            if (used[f] || t.currency != currency || t.amountMinor < low || t.amountMinor > high)
                continue;
            if (flow.to == origin) {
                if (path.size() + 1 < minHops)
                    continue;
                path.push_back(f);
                return true;
            }
            if (path.size() + 1 >= maxHops
                || std::find(visited.begin(), visited.end(), flow.to) != visited.end())
                continue;
            path.push_back(f);
            visited.push_back(flow.to);
            if (extend(flow.to, t.bookedAt))
                return true;
            path.pop_back();
            visited.pop_back();
        }
        return false;
    }
};

} // namespace

void CycleRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_window = settings.seconds(QStringLiteral("window_hours"), 30 * 24);
    m_minAmount = settings.amountMinor(QStringLiteral("min_amount"), 100'000);
    m_tolerance = settings.number(QStringLiteral("amount_tolerance"), 0.2, 0.0, 0.9);
    m_minHops = settings.integer(QStringLiteral("min_hops"), 2, 2, 6);
    m_maxHops = settings.integer(QStringLiteral("max_hops"), 6, 2, 6);
    if (m_maxHops < m_minHops)
        throw RuleConfigError(
            QStringLiteral("rule \"%1\", setting \"max_hops\": must not be below min_hops")
                .arg(id()));
    m_maxBranching
        = settings.integer(QStringLiteral("max_flows_out_per_account"), 500, 1, 1'000'000);
    m_skipSameHolder = settings.boolean(QStringLiteral("skip_same_holder"), true);
}

void CycleRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0)
        return;
    const std::vector<Flow> &flows = context.flows();
    const std::vector<Transaction> &rows = context.transactions();
    const std::vector<Account> &accounts = context.accounts();
    std::vector<bool> used(flows.size(), false);
    QSet<QString> keys;
    CycleWalk walk { context, used };
    walk.currency = currency;
    walk.minHops = std::size_t(m_minHops);
    walk.maxBranching = std::size_t(m_maxBranching);

    // Flows are in time order, so each cycle is met first at its earliest hop.
    for (std::uint32_t start = 0; start < flows.size(); ++start) {
        const Flow &first = flows[start];
        const Transaction &t0 = rows[first.tx];
        if (used[start] || t0.currency != currency || t0.amountMinor < m_minAmount
            || t0.amountMinor <= 0)
            continue;
        walk.deadline = t0.bookedAt + m_window;
        if (walk.window(first.from, t0.bookedAt - 1).size() > walk.maxBranching)
            continue;
        // The epsilon keeps an amount exactly at the tolerance inside despite rounding.
        walk.low = std::int64_t(std::ceil(double(t0.amountMinor) * (1.0 - m_tolerance) - 1e-6));
        walk.high = std::int64_t(std::floor(double(t0.amountMinor) * (1.0 + m_tolerance) + 1e-6));
        walk.origin = first.from;
        // Deepening one hop at a time reports the shortest ring through this start flow.
        walk.budget = StepBudget;
        bool found = false;
        for (int limit = m_minHops; limit <= m_maxHops && !found && walk.budget > 0; ++limit) {
            walk.maxHops = std::size_t(limit);
            walk.path.assign(1, start);
            walk.visited.assign({ first.from, first.to });
            found = walk.extend(first.to, t0.bookedAt);
        }
        if (!found)
            continue;

        const std::size_t hops = walk.path.size();
        std::vector<std::int32_t> ring;
        for (const std::uint32_t f : walk.path)
            ring.push_back(flows[f].from);
        const std::int32_t holder = accounts[std::size_t(first.from)].subject;
        if (m_skipSameHolder && holder >= 0
            && std::all_of(ring.begin(), ring.end(),
                [&](std::int32_t a) { return accounts[std::size_t(a)].subject == holder; }))
            continue;

        // The cycle's accounts rotated to start at the smallest database id, so the same ring
        // entered at another account gets the same key.
        const auto smallest
            = std::min_element(ring.begin(), ring.end(), [&](std::int32_t a, std::int32_t b) {
                  return accounts[std::size_t(a)].id < accounts[std::size_t(b)].id;
              });
        std::vector<std::int32_t> rotated(smallest, ring.end());
        rotated.insert(rotated.end(), ring.begin(), smallest);
        QStringList ids;
        QJsonArray idArray;
        for (const std::int32_t a : rotated) {
            ids << QString::number(accounts[std::size_t(a)].id);
            idArray.append(qint64(accounts[std::size_t(a)].id));
        }
        const QString key = QStringLiteral("%1|%2").arg(ids.join(u'>'), day(t0.bookedAt));
        if (keys.contains(key))
            continue;
        keys.insert(key);

        AlertDraft draft;
        draft.ruleId = id();
        draft.key = key;
        double maxDeviation = 0;
        QStringList route;
        std::set<std::int32_t> subjects;
        for (std::size_t i = 0; i < hops; ++i) {
            const std::uint32_t f = walk.path[i];
            used[f] = true;
            const Transaction &t = rows[flows[f].tx];
            maxDeviation = std::max(maxDeviation,
                std::abs(double(t.amountMinor - t0.amountMinor)) / double(t0.amountMinor));
            draft.evidence.push_back(
                { flows[f].tx, QStringLiteral("hop %1 of %2").arg(i + 1).arg(hops) });
            route << context.describeAccount(flows[f].from);
            const std::int32_t subject = accounts[std::size_t(flows[f].from)].subject;
            if (subject >= 0)
                subjects.insert(subject);
        }
        route << context.describeAccount(first.from);
        draft.accounts.assign(ring.begin(), ring.end());
        std::sort(draft.accounts.begin(), draft.accounts.end());
        draft.subjects.assign(subjects.begin(), subjects.end());
        const Transaction &last = rows[flows[walk.path.back()].tx];
        draft.windowStart = t0.bookedAt;
        draft.windowEnd = last.bookedAt;
        const std::int64_t span = last.bookedAt - t0.bookedAt;

        // Longer rings, closer amounts and a faster return all make layering more likely.
        const double closeness = m_tolerance > 0 ? 1.0 - maxDeviation / m_tolerance : 1.0;
        const double speed = m_window > 0 ? 1.0 - double(span) / double(m_window) : 1.0;
        draft.score = std::clamp(
            int(50 + 5 * int(hops - 2) + std::lround(20 * closeness) + std::lround(10 * speed)), 0,
            100);
        draft.title
            = QStringLiteral("%1 returned to %2 through %3 hops")
                  .arg(money(last.amountMinor, m_currency), context.describeAccount(first.from))
                  .arg(hops);
        draft.explanation
            = QStringLiteral(
                "%1 left %2 on %3 and %4 came back on %5, %6 later, through %7 transfers: %8. "
                "Every hop was within ±%9 of the first (largest difference %10) and later "
                "than the one before.")
                  .arg(money(t0.amountMinor, m_currency), context.describeAccount(first.from),
                      day(t0.bookedAt), money(last.amountMinor, m_currency), day(last.bookedAt),
                      duration(span))
                  .arg(hops)
                  .arg(route.join(QStringLiteral(" → ")), percent(m_tolerance),
                      percent(maxDeviation));
        draft.metrics = QJsonObject { { QStringLiteral("hops"), qint64(hops) },
            { QStringLiteral("first_amount_minor"), qint64(t0.amountMinor) },
            { QStringLiteral("returned_amount_minor"), qint64(last.amountMinor) },
            { QStringLiteral("max_deviation"), maxDeviation },
            { QStringLiteral("span_seconds"), qint64(span) },
            { QStringLiteral("account_ids"), idArray },
            { QStringLiteral("currency"), m_currency } };
        sink.add(std::move(draft));
    }
}

} // namespace fundtrace::detect
