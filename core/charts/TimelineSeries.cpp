#include "charts/TimelineSeries.h"

#include "charts/LocalClock.h"
#include "charts/ScopeRows.h"
#include "model/Currency.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace fundtrace::charts {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::size_t kMaxBuckets = 20000;

QString isoUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate);
}

// The local day a bucket containing `day` starts on.
std::int64_t bucketStartDay(TimeBucket bucket, std::int64_t day)
{
    switch (bucket) {
    case TimeBucket::Week:
        return LocalClock::weekStart(day);
    case TimeBucket::Month:
        return LocalClock::monthStart(LocalClock::monthOf(day));
    default:
        return day;
    }
}

std::int64_t nextBucketDay(TimeBucket bucket, std::int64_t startDay)
{
    switch (bucket) {
    case TimeBucket::Week:
        return startDay + 7;
    case TimeBucket::Month:
        return LocalClock::monthStart(LocalClock::monthOf(startDay) + 1);
    default:
        return startDay + 1;
    }
}

} // namespace

QString timeBucketName(TimeBucket bucket)
{
    switch (bucket) {
    case TimeBucket::Automatic:
        return QStringLiteral("auto");
    case TimeBucket::Day:
        return QStringLiteral("day");
    case TimeBucket::Week:
        return QStringLiteral("week");
    case TimeBucket::Month:
        return QStringLiteral("month");
    }
    return {};
}

bool timeBucketFromName(const QString &name, TimeBucket &bucket)
{
    for (const TimeBucket candidate : { TimeBucket::Automatic, TimeBucket::Day, TimeBucket::Week, TimeBucket::Month }) {
        if (name.compare(timeBucketName(candidate), Qt::CaseInsensitive) == 0) {
            bucket = candidate;
            return true;
        }
    }
    return false;
}

TimeBucket automaticBucket(std::int64_t spanSeconds)
{
    if (spanSeconds <= 92 * kDay)
        return TimeBucket::Day;
    if (spanSeconds <= 731 * kDay)
        return TimeBucket::Week;
    return TimeBucket::Month;
}

TimelineSeries TimelineSeries::build(const detect::DetectionContext &context, const ChartScope &scope, TimeBucket bucket)
{
    const ScopeRows rows(context, scope);
    TimelineSeries series;
    series.currency = rows.currency();
    series.zone = QString::fromUtf8(scope.zone.id());
    series.otherCurrencyRows = rows.otherCurrencyRows();

    rows.forEachBefore([&](const detect::Transaction &t, bool in, bool own) {
        if (own) {
            series.openingBalanceMinor += in ? t.amountMinor : -t.amountMinor;
            series.hasBalance = true;
        }
    });
    // The axis covers the period asked for, else the rows found.
    const std::int64_t first = scope.from > 0 ? scope.from : rows.firstAt();
    const std::int64_t last = scope.to > 0 ? scope.to - 1 : rows.lastAt();
    if (rows.rowCount() == 0 && (scope.from == 0 || scope.to == 0)) {
        series.bucket = bucket == TimeBucket::Automatic ? TimeBucket::Day : bucket;
        return series;
    }
    series.bucket = bucket == TimeBucket::Automatic ? automaticBucket(last - first) : bucket;

    const LocalClock clock(scope.zone, first, last);
    const std::int64_t firstDay = bucketStartDay(series.bucket, clock.localDay(first));
    const std::int64_t lastDay = clock.localDay(last);
    std::vector<std::int64_t> startDays;
    for (std::int64_t day = firstDay; day <= lastDay; day = nextBucketDay(series.bucket, day)) {
        startDays.push_back(day);
        if (startDays.size() > kMaxBuckets)
            throw ChartError(QStringLiteral("the period needs more than %1 %2 buckets; choose a longer bucket")
                                                .arg(kMaxBuckets).arg(timeBucketName(series.bucket)).toStdString());
    }
    series.buckets.resize(startDays.size());
    for (std::size_t b = 0; b < startDays.size(); ++b) {
        series.buckets[b].start = clock.dayStartUtc(startDays[b]);
        series.buckets[b].end = clock.dayStartUtc(nextBucketDay(series.bucket, startDays[b]));
    }

    // Rows come oldest first, so the bucket only moves forward; most rows stay in the last one.
    std::size_t current = 0;
    std::vector<std::int64_t> netOwn(series.buckets.size(), 0);
    rows.forEach([&](const detect::Transaction &t, bool in, bool own) {
        while (current + 1 < series.buckets.size() && t.bookedAt >= series.buckets[current].end)
            ++current;
        TimelineBucket &b = series.buckets[current];
        if (in) {
            b.inMinor += t.amountMinor;
            ++b.inCount;
        } else {
            b.outMinor += t.amountMinor;
            ++b.outCount;
        }
        if (own) {
            netOwn[current] += in ? t.amountMinor : -t.amountMinor;
            series.hasBalance = true;
        }
    });
    std::int64_t balance = series.openingBalanceMinor;
    for (std::size_t b = 0; b < series.buckets.size(); ++b) {
        balance += netOwn[b];
        series.buckets[b].balanceMinor = balance;
    }
    return series;
}

bool TimelineSeries::isEmpty() const
{
    return rowCount() == 0;
}

std::int64_t TimelineSeries::totalInMinor() const
{
    std::int64_t total = 0;
    for (const TimelineBucket &b : buckets)
        total += b.inMinor;
    return total;
}

std::int64_t TimelineSeries::totalOutMinor() const
{
    std::int64_t total = 0;
    for (const TimelineBucket &b : buckets)
        total += b.outMinor;
    return total;
}

std::int64_t TimelineSeries::rowCount() const
{
    std::int64_t total = 0;
    for (const TimelineBucket &b : buckets)
        total += b.inCount + b.outCount;
    return total;
}

QVector<double> TimelineSeries::keys() const
{
    QVector<double> values;
    values.reserve(qsizetype(buckets.size()));
    for (const TimelineBucket &b : buckets)
        values.append(double(b.start));
    return values;
}

QVector<double> TimelineSeries::inflowMajor() const
{
    const std::string code = currency.toStdString();
    QVector<double> values;
    values.reserve(qsizetype(buckets.size()));
    for (const TimelineBucket &b : buckets)
        values.append(model::toMajor(b.inMinor, code));
    return values;
}

QVector<double> TimelineSeries::outflowMajor() const
{
    const std::string code = currency.toStdString();
    QVector<double> values;
    values.reserve(qsizetype(buckets.size()));
    for (const TimelineBucket &b : buckets)
        values.append(model::toMajor(b.outMinor, code));
    return values;
}

QVector<double> TimelineSeries::balanceMajor() const
{
    const std::string code = currency.toStdString();
    QVector<double> values;
    values.reserve(qsizetype(buckets.size()));
    for (const TimelineBucket &b : buckets)
        values.append(model::toMajor(b.balanceMinor, code));
    return values;
}

QJsonObject TimelineSeries::toJson() const
{
    QJsonArray bucketArray;
    for (const TimelineBucket &b : buckets) {
        QJsonObject item { { QStringLiteral("start"), isoUtc(b.start) },     { QStringLiteral("end"), isoUtc(b.end) },
                           { QStringLiteral("in_minor"), qint64(b.inMinor) }, { QStringLiteral("out_minor"), qint64(b.outMinor) },
                           { QStringLiteral("in_count"), qint64(b.inCount) }, { QStringLiteral("out_count"), qint64(b.outCount) } };
        if (hasBalance)
            item.insert(QStringLiteral("balance_minor"), qint64(b.balanceMinor));
        bucketArray.append(item);
    }
    QJsonArray alertArray;
    for (const AlertMarker &alert : alerts)
        alertArray.append(alert.toJson());
    return { { QStringLiteral("bucket"), timeBucketName(bucket) },
             { QStringLiteral("currency"), currency },
             { QStringLiteral("zone"), zone },
             { QStringLiteral("transactions"), qint64(rowCount()) },
             { QStringLiteral("in_minor"), qint64(totalInMinor()) },
             { QStringLiteral("out_minor"), qint64(totalOutMinor()) },
             { QStringLiteral("opening_balance_minor"), hasBalance ? QJsonValue(qint64(openingBalanceMinor)) : QJsonValue() },
             { QStringLiteral("other_currency_transactions"), qint64(otherCurrencyRows) },
             { QStringLiteral("buckets"), bucketArray },
             { QStringLiteral("alerts"), alertArray } };
}

} // namespace fundtrace::charts
