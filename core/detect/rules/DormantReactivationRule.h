#pragma once

#include "detect/Rule.h"

namespace fundtrace::detect {

// Dormant reactivation: an account with no activity (no row of its own statement, no transfer to
// or from it) for months that then, within a short period, moves a large sum or makes many
// transactions. Only gaps between two known activities count: the case's first row is no wake-up.
class DormantReactivationRule : public Rule {
public:
    QString id() const override { return QStringLiteral("dormant_reactivation"); }
    QString typology() const override { return QStringLiteral("Dormant reactivation"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency;
    std::int64_t m_idle = 0; // seconds without activity
    std::int64_t m_after = 0; // period after the wake-up that is measured, seconds
    std::int64_t m_minTotal = 0; // money in and out in that period, minor units
    int m_minCount = 10; // or this many transactions in that period
    int m_maxEvidence = 200;
    bool m_requireStatement = true; // without its own statement, "idle" may only mean unseen
};

} // namespace fundtrace::detect
