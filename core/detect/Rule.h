#pragma once

#include "detect/AlertSink.h"
#include "detect/DetectionContext.h"
#include "detect/RuleSettings.h"

#include <QString>

namespace fundtrace::detect {

// One typology detector. configure() reads its settings once (throwing RuleConfigError with a
// plain message on a bad value); run() reads the shared context and adds what it finds to the
// sink. run() must be deterministic (same context, same drafts in the same order) and may run
// on another thread alongside other rules.
class Rule {
public:
    virtual ~Rule() = default;
    virtual QString id() const = 0;        // "structuring", as in the rules file
    virtual QString typology() const = 0;  // "Structuring / smurfing", for people
    virtual void configure(const RuleSettings &settings) = 0;
    virtual void run(const DetectionContext &context, AlertSink &sink) const = 0;
};

} // namespace fundtrace::detect
