#pragma once

#include "charts/ChartScope.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::db {
class Database;
}
namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::charts {

// An alert drawn on a timeline: its window as a span, its title and score as the tooltip.
struct AlertMarker {
    std::int64_t id = 0;
    QString rule;
    QString title;
    QString state;
    int score = 0;
    std::int64_t windowStart = 0; // UTC seconds
    std::int64_t windowEnd = 0;

    QJsonObject toJson() const;
};

// The active alerts about a scope's accounts or their holders (every active alert for the whole
// case) whose window overlaps the scope's period, oldest window first.
std::vector<AlertMarker> alertMarkers(const db::Database &db, const detect::DetectionContext &context, const ChartScope &scope);

} // namespace fundtrace::charts
