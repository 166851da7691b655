#include "charts/AmountHistogram.h"
#include "charts/Breakdown.h"
#include "charts/HourHeatmap.h"
#include "charts/TimelineSeries.h"
#include "detect/RuleSet.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>
#include <cmath>

using namespace fundtrace;
using charts::ChartScope;
using charts::TimeBucket;
using detect::Channel;
using detect::DetectionContext;

Q_DECLARE_METATYPE(charts::TimeBucket)
Q_DECLARE_METATYPE(charts::BreakdownDimension)

namespace {

std::int64_t utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

// A small case checkable by hand (Asia/Almaty was UTC+6 in 2023):
//   A (Aliya, own statement): +100 000.00 from B on Mon 6 Mar 10:00 local, -30 000.00 to C on
//     Wed 8 Mar 02:00 local (Tue 7 Mar in UTC), +50.00 USD, +6 900 000.00 cash on 20 Mar,
//     +7 000 000.00 cash on 21 Mar;
//   B (Bolat, no statement of its own): seen on A's and C's statements;
//   C (own statement): the +30 000.00 from A, -20 000.00 to B.
struct SmallCase {
    DetectionContext context;
    std::int32_t a = -1, b = -1, c = -1;

    SmallCase()
    {
        DetectionContext::Builder builder;
        const std::int32_t aliya = builder.addSubject(QStringLiteral("Aliya"));
        const std::int32_t bolat = builder.addSubject(QStringLiteral("Bolat"));
        a = builder.addAccount(QStringLiteral("KZ01A"), aliya);
        b = builder.addAccount(QStringLiteral("KZ02B"), bolat);
        c = builder.addAccount(QStringLiteral("KZ03C"));
        auto row = [&](std::int32_t account, bool credit, std::int64_t minor, const char *at, std::int32_t counterparty,
                       Channel channel = Channel::Transfer, const char *currency = "KZT", const char *country = "KZ") {
            DetectionContext::Builder::Row r;
            r.account = account;
            r.credit = credit;
            r.amountMinor = minor;
            r.bookedAt = utc(at);
            r.counterparty = counterparty;
            r.channel = channel;
            r.currency = QString::fromLatin1(currency);
            r.country = QString::fromLatin1(country);
            builder.add(r);
        };
        row(a, true, 10'000'000, "2023-03-06T04:00:00Z", b);
        row(a, false, 3'000'000, "2023-03-07T20:00:00Z", c, Channel::Transfer, "KZT", "TR");
        row(c, true, 3'000'000, "2023-03-07T20:00:00Z", a);
        row(a, true, 5'000, "2023-03-08T06:00:00Z", -1, Channel::Card, "USD");
        row(c, false, 2'000'000, "2023-03-09T10:00:00Z", b);
        row(a, true, 690'000'000, "2023-03-20T05:00:00Z", -1, Channel::Cash);
        row(a, true, 700'000'000, "2023-03-21T05:00:00Z", -1, Channel::Cash);
        context = builder.build();
    }

    ChartScope scope(std::vector<std::int32_t> accounts) const
    {
        ChartScope s;
        s.accounts = std::move(accounts);
        return s;
    }
};

charts::ReportingThreshold kztThreshold()
{
    charts::ReportingThreshold threshold;
    threshold.amountMinor = 700'000'000;
    threshold.currency = QStringLiteral("KZT");
    threshold.justUnderFraction = 0.8;
    return threshold;
}

} // namespace

// The chart data builders on a hand-made case: bucket sums, running balance, filters, bins,
// heatmap cells in the case's zone and breakdown shares.
class TestChartData : public QObject {
    Q_OBJECT

private slots:
    void timelineBucketsInLocalDays();
    void timelineScopes_data();
    void timelineScopes();
    void timelineRangeKeepsOpeningBalance();
    void timelineCurrencyFilter();
    void automaticBucket_data();
    void automaticBucket();
    void emptyScope();
    void histogramBinsAlignOnThreshold_data();
    void histogramBinsAlignOnThreshold();
    void histogramThresholdShare();
    void histogramThresholdInOtherCurrency();
    void thresholdFromRules();
    void heatmapInCaseZone_data();
    void heatmapInCaseZone();
    void breakdownTopAndOther_data();
    void breakdownTopAndOther();
};

void TestChartData::timelineBucketsInLocalDays()
{
    const SmallCase data;
    const charts::TimelineSeries series = charts::TimelineSeries::build(data.context, data.scope({ data.a }));
    QCOMPARE(series.bucket, TimeBucket::Day);
    QCOMPARE(series.currency, QStringLiteral("KZT"));
    QCOMPARE(series.buckets.size(), std::size_t(16)); // 6 .. 21 March, quiet days included
    const QTimeZone almaty(QByteArrayLiteral("Asia/Almaty"));
    QCOMPARE(series.buckets[0].start, QDateTime(QDate(2023, 3, 6), QTime(0, 0), almaty).toSecsSinceEpoch());
    QCOMPARE(series.buckets[0].start, utc("2023-03-05T18:00:00Z"));
    QCOMPARE(series.buckets[0].inMinor, 10'000'000);
    QCOMPARE(series.buckets[0].inCount, 1);
    // The payment at 20:00 UTC on the 7th is 02:00 on the 8th in Almaty.
    QCOMPARE(series.buckets[1].outMinor, 0);
    QCOMPARE(series.buckets[2].outMinor, 3'000'000);
    QCOMPARE(series.buckets[2].outCount, 1);
    QCOMPARE(series.buckets[0].balanceMinor, 10'000'000);
    QCOMPARE(series.buckets[1].balanceMinor, 10'000'000);
    QCOMPARE(series.buckets[2].balanceMinor, 7'000'000);
    QCOMPARE(series.buckets.back().balanceMinor, 1'397'000'000);
    QCOMPARE(series.otherCurrencyRows, 1);
    for (std::size_t i = 1; i < series.buckets.size(); ++i)
        QCOMPARE(series.buckets[i].start, series.buckets[i - 1].end);
}

void TestChartData::timelineScopes_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<TimeBucket>("bucket");
    QTest::addColumn<int>("buckets");
    QTest::addColumn<qint64>("in");
    QTest::addColumn<qint64>("out");
    QTest::addColumn<bool>("hasBalance");
    QTest::addColumn<qint64>("lastBalance");
    QTest::newRow("own statement, weeks from Monday") << "A" << TimeBucket::Week << 3 << qint64(1'400'000'000)
                                                      << qint64(3'000'000) << true << qint64(1'397'000'000);
    QTest::newRow("own statement, months") << "A" << TimeBucket::Month << 1 << qint64(1'400'000'000) << qint64(3'000'000)
                                           << true << qint64(1'397'000'000);
    // B has no statement: A's credit from B is B's money out, C's debit to B is B's money in.
    QTest::newRow("mirrored from other statements") << "B" << TimeBucket::Day << 4 << qint64(2'000'000)
                                                    << qint64(10'000'000) << false << qint64(0);
    QTest::newRow("two accounts") << "AC" << TimeBucket::Automatic << 16 << qint64(1'403'000'000) << qint64(5'000'000)
                                  << true << qint64(1'398'000'000);
    QTest::newRow("whole case") << "" << TimeBucket::Week << 3 << qint64(1'403'000'000) << qint64(5'000'000) << true
                                << qint64(1'398'000'000);
}

void TestChartData::timelineScopes()
{
    QFETCH(QString, who);
    QFETCH(TimeBucket, bucket);
    QFETCH(int, buckets);
    QFETCH(qint64, in);
    QFETCH(qint64, out);
    QFETCH(bool, hasBalance);
    QFETCH(qint64, lastBalance);
    const SmallCase data;
    std::vector<std::int32_t> accounts;
    for (const QChar letter : who)
        accounts.push_back(letter == u'A' ? data.a : letter == u'B' ? data.b : data.c);
    const charts::TimelineSeries series = charts::TimelineSeries::build(data.context, data.scope(accounts), bucket);
    QCOMPARE(int(series.buckets.size()), buckets);
    QCOMPARE(series.totalInMinor(), in);
    QCOMPARE(series.totalOutMinor(), out);
    QCOMPARE(series.hasBalance, hasBalance);
    if (hasBalance)
        QCOMPARE(series.buckets.back().balanceMinor, lastBalance);
    const QJsonObject json = series.toJson();
    QCOMPARE(json.value(u"buckets").toArray().size(), buckets);
    QCOMPARE(json.value(u"in_minor").toInteger(), in);
}

void TestChartData::timelineRangeKeepsOpeningBalance()
{
    const SmallCase data;
    ChartScope scope = data.scope({ data.a });
    const QTimeZone almaty(QByteArrayLiteral("Asia/Almaty"));
    scope.from = QDateTime(QDate(2023, 3, 8), QTime(0, 0), almaty).toSecsSinceEpoch();
    scope.to = QDateTime(QDate(2023, 3, 21), QTime(0, 0), almaty).toSecsSinceEpoch();
    const charts::TimelineSeries series = charts::TimelineSeries::build(data.context, scope);
    QCOMPARE(series.buckets.size(), std::size_t(13)); // 8 .. 20 March
    QCOMPARE(series.buckets.front().start, scope.from);
    QCOMPARE(series.buckets.back().end, scope.to);
    QCOMPARE(series.openingBalanceMinor, 10'000'000);
    QCOMPARE(series.totalInMinor(), 690'000'000);
    QCOMPARE(series.totalOutMinor(), 3'000'000);
    QCOMPARE(series.buckets.back().balanceMinor, 697'000'000);

    scope.to = scope.from - 1;
    QVERIFY_THROWS_EXCEPTION(charts::ChartError, charts::TimelineSeries::build(data.context, scope));
}

void TestChartData::timelineCurrencyFilter()
{
    const SmallCase data;
    ChartScope scope = data.scope({ data.a });
    scope.currency = QStringLiteral("usd");
    const charts::TimelineSeries series = charts::TimelineSeries::build(data.context, scope);
    QCOMPARE(series.currency, QStringLiteral("USD"));
    QCOMPARE(series.rowCount(), 1);
    QCOMPARE(series.totalInMinor(), 5'000);
    QCOMPARE(series.otherCurrencyRows, 4);
    QCOMPARE(series.buckets.size(), std::size_t(1));

    scope.currency = QStringLiteral("EUR");
    QVERIFY(charts::TimelineSeries::build(data.context, scope).isEmpty());
}

void TestChartData::automaticBucket_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<TimeBucket>("bucket");
    QTest::newRow("a week") << 7 << TimeBucket::Day;
    QTest::newRow("a quarter") << 92 << TimeBucket::Day;
    QTest::newRow("four months") << 120 << TimeBucket::Week;
    QTest::newRow("two years") << 731 << TimeBucket::Week;
    QTest::newRow("three years") << 1095 << TimeBucket::Month;
}

void TestChartData::automaticBucket()
{
    QFETCH(int, days);
    QFETCH(TimeBucket, bucket);
    QCOMPARE(charts::automaticBucket(std::int64_t(days) * 86400), bucket);
    TimeBucket parsed = TimeBucket::Automatic;
    QVERIFY(charts::timeBucketFromName(charts::timeBucketName(bucket), parsed));
    QCOMPARE(parsed, bucket);
}

void TestChartData::emptyScope()
{
    const DetectionContext empty = DetectionContext::Builder().build();
    const ChartScope scope;
    QVERIFY(charts::TimelineSeries::build(empty, scope).isEmpty());
    QVERIFY(charts::TimelineSeries::build(empty, scope).buckets.empty());
    QVERIFY(charts::AmountHistogram::build(empty, scope, kztThreshold()).isEmpty());
    QVERIFY(charts::HourHeatmap::build(empty, scope).isEmpty());
    QVERIFY(charts::Breakdown::build(empty, scope, charts::BreakdownDimension::Channel).rows.empty());
}

void TestChartData::histogramBinsAlignOnThreshold_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("low");
    QTest::addColumn<qint64>("high");
    // 10 bins per decade anchored at 7 000 000,00: edges 7 000 000,00 x 10^(k/10).
    QTest::newRow("at the threshold") << qint64(700'000'000) << qint64(700'000'000) << qint64(881'247'788);
    QTest::newRow("one tiyn under") << qint64(699'999'999) << qint64(556'029'764) << qint64(700'000'000);
    QTest::newRow("just under fraction") << qint64(560'000'000) << qint64(556'029'764) << qint64(700'000'000);
    QTest::newRow("a decade down") << qint64(70'000'000) << qint64(70'000'000) << qint64(88'124'779);
}

void TestChartData::histogramBinsAlignOnThreshold()
{
    QFETCH(qint64, amount);
    QFETCH(qint64, low);
    QFETCH(qint64, high);
    DetectionContext::Builder builder;
    const std::int32_t account = builder.addAccount(QStringLiteral("KZ01"));
    for (const std::int64_t minor : { std::int64_t(1'000), std::int64_t(amount), std::int64_t(9'000'000'000) }) {
        DetectionContext::Builder::Row row;
        row.account = account;
        row.amountMinor = minor;
        row.bookedAt = utc("2023-05-01T10:00:00Z");
        builder.add(row);
    }
    const DetectionContext context = builder.build();
    const charts::AmountHistogram histogram = charts::AmountHistogram::build(context, ChartScope(), kztThreshold());
    QVERIFY(histogram.thresholdApplies);
    QCOMPARE(histogram.totalCount, 3);
    std::int64_t holding = 0;
    for (std::size_t i = 0; i < histogram.bins.size(); ++i) {
        const charts::HistogramBin &bin = histogram.bins[i];
        if (i > 0)
            QCOMPARE(bin.lowMinor, histogram.bins[i - 1].highMinor);
        if (amount >= bin.lowMinor && amount < bin.highMinor) {
            QCOMPARE(bin.lowMinor, low);
            QCOMPARE(bin.highMinor, high);
            holding += bin.count;
        }
    }
    QCOMPARE(holding, 1);
    // From 10,00 to 90 000 000,00: bins cover seven decades and the amounts at both ends.
    QVERIFY(histogram.bins.front().lowMinor <= 1'000);
    QVERIFY(histogram.bins.back().highMinor > 9'000'000'000);
    QCOMPARE(histogram.bins.size(), std::size_t(71)); // bins -59 .. 11
}

void TestChartData::histogramThresholdShare()
{
    const SmallCase data;
    const charts::AmountHistogram histogram = charts::AmountHistogram::build(data.context, data.scope({ data.a }), kztThreshold());
    QCOMPARE(histogram.currency, QStringLiteral("KZT"));
    QCOMPARE(histogram.totalCount, 4);
    QCOMPARE(histogram.justBelowCount, 1);    // 6 900 000,00
    QCOMPARE(histogram.justBelowDeposits, 1); // a cash deposit
    QCOMPARE(histogram.justAboveCount, 1);    // 7 000 000,00 is reported
    QCOMPARE(histogram.justBelowShare(), 0.25);
    std::int64_t counted = 0;
    for (const charts::HistogramBin &bin : histogram.bins)
        counted += bin.count;
    QCOMPARE(counted, 4);
    const QJsonObject threshold = histogram.toJson().value(u"threshold").toObject();
    QCOMPARE(threshold.value(u"amount_minor").toInteger(), 700'000'000);
    QCOMPARE(threshold.value(u"just_below").toInteger(), 1);
}

void TestChartData::histogramThresholdInOtherCurrency()
{
    const SmallCase data;
    ChartScope scope = data.scope({ data.a });
    scope.currency = QStringLiteral("USD");
    const charts::AmountHistogram histogram = charts::AmountHistogram::build(data.context, scope, kztThreshold());
    QVERIFY(!histogram.thresholdApplies);
    QCOMPARE(histogram.justBelowCount, 0);
    // Without a threshold the bins are aligned on whole major units: 50,00 USD is in [39,81, 50,12).
    QCOMPARE(histogram.bins.size(), std::size_t(1));
    QVERIFY(histogram.bins.front().lowMinor <= 5'000 && histogram.bins.front().highMinor > 5'000);
    QCOMPARE(histogram.bins.front().lowMinor, 3'981);
    QCOMPARE(histogram.bins.front().highMinor, 5'012);
}

void TestChartData::thresholdFromRules()
{
    const charts::ReportingThreshold bundled = charts::ReportingThreshold::fromDefaultRules();
    QCOMPARE(bundled.amountMinor, 700'000'000);
    QCOMPARE(bundled.currency, QStringLiteral("KZT"));
    QCOMPARE(bundled.justUnderFraction, 0.8);
    QCOMPARE(bundled.channels, QStringList { QStringLiteral("cash") });

    QJsonObject rules = detect::RuleSet::defaultJson();
    QJsonObject all = rules.value(u"rules").toObject();
    QJsonObject structuring = all.value(u"structuring").toObject();
    structuring.insert(QStringLiteral("threshold"), 10000);
    structuring.insert(QStringLiteral("currency"), QStringLiteral("USD"));
    all.insert(QStringLiteral("structuring"), structuring);
    rules.insert(QStringLiteral("rules"), all);
    const charts::ReportingThreshold custom = charts::ReportingThreshold::fromRules(rules);
    QCOMPARE(custom.amountMinor, 1'000'000);
    QCOMPARE(custom.currency, QStringLiteral("USD"));

    structuring.insert(QStringLiteral("enabled"), false);
    all.insert(QStringLiteral("structuring"), structuring);
    rules.insert(QStringLiteral("rules"), all);
    QVERIFY(!charts::ReportingThreshold::fromRules(rules).isSet());
}

void TestChartData::heatmapInCaseZone_data()
{
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("weekday");
    QTest::addColumn<int>("hour");
    QTest::newRow("Almaty 2023 is UTC+6") << "2023-03-06T04:00:00Z" << "Asia/Almaty" << 0 << 10;
    QTest::newRow("past local midnight") << "2023-03-07T20:00:00Z" << "Asia/Almaty" << 2 << 2;
    QTest::newRow("Almaty from March 2024 is UTC+5") << "2025-02-20T21:30:00Z" << "Asia/Almaty" << 4 << 2;
    QTest::newRow("Sunday night") << "2023-03-12T17:59:59Z" << "Asia/Almaty" << 6 << 23;
    QTest::newRow("UTC case") << "2023-03-07T20:00:00Z" << "UTC" << 1 << 20;
    QTest::newRow("Berlin summer time") << "2023-07-01T22:30:00Z" << "Europe/Berlin" << 6 << 0;
}

void TestChartData::heatmapInCaseZone()
{
    QFETCH(QString, at);
    QFETCH(QString, zone);
    QFETCH(int, weekday);
    QFETCH(int, hour);
    DetectionContext::Builder builder;
    const std::int32_t account = builder.addAccount(QStringLiteral("KZ01"));
    DetectionContext::Builder::Row row;
    row.account = account;
    row.amountMinor = 12'345;
    row.bookedAt = utc(at.toLatin1().constData());
    builder.add(row);
    const DetectionContext context = builder.build();
    ChartScope scope;
    scope.zone = QTimeZone(zone.toUtf8());
    const charts::HourHeatmap heatmap = charts::HourHeatmap::build(context, scope);
    QCOMPARE(heatmap.totalCount, 1);
    QCOMPARE(heatmap.counts[std::size_t(weekday)][std::size_t(hour)], 1);
    QCOMPARE(heatmap.sumsMinor[std::size_t(weekday)][std::size_t(hour)], 12'345);
    QCOMPARE(heatmap.maxCount(), 1);
}

void TestChartData::breakdownTopAndOther_data()
{
    QTest::addColumn<charts::BreakdownDimension>("dimension");
    QTest::addColumn<int>("top");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QList<qint64>>("counts");
    // Whole case, KZT: cash 1 390 000 000 (2), transfer 10 000 000 + 3 000 000 + 3 000 000 + 2 000 000 (4).
    QTest::newRow("channel, all") << charts::BreakdownDimension::Channel << 10 << QStringList { "cash", "transfer" }
                                  << QList<qint64> { 2, 4 };
    QTest::newRow("channel, top 1") << charts::BreakdownDimension::Channel << 1 << QStringList { "cash", "other (1 more)" }
                                    << QList<qint64> { 2, 4 };
    QTest::newRow("country") << charts::BreakdownDimension::Country << 10 << QStringList { "KZ", "TR" } << QList<qint64> { 5, 1 };
    QTest::newRow("counterparty, top 2")
            << charts::BreakdownDimension::Counterparty << 2
            << QStringList { "(none: cash or unknown)", "KZ02B (Bolat)", "other (2 more)" } << QList<qint64> { 2, 2, 2 };
}

void TestChartData::breakdownTopAndOther()
{
    QFETCH(charts::BreakdownDimension, dimension);
    QFETCH(int, top);
    QFETCH(QStringList, labels);
    QFETCH(QList<qint64>, counts);
    const SmallCase data;
    const charts::Breakdown breakdown = charts::Breakdown::build(data.context, ChartScope(), dimension, top);
    QCOMPARE(breakdown.currency, QStringLiteral("KZT"));
    QCOMPARE(breakdown.totalCount, 6);
    QCOMPARE(breakdown.totalMinor, 1'408'000'000);
    QStringList gotLabels;
    QList<qint64> gotCounts;
    double shares = 0;
    for (const charts::BreakdownRow &row : breakdown.rows) {
        gotLabels << row.label;
        gotCounts << row.count;
        shares += row.share;
        QCOMPARE(row.other, row.label.startsWith(QLatin1String("other")));
    }
    QCOMPARE(gotLabels, labels);
    QCOMPARE(gotCounts, counts);
    QVERIFY(std::abs(shares - 1.0) < 1e-9);
}

QTEST_GUILESS_MAIN(TestChartData)
#include "TestChartData.moc"
