#include "detect/rules/NpoMisuseRule.h"

#include "detect/AccountMoves.h"
#include "detect/RuleText.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fundtrace::detect {
namespace {

using Move = AccountMove;

// Running totals over a subject's moves, so any window is read in constant time.
struct Totals {
    std::int64_t inCount = 0, inAmount = 0;
    std::int64_t donations = 0, donated = 0;
    std::int64_t spent = 0, cash = 0, abroad = 0, toPersons = 0;
    std::int64_t cashSoon = 0;

    Totals operator-(const Totals &o) const
    {
        return { inCount - o.inCount, inAmount - o.inAmount, donations - o.donations,
            donated - o.donated, spent - o.spent, cash - o.cash, abroad - o.abroad,
            toPersons - o.toPersons, cashSoon - o.cashSoon };
    }
};

enum class Kind : std::uint8_t { Other, Donation, CashOut, Abroad, ToPerson };

} // namespace

void NpoMisuseRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_window = settings.seconds(QStringLiteral("window_hours"), 90 * 24);
    m_smallDonation = settings.amountMinor(QStringLiteral("small_donation"), 100'000);
    m_minDonations = settings.integer(QStringLiteral("min_donations"), 20, 1, 1'000'000);
    m_minDonationShare = settings.number(QStringLiteral("min_donation_share"), 0.6, 0.0, 1.0);
    m_minSpending = settings.amountMinor(QStringLiteral("min_spending"), 1'000'000);
    m_minRiskySpendShare
        = settings.number(QStringLiteral("min_risky_spending_share"), 0.6, 0.0, 1.0);
    m_cashAfter = settings.seconds(QStringLiteral("cash_after_hours"), 48);
    m_homeCountries = settings.strings(QStringLiteral("home_countries"), { QStringLiteral("KZ") });
}

void NpoMisuseRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0)
        return;
    const std::vector<Transaction> &rows = context.transactions();
    const std::vector<Subject> &subjects = context.subjects();

    // Kinds and countries resolved once per run rather than per row.
    std::vector<bool> individual(subjects.size());
    for (std::size_t s = 0; s < subjects.size(); ++s)
        individual[s] = subjects[s].kind == u"person" || subjects[s].kind == u"unknown"
            || subjects[s].kind.isEmpty();
    const auto personal = [&](std::int32_t account) { // unknown holders count as individuals
        if (account < 0)
            return true;
        const std::int32_t s = context.accounts()[std::size_t(account)].subject;
        return s < 0 || individual[std::size_t(s)];
    };
    const auto isPerson = [&](std::int32_t account) {
        const std::int32_t s = account < 0 ? -1 : context.accounts()[std::size_t(account)].subject;
        return s >= 0 && subjects[std::size_t(s)].kind == u"person";
    };
    std::vector<std::int8_t> abroadCache(std::numeric_limits<std::uint16_t>::max() + 1, -1);
    const auto abroad = [&](const Transaction &t) {
        std::int8_t &cached = abroadCache[t.country];
        if (cached < 0)
            cached = t.country != 0
                && !m_homeCountries.contains(context.countryCode(t.country), Qt::CaseInsensitive);
        return cached == 1;
    };

    std::vector<Move> moves;
    std::vector<Kind> kinds;
    std::vector<Totals> prefix;
    for (std::int32_t subject = 0; subject < std::int32_t(subjects.size()); ++subject) {
        if (subjects[std::size_t(subject)].kind != u"npo")
            continue;
        collectAccountMoves(context, subjects[std::size_t(subject)].accounts, subject, currency, moves);
        kinds.assign(moves.size(), Kind::Other);
        prefix.assign(moves.size() + 1, Totals());
        std::int64_t lastDonation = std::numeric_limits<std::int64_t>::min() / 2;
        for (std::size_t i = 0; i < moves.size(); ++i) {
            const Transaction &t = rows[moves[i].row];
            Totals next = prefix[i];
            if (moves[i].in) {
                ++next.inCount;
                next.inAmount += t.amountMinor;
                if (t.amountMinor <= m_smallDonation && personal(moves[i].other)) {
                    ++next.donations;
                    next.donated += t.amountMinor;
                    kinds[i] = Kind::Donation;
                    lastDonation = t.bookedAt;
                }
            } else {
                next.spent += t.amountMinor;
                if (t.channel == Channel::Cash) {
                    next.cash += t.amountMinor;
                    kinds[i] = Kind::CashOut;
                    if (t.bookedAt - lastDonation <= m_cashAfter)
                        next.cashSoon += t.amountMinor;
                } else if (abroad(t)) {
                    next.abroad += t.amountMinor;
                    kinds[i] = Kind::Abroad;
                } else if (isPerson(moves[i].other)) {
                    next.toPersons += t.amountMinor;
                    kinds[i] = Kind::ToPerson;
                }
            }
            prefix[i + 1] = next;
        }
        if (prefix.back().donations < m_minDonations)
            continue;

        const auto at = [&](std::size_t i) { return rows[moves[i].row].bookedAt; };
        std::size_t start = 0;
        while (start < moves.size()) {
            if (kinds[start] != Kind::Donation) {
                ++start;
                continue;
            }
            std::size_t end = start;
            const std::int64_t limit = at(start) + m_window;
            end = std::size_t(
                std::upper_bound(moves.begin() + std::ptrdiff_t(start), moves.end(), limit,
                    [&](std::int64_t t, const Move &m) { return t < rows[m.row].bookedAt; })
                - moves.begin());
            const Totals w = prefix[end] - prefix[start];
            const std::int64_t risky = w.cash + w.abroad + w.toPersons;
            // "Mostly small individual donations" by number of payments or by amount: a fund
            // fed by hundreds of small donors stays one even when a few companies also pay in.
            const double donationShare = std::max(
                w.inAmount > 0 ? double(w.donated) / double(w.inAmount) : 0.0,
                w.inCount > 0 ? double(w.donations) / double(w.inCount) : 0.0);
            const double riskyShare = w.spent > 0 ? double(risky) / double(w.spent) : 0.0;
            if (w.donations < m_minDonations || donationShare < m_minDonationShare
                || w.spent < m_minSpending || w.spent == 0 || riskyShare < m_minRiskySpendShare) {
                ++start;
                continue;
            }

            AlertDraft draft;
            draft.ruleId = id();
            std::vector<std::int32_t> accounts;
            for (std::size_t i = start; i < end; ++i) {
                static const QString roles[]
                    = { QString(), QStringLiteral("donation"), QStringLiteral("cash out"),
                          QStringLiteral("transfer abroad"), QStringLiteral("out") };
                if (kinds[i] == Kind::Other)
                    continue;
                draft.evidence.push_back({ moves[i].row, roles[int(kinds[i])] });
                const Transaction &t = rows[moves[i].row];
                // The subject's side: the statement owner, or the counterparty on a statement
                // naming it.
                const bool owner = t.account >= 0
                    && context.accounts()[std::size_t(t.account)].subject == subject;
                accounts.push_back(owner ? t.account : t.counterparty);
            }
            std::sort(accounts.begin(), accounts.end());
            accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
            draft.accounts = accounts;
            draft.subjects.push_back(subject);
            const std::int64_t first = at(start), last = at(end - 1);
            const QString who = context.describeSubject(subject);
            const auto ofSpent
                = [&](std::int64_t part) { return percent(double(part) / double(w.spent)); };
            const double countShare = double(w.donations) / double(w.inCount);
            const double cashSoonShare
                = w.donated > 0 ? std::min(1.0, double(w.cashSoon) / double(w.donated)) : 0.0;
            const auto strength = [](double value, double floor) {
                return floor < 1.0 ? std::clamp((value - floor) / (1.0 - floor), 0.0, 1.0) : 1.0;
            };
            draft.key
                = QStringLiteral("s:%1|%2").arg(subjects[std::size_t(subject)].id).arg(day(first));
            draft.windowStart = first;
            draft.windowEnd = last;
            draft.score = std::min(100,
                40 + int(std::lround(20 * strength(donationShare, m_minDonationShare)))
                    + int(std::lround(25 * strength(riskyShare, m_minRiskySpendShare)))
                    + int(std::lround(15 * cashSoonShare)));
            draft.title = QStringLiteral(
                "Non-profit misuse: %1 spends donations in cash, abroad or on individuals")
                              .arg(who);
            QString explanation
                = QStringLiteral("Within %1, the non-profit %2 received %3 of its income (%4 of %5 "
                                 "payments, %6 of %7) as "
                                 "small donations of up to %8 from individuals or unknown senders, "
                                 "and spent %9 of %10 ")
                      .arg(duration(last - first), who, percent(donationShare))
                      .arg(w.donations)
                      .arg(w.inCount)
                      .arg(money(w.donated, m_currency), money(w.inAmount, m_currency),
                          money(m_smallDonation, m_currency), percent(riskyShare),
                          money(w.spent, m_currency));
            explanation += QStringLiteral(
                "in cash (%1), abroad (%2) or to individuals (%3) rather than organisations.")
                               .arg(ofSpent(w.cash), ofSpent(w.abroad), ofSpent(w.toPersons));
            if (w.cashSoon > 0) {
                explanation += QStringLiteral(
                    " %1 of the donated amount was withdrawn in cash within %2 of a donation.")
                                   .arg(percent(cashSoonShare), duration(m_cashAfter));
            }
            draft.explanation = explanation;
            draft.metrics = QJsonObject { { QStringLiteral("donations"), qint64(w.donations) },
                { QStringLiteral("income_payments"), qint64(w.inCount) },
                { QStringLiteral("donation_count_share"), countShare },
                { QStringLiteral("donation_amount_share"), donationShare },
                { QStringLiteral("income_minor"), qint64(w.inAmount) },
                { QStringLiteral("donated_minor"), qint64(w.donated) },
                { QStringLiteral("spent_minor"), qint64(w.spent) },
                { QStringLiteral("risky_spending_share"), riskyShare },
                { QStringLiteral("cash_share"), double(w.cash) / double(w.spent) },
                { QStringLiteral("abroad_share"), double(w.abroad) / double(w.spent) },
                { QStringLiteral("to_persons_share"), double(w.toPersons) / double(w.spent) },
                { QStringLiteral("cash_soon_after_donation_share"), cashSoonShare },
                { QStringLiteral("currency"), m_currency } };
            sink.add(std::move(draft));
            start = end; // the next alert starts after this window
        }
    }
}

} // namespace fundtrace::detect
