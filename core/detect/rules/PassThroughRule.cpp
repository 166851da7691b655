#include "detect/rules/PassThroughRule.h"

#include "detect/RuleText.h"

#include <algorithm>
#include <cmath>

namespace fundtrace::detect {
namespace {

// An inflow as a lot that outflows use up, oldest first.
struct Lot {
    std::uint32_t row = 0;
    std::int64_t at = 0;
    std::int64_t amount = 0;
    std::int64_t remaining = 0;
    std::int64_t outInTime = 0; // how much of it left within the delay
    std::int64_t movedAt = -1; // when the required share had left, -1 = never in time
    int episode = -1;
};

// An outflow and the lots it used up (first..last, contiguous because first in, first out).
struct Out {
    std::uint32_t row = 0;
    std::size_t first = 0, last = 0;
};

} // namespace

void PassThroughRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_minInflow = settings.amountMinor(QStringLiteral("min_inflow"), 100'000);
    m_outShare = settings.number(QStringLiteral("out_share"), 0.8, 0.1, 1.0);
    m_maxDelay = settings.seconds(QStringLiteral("max_delay_hours"), 48);
    m_minEpisodes = settings.integer(QStringLiteral("min_episodes"), 3, 1, 1000);
    m_window = settings.seconds(QStringLiteral("window_hours"), 30 * 24);
}

void PassThroughRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0)
        return;
    const std::vector<Transaction> &rows = context.transactions();
    std::vector<Lot> lots;
    std::vector<Out> outs;
    std::vector<std::size_t> moved; // lots that qualify, in time order
    std::vector<AlertDraft> drafts;
    std::vector<std::int64_t> delays;

    for (std::int32_t account = 0; account < std::int32_t(context.accounts().size()); ++account) {
        lots.clear();
        outs.clear();
        std::size_t head = 0;
        for (const std::uint32_t row : context.rowsOf(account)) {
            const Transaction &t = rows[row];
            if (t.currency != currency || t.amountMinor <= 0)
                continue;
            if (t.credit) {
                lots.push_back({ row, t.bookedAt, t.amountMinor, t.amountMinor, 0, -1, -1 });
                continue;
            }
            // What an inflow left behind longer than the delay is the account's kept balance, not
            // money on its way through: a mule keeping 5-15% of each inflow must not have those
            // leftovers used up before the next inflow.
            while (head < lots.size() && t.bookedAt - lots[head].at > m_maxDelay)
                ++head;
            std::int64_t left = t.amountMinor;
            const std::size_t first = head;
            std::size_t last = head;
            while (left > 0 && head < lots.size()) {
                Lot &lot = lots[head];
                const std::int64_t take = std::min(left, lot.remaining);
                lot.remaining -= take;
                left -= take;
                if (t.bookedAt - lot.at <= m_maxDelay) {
                    lot.outInTime += take;
                    if (lot.movedAt < 0 && double(lot.outInTime) >= m_outShare * double(lot.amount))
                        lot.movedAt = t.bookedAt;
                }
                last = head;
                if (lot.remaining == 0)
                    ++head;
            }
            if (first < lots.size()
                && left < t.amountMinor) // money already there before the statement is not matched
                outs.push_back({ row, first, last });
        }

        moved.clear();
        for (std::size_t i = 0; i < lots.size(); ++i) {
            if (lots[i].amount >= m_minInflow && lots[i].movedAt >= 0)
                moved.push_back(i);
        }
        if (moved.size() < std::size_t(m_minEpisodes))
            continue;

        // Episodes in non-overlapping windows, each starting at its first fast inflow.
        drafts.clear();
        std::size_t start = 0;
        while (start < moved.size()) {
            std::size_t end = start;
            while (end < moved.size() && lots[moved[end]].at - lots[moved[start]].at <= m_window)
                ++end;
            if (end - start < std::size_t(m_minEpisodes)) {
                ++start;
                continue;
            }
            AlertDraft draft;
            std::int64_t in = 0, outFast = 0;
            delays.clear();
            for (std::size_t i = start; i < end; ++i) {
                Lot &lot = lots[moved[i]];
                lot.episode = int(drafts.size());
                in += lot.amount;
                outFast += lot.outInTime;
                delays.push_back(lot.movedAt - lot.at);
                draft.evidence.push_back({ lot.row, QStringLiteral("in") });
            }
            std::nth_element(
                delays.begin(), delays.begin() + std::ptrdiff_t(delays.size() / 2), delays.end());
            const int episodes = int(end - start);
            const double share = double(outFast) / double(in);
            const std::int64_t firstAt = lots[moved[start]].at;
            const std::int64_t lastAt = lots[moved[end - 1]].at;
            const QString who = context.describeAccount(account);
            draft.ruleId = id();
            draft.key = QStringLiteral("a:%1|%2")
                            .arg(context.accounts()[std::size_t(account)].id)
                            .arg(day(firstAt));
            draft.windowStart = firstAt;
            draft.windowEnd = lastAt;
            draft.accounts.push_back(account);
            const std::int32_t subject = context.accounts()[std::size_t(account)].subject;
            if (subject >= 0)
                draft.subjects.push_back(subject);
            const double strength
                = m_outShare < 1.0 ? (share - m_outShare) / (1.0 - m_outShare) : 1.0;
            draft.score = std::min(100,
                45 + std::min(30, 10 * (episodes - m_minEpisodes + 1))
                    + int(std::lround(25 * std::clamp(strength, 0.0, 1.0))));
            draft.title = QStringLiteral("Pass-through: %1 fast in-and-out episodes on %2")
                              .arg(episodes)
                              .arg(who);
            draft.explanation = QStringLiteral(
                "%1 times within %2, money arriving in %3 left again quickly: %4 came in "
                "and %5 of it left within %6 (median %7 until %8 had gone), leaving "
                "little behind.")
                                    .arg(episodes)
                                    .arg(duration(lastAt - firstAt), who, money(in, m_currency),
                                        percent(share), duration(m_maxDelay),
                                        duration(delays[delays.size() / 2]), percent(m_outShare));
            draft.metrics = QJsonObject { { QStringLiteral("episodes"), episodes },
                { QStringLiteral("in_minor"), qint64(in) },
                { QStringLiteral("out_within_delay_minor"), qint64(outFast) },
                { QStringLiteral("out_share"), share },
                { QStringLiteral("median_delay_seconds"), qint64(delays[delays.size() / 2]) },
                { QStringLiteral("currency"), m_currency } };
            drafts.push_back(std::move(draft));
            start = end; // the next alert starts after this episode
        }

        // The outflows that carried each episode's money away.
        for (const Out &out : outs) {
            for (std::size_t lot = out.first; lot <= out.last; ++lot) {
                if (lots[lot].episode >= 0 && rows[out.row].bookedAt - lots[lot].at <= m_maxDelay) {
                    AlertDraft &draft = drafts[std::size_t(lots[lot].episode)];
                    draft.evidence.push_back({ out.row, QStringLiteral("out") });
                    draft.windowEnd = std::max(draft.windowEnd, rows[out.row].bookedAt);
                    break;
                }
            }
        }
        for (AlertDraft &draft : drafts) {
            std::stable_sort(draft.evidence.begin(), draft.evidence.end(),
                [](const Evidence &a, const Evidence &b) { return a.row < b.row; });
            sink.add(std::move(draft));
        }
    }
}

} // namespace fundtrace::detect
