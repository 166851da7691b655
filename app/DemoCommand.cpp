#include "DemoCommand.h"

#include "CliCommands.h"
#include "CliSupport.h"
#include "demo/BenchmarkCsvGenerator.h"
#include "db/CaseFile.h"
#include "demo/DemoCaseBuilder.h"

#include <QElapsedTimer>

namespace fundtrace::cli {
namespace {

bool parseNumber(const QString &text, quint64 &value)
{
    bool ok = false;
    value = text.toULongLong(&ok);
    return ok;
}

} // namespace

int commandDemo(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("demo"),
                    QStringLiteral("Generate the demo case: bank exports in several layouts and encodings, imported "
                                   "into OUTDIR/demo.ftcase, with OUTDIR/rejects.csv and OUTDIR/summary.json."));
    cli.parser.addPositionalArgument(QStringLiteral("OUTDIR"), QStringLiteral("Directory to write into (created)."));
    cli.parser.addOption({ QStringLiteral("scale"), QStringLiteral("Multiply background activity by N (default 1)."),
                           QStringLiteral("N"), QStringLiteral("1") });
    cli.parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed (default 20241105)."), QStringLiteral("S"),
                           QStringLiteral("20241105") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    quint64 scale = 0, seed = 0;
    if (!parseNumber(cli.parser.value(QStringLiteral("scale")), scale) || scale < 1 || scale > 10000
        || !parseNumber(cli.parser.value(QStringLiteral("seed")), seed)) {
        err() << "fundtrace-cli demo: --scale must be 1..10000 and --seed a whole number\n";
        return UsageError;
    }

    QElapsedTimer timer;
    timer.start();
    try {
        const demo::DemoCaseReport report = demo::buildDemoCase(cli.parser.positionalArguments().at(0), seed, int(scale));
        for (const auto &[file, result] : report.files) {
            if (result.status != import::ImportResult::Status::Imported)
                err() << "fundtrace-cli demo: " << result.message << "\n";
            out() << "  " << file.fileName << " (" << file.description << "): " << result.rowsImported
                  << " rows imported, " << result.rowsRejected << " rejected\n";
        }
        const QJsonObject &summary = report.summary;
        out() << "Demo case written to " << report.casePath << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 1)
              << " s: " << summary.value(QStringLiteral("transactions")).toInteger() << " transactions, "
              << summary.value(QStringLiteral("accounts")).toInteger() << " accounts, "
              << summary.value(QStringLiteral("sources")).toInteger() << " sources, "
              << summary.value(QStringLiteral("rejected_rows")).toInteger() << " rejected rows (see " << report.rejectsPath
              << ")\n"
              << "Then: " << summary.value(QStringLiteral("subjects_refresh")).toString() << "; detection: "
              << summary.value(QStringLiteral("alerts")).toInt() << " alerts (fundtrace-cli alerts " << report.casePath << ")\n"
              << "Also written: " << report.summaryPath << ", the source files in " << report.dataDir
              << " (truth.json describes the planted story)\n";
        return report.allImported ? Success : InputError;
    } catch (const db::CaseError &error) {
        err() << "fundtrace-cli demo: " << QString::fromUtf8(error.what()) << "\n";
        return CaseError;
    } catch (const std::runtime_error &error) {
        // MappingError, ImportError and file-writing failures.
        err() << "fundtrace-cli demo: " << QString::fromUtf8(error.what()) << "\n";
        return InputError;
    }
}

int commandGenerateBenchCsv(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("generate-bench-csv"),
                    QStringLiteral("Write a large synthetic bank CSV (UTF-8, comma, recognised headers) for benchmarks."));
    cli.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Output CSV."));
    cli.parser.addOption({ QStringLiteral("rows"), QStringLiteral("Number of data rows."), QStringLiteral("N"),
                           QStringLiteral("1000000") });
    cli.parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"), QStringLiteral("7") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    quint64 rows = 0, seed = 0;
    if (!parseNumber(cli.parser.value(QStringLiteral("rows")), rows) || !parseNumber(cli.parser.value(QStringLiteral("seed")), seed)) {
        err() << "fundtrace-cli generate-bench-csv: --rows and --seed must be whole numbers\n";
        return UsageError;
    }
    QElapsedTimer timer;
    timer.start();
    const QString path = cli.parser.positionalArguments().at(0);
    qint64 written = 0;
    try {
        written = demo::BenchmarkCsvGenerator::writeBenchmarkCsv(path, qint64(rows), seed);
    } catch (const std::runtime_error &error) {
        err() << "fundtrace-cli generate-bench-csv: " << QString::fromUtf8(error.what()) << "\n";
        return InputError;
    }
    out() << "wrote " << written << " rows to " << path << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 1)
          << " s\n";
    return Success;
}

} // namespace fundtrace::cli
