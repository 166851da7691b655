#pragma once

#include "detect/Rule.h"

#include <QStringList>

namespace fundtrace::detect {

// Non-profit misuse: a subject of kind "npo" whose income within a window is mostly small
// donations from individuals or unknown senders, and whose spending goes mostly in cash, abroad or
// to individuals rather than to organisations (suppliers, programmes). Donations withdrawn in cash
// soon after they arrive raise the score. Senders and recipients without a known subject count as
// individuals on the income side and as neither on the spending side.
// Settings (amounts in major units of `currency`, default KZT): window_hours 2160, small_donation
// 100 000, min_donations 20, min_donation_share 0.6, min_spending 1 000 000,
// min_risky_spending_share 0.6, cash_after_hours 48, home_countries ["KZ"].
class NpoMisuseRule : public Rule {
public:
    QString id() const override { return QStringLiteral("npo_misuse"); }
    QString typology() const override { return QStringLiteral("Non-profit misuse"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency;
    std::int64_t m_window = 0; // seconds
    std::int64_t m_smallDonation
        = 0; // largest payment that counts as a small donation, minor units
    int m_minDonations = 20;
    double m_minDonationShare = 0.6; // of the income amount
    std::int64_t m_minSpending = 0; // minor units
    double m_minRiskySpendShare = 0.6; // of the spending amount: cash, abroad or to individuals
    std::int64_t m_cashAfter
        = 0; // cash within this long after a donation counts as withdrawn soon, seconds
    QStringList m_homeCountries;
};

} // namespace fundtrace::detect
