#include "detect/rules/DormantReactivationRule.h"

#include "detect/RuleText.h"

#include <algorithm>
#include <cmath>

namespace fundtrace::detect {
namespace {

constexpr std::int64_t Day = 86'400;

} // namespace

void DormantReactivationRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_idle = std::int64_t(settings.integer(QStringLiteral("idle_days"), 180, 1, 36'500)) * Day;
    m_after = std::int64_t(settings.integer(QStringLiteral("after_days"), 30, 1, 3'650)) * Day;
    m_minTotal = settings.amountMinor(QStringLiteral("min_total"), 7'000'000);
    m_minCount = settings.integer(QStringLiteral("min_count"), 10, 1, 1'000'000);
    m_maxEvidence = settings.integer(QStringLiteral("max_evidence"), 200, 1, 100'000);
    m_requireStatement = settings.boolean(QStringLiteral("require_statement"), true);
}

void DormantReactivationRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    const std::vector<Transaction> &rows = context.transactions();
    const std::vector<Flow> &flows = context.flows();
    std::vector<std::uint32_t> activity;

    for (std::int32_t account = 0; account < std::int32_t(context.accounts().size()); ++account) {
        if (m_requireStatement && !context.accounts()[std::size_t(account)].hasStatement)
            continue;
        // Everything the account took part in; row numbers are in time order.
        activity.clear();
        const std::span<const std::uint32_t> own = context.rowsOf(account);
        activity.insert(activity.end(), own.begin(), own.end());
        for (const std::uint32_t f : context.flowsIn(account))
            activity.push_back(flows[f].tx);
        for (const std::uint32_t f : context.flowsOut(account))
            activity.push_back(flows[f].tx);
        std::sort(activity.begin(), activity.end());
        activity.erase(std::unique(activity.begin(), activity.end()), activity.end());

        for (std::size_t i = 1; i < activity.size(); ++i) {
            const Transaction &before = rows[activity[i - 1]];
            const Transaction &wake = rows[activity[i]];
            const std::int64_t idle = wake.bookedAt - before.bookedAt;
            if (idle < m_idle)
                continue;
            std::size_t end = i;
            std::int64_t moved = 0;
            while (
                end < activity.size() && rows[activity[end]].bookedAt - wake.bookedAt <= m_after) {
                if (rows[activity[end]].currency == currency)
                    moved += rows[activity[end]].amountMinor;
                ++end;
            }
            const std::size_t count = end - i;
            const bool large = currency >= 0 && moved >= m_minTotal && m_minTotal > 0;
            if (!large && count < std::size_t(m_minCount))
                continue;

            AlertDraft draft;
            draft.ruleId = id();
            draft.accounts.push_back(account);
            const std::int32_t subject = context.accounts()[std::size_t(account)].subject;
            if (subject >= 0)
                draft.subjects.push_back(subject);
            draft.evidence.push_back({ activity[i - 1], QStringLiteral("last activity before") });
            for (std::size_t k = i; k < end && k - i < std::size_t(m_maxEvidence); ++k)
                draft.evidence.push_back({ activity[k],
                    k == i ? QStringLiteral("reactivation")
                           : QStringLiteral("after reactivation") });
            const std::int64_t last = rows[activity[end - 1]].bookedAt;
            draft.windowStart = wake.bookedAt;
            draft.windowEnd = last;
            draft.key = QStringLiteral("a:%1|%2")
                            .arg(context.accounts()[std::size_t(account)].id)
                            .arg(day(wake.bookedAt));
            // Longer sleep and a bigger or busier wake-up both strengthen the signal.
            const double sleep
                = std::min(1.0, double(idle - m_idle) / double(std::max<std::int64_t>(m_idle, 1)));
            const double size = m_minTotal > 0
                ? std::min(1.0, std::log2(1.0 + double(moved) / double(m_minTotal)) / 3.0)
                : 0.0;
            const double busy = std::min(1.0, double(count) / double(2 * m_minCount));
            draft.score
                = std::clamp(int(45 + std::lround(20 * sleep + 20 * size + 15 * busy)), 0, 100);
            const QString who = context.describeAccount(account);
            draft.title = QStringLiteral("%1 woke after %2 idle: %3 transaction(s), %4")
                              .arg(who, duration(idle))
                              .arg(count)
                              .arg(money(moved, m_currency));
            draft.explanation
                = QStringLiteral(
                    "%1 had no activity from %2 to %3 (%4; the rule looks for %5 or more). "
                    "In the %6 from %7 it made %8 transaction(s) moving %9 (thresholds: %10 "
                    "or %11 transactions).")
                      .arg(who, day(before.bookedAt), day(wake.bookedAt), duration(idle),
                          duration(m_idle), duration(m_after), day(wake.bookedAt))
                      .arg(count)
                      .arg(money(moved, m_currency), money(m_minTotal, m_currency))
                      .arg(m_minCount);
            draft.metrics = QJsonObject { { QStringLiteral("idle_seconds"), qint64(idle) },
                { QStringLiteral("idle_days"), double(idle) / double(Day) },
                { QStringLiteral("transactions_after"), qint64(count) },
                { QStringLiteral("moved_minor"), qint64(moved) },
                { QStringLiteral("last_before"), day(before.bookedAt) },
                { QStringLiteral("reactivated"), day(wake.bookedAt) },
                { QStringLiteral("currency"), m_currency } };
            sink.add(std::move(draft));
            i = end - 1; // alerts do not share rows
        }
    }
}

} // namespace fundtrace::detect
