#pragma once

#include "charts/ChartScope.h"

#include <QJsonObject>
#include <QString>
#include <array>
#include <cstdint>

namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::charts {

// When in the week a scope's money moves: transactions per weekday (Monday first) and hour of
// the day in the case's time zone. Night-time or weekend activity stands out against office hours.
struct HourHeatmap {
    QString currency;
    QString zone;
    std::array<std::array<std::int64_t, 24>, 7> counts {};
    std::array<std::array<std::int64_t, 24>, 7> sumsMinor {};
    std::int64_t totalCount = 0;
    std::int64_t otherCurrencyRows = 0;

    static HourHeatmap build(const detect::DetectionContext &context, const ChartScope &scope);

    bool isEmpty() const { return totalCount == 0; }
    std::int64_t maxCount() const;
    static QString weekdayName(int weekday); // Mon .. Sun
    QJsonObject toJson() const;
};

} // namespace fundtrace::charts
