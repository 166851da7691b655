#include "charts/AmountHistogram.h"

#include "charts/ScopeRows.h"
#include "model/Currency.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace fundtrace::charts {
namespace {

// Bin k spans [anchor x 10^(k/n), anchor x 10^((k+1)/n)); edges are rounded to whole minor units.
class LogBins {
public:
    LogBins(double anchorMinor, int perDecade)
        : m_anchor(anchorMinor)
        , m_perDecade(perDecade)
    {
    }
    std::int64_t edge(std::int64_t k) const
    {
        return std::llround(m_anchor * std::pow(10.0, double(k) / double(m_perDecade)));
    }
    std::int64_t binOf(std::int64_t amountMinor) const
    {
        auto k = std::int64_t(std::floor(std::log10(double(amountMinor) / m_anchor) * m_perDecade));
        // The logarithm can land a hair off at an edge; the integer edges decide.
        while (amountMinor < edge(k))
            --k;
        while (amountMinor >= edge(k + 1))
            ++k;
        return k;
    }

private:
    double m_anchor;
    int m_perDecade;
};

} // namespace

AmountHistogram AmountHistogram::build(const detect::DetectionContext &context, const ChartScope &scope,
                                       const ReportingThreshold &threshold, int binsPerDecade)
{
    if (binsPerDecade < 1 || binsPerDecade > 100)
        throw ChartError("a histogram has 1 to 100 bins per decade");
    const ScopeRows rows(context, scope);
    AmountHistogram histogram;
    histogram.currency = rows.currency();
    histogram.binsPerDecade = binsPerDecade;
    histogram.otherCurrencyRows = rows.otherCurrencyRows();
    histogram.threshold = threshold;
    histogram.thresholdApplies = threshold.isSet() && threshold.currency.compare(histogram.currency, Qt::CaseInsensitive) == 0;

    const double oneMajor = std::pow(10.0, model::minorDigits(histogram.currency.toStdString()));
    const LogBins bins(histogram.thresholdApplies ? double(threshold.amountMinor) : oneMajor, binsPerDecade);
    const std::int64_t floor = histogram.thresholdApplies ? threshold.justUnderFloorMinor() : 0;
    const std::int64_t ceiling = histogram.thresholdApplies
            ? std::int64_t(std::ceil(double(threshold.amountMinor) / threshold.justUnderFraction))
            : 0;
    QSet<QString> channels;
    for (const QString &channel : threshold.channels)
        channels.insert(channel.toLower());
    std::vector<bool> watched(8, false);
    for (int c = 0; c < 8; ++c)
        watched[std::size_t(c)] = channels.contains(QLatin1String(detect::channelName(detect::Channel(c))));

    // First pass: the bin range; second: the counts (bins stay contiguous from the smallest up).
    std::int64_t minAmount = 0;
    std::int64_t maxAmount = 0;
    rows.forEach([&](const detect::Transaction &t, bool, bool) {
        if (t.amountMinor <= 0)
            return;
        minAmount = minAmount == 0 ? t.amountMinor : std::min(minAmount, t.amountMinor);
        maxAmount = std::max(maxAmount, t.amountMinor);
    });
    const std::int64_t firstBin = minAmount > 0 ? bins.binOf(minAmount) : 0;
    const std::int64_t lastBin = maxAmount > 0 ? bins.binOf(maxAmount) : -1;
    for (std::int64_t k = firstBin; k <= lastBin; ++k)
        histogram.bins.push_back({ bins.edge(k), bins.edge(k + 1), 0, 0, 0 });

    // A million rows: a binary search over the few dozen integer edges, no logarithm per row.
    std::vector<std::int64_t> upperEdges;
    for (const HistogramBin &bin : histogram.bins)
        upperEdges.push_back(bin.highMinor);
    rows.forEach([&](const detect::Transaction &t, bool in, bool) {
        ++histogram.totalCount;
        if (t.amountMinor <= 0) {
            ++histogram.zeroCount;
            return;
        }
        const auto index = std::size_t(std::upper_bound(upperEdges.begin(), upperEdges.end(), t.amountMinor) - upperEdges.begin());
        HistogramBin &bin = histogram.bins[index];
        ++bin.count;
        bin.inCount += in ? 1 : 0;
        bin.sumMinor += t.amountMinor;
        if (!histogram.thresholdApplies)
            return;
        if (t.amountMinor >= floor && t.amountMinor < threshold.amountMinor) {
            ++histogram.justBelowCount;
            if (in && watched[std::size_t(t.channel)])
                ++histogram.justBelowDeposits;
        } else if (t.amountMinor >= threshold.amountMinor && t.amountMinor < ceiling) {
            ++histogram.justAboveCount;
        }
    });
    return histogram;
}

QJsonObject AmountHistogram::toJson() const
{
    QJsonArray binArray;
    for (const HistogramBin &bin : bins)
        binArray.append(QJsonObject { { QStringLiteral("low_minor"), qint64(bin.lowMinor) },
                                      { QStringLiteral("high_minor"), qint64(bin.highMinor) },
                                      { QStringLiteral("count"), qint64(bin.count) },
                                      { QStringLiteral("in_count"), qint64(bin.inCount) },
                                      { QStringLiteral("sum_minor"), qint64(bin.sumMinor) } });
    QJsonObject json { { QStringLiteral("currency"), currency },
                       { QStringLiteral("bins_per_decade"), binsPerDecade },
                       { QStringLiteral("transactions"), qint64(totalCount) },
                       { QStringLiteral("zero_amount"), qint64(zeroCount) },
                       { QStringLiteral("other_currency_transactions"), qint64(otherCurrencyRows) },
                       { QStringLiteral("bins"), binArray } };
    if (threshold.isSet()) {
        QJsonObject thresholdJson { { QStringLiteral("amount_minor"), qint64(threshold.amountMinor) },
                                    { QStringLiteral("currency"), threshold.currency },
                                    { QStringLiteral("just_under_fraction"), threshold.justUnderFraction },
                                    { QStringLiteral("applies"), thresholdApplies } };
        if (thresholdApplies) {
            thresholdJson.insert(QStringLiteral("just_below"), qint64(justBelowCount));
            thresholdJson.insert(QStringLiteral("just_below_share"), justBelowShare());
            thresholdJson.insert(QStringLiteral("just_below_deposits"), qint64(justBelowDeposits));
            thresholdJson.insert(QStringLiteral("just_above"), qint64(justAboveCount));
        }
        json.insert(QStringLiteral("threshold"), thresholdJson);
    }
    return json;
}

} // namespace fundtrace::charts
