#include "detect/rules/FanInRule.h"

#include "detect/AccountMoves.h"
#include "detect/RuleText.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace fundtrace::detect {
namespace {

constexpr std::int64_t NoSender = std::numeric_limits<std::int64_t>::min();

using Move = AccountMove;

// Who sent or received a move: the account when known, else the name as written.
std::int64_t partyOf(const Move &move)
{
    if (move.other >= 0)
        return move.other;
    return move.otherName >= 0 ? -(std::int64_t(move.otherName) + 1) : NoSender;
}

} // namespace

void FanInRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_minSenders = settings.integer(QStringLiteral("min_senders"), 15, 2, 100000);
    m_maxAmount = settings.amountMinor(QStringLiteral("max_amount"), 50'000);
    m_window = settings.seconds(QStringLiteral("window_hours"), 30 * 24);
    m_onward = settings.seconds(QStringLiteral("onward_hours"), 72);
    m_fewRecipients = settings.integer(QStringLiteral("few_recipients"), 3, 1, 1000);
    m_homeCountries = settings.strings(QStringLiteral("home_countries"), { QStringLiteral("KZ") });
    // Utilities, shops and employers receive from and pay thousands of people every month; the
    // typology is about non-profits, personal accounts, wallets and agents.
    m_skipKinds = settings.strings(QStringLiteral("skip_kinds"), { QStringLiteral("organisation"), QStringLiteral("institution") });
}

void FanInRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0 || m_maxAmount <= 0)
        return;
    const std::vector<Transaction> &rows = context.transactions();
    const auto at = [&](const Move &m) { return rows[m.row].bookedAt; };

    // Country indexes resolved once per run: -1 not yet looked at, 0 home or none, 1 abroad.
    std::vector<std::int8_t> abroadCache(std::numeric_limits<std::uint16_t>::max() + 1, -1);
    const auto abroad = [&](const Transaction &t) {
        std::int8_t &cached = abroadCache[t.country];
        if (cached < 0)
            cached = t.country != 0
                && !m_homeCountries.contains(context.countryCode(t.country), Qt::CaseInsensitive);
        return cached == 1;
    };

    std::vector<Move> moves;
    std::vector<std::uint32_t> payments; // indexes into moves
    std::unordered_map<std::int64_t, int> senders;
    std::vector<std::int64_t> amounts, recipients;

    const auto scan = [&](std::int32_t subject, const std::vector<std::int32_t> &accounts) {
        collectAccountMoves(context, accounts, subject, currency, moves);
        payments.clear();
        for (std::uint32_t i = 0; i < moves.size(); ++i) {
            const Transaction &t = rows[moves[i].row];
            if (moves[i].in && t.amountMinor > 0 && t.amountMinor <= m_maxAmount
                && partyOf(moves[i]) != NoSender)
                payments.push_back(i);
        }
        if (payments.size() < std::size_t(m_minSenders))
            return;

        senders.clear();
        int distinct = 0;
        std::size_t start = 0, end = 0;
        while (start < payments.size()) {
            const std::int64_t first = at(moves[payments[start]]);
            while (end < payments.size() && at(moves[payments[end]]) - first <= m_window) {
                if (senders[partyOf(moves[payments[end]])]++ == 0)
                    ++distinct;
                ++end;
            }
            if (distinct < m_minSenders) {
                if (--senders[partyOf(moves[payments[start]])] == 0)
                    --distinct;
                ++start;
                continue;
            }

            AlertDraft draft;
            draft.ruleId = id();
            const std::int64_t last = at(moves[payments[end - 1]]);
            std::int64_t paidIn = 0;
            amounts.clear();
            for (std::size_t i = start; i < end; ++i) {
                const std::uint32_t row = moves[payments[i]].row;
                paidIn += rows[row].amountMinor;
                amounts.push_back(rows[row].amountMinor);
                draft.evidence.push_back({ row, QStringLiteral("donation") });
            }
            std::nth_element(amounts.begin(), amounts.begin() + std::ptrdiff_t(amounts.size() / 2),
                amounts.end());
            const std::int64_t median = amounts[amounts.size() / 2];

            // Where the money went: outflows from the first payment until m_onward after the last.
            std::int64_t cash = 0, sentAbroad = 0, onward = 0, lastOut = last;
            recipients.clear();
            auto it = std::lower_bound(moves.begin(), moves.end(), first,
                [&](const Move &m, std::int64_t t) { return at(m) < t; });
            for (; it != moves.end() && at(*it) <= last + m_onward; ++it) {
                if (it->in)
                    continue;
                const Transaction &t = rows[it->row];
                QString role = QStringLiteral("out");
                if (t.channel == Channel::Cash) {
                    cash += t.amountMinor;
                    role = QStringLiteral("cash out");
                } else if (abroad(t)) {
                    sentAbroad += t.amountMinor;
                    role = QStringLiteral("transfer abroad");
                } else {
                    onward += t.amountMinor;
                    if (partyOf(*it) != NoSender)
                        recipients.push_back(partyOf(*it));
                }
                lastOut = std::max(lastOut, t.bookedAt);
                draft.evidence.push_back({ it->row, role });
            }
            std::sort(recipients.begin(), recipients.end());
            const auto recipientCount
                = std::unique(recipients.begin(), recipients.end()) - recipients.begin();
            const bool concentrated = onward > 0 && recipientCount <= m_fewRecipients;
            const auto share
                = [&](std::int64_t part) { return std::min(1.0, double(part) / double(paidIn)); };
            const double leaving = share(cash + sentAbroad + (concentrated ? onward : 0));

            const Transaction &firstRow = rows[moves[payments[start]].row];
            const std::int32_t receiverAccount
                = accounts.size() == 1 ? accounts.front() : firstRow.account;
            std::vector<std::int32_t> used;
            for (std::size_t i = start; i < end; ++i) {
                const Move &m = moves[payments[i]]; // a credit on the receiver's statement or a
                                                    // debit naming it
                used.push_back(rows[m.row].credit ? rows[m.row].account : rows[m.row].counterparty);
            }
            std::sort(used.begin(), used.end());
            used.erase(std::unique(used.begin(), used.end()), used.end());
            draft.accounts = used;
            if (subject >= 0)
                draft.subjects.push_back(subject);
            const QString who = subject >= 0 ? context.describeSubject(subject)
                                             : context.describeAccount(receiverAccount);
            const std::int64_t anchor = subject >= 0
                ? context.subjects()[std::size_t(subject)].id
                : context.accounts()[std::size_t(receiverAccount)].id;
            draft.key = QStringLiteral("%1:%2|%3")
                            .arg(QLatin1Char(subject >= 0 ? 's' : 'a'))
                            .arg(anchor)
                            .arg(day(first));
            draft.windowStart = first;
            draft.windowEnd = std::max(last, lastOut);
            draft.score = std::min(100,
                40 + std::min(20, 2 * (distinct - m_minSenders)) + int(std::lround(40 * leaving)));
            draft.title = QStringLiteral("Crowdfunding fan-in: %1 distinct senders into %2")
                              .arg(distinct)
                              .arg(who);
            QString explanation
                = QStringLiteral(
                    "%1 distinct senders paid %2 small amounts (up to %3 each, median %4, "
                    "%5 in total) into %6 within %7.")
                      .arg(distinct)
                      .arg(end - start)
                      .arg(money(m_maxAmount, m_currency), money(median, m_currency),
                          money(paidIn, m_currency), who, duration(last - first));
            if (cash + sentAbroad > 0) {
                explanation += QStringLiteral(
                    " %1 withdrawn in cash and %2 sent abroad within %3 of the last payment.")
                                   .arg(percent(share(cash)), percent(share(sentAbroad)),
                                       duration(lastOut - last));
            }
            if (concentrated) {
                explanation += QStringLiteral(" %1 paid on to only %2 recipient(s).")
                                   .arg(percent(share(onward)))
                                   .arg(recipientCount);
            }
            draft.explanation = explanation;
            draft.metrics = QJsonObject { { QStringLiteral("distinct_senders"), distinct },
                { QStringLiteral("payments"), qint64(end - start) },
                { QStringLiteral("total_minor"), qint64(paidIn) },
                { QStringLiteral("median_minor"), qint64(median) },
                { QStringLiteral("cash_share"), share(cash) },
                { QStringLiteral("abroad_share"), share(sentAbroad) },
                { QStringLiteral("onward_share"), share(onward) },
                { QStringLiteral("onward_recipients"), qint64(recipientCount) },
                { QStringLiteral("leaving_share"), leaving },
                { QStringLiteral("currency"), m_currency } };
            sink.add(std::move(draft));
            senders.clear();
            distinct = 0;
            start = end; // the next alert starts after this episode
        }
    };

    for (std::size_t s = 0; s < context.subjects().size(); ++s) {
        if (!context.subjects()[s].accounts.empty() && !m_skipKinds.contains(context.subjects()[s].kind))
            scan(std::int32_t(s), context.subjects()[s].accounts);
    }
    std::vector<std::int32_t> single(1);
    for (std::size_t a = 0; a < context.accounts().size(); ++a) {
        if (context.accounts()[a].subject < 0) {
            single[0] = std::int32_t(a);
            scan(-1, single);
        }
    }
}

} // namespace fundtrace::detect
