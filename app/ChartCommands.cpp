#include "ChartCommands.h"

#include "CliCommands.h"
#include "CliSupport.h"

#include "charts/AmountHistogram.h"
#include "charts/Breakdown.h"
#include "charts/HourHeatmap.h"
#include "charts/TimelineSeries.h"
#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "detect/RuleSet.h"
#include "graph/TraceTarget.h"
#include "import/CaseTimeZone.h"
#include "model/Currency.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <algorithm>
#include <optional>

namespace fundtrace::cli {
namespace {

const QStringList kCharts { QStringLiteral("timeline"), QStringLiteral("histogram"), QStringLiteral("heatmap"),
                            QStringLiteral("breakdown") };

QString money(std::int64_t minor, const QString &currency)
{
    return model::formatAmount(minor, currency.toStdString(), model::AmountStyle::Cis, false);
}

QString localDay(std::int64_t utc, const QTimeZone &zone, const QString &format)
{
    return QDateTime::fromSecsSinceEpoch(utc, zone).toString(format);
}

void printScope(const QString &what, const QString &who, const QString &currency, std::int64_t rows,
                std::int64_t otherCurrencyRows)
{
    out() << what << " of " << who << " in " << (currency.isEmpty() ? QStringLiteral("-") : currency) << ": " << rows
          << " transactions";
    if (otherCurrencyRows > 0)
        out() << " (" << otherCurrencyRows << " in other currencies not shown; use --currency)";
    out() << "\n";
}

void printTimeline(const charts::TimelineSeries &series, const QString &who, const QTimeZone &zone)
{
    printScope(QStringLiteral("Timeline"), who, series.currency, series.rowCount(), series.otherCurrencyRows);
    if (series.buckets.empty())
        return;
    out() << "in " << money(series.totalInMinor(), series.currency) << ", out " << money(series.totalOutMinor(), series.currency)
          << ", per " << charts::timeBucketName(series.bucket) << " (" << series.zone << ")\n\n";
    const QString format = series.bucket == charts::TimeBucket::Month ? QStringLiteral("yyyy-MM") : QStringLiteral("yyyy-MM-dd");
    out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(series.bucket == charts::TimeBucket::Week ? QStringLiteral("week of") : charts::timeBucketName(series.bucket), -10)
                     .arg(QStringLiteral("in"), 20)
                     .arg(QStringLiteral("out"), 20)
                     .arg(QStringLiteral("rows"), 8)
                     .arg(series.hasBalance ? QStringLiteral("balance") : QString(), 20);
    for (const charts::TimelineBucket &b : series.buckets) {
        out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                         .arg(localDay(b.start, zone, format), -10)
                         .arg(money(b.inMinor, series.currency), 20)
                         .arg(money(b.outMinor, series.currency), 20)
                         .arg(b.inCount + b.outCount, 8)
                         .arg(series.hasBalance ? money(b.balanceMinor, series.currency) : QString(), 20);
    }
    if (series.hasBalance)
        out() << "(balance: opening " << money(series.openingBalanceMinor, series.currency)
              << " plus the statement movements shown, not a balance reported by the bank)\n";
    if (!series.alerts.empty()) {
        out() << "\nAlerts (" << series.alerts.size() << "):\n";
        for (const charts::AlertMarker &alert : series.alerts)
            out() << "  #" << alert.id << " [" << alert.score << "] " << localDay(alert.windowStart, zone, QStringLiteral("yyyy-MM-dd"))
                  << " .. " << localDay(alert.windowEnd, zone, QStringLiteral("yyyy-MM-dd")) << "  " << alert.rule << ": "
                  << alert.title << "\n";
    }
}

void printHistogram(const charts::AmountHistogram &histogram, const QString &who)
{
    printScope(QStringLiteral("Amounts"), who, histogram.currency, histogram.totalCount, histogram.otherCurrencyRows);
    if (histogram.isEmpty())
        return;
    std::int64_t most = 1;
    for (const charts::HistogramBin &bin : histogram.bins)
        most = std::max(most, bin.count);
    out() << histogram.binsPerDecade << " bins per decade";
    if (histogram.zeroCount > 0)
        out() << ", " << histogram.zeroCount << " of amount 0 not shown";
    out() << "\n\n";
    const charts::ReportingThreshold &threshold = histogram.threshold;
    for (const charts::HistogramBin &bin : histogram.bins) {
        if (histogram.thresholdApplies && bin.lowMinor == threshold.amountMinor)
            out() << QStringLiteral("---- reporting threshold %1 %2 ----\n").arg(money(threshold.amountMinor, threshold.currency),
                                                                                  threshold.currency);
        const int width = int(std::llround(40.0 * double(bin.count) / double(most)));
        out() << QStringLiteral("%1 .. %2 %3 %4\n")
                         .arg(money(bin.lowMinor, histogram.currency), 20)
                         .arg(money(bin.highMinor, histogram.currency), -20)
                         .arg(bin.count, 9)
                         .arg(QString(width, QLatin1Char('#')));
    }
    if (histogram.thresholdApplies) {
        out() << "\nJust under the reporting threshold (" << money(threshold.justUnderFloorMinor(), threshold.currency) << " .. "
              << money(threshold.amountMinor - 1, threshold.currency) << "): " << histogram.justBelowCount << " ("
              << QString::number(100.0 * histogram.justBelowShare(), 'f', 1) << "%), of which " << histogram.justBelowDeposits
              << " deposits by " << threshold.channels.join(QStringLiteral(", ")) << "; just over it: "
              << histogram.justAboveCount << "\n";
    } else if (threshold.isSet()) {
        out() << "\nThe reporting threshold is set in " << threshold.currency << "; use --currency " << threshold.currency
              << " to see it.\n";
    }
}

void printHeatmap(const charts::HourHeatmap &heatmap, const QString &who)
{
    printScope(QStringLiteral("Transactions per weekday and hour"), who, heatmap.currency, heatmap.totalCount,
               heatmap.otherCurrencyRows);
    if (heatmap.isEmpty())
        return;
    out() << "(hours in " << heatmap.zone << ")\n\n    ";
    for (int h = 0; h < 24; ++h)
        out() << QStringLiteral("%1").arg(h, 5);
    out() << QStringLiteral("%1\n").arg(QStringLiteral("total"), 8);
    for (int d = 0; d < 7; ++d) {
        out() << charts::HourHeatmap::weekdayName(d) << ' ';
        std::int64_t total = 0;
        for (int h = 0; h < 24; ++h) {
            const std::int64_t count = heatmap.counts[std::size_t(d)][std::size_t(h)];
            total += count;
            out() << QStringLiteral("%1").arg(count == 0 ? QStringLiteral(".") : QString::number(count), 5);
        }
        out() << QStringLiteral("%1\n").arg(total, 8);
    }
}

void printBreakdown(const charts::Breakdown &breakdown, const QString &who)
{
    printScope(QStringLiteral("Breakdown by ") + charts::breakdownDimensionName(breakdown.dimension), who, breakdown.currency,
               breakdown.totalCount, breakdown.otherCurrencyRows);
    if (breakdown.isEmpty())
        return;
    out() << "\n"
          << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(QStringLiteral("share"), 6)
                     .arg(QStringLiteral("rows"), 9)
                     .arg(QStringLiteral("in"), 20)
                     .arg(QStringLiteral("out"), 20)
                     .arg(charts::breakdownDimensionName(breakdown.dimension));
    for (const charts::BreakdownRow &row : breakdown.rows)
        out() << QStringLiteral("%1% %2 %3 %4 %5\n")
                         .arg(100.0 * row.share, 5, 'f', 1)
                         .arg(row.count, 9)
                         .arg(money(row.inMinor, breakdown.currency), 20)
                         .arg(money(row.outMinor, breakdown.currency), 20)
                         .arg(row.label);
}

} // namespace

int commandChart(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("chart"), QStringLiteral("The data behind the timeline and distribution charts, as text or JSON."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("CHART"), QStringLiteral("timeline, histogram, heatmap or breakdown."));
    cli.parser.addOption({ QStringLiteral("subject"), QStringLiteral("A subject's accounts (any member id; repeatable)."), QStringLiteral("ID") });
    cli.parser.addOption({ QStringLiteral("account"), QStringLiteral("An account number as written in a statement, or "
                                                                     "an account id (repeatable). Without --subject and "
                                                                     "--account: the whole case."), QStringLiteral("A") });
    cli.parser.addOption({ QStringLiteral("since"), QStringLiteral("From this day (yyyy-MM-dd, in the case's zone)."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("until"), QStringLiteral("Up to and including this day."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("currency"), QStringLiteral("Currency shown (default: the most used)."), QStringLiteral("C") });
    cli.parser.addOption({ QStringLiteral("bucket"), QStringLiteral("timeline: day, week or month (default: by the span)."), QStringLiteral("B") });
    cli.parser.addOption({ QStringLiteral("by"), QStringLiteral("breakdown: channel (default), country or counterparty."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("top"), QStringLiteral("breakdown: rows before \"other\" (default 10)."), QStringLiteral("N") });
    cli.parser.addOption({ QStringLiteral("rules"), QStringLiteral("histogram: rules file whose structuring threshold is drawn "
                                                                   "(default: the rules of the case's last detection run, "
                                                                   "else the bundled rules)."), QStringLiteral("R") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 2, 2); code >= 0)
        return code;
    const QString chart = cli.parser.positionalArguments().at(1).toLower();
    if (!kCharts.contains(chart)) {
        err() << "fundtrace-cli chart: CHART is timeline, histogram, heatmap or breakdown\n";
        return UsageError;
    }
    charts::TimeBucket bucket = charts::TimeBucket::Automatic;
    if (cli.parser.isSet(QStringLiteral("bucket")) && !charts::timeBucketFromName(cli.parser.value(QStringLiteral("bucket")), bucket)) {
        err() << "fundtrace-cli chart: --bucket is day, week or month\n";
        return UsageError;
    }
    charts::BreakdownDimension dimension = charts::BreakdownDimension::Channel;
    if (cli.parser.isSet(QStringLiteral("by")) && !charts::breakdownDimensionFromName(cli.parser.value(QStringLiteral("by")), dimension)) {
        err() << "fundtrace-cli chart: --by is channel, country or counterparty\n";
        return UsageError;
    }
    int top = 10;
    if (cli.parser.isSet(QStringLiteral("top"))) {
        bool ok = false;
        top = cli.parser.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 1 || top > 1000) {
            err() << "fundtrace-cli chart: --top is a number from 1 to 1000\n";
            return UsageError;
        }
    }
    std::vector<std::int64_t> subjectIds;
    for (const QString &id : cli.parser.values(QStringLiteral("subject"))) {
        bool ok = false;
        subjectIds.push_back(id.toLongLong(&ok));
        if (!ok) {
            err() << "fundtrace-cli chart: --subject takes a subject id (see fundtrace-cli subjects)\n";
            return UsageError;
        }
    }

    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        charts::ChartScope scope;
        scope.zone = import::caseTimeZone(caseFile);
        const QString badDays = readDayRange(cli.parser, scope.zone, scope.from, scope.to);
        if (!badDays.isEmpty()) {
            err() << "fundtrace-cli chart: " << badDays << "\n";
            return int(UsageError);
        }
        if (scope.to != 0)
            ++scope.to; // a chart's period ends before the first second after --until
        scope.currency = cli.parser.value(QStringLiteral("currency")).toUpper();

        const detect::DetectionContext context = detect::DetectionContext::load(caseFile.db());
        QStringList who;
        for (const std::int64_t id : subjectIds) {
            const std::vector<std::int32_t> accounts = graph::traceAccountsOfSubject(context, caseFile.db(), id);
            if (accounts.empty()) {
                err() << "fundtrace-cli chart: no subject " << id << " with accounts in this case\n";
                return int(InputError);
            }
            scope.accounts.insert(scope.accounts.end(), accounts.begin(), accounts.end());
            const std::int32_t subject = context.accounts()[std::size_t(accounts.front())].subject;
            who << context.describeSubject(subject);
        }
        for (const QString &identifier : cli.parser.values(QStringLiteral("account"))) {
            // An identifier as written in a statement, else an accounts.id.
            std::vector<std::int32_t> accounts = graph::accountsWithIdentifier(context, identifier);
            bool numeric = false;
            const std::int64_t accountId = identifier.toLongLong(&numeric);
            if (accounts.empty() && numeric)
                accounts = graph::traceAccountWithId(context, accountId);
            if (accounts.empty()) {
                err() << "fundtrace-cli chart: no account \"" << identifier << "\" in this case\n";
                return int(InputError);
            }
            scope.accounts.insert(scope.accounts.end(), accounts.begin(), accounts.end());
            who << context.describeAccount(accounts.front());
        }
        std::sort(scope.accounts.begin(), scope.accounts.end());
        scope.accounts.erase(std::unique(scope.accounts.begin(), scope.accounts.end()), scope.accounts.end());
        const QString scopeName = who.isEmpty() ? QStringLiteral("the whole case") : who.join(QStringLiteral(", "));
        const bool json = cli.parser.isSet(QStringLiteral("json"));

        if (chart == QLatin1String("timeline")) {
            charts::TimelineSeries series = charts::TimelineSeries::build(context, scope, bucket);
            series.alerts = charts::alertMarkers(caseFile.db(), context, scope);
            if (json)
                printJson(series.toJson());
            else
                printTimeline(series, scopeName, scope.zone);
        } else if (chart == QLatin1String("histogram")) {
            const charts::ReportingThreshold threshold = cli.parser.isSet(QStringLiteral("rules"))
                    ? charts::ReportingThreshold::fromRules(detect::RuleSet::fromFile(cli.parser.value(QStringLiteral("rules"))).json())
                    : charts::ReportingThreshold::ofCase(caseFile.db());
            const charts::AmountHistogram histogram = charts::AmountHistogram::build(context, scope, threshold);
            if (json)
                printJson(histogram.toJson());
            else
                printHistogram(histogram, scopeName);
        } else if (chart == QLatin1String("heatmap")) {
            const charts::HourHeatmap heatmap = charts::HourHeatmap::build(context, scope);
            if (json)
                printJson(heatmap.toJson());
            else
                printHeatmap(heatmap, scopeName);
        } else {
            const charts::Breakdown breakdown = charts::Breakdown::build(context, scope, dimension, top);
            if (json)
                printJson(breakdown.toJson());
            else
                printBreakdown(breakdown, scopeName);
        }
        return int(Success);
    });
}

} // namespace fundtrace::cli
