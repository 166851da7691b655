#include "detect/rules/FanOutRule.h"

#include "detect/RuleText.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace fundtrace::detect {
namespace {

struct Payment {
    std::uint32_t row = 0;
    std::int64_t recipient = 0; // the account when known, else -(name + 1)
};

// An account's payments to identifiable recipients in time order: from its own statement when the
// case has it, else from the statements naming it. Cash and transfers to the payer's own accounts
// are left out.
void collectPayments(
    const DetectionContext &context, std::int32_t account, int currency, std::vector<Payment> &out)
{
    out.clear();
    const std::vector<Transaction> &rows = context.transactions();
    const std::int32_t subject = context.accounts()[std::size_t(account)].subject;
    const auto own = [&](std::int32_t other) {
        return other >= 0 && subject >= 0
            && context.accounts()[std::size_t(other)].subject == subject;
    };
    if (context.accounts()[std::size_t(account)].hasStatement) {
        for (const std::uint32_t row : context.rowsOf(account)) {
            const Transaction &t = rows[row];
            if (t.credit || t.currency != currency || t.channel == Channel::Cash
                || t.amountMinor <= 0 || own(t.counterparty))
                continue;
            if (t.counterparty >= 0)
                out.push_back({ row, t.counterparty });
            else if (t.counterpartyName >= 0)
                out.push_back({ row, -(std::int64_t(t.counterpartyName) + 1) });
        }
    } else {
        for (const std::uint32_t flow : context.flowsOut(account)) {
            const Flow &f = context.flows()[flow];
            const Transaction &t = rows[f.tx];
            if (t.currency == currency && t.amountMinor > 0 && !own(f.to))
                out.push_back({ f.tx, f.to });
        }
    }
}

} // namespace

void FanOutRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_minRecipients = settings.integer(QStringLiteral("min_recipients"), 10, 2, 100000);
    m_minTotal = settings.amountMinor(QStringLiteral("min_total"), 1'000'000);
    m_window = settings.seconds(QStringLiteral("window_hours"), 7 * 24);
    m_homeCountries = settings.strings(QStringLiteral("home_countries"), { QStringLiteral("KZ") });
    // Utilities, shops and employers receive from and pay thousands of people every month; the
    // typology is about non-profits, personal accounts, wallets and agents.
    m_skipKinds = settings.strings(QStringLiteral("skip_kinds"), { QStringLiteral("organisation"), QStringLiteral("institution") });
}

void FanOutRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0)
        return;
    const std::vector<Transaction> &rows = context.transactions();
    std::vector<std::int8_t> abroadCache(std::numeric_limits<std::uint16_t>::max() + 1, -1);
    const auto abroad = [&](const Transaction &t) {
        std::int8_t &cached = abroadCache[t.country];
        if (cached < 0)
            cached = t.country != 0
                && !m_homeCountries.contains(context.countryCode(t.country), Qt::CaseInsensitive);
        return cached == 1;
    };

    std::vector<Payment> payments;
    std::unordered_map<std::int64_t, int> recipients;
    std::vector<std::int64_t> amounts;
    for (std::int32_t account = 0; account < std::int32_t(context.accounts().size()); ++account) {
        const std::int32_t holder = context.accounts()[std::size_t(account)].subject;
        if (holder >= 0 && m_skipKinds.contains(context.subjects()[std::size_t(holder)].kind))
            continue;
        collectPayments(context, account, currency, payments);
        if (payments.size() < std::size_t(m_minRecipients))
            continue;
        const auto at = [&](std::size_t i) { return rows[payments[i].row].bookedAt; };
        const auto amount = [&](std::size_t i) { return rows[payments[i].row].amountMinor; };
        recipients.clear();
        int distinct = 0;
        std::int64_t sum = 0;
        std::size_t start = 0, end = 0;
        while (start < payments.size()) {
            while (end < payments.size() && at(end) - at(start) <= m_window) {
                if (recipients[payments[end].recipient]++ == 0)
                    ++distinct;
                sum += amount(end);
                ++end;
            }
            if (distinct < m_minRecipients || sum < m_minTotal) {
                if (--recipients[payments[start].recipient] == 0)
                    --distinct;
                sum -= amount(start);
                ++start;
                continue;
            }

            AlertDraft draft;
            draft.ruleId = id();
            amounts.clear();
            std::int64_t sentAbroad = 0;
            for (std::size_t i = start; i < end; ++i) {
                const Transaction &t = rows[payments[i].row];
                amounts.push_back(t.amountMinor);
                const bool foreign = abroad(t);
                if (foreign)
                    sentAbroad += t.amountMinor;
                draft.evidence.push_back({ payments[i].row,
                    foreign ? QStringLiteral("transfer abroad") : QStringLiteral("out") });
            }
            std::nth_element(amounts.begin(), amounts.begin() + std::ptrdiff_t(amounts.size() / 2),
                amounts.end());
            const std::int64_t median = amounts[amounts.size() / 2];
            const double abroadShare = double(sentAbroad) / double(sum);
            const std::int64_t first = at(start), last = at(end - 1);

            draft.accounts.push_back(account);
            const std::int32_t subject = context.accounts()[std::size_t(account)].subject;
            if (subject >= 0)
                draft.subjects.push_back(subject);
            const QString who = context.describeAccount(account);
            draft.key = QStringLiteral("a:%1|%2")
                            .arg(context.accounts()[std::size_t(account)].id)
                            .arg(day(first));
            draft.windowStart = first;
            draft.windowEnd = last;
            const double volume
                = m_minTotal > 0 ? std::log2(double(sum) / double(m_minTotal)) : 0.0;
            draft.score = std::min(100,
                40 + std::min(30, 3 * (distinct - m_minRecipients + 1))
                    + std::min(15, int(std::lround(7.5 * volume)))
                    + int(std::lround(15 * abroadShare)));
            draft.title
                = QStringLiteral("Fan-out: %1 paid %2 distinct recipients").arg(who).arg(distinct);
            QString explanation
                = QStringLiteral("%1 paid %2 distinct recipients %3 in %4 payments within %5 "
                                 "(median %6 each).")
                      .arg(who)
                      .arg(distinct)
                      .arg(money(sum, m_currency))
                      .arg(end - start)
                      .arg(duration(last - first), money(median, m_currency));
            if (sentAbroad > 0)
                explanation += QStringLiteral(" %1 of it went abroad.").arg(percent(abroadShare));
            draft.explanation = explanation;
            draft.metrics = QJsonObject { { QStringLiteral("distinct_recipients"), distinct },
                { QStringLiteral("payments"), qint64(end - start) },
                { QStringLiteral("total_minor"), qint64(sum) },
                { QStringLiteral("median_minor"), qint64(median) },
                { QStringLiteral("abroad_share"), abroadShare },
                { QStringLiteral("currency"), m_currency } };
            sink.add(std::move(draft));
            recipients.clear();
            distinct = 0;
            sum = 0;
            start = end; // the next alert starts after this episode
        }
    }
}

} // namespace fundtrace::detect
