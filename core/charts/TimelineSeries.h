#pragma once

#include "charts/AlertMarkers.h"
#include "charts/ChartScope.h"

#include <QJsonObject>
#include <QString>
#include <QVector>
#include <cstdint>
#include <vector>

namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::charts {

// How a timeline groups time: calendar days, weeks (Monday first) or months in the case's zone.
enum class TimeBucket { Automatic, Day, Week, Month };

QString timeBucketName(TimeBucket bucket);
bool timeBucketFromName(const QString &name, TimeBucket &bucket);
// The bucket a span of time reads best in: days up to three months, weeks up to two years,
// months beyond (a timeline stays between roughly 15 and 120 bars wide).
TimeBucket automaticBucket(std::int64_t spanSeconds);

struct TimelineBucket {
    std::int64_t start = 0; // UTC seconds of the local midnight starting it
    std::int64_t end = 0;   // exclusive: the next bucket's start
    std::int64_t inMinor = 0;
    std::int64_t outMinor = 0;
    std::int64_t inCount = 0;
    std::int64_t outCount = 0;
    std::int64_t balanceMinor = 0; // running balance of the own statements at the bucket's end
};

// Money in and out per day, week or month for a scope, with a running balance and the alerts
// about it. Buckets are contiguous (quiet periods show as gaps, not as nothing); amounts are
// integer minor units of `currency`, converted to major units only for plotting.
struct TimelineSeries {
    TimeBucket bucket = TimeBucket::Day;
    QString currency;
    QString zone;
    std::vector<TimelineBucket> buckets;
    // Net of own-statement rows before the first bucket: the balance the line starts from. The
    // balance is the sum of movements since the first statement row, not a bank's reported balance.
    std::int64_t openingBalanceMinor = 0;
    bool hasBalance = false;            // some row in scope is from a selected account's own statement
    std::int64_t otherCurrencyRows = 0; // rows in scope left out because of their currency
    std::vector<AlertMarker> alerts;

    // Throws ChartError for a period that ends before it starts or would need more
    // than 20 000 buckets (ask for weeks or months instead).
    static TimelineSeries build(const detect::DetectionContext &context, const ChartScope &scope,
                                TimeBucket bucket = TimeBucket::Automatic);

    bool isEmpty() const;
    std::int64_t totalInMinor() const;
    std::int64_t totalOutMinor() const;
    std::int64_t rowCount() const;
    // Plot-ready columns: bucket start (seconds, for QCPAxisTickerDateTime) and major units.
    QVector<double> keys() const;
    QVector<double> inflowMajor() const;
    QVector<double> outflowMajor() const;
    QVector<double> balanceMajor() const;
    QJsonObject toJson() const;
};

} // namespace fundtrace::charts
