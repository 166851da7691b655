#pragma once

#include <QByteArray>
#include <QString>
#include <QTimeZone>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace fundtrace::charts {

// A chart request that cannot be met (a period ending before it starts, too many buckets), in
// words the user can act on.
class ChartError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a chart shows: whose money, over which period, in which currency, with days and hours
// counted in the case's time zone. Charts plot one currency at a time (amounts of different
// currencies are never added); rows in other currencies are counted and reported, not hidden.
struct ChartScope {
    std::vector<std::int32_t> accounts; // indexes into DetectionContext::accounts(); empty = the whole case
    std::int64_t from = 0;              // UTC seconds, inclusive; 0 = from the first transaction
    std::int64_t to = 0;                // UTC seconds, exclusive; 0 = through the last transaction
    QString currency;                   // ISO code; empty = the currency most rows in scope use
    QTimeZone zone { QByteArrayLiteral("Asia/Almaty") };
};

} // namespace fundtrace::charts
