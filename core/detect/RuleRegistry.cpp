#include "detect/RuleRegistry.h"

#include "detect/rules/StructuringRule.h"

#include <functional>
#include <utility>

// Rules still being written are registered once their header exists.
#if __has_include("detect/rules/FanInRule.h")
#include "detect/rules/FanInRule.h"
#define FT_HAS_FAN_IN
#endif
#if __has_include("detect/rules/FanOutRule.h")
#include "detect/rules/FanOutRule.h"
#define FT_HAS_FAN_OUT
#endif
#if __has_include("detect/rules/PassThroughRule.h")
#include "detect/rules/PassThroughRule.h"
#define FT_HAS_PASS_THROUGH
#endif
#if __has_include("detect/rules/CycleRule.h")
#include "detect/rules/CycleRule.h"
#define FT_HAS_CYCLE
#endif
#if __has_include("detect/rules/ScatterGatherRule.h")
#include "detect/rules/ScatterGatherRule.h"
#define FT_HAS_SCATTER_GATHER
#endif
#if __has_include("detect/rules/HighRiskGeographyRule.h")
#include "detect/rules/HighRiskGeographyRule.h"
#define FT_HAS_GEOGRAPHY
#endif
#if __has_include("detect/rules/PurposeKeywordRule.h")
#include "detect/rules/PurposeKeywordRule.h"
#define FT_HAS_KEYWORDS
#endif
#if __has_include("detect/rules/NpoMisuseRule.h")
#include "detect/rules/NpoMisuseRule.h"
#define FT_HAS_NPO
#endif
#if __has_include("detect/rules/DormantReactivationRule.h")
#include "detect/rules/DormantReactivationRule.h"
#define FT_HAS_DORMANT
#endif
#if __has_include("detect/rules/SharedIdentifierRule.h")
#include "detect/rules/SharedIdentifierRule.h"
#define FT_HAS_SHARED
#endif
#if __has_include("detect/rules/ListedProximityRule.h")
#include "detect/rules/ListedProximityRule.h"
#define FT_HAS_LISTED
#endif
#if __has_include("detect/rules/VelocityAnomalyRule.h")
#include "detect/rules/VelocityAnomalyRule.h"
#define FT_HAS_VELOCITY
#endif

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
#ifdef FT_HAS_FAN_IN
        entry<FanInRule>(),
#endif
#ifdef FT_HAS_FAN_OUT
        entry<FanOutRule>(),
#endif
#ifdef FT_HAS_PASS_THROUGH
        entry<PassThroughRule>(),
#endif
#ifdef FT_HAS_CYCLE
        entry<CycleRule>(),
#endif
#ifdef FT_HAS_SCATTER_GATHER
        entry<ScatterGatherRule>(),
#endif
#ifdef FT_HAS_GEOGRAPHY
        entry<HighRiskGeographyRule>(),
#endif
#ifdef FT_HAS_KEYWORDS
        entry<PurposeKeywordRule>(),
#endif
#ifdef FT_HAS_NPO
        entry<NpoMisuseRule>(),
#endif
#ifdef FT_HAS_DORMANT
        entry<DormantReactivationRule>(),
#endif
#ifdef FT_HAS_SHARED
        entry<SharedIdentifierRule>(),
#endif
#ifdef FT_HAS_LISTED
        entry<ListedProximityRule>(),
#endif
#ifdef FT_HAS_VELOCITY
        entry<VelocityAnomalyRule>(),
#endif
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
