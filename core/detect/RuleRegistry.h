#pragma once

#include "detect/Rule.h"

#include <QStringList>
#include <memory>

namespace fundtrace::detect {

// Every rule Fundtrace knows, by the id used in rules files.
class RuleRegistry {
public:
    static QStringList ids();
    // nullptr for an unknown id.
    static std::unique_ptr<Rule> create(const QString &id);
};

} // namespace fundtrace::detect
