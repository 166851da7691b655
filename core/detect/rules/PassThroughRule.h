#pragma once

#include "detect/Rule.h"

namespace fundtrace::detect {

// Pass-through (rapid movement): most of each inflow into an account leaves again within hours,
// leaving little behind, several times within a window. Outflows are matched to inflows first in,
// first out over the account's own statement, so money already there before does not count and an
// inflow only qualifies once what came before it has gone (the balance stays low).
// Settings (amounts in major units of `currency`, default KZT): min_inflow 100 000, out_share 0.8,
// max_delay_hours 48, min_episodes 3, window_hours 720.
class PassThroughRule : public Rule {
public:
    QString id() const override { return QStringLiteral("pass_through"); }
    QString typology() const override { return QStringLiteral("Pass-through (rapid movement)"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency;
    std::int64_t m_minInflow
        = 0; // smaller inflows move with the rest but are no episode, minor units
    double m_outShare = 0.8; // share of an inflow that must leave within m_maxDelay
    std::int64_t m_maxDelay = 0; // seconds
    int m_minEpisodes = 3;
    std::int64_t m_window = 0; // seconds
};

} // namespace fundtrace::detect
