#include "detect/rules/VelocityAnomalyRule.h"

#include "detect/RuleText.h"

#include <algorithm>
#include <cmath>

namespace fundtrace::detect {

namespace {

// Periods start on Mondays 00:00 UTC (1970-01-05 was one), so weeks read as calendar weeks.
constexpr std::int64_t kFirstMonday = 4 * 86400;

struct Period {
    std::int64_t index = 0;
    std::int64_t amount = 0;
    int count = 0;
    int round = 0;
    std::size_t first = 0, last = 0; // range in the account's row list
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

QString ratio(double value)
{
    return QString::number(value, 'f', 1) + QLatin1Char('x');
}

} // namespace

// Defaults: a week against the median of up to 26 preceding active weeks, at least 8 of them;
// 5x either the count or the turnover, and at least 1 000 000 KZT (and 10 rows for a count
// burst) so small accounts going from 2 to 10 coffee payments stay quiet; and 1.5x the busiest
// period of the baseline, so a payday week (a monthly salary of 1 000 000 KZT or more against weeks
// of card payments) that recurs every month is not a burst. Round amounts are
// multiples of 10 000 KZT (which includes 100 000): flagged from 5 such rows making 60% of the
// week when the account's own share was at least 40 points lower.
void VelocityAnomalyRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_period = std::int64_t(settings.integer(QStringLiteral("period_days"), 7, 1, 92)) * 86400;
    m_factor = settings.number(QStringLiteral("factor"), 5.0, 1.5, 1000);
    m_peakFactor = settings.number(QStringLiteral("peak_factor"), 1.5, 1.0, 1000);
    m_minHistory = settings.integer(QStringLiteral("min_history_periods"), 8, 2, 1000);
    m_historyPeriods = settings.integer(QStringLiteral("history_periods"), 26, 2, 1000);
    if (m_historyPeriods < m_minHistory)
        throw RuleConfigError(QStringLiteral("rule \"%1\", setting \"history_periods\": must be at least min_history_periods (%2)").arg(id()).arg(m_minHistory));
    m_minAmount = settings.amountMinor(QStringLiteral("min_amount"), 1'000'000);
    m_minCount = settings.integer(QStringLiteral("min_count"), 10, 1, 1000000);
    m_minAmountBurstCount = settings.integer(QStringLiteral("min_amount_burst_count"), 3, 1, 1000000);
    m_roundUnit = settings.amountMinor(QStringLiteral("round_unit"), 10'000);
    m_roundMinCount = settings.integer(QStringLiteral("round_min_count"), 5, 1, 1000000);
    m_roundMinShare = settings.number(QStringLiteral("round_min_share"), 0.6, 0, 1);
    m_roundShareRise = settings.number(QStringLiteral("round_share_rise"), 0.4, 0, 1);
    m_maxEvidence = settings.integer(QStringLiteral("max_evidence"), 100, 1, 100000);
}

void VelocityAnomalyRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0)
        return;
    for (std::int32_t account = 0; account < std::int32_t(context.accounts().size()); ++account)
        runAccount(context, account, currency, sink);
}

void VelocityAnomalyRule::runAccount(const DetectionContext &context, std::int32_t account, int currency, AlertSink &sink) const
{
    const std::vector<Transaction> &rows = context.transactions();
    std::vector<std::uint32_t> own;
    for (std::uint32_t row : context.rowsOf(account)) {
        if (rows[row].currency == currency)
            own.push_back(row);
    }
    if (own.size() < std::size_t(m_minHistory) + 1)
        return;
    const auto isRound = [&](const Transaction &t) { return m_roundUnit > 0 && t.amountMinor > 0 && t.amountMinor % m_roundUnit == 0; };

    std::vector<Period> periods;
    for (std::size_t i = 0; i < own.size(); ++i) {
        const Transaction &t = rows[own[i]];
        const std::int64_t shifted = t.bookedAt - kFirstMonday;
        const std::int64_t index = shifted >= 0 ? shifted / m_period : (shifted - m_period + 1) / m_period;
        if (periods.empty() || periods.back().index != index)
            periods.push_back({ index, 0, 0, 0, i, i });
        Period &p = periods.back();
        p.amount += std::abs(t.amountMinor);
        ++p.count;
        p.round += isRound(t) ? 1 : 0;
        p.last = i;
    }

    for (std::size_t k = std::size_t(m_minHistory); k < periods.size(); ++k) {
        const Period &p = periods[k];
        if (p.amount < m_minAmount)
            continue;
        const std::size_t from = k > std::size_t(m_historyPeriods) ? k - std::size_t(m_historyPeriods) : 0;
        std::vector<double> counts, amounts;
        int baseRows = 0, baseRound = 0, peakCount = 0;
        std::int64_t peakAmount = 0;
        for (std::size_t h = from; h < k; ++h) {
            counts.push_back(periods[h].count);
            amounts.push_back(double(periods[h].amount));
            baseRows += periods[h].count;
            baseRound += periods[h].round;
            peakCount = std::max(peakCount, periods[h].count);
            peakAmount = std::max(peakAmount, periods[h].amount);
        }
        const double medianCount = median(counts);
        const double medianAmount = median(amounts);
        const double countRatio = double(p.count) / medianCount;
        const double amountRatio = medianAmount > 0 ? double(p.amount) / medianAmount : 0;
        const bool countBurst = p.count >= m_minCount && countRatio >= m_factor && p.count >= m_peakFactor * peakCount;
        // One large transfer is not velocity: a turnover spike needs several rows too.
        const bool amountBurst = amountRatio >= m_factor && p.count >= m_minAmountBurstCount
            && double(p.amount) >= m_peakFactor * double(peakAmount);
        const double share = double(p.round) / double(p.count);
        const double baseShare = baseRows > 0 ? double(baseRound) / double(baseRows) : 0;
        const bool roundBurst = p.round >= m_roundMinCount && share >= m_roundMinShare && share - baseShare >= m_roundShareRise;
        if (!countBurst && !amountBurst && !roundBurst)
            continue;

        const std::int64_t start = kFirstMonday + p.index * m_period;
        const QString who = context.describeAccount(account);
        const int history = int(k - from);
        AlertDraft draft;
        draft.ruleId = id();
        draft.key = QStringLiteral("a:%1|%2").arg(context.accounts()[std::size_t(account)].id).arg(day(start));
        draft.windowStart = start;
        draft.windowEnd = start + m_period - 1;
        draft.accounts = { account };
        if (const std::int32_t holder = context.accounts()[std::size_t(account)].subject; holder >= 0)
            draft.subjects = { holder };

        int score = 0;
        QStringList findings;
        if (countBurst || amountBurst) {
            const double r = std::max(countBurst ? countRatio : 0.0, amountBurst ? amountRatio : 0.0);
            score = std::min(85, 50 + int(std::lround(10.0 * std::log2(r / m_factor))));
            findings << QStringLiteral("%1 transactions for %2, against a median of %3 transactions for %4 over its previous %5 "
                                       "active periods (%6 the count, %7 the turnover; the rule flags %8) and at most %9 "
                                       "transactions or %10 in any of them")
                                .arg(p.count)
                                .arg(money(p.amount, m_currency))
                                .arg(medianCount)
                                .arg(money(std::llround(medianAmount), m_currency))
                                .arg(history)
                                .arg(ratio(countRatio), ratio(amountRatio), ratio(m_factor))
                                .arg(peakCount)
                                .arg(money(peakAmount, m_currency));
        }
        if (roundBurst) {
            const int roundScore = std::min(80, 45 + int(std::lround(40.0 * (share - baseShare))));
            score = score > 0 ? std::min(95, std::max(score, roundScore) + 10) : roundScore;
            findings << QStringLiteral("%1 of %2 amounts (%3) were round multiples of %4, against %5 of its rows before")
                                .arg(p.round)
                                .arg(p.count)
                                .arg(percent(share), money(m_roundUnit, m_currency), percent(baseShare));
        }

        std::vector<std::uint32_t> cited(own.begin() + std::ptrdiff_t(p.first), own.begin() + std::ptrdiff_t(p.last) + 1);
        if (cited.size() > std::size_t(m_maxEvidence)) {
            std::partial_sort(cited.begin(), cited.begin() + m_maxEvidence, cited.end(), [&](std::uint32_t a, std::uint32_t b) {
                return rows[a].amountMinor != rows[b].amountMinor ? rows[a].amountMinor > rows[b].amountMinor : a < b;
            });
            cited.resize(std::size_t(m_maxEvidence));
            std::sort(cited.begin(), cited.end());
        }
        for (std::uint32_t row : cited) {
            const Transaction &t = rows[row];
            QString role = t.credit ? QStringLiteral("in") : QStringLiteral("out");
            if (roundBurst && isRound(t))
                role += QStringLiteral(", round amount");
            draft.evidence.push_back({ row, role });
        }
        draft.score = score;
        draft.title = QStringLiteral("%1 in the %2 days from %3: %4").arg(who).arg(m_period / 86400).arg(day(start), countBurst || amountBurst ? (roundBurst ? QStringLiteral("burst of round amounts") : QStringLiteral("activity burst")) : QStringLiteral("round amounts"));
        draft.explanation = QStringLiteral("In the %1 days from %2, %3 had %4.").arg(m_period / 86400).arg(day(start), who, findings.join(QStringLiteral("; ")));
        draft.metrics = QJsonObject { { QStringLiteral("count"), p.count },
                                      { QStringLiteral("amount_minor"), qint64(p.amount) },
                                      { QStringLiteral("median_count"), medianCount },
                                      { QStringLiteral("median_amount_minor"), medianAmount },
                                      { QStringLiteral("count_ratio"), countRatio },
                                      { QStringLiteral("amount_ratio"), amountRatio },
                                      { QStringLiteral("history_periods"), history },
                                      { QStringLiteral("peak_count"), peakCount },
                                      { QStringLiteral("peak_amount_minor"), qint64(peakAmount) },
                                      { QStringLiteral("round_count"), p.round },
                                      { QStringLiteral("round_share"), share },
                                      { QStringLiteral("baseline_round_share"), baseShare },
                                      { QStringLiteral("currency"), m_currency } };
        sink.add(std::move(draft));
    }
}

} // namespace fundtrace::detect
