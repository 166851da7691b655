#pragma once

#include "detect/Rule.h"

namespace fundtrace::detect {

// Structuring / smurfing: several deposits into one subject (or an account without a known
// holder) within a window, each just under the reporting threshold, together above it.
class StructuringRule : public Rule {
public:
    QString id() const override { return QStringLiteral("structuring"); }
    QString typology() const override { return QStringLiteral("Structuring / smurfing"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency;
    std::int64_t m_threshold = 0;   // reporting threshold, minor units
    double m_lowerFraction = 0.8;   // "just under" = at least this share of the threshold
    std::int64_t m_window = 0;      // seconds
    int m_minCount = 3;
    QStringList m_channels;         // which channels count (cash by default)
};

} // namespace fundtrace::detect
