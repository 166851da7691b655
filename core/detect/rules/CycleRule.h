#pragma once

#include "detect/Rule.h"

namespace fundtrace::detect {

// Cycles and round-tripping: money that leaves an account and comes back to it through 2-6 hops
// within a window, each hop later than the one before and of a similar amount. The search is a
// bounded depth-first walk over flows; hubs (too many flows out in the window) are not crossed.
class CycleRule : public Rule {
public:
    QString id() const override { return QStringLiteral("cycles"); }
    QString typology() const override { return QStringLiteral("Cycles and round-tripping"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency;
    std::int64_t m_window = 0; // first hop to last hop, seconds
    std::int64_t m_minAmount = 0; // first hop at least this, minor units
    double m_tolerance = 0.2; // each hop within ±this share of the first
    int m_minHops = 2;
    int m_maxHops = 6;
    int m_maxBranching = 500; // accounts with more flows out in the window are not crossed
    bool m_skipSameHolder = true; // a ring through one holder's own accounts is housekeeping
};

} // namespace fundtrace::detect
