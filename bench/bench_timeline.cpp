// Times the timeline: building its data from a million transactions and replotting the
// TimelineView. Target: a timeline of 1M transactions replotted in under 100 ms.
//
// Usage: bench_timeline [CASE.ftcase] [--rows N] [--replots N]
//   Without a case, a synthetic context of N transactions (default 1 000 000) over two years is
//   built in memory: 20 000 accounts, log-normal amounts, office-hours timing, a few USD rows,
//   plus 2 000 alerts spread over the period (a case brings its own alerts).
//   Prints the data build times (timeline for the whole case and for the busiest account,
//   histogram, heatmap, breakdowns) and the median, 90th percentile and worst of N replots of a
//   1600x900 offscreen TimelineView, still and while zooming and panning.

#include "TimelineView.h"
#include "charts/AmountHistogram.h"
#include "charts/Breakdown.h"
#include "charts/HourHeatmap.h"
#include "charts/TimelineSeries.h"
#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "import/CaseTimeZone.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <qcustomplot.h>

using namespace fundtrace;

namespace {

constexpr std::int64_t kStart = 1672531200; // 2023-01-01 00:00 UTC

detect::DetectionContext syntheticContext(qint64 rows)
{
    QRandomGenerator random(7);
    detect::DetectionContext::Builder builder;
    constexpr int kAccounts = 20'000;
    for (int a = 0; a < kAccounts; ++a)
        builder.addAccount(QStringLiteral("KZ%1").arg(a, 18, 10, QLatin1Char('0')));
    const QString kzt = QStringLiteral("KZT");
    const QString usd = QStringLiteral("USD");
    const std::int64_t span = 730LL * 86400;
    for (qint64 i = 0; i < rows; ++i) {
        detect::DetectionContext::Builder::Row row;
        // A fifth of the traffic on 200 busy accounts, the rest spread out.
        row.account = random.bounded(5) == 0 ? std::int32_t(random.bounded(200)) : std::int32_t(random.bounded(kAccounts));
        row.counterparty = random.bounded(3) == 0 ? -1 : std::int32_t(random.bounded(kAccounts));
        row.credit = random.bounded(2) == 0;
        const std::int64_t day = std::int64_t(double(i) / double(rows) * double(span)) / 86400;
        row.bookedAt = kStart + day * 86400 + 3 * 3600 + std::int64_t(random.bounded(10 * 3600)); // 09:00-19:00 Almaty
        const double normal = std::sqrt(-2.0 * std::log(1.0 - random.generateDouble())) * std::cos(6.283185307 * random.generateDouble());
        row.amountMinor = std::max<std::int64_t>(100, std::llround(std::exp(11.0 + 1.6 * normal)));
        row.channel = random.bounded(10) == 0 ? detect::Channel::Cash : detect::Channel::Transfer;
        row.currency = random.bounded(100) == 0 ? usd : kzt;
        builder.add(row);
    }
    return builder.build();
}

struct Timing {
    double median = 0, p90 = 0, worst = 0;
};

Timing summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return { ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 9 / 10)], ms.back() };
}

template<typename F>
double millis(F &&f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    qint64 rows = 1'000'000;
    int replots = 60;
    QString casePath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--rows" && i + 1 < args.size())
            rows = args[++i].toLongLong();
        else if (args[i] == u"--replots" && i + 1 < args.size())
            replots = std::max(5, args[++i].toInt());
        else
            casePath = args[i];
    }

    charts::ChartScope scope;
    detect::DetectionContext context;
    std::optional<db::CaseFile> caseFile;
    QElapsedTimer timer;
    timer.start();
    if (casePath.isEmpty()) {
        context = syntheticContext(rows);
    } else {
        caseFile.emplace(db::CaseFile::open(casePath, true));
        scope.zone = import::caseTimeZone(*caseFile);
        context = detect::DetectionContext::load(caseFile->db());
    }
    std::printf("Timeline benchmark: %zu transactions, %zu accounts (%s in %.2f s)\n\n", context.transactions().size(),
                context.accounts().size(), casePath.isEmpty() ? "generated" : "loaded", timer.elapsed() / 1000.0);

    std::int32_t busiest = 0;
    for (std::int32_t a = 0; a < std::int32_t(context.accounts().size()); ++a) {
        if (context.rowsOf(a).size() > context.rowsOf(busiest).size())
            busiest = a;
    }
    charts::ChartScope account = scope;
    account.accounts = { busiest };

    std::printf("%-44s %10s %8s\n", "data (build once per selection)", "ms", "buckets");
    charts::TimelineSeries whole, daily, single;
    const auto report = [](const char *what, double ms, std::size_t buckets) {
        std::printf("%-44s %10.1f %8zu\n", what, ms, buckets);
    };
    double ms = millis([&] { whole = charts::TimelineSeries::build(context, scope); });
    report("timeline, whole case, automatic buckets", ms, whole.buckets.size());
    ms = millis([&] { daily = charts::TimelineSeries::build(context, scope, charts::TimeBucket::Day); });
    report("timeline, whole case, daily buckets", ms, daily.buckets.size());
    ms = millis([&] { single = charts::TimelineSeries::build(context, account); });
    report("timeline, busiest account", ms, single.buckets.size());
    std::size_t bins = 0;
    ms = millis([&] { bins = charts::AmountHistogram::build(context, scope, charts::ReportingThreshold::fromDefaultRules()).bins.size(); });
    report("amount histogram, whole case", ms, bins);
    ms = millis([&] { charts::HourHeatmap::build(context, scope); });
    report("weekday x hour heatmap, whole case", ms, 7 * 24);
    ms = millis([&] {
        for (const auto by : { charts::BreakdownDimension::Channel, charts::BreakdownDimension::Country,
                               charts::BreakdownDimension::Counterparty })
            charts::Breakdown::build(context, scope, by);
    });
    report("three breakdowns, whole case", ms, 0);

    // A case's own alerts; for generated data, alerts as a detection run leaves them on a big
    // case: many, with short windows.
    if (caseFile) {
        daily.alerts = charts::alertMarkers(caseFile->db(), context, scope);
    } else {
        QRandomGenerator random(11);
        for (int i = 0; i < 2000; ++i) {
            const std::int64_t start = kStart + std::int64_t(random.bounded(720 * 86400));
            daily.alerts.push_back({ i + 1, QStringLiteral("structuring"), QStringLiteral("3 deposits just under 7 000 000,00 KZT"),
                                     QStringLiteral("new"), int(random.bounded(40, 100)), start, start + 7 * 86400 });
        }
    }
    whole.alerts = daily.alerts;
    const QString alertsName = QStringLiteral("daily buckets + %1 alerts").arg(daily.alerts.size());

    ui::TimelineView view;
    view.resize(1600, 900);
    view.show();
    QCustomPlot *plot = view.plot();
    std::printf("\n%-44s %8s %8s %8s\n", "replot, 1600x900 offscreen", "median", "p90", "worst");
    bool met = true;
    for (const auto &[name, series] : { std::pair { QStringLiteral("automatic buckets"), &whole }, std::pair { alertsName, &daily } }) {
        view.setData(*series);
        QApplication::processEvents();
        std::vector<double> still, zooming;
        for (int i = 0; i < replots; ++i)
            still.push_back(millis([&] { plot->replot(QCustomPlot::rpImmediateRefresh); }));
        const QCPRange full = plot->xAxis->range();
        for (int i = 0; i < replots; ++i) {
            // Zoom in towards the middle, then pan: what the wheel and a drag do.
            const double factor = i % 20 < 10 ? 0.85 : 1 / 0.85;
            zooming.push_back(millis([&] {
                plot->xAxis->scaleRange(factor, plot->xAxis->range().center());
                plot->xAxis->moveRange(plot->xAxis->range().size() * 0.03);
                plot->replot(QCustomPlot::rpImmediateRefresh);
            }));
        }
        plot->xAxis->setRange(full);
        const Timing s = summarise(still);
        const Timing z = summarise(zooming);
        std::printf("%-44s %8.1f %8.1f %8.1f   (%zu buckets)\n", qPrintable(name + QStringLiteral(", still")),
                    s.median, s.p90, s.worst, series->buckets.size());
        std::printf("%-44s %8.1f %8.1f %8.1f\n", qPrintable(name + QStringLiteral(", zoom + pan")), z.median,
                    z.p90, z.worst);
        met = met && s.median < 100 && z.median < 100;
    }
    std::printf("\nreplot of a %zu-transaction timeline under 100 ms (median): %s\n", context.transactions().size(),
                met ? "OK" : "MISSED");
    return 0;
}
