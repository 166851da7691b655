#include "detect/rules/StructuringRule.h"

#include "detect/RuleText.h"

#include <QJsonArray>
#include <algorithm>
#include <map>
#include <set>

namespace fundtrace::detect {

void StructuringRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_threshold = settings.amountMinor(QStringLiteral("threshold"), 7'000'000);
    m_lowerFraction = settings.number(QStringLiteral("just_under_fraction"), 0.8, 0.1, 0.999);
    m_window = settings.seconds(QStringLiteral("window_hours"), 7 * 24);
    m_minCount = settings.integer(QStringLiteral("min_count"), 3, 2, 1000);
    m_channels = settings.strings(QStringLiteral("channels"), { QStringLiteral("cash") });
}

void StructuringRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0 || m_threshold <= 0)
        return;
    const std::int64_t floor = std::int64_t(double(m_threshold) * m_lowerFraction);
    const auto counts = [&](const Transaction &t) {
        return t.credit && t.currency == currency && t.amountMinor >= floor && t.amountMinor < m_threshold
                && m_channels.contains(QLatin1String(channelName(t.channel)));
    };

    // Deposits grouped by who received them: the subject when known, else the account alone.
    std::map<std::int64_t, std::vector<std::uint32_t>> byReceiver; // key: subject index or -(account + 1)
    const std::vector<Transaction> &rows = context.transactions();
    for (std::uint32_t row = 0; row < rows.size(); ++row) {
        const Transaction &t = rows[row];
        if (t.account < 0 || !counts(t))
            continue;
        const std::int32_t subject = context.accounts()[std::size_t(t.account)].subject;
        byReceiver[subject >= 0 ? subject : -(std::int64_t(t.account) + 1)].push_back(row);
    }

    for (const auto &[receiver, deposits] : byReceiver) {
        std::size_t start = 0;
        while (start < deposits.size()) {
            // The longest run of deposits starting here that fits in the window.
            std::size_t end = start;
            std::int64_t sum = 0;
            while (end < deposits.size() && rows[deposits[end]].bookedAt - rows[deposits[start]].bookedAt <= m_window) {
                sum += rows[deposits[end]].amountMinor;
                ++end;
            }
            const std::size_t count = end - start;
            if (count < std::size_t(m_minCount) || sum < m_threshold) {
                ++start;
                continue;
            }
            AlertDraft draft;
            draft.ruleId = id();
            const Transaction &first = rows[deposits[start]];
            const Transaction &last = rows[deposits[end - 1]];
            double meanFraction = 0;
            std::set<std::int32_t> accounts;
            for (std::size_t i = start; i < end; ++i) {
                const Transaction &t = rows[deposits[i]];
                draft.evidence.push_back({ deposits[i], QStringLiteral("deposit") });
                meanFraction += double(t.amountMinor) / double(m_threshold);
                accounts.insert(t.account);
            }
            meanFraction /= double(count);
            draft.accounts.assign(accounts.begin(), accounts.end());
            const std::int32_t subject = context.accounts()[std::size_t(first.account)].subject;
            if (subject >= 0)
                draft.subjects.push_back(subject);
            const QString who = subject >= 0 ? context.describeSubject(subject) : context.describeAccount(first.account);
            const std::int64_t anchor = subject >= 0 ? context.subjects()[std::size_t(subject)].id
                                                     : context.accounts()[std::size_t(first.account)].id;
            draft.key = QStringLiteral("%1:%2|%3").arg(QLatin1Char(subject >= 0 ? 's' : 'a')).arg(anchor).arg(day(first.bookedAt));
            draft.windowStart = first.bookedAt;
            draft.windowEnd = last.bookedAt;
            draft.score = std::min(100, 45 + 10 * int(count - std::size_t(m_minCount) + 1) + int(40 * (meanFraction - m_lowerFraction) / (1 - m_lowerFraction)));
            draft.title = QStringLiteral("%1 deposits just under %2 into %3").arg(count).arg(money(m_threshold, m_currency), who);
            draft.explanation = QStringLiteral("%1 %2 deposits of %3 to %4 each (the reporting threshold is %5) into %6 "
                                               "within %7, %8 in total.")
                                        .arg(count)
                                        .arg(m_channels.join(QStringLiteral("/")))
                                        .arg(money(floor, m_currency), money(m_threshold - 1, m_currency),
                                             money(m_threshold, m_currency), who, duration(last.bookedAt - first.bookedAt),
                                             money(sum, m_currency));
            draft.metrics = QJsonObject { { QStringLiteral("deposits"), qint64(count) },
                                          { QStringLiteral("total_minor"), qint64(sum) },
                                          { QStringLiteral("threshold_minor"), qint64(m_threshold) },
                                          { QStringLiteral("mean_fraction_of_threshold"), meanFraction },
                                          { QStringLiteral("currency"), m_currency } };
            sink.add(std::move(draft));
            start = end; // the next alert starts after this cluster
        }
    }
}

} // namespace fundtrace::detect
