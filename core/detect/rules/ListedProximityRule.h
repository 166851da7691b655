#pragma once

#include <QStringList>

#include "detect/Rule.h"

namespace fundtrace::detect {

// Listed-party proximity: parties that dealt with a subject screening matched to a list, directly
// or through up to N accounts in between. A breadth-first walk over flows from the listed
// subjects' accounts; a subject counts as one node, so all its accounts share its distance.
// One alert per party, for its nearest listed subject; the score falls with each hop.
class ListedProximityRule : public Rule {
public:
    QString id() const override { return QStringLiteral("listed_proximity"); }
    QString typology() const override { return QStringLiteral("Listed-party proximity"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

private:
    QString m_currency; // for the totals in explanations
    int m_minListedScore = 80;
    int m_maxHops = 2;
    double m_hopDecay = 0.6; // score multiplier per hop beyond the first
    bool m_fromListed = true; // follow money paid out by the listed party
    bool m_toListed = true; // follow money paid to the listed party
    int m_maxBranching = 500; // accounts with more flows are reached but not walked through
    QStringList m_throughKinds; // kinds of subject money is followed through beyond the first hop
    int m_evidencePerHop = 20; // transactions cited for each hop of the path
};

} // namespace fundtrace::detect
