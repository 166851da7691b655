#include "charts/Breakdown.h"

#include "charts/ScopeRows.h"

#include <QJsonArray>
#include <algorithm>
#include <unordered_map>

namespace fundtrace::charts {
namespace {

// A counterparty key: the account index when known, else -(name text + 2), else -1 (nobody).
std::int64_t counterpartyKey(const detect::Transaction &t)
{
    if (t.counterparty >= 0)
        return t.counterparty;
    if (t.counterpartyName >= 0)
        return -(std::int64_t(t.counterpartyName) + 2);
    return -1;
}

QString labelOf(const detect::DetectionContext &context, BreakdownDimension dimension, std::int64_t key)
{
    switch (dimension) {
    case BreakdownDimension::Channel:
        return QString::fromLatin1(detect::channelName(detect::Channel(key)));
    case BreakdownDimension::Country:
        return key == 0 ? QStringLiteral("(unknown)") : context.countryCode(std::uint16_t(key));
    case BreakdownDimension::Counterparty:
        if (key >= 0)
            return context.describeAccount(std::int32_t(key));
        if (key == -1)
            return QStringLiteral("(none: cash or unknown)");
        return context.text(std::int32_t(-key - 2));
    }
    return {};
}

} // namespace

QString breakdownDimensionName(BreakdownDimension dimension)
{
    switch (dimension) {
    case BreakdownDimension::Channel:
        return QStringLiteral("channel");
    case BreakdownDimension::Country:
        return QStringLiteral("country");
    case BreakdownDimension::Counterparty:
        return QStringLiteral("counterparty");
    }
    return {};
}

bool breakdownDimensionFromName(const QString &name, BreakdownDimension &dimension)
{
    for (const BreakdownDimension candidate :
         { BreakdownDimension::Channel, BreakdownDimension::Country, BreakdownDimension::Counterparty }) {
        if (name.compare(breakdownDimensionName(candidate), Qt::CaseInsensitive) == 0) {
            dimension = candidate;
            return true;
        }
    }
    return false;
}

Breakdown Breakdown::build(const detect::DetectionContext &context, const ChartScope &scope, BreakdownDimension dimension,
                           int topN)
{
    if (topN < 1)
        throw ChartError("a breakdown shows at least one row");
    const ScopeRows rows(context, scope);
    Breakdown breakdown;
    breakdown.dimension = dimension;
    breakdown.currency = rows.currency();
    breakdown.otherCurrencyRows = rows.otherCurrencyRows();

    std::unordered_map<std::int64_t, BreakdownRow> byKey;
    rows.forEach([&](const detect::Transaction &t, bool in, bool) {
        const std::int64_t key = dimension == BreakdownDimension::Channel ? std::int64_t(t.channel)
                : dimension == BreakdownDimension::Country                ? std::int64_t(t.country)
                                                                          : counterpartyKey(t);
        BreakdownRow &row = byKey[key];
        ++row.count;
        (in ? row.inMinor : row.outMinor) += t.amountMinor;
        ++breakdown.totalCount;
        breakdown.totalMinor += t.amountMinor;
    });
    std::vector<std::pair<std::int64_t, BreakdownRow>> sorted(byKey.begin(), byKey.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second.sumMinor() != b.second.sumMinor() ? a.second.sumMinor() > b.second.sumMinor() : a.first < b.first;
    });
    BreakdownRow other;
    other.other = true;
    std::size_t otherKinds = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        BreakdownRow row = sorted[i].second;
        if (i < std::size_t(topN)) {
            row.label = labelOf(context, dimension, sorted[i].first);
            breakdown.rows.push_back(row);
        } else {
            ++otherKinds;
            other.count += row.count;
            other.inMinor += row.inMinor;
            other.outMinor += row.outMinor;
        }
    }
    if (otherKinds > 0) {
        other.label = QStringLiteral("other (%1 more)").arg(otherKinds);
        breakdown.rows.push_back(other);
    }
    for (BreakdownRow &row : breakdown.rows)
        row.share = breakdown.totalMinor > 0 ? double(row.sumMinor()) / double(breakdown.totalMinor) : 0.0;
    return breakdown;
}

QJsonObject Breakdown::toJson() const
{
    QJsonArray rowArray;
    for (const BreakdownRow &row : rows)
        rowArray.append(QJsonObject { { QStringLiteral("label"), row.label },
                                      { QStringLiteral("count"), qint64(row.count) },
                                      { QStringLiteral("in_minor"), qint64(row.inMinor) },
                                      { QStringLiteral("out_minor"), qint64(row.outMinor) },
                                      { QStringLiteral("sum_minor"), qint64(row.sumMinor()) },
                                      { QStringLiteral("share"), row.share },
                                      { QStringLiteral("other"), row.other } });
    return { { QStringLiteral("by"), breakdownDimensionName(dimension) },
             { QStringLiteral("currency"), currency },
             { QStringLiteral("transactions"), qint64(totalCount) },
             { QStringLiteral("sum_minor"), qint64(totalMinor) },
             { QStringLiteral("other_currency_transactions"), qint64(otherCurrencyRows) },
             { QStringLiteral("rows"), rowArray } };
}

} // namespace fundtrace::charts
