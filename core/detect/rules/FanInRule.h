#pragma once

#include "detect/Rule.h"

#include <QStringList>

namespace fundtrace::detect {

// Crowdfunding fan-in: many distinct senders paying small amounts into one subject (or an account
// without a known holder) within a window. Scores higher when the money soon leaves again in cash,
// abroad or to a few recipients.
// Settings (amounts in major units of `currency`, default KZT): min_senders 15, max_amount 50 000,
// window_hours 720, onward_hours 72, few_recipients 3, home_countries ["KZ"].
class FanInRule : public Rule {
public:
    QString id() const override { return QStringLiteral("crowdfunding_fan_in"); }
    QString typology() const override { return QStringLiteral("Crowdfunding fan-in"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency;
    int m_minSenders = 15;
    std::int64_t m_maxAmount = 0; // largest payment that counts as small, minor units
    std::int64_t m_window = 0; // seconds
    std::int64_t m_onward = 0; // how long after the last payment outflows still count, seconds
    int m_fewRecipients
        = 3; // onward transfers to at most this many recipients count as concentrated
    QStringList m_homeCountries;
    QStringList m_skipKinds; // receivers/payers of these subject kinds are not considered
};

} // namespace fundtrace::detect
