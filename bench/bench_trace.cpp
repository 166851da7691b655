// Times fund tracing: a 5-hop trace (each attribution rule) from the busiest account of a large
// case, after the case is loaded into memory once. Target: a 5-hop FIFO trace over a
// 1M-transaction case in under 2 s.
//
// Usage: bench_trace [CASE.ftcase] [--rows N] [--hops H]
//   Without a case, a synthetic bank CSV of N rows (default 1 000 000) is generated and imported
//   into a temporary case first.

#include "db/CaseFile.h"
#include "demo/BenchmarkCsvGenerator.h"
#include "detect/DetectionContext.h"
#include "graph/FundTrace.h"
#include "import/FileImporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>

using namespace fundtrace;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    qint64 rows = 1'000'000;
    int hops = 5;
    QString casePath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--rows" && i + 1 < args.size())
            rows = args[++i].toLongLong();
        else if (args[i] == u"--hops" && i + 1 < args.size())
            hops = args[++i].toInt();
        else
            casePath = args[i];
    }
    QTemporaryDir dir;
    QElapsedTimer timer;
    if (casePath.isEmpty()) {
        const QString csv = dir.filePath(QStringLiteral("bench.csv"));
        casePath = dir.filePath(QStringLiteral("bench.ftcase"));
        std::printf("generating and importing %lld rows ...\n", static_cast<long long>(rows));
        demo::BenchmarkCsvGenerator::writeBenchmarkCsv(csv, rows, 7);
        db::CaseFile created = db::CaseFile::create(casePath, QStringLiteral("Trace benchmark"));
        timer.start();
        import::FileImporter(created, {}).importFile(csv);
        std::printf("imported in %.1f s\n", timer.elapsed() / 1000.0);
    }
    db::CaseFile caseFile = db::CaseFile::open(casePath, true);
    timer.restart();
    const detect::DetectionContext context = detect::DetectionContext::load(caseFile.db());
    const double loadSeconds = timer.elapsed() / 1000.0;

    // The source: the account with the most transfers out, the hardest place to start from.
    std::int32_t source = 0;
    for (std::int32_t a = 0; a < std::int32_t(context.accounts().size()); ++a) {
        if (context.flowsOut(a).size() > context.flowsOut(source).size())
            source = a;
    }
    std::printf("\nFund trace benchmark: %zu transactions, %zu accounts, %zu flows (loaded in %.2f s)\n",
                context.transactions().size(), context.accounts().size(), context.flows().size(), loadSeconds);
    std::printf("source %s with %zu transfers out, %d hops, currency %s\n\n", qPrintable(context.accounts()[std::size_t(source)].identifier),
                context.flowsOut(source).size(), hops, "KZT");
    std::printf("%-10s %10s %12s %10s %10s\n", "method", "trace s", "traced", "accounts", "paths");
    bool fifoOk = false;
    for (const graph::TraceMethod method : { graph::TraceMethod::Fifo, graph::TraceMethod::Lifo, graph::TraceMethod::ProRata,
                                             graph::TraceMethod::Libr }) {
        graph::TraceRequest request;
        request.accounts = { source };
        request.hops = hops;
        request.method = method;
        timer.restart();
        const graph::TraceResult result = graph::FundTrace(context).run(request);
        const double seconds = timer.elapsed() / 1000.0;
        std::printf("%-10s %10.3f %12lld %10zu %10zu\n", qPrintable(graph::traceMethodName(method)), seconds,
                    static_cast<long long>(result.tracedMinor / 100), result.destinations.size(), result.paths.size());
        if (method == graph::TraceMethod::Fifo)
            fifoOk = seconds < 2.0;
    }
    std::printf("\n5-hop FIFO trace under 2 s (after loading): %s\n", fifoOk ? "OK" : "MISSED");
    return 0;
}
