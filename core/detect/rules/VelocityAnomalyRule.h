#pragma once

#include "detect/Rule.h"

namespace fundtrace::detect {

// Bursts measured against an account's own past: a period (a week by default) whose number of
// transactions or turnover is a multiple of the account's median active period, and a share of
// round amounts far above what the account usually shows. Only rows in the rule's currency count;
// the baseline is the median of the preceding active periods, so a new account says nothing.
// A burst must also outgrow the busiest period of that history: a monthly salary makes every
// payday week many times the median week, and is the account's habit, not an anomaly.
class VelocityAnomalyRule : public Rule {
public:
    QString id() const override { return QStringLiteral("velocity_anomaly"); }
    QString typology() const override { return QStringLiteral("Velocity and round-amount anomalies"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    void runAccount(const DetectionContext &context, std::int32_t account, int currency, AlertSink &sink) const;

    QString m_currency = QStringLiteral("KZT");
    std::int64_t m_period = 7 * 86400;  // seconds
    double m_factor = 5.0;
    double m_peakFactor = 1.5;          // over the busiest period of the baseline
    int m_minHistory = 8;               // active periods before the one judged
    int m_historyPeriods = 26;          // how many preceding active periods form the baseline
    std::int64_t m_minAmount = 0;       // a period below this turnover is never flagged
    int m_minCount = 10;                // nor a count burst of fewer rows
    int m_minAmountBurstCount = 3; // rows a turnover spike needs
    std::int64_t m_roundUnit = 0;       // minor units
    int m_roundMinCount = 5;
    double m_roundMinShare = 0.6;
    double m_roundShareRise = 0.4;
    int m_maxEvidence = 100;
};

} // namespace fundtrace::detect
