#pragma once

#include "charts/ChartScope.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::charts {

enum class BreakdownDimension { Channel, Country, Counterparty };

QString breakdownDimensionName(BreakdownDimension dimension);
bool breakdownDimensionFromName(const QString &name, BreakdownDimension &dimension);

struct BreakdownRow {
    QString label;
    std::int64_t count = 0;
    std::int64_t inMinor = 0;
    std::int64_t outMinor = 0;
    double share = 0;     // of the scope's money moved (in + out)
    bool other = false;   // the "other" row gathering everything past the top N

    std::int64_t sumMinor() const { return inMinor + outMinor; }
};

// Where a scope's money goes and comes from, by channel (cash, transfer, card ...), by the
// counterparty's country, or by counterparty (an account when known, else the name on the row,
// else cash or unknown): the top N by money moved, then one "other" row, then shares.
struct Breakdown {
    BreakdownDimension dimension = BreakdownDimension::Channel;
    QString currency;
    std::vector<BreakdownRow> rows; // largest first; the "other" row last
    std::int64_t totalCount = 0;
    std::int64_t totalMinor = 0;
    std::int64_t otherCurrencyRows = 0;

    // Throws ChartError when topN < 1.
    static Breakdown build(const detect::DetectionContext &context, const ChartScope &scope,
                           BreakdownDimension dimension, int topN = 10);

    bool isEmpty() const { return totalCount == 0; }
    QJsonObject toJson() const;
};

} // namespace fundtrace::charts
