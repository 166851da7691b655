#include "detect/RuleRegistry.h"

#include "detect/rules/CycleRule.h"
#include "detect/rules/DormantReactivationRule.h"
#include "detect/rules/FanInRule.h"
#include "detect/rules/FanOutRule.h"
#include "detect/rules/HighRiskGeographyRule.h"
#include "detect/rules/ListedProximityRule.h"
#include "detect/rules/NpoMisuseRule.h"
#include "detect/rules/PassThroughRule.h"
#include "detect/rules/PurposeKeywordRule.h"
#include "detect/rules/ScatterGatherRule.h"
#include "detect/rules/SharedIdentifierRule.h"
#include "detect/rules/StructuringRule.h"
#include "detect/rules/VelocityAnomalyRule.h"

#include <functional>
#include <utility>

namespace fundtrace::detect {
namespace {

using Factory = std::function<std::unique_ptr<Rule>()>;

template<typename T>
std::pair<QString, Factory> entry()
{
    return { T().id(), [] { return std::make_unique<T>(); } };
}

// In the order the issue lists the typologies; detection runs and reports follow it.
const std::vector<std::pair<QString, Factory>> &factories()
{
    static const std::vector<std::pair<QString, Factory>> table = {
        entry<StructuringRule>(),
        entry<FanInRule>(),
        entry<FanOutRule>(),
        entry<PassThroughRule>(),
        entry<CycleRule>(),
        entry<ScatterGatherRule>(),
        entry<HighRiskGeographyRule>(),
        entry<PurposeKeywordRule>(),
        entry<NpoMisuseRule>(),
        entry<DormantReactivationRule>(),
        entry<SharedIdentifierRule>(),
        entry<ListedProximityRule>(),
        entry<VelocityAnomalyRule>(),
    };
    return table;
}

} // namespace

QStringList RuleRegistry::ids()
{
    QStringList list;
    for (const auto &[id, factory] : factories())
        list << id;
    return list;
}

std::unique_ptr<Rule> RuleRegistry::create(const QString &id)
{
    for (const auto &[ruleId, factory] : factories()) {
        if (ruleId == id)
            return factory();
    }
    return nullptr;
}

} // namespace fundtrace::detect
