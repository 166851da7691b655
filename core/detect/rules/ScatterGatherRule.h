#pragma once

#include "detect/Rule.h"

namespace fundtrace::detect {

// Scatter-gather: one source splits money across several intermediaries that pass most of it on
// to one common destination within a window. Gather-scatter: several sources pay one collector
// that redistributes most of it to several recipients within a window. Amounts in one currency.
class ScatterGatherRule : public Rule {
public:
    QString id() const override { return QStringLiteral("scatter_gather"); }
    QString typology() const override { return QStringLiteral("Scatter-gather / gather-scatter"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    void scatterGather(const DetectionContext &context, int currency, AlertSink &sink) const;
    void gatherScatter(const DetectionContext &context, int currency, AlertSink &sink) const;

    QString m_currency;
    std::int64_t m_window = 0; // first leg to last leg, seconds
    std::int64_t m_minLeg = 0; // smaller transfers are ignored, minor units
    std::int64_t m_minTotal = 0; // money split or collected, minor units
    int m_minParties = 3; // intermediaries, or sources and recipients
    double m_minShare = 0.7; // share passed on ("most of it")
    int m_maxBranching = 500; // accounts with more flows in the window are left out
    bool m_scatterGather = true;
    bool m_gatherScatter = true;
};

} // namespace fundtrace::detect
