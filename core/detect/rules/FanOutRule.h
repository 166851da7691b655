#pragma once

#include "detect/Rule.h"

#include <QStringList>

namespace fundtrace::detect {

// Fan-out / dispersal: one account paying many distinct recipients within a short window, together
// a sizeable amount. Cash and transfers between the payer's own accounts do not count.
// Settings (amounts in major units of `currency`, default KZT): min_recipients 10,
// min_total 1 000 000, window_hours 168, home_countries ["KZ"].
class FanOutRule : public Rule {
public:
    QString id() const override { return QStringLiteral("fan_out"); }
    QString typology() const override { return QStringLiteral("Fan-out / dispersal"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency;
    int m_minRecipients = 10;
    std::int64_t m_minTotal = 0; // minor units
    std::int64_t m_window = 0; // seconds
    QStringList m_homeCountries;
    QStringList m_skipKinds; // receivers/payers of these subject kinds are not considered
};

} // namespace fundtrace::detect
