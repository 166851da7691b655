#pragma once

#include "charts/ChartScope.h"
#include "charts/ReportingThreshold.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::charts {

struct HistogramBin {
    std::int64_t lowMinor = 0;  // inclusive
    std::int64_t highMinor = 0; // exclusive
    std::int64_t count = 0;
    std::int64_t inCount = 0;   // of which money in
    std::int64_t sumMinor = 0;
};

// How many transactions of each size a scope has, on logarithmic bins (a fixed number per
// decade). When the reporting threshold is in the scope's currency the bins are aligned on it,
// so one bin ends exactly at the threshold and structuring shows as a pile in that bin; the
// rows just under the threshold (from threshold x just_under_fraction) are counted apart.
struct AmountHistogram {
    QString currency;
    int binsPerDecade = 10;
    std::vector<HistogramBin> bins; // contiguous, smallest amounts first
    std::int64_t totalCount = 0;
    std::int64_t zeroCount = 0;     // rows of amount 0, which a log axis cannot show
    std::int64_t otherCurrencyRows = 0;
    ReportingThreshold threshold;   // as the rules set it, even when in another currency
    bool thresholdApplies = false;  // the threshold is in this histogram's currency
    std::int64_t justBelowCount = 0;     // rows in [threshold x fraction, threshold)
    std::int64_t justBelowDeposits = 0;  // of which money in through the rule's channels
    std::int64_t justAboveCount = 0;     // rows in [threshold, threshold / fraction), for comparison

    // Throws ChartError when binsPerDecade is not 1..100.
    static AmountHistogram build(const detect::DetectionContext &context, const ChartScope &scope,
                                 const ReportingThreshold &threshold, int binsPerDecade = 10);

    bool isEmpty() const { return totalCount == 0; }
    double justBelowShare() const { return totalCount > 0 ? double(justBelowCount) / double(totalCount) : 0.0; }
    QJsonObject toJson() const;
};

} // namespace fundtrace::charts
